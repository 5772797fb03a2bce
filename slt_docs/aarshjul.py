"""The årshjul (year wheel): the year's meetings as a circular picture.

Twelve equal month sectors start with January at the top and run clockwise,
month names in the document's language around the rim. Every body has a
ring of its own — the first body of the møteplan's order outermost — in a
colour from the Okabe–Ito palette (safe for the common kinds of colour
blindness), and every meeting that takes place is a dot at its date's angle
on its body's ring with the day of the month in it. The kommune's name and
the year stand in the centre; a legend below names the bodies.

The wheel shows the calendar year of the møteplan: meetings in January of
the next year belong to next year's wheel. Cancelled meetings and meetings
postponed without a new date are not drawn; moved ones are drawn at their
new date.

Drawn as a :class:`~slt_docs.drawing.Picture` — shapes described once —
and written from that description as PNG (Pillow, with the DejaVu Sans
fonts shipped in the package, so it looks the same on every machine) and
as SVG (arcs as arc paths, the month names, days and names as real text).
The same data gives the same bytes. :func:`alt_text` says in words what the
picture shows, for the document's alt text (universell utforming); it is
also the SVG's ``<desc>``.

:class:`Aarshjul` is one kommune's wheel in one language, drawn once: its
picture is described on first use and written as PNG and as SVG from the
same description, so every document and file that shows the wheel reuses
the same bytes. The PNG is a 256-colour palette image
(:func:`~slt_docs.drawing.encode_png`): the colours that make up nearly
every pixel kept exactly, the soft edges within a few steps of 255.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import math
import textwrap

import attrs

from .drawing import (
    Circle,
    Fonts,
    Legend,
    Line,
    Picture,
    Shape,
    Text,
    Wedge,
    encode_png,
    palette_image,
    points,
)
from .lang import Language, data_language
from .lang.labels import N_
from .models import SltData, expect_model
from .schedule import KonkretMoete, Schedule, expand, organ_name

PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)
"""Okabe & Ito's colour-blind-safe palette, most distinct colours first."""

DPI = 150
SIZE_INCHES = 12.0
"""12 × 12 inches at 150 dpi: an 1800 × 1800 pixel PNG."""

ALT_INTRO = N_("Year wheel of the SLT meetings in {kommune} {year}: twelve month sectors "
               "with January at the top and the months clockwise, one ring per group from "
               "the outside in.")
ALT_NONE = N_("{body}: no meetings.")

_INNER = 0.40  # inner edge of the innermost ring
_OUTER = 0.93  # outer edge of the outermost ring
_RIM_IN = 0.955  # month band
_RIM_OUT = 1.085
_LIMIT = 1.10


# -- what is drawn --------------------------------------------------------------

def wheel_meetings(schedule: Schedule) -> dict[str, list[tuple[dt.date, KonkretMoete]]]:
    """Per body (in display order), the meetings drawn: those that take
    place in the møteplan's calendar year, by the day they take place."""
    out: dict[str, list[tuple[dt.date, KonkretMoete]]] = {o: [] for o in schedule.organer}
    for m in schedule.held():
        day = m.avholdes
        if day is None or day.year != schedule.aar:
            continue
        out.setdefault(m.organ, []).append((day, m))
    return out


def _angle(day: dt.date) -> float:
    """Radians clockwise from the top: each month an equal sector, the day
    in the middle of its share of the month."""
    days = _calendar.monthrange(day.year, day.month)[1]
    return 2 * math.pi * ((day.month - 1) + (day.day - 0.5) / days) / 12


def _language(data: SltData, lang: Language | str | None) -> Language:
    if isinstance(lang, Language):
        return lang
    return data_language(data, lang)


# -- the picture ------------------------------------------------------------------

