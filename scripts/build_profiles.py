"""Build the two example profile documents in examples/profiler/.

A profile document (profilmal) is what a kommune's communication department
hands out: a Word file with the kommune's styles, theme fonts and colours,
page margins, and a header and footer with the logo. slt_docs takes these
from it (``slt-docs lag … --profile profilmal.docx``), like pandoc's
reference document. The two examples are deliberately different:

- ``bla-serif.docx``: a serif face (Cambria), dark blue headings in small
  capitals with a thin gold rule, wide margins, the logo left in the header
  and the document title right, a large logo in the first-page header (the
  handlingsplan's cover gets it), a footer with the kommune's name and
  "Side N av M".
- ``gronn-sans.docx``: sans-serif (Arial body, Open Sans headings), green
  headings, the first level on a green band, green dash bullets, narrow
  margins, the kommune's name left and the logo right over a thick green
  rule, and a footer without page number (slt_docs adds its own).

The logos are placeholders drawn here with Pillow; there are no external
assets. Run:

    python scripts/build_profiles.py
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slt_docs.render.fonts import prune_font_table  # noqa: E402
from slt_docs.render.package import normalize_zip  # noqa: E402
from slt_docs.render.wordxml import get_or_add, set_child  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from build_templates import border, no_hyphens, valid_zoom, widow_control  # noqa: E402

OUT = ROOT / "examples" / "profiler"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


# -- the logo placeholder -----------------------------------------------------

def logo_png(shape: str, fill: tuple[int, int, int], text: tuple[int, int, int]) -> bytes:
    """A placeholder logo: a shield or a circle with «LOGO» beside a bar."""
    scale = 4
    width, height = 360 * scale, 120 * scale
    img = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    s = scale
    if shape == "shield":
        draw.polygon([(10 * s, 8 * s), (100 * s, 8 * s), (100 * s, 62 * s), (55 * s, 112 * s),
                      (10 * s, 62 * s)], fill=fill)
        draw.polygon([(30 * s, 28 * s), (80 * s, 28 * s), (80 * s, 58 * s), (55 * s, 86 * s),
                      (30 * s, 58 * s)], fill=(255, 255, 255))
    else:
        draw.ellipse([8 * s, 8 * s, 112 * s, 112 * s], fill=fill)
        draw.ellipse([34 * s, 34 * s, 86 * s, 86 * s], fill=(255, 255, 255))
    font = ImageFont.load_default(size=54 * s)
    small = ImageFont.load_default(size=18 * s)
    draw.text((126 * s, 18 * s), "LOGO", fill=text, font=font)
    draw.text((128 * s, 82 * s), "plasshaldar / plassholder", fill=(110, 110, 110), font=small)
    img = img.resize((width // scale * 2, height // scale * 2), Image.LANCZOS)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=False)
    return out.getvalue()


# -- helpers --------------------------------------------------------------------

def set_font(style, name: str | None = None, size: float | None = None,
             color: RGBColor | None = None, bold: bool | None = None,
             italic: bool | None = None, theme: str | None = None) -> None:
    """Font of a style; ``theme`` ("major"/"minor") refers to the theme's fonts
    (with the face named too, for programs that do not read the theme)."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    if name:
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), name)
    if theme:
        fonts.set(qn("w:asciiTheme"), f"{theme}HAnsi")
        fonts.set(qn("w:hAnsiTheme"), f"{theme}HAnsi")
    if size is not None:
        style.font.size = Pt(size)
    if color is not None:
        style.font.color.rgb = color
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic


def spacing(style, before: float, after: float, line: float | None = None) -> None:
    pf = style.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if line is not None:
        pf.line_spacing = line


