"""The documents of the SLT year: the status report (nb and nn) and the
endringsoversikt, schema-valid and accessible like the other kinds, and the
handlingsplan's follow-up section with the status summary."""

from __future__ import annotations

import io
import itertools
import shutil
import zipfile
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from docx import Document
from docx.oxml.ns import qn
from PIL import Image

import slt_docs
from slt_docs.cli import main
from slt_docs.cycle.chart import STYLE, chart_alt, status_chart, status_chart_png
from slt_docs.cycle.rollover import Ferdige, roll_forward
from slt_docs.cycle.status import year_status
from slt_docs.drawing import Rect, Text
from slt_docs.errors import SltError
from slt_docs.lang import get_language
from slt_docs.ooxml import validate_docx
from slt_docs.render.extract import outline, plain_text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
AUKRA = EXAMPLES / "aukra"


@cache
def aukra() -> slt_docs.SltData:
    return slt_docs.load(AUKRA)


@cache
def status_report(lang: str) -> bytes:
    return slt_docs.render(aukra(), "statusrapport", lang=lang)


@pytest.fixture(scope="module")
def aukra_2023(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("rolled") / "aukra-2023"
    roll_forward(AUKRA, target, 2023, ferdige=Ferdige.utelat)
    return target


def _errors(docx: bytes) -> list[str]:
    return [str(p) for p in validate_docx(docx) if getattr(p, "is_error", True)]


def _headings(docx: bytes) -> list[tuple[int, str]]:
    doc = Document(io.BytesIO(docx))
    out = []
    for p in doc.paragraphs:
        name = p.style.name if p.style is not None else ""
        if name.startswith("Heading ") and p.text.strip():
            out.append((int(name.split()[1]), p.text))
    return out


def _check_accessible(docx: bytes, lang_tag: str, title: str) -> None:
    """Headings from level 1 without skips, every table's first row a
    repeated header, alt text on every picture, the language, the title."""
    levels = [level for level, _ in _headings(docx)]
    assert levels and levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels
    doc = Document(io.BytesIO(docx))
    tables = doc.element.body.iter(qn("w:tbl"))
    for tbl in tables:
        first = tbl.find(qn("w:tr"))
        assert first is not None and first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") \
            is not None
    pictures = list(doc.element.body.iter(qn("wp:docPr")))
    assert pictures and all(p.get("descr") for p in pictures)
    assert doc.core_properties.language == lang_tag
    assert doc.core_properties.title == title
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
    assert f'w:val="{lang_tag}"' in styles


@pytest.mark.parametrize("lang, words", [
    ("nn", ("Ikkje starta", "Utsett", "Avslutta", "Status for tiltaka i 2022",
            "Status for kvart tiltak")),
    ("nb", ("Ikke startet", "Utsatt", "Avsluttet", "Status for tiltakene i 2022",
            "Status for hvert tiltak")),
])
def test_status_report_in_both_written_standards(lang, words):
    docx = status_report(lang)
    assert _errors(docx) == []
    title = "Statusrapport for SLT-handlingsplanen 2022"
    _check_accessible(docx, f"{lang}-NO", title)
    text = plain_text(docx)
    assert title in text
    for word in words:
        assert word in text, word
    # the kommune's own words are printed as written, in both standards
    assert "Kartlegginga vert gjort saman med BUP i 2023." in text
    headings = _headings(docx)
    assert headings[0][0] == 1
    assert any(h == "1. Sikre tett samarbeid og oppdatert kunnskap om oppvekstmiljøet og "
               "kriminalitetsbildet (generelt)" for _, h in headings)


def test_status_report_table_has_a_status_column_and_the_comments():
    tree = outline(status_report("nn"))
    tables = [item["tabell"] for item in tree["innhold"] if "tabell" in item]
    counts, _per_delmaal, *tiltak_tables = tables
    assert counts["rader"][0] == ["Status", "Tal", "Del"]
    assert counts["rader"][1] == ["Gjennomført", "4", "20\u00a0%"]
    assert counts["rader"][-1] == ["Totalt", "20", "100\u00a0%"]
    assert len(tiltak_tables) == 4  # one per delmål
    header = tiltak_tables[0]["rader"][0]
    # the plan's own column headings where it has them (Aukra: «TILTAK», «ANSVAR»)
    assert header == ["TILTAK", "ANSVAR", "Status", "Kommentar"]
    rows = [r for t in tiltak_tables for r in t["rader"][1:]]
    assert len(rows) == 20
    first = rows[0]
    assert first[0] == "1.1 Ungdata 2021 og Ungdata junior 2021"
    assert first[2] == "Gjennomført"
    assert "Oppnådd: Tre innsatsområde vedtekne i koordineringsgruppa." in first[3]
    assert "Dato: 18. mai 2022" in first[3]


def _row_kept(row) -> tuple[bool, bool]:
    """(kept on one page, kept with the next row) of a table row."""
    paragraphs = row.xpath(".//w:p")
    return (bool(row.xpath("./w:trPr/w:cantSplit")),
            bool(paragraphs) and all(p.xpath("./w:pPr/w:keepNext") for p in paragraphs))


def test_status_rows_keep_short_rows_whole_and_the_last_two_together(tmp_path):
    folder = tmp_path / "aukra"
    shutil.copytree(AUKRA, folder)
    long_comment = " ".join(["Arbeidet med kartlegginga held fram med fleire møte."] * 12)
    text = (folder / "status-2022.yaml").read_text(encoding="utf-8")
    text = text.replace("kommentar: Fire møte i politirådet.",
                        f"kommentar: {long_comment}", 1)
    (folder / "status-2022.yaml").write_text(text, encoding="utf-8")
    doc = Document(io.BytesIO(slt_docs.render(slt_docs.load(folder), "statusrapport")))
    tables = [t for t in doc.tables if t.rows[0].cells[1].text == "ANSVAR"]
    assert len(tables) == 4
    rows = {r.cells[0].text: _row_kept(r._tr) for r in tables[0].rows[1:]}
    # a long comment may continue on the next page; short rows stay whole
    assert rows["1.2 Politiråd (det styrande nivå)"] == (False, False)
    assert rows["1.1 Ungdata 2021 og Ungdata junior 2021"] == (True, False)
    # the last row never stands alone under the repeated header
    for table in tables:
        *_, last_but_one, last = [_row_kept(r._tr) for r in table.rows[1:]]
        assert last_but_one == (True, True) and last == (True, False)
    # the delmål's rows in the summary stay together: all but its last kept with the next
    summary = next(t for t in doc.tables if t.rows[0].cells[1].text == "Status")
    kept = [_row_kept(r._tr)[1] for r in summary.rows[1:]]
    assert kept == [True, True, False, True, False, True, False, True, True, False]


def test_chart_is_readable_without_colour():
    status = year_status(aukra())
    lang = get_language("nn")
    hatches = [hatch for _, hatch in STYLE.values()]
    assert len(set(hatches)) == len(hatches), "every status needs its own pattern"
    png = status_chart_png(status, lang)
    assert png == status_chart_png(status, lang), "same input, same bytes"
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.mode == "P"
    assert round(image.info["dpi"][0]) == 200
    alt = chart_alt(status, lang)
    assert alt == ("Stolpediagram over statusen til dei 20 tiltaka i 2022: Gjennomført 4, "
                   "I gang 12, Ikkje starta 1, Utsett 2, Avslutta 1.")
    assert image.info["Title"] == alt
    docx = status_report("nn")
    doc = Document(io.BytesIO(docx))
    assert [p.get("descr") for p in doc.element.body.iter(qn("wp:docPr"))] == [alt]


def _bars(png: bytes, chart) -> list[tuple[Rect, np.ndarray]]:
    """Each bar's rectangle and the grey levels inside its edge, as the
    picture shows them in greyscale."""
    grey = np.asarray(Image.open(io.BytesIO(png)).convert("L"), dtype=int)
    out = []
    for bar in (s for s in chart.shapes if isinstance(s, Rect)):
        inset = bar.stroke_width + 1
        out.append((bar, grey[round(bar.y + inset):round(bar.y + bar.height - inset),
                              round(bar.x + inset):round(bar.x + bar.width - inset)]))
    return out


def test_chart_bars_labels_and_counts_are_right():
    status = year_status(aukra())
    lang = get_language("nb")
    chart = status_chart(status, lang)
    png = status_chart_png(status, lang)
    texts = [s for s in chart.shapes if isinstance(s, Text)]
    labels = [t.text for t in texts if t.align == "end"]
    counts = [t.text for t in texts if t.align == "start"]
    assert labels == ["Gjennomført", "I gang", "Ikke startet", "Utsatt", "Avsluttet"]
    assert counts == ["4", "12", "1", "2", "1"]
    bars = _bars(png, chart)
    assert [bar.fill for bar, _ in bars] == [STYLE[s][0] for s in status.counts]
    grey = np.asarray(Image.open(io.BytesIO(png)).convert("L"), dtype=int)
    lengths = []
    for (bar, _), label, count in zip(bars, labels, counts, strict=True):
        # the bar as drawn: its black edge from the axis to its end, on its middle row
        row = grey[round(bar.y + bar.height / 2)]
        dark = np.flatnonzero(row[round(bar.x) - 2:] < 80) + round(bar.x) - 2
        ends = dark[dark < round(bar.x + bar.width) + 5]
        lengths.append(ends.max() - round(bar.x))
        label_text = next(t for t in texts if t.text == label)
        assert label_text.x < bar.x and abs(label_text.y - (bar.y + bar.height / 2)) < 1
        count_text = next(t for t in texts if t.text == count and t.y == label_text.y)
        assert bar.x + bar.width < count_text.x < bar.x + bar.width + 40  # at the bar's end
    per_tiltak = [length / int(count) for length, count in zip(lengths, counts, strict=True)]
    assert max(per_tiltak) - min(per_tiltak) < 3  # lengths in proportion, in pixels
    assert len(lengths) == 5 and lengths[1] == max(lengths)


TILE = 33  # the hatch patterns repeat every 200/6 px


def _mismatch(a: np.ndarray, b: np.ndarray) -> float:
    """The share of pixels where a tile of pattern ``a`` and ``b`` differ,
    at the shift of ``b`` where they agree best (bars stand at different
    heights, so their patterns are shifted)."""
    tile = a[:TILE, :TILE]
    return min(float((tile != b[dy:dy + TILE, dx:dx + TILE]).mean())
               for dy in range(TILE) for dx in range(TILE))


def test_chart_bars_differ_in_greyscale():
    """Without colour the bars still differ: each has its pattern, and no
    two patterns match however they are shifted."""
    status = year_status(aukra())
    chart = status_chart(status, get_language("nb"))
    png = status_chart_png(status, get_language("nb"))
    marks = []
    for bar, inside in _bars(png, chart):
        hatch = next(h for colour, h in STYLE.values() if colour == bar.fill)
        dark = inside < 60  # the black hatch (no fill colour is that dark)
        if hatch:
            assert 0.04 < dark.mean() < 0.6, hatch
        else:
            assert not dark.any()
        assert dark.shape[0] >= 2 * TILE and dark.shape[1] >= 2 * TILE
        marks.append(dark)
    for a, b in itertools.combinations(marks, 2):
        assert _mismatch(a, b) > 0.05
    # (a pattern matches itself elsewhere in its bar: the shift is found)
    assert all(_mismatch(m[TILE // 2:], m) < 0.02 for m in marks)


def test_status_report_needs_a_status_file(tmp_path):
    with pytest.raises(SltError, match="ingen status for 2021"):
        slt_docs.render(aukra(), "statusrapport", aar=2021)
    data = slt_docs.load(EXAMPLES / "nordre-land")
    with pytest.raises(SltError, match="statusfil"):
        slt_docs.render(data, "statusrapport")
    assert ("statusrapport", None) in [(k.value, o) for k, o in
                                       slt_docs.available_documents(aukra())]


def test_handlingsplan_follow_up_shows_the_status_summary():
    docx = slt_docs.render(aukra(), "handlingsplan")
    headings = _headings(docx)
    follow_up = headings.index((1, "Oppfølging og evaluering"))
    assert headings[follow_up + 1] == (2, "Status for tiltaka i 2022")
    assert _errors(docx) == []
    without = slt_docs.render(slt_docs.load(EXAMPLES / "nordre-land"), "handlingsplan")
    assert "Status for tiltakene" not in plain_text(without)


def test_rolled_plan_shows_its_look_back(aukra_2023):
    docx = slt_docs.render(slt_docs.load(aukra_2023), "handlingsplan")
    text = plain_text(docx)
    assert "TILBAKEBLIKK PÅ 2022" in text  # Aukra's own heading, its year moved
    assert "Første møte i Politirådet i Aukra, 4. mars 2022" in text
    assert "Tiltaka i 2022" in text and "Gjennomført (4)" in text
    assert _errors(docx) == []


def test_endringsoversikt_marks_words_without_colour(aukra_2023):
    docx = slt_docs.render(slt_docs.load(aukra_2023), "endringsoversikt", forrige=AUKRA)
    assert _errors(docx) == []
    _check_accessible_no_picture(docx, "nn-NO", "Endringsoversikt")
    text = plain_text(docx)
    assert "Endringar frå «SLT Handlingsplan 2022» (2022) til «SLT Handlingsplan 2023» (2023)." \
        in text
    assert "Ord som er strokne over, er tekne ut; ord som er understreka, er nye." in text
    doc = Document(io.BytesIO(docx))
    struck, underlined = [], []
    for run in doc.element.body.iter(qn("w:r")):
        props = run.find(qn("w:rPr"))
        text_el = run.find(qn("w:t"))
        if props is None or text_el is None:
            continue
        if props.find(qn("w:strike")) is not None:
            struck.append(text_el.text)
        if props.find(qn("w:u")) is not None:
            underlined.append(text_el.text)
    assert "2022" in struck and "2023" in underlined
    headings = _headings(docx)
    assert (2, "Tiltak teke ut: 1.4 SLT - seminar 2022") in headings


def _check_accessible_no_picture(docx: bytes, lang_tag: str, title: str) -> None:
    levels = [level for level, _ in _headings(docx)]
    assert levels and levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels
    doc = Document(io.BytesIO(docx))
    for tbl in doc.element.body.iter(qn("w:tbl")):
        first = tbl.find(qn("w:tr"))
        assert first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert doc.core_properties.language == lang_tag
    assert doc.core_properties.title == title


def test_endringsoversikt_needs_the_previous_version(tmp_path, capsys):
    with pytest.raises(SltError, match="--forrige"):
        slt_docs.render(aukra(), "endringsoversikt")
    out = tmp_path / "endringar.docx"
    assert main(["render", str(AUKRA), "--doc", "endringsoversikt", "--forrige", str(AUKRA),
                 "-o", str(out)]) == 0
    assert "Dei to versjonane har den same planen." in plain_text(out.read_bytes())
    assert main(["render", str(AUKRA), "--doc", "statusrapport", "--aar", "2022", "--lang",
                 "nb", "-o", str(tmp_path / "s.docx")]) == 0
    assert "Statusrapport for SLT-handlingsplanen 2022" in plain_text(
        (tmp_path / "s.docx").read_bytes())
