"""Opening a template pack — a folder, a .zip, or one .docx — safely.

Nothing in a pack is trusted: the pack .zip is read in memory within the
limits of :func:`slt_docs.render.safety.read_zip` (never extracted); a
folder is read file by file, refusing symbolic links and paths outside it;
every Word file passes :func:`slt_docs.render.safety.clean_docx`; pictures
must be PNG or JPEG. Only the manifest and the files it names are read.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path, PurePosixPath

from attrs import field, frozen

from ..errors import SltError
from ..render.docx import Picture
from ..render.safety import (
    MAX_FILE_BYTES,
    MAX_MEMBER_BYTES,
    MAX_TOTAL_BYTES,
    CleanDocx,
    UnsafeFile,
    clean_docx,
    read_zip,
)
from .manifest import HTML_KINDS, MANIFEST, Manifest, check_member_path, read_manifest

MAX_PACK_FILES = 200
"""Most files in a pack .zip."""
_JUNK = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")


class PackError(SltError):
    """A template pack cannot be used; ``problems`` may list where."""


@frozen
class Template:
    """One checked Word template: its kind (``None`` for a lone .docx, which
    serves the kind asked for), its name in the pack and its bytes."""

    kind: str | None
    name: str
    data: bytes
    notes: tuple[str, ...] = ()


@frozen
class TemplatePack:
    """An opened pack, or a single template. ``label`` names it in messages."""

    source: Path
    label: str
    manifest: Manifest | None
    templates: dict[str, Template] = field(factory=dict)
    single: Template | None = None
    pictures: dict[str, Picture] = field(factory=dict)
    files: dict[str, bytes] = field(factory=dict)
    """The pack's files as read (manifest, templates, pictures), by name."""

    @property
    def notes(self) -> tuple[str, ...]:
        """What was stripped from the templates (attached-template links)."""
        found = [n for t in self.templates.values() for n in t.notes]
        return tuple(found + (list(self.single.notes) if self.single else []))

    def template(self, kind: str) -> Template | None:
        """The template for ``kind``, or ``None`` (the default is used)."""
        return self.single or self.templates.get(kind)

    def check_language(self, code: str) -> None:
        """Refuse a language the pack's templates are not written for."""
        if self.manifest is not None and code not in self.manifest.spraak:
            raise PackError(f"{self.label} er laget for språket {', '.join(self.manifest.spraak)}"
                            f", ikke «{code}»; velg et av dem med --lang, eller bruk en annen mal")


def pack_label(manifest: Manifest | None, path: Path) -> str:
    """``malpakken «Aukra-malen» (aukra.zip)``."""
    if manifest is None:
        return f"malpakken «{path.name}»"
    return f"malpakken «{manifest.navn}» ({path.name})"


# -- reading files ---------------------------------------------------------------

def _read_folder_file(root: Path, name: str, what: str) -> bytes:
    """One file of a pack folder: inside the folder, no links, within limits."""
    why = check_member_path(name)
    if why:
        raise UnsafeFile(f"{what}, fil «{name}»: {why}")
    path = root
    for part in PurePosixPath(name.replace("\\", "/")).parts:
        path = path / part
        try:
            info = os.lstat(path)
        except FileNotFoundError as exc:
            raise PackError(f"{what}: fila «{name}» finnes ikke i pakken") from exc
        except OSError as exc:
            raise PackError(f"{what}: kan ikke lese «{name}»: {exc.strerror}") from exc
        if stat.S_ISLNK(info.st_mode):
            raise UnsafeFile(f"{what}, fil «{name}»: symbolske lenker er ikke tillatt i en "
                             "malpakke")
    if not stat.S_ISREG(info.st_mode):
        raise PackError(f"{what}: «{name}» er ikke en vanlig fil")
    if info.st_size > MAX_MEMBER_BYTES:
        raise UnsafeFile(f"{what}, fil «{name}»: fila er større enn "
                         f"{MAX_MEMBER_BYTES // (1024 * 1024)} MiB")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise UnsafeFile(f"{what}, fil «{name}»: kan ikke åpnes ({exc.strerror})") from exc
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise UnsafeFile(f"{what}, fil «{name}»: fila er for stor")
    return data


def _zip_files(path: Path) -> dict[str, bytes]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackError(f"kan ikke lese malpakken «{path}»: {exc.strerror}") from exc
    if size > MAX_FILE_BYTES:
        raise UnsafeFile(f"malpakken «{path.name}»: fila er større enn "
                         f"{MAX_FILE_BYTES // (1024 * 1024)} MiB")
    files = read_zip(path.read_bytes(), f"malpakken «{path.name}»",
                     max_members=MAX_PACK_FILES, max_total_bytes=MAX_TOTAL_BYTES)
    files = {n: b for n, b in files.items()
             if not any(n.startswith(j) or n.endswith(j) for j in _JUNK)}
    if MANIFEST not in files:
        # a zip of the folder itself: every name starts with "folder/"
        tops = {n.split("/", 1)[0] for n in files}
        if len(tops) == 1 and f"{next(iter(tops))}/{MANIFEST}" in files:
            prefix = f"{next(iter(tops))}/"
            files = {n[len(prefix):]: b for n, b in files.items() if n.startswith(prefix)}
    return files


