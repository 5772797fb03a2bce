"""A kommune's profile document: styles, theme, page setup, header and footer
taken over (like pandoc's reference document) while content and structure
stay ours. The two example profiles in examples/profiler/ must give two
clearly different looks."""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path

import attrs
import pytest
from packtools import docx_with, parts_of

import slt_docs
from slt_docs.documents import render
from slt_docs.errors import SltError
from slt_docs.profile import apply_profile, load_profile
from slt_docs.render.extract import outline
from slt_docs.render.pdf import find_soffice, to_pdf

REPO = Path(__file__).resolve().parents[1]
PROFILES = REPO / "examples" / "profiler"
BLUE = PROFILES / "bla-serif.docx"
GREEN = PROFILES / "gronn-sans.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@cache
def aukra() -> slt_docs.SltData:
    return slt_docs.load(REPO / "examples" / "aukra")


@cache
def rendered(kind: str, profile: Path | None) -> bytes:
    return render(aukra(), kind, profile=profile)


def styles(docx: bytes) -> str:
    return parts_of(docx)["word/styles.xml"].decode("utf-8")


def style_xml(docx: bytes, style_id: str) -> str:
    match = re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', styles(docx), re.S)
    assert match, style_id
    return match.group(0)


def part(docx: bytes, pattern: str) -> list[str]:
    return [blob.decode("utf-8") for name, blob in sorted(parts_of(docx).items())
            if re.fullmatch(pattern, name)]


def test_example_profiles_are_reproducible(tmp_path):
    """scripts/build_profiles.py makes the committed files, byte for byte."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_profiles",
                                                  REPO / "scripts" / "build_profiles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.OUT = tmp_path
    module.ROOT = tmp_path
    module.main()
    for name in ("bla-serif.docx", "gronn-sans.docx"):
        assert (tmp_path / name).read_bytes() == (PROFILES / name).read_bytes(), name


@pytest.mark.parametrize(("profile", "font", "heading_font", "colour"), [
    (BLUE, "Cambria", "Cambria", "1B365D"),
    (GREEN, "Arial", "Open Sans", "2E7D32"),
])
def test_profile_styles_fonts_and_colours(profile, font, heading_font, colour):
    docx = rendered("handlingsplan", profile)
    assert f'w:ascii="{font}"' in style_xml(docx, "Normal")
    heading = style_xml(docx, "Heading1")
    assert f'w:ascii="{heading_font}"' in heading
    assert colour in heading or colour in style_xml(docx, "Heading2")
    assert "Calibri" not in style_xml(docx, "Normal") + heading
    theme = part(docx, r"word/theme/theme1\.xml")[0]
    assert f'typeface="{font}"' in theme
    # our styles the profile lacks are kept, in the profile's colour and fonts
    cover = style_xml(docx, "SLTForsidekommune")
    assert colour in cover and "1F3864" not in cover
    assert f'w:ascii="{heading_font}"' in cover
    table = style_xml(docx, "SLTTabell")
    assert colour in table and "1F3864" not in table
    assert "Calibri" not in style_xml(docx, "SLTTabelltekst")
    # light table shading becomes a tint of the profile's colour
    document = part(docx, r"word/document\.xml")[0]
    assert "DCE3EE" not in document


def test_the_two_profiles_look_different():
    blue, green = rendered("handlingsplan", BLUE), rendered("handlingsplan", GREEN)
    default = rendered("handlingsplan", None)
    assert len({style_xml(d, "Heading1") for d in (blue, green, default)}) == 3
    assert len({style_xml(d, "Normal") for d in (blue, green, default)}) == 3


@pytest.mark.parametrize(("profile", "texts", "page_number"), [
    (BLUE, ["SLT Handlingsplan 2022", "Aukra kommune"], "NUMPAGES"),
    (GREEN, ["Aukra kommune", "SLT Handlingsplan 2022 · Aukra kommune"], "Side"),
])
def test_header_and_footer_with_logo(profile, texts, page_number):
    docx = rendered("handlingsplan", profile)
    headers = part(docx, r"word/header\d+\.xml")
    footers = part(docx, r"word/footer\d+\.xml")
    chrome = " ".join(headers + footers)
    for text in texts:
        assert text in re.sub(r"<[^>]+>", "", chrome)
    assert "{{" not in chrome, "the profile's fields were filled in"
    assert any("<pic:pic" in h and "r:embed" in h for h in headers), "no logo in the header"
    assert any("plassholder" in h for h in headers), "the logo has no alt text"
    assert any(" PAGE " in f for f in footers)
    assert page_number in chrome
    # the pictures and their relationships came along
    names = parts_of(docx)
    assert any(re.fullmatch(r"word/media/profil\d+\.png", n) for n in names)
    rels = " ".join(blob.decode() for n, blob in names.items()
                    if re.fullmatch(r"word/_rels/header\d+\.xml\.rels", n))
    assert "media/profil" in rels


def test_first_page_header_only_where_the_template_has_a_cover():
    blue = rendered("handlingsplan", BLUE)
    document = part(blue, r"word/document\.xml")[0]
    assert 'w:headerReference w:type="first"' in document
    assert "<w:titlePg/>" in document
    mandat = render(aukra(), "mandat", organ="koordinerende", profile=BLUE)
    assert 'w:type="first"' not in part(mandat, r"word/document\.xml")[0]


def _sect(docx: bytes) -> str:
    return re.findall(r"<w:sectPr.*?</w:sectPr>", part(docx, r"word/document\.xml")[0],
                      re.S)[-1]


def test_page_setup_from_the_profile_and_tables_scaled():
    blue = rendered("handlingsplan", BLUE)
    sect = _sect(blue)
    assert 'w:left="1701"' in sect and 'w:top="1814"' in sect  # 30 mm, 32 mm
    document = part(blue, r"word/document\.xml")[0]
    widths = [int(w) for w in re.findall(r'<w:tblW w:w="(\d+)" w:type="dxa"/>', document)]
    text_width = 11906 - 1701 - 1417
    assert widths and max(widths) <= text_width + 5


@pytest.mark.parametrize("profile", [BLUE, GREEN])
def test_moteplan_stays_landscape(profile):
    sect = _sect(rendered("moteplan", profile))
    size = re.search(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"', sect)
    assert int(size.group(1)) > int(size.group(2))
    assert 'w:orient="landscape"' in sect
    headers = " ".join(part(rendered("moteplan", profile), r"word/header\d+\.xml"))
    tabs = [int(t) for t in re.findall(r'<w:tab w:val="right" w:pos="(\d+)"', headers +
                                       style_xml(rendered("moteplan", profile), "Header"))]
    assert all(t > 12000 for t in tabs), "the right tab moved to the landscape margin"


@pytest.mark.parametrize("profile", [BLUE, GREEN])
@pytest.mark.parametrize("kind", ["handlingsplan", "moteplan"])
def test_content_and_structure_stay_ours(profile, kind):
    """Everything but the header and footer (which are the profile's) is unchanged."""
    def body(docx: bytes) -> dict:
        return {k: v for k, v in outline(docx).items() if k not in ("topptekst", "bunntekst")}

    assert body(rendered(kind, profile)) == body(rendered(kind, None))


def test_reproducible_with_a_profile():
    first = render(aukra(), "handlingsplan", profile=GREEN)
    assert render(aukra(), "handlingsplan", profile=GREEN) == first


def test_profile_from_the_data_and_the_option_wins(tmp_path):
    # kommune.profil is a file in the data folder (an absolute path is refused)
    data = attrs.evolve(aukra(), kommune=attrs.evolve(aukra().kommune, profil=GREEN.name),
                        kilde=GREEN.parent)
    from_data = render(data, "handlingsplan")
    assert 'w:ascii="Arial"' in style_xml(from_data, "Normal")
    from_option = render(data, "handlingsplan", profile=BLUE)
    assert 'w:ascii="Cambria"' in style_xml(from_option, "Normal")


def test_profile_in_a_kommune_folder(tmp_path):
    folder = tmp_path / "aukra"
    folder.mkdir()
    for source in (REPO / "examples" / "aukra").glob("*.yaml"):
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / "profil.docx").write_bytes(GREEN.read_bytes())
    kommune = (folder / "kommune.yaml").read_text(encoding="utf-8")
    (folder / "kommune.yaml").write_text(kommune.replace("  spraak: nn\n",
                                                         "  spraak: nn\n  profil: profil.docx\n"),
                                         encoding="utf-8")
    assert 'w:ascii="Arial"' in style_xml(render(folder, "handlingsplan"), "Normal")


