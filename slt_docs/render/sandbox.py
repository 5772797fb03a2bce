"""The Jinja environment templates run in: sandboxed, autoescaping, bounded.

A template may come from another kommune, so it is untrusted:

- ``ImmutableSandboxedEnvironment``: no access to Python internals
  (``__class__``, ``__globals__`` …), no mutation of lists and dicts.
- Attribute access only to fields of our view objects (``slt_docs.view``)
  and to ``loop.index``/``first``/``last``/``length``/``revindex``;
  everything else (``str.format``, dict methods, ``loop.cycle`` …) is
  refused. Mappings such as ``label`` are read by key (``label.innhold``
  works through item access).
- Calls only to the helpers we pass in and to macros the template defines.
- No ``range``, ``lipsum``, ``cycler``, ``joiner``, ``namespace``, ``dict``;
  no ``attr``, ``format``, ``map``, ``safe``, ``random`` … filters; no
  ``{% include %}``, ``{% extends %}``, ``{% import %}`` or
  ``{% autoescape %}`` (refused when the template is parsed).
- Autoescaping everywhere: a kommune's text with ``&``, ``<`` or ``{{``
  prints literally, and a template cannot write raw Word XML.
- Budgets: loop iterations, macro calls and their depth, the size of every
  string built by operators and filters (``*``, ``+``, ``~``, ``%``,
  ``replace``, ``join``), the size of numbers, the total text a rendering
  writes, and its time. A template that exceeds one is stopped with
  :class:`RenderBudgetExceeded` (a Norwegian message).
"""

from __future__ import annotations

import functools
import operator
import re
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs
from jinja2 import StrictUndefined, Undefined, nodes, pass_context
from jinja2.exceptions import TemplateSyntaxError
from jinja2.runtime import Context, LoopContext, Macro, markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from ..view.common import is_view_class

MAX_LOOP_ITERATIONS = 200_000
"""Most loop iterations (and macro calls) in one rendering (the largest real
plan needs a few hundred)."""
MAX_SECONDS = 120.0
"""Longest time one rendering may take."""
BUDGET_FILTER = "slt_budget"
"""The filter every loop's iterable passes through (inserted at parse time)."""
OUTPUT_FILTER = "slt_out"
STATIC_FILTER = "slt_static"
"""The filter every piece of output passes through (inserted at parse time)."""
CONCAT_FILTER = "slt_concat"
"""The filter that replaces ``~`` (inserted at parse time)."""
MAX_STRING = 1_000_000
"""Longest string a template may build with ``*``, ``+``, ``~``, ``%`` or a filter."""
MAX_OUTPUT_CHARS = 20_000_000
"""Most characters of Word XML one rendering may write (the largest real plan
writes well under 1 million)."""
MAX_CALL_DEPTH = 40
"""Deepest nesting of macro calls (a macro calling itself)."""
MAX_INT_BITS = 4096
"""Largest number (in bits) a template may compute."""

REMOVED_FILTERS = (
    "attr", "map", "select", "reject", "selectattr", "rejectattr", "groupby", "format",
    "xmlattr", "tojson", "pprint", "urlize", "dictsort", "sum", "batch", "slice", "indent",
    "wordwrap", "center", "safe", "random",
)
"""Filters a template cannot use: they reach attributes by name, format
strings, write unescaped markup, build huge strings or are not reproducible."""

_FORBIDDEN_TAGS: dict[type[nodes.Node], str] = {
    nodes.Include: "{% include %}",
    nodes.Extends: "{% extends %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from … import %}",
    nodes.EvalContextModifier: "{% autoescape %}",
}


class RenderBudgetExceeded(SecurityError):
    """The template ran past a limit (loop iterations, time, string or output size)."""


@functools.cache
def _view_fields(cls: type) -> frozenset[str] | None:
    """The field names of a view class, or ``None`` for anything else."""
    if is_view_class(cls):
        return frozenset(f.name for f in attrs.fields(cls))
    return None


def _text_size(value: Any) -> int:
    return len(value) if isinstance(value, str) else 0


