"""The møteplan prepared for one language: the grid of bodies × months for
each half-year, the footnotes for moved meetings, the list of all meetings
in date order, and the working groups."""

from __future__ import annotations

from attrs import frozen

from ..aarshjul import alt_text
from ..lang import Language
from ..models import Gruppetype, Moteforum, Motestatus, SltData, Tidsrom
from ..schedule import KonkretMoete, Schedule, describe_series, expand, organ_name
from .common import BlokkView, blocks, capitalize, frequency_text
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
    """One body's row: its (short) name, a description of its usual time and
    place or rule ("første onsdag i måneden kl. 08.00–09.30"), and one cell
    per month of the half-year."""

    organ: str
    beskrivelse: tuple[str, ...]
    celler: tuple[MaanedCelle, ...]


@frozen(kw_only=True)
class HalvaarView:
    """One half-year grid: its heading ("Våren 2021"), the month headings (a
    footnote mark added when a month holds a note for a body not in the grid)
    and the rows."""

    overskrift: str
    maaneder: tuple[str, ...]
    rader: tuple[GridRad, ...]


@frozen(kw_only=True)
class MoteRad:
    """A meeting in the list of all meetings in date order."""

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
    in the grid; ``aarshjul`` is the alt text of the year wheel
    (``bilde.aarshjul``); ``grupper_overskrift`` is "Fokusgrupper" or
    "Arbeidsgrupper"."""

    dok: DokumentView
    label: dict[str, str]
    innledning: tuple[BlokkView, ...]
    halvaar: tuple[HalvaarView, ...]
    fotnoter: tuple[str, ...]
    alle: tuple[MoteRad, ...]
    aarshjul: str
    grupper_overskrift: str
    om_grupper: tuple[BlokkView, ...]
    grupper: tuple[GruppeLinje, ...]


def _mark(n: int) -> str:
    return "*" * n if n <= 3 else f"{n})"


def _halves(year: int, schedule: Schedule) -> list[tuple[str, list[tuple[int, int] | None]]]:
    """The grids: six month columns each, spring (January–June) and autumn
    (August–January, as in the seeds). July joins the autumn when it has
    meetings; a month that no longer fits gets a grid of its own."""
    def used(y: int, month: int) -> bool:
        return any(((m.avholdes or m.dato).year, (m.avholdes or m.dato).month) == (y, month)
                   for m in schedule.moter)

    months = [(year, m) for m in range(1, 7)]
    if used(year, 7):
        months.append((year, 7))
    months += [(year, m) for m in range(8, 13)]
    if len(months) == 11 or used(year + 1, 1):
        months.append((year + 1, 1))
    halves: list[tuple[str, list[tuple[int, int] | None]]] = []
    for start in range(0, len(months), 6):
        chunk: list[tuple[int, int] | None] = list(months[start:start + 6])
        key = ("vaar", "haust")[start // 6] if start < 12 else ""
        chunk += [None] * (6 - len(chunk))
        halves.append((key, chunk))
    return halves


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
    what = m.tittel or organ_name(data, m.organ, lang)
    when = lang.date(m.dato)
    if m.tid:
        when += " " + lang.time_range(m.tid)
    text = f"{mark} {what}, {when}: {_status_text(m, lang)}."
    if m.merknad:
        text += f" {m.merknad[:1].upper()}{m.merknad[1:]}"
        if not m.merknad.endswith((".", "!", "?")):
            text += "."
    return text


def _card(m: KonkretMoete, mark: str, default_place: str, default_time: Tidsrom | None,
          data: SltData, lang: Language) -> MoteKort:
    day = m.avholdes or m.dato
    lines: list[str] = []
    if m.tidsrom and m.tidsrom != default_time:
        lines.append(lang.time_range(m.tidsrom))
    for other in m.sammen_med:
        lines.append(f"+ {organ_name(data, other, lang)}")
    if m.tittel:
        lines.append(m.tittel)
    if m.tema:
        lines.append(f"{lang.label('tema')}: {m.tema}")
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
    return MoteKort(dag=f"{lang.weekday(day, short=True)} {day.day}.", merke=mark,
                    linjer=tuple(lines))


def _row_description(data: SltData, organ_id: str,
                     lang: Language) -> tuple[list[str], str, Tidsrom | None]:
    """The row label's lines, the body's usual place and usual time."""
    org = data.organisasjon
    organ = org.finn(organ_id)
    lines: list[str] = []
    place = organ.sted or "" if organ else ""
    plan = data.moteplan
    assert plan is not None
    series = [s for s in plan.serier if org.finn(s.organ) is organ]
    usual = organ.tid if isinstance(organ, Moteforum) else None
    for s in series:
        lines.append(describe_series(s, lang, org=org))
        place = s.sted or place
        usual = s.tid or usual
    if not series and organ is not None and organ.moteverksemd:
        lines.append(capitalize(frequency_text(organ.moteverksemd, lang)))
    if not series and usual:
        lines.append(lang.time_range(usual))
    if place:
        lines.append(f"{lang.label('sted')}: {place}")
    return lines, place, usual


def moteplan_view(data: SltData, lang: Language) -> MoteplanView:
    """The view of the data's møteplan in ``lang``."""
    plan = data.moteplan
    assert plan is not None, "the caller checks that the data has a møteplan"
    schedule = expand(data)
    rows = schedule.organer
    notes: list[str] = []
    marks: dict[int, str] = {}
    for index, m in enumerate(schedule.moter):
        if m.status is not Motestatus.planlagt and (m.merknad or m.aarsak or
                                                     m.status is not Motestatus.flyttet):
            mark = _mark(len(notes) + 1)
            marks[index] = mark
            notes.append(_footnote(mark, m, data, lang))

    halves = []
    for key, months in _halves(plan.aar, schedule):
        headings = []
        for slot in months:
            if slot is None:
                headings.append("")
                continue
            year, month = slot
            name = lang.month(month).capitalize()
            if year != plan.aar:
                name += f" {year}"
            extra = [marks[i] for i, m in enumerate(schedule.moter)
                     if i in marks and m.organ not in rows
                     and (m.dato.year, m.dato.month) == (year, month)]
            headings.append(" ".join([name, *extra]))
        grid_rows = []
        for organ in rows:
            description, place, usual = _row_description(data, organ, lang)
            cells = []
            for slot in months:
                cards = []
                for i, m in enumerate(schedule.moter):
                    day = m.avholdes or m.dato
                    if slot and m.organ == organ and (day.year, day.month) == slot:
                        cards.append(_card(m, marks.get(i, ""), place, usual, data, lang))
                cells.append(MaanedCelle(moter=tuple(cards)))
            grid_rows.append(GridRad(organ=organ_name(data, organ, lang, short=True),
                                     beskrivelse=tuple(description), celler=tuple(cells)))
        first = next(s for s in months if s is not None)
        heading = (f"{lang.label(key)} {plan.aar}" if key else
                   f"{lang.month(first[1]).capitalize()} {first[0]}")
        halves.append(HalvaarView(overskrift=heading, maaneder=tuple(headings),
                                  rader=tuple(grid_rows)))

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
        listing.append(MoteRad(
            dato=lang.date(day),
            tid=lang.time_range(m.tidsrom, prefix=False) if m.tidsrom else "",
            organ=organ_name(data, m.organ, lang),
            sted=m.sted or "",
            tema=" ".join(x for x in (theme, *extra) if x)))

    org = data.organisasjon
    groups = [g for g in org.arbeidsgrupper if g.aar in (None, plan.aar)]
    focus = any(g.type is Gruppetype.fokusgruppe for g in groups)
    title = plan.tittel or lang.gettext("Meeting plan for the SLT work {year}").format(
        year=plan.aar)
    dok = document_info(data, lang, kind="moteplan", title=title, period=str(plan.aar),
                        adopted=plan.vedtatt)
    return MoteplanView(
        dok=dok,
        label=lang.labels,
        innledning=blocks(plan.innledning),
        halvaar=tuple(halves),
        fotnoter=tuple(notes),
        alle=tuple(listing),
        aarshjul=alt_text(data, lang),
        grupper_overskrift=lang.label("fokusgrupper" if focus else "arbeidsgrupper"),
        om_grupper=blocks(org.om_arbeidsgrupper) if groups else (),
        grupper=tuple(GruppeLinje(
            navn=g.navn or g.id or "",
            merknad=" ".join(x for x in (
                g.merknad and f"({g.merknad})",
                lang.label("gruppe_foreslaatt") if g.status.value == "foreslaatt" else "",
            ) if x)) for g in groups),
    )

