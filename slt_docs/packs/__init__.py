"""Template packs: Word templates a kommune shares with others, safely.

A pack is a folder or a .zip holding ``manifest.yaml`` (name, the kommune
that made it, version, licence, languages, the template for each document
kind it provides, the slt_docs version it needs, pictures), one Word
template per kind and its pictures. Kinds a pack does not provide come from
the default templates. A pack is untrusted: see
:mod:`slt_docs.render.safety` and :mod:`slt_docs.render.sandbox`.

>>> from slt_docs.packs import check_pack
>>> check_pack("min-mal").errors  # doctest: +SKIP
[]
"""

from .fields import KIND_VIEWS, field_reference
from .lint import check_html_template, check_template
from .manifest import (
    HTML_KINDS,
    KINDS,
    MANIFEST,
    Manifest,
    PakkeBilde,
    read_manifest,
    version_satisfies,
)
from .pack import PackError, Template, TemplatePack, open_pack
from .tools import CheckResult, build_pack, check_pack, check_profile, new_pack

__all__ = [
    "HTML_KINDS",
    "KINDS",
    "KIND_VIEWS",
    "MANIFEST",
    "CheckResult",
    "Manifest",
    "PackError",
    "PakkeBilde",
    "Template",
    "TemplatePack",
    "build_pack",
    "check_html_template",
    "check_pack",
    "check_profile",
    "check_template",
    "field_reference",
    "new_pack",
    "open_pack",
    "read_manifest",
    "version_satisfies",
]
