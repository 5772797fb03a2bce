"""Docs that run: every shell and Python example in README.md and docs/*.md
is run in a temporary folder (with a copy of examples/), as a reader would
run it from the repository root, so that a documented command cannot fail.

- A ``bash``/``sh``/``shell`` block runs as one ``bash -e`` script, with
  ``slt-docs`` meaning this checkout's code.
- The ``python`` blocks of one page run in order in one namespace (a later
  block may use what an earlier one defined), as module ``__doc_example__``
  (so an ``if __name__ == "__main__":`` server start is shown, not run).
- A block that must not run here (it installs packages, or needs the user's
  own file) has ``<!-- doc-test: hopp over (reason) -->`` on the line above.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from conftest import EXAMPLES, REPO

from slt_docs import cli

PAGES = sorted([REPO / "README.md", *(REPO / "docs").glob("*.md")])
SHELL = {"bash", "sh", "shell", "console"}
PYTHON = {"python", "py", "python3"}
FENCE = re.compile(r"^```\s*([\w+-]*)\s*$")
SKIP = re.compile(r"^<!-- doc-test: hopp over \((.+)\) -->$")
MAX_SKIPPED = 3
TIMEOUT = 600

RUNNER = """\
import json, sys
blocks = json.load(open(sys.argv[1], encoding="utf-8"))
namespace = {"__name__": "__doc_example__"}
for block in blocks:
    exec(compile(block["text"], f"{block['file']}:{block['line']}", "exec"), namespace)
"""


@attrs.frozen
class Block:
    page: Path
    line: int
    lang: str
    text: str
    skip: str | None

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(REPO)}:{self.line}"


def code_blocks(page: Path) -> list[Block]:
    """The fenced code blocks of a Markdown page, with the skip marker above each."""
    lines = page.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start, lang = i, m[1].lower()
        i += 1
        body: list[str] = []
        while i < len(lines) and lines[i].strip() != "```":
            body.append(lines[i])
            i += 1
        above = next((lines[j] for j in range(start - 1, -1, -1) if lines[j].strip()), "")
        skip = SKIP.match(above.strip())
        blocks.append(Block(page, start + 2, lang, "\n".join(body) + "\n",
                            skip[1] if skip else None))
        i += 1
    return blocks


def runnable(page: Path) -> tuple[list[Block], list[Block]]:
    blocks = [b for b in code_blocks(page) if b.skip is None]
    return [b for b in blocks if b.lang in SHELL], [b for b in blocks if b.lang in PYTHON]


def make_workdir(folder: Path) -> tuple[Path, dict[str, str]]:
    """A folder like the repository root: examples/, .gitignore, and
    ``slt-docs`` on PATH meaning this checkout."""
    shutil.copytree(EXAMPLES, folder / "examples")
    shutil.copy(REPO / ".gitignore", folder / ".gitignore")
    bin_dir = folder.parent / f"{folder.name}-bin"
    bin_dir.mkdir()
    shim = bin_dir / "slt-docs"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m slt_docs "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
    return folder, env


@pytest.fixture
def workdir(tmp_path):
    return make_workdir(tmp_path)


GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main"]


@pytest.fixture(scope="module")
def readme_run(tmp_path_factory):
    """The README's examples (and examples/lag_dokumenter.py) run once in a
    fresh git repository; what git would then add."""
    folder, env = make_workdir(tmp_path_factory.mktemp("readme"))
    subprocess.run([*GIT, "init", "-q"], cwd=folder, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=folder, check=True)
    subprocess.run([*GIT, "commit", "-qm", "før"], cwd=folder, check=True)
    run_page(REPO / "README.md", folder, env)
    subprocess.run([sys.executable, str(REPO / "examples" / "lag_dokumenter.py"), "nes"],
                   cwd=folder, env=env, check=True, capture_output=True)
    return subprocess.run([*GIT, "status", "--porcelain", "--untracked-files=all"],
                          cwd=folder, capture_output=True, text=True, check=True).stdout


def run_page(page: Path, folder: Path, env: dict[str, str]) -> None:
    shell, python = runnable(page)
    for block in shell:
        proc = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", block.text], cwd=folder,
                              env=env, capture_output=True, text=True, timeout=TIMEOUT)
        assert proc.returncode == 0, f"{block.where}:\n{block.text}\n{proc.stdout}{proc.stderr}"
        assert "Traceback" not in proc.stderr, f"{block.where}: {proc.stderr}"
    if python:
        script = folder.parent / f"{folder.name}-blocks.json"
        script.write_text(json.dumps([{"file": str(b.page.relative_to(REPO)), "line": b.line,
                                       "text": b.text} for b in python]), encoding="utf-8")
        proc = subprocess.run([sys.executable, "-c", RUNNER, str(script)], cwd=folder, env=env,
                              capture_output=True, text=True, timeout=TIMEOUT)
        assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("page", [p for p in PAGES if p.name != "README.md"],
                         ids=lambda p: p.name)
def test_every_example_on_the_page_runs(page, workdir):
    folder, env = workdir
    run_page(page, folder, env)


def test_every_example_in_the_readme_runs(readme_run):
    assert readme_run is not None


def test_the_readme_commands_leave_nothing_git_would_add(readme_run):
    """.gitignore covers what the README's commands write."""
    assert readme_run == "", f"legg disse i .gitignore:\n{readme_run}"


