"""Rendering the examples: content, structure and language of the documents.

The regression fixtures (tests/test_render/*.yml) hold a readable outline of
every example × language × document: headings with levels, paragraphs, list
items and every table cell with its merge span. Review changes to them as code.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from functools import cache
from pathlib import Path

import pytest
from docx import Document

import slt_docs
from slt_docs.documents import available_documents, render
from slt_docs.errors import SltError
from slt_docs.render.extract import headings, outline, plain_text
from slt_docs.render.html_extract import html_outline
from slt_docs.view.tiltak import tidspunkt_lines

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@cache
def data(kommune: str) -> slt_docs.SltData:
    return slt_docs.load(EXAMPLES / kommune)


@cache
def rendered(kommune: str, kind: str, lang: str, organ: str | None = None) -> bytes:
    return render(data(kommune), kind, lang=lang, organ=organ)


KOMMUNER = ("aukra", "nordre-land", "nes", "bjornafjorden")
CASES = [
    (kommune, kind.value, organ)
    for kommune in KOMMUNER
    for kind, organ in available_documents(slt_docs.load(EXAMPLES / kommune))
]


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(("kommune", "kind", "organ"), CASES)
def test_outline_regression(kommune, kind, organ, lang, data_regression):
    """The readable outline of every example document in both languages."""
    docx = rendered(kommune, kind, lang, organ)
    name = f"{kommune}-{kind}{'-' + organ if organ else ''}-{lang}"
    data_regression.check(outline(docx), basename=name)


def page_day(kommune: str) -> dt.date:
    """A fixed day for the page's next meetings: 1 May of the møteplan's year."""
    plan = data(kommune).moteplan
    return dt.date(plan.aar if plan else 2022, 5, 1)


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("kommune", KOMMUNER)
def test_page_outline_regression(kommune, lang, data_regression):
    """The readable outline of every example's web page in both languages."""
    page = render(data(kommune), "nettside", lang=lang, dato=page_day(kommune))
    data_regression.check(html_outline(page), basename=f"{kommune}-nettside-{lang}")


def test_all_nordre_land_tiltak_in_their_rows_with_ansvar():
    doc = Document(io.BytesIO(rendered("nordre-land", "handlingsplan", "nb")))
    table = doc.tables[-1]
    rows = [[c.text.strip() for c in r.cells] for r in table.rows]
    assert rows[0] == ["Tiltak", "Ansvar"]
    plan = data("nordre-land").handlingsplan
    assert len(plan.tiltak) == 16
    assert len(rows) == 17
    for row, tiltak in zip(rows[1:], plan.tiltak, strict=True):
        assert row[0].startswith(tiltak.tittel)
        assert row[1] == ", ".join(tiltak.ansvar)
        for point in tiltak.punkter:
            assert point in row[0]
    assert rows[11][1] == "Skole"
    assert rows[3][1] == "Skolen, koordineringsgruppa, SLT, rådgiver 0-24"


def _tables(docx: bytes) -> list[dict]:
    return [i["tabell"] for i in outline(docx)["innhold"] if "tabell" in i]


def _tiltak_tables(docx: bytes) -> list[dict]:
    """The tiltak tables: a column headed «TILTAK» in one of the first two
    rows (the follow-up's status tables come after them)."""
    return [t for t in _tables(docx) if any("TILTAK" in r for r in t["rader"][:2])]


def test_all_aukra_tiltak_numbered_with_ansvar_and_merged_delmaal():
    """One table per delmål, its header row naming it (the plan's own column
    heading with the delmål's number) and repeated on every page, the
    delmål's text merged down its first column: the delmål's heading, stated
    once (no heading of its own above the table)."""
    docx = rendered("aukra", "handlingsplan", "nn")
    tables = _tiltak_tables(docx)
    plan = data("aukra").handlingsplan
    numbers = []
    for n, (table, delmaal) in enumerate(zip(tables, plan.delmaal, strict=True), start=1):
        rows = table["rader"]
        # the plan's own column headings, as written
        assert rows[0] == [f"SLIK GJER VI DET (DELMÅL): {n}", "TILTAK", "ANSVAR", "TIDSPUNKT"]
        assert table["overskriftsrader"] == 1
        assert rows[1][0]["rader"] == len(delmaal.tiltak) == len(rows) - 1
        assert rows[1][0]["tekst"].startswith(f"## {n}. {delmaal.tittel}")
        for row, tiltak in zip(rows[1:], delmaal.tiltak, strict=True):
            cells = row[1:] if len(row) == 4 else row
            numbers.append(cells[0].split(" ", 1)[0])
            assert cells[0].split("\n")[0] == f"{numbers[-1]} {tiltak.tittel}"
            assert cells[1].split("\n") == list(tiltak.ansvar)
    # the adopted numbers: 1.3 twice, the tiltak after it counting on from it
    expected = ["1.1", "1.2", "1.3", "1.3", "1.4", "1.5", "1.6",
                *(f"{d}.{t}" for d, n in ((2, 5), (3, 4), (4, 4)) for t in range(1, n + 1))]
    assert numbers == expected
    goal = "2. Vidareutvikle eit trygt og inkluderande miljø for barn og unge (byggande)"
    assert (2, goal) in headings(docx)
    assert {"h2": goal} not in outline(docx)["innhold"], "the delmål stands once"