class SltSandbox(ImmutableSandboxedEnvironment):
    """The environment every template is rendered in (see the module doc)."""

    intercepted_binops = frozenset({"*", "**", "+", "//", "%"})

    def __init__(self, helpers: dict[str, Callable[..., Any]] | None = None) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined, extensions=[])
        self.globals.clear()
        self.globals.update(helpers or {})
        self._helpers = set((helpers or {}).values())
        for name in REMOVED_FILTERS:
            self.filters.pop(name, None)
        self.tests.pop("callable", None)
        for name, func in list(self.filters.items()):
            self.filters[name] = self._bounded_filter(func)
        self.filters["replace"] = self._bounded_filter(_safe_replace)
        self.filters["join"] = self._bounded_filter(_safe_join)
        self.filters[BUDGET_FILTER] = self._count
        self.filters[OUTPUT_FILTER] = self._output
        self.filters[STATIC_FILTER] = self._output_static
        self.filters[CONCAT_FILTER] = _safe_concat
        self.iterations = 0
        self.output_chars = 0
        self.call_depth = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    # -- attribute and call policy ----------------------------------------
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_"):
            return False
        fields = _view_fields(type(obj))
        if fields is not None:
            return attr in fields
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

    def call(__self, __context: Context, __obj: Any, *args: Any,
             **kwargs: Any) -> Any:
        """Every call from a template: only our helpers and the template's
        macros, counted against the budget and limited in depth."""
        if not __self.is_safe_callable(__obj):
            raise SecurityError(f"{__obj!r} is not safely callable")
        __self._tick()
        if __self.call_depth >= MAX_CALL_DEPTH:
            raise RenderBudgetExceeded(
                f"malen kaller makroer inni hverandre mer enn {MAX_CALL_DEPTH} nivåer dypt")
        __self.call_depth += 1
        try:
            return __context.call(__obj, *args, **kwargs)
        finally:
            __self.call_depth -= 1

    # -- parse-time rewriting ----------------------------------------------
    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Parse; refuse tags that reach other templates or turn escaping
        off; route every loop's iterable, every ``~`` and every piece of
        output through the budget filters (one pass over the tree)."""
        tree = super()._parse(source, name, filename)
        _rewrite(tree, name, filename)
        return tree

    def compile(self, source: Any, name: str | None = None, filename: str | None = None,
                raw: bool = False, defer_init: bool = False) -> Any:
        """Compile once per distinct template text (docxtpl compiles the same
        XML on every rendering); the code does not depend on the data."""
        if isinstance(source, str) and not raw:
            return _compile_cached(type(self), source, name, filename, defer_init, self)
        return super().compile(source, name, filename, raw, defer_init)

    # -- budgets -------------------------------------------------------------
    def start_budget(self, seconds: float = MAX_SECONDS) -> None:
        """Reset the counts and set the deadline for one rendering."""
        self.iterations = 0
        self.output_chars = 0
        self.call_depth = 0
        self.deadline = time.monotonic() + seconds

    def _tick(self) -> None:
        self.iterations += 1
        if self.iterations > MAX_LOOP_ITERATIONS:
            raise RenderBudgetExceeded(
                f"malen gikk gjennom mer enn {MAX_LOOP_ITERATIONS} løkkerunder og makrokall")
        if time.monotonic() > self.deadline:
            raise RenderBudgetExceeded(
                f"malen brukte mer enn {MAX_SECONDS:.0f} sekunder")

    def _count(self, iterable: Iterable[Any]) -> Iterator[Any]:
        if iterable is None or isinstance(iterable, Undefined):
            return iter(())
        return self._counting(iterable)

    def _counting(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self._tick()
            yield item

    @pass_context
    def _output(self, _context: Context, value: Any) -> Any:
        """Count what the template writes (text and the XML around it)."""
        self.output_chars += len(value) if isinstance(value, str) else 16
        if self.output_chars > MAX_OUTPUT_CHARS:
            raise RenderBudgetExceeded(
                f"malen skrev mer enn {MAX_OUTPUT_CHARS // 1_000_000} millioner tegn")
        return value

    def _output_static(self, size: int) -> str:
        """Count the template's own text of one output node; writes nothing."""
        self.output_chars += size
        if self.output_chars > MAX_OUTPUT_CHARS:
            raise RenderBudgetExceeded(
                f"malen skrev mer enn {MAX_OUTPUT_CHARS // 1_000_000} millioner tegn")
        return Markup("")

    def _bounded_filter(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """``func`` with the deadline checked first and its result's size after."""
        @functools.wraps(func)
        def bounded(*args: Any, **kwargs: Any) -> Any:
            if time.monotonic() > self.deadline:
                raise RenderBudgetExceeded(f"malen brukte mer enn {MAX_SECONDS:.0f} sekunder")
            result = func(*args, **kwargs)
            if _text_size(result) > MAX_STRING:
                raise RenderBudgetExceeded("malen prøvde å lage en altfor lang tekst")
            return result

        return bounded

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "%" and isinstance(left, str):
            raise SecurityError("malen kan ikke bruke %-formatering av tekst")
        if operator_name in ("*", "**") and (
            isinstance(left, (str, list, tuple)) or isinstance(right, (str, list, tuple))
        ):
            if operator_name == "**":
                raise RenderBudgetExceeded("malen prøvde å regne ut et altfor stort tall")
            count = right if isinstance(right, int) else left
            base = left if isinstance(right, int) else right
            if isinstance(count, int) and _weight(base) * count > MAX_STRING:
                raise RenderBudgetExceeded("malen prøvde å lage en altfor lang tekst")
        if isinstance(left, int) and isinstance(right, int):
            _check_int(operator_name, left, right)
        if operator_name == "+" and _text_size(left) + _text_size(right) > MAX_STRING:
            raise RenderBudgetExceeded("malen prøvde å lage en altfor lang tekst")
        result = _BINOPS[operator_name](left, right)
        if isinstance(result, str) and len(result) > MAX_STRING:
            raise RenderBudgetExceeded("malen prøvde å lage en altfor lang tekst")
        return result


def _weight(base: Any) -> int:
    """The size a repeated string or list stands for: a list of long strings
    counts with the length of its texts, so ``[big] * n`` is bounded too."""
    if isinstance(base, str):
        return len(base)
    return max(len(base), sum(len(x) for x in base if isinstance(x, str)))


def _check_int(operator_name: str, left: int, right: int) -> None:
    bits = max(abs(left).bit_length(), 1)
    if operator_name == "**":
        if right > 64 or bits * max(right, 0) > MAX_INT_BITS:
            raise RenderBudgetExceeded("malen prøvde å regne ut et altfor stort tall")
    elif operator_name == "*" and bits + abs(right).bit_length() > MAX_INT_BITS:
        raise RenderBudgetExceeded("malen prøvde å regne ut et altfor stort tall")


def _rewrite(tree: nodes.Node, name: str | None, filename: str | None) -> None:
    """In one walk over the tree: refuse the forbidden tags, send every
    loop's iterable through the loop budget, replace ``a ~ b`` by the bounded
    concatenation and count every piece of output (template text counted
    once per output node, expressions one by one)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        for kind, tag in _FORBIDDEN_TAGS.items():
            if isinstance(node, kind):
                raise TemplateSyntaxError(
                    f"{tag} er ikke tillatt i slt_docs-maler", node.lineno, name, filename)
        if isinstance(node, nodes.For):
            node.iter = nodes.Filter(node.iter, BUDGET_FILTER, [], [], None, None,
                                     lineno=node.lineno)
        for field_name in node.fields:
            value = getattr(node, field_name, None)
            if isinstance(value, nodes.Concat):
                setattr(node, field_name, _concat(value))
            elif isinstance(value, list) and any(isinstance(v, nodes.Concat) for v in value):
                setattr(node, field_name, [_concat(v) if isinstance(v, nodes.Concat) else v
                                           for v in value])
        stack.extend(node.iter_child_nodes())
        if isinstance(node, nodes.Output):
            node.nodes = _counted_output(node)


def _counted_output(node: nodes.Output) -> list[nodes.Node]:
    static = sum(len(n.data) for n in node.nodes if isinstance(n, nodes.TemplateData))
    out: list[nodes.Node] = []
    if static:
        out.append(nodes.Filter(nodes.Const(static, lineno=node.lineno), STATIC_FILTER,
                                [], [], None, None, lineno=node.lineno))
    for child in node.nodes:
        if isinstance(child, nodes.TemplateData):
            out.append(child)
        else:
            out.append(nodes.Filter(child, OUTPUT_FILTER, [], [], None, None,
                                    lineno=child.lineno))
    return out


_COMPILE_CACHE: dict[tuple[type, str, str | None, str | None, bool], Any] = {}
_COMPILE_CACHE_SIZE = 32


def _compile_cached(cls: type, source: str, name: str | None, filename: str | None,
                    defer_init: bool, env: ImmutableSandboxedEnvironment) -> Any:
    """Compiled code for ``source`` (a few recent templates are kept)."""
    key = (cls, source, name, filename, defer_init)
    code = _COMPILE_CACHE.get(key)
    if code is None:
        code = ImmutableSandboxedEnvironment.compile(env, source, name, filename, False,
                                                      defer_init)
        if len(_COMPILE_CACHE) >= _COMPILE_CACHE_SIZE:
            _COMPILE_CACHE.pop(next(iter(_COMPILE_CACHE)))
        _COMPILE_CACHE[key] = code
    return code


def _concat(node: nodes.Concat) -> nodes.Expr:
    return nodes.Filter(nodes.List(list(node.nodes), lineno=node.lineno), CONCAT_FILTER,
                        [], [], None, None, lineno=node.lineno)


def _safe_concat(items: list[Any]) -> Any:
    """``a ~ b ~ c`` with the result's size checked before it is built."""
    if sum(len(x) if isinstance(x, str) else 64 for x in items) > MAX_STRING:
        raise RenderBudgetExceeded("malen prøvde å lage en altfor lang tekst")
    return markup_join(items)


@pass_context
def _safe_replace(context: Context, value: Any, old: Any, new: Any,
                  count: int | None = None) -> Any:
    """Jinja's ``replace`` with the result's size checked before it is built."""
    text, old_s, new_s = str(value), str(old), str(new)
    hits = text.count(old_s) if old_s else len(text) + 1
    if count is not None:
        hits = min(hits, max(count, 0))
    if len(text) + hits * max(len(new_s) - len(old_s), 0) > MAX_STRING:
        raise RenderBudgetExceeded("malen prøvde å lage en altfor lang tekst")
    from jinja2.filters import do_replace
    return do_replace(context.eval_ctx, value, old, new, count)


@pass_context
def _safe_join(context: Context, value: Iterable[Any], d: str = "",
               attribute: str | int | None = None) -> Any:
    """Jinja's ``join`` with the result's size checked before it is built."""
    from jinja2.filters import do_join
    items = list(value)
    size = sum(len(x) if isinstance(x, str) else 64 for x in items) + len(str(d)) * len(items)
    if size > MAX_STRING:
        raise RenderBudgetExceeded("malen prøvde å lage en altfor lang tekst")
    return do_join(context.eval_ctx, items, d, attribute)


_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "*": operator.mul, "**": operator.pow, "+": operator.add, "//": operator.floordiv,
    "%": operator.mod,
}


