"""Comparing an imported draft with the example data it came from.

- :func:`coverage`: the share of the example's tiltak (by title), ansvar
  entries and dates (a ``moter:`` reference counts as the møteplan's dates
  for that body in the plan's period) that the import recovered.
- :func:`view_differences`: what differs between the views (the documents'
  content, every fixed word and date formatted) of two data sets — the
  round trip render → import → render gives the same document content when
  this is empty.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import yaml
from attrs import frozen

from slt_docs.data import read
from slt_docs.data.converter import CONVERTER
from slt_docs.models import SltData, Tiltak
from slt_docs.view.meetings import meetings_of


@frozen
class Coverage:
    """Found and total, per kind, and overall."""

    tiltak: tuple[int, int]
    ansvar: tuple[int, int]
    dates: tuple[int, int]

    @property
    def share(self) -> float:
        found = self.tiltak[0] + self.ansvar[0] + self.dates[0]
        total = self.tiltak[1] + self.ansvar[1] + self.dates[1]
        return found / total if total else 1.0

    def __str__(self) -> str:
        def part(name: str, pair: tuple[int, int]) -> str:
            return f"{name} {pair[0]}/{pair[1]}"

        return (f"{self.share:.1%} ({part('tiltak', self.tiltak)}, "
                f"{part('ansvar', self.ansvar)}, {part('datoar', self.dates)})")


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".").casefold()


def _dates(data: SltData, tiltak: Tiltak) -> Counter[tuple[dt.date, Any]]:
    out: Counter[tuple[dt.date, Any]] = Counter()
    plan = data.handlingsplan
    assert plan is not None
    for part in tiltak.tidspunkt:
        if part.dato is not None:
            out[(part.dato, part.tid)] += 1
        elif part.moter:
            for m in meetings_of(data, part.moter):
                if m.avholdes and m.avholdes in plan.periode:
                    out[(m.avholdes, m.tidsrom)] += 1
    return out


def coverage(expected: SltData, got: SltData) -> Coverage:
    """How much of ``expected``'s tiltak table ``got`` holds."""
    assert expected.handlingsplan is not None
    want = [t for _, t in expected.handlingsplan.numbered_tiltak()]
    have = [t for _, t in got.handlingsplan.numbered_tiltak()] if got.handlingsplan else []
    unused = list(have)
    counts = {"tiltak": [0, len(want)], "ansvar": [0, 0], "dates": [0, 0]}
    for tiltak in want:
        counts["ansvar"][1] += len(tiltak.ansvar)
        wanted_dates = _dates(expected, tiltak)
        counts["dates"][1] += sum(wanted_dates.values())
        match = next((t for t in unused if _key(t.tittel) == _key(tiltak.tittel)), None)
        if match is None:
            continue
        unused.remove(match)
        counts["tiltak"][0] += 1
        got_ansvar = Counter(_key(a) for a in match.ansvar)
        counts["ansvar"][0] += sum((Counter(_key(a) for a in tiltak.ansvar) & got_ansvar)
                                   .values())
        counts["dates"][0] += sum((wanted_dates & _dates(got, match)).values())
    return Coverage(tiltak=tuple(counts["tiltak"]), ansvar=tuple(counts["ansvar"]),
                    dates=tuple(counts["dates"]))


def load_draft(folder: Path) -> SltData:
    """The draft folder as data; fails with every problem when it has errors."""
    result = read(folder)
    assert result.data is not None, "\n".join(str(p) for p in result.problems)
    return result.data


def structure_draft(folder: Path) -> SltData:
    """The draft folder as data, without the checks beyond types (a draft
    may hold a fault of its source, e.g. a tiltak number used twice)."""
    merged: dict[str, Any] = {}
    for path in sorted(folder.glob("*.yaml")):
        merged.update(yaml.safe_load(path.read_text(encoding="utf-8")))
    return CONVERTER.structure(merged, SltData)


def _plain(value: Any) -> Any:
    if attrs.has(type(value)):
        return {f.name: _plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value.replace("\u2060", "")).strip()
    return value


def view_differences(a: Any, b: Any, skip: tuple[str, ...] = ()) -> list[str]:
    """Every path where the views ``a`` and ``b`` differ (``skip``: path
    prefixes to leave out), as "path: a != b"."""
    out: list[str] = []

    def walk(x: Any, y: Any, path: str) -> None:
        if any(path == s or path.startswith(s + ".") or path.startswith(s + "[")
               for s in skip):
            return
        if isinstance(x, dict) and isinstance(y, dict):
            for key in sorted(set(x) | set(y)):
                walk(x.get(key), y.get(key), f"{path}.{key}" if path else key)
        elif isinstance(x, list) and isinstance(y, list):
            if len(x) != len(y):
                out.append(f"{path}: {len(x)} != {len(y)} elements: {x!r:.300} != {y!r:.300}")
                return
            for i, (p, q) in enumerate(zip(x, y, strict=True)):
                walk(p, q, f"{path}[{i}]")
        elif x != y:
            out.append(f"{path}: {x!r:.200} != {y!r:.200}")

    walk(_plain(a), _plain(b), "")
    return out
