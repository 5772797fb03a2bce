"""What slt_docs keeps in the user's cache folder between runs (slt_docs.cache):
compiled template code (slt_docs.render.codecache) — a second process does
not compile again — and the public holidays of a year. Nothing about the
cache — damaged files, a folder that cannot be written or is not safe, the
cache turned off — changes a document or stops a rendering."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import attrs
import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment

import slt_docs
from slt_docs import aarshjul as aarshjul_module
from slt_docs import cache, drawing
from slt_docs import schedule as schedule_module
from slt_docs.render import codecache
from slt_docs.render import sandbox as sandbox_module

REPO = Path(__file__).resolve().parents[1]
NES = REPO / "examples" / "nes"


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty cache folder for this test and an empty in-process cache."""
    monkeypatch.setattr(sandbox_module, "_COMPILED", type(sandbox_module._COMPILED)())
    monkeypatch.setattr(cache, "_USABLE", {})
    folder = tmp_path / "cache"
    monkeypatch.setenv("SLT_DOCS_CACHE", str(folder))
    return folder


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a new process knows: nothing compiled in memory."""
    monkeypatch.setattr(sandbox_module, "_COMPILED", type(sandbox_module._COMPILED)())


def _refuse(monkeypatch: pytest.MonkeyPatch, owner: object, name: str, message: str) -> None:
    """``owner.name`` fails the test with ``message`` when it is called: the
    work it does was kept and must not be done again."""
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError(message)

    monkeypatch.setattr(owner, name, refuse)


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    _refuse(monkeypatch, ImmutableSandboxedEnvironment, "compile",
            "compiled although the code was on disk")


def test_the_next_run_takes_the_code_from_disk(fresh, monkeypatch):
    data = slt_docs.load(NES)
    first = slt_docs.render(data, "moteplan")
    files = sorted(fresh.glob("jinja/*"))
    assert files, "nothing was kept"
    assert all(oct(f.stat().st_mode & 0o777) == "0o600" for f in files)
    assert oct((fresh / "jinja").stat().st_mode & 0o777) == "0o700"
    _forget(monkeypatch)
    _no_compiling(monkeypatch)
    assert slt_docs.render(data, "moteplan") == first


def test_a_new_process_uses_the_code_and_writes_the_same_document(fresh, tmp_path):
    env = {**os.environ, "SLT_DOCS_CACHE": str(fresh), "PYTHONPATH": str(REPO)}
    outputs = []
    for run in range(2):
        out = tmp_path / f"moteplan-{run}.docx"
        subprocess.run([sys.executable, "-m", "slt_docs", "lag", str(NES), "--doc", "moteplan",
                        "-o", str(out), "--uten-libreoffice"], env=env, check=True,
                       capture_output=True)
        outputs.append(out.read_bytes())
        if run == 0:
            kept = {f.name: f.stat().st_mtime_ns for f in (fresh / "jinja").iterdir()}
    assert outputs[0] == outputs[1]
    # the second run read the files and wrote none
    assert {f.name: f.stat().st_mtime_ns for f in (fresh / "jinja").iterdir()} == kept


def test_damaged_files_are_compiled_again(fresh, monkeypatch):
    data = slt_docs.load(NES)
    first = slt_docs.render(data, "moteplan")
    files = sorted((fresh / "jinja").iterdir())
    for number, path in enumerate(files):
        good = path.read_bytes()
        path.write_bytes(good[: len(good) // 2] if number % 2 else b"\x00garbage" * 50)
    _forget(monkeypatch)
    assert slt_docs.render(data, "moteplan") == first
    _forget(monkeypatch)  # and they were written again, whole
    _no_compiling(monkeypatch)
    assert slt_docs.render(data, "moteplan") == first


@pytest.mark.parametrize("problem", ["a file", "cannot be made", "disk full",
                                     "others may write"])
def test_an_unusable_folder_is_no_cache_and_no_error(fresh, monkeypatch, problem):
    data = slt_docs.load(NES)
    expected = slt_docs.render(data, "moteplan")  # with a working cache, for comparison
    _forget(monkeypatch)
    monkeypatch.setattr(cache, "_USABLE", {})
    folder = fresh.parent / "other"
    if problem == "a file":
        folder.write_text("not a folder")
    elif problem == "cannot be made":
        folder = Path("/proc/slt_docs-cache")  # not even root may make a folder there
    elif problem == "disk full":
        def full(*_: object, **__: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(tempfile, "NamedTemporaryFile", full)  # as Jinja writes
    else:
        (folder / "jinja").mkdir(parents=True)
        (folder / "jinja").chmod(0o777)
    monkeypatch.setenv("SLT_DOCS_CACHE", str(folder))
    assert slt_docs.render(data, "moteplan") == expected
    if problem in ("disk full", "others may write"):
        assert list((folder / "jinja").iterdir()) == []  # nothing written, nothing read


def test_on_windows_the_folder_is_used_whatever_its_mode_bits(fresh, monkeypatch):
    """Windows reports every writable folder as 0o777 (its rights are ACLs):
    the mode bits must not turn the cache off there."""
    monkeypatch.setattr(cache, "_POSIX", False)
    folder = fresh.parent / "appdata"
    (folder / "jinja").mkdir(parents=True)
    (folder / "jinja").chmod(0o777)
    monkeypatch.setenv("SLT_DOCS_CACHE", str(folder))
    assert cache.cache_folder("jinja") == folder / "jinja"


@pytest.mark.parametrize("setting", ["", "0", "off"])
def test_the_cache_can_be_turned_off(fresh, monkeypatch, setting):
    monkeypatch.setenv("SLT_DOCS_CACHE", setting)
    assert cache.cache_folder("jinja") is None
    slt_docs.render(slt_docs.load(NES), "moteplan")
    assert not fresh.exists()


def test_without_a_setting_the_users_cache_folder_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv("SLT_DOCS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_folder("jinja") == tmp_path / "slt_docs" / "jinja"


def test_only_the_newest_files_are_kept(fresh, monkeypatch):
    monkeypatch.setattr(codecache, "MAX_FILES", 3)
    folder = fresh / "jinja"
    folder.mkdir(parents=True, mode=0o700)
    for number in range(6):
        old = folder / f"{number:040x}.jinja.cache"
        old.write_bytes(b"old")
        os.utime(old, (1_000_000 + number, 1_000_000 + number))
    slt_docs.render(slt_docs.load(NES), "moteplan")
    left = sorted(f.name for f in folder.iterdir())
    assert len(left) == 3
    assert not any(name.startswith("0" * 39) and name[39] in "012" for name in left)


def test_a_refused_template_is_refused_every_time(fresh, monkeypatch, tmp_path):
    """Nothing is kept for a template the sandbox refuses, so its checks run again."""
    from docx import Document

    template = tmp_path / "mal.docx"
    document = Document()
    document.add_paragraph("{{ dok.tittel }}{% include 'x' %}")
    document.save(str(template))
    data = slt_docs.load(NES)
    for _ in range(2):
        _forget(monkeypatch)
        with pytest.raises(slt_docs.SltError, match="include"):
            slt_docs.render(data, "moteplan", template=template)


# -- the public holidays of a year ------------------------------------------------

def _holidays_of(years: tuple[int, ...]) -> dict:
    schedule_module._public_holidays.cache_clear()
    return schedule_module._public_holidays(years)


def test_public_holidays_are_kept_and_the_package_is_not_needed_again(fresh, monkeypatch):
    computed = _holidays_of((2022, 2023))
    assert computed[dt.date(2022, 5, 17)] == "Grunnlovsdag"
    assert len(computed) == 24
    assert list((fresh / "helligdager").iterdir())
    import holidays

    _refuse(monkeypatch, holidays, "Norway", "computed although they were kept")
    assert _holidays_of((2022, 2023)) == computed


@pytest.mark.parametrize("damage", ["other version", "cut short", "not JSON", "wrong shape"])
def test_kept_holidays_of_another_version_or_damaged_are_computed_again(fresh, damage):
    computed = _holidays_of((2024,))
    (path,) = (fresh / "helligdager").iterdir()
    key = f"{schedule_module._holidays_version()}|Norway|{(2024,)}"
    if damage == "other version":  # what another version of holidays kept
        path.unlink()
        cache.write_bytes("helligdager", f"another version|Norway|{(2024,)}", ".json",
                          b'{"2024-01-02": "Oppfunnen fridag"}', keep=64)
    elif damage == "cut short":
        path.write_bytes(path.read_bytes()[:40])
    elif damage == "not JSON":
        cache.write_bytes("helligdager", key, ".json", b'{"2024-01-0', keep=64)
    else:
        cache.write_bytes("helligdager", key, ".json", b'{"2. januar": ["?"]}', keep=64)
    assert _holidays_of((2024,)) == computed


# -- pictures ------------------------------------------------------------------------------

def _wheel(data: slt_docs.SltData, lang: str = "nb") -> drawing.Picture:
    return aarshjul_module.picture(data, lang=lang)


def _no_drawing(monkeypatch: pytest.MonkeyPatch) -> None:
    _refuse(monkeypatch, drawing, "draw_image", "drawn although it was kept")


def test_a_picture_drawn_before_is_taken_from_the_cache(fresh, monkeypatch):
    nes = slt_docs.load(NES)
    first = _wheel(nes).png()
    assert len(list((fresh / "bilder").glob("*.png"))) == 1
    with monkeypatch.context() as patch:
        _no_drawing(patch)
        assert _wheel(nes).png() == first
    # the same document either way
    document = slt_docs.render(nes, "moteplan")
    monkeypatch.setenv("SLT_DOCS_CACHE", "0")
    assert slt_docs.render(nes, "moteplan") == document


def test_anything_the_picture_shows_makes_it_another_picture(fresh, monkeypatch):
    """Another language, another date, another name: drawn, not taken
    from the cache (the key is every shape and word of the picture)."""
    nes = slt_docs.load(NES)
    kept = _wheel(nes).png()
    moved = attrs.evolve(nes, moteplan=attrs.evolve(nes.moteplan, moter=(
        attrs.evolve(nes.moteplan.moter[0], dato=nes.moteplan.moter[0].dato.replace(day=3)),
        *nes.moteplan.moter[1:])))
    renamed = attrs.evolve(nes, kommune=attrs.evolve(nes.kommune, navn="Nesna"))
    _no_drawing(monkeypatch)
    for other in (_wheel(nes, "nn"), _wheel(moved), _wheel(renamed)):
        with pytest.raises(AssertionError, match="drawn although"):
            other.png()
    assert _wheel(nes).png() == kept


@pytest.mark.parametrize("damage", ["cut short", "one byte changed", "empty"])
def test_a_damaged_picture_is_drawn_again(fresh, monkeypatch, damage):
    nes = slt_docs.load(NES)
    monkeypatch.setenv("SLT_DOCS_CACHE", "0")
    drawn = _wheel(nes).png()
    monkeypatch.setenv("SLT_DOCS_CACHE", str(fresh))
    assert _wheel(nes).png() == drawn
    (path,) = (fresh / "bilder").glob("*.png")
    kept = bytearray(path.read_bytes())
    if damage == "cut short":
        kept = kept[: len(kept) // 2]
    elif damage == "one byte changed":
        kept[len(kept) // 3] ^= 0xFF
    else:
        kept = bytearray()
    path.write_bytes(bytes(kept))
    assert _wheel(nes).png() == drawn
    assert path.read_bytes()[:len(drawn)] == drawn  # written whole again


def test_a_picture_is_drawn_when_the_cache_is_off(fresh, monkeypatch):
    monkeypatch.setenv("SLT_DOCS_CACHE", "off")
    _wheel(slt_docs.load(NES)).png()
    assert not fresh.exists()
