"""Mandat and tiltak tables as documents of their own. They name what they
show (a body, some delmål) and never repeat the organisation's data."""

from __future__ import annotations

from attrs import frozen

from .common import Blokk, Vedtak
from .handlingsplan import Kolonne


@frozen(kw_only=True)
class MandatDokument:
    """A mandate document for one level, group or working group (``organ``)."""

    organ: str
    tittel: str | None = None
    vedtatt: Vedtak | None = None
    innledning: tuple[Blokk, ...] = ()


@frozen(kw_only=True)
class TiltakDokument:
    """A tiltak table on its own: the delmål it shows by number (empty: all)
    and its columns (empty: as in the handlingsplan)."""

    tittel: str | None = None
    delmaal: tuple[int, ...] = ()
    kolonner: tuple[Kolonne, ...] = ()
    innledning: tuple[Blokk, ...] = ()


@frozen(kw_only=True)
class Dokumenter:
    """The extra documents a kommune keeps beside the plan and the møteplan."""

    mandat: tuple[MandatDokument, ...] = ()
    tiltak: tuple[TiltakDokument, ...] = ()
