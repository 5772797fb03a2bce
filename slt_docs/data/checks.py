"""Checks beyond types: what a coordinator would get wrong and a type cannot
catch. Each check yields ``(field path, Norwegian message, severity)``; the
loader turns the path into file, line and column.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import hashlib
import re
import types
import typing
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any

import attrs

from ..errors import Alvor, SltError, format_path
from ..files import os_error_reason
from ..images import MAX_PICTURE_BYTES, picture_problem
from ..lang import available_languages, data_catalog_dir, data_language
from ..lang.labels import BODY_LABELS, LABEL_KEYS
from ..models import (
    TABLE_SHAPES,
    Handlingsplan,
    Kolonne,
    Lenke,
    Moete,
    Moteplan,
    Moteregel,
    Moteverksemd,
    Nivaa,
    Organisasjon,
    SltData,
    Tidsrom,
    Tiltak,
    organ_id,
)
from ..models.data import not_a_model
from ..profile import applied, load_profile
from ..render.safety import SafetyNotice
from ..resources import template_path
from ..schedule import (
    HolidayCalendar,
    RuleError,
    empty_series_message,
    expand,
    expand_series,
    grid_layout,
    holiday_calendar,
    holiday_name,
    rule_dates,
)
from .yamlsource import Path_

Finding = tuple[Path_, str, Alvor]

ERROR = Alvor.feil
WARNING = Alvor.advarsel


def check_data(data: SltData) -> Iterator[Finding]:
    """Every semantic problem in ``data`` (whose fields have the right types:
    see :func:`check_types` for a model built in code)."""
    yield from _check_text(data)
    yield from _check_links(data)
    yield from _check_kommune(data)
    yield from _check_organisasjon(data.organisasjon)
    if data.handlingsplan is not None:
        yield from _check_handlingsplan(data.handlingsplan, data)
    if data.moteplan is not None:
        yield from _check_moteplan(data.moteplan, data)
        yield from _check_moteplan_dates(data.moteplan, data)
    yield from _check_dokumenter(data)
    yield from _check_status(data)
    if data.nettside is not None and not 1 <= data.nettside.antall_moter <= 100:
        yield (("nettside", "antall_moter"),
               "antall_moter må være mellom 1 og 100 (så mange av de neste møtene viser siden)",
               ERROR)
    yield from _check_own_words(data)


# -- types, for a model built or changed in code -------------------------------

def check_types(data: object) -> Iterator[Finding]:
    """Every field of a model built in code (or changed with ``attrs.evolve``)
    whose value is not of its declared type — what cattrs guarantees for data
    read from YAML or dicts. The semantic checks assume this holds."""
    if not isinstance(data, SltData):
        yield (), not_a_model(data), ERROR
        return
    yield from _check_value(data, SltData, (), set())


def _kind(value: object) -> str:
    return f"{type(value).__name__} «{str(value)[:40]}»" if value is not None else "None"


_EXPECTED = {str: "tekst", int: "et heltall", float: "et tall", bool: "true eller false",
             dt.date: "en dato", dt.time: "et klokkeslett"}


def _check_value(value: object, tp: Any, at: Path_, seen: set[int]) -> Iterator[Finding]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(tp)
        if value is None and type(None) in options:
            return
        real = [o for o in options if o is not type(None)]
        if len(real) == 1:
            yield from _check_value(value, real[0], at, seen)
        return
    if origin is tuple:
        if not isinstance(value, tuple):
            yield at, f"forventet en liste (tuple), fikk {_kind(value)}", ERROR
            return
        args = typing.get_args(tp)
        element = args[0] if args else Any
        for index, item in enumerate(value):
            yield from _check_value(item, element, (*at, index), seen)
        return
    if origin is dict:
        if not isinstance(value, dict):
            yield at, f"forventet et oppslag (dict), fikk {_kind(value)}", ERROR
            return
        key_type, value_type = typing.get_args(tp) or (Any, Any)
        for key, item in value.items():
            yield from _check_value(key, key_type, (*at, str(key)), seen)
            yield from _check_value(item, value_type, (*at, str(key)), seen)
        return
    if tp is Any or not isinstance(tp, type):
        return
    if tp is Path:
        if value is not None and not isinstance(value, Path):
            yield at, f"forventet en sti (Path), fikk {_kind(value)}", ERROR
        return
    if issubclass(tp, enum.Enum):
        if not isinstance(value, tp):
            allowed = ", ".join(m.name for m in tp)
            yield at, f"forventet en av {allowed} ({tp.__name__}), fikk {_kind(value)}", ERROR
        return
    if tp in _EXPECTED:
        ok = isinstance(value, tp) and not (tp in (int, float) and isinstance(value, bool))
        if tp is float:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if tp is dt.date and isinstance(value, dt.datetime):
            ok = False
        if not ok:
            yield at, f"forventet {_EXPECTED[tp]}, fikk {_kind(value)}", ERROR
        return
    if attrs.has(tp):
        if not isinstance(value, tp):
            yield at, f"forventet {tp.__name__}, fikk {_kind(value)}", ERROR
            return
        if id(value) in seen:
            return
        seen.add(id(value))
        hints = _hints(tp)
        for f in attrs.fields(tp):
            yield from _check_value(getattr(value, f.name), hints.get(f.name, Any),
                                    (*at, f.name), seen)
        seen.discard(id(value))


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


# -- what Word cannot hold -----------------------------------------------------

INVALID_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
"""Characters an XML (Word) document cannot hold: control characters (from a
YAML escape such as ``"\\x01"`` or ``"\\0"``, or from a program), and
unpaired surrogates."""
MAX_PROPERTY_CHARS = 255
"""Longest text Word keeps in a document property (title, author)."""
MAX_NAME_CHARS = 200
"""Longest name of a body or kommune: it stands in generated titles
("Mandat for <namn>") that must fit in a document property."""

_PROPERTY_FIELDS: tuple[tuple[Path_, int, str], ...] = (
    (("kommune", "navn"), MAX_NAME_CHARS, "kommunens navn"),
    (("kommune", "fullt_navn"), MAX_PROPERTY_CHARS, "kommunens fulle navn"),
    (("handlingsplan", "tittel"), MAX_PROPERTY_CHARS, "tittelen"),
    (("handlingsplan", "tiltakstabell", "tittel"), MAX_PROPERTY_CHARS, "tittelen"),
    (("moteplan", "tittel"), MAX_PROPERTY_CHARS, "tittelen"),
)


def invalid_character_message(ch: str) -> str:
    """The message for a character Word cannot hold (the same as the YAML reader's)."""
    return (f"ugyldig kontrolltegn U+{ord(ch):04X}; fjern det (det kan ikke stå i et "
            "Word-dokument)")


def _check_text(data: SltData) -> Iterator[Finding]:
    """Every text in the data can be written into a Word document, and the
    texts that become document properties fit there."""
    for at, text in _texts(data, ()):
        match = INVALID_CHARACTERS.search(text)
        if match:
            yield at, invalid_character_message(match.group()), ERROR
    for at, limit, what in _PROPERTY_FIELDS:
        value = _get(data, at)
        if isinstance(value, str) and len(value) > limit:
            yield at, _too_long(what, len(value), limit), ERROR
    for at, organ in _organs_with_paths(data.organisasjon):
        name = getattr(organ, "navn", None)
        if isinstance(name, str) and len(name) > MAX_NAME_CHARS:
            yield (*at, "navn"), _too_long("navnet", len(name), MAX_NAME_CHARS), ERROR
    for kind in ("mandat", "tiltak"):
        for index, doc in enumerate(getattr(data.dokumenter, kind)):
            if doc.tittel and len(doc.tittel) > MAX_PROPERTY_CHARS:
                yield (("dokumenter", kind, index, "tittel"),
                       _too_long("tittelen", len(doc.tittel), MAX_PROPERTY_CHARS), ERROR)


def _too_long(what: str, length: int, limit: int) -> str:
    return (f"{what} er for lang ({length} tegn; høyst {limit}): den står i dokumentets "
            f"egenskaper, og Word godtar høyst {MAX_PROPERTY_CHARS} tegn der")


def _get(obj: object, at: Path_) -> object:
    for step in at:
        obj = getattr(obj, str(step), None)
        if obj is None:
            return None
    return obj


def _texts(obj: object, at: Path_) -> Iterator[tuple[Path_, str]]:
    """Every text in ``obj`` with its field path."""
    if isinstance(obj, str):
        yield at, obj
    elif isinstance(obj, tuple):
        for index, item in enumerate(obj):
            yield from _texts(item, (*at, index))
    elif isinstance(obj, dict):  # own words: etiketter
        for key, item in obj.items():
            yield from _texts(key, (*at, str(key)))
            yield from _texts(item, (*at, str(key)))
    elif attrs.has(type(obj)):
        for f in attrs.fields(type(obj)):
            if f.name != "kilde" or not isinstance(obj, SltData):
                yield from _texts(getattr(obj, f.name), (*at, f.name))


# -- links -----------------------------------------------------------------------

LINK_SCHEMES = ("http://", "https://", "mailto:")
"""The only kinds of address a document may link to."""


def _check_links(data: SltData) -> Iterator[Finding]:
    """Every link in the data goes to the web or an e-mail address, never to a
    file on somebody's machine (``file://``) or anything else; a link's text
    names what it leads to (a screen reader reads the text, not a bare address)."""
    def walk(obj: object, at: Path_) -> Iterator[Finding]:
        if isinstance(obj, Lenke):
            if not obj.url.strip().lower().startswith(LINK_SCHEMES):
                yield ((*at, "url"), f"lenken «{obj.url}» må begynne med http://, https:// "
                       "eller mailto:", ERROR)
            elif not obj.tekst or obj.tekst.strip() == obj.url.strip():
                yield ((*at, "tekst"), "lenken har ingen tekst som sier hva den går til; skriv "
                       "f.eks. tittelen på dokumentet (universell utforming: en skjermleser "
                       "leser teksten, ikke adressen)", WARNING)
            return
        if attrs.has(type(obj)):
            for f in attrs.fields(type(obj)):
                if f.name == "kilde":
                    continue
                value = getattr(obj, f.name)
                if f.name in ("lenke", "nettside") and isinstance(value, str):
                    if not value.strip().lower().startswith(LINK_SCHEMES):
                        yield ((*at, f.name), f"adressen «{value}» må begynne med http://, "
                               "https:// eller mailto:", ERROR)
                else:
                    yield from walk(value, (*at, f.name))
        elif isinstance(obj, tuple):
            for index, item in enumerate(obj):
                yield from walk(item, (*at, index))

    yield from walk(data, ())


def _check_kommune(data: SltData) -> Iterator[Finding]:
    kommune = data.kommune
    if not kommune.navn.strip():
        yield ("kommune", "navn"), "kommunens navn kan ikke være tomt", ERROR
    catalogs = data_catalog_dir(data.kilde)
    languages = available_languages(catalogs)
    if kommune.spraak not in languages:
        yield (("kommune", "spraak"),
               f"ukjent språk «{kommune.spraak}»; tilgjengelige er {', '.join(languages)}", ERROR)
    else:
        try:
            data_language(data)
        except SltError as exc:  # a broken catalog in the kommune's spraak/
            detail = "; ".join(str(p) for p in exc.problems) or str(exc)
            yield ("kommune", "spraak"), f"{exc.args[0]}: {detail}", ERROR
    for field_name in ("logo", "profil"):
        value = getattr(kommune, field_name)
        if not value:
            continue
        at = ("kommune", field_name)
        relative = PurePath(value)
        if relative.is_absolute() or ".." in relative.parts or value.startswith(("/", "\\")):
            yield (at, f"«{value}» må være en fil i datamappa, oppgitt uten «..» og uten "
                   "full sti (slik at dataene kan deles med andre)", ERROR)
        elif data.kilde is not None:
            target = data.kilde / value
            if not target.is_file():
                yield at, f"fila «{value}» finnes ikke i {data.kilde}", ERROR
            elif not target.resolve().is_relative_to(data.kilde.resolve()):
                yield at, f"«{value}» peker ut av datamappa (en lenke); kopier fila inn", ERROR
            else:
                message = _file_problem(field_name, target, value)
                if message:
                    yield at, message, ERROR


def _file_problem(field_name: str, target: Path, value: str) -> str | None:
    """What render would refuse in the logo (not a picture, truncated) or the
    profile document (not a Word file, active content), in the same words."""
    if field_name == "logo":
        try:
            size = target.stat().st_size
            if size > MAX_PICTURE_BYTES:
                return f"bildet «{value}» er større enn {MAX_PICTURE_BYTES // (1024 * 1024)} MiB"
            why = picture_problem(target.read_bytes())
        except OSError as exc:
            return f"bildet «{value}» kan ikke leses: {os_error_reason(exc)}"
        return f"bildet «{value}» {why}" if why else None
    try:
        content = hashlib.sha256(target.read_bytes()).hexdigest()
    except OSError:  # load_profile says what is wrong with reading it; not kept,
        return _profile_problem.__wrapped__(str(target), "")  # it may be readable later
    return _profile_problem(str(target), content)


@functools.lru_cache(maxsize=32)
def _profile_problem(target: str, _content: str) -> str | None:
    """Whether the profile document at ``target`` can be applied (a dry run
    on the smallest template): done once per file and content, though the
    data is checked when it is loaded and again before it is rendered."""
    try:
        with warnings.catch_warnings():  # what is stripped is said when it is used
            warnings.simplefilter("ignore", SafetyNotice)
            applied(template_path("tiltak.docx").read_bytes(), load_profile(Path(target)))
    except SltError as exc:
        return str(exc)
    return None


def _check_organisasjon(org: Organisasjon) -> Iterator[Finding]:
    kinds = Counter(n.type for n in org.nivaa)
    for index, nivaa in enumerate(org.nivaa):
        if kinds[nivaa.type] > 1:
            yield (("organisasjon", "nivaa", index, "type"),
                   f"nivået «{nivaa.type.value}» står mer enn én gang", ERROR)
        if nivaa.budsjettramme is not None and nivaa.budsjettramme < 0:
            yield (("organisasjon", "nivaa", index, "budsjettramme"),
                   "budsjettrammen kan ikke være negativ", ERROR)
        if nivaa.moteverksemd:
            yield from _check_frequency(nivaa.moteverksemd, ("organisasjon", "nivaa", index,
                                                             "moteverksemd"))
        for p_index, plass in enumerate(nivaa.moteplasser):
            at = ("organisasjon", "nivaa", index, "moteplasser", p_index)
            if not plass.tekst and not plass.organ:
                yield at, "en møteplass må ha «tekst» eller «organ»", ERROR
            if plass.organ and org.finn(plass.organ) is None:
                yield (*at, "organ"), _unknown_organ(plass.organ, org), ERROR

    ids: dict[str, Path_] = {}
    for path, organ in _organs_with_paths(org):
        key = organ_id(organ)
        if not key:
            yield path, "organet trenger «id» eller «navn»", ERROR
        elif key in ids:
            yield (*path, "id"), f"id-en «{key}» er brukt av et annet organ også", ERROR
        else:
            ids[key] = path
    for index, gruppe in enumerate(org.arbeidsgrupper):
        if gruppe.nivaa and org.finn(gruppe.nivaa) is None:
            yield (("organisasjon", "arbeidsgrupper", index, "nivaa"),
                   _unknown_organ(gruppe.nivaa, org), ERROR)
    for index, forum in enumerate(org.moteforum):
        if forum.fast_tid:
            yield from _check_rule(forum.fast_tid, ("organisasjon", "moteforum", index, "fast_tid"))
        if forum.tid:
            yield from _check_tidsrom(forum.tid, ("organisasjon", "moteforum", index, "tid"))


def _organs_with_paths(org: Organisasjon) -> Iterator[tuple[Path_, Nivaa | object]]:
    for index, nivaa in enumerate(org.nivaa):
        yield ("organisasjon", "nivaa", index), nivaa
        for g_index, gruppe in enumerate(nivaa.grupper):
            yield ("organisasjon", "nivaa", index, "grupper", g_index), gruppe
    for index, gruppe in enumerate(org.arbeidsgrupper):
        yield ("organisasjon", "arbeidsgrupper", index), gruppe
    for index, forum in enumerate(org.moteforum):
        yield ("organisasjon", "moteforum", index), forum


def _check_frequency(freq: Moteverksemd, at: Path_) -> Iterator[Finding]:
    if freq.antall is not None and freq.antall < 1:
        yield (*at, "antall"), "antall møter må være minst 1", ERROR
    for name in ("timer", "siste_moete_timer"):
        value = getattr(freq, name)
        if value is not None and not 0 < value <= 24:
            yield (*at, name), "møtelengden må være mellom 0 og 24 timer", ERROR


def _check_tidsrom(tid: Tidsrom, at: Path_) -> Iterator[Finding]:
    if tid.slutt is not None and tid.slutt <= tid.start:
        yield (at, f"sluttid {tid.slutt:%H.%M} er ikke etter starttid {tid.start:%H.%M}", ERROR)


def _check_rule(rule: Moteregel, at: Path_) -> Iterator[Finding]:
    if rule.intervall < 1:
        yield (*at, "intervall"), "intervallet må være minst 1", ERROR
    if rule.nr is not None and (rule.nr == 0 or not -5 <= rule.nr <= 5):
        yield (*at, "nr"), "nr må være 1–5 (første–femte) eller -1 (siste)", ERROR
    if rule.nr is not None and rule.ukedag is None:
        yield (*at, "ukedag"), "«nr» krever en ukedag (f.eks. første onsdag)", ERROR
    if rule.dag is not None and not 1 <= rule.dag <= 31:
        yield (*at, "dag"), "dag i måneden må være 1–31", ERROR
    if rule.dag is not None and rule.ukedag is not None:
        yield at, "skriv enten «dag» (dato i måneden) eller «ukedag», ikke begge", ERROR
    if rule.frekvens.value == "maanedlig" and rule.dag is None and rule.ukedag is None:
        yield at, "en månedlig regel trenger «ukedag» og «nr», eller «dag»", ERROR
    if rule.frekvens.value == "ukentlig" and rule.ukedag is None:
        yield (*at, "ukedag"), "en ukentlig regel trenger «ukedag»", ERROR
    for index, month in enumerate(rule.maaneder):
        if not 1 <= month <= 12:
            yield (*at, "maaneder", index), f"«{month}» er ingen måned (1–12)", ERROR


def _check_handlingsplan(plan: Handlingsplan, data: SltData) -> Iterator[Finding]:
    root: Path_ = ("handlingsplan",)
    if plan.periode.til < plan.periode.fra:
        yield (*root, "periode"), "perioden slutter før den begynner", ERROR
    elif plan.periode.til - plan.periode.fra > 10:
        yield (*root, "periode"), "perioden er lengre enn ti år; er årstallene riktige?", WARNING
    columns = plan.tiltakstabell.kolonner
    if columns and columns not in TABLE_SHAPES:
        shapes = " eller ".join("[" + ", ".join(c.value for c in shape) + "]"
                                for shape in TABLE_SHAPES)
        yield (*root, "tiltakstabell", "kolonner"), f"malene kan lage {shapes}", ERROR
    elif columns and Kolonne.delmaal in columns and not plan.delmaal:
        yield ((*root, "tiltakstabell", "kolonner"),
               "kolonnen delmaal krever at tiltakene står under «delmaal»", ERROR)
    if plan.delmaal and plan.tiltak:
        yield (root, "skriv tiltakene enten under «delmaal» eller i «tiltak», ikke begge steder",
               ERROR)

    places: list[tuple[Path_, Tiltak]] = []
    for d_index, delmaal in enumerate(plan.delmaal):
        if not delmaal.tiltak:
            yield (*root, "delmaal", d_index, "tiltak"), "delmålet har ingen tiltak", WARNING
        places += [((*root, "delmaal", d_index, "tiltak", t), tiltak)
                   for t, tiltak in enumerate(delmaal.tiltak)]
    places += [((*root, "tiltak", t), tiltak) for t, tiltak in enumerate(plan.tiltak)]
    yield from _check_numbers(plan, places)
    for at, tiltak in places:
        if not [a for a in tiltak.ansvar if a.strip()]:
            yield (*at, "ansvar"), "tiltaket må ha minst én ansvarlig (ansvar: [...])", ERROR
        if not tiltak.tittel.strip():
            yield (*at, "tittel"), "tiltaket må ha en tittel", ERROR
        for p_index, part in enumerate(tiltak.tidspunkt):
            p_at = (*at, "tidspunkt", p_index)
            generated = [part.moter, part.dato, part.hele_aaret or None]
            if sum(x is not None for x in generated) > 1:
                yield (p_at, "et tidspunkt kan ha bare én av moter, dato og hele_aaret (med "
                       "eller uten egen tekst)", ERROR)
            elif part.tekst is None and not any(x is not None for x in generated):
                yield (p_at, "et tidspunkt trenger tekst, moter, dato eller hele_aaret", ERROR)
            if part.dato is not None and part.dato not in plan.periode:
                yield (*p_at, "dato"), _outside_period(part.dato, plan), ERROR
            if part.tid is not None:
                yield from _check_tidsrom(part.tid, (*p_at, "tid"))
                if part.dato is None:
                    yield (*p_at, "tid"), "klokkeslett krever en dato", ERROR
            if part.moter:
                organ = data.organisasjon.finn(part.moter)
                if organ is None:
                    yield (*p_at, "moter"), _unknown_organ(part.moter, data.organisasjon), ERROR
                elif data.moteplan is None:
                    yield ((*p_at, "moter"),
                           "tidspunktet viser til møter, men dataene har ingen «moteplan»", ERROR)

    if plan.tilbakeblikk is not None:
        tb = plan.tilbakeblikk
        tb_at = (*root, "tilbakeblikk")
        if tb.aar > plan.periode.fra:
            yield (*tb_at, "aar"), "tilbakeblikket bør gjelde året før planperioden", WARNING
        for index, moete in enumerate(tb.moter):
            if data.organisasjon.finn(moete.organ) is None:
                yield ((*tb_at, "moter", index, "organ"),
                       _unknown_organ(moete.organ, data.organisasjon), ERROR)
            if moete.planlagt_dato is not None and moete.status.value != "flyttet":
                yield ((*tb_at, "moter", index, "planlagt_dato"),
                       "planlagt_dato gir bare mening for et flyttet møte (status: flyttet)",
                       ERROR)
        empty = [index for index, moete in enumerate(tb.moter) if not moete.tema
                 and moete.status.value in ("planlagt", "flyttet")]
        if empty:
            others = (f" (og {len(empty) - 1} møter til)" if len(empty) > 1 else "")
            yield ((*tb_at, "moter", empty[0], "tema"),
                   f"møtet har ingen tema{others}; i dokumentet står det bare som en "
                   "overskrift – skriv temaene som ble tatt opp under «tema», eller ta møtet "
                   "bort", WARNING)
        for index, soknad in enumerate(tb.soknader):
            s_at = (*tb_at, "soknader", index)
            if soknad.belop_innvilget is not None and soknad.utfall.value == "avslag":
                yield (*s_at, "belop_innvilget"), "et avslag kan ikke ha innvilget beløp", ERROR
            for name in ("belop_sokt", "belop_innvilget"):
                value = getattr(soknad, name)
                if value is not None and value < 0:
                    yield (*s_at, name), "beløpet kan ikke være negativt", ERROR


def _check_numbers(plan: Handlingsplan, places: list[tuple[Path_, Tiltak]]) -> Iterator[Finding]:
    """Adopted numbers: a number used twice is accepted (adopted plans have
    them) but warned about, and so is a tiltak number that does not start
    with its delmål's number."""
    root: Path_ = ("handlingsplan",)
    seen: dict[str, int] = {}
    for index, number in enumerate(plan.delmaal_numbers()):
        if number in seen:
            yield ((*root, "delmaal", index, "nummer"),
                   f"delmål {number} står to ganger (også som delmål nr. {seen[number] + 1} i "
                   "rekkefølgen); det godtas slik det er skrevet, men en henvisning til "
                   f"delmål {number} blir tvetydig", WARNING)
        seen.setdefault(number, index)
    used: dict[str, Path_] = {}
    prefixes = [f"{n}." for n, d in zip(plan.delmaal_numbers(), plan.delmaal, strict=True)
                for _ in d.tiltak]
    for index, ((number, tiltak), (at, _)) in enumerate(
            zip(plan.numbered_tiltak(), places, strict=True)):
        if number in used:
            yield ((*at, "nummer"),
                   f"tiltaksnummeret {number} står to ganger (også på "
                   f"{format_path(used[number])}); det godtas slik det er skrevet, men en "
                   f"henvisning til tiltak {number} blir tvetydig", WARNING)
        used.setdefault(number, at)
        if tiltak.nummer and index < len(prefixes) and not number.startswith(prefixes[index]):
            yield ((*at, "nummer"),
                   f"tiltak {number} står under delmål {prefixes[index][:-1]}; er nummeret "
                   "riktig?", WARNING)


def _outside_period(day: dt.date, plan: Handlingsplan) -> str:
    fra, til = plan.periode.fra, plan.periode.til
    period = str(fra) if fra == til else f"{fra}–{til}"
    return f"datoen {day:%d.%m.%Y} er utenfor planperioden {period}"


def _check_moteplan(plan: Moteplan, data: SltData) -> Iterator[Finding]:
    root: Path_ = ("moteplan",)
    org = data.organisasjon
    for index, ref in enumerate(plan.organer):
        if org.finn(ref) is None:
            yield (*root, "organer", index), _unknown_organ(ref, org), ERROR
    for index, moete in enumerate(plan.moter):
        yield from _check_moete(moete, plan, data, (*root, "moter", index))
    for index, serie in enumerate(plan.serier):
        at = (*root, "serier", index)
        if org.finn(serie.organ) is None:
            yield (*at, "organ"), _unknown_organ(serie.organ, org), ERROR
        yield from _check_rule(serie.regel, (*at, "regel"))
        if serie.tid is not None:
            yield from _check_tidsrom(serie.tid, (*at, "tid"))
        if serie.fra and serie.til and serie.til < serie.fra:
            yield (*at, "til"), "serien slutter før den begynner", ERROR
        for m_index, month in enumerate(serie.hopp_over_maaneder):
            if not 1 <= month <= 12:
                yield (*at, "hopp_over_maaneder", m_index), f"«{month}» er ingen måned", ERROR
    for index, ferie in enumerate(plan.skoleferier):
        if ferie.til < ferie.fra:
            yield (*root, "skoleferier", index, "til"), "ferien slutter før den begynner", ERROR
    yield from _check_proposals(plan)


def _check_proposals(plan: Moteplan) -> Iterator[Finding]:
    """One reminder per list for dates proposed (``forslag: true``) and not
    yet confirmed, at the first of them."""
    for key, items in (("moter", plan.moter), ("skoleferier", plan.skoleferier)):
        proposed = [i for i, item in enumerate(items) if item.forslag]
        if proposed:
            what = "møter" if key == "moter" else "skoleferier"
            yield (("moteplan", key, proposed[0], "forslag"),
                   f"{len(proposed)} {what} har foreslåtte datoer som ikke er bekreftet; "
                   "sjekk dem og fjern «forslag: true»", WARNING)


def _check_moete(moete: Moete, plan: Moteplan, data: SltData, at: Path_) -> Iterator[Finding]:
    org = data.organisasjon
    if org.finn(moete.organ) is None:
        yield (*at, "organ"), _unknown_organ(moete.organ, org), ERROR
    for index, ref in enumerate(moete.sammen_med):
        if org.finn(ref) is None:
            yield (*at, "sammen_med", index), _unknown_organ(ref, org), ERROR
    if moete.tid is not None:
        yield from _check_tidsrom(moete.tid, (*at, "tid"))
    if not plan.start <= moete.dato <= plan.slutt:
        yield ((*at, "dato"),
               f"datoen {moete.dato:%d.%m.%Y} er utenfor møteplanens år {plan.aar} "
               f"(1. januar {plan.aar} – 31. januar {plan.aar + 1})", ERROR)
    if moete.ny_dato is not None and moete.status.value not in ("flyttet", "utsatt"):
        yield (*at, "ny_dato"), "ny dato gir bare mening for et flyttet eller utsatt møte", ERROR
    if moete.status.value == "planlagt" and moete.aarsak:
        yield (*at, "aarsak"), "årsak gir bare mening for et flyttet, utsatt eller avlyst møte", \
            WARNING


def _check_dokumenter(data: SltData) -> Iterator[Finding]:
    org = data.organisasjon
    for index, doc in enumerate(data.dokumenter.mandat):
        if org.finn(doc.organ) is None:
            yield ("dokumenter", "mandat", index, "organ"), _unknown_organ(doc.organ, org), ERROR
    delmaal_count = len(data.handlingsplan.delmaal) if data.handlingsplan else 0
    for index, doc in enumerate(data.dokumenter.tiltak):
        if data.handlingsplan is None:
            yield (("dokumenter", "tiltak", index),
                   "en tiltakstabell krever en «handlingsplan» med tiltak", ERROR)
            continue
        for d_index, number in enumerate(doc.delmaal):
            if not 1 <= number <= delmaal_count:
                yield (("dokumenter", "tiltak", index, "delmaal", d_index),
                       f"handlingsplanen har ikke delmål {number} (den har {delmaal_count})",
                       ERROR)


def _check_status(data: SltData) -> Iterator[Finding]:
    """The yearly status files: one per year, a year of the plan's period,
    every entry naming a tiltak of the plan, each tiltak once."""
    plan = data.handlingsplan
    years: dict[int, int] = {}
    for index, rapport in enumerate(data.status):
        at: Path_ = ("status", index)
        if rapport.aar in years:
            yield ((*at, "aar"), f"status for {rapport.aar} står to ganger (også i "
                   f"status nr. {years[rapport.aar] + 1}); skriv ett år i én fil", ERROR)
        years.setdefault(rapport.aar, index)
        if plan is None:
            yield at, "statusen gjelder tiltak, men dataene har ingen «handlingsplan»", ERROR
            continue
        if rapport.aar not in range(plan.periode.fra, plan.periode.til + 1):
            yield ((*at, "aar"), f"året {rapport.aar} er utenfor planperioden "
                   f"{_period_text(plan)}; statusen hører til planen for {rapport.aar}", ERROR)
        numbered = plan.numbered_tiltak()
        seen: dict[int, int] = {}
        for t_index, punkt in enumerate(rapport.tiltak):
            p_at = (*at, "tiltak", t_index)
            found = plan.tiltak_named(punkt.tiltak)
            if not found:
                yield (*p_at, "tiltak"), _unknown_tiltak(punkt.tiltak, numbered), ERROR
                continue
            if len(found) > 1:
                titles = " og ".join(f"«{t.tittel}»" for _, _, t in found)
                yield ((*p_at, "tiltak"), f"nummeret {found[0][1]} står på {len(found)} tiltak "
                       f"({titles}); gi tiltakene en «id» i handlingsplanen og vis til den",
                       ERROR)
                continue
            place, number, _ = found[0]
            if place in seen:
                yield ((*p_at, "tiltak"), f"tiltak {number} har alt status for {rapport.aar} "
                       f"(tiltak[{seen[place]}]); hvert tiltak kan stå én gang", ERROR)
                continue
            seen[place] = t_index
            if punkt.dato is not None and punkt.dato.year not in (rapport.aar, rapport.aar + 1):
                yield ((*p_at, "dato"), f"datoen {punkt.dato:%d.%m.%Y} er ikke i {rapport.aar}; "
                       "er årstallet riktig?", WARNING)
        missing = [n for i, (n, _) in enumerate(numbered) if i not in seen]
        if rapport.tiltak and missing:
            yield ((*at, "tiltak"), f"{len(missing)} tiltak har ingen status for "
                   f"{rapport.aar}: {', '.join(missing)}", WARNING)


def _period_text(plan: Handlingsplan) -> str:
    fra, til = plan.periode.fra, plan.periode.til
    return str(fra) if fra == til else f"{fra}–{til}"


def _unknown_tiltak(ref: str, numbered: list[tuple[str, object]]) -> str:
    numbers = [n for n, _ in numbered]
    message = f"handlingsplanen har ikke noe tiltak «{ref}»"
    close = difflib.get_close_matches(ref.strip(), numbers, n=1, cutoff=0.6)
    if close:
        return f"{message}; mente du «{close[0]}»?"
    shown = ", ".join(numbers[:12]) + (" …" if len(numbers) > 12 else "")
    return f"{message}; skriv nummeret (eller id-en) til et tiltak: {shown}"


def _unknown_organ(ref: str, org: Organisasjon) -> str:
    known = ", ".join(sorted({organ_id(o) for o in org.organer() if organ_id(o)}))
    return f"finner ikke organet «{ref}» i organisasjonen; kjente er: {known}"


# -- møteplan dates: series expanded, holidays known ---------------------------

def _check_moteplan_dates(plan: Moteplan, data: SltData) -> Iterator[Finding]:
    """What only the expanded dates show: a series without meetings, a moved
    date the series does not have, an exception that changes nothing, and a
    single meeting on a public holiday, in a school holiday or on a weekend."""
    calendar = holiday_calendar(plan)
    for index, moete in enumerate(plan.moter):
        if moete.status.value == "avlyst":
            continue
        for name in ("dato", "ny_dato"):
            day = getattr(moete, name)
            message = _day_off_message(day, calendar) if day is not None else None
            if message:
                yield ("moteplan", "moter", index, name), message, WARNING
    for index in range(len(plan.serier)):
        yield from _check_series_dates(plan, data, index, calendar)
    for index, forum in enumerate(data.organisasjon.moteforum):
        rule = forum.fast_tid
        at: Path_ = ("organisasjon", "moteforum", index, "fast_tid")
        if rule is None or any(sev is ERROR for _, _, sev in _check_rule(rule, at)):
            continue
        try:
            days = rule_dates(rule, plan.start, plan.slutt)
        except RuleError as exc:
            yield at, str(exc), ERROR
            continue
        if not days:
            yield (at, f"regelen gir ingen datoer i møteplanens år {plan.aar} "
                   f"(1. januar {plan.aar} – 31. januar {plan.aar + 1})", ERROR)


def _check_series_dates(plan: Moteplan, data: SltData, index: int,
                        calendar: HolidayCalendar) -> Iterator[Finding]:
    serie = plan.serier[index]
    at: Path_ = ("moteplan", "serier", index)
    if data.organisasjon.finn(serie.organ) is None:
        return
    if serie.fra and serie.til and serie.til < serie.fra:
        return
    if any(severity is ERROR for _, _, severity in _check_rule(serie.regel, at)):
        return  # reported by _check_rule already
    try:
        result = expand_series(serie, plan, index=index, calendar=calendar,
                               org=data.organisasjon)
    except RuleError as exc:
        yield (*at, "regel"), str(exc), ERROR
        return
    message = empty_series_message(serie, plan, result)
    if message:
        yield (*at, "regel"), message, ERROR
    generated = set(result.generert)
    from_rule = set(result.regel)
    for f_index, flytting in enumerate(serie.flyttinger):
        f_at = (*at, "flyttinger", f_index)
        if flytting.fra not in generated:
            yield (*f_at, "fra"), _not_generated(flytting.fra, serie.unntak, from_rule,
                                                 result.generert), ERROR
        if flytting.tid is not None:
            yield from _check_tidsrom(flytting.tid, (*f_at, "tid"))
    for u_index, day in enumerate(serie.unntak):
        if day not in from_rule:
            yield ((*at, "unntak", u_index),
                   f"{day:%d.%m.%Y} er ikke en av datoene regelen gir, så unntaket har ingen "
                   f"virkning{_same_month(day, result.regel)}", WARNING)


def _not_generated(day: dt.date, unntak: tuple[dt.date, ...], from_rule: set[dt.date],
                   generated: tuple[dt.date, ...]) -> str:
    head = f"serien har ikke noe møte {day:%d.%m.%Y} som kan flyttes"
    if day in unntak:
        return f"{head}: datoen står også i «unntak»"
    if day in from_rule:
        return f"{head}: måneden er tatt bort med «hopp_over_maaneder»"
    return f"{head}{_same_month(day, generated)}"


def _same_month(day: dt.date, dates: tuple[dt.date, ...]) -> str:
    same = [d for d in dates if (d.year, d.month) == (day.year, day.month)]
    if not same:
        return f"; regelen gir ingen dato i {_MONTHS_NB[day.month - 1]} {day.year}"
    listed = " og ".join(f"{d:%d.%m.%Y}" for d in same)
    return f"; i {_MONTHS_NB[day.month - 1]} {day.year} gir regelen {listed}"


_MONTHS_NB = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
              "september", "oktober", "november", "desember")


