"""Benchmark: PDF through one LibreOffice session, against starting LibreOffice
per document, and the cost of the table-of-contents layout pass.

A script that prints figures (not a timed test)::

    python benchmarks/bench_office.py              # 5 runs of every case (~4 min on 2 cores)
    python benchmarks/bench_office.py --runs 2     # quicker
    python benchmarks/bench_office.py --json       # the figures as JSON on stdout

The five documents are Aukra's (``examples/aukra``: handlingsplan, tiltak,
møteplan, two mandates), rendered once to .docx before timing. Cases, each
the median of ``--runs`` runs, the cases of one run interleaved so that load
from other processes hits them alike:

- **session**: ``OfficeSession`` started, the five PDFs exported (PDF/UA,
  finished with pikepdf), session closed — what ``slt-docs lag --pdf`` pays;
- **session, warm**: the five PDFs through a session that is already running
  — what each further kommune costs a batch that keeps its session;
- **5 × soffice**: ``soffice --headless --convert-to pdf`` once per document
  (one profile folder, already initialised), as a shell script would;
- **old to_pdf**: the UNO script slt_docs used before sessions existed (one
  LibreOffice start per call, the five documents in one call), taken from
  git history (commit ``b8fc5b6``); left out outside a git checkout;
- **TOC layout pass**: ``render(..., office=session)`` minus ``render(...)``
  for the handlingsplan (the only document with a TOC), warm session.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import slt_docs  # noqa: E402
from slt_docs.documents import available_documents, output_name, render  # noqa: E402
from slt_docs.render.office import OfficeSession, find_soffice, find_uno_python  # noqa: E402
from slt_docs.render.pdf import to_pdf  # noqa: E402

OLD_COMMIT = "b8fc5b6"


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    soffice = find_soffice()
    if soffice is None:
        print("LibreOffice mangler", file=sys.stderr)
        return 2
    python = find_uno_python(soffice)
    with tempfile.TemporaryDirectory(prefix="bench_office_") as tmp:
        folder = Path(tmp)
        data = slt_docs.load(ROOT / "examples" / "aukra")
        docs = []
        for kind, organ in available_documents(data):
            path = folder / output_name(kind, organ)
            render(data, kind, organ=organ, output=path)
            docs.append(path)
        docs = docs[:5]
        old = _old_script(folder)
        profile = folder / "profile"
        subprocess.run([str(soffice), "--headless", f"-env:UserInstallation={profile.as_uri()}",
                        "--terminate_after_init"], capture_output=True, timeout=300)

        def session() -> None:
            to_pdf([(d, folder / "s" / d.with_suffix(".pdf").name) for d in docs])

        def separate() -> None:
            for d in docs:
                subprocess.run([str(soffice), "--headless", "--norestore",
                                f"-env:UserInstallation={profile.as_uri()}", "--convert-to",
                                "pdf", "--outdir", str(folder / "c"), str(d)],
                               capture_output=True, check=True, timeout=300)

        def old_to_pdf() -> None:
            assert old is not None and python is not None
            with tempfile.TemporaryDirectory(prefix="bench_old_") as prof:
                argv = [str(python), str(old), str(soffice), prof]
                for d in docs:
                    argv += [str(d), str(folder / "o" / d.with_suffix(".pdf").name)]
                subprocess.run(argv, capture_output=True, check=True, timeout=600)

        (folder / "o").mkdir()
        times: dict[str, list[float]] = {"session": [], "session, warm": [], "5 × soffice": [],
                                         "old to_pdf": [], "render, no TOC pages": [],
                                         "render, TOC pages": []}
        with OfficeSession() as warm:
            warm.start()
            for _ in range(args.runs):
                times["session"].append(_timed(session))
                times["session, warm"].append(_timed(lambda: to_pdf(
                    [(d, folder / "w" / d.with_suffix(".pdf").name) for d in docs],
                    office=warm)))
                times["5 × soffice"].append(_timed(separate))
                if old is not None:
                    times["old to_pdf"].append(_timed(old_to_pdf))
                times["render, no TOC pages"].append(
                    _timed(lambda: render(data, "handlingsplan")))
                times["render, TOC pages"].append(
                    _timed(lambda: render(data, "handlingsplan", office=warm)))
            starts = warm.starts
    medians = {k: statistics.median(v) for k, v in times.items() if v}
    toc = medians["render, TOC pages"] - medians["render, no TOC pages"]
    result = {"runs": args.runs, "documents": len(docs), "seconds": medians,
              "toc_layout_pass": toc, "warm_session_starts": starts}
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    base = medians["5 × soffice"]
    print(f"{len(docs)} dokumenter fra examples/aukra, median av {args.runs} kjøringer "
          f"(LibreOffice {soffice})\n")
    print(f"{'tilfelle':<24}{'sekunder':>10}{'per dok.':>10}{'mot 5 × soffice':>17}")
    for key in ("session", "session, warm", "5 × soffice", "old to_pdf"):
        if key in medians:
            m = medians[key]
            print(f"{key:<24}{m:>10.2f}{m / len(docs):>10.2f}{base / m:>16.2f}×")
    print(f"\nhandlingsplan uten sidetall i innholdsfortegnelsen: "
          f"{medians['render, no TOC pages']:.2f} s")
    print(f"handlingsplan med sidetall (LibreOffice-sesjon i gang): "
          f"{medians['render, TOC pages']:.2f} s")
    print(f"layoutrunden for innholdsfortegnelsen: {toc:.2f} s per dokument "
          f"(sesjonen startet LibreOffice {starts} gang)")
    return 0


def _old_script(folder: Path) -> Path | None:
    """The pre-session UNO script from git history, or None outside a checkout."""
    try:
        text = subprocess.run(["git", "-C", str(ROOT), "show",
                               f"{OLD_COMMIT}:slt_docs/_uno_convert.py"],
                              capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = folder / "old_uno_convert.py"
    path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.exit(main())
