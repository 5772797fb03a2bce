"""The møteplan as an iCalendar file (.ics) for Outlook, Google Calendar and others.

Every concrete meeting (:func:`slt_docs.schedule.expand`) is one VEVENT.
Series are **expanded**, not written as RRULE + EXDATE, because:

- a series here is a rule *plus* its exceptions: left-out dates, skipped
  months, meetings moved to another day with a note, and meetings moved off
  public and school holidays. As iCalendar that is RRULE + EXDATE + RDATE +
  one RECURRENCE-ID override per moved meeting. Outlook does not take RDATE
  (Microsoft's MS-OXCICAL requires an RRULE beside it and Outlook refuses or
  drops such events), cannot represent several rule shapes as a recurrence
  pattern at all ("andre tirsdag i februar, mai, september og november" is
  MONTHLY with four BYMONTH values), and importers (Outlook's, and several
  others') are known to lose or duplicate RECURRENCE-ID overrides;
- Google Calendar and Outlook both import plain single events correctly, and
  re-importing a file updates an event with the same UID instead of adding a
  copy. With one UID per meeting (kommune + body + planned date), a meeting
  moved in the data keeps its UID and moves in the calendar when the file is
  imported again; a series written as one UID would be replaced as a whole;
- a cancelled meeting is one event with ``STATUS:CANCELLED``, a note belongs
  to one meeting, and filtering one body's meetings (``organ=``) is a plain
  selection.

The price is that a calendar program does not show the meetings as one
series; the møteplan data stays the one place to change them.

Times are local Europe/Oslo times (``DTSTART;TZID=Europe/Oslo``) with a
VTIMEZONE written in the RRULE form Outlook and Google understand (last
Sunday of March/October), checked against the tz database for the years
exported. A meeting without a time is an all-day event; one without an end
time has no DTEND (it is not given a length it does not have). A meeting
postponed without a new date is left out; a moved one is at its new date.
``DTSTAMP`` comes from the data (the date the plan was adopted, else 1
January of its year), never the clock, so the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

import icalendar

from .lang import Language, data_language
from .lang.labels import N_
from .models import Motestatus, SltData, expect_model, slug
from .schedule import (
    MOVED_FROM,
    MOVED_FROM_BECAUSE,
    KonkretMoete,
    Schedule,
    expand,
    filter_schedule,
    holiday_name,
    organ_name,
)

TZID = "Europe/Oslo"
OSLO = ZoneInfo(TZID)
PRODID = "-//slt_docs//SLT-møteplan//NO"
UID_DOMAIN = "slt-docs"

TOGETHER_WITH = N_("Together with {bodies}")
REASON = N_("Reason")
NEW_TIME = N_("New time")
CALENDAR_NAME = N_("SLT meeting plan {year}, {kommune}")


def to_ics(data: SltData, *, organ: str | None = None, lang: str | None = None,
           stamp: dt.datetime | None = None, schedule: Schedule | None = None) -> bytes:
    """The møteplan of ``data`` as iCalendar bytes (UTF-8, CRLF lines).

    ``organ`` keeps one body's meetings (by id, name, or level kind in
    bokmål or nynorsk; joint meetings included); ``lang`` is the language of
    the words written (default: the kommune's); ``stamp`` overrides DTSTAMP;
    ``schedule`` is the møteplan already expanded (expanded here when not given).
    Raises :class:`~slt_docs.errors.DataError` when ``data`` is not a model,
    has no møteplan or one that cannot be expanded, or for an unknown body;
    :class:`~slt_docs.errors.SltError` for an unknown language."""
    calendar, _ = build_calendar(expect_model(data), organ=organ, lang=lang, stamp=stamp,
                                 schedule=schedule)
    return calendar.to_ical()


def build_calendar(data: SltData, *, organ: str | None = None, lang: str | None = None,
                   stamp: dt.datetime | None = None,
                   schedule: Schedule | None = None) -> tuple[icalendar.Calendar, int]:
    """The :class:`icalendar.Calendar` and the number of events in it."""
    if schedule is None:
        schedule = expand(data, organ=organ)
    elif organ is not None:
        schedule = filter_schedule(schedule, organ, data.organisasjon)
    language = data_language(data, lang)
    stamp = stamp or default_stamp(data)
    kommune = language.kommune_name(data.kommune)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = language.gettext(CALENDAR_NAME).format(year=schedule.aar, kommune=kommune)
    if organ is not None:
        name = f"{name}: {organ_name(data, schedule.organer[0], language)}"
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    events = [_event(m, uid, data, language, stamp)
              for m, uid in zip(schedule.moter, meeting_uids(data, schedule), strict=True)
              if _exported(m)]
    timed = [e for e in events if isinstance(e.decoded("dtstart"), dt.datetime)]
    if timed:
        cal.add_component(oslo_timezone({e.decoded("dtstart").year for e in timed}))
    for event in events:
        cal.add_component(event)
    return cal, len(events)


def default_stamp(data: SltData) -> dt.datetime:
    """DTSTAMP from the data: the day the møteplan was adopted, else 1 January
    of its year (midnight UTC)."""
    plan = data.moteplan
    day = plan.vedtatt.dato if plan and plan.vedtatt and plan.vedtatt.dato else None
    if day is None:
        day = dt.date(plan.aar if plan else 1970, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def meeting_uids(data: SltData, schedule: Schedule) -> list[str]:
    """One stable UID per meeting: ``<kommune>-<body>-<planned date>@slt-docs``.

    The planned date (not the date it was moved to) keeps a moved meeting's
    UID, so re-importing updates it. Two meetings of one body on one planned
    day get ``-2``, ``-3`` … in the order they are written (single meetings
    first, then series)."""
    kommune = slug(data.kommune.navn)
    base = [f"{kommune}-{m.organ}-{m.dato:%Y%m%d}" for m in schedule.moter]
    counts = Counter(base)
    order = sorted(range(len(base)), key=lambda i: (
        base[i], schedule.moter[i].opphav.serie is not None,
        schedule.moter[i].opphav.serie or 0, schedule.moter[i].opphav.moete or 0))
    seen: Counter[str] = Counter()
    uids = [""] * len(base)
    for i in order:
        seen[base[i]] += 1
        suffix = f"-{seen[base[i]]}" if counts[base[i]] > 1 and seen[base[i]] > 1 else ""
        uids[i] = f"{base[i]}{suffix}@{UID_DOMAIN}"
    return uids


def _exported(m: KonkretMoete) -> bool:
    return m.status is Motestatus.avlyst or m.avholdes is not None


def _event(m: KonkretMoete, uid: str, data: SltData, language: Language,
           stamp: dt.datetime) -> icalendar.Event:
    day = m.dato if m.status is Motestatus.avlyst else m.avholdes
    assert day is not None
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    tid = m.tid if m.status is Motestatus.avlyst else m.tidsrom
    if tid is None:
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("x-microsoft-cdo-alldayevent", "TRUE")
    else:
        event.add("dtstart", dt.datetime.combine(day, tid.start, tzinfo=OSLO))
        if tid.slutt is not None:
            event.add("dtend", dt.datetime.combine(day, tid.slutt, tzinfo=OSLO))
    body = organ_name(data, m.organ, language)
    what = m.tittel or m.tema
    summary = f"{body}: {what}" if what else body
    if m.status is Motestatus.avlyst:
        summary = f"{language.label('status_avlyst').capitalize()}: {summary}"
    event.add("summary", summary)
    if m.sted:
        event.add("location", m.sted)
    description = _description(m, data, language)
    if description:
        event.add("description", description)
    event.add("status", "CANCELLED" if m.status is Motestatus.avlyst else "CONFIRMED")
    event.add("sequence", 0 if m.status is Motestatus.planlagt else 1)
    event.add("transp", "OPAQUE" if tid is not None else "TRANSPARENT")
    return event


def _description(m: KonkretMoete, data: SltData, language: Language) -> str:
    lines: list[str] = []
    if m.tittel and m.tema:
        lines.append(f"{language.label('tema')}: {m.tema}")
    if m.status is Motestatus.flyttet and m.ny_dato is not None:
        when = language.date(m.dato, year=False)
        if m.fridag:
            lines.append(language.gettext(MOVED_FROM_BECAUSE).format(
                date=when, reason=holiday_name(m.fridag, language)))
        else:
            lines.append(language.gettext(MOVED_FROM).format(date=when))
    if m.merknad:
        lines.append(f"{language.label('merknad')}: {m.merknad}")
    if m.aarsak:
        lines.append(f"{language.gettext(REASON)}: {m.aarsak}")
    if m.ny_tid_tekst:
        lines.append(f"{language.gettext(NEW_TIME)}: {m.ny_tid_tekst}")
    if m.sammen_med:
        names = [organ_name(data, ref, language) for ref in m.sammen_med]
        lines.append(language.gettext(TOGETHER_WITH).format(bodies=", ".join(names)))
    return "\n".join(lines)


# -- the time zone --------------------------------------------------------------

def _last_sunday(year: int, month: int) -> dt.date:
    day = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def _follows_eu_rule(years: set[int]) -> bool:
    """True when Europe/Oslo changes clocks by the EU rule (last Sunday of
    March and October at 01.00 UTC) in every one of ``years``."""
    for year in years:
        start = dt.datetime.combine(_last_sunday(year, 3), dt.time(1), tzinfo=dt.UTC)
        end = dt.datetime.combine(_last_sunday(year, 10), dt.time(1), tzinfo=dt.UTC)
        checks = [(dt.datetime(year, 1, 15, tzinfo=dt.UTC), 1),
                  (start - dt.timedelta(minutes=1), 1), (start, 2),
                  (end - dt.timedelta(minutes=1), 2), (end, 1),
                  (dt.datetime(year, 7, 15, tzinfo=dt.UTC), 2)]
        for moment, hours in checks:
            if moment.astimezone(OSLO).utcoffset() != dt.timedelta(hours=hours):
                return False
    return True


def oslo_timezone(years: set[int]) -> icalendar.Timezone:
    """The VTIMEZONE of Europe/Oslo: the RRULE form (as Google Calendar writes
    it, which Outlook reads correctly) when the tz database agrees with it for
    ``years``, else icalendar's own transition list for those years."""
    if not _follows_eu_rule(years):
        return icalendar.Timezone.from_tzid(
            TZID, first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 1, 1, 1))
    tz = icalendar.Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    daylight = icalendar.TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", dt.timedelta(hours=1))
    daylight.add("tzoffsetto", dt.timedelta(hours=2))
    daylight.add("dtstart", dt.datetime(1970, 3, 29, 2, 0))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    standard = icalendar.TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", dt.timedelta(hours=2))
    standard.add("tzoffsetto", dt.timedelta(hours=1))
    standard.add("dtstart", dt.datetime(1970, 10, 25, 3, 0))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    tz.add_component(daylight)
    tz.add_component(standard)
    return tz


# -- the command ------------------------------------------------------------------

__all__ = [
    "TZID",
    "build_calendar",
    "default_stamp",
    "meeting_uids",
    "oslo_timezone",
    "to_ics",
]
