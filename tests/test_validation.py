"""Every class of bad input gets its Norwegian message at the right file,
line, column and field path — and all of them in one run."""

from __future__ import annotations

import copy
import datetime as dt
import random
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml
from conftest import VALID_YAML, position, yaml_text

import slt_docs
from slt_docs import Alvor, DataError, Problem, SltError
from slt_docs.data import yamlsource


def variant(old: str, new: str, text: str = VALID_YAML) -> str:
    """``text`` with the one occurrence of ``old`` replaced by ``new``."""
    assert text.count(old) == 1, f"{old!r} must occur once in the base YAML"
    return text.replace(old, new)


def only_error(path: Path, result: slt_docs.LoadResult) -> str:
    """The one error of ``result`` as the user sees it."""
    assert result.data is None
    assert len(result.errors) == 1, [str(p) for p in result.errors]
    return str(result.errors[0])


# -- Problem and its text ------------------------------------------------------

def test_problem_str_has_file_line_column_kind_path_message():
    p = Problem(melding="forventet en liste", sti="handlingsplan.delmaal[2].tiltak[0].ansvar",
                fil=Path("aukra/handlingsplan.yaml"), linje=12, kolonne=7)
    assert str(p) == ("aukra/handlingsplan.yaml:12:7: feil: "
                      "handlingsplan.delmaal[2].tiltak[0].ansvar: forventet en liste")
    assert p.is_error


def test_problem_str_warning_without_column_or_path():
    p = Problem(melding="byttet ut", fil=Path("a.yaml"), linje=3, alvor=Alvor.advarsel)
    assert str(p) == "a.yaml:3: advarsel: byttet ut"
    assert not p.is_error


def test_problem_str_without_file_or_line():
    assert str(Problem(melding="dataene har feil", sti="kommune")) == (
        "<data>: feil: kommune: dataene har feil")
    assert str(Problem(melding="finnes ikke", fil=Path("x"))) == "x: feil: finnes ikke"


def test_data_error_lists_every_problem():
    problems = [Problem(melding="a", fil=Path("f.yaml"), linje=1, kolonne=2, sti="x"),
                Problem(melding="b", fil=Path("f.yaml"), linje=5, kolonne=1, sti="y")]
    exc = DataError("f.yaml: dataene har feil", problems)
    assert isinstance(exc, SltError)
    assert str(exc) == "f.yaml: dataene har feil\nf.yaml:1:2: feil: x: a\nf.yaml:5:1: feil: y: b"


# -- unknown keys and missing fields ------------------------------------------

def test_unknown_key_typo_suggests_the_right_one(read_text):
    text = variant("          ansvar: [Frivillige]", "          ansvr: [Frivillige]")
    path, result = read_text(text)
    line, col = position(text, "ansvr")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplan.delmaal[0].tiltak[1].ansvr: "
        "ukjent felt «ansvr»; mente du «ansvar»?")


def test_unknown_key_without_close_match_lists_allowed_fields(read_text):
    text = variant("  spraak: nn\n", "  spraak: nn\n  fargekode: blå\n")
    path, result = read_text(text)
    line, col = position(text, "fargekode")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: kommune.fargekode: ukjent felt «fargekode»; tillatte felt "
        "her er: navn, spraak, fullt_navn, logo, logo_alt, nettside, kontakter, profil")


def test_unknown_top_level_section(read_text):
    text = variant("handlingsplan:\n", "handlingsplann:\n")
    path, result = read_text(text)
    line, col = position(text, "handlingsplann")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplann: ukjent felt «handlingsplann»; "
        "mente du «handlingsplan»?")


def test_missing_required_field(read_text):
    text = variant("        - tittel: Nattevandring\n", "        - punkter: [Utan tittel]\n")
    path, result = read_text(text)
    line, col = position(text, "punkter: [Utan tittel]")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplan.delmaal[0].tiltak[1].tittel: "
        "påkrevd felt «tittel» mangler")


def test_missing_section(read_text):
    text = VALID_YAML.split("organisasjon:")[0]
    path, result = read_text(text)
    assert only_error(path, result) == (
        f"{path}: feil: organisasjon: delen «organisasjon:» mangler; den må stå i en av filene")


# -- wrong types ---------------------------------------------------------------

def test_text_where_a_list_is_expected(read_text):
    text = variant("          ansvar: [Frivillige]", "          ansvar: Frivillige")
    path, result = read_text(text)
    line, col = position(text, "Frivillige")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplan.delmaal[0].tiltak[1].ansvar: "
        "forventet en liste, fikk «Frivillige»")


def test_list_where_text_is_expected(read_text):
    text = variant("  tittel: Handlingsplan SLT", "  tittel: [Handlingsplan, SLT]")
    path, result = read_text(text)
    line, col = position(text, "[Handlingsplan")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplan.tittel: forventet tekst, fikk en liste")


def test_string_where_a_number_is_expected(read_text):
    text = variant("      budsjettramme: 10 000", "      budsjettramme: ti tusen")
    path, result = read_text(text)
    line, col = position(text, "ti tusen")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: organisasjon.nivaa[0].budsjettramme: "
        "forventet et heltall, fikk «ti tusen»")


