"""The language layer gives the exact bokmål and nynorsk strings, following
Språkrådet: ``fredag 4. mars 2022``, ``kl. 08.30–09.30``, ``kr 10 000``."""

from __future__ import annotations

import datetime as dt

import pytest

from slt_docs import Language, SltError, available_languages, get_language
from slt_docs.lang import LABELS
from slt_docs.lang.language import EN_DASH, NBSP
from slt_docs.models import Tidsrom

NB = get_language("nb")
NN = get_language("nn")
BOTH = pytest.mark.parametrize("lang", [NB, NN], ids=["nb", "nn"])


def tid(start: str, end: str | None = None) -> Tidsrom:
    def t(text: str) -> dt.time:
        hour, minute = text.split(".")
        return dt.time(int(hour), int(minute))

    return Tidsrom(start=t(start), slutt=t(end) if end else None)


def test_the_special_characters_are_what_word_needs():
    assert EN_DASH == "\u2013"
    assert NBSP == "\u00a0"


def test_available_languages():
    assert available_languages() == ["nb", "nn"]


def test_unknown_language_is_a_norwegian_error():
    with pytest.raises(SltError) as info:
        get_language("sv")
    assert str(info.value) == "ukjent språk «sv»; tilgjengelige er nb, nn"


def test_get_language_is_cached():
    assert get_language("nn") is get_language("nn")
    assert isinstance(NN, Language)
    assert repr(NN) == "Language('nn')"


@pytest.mark.parametrize(("lang", "tag"), [(NB, "nb-NO"), (NN, "nn-NO")])
def test_bcp47_tag(lang, tag):
    assert lang.bcp47 == tag


# -- dates ----------------------------------------------------------------------------

@BOTH
def test_full_date(lang):
    assert lang.date(dt.date(2022, 3, 4)) == "fredag 4. mars 2022"


@BOTH
def test_short_date(lang):
    assert lang.date(dt.date(2022, 3, 4), short=True, year=False) == "fr. 4. mars"


@BOTH
def test_date_without_weekday_and_with_short_month(lang):
    assert lang.date(dt.date(2022, 3, 4), weekday=False) == "4. mars 2022"
    assert lang.date(dt.date(2022, 9, 14), weekday=False, short_month=True) == "14. sep. 2022"
    assert lang.date_numeric(dt.date(2022, 3, 4)) == "04.03.2022"


@pytest.mark.parametrize(("lang", "expected"), [
    (NN, "ty. 25. januar kl.\u00a013.00–15.00"),
    (NB, "ti. 25. januar kl.\u00a013.00–15.00"),
])
def test_date_and_time(lang, expected):
    assert lang.date_time(dt.date(2022, 1, 25), tid("13.00", "15.00")) == expected
    assert lang.date_time(dt.date(2022, 1, 25), None) == expected.split(" kl.")[0]


def test_sunday_and_saturday_differ():
    sunday, saturday = dt.date(2022, 3, 6), dt.date(2022, 3, 5)
    assert NB.date(sunday) == "søndag 6. mars 2022"
    assert NN.date(sunday) == "sundag 6. mars 2022"
    assert NB.date(saturday, short=True, year=False) == "lø. 5. mars"
    assert NN.date(saturday, short=True, year=False) == "lau. 5. mars"


def test_weekdays_bokmal():
    assert [NB.weekday(i) for i in range(7)] == [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
    # Språkrådet: two letters in bokmål (CLDR writes "man.", "tir." …)
    assert [NB.weekday(i, short=True) for i in range(7)] == [
        "ma.", "ti.", "on.", "to.", "fr.", "lø.", "sø."]


def test_weekdays_nynorsk():
    assert [NN.weekday(i) for i in range(7)] == [
        "måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"]
    # Språkrådet: "må. ty. on. to. fr. lau. su." (CLDR writes "mån.", "tys." …)
    assert [NN.weekday(i, short=True) for i in range(7)] == [
        "må.", "ty.", "on.", "to.", "fr.", "lau.", "su."]


def test_weekday_of_a_date():
    assert NN.weekday(dt.date(2022, 1, 25)) == "tysdag"
    assert NB.weekday(dt.date(2022, 1, 25)) == "tirsdag"


MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "desember"]


