"""Output faults, as an unlucky user meets them: every command that writes
answers a read-only folder, a full disk, a file where a folder should be, a
folder where the file should be and missing rights with exit status 2 and
``kan ikke skrive <sti>: <grunn>`` — and leaves nothing behind, not even a
temporary file. A render killed while writing leaves no document either."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from faulttools import (
    AUKRA,
    REPO,
    aukra_copy,
    deny,
    files_under,
    leftovers,
    run_cli,
    tmpfs,
)

import slt_docs
import slt_docs.scaffold
from slt_docs import cli
from slt_docs.files import OutputError, write_files


@pytest.fixture(scope="module")
def pack_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pakke") / "mal"
    slt_docs.packs.new_pack(folder)
    return folder


NORDRE_LAND = REPO / "examples" / "nordre-land"  # no møteplan: the quickest to render in full

# Each command that writes, with the path it is told to write to (a file or a
# folder, inside ``out``) — what a user would type.
FILE_COMMANDS = {
    "render --doc": lambda out, pack: ("render", NORDRE_LAND, "--doc", "handlingsplan", "-o",
                                       out / "plan.docx"),
    "aarshjul": lambda out, pack: ("aarshjul", AUKRA, "-o", out / "hjul.png"),
    "calendar": lambda out, pack: ("calendar", AUKRA, "-o", out / "moteplan.ics"),
    "template fields": lambda out, pack: ("template", "fields", "-o", out / "felt.md"),
    "template pack": lambda out, pack: ("template", "pack", pack, "-o", out / "mal.zip"),
}
FOLDER_COMMANDS = {
    "render": lambda out, pack: ("render", NORDRE_LAND, "-o", out / "dokumenter"),
    "dump": lambda out, pack: ("dump", NORDRE_LAND, "-o", out / "normalisert"),
    "template new": lambda out, pack: ("template", "new", out / "nypakke"),
    "rull": lambda out, pack: ("rull", AUKRA, "--til", "2023", "-o", out / "aukra-2023"),
    "ny": lambda out, pack: ("ny", out / "nye", "--navn", "Nye"),
}
COMMANDS = {**FILE_COMMANDS, **FOLDER_COMMANDS}


def expect_refusal(capsys, out: Path, argv: tuple, reason: str) -> str:
    before = files_under(out)
    status, stdout, err = run_cli(capsys, *argv)
    assert status == 2, (stdout, err)
    assert "kan ikke skrive" in err and reason in err, err
    assert str(out) in err, err  # the path is named
    assert files_under(out) == before, "something was written"
    assert leftovers(out) == []
    assert "skrev" not in stdout
    return err


@pytest.mark.parametrize("command", list(COMMANDS))
def test_read_only_folder(capsys, tmp_path, monkeypatch, pack_dir, command):
    out = tmp_path / "ut"
    with tmpfs(out, read_only=True, monkeypatch=monkeypatch):
        expect_refusal(capsys, out, COMMANDS[command](out, pack_dir), "skrivebeskyttet")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_full_disk(capsys, tmp_path, monkeypatch, pack_dir, command):
    out = tmp_path / "ut"
    with tmpfs(out, size="256k", monkeypatch=monkeypatch):
        expect_refusal(capsys, out, COMMANDS[command](out, pack_dir), "disken er full")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_missing_rights(capsys, tmp_path, monkeypatch, pack_dir, command):
    out = tmp_path / "ut"
    out.mkdir()
    argv = COMMANDS[command](out, pack_dir)
    deny(monkeypatch, out)
    expect_refusal(capsys, out, argv, "mangler tilgang")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_folder_in_the_path_is_a_file(capsys, tmp_path, pack_dir, command):
    out = tmp_path / "ut"
    out.mkdir()
    (out / "fil").write_text("jeg er en fil", encoding="utf-8")
    argv = COMMANDS[command](out / "fil", pack_dir)
    err = expect_refusal(capsys, out, argv, "er en fil, ikke en mappe")
    assert str(out / "fil") in err


@pytest.mark.parametrize("command", list(FILE_COMMANDS))
def test_output_name_is_a_folder(capsys, tmp_path, pack_dir, command):
    out = tmp_path / "ut"
    argv = FILE_COMMANDS[command](out, pack_dir)
    target = Path(argv[argv.index("-o") + 1])
    if command == "render --doc":  # -o to a folder writes into it: make the name a folder there
        (target / "handlingsplan.docx").mkdir(parents=True)
    else:
        (target / "noe").mkdir(parents=True)
    expect_refusal(capsys, out, argv, "det finnes en mappe med det navnet")


@pytest.mark.parametrize("command", ["render", "dump", "rull"])
def test_output_folder_is_a_file(capsys, tmp_path, pack_dir, command):
    out = tmp_path / "ut"
    argv = FOLDER_COMMANDS[command](out, pack_dir)
    target = Path(argv[-1])
    out.mkdir()
    target.write_text("en fil", encoding="utf-8")
    expect_refusal(capsys, out, argv, "er en fil, ikke en mappe")


def test_template_new_into_a_file_is_refused(capsys, tmp_path):
    target = tmp_path / "mal"
    target.write_text("en fil", encoding="utf-8")
    status, _, err = run_cli(capsys, "template", "new", target)
    assert status == 2 and str(target) in err and "ikke en tom mappe" in err
    assert target.read_text(encoding="utf-8") == "en fil"


def test_name_too_long(capsys, tmp_path):
    out = tmp_path / ("x" * 300 + ".docx")
    status, _, err = run_cli(capsys, "render", AUKRA, "--doc", "tiltak", "-o", out)
    assert status == 2 and "kan ikke skrive" in err and "navnet er for langt" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("write", [
    lambda out: slt_docs.render_all(NORDRE_LAND, out),
    lambda out: slt_docs.scaffold.new_kommune(out, "Nye"),
], ids=["render_all", "ny"])
def test_nothing_is_written_when_one_of_many_files_fails(tmp_path, monkeypatch, write):
    """render_all and ny write every file or none: the third file failing with
    a full disk leaves not even the first two."""
    real = os.write
    calls = {"n": 0}

    def third_fails(fd, data):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)

    monkeypatch.setattr(os, "write", third_fails)
    with pytest.raises(OutputError, match="disken er full") as info:
        write(tmp_path / "ut")
    assert str(tmp_path / "ut") in str(info.value)
    assert not (tmp_path / "ut").exists()  # the folder it made is gone too


def test_write_files_api_raises_only_output_error(tmp_path):
    (tmp_path / "fil").write_text("x", encoding="utf-8")
    for target in (tmp_path / "fil" / "a.txt", tmp_path, tmp_path / ("y" * 300),
                   tmp_path / "a\x00b"):
        with pytest.raises(OutputError) as info:
            write_files({target: b"data"})
        assert info.value.reason
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fil"]


def test_unreadable_data_folder_is_an_answer(capsys, tmp_path, monkeypatch):
    data = aukra_copy(tmp_path)
    deny(monkeypatch, data)
    for command in (("check", data), ("render", data, "-o", tmp_path / "ut")):
        status, _, err = run_cli(capsys, *command)
        assert status == 2
        assert f"{data}: feil: kan ikke lese mappa: mangler tilgang" in err
    assert not (tmp_path / "ut").exists()
    with pytest.raises(slt_docs.DataError, match="kan ikke lese mappa"):
        slt_docs.load(data)


def test_full_standard_output(tmp_path):
    """``dump`` to a full device: exit 2 with the reason, no traceback."""
    result = subprocess.run([sys.executable, "-m", "slt_docs", "dump", str(AUKRA)],
                            stdout=open("/dev/full", "wb"), stderr=subprocess.PIPE,  # noqa: SIM115
                            cwd=REPO, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "disken er full" in result.stderr and "standard ut" in result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


# -- dump never overwrites the data without being told -----------------------------

@pytest.mark.parametrize("target", [".", "kommune.yaml", "./"])
def test_dump_onto_the_data_folder_is_refused(capsys, tmp_path, target):
    folder = aukra_copy(tmp_path)
    before = files_under(folder)
    status, _, err = run_cli(capsys, "dump", folder, "-o", folder / target)
    assert status == 2
    assert "kan ikke skrive" in err and str(folder) in err
    assert "--overskriv" in err or "datafilene" in err
    assert files_under(folder) == before


def test_dump_with_overskriv_keeps_a_backup(capsys, tmp_path):
    folder = aukra_copy(tmp_path)
    (folder / "alt.yaml").write_text((folder / "dokumenter.yaml").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (folder / "dokumenter.yaml").unlink()  # a section in a file dump does not write
    before = files_under(folder)
    status, out, err = run_cli(capsys, "dump", folder, "-o", folder, "--overskriv")
    assert status == 0, err
    for name, content in before.items():  # every original kept, byte for byte
        assert (folder / f"{name}.bak").read_bytes() == content
        assert f"sikkerhetskopi {folder / name}.bak" in out
    assert not (folder / "alt.yaml").exists()  # moved aside: no section stands twice
    assert "# Aukra" not in (folder / "kommune.yaml").read_text(encoding="utf-8")
    assert slt_docs.load(folder) == slt_docs.load(AUKRA)
    # a second time: the first backups stay
    status, out, _ = run_cli(capsys, "dump", folder, "-o", folder, "--overskriv")
    assert status == 0
    assert (folder / "kommune.yaml.bak").read_bytes() == before["kommune.yaml"]
    assert (folder / "kommune.yaml.bak.2").is_file()


def test_dump_api_refuses_the_data_folder(tmp_path):
    folder = aukra_copy(tmp_path)
    data = slt_docs.load(folder)
    with pytest.raises(OutputError, match="datamappa"):
        slt_docs.dump_folder(data, folder)
    assert slt_docs.dump_folder(data, tmp_path / "ny")


# -- Ctrl-C at the two instants a write cannot be cut --------------------------------

@pytest.fixture
def interrupt_after(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[object, str], None]]:
    """``interrupt_after(module, name)``: ``module.name`` does its work, then
    Ctrl-C arrives (SIGINT to this process). Meanwhile SIGINT raises
    KeyboardInterrupt as at a terminal, also when the test run was started with
    SIGINT ignored (by a non-interactive shell, in the background)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)

    def interrupt(module: object, name: str) -> None:
        real = getattr(module, name)

        def then_interrupted(*args, **kwargs):
            result = real(*args, **kwargs)
            os.kill(os.getpid(), signal.SIGINT)
            return result

        monkeypatch.setattr(module, name, then_interrupted)

    yield interrupt
    signal.signal(signal.SIGINT, previous)


