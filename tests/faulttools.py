"""Helpers for the fault-injection tests: run the command line in-process,
small file systems that are full or read-only (a real tmpfs when this
process may mount one — root in CI — else the same fault simulated at the
system call), and a record of every file under a folder."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from slt_docs import cli

REPO = Path(__file__).resolve().parents[1]
AUKRA = REPO / "examples" / "aukra"


def run_cli(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    """Run ``slt-docs ARGV`` in this process: (exit status, stdout, stderr)."""
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "intern feil" not in err, err
    return status, out, err


def aukra_copy(root: Path, name: str = "aukra") -> Path:
    """A copy of Aukra's YAML files in ``root/name``."""
    folder = root / name
    folder.mkdir()
    for source in AUKRA.glob("*.yaml"):
        (folder / source.name).write_bytes(source.read_bytes())
    return folder


def files_under(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative name → content); folders end in /."""
    found: dict[str, bytes] = {}
    if not folder.exists():
        return found
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        found[name + "/" if path.is_dir() else name] = b"" if path.is_dir() \
            else path.read_bytes()
    return found


def leftovers(folder: Path) -> list[str]:
    """Temporary files a write left behind (``.name.xxxx.tmp``)."""
    return [p.name for p in folder.rglob("*.tmp")] if folder.exists() else []


def can_mount() -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    with tempfile.TemporaryDirectory() as probe:
        ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", probe],
                            capture_output=True).returncode == 0
        if ok:
            subprocess.run(["umount", probe], check=True)
        return ok


MOUNT = can_mount()


@contextlib.contextmanager
def tmpfs(folder: Path, *, size: str = "64k", read_only: bool = False,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """``folder`` as a small file system: full (``size``) or read-only. A real
    tmpfs when possible; otherwise writes there fail with ENOSPC/EROFS at the
    system call, as they would. Yields "tmpfs" or "simulert"."""
    folder.mkdir(parents=True, exist_ok=True)
    if MOUNT:
        options = f"size={size}" + (",ro" if read_only else "")
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                       check=True)
        if not read_only:  # fill it up: nothing more fits
            with contextlib.suppress(OSError), open(folder / "fyll", "wb") as fh:
                while True:
                    fh.write(b"x" * 4096)
                    fh.flush()
        try:
            yield "tmpfs"
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=True)
        return
    code = errno.EROFS if read_only else errno.ENOSPC
    inside = str(folder.resolve())
    real_open, real_write, real_mkdir = os.open, os.write, os.mkdir
    fds: set[int] = set()

    def fake_open(path, flags, mode=0o777, *, dir_fd=None):
        fd = real_open(path, flags, mode, dir_fd=dir_fd)
        if not isinstance(path, int) and str(Path(path).resolve()).startswith(inside):
            if read_only and flags & (os.O_WRONLY | os.O_RDWR):
                os.close(fd)
                raise OSError(code, os.strerror(code), str(path))
            fds.add(fd)
        return fd

    def fake_write(fd, data):
        if fd in fds and len(data) > 1024:
            raise OSError(code, os.strerror(code))
        return real_write(fd, data)

    def fake_mkdir(path, mode=0o777, *, dir_fd=None):
        if not isinstance(path, int) and str(Path(path).resolve()).startswith(inside) \
                and read_only:
            raise OSError(code, os.strerror(code), str(path))
        return real_mkdir(path, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "write", fake_write)
    monkeypatch.setattr(os, "mkdir", fake_mkdir)
    yield "simulert"


def deny(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Missing rights (EACCES) for everything under ``folder``: simulated at
    the system calls, since root (as CI runs) is never refused by the mode bits."""
    inside = str(folder.resolve())
    real_open, real_mkdir, real_scandir, real_listdir = os.open, os.mkdir, os.scandir, os.listdir

    def refused(path: object) -> bool:
        if isinstance(path, int):  # an open folder (shutil.rmtree works with those)
            return False
        return str(Path(os.fsdecode(path)).resolve()).startswith(inside)  # type: ignore[arg-type]

    def fake_open(path, flags, mode=0o777, *, dir_fd=None):
        if dir_fd is None and refused(path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    def fake_mkdir(path, mode=0o777, *, dir_fd=None):
        if refused(path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_mkdir(path, mode, dir_fd=dir_fd)

    def fake_scandir(path="."):
        if refused(path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_scandir(path)

    def fake_listdir(path="."):
        if refused(path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "mkdir", fake_mkdir)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    monkeypatch.setattr(os, "listdir", fake_listdir)
