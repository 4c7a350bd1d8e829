"""The quantity extractor: numbers, units, intervals, metric keys and periods."""

from __future__ import annotations

import pytest

from reportlint.document import Document
from reportlint.rules.numeric.extract import cn_number, last_place, parse_amount
from reportlint.rules.numeric.facts import Aspect, Fact, Period, Status
from reportlint.rules.numeric.memo import facts_of


def _qs(text: str) -> list[Fact]:
    return facts_of(Document(text, "t.txt"))


def _one(text: str, written: str) -> Fact:
    found = [q for q in _qs(text) if q.text.strip() == written]
    assert found, f"{written!r} not extracted from {text!r}: {[q.text for q in _qs(text)]}"
    return found[0]


def _inside(q: Fact, value: float) -> bool:
    return q.low - 1e-9 <= value <= q.high + 1e-9


# -- numbers and units ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "family", "inside", "outside"),
    [
        ("地区生产总值4022.25亿元。", "4022.25亿元", "CNY", [4022.25e8], [4022.3e8, 4022.2e8]),
        ("成功迈上4千亿元的新台阶。", "迈上4千亿元", "CNY", [4000e8, 4022.25e8], [3999e8, 5001e8]),
        ("新增就业1.2万人。", "1.2万人", "person", [1.2e4, 1.24e4], [1.3e4]),
        ("收入增长百分之六点五。", "百分之六点五", "pct", [6.5], [6.6]),
        ("三成以上企业盈利。", "三成以上", "pct", [30, 35], [29]),
        ("5成以上村集体收入增加。", "5成以上", "pct", [50], [49]),
        ("城乡居民收入比缩小至1.83:1。", "1.83:1", "ratio", [1.83], [1.9]),
        ("产值实现三年翻一番。", "翻一番", "pct", [100], [50]),
        ("招商引资总额年均增长近300亿元。", "近300亿元", "CNY", [297e8, 300e8], [301e8]),
        ("集体收入超100万元。", "超100万元", "CNY", [100e4, 150e4], [99e4]),
        ("引进企业1000余家。", "1000余家", "count:家", [1000, 1500], [999]),
        ("投资约50亿元。", "约50亿元", "CNY", [47.6e8, 52.4e8], [46e8, 54e8]),
        ("物价涨幅控制在2%~3%。", "控制在2%~3%", "pct", [2, 3], [4]),
        ("价格上涨2%到3%。", "2%到3%", "pct", [2.5], [4]),
        ("新建道路12公里。", "12公里", "length", [12000], [13000]),
        ("新建道路15km。", "15km", "length", [15000], [16000]),
        ("完成造林3.5万亩。", "3.5万亩", "mu", [35000], [36000]),
        ("集装箱吞吐量254.5万标箱。", "254.5万标箱", "teu", [254.5e4], [255e4]),
        ("研发投入强度提高2.5个百分点。", "2.5个百分点", "pp", [2.5], [3]),
        ("城镇新增就业２．５万人。", "2.5万人", "person", [2.5e4], [3e4]),
    ],
)
def test_numbers_units_and_intervals(text: str, written: str, family: str, inside: list[float],
                                     outside: list[float]) -> None:
    q = _one(text, written)
    assert q.family == family
    for v in inside:
        assert _inside(q, v), (q.describe(), v)
    for v in outside:
        assert not _inside(q, v), (q.describe(), v)


@pytest.mark.parametrize(
    ("text", "written", "family", "value"),
    [
        ("Inflation was 6.5 percent.", "6.5 percent", "pct", 6.5),
        ("Inflation was 6.5 per cent.", "6.5 per cent", "pct", 6.5),
        ("Inflation was 6.5%.", "6.5%", "pct", 6.5),
        ("We will spend $1.4 billion on roads.", "$1.4 billion", "money", 1.4e9),
        ("Forty-three million workers have no paid sick leave.", "Forty-three million", "count", 43e6),
        ("The rate rose by 0.25 percentage points.", "0.25 percentage points", "pp", 0.25),
    ],
)
def test_english_numbers(text: str, written: str, family: str, value: float) -> None:
    q = _one(text, written)
    assert q.family == family
    assert _inside(q, value)


def test_english_ranges_and_bounds() -> None:
    q = _one("Growth is expected to be 2% to 3% this year.", "2% to 3%")
    assert _inside(q, 2.5) and not _inside(q, 3.5)
    q = _one("Spending on machinery and equipment grew by more than 20% this year.", "more than 20%")
    assert _inside(q, 21) and not _inside(q, 19)


