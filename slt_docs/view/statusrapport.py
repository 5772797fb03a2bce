"""The status report for the politiråd, prepared for one language: a summary
(counts per status and per delmål, a chart), and the tiltak table with a
status column and the comments. The summary is also what the
handlingsplan's follow-up section shows when the data has a status file."""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from ..cycle.chart import chart_alt, status_label
from ..cycle.status import TiltakStatus, YearStatus
from ..lang import Language
from ..lang.labels import N_
from ..models import SltData, Tiltaksstatus
from .common import BlokkView, blocks, labels_for
from .document import DokumentView, document_info
from .tiltak import SHORT_ROW_LINES, last_kept, row_lines


@frozen(kw_only=True)
class StatusTellingView:
    """One status and how many tiltak stand in it (``antall``, a number as
    text) and their share of all (``andel``, "20 %")."""

    status: str
    antall: str
    andel: str


@frozen(kw_only=True)
class DelmaalTellingView:
    """One delmål in the table per delmål: the delmål ("1. Sikre …"), the
    statuses its tiltak stand in with their counts (``tellinger``; shares of
    the delmål's tiltak) and how many tiltak it has (``sum``)."""

    delmaal: str
    tellinger: tuple[StatusTellingView, ...]
    sum: str


@frozen(kw_only=True)
class StatusOversiktView:
    """The summary: its heading ("Status for tiltaka i 2022"), the
    introduction (``tekst``), the counts per status with their column
    headings (``kolonner``: status, count, share) and total (``totalt``),
    the counts per delmål (heading ``delmaal_overskrift``), the chart's alt
    text (``diagram``; the picture is ``bilde.statusdiagram``)."""

    overskrift: str
    tekst: str
    kolonner: tuple[str, ...]
    tellinger: tuple[StatusTellingView, ...]
    totalt: StatusTellingView
    delmaal_overskrift: str
    delmaal_kolonner: tuple[str, ...]
    delmaal: tuple[DelmaalTellingView, ...]
    diagram: str


@frozen(kw_only=True)
class StatusRadView:
    """One tiltak's row: ``overskrift`` ("1.1 Ungdata 2021 og …"),
    ``ansvar``, ``status`` (in words, "Gjennomført"; "Ikkje rapportert"
    when the status file has no entry), and the comment lines
    (``kommentar``: the comment, what was achieved, the date). ``kort`` and
    ``med_neste`` keep short rows on one page and the last two together, as
    in ``TiltakRad``."""

    nummer: str
    tittel: str
    overskrift: str
    ansvar: tuple[str, ...]
    status: str
    kommentar: tuple[str, ...]
    kort: bool
    med_neste: bool = False


@frozen(kw_only=True)
class StatusDelmaalView:
    """A delmål with its tiltak rows (``tekst`` empty in a plan without delmål)."""

    nummer: str
    tekst: str
    rader: tuple[StatusRadView, ...]


@frozen(kw_only=True)
class StatusrapportView:
    """Everything the status report shows: the document identity, the
    kommune's introduction, the summary, the table heading and column
    headings, and the delmål with their rows."""

    dok: DokumentView
    label: dict[str, str]
    innledning: tuple[BlokkView, ...]
    oversikt: StatusOversiktView
    tabell_overskrift: str
    kolonner: tuple[str, ...]
    har_delmaal: bool
    delmaal: tuple[StatusDelmaalView, ...]


TITLE = N_("Status report for the SLT action plan {year}")
SUMMARY_HEADING = N_("Status of the measures in {year}")
AS_OF = N_("{text} As of {date}.")
TABLE_HEADING = N_("Status per measure")
COMMENT = N_("Comment")
ACHIEVED = N_("Achieved: {text}")
DATED = N_("Date: {date}")
COUNT = N_("Count")
SHARE = N_("Share")
TOTAL = N_("Total")
PER_SUBGOAL = N_("Status per sub-goal")


