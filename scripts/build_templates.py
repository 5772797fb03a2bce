"""Build the default Word templates in templates/ (handlingsplan, mandat, tiltak, møteplan).

The templates are real Word documents with named styles (Title, Heading 1–3,
List Bullet, the table style "SLT Tabell"), A4 pages, a header and a page
number footer, and docxtpl tags that only loop over, test and print the view
(see docs/template-fields.md). A kommune edits the result in Word; this script
is how the defaults are made reproducibly:

    python scripts/build_templates.py

"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slt_docs.render.fonts import prune_font_table  # noqa: E402
from slt_docs.render.package import normalize_zip  # noqa: E402

FONT = "Calibri"
DARK = RGBColor(0x1F, 0x38, 0x64)
ACCENT = "1F3864"
LIGHT = "DCE3EE"
GRID = "A6A6A6"
TEXT_WIDTH_MM = 160


# -- styles -----------------------------------------------------------------

def setup_document(landscape: bool = False) -> Document:
    """A new document with our page setup and styles."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20 if landscape else 25))
    section.header_distance = Mm(12)
    section.footer_distance = Mm(12)
    _styles(doc)
    return doc


def _font(style, size: float | None = None, bold: bool | None = None,
          color: RGBColor | None = None, italic: bool | None = None) -> None:
    style.font.name = FONT
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    if color is not None:
        style.font.color.rgb = color


def _spacing(style, before: float = 0, after: float = 6, line: float | None = 1.15,
             keep_next: bool = False) -> None:
    pf = style.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if line is not None:
        pf.line_spacing = line
    pf.keep_with_next = keep_next


def _styles(doc: Document) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _font(normal, 11)
    _spacing(normal, after=6)

    for name, size, before, after in (("Heading 1", 18, 18, 8), ("Heading 2", 14, 14, 6),
                                      ("Heading 3", 12, 10, 4)):
        st = styles[name]
        _font(st, size, bold=True, color=DARK, italic=False)
        _spacing(st, before=before, after=after, line=1.0, keep_next=True)
    title = styles["Title"]
    _font(title, 30, bold=True, color=DARK)
    _spacing(title, before=0, after=12, line=1.0)
    _remove_border(title)
    subtitle = styles["Subtitle"]
    _font(subtitle, 15, bold=False, color=RGBColor(0x40, 0x40, 0x40), italic=False)
    _spacing(subtitle, before=0, after=8, line=1.1)
    toc_heading = styles["TOC Heading"]
    _font(toc_heading, 18, bold=True, color=DARK)
    _spacing(toc_heading, before=0, after=12, line=1.0)

    for name in ("List Bullet", "List Bullet 2"):
        st = styles[name]
        _font(st, 11)
        _spacing(st, after=3)
    quote = styles["Quote"]
    _font(quote, 10, italic=True, color=RGBColor(0x40, 0x40, 0x40))
    _spacing(quote, before=2, after=8)
    for name in ("Header", "Footer"):
        _font(styles[name], 9, color=RGBColor(0x59, 0x59, 0x59))

    def para_style(name: str, base: str = "Normal"):
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles[base]
        st.quick_style = True
        return st

    cell = para_style("SLT Tabelltekst")
    _font(cell, 9.5)
    _spacing(cell, after=2, line=1.05)
    cell_bullet = para_style("SLT Tabellpunkt", "List Bullet")
    _font(cell_bullet, 9.5)
    _spacing(cell_bullet, after=1, line=1.05)
    cell_bullet.paragraph_format.left_indent = Mm(4)
    cell_bullet.paragraph_format.first_line_indent = Mm(-4)
    note = para_style("SLT Tabellmerknad")
    _font(note, 8.5, color=RGBColor(0x26, 0x26, 0x26))
    _spacing(note, after=1, line=1.0)
    footnote = para_style("SLT Fotnote")
    _font(footnote, 9, italic=True)
    _spacing(footnote, before=4, after=2)
    head = para_style("SLT Tabelloverskrift")
    _font(head, 9.5, bold=True, color=RGBColor(0xFF, 0xFF, 0xFF))
    _spacing(head, after=0, line=1.0)
    cover_kommune = para_style("SLT Forside kommune")
    _font(cover_kommune, 20, bold=True, color=DARK)
    _spacing(cover_kommune, before=0, after=6, line=1.0)
    border(cover_kommune, "bottom", ACCENT, 24, 6)
    cover_title = para_style("SLT Forside tittel", "Title")
    _spacing(cover_title, before=150, after=12, line=1.0)
    cover_slt = para_style("SLT Forside SLT")
    _font(cover_slt, 12, bold=True, color=DARK)
    _spacing(cover_slt, before=60, after=4, line=1.2)
    border(cover_slt, "left", ACCENT, 36, 8)
    cover_slt.paragraph_format.left_indent = Mm(4)
    cover_adopted = para_style("SLT Forside vedtak")
    _font(cover_adopted, 10, italic=True, color=RGBColor(0x40, 0x40, 0x40))
    _spacing(cover_adopted, before=6, after=0)
    cover_adopted.paragraph_format.left_indent = Mm(4)
    lead = para_style("SLT Ingress")
    _font(lead, 12, italic=True, color=DARK)
    _spacing(lead, before=6, after=12)
    label = para_style("SLT Etikett")
    _font(label, 11, bold=True, color=DARK)
    _spacing(label, before=6, after=2, keep_next=True)

    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True

    styles.element.append(parse_xml(TABLE_STYLE))