@pytest.mark.parametrize(
    "text",
    [
        "推动5G基站建设。",  # a technology name
        "PM2.5平均浓度下降。",  # a pollutant name
        "2023年工作回顾。",  # a year
        "1月27日召开会议。",  # a date
        "实施三年行动计划。",  # a duration
        "一批项目开工，两家企业落户，三项改革完成。",  # counting words, not statistics
        "打响“3亩地”发展模式品牌。",  # a name in quotes
        "G324国道改造。",  # a road code
    ],
)
def test_not_quantities(text: str) -> None:
    assert _qs(text) == []


def test_helpers() -> None:
    assert cn_number("六点五") == (6.5, 0.1)
    assert cn_number("三十") == (30.0, 10.0)
    assert last_place("300") == 100 and last_place("20") == 10 and last_place("15") == 1
    parsed = parse_amount("4022.25亿元")
    assert parsed is not None and parsed[2] == "CNY" and abs(parsed[0] - 4022.25e8) < 1


# -- keys -------------------------------------------------------------------------


def test_scope_words_are_kept_in_the_key() -> None:
    qs = _qs("居民人均可支配收入增长5.2%，农村居民人均可支配收入增长5.6%。")
    keys = [q.key for q in qs]
    assert keys[0] != keys[1]
    assert keys[0] is not None and (keys[0].subject, keys[0].aspect) == ("居民人均可支配收入", Aspect.GROWTH)
    assert keys[1] is not None and (keys[1].subject, keys[1].aspect) == ("农村居民人均可支配收入", Aspect.GROWTH)


def test_aliases_and_lead_ins_are_normalised() -> None:
    a = _one("据统计，全市规模以上工业增加值增长6.8%。", "6.8%")
    b = _one("规上工业增加值增长6.8%。", "6.8%")
    assert a.key == b.key is not None


def test_subject_is_inherited_within_a_sentence() -> None:
    q = _one("规模以上工业增加值1455.2亿元，增长6.8%、排全省第3。", "6.8%")
    assert q.subject == "规上工业增加值" and q.kind == "growth"
    rank = _one("规模以上工业增加值1455.2亿元，增长6.8%、排全省第3。", "第3")
    assert rank.kind == "rank" and rank.qualifier == "全省"


def test_rank_by_total_and_rank_by_growth_differ() -> None:
    text = "地区生产总值4022.25亿元，总量排全省第7。其中地区生产总值增长6.5%、排全省第6。"
    ranks = [q for q in _qs(text) if q.kind == "rank"]
    assert len(ranks) == 2 and ranks[0].key != ranks[1].key


@pytest.mark.parametrize(
    "text",
    [
        "其增长6.5%。",  # a pronoun
        "数据显示，增长6.5%。",  # no subject at all
        "数据显示，五年年均增长9%。",  # a bare modifier with nothing to modify
        "签约引进1亿元以上项目超500个。",  # a threshold, not a measurement
        "园区税收55.8亿元。",  # which park?
    ],
)
def test_uncertain_subjects_get_no_key(text: str) -> None:
    qs = _qs(text)
    assert qs and all(q.key is None for q in qs if q.family in ("pct", "CNY"))


def test_enumeration_maps_values_to_subjects() -> None:
    qs = _qs("市属企业资产总额、营业总收入、净利润分别增长18.9%、54.1%、51.9%。")
    assert [q.subject for q in qs] == ["市属企业资产总额", "营业总收入", "净利润"]
    assert [q.enum for q in qs] == [("净利润", 0), ("净利润", 1), ("净利润", 2)]


def test_value_after_fenbie_without_its_list_is_ambiguous() -> None:
    q = _one("据统计，净利润分别增长25.3%。", "25.3%")
    assert q.key is None and q.enum == ("净利润", 0) and q.enum_key is not None


def test_jun_gives_every_subject_the_value() -> None:
    qs = [q for q in _qs("力争园区营收、固投均增长10%以上。") if q.key]
    assert "固投" in {q.subject for q in qs}


def test_from_to_value_is_not_the_level() -> None:
    qs = _qs("高新技术企业从904家增至4100家。")
    by_text = {q.text.strip(): q for q in qs}
    assert by_text["904家"].key is None
    assert by_text["4100家"].subject == "高新技术企业"


# -- periods ----------------------------------------------------------------------

