"""The bundled OOXML schemas: one compiled validator for every namespace, and a
small index of the XSD files for what lxml does not tell (the full order of an
element's children, the members of ``EG_RPrBase``, the global elements).

Both are built lazily, once per process, and depend on nothing but the files in
``schemas/`` (no kommune, no document). lxml fetches nothing: the driver schema
imports every namespace from its local file, the parser has network access off,
and a resolver refuses anything outside ``schemas/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from lxml import etree

from ..errors import SltError

SCHEMAS = Path(__file__).resolve().parent / "schemas"
"""The folder with the bundled XSD files (see its README.md)."""

XSD_NS = "http://www.w3.org/2001/XMLSchema"
XML_NS = "http://www.w3.org/XML/1998/namespace"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

_XS = f"{{{XSD_NS}}}"
_TARGET = re.compile(rb'targetNamespace="([^"]*)"')

QName = tuple[str, str]
"""A name as (namespace, local name)."""


class SchemaError(SltError):
    """The bundled schemas could not be read or compiled (a broken installation)."""


def schema_files() -> list[Path]:
    """Every bundled XSD file, W3C ``xml.xsd`` and Dublin Core first (other files
    import them without a usable location)."""
    files = sorted(SCHEMAS.glob("*/*.xsd"))
    if not files:
        raise SchemaError(f"fant ingen OOXML-skjemaer i {SCHEMAS} (ufullstendig installasjon)")
    return sorted(files, key=lambda p: (p.name != "xml.xsd", p.parent.name != "dc", str(p)))


def _target_namespace(path: Path) -> str:
    found = _TARGET.search(path.read_bytes()[:4000])
    if found is None:
        raise SchemaError(f"{path.name}: skjemaet har ikke targetNamespace")
    return found.group(1).decode()


class _LocalOnly(etree.Resolver):
    """Loads schema files from ``schemas/`` only; anything else is noted and refused."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[str] = []
        self.root = SCHEMAS.as_uri() + "/"

    def resolve(self, system_url: str, public_id: str, context: object) -> object:
        if system_url.startswith(self.root) or not system_url.startswith(("http:", "https:",
                                                                          "ftp:", "file:")):
            return None
        self.refused.append(system_url)
        return self.resolve_string(f'<xs:schema xmlns:xs="{XSD_NS}"/>', context)


def driver_schema() -> bytes:
    """The driver: one ``xs:import`` per bundled file, with its local location."""
    imports = "".join(
        f'<xs:import namespace="{_target_namespace(path)}" schemaLocation="{path.as_uri()}"/>'
        for path in schema_files())
    return f'<xs:schema xmlns:xs="{XSD_NS}">{imports}</xs:schema>'.encode()


@cache
def compiled_schema() -> etree.XMLSchema:
    """All bundled schemas compiled into one validator (once per process)."""
    resolver = _LocalOnly()
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(resolver)
    try:
        driver = etree.fromstring(driver_schema(), parser,
                                  base_url=(SCHEMAS / "driver.xsd").as_uri())
        schema = etree.XMLSchema(driver)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
        raise SchemaError(f"OOXML-skjemaene i {SCHEMAS} kan ikke kompileres: {exc}") from exc
    if resolver.refused:
        raise SchemaError("OOXML-skjemaene viser til filer utenfor pakken: "
                          + ", ".join(resolver.refused))
    return schema


@cache
def understood_namespaces() -> frozenset[str]:
    """The namespaces the validator understands in the sense of Markup
    Compatibility: the bundled schemas' target namespaces, ``xml:`` and
    ``xsi:`` (``xsi:type`` in the core properties)."""
    return frozenset({XML_NS, XSI_NS, *(_target_namespace(p) for p in schema_files())})


# -- the XSD index -------------------------------------------------------------