def status_summary(status: YearStatus, data: SltData, lang: Language,
                   labels: Mapping[str, str] | None = None) -> StatusOversiktView:
    """The summary of a year's status (counts per status, per delmål, chart);
    ``labels`` are the document's (the plan's own words on top of ours)."""
    plan = data.handlingsplan
    assert plan is not None, "a status needs a plan"
    labels = labels if labels is not None else labels_for(lang, plan.etiketter)
    text = lang.ngettext("The status of the {count} measure in the plan for {year}.",
                         "The status of the {count} measures in the plan for {year}.",
                         status.total).format(
        count=lang.number(status.total), year=status.aar)
    if status.rapport.dato is not None:
        text = lang.gettext(AS_OF).format(text=text,
                                          date=lang.date(status.rapport.dato, weekday=False))
    rows = []
    for d in status.per_delmaal:
        count = sum(d.counts.values())
        rows.append(DelmaalTellingView(
            delmaal=f"{d.delmaal + 1}. {plan.delmaal[d.delmaal].tittel}",
            tellinger=_counts(d.counts, count, lang), sum=lang.number(count)))
    return StatusOversiktView(
        overskrift=lang.gettext(SUMMARY_HEADING).format(year=status.aar),
        tekst=text,
        kolonner=(labels["status"], lang.gettext(COUNT), lang.gettext(SHARE)),
        tellinger=_counts(status.counts, status.total, lang),
        totalt=StatusTellingView(status=lang.gettext(TOTAL), antall=lang.number(status.total),
                                 andel=_share(status.total, status.total, lang)),
        delmaal_overskrift=lang.gettext(PER_SUBGOAL),
        delmaal_kolonner=(labels["delmaal"], labels["status"], lang.gettext(COUNT)),
        delmaal=tuple(rows),
        diagram=chart_alt(status, lang),
    )


def _counts(counts: dict[Tiltaksstatus | None, int], total: int,
            lang: Language) -> tuple[StatusTellingView, ...]:
    return tuple(StatusTellingView(status=status_label(s, lang), antall=lang.number(n),
                                   andel=_share(n, total, lang)) for s, n in counts.items())


def _share(n: int, total: int, lang: Language) -> str:
    percent = round(100 * n / total) if total else 0
    return f"{lang.number(percent)}\u00a0%"


def _row(row: TiltakStatus, lang: Language) -> StatusRadView:
    lines: list[str] = []
    punkt = row.punkt
    if punkt is not None:
        if punkt.kommentar:
            lines.append(punkt.kommentar)
        if punkt.resultat:
            lines.append(lang.gettext(ACHIEVED).format(text=punkt.resultat))
        if punkt.dato is not None:
            lines.append(lang.gettext(DATED).format(date=lang.date(punkt.dato, weekday=False)))
    title = row.tiltak.tittel
    heading = f"{row.nummer} {title}" if row.nummer else title
    status = status_label(row.status, lang)
    return StatusRadView(nummer=row.nummer, tittel=title, overskrift=heading,
                         ansvar=row.tiltak.ansvar, status=status, kommentar=tuple(lines),
                         kort=row_lines((heading,), row.tiltak.ansvar, (status,),
                                        tuple(lines)) <= SHORT_ROW_LINES)


def statusrapport_view(data: SltData, status: YearStatus, lang: Language) -> StatusrapportView:
    """The view of the status report for ``status`` (one year)."""
    plan = data.handlingsplan
    assert plan is not None, "a status needs a plan"
    title = status.rapport.tittel or lang.gettext(TITLE).format(year=status.aar)
    labels = labels_for(lang, plan.etiketter, kind="statusrapport")
    dok = document_info(data, lang, labels, kind="statusrapport", title=title,
                        subtitle=plan.tittel,
                        period=str(status.aar))
    groups: list[StatusDelmaalView] = []
    for index, delmaal in enumerate(plan.delmaal):
        text = f"{index + 1}. {delmaal.tittel}"
        if delmaal.presisering:
            text += f" ({delmaal.presisering})"
        groups.append(StatusDelmaalView(
            nummer=str(index + 1), tekst=text,
            rader=last_kept(tuple(_row(r, lang) for r in status.rader
                                  if r.delmaal == index))))
    flat = last_kept(tuple(_row(r, lang) for r in status.rader if r.delmaal is None))
    if flat:
        groups.append(StatusDelmaalView(nummer="", tekst="", rader=flat))
    return StatusrapportView(
        dok=dok,
        label=labels,
        innledning=blocks(status.rapport.innledning),
        oversikt=status_summary(status, data, lang, labels),
        tabell_overskrift=lang.gettext(TABLE_HEADING),
        kolonner=(labels["tiltak"], labels["ansvar"], labels["status"], lang.gettext(COMMENT)),
        har_delmaal=bool(plan.delmaal),
        delmaal=tuple(groups),
    )
