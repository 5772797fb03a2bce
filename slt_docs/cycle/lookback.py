"""The look back on a year that ended (``tilbakeblikk``), made from what the
data knows: every meeting of each body in the møteplan with its date and
topic, the meetings moved or cancelled and why, how the tiltak ended (the
year's status file), the working groups, and grant applications still
awaiting an answer. It is data for the coordinator to edit, not prose."""

from __future__ import annotations

import re

import attrs

from ..models import (
    Blokk,
    Gruppestatus,
    Motestatus,
    SltData,
    Tilbakeblikk,
    TilbakeblikkMoete,
    TilbakeblikkStatus,
    Utfall,
)
from ..schedule import KonkretMoete, expand
from .status import STATUS_ORDER, year_status


def look_back(data: SltData, aar: int) -> Tilbakeblikk:
    """The look back on ``aar`` from ``data`` (the folder of that year's
    plan). The heading and introduction of the plan's previous look back are
    kept, with its year changed to ``aar``."""
    plan = data.handlingsplan
    old = plan.tilbakeblikk if plan is not None else None
    intro: tuple[Blokk, ...] = ()
    heading = None
    if old is not None:
        intro = tuple(_replace_year_in_block(b, old.aar, aar) for b in old.innledning)
        heading = replace_year(old.overskrift, old.aar, aar) if old.overskrift else None
    pending = tuple(s for s in old.soknader if s.utfall is Utfall.venter) if old else ()
    return Tilbakeblikk(
        aar=aar,
        overskrift=heading,
        innledning=intro,
        moter=meetings_of_year(data, aar),
        arbeidsgrupper=tuple(
            g.navn or g.id or "" for g in data.organisasjon.arbeidsgrupper
            if g.status is Gruppestatus.aktiv and (g.aar is None or g.aar == aar)),
        soknader=pending,
        tiltaksstatus=status_lines(data, aar),
    )


def meetings_of_year(data: SltData, aar: int) -> tuple[TilbakeblikkMoete, ...]:
    """Every meeting of the møteplan planned or held in ``aar``, body by body
    in the møteplan's order, each body's by date. A moved meeting stands on
    the day it was held, with the day first planned; a cancelled or
    postponed one on its planned day; the reason as the møteplan gives it
    (``aarsak``, else the holiday it was moved for, else its note)."""
    if data.moteplan is None or data.moteplan.aar != aar:
        return ()
    schedule = expand(data)
    out: list[TilbakeblikkMoete] = []
    for organ in schedule.organer:
        mine = [m for m in schedule.moter if m.organ == organ and _in_year(m, aar)]
        for m in sorted(mine, key=lambda m: m.avholdes or m.dato):
            out.append(_looked_back(m))
    return tuple(out)


def _in_year(m: KonkretMoete, aar: int) -> bool:
    day = m.avholdes or m.dato
    return day.year == aar


def _looked_back(m: KonkretMoete) -> TilbakeblikkMoete:
    tema = (m.tema,) if m.tema else ()
    if m.status is Motestatus.flyttet and m.ny_dato is not None:
        return TilbakeblikkMoete(organ=m.organ, dato=m.ny_dato, tittel=m.tittel, tema=tema,
                                 status=Motestatus.flyttet, planlagt_dato=m.dato,
                                 aarsak=m.aarsak or m.fridag or m.merknad)
    if m.status in (Motestatus.avlyst, Motestatus.utsatt) or m.avholdes is None:
        return TilbakeblikkMoete(organ=m.organ, dato=m.dato, tittel=m.tittel, tema=tema,
                                 status=m.status, aarsak=m.aarsak or m.merknad)
    return TilbakeblikkMoete(organ=m.organ, dato=m.dato, tittel=m.tittel, tema=tema)


def status_lines(data: SltData, aar: int) -> tuple[TilbakeblikkStatus, ...]:
    """How the tiltak of ``aar`` ended, per status ("1.1 Ungdata 2021"), from
    the status file for ``aar``; empty when there is none."""
    if data.handlingsplan is None or not any(r.aar == aar for r in data.status):
        return ()
    rows = year_status(data, aar).rader
    return tuple(
        TilbakeblikkStatus(status=status, tiltak=tuple(
            f"{r.nummer} {r.tiltak.tittel}".strip() for r in rows if r.status is status))
        for status in STATUS_ORDER if any(r.status is status for r in rows))


def replace_year(text: str, old: int, new: int) -> str:
    """``text`` with the year ``old`` written as a whole number changed to
    ``new`` ("for 2021." → "for 2022."; "20215" and "2021-2030" untouched)."""
    return re.sub(rf"(?<![\d-]){old}(?![\d-])", str(new), text)


def _replace_year_in_block(block: Blokk, old: int, new: int) -> Blokk:
    if block.avsnitt is not None:
        return attrs.evolve(block, avsnitt=replace_year(block.avsnitt, old, new))
    return block
