"""The language layer: fixed words from gettext catalogs, formats from Babel.

Adding a language is adding ``templates/lang/<code>.po`` — no code.
"""

from .catalog import available_languages, catalog_dirs, data_catalog_dir, lang_dir
from .labels import LABELS
from .language import Language, data_language, get_language

__all__ = ["LABELS", "Language", "available_languages", "catalog_dirs", "data_catalog_dir",
           "data_language", "get_language", "lang_dir"]
