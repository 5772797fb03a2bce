"""slt_docs: the official SLT documents of a Norwegian kommune, from data.

The pipeline: YAML (or dict) → :func:`load` (cattrs → attrs models, checked)
→ a view for one language (:mod:`slt_docs.view`) → a Word template rendered in
a sandbox (:mod:`slt_docs.render`) → .docx (→ PDF through LibreOffice).

>>> import slt_docs
>>> data = slt_docs.load("examples/aukra")
>>> data.kommune.navn
'Aukra'
>>> docx = slt_docs.render(data, "handlingsplan", lang="nb")

Many kommuner at once, in parallel, one folder each (:mod:`slt_docs.batch`):

>>> results = slt_docs.render_many(["kommuner/"], "ut")   # doctest: +SKIP

The API reference is ``docs/api.md``.
"""

from typing import TYPE_CHECKING

from .aarshjul import aarshjul_png, aarshjul_svg
from .data import LoadResult, check, load, load_dict, read, read_dict
from .documents import DocKind, available_documents, render, render_all, write_aarshjul
from .errors import Alvor, DataError, Problem, SltError
from .lang import Language, available_languages, data_language, get_language
from .lazy import lazy_exports
from .models import SltData

if TYPE_CHECKING:
    from .batch import KommuneResult, render_many
    from .data.dump import dump_folder, dumps, to_dict
    from .ics import to_ics
    from .render.office import OfficeSession

__getattr__ = lazy_exports(__name__, {
    "to_ics": ".ics",  # icalendar
    "dump_folder": ".data.dump", "dumps": ".data.dump", "to_dict": ".data.dump",  # ruamel.yaml
    "KommuneResult": ".batch", "render_many": ".batch",  # process pools, progress bars
    "OfficeSession": ".render.office",  # LibreOffice
})
"""The calendar, the YAML writer, the batch and LibreOffice are imported on first use."""


__version__ = "0.1.0.dev0"

__all__ = [
    "Alvor",
    "DataError",
    "DocKind",
    "KommuneResult",
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
    "render_many",
    "to_dict",
    "to_ics",
    "write_aarshjul",
]
