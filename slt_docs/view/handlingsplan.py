"""The handlingsplan prepared for one language."""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from ..aarshjul import alt_text
from ..cycle.chart import status_label
from ..cycle.status import summary_year, year_status
from ..lang import Language
from ..models import Motestatus, Nivaa, SltData, Tilbakeblikk
from ..schedule import MOVED_FROM, MOVED_FROM_BECAUSE, Schedule
from .common import (
    BlokkView,
    GruppeView,
    MandatView,
    PunktView,
    SeksjonView,
    blocks,
    body_labels,
    capitalize,
    definite_name,
    frequency_line,
    frequency_text,
    group_view,
    join_words,
    labels_for,
    level_name,
    mandate_view,
    member_text,
    organ_name,
    sections,
    size_text,
)
from .document import DokumentView, document_info
from .meetings import schedule_for
from .statusrapport import StatusOversiktView, status_summary
from .tiltak import Tabellform, TiltakTabellView, tiltak_table


@frozen(kw_only=True)
class StrategiView:
    """A level's strategy goals: heading and points with bold lead-ins."""

    tittel: str
    punkter: tuple[PunktView, ...]


@frozen(kw_only=True)
class NivaaView:
    """One SLT level. ``overskrift`` is the level's own heading or "Styrande
    nivå – Politirådet i Aukra"; ``label`` the labels of its block (the
    document's with the level's own ``etiketter`` on top); ``moteverksemd`` the
    meeting frequency in words (empty when the plan gathers it in one
    section); ``budsjett`` the sentence on the budget it decides over;
    ``moteplasser`` its meeting arenas as lines (shown under
    ``label.moteverksemd``)."""

    overskrift: str
    type: str
    navn: str
    label: dict[str, str]
    forutsetning: str
    moteverksemd: str
    deltakere: tuple[str, ...]
    storrelse: str
    mandat: MandatView | None
    beslutningsmyndighet: tuple[str, ...]
    budsjett: str
    strategimaal: StrategiView | None
    grupper: tuple[GruppeView, ...]
    moteplasser: tuple[str, ...]


@frozen(kw_only=True)
class ArbeidsgruppeView:
    """A working group: name, what kind, its note and mandate."""

    navn: str
    merknad: str
    mandat: MandatView | None


@frozen(kw_only=True)
class KoordinatorView:
    """The coordinator's role and tasks."""

    tittel: str
    rolle: tuple[BlokkView, ...]
    oppgaver: tuple[str, ...]


@frozen(kw_only=True)
class OrganiseringView:
    """The organisation as the plan shows it. ``moetefrekvens`` holds one
    sentence per level ("Koordineringsgruppa har møte ved behov og minst seks
    møte i året.") when the plan gathers the meeting frequency in one
    section, else nothing."""

    innledning: tuple[BlokkView, ...]
    nivaa: tuple[NivaaView, ...]
    om_arbeidsgrupper: tuple[BlokkView, ...]
    arbeidsgrupper: tuple[ArbeidsgruppeView, ...]
    koordinator: KoordinatorView | None
    moetefrekvens: tuple[str, ...]
    informasjonsutveksling: tuple[BlokkView, ...]


@frozen(kw_only=True)
class TbMoeteView:
    """A meeting looked back on: its heading and its topics."""

    tittel: str
    tema: tuple[str, ...]


@frozen(kw_only=True)
class SeminarView:
    """A seminar looked back on."""

    tittel: str
    punkter: tuple[str, ...]
    kostnader: tuple[str, ...]
    finansiering: str


@frozen(kw_only=True)
class SoknadView:
    """One grant application as a table row."""

    soker: str
    giver: str
    formaal: str
    sokt: str
    utfall: str
    merknad: str


@frozen(kw_only=True)
class TbStatusView:
    """How many of last year's tiltak ended in one status (``status``:
    "Gjennomført"; ``antall``) and which."""

    status: str
    antall: str
    tiltak: tuple[str, ...]


