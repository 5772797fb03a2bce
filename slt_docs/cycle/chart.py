"""The small bar chart of a status report: how many tiltak stand in each
status. Each bar has its own colour from Okabe & Ito's colour-blind-safe
palette *and* its own hatch pattern, the status is written beside its bar
and the count at its end, so the chart reads in greyscale and without
colour vision; the picture's alt text says the same in words. Drawn with
:mod:`slt_docs.drawing`."""

from __future__ import annotations

from ..drawing import Fonts, Line, Picture, Rect, Shape, Text, points
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


def status_chart(status: YearStatus, lang: Language, fonts: Fonts | None = None) -> Picture:
    """The chart as a :class:`~slt_docs.drawing.Picture`: one bar per status
    (:data:`STYLE`), top to bottom in the order of ``status.counts``, the
    status written left of its bar and the count at its end; 6.4 inches
    wide at :data:`DPI`."""
    fonts = fonts or Fonts()
    items = list(status.counts.items())
    labels = [status_label(s, lang) for s, _ in items]
    values = [n for _, n in items]
    most = max(values, default=0) or 1
    size = points(12, DPI)
    pad, tick_pad = points(4, DPI), points(6, DPI)
    width, height = round(6.4 * DPI), round((0.55 * len(items) + 0.6) * DPI)
    left = pad + max((fonts.width(label, size) for label in labels), default=0.0) + tick_pad
    gap = most * 0.015  # between a bar's end and its count, in counts
    widest_count = max((fonts.width(lang.number(n), size, bold=True) for n in values),
                       default=0.0)
    room = width - pad - left
    scale = min(room / (most * 1.12 + 0.5), (room - widest_count) / (most * (1 + 0.015)))
    # bars 0.62 of a row high, a margin of 5 % of the bars' span above and below
    span = max(len(items) - 1, 0) + 0.62
    row = (height - 2 * pad) / (span * 1.1)
    top = pad + span * 0.05 * row + 0.31 * row
    shapes: list[Shape] = []
    for index, ((key, value), label) in enumerate(zip(items, labels, strict=True)):
        colour, hatch = STYLE[key]
        middle = top + index * row
        shapes.append(Rect(left, middle - 0.31 * row, value * scale, 0.62 * row, fill=colour,
                           stroke="#000000", stroke_width=points(1.0, DPI), hatch=hatch,
                           hatch_width=points(1.2, DPI), hatch_spacing=DPI / 6))
        shapes.append(Text(left - tick_pad, middle, label, size, align="end"))
        shapes.append(Text(left + (value + gap) * scale, middle, lang.number(value), size,
                           bold=True, align="start"))
    shapes.append(Line(((left, pad), (left, height - pad)), width=points(0.8, DPI)))
    alt = chart_alt(status, lang)
    return Picture(width, height, DPI, tuple(shapes), title=alt, id="statusdiagram",
                   lang=lang.code)


def status_chart_png(status: YearStatus, lang: Language) -> bytes:
    """The chart as PNG bytes, a 256-colour palette image at :data:`DPI`
    with the alt text as its title (the same input gives the same bytes)."""
    fonts = Fonts()
    return status_chart(status, lang, fonts).png(fonts)
