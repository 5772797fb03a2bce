"""``slt-docs aarshjul``: the year wheel as a picture of its own."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..documents import write_aarshjul
from .common import EXIT_BAD_INPUT, EXIT_OK, examples, read_or_report


def cmd_aarshjul(args: argparse.Namespace) -> int:
    """``slt-docs aarshjul PATH -o aarshjul.svg``: the year wheel as a picture."""
    data = read_or_report(args.path, "ikke noe bilde laget")
    if data is None:
        return EXIT_BAD_INPUT
    for path in write_aarshjul(data, args.output, lang=args.lang):
        print(f"skrev {path}")
    return EXIT_OK




def register(sub: argparse._SubParsersAction) -> None:
    """``slt-docs aarshjul``."""
    wheel = sub.add_parser(
        "aarshjul", help="skriv årshjulet som eget bilde (.png eller .svg)",
        description="Tegn årshjulet (alle møtene i møteplanen rundt året) som eget bilde, "
        "f.eks. til intranettet. Filtypen velger formatet.",
        epilog=examples(
            "slt-docs aarshjul examples/nes                   # aarshjul.png",
            "slt-docs aarshjul examples/nes -o aarshjul.svg",
            "slt-docs aarshjul examples/aukra --lang nb -o aarshjul-nb.png"))
    wheel.add_argument("path", type=Path, metavar="STI", help="kommunemappe eller YAML-fil")
    wheel.add_argument("-o", "--output", type=Path, metavar="FIL", default=Path("aarshjul.png"),
                       help="bildefila, .png eller .svg (standard: aarshjul.png)")
    wheel.add_argument("--lang", metavar="SPRÅK", help="nb eller nn; standard: kommunens språk")
    wheel.set_defaults(func=cmd_aarshjul)
