"""Hostile templates and profiles against the budgets: whatever a template
multiplies, nests or prints — from its body or from a profile's header — it
is refused by ``template check`` and by render within seconds and a bounded
amount of memory, while a legitimate plan of 10 000 tiltak still renders.
Field codes are judged as Word would run them: joined over runs and
paragraphs, nested fields resolved."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document
from faulttools import AUKRA, REPO, files_under, run_cli
from packtools import docx_with, pack_zip, parts_of, with_parts

import slt_docs
from slt_docs.errors import SltError
from slt_docs.packs import check_pack
from slt_docs.render import sandbox


@pytest.fixture(scope="module")
def data() -> slt_docs.SltData:
    return slt_docs.load(AUKRA)


def refused_everywhere(capsys, tmp_path: Path, data, docx: bytes, expected: str,
                       *, seconds: float = 20) -> None:
    """``template check`` and render both refuse the template with
    ``expected`` in the message, quickly (CPU seconds of this process, so
    that another busy process does not count), writing nothing."""
    pack = pack_zip(tmp_path / "ond.zip", {"handlingsplan": docx})
    start = time.process_time()
    result = check_pack(pack)
    assert any(expected in str(p) for p in result.errors), [str(p) for p in result.errors]
    status, _, err = run_cli(capsys, "template", "check", pack)
    assert status == 2 and expected in err
    out = tmp_path / "ut"
    with pytest.raises(SltError) as info:
        slt_docs.render(data, "handlingsplan", template=pack, output=out / "plan.docx")
    assert expected in str(info.value)
    status, _, err = run_cli(capsys, "render", AUKRA, "--doc", "handlingsplan", "--template",
                             pack, "-o", out / "plan.docx")
    assert status == 2 and expected in err and ("malen" in err or "malpakken" in err)
    assert files_under(out) == {}
    assert time.process_time() - start < seconds


def refused_when_rendered(tmp_path: Path, data, docx: bytes, expected: str,
                          *, seconds: float = 20) -> str:
    pack = pack_zip(tmp_path / "ond.zip", {"handlingsplan": docx})
    start = time.process_time()
    with pytest.raises(SltError) as info:
        slt_docs.render(data, "handlingsplan", template=pack, output=tmp_path / "ut.docx")
    assert expected in str(info.value), str(info.value)
    assert "ble stoppet" in str(info.value)
    assert not (tmp_path / "ut.docx").exists()
    assert time.process_time() - start < seconds
    return str(info.value)


# -- values: whatever is printed is counted by its size -------------------------------

PRINTED = [
    ("{% for i in dok.tittel %}{{ [1] * 200000 }}{% endfor %}", "millioner tegn"),
    ("{{ [1] * 1000000 }}", "altfor lang liste"),
    ("{{ [[1] * 1000] * 1000 }}", "altfor lang liste"),
    ("{% set a = [1, 1, 1, 1] %}" + "".join(
        f"{{% set {b} = [{a}, {a}, {a}, {a}] %}}" for a, b in zip("abcdefghijk", "bcdefghijkl",
                                                                  strict=True))
     + "{{ l }}", "altfor lang liste"),
    ("{% set a = [dok.tittel * 1000] * 900 %}{% for i in a %}{{ a }}{% endfor %}",
     "millioner tegn"),
    ("{% set a = [dok.tittel * 1000] * 900 %}{{ a|string }}", "altfor lang tekst"),
    ("{% set a = [dok.tittel * 1000] * 900 %}{{ a|upper }}", "altfor lang tekst"),
    ("{% set a = [dok.tittel * 1000] * 900 %}{{ a ~ a }}", "altfor lang tekst"),
    ("{% set a = [dok.tittel * 1000] * 900 %}{{ [a, a]|join }}", "altfor lang tekst"),
    ("{% set a = {'x': [dok.tittel * 1000] * 900} %}{% for i in dok.tittel %}{{ a }}"
     "{% endfor %}", "millioner tegn"),
    ("{% macro f(x, n) %}{% if n %}{{ f(x + x, n - 1) }}{% endif %}{% endmacro %}"
     "{{ f([1], 30) }}", "altfor lang liste"),
    ("{% for a in dok.tittel %}{% for b in dok.tittel %}{% for c in dok.tittel %}{{ tiltak }}"
     "{% endfor %}{% endfor %}{% endfor %}", "millioner tegn"),
]


@pytest.mark.parametrize(("source", "expected"), PRINTED)
def test_printed_values_are_counted_by_their_size(tmp_path, data, source, expected):
    refused_when_rendered(tmp_path, data, docx_with(source), expected)


def test_a_profile_header_is_held_to_the_same_budget(capsys, tmp_path, data):
    document = Document()
    document.sections[0].header.paragraphs[0].text = (
        "{% for i in dok.tittel %}{{ [1] * 200000 }}{% endfor %}")
    out = io.BytesIO()
    document.save(out)
    profile = tmp_path / "profil.docx"
    profile.write_bytes(out.getvalue())
    with pytest.raises(SltError, match="millioner tegn"):
        slt_docs.render(data, "handlingsplan", profile=profile, output=tmp_path / "ut.docx")
    status, _, err = run_cli(capsys, "render", AUKRA, "--doc", "mandat", "--organ",
                             "koordinerande", "--profile", profile, "-o", tmp_path / "m.docx")
    assert status == 2 and "millioner tegn" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profil.docx"]


# -- shapes: nesting, length and number of tags -----------------------------------------

SHAPES = [
    ("".join(f"{{% for x{i} in bakgrunn %}}" for i in range(25)) + "{% endfor %}" * 25,
     "blokker"),
    ("{% if dok %}" * 2000 + "x" + "{% endif %}" * 2000, "blokker"),
    ("{% macro m() %}" * 30 + "x" + "{% endmacro %}" * 30, "blokker"),
    ("{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", "parenteser"),
    ("{{ " + "[" * 3000 + "]" * 3000 + " }}", "parenteser"),
    ("{{ " + "1 + " * 3000 + "1 }}", "for lang"),
    ("{{ " + "not " * 3000 + "dok }}", "for lang"),
    ("{{ dok.tittel" + "|e" * 3000 + " }}", "for lang"),
    ("{{ dok" + ".tittel" * 3000 + " }}", "for lang"),
    ("{{ " + "- " * 3000 + "1 }}", "for lang"),
    ("{{ dok.tittel }}" * 20_000, "for mange malkoder"),
    ("{% if dok %}{% endif %}" * 10_000, "for mange malkoder"),
]


@pytest.mark.parametrize(("source", "expected"), SHAPES, ids=lambda v: str(v)[:40])
def test_hostile_shapes_are_refused_by_check_and_render(capsys, tmp_path, data, source,
                                                        expected):
    refused_everywhere(capsys, tmp_path, data, docx_with(source), expected)


def test_nesting_at_the_limit_still_works(tmp_path, data):
    """Twelve nested blocks (the limit) compile and render."""
    source = "".join(f"{{% for x{i} in tiltak.delmaal[:1] %}}" for i in range(12)) + \
        "DJUPT{{ x11.tekst }}" + "{% endfor %}" * 12
    pack = pack_zip(tmp_path / "ok.zip", {"handlingsplan": docx_with(source)})
    assert check_pack(pack).errors == []
    docx = slt_docs.render(data, "handlingsplan", template=pack)
    from slt_docs.render.extract import plain_text

    text = plain_text(docx)
    assert "DJUPT1. " + data.handlingsplan.delmaal[0].tittel in text


MEMORY_SCRIPT = """
import json, resource, sys, time
sys.path.insert(0, {repo!r}); sys.path.insert(0, {tests!r})
from packtools import docx_with, pack_zip
from pathlib import Path
import slt_docs
data = slt_docs.load({aukra!r})
slt_docs.render(data, "tiltak")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
out = []
for i, source in enumerate(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))):
    pack = pack_zip(Path({tmp!r}) / f"{{i}}.zip", {{"handlingsplan": docx_with(source)}})
    start = time.process_time()
    try:
        slt_docs.render(data, "handlingsplan", template=pack)
        outcome = "laget"
    except slt_docs.SltError as exc:
        outcome = type(exc).__name__
    out.append([outcome, time.process_time() - start])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"runs": out, "base_mb": base / 1024, "peak_mb": peak / 1024}}))
