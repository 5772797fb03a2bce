"""Pictures described once and written twice: as PNG (Pillow) and as SVG.

A :class:`Picture` is a list of shapes in picture coordinates — pixels at
the picture's resolution, x to the right, y downwards, angles in degrees
clockwise (wedges from twelve o'clock). The PNG writer draws it with Pillow
at :data:`SUPERSAMPLE` times the size and shrinks it (so edges are smoothed
as by an antialiasing renderer), text with FreeType from the fonts shipped
with the package (:func:`font_path`), so the picture is the same on every
machine. The SVG writer writes the same shapes as SVG elements — arcs as
exact arc paths, text as real ``<text>`` (selectable, read by assistive
technology) in DejaVu Sans — with the picture's title and description as
``<title>`` and ``<desc>``.

Where the two writers must agree on text (where a line's baseline lies, how
wide a legend column is), both take the figure from :class:`Fonts`, which
measures with the shipped fonts; horizontal alignment within a line is left
to each writer (SVG ``text-anchor``, Pillow's anchors), so a viewer that
substitutes another font still centres the text where it belongs.

Fonts are opened per picture (it costs a tenth of a millisecond), so
pictures drawn side by side in threads share nothing. A PNG drawn before —
the same description, drawn by the same code with the same fonts and
libraries — is taken from the cache folder (:mod:`slt_docs.cache`) instead
of being drawn again (:meth:`Picture.png`).
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .cache import package_stamp, read_bytes, write_bytes
from .errors import SltError
from .resources import templates_dir

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage
    from PIL.ImageDraw import ImageDraw
    from PIL.ImageFont import FreeTypeFont

SUPERSAMPLE = 2
"""The PNG is drawn at twice its size and shrunk by averaging 2 × 2 pixels:
every edge gets intermediate shades, as antialiasing gives."""

FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
FONT_FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"
"""The SVG's fonts: DejaVu Sans (the PNG's font), then Bitstream Vera Sans
(which DejaVu extends, same shapes and widths), then Verdana (the closest
widely installed face)."""

Align = Literal["start", "middle", "end"]
VAlign = Literal["baseline", "middle"]

_MEASURE_SIZE = 1000.0
"""Text is measured at 1000 px and scaled: hinting does not round its widths."""


def font_path(bold: bool = False) -> Path:
    """The shipped font file (DejaVu Sans, regular or bold)."""
    return templates_dir() / "fonts" / FONT_FILES[bold]


def points(size: float, dpi: int) -> float:
    """A length in typographic points as pixels at ``dpi``."""
    return size * dpi / 72


# -- shapes ---------------------------------------------------------------------------

@attrs.frozen
class Wedge:
    """The part of a ring around (``cx``, ``cy``) between radii ``inner`` and
    ``outer`` from angle ``start`` to ``end`` (degrees clockwise from twelve
    o'clock). 360° or more is the whole ring; ``inner`` 0 a pie slice."""

    cx: float
    cy: float
    inner: float
    outer: float
    start: float = 0.0
    end: float = 360.0
    fill: str = "#000000"
    opacity: float = 1.0

    @property
    def whole(self) -> bool:
        return self.end - self.start >= 360


@attrs.frozen
class Circle:
    """A disc of radius ``r``; its edge (``stroke``) centred on the radius."""

    cx: float
    cy: float
    r: float
    fill: str | None = "#000000"
    opacity: float = 1.0
    stroke: str | None = None
    stroke_width: float = 0.0
    stroke_opacity: float = 1.0


@attrs.frozen
class Line:
    """A straight line through ``points`` (two or more)."""

    points: tuple[tuple[float, float], ...]
    stroke: str = "#000000"
    width: float = 1.0
    opacity: float = 1.0


HATCHES = ("", "//", "\\\\", "xx", "..", "--")
"""The hatch patterns a rectangle can have: none, diagonal lines rising,
falling, both (crossed), dots, horizontal lines."""


@attrs.frozen
class Rect:
    """A rectangle with its top left corner at (``x``, ``y``), filled, then
    hatched (:data:`HATCHES`: lines ``hatch_width`` wide; diagonals
    ``hatch_spacing`` apart along a side, horizontal lines and rows of dots
    half that; laid on a grid from the picture's corner, as the SVG's
    pattern tiles), then edged (the edge centred on the rectangle's side)."""

    x: float
    y: float
    width: float
    height: float
    fill: str | None = "#000000"
    stroke: str | None = None
    stroke_width: float = 0.0
    hatch: str = attrs.field(default="", validator=attrs.validators.in_(HATCHES))
    hatch_colour: str = "#000000"
    hatch_width: float = 1.0
    hatch_spacing: float = 10.0


@attrs.frozen
class Text:
    """Text at (``x``, ``y``): ``align`` says which end (or the middle) of
    each line stands at ``x``; ``valign`` ``"baseline"`` puts the (first)
    baseline at ``y``, ``"middle"`` puts the middle of the capitals there
    (of the whole block, for several lines). ``size`` in pixels; the text
    is turned ``rotation`` degrees clockwise around (``x``, ``y``).
    A line break starts a new line, ``line_height`` sizes apart."""

    x: float
    y: float
    text: str
    size: float
    colour: str = "#000000"
    bold: bool = False
    align: Align = "middle"
    valign: VAlign = "middle"
    rotation: float = 0.0
    line_height: float = 1.2


Shape = Wedge | Circle | Line | Rect | Text


@attrs.frozen
class Picture:
    """A picture: its size in pixels at ``dpi``, its shapes drawn in order
    over ``background``; ``title`` and ``description`` go into the files'
    metadata (the PNG's title, the SVG's ``<title>`` and ``<desc>``)."""

    width: int
    height: int
    dpi: int
    shapes: tuple[Shape, ...]
    title: str = ""
    description: str = ""
    background: str = "#FFFFFF"
    id: str = "bilde"
    """Prefix of the SVG's element ids (unique when several SVGs stand in one page)."""
    lang: str = ""
    """The language of its text (``nb``, ``nn``), for screen readers (the SVG's ``xml:lang``)."""

    def image(self, fonts: Fonts | None = None) -> PILImage:
        """The picture as a Pillow RGB image (:func:`draw_image`)."""
        return draw_image(self, fonts)

    def png(self, fonts: Fonts | None = None) -> bytes:
        """PNG bytes: a 256-colour palette image with the resolution and
        title in the file (:func:`encode_png`). A picture drawn before —
        the same shapes, words and size, by the same code, fonts and
        libraries — is taken from the cache folder (:mod:`slt_docs.cache`)
        instead of being drawn again."""
        key = _png_key(self)
        if key is not None:
            kept = read_bytes("bilder", key, ".png")
            if kept is not None:
                return kept
        data = encode_png(self.image(fonts), dpi=self.dpi, title=self.title)
        if key is not None:
            write_bytes("bilder", key, ".png", data, keep=PICTURES_KEPT)
        return data

    def svg(self, fonts: Fonts | None = None) -> bytes:
        """SVG bytes (:func:`write_svg`)."""
        return write_svg(self, fonts)


PICTURES_KEPT = 512
"""Pictures kept in the cache folder (the årshjul is about 170 KB, a status
chart 20 KB): a coordinator's few, or a region's batch."""


@functools.cache
def _drawn_by() -> str | None:
    """What identifies the code that turns a description into PNG bytes:
    this module, the fonts, Pillow and numpy (read, not imported)."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for bold in (False, True):
        info = font_path(bold).stat()
        digest.update(f"{info.st_size}:{info.st_mtime_ns}".encode())
    for package, files in (("PIL", ("_version.py",)), ("numpy", ("version.py",))):
        stamp = package_stamp(package, *files)
        if stamp is None:
            return None
        digest.update(stamp.encode())
    return digest.hexdigest()


def _png_key(picture: Picture) -> str | None:
    """The cache key of a picture's PNG: everything in its description and
    what draws it; ``None`` when the code cannot be identified."""
    try:
        code = _drawn_by()
    except OSError:
        return None
    return None if code is None else f"{code}|{picture!r}"


# -- text measures, shared by both writers --------------------------------------------

class Fonts:
    """The shipped fonts, opened for one picture: their measures (for
    layout, the same in both writers) and sized faces for drawing."""

    def __init__(self) -> None:
        self._faces: dict[tuple[bool, float], FreeTypeFont] = {}
        self._cap: dict[bool, float] = {}

    def face(self, size: float, bold: bool = False) -> FreeTypeFont:
        """The font at ``size`` pixels (basic layout: the same on every
        machine, whether or not Pillow has libraqm)."""
        key = (bold, round(size, 3))
        face = self._faces.get(key)
        if face is None:
            from PIL import ImageFont

            path = font_path(bold)
            try:
                face = ImageFont.truetype(str(path), key[1], layout_engine=ImageFont.Layout.BASIC)
            except OSError as error:
                raise SltError(f"{path}: skrifttypen til bildene kan ikke leses ({error}); "
                               "installer slt_docs på nytt") from error
            self._faces[key] = face
        return face

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """The advance width of one line of ``text`` at ``size`` pixels."""
        return self.face(_MEASURE_SIZE, bold).getlength(text) * size / _MEASURE_SIZE

    def cap_height(self, size: float, bold: bool = False) -> float:
        """The height of the capitals (and digits) at ``size`` pixels."""
        if bold not in self._cap:
            top = self.face(_MEASURE_SIZE, bold).getbbox("H", anchor="ls")[1]
            self._cap[bold] = -top / _MEASURE_SIZE
        return self._cap[bold] * size

    def baselines(self, text: Text) -> list[tuple[float, str]]:
        """Each line of ``text`` with its baseline's offset from ``text.y``
        (before rotation)."""
        lines = text.text.split("\n")
        step = text.size * text.line_height
        first = 0.0
        if text.valign == "middle":
            block = self.cap_height(text.size, text.bold) + step * (len(lines) - 1)
            first = self.cap_height(text.size, text.bold) - block / 2
        return [(first + step * i, line) for i, line in enumerate(lines)]


# -- PNG --------------------------------------------------------------------------------

def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _ink(colour: str, opacity: float = 1.0) -> tuple[int, int, int, int]:
    return (*_rgb(colour), round(255 * opacity))


def draw_image(picture: Picture, fonts: Fonts | None = None) -> PILImage:
    """The picture drawn with Pillow at :data:`SUPERSAMPLE` times its size
    and reduced to it: an RGB image of ``width`` × ``height`` pixels."""
    from PIL import Image, ImageDraw

    fonts = fonts or Fonts()
    scale = SUPERSAMPLE
    canvas = Image.new("RGB", (picture.width * scale, picture.height * scale),
                       _rgb(picture.background))
    draw = ImageDraw.Draw(canvas, "RGBA")  # colours with opacity are blended
    painter = _Painter(canvas, draw, fonts, scale)
    for shape in picture.shapes:
        painter.paint(shape)
    return canvas.reduce(scale) if scale > 1 else canvas


class _Painter:
    """Draws shapes on a canvas ``scale`` times the picture's size. Pillow
    takes a filled pixel's index as its centre, so a point of the picture
    (whose pixel edges lie on whole numbers) is moved by half a pixel."""

    def __init__(self, canvas: PILImage, draw: ImageDraw, fonts: Fonts, scale: int) -> None:
        self.canvas = canvas
        self.draw = draw
        self.fonts = fonts
        self.scale = scale

    def _point(self, x: float, y: float) -> tuple[float, float]:
        return x * self.scale - 0.5, y * self.scale - 0.5

    def paint(self, shape: Shape) -> None:
        if isinstance(shape, Wedge):
            self.wedge(shape)
        elif isinstance(shape, Circle):
            self.circle(shape)
        elif isinstance(shape, Line):
            self.line(shape)
        elif isinstance(shape, Rect):
            self.rect(shape)
        else:
            self.text(shape)

    def _disc(self, cx: float, cy: float, r: float, fill: tuple[int, int, int, int] | None,
              ring: tuple[float, tuple[int, int, int, int]] | None = None) -> None:
        """A disc of radius ``r`` (picture units), or with ``ring`` (width,
        ink) only the ring of that width inside the radius."""
        s = self.scale
        x, y, radius = cx * s, cy * s, r * s
        box = (round(x - radius), round(y - radius), round(x + radius) - 1,
               round(y + radius) - 1)
        if box[2] < box[0]:
            return
        if ring is None:
            self.draw.ellipse(box, fill=fill)
        else:
            width, ink = ring
            self.draw.ellipse(box, outline=ink, width=max(1, round(width * s)))

    def wedge(self, w: Wedge) -> None:
        ink = _ink(w.fill, w.opacity)
        if w.whole:
            if w.inner <= 0:
                self._disc(w.cx, w.cy, w.outer, ink)
            else:
                self._disc(w.cx, w.cy, w.outer, None, ring=(w.outer - w.inner, ink))
            return
        self.draw.polygon([self._point(x, y) for x, y in wedge_outline(w)], fill=ink)

    def circle(self, c: Circle) -> None:
        half = c.stroke_width / 2 if c.stroke else 0.0
        if c.fill is not None:
            self._disc(c.cx, c.cy, c.r - half, _ink(c.fill, c.opacity))
        if c.stroke and c.stroke_width > 0:
            self._disc(c.cx, c.cy, c.r + half, None,
                       ring=(c.stroke_width, _ink(c.stroke, c.stroke_opacity)))

    def line(self, line: Line) -> None:
        width = max(1, round(line.width * self.scale))
        points = [self._point(x, y) for x, y in line.points]
        if line.opacity >= 1 or len(points) == 2:
            self.draw.line(points, fill=_ink(line.stroke, line.opacity), width=width)
            return
        # several segments with opacity: drawn once as a mask, so the joints
        # are not blended twice
        from PIL import Image, ImageDraw

        mask = Image.new("L", self.canvas.size, 0)
        ImageDraw.Draw(mask).line(points, fill=round(255 * line.opacity), width=width,
                                  joint="curve")
        self.canvas.paste(_rgb(line.stroke), (0, 0, *self.canvas.size), mask)

    def rect(self, r: Rect) -> None:
        s = self.scale
        x0, y0 = round(r.x * s), round(r.y * s)
        x1, y1 = round((r.x + r.width) * s), round((r.y + r.height) * s)
        if x1 <= x0 or y1 <= y0:
            return
        if r.fill is not None:
            self.draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=_ink(r.fill))
        if r.hatch:
            self._hatch(r, (x0, y0, x1, y1))
        if r.stroke and r.stroke_width > 0:
            half = r.stroke_width * s / 2
            width = max(1, round(r.stroke_width * s))
            self.draw.rectangle((round(x0 - half), round(y0 - half), round(x1 + half) - 1,
                                 round(y1 + half) - 1), outline=_ink(r.stroke), width=width)

    def _hatch(self, r: Rect, box: tuple[int, int, int, int]) -> None:
        from PIL import Image, ImageDraw

        s = self.scale
        x0, y0, x1, y1 = box
        mask = Image.new("L", (x1 - x0, y1 - y0), 0)
        pen = ImageDraw.Draw(mask)
        width = max(1, round(r.hatch_width * s))
        for kind, a, b in hatch_marks(r):
            if kind == "dot":
                radius = r.hatch_width * s * 1.25
                cx, cy = a[0] * s - x0, a[1] * s - y0
                pen.ellipse((round(cx - radius), round(cy - radius), round(cx + radius) - 1,
                             round(cy + radius) - 1), fill=255)
            else:
                pen.line([(a[0] * s - x0 - 0.5, a[1] * s - y0 - 0.5),
                          (b[0] * s - x0 - 0.5, b[1] * s - y0 - 0.5)], fill=255, width=width)
        self.canvas.paste(_rgb(r.hatch_colour), box, mask)

    def text(self, t: Text) -> None:
        s = self.scale
        face = self.fonts.face(t.size * s, t.bold)
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}[t.align]
        lines = self.fonts.baselines(t)
        colour = _rgb(t.colour)
        if not t.rotation % 360:
            for offset, line in lines:
                self.draw.text((t.x * s, (t.y + offset) * s), line, fill=colour, font=face,
                               anchor=anchor)
            return
        # Turned text: drawn upright on a layer just big enough, turned about
        # the anchor with bicubic resampling into the box it covers on the
        # canvas, laid on the canvas through that mask.
        from PIL import Image, ImageDraw

        boxes = [face.getbbox(line, anchor=anchor) for _, line in lines]
        left = min(box[0] for box in boxes) - 2
        top = min(box[1] + offset * s for box, (offset, _) in zip(boxes, lines, strict=True)) - 2
        right = max(box[2] for box in boxes) + 2
        bottom = max(box[3] + offset * s for box, (offset, _) in zip(boxes, lines, strict=True))
        layer = Image.new("L", (math.ceil(right - left), math.ceil(bottom + 2 - top)), 0)
        pen = ImageDraw.Draw(layer)
        for offset, line in lines:  # the anchor at (-left, -top) of the layer
            pen.text((-left, offset * s - top), line, fill=255, font=face, anchor=anchor)
        angle = math.radians(t.rotation)
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = t.x * s, t.y * s
        corners = [(x + cos * (u + left) - sin * (v + top), y + sin * (u + left) + cos * (v + top))
                   for u in (0, layer.width) for v in (0, layer.height)]
        x0, y0 = math.floor(min(c[0] for c in corners)), math.floor(min(c[1] for c in corners))
        x1, y1 = math.ceil(max(c[0] for c in corners)), math.ceil(max(c[1] for c in corners))
        # from a point of the box back to the layer: turned back about the anchor
        inverse = (cos, sin, -left + cos * (x0 - x) + sin * (y0 - y),
                   -sin, cos, -top - sin * (x0 - x) + cos * (y0 - y))
        mask = layer.transform((x1 - x0, y1 - y0), Image.Transform.AFFINE, inverse,
                               resample=Image.Resampling.BICUBIC)
        self.canvas.paste(colour, (x0, y0, x1, y1), mask)


def wedge_outline(w: Wedge) -> list[tuple[float, float]]:
    """A wedge's outline as points (the arcs in steps of at most half a
    degree, far below a pixel at the pictures' radii)."""
    steps = max(2, math.ceil((w.end - w.start) * 2))
    angles = [math.radians(w.start + (w.end - w.start) * i / steps) for i in range(steps + 1)]
    outer = [(w.cx + w.outer * math.sin(a), w.cy - w.outer * math.cos(a)) for a in angles]
    if w.inner <= 0:
        return [(w.cx, w.cy), *outer]
    inner = [(w.cx + w.inner * math.sin(a), w.cy - w.inner * math.cos(a))
             for a in reversed(angles)]
    return outer + inner


def hatch_marks(r: Rect) -> Iterable[tuple[str, tuple[float, float], tuple[float, float]]]:
    """The marks of a rectangle's hatch in picture coordinates, on the grid
    the SVG's pattern tiles (``hatch_spacing`` square from the origin), a
    little past the rectangle (each writer clips to it)."""
    step = r.hatch_spacing
    x0, y0, x1, y1 = r.x, r.y, r.x + r.width, r.y + r.height
    if r.hatch in ("//", "xx"):  # x + y = k · step, rising to the right
        for k in range(math.floor((x0 + y0) / step) - 1, math.ceil((x1 + y1) / step) + 2):
            c = k * step
            yield "line", (c - y1 - step, y1 + step), (c - y0 + step, y0 - step)
    if r.hatch in ("\\\\", "xx"):  # x − y = k · step, falling to the right
        for k in range(math.floor((x0 - y1) / step) - 1, math.ceil((x1 - y0) / step) + 2):
            c = k * step
            yield "line", (c + y0 - step, y0 - step), (c + y1 + step, y1 + step)
    if r.hatch == "--":  # y = (k + ½) · step / 2
        half = step / 2
        for k in range(math.floor(y0 / half) - 1, math.ceil(y1 / half) + 1):
            y = (k + 0.5) * half
            yield "line", (x0 - step, y), (x1 + step, y)
    if r.hatch == "..":  # rows half a tile apart, every other row shifted by half a gap
        for i in range(math.floor(x0 / step) - 1, math.ceil(x1 / step) + 1):
            for j in range(math.floor(y0 / step) - 1, math.ceil(y1 / step) + 1):
                for fx, fy in ((0.25, 0.25), (0.75, 0.25), (0.0, 0.75), (0.5, 0.75)):
                    point = ((i + fx) * step, (j + fy) * step)
                    yield "dot", point, point


PALETTE_EXACT = 32
"""How many of the picture's most used colours the palette holds exactly:
the background, every ring's fill and line, the dots and the text."""


def encode_png(image: PILImage, *, dpi: int = 150, title: str = "") -> bytes:
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
    The alpha channel is dropped when every
    pixel is opaque. zlib level 3:
    half the time of the default level 6 for 15 % more bytes (170 KB)."""
    from PIL import PngImagePlugin

    opaque = image.mode == "RGBA" and image.getchannel("A").getextrema() == (255, 255)
    if opaque or image.mode == "RGB":
        image = palette_image(image)
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


# -- SVG --------------------------------------------------------------------------------

_SVG = "http://www.w3.org/2000/svg"


def _num(value: float) -> str:
    """A coordinate as short, stable text (hundredths of a pixel)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def write_svg(picture: Picture, fonts: Fonts | None = None) -> bytes:
    """The picture as an SVG document: a ``viewBox`` in picture pixels and
    the physical size in points; ``role="img"`` labelled by its
    ``<title>`` and ``<desc>``; text as ``<text>`` elements in DejaVu Sans
    (:data:`FONT_FAMILY`); no scripts, no external references. The same
    picture gives the same bytes."""
    from lxml import etree

    fonts = fonts or Fonts()
    pid = picture.id
    size = {"width": f"{_num(picture.width * 72 / picture.dpi)}pt",
            "height": f"{_num(picture.height * 72 / picture.dpi)}pt"}
    root = etree.Element(f"{{{_SVG}}}svg", nsmap={None: _SVG}, version="1.1", **size,
                         viewBox=f"0 0 {picture.width} {picture.height}", role="img")
    if picture.lang:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", picture.lang)
    labels = []
    if picture.title:
        etree.SubElement(root, "title", id=f"{pid}-tittel").text = picture.title
        labels.append(f"{pid}-tittel")
    if picture.description:
        etree.SubElement(root, "desc", id=f"{pid}-beskrivelse").text = picture.description
        labels.append(f"{pid}-beskrivelse")
    if labels:
        root.set("aria-labelledby", " ".join(labels))
    defs = etree.SubElement(root, "defs")
    patterns: dict[tuple[str, str, float, float], str] = {}
    body = etree.SubElement(root, "g", {"font-family": FONT_FAMILY})
    etree.SubElement(body, "rect", width=str(picture.width), height=str(picture.height),
                     fill=picture.background)
    for shape in picture.shapes:
        if isinstance(shape, Wedge):
            _svg_wedge(body, shape)
        elif isinstance(shape, Circle):
            _svg_circle(body, shape)
        elif isinstance(shape, Line):
            _svg_line(body, shape)
        elif isinstance(shape, Rect):
            _svg_rect(body, shape, defs, patterns, pid)
        else:
            _svg_text(body, shape, fonts)
    if not len(defs):
        root.remove(defs)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                pretty_print=True))


