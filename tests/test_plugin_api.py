"""The names docs/plugin-api.md promises to plugins exist, so the page cannot drift from the code."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from reportlint.document import Document

DOC = Path(__file__).resolve().parents[1] / "docs" / "plugin-api.md"


def _promised() -> list[tuple[str, str]]:
    rows = re.findall(r"^\| `(reportlint\.[a-z.]+)` \| ([^|]+) \|", DOC.read_text(encoding="utf-8"), re.M)
    return [(module, name) for module, names in rows for name in re.findall(r"`(\w+)`", names)]


def test_the_page_lists_names() -> None:
    assert len(_promised()) >= 25


@pytest.mark.parametrize(("module", "name"), _promised())
def test_every_promised_name_is_importable(module: str, name: str) -> None:
    assert hasattr(importlib.import_module(module), name)


def test_every_promised_document_attribute_exists() -> None:
    table = DOC.read_text(encoding="utf-8").split("## Reading the document")[1].split("## Text helpers")[0]
    attributes = {a.split("(")[0] for a in re.findall(r"^\| (.+?) \|", table, re.M) for a in re.findall(r"`([\w(), ]+)`", a)}
    doc = Document("一、总体要求\n\n今年经济运行平稳。\n")
    assert attributes >= {"text", "blocks", "evidence", "cache", "sentences_of"}
    for attribute in attributes:
        assert hasattr(doc, attribute), attribute
