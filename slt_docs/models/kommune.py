"""The kommune itself: its name, written language, logo and contacts."""

from __future__ import annotations

import enum

from attrs import frozen


class Kontaktrolle(enum.Enum):
    """The role a contact person holds in the SLT work."""

    koordinator = "koordinator"
    politikontakt = "politikontakt"
    annen = "annen"


@frozen(kw_only=True)
class Kontakt:
    """A contact by role. Examples use role placeholders, never a real
    person's phone number or e-mail address."""

    rolle: Kontaktrolle
    tittel: str
    navn: str | None = None
    telefon: str | None = None
    epost: str | None = None
    merknad: str | None = None


@frozen(kw_only=True)
class Kommune:
    """The kommune: ``navn`` ("Aukra"; documents write "Aukra kommune" unless
    ``fullt_navn`` says otherwise), the written language of its documents
    (``spraak``: ``nb`` bokmål or ``nn`` nynorsk, or any language that has a
    catalog), an optional logo file (relative to the data folder), contacts."""

    navn: str
    spraak: str = "nb"
    fullt_navn: str | None = None
    logo: str | None = None
    logo_alt: str | None = None
    nettside: str | None = None
    kontakter: tuple[Kontakt, ...] = ()
    profil: str | None = None

    @property
    def visningsnavn(self) -> str:
        """The name in the command line's (bokmål) messages: ``fullt_navn`` or
        "<navn> kommune". Documents take it from the language instead
        (:meth:`slt_docs.lang.Language.kommune_name`)."""
        return self.fullt_navn or f"{self.navn} kommune"

    def kontakt(self, rolle: Kontaktrolle) -> Kontakt | None:
        """The first contact with ``rolle``, if any."""
        return next((k for k in self.kontakter if k.rolle is rolle), None)
