"""Expanding the møteplan: every rule shape across the year boundary, around
Easter and 17. mai, the holiday policies, exceptions, moved meetings, the
checks that need the expanded dates, and rules described in words."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

import slt_docs
from slt_docs.errors import DataError
from slt_docs.models import Moteregel, Motestatus
from slt_docs.schedule import (
    HolidayCalendar,
    describe_rule,
    describe_series,
    expand,
    holiday_name,
    rule_dates,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
D = dt.date


def kommune(serier=(), moter=(), aar=2022, skoleferier=(), spraak="nb", organer=None):
    """A small kommune with four bodies and the given møteplan."""
    plan = {"aar": aar, "serier": list(serier), "moter": list(moter),
            "skoleferier": list(skoleferier)}
    if organer is not None:
        plan["organer"] = organer
    return {
        "kommune": {"navn": "Testvik", "spraak": spraak},
        "organisasjon": {
            "nivaa": [
                {"type": "styrende", "navn": "Politirådet", "id": "politiradet"},
                {"type": "koordinerende", "navn": "Koordineringsgruppa", "sted": "Rådhuset"},
                {"type": "utforende"},
            ],
            "moteforum": [{"id": "frokost", "navn": "SLT-frokostmøter", "tid": "08.00-09.00"}],
        },
        "moteplan": plan,
    }


def series(regel, **extra):
    return {"organ": "koordineringsgruppa", "regel": regel, **extra}


def dates_of(data, organ="koordineringsgruppa"):
    """The days the body's meetings take place."""
    return [m.avholdes for m in expand(data).for_organ(organ) if m.avholdes]


def load(**kwargs):
    return slt_docs.load_dict(kommune(**kwargs))


# -- rule shapes ------------------------------------------------------------------

def test_first_wednesday_every_month_runs_into_january_of_next_year():
    data = load(aar=2021, serier=[series({"frekvens": "maanedlig", "ukedag": "onsdag",
                                          "nr": 1})])
    assert dates_of(data) == [
        D(2021, 1, 6), D(2021, 2, 3), D(2021, 3, 3), D(2021, 4, 7), D(2021, 5, 5),
        D(2021, 6, 2), D(2021, 7, 7), D(2021, 8, 4), D(2021, 9, 1), D(2021, 10, 6),
        D(2021, 11, 3), D(2021, 12, 1), D(2022, 1, 5)]


def test_last_friday_of_the_month():
    data = load(serier=[series({"ukedag": "fredag", "nr": -1})])
    assert dates_of(data) == [
        D(2022, 1, 28), D(2022, 2, 25), D(2022, 3, 25), D(2022, 4, 29), D(2022, 5, 27),
        D(2022, 6, 24), D(2022, 7, 29), D(2022, 8, 26), D(2022, 9, 30), D(2022, 10, 28),
        D(2022, 11, 25), D(2022, 12, 30), D(2023, 1, 27)]


def test_every_other_tuesday_starts_on_the_first_tuesday_and_crosses_new_year():
    data = load(aar=2021, serier=[series({"frekvens": "ukentlig", "intervall": 2,
                                          "ukedag": "tysdag"})])
    days = dates_of(data)
    assert days[:3] == [D(2021, 1, 5), D(2021, 1, 19), D(2021, 2, 2)]
    assert days[-3:] == [D(2021, 12, 21), D(2022, 1, 4), D(2022, 1, 18)]
    assert all(d.weekday() == 1 for d in days)
    assert {(b - a).days for a, b in itertools.pairwise(days)} == {14}
    assert len(days) == 28


def test_every_other_tuesday_from_a_chosen_start_picks_that_week():
    data = load(aar=2021, serier=[series({"frekvens": "ukentlig", "intervall": 2,
                                          "ukedag": "tirsdag"},
                                         fra="2021-01-12", til="2021-02-28")])
    assert dates_of(data) == [D(2021, 1, 12), D(2021, 1, 26), D(2021, 2, 9), D(2021, 2, 23)]


def test_second_tuesday_in_fixed_months():
    data = load(serier=[series({"ukedag": "tirsdag", "nr": 2,
                                "maaneder": ["februar", "mai", "september", "november"]})])
    assert dates_of(data) == [D(2022, 2, 8), D(2022, 5, 10), D(2022, 9, 13), D(2022, 11, 8)]