_JINJA_MESSAGES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"Unexpected end of template.*innermost block that needs to be closed is "
                r"'(\w+)'", re.S),
     lambda m: f"malen slutter før «{{% {m[1]} %}}» er lukket (mangler «{{% end{m[1]} %}}»?)"),
    (re.compile(r"Encountered unknown tag '(\w+)'"), lambda m: f"ukjent malkode «{m[1]}»"),
    (re.compile(r"No filter named '(\w+)'"),
     lambda m: f"filteret «{m[1]}» finnes ikke eller er ikke tillatt"),
    (re.compile(r"No test named '(\w+)'"), lambda m: f"testen «{m[1]}» finnes ikke"),
    (re.compile(r"expected token '([^']+)', got '([^']+)'"),
     lambda m: f"forventet «{m[1]}», fant «{m[2]}»"),
    (re.compile(r"unexpected char '([^']+)'"), lambda m: f"uventet tegn «{m[1]}»"),
    (re.compile(r"unexpected '([^']+)'"), lambda m: f"uventet «{m[1]}»"),
    (re.compile(r"'(\w+)' is undefined"), lambda m: f"«{m[1]}» finnes ikke"),
    (re.compile(r"'([^']+)' object has no attribute '([^']+)'"),
     lambda m: f"«{m[2]}» finnes ikke på {m[1]}"),
    (re.compile(r"access to attribute '([^']+)' of '([^']+)' object is unsafe"),
     lambda m: f"«.{m[1]}» på {m[2]} er ikke tillatt"),
    (re.compile(r"is not safely callable"), lambda m: "kallet er ikke tillatt (bare malens "
     "makroer og lenke() kan kalles)"),
]


def norwegian_jinja(message: str) -> str:
    """A Jinja syntax message in Norwegian (the English one kept when unknown)."""
    for pattern, text in _JINJA_MESSAGES:
        match = pattern.search(message)
        if match:
            return text(match)
    if "slt_docs" in message or "ikke" in message:
        return message
    return f"teknisk melding: {message}"
