"""``slt-docs endringer``: what changed between two versions of a plan."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..lang import get_language
from .common import EXIT_BAD_INPUT, EXIT_OK, examples, plan_to_compare, read_or_report


def cmd_endringer(args: argparse.Namespace) -> int:
    """``slt-docs endringer GAMMEL NY``: the changes as text."""
    from ..cycle.diff import compare_data
    from ..view.endringer import describe_tidspunkt, endringer_text, endringer_view

    old = read_or_report(args.gammel, "ingenting sammenlignet")
    new = read_or_report(args.ny, "ingenting sammenlignet")
    if old is None or new is None:
        return EXIT_BAD_INPUT
    plan_to_compare(args.gammel, old)
    plan_to_compare(args.ny, new)
    lang = get_language(args.lang or new.kommune.spraak)
    diff = compare_data(old, new, describe=describe_tidspunkt(new, lang))  # type: ignore[arg-type]
    sys.stdout.write(endringer_text(endringer_view(diff, new, lang, terminal=True)))
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    """``slt-docs endringer``."""
    cmd = sub.add_parser(
        "endringer", help="vis hva som er endret mellom to versjoner av en handlingsplan",
        description="Sammenlign to versjoner av en handlingsplan: tiltak som er nye, tatt ut, "
        "flyttet eller endret (ansvar, tidspunkt, tekst ord for ord). Som dokument: "
        "slt-docs lag NY --doc endringsoversikt --forrige GAMMEL.",
        epilog=examples(
            "slt-docs endringer aukra-2022 aukra-2023",
            "slt-docs endringer aukra-2022 aukra-2023 --lang nb",
            "slt-docs lag aukra-2023 --doc endringsoversikt --forrige aukra-2022 "
            "-o endringar.docx"))
    cmd.add_argument("gammel", type=Path, metavar="GAMMEL", help="den forrige versjonen (mappe)")
    cmd.add_argument("ny", type=Path, metavar="NY", help="den nye versjonen (mappe)")
    cmd.add_argument("--lang", metavar="SPRÅK",
                     help="nb eller nn (standard: språket i den nye versjonen)")
    cmd.set_defaults(func=cmd_endringer)