def border(style_or_paragraph, side: str, color: str, size: int, space: int = 4) -> None:
    """A border on one side of a paragraph style or a paragraph (size in
    eighths of a point). Also used by scripts/build_profiles.py."""
    element = style_or_paragraph.element if hasattr(style_or_paragraph, "element") else \
        style_or_paragraph._p
    ppr = element.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.append(borders)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(size))
    edge.set(qn("w:space"), str(space))
    edge.set(qn("w:color"), color)
    borders.append(edge)


def _remove_border(style) -> None:
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


TABLE_STYLE = f"""
<w:style {nsdecls('w')} w:type="table" w:customStyle="1" w:styleId="SLTTabell">
  <w:name w:val="SLT Tabell"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="40"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="{GRID}"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="{GRID}"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="{GRID}"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="{GRID}"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{GRID}"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="{GRID}"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
      <w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tblPr/>
    <w:trPr><w:tblHeader/></w:trPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{ACCENT}"/></w:tcPr>
  </w:tblStylePr>
</w:style>
"""


# -- building blocks --------------------------------------------------------

def tag(container, text: str) -> None:
    """A paragraph holding only a docxtpl tag ({%p …%} lines vanish when rendered)."""
    container.add_paragraph(text)


def para(container, *runs: str | tuple[str, str], style: str = "Normal",
         align: WD_ALIGN_PARAGRAPH | None = None):
    """A paragraph of runs; a run ``("text", "Strong")`` gets a character style."""
    p = container.add_paragraph(style=style)
    for run in runs:
        if isinstance(run, tuple):
            p.add_run(run[0], style=run[1])
        else:
            p.add_run(run)
    if align is not None:
        p.alignment = align
    return p


