"""Every .docx the project writes opens in Word without repair: it validates
against the ISO/IEC 29500 Transitional schemas and Word's own rules
(slt_docs.ooxml) with no error. Every document kind × example × nb/nn × both
tiltak table shapes × both example profiles, a pack made with ``template
new`` and a user's own template, and the shipped templates and example
profiles themselves. A foreign template that would give a file Word must
repair is refused, with the fault located."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from outputs import OUTPUTS, PROFILES, TEMPLATES, data, output_id, rendered
from packtools import docx_with
from wordchecks import ooxml_errors as errors

from slt_docs.cli import main as cli_main
from slt_docs.documents import available_documents, render
from slt_docs.packs import check_pack, check_profile, new_pack
from slt_docs.render.docx import TemplateFault


@pytest.mark.parametrize("case", OUTPUTS, ids=[output_id(c) for c in OUTPUTS])
def test_every_rendered_document_is_valid(case):
    assert errors(rendered(*case)) == []


@pytest.mark.parametrize("path", TEMPLATES + PROFILES, ids=lambda p: p.name)
def test_shipped_templates_and_example_profiles_are_valid(path):
    assert errors(path.read_bytes()) == []
    result = check_profile(path) if path in PROFILES else check_pack(path)
    assert result.errors == []


def test_word_asks_nothing_and_hyphenates():
    for case in OUTPUTS[:12]:
        settings = Document(io.BytesIO(rendered(*case))).settings.element
        assert not settings.xpath("w:updateFields")
        assert settings.xpath("w:autoHyphenation")


def test_documents_from_a_new_pack_are_valid(tmp_path):
    folder = tmp_path / "pakke"
    new_pack(folder, kommune="Testvik kommune")
    assert check_pack(folder).errors == []
    for kommune in ("aukra", "nes"):
        for kind, organ in available_documents(data(kommune)):
            assert errors(render(data(kommune), kind, organ=organ, template=folder)) == [], kind


def test_a_document_from_a_users_own_template_is_valid(tmp_path):
    """A kommune's template made in Word from scratch (here: python-docx, saved
    as Word saves), and one of ours edited by the kommune."""
    own = Document(io.BytesIO(docx_with("{{ dok.kommune }}")))
    own.add_paragraph("{{ tiltak.overskrift }}", style="Heading 1")
    own.add_paragraph("{%p for d in tiltak.delmaal %}")
    own.add_paragraph("{{ d.tekst }}", style="Heading 2")
    table = own.add_table(rows=3, cols=2)
    table.style = own.styles["Table Grid"]
    table.cell(0, 0).text = "{%tr for t in d.tiltak %}"
    table.cell(1, 0).text = "{{ t.overskrift }}"
    table.cell(1, 1).text = "{{ t.ansvar_tekst }}"
    table.cell(2, 0).text = "{%tr endfor %}"
    own.add_paragraph("{%p endfor %}")
    path = tmp_path / "tiltak.docx"
    own.save(str(path))
    assert errors(render(data("aukra"), "tiltak", template=path)) == []
    folder = tmp_path / "pakke"
    new_pack(folder)
    edited = Document(str(folder / "mandat.docx"))
    edited.styles["Heading 1"].font.size = edited.styles["Heading 1"].font.size
    edited.add_paragraph("Vedteke av kommunestyret.", style="Quote")
    edited.save(str(folder / "mandat.docx"))
    assert errors(render(data("aukra"), "mandat", organ="koordinerande", template=folder)) == []


def _invalid_template(tmp_path: Path) -> Path:
    """A template whose output Word would repair: python-docx's blank
    document (w:zoom without w:percent)."""
    doc = Document()
    doc.add_paragraph("{{ dok.kommune }}")
    path = tmp_path / "mandat.docx"
    doc.save(str(path))
    return path


def test_a_template_giving_an_invalid_document_is_refused_with_the_fault_located(tmp_path):
    path = _invalid_template(tmp_path)
    with pytest.raises(TemplateFault, match="Word måtte reparert") as caught:
        render(data("aukra"), "mandat", organ="koordinerande", template=path)
    problem = caught.value.problems[0]
    assert str(problem.fil).endswith("mandat.docx»: word/settings.xml")
    assert problem.sti == "/w:settings/w:zoom"
    assert "w:percent" in problem.melding
    found = check_pack(path).errors
    assert any("w:percent" in p.melding and p.sti == "/w:settings/w:zoom" for p in found)


def test_cli_refuses_with_exit_2_and_writes_nothing(tmp_path, capsys):
    path = _invalid_template(tmp_path)
    out = tmp_path / "ut.docx"
    status = cli_main(["render", str(Path(__file__).parents[1] / "examples" / "aukra"),
                       "--doc", "mandat", "--organ", "koordinerande", "--template", str(path),
                       "-o", str(out)])
    assert status == 2
    assert not out.exists()
    err = capsys.readouterr().err
    assert "word/settings.xml" in err and "/w:settings/w:zoom" in err
    assert "Traceback" not in err


def test_template_check_of_a_profile_names_part_path_and_expectation(tmp_path, capsys):
    profile = Document(str(PROFILES[0]))
    ppr = profile.styles["Heading 1"].element.get_or_add_pPr()
    ppr.append(ppr.find(qn("w:keepNext")))  # moved behind w:outlineLvl: out of order
    path = tmp_path / "profil.docx"
    profile.save(str(path))
    status = cli_main(["mal", "kontroller", "--profile", str(path)])
    assert status == 2
    err = capsys.readouterr().err
    assert "profil.docx: word/styles.xml" in err
    assert "/w:pPr/w:keepNext" in err and "forventet rekkefølge: w:pStyle, w:keepNext" in err
    assert "profil.docx brukt på handlingsplan.docx" in err


def test_template_check_takes_a_pack_a_profile_or_both(capsys):
    """``--profile PROFIL`` as in ``slt-docs lag``; with a pack, both are checked."""
    root = Path(__file__).parents[1]
    profile = str(PROFILES[0])
    assert cli_main(["mal", "kontroller", "--profile", profile]) == 0
    assert "Word åpner det" in capsys.readouterr().out
    template = str(root / "templates" / "mandat.docx")
    assert cli_main(["mal", "kontroller", template, "--profile", profile]) == 0
    out = capsys.readouterr().out
    assert "gir mandat" in out and f"«{PROFILES[0].name}»: OK" in out
    assert cli_main(["mal", "kontroller"]) == 2
    assert "oppgi en malpakke (PAKKE) eller et profildokument" in capsys.readouterr().err
