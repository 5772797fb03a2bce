"""Untrusted Word files and zip archives, read safely.

A template, a template pack or a profile document may come from another
kommune. Before python-docx or docxtpl sees one, it passes through here:

- **Zip limits** (:func:`read_zip`): the file's size, the number of members,
  each member's and the total decompressed size — the sizes the archive
  declares *and* the bytes actually decompressed, read in chunks, so a zip
  bomb stops early. Names with ``..``, absolute paths, drive letters,
  symbolic links, encrypted or duplicate members are refused. Nothing is
  ever extracted to disk here.
- **XML without entities**: every XML part is refused when it holds a
  ``<!DOCTYPE`` or ``<!ENTITY`` declaration, and parsed with entity
  resolution, DTD loading and network access off.
- **No active content** (:func:`clean_docx`): macros (``vbaProject.bin``,
  macro-enabled ``.docm``/``.dotm`` content types), ActiveX controls,
  embedded OLE objects (``embeddings/``, ``w:object``), ``altChunk``
  imports, sub-documents and external relationships (remote or ``file://``
  pictures, frames, data sources) are **refused**; field codes that fetch
  or run something (``INCLUDEPICTURE``, ``INCLUDETEXT``, ``DDE``,
  ``DDEAUTO``, ``LINK``, ``IMPORT``, ``MACROBUTTON`` …) and hyperlinks to
  anything but ``http(s)``/``mailto`` are **refused**. The link to an
  attached template (``attachedTemplate`` in the settings, e.g. a
  ``Normal.dotm`` on the author's disk) is **stripped** and reported in
  :attr:`CleanDocx.notes`: it is harmless once removed and very common in
  real profile documents; a :class:`SafetyNotice` warning says so.

A refusal is an :class:`UnsafeFile` (an :class:`~slt_docs.errors.SltError`,
exit status 2) whose Norwegian message names the file and the part.
"""

from __future__ import annotations

import io
import posixpath
import re
import stat
import warnings
import zipfile
from collections.abc import Iterator

from attrs import frozen
from lxml import etree

