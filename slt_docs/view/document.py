"""What every document shows on its cover, in its header and in its properties."""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from ..lang import Language
from ..models import SltData, Vedtak


@frozen(kw_only=True)
class DokumentView:
    """The document's identity: ``kommune`` ("Aukra kommune"), ``tittel``,
    ``undertittel``, ``periode`` ("2022" or "2022–2025"; ``periode_i_tittel`` when the title
    already says it), ``topptekst`` (the running header: "Aukra kommune · SLT
    Handlingsplan 2022", or the title alone when it names the kommune
    already), ``slt_navn`` (the
    spelled-out SLT name in the document's language, or the kommune's own
    ``etiketter.slt_navn``), ``vedtatt`` ("Vedteken i Koordineringsgruppa 3.
    desember 2020", «Vedteke» for a mandat; or empty), ``spraak`` (nb/nn),
    ``har_logo`` (the picture itself is ``bilde.logo``), and the text for the
    document properties (``emne``, ``forfatter``)."""

    kind: str
    kommune: str
    tittel: str
    topptekst: str
    undertittel: str
    periode: str
    periode_i_tittel: bool
    slt_navn: str
    vedtatt: str
    spraak: str
    har_logo: bool
    logo_alt: str
    emne: str
    forfatter: str


def adopted_text(vedtak: Vedtak | None, lang: Language, word: str) -> str:
    """"Vedtatt i Koordineringsgruppa 3. desember 2020 (sak 12/20)", with
    ``word`` ("Vedtatt", "Vedteke" …) agreeing with the document."""
    if vedtak is None:
        return ""
    text = word
    if vedtak.av:
        text += " " + lang.gettext("in {body}").format(body=vedtak.av)
    if vedtak.dato:
        text += " " + lang.date(vedtak.dato, weekday=False)
    if vedtak.sak:
        text += f" ({vedtak.sak})"
    return text


def running_header(kommune: str, name: str, title: str) -> str:
    """"Aukra kommune · SLT Handlingsplan 2022"; the title alone when it names
    the kommune already ("Handlingsplan SLT - Nordre Land kommune")."""
    if name.casefold() in title.casefold():
        return title
    return f"{kommune} · {title}"


def document_info(data: SltData, lang: Language, labels: Mapping[str, str], *, kind: str,
                  title: str, subtitle: str = "", period: str = "",
                  adopted: Vedtak | None = None) -> DokumentView:
    """The identity of one document of ``kind``, with the document's ``labels``."""
    kommune = data.kommune
    name = lang.kommune_name(kommune)
    return DokumentView(
        kind=kind,
        kommune=name,
        tittel=title,
        topptekst=running_header(name, kommune.navn, title),
        undertittel=subtitle,
        periode=period,
        periode_i_tittel=bool(period) and period in title,
        slt_navn=labels["slt_navn"],
        vedtatt=adopted_text(adopted, lang, labels.get("vedtatt", "")),
        spraak=lang.code,
        har_logo=bool(kommune.logo),
        logo_alt=kommune.logo_alt or lang.gettext("Logo of {kommune}").format(kommune=name),
        emne=labels["slt_navn"],
        forfatter=name,
    )
