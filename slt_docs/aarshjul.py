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

Drawn with matplotlib's object API on the Agg canvas (no GUI, no pyplot
global state). The same data gives the same bytes: PNG without the
"Software" stamp, SVG without date and creator and with a fixed id salt.
:func:`alt_text` says in words what the picture shows, for the document's
alt text (universell utforming).

:class:`Aarshjul` is one kommune's wheel in one language, drawn once: its
figure is built on first use and saved as PNG and as SVG from the same
drawing, so every document and file that shows the wheel reuses the same
bytes. The PNG is a 256-colour palette image (:func:`encode_png`): the
colours that make up nearly every pixel kept exactly, the antialiased edges
within a few steps of 255 — about 170 KB instead of 470 KB as lossless RGB.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import io
import math
import textwrap
import threading
from typing import TYPE_CHECKING, Any

from .lang import Language, data_language
from .lang.labels import N_
from .models import SltData, expect_model
from .schedule import KonkretMoete, Schedule, expand, organ_name

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from PIL.Image import Image as PILImage


def _mpl() -> Any:
    """matplotlib, imported when a wheel is drawn (it is heavy: about 40 MB
    and half a second), not whenever slt_docs is imported."""
    import matplotlib

    return matplotlib

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

FONT = "DejaVu Sans"
"""Shipped with matplotlib, so the picture is the same on every machine."""

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

def figure(data: SltData, *, lang: Language | str | None = None,
           schedule: Schedule | None = None) -> Figure:
    """The årshjul as a matplotlib :class:`~matplotlib.figure.Figure`;
    ``schedule`` is the møteplan expanded (:func:`slt_docs.schedule.expand`),
    expanded here when not given."""
    language = _language(data, lang)
    schedule = schedule if schedule is not None else expand(data)
    per_body = wheel_meetings(schedule)
    bodies = list(per_body)
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    with _mpl().rc_context(_RC):
        fig = Figure(figsize=(SIZE_INCHES, SIZE_INCHES), dpi=DPI, facecolor="white")
        legend_rows = math.ceil(max(len(bodies), 1) / min(max(len(bodies), 1), 3))
        bottom = 0.035 + 0.035 * legend_rows
        ax = fig.add_axes((0.03, bottom, 0.94, 0.985 - bottom), projection="polar")
        ax.set_theta_zero_location("N")
        ax.set_theta_direction(-1)
        ax.set_ylim(0, _LIMIT)
        ax.set_axis_off()
        _draw_sectors(ax, language)
        rings = _ring_radii(len(bodies))
        width = (_OUTER - _INNER) / max(len(bodies), 1)
        handles = []
        for index, body in enumerate(bodies):
            colour = PALETTE[index % len(PALETTE)]
            radius = rings[index]
            ax.bar(0, width * 0.9, width=2 * math.pi, bottom=radius - width * 0.45,
                   color=colour, alpha=0.10, linewidth=0, align="edge", zorder=1)
            ax.plot([t / 360 * 2 * math.pi for t in range(361)], [radius] * 361,
                    color=colour, linewidth=1.2, alpha=0.55, zorder=2)
            _draw_meetings(ax, per_body[body], radius, width, colour)
            name = organ_name(data, body, language)
            count = len(per_body[body])
            handles.append(Line2D([], [], marker="o", linestyle="", markersize=16,
                                  markerfacecolor=colour, markeredgecolor="white",
                                  label=f"{name} ({count})"))
        _draw_centre(ax, data, schedule.aar, language)
        if handles:
            columns = min(len(handles), 3)
            fig.legend(handles=_row_major(handles, columns), loc="lower center", ncol=columns,
                       frameon=False, fontsize=15, handletextpad=0.4, columnspacing=2.2,
                       bbox_to_anchor=(0.5, 0.015))
    return fig


_RC = {
    "font.family": FONT,
    "svg.hashsalt": "slt_docs-aarshjul",
    "svg.fonttype": "path",
    "path.simplify": False,
}


def _row_major(items: list[Line2D], columns: int) -> list[Line2D]:
    """Reorder for a legend (filled column by column) so it reads row by row
    in ring order."""
    rows = math.ceil(len(items) / columns)
    return [items[row * columns + col] for col in range(columns) for row in range(rows)
            if row * columns + col < len(items)]


