"""The document model: decoding, masks, positions, widths, sentences, scripts, caching."""

from __future__ import annotations

import pytest

from reportlint.document import Document
from reportlint.text.blocks import BlockKind
from reportlint.text.decode import DecodeError, decode_bytes, encode_text
from reportlint.text.lines import LineIndex
from reportlint.text.scripts import HAN, LATIN, DIGIT, PUNCT, script_runs
from reportlint.text.sentences import clause_spans, sentence_spans
from reportlint.text.width import display_width
from reportlint.report.excerpt import excerpt


def test_decode_utf8_bom_utf16_gb18030_and_refusals() -> None:
    assert decode_bytes("\ufeff正文".encode("utf-8")).text == "正文"
    assert decode_bytes("正文".encode("utf-16")).text == "正文"
    gb = decode_bytes("各位代表：现在我代表市人民政府报告工作。".encode("gb18030"))
    assert gb.encoding == "gb18030" and gb.notice and gb.text.startswith("各位代表")
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"abc\x00def")
    with pytest.raises(DecodeError, match="not UTF-8"):
        decode_bytes(b"caf\xe9 au lait, cr\xe8me br\xfbl\xe9e")  # Latin-1 is refused, not guessed
    assert encode_text("正文", "utf-8-sig").startswith(b"\xef\xbb\xbf")


def test_line_index_positions_and_crlf() -> None:
    idx = LineIndex("ab\r\n正文\n\nx")
    assert idx.position(0) == (1, 1)
    assert idx.position(4) == (2, 1)
    assert idx.position(5) == (2, 2)
    assert idx.line_text(0) == "ab"
    assert idx.position(8) == (4, 1)


def test_display_width_counts_wide_characters() -> None:
    assert display_width("abc") == 3
    assert display_width("正文") == 4
    assert display_width("５G，") == 5
    assert display_width("e\u0301") == 1


def test_excerpt_carets_line_up_under_chinese() -> None:
    line = "一" * 100 + "<br>" + "二" * 100
    ex = excerpt(line, 100, 104)
    assert ex.text.startswith("...") and ex.text.endswith("...")
    shown_before = ex.text[: ex.text.index("<br>")]
    assert ex.caret_pad == display_width(shown_before)
    assert ex.caret_len == 4
    short = excerpt("正文<br>", 2, 6)
    assert (short.text, short.caret_pad, short.caret_len) == ("正文<br>", 4, 4)


def test_masks_front_matter_code_and_comments() -> None:
    text = "---\ntitle: x\n---\n\n# 标题\n\n正文<br>。\n\n```\ncode 段落\n```\n\n<!-- 注释 -->\n尾段。\n"
    doc = Document(text)
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds == [(BlockKind.HEADING, "标题"), (BlockKind.PARAGRAPH, "正文<br>。"), (BlockKind.PARAGRAPH, "尾段。")]
    assert doc.is_masked(text.index("title")) and doc.is_masked(text.index("code")) and doc.is_masked(text.index("注释"))
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text


def test_headings_titles_and_numbering() -> None:
    text = "政府工作报告\n\n——2024年2月1日在某市人民代表大会上\n\n各位代表：\n\n一、2023年工作回顾\n\n过去一年，我们做了很多工作。\n\n（一）围绕新定位，推进大湾区建设\n\n**二、2024年工作安排**\n"
    doc = Document(text)
    heads = [b.text for b in doc.headings]
    assert heads == ["政府工作报告", "——2024年2月1日在某市人民代表大会上", "一、2023年工作回顾",
                     "（一）围绕新定位，推进大湾区建设", "**二、2024年工作安排**"]
    assert [b.text for b in doc.paragraphs] == ["各位代表：", "过去一年，我们做了很多工作。"]
    assert doc.language == "zh"


def test_one_paragraph_per_line_in_plain_text() -> None:
    doc = Document("第一段话。\n第二段话。\nA wrapped English\nline continues here.\n")
    assert [b.text for b in doc.paragraphs] == ["第一段话。", "第二段话。", "A wrapped English\nline continues here."]


def test_logical_paragraphs_rejoin_page_break_splits() -> None:
    text = "推进新型城镇化建设，分类打造中心镇、专业镇、特色小镇，完成年度\n\n投资77亿元。城乡更宜居。\n\n下一段。\n"
    doc = Document(text)
    lps = doc.logical_paragraphs
    assert [lp.text for lp in lps] == ["推进新型城镇化建设，分类打造中心镇、专业镇、特色小镇，完成年度投资77亿元。城乡更宜居。", "下一段。"]
    lp = lps[0]
    i = lp.text.index("投资")
    assert doc.text[lp.to_doc(i):lp.to_doc(i) + 2] == "投资"
    s, e = lp.to_doc_span(lp.text.index("年度"), lp.text.index("投资") + 2)
    assert doc.text[s:e] == "年度\n\n投资"


def test_sentences_keep_closing_quotes_and_skip_decimals() -> None:
    text = "他说：“我们要干。”然后走了。GDP增长5.2%。"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["他说：“我们要干。”", "然后走了。", "GDP增长5.2%。"]
    en = 'Growth was 2.5 percent in the U.S. economy. Mr. Smith agreed. "It held." Then rates fell'
    assert [en[s:e] for s, e in sentence_spans(en)] == [
        "Growth was 2.5 percent in the U.S. economy.", "Mr. Smith agreed.", '"It held."', "Then rates fell"]


def test_clauses_split_at_commas_outside_quotes() -> None:
    text = "推进“一网通办，一网统管”建设，完善机制、提升效能。"
    assert [text[s:e] for s, e in clause_spans(text)] == ["推进“一网通办，一网统管”建设，", "完善机制、", "提升效能。"]


def test_script_runs() -> None:
    runs = [(k, "精神 and 5G网络。"[s:e]) for k, s, e in script_runs("精神 and 5G网络。")]
    assert runs == [(HAN, "精神"), ("space", " "), (LATIN, "and"), ("space", " "), (DIGIT, "5"), (LATIN, "G"),
                    (HAN, "网络"), (PUNCT, "。")]


def test_analyses_are_cached() -> None:
    doc = Document("正文。\n")
    assert doc.blocks is doc.blocks
    assert doc.logical_paragraphs is doc.logical_paragraphs


def test_sections_nest_by_numbering_level() -> None:
    text = "一、2023年工作回顾\n\n回顾段落。\n\n二、2024年工作安排\n\n（一）抓产业\n\n安排段落。\n"
    doc = Document(text)
    path = [s.heading.text for s in doc.section_path(text.index("安排段落")) if s.heading]
    assert path == ["二、2024年工作安排", "（一）抓产业"]
    path = [s.heading.text for s in doc.section_path(text.index("回顾段落")) if s.heading]
    assert path == ["一、2023年工作回顾"]


def test_han_ratio_agrees_with_the_character_classes() -> None:
    import random

    from reportlint.text.scripts import han_ratio, is_han, is_latin

    def by_char(t: str) -> float:
        han = sum(1 for c in t if is_han(c))
        latin = sum(1 for c in t if is_latin(c))
        return han / (han + latin) if han + latin else 0.0

    alphabet = "中文〇𠮷abcXYZÀ×÷éŸȏɏｚＡ123，。 "
    rng = random.Random(7)
    for _ in range(500):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert han_ratio(t) == by_char(t), t
