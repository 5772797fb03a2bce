"""Word's own rules, beyond what the schemas say.

Per part: the order of run properties (``EG_RPrBase``, taken from
``wml.xsd``), balanced complex fields, paired bookmarks, relationship ids that
resolve (to a relationship of the right type). Across parts: unique
``wp:docPr`` ids, style and numbering references that exist, content types
for every part, internal relationship targets that exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from lxml import etree

from .names import WP, R, W, element_path, name, qname
from .package import Package, Relationship, extension
from .report import Finding
from .schema import xsd_index

_W = f"{{{W}}}"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_STORY_ROOTS = {f"{_W}document", f"{_W}hdr", f"{_W}ftr", f"{_W}footnotes", f"{_W}endnotes",
                f"{_W}comments"}
_STORY_CHILDREN = {f"{_W}footnote", f"{_W}endnote", f"{_W}comment"}

_STYLE_TYPE = {"paragraph": "avsnittsstil", "character": "tegnstil", "table": "tabellstil",
               "numbering": "nummereringsstil"}
# element → the style type its w:val must name
_STYLE_REFERENCES = {f"{_W}pStyle": "paragraph", f"{_W}rStyle": "character",
                     f"{_W}tblStyle": "table", f"{_W}numStyleLink": "numbering",
                     f"{_W}styleLink": "numbering"}
# element with r:id/r:embed/r:link → the relationship type it must point to
_RELATIONSHIP_TYPES = {
    f"{_W}headerReference": "header",
    f"{_W}footerReference": "footer",
    f"{_W}hyperlink": "hyperlink",
    "{http://schemas.openxmlformats.org/drawingml/2006/main}blip": "image",
    "{urn:schemas-microsoft-com:vml}imagedata": "image",
}


def _finding(rule: str, kind: str, part: str, element: etree._Element | None,
             message: str) -> Finding:
    return Finding(rule=rule, kind=kind, part=part, message=message,
                   path=element_path(element) if element is not None else "",
                   line=element.sourceline if element is not None else None)


def is_story(root: etree._Element) -> bool:
    """A part with document text: document, header, footer, notes, comments."""
    return root.tag in _STORY_ROOTS


# -- run properties --------------------------------------------------------------

@cache
def rpr_order() -> tuple[tuple[str, ...], dict[str, int], str]:
    """The tags of the elements whose children are run properties, the position
    of each run property's tag in ``EG_RPrBase`` (``wml.xsd``), and that order
    as text for messages."""
    index = xsd_index()
    group = (W, "EG_RPrBase")
    order = index.group_order(group)
    containers = tuple(f"{{{ns}}}{local}" for ns, local in index.elements_with_group(group))
    return (containers, {f"{{{ns}}}{local}": i for i, (ns, local) in enumerate(order)},
            ", ".join(qname(qn) for qn in order))


def check_rpr_order(part: str, root: etree._Element) -> Iterator[Finding]:
    """Run properties in ``EG_RPrBase`` order, each at most once (Word 2007 and
    the Open XML SDK require it; the Transitional schema allows any order)."""
    containers, position, listing = rpr_order()
    for rpr in root.iter(*containers):
        latest = -1
        latest_tag = ""
        seen: set[str] = set()
        for child in rpr:
            at = position.get(child.tag)  # type: ignore[arg-type]
            if at is None:
                continue
            if child.tag in seen:
                here, holder = name(child.tag), name(rpr.tag)
                yield _finding("rpr-order", f"{holder}: {here} to ganger", part, child,
                               f"{here} står to ganger i {holder}; hver egenskap skal stå "
                               "én gang")
            elif at < latest:
                here, holder = name(child.tag), name(rpr.tag)
                yield _finding("rpr-order", f"{holder}: {here} i feil rekkefølge", part, child,
                               f"{here} står etter {name(latest_tag)}; forventet rekkefølge "
                               f"(EG_RPrBase): {listing}")
            seen.add(child.tag)
            if at > latest:
                latest, latest_tag = at, child.tag


# -- fields and bookmarks ----------------------------------------------------------

def _stories(root: etree._Element) -> Iterator[etree._Element]:
    """The separate stories in a part: each note or comment, else the part."""
    if root.tag in (f"{_W}footnotes", f"{_W}endnotes", f"{_W}comments"):
        yield from (c for c in root if c.tag in _STORY_CHILDREN)
    else:
        yield root


def check_fields(part: str, root: etree._Element) -> Iterator[Finding]:
    """Every ``w:fldChar`` begin has one optional separate and an end, nested properly."""
    for story in _stories(root):
        open_fields: list[list] = []  # [begin element, separated?]
        for char in story.iter(f"{_W}fldChar"):
            kind = char.get(f"{_W}fldCharType")
            if kind == "begin":
                open_fields.append([char, False])
            elif kind == "separate":
                if not open_fields:
                    yield _finding("field", "fldChar separate uten begin", part, char,
                                   "w:fldChar «separate» uten en «begin» foran; et felt er "
                                   "begin, (separate), end")
                elif open_fields[-1][1]:
                    yield _finding("field", "fldChar separate to ganger", part, char,
                                   "feltet har to w:fldChar «separate»; forventet én før «end»")
                else:
                    open_fields[-1][1] = True
            elif kind == "end":
                if not open_fields:
                    yield _finding("field", "fldChar end uten begin", part, char,
                                   "w:fldChar «end» uten en «begin» foran")
                else:
                    open_fields.pop()
        for begin, _separated in open_fields:
            yield _finding("field", "fldChar begin uten end", part, begin,
                           "feltet som begynner her (w:fldChar «begin») avsluttes aldri "
                           "(mangler w:fldChar «end» i samme del)")


def check_bookmarks(part: str, root: etree._Element) -> Iterator[Finding]:
    """Each ``w:bookmarkStart`` id once, with a ``w:bookmarkEnd`` of the same id."""
    starts: dict[str, etree._Element] = {}
    for start in root.iter(f"{_W}bookmarkStart"):
        ident = start.get(f"{_W}id", "")
        if ident in starts:
            yield _finding("bookmark", "bokmerke-id to ganger", part, start,
                           f"w:bookmarkStart med w:id=\"{ident}\" står to ganger")
        starts.setdefault(ident, start)
    ends: set[str] = set()
    for end in root.iter(f"{_W}bookmarkEnd"):
        ident = end.get(f"{_W}id", "")
        if ident not in starts:
            yield _finding("bookmark", "bookmarkEnd uten bookmarkStart", part, end,
                           f"w:bookmarkEnd med w:id=\"{ident}\" har ingen w:bookmarkStart")
        ends.add(ident)
    for ident, start in starts.items():
        if ident not in ends:
            yield _finding("bookmark", "bookmarkStart uten bookmarkEnd", part, start,
                           f"bokmerket «{start.get(f'{_W}name', '')}» (w:id=\"{ident}\") har "
                           "ingen w:bookmarkEnd")


# -- drawings ------------------------------------------------------------------------

def check_docpr_ids(stories: Iterable[tuple[str, etree._Element]]) -> Iterator[Finding]:
    """``wp:docPr/@id`` unique across the document, headers, footers and notes."""
    seen: dict[str, tuple[str, etree._Element]] = {}
    for part, root in stories:
        for doc_pr in root.iter(f"{{{WP}}}docPr"):
            ident = doc_pr.get("id", "")
            if ident in seen:
                first_part, first = seen[ident]
                yield _finding("docpr-id", "wp:docPr id brukt to ganger", part, doc_pr,
                               f"wp:docPr id=\"{ident}\" er brukt før ({first_part}, "
                               f"{element_path(first)}); hver tegning skal ha en id som er "
                               "unik i hele dokumentet (brødtekst, topptekster og bunntekster)")
            else:
                seen[ident] = (part, doc_pr)


# -- relationships and content types -----------------------------------------------

def check_relationship_ids(part: str, root: etree._Element,
                           relationships: list[Relationship], rels_part: str
                           ) -> Iterator[Finding]:
    """Every ``r:*`` attribute names a relationship of this part (of the right type)."""
    by_id = {rel.id: rel for rel in relationships}
    for value in root.xpath("//@r:*", namespaces={"r": R}):
        element = value.getparent()
        attr = name(value.attrname)
        shown = f"{attr}=\"{value}\" på {name(element.tag, element.nsmap)}"
        rel = by_id.get(str(value))
        if rel is None:
            yield _finding("relationship", f"{attr} uten relasjon", part, element,
                           f"{shown} finnes ikke i {rels_part}")
            continue
        wanted = _RELATIONSHIP_TYPES.get(element.tag)
        if wanted and rel.type.rsplit("/", 1)[-1] != wanted:
            yield _finding("relationship", f"{name(element.tag)}: feil relasjonstype", part,
                           element, f"{shown} viser til en relasjon av typen {rel.type}; "
                           f"forventet {_RELS}{wanted}")

def check_relationship_targets(package: Package, rels_part: str,
                               relationships: list[Relationship]) -> Iterator[Finding]:
    """Internal relationship targets exist in the package."""
    for rel in relationships:
        if not rel.external and package.find(rel.target) is None:
            yield _finding("relationship", "relasjon til del som mangler", rels_part,
                           rel.element, f"relasjonen {rel.id} ({rel.type.rsplit('/', 1)[-1]}) "
                           f"viser til {rel.target}, som ikke finnes i pakken")


def check_content_types(package: Package) -> Iterator[Finding]:
    """Every part has a content type; every Override names a part that exists."""
    for part in package.parts():
        if package.content_type(part) is None:
            ext = extension(part)
            yield Finding(rule="content-type", kind="del uten innholdstype", part=part,
                          message=f"delen har ingen innholdstype; [Content_Types].xml mangler "
                                  f"<Default Extension=\"{ext}\"> eller <Override "
                                  f"PartName=\"/{part}\">")
    root = package.content_types_root
    if root is None:
        return
    for override in root.iterchildren("{*}Override"):
        target = override.get("PartName", "").lstrip("/")
        if package.find(target) is None:
            yield _finding("content-type", "Override for del som mangler",
                           "[Content_Types].xml", override,
                           f"Override for /{target}, som ikke finnes i pakken")


# -- styles and numbering ----------------------------------------------------------

class Styles:
    """The style ids of a styles part, by type."""

    def __init__(self, root: etree._Element | None) -> None:
        self.types: dict[str, str] = {}
        self.duplicates: list[etree._Element] = []
        if root is None:
            return
        for style in root.iterchildren(f"{_W}style"):
            ident = style.get(f"{_W}styleId")
            if ident is None:
                continue
            if ident in self.types:
                self.duplicates.append(style)
            self.types.setdefault(ident, style.get(f"{_W}type", "paragraph"))


def check_styles(styles_part: str | None, styles_root: etree._Element | None,
                 parts: Iterable[tuple[str, etree._Element]]) -> Iterator[Finding]:
    """Style references (``w:pStyle``, ``w:rStyle``, ``w:tblStyle``,
    ``w:numStyleLink``, ``w:styleLink``, ``w:basedOn``, ``w:next``, ``w:link``)
    name a style of the right type."""
    styles = Styles(styles_root)
    where = styles_part or "word/styles.xml"
    for style in styles.duplicates:
        ident = style.get(f"{_W}styleId")
        yield _finding("style", "stil-id to ganger", where, style,
                       f"stilen «{ident}» er definert to ganger")

    def check(part: str, element: etree._Element, wanted: str | None) -> Iterator[Finding]:
        ident = element.get(f"{_W}val")
        if ident is None:
            return
        found = styles.types.get(ident)
        label = name(element.tag)
        if found is None:
            yield _finding("style", f"{label}: ukjent stil", part, element,
                           f"{label} viser til stilen «{ident}», som ikke finnes i {where}")
        elif wanted is not None and found != wanted:
            yield _finding("style", f"{label}: feil stiltype", part, element,
                           f"{label} viser til «{ident}», som er en "
                           f"{_STYLE_TYPE.get(found, found)}; forventet en "
                           f"{_STYLE_TYPE[wanted]}")

    for part, root in parts:
        for tag, wanted in _STYLE_REFERENCES.items():
            for element in root.iter(tag):
                yield from check(part, element, wanted)
    if styles_root is None:
        return
    linked = {"paragraph": "character", "character": "paragraph"}
    for style in styles_root.iterchildren(f"{_W}style"):
        kind = style.get(f"{_W}type", "paragraph")
        for child in style.iterchildren(f"{_W}basedOn", f"{_W}next", f"{_W}link"):
            if child.tag == f"{_W}basedOn":
                yield from check(where, child, kind)
            elif child.tag == f"{_W}next":
                yield from check(where, child, kind if kind == "paragraph" else None)
            else:
                yield from check(where, child, linked.get(kind))


def check_numbering(numbering_part: str | None, numbering_root: etree._Element | None,
                    parts: Iterable[tuple[str, etree._Element]]) -> Iterator[Finding]:
    """``w:numId`` names a ``w:num`` whose ``w:abstractNum`` exists."""
    nums: dict[str, etree._Element] = {}
    abstract: set[str] = set()
    where = numbering_part or "word/numbering.xml"
    if numbering_root is not None:
        for item in numbering_root.iterchildren(f"{_W}abstractNum"):
            abstract.add(item.get(f"{_W}abstractNumId", ""))
        for num in numbering_root.iterchildren(f"{_W}num"):
            nums[num.get(f"{_W}numId", "")] = num
            ref = num.find(f"{_W}abstractNumId")
            value = ref.get(f"{_W}val") if ref is not None else None
            if value is not None and value not in abstract:
                yield _finding("numbering", "w:num viser til ukjent w:abstractNum", where, ref,
                               f"w:num {num.get(f'{_W}numId')} viser til w:abstractNum "
                               f"{value}, som ikke finnes")
    for part, root in parts:
        for num_id in root.iter(f"{_W}numId"):
            value = num_id.get(f"{_W}val")
            if value is None or value == "0" or num_id.getparent().tag != f"{_W}numPr":
                continue
            if value not in nums:
                yield _finding("numbering", "w:numId viser til ukjent w:num", part, num_id,
                               f"w:numId {value} finnes ikke som w:num i {where}")

