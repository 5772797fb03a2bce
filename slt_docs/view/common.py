"""View pieces shared by every document kind.

A view is the model prepared for one language: every fixed word looked up,
every date formatted, every number derived. Templates only loop, test and
print fields of these objects (see docs/template-fields.md, generated from
these classes). Views are frozen attrs classes of plain strings, lists and
other views, nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs
from attrs import frozen
from babel.lists import format_list

from ..lang import Language
from ..lang.labels import DOCUMENT_NOUNS
from ..models import (
    Blokk,
    Mandat,
    Medlem,
    Moteverksemd,
    Nivaa,
    NivaaType,
    Organ,
    Seksjon,
    Tidsenhet,
)
from ..schedule import name_of


def is_view_class(tp: object) -> bool:
    """True for one of the view classes templates may read (this package's
    attrs classes); the sandbox and the template checker both ask this."""
    return isinstance(tp, type) and attrs.has(tp) and tp.__module__.startswith(__package__)


@frozen(kw_only=True)
class PunktView:
    """One bullet point: ``lead`` is a bold lead-in ("Førebygging: ") or empty."""

    lead: str
    tekst: str


@frozen(kw_only=True)
class LenkeView:
    """A link: its visible text and address."""

    tekst: str
    url: str


@frozen(kw_only=True)
class BlokkView:
    """One block of the kommune's text. Exactly one of ``avsnitt`` (a
    paragraph), ``punkter`` (bullet points), ``kilde`` (a citation) or
    ``lenke`` is set."""

    avsnitt: str = ""
    punkter: tuple[PunktView, ...] = ()
    kilde: str = ""
    lenke: LenkeView | None = None


@frozen(kw_only=True)
class SeksjonView:
    """A titled section of the kommune's text; ``plan`` describes the plan it
    refers to ("Statsforvaltaren i Møre og Romsdal · 2021–2030") or is empty."""

    tittel: str
    blokker: tuple[BlokkView, ...]
    plan: str = ""


@frozen(kw_only=True)
class MandatView:
    """A mandate: its heading word (``etikett``: the body's own
    ``etiketter.mandat`` or "Mandat"), paragraphs and points."""

    etikett: str
    tekst: tuple[str, ...]
    punkter: tuple[str, ...]


@frozen(kw_only=True)
class GruppeView:
    """A group or body shown with its members, mandate and meetings.
    ``overskrift`` is the heading it is shown under (its own ``overskrift``,
    else its name); ``label`` the labels of its block (the document's, with
    the body's own ``etiketter`` on top); ``moteverksemd`` is empty when the
    level's list of meeting arenas already says it."""

    overskrift: str
    navn: str
    label: dict[str, str]
    beskrivelse: tuple[BlokkView, ...]
    deltakere: tuple[str, ...]
    storrelse: str
    mandat: MandatView | None
    moteverksemd: str


def blocks(items: Iterable[Blokk]) -> tuple[BlokkView, ...]:
    """The view of the kommune's text blocks."""
    out = []
    for b in items:
        if b.avsnitt is not None:
            out.append(BlokkView(avsnitt=b.avsnitt))
        elif b.punkter:
            out.append(BlokkView(punkter=tuple(
                PunktView(lead=f"{p.tittel}: " if p.tittel else "", tekst=p.tekst)
                for p in b.punkter)))
        elif b.kilde is not None:
            out.append(BlokkView(kilde=b.kilde))
        elif b.lenke is not None:
            out.append(BlokkView(lenke=LenkeView(tekst=b.lenke.tekst or b.lenke.url,
                                                 url=b.lenke.url)))
    return tuple(out)


def sections(items: Iterable[Seksjon], lang: Language) -> tuple[SeksjonView, ...]:
    """The view of titled sections, with a line about the plan each refers to."""
    out = []
    for s in items:
        plan = ""
        if s.plan is not None:
            parts = [s.plan.eier or ""]
            if s.plan.periode is not None:
                parts.append(lang.year_range(s.plan.periode.fra, s.plan.periode.til))
            plan = " · ".join(p for p in parts if p)
        out.append(SeksjonView(tittel=s.tittel or "", blokker=blocks(s.innhold), plan=plan))
    return tuple(out)


def capitalize(text: str) -> str:
    """``"fire møte"`` → ``"Fire møte"`` (only the first letter)."""
    return text[:1].upper() + text[1:]


def join_words(items: Iterable[str], lang: Language) -> str:
    """``a, b og c`` in the language's list style (Babel/CLDR)."""
    items = [i for i in items if i]
    if not items:
        return ""
    return format_list(items, locale=lang.locale)


def member_text(member: Medlem) -> str:
    """``Representant, NAV (merknad)`` — role, unit, note and name as given."""
    text = member.rolle
    if member.enhet:
        text += f", {member.enhet}"
    if member.navn:
        text += f" ({member.navn})"
    if member.merknad:
        text += f" ({member.merknad})"
    return text


def labels_for(lang: Language, *own: Mapping[str, str], kind: str = "") -> dict[str, str]:
    """The labels a document (or a body's block in it) prints: ours in
    ``lang``, then each of the kommune's own ``etiketter`` on top, the last
    winning. ``kind`` makes «vedtatt» agree with the document."""
    labels = dict(lang.labels)
    if kind in DOCUMENT_NOUNS:
        labels["vedtatt"] = lang.adopted(kind)
    for mapping in own:
        labels.update(mapping)
    return labels


def body_labels(organ: Organ, labels: Mapping[str, str]) -> dict[str, str]:
    """The labels of ``organ``'s block: the document's with its own on top."""
    return {**labels, **organ.etiketter} if organ.etiketter else dict(labels)


def mandate_view(mandat: Mandat | None, labels: Mapping[str, str]) -> MandatView | None:
    """The view of a mandate under its heading word ``labels["mandat"]``, or
    ``None``."""
    if mandat is None or not (mandat.tekst or mandat.punkter):
        return None
    return MandatView(etikett=labels["mandat"], tekst=mandat.tekst, punkter=mandat.punkter)


def _meetings_per(unit: Tidsenhet, n: int, lang: Language) -> str:
    if unit is Tidsenhet.halvaar:
        return lang.ngettext("{count} meeting every half-year",
                             "{count} meetings every half-year", n)
    if unit is Tidsenhet.maaned:
        return lang.ngettext("{count} meeting a month", "{count} meetings a month", n)
    if unit is Tidsenhet.uke:
        return lang.ngettext("{count} meeting a week", "{count} meetings a week", n)
    return lang.ngettext("{count} meeting a year", "{count} meetings a year", n)


def frequency_text(freq: Moteverksemd | None, lang: Language) -> str:
    """How often a body meets, in words: "fire møte i året à to timar (årets
    siste møte er på fire timar)", "minst ett møte i halvåret", "møter ved
    behov og minst seks møter i året". The kommune's own ``tekst`` is
    returned as written. Empty when unknown."""
    if freq is None:
        return ""
    if freq.tekst:
        return freq.tekst
    text = ""
    if freq.antall is not None:
        count = lang.number_word(freq.antall, neuter=True)
        text = _meetings_per(freq.per, freq.antall, lang).format(count=count)
        if freq.minst:
            text = lang.gettext("at least {meetings}").format(meetings=text)
        elif freq.omtrent:
            text = lang.gettext("about {meetings}").format(meetings=text)
    if freq.ved_behov:
        text = (lang.gettext("meetings as needed and {meetings}").format(meetings=text) if text
                else lang.gettext("meetings as needed"))
    if freq.timer is not None and text:
        text = lang.gettext("{meetings} of {hours} each").format(
            meetings=text, hours=lang.hours(freq.timer))
    if freq.siste_moete_timer is not None and text:
        text += " " + lang.gettext("(the last meeting of the year lasts {hours})").format(
            hours=lang.hours(freq.siste_moete_timer))
    if freq.merknad:
        text = f"{text}. {freq.merknad}" if text else freq.merknad
    return text


def frequency_line(freq: Moteverksemd | None, lang: Language) -> str:
    """How often a body meets as a line of its own: the kommune's ``tekst`` as
    written, else the generated words with a capital first letter."""
    if freq is not None and freq.tekst:
        return freq.tekst
    return capitalize(frequency_text(freq, lang))


def level_name(kind: NivaaType, lang: Language) -> str:
    """"Styrande nivå" / "Styrende nivå" for a level kind."""
    return lang.label(kind.value)


def organ_name(organ: Organ, lang: Language) -> str:
    """A body's own name, or for an unnamed level the name of its kind."""
    return name_of(organ, lang)


def definite_name(organ: Organ, lang: Language) -> str:
    """A body's name for running text: its own ``bestemt_form``, else its name
    made definite by the language's rules («Koordineringsgruppa»), or for an
    unnamed level «Det utførande nivået»."""
    if organ.bestemt_form:
        return organ.bestemt_form
    if not organ.navn and isinstance(organ, Nivaa):
        return lang.definite_level(organ.type.value)
    return lang.definite(organ_name(organ, lang))


def size_text(organ: Organ, lang: Language) -> str:
    """"om lag 20 deltakarar" when the body's usual size is known, else empty."""
    if organ.storrelse is None:
        return ""
    return lang.ngettext("about {count} participant", "about {count} participants",
                         organ.storrelse).format(count=lang.number(organ.storrelse))


def group_view(organ: Organ, lang: Language, labels: Mapping[str, str], *,
               frequency: bool = True) -> GruppeView:
    """The view of a group or body with members, mandate and meetings, under
    the document's ``labels``; ``frequency=False`` leaves its meeting
    frequency out (said already where it is listed as a meeting arena)."""
    beskrivelse = getattr(organ, "beskrivelse", ())
    own = body_labels(organ, labels)
    name = organ_name(organ, lang)
    return GruppeView(
        overskrift=organ.overskrift or name,
        navn=name,
        label=own,
        beskrivelse=blocks(beskrivelse),
        deltakere=tuple(member_text(m) for m in organ.deltakere),
        storrelse=size_text(organ, lang),
        mandat=mandate_view(organ.mandat, own),
        moteverksemd=frequency_line(organ.moteverksemd, lang) if frequency else "",
    )