def test_ctrl_c_while_files_are_put_in_place_puts_all_of_them(tmp_path, interrupt_after):
    """Ctrl-C right after the first of two files was renamed into place: the
    second follows before the interrupt is raised — the set is never half new."""
    interrupt_after(os, "replace")
    with pytest.raises(KeyboardInterrupt):
        write_files({tmp_path / "a.docx": b"a", tmp_path / "b.docx": b"b"})
    assert files_under(tmp_path) == {"a.docx": b"a", "b.docx": b"b"}


@pytest.mark.parametrize("named", ["unnamed (O_TMPFILE)", "mkstemp"])
def test_ctrl_c_as_the_temporary_file_gets_its_name_leaves_nothing(tmp_path, monkeypatch,
                                                                     interrupt_after, named):
    """Ctrl-C right after the temporary file got its name: it is removed."""
    if named == "mkstemp":
        monkeypatch.setattr(slt_docs.files._Pending, "_open_unnamed", staticmethod(lambda _: None))
        interrupt_after(slt_docs.files.tempfile, "mkstemp")
    else:
        interrupt_after(os, "link")
    with pytest.raises(KeyboardInterrupt):
        write_files({tmp_path / "ut" / "a.docx": b"a"})
    assert files_under(tmp_path) == {}


def test_ctrl_c_as_the_file_lands_names_it_as_complete(capsys, tmp_path, monkeypatch,
                                                       interrupt_after):
    """Ctrl-C in the instant the calendar is renamed into place: the command
    stops (130) and its message names the file as complete — the user is not
    left to guess whether ``avbrutt`` means no file."""
    out = tmp_path / "moteplan.ics"
    interrupt_after(os, "replace")
    status = cli.main(["kalender", str(AUKRA), "-o", str(out)])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert status == 130, err
    assert err.splitlines()[-1] == f"slt-docs: avbrutt (Ctrl-C); ferdig før avbruddet: {out}; " \
        "ingenting halvskrevet ble liggende"
    assert out.read_bytes() == slt_docs.to_ics(slt_docs.load(AUKRA))
    assert leftovers(tmp_path) == []


