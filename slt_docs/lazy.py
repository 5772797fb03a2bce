"""Names a package exports but imports on first use.

``import slt_docs`` should not pay for what a caller may never use (the
YAML writer, the calendar, the template checker). A package lists such
names with the module that holds each, and sets the function this module
makes as its ``__getattr__`` (PEP 562); the first use imports the module
and keeps the value in the package, so later uses cost nothing.

>>> __getattr__ = lazy_exports(__name__, {"to_ics": ".ics"})   # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: each name of ``where`` is
    imported from its module (relative to ``package``) on first use."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__


__all__ = ["lazy_exports"]
