"""The .docx file as a zip package: reproducible bytes."""

from __future__ import annotations

import io
import zipfile

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The timestamp every zip entry gets, so the same input gives the same bytes."""


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a .docx with fixed timestamps and attributes, ``[Content_Types].xml``
    first and the other parts in name order."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        names = src.namelist()
        ordered = sorted(names, key=lambda n: (n != "[Content_Types].xml", n))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for name in ordered:
                info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                info.create_system = 0
                dst.writestr(info, src.read(name), compresslevel=6)
    return out.getvalue()