def _day_off_message(day: dt.date, calendar: HolidayCalendar) -> str | None:
    """A warning for a meeting on a day off, naming the day, or ``None``."""
    when = f"{_WEEKDAYS_NB[day.weekday()]} {day.day}. {_MONTHS_NB[day.month - 1]} {day.year}"
    public = calendar.public_holiday(day)
    if public:
        return f"{when} er {holiday_name(public, 'nb')} (offentlig fridag); er datoen riktig?"
    ferie = calendar.school_holiday(day)
    if ferie:
        return (f"{when} er i skoleferien «{ferie.navn}» ({ferie.fra:%d.%m.}–"
                f"{ferie.til:%d.%m.%Y}); er datoen riktig?")
    if day.weekday() >= 5:
        return f"{when} er en helgedag; er datoen riktig?"
    return None


_WEEKDAYS_NB = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


# -- the kommune's own words --------------------------------------------------

def _check_own_words(data: SltData) -> Iterator[Finding]:
    """``etiketter`` use known keys and say something; a body's own labels are
    ones its block prints; the møteplan's grids hold known bodies and real
    months, and show every meeting."""
    places: list[tuple[Path_, dict[str, str], frozenset[str]]] = []
    if data.handlingsplan is not None:
        places.append((("handlingsplan", "etiketter"), data.handlingsplan.etiketter, LABEL_KEYS))
    if data.moteplan is not None:
        places.append((("moteplan", "etiketter"), data.moteplan.etiketter, LABEL_KEYS))
    if data.nettside is not None:
        places.append((("nettside", "etiketter"), data.nettside.etiketter, LABEL_KEYS))
    for kind in ("mandat", "tiltak"):
        for index, doc in enumerate(getattr(data.dokumenter, kind)):
            places.append((("dokumenter", kind, index, "etiketter"), doc.etiketter, LABEL_KEYS))
    for path, organ in _organs_with_paths(data.organisasjon):
        places.append(((*path, "etiketter"), organ.etiketter, BODY_LABELS))
    for at, labels, allowed in places:
        for key, text in labels.items():
            if key not in LABEL_KEYS:
                close = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.6)
                hint = (f"mente du «{close[0]}»?" if close else
                        "nøklene står i docs/template-fields.md («Faste ord»)")
                yield (*at, key), f"«{key}» er ingen etikett; {hint}", ERROR
            elif key not in allowed:
                yield ((*at, key), f"etiketten «{key}» vises ikke for et organ; skriv den i "
                       "dokumentets «etiketter», eller bruk en av: "
                       f"{', '.join(sorted(allowed))}", WARNING)
            if not text.strip():
                yield (*at, key), "en etikett kan ikke være tom", ERROR
    for path, organ in _organs_with_paths(data.organisasjon):
        for name in ("overskrift", "bestemt_form"):
            value = getattr(organ, name)
            if value is not None and not value.strip():
                yield (*path, name), f"«{name}» kan ikke være tom", ERROR
    if data.moteplan is not None:
        yield from _check_grids(data.moteplan, data)


