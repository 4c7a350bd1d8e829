"""Block-level helpers the truncation rules and logical paragraphs rest on."""

from __future__ import annotations

import pytest

from reportlint.document import Document
from reportlint.text.blocks import BlockKind, ends_sentence, looks_like_title
from reportlint.text.joins import Evidence, continues, heading_like, joiner, meant_open


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("作保障房5000套以上。（市住建局）", True),  # a note after the sentence
        ("（牵头单位：市住建局）", True),
        ("达到国家标准。（市消防救援支队〈特勤〉）", True),
        ("促进房地产业（试点）", False),  # the bracket closes a phrase, the sentence stays open
        ("他说：“我们要干。”", True),
        ("我们要把握“大桥经济”“黄金内湾”", False),
        ("Rates held (see the note).", True),
        ("完成年度", False),
    ],
)
def test_ends_sentence(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends


@pytest.mark.parametrize(
    "text",
    ["――2022年1月7日在厦门市第十六届人民代表大会第一次会议上", "——2024年2月1日在江门市人民代表大会上", "June 17, 2025",
     "International economy"],
)
def test_datelines_and_short_headings_are_titles(text: str) -> None:
    lang = "zh" if "年" in text else "en"
    assert looks_like_title(text, lang)


def _blocks(text: str):
    return Document(text).blocks


def test_heading_like_paragraphs() -> None:
    head, _ = _blocks("五年来，我们保持战略定力，坚定不移发展实体经济，综合实力迈上新台阶\n\n经济规模持续壮大。\n")
    assert head.kind is BlockKind.PARAGRAPH and heading_like(head)
    cut = _blocks("完善保障体系。坚持“房住不炒”，促进房地产业\n")[0]
    assert not heading_like(cut)  # a sentence inside: a paragraph, not a heading
    glossary = _blocks("韧性城市：指城市能够抵御灾害，减轻灾害损失\n")[0]
    assert not heading_like(glossary)


def test_english_heading_like_needs_its_last_word_elsewhere() -> None:
    text = "Costs rose quickly. Exports were expected to fade.\n\nThis surge was expected to fade quic\n"
    doc = Document(text)
    line = doc.blocks[-1]
    assert heading_like(line)  # without statistics it reads like a heading
    assert not heading_like(line, evidence=Evidence(text))


def test_lines_meant_to_stay_open() -> None:
    assert meant_open(_blocks("责任单位：各县（市）区政府，市级各相关部门\n")[0])
    assert meant_open(_blocks("请予审议。一、2003年工作的回顾\n")[0])
    assert not meant_open(_blocks("韧性城市：指城市能够抵御灾害，减轻灾害损失\n")[0])


def test_continues_with_and_without_evidence() -> None:
    text = ("全省水土保持工作扎实推进。\n\n生态持续改善。近岸海域水质第1，全省水\n\n土保持考核获评优秀。\n\n"
            "加快建设。坚持“房住不炒”，促进房地产业\n\n建设高质量教育体系。\n")
    blocks = _blocks(text)
    ev = Evidence(text)
    assert continues(blocks[1], blocks[2], ev)  # 水土 occurs elsewhere
    assert continues(blocks[3], blocks[4])  # without statistics any open paragraph continues
    assert not continues(blocks[3], blocks[4], ev)  # with them: a lost ending, not a split
    assert not continues(blocks[0], blocks[1], ev)  # the first one closes its sentence


def test_logical_paragraphs_keep_a_lost_ending_apart() -> None:
    text = "加快建设。坚持“房住不炒”，促进房地产业\n\n建设高质量教育体系。\n\n生态改善。全省水\n\n土保持获评优秀。全省水土流失减少。\n"
    lps = Document(text).logical_paragraphs
    assert [lp.text for lp in lps] == ["加快建设。坚持“房住不炒”，促进房地产业", "建设高质量教育体系。",
                                       "生态改善。全省水土保持获评优秀。全省水土流失减少。"]


@pytest.mark.parametrize(
    ("left", "right", "vocab", "sep"),
    [
        ("完成年度", "投资77亿元", None, ""),
        ("data will bec", "ome an asset", {"become": 2}, ""),
        ("we will", "provide funding", {"we": 5, "will": 5, "provide": 3}, " "),
        ("房源5", "7163套", None, ""),
        ("the rate of", "inflation", None, " "),
    ],
)
def test_joiner(left: str, right: str, vocab, sep: str) -> None:
    from collections import Counter

    assert joiner(left, right, Counter(vocab) if vocab is not None else None) == sep


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Policy decision", True),
        ("Canadian economy and inflation outlook", True),
        ("June 17, 2025", True),
        ("The one-off Special Payment will cost about $280 million a", False),  # ends on a function word
        ("Confidently, we must grow", False),  # a clause comma
    ],
)
def test_english_titles_versus_cut_sentences(text: str, title: bool) -> None:
    assert looks_like_title(text, "en") is title


