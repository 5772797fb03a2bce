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
import hashlib
import itertools
import operator
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import CodeType
from typing import Any

import attrs
from jinja2 import StrictUndefined, Undefined, nodes, pass_context
from jinja2.exceptions import TemplateSyntaxError
from jinja2.nodes import EvalContext
from jinja2.runtime import Context, LoopContext, Macro, markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from ..view.common import is_view_class
from .codecache import code_cache

MAX_LOOP_ITERATIONS = 100_000
"""Loop iterations (and macro calls) one rendering may use besides
:data:`LOOPS_PER_ITEM` for every item of its view (the largest real plan needs
a few hundred; a 10 000-tiltak plan gets its share)."""
LOOPS_PER_ITEM = 4
"""Extra loop iterations per item (list element) of the view rendered."""
MAX_SECONDS = 10.0
"""Longest time one rendering may take (besides :data:`SECONDS_PER_ITEM`)."""
SECONDS_PER_ITEM = 0.001
"""Extra time per item of the view rendered."""
BUDGET_FILTER = "slt_budget"
"""The filter every loop's iterable passes through (inserted at parse time)."""
OUTPUT_FILTER = "slt_out"
STATIC_FILTER = "slt_static"
"""The filter every piece of output passes through (inserted at parse time)."""
CONCAT_FILTER = "slt_concat"
"""The filter that replaces ``~`` (inserted at parse time)."""
SHAPE_FILTER = "slt_shape"
"""The filter every list, tuple and dict the template builds passes through."""
MAX_STRING = 1_000_000
"""Longest string a template may build with ``*``, ``+``, ``~``, ``%`` or a
filter, and the most a value it prints or turns into text may hold."""
MAX_ITEMS = 1_000_000
"""Most items a list the template builds may hold, nested lists counted in full."""
MAX_OUTPUT_CHARS = 10_000_000
"""Characters of Word XML one rendering may write besides
:data:`OUTPUT_PER_ITEM` per item and :data:`OUTPUT_PER_CHAR` per character of
text in its view (the largest real plan writes well under 1 million)."""
OUTPUT_PER_ITEM = 200
"""Extra output per item of the view (the XML of a table row or paragraph)."""
OUTPUT_PER_CHAR = 4
"""Extra output per character of text in the view."""
MAX_CALL_DEPTH = 40
"""Deepest nesting of macro calls (a macro calling itself)."""
MAX_INT_BITS = 4096
"""Largest number (in bits) a template may compute."""
MAX_TAGS = 5_000
"""Most tags (``{{ … }}``, ``{% … %}``) in one template part (ours have under 300)."""
MAX_TAG_TOKENS = 400
"""Most tokens (names, operators, values) in one tag."""
MAX_BLOCK_DEPTH = 12
"""Deepest nesting of blocks (``for``, ``if``, ``macro`` … inside each other)."""
MAX_BRACKET_DEPTH = 30
"""Deepest nesting of brackets (``(``, ``[``, ``{``) in one tag."""
MAX_TREE_DEPTH = 120
"""Deepest nesting of the parsed template (blocks and expressions together)."""

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


COMPILED_TEXTS = 128
"""How many compiled template texts a process keeps (the least recently used
is dropped first). A batch of every kommune meets a few dozen: each document
kind's body, headers and footers, with each profile's headers and footers,
and the web page. What is kept is the code Jinja makes from a template's
text — the same for whoever renders it, holding nothing of any kommune's
data — so it cannot carry one kommune's words to the next."""
_COMPILED: OrderedDict[tuple[object, ...], CodeType] = OrderedDict()
_COMPILED_LOCK = threading.Lock()