def _ring_radii(count: int) -> list[float]:
    """Ring centre radii, the first body outermost."""
    if count == 0:
        return []
    width = (_OUTER - _INNER) / count
    return [_OUTER - width * (i + 0.5) for i in range(count)]


def _draw_sectors(ax: object, language: Language) -> None:
    sector = 2 * math.pi / 12
    for month in range(12):
        start = month * sector
        shade = "#F3F4F6" if month % 2 == 0 else "#E7E9ED"
        ax.bar(start, _OUTER - _INNER + 0.02, width=sector, bottom=_INNER - 0.01,
               color=shade, linewidth=0, align="edge", zorder=0)
        band = "#1F3A5F" if month % 2 == 0 else "#2E5283"
        ax.bar(start, _RIM_OUT - _RIM_IN, width=sector, bottom=_RIM_IN, color=band,
               edgecolor="white", linewidth=2, align="edge", zorder=3)
        middle = start + sector / 2
        degrees = math.degrees(middle)
        rotation = -degrees
        if 90 < degrees < 270:
            rotation += 180
        ax.text(middle, (_RIM_IN + _RIM_OUT) / 2, language.month(month + 1).capitalize(),
                rotation=rotation, rotation_mode="anchor", ha="center", va="center",
                fontsize=17, fontweight="bold", color="white", zorder=4)
        ax.plot([start, start], [_INNER - 0.01, _OUTER + 0.01], color="white",
                linewidth=2.2, zorder=2.5)


def _draw_meetings(ax: object, meetings: list[tuple[dt.date, KonkretMoete]], radius: float,
                   width: float, colour: str) -> None:
    size = min(26.0, 205 * width)  # marker diameter in points
    text_colour = _text_colour(colour)
    # Dots closer than a dot's width on the ring alternate inwards/outwards.
    min_gap = (size / 72) / (radius / _LIMIT * _axes_radius_inches()) * 1.05
    last_angle: float | None = None
    shift = 0
    dots: list[tuple[float, float, int]] = []
    for day, _ in sorted(meetings, key=lambda item: item[0]):
        angle = _angle(day)
        if last_angle is not None and angle - last_angle < min_gap:
            shift = 1 - shift if shift else 1
        else:
            shift = 0
        last_angle = angle
        dots.append((angle, radius + (0.22 * width if shift == 1 else 0)
                     * (1 if day.day % 2 else -1), day.day))
    if not dots:
        return
    # the ring's dots as one line of markers (one artist, not one per meeting)
    ax.plot([a for a, _, _ in dots], [r for _, r, _ in dots], marker="o", markersize=size,
            markerfacecolor=colour, markeredgecolor="white", markeredgewidth=1.6,
            linestyle="", zorder=5)
    for angle, r, day_number in dots:
        ax.text(angle, r, str(day_number), ha="center", va="center_baseline",
                fontsize=size * 0.46, fontweight="bold", color=text_colour, zorder=6)


def _axes_radius_inches() -> float:
    return SIZE_INCHES * 0.80 / 2


def _text_colour(colour: str) -> str:
    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    # Whichever of black and white has the higher WCAG contrast ratio with
    # the dot; they are equal at a relative luminance of about 0.179.
    return "black" if luminance > 0.179 else "white"


def _draw_centre(ax: object, data: SltData, year: int, language: Language) -> None:
    name = "\n".join(textwrap.wrap(language.kommune_name(data.kommune), 16))
    ax.text(0, 0.0, name, ha="center", va="center", fontsize=22, fontweight="bold",
            color="#1F3A5F", zorder=7, linespacing=1.1)
    ax.text(math.pi, 0.17, str(year), ha="center", va="center", fontsize=30,
            fontweight="bold", color="#1F3A5F", zorder=7)
    ax.text(0, 0.17, f"SLT – {language.label('aarshjul').lower()}", ha="center",
            va="center", fontsize=16, color="#4B5563", zorder=7)


# -- output -------------------------------------------------------------------------

_DRAWING = threading.Lock()
"""matplotlib's settings (``rc_context``) are one for the whole process:
one wheel is drawn at a time, so parallel renderings get the same pictures."""