# -- a kill while writing -------------------------------------------------------------

SLOW_WRITE = """
import os, signal, sys, time
sys.path.insert(0, {repo!r})
# Ctrl-C reaches the command as at a terminal. (A process a non-interactive shell
# starts in the background — as CI runners may start this suite — inherits SIGINT
# ignored: the render then rightly finishes, and this test would test nothing.)
signal.signal(signal.SIGINT, signal.default_int_handler)
import slt_docs.files as files
real = files._write_all
def slow(fd, data):
    half = len(data) // 2
    os.write(fd, data[:half])
    print("skriver", flush=True)
    time.sleep(30)
    real(fd, data[half:])
files._write_all = slow
from slt_docs.cli import main
sys.exit(main(["lag", {data!r}, "--doc", "handlingsplan", "-o", {out!r}]))
"""


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_killed_while_writing_leaves_nothing(tmp_path, sig):
    """A signal while the document is half written: the command stops there
    (SIGTERM and Ctrl-C with their exit status and «avbrutt», SIGKILL at once)
    and leaves no document and no temporary file."""
    out = tmp_path / "ut" / "plan.docx"
    script = SLOW_WRITE.format(repo=str(REPO), data=str(NORDRE_LAND), out=str(out))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "skriver", proc.stderr.read() if proc.stderr else ""
        proc.send_signal(sig)
        status = proc.wait(timeout=60)
    finally:
        proc.kill()
    err = proc.stderr.read() if proc.stderr else ""
    expected = {signal.SIGKILL: -signal.SIGKILL, signal.SIGTERM: 143, signal.SIGINT: 130}[sig]
    assert status == expected, f"exit {status} (the signal did not stop it):\n{err}"
    if sig != signal.SIGKILL:
        assert "avbrutt" in err and "ingenting halvskrevet ble liggende" in err, err
        assert "Traceback" not in err, err
    assert not out.exists()
    assert leftovers(tmp_path) == []
    assert files_under(tmp_path) in ({}, {"ut/": b""})  # at most the (empty) folder it made
