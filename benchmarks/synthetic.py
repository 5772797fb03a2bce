"""Synthetic kommune data folders for the benchmarks: "every kommune in Norway".

:func:`make_kommuner` writes ``count`` kommune folders (357 for the national
batch) into a folder, each a copy of one of the shipped examples
(``examples/aukra``: handlingsplan + møteplan + two mandates; ``nordre-land``:
handlingsplan + mandates; ``nes``: møteplan only) with

- its own name (``kommune.navn``, made of Norwegian name parts, æ/ø/å
  included), so no two folders render the same text;
- its written standard swapped for every other copy (``nb`` ↔ ``nn``), so the
  workers get both catalogs in turn;
- every third one with one of the example profiles (``examples/profiler``),
  copied into the folder (``kommune.profil: profil.docx``).

The YAML is edited as text (one line each), so the examples' comments and
layout stay as written. Deterministic: the same ``count`` and ``seed`` give
the same folders.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SOURCES = ("aukra", "nordre-land", "nes")
PROFILES = tuple(sorted((EXAMPLES / "profiler").glob("*.docx")))

_FIRST = ("Nord", "Sør", "Øvre", "Nedre", "Vest", "Aust", "Midt", "Indre", "Ytre", "Store")
_STEM = ("Aur", "Bjørn", "Fjell", "Gran", "Hå", "Ler", "Måls", "Nes", "Rød", "Sel", "Stor",
         "Tys", "Vik", "Ør", "Ål", "Ås", "Lund", "Holm", "Berg", "Dal")
_TAIL = ("dal", "fjord", "land", "vik", "øy", "nes", "berg", "stad", "strand", "ås", "å",
         "heim", "sund", "vang", "eid")


def kommune_names(count: int, seed: int = 357) -> list[str]:
    """``count`` distinct kommune names ("Nord-Bjørnvik", "Ålstrand" …)."""
    rng = random.Random(seed)
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = rng.choice(_STEM) + rng.choice(_TAIL)
        if rng.random() < 0.35:
            name = f"{rng.choice(_FIRST)}-{name}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def slug(name: str) -> str:
    """A folder name for ``name``: lower case ASCII, æ/ø/å spelled out."""
    text = name.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "aa")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _set_line(path: Path, key: str, value: str) -> None:
    """Set ``kommune.<key>`` in a kommune.yaml (replace the line, or add it)."""
    text = path.read_text(encoding="utf-8")
    line = f"  {key}: {value}"
    pattern = re.compile(rf"^  {key}:.*$", re.MULTILINE)
    if pattern.search(text):
        text = pattern.sub(line, text, count=1)
    else:
        text = text.replace("kommune:\n", f"kommune:\n{line}\n", 1)
    path.write_text(text, encoding="utf-8")


def make_kommuner(folder: Path, count: int, *, seed: int = 357) -> list[Path]:
    """Write ``count`` kommune folders into ``folder``; returns them in order."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for index, name in enumerate(kommune_names(count, seed)):
        source = EXAMPLES / SOURCES[index % len(SOURCES)]
        target = folder / slug(name)
        shutil.copytree(source, target)
        kommune = target / "kommune.yaml"
        _set_line(kommune, "navn", f'"{name}"')
        text = kommune.read_text(encoding="utf-8")
        spraak = re.search(r"^  spraak: (\w+)", text, re.MULTILINE)
        current = spraak.group(1) if spraak else "nb"
        if (index // len(SOURCES)) % 2:
            _set_line(kommune, "spraak", "nn" if current == "nb" else "nb")
        if PROFILES and index % 3 == 2:
            shutil.copy(PROFILES[(index // 3) % len(PROFILES)], target / "profil.docx")
            _set_line(kommune, "profil", "profil.docx")
        made.append(target)
    return made


def document_count(folders: list[Path]) -> int:
    """How many documents ``render_all`` makes for these folders (docx only)."""
    import slt_docs
    from slt_docs.documents import available_documents

    return sum(len(available_documents(slt_docs.load(f))) for f in folders)
