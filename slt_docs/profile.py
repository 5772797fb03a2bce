"""A kommune's visual profile: its profile document (profilmal) applied to a
template, the way pandoc's reference document works.

``slt-docs lag … --profile profilmal.docx`` (or ``kommune.profil`` in the
data) takes from the profile document:

- **Styles** (``styles.xml``, with its document defaults): every style the
  profile defines replaces ours of the same name and type (matched by name,
  so a Norwegian Word's ``Overskrift1`` id is found as "heading 1"). Styles
  our templates use that the profile lacks ("SLT Tabelltekst", "SLT
  Tabell" …) are kept from our template but adapted: the ones drawn in our
  accent colour take the profile's heading colour and heading font, the
  others lose our font and so take the profile's body font; light table
  shading becomes a light tint of the profile's heading colour. List styles
  keep their bullets: the profile's numbering definitions are copied in,
  and a profile list style without numbering keeps ours.
- **Theme** (``theme1.xml``: theme fonts and colours) and the font table.
- **Page setup** of its last section: paper size and margins. The
  orientation stays the template's (the møteplan grid is landscape; a
  portrait profile's page is turned, its margins kept where they are), and
  tables made for our text width are scaled to the profile's.
- **Header and footer** with their pictures (logo) and links: the profile's
  header and footer replace ours; they may use template fields such as
  ``{{ dok.kommune }}`` and ``{{ dok.tittel }}``. A profile footer without a
  page number gets our page number line added below it. Where the profile
  has no header (or footer), ours stays. A first-page header in the profile
  is used only where the template has a separate first page (the
  handlingsplan's cover).

The profile document is untrusted input like any template: it passes
:func:`slt_docs.render.safety.clean_docx` first.
"""

from __future__ import annotations

import copy
import functools
import io
import posixpath
from collections.abc import Iterator
from pathlib import Path

from attrs import frozen
from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.parts.hdrftr import FooterPart, HeaderPart
from lxml import etree

from .errors import SltError
from .render.safety import MAX_FILE_BYTES, R_NS, W_NS, clean_docx

W = f"{{{W_NS}}}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
O_RELID = "{urn:schemas-microsoft-com:office:office}relid"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_PPR_BEFORE_NUMPR = {f"{W}{n}" for n in ("pStyle", "keepNext", "keepLines", "pageBreakBefore",
                                         "framePr", "widowControl")}
THEME_NAMES = {
    "dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2", "text1": "dk1",
    "background1": "lt1", "text2": "dk2", "background2": "lt2", "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
}


class ProfileError(SltError):
    """The profile document cannot be used."""


@frozen
class Profile:
    """A checked profile document: its name, bytes and what was stripped from it."""

    name: str
    data: bytes
    notes: tuple[str, ...] = ()


def load_profile(path: str | Path) -> Profile:
    """Read and check the profile document at ``path`` (.docx or .dotx)."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise ProfileError(f"fant ikke profildokumentet «{path}»") from exc
    if not path.is_file():
        raise ProfileError(f"profildokumentet «{path}» er ikke en fil")
    if stat.st_size > MAX_FILE_BYTES:
        raise ProfileError(f"profildokumentet «{path.name}» er større enn "
                           f"{MAX_FILE_BYTES // (1024 * 1024)} MiB")
    return _load_profile(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _load_profile(path: str, _mtime: int, _size: int) -> Profile:
    name = Path(path).name
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ProfileError(f"kan ikke lese profildokumentet «{name}»: {exc.strerror}") from exc
    clean = clean_docx(raw, f"profildokumentet «{name}»")
    try:
        Document(io.BytesIO(clean.data))
    except Exception as exc:  # python-docx raises many kinds for a broken file
        raise ProfileError(f"profildokumentet «{name}» kan ikke åpnes som et Word-dokument "
                           f"({exc})") from exc
    return Profile(name=name, data=clean.data, notes=clean.notes)


def applied(template: bytes, profile: Profile) -> bytes:
    """:func:`apply_profile`, with whatever an odd profile document (one Word
    opens, but without the parts or sections a document has) makes it trip
    on turned into :class:`ProfileError`."""
    try:
        return apply_profile(template, profile)
    except SltError:
        raise
    except Exception as exc:  # python-docx/lxml raise many kinds for a document's odd shape
        raise ProfileError(f"profildokumentet «{profile.name}» kan ikke brukes som profil: det "
                           "mangler noe et Word-dokument skal ha (stiler, sideoppsett, "
                           f"dokumentinnhold; teknisk: {type(exc).__name__})") from exc


def apply_profile(template: bytes, profile: Profile) -> bytes:
    """The template (.docx bytes, still holding its template tags) with the
    profile's styles, theme, page setup, header and footer (see the module doc)."""
    doc = Document(io.BytesIO(template))
    prof = Document(io.BytesIO(profile.data))
    ours_root = doc.styles.element
    our_accent = _accent(ours_root, theme_colors(doc))
    ids = _merge_styles(doc, prof, our_accent)
    _rename_style_refs(doc, ids)
    _import_numbering(doc, prof)
    _copy_part_blob(doc, prof, RT.THEME)
    _copy_part_blob(doc, prof, RT.FONT_TABLE)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            del doc.part.rels[rid]
    their_width = _text_width(prof.sections[-1]._sectPr)
    factor = _page_setup(doc, prof)
    if abs(factor - 1) > 0.002:
        _scale_tables(doc, factor)
    _headers_footers(doc, prof, profile.name)
    _move_tabs(doc, their_width)
    accent = _accent(doc.styles.element, theme_colors(doc))
    if our_accent and accent:
        _recolor(doc.element.body, our_accent, accent)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# -- styles ------------------------------------------------------------------

