"""What an English line is for: a sentence, or one of the lines that end open on purpose.

A report laid out for reading is more than sentences. Headings, captions of tables
and appendices, items of a list, rows of a table, the formulas of a transcript
(``Mr Speaker, Sir, I beg to move,`` before the quoted motion), bylines and
datelines, and lead-ins before a list all stop without a full stop, and none of
them lost its end. This module gives each open English block a role from its
layout alone — its shape, its label, its capitals, what stands around it — so that
the truncation rules judge only sentences.

The roles are classes of layout, not phrases of one document: a list item is
recognised by its label ((a), iii., 2), --, •) or by the punctuation that ends items
of a series (``; and``), a heading by its capitals or its section number, a caption
by the label that numbers an exhibit (Table 3, Appendix I), a table row by its
columns.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING

from reportlint.text.blocks import Block, BlockKind
from reportlint.text.joins import core, head

from ._data import data_lines

if TYPE_CHECKING:
    from reportlint.text.joins import Evidence


class LineRole(str, Enum):
    SENTENCE = "sentence"
    HEADING = "heading"
    CAPTION = "caption"
    LIST_ITEM = "list item"
    TABLE_ROW = "table row"
    FORMULA = "formula"
    BYLINE = "byline"
    LEAD_IN = "lead-in"


# A list label: (a) a) a. (iv) iv. 2) (2) 2. -- - – • ▪ and the like.
_LIST_LABEL = re.compile(
    r"^(?:\(?(?:[0-9]{1,3}|[a-z]|[ivxlc]{1,6}|[A-Z])[.)](?=\s)|\((?:[0-9]{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})\)|"
    r"--|[-–—•·▪◦●■*+](?=\s))\s*")
# A section number: II. A. 1.2 3) before a heading.
_SECTION_NUMBER = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z]|[0-9]{1,2}(?:\.[0-9]{1,2})*)[.):]?\s+(?=\S)")
# Labels that number an exhibit or a part of a document (Table 3, Appendix I, Annex A-1).
_CAPTION = re.compile(
    r"^(?:Table|Figure|Fig\.|Chart|Graph|Annex|Appendix|Exhibit|Box|Schedule|Part|Section|Chapter|Article|Attachment)"
    r"\s+(?:[0-9]+|[IVXLC]{1,6}|[A-Z])(?:[-.][0-9A-Z]+)?\b", re.I)
# How the items of a series end before the next one: "; and", "; or", ", and", "and, finally,".
_SERIES_END = re.compile(r"(?:[;,]\s*(?:and|or|and/or|plus)|;|\band,?\s+(?:finally|lastly),?)\s*$", re.I)
# The same, when a semicolon or "finally" marks it: the ending alone makes it an item.
_SEMICOLON_SERIES_END = re.compile(r"(?:;\s*(?:and|or|and/or|plus)|\band,?\s+(?:finally|lastly),?)\s*$", re.I)
# A parliamentary or ceremonial address that opens a transcript formula (Mr Speaker, Madam President).
_ADDRESS = re.compile(
    r"^(?:Mr\.?|Mdm\.?|Madam|Madame|Mister|Mrs\.?|Ms\.?)\s+(?:Deputy\s+)?(?:Speaker|President|Chairman|Chairperson|Chair)\b"
    r"|^(?:Ladies and [Gg]entlemen|Members of the)\b")
_OPENING_QUOTE = "“\"‘'«"
# A date: 14 February 2017, February 14, 2017, 2017-02-14.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b(?:[0-9]{{1,2}}\s+(?:{_MONTHS})\s+[0-9]{{4}}|(?:{_MONTHS})\s+[0-9]{{1,2}},?\s+[0-9]{{4}}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Words a title leaves in lowercase (Duties on Imported Goods, Report of the Committee).
_TITLE_SMALL = frozenset(["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "as", "nor", "per", "via", "vs"])
# Words after which an English phrase must go on: articles, prepositions, conjunctions,
# auxiliaries and possessives (…invest in our / …we will).
_OPEN_END_WORDS = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "over", "under", "about", "and", "or", "but", "nor", "as", "than", "that", "which", "who", "whose", "whom", "our", "your", "their", "its", "his", "her", "my", "is", "are", "was", "were", "be", "been", "being", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "has", "have", "had", "do", "does", "did", "not", "very", "more", "most", "such", "this", "these", "those", "each", "every"])
# A line that ends on a file name (报告定稿.docx) or a web address: an attachment or a link.
_FILE_OR_LINK = re.compile(r"(?:\S\.(?:docx?|pdf|xlsx?|pptx?|wps|txt|html?|zip|rar)|https?://\S+)$", re.I)
_COLUMNS = re.compile(r"\S(?:\t+| {2,}|\s\|\s)\S")
_NUMBER = re.compile(r"^[-+(]?[$€£]?[0-9][0-9,.]*%?\)?$")


def english_role(blocks: list[Block], i: int, evidence: Evidence | None = None) -> LineRole:
    """The role of ``blocks[i]``, an English block that ends without a full stop."""
    a = blocks[i]
    t = core(head(a.text))
    if not t:
        return LineRole.SENTENCE
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    prev = blocks[i - 1] if i else None
    if a.kind is BlockKind.TABLE_ROW or _table_row(t):
        return LineRole.TABLE_ROW
    if _CAPTION.match(t):
        return LineRole.CAPTION
    if _list_item(a, t, prev, nxt):
        return LineRole.LIST_ITEM if not _cut_word(t, evidence) else LineRole.SENTENCE
    if t.endswith((":", "--", "—", "–", "-")):
        return LineRole.LEAD_IN
    return _role_by_wording(t, nxt)


def _list_item(a: Block, t: str, prev: Block | None, nxt: Block | None) -> bool:
    """A labelled item, or one that ends as items of a series do."""
    if a.kind is BlockKind.LIST_ITEM or _LIST_LABEL.match(t) or _SEMICOLON_SERIES_END.search(t):
        return True
    return bool(_SERIES_END.search(t)) and _in_list(prev, nxt)


def _role_by_wording(t: str, nxt: Block | None) -> LineRole:
    """Formula, heading, byline or sentence, from the words of the line."""
    words = _WORD.findall(t)
    if (_ADDRESS.match(t) and (t[-1] in ",:" or len(words) <= 12)) \
            or (t[-1] in ",:" and nxt is not None and head(nxt.text)[:1] in _OPENING_QUOTE):
        return LineRole.FORMULA
    if len(words) <= 14 and (_capitals(t) or (_SECTION_NUMBER.match(t) and _title_case(words))):
        return LineRole.HEADING
    if len(words) <= 10 and (_DATE.search(t) or (t.startswith("By ") and _title_case(words[1:]))):
        return LineRole.BYLINE
    if len(words) <= 12 and _title_case(words) and not t.endswith(","):
        return LineRole.HEADING
    if _sentence_case_heading(t, words, nxt):
        return LineRole.HEADING
    return LineRole.SENTENCE


def _sentence_case_heading(t: str, words: list[str], nxt: Block | None) -> bool:
    """A short line in sentence case before a paragraph that opens afresh (Building a
    resilient economy / Strengthening our social compact): a heading, unless it stops on
    a word that needs more after it (the, of, our, will) or inside a word."""
    if not (2 <= len(words) <= 8 and t[0].isupper() and t[-1].isalpha() and "," not in t):
        return False
    last = words[-1].lower()
    if last in _OPEN_END_WORDS or last not in english_words():
        return False
    return nxt is not None and head(nxt.text)[:1].isupper()


def _table_row(t: str) -> bool:
    """Columns set apart by tabs or runs of spaces, or a line of figures."""
    if len(_COLUMNS.findall(t)) >= 2:
        return True
    tokens = t.split()
    return len(tokens) >= 3 and sum(bool(_NUMBER.match(x)) for x in tokens) * 2 >= len(tokens)


def _capitals(t: str) -> bool:
    """An all-capitals line (II. FIGHTING INFLATION, DUTIES ON TOBACCO)."""
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _title_case(words: list[str]) -> bool:
    """Every word capitalised but the small words of a title (Report of the Committee)."""
    content = [w for w in words if w.lower() not in _TITLE_SMALL]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content) and words[0][0].isupper()


def _in_list(prev: Block | None, nxt: Block | None) -> bool:
    """Is a neighbour an item of a list: labelled, or ending as items of a series do?"""
    return any(b is not None and (b.kind is BlockKind.LIST_ITEM or _LIST_LABEL.match(head(b.text))
                                  or _SERIES_END.search(core(b.text)))
               for b in (prev, nxt))


def _cut_word(t: str, evidence: Evidence | None) -> bool:
    """Does the line stop on a lowercase fragment found nowhere else (``allowanc``)? Then it
    lost its end whatever its role."""
    if evidence is None:
        return False
    words = _WORD.findall(t)
    if not words or not t[-1].isalpha():
        return False
    last = words[-1]
    return last.islower() and evidence.vocab[last] <= 1 and last not in english_words()


@cache
def english_words() -> frozenset[str]:
    """The shipped lexicon of common English words (lowercase)."""
    return frozenset(data_lines("en_words.txt"))


def open_on_purpose(blocks: list[Block], i: int, evidence: Evidence | None = None) -> bool:
    """A block that ends open by design: one that ends on a file name or a web address
    (an attachment line, in any language), or an English block of any role but a sentence."""
    if _FILE_OR_LINK.search(core(blocks[i].text)):
        return True
    return blocks[i].lang == "en" and english_role(blocks, i, evidence) is not LineRole.SENTENCE
