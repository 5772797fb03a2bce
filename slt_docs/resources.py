"""Where the shipped templates and language catalogs live.

In an installed package they are the sub-package ``slt_docs.templates``
(mapped from the repository's ``templates/`` folder at install time). Run from
a source checkout (the repository root on ``sys.path``, no install, or a
checkout next to another installed copy) they are the checkout's own
``templates/`` folder, so the code and its templates always come from the
same place.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

_CHECKOUT_MARKER = ("lang", "nb.po")


@functools.cache
def templates_dir() -> Path:
    """The folder holding the shipped Word/HTML templates and ``lang/``."""
    checkout = Path(__file__).resolve().parent.parent / "templates"
    if checkout.joinpath(*_CHECKOUT_MARKER).is_file() and (
            checkout.parent / "pyproject.toml").is_file():
        return checkout
    return Path(str(resources.files("slt_docs.templates")))


def template_path(name: str) -> Path:
    """A shipped template file by name (``handlingsplan.docx``)."""
    return templates_dir() / name
