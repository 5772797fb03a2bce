"""How a coordinator may write each fixed value of the data (weekdays, levels,
statuses, units …): the bokmål and nynorsk spelling of every enum member,
and the spellings accepted besides (the ASCII forms the model uses, ``å``
written ``aa`` or ``a``, ``ø`` written ``o``, ``æ`` written ``ae``).

One table serves the loader (which value a spelling means), the error
messages (the valid values in the data's own written standard), the JSON
Schema and the field reference in ``docs/data.md``.
"""

from __future__ import annotations

import enum
import functools
import itertools
from collections.abc import Iterable

from ..models import (
    Frekvens,
    Fridagsregel,
    Gruppestatus,
    Gruppetype,
    Kolonne,
    Kontaktrolle,
    Motestatus,
    Nettsidedel,
    NivaaType,
    Tidsenhet,
    Tiltaksstatus,
    Ukedag,
    Utfall,
)

WRITTEN_STANDARDS = ("nb", "nn")

SPELLINGS: dict[enum.Enum, tuple[str, str]] = {
    # weekdays (Språkrådet; nynorsk tysdag, laurdag, sundag)
    Ukedag.mandag: ("mandag", "måndag"),
    Ukedag.tirsdag: ("tirsdag", "tysdag"),
    Ukedag.onsdag: ("onsdag", "onsdag"),
    Ukedag.torsdag: ("torsdag", "torsdag"),
    Ukedag.fredag: ("fredag", "fredag"),
    Ukedag.lordag: ("lørdag", "laurdag"),
    Ukedag.sondag: ("søndag", "sundag"),
    # the three levels
    NivaaType.styrende: ("styrende", "styrande"),
    NivaaType.koordinerende: ("koordinerende", "koordinerande"),
    NivaaType.utforende: ("utførende", "utførande"),
    # units and frequencies
    Tidsenhet.aar: ("år", "år"),
    Tidsenhet.halvaar: ("halvår", "halvår"),
    Tidsenhet.maaned: ("måned", "månad"),
    Tidsenhet.uke: ("uke", "veke"),
    Frekvens.ukentlig: ("ukentlig", "vekentleg"),
    Frekvens.maanedlig: ("månedlig", "månadleg"),
    # meetings
    Motestatus.planlagt: ("planlagt", "planlagt"),
    Motestatus.flyttet: ("flyttet", "flytta"),
    Motestatus.utsatt: ("utsatt", "utsett"),
    Motestatus.avlyst: ("avlyst", "avlyst"),
    Fridagsregel.behold: ("behold", "behald"),
    Fridagsregel.dropp: ("dropp", "dropp"),
    Fridagsregel.flytt: ("flytt", "flytt"),
    # tiltak and applications
    Tiltaksstatus.ikke_startet: ("ikke startet", "ikkje starta"),
    Tiltaksstatus.i_gang: ("i gang", "i gang"),
    Tiltaksstatus.gjennomfort: ("gjennomført", "gjennomført"),
    Tiltaksstatus.utsatt: ("utsatt", "utsett"),
    Tiltaksstatus.avsluttet: ("avsluttet", "avslutta"),
    Utfall.innvilget: ("innvilget", "innvilga"),
    Utfall.delvis: ("delvis", "delvis"),
    Utfall.avslag: ("avslag", "avslag"),
    Utfall.venter: ("venter", "ventar"),
    Kolonne.delmaal: ("delmål", "delmål"),
    Kolonne.tiltak: ("tiltak", "tiltak"),
    Kolonne.ansvar: ("ansvar", "ansvar"),
    Kolonne.tidspunkt: ("tidspunkt", "tidspunkt"),
    # groups and contacts
    Gruppetype.arbeidsgruppe: ("arbeidsgruppe", "arbeidsgruppe"),
    Gruppetype.fokusgruppe: ("fokusgruppe", "fokusgruppe"),
    Gruppetype.ansvarsgruppe: ("ansvarsgruppe", "ansvarsgruppe"),
    Gruppetype.prosjektgruppe: ("prosjektgruppe", "prosjektgruppe"),
    Gruppetype.innsatsteam: ("innsatsteam", "innsatsteam"),
    Gruppestatus.foreslaatt: ("foreslått", "føreslått"),
    Gruppestatus.aktiv: ("aktiv", "aktiv"),
    Gruppestatus.avsluttet: ("avsluttet", "avslutta"),
    Kontaktrolle.koordinator: ("koordinator", "koordinator"),
    Kontaktrolle.politikontakt: ("politikontakt", "politikontakt"),
    Kontaktrolle.annen: ("annen", "annan"),
    # the parts of the web page
    Nettsidedel.innledning: ("innledning", "innleiing"),
    Nettsidedel.organisering: ("organisering", "organisering"),
    Nettsidedel.koordinator: ("koordinator", "koordinator"),
    Nettsidedel.moteforum: ("møteforum", "møteforum"),
    Nettsidedel.moter: ("møter", "møte"),
    Nettsidedel.dokumenter: ("dokumenter", "dokument"),
    Nettsidedel.kontakt: ("kontakt", "kontakt"),
}
"""Every member's spelling in bokmål and in nynorsk."""