def picture(data: SltData, *, lang: Language | str | None = None,
            schedule: Schedule | None = None, fonts: Fonts | None = None,
            alt: str | None = None) -> Picture:
    """The årshjul as a :class:`~slt_docs.drawing.Picture` (shapes in
    pixels at :data:`DPI`, written as PNG and SVG); ``schedule`` is the
    møteplan expanded (:func:`slt_docs.schedule.expand`), expanded here
    when not given; ``alt`` its :func:`alt_text` when already made."""
    language = _language(data, lang)
    schedule = schedule if schedule is not None else expand(data)
    fonts = fonts or Fonts()
    per_body = wheel_meetings(schedule)
    bodies = list(per_body)
    entries = tuple((PALETTE[i % len(PALETTE)],
                     f"{organ_name(data, body, language)} ({len(per_body[body])})")
                    for i, body in enumerate(bodies))
    # 15 pt text; 16 pt markers with a white edge, centred in a 2 em handle;
    # 0.4 em to the text, 2.2 em between columns, rows 1.5 em apart
    em = _pt(15)
    legend = Legend(entries, size=em, marker=_pt(16), marker_edge=_pt(1), handle=2 * em,
                    pad=0.4 * em, spacing=2.2 * em, row_height=1.5 * em,
                    max_width=SIZE - 0.8 * em)
    rows = legend.rows(fonts) if entries else 1
    # the wheel's square: what the legend's rows leave of the picture (a
    # third row and more take only their own height)
    bottom = SIZE * (0.035 + 0.035 * min(rows, 2)) + legend.row_height * max(rows - 2, 0)
    side = min(SIZE * 0.94, SIZE * 0.985 - bottom)
    wheel = _Wheel(cx=SIZE / 2, cy=SIZE * 0.015 + (SIZE * 0.985 - bottom) / 2,
                   unit=side / 2 / _LIMIT)
    shapes: list[Shape] = []
    shapes += _sectors(wheel)
    rings = _ring_radii(len(bodies))
    width = (_OUTER - _INNER) / max(len(bodies), 1)
    for index, radius in enumerate(rings):
        colour = PALETTE[index % len(PALETTE)]
        shapes.append(Wedge(wheel.cx, wheel.cy, wheel.r(radius - width * 0.45),
                            wheel.r(radius + width * 0.45), fill=colour, opacity=0.10))
        shapes.append(Circle(wheel.cx, wheel.cy, wheel.r(radius), fill=None, stroke=colour,
                             stroke_width=_pt(1.2), stroke_opacity=0.55))
    # the month lines over the rings, under the dots
    for month in range(12):
        shapes.append(Line((wheel.at(month * 30, _INNER - 0.01),
                            wheel.at(month * 30, _OUTER + 0.01)),
                           stroke="#FFFFFF", width=_pt(2.2)))
    shapes += _rim(wheel, language)
    for index, body in enumerate(bodies):
        shapes += _meetings(wheel, per_body[body], rings[index], width,
                            PALETTE[index % len(PALETTE)])
    shapes += _centre(wheel, data, schedule.aar, language)
    if entries:
        last_row = SIZE - _pt(35.5)
        shapes += legend.shapes(fonts, centre_x=SIZE / 2,
                                first_row_y=last_row - (rows - 1) * legend.row_height)
    return Picture(SIZE, SIZE, DPI, tuple(shapes), title=title(data, language, schedule.aar),
                   description=alt if alt is not None else
                   alt_text(data, language, schedule=schedule), id="aarshjul",
                   lang=language.code)


def title(data: SltData, language: Language, year: int) -> str:
    """"Årshjul 2022 – Aukra": the picture's title in its metadata."""
    return f"{language.label('aarshjul')} {year} – {language.kommune_name(data.kommune)}"


SIZE = round(SIZE_INCHES * DPI)
"""The picture's side in pixels (1800)."""


def _pt(size: float) -> float:
    return points(size, DPI)


@attrs.frozen
class _Wheel:
    """Where the wheel stands: its centre and the pixels per unit of radius
    (the outer edge of the month rim is at about 1.1)."""

    cx: float
    cy: float
    unit: float

    def r(self, radius: float) -> float:
        return radius * self.unit

    def at(self, degrees: float, radius: float) -> tuple[float, float]:
        """The point ``degrees`` clockwise from the top at ``radius``."""
        angle = math.radians(degrees)
        return (self.cx + self.r(radius) * math.sin(angle),
                self.cy - self.r(radius) * math.cos(angle))


def _ring_radii(count: int) -> list[float]:
    """Ring centre radii, the first body outermost."""
    if count == 0:
        return []
    width = (_OUTER - _INNER) / count
    return [_OUTER - width * (i + 0.5) for i in range(count)]


def _sectors(wheel: _Wheel) -> list[Shape]:
    """The twelve month sectors, alternating greys."""
    return [Wedge(wheel.cx, wheel.cy, wheel.r(_INNER - 0.01), wheel.r(_OUTER + 0.01),
                  month * 30, month * 30 + 30, fill="#F3F4F6" if month % 2 == 0 else "#E7E9ED")
            for month in range(12)]


