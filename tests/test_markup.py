"""Markup residue: true positives and the correct Markdown that must stay silent."""

from __future__ import annotations

import pytest

from reportlint.rules.markup import CjkEmphasisNotRendered, HtmlResidue, UnpairedEmphasis
from reportlint.runner import lint_text


def _find(rule, text: str) -> list[tuple[str, str]]:
    res = lint_text(text, "r.md", [(rule, dict(rule.options))])
    return [(d.code, text[d.start:d.end]) for d in res.diagnostics]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("打造新时代卓越工程师<br>队伍。", "<br>"),
        ("有就业意</p>愿的困难毕业生。", "</p>"),
        ("组建市投资促</span>进中心。", "</span>"),
        ('支持<span style="color:red">制造业</span>龙头。', '<span style="color:red">'),
        ("在落实“&ldquo;三高四新”战略中。", "&ldquo;"),
        ("worthy of this count&#12288;ry.", "&#12288;"),
        ("A&nbsp;B.", "&nbsp;"),
    ],
)
def test_html_residue_found(text: str, found: str) -> None:
    assert ("MKP001", found) in _find(HtmlResidue, text)


@pytest.mark.parametrize(
    "text",
    [
        "研发投入R&D占比提高。",
        "比较 a < b 且 c > d 的情形。",
        "城市书房<一期>工程。",
        "```\n<br>\n```\n",
        "代码 `<br>` 是换行标签。",
        "<!-- <br> -->\n正文。",
        "AT&T and P&G reported earnings; Q&A followed.",
    ],
)
def test_html_residue_silent(text: str) -> None:
    assert _find(HtmlResidue, text) == []


def test_unpaired_emphasis_found() -> None:
    text = "Market conditions in these **sectors had spread to others."
    assert _find(UnpairedEmphasis, text) == [("MKP002", "**")]


@pytest.mark.parametrize(
    "text",
    [
        "**一、2023年工作回顾**",
        "The **policy rate** was held, and **growth** slowed.",
        "snake__case__name is an identifier.",
        "Separator line:\n\n***\n\nNext.",
        "`**` inside code is fine.",
        "**全面提升政策效能**，加强经济运行调度。",
    ],
)
def test_unpaired_emphasis_silent(text: str) -> None:
    assert _find(UnpairedEmphasis, text) == []


def test_cjk_bold_that_will_not_render() -> None:
    text = "收入增长5.2%。**全面提升政策效能，**加强经济运行调度。"
    res = lint_text(text, "r.md", [(CjkEmphasisNotRendered, {})])
    (d,) = res.diagnostics
    assert text[d.start:d.end] == "**全面提升政策效能，**"
    assert d.fix is not None and d.fix.applicability == "safe"
    (edit,) = d.fix.edits
    fixed = text[:edit.start] + edit.content + text[edit.end:]
    assert fixed == "收入增长5.2%。**全面提升政策效能**，加强经济运行调度。"
    assert lint_text(fixed, "r.md", [(CjkEmphasisNotRendered, {})]).diagnostics == []


def test_cjk_bold_opening_before_punctuation() -> None:
    text = "要把握**“大桥经济”**机遇。"
    assert _find(CjkEmphasisNotRendered, text) == [("MKP003", "**“大桥经济”**")]


@pytest.mark.parametrize(
    "text",
    [
        "**突出特色抓产业。** 加快构建现代乡村产业体系。",
        "**强化区域战略科技力量**，江门中微子实验室完成安装。",
        "这是**重点**工作。",
        "The **rate**, as expected, held.",
        "**“大桥经济”**",
    ],
)
def test_cjk_bold_that_renders_is_silent(text: str) -> None:
    assert _find(CjkEmphasisNotRendered, text) == []


