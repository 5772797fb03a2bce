"""A readable outline of a web page: what a reviewer checks, not bytes.

The page's language and title, then its content in reading order: the
landmarks (``header``, ``nav``, ``main``, ``footer``) where they start,
headings with their level, paragraphs, list items, the facts of a
description list (``Møteverksemd: Seks møte i året``), tables with their
caption and header cells, and every link with its text and address.
Regression fixtures of the web page hold this outline, as those of the Word
documents hold :func:`slt_docs.render.extract.outline`.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import html

_LANDMARKS = {"header", "nav", "main", "footer", "aside"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "li", "table", "dl", *_HEADINGS}


def _text(el: Any) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def _links(el: Any) -> list[str]:
    return [f"{_text(a)} → {a.get('href', '')}" for a in el.iter("a")]


def _item(kind: str, el: Any) -> dict[str, Any]:
    item: dict[str, Any] = {kind: _text(el)}
    links = _links(el)
    if links:
        item["lenker"] = links
    return item


def _table(el: Any) -> dict[str, Any]:
    caption = el.find("caption")
    rows = []
    for tr in el.iter("tr"):
        rows.append([(f"[{_text(c)}]" if c.tag == "th" else _text(c))
                     for c in tr if c.tag in ("th", "td")])
    table: dict[str, Any] = {"rader": rows}
    if caption is not None:
        table = {"tekst": _text(caption), **table}
    return {"tabell": table}


def _facts(el: Any) -> dict[str, Any]:
    facts: list[str] = []
    links: list[str] = []
    term = ""
    for child in el:
        if child.tag == "dt":
            term = _text(child)
        elif child.tag == "dd":
            facts.append(f"{term}: {_text(child)}")
            links += _links(child)
    item: dict[str, Any] = {"fakta": facts}
    if links:
        item["lenker"] = links
    return item


def _walk(el: Any, out: list[dict[str, Any]]) -> None:
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _LANDMARKS:
            out.append({"landemerke": tag})
        if tag in _HEADINGS:
            out.append(_item(tag, child))
        elif tag == "p":
            out.append(_item("p", child))
        elif tag == "li":
            if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in child.iter()
                   if c is not child):
                out.append({"punkt": ""})
                _walk(child, out)
            else:
                out.append(_item("punkt", child))
        elif tag == "table":
            out.append(_table(child))
        elif tag == "dl":
            out.append(_facts(child))
        elif tag in ("style", "script", "head", "title"):
            continue
        elif tag == "a" and not any(p.tag in _BLOCKS for p in child.iterancestors()):
            out.append({"lenke": f"{_text(child)} → {child.get('href', '')}"})
        else:
            _walk(child, out)


def html_outline(page: bytes | str) -> dict[str, Any]:
    """The outline of a whole page or a fragment (see the module doc)."""
    text = page.decode("utf-8") if isinstance(page, bytes) else page
    is_page = bool(re.match(r"\s*<!DOCTYPE|\s*<html", text, re.I))
    root = html.document_fromstring(text) if is_page else html.fragment_fromstring(
        text, create_parent="div")
    lang_holder = root if is_page else next(iter(root), root)
    title = root.find(".//title")
    body = root.find("body") if is_page else root
    content: list[dict[str, Any]] = []
    _walk(body if body is not None else root, content)
    return {
        "spraak": lang_holder.get("lang", ""),
        "tittel": _text(title) if title is not None else "",
        "fragment": not is_page,
        "innhold": content,
    }


__all__ = ["html_outline"]
