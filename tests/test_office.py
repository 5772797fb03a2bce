"""One LibreOffice session for many documents (slt_docs.render.office).

These tests need LibreOffice and its UNO bridge (``python3-uno``), installed
by ``scripts/test.sh`` and ``.ci/run``; they fail, not skip, without them.
They check what a platform that renders many documents relies on: one
LibreOffice for every job, a killed LibreOffice started again with the job
retried, a time limit per job, no process or profile folder left behind,
and a Norwegian message when LibreOffice is missing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import slt_docs
from slt_docs import cli
from slt_docs.documents import render
from slt_docs.render.office import (
    ConversionError,
    OfficeMissing,
    OfficeSession,
    OfficeTimeout,
    find_soffice,
    find_uno_python,
)
from slt_docs.render.pdf import to_pdf

ROOT = Path(__file__).resolve().parent.parent


def test_libreoffice_and_uno_are_installed():
    soffice = find_soffice()
    assert soffice is not None, "LibreOffice (soffice) must be installed for these tests"
    assert find_uno_python(soffice) is not None, "LibreOffice's UNO bridge (python3-uno) is needed"


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Five small documents: the mandates and tiltak tables of two kommuner."""
    folder = tmp_path_factory.mktemp("docs")
    out = []
    for kommune, kind, organ in (("aukra", "mandat", "koordineringsgruppa"),
                                 ("aukra", "mandat", "ung-i-aukra"),
                                 ("aukra", "tiltak", None),
                                 ("nordre-land", "mandat", "styringsgruppa"),
                                 ("nordre-land", "tiltak", None)):
        path = folder / f"{kommune}-{kind}-{organ or ''}.docx"
        render(slt_docs.load(ROOT / "examples" / kommune), kind, organ=organ, output=path)
        out.append(path)
    return out


def _children_named(session: OfficeSession) -> list[int]:
    """Process ids (from /proc) of processes whose command line names the
    session's pipe or profile folder."""
    needle = str(session._dir) if session._dir else "\0never\0"
    return _processes_with(needle)


def _processes_with(needle: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(
                errors="replace")
            state = (entry / "stat").read_text().split(")")[-1].split()[0]
        except OSError:
            continue
        if needle in cmdline or (state == "Z" and needle in cmdline):
            pids.append(int(entry.name))
    return pids


def _zombie_children() -> list[int]:
    me = str(os.getpid())
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().split(")")[-1].split()
        except OSError:
            continue
        if fields[0] == "Z" and fields[1] == me:
            found.append(int(entry.name))
    return found


def test_one_session_serves_many_documents(docs, tmp_path):
    with OfficeSession() as office:
        assert office.starts == 0, "nothing starts before the first job"
        pids = set()
        for docx in docs:
            to_pdf([(docx, tmp_path / docx.with_suffix(".pdf").name)], office=office)
            pids.add(office.office_pid)
        odd = tmp_path / "Bærum kommune – møteplan" / "møteplan æøå.pdf"
        to_pdf([(docs[0], odd)], office=office)
        assert odd.read_bytes().startswith(b"%PDF-"), "paths with æøå and spaces"
        assert office.starts == 1
        assert len(pids) == 1
        assert office.version.startswith(("7.", "8.", "24.", "25.", "26."))
        folder = office._dir
        assert folder is not None and folder.is_dir()
        assert _children_named(office), "LibreOffice runs with the session's own profile"
    for docx in docs:
        pdf = tmp_path / docx.with_suffix(".pdf").name
        assert pdf.read_bytes().startswith(b"%PDF-"), pdf
    assert not folder.exists(), "the profile folder is removed"
    assert not _processes_with(str(folder)), "no LibreOffice left running"
    assert not _zombie_children()
    assert not list(tmp_path.glob(".*.tmp.pdf")), "no half-written PDF"


def test_killed_libreoffice_is_restarted_and_the_job_retried(docs, tmp_path):
    with OfficeSession() as office:
        to_pdf([(docs[0], tmp_path / "a.pdf")], office=office)
        first = office.office_pid
        assert first is not None
        os.killpg(first, signal.SIGKILL)  # LibreOffice dies between two jobs
        to_pdf([(docs[1], tmp_path / "b.pdf")], office=office)
        assert office.starts == 2
        assert office.office_pid != first
        # … and during a job: the big plan takes long enough to be killed midway
        plan = tmp_path / "plan.docx"
        render(slt_docs.load(ROOT / "examples" / "aukra"), "handlingsplan", output=plan)
        second = office.office_pid
        assert second is not None
        killer = threading.Timer(0.3, lambda: os.killpg(second, signal.SIGKILL))
        killer.start()
        try:
            to_pdf([(plan, tmp_path / "plan.pdf")], office=office)
        finally:
            killer.join()
        assert office.starts == 3
        folder = office._dir
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "b.pdf").stat().st_size > 5_000
    assert folder is not None and not folder.exists()
    assert not _zombie_children()


def test_a_job_over_its_time_limit_is_stopped_and_the_session_goes_on(docs, tmp_path):
    with OfficeSession(timeout=0.05) as office:
        with pytest.raises(OfficeTimeout, match=r"mer enn 0\.05 sekunder .* og ble stoppet"):
            office.export_pdf(docs[0], tmp_path / "slow.pdf")
        assert not office.running, "the stuck LibreOffice was ended"
        office.timeout = 120
        office.export_pdf(docs[0], tmp_path / "ok.pdf")
        assert office.starts == 2
    assert (tmp_path / "ok.pdf").is_file()
    assert not _zombie_children()