@frozen(kw_only=True)
class TilbakeblikkView:
    """The look back on last year: its heading (own or "Tilbakeblikk på
    2021"), the meetings (each under its own heading), seminar, sections,
    working groups and grant applications; ``status`` is how last year's
    tiltak ended (heading ``status_overskrift``)."""

    overskrift: str
    innledning: tuple[BlokkView, ...]
    moter: tuple[TbMoeteView, ...]
    seminar: SeminarView | None
    seksjoner: tuple[SeksjonView, ...]
    arbeidsgrupper: tuple[str, ...]
    soknader: tuple[SoknadView, ...]
    status_overskrift: str
    status: tuple[TbStatusView, ...]


@frozen(kw_only=True)
class HandlingsplanView:
    """Everything the handlingsplan template shows. ``aarshjul`` is the alt
    text of the year wheel (the picture is ``bilde.aarshjul``), empty when the
    plan shows none. ``statusoversikt`` is the summary of the latest status
    file in the plan's period, for the follow-up section (its chart is
    ``bilde.statusdiagram``); ``None`` without one."""

    dok: DokumentView
    label: dict[str, str]
    visjon: str
    bakgrunn: tuple[SeksjonView, ...]
    maal: tuple[BlokkView, ...]
    maal_for_perioden: tuple[BlokkView, ...]
    maalgruppe: tuple[BlokkView, ...]
    organisering: OrganiseringView
    tilbakeblikk: TilbakeblikkView | None
    tiltak: TiltakTabellView
    oppfolging: tuple[BlokkView, ...]
    statusoversikt: StatusOversiktView | None
    aarshjul: str


def level_view(nivaa: Nivaa, data: SltData, lang: Language, labels: Mapping[str, str], *,
               frequency: bool = True) -> NivaaView:
    """The view of one level under the document's ``labels``; ``frequency=False``
    leaves its meeting frequency to the plan's own section."""
    own = body_labels(nivaa, labels)
    kind = level_name(nivaa.type, lang)
    heading = nivaa.overskrift or (f"{kind} – {nivaa.navn}" if nivaa.navn else kind)
    strategy = None
    if nivaa.strategimaal and nivaa.strategimaal.punkter:
        s = nivaa.strategimaal
        title = s.tittel or own["strategimaal"]
        if s.utarbeidet:
            title = lang.gettext("{title}, prepared {date}").format(title=title,
                                                                     date=s.utarbeidet)
        strategy = StrategiView(tittel=title, punkter=tuple(
            PunktView(lead=f"{p.tittel}: ", tekst=p.tekst) for p in s.punkter))
    budget = ""
    if nivaa.budsjettramme is not None:
        budget = lang.gettext(
            "May decide on the use of funds within a yearly budget of {amount}."
        ).format(amount=lang.amount(nivaa.budsjettramme))
    arenas = []
    described: set[int] = set()
    for plass in nivaa.moteplasser:
        organ = data.organisasjon.finn(plass.organ) if plass.organ else None
        if organ is not None:
            described.add(id(organ))
        if plass.tekst:
            arenas.append(plass.tekst)
            continue
        freq = plass.moteverksemd or (organ.moteverksemd if organ else None)
        name = f"«{organ_name(organ, lang)}»" if organ else ""
        if freq is not None and freq.tekst:
            arenas.append(f"{name}: {freq.tekst}")
        elif how := frequency_text(freq, lang):
            arenas.append(lang.gettext("{arena} with {frequency}").format(arena=name,
                                                                          frequency=how))
        else:
            arenas.append(name)
    return NivaaView(
        overskrift=heading,
        type=nivaa.type.value,
        navn=organ_name(nivaa, lang),
        label=own,
        forutsetning=nivaa.forutsetning or "",
        moteverksemd=frequency_line(nivaa.moteverksemd, lang) if frequency else "",
        deltakere=tuple(member_text(m) for m in nivaa.deltakere),
        storrelse=size_text(nivaa, lang),
        mandat=mandate_view(nivaa.mandat, own),
        beslutningsmyndighet=nivaa.beslutningsmyndighet,
        budsjett=budget,
        strategimaal=strategy,
        grupper=tuple(group_view(g, lang, labels, frequency=id(g) not in described)
                      for g in nivaa.grupper),
        moteplasser=tuple(arenas),
    )