def _key(style: etree._Element) -> tuple[str, str]:
    name = style.find(f"{W}name")
    label = name.get(f"{W}val") if name is not None else style.get(f"{W}styleId")
    return style.get(f"{W}type") or "paragraph", (label or "").strip().casefold()


def _by_id(root: etree._Element) -> dict[str, etree._Element]:
    return {s.get(f"{W}styleId") or "": s for s in root.findall(f"{W}style")}


def _merge_styles(doc: DocxDocument, prof: DocxDocument, our_accent: str | None) -> dict[str, str]:
    """Put the profile's styles in place of ours; keep (adapted) the ones it
    lacks. Returns our style id → the id it has now."""
    ours_root = doc.styles.element
    new_root = copy.deepcopy(prof.styles.element)
    theirs = {_key(s): s for s in new_root.findall(f"{W}style")}
    their_ids = set(_by_id(new_root))
    heading_fonts = _resolved(new_root, _find(new_root, "paragraph", "heading 1"), "rFonts")
    accent = _accent(new_root, theme_colors(prof))
    ids: dict[str, str] = {}
    fallbacks: list[etree._Element] = []
    for style in ours_root.findall(f"{W}style"):
        sid = style.get(f"{W}styleId") or ""
        match = theirs.get(_key(style))
        if match is not None:
            ids[sid] = match.get(f"{W}styleId") or sid
            _keep_numbering(style, match)
            continue
        new_id = sid
        while new_id in their_ids:
            new_id += "SLT"
        their_ids.add(new_id)
        ids[sid] = new_id
        fallback = copy.deepcopy(style)
        fallback.set(f"{W}styleId", new_id)
        fallbacks.append(fallback)
    for fallback in fallbacks:
        for ref in ("basedOn", "next", "link"):
            el = fallback.find(f"{W}{ref}")
            if el is not None and el.get(f"{W}val") in ids:
                el.set(f"{W}val", ids[el.get(f"{W}val")])
        _adapt(fallback, our_accent, accent, heading_fonts)
        new_root.append(fallback)
    doc.part._styles_part._element = new_root
    return ids


def _find(root: etree._Element, kind: str, name: str) -> etree._Element | None:
    return next((s for s in root.findall(f"{W}style") if _key(s) == (kind, name)), None)


def _keep_numbering(ours: etree._Element, theirs: etree._Element) -> None:
    """A profile list style without numbering keeps our bullets."""
    our_num = ours.find(f"{W}pPr/{W}numPr")
    if our_num is None or theirs.find(f"{W}pPr/{W}numPr") is not None:
        return
    if _resolved(theirs.getparent(), theirs, "numPr") is not None:
        return
    ppr = theirs.find(f"{W}pPr")
    if ppr is None:
        ppr = etree.SubElement(theirs, f"{W}pPr")
        rpr = theirs.find(f"{W}rPr")
        if rpr is not None:
            rpr.addprevious(ppr)
    num = copy.deepcopy(our_num)
    num.set("slt-ours", "1")
    index = 0
    for index, child in enumerate(ppr):  # noqa: B007
        if child.tag not in _PPR_BEFORE_NUMPR:
            break
    else:
        index = len(ppr)
    ppr.insert(index, num)


