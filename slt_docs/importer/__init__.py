"""Bring an existing plan in: a kommune's Word handlingsplan read into a
draft data folder (``handlingsplan.yaml``, ``organisasjon.yaml``,
``kommune.yaml`` …) the coordinator then corrects.

>>> from slt_docs.importer import import_docx                     # doctest: +SKIP
>>> draft = import_docx("Handlingsplan 2022.docx")                # doctest: +SKIP
>>> draft.write("aukra/")                                        # doctest: +SKIP

The pipeline, one module each: :mod:`.reader` (the Word file, opened
safely) → :mod:`.outline` (what each paragraph is) → :mod:`.build` (the
data, with :mod:`.tables`, :mod:`.when`, :mod:`.frequency` and
:mod:`.words`) → :mod:`.draft` (commented YAML, written all or nothing).
"""

from __future__ import annotations

from pathlib import Path

from attrs import frozen

from ..data.schema import SCHEMA_FILE, schema_text
from .build import Builder, Counts
from .draft import MARKERS, write_folder
from .reader import SourceDocument, read_docx

FILES = ("kommune", "organisasjon", "handlingsplan", "moteplan", "dokumenter")
"""The draft's files, in the order they are written (without ``.yaml``)."""


@frozen
class Draft:
    """A draft data folder: ``files`` maps each file name
    (``handlingsplan.yaml``) to its YAML text; ``counts`` says what was
    found; ``language`` is the written standard guessed (``nb``/``nn``)."""

    files: dict[str, str]
    counts: Counts
    language: str
    source: str

    def write(self, folder: str | Path, *, overwrite: bool = False) -> list[Path]:
        """Write the files into ``folder`` with the JSON schema their first
        line points the editor to (``slt-docs.schema.json``, as ``slt-docs ny``
        does), all or nothing; refuses to replace data files there unless
        ``overwrite`` (the schema is always brought up to date). Raises
        :class:`~slt_docs.errors.SltError` (:class:`~slt_docs.files.OutputError`
        when a file cannot be written)."""
        return write_folder({**self.files, SCHEMA_FILE: schema_text()}, folder,
                            overwrite=overwrite)


def import_docx(source: str | Path | bytes, *, name: str | None = None) -> Draft:
    """Read a Word handlingsplan (a path or the file's bytes) into a
    :class:`Draft`. Raises :class:`~slt_docs.errors.SltError` for a file
    that is not a harmless Word document (macros, zip bombs, XML entity
    declarations, external content are refused)."""
    label = name or (Path(source).name if not isinstance(source, bytes) else "Word-fila")
    document = read_docx(source, name=f"«{label}»")
    return build_draft(document, label)


def build_draft(document: SourceDocument, name: str) -> Draft:
    """The draft for a document already read with :func:`read_docx`."""
    builder = Builder(document, name)
    builder.run()
    files = {}
    for key in FILES:
        f = builder.files[key]
        if key == "handlingsplan" and "periode" not in f.body:
            continue  # no plan in the document (a mandate or a møteplan of its own)
        if key in ("kommune", "organisasjon") or f.used or len(f.body):
            files[f"{key}.yaml"] = f.dumps()
    return Draft(files=files, counts=builder.counts, language=builder.lang, source=name)


__all__ = ["FILES", "MARKERS", "Counts", "Draft", "SourceDocument", "build_draft", "import_docx",
           "read_docx"]
