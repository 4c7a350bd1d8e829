"""Stutters: doubled characters and words that are slips, beside reduplication and word joins that are Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.diagnostic import Edit
from reportlint.rules.typo import Stutter
from reportlint.runner import lint_text

SEED = Path(__file__).parent / "data" / "seed.txt"


def _find(text: str) -> list[tuple[int, int, str]]:
    res = lint_text(text, "r.txt", [(Stutter, dict(Stutter.options))])
    return [(d.start, d.end, text[d.start:d.end]) for d in res.diagnostics]


@pytest.mark.parametrize(
    ("text", "doubled"),
    [
        ("总量排全省第7，成功争先先进位，新会成为首个千亿元区。", "先先"),
        ("新时代的湾区江门再再升起。", "再再"),
        ("我们保持定力、心无旁骛、很很底气，工业稳步增长。", "很很"),
        ("具有江门特色的现代化产业体系越越发展，江门在高质量发展的道路上。", "越越"),
        ("一大批项目跑出地出地“加速度”，从过会挂网到开工。", "出地出地"),
        ("科学改造提升养养殖池塘，着力提升主干河涌水质。", "养养"),
        ("造纸行行业集中固废处置项目。", "行行"),
        ("全省18个指指标全部获评“全国标杆”。", "指指"),
        ("拓展展国内外直飞航线。", "展展"),
        ("潮起珠江再出出发，奋楫扬帆正当时。", "出出"),
        ("问题和挑挑战：一是经济总量还不够大。", "挑挑"),
        ("大力推进政府管理创新和和制度创新。", "和和"),
        ("新一轮苏州市城城乡发展更趋协调。", "城城"),
        ("区域全面面经济伙伴关系。", "面面"),
        ("建强北滘工业设计产业业集聚区。", "业业"),
        ("省委、省政政府和市委的部署。", "政政"),
        ("我们们要把握和运用好规律。", "们们"),
        ("加强党对一切工作的领导，增强增强“四个意识”。", "增强增强"),
        ("推进管理城镇新增新增就业。", "新增新增"),
        ("实施工业软件件核心技术攻关。", "件件"),
        ("加强能源源电力保供。", "源源"),
    ],
)
def test_chinese_stutter_found(text: str, doubled: str) -> None:
    start = text.index(doubled)
    half = len(doubled) // 2
    assert (start + half, start + len(doubled), doubled[half:]) in _find(text)


def test_stutter_confirmed_by_the_undoubled_text_elsewhere() -> None:
    # 女儿|儿童 are both words, but the report writes 妇女儿童 elsewhere.
    text = "启用市妇女儿儿童活动新中心。\n\n保障好妇女儿童合法权益。"
    assert [f[2] for f in _find(text)] == ["儿"]


@pytest.mark.parametrize(
    "text",
    [
        "捷报频传、节节胜利，经济欣欣向荣。",
        "牢牢把握发展主动权，紧紧围绕中心任务，常常深入基层。",
        "殷殷嘱托，源源不断，步步为营，冉冉升起。",
        "实实在在、扎扎实实、踏踏实实地推进工作。",
        "江门市市长在会上作报告。",
        "地表水水质优良比例提高，华侨华人人才回流。",
        "特困困难群众、农民工工资、投资资金、低空空域。",
        "广东省省长、税收收入、市政协协商、县城城区。",
        "提出了重要要求和四项重点任务。",
        "加强艾滋病病毒感染儿童的保障。",
        "一座座新城拔地而起，一项项改革落地见效。",
        "实现互联网“校校通”，优先解决“老老人”问题，陈展展“陈展展”获奖。",
        "广汕汕高铁开通运营，以钉钉子精神抓好落实。",
        "二〇〇〇年以来，千千万万的建设者。",
        "爸爸妈妈、爷爷奶奶都来了。",
        "（牵头单位：市市场监管局）",
        "学习贯彻习近平新时代中国特色社会主义思想。各级党组织把学习习近平新时代中国特色社会主义思想作为首要任务。",
        "以为目的的方式。",
        "按照“照镜子、正衣冠、洗洗澡、治治病”的总要求。",
        "推广产业链链长制，完成火车站站前广场改造。",
        "建设中铝铝箔、江铜铜箔项目。",
        "支持老干妈、好彩头、盼盼等食品企业发展。",
        "歌舞剧《达达瑟》荣获文华奖，把屁股端端地坐在老百姓这一面。",
        "健全全口径预算体系，打造创新新引擎，发展先进文化和和谐社会。",
        "在减税降费的情况下下降1.7%，实干实干再实干。",
        "10件民生实事件件落实，加强饮用水水源地保护。",
        "我们要紧紧围绕中心任务，发展壮大大数据产业，隆重重温入党誓词。",
    ],
)
def test_correct_chinese_is_quiet(text: str) -> None:
    assert _find(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "年内组建建旺集团，推进国企改革。",  # 组建|建旺集团: the copy opens a name, 旺集 reads as nothing
        "支持北北锌加工项目向下游延伸。",  # a doubled character opening an unknown name leaves an orphan either way
        "推动张家港港、常熟港发展。",  # a suffix (港) after a place name before punctuation
        "扩大慢病病种范围。",  # an adjective makes a compound with the first copy (慢病|病种)
        "推进凉茶茶饮产业。",
    ],
)
def test_doubled_character_heading_a_name_is_quiet(text: str) -> None:
    assert _find(text) == []


def test_contraction_elsewhere_is_no_evidence_of_a_slip() -> None:
    # 中小学|学位 is two known words meeting; 中小学位 elsewhere is their contraction, not the text without a slip.
    text = "新增中小学学位3000个。\n\n全年新增中小学位5000个。"
    assert _find(text) == []


def test_phrase_elsewhere_does_not_hide_a_doubled_word() -> None:
    # 规划建设 elsewhere is two words side by side, no name ending on the first 建设.
    text = "规划建设建设一批项目。\n\n统筹规划建设各类园区。"
    assert [f[2] for f in _find(text)] == ["建设"]


def test_word_joins_elsewhere_do_not_make_a_name() -> None:
    # 市委|委员 and 党委|委员 are two words meeting; they do not make 委委 a recurring name.
    text = "贯彻市委委工作部署。\n\n市委委员、党委委员出席会议。"
    assert [f[2] for f in _find(text)] == ["委"]


@pytest.mark.parametrize(
    ("text", "copy"),
    [
        ("更加注重城市的的规划与管理。\n\n提升城市的品质。", "的"),  # 城市的 elsewhere is a phrase, not a word like 目的
        ("在市委的坚强领导导下，敢为人先。\n\n感谢坚强领导，我们奋斗。", "导"),  # 坚强领导 is two words, no name
    ],
)
def test_phrase_attested_elsewhere_is_no_word_ending_on_the_copy(text: str, copy: str) -> None:
    assert [f[2] for f in _find(text)] == [copy]


@pytest.mark.xfail(strict=True, reason="a compound ending on a word, then that word, reads as the word typed "
                   "twice (政治协商协商); telling the verb 代表 from the noun needs parts of speech")
def test_compound_then_its_head_as_a_verb_is_quiet() -> None:
    # 职工代表|代表 (a noun, then the verb "to represent"): both copies are read as words.
    assert _find("请职工代表代表大家发言。") == []


@pytest.mark.parametrize("text", ["围绕建设面向东南亚南亚、具有影响力的中心。", "加快高新区新区建设。"])
def test_one_character_before_the_unit_names_another_place(text: str) -> None:
    assert _find(text) == []


def test_lone_copy_before_punctuation_after_a_long_word_is_found() -> None:
    assert [f[2] for f in _find("建成城市公园综合体体。")] == ["体"]


_KNOWN_MISS = pytest.mark.xfail(strict=True, reason="the lexicon has no common word across the seam; the "
                                 "two-words reading (密团|团结, 高技|技能, 建工|工程) stands")


@pytest.mark.parametrize(("text", "copy"), [pytest.param("让我们紧密团团结在一起。", "团", marks=_KNOWN_MISS),
                                            ("深入推进重重点领域改革。", "重")])
def test_reduplication_that_strands_the_next_character_is_a_stutter(text: str, copy: str) -> None:
    # 团团 and 重重 are Chinese, but 结 and 点 start no word after them: they belong with the copy.
    assert [f[2] for f in _find(text)] == [copy]


def test_reduplication_going_on_with_a_word_or_verb_is_quiet() -> None:
    assert _find("把项目紧紧抓在手上，人人参与建设，亮点频频出圈；大大增强后劲，层层压实责任，事事关心群众。") == []


@_KNOWN_MISS
def test_prefix_before_a_doubled_character_is_no_compound() -> None:
    # 高 heads the word after it (高技能), so 高技 is no compound hiding a join.
    assert [f[2] for f in _find("推进高技技能人才培养。")] == ["技"]


def test_name_recurring_in_varied_contexts_is_quiet() -> None:
    text = "以南南铝为龙头，发展新材料。\n\n支持南南铝加工拓展下游。"
    assert _find(text) == []


def test_stutter_repeated_by_a_copied_paragraph_is_found_twice() -> None:
    para = "新时代的湾区江门再再升起。"
    assert len(_find(para + "\n\n" + para)) == 2


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("my neighbours and and fellow citizens", "and"),
        ("as seen in the the table.", "the"),
        ("The the budget is balanced.", "the"),
        ("near the end of of his shift.", "of"),
        ("members agreed that that these dynamics", "that"),
    ],
)
def test_english_doubled_word_found(text: str, second: str) -> None:
    found = _find(text)
    assert len(found) == 1 and found[0][2] == second


@pytest.mark.parametrize(
    "text",
    [
        "He had had enough of it.",
        "They travelled from Walla Walla to Bora Bora.",
        "Say bye bye to the old tax.",
        "the theme of the year",
    ],
)
def test_correct_english_is_quiet(text: str) -> None:
    assert _find(text) == []


def test_fix_removes_the_extra_copy_but_is_never_safe() -> None:
    # 再再升起 may be 冉冉升起 mistyped: removing a copy can change the meaning.
    text = "新时代的湾区江门再再升起。"
    res = lint_text(text, "r.txt", [(Stutter, dict(Stutter.options))])
    (diag,) = res.diagnostics
    assert diag.fix is not None and diag.fix.applicability == "unsafe"
    (edit,) = diag.fix.edits
    assert isinstance(edit, Edit)
    assert text[:edit.start] + edit.content + text[edit.end:] == "新时代的湾区江门再升起。"


def test_english_fix_keeps_one_word() -> None:
    text = "as seen in the the table."
    (diag,) = lint_text(text, "r.txt", [(Stutter, dict(Stutter.options))]).diagnostics
    (edit,) = diag.fix.edits
    assert text[:edit.start] + edit.content + text[edit.end:] == "as seen in the table."


def test_seed_stutters_and_traps() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = _find(text)
    words = {text[s - 1:e + 1] for s, e, _ in found}
    for slip in ("先先进", "再再升", "很很底", "越越发"):
        assert any(slip in w or w in slip for w in words), slip
    assert sum(1 for _, _, u in found if u == "出地") == 2
    assert sum(1 for _, _, u in found if u == "再") == 2
    for trap in ("节节", "欣欣", "牢牢", "江门市市长", "地表水水质", "华侨华人人才", "特困困难"):
        pos = text.find(trap)
        assert pos >= 0
        assert not any(pos <= s < pos + len(trap) for s, _, _ in found), trap


def test_options_switch_languages_off() -> None:
    text = "湾区江门再再升起。 in the the table."
    res = lint_text(text, "r.txt", [(Stutter, {"chinese": False, "english": True})])
    assert [text[d.start:d.end] for d in res.diagnostics] == ["the"]


def test_word_list_ships_as_package_data() -> None:
    from reportlint.rules.lexicon import predicative_chars, zh_words
    from reportlint.rules.typo import reduplications

    words = zh_words()
    for w in ("江门市", "市长", "地表水", "水质", "农民工", "工资", "投资", "资金"):
        assert w in words, w
    assert "很很" not in words and "市" not in words and "" not in words
    assert {"节节", "牢牢", "实实在在", "洗洗澡"} <= reduplications()
    assert "援" in predicative_chars() and "中" not in predicative_chars()


# -- the segmentation model ---------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "全省石化化工产业规模扩大，新材料项目投产。",  # 石化|化工
        "自觉接受纪委监委监督和社会监督。",  # 纪委|监委|监督
        "实施退税缓税缓费，为企业纾困。",  # 退税|缓税|缓费: two compounds of one verb
        "推动高校一校一策发展，坚持先行先试。",  # ABAC formations
        "构建共建共治共享格局。",  # a parallel that goes on
        "新设博士博士后创新平台5个。",  # 博士|博士后
        "办好第五届博博会，展示城市形象。",  # a name the lexicon lacks
        "推动宜荆荆都市圈协同发展。",  # an abbreviation of three places
        "天冷了要多喝喝水，出门走走路。",  # a verb doubled before its object
        "要紧紧围绕中心任务，把项目紧紧抓在手上。",  # AA adverbs going on with a verb
        "以为目的的方式；在减税的情况下下降；推动张家港港、常熟港发展。",  # particle, locative, suffix alone
    ],
)
def test_words_meeting_on_a_shared_character_are_quiet(text: str) -> None:
    assert _find(text) == []


@pytest.mark.parametrize(
    ("text", "copy"),
    [
        ("加快水源源地保护。", "源"),  # 水源地 forms without the copy; 源地 is a rare word
        ("我们要千方百计提提高居民收入。", "提"),  # 计提 is a word, but 千方百计 claims 计
        pytest.param("推动共建工工程落地。", "工", marks=_KNOWN_MISS),  # 建工 would cut 共建 in two
        ("强化清单管理，抓好好物流标准化。", "好"),  # 好好 after a verb and before a noun
        ("文旅资源共享。办办好第二届展会。", "办"),  # a verb doubled before its complement
        ("推进产业业集聚发展。", "业"),  # the kept copy closes 产业
    ],
)
def test_doubles_that_no_reading_of_words_explains_are_found(text: str, copy: str) -> None:
    assert [f[2] for f in _find(text)] == [copy]


@pytest.mark.parametrize(
    "text",
    [
        "| Item | From | From |\n|---|---|---|\n| Rate | 7% | 9% |\n",  # a table header
        "Duty rates From From To To\n\nThe rates change next year.\n",  # a header row flattened into text
        "We stress that that is why we save.\n",  # "that that" is grammar
        "We know that that young generation will lead.\n",  # a conjunction, then a demonstrative
    ],
)
def test_english_headers_and_grammatical_repeats_are_quiet(text: str) -> None:
    assert _find(text) == []


def test_english_slip_in_prose_is_still_found() -> None:
    assert [f[2] for f in _find("We saw it in the the table of rates.\n")] == ["the"]


# -- two words meeting on the doubled character, and the report's own spelling ---------------
@pytest.mark.parametrize(
    "text",
    [
        "各项支出按照法律法规规定执行。",  # 法规|规定
        "依法保护知识产权权利人的合法利益。",  # 产权|权利
        "推动由数量导向向质量导向转变。",  # 导向|向: a preposition opens the next phrase
        "加快江海联运和水水中转，完善铁水联运。",  # two transport modes before a transfer
        "部分企业成本偏高等等，仍需关注。",  # 等等 closes the clause
        "——二〇二〇年一月十日在市人民代表大会上",  # a year spelt in numerals
        "园博会筹备顺利。推进园博会会址建设。",  # a name the report uses, then 会址
        "筹办第三届博博会，发布“博博会”吉祥物。",  # a quoted name never spelt otherwise
        "整治城河东东段、西西段和南护城河。",  # doublings in parallel in one list
    ],
)
def test_words_meeting_and_names_are_quiet(text: str) -> None:
    assert _find(text) == []


@pytest.mark.parametrize(
    ("text", "copy"),
    [
        ("深入开展“幸幸福家园”创建。打造“幸福家园”品牌。", "幸"),  # the quoted name without the copy
        ("“十二五”以来成效明显，超过“十二二五”时期总和。", "二"),  # a number the report spells once
        ("推进高高标准农田建设。", "高"),  # an adjective before a compound it heads
        ("依法查处行行政违法案件。", "行"),  # 处行 is no word: the copy strands
        ("坚持高位推动，全面完成完成年度任务。", "完成"),
    ],
)
def test_slips_the_report_itself_contradicts_are_found(text: str, copy: str) -> None:
    assert [f[2] for f in _find(text)] == [copy]


def test_a_rare_word_counts_only_where_the_report_uses_it_alone() -> None:
    # 路网 is a word of the report on its own, so 公路|路网 is two words meeting; 源地 never
    # stands alone (水源地), so 水源|源地 is no reading and the copy is a slip.
    assert _find("完善路网结构。加快农村公路路网建设。") == []
    # A rare word stands too where the two do not merge into one word without the copy.
    assert _find("由副市长任工作队队长。") == []
    assert [f[2] for f in _find("加快水源源地保护。")] == ["源"]
