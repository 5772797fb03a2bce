"""Writing output files safely — the one write path every command uses.

- **Never a half-written file**: the data goes to a temporary file in the
  target's folder (an unnamed ``O_TMPFILE`` where the system has it, so a
  process killed while writing leaves nothing at all), is flushed to disk
  and renamed into place in one step.
- **All or nothing** for a set of files (:func:`write_files`): every file is
  written to its temporary first; only when all succeeded are they renamed
  into place. Folders created for a write that then failed are removed again.
- **One answer for every fault**: a read-only folder, a full disk, a folder
  where the file should be, a file where a folder should be, missing
  permissions … raise :class:`OutputError` (an :class:`~slt_docs.errors.SltError`,
  exit status 2 on the command line) with ``kan ikke skrive <sti>: <grunn>``
  in Norwegian. :func:`os_error_reason` gives the reason for any ``OSError``.
- **Backups** (:func:`backup`) before a data file is replaced on purpose.
- Files get the usual permissions (``0666`` less the umask), read without
  changing the process's umask (other threads may be creating files).
- **Ctrl-C and SIGTERM** stop a write before anything is in place, never in
  the middle of the two steps that cannot be cut: a temporary file getting
  its name (so it is always removed again) and a set of files being renamed
  into place (so the set is all new or all old). A signal arriving there is
  held and raised right after (:func:`signals_held`; in the main thread,
  where Python runs signal handlers). Inside :func:`journal` every file put
  in place is recorded in that same step, so a command stopped at any point
  can say which files are complete.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import FrameType
from typing import Any

from .errors import SltError

_REASONS = {
    errno.EACCES: "mangler tilgang (rettigheter); er fila åpen i et annet program?",
    errno.EPERM: "mangler tilgang (rettigheter)",
    errno.EROFS: "mappa er skrivebeskyttet (skrivebeskyttet filsystem)",
    errno.ENOSPC: "disken er full",
    errno.EDQUOT: "lagringskvoten er brukt opp",
    errno.EISDIR: "det finnes en mappe med det navnet",
    errno.ENOTDIR: "en del av stien er en fil, ikke en mappe",
    errno.EEXIST: "det finnes allerede en fil med det navnet",
    errno.ENAMETOOLONG: "navnet er for langt",
    errno.ENOENT: "mappa finnes ikke",
    errno.EFBIG: "fila blir for stor for filsystemet",
    errno.EIO: "lese- eller skrivefeil på disken",
    errno.ELOOP: "for mange symbolske lenker i stien",
    errno.EBUSY: "fila er i bruk",
    errno.ETXTBSY: "fila er i bruk",
    errno.EMFILE: "for mange åpne filer",
    errno.EINVAL: "ugyldig filnavn",
    errno.EXDEV: "kan ikke flytte fila mellom to disker",
}


class OutputError(SltError):
    """A file could not be written; the message names the path and the reason.

    ``path`` is the file that was to be written."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"kan ikke skrive {path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class InputError(SltError):
    """A file or folder could not be read; the message names the path and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"kan ikke lese {path}: {reason}")
        self.path = Path(path)
        self.reason = reason


def os_error_reason(exc: OSError) -> str:
    """The Norwegian reason for ``exc`` ("disken er full", …)."""
    if isinstance(exc, UnicodeError):
        return "ugyldige tegn i filnavnet"
    reason = _REASONS.get(exc.errno or 0)
    if reason:
        return reason
    return exc.strerror or str(exc) or type(exc).__name__


def cannot_write(path: str | Path, exc: OSError | ValueError) -> OutputError:
    """The :class:`OutputError` for ``exc`` raised while writing ``path``."""
    if isinstance(exc, OSError):
        return OutputError(path, os_error_reason(exc))
    return OutputError(path, "ugyldig filnavn")  # e.g. a NUL character in the name


def cannot_read(path: str | Path, exc: OSError | ValueError) -> InputError:
    """The :class:`InputError` for ``exc`` raised while reading ``path``."""
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOENT:
            return InputError(path, "fila eller mappa finnes ikke")
        if exc.errno == errno.EISDIR:
            return InputError(path, "er en mappe, ikke en fil")
        return InputError(path, os_error_reason(exc))
    return InputError(path, "ugyldig filnavn")


def _umask() -> int:
    """The process's umask, read without setting it (``/proc`` on Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return _IMPORT_UMASK


def _initial_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_IMPORT_UMASK = _initial_umask()  # read once, single-threaded, at import


def is_folder(path: str | Path) -> bool:
    """``path`` is an existing folder (False when it cannot even be looked at:
    the write then says why)."""
    try:
        return Path(path).is_dir()
    except (OSError, ValueError):
        return False


def preflight(path: str | Path, *, folder: bool = False) -> None:
    """Refuse early — before a long rendering — an output that certainly
    cannot be written: a folder where the file should be (or a file where
    the folder should be), a file in the path, a read-only or forbidden
    folder. A full disk is only found when writing. Raises :class:`OutputError`."""
    path = Path(path)
    try:
        if path.exists() and path.is_dir() != folder:
            raise OutputError(path, _REASONS[errno.EISDIR] if not folder
                              else f"{path} er en fil, ikke en mappe")
        existing = path if folder and path.exists() else path.parent
        while not existing.exists() and existing.parent != existing:
            existing = existing.parent
        if not existing.is_dir():
            raise OutputError(path, f"{existing} er en fil, ikke en mappe")
        if not os.access(existing, os.W_OK | os.X_OK):
            read_only = bool(os.statvfs(existing).f_flag & getattr(os, "ST_RDONLY", 1))
            raise OutputError(path, _REASONS[errno.EROFS if read_only else errno.EACCES])
    except (OSError, ValueError) as exc:
        raise cannot_write(path, exc) from exc


def _check_target(path: Path) -> list[Path]:
    """Refuse a target that is a folder or whose parent is a file; create the
    missing folders and return them (deepest last) so a failure can remove them."""
    if path.is_dir():
        raise OutputError(path, _REASONS[errno.EISDIR])
    missing: list[Path] = []
    parent = path.parent
    while not parent.exists():
        if parent.is_symlink():  # a dangling link: mkdir would fail with a confusing reason
            raise OutputError(path, "stien peker til en mappe som ikke finnes (symbolsk lenke)")
        missing.append(parent)
        if parent.parent == parent:
            break
        parent = parent.parent
    if parent.exists() and not parent.is_dir():
        raise OutputError(path, f"{parent} er en fil, ikke en mappe")
    created: list[Path] = []
    try:
        for folder in reversed(missing):
            folder.mkdir()
            created.append(folder)
    except FileExistsError:
        pass  # made by somebody else meanwhile
    except OSError as exc:
        _remove_folders(created)
        raise cannot_write(path, exc) from exc
    return created


def _remove_folders(folders: list[Path]) -> None:
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


_HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_JOURNAL: contextvars.ContextVar[list[Path] | None] = contextvars.ContextVar(
    "slt_docs_files_journal", default=None)


@contextlib.contextmanager
def journal() -> Iterator[list[Path]]:
    """The list of every file put in place inside the block, in order — each
    recorded in the step that renames it into place, so that a Ctrl-C
    cannot fall between the two (for this context only: threads and other
    requests keep their own)."""
    written: list[Path] = []
    token = _JOURNAL.set(written)
    try:
        yield written
    finally:
        _JOURNAL.reset(token)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) and SIGTERM until the block is done, then act on
    the first that arrived as its handler would have (a handler that raises,
    such as Ctrl-C's ``KeyboardInterrupt``, raises on leaving the block; the
    default action, e.g. ending the process, happens then). Signals the
    process ignores stay ignored. Only in the main thread: Python runs signal
    handlers nowhere else, so elsewhere there is nothing to hold."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[tuple[int, FrameType | None]] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        arrived.append((signum, frame))

    previous: dict[int, Callable[[int, FrameType | None], Any] | int | None] = {}
    try:
        for sig in _HELD_SIGNALS:
            handler = signal.getsignal(sig)
            if handler is not None and handler != signal.SIG_IGN:  # None: not set from Python
                previous[sig] = signal.signal(sig, hold)
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if arrived:
            signum, frame = arrived[0]
            handler = previous[signum]
            if callable(handler):
                handler(signum, frame)
            else:  # SIG_DFL: its default action, now
                signal.raise_signal(signum)


