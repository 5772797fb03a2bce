"""A Word file read as a plain sequence of paragraphs and tables, safely.

This is the only module of the importer that knows Word's XML. It opens the
file through :func:`slt_docs.render.safety.clean_docx` (zip bombs, entity
declarations, macros, external content are refused before python-docx sees
the file) and returns, for every paragraph, what a reader of the page sees:
its text, whether it is bold, in capitals, large, a list item, a link, a
picture, a heading by style, or part of a table of contents. Tables come as
rows of cells on the table's grid, with vertically merged cells (``w:vMerge``)
carrying the text of the cell they continue.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from attrs import frozen
from docx import Document

from ..errors import SltError
from ..render.safety import MAX_FILE_BYTES, clean_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"

_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_SPACES = re.compile(r"[ \u00a0\u2007\u202f]+")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", f"{W}txbxContent",
            MC_FALLBACK}


@frozen(kw_only=True)
class Para:
    """One paragraph as a reader sees it.

    ``heading`` is 0 for a title and 1–9 for a heading *by style* (or outline
    level); direct formatting is told by ``bold`` (all of its text bold),
    ``caps``, ``size`` (the largest font size, in points) and ``lead`` (bold
    text it starts with when the rest is not bold: "Møteverksemd:").
    ``listed`` is a Word list item (list style or numbering); typed bullets
    ("- ") are left in ``text``. ``link`` is a web address the paragraph
    links to; ``picture`` the alt text of a picture; ``toc`` marks a line of
    a table of contents made by Word. ``number`` counts the paragraphs of the
    source from 1, tables included (for messages)."""

    text: str
    number: int
    style: str = ""
    heading: int | None = None
    bold: bool = False
    lead: str = ""
    caps: bool = False
    size: float | None = None
    listed: bool = False
    link: str | None = None
    link_text: str = ""
    picture: str | None = None
    toc: bool = False


@frozen(kw_only=True)
class Cell:
    """One table cell: its paragraphs, its first grid column and how many
    columns it spans; ``merged`` when it continues the cell above (its
    ``paras`` are then those of the cell where the merge starts)."""

    paras: tuple[Para, ...]
    column: int
    span: int = 1
    merged: bool = False

    @property
    def text(self) -> str:
        """The cell's paragraphs, one per line."""
        return "\n".join(p.text for p in self.paras if p.text)


@frozen(kw_only=True)
class Table:
    """A table: rows of cells (row by row, in grid order)."""

    rows: tuple[tuple[Cell, ...], ...]
    number: int

    @property
    def columns(self) -> int:
        """The number of grid columns."""
        return max((c.column + c.span for row in self.rows for c in row), default=0)


Block = Para | Table


@frozen(kw_only=True)
class SourceDocument:
    """A Word document read for import: its blocks in order and the title,
    language and author from its properties."""

    blocks: tuple[Block, ...]
    title: str = ""
    language: str = ""
    author: str = ""

    def paragraphs(self) -> Iterator[Para]:
        """Every paragraph, table cells included (merged cells once)."""
        for block in self.blocks:
            if isinstance(block, Para):
                yield block
            else:
                for row in block.rows:
                    for cell in row:
                        if not cell.merged:
                            yield from cell.paras


def read_docx(source: str | Path | bytes, name: str | None = None) -> SourceDocument:
    """Read a Word file (a path or its bytes) safely. Raises
    :class:`~slt_docs.errors.SltError` (a refusal names the file and the
    part) for anything that is not a harmless Word document."""
    if isinstance(source, bytes):
        data = source
        what = name or "Word-fila"
    else:
        path = Path(source)
        what = name or f"«{path}»"
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise SltError(f"{what}: fila er større enn {MAX_FILE_BYTES // (1024 * 1024)} MiB")
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise SltError(f"{what}: fila finnes ikke") from exc
        except IsADirectoryError as exc:
            raise SltError(f"{what}: er en mappe, ikke en Word-fil") from exc
        except OSError as exc:
            raise SltError(f"{what}: fila kan ikke leses ({exc.strerror})") from exc
    clean = clean_docx(data, what)
    try:
        document = Document(io.BytesIO(clean.data))
        return _Reader(document).read()
    except SltError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a broken file
        raise SltError(f"{what}: fila kan ikke leses som et Word-dokument (.docx)") from exc


@frozen
class _StyleInfo:
    name: str
    bold: bool | None
    caps: bool | None
    size: float | None
    outline: int | None
    numbered: bool