def test_time_ranges_are_plain_text_on_a_line_of_their_own():
    """In the narrow "when" column the time starts a new line (a line break
    in Word), so the range is never split at its dash, and the text is the
    plain range a reader searches for: no invisible characters."""
    docx = rendered("aukra", "handlingsplan", "nn")
    text = plain_text(docx)
    assert "fr. 4. mars\nkl.\u00a013.00–15.00" in text
    assert "13.00–15.00" in text
    assert not re.search("[\u200b-\u200d\u2060\ufeff\u00ad]", text)
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        xml = z.read("word/document.xml").decode()
    assert '<w:t xml:space="preserve">fr. 4. mars</w:t><w:br/>' in xml


def test_tidspunkt_come_from_the_moteplan():
    text = plain_text(rendered("aukra", "handlingsplan", "nn"))
    for line in ("fr. 4. mars\nkl.\u00a013.00–15.00", "ty. 13. desember\nkl.\u00a013.00–15.00",
                 "on. 30. november\nkl.\u00a008.20–12.20", "ty. 25. januar\nkl.\u00a013.00–15.00",
                 "SLT-seminar: on. 26. oktober\nkl.\u00a014.00–18.00"):
        assert line in text
    nb = plain_text(rendered("aukra", "handlingsplan", "nb"))
    assert "ti. 25. januar\nkl.\u00a013.00–15.00" in nb


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_own_tidspunkt_text_is_printed_as_written(lang):
    """Aukra's "Pågåande arbeid gjennom heile året" (eight tiltak, with and
    without a full stop, as in the adopted plan) is never replaced by our
    "Heile året"."""
    lines = plain_text(rendered("aukra", "handlingsplan", lang)).splitlines()
    assert lines.count("Pågåande arbeid gjennom heile året.") == 5
    assert lines.count("Pågåande arbeid gjennom heile året") == 4  # 3.3 and the merged 3.4
    assert "Heile året" not in lines and "Hele året" not in lines


def test_generated_tidspunkt_and_own_text_beside_it():
    raw = {
        "kommune": {"navn": "Testvik", "spraak": "nn"},
        "organisasjon": {"nivaa": [{"type": "styrende", "navn": "Politirådet"}]},
        "moteplan": {"aar": 2024, "moter": [
            {"organ": "politiradet", "dato": "2024-03-05", "tid": "13.00-15.00"}]},
        "handlingsplan": {"tittel": "Plan", "periode": 2024, "tiltak": [
            {"tittel": "Heile året", "ansvar": ["SLT"], "tidspunkt": [{"hele_aaret": True}]},
            {"tittel": "Tekst og møte", "ansvar": ["SLT"],
             "tidspunkt": [{"tekst": "Fire gonger i året", "moter": "politiradet"}]},
        ]},
    }
    data_ = slt_docs.load_dict(raw)
    plan = data_.handlingsplan
    nn, nb = slt_docs.get_language("nn"), slt_docs.get_language("nb")
    assert tidspunkt_lines(plan.tiltak[0].tidspunkt, data_, nn) == ["Heile året"]
    assert tidspunkt_lines(plan.tiltak[0].tidspunkt, data_, nb) == ["Hele året"]
    lines = tidspunkt_lines(plan.tiltak[1].tidspunkt, data_, nn)
    assert lines == ["Fire gonger i året", "ty. 5. mars\nkl.\u00a013.00–15.00"]


NN_ONLY = ["Innhald", "Deltakarar", "Føresetnad", "Møteverksemd", "Styrande nivå",
           "Koordinerande nivå", "Oppgåver", "Søknader om tilskot", "Søkjar"]
