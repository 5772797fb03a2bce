"""Reading YAML safely, remembering where every value stands in the file.

- Only plain data (PyYAML's safe loader); no Python objects.
- A YAML 1.2-like core schema: ``true``/``false`` only (``no`` stays text,
  so «Norway» is safe), integers without leading zeros, no implicit floats
  and no sexagesimal numbers, so ``08.30`` and ``13:30`` stay text and are
  read as times where a time is expected; ``2022-03-04`` is a date.
- Limits against hostile files: file size, number of aliases and the number
  of values after alias expansion ("billion laughs").
- Characters Word cannot hold (XML-invalid control characters): a vertical
  tab or form feed pasted from Word is replaced by a space with a warning;
  any other control character is an error.
- Duplicate keys in a mapping are errors.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from attrs import define, field

from ..errors import Alvor, Problem

MAX_FILE_BYTES = 2 * 1024 * 1024
"""Largest YAML file read (2 MiB; the biggest real plan is about 60 KiB)."""
MAX_ALIASES = 200
"""Most alias uses (``*anker``) in one file."""
MAX_VALUES = 200_000
"""Most values in one file after aliases are expanded."""
MAX_DEPTH = 100
"""Deepest nesting of lists and mappings (real data: under 10)."""

Path_ = tuple[str | int, ...]

_CLEANED = {"\x0b": "vertikal tabulator (linjeskift fra Word)", "\x0c": "sideskift"}
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


class SltYamlLoader(yaml.SafeLoader):
    """A safe loader with a small, predictable schema (see the module doc)."""


_LOADERS: tuple[type[Any], ...] = (SltYamlLoader,)
"""The loaders tried in turn: libyaml's parser first where PyYAML has it."""
if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):
        """The same loader on libyaml's parser (several times faster; the
        same nodes, values and positions). A file libyaml refuses is read
        again by :class:`SltYamlLoader`, whose messages are the ones
        translated here."""

    _LOADERS = (_FastLoader, SltYamlLoader)

SltYamlLoader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", list("-+0123456789")),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", list("0123456789")),
    ("tag:yaml.org,2002:merge", r"^<<$", ["<"]),
]:
    SltYamlLoader.add_implicit_resolver(_tag, re.compile(_regexp), _first)


def _construct_date(loader: SltYamlLoader, node: yaml.Node) -> dt.date | str:
    """A date; an impossible one (2022-02-30) stays text so that the field
    check reports it with its field path."""
    value = str(loader.construct_scalar(node))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return value


SltYamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)
for _loader in _LOADERS[:-1]:
    _loader.yaml_implicit_resolvers = SltYamlLoader.yaml_implicit_resolvers
    _loader.yaml_constructors = SltYamlLoader.yaml_constructors


@define
class Source:
    """One YAML file read: its data, and the position of every value and key
    by field path (1-based line and column)."""

    path: Path
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(factory=dict)
    problems: list[Problem] = field(factory=list)

    def where(self, path: Path_) -> tuple[int, int] | None:
        """The position of ``path``, or of its nearest parent that has one."""
        while True:
            if path in self.positions:
                return self.positions[path]
            if not path:
                return None
            path = path[:-1]

    def where_key(self, path: Path_) -> tuple[int, int] | None:
        """The position of the key that ends ``path`` (for unknown keys)."""
        return self.key_positions.get(path) or self.where(path)


def _problem(path: Path, message: str, line: int | None, col: int | None,
             severity: Alvor = Alvor.feil) -> Problem:
    return Problem(melding=message, fil=path, linje=line, kolonne=col, alvor=severity)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def read_yaml(path: Path, text: str | None = None) -> Source:
    """Read one YAML file into a :class:`Source`. Problems (too large,
    syntax errors, bad characters, duplicate keys, alias bombs) are collected
    in ``source.problems``; when any is an error, ``source.data`` is ``None``."""
    source = Source(path=path, data=None)
    if text is None:
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                source.problems.append(_problem(
                    path, f"fila er for stor ({size} byte); største tillatte er "
                    f"{MAX_FILE_BYTES} byte", None, None))
                return source
            raw = path.read_bytes()
        except OSError as exc:
            message = f"kan ikke lese fila: {exc.strerror}"
            source.problems.append(_problem(path, message, None, None))
            return source
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            source.problems.append(_problem(
                path, "fila er ikke UTF-8; lagre den som UTF-8 (i Notisblokk: «Lagre som», "
                "koding UTF-8)", line, None))
            return source
    elif len(text.encode("utf-8")) > MAX_FILE_BYTES:
        source.problems.append(_problem(path, "teksten er for stor", None, None))
        return source

    text = _clean_characters(path, text, source.problems)
    if any(p.is_error for p in source.problems):
        return source

    # libyaml reads a tab in a plain text where PyYAML refuses it (and
    # says why); such a file is read by PyYAML alone
    loaders = _LOADERS if "\t" not in text else _LOADERS[-1:]
    for loader_class in loaders:
        if _load(loader_class, path, text, source, last=loader_class is loaders[-1]):
            break
    return source


