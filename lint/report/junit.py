"""``--output-format junit``: JUnit XML, which most CI servers turn into a test report.

One ``testsuite`` per file; every finding is a failed ``testcase`` named after its
rule and position (columns in code points, as people count them); a clean file is
one passing ``testcase``. Text that XML 1.0 cannot carry (control characters) is
replaced, so the report always parses.
"""

from __future__ import annotations

import re
from typing import TextIO
from xml.etree import ElementTree as ET

from ..runner import RunResult
from .common import with_source

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def build(run: RunResult) -> ET.Element:
    diags = run.diagnostics
    root = ET.Element("testsuites", name="reportlint", tests=str(sum(max(1, len(f.diagnostics)) for f in run.files)),
                      failures=str(len(diags)), errors="0")
    for f in run.files:
        suite = ET.SubElement(root, "testsuite", name=_clean(f.path), tests=str(max(1, len(f.diagnostics))),
                              failures=str(len(f.diagnostics)), errors="0", skipped="0")
        if not f.diagnostics:
            ET.SubElement(suite, "testcase", name="reportlint", classname=_clean(f.path))
            continue
        for d in f.diagnostics:
            line, col = f.lines.position(d.start)
            case = ET.SubElement(suite, "testcase", name=_clean(f"{d.code} {d.rule} at {line}:{col}"),
                                 classname=_clean(f.path), file=_clean(f.path), line=str(line))
            message = with_source(f, d.start, d.message)
            failure = ET.SubElement(case, "failure", message=_clean(message), type=d.code)
            failure.text = _clean(f"{f.path}:{line}:{col}: {d.code} [{d.severity.value}] {message}")
    return root


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    root = build(run)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