def field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (PAGE, TOC …) with a placeholder result."""
    def fld(kind: str) -> None:
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)  # never w:dirty: Word would ask to update
        run._r.append(el)

    fld("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    fld("separate")
    paragraph.add_run(placeholder)
    fld("end")


def page_break(container) -> None:
    container.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def blocks_macro(doc) -> None:
    """The macro every text block goes through: paragraphs, bullet points with
    bold lead-ins, citations and links."""
    tag(doc, "{%p macro blokker(bs) %}")
    tag(doc, "{%p for b in bs %}")
    tag(doc, "{%p if b.avsnitt %}")
    para(doc, "{{ b.avsnitt }}")
    tag(doc, "{%p elif b.punkter %}")
    tag(doc, "{%p for p in b.punkter %}")
    para(doc, ("{{ p.lead }}", "Strong"), "{{ p.tekst }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p elif b.kilde %}")
    para(doc, "{{ b.kilde }}", style="Quote")
    tag(doc, "{%p elif b.lenke %}")
    para(doc, "{{r lenke(b.lenke) }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endmacro %}")


def text_section(doc, condition: str, heading: str, blocks: str,
                 style: str = "Heading 2") -> None:
    """A heading and the kommune's text blocks, left out when ``condition``
    is false."""
    tag(doc, f"{{%p if {condition} %}}")
    para(doc, f"{{{{ {heading} }}}}", style=style)
    doc.add_paragraph(f"{{{{p blokker({blocks}) }}}}")
    tag(doc, "{%p endif %}")


def list_of(doc, items: str, style: str = "List Bullet") -> None:
    tag(doc, f"{{%p for x in {items} %}}")
    para(doc, "{{ x }}", style=style)
    tag(doc, "{%p endfor %}")


def labelled(doc, label: str, value: str) -> None:
    """``Føresetnad: text`` with the label bold, when the value is set."""
    tag(doc, f"{{%p if {value} %}}")
    para(doc, (f"{{{{ {label} }}}}: ", "Strong"), f"{{{{ {value} }}}}")
    tag(doc, "{%p endif %}")


def header_footer(doc, first_page_blank: bool = True) -> None:
    section = doc.sections[0]
    section.different_first_page_header_footer = first_page_blank
    header = section.header.paragraphs[0]
    header.text = "{{ dok.topptekst }}"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.style = doc.styles["Header"]
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("{{ label.side }} ")
    field(footer, "PAGE", "1")


def cover(doc) -> None:
    tag(doc, "{%p if dok.har_logo %}")
    para(doc, "{{ bilde.logo }}", align=WD_ALIGN_PARAGRAPH.LEFT)
    tag(doc, "{%p endif %}")
    para(doc, "{{ dok.kommune }}", style="SLT Forside kommune")
    para(doc, "{{ dok.tittel }}", style="SLT Forside tittel")
    tag(doc, "{%p if dok.undertittel %}")
    para(doc, "{{ dok.undertittel }}", style="Subtitle")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if dok.periode and not dok.periode_i_tittel %}")
    para(doc, "{{ dok.periode }}", style="Subtitle")
    tag(doc, "{%p endif %}")
    para(doc, "{{ dok.slt_navn }}", style="SLT Forside SLT")
    tag(doc, "{%p if dok.vedtatt %}")
    para(doc, "{{ dok.vedtatt }}", style="SLT Forside vedtak")
    tag(doc, "{%p endif %}")
    page_break(doc)


def toc(doc) -> None:
    para(doc, "{{ label.innhold }}", style="TOC Heading")
    p = doc.add_paragraph()
    field(p, 'TOC \\o "1-2" \\h \\z \\u', "{{ label.toc_oppdater }}")
    page_break(doc)


# -- tables -----------------------------------------------------------------

def _cell_width(cell, mm: float) -> None:
    cell.width = Mm(mm)


def _row_props(row, header: bool = False, cant_split: bool = True) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if cant_split:
        tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


TAG_CELL_MM = 2.0
"""Width of a cell that holds only a column tag ({%tc if %}, {%tc for %});
it is gone from the rendered table, whose grid is fitted to the cells left."""


def _new_table(doc, widths: list[float], total: float | None = None):
    """A table with columns of ``widths`` (mm), ``total`` mm wide (default:
    their sum; wider when tag cells are left out or columns repeated)."""
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = doc.styles["SLT Tabell"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        tbl_pr.append(look)
    look.set(qn("w:firstRow"), "1")
    look.set(qn("w:val"), "0020")
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(int((total or sum(widths)) * 56.7)))
    width.set(qn("w:type"), "dxa")
    for old in tbl_pr.findall(qn("w:tblW")):
        tbl_pr.remove(old)
    tbl_pr.insert(1, width)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for col, mm in zip(table.columns, widths, strict=True):
        col.width = Mm(mm)
    return table


def _add_row(table, widths: list[float], header: bool = False, cant_split: bool = True):
    row = table.add_row()
    _row_props(row, header=header, cant_split=cant_split)
    for cell, mm in zip(row.cells, widths, strict=True):
        _cell_width(cell, mm)
    return row


def _tag_row(table, widths: list[float], text: str) -> None:
    row = _add_row(table, widths, cant_split=False)
    row.cells[0].paragraphs[0].text = text


def _loop_cell(cell, items: str, style: str = "SLT Tabelltekst", first: str | None = None,
               first_style: str = "SLT Tabelltekst") -> None:
    """A cell listing ``items`` one paragraph each, never left without a paragraph."""
    p0 = cell.paragraphs[0]
    if first is not None:
        p0.style = first_style
        p0.add_run(first, style="Strong")
        cell.add_paragraph(f"{{%p for x in {items} %}}")
    else:
        p0.text = f"{{%p for x in {items} %}}"
    cell.add_paragraph("{{ x }}", style=style)
    cell.add_paragraph("{%p endfor %}")
    if first is None:
        cell.add_paragraph(f"{{%p if not {items} %}}")
        cell.add_paragraph("", style=style)
        cell.add_paragraph("{%p endif %}")


def tiltak_tables(doc, view: str = "tiltak") -> None:
    """Both shapes of the tiltak table; the view's ``form`` picks one."""
    tag(doc, f'{{%p if {view}.form == "full" %}}')
    # the tidspunkt column is left out when no tiltak has one
    widths = [34.0, 56.0, 36.0, TAG_CELL_MM, 34.0, TAG_CELL_MM]
    table = _new_table(doc, widths, total=160.0)
    row = _add_row(table, widths, header=True)
    for cell, label in zip(row.cells, ("delmaal", "tiltak", "ansvar", None, "tidspunkt", None),
                           strict=True):
        cell.paragraphs[0].style = "SLT Tabelloverskrift"
        if label:
            cell.paragraphs[0].add_run(f"{{{{ label.{label} }}}}")
    row.cells[3].paragraphs[0].add_run(f"{{%tc if {view}.har_tidspunkt %}}")
    row.cells[5].paragraphs[0].add_run("{%tc endif %}")
    _tag_row(table, widths, f"{{%tr for d in {view}.delmaal %}}")
    _tag_row(table, widths, "{%tr for t in d.tiltak %}")
    row = _add_row(table, widths)
    c0 = row.cells[0]
    c0.paragraphs[0].style = "SLT Tabelltekst"
    c0.paragraphs[0].add_run("{% vm %}{{ d.tekst }}", style="Strong")
    _shade(c0, LIGHT)
    _loop_cell(row.cells[1], "t.punkter", style="SLT Tabellpunkt", first="{{ t.overskrift }}")
    row.cells[1].add_paragraph("{%p if t.status %}")
    p = row.cells[1].add_paragraph(style="SLT Tabelltekst")
    p.add_run("{{ label.status }}: ", style="Emphasis")
    p.add_run("{{ t.status }}", style="Emphasis")
    row.cells[1].add_paragraph("{%p endif %}")
    _loop_cell(row.cells[2], "t.ansvar")
    row.cells[3].paragraphs[0].text = f"{{%tc if {view}.har_tidspunkt %}}"
    _loop_cell(row.cells[4], "t.tidspunkt")
    row.cells[5].paragraphs[0].text = "{%tc endif %}"
    _tag_row(table, widths, "{%tr endfor %}")
    _tag_row(table, widths, "{%tr endfor %}")
    tag(doc, "{%p else %}")
    widths = [105.0, 55.0]
    table = _new_table(doc, widths)
    row = _add_row(table, widths, header=True)
    for cell, label in zip(row.cells, ("tiltak", "ansvar"), strict=True):
        cell.paragraphs[0].style = "SLT Tabelloverskrift"
        cell.paragraphs[0].add_run(f"{{{{ label.{label} }}}}")
    _tag_row(table, widths, f"{{%tr for d in {view}.delmaal %}}")
    _tag_row(table, widths, "{%tr if d.tekst %}")
    row = _add_row(table, widths)
    merged = row.cells[0].merge(row.cells[1])
    merged.paragraphs[0].style = "SLT Tabelltekst"
    merged.paragraphs[0].add_run("{{ d.tekst }}", style="Strong")
    _shade(merged, LIGHT)
    _tag_row(table, widths, "{%tr endif %}")
    _tag_row(table, widths, "{%tr for t in d.tiltak %}")
    row = _add_row(table, widths)
    c0 = row.cells[0]
    c0.paragraphs[0].style = "SLT Tabelltekst"
    c0.paragraphs[0].add_run("{{ t.overskrift }}")
    c0.add_paragraph("{%p for p in t.punkter %}")
    c0.add_paragraph("{{ p }}", style="SLT Tabellpunkt")
    c0.add_paragraph("{%p endfor %}")
    row.cells[1].paragraphs[0].style = "SLT Tabelltekst"
    row.cells[1].paragraphs[0].add_run("{{ t.ansvar_tekst }}")
    _tag_row(table, widths, "{%tr endfor %}")
    _tag_row(table, widths, "{%tr endfor %}")
    tag(doc, "{%p endif %}")


