"""Views: the model prepared for one language, ready for a template.

Templates only loop over, test and print what these objects hold.
"""

from .common import BlokkView, GruppeView, LenkeView, MandatView, PunktView, SeksjonView
from .document import DokumentView
from .handlingsplan import HandlingsplanView, handlingsplan_view
from .mandat import MandatDokView, mandat_view
from .tiltak import Tabellform, TiltakDokView, TiltakTabellView, tiltak_document_view

__all__ = [
    "BlokkView",
    "DokumentView",
    "GruppeView",
    "HandlingsplanView",
    "LenkeView",
    "MandatDokView",
    "MandatView",
    "PunktView",
    "SeksjonView",
    "Tabellform",
    "TiltakDokView",
    "TiltakTabellView",
    "handlingsplan_view",
    "mandat_view",
    "tiltak_document_view",
]
