"""The møteplan expanded into concrete meetings: series rules become dates.

A kommune writes its meetings once, in ``moteplan``: single meetings
(``moter``) and recurring series (``serier``) whose rule
(:class:`~slt_docs.models.Moteregel`) says "første onsdag i måneden",
"siste fredag i måneden", "annenhver tirsdag" … :func:`expand` turns both
into one sorted :class:`Schedule` of :class:`KonkretMoete` — the input of the
møteplan document, the årshjul, the calendar export and the handlingsplan's
tidspunkt column.

How a series becomes dates, in order:

1. the rule is expanded with :mod:`dateutil.rrule` between the series'
   ``fra`` and ``til`` (default: the møteplan's range, 1 January to 31
   January of the next year). A weekly rule starts on the first matching
   weekday on or after ``fra`` ("annenhver tirsdag" from 1 January 2021 is
   5 January, 19 January …; write ``fra`` to pick the other week);
2. dates in ``hopp_over_maaneder`` and dates listed in ``unntak`` are left out;
3. a date listed in ``flyttinger`` is moved to its ``til`` date (and time),
   with its note: status ``flyttet``;
4. any other date on a holiday — a Norwegian public holiday (the
   ``holidays`` package, ordinary Sundays not counted), a school holiday of
   the kommune (``moteplan.skoleferier``) or, for a day-of-month rule, a
   Saturday or Sunday — is kept, dropped or moved to the next working day
   by the series' ``ved_fridag`` (``behold``, ``dropp``, ``flytt``). A moved
   one gets status ``flyttet`` and names the holiday (``fridag``).

A series that ends with no meeting at all is an error (:class:`DataError`
from :func:`expand`; ``slt-docs kontroller`` reports it at ``serier[i].regel``).

A series without ``tid`` or ``sted`` takes its body's usual ones (the
forum's ``tid``, the body's ``sted``), so they are written once.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Iterator

from attrs import evolve, field, frozen
from babel.lists import format_list
from dateutil import rrule

from .cache import package_stamp, read_bytes, write_bytes
from .errors import DataError, Problem, format_path
from .lang import Language, get_language
from .lang.labels import N_, NP_
from .models import (
    Ferie,
    Frekvens,
    Fridagsregel,
    Moete,
    Moteforum,
    Moteplan,
    Moteplanrad,
    Moteregel,
    Moteserie,
    Motestatus,
    Nivaa,
    Organ,
    Organisasjon,
    SltData,
    Tidsrom,
    organ_id,
)

_RRULE_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
_NO_TIME = dt.time.min


# -- the result ---------------------------------------------------------------

@frozen(kw_only=True)
class Opphav:
    """Where a concrete meeting was written: single meeting ``moter[moete]``
    or series ``serier[serie]`` of the møteplan."""

    moete: int | None = None
    serie: int | None = None

    @property
    def sti(self) -> tuple[str | int, ...]:
        """The field path in the data: ``("moteplan", "serier", 2)``."""
        if self.serie is not None:
            return ("moteplan", "serier", self.serie)
        return ("moteplan", "moter", self.moete if self.moete is not None else 0)

    def __str__(self) -> str:
        return format_path(self.sti)


@frozen(kw_only=True)
class KonkretMoete:
    """One meeting on one date, however it was written.

    ``dato`` is the date as planned (for a series: the date its rule gave).
    A meeting moved elsewhere has status ``flyttet`` and its new date in
    ``ny_dato`` (and new time in ``ny_tid``); :attr:`avholdes` is the day it
    actually takes place. ``organ`` and ``sammen_med`` are canonical body ids
    (:func:`slt_docs.models.organ_id`). ``fridag`` names the public or school
    holiday the planned date fell on (Norwegian name, see
    :func:`holiday_name` for the document language). ``forslag``: a
    proposed date, not yet confirmed."""

    organ: str
    dato: dt.date
    tid: Tidsrom | None = None
    sted: str | None = None
    tema: str | None = None
    tittel: str | None = None
    merknad: str | None = None
    sammen_med: tuple[str, ...] = ()
    status: Motestatus = Motestatus.planlagt
    aarsak: str | None = None
    ny_dato: dt.date | None = None
    ny_tid: Tidsrom | None = None
    ny_tid_tekst: str | None = None
    fridag: str | None = None
    forslag: bool = False
    opphav: Opphav = field(factory=Opphav)

    @property
    def avholdes(self) -> dt.date | None:
        """The day the meeting takes place: the planned date, the new date of
        a moved or postponed one, ``None`` when cancelled or postponed
        without a new date."""
        if self.status is Motestatus.planlagt:
            return self.dato
        if self.status in (Motestatus.flyttet, Motestatus.utsatt):
            return self.ny_dato
        return None

    @property
    def tidsrom(self) -> Tidsrom | None:
        """The time range on the day it takes place (a moved meeting's new
        time when given)."""
        return self.ny_tid or self.tid

    @property
    def fra_serie(self) -> bool:
        """True when a series rule generated the meeting."""
        return self.opphav.serie is not None

    def sort_key(self) -> tuple[dt.date, dt.time, str, int, int]:
        """Date it takes place (or the planned one), start time, body, source."""
        day = self.avholdes or self.dato
        tid = self.tidsrom
        return (day, tid.start if tid else _NO_TIME, self.organ,
                -1 if self.opphav.serie is None else self.opphav.serie,
                self.opphav.moete if self.opphav.moete is not None else -1)


@frozen(kw_only=True)
class Schedule:
    """Every meeting of a møteplan, sorted by the day it takes place (the
    planned day for cancelled and postponed ones), then start time.

    ``organer`` is the order bodies are shown in: the møteplan's ``organer``
    when written, else every body with meetings in the organisation's order."""

    aar: int
    start: dt.date
    slutt: dt.date
    organer: tuple[str, ...]
    moter: tuple[KonkretMoete, ...]

    def __iter__(self) -> Iterator[KonkretMoete]:
        return iter(self.moter)

    def __len__(self) -> int:
        return len(self.moter)

    def for_organ(self, organ: str, *, joint: bool = True) -> tuple[KonkretMoete, ...]:
        """The meetings of body ``organ`` (canonical id); with ``joint`` also
        those it attends jointly (``sammen_med``)."""
        return tuple(m for m in self.moter
                     if m.organ == organ or (joint and organ in m.sammen_med))

    def held(self) -> tuple[KonkretMoete, ...]:
        """The meetings that take place (not cancelled, not postponed
        without a new date)."""
        return tuple(m for m in self.moter if m.avholdes is not None)