GRID_MAX_MONTHS = 7
"""More month columns than this make a grid too narrow to read."""


def _check_grids(plan: Moteplan, data: SltData) -> Iterator[Finding]:
    org = data.organisasjon
    for h_index, half in enumerate(plan.halvaar):
        at: Path_ = ("moteplan", "halvaar", h_index)
        if not half.maaneder:
            yield (*at, "maaneder"), "halvåret trenger minst én måned", ERROR
        elif len(half.maaneder) > GRID_MAX_MONTHS:
            yield ((*at, "maaneder"), f"{len(half.maaneder)} måneder blir for smalt i én "
                   f"tabell; del opp i flere halvår (høyst {GRID_MAX_MONTHS})", WARNING)
        seen: set[tuple[int, int]] = set()
        for m_index, month in enumerate(half.maaneder):
            day = dt.date(month.aar or plan.aar, month.maaned, 1)
            if not plan.start <= day <= plan.slutt:
                yield ((*at, "maaneder", m_index),
                       f"måneden {month.maaned:02d}.{day.year} er utenfor møteplanens år "
                       f"(januar {plan.aar} – januar {plan.aar + 1})", ERROR)
            if (day.year, day.month) in seen:
                yield (*at, "maaneder", m_index), "måneden står to ganger", ERROR
            seen.add((day.year, day.month))
        for r_index, row in enumerate(half.rader):
            if org.finn(row.organ) is None:
                yield (*at, "rader", r_index, "organ"), _unknown_organ(row.organ, org), ERROR
    if not plan.halvaar or any(sev is ERROR for _, _, sev in _check_moteplan(plan, data)):
        return
    try:
        schedule = expand(data)
    except SltError:
        return  # reported where the møteplan is checked
    shown = {(organ_id(org.finn(r.organ)) if org.finn(r.organ) else r.organ, month)
             for half in grid_layout(plan, schedule, org) for r in half.rows
             for month in half.months}
    for m in schedule.held():
        day = m.avholdes or m.dato
        if (m.organ, (day.year, day.month)) not in shown and m.opphav.moete is not None:
            yield (("moteplan", "moter", m.opphav.moete),
                   f"møtet {day:%d.%m.%Y} står ikke i noe rutenett i «halvaar» (måneden eller "
                   "organet mangler der); det vises bare i lista over alle møter", WARNING)
        elif (m.organ, (day.year, day.month)) not in shown and m.opphav.serie is not None:
            yield (("moteplan", "serier", m.opphav.serie),
                   f"møtet {day:%d.%m.%Y} fra serien står ikke i noe rutenett i «halvaar» "
                   "(måneden eller organet mangler der); det vises bare i lista over alle "
                   "møter", WARNING)
