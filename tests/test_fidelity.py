"""The kommune's own words come out as written, and everything else is ours.

For each example:

1. every piece of text in its data (each string field: titles, paragraphs,
   points, own headings and labels, contacts …) appears verbatim, after
   whitespace normalisation, in at least one of its rendered documents (the
   Word documents and the web page);
2. the only text in the documents that is not from the data comes from the
   language catalogs (our fixed words, CLDR's weekday and month names, the
   definite endings) or is a formatted date, time, amount or number: what is
   left after taking all of those out of every line is punctuation.

``coverage()`` gives the figure per example (printed with ``pytest -s``).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import attrs
import pytest
from babel.messages.pofile import read_po
from conftest import EXAMPLES, REPO
from docx import Document
from lxml import html as lxml_html

import slt_docs
from slt_docs.documents import available_documents, render
from slt_docs.lang import Language, get_language
from slt_docs.view.common import definite_name

KOMMUNER = ("aukra", "nordre-land", "nes", "bjornafjorden")

REFERENCES = {
    ("Moete", "organ"), ("Moete", "sammen_med"), ("Moteserie", "organ"),
    ("Moteplass", "organ"), ("Tidspunkt", "moter"), ("TilbakeblikkMoete", "organ"),
    ("Arbeidsgruppe", "nivaa"), ("MandatDokument", "organ"), ("Moteplanrad", "organ"),
    ("Moteplan", "organer"), ("Kommune", "spraak"), ("Kommune", "logo"),
    ("Kommune", "profil"), ("Kommune", "nettside"), ("Lenke", "url"),
    ("Planreferanse", "lenke"), ("Statuspunkt", "tiltak"),
}
"""Fields that name a body, a file, a language or an address: references,
not text to print."""

def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2060", "").replace("\u00a0", " ")).strip()


def data_texts(obj: object, owner: tuple[str, str] = ("", ""),
               path: str = "") -> Iterator[tuple[str, tuple[str, str], str]]:
    """Every text in the data: (path, (class, field), text)."""
    if isinstance(obj, str):
        if obj.strip():
            yield path, owner, _norm(obj)
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from data_texts(value, owner, f"{path}.{key}")
    elif isinstance(obj, tuple):
        for index, item in enumerate(obj):
            yield from data_texts(item, owner, f"{path}[{index}]")
    elif attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            key = (type(obj).__name__, field.name)
            if field.name == "id" or key in REFERENCES:
                continue
            yield from data_texts(getattr(obj, field.name), key,
                                  f"{path}.{field.name}".lstrip("."))


_PAGE_ELEMENTS = ("title", "h1", "h2", "h3", "h4", "p", "li", "th", "td", "dt", "dd", "caption",
                  "a", "figcaption")


def page_lines(page: bytes) -> list[str]:
    """Every line a reader of the web page sees: headings, paragraphs, list
    items, table cells, facts, links and pictures' alt text."""
    tree = lxml_html.fromstring(page)
    lines = [_norm(" ".join(el.itertext())) for el in tree.iter(*_PAGE_ELEMENTS)]
    lines += [_norm(alt) for alt in tree.xpath("//img/@alt")]
    return [line for line in lines if line]


def document_lines(docx: bytes) -> list[str]:
    """Every line a reader sees: paragraphs and table cells, header and
    footer, pictures' alt text."""
    doc = Document(io.BytesIO(docx))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    parts = [doc.element.body]
    for section in doc.sections:
        for hf in (section.header, section.footer, section.first_page_header,
                   section.first_page_footer):
            if not hf.is_linked_to_previous:
                parts.append(hf._element)
    lines = []
    for part in parts:
        for p in part.iter(f"{w}p"):  # a line break (w:br) reads as a space
            text = "".join(" " if t.tag == f"{w}br" else t.text or ""
                           for t in p.iter(f"{w}t", f"{w}br"))
            if text.strip():
                lines.append(_norm(text))
        lines += [_norm(d) for d in part.xpath(".//wp:docPr/@descr") if d.strip()]
    return lines


@cache
def example(kommune: str) -> slt_docs.SltData:
    return slt_docs.load(EXAMPLES / kommune)


