"""Garbled text: radicals, undecodable placeholders, mojibake, tool and page residue.

Every rule is tried on damage made here from sentences of our own (encoded and
decoded the way the damage happens) and on ordinary text it must leave alone.
"""

from __future__ import annotations

import unicodedata

import pytest

from reportlint.rules.garbled import (
    JumpLine,
    Mojibake,
    PageFurniture,
    RadicalCharacter,
    StrayLetter,
    ToolResidue,
    UndecodedCharacter,
)
from reportlint.runner import lint_text

ALL = [RadicalCharacter, UndecodedCharacter, Mojibake, ToolResidue, JumpLine, PageFurniture, StrayLetter]


def _lint(text: str, rules=ALL):
    return lint_text(text, "t.txt", [(r, dict(r.options)) for r in rules]).diagnostics


def _codes(text: str, rules=ALL) -> list[str]:
    return [d.code for d in _lint(text, rules)]


def _apply(text: str, diag) -> str:
    for e in sorted(diag.fix.edits, key=lambda e: e.start, reverse=True):
        text = text[:e.start] + e.content + text[e.end:]
    return text


# Kangxi radicals (and one supplement) whose compatibility decomposition is the ideograph.
_TO_RADICAL = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0x2F00, 0x2FD6)}


def _radicalise(text: str) -> str:
    return "".join(_TO_RADICAL.get(c, c) for c in text)


def test_radicals_are_reported_and_fixed_back():
    clean = "今年要让农民的生活水平再上一个台阶，山区道路全部硬化。\n"
    damaged = _radicalise(clean)
    assert damaged != clean
    diags = _lint(damaged)
    assert [d.code for d in diags] == ["GRB001"]
    assert diags[0].fix is not None and diags[0].fix.applicability == "safe"
    assert _apply(damaged, diags[0]) == clean


def test_radical_supplement_without_decomposition_has_no_fix():
    text = "推进城市更新，延\u2ed3社区服务时间。\n"  # ⻓ (U+2ED3) decomposes to nothing
    diags = _lint(text)
    assert [d.code for d in diags] == ["GRB001"] and diags[0].fix is None


def test_radicals_alone_in_a_symbol_list_are_left_alone():
    assert _codes("⼀ ⼁ ⼂ ⼃\n") == []


def test_replacement_character_and_byte_patterns():
    assert _codes("全年新增绿地\ufffd\ufffd公顷，完成造林。\n") == ["GRB002"]
    assert _codes("全年新增绿地锟斤拷锟斤拷公顷。\n") == ["GRB002"]
    assert _codes("报告正文烫烫烫烫烫烫到此为止。\n") == ["GRB002"]
    assert _codes("完成投资(cid:4521)(cid:733)亿元。\n") == ["GRB002"]
    assert _codes("改造老旧小区\ue123个。\n") == ["GRB002"]


def test_lossy_question_marks_among_rare_characters():
    # 万人次 as UTF-8 bytes, read as GBK by a converter that wrote ? for what it could not map
    garbled = "万人次".encode().decode("gbk", errors="replace").replace("\ufffd", "?")
    text = f"解决了农村8{garbled}的饮水问题，新修水渠30公里。\n"
    assert "GRB002" in _codes(text)


def test_ordinary_question_mark_is_not_mojibake():
    assert _codes("我们要问自己?是否做到了让群众满意?答案在实践中。\n") == []


@pytest.mark.parametrize("phrase", ["政府工作报告", "加快推进乡村振兴", "城镇居民人均可支配收入"])
def test_utf8_read_as_gbk_is_repaired(phrase):
    garbled = phrase.encode("utf-8").decode("gbk", errors="replace")
    text = f"现在，{garbled}，请予审议。\n"
    diags = [d for d in _lint(text) if d.code == "GRB003"]
    assert len(diags) == 1
    if "\ufffd" not in garbled:
        assert diags[0].fix is not None and _apply(text, diags[0]) == f"现在，{phrase}，请予审议。\n"


def test_utf8_read_as_latin1_is_repaired():
    garbled = "高质量发展".encode().decode("latin-1")
    text = f"推动{garbled}取得新成效。\n"
    diags = _lint(text, [Mojibake])
    assert len(diags) == 1 and _apply(text, diags[0]) == "推动高质量发展取得新成效。\n"


@pytest.mark.parametrize("text", [
    "全市上下团结一心，锐意进取，经济社会发展取得显著成绩。\n",
    "瓯江两岸的镌刻、鏖战与龃龉都已成为过去。\n",  # rare characters, but real words
    "The café served crème brûlée to the délégation.\n",
])
def test_ordinary_text_is_not_mojibake(text):
    assert _codes(text, [Mojibake]) == []