# -- holidays -----------------------------------------------------------------

class HolidayCalendar:
    """Norwegian public holidays (the ``holidays`` package; ordinary Sundays
    are not holidays here) and the kommune's school holidays."""

    def __init__(self, years: Iterable[int], skoleferier: Iterable[Ferie] = ()) -> None:
        year_list = sorted(set(years))
        self._public = _public_holidays(tuple(year_list))
        self.skoleferier: tuple[Ferie, ...] = tuple(skoleferier)

    def public_holiday(self, day: dt.date) -> str | None:
        """The public holiday on ``day``, by its Norwegian name ("Grunnlovsdag")."""
        return self._public.get(day)

    def school_holiday(self, day: dt.date) -> Ferie | None:
        """The school holiday ``day`` falls in, if any."""
        return next((f for f in self.skoleferier if f.fra <= day <= f.til), None)

    def name(self, day: dt.date) -> str | None:
        """The holiday ``day`` is: a public holiday's Norwegian name or the
        school holiday's own name."""
        public = self.public_holiday(day)
        if public:
            return public
        ferie = self.school_holiday(day)
        return ferie.navn if ferie else None

    def is_working_day(self, day: dt.date) -> bool:
        """Monday–Friday and neither a public nor a school holiday."""
        return day.weekday() < 5 and self.name(day) is None

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day after ``day``."""
        nxt = day + dt.timedelta(days=1)
        while not self.is_working_day(nxt):
            nxt += dt.timedelta(days=1)
        return nxt


@functools.cache
def _public_holidays(years: tuple[int, ...]) -> dict[dt.date, str]:
    """The public holidays of ``years`` by the ``holidays`` package, kept in
    the user's cache folder (:mod:`slt_docs.cache`) by that package's
    version: importing it and computing a year costs about 0.1 s of every
    command, for the same answer each time."""
    stamp = _holidays_version()
    key = f"{stamp}|Norway|{years}" if stamp is not None else None
    kept = read_bytes("helligdager", key, ".json") if key is not None else None
    if kept is not None:
        try:
            return {dt.date.fromisoformat(day): str(title)
                    for day, title in json.loads(kept).items()}
        except (AttributeError, TypeError, ValueError):
            pass  # not what is written below: computed again
    import holidays

    # include_sundays=False: older versions of `holidays` counted every
    # Sunday as a Norwegian holiday by default; a Sunday is not a reason
    # to move a meeting here. language="no": the names the law uses.
    found = dict(holidays.Norway(years=years, include_sundays=False, language="no").items())
    if key is not None:
        text = json.dumps({day.isoformat(): title for day, title in sorted(found.items())},
                          ensure_ascii=False)
        write_bytes("helligdager", key, ".json", text.encode("utf-8"), keep=HOLIDAY_YEARS_KEPT)
    return found


HOLIDAY_YEARS_KEPT = 64
"""Sets of years whose holidays are kept in the cache folder."""


def _holidays_version() -> str | None:
    """What identifies the installed ``holidays`` package without importing
    it: its version file and its Norwegian module."""
    return package_stamp("holidays", "version.py", "countries/norway.py")


def holiday_calendar(plan: Moteplan) -> HolidayCalendar:
    """The holidays that matter for ``plan`` (its year and the next)."""
    years = {plan.aar, plan.aar + 1}
    for serie in plan.serier:
        for day in (serie.fra, serie.til):
            if day is not None:
                years.add(day.year)
    return HolidayCalendar(years, plan.skoleferier)


HOLIDAY_NAMES: tuple[str, ...] = (
    NP_("holiday", "Første nyttårsdag"), NP_("holiday", "Skjærtorsdag"),
    NP_("holiday", "Langfredag"), NP_("holiday", "Første påskedag"),
    NP_("holiday", "Andre påskedag"), NP_("holiday", "Arbeidernes dag"),
    NP_("holiday", "Grunnlovsdag"), NP_("holiday", "Kristi himmelfartsdag"),
    NP_("holiday", "Første pinsedag"), NP_("holiday", "Andre pinsedag"),
    NP_("holiday", "Første juledag"), NP_("holiday", "Andre juledag"),
)
"""The public holidays by the ``holidays`` package's Norwegian names (the
law's), which are the msgids of context ``holiday`` in the catalogs."""