def test_day_of_month_moves_off_weekends_and_crosses_new_year():
    data = load(serier=[series({"dag": 15})])
    days = dates_of(data)
    assert len(days) == 13
    # 15 January 2022 is a Saturday, 15 October 2022 a Saturday and
    # 15 January 2023 a Sunday: each moves to the Monday after.
    assert days[0] == D(2022, 1, 17)
    assert D(2022, 10, 17) in days and D(2022, 10, 15) not in days
    assert days[-1] == D(2023, 1, 16)
    assert D(2022, 3, 15) in days  # a Tuesday stays


def test_series_own_range_limits_it():
    data = load(serier=[series({"ukedag": "onsdag", "nr": 1}, fra="2022-08-01",
                               til="2022-11-30")])
    assert dates_of(data) == [D(2022, 8, 3), D(2022, 9, 7), D(2022, 10, 5), D(2022, 11, 2)]


def test_rule_dates_is_plain_rrule_expansion():
    regel = Moteregel(ukedag=slt_docs.models.Ukedag.torsdag, nr=1)
    # 1 April 2021 is skjærtorsdag; rule_dates knows nothing of holidays.
    assert rule_dates(regel, D(2021, 3, 1), D(2021, 4, 30)) == [D(2021, 3, 4), D(2021, 4, 1)]


# -- holidays ---------------------------------------------------------------------

def test_easter_2021_meeting_moves_past_good_friday_and_easter_monday():
    # First Friday of April 2021 is langfredag (2 April); Monday 5 April is
    # andre påskedag, so the next working day is Tuesday 6 April.
    data = load(aar=2021, serier=[series({"ukedag": "fredag", "nr": 1, "maaneder": [3, 4, 5]},
                                         ved_fridag="flytt")])
    [march, april, may] = expand(data).for_organ("koordineringsgruppa")
    assert (march.dato, march.status) == (D(2021, 3, 5), Motestatus.planlagt)
    assert april.dato == D(2021, 4, 2)
    assert april.status is Motestatus.flyttet
    assert april.avholdes == D(2021, 4, 6)
    assert april.fridag == "Langfredag"
    assert may.avholdes == D(2021, 5, 7)


def test_easter_2022_maundy_thursday_is_dropped_by_policy_dropp():
    data = load(serier=[series({"ukedag": "torsdag", "nr": 2}, ved_fridag="dropp")])
    days = dates_of(data)
    assert D(2022, 4, 14) not in days  # skjærtorsdag
    assert D(2022, 3, 10) in days and D(2022, 5, 12) in days
    assert len(days) == 12


def test_17_mai_is_kept_with_its_name_when_policy_is_behold():
    data = load(serier=[series({"ukedag": "tirsdag", "nr": 3, "maaneder": [5]},
                               ved_fridag="behold")])
    [meeting] = expand(data).for_organ("koordineringsgruppa")
    assert meeting.avholdes == D(2022, 5, 17)
    assert meeting.status is Motestatus.planlagt
    assert holiday_name(meeting.fridag, "nb") == "grunnlovsdag"


def test_17_mai_moves_to_18_mai_by_default():
    data = load(serier=[series({"ukedag": "tirsdag", "nr": 3, "maaneder": [5]})])
    [meeting] = expand(data).for_organ("koordineringsgruppa")
    assert (meeting.dato, meeting.avholdes) == (D(2022, 5, 17), D(2022, 5, 18))


def test_ordinary_sundays_are_not_holidays_but_easter_sunday_is():
    data = load(serier=[series({"frekvens": "ukentlig", "ukedag": "søndag"}, fra="2022-03-27",
                               til="2022-04-24", ved_fridag="dropp")])
    assert dates_of(data) == [D(2022, 3, 27), D(2022, 4, 3), D(2022, 4, 10), D(2022, 4, 24)]


def test_school_holiday_moves_meeting_to_the_first_day_after_it():
    vinterferie = {"navn": "Vinterferie", "fra": "2022-02-21", "til": "2022-02-25"}
    data = load(skoleferier=[vinterferie],
                serier=[series({"ukedag": "tirsdag", "nr": 4, "maaneder": [2]})])
    [meeting] = expand(data).for_organ("koordineringsgruppa")
    assert (meeting.dato, meeting.avholdes) == (D(2022, 2, 22), D(2022, 2, 28))
    assert meeting.fridag == "Vinterferie"


