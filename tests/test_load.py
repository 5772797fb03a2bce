"""Loading a kommune from a folder, one file or a dict; the YAML schema; the
short forms a coordinator writes."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from conftest import REPO, VALID_YAML, position, yaml_text

import slt_docs
from slt_docs.data.yamlsource import SltYamlLoader
from slt_docs.models import (
    Blokk,
    Frekvens,
    Gruppestatus,
    Mandat,
    Medlem,
    Motestatus,
    NivaaType,
    Periode,
    Punkt,
    SltData,
    Tidsenhet,
    Tidspunkt,
    Tidsrom,
    Tiltaksstatus,
    Ukedag,
    Utfall,
)

# A minimal kommune that the parametrized short-form tests extend.
MINIMAL = {"kommune": {"navn": "Testvik"}, "organisasjon": {"nivaa": [{"type": "styrende"}]}}


def section(text: str) -> dict:
    """Parse a YAML snippet with slt_docs' own loader."""
    return yaml.load(yaml_text(text), Loader=SltYamlLoader)


# -- the three ways in -------------------------------------------------------------

def split_into_folder(folder, text=VALID_YAML):
    """Write each top-level section of ``text`` to its own file in ``folder``."""
    folder.mkdir()
    chunks: dict[str, str] = {}
    current = ""
    for line in text.splitlines(keepends=True):
        if line[0].isalpha():
            current = line.split(":")[0]
        chunks[current] = chunks.get(current, "") + line
    for name, chunk in chunks.items():
        (folder / f"{name}.yaml").write_text(chunk, encoding="utf-8")
    return sorted(chunks)


def test_load_one_file(valid_file):
    data = slt_docs.load(valid_file)
    assert isinstance(data, SltData)
    assert data.kommune.navn == "Testvik"
    assert data.kommune.spraak == "nn"
    assert data.kilde == valid_file.parent
    assert [n.type for n in data.organisasjon.nivaa] == [
        NivaaType.styrende, NivaaType.koordinerende, NivaaType.utforende]
    assert [number for number, _ in data.handlingsplan.numbered_tiltak()] == ["1.1", "1.2"]
    assert slt_docs.load(str(valid_file)) == data  # a str path works too


def test_load_folder_split_into_several_files(tmp_path, valid_file):
    folder = tmp_path / "testvik"
    names = split_into_folder(folder)
    assert names == ["dokumenter", "handlingsplan", "kommune", "moteplan", "organisasjon"]
    data = slt_docs.load(folder)
    assert data == slt_docs.load(valid_file)
    assert data.kilde == folder


def test_errors_in_a_folder_name_the_file_they_are_in(tmp_path):
    folder = tmp_path / "testvik"
    split_into_folder(folder, VALID_YAML.replace("ansvar: [Frivillige]", "ansvar: []"))
    result = slt_docs.read(folder)
    plan = folder / "handlingsplan.yaml"
    line, col = position(plan.read_text(encoding="utf-8"), "[]")
    assert [str(p) for p in result.errors] == [
        f"{plan}:{line}:{col}: feil: handlingsplan.delmaal[0].tiltak[1].ansvar:"
        " tiltaket må ha minst én ansvarlig (ansvar: [...])"]


def test_yml_files_are_read_and_other_files_ignored(tmp_path):
    folder = tmp_path / "k"
    folder.mkdir()
    (folder / "kommune.yml").write_text("kommune:\n  navn: Testvik\n")
    (folder / "organisasjon.yaml").write_text("organisasjon: {}\n")
    (folder / "notat.txt").write_text("kommune: ikke les meg")
    (folder / "logo.png").write_bytes(b"\x89PNG\x00\x01")
    assert slt_docs.load(folder).kommune.navn == "Testvik"


def test_load_dict_gives_the_same_model(valid_file):
    plain = yaml.load(VALID_YAML, Loader=SltYamlLoader)
    from_dict = slt_docs.load_dict(plain)
    assert from_dict == slt_docs.load(valid_file)
    assert from_dict.kilde is None


