"""From the classified paragraphs and tables of a plan to the draft data.

The document is read front to back. The cover gives the title, subtitle,
period and kommune; each heading the importer knows
(:func:`~slt_docs.importer.words.section_of`) opens a part of the data
(bakgrunn, mål, organisering, tilbakeblikk, mål og tiltak, oppfølging …);
headings naming a level open that level, labels ("Deltakarar:",
"Møteverksemd:", "Mandat generelt:") say which field the text after them
fills, tables are read by their header words. What fits nowhere is kept as
an ``IKKJE PLASSERT`` comment where it stood.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from attrs import define, field
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..data.schema import SCHEMA_LINE
from ..lang import LABELS, get_language
from ..models import (
    Kolonne,
    Moteverksemd,
    NivaaType,
    Periode,
    slug,
)
from ..view.common import capitalize, frequency_text, level_name
from .draft import YamlFile
from .frequency import parse_frequency
from .outline import Item, Kind, as_heading, classify, toc_entry
from .reader import Para, SourceDocument, Table
from .tables import (
    DelmaalDraft,
    TableRead,
    TiltakDraft,
    moteliste_roles,
    read_tiltak_table,
    rows_by_role,
    soknad_roles,
    tiltak_roles,
)
from .when import _DATE, parse_date, parse_when, time_range
from .words import (
    Casing,
    abbreviates,
    catalog_texts,
    field_of,
    generated_heading,
    guess_language,
    is_caps,
    level_of,
    norm,
    own_heading,
    section_of,
    split_level_heading,
    target_of,
    unquote,
    words_of,
)

_BOILERPLATE = re.compile(r"^(slt\s*[-–—:]?\s*)?samordning av lokale rus-? og\s+"
                          r"kriminalitets(forebyggende|førebyggjande|førebyggande)\s+tiltak\.?$",
                          re.IGNORECASE)
_KOMMUNE_LINE = re.compile(r"^(?P<name>[^\W\d_][\w .'-]{1,40}?)\s+kommune$", re.IGNORECASE)
_KOMMUNE_IN_TEXT = re.compile(r"((?:[A-ZÆØÅ][\wæøå'-]+ ){1,3})kommune\b")
_PERIOD = re.compile(r"\b((?:19|20)\d{2})\s*(?:[-–—/]|til)\s*((?:19|20)\d{2})\b")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_AMOUNT = re.compile(r"(?:kr\.?|kroner|NOK)\s*(\d{1,3}(?:[ .\u00a0]\d{3})+|\d+)(?:,-)?",
                     re.IGNORECASE)
_AUTHORITY = re.compile(r"beslutningsmyndighet|avgjerdsmynde|avgjerdsmyndigheit|"
                        r"avgjørelsesmyndighet", re.IGNORECASE)
_BUDGET = re.compile(r"budsjett", re.IGNORECASE)
_UTARBEIDET = re.compile(r",?\s*(?:utarbeida|utarbeidd|utarbeidet|vedteke|vedtatt)?\s*"
                         r"(?P<date>\d{1,2}\.\d{1,2}\.\d{2,4})\s*$", re.IGNORECASE)
_TRAILING_NOTE = re.compile(r"^(?P<main>.+?)\s*\((?P<note>[^()]+)\)\s*$")
_ADOPTED = re.compile(r"^\(?\s*(?:vedtatt|vedteke|vedteken|godkjent|godkjend)\s+(?:i|av)\s+"
                      r"(?P<av>.+?)(?:,?\s+(?:den\s+)?(?P<date>\d{1,2}\.\s*[^\W\d_]+\.?\s+\d{4}|"
                      r"\d{1,2}\.\d{1,2}\.\d{2,4}))?\s*\)?\.?$", re.IGNORECASE)
_MANDAT_TITLE = re.compile(r"^mandat(?:et)?\s+(?:for|til)\s+(?P<name>.+)$", re.IGNORECASE)
_SIZE = re.compile(r"^(?:om lag|omtrent|ca\.?|cirka|rundt)?\s*(?P<n>\d{1,4})\s+(?:deltakarar|"
                   r"deltakere|personar|personer|medlemmer|medlemar|representantar|"
                   r"representanter)\.?$", re.IGNORECASE)
_PARTICIPANTS = re.compile(r"^(?P<n>\d{1,4})\s+(deltakarar|deltakere|deltakarar\.|personar|"
                           r"personer|deltok)\b", re.IGNORECASE)
_COST = re.compile(r"^(?P<text>.+?)\s*(?::|\()\s*(?:kr\.?|kroner)\s*(?P<amount>\d{1,3}"
                   r"(?:[ .\u00a0]\d{3})+|\d+)(?:,-)?\)?\s*$", re.IGNORECASE)

_BODY_FIELDS = frozenset({"forutsetning", "moteverksemd", "deltakere", "mandat",
                          "beslutningsmyndighet", "budsjett", "moteplasser", "leder"})
"""The fields of a level, group or forum a label (or a heading) can name."""

_MESSAGES = {
    "nb": {"header": "Utkast fra slt-docs importer: {source}. Les gjennom og rett før bruk.",
           "toc": "innholdsliste",
           "boilerplate": "standardtekst",
           "picture": "bilde",
           "duplicate": "gjentatt",
           "cover": "forside",
           "heading": "overskrift",
           "table": "tabell",
           "source": "kilde",
           "language": "skriftspråk gjettet fra teksten: {nn} nynorskord, {nb} bokmålsord",
           "period": "perioden er ikke funnet i dokumentet; rett årstallet",
           "unknown_section": "ukjent del av planen; lagt her som bakgrunn",
           "grid": "rutenettet viser de samme møtene som listen",
           "joined": "sammenslått med linjen før",
           "footnote": "fotnote",
           "twice": "nummeret {number} står to ganger i kilden",
           "no_kommune": "fant ikke kommunens navn i dokumentet; skriv det her",
           "no_ansvar": "ingen ansvarlige funnet i tabellen"},
    "nn": {"header": "Utkast frå slt-docs importer: {source}. Les gjennom og rett før bruk.",
           "toc": "innhaldsliste",
           "boilerplate": "standardtekst",
           "picture": "bilete",
           "duplicate": "gjenteke",
           "cover": "framside",
           "heading": "overskrift",
           "table": "tabell",
           "source": "kjelde",
           "language": "skriftspråk gjetta frå teksten: {nn} nynorskord, {nb} bokmålsord",
           "period": "perioden er ikkje funnen i dokumentet; rett årstalet",
           "unknown_section": "ukjend del av planen; lagd her som bakgrunn",
           "grid": "rutenettet viser dei same møta som lista",
           "joined": "slått saman med linja før",
           "footnote": "fotnote",
           "twice": "nummeret {number} står to gonger i kjelda",
           "no_kommune": "fann ikkje namnet på kommunen i dokumentet; skriv det her",
           "no_ansvar": "ingen ansvarlege funne i tabellen"},
}


@define
class Counts:
    """What the import found, for the summary."""

    sections: int = 0
    delmaal: int = 0
    tiltak: int = 0
    ansvar: int = 0
    dates: int = 0
    whens_text: int = 0
    levels: int = 0
    groups: int = 0
    meetings: int = 0
    toc_lines: int = 0
    unplaced: int = 0
    warnings: list[str] = field(factory=list)


def cm(*pairs: tuple[str, Any]) -> CommentedMap:
    """A commented map from pairs, in order."""
    out = CommentedMap()
    for key, value in pairs:
        out[key] = value
    return out


def seq(items: list[Any] | None = None) -> CommentedSeq:
    """A commented list."""
    return CommentedSeq(items or [])


def flat(text: str) -> str:
    """Line breaks inside a paragraph as spaces."""
    return " ".join(text.split())


class Builder:
    """Reads one document into the draft files."""

    def __init__(self, source: SourceDocument, name: str) -> None:
        self.source = source
        texts = [p.text for p in source.paragraphs() if p.text]
        self.lang, self.nn_markers, self.nb_markers = guess_language(texts)
        self.msg = _MESSAGES[self.lang]
        self.casing = Casing(texts)
        header = SCHEMA_LINE.removeprefix("# ") + self.msg["header"].format(source=name)
        self.files = {key: YamlFile(key, self.lang, header)
                      for key in ("kommune", "organisasjon", "handlingsplan", "moteplan",
                                  "dokumenter")}
        self.plan = self.files["handlingsplan"].body
        self.org = self.files["organisasjon"].body
        self.counts = Counts()
        self.entries: list[Item | Table] = []
        for block in source.blocks:
            if isinstance(block, Table):
                self.entries.append(block)
            elif block.text or block.picture is not None:
                self.entries.append(classify(block))
        self._headings_from_toc()
        self.period: Periode | None = None
        self.kommune_name: str | None = None
        # reading state
        self.section: str | None = None
        self.file = self.files["handlingsplan"]
        self.blocks: Blocks | None = None
        self.level: CommentedMap | None = None
        self.organ: CommentedMap | None = None
        self.field: str | None = None
        self.field_label: str = ""
        self.seksjon: CommentedMap | None = None
        self.tb: CommentedMap | None = None
        self.tb_part: TbPart | None = None
        self.pending_heading: Item | None = None
        self.pending_delmaal: DelmaalDraft | None = None
        self.tables_read = 0
        self.after_table = False
        self.moteplan: CommentedMap | None = None
        self.mandat_doc: CommentedMap | None = None
        self.grid_rows: list[tuple[str, list[str]]] = []
        self.numbers: dict[str, str] = {}
        self.frequency_section = False
        self.own_frequency: set[int] = set()
        self.koordinator_blocks: Blocks | None = None
        self.toc_heading = ""
        self.grid_noted = False
        self.group_type: str | None = None

    # -- entry point ------------------------------------------------------------
    def run(self) -> None:
        """Read the whole document."""
        start = self._cover()
        for index in range(start, len(self.entries)):
            entry = self.entries[index]
            self._next = self.entries[index + 1] if index + 1 < len(self.entries) else None
            if isinstance(entry, Table):
                self._table(entry)
            else:
                self._item(entry)
        self._flush_heading(keep=False)
        self._finish()

    # -- cover --------------------------------------------------------------------
    def _cover(self) -> int:
        """Title, subtitle, period and kommune from the lines before the first
        section; returns the index where the body starts."""
        end = 0
        for index, entry in enumerate(self.entries):
            if isinstance(entry, Table):
                end = index
                break
            if entry.para.heading == 0:
                continue
            following = self.entries[index + 1] if index + 1 < len(self.entries) else None
            if entry.kind is Kind.heading and isinstance(following, Item) and \
                    following.kind is Kind.toc and not _toc_heading_style(following):
                end = index
                break
            if entry.kind is Kind.toc or (entry.kind in (Kind.heading, Kind.label) and (
                    section_of(entry.text) is not None or level_of(entry.text) is not None
                    or field_of(entry.text) is not None)):
                if entry.kind is Kind.heading and section_of(entry.text) == "toc":
                    end = index
                    break
                if entry.kind is Kind.toc:
                    end = index
                    break
                end = index
                break
        else:
            end = len(self.entries)
        cover = [e for e in self.entries[:end] if isinstance(e, Item)]
        title_item = self._title(cover)
        title = flat(title_item.text) if title_item else (self.source.title or "")
        self.title = title
        kommune_item = None
        period_item = None
        subtitle_item = None
        for item in cover:
            text = flat(item.text)
            if item is title_item:
                continue
            if _KOMMUNE_LINE.match(text) and kommune_item is None:
                kommune_item = item
            elif _PERIOD.fullmatch(text.strip()) or _YEAR.fullmatch(text.strip()):
                period_item = item
            elif subtitle_item is None and title_item is not None and \
                    cover.index(item) > cover.index(title_item) and not _BOILERPLATE.match(text) \
                    and item.kind is not Kind.picture and norm(text) != "slt":
                subtitle_item = item
        self.tiltak_heading: Item | None = None
        if subtitle_item is not None and not re.search(r"plan|mandat", title, re.I) and \
                re.search(r"handlingsplan|plan\b", subtitle_item.text, re.I) and \
                title_item is not None:
            self.tiltak_heading = title_item  # a tiltak table of its own: "Mål og tiltak …"
            title_item, subtitle_item = subtitle_item, None
            self.section = "tiltak"
            title = flat(title_item.text)
            self.title = title
        if subtitle_item is not None and _ADOPTED.match(flat(subtitle_item.text)):
            subtitle_item = None
        self.period = self._find_period(title, period_item)
        kommune = None
        if kommune_item is not None:
            kommune = _KOMMUNE_LINE.match(flat(kommune_item.text))["name"]  # type: ignore[index]
        self.kommune_name = self._kommune(kommune)
        self._write_head(title, subtitle_item)
        mandat = _MANDAT_TITLE.match(title)
        document = False
        if mandat:
            self.mandat_doc = cm(("name", unquote(mandat["name"])))
            self.section = "mandat"
            self.file = self.files["organisasjon"]
            document = True
        elif re.search(r"møteplan", title, re.I):
            self._moteplan_head(title)
            self.section = "moteplan"
            document = True
        for index, item in enumerate(cover):
            if item in (title_item, subtitle_item, kommune_item, period_item,
                        self.tiltak_heading):
                continue
            text = flat(item.text)
            if _BOILERPLATE.match(text) or norm(text) == "slt" or _boilerplate_part(item):
                self.file.unplaced_line(text, self.msg["boilerplate"])
            elif document and title_item in cover and index > cover.index(title_item):
                self._next = cover[index + 1] if index + 1 < len(cover) else None
                self._item(item)
            elif item.kind is Kind.text and self._adopted(text):
                continue
            else:
                self._boilerplate_or_unplaced(item, self.file, self.msg["cover"])
        return end

    def _headings_from_toc(self) -> None:
        """The lines a table of contents names are headings, however they
        are formatted (a typed contents list names the plan's headings)."""
        names: set[str] = set()
        for entry in self.entries:
            if isinstance(entry, Item) and entry.kind is Kind.toc:
                name = toc_entry(entry.text)
                if name:
                    names.add(norm(name))
            elif isinstance(entry, Table) and _toc_table(entry):
                names.update(norm(row[0].text) for row in entry.rows if row and row[0].text)
        if not names:
            return
        for index, entry in enumerate(self.entries):
            if isinstance(entry, Item) and entry.kind in (Kind.text, Kind.label) and \
                    not entry.rest and norm(entry.text) in names and len(entry.text) < 120:
                self.entries[index] = as_heading(entry)

    def _title(self, cover: list[Item]) -> Item | None:
        for item in cover:
            if item.para.heading == 0:
                return item
        for word in (r"handlingsplan", r"møteplan", r"mandat", r"plan\b", r"tiltak"):
            for item in cover:
                if item.kind is not Kind.picture and re.search(word, item.text, re.I) and \
                        not _BOILERPLATE.match(flat(item.text)) and not _boilerplate_part(item):
                    return item
        sized = [i for i in cover if i.para.size and i.kind is not Kind.picture]
        if sized:
            return max(sized, key=lambda i: i.para.size or 0)
        headings = [i for i in cover if i.kind is Kind.heading and norm(i.text) != "slt"]
        return headings[0] if headings else None

    def _find_period(self, title: str, period_item: Item | None) -> Periode | None:
        for text in (title, period_item.text if period_item else ""):
            m = _PERIOD.search(text)
            if m:
                return Periode(fra=int(m[1]), til=int(m[2]))
            m = _YEAR.search(text)
            if m:
                return Periode(fra=int(m[1]), til=int(m[1]))
        for entry in self.entries:
            if isinstance(entry, Item) and entry.kind is Kind.heading and \
                    section_of(entry.text) in ("tiltak", "moteplan"):
                m = _PERIOD.search(entry.text)
                if m:
                    return Periode(fra=int(m[1]), til=int(m[2]))
                m = _YEAR.search(entry.text)
                if m:
                    return Periode(fra=int(m[1]), til=int(m[1]))
        return None

    def _kommune(self, from_cover: str | None) -> str:
        counts: Counter[str] = Counter()
        for para in self.source.paragraphs():
            for m in _KOMMUNE_IN_TEXT.finditer(flat(para.text)):
                words = m.group(1).split()
                for i in range(len(words)):
                    counts[" ".join(words[i:])] += 1
        if from_cover:
            name = self.casing(from_cover.strip())
            if is_caps(from_cover):
                name = " ".join(w.capitalize() for w in from_cover.split())
            return name
        if self.source.author and _KOMMUNE_LINE.match(self.source.author):
            return _KOMMUNE_LINE.match(self.source.author)["name"]  # type: ignore[index]
        if counts:
            best = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))
            return best[0]
        return ""

    def _write_head(self, title: str, subtitle: Item | None) -> None:
        f = self.files["kommune"]
        k = f.body
        f.put(k, "navn", self.kommune_name or "")
        if not self.kommune_name:
            f.note(k, "navn", self.msg["no_kommune"])
            self.counts.warnings.append("fant ikke kommunens navn; skriv det i kommune.yaml")
        f.put(k, "spraak", self.lang)
        f.note(k, "spraak", self.msg["language"].format(nn=self.nn_markers, nb=self.nb_markers))
        self.subtitle = flat(subtitle.text) if subtitle else None

    # -- items --------------------------------------------------------------------
    def _item(self, item: Item) -> None:
        if item.kind is Kind.toc:
            self.counts.toc_lines += 1
            if _toc_heading_style(item):
                self.toc_heading = flat(item.text)
                self._plan_label("innhold", self.toc_heading)
            if self.counts.toc_lines == 1:
                heading = f" «{self.toc_heading}»" if self.toc_heading else ""
                self.section_file().comment(f"({self.msg['toc']}{heading}: {self._toc_count()} "
                                            "linjer)")
            return
        if item.kind is Kind.picture:
            self.section_file().unplaced_line(item.text or "", self.msg["picture"])
            return
        if item.kind is Kind.heading:
            self._heading(item)
            return
        if self.pending_heading is not None and item.kind is not Kind.heading:
            self._flush_heading(keep=True)
        if item.kind is Kind.label:
            self._label(item)
            return
        self._content(item)

    def _toc_count(self) -> int:
        return sum(1 for e in self.entries if isinstance(e, Item) and e.kind is Kind.toc)

    def section_file(self) -> YamlFile:
        """The file the current section writes to."""
        return self.file

    def unplaced(self, item: Item | str, why: str = "") -> None:
        """Keep a line as a comment where it stood."""
        text = item if isinstance(item, str) else item.line
        self.file.unplaced_line(text, why)

    def _boilerplate_or_unplaced(self, item: Item, file: YamlFile, why: str) -> None:
        text = flat(item.text)
        if _BOILERPLATE.match(text) or norm(text) == "slt":
            file.unplaced_line(text, self.msg["boilerplate"])
        elif _KOMMUNE_LINE.match(text) and self.kommune_name and \
                norm(_KOMMUNE_LINE.match(text)["name"]) == norm(self.kommune_name):  # type: ignore[index]
            file.unplaced_line(text, self.msg["cover"])
        else:
            file.unplaced_line(item.line, why)

    # -- headings -------------------------------------------------------------------
    def _heading(self, item: Item) -> None:
        text = item.text
        sec = section_of(text)
        t = norm(text)
        following = self._next
        if sec is None and isinstance(following, Item) and following.kind is Kind.toc and \
                not _toc_heading_style(following):
            sec = "toc"
        if sec is None and generated_heading(text):
            self._flush_heading(keep=False)
            return
        kommune = _KOMMUNE_LINE.match(flat(text))
        if kommune and self.kommune_name and norm(kommune["name"]) == norm(self.kommune_name):
            self._flush_heading(keep=False)
            self.unplaced(flat(text), self.msg["cover"])
            return
        if self.section == "tiltak" and (sec is None or re.match(r"^(delmål\s*)?\d{1,2}[.):]\s",
                                                                  text, re.I)) and \
                self._tiltak_heading(item):
            return
        if self.level is not None and "strategimål" in t:
            self._flush_heading(keep=True)
            self._strategy(item.text)
            return
        if sec == "koordinator" and self.section == "koordinator":
            self._tasks_label(item.para.text)
            return
        if self._field_heading(item):
            return
        if sec in ("seminar", "arbeidsgrupper") and self.section == "tilbakeblikk":
            sec = None
        if sec == "tiltak" and self.section == "tiltak" and self.tiltak_heading is not None \
                and not self.after_table:
            self._table_heading(item)
            return
        if sec is not None:
            self._flush_heading(keep=False)
            self._open_section(sec, item)
            return
        kind = level_of(text)
        if kind is not None and self.section not in ("tilbakeblikk", "tiltak", "moteplan",
                                                     "moteliste") and len(text.split()) <= 12:
            self._flush_heading(keep=False)
            self._open_level(kind, item)
            return
        if self.section in ("organisering", "level", "mandat") and self.level is not None:
            self._flush_heading(keep=False)
            self._open_group(item.text)
            return
        if self.section == "tilbakeblikk":
            self._flush_heading(keep=False)
            self.pending_heading = item
            return
        if self.section in ("moteplan", "moteliste", "aarshjul"):
            self._flush_heading(keep=False)
            self.pending_heading = item
            return
        if self.section == "bakgrunn" or self.section is None:
            self._flush_heading(keep=True)
            self._new_seksjon(item)
            return
        self._flush_heading(keep=True)
        self.pending_heading = item

    def _field_heading(self, item: Item) -> bool:
        """A heading that names a field of what is being read ("Mandat",
        "Deltakarar i «Ung i Aukra»" under a body, "Kostnader" under a
        seminar) is a label on a line of its own, set as a heading: read as
        that label, not as the name of a group or a part. True when read."""
        found = field_of(item.text)
        if found is None:
            return False
        key, rest = found
        if rest and len(rest.split()) > 1 and target_of(rest) is None:
            return False  # "Møter med foreldre": a name that starts with a field word
        in_body = key in _BODY_FIELDS and (
            (self.level is not None and self.section in ("level", "organisering", "mandat"))
            or self.mandat_doc is not None)
        in_seminar = key in ("kostnader", "finansiering") and self.section == "tilbakeblikk" \
            and self.tb_part is not None and self.tb_part.kind == "seminar"
        if not (in_body or in_seminar):
            return False
        self._flush_heading(keep=True)
        self._label(Item(kind=Kind.label, text=item.text, para=item.para))
        return True

    def _flush_heading(self, keep: bool = True) -> None:
        """A heading waiting for its content: with content coming (``keep``)
        it opens a part of the look-back or a section; with another heading
        next, it only grouped what follows and is kept as a comment."""
        item = self.pending_heading
        if item is None:
            return
        self.pending_heading = None
        if not keep or self.section in ("moteplan", "moteliste", "aarshjul"):
            self.unplaced(item, self.msg["heading"])
            return
        if self.section == "tilbakeblikk" and self.tb is not None:
            self._tb_part(item.para.text)
        elif self.section in (None, "bakgrunn"):
            self._new_seksjon(item)
        else:
            self._unknown_section(item)

    def _open_section(self, sec: str, item: Item) -> None:
        self.counts.sections += 1
        self.level = None
        self.organ = None
        self.field = None
        self.tb_part = None
        self.after_table = False
        self.blocks = None
        self.section = sec
        plan, org = self.files["handlingsplan"], self.files["organisasjon"]
        if sec == "toc":
            self.file = plan
            self.toc_heading = flat(item.text)
            self._plan_label("innhold", self.toc_heading)
            return
        if sec not in ("tiltak", "tilbakeblikk", "moteplan", "visjon") and \
                not self._section_label(sec, flat(item.para.text)) and \
                own_heading(item.text, sec):
            self.file = org if sec in ("organisering", "koordinator", "moetefrekvens",
                                       "informasjonsutveksling", "arbeidsgrupper") else plan
            self.file.unplaced_line(flat(item.text), self.msg["heading"])
        if sec in ("bakgrunn", "visjon"):
            self.file = plan
            self.section = sec
            self.seksjon = None
            return
        if sec in ("maal", "maal_for_perioden", "maalgruppe", "oppfolging"):
            self.file = plan
            key = sec
            if self.plan.get(key):
                self.blocks = Blocks(self, plan, self.plan[key])
            else:
                self.blocks = Blocks(self, plan, None, parent=(self.plan, key))
            return
        if sec in ("organisering",):
            self.file = org
            self.blocks = Blocks(self, org, None, parent=(self.org, "innledning"))
            return
        if sec == "informasjonsutveksling":
            self.file = org
            self.blocks = Blocks(self, org, None, parent=(self.org, "informasjonsutveksling"))
            return
        if sec == "koordinator":
            self.file = org
            self.section = "koordinator"
            self._koordinator()
            return
        if sec == "moetefrekvens":
            self.file = org
            return
        if sec == "arbeidsgrupper":
            self.file = org
            self.group_type = "fokusgruppe" if "fokus" in norm(item.text) else None
            return
        if sec == "tilbakeblikk":
            self.file = plan
            self._tilbakeblikk(item.text)
            return
        if sec == "tiltak":
            self.file = plan
            self.tiltak_heading = item
            return
        if sec in ("aarshjul", "moteliste", "moteplan", "soknader", "seminar"):
            self.file = self.files["moteplan"] if sec in ("moteliste", "moteplan") or (
                sec == "aarshjul" and self.moteplan is not None) else plan
            if sec == "moteplan":
                self._moteplan_head(item.text)
            return

    def _section_label(self, sec: str, written: str) -> bool:
        """A section's heading as the kommune writes it, kept as the plan's (or
        the møteplan's) own label when the model has them; True when kept or
        when it is our own word."""
        if sec == "arbeidsgrupper" and self.moteplan is not None:
            key = "fokusgrupper" if "fokus" in norm(written) else "arbeidsgrupper"
            return self._own_label(self.moteplan, key, written, self.files["moteplan"])
        return self._plan_label(sec, written)

    def _plan_label(self, key: str, written: str) -> bool:
        """The plan's own word for label ``key`` (``handlingsplan.etiketter``)."""
        return self._own_label(self.plan, key, written, self.files["handlingsplan"])

    def _own_label(self, holder: CommentedMap, key: str, written: str, file: YamlFile) -> bool:
        """Keep ``written`` as ``holder``'s own label ``key`` (``etiketter``,
        printed as written) unless it is our own word in some language; True
        when kept or ours, False when the body already has another or there
        is no such label."""
        written = written.strip()
        if key not in LABELS or written in catalog_texts(key):
            return key in LABELS
        labels = holder.get("etiketter")
        if labels is None:
            labels = holder["etiketter"] = CommentedMap()
            file.placed(holder, "etiketter")
        if key in labels:
            return labels[key] == written
        labels[key] = written
        return True

    def _unknown_section(self, item: Item) -> None:
        """A heading the importer does not know outside the known parts: a
        section of the bakgrunn, with a note."""
        self.section = "bakgrunn"
        self.file = self.files["handlingsplan"]
        self.file.comment(self.msg["unknown_section"])
        self._new_seksjon(item)

    # -- text blocks ---------------------------------------------------------------
    def _new_seksjon(self, item: Item | None) -> None:
        plan = self.files["handlingsplan"]
        self.file = plan
        self.section = "bakgrunn"
        bakgrunn = self._plan_list("bakgrunn")
        seksjon = CommentedMap()
        if item is not None:
            seksjon["tittel"] = flat(item.para.text)
        plan.add(bakgrunn, seksjon)
        self.seksjon = seksjon
        self.blocks = Blocks(self, plan, None, parent=(seksjon, "innhold"))

    def _plan_line(self, item: Item) -> bool:
        """"Statsforvaltaren i Møre og Romsdal · 2021–2030" in the quotation
        style right under a bakgrunn heading: the plan it describes."""
        seksjon = self.seksjon
        assert seksjon is not None
        text = flat(item.text)
        style = item.para.style.lower()
        if item.kind is not Kind.text or "innhold" in seksjon or "plan" in seksjon or \
                not ("quote" in style or "sitat" in style) or len(text.split()) > 12 or \
                text.endswith(".") or text.startswith("("):
            return False
        parts = [part.strip() for part in text.split("·")]
        ref = cm()
        for part in parts:
            m = _PERIOD.fullmatch(part) or _YEAR.fullmatch(part)
            if m and "periode" not in ref:
                ref["periode"] = f"{m[1]}-{m[2]}" if m.re is _PERIOD else int(m[1])
            elif "eier" not in ref and part:
                ref["eier"] = part
            else:
                return False
        self.files["handlingsplan"].put(seksjon, "plan", ref)
        return True

    def _plan_list(self, key: str) -> CommentedSeq:
        if key not in self.plan:
            self.plan[key] = seq()
        return self.plan[key]

    def _content(self, item: Item) -> None:
        """A paragraph, bullet or link in the current section."""
        sec = self.section
        if item.kind is Kind.text and self._adopted(flat(item.text)):
            return
        if sec in ("moteplan", "moteliste") and self.moteplan is not None and \
                re.match(r"^(\*+|\d\))\s", item.para.text):
            self.unplaced(item, self.msg["footnote"])
            return
        if sec == "moteplan" and self.moteplan is not None:
            if self.blocks is None:
                self.blocks = Blocks(self, self.files["moteplan"], None,
                                     parent=(self.moteplan, "innledning"))
            self.blocks.add(item)
            return
        if sec is None or sec == "toc":
            if sec == "toc" and item.kind is Kind.text and len(item.text) < 80:
                self.counts.toc_lines += 1
                return
            self._new_seksjon(None)
            sec = self.section
        if sec in ("level", "organisering") and self.organ is not None:
            self._organ_content(item)
            return
        handler = {"koordinator": self._koordinator_content,
                   "moetefrekvens": self._frequency_sentences,
                   "arbeidsgrupper": self._arbeidsgruppe, "tilbakeblikk": self._tb_content,
                   "tiltak": self._tiltak_content}.get(sec or "")
        if handler is not None:
            handler(item)
            return
        if sec == "mandat":
            if self.organ is None:
                self._mandat_organ(None)
            self._organ_content(item)
            return
        if sec == "visjon" and item.kind is Kind.text and "visjon" not in self.plan:
            self.files["handlingsplan"].put(self.plan, "visjon", flat(item.text))
            self.section = "bakgrunn"
            return
        if sec in ("bakgrunn", "visjon") and self.blocks is None:
            self._new_seksjon(None)
        if sec == "bakgrunn" and self.seksjon is not None and self._plan_line(item):
            return
        if self.blocks is not None:
            self.blocks.add(item)
            return
        self.unplaced(item)

    # -- labels ------------------------------------------------------------------------
    def _label(self, item: Item) -> None:
        found = field_of(item.text)
        key, rest = found if found else (None, "")
        if key == "visjon":
            self._visjon(item)
            return
        if key == "hovedmaal" or (self.section == "tiltak" and "(mål)" in item.text.lower()):
            self._hovedmaal(item.rest or "", flat(item.para.text))
            return
        if self.section == "tiltak" and self._tiltak_heading(item):
            return
        if self.section == "koordinator" and (
                key == "oppgaver" or re.search(r"oppg(å|a)ver", norm(item.text))):
            self._tasks_label(item.text if item.rest else item.para.text)
            if item.rest:
                self._koordinator_content(Item(kind=Kind.text, text=item.rest, para=item.para))
            return
        if self.section == "tilbakeblikk":
            if key in ("kostnader", "finansiering") and self.tb_part is not None and \
                    self.tb_part.kind == "seminar":
                self.tb_part.field = key
                if item.rest:
                    self._tb_content(Item(kind=Kind.text, text=item.rest, para=item.para))
                return
            self._tb_part(item.text if item.rest else item.para.text)
            if item.rest:
                self._tb_content(Item(kind=Kind.text, text=item.rest, para=item.para))
            return
        if key == "nivaa" and self.mandat_doc is not None:
            self._mandat_level(item.rest)
            return
        if key is not None and key not in ("kostnader", "finansiering", "vedtatt", "hovedmaal") \
                and (self.level is not None or self.mandat_doc is not None):
            if self.mandat_doc is not None and self.organ is None:
                self._mandat_organ(None)
            organ = self.organ
            target = target_of(rest) if rest else None
            if target and self.level is not None:
                organ = self._group(target)
            self.organ = organ
            self.field = key
            self.field_label = item.text
            self._organ_label(organ, key, item.text if item.rest else flat(item.para.text))
            if item.rest:
                self._apply(Item(kind=Kind.text, text=item.rest, para=item.para), organ,
                            same_line=True)
            else:
                self._label_only(organ)
            return
        if self.section == "moetefrekvens" and item.rest:
            self._frequency_sentences(Item(kind=Kind.text, text=f"{item.text}: {item.rest}",
                                           para=item.para))
            return
        if self.blocks is not None or self.section in ("bakgrunn", None):
            self._content(Item(kind=Kind.text, text=item.para.text, para=item.para))
            return
        self._content(Item(kind=Kind.text, text=item.para.text, para=item.para))

    def _label_only(self, organ: CommentedMap | None) -> None:
        """A label with nothing after it on its line: its field's etikett is kept."""
        if organ is None or self.field != "mandat":
            return
        self._mandat_label(organ, self.field_label)

    def _visjon(self, item: Item) -> None:
        plan = self.files["handlingsplan"]
        if item.rest:
            plan.put(self.plan, "visjon", flat(item.rest))
        else:
            self.section = "visjon"
            self.blocks = None
            self.file = plan

    def _hovedmaal(self, text: str, source: str = "") -> None:
        plan = self.files["handlingsplan"]
        self.file = plan
        plan.put(self.plan, "hovedmaal", flat(text))
        label = flat(source.split(":")[0]) if ":" in source else ""
        if label and not self._plan_label("hovedmaal", label) and \
                norm(label) not in _catalog("hovedmaal"):
            plan.note(self.plan, "hovedmaal", f"{self.msg['source']}: «{flat(source)}»")

    # -- organisation --------------------------------------------------------------
    def _open_level(self, kind: NivaaType, item: Item) -> None:
        org = self.files["organisasjon"]
        self.file = org
        self.section = "level"
        self.blocks = None
        self.field = None
        first, second = split_level_heading(item.text)
        name = None
        if second and not re.search(r"\bnivå", norm(second)):
            name = self.casing(unquote(second))
        existing = self._level_of_kind(kind)
        if existing is not None:
            self.level = existing
            self.organ = existing
            if name and not existing.get("navn"):
                existing["navn"] = name
            return
        levels = self._org_list("nivaa")
        level = cm(("type", kind.value))
        lost = ""
        if name:
            if first and not re.search(r"\bnivå", norm(first)):
                level["navn"] = self.casing(unquote(first + " – " + second))
            elif _looks_like_name(name):
                level["navn"] = name
            else:
                lost = second
        org.add(levels, level)
        self.level = self.organ = level
        self.counts.levels += 1
        written = flat(item.para.text).strip()
        if written not in _level_headings(kind, level.get("navn")):
            level["overskrift"] = written
        elif lost:
            org.unplaced_line(lost, self.msg["heading"])

    def _level_of_kind(self, kind: NivaaType) -> CommentedMap | None:
        for level in self.org.get("nivaa", []):
            if level.get("type") == kind.value:
                return level
        return None

    def _org_list(self, key: str) -> CommentedSeq:
        if key not in self.org:
            self.org[key] = seq()
        return self.org[key]

    def _open_group(self, name: str) -> None:
        self.organ = self._group(self.casing(unquote(name)))
        self.field = None
        written = flat(name).strip()
        if written != self.organ.get("navn") and "overskrift" not in self.organ:
            self.organ["overskrift"] = written

    def _group(self, name: str) -> CommentedMap:
        """The group ``name`` of the current level (made when new)."""
        assert self.level is not None
        org = self.files["organisasjon"]
        groups = self.level.get("grupper")
        if groups is None:
            groups = self.level["grupper"] = seq()
        for group in groups:
            if slug(group.get("navn", "")) == slug(name):
                return group
        group = cm(("navn", name))
        org.add(groups, group)
        self.counts.groups += 1
        return group

    def _organ_content(self, item: Item) -> None:
        organ = self.organ
        if organ is None:
            self.unplaced(item)
            return
        text = flat(item.text)
        if item.kind is Kind.text:
            if _BUDGET.search(text) and _AMOUNT.search(text) and "budsjettramme" not in organ:
                amount = int(re.sub(r"\D", "", _AMOUNT.search(text)[1]))  # type: ignore[index]
                self.file.put(organ, "budsjettramme", amount)
                self.file.note(organ, "budsjettramme", f"{self.msg['source']}: «{text}»")
                return
            if _AUTHORITY.search(text):
                self._append(organ, "beslutningsmyndighet", text)
                return
        if self.field is None:
            if self._describes(organ):
                if "beskrivelse" not in organ:
                    organ["beskrivelse"] = seq()
                Blocks(self, self.file, organ["beskrivelse"]).add(item)
            else:
                self.unplaced(item)
            return
        self._apply(item, organ)

    def _describes(self, organ: CommentedMap) -> bool:
        """True when the body's kind of data holds a description of its own
        (text under its heading before any label): groups and forums do, a
        level when the model has ``Nivaa.beskrivelse``."""
        return True

    def _append(self, organ: CommentedMap, key: str, value: Any) -> None:
        items = organ.get(key)
        if items is None:
            items = seq()
            organ[key] = items
        self.file.add(items, value)

    def _apply(self, item: Item, organ: CommentedMap | None, same_line: bool = False) -> None:
        """Put ``item`` into the current field of ``organ``."""
        if organ is None:
            self.unplaced(item)
            return
        f = self.file
        key = self.field
        text = flat(item.text)
        if key == "forutsetning":
            if "forutsetning" in organ:
                organ["forutsetning"] = f"{organ['forutsetning']} {text}"
                f.placed(organ, "forutsetning")
            else:
                f.put(organ, "forutsetning", text)
        elif key == "moteverksemd":
            if item.kind is Kind.bullet and self.level is organ:
                self._append(organ, "moteplasser", text)
                return
            if "moteverksemd" in organ:
                f.unplaced_line(item.line, self.msg["duplicate"])
                return
            freq = self._frequency(text)
            f.put(organ, "moteverksemd", freq)
            if "merknad" not in freq and "tekst" not in freq:
                f.note(organ, "moteverksemd", f"{self.msg['source']}: «{text}»")
        elif key == "deltakere":
            size = _SIZE.match(text)
            if size and "storrelse" not in organ and "deltakere" not in organ:
                f.put(organ, "storrelse", int(size["n"]))
                f.note(organ, "storrelse", f"{self.msg['source']}: «{text}»")
                return
            members = split_members(text) if same_line or item.kind is Kind.text else [text]
            for member in members:
                self._append(organ, "deltakere", member_data(member))
        elif key == "mandat":
            mandat = self._mandat(organ)
            label = self.field_label
            if not self._mandat_label(organ, label):
                f.unplaced_line(f"{label}: {text}", self.msg["duplicate"])
                return
            part = "punkter" if item.kind is Kind.bullet else "tekst"
            if text in mandat.get(part, []):
                f.unplaced_line(f"{label}: {text}", self.msg["duplicate"])
                return
            if part not in mandat:
                mandat[part] = seq()
            f.add(mandat[part], text)
        elif key == "beslutningsmyndighet":
            self._append(organ, "beslutningsmyndighet", text)
        elif key == "budsjett":
            m = _AMOUNT.search(text) or re.search(r"(\d{1,3}(?:[ .]\d{3})+|\d+)", text)
            if m:
                f.put(organ, "budsjettramme", int(re.sub(r"\D", "", m[1])))
                f.note(organ, "budsjettramme", f"{self.msg['source']}: «{text}»")
            else:
                self.unplaced(item)
        elif key == "moteplasser":
            self._append(organ, "moteplasser", text)
        elif key == "strategimaal":
            self._strategy_point(item)
        elif key == "leder":
            f.put(organ, "leder", text)
        elif key == "oppgaver":
            self.unplaced(item)
        else:
            self.unplaced(item)

    def _organ_label(self, organ: CommentedMap | None, key: str, written: str) -> None:
        """A label over a body's field as the kommune writes it ("Medlemmer:",
        "Deltakarar i “Ung i Aukra”"), kept as the body's own label."""
        if organ is None:
            return
        self._own_label(organ, key, written, self.files["organisasjon"])
        if key == "moteverksemd":
            self.own_frequency.add(id(organ))

    def _frequency(self, text: str) -> CommentedMap:
        """``Moteverksemd`` data from the kommune's words; with the model's
        ``tekst`` the wording is kept when it is not the sentence slt_docs
        would make from the numbers."""
        freq = parse_frequency(text) or {"merknad": text}
        data = cm(*freq.items())
        if "merknad" not in freq and text.strip().rstrip(".") not in _frequency_texts(freq):
            data.insert(0, "tekst", text.strip())
        return data

    def _mandat_label(self, organ: CommentedMap, label: str) -> bool:
        """The kommune's own heading over a mandate ("Mandat generelt");
        False when the body already has another."""
        return self._own_label(organ, "mandat", label, self.files["organisasjon"])

    def _mandat(self, organ: CommentedMap) -> CommentedMap:
        mandat = organ.get("mandat")
        if mandat is None:
            mandat = CommentedMap()
            organ["mandat"] = mandat
        return mandat

    def _strategy(self, text: str) -> None:
        assert self.level is not None
        f = self.files["organisasjon"]
        title = flat(text).rstrip(":")
        strategy = cm()
        m = _UTARBEIDET.search(title)
        if m:
            title = title[:m.start()].rstrip(" ,")
        strategy["tittel"] = title
        if m:
            strategy["utarbeidet"] = m["date"]
        f.put(self.level, "strategimaal", strategy)
        if m:
            f.note(strategy, "utarbeidet", f"{self.msg['source']}: «{flat(text)}»")
        self.organ = self.level
        self.field = "strategimaal"

    def _strategy_point(self, item: Item) -> None:
        assert self.level is not None
        strategy = self.level.get("strategimaal")
        if strategy is None:
            self._strategy("")
            strategy = self.level["strategimaal"]
        if "punkter" not in strategy:
            strategy["punkter"] = seq()
        title, text = item.lead, flat(item.text)
        if not title:
            m = re.match(r"^(?P<t>[^:]{2,80}):\s+(?P<x>.+)$", text)
            if m:
                title, text = m["t"], m["x"]
        if not title:
            self.unplaced(item)
            return
        self.file.add(strategy["punkter"], cm(("tittel", title), ("tekst", text)))

    def _koordinator(self) -> None:
        f = self.files["organisasjon"]
        if "koordinator" not in self.org:
            f.put(self.org, "koordinator", CommentedMap())
        self.field = None
        self.koordinator_blocks = None

    def _tasks_label(self, text: str) -> None:
        """"SLT-koordinator har følgjande oppgåver:" over the tasks: the data's
        ``oppgaver``; the kommune's own wording is kept as a comment."""
        self.field = "oppgaver"
        if not self._plan_label("oppgaver", flat(text)) and norm(text) not in _catalog("oppgaver"):
            self.files["organisasjon"].unplaced_line(flat(text), self.msg["heading"])

    def _koordinator_content(self, item: Item) -> None:
        f = self.files["organisasjon"]
        k = self.org["koordinator"]
        text = flat(item.text)
        if item.kind is Kind.bullet and self.field == "oppgaver":
            if "oppgaver" not in k:
                k["oppgaver"] = seq()
            f.add(k["oppgaver"], text)
            return
        if self.koordinator_blocks is None:
            self.koordinator_blocks = Blocks(self, f, None, parent=(k, "rolle"))
        self.koordinator_blocks.add(item)

    def _frequency_sentences(self, item: Item) -> None:
        """"Styringsgruppa (politirådet) har minst ett møte i halvåret.
        Koordineringsgruppa har …": each sentence to the body it names."""
        text = flat(item.text)
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«“\"])", text):
            m = re.match(r"^(?P<body>.+?)\s+(?:har|møtest|møtes|møter|skal ha)\s+(?P<rest>.+)$",
                         sentence.strip())
            organ = self._find_organ(m["body"]) if m else None
            freq = parse_frequency(m["rest"]) if m else None
            if m is None or organ is None or freq is None:
                self.unplaced(sentence)
                continue
            self.frequency_section = True
            subject = m["body"].strip()
            if subject != organ.get("navn") and "bestemt_form" not in organ:
                organ["bestemt_form"] = subject
            if "moteverksemd" in organ:
                continue  # the same as written under the body itself
            data = self._frequency(m["rest"].strip().rstrip("."))
            self.file.put(organ, "moteverksemd", data)
            if "merknad" not in data and "tekst" not in data:
                self.file.note(organ, "moteverksemd", f"{self.msg['source']}: «{sentence}»")

    def _find_organ(self, text: str) -> CommentedMap | None:
        """The level or group ``text`` names (by name, then by kind)."""
        key = slug(re.sub(r"\(.*?\)", "", text))
        if not key:
            return None
        for organ in self._organs():
            name = organ.get("navn")
            if name and (slug(name) == key or slug(name) in key or key in slug(name)
                         or abbreviates(text, name)):
                return organ
        kind = level_of(text)
        if kind is not None:
            return self._level_of_kind(kind)
        return None

    def _organs(self) -> list[CommentedMap]:
        out = []
        for level in self.org.get("nivaa", []):
            out.append(level)
            out.extend(level.get("grupper", []))
        out.extend(self.org.get("arbeidsgrupper", []))
        out.extend(self.org.get("moteforum", []))
        return out

    def _arbeidsgruppe(self, item: Item) -> None:
        f = self.files["organisasjon"]
        if item.kind is Kind.bullet:
            text = flat(item.text)
            group = cm()
            proposed = False
            merknad = None
            while True:
                m = _TRAILING_NOTE.match(text)
                if not m:
                    break
                note = m["note"].strip()
                if f"({norm(note)})" in _catalog("gruppe_foreslaatt") or \
                        norm(note) in ("foreslått", "føreslått", "forslag"):
                    proposed = True
                elif merknad is None:
                    merknad = note
                else:
                    break
                text = m["main"].strip()
            group["navn"] = text
            if merknad:
                group["merknad"] = merknad
            if self.group_type:
                group["type"] = self.group_type
            if proposed:
                group["status"] = "foreslaatt"
            f.add(self._org_list("arbeidsgrupper"), group)
        else:
            if "om_arbeidsgrupper" not in self.org:
                self.org["om_arbeidsgrupper"] = seq()
            Blocks(self, f, self.org["om_arbeidsgrupper"]).add(item)

    # -- the look back -------------------------------------------------------------
    def _tilbakeblikk(self, heading: str) -> None:
        f = self.files["handlingsplan"]
        m = _YEAR.search(heading)
        year = int(m[1]) if m else ((self.period.fra - 1) if self.period else dt.date.today().year)
        self.tb = cm(("aar", year))
        f.put(self.plan, "tilbakeblikk", self.tb)
        written = flat(heading)
        generated = {get_language(code).gettext("Looking back on {year}").format(year=year)
                     for code in ("nb", "nn")}
        if written not in generated:
            self.tb["overskrift"] = written
        self.tb_part = None
        self.blocks = Blocks(self, f, None, parent=(self.tb, "innledning"))

    def _tb_part(self, title: str) -> None:
        assert self.tb is not None
        self.blocks = None
        self.tb_part = TbPart(self, flat(title))

    def _tb_content(self, item: Item) -> None:
        if self.tb_part is None:
            if self.blocks is not None:
                self.blocks.add(item)
            else:
                self.unplaced(item)
            return
        self.tb_part.add(item)

    # -- tiltak ----------------------------------------------------------------------
    def _tiltak_heading(self, item: Item) -> bool:
        """In the tiltak section: a heading or label naming a delmål (for
        the table that follows) or the main goal."""
        text = flat(item.text if item.kind is Kind.heading else item.para.text)
        if "(mål)" in text.lower() or re.match(r"^(hovudmål|hovedmål)\b", text, re.I):
            rest = text.split(":", 1)[1] if ":" in text else text
            self._hovedmaal(rest.strip(), text)
            return True
        m = re.match(r"^(?:delmål\s*)?(\d{1,2})[.):]\s*\S", text, re.I)
        if m or text.lower().startswith("delmål"):
            from .tables import _new_delmaal
            self.pending_delmaal = _new_delmaal(re.sub(r"^delmål\s*", "", text, flags=re.I))
            return True
        return False

    def _table_heading(self, item: Item) -> None:
        """A heading over the tiltak table inside a part whose heading is
        already known (a tiltak document's title, "Mål og tiltak" over a
        table headed "Tiltak"): the part keeps its heading; the kommune's own
        words here are kept as a comment, slt_docs' own word is dropped."""
        self._flush_heading(keep=False)
        if flat(item.para.text).strip() not in catalog_texts("tiltak"):
            self.unplaced(flat(item.para.text), self.msg["heading"])

    def _tiltak_content(self, item: Item) -> None:
        if self.after_table:
            f = self.files["handlingsplan"]
            table = self._tiltakstabell()
            if "etterord" not in table:
                table["etterord"] = seq()
            Blocks(self, f, table["etterord"]).add(item)
            return
        self.unplaced(item)

    def _tiltakstabell(self) -> CommentedMap:
        if "tiltakstabell" not in self.plan:
            self.plan["tiltakstabell"] = CommentedMap()
        return self.plan["tiltakstabell"]

    def _table(self, table: Table) -> None:
        if _toc_table(table):
            self.counts.toc_lines += len(table.rows)
            self.file.comment(f"({self.msg['toc']}: {len(table.rows)} linjer)")
            return
        header = tiltak_roles(table)
        if header is not None:
            self._flush_heading(keep=True) if self.section != "tiltak" else None
            self._tiltak_table(table, header)
            return
        header = soknad_roles(table)
        if header is not None and self.tb is not None:
            heading = self.pending_heading
            if heading is not None and self._plan_label("soknader", flat(heading.para.text)):
                self.pending_heading = None
            self._soknad_table(table, header)
            return
        header = moteliste_roles(table)
        if header is not None:
            self._moteliste(table, header)
            return
        if self._grid(table):
            self._flush_heading(keep=False)
            return
        self._flush_heading(keep=True)
        for row in table.rows:
            cells = [c.text.replace("\n", " / ") for c in row if c.text and not c.merged]
            if cells:
                self.unplaced(" | ".join(cells), self.msg["table"])

    def _tiltak_table(self, table: Table, header: tuple[int, dict[int, str]]) -> None:
        plan = self.files["handlingsplan"]
        self.file = plan
        if self.section != "tiltak":
            self.section = "tiltak"
        read = read_tiltak_table(table, header, self.pending_delmaal)
        self.pending_delmaal = None
        self.tables_read += 1
        tabell = self._tiltakstabell()
        heading = self.tiltak_heading
        if heading is not None and "tittel" not in tabell:
            title = flat(heading.para.text).strip()
            tabell["tittel"] = title
            plan.placed(tabell, "tittel")
        own = [h for role, h in read.labelled
               if role in ("delmaal", "tiltak", "ansvar", "tidspunkt")
               and not self._plan_label(role, h)]
        columns = _columns(read)
        if columns and "kolonner" not in tabell:
            tabell["kolonner"] = _flow(columns)
            if own:
                plan.note(tabell, "kolonner", f"{self.msg['source']}: "
                          f"«{' | '.join(read.headers)}»")
        self._write_tiltak(read)
        self.after_table = True

    def _write_tiltak(self, read: TableRead) -> None:
        plan = self.files["handlingsplan"]
        with_goals = [d for d in read.delmaal if d.tittel]
        if with_goals:
            target = self._plan_list("delmaal")
            for d in read.delmaal:
                if not d.tittel:
                    for t in d.tiltak:  # tiltak before the first delmål
                        self.unplaced(t.tittel, self.msg["table"])
                    continue
                goal = cm(("tittel", d.tittel))
                if d.presisering:
                    goal["presisering"] = d.presisering
                if d.nummer:
                    goal["nummer"] = d.nummer
                plan.add(target, goal)
                goal["tiltak"] = seq()
                self.counts.delmaal += 1
                for t in d.tiltak:
                    self._write_one(goal["tiltak"], t)
        else:
            target = self._plan_list("tiltak")
            for d in read.delmaal:
                for t in d.tiltak:
                    self._write_one(target, t)

    def _write_one(self, target: CommentedSeq, t: TiltakDraft) -> None:
        plan = self.files["handlingsplan"]
        entry = cm(("tittel", t.tittel))
        if t.nummer:
            entry["nummer"] = t.nummer
        plan.add(target, entry)
        if t.nummer and t.nummer in self.numbers:
            plan.note(entry, "nummer", self.msg["twice"].format(number=t.nummer))
            self.counts.warnings.append(f"tiltaksnummeret {t.nummer} står to ganger i planen "
                                        f"(«{self.numbers[t.nummer]}» og «{t.tittel}»)")
        elif t.nummer:
            self.numbers[t.nummer] = t.tittel
        self.counts.tiltak += 1
        if t.punkter:
            entry["punkter"] = seq(t.punkter)
        entry["ansvar"] = seq(t.ansvar)
        self.counts.ansvar += len(t.ansvar)
        if not t.ansvar:
            plan.note(entry, "ansvar", self.msg["no_ansvar"])
        whens = parse_when(t.when, self.period, self.lang)
        if whens:
            parts = seq()
            entry["tidspunkt"] = parts
            for w in whens:
                data = w.as_data()
                parts.append(cm(*data.items()) if isinstance(data, dict) else data)
                if w.dato is not None:
                    self.counts.dates += 1
                elif w.tekst is not None:
                    self.counts.whens_text += 1
                if w.note:
                    self.counts.warnings.append(f"tiltak «{t.tittel}»: {w.note}")
                    last = parts[-1]
                    if isinstance(last, CommentedMap):
                        plan.note(last, next(iter(k for k in ("dato", "tekst") if k in last),
                                             list(last)[-1]), w.note)
                    else:
                        plan.note(parts, len(parts) - 1, w.note)
        if t.status:
            status = _status(t.status)
            if status:
                entry["status"] = status
            else:
                plan.unplaced_line(f"status: {t.status}", self.msg["table"])
        if t.evaluering:
            entry["evaluering"] = t.evaluering
        for line in t.unplaced:
            plan.unplaced_line(line, self.msg["table"])

    def _soknad_table(self, table: Table, header: tuple[int, dict[int, str]]) -> None:
        assert self.tb is not None
        f = self.files["handlingsplan"]
        if "soknader" not in self.tb:
            self.tb["soknader"] = seq()
        for row in rows_by_role(table, header):
            data = soknad_data(row)
            if data is None:
                self.unplaced(" | ".join(row.values()), self.msg["table"])
                continue
            f.add(self.tb["soknader"], data)

    # -- møteplan -------------------------------------------------------------------
    def _moteplan_head(self, heading: str) -> None:
        f = self.files["moteplan"]
        self.file = f
        if self.moteplan is None:
            m = _YEAR.search(heading)
            year = int(m[1]) if m else (self.period.fra if self.period else dt.date.today().year)
            self.moteplan = f.body
            f.put(self.moteplan, "aar", year)
            f.put(self.moteplan, "tittel", flat(heading))

    def _moteliste(self, table: Table, header: tuple[int, dict[int, str]]) -> None:
        f = self.files["moteplan"]
        self.file = f
        if self.moteplan is None:
            self._moteplan_head(self.title)
        assert self.moteplan is not None
        if "moter" not in self.moteplan:
            self.moteplan["moter"] = seq()
        for row in rows_by_role(table, header):
            m = _DATE.search(row.get("dato", ""))
            organ_name = flat(row.get("organ", ""))
            day = None
            if m:
                found = parse_when([m.group(0)], Periode(fra=self.moteplan["aar"],
                                                         til=self.moteplan["aar"] + 1), self.lang)
                day = found[0].dato if found else None
            if day is None or not organ_name:
                self.unplaced(" | ".join(v for v in row.values() if v), self.msg["table"])
                continue
            organ = self._meeting_organ(organ_name)
            meeting = cm(("organ", organ), ("dato", day))
            tid = row.get("tid", "")
            tm = re.match(r"^\s*(?:kl\.?\s*)?(\d{1,2}[.:]?\d{2})\s*"
                          r"(?:[-–—]\s*(\d{1,2}[.:]?\d{2}))?", tid)
            if tm:
                value = time_range(tm[1], tm[2])
                if value:
                    meeting["tid"] = value
            for key in ("sted", "tema"):
                if row.get(key):
                    meeting[key] = flat(row[key])
            f.add(self.moteplan["moter"], meeting)
            self.counts.meetings += 1

    def _meeting_organ(self, name: str) -> str:
        found = self._find_organ(name)
        if found is not None:
            return found.get("navn") or found.get("type")
        org = self.files["organisasjon"]
        kind = level_of(name)
        if kind is not None and self._level_of_kind(kind) is None:
            org.add(self._org_list("nivaa"), cm(("type", kind.value), ("navn", name)))
            self.counts.levels += 1
        else:
            org.add(self._org_list("moteforum"), cm(("navn", name)))
        return name

    def _grid(self, table: Table) -> bool:
        """A møteplan grid (bodies × months): the bodies and their meeting
        frequency are read; the dates are those of the list of meetings."""
        if not table.rows:
            return False
        months = [c for c in table.rows[0][1:] if _DATE.pattern and re.match(
            r"^(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|"
            r"desember)\b", c.text.strip(), re.I)]
        if len(months) < 3:
            return False
        has_list = any(isinstance(e, Table) and moteliste_roles(e) is not None
                       for e in self.entries)
        f = self.files["moteplan"] if self.moteplan is not None else self.file
        for row in table.rows[1:]:
            if not row or not row[0].paras:
                continue
            name = flat(row[0].paras[0].text)
            notes = [flat(p.text) for p in row[0].paras[1:]]
            self.grid_rows.append((name, notes))
            if not has_list:
                for cell in row[1:]:
                    if cell.text:
                        f.unplaced_line(f"{name}: {cell.text}", self.msg["table"])
        if has_list and not self.grid_noted:
            f.comment(self.msg["grid"])
            self.grid_noted = True
        return True

    def _grid_bodies(self) -> None:
        """The bodies of the møteplan grid (short names, how often they
        meet), matched to the bodies of the list of meetings."""
        org = self.files["organisasjon"]
        seen: set[tuple[str, str]] = set()
        order: list[str] = []
        for name, notes in self.grid_rows:
            organ = self._find_organ(name)
            if organ is None:
                self._meeting_organ(name)
                organ = self._find_organ(name)
            if organ is None:
                continue
            if organ.get("navn") and slug(organ["navn"]) != slug(name) and "kortnavn" not in organ:
                organ["kortnavn"] = name
            ref = organ.get("navn") or organ.get("type")
            if ref not in order:
                order.append(ref)
            for note in notes:
                freq = parse_frequency(note)
                if freq and "merknad" not in freq and "moteverksemd" not in organ:
                    organ["moteverksemd"] = self._frequency(note)
                elif note and (name, note) not in seen:
                    org.unplaced_line(f"{name}: {note}")
                seen.add((name, note))
        if order and self.moteplan is not None and "organer" not in self.moteplan:
            self.moteplan.insert(list(self.moteplan.keys()).index("aar") + 1, "organer",
                                 _flow(order))

    # -- mandat documents -------------------------------------------------------------
    def _mandat_level(self, text: str) -> None:
        """"Nivå: Utførende nivå" in a mandate document of its own."""
        if self.organ is None:
            self._mandat_organ(level_of(text))

    def _mandat_organ(self, kind: NivaaType | None) -> None:
        """The body a mandate document of its own is for: the level itself
        ("Mandat for Koordineringsgruppa", Nivå: koordinerande), a group of
        the level ("Mandat for Ung i Aukra", Nivå: utførande) or, without a
        level, a forum; and the document in ``dokumenter.yaml``."""
        assert self.mandat_doc is not None
        org = self.files["organisasjon"]
        name = self.mandat_doc["name"]
        own = level_of(name)
        kind = kind or own
        plain_level = kind is not None and norm(name) in _catalog(kind.value)
        if kind is not None and (own == kind or plain_level):
            level = self._level_of_kind(kind)
            if level is None:
                level = cm(("type", kind.value))
                org.add(self._org_list("nivaa"), level)
                self.counts.levels += 1
            if not plain_level:
                level["navn"] = name
            self.level = self.organ = level
        elif kind is not None:
            level = self._level_of_kind(kind)
            if level is None:
                level = cm(("type", kind.value))
                org.add(self._org_list("nivaa"), level)
                self.counts.levels += 1
            self.level = level
            self.organ = self._group(name)
        else:
            self.organ = cm(("navn", name))
            org.add(self._org_list("moteforum"), self.organ)
        self.section = "mandat"
        self.file = org
        docs = self.files["dokumenter"]
        if "mandat" not in docs.body:
            docs.body["mandat"] = seq()
        ref = kind.value if plain_level and kind is not None else slug(name)
        entry = cm(("organ", ref))
        docs.add(docs.body["mandat"], entry)
        self.mandat_doc["entry"] = entry

    def _adopted(self, text: str) -> bool:
        """"Vedtatt i Koordineringsgruppa 3. desember 2020": when and by whom
        the document (plan, møteplan or mandate) was adopted."""
        m = _ADOPTED.match(text)
        if not m or len(m["av"].split()) > 6:
            return False
        vedtak = cm(("av", m["av"].strip()))
        day = parse_date(m["date"]) if m["date"] else None
        if day is not None:
            vedtak["dato"] = day
        if self.mandat_doc is not None:
            if self.organ is None:
                self._mandat_organ(None)
            entry = self.mandat_doc["entry"]
            if "vedtatt" in entry:
                return False
            self.files["dokumenter"].put(entry, "vedtatt", vedtak)
            return True
        if self.moteplan is not None and self.section in ("moteplan", "moteliste"):
            if "vedtatt" in self.moteplan:
                return False
            self.files["moteplan"].put(self.moteplan, "vedtatt", vedtak)
            return True
        if "vedtatt" in self.plan or self.section not in (None, "bakgrunn", "toc"):
            return False
        self.files["handlingsplan"].put(self.plan, "vedtatt", vedtak)
        return True

    # -- the end ----------------------------------------------------------------------
    def _finish(self) -> None:
        plan = self.files["handlingsplan"]
        self._grid_bodies()
        self._moteplasser()
        levels = self.org.get("nivaa", [])
        if self.frequency_section and levels and \
                not any(id(level) in self.own_frequency for level in levels):
            self.plan["samlet_moetefrekvens"] = True
        self._simplify_mandates()
        head = [("tittel", self.title or "")]
        if self.subtitle:
            head.append(("undertittel", self.subtitle))
        has_plan = any(k in self.plan for k in ("delmaal", "tiltak", "bakgrunn", "maal",
                                                "maalgruppe", "tilbakeblikk", "oppfolging",
                                                "visjon"))
        if has_plan:
            period = self.period
            value: Any = (period.fra if period and period.fra == period.til else
                          f"{period.fra}-{period.til}" if period else dt.date.today().year)
            head.append(("periode", value))
            for index, (key, val) in enumerate(head):
                self.plan.insert(index, key, val)
            plan.used = True
            if period is None:
                plan.note(self.plan, "periode", self.msg["period"])
                self.counts.warnings.append("perioden er ikke funnet; rett årstallet i "
                                            "handlingsplan.yaml")
        self.counts.unplaced = sum(f.unplaced for f in self.files.values())

    def _moteplasser(self) -> None:
        """"“Ung i Aukra” med fire møter i året" among a level's meeting
        arenas, when the level has that group: a reference to it, and its
        frequency."""
        for level in self.org.get("nivaa", []):
            places = level.get("moteplasser")
            groups = level.get("grupper", [])
            if not places or not groups:
                continue
            for index, text in enumerate(list(places)):
                if not isinstance(text, str):
                    continue
                m = re.match(r"^[«“\"'](?P<name>[^»”\"']+)[»”\"']\s*(?:med\s+)?(?P<rest>.*)$",
                             text)
                if not m:
                    continue
                group = next((g for g in groups if slug(g.get("navn", "")) == slug(m["name"])),
                             None)
                if group is None:
                    continue
                freq = parse_frequency(m["rest"]) if m["rest"] else None
                if m["rest"] and (freq is None or "merknad" in freq):
                    continue
                places[index] = cm(("organ", slug(group["navn"])))
                if text not in _arena_texts(group["navn"], freq):
                    places[index]["tekst"] = text
                else:
                    self.files["organisasjon"].note(places[index], "organ",
                                                    f"{self.msg['source']}: «{text}»")
                if freq and "moteverksemd" not in group:
                    group["moteverksemd"] = cm(*freq.items())

    def _simplify_mandates(self) -> None:
        """``mandat: {punkter: [...]}`` written as a list, as people write it."""
        f = self.files["organisasjon"]
        for organ in self._organs():
            mandat = organ.get("mandat")
            if not isinstance(mandat, CommentedMap):
                continue
            if list(mandat.keys()) == ["punkter"]:
                organ["mandat"] = mandat["punkter"]
                f.retarget(mandat, "punkter", organ, "mandat")
            if not mandat:
                del organ["mandat"]


