"""Problems found in a kommune's data or templates, and the exceptions that carry them.

Every problem names where it is (file, line, column), the field path
(``handlingsplan.delmaal[2].tiltak[0].ansvar``) and says in Norwegian what is
wrong and what was expected.
"""

from __future__ import annotations

import enum
import re
from pathlib import Path

from attrs import frozen


class Alvor(enum.Enum):
    """How serious a problem is: an error stops the work, a warning does not."""

    feil = "feil"
    advarsel = "advarsel"


@frozen(kw_only=True)
class Problem:
    """One problem, with where it is."""

    melding: str
    sti: str = ""
    fil: Path | None = None
    linje: int | None = None
    kolonne: int | None = None
    alvor: Alvor = Alvor.feil

    @property
    def is_error(self) -> bool:
        """True for an error, False for a warning."""
        return self.alvor is Alvor.feil

    def __str__(self) -> str:
        where = str(self.fil) if self.fil else "<data>"
        if self.linje is not None:
            where += f":{self.linje}"
            if self.kolonne is not None:
                where += f":{self.kolonne}"
        kind = "feil" if self.is_error else "advarsel"
        field_path = f" {self.sti}:" if self.sti else ""
        return printable(f"{where}: {kind}:{field_path} {self.melding}")


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with control characters (which a terminal would obey: a
    quoted ``\\x1b[2J`` clears the screen) shown as escapes such as ``\\x1b``."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                            else f"\\u{ord(m.group()):04x}", text)


class SltError(Exception):
    """Base class of every error slt_docs reports to a user (exit status 2)."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems: list[Problem] = problems or []

    def __str__(self) -> str:
        head = printable(str(self.args[0])) if self.args else ""
        lines = [str(p) for p in self.problems]
        return "\n".join([head, *lines]) if head else "\n".join(lines)


class DataError(SltError):
    """The kommune's data is invalid; ``problems`` lists every fault found."""


def format_path(parts: tuple[str | int, ...]) -> str:
    """``("handlingsplan", "delmaal", 2, "ansvar")`` → ``handlingsplan.delmaal[2].ansvar``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
