"""What the benchmark scripts share: running this checkout's code in a fresh
interpreter and reading its JSON answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def checkout_env() -> dict[str, str]:
    """The environment with this checkout first on ``PYTHONPATH`` (not an
    installed slt_docs)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep)
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
