"""The draft data folder: YAML files with comments, written with ruamel.yaml.

Each file is built as ruamel's commented maps and lists. Whatever the
importer could not place is kept as a comment — ``# IKKJE PLASSERT: …``
(nynorsk) or ``# IKKE PLASSERT: …`` (bokmål) — in front of the next value
placed in the same file, which is where it stood in the source; what is left
at the end goes to the end of the file. Notes on a value (a weekday that
does not fit its date, the source wording of a frequency) are end-of-line
comments. Files are written all or nothing.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..data.schema import SCHEMA_FILE
from ..errors import SltError
from ..files import write_files

MARKERS = {"nn": "IKKJE PLASSERT", "nb": "IKKE PLASSERT"}
"""The mark in front of every line the importer could not place."""

Container = CommentedMap | CommentedSeq


def _yaml() -> YAML:
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 10_000
    yaml.allow_unicode = True
    return yaml


class YamlFile:
    """One file of the draft: a top-level key (``handlingsplan``) holding a
    map, the comments waiting for the next value, and the notes to write."""

    def __init__(self, key: str, lang: str, header: str) -> None:
        self.key = key
        self.lang = lang
        self.header = header
        self.root = CommentedMap()
        self.body = CommentedMap()
        self.root[key] = self.body
        self._pending: list[str] = []
        self._before: list[tuple[Container, Any, list[str]]] = []
        self._eol: list[tuple[Container, Any, str]] = []
        self.unplaced = 0
        self.used = False

    # -- building ------------------------------------------------------------
    def unplaced_line(self, text: str, why: str = "") -> None:
        """Keep a source line as an ``IKKJE PLASSERT`` comment here."""
        marker = MARKERS.get(self.lang, MARKERS["nb"])
        lines = [line for line in text.split("\n") if line.strip()] or [""]
        head = f"{marker} ({why}): " if why else f"{marker}: "
        self._pending.append(head + lines[0])
        self._pending.extend("    " + line for line in lines[1:])
        self.unplaced += 1

    def comment(self, text: str) -> None:
        """A plain comment in front of the next value placed."""
        self._pending.append(text)

    def placed(self, container: Container, key: Any) -> None:
        """A value was put at ``container[key]``: the waiting comments go
        in front of it."""
        self.used = True
        if self._pending:
            self._before.append((container, key, self._pending))
            self._pending = []

    def note(self, container: Container, key: Any, text: str) -> None:
        """An end-of-line comment on ``container[key]``."""
        self._eol.append((container, key, text))

    def retarget(self, old: Container, old_key: Any, new: Container, new_key: Any) -> None:
        """Comments meant for ``old[old_key]`` go to ``new[new_key]`` (the
        value was moved there)."""
        self._before = [(new, new_key, lines) if c is old and k == old_key else (c, k, lines)
                        for c, k, lines in self._before]
        self._eol = [(new, new_key, text) if c is old and k == old_key else (c, k, text)
                     for c, k, text in self._eol]

    def put(self, container: CommentedMap, key: str, value: Any) -> Any:
        """``container[key] = value``, placed."""
        container[key] = value
        self.placed(container, key)
        return value

    def add(self, seq: CommentedSeq, value: Any) -> Any:
        """Append ``value`` to ``seq``, placed."""
        seq.append(value)
        self.placed(seq, len(seq) - 1)
        return value

    # -- writing -------------------------------------------------------------
    def dumps(self) -> str:
        """The file's text."""
        columns: dict[int, int] = {}
        first_of_item: dict[int, tuple[CommentedSeq, int]] = {}
        _walk(self.body, 2, columns, first_of_item)
        columns[id(self.root)] = 0
        merged: dict[tuple[int, Any], tuple[Container, Any, list[str]]] = {}
        for container, key, lines in self._before:
            target: Container = container
            target_key = key
            if isinstance(container, CommentedMap) and id(container) in first_of_item and \
                    list(container.keys())[:1] == [key]:
                target, target_key = first_of_item[id(container)]
            slot = (id(target), target_key)
            if slot in merged:
                merged[slot][2].extend(lines)
            else:
                merged[slot] = (target, target_key, list(lines))
        for target, key, lines in merged.values():
            indent = columns.get(id(target), 0)
            if isinstance(target, CommentedSeq):
                indent = columns.get(id(target), 0)
            if key not in (target.keys() if isinstance(target, CommentedMap)
                           else range(len(target))):
                continue
            target.yaml_set_comment_before_after_key(key, before="\n".join(lines), indent=indent)
        for container, key, text in self._eol:
            container.yaml_add_eol_comment(f"# {text}", key)
        if self.header:
            self.root.yaml_set_start_comment(self.header)
        out = io.StringIO()
        _yaml().dump(self.root, out)
        text = out.getvalue()
        if self._pending:
            text += "".join(f"# {line}\n" for line in self._pending)
        return text


def _walk(node: Any, column: int, columns: dict[int, int],
          first_of_item: dict[int, tuple[CommentedSeq, int]]) -> None:
    """Record the column of every container's keys (maps) or dashes (lists)."""
    columns[id(node)] = column
    if isinstance(node, CommentedMap):
        for value in node.values():
            if isinstance(value, (CommentedMap, CommentedSeq)):
                _walk(value, column + 2, columns, first_of_item)
    elif isinstance(node, CommentedSeq):
        for index, value in enumerate(node):
            if isinstance(value, CommentedMap):
                first_of_item[id(value)] = (node, index)
                _walk(value, column + 2, columns, first_of_item)
            elif isinstance(value, CommentedSeq):
                _walk(value, column + 2, columns, first_of_item)


def write_folder(files: dict[str, str], folder: str | Path, *, overwrite: bool = False) -> \
        list[Path]:
    """Write ``files`` (name → text) into ``folder`` (made when missing), all
    or nothing (:func:`slt_docs.files.write_files`: a failure leaves neither a
    file nor the folder it made). Refuses to replace existing data files
    unless ``overwrite`` (the JSON schema, generated, is always replaced).
    Raises :class:`~slt_docs.errors.SltError` (:class:`~slt_docs.files.OutputError`
    when a file cannot be written)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise SltError(f"{folder}: finnes og er ikke en mappe")
    if folder.is_dir():
        clash = [name for name in files if name != SCHEMA_FILE and (folder / name).exists()]
        if clash and not overwrite:
            raise SltError(f"{folder}: har allerede {', '.join(sorted(clash))}; velg en ny mappe "
                           "eller bruk --overskriv")
    return write_files({folder / name: text.encode("utf-8") for name, text in files.items()})
