"""Small building blocks shared by every part of the data model.

Naming rule for the whole model: classes and fields are the SLT domain's own
words in ASCII-spelled bokmål (``Tiltak``, ``delmaal``, ``moteverksemd``), the
same words a coordinator writes as YAML keys. Everything that is machinery
rather than domain (functions, modules, helpers) is named in English.
"""

from __future__ import annotations

import datetime as dt
import enum

from attrs import frozen


class Tidsenhet(enum.Enum):
    """The unit a frequency is counted per: a year, half-year, month or week."""

    aar = "aar"
    halvaar = "halvaar"
    maaned = "maaned"
    uke = "uke"


@frozen(kw_only=True)
class Periode:
    """A plan period in whole years, e.g. 2022 or 2022–2025 (both ends included).

    In YAML either a year (``periode: 2022``), a range (``periode: 2022-2025``)
    or ``{fra: 2022, til: 2025}``.
    """

    fra: int
    til: int

    @property
    def start(self) -> dt.date:
        """The first day of the period."""
        return dt.date(self.fra, 1, 1)

    @property
    def slutt(self) -> dt.date:
        """The last day of the period."""
        return dt.date(self.til, 12, 31)

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.slutt


@frozen(kw_only=True)
class Tidsrom:
    """A time range on one day, e.g. 08.30–09.30; ``slutt`` may be unknown.

    In YAML a string: ``tid: "08.30-09.30"`` (``08:30``, ``0830`` and an en
    dash are also understood) or just a start time ``tid: "18.00"``.
    """

    start: dt.time
    slutt: dt.time | None = None


@frozen(kw_only=True)
class Punkt:
    """One bullet point: plain text, optionally with a bold lead-in title.

    In YAML a plain string, or ``{tittel: Førebygging, tekst: ...}``.
    """

    tekst: str
    tittel: str | None = None


@frozen(kw_only=True)
class Lenke:
    """A link with its visible text."""

    url: str
    tekst: str | None = None


@frozen(kw_only=True)
class Blokk:
    """One block of the kommune's own text: a paragraph, a bullet list, a
    source citation or a link. Exactly one field is set.

    In YAML a plain string is a paragraph; otherwise one of
    ``{punkter: [...]}``, ``{kilde: "(SLT-håndboka, 2011)"}`` or
    ``{lenke: {tekst: ..., url: ...}}``.
    """

    avsnitt: str | None = None
    punkter: tuple[Punkt, ...] = ()
    kilde: str | None = None
    lenke: Lenke | None = None


@frozen(kw_only=True)
class Vedtak:
    """Where and when something was adopted (``Vedtatt i Koordineringsgruppa
    3. des 2020``)."""

    dato: dt.date | None = None
    av: str | None = None
    sak: str | None = None


@frozen(kw_only=True)
class Seksjon:
    """A titled section of the kommune's own text, optionally describing
    another plan it builds on (``plan``)."""

    tittel: str | None = None
    innhold: tuple[Blokk, ...] = ()
    plan: Planreferanse | None = None


@frozen(kw_only=True)
class Planreferanse:
    """A reference to another plan or strategy (kommuneplanen, «Betre oppvekst»)."""

    eier: str | None = None
    periode: Periode | None = None
    lenke: str | None = None


__all__ = [
    "Blokk",
    "Lenke",
    "Periode",
    "Planreferanse",
    "Punkt",
    "Seksjon",
    "Tidsenhet",
    "Tidsrom",
    "Vedtak",
]
