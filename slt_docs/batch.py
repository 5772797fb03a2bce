"""Many kommuner at once: :func:`render_many`.

For a statsforvalter or KoRus preparing a region, an interkommunal
coordinator serving several kommuner, a platform regenerating every
kommune's documents after a template change. Each kommune's documents go
into a folder of its own (``<output>/<kommune folder name>/``), exactly as
:func:`slt_docs.render_all` writes them for one.

- **In parallel**: ``jobs`` worker processes (default: every core this
  process may use). Processes, not threads: rendering is CPU-bound Python,
  and a process per worker keeps every kommune's language catalogs,
  compiled templates and årshjul apart. Workers are started with ``spawn``
  (a fresh interpreter, nothing inherited from the caller — safe also when
  called from a threaded web server). ``jobs=1`` renders in this process.
- **One kommune never stops the others**: bad data, a bad template or
  profile, a full disk — each is that kommune's :class:`KommuneResult`,
  refused with its located problems (file, line, field path); the rest go
  on. A worker that dies takes only the kommune it was rendering with it.
- **Work done once**: per kommune one :class:`~slt_docs.prepared.Prepared`
  (the møteplan expanded once, the årshjul drawn once per language for
  every document and file), dropped when that kommune is done; per worker
  the template pack and profile given as options are opened once.
- **One LibreOffice per worker**: the tables of contents get their page
  numbers, and with ``pdf=True`` every document its PDF/UA, through one
  :class:`~slt_docs.render.office.OfficeSession` that each worker keeps for
  all its kommuner (started on first use, ended with the worker). With
  ``libreoffice=False`` (or none installed) the documents are made without
  it, as ``slt-docs render --uten-libreoffice`` does.

>>> results = render_many(["kommuner/"], "ut", jobs=2)        # doctest: +SKIP
>>> [r.kommune for r in results if not r.ok]                 # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import gc
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from .errors import Problem, SltError
from .files import preflight

if TYPE_CHECKING:
    from .render.office import OfficeSession



@frozen(kw_only=True)
class KommuneResult:
    """What became of one kommune: the files written (``.docx``, the
    årshjul's ``.png``/``.svg``, ``.pdf`` with ``pdf=True``), or why it was
    refused (``melding`` and the located ``problems``; nothing written)."""

    kilde: Path
    """The kommune's data folder (or YAML file)."""
    mappe: Path
    """The folder its documents were written to."""
    kommune: str
    """The kommune's name (the folder name when its data could not be read)."""
    filer: tuple[Path, ...] = ()
    melding: str = ""
    problems: tuple[Problem, ...] = field(default=())
    advarsler: tuple[Problem, ...] = field(default=())
    """Warnings from reading the data (the documents were made)."""

    @property
    def ok(self) -> bool:
        """True when the kommune's documents were made."""
        return not self.melding

    @property
    def documents(self) -> tuple[Path, ...]:
        """The documents written (``.docx`` and ``.pdf``)."""
        return tuple(p for p in self.filer if p.suffix in (".docx", ".pdf"))


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def is_kommune(path: Path) -> bool:
    """A kommune's data: one YAML file, or a folder that holds YAML files
    itself (``kommune.yaml``, ``organisasjon.yaml`` … or one ``data.yaml``).
    A folder without YAML files of its own is a parent of kommune folders; a
    folder that cannot be listed is taken as a kommune, so that reading it
    gives the answer that names it (``kan ikke lese mappa``)."""
    try:
        if path.is_file():
            return path.suffix in (".yaml", ".yml")
        return path.is_dir() and any(
            p.suffix in (".yaml", ".yml") and p.is_file() for p in path.iterdir())
    except OSError:
        return True


def find_kommuner(paths: Iterable[str | Path]) -> list[Path]:
    """The kommune data of ``paths``: each a kommune folder or YAML file, or
    a parent folder whose sub-folders with YAML files are taken (sorted by
    name). Raises :class:`SltError` for a path that is neither, and for
    two kommuner that would write to the same output folder."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise SltError(f"{path}: fila eller mappa finnes ikke")
        if is_kommune(path):
            found.append(path)
            continue
        if not path.is_dir():
            raise SltError(f"{path}: er ikke en kommunemappe eller en YAML-fil")
        children = sorted((p for p in path.iterdir() if p.is_dir() and is_kommune(p)),
                          key=lambda p: p.name)
        if not children:
            raise SltError(f"{path}: finner ingen kommunedata (YAML-filer) her eller i "
                           "mappene rett under")
        found.extend(children)
    seen: dict[str, Path] = {}
    for path in found:
        name = output_folder_name(path)
        if name in seen:
            raise SltError(f"{seen[name]} og {path} ville begge skrives til mappa «{name}»; "
                           "gi mappene ulike navn")
        seen[name] = path
    return found


def output_folder_name(source: Path) -> str:
    """The name of a kommune's output folder: its data folder's name (a YAML
    file's name without ``.yaml``)."""
    return source.stem if source.is_file() else source.resolve().name


@frozen(kw_only=True)
class _Options:
    """The choices every kommune of a batch is rendered with (picklable)."""

    lang: str | None = None
    form: str | None = None
    template: Path | None = None
    profile: Path | None = None
    pdf: bool = False
    libreoffice: bool = True
    dato: dt.date | None = None


class _Worker:
    """One worker's state for the whole batch: the options resolved once (the
    template pack opened, the profile read) and the LibreOffice session. Holds
    nothing of any kommune."""

    def __init__(self, options: _Options) -> None:
        self.options = options
        self._stack = ExitStack()
        self._resolved: tuple[Any, Any] | None = None
        self._office: OfficeSession | None = None
        self._rendered = False

    def resolved(self) -> tuple[Any, Any]:
        """The template pack and the profile, opened once per worker."""
        if self._resolved is None:
            from .documents import open_choices

            self._resolved = open_choices(self.options.template, self.options.profile)
        return self._resolved

    def session(self) -> OfficeSession | None:
        """The worker's LibreOffice session (made on first use; it starts
        LibreOffice at its first job), or ``None`` without LibreOffice."""
        if self._office is None and (self.options.libreoffice or self.options.pdf):
            from .render.office import OfficeSession

            self._office = self._stack.enter_context(OfficeSession())
        return self._office

    def close(self) -> None:
        self._stack.close()

    def render(self, source: Path, folder: Path) -> KommuneResult:
        """Read, check and render one kommune; never raises. (Its own
        catalogs, ``spraak/``, travel with its data: nothing of them stays in
        the worker for the next kommune.)"""
        try:
            return self._render(source, folder)
        finally:
            _release_memory(first=not self._rendered)
            self._rendered = True

    def _render(self, source: Path, folder: Path) -> KommuneResult:
        from .data import read

        name = output_folder_name(source)
        try:
            result = read(source)
        except SltError as exc:
            return KommuneResult(kilde=source, mappe=folder, kommune=name, melding=_head(exc),
                                 problems=tuple(exc.problems))
        if result.data is None:
            count = len(result.errors)
            return KommuneResult(kilde=source, mappe=folder, kommune=name,
                                 melding=f"{count} {'feil' if count else 'problem'} i dataene",
                                 problems=tuple(result.problems))
        data = result.data
        warnings = tuple(result.warnings)
        try:
            files = self._render_data(data, folder)
        except SltError as exc:
            return KommuneResult(kilde=source, mappe=folder, kommune=data.kommune.visningsnavn,
                                 melding=_head(exc), problems=tuple(exc.problems),
                                 advarsler=warnings)
        except Exception as exc:  # a bug: this kommune is refused, the others go on
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            if os.environ.get("SLT_DOCS_DEBUG"):
                detail = traceback.format_exc()
            return KommuneResult(kilde=source, mappe=folder, kommune=data.kommune.visningsnavn,
                                 melding=f"intern feil i slt_docs (ikke i dataene): {detail}",
                                 advarsler=warnings)
        return KommuneResult(kilde=source, mappe=folder, kommune=data.kommune.visningsnavn,
                             filer=tuple(files), advarsler=warnings)

    def _render_data(self, data: Any, folder: Path) -> list[Path]:
        from .documents import render_all_checked

        pack, look = self.resolved()
        return render_all_checked(data, folder, lang=self.options.lang, form=self.options.form,
                          template=pack, profile=look, dato=self.options.dato,
                          office=self.session(), pdf=self.options.pdf)


TRIM_ABOVE_MB = 180
"""A worker hands freed heap back to the system (``malloc_trim``) only when
its resident memory is above this after a kommune: trimming after every
kommune cost a sixth of the batch's time (the next kommune faults the same
pages in again) for no lower peak."""


def _release_memory(*, first: bool = False) -> None:
    """Collect what one kommune left before the next starts. After the
    ``first`` kommune what is left is the worker's own (modules, compiled
    templates, fonts): it is frozen out of the collector's sight
    (``gc.freeze``), so that each later collection looks at one kommune's
    objects only (a full collection over everything took 60 ms a kommune).
    A worker grown past :data:`TRIM_ABOVE_MB` (a very large plan) hands its
    freed heap back to the system (with glibc), so that its peak does not
    stay at the largest kommune's for the rest of the batch."""
    gc.collect()
    if first:
        gc.freeze()
    if sys.platform.startswith("linux") and _resident_mb() > TRIM_ABOVE_MB:
        with contextlib.suppress(OSError, AttributeError):  # not glibc (e.g. musl)
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def _resident_mb() -> float:
    """This process's resident memory now (Linux: ``/proc/self/statm``)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def _head(exc: SltError) -> str:
    """The message of ``exc`` without its problems (they are listed apart)."""
    head = exc.args[0] if exc.args and isinstance(exc.args[0], str) else ""
    return head or "kunne ikke lages"


# -- in the worker processes ----------------------------------------------------------

_worker: _Worker | None = None  # this worker process's state (set by _init, per process)


def _init(options: _Options) -> None:
    global _worker
    _worker = _Worker(options)
    import atexit

    atexit.register(_worker.close)


def _task(source: Path, folder: Path) -> KommuneResult:
    assert _worker is not None, "the pool initialiser runs first"
    return _worker.render(source, folder)


# -- the API ----------------------------------------------------------------------------

def render_many(sources: str | Path | Iterable[str | Path], output: str | Path, *,
                jobs: int | None = None,
                lang: str | None = None, form: str | None = None,
                template: str | Path | None = None, profile: str | Path | None = None,
                pdf: bool = False, libreoffice: bool = True, dato: dt.date | None = None,
                progress: Callable[[KommuneResult], None] | None = None) -> list[KommuneResult]:
    """Render every document of many kommuner, each into
    ``<output>/<its folder name>/``; returns one :class:`KommuneResult` per
    kommune, in the order of ``sources``.

    ``sources`` is a kommune folder or YAML file, or a parent folder of
    kommune folders, or a list of them (:func:`find_kommuner`). ``jobs`` is the number of worker
    processes (default: every core; 1: in this process). ``lang``, ``form``,
    ``template`` (a template pack: folder or .zip) and ``profile`` apply to
    every kommune as for :func:`slt_docs.render_all` (without ``profile``,
    each kommune's own ``kommune.profil``), ``dato`` as for the web page.
    ``libreoffice`` gives the tables of contents their page numbers and
    ``pdf`` also converts every document, with one LibreOffice session per
    worker (:class:`~slt_docs.render.office.OfficeMissing` when ``pdf`` is
    asked for and LibreOffice is not installed; without ``pdf`` the
    documents are then made without it). ``progress`` is called
    in this process with each kommune's result as it finishes.

    Raises :class:`SltError` (and its subclasses) only for the arguments,
    before any kommune is rendered: no kommune found, two with the same
    output folder, an ``output`` that cannot be written
    (:class:`~slt_docs.files.OutputError`), a template pack or profile that
    cannot be used, an option of the wrong type. A kommune that cannot be
    made is a refused result, never an exception."""
    kommuner = find_kommuner(_paths(sources))
    if jobs is None:
        jobs = default_jobs()
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise SltError(f"jobs må være et helt tall fra 1 og oppover, ikke «{jobs}»")
    if progress is not None and not callable(progress):
        raise SltError(f"progress må være en funksjon, ikke {type(progress).__name__}")
    options = _options(lang=lang, form=form, template=template, profile=profile, pdf=pdf,
                       libreoffice=libreoffice, dato=dato)
    out = _path(output, "output")
    preflight(out, folder=True)
    tasks = [(source, out / output_folder_name(source)) for source in kommuner]
    results: dict[int, KommuneResult] = {}
    for index, result in _run(tasks, options, min(jobs, len(tasks))):
        results[index] = result
        if progress is not None:
            progress(result)
    return [results[i] for i in range(len(tasks))]


def _paths(sources: object) -> list[Path]:
    """``sources`` as a list of paths: one path, or an iterable of them."""
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    try:
        items = list(sources)  # type: ignore[call-overload]
    except TypeError:
        raise SltError(f"sources må være en sti eller en liste med stier, ikke "
                       f"{type(sources).__name__}") from None
    return [_path(item, "sources") for item in items]


def _path(value: object, name: str) -> Path:
    if isinstance(value, (str, os.PathLike)) and str(os.fspath(value)) and \
            "\x00" not in str(os.fspath(value)):
        return Path(value)
    raise SltError(f"{name} må være en filsti, ikke «{value!r}»")


def _options(*, lang: object, form: object, template: object, profile: object, pdf: object,
             libreoffice: object, dato: object) -> _Options:
    """The choices for every kommune, checked here once — a wrong type, an
    unknown table form, a template pack or profile that cannot be used —
    so that a mistake in them is one error, not every kommune refused."""
    from .documents import _form_option, _text_option, open_choices

    if dato is not None and (not isinstance(dato, dt.date) or isinstance(dato, dt.datetime)):
        raise SltError(f"dato må være en dato (datetime.date), ikke «{dato!r}»")
    for name, flag in (("pdf", pdf), ("libreoffice", libreoffice)):
        if not isinstance(flag, bool):
            raise SltError(f"{name} må være True eller False, ikke «{flag!r}»")
    checked_form = _form_option(form)
    paths = {name: _path(value, name) if value not in (None, "") else None
             for name, value in (("template", template), ("profile", profile))}
    open_choices(paths["template"], paths["profile"])  # (each worker opens them again)
    if libreoffice or pdf:
        libreoffice = _office_available(required=bool(pdf))
    return _Options(lang=_text_option("lang", lang),
                    form=checked_form.value if checked_form else None,
                    template=paths["template"], profile=paths["profile"], pdf=bool(pdf),
                    libreoffice=bool(libreoffice), dato=dato)


def _office_available(*, required: bool) -> bool:
    """Whether LibreOffice and its UNO bridge are installed; raises
    :class:`~slt_docs.render.office.OfficeMissing` when ``required``."""
    from .render.office import OfficeMissing, OfficeSession

    try:
        OfficeSession()  # finds soffice and a Python with uno; starts nothing
    except OfficeMissing:
        if required:
            raise
        return False
    return True


def _run(tasks: list[tuple[Path, Path]], options: _Options,
         jobs: int) -> Iterator[tuple[int, KommuneResult]]:
    if jobs <= 1:
        worker = _Worker(options)
        try:
            for index, (source, folder) in enumerate(tasks):
                yield index, worker.render(source, folder)
        finally:
            worker.close()
        return
    # A worker that dies (killed, out of memory, a crash in a C library) breaks
    # the pool and fails every kommune not yet finished; those are tried again
    # in a new pool, and a kommune that was in two broken pools is refused.
    import concurrent.futures as cf
    import multiprocessing

    pending = list(range(len(tasks)))
    broken_before: set[int] = set()
    context = multiprocessing.get_context("spawn")
    while pending:
        broken: list[int] = []
        with cf.ProcessPoolExecutor(max_workers=min(jobs, len(pending)), mp_context=context,
                                    initializer=_init, initargs=(options,)) as pool:
            futures = {pool.submit(_task, *tasks[i]): i for i in pending}
            for future in cf.as_completed(futures):
                index = futures[future]
                try:
                    yield index, future.result()
                except cf.process.BrokenProcessPool:
                    if index in broken_before:
                        yield index, _failed(tasks[index], "arbeidsprosessen stoppet uventet "
                                             "(drept, tom for minne eller krasj) to ganger")
                    else:
                        broken.append(index)
                except Exception as exc:  # a bug in passing the result back
                    yield index, _failed(tasks[index], type(exc).__name__)
        broken_before.update(broken)
        pending = broken


def _failed(task: tuple[Path, Path], reason: str) -> KommuneResult:
    source, folder = task
    return KommuneResult(kilde=source, mappe=folder, kommune=output_folder_name(source),
                         melding=f"intern feil i slt_docs: {reason}")


__all__ = ["KommuneResult", "default_jobs", "find_kommuner", "render_many"]
