"""The møteplan prepared for one language: the grid of bodies × months for
each half-year, the footnotes for moved meetings, the list of all meetings
in date order, and the working groups."""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from ..aarshjul import alt_text
from ..lang import Language
from ..models import (
    Gruppetype,
    Moteforum,
    Moteplanrad,
    Moteserie,
    Motestatus,
    SltData,
    Tidsrom,
)
from ..schedule import (
    GridHalf,
    KonkretMoete,
    Schedule,
    describe_series,
    expand,
    grid_layout,
    organ_name,
    series_time,
)
from .common import BlokkView, blocks, frequency_line, labels_for
from .document import DokumentView, document_info


@frozen(kw_only=True)
class MoteKort:
    """One meeting as a grid cell shows it: ``dag`` ("man. 11."), a footnote
    ``merke`` ("*" or empty) and short ``linjer`` (time, joint bodies, theme,
    place, note)."""

    dag: str
    merke: str
    linjer: tuple[str, ...]


@frozen(kw_only=True)
class MaanedCelle:
    """The meetings of one body in one month."""

    moter: tuple[MoteKort, ...]


@frozen(kw_only=True)
class GridRad:
    """One body's row: its caption (the kommune's own, else the body's short
    name), the lines under it (the kommune's own text as written, or a
    description of its usual time and place or rule: "første onsdag i
    måneden kl. 08.00–09.30"), and one cell per month of the grid."""

    organ: str
    beskrivelse: tuple[str, ...]
    celler: tuple[MaanedCelle, ...]


@frozen(kw_only=True)
class HalvaarView:
    """One half-year grid: its heading (the kommune's own, or "Vår 2021"), the
    month headings — the months the kommune lays out, empty ones included; a
    footnote mark added when a month holds a note for a body not in the grid —
    and the rows, each with one cell per month. ``samlet`` is true for a short
    grid (six rows at most): kept on one page as a whole; a longer one may
    continue on the next page, its last row never alone."""

    overskrift: str
    maaneder: tuple[str, ...]
    rader: tuple[GridRad, ...]
    samlet: bool = False


SHORT_GRID_ROWS = 6
"""The most rows of a half-year grid kept on one page as a whole: about a
third of a landscape page, little to leave blank when it moves on."""


@frozen(kw_only=True)
class MoteRad:
    """A meeting in the list of all meetings in date order; ``sted`` is its
    own place or its body's usual one."""

    dato: str
    tid: str
    organ: str
    sted: str
    tema: str


@frozen(kw_only=True)
class GruppeLinje:
    """A working group or fokusgruppe in the møteplan's list."""

    navn: str
    merknad: str


@frozen(kw_only=True)
class MoteplanView:
    """Everything the møteplan template shows. ``fotnoter`` explain the marks
    in the grid; ``alle`` lists every meeting by date, and ``har_tid``,
    ``har_sted`` and ``har_tema`` say which of its columns have any content
    (a column empty in every row is left out); ``aarshjul`` is the alt text
    of the year wheel (``bilde.aarshjul``); ``grupper_overskrift`` is
    "Fokusgrupper" or "Arbeidsgrupper"."""

    dok: DokumentView
    label: dict[str, str]
    innledning: tuple[BlokkView, ...]
    halvaar: tuple[HalvaarView, ...]
    fotnoter: tuple[str, ...]
    alle: tuple[MoteRad, ...]
    har_tid: bool
    har_sted: bool
    har_tema: bool
    aarshjul: str
    grupper_overskrift: str
    om_grupper: tuple[BlokkView, ...]
    grupper: tuple[GruppeLinje, ...]


def _mark(n: int) -> str:
    return "*" * n if n <= 3 else f"{n})"


def _status_text(m: KonkretMoete, lang: Language) -> str:
    """"utsatt til høsten (oktober?) på grunn av Covid-19"."""
    if m.status is Motestatus.avlyst:
        text = lang.label("status_avlyst")
    elif m.status is Motestatus.utsatt:
        text = lang.label("status_utsatt")
    else:
        text = lang.label("status_flyttet")
    target = lang.date(m.ny_dato, year=False) if m.ny_dato else (m.ny_tid_tekst or "")
    if target and m.status is not Motestatus.avlyst:
        text = lang.gettext("{status} to {when}").format(status=text, when=target)
    if m.aarsak:
        text += " " + lang.gettext("because of {reason}").format(reason=m.aarsak)
    return text


