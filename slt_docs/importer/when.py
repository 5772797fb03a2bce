"""Reading "when" as written in a tiltak table: dates with times, labels,
"Hele året", and everything else kept as the kommune's text.

"Tir 31. mai kl. 1300-1500", "Fre 04. mars kl. 1300-1500", "Onsdag 26.
Oktober kl. 1400-1800", "tys. 25. januar kl. 13.00–15.00" and "04.03.2022
kl. 13" become a date and a time range; the year is the one written, else the
plan's year (in a plan over several years, the one year whose calendar fits
the weekday written). A weekday that does not match the date is reported.
"Mai-juni 2022", "Gjennomføring våren 2022" or "Pågåande arbeid gjennom
heile året" stay text: the model has no field for a month range or a season.
"""

from __future__ import annotations

import datetime as dt
import re

from attrs import frozen

from ..lang import available_languages, get_language
from ..models import Periode

_WEEKDAYS: dict[str, int] = {}
for _index, _names in enumerate((
        ("mandag", "måndag", "man", "mån", "ma", "må"),
        ("tirsdag", "tysdag", "tir", "tirs", "tys", "ti", "ty"),
        ("onsdag", "ons", "on"),
        ("torsdag", "tor", "tors", "to"),
        ("fredag", "fre", "fr"),
        ("lørdag", "laurdag", "lør", "lau", "lø", "la"),
        ("søndag", "sundag", "søn", "sun", "sø", "su"))):
    for _name in _names:
        _WEEKDAYS[_name] = _index

_MONTHS: dict[str, int] = {}
for _index, _names in enumerate((
        ("januar", "jan"), ("februar", "feb"), ("mars", "mar"), ("april", "apr"), ("mai",),
        ("juni", "jun"), ("juli", "jul"), ("august", "aug"), ("september", "sep", "sept"),
        ("oktober", "okt"), ("november", "nov"), ("desember", "des")), start=1):
    for _name in _names:
        _MONTHS[_name] = _index


def _add_catalog_names() -> None:
    """Weekday and month names of every language slt_docs writes in (so a
    document it made reads back whatever the catalog says)."""
    for code in available_languages():
        try:
            lang = get_language(code)
        except Exception:  # a broken extra catalog must not stop an import
            continue
        for i in range(7):
            for short in (False, True):
                _WEEKDAYS.setdefault(lang.weekday(i, short=short).rstrip(".").casefold(), i)
        for m in range(1, 13):
            for short in (False, True):
                _MONTHS.setdefault(lang.month(m, short=short).rstrip(".").casefold(), m)


_add_catalog_names()


