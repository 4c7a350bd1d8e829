"""Fuzz reportlint for a bounded time: no crash, no hang, no lost byte.

Each round takes a report from the seed files (tests/data, seeds/), mutates it (inserted
line terminators and control characters, deleted, duplicated and spliced spans, markup
and numerals, raw byte damage) and checks the invariants the linter promises:

* decoding either succeeds (and re-encoding gives back the very same bytes) or raises
  DecodeError — nothing else;
* every rule runs without an exception (all rules, preview ones included);
* fixing (unsafe fixes too) changes nothing outside the edited spans, and the unified
  diff applied to the original gives the fixed text;
* suppression parsing and every output format accept the result (JSON formats parse);
* a baseline reader given mutated JSON raises BaselineError or returns counts;
* no single document takes longer than ``--per-case`` seconds (a hang is a finding).

Usage: ``python tests/fuzz/fuzz_reportlint.py --seconds 60 [--seed N]``. Exit 0 when it
found nothing; otherwise 1, with each failing input saved under ``--out`` and one line
per failure on stderr. Not collected by pytest (the file name does not start with test_).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import signal
import sys
import time
import traceback
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from test_fix_properties import strict_patch  # noqa: E402  (the strict patcher the property test uses)

from reportlint.baseline import Baseline, BaselineError  # noqa: E402
from reportlint.fix import fix_text, unified_diff  # noqa: E402
from reportlint.registry import load_registry  # noqa: E402
from reportlint.report import FORMATS, get_reporter  # noqa: E402
from reportlint.runner import RunResult, lint_text  # noqa: E402
from reportlint.suppression import Suppressions  # noqa: E402
from reportlint.text.decode import DecodeError, decode_bytes, encode_text  # noqa: E402

TERMINATORS = ["\n", "\r", "\r\n", "\x0c", "\x0b", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
NOISE = ["<br>", "&nbsp;", "**", "__", "`", "```", "<!-- reportlint-disable", "<!-- reportlint-enable -->",
         "<!-- reportlint-disable-next-line -->", "-->", "# ", "1. ", "（一）", "第一，", "增长12.5%", "三千二百万元",
         "一" * 30, " " * 50, "\x1b[2J", "\x00", "\t", "\ufeff", "\u200b", "𠮷", "的的", "the the", "。。", "……",
         "2023年", "亿元", "到", "~", "——", "“", "”", "(", ")", "[", "]"]


class Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang()


def seeds() -> list[str]:
    out = []
    for folder in (ROOT / "tests" / "data", ROOT / "seeds"):
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.suffix in (".txt", ".md"):
                try:
                    out.append(p.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError):
                    continue
    return out or ["各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n"]


def mutate(rng: random.Random, text: str, pool: list[str]) -> str:
    if len(text) > 6000:
        start = rng.randrange(len(text) - 6000)
        text = text[start:start + 6000]
    for _ in range(rng.randint(1, 12)):
        op = rng.random()
        i = rng.randint(0, len(text))
        if op < 0.3:
            text = text[:i] + rng.choice(TERMINATORS + NOISE) + text[i:]
        elif op < 0.45 and text:
            j = min(len(text), i + rng.randint(1, 200))
            text = text[:i] + text[j:]
        elif op < 0.6 and text:
            j = min(len(text), i + rng.randint(1, 400))
            text = text[:j] + text[i:j] + text[j:]  # a duplicated span
        elif op < 0.7:
            other = rng.choice(pool)
            k = rng.randint(0, len(other))
            text = text[:i] + other[k:k + rng.randint(1, 500)] + text[i:]
        elif op < 0.8:
            t = rng.choice(TERMINATORS)
            text = text.replace("\n", t)
        else:
            text = text[:i] + "".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(1, 5))) + text[i:]
    return "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)


def damage(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def check_decode(rng: random.Random, text: str) -> None:
    enc = rng.choice(["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "gb18030"])
    try:
        raw = encode_text(text, enc)
    except UnicodeEncodeError:
        return
    for data in (raw, damage(rng, raw)):
        try:
            d = decode_bytes(data)
        except DecodeError as exc:
            assert "\n" not in str(exc)
            continue
        assert encode_text(d.text, d.encoding) == data, f"{d.encoding} does not round-trip"


def check_lint_and_fix(text: str, rules: list, formats: list[str]) -> None:
    result = lint_text(text, "fuzz.md", rules)
    for d in result.diagnostics:
        assert 0 <= d.start <= d.end <= len(text), (d.code, d.start, d.end)
    Suppressions.parse(text)
    run = RunResult([result])
    for fmt in formats:
        buf = io.StringIO()
        get_reporter(fmt)(run, buf, color=False)
        if fmt in ("json", "sarif", "gitlab", "rdjson"):
            json.loads(buf.getvalue())
        elif fmt == "rdjsonl":
            [json.loads(line) for line in buf.getvalue().split("\n") if line]  # one object per LF-ended line
        elif fmt == "junit":
            ElementTree.fromstring(buf.getvalue().encode("utf-8"))
    outcome = fix_text(text, "fuzz.md", rules, unsafe=True, first=result, max_passes=2)
    if outcome.changed:
        assert strict_patch(text, unified_diff(outcome, "fuzz.md")) == outcome.text, "diff does not reproduce the fix"
    if outcome.passes:  # the first pass touched only its spans
        from test_fix_properties import _outside_kept
        from reportlint.fix import apply_edits

        first = apply_edits(text, outcome.passes[0])
        assert _outside_kept(text, outcome.passes[0], first)


def check_baseline(rng: random.Random, tmp: Path) -> None:
    entry = {"path": "r.md", "code": "TYP001", "hash": "abc", "count": 1}
    doc = {"version": 1, "findings": [entry]}
    raw = json.dumps(doc)
    for _ in range(3):
        i = rng.randint(0, len(raw))
        raw = raw[:i] + rng.choice(["1e400", "-1", "true", "null", "[", "]", "{", "}", '"', ",", "NaN", "1.5",
                                    "9" * 5000, "[" * 3000]) + raw[i:]
    tmp.write_text(raw, encoding="utf-8")
    try:
        base = Baseline.read(tmp)
    except BaselineError as exc:
        assert "\n" not in str(exc)
        return
    assert all(type(n) is int and n >= 1 for n in base.counts.values())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--per-case", type=int, default=20, help="seconds one document may take before it counts as a hang")
    ap.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    registry = load_registry()
    rules = [(r, dict(r.options)) for r in registry.rules]
    formats = list(FORMATS)
    pool = seeds()
    signal.signal(signal.SIGALRM, _alarm)
    tmp = Path(".fuzz-baseline.json")
    deadline = time.monotonic() + args.seconds
    cases = failures = 0
    try:
        while time.monotonic() < deadline:
            text = mutate(rng, rng.choice(pool), pool)
            cases += 1
            signal.alarm(args.per_case)
            try:
                check_decode(rng, text)
                check_lint_and_fix(text, rules, formats)
                check_baseline(rng, tmp)
            except Hang:
                failures += 1
                _save(args.out, seed, cases, text, f"took more than {args.per_case} s")
            except Exception as exc:  # every other exception is a finding
                failures += 1
                _save(args.out, seed, cases, text, f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
            finally:
                signal.alarm(0)
    finally:
        tmp.unlink(missing_ok=True)
    print(f"fuzz: {cases} documents in {args.seconds:.0f} s (seed {seed}), {failures} failure(s)")
    return 1 if failures else 0


def _save(out: Path, seed: int, case: int, text: str, why: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"seed{seed}-case{case}"
    stem.with_suffix(".md").write_text(text, encoding="utf-8", errors="surrogatepass")
    stem.with_suffix(".txt").write_text(why, encoding="utf-8")
    print(f"fuzz: failure in case {case} (seed {seed}): {why.splitlines()[0]} -> {stem}.md", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
