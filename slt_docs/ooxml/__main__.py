"""``python3 -m slt_docs.ooxml FILE.docx …``: print what would make Word repair
each file. Exit status 0 when no file has errors, 2 otherwise (or when a file
cannot be read)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from .validate import inspect_docx


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m slt_docs.ooxml",
        description="Valider .docx-filer mot OOXML-skjemaene (ISO/IEC 29500 Transitional, "
                    "etter Markup Compatibility) og Words egne regler.")
    parser.add_argument("files", nargs="+", type=Path, metavar="FIL.docx")
    parser.add_argument("--oppsummering", action="store_true",
                        help="skriv bare antall feil per feilklasse")
    args = parser.parse_args(argv)
    status = 0
    for path in args.files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            why = "finnes ikke" if isinstance(exc, FileNotFoundError) else exc.strerror or exc
            print(f"{path}: feil: kan ikke lese fila ({why})", file=sys.stderr)
            status = 2
            continue
        report = inspect_docx(data)
        errors = len(report.errors)
        warnings = len(report.findings) - errors
        if args.oppsummering:
            for (part, kind), n in sorted(Counter((f.part, f.kind)
                                                  for f in report.findings).items()):
                print(f"{path}: {part}: {n} × {kind}")
        else:
            for finding in report.findings:
                print(f"{path}: {finding.problem}" if finding.part
                      else f"{path}: {finding.problem.alvor.value}: {finding.message}")
        print(f"{path}: {errors} feil, {warnings} advarsler, "
              f"{len(report.validated)} deler validert")
        if errors:
            status = 2
    return status


if __name__ == "__main__":
    sys.exit(main())
