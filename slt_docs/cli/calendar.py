"""``slt-docs kalender``: the møteplan as an .ics file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..files import write_atomic
from ..models import slug
from .common import EXIT_BAD_INPUT, EXIT_OK, count, examples, read_or_report, write_stdout


def calendar_command(path: str | Path, output: str | Path | None = None,
                     organ: str | None = None) -> int:
    """``slt-docs kalender PATH [-o FIL] [--organ ORGAN]``: the møteplan as
    .ics (``-`` writes to standard output; default ``moteplan.ics``, or
    ``moteplan-<organ>.ics`` for one body)."""
    data = read_or_report(Path(path), "kalenderen ble ikke skrevet")
    if data is None:
        return EXIT_BAD_INPUT
    if data.moteplan is None:
        print(f"{path}: dataene har ingen «moteplan»; det finnes ingen møter å skrive",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    from ..ics import build_calendar  # icalendar, loaded for this command only

    calendar, meetings = build_calendar(data, organ=organ)
    content = calendar.to_ical()
    if output is None:
        output = f"moteplan-{slug(organ)}.ics" if organ else "moteplan.ics"
    if str(output) == "-":
        write_stdout(content)
        return EXIT_OK
    target = Path(output)
    write_atomic(target, content)
    print(f"skrev {target} ({count(meetings, 'møte', 'møter')})")
    return EXIT_OK




def register(sub: argparse._SubParsersAction) -> None:
    """``slt-docs kalender`` (old name ``calendar``)."""
    cal = sub.add_parser(
        "kalender", hidden_aliases=["calendar"],
        help="skriv møteplanen som kalenderfil (.ics)",
        description="Skriv alle møtene i møteplanen som en kalenderfil (.ics) som kan "
        "importeres i Outlook og Google Kalender.",
        epilog=examples(
            "slt-docs kalender examples/nes                   # moteplan.ics",
            "slt-docs kalender examples/nes --organ koordineringsgruppa",
            "slt-docs kalender examples/nes -o -              # til standard ut"))
    cal.add_argument("path", type=Path, metavar="STI", help="kommunemappe eller YAML-fil")
    cal.add_argument("-o", "--output", metavar="FIL",
                     help="kalenderfila (standard: moteplan.ics; - for standard ut)")
    cal.add_argument("--organ", dest="organ", metavar="ORGAN",
                     help="bare dette organets møter (id, navn eller nivå)")
    cal.add_argument("--body", "--level", dest="organ", help=argparse.SUPPRESS)
    cal.set_defaults(func=lambda a: calendar_command(a.path, a.output, a.organ))
