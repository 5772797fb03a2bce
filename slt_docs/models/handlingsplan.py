"""The handlingsplan: the yearly (or multi-year) SLT action plan, with its goals,
delmål and tiltak, and the look back on last year (tilbakeblikk)."""

from __future__ import annotations

import datetime as dt
import enum
import re

from attrs import field, frozen

from .common import Blokk, Periode, Seksjon, Tidsrom, Vedtak
from .moteplan import Motestatus


class Tiltaksstatus(enum.Enum):
    """Where a tiltak stands: one set of values for the yearly status file
    (:class:`~slt_docs.models.Statuspunkt`) and for a tiltak's own ``status``
    in the plan. YAML takes them in bokmål or nynorsk (``ikke startet`` /
    ``ikkje starta``, ``i gang``, ``gjennomført``, ``utsatt`` / ``utsett``,
    ``avsluttet`` / ``avslutta``); the older ``planlagt`` and ``pågår`` mean
    ``ikke_startet`` and ``i_gang``. Documents print them in their language."""

    ikke_startet = "ikke_startet"
    i_gang = "i_gang"
    gjennomfort = "gjennomfort"
    utsatt = "utsatt"
    avsluttet = "avsluttet"

    @property
    def ferdig(self) -> bool:
        """True for a tiltak that does not go on: completed or ended."""
        return self in (Tiltaksstatus.gjennomfort, Tiltaksstatus.avsluttet)


class Kolonne(enum.Enum):
    """A column of the tiltak table. The default templates hold two shapes:
    ``[tiltak, ansvar]`` (Nordre Land) and ``[delmaal, tiltak, ansvar,
    tidspunkt]`` (Aukra)."""

    delmaal = "delmaal"
    tiltak = "tiltak"
    ansvar = "ansvar"
    tidspunkt = "tidspunkt"


TABLE_SHAPES: tuple[tuple[Kolonne, ...], ...] = (
    (Kolonne.tiltak, Kolonne.ansvar),
    (Kolonne.delmaal, Kolonne.tiltak, Kolonne.ansvar, Kolonne.tidspunkt),
)
"""The column sets the default templates can lay out."""


class Utfall(enum.Enum):
    """The outcome of a grant application."""

    innvilget = "innvilget"
    delvis = "delvis"
    avslag = "avslag"
    venter = "venter"


@frozen(kw_only=True)
class Tidspunkt:
    """One part of a tiltak's "when". ``tekst`` is the kommune's own words
    ("Pågåande arbeid gjennom heile året", "Gjennomføring våren 2022"),
    printed exactly as written. The other kinds are generated: all meetings of
    a body in the plan period (``moter: politiradet``, dates taken from the
    møteplan), one date with an optional time, or the whole year
    (``hele_aaret: true`` → "Hele året"/"Heile året"). Give at most one of
    those; with ``tekst`` as well, the text comes first and the generated
    lines follow it. ``etikett`` is a lead-in label ("Planlegging", "«Ung i
    Aukra»").

    In YAML a plain string is ``tekst``."""

    etikett: str | None = None
    tekst: str | None = None
    moter: str | None = None
    dato: dt.date | None = None
    tid: Tidsrom | None = None
    hele_aaret: bool = False


@frozen(kw_only=True)
class Tiltak:
    """One measure: a title, its bullet points, who is responsible (``ansvar``,
    at least one), when (``tidspunkt``) and its status.

    ``nummer`` is the number the adopted plan gives it ("1.3"), printed as
    written. Without it the number is derived: the one after the tiltak
    before it in the same delmål ("1.4" after an adopted "1.3"), or ".1" after
    the delmål's number for the first. ``check`` warns about a number used
    twice but accepts it when it is written (adopted plans have them).

    ``id`` is an optional name that stays when the numbers change (a status
    file may refer to the tiltak by it). ``status`` is the status the plan
    itself states (e.g. a tiltak carried over to the next plan marked
    ``gjennomført``); the yearly status reported to the politiråd stands in a
    status file of its own (``status:``), which leaves the adopted plan
    untouched."""

    tittel: str
    id: str | None = None
    punkter: tuple[str, ...] = ()
    ansvar: tuple[str, ...] = ()
    tidspunkt: tuple[Tidspunkt, ...] = ()
    status: Tiltaksstatus | None = None
    evaluering: str | None = None
    nummer: str | None = None


