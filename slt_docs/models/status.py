"""The yearly status of the handlingsplan's tiltak, kept apart from the
adopted plan: one ``status:`` per year, usually in a file of its own
(``status-2022.yaml``), reported to the politiråd and carried into the next
plan's look back."""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from .common import Blokk
from .handlingsplan import Tiltaksstatus


@frozen(kw_only=True)
class Statuspunkt:
    """The status of one tiltak in the year. ``tiltak`` names it by number
    ("1.2", as the plan numbers it) or by its ``id``; ``status`` is one of
    gjennomført, i gang, ikke startet / ikkje starta, utsatt / utsett,
    avsluttet / avslutta; ``kommentar`` a short comment, ``dato`` when it was
    done or last looked at, ``resultat`` what was achieved."""

    tiltak: str
    status: Tiltaksstatus
    kommentar: str | None = None
    dato: dt.date | None = None
    resultat: str | None = None


@frozen(kw_only=True)
class Statusrapport:
    """One year's status of the tiltak (``aar``, a year in the plan's
    period, or the year the plan looks back on). ``tittel`` and
    ``innledning`` are the kommune's own heading and words for the status
    report; ``dato`` the day the status was taken.

    A kommune folder may hold one per year, each in its own file::

        # status-2022.yaml
        status:
          aar: 2022
          tiltak:
            - {tiltak: "1.1", status: gjennomført, kommentar: Rapport lagd i mai}
    """

    aar: int
    tittel: str | None = None
    dato: dt.date | None = None
    innledning: tuple[Blokk, ...] = ()
    tiltak: tuple[Statuspunkt, ...] = ()
