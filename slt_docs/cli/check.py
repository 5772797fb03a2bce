"""``slt-docs kontroller``: validate a kommune's data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..data import read
from .common import EXIT_BAD_INPUT, EXIT_OK, count, examples, summary


def cmd_check(args: argparse.Namespace) -> int:
    """``slt-docs kontroller PATH``: validate a kommune's data."""
    result = read(args.path)
    for problem in result.problems:
        print(problem, file=sys.stderr if problem.is_error else sys.stdout)
    if result.data is None:
        errors = len(result.errors)
        print(f"{args.path}: {errors} feil funnet", file=sys.stderr)
        return EXIT_BAD_INPUT
    note = (f" ({count(len(result.warnings), 'advarsel', 'advarsler')})"
            if result.warnings else "")
    print(f"{args.path}: OK{note} – {summary(result.data)}")
    return EXIT_OK




def register(sub: argparse._SubParsersAction) -> None:
    """``slt-docs kontroller`` (old name ``check``)."""
    check = sub.add_parser(
        "kontroller", hidden_aliases=["check"],
        help="kontroller dataene i en kommunemappe eller YAML-fil",
        description="Les og kontroller alle YAML-filene i en kommunemappe (eller én fil). "
        "Hver feil skrives med fil, linje, kolonne og felt. Exit-status 0 når dataene er "
        "i orden, 2 når noe er feil.",
        epilog=examples(
            "slt-docs kontroller examples/aukra            # hele kommunemappa",
            "slt-docs kontroller examples/nes/moteplan.yaml # bare én fil"))
    check.add_argument("path", type=Path, metavar="STI", help="kommunemappe eller YAML-fil")
    check.set_defaults(func=cmd_check)