@BOTH
def test_months_are_lower_case(lang):
    assert [lang.month(m) for m in range(1, 13)] == MONTHS
    # Språkrådet: three letters; mars, april, mai, juni and juli in full
    assert [lang.month(m, short=True) for m in range(1, 13)] == [
        "jan.", "feb.", "mars", "april", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.",
        "des."]


# -- times, years and numbers ---------------------------------------------------------------

@BOTH
def test_time_range(lang):
    text = lang.time_range(tid("08.30", "09.30"))
    assert text == "kl.\u00a008.30\u201309.30"
    assert "-" not in text
    assert lang.time_range(tid("08.30", "09.30"), prefix=False) == "08.30–09.30"
    assert lang.time_range(tid("18.00")) == "kl.\u00a018.00"
    assert lang.time(dt.time(8, 5)) == "08.05"


@BOTH
def test_year_range(lang):
    assert lang.year_range(2022, 2025) == "2022–2025"
    assert lang.year_range(2022, 2022) == "2022"


@BOTH
def test_amount_in_kroner(lang):
    assert lang.amount(10_000) == "kr\u00a010\u00a0000"
    assert lang.amount(500) == "kr\u00a0500"
    assert lang.amount(1_250_000) == "kr\u00a01\u00a0250\u00a0000"
    assert lang.number(1234.5) == "1\u00a0234,5"


@pytest.mark.parametrize(("lang", "words", "one_neuter"), [
    (NB, ["en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv"],
     "ett"),
    (NN, ["ein", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv"],
     "eitt"),
], ids=["nb", "nn"])
def test_number_words_up_to_twelve(lang, words, one_neuter):
    assert [lang.number_word(n) for n in range(1, 13)] == words
    assert lang.number_word(1, neuter=True) == one_neuter
    assert lang.number_word(4, neuter=True) == "fire"
    assert lang.number_word(13) == "13"
    assert lang.number_word(20) == "20"


@BOTH
def test_ordinal_words(lang):
    assert [lang.ordinal_word(n) for n in (1, 2, 3, 4, 5, 6)] == [
        "første", "andre", "tredje", "fjerde", "femte", "sjette"]
    assert lang.ordinal_word(-1) == "siste"
    assert lang.ordinal_word(11) == "11."


@pytest.mark.parametrize(("lang", "expected"), [
    (NB, ["en time", "to timer", "fire timer", "1,5 timer", "13 timer"]),
    (NN, ["ein time", "to timar", "fire timar", "1,5 timar", "13 timar"]),
], ids=["nb", "nn"])
def test_hours(lang, expected):
    assert [lang.hours(h) for h in (1, 2, 4.0, 1.5, 13)] == expected


# -- labels ----------------------------------------------------------------------------

@pytest.mark.parametrize(("key", "nb", "nn"), [
    ("innhold", "Innhold", "Innhald"),
    ("deltakere", "Deltakere", "Deltakarar"),
    ("forutsetning", "Forutsetning", "Føresetnad"),
    ("moteverksemd", "Møtevirksomhet", "Møteverksemd"),
    ("styrende", "Styrende nivå", "Styrande nivå"),
    ("koordinerende", "Koordinerende nivå", "Koordinerande nivå"),
    ("utforende", "Utførende nivå", "Utførande nivå"),
    ("oppgaver", "Oppgaver", "Oppgåver"),
    ("haust", "Høst", "Haust"),
    ("vaar", "Vår", "Vår"),
    ("hele_aaret", "Hele året", "Heile året"),
    ("kl", "kl.", "kl."),
    ("kr", "kr", "kr"),
    ("tiltak", "Tiltak", "Tiltak"),
    ("ansvar", "Ansvar", "Ansvar"),
    ("tidspunkt", "Tidspunkt", "Tidspunkt"),
    ("delmaal", "Delmål", "Delmål"),
    ("mandat", "Mandat", "Mandat"),
])
def test_labels(key, nb, nn):
    assert NB.label(key) == nb
    assert NN.label(key) == nn
    assert NB.labels[key] == nb
    assert NN.labels[key] == nn


@BOTH
def test_every_label_is_translated(lang):
    untranslated = [key for key, msgid in LABELS.items() if lang.label(key) == msgid]
    # a few words are the same in English and Norwegian
    assert set(untranslated) <= {"seminar", "status"}


def test_unknown_label_key_is_a_key_error():
    with pytest.raises(KeyError):
        NB.label("finnes_ikke")
