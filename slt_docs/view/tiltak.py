"""The tiltak table, prepared for one language: rows with numbers, bullet
points, ansvar and formatted tidspunkt. Used by the handlingsplan and by the
tiltak document of its own."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Protocol, TypeVar

import attrs
from attrs import frozen

from ..errors import SltError
from ..lang import Language
from ..models import (
    Delmaal,
    Handlingsplan,
    Kolonne,
    SltData,
    Tidspunkt,
    Tiltak,
    TiltakDokument,
)
from ..schedule import Schedule
from .common import BlokkView, blocks, labels_for
from .document import DokumentView, document_info
from .meetings import meetings_of, schedule_for


class Tabellform(enum.Enum):
    """The two table shapes the default templates hold."""

    enkel = "enkel"
    """Two columns: tiltak · ansvar (Nordre Land)."""
    full = "full"
    """Four columns: delmål (merged down its rows) · tiltak · ansvar · tidspunkt (Aukra)."""


FORM_COLUMNS = {
    Tabellform.enkel: (Kolonne.tiltak, Kolonne.ansvar),
    Tabellform.full: (Kolonne.delmaal, Kolonne.tiltak, Kolonne.ansvar, Kolonne.tidspunkt),
}


class KeptRow(Protocol):
    """A table row the templates keep on one page (``kort``) or with the
    next (``med_neste``): see :class:`TiltakRad`."""

    @property
    def kort(self) -> bool: ...

    @property
    def med_neste(self) -> bool: ...


@frozen(kw_only=True)
class TiltakRad:
    """One tiltak row: ``nummer`` ("1.1" — the adopted number when the data
    gives one —, or empty when the plan does not number its tiltak),
    ``tittel``, ``overskrift`` (number and title: "1.1 Ungdata 2021"), bullet
    ``punkter``, ``ansvar`` (one item per responsible; ``ansvar_tekst``
    joined with commas), ``tidspunkt`` (one line each: the kommune's own
    text as written, "ty. 25. januar kl. 13.00–15.00", "Heile året") and
    ``status``. For a table that repeats its delmål on every page, each row
    also knows its delmål: ``delmaal_nummer`` ("1"), ``delmaal_tekst`` (as
    in ``DelmaalRad.tekst``) and ``forste_i_delmaal`` (the delmål's first
    row). ``kort`` is true for a row short enough to be kept on one page (its
    tallest column about :data:`SHORT_ROW_LINES` lines at most, see
    :func:`row_lines`); a longer row may continue on the next page.
    ``med_neste`` is true for the last but one row of a table when both it
    and the last are short: kept on the page of the last row, so that one
    never stands alone under the repeated header."""

    nummer: str
    tittel: str
    overskrift: str
    punkter: tuple[str, ...]
    ansvar: tuple[str, ...]
    ansvar_tekst: str
    tidspunkt: tuple[str, ...]
    status: str
    delmaal_nummer: str
    delmaal_tekst: str
    forste_i_delmaal: bool
    kort: bool
    med_neste: bool = False


SHORT_ROW_LINES = 10
"""The most lines (estimated) in the tallest column of a tiltak row kept on
one page: a tenth of a page or so, little to leave blank when it moves on."""
LINE_CHARACTERS = 40
"""Characters on a line of a table column, for the estimate (the narrow
columns of the full table hold about 25, the tiltak column about 50)."""


def row_lines(*columns: tuple[str, ...]) -> int:
    """About how many lines the tallest of ``columns`` (each a list of
    paragraphs) takes: each paragraph at least one line, a long one more."""
    return max((sum(1 + len(text) // LINE_CHARACTERS for text in column)
                for column in columns), default=0)


@frozen(kw_only=True)
class DelmaalRad:
    """A delmål with its rows: ``nummer`` (adopted or derived: "1"),
    ``tekst`` is "1. Sikre tett samarbeid … (generelt)"; both empty for a
    plan without delmål."""

    nummer: str
    tekst: str
    tiltak: tuple[TiltakRad, ...]


@frozen(kw_only=True)
class TiltakTabellView:
    """The whole table: its heading, the main goal, the shape (``form``:
    "enkel" or "full"), the column headings (``kolonner``: the kommune's own
    ``etiketter`` or ours, as ``label.delmaal`` … in the template), the delmål
    with their rows and the text after the table (``etterord``).
    ``har_tidspunkt`` is false when no tiltak has a tidspunkt: the full
    table then leaves that column out."""

    overskrift: str
    hovedmaal: str
    form: str
    kolonner: tuple[str, ...]
    har_tidspunkt: bool
    delmaal: tuple[DelmaalRad, ...]
    har_delmaal: bool
    antall_tiltak: int
    etterord: tuple[BlokkView, ...]


def default_form(plan: Handlingsplan) -> Tabellform:
    """The shape the data asks for (``tiltakstabell.kolonner``), else the full
    table for a plan with delmål and the simple one otherwise."""
    for form, columns in FORM_COLUMNS.items():
        if plan.tiltakstabell.kolonner == columns:
            return form
    return Tabellform.full if plan.delmaal else Tabellform.enkel


def check_form(form: Tabellform, plan: Handlingsplan) -> None:
    """The full table needs delmål; raise :class:`SltError` otherwise."""
    if form is Tabellform.full and not plan.delmaal:
        raise SltError("den fulle tabellen (delmål · tiltak · ansvar · tidspunkt) krever at "
                       "tiltakene står under delmål; bruk --tabell enkel")


def tidspunkt_lines(parts: tuple[Tidspunkt, ...], data: SltData, lang: Language,
                    schedule: Schedule | None = None) -> list[str]:
    """Each part of a tiltak's "when" as lines of text: the kommune's own
    ``tekst`` exactly as written, then what is generated from the data;
    ``schedule`` is the møteplan expanded (for parts naming a body's meetings)."""
    lines: list[str] = []
    plan = data.handlingsplan
    for part in parts:
        texts: list[str] = [part.tekst] if part.tekst else []
        if part.hele_aaret:
            texts.append(lang.label("hele_aaret"))
        elif part.dato is not None:
            texts.append(lang.date_time(part.dato, part.tid, line_break=True))
        elif part.moter:
            period = plan.periode if plan else None
            texts += [lang.date_time(m.avholdes, m.tidsrom, line_break=True)
                      for m in meetings_of(data, part.moter, schedule)
                      if m.avholdes and (period is None or m.avholdes in period)]
        if part.etikett and len(texts) == 1:
            lines.append(f"{part.etikett}: {texts[0]}")
        else:
            if part.etikett:
                lines.append(f"{part.etikett}:")
            lines.extend(texts)
    return lines


def tiltak_row(number: str, tiltak: Tiltak, data: SltData, lang: Language, *,
               delmaal: tuple[str, str] = ("", ""), first: bool = False,
               schedule: Schedule | None = None) -> TiltakRad:
    """The view of one tiltak; ``delmaal`` is its delmål's number and text."""
    status = lang.label(f"tiltak_status_{tiltak.status.value}") if tiltak.status else ""
    when = tidspunkt_lines(tiltak.tidspunkt, data, lang, schedule)
    tallest = row_lines((tiltak.tittel, *tiltak.punkter, status), tiltak.ansvar,
                        tuple(line for text in when for line in text.split("\n")))
    return TiltakRad(
        nummer=number,
        tittel=tiltak.tittel,
        overskrift=f"{number} {tiltak.tittel}" if number else tiltak.tittel,
        punkter=tiltak.punkter,
        ansvar=tiltak.ansvar,
        ansvar_tekst=", ".join(tiltak.ansvar),
        tidspunkt=tuple(when),
        status=status,
        delmaal_nummer=delmaal[0],
        delmaal_tekst=delmaal[1],
        forste_i_delmaal=first,
        kort=tallest <= SHORT_ROW_LINES,
    )


Row = TypeVar("Row", bound=KeptRow)


def last_kept(rows: tuple[Row, ...]) -> tuple[Row, ...]:
    """The rows, the last but one marked ``med_neste`` when it and the last
    are short (any attrs row with ``kort`` and ``med_neste``: a tiltak, a
    status row)."""
    if len(rows) < 2 or not (rows[-2].kort and rows[-1].kort):
        return rows
    return (*rows[:-2], attrs.evolve(rows[-2], med_neste=True), rows[-1])


def delmaal_text(number: str, delmaal: Delmaal) -> str:
    """"1. Sikre tett samarbeid … (generelt)"."""
    text = f"{number}. {delmaal.tittel}"
    if delmaal.presisering:
        text += f" ({delmaal.presisering})"
    return text


def tiltak_table(data: SltData, lang: Language, labels: Mapping[str, str], *,
                 form: Tabellform | None = None, delmaal: tuple[int, ...] = (),
                 title: str | None = None, schedule: Schedule | None = None) -> TiltakTabellView:
    """The tiltak table of the data's handlingsplan under the document's
    ``labels``; ``delmaal`` picks sub-goals by place (1 = first; empty: all);
    ``schedule`` is the møteplan expanded (expanded once here when a
    tidspunkt names meetings and it is not given)."""
    plan = data.handlingsplan
    assert plan is not None, "the caller checks that the data has a handlingsplan"
    if schedule is None and any(p.moter for _, t in plan.numbered_tiltak() for p in t.tidspunkt):
        schedule = schedule_for(data, schedule)
    form = form or default_form(plan)
    check_form(form, plan)
    numbers = iter(plan.numbered_tiltak())
    rows: list[DelmaalRad] = []
    for index, (d_number, d) in enumerate(zip(plan.delmaal_numbers(), plan.delmaal,
                                              strict=True), start=1):
        text = delmaal_text(d_number, d)
        tiltak_rows = last_kept(tuple(
            tiltak_row(next(numbers)[0], t, data, lang, delmaal=(d_number, text),
                       first=t_index == 0, schedule=schedule)
            for t_index, t in enumerate(d.tiltak)))
        if delmaal and index not in delmaal:
            continue
        rows.append(DelmaalRad(nummer=d_number, tekst=text, tiltak=tiltak_rows))
    if plan.tiltak:
        flat = last_kept(tuple(tiltak_row("", t, data, lang, first=i == 0, schedule=schedule)
                                for i, t in enumerate(plan.tiltak)))
        rows.append(DelmaalRad(nummer="", tekst="", tiltak=flat))
    period = lang.year_range(plan.periode.fra, plan.periode.til)
    heading = title or plan.tiltakstabell.tittel or (
        lang.gettext("Goals and measures {period}").format(period=period))
    columns = tuple(labels[c.value] for c in FORM_COLUMNS[form])
    return TiltakTabellView(
        overskrift=heading,
        hovedmaal=plan.hovedmaal or "",
        form=form.value,
        kolonner=columns,
        har_tidspunkt=any(t.tidspunkt for r in rows for t in r.tiltak),
        delmaal=tuple(rows),
        har_delmaal=bool(plan.delmaal),
        antall_tiltak=sum(len(r.tiltak) for r in rows),
        etterord=blocks(plan.tiltakstabell.etterord),
    )


@frozen(kw_only=True)
class TiltakDokView:
    """Everything the tiltak template shows: the document identity, an
    introduction and the table."""

    dok: DokumentView
    label: dict[str, str]
    innledning: tuple[BlokkView, ...]
    tiltak: TiltakTabellView


def tiltak_document_view(data: SltData, lang: Language, doc: TiltakDokument,
                         form: Tabellform | None = None, *,
                         schedule: Schedule | None = None) -> TiltakDokView:
    """The view of a tiltak table as a document of its own; ``schedule`` as
    for :func:`tiltak_table`."""
    plan = data.handlingsplan
    assert plan is not None, "checked when the data was loaded"
    if form is None and doc.kolonner:
        form = next((f for f, cols in FORM_COLUMNS.items() if cols == doc.kolonner), None)
    labels = labels_for(lang, plan.etiketter, doc.etiketter, kind="tiltak")
    table = tiltak_table(data, lang, labels, form=form, delmaal=doc.delmaal,
                         schedule=schedule)
    period = lang.year_range(plan.periode.fra, plan.periode.til)
    title = doc.tittel or table.overskrift
    dok = document_info(data, lang, labels, kind="tiltak", title=title, period=period,
                        subtitle=plan.tittel)
    return TiltakDokView(dok=dok, label=labels, innledning=blocks(doc.innledning),
                         tiltak=table)
