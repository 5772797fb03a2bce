"""Validating a whole .docx, or one XML part of it, as Word reads it."""

from __future__ import annotations

from attrs import frozen
from lxml import etree

from ..errors import Alvor, Problem
from . import mce, rules
from .messages import SchemaMessages
from .names import A, W, name
from .package import CONTENT_TYPES, Package, is_xml_part, parse_xml, rels_name, source_of
from .report import Finding
from .schema import compiled_schema, global_elements, split, understood_namespaces, xsd_index

_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_W = f"{{{W}}}"
EXPECTED_ROOTS: dict[str, str] = {
    _WML + "document.main+xml": f"{_W}document",
    _WML + "template.main+xml": f"{_W}document",
    "application/vnd.ms-word.document.macroEnabled.main+xml": f"{_W}document",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": f"{_W}document",
    _WML + "document.glossary+xml": f"{_W}glossaryDocument",
    _WML + "styles+xml": f"{_W}styles",
    "application/vnd.ms-word.stylesWithEffects+xml": f"{_W}styles",
    _WML + "numbering+xml": f"{_W}numbering",
    _WML + "settings+xml": f"{_W}settings",
    _WML + "fontTable+xml": f"{_W}fonts",
    _WML + "webSettings+xml": f"{_W}webSettings",
    _WML + "header+xml": f"{_W}hdr",
    _WML + "footer+xml": f"{_W}ftr",
    _WML + "footnotes+xml": f"{_W}footnotes",
    _WML + "endnotes+xml": f"{_W}endnotes",
    _WML + "comments+xml": f"{_W}comments",
    "application/vnd.openxmlformats-officedocument.theme+xml": f"{{{A}}}theme",
    "application/vnd.openxmlformats-package.core-properties+xml":
        "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
        "coreProperties",
    "application/vnd.openxmlformats-officedocument.extended-properties+xml":
        "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Properties",
    "application/vnd.openxmlformats-officedocument.custom-properties+xml":
        "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}Properties",
    "application/vnd.openxmlformats-package.relationships+xml":
        "{http://schemas.openxmlformats.org/package/2006/relationships}Relationships",
    "application/vnd.openxmlformats-officedocument.customXmlProperties+xml":
        "{http://schemas.openxmlformats.org/officeDocument/2006/customXml}datastoreItem",
    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml":
        "{http://schemas.openxmlformats.org/drawingml/2006/chart}chartSpace",
}
"""The root element each known content type must have."""


