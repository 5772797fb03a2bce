"""Word → PDF/UA-1 through LibreOffice.

LibreOffice (in an :class:`~slt_docs.render.office.OfficeSession`) updates
the document's indexes and fields and exports a tagged PDF with PDF/UA-1
identification (its ``PDFUACompliance`` option, LibreOffice 7.0 or newer).
This module then completes what LibreOffice leaves out, with pikepdf: the
document language in the XMP metadata (``dc:language``, which LibreOffice 7.4
does not write), and makes sure of the catalog language, the display of the
document title and the tab order on pages with links. The creation date is
the document's own (from the .docx), and the file identifier is derived from
the content, so the same .docx gives the same PDF. LibreOffice writes the PDF
in its session's own folder, where it is finished; only then is it written to
its final name, all or nothing — a failure or Ctrl-C leaves no half-written file
and none of LibreOffice's temporary or lock files beside it.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from ..files import output_errors, preflight, write_atomic
from .office import (
    ConversionError,
    OfficeCrashed,
    OfficeError,
    OfficeMissing,
    OfficeSession,
    OfficeTimeout,
    find_soffice,
    find_uno_python,
)

PdfError = OfficeError
"""The error of this module (the name used before sessions existed)."""

__all__ = ["ConversionError", "OfficeCrashed", "OfficeError", "OfficeMissing", "OfficeSession",
           "OfficeTimeout", "PdfError", "docx_created", "export_pdf", "find_soffice",
           "find_uno_python", "finish_pdf", "pdf_bytes", "to_pdf"]


def to_pdf(pairs: Sequence[tuple[Path, Path]], *, office: OfficeSession | None = None) -> None:
    """Convert each ``(docx, pdf)`` pair to PDF/UA-1 in one LibreOffice
    session: ``office`` when given, else one started (and ended) here."""
    if office is None:
        with OfficeSession() as session:
            to_pdf(pairs, office=session)
        return
    for src, dst in pairs:
        export_pdf(office, src, dst)


def export_pdf(office: OfficeSession, docx: str | Path, pdf: str | Path) -> Path:
    """Export one .docx as PDF/UA-1 through ``office``; returns the PDF's path."""
    docx, pdf = Path(docx), Path(pdf)
    if not docx.is_file():
        raise ConversionError(f"finner ikke {docx}")
    preflight(pdf)  # a folder in the way, a read-only folder: before LibreOffice's work
    with office.scratch(".pdf") as tmp:
        office.export_pdf(docx, tmp)
        finish_pdf(tmp, title=docx.stem, producer=office.version, created=docx_created(docx))
        write_atomic(pdf, tmp.read_bytes())  # «kan ikke skrive …» for a full disk
    return pdf


def pdf_bytes(office: OfficeSession, docx: bytes, name: str) -> bytes:
    """The PDF/UA-1 of a .docx held in memory, named ``name`` (its title
    when it has none, and in messages), made through ``office`` in the
    session's own folder — so that a set of documents and their PDFs can be
    written all or nothing. Raises :class:`OfficeError` or a subclass, and
    :class:`~slt_docs.files.OutputError` when the session's folder cannot
    be written."""
    with office.scratch(".docx") as source, office.scratch(".pdf") as pdf:
        with output_errors(source):
            source.write_bytes(docx)
        try:
            office.export_pdf(source, pdf)
        except ConversionError as exc:
            raise ConversionError(str(exc).replace(source.name, name)) from exc
        finish_pdf(pdf, title=Path(name).stem, producer=office.version,
                   created=docx_created(source))
        with output_errors(pdf):
            return pdf.read_bytes()


def docx_created(docx: str | Path) -> dt.datetime | None:
    """The creation date in a .docx's core properties (slt_docs writes the
    document's own date there, never the clock), or None."""
    try:
        with zipfile.ZipFile(docx) as z:
            root = etree.fromstring(z.read("docProps/core.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None
    found = root.find("{http://purl.org/dc/terms/}created")
    try:
        value = dt.datetime.fromisoformat((found.text or "").strip().replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def finish_pdf(path: str | Path, *, title: str = "", producer: str = "",
               created: dt.datetime | None = None) -> None:
    """Complete LibreOffice's PDF/UA-1 export in place: ``dc:language`` from
    the catalog's ``/Lang``; ``dc:title`` (``title`` when the document has
    none); ``/DisplayDocTitle``; ``/Tabs /S`` on every page with annotations.
    With ``created`` (the document's own date) the creation date and the
    file identifier are fixed too, so the same .docx gives the same PDF bytes.
    Raises :class:`OfficeError` when the PDF is not tagged or carries no
    PDF/UA identification (a LibreOffice older than 7.0)."""
    import pikepdf
    from pikepdf.models.metadata import encode_pdf_date

    path = Path(path)
    try:
        pdf = pikepdf.open(path, allow_overwriting_input=True)
    except (pikepdf.PdfError, OSError) as exc:
        raise ConversionError(f"LibreOffice laget en PDF som ikke kan leses ({exc})") from exc
    with pdf:
        root = pdf.Root
        if "/StructTreeRoot" not in root:
            raise OfficeError("LibreOffice laget en PDF uten struktur (tagger); universell "
                              "utforming krever merket PDF")
        lang = str(root.get("/Lang", "")).strip()
        prefs = root.get("/ViewerPreferences")
        if not isinstance(prefs, pikepdf.Dictionary):
            prefs = root.ViewerPreferences = pikepdf.Dictionary()
        prefs.DisplayDocTitle = True
        for page in pdf.pages:
            if "/Annots" in page.obj and len(page.obj.Annots) > 0:
                page.obj.Tabs = pikepdf.Name.S
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            if meta.get("pdfuaid:part") != "1":
                version = f" {producer}" if producer else ""
                raise OfficeError(f"LibreOffice{version} kan ikke lage PDF/UA (universell "
                                  "utforming); oppgrader til LibreOffice 7.0 eller nyere")
            if lang:
                meta["dc:language"] = {lang}
            if not meta.get("dc:title") and title:
                meta["dc:title"] = title
            if created is not None:
                meta["xmp:CreateDate"] = created.isoformat()
        if created is not None:
            pdf.docinfo[pikepdf.Name.CreationDate] = encode_pdf_date(created)
            for key in ("/DocChecksum", "/ID"):  # LibreOffice's, new on every export
                if key in pdf.trailer:
                    del pdf.trailer[key]
        pdf.save(path, deterministic_id=created is not None)