def test_profile_problems(tmp_path):
    with pytest.raises(SltError, match="fant ikke profildokumentet"):
        load_profile(tmp_path / "finnes-ikke.docx")
    (tmp_path / "tekst.docx").write_text("ikke Word", encoding="utf-8")
    with pytest.raises(SltError, match="ikke en gyldig zip-fil"):
        load_profile(tmp_path / "tekst.docx")


def test_a_profile_without_header_keeps_ours():
    profile_bytes = docx_with("bare stiler")
    from slt_docs.profile import Profile

    template = (REPO / "templates" / "tiltak.docx").read_bytes()
    result = apply_profile(template, Profile(name="p.docx", data=profile_bytes))
    headers = part(result, r"word/header\d+\.xml")
    assert any("dok.topptekst" in h for h in headers)


def test_a_dotx_profile_is_accepted(tmp_path):
    """A profilmal is often a Word template (.dotx)."""
    data = GREEN.read_bytes()
    parts = parts_of(data)
    types = parts["[Content_Types].xml"].decode()
    types = types.replace("document.main+xml", "template.main+xml")
    from packtools import zip_of

    parts["[Content_Types].xml"] = types.encode()
    (tmp_path / "profil.dotx").write_bytes(zip_of(parts))
    docx = render(aukra(), "tiltak", profile=tmp_path / "profil.dotx")
    assert 'w:ascii="Arial"' in style_xml(docx, "Normal")


def test_libreoffice_shows_the_profile(tmp_path):
    """LibreOffice opens the result and draws it in the profile's fonts."""
    assert find_soffice() is not None, "LibreOffice is needed for this test"
    docx = tmp_path / "plan.docx"
    docx.write_bytes(rendered("handlingsplan", BLUE))
    pdf = tmp_path / "plan.pdf"
    to_pdf([(docx, pdf)])
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    assert "Caladea" in fonts or "Cambria" in fonts, fonts
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Side 2 av" in text
    assert "SLT HANDLINGSPLAN 2022" in text.upper()