def soknad_table(doc) -> None:
    widths = [30.0, 58.0, 30.0, 42.0]
    table = _new_table(doc, widths)
    row = _add_row(table, widths, header=True)
    for cell, label in zip(row.cells, ("soker", "formaal", "giver", "utfall"), strict=True):
        cell.paragraphs[0].style = "SLT Tabelloverskrift"
        cell.paragraphs[0].add_run(f"{{{{ label.{label} }}}}")
    _tag_row(table, widths, "{%tr for s in tilbakeblikk.soknader %}")
    row = _add_row(table, widths)
    row.cells[0].paragraphs[0].style = "SLT Tabelltekst"
    row.cells[0].paragraphs[0].add_run("{{ s.soker }}")
    c = row.cells[1]
    c.paragraphs[0].style = "SLT Tabelltekst"
    c.paragraphs[0].add_run("{{ s.formaal }}")
    c.add_paragraph("{%p if s.merknad %}")
    c.add_paragraph(style="SLT Tabelltekst").add_run("{{ s.merknad }}", style="Emphasis")
    c.add_paragraph("{%p endif %}")
    row.cells[2].paragraphs[0].style = "SLT Tabelltekst"
    row.cells[2].paragraphs[0].add_run("{{ s.giver }}")
    c = row.cells[3]
    c.paragraphs[0].style = "SLT Tabelltekst"
    c.paragraphs[0].add_run("{{ s.utfall }}")
    c.add_paragraph("{%p if s.sokt %}")
    c.add_paragraph("{{ label.belop_sokt }}: {{ s.sokt }}", style="SLT Tabelltekst")
    c.add_paragraph("{%p endif %}")
    _tag_row(table, widths, "{%tr endfor %}")


