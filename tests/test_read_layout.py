"""Paragraphs rebuilt from line geometry, furniture taken out, the source map: no PDF library needed."""

from __future__ import annotations

import pytest

from reportlint.read import format_of
from reportlint.read.layout import Line, continues, is_page_number, joiner, measure, strip_furniture
from reportlint.read.sourcemap import Place, TextBuilder

LEFT, RIGHT, H = 72.0, 523.0, 12.0


def line(text: str, top: float, *, indent: float = 0.0, width: float | None = None) -> Line:
    """A line of 12-point text; a CJK character is 12 points wide, a Latin one 6."""
    w = width if width is not None else sum(12 if ord(c) > 0x2e80 else 6 for c in text)
    return Line(text, LEFT + indent, min(LEFT + indent + w, RIGHT), top, top - H)


def full(text: str, top: float, indent: float = 0.0) -> Line:
    return line(text, top, indent=indent, width=RIGHT - LEFT - indent)


def metrics_for(*pages: list[Line]):  # type: ignore[no-untyped-def]
    return measure(list(pages))


def test_first_line_indent_opens_a_paragraph_and_full_lines_carry_it_on() -> None:
    page = [full("今年全市经济运行稳中有进", 700, indent=24), full("发展质量稳步提升", 680),
            line("人民生活持续改善。", 660), full("我们坚持稳中求进", 640, indent=24), line("推动发展。", 620)]
    m = metrics_for(page)
    assert continues(page[0], page[1], m, same_page=True)
    assert continues(page[1], page[2], m, same_page=True)
    assert not continues(page[2], page[3], m, same_page=True)  # indented
    assert continues(page[3], page[4], m, same_page=True)


def test_a_short_line_ends_its_paragraph_when_the_next_word_would_have_fitted() -> None:
    body = [full("The council met in March to review the budget and", 700),
            line("agreed on the roads programme.", 680),
            full("Members asked the treasurer to report on the cost", 660),
            line("of both programmes.", 640)]
    m = metrics_for(body)
    assert continues(body[0], body[1], m, same_page=True)
    assert not continues(body[1], body[2], m, same_page=True)  # "Members" had room on the short line


def test_ragged_right_line_short_by_less_than_the_next_word_carries_on() -> None:
    long_word = "internationalisation"  # 20 letters: 120 points, more than the 60 points left
    body = [full("A first full line of a paragraph set ragged right", 700),
            line("a line that stops sixty points short", 680, width=RIGHT - LEFT - 60),
            line(long_word + " continues the sentence.", 660),
            full("Another full line that sets the right margin here", 640)]
    m = metrics_for(body)
    assert continues(body[1], body[2], m, same_page=True)


def test_a_wide_gap_or_a_bigger_size_opens_a_paragraph() -> None:
    body = [full("第一段文字排满了整整一行", 720), full("没有留下空白位置", 700), full("第二段和上一段之间空了一行距离", 650),
            full("正文接着排满一行", 630), full("正文接着排满一行", 610)]
    m = metrics_for(body)
    assert continues(body[0], body[1], m, same_page=True)
    assert not continues(body[1], body[2], m, same_page=True)  # 50 points down, the spacing is 20
    big = Line("标题", LEFT, RIGHT, 590, 570)  # 20 points high among 12-point lines
    assert not continues(body[4], big, m, same_page=True)


def test_across_a_page_the_paragraph_carries_on_unless_the_next_page_opens_a_new_one() -> None:
    page1 = [full("段落一直排到页面的最底部并且排满", 100, indent=24), full("最后一行也排满了没有句号", 80)]
    page2_on = [line("接着上一页的句子写完。", 760)]
    page2_new = [line("新的段落从这里开始。", 760, indent=24)]
    m = metrics_for(page1, page2_on)
    assert continues(page1[-1], page2_on[0], m, same_page=False)
    assert not continues(page1[-1], page2_new[0], m, same_page=False)