def _rim(wheel: _Wheel, language: Language) -> list[Shape]:
    """The dark-blue month rim with the month names, white lines between
    the months and at the rim's edges."""
    edge = _pt(2) / 2
    shapes: list[Shape] = []
    for month in range(12):
        start = month * 30
        shapes.append(Wedge(wheel.cx, wheel.cy, wheel.r(_RIM_IN) + edge,
                            wheel.r(_RIM_OUT) - edge, start, start + 30,
                            fill="#1F3A5F" if month % 2 == 0 else "#2E5283"))
    for month in range(12):
        shapes.append(Line((wheel.at(month * 30, _RIM_IN), wheel.at(month * 30, _RIM_OUT)),
                           stroke="#FFFFFF", width=_pt(2)))
    for month in range(12):
        middle = month * 30 + 15
        # upright enough to read: the lower half's names turned half a turn
        rotation = middle - 180 if 90 < middle < 270 else middle
        x, y = wheel.at(middle, (_RIM_IN + _RIM_OUT) / 2)
        shapes.append(Text(x, y, language.month(month + 1).capitalize(), _pt(17),
                           colour="#FFFFFF", bold=True, rotation=rotation))
    return shapes


def _meetings(wheel: _Wheel, meetings: list[tuple[dt.date, KonkretMoete]], radius: float,
              width: float, colour: str) -> list[Shape]:
    """A ring's dots: one per meeting at its day's angle, the day of the
    month in it."""
    size = _pt(min(26.0, 205 * width))  # the dot's diameter
    text_colour = _text_colour(colour)
    # Dots less than about a dot's width apart on the ring (a small gap
    # counts as close) alternate inwards/outwards.
    min_gap = size / wheel.r(radius) * _CLOSE
    last_angle: float | None = None
    shift = 0
    shapes: list[Shape] = []
    texts: list[Shape] = []
    for day, _ in sorted(meetings, key=lambda item: item[0]):
        angle = _angle(day)
        if last_angle is not None and angle - last_angle < min_gap:
            shift = 1 - shift if shift else 1
        else:
            shift = 0
        last_angle = angle
        r = radius + (0.22 * width if shift == 1 else 0) * (1 if day.day % 2 else -1)
        x, y = wheel.at(math.degrees(angle), r)
        shapes.append(Circle(x, y, size / 2, fill=colour, stroke="#FFFFFF",
                             stroke_width=_pt(1.6)))
        texts.append(Text(x, y, str(day.day), size * 0.46, colour=text_colour, bold=True))
    return shapes + texts


_CLOSE = 1.15
"""Dots whose angles are less than this many dot widths apart are close."""


def _text_colour(colour: str) -> str:
    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    # Whichever of black and white has the higher WCAG contrast ratio with
    # the dot; they are equal at a relative luminance of about 0.179.
    return "#000000" if luminance > 0.179 else "#FFFFFF"


def _centre(wheel: _Wheel, data: SltData, year: int, language: Language) -> list[Shape]:
    name = "\n".join(textwrap.wrap(language.kommune_name(data.kommune), 16))
    return [
        Text(wheel.cx, wheel.cy, name, _pt(22), colour="#1F3A5F", bold=True, line_height=1.1),
        Text(wheel.cx, wheel.cy + wheel.r(0.17), str(year), _pt(30), colour="#1F3A5F",
             bold=True),
        Text(wheel.cx, wheel.cy - wheel.r(0.17), f"SLT – {language.label('aarshjul').lower()}",
             _pt(16), colour="#4B5563"),
    ]


# -- output -------------------------------------------------------------------------