def test_holiday_calendar_names():
    cal = HolidayCalendar([2022])
    assert cal.public_holiday(D(2022, 5, 17)) == "Grunnlovsdag"
    assert cal.public_holiday(D(2022, 5, 26)) == "Kristi himmelfartsdag"
    assert cal.public_holiday(D(2022, 3, 6)) is None  # an ordinary Sunday
    assert cal.is_working_day(D(2022, 5, 16))
    assert not cal.is_working_day(D(2022, 4, 18))
    assert holiday_name("Kristi himmelfartsdag", "nn") == "Kristi himmelfartsdag"
    assert holiday_name("Arbeidernes dag", "nn") == "arbeidarane sin dag"


# -- exceptions and moves -------------------------------------------------------------

def test_skipped_month_and_excluded_dates_are_left_out():
    data = load(serier=[series({"ukedag": "onsdag", "nr": 1}, hopp_over_maaneder=["juli"],
                               unntak=["2022-12-07", "2023-01-04"])])
    days = dates_of(data)
    assert D(2022, 7, 6) not in days
    assert D(2022, 12, 7) not in days and D(2023, 1, 4) not in days
    assert len(days) == 10


def test_moved_meeting_carries_new_date_time_and_note_and_sorts_by_new_date():
    data = load(serier=[series(
        {"ukedag": "onsdag", "nr": 1, "maaneder": [3, 4]}, tid="08.00-09.30",
        flyttinger=[{"fra": "2022-03-02", "til": "2022-03-10", "tid": "12.00-13.00",
                     "merknad": "pga. vinterferien"}])],
        moter=[{"organ": "politiradet", "dato": "2022-03-08"}])
    schedule = expand(data)
    moved = next(m for m in schedule if m.dato == D(2022, 3, 2))
    assert moved.status is Motestatus.flyttet
    assert (moved.ny_dato, moved.avholdes) == (D(2022, 3, 10), D(2022, 3, 10))
    assert moved.tidsrom.start == dt.time(12) and moved.tid.start == dt.time(8)
    assert moved.merknad == "pga. vinterferien"
    assert moved.opphav.serie == 0 and moved.fra_serie
    assert [m.avholdes for m in schedule] == [D(2022, 3, 8), D(2022, 3, 10), D(2022, 4, 6)]


def test_explicit_move_wins_over_holiday_policy():
    data = load(serier=[series({"ukedag": "tirsdag", "nr": 3, "maaneder": [5]},
                               ved_fridag="dropp",
                               flyttinger=[{"fra": "2022-05-17", "til": "2022-05-19"}])])
    [meeting] = expand(data).for_organ("koordineringsgruppa")
    assert meeting.avholdes == D(2022, 5, 19)


def test_single_meetings_keep_status_and_body_ids_are_canonical():
    data = load(moter=[
        {"organ": "Politirådet", "dato": "2022-03-04", "tid": "13.00-15.00",
         "sammen_med": ["koordinerande"]},
        {"organ": "styrande", "dato": "2022-03-04", "tid": "09.00-10.00"},
        {"organ": "politiradet", "dato": "2022-06-01", "status": "utsatt", "aarsak": "Covid-19"},
        {"organ": "politiradet", "dato": "2022-09-01", "status": "flyttet",
         "ny_dato": "2022-09-08"},
        {"organ": "politiradet", "dato": "2022-10-01", "status": "avlyst"}])
    schedule = expand(data)
    assert [m.organ for m in schedule.moter[:2]] == ["politiradet", "politiradet"]
    assert [m.tid.start for m in schedule.moter[:2]] == [dt.time(9), dt.time(13)]
    assert schedule.moter[1].sammen_med == ("koordineringsgruppa",)
    assert [m.avholdes for m in schedule.held()] == [D(2022, 3, 4), D(2022, 3, 4),
                                                     D(2022, 9, 8)]
    assert len(schedule.for_organ("koordineringsgruppa")) == 1  # the joint meeting
    assert len(schedule.for_organ("koordineringsgruppa", joint=False)) == 0