def _opacity(element: Any, name: str, value: float) -> None:
    if value < 1:
        element.set(name, _num(value) if value >= 0.01 else f"{value:.4f}")


def _svg_wedge(parent: Any, w: Wedge) -> None:
    from lxml import etree

    if w.whole:
        if w.inner <= 0:
            element = etree.SubElement(parent, "circle", cx=_num(w.cx), cy=_num(w.cy),
                                       r=_num(w.outer), fill=w.fill)
            _opacity(element, "fill-opacity", w.opacity)
            return
        middle, width = (w.inner + w.outer) / 2, w.outer - w.inner
        element = etree.SubElement(parent, "circle", cx=_num(w.cx), cy=_num(w.cy),
                                   r=_num(middle), fill="none", stroke=w.fill)
        element.set("stroke-width", _num(width))
        _opacity(element, "stroke-opacity", w.opacity)
        return
    a, b = math.radians(w.start), math.radians(w.end)
    large = 1 if w.end - w.start > 180 else 0

    def at(radius: float, angle: float) -> str:
        return f"{_num(w.cx + radius * math.sin(angle))} {_num(w.cy - radius * math.cos(angle))}"

    path = f"M{at(w.outer, a)} A{_num(w.outer)} {_num(w.outer)} 0 {large} 1 {at(w.outer, b)}"
    if w.inner > 0:
        path += (f" L{at(w.inner, b)} A{_num(w.inner)} {_num(w.inner)} 0 {large} 0 "
                 f"{at(w.inner, a)}Z")
    else:
        path += f" L{_num(w.cx)} {_num(w.cy)}Z"
    element = etree.SubElement(parent, "path", d=path, fill=w.fill)
    _opacity(element, "fill-opacity", w.opacity)


