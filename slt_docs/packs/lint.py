"""``slt-docs mal kontroller``: find the faults in a template before anyone renders it.

For each Word template the check reads the text of every paragraph — in the
body, in tables (row by row, cell by cell), in headers, footers and the
document properties — the way docxtpl will (``{%p``, ``{%tr``, ``{{r`` …
become plain Jinja), and remembers where each paragraph is. Then:

- **Jinja syntax** is parsed in the same sandbox rendering uses (forbidden
  tags and unknown filters included);
- **fields**: every name the template uses is looked up in the view class of
  its document kind, field by field (``{{ plan.tilttak }}``: no ``plan``;
  ``{{ tiltak.overskrfit }}``: no such field on ``TiltakTabellView``, did you
  mean ``overskrift``?), through loop variables (``{%tr for t in d.tiltak %}``
  makes ``t`` a ``TiltakRad``) and macro parameters (typed from the calls);
  ``label.<key>`` against the known labels and ``bilde.<name>`` against the
  pictures the document gets;
- **loops over things that are not lists** (a text, a single object, a
  number);
- **styles** the template uses (paragraph, character, table) but does not define.

Each finding says where: the document kind, the paragraph (or table, row
and cell) and the text around it. The check is useful, not complete: what
it cannot follow (values computed in the template) it lets pass.
"""

from __future__ import annotations

import difflib
import re
import typing
from pathlib import Path
from typing import Any

import attrs
from jinja2 import Environment, TemplateSyntaxError, nodes
from lxml import etree

from ..errors import Alvor, Problem
from ..lang.labels import LABEL_KEYS
from ..render.safety import W_NS, read_zip
from ..render.sandbox import REMOVED_FILTERS, SltSandbox, norwegian_jinja
from ..view.common import LenkeView
from ..view.endringer import BitView
from .fields import (
    HELPERS,
    KIND_VIEWS,
    LOOP_FIELDS,
    PICTURES,
    element_type,
    field_names,
    hints,
    is_view,
    unwrap_optional,
)

W = f"{{{W_NS}}}"
_DOCXTPL_PREFIX = re.compile(r"(\{[%{])(-?)(?:p|tr|tc|r)\s")
_MERGE_TAG = re.compile(r"\{%-?\s*(?:vm|hm)\s*-?%\}")
_VALUE_TAG = re.compile(r"\{%-?\s*(?:colspan|cellbg)\s+(.*?)\s*-?%\}")
_TAG = re.compile(r"\{[{%#].*?[}%#]\}")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
_UNAVAILABLE = {"range", "lipsum", "cycler", "joiner", "namespace", "dict", "self", "super"}


@attrs.define
class Line:
    """One paragraph's text and where it is ("avsnitt 12", "tabell 2, rad 3, celle 1")."""

    text: str
    where: str


@attrs.define
class Source:
    """The Jinja text of one part of a Word file, a line per paragraph."""

    part: str
    lines: list[Line]
    styles: list[tuple[str, str, str]] = attrs.field(factory=list)
    """(style id, kind of style, where) for every style the part uses."""

    def text(self) -> str:
        """The Jinja source."""
        return "\n".join(line.text for line in self.lines)

    def where(self, lineno: int | None) -> Line | None:
        """The paragraph at a Jinja line number."""
        if lineno is None or not 1 <= lineno <= len(self.lines):
            return None
        return self.lines[lineno - 1]


# -- reading the Word file -------------------------------------------------------

def _paragraph_text(p: etree._Element) -> str:
    out = []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        out.append(el.text or "" if el.tag == f"{W}t" else " ")
    return docxtpl_text("".join(out))


def docxtpl_text(text: str) -> str:
    """A paragraph's text as the Jinja docxtpl will hand on: ``{%p x %}`` →
    ``{% x %}``, ``{{r x }}`` → ``{{ x }}``, merge tags dropped, typographic
    quotes straightened inside tags."""
    text = _MERGE_TAG.sub("", text)
    text = _VALUE_TAG.sub(lambda m: "{{ " + m.group(1) + " }}", text)
    text = _DOCXTPL_PREFIX.sub(r"\1\2 ", text)
    return _TAG.sub(lambda m: m.group(0).translate(_QUOTES), text)