def test_english_word_pairs_and_cut_words_across_a_break() -> None:
    from reportlint.text.joins import continuation_reason

    text = ("The Personal Income Tax Rebate will help. Government must work.\n\n"
            "We will give a Personal Income Tax\n\nRebate of 20% this year.\n\n"
            "We must make sure Gover\n\nnment works.\n\nWe must act now. The Policy\n\nCommittee met.\n")
    blocks = _blocks(text)
    ev = Evidence(text)
    assert "occurs elsewhere" in continuation_reason(blocks[1], blocks[2], ev)
    assert continuation_reason(blocks[3], blocks[4], ev)  # lowercase opening
    assert continuation_reason(blocks[5], blocks[6], ev) == ""  # "Policy Committee" is nowhere else


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("标准比上年分别提高7%\n\n和11%，月人均实际救助金额分别增长。\n", "`和`"),
        ("工业总产值3593亿元\n\n（1990年不变价），增长12%。\n", "aside in brackets"),
        ("严厉打击偷漏税和骗税、抗税等\n\n违法行为，维护良好的税收秩序。\n", "stops after `等`"),
        ("PM2.5浓度下降。秸秆综合利用全覆盖。全年 PM\n\n2.5年均浓度值下降。\n", "`PM2.5` occurs"),
    ],
)
def test_continuation_reasons(text: str, why: str) -> None:
    from reportlint.text.joins import continuation_reason

    blocks = _blocks(text)
    assert why in continuation_reason(blocks[0], blocks[1], Evidence(text))


def test_hard_wrapped_list_item_is_one_block() -> None:
    """A list item's lazy continuation lines belong to it, as CommonMark reads them."""
    text = ("- The budget office publishes its forecast twice a year,\n"
            "  with revisions explained in an annex that follows\n"
            "  the main tables.\n"
            "- A second item starts here.\n\n"
            "Plain paragraph after the list.\n")
    doc = Document(text)
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.text.split()[0] for b in items] == ["The", "A"]
    assert items[0].text.endswith("the main tables.")
    assert doc.blocks[-1].kind is BlockKind.PARAGRAPH


def test_chinese_list_items_still_split_at_sentence_ends() -> None:
    text = "- 一是稳住工业投资。\n二是扩大居民消费。\n"
    blocks = Document(text).blocks
    assert [b.text for b in blocks] == ["一是稳住工业投资。", "二是扩大居民消费。"]


def test_hard_wrapped_english_line_ending_on_a_colon_goes_on() -> None:
    text = "The committee lists three aims (each with a target date, as follows:\nlower costs, faster service) in its plan.\n"
    blocks = Document(text).blocks
    assert len(blocks) == 1 and blocks[0].text.endswith("in its plan.")


def test_chinese_line_ending_on_an_ascii_colon_still_ends_its_paragraph() -> None:
    text = "今年重点抓好以下工作:\n一是稳定工业增长。\n"
    assert len(Document(text).blocks) == 2


def test_is_han_and_han_class_are_one_set() -> None:
    import re
    import sys

    from reportlint.text.scripts import HAN_CLASS, is_han

    pattern = re.compile(f"[{HAN_CLASS}]")
    text = "".join(chr(o) for o in range(sys.maxunicode + 1) if not 0xD800 <= o <= 0xDFFF)
    assert {m.start() for m in pattern.finditer(text)} == {i for i, c in enumerate(text) if is_han(c)}
    assert is_han("中") and is_han("𠮷") and is_han("〇") and not is_han("。") and not is_han("a")