REPORT = """\
——2024年1月27日在某市第十六届人民代表大会第四次会议上

一、2023年工作回顾

规模以上工业增加值1455.2亿元，增长6.8%。一季度地区生产总值增长4.2%、上半年5%、前三季度5.3%、全年增长6.5%。

二、2024年工作安排

今年经济社会发展的主要预期目标是：地区生产总值增长6.5%以上；规模以上工业增加值增长6%。

（一）坚持制造业当家

力争规模以上工业增加值增长6%。
"""


def test_review_and_plan_sections_give_periods() -> None:
    qs = _qs(REPORT)
    review = _one(REPORT, "6.8%")
    assert review.period == Period(Status.RESULT, "2023")
    plans = [q for q in qs if q.text.strip() == "6%"]
    assert plans and all(q.period == Period(Status.TARGET, "2024") for q in plans)
    assert review.key != plans[0].key


def test_quarters_are_sub_periods() -> None:
    qs = [q for q in _qs(REPORT) if q.family == "pct" and q.period.status is Status.RESULT]
    periods = {q.text.strip(): q.period for q in qs}
    assert periods["4.2%"] == Period(Status.RESULT, "2023", "一季度")
    assert periods["5%"] == Period(Status.RESULT, "2023", "上半年")
    assert periods["5.3%"] == Period(Status.RESULT, "2023", "前三季度")
    assert periods["6.5%"] == Period(Status.RESULT, "2023")


def test_list_without_its_lead_in_has_unknown_period() -> None:
    q = _one("是：地区生产总值增长6.5%以上；规模以上工业增加值增长6%。", "6%")
    assert q.period.status is Status.UNKNOWN and q.key is None


def test_target_words_set_the_period() -> None:
    q = _one("一、2023年工作回顾\n\n力争内销总额突破5094亿元。", "突破5094亿元")
    assert q.period.status is Status.TARGET


def test_part_number_run_into_its_paragraph_opens_the_plan() -> None:
    text = ("——2004年2月22日在某市人民代表大会上\n\n一、2003年工作回顾\n\n全市就业率达到42.5%。\n\n"
            "二、以振兴老工业基地为核心，全力做好2004年各项工作今年将全面实施振兴战略，我们面临严峻挑战，"
            "也具备许多有利条件。\n\n"
            "全市就业率达到40%以上。\n")
    assert _one(text, "42.5%").period == Period(Status.RESULT, "2003")
    assert _one(text, "40%以上").period == Period(Status.TARGET, "2004")


def test_part_number_paragraph_without_a_year_changes_nothing() -> None:
    text = ("——2004年2月22日在某市人民代表大会上\n\n一、2003年工作回顾\n\n"
            "二、工业经济快速发展，全市上下共同努力，克服了各种困难，取得了显著的成绩，各项指标全面完成。\n\n"
            "全市就业率达到42.5%。\n")
    assert _one(text, "42.5%").period.status is Status.RESULT


def test_dash_items_after_a_five_year_lead_are_the_five_years() -> None:
    text = ("二、今后五年的奋斗目标和2013年工作任务\n\n按照部署，今后五年，要实现新的发展要求。\n\n"
            "——更加注重完善城市功能。公共交通出行比例达到50%以上。\n\n"
            "全市公共交通出行比例达到46%。\n")
    dash = _one(text, "50%以上")
    later = _one(text, "46%")
    assert dash.period.span == "今后五年"
    assert later.period.span != "今后五年"
    assert dash.key != later.key


def test_address_opening_the_five_years_holds_until_a_year() -> None:
    text = ("一、2015年工作回顾\n\n全年服务业增加值占比提高2个百分点。\n\n"
            "各位代表，刚刚过去的2015年，是“十二五”收官之年。五年来，全市上下积极应对挑战。\n\n"
            "经济持续稳定发展。地区生产总值年均增长8.1%，服务业增加值占比提高2.6个百分点。\n\n"
            "2015年，全市服务业增加值占比提高2个百分点。\n")
    five = _one(text, "2.6个百分点")
    assert five.period.span == "过去五年"
    one_year = [q for q in _qs(text) if q.text.strip() == "2个百分点"]
    assert len(one_year) == 2 and not any(q.period.span == "过去五年" for q in one_year)


def test_zhe_wu_nian_is_five_years() -> None:
    q = _one("——这五年，人民生活水平显著提高。新建学校522所，新增学位36万个。", "36万个")
    assert q.period.span == "过去五年"


