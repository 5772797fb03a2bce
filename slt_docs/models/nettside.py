"""The kommune's SLT web page: what the page says beyond the organisation data.

The page itself is made from the data every document shares (the levels,
the coordinator, the meeting forums, the møteplan, the contacts); this part
holds only what a web page has and the documents do not: its title and
introduction, the kommune's own sections, its own headings for the page's
parts, and the kommune's own documents it links to (plans, forms, routines).
In YAML the top-level key ``nettside`` (usually in ``nettside.yaml``); a
kommune without it still gets a page.
"""

from __future__ import annotations

import enum

from attrs import field, frozen

from .common import Blokk, Lenke


class Nettsidedel(enum.Enum):
    """The parts of the web page, in the order the page shows them: the
    introduction, the organisation (the levels), the coordinator, the
    meeting forums, the next meetings, the documents and the contacts."""

    innledning = "innledning"
    organisering = "organisering"
    koordinator = "koordinator"
    moteforum = "moteforum"
    moter = "moter"
    dokumenter = "dokumenter"
    kontakt = "kontakt"


@frozen(kw_only=True)
class NettsideSeksjon:
    """A section of the kommune's own text on the page: an optional heading
    (``tittel``), its text (``innhold``) and where it stands (``plass``).

    With ``plass: innledning`` (the default) it is a part of its own after
    the introduction ("Kva er SLT?", "SLT kort forklart"); with another part
    it stands inside that part, after the part's text — for the organisation
    after the levels, for the coordinator before the list of tasks ("Los i
    systemet")."""

    tittel: str | None = None
    innhold: tuple[Blokk, ...] = ()
    plass: Nettsidedel = Nettsidedel.innledning


@frozen(kw_only=True)
class Dokumentgruppe:
    """A group of the kommune's own documents the page links to, under a
    heading ("Skjema for samtykke"), each a link with the document's title as
    its text (``lenker``)."""

    tittel: str
    lenker: tuple[Lenke, ...] = ()


@frozen(kw_only=True)
class Nettside:
    """The web page's own content: ``tittel`` (default "SLT i <kommune>"),
    the ``innledning`` under it, the kommune's own ``seksjoner``, the groups
    of its own documents (``dokumenter``) and how many of the next meetings
    the page lists (``antall_moter``).

    ``etiketter`` holds the kommune's own words for the page's headings and
    labels by key, as in the other documents: ``organisering``,
    ``koordinator`` (default: the coordinator's ``tittel``), ``oppgaver``
    ("Dette er nokre av oppgåvene til SLT-koordinatoren"), ``moteforum``,
    ``neste_moter``, ``dokumenter``, ``kontakt`` …"""

    tittel: str | None = None
    etiketter: dict[str, str] = field(factory=dict)
    innledning: tuple[Blokk, ...] = ()
    seksjoner: tuple[NettsideSeksjon, ...] = ()
    dokumenter: tuple[Dokumentgruppe, ...] = ()
    antall_moter: int = 8


__all__ = ["Dokumentgruppe", "Nettside", "NettsideSeksjon", "Nettsidedel"]
