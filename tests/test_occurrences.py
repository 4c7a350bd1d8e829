"""The occurrence index answers as a scan of the text would, before and after its table exists."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.text import occurrences
from reportlint.text.occurrences import OccurrenceIndex

TEXT = "哈哈哈，我们要发展经济。发展是第一要务，高质量发展。abab aba\n末尾的发"


def scanned(text: str, s: str) -> list[int]:
    return [i for i in range(len(text) - len(s) + 1) if text.startswith(s, i)]


def indexed(text: str) -> OccurrenceIndex:
    """An index whose pair table is built at the first question."""
    index = OccurrenceIndex(text)
    index._scans = occurrences._SCANS_BEFORE_INDEX
    return index


@pytest.mark.parametrize("make", [OccurrenceIndex, indexed])
@pytest.mark.parametrize("s", ["发展", "发", "哈哈", "哈", "发展是", "aba", "ab", "末尾的发", "不在", "\n", "展经济。发"])
def test_positions_and_counts_match_a_scan(make: type[OccurrenceIndex], s: str) -> None:
    index = make(TEXT)
    assert list(index.positions(s)) == scanned(TEXT, s)
    assert index.count(s) == TEXT.count(s)  # without overlaps, as str.count: 哈哈 once in 哈哈哈
    assert index.occurs(s) == (s in TEXT)


def test_overlapping_starts_are_all_listed_but_counted_once() -> None:
    index = indexed("哈哈哈哈哈")
    assert list(index.positions("哈哈")) == [0, 1, 2, 3]
    assert index.count("哈哈") == 2


def test_the_last_character_is_found_after_the_table_is_built() -> None:
    index = indexed("发展的发")
    assert list(index.positions("发")) == [0, 3]
    assert index.count("发") == 2


def test_within_keeps_occurrences_wholly_inside_the_window() -> None:
    index = indexed(TEXT)
    starts = scanned(TEXT, "发展")
    lo, hi = starts[0] + 1, starts[-1] + 1  # the last occurrence sticks out of the window
    assert list(index.within("发展", lo, hi)) == [i for i in starts if lo <= i and i + 2 <= hi]


def test_the_table_is_built_only_after_enough_scans() -> None:
    index = OccurrenceIndex(TEXT)
    for k in range(occurrences._SCANS_BEFORE_INDEX):
        index.positions(TEXT[k % len(TEXT):k % len(TEXT) + 3] + str(k))
    assert index._pairs is None
    index.positions("高质量")
    assert index._pairs is not None


@given(st.text(alphabet="发展的哈ab，。", max_size=60), st.text(alphabet="发展的哈ab，。", min_size=1, max_size=4))
def test_any_text_any_string(text: str, s: str) -> None:
    for index in (OccurrenceIndex(text), indexed(text)):
        assert list(index.positions(s)) == scanned(text, s)
        assert index.count(s) == text.count(s)


def test_a_long_text_of_many_distinct_questions() -> None:
    rng = random.Random(7)
    text = "".join(rng.choice("经济社会发展改革创新。，") for _ in range(5000))
    index = OccurrenceIndex(text)
    for _ in range(occurrences._SCANS_BEFORE_INDEX + 50):  # crosses from scanning to the table
        at = rng.randrange(len(text) - 4)
        s = text[at:at + rng.randint(1, 4)]
        assert list(index.positions(s)) == scanned(text, s)


def test_a_pair_near_the_start_does_not_wrap_to_the_end() -> None:
    # 展经 is the rarest pair of 发展经; its occurrence at 0 has no room for 发 before it.
    index = indexed("展经发展发展发展经")
    assert list(index.positions("发展经")) == [6]
