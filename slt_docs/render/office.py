"""One LibreOffice for many documents: :class:`OfficeSession`.

A session starts one headless LibreOffice (``soffice``) with a profile
folder of its own, and one worker process (``_uno_worker.py``) run by a
Python that can ``import uno`` — Debian's python3-uno with the system
Python, or the Python bundled with LibreOffice; slt_docs' own interpreter
usually cannot. The session sends the worker one JSON request per line on
stdin and reads one JSON reply per line on stdout, so every PDF export and
every layout pass for a table of contents reuses the same LibreOffice.

>>> with OfficeSession() as office:                      # doctest: +SKIP
...     office.export_pdf("plan.docx", "plan.pdf")
...     lines = office.toc_lines("plan.docx")

Nothing starts until the first job. Each job has a time limit; a job that
runs over it ends LibreOffice (the next job starts a fresh one) and raises
:class:`OfficeTimeout`. A LibreOffice that dies during a job is started
again once and the job retried. A job interrupted while LibreOffice works
on it (Ctrl-C, SIGTERM) ends LibreOffice at once, so that it cannot go on
to write a file its caller has already cleaned up. Leaving the ``with``
block — also through an exception or Ctrl-C — ends both processes (no
zombies) and removes the profile folder. A session holds no process-wide state: a web service can
keep one per worker thread or process and pass it to every rendering.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from attrs import frozen

from ..errors import SltError
from ..files import os_error_reason, write_atomic

WORKER_SCRIPT = Path(__file__).resolve().parent / "_uno_worker.py"
JOB_TIMEOUT = 180.0
"""Seconds one job (a PDF export, a layout pass) may take."""
START_TIMEOUT = 90.0
"""Seconds LibreOffice may take to start and accept the worker's connection."""

INSTALL_HINT = ("installer LibreOffice og UNO-broen, f.eks. «apt-get install "
                "libreoffice-writer-nogui python3-uno» (Debian/Ubuntu), eller sett "
                "SLT_DOCS_SOFFICE til stien til soffice")


class OfficeError(SltError):
    """LibreOffice is missing, or could not do a job."""


class OfficeMissing(OfficeError):
    """LibreOffice, or a Python with its UNO bridge, is not installed."""


class OfficeTimeout(OfficeError):
    """A job ran over its time limit (LibreOffice was stopped)."""


class OfficeCrashed(OfficeError):
    """LibreOffice stopped during a job, also after one restart."""


class ConversionError(OfficeError):
    """LibreOffice could not open or export this one document."""


@frozen
class TocLine:
    """One line of a table of contents as LibreOffice laid it out."""

    level: int
    text: str
    page: str


def find_soffice() -> Path | None:
    """LibreOffice's ``soffice``: ``$SLT_DOCS_SOFFICE`` when set (and only
    then), else the PATH or the usual install places."""
    env = os.environ.get("SLT_DOCS_SOFFICE")
    if env:
        candidates: list[str | None] = [env]
    else:
        candidates = [shutil.which("soffice"), shutil.which("libreoffice"),
                      "/usr/lib/libreoffice/program/soffice",
                      "/opt/libreoffice/program/soffice",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice",
                      r"C:\Program Files\LibreOffice\program\soffice.exe"]
    for c in candidates:
        if c and Path(c).is_file():
            return Path(c)
    return None


def find_uno_python(soffice: Path) -> Path | None:
    """A Python interpreter that can ``import uno``: ``$SLT_DOCS_UNO_PYTHON``,
    LibreOffice's bundled one, the system's ``/usr/bin/python3``, or this one."""
    env = os.environ.get("SLT_DOCS_UNO_PYTHON")
    program = soffice.resolve().parent
    candidates = [Path(env)] if env else [
        program / "python", program / "python.exe",
        program.parent / "Resources" / "python",  # macOS
        Path("/usr/bin/python3"), Path(sys.executable)]
    for c in candidates:
        if not c.is_file():
            continue
        try:
            ok = subprocess.run([str(c), "-c", "import uno"], capture_output=True,
                                env=_worker_env(), timeout=60).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            ok = False
        if ok:
            return c
    return None


