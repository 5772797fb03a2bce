"""load → dump → load gives an equal model, for every shipped example and for
data using every short form."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, VALID_YAML

import slt_docs
from slt_docs import cli
from slt_docs.data.yamlsource import SltYamlLoader
from slt_docs.models import Tidsrom, Ukedag


def example_folders():
    return [p for p in sorted(EXAMPLES.iterdir())
            if p.is_dir() and any(p.glob("*.yaml"))] if EXAMPLES.is_dir() else []


EXAMPLE_FOLDERS = example_folders()


def test_the_seed_kommuner_are_examples():
    names = [p.name for p in EXAMPLE_FOLDERS]
    assert len(names) >= 4, names
    assert {"aukra", "nordre-land", "nes", "bjornafjorden"} <= set(names)


EXPECTED_WARNINGS = {
    # the adopted plan numbers two tiltak 1.3; the example keeps the numbers
    "aukra": ["handlingsplan.delmaal[0].tiltak[3].nummer"],
}
"""The warnings ``check`` gives for an example on purpose, by field path."""


def assert_valid(folder: Path, result: slt_docs.LoadResult) -> None:
    assert [str(p) for p in result.errors] == []
    assert [p.sti for p in result.warnings] == EXPECTED_WARNINGS.get(folder.name, []), \
        [str(p) for p in result.warnings]


@pytest.mark.parametrize("folder", EXAMPLE_FOLDERS, ids=lambda p: p.name)
def test_example_is_valid(folder):
    assert_valid(folder, slt_docs.read(folder))


@pytest.mark.parametrize("folder", EXAMPLE_FOLDERS, ids=lambda p: p.name)
def test_example_round_trips_through_text(folder):
    data = slt_docs.load(folder)
    text = slt_docs.dumps(data)
    again = slt_docs.load_dict(yaml.load(text, Loader=SltYamlLoader))
    assert again == data
    # dumping is stable: the canonical form dumps to itself
    assert slt_docs.dumps(again) == text


@pytest.mark.parametrize("folder", EXAMPLE_FOLDERS, ids=lambda p: p.name)
def test_example_round_trips_through_a_folder(folder, tmp_path):
    data = slt_docs.load(folder)
    written = slt_docs.dump_folder(data, tmp_path / "ut")
    assert sorted(p.name for p in written) == sorted(
        [*(f"{key}.yaml" for key in slt_docs.to_dict(data)), "slt-docs.schema.json"])
    for path in written:  # editors find the schema beside the data, as after «slt-docs ny»
        if path.suffix == ".yaml":
            assert path.read_text(encoding="utf-8").startswith(
                "# yaml-language-server: $schema=slt-docs.schema.json\n")
    assert json.loads((tmp_path / "ut" / "slt-docs.schema.json").read_text(
        encoding="utf-8"))["$schema"].startswith("http://json-schema.org/")
    result = slt_docs.read(tmp_path / "ut")
    assert_valid(folder, result)
    assert result.data == data


def test_short_forms_round_trip(valid_file, tmp_path):
    data = slt_docs.load(valid_file)
    text = slt_docs.dumps(data)
    out = tmp_path / "ut.yaml"
    out.write_text(text, encoding="utf-8")
    assert slt_docs.load(out) == data
    assert [p.name for p in slt_docs.dump_folder(data, tmp_path / "mappe")] == [
        "kommune.yaml", "organisasjon.yaml", "handlingsplan.yaml", "moteplan.yaml",
        "dokumenter.yaml", "slt-docs.schema.json"]
    assert slt_docs.load(tmp_path / "mappe") == data


def test_dump_writes_the_short_forms_a_coordinator_writes(valid_file):
    plain = slt_docs.to_dict(slt_docs.load(valid_file))
    nivaa = plain["organisasjon"]["nivaa"]
    assert nivaa[0]["type"] == "styrende"
    assert nivaa[0]["deltakere"] == ["Ordførar", {"rolle": "Lensmann", "enhet": "Politiet"}]
    assert nivaa[0]["budsjettramme"] == 10000
    assert nivaa[1]["mandat"] == {"tekst": ["Gruppa koordinerer arbeidet."]}
    tiltak = plain["handlingsplan"]["delmaal"][0]["tiltak"][0]
    assert tiltak["tidspunkt"] == ["Våren 2022", {"dato": dt.date(2022, 3, 4),
                                                  "tid": "08.30-09.30"},
                                   {"moter": "politiradet"}]
    assert plain["handlingsplan"]["periode"] == 2022
    serie = plain["moteplan"]["serier"][0]
    assert serie["regel"] == {"ukedag": "onsdag", "nr": 1, "maaneder": [2, 5, 9, 11]}
    assert serie["tid"] == "08.00-09.30"


def test_weekday_and_open_ended_time_round_trip():
    data = slt_docs.load_dict({
        "kommune": {"navn": "X"}, "organisasjon": {"nivaa": [{"type": "styrende"}]},
        "handlingsplan": {"tittel": "P", "periode": "2022-2025", "tiltak": [
            {"tittel": "T", "ansvar": ["A"], "tidspunkt": [{"dato": "2023-05-02",
                                                            "tid": "18.00"}]}]},
        "moteplan": {"aar": 2022, "serier": [
            {"organ": "styrende", "regel": {"ukedag": "laurdag", "nr": -1},
             "tid": "kl. 18"}]},
    })
    text = slt_docs.dumps(data)
    again = slt_docs.load_dict(yaml.load(text, Loader=SltYamlLoader))
    assert again == data
    assert again.moteplan.serier[0].regel.ukedag is Ukedag.lordag
    assert again.moteplan.serier[0].tid == Tidsrom(start=dt.time(18, 0))
    assert "periode: 2022-2025" in text


def test_text_that_looks_like_other_types_survives(tmp_path):
    text = VALID_YAML.replace("  navn: Testvik", "  navn: 'no'").replace(
        "  tittel: Handlingsplan SLT", "  tittel: '2022'").replace(
        "            - Våren 2022", "            - '08.30'\n            - '2022-03-04'"
        "\n            - 'true'\n            - '0123'\n            - ''")
    source = tmp_path / "inn.yaml"
    source.write_text(text, encoding="utf-8")
    data = slt_docs.load(source)
    assert data.kommune.navn == "no"
    assert data.handlingsplan.tittel == "2022"
    assert [t.tekst for t in data.handlingsplan.delmaal[0].tiltak[0].tidspunkt[:5]] == [
        "08.30", "2022-03-04", "true", "0123", ""]
    out = tmp_path / "ut.yaml"
    out.write_text(slt_docs.dumps(data), encoding="utf-8")
    assert slt_docs.load(out) == data


def test_multiline_text_round_trips(tmp_path):
    text = VALID_YAML.replace("      forutsetning: Politirådet er forankra i kommunestyret.",
                              "      forutsetning: |\n        Linje ein.\n        Linje to.")
    source = tmp_path / "inn.yaml"
    source.write_text(text, encoding="utf-8")
    data = slt_docs.load(source)
    assert data.organisasjon.nivaa[0].forutsetning == "Linje ein.\nLinje to.\n"
    dumped = slt_docs.dumps(data)
    assert "forutsetning: |" in dumped
    out = tmp_path / "ut.yaml"
    out.write_text(dumped, encoding="utf-8")
    assert slt_docs.load(out) == data


def test_cli_dump_round_trips(capsys, valid_file, tmp_path):
    assert cli.main(["dump", str(valid_file), "-o", str(tmp_path / "ut")]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[0] == f"skrev {tmp_path / 'ut' / 'kommune.yaml'}"
    assert slt_docs.load(tmp_path / "ut") == slt_docs.load(valid_file)

    assert cli.main(["dump", str(valid_file)]) == 0
    out, _ = capsys.readouterr()
    assert out == slt_docs.dumps(slt_docs.load(valid_file))


def test_cli_dump_of_bad_data_exits_2(capsys, write, tmp_path):
    path = write(VALID_YAML.replace("ansvar: [Frivillige]", "ansvar: []"))
    assert cli.main(["dump", str(path), "-o", str(tmp_path / "ut")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "handlingsplan.delmaal[0].tiltak[1].ansvar" in err
    assert not (tmp_path / "ut").exists()