class _Pending:
    """One file written to its temporary place, not yet renamed into place.
    :meth:`write` records the temporary file's name in the same step that
    gives it the name, so :meth:`discard` always finds it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp: Path | None = None

    def write(self, data: bytes) -> None:
        folder = self.path.parent
        fd = self._open_unnamed(folder)
        if fd is not None:
            try:
                _write_all(fd, data)
                with signals_held():
                    self.tmp = self._link(fd, folder)
                return
            except OSError as exc:
                if exc.errno not in (errno.EXDEV, errno.EPERM, errno.ENOENT, errno.EINVAL,
                                     errno.EOPNOTSUPP):
                    raise
                # the system would not give the unnamed file a name: use a named one
            finally:
                os.close(fd)
        fd = -1
        try:
            with signals_held():
                fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name[:100]}.", suffix=".tmp",
                                           dir=folder)
                self.tmp = Path(tmp)
            _write_all(fd, data)
            os.chmod(fd, 0o666 & ~_umask())
        except BaseException:
            self.discard()
            raise
        finally:
            if fd != -1:
                os.close(fd)

    @staticmethod
    def _open_unnamed(folder: Path) -> int | None:
        flag = getattr(os, "O_TMPFILE", 0)
        if not flag or not Path("/proc/self/fd").is_dir():
            return None
        try:
            return os.open(folder, flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o666)
        except OSError as exc:
            if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                return None  # the file system has no unnamed files: use a named one
            raise

    def _link(self, fd: int, folder: Path) -> Path:
        """Give the unnamed file a temporary name next to the target (linkat
        with AT_SYMLINK_FOLLOW through ``/proc/self/fd``, forced by a folder fd)."""
        dir_fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            for _ in range(100):
                name = f".{self.path.name[:100]}.{os.urandom(6).hex()}.tmp"
                try:
                    os.link(f"/proc/self/fd/{fd}", name, dst_dir_fd=dir_fd,
                            follow_symlinks=True)
                    return folder / name
                except FileExistsError:
                    continue
        finally:
            os.close(dir_fd)
        raise FileExistsError(errno.EEXIST, "kan ikke lage en midlertidig fil", str(folder))

    def commit(self) -> None:
        assert self.tmp is not None
        os.replace(self.tmp, self.path)
        self.tmp = None

    def discard(self) -> None:
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                self.tmp.unlink()
            self.tmp = None


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (see the module doc): the folder is created
    when missing; a failure leaves nothing behind and raises :class:`OutputError`."""
    return write_files({Path(path): data})[0]


