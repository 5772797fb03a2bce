"""The JSON Schema of the data and the field reference docs/data.md: generated
from the models, current in the repository, and agreeing with the loader."""

from __future__ import annotations

import datetime as dt
import json
import re

import attrs
import jsonschema
import pytest
from conftest import EXAMPLES, REPO, VALID_YAML, yaml_text

from slt_docs import cli
from slt_docs.data.fielddocs import CLASS_DOCS, class_doc, field_doc
from slt_docs.data.reference import data_reference
from slt_docs.data.schema import SCHEMA_FILE, json_schema, model_classes, schema_text
from slt_docs.data.yamlsource import read_yaml

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def plain(value):
    """A YAML value as the editor's YAML 1.2 reader sees it (dates are text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


@pytest.fixture(scope="module")
def validator():
    schema = json_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def leaves(errors):
    for error in errors:
        if error.context:
            yield from leaves(error.context)
        else:
            yield error


def messages(validator, text):
    data = plain(read_yaml(REPO / "x.yaml", yaml_text(text)).data)
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
            for e in leaves(validator.iter_errors(data))]


def test_every_class_and_field_has_a_norwegian_description():
    missing = [cls.__name__ for cls in model_classes() if not class_doc(cls)]
    missing += [f"{cls.__name__}.{f.name}" for cls in model_classes()
                for f in attrs.fields(cls) if not field_doc(cls, f.name)]
    assert missing == [], "skriv forklaringen i slt_docs/data/fielddocs.py"
    names = {cls.__name__ for cls in model_classes()} | {"Organ"}
    assert set(CLASS_DOCS) <= names, "forklaring for en klasse som ikke finnes"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*/*.yaml")), ids=lambda p: p.parent.name
                         + "/" + p.name)
def test_the_examples_validate_and_point_at_the_schema(validator, path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first)
    assert match, f"{path}: første linje skal være «# yaml-language-server: $schema=…»"
    target = (path.parent / match[1]).resolve()
    assert target.is_file(), target
    assert json.loads(target.read_text(encoding="utf-8")) == json_schema()
    errors = list(validator.iter_errors(plain(read_yaml(path).data)))
    assert errors == [], [e.message for e in errors]


def test_the_valid_test_kommune_validates(validator):
    assert messages(validator, VALID_YAML) == []


@pytest.mark.parametrize("good, bad, expected", [
    ("  spraak: nn", "  sprak: nn", "Additional properties are not allowed ('sprak'"),
    ("type: styrande", "type: utøvande", "organisasjon.nivaa.0.type: 'utøvande' is not one of"),
    ("tid: 13.00-15.00", "tid: 13.00 til tre", "moteplan.moter.0.tid: '13.00 til tre' does not "
     "match"),
    ("periode: 2022", "periode: to år", "handlingsplan.periode: 'to år' does not match"),
])
def test_the_schema_marks_what_the_loader_refuses(validator, good, bad, expected):
    text = VALID_YAML.replace(good, bad, 1)
    assert text != VALID_YAML
    found = messages(validator, text)
    assert any(expected in m for m in found), found


@pytest.mark.parametrize("good, other", [
    ("ukedag: onsdag", "ukedag: Onsdag"),
    ("type: styrande", "type: styrende"),
    ("type: utførande", "type: utforande"),
    ("dato: 2022-03-04", "dato: 4. mars 2022"),
    ("dato: 2022-03-04", "dato: 04.03.2022"),
    ("per: år", "per: aar"),
    ("budsjettramme: 10 000", "budsjettramme: 10000"),
    ("maaneder: [februar, mai, 9, nov]", "maaneder: [Februar, 5]"),
])
def test_the_schema_accepts_every_spelling_the_loader_accepts(validator, good, other):
    text = VALID_YAML.replace(good, other, 1)
    assert text != VALID_YAML
    assert messages(validator, text) == []


def test_descriptions_and_values_in_both_written_standards():
    schema = json_schema()
    weekday = schema["definitions"]["Moteregel"]["properties"]["ukedag"]
    assert {"tirsdag", "tysdag", "lørdag", "laurdag", "lordag"} <= set(weekday["enum"])
    assert "tirsdag (nynorsk: tysdag)" in weekday["description"]
    kommune = schema["definitions"]["Kommune"]
    assert kommune["properties"]["spraak"]["description"].startswith("Skriftspråket")
    assert kommune["required"] == ["navn"]
    assert schema["properties"]["kommune"]["description"] == "Kommunen (påkrevd)."
    assert "examples" in schema["definitions"]["Moete"]["properties"]["dato"]


def test_the_committed_schema_and_reference_are_current():
    assert (EXAMPLES / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text(), (
        "kjør: python3 -m slt_docs skjema -o examples/")
    assert (REPO / "docs" / "data.md").read_text(encoding="utf-8") == data_reference(), (
        "kjør: python3 -m slt_docs skjema --markdown -o docs/data.md")


def test_reference_lists_accepted_spellings():
    text = data_reference()
    assert "| `tirsdag` | `tysdag` |" in text
    assert "| `lørdag` | `laurdag` | " in text and "`lordag`" in text
    assert "`4. mars 2022`" in text
    assert "| `periode` | [periode](#datoer-klokkeslett-og-perioder) | **påkrevd** |" in text


def test_skjema_command_writes_into_a_folder(tmp_path, capsys):
    assert cli.main(["skjema", "-o", str(tmp_path)]) == 0
    assert (tmp_path / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text()
    assert capsys.readouterr().out == f"skrev {tmp_path / SCHEMA_FILE}\n"
    assert cli.main(["skjema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "SLT-data for slt_docs"
