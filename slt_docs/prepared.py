"""What the documents of one kommune share, computed once and passed down.

Several documents and files of a kommune show the same things: the
møteplan's meetings (the møteplan document, the handlingsplan's tidspunkt
column, the årshjul and its alt text) and the årshjul picture (in the
handlingsplan, in the møteplan, as ``aarshjul.png`` and ``aarshjul.svg``),
the web page lists every document by the title its view gives, and the
status chart stands in the handlingsplan and in the status report.
A :class:`Prepared` holds them for one kommune's data: the schedule is
expanded on first use, the årshjul and the status chart drawn once per
language and each document's view made once, and every document and file
made with the same :class:`Prepared` reuses them.

It is an explicit object, not a cache in a module: :func:`slt_docs.render`
makes one per call, :func:`slt_docs.render_all` one per kommune, the batch
(:func:`slt_docs.render_many`) one per kommune in its worker, each dropped
when that kommune is done — so nothing one kommune computed can reach the
next. Use one from one thread at a time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .aarshjul import Aarshjul
from .lang import Language
from .models import SltData
from .schedule import Schedule, expand

if TYPE_CHECKING:
    from .cycle.status import YearStatus


class Prepared:
    """The shared work of one kommune's documents (see the module)."""

    def __init__(self, data: SltData) -> None:
        self.data = data
        self._schedule: Schedule | None = None
        self._wheels: dict[tuple[str, str], Aarshjul] = {}
        self._charts: dict[tuple[int, str, str], bytes] = {}
        self.views: dict[tuple[object, ...], object] = {}
        """Each document's view, by kind, language and options
        (:func:`slt_docs.documents.render` fills it)."""

    @property
    def schedule(self) -> Schedule | None:
        """The møteplan expanded into meetings (``None`` without a møteplan);
        raises :class:`~slt_docs.errors.DataError` as
        :func:`~slt_docs.schedule.expand` does."""
        if self._schedule is None and self.data.moteplan is not None:
            self._schedule = expand(self.data)
        return self._schedule

    def aarshjul(self, lang: Language) -> Aarshjul:
        """The årshjul in ``lang`` (drawn on first use, then the same object)."""
        key = (lang.code, str(getattr(lang, "catalog", "")))
        wheel = self._wheels.get(key)
        if wheel is None:
            wheel = self._wheels[key] = Aarshjul(self.data, lang, schedule=self.schedule)
        return wheel

    def status_chart(self, status: YearStatus, lang: Language) -> bytes:
        """The status chart of ``status`` (one year) as PNG, in ``lang``
        (drawn on first use: the handlingsplan's follow-up section and the
        status report show the same one)."""
        key = (status.aar, lang.code, str(getattr(lang, "catalog", "")))
        chart = self._charts.get(key)
        if chart is None:
            from .cycle.chart import status_chart_png

            chart = self._charts[key] = status_chart_png(status, lang)
        return chart


__all__ = ["Prepared"]
