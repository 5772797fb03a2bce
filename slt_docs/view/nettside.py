"""The kommune's SLT web page prepared for one language.

The page is made from the data every document shares — the levels with
their size, frequency and mandate, the coordinator and the tasks, the
meeting forums with their standing rule, the next meetings of the møteplan
from a given day, the contacts by role — and from the page's own part of
the data (:class:`~slt_docs.models.Nettside`: title, introduction, the
kommune's own sections and headings, its documents). Every text is
finished here; the HTML template only prints, tests and loops.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath

from attrs import frozen

from ..contrast import contrast
from ..lang import Language
from ..lang.labels import N_
from ..models import (
    Kontakt,
    Kontaktrolle,
    Moteforum,
    Nettside,
    Nettsidedel,
    NettsideSeksjon,
    SltData,
)
from ..profile import ProfileLook
from ..schedule import KonkretMoete, Schedule, describe_rule, expand, organ_name
from .common import BlokkView, LenkeView, blocks, capitalize, frequency_text, labels_for
from .document import DokumentView, document_info
from .handlingsplan import NivaaView, level_view
from .moteplan import MoteRad

DEFAULT_ACCENT = "1F3864"
"""The accent colour of our own templates (headings, table heads)."""
DEFAULT_FONTS = ("Calibri", "Carlito")
"""Our templates' font, then its metric twin that Linux machines have."""
MIN_CONTRAST = 4.5
"""WCAG 2.1 AA contrast for normal text (1.4.3): the accent colour is darkened
until it reaches this against white."""
_SERIF = {"cambria", "caladea", "georgia", "times new roman", "times", "garamond",
          "book antiqua", "palatino linotype", "palatino", "liberation serif",
          "dejavu serif", "constantia", "century schoolbook", "baskerville", "minion pro"}
_FONT_NAME = re.compile(r"[^0-9A-Za-zÀ-ÿ \-]")


@frozen(kw_only=True)
class StilView:
    """The page's look as CSS values: ``aksent`` (``#1F3864``; darkened when
    needed so that text in it has 4.5:1 contrast on white), ``aksent_lys``
    (a light tint of it for bands and table heads) and the font families of
    headings and body text (``"Cambria", Caladea, serif``)."""

    aksent: str
    aksent_lys: str
    overskriftsfont: str
    brodfont: str


@frozen(kw_only=True)
class DelLenke:
    """One entry of the page's list of contents: the part's ``id`` (the
    anchor) and its heading."""

    id: str
    overskrift: str


@frozen(kw_only=True)
class SideSeksjonView:
    """One of the kommune's own sections: an ``id`` to link to, its heading
    (may be empty) and its text."""

    id: str
    tittel: str
    blokker: tuple[BlokkView, ...]


@frozen(kw_only=True)
class SideNivaaView:
    """One level on the page: the level as the plan shows it (``nivaa``:
    heading, frequency, size, participants, mandate, groups …), the
    kommune's own words about it (``beskrivelse``) and who chairs it
    (``leder``)."""

    nivaa: NivaaView
    beskrivelse: tuple[BlokkView, ...]
    leder: str


@frozen(kw_only=True)
class OrganiseringDel:
    """The organisation part: heading, the organisation's introduction, the
    levels and the kommune's sections placed here."""

    id: str
    overskrift: str
    innledning: tuple[BlokkView, ...]
    nivaa: tuple[SideNivaaView, ...]
    seksjoner: tuple[SideSeksjonView, ...]


@frozen(kw_only=True)
class KoordinatorDel:
    """The coordinator part: heading, the text about the role, the
    kommune's sections placed here, then the tasks under their heading."""

    id: str
    overskrift: str
    rolle: tuple[BlokkView, ...]
    seksjoner: tuple[SideSeksjonView, ...]
    oppgaver_overskrift: str
    oppgaver: tuple[str, ...]


@frozen(kw_only=True)
class ForumView:
    """A meeting forum: its name, its standing rule in words ("Siste fredag
    i månaden kl. 08.00–09.00"; empty when it has none), its usual time when
    it has no rule ("Kl. 08.30–11.00"), place, frequency and the kommune's
    text about it."""

    navn: str
    fast_tid: str
    tid: str
    sted: str
    moteverksemd: str
    beskrivelse: tuple[BlokkView, ...]


