"""Namespaces, the prefixes we print them with, and element paths such as
``/w:document/w:body/w:tbl[3]/w:tr[2]/w:tc[1]/w:tcPr``."""

from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"

PREFIXES: dict[str, str] = {
    W: "w",
    R: "r",
    WP: "wp",
    A: "a",
    MC: "mc",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "pic",
    "http://schemas.openxmlformats.org/drawingml/2006/chart": "c",
    "http://schemas.openxmlformats.org/drawingml/2006/diagram": "dgm",
    "http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas": "lc",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
    "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes": "s",
    "http://schemas.openxmlformats.org/officeDocument/2006/bibliography": "b",
    "http://schemas.openxmlformats.org/officeDocument/2006/customXml": "ds",
    "http://schemas.openxmlformats.org/schemaLibrary/2006/main": "sl",
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes": "vt",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "ep",
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": "op",
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "cp",
    "http://schemas.openxmlformats.org/package/2006/digital-signature": "dsig",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://purl.org/dc/dcmitype/": "dcmitype",
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://www.w3.org/2001/XMLSchema-instance": "xsi",
    "urn:schemas-microsoft-com:vml": "v",
    "urn:schemas-microsoft-com:office:office": "o",
    "urn:schemas-microsoft-com:office:word": "w10",
    "urn:schemas-microsoft-com:office:excel": "x",
    "urn:schemas-microsoft-com:office:powerpoint": "pvml",
    "http://schemas.microsoft.com/office/word/2010/wordml": "w14",
    "http://schemas.microsoft.com/office/word/2012/wordml": "w15",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing": "wp14",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape": "wps",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup": "wpg",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas": "wpc",
    "http://schemas.microsoft.com/office/drawing/2010/main": "a14",
    # the package parts (content types, relationships) use a default namespace:
    # their elements are printed without a prefix
    CT: "",
    PR: "",
}


def name(tag: str, nsmap: dict[str | None, str] | None = None) -> str:
    """``{W}tcPr`` → ``w:tcPr``; an unknown namespace keeps the document's
    prefix when known, else the ``{namespace}`` form."""
    if not tag.startswith("{"):
        return tag
    ns, _, local = tag[1:].partition("}")
    prefix = PREFIXES.get(ns)
    if prefix is None and nsmap:
        prefix = next((p for p, uri in nsmap.items() if uri == ns and p), None)
    if prefix is None:
        return tag
    return f"{prefix}:{local}" if prefix else local


def qname(qn: tuple[str, str]) -> str:
    """``(W, "tcPr")`` → ``w:tcPr``."""
    return name(f"{{{qn[0]}}}{qn[1]}")


def element_path(element: etree._Element) -> str:
    """The element's path from the part's root, with an index where siblings
    share its name: ``/w:document/w:body/w:tbl[3]/w:tr[2]/w:tc[1]/w:tcPr``."""
    steps = []
    node: etree._Element | None = element
    while node is not None:
        step = name(node.tag, node.nsmap)
        parent = node.getparent()
        if parent is not None:
            same = [s for s in parent.iterchildren(node.tag)]
            if len(same) > 1:
                step += f"[{same.index(node) + 1}]"
        steps.append(step)
        node = parent
    return "/" + "/".join(reversed(steps))
