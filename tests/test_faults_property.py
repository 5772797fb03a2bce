"""Property tests (hypothesis) of ``load_dict`` → ``check`` → ``render``
with arbitrary text and arbitrary shapes: whatever a program passes, the
library answers with its own errors (:class:`slt_docs.DataError`, or another
:class:`slt_docs.SltError`) or a document — never lxml, ValueError,
TypeError, KeyError — and what passes the check renders, printing the
kommune's text as written."""

from __future__ import annotations

import copy
import datetime as dt
import math
import os

import attrs
import yaml
from conftest import VALID_YAML
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import slt_docs
from slt_docs import DataError, SltError
from slt_docs.render.extract import plain_text

BASE = yaml.safe_load(VALID_YAML)
EXAMPLES = int(os.environ.get("SLT_HYPOTHESIS_EXAMPLES", "30"))
"""Examples per property (more for a long hunt: SLT_HYPOTHESIS_EXAMPLES=1000)."""
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 30,
                    suppress_health_check=[HealthCheck.too_slow])

# every code point, control characters and unpaired surrogates included
ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=300)

TEXT_FIELDS = [
    ("handlingsplan", "tittel"),
    ("handlingsplan", "delmaal", 0, "tittel"),
    ("handlingsplan", "delmaal", 0, "tiltak", 0, "tittel"),
    ("handlingsplan", "delmaal", 0, "tiltak", 0, "ansvar", 0),
    ("handlingsplan", "delmaal", 0, "tiltak", 0, "punkter", 0),
    ("kommune", "navn"),
    ("organisasjon", "nivaa", 0, "forutsetning"),
    ("moteplan", "moter", 0, "sted"),
]
PRINTED = TEXT_FIELDS[1:5]  # shown in the tiltak table as written


def put(raw: dict, path: tuple, value: object) -> dict:
    raw = copy.deepcopy(raw)
    node = raw
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return raw


def outcome(raw: object) -> slt_docs.SltData | None:
    """load_dict, then check and render: only the library's errors."""
    try:
        data = slt_docs.load_dict(raw)  # type: ignore[arg-type]
    except DataError as exc:
        assert exc.problems, "a DataError lists its problems"
        for problem in exc.problems:
            assert problem.melding and str(problem)
        return None
    assert all(not p.is_error for p in slt_docs.check(data))
    return data


@SETTINGS
@given(field=st.sampled_from(TEXT_FIELDS), text=ANY_TEXT)
def test_any_text_is_refused_with_its_path_or_printed_as_written(field, text):
    data = outcome(put(BASE, field, text))
    if data is None:
        return
    docx = slt_docs.render(data, "tiltak")
    if field in PRINTED and text.strip() and text.isprintable():
        assert " ".join(text.split()) in " ".join(plain_text(docx).split())


JSON_LIKE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT
    | st.dates(min_value=dt.date(1, 1, 1)) | st.just(math.inf) | st.integers(min_value=10**30),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=12) | st.integers(), inner, max_size=4),
    max_leaves=12)

SHAPE_FIELDS = [
    (), ("kommune",), ("kommune", "navn"), ("kommune", "spraak"), ("kommune", "kontakter"),
    ("organisasjon",), ("organisasjon", "nivaa"), ("organisasjon", "nivaa", 0),
    ("organisasjon", "nivaa", 0, "moteverksemd"), ("organisasjon", "nivaa", 0, "deltakere"),
    ("organisasjon", "nivaa", 0, "budsjettramme"), ("handlingsplan",),
    ("handlingsplan", "periode"), ("handlingsplan", "delmaal"),
    ("handlingsplan", "delmaal", 0, "tiltak", 0), ("handlingsplan", "delmaal", 0, "tiltak", 0,
                                                   "tidspunkt"),
    ("handlingsplan", "delmaal", 0, "tiltak", 0, "tidspunkt", 1, "tid"),
    ("moteplan",), ("moteplan", "aar"), ("moteplan", "moter", 0, "dato"),
    ("moteplan", "serier", 0, "regel"), ("moteplan", "serier", 0, "regel", "maaneder"),
    ("dokumenter",), ("dokumenter", "mandat", 0, "organ"),
]


@SETTINGS
@given(field=st.sampled_from(SHAPE_FIELDS), value=JSON_LIKE)
def test_any_shape_is_answered_by_the_library(field, value):
    raw = value if not field else put(BASE, field, value)
    data = outcome(raw)
    if data is not None:
        for kind, organ in slt_docs.available_documents(data):
            assert slt_docs.render(data, kind, organ=organ)


PYTHON_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), ANY_TEXT, st.binary(max_size=8),
    st.dates(), st.datetimes(), st.times(), st.lists(ANY_TEXT, max_size=3),
    st.tuples(ANY_TEXT), st.tuples(st.integers()), st.just(()), st.just(object()),
    st.dictionaries(ANY_TEXT, ANY_TEXT, max_size=2))

MODEL_FIELDS = [
    ("kommune", "navn"), ("kommune", "spraak"), ("kommune", "logo"), ("kommune", "kontakter"),
    ("handlingsplan", "tittel"), ("handlingsplan", "periode"), ("handlingsplan", "delmaal"),
    ("handlingsplan", "delmaal", 0, "tiltak", 0, "ansvar"),
    ("handlingsplan", "delmaal", 0, "tiltak", 0, "tidspunkt"),
    ("handlingsplan", "delmaal", 0, "tiltak", 0, "tidspunkt", 1, "dato"),
    ("handlingsplan", "delmaal", 0, "tiltak", 1, "nummer"),
    ("organisasjon", "nivaa", 0, "type"), ("organisasjon", "nivaa", 0, "budsjettramme"),
    ("moteplan", "aar"), ("moteplan", "moter", 0, "organ"), ("moteplan", "moter", 0, "tid"),
    ("moteplan", "serier", 0, "regel"), ("dokumenter", "mandat"),
]
MODEL = slt_docs.load_dict(BASE)


def changed(obj: object, path: tuple, value: object) -> object:
    if not path:
        return value
    step, rest = path[0], path[1:]
    if isinstance(step, int):
        items = list(obj)  # type: ignore[call-overload]
        items[step] = changed(items[step], rest, value)
        return tuple(items)
    return attrs.evolve(obj, **{step: changed(getattr(obj, step), rest, value)})


@SETTINGS
@given(field=st.sampled_from(MODEL_FIELDS), value=PYTHON_VALUES)
def test_any_change_in_code_is_checked_before_rendering(field, value):
    data = changed(MODEL, field, value)
    try:
        slt_docs.check(data)  # type: ignore[arg-type]
    except DataError as exc:
        assert exc.problems and all(p.sti for p in exc.problems)
        try:
            slt_docs.render(data, "tiltak")  # type: ignore[arg-type]
        except DataError as again:
            assert [str(p) for p in again.problems] == [str(p) for p in exc.problems]
        else:
            raise AssertionError("render took a model check refused")
        return
    try:
        slt_docs.render(data, "tiltak")  # type: ignore[arg-type]
    except SltError as exc:  # an option-like fault (e.g. no plan): still ours, and explained
        assert str(exc)
