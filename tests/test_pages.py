"""The pages as a reader sees them: every example rendered to PDF by
LibreOffice, then checked from the text positions poppler reads
(``pdftotext -bbox-layout``):

- no line ends inside a word without a hyphen (a line's last fragment and
  the next line's first together make a word of the document, and the
  document never has them apart), and no time range is split at its dash;
- no page but the last is less than half full, unless the next page starts
  after a deliberate page break or with a picture taller than the space left.

Needs LibreOffice with its UNO bridge, the Norwegian hyphenation patterns
(Debian's ``hyphen-no``) and poppler; ``scripts/test.sh`` and ``.ci/run``
install them. The tests fail, not skip, when they are missing.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from outputs import EXAMPLES, ROLLED, rolled

import slt_docs
from slt_docs.documents import available_documents, output_name, render
from slt_docs.render.extract import plain_text
from slt_docs.render.pdf import find_soffice, find_uno_python, to_pdf

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ("bla-serif", "gronn-sans")
HYPHEN_PATTERNS = Path("/usr/share/hyphen")


PICTURE_HEADING = 40.0
"""Points taken by a heading kept with a picture (the årshjul's)."""


@dataclass
class Rendered:
    docx: Path
    pdf: Path


def _cases() -> list[tuple[str, str, dict]]:
    """(name, kommune, render options): every example document in its own
    language, the other table shape, the endringsoversikt of the example
    rolled forward a year, and each example's first document in both example
    profiles."""
    cases = []
    for kommune in EXAMPLES:
        data = slt_docs.load(ROOT / "examples" / kommune)
        docs = available_documents(data)
        for kind, organ in docs:
            name = f"{kommune}-{output_name(kind, organ).removesuffix('.docx')}"
            cases.append((name, kommune, {"doc": kind, "organ": organ}))
            if kind.value in ("handlingsplan", "tiltak") and data.handlingsplan.delmaal:
                cases.append((f"{name}-enkel", kommune,
                              {"doc": kind, "organ": organ, "form": "enkel"}))
        if kommune in ROLLED:  # what changed when the example was rolled forward a year
            cases.append((f"{kommune}-endringsoversikt", kommune, {
                "doc": "endringsoversikt", "forrige": data, "data": rolled(kommune)}))
        for profile in PROFILES:  # the documents with tables, in the profiles' pages
            for kind, organ in docs[:1]:
                name = f"{kommune}-{output_name(kind, organ).removesuffix('.docx')}-{profile}"
                cases.append((name, kommune, {
                    "doc": kind, "organ": organ,
                    "profile": ROOT / "examples" / "profiler" / f"{profile}.docx"}))
    return cases


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    soffice = find_soffice()
    assert soffice is not None, "LibreOffice (soffice) must be installed for these tests"
    assert find_uno_python(soffice) is not None, "LibreOffice's UNO bridge (python3-uno) is needed"
    for lang in ("nb_NO", "nn_NO"):
        assert (HYPHEN_PATTERNS / f"hyph_{lang}.dic").is_file(), \
            "LibreOffice needs the Norwegian hyphenation patterns (apt-get install hyphen-no)"
    folder = tmp_path_factory.mktemp("pages")
    out: dict[str, Rendered] = {}
    for name, kommune, options in _cases():
        docx = folder / f"{name}.docx"
        data = options.pop("data", None) or slt_docs.load(ROOT / "examples" / kommune)
        render(data, options.pop("doc"), output=docx, **options)
        out[name] = Rendered(docx, docx.with_suffix(".pdf"))
    to_pdf([(r.docx, r.pdf) for r in out.values()])
    return out


# -- reading the PDF -------------------------------------------------------------

@dataclass
class Line:
    words: list[str]
    top: float
    bottom: float

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class Page:
    height: float
    blocks: list[list[Line]]
    body: tuple[float, float] = (0.0, 0.0)
    """The top and bottom of the document's body text (set by :func:`pages`)."""

    def body_lines(self) -> list[Line]:
        return [line for block in self.blocks for line in block
                if line.top >= self.body[0] - 1 and line.bottom <= self.body[1] + 1]


def _running(all_pages: list[Page]) -> set[tuple[int, str]]:
    """Header and footer lines: the same text (digits aside) at the same
    height on more than one page."""
    seen: dict[tuple[int, str], int] = {}
    for page in all_pages:
        keys = {(round(line.top), re.sub(r"\d+", "#", line.text))
                for block in page.blocks for line in block}
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count > 1}


