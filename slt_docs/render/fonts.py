"""The fonts a Word file names: in its styles and numbering, its text, its
theme's heading and body fonts, and its font table.

Used to check that the machine that turns our documents into PDF has every
font the shipped templates and profiles name (``tests/test_fonts.py``), and
by the template builders to keep a font table to the fonts actually used
(python-docx's starting document declares Japanese fonts no Norwegian
document uses).

A theme also lists a font per script (``<a:font script="Jpan" …>``): Word
uses those only for text in that script (Japanese, Arabic …), never for
Norwegian text, so they are not counted as named fonts.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import defaultdict

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_FONT_ATTRS = ("ascii", "hAnsi", "cs", "eastAsia")
_WORD_PARTS = re.compile(r"^word/(styles|stylesWithEffects|numbering|document|header\d*|"
                         r"footer\d*|footnotes|endnotes)\.xml$")
_THEME = re.compile(r"^word/theme/theme\d*\.xml$")
_FONT_TABLE = "word/fontTable.xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False)


def _used(parts: dict[str, bytes]) -> dict[str, set[str]]:
    """Font name → the parts that use it (styles, text, numbering, theme)."""
    found: dict[str, set[str]] = defaultdict(set)
    for name, data in parts.items():
        if _WORD_PARTS.match(name):
            root = etree.fromstring(data, _PARSER)
            for fonts in root.iter(f"{{{W}}}rFonts"):
                for attr in _FONT_ATTRS:
                    value = fonts.get(f"{{{W}}}{attr}")
                    if value:
                        found[value].add(name)
            for sym in root.iter(f"{{{W}}}sym"):
                if sym.get(f"{{{W}}}font"):
                    found[sym.get(f"{{{W}}}font")].add(name)
        elif _THEME.match(name):
            root = etree.fromstring(data, _PARSER)
            for scheme in ("majorFont", "minorFont"):
                for holder in root.iter(f"{{{A}}}{scheme}"):
                    for kind in ("latin", "ea", "cs"):
                        element = holder.find(f"{{{A}}}{kind}")
                        if element is not None and element.get("typeface"):
                            found[element.get("typeface")].add(f"{name} ({scheme})")
    return found


def _parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {n: z.read(n) for n in z.namelist() if n.endswith(".xml")}


def named_fonts(docx: bytes) -> dict[str, set[str]]:
    """Every font the Word file names, with where: styles, numbering and
    text (``w:rFonts``), the theme's heading and body fonts, the font table."""
    parts = _parts(docx)
    found = _used(parts)
    if _FONT_TABLE in parts:
        root = etree.fromstring(parts[_FONT_TABLE], _PARSER)
        for font in root.iter(f"{{{W}}}font"):
            if font.get(f"{{{W}}}name"):
                found[font.get(f"{{{W}}}name")].add(_FONT_TABLE)
    return dict(found)


def prune_font_table(docx: bytes) -> bytes:
    """The Word file with its font table holding only the fonts it uses."""
    parts = _parts(docx)
    if _FONT_TABLE not in parts:
        return docx
    used = _used(parts)
    root = etree.fromstring(parts[_FONT_TABLE], _PARSER)
    for font in list(root.iter(f"{{{W}}}font")):
        if font.get(f"{{{W}}}name") not in used:
            font.getparent().remove(font)
    table = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, table if info.filename == _FONT_TABLE else src.read(info))
    return out.getvalue()