def _resolved(root: etree._Element | None, style: etree._Element | None,
              prop: str) -> etree._Element | None:
    """A property (``rFonts``, ``color``, ``numPr``) of a style, looked up
    through its ``basedOn`` chain and the document defaults."""
    if root is None:
        return None
    where = "pPr" if prop == "numPr" else "rPr"
    ids = _by_id(root)
    seen: set[str] = set()
    while style is not None:
        found = style.find(f"{W}{where}/{W}{prop}")
        if found is not None:
            return copy.deepcopy(found)
        based = style.find(f"{W}basedOn")
        nxt = based.get(f"{W}val") if based is not None else None
        if not nxt or nxt in seen:
            break
        seen.add(nxt)
        style = ids.get(nxt)
    if where == "rPr":
        found = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}{prop}")
        return copy.deepcopy(found) if found is not None else None
    return None


def _adapt(style: etree._Element, our_accent: str | None, accent: str | None,
           heading_fonts: etree._Element | None) -> None:
    """Fit one of our styles the profile lacks to the profile's look."""
    rpr = style.find(f"{W}rPr")
    heading_like = False
    if rpr is not None:
        color = rpr.find(f"{W}color")
        heading_like = bool(our_accent) and color is not None and (
            (color.get(f"{W}val") or "").upper() == our_accent)
        fonts = rpr.find(f"{W}rFonts")
        if fonts is not None:
            rpr.remove(fonts)
        if heading_like and heading_fonts is not None:
            rpr.insert(0, copy.deepcopy(heading_fonts))
    if our_accent and accent:
        _recolor(style, our_accent, accent)


def _rename_style_refs(doc: DocxDocument, ids: dict[str, str]) -> None:
    """Point our body, headers, footers and numbering at the styles' new ids."""
    elements = [doc.element]
    for rel in doc.part.rels.values():
        if not rel.is_external and isinstance(rel.target_part, XmlPart) and rel.reltype in (
                RT.HEADER, RT.FOOTER, RT.NUMBERING, RT.FOOTNOTES, RT.ENDNOTES):
            elements.append(rel.target_part.element)
    changed = {k: v for k, v in ids.items() if k != v}
    if not changed:
        return
    tags = {f"{W}pStyle", f"{W}rStyle", f"{W}tblStyle"}
    for root in elements:
        for el in root.iter(*tags):
            val = el.get(f"{W}val")
            if val in changed:
                el.set(f"{W}val", changed[val])


def _import_numbering(doc: DocxDocument, prof: DocxDocument) -> None:
    """Copy the numbering definitions the profile's styles use into ours."""
    styles = doc.styles.element
    wanted = [el for el in styles.iter(f"{W}numPr") if el.get("slt-ours") is None]
    for el in styles.iter(f"{W}numPr"):
        el.attrib.pop("slt-ours", None)
    if not wanted:
        return
    ours = doc.part.numbering_part.element
    theirs = prof.part.numbering_part.element
    nums = {n.get(f"{W}numId"): n for n in theirs.findall(f"{W}num")}
    abstracts = {a.get(f"{W}abstractNumId"): a for a in theirs.findall(f"{W}abstractNum")}
    next_abs = 1 + max((int(a.get(f"{W}abstractNumId") or 0)
                        for a in ours.findall(f"{W}abstractNum")), default=0)
    next_num = 1 + max((int(n.get(f"{W}numId") or 0) for n in ours.findall(f"{W}num")),
                       default=0)
    mapping: dict[str, str] = {}
    for num_pr in wanted:
        num_id = num_pr.find(f"{W}numId")
        old = num_id.get(f"{W}val") if num_id is not None else None
        if old is None or old == "0":
            continue
        if old not in mapping:
            num = nums.get(old)
            ref = num.find(f"{W}abstractNumId") if num is not None else None
            abstract = abstracts.get(ref.get(f"{W}val")) if ref is not None else None
            if num is None or abstract is None:
                num_pr.getparent().remove(num_pr)
                continue
            new_abstract = copy.deepcopy(abstract)
            new_abstract.set(f"{W}abstractNumId", str(next_abs))
            for pic in new_abstract.iter(f"{W}lvlPicBulletId"):
                pic.getparent().remove(pic)
            first_num = ours.find(f"{W}num")
            if first_num is not None:
                first_num.addprevious(new_abstract)
            else:
                ours.append(new_abstract)
            new_num = copy.deepcopy(num)
            new_num.set(f"{W}numId", str(next_num))
            new_num.find(f"{W}abstractNumId").set(f"{W}val", str(next_abs))
            cleanup = ours.find(f"{W}numIdMacAtCleanup")
            if cleanup is not None:  # the last child in the schema's order
                cleanup.addprevious(new_num)
            else:
                ours.append(new_num)
            mapping[old] = str(next_num)
            next_abs += 1
            next_num += 1
        num_id.set(f"{W}val", mapping[old])


