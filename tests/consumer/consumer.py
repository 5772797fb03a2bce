"""How another municipal tool uses slt_docs: every public call a developer
starts with, typed. ``tests/test_api.py`` runs it and checks it with
``mypy --strict`` (against the checkout and against an installed copy)."""

from __future__ import annotations

import io
from pathlib import Path

import attrs

import slt_docs
from slt_docs import DataError, DocKind, LoadResult, Problem, SltData


def make_everything(folder: Path, out: Path) -> dict[str, bytes]:
    """Load a kommune, report its problems, and make each kind of output."""
    result: LoadResult = slt_docs.read(folder)
    warnings: list[Problem] = result.warnings
    assert result.data is not None, [str(p) for p in result.errors]
    data: SltData = slt_docs.load(folder)

    plan: bytes = slt_docs.render(data, "handlingsplan", lang="nb")
    slt_docs.render(data, DocKind.tiltak, output=out / "tiltak.docx")
    stream = io.BytesIO()
    slt_docs.render(data, "moteplan", output=stream)
    written: list[Path] = slt_docs.render_all(data, out / "alle")

    calendar: bytes = slt_docs.to_ics(data)
    wheel_png: bytes = slt_docs.aarshjul_png(data, lang="nb")
    wheel_svg: bytes = slt_docs.aarshjul_svg(data)
    slt_docs.write_aarshjul(data, out / "aarshjul.svg")

    kinds: list[tuple[DocKind, str | None]] = slt_docs.available_documents(data)
    return {"handlingsplan": plan, "moteplan": stream.getvalue(), "ics": calendar,
            "png": wheel_png, "svg": wheel_svg,
            "antall": str((len(written), len(kinds), len(warnings))).encode()}


def bad_data_messages() -> list[str]:
    """What a program shows its user for bad data: Norwegian, with field paths."""
    try:
        slt_docs.load_dict({"kommune": {"navn": "Testvik", "spraak": "nn"},
                            "organisasjon": {"nivaa": [{"type": "styrande", "mandaat": []}]}})
    except DataError as exc:
        return [f"{p.sti}: {p.melding}" for p in exc.problems]
    return []


def changed_model_messages(folder: Path) -> list[str]:
    """A model changed in code, checked before use: its warnings, then the
    errors of a change that breaks it, each with its field path."""
    data = slt_docs.load(folder)
    messages = [f"{p.alvor.value}: {p.sti}" for p in slt_docs.check(data)]
    blank = attrs.evolve(data, kommune=attrs.evolve(data.kommune, navn=""))
    try:
        slt_docs.check(blank)
    except DataError as exc:
        messages += [f"{p.alvor.value}: {p.sti}: {p.melding}" for p in exc.problems]
    return messages


if __name__ == "__main__":
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        made = make_everything(Path(sys.argv[1]), Path(tmp))
    print(sorted(made))
    print(bad_data_messages())
    print(changed_model_messages(Path(sys.argv[1])))
