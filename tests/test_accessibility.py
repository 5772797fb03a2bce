"""Universell utforming as Word's accessibility checker and PDF/UA see the
documents: real headings from level 1 without skipped levels, alt text on
every picture, a repeated header row on every table, the document language
on all text, and text contrast of at least 4.5:1 in every document kind,
example, language and example profile, and in the shipped templates and
profile documents themselves."""

from __future__ import annotations

import io
from functools import cache

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import RGBColor
from outputs import OUTPUTS, PROFILES, TEMPLATES, output_id, rendered
from wordchecks import heading_faults

from slt_docs.contrast import MINIMUM, contrast, contrast_problems, style_names_used

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@pytest.mark.parametrize("case", OUTPUTS, ids=[output_id(c) for c in OUTPUTS])
def test_headings_from_level_one_without_skipping(case):
    assert heading_faults(rendered(*case)) == []


@pytest.mark.parametrize("case", OUTPUTS, ids=[output_id(c) for c in OUTPUTS])
def test_pictures_tables_language_and_contrast(case):
    docx = rendered(*case)
    doc = Document(io.BytesIO(docx))
    parts = [doc.element] + [rel.target_part.element for rel in doc.part.rels.values()
                             if "header" in rel.reltype or "footer" in rel.reltype]
    for root in parts:
        for doc_pr in root.iter(f"{WP}docPr"):
            assert (doc_pr.get("descr") or "").strip(), "every picture has alt text"
    for table in doc.tables:
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader"), "header rows repeat"
    tag = f"{case[3]}-NO"
    assert doc.styles.element.xpath("//w:docDefaults//w:lang/@w:val") == [tag]
    langs = {v for root in parts for v in root.xpath(".//w:lang/@w:val")}
    langs |= set(doc.styles.element.xpath("//w:style//w:lang/@w:val"))
    assert langs <= {tag}, langs
    assert contrast_problems(docx) == []


@cache
def template_style_names() -> frozenset[str]:
    names = {"Hyperlink"}  # the character style of links, used when rendering
    for path in TEMPLATES:
        names |= style_names_used(path.read_bytes())
    return frozenset(n.casefold() for n in names)


@pytest.mark.parametrize("path", TEMPLATES + PROFILES, ids=lambda p: p.name)
def test_shipped_templates_and_profiles_have_enough_contrast(path):
    """Every style our templates use, as the template or profile defines it."""
    assert {"title", "heading 1", "subtitle", "hyperlink"} <= template_style_names()
    assert contrast_problems(path.read_bytes(), template_style_names()) == []


def test_contrast_check_finds_pale_text():
    assert round(contrast("FFFFFF", "000000"), 1) == 21.0
    assert contrast("767676", "FFFFFF") >= MINIMUM > contrast("777777", "FFFFFF")
    doc = Document(str(PROFILES[0]))
    doc.styles["Subtitle"].font.color.rgb = RGBColor(0xAA, 0xAA, 0xAA)
    pale = doc.styles.add_style("Blek", WD_STYLE_TYPE.PARAGRAPH)
    pale.font.color.rgb = RGBColor(0x99, 0x99, 0x99)
    doc.add_paragraph("Svak tekst", style="Blek")
    out = io.BytesIO()
    doc.save(out)
    problems = contrast_problems(out.getvalue(), {"Subtitle"})
    assert {p.style for p in problems} == {"Subtitle", "Blek"}
    assert all(p.ratio < MINIMUM for p in problems)
    assert "Svak tekst" in str(next(p for p in problems if p.style == "Blek"))
