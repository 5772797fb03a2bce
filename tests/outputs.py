"""Every .docx the project writes, for the tests that hold all of them to
Word's rules (tests/test_word_grade.py, tests/test_accessibility.py): every
document kind × example × nb/nn × both tiltak table shapes × without and
with each example profile, and the endringsoversikt of each example with a
plan against the same example rolled forward a year (``slt-docs rull``).
Rendered once per test session."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

import slt_docs
from slt_docs.cycle.rollover import roll_forward
from slt_docs.documents import available_documents, render

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = tuple(sorted(p.name for p in (ROOT / "examples").iterdir()
                       if (p / "kommune.yaml").is_file()))
PROFILES = tuple(sorted((ROOT / "examples" / "profiler").glob("*.docx")))
TEMPLATES = tuple(sorted((ROOT / "templates").glob("*.docx")))


@cache
def data(kommune: str) -> slt_docs.SltData:
    return slt_docs.load(ROOT / "examples" / kommune)


def _forms(kommune: str, kind: str) -> tuple[str | None, ...]:
    plan = data(kommune).handlingsplan
    if kind in ("handlingsplan", "tiltak") and plan is not None and plan.delmaal:
        return ("full", "enkel")
    return (None,)


OUTPUTS: list[tuple[str, str, str | None, str, str | None, str | None]] = [
    (kommune, kind.value, organ, lang, form, profile.name if profile else None)
    for kommune in EXAMPLES
    for kind, organ in available_documents(data(kommune))
    for lang in ("nb", "nn")
    for form in _forms(kommune, kind.value)
    for profile in (None, *PROFILES)
]
"""(kommune, kind, organ, lang, form, profile name) of every output."""

ROLLED = tuple(k for k in EXAMPLES if data(k).handlingsplan is not None)
"""Examples with a plan: rolled forward a year for the endringsoversikt."""

OUTPUTS += [(kommune, "endringsoversikt", None, lang, None, profile.name if profile else None)
            for kommune in ROLLED for lang in ("nb", "nn") for profile in (None, *PROFILES)]


@cache
def rolled(kommune: str) -> slt_docs.SltData:
    """The example rolled forward to the next year (``slt-docs rull``), read
    back: the new version of the plan, whose endringsoversikt compares it
    with the example."""
    folder = Path(tempfile.mkdtemp(prefix="rull-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    plan = data(kommune).handlingsplan
    assert plan is not None
    target = folder / kommune
    roll_forward(ROOT / "examples" / kommune, target, plan.periode.fra + 1)
    return slt_docs.load(target)


def output_id(case: tuple) -> str:
    return "-".join(str(x) for x in case if x).removesuffix(".docx")


@cache
def rendered(kommune: str, kind: str, organ: str | None, lang: str, form: str | None,
             profile: str | None) -> bytes:
    look = ROOT / "examples" / "profiler" / profile if profile else None
    if kind == "endringsoversikt":
        return render(rolled(kommune), kind, lang=lang, profile=look, forrige=data(kommune))
    return render(data(kommune), kind, organ=organ, lang=lang, form=form, profile=look)