def _level_headings(kind: NivaaType, navn: str | None) -> set[str]:
    """The headings slt_docs writes over a level ("Styrande nivå –
    Politirådet", "Utførende nivå"), in every language."""
    out = set()
    for code in ("nb", "nn"):
        word = level_name(kind, get_language(code))
        out.add(f"{word} – {navn}" if navn else word)
    return out


def _frequency_texts(freq: dict[str, object]) -> set[str]:
    """The sentence slt_docs writes for ``freq`` in every language."""
    from ..data.converter import CONVERTER

    try:
        value = CONVERTER.structure(dict(freq), Moteverksemd)
    except Exception:  # not a frequency the model takes: never ours
        return set()
    out = set()
    for code in ("nb", "nn"):
        text = frequency_text(value, get_language(code))
        out.update((text, capitalize(text)))
    return out


def _arena_texts(name: str, freq: dict[str, object] | None) -> set[str]:
    """"«Ung i Aukra» med fire møte i året à to timar" as slt_docs writes a
    level's meeting arena, in every language."""
    out = {f"«{name}»"}
    for code in ("nb", "nn"):
        lang = get_language(code)
        for how in _frequency_texts(freq or {}):
            out.add(lang.gettext("{arena} with {frequency}").format(arena=f"«{name}»",
                                                                  frequency=how))
    return out


