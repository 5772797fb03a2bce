"""The checks every .docx the project writes must pass, for the tests of
each way a document is made (examples, a new kommune from ``slt-docs ny``,
an imported draft rendered back): no error against the OOXML schemas and
Word's rules, and headings from level 1 without a skipped level."""

from __future__ import annotations

from itertools import pairwise

from slt_docs.ooxml import inspect_docx
from slt_docs.render.extract import headings, outline


def ooxml_errors(docx: bytes) -> list[str]:
    """What Word would repair in ``docx``, one line per fault (part, path, expectation)."""
    return [str(f.problem) for f in inspect_docx(docx).errors]


def heading_faults(docx: bytes) -> list[str]:
    """Where the headings of ``docx`` (table cells included) do not start at
    level 1 or skip a level; a document without headings may hold no list
    and no table."""
    levels = [level for level, _ in headings(docx)]
    if not levels:  # a title and a few facts (Bjørnafjorden's mandates): no sections
        return ["lists or tables without a heading"] if any(
            "tabell" in item or "punkt" in item for item in outline(docx)["innhold"]) else []
    faults = [f"the first heading is level {levels[0]}"] if levels[0] != 1 else []
    faults += [f"level {after} after level {before}" for before, after in pairwise(levels)
               if after > before + 1]
    return faults