# -- the documents ----------------------------------------------------------

def group_block(doc, g: str, heading: str = "Heading 3") -> None:
    """A group's name, description, participants, mandate and meetings."""
    para(doc, f"{{{{ {g}.overskrift }}}}", style=heading)
    doc.add_paragraph(f"{{{{p blokker({g}.beskrivelse) }}}}")
    labelled(doc, f"{g}.label.moteverksemd", f"{g}.moteverksemd")
    tag(doc, f"{{%p if {g}.deltakere %}}")
    para(doc, f"{{{{ {g}.label.deltakere }}}}", style="SLT Etikett")
    list_of(doc, f"{g}.deltakere")
    tag(doc, "{%p endif %}")
    labelled(doc, f"{g}.label.deltakere", f"{g}.storrelse")
    mandate_block(doc, f"{g}.mandat")


def mandate_block(doc, m: str) -> None:
    tag(doc, f"{{%p if {m} %}}")
    para(doc, f"{{{{ {m}.etikett }}}}", style="SLT Etikett")
    list_of(doc, f"{m}.tekst", style="Normal")
    list_of(doc, f"{m}.punkter")
    tag(doc, "{%p endif %}")


def level_meetings(doc, n: str) -> None:
    """The level's meeting frequency, inline; with meeting arenas, under the
    same label with the arenas listed after it."""
    tag(doc, f"{{%p if {n}.moteplasser %}}")
    para(doc, f"{{{{ {n}.label.moteverksemd }}}}", style="SLT Etikett")
    tag(doc, f"{{%p if {n}.moteverksemd %}}")
    para(doc, f"{{{{ {n}.moteverksemd }}}}")
    tag(doc, "{%p endif %}")
    list_of(doc, f"{n}.moteplasser")
    tag(doc, "{%p else %}")
    labelled(doc, f"{n}.label.moteverksemd", f"{n}.moteverksemd")
    tag(doc, "{%p endif %}")


