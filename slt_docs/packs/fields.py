"""What each document kind's template gets: read from the view classes.

The view layer (``slt_docs.view``) is the contract with template authors:
every name a template can print, test or loop over is a field of a frozen
attrs class there. This module walks those classes — for the field
reference (``docs/template-fields.md``, ``slt-docs mal felt``) and
for ``slt-docs mal kontroller``, which looks up every name a template uses.
"""

from __future__ import annotations

import functools
import inspect
import types
import typing
from typing import Any

import attrs

from ..lang import get_language
from ..lang.labels import LABEL_KEYS
from ..view import HandlingsplanView, MandatDokView, TiltakDokView
from ..view.common import is_view_class
from ..view.endringer import EndringerView
from ..view.moteplan import MoteplanView
from ..view.nettside import NettsideView
from ..view.statusrapport import StatusrapportView
from .manifest import HTML_KINDS, template_file

KIND_VIEWS: dict[str, type] = {
    "handlingsplan": HandlingsplanView,
    "mandat": MandatDokView,
    "tiltak": TiltakDokView,
    "moteplan": MoteplanView,
    "nettside": NettsideView,
    "statusrapport": StatusrapportView,
    "endringsoversikt": EndringerView,
}
"""The view class whose fields each document kind's template gets."""

PICTURES: dict[str, tuple[str, ...]] = {
    "handlingsplan": ("logo", "aarshjul", "statusdiagram"),
    "mandat": ("logo",),
    "tiltak": ("logo",),
    "moteplan": ("logo", "aarshjul"),
    "nettside": (),
    "statusrapport": ("logo", "statusdiagram"),
    "endringsoversikt": ("logo",),
}
"""The pictures slt_docs passes in ``bilde`` for each kind (a pack may add more)."""

HELPERS = {"lenke": "lenke(x): en lenke (LenkeView) som klikkbar hyperkobling; skriv "
           "{{r lenke(b.lenke) }}",
           "endring": "endring(biter): en endret tekst (BitView-er) med slettede ord "
           "gjennomstreket og nye ord understreket; skriv {{r endring(l.biter) }}"}
LOOP_FIELDS = ("index", "index0", "first", "last", "length", "revindex", "revindex0")


@functools.cache
def hints(cls: type) -> dict[str, Any]:
    """The resolved field types of a view class."""
    return typing.get_type_hints(cls)


def field_names(cls: type) -> tuple[str, ...]:
    """The fields of a view class, in order."""
    return tuple(f.name for f in attrs.fields(cls))


def is_view(tp: Any) -> bool:
    """True for one of our view classes."""
    return is_view_class(tp)


