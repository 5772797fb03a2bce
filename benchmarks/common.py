"""What the benchmark scripts share: running this checkout's code in a fresh
interpreter and reading its JSON answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


BYTECODE = Path(tempfile.gettempdir()) / f"slt_docs-bench-pycache-{os.getuid()}"
"""Where the checkout's modules are compiled to bytecode for the benchmarks."""


def checkout_env(**extra: str) -> dict[str, str]:
    """The environment with this checkout first on ``PYTHONPATH`` (not an
    installed slt_docs), and Python's bytecode cache on, as a user has it
    (pip compiles a package's modules when it installs them): some machines
    set ``PYTHONDONTWRITEBYTECODE``, which would have every process compile
    every module of the checkout again; the bytecode goes to
    :data:`BYTECODE`, not into the checkout. ``extra``: more variables."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(BYTECODE)
    env.update(extra)
    return env


def run_json(script: str | Path, args: list[str]) -> dict[str, Any]:
    """Run ``script --worker ARGS`` in a fresh interpreter; the JSON object it
    prints last. Its error output is shown, and the benchmark stopped, when
    it fails."""
    cmd = [sys.executable, str(Path(script).resolve()), "--worker", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=checkout_env(),
                          check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"worker {' '.join(args)[:80]} failed (exit {proc.returncode})")
    return json.loads(proc.stdout.splitlines()[-1])
