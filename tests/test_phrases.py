"""Every phrase slt_docs generates, in bokmål and nynorsk, against a table a
Norwegian reader reviews: ``tests/test_phrases/phrases.md``.

The table has two parts. *The catalogs*: every message of
``templates/lang/slt_docs.pot`` with its nb and nn translation (a context's
words — weekdays, months, numbers … — on one line each, placeholders shown as
``{body}``). *The views*: the phrases the view code composes from those words
and the data — meeting frequencies, definite names, «Vedteken»/«Vedteke»,
headings, dates, rules — made by calling that code with sample data.

A changed word or a new message changes the table, and this test fails until
the table is regenerated (``python3 -m pytest tests/test_phrases.py
--force-regen``) and the diff has been read like code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from babel.lists import format_list
from babel.messages.pofile import read_po
from conftest import REPO

from slt_docs.lang import get_language
from slt_docs.lang.labels import DOCUMENT_NOUNS
from slt_docs.models import (
    Frekvens,
    Gruppe,
    Moteregel,
    Moteserie,
    Moteverksemd,
    Nivaa,
    NivaaType,
    Organisasjon,
    Tidsenhet,
    Tidsrom,
    Ukedag,
    Vedtak,
)
from slt_docs.schedule import describe_rule, describe_series
from slt_docs.view.common import definite_name, frequency_line, frequency_text, size_text
from slt_docs.view.document import adopted_text, running_header

POT = REPO / "templates" / "lang" / "slt_docs.pot"
NB, NN = get_language("nb"), get_language("nn")

GROUPED = ("weekday", "weekday-abbr", "month", "month-abbr", "number", "number-neuter",
           "ordinal", "holiday", "definite-ending", "adopted", "definite")
"""Contexts shown as one line each, in the catalog's order of msgids."""

