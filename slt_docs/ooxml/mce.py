"""Markup Compatibility (ECMA-376 Part 3), applied to a part before it is
validated, as Word applies it when it reads the part.

The validator understands the namespaces of the bundled schemas (the
Transitional WordprocessingML, DrawingML, VML and package schemas), as Word
2007 does. Newer Word writes its extensions (``w14``, ``w15``, ``wps`` …)
either in namespaces the root lists in ``mc:Ignorable`` or inside
``mc:AlternateContent`` with a Transitional ``mc:Fallback``; both are read here
the way a consumer that does not know those namespaces must read them:

- an element or attribute in a namespace that is not understood is removed
  when that namespace is ignorable (an element named in ``mc:ProcessContent``
  is replaced by its children instead); when it is not ignorable it is an
  error (Word would refuse the file);
- ``mc:AlternateContent`` becomes the content of its first ``mc:Choice``
  whose ``Requires`` namespaces are all understood, else of its
  ``mc:Fallback``, else nothing;
- a namespace named in ``mc:MustUnderstand`` that is not understood is an
  error; ``mc:PreserveElements``/``mc:PreserveAttributes`` matter only to
  editors and are dropped.

The compatibility attributes hold for the element that carries them and
everything inside it; prefixes are resolved where they are written.
"""

from __future__ import annotations

import re

from attrs import evolve, frozen
from lxml import etree

from .names import MC, element_path, name
from .report import Finding

_MC = f"{{{MC}}}"
_ATTRIBUTES = ("Ignorable", "ProcessContent", "MustUnderstand", "PreserveElements",
               "PreserveAttributes")


@frozen
class _Scope:
    ignorable: frozenset[str] = frozenset()
    process_content: frozenset[tuple[str, str]] = frozenset()