def test_text_where_a_mapping_is_expected(read_text):
    text = variant("  nivaa:\n    - type: styrande\n", "  nivaa:\n    - Politirådet\n"
                   "    - type: styrande\n")
    path, result = read_text(text)
    line, col = position(text, "Politirådet")
    message = only_error(path, result)
    assert message.startswith(f"{path}:{line}:{col}: feil: organisasjon.nivaa[0]: "
                              "forventet et oppslag med feltene (id, navn, ")
    assert message.endswith("fikk «Politirådet»")


def test_boolean_must_be_true_or_false(read_text):
    text = variant("            - hele_aaret: true", "            - hele_aaret: ja")
    path, result = read_text(text)
    line, col = position(text, "ja\n")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplan.delmaal[0].tiltak[1].tidspunkt[0].hele_aaret: "
        "forventet true eller false, fikk «ja»")


def test_invalid_enum_value_lists_the_valid_ones(read_text):
    text = variant("    - type: utførande", "    - type: utøvande")
    path, result = read_text(text)
    line, col = position(text, "utøvande")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: organisasjon.nivaa[2].type: «utøvande» er ikke en gyldig "
        "verdi; mente du «utførande»? (gyldige verdier er: styrande, koordinerande, utførande)")


# -- dates and times -------------------------------------------------------------

def test_impossible_date(read_text):
    text = variant("dato: 2022-03-04", "dato: 2022-02-30")
    path, result = read_text(text)
    line, col = position(text, "2022-02-30")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplan.delmaal[0].tiltak[0].tidspunkt[1].dato: "
        "«2022-02-30» er ikke en dato som finnes; skriv f.eks. 2022-03-04, 4.3.2022 eller "
        "4. mars 2022")


@pytest.mark.parametrize("tid", ["15.00-13.00", "13.00-13.00"])
def test_end_time_not_after_start_time(read_text, tid):
    text = variant("tid: 13.00-15.00", f"tid: {tid}")
    path, result = read_text(text)
    line, col = position(text, tid)
    start, end = tid.split("-")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: moteplan.moter[0].tid: "
        f"sluttid {end} er ikke etter starttid {start}")


def test_impossible_clock_time(read_text):
    text = variant("tid: 13.00-15.00", "tid: 13.00-25.00")
    path, result = read_text(text)
    line, col = position(text, "13.00-25.00")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: moteplan.moter[0].tid: "
        "«13.00-25.00» er ikke et gyldig klokkeslett")


def test_time_range_that_is_not_a_time(read_text):
    text = variant("tid: 13.00-15.00", "tid: etter lunsj")
    path, result = read_text(text)
    line, col = position(text, "etter lunsj")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: moteplan.moter[0].tid: "
        "«etter lunsj» er ikke et tidsrom; skriv f.eks. \"08.30-09.30\"")


def test_tiltak_date_outside_the_plan_period(read_text):
    text = variant("dato: 2022-03-04", "dato: 2023-03-04")
    path, result = read_text(text)
    line, col = position(text, "2023-03-04")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplan.delmaal[0].tiltak[0].tidspunkt[1].dato: "
        "datoen 04.03.2023 er utenfor planperioden 2022")


def test_tiltak_date_outside_a_multi_year_period(read_text):
    text = variant("  periode: 2022\n", "  periode: 2023-2025\n")
    path, result = read_text(text)
    line, col = position(text, "2022-03-04")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplan.delmaal[0].tiltak[0].tidspunkt[1].dato: "
        "datoen 04.03.2022 er utenfor planperioden 2023–2025")


def test_meeting_outside_the_moteplan_year(read_text):
    text = variant("dato: 2022-01-25", "dato: 2021-12-25")
    path, result = read_text(text)
    line, col = position(text, "2021-12-25")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: moteplan.moter[0].dato: datoen 25.12.2021 er utenfor "
        "møteplanens år 2022 (1. januar 2022 – 31. januar 2023)")


# -- tiltak ------------------------------------------------------------------------

def only_warning(path: Path, result: slt_docs.LoadResult) -> str:
    """The one warning of ``result`` (data accepted) as the user sees it."""
    assert result.data is not None and result.errors == []
    assert len(result.warnings) == 1, [str(p) for p in result.warnings]
    return str(result.warnings[0])


def test_duplicate_tiltak_numbers_are_accepted_with_a_warning(read_text):
    """An adopted plan may number two tiltak alike (Aukra's two 1.3): the
    numbers are kept as written, and check warns."""
    text = variant("        - tittel: Foreldremøte\n",
                   "        - tittel: Foreldremøte\n          nummer: '1.5'\n")
    text = variant("        - tittel: Nattevandring\n",
                   "        - tittel: Nattevandring\n          nummer: '1.5'\n", text)
    path, result = read_text(text)
    line, col = position(text, "'1.5'", nth=2)
    assert only_warning(path, result) == (
        f"{path}:{line}:{col}: advarsel: handlingsplan.delmaal[0].tiltak[1].nummer: "
        "tiltaksnummeret 1.5 står to ganger (også på handlingsplan.delmaal[0].tiltak[0]); "
        "det godtas slik det er skrevet, men en henvisning til tiltak 1.5 blir tvetydig")
    assert [n for n, _ in result.data.handlingsplan.numbered_tiltak()] == ["1.5", "1.5"]


def test_explicit_number_clashing_with_a_derived_one(read_text):
    text = variant("        - tittel: Nattevandring\n",
                   "        - tittel: Nattevandring\n          nummer: '1.1'\n")
    path, result = read_text(text)
    line, col = position(text, "'1.1'")
    assert only_warning(path, result) == (
        f"{path}:{line}:{col}: advarsel: handlingsplan.delmaal[0].tiltak[1].nummer: "
        "tiltaksnummeret 1.1 står to ganger (også på handlingsplan.delmaal[0].tiltak[0]); "
        "det godtas slik det er skrevet, men en henvisning til tiltak 1.1 blir tvetydig")


