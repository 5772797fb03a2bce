"""The concrete meetings of one body, for views that list a body's dates."""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from ..models import Motestatus, SltData, Tidsrom, organ_id


@frozen(kw_only=True)
class MeetingDate:
    """A meeting's date and time (what a tidspunkt cell shows)."""

    dato: dt.date
    tid: Tidsrom | None


def meetings_of(data: SltData, ref: str) -> list[MeetingDate]:
    """Every held meeting of the body ``ref`` in the møteplan, by date (moved
    ones at their new date; postponed and cancelled ones left out)."""
    if data.moteplan is None:
        return []
    organ = data.organisasjon.finn(ref)
    if organ is None:
        return []
    key = organ_id(organ)
    out = []
    for m in data.moteplan.moter:
        if data.organisasjon.finn(m.organ) is not organ and m.organ != key:
            continue
        if m.status in (Motestatus.utsatt, Motestatus.avlyst):
            continue
        day = m.ny_dato if m.status is Motestatus.flyttet and m.ny_dato else m.dato
        out.append(MeetingDate(dato=day, tid=m.tid))
    return sorted(out, key=lambda m: (m.dato, m.tid.start if m.tid else dt.time()))