def _copy_part_blob(doc: DocxDocument, prof: DocxDocument, reltype: str) -> None:
    """Replace our theme (or font table) by the profile's."""
    try:
        source = prof.part.part_related_by(reltype)
    except KeyError:
        return
    try:
        target = doc.part.part_related_by(reltype)
    except KeyError:
        package = doc.part.package
        name = posixpath.basename(source.partname)
        folder = posixpath.dirname(source.partname)
        stem, ext = posixpath.splitext(name)
        stem = stem.rstrip("0123456789")
        target = Part(package.next_partname(f"{folder}/{stem}%d{ext}"), source.content_type,
                      source.blob, package)
        doc.part.relate_to(target, reltype)
        return
    if isinstance(target, XmlPart):
        target._element = parse_xml(source.blob)
    else:
        target._blob = source.blob


# -- colours -------------------------------------------------------------------

def _theme(doc: DocxDocument) -> etree._Element | None:
    """The document's theme part (colours and fonts), or ``None``."""
    try:
        theme = doc.part.part_related_by(RT.THEME)
        return etree.fromstring(theme.blob, etree.XMLParser(resolve_entities=False,
                                                            no_network=True))
    except (KeyError, etree.XMLSyntaxError):
        return None


def theme_colors(doc: DocxDocument) -> dict[str, str]:
    root = _theme(doc)
    if root is None:
        return {}
    scheme = root.find(f".//{A}clrScheme")
    colors: dict[str, str] = {}
    for child in scheme if scheme is not None else ():
        name = etree.QName(child).localname
        for value in child:
            hexval = value.get("val") if etree.QName(value).localname == "srgbClr" else \
                value.get("lastClr")
            if hexval:
                colors[name] = hexval.upper()
    return colors


def _accent(root: etree._Element, theme: dict[str, str]) -> str | None:
    """The profile's accent: the colour of "heading 1" (its text, or its
    shading when the text is light on a band), else of "heading 2", else the
    theme's first accent; theme colours resolved."""
    h1 = _find(root, "paragraph", "heading 1")
    h2 = _find(root, "paragraph", "heading 2")
    if h1 is None and h2 is None:
        return None
    candidates = [_color(root, h1, "color", theme), _color(root, h1, "shd", theme),
                  _color(root, h2, "color", theme)]
    for value in candidates:
        if value and not _is_light(value):
            return value
    return theme.get("accent1") or "000000"


def _color(root: etree._Element, style: etree._Element | None, prop: str,
           theme: dict[str, str]) -> str | None:
    """A style's text colour (``color``) or paragraph shading (``shd``) as hex."""
    if style is None:
        return None
    if prop == "shd":
        el = style.find(f"{W}pPr/{W}shd")
        value = el.get(f"{W}fill") if el is not None else None
        theme_name = el.get(f"{W}themeFill") if el is not None else None
        shade_attr, tint_attr = "themeFillShade", "themeFillTint"
    else:
        el = _resolved(root, style, "color")
        value = el.get(f"{W}val") if el is not None else None
        theme_name = el.get(f"{W}themeColor") if el is not None else None
        shade_attr, tint_attr = "themeShade", "themeTint"
    if el is None:
        return None
    if theme_name:
        base = theme.get(THEME_NAMES.get(theme_name, theme_name))
        if base:
            return shade_color(base, el.get(f"{W}{shade_attr}"), el.get(f"{W}{tint_attr}"))
    if not value or value.lower() == "auto" or len(value) != 6:
        return "000000" if prop == "color" else None
    return value.upper()


