"""A JSON Schema of a kommune's data, generated from the models, so that an
editor (VS Code with the YAML extension, or any editor speaking the YAML
language server) completes keys, shows what each one means and marks errors
while the coordinator types.

The schema says what the loader accepts: the short forms (a string for a
paragraph or a member, ``"08.30-09.30"`` for a time range, ``2022-2025``
for a period), the dates written the Norwegian way, and every spelling of a
fixed value in bokmål and nynorsk. The loader stays the authority; the
schema is a help, generated from the same tables (:mod:`.spellings`,
:mod:`.fielddocs`, the converter's short forms), so the two cannot drift.

Each file of a kommune folder holds some of the top-level parts, so the
schema requires none of them; ``slt-docs kontroller`` checks that
``kommune`` and ``organisasjon`` stand somewhere.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from ..lang.labels import BODY_LABELS, LABEL_KEYS
from ..models import Maaned, Organ, Periode, SltData, Statusrapport, Tidsrom
from .converter import MONTH_FIELDS, MONTHS, SHORTHANDS, YEARS
from .fielddocs import class_doc, field_doc
from .spellings import SPELLINGS, accepted

SCHEMA_FILE = "slt-docs.schema.json"
"""The name the schema is written under, next to a kommune's data."""
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE}\n"
"""The first line of every data file slt_docs writes: editors that read it
(VS Code's YAML extension and others using yaml-language-server) complete
the keys and underline mistakes with the schema beside the file."""

SCHEMA_ID = "https://slt-docs.example/schema/slt-docs.schema.json"

_HIDDEN = {(SltData, "kilde")}
"""Fields that are not part of the YAML."""

DATE_PATTERN = (r"^\s*(\d{4}-\d{1,2}-\d{1,2}|([A-Za-zæøåÆØÅ]+,?\s+)?\d{1,2}\.?\s*"
                r"(\d{1,2}\.|[A-Za-zæøåÆØÅ]+\.?)\s*\d{4})\s*$")
TIME_PATTERN = (r"^\s*(kl\.?\s*)?\d{1,2}([.:]?\d{2})?\s*((-|–|—|til)\s*(kl\.?\s*)?"
                r"\d{1,2}([.:]?\d{2})?)?\s*$")
