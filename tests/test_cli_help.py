"""A Norwegian command line: every help text in Norwegian (argparse's own
words too), examples in every command's help that parse, Norwegian command
names with the old English ones as hidden aliases, one option per idea."""

from __future__ import annotations

import argparse
import shlex

import pytest

from slt_docs import cli
from slt_docs.cli.parser import CommandsAction

ENGLISH = ("usage:", "positional arguments", "optional arguments", "options:",
           "show this help", "show program's", "error:", "the following arguments",
           "invalid choice", "unrecognized arguments", "expected one argument")

NAMES = {
    (): ["ny", "importer", "kontroller", "lag", "rull", "endringer", "aarshjul", "kalender",
         "normaliser", "skjema", "mal"],
    ("mal",): ["ny", "kontroller", "pakk", "felt"],
}
OLD_NAMES = {"check": "kontroller", "render": "lag", "calendar": "kalender", "dump": "normaliser",
             "template": "mal", "schema": "skjema", "new": "ny"}


def parsers(parser: argparse.ArgumentParser, path=()):
    """Every (path, parser) of the command tree, hidden aliases left out."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, CommandsAction):
            for name in action.visible_names():
                yield from parsers(action.choices[name], (*path, name))


ALL = list(parsers(cli.build_parser()))


@pytest.mark.parametrize("path, parser", ALL, ids=lambda x: " ".join(x) if
                         isinstance(x, tuple) else "")
def test_help_is_norwegian_and_has_examples(path, parser):
    text = parser.format_help()
    lowered = text.casefold()
    for word in ENGLISH:
        assert word not in lowered, (path, word)
    assert text.startswith("bruk: slt-docs")
    assert "vis denne hjelpeteksten og avslutt" in text
    assert "\nEksempler:\n" in text, f"slt-docs {' '.join(path)} mangler eksempler (epilog)"


@pytest.mark.parametrize("path, parser", ALL, ids=lambda x: " ".join(x) if
                         isinstance(x, tuple) else "")
def test_every_example_in_the_help_parses(path, parser):
    examples = parser.epilog.split("Eksempler:\n", 1)[1].splitlines()
    assert examples
    top = cli.build_parser()
    for line in examples:
        for command in line.split("#")[0].split("&&"):
            words = shlex.split(command)
            assert words[0] == "slt-docs", line
            args = top.parse_args(words[1:])
            assert getattr(args, "func", None) is not None, line


def test_command_names_are_norwegian_in_the_shown_order():
    for path, parser in ALL:
        if path in NAMES:
            [action] = [a for a in parser._actions if isinstance(a, CommandsAction)]
            assert action.visible_names() == NAMES[path]


@pytest.mark.parametrize("old, new", sorted(OLD_NAMES.items()))
def test_old_english_names_work_and_are_hidden(old, new):
    parser = cli.build_parser()
    action = next(a for a in parser._actions if isinstance(a, CommandsAction))
    assert action.choices[old] is action.choices[new]
    assert old not in parser.format_help().split("Eksempler:")[0]


@pytest.mark.parametrize("old, new", [("new", "ny"), ("check", "kontroller"), ("pack", "pakk"),
                                      ("fields", "felt")])
def test_old_template_subcommands_work(old, new):
    parser = cli.build_parser()
    args = parser.parse_args(["template", old, "x"] if old != "fields" else ["mal", old])
    expected = parser.parse_args(["mal", new, "x"] if new != "felt" else ["mal", new])
    assert args.func == expected.func


@pytest.mark.parametrize("argv", [
    ["lag", "d", "--organ", "styrande"], ["lag", "d", "--level", "styrande"],
    ["lag", "d", "--body", "styrande"], ["kalender", "d", "--organ", "styrande"],
    ["kalender", "d", "--body", "styrande"], ["calendar", "d", "--level", "styrande"]])
def test_one_option_for_a_body_with_the_old_names_hidden(argv):
    args = cli.build_parser().parse_args(argv)
    assert args.organ == "styrande"
    for path, parser in ALL:
        text = parser.format_help()
        assert "--level" not in text and "--body" not in text, path


def test_one_option_for_the_written_standard():
    parser = cli.build_parser()
    assert parser.parse_args(["ny", "k", "--lang", "nn"]).spraak == "nn"
    assert parser.parse_args(["ny", "k", "--spraak", "nn"]).spraak == "nn"
    assert parser.parse_args(["lag", "k", "--lang", "nn"]).lang == "nn"
    for path, sub in ALL:
        assert "--spraak" not in sub.format_help(), path


def test_errors_are_norwegian_with_a_suggestion(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["rendr", "x"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("bruk: slt-docs")
    assert ("feil: ukjent kommando «rendr»; mente du «lag»? (velg en av: ny, importer, "
            "kontroller") in err
    with pytest.raises(SystemExit):
        cli.main(["lag", "x", "--tabell", "stor"])
    err = capsys.readouterr().err
    assert "slt-docs lag: feil: --tabell: ugyldig valg «stor» (velg en av: enkel, full)" in err
    with pytest.raises(SystemExit):
        cli.main(["lag", "x", "--ukjent"])
    assert "feil: ukjente argumenter: --ukjent" in capsys.readouterr().err


def test_a_command_module_added_later_gets_the_norwegian_machinery():
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, CommandsAction))
    extra = sub.add_parser("arkiver", hidden_aliases=["archive"], help="arkiver året",
                           epilog="Eksempler:\n  slt-docs arkiver aukra")
    extra.add_argument("fil")
    text = extra.format_help()
    assert text.startswith("bruk: slt-docs arkiver [-h] fil")
    assert "argumenter:" in text and "valg:" in text
    assert parser.parse_args(["archive", "x"]).fil == "x"
    assert "archive " not in parser.format_help() and "arkiver " in parser.format_help()
