"""``slt-docs render``: make the documents (and PDFs)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from ..documents import DocKind, output_name, parse_kind, render, render_all, write_page
from ..errors import SltError
from ..render.pdf import to_pdf
from .common import EXIT_BAD_INPUT, EXIT_OK, notices, read_or_report


def _parse_delmaal(text: str | None) -> tuple[int, ...]:
    if not text:
        return ()
    try:
        return tuple(int(part) for part in text.replace(" ", "").split(",") if part)
    except ValueError as exc:
        raise SltError(f"--delmaal må være tall skilt med komma, f.eks. 1,3 (fikk «{text}»)") \
            from exc


def _parse_dato(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise SltError(f"--dato må være en dato som 2021-05-01 (år-måned-dag), fikk «{text}»") \
            from exc


def cmd_render(args: argparse.Namespace) -> int:
    """``slt-docs render PATH [--doc KIND] [-o OUT]``: make the documents."""
    data = read_or_report(args.path, "ingen dokumenter laget")
    if data is None:
        return EXIT_BAD_INPUT
    delmaal = _parse_delmaal(args.delmaal)
    dato = _parse_dato(args.dato)
    if args.fragment and not (args.doc and parse_kind(args.doc) is DocKind.nettside):
        raise SltError("--fragment gjelder nettsiden; bruk den med --doc nettside")
    if args.doc:
        kind = parse_kind(args.doc)
        output = args.output or Path(output_name(kind))
        if output.is_dir() or str(output).endswith(("/", os.sep)):
            output = output / output_name(kind, args.organ, args.lang)
        with notices():
            render(data, kind, lang=args.lang, output=output, organ=args.organ,
                   delmaal=delmaal, form=args.tabell, template=args.template,
                   profile=args.profile, dato=dato, fragment=args.fragment)
        written = [output]
    else:
        folder = args.output or Path("out")
        with notices():
            written = render_all(data, folder, lang=args.lang, form=args.tabell,
                                 template=args.template, profile=args.profile, dato=dato)
    for path in written:
        print(f"skrev {path}")
    if args.pdf:
        pairs = [(p, p.with_suffix(".pdf")) for p in written if p.suffix == ".docx"]
        updated = to_pdf(pairs)
        for _, pdf in pairs:
            print(f"skrev {pdf}")
        page = next((p for p in written if p.name == output_name(DocKind.nettside)), None)
        if page is not None and not args.doc:
            # the page links the PDFs too, now that they are written
            with notices():
                write_page(data, page, [*written, *(pdf for _, pdf in pairs)], lang=args.lang,
                           template=args.template, profile=args.profile, dato=dato)
        if not updated:
            print("merk: innholdsfortegnelsen i PDF-en ble ikke oppdatert (LibreOffice mangler "
                  "UNO-støtte; installer python3-uno)", file=sys.stderr)
    return EXIT_OK




def register(sub: argparse._SubParsersAction) -> None:
    """``slt-docs render``."""
    rend = sub.add_parser(
        "render", help="lag dokumentene (handlingsplan, mandat, tiltak, møteplan) som .docx og "
        "nettsiden som .html")
    rend.add_argument("path", type=Path, metavar="STI", help="kommunemappe eller YAML-fil")
    rend.add_argument("--doc", metavar="TYPE",
                      help="handlingsplan, mandat, tiltak, moteplan eller nettside (uten: alle "
                      "dokumenter dataene gir grunnlag for, kalenderen og nettsiden)")
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
    rend.add_argument("--dato", metavar="ÅÅÅÅ-MM-DD",
                      help="for nettsiden: vis de neste møtene fra og med denne dagen "
                      "(standard: i dag)")
    rend.add_argument("--fragment", action="store_true",
                      help="for --doc nettside: bare innholdet, uten <html> og <head>, til å lime "
                      "inn i kommunens publiseringsløsning")
    rend.set_defaults(func=cmd_render)
