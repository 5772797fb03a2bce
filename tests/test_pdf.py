"""Real office software accepts the output: LibreOffice converts every example
document to PDF, with the table of contents filled in and the PDF tagged.

These tests need LibreOffice (``soffice``), its UNO bridge (Debian's
``python3-uno``) and poppler's ``pdftotext``; ``.ci/run`` and
``scripts/test.sh`` install them. They fail, not skip, when those are missing.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import slt_docs
from slt_docs.documents import available_documents, output_name, render
from slt_docs.render.pdf import find_soffice, find_uno_python, to_pdf

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("aukra", "nordre-land", "nes")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    soffice = find_soffice()
    assert soffice is not None, "LibreOffice (soffice) must be installed for these tests"
    assert find_uno_python(soffice) is not None, "LibreOffice's UNO bridge (python3-uno) is needed"
    folder = tmp_path_factory.mktemp("pdf")
    pairs = []
    names = {}
    for kommune in EXAMPLES:
        data = slt_docs.load(ROOT / "examples" / kommune)
        for kind, organ in available_documents(data):
            name = f"{kommune}-{output_name(kind, organ)}"
            docx = folder / name
            render(data, kind, organ=organ, output=docx)
            pairs.append((docx, docx.with_suffix(".pdf")))
            names[name.removesuffix(".docx")] = docx.with_suffix(".pdf")
    assert to_pdf(pairs) is True, "the TOC must be updated through UNO"
    return names


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def test_every_example_document_converts(pdfs):
    assert len(pdfs) >= 10
    for name, pdf in pdfs.items():
        assert pdf.is_file() and pdf.stat().st_size > 5_000, name
        assert pages(pdf) >= 1, name


def test_toc_has_headings_and_page_numbers(pdfs):
    """Aukra's own headings, as its plan writes them, in the table of contents."""
    toc = pdf_text(pdfs["aukra-handlingsplan"], 2, 2)
    assert "Innhald:" in toc
    lines = [re.sub(r"\s+", " ", line).strip() for line in toc.splitlines() if line.strip()]
    entries = {m.group(1).rstrip(". "): int(m.group(2))
               for line in lines if (m := re.match(r"(.+?)\s*\.{3,}\s*(\d+)$", line))}
    for heading in ("BAKGRUNN", "SLT-MODELLEN – ORGANISERING", "TILBAKEBLIKK PÅ 2021",
                    "MÅL OG TILTAK FOR 2022"):
        assert heading in entries, (heading, lines)
    assert entries["BAKGRUNN"] == 3
    assert (entries["BAKGRUNN"] < entries["SLT-MODELLEN – ORGANISERING"]
            < entries["MÅL OG TILTAK FOR 2022"])
    body = pdf_text(pdfs["aukra-handlingsplan"], entries["MÅL OG TILTAK FOR 2022"],
                    entries["MÅL OG TILTAK FOR 2022"])
    assert "MÅL OG TILTAK FOR 2022" in body
    assert "Høyreklikk" not in toc and "F9" not in toc


def test_pdf_is_tagged_and_has_language_and_title(pdfs):
    raw = pdfs["nordre-land-handlingsplan"].read_bytes()
    assert b"/StructTreeRoot" in raw
    assert b"/Lang" in raw
    info = subprocess.run(["pdfinfo", str(pdfs["nordre-land-handlingsplan"])],
                          capture_output=True, text=True, check=True).stdout
    assert "Handlingsplan SLT - Nordre Land kommune" in info


def test_tables_fit_the_page(pdfs):
    """Nothing runs off the right edge: pdftotext's bounding boxes of every
    word stay inside the page on every page of the table-heavy documents."""
    for name in ("aukra-handlingsplan", "nes-moteplan", "nordre-land-handlingsplan"):
        pdf = pdfs[name]
        html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html,
                                re.S):
            width, height = float(page.group(1)), float(page.group(2))
            for word in re.finditer(r'xMax="([\d.]+)" yMax="([\d.]+)"', page.group(3)):
                assert float(word.group(1)) <= width - 20, name
                assert float(word.group(2)) <= height, name


def test_moteplan_pdf_shows_grid_and_wheel(pdfs):
    text = pdf_text(pdfs["nes-moteplan"])
    for word in ("Våren:", "Høsten:", "Årshjul", "Alle møter etter dato", "Koord.gr.",
                 "Fokusgrupper:"):
        assert word in text