def unwrap_optional(tp: Any) -> tuple[Any, bool]:
    """``X | None`` → ``(X, True)``; anything else → ``(tp, False)``."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


def element_type(tp: Any) -> Any | None:
    """The element type of ``tuple[X, ...]`` (or ``list[X]``), else ``None``."""
    if typing.get_origin(tp) in (tuple, list):
        args = [a for a in typing.get_args(tp) if a is not Ellipsis]
        return args[0] if args else Any
    return None


def describe(tp: Any) -> str:
    """A type in words for template authors (Norwegian)."""
    inner, optional = unwrap_optional(tp)
    if optional:
        return f"{describe(inner)} eller tom"
    elem = element_type(tp)
    if elem is not None:
        return f"liste av {describe(elem)}"
    if tp is str:
        return "tekst"
    if tp is bool:
        return "ja/nei"
    if tp is int:
        return "tall"
    if tp is float:
        return "tall"
    if typing.get_origin(tp) is dict:
        return "oppslag (tekst per nøkkel)"
    if is_view(tp):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return str(tp)


def _views_in(cls: type, seen: dict[str, type]) -> None:
    if cls.__name__ in seen:
        return
    seen[cls.__name__] = cls
    for tp in hints(cls).values():
        inner, _ = unwrap_optional(tp)
        inner = element_type(inner) or inner
        inner, _ = unwrap_optional(inner)
        if is_view(inner):
            _views_in(inner, seen)


def _doc(cls: type) -> str:
    return " ".join(inspect.cleandoc(cls.__doc__ or "").split())


def field_reference() -> str:
    """The field reference for template authors, in Markdown (Norwegian)."""
    out = [
        "# Felt i malene",
        "",
        "<!-- Generert fra slt_docs.view av `slt-docs mal felt -o "
        "docs/template-fields.md`. Ikke rediger for hånd. -->",
        "",
        "Dette er alt en Word-mal (og HTML-malen for nettsiden) kan skrive ut, teste og gå "
        "gjennom i løkker. Feltene kommer fra visningsklassene i `slt_docs.view`, slik at "
        "lista alltid stemmer med koden. Se [maler.md](maler.md) for hvordan malpakker og "
        "profiler lages.",
        "",
        "- `{{ dok.tittel }}` skriver et felt; `{%p if tilbakeblikk %}` … `{%p endif %}` "
        "tester; `{%p for t in d.tiltak %}` … `{%p endfor %}` går gjennom en liste "
        "(`{%tr … %}` i en tabellrad).",
        "- Bare feltene under finnes. Tekst har ingen metoder (`.upper()` er ikke lov); "
        "bruk filtre som `|upper`, `|length`, `|join(\", \")`.",
        "- Inne i en løkke finnes `loop." + "`, `loop.".join(LOOP_FIELDS) + "`.",
        "- Hjelpere: " + "; ".join(f"`{k}`: {v}" for k, v in HELPERS.items()) + ".",
        "- `bilde.<navn>` setter inn et bilde (`{{ bilde.logo }}` i et eget avsnitt); "
        "en malpakke kan ha egne bilder (`bilder:` i manifestet).",
        "- Nettsiden (`nettside.html`) er en Jinja-mal i ren tekst, i samme sandkasse: all "
        "tekst blir HTML-escapet, og siden som kommer ut, kontrolleres (ingen skript, ingen "
        "innhold hentet utenfra; bilder som `data:`-adresse). Den har ingen `bilde` og ingen "
        "`lenke()`; lenker skrives som `<a href=\"{{ l.url }}\">{{ l.tekst }}</a>`.",
        "",
        "## Dokumenttypene",
        "",
    ]
    seen: dict[str, type] = {}
    for kind, cls in KIND_VIEWS.items():
        pictures = (f", og `bilde`: {', '.join(f'`bilde.{p}`' for p in PICTURES[kind])}"
                    if kind not in HTML_KINDS else "")
        out += [f"### {kind}", "", f"Malen `{template_file(kind)}` får feltene i "
                f"[{cls.__name__}](#{cls.__name__.lower()}) på øverste nivå{pictures}.", ""]
        out += ["| felt | type |", "|---|---|"]
        out += [f"| `{name}` | {describe(tp)} |" for name, tp in hints(cls).items()]
        out.append("")
        _views_in(cls, seen)
    out += ["## Visningsklassene", ""]
    for name in sorted(seen):
        cls = seen[name]
        out += [f"### {name}", "", _doc(cls), "", "| felt | type |", "|---|---|"]
        out += [f"| `{field}` | {describe(tp)} |" for field, tp in hints(cls).items()]
        out.append("")
    nb, nn = get_language("nb"), get_language("nn")
    out += ["## Faste ord: `label`", "",
            "`label.<nøkkel>` gir ordet på dokumentets språk (bokmål eller nynorsk), "
            "eller kommunens eget ord når dataene gir det i `etiketter` (i dokumentet, "
            "eller for et organ i `n.label`/`g.label`/`organ.label`). Nøklene:", "",
            "| nøkkel | bokmål | nynorsk |", "|---|---|---|"]
    for key in sorted(LABEL_KEYS):
        if key == "vedtatt":
            words = [f"{lang.adopted('handlingsplan')} ({lang.adopted('mandat')} om et mandat)"
                     for lang in (nb, nn)]
        else:
            words = [nb.labels.get(key, ""), nn.labels.get(key, "")]
        out.append(f"| `{key}` | {_cell(words[0])} | {_cell(words[1])} |")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
