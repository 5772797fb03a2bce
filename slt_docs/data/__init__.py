"""From YAML or dicts to validated models, and back."""

from .dump import dump_folder, dumps, to_dict
from .load import LoadResult, check, load, load_dict, read, read_dict

__all__ = ["LoadResult", "check", "dump_folder", "dumps", "load", "load_dict", "read", "read_dict",
           "to_dict"]
