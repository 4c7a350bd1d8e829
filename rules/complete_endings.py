"""A Chinese paragraph that stops on a phrase the document itself ends clauses with.

A report's last sentence before an appendix, the last line of the document, an
entry of a glossary: these are often complete sentences that lack only their final
mark (……为提前建成全面小康社会而努力奋斗 / ……以优异成绩庆祝新中国成立70周年).
A lost ending, by contrast, stops where the text runs on (……促进房地产业 /
……实施了). The document tells the two apart: wherever else its last characters
occur, are they followed by punctuation (a clause ends there) or by more text?
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlint.text.joins import OPEN_END_HAN, core
from reportlint.text.scripts import is_han

if TYPE_CHECKING:
    from reportlint.text.blocks import Block
    from reportlint.text.joins import Evidence

_OPENERS = {"《": "》", "“": "”", "（": "）", "(": ")", "【": "】", "‘": "’"}


def ends_on_clause_end(a: Block, ev: Evidence) -> bool:
    """Does ``a`` stop on characters that, elsewhere in the document, close a clause
    (followed by punctuation in two thirds of their uses or more), with no bracket
    or quote left open and no function character last? The longest tail (four, three,
    then two characters) that occurs elsewhere decides; two characters need two
    such uses."""
    if a.lang != "zh":
        return False
    t = core(a.text)
    if len(t) < 2 or not (is_han(t[-1]) and is_han(t[-2])) or t[-1] in OPEN_END_HAN or _left_open(t):
        return False
    end = a.start + len(t)
    for n in (4, 3, 2):
        tail = t[-n:]
        if not all(is_han(c) or c.isdigit() for c in tail):
            continue
        succ = ev.successors(tail, skip=end - n)
        total = sum(succ.values())
        if total == 0:
            continue
        closes = succ["#"]
        return closes * 3 >= total * 2 and (closes >= 2 or n >= 3)
    return False


def _left_open(t: str) -> bool:
    """A bracket, title mark or quote opened and not closed (《关于强化投资松绑)."""
    depth: dict[str, int] = {}
    for ch in t:
        if ch in _OPENERS:
            depth[ch] = depth.get(ch, 0) + 1
        else:
            for o, c in _OPENERS.items():
                if ch == c and depth.get(o):
                    depth[o] -= 1
    return any(depth.values())