def test_derived_numbers_count_on_from_an_adopted_one(read_text):
    """Numbers are derived only where none is given: after an adopted "1.7"
    the next tiltak is 1.8, and an adopted delmål number prefixes its tiltak."""
    text = variant("        - tittel: Foreldremøte\n",
                   "        - tittel: Foreldremøte\n          nummer: '1.7'\n")
    text = variant("    - tittel: Førebygging\n", "    - tittel: Førebygging\n      nummer: '3'\n",
                   text)
    path, result = read_text(text)
    assert result.errors == []
    assert [str(p) for p in result.warnings] == [
        f"{path}:{position(text, chr(39) + '1.7')[0]}:{position(text, chr(39) + '1.7')[1]}: "
        "advarsel: handlingsplan.delmaal[0].tiltak[0].nummer: tiltak 1.7 står under delmål "
        "3; er nummeret riktig?"]
    assert [n for n, _ in result.data.handlingsplan.numbered_tiltak()] == ["1.7", "3.1"]
    assert result.data.handlingsplan.delmaal_numbers() == ["3"]


@pytest.mark.parametrize("ansvar", ["[]", "['  ']"])
def test_empty_ansvar(read_text, ansvar):
    text = variant("          ansvar: [Frivillige]", f"          ansvar: {ansvar}")
    path, result = read_text(text)
    line, col = position(text, ansvar)
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplan.delmaal[0].tiltak[1].ansvar: "
        "tiltaket må ha minst én ansvarlig (ansvar: [...])")


def test_missing_ansvar_points_at_the_tiltak(read_text):
    text = variant("          ansvar: [Frivillige]\n", "")
    path, result = read_text(text)
    line, col = position(text, "tittel: Nattevandring")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplan.delmaal[0].tiltak[1].ansvar: "
        "tiltaket må ha minst én ansvarlig (ansvar: [...])")


# -- references to bodies ------------------------------------------------------------

KNOWN = "kjente er: koordineringsgruppa, politiradet, utforende"


def test_meeting_of_a_body_that_does_not_exist(read_text):
    text = variant("    - organ: politiradet\n", "    - organ: ungdomsradet\n")
    path, result = read_text(text)
    line, col = position(text, "ungdomsradet")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: moteplan.moter[0].organ: "
        f"finner ikke organet «ungdomsradet» i organisasjonen; {KNOWN}")


def test_tidspunkt_meetings_of_a_body_that_does_not_exist(read_text):
    text = variant("            - moter: politiradet", "            - moter: politirad")
    path, result = read_text(text)
    line, col = position(text, "politirad\n")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplan.delmaal[0].tiltak[0].tidspunkt[2].moter: "
        f"finner ikke organet «politirad» i organisasjonen; {KNOWN}")


def test_mandat_document_of_a_body_that_does_not_exist(read_text):
    text = variant("    - organ: styrande\n", "    - organ: styringsgruppa\n")
    path, result = read_text(text)
    line, col = position(text, "styringsgruppa")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: dokumenter.mandat[0].organ: "
        f"finner ikke organet «styringsgruppa» i organisasjonen; {KNOWN}")


def test_series_of_a_body_that_does_not_exist(read_text):
    text = variant("    - organ: koordineringsgruppa\n", "    - organ: kriseteamet\n")
    path, result = read_text(text)
    line, col = position(text, "kriseteamet")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: moteplan.serier[0].organ: "
        f"finner ikke organet «kriseteamet» i organisasjonen; {KNOWN}")


@pytest.mark.parametrize("ref", ["politiradet", "Politirådet", "styrande", "styrende",
                                 "Koordineringsgruppa", "utforende", "utførande"])
def test_bodies_are_found_by_id_name_or_level_kind(read_text, ref):
    text = variant("    - organ: politiradet\n", f"    - organ: {ref}\n")
    _, result = read_text(text)
    assert result.errors == []


def test_meetings_reference_needs_a_moteplan(read_text):
    before, after = VALID_YAML.split("moteplan:\n")
    text = before + "dokumenter:" + after.split("dokumenter:")[1]
    path, result = read_text(text)
    line, col = position(text, "politiradet\n")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplan.delmaal[0].tiltak[0].tidspunkt[2].moter: "
        "tidspunktet viser til møter, men dataene har ingen «moteplan»")


# -- language -------------------------------------------------------------------

def test_unknown_language_code(read_text):
    text = variant("  spraak: nn", "  spraak: sv")
    path, result = read_text(text)
    line, col = position(text, "sv\n")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: kommune.spraak: ukjent språk «sv»; tilgjengelige er nb, nn")


# -- characters --------------------------------------------------------------------

