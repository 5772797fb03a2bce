"""Putting a WordprocessingML element where the schema wants it.

Word (and the ISO/IEC 29500 schemas) expect the children of ``w:pPr``,
``w:rPr``, ``w:tcPr``, ``w:tblPr``, ``w:style`` and ``w:settings`` in one
fixed order; an element appended at the end is "unreadable content" when it
belongs earlier. Everything slt_docs adds to such a parent (when building its
templates and profiles, merging a profile, finishing a rendered document)
goes through :func:`set_child`, which knows the order from
``transitional/wml.xsd`` (``tests/test_wordxml.py`` checks these lists
against the schema).
"""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

_PPR = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange")
_RPR = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
    "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
    "oMath", "rPrChange")
_TCPR = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel",
    "cellMerge", "tcPrChange")
_TBLPR = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange")
_STYLE = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
    "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
    "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr")
_SETTINGS = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
    "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
    "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState",
    "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions",
    "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
    "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml",
    "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
    "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
    "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr",
    "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
    "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
    "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")

ORDER: dict[str, tuple[str, ...]] = {
    "pPr": _PPR, "rPr": _RPR, "tcPr": _TCPR, "tblPr": _TBLPR, "style": _STYLE,
    "settings": _SETTINGS,
}
"""The children of each parent, in the order of ``transitional/wml.xsd``
(``rPr``: the order of ``EG_RPrBase`` that Word and the Open XML SDK require)."""


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def set_child(parent: etree._Element, child: etree._Element) -> etree._Element:
    """Put ``child`` into ``parent`` at its place in the schema order,
    replacing a child of the same name. Returns ``child``."""
    order = ORDER[_local(parent.tag)]
    name = _local(child.tag)
    rank = order.index(name)
    for old in parent.findall(child.tag):
        parent.remove(old)
    for index, sibling in enumerate(parent):
        other = _local(sibling.tag)
        if other in order and order.index(other) > rank:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def get_or_add(parent: etree._Element, name: str) -> etree._Element:
    """The child ``w:name`` of ``parent``, added at its place when missing."""
    found = parent.find(f"{W}{name}")
    if found is not None:
        return found
    return set_child(parent, etree.SubElement(parent, f"{W}{name}"))


def w_element(name: str, **attrs: str) -> etree._Element:
    """A new ``w:name`` element with ``w:`` attributes."""
    el = etree.Element(f"{W}{name}", nsmap={"w": W_NS})
    for key, value in attrs.items():
        el.set(f"{W}{key}", value)
    return el