def test_english_a_inside_words_is_no_number() -> None:
    q = _one("Overall, employers and above will cost about $160 million.", "about $160 million")
    assert q.subject == "employers and above will cost"


def test_english_key_ignores_lead_words_and_verb_wording() -> None:
    a = _one("Last month, the unemployment rate rose to 6.9%.", "6.9%")
    b = _one("To recap, and the unemployment rate increased to 9.7%.", "9.7%")
    c = _one("So far, exports fell to 3.1%.", "3.1%")
    assert a.subject == b.subject == "unemployment rate rise to"
    assert c.subject != a.subject


@pytest.mark.parametrize("text", [
    "一、2023年工作回顾\n\n有效商标注册数量较2015年末增长3.3倍，新增就业5万人。",
    "一、2023年工作回顾\n\n地区生产总值是2004年的2倍，新增就业5万人。",
    "一、2023年工作回顾\n\n2015年以来，全市新增就业5万人。",
])
def test_base_and_start_years_do_not_date_a_figure(text: str) -> None:
    assert _one(text, "5万人").period == Period(Status.RESULT, "2023")


def test_a_year_written_before_a_figure_dates_it() -> None:
    assert _one("一、2023年工作回顾\n\n2022年全市新增就业5万人。", "5万人").period == Period(Status.RESULT, "2022")


def test_a_list_lead_in_is_read_by_its_last_sentence() -> None:
    review = "——2024年1月27日在某市人民代表大会上\n\n一、2023年工作回顾\n\n"
    results = review + "全年完成了市人大确定的目标任务。主要做了以下工作：\n\n港口货物吞吐量增长6.2%。\n"
    assert _one(results, "6.2%").period.status is Status.RESULT
    targets = review + "2024年主要预期目标是：\n\n港口货物吞吐量增长5%。\n"
    assert _one(targets, "5%").period.status is Status.TARGET


def test_a_programme_named_plan_is_not_a_target() -> None:
    review = "——2024年1月27日在某市人民代表大会上\n\n一、2023年工作回顾\n\n"
    assert _one(review + "实施外贸稳增长计划，港口货物吞吐量增长6.2%。\n", "6.2%").period.status is Status.RESULT
    assert _one(review + "计划新建港口泊位12个。\n", "12个").period.status is Status.TARGET


def test_the_whole_city_named_as_subject_is_not_an_earlier_zone() -> None:
    text = "高新技术产业开发区获批扩区，全市技术合同成交额增长12%。"
    assert _one(text, "12%").key.scope.zone == ""
    zone = "高新技术产业开发区加快建设，技术合同成交额增长12%。"
    assert _one(zone, "12%").key.scope.zone != ""


def test_a_topic_sentence_ending_in_a_verb_names_its_noun() -> None:
    text = "推动现代物流业加快发展。建设多式联运枢纽，物流业增加值增长9%，固定资产投资增长15%。"
    assert _one(text, "15%").key.scope.zone == "物流业"
    other = "推动城乡融合发展。建设多式联运枢纽，发展配送点1000个，城市连锁便利店增长30%。"
    assert _one(other, "30%").key.scope.zone == ""


def test_a_coordination_is_no_zone_name() -> None:
    text = "智能装备配套和特色产业园区加快提档升级，龙头企业本地配套率达到40%。"
    assert _one(text, "40%").key.scope.zone == ""
    named = "滨江智能装备产业园区加快提档升级，龙头企业本地配套率达到40%。"
    assert _one(named, "40%").key.scope.zone != ""


def test_a_sentence_that_tells_one_year_leaves_the_paragraph_span() -> None:
    review = "——2024年1月27日在某市人民代表大会上\n\n一、2023年工作回顾\n\n"
    para = "五年来，全市港口货物吞吐量年均增长6.2%，航线网络不断加密。全年港口集装箱吞吐量增长4.1%。\n"
    assert _one(review + para, "6.2%").period.span == "过去五年"
    assert _one(review + para, "4.1%").period.span == ""


def test_a_zone_named_after_the_metric_field_is_a_programme() -> None:
    text = "人工智能产业示范区获批建设，人工智能核心产业规模增长18%。"
    assert _one(text, "18%").key.scope.zone == ""
    place = "滨江智能装备产业园区加快提档升级，人工智能核心产业规模增长18%。"
    assert _one(place, "18%").key.scope.zone != ""