@frozen(kw_only=True)
class MoteforumDel:
    """The meeting forums part."""

    id: str
    overskrift: str
    forum: tuple[ForumView, ...]
    seksjoner: tuple[SideSeksjonView, ...]


@frozen(kw_only=True)
class FilView:
    """A file written beside the page: the link's text, which names the
    document and its format ("Møteplan for SLT-arbeidet, 2021
    (Word-dokument)"), and its address relative to the page."""

    tekst: str
    href: str


@frozen(kw_only=True)
class MoterDel:
    """The next meetings: heading, the table's caption ("Møter fra og med
    1. mai 2021"), the rows, the sentence shown when no meeting is left
    (``ingen``, else empty), a link to the calendar file (or none) and the
    kommune's sections placed here."""

    id: str
    overskrift: str
    tabelltekst: str
    moter: tuple[MoteRad, ...]
    ingen: str
    kalender: FilView | None
    seksjoner: tuple[SideSeksjonView, ...]


@frozen(kw_only=True)
class DokumentgruppeView:
    """A group of the kommune's documents: heading and links."""

    tittel: str
    lenker: tuple[LenkeView, ...]


@frozen(kw_only=True)
class DokumenterDel:
    """The documents part: the files made from the data (with their own
    heading), the kommune's own document groups and sections placed here."""

    id: str
    overskrift: str
    filer_overskrift: str
    filer: tuple[FilView, ...]
    grupper: tuple[DokumentgruppeView, ...]
    seksjoner: tuple[SideSeksjonView, ...]


@frozen(kw_only=True)
class KontaktView:
    """A contact by role: ``overskrift`` is the role ("SLT-koordinator") or,
    for another role, the contact's title; ``tittel`` the title when it says
    more than the role; e-mail and phone with their link addresses
    (``mailto:``, ``tel:``); ``merknad`` a note."""

    overskrift: str
    tittel: str
    navn: str
    epost: str
    epost_url: str
    telefon: str
    telefon_url: str
    merknad: str


@frozen(kw_only=True)
class KontaktDel:
    """The contacts part."""

    id: str
    overskrift: str
    kontakter: tuple[KontaktView, ...]
    seksjoner: tuple[SideSeksjonView, ...]


@frozen(kw_only=True)
class NettsideView:
    """Everything the web page template shows. ``fragment`` asks for the
    page's content only (no ``<html>``/``<head>``, for pasting into the
    kommune's publishing system); ``tittel`` is the page's heading,
    ``innhold`` the list of contents, and each part is empty (``None``) when
    the data has nothing for it. ``logo`` is the kommune's logo as a
    ``data:`` address (the page needs no other file) or empty."""

    dok: DokumentView
    label: dict[str, str]
    fragment: bool
    stil: StilView
    tittel: str
    sidetittel: str
    logo: str
    innledning: tuple[BlokkView, ...]
    seksjoner: tuple[SideSeksjonView, ...]
    innhold: tuple[DelLenke, ...]
    organisering: OrganiseringDel | None
    koordinator: KoordinatorDel | None
    moteforum: MoteforumDel | None
    moter: MoterDel | None
    dokumenter: DokumenterDel | None
    kontakt: KontaktDel | None
    laget: str


# -- colours and fonts ------------------------------------------------------------

def readable_accent(hex_colour: str) -> str:
    """``hex_colour`` darkened in small steps until text in it reaches
    :data:`MIN_CONTRAST` on white (unchanged when it already does)."""
    colour = hex_colour.upper()
    r, g, b = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    while contrast(colour, "FFFFFF") < MIN_CONTRAST:
        r, g, b = (int(c * 0.92) for c in (r, g, b))
        colour = f"{r:02X}{g:02X}{b:02X}"
    return colour


def _tint(hex_colour: str, amount: float) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in (r, g, b))


