"""The årshjul picture: size, reproducibility, what it shows, and its alt
text; the SVG as a reader gets it (its structure and text, and drawn by
Chromium it looks like the PNG); no matplotlib anywhere on the way."""

from __future__ import annotations

import io
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import numpy as np
import pytest
from browser import start_browser
from conftest import REPO
from lxml import etree
from PIL import Image
from test_schedule import kommune

import slt_docs
from slt_docs.aarshjul import (
    DPI,
    PALETTE,
    Aarshjul,
    aarshjul_png,
    aarshjul_svg,
    alt_text,
    wheel_meetings,
)
from slt_docs.drawing import Circle, Text, Wedge, font_path
from slt_docs.lang import get_language
from slt_docs.schedule import expand

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module", autouse=True)
def drawn_here() -> Iterator[None]:
    """Every picture of these tests is drawn, none taken from the cache
    folder (what the cache does: tests/test_cache.py)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SLT_DOCS_CACHE", "0")
        yield


def busy(spraak="nb"):
    """Five bodies and about sixty meetings in 2022 — the legibility case."""
    data = kommune(spraak=spraak, serier=[
        {"organ": "politiradet", "regel": {"ukedag": "tirsdag", "nr": 2,
                                           "maaneder": [2, 5, 9, 11]}},
        {"organ": "koordineringsgruppa", "regel": {"frekvens": "ukentlig", "intervall": 2,
                                                   "ukedag": "onsdag"},
         "hopp_over_maaneder": [7]},
        {"organ": "utforende", "regel": {"frekvens": "ukentlig", "intervall": 3,
                                         "ukedag": "torsdag"},
         "hopp_over_maaneder": [7]},
        {"organ": "frokost", "regel": {"ukedag": "fredag", "nr": -1},
         "hopp_over_maaneder": [7]},
        {"organ": "seminar", "regel": {"dag": 15, "maaneder": [3, 6, 10]}},
    ], moter=[
        {"organ": "politiradet", "dato": "2022-10-26", "tittel": "SLT-seminar"},
        {"organ": "politiradet", "dato": "2022-12-13", "status": "avlyst"},
    ])
    data["organisasjon"]["moteforum"].append({"id": "seminar", "navn": "Frokostseminar"})
    return slt_docs.load_dict(data)


@pytest.fixture(scope="module")
def png() -> bytes:
    return aarshjul_png(busy())


def test_png_is_1800_pixels_square_at_150_dpi(png):
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (1800, 1800)
    assert round(image.info["dpi"][0]) == DPI


def test_png_and_svg_are_reproducible(png):
    data = busy()
    assert aarshjul_png(data) == png
    svg = aarshjul_svg(data)
    assert aarshjul_svg(data) == svg
    assert b"<metadata" not in svg  # no date, no creator: nothing that changes per run
    image = Image.open(io.BytesIO(png))
    assert set(image.info) <= {"dpi", "Title"}  # no "Software", no time stamp


def test_every_body_has_its_colour_on_the_picture(png):
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = {c for _, c in image.getcolors(maxcolors=1_000_000)}
    for hex_colour in PALETTE[:5]:
        rgb = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        assert rgb in colours, hex_colour


def _centroid(image, colour, below=1500):
    pixels = [(x, y) for x in range(0, 1800, 2) for y in range(0, below, 2)
              if image.getpixel((x, y)) == colour]
    assert pixels, colour
    return (sum(x for x, _ in pixels) / len(pixels), sum(y for _, y in pixels) / len(pixels))


def test_january_is_at_the_top_and_months_run_clockwise():
    # Politirådet (blue) meets on 1 January only, Koordineringsgruppa (orange)
    # on 1 April only: blue is drawn straight above the centre, orange a
    # quarter turn clockwise, at three o'clock. The centre is the middle of
    # the month rim's two blues (the rim is a whole ring around it).
    data = slt_docs.load_dict(kommune(moter=[
        {"organ": "politiradet", "dato": "2022-01-01"},
        {"organ": "koordineringsgruppa", "dato": "2022-04-01"}]))
    image = Image.open(io.BytesIO(aarshjul_png(data))).convert("RGB")
    pixels = np.asarray(image)
    rim = np.zeros(pixels.shape[:2], dtype=bool)
    for shade in ((0x1F, 0x3A, 0x5F), (0x2E, 0x52, 0x83)):
        rim |= (pixels == shade).all(axis=2)
    rows, columns = np.nonzero(rim)
    centre_x, centre_y = columns.mean(), rows.mean()
    blue, orange = (tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in PALETTE[:2])

    def clock_angle(point, expected):
        """The point's angle clockwise from the top, as a difference from ``expected``."""
        angle = math.degrees(math.atan2(point[0] - centre_x, centre_y - point[1]))
        return (angle - expected + 180) % 360 - 180

    assert clock_angle(_centroid(image, blue), 0.5) == pytest.approx(0, abs=3)
    assert clock_angle(_centroid(image, orange), 90.5) == pytest.approx(0, abs=3)