from ..errors import SltError
from .package import normalize_zip

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Largest zip file (a .docx or a pack) read, as stored on disk: 50 MiB."""
MAX_MEMBERS = 1000
"""Most members in one zip file."""
MAX_MEMBER_BYTES = 50 * 1024 * 1024
"""Largest decompressed member: 50 MiB."""
MAX_TOTAL_BYTES = 150 * 1024 * 1024
"""Largest decompressed total of one zip file: 150 MiB."""
_CHUNK = 64 * 1024

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"

_SAFE_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                               huge_tree=False, remove_blank_text=False)
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)

_REFUSED_CONTENT = {
    "macroenabled": "makroer (Word-fil med makroer, .docm/.dotm)",
    "vbaproject": "makroer (VBA-prosjekt)",
    "vbadata": "makroer (VBA-data)",
    "activex": "ActiveX-kontroller",
    "oleobject": "innebygde OLE-objekter",
    "keymapcustomizations": "tilpassede hurtigtaster (makroer)",
    "attachedtoolbars": "verktøylinjer med makroer",
}
_REFUSED_PART = [
    (re.compile(r"(^|/)vbaproject\.bin$|(^|/)vbadata\.xml$", re.I), "makroer (VBA)"),
    (re.compile(r"(^|/)activex/", re.I), "ActiveX-kontroller"),
    (re.compile(r"(^|/)embeddings/", re.I), "innebygde objekter (OLE)"),
    (re.compile(r"(^|/)customui", re.I), "egne menyer og knapper (customUI)"),
]
_REFUSED_REL = {
    "oleObject": "et innebygd OLE-objekt",
    "package": "et innebygd dokument",
    "control": "en ActiveX-kontroll",
    "activeXControl": "en ActiveX-kontroll",
    "activeXControlBinary": "en ActiveX-kontroll",
    "vbaProject": "makroer (VBA)",
    "wordVbaData": "makroer (VBA)",
    "aFChunk": "et importert dokument (altChunk)",
    "subDocument": "et underdokument",
    "frame": "en ramme med innhold utenfra",
    "attachedToolbars": "verktøylinjer med makroer",
    "keyMapCustomizations": "tilpassede hurtigtaster (makroer)",
    "ui/extensibility": "egne menyer og knapper (customUI)",
    "extensibility": "egne menyer og knapper (customUI)",
}
_REFUSED_ELEMENTS = {
    f"{{{W_NS}}}object": "et innebygd objekt (w:object)",
    f"{{{W_NS}}}control": "en ActiveX-kontroll (w:control)",
    f"{{{W_NS}}}altChunk": "et importert dokument (w:altChunk)",
    f"{{{W_NS}}}subDoc": "et underdokument (w:subDoc)",
    "{urn:schemas-microsoft-com:office:office}OLEObject": "et innebygd OLE-objekt",
}
W = f"{{{W_NS}}}"
_DANGEROUS_FIELDS = re.compile(
    r"\b(DDE|DDEAUTO|INCLUDE|INCLUDEPICTURE|INCLUDETEXT|IMPORT|LINK|RD|DATABASE|"
    r"MACROBUTTON|GOTOBUTTON|AUTOTEXT|AUTOTEXTLIST)\b", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]*"')
_WEB_LINK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_SVG_EXTERNAL = re.compile(
    rb"""(href|src)\s*=\s*["']\s*(?!#|data:)[^"']+["']|url\(\s*["']?\s*(?!#|data:)""",
    re.IGNORECASE)


class UnsafeFile(SltError):
    """A file was refused: too large, a zip bomb, or active or external content."""


class SafetyNotice(UserWarning):
    """Something was stripped from a Word file (the message says what and where)."""


@frozen
class CleanDocx:
    """A Word file that passed the checks: its (re-zipped) bytes and what was stripped."""

    data: bytes
    notes: tuple[str, ...] = ()


# -- zip ---------------------------------------------------------------------

def _refuse(what: str, part: str | None, message: str) -> UnsafeFile:
    where = f"{what}, del «{part}»" if part else what
    return UnsafeFile(f"{where}: {message}")


def check_member_name(name: str, what: str) -> str:
    """The member's name with ``/`` separators; refuses ``..``, absolute paths
    and drive letters."""
    clean = name.replace("\\", "/")
    if clean.startswith("/") or re.match(r"^[A-Za-z]:", clean):
        raise _refuse(what, name, "absolutt sti er ikke tillatt i en zip-fil")
    if any(part == ".." for part in clean.split("/")):
        raise _refuse(what, name, "«..» (sti utenfor pakken) er ikke tillatt i en zip-fil")
    if "\x00" in clean:
        raise _refuse(what, name, "ugyldig filnavn")
    return clean


def read_zip(data: bytes, what: str, *, max_members: int = MAX_MEMBERS,
             max_member_bytes: int = MAX_MEMBER_BYTES,
             max_total_bytes: int = MAX_TOTAL_BYTES,
             max_file_bytes: int = MAX_FILE_BYTES) -> dict[str, bytes]:
    """Every file in the zip ``data`` by name, within the limits (see the
    module doc). ``what`` names the file in messages ("malpakken «X»")."""
    if len(data) > max_file_bytes:
        raise _refuse(what, None, f"fila er større enn {max_file_bytes // (1024 * 1024)} MiB")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _refuse(what, None, "fila er ikke en gyldig zip-fil (eller Word-fil)") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > max_members:
            raise _refuse(what, None, f"zip-fila har mer enn {max_members} filer")
        declared = 0
        seen: set[str] = set()
        for info in infos:
            name = check_member_name(info.filename, what)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise _refuse(what, info.filename, "symbolske lenker er ikke tillatt i en zip-fil")
            if info.flag_bits & 0x1:
                raise _refuse(what, info.filename, "krypterte filer er ikke tillatt")
            if name.casefold() in seen:
                raise _refuse(what, info.filename, "fila står to ganger i zip-fila")
            seen.add(name.casefold())
            if info.file_size > max_member_bytes:
                raise _refuse(what, info.filename, _too_big(max_member_bytes, "pakket ut"))
            declared += info.file_size
            if declared > max_total_bytes:
                raise _refuse(what, None, _too_big(max_total_bytes, "pakket ut til sammen"))
        out: dict[str, bytes] = {}
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            chunks = []
            size = 0
            try:
                with archive.open(info) as fh:
                    while chunk := fh.read(_CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if size > min(info.file_size, max_member_bytes):
                            raise _refuse(what, info.filename,
                                          "fila pakker seg ut til mer enn den sier (zip-bombe?)")
                        if total > max_total_bytes:
                            raise _refuse(what, None,
                                          _too_big(max_total_bytes, "pakket ut til sammen"))
                        chunks.append(chunk)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError,
                    NotImplementedError) as exc:
                raise _refuse(what, info.filename, "fila er skadet, eller pakker seg ut til noe "
                              "annet enn den oppgir (zip-bombe?)") from exc
            out[check_member_name(info.filename, what)] = b"".join(chunks)
        return out


def _too_big(limit: int, how: str) -> str:
    return f"mer enn {limit // (1024 * 1024)} MiB {how} (zip-bombe?)"


# -- XML ---------------------------------------------------------------------

def _is_xml(name: str, blob: bytes) -> bool:
    lower = name.lower()
    if lower.endswith((".xml", ".rels", ".vml")):
        return True
    head = blob[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<?xml")


def _decoded_head(blob: bytes) -> bytes:
    """The XML as UTF-8 bytes for the declaration scan (UTF-16 files too)."""
    if blob.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return blob.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return blob
    return blob


def parse_safe_xml(blob: bytes, what: str, part: str) -> etree._Element:
    """Parse one XML part, refusing DTDs and entity declarations."""
    if _DECLARATION.search(_decoded_head(blob)):
        raise _refuse(what, part, "XML med <!DOCTYPE> eller <!ENTITY> er ikke tillatt "
                      "(kan brukes til å lese filer eller fylle minnet)")
    try:
        root = etree.fromstring(blob, _SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise _refuse(what, part, f"ugyldig XML ({exc.msg})") from exc
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise _refuse(what, part, "XML med <!DOCTYPE> er ikke tillatt")
    return root


# -- Word --------------------------------------------------------------------

def _rels_source(rels_name: str) -> str:
    """``word/_rels/document.xml.rels`` → ``word/document.xml``."""
    folder, base = posixpath.split(rels_name)
    parent = posixpath.dirname(folder)
    return posixpath.join(parent, base[: -len(".rels")])


def _content_types(root: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    for el in root:
        yield el, (el.get("ContentType") or "")


def clean_docx(data: bytes, what: str) -> CleanDocx:
    """Check a Word file (see the module doc) and return it re-zipped from
    the checked parts, with the attached-template link stripped. Raises
    :class:`UnsafeFile`. ``what`` names the file in messages."""
    parts = read_zip(data, what)
    notes = _inspect(parts, what, strip=True)
    for note in notes:
        warnings.warn(note, SafetyNotice, stacklevel=2)
    return CleanDocx(data=normalize_zip(_zip(parts)), notes=tuple(notes))


def check_output(data: bytes, what: str) -> None:
    """Check a rendered document the same way (nothing is stripped: any
    finding is a refusal). Its size is bounded by the renderer."""
    parts = read_zip(data, what, max_file_bytes=len(data), max_member_bytes=4 * MAX_TOTAL_BYTES,
                     max_total_bytes=4 * MAX_TOTAL_BYTES)
    _inspect(parts, what, strip=False)


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, blob in parts.items():
            dst.writestr(name, blob)
    return out.getvalue()


def _inspect(parts: dict[str, bytes], what: str, *, strip: bool) -> list[str]:
    notes: list[str] = []
    if "[Content_Types].xml" not in parts:
        raise _refuse(what, None, "fila er ikke et Word-dokument (mangler [Content_Types].xml)")
    for name in parts:
        for pattern, label in _REFUSED_PART:
            if pattern.search(name):
                raise _refuse(what, name, f"{label} er ikke tillatt")
    trees: dict[str, etree._Element] = {}
    for name, blob in parts.items():
        if name.lower().endswith(".svg") and (
                _DECLARATION.search(_decoded_head(blob)) or _SVG_EXTERNAL.search(blob)):
            raise _refuse(what, name, "SVG-bilde med innhold utenfra er ikke tillatt")
        if _is_xml(name, blob):
            trees[name] = parse_safe_xml(blob, what, name)
    _check_content_types(parts, trees, what)
    for name, root in trees.items():
        if name.endswith(".rels"):
            changed = _check_rels(name, root, parts, trees, what, strip, notes)
            if changed:
                parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                             standalone=True)
        else:
            _check_elements(name, root, what)
    return notes


def _check_content_types(parts: dict[str, bytes], trees: dict[str, etree._Element],
                         what: str) -> None:
    root = trees["[Content_Types].xml"]
    changed = False
    for el, content_type in _content_types(root):
        lower = content_type.lower()
        for key, label in _REFUSED_CONTENT.items():
            if key in lower:
                part = el.get("PartName") or f"*.{el.get('Extension')}"
                raise _refuse(what, part.lstrip("/"), f"{label} er ikke tillatt")
        if content_type == TEMPLATE_MAIN:
            el.set("ContentType", DOCUMENT_MAIN)  # a .dotx is read as a document
            changed = True
    if changed:
        parts["[Content_Types].xml"] = etree.tostring(root, xml_declaration=True,
                                                      encoding="UTF-8", standalone=True)


def _check_rels(name: str, root: etree._Element, parts: dict[str, bytes],
                trees: dict[str, etree._Element], what: str, strip: bool,
                notes: list[str]) -> bool:
    changed = False
    source = _rels_source(name)
    for rel in list(root):
        rel_type = (rel.get("Type") or "").rsplit("/relationships/", 1)[-1]
        short = rel_type.rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        external = (rel.get("TargetMode") or "").lower() == "external"
        if short == "attachedTemplate":
            if not strip:
                raise _refuse(what, name, "dokumentet peker til en vedlagt mal (attachedTemplate)")
            root.remove(rel)
            _strip_attached_template(source, rel.get("Id") or "", parts, trees)
            notes.append(f"{what}: fjernet koblingen til en vedlagt mal («{target}») i "
                         f"{source}")
            changed = True
            continue
        label = _REFUSED_REL.get(rel_type) or _REFUSED_REL.get(short)
        if label:
            raise _refuse(what, name, f"{label} er ikke tillatt (mål «{target}»)")
        if external:
            if short == "hyperlink":
                if not _WEB_LINK.match(target.strip()):
                    raise _refuse(what, name, f"lenke til «{target}» er ikke tillatt; bare "
                                  "http(s)- og e-postlenker")
                continue
            kind = "bilde" if short == "image" else f"«{short}»"
            raise _refuse(what, name, f"ekstern kobling ({kind}) til «{target}» er ikke "
                          "tillatt; alt innhold må ligge i fila")
    return changed


def _strip_attached_template(source: str, rel_id: str, parts: dict[str, bytes],
                             trees: dict[str, etree._Element]) -> None:
    root = trees.get(source)
    if root is None:
        return
    for el in root.iter(f"{{{W_NS}}}attachedTemplate"):
        if el.get(f"{{{R_NS}}}id") == rel_id or not rel_id:
            el.getparent().remove(el)
            break
    parts[source] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                   standalone=True)


def _check_elements(name: str, root: etree._Element, what: str) -> None:
    for el in root.iter(*_REFUSED_ELEMENTS):
        raise _refuse(what, name, f"{_REFUSED_ELEMENTS[el.tag]} er ikke tillatt")
    for instruction in field_instructions(root):
        _check_field(instruction, name, what)


_NESTED = "\x00felt\x00"
"""Stands in an instruction for a nested field whose result cannot be known."""


class _Field:
    def __init__(self) -> None:
        self.live = ""  # the instruction as Word shows it (deleted text left out)
        self.full = ""  # with text marked as deleted (a rejected change brings it back)
        self.in_result = False


def field_instructions(root: etree._Element) -> Iterator[str]:
    """Every field instruction in an XML part, as Word would evaluate it:
    complex fields (``w:fldChar`` begin … separate … end) joined over every
    run and paragraph they span, nested fields resolved (a ``QUOTE`` field
    gives its text — also one spelled as character codes, ``QUOTE 68 68 69`` —
    any other nested field an unknown value), with and without text marked as
    deleted; simple fields (``w:fldSimple``) as they are."""
    begin, separate, end = "begin", "separate", "end"
    stack: list[_Field] = []
    for el in root.iter(f"{W}fldChar", f"{W}instrText", f"{W}delInstrText", f"{W}fldSimple"):
        tag = el.tag
        if tag == f"{W}fldSimple":
            yield el.get(f"{W}instr") or ""
        elif tag == f"{W}fldChar":
            kind = el.get(f"{W}fldCharType")
            if kind == begin:
                stack.append(_Field())
            elif kind == separate and stack:
                stack[-1].in_result = True
            elif kind == end and stack:
                done = stack.pop()
                yield done.live
                if done.full != done.live:
                    yield done.full
                if stack and not stack[-1].in_result:
                    stack[-1].live += _field_value(done.live)
                    stack[-1].full += _field_value(done.full)
        elif not stack or stack[-1].in_result:
            yield el.text or ""  # instruction text outside a field: judged on its own
        else:
            stack[-1].full += el.text or ""
            if tag == f"{W}instrText":
                stack[-1].live += el.text or ""
    for left in stack:  # a field never closed
        yield left.live
        yield left.full


def _field_value(instruction: str) -> str:
    """What a nested field gives its parent: a QUOTE field's text, else unknown."""
    words = instruction.split()
    if not words or words[0].upper() != "QUOTE" or _NESTED in instruction:
        return _NESTED
    rest = words[1:]
    if rest and all(w.isdigit() and int(w) < 0x110000 for w in rest):
        return "".join(chr(int(w)) for w in rest)
    text = instruction.strip()[len(words[0]):].strip()
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] == '"' else text


def _check_field(instruction: str, name: str, what: str) -> None:
    words = instruction.replace("\u00a0", " ").split()
    head = words[0] if words else ""
    if _NESTED in head:
        raise _refuse(what, name, "en feltkode som får navnet sitt fra et annet felt er ikke "
                      "tillatt (skjult feltkode)")
    bare = _QUOTED.sub('""', instruction)
    match = _DANGEROUS_FIELDS.search(bare) or _DANGEROUS_FIELDS.fullmatch(head.strip('"'))
    if match:
        raise _refuse(what, name, f"feltkoden {match.group(1).upper()} er ikke tillatt (den "
                      "henter innhold utenfra eller kjører noe)")
    if re.match(r"\s*HYPERLINK\b", instruction, re.IGNORECASE):
        target = next(iter(_QUOTED.findall(instruction)), '""').strip('"')
        if target and "\\l" not in instruction and not _WEB_LINK.match(target):
            raise _refuse(what, name, f"lenkefelt til «{target}» er ikke tillatt; bare "
                          "http(s)- og e-postlenker")
