"""``--output-format html``: one self-contained page with each report's text and its
defects marked in place, for people who edit reports rather than read terminal listings.

The page needs nothing from a network: style and script are inlined, and its content
security policy lets only that script (by its hash) run, so text of a report that
looks like markup can only ever be shown. Jinja2 (the ``html`` extra) is imported only
when this format is asked for.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from . import ReportError

try:
    import jinja2
except ImportError:  # one line naming the extra, not a traceback
    raise ReportError("--output-format html needs the `html` extra: pip install 'reportlint[html]'") from None

from .html_model import build_page
from .html_text import doc_text, fix_text

if TYPE_CHECKING:
    from ..runner import RunResult

TEMPLATES = Path(__file__).with_name("html_templates")


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    env = environment()
    script = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    page = env.get_template("report.html.j2").render(page=build_page(run), script=script, script_hash=digest)
    out.write(page)
    if not page.endswith("\n"):
        out.write("\n")


def environment() -> jinja2.Environment:
    """Templates from the package folder, every expression HTML-escaped."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined)
    filters: dict[str, Any] = env.filters
    filters["doctext"] = doc_text
    filters["fixtext"] = fix_text
    return env