def test_alt_text_mentions_every_body_and_its_dates():
    text = alt_text(busy())
    assert text.startswith("Årshjul for SLT-møtene i Testvik kommune 2022")
    for name in ("Politirådet", "Koordineringsgruppa", "Utførende nivå", "SLT-frokostmøter",
                 "Frokostseminar"):
        assert name in text
    assert "Politirådet, fem møter: 8. februar, 10. mai, 13. september, 26. oktober og " \
           "8. november." in text
    assert "13. desember" not in text  # cancelled


def test_alt_text_in_nynorsk():
    text = alt_text(busy("nn"))
    assert text.startswith("Årshjul for SLT-møta i Testvik kommune 2022")
    assert "Utførande nivå" in text
    assert "Politirådet, fem møte:" in text


def test_wheel_shows_only_the_calendar_year_and_held_meetings():
    schedule = expand(busy())
    shown = wheel_meetings(schedule)
    assert list(shown) == ["politiradet", "koordineringsgruppa", "utforende", "frokost",
                           "seminar"]
    days = [d for meetings in shown.values() for d, _ in meetings]
    assert all(d.year == 2022 for d in days)
    assert 55 <= len(days) <= 65


def test_nes_example_wheel(tmp_path):
    path = EXAMPLES / "nes"
    result = slt_docs.read(path) if path.is_dir() else None
    if result is None or result.data is None:
        pytest.skip("examples/nes is not ready")
    text = alt_text(result.data)
    assert "SLT-frokostmøter, fem møter: 3. februar, 7. april, 2. juni, 1. september og " \
           "3. november." in text
    png = aarshjul_png(result.data)
    assert Image.open(io.BytesIO(png)).size == (1800, 1800)


def crowded(spraak="nb"):
    """Eight bodies, several with long names, over 300 meetings, four on
    consecutive days: the most a wheel holds."""
    names = ["Ungdomsrådet i Kárášjohka", "Foreldremøte «Trygg oppvekst» – vår",
             "Politiets forebyggende team", "Nettverk ŋ đ ŧ ž ï"]
    weekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"]
    serier = [
        {"organ": "politiradet", "regel": {"frekvens": "ukentlig", "ukedag": "mandag"}},
        {"organ": "koordineringsgruppa", "regel": {"frekvens": "ukentlig",
                                                   "ukedag": "tirsdag"}},
        {"organ": "utforende", "regel": {"frekvens": "ukentlig", "intervall": 2,
                                         "ukedag": "onsdag"}},
        {"organ": "frokost", "regel": {"ukedag": "fredag", "nr": -1}},
    ] + [{"organ": f"forum{i}", "regel": {"frekvens": "ukentlig", "intervall": 1 + i % 3,
                                          "ukedag": weekdays[i]}} for i in range(4)]
    data = kommune(spraak=spraak, serier=serier, moter=[
        {"organ": "politiradet", "dato": f"2022-03-0{day}"} for day in range(1, 5)])
    data["kommune"]["navn"] = "Guovdageaidnu"
    data["organisasjon"]["moteforum"] += [{"id": f"forum{i}", "navn": name}
                                          for i, name in enumerate(names)]
    return slt_docs.load_dict(data)


def test_legend_and_names_stay_inside_the_picture():
    """Long body names take fewer legend columns instead of running off the
    edge: the picture's outermost pixels are white all round."""
    for data in (busy(), crowded()):
        image = np.asarray(Image.open(io.BytesIO(aarshjul_png(data))).convert("L"))
        edge = np.concatenate([image[:, :4].ravel(), image[:, -4:].ravel(),
                               image[:4].ravel(), image[-4:].ravel()])
        assert edge.min() == 255
    every_colour = Image.open(io.BytesIO(aarshjul_png(crowded()))).convert("RGB")
    colours = {c for _, c in every_colour.getcolors(maxcolors=1_000_000)}
    for hex_colour in PALETTE:
        assert tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)) in colours


# -- the SVG as its readers get it ----------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"


def _svg(data, lang=None):
    return etree.fromstring(aarshjul_svg(data, lang=lang))


