"""The root of a kommune's SLT data: everything ``slt_docs.load`` returns."""

from __future__ import annotations

from pathlib import Path

from attrs import field, frozen

from ..errors import DataError, Problem
from .dokumenter import Dokumenter
from .handlingsplan import Handlingsplan
from .kommune import Kommune
from .moteplan import Moteplan
from .nettside import Nettside
from .organisasjon import Organisasjon
from .status import Statusrapport


@frozen(kw_only=True)
class SltData:
    """One kommune's SLT content: the kommune, its organisation (written once)
    and the documents built on it. In YAML these are the top-level keys
    ``kommune``, ``organisasjon``, ``handlingsplan``, ``moteplan``,
    ``dokumenter``, ``nettside`` and ``status``, in one file or spread over
    several files in a folder."""

    kommune: Kommune
    organisasjon: Organisasjon
    handlingsplan: Handlingsplan | None = None
    moteplan: Moteplan | None = None
    dokumenter: Dokumenter = field(factory=Dokumenter)
    nettside: Nettside | None = None
    status: tuple[Statusrapport, ...] = ()
    """The yearly status of the tiltak, one per year. Unlike the other
    parts, ``status:`` may stand in several files (``status-2021.yaml``,
    ``status-2022.yaml``), one year each."""
    kilde: Path | None = field(default=None, eq=False, repr=False)
    """The folder the data was loaded from (for logo and profile files);
    not part of the data itself."""


def not_a_model(value: object) -> str:
    """What is said when a program passes something else than the model."""
    kind = f"{type(value).__name__} «{str(value)[:40]}»" if value is not None else "None"
    return f"forventet SltData (fra slt_docs.load eller load_dict), fikk {kind}"


def expect_model(data: object) -> SltData:
    """``data`` when it is the model; anything else (a path, a dict …) is
    refused as :func:`slt_docs.check` refuses it, with
    :class:`~slt_docs.errors.DataError` — only the argument's type is
    checked here, not the model's fields."""
    if isinstance(data, SltData):
        return data
    raise DataError("dataene: dataene har feil", [Problem(melding=not_a_model(data))])
