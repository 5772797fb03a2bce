"""Compiled template code kept on disk between runs, like Python's ``__pycache__``.

Turning a template's text into Python code (Jinja's parse and compile, with
the sandbox's rewriting) is a good part of a single ``slt-docs lag``: about
0.1 s for the handlingsplan's body, paid again by every new process. The
code depends on nothing but the text, the sandbox's rules and the versions
of Jinja and Python, so it is kept in the user's cache folder
(:mod:`slt_docs.cache`, part ``jinja``) through Jinja's own
:class:`~jinja2.FileSystemBytecodeCache` (written to a temporary file and
renamed; a damaged or stale file is simply compiled again). Nothing of a
kommune's data is in it. At most :data:`MAX_FILES` files are kept.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from types import CodeType

from ..cache import cache_folder, prune

MAX_FILES = 256
"""Compiled texts kept on disk: every document kind's parts with a few packs'
and profiles' own, with room to spare (each file is a few tens of KB)."""
_SUFFIX = ".jinja.cache"


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
        except Exception:  # full disk, read-only folder: no cache, no error
            return
        prune(self.folder, _SUFFIX, MAX_FILES)


def code_cache(rules: str) -> CodeCache | None:
    """The cache for code compiled under ``rules`` (a fingerprint of the
    sandbox's rewriting), or ``None`` when there is none to use."""
    folder = cache_folder("jinja")
    if folder is None:
        return None
    import jinja2

    return CodeCache(folder, f"{rules}|jinja2 {jinja2.__version__}|{sys.implementation.cache_tag}")


__all__ = ["MAX_FILES", "CodeCache", "code_cache"]