def _load(loader_class: type[Any], path: Path, text: str, source: Source, *,
          last: bool) -> bool:
    """Read ``text`` into ``source`` with ``loader_class``; False when it
    refused the text and another loader should give the message (not ``last``)."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            source.data = {}
            return True
        if not _walk_positions(path, node, source):
            return True
        source.data = loader.construct_document(node)
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        if last:
            source.problems.append(_refusal(path, text, exc))
            return True
        source.positions.clear()
        source.key_positions.clear()
        source.problems[:] = [p for p in source.problems if not p.is_error]
        return False
    finally:
        loader.dispose()
    return True


_TOO_DEEP = "fila har for mange nivåer inni hverandre (lister eller oppslag i hverandre)"


def _refusal(path: Path, text: str, exc: Exception) -> Problem:
    """The problem ``exc`` (raised reading ``text``), located in ``path``."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message, key_col = _yaml_message(exc, text)
        return _problem(path, message, line, key_col or col)
    if isinstance(exc, yaml.YAMLError):  # pragma: no cover - PyYAML always marks its errors
        return _problem(path, f"ugyldig YAML: {exc}", None, None)
    if isinstance(exc, RecursionError):
        return _problem(path, _TOO_DEEP, None, None)
    # an integer with more digits than Python converts
    return _problem(path, "fila har et tall med for mange sifre; sett det i anførselstegn",
                    None, None)


def _clean_characters(path: Path, text: str, problems: list[Problem]) -> str:
    """Replace Word's vertical tab/form feed with a space (warning); report
    every other XML-invalid character as an error."""
    if not _INVALID.search(text):
        return text
    out: list[str] = []
    for line_no, line in enumerate(text.split("\n"), start=1):
        for match in _INVALID.finditer(line):
            ch = match.group()
            col = match.start() + 1
            if ch in _CLEANED:
                problems.append(_problem(
                    path, f"{_CLEANED[ch]} er byttet ut med mellomrom (Word kan ikke lagre tegnet)",
                    line_no, col, Alvor.advarsel))
            else:
                problems.append(_problem(
                    path, f"ugyldig kontrolltegn U+{ord(ch):04X}; fjern det (det kan ikke stå "
                    "i et Word-dokument)", line_no, col))
        out.append(line.replace("\x0b", " ").replace("\x0c", " "))
    return "\n".join(out)


def _walk_positions(path: Path, root: yaml.Node, source: Source) -> bool:
    """Record the position of every value; count values and aliases against
    the limits; report duplicate keys. False when a limit was hit."""
    seen_nodes: set[int] = set()
    aliases = 0
    count = 0
    stack: list[tuple[yaml.Node, Path_]] = [(root, ())]
    while stack:
        node, at = stack.pop()
        count += 1
        if count > MAX_VALUES:
            line, col = _mark(node)
            source.problems.append(_problem(
                path, f"fila har for mange verdier etter at aliaser er utvidet (over {MAX_VALUES});"
                " er det en «alias-bombe»?", line, col))
            return False
        if id(node) in seen_nodes and isinstance(node, yaml.CollectionNode):
            aliases += 1
            if aliases > MAX_ALIASES:
                line, col = _mark(node)
                source.problems.append(_problem(
                    path, f"fila bruker for mange aliaser (over {MAX_ALIASES})", line, col))
                return False
        seen_nodes.add(id(node))
        if len(at) > MAX_DEPTH:
            line, col = _mark(node)
            source.problems.append(_problem(path, _TOO_DEEP, line, col))
            return False
        source.positions.setdefault(at, _mark(node))
        if isinstance(node, yaml.MappingNode):
            keys_here: dict[object, yaml.Node] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    stack.append((value_node, at))
                    continue
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
                if key in keys_here:
                    line, col = _mark(key_node)
                    first = _mark(keys_here[key])[0]
                    source.problems.append(_problem(
                        path, f"nøkkelen «{key}» står to ganger (først på linje {first})",
                        line, col))
                keys_here[key] = key_node
                child = (*at, key)
                source.key_positions.setdefault(child, _mark(key_node))
                stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, (*at, index)))
    return not any(p.is_error for p in source.problems)


