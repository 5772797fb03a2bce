"""``slt-docs skjema``: the JSON Schema of the data, for editors (and the
field reference ``docs/data.md``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..data.schema import SCHEMA_FILE, schema_text
from ..files import write_atomic
from .common import EXIT_OK, examples


def cmd_schema(args: argparse.Namespace) -> int:
    """``slt-docs skjema [-o MAPPE|FIL] [--markdown]``."""
    from ..data.reference import data_reference  # imported when used

    text = data_reference() if args.markdown else schema_text()
    output: Path | None = args.output
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return EXIT_OK
    if output.is_dir():
        output = output / ("data.md" if args.markdown else SCHEMA_FILE)
    write_atomic(output, text.encode("utf-8"))
    print(f"skrev {output}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    """``slt-docs skjema`` (also ``schema``)."""
    schema = sub.add_parser(
        "skjema", hidden_aliases=["schema"],
        help="skriv JSON-skjemaet for dataene (forslag og feilmarkering i editoren)",
        description=f"Skriv JSON-skjemaet for kommunens YAML-filer. Legg det i kommunemappa "
        f"som {SCHEMA_FILE}, og ha linja «# yaml-language-server: $schema={SCHEMA_FILE}» "
        "øverst i hver fil; da gir VS Code (YAML-utvidelsen) og andre editorer forslag til "
        "felt, forklaringer og markerer feil mens du skriver. «slt-docs ny» gjør begge deler.",
        epilog=examples(
            "slt-docs skjema -o min-kommune/       # min-kommune/slt-docs.schema.json",
            "slt-docs skjema -o skjema.json",
            "slt-docs skjema --markdown -o data.md   # feltoversikten (docs/data.md)"))
    schema.add_argument("-o", "--output", type=Path, metavar="UT",
                        help=f"mappe (skjemaet blir {SCHEMA_FILE} i den) eller fil; "
                        "uten: til standard ut")
    schema.add_argument("--markdown", action="store_true",
                        help="skriv feltoversikten i Markdown (docs/data.md) i stedet")
    schema.set_defaults(func=cmd_schema)
