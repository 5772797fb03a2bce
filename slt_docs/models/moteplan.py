"""The møteplan: every body's meetings for a year, as single meetings and as
recurring series written as rules."""

from __future__ import annotations

import datetime as dt
import enum

from attrs import frozen

from .common import Blokk, Tidsrom, Vedtak


class Ukedag(enum.Enum):
    """A weekday. YAML accepts bokmål and nynorsk names (``tirsdag``/``tysdag``,
    ``søndag``/``sundag``) and ASCII spellings (``lordag``)."""

    mandag = 0
    tirsdag = 1
    onsdag = 2
    torsdag = 3
    fredag = 4
    lordag = 5
    sondag = 6


class Frekvens(enum.Enum):
    """How a rule repeats: every week(s) or every month(s)."""

    ukentlig = "ukentlig"
    maanedlig = "maanedlig"


class Motestatus(enum.Enum):
    """A meeting's state: as planned, moved to another date, postponed to an
    unknown date, or cancelled."""

    planlagt = "planlagt"
    flyttet = "flyttet"
    utsatt = "utsatt"
    avlyst = "avlyst"


class Fridagsregel(enum.Enum):
    """What a series does with a meeting that falls on a public or school
    holiday: keep it, drop it, or move it to the next working day."""

    behold = "behold"
    dropp = "dropp"
    flytt = "flytt"


@frozen(kw_only=True)
class Moete:
    """One meeting (or event) of a body on a date.

    ``tittel`` names an event that is not a regular meeting ("Rusforebyggende
    temakveld på kulturhuset"); ``sammen_med`` lists bodies met jointly
    ("+ politiråd"); ``status``/``aarsak``/``ny_dato`` record a moved,
    postponed or cancelled meeting ("flyttes til høsten grunnet Covid-19");
    ``merknad`` is a short note shown with the meeting ("pga. høstferien")."""

    organ: str
    dato: dt.date
    tid: Tidsrom | None = None
    sted: str | None = None
    tema: str | None = None
    tittel: str | None = None
    merknad: str | None = None
    sammen_med: tuple[str, ...] = ()
    status: Motestatus = Motestatus.planlagt
    aarsak: str | None = None
    ny_dato: dt.date | None = None
    ny_tid_tekst: str | None = None


@frozen(kw_only=True)
class Moteregel:
    """A recurrence rule in plain terms (expanded with dateutil's rrule).

    - "første onsdag i hver måned": ``{frekvens: maanedlig, ukedag: onsdag, nr: 1}``
    - "siste fredag i måneden": ``{frekvens: maanedlig, ukedag: fredag, nr: -1}``
    - "annenhver tirsdag": ``{frekvens: ukentlig, intervall: 2, ukedag: tirsdag}``
    - "4 ganger i året: februar, mai, september, november" (second Tuesday):
      ``{frekvens: maanedlig, ukedag: tirsdag, nr: 2, maaneder: [2, 5, 9, 11]}``
    - "den 15. hver måned": ``{frekvens: maanedlig, dag: 15}``
    """

    frekvens: Frekvens = Frekvens.maanedlig
    intervall: int = 1
    ukedag: Ukedag | None = None
    nr: int | None = None
    dag: int | None = None
    maaneder: tuple[int, ...] = ()


@frozen(kw_only=True)
class Flytting:
    """One generated meeting of a series moved to another date (and time)."""

    fra: dt.date
    til: dt.date
    tid: Tidsrom | None = None
    merknad: str | None = None


@frozen(kw_only=True)
class Moteserie:
    """A recurring series of one body's meetings: a rule, a date range
    (default: the møteplan's year), a time range, place and theme, and its
    exceptions — dates to leave out (``unntak``), months to skip
    (``hopp_over_maaneder``, e.g. ``[7]`` for July), single meetings moved
    (``flyttinger``) and what to do on a holiday (``ved_fridag``)."""

    organ: str
    regel: Moteregel
    fra: dt.date | None = None
    til: dt.date | None = None
    tid: Tidsrom | None = None
    sted: str | None = None
    tema: str | None = None
    unntak: tuple[dt.date, ...] = ()
    hopp_over_maaneder: tuple[int, ...] = ()
    flyttinger: tuple[Flytting, ...] = ()
    ved_fridag: Fridagsregel = Fridagsregel.flytt


@frozen(kw_only=True)
class Ferie:
    """A school holiday of the kommune (from and to, both included)."""

    navn: str
    fra: dt.date
    til: dt.date


@frozen(kw_only=True)
class Moteplan:
    """The year's meeting plan. ``aar`` is the calendar year; the autumn half
    runs into January of the next year, as in the seeds. ``organer`` orders
    the bodies in the grid (default: every body that has meetings)."""

    aar: int
    tittel: str | None = None
    vedtatt: Vedtak | None = None
    innledning: tuple[Blokk, ...] = ()
    organer: tuple[str, ...] = ()
    moter: tuple[Moete, ...] = ()
    serier: tuple[Moteserie, ...] = ()
    skoleferier: tuple[Ferie, ...] = ()

    @property
    def start(self) -> dt.date:
        """The first day the plan covers (1 January)."""
        return dt.date(self.aar, 1, 1)

    @property
    def slutt(self) -> dt.date:
        """The last day the plan covers (31 January of the next year)."""
        return dt.date(self.aar + 1, 1, 31)
