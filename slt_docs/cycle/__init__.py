"""The SLT year: the tiltak's yearly status (:mod:`.status`), rolling the
plan forward to the next year (:mod:`.rollover`, with the look back from
:mod:`.lookback` and the next møteplan from :mod:`.meetings`), and what
changed between two versions of a plan (:mod:`.diff`, words compared by
:mod:`.worddiff`).

The modules are imported one by one (``from slt_docs.cycle.status import
…``); the data checks use :mod:`.status` only.
"""

import enum


class Ferdige(enum.Enum):
    """What :func:`~slt_docs.cycle.rollover.roll_forward` does with a tiltak
    that was completed or ended last year (here, not in :mod:`.rollover`, so
    the command line offers the choices without importing the roll-forward
    machinery and its round-trip YAML)."""

    utelat = "utelat"
    """Left out of the new plan."""
    merk = "merk"
    """Kept, marked ``status: gjennomført`` (or ``avsluttet``) with a comment."""


__all__ = ["Ferdige"]
