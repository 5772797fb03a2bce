"""What the validator found: one :class:`Finding` per fault, with the rule that
found it and a short class for summaries, turned into the library's
:class:`~slt_docs.errors.Problem` for users."""

from __future__ import annotations

from pathlib import Path

from attrs import frozen

from ..errors import Alvor, Problem


@frozen(kw_only=True)
class Finding:
    """One fault in one part of a Word file.

    ``rule`` names the check (``schema``, ``mce``, ``rpr-order``, ``docpr-id``,
    ``relationship``, ``content-type``, ``field``, ``style``, ``numbering``,
    ``bookmark``, ``package``, ``xml``, ``not-validated``); ``kind`` is the
    class of fault without the place, for counting (``w:tcPr: w:vMerge i feil
    rekkefølge``); ``part`` the part name (``word/document.xml``, empty for
    the zip file itself); ``path`` the element path; ``message`` Norwegian.
    """

    rule: str
    kind: str
    part: str
    message: str
    path: str = ""
    line: int | None = None
    severity: Alvor = Alvor.feil

    @property
    def problem(self) -> Problem:
        """The finding as a :class:`Problem` (``fil`` = the part, ``sti`` = the path)."""
        return Problem(melding=self.message, sti=self.path,
                       fil=Path(self.part) if self.part else None,
                       linje=self.line, alvor=self.severity)

    @property
    def is_error(self) -> bool:
        """True for an error (Word would repair or refuse the file)."""
        return self.severity is Alvor.feil
