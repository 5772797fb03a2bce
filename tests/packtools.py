"""Helpers for the template pack and profile tests: small Word files, zips,
packs, and a recorder of what the process does (audit hooks)."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

REPO = Path(__file__).resolve().parents[1]

MANIFEST = """\
navn: Testmal
kommune: Testvik kommune
versjon: 1.0.0
lisens: CC-BY-4.0
spraak: [nb, nn]
slt_docs: ">=0.1"
dokumenter:
{documents}
"""


def docx_with(*paragraphs: str) -> bytes:
    """A small Word template, valid as Word saves one: one paragraph per argument."""
    doc = Document()
    doc.settings.element.find(qn("w:zoom")).set(qn("w:percent"), "100")
    for text in paragraphs:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def zip_of(members: dict[str, bytes], *, symlinks: dict[str, str] | None = None,
           compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip with ``members`` (and members that are symbolic links)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = 0o120777 << 16
            archive.writestr(info, target)
    return out.getvalue()


def parts_of(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def with_parts(docx: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The Word file with parts replaced, added (bytes) or removed (None)."""
    parts = parts_of(docx)
    for name, data in changes.items():
        if data is None:
            parts.pop(name, None)
        else:
            parts[name] = data
    return zip_of(parts)


def add_relationship(docx: bytes, source_rels: str, rel_xml: str) -> bytes:
    """Add a ``<Relationship …/>`` to a .rels part."""
    parts = parts_of(docx)
    rels = parts[source_rels].decode("utf-8")
    rels = rels.replace("</Relationships>", rel_xml + "</Relationships>")
    parts[source_rels] = rels.encode("utf-8")
    return zip_of(parts)


def manifest(documents: dict[str, str], extra: str = "") -> str:
    lines = "\n".join(f"  {kind}: {name}" for kind, name in documents.items())
    return MANIFEST.format(documents=lines) + extra


def pack_folder(folder: Path, templates: dict[str, bytes], extra: str = "") -> Path:
    """A pack folder with one template per kind."""
    folder.mkdir(parents=True, exist_ok=True)
    for kind, data in templates.items():
        (folder / f"{kind}.docx").write_bytes(data)
    (folder / "manifest.yaml").write_text(
        manifest({k: f"{k}.docx" for k in templates}, extra), encoding="utf-8")
    return folder


def pack_zip(path: Path, templates: dict[str, bytes], extra_members: dict[str, bytes] | None =
             None, *, symlinks: dict[str, str] | None = None,
             manifest_text: str | None = None) -> Path:
    """A pack .zip with one template per kind (and anything else)."""
    members = {"manifest.yaml": (manifest_text or manifest(
        {k: f"{k}.docx" for k in templates})).encode("utf-8")}
    members.update({f"{k}.docx": v for k, v in templates.items()})
    members.update(extra_members or {})
    path.write_bytes(zip_of(members, symlinks=symlinks))
    return path


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and modification time."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            info = path.lstat()
            out[str(path.relative_to(folder))] = (info.st_size, info.st_mtime_ns)
    return out


# -- what the process does ----------------------------------------------------------

_SPAWN = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
          "os.forkpty", "pty.spawn")
_NETWORK = ("socket.", "urllib.Request", "http.client.connect", "ftplib.", "smtplib.")


class Recorder:
    """Files opened, processes started and network used while recording."""

    def __init__(self) -> None:
        self.opened: list[tuple[str, str]] = []
        self.spawned: list[str] = []
        self.network: list[str] = []

    def opened_under(self, folder: Path) -> list[tuple[str, str]]:
        """Files opened below ``folder``, with their mode."""
        root = str(folder.resolve())
        return [(p, m) for p, m in self.opened if os.path.abspath(p).startswith(root)]


_active: list[Recorder] = []


def _hook(event: str, args: tuple) -> None:
    if not _active:
        return
    recorder = _active[-1]
    if event == "open":
        path, mode = args[0], args[1]
        if isinstance(path, (str, bytes, os.PathLike)):
            recorder.opened.append((os.fsdecode(path), str(mode)))
    elif event.startswith(_SPAWN):
        recorder.spawned.append(event)
    elif event.startswith(_NETWORK):
        recorder.network.append(event)


_installed = False


@contextmanager
def recording() -> Iterator[Recorder]:
    """Record what the process does inside the block."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
    recorder = Recorder()
    _active.append(recorder)
    try:
        yield recorder
    finally:
        _active.remove(recorder)