def level_authority(doc, n: str, group_heading: str = "Heading 3") -> None:
    """Decision authority and budget, strategy goals and standing groups."""
    tag(doc, f"{{%p if {n}.beslutningsmyndighet or {n}.budsjett %}}")
    para(doc, f"{{{{ {n}.label.beslutningsmyndighet }}}}", style="SLT Etikett")
    list_of(doc, f"{n}.beslutningsmyndighet", style="Normal")
    tag(doc, f"{{%p if {n}.budsjett %}}")
    para(doc, f"{{{{ {n}.budsjett }}}}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    tag(doc, f"{{%p if {n}.strategimaal %}}")
    para(doc, f"{{{{ {n}.strategimaal.tittel }}}}", style="SLT Etikett")
    tag(doc, f"{{%p for p in {n}.strategimaal.punkter %}}")
    para(doc, ("{{ p.lead }}", "Strong"), "{{ p.tekst }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, f"{{%p for g in {n}.grupper %}}")
    group_block(doc, "g", heading=group_heading)
    tag(doc, "{%p endfor %}")


def level_block(doc, n: str, heading: str = "Heading 2", with_heading: bool = True) -> None:
    if with_heading:
        para(doc, f"{{{{ {n}.overskrift }}}}", style=heading)
    labelled(doc, f"{n}.label.forutsetning", f"{n}.forutsetning")
    level_meetings(doc, n)
    tag(doc, f"{{%p if {n}.deltakere %}}")
    para(doc, f"{{{{ {n}.label.deltakere }}}}", style="SLT Etikett")
    list_of(doc, f"{n}.deltakere")
    tag(doc, "{%p endif %}")
    labelled(doc, f"{n}.label.deltakere", f"{n}.storrelse")
    mandate_block(doc, f"{n}.mandat")
    level_authority(doc, n)


def build_handlingsplan() -> Document:
    doc = setup_document()
    header_footer(doc)
    cover(doc)
    toc(doc)
    blocks_macro(doc)

    # Bakgrunn
    tag(doc, "{%p if visjon or bakgrunn %}")
    para(doc, "{{ label.bakgrunn }}", style="Heading 1")
    tag(doc, "{%p if visjon %}")
    para(doc, ("{{ label.visjon }}: ", "Strong"), "{{ visjon }}", style="SLT Ingress")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for s in bakgrunn %}")
    tag(doc, "{%p if s.tittel %}")
    para(doc, "{{ s.tittel }}", style="Heading 2")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if s.plan %}")
    para(doc, "{{ s.plan }}", style="Quote")
    tag(doc, "{%p endif %}")
    doc.add_paragraph("{{p blokker(s.blokker) }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    # Mål
    tag(doc, "{%p if maal or maal_for_perioden or maalgruppe %}")
    para(doc, "{{ label.maal }}", style="Heading 1")
    doc.add_paragraph("{{p blokker(maal) }}")
    text_section(doc, "maal_for_perioden", "label.maal_for_perioden", "maal_for_perioden")
    text_section(doc, "maalgruppe", "label.maalgruppe", "maalgruppe")
    tag(doc, "{%p endif %}")

    # Organisering
    o = "organisering"
    para(doc, "{{ label.organisering }}", style="Heading 1")
    doc.add_paragraph(f"{{{{p blokker({o}.innledning) }}}}")
    tag(doc, f"{{%p for n in {o}.nivaa %}}")
    level_block(doc, "n")
    tag(doc, "{%p endfor %}")
    tag(doc, f"{{%p if {o}.arbeidsgrupper or {o}.om_arbeidsgrupper %}}")
    para(doc, "{{ label.arbeidsgrupper }}", style="Heading 2")
    doc.add_paragraph(f"{{{{p blokker({o}.om_arbeidsgrupper) }}}}")
    tag(doc, f"{{%p for g in {o}.arbeidsgrupper %}}")
    para(doc, ("{{ g.navn }}", "Strong"), "{% if g.merknad %} ({{ g.merknad }}){% endif %}",
         style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, f"{{%p if {o}.koordinator %}}")
    para(doc, "{{ label.koordinator }}", style="Heading 2")
    doc.add_paragraph(f"{{{{p blokker({o}.koordinator.rolle) }}}}")
    tag(doc, f"{{%p if {o}.koordinator.oppgaver %}}")
    para(doc, "{{ label.oppgaver }}", style="SLT Etikett")
    list_of(doc, f"{o}.koordinator.oppgaver")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    tag(doc, f"{{%p if {o}.moetefrekvens %}}")
    para(doc, "{{ label.moetefrekvens }}", style="Heading 2")
    list_of(doc, f"{o}.moetefrekvens", style="Normal")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if aarshjul %}")
    para(doc, "{{ label.aarshjul }}", style="Heading 2")
    para(doc, "{{ bilde.aarshjul }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    tag(doc, "{%p endif %}")
    text_section(doc, f"{o}.informasjonsutveksling", "label.informasjonsutveksling",
                 f"{o}.informasjonsutveksling")

    # Tilbakeblikk
    tag(doc, "{%p if tilbakeblikk %}")
    para(doc, "{{ tilbakeblikk.overskrift }}", style="Heading 1")
    doc.add_paragraph("{{p blokker(tilbakeblikk.innledning) }}")
    tag(doc, "{%p for m in tilbakeblikk.moter %}")
    para(doc, "{{ m.tittel }}", style="Heading 2")
    list_of(doc, "m.tema")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if tilbakeblikk.seminar %}")
    para(doc, "{{ tilbakeblikk.seminar.tittel }}", style="Heading 2")
    list_of(doc, "tilbakeblikk.seminar.punkter")
    tag(doc, "{%p if tilbakeblikk.seminar.kostnader %}")
    para(doc, "{{ label.kostnader }}", style="SLT Etikett")
    list_of(doc, "tilbakeblikk.seminar.kostnader")
    tag(doc, "{%p endif %}")
    labelled(doc, "label.finansiering", "tilbakeblikk.seminar.finansiering")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for s in tilbakeblikk.seksjoner %}")
    para(doc, "{{ s.tittel }}", style="Heading 2")
    doc.add_paragraph("{{p blokker(s.blokker) }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if tilbakeblikk.arbeidsgrupper %}")
    para(doc, "{{ label.tilbakeblikk_arbeidsgrupper }}", style="Heading 2")
    list_of(doc, "tilbakeblikk.arbeidsgrupper")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if tilbakeblikk.soknader %}")
    para(doc, "{{ label.soknader }}", style="Heading 2")
    soknad_table(doc)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")

    # Mål og tiltak
    tag(doc, "{%p if tiltak.antall_tiltak %}")
    para(doc, "{{ tiltak.overskrift }}", style="Heading 1")
    tag(doc, "{%p if tiltak.hovedmaal %}")
    para(doc, ("{{ label.hovedmaal }}: ", "Strong"), "{{ tiltak.hovedmaal }}",
         style="SLT Ingress")
    tag(doc, "{%p endif %}")
    tiltak_tables(doc)
    doc.add_paragraph("{{p blokker(tiltak.etterord) }}")
    tag(doc, "{%p endif %}")

    # Oppfølging
    text_section(doc, "oppfolging", "label.oppfolging", "oppfolging", style="Heading 1")
    return doc