def _words(root) -> list[str]:
    """Every <text> element's text, its lines (tspans) joined by a space."""
    return [" ".join(t for t in text.itertext() if t.strip()) for text in root.iter(f"{SVG}text")]


def test_svg_is_an_accessible_image_with_title_and_description():
    data = busy()
    root = _svg(data)
    wheel = Aarshjul(data)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nb"  # read as bokmål
    assert root.get("viewBox") == "0 0 1800 1800"
    assert root.get("width") == root.get("height") == "864pt"  # 12 inches, as the PNG
    title, desc = (root.find(f"{SVG}{name}") for name in ("title", "desc"))
    assert title.text == wheel.title == "Årshjul 2022 – Testvik kommune"
    assert desc.text == alt_text(data)
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert list(root)[:2] == [title, desc]  # first, where readers look for them
    # nothing that runs or loads anything
    for element in root.iter():
        assert etree.QName(element).localname not in ("script", "foreignObject", "image")
        for name, value in element.attrib.items():
            assert not etree.QName(name).localname.startswith("on"), name
            assert "href" not in name or value.startswith("#"), value
    fonts = {el.get("font-family") for el in root.iter() if el.get("font-family")}
    assert fonts == {"'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_svg_text_holds_months_names_and_days_in_the_documents_language(lang):
    data = busy(lang)
    words = _words(_svg(data))
    language = get_language(lang)
    months = [language.month(m).capitalize() for m in range(1, 13)]
    assert months[0] == "Januar" and months[4] == "Mai"
    assert words[:12] == months  # the rim, January first, clockwise
    assert "Testvik kommune" in words and "2022" in words
    assert f"SLT – {language.label('aarshjul').lower()}" in words
    shown = wheel_meetings(expand(data))
    body = "Utførende nivå" if lang == "nb" else "Utførande nivå"
    names = ["Politirådet", "Koordineringsgruppa", body, "SLT-frokostmøter", "Frokostseminar"]
    assert [w for w in words if w.endswith(")")] == [
        f"{name} ({len(meetings)})" for name, meetings in zip(names, shown.values(), strict=True)]
    days = [int(w) for w in words if w.isdigit() and len(w) <= 2]
    assert sorted(days) == sorted(d.day for meetings in shown.values() for d, _ in meetings)


def test_svg_text_in_nynorsk_differs_where_the_written_standards_do():
    nb, nn = _words(_svg(busy("nb"))), _words(_svg(busy("nn")))
    assert any(w.startswith("Utførende nivå (") for w in nb)
    assert any(w.startswith("Utførande nivå (") for w in nn)
    assert _words(_svg(busy("nb"), lang="nn"))[:12] == nn[:12]
    assert _svg(busy("nb"), lang="nn").get("{http://www.w3.org/XML/1998/namespace}lang") == "nn"


# -- drawn by a browser, the SVG looks like the PNG ------------------------------------

@pytest.fixture(scope="module")
def browser():
    """Chromium, and the SVG's font on the system as a web page's reader has it."""
    fonts = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                           check=True).stdout
    if "DejaVu Sans" not in {name.strip() for line in fonts.splitlines()
                             for name in line.split(",")}:
        pytest.fail("DejaVu Sans mangler (årshjulets SVG i Chromium): apt-get install "
                    "fonts-dejavu-core (scripts/test.sh gjør det)")
    yield from start_browser()


def _in_browser(browser, svg: bytes, folder: Path) -> Image.Image:
    """The SVG as a web page shows it (an <img>, 900 CSS pixels square),
    drawn by Chromium with the system's fonts."""
    (folder / "aarshjul.svg").write_bytes(svg)
    page = folder / "side.html"
    page.write_text('<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8">'
                    "<title>Årshjul</title><style>body { margin: 0 }</style></head><body>"
                    '<img src="aarshjul.svg" alt="Årshjul" width="900" height="900">'
                    "</body></html>", encoding="utf-8")
    browser.set_window_size(1000, 1200)
    browser.get(page.as_uri())
    browser.execute_async_script("const done = arguments[0];"
                                 "const img = document.querySelector('img');"
                                 "img.decode().then(() => done(true), () => done(false));")
    element = browser.find_element("css selector", "img")
    return Image.open(io.BytesIO(element.screenshot_as_png)).convert("RGB")


COARSE = 112
"""Both pictures are compared shrunk to 112 × 112 cells (a cell is 16 of the
PNG's pixels, a third of a meeting dot): the two writers' shapes must
agree, not the two font renderers' glyph edges."""

