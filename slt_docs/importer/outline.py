"""What each paragraph is, by meaning: a heading, a label (with or without
text on the same line), a bullet, a line of a table of contents, a link, a
picture or ordinary text.

Headings are known by style (Word's heading styles, title) or by direct
formatting (bold, capitals, a larger font, short, no sentence inside) or by
being one of the section names (:func:`~slt_docs.importer.words.section_of`);
labels by a bold lead-in ending in a colon ("**Møteverksemd:** Fire møter
…"), by a known field word ("Deltakarar", "Mandat:") or by a short line
ending in a colon. Bullets are Word list items or typed ("- ", "– ", "• ").
"""

from __future__ import annotations

import enum
import re

from attrs import frozen

from .reader import Para
from .words import field_of, is_caps, section_of

_TOC_LINE = re.compile(r"^(?P<text>.+?)(?:\s*(?:\.{3,}|…+|_{3,})\s*|\s*\t+\s*)"
                       r"(?:s\.\s*|side\s+)?(?P<page>\d{1,3})\s*$", re.IGNORECASE)
_TOC_DOTS = re.compile(r"^(?P<text>.+?)\s*(?:\.{3,}|…+)\s*$")
BULLET = re.compile(r"^\s*(?:[-–—•*▪·◦●○■□➢➤►✓o](?=\s)|[-–•](?=[^\W\d_]))\s*")
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")


class Kind(enum.Enum):
    """What a paragraph is."""

    heading = "heading"
    label = "label"
    bullet = "bullet"
    text = "text"
    toc = "toc"
    link = "link"
    picture = "picture"


@frozen(kw_only=True)
class Item:
    """One classified paragraph. For a label, ``text`` is the label without
    its colon and ``rest`` the text after it on the same line; for a bullet,
    ``text`` is without the bullet sign and ``lead`` a bold lead-in
    ("Førebygging") before its colon."""

    kind: Kind
    text: str
    para: Para
    rest: str = ""
    lead: str = ""
    url: str = ""

    @property
    def line(self) -> str:
        """The paragraph as it stands in the source (for a comment)."""
        return self.para.text or (self.para.picture or "")


def bullet_text(text: str) -> str | None:
    """The text of a typed bullet ("- Sikre medverknad"), or ``None``."""
    m = BULLET.match(text)
    if not m or not text[m.end():].strip():
        return None
    return text[m.end():].strip()


def classify(para: Para) -> Item:
    """What ``para`` is."""
    text = para.text
    if para.picture is not None:
        return Item(kind=Kind.picture, text=para.picture, para=para)
    if para.toc or _is_toc_line(text):
        return Item(kind=Kind.toc, text=text, para=para)
    if para.link and (para.link_text.strip() == text.strip() or text.strip() == para.link):
        return Item(kind=Kind.link, text=text, para=para, url=para.link)
    if para.heading is not None and not para.listed:
        return Item(kind=Kind.heading, text=text.rstrip(":").strip(), para=para)
    bullet = bullet_text(text)
    if para.listed or bullet is not None:
        body = bullet if bullet is not None else text
        lead = ""
        if para.lead.rstrip().endswith(":"):
            lead_text = bullet_text(para.lead) or para.lead
            lead = lead_text.rstrip().rstrip(":").strip()
            if body.startswith(lead):
                body = body[len(lead):].lstrip().lstrip(":").strip()
            else:
                lead = ""
        return Item(kind=Kind.bullet, text=body, para=para, lead=lead)
    if para.lead and para.lead.rstrip().endswith(":"):
        label = para.lead.rstrip().rstrip(":").strip()
        rest = text[len(para.lead):].strip() if text.startswith(para.lead) else ""
        if rest and not label.endswith(("http", "https")):
            return Item(kind=Kind.label, text=label, para=para, rest=rest)
    m = re.match(r"^(?P<label>[^:]{2,60}?)\s*:\s+(?P<rest>\S.*)$", text, re.DOTALL)
    if m and field_of(m["label"]) is not None and len(m["label"].split()) <= 8:
        return Item(kind=Kind.label, text=m["label"].strip(), para=para, rest=m["rest"].strip())
    short = len(text) <= 150 and len(text.split()) <= 14
    bare = text.rstrip().rstrip(":").strip()
    if short and section_of(bare) is not None and (
            para.bold or is_caps(text) or para.caps or _large(para) or text.endswith(":")
            or len(text.split()) <= 6):
        return Item(kind=Kind.heading, text=bare, para=para)
    if short and len(bare.split()) <= 6 and field_of(bare) is not None and (
            text.endswith(":") or para.bold or len(bare.split()) <= 3):
        return Item(kind=Kind.label, text=bare, para=para)
    if short and text.endswith(":") and len(text.split()) <= 8:
        return Item(kind=Kind.label, text=bare, para=para)
    if short and (para.bold or is_caps(text) or para.caps or _large(para)) and \
            not _SENTENCE_INSIDE.search(text):
        return Item(kind=Kind.heading, text=bare, para=para)
    return Item(kind=Kind.text, text=text, para=para)


def _large(para: Para) -> bool:
    return para.size is not None and para.size >= 13


def _is_toc_line(text: str) -> bool:
    return bool(_TOC_LINE.match(text) and ("\t" in text or re.search(r"\.{3,}|…", text))) or \
        bool(_TOC_DOTS.match(text) and len(text) < 120)


def toc_entry(text: str) -> str | None:
    """The heading a line of a table of contents names ("Bakgrunn.....\ts. 2"
    → "Bakgrunn"), or ``None``."""
    m = _TOC_LINE.match(text) or _TOC_DOTS.match(text)
    if not m:
        return None
    return re.sub(r"[.…_\s]+$", "", m["text"]).strip() or None


def as_heading(item: Item) -> Item:
    """``item`` read as a heading (a line the table of contents names)."""
    return Item(kind=Kind.heading, text=item.para.text.rstrip(":").strip(), para=item.para)