def _toc_heading_style(item: Item) -> bool:
    """The heading of Word's own table of contents (its style)."""
    return item.para.style.lower() in ("toc heading", "overskrift for innholdsfortegnelse")


def _boilerplate_part(item: Item) -> bool:
    """A line of the SLT name broken over two paragraphs ("Samordning av
    lokale rus- og" / "kriminalitetsforebyggende tiltak")."""
    text = norm(flat(item.text))
    full = "samordning av lokale rus- og kriminalitetsforebyggende tiltak"
    nn = "samordning av lokale rus- og kriminalitetsførebyggjande tiltak"
    return len(text) > 10 and any(f.startswith(text) or f.endswith(text) for f in (full, nn))


def _toc_table(table: Table) -> bool:
    """A table of contents made as a table: short entries and page numbers."""
    rows = [[c for c in row if c.text] for row in table.rows]
    rows = [r for r in rows if r]
    return len(rows) >= 2 and all(
        len(r) >= 2 and re.fullmatch(r"(s\.\s*)?\d{1,3}", r[-1].text.strip()) and
        len(r[0].text) < 100 for r in rows)


def _catalog(key: str) -> frozenset[str]:
    from .words import catalog_words

    return catalog_words(key)


def _looks_like_name(text: str) -> bool:
    from .words import BODY_WORDS

    return bool(BODY_WORDS.search(text)) or (not is_caps(text) and len(text.split()) <= 4)