def font_stack(name: str | None, fallbacks: Sequence[str] = ()) -> str:
    """A CSS font family list: the profile's font (quoted, stripped of
    anything but letters, digits, spaces and hyphens), our fallbacks and the
    generic family (serif for known serif fonts, else sans-serif)."""
    names = [_FONT_NAME.sub("", n).strip() for n in (name, *fallbacks) if n]
    names = list(dict.fromkeys(n for n in names if n))
    generic = "serif" if names and names[0].casefold() in _SERIF else "sans-serif"
    return ", ".join([*(f'"{n}"' for n in names), generic])


def style_view(look: ProfileLook | None) -> StilView:
    """The page's colours and fonts: the profile's where it gives them, else ours."""
    accent = look.aksent if look and look.aksent and re.fullmatch(
        r"[0-9A-Fa-f]{6}", look.aksent) else DEFAULT_ACCENT
    accent = readable_accent(accent)
    body = look.brodfont if look and look.brodfont else None
    heading = look.overskriftsfont if look and look.overskriftsfont else body
    return StilView(
        aksent=f"#{accent}",
        aksent_lys=f"#{_tint(accent, 0.9)}",
        overskriftsfont=font_stack(heading, () if heading else DEFAULT_FONTS),
        brodfont=font_stack(body, () if body else DEFAULT_FONTS),
    )


# -- the parts ----------------------------------------------------------------------

def _sections(page: Nettside | None, part: Nettsidedel) -> tuple[SideSeksjonView, ...]:
    if page is None:
        return ()
    found = [s for s in page.seksjoner if s.plass is part]
    return tuple(_section(s, f"slt-{part.value}-{i}") for i, s in enumerate(found, start=1))


def _section(section: NettsideSeksjon, anchor: str) -> SideSeksjonView:
    return SideSeksjonView(id=anchor, tittel=section.tittel or "", blokker=blocks(section.innhold))


def _organisation(data: SltData, lang: Language, page: Nettside | None,
                  labels: Mapping[str, str]) -> OrganiseringDel | None:
    org = data.organisasjon
    placed = _sections(page, Nettsidedel.organisering)
    if not (org.nivaa or org.innledning or placed):
        return None
    levels = tuple(SideNivaaView(nivaa=level_view(n, data, lang, labels),
                                 beskrivelse=blocks(n.beskrivelse), leder=n.leder or "")
                   for n in org.nivaa)
    return OrganiseringDel(id="slt-organisering",
                           overskrift=labels["organisering"],
                           innledning=blocks(org.innledning), nivaa=levels, seksjoner=placed)


def _coordinator(data: SltData, page: Nettside | None,
                 labels: Mapping[str, str]) -> KoordinatorDel | None:
    coordinator = data.organisasjon.koordinator
    placed = _sections(page, Nettsidedel.koordinator)
    if coordinator is None and not placed:
        return None
    return KoordinatorDel(
        id="slt-koordinator",
        overskrift=(page.etiketter.get("koordinator") if page else None) or (
            coordinator.tittel if coordinator else labels["koordinator"]),
        rolle=blocks(coordinator.rolle) if coordinator else (),
        seksjoner=placed,
        oppgaver_overskrift=labels["oppgaver"],
        oppgaver=coordinator.oppgaver if coordinator else (),
    )


def _forum(forum: Moteforum, lang: Language) -> ForumView:
    rule = capitalize(describe_rule(forum.fast_tid, forum.tid, lang)) if forum.fast_tid else ""
    time = capitalize(lang.time_range(forum.tid)) if forum.tid and not rule else ""
    return ForumView(navn=forum.navn or forum.id or "", fast_tid=rule, tid=time,
                     sted=forum.sted or "",
                     moteverksemd=capitalize(frequency_text(forum.moteverksemd, lang)),
                     beskrivelse=blocks(forum.beskrivelse))


def _forums(data: SltData, lang: Language, page: Nettside | None,
            labels: Mapping[str, str]) -> MoteforumDel | None:
    placed = _sections(page, Nettsidedel.moteforum)
    forums = data.organisasjon.moteforum
    if not (forums or placed):
        return None
    return MoteforumDel(id="slt-moteforum",
                        overskrift=labels["moteforum"],
                        forum=tuple(_forum(f, lang) for f in forums), seksjoner=placed)


