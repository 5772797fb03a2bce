"""The ``slt-docs`` command. Each command is a module of its own here and is
thin: it parses arguments, calls the library and prints the outcome in
Norwegian. A new command is a module with ``register(sub)`` added to
:data:`COMMANDS`.

Exit status: 0 success; 2 bad input (data, template or arguments) or a
fault of the machine (a file that cannot be written or read: see
:mod:`slt_docs.cli.common`); 130 stopped by Ctrl-C and 143 by SIGTERM
(nothing half-written is left; the message names the files already
complete); 1 an internal error (a bug: reported without a traceback unless
``SLT_DOCS_DEBUG=1``).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from .. import __version__
from ..errors import SltError
from ..files import journal
from . import (
    aarshjul,
    calendar,
    check,
    dump,
    endringer,
    importer,
    render,
    rull,
    scaffold,
    schema,
    template,
)
from .common import (
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    Parser,
    Terminated,
    examples,
    flush_stdout,
    interrupted,
    os_error_message,
    stopped_by_signal,
)
from .parser import VERSION_HELP

COMMANDS = (scaffold, importer, check, render, rull, endringer, aarshjul, calendar, dump, schema,
            template)
"""The command modules, in the order ``--help`` lists them."""

__all__ = ["EXIT_BAD_INPUT", "EXIT_INTERNAL", "EXIT_OK", "build_parser", "main", "run"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = Parser(
        prog="slt-docs",
        description="Lag SLT-dokumentene til en kommune (handlingsplan, møteplan med "
        "årshjul, mandat, tiltakstabell) som Word-filer fra kommunens data i YAML, på "
        "bokmål eller nynorsk. «slt-docs KOMMANDO --help» forklarer hver kommando.",
        epilog=examples(
            "slt-docs ny nye-kommune --navn \"Nye kommune\" --lang nn",
            "slt-docs kontroller nye-kommune",
            "slt-docs lag nye-kommune -o dokumenter/",
            "slt-docs lag examples/aukra --doc handlingsplan -o handlingsplan.docx"),
    )
    parser.add_argument("--version", action="version", version=f"slt-docs {__version__}",
                        help=VERSION_HELP)
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", title="kommandoer")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    written: list[Path] = []
    try:
        with journal() as written, stopped_by_signal():
            status = func(args)
        flush_stdout()
        return status
    except Terminated:
        print(f"slt-docs: {interrupted('SIGTERM', written)}", file=sys.stderr)
        return 143
    except SltError as exc:
        print(f"slt-docs: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader stopped early (slt-docs normaliser … | head): fine
        return EXIT_OK
    except OSError as exc:  # the machine's fault (disk, rights), not a bug: see common.py
        print(f"slt-docs: {os_error_message(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(f"slt-docs: {interrupted('Ctrl-C', written)}", file=sys.stderr)
        return 130
    except Exception:
        if os.environ.get("SLT_DOCS_DEBUG"):
            traceback.print_exc()
        else:
            print("slt-docs: intern feil i slt_docs (ikke i dataene dine). Kjør igjen med "
                  "SLT_DOCS_DEBUG=1 og send utskriften til utviklerne.", file=sys.stderr)
        return EXIT_INTERNAL


def run() -> NoReturn:
    """The ``slt-docs`` program: :func:`main`, then leave at once.

    A finished command has written and closed every file, ended its
    LibreOffice session and removed its temporary folders; what is left is
    the interpreter taking down every object it made (document trees,
    fonts, pictures), which costs a tenth of a second for nothing. So the
    streams are flushed, the exit handlers run (``atexit``, including
    ``weakref.finalize``), and the process ends without that teardown — when
    no other thread is still running, else the normal way."""
    status = main()
    if threading.active_count() > 1:
        sys.exit(status)
    for stream in (sys.stdout, sys.stderr):
        # (a failure of standard output is already reported by main)
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    atexit._run_exitfuncs()
    os._exit(status)