def holiday_name(name: str, lang: Language | str) -> str:
    """A holiday's name for running text in ``lang``: "Grunnlovsdag" →
    "grunnlovsdag"; a school holiday's own name is returned as written."""
    language = _language(lang)
    translated = language.pgettext("holiday", name)
    if translated:
        return translated
    if name in HOLIDAY_NAMES and not name.startswith("Kristi"):
        return name[0].lower() + name[1:]
    return name


# -- expanding ----------------------------------------------------------------

class RuleError(ValueError):
    """A rule that cannot be expanded; the message is Norwegian."""


def rule_dates(regel: Moteregel, start: dt.date, slutt: dt.date) -> list[dt.date]:
    """Every date ``regel`` gives from ``start`` to ``slutt`` (both included),
    before any exception or holiday handling."""
    if slutt < start:
        return []
    weekday = _RRULE_WEEKDAYS[regel.ukedag.value] if regel.ukedag is not None else None
    months = tuple(regel.maaneder) or None
    if regel.intervall < 1:
        raise RuleError("intervallet må være minst 1")
    if regel.frekvens is Frekvens.ukentlig:
        if weekday is None:
            raise RuleError("en ukentlig regel trenger «ukedag»")
        first = start + dt.timedelta(days=(regel.ukedag.value - start.weekday()) % 7)
        rule = rrule.rrule(rrule.WEEKLY, dtstart=_midnight(first), until=_midnight(slutt),
                           interval=regel.intervall, byweekday=weekday, bymonth=months,
                           wkst=rrule.MO)
    elif regel.dag is not None:
        if weekday is not None:
            raise RuleError("skriv enten «dag» (dato i måneden) eller «ukedag», ikke begge")
        rule = rrule.rrule(rrule.MONTHLY, dtstart=_midnight(start), until=_midnight(slutt),
                           interval=regel.intervall, bymonthday=regel.dag, bymonth=months)
    else:
        if weekday is None:
            raise RuleError("en månedlig regel trenger «ukedag» og «nr», eller «dag»")
        by = weekday(regel.nr) if regel.nr is not None else weekday
        rule = rrule.rrule(rrule.MONTHLY, dtstart=_midnight(start), until=_midnight(slutt),
                           interval=regel.intervall, byweekday=by, bymonth=months)
    return [d.date() for d in rule]


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