def frequency_sentences(data: SltData, lang: Language) -> tuple[str, ...]:
    """One sentence per level on how often it meets: "Koordineringsgruppa har
    møte ved behov og minst seks møte i året." (the body's definite name), or
    the level's own ``moteverksemd.tekst`` as written."""
    out = []
    for nivaa in data.organisasjon.nivaa:
        freq = nivaa.moteverksemd
        if freq is not None and freq.tekst:
            out.append(freq.tekst)
        elif text := frequency_text(freq, lang):
            out.append(lang.gettext("{body} has {frequency}.").format(
                body=capitalize(definite_name(nivaa, lang)), frequency=text))
    return tuple(out)


def organisation_view(data: SltData, lang: Language, labels: Mapping[str, str], *,
                      gathered: bool = False) -> OrganiseringView:
    """The view of the organisation (levels, working groups, coordinator);
    ``gathered``: the levels' meeting frequency in one section."""
    org = data.organisasjon
    groups = tuple(
        ArbeidsgruppeView(navn=g.navn or g.id or "", merknad=g.merknad or "",
                          mandat=mandate_view(g.mandat, body_labels(g, labels)))
        for g in org.arbeidsgrupper)
    coordinator = None
    if org.koordinator is not None:
        k = org.koordinator
        coordinator = KoordinatorView(tittel=k.tittel, rolle=blocks(k.rolle), oppgaver=k.oppgaver)
    return OrganiseringView(
        innledning=blocks(org.innledning),
        nivaa=tuple(level_view(n, data, lang, labels, frequency=not gathered)
                    for n in org.nivaa),
        om_arbeidsgrupper=blocks(org.om_arbeidsgrupper),
        arbeidsgrupper=groups,
        koordinator=coordinator,
        moetefrekvens=frequency_sentences(data, lang) if gathered else (),
        informasjonsutveksling=blocks(org.informasjonsutveksling),
    )


def look_back_view(tb: Tilbakeblikk, data: SltData, lang: Language,
                   labels: Mapping[str, str]) -> TilbakeblikkView:
    """The view of the look back on last year."""
    meetings = []
    counts: dict[int, int] = {}
    for m in tb.moter:
        organ = data.organisasjon.finn(m.organ)
        body = definite_name(organ, lang) if organ else m.organ
        held = m.status in (Motestatus.planlagt, Motestatus.flyttet)
        if held:
            key = id(organ)
            counts[key] = counts.get(key, 0) + 1
            title = m.tittel or lang.gettext("{ordinal} meeting of {body}").format(
                ordinal=capitalize(lang.ordinal_word(counts[key])), body=body)
        else:
            title = m.tittel or capitalize(body)
        if m.merknad:
            title += f" ({m.merknad})"
        if m.dato:
            title += f", {lang.date(m.dato, weekday=False)}"
        title += _meeting_change(m, lang)
        meetings.append(TbMoeteView(tittel=title, tema=m.tema))
    seminar = None
    if tb.seminar is not None:
        s = tb.seminar
        points = []
        if s.deltakere is not None:
            points.append(lang.ngettext("{count} participant", "{count} participants",
                                        s.deltakere).format(count=lang.number(s.deltakere)))
        points.extend(s.punkter)
        costs = tuple(f"{c.tekst}: {lang.amount(c.belop)}" if c.belop is not None else c.tekst
                      for c in s.kostnader)
        title = s.tittel or labels["seminar"]
        if s.dato:
            title += f", {lang.date(s.dato, weekday=False)}"
        seminar = SeminarView(tittel=title, punkter=tuple(points), kostnader=costs,
                              finansiering=s.finansiering or "")
    applications = []
    for a in tb.soknader:
        outcome = lang.label(f"utfall_{a.utfall.value}")
        if a.belop_innvilget is not None:
            outcome += f" {lang.amount(a.belop_innvilget)}"
        if a.svar:
            outcome += f" ({a.svar})"
        applications.append(SoknadView(
            soker=join_words(a.soker, lang), giver=a.giver, formaal=a.formaal,
            sokt=lang.amount(a.belop_sokt) if a.belop_sokt is not None else "",
            utfall=outcome, merknad=a.merknad or ""))
    return TilbakeblikkView(
        overskrift=tb.overskrift or lang.gettext("Looking back on {year}").format(year=tb.aar),
        innledning=blocks(tb.innledning),
        moter=tuple(meetings),
        seminar=seminar,
        seksjoner=sections(tb.seksjoner, lang),
        arbeidsgrupper=tb.arbeidsgrupper,
        soknader=tuple(applications),
        status_overskrift=lang.gettext("The measures of {year}").format(year=tb.aar),
        status=tuple(TbStatusView(status=status_label(s.status, lang),
                                  antall=lang.number(len(s.tiltak)), tiltak=s.tiltak)
                     for s in tb.tiltaksstatus),
    )