def _meeting_row(m: KonkretMoete, data: SltData, lang: Language) -> MoteRad:
    day = m.avholdes or m.dato
    joint = ", ".join(organ_name(data, o, lang) for o in m.sammen_med)
    theme = "; ".join(x for x in (m.tittel, m.tema) if x)
    return MoteRad(dato=lang.date(day),
                   tid=lang.time_range(m.tidsrom, prefix=False) if m.tidsrom else "",
                   organ=f"{organ_name(data, m.organ, lang)}{' + ' + joint if joint else ''}",
                   sted=m.sted or "", tema=theme)


def next_meetings(data: SltData, day: dt.date, count: int,
                  schedule: Schedule | None = None) -> tuple[KonkretMoete, ...]:
    """The first ``count`` meetings of the møteplan that take place on or
    after ``day`` (cancelled ones and ones postponed without a date left out);
    ``schedule`` is the møteplan expanded (expanded here when not given)."""
    if data.moteplan is None:
        return ()
    if schedule is None:
        schedule = expand(data)
    held = [m for m in schedule.held() if m.avholdes is not None and m.avholdes >= day]
    return tuple(held[:count])


def _meetings(data: SltData, lang: Language, page: Nettside | None, day: dt.date,
              calendar: FilView | None, labels: Mapping[str, str],
              schedule: Schedule | None = None) -> MoterDel | None:
    placed = _sections(page, Nettsidedel.moter)
    if data.moteplan is None and not placed:
        return None
    count = page.antall_moter if page is not None else Nettside().antall_moter
    rows = tuple(_meeting_row(m, data, lang) for m in next_meetings(data, day, count, schedule))
    when = lang.date(day, weekday=False)
    none = lang.gettext("No meetings are planned from {date} on.").format(date=when)
    return MoterDel(id="slt-moter", overskrift=labels["neste_moter"],
                    tabelltekst=lang.gettext("Meetings from {date} on").format(date=when),
                    moter=rows, ingen="" if rows or data.moteplan is None else none,
                    kalender=calendar, seksjoner=placed)


_FORMATS = {
    ".docx": N_("Word document"),
    ".pdf": N_("PDF document"),
    ".png": N_("PNG picture"),
    ".svg": N_("SVG picture"),
    ".ics": N_("calendar file"),
}


def file_view(name: str, title: str, lang: Language) -> FilView:
    """The link to a file beside the page: "<title> (<format>)"."""
    fmt = _FORMATS.get(PurePosixPath(name).suffix.lower())
    text = lang.gettext("{title} ({format})").format(title=title, format=lang.gettext(fmt)) \
        if fmt else title
    return FilView(tekst=text, href=PurePosixPath(name).as_posix())


def _documents(lang: Language, page: Nettside | None, files: tuple[FilView, ...],
               labels: Mapping[str, str]) -> DokumenterDel | None:
    placed = _sections(page, Nettsidedel.dokumenter)
    groups = tuple(DokumentgruppeView(tittel=g.tittel, lenker=tuple(
        LenkeView(tekst=link.tekst or link.url, url=link.url) for link in g.lenker))
        for g in (page.dokumenter if page is not None else ()))
    if not (files or groups or placed):
        return None
    return DokumenterDel(id="slt-dokumenter",
                         overskrift=labels["dokumenter"],
                         filer_overskrift=lang.label("nedlasting"), filer=files, grupper=groups,
                         seksjoner=placed)


def _phone_url(number: str) -> str:
    digits = re.sub(r"[^0-9+]", "", number)
    if not digits:
        return ""
    if not digits.startswith("+") and len(digits) == 8:
        digits = "+47" + digits
    return f"tel:{digits}"