@frozen(kw_only=True)
class SeriesExpansion:
    """A series' dates step by step: what the rule gives (``regel``), what is
    left after ``hopp_over_maaneder`` and ``unntak`` (``generert``), and the
    resulting meetings."""

    regel: tuple[dt.date, ...]
    generert: tuple[dt.date, ...]
    moter: tuple[KonkretMoete, ...]


def series_range(serie: Moteserie, plan: Moteplan) -> tuple[dt.date, dt.date]:
    """The dates a series runs between: its own ``fra``/``til`` or the plan's."""
    return serie.fra or plan.start, serie.til or plan.slutt


def expand_series(serie: Moteserie, plan: Moteplan, *, index: int = 0,
                  calendar: HolidayCalendar | None = None,
                  org: Organisasjon | None = None) -> SeriesExpansion:
    """The meetings of one series (see the module docstring for the steps).
    Raises :class:`RuleError` for a rule that cannot be expanded; an empty
    result is returned as it is (the caller decides it is an error)."""
    calendar = calendar or holiday_calendar(plan)
    start, slutt = series_range(serie, plan)
    from_rule = rule_dates(serie.regel, start, slutt)
    skip_months = set(serie.hopp_over_maaneder)
    leave_out = set(serie.unntak)
    generated = [d for d in from_rule if d.month not in skip_months and d not in leave_out]
    moves = {f.fra: f for f in serie.flyttinger}
    organ = org.finn(serie.organ) if org is not None else None
    key = organ_id(organ) if organ is not None else serie.organ
    tid = serie.tid or (organ.tid if isinstance(organ, Moteforum) else None)
    sted = serie.sted or (organ.sted if organ is not None else None)
    weekend_is_off = serie.regel.ukedag is None
    taken = set(generated)
    meetings: list[KonkretMoete] = []
    for day in generated:
        base = KonkretMoete(organ=key, dato=day, tid=tid, sted=sted, tema=serie.tema,
                            opphav=Opphav(serie=index))
        move = moves.get(day)
        if move is not None:
            meetings.append(_evolve(base, status=Motestatus.flyttet, ny_dato=move.til,
                                    ny_tid=move.tid, merknad=move.merknad))
            continue
        holiday = calendar.name(day)
        off = holiday is not None or (weekend_is_off and day.weekday() >= 5)
        if not off:
            meetings.append(base)
        elif serie.ved_fridag is Fridagsregel.behold:
            meetings.append(_evolve(base, fridag=holiday))
        elif serie.ved_fridag is Fridagsregel.flytt:
            new_day = calendar.next_working_day(day)
            if new_day in taken:
                continue  # the series meets that day anyway
            taken.add(new_day)
            meetings.append(_evolve(base, status=Motestatus.flyttet, ny_dato=new_day,
                                    fridag=holiday))
    return SeriesExpansion(regel=tuple(from_rule), generert=tuple(generated),
                           moter=tuple(meetings))


def _evolve(base: KonkretMoete, **changes: object) -> KonkretMoete:
    return evolve(base, **changes)


def single_meeting(moete: Moete, *, index: int = 0,
                   org: Organisasjon | None = None) -> KonkretMoete:
    """A written single meeting as a concrete one (body ids made canonical)."""
    return KonkretMoete(
        organ=_canonical(moete.organ, org), dato=moete.dato, tid=moete.tid, sted=moete.sted,
        tema=moete.tema, tittel=moete.tittel, merknad=moete.merknad,
        sammen_med=tuple(_canonical(s, org) for s in moete.sammen_med),
        status=moete.status, aarsak=moete.aarsak, ny_dato=moete.ny_dato,
        ny_tid_tekst=moete.ny_tid_tekst, forslag=moete.forslag, opphav=Opphav(moete=index))