class XsdIndex:
    """Global declarations of the bundled schemas, and the content models of
    their complex types flattened to the order in which children may appear."""

    def __init__(self, files: list[Path]) -> None:
        self.types: dict[QName, etree._Element] = {}
        self.groups: dict[QName, etree._Element] = {}
        self.elements: dict[QName, etree._Element] = {}
        parser = etree.XMLParser(no_network=True, resolve_entities=False, remove_comments=True)
        for path in files:
            root = etree.parse(str(path), parser).getroot()
            tns = root.get("targetNamespace", "")
            for child in root:
                name = child.get("name")
                if name is None:
                    continue
                table = {f"{_XS}complexType": self.types, f"{_XS}group": self.groups,
                         f"{_XS}element": self.elements}.get(child.tag)
                if table is not None:
                    table[(tns, name)] = child
        self._order: dict[etree._Element, tuple[tuple[QName, ...], frozenset[QName]]] = {}
        self._child: dict[tuple[etree._Element, QName], etree._Element | None] = {}

    @staticmethod
    def _qname(decl: etree._Element, value: str) -> QName:
        prefix, _, local = value.rpartition(":")
        ns = decl.nsmap.get(prefix or None)
        if ns is None:
            ns = decl.getroottree().getroot().get("targetNamespace", "") if not prefix else ""
        return ns, local

    @staticmethod
    def _tns(decl: etree._Element) -> str:
        return decl.getroottree().getroot().get("targetNamespace", "")

    def _particles(self, node: etree._Element, seen: frozenset[int] = frozenset(),
                   repeated: bool = False) -> Iterator[tuple[QName, etree._Element, bool]]:
        """Every element declaration a content model allows, in document order,
        with whether it may occur more than once (its own or an enclosing
        particle's ``maxOccurs`` above 1)."""
        for child in node:
            tag = child.tag
            many = repeated or child.get("maxOccurs", "1") != "1"
            if tag == f"{_XS}element":
                if child.get("ref"):
                    qn = self._qname(child, child.get("ref", ""))
                    yield qn, self.elements.get(qn, child), many
                else:
                    yield (self._tns(child), child.get("name", "")), child, many
            elif tag == f"{_XS}group":
                target = self.groups.get(self._qname(child, child.get("ref", "")))
                if target is not None and id(target) not in seen:
                    yield from self._particles(target, seen | {id(target)}, many)
            elif tag in (f"{_XS}extension", f"{_XS}restriction"):
                base = self.types.get(self._qname(child, child.get("base", "")))
                if tag == f"{_XS}extension" and base is not None and id(base) not in seen:
                    yield from self._particles(base, seen | {id(base)}, many)
                yield from self._particles(child, seen, many)
            elif tag in (f"{_XS}sequence", f"{_XS}choice", f"{_XS}all",
                         f"{_XS}complexContent"):
                yield from self._particles(child, seen, many)

    def _model(self, node: etree._Element) -> tuple[tuple[QName, ...], frozenset[QName]]:
        if node not in self._order:
            order: dict[QName, None] = {}
            repeatable = set()
            for qn, _decl, many in self._particles(node):
                order.setdefault(qn)
                if many:
                    repeatable.add(qn)
            self._order[node] = (tuple(order), frozenset(repeatable))
        return self._order[node]

    def child_order(self, complex_type: etree._Element) -> tuple[QName, ...]:
        """The children a complex type allows, in the order its content model lists them."""
        return self._model(complex_type)[0]

    def repeatable(self, complex_type: etree._Element) -> frozenset[QName]:
        """The children a complex type allows more than once."""
        return self._model(complex_type)[1]

    def group_order(self, group: QName) -> tuple[QName, ...]:
        """The elements a named group lists, in order."""
        node = self.groups.get(group)
        return () if node is None else self._model(node)[0]

    def complex_type_of(self, decl: etree._Element | None) -> etree._Element | None:
        """The complex type of an element declaration (named or anonymous)."""
        if decl is None:
            return None
        if decl.get("ref"):
            decl = self.elements.get(self._qname(decl, decl.get("ref", "")))
            if decl is None:
                return None
        if decl.get("type"):
            return self.types.get(self._qname(decl, decl.get("type", "")))
        return decl.find(f"{_XS}complexType")

    def _child_decl(self, complex_type: etree._Element, child: QName) -> etree._Element | None:
        key = (complex_type, child)
        if key not in self._child:
            self._child[key] = next(
                (decl for qn, decl, _ in self._particles(complex_type) if qn == child), None)
        return self._child[key]

    def type_of(self, element: etree._Element) -> etree._Element | None:
        """The complex type the schema gives ``element``, found from the part's root."""
        chain = [element, *element.iterancestors()]
        chain.reverse()
        current = self.complex_type_of(self.elements.get(split(chain[0].tag)))
        for node in chain[1:]:
            if current is None:
                return None
            current = self.complex_type_of(self._child_decl(current, split(node.tag)))
        return current

    def elements_with_group(self, group: QName) -> frozenset[QName]:
        """Names of the local element declarations whose type uses ``group``
        (directly or through another group)."""
        groups = {group}
        changed = True
        while changed:
            changed = False
            for qn, node in self.groups.items():
                if qn not in groups and any(self._qname(g, g.get("ref", "")) in groups
                                            for g in node.iter(f"{_XS}group")):
                    groups.add(qn)
                    changed = True
        types = {ct for ct in self.types.values()
                 if any(self._qname(g, g.get("ref", "")) in groups
                        for g in ct.iter(f"{_XS}group"))}
        names = set()
        for ct in self.types.values():
            for decl in ct.iter(f"{_XS}element"):
                if decl.get("name") and self.complex_type_of(decl) in types:
                    names.add((self._tns(decl), decl.get("name", "")))
        return frozenset(names)


def split(tag: str) -> QName:
    """``{ns}local`` → ``(ns, local)``."""
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


@cache
def xsd_index() -> XsdIndex:
    """The index of every bundled schema file (once per process)."""
    try:
        return XsdIndex(schema_files())
    except (etree.XMLSyntaxError, OSError) as exc:
        raise SchemaError(f"OOXML-skjemaene i {SCHEMAS} kan ikke leses: {exc}") from exc


@cache
def global_elements() -> frozenset[QName]:
    """Every element the schemas declare globally (a possible root of a part)."""
    return frozenset(xsd_index().elements)