def test_template_residue():
    assert _codes("粮食产量达到４$1.$2万吨，增长$1.$2％。\n") == ["GRB004", "GRB004"]
    assert _codes("全年接待游客{{visitors}}万人次。\n") == ["GRB004"]


def test_money_with_dollar_sign_is_not_a_template():
    assert _codes("出口额达$15亿，外资到位$3亿。\n") == []
    assert _codes("Revenue reached $1.2 billion, up from $1 billion.\n") == []


def test_jump_lines():
    text = "新建污水管网80公里，（下转第三版）\n\n（上接第一版）完成老旧小区改造120个。\n"
    assert _codes(text, [JumpLine]) == ["GRB005", "GRB005"]


def test_edition_without_jump_is_left_alone():
    assert _codes("印发了规划第二版，修订第3版标准。\n", [JumpLine]) == []


def test_page_number_inside_a_sentence():
    assert _codes("全年新增城镇就业5万人，城镇登记— 12 —失业率控制在3%以内。\n") == ["GRB006"]
    assert _codes("全年新增城镇就业5万人，城镇登记政府工作报告 第 7 页失业率控制在3%以内。\n") == ["GRB006"]
    assert _codes("人均公园绿地面积第 4 页 共 30 页达到15平方米。\n") == ["GRB006"]


@pytest.mark.parametrize("text", [
    "“十四五”时期（2021—2025年）是关键五年。\n",
    "增长2-3个百分点，完成目标任务。\n",
    "具体安排见附件第3页。\n",
    "— 3 —\n",
])
def test_dashes_and_page_references_that_are_prose(text):
    assert _codes(text, [PageFurniture]) == []


def test_page_number_on_a_line_of_its_own_inside_a_sentence():
    text = "今年全市新建保障性住房八千套，改造老旧\n\n— 14 —\n\n小区一百二十个，惠及居民三万户。\n"
    diags = _lint(text, [PageFurniture])
    assert [text[d.start:d.end].strip() for d in diags] == ["— 14 —"]


def test_numbered_line_between_finished_paragraphs_is_left_alone():
    text = "今年全市新建保障性住房八千套。\n\n— 14 —\n\n改造老旧小区一百二十个。\n"
    assert _lint(text, [PageFurniture]) == []


def test_placeholders_quoted_as_inline_code_are_not_residue():
    from reportlint.rules.garbled import ToolResidue, UndecodedCharacter

    text = "替换模板时写成 `$1.$2` 或 `{{ name }}` 会留下占位符，`(cid:12)` 也是常见的提取残留。\n"
    rules = [(ToolResidue, {}), (UndecodedCharacter, {})]
    assert lint_text(text, "t.md", rules).diagnostics == []
    assert lint_text(text.replace("`", ""), "t.md", rules).diagnostics


def test_running_title_without_a_page_number_between_two_halves():
    head = "2030年政府工作报告\n\n各位代表：\n\n"
    own = head + "今年全市新建保障性住房八千套，改造老旧\n\n2030年政府工作报告\n\n小区一百二十个，惠及居民三万户。\n"
    diags = _lint(own, [PageFurniture])
    assert [own[d.start:d.end].strip() for d in diags] == ["2030年政府工作报告"]
    glued = head + "今年全市新建保障性住房八千套，改造老旧\n2030年政府工作报告\n小区一百二十个，惠及居民三万户。\n"
    diags = _lint(glued, [PageFurniture])
    assert [glued[d.start:d.end] for d in diags] == ["2030年政府工作报告"]


def test_running_title_between_finished_paragraphs_or_not_the_documents_is_left_alone():
    head = "2030年政府工作报告\n\n各位代表：\n\n"
    finished = head + "今年全市新建保障性住房八千套。\n\n2030年政府工作报告\n\n改造老旧小区一百二十个。\n"
    assert _lint(finished, [PageFurniture]) == []
    # a title the document does not carry as its own, named once
    other = head + "今年要认真落实\n\n国务院政府工作报告\n\n提出的各项任务。\n"
    assert _lint(other, [PageFurniture]) == []


def test_stray_latin_letter_between_chinese_characters():
    text = "建成滨海步道、观澜湖k文化广场等项目。新建o个社区食堂、l座公园。\n"
    diags = _lint(text, [StrayLetter])
    assert [text[d.start:d.end] for d in diags] == ["k", "o", "l"]


@pytest.mark.parametrize("text", [
    "推广e政务服务，打造i西安品牌。\n",       # a prefix letter of a name
    "全面实施国六b排放标准。\n",               # a grade after a numeral
    "建设x谷创新园，x谷创新园已经开园。\n",      # a name with a letter, used again
    "引进A股上市公司，开展B超筛查。\n",          # uppercase: abbreviations
])
def test_letters_that_belong_in_chinese_text(text):
    assert _lint(text, [StrayLetter]) == []
