"""The SLT year: status files, rolling the plan forward (slt-docs rull),
the look back and next møteplan it writes, and what changed (slt-docs
endringer)."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

import slt_docs
from slt_docs.cli import main
from slt_docs.cycle.diff import Kind, compare, compare_data
from slt_docs.cycle.meetings import avoid_days_off, same_place_in_month
from slt_docs.cycle.rollover import Ferdige, roll_forward
from slt_docs.cycle.status import year_status
from slt_docs.cycle.worddiff import plain, word_diff
from slt_docs.errors import SltError
from slt_docs.models import Motestatus, Tiltaksstatus
from slt_docs.render.extract import plain_text
from slt_docs.schedule import HolidayCalendar, expand

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
AUKRA = EXAMPLES / "aukra"
FINISHED_2022 = ["1.1", "1.2", "1.4", "2.4", "4.3"]
"""Aukra's tiltak completed or ended in 2022 by its (invented) status file."""


def _tree_hash(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _copy(src: Path, tmp_path: Path, name: str = "data") -> Path:
    target = tmp_path / name
    shutil.copytree(src, target)
    return target


# -- status files ----------------------------------------------------------------

def test_aukra_status_2022_is_read_and_counted():
    data = slt_docs.load(AUKRA)
    assert [r.aar for r in data.status] == [2022]
    status = year_status(data, 2022)
    assert status.total == 20
    assert status.counts == {Tiltaksstatus.gjennomfort: 4, Tiltaksstatus.i_gang: 12,
                             Tiltaksstatus.ikke_startet: 1, Tiltaksstatus.utsatt: 2,
                             Tiltaksstatus.avsluttet: 1}
    assert sum(sum(d.counts.values()) for d in status.per_delmaal) == 20
    first = status.rader[0]
    assert (first.nummer, first.status) == ("1.1", Tiltaksstatus.gjennomfort)
    assert first.punkt is not None and first.punkt.resultat
    finished = [r.nummer for r in status.rader if r.status and r.status.ferdig]
    assert finished == FINISHED_2022


def test_aukra_status_file_says_it_is_invented():
    text = (AUKRA / "status-2022.yaml").read_text(encoding="utf-8")
    assert "OPPDIKTA EKSEMPELDATA" in text.split("status:")[0]


@pytest.mark.parametrize("written, meant", [
    ("ikke startet", Tiltaksstatus.ikke_startet), ("ikkje starta", Tiltaksstatus.ikke_startet),
    ("i gang", Tiltaksstatus.i_gang), ("I  Gang", Tiltaksstatus.i_gang),
    ("gjennomført", Tiltaksstatus.gjennomfort), ("utsett", Tiltaksstatus.utsatt),
    ("utsatt", Tiltaksstatus.utsatt), ("avslutta", Tiltaksstatus.avsluttet),
    ("avsluttet", Tiltaksstatus.avsluttet), ("pågår", Tiltaksstatus.i_gang),
])
def test_status_values_in_both_written_standards(tmp_path, written, meant):
    folder = _copy(AUKRA, tmp_path)
    (folder / "status-2022.yaml").write_text(
        f'status:\n  aar: 2022\n  tiltak:\n    - {{tiltak: "2.1", status: {written}}}\n',
        encoding="utf-8")
    data = slt_docs.load(folder)
    assert data.status[0].tiltak[0].status is meant


def _problems(folder: Path) -> list[slt_docs.Problem]:
    return slt_docs.read(folder).problems


def test_status_file_errors_are_located(tmp_path, capsys):
    folder = _copy(AUKRA, tmp_path)
    (folder / "status-2022.yaml").write_text(
        "status:\n"
        "  aar: 2022\n"
        "  tiltak:\n"
        '    - {tiltak: "1.1", status: gjennomført}\n'
        '    - {tiltak: "9.9", status: i gang}\n'
        '    - {tiltak: "1.1", status: utsett}\n'
        '    - {tiltak: "1.2", status: ferdig}\n',
        encoding="utf-8")
    problems = _problems(folder)
    by_line = {p.linje: p for p in problems if p.is_error}
    assert by_line[7].sti == "status[0].tiltak[3].status"
    assert "ferdig" in by_line[7].melding
    # structure errors stop the check; fix the value and look again
    text = (folder / "status-2022.yaml").read_text(encoding="utf-8").replace("ferdig", "i gang")
    (folder / "status-2022.yaml").write_text(text, encoding="utf-8")
    errors = [p for p in _problems(folder) if p.is_error]
    assert {(p.fil.name, p.linje, p.sti) for p in errors} == {
        ("status-2022.yaml", 5, "status[0].tiltak[1].tiltak"),
        ("status-2022.yaml", 6, "status[0].tiltak[2].tiltak"),
    }
    unknown = next(p for p in errors if p.linje == 5)
    assert "9.9" in unknown.melding
    duplicate = next(p for p in errors if p.linje == 6)
    assert "1.1" in duplicate.melding and "én gang" in duplicate.melding
    warnings = [p for p in _problems(folder) if not p.is_error]
    assert any("ingen status for 2022" in p.melding for p in warnings)
    # on the command line: located Norwegian messages, exit status 2, nothing made
    for argv in (["kontroller", folder], ["lag", folder, "--doc", "statusrapport", "-o",
                                         tmp_path / "s.docx"]):
        assert main([str(a) for a in argv]) == 2
        err = capsys.readouterr().err
        assert f"{folder / 'status-2022.yaml'}:5:16: feil: status[0].tiltak[1].tiltak:" in err
        assert f"{folder / 'status-2022.yaml'}:6:16: feil: status[0].tiltak[2].tiltak:" in err
        assert "Traceback" not in err
    assert not (tmp_path / "s.docx").exists()


def test_status_by_id_and_year_outside_the_period(tmp_path):
    folder = _copy(AUKRA, tmp_path)
    plan = (folder / "handlingsplan.yaml").read_text(encoding="utf-8")
    plan = plan.replace("        - tittel: MOT ", "        - id: mot\n          tittel: MOT ", 1)
    (folder / "handlingsplan.yaml").write_text(plan, encoding="utf-8")
    (folder / "status-2021.yaml").write_text(
        "status:\n  aar: 2021\n  tiltak:\n    - {tiltak: mot, status: i gang}\n",
        encoding="utf-8")
    errors = [p for p in _problems(folder) if p.is_error]
    assert [(p.fil.name, p.linje, p.sti) for p in errors] == [
        ("status-2021.yaml", 2, "status[0].aar")]
    assert "utenfor planperioden 2022" in errors[0].melding
    (folder / "status-2021.yaml").write_text(
        "status:\n  aar: 2022\n  tiltak:\n    - {tiltak: mot, status: i gang}\n",
        encoding="utf-8")
    errors = [p for p in _problems(folder) if p.is_error]
    assert len(errors) == 1 and "to ganger" in errors[0].melding
    (folder / "status-2021.yaml").unlink()
    data = slt_docs.load(folder)
    number, tiltak = data.handlingsplan.find_tiltak("mot")
    assert (number, tiltak.tittel) == ("2.4", "MOT")


def test_several_years_of_status_in_one_folder(tmp_path):
    folder = _copy(EXAMPLES / "nordre-land", tmp_path)
    for year, status in ((2022, "i gang"), (2023, "gjennomført")):
        (folder / f"status-{year}.yaml").write_text(
            f'status:\n  aar: {year}\n  tiltak:\n    - {{tiltak: "1", status: {status}}}\n',
            encoding="utf-8")
    data = slt_docs.load(folder)
    assert sorted(r.aar for r in data.status) == [2022, 2023]
    assert year_status(data).aar == 2023
    assert year_status(data, 2022).rader[0].status is Tiltaksstatus.i_gang
    with pytest.raises(SltError, match="ingen status for 2024"):
        year_status(data, 2024)


# -- the next year's dates --------------------------------------------------------

@pytest.mark.parametrize("old, year, new", [
    (dt.date(2022, 3, 4), 2023, dt.date(2023, 3, 3)),     # first Friday
    (dt.date(2022, 5, 31), 2023, dt.date(2023, 5, 30)),   # fifth Tuesday → the last
    (dt.date(2022, 11, 15), 2023, dt.date(2023, 11, 21)),  # third Tuesday
    (dt.date(2021, 1, 29), 2022, dt.date(2022, 1, 28)),   # last Friday (fifth → last)
])
def test_same_weekday_and_week_of_the_month(old, year, new):
    assert same_place_in_month(old, year) == new
    assert new.weekday() == old.weekday()


def test_a_proposed_date_on_a_holiday_moves_a_week():
    calendar = HolidayCalendar({2023})
    assert avoid_days_off(dt.date(2023, 5, 17), calendar) == dt.date(2023, 5, 24)
    assert avoid_days_off(dt.date(2023, 5, 16), calendar) == dt.date(2023, 5, 16)


# -- rolling Aukra 2022 forward ----------------------------------------------------

@pytest.fixture(scope="module")
def rolled(tmp_path_factory) -> dict[Ferdige, Path]:
    before = _tree_hash(AUKRA)
    out = {}
    for mode in Ferdige:
        target = tmp_path_factory.mktemp(mode.value) / "aukra-2023"
        roll_forward(AUKRA, target, 2023, ferdige=mode)
        out[mode] = target
    assert _tree_hash(AUKRA) == before, "the old folder must stay untouched"
    return out


@pytest.mark.parametrize("mode", list(Ferdige))
def test_rolled_aukra_passes_check(rolled, mode):
    result = slt_docs.read(rolled[mode])
    assert result.data is not None, [str(p) for p in result.problems]
    assert [p for p in result.problems if p.is_error] == []
    plan = result.data.handlingsplan
    assert (plan.periode.fra, plan.periode.til) == (2023, 2023)
    assert plan.tittel == "SLT Handlingsplan 2023"
    assert plan.tiltakstabell.tittel == "MÅL OG TILTAK FOR 2023"
    assert plan.vedtatt is None
    assert result.data.status == ()
    assert not (rolled[mode] / "status-2022.yaml").exists()


def test_check_asks_for_the_topics_of_the_look_backs_meetings(rolled, tmp_path):
    """The drafted look back lists last year's meetings with empty topics for
    the coordinator to fill; until then ``kontroller`` says so once, at the
    first such meeting (in the document each would be a heading alone)."""
    problems = [p for p in slt_docs.read(rolled[Ferdige.merk]).problems
                if "ingen tema" in p.melding]
    assert len(problems) == 1
    (problem,) = problems
    assert not problem.is_error
    assert problem.sti == "handlingsplan.tilbakeblikk.moter[0].tema"
    assert problem.fil.name == "handlingsplan.yaml" and problem.linje
    assert "og 12 møter til" in problem.melding  # the seminar came with its topic
    folder = tmp_path / "utfylt"
    shutil.copytree(rolled[Ferdige.merk], folder)
    plan = folder / "handlingsplan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "tema: []", "tema: [Ungdata]"), encoding="utf-8")
    assert not [p for p in slt_docs.read(folder).problems if "ingen tema" in p.melding]


def test_look_back_lists_every_2022_meeting_of_each_body(rolled):
    old = slt_docs.load(AUKRA)
    new = slt_docs.load(rolled[Ferdige.merk])
    tb = new.handlingsplan.tilbakeblikk
    assert tb.aar == 2022
    held = {(m.organ, m.avholdes) for m in expand(old).held() if m.avholdes.year == 2022}
    assert len(held) == 14
    assert {(m.organ, m.dato) for m in tb.moter} == held
    # grouped by body in the møteplan's order, each body's by date
    organs = [m.organ for m in tb.moter]
    assert list(dict.fromkeys(organs)) == list(old.moteplan.organer)
    for organ in set(organs):
        dates = [m.dato for m in tb.moter if m.organ == organ]
        assert dates == sorted(dates)
    seminar = [m for m in tb.moter if m.dato == dt.date(2022, 11, 30)]
    assert seminar[0].tema == ("Arbeidsseminar med evaluering og planlegging for neste år",)
    assert "for 2022." in tb.innledning[0].avsnitt
    assert tb.overskrift == "TILBAKEBLIKK PÅ 2022"  # the kommune's own heading, its year moved
    labels = new.handlingsplan.etiketter
    # the application still waiting for an answer was sent in 2021: its label keeps that year
    assert labels["soknader"] == "Søknad om tilskot til førebygging av utanforskap (2021):"
    statuses = {s.status: s.tiltak for s in tb.tiltaksstatus}
    assert statuses[Tiltaksstatus.gjennomfort] == (
        "1.1 Ungdata 2021 og Ungdata junior 2021", "1.2 Politiråd (det styrande nivå)",
        "1.4 SLT - seminar 2022", "4.3 Rusproblematikk")
    assert [s.utfall.value for s in tb.soknader] == ["venter"]


def test_new_moteplan_has_the_2023_dates(rolled):
    new = slt_docs.load(rolled[Ferdige.merk]).moteplan
    assert new.aar == 2023
    assert all(m.dato.year == 2023 and m.forslag for m in new.moter)
    dates = {(m.organ, m.dato) for m in new.moter}
    assert dates == {
        ("politiradet", dt.date(2023, 3, 3)), ("politiradet", dt.date(2023, 5, 30)),
        ("politiradet", dt.date(2023, 9, 19)), ("politiradet", dt.date(2023, 12, 12)),
        ("koordineringsgruppa", dt.date(2023, 2, 8)),
        ("koordineringsgruppa", dt.date(2023, 3, 29)),
        # 17 May 2023 (third Wednesday) is Grunnlovsdag: a week later
        ("koordineringsgruppa", dt.date(2023, 5, 24)),
        ("koordineringsgruppa", dt.date(2023, 9, 6)),
        ("koordineringsgruppa", dt.date(2023, 11, 29)),
        ("ung-i-aukra", dt.date(2023, 1, 24)), ("ung-i-aukra", dt.date(2023, 5, 2)),
        ("ung-i-aukra", dt.date(2023, 8, 22)), ("ung-i-aukra", dt.date(2023, 11, 21)),
        ("slt-seminar", dt.date(2023, 10, 25)),
    }
    old = slt_docs.load(AUKRA).moteplan
    for a, b in zip(old.moter, new.moter, strict=True):
        assert a.dato.weekday() == b.dato.weekday()
        assert (a.organ, a.tid, a.tema) == (b.organ, b.tid, b.tema)


def test_rolled_yaml_keeps_comments_order_and_wording(rolled):
    old_text = (AUKRA / "handlingsplan.yaml").read_text(encoding="utf-8")
    new_text = (rolled[Ferdige.merk] / "handlingsplan.yaml").read_text(encoding="utf-8")
    for comment in ("# Aukra: «SLT Handlingsplan 2022»", "# BAKGRUNN", "# MÅL OG TILTAK FOR 2022",
                    "# Den vedtekne planen har 1.3 to gonger.",
                    "# to tiltak har nummeret 1.3; statusfila viser til id-en",
                    "# 3.4: ansvar- og tidspunkt-cellene",
                    "# 2 -----"):
        assert comment in new_text, comment
    # «# MÅL OG TILTAK» still stands right before the key it was written over
    assert new_text.index("# MÅL OG TILTAK FOR 2022") < new_text.index("\n  hovedmaal:")
    assert new_text.index("# MÅL OG TILTAK FOR 2022") > new_text.index("tiltaksstatus:")
    keys = [line.split(":")[0].strip() for line in old_text.splitlines()
            if line.startswith("  ") and not line.startswith("   ") and ":" in line
            and not line.strip().startswith("#")]
    new_keys = [line.split(":")[0].strip() for line in new_text.splitlines()
                if line.startswith("  ") and not line.startswith("   ") and ":" in line
                and not line.strip().startswith("#")]
    assert new_keys == keys
    # comments carry last year's status in the data's language (nynorsk)
    assert "# Status 2022: Utsett – Kartlegginga vert gjort saman med BUP i 2023." in new_text
    assert "# Teksten nemner 2022: sjå om han skal endrast." in new_text
    for name in ("kommune.yaml", "organisasjon.yaml"):
        assert (rolled[Ferdige.merk] / name).read_bytes() == (AUKRA / name).read_bytes()
    moteplan = (rolled[Ferdige.merk] / "moteplan.yaml").read_text(encoding="utf-8")
    assert '- {organ: politiradet, dato: 2023-03-03, tid: "13.00-15.00", forslag: true}' \
        in moteplan
    assert "# «Ung i Aukra» (tiltak «1.3 Det utførande nivå»" in moteplan


def _diff(old: Path, new: Path):
    return compare_data(slt_docs.load(old), slt_docs.load(new))


def test_diff_of_rolled_plan_is_exactly_the_intended_changes(rolled):
    for mode in Ferdige:
        diff = _diff(AUKRA, rolled[mode])
        assert [f.field for f in diff.fields] == ["tittel", "periode", "tiltakstabell",
                                                  "tilbakeblikk"]
        assert plain(diff.fields[0].text) == "SLT Handlingsplan [-2022-]{+2023+}"
        assert diff.delmaal == ()
        if mode is Ferdige.utelat:
            assert [(c.kind, c.old_number) for c in diff.tiltak] == [
                (Kind.removed, n) for n in FINISHED_2022]
            assert diff.unchanged == 15
            assert ("1.3", "1.1") in diff.renumbered
        else:
            assert [(c.kind, c.new_number) for c in diff.tiltak] == [
                (Kind.changed, n) for n in FINISHED_2022]
            for change in diff.tiltak:
                assert change.status[0] is None and change.status[1].ferdig
                assert not (change.tittel or change.punkter or change.ansvar
                            or change.tidspunkt or change.moved)
            assert diff.unchanged == 15 and diff.renumbered == ()


def test_refuses_a_folder_that_is_not_empty(tmp_path):
    target = tmp_path / "ny"
    target.mkdir()
    (target / "notat.txt").write_text("mitt", encoding="utf-8")
    with pytest.raises(SltError, match="ikke tom"):
        roll_forward(AUKRA, target, 2023)
    assert (target / "notat.txt").read_text(encoding="utf-8") == "mitt"
    roll_forward(AUKRA, target, 2023, overwrite=True)
    assert not (target / "notat.txt").exists()
    assert slt_docs.read(target).data is not None
    with pytest.raises(SltError, match="rull til et senere år"):
        roll_forward(AUKRA, tmp_path / "x", 2022)
    with pytest.raises(SltError, match="kan ikke være den gamle"):
        roll_forward(AUKRA, AUKRA, 2023, overwrite=True)


def test_rull_command(tmp_path, capsys):
    target = tmp_path / "aukra-2023"
    assert main(["rull", str(AUKRA), "--til", "2023", "-o", str(target),
                 "--gjennomforte", "utelat"]) == 0
    out = capsys.readouterr().out
    assert f"skrev {target / 'handlingsplan.yaml'}" in out
    assert "1.1, 1.2, 1.4, 2.4, 4.3" in out
    assert main(["rull", str(AUKRA), "--til", "2023", "-o", str(target)]) == 2
    assert "ikke tom" in capsys.readouterr().err
    assert main(["check", str(target)]) == 0


def test_multi_year_plan_keeps_its_period(tmp_path):
    target = tmp_path / "nl"
    roll_forward(EXAMPLES / "nordre-land", target, 2023)
    data = slt_docs.load(target)
    plan = data.handlingsplan
    assert (plan.periode.fra, plan.periode.til, plan.rullert) == (2022, 2025, 2023)
    assert plan.tilbakeblikk is None  # nothing to look back on without møteplan or status
    text = (target / "handlingsplan.yaml").read_text(encoding="utf-8")
    assert text.index("rullert: 2023") < text.index('# "Bakgrunn"')
    with pytest.raises(SltError, match="2022–2025"):
        roll_forward(EXAMPLES / "nordre-land", tmp_path / "x", 2026)


def test_series_and_school_holidays_roll_into_the_new_year(tmp_path):
    folder = _copy(EXAMPLES / "nes", tmp_path)
    text = (folder / "moteplan.yaml").read_text(encoding="utf-8")
    text = text.replace("  serier:\n", "  skoleferier:\n"
                        "    - {navn: Vinterferie, fra: 2021-02-22, til: 2021-02-26}\n"
                        "    - {navn: Påskeferie, fra: 2021-03-29, til: 2021-04-05}\n"
                        "    - {navn: Juleferie, fra: 2021-12-22, til: 2022-01-02}\n"
                        "  serier:\n", 1)
    head, tail = text.split("  serier:\n", 1)
    tail = tail.replace("      sted: Kommunestyresalen\n", "      sted: Kommunestyresalen\n"
                        "      unntak: [2021-06-02]\n", 1)
    text = f"{head}  serier:\n{tail}"
    (folder / "moteplan.yaml").write_text(text, encoding="utf-8")
    old = slt_docs.load(folder)
    target = tmp_path / "nes-2022"
    roll_forward(folder, target, 2022)
    new = slt_docs.load(target)
    mp = new.moteplan
    assert mp.aar == 2022 and mp.vedtatt is None
    assert mp.serier[0].regel == old.moteplan.serier[0].regel
    assert mp.serier[0].unntak == ()
    ferier = [(f.navn, f.fra, f.til, f.forslag) for f in mp.skoleferier]
    assert ferier == [
        ("Vinterferie", dt.date(2022, 2, 21), dt.date(2022, 2, 25), True),  # week 8
        ("Påskeferie", dt.date(2022, 4, 11), dt.date(2022, 4, 18), True),   # Easter 17 April
        ("Juleferie", dt.date(2021, 12, 22), dt.date(2022, 1, 2), False),   # runs into 2022
        ("Juleferie", dt.date(2022, 12, 21), dt.date(2023, 1, 1), True),
    ]
    series = [m for m in expand(new) if m.fra_serie]
    assert series and all(m.dato.year == 2022 for m in series)
    assert {m.dato.month for m in series} == {2, 4, 6, 9, 11}
    for meeting in expand(new):
        day = meeting.avholdes
        if day is not None and not meeting.fra_serie:
            assert not any(f.fra <= day <= f.til for f in mp.skoleferier), meeting
    assert [m for m in expand(new) if m.status is Motestatus.utsatt] == []
    # the kommune's own grid: its autumn runs into January of the next year
    autumn = mp.halvaar[1].maaneder
    assert (autumn[-1].maaned, autumn[-1].aar) == (1, 2023)
    # a one-off event with its own title is not proposed again
    assert not any(m.tittel == "Rusforebyggende temakveld på kulturhuset" for m in mp.moter)


# -- what changed ----------------------------------------------------------------

def test_word_diff_marks_deleted_and_inserted_words():
    pieces = word_diff("Fire SLT-møter i året, på tirsdag.", "Fem SLT-møter i året, på onsdag.")
    assert plain(pieces) == "[-Fire-]{+Fem+} SLT-møter i året, på [-tirsdag.-]{+onsdag.+}"
    assert plain(word_diff("a b c", "a b c")) == "a b c"


def test_diff_finds_moves_ansvar_tidspunkt_and_text(tmp_path):
    old = slt_docs.load(AUKRA).handlingsplan
    import attrs

    d1, d2 = old.delmaal[0], old.delmaal[1]
    t11, t12 = d1.tiltak[0], d1.tiltak[1]
    changed_11 = attrs.evolve(t11, tittel="Ungdata 2024 og Ungdata junior 2024",
                              ansvar=(*t11.ansvar[:-1], "Ungdomsrådet og elevrådet"))
    new_tiltak = attrs.evolve(t12, tittel="Heilt nytt tiltak om nattravn", punkter=("Natteravnar",),
                              id=None)
    moved = d1.tiltak[6]  # 1.6 Synleggjering → delmål 2
    new = attrs.evolve(old, delmaal=(
        attrs.evolve(d1, tiltak=(changed_11, *d1.tiltak[1:6])),
        attrs.evolve(d2, tiltak=(*d2.tiltak, moved, new_tiltak)),
        *old.delmaal[2:]))
    diff = compare(old, new)
    kinds = {(c.kind, c.old_number, c.new_number) for c in diff.tiltak}
    assert (Kind.changed, "1.1", "1.1") in kinds
    assert (Kind.changed, "1.6", "2.6") in kinds
    assert (Kind.added, None, "2.7") in kinds
    change_11 = next(c for c in diff.tiltak if c.old_number == "1.1")
    assert plain(change_11.tittel) == "Ungdata [-2021-]{+2024+} og Ungdata junior [-2021-]{+2024+}"
    # a reworded responsible is shown word by word
    assert [plain(p) for p in change_11.ansvar.rewritten] == [
        "Ungdomsrådet {+og elevrådet+}"]
    assert change_11.ansvar.removed == change_11.ansvar.added == ()
    move = next(c for c in diff.tiltak if c.old_number == "1.6")
    assert move.moved and (move.old_delmaal, move.new_delmaal) == (0, 1)
    assert compare(old, old).empty


def test_endringer_command_prints_the_changes(rolled, capsys):
    assert main(["endringer", str(AUKRA), str(rolled[Ferdige.utelat])]) == 0
    out = capsys.readouterr().out
    assert "Endringar frå «SLT Handlingsplan 2022» (2022) til «SLT Handlingsplan 2023» (2023)." \
        in out
    assert "  Tittel: SLT Handlingsplan [-2022-]{+2023+}" in out
    assert "  Tiltak teke ut: 1.4 SLT - seminar 2022" in out
    assert "Tiltak: 5 tekne ut, 0 nye, 0 endra, 15 uendra." in out
    assert main(["endringer", str(AUKRA), str(rolled[Ferdige.merk]), "--lang", "nb"]) == 0
    out = capsys.readouterr().out
    assert "  Endret tiltak: 2.4 MOT\n    Status: {+Avsluttet+}\n" in out
    assert main(["endringer", str(AUKRA), str(AUKRA)]) == 0
    assert "Dei to versjonane har den same planen." in capsys.readouterr().out


def test_a_tidspunkt_date_moves_to_the_new_year(tmp_path):
    folder = _copy(AUKRA, tmp_path)
    text = (folder / "handlingsplan.yaml").read_text(encoding="utf-8")
    text = text.replace("            - Mai-juni 2022\n", "            - {dato: 2022-06-14}\n", 1)
    (folder / "handlingsplan.yaml").write_text(text, encoding="utf-8")
    target = tmp_path / "ny"
    roll_forward(folder, target, 2023)
    plan = slt_docs.load(target).handlingsplan
    _number, tiltak = plan.find_tiltak("4.3")
    assert tiltak.tidspunkt[0].dato == dt.date(2023, 6, 13)  # second Tuesday of June
    new_text = (target / "handlingsplan.yaml").read_text(encoding="utf-8")
    assert "# Datoen er flytta frå tysdag 14. juni 2022 til same vekedag i 2023: stadfest han." \
        in new_text


def test_the_grant_label_follows_the_look_back_when_no_application_is_carried(tmp_path):
    folder = _copy(AUKRA, tmp_path)
    text = (folder / "handlingsplan.yaml").read_text(encoding="utf-8")
    assert text.count("utfall: venter") == 1
    (folder / "handlingsplan.yaml").write_text(
        text.replace("utfall: venter", "utfall: innvilget"), encoding="utf-8")
    target = tmp_path / "ny"
    roll_forward(folder, target, 2023)
    plan = slt_docs.load(target).handlingsplan
    assert plan.tilbakeblikk.soknader == ()
    assert plan.etiketter["soknader"] == "Søknad om tilskot til førebygging av utanforskap (2022):"


@pytest.mark.parametrize("bad, message", [
    ("finnes-ikke", "fila eller mappa finnes ikke"),
    ("tom", "mappa har ingen YAML-filer"),
    ("uten-plan", "dataene har ingen «handlingsplan:» å sammenligne"),
    ("feil-status", "handlingsplanen har ikke noe tiltak «9.9»"),
])
def test_endringer_with_a_bad_folder_names_it(tmp_path, capsys, bad, message):
    folder = tmp_path / bad
    if bad == "tom":
        folder.mkdir()
    elif bad == "uten-plan":
        shutil.copytree(EXAMPLES / "nes", folder)
    elif bad == "feil-status":
        shutil.copytree(AUKRA, folder)
        (folder / "status-2022.yaml").write_text(
            'status:\n  aar: 2022\n  tiltak:\n    - {tiltak: "9.9", status: i gang}\n',
            encoding="utf-8")
    for argv in (["endringer", AUKRA, folder], ["endringer", folder, AUKRA],
                 ["lag", AUKRA, "--doc", "endringsoversikt", "--forrige", folder,
                  "-o", tmp_path / "e.docx"]):
        assert main([str(a) for a in argv]) == 2
        err = capsys.readouterr().err
        assert message in err and str(folder) in err, err
        assert "Traceback" not in err
    assert not (tmp_path / "e.docx").exists()


def test_rolled_files_keep_their_bytes_and_line_endings(tmp_path):
    folder = _copy(AUKRA, tmp_path)
    for name in ("kommune.yaml", "handlingsplan.yaml"):
        path = folder / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    (folder / "logo.png").write_bytes(b"\x89PNG not really")
    target = tmp_path / "ny"
    roll_forward(folder, target, 2023)
    assert (target / "kommune.yaml").read_bytes() == (folder / "kommune.yaml").read_bytes()
    assert (target / "logo.png").read_bytes() == b"\x89PNG not really"
    plan = (target / "handlingsplan.yaml").read_bytes()
    assert b"tittel: SLT Handlingsplan 2023\r\n" in plan and b"\n" not in plan.replace(b"\r\n", b"")
    assert slt_docs.load(target).handlingsplan.periode.fra == 2023
    ordinary = tmp_path / "vanleg"
    ordinary.mkdir()
    assert target.stat().st_mode == ordinary.stat().st_mode  # not a private temporary folder


def test_look_back_shows_moved_and_cancelled_meetings_with_the_reason(tmp_path):
    folder = _copy(AUKRA, tmp_path)
    text = (folder / "moteplan.yaml").read_text(encoding="utf-8")
    text = text.replace(
        '- {organ: koordineringsgruppa, dato: 2022-03-30, tid: "08.20-10.20"}',
        '- {organ: koordineringsgruppa, dato: 2022-03-30, tid: "08.20-10.20", status: avlyst, '
        'aarsak: For få påmelde}', 1)
    text = text.replace(
        '- {organ: politiradet, dato: 2022-05-31, tid: "13.00-15.00"}',
        '- {organ: politiradet, dato: 2022-05-31, tid: "13.00-15.00", status: flytta, '
        'ny_dato: 2022-06-07, aarsak: Ordføraren var bortreist}', 1)
    (folder / "moteplan.yaml").write_text(text, encoding="utf-8")
    target = tmp_path / "ny"
    roll_forward(folder, target, 2023)
    tb = slt_docs.load(target).handlingsplan.tilbakeblikk
    assert len(tb.moter) == 14  # every meeting of the year, the cancelled one too
    moved = next(m for m in tb.moter if m.organ == "politiradet" and m.planlagt_dato)
    assert (moved.dato, moved.planlagt_dato, moved.status, moved.aarsak) == (
        dt.date(2022, 6, 7), dt.date(2022, 5, 31), Motestatus.flyttet,
        "Ordføraren var bortreist")
    cancelled = next(m for m in tb.moter if m.status is Motestatus.avlyst)
    assert (cancelled.organ, cancelled.dato, cancelled.aarsak) == (
        "koordineringsgruppa", dt.date(2022, 3, 30), "For få påmelde")
    text = plain_text(slt_docs.render(slt_docs.load(target), "handlingsplan"))
    assert "For få påmelde" in text and "Ordføraren var bortreist" in text
