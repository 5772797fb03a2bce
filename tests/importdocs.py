"""Word documents made the way kommuner make them, for the importer's tests.

A plan is described in a small line format (``tests/data/importer/*.txt``)
and built with python-docx into a .docx with *direct formatting*: headings
as bold or capitalised lines rather than heading styles (unless asked),
typed tables of contents, bullets typed as "- ", bold labels followed by
text on the same line, tables with merged cells.

One paragraph per line: ``KIND text``. ``\\t`` in the text is a tab and
``\\n`` a line break; ``**bold**`` marks bold runs inside ``P`` and ``-``.

====== ============================================================
``T``     title: bold, 24 pt, no style
``H1``    heading by direct formatting: bold, 16 pt
``H2``    heading by direct formatting: bold, 13 pt
``S1``    Word's "Heading 1" style (``S2``: "Heading 2", … ``S9``)
``P``     paragraph (empty: an empty paragraph)
``B``     paragraph, all bold, 11 pt
``-``     typed bullet: the paragraph's text starts with "- "
``L``     Word list item ("List Bullet" style)
``TOC``   typed line of a table of contents, with a dot-leader tab stop
``LINK``  a hyperlink: ``LINK url text``
``TABLE`` a table starts; ``ROW`` a row (the first is the header);
          ``CELL`` a cell, ``CELL ^`` a cell merged with the one above
          (``w:vMerge``); the paragraph lines after ``CELL`` fill it;
          ``END`` ends the table
====== ============================================================

Lines starting with ``;;`` are comments.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

DATA = Path(__file__).parent / "data" / "importer"


def _runs(paragraph, text: str, *, bold: bool = False, size: float | None = None) -> None:
    text = text.replace("\\t", "\t")
    parts = re.split(r"(\*\*.+?\*\*)", text)
    for part in parts:
        if not part:
            continue
        strong = part.startswith("**") and part.endswith("**")
        body = part[2:-2] if strong else part
        for index, line in enumerate(body.split("\\n")):
            if index:
                (paragraph.runs[-1] if paragraph.runs else paragraph.add_run()).add_break()
            run = paragraph.add_run(line)
            run.bold = bold or strong or None
            if size:
                run.font.size = Pt(size)


def _link(paragraph, url: str, text: str) -> None:
    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _paragraph(container, kind: str, text: str):
    """Add one paragraph of ``kind`` to a document or a table cell."""
    if re.fullmatch(r"S\d", kind):
        return container.add_heading(text, level=int(kind[1]))
    p = container.add_paragraph()
    if kind == "T":
        _runs(p, text, bold=True, size=24)
    elif kind == "H1":
        _runs(p, text, bold=True, size=16)
    elif kind == "H2":
        _runs(p, text, bold=True, size=13)
    elif kind == "B":
        _runs(p, text, bold=True)
    elif kind == "P":
        _runs(p, text)
    elif kind == "-":
        _runs(p, "- " + text)
    elif kind == "L":
        p.style = "List Bullet"
        _runs(p, text)
    elif kind == "TOC":
        p.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT,
                                                  WD_TAB_LEADER.DOTS)
        _runs(p, text)
    elif kind == "LINK":
        url, _, label = text.partition(" ")
        _link(p, url, label or url)
    else:
        raise ValueError(f"unknown kind {kind!r}")
    return p


def build(spec: str) -> bytes:
    """The .docx bytes for a plan in the line format."""
    doc = Document()
    table_rows: list[list[tuple[bool, list[tuple[str, str]]]]] | None = None
    for raw in spec.splitlines():
        if not raw.strip() or raw.startswith(";;"):
            continue
        kind, _, text = raw.partition(" ")
        if kind == "TABLE":
            table_rows = []
            continue
        if table_rows is not None:
            if kind == "ROW":
                table_rows.append([])
            elif kind == "CELL":
                table_rows[-1].append((text.strip() == "^", []))
            elif kind == "END":
                _table(doc, table_rows)
                table_rows = None
            else:
                table_rows[-1][-1][1].append((kind, text))
            continue
        _paragraph(doc, kind, text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _table(doc, rows: list[list[tuple[bool, list[tuple[str, str]]]]]) -> None:
    columns = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=columns)
    table.style = "Table Grid"
    merges: dict[tuple[int, int], int] = {}
    for r, row in enumerate(rows):
        for c, (merged, paras) in enumerate(row):
            if merged:
                start = r - 1
                while start > 0 and rows[start][c][0]:
                    start -= 1
                merges[(start, c)] = max(merges.get((start, c), r), r)
                continue
            cell = table.cell(r, c)
            for index, (kind, text) in enumerate(paras):
                if index == 0 and kind in ("P", "B", "-"):
                    p = cell.paragraphs[0]
                    body = "- " + text if kind == "-" else text
                    _runs(p, body, bold=kind == "B")
                else:
                    _paragraph(cell, kind, text)
    for (start, c), end in sorted(merges.items()):
        table.cell(start, c).merge(table.cell(end, c))


def build_file(name: str) -> bytes:
    """The .docx for ``tests/data/importer/<name>.txt``."""
    return build((DATA / f"{name}.txt").read_text(encoding="utf-8"))