_DECLARED = re.compile(rb"""xmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def used_namespaces(xml: bytes, understood: frozenset[str]) -> set[str]:
    """The namespaces Markup Compatibility must look for (``mc:`` and those not
    understood) that the XML text may use: declared, and their prefix followed
    by a colon somewhere in the text (a default namespace always counts). Most
    of our parts declare Word's extension namespaces without using them."""
    out: set[str] = set()
    for m in _DECLARED.finditer(xml):
        ns = (m[2] or m[3] or b"").decode("utf-8", "replace")
        if (ns == MC or ns not in understood) and (m[1] is None or m[1] + b":" in xml):
            out.add(ns)
    return out


def _needed(root: etree._Element, used: set[str]) -> set[etree._Element]:
    """The elements the processor must visit: those in, or with attributes in,
    one of the ``used`` namespaces (``mc:`` and those not understood), and
    their ancestors. The search runs in C; the rest of the part is left alone."""
    needed: set[etree._Element] = set()
    found: list[etree._Element] = []
    if used:
        found.extend(root.iter(*(f"{{{ns}}}*" for ns in used)))
    for ns in used:
        found.extend(a.getparent() for a in root.xpath("//@x:*", namespaces={"x": ns}))
    for node in found:
        while node is not None and node not in needed:
            needed.add(node)
            node = node.getparent()
    return needed


class _Processor:
    def __init__(self, part: str, understood: frozenset[str],
                 needed: set[etree._Element]) -> None:
        self.part = part
        self.understood = understood
        self.needed = needed
        self.findings: list[Finding] = []

    def error(self, element: etree._Element, kind: str, message: str) -> None:
        self.findings.append(Finding(rule="mce", kind=kind, part=self.part, message=message,
                                     path=element_path(element), line=element.sourceline))

    def _prefixes(self, element: etree._Element, attribute: str, value: str) -> list[str]:
        """The namespaces of a space-separated list of prefixes."""
        out = []
        for prefix in value.split():
            ns = element.nsmap.get(prefix)
            if ns is None:
                self.error(element, f"mc:{attribute}: ukjent prefiks",
                           f"mc:{attribute} nevner prefikset «{prefix}», som ikke er "
                           f"deklarert (xmlns:{prefix} mangler)")
            else:
                out.append(ns)
        return out

    def scope(self, element: etree._Element, outer: _Scope) -> _Scope:
        """Read and remove the element's compatibility attributes."""
        values = {attr: element.attrib.pop(f"{_MC}{attr}") for attr in _ATTRIBUTES
                  if f"{_MC}{attr}" in element.attrib}
        scope = outer
        if "Ignorable" in values:
            scope = evolve(scope, ignorable=scope.ignorable
                           | frozenset(self._prefixes(element, "Ignorable", values["Ignorable"])))
        if "ProcessContent" in values:
            names = set()
            for qname in values["ProcessContent"].split():
                prefix, _, local = qname.partition(":")
                for ns in self._prefixes(element, "ProcessContent", prefix):
                    names.add((ns, local))
            scope = evolve(scope, process_content=scope.process_content | names)
        for ns in self._prefixes(element, "MustUnderstand", values.get("MustUnderstand", "")):
            if ns not in self.understood:
                self.error(element, "mc:MustUnderstand: ukjent navnerom",
                           f"mc:MustUnderstand krever navnerommet {ns}, som Word 2007 og "
                           "OOXML-skjemaene ikke kjenner; Word kan ikke åpne delen")
        return scope

    def attributes(self, element: etree._Element, scope: _Scope) -> None:
        for attr in list(element.attrib):
            if not attr.startswith("{"):
                continue
            ns = attr[1:].partition("}")[0]
            if ns in self.understood:
                continue
            del element.attrib[attr]
            if ns not in scope.ignorable:
                shown = name(attr, element.nsmap)
                self.error(element, f"{shown}: attributt i ukjent navnerom",
                           f"attributtet {shown} på {name(element.tag)} er i navnerommet "
                           f"{ns}, som verken er kjent eller står i mc:Ignorable")

    def element(self, element: etree._Element, outer: _Scope) -> None:
        scope = self.scope(element, outer)
        self.attributes(element, scope)
        self.children(element, scope)

    def children(self, parent: etree._Element, scope: _Scope) -> None:
        index = 0
        while index < len(parent):
            child = parent[index]
            if child not in self.needed:  # nothing inside to process (or not an element)
                index += 1
                continue
            ns = child.tag[1:].partition("}")[0] if child.tag.startswith("{") else ""
            if child.tag == f"{_MC}AlternateContent":
                chosen = self.alternate_content(child, scope)
                _replace(child, chosen)
                index += len(chosen)  # processed already, in the branch's scope
                continue
            if ns == MC:
                self.error(child, f"{name(child.tag)} utenfor mc:AlternateContent",
                           f"{name(child.tag)} står utenfor mc:AlternateContent")
                _replace(child, [])
                continue
            if ns and ns not in self.understood:
                if ns in scope.ignorable:
                    keep = ((ns, child.tag.partition("}")[2]) in scope.process_content
                            or (ns, "*") in scope.process_content)
                    _replace(child, list(child) if keep else [])
                    continue
                shown = name(child.tag, child.nsmap)
                self.error(child, f"{shown}: element i ukjent navnerom",
                           f"{shown} er i navnerommet {ns}, som verken er kjent for "
                           "Word 2007/OOXML-skjemaene eller står i mc:Ignorable")
                _replace(child, [])
                continue
            self.element(child, scope)
            index += 1

    def alternate_content(self, element: etree._Element, outer: _Scope) -> list[etree._Element]:
        """The children of the branch a consumer of the understood namespaces takes."""
        scope = self.scope(element, outer)
        for branch in element:
            if not isinstance(branch.tag, str):
                continue
            if branch.tag == f"{_MC}Choice":
                requires = branch.get("Requires")
                if requires is None:
                    self.error(branch, "mc:Choice uten Requires",
                               "mc:Choice mangler attributtet Requires")
                    continue
                if all(ns in self.understood
                       for ns in self._prefixes(branch, "Requires", requires)):
                    return self._branch(branch, scope)
            elif branch.tag == f"{_MC}Fallback":
                return self._branch(branch, scope)
            else:
                self.error(branch, f"mc:AlternateContent: {name(branch.tag)} ikke tillatt",
                           f"{name(branch.tag)} er ikke tillatt i mc:AlternateContent "
                           "(bare mc:Choice og mc:Fallback)")
        return []

    def _branch(self, branch: etree._Element, outer: _Scope) -> list[etree._Element]:
        scope = self.scope(branch, outer)
        self.children(branch, scope)
        return list(branch)


def _replace(element: etree._Element, replacement: list[etree._Element]) -> None:
    """Put ``replacement`` where ``element`` stands, keeping the text around it."""
    parent = element.getparent()
    if parent is None:
        return
    position = parent.index(element)
    tail = element.tail
    for offset, node in enumerate(replacement):
        parent.insert(position + offset, node)
    last = replacement[-1] if replacement else None
    parent.remove(element)
    if tail:
        if last is not None:
            last.tail = (last.tail or "") + tail
        elif position > 0:
            before = parent[position - 1]
            before.tail = (before.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def process(root: etree._Element, part: str, understood: frozenset[str],
            xml: bytes | None = None) -> list[Finding]:
    """Apply Markup Compatibility to ``root`` in place; the faults found.
    ``xml`` is the part's text, if at hand: scanning it tells quickly which
    namespaces to look for."""
    used = used_namespaces(etree.tostring(root) if xml is None else xml, understood)
    needed = _needed(root, used)
    if not needed:
        return []
    processor = _Processor(part, understood, needed)
    processor.element(root, _Scope())
    return processor.findings