EXTRA: dict[enum.Enum, tuple[str, ...]] = {
    Frekvens.ukentlig: ("vekevis",),
    Frekvens.maanedlig: ("månadsvis", "månedsvis"),
    # the older values: «planlagt» and «pågår» mean not started and under way
    Tiltaksstatus.ikke_startet: ("planlagt",),
    Tiltaksstatus.i_gang: ("pågår", "pågående", "pågåande"),
    Utfall.avslag: ("avslått", "avslege"),
    Kolonne.delmaal: ("delmaal",),
}
"""Further spellings accepted for a member (not shown in error messages)."""


def ascii_forms(word: str) -> set[str]:
    """``word`` with å written ``aa`` or ``a``, ø ``o`` and æ ``ae`` (all
    combinations), as a keyboard without Norwegian letters writes it."""
    word = word.casefold()
    options = [{"aa", "a"} if ch == "å" else {"o", "oe"} if ch == "ø" else
               {"ae"} if ch == "æ" else {ch} for ch in word]
    if len(word) > 40 or sum(len(o) > 1 for o in options) > 6:
        return {word}
    return {"".join(parts) for parts in itertools.product(*options)}


def spelling(member: enum.Enum, lang: str) -> str:
    """How ``member`` is written in ``lang`` (``nn`` → nynorsk, otherwise
    bokmål); the member's name when the table has no entry."""
    pair = SPELLINGS.get(member)
    if pair is None:
        return member.name
    return pair[1] if lang == "nn" else pair[0]


def shown_values(cls: type[enum.Enum], lang: str) -> list[str]:
    """The valid values of ``cls`` as written in ``lang``, in order."""
    return [spelling(member, lang) for member in cls]


@functools.cache
def accepted(member: enum.Enum) -> tuple[str, ...]:
    """Every spelling that means ``member``: bokmål and nynorsk first, then
    the name and the ASCII forms, lower case."""
    words = [*SPELLINGS.get(member, ()), member.name, *EXTRA.get(member, ())]
    out: list[str] = []
    for word in words:
        for form in [word.casefold(), *sorted(ascii_forms(word))]:
            if form not in out:
                out.append(form)
    return out


def lookup(cls: type[enum.Enum], text: str) -> enum.Enum | None:
    """The member of ``cls`` that ``text`` spells (case-insensitively), or None."""
    key = " ".join(text.split()).casefold()
    for member in cls:
        if key in accepted(member) or key == str(member.value).casefold():
            return member
    return None


def all_enums(members: Iterable[enum.Enum] = SPELLINGS) -> list[type[enum.Enum]]:
    """The enum classes the table covers."""
    return list(dict.fromkeys(type(m) for m in members))
