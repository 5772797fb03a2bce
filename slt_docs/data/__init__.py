"""From YAML or dicts to validated models, and back."""

from typing import TYPE_CHECKING

from ..lazy import lazy_exports
from .load import LoadResult, check, load, load_dict, read, read_dict

if TYPE_CHECKING:
    from .dump import dump_folder, dumps, to_dict

__getattr__ = lazy_exports(__name__, dict.fromkeys(("dump_folder", "dumps", "to_dict"), ".dump"))
"""The YAML writer (ruamel.yaml) is imported on first use."""

__all__ = ["LoadResult", "check", "dump_folder", "dumps", "load", "load_dict", "read", "read_dict",
           "to_dict"]