def _worker_env() -> dict[str, str]:
    """Our environment without what would steer another Python to our packages."""
    return {k: v for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV")}


class _Lost(Exception):
    """The worker or LibreOffice went away during a job."""


class OfficeSession:
    """One headless LibreOffice and its UNO worker, for any number of jobs.

    ``timeout`` is the limit for one job in seconds. :attr:`starts` counts
    how many times LibreOffice was started (1 for a healthy session). Use it
    as a context manager, or call :meth:`close` yourself. Raises
    :class:`OfficeMissing` when LibreOffice or its UNO bridge is not installed.

    Every job (:meth:`export_pdf`, :meth:`toc_lines`, :meth:`toc_lines_for`)
    raises only :class:`OfficeError` and its subclasses: :class:`ConversionError`
    for a document LibreOffice cannot open or export, :class:`OfficeTimeout`
    for a job over its time limit, :class:`OfficeCrashed` when LibreOffice
    stopped twice, :class:`OfficeMissing` or plain :class:`OfficeError` when
    it cannot be started."""

    def __init__(self, *, timeout: float = JOB_TIMEOUT,
                 start_timeout: float = START_TIMEOUT) -> None:
        soffice = find_soffice()
        if soffice is None:
            where = os.environ.get("SLT_DOCS_SOFFICE")
            found = f"SLT_DOCS_SOFFICE peker på «{where}», som ikke finnes" if where else \
                "fant ikke LibreOffice (soffice)"
            raise OfficeMissing(f"{found}; {INSTALL_HINT}")
        python = find_uno_python(soffice)
        if python is None:
            raise OfficeMissing(f"fant ingen Python med LibreOffice sin UNO-bro (import uno) for "
                                f"{soffice}; {INSTALL_HINT}")
        self.soffice: Path = soffice
        self.python: Path = python
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.starts = 0
        self.version = ""
        self._dir: Path | None = None
        self._office: subprocess.Popen[bytes] | None = None
        self._worker: subprocess.Popen[str] | None = None
        self._log: IO[bytes] | None = None
        self._replies: queue.Queue[str | None] = queue.Queue()
        self._lock = threading.Lock()

    # -- context manager -------------------------------------------------------

    def __enter__(self) -> OfficeSession:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __del__(self) -> None:  # a forgotten session must not leave processes behind
        try:
            self._stop(graceful=False)
            self._remove_dir()
        except Exception:
            pass

    # -- jobs ------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """True while LibreOffice and the worker are up."""
        return self._office is not None and self._office.poll() is None and \
            self._worker is not None and self._worker.poll() is None

    @property
    def office_pid(self) -> int | None:
        """The process id of LibreOffice's launcher (its process group), when running."""
        return self._office.pid if self._office is not None else None

    def export_pdf(self, docx: str | Path, pdf: str | Path, *, ua: bool = True) -> None:
        """Export ``docx`` as a tagged PDF (PDF/UA-1 when ``ua``) to ``pdf``,
        after updating its indexes and fields. The .docx is never written.
        LibreOffice writes only in the session's own folder (its temporary
        and lock files too, which a LibreOffice stopped mid-export leaves);
        the finished PDF is then written to ``pdf`` all or nothing
        (:func:`~slt_docs.files.write_atomic`). Raises :class:`OfficeError` or a
        subclass (see the class), :class:`~slt_docs.files.OutputError` when
        ``pdf`` cannot be written."""
        src, dst = Path(docx).resolve(), Path(pdf).resolve()
        with self.scratch(".pdf") as tmp:
            target = dst if dst.parent == tmp.parent else tmp
            self._job({"op": "pdf", "src": str(src), "dst": str(target), "ua": ua}, src.name)
            if not target.is_file() or target.stat().st_size == 0:
                raise ConversionError(f"LibreOffice laget ingen PDF av {src.name}")
            if target is tmp:
                write_atomic(dst, tmp.read_bytes())

    @contextlib.contextmanager
    def scratch(self, suffix: str) -> Iterator[Path]:
        """A new file name (ending in ``suffix``) in the session's own folder,
        removed after the block — and with the folder when the session ends,
        whatever LibreOffice left there."""
        with self._lock:
            folder = self._folder()
        path = folder / f"{uuid.uuid4().hex}{suffix}"
        try:
            yield path
        finally:
            path.unlink(missing_ok=True)

    def toc_lines(self, docx: str | Path) -> list[TocLine]:
        """Open ``docx``, update its tables of contents and return their lines
        with the page numbers of LibreOffice's layout. Raises
        :class:`OfficeError` or a subclass (see the class)."""
        src = Path(docx).resolve()
        reply = self._job({"op": "toc", "src": str(src)}, src.name)
        return [TocLine(level=int(x["level"]), text=str(x["text"]), page=str(x["page"]))
                for x in reply.get("toc", [])]

    def toc_lines_for(self, docx: bytes, name: str = "dokument.docx") -> list[TocLine]:
        """:meth:`toc_lines` for a document held in memory (written to the
        session's own folder for LibreOffice to read, and removed). Raises
        :class:`OfficeError` or a subclass (see the class)."""
        with self._lock:
            folder = self._folder()
        try:
            fd, tmp = tempfile.mkstemp(prefix="toc-", suffix=".docx", dir=folder)
        except OSError as exc:
            raise _cannot_use(folder, exc) from exc
        try:
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(docx)
            except OSError as exc:
                raise _cannot_use(folder, exc) from exc
            try:
                return self.toc_lines(tmp)
            except ConversionError as exc:
                raise ConversionError(str(exc).replace(Path(tmp).name, name)) from exc
        finally:
            Path(tmp).unlink(missing_ok=True)

    def _job(self, job: dict[str, Any], name: str) -> dict[str, Any]:
        """Send ``job``; restart LibreOffice once and retry if it went away."""
        with self._lock:
            for attempt in (1, 2):
                self.start()
                try:
                    return self._call(job, name)
                except _Lost as exc:
                    self._stop(graceful=False)
                    if attempt == 2:
                        raise OfficeCrashed(f"LibreOffice stoppet to ganger under arbeidet med "
                                            f"{name} ({exc})") from None
                except Exception:
                    raise
                except BaseException:  # Ctrl-C, SIGTERM while it works: end it now, before
                    self._stop(graceful=False)  # the caller removes the file it is writing
                    raise
            raise AssertionError("unreachable")  # pragma: no cover

    def _call(self, job: dict[str, Any], name: str) -> dict[str, Any]:
        worker = self._worker
        assert worker is not None and worker.stdin is not None
        try:
            worker.stdin.write(json.dumps(job) + "\n")
            worker.stdin.flush()
        except OSError as exc:
            raise _Lost("forbindelsen til LibreOffice er brutt") from exc
        reply = self._reply(self.timeout)
        if reply is _TIMED_OUT:
            self._stop(graceful=False)
            raise OfficeTimeout(f"LibreOffice brukte mer enn {self.timeout:g} sekunder på {name} "
                                "og ble stoppet")
        if reply is None:
            raise _Lost("LibreOffice stoppet")
        assert isinstance(reply, dict)
        if not reply.get("ok"):
            if reply.get("error") == "office":
                raise _Lost(str(reply.get("detail", "")))
            raise ConversionError(f"LibreOffice kunne ikke behandle {name} "
                                  f"({reply.get('detail', '')})")
        return reply

    def _reply(self, timeout: float) -> dict[str, Any] | object | None:
        try:
            line = self._replies.get(timeout=timeout)
        except queue.Empty:
            return _TIMED_OUT
        if line is None:
            return None
        try:
            reply = json.loads(line)
        except ValueError:
            return None
        return reply if isinstance(reply, dict) else None

    # -- processes -------------------------------------------------------------

    def start(self) -> None:
        """Start LibreOffice and the worker unless they are running. Raises
        :class:`OfficeMissing` when they cannot be started, :class:`OfficeError`
        when LibreOffice does not answer in time."""
        if self.running:
            return
        self._stop(graceful=False)
        profile = self._folder() / "profile"
        pipe = f"slt_docs_{os.getpid()}_{uuid.uuid4().hex[:12]}"
        try:
            self._log = open(profile.parent / "office.log", "ab")  # noqa: SIM115 (closed in _stop)
        except OSError as exc:
            raise _cannot_use(profile.parent, exc) from exc
        group = {"start_new_session": True} if os.name == "posix" else {
            "creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
        try:
            self._office = subprocess.Popen(
                [str(self.soffice), "--headless", "--invisible", "--norestore", "--nologo",
                 "--nodefault", "--nolockcheck", f"-env:UserInstallation={profile.as_uri()}",
                 f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
                stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log, **group)
            self.starts += 1
            self._replies = queue.Queue()
            self._worker = subprocess.Popen(
                [str(self.python), str(WORKER_SCRIPT), pipe, str(self.start_timeout),
                 str(self._office.pid if os.name == "posix" else 0), str(profile.parent)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
                text=True, encoding="utf-8", bufsize=1, env=_worker_env(), **group)
        except OSError as exc:
            self._stop(graceful=False)
            raise OfficeMissing(f"kunne ikke starte LibreOffice ({exc.strerror or exc}); "
                                f"{INSTALL_HINT}") from exc
        threading.Thread(target=_pump, args=(self._worker.stdout, self._replies),
                         daemon=True, name="slt_docs-office-reader").start()
        ready = self._reply(self.start_timeout + 10)
        if not isinstance(ready, dict) or not ready.get("ready"):
            detail = ready.get("detail", "") if isinstance(ready, dict) else ""
            self._stop(graceful=False)
            raise OfficeError(f"LibreOffice ({self.soffice}) startet ikke innen "
                              f"{self.start_timeout:g} sekunder{f' ({detail})' if detail else ''}"
                              f"; se om andre LibreOffice-prosesser henger, og prøv igjen")
        self.version = str(ready.get("version", ""))

    def _folder(self) -> Path:
        """The session's own folder (LibreOffice's profile, its log, documents
        in transit), made on first use."""
        if self._dir is None:
            try:
                self._dir = Path(tempfile.mkdtemp(prefix="slt_docs_office_"))
            except OSError as exc:
                raise _cannot_use(Path(tempfile.gettempdir()), exc) from exc
        return self._dir

    def close(self) -> None:
        """End LibreOffice and the worker, and remove the profile folder.
        Never raises."""
        with self._lock:
            self._stop(graceful=True)
            self._remove_dir()

    def _stop(self, *, graceful: bool) -> None:
        worker, office = self._worker, self._office
        self._worker = self._office = None
        if worker is not None:
            if graceful and worker.poll() is None and worker.stdin is not None:
                try:
                    worker.stdin.write('{"op": "quit"}\n')
                    worker.stdin.flush()
                    worker.wait(timeout=15)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            _end(worker)
        if office is not None:
            if graceful:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    office.wait(timeout=15)
            _end(office)
        if self._log is not None:
            self._log.close()
            self._log = None

    def _remove_dir(self) -> None:
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def log_tail(self, lines: int = 20) -> str:
        """The last lines LibreOffice and the worker wrote to stderr (for bug reports)."""
        if self._dir is None or not (self._dir / "office.log").is_file():
            return ""
        text = (self._dir / "office.log").read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


_TIMED_OUT = object()


def _cannot_use(folder: Path, exc: OSError) -> OfficeError:
    """The session's folder (in the system's temporary folder) cannot be written."""
    return OfficeError(f"LibreOffice kan ikke arbeide i {folder}: {os_error_reason(exc)}")


def _pump(stream: IO[str] | None, replies: queue.Queue[str | None]) -> None:
    """Move the worker's reply lines into ``replies``; ``None`` at its end."""
    if stream is not None:
        try:
            for line in stream:
                replies.put(line)
        except (OSError, ValueError):
            pass
    replies.put(None)


def _end(proc: subprocess.Popen[Any]) -> None:
    """End ``proc`` and its process group (LibreOffice's launcher and office,
    or the worker) and reap it: SIGTERM first, so that the launcher reaps the
    office itself, SIGKILL for what is left."""
    posix = os.name == "posix"
    for sig in (signal.SIGTERM, getattr(signal, "SIGKILL", signal.SIGTERM)):
        if proc.poll() is not None and not (posix and _group_alive(proc.pid)):
            break
        try:
            if posix:
                os.killpg(proc.pid, sig)
            else:
                proc.send_signal(sig)
        except OSError:
            pass
        deadline = time.monotonic() + 10
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            continue
        while posix and _group_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
    if proc.poll() is None:
        proc.wait()


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except OSError:
        return False
    return True
