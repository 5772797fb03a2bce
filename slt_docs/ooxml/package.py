"""The Open Packaging side of a .docx: its parts, their content types and
relationships, read safely (zip limits, XML without DTDs or entities)."""

from __future__ import annotations

import contextlib
import posixpath
import re
from urllib.parse import unquote

from attrs import field, frozen
from lxml import etree

from ..errors import SltError
from ..render.safety import read_zip
from .names import CT, PR
from .report import Finding

CONTENT_TYPES = "[Content_Types].xml"
RELATIONSHIPS_CT = "application/vnd.openxmlformats-package.relationships+xml"
OFFICE_DOCUMENT = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                   "officeDocument")
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                          huge_tree=False)


@frozen
class Relationship:
    """One ``Relationship`` of a part (``target`` resolved to a part name when internal)."""

    id: str
    type: str
    target: str
    external: bool
    element: etree._Element = field(eq=False, repr=False)


def rels_name(part: str) -> str:
    """``word/document.xml`` → ``word/_rels/document.xml.rels``; ``""`` (the
    package) → ``_rels/.rels``."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def source_of(rels: str) -> str:
    """``word/_rels/document.xml.rels`` → ``word/document.xml``; ``_rels/.rels`` → ``""``."""
    folder, base = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")]).lstrip("/")


def resolve_target(source: str, target: str) -> str:
    """A relationship's target as a part name, relative to its source part."""
    target = unquote(target.split("#", 1)[0])
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target)).lstrip("/")


def extension(part: str) -> str:
    """``word/media/image1.PNG`` → ``PNG``; ``_rels/.rels`` → ``rels`` (a part
    name's extension is what follows its last dot, even a leading one)."""
    base = part.rsplit("/", 1)[-1]
    return base.rpartition(".")[2] if "." in base else ""


def is_xml_part(name: str, content_type: str | None) -> bool:
    """Whether a part holds XML (by content type, else by name)."""
    if content_type:
        return content_type.endswith(("+xml", "/xml"))
    return name.lower().endswith((".xml", ".rels"))


def parse_xml(blob: bytes, part: str) -> tuple[etree._Element | None, Finding | None]:
    """Parse one part; a DTD, an entity declaration or malformed XML is a finding."""
    text = blob
    if blob.startswith((b"\xff\xfe", b"\xfe\xff")):
        with contextlib.suppress(UnicodeDecodeError):
            text = blob.decode("utf-16").encode()
    if _DECLARATION.search(text):
        return None, Finding(rule="xml", kind="XML med DOCTYPE/ENTITY", part=part,
                             message="XML med <!DOCTYPE> eller <!ENTITY> er ikke tillatt i en "
                                     "Word-fil")
    try:
        return etree.fromstring(blob, _PARSER), None
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        return None, Finding(rule="xml", kind="ugyldig XML", part=part, line=line,
                             message=f"ugyldig XML: {exc.msg}")
    except ValueError as exc:  # e.g. an encoding lxml does not know
        return None, Finding(rule="xml", kind="ugyldig XML", part=part,
                             message=f"ugyldig XML: {exc}")


class Package:
    """A .docx opened for validation: the parts, content types and relationships.

    Built with :meth:`open`, which never raises for a bad file: what is wrong
    is in ``findings``."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self.findings: list[Finding] = []
        self._lower = {name.lower(): name for name in files}
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, str] = {}
        self.content_types_root: etree._Element | None = None
        self._rels: dict[str, list[Relationship]] = {}
        self._read_content_types()

    @classmethod
    def open(cls, data: bytes) -> Package:
        """Read a .docx from bytes (zip limits as for templates)."""
        try:
            files = read_zip(data, "Word-fila")
        except SltError as exc:
            package = cls({})
            package.findings = [Finding(rule="package", kind="ikke en gyldig zip-fil", part="",
                                        message=str(exc).removeprefix("Word-fila: "))]
            return package
        return cls(files)

    def find(self, name: str) -> str | None:
        """The part's name as stored (part names compare without case), or None."""
        return self._lower.get(name.lower())

    def _read_content_types(self) -> None:
        name = self.find(CONTENT_TYPES)
        if name is None:
            if self.files:
                self.findings.append(Finding(
                    rule="content-type", kind="mangler [Content_Types].xml", part=CONTENT_TYPES,
                    message="pakken mangler [Content_Types].xml (innholdstypene)"))
            return
        root, problem = parse_xml(self.files[name], CONTENT_TYPES)
        if problem is not None:
            self.findings.append(problem)
            return
        assert root is not None
        self.content_types_root = root
        for item in root.iterchildren(f"{{{CT}}}Default"):
            self.defaults[item.get("Extension", "").lower()] = item.get("ContentType", "")
        for item in root.iterchildren(f"{{{CT}}}Override"):
            self.overrides[item.get("PartName", "").lstrip("/").lower()] = \
                item.get("ContentType", "")

    def content_type(self, part: str) -> str | None:
        """The part's content type (its Override, else the Default for its extension)."""
        found = self.overrides.get(part.lower())
        if found is None:
            found = self.defaults.get(extension(part).lower())
        return found

    def parts(self) -> list[str]:
        """Every part but ``[Content_Types].xml``, in zip order."""
        return [n for n in self.files if n != self.find(CONTENT_TYPES)]

    def relationships(self, part: str, root: etree._Element | None = None) -> list[Relationship]:
        """The relationships of ``part`` (``""`` for the package), from its
        ``.rels`` part (``root``: that part already parsed)."""
        rels = rels_name(part)
        if rels in self._rels:
            return self._rels[rels]
        stored = self.find(rels)
        out: list[Relationship] = []
        if stored is not None:
            if root is None:
                root, _problem = parse_xml(self.files[stored], stored)
            for item in root.iterchildren(f"{{{PR}}}Relationship") if root is not None else ():
                external = item.get("TargetMode") == "External"
                target = item.get("Target", "")
                out.append(Relationship(
                    id=item.get("Id", ""), type=item.get("Type", ""), external=external,
                    target=target if external else resolve_target(part, target), element=item))
        self._rels[rels] = out
        return out

    def main_document(self) -> str | None:
        """The part the package's officeDocument relationship names, if it exists."""
        for rel in self.relationships(""):
            if rel.type == OFFICE_DOCUMENT and not rel.external:
                return self.find(rel.target)
        return None