NB_ONLY = ["Innhold", "Deltakere", "Forutsetning", "Møtevirksomhet", "Styrende nivå",
           "Koordinerende nivå", "Oppgaver", "Søknader om tilskudd", "Søker"]


def _without_own_labels(kommune: str) -> slt_docs.SltData:
    """The example with the kommune's own headings and labels taken out, so
    that our fixed words show."""
    import attrs

    d = data(kommune)
    org = d.organisasjon
    return attrs.evolve(
        d, handlingsplan=attrs.evolve(d.handlingsplan, etiketter={}),
        organisasjon=attrs.evolve(org, nivaa=tuple(
            attrs.evolve(n, etiketter={}, overskrift=None,
                         grupper=tuple(attrs.evolve(g, etiketter={}) for g in n.grupper))
            for n in org.nivaa)))


def _fixed_words(kommune: str, lang: str) -> str:
    return plain_text(render(_without_own_labels(kommune), "handlingsplan", lang=lang))


def test_nynorsk_and_bokmaal_fixed_words():
    nn = _fixed_words("aukra", "nn")
    nb = _fixed_words("aukra", "nb")
    for word in NN_ONLY:
        assert re.search(rf"\b{word}\b", nn), word
        assert not re.search(rf"\b{word}\b", nb), word
    for word in NB_ONLY:
        assert re.search(rf"\b{word}\b", nb), word
        assert not re.search(rf"\b{word}\b", nn), word


def test_own_labels_are_the_same_in_both_languages():
    """The kommune's own headings are its words: never translated."""
    for lang in ("nb", "nn"):
        text = plain_text(rendered("aukra", "handlingsplan", lang)).splitlines()
        for own in ("Innhald:", "BAKGRUNN", "MÅL MED SLT", "SLT-MODELLEN – ORGANISERING",
                    "DET UTFØRANDE NIVÅET = JOBBER DIREKTE MED BARN OG UNGE",
                    "SLIK VIL VI HA DET (MÅL): FØREBYGGE RUS OG KRIMINALITET KRING BARN OG UNGE",
                    "SLIK GJER VI DET (DELMÅL): 2",  # the column heading with the delmål
                    "Deltakarar i “Ung i Aukra”",
                    "Mandat for “Ung i Aukra” gruppa", "Mandat generelt",
                    "Søknad om tilskot til førebygging av utanforskap (2021):",
                    "SLT-koordinator har følgjande oppgåver:"):
            assert own in text, (lang, own)


def test_bokmaal_plan_has_no_nynorsk_fixed_words():
    nb = _fixed_words("nordre-land", "nb")
    for word in ("Innhald", "Deltakarar", "Føresetnad", "Møteverksemd", "Oppgåver", "Heile"):
        assert word not in nb


def test_languages_differ_only_in_fixed_words():
    """The kommune's own text is never translated: every paragraph of the
    nynorsk rendering that is kommune text appears unchanged in bokmål."""
    plan = data("aukra").handlingsplan
    nb = plain_text(rendered("aukra", "handlingsplan", "nb"))
    nn = plain_text(rendered("aukra", "handlingsplan", "nn"))
    own = [plan.visjon, plan.tittel, *(t.tittel for d in plan.delmaal for t in d.tiltak),
           *(p for d in plan.delmaal for t in d.tiltak for p in t.punkter)]
    for text in own:
        assert text in nb and text in nn


def test_document_properties_and_language():
    doc = Document(io.BytesIO(rendered("aukra", "handlingsplan", "nn")))
    props = doc.core_properties
    assert props.title == "SLT Handlingsplan 2022"
    assert props.author == "Aukra kommune"
    assert props.language == "nn-NO"
    assert "Samordning av lokale rus- og kriminalitetsførebyggjande tiltak" in props.subject
    langs = doc.styles.element.xpath("//w:docDefaults//w:lang/@w:val")
    assert langs == ["nn-NO"]
    nb = Document(io.BytesIO(rendered("aukra", "handlingsplan", "nb")))
    assert nb.core_properties.language == "nb-NO"
    assert nb.styles.element.xpath("//w:docDefaults//w:lang/@w:val") == ["nb-NO"]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_automatic_hyphenation_in_the_document_language_and_no_question(lang):
    doc = Document(io.BytesIO(rendered("aukra", "tiltak", lang)))
    settings = doc.settings.element
    assert settings.xpath("w:autoHyphenation")
    assert settings.xpath("w:autoHyphenation/@w:val") in ([], ["true"], ["1"])
    assert not settings.xpath("w:updateFields")
    assert doc.styles.element.xpath("//w:docDefaults//w:lang/@w:val") == [f"{lang}-NO"]
    heading = doc.styles["Heading 1"].element
    assert heading.xpath("w:pPr/w:suppressAutoHyphens"), "headings are not hyphenated"


