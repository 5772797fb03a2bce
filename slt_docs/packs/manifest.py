"""A template pack's ``manifest.yaml``: who made it, what it provides, what it needs.

.. code-block:: yaml

    navn: Aukra-malen
    kommune: Aukra kommune
    versjon: 1.0.0
    lisens: CC-BY-4.0
    spraak: [nn, nb]
    slt_docs: ">=0.1"
    dokumenter:
      handlingsplan: handlingsplan.docx
      moteplan: moteplan.docx
      nettside: nettside.html
    bilder:
      banner: {fil: bilder/banner.png, bredde_mm: 160, alt: "Fjordlandskap"}

Read like the kommune's data: safe YAML, cattrs into attrs classes, unknown
keys refused, every problem in Norwegian with its line and field path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from attrs import field, frozen
from cattrs.errors import ClassValidationError, IterableValidationError

from ..data.converter import CONVERTER, InvalidValue
from ..data.load import structure_errors  # the same located, Norwegian cattrs messages as the data
from ..data.yamlsource import Source, read_yaml
from ..errors import Alvor, Problem, format_path
from ..lang import available_languages

MANIFEST = "manifest.yaml"
"""The manifest's file name, at the top of the pack."""
KINDS = ("handlingsplan", "mandat", "tiltak", "moteplan", "nettside", "statusrapport",
         "endringsoversikt")
"""The document kinds a pack can provide (``slt_docs.documents.DocKind``)."""
HTML_KINDS = ("nettside",)
"""The kinds whose template is an HTML file (the others are Word files)."""


def template_file(kind: str) -> str:
    """The file name of ``kind``'s template: ``nettside.html``, ``mandat.docx``."""
    return f"{kind}.html" if kind in HTML_KINDS else f"{kind}.docx"


def template_types(kind: str) -> tuple[str, ...]:
    """The file types a template for ``kind`` may have."""
    return (".html", ".htm") if kind in HTML_KINDS else (".docx", ".dotx")
RESERVED_PICTURES = ("logo", "aarshjul")
"""Picture names slt_docs fills in itself (``bilde.logo``, ``bilde.aarshjul``)."""
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_SPEC = re.compile(r"^\s*(==|!=|>=|<=|~=|>|<)?\s*(\d+(?:\.\d+)*)\s*$")


@frozen(kw_only=True)
class PakkeBilde:
    """A picture the pack brings for its templates (``bilde.<navn>``): the
    file in the pack, its width in millimetres and its alt text."""

    fil: str
    alt: str
    bredde_mm: float = 40.0


@frozen(kw_only=True)
class Manifest:
    """A template pack's manifest: ``navn``, the ``kommune`` that made it,
    ``versjon``, ``lisens``, the languages its templates are written for
    (``spraak``), the template file for each document kind it provides
    (``dokumenter``), the slt_docs version it needs (``slt_docs``, e.g.
    ``">=0.1"``), pictures for its templates (``bilder``), and optionally a
    ``beskrivelse`` and what it is ``basert_paa``."""

    navn: str
    kommune: str
    versjon: str
    lisens: str
    spraak: tuple[str, ...]
    dokumenter: dict[str, str]
    slt_docs: str = ""
    bilder: dict[str, PakkeBilde] = field(factory=dict)
    beskrivelse: str = ""
    basert_paa: str = ""


def read_manifest(path: Path, text: str | None = None) -> tuple[Manifest | None, list[Problem]]:
    """Read and check a manifest (from ``text`` when given, named ``path``).
    Returns the manifest (``None`` when any error was found) and every problem."""
    source = read_yaml(path, text)
    problems = list(source.problems)
    if source.data is None:
        return None, problems
    if not isinstance(source.data, dict):
        problems.append(Problem(melding="manifestet må bestå av nøkler som «navn:», "
                                "«kommune:», «dokumenter:» …", fil=path, linje=1, kolonne=1))
        return None, problems
    try:
        manifest = CONVERTER.structure(source.data, Manifest)
    except (ClassValidationError, IterableValidationError, InvalidValue) as exc:
        for at, message, key in structure_errors(exc, ()):
            problems.append(_problem(source, at, message, key=key))
        return None, problems
    for at, message, severity in check_manifest(manifest):
        problems.append(_problem(source, at, message, severity=severity))
    if any(p.is_error for p in problems):
        return None, problems
    return manifest, problems