def _rgb(value: str) -> tuple[int, int, int]:
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "".join(f"{max(0, min(255, round(c))):02X}" for c in rgb)


def shade_color(base: str, shade: str | None, tint: str | None) -> str:
    r, g, b = _rgb(base)
    if shade:
        f = int(shade, 16) / 255
        return _hex((r * f, g * f, b * f))
    if tint:
        f = int(tint, 16) / 255
        return _hex((255 - (255 - r) * f, 255 - (255 - g) * f, 255 - (255 - b) * f))
    return base.upper()


def _is_light(value: str, *, white: bool = True) -> bool:
    """A light colour (``white=False``: but not white itself)."""
    try:
        r, g, b = _rgb(value)
    except ValueError:
        return False
    light = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 > 0.8
    return light and (white or value.upper() != "FFFFFF")


def tint(value: str, amount: float = 0.85) -> str:
    """``value`` mixed with white (``amount`` of white)."""
    r, g, b = _rgb(value)
    return _hex((r + (255 - r) * amount, g + (255 - g) * amount, b + (255 - b) * amount))


def _recolor(root: etree._Element, our_accent: str, accent: str) -> None:
    """Our accent colour → the profile's; light shading → a tint of it."""
    light = tint(accent)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        attrs = [f"{W}fill", f"{W}color"] + ([f"{W}val"] if el.tag == f"{W}color" else [])
        for attr in attrs:
            value = el.get(attr)
            if not value or len(value) != 6:
                continue
            if value.upper() == our_accent:
                el.set(attr, accent)
            elif attr == f"{W}fill" and _is_light(value, white=False):
                el.set(attr, light)
            else:
                continue
            for theme_attr in ("themeColor", "themeShade", "themeTint", "themeFill",
                               "themeFillShade", "themeFillTint"):
                el.attrib.pop(f"{W}{theme_attr}", None)


# -- page setup ----------------------------------------------------------------

def _twips(el: etree._Element | None, attr: str, default: int = 0) -> int:
    if el is None:
        return default
    try:
        return int(float(el.get(f"{W}{attr}") or default))
    except ValueError:
        return default


def _text_width(sect: etree._Element) -> int:
    size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    return _twips(size, "w", 11906) - _twips(margins, "left", 1417) - \
        _twips(margins, "right", 1417)


def _page_setup(doc: DocxDocument, prof: DocxDocument) -> float:
    """Take the profile's paper size and margins; keep our orientation.
    Returns new text width / old text width."""
    theirs = prof.sections[-1]._sectPr
    their_size, their_margins = theirs.find(f"{W}pgSz"), theirs.find(f"{W}pgMar")
    sections = list(doc.element.body.iter(f"{W}sectPr"))
    if not sections or their_size is None:
        return 1.0
    old_width = _text_width(sections[-1])
    for sect in sections:
        size = sect.find(f"{W}pgSz")
        landscape = size is not None and (
            size.get(f"{W}orient") == "landscape" or _twips(size, "w") > _twips(size, "h"))
        new_size = copy.deepcopy(their_size)
        w, h = _twips(their_size, "w", 11906), _twips(their_size, "h", 16838)
        if landscape != (w > h):
            w, h = h, w
        new_size.set(f"{W}w", str(w))
        new_size.set(f"{W}h", str(h))
        if landscape:
            new_size.set(f"{W}orient", "landscape")
        else:
            new_size.attrib.pop(f"{W}orient", None)
        if size is not None:
            size.getparent().replace(size, new_size)
        if their_margins is not None:
            margins = sect.find(f"{W}pgMar")
            new_margins = copy.deepcopy(their_margins)
            if margins is not None:
                margins.getparent().replace(margins, new_margins)
            else:
                new_size.addnext(new_margins)
    new_width = _text_width(sections[-1])
    return new_width / old_width if old_width > 0 else 1.0


