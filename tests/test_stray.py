"""Stray tokens: English words and traditional characters in Chinese prose, beside the Latin and
the characters that belong there."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.rules.stray import StrayLatinWord, TraditionalCharacter
from reportlint.runner import lint_text

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed.txt"


def _find(rule, text: str, **options) -> list:
    opts = dict(rule.options) | options
    return lint_text(text, "r.txt", [(rule, opts)]).diagnostics


def _spans(rule, text: str, **options) -> list[str]:
    return [text[d.start:d.end] for d in _find(rule, text, **options)]


def _apply(text: str, diag) -> str:
    (edit,) = diag.fix.edits
    return text[:edit.start] + edit.content + text[edit.end:]


# -- English words in Chinese text -------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("深入学习贯彻党的二十大精神 and 习近平总书记对广东系列重要讲话精神。", "and"),
        ("推进数字化、智能化、绿色化转and型步伐。", "and"),
        ("家电出口额占全国比 of 重保持十分之一。", "of"),
        ("成立中俄数字经济研究中心which等机构。", "which"),
        ("港口吞吐量增长48.7%。中 however 欧班列开行国际线路。", "however"),
        ("全面提in order to升社区卫生健康服务能力。", "in order to"),
        ("城镇新建绿色建筑 the 面积占比80%以上。", "the"),
        ("分档分类压减政府购买service支出。", "service"),
        ("区域创新中心加快construction。规划建设科学城。", "construction"),
        ("促进民营economy发展壮大。", "economy"),
        ("大力development普惠型养老服务。", "development"),
        ("全过程创新链accelerate构建。", "accelerate"),
        ("推动tourism高质量发展。", "tourism"),
        ("建设smart city示范区。", "smart city"),
        ("巩固深 And 化禁塑成效。", "And"),
        ("实现“一趟development不用跑”。", "development"),
        ("the城镇新建绿色建筑面积占比80%以上。", "the"),
        ("推广5G and 数字经济融合发展。", "and"),
        ("一季度GDP and 增长4.2%，全年稳中向好。", "and"),
    ],
)
def test_stray_english_found(text: str, word: str) -> None:
    assert _spans(StrayLatinWord, text) == [word]


@pytest.mark.parametrize(
    "text",
    [
        "一季度GDP增长4.2%，全市4A级旅游景区增加5家，ESI学科全球排名前1%。",
        "江门Citywalk主题文旅活动火爆，PM2.5平均浓度下降。",
        "加快推进OPPO、vivo、TCL等项目，推广5G和IPv6，发行REITs。",
        "研发投入R&D占比提高，G98和G324改造完工，安全考核获A级。",
        "全国和美乡村篮球大赛（村BA）总决赛，加入RCEP和CPTPP。",
        "区域全面经济伙伴关系（Regional Comprehensive Economic Partnership），即由东盟十国发起。",
        "国内生产总值（gross domestic product）稳步增长。",
        "迭代完善“有票就go了”城市营销活动。",
        "“巴士”源自英文bus，意思是公共汽车。",
        "其英文名称为chemical oxygen demand，简写为“COD”。",
        "R&D 英文research and development的缩写，即研究与试验发展。",
        "推动前洋E商小镇、i设计小镇建设，“浙里甬e保”上线。",
        "育武汉经济技术开发区it产品出口基地。",
        "成功引进smart高端智能电动车全球销售总部。",
        "推动Made in China品牌走出去。",
        "The government will invest in the economy and in services.",
    ],
)
def test_legitimate_latin_is_quiet(text: str) -> None:
    assert _spans(StrayLatinWord, text) == []


def test_allow_option_silences_a_word() -> None:
    text = "打造service型政府。"
    assert _spans(StrayLatinWord, text) == ["service"]
    assert _spans(StrayLatinWord, text, allow=["Service"]) == []


def test_suggestion_and_unsafe_fix() -> None:
    text = "提供就业政策咨询 and 服务。"
    (diag,) = _find(StrayLatinWord, text)
    assert "和" in diag.message
    assert diag.fix.applicability == "unsafe"
    assert _apply(text, diag) == "提供就业政策咨询和服务。"


def test_function_word_fix_deletes_it() -> None:
    text = "城镇新建绿色建筑 the 面积占比80%以上。"
    (diag,) = _find(StrayLatinWord, text)
    assert _apply(text, diag) == "城镇新建绿色建筑面积占比80%以上。"


def test_clean_report_excerpts_are_quiet() -> None:
    text = (DATA / "stray" / "clean_traps.txt").read_text(encoding="utf-8")
    assert _find(StrayLatinWord, text) == []
    assert _find(TraditionalCharacter, text) == []


# -- traditional characters ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "char", "simple"),
    [
        ("开展高架桥下环境整治行動，健全长效管理机制，推进行动计划。", "動", "动"),
        ("危中有机、危可转机。我們要看到，我们的经济韧性强。", "們", "们"),
        ("建设区域性國际消费中心，扩大国际合作。", "國", "国"),
        ("推動大型物流企業面向中小微企业提供服务。", "業", "业"),
        ("抓好细顆粒物治理。", "顆", "颗"),
    ],
)
def test_traditional_found(text: str, char: str, simple: str) -> None:
    diags = _find(TraditionalCharacter, text)
    hit = [d for d in diags if text[d.start:d.end] == char]
    assert hit, diags
    assert _apply(text, hit[0]) == text.replace(char, simple, 1)


def test_traditional_fix_is_safe_only_when_the_report_spells_the_word_simplified() -> None:
    attested = "推进行動计划，落实行动方案。"
    (diag,) = _find(TraditionalCharacter, attested)
    assert diag.fix.applicability == "safe" and diag.fix.proven
    alone = "抓好细顆粒物治理。"
    (diag,) = _find(TraditionalCharacter, alone)
    assert diag.fix.applicability == "unsafe"


@pytest.mark.parametrize(
    "text",
    [
        "推动莞城鰜鱼洲文创园建设，建强北滘工业设计产业集聚区，叠滘龙船漂移火爆出圈。",
        "筼筜湖综合治理等改革举措在全国推广。",
        "正如古人所说“未雨綢繆”，我们要提前谋划，做好门户建设。",
        "华为昇腾人工智能云服务上线，提升城市能级。",
        "國際機場擴建工程順利推進，這是本市對外開放的重要門戶。",
    ],
)
def test_correct_characters_are_quiet(text: str) -> None:
    assert _spans(TraditionalCharacter, text) == []


def test_english_paragraph_with_a_chinese_idiom_is_quiet() -> None:
    text = (DATA / "stray" / "english_with_idiom.txt").read_text(encoding="utf-8")
    assert _find(TraditionalCharacter, text) == []


def test_traditional_document_is_not_reported() -> None:
    text = "各位代表：過去一年，本市經濟穩定發展，產業結構持續優化，人民生活水準顯著提高，對外貿易與投資規模擴大，" \
           "城鄉環境明顯改善，社會保障體系更加健全，政府服務效能穩步提升。"
    assert _find(TraditionalCharacter, text) == []


def test_seed_findings_and_traps() -> None:
    text = SEED.read_text(encoding="utf-8")
    latin = _spans(StrayLatinWord, text)
    assert latin == ["and"]
    assert _spans(TraditionalCharacter, text) == ["門"]


def test_tables_ship_as_package_data() -> None:
    from reportlint.rules.stray import english_words, traditional_map, translations

    table = traditional_map()
    assert table["門"] == "门" and table["業"] == "业"
    # Characters that are also simplified, or correct outside GB 2312, are not in the table.
    for ch in "乾著於后干滘祐筼筜圫潖":
        assert ch not in table
    assert {"service", "economy", "and"} <= english_words()
    assert "it" not in english_words()  # IT industry, written in lowercase now and then
    assert translations()["and"] == "和" and translations()["the"] == ""


@pytest.mark.parametrize(
    "text",
    [
        "加快打造国际消费中心，建成中環万象城等消费新地标。",  # a mall brand keeps its characters
        "引进新鴻基地产有限公司等一批企业。",  # a company name as registered
    ],
)
def test_traditional_character_in_an_organisation_name_is_quiet(text: str) -> None:
    assert _find(TraditionalCharacter, text) == []


def test_traditional_character_far_from_a_name_head_is_still_found() -> None:
    text = "建设區域消费中心广场，推进区域协调发展。"
    assert [text[d.start] for d in _find(TraditionalCharacter, text)] == ["區"]
