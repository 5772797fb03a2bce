"""The ``slt-docs`` command. Each command is thin: it parses arguments, calls
the library and prints the outcome in Norwegian.

Exit status: 0 success, 2 bad input (data, template or arguments), 1 an
internal error (a bug: reported without a traceback unless
``SLT_DOCS_DEBUG=1``).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from . import __version__
from .data import dump_folder, dumps, read
from .documents import output_name, parse_kind, render, render_all, write_aarshjul
from .errors import SltError
from .files import write_atomic
from .ics import build_calendar
from .lang import get_language
from .models import SltData, slug
from .packs import KINDS, build_pack, check_pack, field_reference, new_pack
from .render.pdf import to_pdf
from .render.safety import SafetyNotice

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse with Norwegian error messages and exit status 2."""

    def error(self, message: str) -> NoReturn:
        translations = {
            "the following arguments are required": "disse argumentene mangler",
            "unrecognized arguments": "ukjente argumenter",
            "invalid choice": "ugyldig valg",
            "expected one argument": "forventet én verdi",
            "argument": "argument",
        }
        for english, norwegian in translations.items():
            message = message.replace(english, norwegian)
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: feil: {message}\n")


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def _summary(data: SltData) -> str:
    lang = get_language(data.kommune.spraak)
    org = data.organisasjon
    parts = [f"{data.kommune.visningsnavn} ({lang.locale.get_display_name(lang.code)})",
             f"{len(org.nivaa)} nivå", f"{sum(1 for _ in org.organer())} organ"]
    if data.handlingsplan is not None:
        plan = data.handlingsplan
        count = _count(len(plan.numbered_tiltak()), "tiltak", "tiltak")
        period = lang.year_range(plan.periode.fra, plan.periode.til)
        if plan.delmaal:
            parts.append(f"handlingsplan {period} med {count} i {len(plan.delmaal)} delmål")
        else:
            parts.append(f"handlingsplan {period} med {count}")
    if data.moteplan is not None:
        mp = data.moteplan
        parts.append(f"møteplan {mp.aar} med {_count(len(mp.moter), 'møte', 'møter')} og "
                     f"{_count(len(mp.serier), 'serie', 'serier')}")
    return ", ".join(parts)


def _read_or_report(path: Path, nothing_made: str) -> SltData | None:
    """Read the data, print every problem (errors to stderr); ``None`` when
    there were errors, after saying that ``nothing_made``."""
    result = read(path)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.data is None:
        print(f"{path}: {_count(len(result.errors), 'feil', 'feil')} funnet; {nothing_made}",
              file=sys.stderr)
    return result.data


def cmd_check(args: argparse.Namespace) -> int:
    """``slt-docs check PATH``: validate a kommune's data."""
    result = read(args.path)
    for problem in result.problems:
        print(problem, file=sys.stderr if problem.is_error else sys.stdout)
    if result.data is None:
        count = len(result.errors)
        print(f"{args.path}: {count} feil funnet", file=sys.stderr)
        return EXIT_BAD_INPUT
    note = (f" ({_count(len(result.warnings), 'advarsel', 'advarsler')})"
            if result.warnings else "")
    print(f"{args.path}: OK{note} – {_summary(result.data)}")
    return EXIT_OK


def cmd_dump(args: argparse.Namespace) -> int:
    """``slt-docs dump PATH [-o DIR]``: write the data back in canonical form."""
    data = _read_or_report(args.path, "ingenting skrevet")
    if data is None:
        return EXIT_BAD_INPUT
    if args.output:
        for path in dump_folder(data, args.output):
            print(f"skrev {path}")
    else:
        sys.stdout.write(dumps(data))
    return EXIT_OK


def _parse_delmaal(text: str | None) -> tuple[int, ...]:
    if not text:
        return ()
    try:
        return tuple(int(part) for part in text.replace(" ", "").split(",") if part)
    except ValueError as exc:
        raise SltError(f"--delmaal må være tall skilt med komma, f.eks. 1,3 (fikk «{text}»)") \
            from exc