AMOUNT_PATTERN = r"^\s*(\d{1,3}([ \u00a0]\d{3})+|\d+)\s*$"
NUMBER_PATTERN = r"^\s*\d+([.,]\d+)?\s*$"
PERIOD_PATTERN = r"^\s*\d{4}\s*([-–—/]\s*\d{4})?\s*$"
MONTH_PATTERN = r"^\s*(\d{1,2}|\d{4}-\d{1,2}|[A-Za-zæøåÆØÅ]+\.?(\s+\d{4})?)\s*$"


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` or nothing (``tittel:`` left empty is no value)."""
    if isinstance(schema.get("type"), (str, list)) and "anyOf" not in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        out = {**schema, "type": [*kinds, "null"]}
        if "enum" in out:
            out["enum"] = [*out["enum"], None]
        return out
    if "anyOf" in schema and "$ref" not in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    return {"anyOf": [schema, {"type": "null"}]}


def _enum_schema(cls: type[enum.Enum]) -> dict[str, Any]:
    values: list[str] = []
    for member in cls:
        for word in accepted(member):
            for form in (word, word[:1].upper() + word[1:]):
                if form not in values:
                    values.append(form)
    shown = "; ".join(f"{nb}" + (f" (nynorsk: {nn})" if nn != nb else "")
                      for nb, nn in (SPELLINGS.get(m, (m.name, m.name)) for m in cls))
    first = SPELLINGS.get(next(iter(cls)), (next(iter(cls)).name,))[0]
    return {"type": "string", "enum": values, "title": cls.__name__,
            "description": f"Én av: {shown}. Store og små bokstaver er likegyldige, og å/æ/ø "
            "kan skrives aa/ae/o.",
            "examples": [first]}


def _month_schema() -> dict[str, Any]:
    names = sorted(MONTHS, key=lambda n: (MONTHS[n], -len(n)))
    return {"anyOf": [{"type": "integer", "minimum": 1, "maximum": 12},
                      {"type": "string", "enum": [*names, *(n.capitalize() for n in names)]}],
            "description": "En måned: tall 1–12 eller navnet (januar, feb …).",
            "examples": ["februar", 9]}


def _labels_schema(cls: type) -> dict[str, Any]:
    """``etiketter``: own words by label key (a body's keys, or a document's)."""
    keys = sorted(BODY_LABELS if issubclass(cls, Organ) else LABEL_KEYS)
    return {"type": "object", "propertyNames": {"enum": keys},
            "additionalProperties": {"type": ["string", "number"]},
            "examples": [{keys[0]: "…"}]}


def _scalar(tp: Any) -> dict[str, Any] | None:
    """The schema of a scalar type, or None when ``tp`` is not one."""
    if tp is str:
        return {"type": ["string", "number"]}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": AMOUNT_PATTERN}]}
    if tp is float:
        return {"anyOf": [{"type": "number"}, {"type": "string", "pattern": NUMBER_PATTERN}]}
    if tp is dt.date:
        return {"type": "string", "pattern": DATE_PATTERN,
                "description": "En dato: 2022-03-04, 4.3.2022 eller 4. mars 2022.",
                "examples": ["2022-03-04", "4. mars 2022"]}
    if tp is Tidsrom:
        return {"type": ["string", "number"], "pattern": TIME_PATTERN,
                "description": class_doc(Tidsrom), "examples": ["08.30-09.30", "18.00"]}
    if tp is Maaned:
        return {"anyOf": [{"type": "integer", "minimum": 1, "maximum": 12},
                          {"type": "string", "pattern": MONTH_PATTERN}],
                "description": class_doc(Maaned), "examples": ["august", "januar 2022"]}
    if tp is Periode:
        return {"anyOf": [
            {"type": "integer", "minimum": YEARS[0], "maximum": YEARS[-1]},
            {"type": "string", "pattern": PERIOD_PATTERN},
            {"type": "object", "additionalProperties": False, "required": ["fra"],
             "properties": {"fra": {"type": "integer"}, "til": {"type": "integer"}}}],
            "description": class_doc(Periode), "examples": [2022, "2022-2025"]}
    return None


class _Builder:
    """Walks the model from :class:`SltData` and collects a definition per class."""

    def __init__(self) -> None:
        self.definitions: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        if cls.__name__ not in self.definitions:
            self.definitions[cls.__name__] = {}  # placeholder against recursion
            self.definitions[cls.__name__] = self.build(cls)
        return {"$ref": f"#/definitions/{cls.__name__}"}

    def type_schema(self, tp: Any, cls: type, name: str) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            inner = self.type_schema(args[0], cls, name)
            return _nullable(inner) if len(args) < len(typing.get_args(tp)) else inner
        if origin is tuple:
            item = typing.get_args(tp)[0]
            items = _month_schema() if name in MONTH_FIELDS.get(cls, ()) else \
                self.type_schema(item, cls, name)
            return {"type": ["array", "null"], "items": items}
        if origin is dict:
            return _labels_schema(cls)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return _enum_schema(tp)
        scalar = _scalar(tp)
        if scalar is not None:
            return scalar
        if attrs.has(tp):
            return self.ref(tp)
        raise TypeError(f"ingen skjemaregel for {tp!r} ({cls.__name__}.{name})")

    def build(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for f in attrs.fields(cls):
            if (cls, f.name) in _HIDDEN:
                continue
            schema = dict(self.type_schema(hints[f.name], cls, f.name))
            doc = field_doc(cls, f.name)
            if doc:
                schema["description"] = doc if "description" not in schema else \
                    f"{doc} {schema['description']}"
            if f.default is attrs.NOTHING:
                required.append(f.name)
            elif not isinstance(f.default, attrs.Factory) and f.default not in (None, ()):
                schema["default"] = _json_default(f.default)
            properties[f.name] = schema
        obj: dict[str, Any] = {"type": "object", "title": cls.__name__,
                               "additionalProperties": False, "properties": properties}
        if required:
            obj["required"] = required
        doc = class_doc(cls)
        if doc:
            obj["description"] = doc
        alternatives = self.short_forms(cls)
        if alternatives:
            return {"title": cls.__name__, "description": doc or "",
                    "anyOf": [*alternatives, obj]}
        return obj

    def short_forms(self, cls: type) -> list[dict[str, Any]]:
        """The forms besides a mapping that the converter accepts for ``cls``."""
        name = cls.__name__
        if cls in SHORTHANDS:
            return [{"type": ["string", "number"],
                     "description": f"Kort form: bare «{SHORTHANDS[cls]}»."}]
        if name == "Blokk":
            return [{"type": ["string", "number"], "description": "Et avsnitt."}]
        if name == "Mandat":
            return [{"type": "array", "items": {"type": ["string", "number"]},
                     "description": "Kort form: mandatpunktene."},
                    {"type": "string", "description": "Kort form: ett avsnitt."}]
        return []


def _json_default(value: object) -> object:
    if isinstance(value, enum.Enum):
        return SPELLINGS.get(value, (value.name,))[0]
    return value


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 7) of one YAML file of a kommune's data."""
    builder = _Builder()
    root = builder.build(SltData)
    root.pop("required", None)
    # «status:» in a file is one year (a mapping), or several as a list
    status = root["properties"]["status"]
    root["properties"]["status"] = {
        "anyOf": [builder.ref(Statusrapport), {"type": "array", "items": status["items"]}],
        "description": status.get("description", "")}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        **root,
        "title": "SLT-data for slt_docs",
        "description": "Én YAML-fil i en kommunemappe. Toppnøklene er delene av dataene "
        "(kommune, organisasjon, handlingsplan, moteplan, dokumenter, nettside, status); hver "
        "del står i én fil, unntatt status (ett år per fil). kommune og organisasjon må stå i "
        "en av filene.",
        "definitions": dict(sorted(builder.definitions.items())),
    }


def schema_text() -> str:
    """The schema as the text written to a file (stable: same model, same bytes)."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def model_classes() -> list[type]:
    """Every attrs class reachable from :class:`SltData`, in the order met."""
    seen: list[type] = []

    def walk(cls: type) -> None:
        if cls in seen:
            return
        seen.append(cls)
        for tp in typing.get_type_hints(cls).values():
            for inner in _flatten(tp):
                if attrs.has(inner):
                    walk(inner)

    walk(SltData)
    return seen


def model_enums() -> list[type[enum.Enum]]:
    """Every enum used by a field of the model."""
    found: list[type[enum.Enum]] = []
    for cls in model_classes():
        for tp in typing.get_type_hints(cls).values():
            for inner in _flatten(tp):
                if isinstance(inner, type) and issubclass(inner, enum.Enum) and \
                        inner not in found:
                    found.append(inner)
    return found


def _flatten(tp: Any) -> Iterator[Any]:
    yield tp
    for arg in typing.get_args(tp):
        yield from _flatten(arg)