def _flow(items: list[str]) -> CommentedSeq:
    out = seq(items)
    out.fa.set_flow_style()
    return out


def _columns(read: TableRead) -> list[str]:
    roles = []
    for role in read.roles:
        mapped = {"frist": "tidspunkt", "maal": "delmaal"}.get(role, role)
        if mapped in ("delmaal", "tiltak", "ansvar", "tidspunkt") and mapped not in roles:
            roles.append(mapped)
    shapes = [[c.value for c in shape] for shape in
              ((Kolonne.tiltak, Kolonne.ansvar),
               (Kolonne.delmaal, Kolonne.tiltak, Kolonne.ansvar, Kolonne.tidspunkt))]
    return roles if roles in shapes else []


_STATUS_WORDS = {
    "planlagt": ("planlagt", "planlagd", "ikkje starta", "ikke startet"),
    "pagaar": ("pågår", "pågåande", "pågående", "i gang", "starta", "startet"),
    "gjennomfort": ("gjennomført", "ferdig", "fullført", "utført"),
    "utsatt": ("utsatt", "utsett"),
    "avsluttet": ("avslutta", "avsluttet", "avslutt", "stoppa", "stoppet"),
}


def _status(text: str) -> str | None:
    t = norm(text)
    for key, words in _STATUS_WORDS.items():
        if t in words:
            return key
    return None


