"""slt_docs: the official SLT documents of a Norwegian kommune, from data.

The pipeline: YAML (or dict) → :func:`load` (cattrs → attrs models, checked)
→ a view for one language → a Word template → .docx.

>>> import slt_docs
>>> data = slt_docs.load("examples/aukra")
>>> data.kommune.navn
'Aukra'
"""

from .data import LoadResult, dump_folder, dumps, load, load_dict, read, read_dict, to_dict
from .errors import Alvor, DataError, Problem, SltError
from .lang import Language, available_languages, get_language

__version__ = "0.1.0.dev0"

__all__ = [
    "Alvor",
    "DataError",
    "Language",
    "LoadResult",
    "Problem",
    "SltError",
    "__version__",
    "available_languages",
    "dump_folder",
    "dumps",
    "get_language",
    "load",
    "load_dict",
    "read",
    "read_dict",
    "to_dict",
]