def test_load_dict_accepts_python_values():
    data = slt_docs.load_dict({
        **MINIMAL,
        "moteplan": {"aar": 2022, "moter": [
            {"organ": "styrende", "dato": dt.date(2022, 3, 4),
             "tid": Tidsrom(start=dt.time(8, 30), slutt=dt.time(9, 30)), "status": "flyttet",
             "ny_dato": dt.datetime(2022, 3, 11, 0, 0)}]},
    })
    moete = data.moteplan.moter[0]
    assert moete.dato == dt.date(2022, 3, 4)
    assert moete.tid == Tidsrom(start=dt.time(8, 30), slutt=dt.time(9, 30))
    assert moete.status is Motestatus.flyttet
    assert moete.ny_dato == dt.date(2022, 3, 11)


def test_models_are_frozen(valid_file):
    import attrs

    data = slt_docs.load(valid_file)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        data.kommune.navn = "Andeby"


# -- the YAML schema: nothing surprising -----------------------------------------------

def test_no_yes_on_off_stay_text():
    plain = section("""
        a: no
        b: yes
        c: on
        d: off
        e: No
        f: true
        g: false
        h: ~
        i: null
        """)
    assert plain == {"a": "no", "b": "yes", "c": "on", "d": "off", "e": "No", "f": True,
                     "g": False, "h": None, "i": None}


def test_times_and_leading_zeros_stay_text():
    plain = section("""
        a: 08.30
        b: 13:30
        c: 0123
        d: 007
        e: 1.10
        f: 1_000
        g: 0x1F
        h: 2022
        i: 2022-03-04
        j: 2022-3-4
        k: 1e3
        l: .inf
        """)
    assert plain == {"a": "08.30", "b": "13:30", "c": "0123", "d": "007", "e": "1.10",
                     "f": "1_000", "g": "0x1F", "h": 2022, "i": dt.date(2022, 3, 4),
                     "j": "2022-3-4", "k": "1e3", "l": ".inf"}


def test_norway_is_not_false(read_text):
    _, result = read_text(VALID_YAML.replace("    - type: utførande\n",
                                             "    - type: utførande\n      navn: no\n"))
    assert result.problems == []
    assert result.data.organisasjon.nivaa[2].navn == "no"


def test_unquoted_times_parse_as_times(read_text):
    text = VALID_YAML.replace("tid: 13.00-15.00", "tid: 13:30").replace(
        'tid: "08.30-09.30"', "tid: 08.30")
    _, result = read_text(text)
    assert result.problems == []
    assert result.data.moteplan.moter[0].tid == Tidsrom(start=dt.time(13, 30))
    tidspunkt = result.data.handlingsplan.delmaal[0].tiltak[0].tidspunkt[1]
    assert tidspunkt.tid == Tidsrom(start=dt.time(8, 30))


def test_leading_zero_numbers_and_number_like_text_stay_text(read_text):
    text = (VALID_YAML.replace('telefon: "000 00 000"', "telefon: 04812345")
            .replace("        - tittel: Foreldremøte\n",
                     "        - tittel: Foreldremøte\n          nummer: 1.10\n")
            .replace("  tittel: Handlingsplan SLT", "  tittel: 2022"))
    _, result = read_text(text)
    assert result.problems == []
    data = result.data
    assert data.kommune.kontakter[0].telefon == "04812345"
    assert data.handlingsplan.delmaal[0].tiltak[0].nummer == "1.10"
    assert data.handlingsplan.tittel == "2022"


def test_norwegian_date_form_is_accepted(read_text):
    _, result = read_text(VALID_YAML.replace("dato: 2022-01-25", "dato: 25.1.2022"))
    assert result.problems == []
    assert result.data.moteplan.moter[0].dato == dt.date(2022, 1, 25)


# -- short forms ----------------------------------------------------------------------

def load_with(**sections) -> SltData:
    return slt_docs.load_dict({**MINIMAL, **sections})