def cmd_render(args: argparse.Namespace) -> int:
    """``slt-docs render PATH [--doc KIND] [-o OUT]``: make the documents."""
    data = _read_or_report(args.path, "ingen dokumenter laget")
    if data is None:
        return EXIT_BAD_INPUT
    delmaal = _parse_delmaal(args.delmaal)
    if args.doc:
        kind = parse_kind(args.doc)
        output = args.output or Path(output_name(kind))
        if output.is_dir() or str(output).endswith(("/", os.sep)):
            output = output / output_name(kind, args.organ, args.lang)
        with _notices():
            render(data, kind, lang=args.lang, output=output, organ=args.organ,
                   delmaal=delmaal, form=args.tabell, template=args.template,
                   profile=args.profile)
        written = [output]
    else:
        folder = args.output or Path("out")
        with _notices():
            written = render_all(data, folder, lang=args.lang, form=args.tabell,
                                 template=args.template, profile=args.profile)
    for path in written:
        print(f"skrev {path}")
    if args.pdf:
        pairs = [(p, p.with_suffix(".pdf")) for p in written if p.suffix == ".docx"]
        updated = to_pdf(pairs)
        for _, pdf in pairs:
            print(f"skrev {pdf}")
        if not updated:
            print("merk: innholdsfortegnelsen i PDF-en ble ikke oppdatert (LibreOffice mangler "
                  "UNO-støtte; installer python3-uno)", file=sys.stderr)
    return EXIT_OK


