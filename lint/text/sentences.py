"""Sentence and clause segmentation for Chinese and English prose.

Closing quotes and brackets stay with the sentence they close (“……。” is one
sentence). English full stops inside numbers (2.5), initials (U.S.) and common
abbreviations (Mr., e.g.) do not end a sentence.
"""

from __future__ import annotations

from .scripts import CLOSERS

_CJK_END = "。！？…"
_CJK_SEMI = "；"
_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "fig"]
)
_CLAUSE_MARKS = "，、；：,;:"


def _latin_period_ends(text: str, i: int) -> bool:
    """Does the '.' at ``text[i]`` end an English sentence?"""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if nxt and not (nxt.isspace() or nxt in CLOSERS):
        return False  # 2.5, U.S., example.com
    if i > 0 and text[i - 1] == ".":
        return False  # ellipsis "..." continues
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:i].lower()
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word.isupper() is False and text[j:i].isupper()):
        return False
    # an initial ("John F. Kennedy") ends no sentence
    return not (len(text[j:i]) == 1 and text[j:i].isupper())


def sentence_spans(text: str, base: int = 0, *, semicolons: bool = True) -> list[tuple[int, int]]:
    """Sentences of ``text`` as absolute ``(start, end)`` spans (``base`` + relative)."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    i = 0
    while i < n:
        ch = text[i]
        end_here = False
        if ch in _CJK_END or (semicolons and ch == _CJK_SEMI) or ch in "!?" or (ch == "." and _latin_period_ends(text, i)) or (semicolons and ch == ";" and (i + 1 >= n or text[i + 1].isspace())):
            end_here = True
        if end_here:
            j = i + 1
            while j < n and (text[j] in _CJK_END or text[j] in CLOSERS or text[j] in "!?."):
                j += 1
            if text[i] in _CJK_END and j < n and text[j] in "”’":
                j += 1
            k = start
            while k < j and text[k].isspace():
                k += 1
            if k < j:
                spans.append((base + k, base + j))
            start = j
            i = j
            continue
        i += 1
    k = start
    while k < n and text[k].isspace():
        k += 1
    if k < n:
        e = n
        while e > k and text[e - 1].isspace():
            e -= 1
        spans.append((base + k, base + e))
    return spans


def clause_spans(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Clauses: sentences further cut at commas, enumeration commas, colons, semicolons."""
    out: list[tuple[int, int]] = []
    for s, e in sentence_spans(text, base):
        seg_start = s
        depth = 0
        for k in range(s, e):
            ch = text[k - base]
            if ch in "“（(《【「":
                depth += 1
            elif ch in "”）)》】」" and depth:
                depth -= 1
            elif ch in _CLAUSE_MARKS and depth == 0:
                if k + 1 > seg_start:
                    out.append((seg_start, k + 1))
                seg_start = k + 1
        if seg_start < e:
            out.append((seg_start, e))
    return out
