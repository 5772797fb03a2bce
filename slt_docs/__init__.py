"""slt_docs: the official SLT documents of a Norwegian kommune, from data.

The pipeline: YAML (or dict) → :func:`load` (cattrs → attrs models, checked)
→ a view for one language (:mod:`slt_docs.view`) → a Word template rendered in
a sandbox (:mod:`slt_docs.render`) → .docx (→ PDF through LibreOffice).

>>> import slt_docs
>>> data = slt_docs.load("examples/aukra")
>>> data.kommune.navn
'Aukra'
>>> docx = slt_docs.render(data, "handlingsplan", lang="nb")

The API reference is ``docs/api.md``.
"""

from .aarshjul import aarshjul_png, aarshjul_svg
from .data import LoadResult, check, dump_folder, dumps, load, load_dict, read, read_dict, to_dict
from .documents import DocKind, available_documents, render, render_all, write_aarshjul
from .errors import Alvor, DataError, Problem, SltError
from .ics import to_ics
from .lang import Language, available_languages, data_language, get_language
from .models import SltData
from .render.office import OfficeSession

__version__ = "0.1.0.dev0"

__all__ = [
    "Alvor",
    "DataError",
    "DocKind",
    "Language",
    "LoadResult",
    "OfficeSession",
    "Problem",
    "SltData",
    "SltError",
    "__version__",
    "aarshjul_png",
    "aarshjul_svg",
    "available_documents",
    "available_languages",
    "check",
    "data_language",
    "dump_folder",
    "dumps",
    "get_language",
    "load",
    "load_dict",
    "read",
    "read_dict",
    "render",
    "render_all",
    "to_dict",
    "to_ics",
    "write_aarshjul",
]