def split_members(text: str) -> list[str]:
    """"Ordførar, kommunedirektør … og SLT-koordinator" → one member each
    (commas inside parentheses kept); a sentence ("Alle som jobbar …
    f.eks. …, osv.") stays whole."""
    original = text.strip()
    text = original.rstrip(".")
    if re.search(r"\b(f\.eks|t\.d\.|osv|etc|m\.fl|mfl)\b", text, re.I):
        return [original]
    parts, depth, current = [], 0, ""
    for char in text:
        if char in "(«“":
            depth += 1
        elif char in ")»”" and depth:
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    if len(parts) > 1:
        last = parts[-1]
        m = re.match(r"^(?P<a>[^()]+?)\s+og\s+(?P<b>[^()]+)$", last)
        if m and len(m["b"].split()) <= 4:
            parts[-1:] = [m["a"].strip(), m["b"].strip()]
    if any(len(p.split()) > 8 for p in parts):
        return [original]
    return [p for p in parts if p]


def member_data(text: str) -> Any:
    """A member: "Kommunalsjef (drift)" → {rolle: Kommunalsjef, merknad: drift}."""
    m = _TRAILING_NOTE.match(text.strip())
    if m:
        return cm(("rolle", m["main"].strip()), ("merknad", m["note"].strip()))
    return text.strip()


