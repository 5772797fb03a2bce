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
        "['organisasjon.nivaa[0].mandaat: ukjent felt «mandaat»; mente du «mandat»?']",
        "['advarsel: handlingsplan.delmaal[0].tiltak[3].nummer', "
        "'feil: kommune.navn: kommunens navn kan ikke være tomt']"]


def test_mypy_strict_accepts_the_consumer():
    """Against this checkout; tests/test_install.py checks an installed copy."""
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir=/dev/null",
                           "--follow-imports=silent", str(CONSUMER)], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("Success: no issues found in 1 source file"), proc.stdout


# -- every public function says which of the library's errors it raises ---------------

def _functions() -> dict[str, object]:
    return {name: getattr(slt_docs, name) for name in slt_docs.__all__
            if callable(getattr(slt_docs, name)) and not isinstance(getattr(slt_docs, name), type)}


NO_MOTEPLAN = EXAMPLES / "nordre-land"
# A wrong call of each public function, as a program could make it: the error is the
# library's own, and the function's docstring names it (or says it never raises).
WRONG_CALLS = {
    "aarshjul_png": lambda: slt_docs.aarshjul_png(slt_docs.load(NO_MOTEPLAN)),
    "aarshjul_svg": lambda: slt_docs.aarshjul_svg("examples/aukra"),
    "available_documents": lambda: slt_docs.available_documents({"kommune": {}}),
    "available_languages": lambda: slt_docs.available_languages(3),
    "check": lambda: slt_docs.check("examples/aukra"),
    "data_language": lambda: slt_docs.data_language("examples/aukra"),
    "dump_folder": lambda: slt_docs.dump_folder(slt_docs.load(NO_MOTEPLAN), "/proc/ut"),
    "dumps": lambda: slt_docs.dumps("examples/aukra"),
    "get_language": lambda: slt_docs.get_language("se"),
    "load": lambda: slt_docs.load(3),
    "load_dict": lambda: slt_docs.load_dict([]),
    "read": lambda: slt_docs.read(3),
    "read_dict": lambda: slt_docs.read_dict(3),
    "render": lambda: slt_docs.render(NO_MOTEPLAN, "moteplan"),
    "render_all": lambda: slt_docs.render_all(NO_MOTEPLAN, "/proc/ut"),
    "render_many": lambda: slt_docs.render_many(3, "ut"),
    "to_dict": lambda: slt_docs.to_dict("examples/aukra"),
    "to_ics": lambda: slt_docs.to_ics(slt_docs.load(NO_MOTEPLAN)),
    "write_aarshjul": lambda: slt_docs.write_aarshjul(NO_MOTEPLAN, "/proc/ut/hjul.png"),
}


def test_every_public_function_has_a_wrong_call_here():
    assert sorted(WRONG_CALLS) == sorted(_functions())


@pytest.mark.parametrize("name", sorted(WRONG_CALLS))
def test_a_wrong_call_raises_an_error_the_docstring_names(name):
    doc = " ".join((_functions()[name].__doc__ or "").split())
    try:
        result = WRONG_CALLS[name]()
    except SltError as exc:
        named = [c.__name__ for c in type(exc).__mro__ if issubclass(c, SltError)]
        assert re.search(r"\b[Rr]aises\b", doc), f"{name}: the docstring names no error"
        assert re.search(rf":class:`~?([\w]+\.)*{named[0]}`", doc), \
            f"{name} raised {named[0]} ({exc}); its docstring does not name it"
    else:
        assert "Never raises" in doc, f"{name} raised nothing for a wrong call"
        assert result.data is None and result.errors  # a LoadResult with the problem