def _svg_circle(parent: Any, c: Circle) -> None:
    from lxml import etree

    element = etree.SubElement(parent, "circle", cx=_num(c.cx), cy=_num(c.cy),
                               r=_num(c.r), fill=c.fill or "none")
    if c.fill:
        _opacity(element, "fill-opacity", c.opacity)
    if c.stroke and c.stroke_width > 0:
        element.set("stroke", c.stroke)
        element.set("stroke-width", _num(c.stroke_width))
        _opacity(element, "stroke-opacity", c.stroke_opacity)


def _svg_line(parent: Any, line: Line) -> None:
    from lxml import etree

    points = " ".join(f"{_num(x)},{_num(y)}" for x, y in line.points)
    element = etree.SubElement(parent, "polyline", points=points, fill="none",
                               stroke=line.stroke)
    element.set("stroke-width", _num(line.width))
    element.set("stroke-linejoin", "round")
    _opacity(element, "stroke-opacity", line.opacity)


def _svg_rect(parent: Any, r: Rect, defs: Any,
              patterns: dict[tuple[str, str, float, float], str], pid: str) -> None:
    from lxml import etree

    box = {"x": _num(r.x), "y": _num(r.y), "width": _num(r.width), "height": _num(r.height)}
    if r.fill is not None:
        etree.SubElement(parent, "rect", box, fill=r.fill)
    if r.hatch:
        key = (r.hatch, r.hatch_colour, r.hatch_width, r.hatch_spacing)
        if key not in patterns:
            patterns[key] = f"{pid}-skravur-{len(patterns) + 1}"
            _svg_pattern(defs, patterns[key], r)
        etree.SubElement(parent, "rect", box, fill=f"url(#{patterns[key]})")
    if r.stroke and r.stroke_width > 0:
        element = etree.SubElement(parent, "rect", box, fill="none",
                                   stroke=r.stroke)
        element.set("stroke-width", _num(r.stroke_width))


