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
