"""Writing the model back to YAML: load → dump → load gives an equal model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..models import SltData
from .converter import CONVERTER


class _Dumper(yaml.SafeDumper):
    """Block style, long lines kept whole, multi-line text as ``|`` blocks."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def to_dict(data: SltData) -> dict[str, Any]:
    """The model as plain data (the short forms a coordinator writes)."""
    return CONVERTER.unstructure(data)


def dumps(data: SltData | dict[str, Any]) -> str:
    """The model (or one of its sections, as plain data) as YAML text."""
    plain = to_dict(data) if isinstance(data, SltData) else data
    return yaml.dump(plain, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000,
                     default_flow_style=False)


def dump_folder(data: SltData, folder: str | Path) -> list[Path]:
    """Write one YAML file per section (``kommune.yaml``, ``organisasjon.yaml`` …)
    into ``folder``; returns the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for key, value in to_dict(data).items():
        path = folder / f"{key}.yaml"
        path.write_text(dumps({key: value}), encoding="utf-8")
        written.append(path)
    return written