def test_string_blokk_is_a_paragraph_and_punkter_a_list():
    data = load_with(organisasjon={"innledning": [
        "Eit avsnitt.",
        {"punkter": ["Eitt", {"tittel": "Førebygging", "tekst": "Tidleg innsats"}]},
        {"kilde": "(SLT-håndboka, 2011)"},
        {"lenke": {"tekst": "Heimesida", "url": "https://example.org"}},
    ]})
    innledning = data.organisasjon.innledning
    assert innledning[0] == Blokk(avsnitt="Eit avsnitt.")
    assert innledning[1].punkter == (Punkt(tekst="Eitt"),
                                     Punkt(tekst="Tidleg innsats", tittel="Førebygging"))
    assert innledning[2] == Blokk(kilde="(SLT-håndboka, 2011)")
    assert innledning[3].lenke.url == "https://example.org"


def test_blokk_must_have_exactly_one_kind():
    with pytest.raises(slt_docs.DataError) as info:
        load_with(organisasjon={"innledning": [{"avsnitt": "a", "kilde": "b"}, ["x"], {}]})
    assert [(p.sti, p.melding) for p in info.value.problems] == [
        ("organisasjon.innledning[0]", "en tekstblokk må ha nøyaktig én av avsnitt, punkter, "
         "kilde eller lenke (fant avsnitt, kilde)"),
        ("organisasjon.innledning[1]", "forventet et avsnitt (tekst) eller {punkter: [...]}, "
         "fikk en liste; skriv listen under «punkter:»"),
        ("organisasjon.innledning[2]", "en tekstblokk må ha nøyaktig én av avsnitt, punkter, "
         "kilde eller lenke (fant ingen)"),
    ]


def test_mandat_as_list_string_or_mapping():
    data = load_with(organisasjon={"nivaa": [
        {"type": "styrende", "mandat": ["Punkt ein", "Punkt to"]},
        {"type": "koordinerende", "mandat": "Eitt avsnitt."},
        {"type": "utforende", "etiketter": {"mandat": "Mandat generelt"},
         "mandat": {"tekst": ["A"], "punkter": ["B"]}},
    ]})
    styrende, koordinerende, utforende = data.organisasjon.nivaa
    assert styrende.mandat == Mandat(punkter=("Punkt ein", "Punkt to"))
    assert koordinerende.mandat == Mandat(tekst=("Eitt avsnitt.",))
    assert utforende.mandat == Mandat(tekst=("A",), punkter=("B",))
    assert utforende.etiketter == {"mandat": "Mandat generelt"}


def test_medlem_and_tidspunkt_as_strings():
    data = load_with(
        organisasjon={"nivaa": [{"type": "styrende", "deltakere": [
            "Ordførar", {"rolle": "Rektor", "enhet": "Aukra skule"}]}]},
        handlingsplan={"tittel": "P", "periode": 2022, "tiltak": [
            {"tittel": "T", "ansvar": ["A"], "tidspunkt": ["Våren 2022", {"hele_aaret": True}]}]},
    )
    assert data.organisasjon.nivaa[0].deltakere == (
        Medlem(rolle="Ordførar"), Medlem(rolle="Rektor", enhet="Aukra skule"))
    tiltak = data.handlingsplan.tiltak[0]
    assert tiltak.tidspunkt == (Tidspunkt(tekst="Våren 2022"), Tidspunkt(hele_aaret=True))
    assert data.handlingsplan.numbered_tiltak() == [("1", tiltak)]


@pytest.mark.parametrize(("written", "start", "end"), [
    ("08.30-09.30", (8, 30), (9, 30)),
    ("08:30-09:30", (8, 30), (9, 30)),
    ("08.30–09.30", (8, 30), (9, 30)),
    ("08.30 - 09.30", (8, 30), (9, 30)),
    ("0820-1020", (8, 20), (10, 20)),
    ("kl. 8.30 til 9.30", (8, 30), (9, 30)),
    ("kl 13-15", (13, 0), (15, 0)),
    ("Kl. 13.00–kl. 15.00", (13, 0), (15, 0)),
    ("18.00", (18, 0), None),
    ("kl. 18", (18, 0), None),
])
def test_tidsrom_forms(written, start, end):
    data = load_with(moteplan={"aar": 2022, "moter": [
        {"organ": "styrende", "dato": "2022-03-04", "tid": written}]})
    assert data.moteplan.moter[0].tid == Tidsrom(
        start=dt.time(*start), slutt=dt.time(*end) if end else None)