def _scale_tables(doc: DocxDocument, factor: float) -> None:
    """Tables sized for our text width, scaled to the profile's."""
    body = doc.element.body
    for el in body.iter(f"{W}tblW", f"{W}tcW", f"{W}gridCol"):
        if el.tag != f"{W}gridCol" and el.get(f"{W}type") not in ("dxa", None):
            continue
        value = el.get(f"{W}w")
        if value and value.lstrip("-").isdigit():
            el.set(f"{W}w", str(round(int(value) * factor)))


# -- header and footer ---------------------------------------------------------

def _move_tabs(doc: DocxDocument, their_width: int) -> None:
    """Right and centre tab stops the profile set at its margin (in the
    header and footer) move to our margin when the page was turned."""
    sections = list(doc.element.body.iter(f"{W}sectPr"))
    if not sections or their_width <= 0:
        return
    ours = _text_width(sections[-1])
    if abs(ours - their_width) < 20:
        return
    roots = [rel.target_part.element for rel in doc.part.rels.values()
             if not rel.is_external and rel.reltype in (RT.HEADER, RT.FOOTER)]
    for style in doc.styles.element.findall(f"{W}style"):
        if _key(style)[1] in ("header", "footer"):
            roots.append(style)
    for root in roots:
        for tab in root.iter(f"{W}tab"):
            if tab.getparent() is None or tab.getparent().tag != f"{W}tabs":
                continue
            pos, kind = _twips(tab, "pos"), tab.get(f"{W}val")
            if kind == "right" and abs(pos - their_width) <= their_width * 0.05:
                tab.set(f"{W}pos", str(ours))
            elif kind == "center" and abs(pos - their_width / 2) <= their_width * 0.05:
                tab.set(f"{W}pos", str(ours // 2))


def _has_page_number(root: etree._Element) -> bool:
    instr = " ".join(t.text or "" for t in root.iter(f"{W}instrText"))
    simple = " ".join(f.get(f"{W}instr") or "" for f in root.iter(f"{W}fldSimple"))
    return "PAGE" in f"{instr} {simple}".upper().replace("NUMPAGES", "")


def _headers_footers(doc: DocxDocument, prof: DocxDocument, name: str) -> None:
    theirs = prof.sections[-1]._sectPr
    drawing_ids = iter(range(1, 1000))  # docxtpl numbers the body's drawings from 1001
    sections = list(doc.element.body.iter(f"{W}sectPr"))
    if not sections:
        return
    title_page = sections[-1].find(f"{W}titlePg") is not None
    for kind, reltype, part_cls in (("header", RT.HEADER, HeaderPart),
                                    ("footer", RT.FOOTER, FooterPart)):
        their_refs = {r.get(f"{W}type") or "default": r.get(f"{{{R_NS}}}id")
                      for r in theirs.findall(f"{W}{kind}Reference")}
        for ref_type in ("default", "first"):
            their_rid = their_refs.get(ref_type)
            if not their_rid or (ref_type == "first" and not title_page):
                continue
            source = prof.part.related_parts[their_rid]
            new_part = _copy_hdrftr(doc, source, kind, reltype, part_cls, name, drawing_ids)
            old_rids = []
            for sect in sections:
                old = _reference(sect, kind, ref_type)
                if old is not None:
                    old_rids.append(old.get(f"{{{R_NS}}}id"))
                    if kind == "footer" and ref_type == "default":
                        old_part = doc.part.related_parts[old.get(f"{{{R_NS}}}id")]
                        _add_page_number(new_part, old_part)
                    old.set(f"{{{R_NS}}}id", new_part.rid)
                else:
                    ref = etree.Element(f"{W}{kind}Reference")
                    ref.set(f"{W}type", ref_type)
                    ref.set(f"{{{R_NS}}}id", new_part.rid)
                    sect.insert(0, ref)
            for rid in set(old_rids):
                if rid:
                    doc.part.drop_rel(rid)


def _reference(sect: etree._Element, kind: str, ref_type: str) -> etree._Element | None:
    for ref in sect.findall(f"{W}{kind}Reference"):
        if (ref.get(f"{W}type") or "default") == ref_type:
            return ref
    return None


class _Copied:
    """A copied header/footer part and the id of its relationship."""

    def __init__(self, part: Part, rid: str) -> None:
        self.part = part
        self.rid = rid


def _copy_hdrftr(doc: DocxDocument, source: Part, kind: str, reltype: str, part_cls: type,
                 name: str, drawing_ids: Iterator[int]) -> _Copied:
    """A copy of the profile's header or footer ``source`` in our document,
    with its pictures and links, and drawing ids from ``drawing_ids`` (a
    drawing id must be unique across the body, headers and footers, and the
    profile numbers its parts on its own)."""
    package = doc.part.package
    element = parse_xml(source.blob)
    for doc_pr in element.iter(f"{WP}docPr"):
        doc_pr.set("id", str(next(drawing_ids)))
    part = part_cls(package.next_partname(f"/word/{kind}%d.xml"), source.content_type, element,
                    package)
    rid = doc.part.relate_to(part, reltype)
    mapping: dict[str, str] = {}
    for old_rid, rel in source.rels.items():
        if rel.is_external:
            mapping[old_rid] = part.relate_to(rel.target_ref, rel.reltype, is_external=True)
        elif rel.reltype == RT.IMAGE:
            image = rel.target_part
            ext = posixpath.splitext(image.partname)[1] or ".png"
            new_image = Part(package.next_partname(f"/word/media/profil%d{ext}"),
                             image.content_type, image.blob, package)
            mapping[old_rid] = part.relate_to(new_image, RT.IMAGE)
        else:
            kind_no = "topptekst" if kind == "header" else "bunntekst"
            raise ProfileError(f"profildokumentet «{name}»: {kind_no}en har innhold slt_docs "
                               f"ikke kan kopiere ({rel.reltype.rsplit('/', 1)[-1]})")
    for el in element.iter():
        for attr, value in list(el.attrib.items()):
            if (attr.startswith(f"{{{R_NS}}}") or attr == O_RELID) and value in mapping:
                el.set(attr, mapping[value])
    return _Copied(part, rid)


def _add_page_number(new: _Copied, old_part: Part) -> None:
    """A profile footer without a page number gets our page number line."""
    root = new.part.element
    if _has_page_number(root) or not isinstance(old_part, XmlPart):
        return
    for para in old_part.element.findall(f"{W}p"):
        if _has_page_number(para):
            root.append(copy.deepcopy(para))


# -- the look for a web page ------------------------------------------------------

@frozen
class ProfileLook:
    """What a web page takes from a profile document: the accent colour (the
    heading colour, as for the Word documents; hex ``RRGGBB``) and the font
    families of headings and body text. Each is ``None`` when the profile
    does not say."""

    aksent: str | None
    overskriftsfont: str | None
    brodfont: str | None


def _theme_fonts(doc: DocxDocument) -> dict[str, str]:
    """The theme's latin heading (``major``) and body (``minor``) fonts."""
    root = _theme(doc)
    if root is None:
        return {}
    fonts = {}
    for kind in ("major", "minor"):
        latin = root.find(f".//{A}{kind}Font/{A}latin")
        if latin is not None and latin.get("typeface"):
            fonts[kind] = latin.get("typeface") or ""
    return fonts


def _font_name(fonts: etree._Element | None, theme: dict[str, str]) -> str | None:
    """The font a ``w:rFonts`` gives latin text: its theme font when it names
    one (Word lets that win), else its ``ascii`` font."""
    if fonts is None:
        return None
    theme_ref = fonts.get(f"{W}asciiTheme") or ""
    for kind in ("major", "minor"):
        if theme_ref.startswith(kind) and theme.get(kind):
            return theme[kind]
    return fonts.get(f"{W}ascii") or None


def profile_look(profile: Profile) -> ProfileLook:
    """The accent colour and fonts of ``profile`` for a web page."""
    prof = Document(io.BytesIO(profile.data))
    root = prof.styles.element
    fonts = _theme_fonts(prof)
    heading = _find(root, "paragraph", "heading 1")
    normal = _find(root, "paragraph", "normal")
    return ProfileLook(
        aksent=_accent(root, theme_colors(prof)),
        overskriftsfont=_font_name(_resolved(root, heading, "rFonts"), fonts)
        if heading is not None else None,
        brodfont=_font_name(_resolved(root, normal, "rFonts") if normal is not None else
                            root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts"), fonts),
    )
