"""Does a .docx open in Microsoft Word without repair? The OOXML validator.

Use::

    from slt_docs.ooxml import validate_docx

    for problem in validate_docx(docx_bytes):
        print(problem)
    # word/document.xml:32: feil: /w:document/w:body/w:tbl[2]/w:tr[2]/w:tc[1]/w:tcPr/w:vMerge:
    # w:vMerge står etter w:shd; forventet rekkefølge: w:cnfStyle, w:tcW, w:gridSpan, …

See ``docs/ooxml.md`` for everything that is checked and what is left out.

What it checks, and how (see the modules for the details):

1. Markup Compatibility (:mod:`.mce`, ECMA-376 Part 3) first, per part, as
   Word 2007 reads it: ignorable extensions removed, ``mc:AlternateContent``
   resolved to the first understood ``mc:Choice`` or the ``mc:Fallback``.
2. The ISO/IEC 29500 Transitional schemas (:mod:`.schema`, bundled in
   ``schemas/``), compiled once per process into one validator; each XML part
   by its content type and root element. lxml's messages are told in
   Norwegian, with the full expected order of children (:mod:`.messages`).
3. Word's own rules (:mod:`.rules`): run properties in ``EG_RPrBase`` order,
   unique ``wp:docPr`` ids, relationship ids that resolve and targets that
   exist, a content type for every part, balanced complex fields, style and
   numbering references that exist, paired bookmarks.

Developer tool: ``python3 -m slt_docs.ooxml FILE.docx …`` prints the problems
(exit status 0 when there are no errors, 2 otherwise).
"""

from .report import Finding
from .schema import SchemaError
from .validate import Report, inspect_docx, validate_docx, validate_part

__all__ = ["Finding", "Report", "SchemaError", "inspect_docx", "validate_docx", "validate_part"]
