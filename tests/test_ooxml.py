"""The OOXML validator (slt_docs.ooxml): each rule catches its class of fault
in a small synthetic .docx, a valid document passes, a hostile file is a
problem and never an exception. That every .docx we write passes is
tests/test_word_grade.py."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from slt_docs.errors import Alvor, Problem
from slt_docs.ooxml import inspect_docx, validate_docx, validate_part
from slt_docs.ooxml.__main__ import main as ooxml_main
from slt_docs.ooxml.schema import SCHEMAS, compiled_schema, driver_schema, xsd_index

ROOT = Path(__file__).resolve().parents[1]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
NS = (f'xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="{WP}" xmlns:mc="{MC}" xmlns:w14="{W14}" '
      f'xmlns:wps="{WPS}" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."

STYLES = f"""<w:styles {NS}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
  <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:link w:val="Heading1Char"/>
  <w:rPr><w:b/><w:smallCaps/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/>
  <w:link w:val="Heading1"/></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
</w:styles>"""

NUMBERING = f"""<w:numbering {NS}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>
  <w:lvlText w:val="-"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""

HEADER = f"""<w:hdr {NS}><w:p><w:r><w:t>Topptekst</w:t></w:r></w:p></w:hdr>"""

SECTION = """<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>
<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>"""


def drawing(ident: int) -> str:
    """An inline picture with ``wp:docPr id``."""
    return f"""<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/>
<wp:docPr id="{ident}" name="Bilde {ident}" descr="Logo"/>
<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">
<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr>
<pic:blipFill><a:blip r:embed="rIdImage"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>
<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></a:xfrm>
<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic>
</wp:inline></w:drawing></w:r>"""


def document(body: str, root_attrs: str = "") -> str:
    return f"<w:document {NS} {root_attrs}><w:body>{body}{SECTION}</w:body></w:document>"


def make_docx(body: str = "<w:p><w:r><w:t>Hei</w:t></w:r></w:p>", *,
              root_attrs: str = "", parts: dict[str, str | bytes] | None = None,
              header: str = HEADER, styles: str = STYLES, numbering: str = NUMBERING,
              extra_rels: str = "", defaults: str = "", drop: tuple[str, ...] = ()) -> bytes:
    """A minimal valid .docx: document, styles, numbering, one header and a
    picture; ``parts`` adds or replaces parts, ``drop`` leaves some out."""
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": f"""<Types
 xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>{defaults}
<Override PartName="/word/document.xml" ContentType="{WML}document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{WML}styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="{WML}numbering+xml"/>
<Override PartName="/word/header1.xml" ContentType="{WML}header+xml"/>
</Types>""",
        "_rels/.rels": f"""<Relationships
 xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/>
</Relationships>""",
        "word/_rels/document.xml.rels": f"""<Relationships
 xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="{REL}styles" Target="styles.xml"/>
<Relationship Id="rIdNumbering" Type="{REL}numbering" Target="numbering.xml"/>
<Relationship Id="rIdHeader" Type="{REL}header" Target="header1.xml"/>
<Relationship Id="rIdImage" Type="{REL}image" Target="media/logo.png"/>
<Relationship Id="rIdLink" Type="{REL}hyperlink" Target="https://example.org"
 TargetMode="External"/>{extra_rels}
</Relationships>""",
        "word/document.xml": document(body, root_attrs),
        "word/styles.xml": styles,
        "word/numbering.xml": numbering,
        "word/header1.xml": header,
        "word/_rels/header1.xml.rels": f"""<Relationships
 xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdImage" Type="{REL}image" Target="media/logo.png"/>
