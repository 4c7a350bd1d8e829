"""Truncation rules: page-break splits, lost beginnings and endings, unpaired marks.

Each rule is tried on the breaks it must report and on the lines that end without
punctuation on purpose (titles, bylines, datelines, headings, list items, tables,
lead-ins, notes in brackets), which it must leave alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.document import Document
from reportlint.rules.truncation import (
    LostBeginning,
    LostEnding,
    SplitSentence,
    UnbalancedPair,
    find_breaks,
    unbalanced,
)
from reportlint.runner import lint_text

DATA = Path(__file__).parent / "data"
ALL = [SplitSentence, LostEnding, LostBeginning, UnbalancedPair]


def _lint(text: str, rules=ALL, path: str = "t.txt"):
    return lint_text(text, path, [(r, dict(r.options)) for r in rules]).diagnostics


def _codes(text: str, rules=ALL) -> list[tuple[str, str]]:
    return [(d.code, text[d.start:d.end]) for d in _lint(text, rules)]


def _apply(text: str, diag) -> str:
    out = text
    for e in sorted(diag.fix.edits, key=lambda e: e.start, reverse=True):
        out = out[:e.start] + e.content + out[e.end:]
    return out


# -- split sentences ---------------------------------------------------------------

ZH_CONTEXT = "全省水土保持工作扎实推进。持续推进高速公路建设，新建高速公路80公里。深化产业协同。\n\n"


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        # the pair across the break (水土, 高速, 协同) occurs elsewhere in the document
        (ZH_CONTEXT + "生态环境持续改善。近岸海域水质位列珠江口六市第1，全省水\n\n土保持目标责任评估考核获评优秀。\n",
         "全省水土保持目标"),
        (ZH_CONTEXT + "持续加强软硬联通。主动谋划跨珠江口交通对接，完成中江高\n\n速扩建，加快银洲湖高速改扩建。\n", "完成中江高速扩建"),
        (ZH_CONTEXT + "全面深化城市合作。在交通互联、产业协\n\n同、园区共建等领域融合发展。\n", "产业协同、园区共建"),
        # a short first sentence that completes a figure
        ("推进新型城镇化建设。美丽圩镇建设入库项目625个，完成年度\n\n投资77亿元。新建城镇污水管网129.7公里。\n", "完成年度投资77亿元。"),
        # a number cut in two, and a figure cut from its qualifier
        ("完善住房保障体系。全年筹集租赁房源5\n\n7163套，加装电梯1005台。\n", "租赁房源57163套"),
        ("产业结构持续优化。第三产业比重上升到35%\n\n左右。继续推进现代市场体系建设。\n", "上升到35%左右。"),
        # the paragraph stops after a comma or a preposition
        ("我们要牢记嘱托。坚持系统观念，加强统筹协调，\n\n当好改革开放先锋。\n", "加强统筹协调，当好改革开放先锋。"),
        # the next paragraph opens with punctuation
        ("建设平安城市。坚持和发展新时代“枫桥经验\n\n”，加强社会矛盾纠纷多元化解。\n", "“枫桥经验”，加强"),
    ],
)
def test_chinese_split_is_one_finding_with_a_safe_join(text: str, joined: str) -> None:
    diags = _lint(text)
    assert [d.code for d in diags] == ["TRN001"]
    d = diags[0]
    assert "\n\n" in text[d.start:d.end]  # the span covers both sides of the break
    assert d.fix is not None  # safe on plain proof only: tests/test_fix_safety.py
    assert joined in _apply(text, d)


def test_english_split_mid_word_joins_without_space() -> None:
    text = ("Data will become important. Firms become stronger when they adapt.\n\n"
            "With increased digitalisation, data will bec\n\nome an important asset for firms.\n")
    diags = _lint(text)
    assert [d.code for d in diags] == ["TRN001"]
    assert "data will become an important asset" in _apply(text, diags[0])


def test_english_split_between_words_joins_with_one_space() -> None:
    text = ("We will provide more support. We will help firms grow.\n\n"
            "Over the next five years, we will\n\nprovide additional funding to charities.\n")
    diags = _lint(text)
    assert [d.code for d in diags] == ["TRN001"]
    assert "we will provide additional funding" in _apply(text, diags[0])


def test_seed_page_breaks_and_their_repeats() -> None:
    text = (DATA / "seed.txt").read_text(encoding="utf-8")
    diags = _lint(text)
    splits = [text[d.start:d.end].replace("\n", "") for d in diags if d.code == "TRN001"]
    assert splits.count("完成年度投资77") == 3  # the first split and its two duplicated copies
    for cut in ("全省水土保持", "中江高速扩建", "产业协同、园区", "省委巡视反馈问题"):
        assert any(cut in s for s in splits), cut
    starts = [text[d.start:d.end] for d in diags if d.code == "TRN003"]
    assert starts == ["是：地区生产", "为最大的政治"]
    ends = [d for d in diags if d.code == "TRN002"]
    assert len(ends) == 1 and ends[0].end == len(text.rstrip())
    # nothing on the title, the dateline, the byline, the salutation or the headings
    first_finding = min(d.start for d in diags)
    assert first_finding > text.index("现在，我代表市人民政府")
    heading = text.index("（一）围绕")
    assert not any(heading <= d.start < heading + 30 for d in diags)


# -- lost endings --------------------------------------------------------------------

def test_paragraph_that_ends_mid_sentence() -> None:
    text = ("完善多层次社会保障体系。坚持“房住不炒”，加大保障力度，促进房地产业\n\n"
            "建设高质量教育体系。落实中央深化新时代教育评价改革总体方案。\n")
    assert _codes(text) == [("TRN002", "促进房地产业")]


def test_document_that_ends_mid_sentence() -> None:
    zh = "各位代表！奋斗成就梦想。我们要把握“大桥经济”“黄金内湾”\n"
    assert _codes(zh) == [("TRN002", "“黄金内湾”")]
    en = "Thank you. God bless you. God bless this cou\n"
    assert _codes(en) == [("TRN002", "is cou")]


def test_english_paragraph_that_ends_mid_sentence() -> None:
    text = ("This surge in exports was expected to fade quic\n\n"
            "How much lower demand for exports would spill over was unclear.\n")
    assert _codes(text) == [("TRN002", "e quic")]


@pytest.mark.parametrize(
    "text",
    [
        # title, dateline, byline, salutation
        "政府工作报告\n\n——2024年2月1日在江门市第十六届人民代表大会第四次会议上\n\n◇江门市市长 吴晓晖\n\n各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n",
        "――2022年1月7日在厦门市第十六届人民代表大会第一次会议上\n\n厦门市人民政府市长 黄文辉\n\n各位代表：\n\n报告工作。\n",
        # numbered and unnumbered headings
        "一、2023年工作回顾\n\n过去一年，我们做了很多工作。\n\n（一）围绕新定位，推进大湾区建设\n\n持续加强软硬联通。\n",
        # a heading line that carries commas, followed by the first sentence of its section
        "五年来，我们保持战略定力，坚定不移发展实体经济，综合实力迈上新台阶\n\n经济规模持续壮大。全市地区生产总值增长。\n",
        # English headings and datelines
        "Summary of Governing Council deliberations: Fixed announcement date of June 4, 2025\n\nJune 17, 2025\n\n"
        "This is an account of the deliberations.\n\nInternational economy\n\nMembers began their deliberations.\n",
        # lead-in with a colon, a list, a table
        "重点抓好以下工作：\n\n- 稳增长\n- 促改革\n\n| 指标 | 数值 |\n|---|---|\n| 增长 | 5% |\n",
        # a note in brackets after the sentence; a label and its value
        "新增学位1.53万个。（市教育局）\n\n责任单位：各县（市）区政府，市级各相关部门\n\n下一项工作。\n",
        # a heading glued to the end of a paragraph by the extraction
        "请各位政协委员和列席人员提出意见。一、2003年工作的回顾\n\n刚刚过去的2003年，是不平凡的一年。\n",
    ],
)
def test_lines_without_punctuation_on_purpose_are_not_truncations(text: str) -> None:
    assert _codes(text) == []


def test_one_finding_per_break() -> None:
    text = ZH_CONTEXT + "生态环境持续改善。近岸海域水质位列第1，全省水\n\n土保持目标责任评估考核获评优秀。\n"
    doc = Document(text)
    assert [b.kind for b in find_breaks(doc)] == ["split"]
    assert len(_lint(text)) == 1


# -- lost beginnings -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("今年主要预期目标如下。\n\n是：地区生产总值增长6.5%以上；进出口总额增长2.5%。\n", "是：地区生产"),
        ("全面贯彻党的二十大精神。\n\n为最大的政治，把准方向、坚定信心，再造新优势。\n", "为最大的政治"),
        ("全面贯彻党的二十大精神。\n\n，推动市场升级，增强市场功能。\n", "，推动市场升"),
        ("全面贯彻党的二十大精神。\n\n的重要讲话精神，推动高质量发展。\n", "的重要讲话精"),
        ("Cases rose 9% from 2015.\n\now, we will continue to develop a smart financial centre.\n", "ow, we"),
        ("Prices rose.\n\nnesses had risen since the beginning of the year.\n", "nesses"),
    ],
)
def test_paragraph_that_starts_mid_sentence(text: str, found: str) -> None:
    assert _codes(text) == [("TRN003", found)]


@pytest.mark.parametrize(
    "text",
    [
        "成绩来之不易。\n\n与此同时，我们也清醒地看到发展中的问题。\n",
        "成绩来之不易。\n\n与企业携手共克时艰。全面落实惠企政策。\n",
        "成绩来之不易。\n\n为完成这样的任务，我们要坚持稳中求进。\n",
        "成绩来之不易。\n\n是否扩大试点，由各区自行决定。\n",
        "成绩来之不易。\n\n及时足额发放补贴。\n",
        "Prices rose.\n\niPhone sales fell in the quarter.\n",
        "Prices rose.\n\ne.g. the cost of housing.\n",
    ],
)
def test_sentences_that_may_open_a_paragraph(text: str) -> None:
    assert _codes(text) == []


# -- unbalanced pairs ---------------------------------------------------------------------

def test_unbalanced_quote_is_reported_once() -> None:
    text = "坚持和发展新时代“枫桥经验，加强社会矛盾纠纷多元化解。\n"
    assert _codes(text) == [("TRN004", "“")]


@pytest.mark.parametrize(
    "text",
    [
        "推进“一网通办”“一网统管”建设（试点），完善《条例》。\n",
        "轨道交通十三号线首期(鱼珠-象颈岭段）建成通车。\n",  # mixed widths still pair
        "一）全力以赴稳增长、促发展。\n",  # a list marker
        "Singapore’s economy grew. It’s a fact.\n",  # apostrophes
        "“我们要牢记嘱托，务实创新。\n\n“我们要稳中求进。”\n",  # a quotation over two paragraphs
    ],
)
def test_balanced_or_conventional_marks_are_quiet(text: str) -> None:
    assert _codes(text, [UnbalancedPair]) == []


def test_a_mark_unpaired_in_many_paragraphs_is_a_habit_not_a_cut() -> None:
    text = "".join(f"术语{i}】即第{i}项说明。\n\n" for i in range(4))
    assert _codes(text, [UnbalancedPair]) == []
    assert unbalanced("术语】即说明。") == [(2, "】")]


FIXTURES = {
    "zh_report.txt": [("TRN001", "快中江高速扩建。"), ("TRN002", "促进房地产业"), ("TRN003", "是：地区生产"),
                      ("STR001", "三"), ("STR002", "（三）")],
    "en_report.txt": [("TRN001", " become "), ("TRN002", "e quic"), ("TRN003", "nesses")],
    # an English budget speech as laid out: title, byline, date, motion formula, numbered
    # capital headings, (a)-(c) items, a caption, table rows, dash items; one cut sentence
    # and one enumeration that lost its fourth item
    "en_layout.txt": [("TRN002", "en the"), ("STR001", "four")],
}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_reports(data_dir: Path, name: str) -> None:
    """Small reports with known defects and the usual traps: every defect found, nothing else."""
    from reportlint.rules.structure import RULES as STRUCTURE

    text = (data_dir / "truncation" / name).read_text(encoding="utf-8")
    found = [(d.code, text[d.start:d.end].replace("\n", "")) for d in _lint(text, ALL + STRUCTURE)]
    assert found == FIXTURES[name]


@pytest.mark.parametrize(
    "text",
    [
        "全市主要经济指标完成情况如下\n\n| 指标 | 数值 |\n|---|---|\n| 增长 | 5% |\n",
        "The outlook rests on\n\n- steady growth\n- lower inflation\n",
        "1. Growth outlook for the coming year and beyond\n\n2. Inflation outlook for the coming year and beyond\n",
    ],
)
def test_lead_ins_and_list_items_without_punctuation(text: str) -> None:
    assert _codes(text) == []


def test_labels_ending_in_a_number_are_not_cut_figures() -> None:
    text = "为广东作出新的更大贡献！\n\n附件1\n\n2024年省十件民生实事\n\n附件2\n\n名词解释\n"
    assert _codes(text) == []


def test_a_short_line_that_cuts_a_figure_is_a_split() -> None:
    text = "全年共完成固定资产投资480亿元，增长3\n\n4.4%，其中基本建设投资201亿元。\n"
    assert [c for c, _ in _codes(text)] == ["TRN001"]


@pytest.mark.parametrize(
    "text",
    [
        "（六）坚持使市场在资源配置中起决定性作用、更好发挥政府作用，全面推进“放管服”改革和依法行政，政府治理能力现代化水平明显提升\n\n"
        "政府职能转变取得新突破。率先开展证照分离改革试点。\n",
        "——2017年1月12日沈阳市第十五届人民代表大会第六次会议通过\n\n沈阳市人民政府市长姜有为\n\n各位代表：\n\n现在，我代表市政府向大会报告工作。\n",
    ],
)
def test_long_numbered_headings_and_names_are_not_cut(text: str) -> None:
    assert _codes(text) == []


def test_apostrophes_next_to_years_are_not_quotes() -> None:
    assert unbalanced("举办了“’99厦门群众文化艺术节”。") == []
    assert unbalanced("重庆成功争取到2005’亚太城市市长峰会举办权。") == []


def test_markdown_heading_is_never_half_a_sentence() -> None:
    text = "## Outlook for growth in the region and the\n\n, as members noted, rates held.\n"
    assert [c for c, _ in _codes(text)] == ["TRN003"]  # the comma opening is reported, not a split


def test_closing_formulas_are_not_cut() -> None:
    text = "We will work hard for every Singaporean. I commend this Budget to the House.\n\nThank you\n"
    assert _codes(text) == []


def test_a_series_of_long_clause_headings() -> None:
    heads = ["五年来，我们保持战略定力，坚定不移发展实体经济，推动一批重大项目落地建设，发展势能持续增强，综合实力迈上新台阶",
             "五年来，我们坚持以人民为中心，着力解决群众“急难愁盼”问题，持续加大民生投入，社会民生事业不断进步"]
    text = "".join(f"{h}\n\n经济规模持续壮大。全市地区生产总值增长。\n\n" for h in heads)
    assert _codes(text) == []
    single = f"{heads[0]}\n\n经济规模持续壮大。全市地区生产总值增长。\n"
    assert [c for c, _ in _codes(single)] == ["TRN002"]  # one long line alone reads as a cut paragraph


def test_english_break_after_a_bracket_is_one_split() -> None:
    text = "Rates held. Members weighed the risks (trade and housing)\n\nand agreed to wait.\n"
    assert [c for c, _ in _codes(text)] == ["TRN001"]


@pytest.mark.parametrize("text", ["认真落实优抚安置政策，“双拥“工作整体水平继续提高。", "积极开展“五五″普法教育。",
                                  "持续巩固“双减&rdquo;成效。", "积极稳妥化解村级债务和”普九“达标债务。"])
def test_quotes_typed_the_wrong_way_are_not_cuts(text: str) -> None:
    assert unbalanced(text) == []


def test_a_lost_closing_quote_after_a_closed_one_is_reported() -> None:
    assert unbalanced("我们要把握“大桥经济”“黄金内湾，推动发展。") == [(11, "“")]


def test_lost_first_characters_by_the_documents_own_words() -> None:
    body = "".join(f"我们要加快兰州新区建设第{n}批项目，加快发展。" for n in range(3))
    text = body + "\n\n" + "快兰州新区产业集聚发展。立足打造产业高地。\n"
    assert _codes(text) == [("TRN003", "快兰州新区产")]
    # 施民 is no word of the document: 民心工程 is a word of its own, not the tail of one
    body = "".join(f"实施民心工程第{n}批项目。" for n in range(3))
    assert _codes(body + "\n\n**民心工程见行见效。**全年办好民生实事。\n") == []
    # a bold topic line is a heading: 集聚 follows 产业 elsewhere, yet opens it as a word
    body = "".join(f"推动产业集聚发展{n}，产业集群壮大，企业集团做强。" for n in range(3))
    assert _codes(body + "\n\n**集聚创新要素。**继续加强与高校合作。\n") == []
    # the same two characters also open a clause elsewhere: a sentence may open with them
    ok = body + "兰州新区发展很快。\n\n" + "兰州新区产业集聚发展。立足打造产业高地。\n"
    assert _codes(ok) == []


@pytest.mark.parametrize("cut", ["在，我代表市人民政府向大会报告工作。", "争力。开展质量强市示范城市创建。",
                                 "此，我们必须坚持改革开放。"])
def test_a_stub_first_clause_is_a_lost_beginning(cut: str) -> None:
    text = "各位代表：\n\n" + cut + "\n"
    assert [c for c, _ in _codes(text)] == ["TRN003"]


@pytest.mark.parametrize("ok", ["现在，我代表市人民政府向大会报告工作。", "为此，我们必须坚持改革开放。",
                                "谢谢大家！\n"])
def test_an_adverb_of_two_characters_opens_a_paragraph(ok: str) -> None:
    assert _codes("各位代表：\n\n" + ok + "\n") == []


_SOCIAL = "".join(f"完善社会保障体系第{n}项。推进社会治理创新，建设和谐社会。" for n in range(3))


def test_the_tail_of_a_word_the_document_uses_opens_a_paragraph() -> None:
    text = _SOCIAL + "\n\n会保障体系逐步完善，下岗职工再就业工作成效明显。\n"
    assert _codes(text) == [("TRN003", "会保障体系逐")]


def test_a_word_after_a_particle_is_no_cut() -> None:
    # 党的 follows only 落实 elsewhere, but 实党 is no word of the document's own
    body = "".join(f"全面落实党的第{n}项部署。" for n in range(4))
    assert _codes(body + "\n\n党的十八大提出了新的要求，我们认真贯彻。\n") == []
    # 的同时 elsewhere: 同时 still opens a paragraph
    body = "".join(f"在发展经济的同时保护环境{n}。" for n in range(4))
    assert _codes(body + "\n\n同时，我们也清醒地看到存在的问题。\n") == []


def test_a_topic_sentence_that_is_the_tail_of_a_longer_phrase() -> None:
    body = "打造世界级绿色石化产业高地。我们要建设世界级绿色石化产业高地，推动发展。"
    text = body + "\n\n石化产业高地。发挥大项目带动效应，做长做精产业链。\n"
    assert _codes(text) == [("TRN003", "石化产业高地")]
    # a bold topic line is a heading and may shorten the phrase
    bold = body + "\n\n**石化产业高地。**发挥大项目带动效应，做长做精产业链。\n"
    assert _codes(bold) == []


def test_a_year_that_lost_its_first_digits() -> None:
    text = "2014年是全面深化改革的开局之年。\n\n014年是全面深化改革的关键一年。\n"
    assert _codes(text) == [("TRN003", "014年是全")]
    # the document's own short form (二、05年的任务) and a span of years are fine
    ok = "2005年工作安排。\n\n二、05年的任务\n\n05年，我们面临较好的发展环境。\n"
    assert _codes(ok) == []
    assert _codes("2010年以来成就显著。\n\n5年的实践使我们深切体会到，发展是硬道理。\n") == []


def test_a_comma_before_a_fresh_paragraph_is_a_lost_ending() -> None:
    # the next paragraph opens with a topic sentence: the end of the first was lost
    lead = "过去一年，民生保障持续加强。\n\n"
    text = lead + "社会救助体系更加健全，完善优抚、\n\n健全基本医疗卫生保障体系。扩大医保覆盖面，提高报销比例。\n"
    assert [c for c, _ in _codes(text)] == ["TRN002"]
    bold = lead + "社会救助体系更加健全，完善优抚、\n\n**健全基本医疗卫生保障体系。**扩大医保覆盖面，提高报销比例。\n"
    assert [c for c, _ in _codes(bold)] == ["TRN002"]
    # a clause that carries on the sentence is the rest of it
    split = lead + "社会救助体系更加健全，完善优抚、\n\n安置政策，全年发放补助资金3亿元。\n"
    assert [c for c, _ in _codes(split)] == ["TRN001"]


_BODY = "我们要努力打造一批龙头企业，打造信用城市，建设新台阶。综合实力迈上新台阶。\n\n"


def test_a_short_line_that_stops_inside_a_word_is_a_lost_ending() -> None:
    # 打造 runs on into more text everywhere else in the document
    text = _BODY + "适应市场经济发展要求，加大社会事业改革力度，打造\n\n一、2003年工作回顾\n\n今年我们取得了好成绩。\n"
    assert [c for c, _ in _codes(text)] == ["TRN002"]
    # 新台阶 closes clauses elsewhere: a heading written with commas
    ok = _BODY + "五年来，我们砥砺奋进，综合实力迈上新台阶\n\n一、2003年工作回顾\n\n今年我们取得了好成绩。\n"
    assert _codes(ok) == []


_GOV = "".join(f"市政府第{n}次常务会议研究部署，政府工作报告提出要求，政府向社会公开。" for n in range(4))


def test_an_opening_character_that_is_elsewhere_the_second_of_one_word() -> None:
    text = _GOV + "\n\n府向大会作工作报告，请予审议，并请各位委员提出意见。\n"
    assert _codes(text) == [("TRN003", "府向大会作工")]
    # 织密 opens a sentence as a word of its own, though 织 is elsewhere always 组织
    body = "".join(f"组织开展第{n}批活动。" for n in range(9))
    assert _codes(body + "\n\n织密扎牢社会保障网，兜住民生底线。\n") == []


_SELF = "".join(f"各部门要自觉接受监督{n}，自然资源得到保护，自身建设不断加强。" for n in range(3))


def test_a_short_first_half_that_stops_on_a_character_no_clause_ends_with() -> None:
    text = _SELF + "\n\n新时代对政府自\n\n身建设提出了新任务、新要求，我们要加强作风建设。\n"
    assert [c for c, _ in _codes(text)] == ["TRN001"]
    # a byline before the salutation is no half sentence
    byline = _SELF + "\n\n上海市市长 韩自\n\n各位代表：\n\n身建设提出了新任务。\n"
    assert "TRN001" not in [c for c, _ in _codes(byline)]


def test_the_tail_of_a_contraction_is_a_lost_beginning() -> None:
    text = "We did the right thing to do.\n\n'm the first one to say it plainly.\n"
    assert _codes(text) == [("TRN003", "'m the")]
    # an opening quote or an archaic elision opens a paragraph
    assert _codes("We did the right thing.\n\n'Tis the season to act.\n\n‘Yes,’ she said.\n") == []


@pytest.mark.parametrize("cut", ["2001\n\n年以来，在绝大多数县区设立服务中心。", "在看到成绩的\n\n同时，我们也清醒地看到问题。"])
def test_a_short_line_that_no_heading_ends_like_is_half_a_sentence(cut: str) -> None:
    text = "过去一年，民生保障持续加强。\n\n" + cut + "\n"
    assert [c for c, _ in _codes(text)] == ["TRN001"]


def test_a_byline_before_the_salutation_is_not_half_a_sentence() -> None:
    text = "政府工作报告\n\n沈阳市人民政府市长 姜有的\n\n各位代表：\n\n现在，我代表市人民政府作报告。\n"
    assert _codes(text) == []


def test_lowercase_after_a_lead_in_is_fine() -> None:
    assert _codes("The options before the Council were:\n\nraise the rate, or hold it steady.\n") == []


def test_quote_entities_pair_with_real_quotes() -> None:
    assert unbalanced("在落实&ldquo;三高四新”战略中。") == []
    assert unbalanced("持续巩固“双减&rdquo;成效。") == []


_EN_TEXT = (
    "Governing Council members began their deliberations with the global economy. They noted that growth "
    "had been stronger than expected, with the composition of growth largely as expected. Exports had surged "
    "ahead of tariffs, and the surge was expected to fade quickly. Members agreed that the uncertainty "
    "would weigh on business investment and that the depreciation of the currency had lifted prices.\n"
)


def _split_round_trip(text: str, k: int) -> bool:
    """Cut ``text`` at ``k`` as a page break would; when the cut is reported as a split,
    its safe fix must give back the original text exactly."""
    left = text[:k].rstrip(" ")
    cut = left + "\n\n" + text[k:].lstrip(" ")
    here = [d for d in _lint(cut, [SplitSentence]) if d.start <= len(left) < d.end]
    assert len(here) <= 1
    if here:
        assert _apply(cut, here[0]) == text
    return bool(here)


def test_split_fix_round_trips_on_every_cut_of_a_chinese_paragraph() -> None:
    seed = (DATA / "seed.txt").read_text(encoding="utf-8")
    start = seed.index("扎实做好新时代“侨”文章")
    end = seed.index("\n", start)
    tried = joined = 0
    for k in range(start + 20, end - 20, 3):
        if seed[k - 1] in "，。、；：“”" or seed[k] in "，。、；：“”":
            continue
        tried += 1
        joined += _split_round_trip(seed, k)
    assert tried > 30 and joined > tried // 2


def test_split_fix_round_trips_on_english_cuts() -> None:
    text = _EN_TEXT + _EN_TEXT.replace("Governing Council", "The Council")
    first = text.index("\n")
    results = [_split_round_trip(text, k) for k in range(40, first - 20, 7)]
    assert sum(results) > len(results) // 2


def test_short_line_with_a_comma_cut_by_a_page_break() -> None:
    text = ("积极引进国内外科技人才。发挥我市科研院所和高等院校的作用，积极引进\n\n"
            "国内外科技及各类人才，为振兴老工业基地提供智力支持。\n")
    assert [c for c, _ in _codes(text)] == ["TRN001"]
    dateline = ("政府工作报告\n\n2001年2月15日在哈尔滨市第十一届人大五次会议上\n\n市长 王宗璋\n\n各位代表：\n\n"
                "现在，我代表市人民政府向大会报告工作。上市公司发展良好。\n")
    assert _codes(dateline) == []


# -- English lines that end open on purpose -------------------------------------------------

EN_BODY = "The harbour grew busier every year. Shipping firms added new routes to the region.\n\n"


@pytest.mark.parametrize(
    "lines",
    [
        # headings: capitals, a section number, title case
        "III. KEEPING PRICES STABLE",
        "B. Support for Small Firms",
        "Building a Fairer Tax System",
        "Strengthening our social compact",
        # captions of exhibits and appendices
        "Appendix II - RATES OF DUTY ON ...",
        "Table 4: Revenue by source",
        # items of a list: labels, and the punctuation that ends items of a series
        "(c) a grant for training young engineers",
        "iv. wider access to child care",
        "--a readiness to share the burden",
        "Cheaper loans for farmers who replant their orchards; and, lastly,",
        # a table row, a byline and a dateline
        "Revenue        1,200        1,450        1,610",
        "By the Minister for Trade and Industry",
        "Delivered on 3 March 2031",
        # a transcript formula before the quoted motion
        "Madam Speaker, I beg to move,",
    ],
)
def test_english_lines_open_on_purpose_are_not_lost_endings(lines: str) -> None:
    text = EN_BODY + lines + "\n\n“That Parliament approves the plan.”\n\n" + EN_BODY
    assert [c for c in _codes(text) if c[0] == "TRN002"] == []


def test_english_lost_endings_are_still_found_beside_layout_lines() -> None:
    # a short line that stops on a word needing more, or inside a word, is no heading
    for cut in ("We will invest more in our", "Prices will rise faster than"):
        text = EN_BODY + cut + "\n\nThe harbour grew busier.\n\n" + EN_BODY
        assert [c[0] for c in _codes(text) if c[0] == "TRN002"] == ["TRN002"], cut
    # a sentence that stops on a common word before a heading
    text = EN_BODY + "We will also expand the network of clinics in the\n\nII. HOUSING\n\n" + EN_BODY
    assert [c for c in _codes(text) if c[0] == "TRN002"] == [("TRN002", "in the")]
    # a list item that stops inside a word is cut, whatever its role
    text = EN_BODY + "(a) a grant for training young engin\n\n(b) a loan for new equipment.\n\n" + EN_BODY
    assert [c for c in _codes(text) if c[0] == "TRN002"] == [("TRN002", " engin")]


def test_possessive_after_a_bracketed_short_form_is_no_unpaired_quote() -> None:
    assert _codes("The Ministry of Health (MOH)’s plan was adopted. The “Green Plan”’s aims are clear.\n",
                  [UnbalancedPair]) == []
    assert _codes("The Ministry said ’it will act soon.\n", [UnbalancedPair]) == [("TRN004", "’")]


def test_entity_quote_without_partner_is_residue_not_a_cut() -> None:
    assert _codes("新建第三代半&ldquo;导体科研中心，推动项目落地。\n", [UnbalancedPair]) == []
    assert _codes("落实&ldquo;双减&rdquo;政策，推进“强基计划。\n", [UnbalancedPair]) == [("TRN004", "“")]


def test_bracketed_passage_over_two_paragraphs_is_no_cut() -> None:
    text = ("The speaker then added two paragraphs of his own.\n\n"
            "[We will balance the budget. The surplus will reduce the debt.\n\n"
            "Nobody should doubt that the promise will be kept.]\n\nThe address went on.\n")
    assert _codes(text, [UnbalancedPair]) == []
    reopened = ("The speaker then added two paragraphs of his own.\n\n[We will balance the budget.\n\n"
                "[In any event, the surplus will reduce the debt.]\n\nThe address went on.\n")
    assert _codes(reopened, [UnbalancedPair]) == []
    cut = "The speaker then spoke.\n\n[We will balance the budget.\n\nThe address went on.\n"
    assert _codes(cut, [UnbalancedPair]) == [("TRN004", "[")]


def test_closing_sentence_short_of_its_mark_is_no_lost_ending() -> None:
    from reportlint.rules.complete_endings import complete_at_boundary

    body = ("我们要团结奋斗、真抓实干。全市人民要接续奋斗。\n\n"
            "今年要办好民生实事，扩大就业，稳定物价，促进房地产业健康发展，推动房地产业转型。\n\n")
    # the last line of the document, complete but for its mark
    closing = body + "让我们携手并进，为建设美好家园而努力奋斗\n"
    assert [c for c in _codes(closing) if c[0] == "TRN002"] == []
    # the same before an appendix heading
    appendix = body + "让我们携手并进，为建设美好家园而努力奋斗\n\n**附件：年度民生实事**\n\n一、就业工程。\n"
    assert [c for c in _codes(appendix) if c[0] == "TRN002"] == []
    # evidence of a cut at the same place: words that always run on, a function character,
    # a title mark left open
    for end, complete in (("让我们携手并进，为建设美好家园而努力奋斗", True), ("要求全市促进房地产业", False),
                          ("让我们携手并进，为", False), ("印发了《关于支持团结奋斗", False)):
        doc = Document(body + "今年我们出台了多项政策，扩大就业，" + end + "\n")
        assert complete_at_boundary(doc.blocks, 2, doc.evidence) is complete, end
    # inside a part (a paragraph follows), this module says nothing
    doc = Document(body + "让我们携手并进，为建设美好家园而努力奋斗\n\n下一段内容。\n")
    assert complete_at_boundary(doc.blocks, 2, doc.evidence) is False


def test_a_line_ending_on_a_file_name_or_link_is_no_lost_ending() -> None:
    body = "全年新增就业九万人。今年要稳就业，促增长。\n\n"
    for last in ("2030年实事完成情况及2031年为民办实事.docx2031政府工作报告（名词解释定稿）.docx",
                 "2030年实事完成情况及2031年为民办实事见市政府网站https://example.org/report2031.html"):
        assert [c for c in _codes(body + "附件：\n\n" + last + "\n") if c[0] == "TRN002"] == [], last
    assert [c[0] for c in _codes(body + "今年要稳就业，促增长，推动全市经济\n") if c[0] == "TRN002"] == ["TRN002"]


_FRAME = "今年全市粮食总产量保持稳定，农民收入稳步增长。\n\n{}\n\n明年要继续抓好春耕备耕，稳定粮食播种面积。\n"


@pytest.mark.parametrize("opening", [
    "位来宾，感谢大家多年来对新区建设的关心和支持。",  # 各位来宾
    "个方面的工作要同步推进，不能顾此失彼。",  # 两个方面
    "项措施已经全部落地，群众反映良好。",  # 这项措施
    "届市政府成立以来，始终把民生放在首位。",  # 本届市政府
])
def test_a_lone_measure_word_opening_a_paragraph_lost_its_number(opening: str) -> None:
    text = _FRAME.format(opening)
    found = [(code, span) for code, span in _codes(text, [LostBeginning])]
    assert found and found[0][0] == "TRN003" and text.index(opening) == text.index(found[0][1])
    assert "measure word" in _lint(text, [LostBeginning])[0].message


@pytest.mark.parametrize("opening", [
    "个人所得税专项附加扣除政策全面落实。",  # 个人: a word of its own
    "项目建设提速增效，新开工项目一百余个。",  # 项目
    "位于城市东部的科创走廊初具规模。",  # 位于
    "部分企业生产经营仍然困难。",  # 部分
    "本届政府任期内，我们将持续改善营商环境。",  # 本 is a determiner
    "张华同志代表市政府作了工作报告。",  # 张 is a surname, not a measure word here
])
def test_words_that_begin_with_a_measure_word_open_paragraphs_freely(opening: str) -> None:
    assert not any("measure word" in d.message for d in _lint(_FRAME.format(opening), [LostBeginning]))


def test_measure_words_that_open_no_sentence_are_measure_words() -> None:
    from reportlint.rules.lexicon import MEASURE_WORDS, PURE_MEASURE_WORDS

    assert PURE_MEASURE_WORDS <= MEASURE_WORDS
    assert not {"把", "张", "首", "本"} & PURE_MEASURE_WORDS


# A body in which 强 is always the tail of 加强 and 壮 of 壮大 (or nowhere at all).
_STRENGTHEN = "".join(f"加强第{n}片区的基础设施建设，加强社区服务管理。" for n in range(6))


def test_a_stranded_tail_before_a_word_lost_its_head() -> None:
    text = _STRENGTHEN + "\n\n强养老服务体系建设。新建社区养老服务中心十二个。\n"
    assert _codes(text) == [("TRN003", "强养老服务体")]


@pytest.mark.parametrize("ok", [
    # a verb with its complement that the lexicon lacks: 强 + 弱, no word of its own follows
    "强弱项补短板，扎实推进各项工作。",
    # a term before its colon (a glossary entry)
    "强链补链：指围绕产业链薄弱环节引进配套企业。",
    # a classical phrase with 之
    "强市之本在于实业，我们要坚持实体经济为重。",
])
def test_an_opening_character_that_is_no_stranded_tail(ok: str) -> None:
    assert _codes(_STRENGTHEN + "\n\n" + ok + "\n") == []


def test_a_word_of_one_character_that_opens_other_clauses_is_no_tail() -> None:
    # 强 opens clauses of its own elsewhere (强基础、强产业): a verb of one character here
    body = _STRENGTHEN + "强基础，补短板。强产业，优结构。强服务，提效能。"
    assert _codes(body + "\n\n强养老服务体系建设。新建社区养老服务中心十二个。\n") == []


def test_a_pair_always_bound_inside_a_longer_word_elsewhere() -> None:
    body = "近年来，全市经济持续发展。五年来，城乡面貌明显改善。近年来，民生持续改善。"
    assert _codes(body + "\n\n年来，我们坚持稳中求进，各项事业取得新进展。\n") == [("TRN003", "年来，我们坚")]
    # the pair opens a clause elsewhere: it may open a paragraph
    ok = body + "年来民生改善明显。"
    assert _codes(ok + "\n\n年来，我们坚持稳中求进，各项事业取得新进展。\n") == []


def test_a_list_of_figures_cut_inside_its_last_item_before_an_annex() -> None:
    from reportlint.rules.complete_endings import _item_short_of_figure

    body = "全市林业产值增长。发展林业产业集群。壮大林业产业集群。\n\n今年要巩固农业基础。\n\n"
    cut = body + "提升特色产业。推进林果业提质增效，新建茶园基地4万亩、果园基地7万亩、林业产业集群\n\n**附件：名词解释**\n\n一、特色产业。\n"
    assert [c[0] for c in _codes(cut) if c[0] == "TRN002"] == ["TRN002"]
    whole = body + "提升特色产业。推进林果业提质增效，壮大茶园基地、果园基地、林业产业集群\n\n**附件：名词解释**\n\n一、特色产业。\n"
    assert [c for c in _codes(whole) if c[0] == "TRN002"] == []
    assert _item_short_of_figure("新建茶园4万亩、果园7万亩、林业")
    assert not _item_short_of_figure("发展种植业、养殖业、林业")
    assert not _item_short_of_figure("新建茶园4万亩、果园7万亩、林业5万亩")


def test_a_common_word_or_a_parallel_pair_opens_a_paragraph() -> None:
    # 现在 occurs elsewhere only inside 体现在 and 表现在: still a word of its own
    body = "成效体现在民生上。优势体现在产业上。活力表现在市场上。\n\n各位代表：\n\n"
    assert _codes(body + "现在，我代表市人民政府向大会报告工作。\n") == []
    # 快 is elsewhere the tail of 加快, but 快发展、大发展 are two words under two modifiers
    assert _codes(_STRENGTHEN.replace("加强", "加快") + "\n\n快发展、大发展的产业基础初步形成。\n") == []


def test_a_couplet_of_verse_opens_a_paragraph() -> None:
    # 事 is elsewhere only the tail of 实事 and 办事; before 非常 it reads as a stranded tail,
    # but a quoted couplet is written whole
    body = "".join(f"办好第{n}件民生实事，做好便民办事服务。" for n in range(6))
    assert _codes(body + "\n\n事非常理可推求，功在不舍日夜勤。这些成绩来之不易。\n") == []
    assert _codes(body + "\n\n事非常理可推求。这些成绩来之不易。\n") == [("TRN003", "事非常理可推")]


def test_three_characters_bound_to_one_common_head() -> None:
    # 去 opens clauses of its own (去年), but 去一年 occurs only after 过, and 过去 is a common word
    body = "去年全市经济增长。去年民生改善。去年就业稳定。去年物价平稳。去年收入增加。"
    body += "过去一年成绩显著。我们回顾过去一年的工作。\n\n各位代表：\n\n"
    assert _codes(body + "去一年，我们坚持稳中求进。\n") == [("TRN003", "去一年，我们")]
