"""One written language: its fixed words and how it writes dates, times and amounts.

Formatting follows Språkrådet's conventions: ``fredag 4. mars 2022``,
``fre. 4. mars``, ``kl. 08.30–09.30`` (full stop in times, en dash in
ranges), ``kr 10 000`` (space as thousands separator), weekday and month
names in lower case. Names come from Babel (CLDR), with the catalog's
overrides.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
from pathlib import Path

from babel import Locale
from babel.numbers import format_decimal

from ..models import Kommune, SltData, Tidsrom, expect_model
from .catalog import (
    CACHE_SIZE,
    CatalogDirs,
    data_catalog_dir,
    find_catalog,
    load_translations,
    unknown_language,
)
from .labels import DEFINITE_ENDINGS, DOCUMENT_NOUNS, LABELS

NBSP = "\u00a0"
EN_DASH = "–"
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")


class Language:
    """The fixed words and formats of one language (``nb``, ``nn`` …)."""

    def __init__(self, code: str, catalog_dir: CatalogDirs = None) -> None:
        """The language ``code`` from its catalog: in ``catalog_dir`` (a
        kommune's own ``spraak/`` folder) if it has one, else in
        ``$SLT_DOCS_SPRAAK`` or the shipped catalogs. Raises
        :class:`~slt_docs.errors.SltError` for an unknown language."""
        if not isinstance(code, str):
            raise unknown_language(code, catalog_dir)
        self.code = code
        self.catalog: Path | None = find_catalog(code, catalog_dir)
        self._tr: gettext.GNUTranslations = load_translations(  # checks the code first
            code, self.catalog, catalog_dir)
        self.locale = Locale.parse(code)

    def __repr__(self) -> str:
        return f"Language({self.code!r})"

    @property
    def bcp47(self) -> str:
        """The tag Word uses for spell-checking: ``nb-NO``, ``nn-NO``."""
        territory = self.locale.territory or "NO"
        return f"{self.locale.language}-{territory}"

    # -- words --------------------------------------------------------------
    def gettext(self, msgid: str) -> str:
        """The translation of ``msgid`` (the msgid itself if untranslated)."""
        return self._tr.gettext(msgid)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The singular or plural translation for ``n``."""
        return self._tr.ngettext(singular, plural, n)

    def pgettext(self, context: str, msgid: str) -> str:
        """The translation of ``msgid`` in ``context``; empty when the catalog
        has none (so callers can fall back to CLDR). A translation may equal
        its msgid («april» for month-abbr "april")."""
        found = self._tr._catalog.get(f"{context}\x04{msgid}")  # gettext's own key
        return found if isinstance(found, str) else ""

    def label(self, key: str) -> str:
        """The fixed word for label ``key`` (see :data:`LABELS`)."""
        return self.gettext(LABELS[key])

    @functools.cached_property
    def labels(self) -> dict[str, str]:
        """Every label of :data:`LABELS`, translated."""
        return {key: self.gettext(msgid) for key, msgid in LABELS.items()}

    def kommune_name(self, kommune: Kommune) -> str:
        """The kommune as documents name it: its ``fullt_navn``, else "Aukra
        kommune" in the language's words."""
        return kommune.fullt_navn or self.gettext("{name} municipality").format(
            name=kommune.navn)

    def adopted(self, kind: str) -> str:
        """«Vedtatt» in bokmål; in nynorsk agreeing with the document it is
        said of: «Vedteken» (handlingsplan, møteplan), «Vedteke» (mandat)."""
        return self.pgettext("adopted", DOCUMENT_NOUNS[kind]) or "Adopted"

    @functools.cached_property
    def _definite_endings(self) -> tuple[tuple[str, str], ...]:
        rules = []
        for key in DEFINITE_ENDINGS:
            rule = self.pgettext("definite-ending", key)
            indefinite, _, definite = rule.partition("=")
            if indefinite.strip() and definite.strip():
                rules.append((indefinite.strip(), definite.strip()))
        return tuple(rules)

    def definite(self, name: str) -> str:
        """A body's name in the definite form for running text, by the
        catalog's endings: «Koordineringsgruppe» → «Koordineringsgruppa»,
        «Styringsgruppe/politiråd» → «Styringsgruppa/politirådet»,
        «Arbeidsgruppe for SLT-seminar» → «Arbeidsgruppa for SLT-seminar».
        A first word that is already definite, or matches no ending (a
        proper name: «Ung i Aukra»), is kept."""
        first, sep, rest = name.partition(" ")
        parts = first.split("/")
        changed = []
        for part in parts:
            word = part
            for indefinite, definite in self._definite_endings:
                if part.endswith(definite):
                    break
                if part.endswith(indefinite):
                    word = part[: len(part) - len(indefinite)] + definite
                    break
            changed.append(word)
        return "/".join(changed) + sep + rest

    def definite_level(self, kind: str) -> str:
        """An unnamed level in running text: «Det utførande nivået»."""
        msgid = {"styrende": "steering level", "koordinerende": "coordinating level",
                 "utforende": "executive level"}[kind]
        return self.pgettext("definite", msgid) or self.label(kind)

    def number_word(self, n: int, neuter: bool = False) -> str:
        """``4`` → "fire"; ``1`` with ``neuter`` → "ett"/"eitt". Numbers over
        twelve stay digits (Språkrådet's rule for running text)."""
        if neuter:
            word = self.pgettext("number-neuter", str(n))
            if word:
                return word
        return self.pgettext("number", str(n)) or str(n)

    def ordinal_word(self, n: int) -> str:
        """``1`` → "første", ``-1`` → "siste"; others as "6."."""
        return self.pgettext("ordinal", str(n)) or f"{n}."

    # -- dates -------------------------------------------------------------
    def weekday(self, day: dt.date | int, short: bool = False) -> str:
        """The weekday's name in lower case: "tysdag", or short "tys."."""
        index = day if isinstance(day, int) else day.weekday()
        context = "weekday-abbr" if short else "weekday"
        override = self.pgettext(context, _WEEKDAY_KEYS[index])
        if override:
            return override
        names = self.locale.days["format"]["abbreviated" if short else "wide"]
        return names[index].lower()

    def month(self, month: int, short: bool = False) -> str:
        """The month's name in lower case: "mars", or short "mars"/"sep."."""
        context = "month-abbr" if short else "month"
        override = self.pgettext(context, _MONTH_KEYS[month - 1])
        if override:
            return override
        names = self.locale.months["format"]["abbreviated" if short else "wide"]
        return names[month].lower()

    def date(self, day: dt.date, *, weekday: bool = True, year: bool = True,
             short: bool = False, short_month: bool = False) -> str:
        """``fredag 4. mars 2022``; ``short`` abbreviates the weekday
        (``fre. 4. mars 2022``), ``short_month`` the month (``4. sep. 2022``);
        ``weekday=False`` gives ``4. mars 2022``."""
        parts = []
        if weekday:
            parts.append(self.weekday(day, short=short))
        parts.append(f"{day.day}. {self.month(day.month, short=short_month)}")
        if year:
            parts.append(str(day.year))
        return " ".join(parts)

    def date_numeric(self, day: dt.date) -> str:
        """``04.03.2022``."""
        return f"{day:%d.%m.%Y}"

    # -- times -------------------------------------------------------------
    def time(self, value: dt.time) -> str:
        """``08.30``: hours and minutes with a full stop (Språkrådet)."""
        return f"{value.hour:02d}.{value.minute:02d}"

    def time_range(self, value: Tidsrom, *, prefix: bool = True) -> str:
        """``kl. 08.30–09.30`` (en dash, no spaces, a no-break space after
        "kl."); ``kl. 18.00`` without an end. Plain characters only, so the
        text is found and copied as written; where a narrow column must not
        split it, the template gives the range a line of its own (see
        :meth:`date_time`)."""
        text = self.time(value.start)
        if value.slutt is not None:
            text += f"{EN_DASH}{self.time(value.slutt)}"
        return f"{self.label('kl')}{NBSP}{text}" if prefix else text

    def date_time(self, day: dt.date, tid: Tidsrom | None, *, short: bool = True,
                  year: bool = False, line_break: bool = False) -> str:
        """``tys. 25. januar kl. 13.00–15.00``; with ``line_break`` the time
        starts a new line (``\n``, a line break in Word) so that a narrow
        table column shows the range whole on a line of its own."""
        text = self.date(day, short=short, year=year)
        if not tid:
            return text
        return f"{text}{chr(10) if line_break else ' '}{self.time_range(tid)}"

    def year_range(self, start: int, end: int) -> str:
        """``2022`` or ``2022–2025``."""
        return str(start) if start == end else f"{start}{EN_DASH}{end}"

    # -- numbers -----------------------------------------------------------
    def number(self, value: float) -> str:
        """``10 000`` with a (non-breaking) space as thousands separator."""
        return format_decimal(value, locale=self.locale).replace("\u202f", NBSP)

    def amount(self, kroner: int) -> str:
        """``kr 10 000``."""
        return f"{self.label('kr')}{NBSP}{self.number(kroner)}"

    def hours(self, value: float) -> str:
        """``2`` → "to timer"/"to timar"; ``1.5`` → "1,5 timer"."""
        whole = float(value).is_integer()
        count = self.number_word(int(value)) if whole else self.number(value)
        n = int(value) if whole else 2
        return self.ngettext("{count} hour", "{count} hours", n).format(count=count)


def get_language(code: str, catalog_dir: CatalogDirs = None) -> Language:
    """The :class:`Language` for ``code`` with the catalogs in
    ``catalog_dir`` (a kommune's ``spraak/``) first; cached per catalog file
    (and its modification time), so two kommuner with their own wording of
    the same language each get their own. Raises
    :class:`~slt_docs.errors.SltError` for an unknown language."""
    if not isinstance(code, str):
        raise unknown_language(code, catalog_dir)
    path = find_catalog(code, catalog_dir)
    if path is None:
        raise unknown_language(code, catalog_dir)
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = (str(path), 0, 0)
    return _cached_language(code, path, key)


@functools.lru_cache(maxsize=CACHE_SIZE)
def _cached_language(code: str, path: Path, _key: tuple[str, int, int]) -> Language:
    return Language(code, [path.parent])


def data_language(data: SltData, code: str | None = None) -> Language:
    """The language of ``data``'s documents: ``code`` (or the kommune's
    ``spraak``), with the kommune's own catalogs (``spraak/`` in its data
    folder) before the shipped ones. Raises :class:`~slt_docs.errors.DataError`
    when ``data`` is not a model, :class:`~slt_docs.errors.SltError` for an
    unknown language."""
    expect_model(data)
    return get_language(code or data.kommune.spraak, data_catalog_dir(data.kilde))
