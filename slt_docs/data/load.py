"""Loading a kommune's data from YAML files or plain dicts into :class:`SltData`.

A kommune folder holds one or more ``*.yaml`` files; each file's top-level
keys are sections of the data (``kommune``, ``organisasjon``,
``handlingsplan``, ``moteplan``, ``dokumenter``) and a section may stand in
only one file. One file with every section works as well.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any

import attrs
from attrs import define, field
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from ..errors import Alvor, DataError, Problem, format_path
from ..files import cannot_read
from ..models import SltData
from .checks import check_data, check_types
from .converter import CONVERTER, InvalidChoice, InvalidValue
from .spellings import ascii_forms
from .yamlsource import Path_, Source, read_yaml

SECTIONS = tuple(f.name for f in attrs.fields(SltData) if f.name != "kilde")
REPEATABLE = ("status",)
"""Sections that may stand in several files, one part each (a year's
status per file: ``status-2021.yaml``, ``status-2022.yaml``); the parts
are gathered into a list in file order."""
MAX_FILES = 50
"""Most YAML files read from one folder."""


@define
class LoadResult:
    """The outcome of reading a kommune's data: the model (``None`` when any
    error was found) and every problem, errors and warnings."""

    data: SltData | None
    problems: list[Problem] = field(factory=list)

    @property
    def errors(self) -> list[Problem]:
        """Only the errors."""
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        """Only the warnings."""
        return [p for p in self.problems if not p.is_error]


def yaml_files(path: Path) -> list[Path]:
    """The YAML files of a kommune folder (or the one file given), sorted.
    Raises ``OSError`` when the folder cannot be read."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def read(path: str | Path) -> LoadResult:
    """Read and check a kommune folder or one YAML file. Never raises: bad
    data, a folder that cannot be read, even a ``path`` that is no path, is
    a problem in the result."""
    if not isinstance(path, (str, PurePath)):
        return LoadResult(None, [Problem(
            melding=f"stien må være en tekst eller en Path, ikke {type(path).__name__}")])
    path = Path(path)
    try:
        if not path.exists():
            return LoadResult(None, [Problem(melding="fila eller mappa finnes ikke", fil=path)])
        files = yaml_files(path)
    except (OSError, ValueError) as exc:
        reason = cannot_read(path, exc).reason
        return LoadResult(None, [Problem(melding=f"kan ikke lese mappa: {reason}", fil=path)])
    if not files:
        return LoadResult(None, [Problem(melding="mappa har ingen YAML-filer (*.yaml)", fil=path)])
    if len(files) > MAX_FILES:
        return LoadResult(None, [Problem(
            melding=f"mappa har for mange YAML-filer ({len(files)}; høyst {MAX_FILES})", fil=path)])

    problems: list[Problem] = []
    merged: dict[str, Any] = {}
    owner: dict[str, Source] = {}
    empty: list[Path] = []
    parts: dict[str, list[tuple[Source, Path_]]] = {}
    for file in files:
        source = read_yaml(file)
        problems.extend(source.problems)
        if any(p.is_error for p in source.problems):
            continue
        if source.data is None or source.data == {}:
            if source.data is None:  # the document is «null» (or «~»)
                problems.append(Problem(
                    melding="fila inneholder bare «null» (ingen data); den må bestå av nøkler "
                    "som «kommune:», «organisasjon:», «handlingsplan:» …", fil=file, linje=1,
                    kolonne=1))
            empty.append(file)
            continue
        if not isinstance(source.data, dict):
            problems.append(Problem(
                melding="fila må bestå av nøkler som «kommune:», «organisasjon:», "
                "«handlingsplan:» …", fil=file, linje=1, kolonne=1))
            continue
        for key, value in source.data.items():
            if key in REPEATABLE:
                _gather(merged, parts, str(key), value, source)
                continue
            if key in owner:
                line, col = source.where_key((key,)) or (None, None)
                problems.append(Problem(
                    melding=f"«{key}» står også i {owner[key].path.name}; en del kan bare stå i "
                    "én fil", sti=str(key), fil=file, linje=line, kolonne=col))
                continue
            owner[str(key)] = source
            merged[str(key)] = value
    if any(p.is_error for p in problems):
        return LoadResult(None, _sorted(problems))
    base = path if path.is_dir() else path.parent
    return _structure_and_check(merged, owner, problems, base, default_file=files[0],
                                empty=empty, parts=parts)


def _gather(merged: dict[str, Any], parts: dict[str, list[tuple[Source, Path_]]], key: str,
            value: Any, source: Source) -> None:
    """Add one file's ``key:`` (a mapping, or a list of them) to the list
    gathered from every file, remembering where each item stands."""
    items = merged.setdefault(key, [])
    where = parts.setdefault(key, [])
    if isinstance(value, list):
        for index, item in enumerate(value):
            items.append(item)
            where.append((source, (key, index)))
    else:
        items.append(value)
        where.append((source, (key,)))