def _svg_pattern(defs: Any, pattern_id: str, r: Rect) -> None:
    """A tile of the hatch on the picture's grid: the marks of
    :func:`hatch_marks` for a rectangle that is the tile."""
    from lxml import etree

    step = r.hatch_spacing
    tile = Rect(0, 0, step, step, hatch=r.hatch, hatch_spacing=step, hatch_width=r.hatch_width)
    pattern = etree.SubElement(defs, "pattern", id=pattern_id,
                               patternUnits="userSpaceOnUse", x="0", y="0",
                               width=_num(step), height=_num(step))
    lines, dots = [], []
    for kind, a, b in hatch_marks(tile):
        if kind == "dot":
            dots.append(a)
        else:
            lines.append(f"M{_num(a[0])} {_num(a[1])}L{_num(b[0])} {_num(b[1])}")
    if lines:
        element = etree.SubElement(pattern, "path", d=" ".join(lines), fill="none",
                                   stroke=r.hatch_colour)
        element.set("stroke-width", _num(r.hatch_width))
    for x, y in dots:
        etree.SubElement(pattern, "circle", cx=_num(x), cy=_num(y),
                         r=_num(r.hatch_width * 1.25), fill=r.hatch_colour)


def _svg_text(parent: Any, t: Text, fonts: Fonts) -> None:
    from lxml import etree

    element = etree.SubElement(parent, "text", {
        "font-size": _num(t.size), "fill": t.colour, "text-anchor": t.align})
    if t.bold:
        element.set("font-weight", "bold")
    if t.rotation % 360:
        element.set("transform", f"rotate({_num(t.rotation)} {_num(t.x)} {_num(t.y)})")
    lines = fonts.baselines(t)
    if len(lines) == 1:
        element.set("x", _num(t.x))
        element.set("y", _num(t.y + lines[0][0]))
        element.text = lines[0][1]
        return
    for offset, line in lines:
        etree.SubElement(element, "tspan", x=_num(t.x), y=_num(t.y + offset)).text = line