def _canonical(ref: str, org: Organisasjon | None) -> str:
    if org is None:
        return ref
    organ = org.finn(ref)
    return organ_id(organ) if organ is not None else ref


def expand(data: SltData, *, organ: str | None = None) -> Schedule:
    """Every meeting of ``data``'s møteplan, series expanded, sorted.

    ``organ`` keeps only one body's meetings (by id, name or level kind,
    joint meetings included). Raises :class:`DataError` when the data has no
    møteplan, names an unknown body, or a series yields no meeting."""
    plan = data.moteplan
    if plan is None:
        raise DataError("dataene har ingen «moteplan»")
    org = data.organisasjon
    problems: list[Problem] = []
    for index, moete in enumerate(plan.moter):
        refs: list[tuple[tuple[str | int, ...], str]] = [(("organ",), moete.organ)]
        refs += [(("sammen_med", i), ref) for i, ref in enumerate(moete.sammen_med)]
        for sub, ref in refs:
            if org.finn(ref) is None:
                problems.append(_problem(("moteplan", "moter", index, *sub),
                                         f"finner ikke organet «{ref}» i organisasjonen"))
    meetings = [single_meeting(m, index=i, org=org) for i, m in enumerate(plan.moter)]
    calendar = holiday_calendar(plan)
    for index, serie in enumerate(plan.serier):
        at = ("moteplan", "serier", index)
        if org.finn(serie.organ) is None:
            problems.append(_problem((*at, "organ"),
                                     f"finner ikke organet «{serie.organ}» i organisasjonen"))
            continue
        try:
            result = expand_series(serie, plan, index=index, calendar=calendar, org=org)
        except RuleError as exc:
            problems.append(_problem((*at, "regel"), str(exc)))
            continue
        message = empty_series_message(serie, plan, result)
        if message:
            problems.append(_problem((*at, "regel"), message))
        meetings.extend(result.moter)
    if problems:
        raise DataError("møteplanen kan ikke utvides til møter", problems)
    order = display_order(plan, org, meetings)
    schedule = Schedule(aar=plan.aar, start=plan.start, slutt=plan.slutt, organer=order,
                        moter=tuple(sorted(meetings, key=KonkretMoete.sort_key)))
    if organ is None:
        return schedule
    return filter_schedule(schedule, organ, org)


def _problem(path: tuple[str | int, ...], message: str) -> Problem:
    return Problem(melding=message, sti=format_path(path))


def empty_series_message(serie: Moteserie, plan: Moteplan,
                         result: SeriesExpansion) -> str | None:
    """The Norwegian message for a series without meetings, else ``None``."""
    if result.moter:
        return None
    start, slutt = series_range(serie, plan)
    span = f"{start:%d.%m.%Y}–{slutt:%d.%m.%Y}"
    if not result.regel:
        return f"regelen gir ingen datoer i perioden {span}"
    if not result.generert:
        return (f"alle {len(result.regel)} datoene regelen gir i perioden {span} er tatt bort "
                "av «unntak» eller «hopp_over_maaneder»")
    return (f"alle datoene regelen gir i perioden {span} faller på fridager og droppes "
            "(ved_fridag: dropp)")


def display_order(plan: Moteplan, org: Organisasjon,
                  meetings: Iterable[KonkretMoete]) -> tuple[str, ...]:
    """The bodies in the order a møteplan shows them."""
    if plan.organer:
        return tuple(dict.fromkeys(_canonical(ref, org) for ref in plan.organer))
    used = {m.organ for m in meetings}
    order = [organ_id(o) for o in org.organer() if organ_id(o) in used]
    return tuple(dict.fromkeys([*order, *sorted(used - set(order))]))


def filter_schedule(schedule: Schedule, ref: str, org: Organisasjon) -> Schedule:
    """Only body ``ref``'s meetings (joint ones included); raises
    :class:`DataError` naming the known bodies when ``ref`` is unknown."""
    organ = org.finn(ref)
    if organ is None:
        known = ", ".join(sorted({organ_id(o) for o in org.organer() if organ_id(o)}))
        raise DataError(f"finner ikke organet «{ref}»; kjente er: {known}")
    key = organ_id(organ)
    return Schedule(aar=schedule.aar, start=schedule.start, slutt=schedule.slutt,
                    organer=(key,), moter=schedule.for_organ(key))


# -- the grids of the møteplan document ------------------------------------

