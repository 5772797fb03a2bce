"""The small bar chart of a status report: how many tiltak stand in each
status. Each bar has its own colour from Okabe & Ito's colour-blind-safe
palette *and* its own hatch pattern, the status is written beside its bar
and the count at its end, so the chart reads in greyscale and without
colour vision; the picture's alt text says the same in words."""

from __future__ import annotations

import io
from typing import Any

from ..lang import Language
from ..lang.labels import N_
from ..models import Tiltaksstatus
from .status import YearStatus

STYLE: dict[Tiltaksstatus | None, tuple[str, str]] = {
    Tiltaksstatus.gjennomfort: ("#009E73", ""),      # bluish green, solid
    Tiltaksstatus.i_gang: ("#56B4E9", "//"),         # sky blue, diagonal lines
    Tiltaksstatus.ikke_startet: ("#F0E442", ".."),   # yellow, dots
    Tiltaksstatus.utsatt: ("#E69F00", "xx"),         # orange, crosses
    Tiltaksstatus.avsluttet: ("#999999", "--"),      # grey, horizontal lines
    None: ("#FFFFFF", "\\\\"),                       # white, back diagonals
}
"""Colour and hatch per status (``None``: not reported)."""

ALT = N_("Bar chart of the status of the {count} measures in {year}: {counts}.")
NOT_REPORTED = N_("Not reported")
DPI = 200
FONT = "DejaVu Sans"


def status_label(status: Tiltaksstatus | None, lang: Language) -> str:
    """The status as a document writes it ("Gjennomført", "Ikkje rapportert")."""
    if status is None:
        return lang.gettext(NOT_REPORTED)
    return lang.label(f"tiltak_status_{status.value}")


def chart_alt(status: YearStatus, lang: Language) -> str:
    """The chart's alt text: every bar's status and count in words."""
    counts = ", ".join(f"{status_label(s, lang)} {lang.number(n)}"
                       for s, n in status.counts.items())
    return lang.gettext(ALT).format(count=lang.number(status.total), year=status.aar,
                                    counts=counts)


def status_chart_png(status: YearStatus, lang: Language) -> bytes:
    """The chart as PNG bytes (the same input gives the same bytes)."""
    import matplotlib
    from matplotlib.figure import Figure

    items = list(status.counts.items())
    labels = [status_label(s, lang) for s, _ in items]
    values = [n for _, n in items]
    with matplotlib.rc_context({"font.family": FONT, "hatch.linewidth": 1.2,
                                "hatch.color": "#000000"}):
        fig = Figure(figsize=(6.4, 0.55 * len(items) + 0.6))
        ax: Any = fig.add_subplot()
        positions = list(range(len(items)))[::-1]
        for y, (key, value) in zip(positions, items, strict=True):
            colour, hatch = STYLE[key]
            ax.barh(y, value, height=0.62, color=colour, hatch=hatch, edgecolor="#000000",
                    linewidth=1.0)
            ax.text(value + max(values) * 0.015, y, lang.number(value), va="center",
                    ha="left", fontsize=12, fontweight="bold", color="#000000")
        ax.set_yticks(positions, labels=labels, fontsize=12)
        ax.set_xlim(0, max(values) * 1.12 + 0.5)
        ax.set_xticks([])
        for side in ("top", "right", "bottom"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="y", length=0, pad=6)
        fig.tight_layout(pad=0.4)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=DPI, facecolor="white",
                    metadata={"Software": None, "Title": chart_alt(status, lang)})
    return buffer.getvalue()