"""


def test_hostile_renders_are_bounded_in_time_and_memory(tmp_path):
    """In a fresh process: the worst of the hostile templates above stay
    within a few CPU seconds each and a few hundred MB over the process's own."""
    sources = [PRINTED[0][0], PRINTED[3][0], PRINTED[-1][0], "{{ dok.tittel }}" * 100_000]
    script = MEMORY_SCRIPT.format(repo=str(REPO), tests=str(REPO / "tests"),
                                  aukra=str(AUKRA), tmp=str(tmp_path))
    (tmp_path / "maler.json").write_text(json.dumps(sources), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "maler.json")],
                            capture_output=True, text=True, timeout=600, cwd=REPO)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for outcome, seconds in report["runs"]:
        assert outcome == "TemplateFault"
        assert seconds < 30
    assert report["peak_mb"] - report["base_mb"] < 400, report


# -- budgets grow with the data ------------------------------------------------------

def big_plan(count: int) -> dict:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import bench_render
    finally:
        sys.path.pop(0)
    return bench_render.synthetic_raw(count)


def test_a_plan_of_10000_tiltak_renders():
    data = slt_docs.load_dict(big_plan(10_000))
    docx = slt_docs.render(data, "tiltak")
    from slt_docs.render.extract import plain_text

    text = plain_text(docx)
    last = data.handlingsplan.delmaal[-1].tiltak[-1].tittel
    assert last in text
    assert len(data.handlingsplan.numbered_tiltak()) == 10_000