def _walk(container: etree._Element, where: str, lines: list[Line],
          styles: list[tuple[str, str, str]]) -> None:
    paragraph = table = 0
    for child in container:
        tag = child.tag
        if tag == f"{W}p":
            paragraph += 1
            here = f"{where}avsnitt {paragraph}"
            lines.append(Line(_paragraph_text(child), here))
            _styles_in(child, here, styles)
        elif tag == f"{W}tbl":
            table += 1
            here = f"{where}tabell {table}"
            style = child.find(f"{W}tblPr/{W}tblStyle")
            if style is not None:
                styles.append((style.get(f"{W}val") or "", "tabellstil", here))
            for r, row in enumerate(child.findall(f"{W}tr"), start=1):
                for c, cell in enumerate(row.findall(f"{W}tc"), start=1):
                    _walk(cell, f"{here}, rad {r}, celle {c}, ", lines, styles)
        elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            content = child.find(f"{W}sdtContent") if tag == f"{W}sdt" else child
            if content is not None:
                _walk(content, where, lines, styles)


def _styles_in(p: etree._Element, where: str, styles: list[tuple[str, str, str]]) -> None:
    for el in p.iter(f"{W}pStyle", f"{W}rStyle"):
        kind = "avsnittsstil" if el.tag == f"{W}pStyle" else "tegnstil"
        styles.append((el.get(f"{W}val") or "", kind, where))


