"""Benchmark: the OOXML validator (slt_docs.ooxml). A script that prints figures::

    python benchmarks/bench_ooxml.py           # about 30 s on 2 shared cores
    python benchmarks/bench_ooxml.py --runs 3  # fewer runs

Times are CPU time of the process (``time.process_time``), so that other work
on a shared machine does not inflate them; the validator is single-threaded.

- **cold**: in a fresh subprocess, ``import slt_docs.ooxml`` and the first
  ``compiled_schema()`` (parsing and compiling every bundled XSD), and the XSD
  index (``xsd_index()``, needed for the run-property order and the messages);
- **warm**: ``inspect_docx`` per document, median of the runs, next to the
  floor — unzipping, parsing and schema-validating every XML part with lxml,
  nothing else (no Markup Compatibility, no Word rules, no messages) — for
  every example document (nb), the Aukra handlingsplan in the two example
  profiles, and a synthetic large document (python-docx, 5 000 paragraphs and
  a 1 000-row table).
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLD = """
import time
t0 = time.process_time()
import slt_docs.ooxml
from slt_docs.ooxml.schema import compiled_schema, xsd_index
t1 = time.process_time()
compiled_schema()
t2 = time.process_time()
xsd_index()
t3 = time.process_time()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def cold(runs: int) -> None:
    figures = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", COLD], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
        figures.append([float(x) for x in out.split()])
    imp, comp, index = (statistics.median(col) for col in zip(*figures, strict=True))
    print(f"cold (median of {runs} fresh processes): import {imp * 1000:.0f} ms, "
          f"schema compile {comp * 1000:.0f} ms, XSD index {index * 1000:.0f} ms")


def large_document() -> bytes:
    from docx import Document

    doc = Document()
    for i in range(5000):
        doc.add_paragraph(f"Avsnitt {i}: førebygging og samarbeid", style="List Bullet"
                          if i % 5 == 0 else None)
    table = doc.add_table(rows=1000, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{r}.{c}"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def documents() -> list[tuple[str, bytes]]:
    import slt_docs
    from slt_docs.documents import available_documents, render

    out = []
    for kommune in ("aukra", "nordre-land", "nes"):
        data = slt_docs.load(ROOT / "examples" / kommune)
        for kind, organ in available_documents(data):
            label = f"{kommune} {kind.value}{' ' + organ if organ else ''}"
            out.append((label, render(data, kind, lang="nb", organ=organ)))
    aukra = slt_docs.load(ROOT / "examples" / "aukra")
    for profile in sorted((ROOT / "examples" / "profiler").glob("*.docx")):
        out.append((f"aukra handlingsplan + {profile.stem}",
                    render(aukra, "handlingsplan", profile=profile)))
    out.append(("python-docx 5 000 avsnitt + 1 000 rader", large_document()))
    return out


def warm(runs: int) -> None:
    from lxml import etree

    from slt_docs.ooxml import inspect_docx
    from slt_docs.ooxml.schema import compiled_schema

    schema = compiled_schema()
    inspect_docx(documents()[0][1])  # the XSD index and caches, as in a long-running process
    print(f"\nwarm (median of {runs} runs)       size   validate   floor  errors")
    for label, docx in documents():
        times, floors = [], []
        for _ in range(runs):
            t = time.process_time()
            report = inspect_docx(docx)
            times.append(time.process_time() - t)
            t = time.process_time()
            with zipfile.ZipFile(io.BytesIO(docx)) as z:
                for name in z.namelist():
                    if name.endswith((".xml", ".rels")):
                        schema.validate(etree.fromstring(z.read(name)))
            floors.append(time.process_time() - t)
        median, floor = statistics.median(times) * 1000, statistics.median(floors) * 1000
        print(f"{label[:34]:34} {len(docx) // 1024:5d} KiB {median:6.0f} ms "
              f"{floor:5.0f} ms  {len(report.errors):5d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cold(args.runs)
    warm(args.runs)


if __name__ == "__main__":
    main()