</Relationships>""",
        "word/media/logo.png": b"\x89PNG\r\n\x1a\n",
    }
    files.update(parts or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            if name not in drop:
                z.writestr(name, content.encode() if isinstance(content, str) else content)
    return out.getvalue()


def errors(data: bytes) -> list[Problem]:
    return [p for p in validate_docx(data) if p.is_error]


def only_error(data: bytes) -> Problem:
    found = errors(data)
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


# -- valid documents ---------------------------------------------------------------

def test_a_valid_document_passes():
    body = ('<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/>'
            '<w:numId w:val="1"/></w:numPr></w:pPr>'
            '<w:bookmarkStart w:id="0" w:name="start"/>'
            '<w:r><w:rPr><w:rStyle w:val="Heading1Char"/><w:b/><w:sz w:val="24"/></w:rPr>'
            '<w:t>Overskrift</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>'
            '<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>Lenke</w:t></w:r></w:hyperlink></w:p>'
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
            f'<w:p>{drawing(1)}</w:p>'
            '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr>'
            '<w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>'
            '<w:tr><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:vMerge w:val="restart"/>'
            '<w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/></w:tcPr>'
            '<w:p/></w:tc></w:tr></w:tbl>')
    header = HEADER.replace("</w:p>", f"{drawing(2)}</w:p>")
    report = inspect_docx(make_docx(body, header=header))
    assert report.findings == ()
    assert {"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml",
            "[Content_Types].xml", "_rels/.rels",
            "word/_rels/document.xml.rels"} <= set(report.validated)


def test_python_docx_blank_document_has_only_the_zoom_error():
    """The README's known case: python-docx's default template lacks w:percent."""
    out = io.BytesIO()
    Document().save(out)
    problem = only_error(out.getvalue())
    assert problem.fil == Path("word/settings.xml")
    assert problem.sti == "/w:settings/w:zoom"
    assert problem.melding == "w:zoom mangler attributtet w:percent, som er påkrevd"


# -- the schema, in Norwegian --------------------------------------------------------

def _cell(tc_pr: str) -> str:
    return ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            '<w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>'
            '<w:tr><w:tc><w:tcPr>' + tc_pr + '</w:tcPr><w:p/></w:tc></w:tr>'
            '<w:tr><w:tc><w:tcPr>' + tc_pr + '</w:tcPr><w:p/></w:tc></w:tr></w:tbl>')


def test_wrong_child_order_in_tcpr_names_the_order():
    body = _cell('<w:shd w:val="clear" w:fill="EEEEEE"/><w:vMerge/>')
    found = errors(make_docx(body))
    assert len(found) == 2
    first = found[0]
    assert first.fil == Path("word/document.xml")
    assert first.sti == "/w:document/w:body/w:tbl/w:tr[1]/w:tc/w:tcPr/w:vMerge"
    assert first.melding.startswith("w:vMerge står etter w:shd; forventet rekkefølge: "
                                    "w:cnfStyle, w:tcW, w:gridSpan, w:hMerge, w:vMerge, "
                                    "w:tcBorders, w:shd, w:noWrap")
    assert found[1].sti == "/w:document/w:body/w:tbl/w:tr[2]/w:tc/w:tcPr/w:vMerge"


def test_second_tbllayout():
    body = ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0"/><w:tblLayout w:type="fixed"/></w:tblPr>'
            '<w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>'
            '<w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>')
    problem = only_error(make_docx(body))
    assert problem.sti == "/w:document/w:body/w:tbl/w:tblPr/w:tblLayout[2]"
    assert problem.melding.startswith("w:tblLayout står to ganger i w:tblPr (bare én er "
                                      "tillatt); forventet rekkefølge: w:tblStyle,")


def test_unknown_element_lists_what_is_allowed():
    problem = only_error(make_docx("<w:p><w:pPr><w:hyphen/></w:pPr></w:p>"))
    assert problem.sti == "/w:document/w:body/w:p/w:pPr/w:hyphen"
    assert problem.melding.startswith("w:hyphen er ikke tillatt i w:pPr; tillatt innhold: "
                                      "w:pStyle, w:keepNext,")


def test_missing_attribute_and_bad_value():
    found = errors(make_docx('<w:p><w:pPr><w:ind w:left="x"/><w:jc w:val="venstre"/>'
                             '</w:pPr></w:p>'))
    messages = [p.melding for p in found]
    assert messages[0].startswith("verdien «x» i w:left på w:ind er ugyldig")
    assert messages[1].startswith("verdien «venstre» i w:val på w:jc er ikke tillatt; "
                                  "tillatte verdier: start, center,")
    assert len(found) == 2  # lxml's second message for the same value is folded in


def test_validate_part_alone():
    xml = f'<w:settings {NS}><w:zoom/></w:settings>'.encode()
    problems = validate_part("word/settings.xml", xml, WML + "settings+xml")
    assert [(p.fil, p.sti) for p in problems] == [(Path("word/settings.xml"),
                                                   "/w:settings/w:zoom")]
    wrong = validate_part("word/settings.xml", xml, WML + "styles+xml")
    assert "rotelementet er w:settings; forventet w:styles" in wrong[0].melding


# -- Markup Compatibility ------------------------------------------------------------

def test_ignorable_namespaces_are_removed_before_validation():
    body = ('<w:p w14:paraId="12345678" w14:textId="77777777"><w:r><w:rPr><w:b/>'
            '<w14:ligatures w14:val="standard"/></w:rPr><w:t>Hei</w:t></w:r></w:p>')
    assert errors(make_docx(body, root_attrs='mc:Ignorable="w14"')) == []
    found = errors(make_docx(body))  # the same without mc:Ignorable: Word refuses it
    assert [p.sti for p in found] == ["/w:document/w:body/w:p", "/w:document/w:body/w:p",
                                      "/w:document/w:body/w:p/w:r/w:rPr/w14:ligatures"]
    assert "w14:paraId" in found[0].melding and "mc:Ignorable" in found[0].melding


def test_alternate_content_takes_the_first_understood_choice():
    def alternate(choice_requires: str, choice: str, fallback: str) -> str:
        return (f'<w:p><w:r><mc:AlternateContent><mc:Choice Requires="{choice_requires}">'
                f'{choice}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback>'
                '</mc:AlternateContent></w:r></w:p>')

    good = "<w:t>ok</w:t>"
    bad = "<w:nonsense/>"
    # wps is not understood: the Fallback is taken (and the Choice not looked at)
    assert errors(make_docx(alternate("wps", "<wps:wsp/>", good))) == []
    problem = only_error(make_docx(alternate("wps", "<wps:wsp/>", bad)))
    assert problem.sti == "/w:document/w:body/w:p/w:r/w:nonsense"
    # w is understood: the Choice is taken, the Fallback dropped
    assert errors(make_docx(alternate("w", good, bad))) == []
    assert only_error(make_docx(alternate("w", bad, good))).sti.endswith("/w:r/w:nonsense")


def test_process_content_keeps_the_children_of_an_ignored_element():
    body = ('<w:p><w14:wrapper><w:r><w:t>inni</w:t></w:r></w14:wrapper></w:p>'
            '<w:p><w14:wrapper><w:r><w:bad/></w:r></w14:wrapper></w:p>')
    kept = make_docx(body, root_attrs='mc:Ignorable="w14" mc:ProcessContent="w14:wrapper"')
    assert only_error(kept).sti == "/w:document/w:body/w:p[2]/w:r/w:bad"
    dropped = make_docx(body, root_attrs='mc:Ignorable="w14"')
    assert errors(dropped) == []


def test_must_understand_an_unknown_namespace_is_an_error():
    problem = only_error(make_docx(root_attrs='mc:MustUnderstand="w14"'))
    assert problem.sti == "/w:document"
    assert "mc:MustUnderstand krever navnerommet " + W14 in problem.melding
    assert errors(make_docx(root_attrs='mc:MustUnderstand="w"')) == []


# -- Word's rules --------------------------------------------------------------------

def test_docpr_id_repeated_across_body_and_header():
    header = HEADER.replace("</w:p>", f"{drawing(1)}</w:p>")
    problem = only_error(make_docx(f"<w:p>{drawing(1)}</w:p>", header=header))
    assert problem.fil == Path("word/header1.xml")
    assert problem.sti == "/w:hdr/w:p/w:r[2]/w:drawing/wp:inline/wp:docPr"
    assert problem.melding.startswith('wp:docPr id="1" er brukt før (word/document.xml, '
                                      '/w:document/w:body/w:p/w:r/w:drawing/wp:inline/wp:docPr)')


def test_dangling_relationship_id_wrong_type_and_missing_target():
    body = ('<w:p><w:hyperlink r:id="rId99"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>'
            '<w:p><w:hyperlink r:id="rIdImage"><w:r><w:t>y</w:t></w:r></w:hyperlink></w:p>')
    found = errors(make_docx(body, drop=("word/media/logo.png",)))
    assert [(str(p.fil), p.sti) for p in found] == [
        ("word/_rels/document.xml.rels", "/Relationships/Relationship[4]"),
        ("word/document.xml", "/w:document/w:body/w:p[1]/w:hyperlink"),
        ("word/document.xml", "/w:document/w:body/w:p[2]/w:hyperlink"),
        ("word/_rels/header1.xml.rels", "/Relationships/Relationship"),
    ]
    messages = sorted(p.melding for p in found)
    assert ('r:id="rId99" på w:hyperlink finnes ikke i word/_rels/document.xml.rels'
            in messages)
    assert any(m.startswith('r:id="rIdImage" på w:hyperlink viser til en relasjon av typen '
                            f'{REL}image; forventet {REL}hyperlink') for m in messages)
    assert messages.count("relasjonen rIdImage (image) viser til word/media/logo.png, som "
                          "ikke finnes i pakken") == 2


def test_every_part_needs_a_content_type():
    data = make_docx(parts={"word/media/extra.gif": b"GIF89a"})
    problem = only_error(data)
    assert problem.fil == Path("word/media/extra.gif")
    assert '<Default Extension="gif">' in problem.melding
    assert errors(make_docx(parts={"word/media/extra.gif": b"GIF89a"},
                            defaults='<Default Extension="gif" ContentType="image/gif"/>')) == []


@pytest.mark.parametrize(("body", "message"), [
    ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
     '<w:r><w:instrText> PAGE </w:instrText></w:r></w:p>',
     "feltet som begynner her (w:fldChar «begin») avsluttes aldri"),
    ('<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
     "w:fldChar «end» uten en «begin» foran"),
    ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:fldChar '
     'w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
     '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
     "feltet har to w:fldChar «separate»"),
])
def test_unbalanced_complex_fields(body, message):
    assert only_error(make_docx(body)).melding.startswith(message)


def test_nested_fields_across_paragraphs_are_balanced():
    def chars(*kinds: str) -> str:
        return "".join(f'<w:r><w:fldChar w:fldCharType="{k}"/></w:r>' for k in kinds)
    body = (f"<w:p>{chars('begin', 'begin', 'separate')}</w:p>"
            f"<w:p>{chars('end', 'separate')}</w:p><w:p>{chars('end')}</w:p>")
    assert errors(make_docx(body)) == []


def test_style_references_exist_and_have_the_right_type():
    body = ('<w:p><w:pPr><w:pStyle w:val="Overskrift1"/></w:pPr></w:p>'
            '<w:p><w:r><w:rPr><w:rStyle w:val="Heading1"/></w:rPr></w:r></w:p>')
    styles = STYLES.replace('<w:basedOn w:val="Normal"/>', '<w:basedOn w:val="Finnesikke"/>')
    found = errors(make_docx(body, styles=styles))
    assert [p.melding for p in found] == [
        "w:pStyle viser til stilen «Overskrift1», som ikke finnes i word/styles.xml",
        "w:rStyle viser til «Heading1», som er en avsnittsstil; forventet en tegnstil",
        "w:basedOn viser til stilen «Finnesikke», som ikke finnes i word/styles.xml",
    ]
    assert found[2].sti == "/w:styles/w:style[2]/w:basedOn"


def test_numbering_references_exist():
    body = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr></w:p>'
            '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr></w:p>')
    numbering = NUMBERING.replace('<w:abstractNumId w:val="0"/>', '<w:abstractNumId w:val="3"/>')
    found = errors(make_docx(body, numbering=numbering))
    assert [(str(p.fil), p.melding) for p in found] == [
        ("word/numbering.xml", "w:num 1 viser til w:abstractNum 3, som ikke finnes"),
        ("word/document.xml", "w:numId 7 finnes ikke som w:num i word/numbering.xml"),
    ]


def test_bookmarks_pair_up():
    body = ('<w:p><w:bookmarkStart w:id="1" w:name="a"/><w:bookmarkEnd w:id="2"/></w:p>')
    messages = sorted(p.melding for p in errors(make_docx(body)))
    assert messages == ['bokmerket «a» (w:id="1") har ingen w:bookmarkEnd',
                        'w:bookmarkEnd med w:id="2" har ingen w:bookmarkStart']


def test_run_properties_in_eg_rprbase_order():
    body = ('<w:p><w:pPr><w:rPr><w:sz w:val="20"/><w:b/></w:rPr></w:pPr>'
            '<w:r><w:rPr><w:b/><w:sz w:val="20"/><w:smallCaps/></w:rPr><w:t>x</w:t></w:r></w:p>')
    styles = STYLES.replace("<w:b/><w:smallCaps/><w:sz", "<w:smallCaps/><w:b/><w:b/><w:sz")
    found = errors(make_docx(body, styles=styles))
    listing = [(str(p.fil), p.sti, p.melding.split(";")[0]) for p in found]
    assert listing == [
        ("word/document.xml", "/w:document/w:body/w:p/w:pPr/w:rPr/w:b",
         "w:b står etter w:sz"),
        ("word/document.xml", "/w:document/w:body/w:p/w:r/w:rPr/w:smallCaps",
         "w:smallCaps står etter w:sz"),
        ("word/styles.xml", "/w:styles/w:style[2]/w:rPr/w:b[1]", "w:b står etter w:smallCaps"),
        ("word/styles.xml", "/w:styles/w:style[2]/w:rPr/w:b[2]", "w:b står to ganger i w:rPr"),
    ]
    assert "forventet rekkefølge (EG_RPrBase): w:rStyle, w:rFonts, w:b, w:bCs, w:i" \
        in found[0].melding


def test_run_property_order_comes_from_wml_xsd():
    """Not hard-coded: the order is EG_RPrBase's in the bundled wml.xsd."""
    order = [local for _ns, local in xsd_index().group_order((W, "EG_RPrBase"))]
    text = (SCHEMAS / "transitional" / "wml.xsd").read_text(encoding="utf-8")
    group = text[text.index('<xsd:group name="EG_RPrBase">'):]
    group = group[:group.index("</xsd:group>")]
    assert order == [line.split('name="')[1].split('"')[0]
                     for line in group.splitlines() if "<xsd:element" in line]
    assert order[:4] == ["rStyle", "rFonts", "b", "bCs"] and len(order) == 39


