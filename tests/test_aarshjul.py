"""The årshjul picture: size, reproducibility, what it shows, and its alt text."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest
from PIL import Image
from test_schedule import kommune

import slt_docs
from slt_docs.aarshjul import (
    DPI,
    PALETTE,
    aarshjul_png,
    aarshjul_svg,
    alt_text,
    figure,
    wheel_meetings,
)
from slt_docs.schedule import expand

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


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
    assert b"<dc:date>" not in svg and b"Matplotlib v" not in svg
    assert b"Software" not in png


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
    # quarter turn clockwise, at three o'clock.
    data = slt_docs.load_dict(kommune(moter=[
        {"organ": "politiradet", "dato": "2022-01-01"},
        {"organ": "koordineringsgruppa", "dato": "2022-04-01"}]))
    image = Image.open(io.BytesIO(aarshjul_png(data))).convert("RGB")
    fig = figure(data)
    centre_x, centre_y = fig.axes[0].transData.transform((0, 0))
    centre_y = 1800 - centre_y  # image rows count from the top
    blue, orange = (tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in PALETTE[:2])

    def clock_angle(point):
        return math.degrees(math.atan2(point[0] - centre_x, centre_y - point[1])) % 360

    assert clock_angle(_centroid(image, blue)) == pytest.approx(0.5, abs=3)
    assert clock_angle(_centroid(image, orange)) == pytest.approx(90.5, abs=3)


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