@pytest.mark.parametrize("written", ["2022", 2022, {"fra": 2022, "til": 2022}, {"fra": 2022}])
def test_periode_one_year(written):
    data = load_with(handlingsplan={"tittel": "P", "periode": written})
    assert data.handlingsplan.periode == Periode(fra=2022, til=2022)


@pytest.mark.parametrize("written", ["2022-2025", "2022–2025", "2022 - 2025", "2022/2025",
                                     {"fra": 2022, "til": 2025}])
def test_periode_several_years(written):
    data = load_with(handlingsplan={"tittel": "P", "periode": written})
    assert data.handlingsplan.periode == Periode(fra=2022, til=2025)
    assert dt.date(2025, 12, 31) in data.handlingsplan.periode
    assert dt.date(2026, 1, 1) not in data.handlingsplan.periode


@pytest.mark.parametrize("written", ["tjuetjueto", True, {"fra": 2022, "slutt": 2025}, "22-25"])
def test_periode_refused(written):
    with pytest.raises(slt_docs.DataError) as info:
        load_with(handlingsplan={"tittel": "P", "periode": written})
    [problem] = info.value.problems
    assert problem.sti == "handlingsplan.periode"
    assert problem.melding.endswith("skriv et årstall (2022) eller 2022-2025") or (
        problem.melding == "forventet et årstall eller et tidsrom som 2022-2025")


@pytest.mark.parametrize(("written", "expected"), [
    ("styrande", NivaaType.styrende),
    ("Styrende", NivaaType.styrende),
    ("koordinerande", NivaaType.koordinerende),
    ("utførande", NivaaType.utforende),
    ("utførende", NivaaType.utforende),
    ("utforende", NivaaType.utforende),
])
def test_level_kind_in_bokmal_and_nynorsk(written, expected):
    data = load_with(organisasjon={"nivaa": [{"type": written}]})
    assert data.organisasjon.nivaa[0].type is expected


@pytest.mark.parametrize(("written", "expected"), [
    ("måndag", Ukedag.mandag), ("mandag", Ukedag.mandag),
    ("tysdag", Ukedag.tirsdag), ("Tirsdag", Ukedag.tirsdag),
    ("onsdag", Ukedag.onsdag),
    ("laurdag", Ukedag.lordag), ("lørdag", Ukedag.lordag), ("lordag", Ukedag.lordag),
    ("sundag", Ukedag.sondag), ("søndag", Ukedag.sondag),
])
def test_weekday_in_bokmal_and_nynorsk(written, expected):
    data = load_with(moteplan={"aar": 2022, "serier": [
        {"organ": "styrende", "regel": {"frekvens": "vekentleg", "ukedag": written}}]})
    assert data.moteplan.serier[0].regel.ukedag is expected