def test_the_pages_with_commands_have_runnable_examples():
    for name in ("README.md", "maler.md", "api.md"):
        page = next(p for p in PAGES if p.name == name)
        shell, python = runnable(page)
        assert shell or python, name
    assert runnable(REPO / "docs" / "api.md")[1], "api.md shows Python"


def test_few_examples_are_skipped_and_each_says_why():
    skipped = [b for page in PAGES for b in code_blocks(page) if b.skip is not None]
    assert len(skipped) <= MAX_SKIPPED, [b.where for b in skipped]
    assert all(len(b.skip) > 10 for b in skipped)
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        markers = sum(1 for line in text.splitlines() if line.startswith("<!-- doc-test:"))
        assert markers == sum(1 for b in code_blocks(page) if b.skip), page


def test_the_readme_error_example_is_what_kontroller_prints(workdir):
    folder, env = workdir
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if "ukjent felt «ansvr»" in x)
    m = re.match(r"^(\S+):(\d+):(\d+): feil: ", line)
    assert m, line
    path, row, col = folder / m[1], int(m[2]), int(m[3])
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[row - 1][col - 1:].startswith("ansvar:"), lines[row - 1]
    lines[row - 1] = lines[row - 1][:col - 1] + "ansvr:" + lines[row - 1][col - 1 + 7:]
    path.write_text("".join(lines), encoding="utf-8")
    proc = subprocess.run(["slt-docs", "kontroller", "examples/aukra"], cwd=folder, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [line, "examples/aukra: 1 feil funnet"]


def test_the_readme_first_command_prints_the_one_advarsel_it_says_to_expect(tmp_path, capsys):
    """The first command of the README, as a newcomer runs it: one advarsel,
    the one the line under it explains (Aukra numbers two tiltak 1.3, as adopted)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first = next(b for b in code_blocks(REPO / "README.md") if b.lang in SHELL)
    command = first.text.splitlines()[0].split("&& ", 1)[1]
    assert command == "slt-docs lag examples/aukra --doc handlingsplan -o handlingsplan.docx"
    explained = next(x for x in readme.splitlines() if x.startswith("Én `advarsel` er ventet"))
    assert "1.3" in explained
    argv = [*command.split()[1:-1], str(tmp_path / "handlingsplan.docx"), "--uten-libreoffice"]
    argv[1] = str(REPO / argv[1])
    assert cli.main(argv) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if ": advarsel: " in line]
    assert len(warnings) == 1 and "tiltaksnummeret 1.3 står to ganger" in warnings[0], err
    assert err.splitlines() == warnings, err
