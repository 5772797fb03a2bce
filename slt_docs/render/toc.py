"""The table of contents written into the .docx, so that Word shows it at
once and asks no question when the document is opened.

Word keeps a TOC field's last result in the document and shows it as it is.
:func:`fill_toc` writes that result the way Word itself does for
``TOC \\o "1-2" \\h \\z \\u``: one ``toc 1`` / ``toc 2`` paragraph per heading
(the outline levels the ``\\o`` switch names, from the heading styles or the
paragraph itself), a hidden ``_Toc…`` bookmark on each heading, the entry as
an internal hyperlink to it, a right tab with a dot leader and the page
number as a ``PAGEREF`` field. The field codes stay balanced (begin,
instruction, separate, result, end), so F9 in Word updates the list as usual.

The page numbers come from LibreOffice's layout (:func:`toc_pages`, through
an :class:`~slt_docs.render.office.OfficeSession`); without LibreOffice the
entries are written without page numbers. LibreOffice only reads the
document — the .docx we write is always our own.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from typing import TYPE_CHECKING

from attrs import frozen
from lxml import etree

from .package import normalize_zip

if TYPE_CHECKING:
    from .office import OfficeSession, TocLine

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W_NS}
DOCUMENT = "word/document.xml"
STYLES = "word/styles.xml"
DEFAULT_TEXT_WIDTH = 9026
"""Twips between the margins of an A4 page with 2.54 cm margins (when the
document says nothing)."""


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


@frozen
class TocEntry:
    """One heading listed in the table of contents."""

    level: int
    text: str
    bookmark: str


def has_toc(docx: bytes) -> bool:
    """True when the document's body holds a TOC field."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        if DOCUMENT not in z.namelist():
            return False
        root = etree.fromstring(z.read(DOCUMENT))
    return _find_field(root) is not None


def fill_toc(docx: bytes, pages: Sequence[str | None] | None = None) -> bytes:
    """The document with its TOC field's result written out: an entry for
    every heading, with ``pages[i]`` as the i-th entry's page number (none
    when ``pages`` is None or the number is unknown). Returns the bytes
    unchanged when the document has no TOC field."""
    return _fill(docx, pages)[0]


def table_of_contents(docx: bytes, office: OfficeSession | None = None,
                      name: str = "dokument.docx") -> bytes:
    """The document with its table of contents filled: with the page numbers
    of LibreOffice's layout when ``office`` is given, else without page
    numbers. ``name`` names the document in error messages."""
    filled, entries = _fill(docx, None)
    if office is None or not entries:
        return filled
    return _fill(docx, toc_pages(office, filled, entries, name))[0]


def _fill(docx: bytes, pages: Sequence[str | None] | None) -> tuple[bytes, list[TocEntry]]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        names = set(z.namelist())
        if DOCUMENT not in names:
            return docx, []
        xml = z.read(DOCUMENT)
        if b"TOC" not in xml:
            return docx, []
        root = etree.fromstring(xml)
        field = _find_field(root)
        if field is None:
            return docx, []
        styles = etree.fromstring(z.read(STYLES)) if STYLES in names else None
    entries = _mark_headings(root, field, styles)
    style_ids = _toc_styles(styles, max((e.level for e in entries), default=1))
    _write_result(root, field, entries, list(pages) if pages is not None else [], style_ids)
    changed = {DOCUMENT: etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                        standalone=True)}
    if styles is not None:
        changed[STYLES] = etree.tostring(styles, xml_declaration=True, encoding="UTF-8",
                                         standalone=True)
    return normalize_zip(docx, changed), entries