def _meeting_change(m: object, lang: Language) -> str:
    """" (flytta frå 9. februar: sjukdom)", " – avlyst (sjukdom)"."""
    status = getattr(m, "status", Motestatus.planlagt)
    reason = getattr(m, "aarsak", None)
    if status is Motestatus.flyttet and getattr(m, "planlagt_dato", None) is not None:
        date = lang.date(m.planlagt_dato, weekday=False)  # type: ignore[attr-defined]
        text = (lang.gettext(MOVED_FROM_BECAUSE).format(date=date, reason=reason) if reason
                else lang.gettext(MOVED_FROM).format(date=date))
        return f" ({text[0].lower()}{text[1:]})"
    if status in (Motestatus.avlyst, Motestatus.utsatt):
        text = lang.label(f"status_{status.value}")
        if reason:
            text += " " + lang.gettext("because of {reason}").format(reason=reason)
        return f" – {text}"
    return ""


def handlingsplan_view(data: SltData, lang: Language, *, form: Tabellform | None = None,
                       schedule: Schedule | None = None) -> HandlingsplanView:
    """The view of the data's handlingsplan in ``lang``; ``schedule`` is the
    møteplan expanded (:class:`slt_docs.prepared.Prepared`), expanded once
    here when needed and not given."""
    plan = data.handlingsplan
    assert plan is not None, "the caller checks that the data has a handlingsplan"
    wheel = _shows_wheel(data)
    if wheel:
        schedule = schedule_for(data, schedule)
    period = lang.year_range(plan.periode.fra, plan.periode.til)
    if plan.rullert is not None:
        period = lang.gettext("{period}, revised for {year}").format(period=period,
                                                                      year=plan.rullert)
    year = summary_year(data)
    labels = labels_for(lang, plan.etiketter, kind="handlingsplan")
    dok = document_info(data, lang, labels, kind="handlingsplan", title=plan.tittel,
                        subtitle=plan.undertittel or "", period=period, adopted=plan.vedtatt)
    return HandlingsplanView(
        dok=dok,
        label=labels,
        visjon=plan.visjon or "",
        bakgrunn=sections(plan.bakgrunn, lang),
        maal=blocks(plan.maal),
        maal_for_perioden=blocks(plan.maal_for_perioden),
        maalgruppe=blocks(plan.maalgruppe),
        organisering=organisation_view(data, lang, labels, gathered=plan.samlet_moetefrekvens),
        tilbakeblikk=(look_back_view(plan.tilbakeblikk, data, lang, labels)
                      if plan.tilbakeblikk else None),
        tiltak=tiltak_table(data, lang, labels, form=form, schedule=schedule),
        oppfolging=blocks(plan.oppfolging),
        statusoversikt=(status_summary(year_status(data, year), data, lang, labels)
                        if year is not None else None),
        aarshjul=alt_text(data, lang, schedule=schedule) if wheel else "",
    )


def _shows_wheel(data: SltData) -> bool:
    plan, mp = data.handlingsplan, data.moteplan
    return bool(plan and plan.aarshjul and mp is not None
                and plan.periode.fra <= mp.aar <= plan.periode.til)
