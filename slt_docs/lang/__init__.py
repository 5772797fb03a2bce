"""The language layer: fixed words from gettext catalogs, formats from Babel.

Adding a language is adding ``templates/lang/<code>.po`` — no code.
"""

from .catalog import add_catalog_dir, available_languages, catalog_dirs, lang_dir
from .labels import LABELS
from .language import Language, get_language

__all__ = ["LABELS", "Language", "add_catalog_dir", "available_languages", "catalog_dirs",
           "get_language", "lang_dir"]
