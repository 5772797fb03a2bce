"""Text contrast of a Word document, as WCAG 2.1 (1.4.3) measures it.

Every paragraph of the body, headers and footers is looked at as a reader
sees it: the colour of its text (the run's own colour, its character style,
the paragraph style, a table style's conditional formatting, the document
defaults; theme colours resolved) against its background (the paragraph's
shading, the cell's, the table style's band for a header row or first
column, else white). Styles a document does not use yet (a profile
document's "Subtitle", which our templates use) are checked on their own on
white when given by name. Contrast below :data:`MINIMUM` (4.5:1, WCAG AA for
body text) is a problem; ``slt-docs mal kontroller`` warns about it and the
tests hold the shipped templates and example profiles to it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from attrs import frozen
from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from .profile import THEME_NAMES, shade_color, theme_colors

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MINIMUM = 4.5
"""The least contrast ratio for text (WCAG 2.1 AA, 1.4.3)."""
WHITE = "FFFFFF"


@frozen
class ContrastProblem:
    """Text in ``style`` (and ``where``: a part and its first words) of colour
    ``text`` on ``background``, with its contrast ``ratio``."""

    style: str
    where: str
    text: str
    background: str
    ratio: float

    def __str__(self) -> str:
        return (f"stilen «{self.style}» ({self.where}): tekstfargen #{self.text} på "
                f"#{self.background} har kontrast {self.ratio:.1f}:1, under {MINIMUM}:1")


def _luminance(value: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(text: str, background: str) -> float:
    """The WCAG contrast ratio of two colours given as ``RRGGBB``."""
    a, b = sorted((_luminance(text), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


class _Styles:
    """Colour look-ups through a document's styles and theme."""

    def __init__(self, doc: DocxDocument) -> None:
        self.root = doc.styles.element
        self.theme = theme_colors(doc)
        self.by_id = {s.get(f"{W}styleId"): s for s in self.root.findall(f"{W}style")}
        self.default_para = next((s for s in self.root.findall(f"{W}style")
                                  if s.get(f"{W}type") == "paragraph"
                                  and s.get(f"{W}default") == "1"), None)

    def name(self, style: etree._Element | None) -> str:
        if style is None:
            return "Normal"
        el = style.find(f"{W}name")
        return el.get(f"{W}val") if el is not None else style.get(f"{W}styleId") or ""

    def chain(self, style: etree._Element | None) -> Iterator[etree._Element]:
        seen: set[str] = set()
        while style is not None:
            yield style
            based = style.find(f"{W}basedOn")
            ref = based.get(f"{W}val") if based is not None else None
            if not ref or ref in seen:
                return
            seen.add(ref)
            style = self.by_id.get(ref)

    def _hex(self, el: etree._Element | None, value: str, theme: str, adjust: str) -> str | None:
        """``el``'s colour attribute ``value``, or its theme colour ``theme``
        with the ``adjust``Shade / ``adjust``Tint attributes, as hex; ``None``
        for "auto" or none."""
        if el is None:
            return None
        name = el.get(f"{W}{theme}")
        if name and self.theme.get(THEME_NAMES.get(name, name)):
            return shade_color(self.theme[THEME_NAMES.get(name, name)],
                               el.get(f"{W}{adjust}Shade"), el.get(f"{W}{adjust}Tint"))
        found = (el.get(f"{W}{value}") or "").upper()
        return found if len(found) == 6 and found != "AUTO" else None

    def color(self, el: etree._Element | None) -> str | None:
        """A ``w:color`` as hex."""
        return self._hex(el, "val", "themeColor", "theme")

    def fill(self, shd: etree._Element | None) -> str | None:
        """A ``w:shd`` fill as hex."""
        return self._hex(shd, "fill", "themeFill", "themeFill")

    def style_color(self, style: etree._Element | None) -> str | None:
        for s in self.chain(style):
            found = self.color(s.find(f"{W}rPr/{W}color"))
            if found:
                return found
        return None

    def style_fill(self, style: etree._Element | None) -> str | None:
        for s in self.chain(style):
            found = self.fill(s.find(f"{W}pPr/{W}shd"))
            if found:
                return found
        return None

    def default_color(self) -> str:
        el = self.root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}color")
        return self.color(el) or "000000"


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t")).strip()