def _parse(blob: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    return etree.fromstring(blob, parser)


def read_sources(docx: bytes, name: str) -> tuple[list[Source], set[str], list[str]]:
    """The Jinja sources of a Word template (body, headers, footers,
    footnotes, properties), the style ids it defines, and the style names."""
    parts = read_zip(docx, name)
    sources: list[Source] = []
    body_root = _parse(parts["word/document.xml"])
    body = body_root.find(f"{W}body")
    lines: list[Line] = []
    styles: list[tuple[str, str, str]] = []
    if body is not None:
        _walk(body, "", lines, styles)
    sources.append(Source("hoveddokumentet", lines, styles))
    counters = {"header": 0, "footer": 0, "footnotes": 0}
    labels = {"header": "topptekst", "footer": "bunntekst", "footnotes": "fotnoter"}
    for part in sorted(parts):
        match = re.match(r"word/(header|footer|footnotes)\d*\.xml$", part)
        if not match:
            continue
        kind = match.group(1)
        counters[kind] += 1
        root = _parse(parts[part])
        lines, styles = [], []
        label = f"{labels[kind]} {counters[kind]}" if kind != "footnotes" else labels[kind]
        _walk(root if kind != "footnotes" else _footnote_container(root), f"{label}, ",
              lines, styles)
        sources.append(Source(label, lines, styles))
    core = parts.get("docProps/core.xml")
    if core is not None:
        root = _parse(core)
        lines = [Line(docxtpl_text(el.text or ""),
                      f"dokumentegenskapen «{etree.QName(el).localname}»")
                 for el in root if el.text and ("{" in el.text)]
        if lines:
            sources.append(Source("dokumentegenskapene", lines))
    defined: set[str] = set()
    names: list[str] = []
    if "word/styles.xml" in parts:
        for style in _parse(parts["word/styles.xml"]).findall(f"{W}style"):
            defined.add(style.get(f"{W}styleId") or "")
            name = style.find(f"{W}name")
            if name is not None:
                names.append(name.get(f"{W}val") or "")
    return sources, defined, names


def _footnote_container(root: etree._Element) -> etree._Element:
    container = etree.Element("container")
    for note in root.findall(f"{W}footnote"):
        for child in note:
            container.append(child)
    return container


# -- types -------------------------------------------------------------------------

class _Special:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


ANY = _Special("ukjent")
LOOP = _Special("loop")
PICTURE_MAP = _Special("bilde")
HELPER = _Special("hjelper")
MACRO = _Special("makro")
_TEXT_FILTERS = {"join", "string", "upper", "lower", "title", "capitalize", "trim", "truncate",
                 "replace", "e", "escape", "striptags", "urlencode", "forceescape",
                 "filesizeformat"}
_NUMBER_FILTERS = {"length", "count", "wordcount", "int", "float", "abs", "round"}
_SAME_FILTERS = {"reverse", "sort", "unique", "list", "default", "d"}
_ELEMENT_FILTERS = {"first", "last", "max", "min"}


def _type_name(tp: Any) -> str:
    inner, optional = unwrap_optional(tp)
    if optional:
        return f"{_type_name(inner)} eller tom"
    elem = element_type(tp)
    if elem is not None:
        return f"en liste av {_type_name(elem)}"
    if tp is str:
        return "tekst"
    if tp in (int, float):
        return "et tall"
    if tp is bool:
        return "ja/nei"
    if is_view(tp):
        return tp.__name__
    if typing.get_origin(tp) is dict:
        return "oppslaget label"
    return str(tp)


def _close(name: str, options: typing.Iterable[str]) -> str:
    match = difflib.get_close_matches(name, list(options), n=1, cutoff=0.6)
    return f"; mente du «{match[0]}»?" if match else ""


class Checker:
    """Walks one template's Jinja tree with the types of its view."""

    def __init__(self, kind: str, report: typing.Callable[[int | None, str], None],
                 pictures: typing.Iterable[str] = ()) -> None:
        view = KIND_VIEWS[kind]
        self.kind = kind
        self.report = report
        self.pictures = set(PICTURES[kind]) | set(pictures)
        top: dict[str, Any] = dict(hints(view))
        top["bilde"] = PICTURE_MAP
        top.update({name: HELPER for name in HELPERS})
        self.scopes: list[dict[str, Any]] = [top]
        self.macros: dict[str, nodes.Macro] = {}
        self.calls: dict[str, list[list[Any]]] = {}
        self.uses_link = False

    # -- scopes
    def lookup(self, name: str, node: nodes.Node) -> Any:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        if name in self.macros:
            return MACRO
        if name in _UNAVAILABLE:
            self.report(node.lineno, f"«{name}» finnes ikke i slt_docs-maler (malene kan bare "
                        "bruke feltene fra dataene, se docs/template-fields.md)")
            return ANY
        known = [n for scope in self.scopes for n in scope] + list(self.macros)
        where = f"dokumenttypen {self.kind}"
        self.report(node.lineno, f"ukjent navn «{name}» i {where}{_close(name, known)} "
                    f"(navnene øverst er: {', '.join(field_names(KIND_VIEWS[self.kind]))}, "
                    "bilde)")
        return ANY

    def bind(self, target: nodes.Node, tp: Any) -> None:
        if isinstance(target, nodes.Name):
            self.scopes[-1][target.name] = tp
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, ANY)

    # -- expressions
    def expr(self, node: nodes.Node | None) -> Any:
        if node is None:
            return ANY
        if isinstance(node, nodes.Name):
            return self.lookup(node.name, node)
        if isinstance(node, nodes.Getattr):
            return self.attribute(self.expr(node.node), node.attr, node)
        if isinstance(node, nodes.Getitem):
            return self.item(node)
        if isinstance(node, nodes.Filter):
            return self.filter(node, self.expr(node.node) if node.node is not None else ANY)
        if isinstance(node, nodes.Test):
            self.expr(node.node)
            self.each(node.args)
            return bool
        if isinstance(node, nodes.Call):
            return self.call(node)
        if isinstance(node, nodes.Const):
            return type(node.value) if isinstance(node.value, (str, int, float, bool)) else ANY
        if isinstance(node, (nodes.List, nodes.Tuple)):
            self.each(node.items)
            return tuple[Any, ...]
        if isinstance(node, nodes.Concat):
            self.each(node.nodes)
            return str
        if isinstance(node, (nodes.Compare, nodes.Not, nodes.And, nodes.Or)):
            for child in node.iter_child_nodes():
                self.expr(child)
            return bool
        for child in node.iter_child_nodes():
            if isinstance(child, (nodes.Expr, nodes.Pair, nodes.Keyword, nodes.Operand)):
                self.expr(child)
        return ANY

    def each(self, items: typing.Iterable[nodes.Node]) -> None:
        for item in items:
            self.expr(item)

    def attribute(self, base: Any, name: str, node: nodes.Node) -> Any:
        base, _ = unwrap_optional(base)
        if base is ANY or base is HELPER or base is MACRO:
            return ANY
        if is_view(base):
            fields = hints(base)
            if name in fields:
                return fields[name]
            self.report(node.lineno, f"feltet «{name}» finnes ikke på {base.__name__}"
                        f"{_close(name, fields)} (feltene er: {', '.join(fields)})")
            return ANY
        if base is LOOP:
            if name not in LOOP_FIELDS:
                self.report(node.lineno, f"loop.{name} er ikke tilgjengelig; bruk "
                            f"{', '.join('loop.' + f for f in LOOP_FIELDS)}")
            return bool if name in ("first", "last") else int
        if base is PICTURE_MAP:
            if name not in self.pictures:
                self.report(node.lineno, f"bildet «bilde.{name}» finnes ikke for "
                            f"{self.kind}{_close(name, self.pictures)} (bildene er: "
                            f"{', '.join(sorted(self.pictures))})")
            return ANY
        if typing.get_origin(base) is dict:
            if name not in LABEL_KEYS:
                self.report(node.lineno, f"«label.{name}» er ikke et kjent fast ord"
                            f"{_close(name, LABEL_KEYS)}")
            return str
        if element_type(base) is not None:
            self.report(node.lineno, f"«.{name}» brukt på {_type_name(base)}; en liste har "
                        "ingen felt – gå gjennom den med en løkke")
            return ANY
        if base in (str, int, float, bool):
            self.report(node.lineno, f"«.{name}» brukt på {_type_name(base)}; den har ingen "
                        "felt eller metoder (bruk filtre som |upper)")
            return ANY
        return ANY

    def item(self, node: nodes.Getitem) -> Any:
        base = self.expr(node.node)
        arg = node.arg
        if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
            return self.attribute(base, arg.value, node)
        inner, _ = unwrap_optional(base)
        self.expr(arg)
        if isinstance(arg, nodes.Slice):
            return base
        elem = element_type(inner)
        if elem is not None:
            return elem
        return str if inner is str else ANY

    def filter(self, node: nodes.Filter, base: Any) -> Any:
        self.each(node.args)
        self.each(kw.value for kw in node.kwargs)
        name = node.name
        inner, _ = unwrap_optional(base)
        if name in REMOVED_FILTERS:
            return ANY  # the sandbox compile reports it
        if name in _TEXT_FILTERS:
            return str
        if name in _NUMBER_FILTERS:
            return int
        if name in _SAME_FILTERS:
            return base
        if name in _ELEMENT_FILTERS:
            return element_type(inner) or ANY
        return ANY

    def call(self, node: nodes.Call) -> Any:
        args = [self.expr(a) for a in node.args]
        self.each(kw.value for kw in node.kwargs)
        if isinstance(node.node, nodes.Name):
            name = node.node.name
            if name in HELPERS and not any(name in s for s in self.scopes[1:]):
                got = unwrap_optional(args[0])[0] if args else ANY
                if name == "lenke":
                    self.uses_link = True
                    if got is not ANY and got is not LenkeView:
                        self.report(node.lineno, f"lenke() trenger en lenke (LenkeView), "
                                    f"fikk {_type_name(got)}")
                elif name == "endring" and got is not ANY and element_type(got) is not BitView:
                    self.report(node.lineno, f"endring() trenger biter (BitView-er), "
                                f"fikk {_type_name(got)}")
                return ANY
            if name in self.macros or any(
                    isinstance(s.get(name), nodes.Macro) for s in self.scopes):
                self.calls.setdefault(name, []).append(args)
                return str
        self.expr(node.node)
        return ANY

    def iterable(self, tp: Any, node: nodes.Node) -> Any:
        inner, optional = unwrap_optional(tp)
        if inner is ANY:
            return ANY
        elem = element_type(inner)
        if elem is not None:
            return elem
        if typing.get_origin(inner) is dict:
            return str
        if inner is str:
            self.report(node.lineno, "løkka går gjennom en tekst (tegn for tegn), ikke en "
                        "liste; skriv teksten ut med {{ … }} i stedet")
        elif is_view(inner) or inner in (int, float, bool) or optional:
            self.report(node.lineno, f"løkka går over {_type_name(tp)}, som ikke er en liste")
        return ANY

    # -- statements
    def body(self, items: typing.Iterable[nodes.Node]) -> None:
        for item in items:
            self.stmt(item)

    def stmt(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expr(child)
        elif isinstance(node, nodes.If):
            self.expr(node.test)
            self.body(node.body)
            for elif_ in node.elif_:
                self.stmt(elif_)
            self.body(node.else_)
        elif isinstance(node, nodes.For):
            elem = self.iterable(self.expr(node.iter), node)
            self.scopes.append({"loop": LOOP})
            self.bind(node.target, elem)
            if node.test is not None:
                self.expr(node.test)
            self.body(node.body)
            self.scopes.pop()
            self.body(node.else_)
        elif isinstance(node, nodes.Assign):
            self.bind(node.target, self.expr(node.node))
        elif isinstance(node, nodes.AssignBlock):
            self.body(node.body)
            self.bind(node.target, str)
        elif isinstance(node, nodes.Macro):
            self.macros[node.name] = node
        elif isinstance(node, nodes.CallBlock):
            self.expr(node.call)
            self.scopes.append({"caller": MACRO, **{a.name: ANY for a in node.args}})
            self.body(node.body)
            self.scopes.pop()
        elif isinstance(node, nodes.FilterBlock):
            self.filter(node.filter, str)
            self.body(node.body)
        elif isinstance(node, nodes.With):
            for value in node.values:
                self.expr(value)
            self.scopes.append({})
            for target, value in zip(node.targets, node.values, strict=False):
                self.bind(target, self.expr(value))
            self.body(node.body)
            self.scopes.pop()
        else:
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Stmt):
                    self.stmt(child)
                elif isinstance(child, nodes.Expr):
                    self.expr(child)

    def run(self, tree: nodes.Template) -> None:
        """Check the template, then each macro with its parameters typed from its calls."""
        self.body(tree.body)
        done: set[str] = set()
        while len(done) < len(self.macros):
            for name, macro in list(self.macros.items()):
                if name in done:
                    continue
                done.add(name)
                scope: dict[str, Any] = {"varargs": ANY, "kwargs": ANY, "caller": MACRO}
                for index, arg in enumerate(macro.args):
                    seen = [c[index] for c in self.calls.get(name, []) if index < len(c)]
                    scope[arg.name] = seen[0] if seen and all(t == seen[0] for t in seen) \
                        else ANY
                self.scopes.append(scope)
                self.body(macro.body)
                self.scopes.pop()


