"""What every command shares: the Norwegian argument parser, exit codes,
reading the data with its problems printed, and the notices from templates.

Faults of the machine are answers, not crashes. A command writes its files
through :mod:`slt_docs.files` (``write_atomic``/``write_files``), which
raises :class:`~slt_docs.files.OutputError` ("kan ikke skrive <sti>: <grunn>")
for a read-only folder, a full disk, a folder or file in the way, missing
rights …; like every :class:`~slt_docs.errors.SltError` it ends the command
with exit status 2 and nothing half-written. Any other ``OSError`` that
reaches :func:`slt_docs.cli.main` is reported the same way by
:func:`os_error_message` (exit status 2), so a new command gets this for free.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ..data import read
from ..errors import SltError
from ..files import OutputError, os_error_reason
from ..lang import data_language
from ..models import SltData
from ..render.safety import SafetyNotice
from .parser import Parser, examples

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2

__all__ = ["EXIT_BAD_INPUT", "EXIT_INTERNAL", "EXIT_OK", "Parser", "count", "examples",
           "notices", "read_or_report", "summary"]


def os_error_message(exc: OSError) -> str:
    """``kan ikke skrive <sti>: disken er full`` for an ``OSError`` a command
    did not catch (standard output named when that is what failed)."""
    reason = os_error_reason(exc)
    name = exc.filename
    if name is None:
        return f"filfeil: {reason}"
    verb = "lese" if exc.errno == errno.ENOENT else "skrive" if name == "standard ut" else "bruke"
    return f"kan ikke {verb} {name}: {reason}"


def interrupted(how: str, written: Sequence[Path]) -> str:
    """What a command stopped by a signal says: the files that were complete
    before it (from :func:`slt_docs.files.journal`), and that nothing
    half-written was left."""
    done = f"; ferdig før avbruddet: {', '.join(str(p) for p in written)}" if written else ""
    return f"avbrutt ({how}){done}; ingenting halvskrevet ble liggende"


class Terminated(BaseException):
    """The command was asked to stop (SIGTERM); raised where it runs so that
    every half-written temporary file is removed on the way out."""


@contextmanager
def stopped_by_signal() -> Iterator[None]:
    """Turn SIGTERM into :class:`Terminated` while the command runs (only in
    the main thread; the previous handler is put back afterwards)."""
    def handler(_signum: int, _frame: object) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def write_stdout(data: str | bytes) -> None:
    """Write a command's result to standard output; a full disk or a closed
    pipe behind it raises :class:`~slt_docs.files.OutputError` (``standard ut``)."""
    try:
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        flush_stdout_quietly()
        raise OutputError("standard ut", os_error_reason(exc)) from exc


def flush_stdout_quietly() -> None:
    """Point standard output at nothing after it failed, so that Python's own
    flush at exit does not print a second complaint."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def flush_stdout() -> None:
    """Flush standard output now, so that a full disk or a closed pipe behind
    it is reported (as ``OSError``) instead of failing at exit; afterwards
    standard output goes nowhere, so Python's own flush at exit stays quiet."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        flush_stdout_quietly()
        if exc.filename is None and not isinstance(exc, BrokenPipeError):
            raise OSError(exc.errno, exc.strerror, "standard ut") from exc
        raise


def count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def summary(data: SltData) -> str:
    lang = data_language(data)
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
    if data.status:
        years = ", ".join(str(r.aar) for r in sorted(data.status, key=lambda r: r.aar))
        parts.append(f"status for {years}")
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


def plan_to_compare(path: Path, data: SltData) -> SltData:
    """``data`` read from ``path``, refused (naming the folder) when it has
    no handlingsplan to compare."""
    if data.handlingsplan is None:
        raise SltError(f"{path}: dataene har ingen «handlingsplan:» å sammenligne; "
                       "endringene gjelder handlingsplanen")
    return data


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