def toc_entries(docx: bytes) -> list[TocEntry]:
    """The headings a filled table of contents lists, in order."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        root = etree.fromstring(z.read(DOCUMENT))
        styles = etree.fromstring(z.read(STYLES)) if STYLES in z.namelist() else None
    field = _find_field(root)
    return [] if field is None else _mark_headings(root, field, styles)


def toc_pages(office: OfficeSession, docx: bytes, entries: Sequence[TocEntry],
              name: str = "dokument.docx") -> list[str | None]:
    """The page of each entry in LibreOffice's layout of ``docx`` (a document
    whose TOC is already filled without page numbers)."""
    return match_pages(entries, office.toc_lines_for(docx, name))


def match_pages(entries: Sequence[TocEntry], lines: Sequence[TocLine]) -> list[str | None]:
    """Pair our entries with LibreOffice's TOC lines by text, in order
    (LibreOffice may list a line we do not, never the other way round)."""
    pages: list[str | None] = []
    j = 0
    for entry in entries:
        want = _norm(entry.text)
        k = j
        while k < len(lines) and not _same(_norm(lines[k].text), want):
            k += 1
        if k < len(lines):
            page = lines[k].page.strip()
            pages.append(page if page.isdigit() or re.fullmatch(r"[ivxlcdm]+", page) else None)
            j = k + 1
        else:
            pages.append(None)
    return pages


def _same(theirs: str, ours: str) -> bool:
    """The same heading (LibreOffice puts a list number in front of a numbered one)."""
    return theirs == ours or (theirs.endswith(ours) and bool(ours))


def _norm(text: str) -> str:
    text = text.replace("\u2060", "").replace("\u00ad", "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


# -- finding the field and the headings ----------------------------------------

@frozen
class _Field:
    """A TOC field: the paragraphs it starts and ends in, its runs."""

    begin_p: etree._Element
    end_p: etree._Element
    begin: etree._Element  # the run holding fldChar begin
    end: etree._Element  # the run holding fldChar end
    code: list[etree._Element]  # runs from begin to separate, inclusive
    instruction: str


def _fld_type(run: etree._Element) -> str | None:
    fld = run.find(_w("fldChar"))
    return fld.get(_w("fldCharType")) if fld is not None else None


def _find_field(root: etree._Element) -> _Field | None:
    """The first TOC field in the body, when its runs and paragraphs are
    ones we can rewrite (begin and end paragraphs share a parent)."""
    body = root.find(_w("body"))
    if body is None:
        return None
    runs = list(body.iter(_w("r")))
    for i, run in enumerate(runs):
        if _fld_type(run) != "begin":
            continue
        depth, code, instr, sep_seen = 0, [], [], False
        for other in runs[i:]:
            kind = _fld_type(other)
            if kind == "begin":
                depth += 1
            elif kind == "end":
                depth -= 1
            if depth == 1 and not sep_seen:
                code.append(other)
                instr += [t.text or "" for t in other.iter(_w("instrText"))]
                if kind == "separate":
                    sep_seen = True
            if depth == 0:
                instruction = "".join(instr).strip()
                if not re.match(r"TOC\b", instruction) or not sep_seen:
                    break
                begin_p, end_p = run.getparent(), other.getparent()
                while begin_p is not None and begin_p.tag != _w("p"):
                    begin_p = begin_p.getparent()
                while end_p is not None and end_p.tag != _w("p"):
                    end_p = end_p.getparent()
                if begin_p is None or end_p is None or \
                        begin_p.getparent() is not end_p.getparent() or \
                        run.getparent() is not begin_p or other.getparent() is not end_p:
                    return None
                return _Field(begin_p=begin_p, end_p=end_p, begin=run, end=other, code=code,
                              instruction=instruction)
    return None


def _levels(instruction: str) -> tuple[int, int]:
    m = re.search(r'\\o\s+"?(\d)\s*-\s*(\d)"?', instruction)
    return (int(m.group(1)), int(m.group(2))) if m else (1, 9)


def _style_levels(styles: etree._Element | None) -> tuple[dict[str, int], str]:
    """Each paragraph style's outline level (0-based; 9 = body text), through
    ``basedOn``; and the default paragraph style's id."""
    if styles is None:
        return {}, "Normal"
    own: dict[str, int | None] = {}
    based: dict[str, str] = {}
    default = "Normal"
    for st in styles.findall(_w("style")):
        if st.get(_w("type")) != "paragraph":
            continue
        sid = st.get(_w("styleId")) or ""
        lvl = st.find(f"{_w('pPr')}/{_w('outlineLvl')}")
        own[sid] = int(lvl.get(_w("val"))) if lvl is not None else None
        base = st.find(_w("basedOn"))
        if base is not None:
            based[sid] = base.get(_w("val")) or ""
        if st.get(_w("default")) in ("1", "true", "on"):
            default = sid
    result: dict[str, int] = {}
    for sid in own:
        seen, cur, level = set(), sid, None
        while cur in own and cur not in seen:
            seen.add(cur)
            if own[cur] is not None:
                level = own[cur]
                break
            cur = based.get(cur, "")
        result[sid] = 9 if level is None else level
    return result, default


def _text(p: etree._Element) -> str:
    parts = []
    for node in p.iter(_w("t"), _w("tab")):
        parts.append(" " if node.tag == _w("tab") else node.text or "")
    return _norm("".join(parts))