def test_series_takes_forum_time_and_body_place():
    data = load(serier=[{"organ": "frokost", "regel": {"ukedag": "fredag", "nr": -1,
                                                       "maaneder": [3]}},
                        series({"ukedag": "onsdag", "nr": 1, "maaneder": [3]})])
    forum, group = (expand(data).for_organ(o)[0] for o in ("frokost", "koordineringsgruppa"))
    assert forum.tid.start == dt.time(8) and forum.tid.slutt == dt.time(9)
    assert group.sted == "Rådhuset"


def test_filter_by_name_and_level_kind():
    data = load(moter=[{"organ": "politiradet", "dato": "2022-03-04"}],
                serier=[series({"ukedag": "onsdag", "nr": 1})])
    assert len(expand(data, organ="styrande")) == 1
    assert len(expand(data, organ="Koordineringsgruppa")) == 13
    with pytest.raises(DataError, match="finner ikke organet «kulturrådet»"):
        expand(data, organ="kulturrådet")


def test_display_order_is_the_plans_or_the_organisations():
    written = load(organer=["frokost", "politiradet"],
                   moter=[{"organ": "politiradet", "dato": "2022-03-04"}])
    assert expand(written).organer == ("frokost", "politiradet")
    derived = load(moter=[{"organ": "frokost", "dato": "2022-03-04"},
                          {"organ": "koordineringsgruppa", "dato": "2022-03-05"}])
    assert expand(derived).organer == ("koordineringsgruppa", "frokost")


# -- checks -------------------------------------------------------------------------

def problems(**kwargs):
    return slt_docs.read_dict(kommune(**kwargs)).problems


def test_rule_that_yields_nothing_is_an_error_at_the_rule():
    # There is no fifth Friday in February 2022.
    found = problems(serier=[series({"ukedag": "fredag", "nr": 5, "maaneder": [2]})])
    [error] = [p for p in found if p.is_error]
    assert error.sti == "moteplan.serier[0].regel"
    assert "gir ingen datoer" in error.melding


def test_series_emptied_by_exceptions_is_an_error():
    found = problems(serier=[series({"ukedag": "onsdag", "nr": 1, "maaneder": [7]},
                                    hopp_over_maaneder=[7])])
    assert [p.sti for p in found if p.is_error] == ["moteplan.serier[0].regel"]


def test_expand_refuses_a_series_without_meetings():
    data = slt_docs.models.SltData(
        kommune=slt_docs.models.Kommune(navn="Testvik"),
        organisasjon=load().organisasjon,
        moteplan=slt_docs.models.Moteplan(aar=2022, serier=(slt_docs.models.Moteserie(
            organ="koordineringsgruppa", regel=Moteregel(dag=31, maaneder=(2,))),)))
    with pytest.raises(DataError) as info:
        expand(data)
    assert [p.sti for p in info.value.problems] == ["moteplan.serier[0].regel"]


def test_single_meeting_on_17_mai_is_a_warning_naming_the_day():
    result = slt_docs.read_dict(kommune(moter=[{"organ": "politiradet", "dato": "2022-05-17"}]))
    assert result.data is not None
    [warning] = result.warnings
    assert warning.sti == "moteplan.moter[0].dato"
    assert "17. mai 2022 er grunnlovsdag" in warning.melding


def test_single_meeting_in_school_holiday_or_weekend_is_a_warning():
    ferie = {"navn": "Haustferie", "fra": "2022-10-03", "til": "2022-10-07"}
    result = slt_docs.read_dict(kommune(skoleferier=[ferie], moter=[
        {"organ": "politiradet", "dato": "2022-10-05"},
        {"organ": "politiradet", "dato": "2022-10-08"},
        {"organ": "politiradet", "dato": "2022-10-10"},
        {"organ": "politiradet", "dato": "2022-05-17", "status": "avlyst"}]))
    assert result.data is not None
    messages = {p.sti: p.melding for p in result.warnings}
    assert set(messages) == {"moteplan.moter[0].dato", "moteplan.moter[1].dato"}
    assert "skoleferien «Haustferie»" in messages["moteplan.moter[0].dato"]
    assert "lørdag 8. oktober 2022 er en helgedag" in messages["moteplan.moter[1].dato"]


def test_move_from_a_date_the_series_does_not_have_is_an_error():
    found = problems(serier=[series({"ukedag": "onsdag", "nr": 1},
                                    flyttinger=[{"fra": "2022-03-09", "til": "2022-03-10"}])])
    [error] = [p for p in found if p.is_error]
    assert error.sti == "moteplan.serier[0].flyttinger[0].fra"
    assert "02.03.2022" in error.melding  # the date the rule does give in March