def shading(style, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    set_child(style.element.get_or_add_pPr(), shd)


def right_tab(style, text_width_mm: float) -> None:
    """The style's only tab stop: right-aligned at the right margin."""
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:tabs")):
        ppr.remove(old)
    style.paragraph_format.tab_stops.add_tab_stop(Mm(text_width_mm), WD_TAB_ALIGNMENT.RIGHT)


def small_caps(style) -> None:
    get_or_add(style.element.get_or_add_rPr(), "smallCaps")


def field(paragraph, instruction: str, placeholder: str) -> None:
    def fld(kind: str) -> None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(el)

    fld("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    fld("separate")
    paragraph.add_run(placeholder)
    fld("end")


def alt_text(run, text: str, drawing_id: int) -> None:
    """Alt text of the run's picture, and its drawing id: unique in the whole
    document (python-docx numbers the pictures of each header from 1)."""
    for doc_pr in run._r.xpath(".//wp:docPr"):
        doc_pr.set("id", str(drawing_id))
        doc_pr.set("descr", text)
        doc_pr.set("title", text)


def theme(doc, name: str, major: str, minor: str, colors: dict[str, str]) -> None:
    """Theme fonts and colours."""
    part = doc.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    root.set("name", name)
    scheme = root.find(f".//{{{A}}}clrScheme")
    scheme.set("name", name)
    for key, value in colors.items():
        slot = scheme.find(f"{{{A}}}{key}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr").set("val", value)
    fonts = root.find(f".//{{{A}}}fontScheme")
    fonts.set("name", name)
    fonts.find(f"{{{A}}}majorFont/{{{A}}}latin").set("typeface", major)
    fonts.find(f"{{{A}}}minorFont/{{{A}}}latin").set("typeface", minor)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def bullets(doc, char: str, color: str, font: str) -> None:
    """The first level of the List Bullet numbering: ``char`` in ``color``."""
    style = doc.styles["List Bullet"]
    num_id = style.element.pPr.numPr.numId.val
    numbering = doc.part.numbering_part.element
    num = numbering.xpath(f"./w:num[@w:numId='{num_id}']")[0]
    abstract_id = num.xpath("./w:abstractNumId/@w:val")[0]
    lvl = numbering.xpath(f"./w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl"
                          "[@w:ilvl='0']")[0]
    lvl.find(qn("w:lvlText")).set(qn("w:val"), char)
    rpr = lvl.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        lvl.append(rpr)
    for child in list(rpr):
        rpr.remove(child)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), font)
    rpr.append(fonts)
    col = OxmlElement("w:color")
    col.set(qn("w:val"), color)
    rpr.append(col)


def page(doc, top: float, bottom: float, left: float, right: float, header: float) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = section.footer_distance = Mm(header)
    return section


def save(doc, path: Path, title: str) -> None:
    widow_control(doc)
    for name in ("Title", "Subtitle", "TOC Heading", "Heading 1", "Heading 2", "Heading 3"):
        no_hyphens(doc.styles[name])  # titles and headings are not hyphenated
    core = doc.core_properties
    core.author = "slt_docs (eksempel)"
    core.title = title
    core.comments = "Eksempel på profildokument (profilmal) for slt_docs. Logoen er en plassholder."
    core.last_modified_by = "slt_docs"
    core.created = core.modified = dt.datetime(2026, 1, 1)
    core.revision = 1
    valid_zoom(doc)
    # a body that shows the profile when the file is opened on its own
    doc.add_paragraph("Profilmal (eksempel)", style="Title")
    doc.add_paragraph("Overskrift 1", style="Heading 1")
    doc.add_paragraph("Brødtekst i profilen. Dokumenter fra slt_docs får stilene, temaet, "
                      "sideoppsettet og topp- og bunnteksten herfra.")
    doc.add_paragraph("Overskrift 2", style="Heading 2")
    doc.add_paragraph("Et punkt i en liste", style="List Bullet")
    buffer = io.BytesIO()
    doc.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(normalize_zip(prune_font_table(buffer.getvalue())))
    print(f"skrev {path.relative_to(ROOT)}")


HEADING_SANS = "Open Sans"
"""The green profile's heading font: a free font (fonts-open-sans), so that the
PDF is drawn in it wherever the tests run; Verdana has no free metric twin."""


# -- the two profiles -----------------------------------------------------------

def build_blue_serif() -> Document:
    navy, gold, gold_text = "1B365D", "A8843A", "8A6A2B"  # gold_text: 5:1 on white
    navy_rgb = RGBColor.from_string(navy)
    doc = Document()
    theme(doc, "Blå serif", "Cambria", "Cambria",
          {"dk2": navy, "accent1": navy, "accent2": gold, "hlink": "1F4E9C"})
    styles = doc.styles
    set_font(styles["Normal"], "Cambria", 11, theme="minor")
    spacing(styles["Normal"], 0, 8, 1.2)
    for name, size, before, after in (("Heading 1", 17, 20, 8), ("Heading 2", 13.5, 14, 4),
                                      ("Heading 3", 12, 10, 2)):
        st = styles[name]
        set_font(st, "Cambria", size, navy_rgb, bold=name != "Heading 3", italic=False,
                 theme="major")
        spacing(st, before, after, 1.0)
    small_caps(styles["Heading 1"])
    border(styles["Heading 1"], "bottom", gold, 6, 2)
    styles["Heading 3"].font.italic = True
    set_font(styles["Title"], "Cambria", 32, navy_rgb, bold=False, theme="major")
    small_caps(styles["Title"])
    ppr = styles["Title"].element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
    border(styles["Title"], "bottom", gold, 12, 6)
    spacing(styles["Title"], 0, 14, 1.0)
    set_font(styles["Subtitle"], "Cambria", 15, RGBColor.from_string(gold_text), italic=True,
             theme="minor")
    set_font(styles["Quote"], "Cambria", 10.5, RGBColor(0x44, 0x44, 0x44), italic=True)
    border(styles["Quote"], "left", navy, 12, 8)
    set_font(styles["TOC Heading"], "Cambria", 17, navy_rgb, bold=False)
    small_caps(styles["TOC Heading"])
    for name in ("Header", "Footer"):
        set_font(styles[name], "Cambria", 9, RGBColor(0x40, 0x40, 0x40))
        right_tab(styles[name], 210 - 30 - 25)

    section = page(doc, top=32, bottom=25, left=30, right=25, header=12)
    header = section.header.paragraphs[0]
    header.style = styles["Header"]
    run = header.add_run()
    run.add_picture(io.BytesIO(logo_png("shield", (0x1B, 0x36, 0x5D), (0x1B, 0x36, 0x5D))),
                    height=Mm(11))
    alt_text(run, "Kommunevåpen (plassholder)", 1)
    header.add_run("\t")
    title = header.add_run("{{ dok.tittel }}")
    title.font.small_caps = True
    title.font.color.rgb = navy_rgb
    border(header, "bottom", navy, 6, 4)

    # the first page (a cover) has the coat of arms large and no running header
    section.different_first_page_header_footer = True
    first = section.first_page_header.paragraphs[0]
    first.style = styles["Header"]
    run = first.add_run()
    run.add_picture(io.BytesIO(logo_png("shield", (0x1B, 0x36, 0x5D), (0x1B, 0x36, 0x5D))),
                    height=Mm(17))
    alt_text(run, "Kommunevåpen (plassholder)", 2)

    footer = section.footer.paragraphs[0]
    footer.style = styles["Footer"]
    footer.add_run("{{ dok.kommune }}").font.small_caps = True
    footer.add_run("\tSide ")
    field(footer, "PAGE", "1")
    footer.add_run(" av ")
    field(footer, "NUMPAGES", "1")
    border(footer, "top", gold, 4, 4)
    return doc