def read_dict(data: Mapping[str, Any], source: str = "<data>") -> LoadResult:
    """Check plain data (as a program would pass it) and build the model.
    A repeatable section (``status``) may be one mapping or a list.
    Never raises: every problem, also data that is no dict, is in the result."""
    if not isinstance(data, Mapping):
        return LoadResult(None, [Problem(
            melding=f"dataene må være et oppslag (dict) med delene {', '.join(SECTIONS)}; "
            f"fikk {type(data).__name__}", fil=Path(source))])
    holder = Source(path=Path(source), data=dict(data))
    owner = {str(k): holder for k in data if k not in REPEATABLE}
    merged = {str(k): v for k, v in data.items() if k not in REPEATABLE}
    parts: dict[str, list[tuple[Source, Path_]]] = {}
    for key in REPEATABLE:
        if key in data:
            _gather(merged, parts, key, data[key], holder)
    return _structure_and_check(merged, owner, [], None, default_file=Path(source),
                                parts=parts)


def load(path: str | Path) -> SltData:
    """Load a kommune folder or one YAML file. Raises :class:`DataError`
    listing every error — also a folder that cannot be read — (warnings are
    only reported by :func:`read`)."""
    result = read(path)
    if result.data is None:
        raise DataError(f"{path}: dataene har feil", result.errors or result.problems)
    return result.data


def load_dict(data: Mapping[str, Any]) -> SltData:
    """Build the model from plain data; raises :class:`DataError` listing
    every error."""
    result = read_dict(data)
    if result.data is None:
        raise DataError("dataene har feil", result.errors)
    return result.data


def check(data: SltData) -> list[Problem]:
    """Check a model built or changed in code (``attrs.evolve``) by the rules
    :func:`load` applies: the type of every field first, then every rule
    (a tiltak needs an ``ansvar``, a body referred to must exist, texts Word
    can hold …). Returns the warnings; raises :class:`DataError` listing
    every error with its field path (``handlingsplan.delmaal[0].tiltak[1].ansvar``;
    the file is the data folder when the model was loaded from one).
    ``slt_docs.render`` runs this first, so an invalid model never reaches a template."""
    findings = list(check_types(data))
    if not findings:  # the converter's rules on values (years 1900–2100, a block's one kind …)
        findings = list(_converter_findings(data))  # type: ignore[arg-type]
    if not findings:
        findings = list(check_data(data))  # type: ignore[arg-type]
    folder = data.kilde if isinstance(data, SltData) else None
    problems = [Problem(melding=message, sti=format_path(path), fil=folder, alvor=severity)
                for path, message, severity in findings]
    errors = [p for p in problems if p.is_error]
    if errors:
        raise DataError(f"{folder or 'dataene'}: dataene har feil", errors)
    return problems


def _converter_findings(data: SltData) -> Iterator[tuple[Path_, str, Alvor]]:
    """What loading the model's own plain form again would refuse."""
    try:
        CONVERTER.structure(CONVERTER.unstructure(data), SltData)
    except (ClassValidationError, IterableValidationError, InvalidValue) as exc:
        for path, message, _key in structure_errors(exc, ()):
            yield path, message, Alvor.feil


# -- structuring and locating errors ------------------------------------------

def _structure_and_check(merged: dict[str, Any], owner: dict[str, Source],
                         problems: list[Problem], base: Path | None,
                         default_file: Path, empty: list[Path] | None = None,
                         parts: dict[str, list[tuple[Source, Path_]]] | None = None,
                         ) -> LoadResult:
    locate = _Locator(owner, default_file, parts or {})
    required = [key for key in ("kommune", "organisasjon") if key not in merged]
    for key in list(merged):
        if key not in SECTIONS:
            message, meant = unknown_key_message(key, SECTIONS, required)
            if meant in required:
                required.remove(meant)
            problems.append(locate.problem((key,), message, key=True))
            del merged[key]
    for key in required:
        problems.append(_missing_section(key, empty or [], default_file))
    if any(p.is_error for p in problems):
        return LoadResult(None, problems)
    try:
        data = CONVERTER.structure(merged, SltData)
    except (ClassValidationError, IterableValidationError, InvalidValue) as exc:
        lang = written_standard(merged)
        problems.extend(locate.problem(p, m, key=k)
                        for p, m, k in structure_errors(exc, (), lang=lang))
        return LoadResult(None, _sorted(problems))
    data = attrs.evolve(data, kilde=base)
    for path, message, severity in check_data(data):
        problems.append(locate.problem(path, message, severity=severity))
    if any(p.is_error for p in problems):
        return LoadResult(None, _sorted(problems))
    return LoadResult(data, _sorted(problems))


