"""A year's status of every tiltak: the status file (``status:``) joined
with the plan, counted per status and per delmål. Computed once here and
passed to the status report, the handlingsplan's follow-up section and the
look back that ``slt-docs rull`` writes."""

from __future__ import annotations

from attrs import frozen

from ..errors import SltError
from ..models import Handlingsplan, SltData, Statuspunkt, Statusrapport, Tiltak, Tiltaksstatus

STATUS_ORDER: tuple[Tiltaksstatus, ...] = (
    Tiltaksstatus.gjennomfort,
    Tiltaksstatus.i_gang,
    Tiltaksstatus.ikke_startet,
    Tiltaksstatus.utsatt,
    Tiltaksstatus.avsluttet,
)
"""The order statuses are counted and shown in."""


@frozen(kw_only=True)
class TiltakStatus:
    """One tiltak of the plan with its status in the year: ``punkt`` is the
    status file's entry (``None`` when it has none); ``status`` that entry's
    status, else the plan's own ``Tiltak.status``, else ``None`` (not
    reported). ``delmaal`` is the index of its delmål (``None`` in a plan
    without delmål)."""

    nummer: str
    tiltak: Tiltak
    delmaal: int | None
    punkt: Statuspunkt | None
    status: Tiltaksstatus | None


@frozen(kw_only=True)
class DelmaalCount:
    """The counts of one delmål: its index in the plan and the number of
    its tiltak in each status (``None``: not reported)."""

    delmaal: int
    counts: dict[Tiltaksstatus | None, int]


@frozen(kw_only=True)
class YearStatus:
    """Every tiltak's status in ``aar`` (``rapport`` is the status file's
    part for the year) with the counts per status and per delmål, in
    :data:`STATUS_ORDER` (statuses with no tiltak left out; "not reported"
    last)."""

    aar: int
    rapport: Statusrapport
    rader: tuple[TiltakStatus, ...]
    counts: dict[Tiltaksstatus | None, int]
    per_delmaal: tuple[DelmaalCount, ...]

    @property
    def total(self) -> int:
        """How many tiltak the plan has."""
        return len(self.rader)


def report_for(data: SltData, aar: int | None = None) -> Statusrapport:
    """The status file's part for ``aar`` (default: the latest year there
    is); raises :class:`SltError` naming the years there are."""
    if not data.status:
        raise SltError("dataene har ingen status for tiltakene; skriv en statusfil, f.eks. "
                       "status-2022.yaml med «status: {aar: 2022, tiltak: [...]}»")
    if aar is None:
        return max(data.status, key=lambda r: r.aar)
    for rapport in data.status:
        if rapport.aar == aar:
            return rapport
    years = ", ".join(str(r.aar) for r in sorted(data.status, key=lambda r: r.aar))
    raise SltError(f"dataene har ingen status for {aar}; de har status for {years}")


def summary_year(data: SltData) -> int | None:
    """The year whose status the handlingsplan's follow-up section shows:
    the latest year with a status file within the plan's period, or
    ``None``."""
    plan = data.handlingsplan
    if plan is None:
        return None
    years = [r.aar for r in data.status if plan.periode.fra <= r.aar <= plan.periode.til]
    return max(years) if years else None


def year_status(data: SltData, aar: int | None = None) -> YearStatus:
    """The status of every tiltak of the data's handlingsplan in ``aar``
    (default: the latest year with a status file)."""
    plan = data.handlingsplan
    if plan is None:
        raise SltError("dataene har ingen «handlingsplan:»; statusen gjelder planens tiltak")
    rapport = report_for(data, aar)
    return join_status(plan, rapport)


def join_status(plan: Handlingsplan, rapport: Statusrapport) -> YearStatus:
    """The plan's tiltak joined with the status file's entries (entries
    that name no tiltak are left out; ``check`` reports them)."""
    by_place: dict[int, Statuspunkt] = {}
    for punkt in rapport.tiltak:
        found = plan.tiltak_named(punkt.tiltak)
        if len(found) == 1:
            by_place.setdefault(found[0][0], punkt)
    places = [d for d, delmaal in enumerate(plan.delmaal) for _ in delmaal.tiltak]
    places += [None] * len(plan.tiltak)
    rows = []
    for index, ((number, tiltak), place) in enumerate(
            zip(plan.numbered_tiltak(), places, strict=True)):
        punkt = by_place.get(index)
        status = punkt.status if punkt is not None else tiltak.status
        rows.append(TiltakStatus(nummer=number, tiltak=tiltak, delmaal=place, punkt=punkt,
                                 status=status))
    per_delmaal = tuple(
        DelmaalCount(delmaal=d, counts=_counts([r for r in rows if r.delmaal == d]))
        for d in range(len(plan.delmaal)))
    return YearStatus(aar=rapport.aar, rapport=rapport, rader=tuple(rows), counts=_counts(rows),
                      per_delmaal=per_delmaal)


def _counts(rows: list[TiltakStatus]) -> dict[Tiltaksstatus | None, int]:
    counts: dict[Tiltaksstatus | None, int] = {}
    for status in (*STATUS_ORDER, None):
        n = sum(1 for r in rows if r.status is status)
        if n:
            counts[status] = n
    return counts
