"""What changed between two versions of a plan, prepared for one language:
the same view feeds the terminal (``slt-docs endringer``, deletions as
``[-…-]`` and insertions as ``{+…+}``) and the Word document
``endringsoversikt`` (deleted words struck through, new ones underlined)."""

from __future__ import annotations

from attrs import frozen

from ..cycle.diff import DelmaalChange, FieldChange, Kind, ListChange, PlanDiff, TiltakChange
from ..cycle.worddiff import Op, Piece
from ..lang import Language
from ..lang.labels import N_
from ..models import SltData, Tidspunkt, Tiltaksstatus
from ..schedule import organ_name
from .common import labels_for
from .document import DokumentView, document_info


@frozen(kw_only=True)
class BitView:
    """A run of text in a changed text: ``endring`` is ``""`` (kept),
    ``"slettet"`` (deleted: struck through) or ``"ny"`` (inserted: underlined)."""

    tekst: str
    endring: str


@frozen(kw_only=True)
class LinjeView:
    """One line of changes: a label ("Tittel", "Ansvar") and its text as
    runs (``biter``); ``tekst`` is the same as plain text."""

    etikett: str
    biter: tuple[BitView, ...]
    tekst: str


@frozen(kw_only=True)
class EndringView:
    """One tiltak or delmål that changed: ``overskrift`` ("1.3 Det
    koordinerande nivå"), ``type`` (``ny``, ``tatt_ut``, ``endret``) and
    ``type_tekst`` ("Nytt tiltak"), and its changed lines."""

    overskrift: str
    type: str
    type_tekst: str
    linjer: tuple[LinjeView, ...]


@frozen(kw_only=True)
class EndringerView:
    """Everything the endringsoversikt shows: the document identity, the
    introduction (``innledning``: from which plan to which), how changes
    are marked (``forklaring``), a summary, the plan's own fields, the
    delmål and the tiltak that changed, and the tiltak that only got new
    numbers (``nye_nummer``). ``kolonner`` heads the tables of changed
    lines ("Kva", "Endring")."""

    dok: DokumentView
    label: dict[str, str]
    kolonner: tuple[str, ...]
    innledning: str
    forklaring: str
    samandrag: str
    ingen_endringer: bool
    plan_overskrift: str
    plan: tuple[LinjeView, ...]
    delmaal_overskrift: str
    delmaal: tuple[EndringView, ...]
    tiltak_overskrift: str
    tiltak: tuple[EndringView, ...]
    nye_nummer_etikett: str
    nye_nummer: str


TITLE = N_("Summary of changes")
INTRO = N_("Changes from «{old}» ({old_period}) to «{new}» ({new_period}).")
LEGEND_DOC = N_("Words struck through are taken out; underlined words are new.")
LEGEND_TEXT = N_("Words taken out are shown as {deleted}, new words as {inserted}.")
SUMMARY = N_("Measures: {removed} taken out, {added} new, {changed} changed, {unchanged} "
             "unchanged.")
NO_CHANGES = N_("The two versions hold the same plan.")
THE_PLAN = N_("The plan")
SUBGOALS = N_("Sub-goals")
MEASURES = N_("Measures")
NEW_MEASURE = N_("New measure")
REMOVED_MEASURE = N_("Measure taken out")
CHANGED_MEASURE = N_("Changed measure")
NEW_SUBGOAL = N_("New sub-goal")
REMOVED_SUBGOAL = N_("Sub-goal taken out")
CHANGED_SUBGOAL = N_("Sub-goal reworded")
MOVED = N_("Moved")
MOVED_TEXT = N_("from sub-goal {old} to sub-goal {new}")
TAKEN_OUT = N_("taken out: {items}")
ADDED = N_("added: {items}")
NEW_NUMBERS = N_("New numbers")
MEETINGS_OF = N_("the meetings of {body}")
WHAT = N_("What")
CHANGE = N_("Change")
FIELD_LABELS = {
    "tittel": N_("Title"),
    "undertittel": N_("Subtitle"),
    "periode": N_("Period"),
    "rullert": N_("Revised for"),
    "tiltakstabell": N_("Heading of the measures table"),
    "punkter": N_("Points"),
}


def _label(lang: Language, key: str) -> str:
    if key in FIELD_LABELS:
        return lang.gettext(FIELD_LABELS[key])
    return lang.label(key)