def soknad_data(row: dict[str, str]) -> CommentedMap | None:
    """A grant application from a table row (søkjar · føremål · gjevar · utfall)."""
    soker = row.get("soker", "").strip()
    giver = flat(row.get("giver", ""))
    utfall_text = flat(row.get("utfall", ""))
    if not soker or not giver or not utfall_text:
        return None
    formaal_lines = [line for line in row.get("formaal", "").split("\n") if line.strip()]
    outcome = None
    lowered = utfall_text.casefold()
    for key, words in (("delvis", ("delvis",)), ("innvilget", ("innvilga", "innvilget")),
                       ("avslag", ("avslag", "avslått", "avslege")),
                       ("venter", ("ventar", "venter", "ikkje svar", "ikke svar"))):
        if any(w in lowered for w in words):
            outcome = key
            break
    if outcome is None:
        return None
    people = split_members(soker.replace("\n", ", "))
    data = cm(("soker", _flow(people)), ("giver", giver),
              ("formaal", formaal_lines[0] if formaal_lines else ""), ("utfall", outcome))
    amounts = _AMOUNT.findall(utfall_text)
    sokt = next((line for line in formaal_lines[1:] + row.get("utfall", "").split("\n")
                 if re.match(r"^(søkt|søkte)\b", line.strip(), re.I)), None)
    if sokt:
        m = _AMOUNT.search(sokt)
        if m:
            data["belop_sokt"] = int(re.sub(r"\D", "", m[1]))
        utfall_text = utfall_text.replace(sokt.strip(), "").strip()
        amounts = _AMOUNT.findall(utfall_text)
    if amounts and outcome in ("innvilget", "delvis"):
        data["belop_innvilget"] = int(re.sub(r"\D", "", amounts[0]))
    answer = re.search(r"\(([^()]+)\)\s*$", utfall_text)
    if answer:
        data["svar"] = answer[1]
    notes = [line for line in formaal_lines[1:] if not re.match(r"^(søkt|søkte)\b", line, re.I)]
    if notes:
        data["merknad"] = " ".join(notes)
    return data


