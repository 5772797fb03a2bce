"""Mandat and tiltak tables as documents of their own. They name what they
show (a body, some delmål) and never repeat the organisation's data."""

from __future__ import annotations

from attrs import field, frozen

from .common import Blokk, Vedtak
from .handlingsplan import Kolonne


@frozen(kw_only=True)
class MandatDokument:
    """A mandate document for one level, group or working group (``organ``).
    ``tittel`` defaults to "Mandat for <the body's definite name>";
    ``etiketter`` holds own words for the document's fixed labels (the body's
    own ``etiketter`` win over them)."""

    organ: str
    tittel: str | None = None
    etiketter: dict[str, str] = field(factory=dict)
    vedtatt: Vedtak | None = None
    innledning: tuple[Blokk, ...] = ()


@frozen(kw_only=True)
class TiltakDokument:
    """A tiltak table on its own: the delmål it shows by place (1 = the first;
    empty: all) and its columns (empty: as in the handlingsplan). The table
    keeps the plan's own headings (``handlingsplan.etiketter``); ``etiketter``
    here win over them in this document."""

    tittel: str | None = None
    etiketter: dict[str, str] = field(factory=dict)
    delmaal: tuple[int, ...] = ()
    kolonner: tuple[Kolonne, ...] = ()
    innledning: tuple[Blokk, ...] = ()


@frozen(kw_only=True)
class Dokumenter:
    """The extra documents a kommune keeps beside the plan and the møteplan."""

    mandat: tuple[MandatDokument, ...] = ()
    tiltak: tuple[TiltakDokument, ...] = ()