class Aarshjul:
    """One kommune's årshjul in one language, drawn once and kept for every
    document and file format that shows it. Made per kommune (by
    :class:`slt_docs.prepared.Prepared`, or directly) and dropped with it —
    nothing is kept in the module; the cache folder keeps the PNG under its
    whole description, so only the same picture can find it again.
    ``schedule`` is the møteplan expanded; expanded here when not given.
    Not for sharing between threads while it is being drawn."""

    def __init__(self, data: SltData, lang: Language | str | None = None, *,
                 schedule: Schedule | None = None) -> None:
        self.data = data
        self.language = _language(data, lang)
        self.schedule = schedule if schedule is not None else expand(data)
        self._picture: Picture | None = None
        self._fonts: Fonts | None = None
        self._png: bytes | None = None
        self._svg: bytes | None = None
        self._alt: str | None = None

    @property
    def picture(self) -> Picture:
        """The picture's description (made on first use)."""
        if self._picture is None:
            self._fonts = Fonts()
            self._picture = picture(self.data, lang=self.language, schedule=self.schedule,
                                    fonts=self._fonts, alt=self.alt)
        return self._picture

    @property
    def title(self) -> str:
        """"Årshjul 2022 – Aukra": the picture's title in its metadata."""
        return title(self.data, self.language, self.schedule.aar)

    @property
    def alt(self) -> str:
        """What the picture shows, in words (:func:`alt_text`)."""
        if self._alt is None:
            self._alt = alt_text(self.data, self.language, schedule=self.schedule)
        return self._alt

    @property
    def png(self) -> bytes:
        """PNG bytes, 1800 × 1800 pixels (150 dpi), a 256-colour palette
        (:func:`~slt_docs.drawing.encode_png`)."""
        if self._png is None:
            self._png = self.picture.png(self._fonts)
            self._release()
        return self._png

    @property
    def svg(self) -> bytes:
        """SVG bytes: the same picture with its text as text (DejaVu Sans),
        the title and alt text as its ``<title>`` and ``<desc>``."""
        if self._svg is None:
            self._svg = self.picture.svg(self._fonts)
            self._release()
        return self._svg

    def _release(self) -> None:
        """Drop the description and fonts once both formats are made."""
        if self._png is not None and self._svg is not None:
            self._picture = self._fonts = None


def aarshjul_png(data: SltData, *, lang: Language | str | None = None,
                 schedule: Schedule | None = None) -> bytes:
    """The årshjul as PNG bytes, 1800 × 1800 pixels (150 dpi), a 256-colour
    palette (:func:`encode_png`); ``schedule`` as for :func:`picture`.

    Raises :class:`~slt_docs.errors.DataError` when ``data`` is not a model
    or has no møteplan, :class:`~slt_docs.errors.SltError` for an unknown
    language."""
    expect_model(data)
    return Aarshjul(data, lang, schedule=schedule).png


def aarshjul_svg(data: SltData, *, lang: Language | str | None = None,
                 schedule: Schedule | None = None) -> bytes:
    """The årshjul as SVG bytes (the month names, days and names as text in
    DejaVu Sans; the title and alt text as its ``<title>`` and ``<desc>``);
    ``schedule`` as for :func:`picture`.

    Raises :class:`~slt_docs.errors.DataError` when ``data`` is not a model
    or has no møteplan, :class:`~slt_docs.errors.SltError` for an unknown
    language."""
    expect_model(data)
    return Aarshjul(data, lang, schedule=schedule).svg


def alt_text(data: SltData, lang: Language | str | None = None, *,
             schedule: Schedule | None = None) -> str:
    """What the årshjul shows, in words: the layout, then per body (in ring
    order, outermost first) its meeting dates. ``schedule`` as for
    :func:`picture`."""
    language = _language(data, lang)
    schedule = schedule if schedule is not None else expand(data)
    per_body = wheel_meetings(schedule)
    parts = [language.gettext(ALT_INTRO).format(kommune=language.kommune_name(data.kommune),
                                                year=schedule.aar)]
    for body, meetings in per_body.items():
        name = organ_name(data, body, language)
        if not meetings:
            parts.append(language.gettext(ALT_NONE).format(body=name))
            continue
        days = sorted(day for day, _ in meetings)
        dates = _join([language.date(d, weekday=False, year=False) for d in days], language)
        count = language.number_word(len(days), neuter=True)
        text = language.ngettext("{body}, {count} meeting: {dates}.",
                                 "{body}, {count} meetings: {dates}.", len(days))
        parts.append(text.format(body=name, count=count, dates=dates))
    return " ".join(parts)


def _join(items: list[str], language: Language) -> str:
    from babel.lists import format_list

    return format_list(items, locale=language.locale)


__all__ = [
    "DPI",
    "PALETTE",
    "SIZE_INCHES",
    "Aarshjul",
    "aarshjul_png",
    "aarshjul_svg",
    "alt_text",
    "encode_png",
    "palette_image",
    "picture",
    "wheel_meetings",
]