def test_line_break_in_a_table_cell_is_not_residue() -> None:
    table = ("| 序号 | 任务 |\n| --- | --- |\n| 1 | 建成公园三座。<br>（2）改造老旧小区十个。 |\n"
             "| 2 | 新增学位<br/>两千个 |\n| 3 | 新建<span>绿道</span>五十公里 |\n")
    found = _find(HtmlResidue, table)
    assert ("MKP001", "<br>") not in found and ("MKP001", "<br/>") not in found
    assert ("MKP001", "<span>") in found  # other tags in a cell are still residue
    assert ("MKP001", "<br>") in _find(HtmlResidue, "建成公园三座<br>改造老旧小区。")


def _fix_all(text: str, diags) -> str:
    edits = sorted((e for d in diags if d.fix for e in d.fix.edits), key=lambda e: e.start, reverse=True)
    for e in edits:
        text = text[:e.start] + e.content + text[e.end:]
    return text


def test_cjk_emphasis_reported_once_per_file_with_every_place() -> None:
    text = ("**稳住农业基本盘，**粮食产量保持稳定。\n\n**做强制造业，**新建产业园两个。\n\n"
            "**提升服务水平。**群众满意度提高。\n\n**扩大开放；**引进外资项目。\n")
    res = lint_text(text, "r.md", [(CjkEmphasisNotRendered, {})])
    (d,) = res.diagnostics
    assert text[d.start:d.end] == "**稳住农业基本盘，**"
    assert d.message.startswith("4 emphasized spans")
    assert [text[r.start:r.end] for r in d.related] == ["**做强制造业，**", "**提升服务水平。**", "**扩大开放；**"]
    assert d.fix is not None and d.fix.applicability == "safe" and len(d.fix.edits) == 4
    fixed = _fix_all(text, res.diagnostics)
    assert "**稳住农业基本盘**，粮食" in fixed and "**扩大开放**；引进" in fixed
    assert lint_text(fixed, "r.md", [(CjkEmphasisNotRendered, {})]).diagnostics == []


def test_one_cjk_emphasis_place_keeps_its_own_message() -> None:
    (d,) = lint_text("**办好民生实事，**兑现承诺。", "r.md", [(CjkEmphasisNotRendered, {})]).diagnostics
    assert d.related == () and d.message.startswith("closing `**` follows punctuation")


def test_one_asterisk_too_many_is_named_and_fixed_at_the_right_place() -> None:
    text = "***市政府年度报告**\n\n各位代表：\n"
    res = lint_text(text, "r.md", [(UnpairedEmphasis, {})])
    (d,) = res.diagnostics
    assert (d.start, d.end) == (0, 1) and "one `*` too many" in d.message
    assert _fix_all(text, res.diagnostics) == "**市政府年度报告**\n\n各位代表：\n"
    (d,) = lint_text("**市政府年度报告***\n", "r.md", [(UnpairedEmphasis, {})]).diagnostics
    assert (d.start, d.end) == (11, 12)
    assert lint_text("***全文加粗斜体***\n", "r.md", [(UnpairedEmphasis, {})]).diagnostics == []


def test_bold_run_over_a_blank_line_is_named_at_both_ends_without_a_fix() -> None:
    text = "**——在市人民代表大会上\n\n代理市长 某某**\n\n各位代表：\n"
    diags = lint_text(text, "r.md", [(UnpairedEmphasis, {})]).diagnostics
    assert [(d.start, "cannot span paragraphs" in d.message, d.fix) for d in diags] == [(0, True, None), (22, True, None)]
    assert "line 3" in diags[0].message and "line 1" in diags[1].message


def test_emphasis_pairs_across_the_lines_of_one_markdown_paragraph() -> None:
    text = "正文完。\n\n**附件二\n名词解释**\n**“两新”：**指新型基础设施和新型城镇化。\n"
    assert lint_text(text, "r.md", [(UnpairedEmphasis, {})]).diagnostics == []
    # a marker that is alone in its whole paragraph is still found
    lone = "正文完。\n\n**附件二\n名词解释\n"
    assert [(d.code, lone[d.start:d.end]) for d in lint_text(lone, "r.md", [(UnpairedEmphasis, {})]).diagnostics] == [("MKP002", "**")]
