"""The zip normalisation: fixed metadata, and the same bytes as compressing
every part anew (it copies deflated parts instead, for speed)."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document

from slt_docs.render.package import COMPRESS_LEVEL, FIXED_ZIP_TIME, normalize_zip


def _recompressed(data: bytes) -> bytes:
    """The reference: every part read and compressed again."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        names = sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for name in names:
                info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                info.create_system = 0
                dst.writestr(info, src.read(name), compresslevel=COMPRESS_LEVEL)
    return out.getvalue()


def _python_docx_bytes() -> bytes:
    doc = Document()
    for i in range(200):
        doc.add_paragraph(f"Avsnitt {i}: førebygging & samarbeid <barn og unge>")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _rezipped(data: bytes, compression: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", compression) as dst:
        for name in reversed(src.namelist()):
            dst.writestr(name, src.read(name))
    return out.getvalue()


@pytest.mark.parametrize("compression", [None, zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_same_bytes_as_compressing_every_part_again(compression):
    data = _python_docx_bytes()
    if compression is not None:
        data = _rezipped(data, compression)
    result = normalize_zip(data)
    assert result == _recompressed(data)
    assert normalize_zip(result) == result


def test_fixed_metadata_and_order():
    result = normalize_zip(_python_docx_bytes())
    with zipfile.ZipFile(io.BytesIO(result)) as z:
        assert z.testzip() is None
        infos = z.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
        for info in infos:
            assert info.date_time == FIXED_ZIP_TIME
            assert info.external_attr == 0o644 << 16
            assert info.compress_type == zipfile.ZIP_DEFLATED
