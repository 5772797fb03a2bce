"""What every document shows on its cover, in its header and in its properties."""

from __future__ import annotations

from attrs import frozen

from ..lang import Language
from ..models import SltData, Vedtak


@frozen(kw_only=True)
class DokumentView:
    """The document's identity: ``kommune`` ("Aukra kommune"), ``tittel``,
    ``undertittel``, ``periode`` ("2022" or "2022–2025"; ``periode_i_tittel`` when the title
    already says it), ``slt_navn`` (the
    spelled-out SLT name in the document's language), ``vedtatt`` ("Vedteken
    i Koordineringsgruppa 3. desember 2020" or empty), ``spraak`` (nb/nn),
    ``har_logo`` (the picture itself is ``bilde.logo``), and the text for the
    document properties (``emne``, ``forfatter``)."""

    kind: str
    kommune: str
    tittel: str
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


def adopted_text(vedtak: Vedtak | None, lang: Language) -> str:
    """"Vedtatt i Koordineringsgruppa 3. desember 2020 (sak 12/20)"."""
    if vedtak is None:
        return ""
    text = lang.label("vedtatt")
    if vedtak.av:
        text += " " + lang.gettext("in {body}").format(body=vedtak.av)
    if vedtak.dato:
        text += " " + lang.date(vedtak.dato, weekday=False)
    if vedtak.sak:
        text += f" ({vedtak.sak})"
    return text


def document_info(data: SltData, lang: Language, *, kind: str, title: str, subtitle: str = "",
                  period: str = "", adopted: Vedtak | None = None) -> DokumentView:
    """The identity of one document of ``kind``."""
    kommune = data.kommune
    return DokumentView(
        kind=kind,
        kommune=kommune.visningsnavn,
        tittel=title,
        undertittel=subtitle,
        periode=period,
        periode_i_tittel=bool(period) and period in title,
        slt_navn=lang.label("slt_navn"),
        vedtatt=adopted_text(adopted, lang),
        spraak=lang.code,
        har_logo=bool(kommune.logo),
        logo_alt=kommune.logo_alt or lang.gettext("Logo of {kommune}").format(
            kommune=kommune.visningsnavn),
        emne=lang.label("slt_navn"),
        forfatter=kommune.visningsnavn,
    )
