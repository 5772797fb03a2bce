"""Compiled template code kept on disk between runs, like Python's ``__pycache__``.

Turning a template's text into Python code (Jinja's parse and compile, with
the sandbox's rewriting) is a good part of a single ``slt-docs lag``: about
0.1 s for the handlingsplan's body, paid again by every new process. The
code depends on nothing but the text, the sandbox's rules and the versions
of Jinja and Python, so it is kept in the user's cache folder
(``platformdirs``: ``~/.cache/slt_docs`` on Linux, ``%LOCALAPPDATA%`` on
Windows) through Jinja's own :class:`~jinja2.FileSystemBytecodeCache` (written
to a temporary file and renamed; a damaged or stale file is simply compiled
again). Nothing of a kommune's data is in it.

``SLT_DOCS_CACHE`` names another folder, or turns the cache off when it is
empty, ``0`` or ``off``. A folder that is not the user's own, or that others
may write to, is not used (the files hold code that is run); nor is one that
cannot be created — the cache only saves time, it never stops a rendering.
At most :data:`MAX_FILES` files are kept; the oldest go first.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from pathlib import Path
from types import CodeType

ENV = "SLT_DOCS_CACHE"
"""The environment variable naming the cache folder (empty, ``0``, ``off``: none)."""
MAX_FILES = 256
"""Compiled texts kept on disk: every document kind's parts with a few packs'
and profiles' own, with room to spare (each file is a few tens of KB)."""
_SUFFIX = ".jinja.cache"


def cache_folder() -> Path | None:
    """Where compiled code is kept, or ``None`` when it should not be."""
    setting = os.environ.get(ENV)
    if setting is not None:
        if setting.strip().lower() in ("", "0", "off", "no", "false"):
            return None
        return Path(setting) / "jinja"
    import platformdirs

    return Path(platformdirs.user_cache_dir("slt_docs", appauthor=False)) / "jinja"


def _usable(folder: Path) -> bool:
    """Make ``folder`` (only the user may read or write it) and tell whether
    it is safe to run code from: ours, not writable by group or others."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


class CodeCache:
    """Compiled template code in one cache folder (see the module)."""

    def __init__(self, folder: Path, version: str) -> None:
        from jinja2 import FileSystemBytecodeCache

        self.folder = folder
        self.version = version
        self._jinja = FileSystemBytecodeCache(str(folder), "%s" + _SUFFIX)

    def _name(self, key: tuple[object, ...]) -> str:
        return hashlib.sha256(repr((self.version, key)).encode("utf-8")).hexdigest()

    def get(self, environment: object, key: tuple[object, ...], source: str) -> CodeType | None:
        """The code compiled before for ``source`` under ``key``, or ``None``."""
        try:
            bucket = self._jinja.get_bucket(environment, self._name(key), None,  # type: ignore[arg-type]
                                            source)
        except Exception:  # a damaged file is a miss, never an error
            return None
        return bucket.code if isinstance(bucket.code, CodeType) else None

    def put(self, environment: object, key: tuple[object, ...], source: str,
            code: CodeType) -> None:
        """Keep ``code`` for ``source`` (quietly nothing when the folder cannot be written)."""
        try:
            bucket = self._jinja.get_bucket(environment, self._name(key), None,  # type: ignore[arg-type]
                                            source)
            bucket.code = code
            self._jinja.set_bucket(bucket)
            self._prune()
        except Exception:  # full disk, read-only folder: no cache, no error
            return

    def _prune(self) -> None:
        files = [entry for entry in os.scandir(self.folder) if entry.name.endswith(_SUFFIX)]
        if len(files) <= MAX_FILES:
            return
        files.sort(key=lambda entry: entry.stat().st_mtime)
        for entry in files[:len(files) - MAX_FILES]:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


_CACHES: dict[tuple[str, str], CodeCache | None] = {}


def code_cache(rules: str) -> CodeCache | None:
    """The cache for code compiled under ``rules`` (a fingerprint of the
    sandbox's rewriting), or ``None`` when there is none to use. Looked up
    once per folder and process."""
    folder = cache_folder()
    if folder is None:
        return None
    key = (str(folder), rules)
    if key not in _CACHES:
        import jinja2

        version = f"{rules}|jinja2 {jinja2.__version__}|{sys.implementation.cache_tag}"
        _CACHES[key] = CodeCache(folder, version) if _usable(folder) else None
    return _CACHES[key]


__all__ = ["ENV", "MAX_FILES", "CodeCache", "cache_folder", "code_cache"]
