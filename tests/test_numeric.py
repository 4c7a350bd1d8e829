"""Numeric rules: contradictions, shares over the whole, parts over totals, growth mismatches."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.rules.numeric import (
    RULES,
    GrowthMismatch,
    NumericContradiction,
    PartExceedsTotal,
    ShareOverWhole,
)
from reportlint.runner import lint_text

DATA = Path(__file__).parent / "data"


def _lint(rule, text: str):
    return lint_text(text, "t.txt", [(rule, dict(rule.options))]).diagnostics


def _found(rule, text: str) -> list[str]:
    return [text[d.start:d.end] for d in _lint(rule, text)]


REVIEW = "——2024年1月27日在某市人民代表大会上\n\n一、2023年工作回顾\n\n"
PLAN = "\n\n二、2024年工作安排\n\n"


# -- NUM001 -------------------------------------------------------------------------


def test_same_metric_two_values_in_one_section() -> None:
    text = REVIEW + "全市地区生产总值增长6.5%，经济运行稳中向好。\n\n项目建设有力推进。数据显示，地区生产总值增长6.8%。\n"
    diags = _lint(NumericContradiction, text)
    assert len(diags) == 1
    d = diags[0]
    assert text[d.start:d.end] == "地区生产总值增长6.8%"  # the later mention, subject and value
    assert "6.8%" in d.message and "6.5%" in d.message
    assert [text[r.start:r.end] for r in d.related] == ["地区生产总值增长6.5%"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("全市地区生产总值4022.25亿元。", "全市地区生产总值迈上4千亿元。"),
        ("招商引资总额年均增长近300亿元。", "据统计，招商引资总额年均增长297亿元。"),
        ("进出口额增长18%以上。", "据统计，进出口额增长18%。"),
        ("外贸进出口总额超8800亿元。", "全年外贸进出口总额8812亿元。"),
        ("城乡居民收入比缩小至1.83:1。", "城乡居民收入比为1.83:1。"),
    ],
)
def test_agreeing_restatements_are_silent(first: str, second: str) -> None:
    assert _found(NumericContradiction, REVIEW + first + "\n\n" + second + "\n") == []


@pytest.mark.parametrize(
    "text",
    [
        # rank by total vs rank by growth
        "地区生产总值4022.25亿元，总量排全省第7。\n\n其中地区生产总值增长6.5%、排全省第6。",
        # last year's result vs this year's target
        "规模以上工业增加值1455.2亿元，增长6.8%。" + PLAN + "主要预期目标是：规模以上工业增加值增长6%。",
        # a quarterly path
        "一季度地区生产总值增长4.2%、上半年5%、前三季度5.3%、全年增长6.5%。\n\n地区生产总值增长6.5%。",
        # 居民 vs 农村居民
        "居民人均可支配收入增长5.2%。\n\n农村居民人均可支配收入增长5.6%。",
        # four different metrics each ranked third
        "工业增加值增长6.8%、排全省第3。\n\n收集率达93%、排全省第3。\n\n总产值增长19.3%、全省第3。",
        # no subject, a pronoun, a bare modifier
        "固定资产投资增长21.8%，五年年均增长13%；地区生产总值五年年均增长8%。\n\n数据显示，五年年均增长9%。",
        "其增长6.5%。\n\n其增长7.5%。",
        # the same phrase for different parks in one paragraph
        "园区完成营收1600亿元、增长13%，税收33亿元。综保区营收913亿元、增长15%，税收55.8亿元。",
        # a five-year total and a year's figure
        "城镇新增就业33.1万人。\n\n过去五年，城镇新增就业132.3万人。",
        # two bounds in different words can both hold
        "城镇登记失业率控制在3%以内。\n\n城镇登记失业率低于4%。",
    ],
)
def test_traps_are_silent(text: str) -> None:
    assert _found(NumericContradiction, REVIEW + text + "\n") == []


def test_enumeration_restated_with_another_value() -> None:
    text = (REVIEW + "市属企业资产总额、营业总收入、净利润分别增长18.9%、54.1%、51.9%。\n\n"
            "据统计，净利润分别增长25.3%。\n")
    assert _found(NumericContradiction, text) == ["净利润分别增长25.3%"]


def test_each_subject_of_jun() -> None:
    text = "——2025年1月在某市人民代表大会上\n\n二、2025年工作安排\n\n力争园区营收、固投均增长10%以上。\n\n据统计，固投均增长7%。\n"
    assert _found(NumericContradiction, text) == ["固投均增长7%"]


def test_targets_of_one_metric_disagree() -> None:
    text = REVIEW + "一年来成绩显著。" + PLAN + "力争服务外包规模达到180亿元。\n\n全年力争服务外包规模达到227亿元。\n"
    assert _found(NumericContradiction, text) == ["服务外包规模达到227亿元"]


def test_english_restatement() -> None:
    text = ("Members noted strong investment. Spending on machinery and equipment grew by more than 20%, "
            "perhaps as firms advanced purchases.\n\nInflation eased. As noted above, spending on machinery "
            "and equipment grew by more than 13%.\n")
    found = _found(NumericContradiction, text)
    assert len(found) == 1 and "13%" in found[0]


def test_english_generic_prefix_is_not_compared() -> None:
    text = "It costs $2 million.\n\nIt costs $3 million.\n"
    assert _found(NumericContradiction, text) == []


def test_seed_report_is_silent() -> None:
    text = (DATA / "seed.txt").read_text(encoding="utf-8")
    diags = lint_text(text, "seed.txt", [(r, dict(r.options)) for r in RULES]).diagnostics
    assert diags == []


def test_report_file() -> None:
    text = (DATA / "numeric" / "report.txt").read_text(encoding="utf-8")
    # the restated 投资目的地 and the second 内销总额 target; every trap in the file stays silent
    assert sorted(_found(NumericContradiction, text)) == sorted(["投资目的地增长36%", "内销总额突破5094亿元"])


def test_facts_list_every_quantity_with_key_and_period() -> None:
    text = REVIEW + "地区生产总值增长6.5%。\n\n其增长7%。\n"
    result = lint_text(text, "t.txt", [(NumericContradiction, {})], show_facts=True)
    rows = {r["text"]: r for r in result.facts}
    assert rows["6.5%"]["key"] == "地区生产总值|growth||pct|actual:2023" and rows["6.5%"]["compared"] == "yes"
    assert rows["7%"]["compared"] == "no: subject unknown"


def test_explain_says_how_keys_are_formed() -> None:
    for rule in RULES:
        assert "NUM001" in rule.explanation or "key" in rule.explanation
    assert "How keys are formed" in NumericContradiction.explanation


# -- NUM002 - NUM004 ------------------------------------------------------------------


def test_share_over_the_whole() -> None:
    assert _found(ShareOverWhole, "高新技术产品产值占规上工业比重达112.5%。") == ["高新技术产品产值占规上工业比重达112.5%"]
    assert _found(ShareOverWhole, "高新技术产品产值占规上工业比重达52.5%。") == []
    assert _found(ShareOverWhole, "重点项目完成投资1915亿元，占年度计划的112%。") == []  # plan fulfilment


def test_part_exceeds_total() -> None:
    assert _found(PartExceedsTotal, "新增城镇就业5.2万人，其中高校毕业生6.1万人。") == ["高校毕业生6.1万人"]
    assert _found(PartExceedsTotal, "新增城镇就业5.2万人，其中高校毕业生2.1万人。") == []
    # an average of a district may exceed the city's
    assert _found(PartExceedsTotal, "全市企业退休人员月人均养老金增加到1432元，其中市区增加到1479元。") == []
    # thresholds, not amounts
    assert _found(PartExceedsTotal, "销售收入过20亿元的企业达到35户，其中过百亿元的3户以上。") == []


def test_growth_mismatch() -> None:
    assert len(_lint(GrowthMismatch, "研发投入从120亿元增长到150亿元，增长35%。")) == 1
    assert _lint(GrowthMismatch, "研发投入从120亿元增长到150亿元，增长25%。") == []
    assert _lint(GrowthMismatch, "一般预算收入由4.33亿元增加到50.86亿元，增长11倍。") == []
    # value added grows at comparable prices; its levels are at current prices
    assert _lint(GrowthMismatch, "工业增加值由559.4亿元增加到690亿元，增长17.6%。") == []


# -- scope and period traps met in real reports ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a zone named in the sentence: its GDP is not the city's
        "全市地区生产总值增长6.5%。\n\n滇中新区经济运行稳中向好，地区生产总值增长8.5%。",
        # a zone named by the paragraph's short topic sentence
        "新增经营主体3.97万户、增长8.5%。\n\n自贸试验区建设提速增效。新增经营主体7660家、增长10.2%。",
        # 新增 distributes over the list: 192 new ones, 347 in all
        "新增上市企业17家、新三板挂牌企业192家。\n\n新三板挂牌企业达到347家。",
        # the titles of list items count different things
        "8个城际轨道项目：穗莞深城际。\n\n6个城际轨道项目：广清城际。",
        # an upper bound is a ceiling: 3.02% is within 3.7%
        "城镇登记失业率为3.02%。\n\n城镇登记失业率控制在3.7%以内。",
        # the growth of a 1000亿 economy is not the growth of a 7856亿 one
        "全市生产总值达到7856.56亿元、增长7.4%。\n\n全市生产总值突破1000亿元、增长7.2%。",
        # a comparison belongs to its own subject
        "地区生产总值增长6.8%，增速分别高于全国、全省0.7个和0.6个百分点。\n\n"
        "不良贷款率0.88%，分别低于全国、全省0.98个和0.28个百分点。",
    ],
)
def test_scope_traps_are_silent(text: str) -> None:
    assert _found(NumericContradiction, REVIEW + text + "\n") == []


def test_last_year_told_in_the_plan_is_last_year() -> None:
    text = ("——2016年1月在某市人民代表大会上\n\n一、2016年工作安排\n\n今年是攻坚之年。过去一年，全市人民齐心协力。"
            "全市地区生产总值增长6.9%。\n\n综合各方面因素，全市经济社会发展的主要预期目标是：地区生产总值增长6.5%。\n")
    assert _found(NumericContradiction, text) == []


def test_word_before_a_value_list_bounds_every_value() -> None:
    text = REVIEW + "财政总收入、地方财政收入分别突破200亿元、150亿元。\n\n其中，地方财政收入达152.53亿元。\n"
    assert _found(NumericContradiction, text) == []


EN_REVIEW = ("Economic developments\n\nIn the first months of the year the unemployment rate rose to 6.9%, "
             "as firms cut jobs in the sectors most exposed to tariffs.\n\n")


def test_english_restatement_in_other_words_is_compared() -> None:
    text = EN_REVIEW + "Members discussed the outlook. To recap, the unemployment rate increased to 7.8%.\n"
    found = _found(NumericContradiction, text)
    assert len(found) == 1 and found[0].endswith("unemployment rate increased to 7.8%")


def test_english_restatement_in_other_words_that_agrees_is_quiet() -> None:
    text = EN_REVIEW + "Members discussed the outlook. To recap, the unemployment rate increased to 6.9%.\n"
    assert _found(NumericContradiction, text) == []


def test_five_year_figures_after_the_address_are_not_last_years() -> None:
    text = (REVIEW + "服务业提质增效，全年服务业增加值占比提高2个百分点。\n\n"
            "各位代表，刚刚过去的2023年，是“十四五”关键之年。五年来，全市上下积极应对挑战。\n\n"
            "经济持续稳定发展，地区生产总值年均增长8.1%，服务业增加值占比提高2.6个百分点。\n")
    assert _found(NumericContradiction, text) == []


# A sentence long enough not to be a topic sentence, with no figure: what follows it has
# no subject to go on with.
LONG_LEAD = "各区县围绕重点产业链开展精准招商，签约落地了一批带动性强的重大项目。"
INVEST = REVIEW + "2023年固定资产投资2972.4亿元，增长21.8%，五年年均增长13%；社会消费品零售总额1978.9亿元。\n\n"


def test_subjectless_restatement_of_the_one_clause_with_its_words_is_compared() -> None:
    text = INVEST + LONG_LEAD + "数据显示，五年年均增长9%。\n"
    assert _found(NumericContradiction, text) == ["年均增长9%"]


def test_subjectless_restatement_that_agrees_is_quiet() -> None:
    assert _found(NumericContradiction, INVEST + LONG_LEAD + "数据显示，五年年均增长13%。\n") == []


def test_subjectless_clause_with_two_possible_owners_is_not_compared() -> None:
    text = INVEST.replace("；社会消费品", "；地区生产总值增长6%，五年年均增长8%，社会消费品") + LONG_LEAD + "数据显示，五年年均增长9%。\n"
    assert _found(NumericContradiction, text) == []


def test_subjectless_restatement_prefers_the_clause_with_exactly_its_words() -> None:
    # 五年年均增长 is said by one clause; 地区生产总值年均增长 only ends like it
    text = INVEST.replace("；社会消费品", "；地区生产总值年均增长8%，社会消费品") + LONG_LEAD + "数据显示，五年年均增长9%。\n"
    assert _found(NumericContradiction, text) == ["年均增长9%"]


def test_clause_whose_subject_came_earlier_in_its_own_sentence_is_no_orphan() -> None:
    text = INVEST + "出口总额突破300亿元，五年年均增长9%。\n"
    assert _found(NumericContradiction, text) == []


def test_measured_five_year_figure_told_in_the_plan_is_the_review_figure() -> None:
    text = INVEST + PLAN + LONG_LEAD + "数据显示，五年年均增长9%。\n"
    assert _found(NumericContradiction, text) == ["年均增长9%"]


def test_counties_named_together_are_not_the_city() -> None:
    text = (REVIEW + "全市城市居民人均可支配收入达到8924元，农民人均纯收入达到4347元，增长13.8%。\n\n"
            "四县（市）去年完成生产总值251亿元，增长16.6%；农民人均纯收入达到3832元，增长22.7%。\n")
    assert _found(NumericContradiction, text) == []


def test_zone_in_a_run_in_heading_owns_the_paragraphs_figures() -> None:
    text = (REVIEW + "**（四）全力建设航空港经济综合实验区，提供新的动力。**优先发展航空货运。力争全年进出口总额300亿美元。\n\n"
            "拓展外需市场，扩大出口规模。力争全年进出口总额突破430亿美元。\n")
    assert _found(NumericContradiction, text) == []


def test_zone_in_a_short_lead_sentence_owns_the_paragraphs_figures() -> None:
    text = (PLAN + "全年地区生产总值增长5%，规上工业增加值增长6%。\n\n"
            "将松山湖科学城建设成为引领全市发展的核心引擎。围绕打造产业创新引擎，力争研发投入强度达10%，GDP增长10%。\n")
    assert _found(NumericContradiction, text) == []


def test_a_city_of_technology_is_no_zone() -> None:
    text = (REVIEW + "全市工业技改投资增长12.5%。\n\n"
            "先进制造业增长8.5%。东莞初具高科技城市雏形。数据显示，全市工业技改投资增长17.5%。\n")
    assert len(_found(NumericContradiction, text)) == 1


def test_round_percentage_bound_allows_the_figures_above_it() -> None:
    text = REVIEW + "新设立市场主体增长28%，注册资本增长108.7%。\n\n城市功能不断完善，注册资本增长超100%。\n"
    assert _found(NumericContradiction, text) == []
    assert len(_found(NumericContradiction, text.replace("超100%", "超110%"))) == 1


def test_place_opening_a_list_scopes_every_item() -> None:
    text = (PLAN + "全市新增绿地1000万平方米以上，新建公园游园400个。\n\n"
            "认真办好民生实事。六是市区建成区内新建公园游园200个、新增绿地500万平方米，新增健身驿站30个。\n")
    assert _found(NumericContradiction, text) == []
    unscoped = text.replace("六是市区建成区内新建公园游园200个、", "")
    assert len(_found(NumericContradiction, unscoped.replace("500万", "700万"))) == 1


# -- proportions that cannot pass the whole ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["山区农户天然气普及率达112%。", "全县学校宽带网络覆盖率提高到104.5%。", "市区生活垃圾无害化处理率达到120%。",
     "应届高校毕业生就业率均为130%。"],
)
def test_bounded_rates_over_the_whole(text: str) -> None:
    assert len(_found(ShareOverWhole, text)) == 1


@pytest.mark.parametrize(
    "text",
    ["学前教育毛入学率达到102%。", "三甲医院病床使用率为108%。", "年度计划完成率达115%。", "宽带用户数增长130%。",
     "山区农户天然气普及率达92%。", "覆盖率提高了110个百分点以上的说法并不存在。"],
)
def test_rates_that_may_pass_the_whole_or_are_not_levels(text: str) -> None:
    assert _found(ShareOverWhole, text) == []


# -- pasted copies ---------------------------------------------------------------------------


def test_a_pasted_copy_of_a_paragraph_states_no_new_figure() -> None:
    para = "全市快递业务量达到3.6亿件，同比增长12%，其中农村地区快递业务量增长21%。"
    plan = "力争快递业务量增长15%。"
    text = REVIEW + para + "\n\n" + "全市快递业务量增长12%。" + PLAN + plan + "\n\n" + para + "\n"
    assert _found(NumericContradiction, text) == []


def test_a_changed_copy_is_still_a_contradiction() -> None:
    para = "全市快递业务量达到3.6亿件，同比增长12%，其中农村地区快递业务量增长21%。"
    changed = para.replace("同比增长12%", "同比增长17%")
    text = REVIEW + para + "\n\n城市建设稳步推进。\n\n" + changed + "\n"
    assert _found(NumericContradiction, text) == ["同比增长17%"]


def test_sentences_of_a_copy_that_joins_two_paragraphs_are_not_new_claims() -> None:
    first = "全市新增城镇就业4.2万人，新建养老床位1800张。"
    second = "全年完成造林1.6万亩，森林覆盖率达到41.2%。"
    plan = "全市新增城镇就业3.5万人以上，新建养老床位1000张。"
    text = REVIEW + first + "\n\n" + second + PLAN + plan + "\n\n" + first + second + "\n"
    assert _found(NumericContradiction, text) == []


# -- how approximate wording bounds a figure -------------------------------------------------


def test_a_rate_bound_below_the_whole_counts_one_point() -> None:
    text = REVIEW + "全市快递业务收入增长20%以上，快递服务网络覆盖到每一个行政村。\n\n港口建设有序推进。\n\n快递业务收入增长27%。\n"
    assert _found(NumericContradiction, text) == ["快递业务收入增长27%"]
    agree = text.replace("增长27%", "增长20.4%")
    assert _found(NumericContradiction, agree) == []


def test_about_a_rate_allows_half_a_point() -> None:
    base = REVIEW + "全市快递业务收入增长8%左右，快递服务网络覆盖到每一个行政村。\n\n港口建设有序推进。\n\n快递业务收入增长{}。\n"
    assert _found(NumericContradiction, base.format("9%")) == ["快递业务收入增长9%"]
    assert _found(NumericContradiction, base.format("8.3%")) == []


def test_a_round_amount_may_be_rounded_within_a_fifth_of_its_last_digit() -> None:
    base = REVIEW + "全年蔬菜产量达到300万吨，农业基础更加稳固。\n\n港口建设有序推进。\n\n蔬菜产量达到{}。\n"
    assert _found(NumericContradiction, base.format("340万吨")) == ["蔬菜产量达到340万吨"]
    assert _found(NumericContradiction, base.format("325万吨")) == ["蔬菜产量达到325万吨"]
    assert _found(NumericContradiction, base.format("312万吨")) == []
    assert _found(NumericContradiction, base.format("突破300万吨").replace("达到突破", "")) == []


# -- scope, targets and purposes met in real reports ---------------------------------------


def test_a_figure_listed_with_its_paragraph_topic_is_the_topic_figure() -> None:
    text = (REVIEW[:-len("一、2023年工作回顾\n\n")] + "二、2024年工作安排\n\n主要预期目标是：地区生产总值增长6%左右，"
            "固定资产投资增长8%左右。\n\n壮大现代物流业。建设多式联运枢纽，物流业增加值增长9%，固定资产投资增长15%。\n")
    assert _found(NumericContradiction, text) == []
    # the same figure in a paragraph without that topic is the city's and is compared
    restated = text.replace("壮大现代物流业。建设多式联运枢纽，物流业增加值增长9%，", "建设多式联运枢纽，")
    assert _found(NumericContradiction, restated) == ["固定资产投资增长15%"]


def test_a_commitment_floor_marks_a_target_in_a_review() -> None:
    text = (REVIEW + "全年开工建设公租房6200套、人才公寓2400套，保障能力进一步提升。\n\n"
            "附件：2023年为民办实事完成情况\n\n一、新开工公租房不低于5000套，人才公寓2000套，已全部完成。\n")
    assert _found(NumericContradiction, text) == []


def test_funds_allotted_name_their_purpose_after_the_amount() -> None:
    text = (REVIEW + "安排资金500万元，支持农产品冷链物流建设。\n\n城市更新有序推进。\n\n"
            "安排资金400万元，用于老旧小区加装电梯补助。\n")
    assert _found(NumericContradiction, text) == []


def test_show_facts_prints_a_table_or_json(tmp_path: Path) -> None:
    import json

    from conftest import run_cli

    report = tmp_path / "r.md"
    report.write_text(REVIEW + "全市港口货物吞吐量增长6.2%。\n", encoding="utf-8")
    proc = run_cli("--show-facts", "--output-format", "json", "--select", "NUM", str(report))
    doc = json.loads(proc.stdout.decode())
    (row,) = doc["files"][0]["facts"]
    assert row["text"] == "6.2%" and row["aspect"] == "growth" and row["compared"] == "yes"
    table = run_cli("--show-facts", "--select", "NUM", "--color", "never", str(report)).stdout.decode()
    assert "港口货物吞吐量" in table and "actual:2023" in table


# -- arithmetic a reader can check ------------------------------------------------------------


def test_doubling_that_the_levels_do_not_bear() -> None:
    from reportlint.rules.numeric import DoublingMismatch

    assert len(_found(DoublingMismatch, "乡村旅游收入从6亿元增加到9.5亿元，五年翻了一番。")) == 1
    assert len(_found(DoublingMismatch, "快递网点从800个增加到1000个，翻了两番。")) == 1
    assert _found(DoublingMismatch, "乡村旅游收入从6亿元增加到12.2亿元，五年翻了一番。") == []
    assert _found(DoublingMismatch, "乡村旅游收入从6亿元增加到14亿元，翻了一番多。") == []
    assert _found(DoublingMismatch, "乡村旅游收入从6亿元增加到13.4亿元，翻了一番以上。") == []
    assert len(_found(DoublingMismatch, "乡村旅游收入从6.0亿元增加到17亿元，翻了一番。")) == 1
    assert _found(DoublingMismatch, "乡村旅游收入五年翻了一番，达到12亿元。") == []  # the earlier level is not stated


def test_parts_that_do_not_add_up_to_their_total() -> None:
    from reportlint.rules.numeric import SumMismatch

    assert len(_found(SumMismatch, "东西两个片区分别完成投资35亿元、27亿元，合计72亿元。")) == 1
    assert _found(SumMismatch, "东西两个片区分别完成投资35亿元、27亿元，合计62亿元。") == []
    assert _found(SumMismatch, "两个片区分别新增就业1.2万人和0.8万人，共计2万人。") == []
    assert _found(SumMismatch, "两项指标分别增长5%、6%，合计拉动增长3个百分点。") == []  # rates are not summed
    assert _found(SumMismatch, "东西两个片区分别完成投资35亿元、27亿元，其中工业投资30亿元。") == []


def test_a_participle_clause_continues_the_clause_before_it() -> None:
    text = ("The city closed 40 outdated municipal depots, totaling more than $12 million in annual costs.\n\n"
            "Parks were renovated across the county.\n\n"
            "As reported, the city closed 40 outdated municipal depots, totaling more than $19 million.\n")
    assert _found(NumericContradiction, text) == ["more than $19 million"]
    agree = text.replace("$19 million", "$12 million")
    assert _found(NumericContradiction, agree) == []


# -- periods of spans, orphans by sentence structure, English restatements ----------------

FIVE = ("——2026年2月3日在某市人民代表大会上\n\n一、过去五年工作回顾\n\n"
        "过去五年，全市交通网络加快成形，城际铁路和高速公路相继建成，轨道交通运营里程达到{}。\n\n"
        "二、2025年工作回顾\n\n一年来，城市建设扎实推进，全年轨道交通运营里程达到{}，公交线网持续优化。\n")


def test_a_level_told_of_the_past_five_years_is_the_level_of_their_last_year() -> None:
    assert _found(NumericContradiction, FIVE.format("318公里", "286公里")) == ["轨道交通运营里程达到286公里"]
    assert _found(NumericContradiction, FIVE.format("318公里", "318公里")) == []


def test_an_amount_summed_over_the_span_is_not_the_years() -> None:
    # 新建 counts what was added: five years' worth is another figure than one year's
    text = FIVE.replace("轨道交通运营里程达到", "新建城市道路")
    assert _found(NumericContradiction, text.format("318公里", "286公里")) == []


def test_a_rate_told_of_a_span_may_be_its_average() -> None:
    text = FIVE.replace("轨道交通运营里程", "空气质量优良天数比例")
    assert _found(NumericContradiction, text.format("92.1%", "95.4%")) == []


def test_annual_averages_of_one_span_agree_whatever_the_span_is_called() -> None:
    text = ("——2021年1月20日在某市人民代表大会上\n\n一、“十三五”时期工作回顾\n\n"
            "“十三五”时期，全市一般公共预算收入年均增长7.4%，财政实力明显增强。\n\n"
            "二、2020年工作回顾\n\n各位代表，五年来我们攻坚克难，税源结构持续优化。过去五年，一般公共预算收入年均增长{}。\n")
    assert _found(NumericContradiction, text.format("6.1%")) == ["一般公共预算收入年均增长6.1%"]
    assert _found(NumericContradiction, text.format("7.4%")) == []


def test_a_cumulative_change_is_a_figure_of_the_span() -> None:
    text = (REVIEW + "五年来，节能工作走在前列，单位地区生产总值能耗累计下降15.2%。\n\n"
            "生态环境持续改善，单位地区生产总值能耗累计下降{}。\n")
    assert _found(NumericContradiction, text.format("18.6%")) == ["单位地区生产总值能耗累计下降18.6%"]
    assert _found(NumericContradiction, text.format("15.2%")) == []


def test_a_floor_kept_agrees_with_any_value_above_it() -> None:
    text = (REVIEW + "全年城市污水集中处理率达到97.6%，河湖水质稳定向好。\n\n"
            "各位代表，城市污水集中处理率保持在95%以上，群众满意度不断提升。\n")
    assert _found(NumericContradiction, text) == []


def test_an_estimate_in_the_plan_is_last_years_figure() -> None:
    text = (REVIEW + "全年全社会用电量增长9.2%，工业用电稳步回升。" + PLAN +
            "主要预期目标是：全社会用电量增长7%左右。\n\n各位代表，预计全社会用电量增长{}，电力保障平稳有序。\n")
    assert _found(NumericContradiction, text.format("11.5%")) == ["全社会用电量增长11.5%"]
    assert _found(NumericContradiction, text.format("9.2%")) == []


def test_perfective_in_the_plan_is_a_result_not_a_target() -> None:
    text = (REVIEW + "全年人均地区生产总值达到1.1万美元。" + PLAN +
            "今后五年，力争人均地区生产总值突破1.5万美元。\n\n各位代表，我市人均地区生产总值已超过1万美元，社会结构正在深刻变化。\n")
    assert _found(NumericContradiction, text) == []


def test_a_topic_noun_phrase_clause_scopes_the_figure_after_it() -> None:
    text = (REVIEW + "全年农村居民人均可支配收入增长8.4%。\n\n"
            "深入推进帮扶工作，人均收入低于五千元的边远山村，农村居民人均可支配收入增长16.2%。\n")
    assert _found(NumericContradiction, text) == []


def test_subjectless_comparison_sentence_restates_the_one_clause_with_its_words() -> None:
    text = (REVIEW + "住户存款余额3120.6亿元，比年初增长6.3%。\n\n" + LONG_LEAD + "统计公报表明，比年初增长{}。\n")
    assert _found(NumericContradiction, text.format("8.3%")) == ["比年初增长8.3%"]
    assert _found(NumericContradiction, text.format("6.3%")) == []


def test_subjectless_sentence_after_a_level_goes_on_with_it() -> None:
    # 比年初增长 after a sentence that gave an amount is that amount's growth: not compared
    text = (REVIEW + "住户存款余额3120.6亿元，比年初增长6.3%。\n\n"
            "各项贷款余额较快增长，全年新增贷款超过四百亿元，余额达到4210.5亿元。比年初增长10.8%。\n")
    assert _found(NumericContradiction, text) == []


def test_subjectless_sentence_after_a_topic_sentence_is_the_topics() -> None:
    text = REVIEW + "住户存款余额3120.6亿元，比年初增长6.3%。\n\n金融业加快发展。比年初增长10.8%。\n"
    assert _found(NumericContradiction, text) == []


def test_share_restated_alone_is_compared_with_the_one_share_clause() -> None:
    text = (REVIEW + "数字经济核心产业增加值860亿元，占地区生产总值比重达11.2%。\n\n" + LONG_LEAD
            + "数据显示，占地区生产总值比重达14.6%。\n")
    assert _found(NumericContradiction, text) == ["占地区生产总值比重达14.6%"]


def test_a_part_whose_whole_is_elsewhere_is_that_wholes_part() -> None:
    text = (REVIEW + "全市规上工业增加值增长7.3%，其中高技术制造业增长12.4%。\n\n" + LONG_LEAD
            + "与此同时，其中高技术制造业增长{}。\n")
    assert _found(NumericContradiction, text.format("15.8%")) == ["高技术制造业增长15.8%"]
    assert _found(NumericContradiction, text.format("12.4%")) == []


def test_a_rate_told_once_for_items_sharing_a_head_holds_for_each() -> None:
    text = (REVIEW + "全市行政村通客车、通邮率均达到100%。\n\n乡村振兴扎实推进，各项民生工程有序实施。通邮率达到93%。\n")
    assert _found(NumericContradiction, text) == ["通邮率达到93%"]
    amounts = REVIEW + "全市进口、出口总额达到2400亿元。\n\n外贸稳中提质，结构持续优化，重点企业带动明显。出口总额达到1500亿元。\n"
    assert _found(NumericContradiction, amounts) == []  # an amount told once for two items is their sum


def test_round_mark_passed_keeps_its_subject() -> None:
    text = REVIEW + "全年地区生产总值突破3000亿元大关，经济实力迈上新台阶。\n\n各位代表，数据显示，全年地区生产总值达到{}。\n"
    assert _found(NumericContradiction, text.format("2870亿元")) == ["地区生产总值达到2870亿元"]
    assert _found(NumericContradiction, text.format("3120亿元")) == []


EN_TITLE = "The State of the Region\n\n"


def test_english_restatement_with_a_pronoun_subject_is_matched_by_its_words() -> None:
    text = (EN_TITLE + "Outlays on defense have fallen steadily. They have been reduced from more than $70 billion "
            "in 1945 to less than $40 billion today.\n\nThe record of the year is a good one for the farmer.\n\n"
            "In short, they have been reduced from more than {}.\n")
    assert [t.startswith("more than $52 billion") for t in _found(NumericContradiction, text.format("$52 billion"))] == [True]
    assert _found(NumericContradiction, text.format("$70 billion")) == []


def test_english_ranges_with_different_ends_disagree() -> None:
    text = (EN_TITLE + "These measures together can cut our imports of foreign oil by 2 to 3 million barrels a day.\n\n"
            "Our farms did well this year.\n\nTo repeat, these measures together can cut our imports of foreign oil by {} "
            "barrels a day.\n")
    assert len(_found(NumericContradiction, text.format("2 to 4 million"))) == 1
    assert _found(NumericContradiction, text.format("2 to 3 million")) == []
