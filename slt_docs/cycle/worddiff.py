"""A readable word-level difference between two texts: which words were
deleted and which inserted, the rest kept. Words keep the punctuation that
sticks to them, so "tiltak." → "tiltak," is one word changed."""

from __future__ import annotations

import difflib
import enum
import re

from attrs import frozen


class Op(enum.Enum):
    """What happened to a run of words."""

    equal = "equal"
    delete = "delete"
    insert = "insert"


@frozen(kw_only=True)
class Piece:
    """A run of text: kept, deleted or inserted (with its spacing)."""

    op: Op
    text: str


_TOKEN = re.compile(r"\S+|\s+")


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """The pieces that turn ``old`` into ``new``: equal runs, and for each
    change the deleted words followed by the inserted ones."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    words_a = [t if not t.isspace() else " " for t in a]
    words_b = [t if not t.isspace() else " " for t in b]
    matcher = difflib.SequenceMatcher(a=words_a, b=words_b, autojunk=False)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(pieces, Op.equal, "".join(b[j1:j2]))
            continue
        if tag in ("delete", "replace"):
            _add(pieces, Op.delete, "".join(a[i1:i2]))
        if tag in ("insert", "replace"):
            _add(pieces, Op.insert, "".join(b[j1:j2]))
    return tuple(_tidy(pieces))


def _add(pieces: list[Piece], op: Op, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].op is op:
        pieces[-1] = Piece(op=op, text=pieces[-1].text + text)
    else:
        pieces.append(Piece(op=op, text=text))


def _tidy(pieces: list[Piece]) -> list[Piece]:
    """Move spaces at the edges of a change into the kept text around it, so
    a change is shown as whole words ("[-to-]{+tre+} møte", not "[-to -]…")."""
    out: list[Piece] = []
    for piece in pieces:
        if piece.op is Op.equal:
            _add(out, Op.equal, piece.text)
            continue
        text = piece.text
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        core = text.strip()
        if lead and not (out and out[-1].op is Op.equal and out[-1].text.endswith(" ")):
            _add(out, Op.equal, lead)
        if core:
            _add(out, piece.op, core)
        if trail:
            _add(out, Op.equal, trail)
    return [p for p in out if p.text]


def similarity(old: str, new: str) -> float:
    """How alike two texts are by their words, 0–1 (case and punctuation
    at word ends ignored)."""
    a, b = _words(old), _words(new)
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio()


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?()«»\"'“”").casefold() for w in text.split()]


def plain(pieces: tuple[Piece, ...]) -> str:
    """The pieces as plain text for a terminal: deletions as ``[-…-]``,
    insertions as ``{+…+}`` (readable without colour)."""
    marks = {Op.equal: ("", ""), Op.delete: ("[-", "-]"), Op.insert: ("{+", "+}")}
    return "".join(f"{marks[p.op][0]}{p.text}{marks[p.op][1]}" for p in pieces)
