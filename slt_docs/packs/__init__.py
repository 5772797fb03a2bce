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

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
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

_WHERE = {
    "KIND_VIEWS": "fields", "field_reference": "fields", "check_template": "lint",
    "check_html_template": "lint", "HTML_KINDS": "manifest", "KINDS": "manifest",
    "MANIFEST": "manifest", "Manifest": "manifest",
    "PakkeBilde": "manifest", "read_manifest": "manifest", "version_satisfies": "manifest",
    "PackError": "pack", "Template": "pack", "TemplatePack": "pack", "open_pack": "pack",
    "CheckResult": "tools", "build_pack": "tools", "check_pack": "tools",
    "check_profile": "tools", "new_pack": "tools",
}
"""Where each public name lives: imported on first use, so that rendering with
a pack does not load the template checker (``lint``) and its helpers."""


__getattr__ = lazy_exports(__name__, {name: f".{module}" for name, module in _WHERE.items()})


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