@frozen(kw_only=True)
class GridHalf:
    """One grid of the møteplan: its own heading (``overskrift``, or ``None``
    for the default, named by ``kind``: "vaar", "haust", or "" for a grid of
    its own), its months as (year, month) and its rows (canonical body ids
    with the kommune's own captions)."""

    overskrift: str | None
    kind: str
    months: tuple[tuple[int, int], ...]
    rows: tuple[Moteplanrad, ...]


def grid_layout(plan: Moteplan, schedule: Schedule,
                org: Organisasjon | None = None) -> tuple[GridHalf, ...]:
    """The grids the møteplan shows: the kommune's ``halvaar`` as written, or
    by default spring (January–June) and autumn (August–December, as in the
    seeds). The autumn takes July when a meeting takes place in July, and
    January of the next year only when a meeting takes place then (Nes's
    "Jan 2022")."""
    default_rows = tuple(Moteplanrad(organ=o) for o in schedule.organer)
    if plan.halvaar:
        return tuple(
            GridHalf(overskrift=h.overskrift, kind=("vaar", "haust")[i] if i < 2 else "",
                     months=tuple((m.aar or plan.aar, m.maaned) for m in h.maaneder),
                     rows=tuple(evolve(r, organ=_canonical(r.organ, org)) for r in h.rader)
                     or default_rows)
            for i, h in enumerate(plan.halvaar))
    used = {((m.avholdes or m.dato).year, (m.avholdes or m.dato).month) for m in schedule.moter}
    year = plan.aar
    spring = tuple((year, m) for m in range(1, 7))
    autumn = [(year, m) for m in range(7 if (year, 7) in used else 8, 13)]
    if (year + 1, 1) in used:
        autumn.append((year + 1, 1))
    return (GridHalf(overskrift=None, kind="vaar", months=spring, rows=default_rows),
            GridHalf(overskrift=None, kind="haust", months=tuple(autumn), rows=default_rows))


# -- names of bodies ----------------------------------------------------------

def organ_name(data: SltData | Organisasjon, ref: str, lang: Language | str, *,
               short: bool = False) -> str:
    """A body's name as documents write it: its own name (``short``: its
    ``kortnavn`` when it has one), or for an unnamed level the level's
    label ("Styrande nivå")."""
    org = data.organisasjon if isinstance(data, SltData) else data
    organ: Organ | None = org.finn(ref)
    if organ is None:
        return ref
    return name_of(organ, lang, short=short)


def name_of(organ: Organ, lang: Language | str, *, short: bool = False) -> str:
    """The name documents write for ``organ`` (see :func:`organ_name`)."""
    if short and organ.kortnavn:
        return organ.kortnavn
    if organ.navn:
        return organ.navn
    if isinstance(organ, Nivaa):
        return _language(lang).label(organ.type.value)
    return organ_id(organ)


# -- describing rules in words ------------------------------------------------

MOVED_FROM = N_("Moved from {date}")
MOVED_FROM_BECAUSE = N_("Moved from {date} ({reason})")
"""How a moved meeting says where it was (the calendar, the look back)."""
MONTHLY_NTH = N_("{ordinal} {weekday} of the month")
MONTHLY_NTH_OTHER = N_("{ordinal} {weekday} of every other month")
MONTHLY_NTH_EVERY = N_("{ordinal} {weekday} of every {nth} month")
MONTHLY_NTH_IN = N_("{ordinal} {weekday} in {months}")
MONTHDAY = N_("day {day} of the month")
MONTHDAY_OTHER = N_("day {day} of every other month")
MONTHDAY_EVERY = N_("day {day} of every {nth} month")
MONTHDAY_IN = N_("day {day} of {months}")
WEEKLY = N_("every {weekday}")
WEEKLY_OTHER = N_("every other {weekday}")
WEEKLY_EVERY = N_("every {nth} {weekday}")
RULE_IN = N_("{rule} in {months}")
RULE_AT = N_("{rule} at {time}")
RULE_NOT_IN = N_("{rule}, not in {months}")
NTH_FROM_LAST = N_("{ordinal} from last")
SECOND_LAST = NP_("ordinal", "-2")


def _language(lang: Language | str) -> Language:
    return lang if isinstance(lang, Language) else get_language(lang)


