"""Shared helpers for the data-model tests: a small valid kommune in YAML, and
fixtures that write YAML into a temporary folder and read it back."""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import slt_docs
from slt_docs.data import LoadResult

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

# A small but complete kommune in nynorsk, one file. Every test that breaks
# something starts from a copy of this, so that the only error reported is the
# one the test made.
VALID_YAML = """\
kommune:
  navn: Testvik
  spraak: nn
  kontakter:
    - rolle: koordinator
      tittel: SLT-koordinator
      telefon: "000 00 000"
organisasjon:
  nivaa:
    - type: styrande
      navn: Politirådet
      forutsetning: Politirådet er forankra i kommunestyret.
      moteverksemd: {antall: 4, per: år, timer: 2, siste_moete_timer: 4}
      deltakere:
        - Ordførar
        - rolle: Lensmann
          enhet: Politiet
      mandat:
        - Setje mål for SLT-arbeidet
        - Følgje opp handlingsplanen
      budsjettramme: 10 000
    - type: koordinerande
      navn: Koordineringsgruppa
      mandat: Gruppa koordinerer arbeidet.
    - type: utførande
handlingsplan:
  tittel: Handlingsplan SLT
  periode: 2022
  delmaal:
    - tittel: Førebygging
      tiltak:
        - tittel: Foreldremøte
          punkter: [Tema rus, Tema nett]
          ansvar: [SLT-koordinator, Skulen]
          tidspunkt:
            - Våren 2022
            - dato: 2022-03-04
              tid: "08.30-09.30"
            - moter: politiradet
        - tittel: Nattevandring
          ansvar: [Frivillige]
          tidspunkt:
            - hele_aaret: true
moteplan:
  aar: 2022
  moter:
    - organ: politiradet
      dato: 2022-01-25
      tid: 13.00-15.00
      sted: Rådhuset
  serier:
    - organ: koordineringsgruppa
      regel: {frekvens: maanedlig, ukedag: onsdag, nr: 1, maaneder: [februar, mai, 9, nov]}
      tid: 08.00-09.30
dokumenter:
  mandat:
    - organ: styrande
"""


def pytest_configure(config: pytest.Config) -> None:
    """Compiled template code (:mod:`slt_docs.render.codecache`) goes to a
    folder of this run, shared by its workers and removed at the end: the
    tests start from an empty cache, so they exercise compiling, and leave
    nothing in the user's own cache folder."""
    if not hasattr(config, "workerinput") and "SLT_DOCS_CACHE" not in os.environ:
        folder = tempfile.mkdtemp(prefix="slt_docs-test-cache-")
        os.environ["SLT_DOCS_CACHE"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` (pyproject.toml): one worker per core, but none when the
    run names tests of a single file (``pytest tests/test_x.py -k y``): with
    ``--dist loadfile`` they would all go to one worker anyway, so they run in
    this process, where ``-s``, ``--pdb`` and prints work as usual."""
    files = {arg.split("::")[0] for arg in config.args}
    if len(files) == 1 and Path(files.pop()).is_file():
        return 0
    return None  # xdist's own count: the cores this process may use


def yaml_text(text: str) -> str:
    """Dedent a YAML snippet written inside a test."""
    return textwrap.dedent(text).lstrip("\n")


def position(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth):
        start = text.index(needle, start + 1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return line, column


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """``write(text, name="data.yaml")``: write YAML (dedented) into ``tmp_path``."""

    def _write(text: str, name: str = "data.yaml", folder: Path | None = None) -> Path:
        path = (folder or tmp_path) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml_text(text), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def read_text(write: Callable[..., Path]) -> Callable[[str], tuple[Path, LoadResult]]:
    """``read_text(text)``: write ``text`` to a file and read it; (path, result)."""

    def _read(text: str) -> tuple[Path, LoadResult]:
        path = write(text)
        return path, slt_docs.read(path)

    return _read


@pytest.fixture
def valid_file(write: Callable[..., Path]) -> Path:
    """The valid kommune as one file."""
    return write(VALID_YAML, "testvik.yaml")