def test_headings_use_real_heading_styles():
    doc = Document(io.BytesIO(rendered("nordre-land", "handlingsplan", "nb")))
    headings = [(p.style.name, p.text) for p in doc.paragraphs
                if p.style.name.startswith("Heading")]
    assert ("Heading 1", "Bakgrunn") in headings
    assert ("Heading 1", "Organisering") in headings
    assert ("Heading 1", "Mål for SLT i Nordre Land:") in headings
    assert ("Heading 2", "Målgruppe for perioden:") in headings
    assert ("Heading 2", "Styringsgruppe/politiråd") in headings
    assert ("Heading 2", "Det utførende nivå") in headings
    assert ("Heading 2", "SLT koordinator sin rolle") in headings
    assert ("Heading 2", "Møtehyppighet:") in headings
    assert ("Heading 1", "Gjennomføring/konkrete tiltak 2022 – 2025.") in headings
    assert ("Heading 1", "Oppfølging/evaluering:") in headings
    bullets = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert bullets, "lists must be real bulleted paragraphs"
    numbering = doc.part.numbering_part.element
    assert numbering.xpath("//w:numFmt[@w:val='bullet']")


def test_table_header_rows_repeat_and_only_short_rows_are_kept_whole():
    doc = Document(io.BytesIO(rendered("aukra", "handlingsplan", "nn")))
    for table in doc.tables:
        first = table.rows[0]._tr
        assert first.xpath("./w:trPr/w:tblHeader") and first.xpath("./w:trPr/w:cantSplit")
    plan = data("aukra").handlingsplan
    tables = [t for t in doc.tables if t.rows[0].cells[1].text == "TILTAK"]
    assert len(tables) == len(plan.delmaal)
    kept = [bool(r._tr.xpath("./w:trPr/w:cantSplit")) for t in tables for r in t.rows[1:]]
    points = [len(t.punkter) for d in plan.delmaal for t in d.tiltak]
    assert len(kept) == len(points)
    long_rows = [k for k, n in zip(kept, points, strict=True) if n >= 8]
    assert long_rows and not any(long_rows), "a long tiltak may continue on the next page"
    assert any(kept), "short rows stay on one page"


