"""``slt-docs importer``: read a kommune's Word handlingsplan into a draft
data folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..data import read
from .common import EXIT_OK, count, examples, notices


def cmd_import(args: argparse.Namespace) -> int:
    """``slt-docs importer PLAN.docx -o MAPPE``."""
    from ..importer import import_docx  # (imported by the command that uses it)

    with notices():
        draft = import_docx(args.path)
    folder: Path = args.output or Path(args.path.stem)
    written = draft.write(folder, overwrite=args.overskriv)
    for path in written:
        print(f"skrev {path}")
    c = draft.counts
    language = "nynorsk" if draft.language == "nn" else "bokmål"
    goals = f" i {count(c.delmaal, 'delmål', 'delmål')}" if c.delmaal else ""
    print(f"fant: {count(c.sections, 'del', 'deler')} av planen, "
          f"{count(c.levels, 'nivå', 'nivå')}, {count(c.tiltak, 'tiltak', 'tiltak')}{goals}, "
          f"{count(c.ansvar, 'ansvarlig', 'ansvarlige')}, "
          f"{count(c.dates, 'dato', 'datoer')} gjenkjent "
          f"({count(c.whens_text, 'tidspunkt', 'tidspunkt')} som tekst), "
          f"{count(c.meetings, 'møte', 'møter')}; skriftspråk: {language}")
    if c.toc_lines:
        print(f"hoppet over: {count(c.toc_lines, 'linje', 'linjer')} i innholdslisten")
    marker = "IKKJE PLASSERT" if draft.language == "nn" else "IKKE PLASSERT"
    print(f"ikke plassert: {count(c.unplaced, 'linje', 'linjer')} (se «# {marker}» i filene)")
    for warning in c.warnings:
        print(f"advarsel: {warning}")
    result = read(folder)
    for problem in result.problems:
        print(problem)
    if result.problems:
        print(f"kontroll: {count(len(result.errors), 'feil', 'feil')} og "
              f"{count(len(result.warnings), 'advarsel', 'advarsler')} å rette i utkastet "
              f"(kjør «slt-docs kontroller {folder}» etter at du har rettet)")
    else:
        print(f"kontroll: utkastet i {folder} er gyldige data")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    """``slt-docs importer``."""
    imp = sub.add_parser(
        "importer", help="les en eksisterende handlingsplan (.docx) inn som utkast til data",
        description="Les en kommunes handlingsplan fra Word (.docx) og skriv et utkast til "
        "datamappe (handlingsplan.yaml, organisasjon.yaml, kommune.yaml …). Det som ikke kan "
        "plasseres, står som kommentar «# IKKE PLASSERT: …» der det stod i dokumentet.",
        epilog=examples(
            "slt-docs importer Handlingsplan-2022.docx -o aukra/   # utkast i aukra/",
            "slt-docs importer plan.docx -o aukra/ --overskriv",
            "slt-docs kontroller aukra/                           # rett det som står igjen"))
    imp.add_argument("path", type=Path, metavar="PLAN.docx", help="Word-fila med planen")
    imp.add_argument("-o", "--output", type=Path, metavar="MAPPE",
                     help="mappa utkastet skrives til (standard: filnavnet uten .docx)")
    imp.add_argument("--overskriv", action="store_true",
                     help="erstatt YAML-filer som allerede finnes i mappa")
    imp.set_defaults(func=cmd_import)


__all__ = ["register"]
