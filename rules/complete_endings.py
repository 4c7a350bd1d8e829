"""A Chinese paragraph at the end of a part that stops without its final mark.

The last sentence before an appendix, the last line of the document, an entry of a
numbered glossary before the next entry: there an unpunctuated ending is most often
a complete sentence that lacks only its mark (……为提前建成全面小康社会而努力奋斗 /
……以优异成绩庆祝新中国成立70周年). It is taken for a lost ending only on evidence
of a cut: a function character or a comma last (……为), a bracket or title mark left
open (《关于强化投资松绑), or last characters that, wherever else the document uses
them, run on into more text or a figure in at least half of their uses (……促进房地产业
where 房地产业 is always followed by more words), or a list whose items each carry a
figure stopping on an item without one (……核桃基地5万亩、林业: the figure and the rest
of the sentence were lost where the body broke off before the annex).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reportlint.text.blocks import BlockKind
from reportlint.text.joins import OPEN_END_HAN, core, head
from reportlint.text.scripts import is_han

if TYPE_CHECKING:
    from reportlint.text.blocks import Block
    from reportlint.text.joins import Evidence

_PASS_OVER = frozenset("*_ \t")
_OPENERS = {"《": "》", "“": "”", "（": "）", "(": ")", "【": "】", "‘": "’"}


def complete_at_boundary(blocks: list[Block], i: int, ev: Evidence) -> bool:
    """Is ``blocks[i]`` a Chinese paragraph at the end of a part (the document ends, a
    heading or a numbered item follows) with no evidence that its end was cut?"""
    a = blocks[i]
    if a.lang != "zh" or not _at_boundary(blocks[i + 1] if i + 1 < len(blocks) else None):
        return False
    t = core(a.text)
    if len(t) < 2 or not is_han(t[-1]) or t[-1] in OPEN_END_HAN or _left_open(t) or _item_short_of_figure(t):
        return False
    end = a.start + len(t)
    for n in (4, 3, 2):
        tail = t[-n:]
        if not all(is_han(c) or c.isdigit() for c in tail):
            break
        runs_on, total = _uses(ev.text, tail, skip=end - n)
        if total:
            return runs_on * 2 < total  # most uses elsewhere end there
    return False  # characters used nowhere else: a word cut in two, perhaps


def _at_boundary(b: Block | None) -> bool:
    """The document ends, or a heading (a bold line standing alone) or a numbered item follows."""
    if b is None or b.kind is BlockKind.HEADING or b.numbering is not None:
        return True
    t = b.text.strip()
    return t.startswith(("**", "__")) and t.endswith(("**", "__")) and len(head(core(t))) <= 40


def _uses(text: str, tail: str, *, skip: int) -> tuple[int, int]:
    """How often ``tail`` occurs in ``text`` (except at ``skip``), and how often more
    Han text or a figure follows it right away (emphasis markers passed over)."""
    runs_on = total = 0
    at = text.find(tail)
    while at != -1:
        if at != skip:
            total += 1
            k = at + len(tail)
            while k < len(text) and text[k] in _PASS_OVER:
                k += 1
            if k < len(text) and (is_han(text[k]) or text[k].isdigit()):
                runs_on += 1  # more words, or a figure (停车泊位2万个)
        at = text.find(tail, at + 1)
    return runs_on, total


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


_CLAUSE_END = re.compile(r"[，。；：！？,;:!?]")


def _item_short_of_figure(t: str) -> bool:
    """The last clause lists items with 、, each of the earlier ones carrying a figure
    (油茶基地3万亩、核桃基地5万亩), and the paragraph stops on one that carries none:
    the list was cut inside its last item."""
    clause = _CLAUSE_END.split(t)[-1]
    items = clause.split("、")
    if len(items) < 3:
        return False
    *earlier, last = items
    return all(any(c.isdigit() for c in item) for item in earlier) and not any(c.isdigit() for c in last)