def _footnote(mark: str, m: KonkretMoete, data: SltData, lang: Language) -> str:
    """"* Temakveld, torsdag 4. mars 2021 kl. 18.00–21.00: utsatt til høsten på
    grunn av Covid-19, i tett samarbeid med …" — the meeting's note follows
    exactly as written."""
    what = m.tittel or organ_name(data, m.organ, lang)
    when = lang.date(m.dato)
    if m.tid:
        when += " " + lang.time_range(m.tid)
    text = f"{mark} {what}, {when}: {_status_text(m, lang)}"
    if m.merknad:
        joiner = ", " if m.merknad[:1].islower() else ". "
        text = f"{text}{joiner}{m.merknad}"
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _card(m: KonkretMoete, mark: str, default_place: str, default_time: Tidsrom | None,
          data: SltData, lang: Language, labels: Mapping[str, str]) -> MoteKort:
    day = m.avholdes or m.dato
    lines: list[str] = []
    if m.tidsrom and m.tidsrom != default_time:
        lines.append(lang.time_range(m.tidsrom))
    for other in m.sammen_med:
        lines.append(f"+ {organ_name(data, other, lang, short=True)}")
    if m.tittel:
        lines.append(m.tittel)
    if m.tema:
        lines.append(f"{labels['tema']}: {m.tema}")
    if m.sted and m.sted != default_place:
        lines.append(m.sted)
    if m.merknad and not mark:
        lines.append(f"({m.merknad})")
    if m.status is Motestatus.flyttet and m.ny_dato:
        moved_from = lang.gettext("from {date}").format(
            date=lang.date(m.dato, weekday=False, year=False))
        lines.append(f"({lang.label('status_flyttet')} {moved_from})")
    elif m.status is not Motestatus.planlagt:
        lines.append(f"({_status_text(m, lang)})")
    if m.forslag:
        lines.append(lang.label("forslag"))
    return MoteKort(dag=f"{lang.weekday(day, short=True)} {day.day}.", merke=mark,
                    linjer=tuple(lines))


def _usual(data: SltData, organ_id: str) -> tuple[str, Tidsrom | None, list[Moteserie]]:
    """A body's usual place and time (from its series or its own), and its series."""
    org = data.organisasjon
    organ = org.finn(organ_id)
    plan = data.moteplan
    assert plan is not None
    place = (organ.sted or "") if organ else ""
    usual = organ.tid if isinstance(organ, Moteforum) else None
    series = [s for s in plan.serier if org.finn(s.organ) is organ]
    for s in series:
        place = s.sted or place
        usual = s.tid or usual
    return place, usual, series


def _row_description(data: SltData, organ_id: str, lang: Language,
                     labels: Mapping[str, str]) -> list[str]:
    """The generated lines under a row's caption: the body's rule or
    frequency, its usual time and its usual place."""
    organ = data.organisasjon.finn(organ_id)
    place, usual, series = _usual(data, organ_id)
    lines: list[str] = []
    for s in series:  # the time on a line of its own: the column is narrow
        lines.append(describe_series(s, lang, org=data.organisasjon, with_time=False))
        tid = series_time(s, data.organisasjon)
        if tid is not None:
            lines.append(lang.time_range(tid))
    if not series and organ is not None and organ.moteverksemd:
        lines.append(frequency_line(organ.moteverksemd, lang))
    if not series and usual:
        lines.append(lang.time_range(usual))
    if place:
        lines.append(f"{labels['sted']}: {place}")
    return lines


def _row_lines(row: Moteplanrad, data: SltData, lang: Language,
               labels: Mapping[str, str]) -> tuple[str, ...]:
    """The kommune's own lines under a row's caption, as written; the
    generated description when it has none or asks for it."""
    lines = list(row.tekst)
    if not row.tekst or row.med_beskrivelse:
        lines += _row_description(data, row.organ, lang, labels)
    return tuple(lines)


def _half_heading(half: GridHalf, year: int, lang: Language, labels: Mapping[str, str]) -> str:
    if half.overskrift:
        return half.overskrift
    if half.kind:
        return f"{labels[half.kind]} {year}"
    first_year, first_month = half.months[0]
    return f"{lang.month(first_month).capitalize()} {first_year}"