@functools.cache
def _rules() -> str:
    """A fingerprint of the rules this module compiles templates under (its
    own source): code kept on disk by another version is not used."""
    try:
        return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    except OSError:
        return f"unread-{id(_rules)}"


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
        self.filters[SHAPE_FILTER] = _checked_shape
        for name in STRINGIFYING_FILTERS:
            if name in self.filters:
                self.filters[name] = _stringify_checked(self.filters[name])
        self.iterations = 0
        self.output_chars = 0
        self.call_depth = 0
        self.max_iterations = MAX_LOOP_ITERATIONS
        self.max_output = MAX_OUTPUT_CHARS
        self.seconds = MAX_SECONDS
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

    # -- compiling, once per template text ------------------------------------
    def compile(self, source: str | nodes.Template, name: str | None = None,
                filename: str | None = None, raw: bool = False,
                defer_init: bool = False) -> str | CodeType:
        """Jinja's compile, done once per process for each template text: the
        Python code made from a text depends on nothing but the text and this
        class (the filters, tests and policies are looked up at render time
        in the environment the template runs in, with its own budgets), so a
        text seen before — the same template part for the next document or
        the next kommune — reuses its code. Parsing and compiling are most
        of the time of rendering a small document; nothing of what a
        rendering computes is kept (see :data:`COMPILED_TEXTS`). Between
        processes the code is kept on disk (:mod:`slt_docs.render.codecache`)."""
        if raw or not isinstance(source, str) or not isinstance(self.autoescape, bool):
            return super().compile(source, name, filename, raw, defer_init)
        key = (hashlib.sha256(source.encode("utf-8", "surrogatepass")).digest(), name,
               filename, defer_init, self.autoescape)
        with _COMPILED_LOCK:
            code = _COMPILED.get(key)
            if code is not None:
                _COMPILED.move_to_end(key)
                return code
        disk = code_cache(_rules())
        code = disk.get(self, key, source) if disk is not None else None
        if code is None:
            code = super().compile(source, name, filename, raw, defer_init)
            if disk is not None:
                disk.put(self, key, source, code)
        with _COMPILED_LOCK:
            _COMPILED[key] = code
            while len(_COMPILED) > COMPILED_TEXTS:
                _COMPILED.popitem(last=False)
        return code

    # -- parse-time rewriting ----------------------------------------------
    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Parse; refuse templates too big or too deeply nested to compile
        safely (checked on the tokens first, so a hostile one is refused
        before it costs time or memory), and tags that reach other templates
        or turn escaping off; route every loop's iterable, every ``~``, every
        list the template builds and every piece of output through the budget
        filters (one pass over the tree)."""
        self._prescan(source, name, filename)
        try:
            tree = super()._parse(source, name, filename)
        except (RecursionError, MemoryError) as exc:
            raise TemplateSyntaxError(_TOO_DEEP, None, name, filename) from exc
        _rewrite(tree, name, filename)
        return tree

    def _prescan(self, source: str, name: str | None, filename: str | None) -> None:
        tags = source.count(self.block_start_string) + source.count(
            self.variable_start_string)
        if tags > MAX_TAGS:
            raise TemplateSyntaxError(
                f"malen har for mange malkoder ({tags}; høyst {MAX_TAGS} i én del av "
                "dokumentet)", 1, name, filename)
        blocks = brackets = in_tag = 0
        opened_set = False
        for token in self._tokenize(source, name, filename):
            kind = token.type
            if kind in ("block_begin", "variable_begin"):
                in_tag = 0
                opened_set = False
                continue
            in_tag += 1
            if in_tag > MAX_TAG_TOKENS:
                raise TemplateSyntaxError(
                    f"en malkode er for lang (over {MAX_TAG_TOKENS} deler)", token.lineno,
                    name, filename)
            if kind in ("lparen", "lbracket", "lbrace"):
                brackets += 1
                if brackets > MAX_BRACKET_DEPTH:
                    raise TemplateSyntaxError(
                        f"malen har parenteser inni hverandre mer enn {MAX_BRACKET_DEPTH} "
                        "nivåer dypt", token.lineno, name, filename)
            elif kind in ("rparen", "rbracket", "rbrace"):
                brackets = max(brackets - 1, 0)
            elif kind == "name" and in_tag == 1:
                if token.value in _BLOCK_OPENERS:
                    blocks += 1
                    opened_set = token.value == "set"
                    if blocks > MAX_BLOCK_DEPTH:
                        raise TemplateSyntaxError(
                            f"malen har blokker ({{% for %}}, {{% if %}} …) inni hverandre mer "
                            f"enn {MAX_BLOCK_DEPTH} nivåer dypt", token.lineno, name, filename)
                elif token.value.startswith("end"):
                    blocks = max(blocks - 1, 0)
            elif kind == "assign" and opened_set:
                blocks = max(blocks - 1, 0)  # {% set x = … %} opens no block
                opened_set = False
            elif kind in ("block_end", "variable_end"):
                brackets = 0

    # -- budgets -------------------------------------------------------------
    def start_budget(self, seconds: float | None = None, view: Any = None) -> None:
        """Reset the counts and set the limits for one rendering: the base
        budgets plus a share for every item and character of ``view`` (so a
        plan with 10 000 tiltak renders, while a template cannot multiply a
        small plan into a huge document); ``seconds`` overrides the time."""
        items, chars = view_size(view) if view is not None else (0, 0)
        self.iterations = 0
        self.output_chars = 0
        self.call_depth = 0
        self.max_iterations = MAX_LOOP_ITERATIONS + LOOPS_PER_ITEM * items
        self.max_output = MAX_OUTPUT_CHARS + OUTPUT_PER_ITEM * items + OUTPUT_PER_CHAR * chars
        self.seconds = seconds if seconds is not None else MAX_SECONDS + SECONDS_PER_ITEM * items
        self.deadline = time.monotonic() + self.seconds

    def _tick(self) -> None:
        self.iterations += 1
        if self.iterations > self.max_iterations:
            raise RenderBudgetExceeded(
                f"malen gikk gjennom mer enn {self.max_iterations} løkkerunder og makrokall")
        self._check_time()

    def _check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise RenderBudgetExceeded(f"malen brukte mer enn {self.seconds:.0f} sekunder")

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
        """Count what the template writes (text, and any other value by the
        size of its text, before it is turned into text)."""
        if isinstance(value, str):
            size = len(value)
        else:
            size = deep_size(value, self.max_output - self.output_chars + 1)
        self._add_output(size)
        return value

    def _output_static(self, size: int) -> str:
        """Count the template's own text of one output node; writes nothing."""
        self._add_output(size)
        return Markup("")

    def _add_output(self, size: int) -> None:
        self.output_chars += size
        if self.output_chars > self.max_output:
            raise RenderBudgetExceeded(
                f"malen skrev mer enn {self.max_output / 1_000_000:.0f} millioner tegn")
        self._check_time()

    def _bounded_filter(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """``func`` with the deadline checked first and its result's size after."""
        @functools.wraps(func)
        def bounded(*args: Any, **kwargs: Any) -> Any:
            self._check_time()
            result = func(*args, **kwargs)
            if _text_size(result) > MAX_STRING:
                raise RenderBudgetExceeded("malen prøvde å lage en altfor lang tekst")
            return result

        return bounded

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "%" and isinstance(left, str):
            raise SecurityError("malen kan ikke bruke %-formatering av tekst")
        sequences = (str, list, tuple)
        if operator_name in ("*", "**") and (
            isinstance(left, sequences) or isinstance(right, sequences)
        ):
            if operator_name == "**":
                raise RenderBudgetExceeded("malen prøvde å regne ut et altfor stort tall")
            count = right if isinstance(right, int) else left
            base = left if isinstance(right, int) else right
            if isinstance(count, int) and count > 0:
                text = isinstance(base, str)
                limit = MAX_STRING if text else MAX_ITEMS
                if deep_size(base, limit // count + 1, views=False, texts=text) * count > limit:
                    raise RenderBudgetExceeded(_too_big(base))
        if isinstance(left, int) and isinstance(right, int):
            _check_int(operator_name, left, right)
        if operator_name == "+" and isinstance(left, sequences) and isinstance(right, sequences):
            text = isinstance(left, str)
            limit = MAX_STRING if text else MAX_ITEMS
            if deep_size(left, limit + 1, views=False, texts=text) + \
                    deep_size(right, limit + 1, views=False, texts=text) > limit:
                raise RenderBudgetExceeded(_too_big(left))
        result = _BINOPS[operator_name](left, right)
        if isinstance(result, str) and len(result) > MAX_STRING:
            raise RenderBudgetExceeded("malen prøvde å lage en altfor lang tekst")
        return result


def _too_big(value: Any) -> str:
    if isinstance(value, str):
        return "malen prøvde å lage en altfor lang tekst"
    return f"malen prøvde å lage en altfor lang liste (over {MAX_ITEMS} verdier)"


_SCALARS = (int, float, bool, type(None))


def deep_size(value: Any, limit: int, *, views: bool = True, texts: bool = True) -> int:
    """How big ``value`` is: the length of its text when printed (a string's
    length; lists, tuples and dicts with every item, a list that holds the
    same list many times counted every time, as printing it would), stopping
    soon after ``limit``. With ``views=False`` an object of the data (a view)
    counts as one item, and with ``texts=False`` a string too: the number of
    items the template itself built."""
    memo: dict[int, int] = {}
    gap = 2 if texts else 0  # quotes and ", " around every item when printed

    def size(item: Any, depth: int) -> int:
        if isinstance(item, str):
            return len(item) + 2 if texts else 1
        if isinstance(item, _SCALARS):
            if not texts:
                return 1
            return item.bit_length() // 3 + 2 if isinstance(item, int) else 24
        if depth > 200:
            return limit + 1
        key = id(item)
        if key in memo:
            return memo[key]
        if isinstance(item, (list, tuple)):
            children: Iterable[Any] = item
        elif isinstance(item, dict):
            children = itertools.chain.from_iterable(item.items())
        elif attrs.has(type(item)):
            if not views:
                return 1
            children = (getattr(item, f.name) for f in attrs.fields(type(item)))
        else:
            return 64 if texts else 1
        total = 1 + gap
        for child in children:
            total += size(child, depth + 1) + gap
            if total > limit:
                break
        memo[key] = total
        return total

    return size(value, 0)


def view_size(view: Any) -> tuple[int, int]:
    """The number of items (objects and list elements) and characters of
    text in a view: the data a rendering's budgets grow with."""
    seen: set[int] = set()
    items = chars = 0
    stack = [view]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            chars += len(item)
            continue
        if isinstance(item, _SCALARS) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, (list, tuple)):
            items += len(item)
            stack.extend(item)
        elif isinstance(item, dict):
            items += len(item)
            stack.extend(item.values())
        elif attrs.has(type(item)):
            items += 1
            stack.extend(getattr(item, f.name) for f in attrs.fields(type(item)))
    return items, chars


STRINGIFYING_FILTERS = ("string", "upper", "lower", "title", "capitalize", "trim", "truncate",
                        "e", "escape", "forceescape", "striptags", "urlencode", "wordcount",
                        "list")
"""Filters that turn any value into text: the value's size is checked first."""


def _stringify_checked(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def checked(*args: Any, **kwargs: Any) -> Any:
        value = next((a for a in args if not isinstance(a, (Context, EvalContext))), None)
        if not isinstance(value, str) and deep_size(value, MAX_STRING + 1) > MAX_STRING:
            raise RenderBudgetExceeded("malen prøvde å lage en altfor lang tekst")
        return func(*args, **kwargs)

    return checked


def _checked_shape(value: Any) -> Any:
    """A list, tuple or dict the template built, refused when it holds too
    much (nested lists counted in full: ``[[x] * 1000] * 1000``)."""
    if deep_size(value, MAX_ITEMS + 1, views=False, texts=False) > MAX_ITEMS:
        raise RenderBudgetExceeded(_too_big(value))
    return value


def _check_int(operator_name: str, left: int, right: int) -> None:
    bits = max(abs(left).bit_length(), 1)
    if operator_name == "**":
        if right > 64 or bits * max(right, 0) > MAX_INT_BITS:
            raise RenderBudgetExceeded("malen prøvde å regne ut et altfor stort tall")
    elif operator_name == "*" and bits + abs(right).bit_length() > MAX_INT_BITS:
        raise RenderBudgetExceeded("malen prøvde å regne ut et altfor stort tall")


_BLOCK_OPENERS = frozenset({"for", "if", "macro", "call", "filter", "with", "block", "set",
                            "autoescape", "raw", "trans"})
_TOO_DEEP = "malen har for mange nivåer inni hverandre (blokker eller uttrykk)"


def _rewrite(tree: nodes.Node, name: str | None, filename: str | None) -> None:
    """In one walk over the tree: refuse the forbidden tags and a tree nested
    too deeply, send every loop's iterable through the loop budget, replace
    ``a ~ b`` by the bounded concatenation, check every list, tuple and dict
    the template builds, and count every piece of output (template text
    counted once per output node, expressions one by one)."""
    stack: list[tuple[nodes.Node, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_TREE_DEPTH:
            raise TemplateSyntaxError(_TOO_DEEP, node.lineno, name, filename)
        for kind, tag in _FORBIDDEN_TAGS.items():
            if isinstance(node, kind):
                raise TemplateSyntaxError(
                    f"{tag} er ikke tillatt i slt_docs-maler", node.lineno, name, filename)
        if isinstance(node, nodes.For):
            node.iter = nodes.Filter(node.iter, BUDGET_FILTER, [], [], None, None,
                                     lineno=node.lineno)
        shaped = isinstance(node, nodes.Filter) and node.name in (SHAPE_FILTER, CONCAT_FILTER)
        for field_name in node.fields:
            value = getattr(node, field_name, None)
            if isinstance(value, nodes.Node):
                setattr(node, field_name, _wrapped(value, shaped))
            elif isinstance(value, list) and any(isinstance(v, nodes.Node) for v in value):
                setattr(node, field_name, [_wrapped(v, shaped) if isinstance(v, nodes.Node)
                                           else v for v in value])
        stack.extend((child, depth + 1) for child in node.iter_child_nodes())
        if isinstance(node, nodes.Output):
            node.nodes = _counted_output(node)


def _wrapped(node: nodes.Node, shaped: bool) -> nodes.Node:
    """``a ~ b`` as the bounded concatenation; a list, tuple or dict the
    template builds through the shape check."""
    if isinstance(node, nodes.Concat):
        return _concat(node)
    if shaped:
        return node
    if isinstance(node, (nodes.List, nodes.Dict)) or (
            isinstance(node, nodes.Tuple) and node.ctx == "load"):
        return nodes.Filter(node, SHAPE_FILTER, [], [], None, None, lineno=node.lineno)
    return node


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
_COMPILE_CACHE_MAX_SOURCE = 2_000_000
_COMPILE_LOCK = threading.Lock()


def _compile_cached(cls: type, source: str, name: str | None, filename: str | None,
                    defer_init: bool, env: ImmutableSandboxedEnvironment) -> Any:
    """Compiled code for ``source`` (a few recent templates are kept)."""
    key = (cls, source, name, filename, defer_init)
    with _COMPILE_LOCK:
        code = _COMPILE_CACHE.get(key)
    if code is not None:
        return code
    try:
        code = ImmutableSandboxedEnvironment.compile(env, source, name, filename, False,
                                                      defer_init)
    except (RecursionError, MemoryError, SyntaxError) as exc:
        # Python's own limits on the generated code (nested blocks, brackets)
        raise TemplateSyntaxError(_TOO_DEEP, None, name, filename) from exc
    if len(source) > _COMPILE_CACHE_MAX_SOURCE:
        return code
    with _COMPILE_LOCK:
        if len(_COMPILE_CACHE) >= _COMPILE_CACHE_SIZE:
            _COMPILE_CACHE.pop(next(iter(_COMPILE_CACHE)))
        _COMPILE_CACHE[key] = code
    return code


def _concat(node: nodes.Concat) -> nodes.Expr:
    return nodes.Filter(nodes.List(list(node.nodes), lineno=node.lineno), CONCAT_FILTER,
                        [], [], None, None, lineno=node.lineno)


def _safe_concat(items: list[Any]) -> Any:
    """``a ~ b ~ c`` with the result's size checked before it is built."""
    if deep_size(items, MAX_STRING + 1) > MAX_STRING:
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
    size = deep_size(items, MAX_STRING + 1) + deep_size(d, MAX_STRING + 1) * len(items)
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
    if "slt_docs" in message or "ikke" in message or message.startswith(("malen ", "en malkode")):
        return message
    return f"teknisk melding: {message}"