@frozen(kw_only=True)
class Delmaal:
    """A sub-goal ("Slik gjer vi det") with its tiltak. ``presisering`` is the
    kommune's short qualifier, e.g. "generelt" or "førebyggjande".
    ``nummer`` is its adopted number ("1", "A"); without it the number is
    the one after the delmål before it (1, 2, 3 …)."""

    tittel: str
    nummer: str | None = None
    presisering: str | None = None
    tiltak: tuple[Tiltak, ...] = ()


@frozen(kw_only=True)
class Tiltakstabell:
    """How the plan's tiltak table is laid out: its heading (``tittel``; default
    "Mål og tiltak <periode>"), which columns, and text after the table. The
    column headings are the plan's ``etiketter`` ``delmaal``, ``tiltak``,
    ``ansvar`` and ``tidspunkt``; a column empty in every row is left out."""

    tittel: str | None = None
    kolonner: tuple[Kolonne, ...] = ()
    etterord: tuple[Blokk, ...] = ()


@frozen(kw_only=True)
class TilbakeblikkMoete:
    """One meeting looked back on: which body, optionally its date, a note
    ("arbeidsseminar/workshop") and the topics dealt with; for a meeting that
    was moved or cancelled its ``status``, the date first planned and why
    (``aarsak``)."""

    organ: str
    tema: tuple[str, ...] = ()
    dato: dt.date | None = None
    merknad: str | None = None
    tittel: str | None = None
    status: Motestatus = Motestatus.planlagt
    """``flyttet`` (held on ``dato``, planned for ``planlagt_dato``), ``avlyst``
    (not held; ``dato`` is the planned day) or ``utsatt``."""
    planlagt_dato: dt.date | None = None
    aarsak: str | None = None


@frozen(kw_only=True)
class Kostnad:
    """A cost line: what it was for, and the amount in kroner."""

    tekst: str
    belop: int | None = None


@frozen(kw_only=True)
class Seminar:
    """A seminar held: title, date, number of participants, what happened,
    what it cost and who paid."""

    tittel: str | None = None
    dato: dt.date | None = None
    deltakere: int | None = None
    punkter: tuple[str, ...] = ()
    kostnader: tuple[Kostnad, ...] = ()
    finansiering: str | None = None


@frozen(kw_only=True)
class Soknad:
    """A grant application: who applied, to whom (``giver``), for what
    (``formaal``), amounts applied for and granted (kroner), the outcome and
    when it was answered, and any further note."""

    soker: tuple[str, ...]
    giver: str
    formaal: str
    utfall: Utfall
    belop_sokt: int | None = None
    belop_innvilget: int | None = None
    svar: str | None = None
    merknad: str | None = None


@frozen(kw_only=True)
class TilbakeblikkStatus:
    """How many of last year's tiltak ended in one status, and which
    ("1.1 Ungdata 2021"); the count is the number of lines."""

    status: Tiltaksstatus
    tiltak: tuple[str, ...] = ()


@frozen(kw_only=True)
class Tilbakeblikk:
    """The look back on the previous year: meetings and their topics, a
    seminar, other sections, the working groups and the grant applications.
    ``overskrift`` is the section's heading (default "Tilbakeblikk på
    <aar>"); the headings of its lists are the plan's ``etiketter``
    ``tilbakeblikk_arbeidsgrupper`` and ``soknader``. ``tiltaksstatus`` is
    how the year's tiltak ended; ``slt-docs rull`` writes a look back from the
    møteplan and the year's status file, as data to edit."""

    aar: int
    overskrift: str | None = None
    innledning: tuple[Blokk, ...] = ()
    moter: tuple[TilbakeblikkMoete, ...] = ()
    seminar: Seminar | None = None
    seksjoner: tuple[Seksjon, ...] = ()
    arbeidsgrupper: tuple[str, ...] = ()
    soknader: tuple[Soknad, ...] = ()
    tiltaksstatus: tuple[TilbakeblikkStatus, ...] = ()


