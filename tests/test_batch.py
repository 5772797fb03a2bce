"""Many kommuner at once (slt_docs.render_many, `lag PARENT --jobs N`), and
the work done once: what every kommune's documents share
(slt_docs.prepared.Prepared), template code compiled once per process."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pikepdf
import pytest
from docxtpl import DocxTemplate
from lxml import etree
from PIL import Image
from wordchecks import ooxml_errors

import slt_docs
import slt_docs.aarshjul as aarshjul_module
import slt_docs.cycle.chart as chart_module
import slt_docs.ics as ics_module
import slt_docs.prepared as prepared_module
import slt_docs.view.meetings as meetings_module
import slt_docs.view.moteplan as moteplan_view_module
import slt_docs.view.nettside as nettside_view_module
from slt_docs.aarshjul import Aarshjul, encode_png
from slt_docs.render import docx as docx_module
from slt_docs.render import pdf as pdf_module
from slt_docs.render import sandbox as sandbox_module
from slt_docs.render.extract import plain_text
from slt_docs.render.office import OfficeError, OfficeSession
from slt_docs.schedule import expand

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
NB_CATALOG = REPO / "templates" / "lang" / "nb.po"


def _kommuner(tmp_path: Path, *names: str) -> Path:
    """A parent folder with copies of the examples ``names``."""
    parent = tmp_path / "kommuner"
    for name in names:
        shutil.copytree(EXAMPLES / name, parent / name)
    return parent


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def _break(folder: Path) -> None:
    """A typo in a key of the handlingsplan (``tittell``)."""
    plan = folder / "handlingsplan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("handlingsplan:\n", "handlingsplan:\n  tittell: Feil\n", 1),
                    encoding="utf-8")


# -- the API --------------------------------------------------------------------------

def test_render_many_writes_each_kommune_into_its_own_folder_and_refuses_the_broken(tmp_path):
    parent = _kommuner(tmp_path, "aukra", "nes", "nordre-land")
    shutil.copytree(EXAMPLES / "nordre-land", parent / "odelagt")
    _break(parent / "odelagt")
    seen = []
    results = slt_docs.render_many([parent], tmp_path / "ut", jobs=2, progress=seen.append,
                                   libreoffice=False)

    assert [r.kilde.name for r in results] == ["aukra", "nes", "nordre-land", "odelagt"]
    assert sorted(r.kilde.name for r in seen) == ["aukra", "nes", "nordre-land", "odelagt"]
    aukra, nes, nordre_land, broken = results
    assert aukra.ok and nes.ok and nordre_land.ok
    assert aukra.kommune == "Aukra kommune"
    assert {p.name for p in aukra.filer} == {
        "handlingsplan.docx", "tiltak.docx", "moteplan.docx", "mandat-koordineringsgruppa.docx",
        "mandat-ung-i-aukra.docx", "statusrapport.docx", "aarshjul.png", "aarshjul.svg",
        "moteplan.ics", "nettside.html"}
    assert {p.name for p in nes.documents} == {"moteplan.docx"}
    for result in (aukra, nes, nordre_land):
        assert result.mappe == tmp_path / "ut" / result.kilde.name
        for path in result.filer:
            assert path.parent == result.mappe and path.is_file()
    assert "Nordre Land" in plain_text((tmp_path / "ut/nordre-land/handlingsplan.docx")
                                       .read_bytes())

    # the broken one: refused with the file, line and field, nothing written
    assert not broken.ok and broken.filer == ()
    problem = broken.problems[0]
    assert problem.fil.name == "handlingsplan.yaml"
    assert problem.linje == _line_of(parent / "odelagt" / "handlingsplan.yaml", "tittell")
    assert "tittell" in problem.sti + problem.melding
    assert not (tmp_path / "ut" / "odelagt").exists()


def test_one_worker_gives_the_same_documents_as_render_all(tmp_path):
    parent = _kommuner(tmp_path, "aukra")
    [result] = slt_docs.render_many([parent / "aukra"], tmp_path / "ut", jobs=1,
                                    libreoffice=False, dato=dt.date(2022, 1, 1))
    alone = slt_docs.render_all(slt_docs.load(parent / "aukra"), tmp_path / "alene",
                                dato=dt.date(2022, 1, 1))
    assert sorted(p.name for p in result.filer) == sorted(p.name for p in alone)
    for path in alone:
        assert (result.mappe / path.name).read_bytes() == path.read_bytes(), path.name


def test_words_of_one_kommune_never_reach_the_next(tmp_path):
    """A kommune's own catalog (spraak/nb.po) is its own: the kommune rendered
    after it by the same worker gets the shipped words."""
    parent = _kommuner(tmp_path, "nes", "nordre-land")
    own = parent / "nes" / "spraak"
    own.mkdir()
    catalog = NB_CATALOG.read_text(encoding="utf-8")
    for msgid, msgstr in (("Contents", "Innhold"),
                          ("All meetings by date", "Alle møter etter dato")):
        assert f'msgid "{msgid}"\nmsgstr "{msgstr}"' in catalog
        catalog = catalog.replace(f'msgid "{msgid}"\nmsgstr "{msgstr}"',
                                  f'msgid "{msgid}"\nmsgstr "{msgstr}-NES"')
    (own / "nb.po").write_text(catalog, encoding="utf-8")
    # one worker renders both, Nes first (with two workers each would get one)
    results = slt_docs.render_many([parent], tmp_path / "ut", jobs=1, libreoffice=False)
    assert all(r.ok for r in results), [r.melding for r in results]
    assert "Alle møter etter dato-NES" in plain_text(
        (tmp_path / "ut/nes/moteplan.docx").read_bytes())
    text = plain_text((tmp_path / "ut/nordre-land/handlingsplan.docx").read_bytes())
    assert "Innhold" in text
    assert "-NES" not in text


def test_arguments_are_checked_before_any_work(tmp_path):
    with pytest.raises(slt_docs.SltError, match="finner ingen kommunedata"):
        slt_docs.render_many([tmp_path], tmp_path / "ut")
    parent = _kommuner(tmp_path, "nes")
    with pytest.raises(slt_docs.SltError, match="jobs"):
        slt_docs.render_many([parent], tmp_path / "ut", jobs=0)
    other = tmp_path / "andre"
    shutil.copytree(EXAMPLES / "nes", other / "nes")
    with pytest.raises(slt_docs.SltError, match="ville begge skrives til mappa «nes»"):
        slt_docs.render_many([parent, other], tmp_path / "ut")
    for sources, error in ((123, "sources må være en sti eller en liste"),
                           ([123], "sources må være en filsti")):
        with pytest.raises(slt_docs.SltError, match=error):
            slt_docs.render_many(sources, tmp_path / "ut")
    for options, error in (({"dato": "2022-01-01"}, "dato må være en dato"),
                           ({"lang": 5}, "lang må være tekst"),
                           ({"form": "rar"}, "ukjent tabellform «rar»"),
                           ({"template": parent}, "har ingen manifest.yaml"),
                           ({"progress": 5}, "progress må være en funksjon"),
                           ({"pdf": "ja"}, "pdf må være True eller False")):
        with pytest.raises(slt_docs.SltError, match=error):
            slt_docs.render_many(str(parent), tmp_path / "ut", jobs=1, **options)
    assert not (tmp_path / "ut").exists()


# -- PDF: one LibreOffice per worker, all files of a kommune or none -------------------

def _pdf_facts(path: Path) -> tuple[str, set[str], bool]:
    with pikepdf.open(path) as pdf, pdf.open_metadata() as meta:
        return str(meta.get("pdfuaid:part")), set(meta.get("dc:language") or ()), \
            "/StructTreeRoot" in pdf.Root


def test_pdf_through_one_libreoffice_session_for_every_kommune_of_a_worker(tmp_path,
                                                                          monkeypatch):
    parent = _kommuner(tmp_path, "nes")
    shutil.copytree(EXAMPLES / "nes", parent / "nes-nn")
    kommune = parent / "nes-nn" / "kommune.yaml"
    kommune.write_text(kommune.read_text(encoding="utf-8").replace("spraak: nb", "spraak: nn"),
                       encoding="utf-8")
    closed = []  # (session, LibreOffice starts) of every session the batch ends
    real_close = OfficeSession.close
    monkeypatch.setattr(OfficeSession, "close",
                        lambda self: (closed.append((self, self.starts)), real_close(self))[1])
    results = slt_docs.render_many(parent, tmp_path / "ut", jobs=1, pdf=True,
                                   dato=dt.date(2021, 1, 1))
    assert [r.ok for r in results] == [True, True], [r.melding for r in results]
    assert [starts for _, starts in closed] == [1]  # one worker: one LibreOffice, both kommuner
    for result, lang in zip(results, ("nb-NO", "nn-NO"), strict=True):
        assert {p.name for p in result.documents} == {"moteplan.docx", "moteplan.pdf"}
        assert _pdf_facts(result.mappe / "moteplan.pdf") == ("1", {lang}, True)
        assert ooxml_errors((result.mappe / "moteplan.docx").read_bytes()) == []
        page = (result.mappe / "nettside.html").read_text(encoding="utf-8")
        assert 'href="moteplan.pdf"' in page and 'href="moteplan.docx"' in page


def test_a_kommune_whose_pdf_fails_gets_no_file_at_all(tmp_path, monkeypatch):
    parent = _kommuner(tmp_path, "nes", "nordre-land")
    real = pdf_module.pdf_bytes

    def failing(office, docx, name):
        if name == "handlingsplan.docx":  # Nordre Land's (Nes has a møteplan only)
            raise OfficeError("LibreOffice stoppet (prøvd)")
        return real(office, docx, name)

    # LibreOffice stood in for: a "PDF" is the .docx copied, the TOC gets no page numbers
    monkeypatch.setattr(pdf_module, "pdf_bytes", failing)
    monkeypatch.setattr(OfficeSession, "start", lambda self: pytest.fail("not needed"))
    monkeypatch.setattr(OfficeSession, "toc_lines_for", lambda self, docx, name="": [])
    monkeypatch.setattr(OfficeSession, "export_pdf",
                        lambda self, src, dst, ua=True: shutil.copy(src, dst))
    monkeypatch.setattr(pdf_module, "finish_pdf", lambda *args, **kwargs: None)
    nes, nordre_land = slt_docs.render_many(parent, tmp_path / "ut", jobs=1, pdf=True)
    assert nes.ok and (nes.mappe / "moteplan.pdf").is_file()
    assert not nordre_land.ok
    assert nordre_land.melding == "LibreOffice stoppet (prøvd)"
    assert not nordre_land.mappe.exists()  # not even the .docx files made before the PDFs


# -- the command line -----------------------------------------------------------------

def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "slt_docs", *args], capture_output=True,
                          text=True, cwd=cwd, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin",
                                                   "COLUMNS": "100"}, check=False)


def test_cli_batch_summary_and_exit_status(tmp_path):
    parent = _kommuner(tmp_path, "nes", "nordre-land")
    shutil.copytree(EXAMPLES / "nordre-land", parent / "odelagt")
    _break(parent / "odelagt")
    proc = _cli("lag", str(parent), "-o", str(tmp_path / "ut"), "--jobs", "2",
                "--uten-libreoffice", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    # 1 møteplan (Nes) + handlingsplan, tiltak and two mandates (Nordre Land)
    assert "2 av 3 kommuner laget: 5 dokumenter skrevet i" in proc.stdout
    assert "1 kommune avvist (ingen filer skrevet for den)" in proc.stderr
    line = _line_of(parent / "odelagt" / "handlingsplan.yaml", "tittell")
    assert f"odelagt/handlingsplan.yaml:{line}:" in proc.stderr
    assert "tittell" in proc.stderr
    assert (tmp_path / "ut/nes/moteplan.docx").is_file()
    assert not (tmp_path / "ut/odelagt").exists()

    ok = _cli("lag", str(parent / "nes"), str(parent / "nordre-land"), "-o",
              str(tmp_path / "ut2"), "--uten-libreoffice", "--jobs", "1", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert "2 av 2 kommuner laget: 5 dokumenter skrevet i" in ok.stdout
    assert "avvist" not in ok.stderr


def test_cli_batch_refuses_one_kommune_options(tmp_path):
    parent = _kommuner(tmp_path, "nes", "aukra")
    proc = _cli("lag", str(parent), "--doc", "moteplan", cwd=tmp_path)
    assert proc.returncode == 2
    assert "--doc gjelder én kommune" in proc.stderr


# -- work done once -------------------------------------------------------------------

def test_render_all_expands_the_moteplan_once_and_draws_each_picture_once(tmp_path,
                                                                          monkeypatch):
    calls = {"expand": 0, "picture": 0, "chart": 0}

    def counting_expand(*args, **kwargs):
        calls["expand"] += 1
        return expand(*args, **kwargs)

    real_picture = aarshjul_module.picture

    def counting_picture(*args, **kwargs):
        calls["picture"] += 1
        return real_picture(*args, **kwargs)

    for module in (prepared_module, meetings_module, moteplan_view_module, aarshjul_module,
                   ics_module, nettside_view_module):
        monkeypatch.setattr(module, "expand", counting_expand)
    monkeypatch.setattr(aarshjul_module, "picture", counting_picture)
    real_chart = chart_module.status_chart_png

    def counting_chart(*args, **kwargs):
        calls["chart"] += 1
        return real_chart(*args, **kwargs)

    monkeypatch.setattr(chart_module, "status_chart_png", counting_chart)
    data = slt_docs.load(EXAMPLES / "aukra")
    written = slt_docs.render_all(data, tmp_path)
    # handlingsplan and møteplan show the wheel, tiltak shows tidspunkt;
    # the PNG and SVG files too: all from one expansion and one drawing;
    # the status chart stands in the handlingsplan and the status report
    assert calls == {"expand": 1, "picture": 1, "chart": 1}  # also calendar and web page
    png = (tmp_path / "aarshjul.png").read_bytes()
    for name in ("handlingsplan.docx", "moteplan.docx"):
        with zipfile.ZipFile(tmp_path / name) as z:
            media = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
        assert png in media, name
    charts = []
    for name in ("handlingsplan.docx", "statusrapport.docx"):
        with zipfile.ZipFile(tmp_path / name) as z:
            charts.append({z.read(n) for n in z.namelist() if n.startswith("word/media/")})
    assert charts[0] & charts[1]  # the same chart picture in both
    assert len(written) == 10


def test_template_code_is_compiled_once_per_text(monkeypatch):
    """Jinja parses and compiles a template text once per process: the next
    document made from the same template part reuses the code (the same
    bytes come out); a text not seen before is parsed — and checked — as
    ever."""
    monkeypatch.setattr(sandbox_module, "_COMPILED", type(sandbox_module._COMPILED)())
    monkeypatch.setenv("SLT_DOCS_CACHE", "0")  # the code kept on disk: tests/test_codecache.py
    nes = slt_docs.load(EXAMPLES / "nes")
    first = slt_docs.render(nes, "moteplan")
    parsed: list[str] = []
    real = sandbox_module.SltSandbox._parse
    monkeypatch.setattr(sandbox_module.SltSandbox, "_parse",
                        lambda self, source, *rest: (parsed.append(source),
                                                     real(self, source, *rest))[1])
    assert slt_docs.render(nes, "moteplan") == first
    assert parsed == []
    profile = EXAMPLES / "profiler" / "gronn-sans.docx"
    slt_docs.render(nes, "moteplan", profile=profile)  # other texts: its styles, its footer
    assert any("<w:ftr" in text for text in parsed)


def test_a_new_render_draws_its_own_wheel(monkeypatch):
    """Nothing kept between calls: two kommuner rendered one after the other
    each get their own picture."""
    aukra = slt_docs.load(EXAMPLES / "aukra")
    nes = slt_docs.load(EXAMPLES / "nes")
    first = Aarshjul(aukra).png
    second = Aarshjul(nes).png
    assert first != second
    assert Aarshjul(aukra).png == first


def _max_step(a: Image.Image, b: Image.Image) -> tuple[int, float]:
    """The largest change of any channel of any pixel, and the share of
    pixels changed at all."""
    import numpy as np

    diff = np.abs(np.asarray(a.convert("RGB"), dtype=int)
                  - np.asarray(b.convert("RGB"), dtype=int)).max(axis=2)
    return int(diff.max()), float((diff > 0).mean())


def test_wheel_png_is_a_small_palette_image_that_looks_like_the_canvas():
    wheel = Aarshjul(slt_docs.load(EXAMPLES / "aukra"))
    png = wheel.png
    drawn = aarshjul_module.picture(wheel.data, schedule=wheel.schedule).image()
    assert drawn.mode == "RGB"
    stored = Image.open(io.BytesIO(png))
    assert stored.size == drawn.size == (1800, 1800)
    assert stored.mode == "P"
    assert len(png) < 200_000  # lossless RGB: 335 KB
    step, changed = _max_step(stored, drawn)
    assert step <= 16  # a few steps of 255 at antialiased edges: not visible
    assert changed < 0.06  # the colours of nearly every pixel are kept exactly
    frequent = [colour for _, colour in sorted(drawn.getcolors(1 << 20), reverse=True)[:10]]
    stored_colours = {colour for _, colour in stored.convert("RGB").getcolors(256)}
    assert set(frequent) <= stored_colours  # white, the rings, the dots, the text
    assert stored.info["Title"] == wheel.title
    assert round(stored.info["dpi"][0]) == 150


def _antialiased(solid: int, blends: int) -> Image.Image:
    """A picture like the wheel: ``solid`` colours over most pixels and
    ``blends`` colours between two of them (antialiased edges)."""
    import random

    rng = random.Random(solid * 1000 + blends)
    base = [(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(solid)]
    image = Image.new("RGB", (200, 200), base[0])
    pixels = image.load()
    for y in range(200):
        for x in range(200):
            pixels[x, y] = base[(x // 20 + y // 20) % solid]
    for i in range(blends):
        a, b = rng.sample(base, 2) if solid > 1 else (base[0], base[0])
        share = rng.random()
        pixels[i % 200, 100 + i // 200 % 100] = tuple(
            round(p + (q - p) * share) for p, q in zip(a, b, strict=True))
    return image


@pytest.mark.parametrize(("solid", "blends"), [(2, 0), (8, 200), (12, 3000)])
def test_encode_png_keeps_the_colours_exact_or_within_a_few_steps(solid, blends):
    image = _antialiased(solid, blends)
    png = encode_png(image.convert("RGBA"), dpi=150, title="Årshjul")
    decoded = Image.open(io.BytesIO(png))
    assert decoded.mode == "P"
    step, _ = _max_step(decoded, image)
    if image.getcolors(256) is not None:
        assert step == 0  # 256 colours or fewer: every pixel exact
    else:
        assert 0 < step <= 24  # (the wheel's own blends: within 16, see above)
        solid_pixels = {colour for _, colour in sorted(image.getcolors(1 << 16))[-solid:]}
        assert solid_pixels <= {c for _, c in decoded.convert("RGB").getcolors(256)}
    assert round(decoded.info["dpi"][0]) == 150
    assert decoded.info["Title"] == "Årshjul"
    assert encode_png(image, dpi=150, title="Årshjul") == png  # the same bytes again


# -- docxtpl called differently ---------------------------------------------------------

def _structure(docx: bytes) -> list[tuple[str, list[tuple[str, str]], str]]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [(str(el.tag), sorted(el.attrib.items()), el.text or "") for el in root.iter()]


def test_our_body_move_gives_the_same_document_as_docxtpls(monkeypatch):
    data = slt_docs.load(EXAMPLES / "aukra")
    ours = slt_docs.render(data, "handlingsplan")
    monkeypatch.setattr(docx_module._Template, "map_tree", DocxTemplate.map_tree)
    theirs = slt_docs.render(data, "handlingsplan")
    assert _structure(ours) == _structure(theirs)
