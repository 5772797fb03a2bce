"""The concrete meetings of one body, for views that list a body's dates."""

from __future__ import annotations

from ..models import SltData
from ..schedule import KonkretMoete, Schedule, expand, filter_schedule


def meetings_of(data: SltData, ref: str, schedule: Schedule | None = None) -> list[KonkretMoete]:
    """Every held meeting of the body ``ref`` in the møteplan (single meetings
    and series, moved ones at their new date; cancelled and postponed ones left
    out), in the order they take place. ``schedule`` is the møteplan already
    expanded (:class:`slt_docs.prepared.Prepared`); expanded here when not given."""
    if data.moteplan is None or data.organisasjon.finn(ref) is None:
        return []
    if schedule is None:
        schedule = expand(data)
    return list(filter_schedule(schedule, ref, data.organisasjon).held())


def schedule_for(data: SltData, schedule: Schedule | None) -> Schedule | None:
    """``schedule``, else the møteplan expanded once when the data has one."""
    if schedule is not None or data.moteplan is None:
        return schedule
    return expand(data)
