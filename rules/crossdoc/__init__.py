"""Cross-document rules: text one report shares with another report of the corpus.

A report that copies another city's paragraph, or keeps last year's paragraph with last
year's figures, is a defect that no check of one file can see. These rules report only
under ``reportlint corpus PATHS``, which reads every report first; ``reportlint check``
looks at one file at a time and finds nothing for them. Their codes take part in
select/ignore, per-file ignores, suppression comments and baselines like any other.

The family's settings (minimum span, similarity, boilerplate share, series key) are
the options of XDC001; see ``docs/corpus.md``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.diagnostic import Diagnostic, Severity
from reportlint.rule import Rule

if TYPE_CHECKING:
    from reportlint.document import Document

# The year in a path (2019.md, nanjing-2019.txt, 2019/nanjing.md): the default series
# key is the path without it, so one city's reports of every year form one series.
DEFAULT_SERIES_KEY = r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])"


class _CorpusRule(Rule):
    """A rule whose findings come from the corpus pass, not from one document."""

    corpus_pass = "reportlint.rules.crossdoc.corpus:run"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        return iter(())


class CopiedText(_CorpusRule):
    code = "XDC001"
    name = "copied-text"
    category = "duplication"
    severity = Severity.WARNING
    summary = "a span this report shares with a report of another series"
    explanation = """\
A paragraph or a long span (50 characters or more) that this report shares, exactly or
nearly, with a report of another series (another city, another issuer): text copied
from it, perhaps with its place names and figures. The other report and the line of
its copy are given as a related location. Found only by `reportlint corpus PATHS`.

Text that more than `boilerplate-share` of the corpus holds (the formulas every
report repeats) is not reported; the corpus summary lists it once.

Wrong:  (nanjing/2024.md) 加快建设具有全球影响力的产业科技创新中心主承载区，…
        (hefei/2024.md)   加快建设具有全球影响力的产业科技创新中心主承载区，…
Right:  each report in its own words, or the shared source named.
"""
    options = {
        "min_length": 50,
        "min_similarity": 0.85,
        "boilerplate_share": 0.02,
        "series_key": DEFAULT_SERIES_KEY,
    }


class SeriesReuse(_CorpusRule):
    code = "XDC002"
    name = "series-reuse"
    category = "duplication"
    severity = Severity.INFO
    summary = "a span this report shares with another report of its own series"
    explanation = """\
A paragraph or a long span that this report shares with another report of its own
series (the same city's report of another year): last year's text kept, perhaps with
last year's figures. Which reports form a series is set by XDC001's `series-key`, a
regular expression over the path (by default the path with its year taken out).
Found only by `reportlint corpus PATHS`.

Wrong:  (2024.md) 全年地区生产总值增长6.1%，…   (2023.md) 全年地区生产总值增长6.1%，…
Right:  this year's figures in this year's report.
"""


RULES = [CopiedText, SeriesReuse]
