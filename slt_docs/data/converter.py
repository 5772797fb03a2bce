"""The cattrs converter between plain data (YAML, dicts) and the attrs models.

Unknown keys are errors (``forbid_extra_keys``), every error is collected
(``detailed_validation``), and the hooks here accept the short forms a
coordinator writes (a string for a paragraph, ``"08.30-09.30"`` for a time
range, ``2022-2025`` for a period, weekday names in bokmål or nynorsk). Each
hook that refuses a value raises :class:`InvalidValue` with a Norwegian
message saying what was expected.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ..models import (
    Blokk,
    Maaned,
    Mandat,
    Medlem,
    Moteplan,
    Moteplanrad,
    Moteplass,
    Moteregel,
    Moteserie,
    Periode,
    Punkt,
    SltData,
    Tidspunkt,
    Tidsrom,
)
from .spellings import lookup, shown_values

T = TypeVar("T")


class InvalidValue(ValueError):
    """A value of the right shape but wrong content; the message is Norwegian."""


# -- scalar helpers ---------------------------------------------------------

_TIME = r"(\d{1,2})\s*(?:[.:]\s*(\d{2}))?"
_TIME_RANGE = re.compile(
    rf"^\s*(?:kl\.?\s*)?{_TIME}\s*(?:[-–—]|til)\s*(?:kl\.?\s*)?{_TIME}\s*$", re.IGNORECASE
)
_TIME_ONE = re.compile(rf"^\s*(?:kl\.?\s*)?{_TIME}\s*$", re.IGNORECASE)
_COMPACT_RANGE = re.compile(r"^\s*(\d{2})(\d{2})\s*[-–—]\s*(\d{2})(\d{2})\s*$")
_PERIOD = re.compile(r"^\s*(\d{4})\s*(?:[-–—/]\s*(\d{4}))?\s*$")
_AMOUNT = re.compile(r"\s*\d{1,3}(?:[ \u00a0]\d{3})+\s*|\s*\d+\s*")


def _make_time(hour: str, minute: str | None, raw: object) -> dt.time:
    try:
        return dt.time(int(hour), int(minute or 0))
    except ValueError as exc:
        raise InvalidValue(f"«{raw}» er ikke et gyldig klokkeslett") from exc


def parse_tidsrom(value: object) -> Tidsrom:
    """``"08.30-09.30"``, ``"08:30–09:30"``, ``"kl. 8.30 til 9.30"``,
    ``"0820-1020"`` or a single start time ``"18.00"``."""
    if isinstance(value, Tidsrom):
        return value
    if isinstance(value, dict):
        raise InvalidValue("forventet et tidsrom som tekst, f.eks. \"08.30-09.30\"")
    text = str(value)
    m = _COMPACT_RANGE.match(text)
    if m:
        return Tidsrom(start=_make_time(m[1], m[2], value), slutt=_make_time(m[3], m[4], value))
    m = _TIME_RANGE.match(text)
    if m:
        return Tidsrom(start=_make_time(m[1], m[2], value), slutt=_make_time(m[3], m[4], value))
    m = _TIME_ONE.match(text)
    if m:
        return Tidsrom(start=_make_time(m[1], m[2], value))
    raise InvalidValue(f"«{value}» er ikke et tidsrom; skriv f.eks. \"08.30-09.30\"")


def format_tidsrom_data(value: Tidsrom) -> str:
    """The canonical YAML form of a time range: ``08.30-09.30``."""
    start = value.start.strftime("%H.%M")
    return f"{start}-{value.slutt.strftime('%H.%M')}" if value.slutt else start


_WEEKDAYS = {
    name: index for index, names in enumerate([
        ("mandag", "måndag"), ("tirsdag", "tysdag"), ("onsdag",), ("torsdag",), ("fredag",),
        ("lørdag", "laurdag"), ("søndag", "sundag")]) for name in names}
_DATE_NUMERIC = re.compile(r"^(\d{1,2})\. ?(\d{1,2})\. ?(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_WORDS = re.compile(r"^(\d{1,2})\.?\s+([^\W\d_]+)\.?\s+(\d{4})$")
_DATE_HINT = "skriv f.eks. 2022-03-04, 4.3.2022 eller 4. mars 2022"


def parse_date(value: object) -> dt.date:
    """A date, in the forms that cannot be misread: ``2022-03-04`` (a YAML
    date), ``4.3.2022``/``04.03.2022``, ``4. mars 2022``/``4. mar. 2022``,
    optionally after the weekday (``fredag 4. mars 2022``, which must agree).
    ``03/04/2022`` is refused: it means 3 April here and 4 March elsewhere."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InvalidValue(f"«{value}» er ikke en dato; {_DATE_HINT}")
    text = " ".join(value.replace("\u00a0", " ").split())
    weekday = None
    first, _, rest = text.partition(" ")
    if first.casefold().rstrip(",") in _WEEKDAYS:
        weekday, text = _WEEKDAYS[first.casefold().rstrip(",")], rest
    parts = _date_parts(text)
    if parts is None:
        hint = (" (med skråstrek kan datoen leses på to måter)" if "/" in text else "")
        raise InvalidValue(f"«{value}» er ikke en dato{hint}; {_DATE_HINT}")
    year, month, day = parts
    try:
        date = dt.date(year, month, day)
    except ValueError as exc:
        raise InvalidValue(f"«{value}» er ikke en dato som finnes; {_DATE_HINT}") from exc
    if weekday is not None and date.weekday() != weekday:
        actual = next(n for n, i in _WEEKDAYS.items() if i == date.weekday())
        raise InvalidValue(f"«{value}»: {day}.{month}.{year} er en {actual}, ikke en {first}")
    return date