_KEY_LINE = re.compile(r"^(\s*)(?:-\s+)?([^\s#:\-\"'][^:#]*?)\s*:(?:\s|$)")


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _over_indented_key(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, int] | None:
    """When the colon the YAML parser stumbled on ends a key that stands further in
    than the key-with-a-value above it (``navn: Aukra`` then ``    spraak: nn``),
    the fault is the indentation, not the colon: the message for it, and the
    column of the key."""
    mark = exc.problem_mark
    if mark is None:
        return None
    lines = text.split("\n")
    if mark.line >= len(lines):
        return None
    line = lines[mark.line]
    m = _KEY_LINE.match(line)
    if m is None or m.end() < mark.column or line[:mark.column].count(":") > 0:
        return None
    for above in reversed(lines[:mark.line]):
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        prev = _KEY_LINE.match(above)
        if prev is None or _indent_of(above) >= _indent_of(line):
            return None
        key, prev_key = m.group(2), prev.group(2)
        return (f"feil innrykk: «{key}:» står lenger inn enn «{prev_key}:» på linja over; "
                f"nøkler i samme oppslag må stå rett under hverandre (eller sett teksten i "
                f"anførselstegn hvis «{key}: …» hører til verdien av «{prev_key}»)",
                m.start(2) + 1)
    return None


def _yaml_message(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, int | None]:
    """The Norwegian message for a YAML syntax error, and a better column
    for it when there is one (the key of an indentation error)."""
    problem = exc.problem or "ugyldig YAML"
    if problem.startswith("mapping values are not allowed here"):
        indentation = _over_indented_key(exc, text)
        if indentation:
            return f"ugyldig YAML: {indentation[0]}", indentation[1]
    translations = {
        "mapping values are not allowed here": "kolon på feil sted (sett teksten i anførselstegn"
        " hvis den inneholder «: »)",
        "found character '\\t' that cannot start any token": "tabulator kan ikke brukes til "
        "innrykk; bruk mellomrom (står tabulatoren i en tekst, sett teksten i anførselstegn)",
        "could not find expected ':'": "mangler kolon etter nøkkelen",
        "found undefined alias": "ukjent alias",
        "expected <block end>, but found '-'": "listepunktet har feil innrykk",
        "expected <block end>, but found '<block mapping start>'": "feil innrykk (nøkkelen står "
        "ikke rett under nøklene over; bruk like mange mellomrom)",
        "expected <block end>, but found '<scalar>'": "feil innrykk (nøkkelen står ikke rett "
        "under nøklene over; bruk like mange mellomrom)",
        "found unexpected end of stream": "fila slutter midt i en verdi (mangler et "
        "anførselstegn?)",
        "expected a single document in the stream": "fila kan bare ha ett dokument (fjern "
        "«---» midt i fila)",
        "but found another document": "fila kan bare ha ett dokument (fjern «---» midt i fila)",
        "expected <block end>, but found '?'": "feil innrykk (nøkkelen står ikke rett under "
        "nøklene over)",
        "expected <block end>, but found '<block sequence start>'": "listepunktet har feil "
        "innrykk",
        "expected ',' or ']'": "lista mangler «]» eller et komma",
        "expected ',' or '}'": "oppslaget mangler «}» eller et komma",
        "found unknown escape character": "ukjent tegn etter «\\» i tekst i doble "
        "anførselstegn; bruk enkle anførselstegn",
        "found character": "tegnet kan ikke stå først i en verdi; sett teksten i anførselstegn",
        "second occurrence": "ankeret (&navn) er brukt to ganger",
        "could not determine a constructor for the tag": "ukjent merke (!…); bare vanlige data "
        "er tillatt",
        "found unhashable key": "en nøkkel må være tekst, ikke en liste eller et oppslag",
        "expected '<document start>'": "feil innrykk, eller toppnivået slutter for tidlig; "
        "sjekk linjene over",
        "expected a scalar node": "merket (!!…) passer ikke til verdien",
        "expected a comment or a line break": "uventet tekst etter verdien (sett hele teksten i "
        "anførselstegn; etter «|» eller «>» begynner teksten på neste linje)",
        "expected chomping or indentation indicators": "etter «|» eller «>» begynner teksten på "
        "neste linje",
        "expected alphabetic or numeric character": "navnet på et anker (&) eller alias (*) kan "
        "bare ha bokstaver og tall",
        "expected the node content": "mangler en verdi her",
        "expected <block end>, but found": "feil innrykk (sjekk at linja står rett under "
        "linjene på samme nivå)",
        "sequence entries are not allowed here": "listepunkt («- ») kan ikke stå her; sett det "
        "på en egen linje, eller sett teksten i anførselstegn",
        "expected indentation indicator": "etter «|» eller «>» begynner teksten på neste linje",
        "expected '!'": "ugyldig merke (!…)",
    }
    for english, norwegian in translations.items():
        if problem.startswith(english):
            return f"ugyldig YAML: {norwegian}", None
    return f"ugyldig YAML; sjekk innrykk, kolon og anførselstegn (teknisk: {problem})", None
