"""Every font a shipped template or example profile names is on this machine
(or a metric-compatible twin that fontconfig maps it to), so that PDFs are
drawn in the fonts the documents ask for instead of a silent fallback.

What counts: the fonts named in styles, numbering and text (``w:rFonts``),
the theme's heading and body fonts and the font table
(:func:`slt_docs.render.fonts.named_fonts`). A missing font fails with the
Debian package to install; ``scripts/test.sh`` and ``.ci/run`` install them.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import EXAMPLES, REPO

from slt_docs.render.fonts import named_fonts

SHIPPED = sorted([*(REPO / "templates").glob("*.docx"), *(EXAMPLES / "profiler").glob("*.docx")])

METRIC_TWINS = {
    "Calibri": ("Carlito",),
    "Cambria": ("Caladea",),
    "Arial": ("Liberation Sans", "Arimo"),
    "Helvetica": ("Liberation Sans", "Arimo"),
    "Times New Roman": ("Liberation Serif", "Tinos"),
    "Courier New": ("Liberation Mono", "Cousine"),
    "Courier": ("Liberation Mono", "Nimbus Mono PS", "Cousine"),
    # not a metric twin: LibreOffice draws the Symbol font's bullets with OpenSymbol
    "Symbol": ("OpenSymbol",),
}
"""Free fonts with the same metrics (line breaks and page breaks come out
as in Word); accepted only when fontconfig maps the font to one of them."""

PACKAGES = {
    "Carlito": "fonts-crosextra-carlito", "Caladea": "fonts-crosextra-caladea",
    "Liberation Sans": "fonts-liberation", "Liberation Serif": "fonts-liberation",
    "Liberation Mono": "fonts-liberation", "Open Sans": "fonts-open-sans",
    "OpenSymbol": "fonts-opensymbol",
}
"""The Debian package of each font the shipped files need."""


def families() -> set[str]:
    out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                         check=True).stdout
    return {name.strip().casefold() for line in out.splitlines() for name in line.split(",")}


def matched(font: str) -> str:
    return subprocess.run(["fc-match", "-f", "%{family[0]}", font], capture_output=True,
                          text=True, check=True).stdout.strip()


def needed_font(font: str) -> str:
    """The installed family that draws ``font``, or an AssertionError that says
    what to install."""
    if font.casefold() in families():
        return font
    twins = METRIC_TWINS.get(font, ())
    got = matched(font)
    if got in twins:
        return got
    wanted = twins[0] if twins else font
    package = PACKAGES.get(wanted, "?")
    raise AssertionError(
        f"skriften «{font}» mangler (fontconfig gir «{got}», som ikke har de samme målene); "
        f"installer {package} (apt-get install {package}) og legg pakken i scripts/test.sh "
        "og .ci/run")


def test_fontconfig_is_installed():
    assert shutil.which("fc-list") and shutil.which("fc-match"), \
        "fontconfig mangler (apt-get install fontconfig)"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_named_font_is_installed_or_mapped_to_its_metric_twin(path):
    fonts = named_fonts(path.read_bytes())
    assert fonts, path
    missing = []
    for font in sorted(fonts):
        try:
            needed_font(font)
        except AssertionError as exc:
            missing.append(f"{path.relative_to(REPO)} ({', '.join(sorted(fonts[font]))}): {exc}")
    assert missing == [], "\n".join(missing)


def test_a_font_without_a_twin_is_reported_with_what_to_do():
    with pytest.raises(AssertionError, match="skriften «Verdana» mangler"):
        needed_font("Verdana")


def test_the_test_scripts_install_every_font_package():
    needed = set()
    for path in SHIPPED:
        for font in named_fonts(path.read_bytes()):
            needed.add(PACKAGES[needed_font(font)])
    for script in ("scripts/test.sh", ".ci/run"):
        text = (REPO / script).read_text(encoding="utf-8")
        assert [p for p in sorted(needed) if p not in text] == [], script


def test_the_templates_declare_only_fonts_they_use():
    """No leftover font-table entries (python-docx's Japanese fonts)."""
    for path in SHIPPED:
        fonts = named_fonts(path.read_bytes())
        only_in_table = [f for f, where in fonts.items() if where == {"word/fontTable.xml"}]
        assert only_in_table == [], path


def test_the_pdf_is_drawn_in_the_profile_s_fonts(tmp_path):
    """LibreOffice finds every font of the green profile: no fallback in the PDF."""
    import slt_docs
    from slt_docs.render.pdf import find_soffice, to_pdf

    assert find_soffice() is not None, "LibreOffice trengs for denne testen"
    assert shutil.which("pdffonts"), "poppler-utils trengs for denne testen"
    docx = tmp_path / "tiltak.docx"
    slt_docs.render(EXAMPLES / "aukra", "tiltak", profile=EXAMPLES / "profiler" /
                    "gronn-sans.docx", output=docx)
    to_pdf([(docx, tmp_path / "tiltak.pdf")])
    fonts = subprocess.run(["pdffonts", str(tmp_path / "tiltak.pdf")], capture_output=True,
                           text=True, check=True).stdout
    assert "OpenSans" in fonts, fonts
    assert "LiberationSans" in fonts or "Arial" in fonts, fonts
    assert "DejaVu" not in fonts, fonts
