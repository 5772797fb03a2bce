"""The next year's møteplan, proposed from this year's.

- A series (``serier``) is a rule and carries over as it is: expanded for
  the new year it respects the new year's public holidays and school
  holidays by itself. Its own ``fra``/``til`` move one year on; its
  exceptions and moved dates (``unntak``, ``flyttinger``) belonged to the
  old year's dates and are left out.
- A single meeting is proposed on the same weekday in the same week of the
  month ("first Friday of March" → the first Friday of March next year; a
  fifth one → the last), moved a week on (or back, to stay in the month)
  when that day is a public or school holiday, and marked ``forslag: true``
  until confirmed. Meetings already dated in the new year are kept as
  written, and a proposal for a body that already meets in that month is
  left out, as is an event with a title of its own (``tittel``: a one-off,
  such as a theme evening).
- School holidays are proposed in the same ISO week (Easter ones the same
  days from Easter Sunday) and marked ``forslag: true``; one that runs into
  the new year (juleferie) is kept as well.
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange

from attrs import frozen
from dateutil.easter import easter

from ..models import Ferie, Moteplan
from ..schedule import HolidayCalendar


@frozen(kw_only=True)
class MoeteChange:
    """What becomes of ``moter[index]``: kept as written (``keep``), moved to
    ``dato`` as a proposal, or left out (``dato`` is ``None``)."""

    index: int
    dato: dt.date | None
    keep: bool = False


@frozen(kw_only=True)
class SerieChange:
    """What becomes of ``serier[index]``: its new ``fra``/``til`` (``None``
    when it has none) and which ``unntak``/``flyttinger`` stay (by index)."""

    index: int
    fra: dt.date | None
    til: dt.date | None
    unntak: tuple[int, ...]
    flyttinger: tuple[int, ...]


@frozen(kw_only=True)
class FerieChange:
    """A school holiday proposed for the next year; ``keep_old`` when the
    old one runs into the new year and stays as well."""

    index: int
    fra: dt.date
    til: dt.date
    keep_old: bool


@frozen(kw_only=True)
class NextMoteplan:
    """Every change that makes ``aar``'s møteplan from the year before."""

    aar: int
    moter: tuple[MoeteChange, ...]
    serier: tuple[SerieChange, ...]
    skoleferier: tuple[FerieChange, ...]


def next_moteplan(plan: Moteplan, aar: int | None = None) -> NextMoteplan:
    """The changes that make the møteplan for ``aar`` (default: the next
    year) from ``plan``."""
    new_year = aar if aar is not None else plan.aar + 1
    step = new_year - plan.aar
    start, end = dt.date(new_year, 1, 1), dt.date(new_year + 1, 1, 31)
    ferier = tuple(_ferie_change(i, f, plan.aar, step) for i, f in enumerate(plan.skoleferier))
    kept_ferier = [f for f, c in zip(plan.skoleferier, ferier, strict=True) if c.keep_old]
    new_ferier = [Ferie(navn=f.navn, fra=c.fra, til=c.til)
                  for f, c in zip(plan.skoleferier, ferier, strict=True)]
    calendar = HolidayCalendar({new_year, new_year + 1}, (*kept_ferier, *new_ferier))

    kept = {(m.organ, m.dato.year, m.dato.month) for m in plan.moter if start <= m.dato <= end}
    moter: list[MoeteChange] = []
    for index, moete in enumerate(plan.moter):
        if start <= moete.dato <= end:
            moter.append(MoeteChange(index=index, dato=moete.dato, keep=True))
            continue
        if moete.dato.year != plan.aar or moete.tittel:
            # another year's, or a one-off event with a title of its own
            moter.append(MoeteChange(index=index, dato=None))
            continue
        day = avoid_days_off(same_place_in_month(moete.dato, moete.dato.year + step), calendar)
        if (moete.organ, day.year, day.month) in kept or not start <= day <= end:
            moter.append(MoeteChange(index=index, dato=None))
        else:
            moter.append(MoeteChange(index=index, dato=day))
    serier = []
    for index, serie in enumerate(plan.serier):
        serier.append(SerieChange(
            index=index, fra=_shift_year(serie.fra, step), til=_shift_year(serie.til, step),
            unntak=tuple(i for i, d in enumerate(serie.unntak) if start <= d <= end),
            flyttinger=tuple(i for i, f in enumerate(serie.flyttinger) if start <= f.fra <= end)))
    return NextMoteplan(aar=new_year, moter=tuple(moter), serier=tuple(serier),
                        skoleferier=ferier)


def same_place_in_month(day: dt.date, year: int) -> dt.date:
    """The same weekday in the same week of the same month of ``year``: the
    nth such weekday, or the last when ``day`` was a fifth one."""
    nth = (day.day - 1) // 7 + 1
    length = monthrange(year, day.month)[1]
    first = dt.date(year, day.month, 1)
    first_match = first + dt.timedelta(days=(day.weekday() - first.weekday()) % 7)
    candidate = first_match + dt.timedelta(weeks=nth - 1)
    if nth >= 5 or candidate.day > length or candidate.month != day.month:
        candidate = first_match
        while (candidate + dt.timedelta(weeks=1)).month == day.month:
            candidate += dt.timedelta(weeks=1)
    return candidate


def avoid_days_off(day: dt.date, calendar: HolidayCalendar) -> dt.date:
    """``day``, or when it is a public or school holiday the same weekday a
    week later (or earlier, to stay in the month), else the next working day."""
    if calendar.is_working_day(day):
        return day
    for weeks in (1, -1, 2, -2):
        other = day + dt.timedelta(weeks=weeks)
        if other.month == day.month and calendar.is_working_day(other):
            return other
    return calendar.next_working_day(day)


def _shift_year(day: dt.date | None, step: int) -> dt.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + step)
    except ValueError:  # 29 February
        return day.replace(year=day.year + step, day=28)


def _ferie_change(index: int, ferie: Ferie, old_year: int, step: int) -> FerieChange:
    keep_old = ferie.fra.year == old_year and ferie.til.year > old_year
    old_easter = easter(ferie.fra.year)
    if abs((ferie.fra - old_easter).days) <= 14:
        new_easter = easter(ferie.fra.year + step)
        return FerieChange(index=index, fra=new_easter + (ferie.fra - old_easter),
                           til=new_easter + (ferie.til - old_easter), keep_old=keep_old)
    return FerieChange(index=index, fra=_same_iso_day(ferie.fra, step),
                       til=_same_iso_day(ferie.til, step), keep_old=keep_old)


def _same_iso_day(day: dt.date, step: int) -> dt.date:
    year, week, weekday = day.isocalendar()
    try:
        return dt.date.fromisocalendar(year + step, week, weekday)
    except ValueError:  # week 53 in a year without one
        return dt.date.fromisocalendar(year + step, 52, weekday)