def test_budgets_grow_with_the_view_and_only_with_it():
    small = sandbox.SltSandbox({})
    small.start_budget(view=("a",))
    big = sandbox.SltSandbox({})
    big.start_budget(view=tuple("x" * 10 for _ in range(100_000)))
    assert small.max_iterations == sandbox.MAX_LOOP_ITERATIONS + sandbox.LOOPS_PER_ITEM
    assert big.max_iterations == sandbox.MAX_LOOP_ITERATIONS + 100_000 * sandbox.LOOPS_PER_ITEM
    assert big.max_output > small.max_output + 100_000 * sandbox.OUTPUT_PER_ITEM
    template = small.from_string("{% for a in x %}{% for b in x %}{% endfor %}{% endfor %}")
    with pytest.raises(sandbox.RenderBudgetExceeded, match="løkkerunder"):
        template.render(x=list(range(400)))


# -- field codes as Word runs them --------------------------------------------------

def run(instr: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{instr}</w:instrText></w:r>'


BEGIN = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
SEPARATE = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def with_body(paragraphs: list[str], part: str = "word/document.xml") -> bytes:
    docx = docx_with("MERKE")
    parts = parts_of(docx)
    document = parts["word/document.xml"].decode()
    start = document.index("<w:p>") if "<w:p>" in document else document.index("<w:p ")
    end = document.index("</w:p>", start) + len("</w:p>")
    body = "".join(f"<w:p>{p}</w:p>" for p in paragraphs)
    if part == "word/document.xml":
        return with_parts(docx, {part: (document[:start] + body + document[end:]).encode()})
    header = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr '
              'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              f'{body}</w:hdr>')
    return with_parts(docx, {part: header.encode()})


FIELDS = {
    "delt over to avsnitt": [BEGIN + run("DD"), run('E "cmd" "/c calc"') + END],
    "delt over mange runer": [BEGIN + "".join(run(c) for c in "DDEAUTO") + run(" x y") + END],
    "QUOTE med tegnkoder": [BEGIN + BEGIN + run("QUOTE 68 68 69") + END
                            + run(' "cmd" "/c calc"') + END],
    "QUOTE med tekst": [BEGIN + BEGIN + run('QUOTE "INCLUDETEXT"') + END + run(' "c:/x"') + END],
    "navn fra REF": [BEGIN + BEGIN + run("REF skjult") + END + run(' "cmd"') + END],
    "slettet tekst imellom": [BEGIN + run("DD") + '<w:r><w:delInstrText>X</w:delInstrText></w:r>'
                              + run('E "cmd"') + END],
    "slettet tekst gir navnet": [BEGIN + run("LI") + '<w:del><w:r><w:delInstrText>NK'
                                 '</w:delInstrText></w:r></w:del>' + run(' Excel "c:/x"') + END],
    "aldri lukket": [BEGIN + run("INCLUDEPICTURE "), run('"http://angriper.example/x.png"')],
    "hardt mellomrom": [BEGIN + run("\u00a0DDEAUTO\u00a0x") + END],
}


@pytest.mark.parametrize("case", list(FIELDS))
def test_disguised_field_codes_are_refused(capsys, tmp_path, data, case):
    refused_everywhere(capsys, tmp_path, data, with_body(FIELDS[case]), "feltkode")


def test_disguised_field_in_a_header_is_refused(tmp_path, data):
    docx = with_body([BEGIN + BEGIN + run("QUOTE 68 68 69") + END + run(" x") + END],
                     part="word/header1.xml")
    pack = pack_zip(tmp_path / "ond.zip", {"handlingsplan": docx})
    with pytest.raises(SltError, match="feltkode"):
        slt_docs.render(data, "handlingsplan", template=pack)


def test_ordinary_nested_fields_pass(tmp_path, data):
    paragraphs = [BEGIN + run("IF ") + BEGIN + run("PAGE") + SEPARATE + "<w:r><w:t>1</w:t></w:r>"
                  + END + run(' = 1 "første" "andre"') + SEPARATE + "<w:r><w:t>første</w:t></w:r>"
                  + END,
                  BEGIN + run("QUOTE ") + BEGIN + run("DATE") + END + SEPARATE + END,
                  "<w:r><w:t>{{ dok.tittel }}</w:t></w:r>"]
    pack = pack_zip(tmp_path / "ok.zip", {"handlingsplan": with_body(paragraphs)})
    assert check_pack(pack).errors == []
    slt_docs.render(data, "handlingsplan", template=pack, output=tmp_path / "ok.docx")
    assert (tmp_path / "ok.docx").is_file()


def test_the_shipped_templates_pass_the_field_check():
    from slt_docs.render.safety import clean_docx

    for template in sorted((REPO / "templates").glob("*.docx")):
        clean_docx(template.read_bytes(), template.name)
