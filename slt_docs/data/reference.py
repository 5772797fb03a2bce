"""The field reference of the data (``docs/data.md``), generated from the
models with the same texts and spellings as the JSON Schema."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any

import attrs

from ..lang.labels import BODY_LABELS, LABEL_KEYS
from ..models import Maaned, Periode, SltData, Tidsrom
from .converter import MONTH_FIELDS, SHORTHANDS
from .fielddocs import class_doc, field_doc
from .schema import SCHEMA_FILE, model_classes, model_enums
from .spellings import SPELLINGS, accepted

_SCALARS: dict[Any, str] = {
    str: "tekst", int: "heltall", float: "tall", bool: "true/false", dt.date: "dato",
    Tidsrom: "[tidsrom](#datoer-klokkeslett-og-perioder)",
    Periode: "[periode](#datoer-klokkeslett-og-perioder)",
    Maaned: "[måned](#datoer-klokkeslett-og-perioder)",
}
_HIDDEN = {(SltData, "kilde")}
_SCALAR_CLASSES = (Tidsrom, Periode, Maaned)


def _type_name(tp: Any, cls: type, name: str) -> str:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _type_name(args[0], cls, name)
    if origin is tuple:
        if name in MONTH_FIELDS.get(cls, ()):
            return "liste av måneder"
        return f"liste av {_type_name(typing.get_args(tp)[0], cls, name)}"
    if origin is dict:
        return "[etiketter](#etiketter)"
    if tp in _SCALARS:
        return _SCALARS[tp]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    if attrs.has(tp):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return str(tp)


def _default(value: object) -> str:
    if value is attrs.NOTHING:
        return "**påkrevd**"
    if isinstance(value, attrs.Factory) or value in (None, ()):
        return ""
    if isinstance(value, enum.Enum):
        return f"`{SPELLINGS.get(value, (value.name,))[0]}`"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{value}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _short_form(cls: type) -> str | None:
    if cls in SHORTHANDS:
        return f"Kan skrives som ren tekst; den blir da feltet `{SHORTHANDS[cls]}`."
    if cls.__name__ == "Blokk":
        return "Ren tekst er et avsnitt."
    if cls.__name__ == "Mandat":
        return "En liste blir mandatpunktene; en tekst blir ett avsnitt."
    return None


def data_reference() -> str:
    """``docs/data.md``: every part and field of the data, in Norwegian."""
    out = [
        "# Dataene: alle felt",
        "",
        "<!-- Generert fra slt_docs.models av `slt-docs skjema --markdown -o docs/data.md`. "
        "Ikke rediger for hånd. -->",
        "",
        "En kommune er en mappe med YAML-filer. Toppnøklene (`kommune`, `organisasjon`, "
        "`handlingsplan`, `moteplan`, `dokumenter`, `nettside`) er delene av dataene; hver del "
        "står i én "
        "fil. Ukjente felt er feil (med forslag: «mente du …?»). Start en ny kommune med "
        "`slt-docs ny MAPPE --navn … --lang nb|nn`.",
        "",
        f"Redigeringshjelp: `slt-docs skjema -o MAPPE` skriver JSON-skjemaet `{SCHEMA_FILE}` "
        "i kommunemappa. Med linja",
        "",
        "```yaml",
        f"# yaml-language-server: $schema={SCHEMA_FILE}",
        "```",
        "",
        "øverst i hver fil gir VS Code (med YAML-utvidelsen fra Red Hat) og andre editorer "
        "som bruker YAML-språktjeneren, forslag til felt, forklaringer og røde streker ved "
        "feil. Filene `slt-docs ny` og `slt-docs importer` lager, har linja fra før, og "
        "skjemaet ved siden av seg.",
        "",
        "## Datoer, klokkeslett og perioder",
        "",
        "| type | skrives | eksempler |",
        "|---|---|---|",
        "| dato | år-måned-dag, dag.måned.år eller dag. månedsnavn år, gjerne med ukedagen "
        "foran (den må stemme) | `2022-03-04`, `4.3.2022`, `04.03.2022`, `4. mars 2022`, "
        "`fredag 4. mars 2022` |",
        "| tidsrom | start og slutt med bindestrek eller tankestrek; punktum eller kolon; "
        "bare starttid går også | `\"08.30-09.30\"`, `\"08:30–09:30\"`, `\"0820-1020\"`, "
        "`\"kl. 8.30 til 9.30\"`, `\"18.00\"` |",
        "| periode | ett år, to år med bindestrek, eller fra/til | `2022`, `2022-2025`, "
        "`{fra: 2022, til: 2025}` |",
        "| måned | tall eller navn (også forkortet); i et rutenett også med år | `2`, "
        "`februar`, `feb`, `januar 2022`, `2022-01` |",
        "| heltall | med eller uten mellomrom som tusenskille | `10000`, `10 000` |",
        "| tall | punktum eller komma | `1.5`, `1,5` |",
        "",
        "`03/04/2022` godtas ikke: med skråstrek kan datoen leses på to måter.",
        "",
    ]
    for cls in model_classes():
        if cls in _SCALAR_CLASSES:
            continue
        out += [f"## {cls.__name__}", ""]
        doc = class_doc(cls)
        if doc:
            out += [doc, ""]
        short = _short_form(cls)
        if short:
            out += [short, ""]
        out += ["| felt | type | standard | forklaring |", "|---|---|---|---|"]
        hints = typing.get_type_hints(cls)
        for f in attrs.fields(cls):
            if (cls, f.name) in _HIDDEN:
                continue
            out.append(f"| `{f.name}` | {_type_name(hints[f.name], cls, f.name)} | "
                       f"{_default(f.default)} | {_cell(field_doc(cls, f.name) or '')} |")
        out.append("")
    out += ["## etiketter", "",
            "Kommunens egne ord for de faste overskriftene og ledetekstene, etter nøkkel "
            "(`etiketter: {maal: \"Mål for SLT i kommunen:\"}`), skrevet ut nøyaktig slik. "
            "En nøkkel som utelates, får standardordet på dokumentets språk.", "",
            f"- På et organ: {', '.join(f'`{k}`' for k in sorted(BODY_LABELS))}.",
            f"- På et dokument: {', '.join(f'`{k}`' for k in sorted(LABEL_KEYS))}.", ""]
    out += ["# Faste verdier", "",
            "Verdiene kan skrives på bokmål eller nynorsk, med store eller små bokstaver, og "
            "med å/æ/ø skrevet som aa/ae/o (`lordag`, `utforande`). Feilmeldinger viser "
            "verdiene på kommunens skriftspråk.", ""]
    for cls in model_enums():
        out += [f"## {cls.__name__}", "",
                "| bokmål | nynorsk | godtas også |", "|---|---|---|"]
        for member in cls:
            nb, nn = SPELLINGS.get(member, (member.name, member.name))
            others = [w for w in accepted(member) if w not in (nb, nn)]
            out.append(f"| `{nb}` | `{nn}` | {', '.join(f'`{w}`' for w in others)} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"