def _problem(source: Source, at: tuple[str | int, ...], message: str, *, key: bool = False,
             severity: Alvor = Alvor.feil) -> Problem:
    pos = source.where_key(at) if key else source.where(at)
    line, col = pos or (None, None)
    return Problem(melding=message, sti=format_path(at), fil=source.path, linje=line,
                   kolonne=col, alvor=severity)


def check_member_path(name: str) -> str | None:
    """Why ``name`` cannot be a file in a pack, or ``None`` when it can."""
    clean = name.replace("\\", "/")
    if not clean.strip():
        return "filnavnet er tomt"
    if clean.startswith("/") or re.match(r"^[A-Za-z]:", clean):
        return f"«{name}» er en absolutt sti; skriv stien inne i pakken, f.eks. «maler/plan.docx»"
    if any(part in ("..", "") for part in clean.split("/")):
        return f"«{name}» peker utenfor pakken eller har tomme ledd; bruk en sti inne i pakken"
    return None


def check_manifest(m: Manifest) -> Iterator[tuple[tuple[str | int, ...], str, Alvor]]:
    """Checks beyond types: known kinds and languages, safe file names,
    picture names, a version requirement this slt_docs can read and meets."""
    error = Alvor.feil
    for name in ("navn", "kommune", "versjon", "lisens"):
        if not getattr(m, name).strip():
            yield (name,), f"«{name}» kan ikke være tomt", error
    languages = available_languages()
    if not m.spraak:
        yield ("spraak",), "skriv minst ett språk, f.eks. [nb] eller [nn, nb]", error
    for index, code in enumerate(m.spraak):
        if code not in languages:
            yield (("spraak", index), f"ukjent språk «{code}»; tilgjengelige er "
                   f"{', '.join(languages)}", error)
    if not m.dokumenter:
        yield (("dokumenter",), "pakken må gi minst én dokumenttype, f.eks. "
               "«handlingsplan: handlingsplan.docx»", error)
    for kind, file in m.dokumenter.items():
        if kind not in KINDS:
            yield (("dokumenter", kind), f"ukjent dokumenttype «{kind}»; velg blant "
                   f"{', '.join(KINDS)}", error)
        why = check_member_path(file)
        if why:
            yield ("dokumenter", kind), why, error
        elif kind in HTML_KINDS and not file.lower().endswith(template_types(kind)):
            yield ("dokumenter", kind), f"«{file}» er ikke en HTML-mal (.html)", error
        elif kind not in HTML_KINDS and not file.lower().endswith(template_types(kind)):
            yield ("dokumenter", kind), f"«{file}» er ikke en Word-fil (.docx)", error
    for name, picture in m.bilder.items():
        if not _NAME.match(name):
            yield (("bilder", name), f"bildenavnet «{name}» kan bare ha små bokstaver a–z, "
                   "tall og _ (malen skriver bilde.{name})", error)
        if name in RESERVED_PICTURES:
            yield (("bilder", name), f"«{name}» er reservert: slt_docs fyller inn "
                   f"bilde.{name} selv", error)
        why = check_member_path(picture.fil)
        if why:
            yield ("bilder", name, "fil"), why, error
        elif not picture.fil.lower().endswith((".png", ".jpg", ".jpeg")):
            yield ("bilder", name, "fil"), f"«{picture.fil}» må være PNG eller JPEG", error
        if not 1 <= picture.bredde_mm <= 300:
            yield (("bilder", name, "bredde_mm"), "bredden må være mellom 1 og 300 mm", error)
        if not picture.alt.strip():
            yield (("bilder", name, "alt"), "skriv en alternativ tekst (for skjermlesere)",
                   error)
    if m.slt_docs.strip():
        from .. import __version__

        ok = version_satisfies(m.slt_docs, __version__)
        if ok is None:
            yield (("slt_docs",), f"«{m.slt_docs}» er ikke et versjonskrav; skriv f.eks. "
                   "\">=0.1\"", error)
        elif not ok:
            yield (("slt_docs",), f"pakken krever slt_docs {m.slt_docs}, men dette er "
                   f"versjon {__version__}; oppdater slt_docs", error)


