"""Messages that lead to the fix: what a coordinator reads for the usual slips
(indentation, a misspelt key, a date written the Norwegian way, a value
spelt in the other written standard)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import VALID_YAML, position

import slt_docs
from slt_docs.data.spellings import SPELLINGS, accepted, lookup, shown_values
from slt_docs.models import NivaaType, Tidsenhet, Ukedag


def errors(result):
    return [str(p) for p in result.errors]


@pytest.mark.parametrize("text, key", [
    ("kommune:\n  navn: Aukra\n    spraak: nn\norganisasjon: {}\n", "spraak"),
    ("organisasjon:\n  nivaa:\n    - type: styrande\n      navn: X\n        mandat: Y\n",
     "mandat"),
    ("kommune:\n  kontakter:\n    - rolle: koordinator\n        tittel: x\n", "tittel"),
])
def test_an_over_indented_key_is_an_indentation_error(write, text, key):
    path = write(text)
    [error] = errors(slt_docs.read(path))
    line, col = position(text, f"{key}:")
    assert error.startswith(f"{path}:{line}:{col}: feil: ugyldig YAML: feil innrykk")
    assert f"feil innrykk: «{key}:» står lenger inn enn" in error
    assert "kolon på feil sted" not in error


def test_a_colon_inside_a_value_still_says_colon(write):
    path = write("kommune:\n  navn: Aukra: kommune\n")
    [error] = errors(slt_docs.read(path))
    assert "kolon på feil sted" in error


@pytest.mark.parametrize("good, bad, where", [
    ("  navn: Testvik", "  nvn: Testvik", "kommune"),
    ("  aar: 2022", "  år: 2022", "moteplan"),
    ("    - organ: politiradet\n      dato: 2022-01-25",
     "    - organ: politiradet\n      datoo: 2022-01-25", "moteplan.moter[0]"),
])
def test_a_misspelt_required_key_gives_one_message_with_the_suggestion_first(
        read_text, good, bad, where):
    text = VALID_YAML.replace(good, bad)
    assert text != VALID_YAML
    path, result = read_text(text)
    typo = bad.split("\n")[-1].strip().split(":")[0]
    meant = good.split("\n")[-1].strip().split(":")[0]
    line, col = position(text, f"{typo}:")
    assert errors(result) == [
        f"{path}:{line}:{col}: feil: {where}.{typo}: ukjent felt «{typo}»; mente du "
        f"«{meant}»? (feltet «{meant}» må være med)"]


def test_a_misspelt_section_gives_one_message(read_text):
    text = VALID_YAML.replace("kommune:\n", "kommun:\n", 1)
    path, result = read_text(text)
    assert errors(result) == [
        f"{path}:1:1: feil: kommun: ukjent felt «kommun»; mente du «kommune»? "
        "(feltet «kommune» må være med)"]


@pytest.mark.parametrize("old, typed, meant", [
    ("      moteverksemd: {", "møteverksemd", "moteverksemd"),
    ("      forutsetning: ", "føresetnad", "forutsetning"),
    ("      budsjettramme: ", "budsjettrame", "budsjettramme"),
    ("      tid: 08.00-09.30", "tidd", "tid"),
])
def test_norwegian_letters_are_matched_to_the_ascii_keys(read_text, old, typed, meant):
    key = old.strip().split(":")[0]
    text = VALID_YAML.replace(old, old.replace(key, typed), 1)
    assert text != VALID_YAML
    _, result = read_text(text)
    [error] = errors(result)
    assert f"ukjent felt «{typed}»; mente du «{meant}»?" in error


@pytest.mark.parametrize("written", [
    "4. mars 2022", "04.03.2022", "4.3.2022", "4. mar. 2022", "fredag 4. mars 2022",
    "2022-03-04", '"2022-3-4"', "4 mars 2022"])
def test_norwegian_date_forms_are_dates(read_text, written):
    text = VALID_YAML.replace("dato: 2022-03-04", f"dato: {written}")
    _, result = read_text(text)
    assert result.errors == []
    tidspunkt = result.data.handlingsplan.delmaal[0].tiltak[0].tidspunkt[1]
    assert tidspunkt.dato == dt.date(2022, 3, 4)
    assert "dato: 2022-03-04" in slt_docs.dumps(result.data)


@pytest.mark.parametrize("written, message", [
    ("03/04/2022", "«03/04/2022» er ikke en dato (med skråstrek kan datoen leses på to måter)"),
    ("torsdag 4. mars 2022", "«torsdag 4. mars 2022»: 4.3.2022 er en fredag, ikke en torsdag"),
    ("30. februar 2022", "«30. februar 2022» er ikke en dato som finnes"),
    ("4. marts 2022", "«4. marts 2022» er ikke en dato"),
])
def test_ambiguous_or_wrong_dates_are_refused(read_text, written, message):
    text = VALID_YAML.replace("dato: 2022-03-04", f"dato: {written}")
    _, result = read_text(text)
    [error] = errors(result)
    assert f"tidspunkt[1].dato: {message}" in error


def test_valid_values_are_listed_in_the_data_s_written_standard(read_text):
    nn = VALID_YAML.replace("ukedag: onsdag", "ukedag: odnsag")
    _, result = read_text(nn)
    [error] = errors(result)
    assert error.endswith("«odnsag» er ikke en gyldig verdi; mente du «onsdag»? (gyldige verdier "
                          "er: måndag, tysdag, onsdag, torsdag, fredag, laurdag, sundag)")
    nb = nn.replace("spraak: nn", "spraak: nb")
    _, result = read_text(nb)
    [error] = errors(result)
    assert error.endswith("(gyldige verdier er: mandag, tirsdag, onsdag, torsdag, fredag, "
                          "lørdag, søndag)")


def test_every_spelling_is_accepted():
    for member, (nb, nn) in SPELLINGS.items():
        for word in (nb, nn, nb.upper(), member.name):
            assert lookup(type(member), word) is member, word
    assert lookup(Ukedag, "tysdag") is Ukedag.tirsdag
    assert lookup(Ukedag, "lordag") is Ukedag.lordag
    assert lookup(NivaaType, "utforande") is NivaaType.utforende
    assert lookup(Tidsenhet, "aar") is Tidsenhet.aar
    assert "laurdag" in accepted(Ukedag.lordag)
    assert shown_values(NivaaType, "nn") == ["styrande", "koordinerande", "utførande"]


def test_every_enum_of_the_model_has_both_spellings():
    from slt_docs.data.schema import model_enums

    missing = [f"{cls.__name__}.{m.name}" for cls in model_enums() for m in cls
               if m not in SPELLINGS]
    assert missing == [], "legg skrivemåtene til i slt_docs/data/spellings.py"