class Aarshjul:
    """One kommune's årshjul in one language, drawn once and kept for every
    document and file format that shows it. Made per kommune (by
    :class:`slt_docs.prepared.Prepared`, or directly) and dropped with it —
    nothing is kept in the module, so the next kommune cannot get this one's
    picture. ``schedule`` is the møteplan expanded; expanded here when not
    given. Not for sharing between threads while it is being drawn."""

    def __init__(self, data: SltData, lang: Language | str | None = None, *,
                 schedule: Schedule | None = None) -> None:
        self.data = data
        self.language = _language(data, lang)
        self.schedule = schedule if schedule is not None else expand(data)
        self._figure: Figure | None = None
        self._png: bytes | None = None
        self._svg: bytes | None = None
        self._alt: str | None = None

    @property
    def figure(self) -> Figure:
        """The matplotlib figure (built on first use)."""
        if self._figure is None:
            with _DRAWING:
                self._figure = figure(self.data, lang=self.language, schedule=self.schedule)
        return self._figure

    @property
    def title(self) -> str:
        """"Årshjul 2022 – Aukra": the picture's title in its metadata."""
        return f"{self.language.label('aarshjul')} {self.schedule.aar} – " \
            f"{self.language.kommune_name(self.data.kommune)}"

    @property
    def alt(self) -> str:
        """What the picture shows, in words (:func:`alt_text`)."""
        if self._alt is None:
            self._alt = alt_text(self.data, self.language, schedule=self.schedule)
        return self._alt

    @property
    def png(self) -> bytes:
        """PNG bytes, 1800 × 1800 pixels (150 dpi), a 256-colour palette:
        the Agg canvas's pixels encoded once (:func:`encode_png`)."""
        if self._png is None:
            import numpy as np
            from matplotlib.backends.backend_agg import FigureCanvasAgg
            from PIL import Image

            fig = self.figure
            with _DRAWING, _mpl().rc_context(_RC):
                fig.set_dpi(DPI)
                canvas = FigureCanvasAgg(fig)
                canvas.draw()
                width, height = canvas.get_width_height()
                buffer = canvas.buffer_rgba()
                image = Image.frombuffer("RGBA", (width, height), buffer, "raw", "RGBA", 0, 1)
                self._png = encode_png(image, dpi=DPI, title=self.title,
                                       pixels=np.asarray(buffer))
            self._release()
        return self._png

    @property
    def svg(self) -> bytes:
        """SVG bytes (text as outlines, so it looks the same everywhere; the
        title and alt text are in the file's metadata)."""
        if self._svg is None:
            buffer = io.BytesIO()
            fig = self.figure
            with _DRAWING, _mpl().rc_context(_RC):
                fig.savefig(buffer, format="svg", facecolor="white",
                            metadata={"Date": None, "Creator": None,
                                      "Title": self.title, "Description": self.alt})
            self._svg = buffer.getvalue()
            self._release()
        return self._svg

    def _release(self) -> None:
        """Drop the figure once both formats are made (it holds megabytes)."""
        if self._png is not None and self._svg is not None:
            self._figure = None


PALETTE_EXACT = 32
"""How many of the picture's most used colours the palette holds exactly:
the background, every ring's fill and line, the dots and the text."""


def encode_png(image: PILImage, *, dpi: int = DPI, title: str = "",
               pixels: Any = None) -> bytes:
    """``image`` as a small 256-colour palette PNG, the resolution and
    ``title`` in the file and no other metadata.

    A picture of at most 256 colours keeps every pixel exactly. The
    antialiased wheel has about 4 000 (the soft edges of text, dots and
    rings): its :data:`PALETTE_EXACT` most used colours — nearly every pixel —
    are kept exactly, and the palette's other entries spread evenly over the
    remaining colours (Pillow's maximum-coverage quantizer), each edge pixel
    taking the nearest entry; no dithering. The largest change of any pixel
    is then a few steps of 255 in one channel, invisible (``tests/test_batch.py``
    holds it to 16), and the file is about a third of the lossless RGB one (470 KB).
    ``pixels`` may hold the same picture as an array (the canvas's own
    buffer, read without a copy). The alpha channel is dropped when every
    pixel is opaque. zlib level 3:
    half the time of the default level 6 for 15 % more bytes (170 KB)."""
    from PIL import PngImagePlugin

    opaque = image.mode == "RGBA" and image.getchannel("A").getextrema() == (255, 255)
    if opaque or image.mode == "RGB":
        image = palette_image(pixels if pixels is not None else image)
    info = PngImagePlugin.PngInfo()
    if title:
        info.add_text("Title", title)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=3, pnginfo=info, dpi=(dpi, dpi))
    return out.getvalue()


