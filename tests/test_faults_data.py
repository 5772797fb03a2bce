"""Bad data, as a hostile or unlucky user writes it: one set of rules for
``check``, ``render`` and the Python API. Whatever render (or Word's writer)
would trip on is found by ``check`` first, with the same located Norwegian
message (file, line, field path); the API raises only the library's errors."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import attrs
import pytest
import yaml
from conftest import VALID_YAML, position
from faulttools import AUKRA, aukra_copy, files_under, run_cli
from packtools import docx_with, parts_of, with_parts

import slt_docs
from slt_docs import DataError, SltError


def variant(old: str, new: str, text: str = VALID_YAML) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def same_answer(capsys, tmp_path: Path, folder_or_file: Path) -> str:
    """``check`` and ``render`` give exit 2 and the same problem lines; render
    writes nothing. Returns the problem lines."""
    status, out, err = run_cli(capsys, "check", folder_or_file)
    assert status == 2, out
    problems = [line for line in err.splitlines() if ": feil:" in line]
    assert problems, err
    out_dir = tmp_path / "ut"
    status, out, err_render = run_cli(capsys, "render", folder_or_file, "-o", out_dir)
    assert status == 2
    assert [line for line in err_render.splitlines() if ": feil:" in line] == problems
    assert not out_dir.exists()
    status, _, _ = run_cli(capsys, "render", folder_or_file, "--doc", "handlingsplan",
                                 "-o", out_dir / "plan.docx")
    assert status == 2 and not out_dir.exists()
    with pytest.raises(DataError) as info:
        slt_docs.load(folder_or_file)
    assert [str(p) for p in info.value.problems] == problems
    return "\n".join(problems)


# -- characters Word cannot hold, however they are written ------------------------

ESCAPES = ['\\x01', '\\0', '\\e', '\\x7f', '\\uFFFE', '\\x1b[31m', '\\a', '\\b', '\\v', '\\f']


@pytest.mark.parametrize("escape", ESCAPES)
def test_control_character_as_yaml_escape(capsys, tmp_path, write, escape):
    text = variant("  tittel: Handlingsplan SLT", f'  tittel: "Handlingsplan {escape} SLT"')
    path = write(text)
    line, col = position(text, '"Handlingsplan')
    problems = same_answer(capsys, tmp_path, path)
    assert problems.startswith(f"{path}:{line}:{col}: feil: handlingsplan.tittel: ugyldig "
                               "kontrolltegn U+")
    assert "Word-dokument" in problems


@pytest.mark.parametrize("where", [
    ("handlingsplan", "delmaal", 0, "tiltak", 1, "ansvar", 0),
    ("kommune", "navn"),
    ("organisasjon", "nivaa", 0, "forutsetning"),
    ("moteplan", "moter", 0, "sted"),
])
@pytest.mark.parametrize("char", ["\x00", "\x08", "\ud800", "\uffff", "\x0b"])
def test_control_character_from_a_program(where, char):
    raw = yaml.safe_load(VALID_YAML)
    node = raw
    for step in where[:-1]:
        node = node[step]
    last = where[-1]
    if isinstance(node[last], dict):
        node[last]["navn"] = f"a{char}b"
        where = (*where, "navn")
    else:
        node[last] = f"a{char}b"
    with pytest.raises(DataError) as info:
        slt_docs.load_dict(raw)
    [problem] = info.value.problems
    path = slt_docs.errors.format_path(where)
    assert problem.sti == path
    assert problem.melding.startswith(f"ugyldig kontrolltegn U+{ord(char):04X}")


# -- texts longer than Word's document properties ---------------------------------

LONG = [
    ("  tittel: Handlingsplan SLT", "  tittel: {}", "handlingsplan.tittel", 256),
    ("  navn: Testvik", "  navn: {}", "kommune.navn", 201),
    ("    - type: utførande\n", "    - type: utførande\n      navn: {}\n",
     "organisasjon.nivaa[2].navn", 201),
    ("  spraak: nn\n", "  spraak: nn\n  fullt_navn: {}\n", "kommune.fullt_navn", 256),
    ("    - organ: styrande\n", "    - organ: styrande\n      tittel: {}\n",
     "dokumenter.mandat[0].tittel", 256),
]


@pytest.mark.parametrize(("old", "new", "path", "length"), LONG)
def test_texts_too_long_for_document_properties(capsys, tmp_path, write, old, new, path,
                                                length):
    text = variant(old, new.format("Å" * length))
    file = write(text)
    problems = same_answer(capsys, tmp_path, file)
    assert f": feil: {path}: " in problems and f"({length} tegn; høyst" in problems
    ok = write(variant(old, new.format("Å" * (length - 1))), "ok.yaml")
    assert slt_docs.read(ok).errors == []


# -- logo and profile files ----------------------------------------------------------

def png(width: int = 4, height: int = 4) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                               0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def profile_docx() -> bytes:
    return (AUKRA.parent / "profiler" / "gronn-sans.docx").read_bytes()


BAD_LOGOS = {
    "tekst": b"dette er ikke et bilde",
    "tom": b"",
    "avkortet": png(64, 64)[:60],
    "svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>',
    "word": profile_docx(),
}


@pytest.mark.parametrize("kind", list(BAD_LOGOS))
def test_logo_that_is_not_a_whole_picture(capsys, tmp_path, write, kind):
    folder = tmp_path / "data"
    file = write(variant("  spraak: nn\n", "  spraak: nn\n  logo: logo.png\n"), folder=folder)
    (folder / "logo.png").write_bytes(BAD_LOGOS[kind])
    problems = same_answer(capsys, tmp_path, folder)
    line, col = position(file.read_text(encoding="utf-8"), "logo.png")
    assert problems.startswith(f"{file}:{line}:{col}: feil: kommune.logo: bildet «logo.png» ")
    (folder / "logo.png").write_bytes(png())
    assert slt_docs.read(folder).errors == []


def odd_word_file(document_xml: bytes | None = None) -> bytes:
    """A Word file Word opens, with an odd body (no page setup, or no body)."""
    docx = docx_with("x")
    body = parts_of(docx)["word/document.xml"]
    if document_xml is None:
        document_xml = body.replace(b"<w:sectPr", b"<w:x").replace(b"</w:sectPr>", b"</w:x>")
    return with_parts(docx, {"word/document.xml": document_xml})


BAD_PROFILES = {
    "uten sideoppsett": (odd_word_file(), "kan ikke brukes som profil"),
    "uten dokumentinnhold": (odd_word_file(b'<?xml version="1.0"?><a/>'),
                             "kan ikke brukes som profil"),
    "bilde": (png(), "ikke en gyldig zip-fil"),
    "tekst": (b"PROFIL", "ikke en gyldig zip-fil"),
    "avkortet": (profile_docx()[:2000], "zip"),
    "zip uten Word": (b"PK\x05\x06" + b"\x00" * 18, "Word"),
}


@pytest.mark.parametrize("kind", list(BAD_PROFILES))
def test_profile_that_is_not_a_word_file(capsys, tmp_path, write, kind):
    folder = tmp_path / "data"
    file = write(variant("  spraak: nn\n", "  spraak: nn\n  profil: profil.docx\n"),
                 folder=folder)
    blob, expected = BAD_PROFILES[kind]
    (folder / "profil.docx").write_bytes(blob)
    problems = same_answer(capsys, tmp_path, folder)
    line, col = position(file.read_text(encoding="utf-8"), "profil.docx")
    assert problems.startswith(f"{file}:{line}:{col}: feil: kommune.profil: ")
    assert expected in problems and "profil" in problems


def test_broken_language_catalog_of_the_kommune(capsys, tmp_path, write):
    folder = tmp_path / "data"
    write(VALID_YAML, folder=folder)
    (folder / "spraak").mkdir()
    (folder / "spraak" / "nn.po").write_text('msgid "a"\nmsgstr "b"\nmsgid', encoding="utf-8")
    problems = same_answer(capsys, tmp_path, folder)
    assert "kommune.spraak: språkfila kan ikke leses" in problems
    assert "nn.po" in problems


# -- the right file blamed -----------------------------------------------------------

@pytest.mark.parametrize(("name", "content", "message"), [
    ("kommune.yaml", "", "fila er tom; den skal ha delen «kommune:» øverst"),
    ("kommune.yaml", "# bare en kommentar\n", "fila er tom; den skal ha delen «kommune:» øverst"),
    ("organisasjon.yaml", "null\n", "fila inneholder bare «null»"),
    ("organisasjon.yaml", "~\n", "fila inneholder bare «null»"),
    ("handlingsplan.yaml", "--- null\n", "fila inneholder bare «null»"),
    ("moteplan.yaml", "- en liste\n", "fila må bestå av nøkler"),
])
def test_the_file_that_is_wrong_is_blamed(capsys, tmp_path, name, content, message):
    folder = aukra_copy(tmp_path)
    (folder / name).write_text(content, encoding="utf-8")
    problems = same_answer(capsys, tmp_path, folder).splitlines()
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{folder / name}:1:1: feil: ")
    assert message in problems[0]


# -- the Python API: models built or changed in code ---------------------------------

@pytest.fixture(scope="module")
def aukra() -> slt_docs.SltData:
    return slt_docs.load(AUKRA)


def changed(data: slt_docs.SltData, path: tuple, value: object) -> slt_docs.SltData:
    """``data`` with the field at ``path`` replaced (attrs.evolve all the way down)."""
    if not path:
        return value  # type: ignore[return-value]
    step, rest = path[0], path[1:]
    if isinstance(step, int):
        items = list(data)  # type: ignore[call-overload]
        items[step] = changed(items[step], rest, value)
        return tuple(items)  # type: ignore[return-value]
    return attrs.evolve(data, **{step: changed(getattr(data, step), rest, value)})


EVOLVED = [
    (("handlingsplan", "delmaal", 0, "tiltak", 1, "ansvar"), (),
     "tiltaket må ha minst én ansvarlig"),
    (("moteplan", "moter", 0, "organ"), "finst-ikkje", "finner ikke organet «finst-ikkje»"),
    (("handlingsplan", "tittel"), 2022, "forventet tekst, fikk int «2022»"),
    (("handlingsplan", "tittel"), None, "forventet tekst, fikk None"),
    (("handlingsplan", "delmaal", 0, "tiltak", 1, "ansvar"), "Skulen",
     "forventet en liste (tuple), fikk str «Skulen»"),
    (("handlingsplan", "delmaal"), [], "forventet en liste (tuple), fikk list"),
    (("handlingsplan", "periode"), "2022", "forventet Periode, fikk str «2022»"),
    (("moteplan", "moter", 0, "dato"), "2022-01-25", "forventet en dato"),
    (("kommune", "spraak"), "sv", "ukjent språk «sv»"),
    (("kommune", "navn"), "Au\x00kra", "ugyldig kontrolltegn U+0000"),
    (("handlingsplan", "tittel"), "x" * 300, "tittelen er for lang (300 tegn"),
    (("kommune", "logo"), "/etc/passwd", "må være en fil i datamappa"),
    (("kommune", "profil"), "../../profil.docx", "må være en fil i datamappa"),
    (("organisasjon", "nivaa", 0, "type"), "styrande", "forventet en av"),
    (("handlingsplan", "etiketter"), {"innhold": "In\x01nhald"}, "ugyldig kontrolltegn U+0001"),
    (("handlingsplan", "etiketter"), {"innhold": 5}, "forventet tekst, fikk int «5»"),
    (("handlingsplan", "etiketter"), ["innhold"], "forventet et oppslag (dict)"),
]


@pytest.mark.parametrize(("path", "value", "message"), EVOLVED)
def test_a_model_changed_in_code_is_checked_again(aukra, tmp_path, path, value, message):
    bad = changed(aukra, path, value)
    with pytest.raises(DataError) as info:
        slt_docs.check(bad)
    assert any(message in p.melding for p in info.value.problems), info.value
    field = slt_docs.errors.format_path(path)
    assert any(p.sti.startswith(field) or field.startswith(p.sti) for p in info.value.problems)
    for call in (lambda: slt_docs.render(bad, "handlingsplan", output=tmp_path / "x.docx"),
                 lambda: slt_docs.render_all(bad, tmp_path / "alle")):
        with pytest.raises(DataError) as again:
            call()
        assert [str(p) for p in again.value.problems] == [str(p) for p in info.value.problems]
    assert files_under(tmp_path) == {}


def test_check_returns_the_same_warnings_as_reading(write):
    path = write(variant("  periode: 2022\n", "  periode: 2022-2040\n"))
    result = slt_docs.read(path)
    assert result.warnings and not result.errors
    warnings = slt_docs.check(result.data)
    assert all(not p.is_error and p.fil == path.parent for p in warnings)
    assert sorted((p.sti, p.melding) for p in warnings) == sorted(
        (p.sti, p.melding) for p in result.warnings)
    assert "handlingsplan.periode" in [p.sti for p in warnings]


@pytest.mark.parametrize("value", [None, [], "kommune: x", 5, {"kommune": None}, {1: 2},
                                   {"kommune": {"navn": "X"}, "organisasjon": []}])
def test_load_dict_of_any_shape_raises_data_error(value):
    with pytest.raises(DataError):
        slt_docs.load_dict(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, 5, "x", b"x", object(), {"kommune": {}}])
def test_check_of_something_else_raises_data_error(value):
    with pytest.raises(DataError, match="forventet SltData"):
        slt_docs.check(value)  # type: ignore[arg-type]


OPTIONS = [
    {"doc": 5}, {"doc": "budsjett"}, {"lang": 5}, {"lang": "sv"}, {"lang": "../nb"},
    {"form": "rund"}, {"form": 3}, {"delmaal": "1,2"}, {"delmaal": (9,)}, {"organ": 4},
    {"organ": "finst-ikkje", "doc": "mandat"}, {"template": 5}, {"template": "/finst/ikkje"},
    {"profile": 5}, {"profile": "/finst/ikkje.docx"}, {"output": 5}, {"output": "a\x00b"},
    {"template": str(AUKRA / "kommune.yaml")}, {"profile": str(AUKRA / "kommune.yaml")},
]


@pytest.mark.parametrize("options", OPTIONS, ids=[str(o) for o in OPTIONS])
def test_bad_options_raise_only_slt_errors(aukra, options):
    options = {"doc": "tiltak", **options}
    with pytest.raises(SltError) as info:
        slt_docs.render(aukra, **options)
    assert type(info.value).__module__.startswith("slt_docs")
    assert str(info.value)


@pytest.mark.parametrize("call", [
    lambda: slt_docs.render(5),
    lambda: slt_docs.render("/finst/ikkje"),
    lambda: slt_docs.render_all(AUKRA, 5),
    lambda: slt_docs.load("a\x00b"),
    lambda: slt_docs.get_language(None),
    lambda: slt_docs.get_language("../../etc/passwd"),
    lambda: slt_docs.Language(5),
])
def test_the_api_raises_only_its_own_errors(call):
    with pytest.raises(SltError):
        call()


def test_a_problem_never_prints_control_characters():
    problem = slt_docs.Problem(melding="ukjent felt «a\x1b[2Jb»", sti="x\x07")
    text = str(problem)
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b" in text


def test_blob_helpers_make_real_files():
    from PIL import Image

    with Image.open(io.BytesIO(png())) as picture:
        picture.load()
        assert picture.size == (4, 4)