def test_a_document_libreoffice_cannot_open_is_a_conversion_error(tmp_path):
    with OfficeSession() as office:
        with pytest.raises(ConversionError, match=r"finnes-ikke\.docx"):
            office.export_pdf(tmp_path / "finnes-ikke.docx", tmp_path / "x.pdf")
        assert office.starts == 1, "a bad document does not restart LibreOffice"
        assert office.running


def test_an_exception_inside_the_session_still_ends_libreoffice(docs, tmp_path):
    folder = None
    with pytest.raises(KeyboardInterrupt), OfficeSession() as office:
        office.export_pdf(docs[0], tmp_path / "a.pdf")
        folder = office._dir
        raise KeyboardInterrupt
    assert folder is not None and not folder.exists()
    assert not _processes_with(str(folder))
    assert not _zombie_children()


def test_ctrl_c_during_a_pdf_export_ends_libreoffice_at_once(docs, tmp_path, monkeypatch):
    """Ctrl-C (or SIGTERM) while LibreOffice exports: LibreOffice is ended at
    once, and since it writes only in the session's own folder, what it was
    writing (the PDF, its own temporary and lock files) goes with that folder
    — nothing is left beside the target."""
    with OfficeSession() as office:
        office.start()
        jobs = []
        real_call = office._call

        def recorded(job: dict, name: str) -> dict:
            jobs.append(job)
            return real_call(job, name)

        def interrupted(timeout: float) -> object:  # the job was sent; Ctrl-C while waiting
            raise KeyboardInterrupt

        monkeypatch.setattr(office, "_call", recorded)
        monkeypatch.setattr(office, "_reply", interrupted)
        with pytest.raises(KeyboardInterrupt):
            to_pdf([(docs[2], tmp_path / "tiltak.pdf")], office=office)
        assert not office.running, "LibreOffice went on with the interrupted job"
        monkeypatch.undo()
        folder = office._dir
        assert [Path(job["dst"]).parent for job in jobs] == [folder]
    assert sorted(p.name for p in tmp_path.iterdir()) == [], "a temporary PDF was left"
    assert not folder.exists()
    assert folder is not None and not _processes_with(str(folder))
    assert not _zombie_children()


def test_libreoffice_ends_when_its_session_process_is_killed(tmp_path):
    """A process that dies without closing its session (SIGKILL) leaves no
    LibreOffice and no profile folder behind: the worker sees its stdin
    close and ends both."""
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from slt_docs.render.office import OfficeSession
        office = OfficeSession()
        office.export_pdf({str(tmp_path / "in.docx")!r}, {str(tmp_path / "out.pdf")!r})
        print(office._dir, flush=True)
        os.kill(os.getpid(), 9)
    """)
    render(slt_docs.load(ROOT / "examples" / "aukra"), "mandat", organ="koordineringsgruppa",
           output=tmp_path / "in.docx")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=300)
    folder = result.stdout.strip()
    assert folder.startswith("/"), result.stderr
    deadline = time.monotonic() + 30
    while (_processes_with(folder) or Path(folder).exists()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _processes_with(folder), "LibreOffice outlived its session"
    assert not Path(folder).exists(), "the profile folder was left behind"


def test_missing_libreoffice_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setenv("SLT_DOCS_SOFFICE", str(tmp_path / "ingen" / "soffice"))
    with pytest.raises(OfficeMissing) as caught:
        OfficeSession()
    message = str(caught.value)
    assert "SLT_DOCS_SOFFICE" in message and "finnes" in message
    assert "apt-get install libreoffice-writer-nogui python3-uno" in message


def test_missing_uno_bridge_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setenv("SLT_DOCS_UNO_PYTHON", str(tmp_path / "python3"))
    with pytest.raises(OfficeMissing, match=r"UNO-bro .*python3-uno"):
        OfficeSession()


def test_cli_pdf_without_libreoffice_exits_2_with_the_install_hint(monkeypatch, tmp_path,
                                                                   capsys):
    monkeypatch.setenv("SLT_DOCS_SOFFICE", str(tmp_path / "ingen" / "soffice"))
    out = tmp_path / "ut"
    status = cli.main(["render", str(ROOT / "examples" / "aukra"), "--doc", "mandat",
                       "--organ", "koordinerande", "-o", str(out / "m.docx"), "--pdf"])
    err = capsys.readouterr().err
    assert status == 2
    assert "Traceback" not in err
    assert "apt-get install libreoffice-writer-nogui python3-uno" in err
    assert not out.exists() or not list(out.iterdir()), "nothing written"


def test_cli_docx_without_libreoffice_still_works_and_says_so(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("SLT_DOCS_SOFFICE", str(tmp_path / "ingen" / "soffice"))
    out = tmp_path / "plan.docx"
    status = cli.main(["render", str(ROOT / "examples" / "aukra"), "--doc", "handlingsplan",
                       "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "innholdsfortegnelsen får ingen sidetall" in captured.err
    assert "F9" in captured.err
    assert out.is_file()