def palette_image(image: PILImage | Any, exact: int = PALETTE_EXACT) -> PILImage:
    """An RGB picture (or an opaque RGBA one, or its pixels as an array of
    height × width × 4 bytes) as a palette picture of at most 256 colours
    (see :func:`encode_png`). Every step is exact integer arithmetic, so the
    same picture gives the same bytes on every machine. (Pillow's own
    ``quantize`` looks colours up at reduced precision and would move pixels
    of the exact colours too, so the indexes are made here.) The pixels are
    taken as runs of one colour along the rows — a drawing has few — so the
    colours are counted run by run, not pixel by pixel."""
    import numpy as np
    from PIL import Image

    if isinstance(image, Image.Image):
        image = np.asarray(image if image.mode == "RGBA" else image.convert("RGBA"))
    height, width = image.shape[:2]
    # each pixel as one number, R | G << 8 | B << 16 | A << 24 (A is 255
    # throughout: the picture is opaque), read in place without a copy
    keys = np.ascontiguousarray(image).view("<u4").reshape(-1)
    if image[..., 3].min() != 255:
        keys = keys & 0xFFFFFF
    starts = np.concatenate(([0], np.flatnonzero(keys[1:] != keys[:-1]) + 1))
    lengths = np.diff(np.append(starts, keys.size))
    colours, inverse = np.unique(keys[starts], return_inverse=True)
    counts = np.bincount(inverse, weights=lengths)
    rgb = np.stack([colours & 255, colours >> 8 & 255, colours >> 16 & 255],
                   axis=1).astype(np.int64)  # (the alpha byte left out)
    if len(colours) <= 256:
        palette = rgb
    else:
        order = np.argsort(-counts, kind="stable")
        rest = rgb[order[exact:]].astype(np.uint8)[np.newaxis]
        spread = Image.fromarray(rest, "RGB").quantize(256 - exact,
                                                       method=Image.Quantize.MAXCOVERAGE)
        entries = np.array(spread.getpalette() or [], dtype=np.int64)
        entries = entries[:len(entries) // 3 * 3].reshape(-1, 3)[:256 - exact]
        palette = np.concatenate([rgb[order[:exact]], entries])
    # the nearest palette entry of every colour (squared distance, in integers)
    distance = np.zeros((len(rgb), len(palette)), dtype=np.int32)
    for channel in range(3):
        step = (rgb[:, channel, np.newaxis] - palette[np.newaxis, :, channel]).astype(np.int32)
        distance += step * step
    nearest = distance.argmin(axis=1).astype(np.uint8)
    index = np.repeat(nearest[inverse], lengths).reshape(height, width)
    picture = Image.fromarray(index, mode="P")
    picture.putpalette(palette.astype(np.uint8).tobytes())
    return picture


def aarshjul_png(data: SltData, *, lang: Language | str | None = None,
                 schedule: Schedule | None = None) -> bytes:
    """The årshjul as PNG bytes, 1800 × 1800 pixels (150 dpi), a 256-colour
    palette (:func:`encode_png`); ``schedule`` as for :func:`figure`.

    Raises :class:`~slt_docs.errors.DataError` when ``data`` is not a model
    or has no møteplan, :class:`~slt_docs.errors.SltError` for an unknown
    language."""
    expect_model(data)
    return Aarshjul(data, lang, schedule=schedule).png


def aarshjul_svg(data: SltData, *, lang: Language | str | None = None,
                 schedule: Schedule | None = None) -> bytes:
    """The årshjul as SVG bytes (text as outlines, so it looks the same
    everywhere; the title and alt text are in the file's metadata);
    ``schedule`` as for :func:`figure`.

    Raises :class:`~slt_docs.errors.DataError` when ``data`` is not a model
    or has no møteplan, :class:`~slt_docs.errors.SltError` for an unknown
    language."""
    expect_model(data)
    return Aarshjul(data, lang, schedule=schedule).svg


def alt_text(data: SltData, lang: Language | str | None = None, *,
             schedule: Schedule | None = None) -> str:
    """What the årshjul shows, in words: the layout, then per body (in ring
    order, outermost first) its meeting dates. ``schedule`` as for
    :func:`figure`."""
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
    "figure",
    "palette_image",
    "wheel_meetings",
]
