"""The Norwegian argument parser every ``slt-docs`` command is built with.

argparse writes some words of its own ("usage:", "positional arguments",
"options", "show this help message and exit", its error messages). Here they
are replaced where argparse lets a subclass replace them, per parser, never by
patching argparse's module state (a program that imports ``slt_docs.cli``
keeps its own argparse in English):

- :class:`HelpFormatter` writes "bruk:" and keeps the examples of an epilog
  as they are written;
- :class:`Parser` names its argument groups in Norwegian, adds ``-h/--help``
  with Norwegian help, and translates argparse's error messages;
- :class:`CommandsAction` (used by ``add_subparsers`` on a :class:`Parser`)
  takes ``hidden_aliases``: old names that still work but are not shown.

A command module gets all of it by registering its parser with
``sub.add_parser(...)``; nothing else to do.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

EXIT_BAD_INPUT = 2

USAGE = "bruk: "
POSITIONALS = "argumenter"
OPTIONALS = "valg"
HELP = "vis denne hjelpeteksten og avslutt"
VERSION_HELP = "vis versjonsnummeret og avslutt"

_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(english), norwegian) for english, norwegian in (
        (r"^the following arguments are required: (.*)$", r"disse argumentene mangler: \1"),
        (r"^unrecognized arguments: (.*)$", r"ukjente argumenter: \1"),
        (r"^argument (.*?): expected one argument$", r"\1 trenger en verdi"),
        (r"^argument (.*?): expected at most one argument$", r"\1 tar høyst én verdi"),
        (r"^argument (.*?): expected at least one argument$", r"\1 trenger minst én verdi"),
        (r"^argument (.*?): expected (\d+) arguments?$", r"\1 trenger \2 verdier"),
        (r"^argument (.*?): ignored explicit argument (.*)$",
         r"\1 tar ingen verdi (fikk \2)"),
        (r"^argument (.*?): not allowed with argument (.*)$",
         r"\1 kan ikke brukes sammen med \2"),
        (r"^argument (.*?): invalid (\S+) value: (.*)$", r"\1: ugyldig verdi \3"),
        (r"^argument (.*?): (.*)$", r"\1: \2"),
        (r"^one of the arguments (.*) is required$", r"ett av argumentene \1 må være med"),
        (r"^ambiguous option: (\S+) could match (.*)$",
         r"\1 er tvetydig; det kan bety \2"),
        (r"^unexpected option string: (.*)$", r"uventet valg: \1"),
    )
)


def translate_error(message: str) -> str:
    """argparse's English error ``message`` in Norwegian (unchanged when it
    is already ours)."""
    for pattern, norwegian in _ERRORS:
        if pattern.match(message):
            return pattern.sub(norwegian, message)
    return message


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with "bruk:" and examples kept as written.

    Description and epilog are split in paragraphs at blank lines; a
    paragraph whose lines are indented (examples) is kept line by line, the
    others are wrapped to the terminal's width."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 26,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, width)
        self._action_max_length = 14  # room for the longest command name (kontroller)

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[Any], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        paragraphs = re.split(r"\n\s*\n", textwrap.dedent(text).strip("\n"))
        out = []
        for paragraph in paragraphs:
            lines = paragraph.splitlines()
            if any(line.startswith((" ", "\t")) for line in lines[1:]) or \
                    lines[0].startswith((" ", "\t")):
                out.append("\n".join(indent + line for line in lines))
            else:
                out.append(textwrap.fill(" ".join(line.strip() for line in lines), width,
                                         initial_indent=indent, subsequent_indent=indent))
        return "\n\n".join(out)


class CommandsAction(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands with hidden aliases: ``add_parser("lag",
    hidden_aliases=["render"])`` answers to both names and shows only the
    first in help and in error messages."""

    def add_parser(self, name: str, *, hidden_aliases: Sequence[str] = (),
                   **kwargs: Any) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = super().add_parser(name, **kwargs)
        for alias in hidden_aliases:
            self._name_parser_map[alias] = parser
            self.aliases[alias] = name
        return parser

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.aliases: dict[str, str] = {}

    def visible_names(self) -> list[str]:
        """The names shown in help (hidden aliases left out)."""
        return [action.dest for action in self._choices_actions]


class Parser(argparse.ArgumentParser):
    """argparse in Norwegian, with exit status 2 on bad arguments."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self.register("action", "parsers", CommandsAction)
        self._positionals.title = POSITIONALS
        self._optionals.title = OPTIONALS
        if add_help:
            self.add_argument("-h", "--help", action="help",
                              default=argparse.SUPPRESS, help=HELP)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", type(self))
        return super().add_subparsers(**kwargs)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is None or value in action.choices:
            return
        names = [str(choice) for choice in action.choices]
        message = f"ugyldig valg «{value}»"
        aliases: dict[str, str] = {}
        if isinstance(action, CommandsAction):
            names, aliases = action.visible_names(), action.aliases
            message = f"ukjent kommando «{value}»"
        close = difflib.get_close_matches(str(value), [*names, *aliases], n=1, cutoff=0.6)
        hint = f"; mente du «{aliases.get(close[0], close[0])}»?" if close else ""
        about = None if isinstance(action, CommandsAction) else action
        raise argparse.ArgumentError(about, f"{message}{hint} (velg en av: {', '.join(names)})")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: feil: {translate_error(message)}\n")


def examples(*lines: str) -> str:
    """An epilog of example command lines, each with an optional comment
    after ``#``: ``examples("slt-docs lag examples/aukra   # alle dokumentene")``."""
    return "Eksempler:\n" + "\n".join(f"  {line}" for line in lines)