def _on(el: Any) -> bool | None:
    """A Word on/off property (``<w:b/>``, ``<w:b w:val="0"/>``)."""
    if el is None:
        return None
    return el.get(f"{W}val", "true").lower() not in ("0", "false", "off", "none")


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.part = document.part
        self.styles = self._styles()
        self.counter = 0
        self.field_stack: list[str] = []

    # -- styles ------------------------------------------------------------
    def _styles(self) -> dict[str, _StyleInfo]:
        raw: dict[str, tuple[Any, str | None]] = {}
        root = self.document.styles.element
        for st in root.findall(f"{W}style"):
            based = st.find(f"{W}basedOn")
            raw[st.get(f"{W}styleId") or ""] = (st, based.get(f"{W}val") if based is not None
                                                 else None)
        names = {s.style_id: s.name or s.style_id for s in self.document.styles}

        def prop(style_id: str | None, getter: Any, depth: int = 0) -> Any:
            if not style_id or style_id not in raw or depth > 20:
                return None
            st, based = raw[style_id]
            value = getter(st)
            return value if value is not None else prop(based, getter, depth + 1)

        def bold(st: Any) -> bool | None:
            return _on(st.find(f"{W}rPr/{W}b"))

        def caps(st: Any) -> bool | None:
            return _on(st.find(f"{W}rPr/{W}caps"))

        def size(st: Any) -> float | None:
            sz = st.find(f"{W}rPr/{W}sz")
            return int(sz.get(f"{W}val")) / 2 if sz is not None and sz.get(f"{W}val",
                                                                            "").isdigit() else None

        def outline(st: Any) -> int | None:
            lvl = st.find(f"{W}pPr/{W}outlineLvl")
            return int(lvl.get(f"{W}val")) if lvl is not None and lvl.get(f"{W}val",
                                                                          "").isdigit() else None

        def numbered(st: Any) -> bool | None:
            num = st.find(f"{W}pPr/{W}numPr/{W}numId")
            return (num.get(f"{W}val") != "0") if num is not None else None

        return {sid: _StyleInfo(name=names.get(sid, sid), bold=prop(sid, bold),
                                caps=prop(sid, caps), size=prop(sid, size),
                                outline=prop(sid, outline), numbered=bool(prop(sid, numbered)))
                for sid in raw}

    # -- document ----------------------------------------------------------
    def read(self) -> SourceDocument:
        body = self.document.element.body
        blocks = list(self._blocks(body, in_toc=False))
        props = self.document.core_properties
        return SourceDocument(blocks=tuple(blocks), title=props.title or "",
                              language=props.language or "", author=props.author or "")

    def _blocks(self, parent: Any, in_toc: bool) -> Iterator[Block]:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == f"{W}p":
                yield self._para(child, in_toc)
                yield from self._text_boxes(child, in_toc)
            elif tag == f"{W}tbl":
                yield self._table(child)
            elif tag == f"{W}sdt":
                gallery = child.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
                toc = in_toc or (gallery is not None and "contents" in
                                 (gallery.get(f"{W}val") or "").lower())
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    yield from self._blocks(content, toc)
            elif tag in (f"{W}customXml", f"{W}ins", f"{W}smartTag"):
                yield from self._blocks(child, in_toc)

    def _text_boxes(self, p: Any, in_toc: bool) -> Iterator[Block]:
        """The paragraphs and tables of text boxes anchored in ``p`` (a cover's
        title often stands in one), after it; Word's fallback copy skipped."""
        for box in p.iter(f"{W}txbxContent"):
            if any(a.tag in (MC_FALLBACK, f"{W}txbxContent") for a in box.iterancestors()):
                continue
            yield from self._blocks(box, in_toc)

    # -- paragraphs --------------------------------------------------------
    def _para(self, p: Any, in_toc: bool) -> Para:
        self.counter += 1
        ppr = p.find(f"{W}pPr")
        style_id = None
        listed = False
        outline = None
        if ppr is not None:
            ps = ppr.find(f"{W}pStyle")
            style_id = ps.get(f"{W}val") if ps is not None else None
            num = ppr.find(f"{W}numPr/{W}numId")
            listed = num is not None and num.get(f"{W}val") != "0"
            lvl = ppr.find(f"{W}outlineLvl")
            if lvl is not None and (lvl.get(f"{W}val") or "").isdigit():
                outline = int(lvl.get(f"{W}val"))
        style = self.styles.get(style_id or "") or self.styles.get(self._default_style())
        name = style.name if style else ""
        lower = name.lower()
        listed = listed or bool(style and style.numbered) or "list" in lower or "liste" in lower
        heading = _heading_level(lower, outline if outline is not None else
                                 (style.outline if style else None))
        toc = in_toc or lower.startswith(("toc ", "innh")) or lower == "toc heading"

        pieces: list[tuple[str, bool, bool, float | None]] = []
        links: list[tuple[str, str]] = []
        pictures: list[str] = []
        for kind, value, run in self._runs(p, in_toc):
            if kind == "toc":
                toc = True
                continue
            if kind == "picture":
                pictures.append(value)
                continue
            if kind == "link":
                links.append(value)
                continue
            rpr = run.find(f"{W}rPr") if run is not None else None
            bold, caps, size = self._run_format(rpr, style)
            pieces.append((value, bold, caps, size))
        text = _clean("".join(t for t, *_ in pieces))
        visible = [(t, b, c, s) for t, b, c, s in pieces if t.strip()]
        all_bold = bool(visible) and all(b for _, b, _, _ in visible)
        caps = bool(visible) and all(c for _, _, c, _ in visible)
        sizes = [s for *_, s in visible if s]
        lead = ""
        if visible and not all_bold and visible[0][1]:
            lead_parts = []
            for t, b, *_ in pieces:
                if t.strip() and not b:
                    break
                lead_parts.append(t)
            lead = _clean("".join(lead_parts))
        link = links[0][0] if links else None
        link_text = _clean(links[0][1]) if links else ""
        return Para(text=text, number=self.counter, style=name, heading=heading, bold=all_bold,
                    lead=lead, caps=caps, size=max(sizes) if sizes else None, listed=listed,
                    link=link, link_text=link_text,
                    picture=pictures[0] if pictures and not text else None, toc=toc)

    def _default_style(self) -> str:
        for sid, info in self.styles.items():
            if info.name.lower() == "normal":
                return sid
        return ""

    def _run_format(self, rpr: Any, style: _StyleInfo | None) -> tuple[bool, bool, float | None]:
        char_style = None
        if rpr is not None:
            rs = rpr.find(f"{W}rStyle")
            if rs is not None:
                char_style = self.styles.get(rs.get(f"{W}val") or "")

        def pick(direct: Any, attr: str) -> Any:
            if direct is not None:
                return direct
            if char_style is not None and getattr(char_style, attr) is not None:
                return getattr(char_style, attr)
            return getattr(style, attr) if style is not None else None

        bold = pick(_on(rpr.find(f"{W}b")) if rpr is not None else None, "bold")
        caps = pick(_on(rpr.find(f"{W}caps")) if rpr is not None else None, "caps")
        size = None
        if rpr is not None:
            sz = rpr.find(f"{W}sz")
            if sz is not None and (sz.get(f"{W}val") or "").isdigit():
                size = int(sz.get(f"{W}val")) / 2
        size = pick(size, "size")
        return bool(bold), bool(caps), size

    def _runs(self, p: Any, in_toc: bool) -> Iterator[tuple[str, Any, Any]]:
        """(kind, value, run) for the paragraph's content in order: text
        pieces ("text"), pictures ("picture", alt text), links ("link",
        (url, text)), and "toc" when a TOC field starts here."""
        for el in p.iter():
            tag = el.tag
            if _skipped(el.getparent() if tag == f"{W}instrText" else el, p):
                continue
            if tag == f"{W}fldChar":
                kind = el.get(f"{W}fldCharType")
                if kind == "begin":
                    self.field_stack.append("")
                elif kind == "end" and self.field_stack:
                    self.field_stack.pop()
                continue
            if tag == f"{W}instrText":
                if self.field_stack:
                    self.field_stack[-1] += (el.text or "")
                    instr = self.field_stack[-1].strip().upper()
                    if instr.startswith("TOC"):
                        yield "toc", "", None
                    elif instr.startswith("HYPERLINK"):
                        m = re.search(r'"([^"]+)"', self.field_stack[-1])
                        if m:
                            yield "link", (m.group(1), ""), None
                continue
            if tag == f"{W}fldSimple":
                instr = (el.get(f"{W}instr") or "").strip().upper()
                if instr.startswith("TOC"):
                    yield "toc", "", None
            elif tag == f"{W}hyperlink":
                rid = el.get(R_ID)
                if rid and rid in self.part.rels:
                    rel = self.part.rels[rid]
                    if rel.is_external:
                        text = "".join(t.text or "" for t in el.iter(f"{W}t"))
                        yield "link", (rel.target_ref, text), None
            elif tag == f"{W}t":
                if any(f.strip().upper().startswith("TOC") for f in self.field_stack):
                    yield "toc", "", None
                yield "text", el.text or "", _run_of(el)
            elif tag == f"{W}tab":
                if el.getparent() is not None and el.getparent().tag == f"{W}r":
                    yield "text", "\t", _run_of(el)
            elif tag in (f"{W}br", f"{W}cr"):
                if el.get(f"{W}type") not in ("page", "column"):
                    yield "text", "\n", _run_of(el)
            elif tag == f"{W}noBreakHyphen":
                yield "text", "-", _run_of(el)
            elif tag == WP_DOCPR:
                yield "picture", el.get("descr") or el.get("title") or "", None
            elif tag == V_IMAGEDATA:
                yield "picture", el.get("{urn:schemas-microsoft-com:office:office}title") or "", \
                    None

    # -- tables ------------------------------------------------------------
    def _table(self, tbl: Any) -> Table:
        number = self.counter + 1
        rows: list[tuple[Cell, ...]] = []
        open_merges: dict[int, tuple[Para, ...]] = {}
        for tr in tbl.findall(f"{W}tr"):
            column = 0
            trpr = tr.find(f"{W}trPr")
            if trpr is not None:
                before = trpr.find(f"{W}gridBefore")
                if before is not None and (before.get(f"{W}val") or "").isdigit():
                    column = int(before.get(f"{W}val"))
            cells: list[Cell] = []
            for tc in _cells(tr):
                tcpr = tc.find(f"{W}tcPr")
                span = 1
                vmerge: str | None = None
                if tcpr is not None:
                    gs = tcpr.find(f"{W}gridSpan")
                    if gs is not None and (gs.get(f"{W}val") or "").isdigit():
                        span = max(1, int(gs.get(f"{W}val")))
                    vm = tcpr.find(f"{W}vMerge")
                    if vm is not None:
                        vmerge = vm.get(f"{W}val") or "continue"
                paras = tuple(self._cell_paras(tc))
                if vmerge == "continue" and column in open_merges:
                    cells.append(Cell(paras=open_merges[column], column=column, span=span,
                                      merged=True))
                else:
                    if vmerge == "restart":
                        open_merges[column] = paras
                    else:
                        open_merges.pop(column, None)
                    cells.append(Cell(paras=paras, column=column, span=span))
                column += span
            rows.append(tuple(cells))
        return Table(rows=tuple(rows), number=number)

    def _cell_paras(self, tc: Any) -> Iterator[Para]:
        for child in tc.iterchildren():
            if child.tag == f"{W}p":
                para = self._para(child, in_toc=False)
                if para.text or para.picture:
                    yield para
            elif child.tag == f"{W}tbl":  # a table inside a cell: its text, row by row
                inner = self._table(child)
                for row in inner.rows:
                    for cell in row:
                        if not cell.merged:
                            yield from cell.paras
            elif child.tag in (f"{W}sdt", f"{W}customXml"):
                content = child.find(f"{W}sdtContent")
                yield from self._cell_paras(content if content is not None else child)


def _cells(tr: Any) -> Iterator[Any]:
    for child in tr.iterchildren():
        if child.tag == f"{W}tc":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent")
            yield from _cells(content if content is not None else child)


def _run_of(el: Any) -> Any:
    parent = el.getparent()
    return parent if parent is not None and parent.tag == f"{W}r" else None


def _skipped(el: Any, paragraph: Any) -> bool:
    """True for content that is not the paragraph's own text: deleted or
    moved-away text (tracked changes), text boxes anchored in it (read as
    paragraphs of their own) and Word's fallback copies."""
    node = el
    while node is not None and node is not paragraph:
        if node.tag in _SKIPPED:
            return True
        node = node.getparent()
    return False


def _heading_level(style_name: str, outline: int | None) -> int | None:
    if style_name in ("title", "tittel"):
        return 0
    m = re.match(r"^(heading|overskrift)\s*(\d)$", style_name)
    if m:
        return int(m.group(2))
    if outline is not None and 0 <= outline < 9:
        return outline + 1
    return None


def _clean(text: str) -> str:
    """Invisible characters out, runs of spaces as one, lines trimmed."""
    text = _INVISIBLE.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()