def _missing_section(key: str, empty: list[Path], default_file: Path) -> Problem:
    """A required section is missing: blamed on the empty file named after
    it (an empty ``kommune.yaml``), else on the first file."""
    named = next((f for f in empty if f.stem == key), None)
    if named is not None:
        return Problem(melding=f"fila er tom; den skal ha delen «{key}:» øverst", sti=key,
                       fil=named, linje=1, kolonne=1)
    return Problem(melding=f"delen «{key}:» mangler; den må stå i en av filene", sti=key,
                   fil=default_file)


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (str(p.fil or ""), p.linje or 0, p.kolonne or 0))


@define
class _Locator:
    owner: dict[str, Source]
    default_file: Path
    parts: dict[str, list[tuple[Source, Path_]]] = field(factory=dict)

    def problem(self, path: Path_, message: str, *, key: bool = False,
                severity: Alvor = Alvor.feil) -> Problem:
        source = self.owner.get(str(path[0])) if path else None
        in_file = path
        gathered = self.parts.get(str(path[0])) if path else None
        if gathered and len(path) > 1 and isinstance(path[1], int) \
                and 0 <= path[1] < len(gathered):
            source, prefix = gathered[path[1]]
            in_file = (*prefix, *path[2:])
        elif gathered:
            source = gathered[0][0]
            in_file = gathered[0][1]
        pos = None
        if source is not None:
            pos = source.where_key(in_file) if key else source.where(in_file)
        line, col = pos or (None, None)
        return Problem(melding=message, sti=format_path(path),
                       fil=source.path if source else self.default_file,
                       linje=line, kolonne=col, alvor=severity)


def written_standard(merged: Mapping[str, Any]) -> str:
    """``nn`` when the raw data says its documents are in nynorsk, else
    ``nb``: the spelling error messages use for the valid values."""
    kommune = merged.get("kommune")
    spraak = kommune.get("spraak") if isinstance(kommune, dict) else None
    return "nn" if isinstance(spraak, str) and spraak.strip().casefold() == "nn" else "nb"


def structure_errors(exc: BaseException, path: Path_,
                     lang: str = "nb") -> Iterator[tuple[Path_, str, bool]]:
    """Every leaf error of a cattrs validation error, with its field path, its
    Norwegian message, and whether it points at a key (unknown field). Valid
    values are listed in ``lang`` (the data's written standard). A misspelt
    required key gives one message, at the key, with the suggestion first.
    Pack manifests are checked with it too."""
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        with_notes, without = exc.group_exceptions()
        missing = [note.name for sub, note in with_notes
                   if isinstance(sub, KeyError) and isinstance(exc, ClassValidationError)]
        for sub in without:
            if isinstance(sub, ForbiddenExtraKeysError):
                for name in sorted(str(key) for key in sub.extra_fields):
                    message, meant = unknown_key_message(name, _allowed(sub.cl), missing)
                    if meant in missing:
                        missing.remove(meant)
                    yield (*path, name), message, True
            else:
                yield from structure_errors(sub, path, lang)
        for sub, note in with_notes:
            step = note.index if isinstance(exc, IterableValidationError) else note.name
            if isinstance(sub, KeyError):
                if step in missing:
                    yield (*path, step), f"påkrevd felt «{step}» mangler", False
            else:
                yield from structure_errors(sub, (*path, step), lang)
        return
    if isinstance(exc, ForbiddenExtraKeysError):
        for name in sorted(str(key) for key in exc.extra_fields):
            yield (*path, name), unknown_key_message(name, _allowed(exc.cl))[0], True
        return
    if isinstance(exc, InvalidChoice):
        yield path, exc.message(lang), False
        return
    if isinstance(exc, InvalidValue):
        yield path, str(exc), False
        return
    yield path, f"ugyldig verdi ({exc})", False


def _allowed(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls) if f.name != "kilde")


def unknown_key_message(name: str, allowed: Sequence[str],
                        missing: Sequence[str] = ()) -> tuple[str, str | None]:
    """The message for an unknown key ``name`` and the key it was probably
    meant to be (or None). Keys are compared as a keyboard without
    Norwegian letters would write them (``år`` → ``aar``, ``møter`` →
    ``moter``); a required key that is ``missing`` is preferred, and then
    the message says that it is required."""
    meant = _closest(str(name), allowed, missing)
    message = f"ukjent felt «{name}»"
    if meant is None:
        return f"{message}; tillatte felt her er: {', '.join(allowed)}", None
    if meant in missing:
        return f"{message}; mente du «{meant}»? (feltet «{meant}» må være med)", meant
    return f"{message}; mente du «{meant}»?", meant


def _closest(name: str, allowed: Sequence[str], missing: Sequence[str]) -> str | None:
    forms = ascii_forms(name.strip())
    for candidates in (missing, allowed):
        exact = [key for key in candidates if key.casefold() in forms]
        if exact:
            return exact[0]
    for candidates in (missing, allowed):
        for form in sorted(forms):
            close = difflib.get_close_matches(form, list(candidates), n=1, cutoff=0.6)
            if close:
                return close[0]
    return None
