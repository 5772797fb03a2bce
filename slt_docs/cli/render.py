"""``slt-docs lag``: make the documents (and PDFs)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from pathlib import Path

from ..batch import KommuneResult, default_jobs, find_kommuner, is_kommune, render_many
from ..data.converter import InvalidValue, parse_date
from ..documents import DocKind, output_name, parse_kind, render, render_all
from ..errors import SltError
from ..files import is_folder
from ..models import SltData
from ..render.pdf import OfficeMissing, OfficeSession, export_pdf
from ..render.toc import has_toc
from .common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    count,
    examples,
    notices,
    plan_to_compare,
    read_or_report,
)


def _parse_delmaal(text: str | None) -> tuple[int, ...]:
    if not text:
        return ()
    try:
        return tuple(int(part) for part in text.replace(" ", "").split(",") if part)
    except ValueError as exc:
        raise SltError(f"--delmaal må være tall skilt med komma, f.eks. 1,3 (fikk «{text}»)") \
            from exc


def _parse_dato(text: str | None) -> dt.date | None:
    """``--dato`` in any form a date may have in the data (2021-05-01, 1.5.2021,
    1. mai 2021)."""
    if not text:
        return None
    try:
        return parse_date(text)
    except InvalidValue as exc:
        raise SltError(f"--dato: {exc}") from exc


def cmd_render(args: argparse.Namespace) -> int:
    """``slt-docs lag PATH [--doc KIND] [-o OUT] [--pdf]``: make the documents.

    One LibreOffice session serves the whole command: the page numbers of
    every table of contents and every PDF. Without LibreOffice the
    documents are still made (tables of contents without page numbers),
    unless ``--pdf`` asks for what only LibreOffice can do. Several paths, a
    folder of kommune folders or ``--jobs`` make many kommuner at once
    (:func:`cmd_batch`)."""
    if _is_batch(args):
        return cmd_batch(args)
    args.path = args.path[0]
    data = read_or_report(args.path, "ingen dokumenter laget")
    if data is None:
        return EXIT_BAD_INPUT
    if args.pdf and args.uten_libreoffice:
        raise SltError("--pdf trenger LibreOffice og kan ikke brukes med --uten-libreoffice")
    office, missing = None, None
    if not args.uten_libreoffice:
        try:
            office = OfficeSession()
        except OfficeMissing as exc:
            if args.pdf:
                raise
            missing = exc
    with office if office is not None else contextlib.nullcontext():
        written = _render(args, data, office)
        if args.pdf and args.doc:  # (for all documents, render_all writes them all at once)
            assert office is not None
            written += [export_pdf(office, p, p.with_suffix(".pdf"))
                        for p in written if p.suffix == ".docx"]
        for path in written:
            print(f"skrev {path}")
        if missing is not None and any(
                p.suffix == ".docx" and has_toc(p.read_bytes()) for p in written):
            print(f"merk: {missing}; innholdsfortegnelsen får ingen sidetall før den oppdateres "
                  "i Word (F9)", file=sys.stderr)
    return EXIT_OK


def _render(args: argparse.Namespace, data: SltData, office: OfficeSession | None) -> list[Path]:
    delmaal = _parse_delmaal(args.delmaal)
    dato = _parse_dato(args.dato)
    if args.fragment and not (args.doc and parse_kind(args.doc) is DocKind.nettside):
        raise SltError("--fragment gjelder nettsiden; bruk den med --doc nettside")
    if args.forrige and not (args.doc and parse_kind(args.doc) is DocKind.endringsoversikt):
        raise SltError("--forrige gjelder endringsoversikten; bruk den med --doc "
                       "endringsoversikt")
    if args.doc:
        kind = parse_kind(args.doc)
        output = args.output or Path(output_name(kind))
        if is_folder(output) or str(output).endswith(("/", os.sep)):
            output = output / output_name(kind, args.organ, args.lang)
        forrige = None
        if args.forrige is not None:
            forrige = read_or_report(args.forrige, "ingen dokumenter laget")
            if forrige is None:
                raise SltError(f"{args.forrige}: den forrige versjonen av planen har feil")
            plan_to_compare(args.forrige, forrige)
            plan_to_compare(args.path, data)
        with notices():
            render(data, kind, lang=args.lang, output=output, organ=args.organ,
                   delmaal=delmaal, form=args.tabell, template=args.template,
                   profile=args.profile, dato=dato, fragment=args.fragment, office=office,
                   aar=args.aar, forrige=forrige)
        return [output]
    with notices():
        return render_all(data, args.output or Path("out"), lang=args.lang, form=args.tabell,
                          template=args.template, profile=args.profile, dato=dato,
                          office=office, pdf=args.pdf)


def _is_batch(args: argparse.Namespace) -> bool:
    """Many kommuner: several paths, ``--jobs``, or a folder of kommune folders."""
    if len(args.path) > 1 or args.jobs is not None:
        return True
    path = args.path[0]
    return path.is_dir() and not is_kommune(path)


def cmd_batch(args: argparse.Namespace) -> int:
    """Every document of many kommuner, each into ``UT/<folder name>/``, in
    parallel, with a progress bar and a summary; exit 2 when any was refused."""
    for option in ("doc", "organ", "delmaal", "fragment", "aar", "forrige"):
        if getattr(args, option):
            raise SltError(f"--{option} gjelder én kommune; for mange kommuner lages alle "
                           "dokumentene hver av dem gir grunnlag for")
    if args.pdf and args.uten_libreoffice:
        raise SltError("--pdf trenger LibreOffice og kan ikke brukes med --uten-libreoffice")
    if args.jobs is not None and args.jobs < 1:
        raise SltError(f"--jobs må være 1 eller mer (fikk {args.jobs})")
    kommuner = find_kommuner(args.path)
    jobs = min(args.jobs or default_jobs(), len(kommuner))
    output = args.output or Path("out")
    libreoffice = not args.uten_libreoffice
    if libreoffice and not args.pdf:
        try:
            OfficeSession()  # finds LibreOffice; starts nothing
        except OfficeMissing as exc:
            print(f"merk: {exc}; innholdsfortegnelsene får ingen sidetall før de oppdateres i "
                  "Word (F9)", file=sys.stderr)
            libreoffice = False
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(),
               MofNCompleteColumn(), TextColumn("kommuner"), TimeElapsedColumn(),
               TextColumn("igjen"), TimeRemainingColumn())
    with Progress(*columns, console=console, refresh_per_second=4) as bar:
        task = bar.add_task(f"lager dokumenter ({count(jobs, 'prosess', 'prosesser')})",
                            total=len(kommuner))

        def advance(result: KommuneResult) -> None:
            bar.advance(task)
            if not result.ok:
                bar.console.print(f"avvist: {result.kommune} ({result.kilde})", style="red",
                                  highlight=False, markup=False)

        with notices():
            results = render_many(kommuner, output, jobs=jobs, lang=args.lang, form=args.tabell,
                                  template=args.template, profile=args.profile, pdf=args.pdf,
                                  libreoffice=libreoffice, dato=_parse_dato(args.dato),
                                  progress=advance)
    return _summary(results, output)


def _summary(results: list[KommuneResult], output: Path) -> int:
    """Print what was made (stdout) and what was refused, with every located
    problem (stderr); the exit status."""
    done = [r for r in results if r.ok]
    refused = [r for r in results if not r.ok]
    docs = sum(len(r.documents) for r in done)
    files = sum(len(r.filer) for r in done)
    print(f"{len(done)} av {count(len(results), 'kommune', 'kommuner')} laget: "
          f"{count(docs, 'dokument', 'dokumenter')} skrevet i {output} "
          f"({count(files, 'fil', 'filer')} i alt, én mappe per kommune)")
    for r in results:
        if r.ok and r.advarsler:
            print(f"{r.kommune}: {count(len(r.advarsler), 'advarsel', 'advarsler')} i dataene "
                  f"(se «slt-docs kontroller {r.kilde}»)")
    if not refused:
        return EXIT_OK
    print(f"\n{count(len(refused), 'kommune', 'kommuner')} avvist (ingen filer skrevet for "
          f"{'den' if len(refused) == 1 else 'dem'}):", file=sys.stderr)
    for r in refused:
        print(f"\n{r.kommune} ({r.kilde}): {r.melding}", file=sys.stderr)
        for problem in r.problems:
            print(f"  {problem}", file=sys.stderr)
    return EXIT_BAD_INPUT


def register(sub: argparse._SubParsersAction) -> None:
    """``slt-docs lag`` (old name ``render``)."""
    rend = sub.add_parser(
        "lag", hidden_aliases=["render"],
        help="lag dokumentene (handlingsplan, mandat, tiltak, møteplan) som .docx og "
        "nettsiden som .html",
        description="Lag Word-dokumentene fra kommunens data. Uten --doc lages alle "
        "dokumentene dataene gir grunnlag for (og årshjulet som bilde, kalenderen og "
        "nettsiden), i mappa out/. Flere stier, eller en mappe med kommunemapper, lager "
        "alle dokumentene for hver kommune i UT/<mappenavn>/, i parallelle prosesser (--jobs).",
        epilog=examples(
            "slt-docs lag examples/aukra                      # alt, i out/",
            "slt-docs lag examples/aukra -o aukra/ --pdf      # alt, også som PDF",
            "slt-docs lag examples/aukra --doc handlingsplan --lang nb -o plan-nb.docx",
            "slt-docs lag examples/aukra --doc mandat --organ koordinerande -o mandat.docx",
            "slt-docs lag examples/aukra --doc tiltak --delmaal 1,3 --tabell enkel",
            "slt-docs lag examples/nes --doc nettside -o slt.html",
            "slt-docs lag examples/nes --doc moteplan --profile examples/profiler/"
            "gronn-sans.docx",
            "slt-docs lag examples/ -o ut/                    # hver kommunemappe i ut/<mappe>/",
            "slt-docs lag examples/aukra examples/nes -o ut/ --jobs 2 --pdf"))
    rend.add_argument("path", type=Path, nargs="+", metavar="STI",
                      help="kommunemappe eller YAML-fil; flere, eller en mappe med "
                      "kommunemapper, lager alle dokumentene for hver kommune i UT/<mappenavn>/")
    rend.add_argument("--doc", metavar="TYPE",
                      help="handlingsplan, mandat, tiltak, moteplan, statusrapport, "
                      "endringsoversikt eller nettside (uten: alle dokumenter dataene gir "
                      "grunnlag for, kalenderen og nettsiden)")
    rend.add_argument("-o", "--output", type=Path, metavar="UT",
                      help="fil (med --doc) eller mappe (uten --doc; standard: out/)")
    rend.add_argument("--lang", metavar="SPRÅK",
                      help="nb (bokmål) eller nn (nynorsk); standard: kommunens språk")
    rend.add_argument("--organ", dest="organ", metavar="ORGAN",
                      help="for --doc mandat: nivå (styrende/styrande …) eller organets navn/id")
    rend.add_argument("--level", "--body", dest="organ", help=argparse.SUPPRESS)
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
    rend.add_argument("--pdf", action="store_true",
                      help="lag også PDF/UA (universelt utformet PDF) med LibreOffice")
    rend.add_argument("--jobs", "-j", type=int, metavar="N",
                      help="for mange kommuner: antall prosesser som arbeider samtidig, hver med "
                      "sin LibreOffice (standard: alle prosessorkjernene)")
    rend.add_argument("--uten-libreoffice", action="store_true",
                      help="ikke bruk LibreOffice: raskere, men innholdsfortegnelsen får ingen "
                      "sidetall før den oppdateres i Word (F9)")
    rend.add_argument("--dato", metavar="DATO",
                      help="for nettsiden: vis de neste møtene fra og med denne dagen, f.eks. "
                      "2021-05-01 eller 1.5.2021 (standard: i dag)")
    rend.add_argument("--fragment", action="store_true",
                      help="for --doc nettside: bare innholdet, uten <html> og <head>, til å lime "
                      "inn i kommunens publiseringsløsning")
    rend.add_argument("--aar", type=int, metavar="ÅR",
                      help="for --doc statusrapport: året statusen gjelder (standard: det "
                      "siste året med en statusfil)")
    rend.add_argument("--forrige", type=Path, metavar="MAPPE",
                      help="for --doc endringsoversikt: den forrige versjonen av planen "
                      "(kommunemappe) som det sammenlignes med")
    rend.set_defaults(func=cmd_render)
