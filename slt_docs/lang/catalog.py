"""Finding and reading the language catalogs (gettext .po files, read with Babel).

A language is a file ``templates/lang/<code>.po``. Its code must be a locale
CLDR knows (``nb``, ``nn``, ``se`` …), so Babel can supply weekday and
month names; the catalog may override those (msgctxt ``weekday``,
``weekday-abbr``, ``month``, ``month-abbr``) where Norwegian usage differs
from CLDR, e.g. nynorsk «tys.» for tysdag.
"""

from __future__ import annotations

import functools
import gettext
import io
from importlib import resources
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ..errors import Problem, SltError


def lang_dir() -> Path:
    """The folder holding the shipped catalogs (``templates/lang``)."""
    return Path(str(resources.files("slt_docs.templates").joinpath("lang")))


def available_languages(extra_dir: Path | None = None) -> list[str]:
    """The codes of every language that has a catalog, sorted."""
    codes = {p.stem for p in lang_dir().glob("*.po")}
    if extra_dir is not None:
        codes |= {p.stem for p in extra_dir.glob("*.po")}
    return sorted(codes)


@functools.cache
def load_translations(code: str, po_path: Path | None = None) -> gettext.GNUTranslations:
    """The compiled translations of language ``code`` (cached)."""
    path = po_path or lang_dir() / f"{code}.po"
    if not path.is_file():
        raise SltError(f"ukjent språk «{code}»; tilgjengelige er "
                       f"{', '.join(available_languages())}")
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
