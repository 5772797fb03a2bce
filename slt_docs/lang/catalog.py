"""Finding and reading the language catalogs (gettext .po files, read with Babel).

A language is a file ``<code>.po``: shipped in ``templates/lang``, or added
by a kommune in its data folder's ``spraak/`` (or a folder named in
``$SLT_DOCS_SPRAAK``). A kommune's folder is passed with each call
(:func:`data_catalog_dir`, ``slt_docs.data_language``), never registered in
the process. Its code must be a locale
CLDR knows (``nb``, ``nn``, ``se`` …), so Babel can supply weekday and
month names; the catalog may override those (msgctxt ``weekday``,
``weekday-abbr``, ``month``, ``month-abbr``) where Norwegian usage differs
from CLDR, e.g. nynorsk «tys.» for tysdag.
"""

from __future__ import annotations

import functools
import gettext
import io
import os
from collections.abc import Sequence
from pathlib import Path, PurePath

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ..errors import Problem, SltError
from ..files import cannot_read
from ..resources import templates_dir

LANG_PATH_ENV = "SLT_DOCS_SPRAAK"
"""Environment variable with extra catalog folders (separated like PATH)."""
DATA_LANG_FOLDER = "spraak"
"""A kommune's data folder may hold its own catalogs in this sub-folder."""
CACHE_SIZE = 64
"""Compiled catalogs kept (per catalog file and its modification time)."""

CatalogDirs = Path | Sequence[Path] | None
"""Extra catalog folders for one call: a kommune's ``spraak/`` (or none)."""


def lang_dir() -> Path:
    """The folder holding the shipped catalogs (``templates/lang``)."""
    return templates_dir() / "lang"


def data_catalog_dir(kilde: Path | None) -> Path | None:
    """The kommune's own catalog folder (``<data folder>/spraak``), if it has one.

    Catalogs travel with the data: nothing is registered in the process, so
    the next kommune rendered by the same program never gets these words."""
    if kilde is None:
        return None
    folder = Path(kilde) / DATA_LANG_FOLDER
    try:
        return folder.resolve() if folder.is_dir() else None
    except OSError:
        return None


def _clear_caches() -> None:
    from .language import _cached_language

    _cached_language.cache_clear()
    _compiled.cache_clear()


def _extra(extra: CatalogDirs) -> list[Path]:
    if extra is None:
        return []
    if isinstance(extra, (str, PurePath)):
        return [Path(extra)]
    if isinstance(extra, Sequence) and all(isinstance(p, (str, PurePath)) for p in extra):
        return [Path(p) for p in extra]
    raise SltError(f"språkmappa må være en sti (tekst eller Path) eller en liste av stier, "
                   f"ikke {type(extra).__name__}")


def catalog_dirs(extra: CatalogDirs = None) -> list[Path]:
    """Where catalogs are looked for, first match wins: ``extra`` (a
    kommune's ``spraak/``, for this call only), then ``$SLT_DOCS_SPRAAK``,
    then the shipped catalogs."""
    env = [Path(p) for p in os.environ.get(LANG_PATH_ENV, "").split(os.pathsep) if p]
    return [*_extra(extra), *env, lang_dir()]


def available_languages(extra_dir: CatalogDirs = None) -> list[str]:
    """The codes of every language that has a catalog (shipped, in
    ``$SLT_DOCS_SPRAAK`` or in ``extra_dir``), sorted. A folder that is
    missing or cannot be read has none; raises
    :class:`~slt_docs.errors.SltError` only when ``extra_dir`` is no path."""
    found: set[str] = set()
    for folder in catalog_dirs(extra_dir):
        try:
            if folder.is_dir():
                found.update(p.stem for p in folder.glob("*.po") if _valid_code(p.stem))
        except OSError:
            continue
    return sorted(found)


def _valid_code(code: object) -> bool:
    return (isinstance(code, str) and bool(code) and "/" not in code and "\\" not in code
            and not code.startswith(".") and code.isprintable() and "\x00" not in code)


def find_catalog(code: str, extra_dir: CatalogDirs = None) -> Path | None:
    """The catalog file of language ``code``, if any."""
    if not _valid_code(code):
        return None
    for folder in catalog_dirs(extra_dir):
        path = folder / f"{code}.po"
        try:
            if path.is_file():
                return path
        except (OSError, ValueError):
            continue
    return None


def unknown_language(code: object, extra_dir: CatalogDirs = None) -> SltError:
    """The error for a language without a catalog."""
    return SltError(f"ukjent språk «{code}»; tilgjengelige er "
                    f"{', '.join(available_languages(extra_dir))}")


def load_translations(code: str, po_path: Path | None = None,
                      extra_dir: CatalogDirs = None) -> gettext.GNUTranslations:
    """The compiled translations of language ``code`` (cached per file and
    its modification time, so an edited catalog is read again)."""
    path = po_path or find_catalog(code, extra_dir)
    if path is None:
        raise unknown_language(code, extra_dir)
    try:
        stat = path.stat()
    except OSError as exc:
        raise SltError("språkfila kan ikke leses", [
            Problem(melding=cannot_read(path, exc).reason, fil=path)]) from exc
    return _compiled(code, path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=CACHE_SIZE)
def _compiled(code: str, path: Path, _mtime: int, _size: int) -> gettext.GNUTranslations:
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise SltError(f"språkkoden «{code}» er ikke en kjent locale i CLDR") from exc
    try:
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=code, abort_invalid=True)
    except OSError as exc:
        raise SltError("språkfila kan ikke leses", [
            Problem(melding=cannot_read(path, exc).reason, fil=path)]) from exc
    except Exception as exc:  # Babel raises several kinds for a broken catalog
        raise SltError("språkfila kan ikke leses", [
            Problem(melding=str(exc), fil=path)]) from exc
    buffer = io.BytesIO()
    try:
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    except Exception as exc:  # a catalog Babel read but gettext cannot use
        raise SltError("språkfila kan ikke brukes", [
            Problem(melding=str(exc), fil=path)]) from exc
