"""``slt-docs rull``: the next year's data folder from this year's."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cycle import Ferdige
from .common import EXIT_OK, examples


def cmd_rull(args: argparse.Namespace) -> int:
    """``slt-docs rull DATA --til ÅR -o NY``."""
    from ..cycle.rollover import roll_forward  # round-trip YAML: imported when used

    result = roll_forward(args.path, args.output, args.til,
                          ferdige=Ferdige(args.gjennomforte), overwrite=args.overskriv)
    for path in result.files:
        print(f"skrev {path}")
    for note in result.notes:
        print(f"merk: {note}")
    print(f"{result.folder}: klar for {args.til}; gå gjennom kommentarene og "
          "«forslag: true», og kjør «slt-docs kontroller» etterpå")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    """``slt-docs rull``."""
    rull = sub.add_parser(
        "rull", help="lag neste års datamappe: planen rullert, tilbakeblikk på året som gikk, "
        "ny møteplan",
        description="Lag neste års datamappe fra årets: planens periode (eller «rullert:» for en "
        "plan over flere år), fjorårets status som kommentar ved hvert tiltak, et tilbakeblikk "
        "på året som gikk (alle møtene fra møteplanen, flyttede og avlyste med årsak, hvordan "
        "tiltakene endte) og en ny møteplan med foreslåtte datoer («forslag: true»). "
        "Kommentarene, rekkefølgen og ordlyden i filene beholdes; den gamle mappa blir ikke "
        "endret.",
        epilog=examples(
            "slt-docs rull aukra-2022 --til 2023 -o aukra-2023",
            "slt-docs rull aukra-2022 --til 2023 -o aukra-2023 --gjennomforte utelat",
            "slt-docs rull aukra-2022 --til 2023 -o aukra-2023 && slt-docs kontroller aukra-2023"))
    rull.add_argument("path", type=Path, metavar="DATA", help="kommunemappa for året som gikk")
    rull.add_argument("--til", type=int, required=True, metavar="ÅR",
                      help="året den nye planen gjelder, f.eks. 2023")
    rull.add_argument("-o", "--output", type=Path, required=True, metavar="NY",
                      help="den nye kommunemappa (må være tom eller ikke finnes)")
    rull.add_argument("--gjennomforte", choices=[f.value for f in Ferdige],
                      default=Ferdige.merk.value,
                      help="tiltak som ble gjennomført eller avsluttet: merk dem (standard) "
                      "eller utelat dem fra den nye planen")
    rull.add_argument("--overskriv", action="store_true",
                      help="erstatt innholdet i en mappe som ikke er tom")
    rull.set_defaults(func=cmd_rull)