def _date_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written in one of the accepted forms."""
    m = _DATE_NUMERIC.match(text)
    if m:
        return int(m[3]), int(m[2]), int(m[1])
    m = _DATE_ISO.match(text)
    if m:
        return int(m[1]), int(m[2]), int(m[3])
    m = _DATE_WORDS.match(text)
    if m and m[2].casefold() in MONTHS:
        return int(m[3]), MONTHS[m[2].casefold()], int(m[1])
    return None


def parse_periode(value: object) -> Periode:
    """``2022``, ``"2022-2025"`` or ``{fra: 2022, til: 2025}``."""
    if isinstance(value, bool):
        raise InvalidValue("forventet et årstall eller et tidsrom som 2022-2025")
    if isinstance(value, int):
        return _periode(value, value)
    if isinstance(value, str):
        m = _PERIOD.match(value)
        if m:
            return _periode(int(m[1]), int(m[2] or m[1]))
    if isinstance(value, dict) and set(value) <= {"fra", "til"} and "fra" in value:
        fra, til = value["fra"], value.get("til", value["fra"])
        if isinstance(fra, int) and isinstance(til, int):
            return _periode(fra, til)
    raise InvalidValue(f"«{value}» er ingen periode; skriv et årstall (2022) eller 2022-2025")


YEARS = range(1900, 2101)
"""The years a plan or møteplan may be for (a guard against typos like 20222)."""


def parse_year(value: object) -> int:
    """A year, 1900–2100."""
    year = structure_int(value, int)
    if year not in YEARS:
        raise InvalidValue(f"«{value}» er ikke et årstall mellom {YEARS[0]} og {YEARS[-1]}")
    return year


def _periode(fra: int, til: int) -> Periode:
    return Periode(fra=parse_year(fra), til=parse_year(til))


def format_periode_data(value: Periode) -> int | str:
    """The canonical YAML form of a period: ``2022`` or ``"2022-2025"``."""
    return value.fra if value.fra == value.til else f"{value.fra}-{value.til}"


MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("januar", "jan"), ("februar", "feb"), ("mars", "mar"), ("april", "apr"),
            ("mai",), ("juni", "jun"), ("juli", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("oktober", "okt"), ("november", "nov"),
            ("desember", "des"),
        ],
        start=1,
    )
    for name in names
}


def parse_month(value: object) -> int:
    """A month by number (1–12) or Norwegian name ("februar", "feb")."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 12:
        return value
    if isinstance(value, str) and value.strip().casefold().rstrip(".") in MONTHS:
        return MONTHS[value.strip().casefold().rstrip(".")]
    raise InvalidValue(f"«{value}» er ingen måned; skriv 1–12 eller navnet, f.eks. «februar»")


_MONTH_OF_YEAR = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$|^\s*([^\d\s]+\.?)\s+(\d{4})\s*$")


def parse_maaned(value: object) -> Maaned:
    """A grid month: ``8``, ``"august"``, or with its year ``"januar 2022"`` /
    ``"2022-01"``."""
    if isinstance(value, Maaned):
        return value
    if isinstance(value, str):
        m = _MONTH_OF_YEAR.match(value)
        if m:
            year = parse_year(int(m[1] or m[4]))
            month = int(m[2]) if m[1] else parse_month(m[3])
            if not 1 <= month <= 12:
                raise InvalidValue(f"«{value}» er ingen måned; skriv f.eks. «januar 2022»")
            return Maaned(maaned=month, aar=year)
    if isinstance(value, dict):
        raise InvalidValue("forventet en måned, f.eks. «august» eller «januar 2022»")
    return Maaned(maaned=parse_month(value))


