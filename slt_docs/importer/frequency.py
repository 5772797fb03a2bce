"""How often a body meets, read from the kommune's words into
``Moteverksemd`` data: "Fire møter i året à to timer per møte" →
``{antall: 4, timer: 2}``; "minst ett møte i halvåret"; "møter ved behov og
minst seks møter i året"; "Fem møter i året à to timer per møte (årets
siste møte er på fire timer)". Text with more in it than that is kept whole
as ``merknad`` (nothing is dropped)."""

from __future__ import annotations

import re

from ..lang import available_languages, get_language

_NUMBER_WORDS: dict[str, int] = {
    "ein": 1, "en": 1, "eitt": 1, "ett": 1, "ei": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
    "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
}


def _add_catalog_numbers() -> None:
    for code in available_languages():
        try:
            lang = get_language(code)
        except Exception:  # a broken extra catalog must not stop an import
            continue
        for n in range(1, 13):
            _NUMBER_WORDS.setdefault(lang.number_word(n).casefold(), n)
            _NUMBER_WORDS.setdefault(lang.number_word(n, neuter=True).casefold(), n)


_add_catalog_numbers()

_NUM = "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
_COUNT = rf"(?P<n>\d{{1,3}}|{_NUM})"
_UNITS = {
    "aar": r"år|året|årleg|årlig|pr\.? år",
    "halvaar": r"halvår|halvåret|halvårleg|halvårlig",
    "maaned": r"måned|måneden|månad|månaden|mnd\.?",
    "uke": r"uke|uka|veke|veka",
}
_MEETINGS = r"(?:møte|møter|møta|møtet|samlingar|samlinger|gong|gonger|gongar|gang|ganger)"
_PER = r"(?:i|per|pr\.?|kvart|hvert|kvar|hver)"
_FREQ = re.compile(
    rf"(?P<minst>minst|minimum)?\s*(?P<omtrent>om lag|omtrent|ca\.?|cirka|rundt)?\s*{_COUNT}\s+"
    rf"(?:faste\s+)?{_MEETINGS}\s+{_PER}\s+(?P<unit>"
    + "|".join(f"(?P<{k}>{v})" for k, v in _UNITS.items()) + r")\b",
    re.IGNORECASE)
_HOURS = re.compile(rf"(?:à|á|a|på|av)\s+(?P<h>\d{{1,2}}(?:[.,]5)?|{_NUM})\s+(?:timar|timer|time)\b"
                    r"(?:\s+(?:per|pr\.?|kvart|hvert)\s+møte)?", re.IGNORECASE)
_LAST = re.compile(rf"\(?\s*(?:årets\s+)?siste\s+møte(?:t)?\s+(?:er\s+)?(?:på\s+)?"
                   rf"(?P<h>\d{{1,2}}(?:[.,]5)?|{_NUM})\s+(?:timar|timer|time)\b\s*\)?",
                   re.IGNORECASE)
_AS_NEEDED = re.compile(r"(?:møte|møter|møtast|møtes)?\s*ved\s+behov", re.IGNORECASE)
_FILLER = re.compile(r"^[\s.,;:()og-]*$", re.IGNORECASE)


def _number(text: str) -> float | None:
    text = text.strip().casefold()
    if text in _NUMBER_WORDS:
        return _NUMBER_WORDS[text]
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def parse_frequency(text: str) -> dict[str, object] | None:
    """``Moteverksemd`` data from ``text``, or ``None`` when it says nothing
    about how often. Unread words make the whole text the ``merknad``."""
    out: dict[str, object] = {}
    rest = text
    m = _FREQ.search(rest)
    if m:
        count = _number(m["n"])
        if count is not None:
            out["antall"] = int(count)
        unit = next(k for k in _UNITS if m[k])
        if unit != "aar":
            out["per"] = unit
        if m["minst"]:
            out["minst"] = True
        elif m["omtrent"]:
            out["omtrent"] = True
        rest = rest[:m.start()] + " " + rest[m.end():]
    last = _LAST.search(rest)
    if last:
        hours = _number(last["h"])
        if hours is not None:
            out["siste_moete_timer"] = _whole(hours)
        rest = rest[:last.start()] + " " + rest[last.end():]
    h = _HOURS.search(rest)
    if h and out:
        hours = _number(h["h"])
        if hours is not None:
            out["timer"] = _whole(hours)
        rest = rest[:h.start()] + " " + rest[h.end():]
    need = _AS_NEEDED.search(rest)
    if need:
        out["ved_behov"] = True
        rest = rest[:need.start()] + " " + rest[need.end():]
    if not out:
        return None
    if not _FILLER.match(rest):
        return {"merknad": text.strip()}
    return out


def _whole(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