class Blocks:
    """Appends the kommune's text to a list of text blocks: paragraphs, bullet
    lists (a bold lead-in becomes the point's ``tittel``), a citation in
    parentheses (``kilde``) and links (``lenke``). The list is made on the
    first block (in ``parent``) so an empty section leaves no key behind."""

    def __init__(self, builder: Builder, file: YamlFile, target: CommentedSeq | None,
                 parent: tuple[CommentedMap, str] | None = None) -> None:
        self.builder = builder
        self.file = file
        self.target = target
        self.parent = parent
        self.bullets: CommentedSeq | None = None

    def _list(self) -> CommentedSeq:
        if self.target is None:
            assert self.parent is not None
            container, key = self.parent
            if key not in container:
                container[key] = seq()
            self.target = container[key]
        return self.target

    def add(self, item: Item) -> None:
        """Add one paragraph, bullet or link."""
        target = self._list()
        text = flat(item.text)
        if item.kind is Kind.bullet:
            if self.bullets is None:
                block = cm(("punkter", seq()))
                self.file.add(target, block)
                self.bullets = block["punkter"]
            value: Any = cm(("tittel", item.lead), ("tekst", text)) if item.lead else text
            self.file.add(self.bullets, value)
            return
        self.bullets = None
        if item.kind is Kind.link:
            link = cm(("tekst", text), ("url", item.url)) if text != item.url else \
                cm(("url", item.url))
            self.file.add(target, cm(("lenke", link)))
            return
        if item.kind is Kind.label:
            text = flat(item.para.text)
        if re.fullmatch(r"\(.+\)", text):
            self.file.add(target, cm(("kilde", text)))
            return
        if re.fullmatch(r"https?://\S+", text):
            self.file.add(target, cm(("lenke", cm(("url", text)))))
            return
        self.file.add(target, text)