# -- legend -------------------------------------------------------------------------------

@attrs.frozen
class Legend:
    """A legend's entries — (colour, label) — with a round marker each,
    filled row by row in as many columns (at most ``max_columns``) as fit
    ``max_width``. Measures in pixels: text ``size``, the marker's
    ``marker`` diameter (its white edge ``marker_edge`` wide) centred in the
    first ``handle`` of the entry, the text ``pad`` after that, columns
    ``spacing`` apart, rows ``row_height`` apart."""

    entries: tuple[tuple[str, str], ...]
    size: float
    marker: float
    handle: float
    pad: float
    spacing: float
    row_height: float
    max_width: float
    max_columns: int = 3
    marker_edge: float = 0.0
    text_colour: str = "#000000"

    def columns(self, fonts: Fonts) -> tuple[float, ...]:
        """The widths of the columns: the most that fit, at least one."""
        widths = [self.handle + self.pad + fonts.width(label, self.size)
                  for _, label in self.entries]
        for count in range(min(self.max_columns, max(len(widths), 1)), 0, -1):
            rows = math.ceil(len(widths) / count)
            columns = tuple(max((widths[r * count + c] for r in range(rows)
                                 if r * count + c < len(widths)), default=0.0)
                            for c in range(count))
            if sum(columns) + self.spacing * (count - 1) <= self.max_width or count == 1:
                return columns
        raise AssertionError("unreachable")  # pragma: no cover

    def rows(self, fonts: Fonts) -> int:
        return math.ceil(len(self.entries) / len(self.columns(fonts)))

    def shapes(self, fonts: Fonts, *, centre_x: float, first_row_y: float) -> list[Shape]:
        """The markers and texts, centred on ``centre_x``, the first row's
        middle at ``first_row_y``."""
        columns = self.columns(fonts)
        total = sum(columns) + self.spacing * (len(columns) - 1)
        lefts, x = [], centre_x - total / 2
        for width in columns:
            lefts.append(x)
            x += width + self.spacing
        shapes: list[Shape] = []
        for index, (colour, label) in enumerate(self.entries):
            row, column = divmod(index, len(columns))
            left, y = lefts[column], first_row_y + row * self.row_height
            shapes.append(Circle(left + self.handle / 2, y, self.marker / 2, fill=colour,
                                 stroke="#FFFFFF" if self.marker_edge else None,
                                 stroke_width=self.marker_edge))
            shapes.append(Text(left + self.handle + self.pad, y, label, self.size,
                               colour=self.text_colour, align="start"))
        return shapes


__all__ = [
    "FONT_FAMILY",
    "HATCHES",
    "PALETTE_EXACT",
    "SUPERSAMPLE",
    "Circle",
    "Fonts",
    "Legend",
    "Line",
    "Picture",
    "Rect",
    "Shape",
    "Text",
    "Wedge",
    "draw_image",
    "encode_png",
    "font_path",
    "hatch_marks",
    "palette_image",
    "points",
    "wedge_outline",
    "write_svg",
]