# -- bad and hostile input -------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x03\x04" + b"\x00" * 40])
def test_a_broken_zip_is_a_problem_not_an_exception(data):
    problems = validate_docx(data)
    assert len(problems) == 1 and problems[0].is_error
    assert "zip" in problems[0].melding


def test_broken_xml_and_doctype_are_problems():
    broken = make_docx(parts={"word/document.xml": "<w:document><w:body>"})
    problem = next(p for p in errors(broken) if p.fil == Path("word/document.xml"))
    assert problem.melding.startswith("ugyldig XML")
    doctype = make_docx(parts={"word/styles.xml": '<!DOCTYPE x [<!ENTITY e "e">]>' + STYLES})
    assert any("<!DOCTYPE>" in p.melding for p in errors(doctype))


def test_damaged_parts_never_raise():
    """Every part of a valid file cut short or with bytes flipped: problems, no exception."""
    import random

    valid = make_docx(f"<w:p>{drawing(1)}</w:p>")
    with zipfile.ZipFile(io.BytesIO(valid)) as z:
        files = {n: z.read(n) for n in z.namelist()}
    rng = random.Random(8)
    for name in files:
        for _ in range(6):
            blob = bytearray(files[name])
            if rng.random() < 0.3:
                blob = blob[: rng.randrange(len(blob) + 1)]
            else:
                for _ in range(3):
                    blob[rng.randrange(len(blob))] = rng.choice(b'<>/"=:x \x00\xff')
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w") as z:
                for other, content in files.items():
                    z.writestr(other, bytes(blob) if other == name else content)
            assert all(isinstance(p, Problem) for p in validate_docx(out.getvalue()))
    assert all(isinstance(p, Problem) for p in validate_docx(valid[: len(valid) // 2]))


def test_missing_main_document_and_content_types():
    problems = errors(make_docx(drop=("[Content_Types].xml", "_rels/.rels")))
    messages = [p.melding for p in problems]
    assert "pakken mangler [Content_Types].xml (innholdstypene)" in messages
    assert any(m.startswith("pakken har ingen relasjon «officeDocument»") for m in messages)


def test_unknown_part_kinds_are_named_not_silently_skipped():
    people = ('<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
              '</w15:people>')
    problems = validate_docx(make_docx(parts={"word/people.xml": people}))
    assert [(p.alvor, str(p.fil)) for p in problems] == [(Alvor.advarsel, "word/people.xml")]
    assert "ikke validert" in problems[0].melding


# -- the schemas ----------------------------------------------------------------------

def test_schemas_are_bundled_and_imported_locally():
    driver = driver_schema().decode()
    locations = [part.split('"')[0] for part in driver.split('schemaLocation="')[1:]]
    assert locations and all(loc.startswith(SCHEMAS.as_uri() + "/") for loc in locations)
    assert (SCHEMAS / "README.md").is_file()
    assert compiled_schema() is compiled_schema()  # compiled once per process
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"slt_docs.ooxml"' in pyproject and "schemas/" in pyproject


def test_command_line_tool(tmp_path, capsys):
    good = tmp_path / "god.docx"
    good.write_bytes(make_docx())
    bad = tmp_path / "feil.docx"
    bad.write_bytes(make_docx(_cell('<w:shd w:val="clear" w:fill="EEEEEE"/><w:vMerge/>')))
    assert ooxml_main([str(good)]) == 0
    assert "0 feil" in capsys.readouterr().out
    assert ooxml_main([str(good), str(bad)]) == 2
    out = capsys.readouterr().out
    assert "feil.docx: word/document.xml:" in out and "w:vMerge står etter w:shd" in out
    assert ooxml_main([str(tmp_path / "finnes-ikke.docx")]) == 2
    assert "kan ikke lese fila" in capsys.readouterr().err