class TbPart:
    """One part of the look back: a meeting (its topics), the seminar, the
    working groups, or another titled section."""

    def __init__(self, builder: Builder, title: str) -> None:
        self.builder = builder
        self.title = title
        self.field: str | None = None
        b = builder
        tb = b.tb
        assert tb is not None
        f = b.files["handlingsplan"]
        self.file = f
        t = norm(title)
        words = set(words_of(title))
        organ = b._find_organ(title) if words & {"møte", "møtet", "møter"} else None
        self.kind = "seksjon"
        if organ is not None:
            self.kind = "moete"
            if "moter" not in tb:
                tb["moter"] = seq()
            # the heading as written, its note "(arbeidsseminar/workshop)" included
            self.data = cm(("organ", slug(organ.get("navn") or organ.get("type"))),
                           ("tittel", title))
            f.add(tb["moter"], self.data)
        elif "seminar" in t and "seminar" not in tb:
            self.kind = "seminar"
            self.data = cm(("tittel", title))
            f.put(tb, "seminar", self.data)
        elif re.match(r"^(slt-)?arbeidsgrupper", t) or t in _catalog("arbeidsgrupper"):
            self.kind = "arbeidsgrupper"
            if "arbeidsgrupper" not in tb:
                tb["arbeidsgrupper"] = seq()
            b._plan_label("tilbakeblikk_arbeidsgrupper", title)
        else:
            if "seksjoner" not in tb:
                tb["seksjoner"] = seq()
            self.data = cm(("tittel", title))
            f.add(tb["seksjoner"], self.data)
            self.blocks = Blocks(b, f, None, parent=(self.data, "innhold"))

    def add(self, item: Item) -> None:
        f = self.file
        b = self.builder
        text = flat(item.text)
        tb = self.builder.tb
        assert tb is not None
        if self.kind == "moete":
            if item.kind is Kind.bullet:
                if "tema" not in self.data:
                    self.data["tema"] = seq()
                f.add(self.data["tema"], text)
            else:
                self._as_section(item)
            return
        if self.kind == "arbeidsgrupper":
            if item.kind is Kind.bullet:
                f.add(tb["arbeidsgrupper"], text)
            else:
                self._as_section(item)
            return
        if self.kind == "seminar":
            cost_match = _COST.match(text) if item.kind is Kind.bullet else None
            if item.kind is Kind.bullet and (self.field == "kostnader" or cost_match):
                m = cost_match
                cost = cm(("tekst", m["text"].rstrip(" ,:")),
                          ("belop", int(re.sub(r"\D", "", m["amount"])))) if m else \
                    cm(("tekst", text))
                if "kostnader" not in self.data:
                    self.data["kostnader"] = seq()
                f.add(self.data["kostnader"], cost)
                return
            if self.field == "finansiering" or (item.kind is Kind.label and
                                               field_of(item.text) == ("finansiering", "")):
                f.put(self.data, "finansiering", flat(item.rest or item.text))
                self.field = None
                return
            m = _PARTICIPANTS.match(text)
            if m and "deltakere" not in self.data:
                f.put(self.data, "deltakere", int(m["n"]))
                f.note(self.data, "deltakere", f"{b.msg['source']}: «{text}»")
                return
            if item.kind is Kind.bullet or item.kind is Kind.text:
                if "punkter" not in self.data:
                    self.data["punkter"] = seq()
                f.add(self.data["punkter"], text)
                return
        self.blocks.add(item) if self.kind == "seksjon" else self._as_section(item)

    def _as_section(self, item: Item) -> None:
        """Text that does not fit a meeting or the working groups: the part
        becomes a titled section."""
        b = self.builder
        tb = b.tb
        assert tb is not None
        if self.kind != "seksjon":
            self.kind = "seksjon"
            if "seksjoner" not in tb:
                tb["seksjoner"] = seq()
            self.data = cm(("tittel", self.title))
            self.file.add(tb["seksjoner"], self.data)
            self.blocks = Blocks(b, self.file, None, parent=(self.data, "innhold"))
        self.blocks.add(item)


__all__ = ["Builder", "Counts", "Para", "member_data", "split_members"]
