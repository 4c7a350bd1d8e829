"""Build rules/data/zh_char_roles.txt from jieba's dictionary.

For every Han character, the share of its weighted uses in jieba 0.42.1's dict.txt in
which it is a word of its own (frequency of the one-character entry over the frequency
of all entries that hold it). A character that is rarely a word by itself (化, 育, 型)
opens a sentence only as the head of a longer word; one that often is (在, 这, 抓)
may open a sentence alone.

    python bench/make_zh_char_roles.py path/to/jieba/dict.txt > rules/data/zh_char_roles.txt
"""

from __future__ import annotations

import sys
from collections import Counter

from reportlint.text.scripts import is_han

MINIMUM = 50  # total weighted uses below which a character's share says little


def main() -> int:
    alone: Counter[str] = Counter()
    total: Counter[str] = Counter()
    with open(sys.argv[1], encoding="utf-8") as fh:
        for line in fh:
            word, freq, *_ = line.split()
            if not all(is_han(c) for c in word):
                continue
            for c in word:
                total[c] += int(freq)
            if len(word) == 1:
                alone[word] += int(freq)
    print("# Share (percent) of each Han character's uses in which it is a one-character word.")
    print("# Derived from the dictionary of jieba 0.42.1 (https://github.com/fxsjy/jieba, MIT License),")
    print(f"# weighted by frequency; characters with fewer than {MINIMUM} weighted uses are left out.")
    for c in sorted(total):
        if total[c] >= MINIMUM:
            print(f"{c}{round(100 * alone[c] / total[c])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
