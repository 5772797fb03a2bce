"""``slt-docs mal …``: make, check and pack template packs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import packs  # the checker (lint, contrast) is imported when a command uses it
from ..documents import parse_kind
from ..errors import SltError
from ..files import write_atomic
from ..packs.manifest import KINDS
from .common import EXIT_BAD_INPUT, EXIT_OK, examples, notices, write_stdout


def _report(result: packs.CheckResult, *, profile: bool) -> bool:
    """Print one check's problems and verdict; true when it found no errors."""
    for problem in result.problems:
        print(problem, file=sys.stderr if problem.is_error else sys.stdout)
    if result.errors:
        print(f"{result.label}: {len(result.errors)} feil funnet", file=sys.stderr)
        return False
    warned = [p for p in result.problems if not p.is_error]
    extra = f" ({len(warned)} advarsler)" if warned else ""
    if profile:
        print(f"{result.label}: OK{extra} – Word åpner det, og dokumentene som bruker det")
        return True
    note = ""
    if result.defaults:
        note = f"; {', '.join(result.defaults)} kommer fra standardmalene"
    print(f"{result.label}: OK{extra} – gir {', '.join(result.provides) or 'ingen'}{note}")
    return True


def cmd_template_check(args: argparse.Namespace) -> int:
    """``slt-docs mal kontroller [PACK] [--profile PROFILE]``: find the faults
    in a template pack, one template and/or a profile document."""
    if args.pack is None and args.profile is None:
        raise SltError("oppgi en malpakke (PAKKE) eller et profildokument (--profile PROFIL)")
    ok = True
    if args.pack is not None:
        kind = parse_kind(args.doc).value if args.doc else None
        ok = _report(packs.check_pack(args.pack, kind), profile=False)
    if args.profile is not None:
        ok = _report(packs.check_profile(args.profile), profile=True) and ok
    return EXIT_OK if ok else EXIT_BAD_INPUT


def cmd_template_new(args: argparse.Namespace) -> int:
    """``slt-docs mal ny DIR [--from PACK]``: start a pack to edit in Word."""
    with notices():
        written = packs.new_pack(args.dir, source=args.source, navn=args.navn, kommune=args.kommune)
    for path in written:
        print(f"skrev {path}")
    print(f"Rediger malene i Word og {args.dir}/manifest.yaml, og kontroller med: "
          f"slt-docs mal kontroller {args.dir}")
    return EXIT_OK


def cmd_template_pack(args: argparse.Namespace) -> int:
    """``slt-docs mal pakk DIR -o FILE.zip``: check, then make the shareable file."""
    with notices():
        target, result = packs.build_pack(args.dir, args.output)
    for problem in result.problems:
        print(problem)
    print(f"skrev {target}")
    return EXIT_OK


