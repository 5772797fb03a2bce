"""``slt-docs normaliser``: the data written back as normalised YAML."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_BAD_INPUT, EXIT_OK, examples, read_or_report, write_stdout


def cmd_dump(args: argparse.Namespace) -> int:
    """``slt-docs normaliser PATH [-o DIR]``: write the data back in canonical form."""
    from ..data.dump import dumps, write_folder  # ruamel.yaml, imported when used

    data = read_or_report(args.path, "ingenting skrevet")
    if data is None:
        return EXIT_BAD_INPUT
    if args.output:
        done = write_folder(data, args.output, overwrite=args.overskriv)
        for path in done.backups:
            print(f"sikkerhetskopi {path}")
        for path in done.written:
            print(f"skrev {path}")
        for path in done.removed:
            print(f"flyttet bort {path} (innholdet står nå i filene over)")
    else:
        write_stdout(dumps(data))
    return EXIT_OK




def register(sub: argparse._SubParsersAction) -> None:
    """``slt-docs normaliser`` (old name ``dump``)."""
    dump = sub.add_parser(
        "normaliser", hidden_aliases=["dump"],
        help="skriv dataene ut igjen som YAML (normalisert)",
        description="Skriv dataene ut igjen i normalisert form: én skrivemåte for alt, "
        "standardverdier utelatt. Uten -o skrives alt til standard ut.",
        epilog=examples(
            "slt-docs normaliser examples/aukra                 # til skjermen",
            "slt-docs normaliser examples/aukra -o aukra-normalisert"))
    dump.add_argument("path", type=Path, metavar="STI", help="kommunemappe eller YAML-fil")
    dump.add_argument("-o", "--output", type=Path, metavar="MAPPE",
                      help="skriv én fil per del i denne mappa")
    dump.add_argument("--overskriv", action="store_true",
                      help="skriv over datamappa selv (ellers nektet); de gamle filene tas vare "
                      "på som .bak")
    dump.set_defaults(func=cmd_dump)
