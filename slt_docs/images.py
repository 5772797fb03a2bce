"""Is this file a picture Word can show? One answer for ``check`` and ``render``.

A logo (or a template pack's picture) must be PNG, JPEG, GIF, BMP or TIFF —
the formats python-docx can place — whole (not truncated), and of a sane size.
The picture is decoded completely once (Pillow), so a file that only starts
like a picture is refused before a document is made.
"""

from __future__ import annotations

import functools
import io

MAX_PICTURE_BYTES = 20 * 1024 * 1024
"""Largest picture file (20 MiB; a logo is usually well under 1 MiB)."""
MAX_PIXELS = 40_000_000
"""Most pixels in one picture (e.g. 8000 × 5000)."""

NOT_A_PICTURE = "er ikke et bilde Word kan vise (bruk PNG eller JPEG)"


def picture_problem(blob: bytes) -> str | None:
    """Why ``blob`` cannot be placed in a Word document (Norwegian, to follow
    the file's name), or ``None`` when it can."""
    if len(blob) > MAX_PICTURE_BYTES:
        return f"er større enn {MAX_PICTURE_BYTES // (1024 * 1024)} MiB"
    return _problem(bytes(blob))


@functools.lru_cache(maxsize=32)
def _problem(blob: bytes) -> str | None:
    from docx.image.image import Image as DocxImage
    from PIL import Image

    try:
        DocxImage.from_blob(blob)
    except Exception:  # python-docx raises several kinds for unknown formats
        return NOT_A_PICTURE
    try:
        with Image.open(io.BytesIO(blob)) as picture:  # reads the header only
            width, height = picture.size
            if width * height > MAX_PIXELS:  # (below Pillow's own bomb warning)
                return f"har for mange bildepunkter ({width} × {height}; høyst {MAX_PIXELS})"
            picture.load()
    except Image.DecompressionBombError:
        return f"har for mange bildepunkter (høyst {MAX_PIXELS})"
    except Exception:  # Pillow: OSError for truncated data, SyntaxError, ValueError …
        return "er skadet eller avkortet (bildet kan ikke leses helt); lagre det på nytt"
    return None
