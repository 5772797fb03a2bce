"""The concrete meetings of one body, for views that list a body's dates."""

from __future__ import annotations

from ..models import SltData
from ..schedule import KonkretMoete, expand


def meetings_of(data: SltData, ref: str) -> list[KonkretMoete]:
    """Every held meeting of the body ``ref`` in the møteplan (single meetings
    and series, moved ones at their new date; cancelled and postponed ones left
    out), in the order they take place."""
    if data.moteplan is None or data.organisasjon.finn(ref) is None:
        return []
    return list(expand(data, organ=ref).held())
