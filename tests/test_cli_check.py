"""``slt-docs kontroller PATH``: exit 0 with a summary for good data, 2 with every
problem (file:line:column, field path) for bad data, 1 for a bug — never a
traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import REPO, VALID_YAML, position

from slt_docs import cli


def run(capsys, *argv):
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def test_check_valid_data_exits_0_with_a_summary(capsys, valid_file):
    status, out, err = run(capsys, "check", valid_file)
    assert status == 0
    assert err == ""
    assert out == (f"{valid_file}: OK – Testvik kommune (norsk nynorsk), 3 nivå, 3 organ, "
                   "handlingsplan 2022 med 2 tiltak i 1 delmål, møteplan 2022 med 1 møte og "
                   "1 serie\n")


def test_check_bad_data_exits_2_with_file_line_and_path(capsys, write):
    text = VALID_YAML.replace("ansvar: [Frivillige]", "ansvar: []").replace(
        "tid: 13.00-15.00", "tid: 15.00-13.00")
    path = write(text)
    status, out, err = run(capsys, "check", path)
    assert status == 2
    assert out == ""
    a_line, a_col = position(text, "[]")
    t_line, t_col = position(text, "15.00-13.00")
    assert err.splitlines() == [
        f"{path}:{a_line}:{a_col}: feil: handlingsplan.delmaal[0].tiltak[1].ansvar: "
        "tiltaket må ha minst én ansvarlig (ansvar: [...])",
        f"{path}:{t_line}:{t_col}: feil: moteplan.moter[0].tid: sluttid 13.00 er ikke etter "
        "starttid 15.00",
        f"{path}: 2 feil funnet",
    ]


def test_check_typo_exits_2(capsys, write):
    text = VALID_YAML.replace("  spraak: nn", "  sprak: nn")
    path = write(text)
    status, _, err = run(capsys, "check", path)
    line, col = position(text, "sprak")
    assert status == 2
    assert f"{path}:{line}:{col}: feil: kommune.sprak: ukjent felt «sprak»; mente du «spraak»?" \
        in err.splitlines()


def test_check_yaml_syntax_error_exits_2(capsys, write):
    path = write("kommune:\n  navn: Aukra: kommune\n")
    status, _, err = run(capsys, "check", path)
    assert status == 2
    assert err.startswith(f"{path}:2:14: feil: ugyldig YAML: kolon på feil sted")


def test_check_warnings_go_to_stdout_and_exit_0(capsys, write):
    text = VALID_YAML.replace("navn: Testvik", "navn: Test\x0bvik")
    path = write(text)
    status, out, err = run(capsys, "check", path)
    line, col = position(text, "\x0b")
    assert status == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == (f"{path}:{line}:{col}: advarsel: vertikal tabulator (linjeskift fra Word) "
                        "er byttet ut med mellomrom (Word kan ikke lagre tegnet)")
    assert lines[1].startswith(f"{path}: OK (1 advarsel) – Test vik kommune")


@pytest.mark.parametrize("name", ["finnes-ikke", "finnes-ikke.yaml"])
def test_check_missing_path_exits_2(capsys, tmp_path, name):
    path = tmp_path / name
    status, _, err = run(capsys, "check", path)
    assert status == 2
    assert err.splitlines() == [f"{path}: feil: fila eller mappa finnes ikke",
                                f"{path}: 1 feil funnet"]


def test_check_empty_folder_exits_2(capsys, tmp_path):
    status, _, err = run(capsys, "check", tmp_path)
    assert status == 2
    assert f"{tmp_path}: feil: mappa har ingen YAML-filer (*.yaml)" in err


def test_check_without_path_is_a_usage_error_in_norwegian(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["check"])
    assert info.value.code == 2
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "feil: disse argumentene mangler: STI" in err


def test_no_command_prints_help_and_exits_2(capsys):
    status, out, _ = run(capsys)
    assert status == 2
    assert "kontroller" in out


def test_internal_error_exits_1_without_traceback(capsys, monkeypatch, valid_file):
    def broken(path):
        raise RuntimeError("oops, a bug")

    monkeypatch.delenv("SLT_DOCS_DEBUG", raising=False)
    monkeypatch.setattr(cli.check, "read", broken)
    status, out, err = run(capsys, "check", valid_file)
    assert status == 1
    assert out == ""
    assert err == ("slt-docs: intern feil i slt_docs (ikke i dataene dine). Kjør igjen med "
                   "SLT_DOCS_DEBUG=1 og send utskriften til utviklerne.\n")
    assert "oops" not in err


def test_internal_error_with_debug_shows_the_traceback(capsys, monkeypatch, valid_file):
    def broken(path):
        raise RuntimeError("oops, a bug")

    monkeypatch.setenv("SLT_DOCS_DEBUG", "1")
    monkeypatch.setattr(cli.check, "read", broken)
    assert cli.main(["check", str(valid_file)]) == 1
    _, err = capsys.readouterr()
    assert "Traceback" in err
    assert "RuntimeError: oops, a bug" in err


def test_slt_error_from_the_library_exits_2(capsys, monkeypatch, valid_file):
    from slt_docs import SltError

    def refuse(path):
        raise SltError("ukjent språk «se»")

    monkeypatch.setattr(cli.check, "read", refuse)
    status, _, err = run(capsys, "check", valid_file)
    assert status == 2
    assert err == "slt-docs: ukjent språk «se»\n"


def console(*args, cwd=REPO):
    env = {k: v for k, v in os.environ.items() if k != "SLT_DOCS_DEBUG"}
    env["PYTHONPATH"] = str(REPO)  # this checkout's code, wherever the test runs
    return subprocess.run([sys.executable, "-m", "slt_docs", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=60, env=env, check=False)


def test_console_command_bad_data(write):
    text = VALID_YAML.replace("dato: 2022-03-04", "dato: 2022-02-30")
    path = write(text)
    proc = console("check", path)
    line, col = position(text, "2022-02-30")
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.stderr.splitlines() == [
        f"{path}:{line}:{col}: feil: handlingsplan.delmaal[0].tiltak[0].tidspunkt[1].dato: "
        "«2022-02-30» er ikke en dato som finnes; skriv f.eks. 2022-03-04, 4.3.2022 eller "
        "4. mars 2022",
        f"{path}: 1 feil funnet",
    ]