def describe_tidspunkt(data: SltData, lang: Language) -> object:
    """A function writing a tidspunkt in words as the data has it ("møta i
    Politirådet", "Heile året", "Vår 2022") for comparing two versions: the
    meetings of a body are the same tidspunkt whatever their dates."""

    def describe(part: Tidspunkt) -> str:
        if part.tekst:
            text = part.tekst
        elif part.hele_aaret:
            text = lang.label("hele_aaret")
        elif part.dato is not None:
            text = lang.date_time(part.dato, part.tid)
        elif part.moter:
            text = lang.gettext(MEETINGS_OF).format(body=organ_name(data, part.moter, lang))
        else:
            text = ""
        return f"{part.etikett}: {text}" if part.etikett else text

    return describe


def endringer_view(diff: PlanDiff, data: SltData, lang: Language, *,
                   terminal: bool = False) -> EndringerView:
    """The view of ``diff`` (``data`` is the new version: its kommune and
    language). ``terminal`` explains the marks of the text output."""
    old, new = diff.old, diff.new
    old_period = lang.year_range(old.periode.fra, old.periode.til)
    new_period = lang.year_range(new.periode.fra, new.periode.til)
    title = lang.gettext(TITLE)
    labels = labels_for(lang, new.etiketter, kind="endringsoversikt")
    dok = document_info(data, lang, labels, kind="endringsoversikt", title=title,
                        subtitle=new.tittel, period=new_period)
    counts = {kind: sum(1 for c in diff.tiltak if c.kind is kind) for kind in Kind}
    return EndringerView(
        dok=dok,
        label=labels,
        kolonner=(lang.gettext(WHAT), lang.gettext(CHANGE)),
        innledning=lang.gettext(INTRO).format(old=old.tittel, old_period=old_period,
                                              new=new.tittel, new_period=new_period),
        forklaring=(lang.gettext(LEGEND_TEXT).format(deleted="[-…-]", inserted="{+…+}")
                    if terminal else lang.gettext(LEGEND_DOC)),
        samandrag=lang.gettext(NO_CHANGES) if diff.empty else lang.gettext(SUMMARY).format(
            removed=counts[Kind.removed], added=counts[Kind.added],
            changed=counts[Kind.changed], unchanged=diff.unchanged),
        ingen_endringer=diff.empty,
        plan_overskrift=lang.gettext(THE_PLAN),
        plan=tuple(_field_line(f, lang) for f in diff.fields),
        delmaal_overskrift=lang.gettext(SUBGOALS),
        delmaal=tuple(_delmaal(c, lang) for c in diff.delmaal),
        tiltak_overskrift=lang.gettext(MEASURES),
        tiltak=tuple(_tiltak(c, lang) for c in diff.tiltak),
        nye_nummer_etikett=lang.gettext(NEW_NUMBERS),
        nye_nummer=", ".join(f"{a} → {b}" for a, b in diff.renumbered),
    )


def _bits(pieces: tuple[Piece, ...]) -> tuple[BitView, ...]:
    kinds = {Op.equal: "", Op.delete: "slettet", Op.insert: "ny"}
    return tuple(BitView(tekst=p.text, endring=kinds[p.op]) for p in pieces)


def _line(label: str, pieces: tuple[Piece, ...]) -> LinjeView:
    bits = _bits(pieces)
    return LinjeView(etikett=label, biter=bits, tekst=plain_text(bits))


def _text_line(label: str, text: str) -> LinjeView:
    return _line(label, (Piece(op=Op.equal, text=text),))


def plain_text(bits: tuple[BitView, ...]) -> str:
    """Runs as terminal text: ``[-deleted-]`` and ``{+inserted+}``."""
    marks = {"": ("", ""), "slettet": ("[-", "-]"), "ny": ("{+", "+}")}
    return "".join(f"{marks[b.endring][0]}{b.tekst}{marks[b.endring][1]}" for b in bits)


def _field_line(change: FieldChange, lang: Language) -> LinjeView:
    return _line(_label(lang, change.field), change.text)


