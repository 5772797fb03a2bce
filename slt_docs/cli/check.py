"""``slt-docs check``: validate a kommune's data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..data import read
from .common import EXIT_BAD_INPUT, EXIT_OK, count, summary


def cmd_check(args: argparse.Namespace) -> int:
    """``slt-docs check PATH``: validate a kommune's data."""
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
    """``slt-docs check``."""
    check = sub.add_parser("check", help="kontroller dataene i en kommunemappe eller YAML-fil")
    check.add_argument("path", type=Path, metavar="STI", help="kommunemappe eller YAML-fil")
    check.set_defaults(func=cmd_check)
