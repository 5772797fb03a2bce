"""The package as a user gets it: installed (not editable) into a throwaway
virtual environment, used from another folder, and the README's Python
example run both from the repository root and from elsewhere.

The venv sees the running Python's packages through a ``.pth`` file (they
are the dependencies, whether this Python is a venv or not), so only
slt_docs itself is installed into it; the build backend comes from PyPI as
``pip install .`` does on any machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import EXAMPLES, REPO
from test_docs import code_blocks

IGNORE = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__",
                                ".pytest_cache", ".mypy_cache", ".ruff_cache", "out",
                                "node_modules", ".hypothesis", ".benchmarks")
"""Not part of the package, and some are written while tests run on other
pytest-xdist workers (a file gone between listing and copying fails the copy)."""


def readme_python() -> str:
    """The README's first Python example («Bruk fra Python»)."""
    block = next(b for b in code_blocks(REPO / "README.md") if b.lang == "python")
    assert "slt_docs.load(" in block.text
    return block.text


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    root = tmp_path_factory.mktemp("install")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root / "venv")],
                   check=True)
    deps = [p for p in sys.path if p.endswith("site-packages")]
    for site_packages in (root / "venv" / "lib").glob("python*/site-packages"):
        (site_packages / "dependencies.pth").write_text("\n".join(deps) + "\n",
                                                        encoding="utf-8")
    shutil.copytree(REPO, root / "src", ignore=IGNORE)
    python = root / "venv" / "bin" / "python"
    proc = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q",
                           str(root / "src")], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root, python


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run(python, code: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(python), "-c", code], cwd=cwd, env=clean_env(),
                          capture_output=True, text=True, timeout=300)


def test_installed_package_is_used_with_its_own_templates(venv, tmp_path):
    root, python = venv
    proc = run(python, "import slt_docs, slt_docs.resources as r; "
               "print(slt_docs.__file__); print(r.templates_dir())", tmp_path)
    assert proc.returncode == 0, proc.stderr
    module, templates = proc.stdout.splitlines()
    site = str(root / "venv" / "lib")
    assert module.startswith(site), module
    assert templates.startswith(site) and templates.endswith("slt_docs/templates"), templates
    assert (root / "venv").joinpath(templates).joinpath("lang", "nn.po").is_file()
    fonts = (root / "venv").joinpath(templates, "fonts")  # the pictures' fonts
    assert sorted(p.name for p in fonts.iterdir()) == ["DejaVuSans-Bold.ttf", "DejaVuSans.ttf",
                                                        "LICENSE"]
    assert list((root / "venv" / "lib").glob("python*/site-packages/slt_docs/py.typed"))


def test_readme_python_runs_from_another_folder_with_the_installed_package(venv, tmp_path):
    _, python = venv
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    proc = run(python, readme_python(), tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "mandat.docx").is_file()
    assert (tmp_path / "out" / "handlingsplan.docx").is_file()


def test_readme_python_runs_from_the_repository_root(venv, tmp_path):
    """From the root the checkout shadows the installed copy; its templates
    are found in the checkout (slt_docs.resources)."""
    _, python = venv
    work = tmp_path / "repo"
    shutil.copytree(REPO, work, ignore=IGNORE)
    code = "import slt_docs; print(slt_docs.__file__)\n" + readme_python()
    proc = run(python, code, work)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == str(work / "slt_docs" / "__init__.py")
    assert (work / "out" / "handlingsplan.docx").is_file()


def test_the_console_command_of_the_installed_package(venv, tmp_path):
    root, _ = venv
    command = root / "venv" / "bin" / "slt-docs"
    proc = subprocess.run([str(command), "--help"], cwd=tmp_path, env=clean_env(),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0
    assert proc.stdout.startswith("bruk: slt-docs")
    proc = subprocess.run([str(command), "ny", "k", "--navn", "Testvik", "--aar", "2026"],
                          cwd=tmp_path, env=clean_env(), capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([str(command), "kontroller", "k"], cwd=tmp_path, env=clean_env(),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_mypy_strict_accepts_the_consumer_against_the_installed_package(venv, tmp_path):
    """No "missing library stubs or py.typed marker": the installed copy is typed."""
    _, python = venv
    consumer = shutil.copy(REPO / "tests" / "consumer" / "consumer.py", tmp_path / "consumer.py")
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir=/dev/null",
                           "--python-executable", str(python), str(consumer)],
                          cwd=tmp_path, env=clean_env(), capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("Success: no issues found in 1 source file"), proc.stdout