@frozen(kw_only=True)
class Handlingsplan:
    """The action plan for a period of one or more years.

    ``maal`` is the general goal text, ``maal_for_perioden`` the period's
    goals, ``maalgruppe`` the target group, ``hovedmaal`` the one-line main
    goal over the tiltak table ("Førebygge rus og kriminalitet kring barn og
    unge"). Tiltak are grouped under ``delmaal`` or, for a plan without
    sub-goals, listed directly in ``tiltak``.

    ``etiketter`` holds the kommune's own words for the plan's fixed headings
    and labels, by label key: ``maal: "Mål for SLT i Nordre Land:"``,
    ``oppfolging: "Oppfølging/evaluering:"``, ``hovedmaal: "SLIK VIL VI HA
    DET (MÅL)"``, the table's column headings (``delmaal``, ``tiltak``,
    ``ansvar``, ``tidspunkt``) … Each is printed exactly as written; a key
    left out keeps our word in the document's language. ``slt-docs
    kontroller`` names the keys when one is misspelt.

    ``samlet_moetefrekvens``: the levels' meeting frequency is written as
    sentences in one section (heading ``etiketter.moetefrekvens``, Nordre
    Land's "Møtehyppighet") instead of on each level."""

    tittel: str
    periode: Periode
    rullert: int | None = None
    """For a plan of several years: the year this revision is for ("rullert
    for 2023"); ``slt-docs rull`` sets it."""
    undertittel: str | None = None
    vedtatt: Vedtak | None = None
    etiketter: dict[str, str] = field(factory=dict)
    visjon: str | None = None
    bakgrunn: tuple[Seksjon, ...] = ()
    maal: tuple[Blokk, ...] = ()
    maal_for_perioden: tuple[Blokk, ...] = ()
    maalgruppe: tuple[Blokk, ...] = ()
    tilbakeblikk: Tilbakeblikk | None = None
    hovedmaal: str | None = None
    delmaal: tuple[Delmaal, ...] = ()
    tiltak: tuple[Tiltak, ...] = ()
    tiltakstabell: Tiltakstabell = field(factory=Tiltakstabell)
    oppfolging: tuple[Blokk, ...] = ()
    samlet_moetefrekvens: bool = False
    aarshjul: bool = True
    """Show the møteplan's year wheel in the plan (when the data has a
    møteplan for a year in the plan's period)."""

    def delmaal_numbers(self) -> list[str]:
        """Each delmål's number: its ``nummer``, else the one after the
        delmål before it ("1", "2" …)."""
        out: list[str] = []
        for delmaal in self.delmaal:
            out.append(delmaal.nummer or _next_number(out[-1] if out else "", ""))
        return out

    def tiltak_named(self, ref: str) -> list[tuple[int, str, Tiltak]]:
        """Every tiltak ``ref`` names, as (place in :meth:`numbered_tiltak`,
        number, tiltak): the one with that ``id``, else those with that number
        ("1.2"; "1.2." and surrounding spaces are forgiven). An adopted plan
        may give two tiltak one number; then both are returned."""
        key = ref.strip()
        numbered = self.numbered_tiltak()
        by_id = [(i, n, t) for i, (n, t) in enumerate(numbered) if t.id is not None
                 and t.id == key]
        if by_id:
            return by_id
        key = key.rstrip(".")
        return [(i, n, t) for i, (n, t) in enumerate(numbered) if n == key]

    def find_tiltak(self, ref: str) -> tuple[str, Tiltak] | None:
        """The one tiltak ``ref`` names (by ``id`` or number), with its
        number; ``None`` when it names none, or several."""
        found = self.tiltak_named(ref)
        return (found[0][1], found[0][2]) if len(found) == 1 else None

    def numbered_tiltak(self) -> list[tuple[str, Tiltak]]:
        """Every tiltak with its number: "1.1", "1.2" … under delmål, or
        "1", "2" … in a plan without delmål. An adopted ``nummer`` is kept as
        written and the tiltak after it count on from it."""
        out: list[tuple[str, Tiltak]] = []
        for prefix, delmaal in zip(self.delmaal_numbers(), self.delmaal, strict=True):
            previous = ""
            for tiltak in delmaal.tiltak:
                previous = tiltak.nummer or _next_number(previous, f"{prefix}.")
                out.append((previous, tiltak))
        previous = ""
        for tiltak in self.tiltak:
            previous = tiltak.nummer or _next_number(previous, "")
            out.append((previous, tiltak))
        return out


def _next_number(previous: str, prefix: str) -> str:
    """The number after ``previous`` under ``prefix``: "1.3" → "1.4", "" →
    "1.1"; a number that does not end in digits ("1.3a") is followed by the
    next whole number ("1.4")."""
    last = previous.removeprefix(prefix) if previous.startswith(prefix) else ""
    digits = re.match(r"\d+", last)
    return f"{prefix}{int(digits[0]) + 1 if digits else 1}"