def format_maaned_data(value: Maaned) -> int | str:
    """The canonical YAML form of a grid month: ``8`` or ``"2022-01"``."""
    return value.maaned if value.aar is None else f"{value.aar}-{value.maaned:02d}"


class InvalidChoice(InvalidValue):
    """A value that is none of an enum's members. The message lists the
    valid values; :meth:`message` writes them in the data's written standard."""

    def __init__(self, value: object, cls: type[enum.Enum]) -> None:
        self.value = value
        self.cls = cls
        super().__init__(self.message("nb"))

    def message(self, lang: str) -> str:
        """The message with the valid values spelt in ``lang`` (nb or nn)."""
        names = shown_values(self.cls, lang)
        close = difflib.get_close_matches(str(self.value).casefold(), names, n=1, cutoff=0.6)
        hint = f"; mente du «{close[0]}»?" if close else ""
        return (f"«{self.value}» er ikke en gyldig verdi{hint} (gyldige verdier er: "
                f"{', '.join(names)})")




def structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    """An enum member by its value, case-insensitively, in bokmål or nynorsk
    (see :mod:`slt_docs.data.spellings`)."""
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        member = lookup(cls, value)
        if member is not None:
            return member
    raise InvalidChoice(value, cls)


def structure_str(value: object, _: type) -> str:
    """Text: a string, or a number or date written without quotes
    (``tittel: 2022``, ``svar: 2022-05-01``)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        return str(value)
    raise InvalidValue(f"forventet tekst, fikk {_describe(value)}")


def structure_int(value: object, _: type) -> int:
    """A whole number; ``"10 000"`` with spaces is accepted for amounts."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _AMOUNT.fullmatch(value):
        return int(re.sub(r"\s", "", value))
    raise InvalidValue(f"forventet et heltall, fikk {_describe(value)}")