def write_files(files: Mapping[str | Path, bytes]) -> list[Path]:
    """Write every file of ``files`` (path → bytes), all or nothing: each is
    written to a temporary file first and renamed into place only when all of
    them were written. Raises :class:`OutputError` naming the file that failed."""
    targets = [(Path(p), data) for p, data in files.items()]
    pending: list[_Pending] = []
    created: list[Path] = []
    current: Path | None = None
    try:
        for path, data in targets:
            current = path
            created += _check_target(path)
            pending.append(_Pending(path))
            pending[-1].write(data)
        # all or none in place: Ctrl-C here is raised after the last rename (the
        # clean-up below then finds nothing to remove: every file is in its folder)
        with signals_held():
            log = _JOURNAL.get()
            for item in pending:
                current = item.path
                item.commit()
                if log is not None:
                    log.append(item.path)
    except BaseException as exc:
        for item in pending:
            item.discard()
        _remove_folders(created)
        if isinstance(exc, (OSError, ValueError)) and not isinstance(exc, UnicodeError):
            raise cannot_write(current or "", exc) from exc
        raise
    return [path for path, _ in targets]


def backup(path: str | Path) -> Path:
    """Move ``path`` aside as ``<name>.bak`` (``.bak.2``, ``.bak.3`` … when
    taken) and return the backup's path. Raises :class:`OutputError`."""
    path = Path(path)
    for n in range(1, 1000):
        candidate = path.with_name(f"{path.name}.bak" + (f".{n}" if n > 1 else ""))
        if candidate.exists():
            continue
        try:
            try:
                os.link(path, candidate)
            except FileExistsError:
                continue
            except OSError:  # a file system without hard links: copy
                shutil.copy2(path, candidate)
        except OSError as exc:
            raise cannot_write(candidate, exc) from exc
        return candidate
    raise OutputError(path, "for mange sikkerhetskopier finnes allerede; rydd i mappa")


@contextlib.contextmanager
def output_errors(path: str | Path) -> Iterator[None]:
    """Turn any ``OSError`` raised inside into :class:`OutputError` for ``path``."""
    try:
        yield
    except OSError as exc:
        raise cannot_write(path, exc) from exc