def test_exception_that_is_not_a_generated_date_is_a_warning():
    result = slt_docs.read_dict(kommune(serier=[series({"ukedag": "onsdag", "nr": 1},
                                                       unntak=["2022-03-09"])]))
    assert result.data is not None
    [warning] = result.warnings
    assert warning.sti == "moteplan.serier[0].unntak[0]"


# -- rules in words ---------------------------------------------------------------------

@pytest.mark.parametrize(("regel", "tid", "nb", "nn"), [
    ({"ukedag": "onsdag", "nr": 1}, "08.00-09.30",
     "første onsdag i måneden kl.\u00a008.00–09.30",
     "første onsdag i månaden kl.\u00a008.00–09.30"),
    ({"ukedag": "fredag", "nr": -1}, None, "siste fredag i måneden", "siste fredag i månaden"),
    ({"frekvens": "ukentlig", "intervall": 2, "ukedag": "tirsdag"}, None,
     "annenhver tirsdag", "annakvar tysdag"),
    ({"ukedag": "tirsdag", "nr": 2, "maaneder": [2, 5, 9, 11]}, None,
     "andre tirsdag i februar, mai, september og november",
     "andre tysdag i februar, mai, september og november"),
    ({"dag": 15}, None, "den 15. i måneden", "den 15. i månaden"),
    ({"frekvens": "ukentlig", "ukedag": "mandag"}, None, "hver mandag", "kvar måndag"),
    ({"frekvens": "ukentlig", "intervall": 3, "ukedag": "torsdag"}, None,
     "hver tredje torsdag", "kvar tredje torsdag"),
    ({"ukedag": "onsdag", "nr": 1, "intervall": 2}, None,
     "første onsdag annenhver måned", "første onsdag annakvar månad"),
    ({"ukedag": "fredag", "nr": -2}, None, "nest siste fredag i måneden",
     "nest siste fredag i månaden"),
])
def test_describe_rule(regel, tid, nb, nn):
    serie = load(serier=[series(regel, tid=tid) if tid else series(regel)]).moteplan.serier[0]
    assert describe_rule(serie.regel, serie.tid, "nb") == nb
    assert describe_rule(serie.regel, serie.tid, "nn") == nn


def test_describe_series_names_skipped_months():
    serie = load(serier=[series({"ukedag": "onsdag", "nr": 1}, hopp_over_maaneder=[7])]
                 ).moteplan.serier[0]
    assert describe_series(serie, "nb") == "første onsdag i måneden, ikke i juli"
    assert describe_series(serie, "nn") == "første onsdag i månaden, ikkje i juli"


# -- the real examples -------------------------------------------------------------------

def _example(name):
    path = EXAMPLES / name
    if not path.is_dir():
        pytest.skip(f"examples/{name} is not written yet")
    result = slt_docs.read(path)
    if result.data is None:
        pytest.skip(f"examples/{name} does not pass the check yet")
    return result.data


def test_nes_breakfast_series_is_the_first_wednesdays_of_the_seed():
    data = _example("nes")
    schedule = expand(data)
    serie = [m for m in schedule if m.opphav.serie == 0]
    assert [m.avholdes for m in serie] == [D(2021, 2, 3), D(2021, 4, 7), D(2021, 6, 2),
                                           D(2021, 9, 1), D(2021, 11, 3)]
    assert all(m.tid.start == dt.time(8) and m.tid.slutt == dt.time(9, 30) for m in serie)
    keys = [m.sort_key() for m in schedule]
    assert keys == sorted(keys)


def test_nes_postponed_theme_evening_is_not_held():
    data = _example("nes")
    evening = next(m for m in expand(data) if m.tittel and "temakveld" in m.tittel)
    assert evening.status is Motestatus.utsatt
    assert evening.avholdes is None


def test_aukra_politirad_dates():
    data = _example("aukra")
    ref = data.organisasjon.finn("styrande")
    dates = [m.avholdes for m in expand(data).for_organ(slt_docs.models.organ_id(ref))]
    assert dates == [D(2022, 3, 4), D(2022, 5, 31), D(2022, 9, 20), D(2022, 12, 13)]
