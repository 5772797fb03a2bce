"""The .docx file as a zip package: reproducible bytes."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Mapping

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The timestamp every zip entry gets, so the same input gives the same bytes."""
COMPRESS_LEVEL = 6
"""zlib's level for every part; also zlib's default, which python-docx writes with."""


def normalize_zip(data: bytes, replace: Mapping[str, bytes] | None = None) -> bytes:
    """Rewrite a .docx with fixed timestamps and attributes, ``[Content_Types].xml``
    first and the other parts in name order; the parts named in ``replace``
    get the new content given there.

    A part the source holds deflated is copied as it is compressed: python-docx
    deflates with zlib's default level, which is :data:`COMPRESS_LEVEL`, so
    compressing it again would give the very same bytes (and take most of the
    time of this function). Other parts are compressed here."""
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
                part = src.getinfo(name)
                if replace is not None and name in replace:
                    dst.writestr(info, replace[name], compresslevel=COMPRESS_LEVEL)
                    continue
                raw = _deflated_bytes(data, part)
                if raw is None:
                    dst.writestr(info, src.read(name), compresslevel=COMPRESS_LEVEL)
                else:
                    _write_deflated(dst, info, part, raw)
    return out.getvalue()


def _deflated_bytes(data: bytes, part: zipfile.ZipInfo) -> bytes | None:
    """The compressed bytes of ``part`` as they stand in ``data``, or ``None``
    when it is not a plain deflated part (then it is compressed anew)."""
    if (part.compress_type != zipfile.ZIP_DEFLATED or part.flag_bits & 0x1  # encrypted
            or part.file_size * 1.05 > zipfile.ZIP64_LIMIT):
        return None
    start = part.header_offset
    header = data[start:start + zipfile.sizeFileHeader]
    if len(header) != zipfile.sizeFileHeader:
        return None
    fields = struct.unpack(zipfile.structFileHeader, header)
    if fields[0] != zipfile.stringFileHeader:
        return None
    begin = start + zipfile.sizeFileHeader + fields[10] + fields[11]  # name, extra lengths
    raw = data[begin:begin + part.compress_size]
    return raw if len(raw) == part.compress_size else None


def _write_deflated(dst: zipfile.ZipFile, info: zipfile.ZipInfo, part: zipfile.ZipInfo,
                    raw: bytes) -> None:
    """Append already deflated bytes to ``dst`` as ``writestr`` would have
    written them: local header, data, and the entry for the central directory."""
    info.CRC = part.CRC
    info.file_size = part.file_size
    info.compress_size = len(raw)
    assert dst.fp is not None
    info.header_offset = dst.fp.tell()
    dst.fp.write(info.FileHeader(False))
    dst.fp.write(raw)
    dst.start_dir = dst.fp.tell()
    dst.filelist.append(info)
    dst.NameToInfo[info.filename] = info
