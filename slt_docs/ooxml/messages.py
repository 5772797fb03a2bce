"""lxml's schema messages, told in Norwegian with the element path and what
the schema expected (the full order of the parent's children where the error
is one of order, from the XSD files)."""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from .names import element_path, name, qname
from .report import Finding
from .schema import QName, XsdIndex, split

_HEAD = re.compile(r"^Element '(?P<element>[^']*)'(?:, attribute '(?P<attribute>[^']*)')?: ")
_CLARK = re.compile(r"\{[^}]*\}[\w.-]+")
_NOT_EXPECTED = re.compile(r"This element is not expected\.?(?: Expected is (?:one of )?"
                           r"\( (?P<expected>.*) \))?")
_MISSING_CHILD = re.compile(r"Missing child element\(s\)\. Expected is (?:one of )?"
                            r"\( (?P<expected>.*) \)")
_REQUIRED = re.compile(r"The attribute '(?P<attr>[^']*)' is required but missing")
_NOT_ALLOWED_ATTR = re.compile(r"The attribute '(?P<attr>[^']*)' is not allowed")
_ENUMERATION = re.compile(r"\[facet 'enumeration'\] The value '(?P<value>.*)' is not an "
                          r"element of the set \{(?P<set>.*)\}")
_BAD_VALUE = re.compile(r"'(?P<value>.*)' is not a valid value of the (?:local )?"
                        r"(?P<how>atomic|union|list) type(?: '(?P<type>[^']*)')?")
_PATTERN = re.compile(r"\[facet 'pattern'\] The value '(?P<value>.*)' is not accepted by the "
                      r"pattern '(?P<pattern>.*)'")
_RANGE = re.compile(r"\[facet '(?:min|max)(?:In|Ex)clusive'\] The value '(?P<value>.*)' is "
                    r"(?P<how>less|greater) than (?:or equal to )?the (?:minimum|maximum) value "
                    r"allowed \('(?P<limit>.*)'\)")
_LENGTH = re.compile(r"\[facet '(?:length|minLength|maxLength)'\] The value '?(?P<value>.*?)'? "
                     r"has a length of '(?P<length>\d+)'; this (?P<how>exceeds|underruns|differs "
                     r"from) the allowed (?:maximum |minimum )?length of '(?P<limit>\d+)'")
_FACETS: list[tuple[re.Pattern[str], str, Callable[[re.Match[str]], str]]] = [
    (_ENUMERATION, "ugyldig verdi", lambda m: "er ikke tillatt; tillatte verdier: "
     + ", ".join(v.strip().strip("'") for v in m["set"].split(","))),
    (_PATTERN, "ugyldig verdi", lambda m: f"har feil form (forventet mønsteret {m['pattern']})"),
    (_RANGE, "verdi utenfor området", lambda m: "er "
     + ("mindre enn minste" if m["how"] == "less" else "større enn største")
     + f" tillatte verdi ({m['limit']})"),
    (_LENGTH, "feil lengde", lambda m: f"har lengde {m['length']}; tillatt lengde er "
     + ("høyst" if m["how"] == "exceeds" else "minst") + f" {m['limit']}"),
]
"""lxml's facet messages about a value: (pattern, class, what to say after «verdien …»)."""
_FIXED = {  # lxml's text → (class, message)
    "Character content other than whitespace is not allowed because the content type is "
    "'element-only'": ("tekst ikke tillatt", "tekst er ikke tillatt direkte i {el} (bare "
                                             "elementer)"),
    "Element content is not allowed, because the content type is a simple type definition":
        ("elementer ikke tillatt", "{el} skal bare inneholde en verdi, ikke elementer"),
    "Element content is not allowed, because the content type is empty":
        ("skal være tomt", "{el} skal være tomt"),
    "Character content is not allowed, because the content type is empty":
        ("skal være tomt", "{el} skal være tomt (ingen tekst)"),
    "No matching global declaration available for the validation root":
        ("ukjent rotelement", "{el} er ikke et kjent rotelement i OOXML-skjemaene"),
}


def _names(text: str) -> str:
    """Every ``{namespace}local`` in lxml's text as ``prefix:local``."""
    return _CLARK.sub(lambda m: name(m[0]), text)


def _list(expected: str) -> str:
    return ", ".join(_names(item.strip()) for item in expected.split(","))


def find_element(root: etree._Element, path: str | None) -> etree._Element | None:
    """The element a libxml2 node path (``/w:document/w:body/w:tbl[3]``, ``/*/*[2]``)
    names, or None."""
    if not path or not path.startswith("/"):
        return None
    steps = path.strip("/").split("/")
    node = root
    if _step_matches(root, steps[0]) is None:
        return None
    for step in steps[1:]:
        found = _step_child(node, step)
        if found is None:
            return None
        node = found
    return node


def _step_matches(node: etree._Element, step: str) -> etree._Element | None:
    label = step.split("[", 1)[0]
    if label == "*":
        return node
    prefix, _, local = label.rpartition(":")
    return node if etree.QName(node).localname == local and (node.prefix or "") == prefix \
        else None


def _step_child(node: etree._Element, step: str) -> etree._Element | None:
    label, _, rest = step.partition("[")
    nth = int(rest.rstrip("]")) if rest.rstrip("]").isdigit() else 1
    if label == "*":
        candidates = [c for c in node if isinstance(c.tag, str)]
    elif "(" in label:  # text() and the like
        return None
    else:
        prefix, _, local = label.rpartition(":")
        candidates = [c for c in node if isinstance(c.tag, str)
                      and etree.QName(c).localname == local and (c.prefix or "") == prefix]
    return candidates[nth - 1] if 0 < nth <= len(candidates) else None