def _mark_headings(root: etree._Element, field: _Field,
                   styles: etree._Element | None) -> list[TocEntry]:
    """The headings the field lists, each given a ``_Toc`` bookmark (kept
    when it has one)."""
    low, high = _levels(field.instruction)
    levels, default = _style_levels(styles)
    body = root.find(_w("body"))
    assert body is not None
    inside = set()
    node = field.begin_p
    while node is not None:
        inside.add(node)
        if node is field.end_p:
            break
        node = node.getnext()
    names = {b.get(_w("name")) for b in root.iter(_w("bookmarkStart"))}
    ids = [int(b.get(_w("id"))) for b in root.iter(_w("bookmarkStart"))
           if (b.get(_w("id")) or "").lstrip("-").isdigit()]
    next_id = max(ids, default=0) + 1
    serial = 0
    entries: list[TocEntry] = []
    for p in body.iter(_w("p")):
        if p in inside or any(a in inside for a in p.iterancestors(_w("p"))):
            continue
        ppr = p.find(_w("pPr"))
        direct = ppr.find(_w("outlineLvl")) if ppr is not None else None
        if direct is not None:
            level = int(direct.get(_w("val")) or 9)
        else:
            style = ppr.find(_w("pStyle")) if ppr is not None else None
            sid = style.get(_w("val")) if style is not None else default
            level = levels.get(sid or default, 9)
        if not low <= level + 1 <= high:
            continue
        text = _text(p)
        if not text:
            continue
        existing = [b.get(_w("name")) for b in p.findall(_w("bookmarkStart"))
                    if (b.get(_w("name")) or "").startswith("_Toc")]
        if existing:
            name = existing[0]
        else:
            serial += 1
            name = f"_Toc{100000000 + serial}"
            while name in names:
                serial += 1
                name = f"_Toc{100000000 + serial}"
            names.add(name)
            start = etree.Element(_w("bookmarkStart"))
            start.set(_w("id"), str(next_id))
            start.set(_w("name"), name)
            end = etree.Element(_w("bookmarkEnd"))
            end.set(_w("id"), str(next_id))
            next_id += 1
            if ppr is not None:
                ppr.addnext(start)
            else:
                p.insert(0, start)
            p.append(end)
        entries.append(TocEntry(level=level + 1, text=text, bookmark=name))
    return entries


# -- writing the result --------------------------------------------------------

def _toc_styles(styles: etree._Element | None, deepest: int) -> dict[int, str]:
    """The style id of ``toc N`` for each level, added when the document lacks it."""
    ids: dict[int, str] = {}
    if styles is None:
        return {n: f"TOC{n}" for n in range(1, deepest + 1)}
    _, default = _style_levels(styles)
    taken = {st.get(_w("styleId")) for st in styles.findall(_w("style"))}
    by_name = {}
    for st in styles.findall(_w("style")):
        name = st.find(_w("name"))
        if st.get(_w("type")) == "paragraph" and name is not None:
            by_name[(name.get(_w("val")) or "").casefold()] = st.get(_w("styleId"))
    for n in range(1, deepest + 1):
        found = by_name.get(f"toc {n}")
        if found:
            ids[n] = found
            continue
        sid = f"TOC{n}"
        while sid in taken:
            sid += "x"
        taken.add(sid)
        style = etree.SubElement(styles, _w("style"))
        style.set(_w("type"), "paragraph")
        style.set(_w("styleId"), sid)
        for tag, val in (("name", f"toc {n}"), ("basedOn", default), ("next", default),
                         ("uiPriority", "39")):
            etree.SubElement(style, _w(tag)).set(_w("val"), val)
        etree.SubElement(style, _w("unhideWhenUsed"))
        ppr = etree.SubElement(style, _w("pPr"))
        etree.SubElement(ppr, _w("spacing")).set(_w("after"), "100")
        if n > 1:
            etree.SubElement(ppr, _w("ind")).set(_w("left"), str(220 * (n - 1)))
        ids[n] = sid
    return ids


