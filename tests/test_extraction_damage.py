"""Damage from page layout and extraction, in the truncation, structure and duplication
families: a number cut from its unit by a page break, a paragraph that lost its first
characters, a heading run into the paragraph before it, a whole document repeated."""

from __future__ import annotations

from reportlint.rules.duplication import DuplicateParagraph, RepeatedDocument, document_repeat
from reportlint.rules.structure import RunInHeading
from reportlint.rules.truncation import LostBeginning, LostEnding, SplitSentence
from reportlint.document import Document
from reportlint.runner import lint_text

TRN = [SplitSentence, LostEnding, LostBeginning]


def _lint(text: str, rules):
    return lint_text(text, "t.txt", [(r, dict(r.options)) for r in rules]).diagnostics


def _apply(text: str, diag) -> str:
    for e in sorted(diag.fix.edits, key=lambda e: e.start, reverse=True):
        text = text[:e.start] + e.content + text[e.end:]
    return text


# -- a number cut from its unit ---------------------------------------------------

def test_number_cut_from_its_unit_is_joined():
    text = "报告\n\n根据市人大常委会第 17\n\n号决定，全面推行河长制。\n"
    diags = _lint(text, TRN)
    assert [d.code for d in diags] == ["TRN001"]
    assert _apply(text, diags[0]) == "报告\n\n根据市人大常委会第 17号决定，全面推行河长制。\n"


def test_short_count_cut_from_its_measure_word():
    text = "报告\n\n今年全市 36\n\n项民生实事全部完成，群众满意度提高。\n"
    assert [d.code for d in _lint(text, TRN)] == ["TRN001"]


def test_numbered_label_before_a_paragraph_is_no_cut():
    text = "附件2\n\n项目名称与建设内容如下表所示。\n"
    assert _lint(text, TRN) == []


# -- lost first characters ----------------------------------------------------------

_SPEECH = (
    "各位代表：\n\n"
    "现在，我代表市人民政府向大会报告工作，请予审议。\n\n"
    "各位代表，过去一年我们坚持把项目建设作为稳增长的关键，加快推进城市更新。\n\n"
    "今年我们继续坚持把项目建设放在首位。\n\n"
    "{damaged}\n\n"
    "推进城市更新，改造老旧小区一百个。\n"
)


def test_paragraph_that_lost_its_first_character():
    text = _SPEECH.format(damaged="位代表，新的一年任务艰巨，我们要迎难而上。")
    diags = [d for d in _lint(text, TRN) if d.code == "TRN003"]
    assert len(diags) == 1 and text[diags[0].start:].startswith("位代表")


def test_paragraph_that_lost_its_first_two_characters():
    text = _SPEECH.format(damaged="持把项目建设作为头号工程，全年开工项目三百个。")
    diags = [d for d in _lint(text, TRN) if d.code == "TRN003"]
    assert len(diags) == 1 and text[diags[0].start:].startswith("持把项目")


def test_opening_that_is_a_word_of_its_own_is_left_alone():
    # 推进城市更新 follows 加快 once elsewhere, but 推进 opens a clause by itself.
    text = _SPEECH.format(damaged="我们要推进城市更新，提升城市品质。")
    assert [d for d in _lint(text, TRN) if d.code == "TRN003"] == []


def test_opening_that_follows_different_characters_is_left_alone():
    # 代表们 follows 位 in 各位代表们 and 大 in 人大代表们: no single lost head
    text = ("标题\n\n各位代表们，今年我们要迎难而上。\n\n人大代表们提出的建议全部办结。\n\n"
            "代表们的意见建议得到认真办理，办结率百分之百。\n")
    assert [d for d in _lint(text, TRN) if d.code == "TRN003"] == []


# -- a heading run into the paragraph before ----------------------------------------

_REPORT = (
    "一、过去一年的工作\n\n"
    "（一）经济运行稳中有进。全市生产总值增长百分之六。\n\n"
    "（二）改革开放不断深化。营商环境持续优化。{glued}\n\n"
    "外贸进出口增长百分之八，实际使用外资增长百分之五。\n\n"
    "（四）民生保障持续加强。新增就业三万人。\n\n"
    "二、今年的主要任务\n\n"
    "今年要着力扩大内需。\n"
)


def test_heading_run_into_the_paragraph_before():
    text = _REPORT.format(glued="（三）对外开放水平不断提高")
    diags = _lint(text, [RunInHeading])
    assert [text[d.start:d.end] for d in diags] == ["（三）对外开放水平不断提高"]
    assert diags[0].fix.applicability == "unsafe"
    assert "营商环境持续优化。\n\n（三）对外开放" in _apply(text, diags[0])


def test_inline_enumeration_is_no_run_in_heading():
    # （一）（二） inside a paragraph after a sentence: items, and the series does not fit
    text = _REPORT.format(glued="主要措施有三项。（一）简化审批。（二）降低收费。")
    assert _lint(text, [RunInHeading]) == []


# -- a whole document repeated --------------------------------------------------------

_BODY = "".join(
    f"第{n}段：今年我们围绕第{n}项重点任务，完成投资{n * 7}亿元，新建项目{n * 3}个，群众满意度持续提升。\n\n"
    for n in range(1, 30))


def test_whole_document_repeated_in_merged_paragraphs():
    merged = _BODY.replace("\n\n", "")
    text = "2024年工作报告\n\n" + merged + "\n\n" + merged + merged + "\n"
    diags = _lint(text, [RepeatedDocument, DuplicateParagraph])
    assert [d.code for d in diags] == ["DUP006"]
    assert "3 copies" in diags[0].message


def test_repeated_paragraphs_are_no_repeated_document():
    text = "2024年工作报告\n\n" + _BODY + _BODY.split("\n\n")[0] + "\n\n"
    assert document_repeat(Document(text)) is None


def test_number_cut_inside_a_label_with_its_value():
    # a glossary line (label：value) is meant to stay open, but not when a figure is cut
    text = "注释\n\n[12]河长制：2019 年 5 月，市人大常委会第 21\n\n号决定公布实施细则。\n"
    diags = [d for d in _lint(text, TRN) if d.code == "TRN001"]
    assert len(diags) == 1 and "号决定" in text[diags[0].start:diags[0].end]


def test_two_headings_run_in_one_after_the_other():
    text = ("一、过去一年的工作\n\n全市生产总值增长百分之六。我们将认真加以解决。二、今后五年的目标\n\n"
            "未来五年要加快发展。我们一定能够实现目标！三、今年的主要任务\n\n今年要着力扩大内需。\n")
    shown = [text[d.start:d.end] for d in _lint(text, [RunInHeading])]
    assert shown == ["二、今后五年的目标", "三、今年的主要任务"]
