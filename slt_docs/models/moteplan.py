"""The møteplan: every body's meetings for a year, as single meetings and as
recurring series written as rules."""

from __future__ import annotations

import datetime as dt
import enum

from attrs import field, frozen

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
    ``merknad`` is a short note shown with the meeting ("pga. høstferien");
    ``forslag: true`` marks a date proposed but not yet confirmed."""

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
    forslag: bool = False
    """A proposed date not yet confirmed (``slt-docs rull`` proposes the next
    year's meetings this way); remove the line when the date is agreed."""


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
    """A school holiday of the kommune (from and to, both included);
    ``forslag: true`` marks dates proposed but not yet confirmed."""

    navn: str
    fra: dt.date
    til: dt.date
    forslag: bool = False


@frozen(kw_only=True)
class Maaned:
    """A month of a møteplan grid: ``maaned`` 1–12 in the møteplan's year, or
    in ``aar`` (January of the next year, as Nes lays out its autumn).

    In YAML a month number or name (``8``, ``august``), or with its year
    (``januar 2022``, ``2022-01``)."""

    maaned: int
    aar: int | None = None


@frozen(kw_only=True)
class Moteplanrad:
    """One body's row in a møteplan grid. ``overskrift`` is the row's caption
    (default: the body's ``kortnavn`` or name); ``tekst`` the kommune's own
    lines under it ("Tid: Første onsdag i hver mnd, 08.00 – 09.30",
    "(ambulerende dager)"), printed exactly as written. Without ``tekst`` the
    row describes the body's rule, time and place in words; with ``tekst``
    that description is left out unless ``med_beskrivelse: true`` asks for it
    (it then follows the text).

    In YAML a plain string is the body (``organ``)."""

    organ: str
    overskrift: str | None = None
    tekst: tuple[str, ...] = ()
    med_beskrivelse: bool = False


@frozen(kw_only=True)
class Halvaar:
    """One grid of the møteplan as the kommune lays it out: its heading
    (``overskrift``; default "Vår 2021"/"Haust 2021"), its month columns in
    order, empty months included (at most six), and its rows (default: the
    møteplan's ``organer``, else every body with meetings)."""

    overskrift: str | None = None
    maaneder: tuple[Maaned, ...] = ()
    rader: tuple[Moteplanrad, ...] = ()


@frozen(kw_only=True)
class Moteplan:
    """The year's meeting plan. ``aar`` is the calendar year; the plan may
    hold meetings up to 31 January of the next year, as in the seeds.
    ``organer`` orders the bodies in the grid (default: every body that has
    meetings).

    ``halvaar`` lays out the grids as the kommune does: which months, which
    rows, their captions. Without it there are two grids of six months,
    January–June and July–December; a grid shows a month of the next year
    only when the data has meetings in it (then August–January).
    ``etiketter`` holds the kommune's own words for the møteplan's fixed
    headings and labels by key (``vaar``, ``haust``, ``fokusgrupper``,
    ``tema``, ``sted`` …), printed exactly as written."""

    aar: int
    tittel: str | None = None
    vedtatt: Vedtak | None = None
    etiketter: dict[str, str] = field(factory=dict)
    innledning: tuple[Blokk, ...] = ()
    organer: tuple[str, ...] = ()
    halvaar: tuple[Halvaar, ...] = ()
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
