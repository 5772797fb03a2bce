"""The calendar export: what a calendar program reads back from the .ics."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from test_schedule import kommune, series

import slt_docs
from slt_docs.cli import main
from slt_docs.errors import DataError
from slt_docs.ics import to_ics

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
OSLO_SUMMER = dt.timedelta(hours=2)
OSLO_WINTER = dt.timedelta(hours=1)


def sample(**extra):
    """Frokostmøter first Wednesday in June and December (summer and winter
    time), a politiråd meeting without a time, a moved, a postponed and a
    cancelled meeting."""
    return slt_docs.load_dict(kommune(
        aar=2021,
        serier=[{"organ": "frokost", "regel": {"ukedag": "onsdag", "nr": 1,
                                               "maaneder": ["juni", "desember"]},
                 "tid": "08.00-09.30", "sted": "Kommunestyresalen", "tema": "Frokost"}],
        moter=[
            {"organ": "politiradet", "dato": "2021-02-15", "sammen_med": ["koordinerande"],
             "tema": "Budsjett"},
            {"organ": "koordineringsgruppa", "dato": "2021-03-04", "tid": "18.00-21.00",
             "tittel": "Rusforebyggende temakveld", "status": "utsatt", "aarsak": "Covid-19"},
            {"organ": "koordineringsgruppa", "dato": "2021-09-14", "tid": "08.30-10.30",
             "status": "flyttet", "ny_dato": "2021-09-21", "aarsak": "valet"},
            {"organ": "koordineringsgruppa", "dato": "2021-11-11", "tid": "13.30-15.30",
             "status": "avlyst"},
        ], **extra))


def events(content: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(content).walk("VEVENT"))


def by_uid(content: bytes) -> dict[str, icalendar.Event]:
    return {str(e["uid"]): e for e in events(content)}


def test_every_held_or_cancelled_meeting_is_one_event():
    found = events(to_ics(sample()))
    # 2 frokostmøter + politiråd + moved + cancelled; the postponed one is left out.
    assert len(found) == 5
    assert not any("temakveld" in str(e["summary"]) for e in found)


def test_summer_and_winter_times_are_oslo_local_with_the_right_offset():
    found = by_uid(to_ics(sample()))
    june = found["testvik-frokost-20210602@slt-docs"]
    december = found["testvik-frokost-20211201@slt-docs"]
    start, end = june.decoded("dtstart"), june.decoded("dtend")
    assert (start.hour, start.minute, end.hour, end.minute) == (8, 0, 9, 30)
    assert start.utcoffset() == OSLO_SUMMER
    assert december.decoded("dtstart").utcoffset() == OSLO_WINTER
    assert june["dtstart"].params["TZID"] == "Europe/Oslo"
    assert str(june["location"]) == "Kommunestyresalen"
    assert str(june["summary"]) == "SLT-frokostmøter: Frokost"


def test_the_embedded_vtimezone_itself_gives_summer_and_winter_offsets():
    cal = icalendar.Calendar.from_ical(to_ics(sample()))
    [vtimezone] = cal.walk("VTIMEZONE")
    assert str(vtimezone["tzid"]) == "Europe/Oslo"
    tz = vtimezone.to_tz(lookup_tzid=False)  # from the file's rules, not the tz database
    assert dt.datetime(2021, 6, 2, 8, tzinfo=tz).utcoffset() == OSLO_SUMMER
    assert dt.datetime(2021, 12, 1, 8, tzinfo=tz).utcoffset() == OSLO_WINTER
    assert dt.datetime(2021, 3, 28, 1, 30, tzinfo=tz).utcoffset() == OSLO_WINTER
    assert dt.datetime(2021, 3, 28, 3, 30, tzinfo=tz).utcoffset() == OSLO_SUMMER


def test_meeting_without_time_is_an_all_day_event():
    event = by_uid(to_ics(sample()))["testvik-politiradet-20210215@slt-docs"]
    assert event.decoded("dtstart") == dt.date(2021, 2, 15)
    assert not isinstance(event.decoded("dtstart"), dt.datetime)
    assert event.decoded("dtend") == dt.date(2021, 2, 16)
    assert "Sammen med Koordineringsgruppa" in str(event["description"])


def test_moved_meeting_is_at_its_new_date_with_the_uid_of_the_planned_one():
    event = by_uid(to_ics(sample()))["testvik-koordineringsgruppa-20210914@slt-docs"]
    assert event.decoded("dtstart").date() == dt.date(2021, 9, 21)
    description = str(event["description"])
    assert "Flyttet fra tirsdag 14. september" in description
    assert "Årsak: valet" in description


def test_cancelled_meeting_is_marked_cancelled():
    event = by_uid(to_ics(sample()))["testvik-koordineringsgruppa-20211111@slt-docs"]
    assert str(event["status"]) == "CANCELLED"
    assert str(event["summary"]).startswith("Avlyst: ")


def test_series_meeting_moved_off_a_holiday_says_why():
    data = slt_docs.load_dict(kommune(serier=[series(
        {"ukedag": "tirsdag", "nr": 3, "maaneder": [5]}, tid="10.00-11.00")]))
    [event] = events(to_ics(data))
    assert event.decoded("dtstart").date() == dt.date(2022, 5, 18)
    assert "Flyttet fra tirsdag 17. mai (grunnlovsdag)" in str(event["description"])


def test_same_data_gives_same_bytes_and_uids_are_stable():
    first, second = to_ics(sample()), to_ics(sample())
    assert first == second
    # A meeting added before it, or the meeting moved, keeps its UID.
    added = slt_docs.load_dict(kommune(aar=2021, moter=[
        {"organ": "politiradet", "dato": "2021-01-20"},
        {"organ": "politiradet", "dato": "2021-02-15", "status": "flyttet",
         "ny_dato": "2021-02-17"}]))
    again = by_uid(to_ics(added))
    assert set(again) == {"testvik-politiradet-20210120@slt-docs",
                          "testvik-politiradet-20210215@slt-docs"}
    assert "testvik-politiradet-20210215@slt-docs" in by_uid(first)


def test_dtstamp_comes_from_the_data_not_the_clock():
    data = sample()
    stamps = {e.decoded("dtstamp") for e in events(to_ics(data))}
    assert stamps == {dt.datetime(2021, 1, 1, tzinfo=dt.UTC)}


def test_two_meetings_of_one_body_on_one_day_get_distinct_uids():
    data = slt_docs.load_dict(kommune(moter=[
        {"organ": "politiradet", "dato": "2022-03-04", "tid": "09.00-10.00"},
        {"organ": "politiradet", "dato": "2022-03-04", "tid": "13.00-14.00"}]))
    assert sorted(by_uid(to_ics(data))) == ["testvik-politiradet-20220304-2@slt-docs",
                                             "testvik-politiradet-20220304@slt-docs"]


@pytest.mark.parametrize("ref", ["koordineringsgruppa", "Koordineringsgruppa", "koordinerande",
                                 "koordinerende"])
def test_filter_by_body_includes_joint_meetings(ref):
    found = events(to_ics(sample(), organ=ref))
    # the moved and the cancelled meeting, and the joint politiråd meeting
    assert len(found) == 3
    assert {str(e["uid"]).split("-")[1] for e in found} == {"koordineringsgruppa",
                                                             "politiradet"}


def test_filter_by_unknown_body_names_the_known_ones():
    with pytest.raises(DataError, match=r"kjente er: .*koordineringsgruppa"):
        to_ics(sample(), organ="kulturrådet")


def test_nynorsk_words():
    data = slt_docs.load_dict(kommune(spraak="nn", moter=[
        {"organ": "politiradet", "dato": "2022-02-15", "sammen_med": ["koordinerande"]}]))
    [event] = events(to_ics(data))
    assert "Saman med Koordineringsgruppa" in str(event["description"])


# -- the command ---------------------------------------------------------------------

def _write_sample(tmp_path: Path) -> Path:
    import yaml

    folder = tmp_path / "testvik"
    folder.mkdir()
    data = kommune(moter=[{"organ": "politiradet", "dato": "2022-03-04", "tid": "13.00-15.00"}],
                   serier=[series({"ukedag": "onsdag", "nr": 1}, tid="08.00-09.00")])
    (folder / "data.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def test_calendar_command_writes_file(tmp_path, capsys):
    folder = _write_sample(tmp_path)
    target = tmp_path / "moteplan.ics"
    assert main(["calendar", str(folder), "-o", str(target)]) == 0
    assert len(events(target.read_bytes())) == 14
    assert "14 møter" in capsys.readouterr().out
    assert main(["calendar", str(folder), "-o", str(tmp_path / "pr.ics"), "--body",
                 "styrande"]) == 0
    assert len(events((tmp_path / "pr.ics").read_bytes())) == 1


def test_calendar_command_bad_input_exits_2_and_writes_nothing(tmp_path, capsys):
    folder = _write_sample(tmp_path)
    target = tmp_path / "x.ics"
    assert main(["calendar", str(folder), "-o", str(target), "--body", "kulturrådet"]) == 2
    assert "finner ikke organet «kulturrådet»" in capsys.readouterr().err
    assert not target.exists()
    (folder / "data.yaml").write_text("kommune: {navn: X}\n", encoding="utf-8")
    assert main(["calendar", str(folder), "-o", str(target)]) == 2
    assert not target.exists()
    assert list(tmp_path.glob("*.tmp")) == []


def test_nes_example_calendar():
    path = EXAMPLES / "nes"
    result = slt_docs.read(path) if path.is_dir() else None
    if result is None or result.data is None:
        pytest.skip("examples/nes is not ready")
    found = by_uid(to_ics(result.data, organ="frokostmote"))
    assert sorted(found) == [f"nes-frokostmote-2021{d}@slt-docs"
                             for d in ("0203", "0407", "0602", "0901", "1103")]
    june = found["nes-frokostmote-20210602@slt-docs"].decoded("dtstart")
    november = found["nes-frokostmote-20211103@slt-docs"].decoded("dtstart")
    assert (june.hour, june.utcoffset()) == (8, OSLO_SUMMER)
    assert (november.hour, november.utcoffset()) == (8, OSLO_WINTER)
