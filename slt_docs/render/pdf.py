"""Word → PDF through LibreOffice, with the table of contents filled in.

LibreOffice does not update a TOC field on its own when converting, so the
conversion runs a small UNO script (``_uno_convert.py``) under a Python that
has LibreOffice's ``uno`` module: LibreOffice's own bundled Python, or the
system Python with Debian's ``python3-uno``. It updates every index and field
and exports a tagged PDF. Without UNO it falls back to ``soffice
--convert-to pdf`` (the TOC then keeps its placeholder) and says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import SltError

TIMEOUT_SECONDS = 300
UNO_SCRIPT = Path(__file__).resolve().parent.parent / "_uno_convert.py"


class PdfError(SltError):
    """LibreOffice is missing or could not convert a document."""


def find_soffice() -> Path | None:
    """LibreOffice's ``soffice``: ``$SLT_DOCS_SOFFICE``, the PATH, or the usual places."""
    env = os.environ.get("SLT_DOCS_SOFFICE")
    candidates = [env] if env else []
    candidates += [shutil.which("soffice"), shutil.which("libreoffice"),
                   "/usr/lib/libreoffice/program/soffice",
                   "/opt/libreoffice/program/soffice",
                   "/Applications/LibreOffice.app/Contents/MacOS/soffice",
                   r"C:\Program Files\LibreOffice\program\soffice.exe"]
    for c in candidates:
        if c and Path(c).is_file():
            return Path(c)
    return None


def find_uno_python(soffice: Path) -> Path | None:
    """A Python interpreter that can ``import uno``."""
    program = soffice.resolve().parent
    candidates = [program / "python", program / "python.exe", Path("/usr/bin/python3")]
    for c in candidates:
        if not c.is_file():
            continue
        try:
            ok = subprocess.run([str(c), "-c", "import uno"], capture_output=True,
                                timeout=60).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            ok = False
        if ok:
            return c
    return None


def to_pdf(pairs: Sequence[tuple[Path, Path]]) -> bool:
    """Convert each ``(docx, pdf)`` pair in one LibreOffice session. Returns
    True when the TOC was updated (UNO), False for the plain fallback."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfError("fant ikke LibreOffice (soffice); installer det, f.eks. "
                       "«apt-get install libreoffice-writer-nogui python3-uno», eller sett "
                       "SLT_DOCS_SOFFICE til stien")
    python = find_uno_python(soffice)
    with tempfile.TemporaryDirectory(prefix="slt_docs_lo_") as profile:
        if python is not None:
            args = [str(python), str(UNO_SCRIPT), str(soffice), profile]
            for src, dst in pairs:
                args += [str(src.resolve()), str(dst.resolve())]
            _run(args)
            updated = True
        else:
            updated = False
            for src, dst in pairs:
                with tempfile.TemporaryDirectory(prefix="slt_docs_pdf_") as outdir:
                    _run([str(soffice), "--headless", "--norestore",
                          f"-env:UserInstallation={Path(profile).as_uri()}",
                          "--convert-to", "pdf", "--outdir", outdir, str(src)])
                    produced = Path(outdir) / (src.stem + ".pdf")
                    if not produced.is_file():
                        raise PdfError(f"LibreOffice laget ingen PDF av {src.name}")
                    shutil.move(str(produced), dst)
    for src, dst in pairs:
        if not dst.is_file() or dst.stat().st_size == 0:
            raise PdfError(f"LibreOffice laget ingen PDF av {src.name}")
    return updated


def _run(args: list[str]) -> None:
    try:
        result = subprocess.run(args, capture_output=True, timeout=TIMEOUT_SECONDS, text=True)
    except subprocess.TimeoutExpired as exc:
        raise PdfError(f"LibreOffice brukte mer enn {TIMEOUT_SECONDS} sekunder") from exc
    except OSError as exc:
        raise PdfError(f"kunne ikke starte LibreOffice: {exc.strerror}") from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [""]
        raise PdfError(f"LibreOffice kunne ikke lage PDF ({detail[0]})")
