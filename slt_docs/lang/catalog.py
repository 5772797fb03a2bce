"""Finding and reading the language catalogs (gettext .po files, read with Babel).

A language is a file ``<code>.po``: shipped in ``templates/lang``, or added
by a kommune in its data folder's ``spraak/`` (or a folder named in
``$SLT_DOCS_SPRAAK``). Its code must be a locale
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
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ..errors import Problem, SltError
from ..resources import templates_dir

LANG_PATH_ENV = "SLT_DOCS_SPRAAK"
"""Environment variable with extra catalog folders (separated like PATH)."""
DATA_LANG_FOLDER = "spraak"
"""A kommune's data folder may hold its own catalogs in this sub-folder."""

_extra_dirs: list[Path] = []


def lang_dir() -> Path:
    """The folder holding the shipped catalogs (``templates/lang``)."""
    return templates_dir() / "lang"


def add_catalog_dir(folder: str | Path) -> None:
    """Look for catalogs in ``folder`` too, before the shipped ones: a kommune
    adds a language (``se.po``) or its own wording of one without touching
    code. ``slt_docs.load`` does this for a data folder's ``spraak/``."""
    folder = Path(folder).resolve()
    if folder not in _extra_dirs:
        _extra_dirs.insert(0, folder)
        _clear_caches()


def _clear_caches() -> None:
    from .language import get_language

    get_language.cache_clear()
    _compiled.cache_clear()


def catalog_dirs() -> list[Path]:
    """Where catalogs are looked for, first match wins: the folders added
    with :func:`add_catalog_dir`, then ``$SLT_DOCS_SPRAAK``, then the shipped."""
    env = [Path(p) for p in os.environ.get(LANG_PATH_ENV, "").split(os.pathsep) if p]
    return [*_extra_dirs, *env, lang_dir()]


def available_languages(extra_dir: Path | None = None) -> list[str]:
    """The codes of every language that has a catalog, sorted."""
    dirs = catalog_dirs() + ([extra_dir] if extra_dir is not None else [])
    return sorted({p.stem for d in dirs if d.is_dir() for p in d.glob("*.po")})


def find_catalog(code: str) -> Path | None:
    """The catalog file of language ``code``, if any."""
    if not code or "/" in code or "\\" in code or code.startswith("."):
        return None
    for folder in catalog_dirs():
        path = folder / f"{code}.po"
        if path.is_file():
            return path
    return None


def load_translations(code: str, po_path: Path | None = None) -> gettext.GNUTranslations:
    """The compiled translations of language ``code`` (cached per file)."""
    path = po_path or find_catalog(code)
    if path is None or not path.is_file():
        raise SltError(f"ukjent språk «{code}»; tilgjengelige er "
                       f"{', '.join(available_languages())}")
    return _compiled(code, path)


@functools.cache
def _compiled(code: str, path: Path) -> gettext.GNUTranslations:
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError) as exc:
        raise SltError(f"språkkoden «{code}» er ikke en kjent locale i CLDR") from exc
    with path.open("rb") as fh:
        try:
            catalog = read_po(fh, locale=code, abort_invalid=True)
        except Exception as exc:
            raise SltError("språkfila kan ikke leses", [
                Problem(melding=str(exc), fil=path)]) from exc
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
