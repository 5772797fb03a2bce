"""The Jinja environment templates run in: sandboxed, autoescaping, bounded.

A template may come from another kommune, so it is untrusted:

- ``ImmutableSandboxedEnvironment``: no access to Python internals
  (``__class__``, ``__globals__`` …), no mutation of lists and dicts.
- Attribute access only to fields of our view objects (``slt_docs.view``);
  everything else (``str.format``, dict methods, …) is refused. Mappings
  such as ``label`` are read by key (``label.innhold`` works through item
  access).
- Calls only to the helpers we pass in and to macros the template defines.
- No ``range``, ``lipsum``, ``cycler``, ``joiner``, ``namespace``, ``dict``.
- Autoescaping: a kommune's text with ``&``, ``<`` or ``{{`` prints literally.
- A budget on loop iterations and on the size of strings built by
  operators, so a template cannot run for ever or fill the memory.
"""

from __future__ import annotations

import operator
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs
from jinja2 import StrictUndefined, Undefined, nodes
from jinja2.runtime import LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

MAX_LOOP_ITERATIONS = 200_000
"""Most loop iterations in one rendering (the largest real plan needs a few hundred)."""
MAX_SECONDS = 120.0
"""Longest time one rendering may take."""
BUDGET_FILTER = "slt_budget"
"""The filter every loop's iterable passes through (inserted at parse time)."""
MAX_STRING = 1_000_000
"""Longest string a template may build with ``*``, ``+`` or ``~``."""


class RenderBudgetExceeded(SecurityError):
    """The template ran past a limit (loop iterations or string size)."""


def _is_view(obj: object) -> bool:
    cls = type(obj)
    return attrs.has(cls) and cls.__module__.startswith("slt_docs.view")


class SltSandbox(ImmutableSandboxedEnvironment):
    """The environment every template is rendered in (see the module doc)."""

    intercepted_binops = frozenset({"*", "**", "+", "//", "%"})

    def __init__(self, helpers: dict[str, Callable[..., Any]] | None = None) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined, extensions=[])
        self.globals.clear()
        self.globals.update(helpers or {})
        self._helpers = set((helpers or {}).values())
        self.filters[BUDGET_FILTER] = self._count
        self.iterations = 0
        self.deadline = time.monotonic() + MAX_SECONDS
        for name in ("attr", "map", "select", "reject", "selectattr", "rejectattr", "groupby",
                     "format", "xmlattr", "tojson", "pprint", "urlize", "dictsort", "sum",
                     "batch", "slice", "indent", "wordwrap", "center"):
            self.filters.pop(name, None)
        self.tests.pop("callable", None)

    # -- attribute and call policy ----------------------------------------
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_"):
            return False
        if _is_view(obj):
            return attr in {f.name for f in attrs.fields(type(obj))}
        return isinstance(obj, LoopContext) and attr in {
            "index", "index0", "first", "last", "length", "revindex", "revindex0"}

    def is_safe_callable(self, obj: Any) -> bool:
        return isinstance(obj, Macro) or obj in self._helpers

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, dict):
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        if self.is_safe_attribute(obj, attribute, None):
            return getattr(obj, attribute)
        if isinstance(obj, Undefined):
            return obj
        return self.unsafe_undefined(obj, attribute)

    # -- budgets -------------------------------------------------------------
    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Parse, then route every ``for`` loop's iterable through the budget."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, BUDGET_FILTER, [], [], None, None,
                                     lineno=loop.lineno)
        return tree

    def start_budget(self, seconds: float = MAX_SECONDS) -> None:
        """Reset the loop count and set the deadline for one rendering."""
        self.iterations = 0
        self.deadline = time.monotonic() + seconds

    def _count(self, iterable: Iterable[Any]) -> Iterator[Any]:
        if iterable is None or isinstance(iterable, Undefined):
            return iter(())
        return self._counting(iterable)

    def _counting(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.iterations += 1
            if self.iterations > MAX_LOOP_ITERATIONS:
                raise RenderBudgetExceeded(
                    f"malen gikk gjennom mer enn {MAX_LOOP_ITERATIONS} løkkerunder")
            if self.iterations % 1000 == 0 and time.monotonic() > self.deadline:
                raise RenderBudgetExceeded(
                    f"malen brukte mer enn {MAX_SECONDS:.0f} sekunder")
            yield item

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name in ("*", "**") and (
            isinstance(left, (str, list, tuple)) or isinstance(right, (str, list, tuple))
            or (operator_name == "**" and abs(right) > 64)
        ):
            if operator_name == "**":
                raise RenderBudgetExceeded("malen prøvde å regne ut et altfor stort tall")
            count = right if isinstance(right, int) else left
            base = left if isinstance(right, int) else right
            if isinstance(count, int) and len(base) * count > MAX_STRING:
                raise RenderBudgetExceeded("malen prøvde å lage en altfor lang tekst")
        result = _BINOPS[operator_name](left, right)
        if isinstance(result, str) and len(result) > MAX_STRING:
            raise RenderBudgetExceeded("malen prøvde å lage en altfor lang tekst")
        return result


_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "*": operator.mul, "**": operator.pow, "+": operator.add, "//": operator.floordiv,
    "%": operator.mod,
}
