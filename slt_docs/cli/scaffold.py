"""``slt-docs ny``: start a new kommune's data folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..data.spellings import WRITTEN_STANDARDS
from .common import EXIT_OK, examples


def cmd_new(args: argparse.Namespace) -> int:
    """``slt-docs ny MAPPE --navn NAVN [--lang nb|nn] [--aar ÅR]``."""
    from ..scaffold import new_kommune  # the schema writer: imported when used

    navn = args.navn or args.dir.name.replace("-", " ").title()
    written = new_kommune(args.dir, navn, args.spraak, args.aar)
    for path in written:
        print(f"skrev {path}")
    if args.spraak == "nn":
        print(f"Rediger filene i {args.dir}, kontroller med «slt-docs kontroller {args.dir}» og "
              f"lag dokumenta med «slt-docs lag {args.dir} -o dokument/».")
    else:
        print(f"Rediger filene i {args.dir}, kontroller med «slt-docs kontroller {args.dir}» og "
              f"lag dokumentene med «slt-docs lag {args.dir} -o dokumenter/».")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    """``slt-docs ny`` (also ``new``)."""
    new = sub.add_parser(
        "ny", hidden_aliases=["new", "scaffold"],
        help="start en ny kommune: en ferdig, kommentert datamappe å redigere",
        description="Lag en ny kommunemappe med alle filene (kommune, organisasjon, "
        "handlingsplan, møteplan, dokumenter), kommentert på valgt skriftspråk, med "
        "plassholdere for roller og tekst og en møteplan med faste møteserier. Mappa må være "
        "ny eller tom; ingenting blir overskrevet.",
        epilog=examples(
            "slt-docs ny nye-kommune --navn \"Nye kommune\" --lang nn",
            "slt-docs ny aurland --navn Aurland --lang nn --aar 2026",
            "slt-docs kontroller nye-kommune && slt-docs lag nye-kommune -o dokumenter/"))
    new.add_argument("dir", type=Path, metavar="MAPPE", help="ny (eller tom) mappe")
    new.add_argument("--navn", metavar="NAVN",
                     help="kommunens navn, f.eks. «Aukra» (standard: mappenavnet)")
    new.add_argument("--lang", dest="spraak", choices=WRITTEN_STANDARDS, default="nb",
                     metavar="SPRÅK",
                     help="skriftspråket i dokumentene og kommentarene: nb (bokmål) eller "
                     "nn (nynorsk); standard nb")
    new.add_argument("--spraak", dest="spraak", choices=WRITTEN_STANDARDS,
                     help=argparse.SUPPRESS)
    new.add_argument("--aar", type=int, metavar="ÅR",
                     help="året planen og møteplanen gjelder (standard: i år)")
    new.set_defaults(func=cmd_new)