@frozen
class Report:
    """What :func:`inspect_docx` found: every finding (errors, and warnings for
    the XML parts it could not validate), and the parts it validated."""

    findings: tuple[Finding, ...]
    validated: tuple[str, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that are errors."""
        return tuple(f for f in self.findings if f.is_error)

    @property
    def problems(self) -> list[Problem]:
        """The findings as :class:`~slt_docs.errors.Problem` (errors and warnings)."""
        return [f.problem for f in self.findings]


def _schema_findings(part: str, root: etree._Element) -> list[Finding]:
    schema = compiled_schema()
    if schema.validate(root):
        return []
    return SchemaMessages(part, root, xsd_index()).findings(schema.error_log)


def _part_findings(part: str, root: etree._Element, content_type: str | None,
                   xml: bytes) -> tuple[list[Finding], bool]:
    """Markup Compatibility, the schema and the rules of one part (``root`` is
    changed in place by Markup Compatibility). The findings, and whether the
    part could be validated."""
    expected = EXPECTED_ROOTS.get(content_type or "")
    if expected is not None and root.tag != expected:
        return [Finding(rule="content-type", kind="feil rotelement for innholdstypen",
                        part=part, path="/" + name(root.tag, root.nsmap), line=root.sourceline,
                        message=f"delen har innholdstypen {content_type}, men rotelementet "
                                f"er {name(root.tag, root.nsmap)}; forventet "
                                f"{name(expected)}")], False
    if split(root.tag) not in global_elements():
        what = f" ({content_type})" if content_type else ""
        return [Finding(rule="not-validated", kind=f"ikke validert: {name(root.tag, root.nsmap)}",
                        part=part, path="/" + name(root.tag, root.nsmap), severity=Alvor.advarsel,
                        message=f"delen{what} er ikke validert: rotelementet "
                                f"{name(root.tag, root.nsmap)} er ikke med i OOXML-skjemaene")
                ], False
    findings = mce.process(root, part, understood_namespaces(), xml)
    findings += _schema_findings(part, root)
    if root.tag.startswith(_W):
        findings += rules.check_rpr_order(part, root)
    if rules.is_story(root):
        findings += rules.check_fields(part, root)
        findings += rules.check_bookmarks(part, root)
    return findings, True


def validate_part(part: str, xml: bytes, content_type: str | None = None) -> list[Problem]:
    """Validate one XML part on its own: Markup Compatibility, the schema, and
    Word's rules that hold within a part (run property order, fields,
    bookmarks). ``part`` names it in the problems; ``content_type`` (if given)
    must match its root element. Returns errors, and a warning when the part
    could not be validated."""
    root, problem = parse_xml(xml, part)
    if root is None:
        return [problem.problem] if problem is not None else []
    findings, _validated = _part_findings(part, root, content_type, xml)
    return [f.problem for f in findings]


def inspect_docx(data: bytes) -> Report:
    """Validate a .docx (see :func:`validate_docx`), with each finding's rule and class."""
    package = Package.open(data)
    findings: list[Finding] = list(package.findings)
    if not package.files:
        return Report(tuple(findings), ())
    findings += rules.check_content_types(package)
    validated: list[str] = []
    if package.content_types_root is not None:
        findings += _schema_findings(CONTENT_TYPES, package.content_types_root)
        validated.append(CONTENT_TYPES)
    main = package.main_document()
    if main is None:
        findings.append(Finding(rule="package", kind="mangler hoveddokument", part="_rels/.rels",
                                message="pakken har ingen relasjon «officeDocument» til et "
                                        "hoveddokument som finnes (word/document.xml)"))
    related = {rel.type.rsplit("/", 1)[-1]: package.find(rel.target)
               for rel in (package.relationships(main) if main else []) if not rel.external}
    stories: list[tuple[str, etree._Element]] = []
    roots: dict[str, etree._Element] = {}
    for part in package.parts():
        content_type = package.content_type(part)
        if not is_xml_part(part, content_type):
            continue
        root, problem = parse_xml(package.files[part], part)
        if root is None:
            if problem is not None:
                findings.append(problem)
            continue
        if part.endswith(".rels"):
            source = source_of(part)
            targets = package.relationships(source)
            findings += rules.check_relationship_targets(package, part, targets)
        else:
            findings += rules.check_relationship_ids(
                part, root, package.relationships(part), rels_name(part))
        part_findings, ok = _part_findings(part, root, content_type,
                                               package.files[part])
        findings += part_findings
        if ok:
            validated.append(part)
            roots[part] = root
            if rules.is_story(root):
                stories.append((part, root))
    findings += rules.check_docpr_ids(stories)
    styles_part = related.get("styles")
    numbering_part = related.get("numbering")
    styles_root = roots.get(styles_part) if styles_part else None
    numbering_root = roots.get(numbering_part) if numbering_part else None
    with_numbering = [*stories, *([(numbering_part, numbering_root)] if numbering_root is not None
                                  and numbering_part else [])]
    findings += rules.check_styles(styles_part, styles_root, with_numbering)
    with_styles = [*stories, *([(styles_part, styles_root)] if styles_root is not None
                               and styles_part else [])]
    findings += rules.check_numbering(numbering_part, numbering_root, with_styles)
    return Report(tuple(findings), tuple(validated))


def validate_docx(data: bytes) -> list[Problem]:
    """Everything that would make Word repair or refuse the .docx ``data``.

    Each XML part goes through Markup Compatibility (as Word 2007 reads it), is
    validated against the bundled ISO/IEC 29500 Transitional schemas (by its
    content type and root element), and against Word's own rules: run
    properties in ``EG_RPrBase`` order, unique ``wp:docPr`` ids, relationships
    that resolve, a content type for every part, balanced field codes, style,
    numbering and bookmark references that exist.

    Returns :class:`~slt_docs.errors.Problem` with ``fil`` = the part,
    ``sti`` = the element path and a Norwegian ``melding``; errors, and
    warnings (``alvor=advarsel``) for XML parts outside the schemas that were
    not validated. A broken zip or XML is a problem, never an exception; only
    a broken installation (schemas missing) raises
    :class:`~slt_docs.ooxml.schema.SchemaError`."""
    return inspect_docx(data).problems
