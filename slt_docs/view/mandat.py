"""A mandate document for one level, group or working group."""

from __future__ import annotations

from attrs import frozen

from ..lang import Language
from ..models import Arbeidsgruppe, MandatDokument, Nivaa, Organ, SltData
from .common import (
    BlokkView,
    GruppeView,
    blocks,
    definite_name,
    group_view,
    labels_for,
    level_name,
)
from .document import DokumentView, document_info
from .handlingsplan import NivaaView, level_view


@frozen(kw_only=True)
class MandatDokView:
    """Everything the mandat template shows: the body (``organ``, with
    members, mandate and meetings), its level's name (``nivaa``), and for a
    level the full level view (``nivaa_info``: prerequisite, decision
    authority, budget, strategy goals) or empty."""

    dok: DokumentView
    label: dict[str, str]
    innledning: tuple[BlokkView, ...]
    organ: GruppeView
    nivaa: str
    nivaa_info: NivaaView | None
    opploses: str


def _level_of(organ: Organ, data: SltData) -> Nivaa | None:
    if isinstance(organ, Nivaa):
        return organ
    for nivaa in data.organisasjon.nivaa:
        if organ in nivaa.grupper:
            return nivaa
    if isinstance(organ, Arbeidsgruppe) and organ.nivaa:
        found = data.organisasjon.finn(organ.nivaa)
        return found if isinstance(found, Nivaa) else None
    return None


def mandat_view(data: SltData, lang: Language, doc: MandatDokument) -> MandatDokView:
    """The view of the mandate document ``doc``."""
    organ = data.organisasjon.finn(doc.organ)
    assert organ is not None, "checked when the data was loaded"
    level = _level_of(organ, data)
    title = doc.tittel or lang.gettext("Mandate for {body}").format(
        body=definite_name(organ, lang))
    labels = labels_for(lang, doc.etiketter, kind="mandat")
    dok = document_info(data, lang, labels, kind="mandat", title=title, adopted=doc.vedtatt)
    return MandatDokView(
        dok=dok,
        label=labels,
        innledning=blocks(doc.innledning),
        organ=group_view(organ, lang, labels),
        nivaa=level_name(level.type, lang) if level else "",
        nivaa_info=level_view(organ, data, lang, labels) if isinstance(organ, Nivaa) else None,
        opploses=organ.opploses if isinstance(organ, Arbeidsgruppe) and organ.opploses else "",
    )