def test_same_input_same_bytes():
    a = render(data("aukra"), "handlingsplan")
    b = render(slt_docs.load(EXAMPLES / "aukra"), "handlingsplan")
    assert a == b
    with zipfile.ZipFile(io.BytesIO(a)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert z.namelist()[0] == "[Content_Types].xml"


def test_section_without_data_is_left_out():
    base = data("nordre-land")
    text = plain_text(rendered("nordre-land", "handlingsplan", "nb"))
    assert "Tilbakeblikk" not in text
    assert "Visjon" not in text
    assert "Strategimål" not in text
    assert base.handlingsplan.tilbakeblikk is None


def test_kommune_text_prints_literally(tmp_path):
    raw = {
        "kommune": {"navn": "Testvik", "spraak": "nb"},
        "organisasjon": {"nivaa": [{"type": "styrende", "navn": "Råd & <utvalg>"}]},
        "handlingsplan": {
            "tittel": "Plan {{ 7*7 }} & <b>fet</b>",
            "periode": 2024,
            "visjon": "A & B < C {% if %} {{ x }}",
            "tiltak": [{"tittel": "Tiltak med & og <", "ansvar": ["{{ ansvar }}"]}],
        },
    }
    docx = render(slt_docs.load_dict(raw), "handlingsplan")
    text = plain_text(docx)
    assert "Plan {{ 7*7 }} & <b>fet</b>" in text
    assert "A & B < C {% if %} {{ x }}" in text
    assert "Tiltak med & og <" in text
    assert "{{ ansvar }}" in text
    assert "49" not in text
    Document(io.BytesIO(docx))  # still a valid document


def test_table_shape_by_option():
    with pytest.raises(SltError, match="krever at tiltakene står under delmål"):
        render(data("nordre-land"), "handlingsplan", form="full")
    docx = render(data("aukra"), "handlingsplan", form="enkel", lang="nb")
    simple = _tiltak_tables(docx)[0]
    rows = simple["rader"]
    # the delmål's heading before its table, its number in the repeated header
    items = outline(docx)["innhold"]
    before = items[items.index({"tabell": simple}) - 1]
    assert before == {"h2": "1. Sikre tett samarbeid og oppdatert kunnskap om "
                            "oppvekstmiljøet og kriminalitetsbildet (generelt)"}
    assert rows[0] == [{"tekst": "SLIK GJER VI DET (DELMÅL): 1", "kolonner": 2}]
    assert rows[1] == ["TILTAK", "ANSVAR"]  # Aukra's own column headings
    assert simple["overskriftsrader"] == 2, "the delmål row repeats with the column headings"


def test_mandat_by_level_kind_in_both_languages_and_by_name():
    for ref in ("koordinerande", "koordinerende", "Koordineringsgruppa"):
        text = plain_text(render(data("aukra"), "mandat", organ=ref))
        assert "Mandat for Koordineringsgruppa" in text
        assert "Nivå: Koordinerande nivå" in text
        assert "Fatte slutningar, sette inn tiltak og koordinere innsatsen på tvers av tenestene." \
            in text
        assert "Leiande helsesjukepleiar" in text
    text = plain_text(render(data("nordre-land"), "mandat", organ="styrende"))
    assert "Styrende nivå" in text and "Ordfører" in text


def test_mandat_for_unknown_body_is_a_clear_error():
    with pytest.raises(SltError, match="finner ikke organet «bystyret»"):
        render(data("aukra"), "mandat", organ="bystyret")


def test_tiltak_document_for_chosen_delmaal():
    text = plain_text(render(data("aukra"), "tiltak", delmaal=(2,)))
    assert "2.1 Kontakt med lag/foreiningar/frivillige" in text
    assert "1.1 Ungdata" not in text
    assert "3.1" not in text


def test_logo_has_alt_text(tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 20), (31, 56, 100)).save(tmp_path / "logo.png")
    (tmp_path / "data.yaml").write_text(
        "kommune: {navn: Testvik, spraak: nn, logo: logo.png}\n"
        "organisasjon: {}\n"
        "handlingsplan: {tittel: Plan, periode: 2024}\n", encoding="utf-8")
    docx = render(tmp_path, "handlingsplan")
    doc = Document(io.BytesIO(docx))
    descr = doc.element.body.xpath(".//wp:docPr/@descr")
    assert descr == ["Logoen til Testvik kommune"]


def test_broken_logo_is_a_clear_error(tmp_path):
    (tmp_path / "logo.png").write_bytes(b"not a picture")
    (tmp_path / "data.yaml").write_text(
        "kommune: {navn: Testvik, logo: logo.png}\n"
        "organisasjon: {}\n"
        "handlingsplan: {tittel: Plan, periode: 2024}\n", encoding="utf-8")
    out = tmp_path / "plan.docx"
    with pytest.raises(SltError, match=r"bildet «logo\.png» er ikke et bilde Word kan vise"):
        render(tmp_path, "handlingsplan", output=out)
    assert not out.exists()


