"""Duplicated text: repeated, near, split-hidden and spliced paragraphs, repeated sentences.

Each rule is tried on the damage it must find and on the look-alikes it must leave
alone (formulaic short lines, headings, quotations, parallel wording, formulas a
report repeats on purpose).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportlint.rules.duplication import (
    RULES,
    DuplicateParagraph,
    DuplicateSentence,
    SplicedSpan,
    SplitDuplicateParagraph,
)
from reportlint.runner import lint_text
from reportlint.text.shingles import anchors, common_backward, common_forward, fold, link_units, shared_runs

DATA = Path(__file__).parent / "data"

# Paragraphs of a report, distinct from one another.
P1 = ("这一年，我们聚焦铸作风，全力加强政府自身建设。坚持把党的政治建设摆在首位，深入开展主题教育，"
      "严格落实全面从严治党主体责任，推动政府系统党风廉政建设向纵深发展，依法行政水平持续提升。")
P2 = ("各位代表！过去一年，我们顶住压力、攻坚克难，经济社会发展取得来之不易的成绩。这些成绩的取得，"
      "根本在于习近平新时代中国特色社会主义思想的科学指引，在于省委、省政府和市委的坚强领导。")
P3 = ("全面深化城市合作。携手港澳加快大广海湾经济区建设，推动在交通互联、产业协同、园区共建、"
      "航空物流等领域融合发展，支持企业开拓国际市场，打造以制造业为主导的合作新模式。")
P4 = ("持续加强软硬联通。加快融入轨道上的大湾区，推进深江铁路、珠肇高铁江门至珠三角枢纽机场段建设，"
      "完成中江高速扩建，加快银洲湖高速、江鹤高速改扩建，打造跨境通办服务新样板。深化与港澳在规则衔接、"
      "机制对接方面的合作，推动更多事项实现跨境通办。")
EN1 = ("Members discussed the appropriate stance for monetary policy. They agreed that the economy "
       "was weaker than expected and that inflation pressures were contained, which argued for reducing "
       "the policy rate by 25 basis points.")
EN2 = ("Governing Council agreed to continue to assess the timing and strength of both the downward "
       "pressures on inflation from a weaker economy and the upward pressures on inflation from the "
       "higher costs of tariffs and the reconfiguration of trade.")


def lint(text: str, *rules, path: str = "t.txt", **options):
    rules = rules or tuple(RULES)
    rule_set = [(r, {**r.options, **{k: v for k, v in options.items() if k in r.options}}) for r in rules]
    return lint_text(text, path, rule_set).diagnostics


def doc(*paras: str) -> str:
    return "\n\n".join(paras) + "\n"


# -- exact copies ------------------------------------------------------------

def test_exact_copy_points_at_first_and_offers_deletion() -> None:
    text = doc(P1, P2, P1, P3)
    [d] = lint(text)
    assert d.code == "DUP001" and d.severity.value == "error"
    assert text[d.start:d.end] == P1 and d.start > len(P1)
    [rel] = d.related
    assert (rel.start, rel.end) == (0, len(P1))
    assert d.fix is not None and d.fix.applicability == "unsafe"
    [edit] = d.fix.edits
    fixed = text[:edit.start] + edit.content + text[edit.end:]
    assert fixed == doc(P1, P2, P3)


def test_copy_differing_in_width_and_spacing_is_exact() -> None:
    wide = P4.replace("，", ",").replace("、", "、 ") + "２０２３"
    narrow = P4 + "2023"
    [d] = lint(doc(narrow, P2, wide))
    assert d.code == "DUP001"


def test_n_copies_give_n_minus_one_findings_all_pointing_at_the_first() -> None:
    diags = lint(doc(P2, P1, P2, P3, P2, P2))
    assert [d.code for d in diags] == ["DUP001"] * 3
    assert {d.related[0].start for d in diags} == {0}


@pytest.mark.parametrize("line", ["各位代表：", "谢谢大家！", "一、2023年工作回顾", "（一）坚持创新驱动，加快建设现代化产业体系",
                                  "Thank you.", "God bless you, and God bless America."])
def test_short_formulaic_lines_are_not_duplicates(line: str) -> None:
    assert lint(doc(line, P1, line, P2, line)) == []


def test_repeated_quotation_is_intended() -> None:
    quote = "“人民城市人民建，人民城市为人民。我们要坚持以人民为中心的发展思想，把最好的资源留给人民，让城市更有温度、更有品质。”"
    assert lint(doc(quote, P1, quote)) == []


def test_minimum_length_is_an_option() -> None:
    short = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。"
    assert lint(doc(short, P1, short)) == []
    [d] = lint(doc(short, P1, short), DuplicateParagraph, min_paragraph_chars=20)
    assert d.code == "DUP001"


# -- near copies -------------------------------------------------------------

def test_near_copy_reports_similarity() -> None:
    near = P2.replace("顶住压力", "顶住压方").replace("坚强领导", "坚强领到")
    [d] = lint(doc(P2, P1, near))
    assert d.code == "DUP002"
    assert "% similar" in d.message and "line 1" in d.message
    assert d.fix is None


def test_near_copy_joined_to_a_page_break_fragment() -> None:
    """A copy pasted right after a fragment that ends mid-sentence is joined to it."""
    near = P2.replace("顶住压力", "顶住压方")
    text = doc(P2, P1, "全面深化城市合作。携手港澳加快大广海湾经济区建设，推动在", near)
    [d] = lint(text)
    assert d.code == "DUP002" and text[d.start:d.end] == near


def test_parallel_paragraphs_are_not_near_copies() -> None:
    a = "这一年，我们聚焦稳增长，全力推动经济回升向好。地区生产总值增长6.5%，规模以上工业增加值增长7.2%，固定资产投资增长8.1%。"
    b = "这一年，我们聚焦惠民生，全力满足人民群众期待。城镇新增就业3.2万人，居民人均可支配收入增长5.1%，民生支出占比达到75%。"
    assert lint(doc(a, P1, b)) == []


# -- copies hidden by a page break -------------------------------------------

def test_copy_of_a_split_paragraph_is_found() -> None:
    cut = P1.index("推动政府")
    text = doc(P1[:cut], P1[cut:], P2, P1)
    diags = lint(text)
    assert [d.code for d in diags] == ["DUP003"]
    [d] = diags
    assert text[d.start:d.end] == P1
    assert (d.related[0].start, d.related[0].end) == (0, len(P1[:cut]) + 2 + len(P1[cut:]))
    assert "page break" in d.message


def test_split_copy_of_a_whole_paragraph_is_found() -> None:
    cut = P3.index("航空物流")
    text = doc(P3, P2, P3[:cut], P3[cut:])
    [d] = lint(text, SplitDuplicateParagraph)
    assert d.start == text.index(P3[:cut], len(P3)) and d.related[0].start == 0


def test_copy_of_a_paragraph_broken_after_a_full_stop() -> None:
    """A page break right after a full stop leaves two paragraphs no joiner joins."""
    cut = P1.index("坚持把") # after 。
    text = doc(P1[:cut], P1[cut:], P2, P1)
    [d] = lint(text)
    assert d.code == "DUP003" and text[d.start:d.end] == P1
    assert (d.related[0].start, d.related[0].end) == (0, len(P1) + 2)


def test_whole_paragraph_copied_as_two() -> None:
    cut = P1.index("坚持把")
    text = doc(P1, P2, P1[:cut], P1[cut:])
    [d] = lint(text)
    assert d.code == "DUP003" and text[d.start:d.end] == P1[:cut] + "\n\n" + P1[cut:]
    assert d.related[0].start == 0


def test_english_split_copy() -> None:
    cut = EN1.index("contained") + 3  # mid-word, as a page break cuts
    [d] = lint(doc(EN1[:cut], EN1[cut:], EN2, EN1), SplitDuplicateParagraph)
    assert d.code == "DUP003"


# -- spliced spans -----------------------------------------------------------

def test_spliced_tail_is_reported_with_length_and_source() -> None:
    tail = P4[P4.index("推进深江铁路"):]
    victim = P3[:P3.index("推动在交通") + 3]  # cut mid-phrase: 推动在
    text = doc(P4, P2, victim + tail)
    [d] = lint(text)
    assert d.code == "DUP004"
    assert text[d.start:d.end] == tail
    assert f"{len(tail)} characters" in d.message and "end of the paragraph at line 1" in d.message
    rel = d.related[0]
    assert text[rel.start:rel.end] == tail and rel.start < len(P4)


def test_english_splice_cutting_a_word() -> None:
    tail = EN2[EN2.index("timing and"):]
    text = doc(EN2, P1, EN1[:EN1.index("stance") + 3] + tail)
    [d] = lint(text, SplicedSpan)
    assert text[d.start:d.end] == tail


def test_formula_repeated_at_natural_joints_is_not_a_splice() -> None:
    formula = "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中全会精神，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展"
    a = "过去一年，我们坚持" + formula + "，经济社会发展取得新成效。"
    b = "做好今年工作，要坚持" + formula + "，更好统筹发展和安全，奋力谱写新篇章。"
    assert lint(doc(a, P1, b, "我们坚持高质量发展。坚持民生优先，坚持安全发展，坚持改革开放。")) == []


def test_target_restated_in_an_annex_item_is_not_a_splice() -> None:
    target = ("，确保全年提供有效就业岗位十二万个，实现城镇新增就业九万人，农村劳动力转移就业八万人，"
              "开展职业技能培训十五万人次，新增创业担保贷款二十亿元，扶持创业带动就业三万人，"
              "高校毕业生就业率达到九成以上。")
    body = "稳就业。深入实施就业优先战略，统筹推进重点群体就业创业工作，支持多渠道灵活就业" + target
    annex = "2．促进城乡就业" + target
    assert lint(doc(body, P1, "附件：年度民生实事", annex), SplicedSpan) == []
    # a paste whose joint cuts a clause is still reported
    pasted = "2．促进城乡就业，开展创业担保贷款" + target[1:]
    assert [d.code for d in lint(doc(body, P1, "附件：年度民生实事", pasted), SplicedSpan)] == ["DUP004"]


def test_span_length_is_an_option() -> None:
    tail = P4[P4.index("推进深江铁路"):]
    text = doc(P4, P2, P3[:P3.index("推动在交通") + 3] + tail)
    assert lint(text, SplicedSpan, min_span_chars=len(tail) + 10) == []


# -- sentences ---------------------------------------------------------------

SENT = "全年新增城镇就业5.2万人，城镇调查失业率控制在5.5%以内，居民人均可支配收入增长6.1%，与经济增长基本同步。"


def test_repeated_long_sentence_is_info() -> None:
    a = "民生保障有力有效。" + SENT + "养老、医疗保障水平稳步提高。"
    b = "今年的主要预期目标是：地区生产总值增长5%左右。" + SENT + "粮食产量稳定在合理水平。"
    text = doc(a, P1, b)
    [d] = lint(text)
    assert d.code == "DUP005" and d.severity.value == "info"
    assert text[d.start:d.end] == SENT
    assert text[d.related[0].start:d.related[0].end] == SENT


def test_sentences_of_a_repeated_paragraph_are_folded_into_it() -> None:
    a = "民生保障有力有效。" + SENT + "养老、医疗保障水平稳步提高。"
    assert [d.code for d in lint(doc(a, P1, a))] == ["DUP001"]


def test_short_repeated_sentence_is_not_reported() -> None:
    a = "各位代表！我们坚持稳中求进。" + P1
    b = "各位代表！我们坚持稳中求进。" + P3
    assert lint(doc(a, b), DuplicateSentence) == []


# -- documents ---------------------------------------------------------------

def test_seed_report() -> None:
    text = (DATA / "seed.txt").read_text(encoding="utf-8")
    res = lint_text(text, "seed.txt", [(r, dict(r.options)) for r in RULES])
    lines = lambda off: text.count("\n", 0, off) + 1  # noqa: E731
    found = sorted((d.code, lines(d.start), lines(d.related[0].start)) for d in res.diagnostics)
    assert found == [("DUP001", 23, 19), ("DUP001", 25, 21), ("DUP001", 49, 41), ("DUP003", 47, 37), ("DUP004", 21, 17)]
    splice = next(d for d in res.diagnostics if d.code == "DUP004")
    assert splice.end - splice.start == 736
    assert text[splice.start:splice.end] == text[splice.related[0].start:splice.related[0].end]


@pytest.mark.parametrize("name", ["05_haikou_2025", "10_bank_of_canada_deliberations_2025_06"])
def test_labelled_report(name: str) -> None:
    text = (DATA / "duplication" / f"{name}.txt").read_text(encoding="utf-8")
    gold = [g for g in json.loads((DATA / "duplication" / f"{name}.gold.json").read_text(encoding="utf-8"))
            if g["category"] == "duplication"]
    res = lint_text(text, name, [(r, dict(r.options)) for r in RULES])

    def hits(d, g) -> bool:
        spans = [(g["start"], g["end"])] + ([tuple(g["related"])] if g.get("related") else [])
        return any(d.start - 3 < e and s < d.end + 3 for s, e in spans)

    for g in gold:
        if not g.get("optional"):
            assert any(hits(d, g) for d in res.diagnostics), g["kind"]
    for d in res.diagnostics:
        assert any(hits(d, g) for g in gold), d.message


def test_distinct_paragraphs_are_quiet() -> None:
    assert lint(doc(P1, P2, P3, P4, EN1, EN2)) == []


# -- the index ---------------------------------------------------------------

def test_fold_keeps_length_and_unifies_forms() -> None:
    s = "ＧＤＰ增长５％，\u3000同比２０２３年（预计）"
    assert len(fold(s)) == len(s)
    assert fold(s) == "GDP增长5%, 同比2023年(预计)"


def test_anchors_are_content_defined() -> None:
    _, keys = anchors(fold("前言。" + P1))
    _, keys2 = anchors(fold(P1))
    assert set(keys2) <= set(keys)  # the same text chooses the same anchors wherever it sits


def test_common_extent_helpers() -> None:
    assert common_forward("abcdef", 1, "xbcdxx", 1) == 3
    assert common_backward("abcdef", 4, "zbcdxx", 4) == 3


def test_links_go_to_first_occurrence_only() -> None:
    units = [fold(P1), fold(P2), fold(P1), fold(P1)]
    links = list(link_units(units))
    assert [set(l.per_unit) for l in links] == [set(), set(), {0}, {0}]
    runs = shared_runs(units, links[3], 80)
    assert [(r.a, r.a_start, r.b_start, r.length) for r in runs] == [(0, 0, 0, len(P1))]