class PackReader:
    """Reads the files of a pack folder or .zip by name."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.is_zip = path.is_file()
        self._files = _zip_files(path) if self.is_zip else None
        self.what = f"malpakken «{path.name}»"

    def read(self, name: str) -> bytes:
        """The file ``name`` (a path inside the pack)."""
        if self._files is None:
            return _read_folder_file(self.path, name, self.what)
        why = check_member_path(name)
        if why:
            raise UnsafeFile(f"{self.what}, fil «{name}»: {why}")
        clean = name.replace("\\", "/")
        if clean not in self._files:
            raise PackError(f"{self.what}: fila «{name}» finnes ikke i pakken")
        return self._files[clean]

    def names(self) -> list[str]:
        """Every file name in the pack (for a folder: top two levels)."""
        if self._files is not None:
            return sorted(self._files)
        out = []
        for entry in sorted(self.path.rglob("*")):
            rel = entry.relative_to(self.path).as_posix()
            if len(out) > 2 * MAX_PACK_FILES:
                break
            if entry.is_file() and not entry.is_symlink() and rel.count("/") <= 2:
                out.append(rel)
        return out

    def manifest(self) -> tuple[Manifest | None, list]:
        """The manifest and its problems."""
        try:
            raw = self.read(MANIFEST)
        except PackError as exc:
            raise PackError(f"{self.what} har ingen {MANIFEST} (en malpakke er en mappe eller "
                            f".zip med {MANIFEST} og Word-maler)") from exc
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PackError(f"{self.what}: {MANIFEST} er ikke UTF-8") from exc
        return read_manifest(Path(self.path.name) / MANIFEST, text)


# -- opening ---------------------------------------------------------------------

def open_pack(path: str | Path) -> TemplatePack:
    """Open a pack folder, a pack .zip or one Word template (.docx/.dotx) and
    check everything in it. Raises :class:`PackError` or
    :class:`~slt_docs.render.safety.UnsafeFile` (Norwegian messages)."""
    path = Path(path)
    if not path.exists():
        raise PackError(f"fant ikke malen «{path}»")
    suffix = path.suffix.lower()
    if path.is_file() and suffix in (".docx", ".dotx", ".html", ".htm"):
        return _single(path)
    if path.is_file() and suffix != ".zip":
        raise PackError(f"«{path.name}» er verken en malpakke (mappe eller .zip), en "
                        "Word-mal (.docx) eller en HTML-mal (.html)")
    reader = PackReader(path)
    manifest, problems = reader.manifest()
    if manifest is None:
        raise PackError(f"{reader.what}: manifestet har feil",
                        [p for p in problems if p.is_error])
    label = pack_label(manifest, path)
    files: dict[str, bytes] = {MANIFEST: reader.read(MANIFEST)}
    templates = {}
    for kind, name in manifest.dokumenter.items():
        raw = reader.read(name)
        files[name] = raw
        if kind in HTML_KINDS:
            templates[kind] = Template(kind=kind, name=name,
                                       data=html_template_bytes(raw, f"{label}, {name}"))
            continue
        clean = _clean(raw, f"{label}, {name}")
        templates[kind] = Template(kind=kind, name=name, data=clean.data, notes=clean.notes)
    pictures = {}
    for key, pic in manifest.bilder.items():
        raw = reader.read(pic.fil)
        files[pic.fil] = raw
        check_picture_bytes(raw, f"{label}, {pic.fil}")
        pictures[key] = Picture(source=raw, width_mm=pic.bredde_mm, alt=pic.alt)
    return TemplatePack(source=path, label=label, manifest=manifest, templates=templates,
                        pictures=pictures, files=files)


def _single(path: Path) -> TemplatePack:
    label = f"malen «{path.name}»"
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UnsafeFile(f"{label}: fila er større enn {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    raw = path.read_bytes()
    if path.suffix.lower() in (".html", ".htm"):
        single = Template(kind=None, name=path.name, data=html_template_bytes(raw, label))
        return TemplatePack(source=path, label=label, manifest=None, single=single,
                            files={path.name: raw})
    clean = _clean(raw, label)
    single = Template(kind=None, name=path.name, data=clean.data, notes=clean.notes)
    return TemplatePack(source=path, label=label, manifest=None, single=single,
                        files={path.name: raw})


def _clean(raw: bytes, what: str) -> CleanDocx:
    clean = clean_docx(raw, what)
    from docx import Document

    try:
        Document(io.BytesIO(clean.data))
    except Exception as exc:  # python-docx raises many kinds for a broken file
        raise PackError(f"{what} kan ikke åpnes som et Word-dokument ({exc})") from exc
    return clean


def html_template_bytes(raw: bytes, what: str) -> bytes:
    """An HTML template's bytes once they are known to be UTF-8 text (a
    leading byte order mark dropped); its Jinja is checked when it is
    compiled in the sandbox, and the page it writes when it is rendered."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PackError(f"{what}: HTML-malen er ikke UTF-8-tekst") from exc
    if "\x00" in text:
        raise PackError(f"{what}: HTML-malen inneholder binærdata")
    return text.encode("utf-8")


def check_picture_bytes(raw: bytes, what: str) -> None:
    """Refuse a picture that is not PNG or JPEG."""
    if not (raw.startswith(b"\x89PNG\r\n\x1a\n") or raw.startswith(b"\xff\xd8\xff")):
        raise UnsafeFile(f"{what}: bildet er verken PNG eller JPEG")


__all__ = ["PackError", "PackReader", "Template", "TemplatePack", "open_pack"]