_LONG = 40
"""Longer orders (w:settings has over a hundred children) are shown around the
element: four names before it and four after."""


def _sequence(order: tuple[QName, ...], qn: QName) -> str:
    names = [qname(o) for o in order]
    if len(names) <= _LONG:
        return ", ".join(names)
    at = order.index(qn)
    start, end = max(0, at - 4), min(len(names), at + 5)
    return ", ".join(["…"] * (start > 0) + names[start:end] + ["…"] * (end < len(names)))


class SchemaMessages:
    """Turns one part's schema error log into findings."""

    def __init__(self, part: str, root: etree._Element, index: XsdIndex) -> None:
        self.part = part
        self.root = root
        self.index = index
        self._seen: set[tuple[str, str]] = set()

    def findings(self, log: etree._ListErrorLog) -> list[Finding]:
        out = []
        for entry in log:
            finding = self.translate(entry)
            if finding is not None:
                out.append(finding)
        return out

    def translate(self, entry: etree._LogEntry) -> Finding | None:
        head = _HEAD.match(entry.message)
        element = find_element(self.root, getattr(entry, "path", None))
        path = element_path(element) if element is not None else (entry.path or "")
        line = element.sourceline if element is not None else entry.line
        if head is None:
            text = _names(entry.message.rstrip("."))
            return Finding(rule="schema", kind=f"skjemafeil: {text[:60]}", part=self.part,
                           message=f"skjemafeil: {text}", path=path, line=line)
        el = _names(head["element"])
        attribute = _names(head["attribute"]) if head["attribute"] else None
        text = entry.message[head.end():].rstrip(".")
        kind, message = self._describe(text, el, attribute, element)
        if kind is None:
            return None
        return Finding(rule="schema", kind=kind, part=self.part, message=message,
                       path=path, line=line)

    def _describe(self, text: str, el: str, attribute: str | None,
                  element: etree._Element | None) -> tuple[str | None, str]:
        if attribute is not None:
            return self._attribute_value(text, el, attribute, element)
        if m := _NOT_EXPECTED.fullmatch(text):
            return self._not_expected(el, element, m["expected"])
        if m := _MISSING_CHILD.fullmatch(text):
            return (f"{el}: mangler innhold",
                    f"{el} mangler et påkrevd barn; forventet: {_list(m['expected'])}")
        if m := _REQUIRED.fullmatch(text):
            attr = _names(m["attr"])
            return (f"{el}: mangler attributtet {attr}",
                    f"{el} mangler attributtet {attr}, som er påkrevd")
        if text in _FIXED:
            kind, message = _FIXED[text]
            return f"{el}: {kind}", message.format(el=el)
        return f"{el}: skjemafeil", f"skjemafeil i {el}: {_names(text)}"

    def _attribute_value(self, text: str, el: str, attribute: str,
                         element: etree._Element | None) -> tuple[str | None, str]:
        where = f"{el}/@{attribute}"
        if m := _NOT_ALLOWED_ATTR.fullmatch(text):
            return (f"{where}: attributtet er ikke tillatt",
                    f"attributtet {attribute} er ikke tillatt på {el}")
        key = (element_path(element) if element is not None else el, attribute)
        if m := _BAD_VALUE.fullmatch(text):
            if key in self._seen:  # a facet message said it already
                return None, ""
            kind = f" ({_names(m['type'])})" if m["type"] else ""
            return (f"{where}: ugyldig verdi",
                    f"verdien «{m['value']}» i {attribute} på {el} er ugyldig{kind}")
        self._seen.add(key)
        for pattern, kind, says in _FACETS:
            if m := pattern.fullmatch(text):
                return (f"{where}: {kind}",
                        f"verdien «{m['value']}» i {attribute} på {el} {says(m)}")
        return f"{where}: skjemafeil", f"skjemafeil i {attribute} på {el}: {_names(text)}"

    def _not_expected(self, el: str, element: etree._Element | None,
                      expected: str | None) -> tuple[str, str]:
        parent = element.getparent() if element is not None else None
        if element is None or parent is None:
            listed = f"; forventet: {_list(expected)}" if expected else ""
            return f"{el}: ikke ventet her", f"{el} er ikke ventet her{listed}"
        pname = name(parent.tag, parent.nsmap)
        parent_type = self.index.type_of(parent)
        order = self.index.child_order(parent_type) if parent_type is not None else ()
        qn = split(element.tag)
        if qn not in order:
            if order and (len(order) <= _LONG or not expected):
                allowed = ", ".join(qname(o) for o in order)
                return (f"{pname}: {el} ikke tillatt",
                        f"{el} er ikke tillatt i {pname}; tillatt innhold: {allowed}")
            listed = f"; forventet: {_list(expected)}" if expected else ""
            return f"{pname}: {el} ikke tillatt", f"{el} er ikke tillatt i {pname}{listed}"
        sequence = _sequence(order, qn)
        before = [s for s in element.itersiblings(preceding=True) if isinstance(s.tag, str)]
        twice = any(s.tag == element.tag for s in before) \
            and qn not in self.index.repeatable(parent_type)
        if twice:
            return (f"{pname}: {el} to ganger",
                    f"{el} står to ganger i {pname} (bare én er tillatt); "
                    f"forventet rekkefølge: {sequence}")
        previous = before[0] if before else None
        if previous is not None and split(previous.tag) in order \
                and order.index(split(previous.tag)) > order.index(qn):
            prev = name(previous.tag, previous.nsmap)
            return (f"{pname}: {el} i feil rekkefølge",
                    f"{el} står etter {prev}; forventet rekkefølge: {sequence}")
        listed = _list(expected) if expected else sequence
        return (f"{pname}: {el} ikke ventet her",
                f"{el} er ikke ventet her i {pname}; forventet her: {listed}")