def short_document(landscape: bool = False) -> Document:
    """A document without a cover: header, footer, the text macro, then the
    logo, the kommune's name and the title at the top of the first page."""
    doc = setup_document(landscape=landscape)
    header_footer(doc, first_page_blank=False)
    blocks_macro(doc)
    tag(doc, "{%p if dok.har_logo %}")
    para(doc, "{{ bilde.logo }}")
    tag(doc, "{%p endif %}")
    para(doc, "{{ dok.kommune }}", style="SLT Forside kommune")
    para(doc, "{{ dok.tittel }}", style="Title")
    return doc


def build_mandat() -> Document:
    doc = short_document()
    tag(doc, "{%p if nivaa %}")
    para(doc, ("{{ label.nivaa }}: ", "Strong"), "{{ nivaa }}", style="SLT Ingress")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if dok.vedtatt %}")
    para(doc, "{{ dok.vedtatt }}", style="Quote")
    tag(doc, "{%p endif %}")
    doc.add_paragraph("{{p blokker(innledning) }}")
    doc.add_paragraph("{{p blokker(organ.beskrivelse) }}")
    tag(doc, "{%p if nivaa_info %}")
    labelled(doc, "nivaa_info.label.forutsetning", "nivaa_info.forutsetning")
    tag(doc, "{%p endif %}")
    mandate_block(doc, "organ.mandat")
    tag(doc, "{%p if organ.deltakere %}")
    para(doc, "{{ organ.label.deltakere }}", style="SLT Etikett")
    list_of(doc, "organ.deltakere")
    tag(doc, "{%p endif %}")
    labelled(doc, "organ.label.deltakere", "organ.storrelse")
    tag(doc, "{%p if nivaa_info %}")
    level_meetings(doc, "nivaa_info")
    level_authority(doc, "nivaa_info", group_heading="Heading 2")
    tag(doc, "{%p else %}")
    labelled(doc, "organ.label.moteverksemd", "organ.moteverksemd")
    tag(doc, "{%p endif %}")
    labelled(doc, "organ.label.opploses", "opploses")
    return doc


def build_tiltak() -> Document:
    doc = short_document()
    tag(doc, "{%p if dok.undertittel %}")
    para(doc, "{{ dok.undertittel }}", style="Subtitle")
    tag(doc, "{%p endif %}")
    doc.add_paragraph("{{p blokker(innledning) }}")
    tag(doc, "{%p if tiltak.hovedmaal %}")
    para(doc, ("{{ label.hovedmaal }}: ", "Strong"), "{{ tiltak.hovedmaal }}",
         style="SLT Ingress")
    tag(doc, "{%p endif %}")
    tiltak_tables(doc)
    doc.add_paragraph("{{p blokker(tiltak.etterord) }}")
    return doc


