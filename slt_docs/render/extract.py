"""A readable outline of a .docx: what a reviewer checks, not bytes.

Headings with their level, paragraphs with their style when it matters, list
items, pictures with their alt text, and every table cell with its merge
span. A heading is a paragraph in a heading style or with an outline level
(as Word's navigation pane, its table of contents and the PDF's tags see
it); inside a table cell it is written ``## text`` (its level in ``#``).
Regression fixtures hold this outline; ``slt-docs`` users can diff two
renderings with it.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LIST_STYLES = ("List Bullet", "List Bullet 2", "SLT Tabellpunkt", "List Paragraph")


def _paragraph_text(p: Any) -> str:
    parts = []
    for node in p.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag in (f"{_W}tab",):
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def _style_name(p: Any, styles: dict[str, str]) -> str:
    ppr = p.find(f"{_W}pPr")
    if ppr is not None:
        st = ppr.find(f"{_W}pStyle")
        if st is not None:
            return styles.get(st.get(f"{_W}val"), st.get(f"{_W}val"))
    return "Normal"


def _pictures(p: Any) -> list[str]:
    out = []
    for doc_pr in p.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
        out.append(doc_pr.get("descr") or "")
    return out


class _Styles(dict[str, str]):
    """Style names by id, and each paragraph style's outline level (1–9;
    through ``w:basedOn``)."""

    def __init__(self, document: DocxDocument) -> None:
        super().__init__({s.style_id: s.name for s in document.styles})
        root = document.styles.element
        own: dict[str, tuple[int | None, str | None]] = {}
        for st in root.findall(f"{_W}style"):
            lvl = st.find(f"{_W}pPr/{_W}outlineLvl")
            based = st.find(f"{_W}basedOn")
            own[st.get(f"{_W}styleId") or ""] = (
                _level(lvl), based.get(f"{_W}val") if based is not None else None)
        self.levels: dict[str, int] = {}
        for sid in own:
            seen, current = set(), sid
            while current in own and current not in seen:
                seen.add(current)
                level, current = own[current][0], own[current][1] or ""
                if level is not None:
                    if level:
                        self.levels[sid] = level
                    break


def _level(lvl: Any) -> int | None:
    """A ``w:outlineLvl`` as a heading level (1–9), 0 for body text, ``None`` when absent."""
    if lvl is None:
        return None
    value = lvl.get(f"{_W}val") or ""
    return int(value) + 1 if value.isdigit() and int(value) < 9 else 0


def heading_level(p: Any, styles: dict[str, str]) -> int:
    """The heading level (1–9) of paragraph ``p``, 0 when it is none: its
    style is "Heading N" or it has an outline level (its own or its style's)."""
    style = _style_name(p, styles)
    if style.startswith("Heading ") and style.split()[-1].isdigit():
        return int(style.split()[-1])
    direct = _level(p.find(f"{_W}pPr/{_W}outlineLvl"))
    if direct is not None:
        return direct
    ppr = p.find(f"{_W}pPr/{_W}pStyle")
    levels = getattr(styles, "levels", {})
    return levels.get(ppr.get(f"{_W}val"), 0) if ppr is not None else 0


def _paragraph_item(p: Any, styles: dict[str, str]) -> dict[str, Any] | None:
    text = _paragraph_text(p).strip()
    pictures = _pictures(p)
    style = _style_name(p, styles)
    if pictures:
        return {"bilde": pictures[0]}
    if not text:
        return None
    level = heading_level(p, styles)
    if level:
        return {f"h{level}": text}
    if style.casefold().startswith("toc ") and style[4:].isdigit():
        return {f"toc{style[4:]}": text}
    if style in ("Title", "SLT Forside tittel"):
        return {"tittel": text}
    if style in _LIST_STYLES:
        return {"punkt": text}
    if style in ("Normal", "SLT Tabelltekst"):
        return {"p": text}
    return {"p": text, "stil": style}


def _cell_lines(tc: Any, styles: dict[str, str]) -> str:
    lines = []
    for p in tc.iter(f"{_W}p"):
        item = _paragraph_item(p, styles)
        if item is None:
            continue
        key = next(iter(item))
        if "punkt" in item:
            lines.append(f"• {item['punkt']}")
        elif key[:1] == "h" and key[1:].isdigit():
            lines.append(f"{'#' * int(key[1:])} {item[key]}")
        else:
            lines.append(str(next(iter(item.values()))))
    return "\n".join(lines)


def _table_item(tbl: Any, styles: dict[str, str]) -> dict[str, Any]:
    rows_out: list[list[Any]] = []
    spans: dict[int, dict[str, Any]] = {}
    header_rows = 0
    for tr in tbl.findall(f"{_W}tr"):
        trpr = tr.find(f"{_W}trPr")
        if trpr is not None and trpr.find(f"{_W}tblHeader") is not None:
            header_rows += 1
        row: list[Any] = []
        col = 0
        for tc in tr.findall(f"{_W}tc"):
            tcpr = tc.find(f"{_W}tcPr")
            span = 1
            vmerge = None
            if tcpr is not None:
                gs = tcpr.find(f"{_W}gridSpan")
                if gs is not None:
                    span = int(gs.get(f"{_W}val"))
                vm = tcpr.find(f"{_W}vMerge")
                if vm is not None:
                    vmerge = vm.get(f"{_W}val") or "continue"
            text = _cell_lines(tc, styles)
            if vmerge == "continue" and col in spans:
                spans[col]["rader"] += 1
            else:
                cell: Any = text
                if span > 1 or vmerge == "restart":
                    cell = {"tekst": text}
                    if span > 1:
                        cell["kolonner"] = span
                    if vmerge == "restart":
                        cell["rader"] = 1
                        spans[col] = cell
                if vmerge != "restart":
                    spans.pop(col, None)
                row.append(cell)
            col += span
        rows_out.append(row)
    return {"tabell": {"overskriftsrader": header_rows, "rader": rows_out}}


def outline(docx: bytes) -> dict[str, Any]:
    """The document's properties, header and footer text, and body outline."""
    document = Document(io.BytesIO(docx))
    styles = _Styles(document)
    body: list[dict[str, Any]] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            item = _paragraph_item(child, styles)
            if item is not None:
                body.append(item)
        elif child.tag == qn("w:tbl"):
            body.append(_table_item(child, styles))
    props = document.core_properties
    section = document.sections[0]
    return {
        "egenskaper": {
            "tittel": props.title,
            "emne": props.subject,
            "forfatter": props.author,
            "spraak": props.language,
        },
        "topptekst": [_paragraph_text(p._p).strip() for p in section.header.paragraphs
                      if _paragraph_text(p._p).strip()],
        "innhold": body,
    }


def headings(docx: bytes) -> list[tuple[int, str]]:
    """Every heading of the body in reading order, table cells included, as
    (level, text)."""
    document = Document(io.BytesIO(docx))
    styles = _Styles(document)
    out = []
    for p in document.element.body.iter(f"{_W}p"):
        level = heading_level(p, styles)
        text = _paragraph_text(p).strip()
        if level and text:
            out.append((level, text))
    return out


def plain_text(docx: bytes) -> str:
    """All text of the body, paragraphs and table cells, one per line."""
    document = Document(io.BytesIO(docx))
    lines = []
    for p in document.element.body.iter(f"{_W}p"):
        text = _paragraph_text(p).strip()
        if text:
            lines.append(text)
    return "\n".join(lines)