def _table_context(styles: _Styles, p: etree._Element) -> tuple[str | None, str | None]:
    """Text colour and background a table gives the paragraph ``p`` (cell
    shading, or the table style's first-row / first-column formatting)."""
    tc = next(p.iterancestors(f"{W}tc"), None)
    if tc is None:
        return None, None
    fill = styles.fill(tc.find(f"{W}tcPr/{W}shd"))
    tr, tbl = tc.getparent(), next(tc.iterancestors(f"{W}tbl"), None)
    if tbl is None or tr is None:
        return None, fill
    ref = tbl.find(f"{W}tblPr/{W}tblStyle")
    style = styles.by_id.get(ref.get(f"{W}val")) if ref is not None else None
    look = tbl.find(f"{W}tblPr/{W}tblLook")

    def on(attr: str, bit: int) -> bool:
        if look is None:
            return False
        if look.get(f"{W}{attr}") is not None:
            return look.get(f"{W}{attr}") in ("1", "true", "on")
        return bool(int(look.get(f"{W}val") or "0", 16) & bit)

    kinds = []
    rows = tbl.findall(f"{W}tr")
    if on("firstColumn", 0x0080) and tr.index(tc) == (1 if tr.find(f"{W}trPr") is not None
                                                       else 0):
        kinds.append("firstCol")
    header = tr.find(f"{W}trPr/{W}tblHeader") is not None
    if on("firstRow", 0x0020) and (rows and (tr is rows[0] or header)):
        kinds.append("firstRow")
    color = band = None
    for kind in kinds:  # firstRow is applied after firstCol: it wins
        for s in styles.chain(style):
            cond = s.find(f"{W}tblStylePr[@{W}type='{kind}']")
            if cond is not None:
                color = styles.color(cond.find(f"{W}rPr/{W}color")) or color
                band = styles.fill(cond.find(f"{W}tcPr/{W}shd")) or band
                break
    return color, fill or band


def _parts(doc: DocxDocument) -> Iterator[tuple[str, etree._Element]]:
    yield "dokumentet", doc.element.body
    for rel in doc.part.rels.values():
        if not rel.is_external and rel.reltype in (RT.HEADER, RT.FOOTER):
            kind = "topptekst" if rel.reltype == RT.HEADER else "bunntekst"
            yield kind, rel.target_part.element


def contrast_problems(data: bytes, style_names: Iterable[str] = (),
                      minimum: float = MINIMUM) -> list[ContrastProblem]:
    """Text in the document ``data`` (.docx bytes) with too little contrast,
    and styles named in ``style_names`` whose text is too pale on white."""
    doc = Document(io.BytesIO(data))
    styles = _Styles(doc)
    found: dict[tuple[str, str, str], ContrastProblem] = {}

    def judge(style: str, where: str, text: str, background: str) -> None:
        ratio = contrast(text, background)
        if ratio < minimum and (style, text, background) not in found:
            found[(style, text, background)] = ContrastProblem(
                style, where, text, background, round(ratio, 2))

    for part, root in _parts(doc):
        for p in root.iter(f"{W}p"):
            words = _text(p)
            if not words:
                continue
            ref = p.find(f"{W}pPr/{W}pStyle")
            pstyle = styles.by_id.get(ref.get(f"{W}val")) if ref is not None else \
                styles.default_para
            shd = styles.fill(p.find(f"{W}pPr/{W}shd"))
            table_color, table_fill = _table_context(styles, p)
            background = shd or styles.style_fill(pstyle) or table_fill or WHITE
            base = styles.style_color(pstyle) or table_color or styles.default_color()
            for r in p.iter(f"{W}r"):
                if not _text(r):
                    continue
                color = styles.color(r.find(f"{W}rPr/{W}color"))
                name = styles.name(pstyle)
                rref = r.find(f"{W}rPr/{W}rStyle")
                if color is None and rref is not None:
                    rstyle = styles.by_id.get(rref.get(f"{W}val"))
                    color = styles.style_color(rstyle)
                    name = styles.name(rstyle) if color else name
                judge(name, f"{part}: «{words[:40]}»", color or base, background)
    wanted = {n.casefold() for n in style_names}
    for style in styles.root.findall(f"{W}style"):
        if styles.name(style).casefold() not in wanted or \
                style.get(f"{W}type") not in ("paragraph", "character"):
            continue
        color = styles.style_color(style) or styles.default_color()
        background = styles.style_fill(style) or WHITE
        if background == WHITE and contrast(color, WHITE) < 1.5:
            continue  # light text meant for a dark band (a table's header row)
        judge(styles.name(style), "stilen", color, background)
    return list(found.values())


def style_names_used(data: bytes) -> set[str]:
    """The names of the paragraph and character styles the document ``data``
    uses in its body, headers and footers."""
    doc = Document(io.BytesIO(data))
    styles = _Styles(doc)
    names = set()
    for _part, root in _parts(doc):
        for ref in root.iter(f"{W}pStyle", f"{W}rStyle"):
            style = styles.by_id.get(ref.get(f"{W}val"))
            if style is not None:
                names.add(styles.name(style))
    return names