def pages(pdf: Path) -> list[Page]:
    """The pages of ``pdf``: blocks of lines of words, and where the body is
    (what lies between the running header and footer)."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                          check=True).stdout
    root = etree.fromstring(html, etree.HTMLParser(encoding="utf-8"))
    out = []
    for page in root.iter("page"):
        blocks = []
        for block in page.iter("block"):
            lines = []
            for line in block.iter("line"):
                words = [w.text or "" for w in line.iter("word")]
                lines.append(Line(words, float(line.get("ymin")), float(line.get("ymax"))))
            blocks.append(lines)
        out.append(Page(float(page.get("height")), blocks))
    running = _running(out)
    body = [line for page in out for block in page.blocks for line in block
            if (round(line.top), re.sub(r"\d+", "#", line.text)) not in running]
    if body:
        area = (min(line.top for line in body), max(line.bottom for line in body))
        for page in out:
            page.body = area
    return out


def image_heights(pdf: Path) -> dict[int, float]:
    """The tallest picture on each page, in points (from ``pdfimages -list``);
    pictures under 40 points (a logo in the header) do not count."""
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    tallest: dict[int, float] = {}
    for row in listing:
        cols = row.split()
        if len(cols) < 14 or cols[2] == "smask":
            continue
        page, height, y_ppi = int(cols[0]), int(cols[4]), float(cols[13])
        points = height / y_ppi * 72
        if points >= 40:
            tallest[page] = max(tallest.get(page, 0.0), points)
    return tallest


def after_page_breaks(docx: Path) -> list[str]:
    """The text of every paragraph that starts a page on purpose (after a
    page break, or with "page break before")."""
    body = Document(str(docx)).element.body
    starts = []
    pending = False  # a break seen, no text yet
    for p in body.iter(qn("w:p")):
        if p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None:
            pending = True
        text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
        if pending and text:
            starts.append(text)
            pending = False
        if any(br.get(qn("w:type")) == "page" for br in p.iter(qn("w:br"))):
            pending = True
    return starts


# -- the checks -------------------------------------------------------------------

_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def _bare(word: str) -> str:
    return _EDGE.sub("", word)


def broken_words(all_pages: list[Page], text: str) -> list[str]:
    """Line ends that split a word without a hyphen, or a time range at its dash."""
    words = {_bare(w) for w in text.split()}
    faults = []
    for number, page in enumerate(all_pages, start=1):
        for block in page.blocks:
            for line, nxt in pairwise(block):
                if not line.words or not nxt.words:
                    continue
                end, start = line.words[-1], nxt.words[0]
                if re.search(r"\d[–-]$", end) and re.match(r"\d", start):
                    faults.append(f"side {number}: tidsrommet delt: «{end}|{start}»")
                    continue
                if end.endswith(("-", "‐", "/", "–", "—")) or not (
                        re.search(r"\w$", end) and re.match(r"\w", start)):
                    continue  # a break at a hyphen, dash or slash; a bullet
                joined = _bare(end + start)
                if joined in words and f"{end} {start}" not in text and \
                        f"{end}\n{start}" not in text:
                    faults.append(f"side {number}: «{end}|{start}»")
    return faults


def _same_start(a: str, b: str) -> bool:
    """One text begins the other (letters and digits only: small capitals come
    out of the PDF as «B AKGRUNN»)."""
    a, b = re.sub(r"\W", "", a).casefold(), re.sub(r"\W", "", b).casefold()
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def half_empty_pages(all_pages: list[Page], starts: list[str],
                     pictures: dict[int, float]) -> list[str]:
    """Pages (not the last) less than half full without a reason: ``starts``
    are the texts that begin a page on purpose, ``pictures`` the tallest
    picture of each page."""
    faults = [f"side {number} er tom" for number, page in enumerate(all_pages, start=1)
              if not page.body_lines() and not pictures.get(number)]
    for number, (page, nxt) in enumerate(pairwise(all_pages), start=1):
        top, bottom = page.body
        lines = page.body_lines()
        used = max((line.bottom for line in lines), default=top)
        used += pictures.get(number, 0.0)  # a picture on the page is content too
        if (used - top) / (bottom - top) >= 0.5:
            continue
        following = nxt.body_lines()
        first = " ".join(following[0].words) if following else ""
        if first and any(_same_start(first, s) for s in starts):
            continue  # a deliberate page break
        if pictures.get(number + 1, 0.0) + PICTURE_HEADING > bottom - used:
            continue  # a picture (with its heading) that does not fit in the space left
        faults.append(f"side {number} er bare {(used - top) / (bottom - top):.0%} full "
                      f"(neste side begynner med «{first[:60]}»)")
    return faults


def test_every_example_converts(rendered):
    assert len(rendered) >= 15
    for name, r in rendered.items():
        assert r.pdf.is_file() and r.pdf.stat().st_size > 5_000, name


def test_no_word_broken_without_a_hyphen(rendered):
    faults = {}
    for name, r in rendered.items():
        found = broken_words(pages(r.pdf), plain_text(r.docx.read_bytes()))
        if found:
            faults[name] = found
    assert not faults, faults


def test_long_words_are_hyphenated_in_narrow_columns(rendered):
    """LibreOffice hyphenates with the Norwegian patterns: the full tiltak
    table's narrow columns show hyphenated line ends."""
    hyphenated = [w for page in pages(rendered["aukra-tiltak"].pdf) for block in page.blocks
                  for line in block for w in line.words[-1:] if re.search(r"\w-$", w)]
    assert hyphenated