def cmd_template_fields(args: argparse.Namespace) -> int:
    """``slt-docs mal felt [-o FILE]``: the field reference for template authors."""
    text = packs.field_reference()
    if args.output:
        write_atomic(args.output, text.encode("utf-8"))
        print(f"skrev {args.output}")
    else:
        write_stdout(text)
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    """``slt-docs mal ny|kontroller|pakk|felt`` (old names ``template
    new|check|pack|fields``)."""
    tpl = sub.add_parser(
        "mal", hidden_aliases=["template"],
        help="malpakker: lag, kontroller og pakk Word-maler som kommuner kan dele",
        description="Malpakker er Word-maler (med manifest og bilder) som en kommune lager "
        "og andre kan bruke. Se docs/maler.md.",
        epilog=examples(
            "slt-docs mal ny min-mal --kommune \"Nes kommune\"",
            "slt-docs mal kontroller min-mal",
            "slt-docs mal pakk min-mal -o nes-malen-1.0.zip",
            "slt-docs mal felt -o template-fields.md"))
    tsub = tpl.add_subparsers(dest="template_command", metavar="KOMMANDO")
    tpl.set_defaults(func=lambda _a: (tpl.print_help(), EXIT_BAD_INPUT)[1])

    new = tsub.add_parser(
        "ny", hidden_aliases=["new"],
        help="start en malpakke fra standardmalene (eller fra en annen pakke)",
        description="Lag en ny malpakke med standardmalene (eller en kopi av en annen "
        "pakke) og et manifest, klar til å redigeres i Word.",
        epilog=examples(
            "slt-docs mal ny min-mal --kommune \"Nes kommune\"",
            "slt-docs mal ny min-mal --from aukra-malen.zip --navn Nes-malen"))
    new.add_argument("dir", type=Path, metavar="MAPPE", help="ny (eller tom) mappe")
    new.add_argument("--from", dest="source", type=Path, metavar="PAKKE",
                     help="start fra denne malpakken (mappe eller .zip) i stedet")
    new.add_argument("--navn", help="pakkens navn (standard: mappenavnet)")
    new.add_argument("--kommune", help="kommunen som lager pakken")
    new.set_defaults(func=cmd_template_new)

    check = tsub.add_parser(
        "kontroller", hidden_aliases=["check"],
        help="kontroller en malpakke, én Word-mal eller et profildokument",
        description="Les hver mal slik slt_docs vil lese den og meld feil i malkodene, felt "
        "som ikke finnes, manglende stiler og alt sikkerhetskontrollen avviser. Hver Word-fil "
        "kontrolleres mot OOXML-skjemaene slik Word leser den (del, elementsti og hva som "
        "var ventet), og tekstfarger med for lav kontrast (under 4,5:1) gir en advarsel. "
        "Med --profile kontrolleres kommunens profildokument, alene og brukt på hver "
        "standardmal.",
        epilog=examples(
            "slt-docs mal kontroller min-mal",
            "slt-docs mal kontroller nes-malen-1.0.zip",
            "slt-docs mal kontroller handlingsplan.docx --doc handlingsplan",
            "slt-docs mal kontroller --profile examples/profiler/gronn-sans.docx",
            "slt-docs mal kontroller min-mal --profile profil.docx"))
    check.add_argument("pack", type=Path, metavar="PAKKE", nargs="?",
                       help="mappe, .zip eller .docx")
    check.add_argument("--doc", metavar="TYPE",
                       help=f"dokumenttypen til én enkelt .docx ({', '.join(KINDS)})")
    check.add_argument("--profile", type=Path, metavar="PROFIL",
                       help="kommunens profildokument (.docx): stiler, tema, topp- og "
                       "bunntekst, som i «slt-docs lag --profile»")
    check.set_defaults(func=cmd_template_check)

    pack = tsub.add_parser(
        "pakk", hidden_aliases=["pack"],
        help="kontroller og lag en .zip som kan deles",
        description="Kontroller malpakken og lag en .zip av den som kan deles med andre "
        "kommuner. Ingen fil lages når noe er feil.",
        epilog=examples("slt-docs mal pakk min-mal                # min-mal.zip",
                        "slt-docs mal pakk min-mal -o nes-malen-1.0.zip"))
    pack.add_argument("dir", type=Path, metavar="MAPPE", help="malpakkens mappe")
    pack.add_argument("-o", "--output", type=Path, metavar="FIL",
                      help="zip-fila (standard: MAPPE.zip)")
    pack.set_defaults(func=cmd_template_pack)

    fields = tsub.add_parser(
        "felt", hidden_aliases=["fields"],
        help="skriv feltoversikten for malforfattere (docs/template-fields.md)",
        description="Skriv oversikten over feltene en mal kan bruke, laget fra koden.",
        epilog=examples("slt-docs mal felt                        # til skjermen",
                        "slt-docs mal felt -o template-fields.md"))
    fields.add_argument("-o", "--output", type=Path, metavar="FIL",
                        help="skriv til fil i stedet for standard ut")
    fields.set_defaults(func=cmd_template_fields)