def grid_table(doc) -> None:
    """The møteplan grid: one row per body, one column per month of the grid
    (as many as the kommune lays out)."""
    widths = [47.0, TAG_CELL_MM, 35.0, TAG_CELL_MM]
    table = _new_table(doc, widths, total=257.0)
    row = _add_row(table, widths, header=True)
    row.cells[0].paragraphs[0].style = "SLT Tabelloverskrift"
    row.cells[0].paragraphs[0].add_run("{{ label.organ }}")
    row.cells[1].paragraphs[0].text = "{%tc for x in h.maaneder %}"
    p = row.cells[2].paragraphs[0]
    p.style = "SLT Tabelloverskrift"
    p.add_run("{{ x }}")
    row.cells[3].paragraphs[0].text = "{%tc endfor %}"
    _tag_row(table, widths, "{%tr for r in h.rader %}")
    row = _add_row(table, widths)
    c0 = row.cells[0]
    c0.paragraphs[0].style = "SLT Tabelltekst"
    c0.paragraphs[0].add_run("{{ r.organ }}", style="Strong")
    _shade(c0, LIGHT)
    c0.add_paragraph("{%p for x in r.beskrivelse %}")
    c0.add_paragraph("{{ x }}", style="SLT Tabellmerknad")
    c0.add_paragraph("{%p endfor %}")
    row.cells[1].paragraphs[0].text = "{%tc for c in r.celler %}"
    cell = row.cells[2]
    cell.paragraphs[0].text = "{%p for m in c.moter %}"
    p = cell.add_paragraph(style="SLT Tabelltekst")
    p.add_run("{{ m.dag }}", style="Strong")
    p.add_run("{{ m.merke }}", style="Strong")
    cell.add_paragraph("{%p for x in m.linjer %}")
    cell.add_paragraph("{{ x }}", style="SLT Tabellmerknad")
    cell.add_paragraph("{%p endfor %}")
    cell.add_paragraph("{%p endfor %}")
    cell.add_paragraph("{%p if not c.moter %}")
    cell.add_paragraph("", style="SLT Tabelltekst")
    cell.add_paragraph("{%p endif %}")
    row.cells[3].paragraphs[0].text = "{%tc endfor %}"
    _tag_row(table, widths, "{%tr endfor %}")


LIST_COLUMNS = (("dato", 52.0, ""), ("tid", 28.0, "har_tid"), ("organ", 52.0, ""),
                ("sted", 45.0, "har_sted"), ("tema", 62.0, "har_tema"))
"""The list of all meetings: column, width (mm), and the view field that
says whether the column has any content (a column empty in every row is
left out)."""


def list_table(doc) -> None:
    """Every meeting in date order."""
    widths: list[float] = []
    for _, mm, optional in LIST_COLUMNS:
        widths += [TAG_CELL_MM, mm, TAG_CELL_MM] if optional else [mm]
    table = _new_table(doc, widths, total=257.0)

    def fill(row, text: str, style: str) -> None:
        cells = iter(row.cells)
        for name, _, optional in LIST_COLUMNS:
            if optional:
                next(cells).paragraphs[0].text = f"{{%tc if {optional} %}}"
            p = next(cells).paragraphs[0]
            p.style = style
            p.add_run(text.format(name=name))
            if optional:
                next(cells).paragraphs[0].text = "{%tc endif %}"

    fill(_add_row(table, widths, header=True), "{{{{ label.{name} }}}}", "SLT Tabelloverskrift")
    _tag_row(table, widths, "{%tr for m in alle %}")
    fill(_add_row(table, widths), "{{{{ m.{name} }}}}", "SLT Tabelltekst")
    _tag_row(table, widths, "{%tr endfor %}")


def build_moteplan() -> Document:
    doc = short_document(landscape=True)
    tag(doc, "{%p if dok.vedtatt %}")
    para(doc, "({{ dok.vedtatt }})", style="Quote")
    tag(doc, "{%p endif %}")
    doc.add_paragraph("{{p blokker(innledning) }}")
    tag(doc, "{%p for h in halvaar %}")
    para(doc, "{{ h.overskrift }}", style="Heading 2")
    grid_table(doc)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for f in fotnoter %}")
    para(doc, "{{ f }}", style="SLT Fotnote")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if grupper %}")
    para(doc, "{{ grupper_overskrift }}", style="Heading 2")
    doc.add_paragraph("{{p blokker(om_grupper) }}")
    tag(doc, "{%p for g in grupper %}")
    para(doc, "{{ g.navn }}", "{% if g.merknad %} {{ g.merknad }}{% endif %}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    page_break(doc)
    para(doc, "{{ label.aarshjul }}", style="Heading 1")
    para(doc, "{{ bilde.aarshjul }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    page_break(doc)
    para(doc, "{{ label.alle_moter }}", style="Heading 1")
    list_table(doc)
    return doc


def save(doc: Document, path: Path) -> None:
    core = doc.core_properties
    core.author = "slt_docs"
    core.title = "SLT-mal"
    core.comments = ("Standardmal fra slt_docs. Rediger stiler og utseende i Word, "
                     "men behold malkodene.")
    core.last_modified_by = "slt_docs"
    core.created = core.modified = dt.datetime(2026, 1, 1)
    core.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(normalize_zip(prune_font_table(buffer.getvalue())))
    print(f"skrev {path.relative_to(ROOT)}")


def main() -> None:
    out = ROOT / "templates"
    save(build_handlingsplan(), out / "handlingsplan.docx")
    save(build_mandat(), out / "mandat.docx")
    save(build_tiltak(), out / "tiltak.docx")
    save(build_moteplan(), out / "moteplan.docx")


if __name__ == "__main__":
    main()

