"""Time the duplication analysis on 1,000 / 10,000 / 100,000 paragraphs.

Paragraphs of about 300 characters are cut from real government work reports,
then copy-paste damage is put in: exact copies, near copies (a few characters
changed), copies of a paragraph that a page break splits, and spans spliced onto
the cut-off end of another paragraph. Each size runs in its own process so that
peak memory (max RSS) is that size's own.

    python bench/bench_duplicates.py [--sizes 1000,10000,100000] [--corpus DIR]

The corpus is found at --corpus, /tmp/corpus, or unpacked from
../shared/corpus/gov-reports-major-cities.tar.xz into a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
TARBALL = HERE.parents[2] / "shared" / "corpus" / "gov-reports-major-cities.tar.xz"
CANDIDATES = [Path("/tmp/corpus"), HERE.parents[2] / "shared" / "corpus" / "unpacked"]
PARA_LEN = 300
SENTENCE_END = re.compile(r"[。！？；]”?")


def find_corpus(given: str | None) -> Path:
    """A folder holding the Markdown reports, unpacking the tarball if need be."""
    for folder in ([Path(given)] if given else []) + CANDIDATES:
        if folder.is_dir() and next(folder.rglob("*.md"), None):
            return folder
    if not TARBALL.exists():
        sys.exit(f"no corpus: pass --corpus or provide {TARBALL}")
    target = Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    with tarfile.open(TARBALL) as tar:
        tar.extractall(target, filter="data")
    return target


def source_paragraphs(corpus: Path) -> list[str]:
    """Prose paragraphs of the reports (front matter and short lines dropped)."""
    out: list[str] = []
    for path in sorted(corpus.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.startswith("---"):
            end = text.find("\n---", 3)
            text = text[end + 4:] if end > 0 else text
        out.extend(p.strip() for p in text.split("\n\n") if len(p.strip()) >= PARA_LEN and "|" not in p)
    return out


def make_paragraphs(pool: list[str], n: int, rng: random.Random) -> tuple[list[str], dict[str, int]]:
    """``n`` paragraphs of about 300 characters with copy-paste damage put in."""
    paras: list[str] = []
    fresh = list(pool)
    rng.shuffle(fresh)
    injected = {"exact": 0, "near": 0, "split": 0, "splice": 0}
    while len(paras) < n:
        roll = rng.random()
        if paras and roll < 0.02:
            paras.append(rng.choice(paras))
            injected["exact"] += 1
        elif paras and roll < 0.04:
            src = list(rng.choice(paras))
            for _ in range(max(1, len(src) // 100)):
                src[rng.randrange(len(src))] = rng.choice("的和在发展建设推进")
            paras.append("".join(src))
            injected["near"] += 1
        elif paras and roll < 0.05:
            src = rng.choice(paras)
            cut = rng.randrange(len(src) // 3, 2 * len(src) // 3)
            paras.append(src[:cut] + "\n\n" + src[cut:])  # the copy a page break splits
            injected["split"] += 1
        elif paras and roll < 0.06:
            src, dst = rng.choice(paras), rng.choice(pool)
            start = rng.randrange(0, max(1, len(src) - 150))
            paras.append(dst[: rng.randrange(40, 120)] + src[start:])
            injected["splice"] += 1
        else:
            text = fresh.pop() if fresh else _mutate(rng.choice(pool), rng)
            paras.append(_window(text, rng))
    return paras, injected


def _window(text: str, rng: random.Random) -> str:
    """About PARA_LEN characters of whole sentences (a paragraph that ends mid-sentence
    would be joined to the next one, as a page-break split is)."""
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    if not ends:
        return text[:PARA_LEN] + "。"
    starts = [0] + [e for e in ends[:-1] if e < len(text) - 100]
    start = rng.choice(starts)
    stop = next((e for e in ends if e - start >= PARA_LEN * 0.9), ends[-1])
    return text[start:stop].strip() or text[:PARA_LEN] + "。"


def _mutate(text: str, rng: random.Random) -> str:
    """A reused source paragraph, one character in eight replaced, so it is no copy of its first use."""
    chars = list(text)
    for _ in range(len(chars) // 8):
        chars[rng.randrange(len(chars))] = chr(0x4E00 + rng.randrange(0x5000))
    return "".join(chars)


def _rss_mb() -> float:
    """Resident memory now (Linux), to tell the analysis's own memory from the input's."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * resource.getpagesize() / 2**20


def run_one(size: int, corpus: Path, seed: int) -> dict[str, object]:
    """Time the document model (blocks, page-break joins) and the duplication analysis on it."""
    from reportlint.document import Document
    from reportlint.rules.duplication import _merged, analyse

    rng = random.Random(seed)
    paras, injected = make_paragraphs(source_paragraphs(corpus), size, rng)
    text = "\n\n".join(paras) + "\n"
    base_mb = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    doc = Document(text, "bench.txt")
    _ = doc.logical_paragraphs
    t1 = time.perf_counter()
    findings = analyse(doc, _merged({}))
    t2, c2 = time.perf_counter(), time.process_time()
    kinds: dict[str, int] = {}
    for f in findings:
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"paragraphs": size, "chars": len(text), "model_s": round(t1 - t0, 2), "duplicates_s": round(t2 - t1, 2),
            "total_s": round(t2 - t0, 2), "cpu_s": round(c2 - c0, 2),
            "peak_mb": round(peak_mb), "input_mb": round(base_mb), "injected": injected, "found": kinds}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--corpus")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    corpus = find_corpus(args.corpus)
    if args.one:
        print(json.dumps(run_one(args.one, corpus, args.seed)))
        return
    print(f"corpus: {corpus}", flush=True)
    print(f"{'paragraphs':>10} {'chars':>11} {'model s':>8} {'dup s':>7} {'total s':>8} {'cpu s':>6} {'peak MB':>8} "
          f"{'input MB':>8}  injected -> found", flush=True)
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, str(HERE), "--one", str(size), "--corpus", str(corpus),
                              "--seed", str(args.seed)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        print(f"{r['paragraphs']:>10} {r['chars']:>11} {r['model_s']:>8} {r['duplicates_s']:>7} {r['total_s']:>8} "
              f"{r['cpu_s']:>6} {r['peak_mb']:>8} {r['input_mb']:>8}  {r['injected']} -> {r['found']}", flush=True)

if __name__ == "__main__":
    main()