def _text_width(root: etree._Element, after: etree._Element) -> int:
    """Twips between the margins of the section that holds ``after``."""
    sect = None
    node = after
    while node is not None:
        found = node.find(f"{_w('pPr')}/{_w('sectPr')}") if node.tag == _w("p") else None
        if found is not None:
            sect = found
            break
        node = node.getnext()
    if sect is None:
        body = root.find(_w("body"))
        sect = body.find(_w("sectPr")) if body is not None else None
    if sect is None:
        return DEFAULT_TEXT_WIDTH
    size, margin = sect.find(_w("pgSz")), sect.find(_w("pgMar"))
    try:
        width = int(size.get(_w("w"))) if size is not None else 11906
        if margin is None:
            return width - 2 * 1440
        left = int(margin.get(_w("left")) or 1440)
        right = int(margin.get(_w("right")) or 1440)
        gutter = int(margin.get(_w("gutter")) or 0)
    except ValueError:
        return DEFAULT_TEXT_WIDTH
    return max(width - left - right - gutter, 1440)


def _run(*children: etree._Element, hidden: bool = True) -> etree._Element:
    """A run with ``noProof`` (and ``webHidden`` for the tab and page number)."""
    r = etree.Element(_w("r"))
    rpr = etree.SubElement(r, _w("rPr"))
    etree.SubElement(rpr, _w("noProof"))
    if hidden:
        etree.SubElement(rpr, _w("webHidden"))
    for child in children:
        r.append(child)
    return r


def _el(tag: str, **attrs: str) -> etree._Element:
    el = etree.Element(_w(tag))
    for key, value in attrs.items():
        if key == "space":
            el.set("{http://www.w3.org/XML/1998/namespace}space", value)
        else:
            el.set(_w(key), value)
    return el


def _text_el(tag: str, text: str) -> etree._Element:
    el = _el(tag, space="preserve")
    el.text = text
    return el


def _entry_paragraph(entry: TocEntry, page: str | None, style: str, width: int) -> etree._Element:
    p = etree.Element(_w("p"))
    ppr = etree.SubElement(p, _w("pPr"))
    etree.SubElement(ppr, _w("pStyle")).set(_w("val"), style)
    tabs = etree.SubElement(ppr, _w("tabs"))
    tabs.append(_el("tab", val="right", leader="dot", pos=str(width)))
    etree.SubElement(etree.SubElement(ppr, _w("rPr")), _w("noProof"))
    link = etree.SubElement(p, _w("hyperlink"))
    link.set(_w("anchor"), entry.bookmark)
    link.set(_w("history"), "1")
    link.append(_run(_text_el("t", entry.text), hidden=False))
    if page:
        link.append(_run(_el("tab")))
        link.append(_run(_el("fldChar", fldCharType="begin")))
        link.append(_run(_text_el("instrText", f" PAGEREF {entry.bookmark} \\h ")))
        link.append(_run(_el("fldChar", fldCharType="separate")))
        link.append(_run(_text_el("t", page)))
        link.append(_run(_el("fldChar", fldCharType="end")))
    return p


def _write_result(root: etree._Element, field: _Field, entries: Sequence[TocEntry],
                  pages: Sequence[str | None], styles: dict[int, str]) -> None:
    """Replace the paragraphs from the field's begin to its end with one
    paragraph per entry; the field's code opens the first, its end closes
    the last. What stood before the field in its first paragraph and after
    it in its last stays there."""
    begin_fld = field.begin.find(_w("fldChar"))
    if begin_fld is not None and begin_fld.get(_w("dirty")) is not None:
        del begin_fld.attrib[_w("dirty")]  # a dirty field makes Word ask to update it
    width = _text_width(root, field.end_p)
    before = [el for el in field.begin_p if el is not field.begin and
              el.tag != _w("pPr") and _precedes(el, field.begin)]
    after = [el for el in field.end_p if el is not field.end and _precedes(field.end, el)]
    paragraphs = [_entry_paragraph(e, pages[i] if i < len(pages) else None,
                                   styles.get(e.level, styles[min(styles)]), width)
                  for i, e in enumerate(entries)]
    if not paragraphs:
        p = etree.Element(_w("p"))
        paragraphs = [p]
    first, last = paragraphs[0], paragraphs[-1]
    anchor = first.find(_w("pPr"))
    position = 0 if anchor is None else 1
    for el in [*before, *field.code]:
        first.insert(position, el)
        position += 1
    last.append(field.end)
    for el in after:
        last.append(el)
    parent = field.begin_p.getparent()
    index = parent.index(field.begin_p)
    node = field.begin_p
    old = []
    while node is not None:
        old.append(node)
        if node is field.end_p:
            break
        node = node.getnext()
    for node in old:
        parent.remove(node)
    for offset, p in enumerate(paragraphs):
        parent.insert(index + offset, p)


def _precedes(a: etree._Element, b: etree._Element) -> bool:
    parent = a.getparent()
    return parent is b.getparent() and parent.index(a) < parent.index(b)