def _alternatives(names: dict[str, int]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_TIME = r"\d{4}|\d{1,2}(?:[.:]\d{2})?"
_RANGE = rf"(?:(?:kl\.?|klokka|klokken)\s*)?(?P<t1>{_TIME})(?:\s*(?:[-–—]|til)\s*(?P<t2>{_TIME}))?"
_DATE = re.compile(
    rf"(?:\b(?P<wd>{_alternatives(_WEEKDAYS)})\.?,?\s+)?"
    rf"(?:\b(?P<d>\d{{1,2}})\.\s*(?P<m>{_alternatives(_MONTHS)})\.?(?:\s+(?P<y>\d{{4}}))?"
    rf"|(?P<nd>\d{{1,2}})\.(?P<nm>\d{{1,2}})\.(?P<ny>\d{{4}}|\d{{2}})?)"
    rf"(?:,?\s*(?:kl\.?|klokka|klokken)\s*(?P<t1>{_TIME})(?:\s*(?:[-–—]|til)\s*"
    rf"(?P<t2>{_TIME}))?)?",
    re.IGNORECASE)
_LEADING_TIME = re.compile(rf"^\s*(?:kl\.?|klokka|klokken)\s*(?P<t1>{_TIME})"
                           rf"(?:\s*(?:[-–—]|til)\s*(?P<t2>{_TIME}))?(?:\s+|$)", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[\s,;/&+]*(og)?[\s,;/&+]*$", re.IGNORECASE)
_WHOLE_YEAR = re.compile(r"^(hele|heile)\s+året\.?$", re.IGNORECASE)
_LABEL = re.compile(r"^(?P<label>[^:\d]{2,40}?):\s*(?P<rest>.*)$")


@frozen(kw_only=True)
class When:
    """One part of a tiltak's "when", as YAML data would hold it, with the
    note to write beside it (a weekday that does not fit, a year that is
    not clear)."""

    etikett: str | None = None
    tekst: str | None = None
    dato: dt.date | None = None
    tid: str | None = None
    hele_aaret: bool = False
    note: str | None = None

    def as_data(self) -> dict[str, object] | str:
        """The YAML short form: a plain string for text without a label."""
        if self.tekst is not None and self.etikett is None:
            return self.tekst
        out: dict[str, object] = {}
        if self.etikett:
            out["etikett"] = self.etikett
        if self.tekst is not None:
            out["tekst"] = self.tekst
        if self.dato is not None:
            out["dato"] = self.dato
        if self.tid:
            out["tid"] = self.tid
        if self.hele_aaret:
            out["hele_aaret"] = True
        return out


def _time(text: str) -> dt.time | None:
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.time(int(text[:2]), int(text[2:]))
        m = re.fullmatch(r"(\d{1,2})(?:[.:](\d{2}))?", text)
        if m:
            return dt.time(int(m[1]), int(m[2] or 0))
    except ValueError:
        return None
    return None


def time_range(t1: str | None, t2: str | None) -> str | None:
    """"1300", "1500" → "13.00-15.00" (the YAML form); ``None`` if not a time."""
    if not t1:
        return None
    start = _time(t1)
    end = _time(t2) if t2 else None
    if start is None or (t2 and end is None):
        return None
    text = f"{start:%H.%M}"
    return f"{text}-{end:%H.%M}" if end else text


@frozen
class _Found:
    day: dt.date | None
    tid: str | None
    note: str | None
    written: str


def _resolve(m: re.Match[str], period: Periode | None, lang: str) -> _Found:
    written = m.group(0).strip()
    weekday = _WEEKDAYS.get((m["wd"] or "").casefold().rstrip(".")) if m["wd"] else None
    if m["d"]:
        day, month = int(m["d"]), _MONTHS[m["m"].casefold().rstrip(".")]
        year_text = m["y"]
    else:
        day, month = int(m["nd"]), int(m["nm"])
        year_text = m["ny"]
    tid = time_range(m["t1"], m["t2"])
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        years = [year]
    elif period is not None:
        years = list(range(period.fra, period.til + 1))
    else:
        return _Found(None, tid, _message(lang, "no_year", written=written), written)
    candidates = []
    for year in years:
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return _Found(None, tid, _message(lang, "no_date", written=written), written)
    if weekday is not None:
        fitting = [d for d in candidates if d.weekday() == weekday]
        if len(fitting) == 1:
            return _Found(fitting[0], tid, None, written)
        if len(candidates) == 1:
            found = candidates[0]
            return _Found(found, tid, _message(lang, "weekday", written=written,
                                               date=_date_text(found, lang)), written)
        return _Found(None, tid, _message(lang, "which_year", written=written), written)
    if len(candidates) == 1:
        return _Found(candidates[0], tid, None, written)
    return _Found(None, tid, _message(lang, "which_year", written=written), written)


def _date_text(day: dt.date, lang: str) -> str:
    language = get_language(lang)
    return f"{language.weekday(day)} {language.date(day, weekday=False)}"


_MESSAGES = {
    "nb": {
        "weekday": "ukedagen i «{written}» passer ikke med datoen: {date}",
        "which_year": "året for «{written}» er ikke klart; skriv datoen som ÅÅÅÅ-MM-DD",
        "no_year": "året for «{written}» er ukjent (planen har ingen periode)",
        "no_date": "«{written}» er ingen gyldig dato",
    },
    "nn": {
        "weekday": "vekedagen i «{written}» passar ikkje med datoen: {date}",
        "which_year": "året for «{written}» er ikkje klart; skriv datoen som ÅÅÅÅ-MM-DD",
        "no_year": "året for «{written}» er ukjent (planen har ingen periode)",
        "no_date": "«{written}» er ingen gyldig dato",
    },
}


def _message(lang: str, key: str, **values: str) -> str:
    return _MESSAGES.get(lang, _MESSAGES["nb"])[key].format(**values)


def parse_when(lines: list[str], period: Periode | None, lang: str = "nb") -> list[When]:
    """The parts of a tiltak's "when" from the lines of its cell.

    A line is read as dates when it holds nothing but one or more dates
    (each with an optional weekday and time range); a line that is only a
    time ("kl. 0820-1020") completes the date on the line before; a short
    label ending in a colon ("«Ung i Aukra»:", "Planlegging: Vår 2022")
    becomes the ``etikett`` of what follows; "Hele året"/"Heile året" is
    ``hele_aaret``; anything else stays text."""
    out: list[When] = []
    label: str | None = None
    lines = [line.strip() for line in lines if line.strip()]
    for index, line in enumerate(lines):
        leading = _LEADING_TIME.match(line)
        if leading and out and out[-1].dato is not None and not out[-1].tid:
            tid = time_range(leading["t1"], leading["t2"])
            if tid:
                last = out.pop()
                out.append(When(etikett=last.etikett, dato=last.dato, tid=tid, note=last.note))
                line = line[leading.end():].strip()
                if not line:
                    continue
        m = _LABEL.match(line)
        rest = line
        if m and not _dates_only(line):
            label = m["label"].strip()
            rest = m["rest"].strip()
            if not rest:
                if _dated_lines_after(lines, index) > 1:  # a heading over several dates
                    out.append(When(tekst=line))
                    label = None
                continue
        parts = _parse_line(rest, period, lang)
        if label is not None:
            first = parts[0]
            parts[0] = When(etikett=label, tekst=first.tekst, dato=first.dato, tid=first.tid,
                            hele_aaret=first.hele_aaret, note=first.note)
            label = None
        out.extend(parts)
    if label is not None:
        out.append(When(tekst=f"{label}:"))
    return out


def _dated_lines_after(lines: list[str], index: int) -> int:
    """How many dates the lines after ``index`` hold before anything else
    (a line that is only a time belongs to the date on the line before)."""
    count = 0
    for line in lines[index + 1:]:
        time = _LEADING_TIME.match(line)
        if count and time and not line[time.end():].strip():
            continue
        if not _dates_only(line):
            break
        count += len(list(_DATE.finditer(line)))
    return count


def _dates_only(line: str) -> bool:
    matches = list(_DATE.finditer(line))
    if not matches:
        return False
    pos = 0
    for m in matches:
        if not _SEPARATOR.match(line[pos:m.start()]):
            return False
        pos = m.end()
    return bool(_SEPARATOR.match(line[pos:]))


def _parse_line(line: str, period: Periode | None, lang: str) -> list[When]:
    if _WHOLE_YEAR.match(line):
        return [When(hele_aaret=True)]
    if not _dates_only(line):
        return [When(tekst=line)]
    out = []
    for m in _DATE.finditer(line):
        found = _resolve(m, period, lang)
        if found.day is None:
            out.append(When(tekst=found.written, note=found.note))
        else:
            out.append(When(dato=found.day, tid=found.tid, note=found.note))
    return out


def parse_date(text: str) -> dt.date | None:
    """One date written with its year ("3. desember 2020", "03.12.2020"),
    or ``None``."""
    m = _DATE.search(text)
    if m is None or not (m["y"] or m["ny"]):
        return None
    found = _resolve(m, None, "nb")
    return found.day
