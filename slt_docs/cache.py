"""The user's cache folder: work a command would otherwise do again in every run.

Some of what one ``slt-docs`` command computes is the same in every run on a
machine: the Python code Jinja makes from a template's text
(:mod:`slt_docs.render.codecache`), the Norwegian public holidays of a
year (:mod:`slt_docs.schedule`) and the pictures (:mod:`slt_docs.drawing`:
the årshjul and the status chart, drawn again only when what they show
changes). Kept in a cache folder, like Python's own ``__pycache__`` or the
pictures a documentation builder keeps, the next command starts without
that work. Every entry is keyed by everything it was computed from (the
template text, every shape and word of a picture, the versions of the code
and fonts that made it), so it is never used for anything else — one
kommune's picture can only be found again by the same picture.

The folder is ``platformdirs``' user cache folder (``~/.cache/slt_docs`` on
Linux, ``%LOCALAPPDATA%\\slt_docs\\Cache`` on Windows), or the folder named by
``SLT_DOCS_CACHE``; an empty ``SLT_DOCS_CACHE``, ``0`` or ``off`` turns the
cache off. A folder that is not the user's own, or that others may write to,
is not used (Jinja's files hold code that is run); nor one that cannot be
made. The cache only saves time: a file that cannot be read or written is
work done again, never an error. Each part keeps at most a set number of
files; the oldest go first.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from pathlib import Path

ENV = "SLT_DOCS_CACHE"
"""The environment variable naming the cache folder (empty, ``0``, ``off``: none)."""
_OFF = ("", "0", "off", "no", "false")
_POSIX = os.name == "posix"
"""Whether a folder's owner and mode bits say who may write to it."""

_USABLE: dict[Path, bool] = {}
"""Whether each folder was found safe to use, once per process (nothing of
any kommune's in it)."""


def cache_root() -> Path | None:
    """The cache folder, or ``None`` when the cache is turned off."""
    setting = os.environ.get(ENV)
    if setting is not None:
        return None if setting.strip().lower() in _OFF else Path(setting)
    import platformdirs

    return Path(platformdirs.user_cache_dir("slt_docs", appauthor=False))


def cache_folder(part: str) -> Path | None:
    """The folder for ``part`` ("jinja", "helligdager", "bilder"), made when missing;
    ``None`` when there is no cache or the folder is not safe to use."""
    root = cache_root()
    if root is None:
        return None
    folder = root / part
    usable = _USABLE.get(folder)
    if usable is None:
        usable = _USABLE[folder] = _usable(folder)
    return folder if usable else None


def _usable(folder: Path) -> bool:
    """Make ``folder`` (only the user may read or write it) and tell whether
    it is safe to read from: a folder, the user's own, not writable by group
    or others."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if not _POSIX:  # Windows: the folder's rights are ACLs (st_mode says 0o777 for
        return True  # every writable folder); the user's AppData is the user's own
    if info.st_uid != os.getuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def prune(folder: Path, suffix: str, keep: int) -> None:
    """Remove the oldest files ending in ``suffix`` beyond the newest ``keep``."""
    try:
        files = [entry for entry in os.scandir(folder) if entry.name.endswith(suffix)]
        if len(files) <= keep:
            return
        files.sort(key=lambda entry: entry.stat().st_mtime)
    except OSError:
        return
    for entry in files[:len(files) - keep]:
        with contextlib.suppress(OSError):
            os.unlink(entry.path)


def _write(folder: Path, name: str, data: bytes) -> bool:
    """``data`` as ``folder/name``, written whole to a temporary file and
    renamed; False when it cannot be. (Not :func:`slt_docs.files.write_atomic`:
    a cache file is no output of the command — it must not be synced to disk
    for safety, named among the files written, or fail the command.)"""
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError:
        return False
    return True


_CHECK = 32
"""A kept file ends with the SHA-256 of what comes before it: a file cut
short or damaged is not used."""


def read_bytes(part: str, key: str, suffix: str) -> bytes | None:
    """The bytes kept under ``key`` in ``part``, if whole, else ``None``."""
    folder = cache_folder(part)
    if folder is None:
        return None
    try:
        kept = (folder / (_digest(key) + suffix)).read_bytes()
    except OSError:
        return None
    data, check = kept[:-_CHECK], kept[-_CHECK:]
    if len(kept) <= _CHECK or hashlib.sha256(data).digest() != check:
        return None
    return data


def write_bytes(part: str, key: str, suffix: str, data: bytes, keep: int) -> None:
    """Keep ``data`` under ``key`` in ``part`` (at most ``keep`` files of
    ``suffix`` there, the oldest removed first)."""
    folder = cache_folder(part)
    if folder is not None and _write(folder, _digest(key) + suffix,
                                     data + hashlib.sha256(data).digest()):
        prune(folder, suffix, keep)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def package_stamp(package: str, *files: str) -> str | None:
    """What identifies an installed package's code without importing it:
    the SHA-256 of the named files of the package (its version file, the
    modules whose results are kept); ``None`` when one cannot be read."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent
    digest = hashlib.sha256(package.encode())
    for name in files:
        try:
            digest.update((folder / name).read_bytes())
        except OSError:
            return None
    return digest.hexdigest()


__all__ = ["ENV", "cache_folder", "cache_root", "package_stamp", "prune", "read_bytes",
           "write_bytes"]