def test_nes_moteplan_grid_as_in_the_seed():
    docx = rendered("nes", "moteplan", "nb")
    spring, autumn, listing = _tables(docx)
    assert spring["rader"][0] == ["Gruppe", "Januar", "Februar", "Mars *", "April", "Mai", "Juni"]
    assert autumn["rader"][0][1:] == ["August", "September", "Oktober", "November", "Desember",
                                      "Januar 2022"]
    rows = {r[0].split("\n")[0]: r for r in spring["rader"][1:]}
    # the rows of each half as the plan lays them out, with its own captions
    assert list(rows) == ["Styringsgr.", "Koord.gr.", "Frokostmøter", "Frokostmøter – utvidet"]
    assert rows["Styringsgr."][2] == "ma. 15.\n+ politiråd"
    assert rows["Styringsgr."][4] == "ma. 19.\nKommunalt arb.møte"
    assert rows["Koord.gr."][1] == "ma. 11.\nkl.\u00a008.30–09.30"
    assert rows["Frokostmøter"][0] == "Frokostmøter\nTid: Første onsdag i hver mnd, 08.00 – 09.30"
    assert [c for c in rows["Frokostmøter"][1:] if c] == ["on. 3.", "on. 7.", "on. 2."]
    assert rows["Frokostmøter – utvidet"][3].startswith("on. 3.\nTema: Bruk av taushetsplikt")
    autumn_rows = {r[0].split("\n")[0]: r for r in autumn["rader"][1:]}
    assert list(autumn_rows) == ["Styringsgr.", "Koordineringsgr.", "Frokostmøter",
                                 "Frokostseminar"]
    assert autumn_rows["Frokostmøter"][0] == (
        "Frokostmøter\n(ambulerende dager)\nTid: 08.00 – 09.30\nSted: kommunestyresalen")
    assert autumn_rows["Frokostseminar"][0] == (
        "Frokostseminar\n(3-4 ganger i året med faglig innhold)\nTid: 08.30 – 11.00\n"
        "Sted: Kommunestyresalen")
    assert autumn_rows["Frokostseminar"][2] == "on. 29.\nTema: Digital verden\n(pga høstf.)"
    assert autumn_rows["Koordineringsgr."][5] == "ma. 13.\nkl.\u00a008.30–09.30"
    text = plain_text(docx)
    assert ("* Rusforebyggende temakveld på kulturhuset, torsdag 4. mars 2021 kl.\u00a018.00–21.00:"
            " utsatt til høsten (oktober?) på grunn av Covid-19, i tett samarbeid med Ung i Nes, "
            "ungdomsklubbene og ungdomsrådet.") in text
    assert "Ansvarsgruppe for miniseminar på biblioteket (foreslått)" in text
    assert "(Vedtatt i Koordineringsgruppa 3. desember 2020)" in text
    assert len(listing["rader"]) == 1 + 23  # 18 single meetings and 5 from the series
    assert listing["rader"][1][:3] == ["mandag 11. januar 2021", "08.30–09.30",
                                       "Koordineringsgruppa"]


def test_moteplan_weekday_abbreviations_follow_the_language():
    """Språkrådet's two-letter abbreviations, not CLDR's "tir."/"tys."."""
    nb = plain_text(rendered("aukra", "moteplan", "nb"))
    nn = plain_text(rendered("aukra", "moteplan", "nn"))
    assert "ti. 25." in nb and "ty. 25." not in nb and "tir." not in nb
    assert "ty. 25." in nn and "ti. 25." not in nn and "tys." not in nn
    assert "Haust 2022" in nn and "Høst 2022" in nb
    assert "tysdag 25. januar 2022" in nn and "tirsdag 25. januar 2022" in nb


def test_empty_furniture_is_left_out():
    """Aukra's møteplan: no month of 2023 (no meeting then), autumn as the
    seeds lay it out (August–December), and no Stad column (no meeting has a
    place)."""
    spring, autumn, listing = _tables(rendered("aukra", "moteplan", "nn"))
    assert spring["rader"][0][1:] == ["Januar", "Februar", "Mars", "April", "Mai", "Juni"]
    assert autumn["rader"][0][1:] == ["August", "September", "Oktober", "November", "Desember"]
    assert all(len(r) == 6 for r in autumn["rader"])
    assert listing["rader"][0] == ["Dato", "Tid", "Gruppe", "Tema"]
    assert all(len(r) == 4 for r in listing["rader"])
    nes_listing = _tables(rendered("nes", "moteplan", "nb"))[-1]
    assert nes_listing["rader"][0] == ["Dato", "Tid", "Gruppe", "Sted", "Tema"]


def test_left_out_columns_keep_the_table_width():
    """The grid of a table that left a column out (or repeated one) is made
    from the cells that are left: as many grid columns as cells, each as wide
    as its cells, the table as wide as before."""
    doc = Document(io.BytesIO(rendered("aukra", "moteplan", "nn")))
    for table in doc.tables:
        grid = [int(w) for w in table._tbl.xpath("./w:tblGrid/w:gridCol/@w:w")]
        for row in table.rows:
            widths = [int(w) for w in row._tr.xpath("./w:tc/w:tcPr/w:tcW/@w:w")]
            assert widths == grid
        total = int(table._tbl.xpath("./w:tblPr/w:tblW/@w:w")[0])
        assert abs(sum(grid) - total) <= len(grid)


def test_moteplan_has_the_year_wheel_with_alt_text():
    doc = Document(io.BytesIO(rendered("nes", "moteplan", "nb")))
    descr = doc.element.body.xpath(".//wp:docPr/@descr")
    assert len(descr) == 1
    assert descr[0].startswith("Årshjul for SLT-møtene i Nes kommune 2021")
    assert "Koordineringsgruppa, åtte møter" in descr[0]
    section = doc.sections[0]
    assert section.page_width > section.page_height, "the grid pages are landscape"