def moteplan_view(data: SltData, lang: Language, *,
                  schedule: Schedule | None = None) -> MoteplanView:
    """The view of the data's møteplan in ``lang``; ``schedule`` is the
    møteplan expanded (:class:`slt_docs.prepared.Prepared`), expanded here
    when not given."""
    plan = data.moteplan
    assert plan is not None, "the caller checks that the data has a møteplan"
    labels = labels_for(lang, plan.etiketter, kind="moteplan")
    if schedule is None:
        schedule = expand(data)
    notes: list[str] = []
    marks: dict[int, str] = {}
    for index, m in enumerate(schedule.moter):
        if m.status is not Motestatus.planlagt and (m.merknad or m.aarsak or
                                                     m.status is not Motestatus.flyttet):
            mark = _mark(len(notes) + 1)
            marks[index] = mark
            notes.append(_footnote(mark, m, data, lang))

    halves = []
    for half in grid_layout(plan, schedule, data.organisasjon):
        in_grid = {r.organ for r in half.rows}
        headings = []
        for year, month in half.months:
            name = lang.month(month).capitalize()
            if year != plan.aar:
                name += f" {year}"
            extra = [marks[i] for i, m in enumerate(schedule.moter)
                     if i in marks and m.organ not in in_grid
                     and (m.dato.year, m.dato.month) == (year, month)]
            headings.append(" ".join([name, *extra]))
        grid_rows = []
        for row in half.rows:
            place, usual, _ = _usual(data, row.organ)
            cells = []
            for slot in half.months:
                cards = tuple(
                    _card(m, marks.get(i, ""), place, usual, data, lang, labels)
                    for i, m in enumerate(schedule.moter)
                    if m.organ == row.organ and ((m.avholdes or m.dato).year,
                                                 (m.avholdes or m.dato).month) == slot)
                cells.append(MaanedCelle(moter=cards))
            grid_rows.append(GridRad(
                organ=row.overskrift or organ_name(data, row.organ, lang, short=True),
                beskrivelse=_row_lines(row, data, lang, labels), celler=tuple(cells)))
        halves.append(HalvaarView(overskrift=_half_heading(half, plan.aar, lang, labels),
                                  maaneder=tuple(headings), rader=tuple(grid_rows),
                                  samlet=len(grid_rows) <= SHORT_GRID_ROWS))

    listing = []
    for i, m in enumerate(schedule.moter):
        day = m.avholdes or m.dato
        theme = "; ".join(x for x in (m.tittel, m.tema) if x)
        extra = []
        if m.sammen_med:
            extra.append("+ " + ", ".join(organ_name(data, o, lang) for o in m.sammen_med))
        if m.merknad and i not in marks:
            extra.append(f"({m.merknad})")
        if m.status is not Motestatus.planlagt:
            extra.append(f"({_status_text(m, lang)}{' ' + marks[i] if i in marks else ''})")
        if m.forslag:
            extra.append(lang.label("forslag"))
        listing.append(MoteRad(
            dato=lang.date(day),
            tid=lang.time_range(m.tidsrom, prefix=False) if m.tidsrom else "",
            organ=organ_name(data, m.organ, lang),
            sted=m.sted or _usual(data, m.organ)[0],
            tema=" ".join(x for x in (theme, *extra) if x)))

    org = data.organisasjon
    groups = [g for g in org.arbeidsgrupper if g.aar in (None, plan.aar)]
    focus = any(g.type is Gruppetype.fokusgruppe for g in groups)
    title = plan.tittel or lang.gettext("Meeting plan for the SLT work {year}").format(
        year=plan.aar)
    dok = document_info(data, lang, labels, kind="moteplan", title=title,
                        period=str(plan.aar), adopted=plan.vedtatt)
    return MoteplanView(
        dok=dok,
        label=labels,
        innledning=blocks(plan.innledning),
        halvaar=tuple(halves),
        fotnoter=tuple(notes),
        alle=tuple(listing),
        har_tid=any(r.tid for r in listing),
        har_sted=any(r.sted for r in listing),
        har_tema=any(r.tema for r in listing),
        aarshjul=alt_text(data, lang, schedule=schedule),
        grupper_overskrift=labels["fokusgrupper" if focus else "arbeidsgrupper"],
        om_grupper=blocks(org.om_arbeidsgrupper) if groups else (),
        grupper=tuple(GruppeLinje(
            navn=g.navn or g.id or "",
            merknad=" ".join(x for x in (
                g.merknad and f"({g.merknad})",
                labels["gruppe_foreslaatt"] if g.status.value == "foreslaatt" else "",
            ) if x)) for g in groups),
    )