def build_green_sans() -> Document:
    green, dark = "2E7D32", "1B5E20"
    green_rgb = RGBColor.from_string(green)
    doc = Document()
    theme(doc, "Grønn sans", HEADING_SANS, "Arial",
          {"dk2": dark, "accent1": green, "accent2": "F9A825", "hlink": "00695C"})
    styles = doc.styles
    set_font(styles["Normal"], "Arial", 10.5, theme="minor")
    spacing(styles["Normal"], 0, 6, 1.25)
    h1 = styles["Heading 1"]
    set_font(h1, HEADING_SANS, 15, RGBColor(0xFF, 0xFF, 0xFF), bold=True, italic=False,
             theme="major")
    shading(h1, green)
    spacing(h1, 18, 10, 1.0)
    h1.paragraph_format.left_indent = Mm(2)
    for name, size in (("Heading 2", 13), ("Heading 3", 11)):
        st = styles[name]
        set_font(st, HEADING_SANS, size, green_rgb if name == "Heading 2" else
                 RGBColor.from_string(dark), bold=True, italic=False, theme="major")
        spacing(st, 12, 4, 1.0)
    # "heading 1" is white on the green band; the colour slt_docs takes from
    # a profile is the heading colour, so give the chain a green base
    set_font(styles["Title"], HEADING_SANS, 26, green_rgb, bold=True, theme="major")
    ppr = styles["Title"].element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
    spacing(styles["Title"], 0, 10, 1.0)
    set_font(styles["Subtitle"], "Arial", 14, RGBColor.from_string(dark), italic=False)
    set_font(styles["Quote"], "Arial", 10, RGBColor(0x33, 0x33, 0x33), italic=False)
    shading(styles["Quote"], "E8F5E9")
    set_font(styles["TOC Heading"], HEADING_SANS, 15, bold=True)  # white on the band, as heading 1
    for name in ("Header", "Footer"):
        set_font(styles[name], "Arial", 8.5, RGBColor(0x33, 0x33, 0x33))
        right_tab(styles[name], 210 - 20 - 20)
    bullets(doc, "–", green, "Arial")

    section = page(doc, top=26, bottom=20, left=20, right=20, header=9)
    header = section.header.paragraphs[0]
    header.style = styles["Header"]
    name = header.add_run("{{ dok.kommune }}")
    name.font.bold = True
    name.font.size = Pt(12)
    name.font.color.rgb = green_rgb
    header.add_run("\t")
    run = header.add_run()
    run.add_picture(io.BytesIO(logo_png("circle", (0x2E, 0x7D, 0x32), (0x2E, 0x7D, 0x32))),
                    height=Mm(10))
    alt_text(run, "Kommunelogo (plassholder)", 1)
    border(header, "bottom", green, 24, 4)

    footer = section.footer.paragraphs[0]
    footer.style = styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.LEFT
    footer.add_run("{{ dok.tittel }} · {{ dok.kommune }}")
    return doc


def main() -> None:
    save(build_blue_serif(), OUT / "bla-serif.docx", "Profilmal: blå serif")
    save(build_green_sans(), OUT / "gronn-sans.docx", "Profilmal: grønn sans")


if __name__ == "__main__":
    main()