def structure_float(value: object, _: type) -> float:
    """A number; ``1.5`` or ``1,5``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", ".").strip())
        except ValueError:
            pass
    raise InvalidValue(f"forventet et tall, fikk {_describe(value)}")


def structure_bool(value: object, _: type) -> bool:
    """``true`` or ``false``."""
    if isinstance(value, bool):
        return value
    raise InvalidValue(f"forventet true eller false, fikk {_describe(value)}")


def _describe(value: object) -> str:
    if value is None:
        return "ingen verdi"
    if isinstance(value, bool):
        return f"«{'true' if value else 'false'}»"
    if isinstance(value, dict):
        return "et oppslag (nøkler og verdier)"
    if isinstance(value, list):
        return "en liste"
    return f"«{value}»"


# -- the converter ------------------------------------------------------------

def _dict_structure(cls: type[T], converter: cattrs.Converter, **overrides: Any) -> Any:
    """cattrs' generated structure function for ``cls``, refusing anything
    but a mapping with a message that names the expected fields."""
    base = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True, **overrides)

    def hook(value: object, _: type) -> T:
        if not isinstance(value, dict):
            names = ", ".join(f.name for f in attrs.fields(cls) if f.name != "kilde")
            raise InvalidValue(
                f"forventet et oppslag med feltene ({names}), fikk {_describe(value)}"
            )
        return base(value, cls)

    return hook


def _shorthand(cls: type[T], from_str: str, converter: cattrs.Converter) -> None:
    """Let ``cls`` be written as a plain string, meaning its field ``from_str``."""
    base = _dict_structure(cls, converter)

    def hook(value: object, _: type) -> T:
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            value = {from_str: str(value)}
        return base(value, cls)

    converter.register_structure_hook(cls, hook)


def _with_months(cls: type[T], keys: tuple[str, ...], converter: cattrs.Converter) -> None:
    """Let the month fields ``keys`` of ``cls`` be written as names."""
    base = _dict_structure(cls, converter)

    def hook(value: object, _: type) -> T:
        if isinstance(value, dict):
            value = dict(value)
            for key in keys:
                months = value.get(key)
                if isinstance(months, list):
                    value[key] = [_month_or_raw(m) for m in months]
        return base(value, cls)

    converter.register_structure_hook(cls, hook)


def _month_or_raw(value: object) -> object:
    try:
        return parse_month(value)
    except InvalidValue:
        return value


def _tuple_hook(converter: cattrs.Converter) -> None:
    """A list field must get a list: a lone value is an error, never split
    into characters or silently wrapped."""

    def hook(value: object, type_: Any) -> tuple[Any, ...]:
        if value is None:
            return ()
        if not isinstance(value, (list, tuple)):
            raise InvalidValue(f"forventet en liste, fikk {_describe(value)}")
        return converter._structure_tuple(value, type_)

    converter.register_structure_hook_func(
        lambda t: getattr(t, "__origin__", None) is tuple, hook
    )


def _mandat_hook(converter: cattrs.Converter) -> None:
    base = _dict_structure(Mandat, converter)

    def hook(value: object, _: type) -> Mandat:
        if isinstance(value, list):
            value = {"punkter": value}
        elif isinstance(value, str):
            value = {"tekst": [value]}
        return base(value, Mandat)

    converter.register_structure_hook(Mandat, hook)


def _blokk_hook(converter: cattrs.Converter) -> None:
    base = _dict_structure(Blokk, converter)

    def hook(value: object, _: type) -> Blokk:
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return Blokk(avsnitt=str(value))
        if isinstance(value, list):
            raise InvalidValue("forventet et avsnitt (tekst) eller {punkter: [...]}, fikk en "
                               "liste; skriv listen under «punkter:»")
        block = base(value, Blokk)
        filled = [n for n in ("avsnitt", "punkter", "kilde", "lenke") if getattr(block, n)]
        if len(filled) != 1:
            raise InvalidValue("en tekstblokk må ha nøyaktig én av avsnitt, punkter, kilde "
                               f"eller lenke (fant {', '.join(filled) or 'ingen'})")
        return block

    converter.register_structure_hook(Blokk, hook)


SHORTHANDS: dict[type, str] = {Punkt: "tekst", Medlem: "rolle", Tidspunkt: "tekst",
                               Moteplass: "tekst", Moteplanrad: "organ"}
"""Classes that may be written as a plain string, meaning the field named."""

MONTH_FIELDS: dict[type, tuple[str, ...]] = {Moteregel: ("maaneder",),
                                             Moteserie: ("hopp_over_maaneder",)}
"""Fields holding months, which may be written as names ("februar")."""


def make_converter() -> cattrs.Converter:
    """The converter used for loading and dumping every model."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)

    conv.register_structure_hook(str, structure_str)
    conv.register_structure_hook(int, structure_int)
    conv.register_structure_hook(float, structure_float)
    conv.register_structure_hook(bool, structure_bool)
    conv.register_structure_hook(dt.date, lambda v, _: parse_date(v))
    conv.register_structure_hook(Tidsrom, lambda v, _: parse_tidsrom(v))
    conv.register_structure_hook(Periode, lambda v, _: parse_periode(v))
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), structure_enum
    )
    _tuple_hook(conv)
    for cls, key in SHORTHANDS.items():
        _shorthand(cls, key, conv)
    _mandat_hook(conv)
    _blokk_hook(conv)
    for cls, keys in MONTH_FIELDS.items():
        _with_months(cls, keys, conv)
    conv.register_structure_hook(Maaned, lambda v, _: parse_maaned(v))
    conv.register_structure_hook_factory(attrs.has, lambda cls: _dict_structure(cls, conv))
    conv.register_structure_hook(SltData, _dict_structure(SltData, conv, kilde=override(omit=True)))
    conv.register_structure_hook(Moteplan, _dict_structure(
        Moteplan, conv, aar=override(struct_hook=lambda v, _: parse_year(v))))

    _register_unstructure(conv)
    return conv


def _register_unstructure(conv: cattrs.Converter) -> None:
    """Dumping: omit defaults, write the short forms back."""
    conv.register_unstructure_hook(dt.date, lambda d: d)
    conv.register_unstructure_hook(Tidsrom, format_tidsrom_data)
    conv.register_unstructure_hook(Periode, format_periode_data)
    conv.register_unstructure_hook(Maaned, format_maaned_data)
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda e: e.name
    )

    def omit_defaults(cls: type) -> Any:
        overrides = {f.name: override(omit_if_default=True) for f in attrs.fields(cls)}
        if cls is SltData:
            overrides["kilde"] = override(omit=True)
        return make_dict_unstructure_fn(cls, conv, **overrides)

    conv.register_unstructure_hook_factory(attrs.has, omit_defaults)

    for cls, key in SHORTHANDS.items():
        conv.register_unstructure_hook(cls, _short_unstructure(conv, cls, key))
    base_blokk = conv.get_unstructure_hook(Blokk)
    conv.register_unstructure_hook(
        Blokk, lambda b: b.avsnitt if b.avsnitt is not None and not b.punkter and not b.kilde
        and not b.lenke else base_blokk(b)
    )


def _short_unstructure(conv: cattrs.Converter, cls: type, key: str) -> Any:
    base = conv.get_unstructure_hook(cls)

    def hook(obj: object) -> object:
        data = base(obj)
        if isinstance(data, dict) and list(data) == [key]:
            return data[key]
        return data

    return hook


CONVERTER = make_converter()
"""The one shared converter."""
