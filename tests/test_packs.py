"""Template packs: new → edit → check → pack → render, the checks with
their locations, the manifest, fallbacks to the defaults, the CLI, and the
field reference kept in step with the view classes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import RGBColor
from packtools import docx_with, manifest, pack_folder, pack_zip, parts_of

import slt_docs
from slt_docs.cli import main
from slt_docs.documents import DocKind, default_template, render, render_all
from slt_docs.errors import SltError
from slt_docs.packs import (
    KINDS,
    build_pack,
    check_html_template,
    check_pack,
    check_template,
    field_reference,
    new_pack,
    open_pack,
    version_satisfies,
)
from slt_docs.packs.manifest import _simple_satisfies
from slt_docs.render.extract import plain_text

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def aukra() -> slt_docs.SltData:
    return slt_docs.load(REPO / "examples" / "aukra")


def test_kinds_match_the_documents():
    assert list(KINDS) == [k.value for k in DocKind]


def _edit(path: Path) -> None:
    """What a coordinator does in Word: recolour a heading style, add a line."""
    doc = Document(str(path))
    doc.styles["Heading 1"].font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
    doc.paragraphs[0].insert_paragraph_before("Redigert i Testvik")
    doc.save(str(path))


def test_round_trip_new_edit_check_pack_render(tmp_path, aukra, capsys):
    folder = tmp_path / "testvik-mal"
    assert main(["template", "new", str(folder), "--kommune", "Testvik kommune"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "endringsoversikt.docx", "handlingsplan.docx", "mandat.docx", "manifest.yaml",
        "moteplan.docx", "nettside.html", "statusrapport.docx", "tiltak.docx"]
    _edit(folder / "handlingsplan.docx")
    # drop the møteplan: it comes from the defaults
    text = (folder / "manifest.yaml").read_text(encoding="utf-8")
    (folder / "manifest.yaml").write_text(text.replace("  moteplan: moteplan.docx\n", ""),
                                          encoding="utf-8")
    assert main(["template", "check", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "OK" in out and "moteplan kommer fra standardmalene" in out
    assert "står ikke under «dokumenter:»" in out  # moteplan.docx is still lying there
    zipped = tmp_path / "testvik.zip"
    assert main(["template", "pack", str(folder), "-o", str(zipped)]) == 0
    with zipfile.ZipFile(zipped) as archive:
        assert sorted(archive.namelist()) == [
            "endringsoversikt.docx", "handlingsplan.docx", "mandat.docx", "manifest.yaml",
            "nettside.html", "statusrapport.docx", "tiltak.docx"]
    assert main(["template", "check", str(zipped)]) == 0

    docx = render(aukra, "handlingsplan", template=zipped)
    assert "Redigert i Testvik" in plain_text(docx)
    assert b'w:val="8B0000"' in parts_of(docx)["word/styles.xml"]
    # a kind the pack lacks renders from the default template
    moteplan = render(aukra, "moteplan", template=zipped)
    default = render(aukra, "moteplan")
    assert plain_text(moteplan) == plain_text(default)
    # every document at once
    written = render_all(aukra, tmp_path / "ut", template=zipped)
    assert {p.name for p in written} >= {"handlingsplan.docx", "moteplan.docx", "nettside.html"}


def test_pack_zip_is_reproducible(tmp_path):
    folder = tmp_path / "mal"
    new_pack(folder, kommune="Testvik kommune")
    first, _ = build_pack(folder, tmp_path / "a.zip")
    second, _ = build_pack(folder, tmp_path / "b.zip")
    assert first.read_bytes() == second.read_bytes()


def test_new_from_a_pack_keeps_its_templates_and_credits_it(tmp_path):
    source = pack_folder(tmp_path / "aukra-mal", {
        "handlingsplan": docx_with("Aukra-malen {{ dok.tittel }}")})
    target = tmp_path / "nes-mal"
    new_pack(target, source=source, kommune="Nes kommune")
    text = (target / "manifest.yaml").read_text(encoding="utf-8")
    assert "basert_paa: Testmal 1.0.0 fra Testvik kommune" in text
    assert "kommune: Nes kommune" in text
    assert "lisens: CC-BY-4.0" in text
    assert "Aukra-malen" in plain_text((target / "handlingsplan.docx").read_bytes())
    assert not check_pack(target).errors


def test_new_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "fil.txt").write_text("x")
    with pytest.raises(SltError, match="ikke en tom mappe"):
        new_pack(tmp_path / "x")


def test_single_docx_template_for_one_document(tmp_path, aukra):
    path = tmp_path / "enkel.docx"
    path.write_bytes(docx_with("Bare tittelen: {{ dok.tittel }}"))
    docx = render(aukra, "handlingsplan", template=path)
    assert "Bare tittelen: SLT Handlingsplan 2022" in plain_text(docx)
    with pytest.raises(SltError, match="én enkelt mal"):
        render_all(aukra, tmp_path / "ut", template=path)


def test_a_pack_in_a_subfolder_of_the_zip(tmp_path, aukra):
    """Zipping the folder itself (every name starts with «mal/») works too."""
    docx = docx_with("Fra undermappe {{ dok.kommune }}")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mal/manifest.yaml", manifest({"handlingsplan": "plan.docx"}))
        archive.writestr("mal/plan.docx", docx)
        archive.writestr("__MACOSX/mal/._plan.docx", b"junk")
    (tmp_path / "mal.zip").write_bytes(buffer.getvalue())
    assert "Fra undermappe Aukra kommune" in plain_text(
        render(aukra, "handlingsplan", template=tmp_path / "mal.zip"))


def test_language_the_pack_is_not_written_for(tmp_path, aukra):
    text = manifest({"handlingsplan": "handlingsplan.docx"}).replace("[nb, nn]", "[nb]")
    pack = pack_zip(tmp_path / "nb.zip", {"handlingsplan": docx_with("x")}, manifest_text=text)
    with pytest.raises(SltError, match="laget for språket nb, ikke «nn»"):
        render(aukra, "handlingsplan", template=pack)
    assert "x" in plain_text(render(aukra, "handlingsplan", template=pack, lang="nb"))


def test_pack_pictures(tmp_path, aukra):
    from slt_docs.aarshjul import aarshjul_png

    png = aarshjul_png(aukra)
    extra = ("bilder:\n  kart: {fil: bilder/kart.png, bredde_mm: 50, "
             "alt: Kart over kommunen}\n")
    text = manifest({"handlingsplan": "handlingsplan.docx"}, extra)
    pack = pack_zip(tmp_path / "p.zip", {"handlingsplan": docx_with("{{ bilde.kart }}")},
                    {"bilder/kart.png": png}, manifest_text=text)
    docx = render(aukra, "handlingsplan", template=pack)
    assert b'descr="Kart over kommunen"' in parts_of(docx)["word/document.xml"]
    bad = pack_zip(tmp_path / "q.zip", {"handlingsplan": docx_with("{{ bilde.kart }}")},
                   {"bilder/kart.png": b"GIF89a"}, manifest_text=text)
    with pytest.raises(SltError, match="verken PNG eller JPEG"):
        open_pack(bad)


# -- the manifest ------------------------------------------------------------------

@pytest.mark.parametrize(("change", "line", "expected"), [
    (("dokumenter:", "dokumentar:"), 7, "ukjent felt «dokumentar»; mente du «dokumenter»?"),
    (("spraak: [nb, nn]", "spraak: [nb, se]"), 5, "ukjent språk «se»"),
    (('slt_docs: ">=0.1"', 'slt_docs: ">=99"'), 6, "pakken krever slt_docs >=99"),
    (('slt_docs: ">=0.1"', 'slt_docs: "nyeste"'), 6, "er ikke et versjonskrav"),
    (("  handlingsplan: handlingsplan.docx", "  aarsmelding: handlingsplan.docx"), 8,
     "ukjent dokumenttype «aarsmelding»"),
    (("lisens: CC-BY-4.0\n", ""), None, "påkrevd felt «lisens» mangler"),
])
def test_manifest_problems_are_located(tmp_path, change, line, expected):
    folder = pack_folder(tmp_path / "mal", {"handlingsplan": docx_with("x")})
    path = folder / "manifest.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    result = check_pack(folder)
    assert result.errors, result
    problem = next(p for p in result.errors if expected in p.melding)
    assert problem.fil == Path("mal/manifest.yaml")
    if line is not None:
        assert problem.linje == line


def test_missing_template_file(tmp_path):
    folder = pack_folder(tmp_path / "mal", {"handlingsplan": docx_with("x")})
    (folder / "handlingsplan.docx").unlink()
    result = check_pack(folder)
    assert any("finnes ikke i pakken" in p.melding and "dokumenttypen handlingsplan" in p.melding
               for p in result.errors)


def test_version_requirements():
    assert version_satisfies(">=0.1", "0.1.0.dev0")
    assert version_satisfies(">=0.1,<2", "1.5")
    assert not version_satisfies(">=0.2", "0.1.0.dev0")
    assert version_satisfies("nonsense", "0.1") is None
    assert _simple_satisfies(">=0.1, <2", (0, 1, 0))
    assert not _simple_satisfies("<0.1", (0, 1, 0))
    assert _simple_satisfies("~=0.1", (0, 3))
    assert _simple_satisfies("x", (1,)) is None


# -- template check: each kind of fault, with where it is ---------------------------

def _faulty() -> bytes:
    doc = Document(str(default_template(DocKind.handlingsplan)))
    doc.add_paragraph("Plan: {{ plan.tilttak }}")
    doc.add_paragraph("{{ tiltak.overskrfit }} og {{ label.innholdd }} og {{ bilde.kart }}")
    doc.add_paragraph("{%p for c in dok.tittel %}")
    doc.add_paragraph("{{ c }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p for x in dok %}{%p endfor %}")
    p = doc.add_paragraph("Tekst i en stil som mangler")
    p._p.get_or_add_pPr().get_or_add_pStyle().val = "Finnesikke"
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                for para in cell.paragraphs:
                    for run in para.runs:
                        run.text = run.text.replace("{{ t.overskrift }}", "{{ t.overskrfit }}")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def faults() -> list:
    return check_template(_faulty(), "handlingsplan", "handlingsplan.docx")


@pytest.mark.parametrize(("message", "where", "around"), [
    ("ukjent navn «plan»", "avsnitt", "Plan: {{ plan.tilttak }}"),
    ("feltet «overskrfit» finnes ikke på TiltakTabellView; mente du «overskrift»?", "avsnitt",
     "{{ tiltak.overskrfit }}"),
    ("«label.innholdd» er ikke et kjent fast ord; mente du «innhold»?", "avsnitt", "label"),
    ("bildet «bilde.kart» finnes ikke for handlingsplan", "avsnitt", "bilde.kart"),
    ("løkka går gjennom en tekst", "avsnitt", "{% for c in dok.tittel %}"),
    ("løkka går over DokumentView, som ikke er en liste", "avsnitt", "{% for x in dok %}"),
    ("avsnittsstilen «Finnesikke» er brukt, men finnes ikke", "avsnitt",
     "Tekst i en stil som mangler"),
    ("feltet «overskrfit» finnes ikke på TiltakRad; mente du «overskrift»?",
     "tabell 2, rad 4, celle 2, avsnitt 1", "{{ t.overskrfit }}"),
])
def test_check_finds_each_fault_with_its_place(faults, message, where, around):
    found = [p for p in faults if message in p.melding]
    assert found, [str(p) for p in faults]
    problem = found[0]
    assert problem.sti.startswith("handlingsplan, ")
    assert where in problem.sti
    assert f"rundt «{around}" in problem.melding or around in problem.melding
    assert problem.fil == Path("handlingsplan.docx")


def test_check_names_the_paragraph_number(faults):
    doc = Document(io.BytesIO(_faulty()))
    index = next(i for i, p in enumerate(doc.element.body.iterchildren(), start=1)
                 if p.tag.endswith("}p") and "plan.tilttak" in "".join(p.itertext()))
    paragraphs = [c for c in doc.element.body.iterchildren() if c.tag.endswith("}p")]
    number = next(i for i, p in enumerate(paragraphs, start=1)
                  if "plan.tilttak" in "".join(p.itertext()))
    assert index
    problem = next(p for p in faults if "ukjent navn «plan»" in p.melding)
    assert problem.sti == f"handlingsplan, avsnitt {number}"


def test_check_reports_syntax_errors_in_norwegian_with_place(tmp_path):
    doc = Document(str(default_template(DocKind.tiltak)))
    doc.add_paragraph("{%p if dok.tittel %} og ingen slutt")
    doc.save(str(tmp_path / "tiltak.docx"))
    result = check_pack(tmp_path / "tiltak.docx")
    assert len(result.errors) == 1
    problem = result.errors[0]
    assert "malen slutter før «{% if %}» er lukket" in problem.melding
    assert problem.sti.startswith("tiltak, avsnitt ")
    assert "og ingen slutt" in problem.melding


@pytest.mark.parametrize(("text", "expected"), [
    ("{{ dok.tittel | format(1) }}", "filteret «format» finnes ikke eller er ikke tillatt"),
    ("{% include 'x' %}", "{% include %} er ikke tillatt"),
    ("{{ range(3) }}", "«range» finnes ikke i slt_docs-maler"),
    ("{{ dok.tittel.upper() }}", "tekst; den har ingen felt eller metoder"),
    ("{{ bakgrunn.tittel }}", "en liste har ingen felt"),
    ("{{ lenke(dok) }}", "lenke() trenger en lenke (LenkeView), fikk DokumentView"),
    ("{% for b in maal %}{{ b.avsnit }}{% endfor %}", "«avsnit» finnes ikke på BlokkView"),
    ("{% for x in bakgrunn %}{{ loop.cycle }}{% endfor %}", "loop.cycle er ikke tilgjengelig"),
    ("{%tr for r in halvaar %}{{ r.rader[0].organ }}{%tr endfor %}", None),
])
def test_check_more_faults(text, expected):
    kind = "moteplan" if "halvaar" in text else "handlingsplan"
    problems = check_template(docx_with(text), kind, "mal.docx")
    if expected is None:
        assert problems == []
    else:
        assert any(expected in p.melding for p in problems), [str(p) for p in problems]


def test_macro_parameters_are_typed_from_their_calls():
    text = ("{% macro vis(bs) %}{% for b in bs %}{{ b.avsnittt }}{% endfor %}{% endmacro %}"
            "{{ vis(maal) }}")
    problems = check_template(docx_with(text), "handlingsplan", "mal.docx")
    assert any("«avsnittt» finnes ikke på BlokkView" in p.melding for p in problems)


def test_default_templates_are_clean():
    for kind in KINDS:
        data = default_template(DocKind(kind)).read_bytes()
        if kind == "nettside":
            assert check_html_template(data.decode("utf-8"), kind, "nettside.html") == []
        else:
            assert check_template(data, kind, f"{kind}.docx") == []


def test_cli_check_exit_status(tmp_path, capsys):
    folder = pack_folder(tmp_path / "mal", {"handlingsplan": docx_with("{{ plan.x }}")})
    assert main(["template", "check", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "handlingsplan.docx: feil: handlingsplan, avsnitt 1: ukjent navn «plan»" in err
    assert "1 feil funnet" in err
    assert main(["template", "pack", str(folder), "-o", str(tmp_path / "x.zip")]) == 2
    assert not (tmp_path / "x.zip").exists()
    assert main(["template", "check", str(tmp_path / "finnes-ikke")]) == 2


def test_cli_render_with_template_and_profile(tmp_path, capsys):
    folder = pack_folder(tmp_path / "mal", {"handlingsplan": docx_with("Mal: {{ dok.tittel }}")})
    out = tmp_path / "plan.docx"
    code = main(["render", str(REPO / "examples" / "aukra"), "--doc", "handlingsplan",
                 "--template", str(folder), "--profile",
                 str(REPO / "examples" / "profiler" / "gronn-sans.docx"), "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    assert "Mal: SLT Handlingsplan 2022" in plain_text(out.read_bytes())
    assert main(["render", str(REPO / "examples" / "aukra"), "--doc", "handlingsplan",
                 "--template", str(tmp_path / "finnes.zip"), "-o", str(tmp_path / "y.docx")]) == 2
    assert "fant ikke malen" in capsys.readouterr().err


# -- the field reference -----------------------------------------------------------

def test_field_reference_is_current():
    """docs/template-fields.md is generated from the view classes; regenerate
    it with ``slt-docs mal felt -o docs/template-fields.md``."""
    committed = (REPO / "docs" / "template-fields.md").read_text(encoding="utf-8")
    assert committed == field_reference(), (
        "docs/template-fields.md er utdatert; kjør: slt-docs mal felt -o "
        "docs/template-fields.md")


def test_field_reference_covers_every_view_field():
    from slt_docs.packs.fields import KIND_VIEWS, hints

    text = field_reference()
    for cls in KIND_VIEWS.values():
        assert f"### {cls.__name__}" in text
        for name in hints(cls):
            assert f"| `{name}` |" in text


def test_cli_fields(capsys, tmp_path):
    assert main(["template", "fields"]) == 0
    assert capsys.readouterr().out == field_reference()
    assert main(["template", "fields", "-o", str(tmp_path / "f.md")]) == 0
    assert (tmp_path / "f.md").read_text(encoding="utf-8") == field_reference()