@contextmanager
def _notices() -> Iterator[None]:
    """Print what was stripped from templates and profiles (``merk: …``), once each."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SafetyNotice)
        try:
            yield
        finally:
            seen: set[str] = set()
            for item in caught:
                text = str(item.message)
                if issubclass(item.category, SafetyNotice) and text not in seen:
                    seen.add(text)
                    print(f"merk: {text}", file=sys.stderr)


def cmd_template_check(args: argparse.Namespace) -> int:
    """``slt-docs template check PACK``: find the faults in a template pack."""
    kind = parse_kind(args.doc).value if args.doc else None
    result = check_pack(args.pack, kind)
    for problem in result.problems:
        print(problem, file=sys.stderr if problem.is_error else sys.stdout)
    if result.errors:
        print(f"{result.label}: {len(result.errors)} feil funnet", file=sys.stderr)
        return EXIT_BAD_INPUT
    note = ""
    if result.defaults:
        note = f"; {', '.join(result.defaults)} kommer fra standardmalene"
    warned = [p for p in result.problems if not p.is_error]
    extra = f" ({len(warned)} advarsler)" if warned else ""
    print(f"{result.label}: OK{extra} – gir {', '.join(result.provides) or 'ingen'}{note}")
    return EXIT_OK


def cmd_template_new(args: argparse.Namespace) -> int:
    """``slt-docs template new DIR [--from PACK]``: start a pack to edit in Word."""
    with _notices():
        written = new_pack(args.dir, source=args.source, navn=args.navn, kommune=args.kommune)
    for path in written:
        print(f"skrev {path}")
    print(f"Rediger malene i Word og {args.dir}/manifest.yaml, og kontroller med: "
          f"slt-docs template check {args.dir}")
    return EXIT_OK


def cmd_template_pack(args: argparse.Namespace) -> int:
    """``slt-docs template pack DIR -o FILE.zip``: check, then make the shareable file."""
    with _notices():
        target, result = build_pack(args.dir, args.output)
    for problem in result.problems:
        print(problem)
    print(f"skrev {target}")
    return EXIT_OK


def cmd_template_fields(args: argparse.Namespace) -> int:
    """``slt-docs template fields [-o FILE]``: the field reference for template authors."""
    text = field_reference()
    if args.output:
        write_atomic(args.output, text.encode("utf-8"))
        print(f"skrev {args.output}")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _template_parser(sub: argparse._SubParsersAction) -> None:
    tpl = sub.add_parser("template", help="malpakker: lag, kontroller og pakk Word-maler som "
                         "kommuner kan dele")
    tsub = tpl.add_subparsers(dest="template_command", metavar="KOMMANDO", parser_class=_Parser)
    tpl.set_defaults(func=lambda _a: (tpl.print_help(), EXIT_BAD_INPUT)[1])

    new = tsub.add_parser("new", help="start en malpakke fra standardmalene (eller fra en "
                          "annen pakke)")
    new.add_argument("dir", type=Path, metavar="MAPPE", help="ny (eller tom) mappe")
    new.add_argument("--from", dest="source", type=Path, metavar="PAKKE",
                     help="start fra denne malpakken (mappe eller .zip) i stedet")
    new.add_argument("--navn", help="pakkens navn (standard: mappenavnet)")
    new.add_argument("--kommune", help="kommunen som lager pakken")
    new.set_defaults(func=cmd_template_new)

    check = tsub.add_parser("check", help="kontroller en malpakke eller én Word-mal")
    check.add_argument("pack", type=Path, metavar="PAKKE", help="mappe, .zip eller .docx")
    check.add_argument("--doc", metavar="TYPE",
                       help=f"dokumenttypen til én enkelt .docx ({', '.join(KINDS)})")
    check.set_defaults(func=cmd_template_check)

    pack = tsub.add_parser("pack", help="kontroller og lag en .zip som kan deles")
    pack.add_argument("dir", type=Path, metavar="MAPPE", help="malpakkens mappe")
    pack.add_argument("-o", "--output", type=Path, metavar="FIL",
                      help="zip-fila (standard: MAPPE.zip)")
    pack.set_defaults(func=cmd_template_pack)

    fields = tsub.add_parser("fields", help="skriv feltoversikten for malforfattere "
                             "(docs/template-fields.md)")
    fields.add_argument("-o", "--output", type=Path, metavar="FIL",
                        help="skriv til fil i stedet for standard ut")
    fields.set_defaults(func=cmd_template_fields)


def calendar_command(path: str | Path, output: str | Path | None = None,
                     organ: str | None = None) -> int:
    """``slt-docs calendar PATH [-o FIL] [--body ORGAN]``: the møteplan as
    .ics (``-`` writes to standard output; default ``moteplan.ics``, or
    ``moteplan-<organ>.ics`` for one body)."""
    data = _read_or_report(Path(path), "kalenderen ble ikke skrevet")
    if data is None:
        return EXIT_BAD_INPUT
    if data.moteplan is None:
        print(f"{path}: dataene har ingen «moteplan»; det finnes ingen møter å skrive",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    calendar, count = build_calendar(data, organ=organ)
    content = calendar.to_ical()
    if output is None:
        output = f"moteplan-{slug(organ)}.ics" if organ else "moteplan.ics"
    if str(output) == "-":
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return EXIT_OK
    target = Path(output)
    try:
        write_atomic(target, content)
    except OSError as exc:
        raise SltError(f"kan ikke skrive {target}: {exc.strerror or exc}") from exc
    print(f"skrev {target} ({_count(count, 'møte', 'møter')})")
    return EXIT_OK


def cmd_aarshjul(args: argparse.Namespace) -> int:
    """``slt-docs aarshjul PATH -o aarshjul.svg``: the year wheel as a picture."""
    data = _read_or_report(args.path, "ikke noe bilde laget")
    if data is None:
        return EXIT_BAD_INPUT
    for path in write_aarshjul(data, args.output, lang=args.lang):
        print(f"skrev {path}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = _Parser(
        prog="slt-docs",
        description="Lag SLT-dokumenter (handlingsplan, møteplan, mandat, tiltak) fra en "
        "kommunes data i YAML.",
    )
    parser.add_argument("--version", action="version", version=f"slt-docs {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_Parser)

    check = sub.add_parser("check", help="kontroller dataene i en kommunemappe eller YAML-fil")
    check.add_argument("path", type=Path, metavar="STI", help="kommunemappe eller YAML-fil")
    check.set_defaults(func=cmd_check)

    rend = sub.add_parser(
        "render", help="lag dokumentene (handlingsplan, mandat, tiltak, møteplan) som .docx")
    rend.add_argument("path", type=Path, metavar="STI", help="kommunemappe eller YAML-fil")
    rend.add_argument("--doc", metavar="TYPE",
                      help="handlingsplan, mandat, tiltak eller moteplan (uten: alle dokumenter "
                      "dataene gir grunnlag for)")
    rend.add_argument("-o", "--output", type=Path, metavar="UT",
                      help="fil (med --doc) eller mappe (uten --doc; standard: out/)")
    rend.add_argument("--lang", metavar="SPRÅK",
                      help="nb (bokmål) eller nn (nynorsk); standard: kommunens språk")
    rend.add_argument("--organ", "--level", dest="organ", metavar="ORGAN",
                      help="for --doc mandat: nivå (styrende/styrande …) eller organets navn/id")
    rend.add_argument("--delmaal", metavar="N[,N]",
                      help="for --doc tiltak: bare disse delmålene, f.eks. 1,3")
    rend.add_argument("--tabell", choices=["enkel", "full"],
                      help="tiltakstabellens form: enkel (tiltak · ansvar) eller full "
                      "(delmål · tiltak · ansvar · tidspunkt)")
    rend.add_argument("--template", type=Path, metavar="MAL",
                      help="malpakke (mappe eller .zip; dokumenter den ikke har, kommer fra "
                      "standardmalene) eller én Word-mal (.docx, med --doc)")
    rend.add_argument("--profile", type=Path, metavar="PROFIL",
                      help="kommunens profildokument (.docx): stiler, tema, sideoppsett, topp- "
                      "og bunntekst med logo (standard: kommune.profil i dataene)")
    rend.add_argument("--pdf", action="store_true", help="lag også PDF med LibreOffice")
    rend.set_defaults(func=cmd_render)

    wheel = sub.add_parser("aarshjul", help="skriv årshjulet som eget bilde (.png eller .svg)")
    wheel.add_argument("path", type=Path, metavar="STI", help="kommunemappe eller YAML-fil")
    wheel.add_argument("-o", "--output", type=Path, metavar="FIL", default=Path("aarshjul.png"),
                       help="bildefila, .png eller .svg (standard: aarshjul.png)")
    wheel.add_argument("--lang", metavar="SPRÅK", help="nb eller nn; standard: kommunens språk")
    wheel.set_defaults(func=cmd_aarshjul)

    cal = sub.add_parser("calendar", help="skriv møteplanen som kalenderfil (.ics)")
    cal.add_argument("path", type=Path, metavar="STI", help="kommunemappe eller YAML-fil")
    cal.add_argument("-o", "--output", metavar="FIL",
                     help="kalenderfila (standard: moteplan.ics; - for standard ut)")
    cal.add_argument("--body", "--organ", dest="organ", metavar="ORGAN",
                     help="bare dette organets møter (id, navn eller nivå)")
    cal.set_defaults(func=lambda a: calendar_command(a.path, a.output, a.organ))

    _template_parser(sub)

    dump = sub.add_parser("dump", help="skriv dataene ut igjen som YAML (normalisert)")
    dump.add_argument("path", type=Path, metavar="STI", help="kommunemappe eller YAML-fil")
    dump.add_argument("-o", "--output", type=Path, metavar="MAPPE",
                      help="skriv én fil per del i denne mappa")
    dump.set_defaults(func=cmd_dump)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return func(args)
    except SltError as exc:
        print(f"slt-docs: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("slt-docs: avbrutt", file=sys.stderr)
        return 130
    except Exception:
        if os.environ.get("SLT_DOCS_DEBUG"):
            traceback.print_exc()
        else:
            print("slt-docs: intern feil i slt_docs (ikke i dataene dine). Kjør igjen med "
                  "SLT_DOCS_DEBUG=1 og send utskriften til utviklerne.", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