@pytest.mark.parametrize(("char", "what"), [
    ("\x0b", "vertikal tabulator (linjeskift fra Word)"),
    ("\x0c", "sideskift"),
])
def test_word_line_break_is_cleaned_with_a_warning(read_text, char, what):
    text = variant("  navn: Testvik", f"  navn: Test{char}vik")
    path, result = read_text(text)
    line, col = position(text, char)
    assert result.data is not None, [str(p) for p in result.problems]
    assert result.data.kommune.navn == "Test vik"
    assert result.errors == []
    assert [str(p) for p in result.warnings] == [
        f"{path}:{line}:{col}: advarsel: {what} er byttet ut med mellomrom "
        "(Word kan ikke lagre tegnet)"]
    # load() accepts data that only has warnings
    assert slt_docs.load(path).kommune.navn == "Test vik"


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\ufffe"])
def test_control_character_is_an_error(read_text, char):
    text = variant("Tema rus", f"Tema{char}rus")
    path, result = read_text(text)
    line, col = position(text, char)
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: ugyldig kontrolltegn U+{ord(char):04X}; fjern det "
        "(det kan ikke stå i et Word-dokument)")


def test_tab_inside_quoted_text_is_allowed(read_text):
    _, result = read_text(variant("Tema rus", '"Tema\trus"'))
    assert result.problems == []
    assert result.data.handlingsplan.delmaal[0].tiltak[0].punkter[0] == "Tema\trus"


def test_tab_inside_unquoted_text_says_to_quote_it(read_text):
    text = variant("Tema rus", "Tema\trus")
    path, result = read_text(text)
    line, col = position(text, "\t")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: ugyldig YAML: tabulator kan ikke brukes til innrykk; "
        "bruk mellomrom (står tabulatoren i en tekst, sett teksten i anførselstegn)")


def test_every_bad_character_is_reported(read_text):
    text = variant("Tema rus", "Tema\x00rus")
    text = variant("Tema nett", "Tema\x01nett", text)
    text = variant("  navn: Testvik", "  navn: Test\x0bvik", text)
    _, result = read_text(text)
    assert [(p.linje, p.kolonne, p.alvor) for p in result.problems] == [
        (*position(text, "\x0b"), Alvor.advarsel),
        (*position(text, "\x00"), Alvor.feil),
        (*position(text, "\x01"), Alvor.feil),
    ]