def _release(version: str) -> tuple[int, ...]:
    match = re.match(r"^\s*v?(\d+(?:\.\d+)*)", version)
    return tuple(int(p) for p in match.group(1).split(".")) if match else (0,)


def version_satisfies(spec: str, version: str) -> bool | None:
    """Whether ``version`` (its release part: ``0.1.0.dev0`` counts as
    ``0.1.0``) meets ``spec`` (``">=0.1"``, ``">=0.1,<2"``); ``None`` when
    ``spec`` cannot be read. Uses ``packaging`` when it is installed, else a
    simple comparison of the numbers."""
    release = ".".join(str(p) for p in _release(version))
    try:
        from packaging.specifiers import InvalidSpecifier, SpecifierSet
        from packaging.version import Version
    except ImportError:  # pragma: no cover - packaging comes with pikepdf
        return _simple_satisfies(spec, _release(release))
    try:
        return SpecifierSet(spec).contains(Version(release), prereleases=True)
    except InvalidSpecifier:
        return None


def _simple_satisfies(spec: str, have: tuple[int, ...]) -> bool | None:
    ok = True
    for part in spec.split(","):
        match = _SPEC.match(part)
        if not match:
            return None
        op, want = match.group(1) or "==", _release(match.group(2))
        width = max(len(have), len(want))
        a, b = have + (0,) * (width - len(have)), want + (0,) * (width - len(want))
        ok = ok and {"==": a == b, "!=": a != b, ">=": a >= b, "<=": a <= b, ">": a > b,
                     "<": a < b, "~=": a >= b and a[:len(want) - 1] == b[:len(want) - 1]}[op]
    return ok


def minimum_spec() -> str:
    """The requirement a new pack gets: this slt_docs' major.minor or newer."""
    from .. import __version__

    release = _release(__version__)
    return f">={release[0]}.{release[1] if len(release) > 1 else 0}"


def dump_manifest(m: Manifest) -> str:
    """The manifest as YAML with Norwegian comments, for a new pack."""
    import yaml

    def scalar(value: object) -> str:
        return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True,
                              width=1000).strip().removesuffix("...").strip()

    lines = [
        "# Malpakke for slt_docs. Rediger feltene og Word-malene, og kontroller med",
        "#   slt-docs mal kontroller <mappe>",
        f"navn: {scalar(m.navn)}",
        f"kommune: {scalar(m.kommune)}          # kommunen som har laget pakken",
        f"versjon: {scalar(m.versjon)}",
        f"lisens: {scalar(m.lisens)}             # f.eks. CC-BY-4.0 eller NLOD-2.0",
        f"spraak: {scalar(list(m.spraak))}        # språkene malene er skrevet for (nb, nn)",
        f"slt_docs: {scalar(m.slt_docs)}        # slt_docs-versjonen pakken trenger",
    ]
    if m.beskrivelse:
        lines.append(f"beskrivelse: {scalar(m.beskrivelse)}")
    if m.basert_paa:
        lines.append(f"basert_paa: {scalar(m.basert_paa)}")
    lines.append("# dokumenttypene pakken gir; de andre kommer fra standardmalene")
    lines.append("dokumenter:")
    lines += [f"  {kind}: {scalar(file)}" for kind, file in m.dokumenter.items()]
    if m.bilder:
        lines.append("# bilder malene kan bruke som {{ bilde.<navn> }}")
        lines.append("bilder:")
        for name, pic in m.bilder.items():
            lines.append(f"  {name}: {{fil: {scalar(pic.fil)}, bredde_mm: {pic.bredde_mm:g}, "
                         f"alt: {scalar(pic.alt)}}}")
    return "\n".join(lines) + "\n"
