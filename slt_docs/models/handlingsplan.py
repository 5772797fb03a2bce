"""The handlingsplan: the yearly (or multi-year) SLT action plan, with its goals,
delmål and tiltak, and the look back on last year (tilbakeblikk)."""

from __future__ import annotations

import datetime as dt
import enum

from attrs import field, frozen

from .common import Blokk, Periode, Seksjon, Tidsrom, Vedtak


class Tiltaksstatus(enum.Enum):
    """Where a tiltak stands, for the evaluation."""

    planlagt = "planlagt"
    pagaar = "pagaar"
    gjennomfort = "gjennomfort"
    utsatt = "utsatt"
    avsluttet = "avsluttet"


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
    """One part of a tiltak's "when": free text ("Gjennomføring våren 2022"),
    all meetings of a body in the plan period (``moter: politiradet``, dates
    taken from the møteplan), one date with an optional time, or the whole
    year (``hele_aaret: true`` → "Hele året"/"Heile året"). ``etikett`` is a
    lead-in label ("Planlegging", "«Ung i Aukra»").

    In YAML a plain string is free text."""

    etikett: str | None = None
    tekst: str | None = None
    moter: str | None = None
    dato: dt.date | None = None
    tid: Tidsrom | None = None
    hele_aaret: bool = False


@frozen(kw_only=True)
class Tiltak:
    """One measure: a title, its bullet points, who is responsible (``ansvar``,
    at least one), when (``tidspunkt``) and its status. The number (1.1, 1.2 …)
    is derived from its place; ``nummer`` overrides it."""

    tittel: str
    punkter: tuple[str, ...] = ()
    ansvar: tuple[str, ...] = ()
    tidspunkt: tuple[Tidspunkt, ...] = ()
    status: Tiltaksstatus | None = None
    evaluering: str | None = None
    nummer: str | None = None


@frozen(kw_only=True)
class Delmaal:
    """A sub-goal ("Slik gjer vi det") with its tiltak. ``presisering`` is the
    kommune's short qualifier, e.g. "generelt" or "førebyggjande"."""

    tittel: str
    presisering: str | None = None
    tiltak: tuple[Tiltak, ...] = ()


@frozen(kw_only=True)
class Tiltakstabell:
    """How the plan's tiltak table is laid out: its heading (``tittel``; default
    "Mål og tiltak <periode>"), which columns, and text after the table."""

    tittel: str | None = None
    kolonner: tuple[Kolonne, ...] = ()
    etterord: tuple[Blokk, ...] = ()


@frozen(kw_only=True)
class TilbakeblikkMoete:
    """One meeting looked back on: which body, optionally its date, a note
    ("arbeidsseminar/workshop") and the topics dealt with."""

    organ: str
    tema: tuple[str, ...] = ()
    dato: dt.date | None = None
    merknad: str | None = None
    tittel: str | None = None


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
class Tilbakeblikk:
    """The look back on the previous year: meetings and their topics, a
    seminar, other sections, the working groups and the grant applications."""

    aar: int
    innledning: tuple[Blokk, ...] = ()
    moter: tuple[TilbakeblikkMoete, ...] = ()
    seminar: Seminar | None = None
    seksjoner: tuple[Seksjon, ...] = ()
    arbeidsgrupper: tuple[str, ...] = ()
    soknader: tuple[Soknad, ...] = ()


@frozen(kw_only=True)
class Handlingsplan:
    """The action plan for a period of one or more years.

    ``maal`` is the general goal text, ``maal_for_perioden`` the period's
    goals, ``maalgruppe`` the target group, ``hovedmaal`` the one-line main
    goal over the tiltak table ("Førebygge rus og kriminalitet kring barn og
    unge"). Tiltak are grouped under ``delmaal`` or, for a plan without
    sub-goals, listed directly in ``tiltak``."""

    tittel: str
    periode: Periode
    undertittel: str | None = None
    vedtatt: Vedtak | None = None
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
    aarshjul: bool = True
    """Show the møteplan's year wheel in the plan (when the data has a
    møteplan for a year in the plan's period)."""

    def numbered_tiltak(self) -> list[tuple[str, Tiltak]]:
        """Every tiltak with its number: "1.1", "1.2" … under delmål, or
        "1", "2" … in a plan without delmål (an explicit ``nummer`` wins)."""
        out: list[tuple[str, Tiltak]] = []
        for d_index, delmaal in enumerate(self.delmaal, start=1):
            for t_index, tiltak in enumerate(delmaal.tiltak, start=1):
                out.append((tiltak.nummer or f"{d_index}.{t_index}", tiltak))
        for t_index, tiltak in enumerate(self.tiltak, start=1):
            out.append((tiltak.nummer or str(t_index), tiltak))
        return out