# -- the check ---------------------------------------------------------------------

def _context(line: Line | None, limit: int = 90) -> str:
    if line is None:
        return ""
    text = " ".join(line.text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_source(source: Source, kind: str,
                  add: typing.Callable[[Line | None, Source, str], None],
                  pictures: tuple[str, ...]) -> Checker | None:
    """Compile one source in the sandbox and check every name it uses; the
    checker, or ``None`` when the source does not compile."""
    text = source.text()
    env = SltSandbox({name: (lambda x: x) for name in HELPERS})
    try:
        env.compile(text)
    except TemplateSyntaxError as exc:
        add(source.where(exc.lineno), source,
            f"malkoden har en feil: {norwegian_jinja(exc.message or str(exc))}")
        return None
    tree = Environment(autoescape=True).parse(text)
    checker = Checker(kind, lambda lineno, msg, s=source: add(s.where(lineno), s, msg), pictures)
    checker.run(tree)
    return checker


def check_html_template(text: str, kind: str, name: str) -> list[Problem]:
    """Every fault found in the HTML template ``text`` for ``kind`` (the web
    page): Jinja syntax, names the page's view does not have, loops over
    what is not a list — each with its line — and a page whose ``<html>``
    does not say its language (``lang="{{ dok.spraak }}"``)."""
    problems: list[Problem] = []
    seen: set[tuple[int | None, str]] = set()
    lines = text.split("\n")
    source = Source("malen", [Line(line, f"linje {i}") for i, line in enumerate(lines, start=1)])

    def add(line: Line | None, _source: Source, message: str,
            severity: Alvor = Alvor.feil) -> None:
        number = int(line.where.split()[-1]) if line else None
        if (number, message) in seen:
            return
        seen.add((number, message))
        around = _context(line)
        text = f"{message} – rundt «{around}»" if around else message
        problems.append(Problem(melding=text, sti=kind, fil=Path(name), linje=number,
                                alvor=severity))

    _check_source(source, kind, add, ())
    tag = re.search(r"<html\b[^>]*>", text, re.I)
    if tag and not re.search(r"\blang\s*=", tag.group(0), re.I):
        number = text[:tag.start()].count("\n") + 1
        add(source.where(number), source, "<html> mangler lang-attributtet (skriv "
            "lang=\"{{ dok.spraak }}\", så skjermlesere leser siden på riktig språk)",
            Alvor.advarsel)
    return problems


def check_template(docx: bytes, kind: str, name: str, *,
                   pictures: typing.Iterable[str] = ()) -> list[Problem]:
    """Every fault found in the Word template ``docx`` for document ``kind``
    (``name`` is its file name in the pack, for the messages)."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    sources, defined, _ = read_sources(docx, name)

    def add(line: Line | None, source: Source, message: str,
            severity: Alvor = Alvor.feil) -> None:
        where = f"{kind}, {line.where}" if line else f"{kind}, {source.part}"
        key = (where, message)
        if key in seen:
            return
        seen.add(key)
        around = _context(line)
        text = f"{message} – rundt «{around}»" if around else message
        problems.append(Problem(melding=text, sti=where, fil=Path(name), alvor=severity))

    pictures = tuple(pictures)
    uses_link = False
    for source in sources:
        checker = _check_source(source, kind, add, pictures)
        if checker is None:
            continue
        uses_link = uses_link or checker.uses_link
        for style, style_kind, where in source.styles:
            if style and style not in defined:
                line = next((ln for ln in source.lines if ln.where == where), None)
                add(line or Line("", where), source,
                    f"{style_kind}en «{style}» er brukt, men finnes ikke i malens stiler")
    if uses_link and "Hyperlink" not in defined:
        add(None, sources[0], "malen bruker lenke(), men mangler tegnstilen «Hyperlink»")
    return problems