def test_other_nynorsk_enum_aliases():
    data = load_with(
        organisasjon={
            "nivaa": [{"type": "styrende", "moteverksemd": {"antall": 1, "per": "halvår"}}],
            "arbeidsgrupper": [{"navn": "Rusgruppa", "status": "foreslått"}]},
        handlingsplan={
            "tittel": "P", "periode": 2022,
            "tiltak": [{"tittel": "T", "ansvar": ["A"], "status": "gjennomført"}],
            "tilbakeblikk": {"aar": 2021, "soknader": [
                {"soker": ["SLT"], "giver": "Bufdir", "formaal": "Kurs", "utfall": "innvilga"},
                {"soker": ["SLT"], "giver": "Bufdir", "formaal": "Kurs", "utfall": "avslått"}]}},
        moteplan={"aar": 2022,
                  "serier": [{"organ": "styrende",
                              "regel": {"frekvens": "månadleg", "ukedag": "tysdag", "nr": -1}}],
                  "moter": [{"organ": "styrende", "dato": "2022-05-03", "status": "flytta",
                             "ny_dato": "2022-05-10"}]},
    )
    org = data.organisasjon
    assert org.nivaa[0].moteverksemd.per is Tidsenhet.halvaar
    assert org.arbeidsgrupper[0].status is Gruppestatus.foreslaatt
    assert data.handlingsplan.tiltak[0].status is Tiltaksstatus.gjennomfort
    assert [s.utfall for s in data.handlingsplan.tilbakeblikk.soknader] == [
        Utfall.innvilget, Utfall.avslag]
    assert data.moteplan.serier[0].regel.frekvens is Frekvens.maanedlig
    assert data.moteplan.moter[0].status is Motestatus.flyttet


def test_months_by_name_or_number(valid_file):
    regel = slt_docs.load(valid_file).moteplan.serier[0].regel
    assert regel.maaneder == (2, 5, 9, 11)
    assert regel.ukedag is Ukedag.onsdag
    assert regel.nr == 1


def test_amounts_and_decimal_numbers():
    data = load_with(organisasjon={"nivaa": [
        {"type": "styrende", "budsjettramme": "10 000",
         "moteverksemd": {"antall": 4, "timer": "1,5", "siste_moete_timer": 4}}]})
    nivaa = data.organisasjon.nivaa[0]
    assert nivaa.budsjettramme == 10_000
    assert nivaa.moteverksemd.timer == 1.5
    assert nivaa.moteverksemd.siste_moete_timer == 4.0


def test_empty_list_field_may_be_left_blank():
    data = load_with(organisasjon={"nivaa": [{"type": "styrende", "deltakere": None}]})
    assert data.organisasjon.nivaa[0].deltakere == ()


# -- libyaml's parser, with PyYAML's answers -------------------------------------------

_BROKEN_YAML = (
    "a: {æøå: 1, æøå: 2}\n",                      # a key twice, after non-ASCII text
    "x: [ø, å, {b: c}]\ny: «å» æ: 3\n",           # a colon in a plain text
    "a:\n  - ø\n  -å: b\n   c: d\n",              # indentation
    "å: 'ø\n",                                    # an unclosed quote
    "a: 1\n\tb: 2\n",                             # a tab as indentation
    "a: «b\tc»\n",                                # a tab inside a plain text (PyYAML refuses)
    "ø: &x [1]\nb: *y\n",                         # an unknown alias
    "a: !!python/object x\n",                     # a tag
    "a: 1\n---\nb: 2\n",                          # two documents
    "kommune: " + "[" * 150 + "]" * 150 + "\n",   # too deep
)


def _read_with(loaders, text):
    from slt_docs.data import yamlsource

    saved = yamlsource._LOADERS
    yamlsource._LOADERS = loaders
    try:
        source = yamlsource.read_yaml(REPO / "t.yaml", text)
    finally:
        yamlsource._LOADERS = saved
    return source.data, source.positions, source.key_positions, [str(p) for p in source.problems]


def test_libyaml_reads_every_file_as_pyyaml_does():
    """The C parser (several times faster) gives the same data, positions and
    messages as PyYAML's own for every YAML file of the project and for
    broken ones; a file it refuses is answered by PyYAML."""
    from slt_docs.data import yamlsource

    assert len(yamlsource._LOADERS) == 2, "PyYAML without libyaml: pip install pyyaml (wheel)"
    both, pure = yamlsource._LOADERS, (SltYamlLoader,)
    files = sorted(p for p in REPO.rglob("*.y*ml") if p.suffix in (".yaml", ".yml")
                   and not {".git", "node_modules"} & set(p.parts))
    assert len(files) > 20
    for text in (*(f.read_text(encoding="utf-8") for f in files), *_BROKEN_YAML):
        assert _read_with(both, text) == _read_with(pure, text), text[:200]
