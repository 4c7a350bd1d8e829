"""Structure rules: announced item counts and heading numbers that skip."""

from __future__ import annotations

import pytest

from reportlint.rules.structure import (
    MissingItems,
    NumberingGap,
    cn_number,
    numbering_style,
    numbering_value,
    render,
)
from reportlint.runner import lint_text


def _found(rule, text: str) -> list[tuple[str, str]]:
    res = lint_text(text, "t.txt", [(rule, dict(rule.options))])
    return [(d.code, text[d.start:d.end]) for d in res.diagnostics]


@pytest.mark.parametrize(("text", "value"), [("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("三十五", 35), ("两", 2)])
def test_chinese_numerals(text: str, value: int) -> None:
    assert cn_number(text) == value
    assert cn_number(render("cn#", value)) == value or text == "两"


def test_numbering_style_and_value() -> None:
    assert numbering_style("（一）") == numbering_style("(三)") != numbering_style("一、")
    assert numbering_style("1.") == numbering_style("12．") != numbering_style("（1）")
    assert [numbering_value(n) for n in ("三、", "（十二）", "4.", "⑤")] == [3, 12, 4, 5]


# -- missing items -------------------------------------------------------------------

def test_nine_announced_one_delivered() -> None:
    text = ("要坚持稳中求进，切实稳住经济大盘。重点抓好以下九个方面工作：\n\n"
            "（一）围绕新定位，纵深推进大湾区建设\n\n持续加强软硬联通。加快融入轨道上的大湾区。\n")
    assert _found(MissingItems, text) == [("STR001", "九")]


def test_all_announced_items_delivered_is_quiet() -> None:
    items = "".join(f"（{n}）第{n}项工作\n\n推进落实。\n\n" for n in "一二三")
    text = "重点抓好以下三个方面工作：\n\n" + items + "二、加强政府自身建设\n\n（一）坚持依法行政\n\n"
    assert _found(MissingItems, text) == []


def test_inline_items_one_per_paragraph() -> None:
    text = ("我们将重点把握好以下六个方面：\n\n" + "".join(f"{n}是加快打造首府。\n\n" for n in "一二三四五")
            + "2017年是新一届政府的开局之年。\n")
    assert _found(MissingItems, text) == [("STR001", "六")]
    full = text.replace("五是加快打造首府。\n\n", "五是加快打造首府。\n\n六是加快打造首府。\n\n")
    assert _found(MissingItems, full) == []


def test_inline_items_in_one_paragraph() -> None:
    text = "今年要做好以下三项工作：\n\n一是稳增长；二是促改革；三是惠民生。\n"
    assert _found(MissingItems, text) == []
    assert _found(MissingItems, text.replace("三是惠民生", "惠民生")) == [("STR001", "三")]


def test_english_priorities() -> None:
    text = ("This Budget focuses on three priorities.\n\nFirst, we will help firms grow.\n\n"
            "Second, we will build a caring society.\n\nLet me now turn to revenue.\n")
    assert _found(MissingItems, text) == [("STR001", "three")]
    full = text.replace("Let me now", "Third, we will keep finances sound.\n\nLet me now")
    assert _found(MissingItems, full) == []
    finally_ = text.replace("Let me now", "Finally, we will keep finances sound.\n\nLet me now")
    assert _found(MissingItems, finally_) == []


@pytest.mark.parametrize(
    "text",
    [
        "七大战略性新兴产业基地：指新一代信息技术、高端装备制造等七大产业基地。\n",  # a definition, not a lead-in
        "重点抓好以下几个方面工作：\n\n（一）稳增长\n\n",  # no count announced
        "We discussed two areas: housing and health.\n",  # items in the sentence itself
    ],
)
def test_no_count_to_check(text: str) -> None:
    assert _found(MissingItems, text) == []


# -- numbering gaps ----------------------------------------------------------------

def test_heading_numbers_that_skip() -> None:
    text = "一、2023年工作回顾\n\n回顾。\n\n三、2024年工作安排\n\n安排。\n"
    assert _found(NumberingGap, text) == [("STR002", "三、")]
    text = "（一）稳增长\n\n内容。\n\n（三）惠民生\n\n内容。\n"
    assert _found(NumberingGap, text) == [("STR002", "（三）")]


@pytest.mark.parametrize(
    "text",
    [
        # sub-lists restart under each part
        "一、回顾\n\n（一）甲\n\n（二）乙\n\n二、安排\n\n（一）丙\n\n（二）丁\n",
        # or carry on across parts
        "一、回顾\n\n（一）甲\n\n（二）乙\n\n二、安排\n\n（三）丙\n\n（四）丁\n",
        # a glossary numbered from 1 after the body
        "1.甲项。\n\n2.乙项。\n\n3.丙项。\n\n名词解释\n\n1.术语：说明。\n\n2.术语：说明。\n",
        # an item the parser does not take for one (a number right after the dot) is still there
        "14．“三公”经费：说明。\n\n15.10大产业项目：说明。\n\n16.10项重点工程：说明。\n\n17．“退二进三”：说明。\n",
        # a repeated paragraph is not a skip
        "（一）甲\n\n（二）乙\n\n（二）乙\n\n（三）丙\n",
    ],
)
def test_numbering_that_does_not_skip(text: str) -> None:
    assert _found(NumberingGap, text) == []


def test_items_counted_with_di_yi_di_er() -> None:
    text = "做好今年工作，要把握好以下三点：\n\n第一，坚持稳中求进。\n\n第二，坚持改革创新。\n\n各位代表！\n"
    assert _found(MissingItems, text) == [("STR001", "三")]
    full = text.replace("各位代表！", "第三，坚持人民至上。\n\n各位代表！")
    assert _found(MissingItems, full) == []


def test_items_with_paragraphs_of_their_own() -> None:
    items = "".join(f"**{n}是推进一项工作。**\n\n这项工作的具体内容。\n\n" for n in "一二三四五六")
    text = "我们着力抓了以下七项工作：\n\n" + items + "各位代表，成绩来之不易。\n\n**七是深化改革。**\n\n二、今年的工作\n"
    assert _found(MissingItems, text) == []
    assert _found(MissingItems, text.replace("**七是深化改革。**", "深化改革。")) == [("STR001", "七")]


def test_english_announcement_followed_by_a_list() -> None:
    text = "The Budget has three priorities:\n\n- help firms grow\n- build a caring society\n\nLet me explain.\n"
    assert _found(MissingItems, text) == [("STR001", "three")]
    full = text.replace("- build", "- keep finances sound\n- build")
    assert _found(MissingItems, full) == []


EN_LEAD = "Our plan rests on four pillars.\n\n"


@pytest.mark.parametrize(
    "items",
    [
        # ordinals after a conjunction or a determiner
        "First, we will train workers.\n\nSecond, we will help firms.\n\nThird, we will build homes.\n\n"
        "And fourth, we will keep our finances sound.\n\n",
        "The first pillar is training.\n\nThe second pillar is enterprise.\n\nThe third component is housing.\n\n"
        "The fourth component is prudence.\n\n",
        # sequencers
        "First, we will train workers.\n\nSecond, we will help firms.\n\nNext, we will build homes.\n\n"
        "Finally, we will keep our finances sound.\n\n",
        # labels in the text
        "They are: (a) training; (b) enterprise; (c) housing; and (d) prudence.\n\n",
        "i. training for workers\n\nii. help for firms\n\niii. homes for families\n\niv. sound finances\n\n",
    ],
)
def test_english_items_introduced_in_many_ways_are_counted(items: str) -> None:
    text = EN_LEAD + items + "Let me now turn to revenue.\n"
    assert _found(MissingItems, text) == []


def test_english_items_really_missing_are_still_found() -> None:
    text = (EN_LEAD + "First, we will train workers.\n\nSecond, we will help firms.\n\n"
            "Third, we will build homes.\n\nLet me now turn to revenue.\n")
    assert _found(MissingItems, text) == [("STR001", "four")]
    labelled = EN_LEAD + "They are: (a) training; (b) enterprise; and (c) housing.\n\nLet me now turn to revenue.\n"
    assert _found(MissingItems, labelled) == [("STR001", "four")]


@pytest.mark.parametrize(
    "text",
    [
        # the opening bracket lost in extraction
        "（一）稳增长\n\n内容。\n\n二）促改革\n\n内容。\n\n（三）惠民生\n\n内容。\n",
        # emphasis markers inside the mark
        "（一）稳增长\n\n内容。\n\n**（**二）促改革\n\n内容。\n\n（三）惠民生\n\n内容。\n",
        # the heading run into the end of the paragraph before
        "（一）稳增长\n\n内容完成。（二）促改革\n\n内容。\n\n（三）惠民生\n\n内容。\n",
    ],
)
def test_mangled_or_run_in_heading_is_no_gap(text: str) -> None:
    assert _found(NumberingGap, text) == []


def test_a_number_after_a_sentence_is_no_heading() -> None:
    text = "一、回顾\n\n收入增长。二十项工程完工。\n\n三、安排\n\n内容。\n"
    assert _found(NumberingGap, text) == [("STR002", "三、")]
    text = "1. 回顾\n\n收入增长。2.5亿元到位。\n\n3. 安排\n\n内容。\n"
    assert _found(NumberingGap, text) == [("STR002", "3.")]


def test_english_later_items_inside_a_sentence_and_the_final_one() -> None:
    text = ("We should act for three reasons.\n\nThe first of these has to do with cost, and the second "
            "has to do with fairness.\n\nThe final reason is trust.\n\nLet me now turn to revenue.\n")
    assert _found(MissingItems, text) == []
    short = text.replace("The final reason is trust.\n\n", "")
    assert _found(MissingItems, short) == [("STR001", "three")]


def test_english_items_as_lettered_headings_are_counted() -> None:
    items = "A. Training\n\nWe will train workers.\n\nB. Enterprise\n\nWe will help firms.\n\nC. Housing\n\nWe will build.\n\n"
    text = "This Budget has three parts.\n\n" + items + "Let me now turn to revenue.\n"
    assert _found(MissingItems, text) == []
    assert _found(MissingItems, text.replace("C. Housing\n\nWe will build.\n\n", "")) == [("STR001", "three")]