@cache
def documents(kommune: str, lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    data = example(kommune)
    out = []
    for kind, organ in available_documents(data):
        name = f"{kind.value}{'-' + organ if organ else ''}"
        out.append((name, tuple(document_lines(render(data, kind, lang=lang, organ=organ)))))
    # the web page, on a day before the year's first meeting
    day = dt.date(data.moteplan.aar if data.moteplan else 2022, 1, 1)
    out.append(("nettside", tuple(page_lines(render(data, "nettside", lang=lang, dato=day)))))
    return tuple(out)


def coverage(kommune: str) -> tuple[int, int, list[tuple[str, tuple[str, str], str]]]:
    """(pieces found, pieces in the data, the pieces not found)."""
    lang = example(kommune).kommune.spraak
    text = "\n".join(line for _, lines in documents(kommune, lang) for line in lines)
    pieces = list(data_texts(example(kommune)))
    missing = [p for p in pieces if p[2] not in text]
    return len(pieces) - len(missing), len(pieces), missing


@pytest.mark.parametrize("kommune", KOMMUNER)
def test_every_data_text_is_in_a_document(kommune):
    found, total, missing = coverage(kommune)
    print(f"\n{kommune}: {found} of {total} texts in the data are in its documents "
          f"({100 * found / total:.1f} %)")
    assert [(path, text) for path, _, text in missing] == []


# -- everything else is ours ----------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@cache
def catalog_fragments(code: str) -> tuple[str, ...]:
    """Every literal piece of the language's catalog (placeholders cut out),
    the CLDR weekday and month names and list words ("og"), and the definite
    endings."""
    path = REPO / "templates" / "lang" / f"{code}.po"
    with path.open("rb") as fh:
        catalog = read_po(fh)
    lang = get_language(code)
    pieces: set[str] = set()
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            if message.context == "definite-ending":
                pieces.update(string.split("="))
            else:
                pieces.update(_PLACEHOLDER.split(string or ""))
    for index in range(7):
        pieces.update((lang.weekday(index), lang.weekday(index, short=True)))
    for month in range(1, 13):
        pieces.update((lang.month(month), lang.month(month, short=True)))
    for pattern in lang.locale.list_patterns["standard"].values():
        pieces.update(_PLACEHOLDER.split(pattern))
    return tuple(p.strip() for p in pieces if p.strip())


_FORMATTED = re.compile(
    r"\d{1,2}\.\d{2}|\d{4}|\d+(?:[ \u00a0]\d{3})*(?:,\d+)?\.?|[–—\-•*·«»“”\"'(),.:;/&+=?!%]")


def _leftover(line: str, own: tuple[str, ...], lang: Language, names: tuple[str, ...]) -> str:
    """What is left of ``line`` after taking out the data's texts, the
    definite ``names``, the catalog's pieces (longest first, whole words
    only) and formatted dates, times, amounts and punctuation."""
    pieces = sorted({p.casefold() for p in (*own, *names, *catalog_fragments(lang.code))},
                    key=len, reverse=True)
    folded = line.casefold()
    for piece in pieces:
        if piece in folded:
            before = r"(?<!\w)" if piece[0].isalnum() else ""
            after = r"(?!\w)" if piece[-1].isalnum() else ""
            folded = re.sub(f"{before}{re.escape(piece)}{after}", " ", folded)
    return " ".join(_FORMATTED.sub(" ", folded).split())


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("kommune", KOMMUNER)
def test_everything_else_is_from_the_catalogs_or_formatted(kommune, lang):
    data = example(kommune)
    language = get_language(lang)
    own = tuple(sorted({t for _, _, t in data_texts(data)}, key=len, reverse=True))
    # generated from the data by the language's rules: definite names
    names = tuple(sorted({definite_name(o, language) for o in data.organisasjon.organer()},
                         key=len, reverse=True))
    leftovers = {}
    for name, lines in documents(kommune, lang):
        for line in lines:
            rest = _leftover(line, own, language, names)
            if rest:
                leftovers.setdefault(name, []).append((line, rest))
    assert leftovers == {}


def test_the_sieve_catches_a_hard_coded_word():
    """The check above finds a word that is neither data nor ours."""
    nn = get_language("nn")
    assert _leftover("Møteverksemd: fire møte i året", (), nn, ()) == ""
    assert _leftover("Møteverksemd: fire møte i året, sjå vedlegg", (), nn, ()) == "sjå vedlegg"
    assert _leftover("Politirådet i Aukra", ("Politirådet i Aukra",), nn, ()) == ""


def test_the_examples_own_headings_are_printed():
    """The headings and captions of the sources, as the data gives them."""
    aukra = "\n".join(line for _, lines in documents("aukra", "nn") for line in lines)
    for own in ("DET UTFØRANDE NIVÅET = JOBBER DIREKTE MED BARN OG UNGE",
                "SLIK VIL VI HA DET (MÅL): FØREBYGGE RUS OG KRIMINALITET KRING BARN OG UNGE",
                "SLIK GJER VI DET (DELMÅL):",
                "Søknad om tilskot til førebygging av utanforskap (2021):",
                "Overordna strategimål for politirådet i Aukra, utarbeida 09.06.2020",
                "Pågåande arbeid gjennom heile året", "Møteverksemd"):
        assert own in aukra, own
    assert "Møteplassar" not in aukra
    nordre_land = "\n".join(line for _, lines in documents("nordre-land", "nb")
                            for line in lines)
    for own in ("Mål for SLT i Nordre Land:", "Målgruppe for perioden:",
                "SLT koordinator sin rolle", "Møtehyppighet:", "Oppfølging/evaluering:",
                "Medlemmer:", "Styringsgruppa (politirådet) har minst ett møte i halvåret.",
                "Koordineringsgruppa har møter ved behov og minst seks møter i året."):
        assert own in nordre_land, own
    nes = "\n".join(line for _, lines in documents("nes", "nb") for line in lines)
    for own in ("Tid: Første onsdag i hver mnd, 08.00 – 09.30", "(ambulerende dager)",
                "(3-4 ganger i året med faglig innhold)", "Kommunalt arb.møte"):
        assert own in nes, own
    assert "Tema: Kommunalt" not in nes


def test_running_header_does_not_repeat_the_kommune():
    from slt_docs.render.extract import outline

    docx = render(example("nordre-land"), "handlingsplan")
    assert outline(docx)["topptekst"] == ["Handlingsplan SLT - Nordre Land kommune"]
    docx = render(example("aukra"), "handlingsplan")
    assert outline(docx)["topptekst"] == ["Aukra kommune · SLT Handlingsplan 2022"]


def figures() -> dict[str, tuple[int, int]]:
    """Coverage per example, for the report."""
    return {k: coverage(k)[:2] for k in KOMMUNER}


if __name__ == "__main__":  # python3 tests/test_fidelity.py
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    for kommune, (found, total) in figures().items():
        print(f"{kommune}: {found}/{total} = {100 * found / total:.1f} %")