ORDER = {
    "weekday": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "month": ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"),
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\u00a0", " ").replace("\u2060", "")


def _catalog_rows() -> list[tuple[str, str, str]]:
    with POT.open("rb") as fh:
        pot = read_po(fh)
    rows: list[tuple[str, str, str]] = []
    grouped: dict[str, list[str]] = {}
    for message in pot:
        if not message.id:
            continue
        if message.context in GROUPED:
            grouped.setdefault(message.context, []).append(message.id)
            continue
        if isinstance(message.id, tuple):
            singular, plural = message.id
            rows.append((f"{singular} / {plural}",
                         *(f"{lang.ngettext(singular, plural, 1)} / "
                           f"{lang.ngettext(singular, plural, 2)}" for lang in (NB, NN))))
        else:
            rows.append((message.id, NB.gettext(message.id), NN.gettext(message.id)))
    rows.sort(key=lambda r: r[0].casefold())
    for context in GROUPED:
        ids = grouped.get(context, [])
        order = ORDER.get(context.removesuffix("-abbr"))
        if order:
            ids = sorted(ids, key=order.index)
        else:
            ids = sorted(ids, key=lambda i: (0, int(i), "") if i.lstrip("-").isdigit()
                         else (1, 0, i))

        def words(lang, ids=ids, context=context):
            if context in ("weekday", "weekday-abbr"):
                return " ".join(lang.weekday(i, short=context.endswith("abbr"))
                                for i in range(7))
            if context in ("month", "month-abbr"):
                return " ".join(lang.month(i, short=context.endswith("abbr"))
                                for i in range(1, 13))
            return " · ".join(lang.pgettext(context, i) or "–" for i in ids)

        rows.append((f"[{context}] {' · '.join(ids)}", words(NB), words(NN)))
    return rows


def _level(kind: NivaaType, name: str | None = None, **kw: object) -> Nivaa:
    return Nivaa(type=kind, navn=name, **kw)


def _view_rows() -> list[tuple[str, Callable[..., str]]]:
    day = dt.date(2022, 1, 25)
    time = Tidsrom(start=dt.time(13), slutt=dt.time(15))
    freqs = [
        ("4 a year, 2 hours", Moteverksemd(antall=4, timer=2)),
        ("5 a year, 2 hours, the last 4",
         Moteverksemd(antall=5, timer=2, siste_moete_timer=4)),
        ("at least 1 every half-year", Moteverksemd(antall=1, per=Tidsenhet.halvaar, minst=True)),
        ("as needed, at least 6 a year", Moteverksemd(antall=6, minst=True, ved_behov=True)),
        ("as needed", Moteverksemd(ved_behov=True)),
        ("about 3 a year", Moteverksemd(antall=3, omtrent=True)),
        ("1 a month", Moteverksemd(antall=1, per=Tidsenhet.maaned)),
        ("2 a week, 1.5 hours", Moteverksemd(antall=2, per=Tidsenhet.uke, timer=1.5)),
        ("1 a year", Moteverksemd(antall=1)),
        ("own text", Moteverksemd(antall=4, tekst="Fire møter i året à to timer per møte")),
    ]
    rows: list[tuple[str, Callable[..., str]]] = []
    for what, freq in freqs:
        rows.append((f"frequency: {what}", lambda lang, f=freq: frequency_line(f, lang)))
    names = ["Koordineringsgruppe", "Koordineringsgruppa", "Styringsgruppe/politiråd",
             "Politiråd", "Politirådet i Aukra", "SLT-innsatsteam", "Arbeidsgruppe for SLT-seminar",
             "Frokostseminar", "Ung i Aukra", "Kommunalt utvalg", "Kommunalt utval"]
    for name in names:
        rows.append((f"definite name: {name}",
                     lambda lang, n=name: definite_name(Gruppe(navn=n), lang)))
    for kind in NivaaType:
        rows.append((f"definite name: unnamed {kind.value} level",
                     lambda lang, k=kind: definite_name(_level(k), lang)))
    rows.append(("definite name given in the data: Styringsgruppa (politirådet)",
                 lambda lang: definite_name(Gruppe(navn="Styringsgruppe/politiråd",
                                                   bestemt_form="Styringsgruppa (politirådet)"),
                                            lang)))
    rows.append(("meeting frequency section: Koordineringsgruppe, as needed and at least 6",
                 lambda lang: lang.gettext("{body} has {frequency}.").format(
                     body=definite_name(Gruppe(navn="Koordineringsgruppe"), lang),
                     frequency=frequency_text(Moteverksemd(antall=6, minst=True,
                                                           ved_behov=True), lang))))
    rows.append(("meeting frequency section: unnamed executive level, about 3 a year",
                 lambda lang: lang.gettext("{body} has {frequency}.").format(
                     body=definite_name(_level(NivaaType.utforende), lang),
                     frequency=frequency_text(Moteverksemd(antall=3, omtrent=True), lang))))
    rows.append(("meeting arena: «Ung i Aukra», 4 a year, 2 hours",
                 lambda lang: lang.gettext("{arena} with {frequency}").format(
                     arena="«Ung i Aukra»",
                     frequency=frequency_text(Moteverksemd(antall=4, timer=2), lang))))
    for kind in DOCUMENT_NOUNS:
        rows.append((f"adopted ({kind}): in Koordineringsgruppa 3 Dec 2020, case 12/20",
                     lambda lang, k=kind: adopted_text(
                         Vedtak(av="Koordineringsgruppa", dato=dt.date(2020, 12, 3),
                                sak="sak 12/20"), lang, lang.adopted(k))))
    rows += [
        ("level heading (default)", lambda lang: f"{lang.label('styrende')} – Politirådet"),
        ("mandate title: Styringsgruppe/politiråd", lambda lang: lang.gettext(
            "Mandate for {body}").format(body=definite_name(Gruppe(navn="Styringsgruppe/politiråd"),
                                                            lang))),
        ("look back heading", lambda lang: lang.gettext("Looking back on {year}").format(
            year=2021)),
        ("look back meeting (default)", lambda lang: lang.gettext(
            "{ordinal} meeting of {body}").format(
                ordinal=lang.ordinal_word(1).capitalize(),
                body=definite_name(Gruppe(navn="Koordineringsgruppe"), lang))),
        ("strategy goals prepared 09.06.2020", lambda lang: lang.gettext(
            "{title}, prepared {date}").format(title=lang.label("strategimaal"),
                                                date="09.06.2020")),
        ("budget sentence: 10 000", lambda lang: lang.gettext(
            "May decide on the use of funds within a yearly budget of {amount}.").format(
                amount=lang.amount(10_000))),
        ("size: about 20 / about 1", lambda lang: size_text(Gruppe(navn="X", storrelse=20), lang)
         + " / " + size_text(Gruppe(navn="X", storrelse=1), lang)),
        ("participants: 50 / 1", lambda lang: " / ".join(
            lang.ngettext("{count} participant", "{count} participants", n).format(
                count=lang.number(n)) for n in (50, 1))),
        ("goals and measures heading", lambda lang: lang.gettext(
            "Goals and measures {period}").format(period=lang.year_range(2022, 2025))),
        ("meeting plan title", lambda lang: lang.gettext(
            "Meeting plan for the SLT work {year}").format(year=2021)),
        ("running header", lambda lang: running_header("Aukra kommune", "Aukra",
                                                       "SLT Handlingsplan 2022")),
        ("date, full / short / no weekday / short month", lambda lang: " / ".join((
            lang.date(dt.date(2022, 3, 4)), lang.date(dt.date(2022, 3, 4), short=True, year=False),
            lang.date(dt.date(2022, 3, 4), weekday=False),
            lang.date(dt.date(2022, 9, 14), weekday=False, short_month=True)))),
        ("date and time in a table", lambda lang: lang.date_time(day, time)),
        ("grid day", lambda lang: f"{lang.weekday(day, short=True)} {day.day}."),
        ("time range / without kl. / start only", lambda lang: " / ".join((
            lang.time_range(time), lang.time_range(time, prefix=False),
            lang.time_range(Tidsrom(start=dt.time(18)))))),
        ("amount / number / years", lambda lang: " / ".join((
            lang.amount(950_000), lang.number(1234.5), lang.year_range(2022, 2025)))),
        ("hours: 1 / 2 / 1.5", lambda lang: " / ".join(lang.hours(h) for h in (1, 2, 1.5))),
        ("list joining", lambda lang: format_list(["Kultursjef", "SLT-koordinator", "Bufdir"],
                                                  locale=lang.locale)),
        ("status: postponed to the autumn because of Covid-19", lambda lang: " ".join((
            lang.gettext("{status} to {when}").format(status=lang.label("status_utsatt"),
                                                      when="høsten"),
            lang.gettext("because of {reason}").format(reason="Covid-19")))),
        ("status: moved from 4 March", lambda lang: f"({lang.label('status_flyttet')} "
         + lang.gettext("from {date}").format(date=lang.date(dt.date(2022, 3, 4), weekday=False,
                                                             year=False)) + ")"),
    ]
    rules = [
        ("first Wednesday of the month, 08.00–09.30",
         Moteregel(ukedag=Ukedag.onsdag, nr=1), Tidsrom(start=dt.time(8), slutt=dt.time(9, 30))),
        ("last Friday of the month", Moteregel(ukedag=Ukedag.fredag, nr=-1), None),
        ("second-last Thursday of the month", Moteregel(ukedag=Ukedag.torsdag, nr=-2), None),
        ("every other Tuesday", Moteregel(frekvens=Frekvens.ukentlig, intervall=2,
                                          ukedag=Ukedag.tirsdag), None),
        ("every Monday", Moteregel(frekvens=Frekvens.ukentlig, ukedag=Ukedag.mandag), None),
        ("every third Sunday", Moteregel(frekvens=Frekvens.ukentlig, intervall=3,
                                         ukedag=Ukedag.sondag), None),
        ("second Tuesday in Feb, May, Sep, Nov",
         Moteregel(ukedag=Ukedag.tirsdag, nr=2, maaneder=(2, 5, 9, 11)), None),
        ("first Saturday of every other month", Moteregel(ukedag=Ukedag.lordag, nr=1, intervall=2),
         None),
        ("first Thursday of every third month", Moteregel(ukedag=Ukedag.torsdag, nr=1,
                                                          intervall=3), None),
        ("day 15 of the month", Moteregel(dag=15), None),
        ("day 15 of every other month", Moteregel(dag=15, intervall=2), None),
        ("day 1 of every third month", Moteregel(dag=1, intervall=3), None),
        ("day 15 of March and June", Moteregel(dag=15, maaneder=(3, 6)), None),
        ("every Wednesday in April", Moteregel(frekvens=Frekvens.ukentlig, ukedag=Ukedag.onsdag,
                                               maaneder=(4,)), None),
    ]
    for what, rule, tid in rules:
        rows.append((f"rule: {what}", lambda lang, r=rule, t=tid: describe_rule(r, t, lang)))
    rows.append(("rule: first Wednesday, not in July", lambda lang: describe_series(
        Moteserie(organ="x", regel=Moteregel(ukedag=Ukedag.onsdag, nr=1),
                  hopp_over_maaneder=(7,)), lang, org=Organisasjon())))
    return rows


def phrase_table() -> str:
    lines = [
        "# Generated phrases, bokmål and nynorsk",
        "",
        "Every word slt_docs writes that is not the kommune's own. Reviewed by a",
        "Norwegian reader; regenerate with `python3 -m pytest tests/test_phrases.py",
        "--force-regen` and read the diff.",
        "",
        "## The catalogs (templates/lang)",
        "",
        "| message | nb | nn |",
        "|---|---|---|",
    ]
    lines += [f"| {_cell(a)} | {_cell(b)} | {_cell(c)} |" for a, b, c in _catalog_rows()]
    lines += [
        "",
        "## Phrases the views compose (sample data)",
        "",
        "| what | nb | nn |",
        "|---|---|---|",
    ]
    lines += [f"| {_cell(what)} | {_cell(make(NB))} | {_cell(make(NN))} |"
              for what, make in _view_rows()]
    return "\n".join(lines) + "\n"


def test_phrase_table(file_regression):
    file_regression.check(phrase_table(), extension=".md", basename="phrases")


def test_every_catalog_message_is_in_the_table():
    table = phrase_table()
    with POT.open("rb") as fh:
        pot = read_po(fh)
    for message in pot:
        if message.id:
            msgid = message.id[0] if isinstance(message.id, tuple) else message.id
            assert _cell(msgid) in table, msgid


@pytest.mark.parametrize(("lang", "expected"), [
    (NB, ["ma.", "ti.", "on.", "to.", "fr.", "lø.", "sø."]),
    (NN, ["må.", "ty.", "on.", "to.", "fr.", "lau.", "su."]),
], ids=["nb", "nn"])
def test_weekday_abbreviations_are_spraakraadets(lang, expected):
    assert [lang.weekday(i, short=True) for i in range(7)] == expected


@pytest.mark.parametrize(("kind", "nb", "nn"), [
    ("handlingsplan", "Vedtatt", "Vedteken"),
    ("moteplan", "Vedtatt", "Vedteken"),
    ("mandat", "Vedtatt", "Vedteke"),
])
def test_adopted_agrees_with_the_document(kind, nb, nn):
    assert NB.adopted(kind) == nb
    assert NN.adopted(kind) == nn


@pytest.mark.parametrize(("name", "definite"), [
    ("Koordineringsgruppe", "Koordineringsgruppa"),
    ("Koordineringsgruppa", "Koordineringsgruppa"),
    ("Styringsgruppe/politiråd", "Styringsgruppa/politirådet"),
    ("Arbeidsgruppe for SLT-seminar", "Arbeidsgruppa for SLT-seminar"),
    ("Politirådet i Aukra", "Politirådet i Aukra"),
    ("Ung i Aukra", "Ung i Aukra"),
    ("SLT-innsatsteam", "SLT-innsatsteamet"),
])
def test_definite_names(name, definite):
    assert NB.definite(name) == definite
    assert NN.definite(name) == definite


def test_unnamed_level_in_running_text():
    assert definite_name(Nivaa(type=NivaaType.utforende), NN) == "Det utførande nivået"
    assert definite_name(Nivaa(type=NivaaType.utforende), NB) == "Det utførende nivået"
