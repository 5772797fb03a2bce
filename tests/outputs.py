"""Every .docx the project writes, for the tests that hold all of them to
Word's rules (tests/test_word_grade.py, tests/test_accessibility.py): every
document kind × example × nb/nn × both tiltak table shapes × without and
with each example profile. Rendered once per test session."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import slt_docs
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


def output_id(case: tuple) -> str:
    return "-".join(str(x) for x in case if x).removesuffix(".docx")


@cache
def rendered(kommune: str, kind: str, organ: str | None, lang: str, form: str | None,
             profile: str | None) -> bytes:
    look = ROOT / "examples" / "profiler" / profile if profile else None
    return render(data(kommune), kind, organ=organ, lang=lang, form=form, profile=look)