def _ordinal(n: int, language: Language) -> str:
    word = language.ordinal_word(n)
    if n < -1 and word == f"{n}.":
        return language.gettext(NTH_FROM_LAST).format(ordinal=language.ordinal_word(-n))
    return word


def _months(months: Iterable[int], language: Language) -> str:
    names = [language.month(m) for m in sorted(set(months))]
    return format_list(names, locale=language.locale)


def describe_rule(regel: Moteregel, tid: Tidsrom | None, lang: Language | str) -> str:
    """A rule in words, lower case for running text: "første onsdag i
    måneden kl. 08.00–09.30", "siste fredag i månaden", "annakvar tysdag",
    "andre tirsdag i februar, mai, september og november"."""
    language = _language(lang)
    _ = language.gettext
    months = _months(regel.maaneder, language) if regel.maaneder else None
    weekday = language.weekday(regel.ukedag.value) if regel.ukedag is not None else ""
    interval = regel.intervall
    nth = language.ordinal_word(interval)
    if regel.frekvens is Frekvens.ukentlig or (regel.ukedag is not None and regel.nr is None):
        if regel.frekvens is Frekvens.maanedlig or interval == 1:
            text = _(WEEKLY).format(weekday=weekday)
        elif interval == 2:
            text = _(WEEKLY_OTHER).format(weekday=weekday)
        else:
            text = _(WEEKLY_EVERY).format(nth=nth, weekday=weekday)
        if months:
            text = _(RULE_IN).format(rule=text, months=months)
    elif regel.dag is not None:
        if months:
            text = _(MONTHDAY_IN).format(day=regel.dag, months=months)
        elif interval == 1:
            text = _(MONTHDAY).format(day=regel.dag)
        elif interval == 2:
            text = _(MONTHDAY_OTHER).format(day=regel.dag)
        else:
            text = _(MONTHDAY_EVERY).format(day=regel.dag, nth=nth)
    else:
        ordinal = _ordinal(regel.nr or 1, language)
        if months:
            text = _(MONTHLY_NTH_IN).format(ordinal=ordinal, weekday=weekday, months=months)
        elif interval == 1:
            text = _(MONTHLY_NTH).format(ordinal=ordinal, weekday=weekday)
        elif interval == 2:
            text = _(MONTHLY_NTH_OTHER).format(ordinal=ordinal, weekday=weekday)
        else:
            text = _(MONTHLY_NTH_EVERY).format(ordinal=ordinal, weekday=weekday, nth=nth)
    if tid is not None:
        text = _(RULE_AT).format(rule=text, time=language.time_range(tid))
    return text


def series_time(serie: Moteserie, org: Organisasjon | None = None) -> Tidsrom | None:
    """A series' time; with ``org``, its forum's usual time when the series
    has none (as :func:`expand` does)."""
    if serie.tid is None and org is not None:
        organ = org.finn(serie.organ)
        return organ.tid if isinstance(organ, Moteforum) else None
    return serie.tid


def describe_series(serie: Moteserie, lang: Language | str, *,
                    org: Organisasjon | None = None, with_time: bool = True) -> str:
    """A series' rule in words with its time and skipped months:
    "første onsdag i måneden kl. 08.00–09.30, ikke i juli" (without the
    time when not ``with_time``: a narrow column gives it a line of its own).
    With ``org``, a series without ``tid`` uses its forum's usual time."""
    language = _language(lang)
    tid = series_time(serie, org) if with_time else None
    text = describe_rule(serie.regel, tid, language)
    if serie.hopp_over_maaneder:
        text = language.gettext(RULE_NOT_IN).format(
            rule=text, months=_months(serie.hopp_over_maaneder, language))
    return text


__all__ = [
    "HOLIDAY_NAMES",
    "GridHalf",
    "HolidayCalendar",
    "KonkretMoete",
    "Opphav",
    "RuleError",
    "Schedule",
    "SeriesExpansion",
    "describe_rule",
    "describe_series",
    "display_order",
    "empty_series_message",
    "expand",
    "expand_series",
    "filter_schedule",
    "grid_layout",
    "holiday_calendar",
    "holiday_name",
    "name_of",
    "organ_name",
    "rule_dates",
    "series_range",
    "series_time",
    "single_meeting",
]
