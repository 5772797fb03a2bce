"""``slt-docs ny``: a new kommune's data folder that passes the check, makes
every document kind and speaks the chosen written standard in its comments."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import REPO
from docx import Document
from wordchecks import heading_faults, ooxml_errors

import slt_docs
from slt_docs import cli
from slt_docs.data.schema import SCHEMA_FILE, json_schema
from slt_docs.data.yamlsource import read_yaml
from slt_docs.documents import DocKind, available_documents
from slt_docs.errors import SltError
from slt_docs.scaffold import FILES, new_kommune

BOKMAAL_ONLY = re.compile(r"\b(ikke|hvis|hvordan|fra|noe|dem|kommer|skrives|brukes|"
                          r"dokumentene|møter|regler|måneder|datoer|egne)\b")
NYNORSK_ONLY = re.compile(r"\b(ikkje|dersom|korleis|frå|noko|dei|kjem|dokumenta|"
                          r"reglar|månader|datoar|eigne)\b")


def comments(folder):
    """The comment text of the data files, without the keys of commented-out data."""
    text = "\n".join(line.split("#", 1)[1] for path in sorted(folder.glob("*.yaml"))
                     for line in path.read_text(encoding="utf-8").splitlines() if "#" in line)
    return re.sub(r"\b\w+:", "", text)


@pytest.fixture(scope="module", params=["nb", "nn"])
def kommune(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param) / "nye"
    written = new_kommune(folder, "Nye kommune", request.param, aar=2026)
    return request.param, folder, written


def test_every_file_is_written_with_the_schema_line(kommune):
    _, folder, written = kommune
    assert sorted(p.name for p in written) == sorted([*FILES, SCHEMA_FILE])
    for name in FILES:
        text = (folder / name).read_text(encoding="utf-8")
        assert text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_FILE}"
        assert "⟦" not in text and "⟧" not in text


def test_the_check_accepts_it_without_a_warning(kommune):
    lang, folder, _ = kommune
    result = slt_docs.read(folder)
    assert [str(p) for p in result.problems] == []
    data = result.data
    assert data.kommune.navn == "Nye"
    assert data.kommune.visningsnavn == "Nye kommune"
    assert data.kommune.spraak == lang
    assert len(data.organisasjon.nivaa) == 3
    assert data.moteplan.serier and data.moteplan.serier[0].regel is not None
    plan = data.handlingsplan
    for section in ("visjon", "bakgrunn", "maal", "maal_for_perioden", "maalgruppe",
                    "tilbakeblikk", "hovedmaal", "delmaal", "oppfolging"):
        assert getattr(plan, section), section


def test_it_validates_against_the_schema(kommune):
    import jsonschema

    _, folder, _ = kommune
    validator = jsonschema.Draft7Validator(json_schema())
    for name in FILES:
        data = read_yaml(folder / name).data
        assert list(validator.iter_errors(data)) == [], name


def test_role_placeholders_only(kommune):
    _, folder, _ = kommune
    text = (folder / "kommune.yaml").read_text(encoding="utf-8")
    assert "koordinator@nye.kommune.example" in text
    assert re.findall(r"telefon: (.*)", text) == ['"000 00 000"']
    data = slt_docs.load(folder)
    assert all(k.navn is None for k in data.kommune.kontakter)


def test_the_comments_are_in_the_chosen_written_standard(kommune):
    lang, folder, _ = kommune
    text = comments(folder)
    wrong = (BOKMAAL_ONLY if lang == "nn" else NYNORSK_ONLY).findall(text)
    assert wrong == [], wrong
    right = (NYNORSK_ONLY if lang == "nn" else BOKMAAL_ONLY).findall(text)
    assert len(right) > 5


def test_every_document_kind_is_made(kommune, tmp_path):
    lang, folder, _ = kommune
    data = slt_docs.load(folder)
    kinds = {kind for kind, _ in available_documents(data)}
    # the year's status report and the endringsoversikt need a status file or
    # a previous version, which a new kommune does not have yet
    assert kinds | {DocKind.nettside, DocKind.statusrapport, DocKind.endringsoversikt} == \
        set(DocKind)
    written = slt_docs.render_all(data, tmp_path, dato=dt.date(2026, 3, 1))
    assert {p.name for p in written} >= {"handlingsplan.docx", "tiltak.docx", "moteplan.docx",
                                         "mandat-politiradet.docx",
                                         "mandat-koordineringsgruppa.docx", "aarshjul.png",
                                         "moteplan.ics", "nettside.html"}
    page = (tmp_path / "nettside.html").read_text(encoding="utf-8")
    assert f'lang="{lang}"' in page and "SLT i Nye" in page
    assert ("Kva er SLT?" if lang == "nn" else "Hva er SLT?") in page
    plan = "\n".join(p.text for p in Document(str(tmp_path / "handlingsplan.docx")).paragraphs)
    assert "Nye kommune" in plan
    assert ("Heile året" if lang == "nn" else "Hele året") in "\n".join(
        c.text for t in Document(str(tmp_path / "handlingsplan.docx")).tables
        for r in t.rows for c in r.cells)
    moteplan = Document(str(tmp_path / "moteplan.docx"))
    cells = " ".join(c.text for t in moteplan.tables for r in t.rows for c in r.cells)
    assert ("tysdag 10. februar 2026" if lang == "nn" else "tirsdag 10. februar 2026") in cells
    for path in sorted(tmp_path.glob("*.docx")):  # Word opens each without repair
        docx = path.read_bytes()
        assert (ooxml_errors(docx), heading_faults(docx)) == ([], []), path.name


def test_the_command_line_from_new_to_documents(tmp_path, capsys):
    folder = tmp_path / "aurland"
    assert cli.main(["ny", str(folder), "--navn", "Aurland", "--lang", "nn",
                     "--aar", "2026"]) == 0
    out = capsys.readouterr().out
    assert f"skrev {folder / 'kommune.yaml'}" in out
    assert "lag dokumenta med" in out
    assert cli.main(["kontroller", str(folder)]) == 0
    assert "Aurland kommune (norsk nynorsk)" in capsys.readouterr().out
    assert cli.main(["lag", str(folder), "-o", str(tmp_path / "ut")]) == 0
    assert (tmp_path / "ut" / "handlingsplan.docx").is_file()


def test_an_existing_folder_is_never_overwritten(tmp_path, capsys):
    folder = tmp_path / "finst"
    folder.mkdir()
    (folder / "kommune.yaml").write_text("kommune: {navn: X}\n", encoding="utf-8")
    with pytest.raises(SltError, match="finnes og er ikke en tom mappe"):
        new_kommune(folder, "X")
    assert cli.main(["ny", str(folder), "--navn", "X"]) == 2
    assert "finnes og er ikke en tom mappe" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["kommune.yaml"]


@pytest.mark.parametrize("navn", ["Ås", "Nord-Fron", "Porsanger – Porsáŋgu – Porsanki",
                                  "True", "Hol: test"])
def test_any_kommune_name_is_kept_as_written(tmp_path, navn):
    new_kommune(tmp_path / "k", navn, "nb", aar=2026)
    data = slt_docs.load(tmp_path / "k")
    assert data.kommune.navn == navn


def test_wrong_written_standard_is_refused(tmp_path):
    with pytest.raises(SltError, match=r"nb .*eller nn"):
        new_kommune(tmp_path / "k", "X", "se")
    assert not (tmp_path / "k").exists()


def test_the_readme_names_the_command():
    assert "slt-docs ny" in (REPO / "README.md").read_text(encoding="utf-8")