CELL_LIMIT, CELLS_ALLOWED, MEAN_LIMIT = 64, 6, 3.5
"""At most 6 cells may differ by more than 64 (of 255, in any channel), and
the cells by 3.5 on average. Measured with Chromium and Pillow drawing the
same picture (aukra, busy in nynorsk, crowded): 0, 1 and 4 such cells (small
day numbers, glyph hinting), 1.4, 1.7 and 2.2 on average. Drifts between the
writers measured against the same screenshots: the meeting dots 8 px to the
side, 55–400 cells; the month names upside down, 14–22 cells; text 6 px
lower, 13–22 cells; the sectors turned by 15°, 5.0 on average; the rings'
bands at opacity 0.2 instead of 0.1, 5.3–7.2 on average."""


def _difference(browser_image: Image.Image, png: bytes) -> tuple[int, float]:
    """How many cells differ by more than :data:`CELL_LIMIT`, and the mean difference."""
    def coarse(image):
        return np.asarray(image.convert("RGB").resize((COARSE, COARSE), Image.Resampling.BOX),
                          dtype=int)

    difference = np.abs(coarse(browser_image) - coarse(Image.open(io.BytesIO(png)))).max(axis=2)
    return int((difference > CELL_LIMIT).sum()), float(difference.mean())


def _alike(difference: tuple[int, float]) -> bool:
    cells, mean = difference
    return cells <= CELLS_ALLOWED and mean <= MEAN_LIMIT


@pytest.mark.parametrize("case", ["aukra", "busy-nn", "crowded"])
def test_svg_in_chromium_looks_like_the_png(browser, tmp_path, case):
    data = {"aukra": lambda: slt_docs.load(REPO / "examples" / "aukra"),
            "busy-nn": lambda: busy("nn"), "crowded": crowded}[case]()
    wheel = Aarshjul(data)
    shown = _in_browser(browser, wheel.svg, tmp_path)
    assert shown.size == (900, 900)
    difference = _difference(shown, wheel.png)
    assert _alike(difference), difference


def test_the_comparison_sees_the_writers_drift_apart(browser, tmp_path):
    """The comparison above fails for a PNG drawn with any of these drifts
    from the SVG Chromium shows."""
    wheel = Aarshjul(slt_docs.load(REPO / "examples" / "aukra"))
    shown = _in_browser(browser, wheel.svg, tmp_path)
    picture = wheel.picture
    drifts = {
        "dots to the side": lambda s: attrs.evolve(s, cx=s.cx + 8)
        if isinstance(s, Circle) and s.stroke and s.cy < 1500 else s,
        "month names upside down": lambda s: attrs.evolve(s, rotation=s.rotation + 180)
        if isinstance(s, Text) and s.rotation else s,
        "sectors turned": lambda s: attrs.evolve(s, start=s.start + 15, end=s.end + 15)
        if isinstance(s, Wedge) and not s.whole else s,
    }
    for name, drift in drifts.items():
        drifted = attrs.evolve(picture, shapes=tuple(drift(s) for s in picture.shapes))
        difference = _difference(shown, drifted.png())
        assert not _alike(difference), (name, difference)


# -- no matplotlib ------------------------------------------------------------------------

def test_pictures_are_drawn_without_matplotlib(tmp_path):
    """A fresh process renders every document of Aukra (the årshjul as PNG
    and SVG, the status chart) with matplotlib impossible to import, and
    `slt-docs lag` does not load it either."""
    code = ("import sys; sys.modules['matplotlib'] = None\n"
            "import slt_docs\n"
            f"written = slt_docs.render_all(slt_docs.load({str(REPO / 'examples' / 'aukra')!r}),"
            f" {str(tmp_path / 'out')!r})\n"
            "print(len(written))\n")
    drawn = {**os.environ, "SLT_DOCS_CACHE": "0"}  # drawn here, not taken from the cache
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=300, env=drawn)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "aarshjul.svg").is_file()
    code = ("import sys\n"
            "from slt_docs.cli import main\n"
            "status = main(['lag', 'examples/aukra', '--doc', 'handlingsplan', '-o', "
            f"{str(tmp_path / 'plan.docx')!r}, '--uten-libreoffice'])\n"
            "assert not status, status\n"
            "print('matplotlib' in sys.modules, file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=300, env=drawn)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines()[-1] == "False"
    assert (tmp_path / "plan.docx").is_file()


def test_the_fonts_are_shipped_with_their_licence():
    for bold in (False, True):
        path = font_path(bold)
        assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # a TrueType font
    licence = (font_path().parent / "LICENSE").read_text(encoding="utf-8")
    assert "Bitstream Vera" in licence and "DejaVu" in licence
