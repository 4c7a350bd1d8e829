"""The corpus summary: which reports share most, the most shared spans, the boilerplate.

Built from the confirmed matches, as plain data (JSON-ready), and rendered as text,
JSON, a standalone SVG matrix or an HTML page holding the tables and the matrix. The
matrix has one row and one column per report, in path order (so a city's years sit
together); a cell's colour is the share of the row's report found in the column's.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from reportlint.corpus import CorpusInput

from .findings import regions, sides
from .match import Boilerplate, Match
from .signature import Signature

TOP_PAIRS = 50
TOP_SPANS = 20
TOP_BOILERPLATE = 20
EXCERPT = 60


def _union(spans: list[tuple[int, int]]) -> int:
    total, reach = 0, -1
    for s, e in sorted(spans):
        if e > reach:
            total += e - max(s, reach)
            reach = e
    return total


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[:EXCERPT - 1] + "…"


def build(docs: Sequence[CorpusInput], sigs: Sequence[Signature], comps: Sequence[str], matches: Sequence[Match],
          dropped: Sequence[Match], plate: Boilerplate, series: Sequence[str],
          settings: Mapping[str, Any]) -> dict[str, Any]:
    """The summary as plain data."""
    per_pair: dict[tuple[int, int], tuple[list[tuple[int, int]], list[tuple[int, int]]]] = defaultdict(lambda: ([], []))
    for m in matches:
        sa, sb = per_pair[(m.a, m.b)]
        sa.append((m.a_start, m.a_end))
        sb.append((m.b_start, m.b_end))
    pairs = []
    for (a, b), (sa, sb) in per_pair.items():
        ca, cb = _union(sa), _union(sb)
        pairs.append({
            "a": docs[a].path, "b": docs[b].path, "same_series": series[a] == series[b],
            "shared_a": ca, "shared_b": cb,
            "share_a": round(ca / max(1, sigs[a].length), 4), "share_b": round(cb / max(1, sigs[b].length), 4),
            "spans": len(sa),
        })
    pairs.sort(key=lambda p: (-max(p["shared_a"], p["shared_b"]), p["a"], p["b"]))
    return {
        "documents": len(docs),
        "settings": dict(settings),
        "pairs_sharing_text": len(pairs),
        "pairs_same_series": sum(1 for p in pairs if p["same_series"]),
        "pairs": pairs[:TOP_PAIRS],
        "spans": _top_spans(docs, comps, matches),
        "boilerplate": _boilerplate(docs, sigs, comps, plate),
        "boilerplate_matches_dropped": len(dropped),
        "matrix": _matrix(docs, sigs, per_pair),
    }


def _top_spans(docs: Sequence[CorpusInput], comps: Sequence[str], matches: Sequence[Match]) -> list[dict[str, Any]]:
    """Stretches shared by the most reports (then the longest), one entry per text."""
    seen: set[str] = set()
    found = []
    for doc, doc_sides in enumerate(sides(matches, len(docs))):
        for group in regions(doc_sides):
            start, end = min(s.start for s in group), max(s.end for s in group)
            others = sorted({s.other for s in group})
            found.append((-len(others), -(end - start), doc, start, end, others))
    found.sort()
    out = []
    for n, _length, doc, start, end, others in found:
        text = comps[doc][start:end]
        key = text[:EXCERPT]
        if key in seen:
            continue
        seen.add(key)
        out.append({"text": _excerpt(text), "length": end - start, "documents": 1 - n,
                    "in": [docs[doc].path, *(docs[o].path for o in others[:4])]})
        if len(out) >= TOP_SPANS:
            break
    return out


def _boilerplate(docs: Sequence[CorpusInput], sigs: Sequence[Signature], comps: Sequence[str],
                 plate: Boilerplate) -> list[dict[str, Any]]:
    """The clauses most reports hold, with their count (the text from the first report that has it)."""
    top = sorted(plate.counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_BOILERPLATE]
    wanted = {k for k, _ in top}
    texts: dict[int, str] = {}
    for doc, sig in enumerate(sigs):
        if len(texts) == len(wanted):
            break
        for i, key in enumerate(sig.clause_key):
            if key in wanted and key not in texts:
                texts[key] = comps[doc][sig.clause_pos[2 * i]:sig.clause_pos[2 * i + 1]]
    return [{"text": _excerpt(texts.get(k, "")), "documents": n} for k, n in top]


def _matrix(docs: Sequence[CorpusInput], sigs: Sequence[Signature],
            per_pair: Mapping[tuple[int, int], tuple[list[tuple[int, int]], list[tuple[int, int]]]]) -> dict[str, Any]:
    """Non-empty cells of the share matrix: [row, column, share of row's text], rows in path order."""
    order = sorted(range(len(docs)), key=lambda i: docs[i].path)
    rank = {doc: r for r, doc in enumerate(order)}
    cells = []
    for (a, b), (sa, sb) in sorted(per_pair.items()):
        cells.append([rank[a], rank[b], round(_union(sa) / max(1, sigs[a].length), 4)])
        cells.append([rank[b], rank[a], round(_union(sb) / max(1, sigs[b].length), 4)])
    cells.sort()
    return {"labels": [docs[i].path for i in order], "cells": cells}


def render(summary: Mapping[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(summary, ensure_ascii=False, indent=2) + "\n"
    if fmt == "svg":
        return svg_matrix(summary["matrix"])
    if fmt == "html":
        return _html(summary)
    return _text(summary)


def _pair_line(i: int, p: Mapping[str, Any]) -> str:
    kind = "same series" if p["same_series"] else "across series"
    return (f"{i:>3}. {p['a']}  <->  {p['b']}  {p['shared_a']} / {p['shared_b']} chars "
            f"({p['share_a']:.0%} / {p['share_b']:.0%}), {p['spans']} spans, {kind}")


def _text(s: Mapping[str, Any]) -> str:
    lines = [f"Corpus: {s['documents']} reports, {s['pairs_sharing_text']} pairs share text "
             f"({s['pairs_same_series']} within a series).", "", "Pairs sharing most text:"]
    lines += [_pair_line(i, p) for i, p in enumerate(s["pairs"][:20], 1)]
    lines += ["", "Most shared spans:"]
    lines += [f"  {sp['documents']:>3} reports, {sp['length']} chars: {sp['text']}" for sp in s["spans"]]
    lines += ["", f"Boilerplate (in more than {s['settings']['boilerplate_documents']} reports; not reported):"]
    lines += [f"  {b['documents']:>4} reports: {b['text']}" for b in s["boilerplate"]]
    return "\n".join(lines) + "\n"


def _colour(share: float) -> str:
    """White to dark red as the share grows (a share of 1/4 or more is the darkest)."""
    t = min(1.0, share * 4) ** 0.5
    g = round(235 * (1 - t))
    return f"rgb({235 - round(100 * t)},{g},{g})"


def svg_matrix(matrix: Mapping[str, Any], cell: float = 0.0) -> str:
    """The share matrix as a standalone SVG (one titled rectangle per non-empty cell)."""
    labels = matrix["labels"]
    n = max(1, len(labels))
    cell = cell or max(1.0, min(12.0, 900 / n))
    size = n * cell
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size + 2:.0f}" height="{size + 2:.0f}" '
             f'viewBox="-1 -1 {size + 2:.1f} {size + 2:.1f}">',
             f'<rect x="0" y="0" width="{size:.1f}" height="{size:.1f}" fill="#fafafa" stroke="#999" stroke-width="0.5"/>']
    for r, c, share in matrix["cells"]:
        tip = html.escape(f"{labels[r]} ← {labels[c]}: {share:.1%} of {labels[r]}")
        parts.append(f'<rect x="{c * cell:.1f}" y="{r * cell:.1f}" width="{cell:.1f}" height="{cell:.1f}" '
                     f'fill="{_colour(share)}"><title>{tip}</title></rect>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _html(s: Mapping[str, Any]) -> str:
    esc = html.escape
    rows = "".join(
        f"<tr><td>{i}</td><td>{esc(p['a'])}</td><td>{esc(p['b'])}</td><td>{p['shared_a']}</td><td>{p['shared_b']}</td>"
        f"<td>{p['share_a']:.0%}</td><td>{p['share_b']:.0%}</td><td>{'same series' if p['same_series'] else 'across'}</td></tr>"
        for i, p in enumerate(s["pairs"], 1))
    spans = "".join(f"<tr><td>{sp['documents']}</td><td>{sp['length']}</td><td>{esc(sp['text'])}</td>"
                    f"<td>{esc(', '.join(sp['in']))}</td></tr>" for sp in s["spans"])
    plate = "".join(f"<tr><td>{b['documents']}</td><td>{esc(b['text'])}</td></tr>" for b in s["boilerplate"])
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>reportlint corpus summary</title>
<style>body{{font-family:sans-serif;margin:2em}} table{{border-collapse:collapse;font-size:90%}}
td,th{{border:1px solid #ccc;padding:2px 6px;text-align:left}}</style></head><body>
<h1>Corpus: {s['documents']} reports</h1>
<p>{s['pairs_sharing_text']} pairs of reports share text, {s['pairs_same_series']} of them within a series.
Boilerplate: clauses in more than {s['settings']['boilerplate_documents']} reports, not reported as findings.</p>
<h2>Share matrix</h2><p>Row report's share found in the column report; reports in path order. Hover a cell for the pair.</p>
{svg_matrix(s['matrix'])}
<h2>Pairs sharing most text</h2>
<table><tr><th>#</th><th>report a</th><th>report b</th><th>chars of a</th><th>chars of b</th><th>share of a</th>
<th>share of b</th><th>kind</th></tr>{rows}</table>
<h2>Most shared spans</h2><table><tr><th>reports</th><th>chars</th><th>text</th><th>in</th></tr>{spans}</table>
<h2>Boilerplate</h2><table><tr><th>reports</th><th>clause</th></tr>{plate}</table>
</body></html>
"""
