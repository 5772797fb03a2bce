"""``slt-docs lag``: make the documents (and PDFs)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from pathlib import Path

from ..data.converter import InvalidValue, parse_date
from ..documents import DocKind, output_name, parse_kind, render, render_all, write_page
from ..errors import SltError
from ..files import is_folder
from ..models import SltData
from ..render.pdf import OfficeMissing, OfficeSession, export_pdf
from ..render.toc import has_toc
from .common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
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
    unless ``--pdf`` asks for what only LibreOffice can do."""
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
        for path in written:
            print(f"skrev {path}")
        if missing is not None and any(
                p.suffix == ".docx" and has_toc(p.read_bytes()) for p in written):
            print(f"merk: {missing}; innholdsfortegnelsen får ingen sidetall før den oppdateres "
                  "i Word (F9)", file=sys.stderr)
        if args.pdf:
            assert office is not None
            pdfs = [export_pdf(office, p, p.with_suffix(".pdf"))
                    for p in written if p.suffix == ".docx"]
            for pdf in pdfs:
                print(f"skrev {pdf}")
            page = next((p for p in written if p.name == output_name(DocKind.nettside)), None)
            if page is not None and not args.doc:
                # the page links the PDFs too, now that they are written
                with notices():
                    write_page(data, page, [*written, *pdfs], lang=args.lang,
                               template=args.template, profile=args.profile,
                               dato=_parse_dato(args.dato))
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
                          office=office)


def register(sub: argparse._SubParsersAction) -> None:
    """``slt-docs lag`` (old name ``render``)."""
    rend = sub.add_parser(
        "lag", hidden_aliases=["render"],
        help="lag dokumentene (handlingsplan, mandat, tiltak, møteplan) som .docx og "
        "nettsiden som .html",
        description="Lag Word-dokumentene fra kommunens data. Uten --doc lages alle "
        "dokumentene dataene gir grunnlag for (og årshjulet som bilde, kalenderen og "
        "nettsiden), i mappa out/.",
        epilog=examples(
            "slt-docs lag examples/aukra                      # alt, i out/",
            "slt-docs lag examples/aukra -o aukra/ --pdf      # alt, også som PDF",
            "slt-docs lag examples/aukra --doc handlingsplan --lang nb -o plan-nb.docx",
            "slt-docs lag examples/aukra --doc mandat --organ koordinerande -o mandat.docx",
            "slt-docs lag examples/aukra --doc tiltak --delmaal 1,3 --tabell enkel",
            "slt-docs lag examples/nes --doc nettside -o slt.html",
            "slt-docs lag examples/nes --doc moteplan --profile examples/profiler/"
            "gronn-sans.docx"))
    rend.add_argument("path", type=Path, metavar="STI", help="kommunemappe eller YAML-fil")
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
