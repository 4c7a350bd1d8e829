"""Corpus mode: text shared between reports (XDC001 across series, XDC002 within one).

Every report here is written for the test: a city's made-up work report in a few
paragraphs, with copies planted exactly, lightly edited and split by a page break,
and with traps (short stock phrases, boilerplate that every report holds).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from reportlint.corpus import CorpusInput
from reportlint.corpus.cache import Cache
from reportlint.corpus.executor import Executor, ProcessExecutor
from reportlint.rules.crossdoc import corpus as crossdoc
from reportlint.rules.crossdoc.signature import Signature, comparison_text, signature, to_original
from reportlint.text.shingles import STABLE_CLASS, _FOLD

# A paragraph of 96 characters that one report copies from another.
COPIED = ("过去一年，我们把修缮老旧街巷作为头等民生工程，共改造背街小巷三百四十条，"
          "新增口袋公园六十一座，让群众出门见绿、推窗见景，城市面貌焕然一新。")
# Each report's own text: different cities, different work.
OWN = {
    "river": "沿江新区今年重点建设跨江大桥和两座污水处理厂，力争完成年度投资计划。渡口码头改造同步推进，沿岸步道全线贯通。",
    "hill": "山城坚持生态立市，全年植树造林八万亩，茶叶和中药材种植面积继续扩大，乡村旅游接待人次明显增加。",
    "coast": "海港城市集装箱吞吐量再创新高，远洋航线新增九条，保税物流园区封关运作，外贸进出口总额稳步增长。",
    "plain": "平原县区粮食总产连续五年稳定在十亿斤以上，高标准农田建设任务全面完成，农机合作社数量翻番。",
    "lake": "湖区推进退圩还湖和岸线整治，水质稳定达到三类标准，渔民转产安置工作平稳有序，湿地公园对外开放。",
    "forest": "林区实施天然林保护和森林防火网格化管理，林下经济产值增长迅速，护林员队伍实现全覆盖。",
}
# A formula every report repeats: boilerplate, never a finding.
FORMULA = "我们坚持以人民为中心的发展思想，统筹发展和安全，扎实推进高质量发展，奋力谱写现代化建设新篇章，确保各项目标任务圆满完成。"


def _write(folder: Path, name: str, *paragraphs: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("各位代表：\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def _corpus(tmp_path: Path, args: tuple[str, ...] = ()) -> dict:
    proc = run_cli("corpus", ".", "--output-format", "json", "--no-cache", "-j", "1", *args, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return json.loads(proc.stdout)


def _findings(out: dict, code: str | None = None) -> list[dict]:
    return [d for d in out["diagnostics"] if code is None or d["code"] == code]


def test_exact_copy_across_series_is_reported_in_both_reports_with_the_other_as_related(tmp_path: Path) -> None:
    _write(tmp_path, "river/2023.md", OWN["river"], COPIED)
    _write(tmp_path, "hill/2024.md", OWN["hill"], "今年要再接再厉。", COPIED, OWN["plain"])
    _write(tmp_path, "coast/2024.md", OWN["coast"])
    out = _corpus(tmp_path)
    found = _findings(out)
    assert {d["path"] for d in found} == {"river/2023.md", "hill/2024.md"}
    assert all(d["code"] == "XDC001" for d in found)
    by_path = {d["path"]: d for d in found}
    river, hill = by_path["river/2023.md"], by_path["hill/2024.md"]
    assert river["related"][0]["path"] == "hill/2024.md"
    # The related location is a position in the other report: its line there.
    hill_text = (tmp_path / "hill/2024.md").read_text(encoding="utf-8")
    rel = river["related"][0]
    assert hill_text[rel["start"]["offset"]:rel["end"]["offset"]] == COPIED
    assert rel["start"]["line"] == hill_text[:rel["start"]["offset"]].count("\n") + 1
    river_text = (tmp_path / "river/2023.md").read_text(encoding="utf-8")
    assert river_text[river["start"]["offset"]:river["end"]["offset"]] == COPIED
    assert "hill/2024.md:" in river["message"] and "the same text" in river["message"]
    assert hill["related"][0]["path"] == "river/2023.md"


def test_lightly_edited_and_page_split_copies_are_found(tmp_path: Path) -> None:
    edited = COPIED.replace("三百四十", "二百九十").replace("六十一", "五十八")
    split = COPIED[:40] + "\n\n- 3 -\n\n" + COPIED[40:]
    _write(tmp_path, "river/2023.md", OWN["river"], COPIED)
    _write(tmp_path, "hill/2024.md", OWN["hill"], edited)
    _write(tmp_path, "lake/2024.md", OWN["lake"], split)
    out = _corpus(tmp_path)
    paths = {d["path"] for d in _findings(out, "XDC001")}
    assert paths == {"river/2023.md", "hill/2024.md", "lake/2024.md"}
    hill = next(d for d in _findings(out) if d["path"] == "hill/2024.md")
    assert "nearly the same text" in hill["message"]


def test_short_shared_phrases_and_unrelated_reports_stay_quiet(tmp_path: Path) -> None:
    # 30 characters in common: a stock sentence, below the 50-character minimum.
    stock = "全面完成年度目标任务，经济社会发展取得新的成绩。"
    for i, (city, text) in enumerate(OWN.items()):
        _write(tmp_path, f"{city}/202{i}.md", text, stock if i < 2 else "")
    out = _corpus(tmp_path)
    assert _findings(out) == []


def test_boilerplate_is_in_the_summary_not_in_the_findings(tmp_path: Path) -> None:
    for city, text in OWN.items():
        _write(tmp_path, f"{city}/2024.md", text, FORMULA)
    summary = tmp_path / "summary.json"
    out = _corpus(tmp_path, ("--boilerplate-share", "0.5", "--summary", str(summary)))
    assert _findings(out) == []
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert data["boilerplate"] and all(b["documents"] == len(OWN) for b in data["boilerplate"])
    assert any("以人民为中心" in b["text"] for b in data["boilerplate"])
    # In fewer reports than the share, the same text is copying.
    out = _corpus(tmp_path, ("--boilerplate-share", "1.0"))
    assert len(_findings(out, "XDC001")) == len(OWN)


def test_same_series_reuse_has_its_own_code(tmp_path: Path) -> None:
    _write(tmp_path, "river/2023.md", OWN["river"], COPIED)
    _write(tmp_path, "river/2024.md", OWN["lake"], COPIED)
    _write(tmp_path, "hill/2024.md", OWN["hill"])
    out = _corpus(tmp_path)
    assert {d["code"] for d in _findings(out)} == {"XDC002"}
    assert "this series" in _findings(out)[0]["message"]
    # A series key that makes every report its own series: the reuse becomes copying.
    out = _corpus(tmp_path, ("--series-key", r"(\d{4})"))
    assert {d["code"] for d in _findings(out)} == {"XDC001"}
    assert {d["code"] for d in _findings(_corpus(tmp_path, ("--ignore", "XDC002")))} == set()


def test_suppression_comment_and_baseline_apply(tmp_path: Path) -> None:
    _write(tmp_path, "river/2023.md", "<!-- reportlint-disable-file XDC001 -->", OWN["river"], COPIED)
    _write(tmp_path, "hill/2024.md", OWN["hill"], COPIED)
    out = _corpus(tmp_path)
    assert [d["path"] for d in _findings(out)] == ["hill/2024.md"]
    base = tmp_path / "baseline.json"
    proc = run_cli("corpus", ".", "--no-cache", "-j", "1", "--write-baseline", str(base), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    out = _corpus(tmp_path, ("--baseline", str(base)))
    assert _findings(out) == []


def test_every_output_format_carries_the_other_report(tmp_path: Path) -> None:
    _write(tmp_path, "river/2023.md", OWN["river"], COPIED)
    _write(tmp_path, "hill/2024.md", OWN["hill"], COPIED)
    for fmt in ("full", "concise", "sarif", "github", "gitlab", "rdjson", "junit"):
        proc = run_cli("corpus", ".", "--no-cache", "-j", "1", "--output-format", fmt, cwd=tmp_path)
        assert proc.returncode == 1, (fmt, proc.stderr.decode())
        assert "hill/2024.md" in proc.stdout.decode(), fmt
    sarif = json.loads(run_cli("corpus", ".", "--no-cache", "--output-format", "sarif", cwd=tmp_path).stdout)
    related = [r for res in sarif["runs"][0]["results"] for r in res.get("relatedLocations", [])]
    assert {r["physicalLocation"]["artifactLocation"]["uri"] for r in related} == {"river/2023.md", "hill/2024.md"}


def test_check_alone_finds_nothing_cross_document(tmp_path: Path) -> None:
    _write(tmp_path, "river/2023.md", OWN["river"], COPIED)
    _write(tmp_path, "hill/2024.md", OWN["hill"], COPIED)
    proc = run_cli("check", ".", "--output-format", "json", "--select", "XDC", cwd=tmp_path)
    assert json.loads(proc.stdout)["diagnostics"] == []


def test_bad_series_key_and_stdin_are_one_line_errors(tmp_path: Path) -> None:
    for args in (("--series-key", "(["), ("-",)):
        proc = run_cli("corpus", ".", *args, cwd=tmp_path)
        assert proc.returncode == 2
        assert proc.stderr.decode().count("\n") == 1 and "Traceback" not in proc.stderr.decode()


# -- the parts -----------------------------------------------------------------

def _inputs() -> list[CorpusInput]:
    docs = []
    for i, (city, text) in enumerate(OWN.items()):
        extra = [COPIED] if i % 2 == 0 else [COPIED.replace("六十一", "七十")] if i == 1 else []
        docs.append(CorpusInput(f"{city}/2024.md", "\n\n".join(["各位代表：", text, *extra, FORMULA])))
    return docs


def _as_json(outcome) -> str:
    return json.dumps([[(d.code, d.start, d.end, d.message, [(r.path, r.start, r.end) for r in d.related])
                        for d in diags] for diags in outcome.diagnostics], ensure_ascii=False)


def _options() -> dict:
    from reportlint.rules.crossdoc import CopiedText

    return {"XDC001": dict(CopiedText.options)}


def test_in_process_and_worker_processes_give_the_same_findings() -> None:
    docs = _inputs()
    local = crossdoc.run(docs, _options(), Executor(), None)
    assert any(local.diagnostics)
    assert _as_json(crossdoc.run(docs, _options(), ProcessExecutor(2), None)) == _as_json(local)


def test_dask_cluster_gives_the_same_findings_as_the_local_run() -> None:
    distributed = pytest.importorskip("distributed")
    from reportlint.corpus.executor import DaskExecutor

    docs = _inputs()
    local = crossdoc.run(docs, _options(), Executor(), None)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        executor = DaskExecutor(cluster.scheduler_address)
        try:
            assert executor.workers == 2
            remote = crossdoc.run(docs, _options(), executor, None)
        finally:
            executor.close()
    assert _as_json(remote) == _as_json(local)
    assert remote.summary["pairs"] == local.summary["pairs"]


def test_unreachable_scheduler_is_an_error_not_a_hang(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    _write(tmp_path, "river/2023.md", OWN["river"])
    proc = run_cli("corpus", ".", "--scheduler", "tcp://127.0.0.1:9", cwd=tmp_path)
    assert proc.returncode == 2 and "Dask scheduler" in proc.stderr.decode()


def test_cache_serves_unchanged_reports_and_recomputes_a_changed_one(tmp_path: Path) -> None:
    docs = _inputs()
    cache = Cache(tmp_path / "cache", "corpus")
    first = crossdoc.run(docs, _options(), Executor(), cache)
    assert (cache.hits, cache.misses) == (0, len(docs))
    assert (tmp_path / "cache" / "CACHEDIR.TAG").exists()
    cache = Cache(tmp_path / "cache", "corpus")
    again = crossdoc.run(docs, _options(), Executor(), cache)
    assert (cache.hits, cache.misses) == (len(docs), 0)
    assert _as_json(again) == _as_json(first)
    docs[1] = CorpusInput(docs[1].path, docs[1].text + "\n\n新增一段文字。")
    cache = Cache(tmp_path / "cache", "corpus")
    crossdoc.run(docs, _options(), Executor(), cache)
    assert (cache.hits, cache.misses) == (len(docs) - 1, 1)


def test_summary_ranks_pairs_and_draws_a_matrix() -> None:
    outcome = crossdoc.run(_inputs(), _options(), Executor(), None)
    pairs = outcome.summary["pairs"]
    assert pairs and pairs == sorted(pairs, key=lambda p: -max(p["shared_a"], p["shared_b"]))
    page = outcome.render_summary(outcome.summary, "html")
    assert "<svg" in page and "<table>" in page
    assert outcome.render_summary(outcome.summary, "text").startswith("Corpus: 6 reports")


def test_signature_round_trip_and_offset_map() -> None:
    text = "第一段，有  空格。\n\n第二段\r\n继续写。"
    sig = signature(text)
    assert Signature.from_bytes(sig.to_bytes()) == sig
    assert Signature.from_bytes(sig.to_bytes()[:-3]) is None
    comp, cuts, removed = comparison_text(text)
    assert " " not in comp and "\n" not in comp
    for pos, ch in enumerate(comp):
        orig = to_original(cuts, removed, pos)
        assert _FOLD[ord(text[orig])] == ch
    assert to_original(cuts, removed, len(comp), end=True) == len(text)


def test_fold_stable_class_folds_to_itself() -> None:
    import re

    stable = re.compile(f"[{STABLE_CLASS}]")
    for code in range(0x110000):
        ch = chr(code)
        if stable.match(ch):
            assert _FOLD[code] == ch, hex(code)


def test_series_key_with_and_without_groups() -> None:
    default = crossdoc.series_of(crossdoc_rules_default())
    assert default("南京市/2023.md") == default("南京市/2024.md") != default("合肥市/2024.md")
    assert default("reports/nanjing-2019.txt") == default("reports/nanjing-2020.txt")
    assert default("2019/nanjing.md") == default("2020/nanjing.md") != default("2020/hefei.md")
    # A figure that is not a year (a report number) does not make a series.
    assert default("a/12345.md") != default("a/12346.md")
    by_folder = crossdoc.series_of(r"^([^/]+)/")
    assert by_folder("南京市/2023.md") == by_folder("南京市/summary.md") == "南京市"
    assert by_folder("loose.md") == "loose.md"


def crossdoc_rules_default() -> str:
    from reportlint.rules.crossdoc import DEFAULT_SERIES_KEY

    return DEFAULT_SERIES_KEY


def test_front_matter_and_comments_are_not_compared(tmp_path: Path) -> None:
    meta = "---\nsource: https://www.example.gov.cn/xxgk/zfgzbg/2024/report-of-the-municipal-government.html\n---\n\n"
    comment = "<!-- 图片说明：市长在大会上作政府工作报告，本报记者摄影，图片来源于本市融媒体中心新闻采访部门资料库 -->\n\n"
    for city in ("river", "hill"):
        path = _write(tmp_path, f"{city}/2024.md", OWN[city])
        path.write_text(meta + comment + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert _findings(_corpus(tmp_path)) == []


def test_a_folder_without_reports_is_an_error_without_a_report(tmp_path: Path) -> None:
    proc = run_cli("corpus", ".", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.decode().startswith("reportlint: error: ")