def test_non_utf8_file(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(variant("  navn: Testvik", "  navn: Tøstvik").encode("latin-1"))
    result = slt_docs.read(path)
    line, _ = position(VALID_YAML, "navn: Testvik")
    assert only_error(path, result) == (
        f"{path}:{line}: feil: fila er ikke UTF-8; lagre den som UTF-8 "
        "(i Notisblokk: «Lagre som», koding UTF-8)")


def test_utf8_with_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(VALID_YAML.encode("utf-8-sig"))
    result = slt_docs.read(path)
    assert result.problems == []
    assert result.data.kommune.navn == "Testvik"


# -- YAML syntax -------------------------------------------------------------------

ENGLISH = ("expected", "found", "but ", "could not", "while ", "scanning", "occurrence",
           "constructor", "token")


@pytest.mark.parametrize(("text", "needle", "message"), [
    ("kommune:\n  navn: Aukra: kommune\n", ": kommune", "kolon på feil sted (sett teksten i "
     "anførselstegn hvis den inneholder «: »)"),
    ("kommune:\n\tnavn: Aukra\n", "\tnavn", "tabulator kan ikke brukes til innrykk; bruk "
     "mellomrom (står tabulatoren i en tekst, sett teksten i anførselstegn)"),
    ("kommune:\n  navn: \"Aukra\n", None, "fila slutter midt i en verdi (mangler et "
     "anførselstegn?)"),
    ("kommune:\n  navn: Aukra\n  - liste\n", "- liste", "listepunktet har feil innrykk"),
    ("kommune:\n  navn: Aukra\n organisasjon: {}\n", "organisasjon", "feil innrykk (nøkkelen "
     "står ikke rett under nøklene over; bruk like mange mellomrom)"),
    ("kommune:\n  navn: *ukjent\n", "*ukjent", "ukjent alias"),
    ("kommune:\n  kontakter: [a, b\n", None, "lista mangler «]» eller et komma"),
    ("kommune:\n  navn: Aukra\n---\norganisasjon: {}\n", "---", "fila kan bare ha ett dokument "
     "(fjern «---» midt i fila)"),
    ("kommune:\n  kontakter:\n    - rolle: koordinator\n    tittel: x\n", "tittel",
     "feil innrykk (nøkkelen står ikke rett under nøklene over)"),
])
def test_yaml_syntax_error_in_norwegian(write, text, needle, message):
    path = write(text)
    result = slt_docs.read(path)
    error = only_error(path, result)
    if needle is not None:
        line, col = position(text, needle)
        assert error == f"{path}:{line}:{col}: feil: ugyldig YAML: {message}"
    else:
        assert error.startswith(f"{path}:3:1: feil: ugyldig YAML: ")
        assert error.endswith(message)


@pytest.mark.parametrize("text", [
    "kommune:\n  kontakter:\n    - rolle: koordinator\n    tittel: x\n",  # key under a list
    "kommune: {navn: Aukra\n",                                          # unclosed {
    "kommune:\n  kontakter: [a, b\n",                                   # unclosed [
    "kommune:\n  - a\n - b\n",                                          # list indented wrong
    "kommune:\n  navn: Aukra\n---\norganisasjon: {}\n",                 # two documents
    "kommune:\n  navn: \"a\\qb\"\n",                                    # bad escape
    "kommune:\n  navn: @aukra\n",                                       # reserved character
    "kommune:\n  navn: &a x\n  logo: &a y\n",                           # anchor twice
    "kommune: !!python/object/apply:os.system [echo]\n",                # unsafe tag
    "kommune: !kommune Aukra\n",                                        # unknown tag
    "kommune:\n  ? [a]\n  : b\n",                                       # list as key
])
def test_every_yaml_syntax_error_is_explained_in_norwegian(write, text):
    path = write(text)
    error = only_error(path, slt_docs.read(path))
    assert error.startswith(f"{path}:")
    assert ": feil: ugyldig YAML: " in error
    line = int(error[len(str(path)) + 1:].split(":")[0])
    assert 1 <= line <= text.count("\n") + 1
    detail = error.split("ugyldig YAML: ", 1)[1]
    assert not any(word in detail for word in ENGLISH), detail


def test_python_tags_are_never_run(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text(f"kommune: !!python/object/apply:os.system ['touch {marker}']\n")
    result = slt_docs.read(path)
    assert result.data is None
    assert not marker.exists()


def test_duplicate_keys(read_text):
    text = variant("  spraak: nn\n", "  spraak: nn\n  navn: Andeby\n")
    path, result = read_text(text)
    first, _ = position(text, "navn: Testvik")
    line, col = position(text, "navn: Andeby")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: nøkkelen «navn» står to ganger (først på linje {first})")


def test_duplicate_top_level_sections_in_one_file(read_text):
    text = VALID_YAML + "kommune:\n  navn: Andeby\n"
    path, result = read_text(text)
    line, col = position(text, "kommune:", nth=2)
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: nøkkelen «kommune» står to ganger (først på linje 1)")


def test_file_must_be_a_mapping(read_text):
    path, result = read_text("- kommune\n- organisasjon\n")
    assert only_error(path, result) == (
        f"{path}:1:1: feil: fila må bestå av nøkler som «kommune:», «organisasjon:», "
        "«handlingsplan:» …")


# -- hostile files -------------------------------------------------------------------

def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "stor.yaml"
    body = VALID_YAML + "# " + "x" * yamlsource.MAX_FILE_BYTES + "\n"
    path.write_text(body, encoding="utf-8")
    size = path.stat().st_size
    t0 = time.process_time()
    result = slt_docs.read(path)
    assert time.process_time() - t0 < 1
    assert only_error(path, result) == (
        f"{path}: feil: fila er for stor ({size} byte); største tillatte er "
        f"{yamlsource.MAX_FILE_BYTES} byte")


def test_file_at_the_size_limit_is_read(tmp_path):
    path = tmp_path / "akkurat.yaml"
    padding = yamlsource.MAX_FILE_BYTES - len(VALID_YAML.encode()) - 3
    path.write_text(VALID_YAML + "#" + "x" * padding + "\n", encoding="utf-8")
    assert path.stat().st_size <= yamlsource.MAX_FILE_BYTES
    assert slt_docs.read(path).problems == []


def billion_laughs(levels: int = 9) -> str:
    lines = ['lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    previous = "a"
    for level in range(1, levels):
        name = f"l{level}"
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_quickly_without_memory_blowup(tmp_path):
    path = tmp_path / "bombe.yaml"
    path.write_text(billion_laughs(), encoding="utf-8")
    tracemalloc.start()
    t0 = time.process_time()
    try:
        result = slt_docs.read(path)
        elapsed = time.process_time() - t0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 2
    assert peak < 20 * 1024 * 1024
    error = only_error(path, result)
    assert error.startswith(f"{path}:2:")
    assert error.endswith(f"feil: fila bruker for mange aliaser (over {yamlsource.MAX_ALIASES})")


def test_billion_laughs_inside_a_section(tmp_path):
    """The bomb hidden in a real section is refused before cattrs sees it."""
    bomb = billion_laughs().replace("\n", "\n  ")
    path = tmp_path / "bombe.yaml"
    path.write_text("kommune:\n  navn: X\norganisasjon:\n  innledning:\n    - " + "x\n"
                    + "handlingsplan:\n  " + bomb, encoding="utf-8")
    t0 = time.process_time()
    result = slt_docs.read(path)
    assert time.process_time() - t0 < 2
    assert "for mange aliaser" in only_error(path, result)


def test_a_few_aliases_are_fine(read_text):
    text = variant("          ansvar: [SLT-koordinator, Skulen]",
                   "          ansvar: &felles [SLT-koordinator, Skulen]")
    text = variant("          ansvar: [Frivillige]", "          ansvar: *felles", text)
    _, result = read_text(text)
    assert result.problems == []
    tiltak = result.data.handlingsplan.delmaal[0].tiltak
    assert tiltak[1].ansvar == ("SLT-koordinator", "Skulen")


def test_too_many_values(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlsource, "MAX_VALUES", 500)
    path = tmp_path / "mange.yaml"
    path.write_text(VALID_YAML + "ekstra: [" + "1, " * 600 + "1]\n", encoding="utf-8")
    error = only_error(path, slt_docs.read(path))
    assert error.endswith("feil: fila har for mange verdier etter at aliaser er utvidet "
                          "(over 500); er det en «alias-bombe»?")


# -- folders ---------------------------------------------------------------------

def test_section_in_two_files_of_one_folder(tmp_path, write):
    folder = tmp_path / "kommune"
    write("kommune:\n  navn: Testvik\n", "a.yaml", folder)
    text = "organisasjon: {}\nkommune:\n  navn: Andeby\n"
    second = write(text, "b.yaml", folder)
    result = slt_docs.read(folder)
    line, col = position(text, "kommune:")
    assert only_error(second, result) == (
        f"{second}:{line}:{col}: feil: kommune: «kommune» står også i a.yaml; en del kan bare "
        "stå i én fil")


def test_folder_without_yaml_files(tmp_path):
    (tmp_path / "les-meg.txt").write_text("ingen data her")
    (tmp_path / "data.json").write_text("{}")
    result = slt_docs.read(tmp_path)
    assert only_error(tmp_path, result) == f"{tmp_path}: feil: mappa har ingen YAML-filer (*.yaml)"


@pytest.mark.parametrize("name", ["finnes-ikke", "finnes-ikke.yaml"])
def test_path_that_does_not_exist(tmp_path, name):
    path = tmp_path / name
    assert only_error(path, slt_docs.read(path)) == f"{path}: feil: fila eller mappa finnes ikke"
    with pytest.raises(DataError) as info:
        slt_docs.load(path)
    assert [str(p) for p in info.value.problems] == [
        f"{path}: feil: fila eller mappa finnes ikke"]


def test_errors_in_several_files_of_a_folder_are_all_reported(tmp_path, write):
    folder = tmp_path / "kommune"
    k = write("kommune:\n  navn: Testvik\n  spraak: xx\n", "kommune.yaml", folder)
    o = write("organisasjon:\n  nivaa:\n    - type: styrande\n      navnn: Rådet\n",
              "organisasjon.yaml", folder)
    result = slt_docs.read(folder)
    assert result.data is None
    # structure errors come first; semantic checks only run on a model that was built
    assert [str(p) for p in result.errors] == [
        f"{o}:4:7: feil: organisasjon.nivaa[0].navnn: ukjent felt «navnn»; mente du «navn»?"]
    (o).write_text("organisasjon:\n  nivaa:\n    - type: styrande\n      navn: Rådet\n")
    assert [str(p) for p in slt_docs.read(folder).errors] == [
        f"{k}:3:11: feil: kommune.spraak: ukjent språk «xx»; tilgjengelige er nb, nn"]


# -- every error in one run ------------------------------------------------------------

def test_every_structural_error_in_one_run(read_text):
    text = variant("      budsjettramme: 10 000", "      budsjettramme: mykje")
    text = variant("          ansvar: [Frivillige]", "          ansvr: [Frivillige]", text)
    text = variant("dato: 2022-03-04", "dato: 2022-02-30", text)
    text = variant("  tittel: Handlingsplan SLT", "  tittel: [Handlingsplan]", text)
    text = variant("    - type: utførande", "    - type: utøvande", text)
    path, result = read_text(text)
    assert result.data is None
    got = [(p.linje, p.sti) for p in result.errors]
    assert got == [
        (position(text, "mykje")[0], "organisasjon.nivaa[0].budsjettramme"),
        (position(text, "utøvande")[0], "organisasjon.nivaa[2].type"),
        (position(text, "[Handlingsplan]")[0], "handlingsplan.tittel"),
        (position(text, "2022-02-30")[0], "handlingsplan.delmaal[0].tiltak[0].tidspunkt[1].dato"),
        (position(text, "ansvr")[0], "handlingsplan.delmaal[0].tiltak[1].ansvr"),
    ]
    assert all(p.fil == path for p in result.errors)


def test_every_semantic_error_in_one_run(read_text):
    text = variant("  spraak: nn", "  spraak: xx")
    text = variant("dato: 2022-03-04", "dato: 2023-03-04", text)
    text = variant("          ansvar: [Frivillige]", "          ansvar: []", text)
    text = variant("tid: 13.00-15.00", "tid: 15.00-13.00", text)
    text = variant("    - organ: politiradet\n", "    - organ: ungdomsradet\n", text)
    text = variant("    - organ: styrande\n", "    - organ: styringsgruppa\n", text)
    path, result = read_text(text)
    assert result.data is None
    assert [(p.linje, p.sti) for p in result.errors] == [
        (position(text, "xx")[0], "kommune.spraak"),
        (position(text, "2023-03-04")[0], "handlingsplan.delmaal[0].tiltak[0].tidspunkt[1].dato"),
        (position(text, "ansvar: []")[0], "handlingsplan.delmaal[0].tiltak[1].ansvar"),
        (position(text, "ungdomsradet")[0], "moteplan.moter[0].organ"),
        (position(text, "15.00-13.00")[0], "moteplan.moter[0].tid"),
        (position(text, "styringsgruppa")[0], "dokumenter.mandat[0].organ"),
    ]
    with pytest.raises(DataError) as info:
        slt_docs.load(path)
    assert len(info.value.problems) == 6
    assert str(info.value).splitlines()[1:] == [str(p) for p in result.errors]


def test_every_duplicate_key_in_one_run(read_text):
    text = yaml_text("""
        kommune:
          navn: A
          navn: B
        organisasjon:
          nivaa: []
          nivaa: []
        """)
    path, result = read_text(text)
    assert [str(p) for p in result.errors] == [
        f"{path}:3:3: feil: nøkkelen «navn» står to ganger (først på linje 2)",
        f"{path}:6:3: feil: nøkkelen «nivaa» står to ganger (først på linje 5)",
    ]


def test_load_dict_errors_have_field_paths():
    data = {"kommune": {"navn": "X", "spraakk": "nb"},
            "organisasjon": {"nivaa": [{"type": "styrende", "storrelse": "mange"}]}}
    with pytest.raises(DataError) as info:
        slt_docs.load_dict(data)
    assert [str(p) for p in info.value.problems] == [
        "<data>: feil: kommune.spraakk: ukjent felt «spraakk»; mente du «spraak»?",
        "<data>: feil: organisasjon.nivaa[0].storrelse: forventet et heltall, fikk «mange»",
    ]


# -- odd input never crashes ------------------------------------------------------------

@pytest.mark.parametrize(("key", "shown"), [("1", "1"), ("2022-01-01", "2022-01-01")])
def test_non_text_key_is_an_unknown_field(read_text, key, shown):
    text = variant("  spraak: nn\n", f"  spraak: nn\n  {key}: x\n")
    path, result = read_text(text)
    line, col = position(text, f"{key}: x")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: kommune.{shown}: ukjent felt «{shown}»; tillatte felt her "
        "er: navn, spraak, fullt_navn, logo, logo_alt, nettside, kontakter, profil")


@pytest.mark.parametrize("key", ["true", "~", "null"])
def test_boolean_or_null_key_is_an_unknown_field(read_text, key):
    text = variant("  spraak: nn\n", f"  spraak: nn\n  {key}: x\n")
    path, result = read_text(text)
    error = only_error(path, result)
    assert error.startswith(f"{path}:")
    assert ": feil: kommune." in error
    assert "ukjent felt" in error


@pytest.mark.parametrize("key", [None, 1, True])
def test_load_dict_with_a_non_text_section_key(key):
    with pytest.raises(DataError) as info:
        slt_docs.load_dict({"kommune": {"navn": "X"}, "organisasjon": {}, key: {}})
    [problem] = info.value.problems
    assert problem.melding.startswith(f"ukjent felt «{key}»; tillatte felt her er: kommune, ")


def test_deeply_nested_file(tmp_path):
    path = tmp_path / "dyp.yaml"
    path.write_text("kommune: " + "[" * 1100 + "]" * 1100 + "\n", encoding="utf-8")
    t0 = time.process_time()
    error = only_error(path, slt_docs.read(path))
    assert time.process_time() - t0 < 5
    # located at the list one level too deep (the 101st «[»)
    assert error == (f"{path}:1:110: feil: fila har for mange nivåer inni hverandre (lister "
                     "eller oppslag i hverandre)")


def test_number_with_too_many_digits(read_text):
    path, result = read_text(variant("budsjettramme: 10 000", "budsjettramme: " + "9" * 5000))
    assert only_error(path, result) == (
        f"{path}: feil: fila har et tall med for mange sifre; sett det i anførselstegn")


@pytest.mark.parametrize(("old", "new", "sti", "value"), [
    ("  periode: 2022\n", "  periode: 20222\n", "handlingsplan.periode", "20222"),
    ("  periode: 2022\n", "  periode: 0\n", "handlingsplan.periode", "0"),
    ("  periode: 2022\n", "  periode: 2022-9999\n", "handlingsplan.periode", "9999"),
    ("  aar: 2022\n", "  aar: 99999\n", "moteplan.aar", "99999"),
])
def test_year_out_of_range(read_text, old, new, sti, value):
    text = variant(old, new)
    path, result = read_text(text)
    needle = new.strip()
    line, col = position(text, needle)
    col += needle.index(": ") + 2
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: {sti}: «{value}» er ikke et årstall mellom 1900 og 2100")


def test_period_that_ends_before_it_begins(read_text):
    text = variant("  periode: 2022\n", "  periode: 2025-2022\n")
    path, result = read_text(text)
    line, col = position(text, "2025-2022")
    errors = [str(p) for p in result.errors]
    assert f"{path}:{line}:{col}: feil: handlingsplan.periode: perioden slutter før den begynner" \
        in errors


FUZZ_VALUES = [None, True, 0, -5, 10**30, 1.5, float("nan"), "", "x", "08.30-07.00", "2022-02-30",
               [], [1], [None], [{}], {}, {"a": 1}, {"tekst": "x"}, {"fra": 2025, "til": 2022},
               dt.date(1, 1, 1), dt.date(9999, 12, 31)]


def _leaf_paths(value, at=()):
    yield at
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _leaf_paths(child, (*at, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _leaf_paths(child, (*at, index))


def test_random_wrong_values_never_crash():
    """Replace one or two values of the valid data by values of every wrong
    kind: the result is always a list of Norwegian problems, never an exception."""
    rnd = random.Random(20220304)
    base = yaml.load(VALID_YAML, Loader=yamlsource.SltYamlLoader)
    paths = [p for p in _leaf_paths(base) if p]
    for _ in range(300):
        data = copy.deepcopy(base)
        for _ in range(rnd.randint(1, 2)):
            at = rnd.choice(paths)
            holder = data
            try:
                for step in at[:-1]:
                    holder = holder[step]
                holder[at[-1]] = copy.deepcopy(rnd.choice(FUZZ_VALUES))
            except (KeyError, IndexError, TypeError):
                pass
        result = slt_docs.read_dict(data)
        for problem in result.problems:
            assert "ugyldig verdi (" not in problem.melding, problem
        if result.data is not None:
            slt_docs.dumps(result.data)


FUZZ_TOKENS = ["", "x", "[]", "{}", "-1", "99999", "true", "~", "2022-02-30", "25.00", "[a, b]",
               "{a: 1}", "'", '"', ":", "- ", "&a", "*a", "!!str", "0820-1020", "9" * 30, "  ",
               "\t", "#", "|", ">", "-", "ukjent"]


def test_random_broken_yaml_never_crashes(tmp_path):
    """Break the valid file at random places: every fault is reported as a
    Norwegian problem with a line, never an exception or PyYAML's English."""
    rnd = random.Random(4)
    lines = VALID_YAML.splitlines()
    path = tmp_path / "data.yaml"
    for _ in range(150):
        broken = list(lines)
        for _ in range(rnd.randint(1, 3)):
            at = rnd.randrange(len(broken))
            choice = rnd.random()
            if choice < 0.5 and ":" in broken[at]:
                broken[at] = f"{broken[at].partition(':')[0]}: {rnd.choice(FUZZ_TOKENS)}"
            elif choice < 0.7:
                del broken[at]
            elif choice < 0.85:
                broken.insert(at, broken[rnd.randrange(len(broken))])
            else:
                cut = rnd.randrange(len(broken[at]) + 1)
                broken[at] = broken[at][:cut] + rnd.choice(FUZZ_TOKENS) + broken[at][cut:]
        path.write_text("\n".join(broken) + "\n", encoding="utf-8")
        result = slt_docs.read(path)
        for problem in result.problems:
            if problem.melding.startswith("ugyldig YAML"):
                assert problem.linje is not None
                detail = problem.melding.split("(teknisk:")[0]
                assert not any(word in detail for word in ENGLISH), problem


# -- the kommune's own words --------------------------------------------------------

def test_unknown_label_key_suggests_the_right_one(read_text):
    text = variant("  periode: 2022\n", "  periode: 2022\n  etiketter: {maalgrupe: Målgruppa}\n")
    path, result = read_text(text)
    line, col = position(text, "Målgruppa")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplan.etiketter.maalgrupe: «maalgrupe» er ingen "
        "etikett; mente du «maalgruppe»?")


def test_empty_own_label_is_an_error(read_text):
    text = variant("  periode: 2022\n", "  periode: 2022\n  etiketter: {bakgrunn: ''}\n")
    path, result = read_text(text)
    line, col = position(text, "''")
    assert only_error(path, result) == (
        f"{path}:{line}:{col}: feil: handlingsplan.etiketter.bakgrunn: en etikett kan ikke "
        "være tom")


def test_body_label_that_a_body_does_not_print_is_a_warning(read_text):
    text = variant("      navn: Politirådet\n",
                   "      navn: Politirådet\n      etiketter: {oppfolging: Oppfølging}\n")
    path, result = read_text(text)
    line, col = position(text, "Oppfølging}")
    assert only_warning(path, result) == (
        f"{path}:{line}:{col}: advarsel: organisasjon.nivaa[0].etiketter.oppfolging: etiketten "
        "«oppfolging» vises ikke for et organ; skriv den i dokumentets «etiketter», eller bruk "
        "en av: beslutningsmyndighet, deltakere, forutsetning, mandat, moteverksemd, opploses, "
        "strategimaal")
    assert result.data.organisasjon.nivaa[0].etiketter == {"oppfolging": "Oppfølging"}


def test_grid_month_outside_the_year_and_unknown_row(read_text):
    text = variant("  aar: 2022\n", "  aar: 2022\n  halvaar:\n"
                   "    - maaneder: [januar, januar 2024]\n      rader: [bystyret]\n")
    path, result = read_text(text)
    assert [str(p) for p in result.errors] == [
        f"{path}:{position(text, 'januar 2024')[0]}:{position(text, 'januar 2024')[1]}: feil: "
        "moteplan.halvaar[0].maaneder[1]: måneden 01.2024 er utenfor møteplanens år "
        "(januar 2022 – januar 2023)",
        f"{path}:{position(text, 'bystyret')[0]}:{position(text, 'bystyret')[1]}: feil: "
        "moteplan.halvaar[0].rader[0].organ: finner ikke organet «bystyret» i organisasjonen; "
        "kjente er: koordineringsgruppa, politiradet, utforende"]


def test_a_meeting_outside_every_grid_is_a_warning(read_text):
    """A kommune's own grid layout that leaves out the month of a held
    meeting: the meeting would only be in the list of all meetings."""
    text = variant("  aar: 2022\n", "  aar: 2022\n  halvaar:\n    - maaneder: [februar, mars]\n")
    path, result = read_text(text)
    assert result.errors == []
    line, col = position(text, "- organ: politiradet")
    assert str(result.warnings[0]) == (
        f"{path}:{line}:{col + 2}: advarsel: moteplan.moter[0]: møtet 25.01.2022 står ikke i "
        "noe rutenett i «halvaar» (måneden eller organet mangler der); det vises bare i lista "
        "over alle møter")


@pytest.mark.parametrize("link", ["{url: https://example.org/plan.pdf}",
                                  "{url: https://example.org/plan.pdf, "
                                  "tekst: https://example.org/plan.pdf}"])
def test_link_without_a_text_naming_its_target_is_a_warning(read_text, link):
    text = variant("  tittel: Handlingsplan SLT\n",
                   f"  tittel: Handlingsplan SLT\n  bakgrunn:\n    - innhold:\n"
                   f"        - lenke: {link}\n")
    _path, result = read_text(text)
    assert result.errors == [], [str(p) for p in result.errors]
    warnings = [str(p) for p in result.warnings]
    assert len(warnings) == 1 and "handlingsplan.bakgrunn[0].innhold[0].lenke.tekst" in \
        warnings[0] and "skjermleser" in warnings[0], warnings