def test_no_page_but_the_last_is_less_than_half_full(rendered):
    faults = {}
    for name, r in rendered.items():
        found = half_empty_pages(pages(r.pdf), after_page_breaks(r.docx), image_heights(r.pdf))
        if found:
            faults[name] = found
    assert not faults, faults


def _page(*lines: str, top: float = 60.0, height: float = 842.0) -> Page:
    """A page of one block, one line of words every 14 points from ``top``,
    its body from ``top`` to 60 points above the bottom."""
    return Page(height, [[Line(text.split(), top + 14 * i, top + 14 * i + 12)
                          for i, text in enumerate(lines)]], body=(top, height - 60))


def test_the_word_check_sees_a_split_word_and_a_split_time_range():
    text = "Folkehelsekoordinator møtes fre. 4. mars kl. 13.00–15.00 om oppvekst-miljøet"
    split = _page("Ansvar: Folkehelsekoordina", "tor møtes")
    time = _page("fre. 4. mars kl. 13.00–", "15.00")
    assert broken_words([split], text) == ["side 1: «Folkehelsekoordina|tor»"]
    assert broken_words([time], text) == ["side 1: tidsrommet delt: «13.00–|15.00»"]
    hyphenated = _page("Folkehelse-", "koordinator møtes", "oppvekst-", "miljøet")
    assert broken_words([hyphenated], text) == []


def test_the_page_check_sees_a_half_empty_page_and_its_reasons():
    short = _page("Bakgrunn", "Ein kort tekst")
    full = _page(*(["tekst"] * 50))
    assert half_empty_pages([short, full, short], [], {}) != []
    assert half_empty_pages([full, short], [], {}) == []  # the last page may be short
    assert half_empty_pages([short, full], ["tekst"], {}) == []  # a page break
    assert half_empty_pages([short, full], [], {2: 700.0}) == []  # a tall picture
    assert half_empty_pages([short, full], [], {2: 100.0}) != []
    empty = _page()
    assert half_empty_pages([full, empty, full], ["tekst"], {}) == ["side 2 er tom"]


def _column_widths_mm(template: Path) -> list[list[float]]:
    """The text width (mm, cell margins taken off) of each column of each table."""
    doc = Document(str(template))
    margin = 2 * 85 / 56.7
    return [[int(c.get(qn("w:w"))) / 56.7 - margin
             for c in t._tbl.tblGrid.iter(qn("w:gridCol"))] for t in doc.tables]


def test_names_and_times_fit_their_columns():
    """The full tiltak table's ansvar and tidspunkt columns are wide enough
    for the longest word (a name like «SLT-koordineringsgruppe», a time
    range) of every example, at the table text's size in Calibri's metric
    twin: they are never hyphenated."""
    from PIL import ImageFont

    font_file = subprocess.run(["fc-match", "-f", "%{file}", "Carlito"], capture_output=True,
                               text=True, check=True).stdout
    assert "Carlito" in font_file, "fonts-crosextra-carlito must be installed"
    font = ImageFont.truetype(font_file, 1000)

    def width_mm(word: str) -> float:
        return font.getlength(word) / 1000 * 9.5 * 25.4 / 72

    full = _column_widths_mm(ROOT / "templates" / "tiltak.docx")[0]
    ansvar, tidspunkt = full[2], full[4]  # full[3] and full[5]: {%tc %} tag cells
    words: dict[str, set[str]] = {"ansvar": set(), "tidspunkt": set()}
    for kommune in EXAMPLES:
        data = slt_docs.load(ROOT / "examples" / kommune)
        if data.handlingsplan is None:
            continue
        for t in data.handlingsplan.numbered_tiltak():
            for name in t[1].ansvar:
                words["ansvar"] |= set(re.split(r"[\s/]+", name))
    words["tidspunkt"] = {"kl.\u00a013.00–15.00", "september", "desember"}
    assert "SLT-koordineringsgruppe" in words["ansvar"] and "Helsesykepleiertjenesten" in words[
        "ansvar"]
    for word in words["ansvar"]:
        assert width_mm(word) <= ansvar, (word, width_mm(word), ansvar)
    for word in words["tidspunkt"]:
        assert width_mm(word) <= tidspunkt, (word, width_mm(word), tidspunkt)