def test_running_headers_footers_and_page_numbers_are_taken_out_and_kept() -> None:
    pages = []
    for n in range(1, 5):
        pages.append([line("某市人民政府工作报告", 800), full(f"第{n}页的正文内容排满一整行文字", 700, indent=24),
                      full("接着排满一行", 680), line("人民生活持续改善。", 660), line(f"- {n} -", 40)])
    kept, removed = strip_furniture(pages)
    assert all(len(p) == 3 and p[0].text.startswith("第") for p in kept)
    assert {(f.page, f.role) for f in removed} >= {(0, "header"), (3, "page-number")}
    assert len(removed) == 8


def test_a_line_at_the_top_of_one_page_only_is_body_text() -> None:
    pages = [[line("一、总体情况", 800), line("正文。", 780), line("谢谢！", 760)],
             [line("二、主要任务", 800), line("正文。", 780), line("谢谢！", 760)],
             [line("三、保障措施", 800), line("正文。", 780), line("谢谢！", 760)]]
    kept, removed = strip_furniture(pages)
    assert removed == [] and [p[0].text for p in kept] == ["一、总体情况", "二、主要任务", "三、保障措施"]
    assert all(p[-1].text == "谢谢！" for p in kept)  # repeated at every page's end, but not set apart


@pytest.mark.parametrize("text", ["12", "- 12 -", "— 3 —", "第12页", "第 3 页 共 40 页", "3/40", "Page 7", "Page 7 of 40", "iv", "·5·"])
def test_page_numbers(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["12.5%", "2023年", "第三章", "Page seven", "一、总体情况", "Total 12"])
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


def test_lines_join_without_space_around_cjk_and_with_one_between_latin_words() -> None:
    assert joiner("全年地区生产总", "值增长") == ""
    assert joiner("增长6.5%，GDP", "总量") == ""
    assert joiner("the council", "agreed") == " "
    assert joiner("a well-", "known fact") == ""
    assert joiner("see page -", "5") == " "


def test_source_map_places_offsets_and_separators() -> None:
    b = TextBuilder("pdf")
    b.add("第一段", Place(page=1, paragraph=1))
    b.add("接着写", Place(page=2, paragraph=1))
    b.start_paragraph()
    b.add("第二段", Place(page=2, paragraph=2))
    st = b.build()
    assert st.text == "第一段接着写\n\n第二段\n"
    assert st.map.label(0) == "p.1 ¶1" and st.map.label(3) == "p.2 ¶1" and st.map.label(8) == "p.2 ¶2"
    assert st.map.label(6) == "p.2 ¶1"  # the separator belongs to the paragraph before it
    assert st.map.as_json(9) == {"format": "pdf", "page": 2, "paragraph": 2}
    assert Place(line=12).label() == "line 12" and Place(paragraph=4).label() == "¶4"


@pytest.mark.parametrize(("name", "head", "fmt"), [
    ("report.pdf", b"%PDF-1.7\n", "pdf"),
    ("report", b"%PDF-1.4\n", "pdf"),  # no extension: the content says it
    ("report.txt", b"%PDF-1.4\n", "pdf"),
    ("report.odt", b"PK\x03\x04" + b"\0" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.text", "odt"),
    ("report.bin", b"PK\x03\x04" + b"\0" * 26 + b"[Content_Types].xml", "docx"),
    ("report.docx", b"not a zip", "docx"),  # named so: its reader says it is damaged
    ("page.HTML", b"<!doctype html>", "html"),
    ("notes.txt", b"<html><body>pasted</body></html>", None),  # tags in a text report are residue to report
    ("report.md", b"# Title", None),
    ("archive.txt", b"PK\x03\x04" + b"\0" * 40, None),  # a ZIP that is no document: the text reader refuses it
])
def test_format_is_chosen_by_content_then_extension(name: str, head: bytes, fmt: str | None) -> None:
    assert format_of(name, head) == fmt
