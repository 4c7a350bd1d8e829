"""What ``--fix`` (safe fixes only) takes away from reports, measured against their labels.

For every report in the given folders, the safe fixes of the default rules are applied the
way ``reportlint --fix`` applies them (pass after pass), and every character of a word
(Han, Latin, digit) that the passes replaced is checked against the report's labels
(``NAME.gold.json`` beside ``NAME.txt``, widened by ``--slack`` code points): a character
that no label covers is damage. Reports in ``--clean`` folders have no defects, so any
change to them at all is counted.

    python bench/fix_safety.py ../shared/devset-large ../shared/devset --clean ../shared/corpus/clean \
        ../shared/devset-large/clean
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from reportlint.diagnostic import is_letter, replaced_offsets
from reportlint.fix import fix_text
from reportlint.registry import load_registry


def _labels(txt: Path, slack: int) -> list[tuple[int, int]]:
    gold = txt.with_name(txt.name[:-4] + ".gold.json")
    if not gold.exists():
        return []
    spans = []
    for item in json.loads(gold.read_text(encoding="utf-8")):
        spans.append((item["start"] - slack, item["end"] + slack))
        rel = item.get("related")
        if isinstance(rel, list) and len(rel) == 2 and all(isinstance(x, int) for x in rel):
            spans.append((rel[0] - slack, rel[1] + slack))
    return spans


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="*", type=Path, help="folders of NAME.txt + NAME.gold.json")
    ap.add_argument("--clean", nargs="*", type=Path, default=[], help="folders of clean reports")
    ap.add_argument("--slack", type=int, default=3)
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args()
    rules = [(r, dict(r.options)) for r in load_registry().rules if r.enabled_by_default and not r.preview]
    damage: list[str] = []
    files = changed_clean = fixed = 0
    for clean, folders in ((False, args.dirs), (True, args.clean)):
        for folder in folders:
            for txt in sorted(folder.glob("*.txt")):
                text = txt.read_text(encoding="utf-8")
                files += 1
                out = fix_text(text, str(txt), rules)
                fixed += out.fixed
                if clean and out.changed:
                    changed_clean += 1
                    damage.append(f"{txt.name}: a clean report changed ({out.fixed} fixes)")
                    continue
                labels = _labels(txt, args.slack)
                for o in replaced_offsets(len(text), out.passes):
                    if is_letter(text[o]) and not any(s <= o < e for s, e in labels):
                        damage.append(f"{txt.name}:{o}: `{text[max(0, o - 8):o]}[{text[o]}]{text[o + 1:o + 9]}`")
    print(f"{files} reports, {fixed} safe fixes applied; clean reports changed: {changed_clean}; "
          f"characters of words removed outside any label: {len(damage) - changed_clean}")
    for line in damage[:args.show]:
        print("  ", line.replace("\n", "⏎"))


if __name__ == "__main__":
    main()
