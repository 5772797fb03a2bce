"""The table of contents is written into the .docx: Word shows it at once,
asks nothing when the document is opened, and F9 still updates it.

Without LibreOffice (these tests) the entries carry no page numbers; the
page numbers from LibreOffice's layout are tested in ``test_pdf.py``.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

import slt_docs
from slt_docs.documents import available_documents, render
from slt_docs.render.extract import headings as all_headings
from slt_docs.render.extract import outline
from slt_docs.render.toc import TocEntry, fill_toc, match_pages, toc_entries

ROOT = Path(__file__).resolve().parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PROFILES = (None, ROOT / "examples" / "profiler" / "gronn-sans.docx",
            ROOT / "examples" / "profiler" / "bla-serif.docx")


@cache
def plan(kommune: str, lang: str, profile: Path | None = None) -> bytes:
    return render(slt_docs.load(ROOT / "examples" / kommune), "handlingsplan", lang=lang,
                  profile=profile)


def part(docx: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return etree.fromstring(z.read(name))


def headings(docx: bytes, levels: tuple[int, ...] = (1, 2)) -> list[tuple[int, str]]:
    """The headings of ``levels`` in reading order (also a delmål heading in
    the first column of the full tiltak table)."""
    return [(level, text) for level, text in all_headings(docx) if level in levels]


def toc_lines(docx: bytes) -> list[tuple[int, str]]:
    return [(int(next(iter(i))[3:]), next(iter(i.values())))
            for i in outline(docx)["innhold"] if next(iter(i)).startswith("toc")]


def field_runs(body: etree._Element) -> list[tuple[str, str]]:
    """Each fldChar type and instruction text in document order."""
    out = []
    for el in body.iter(f"{W}fldChar", f"{W}instrText"):
        if el.tag == f"{W}fldChar":
            out.append((el.get(f"{W}fldCharType"), ""))
        else:
            out.append(("instr", el.text or ""))
    return out


@pytest.mark.parametrize("profile", PROFILES, ids=["standard", "gronn-sans", "bla-serif"])
@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("kommune", ["aukra", "nordre-land"])
def test_toc_lists_every_heading_of_level_1_and_2_in_order(kommune, lang, profile):
    docx = plan(kommune, lang, profile)
    lines = toc_lines(docx)
    assert lines == headings(docx)
    assert len(lines) >= 8
    text = "\n".join(t for _, t in lines)
    assert "F9" not in text and "Word" not in text, "no placeholder"


def test_word_asks_no_question_when_opening():
    """No ``updateFields`` in the settings, no field marked dirty anywhere."""
    for kommune in ("aukra", "nordre-land", "nes"):
        data = slt_docs.load(ROOT / "examples" / kommune)
        for kind, organ in available_documents(data):
            docx = render(data, kind, organ=organ)
            with zipfile.ZipFile(io.BytesIO(docx)) as z:
                for name in z.namelist():
                    if name.endswith(".xml"):
                        xml = z.read(name)
                        assert b"updateFields" not in xml, (kommune, kind, name)
                        assert b'w:dirty="true"' not in xml, (kommune, kind, name)


def test_toc_is_a_balanced_word_field_that_f9_can_update():
    docx = plan("aukra", "nn")
    body = part(docx, "word/document.xml").find(f"{W}body")
    runs = field_runs(body)
    depth, toc_seen = 0, False
    stack: list[list[str]] = []
    for kind, text in runs:
        if kind == "begin":
            depth += 1
            stack.append([])
        elif kind == "instr":
            stack[-1].append(text)
        elif kind == "separate":
            assert stack, "separate without begin"
        elif kind == "end":
            instruction = "".join(stack.pop()).strip()
            if instruction.startswith("TOC"):
                toc_seen = True
                assert instruction == 'TOC \\o "1-2" \\h \\z \\u'
                assert depth == 1
            depth -= 1
        assert depth >= 0
    assert depth == 0 and toc_seen
    # the order inside the TOC field: begin, instruction, separate, result …, end
    kinds = [k for k, _ in runs]
    first = kinds.index("begin")
    assert kinds[first:first + 3] == ["begin", "instr", "separate"]


def test_entries_link_to_bookmarks_on_their_headings():
    docx = plan("nordre-land", "nb")
    root = part(docx, "word/document.xml")
    body = root.find(f"{W}body")
    marks = {}
    for p in body.iter(f"{W}p"):
        for start in p.findall(f"{W}bookmarkStart"):
            marks[start.get(f"{W}name")] = "".join(t.text or "" for t in p.iter(f"{W}t"))
    ids = [b.get(f"{W}id") for b in body.iter(f"{W}bookmarkStart")]
    assert len(ids) == len(set(ids)), "bookmark ids are unique"
    ends = {b.get(f"{W}id") for b in body.iter(f"{W}bookmarkEnd")}
    assert set(ids) <= ends, "every bookmark is closed"
    links = [(h.get(f"{W}anchor"), "".join(t.text or "" for t in h.iter(f"{W}t")))
             for h in body.iter(f"{W}hyperlink") if h.get(f"{W}anchor")]
    assert len(links) == len(toc_lines(docx))
    for anchor, text in links:
        assert re.fullmatch(r"_Toc\d+", anchor)
        assert marks[anchor].strip() == text.strip()


def test_toc_paragraphs_use_word_toc_styles_with_a_dot_leader_tab():
    docx = plan("aukra", "nb", PROFILES[1])
    doc = Document(io.BytesIO(docx))
    names = {s.name.casefold() for s in doc.styles}
    assert {"toc 1", "toc 2"} <= names
    section = doc.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    for p in doc.paragraphs:
        if re.fullmatch(r"toc \d", p.style.name.casefold()):
            tabs = p._p.xpath("./w:pPr/w:tabs/w:tab")
            assert [(t.get(qn("w:val")), t.get(qn("w:leader"))) for t in tabs] == \
                [("right", "dot")]
            assert int(tabs[0].get(qn("w:pos"))) * 635 == width  # twips → EMU


def test_page_numbers_become_pageref_fields():
    raw = plan("aukra", "nn")
    entries = toc_entries(raw)
    pages = [str(3 + i // 4) for i in range(len(entries))]
    docx = fill_toc(raw, pages)
    lines = toc_lines(docx)
    assert [line.split("\t") for _, line in lines] == \
        [[e.text, p] for e, p in zip(entries, pages, strict=True)]
    body = part(docx, "word/document.xml").find(f"{W}body")
    instr = [t.text.strip() for t in body.iter(f"{W}instrText")]
    assert instr.count('TOC \\o "1-2" \\h \\z \\u') == 1
    assert [i for i in instr if i.startswith("PAGEREF")] == \
        [f"PAGEREF {e.bookmark} \\h" for e in entries]


def test_filling_again_gives_the_same_document():
    """A TOC that spans many paragraphs (as Word writes it, or as we filled
    it) is replaced, not added to; existing ``_Toc`` bookmarks are kept."""
    raw = plan("nordre-land", "nn")
    entries = toc_entries(raw)
    pages = [str(i + 3) for i in range(len(entries))]
    once = fill_toc(raw, pages)
    assert fill_toc(once, pages) == once
    assert fill_toc(fill_toc(raw), pages) == once


def test_match_pages_pairs_by_text_in_order():
    from slt_docs.render.office import TocLine

    entries = [TocEntry(1, "Bakgrunn", "_Toc1"), TocEntry(2, "Arbeidsgrupper", "_Toc2"),
               TocEntry(1, "Mål", "_Toc3"), TocEntry(2, "Arbeidsgrupper", "_Toc4"),
               TocEntry(1, "Ukjent", "_Toc5")]
    lines = [TocLine(1, "Innhald", "2"), TocLine(1, "Bakgrunn", "3"),
             TocLine(2, "Arbeidsgrupper", "4"), TocLine(1, "1 Mål", "5"),
             TocLine(2, "Arbeidsgrupper", "7")]
    assert match_pages(entries, lines) == ["3", "4", "5", "7", None]


def _one_paragraph_docx(body_xml: str) -> bytes:
    document = Document()
    document.add_paragraph("x")
    buf = io.BytesIO()
    document.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    xml = re.sub(r"<w:body>.*?(<w:sectPr)", lambda m: f"<w:body>{body_xml}{m.group(1)}", xml,
                 flags=re.S)
    parts["word/document.xml"] = xml.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


FIELD = ('<w:r><w:t xml:space="preserve">Før </w:t></w:r>'
         '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
         '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>'
         '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
         '<w:r><w:t>Trykk F9</w:t></w:r>'
         '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
         '<w:r><w:t xml:space="preserve"> etter</w:t></w:r>')


def test_a_foreign_template_keeps_its_text_around_the_field_and_its_levels():
    body = (f"<w:p>{FIELD}</w:p>"
            '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>En</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t>Tre</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>To</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:pStyle w:val="Heading4"/></w:pPr><w:r><w:t>Fire</w:t></w:r></w:p>')
    docx = fill_toc(_one_paragraph_docx(body))
    assert toc_lines(docx) == [(1, "Før En"), (3, "Tre"), (2, "To etter")]
    xml = part(docx, "word/document.xml")
    assert not xml.xpath("//w:fldChar[@w:dirty]", namespaces={"w": W[1:-1]})
    names = {s.name.casefold() for s in Document(io.BytesIO(docx)).styles}
    assert {"toc 1", "toc 2", "toc 3"} <= names


def test_a_document_without_headings_keeps_a_balanced_empty_field():
    docx = fill_toc(_one_paragraph_docx(f"<w:p>{FIELD}</w:p><w:p><w:r><w:t>Tekst</w:t></w:r>"
                                        "</w:p>"))
    body = part(docx, "word/document.xml").find(f"{W}body")
    assert [k for k, _ in field_runs(body)] == ["begin", "instr", "separate", "end"]
    assert "Trykk F9" not in "".join(t.text or "" for t in body.iter(f"{W}t"))


def test_a_document_without_a_toc_is_left_as_it_is():
    docx = render(slt_docs.load(ROOT / "examples" / "aukra"), "mandat", organ="koordinerande")
    assert fill_toc(docx) == docx


@pytest.mark.parametrize("profile", PROFILES, ids=["standard", "gronn-sans", "bla-serif"])
@pytest.mark.parametrize("kommune", ["aukra", "nordre-land"])
def test_the_written_toc_adds_no_schema_or_word_rule_problem(kommune, profile, monkeypatch):
    """The filled table of contents (entries, bookmarks, hyperlinks, PAGEREF
    fields, toc styles) validates against the OOXML schemas and Word's own
    rules: whatever the validator reports for the filled document, it
    reports for the document before the TOC was written too."""
    from collections import Counter

    import slt_docs.documents as documents
    from slt_docs.ooxml import validate_docx

    monkeypatch.setattr(documents, "table_of_contents", lambda docx, office, name: docx)
    raw = render(slt_docs.load(ROOT / "examples" / kommune), "handlingsplan", profile=profile)
    entries = toc_entries(fill_toc(raw))
    before = Counter((str(p.fil), p.melding) for p in validate_docx(raw))
    for pages in (None, [str(3 + i // 3) for i in range(len(entries))]):
        after = Counter((str(p.fil), p.melding) for p in validate_docx(fill_toc(raw, pages)))
        assert after - before == Counter(), (after - before)
