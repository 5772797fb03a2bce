"""The library as another municipal tool uses it: the top-level API, output
to a path, a stream or bytes, and a consumer program that ``mypy --strict``
accepts."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from conftest import EXAMPLES, REPO

import slt_docs
from slt_docs.errors import SltError

CONSUMER = REPO / "tests" / "consumer" / "consumer.py"


@pytest.fixture(scope="module")
def aukra():
    return slt_docs.load(EXAMPLES / "aukra")


def test_render_to_bytes_path_and_stream_give_the_same_document(aukra, tmp_path):
    as_bytes = slt_docs.render(aukra, "tiltak")
    path = tmp_path / "tiltak.docx"
    assert slt_docs.render(aukra, "tiltak", output=path) == as_bytes
    assert path.read_bytes() == as_bytes
    assert slt_docs.render(aukra, "tiltak", output=str(tmp_path / "s.docx")) == as_bytes
    stream = io.BytesIO()
    stream.write(b"HEAD")
    slt_docs.render(aukra, "tiltak", output=stream)
    assert not stream.closed
    assert stream.getvalue() == b"HEAD" + as_bytes
    with (tmp_path / "fil.docx").open("wb") as fh:
        slt_docs.render(aukra, "tiltak", output=fh)
    assert (tmp_path / "fil.docx").read_bytes() == as_bytes


@pytest.mark.parametrize("output, message", [
    (io.StringIO(), "output er en tekststrøm"),
    (42, "output må være en filsti eller en binær strøm"),
])
def test_a_wrong_output_is_the_library_s_own_error(aukra, output, message):
    with pytest.raises(SltError, match=message):
        slt_docs.render(aukra, "tiltak", output=output)


def test_a_failing_stream_is_the_library_s_own_error(aukra):
    class Full(io.RawIOBase):
        def writable(self):
            return True

        def write(self, b):
            raise OSError(28, "No space left on device")

    with pytest.raises(SltError, match="kan ikke skrive dokumentet til strømmen: disken er full"):
        slt_docs.render(aukra, "tiltak", output=Full())


def test_calendar_and_year_wheel_are_in_the_top_level_api(aukra):
    assert slt_docs.to_ics(aukra).startswith(b"BEGIN:VCALENDAR")
    assert slt_docs.aarshjul_png(aukra)[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in slt_docs.aarshjul_svg(aukra)[:500]


def test_the_api_reference_names_everything_exported():
    text = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    listed = text[text.index("## Alt på toppnivået"):]
    names = re.findall(r"`(\w+)`", listed)
    assert sorted(names) == sorted(slt_docs.__all__)
    for name in slt_docs.__all__:
        assert f"`{name}" in text[:text.index("## Alt på toppnivået")] or name in (
            "Alvor", "DocKind", "Language", "LoadResult", "Problem", "SltData", "SltError",
            "DataError", "__version__"), f"docs/api.md forklarer ikke {name}"


def test_the_package_is_marked_typed():
    assert (REPO / "slt_docs" / "py.typed").is_file()
    assert '"slt_docs" = ["py.typed"]' in (REPO / "pyproject.toml").read_text(encoding="utf-8")


def test_the_consumer_program_runs(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, str(CONSUMER), str(EXAMPLES / "aukra")],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "['antall', 'handlingsplan', 'ics', 'moteplan', 'png', 'svg']",
        "['organisasjon.nivaa[0].mandaat: ukjent felt «mandaat»; mente du «mandat»?']"]


def test_mypy_strict_accepts_the_consumer():
    """Against this checkout; tests/test_install.py checks an installed copy."""
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir=/dev/null",
                           "--follow-imports=silent", str(CONSUMER)], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("Success: no issues found in 1 source file"), proc.stdout
