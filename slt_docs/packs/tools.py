"""Making and checking template packs: ``slt-docs mal ny|kontroller|pakk``."""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

from attrs import evolve, frozen

from ..contrast import contrast_problems, style_names_used
from ..errors import Alvor, Problem, SltError
from ..files import output_errors, write_atomic, write_files
from ..profile import Profile, ProfileError, applied, load_profile
from ..render.docx import word_problems
from ..render.package import normalize_zip
from ..render.safety import UnsafeFile, clean_docx
from ..resources import template_path
from .lint import check_html_template, check_template
from .manifest import (
    HTML_KINDS,
    KINDS,
    MANIFEST,
    Manifest,
    PakkeBilde,
    check_member_path,
    dump_manifest,
    minimum_spec,
    template_file,
    template_types,
)
from .pack import (
    PackError,
    PackReader,
    _clean,
    check_picture_bytes,
    html_template_bytes,
    open_pack,
    pack_label,
)


@frozen
class CheckResult:
    """What ``mal kontroller`` found: the pack's label, the problems and the
    kinds that come from the defaults."""

    label: str
    problems: list[Problem]
    defaults: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        """Only the errors."""
        return [p for p in self.problems if p.is_error]


def check_pack(path: str | Path, kind: str | None = None) -> CheckResult:
    """Check a pack folder, a pack .zip or one template (``kind`` names its
    document kind; default: the file name). Never raises for a bad pack."""
    path = Path(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return _check(path, kind)
        except (SltError, OSError) as exc:
            message = str(exc) if isinstance(exc, SltError) else f"kan ikke lese: {exc}"
            problems = list(exc.problems) if isinstance(exc, SltError) else []
            if not problems or isinstance(exc, UnsafeFile):
                problems.insert(0, Problem(melding=message.split("\n")[0], fil=path))
            return CheckResult(label=f"«{path}»", problems=problems)


def _check(path: Path, kind: str | None) -> CheckResult:
    if not path.exists():
        raise PackError(f"fant ikke «{path}»")
    if path.is_file() and path.suffix.lower() in (".docx", ".dotx", ".html", ".htm"):
        kind = kind or path.stem.lower().replace("ø", "o")
        if kind not in KINDS:
            raise PackError(f"hvilken dokumenttype er «{path.name}»? Oppgi den med --doc "
                            f"({', '.join(KINDS)})")
        problems = _check_template_file(path.read_bytes(), kind, path.name,
                                        f"malen «{path.name}»", ())
        return CheckResult(label=f"malen «{path.name}»", problems=problems, provides=(kind,))
    reader = PackReader(path)
    manifest, problems = reader.manifest()
    label = pack_label(manifest, path)
    if manifest is None:
        return CheckResult(label=label, problems=problems)
    for kind_name, name in manifest.dokumenter.items():
        try:
            raw = reader.read(name)
        except SltError as exc:
            problems.append(Problem(melding=f"{exc} (dokumenttypen {kind_name})",
                                    fil=Path(MANIFEST), sti=f"dokumenter.{kind_name}"))
            continue
        problems += _check_template_file(raw, kind_name, name, f"{label}, {name}", manifest.bilder)
    for key, pic in manifest.bilder.items():
        try:
            check_picture_bytes(reader.read(pic.fil), f"{label}, {pic.fil}")
        except SltError as exc:
            problems.append(Problem(melding=str(exc), fil=Path(pic.fil), sti=f"bilder.{key}"))
    used = {MANIFEST, *manifest.dokumenter.values(), *(p.fil for p in manifest.bilder.values())}
    for name in reader.names():
        stem = Path(name).stem.lower()
        if name not in used and name.lower().endswith((".docx", ".html")) and stem in KINDS and \
                not Path(name).name.startswith("~$"):
            problems.append(Problem(
                melding=f"«{name}» ligger i pakken, men står ikke under «dokumenter:» i "
                f"manifestet, så den blir ikke brukt", fil=Path(name), alvor=Alvor.advarsel))
    defaults = tuple(k for k in KINDS if k not in manifest.dokumenter)
    return CheckResult(label=label, problems=problems, defaults=defaults,
                       provides=tuple(manifest.dokumenter))


def _check_template_file(raw: bytes, kind: str, name: str, what: str,
                pictures: dict[str, PakkeBilde] | tuple[str, ...]) -> list[Problem]:
    """Check one template of a pack: a Word template, or the web page's HTML."""
    if Path(name).suffix.lower() not in template_types(kind):
        return [Problem(melding=f"«{name}» kan ikke være malen for {kind}; den må være "
                        f"{' eller '.join(template_types(kind))}", fil=Path(name), sti=kind)]
    if kind in HTML_KINDS:
        try:
            text = html_template_bytes(raw, what).decode("utf-8")
        except SltError as exc:
            return [Problem(melding=str(exc), fil=Path(name), sti=kind)]
        return check_html_template(text, kind, name)
    try:
        clean = _clean(raw, what)
    except SltError as exc:
        return [Problem(melding=str(exc), fil=Path(name), sti=kind)]
    problems = [Problem(melding=note, fil=Path(name), sti=kind, alvor=Alvor.advarsel)
                for note in clean.notes]
    problems += check_template(clean.data, kind, name, pictures=tuple(pictures))
    problems += word_problems(clean.data, name)
    problems += _contrast_warnings(clean.data, name)
    return problems


def _contrast_warnings(data: bytes, name: str, styles: frozenset[str] = frozenset()) -> \
        list[Problem]:
    return [Problem(melding=f"{p} (WCAG 2.1 krever minst 4,5:1 for tekst)", fil=Path(name),
                    alvor=Alvor.advarsel)
            for p in contrast_problems(data, styles)]


def _template_styles() -> frozenset[str]:
    """The styles our templates use (and "Hyperlink", used for links)."""
    names = {"Hyperlink"}
    for kind in WORD_KINDS:
        names |= style_names_used(default_template_bytes(kind))
    return frozenset(names)


WORD_KINDS = tuple(k for k in KINDS if k not in HTML_KINDS)
"""The kinds whose template is a Word file."""


def check_profile(path: str | Path) -> CheckResult:
    """Check a profile document (profilmal): that Word opens it without
    repair, that each of our templates still does with the profile applied,
    and (as warnings) that its text colours have enough contrast."""
    path = Path(path)
    label = f"profildokumentet «{path.name}»"
    try:
        profile: Profile = load_profile(path)
    except (ProfileError, UnsafeFile) as exc:
        return CheckResult(label=label, problems=[Problem(melding=str(exc).split("\n")[0],
                                                          fil=path)])
    problems = [Problem(melding=note, fil=Path(path.name), alvor=Alvor.advarsel)
                for note in profile.notes]
    problems += word_problems(profile.data, path.name)
    for kind in WORD_KINDS:
        try:
            merged = applied(default_template_bytes(kind), profile)
        except SltError as exc:
            problems.append(Problem(melding=str(exc), fil=Path(path.name), sti=kind))
            continue
        problems += word_problems(merged, f"{path.name} brukt på {kind}.docx")
    problems += _contrast_warnings(profile.data, path.name, _template_styles())
    return CheckResult(label=label, problems=problems)


# -- new ---------------------------------------------------------------------------

def default_template_bytes(kind: str) -> bytes:
    """The shipped template for ``kind``."""
    return template_path(template_file(kind)).read_bytes()


def new_pack(folder: str | Path, *, source: str | Path | None = None, navn: str | None = None,
             kommune: str | None = None) -> list[Path]:
    """Start a pack in ``folder`` from the default templates, or from the
    pack ``source`` (its templates checked and cleaned first). Returns the
    files written."""
    folder = Path(folder)
    with output_errors(folder):
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise SltError(f"«{folder}» finnes allerede og er ikke en tom mappe; velg en ny "
                           "mappe")
    files: dict[str, bytes] = {}
    if source is None:
        manifest = Manifest(
            navn=navn or folder.name, kommune=kommune or "Min kommune", versjon="0.1.0",
            lisens="CC-BY-4.0", spraak=("nb", "nn"), slt_docs=minimum_spec(),
            dokumenter={kind: template_file(kind) for kind in KINDS},
            beskrivelse="Laget fra standardmalene i slt_docs.")
        for kind in KINDS:
            files[template_file(kind)] = default_template_bytes(kind)
    else:
        pack = open_pack(source)
        if pack.manifest is None:
            raise SltError(f"{pack.label} er én mal, ikke en malpakke; bruk en mappe eller .zip "
                           "med manifest.yaml")
        old = pack.manifest
        manifest = evolve(old, navn=navn or f"{old.navn} (ny)", kommune=kommune or "Min kommune",
                          versjon="0.1.0",
                          basert_paa=f"{old.navn} {old.versjon} fra {old.kommune}")
        for kind_name, template in pack.templates.items():
            files[old.dokumenter[kind_name]] = template.data
        for pic in old.bilder.values():
            files[pic.fil] = pack.files[pic.fil]
    files[MANIFEST] = dump_manifest(manifest).encode("utf-8")
    targets: dict[Path, bytes] = {}
    root = folder.resolve()
    for name, data in files.items():
        why = check_member_path(name)
        if why:
            raise UnsafeFile(f"kan ikke skrive «{name}»: {why}")
        target = (root / name).resolve()
        if root not in target.parents:
            raise UnsafeFile(f"kan ikke skrive «{name}» utenfor «{folder}»")
        targets[target] = data
    return write_files(targets)


# -- pack --------------------------------------------------------------------------

def build_pack(folder: str | Path, output: str | Path | None = None) -> tuple[Path, CheckResult]:
    """Check the pack folder and write it as a .zip (templates cleaned,
    fixed timestamps). Raises :class:`PackError` (with the problems) when
    the check finds errors; nothing is written then."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PackError(f"«{folder}» er ikke en mappe; «slt-docs mal pakk» pakker en malmappe")
    result = check_pack(folder)
    if result.errors:
        raise PackError(f"{result.label} har {len(result.errors)} feil; ingen pakke laget",
                        result.errors)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pack = open_pack(folder)
    assert pack.manifest is not None
    files: dict[str, bytes] = {MANIFEST: pack.files[MANIFEST]}
    for kind_name, template in pack.templates.items():
        files[pack.manifest.dokumenter[kind_name]] = template.data if kind_name in HTML_KINDS \
            else clean_docx(template.data, f"{pack.label}, {template.name}").data
    for pic in pack.manifest.bilder.values():
        files[pic.fil] = pack.files[pic.fil]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    target = Path(output) if output else folder.with_suffix(".zip")
    if target.resolve().is_relative_to(folder.resolve()):
        raise PackError("pakken kan ikke skrives inne i mappa den lages fra; velg en annen -o")
    write_atomic(target, normalize_zip(out.getvalue()))
    return target, result
