"""What every command shares: the Norwegian argument parser, exit codes,
reading the data with its problems printed, and the notices from templates."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..data import read
from ..lang import get_language
from ..models import SltData
from ..render.safety import SafetyNotice
from .parser import Parser, examples

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2

__all__ = ["EXIT_BAD_INPUT", "EXIT_INTERNAL", "EXIT_OK", "Parser", "count", "examples",
           "notices", "read_or_report", "summary"]


def count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def summary(data: SltData) -> str:
    lang = get_language(data.kommune.spraak)
    org = data.organisasjon
    parts = [f"{data.kommune.visningsnavn} ({lang.locale.get_display_name(lang.code)})",
             f"{len(org.nivaa)} nivå", f"{sum(1 for _ in org.organer())} organ"]
    if data.handlingsplan is not None:
        plan = data.handlingsplan
        tiltak = count(len(plan.numbered_tiltak()), "tiltak", "tiltak")
        period = lang.year_range(plan.periode.fra, plan.periode.til)
        if plan.delmaal:
            parts.append(f"handlingsplan {period} med {tiltak} i {len(plan.delmaal)} delmål")
        else:
            parts.append(f"handlingsplan {period} med {tiltak}")
    if data.moteplan is not None:
        mp = data.moteplan
        parts.append(f"møteplan {mp.aar} med {count(len(mp.moter), 'møte', 'møter')} og "
                     f"{count(len(mp.serier), 'serie', 'serier')}")
    return ", ".join(parts)


def read_or_report(path: Path, nothing_made: str) -> SltData | None:
    """Read the data, print every problem (errors to stderr); ``None`` when
    there were errors, after saying that ``nothing_made``."""
    result = read(path)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.data is None:
        print(f"{path}: {count(len(result.errors), 'feil', 'feil')} funnet; {nothing_made}",
              file=sys.stderr)
    return result.data


@contextmanager
def notices() -> Iterator[None]:
    """Print what was stripped from templates and profiles (``merk: …``), once each."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SafetyNotice)
        try:
            yield
        finally:
            seen: set[str] = set()
            for item in caught:
                text = str(item.message)
                if issubclass(item.category, SafetyNotice) and text not in seen:
                    seen.add(text)
                    print(f"merk: {text}", file=sys.stderr)