def _delmaal(change: DelmaalChange, lang: Language) -> EndringView:
    if change.kind is Kind.added:
        assert change.new is not None and change.new_index is not None
        return EndringView(overskrift=f"{change.new_index + 1}. {change.new.tittel}", type="ny",
                           type_tekst=lang.gettext(NEW_SUBGOAL), linjer=())
    if change.kind is Kind.removed:
        assert change.old is not None and change.old_index is not None
        return EndringView(overskrift=f"{change.old_index + 1}. {change.old.tittel}",
                           type="tatt_ut", type_tekst=lang.gettext(REMOVED_SUBGOAL), linjer=())
    assert change.new is not None and change.new_index is not None
    return EndringView(overskrift=f"{change.new_index + 1}. {change.new.tittel}", type="endret",
                       type_tekst=lang.gettext(CHANGED_SUBGOAL),
                       linjer=(_line(lang.label("delmaal"), change.tittel),))


def _tiltak(change: TiltakChange, lang: Language) -> EndringView:
    if change.kind is Kind.added:
        assert change.new is not None
        return EndringView(overskrift=_heading(change.new_number, change.new.tittel), type="ny",
                           type_tekst=lang.gettext(NEW_MEASURE), linjer=())
    if change.kind is Kind.removed:
        assert change.old is not None
        return EndringView(overskrift=_heading(change.old_number, change.old.tittel),
                           type="tatt_ut", type_tekst=lang.gettext(REMOVED_MEASURE), linjer=())
    assert change.new is not None
    number = change.new_number
    if change.old_number and change.old_number != change.new_number:
        number = f"{change.new_number} ({change.old_number})"
    lines: list[LinjeView] = []
    if change.moved:
        old_d = "" if change.old_delmaal is None else str(change.old_delmaal + 1)
        new_d = "" if change.new_delmaal is None else str(change.new_delmaal + 1)
        lines.append(_text_line(lang.gettext(MOVED),
                                lang.gettext(MOVED_TEXT).format(old=old_d, new=new_d)))
    if change.tittel:
        lines.append(_line(_label(lang, "tittel"), change.tittel))
    for key, value in (("punkter", change.punkter), ("ansvar", change.ansvar),
                       ("tidspunkt", change.tidspunkt)):
        lines += _list_lines(_label(lang, key), value, lang)
    if change.status is not None:
        before, after = change.status
        pieces = (Piece(op=Op.delete, text=_status(before, lang)), Piece(op=Op.equal, text=" "),
                  Piece(op=Op.insert, text=_status(after, lang)))
        # a status set or cleared shows only the status there is
        lines.append(_line(lang.label("status"), pieces[2:] if before is None
                           else pieces[:1] if after is None else pieces))
    return EndringView(overskrift=_heading(number, change.new.tittel), type="endret",
                       type_tekst=lang.gettext(CHANGED_MEASURE), linjer=tuple(lines))


def _heading(number: str | None, title: str) -> str:
    return f"{number} {title}" if number else title


def _status(status: Tiltaksstatus | None, lang: Language) -> str:
    return lang.label(f"tiltak_status_{status.value}") if status is not None else ""


def _list_lines(label: str, change: ListChange, lang: Language) -> list[LinjeView]:
    lines = [_line(label, pieces) for pieces in change.rewritten]
    for items, lead, op in ((change.removed, TAKEN_OUT, Op.delete),
                            (change.added, ADDED, Op.insert)):
        if items:
            lines.append(_line(label, (Piece(op=Op.equal, text=lang.gettext(lead).format(
                items="")), Piece(op=op, text="; ".join(items)))))
    return lines


def endringer_text(view: EndringerView) -> str:
    """The view as plain text for a terminal."""
    out = [view.innledning, view.forklaring, ""]
    if view.plan:
        out.append(view.plan_overskrift)
        out += [f"  {line.etikett}: {line.tekst}" for line in view.plan]
        out.append("")
    for heading, items in ((view.delmaal_overskrift, view.delmaal),
                           (view.tiltak_overskrift, view.tiltak)):
        if items:
            out.append(heading)
            for item in items:
                out.append(f"  {item.type_tekst}: {item.overskrift}")
                out += [f"    {line.etikett}: {line.tekst}" for line in item.linjer]
            out.append("")
    if view.nye_nummer:
        out.append(f"{view.nye_nummer_etikett}: {view.nye_nummer}")
    out.append(view.samandrag)
    return "\n".join(out) + "\n"