def contact_view(contact: Kontakt, lang: Language) -> KontaktView:
    """A contact as the page shows it."""
    role = {Kontaktrolle.koordinator: lang.label("rolle_koordinator"),
            Kontaktrolle.politikontakt: lang.label("rolle_politikontakt")}.get(contact.rolle)
    heading = role or contact.tittel
    title = contact.tittel if contact.tittel.casefold() != heading.casefold() else ""
    return KontaktView(overskrift=heading, tittel=title, navn=contact.navn or "",
                       epost=contact.epost or "",
                       epost_url=f"mailto:{contact.epost}" if contact.epost else "",
                       telefon=contact.telefon or "",
                       telefon_url=_phone_url(contact.telefon or ""),
                       merknad=contact.merknad or "")


def _contacts(data: SltData, lang: Language, page: Nettside | None,
              labels: Mapping[str, str]) -> KontaktDel | None:
    placed = _sections(page, Nettsidedel.kontakt)
    contacts = data.kommune.kontakter
    if not (contacts or placed):
        return None
    return KontaktDel(id="slt-kontakt", overskrift=labels["kontakt"],
                      kontakter=tuple(contact_view(c, lang) for c in contacts), seksjoner=placed)


def _logo(data: SltData) -> str:
    """The logo as a ``data:`` address (PNG, JPEG or SVG), or empty."""
    logo = data.kommune.logo
    if not logo or data.kilde is None:
        return ""
    path = data.kilde / logo
    try:
        raw = path.read_bytes()
    except OSError:
        return ""
    if raw.startswith(b"\x89PNG\r\n\x1a\n"):
        mime = "image/png"
    elif raw.startswith(b"\xff\xd8\xff"):
        mime = "image/jpeg"
    elif Path(logo).suffix.lower() == ".svg":
        mime = "image/svg+xml"
    else:
        return ""
    return f"data:{mime};base64,{base64.b64encode(raw).decode('ascii')}"


def nettside_view(data: SltData, lang: Language, *, day: dt.date,
                  files: Sequence[tuple[str, str]] = (), look: ProfileLook | None = None,
                  fragment: bool = False, schedule: Schedule | None = None) -> NettsideView:
    """The web page of ``data`` in ``lang``. ``day`` is the day the next
    meetings are counted from; ``files`` the files written beside the page as
    (file name relative to the page, title), linked from it (a calendar file
    ``.ics`` from the meetings part); ``look`` the profile's colours and
    fonts; ``fragment`` asks for the content only; ``schedule`` is the
    møteplan expanded (:class:`slt_docs.prepared.Prepared`)."""
    page = data.nettside
    kommune = lang.kommune_name(data.kommune)
    title = (page.tittel if page and page.tittel else
             lang.gettext("SLT in {kommune}").format(kommune=kommune))
    views = [file_view(name, file_title, lang) for name, file_title in files]
    calendar = next((v for v, (name, _) in zip(views, files, strict=True)
                     if name.lower().endswith(".ics")), None)
    top = _sections(page, Nettsidedel.innledning)
    labels = labels_for(lang, page.etiketter if page else {}, kind="nettside")
    organisation = _organisation(data, lang, page, labels)
    coordinator = _coordinator(data, page, labels)
    forums = _forums(data, lang, page, labels)
    meetings = _meetings(data, lang, page, day, calendar, labels, schedule)
    documents = _documents(lang, page, tuple(views), labels)
    contacts = _contacts(data, lang, page, labels)
    parts = (organisation, coordinator, forums, meetings, documents, contacts)
    contents = [DelLenke(id=s.id, overskrift=s.tittel) for s in top if s.tittel]
    contents += [DelLenke(id=p.id, overskrift=p.overskrift) for p in parts if p is not None]
    return NettsideView(
        dok=document_info(data, lang, labels, kind="nettside", title=title),
        label=labels,
        fragment=fragment,
        stil=style_view(look),
        tittel=title,
        sidetittel=title if data.kommune.navn in title else f"{title} – {kommune}",
        logo=_logo(data),
        innledning=blocks(page.innledning) if page else (),
        seksjoner=top,
        innhold=tuple(contents),
        laget=lang.gettext("Made with slt_docs from the SLT data of {kommune}.").format(
            kommune=kommune),
        organisering=organisation,
        koordinator=coordinator,
        moteforum=forums,
        moter=meetings,
        dokumenter=documents,
        kontakt=contacts,
    )
