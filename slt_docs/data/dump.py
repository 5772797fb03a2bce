"""Writing the model back to YAML: load → dump → load gives an equal model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from attrs import field, frozen

from ..files import OutputError, backup, output_errors, write_files
from ..models import SltData, expect_model
from .converter import CONVERTER


class _Dumper(yaml.SafeDumper):
    """Block style, long lines kept whole, multi-line text as ``|`` blocks."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def to_dict(data: SltData) -> dict[str, Any]:
    """The model as plain data (the short forms a coordinator writes).
    Raises :class:`~slt_docs.errors.DataError` when ``data`` is not a model."""
    return CONVERTER.unstructure(expect_model(data))


def dumps(data: SltData | dict[str, Any]) -> str:
    """The model (or one of its sections, as plain data) as YAML text.
    Raises :class:`~slt_docs.errors.DataError` when ``data`` is neither."""
    plain = data if isinstance(data, dict) else to_dict(data)
    return yaml.dump(plain, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000,
                     default_flow_style=False)


def dump_folder(data: SltData, folder: str | Path, *, overwrite: bool = False) -> list[Path]:
    """Write one YAML file per section (``kommune.yaml``, ``organisasjon.yaml`` …)
    into ``folder``; returns the files written. See :func:`write_folder`.

    Raises :class:`~slt_docs.files.OutputError` when a file cannot be written
    (or ``folder`` is the data's own folder and ``overwrite`` is false),
    :class:`~slt_docs.errors.DataError` when ``data`` is not a model."""
    return write_folder(data, folder, overwrite=overwrite).written


@frozen
class Written:
    """What :func:`write_folder` did: the files written, the backups kept of
    the data files it replaced, and the old data files it moved aside."""

    written: list[Path]
    backups: list[Path] = field(factory=list)
    removed: list[Path] = field(factory=list)


def write_folder(data: SltData, folder: str | Path, *, overwrite: bool = False) -> Written:
    """Write the data as one YAML file per section into ``folder``, all files
    or none, each starting with the schema line, and the JSON Schema
    (``slt-docs.schema.json``) beside them, as ``slt-docs ny`` does. The
    data's own folder (``data.kilde``) — or a file in it — is refused unless
    ``overwrite`` is true: the coordinator's files hold comments and their
    own spelling that a dump does not keep. With
    ``overwrite`` every YAML file there is kept as ``<navn>.bak`` first, and
    the old files the dump does not replace are moved aside (so no section
    stands twice). Raises :class:`~slt_docs.files.OutputError`, and
    :class:`~slt_docs.errors.DataError` when ``data`` is not a model."""
    from .schema import SCHEMA_FILE, SCHEMA_LINE, schema_text

    folder = Path(folder)
    plain = to_dict(data)
    files = {folder / f"{key}.yaml": (SCHEMA_LINE + dumps({key: value})).encode("utf-8")
             for key, value in plain.items()}
    files[folder / SCHEMA_FILE] = schema_text().encode("utf-8")
    source = data.kilde
    into_data = source is not None and _same_place(folder, source)
    if source is not None and not into_data and folder.is_file() \
            and _same_place(folder.parent, source):
        raise OutputError(folder, "dette er en av datafilene dine, ikke en mappe; skriv til en "
                          "ny mappe")
    if not into_data:
        return Written(written=write_files(files))
    if not overwrite:
        raise OutputError(folder, "dette er datamappa selv; dataene dine (med kommentarene) "
                          "skrives ikke over uten at du ber om det (--overskriv, eller "
                          "overwrite=True), og da tas en sikkerhetskopi (.bak) først")
    old = [p for p in sorted(folder.iterdir()) if p.suffix in (".yaml", ".yml") and p.is_file()]
    backups: list[Path] = []
    try:
        for path in old:
            backups.append(backup(path))
        written = write_files(files)
    except BaseException:
        for kept in backups:
            kept.unlink(missing_ok=True)
        raise
    removed = []
    for path in old:
        if path not in files:
            with output_errors(path):
                path.unlink()
            removed.append(path)
    return Written(written=written, backups=backups, removed=removed)


def _same_place(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.resolve() == b.resolve()
    except OSError:
        return False
