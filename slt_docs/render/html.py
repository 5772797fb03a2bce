"""Rendering a view into an HTML template (the kommune's web page), in the sandbox.

The template is plain Jinja text run in the same sandbox as the Word
templates (:class:`~slt_docs.render.sandbox.SltSandbox`: only view fields,
HTML escaping everywhere, the same budgets). The page it writes is then
checked the way a browser would read it (:func:`check_html`): a page from a
shared template must not run code, load anything from elsewhere or send
anything anywhere when a visitor opens it — it is self-contained, and the
only addresses it may hold are links a visitor clicks.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import TemplateError
from lxml import etree, html

from ..errors import Problem
from .docx import TemplateFault, template_faults, view_context
from .safety import UnsafeFile
from .sandbox import SltSandbox

MAX_TEMPLATE_CHARS = 2_000_000
"""Longest HTML template read (the shipped one is about 12 000 characters)."""

ACTIVE_ELEMENTS = frozenset({
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link",
    "form", "input", "button", "select", "textarea", "portal", "audio", "video", "source",
    "track", "noscript", "template", "slot", "image", "use", "foreignobject", "animate",
    "set", "animatetransform", "animatemotion", "svg",
})
"""Elements a page may not contain: they run code, embed or load other
documents, submit data, or (SVG) can reach other files. Pictures are ``<img>``
with a ``data:`` address."""
LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")
"""Addresses a link (``<a href>``) may have besides a relative file or ``#anchor``."""
_URL_ATTRIBUTES = frozenset({"src", "srcset", "href", "xlink:href", "action", "formaction",
                             "poster", "background", "data", "cite", "longdesc", "ping",
                             "codebase", "manifest", "lowsrc", "dynsrc", "usemap", "itemtype"})
_IMAGE_DATA = re.compile(r"^data:image/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=\s]*$")
_CSS_FORBIDDEN = re.compile(r"url\s*\(|@import|expression\s*\(|behaviou?r\s*:|javascript:|"
                            r"-moz-binding|image-set\s*\(|\\", re.I)
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")


def _clean_url(value: str) -> str:
    """The address as a browser reads it: control characters and spaces out."""
    return re.sub(r"[\x00-\x20\x7f]+", "", value)


def _link_problem(value: str) -> str | None:
    url = _clean_url(value)
    scheme = _SCHEME.match(url)
    if scheme is None:
        if url.startswith("//"):
            return f"lenken «{value}» peker til en annen maskin uten å si hvordan (//…)"
        return None  # a relative file or an #anchor
    if url.lower().startswith(LINK_SCHEMES):
        return None
    return f"lenken «{value}» må begynne med http://, https://, mailto: eller tel:"


def check_html(text: str, what: str) -> None:
    """Refuse a page that could run code or reach the network when opened:
    active elements (:data:`ACTIVE_ELEMENTS`), event handlers (``on…``),
    addresses outside links (``src`` other than a ``data:`` picture, ``href``
    outside ``<a>``/``<area>``), links with another scheme than
    :data:`LINK_SCHEMES`, CSS that loads something (``url(``, ``@import``),
    ``<meta http-equiv>``. Raises :class:`UnsafeFile` naming ``what``."""
    if not text.strip():
        raise UnsafeFile(f"{what}: siden er tom")
    try:
        root = html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise UnsafeFile(f"{what}: kan ikke leses som HTML ({exc})") from exc
    for el in root.iter():
        if not isinstance(el.tag, str):
            if isinstance(el, etree._ProcessingInstruction):
                raise UnsafeFile(f"{what}: siden har en prosesseringsinstruksjon")
            continue
        tag = etree.QName(el).localname.lower() if "}" in el.tag else el.tag.lower()
        if tag in ACTIVE_ELEMENTS:
            raise UnsafeFile(f"{what}: elementet <{tag}> er ikke tillatt på en side fra slt_docs "
                             "(det kan kjøre kode eller hente innhold utenfra)")
        if tag == "meta" and el.get("http-equiv") is not None:
            raise UnsafeFile(f"{what}: <meta http-equiv> er ikke tillatt")
        if tag == "style" and _CSS_FORBIDDEN.search(el.text or ""):
            raise UnsafeFile(f"{what}: stilarket henter noe utenfra (url(), @import) eller "
                             "kjører kode; det er ikke tillatt")
        for name, value in el.attrib.items():
            _check_attribute(tag, str(name).lower(), str(value), what)


def _check_attribute(tag: str, name: str, value: str, what: str) -> None:
    if name.startswith("on"):
        raise UnsafeFile(f"{what}: attributtet «{name}» på <{tag}> kjører kode; det er ikke "
                         "tillatt")
    if name == "style" and _CSS_FORBIDDEN.search(value):
        raise UnsafeFile(f"{what}: stilen på <{tag}> henter noe utenfra eller kjører kode")
    local = name.rsplit(":", 1)[-1] if name.startswith("xlink") else name
    if name not in _URL_ATTRIBUTES and local not in _URL_ATTRIBUTES:
        return
    if tag in ("a", "area") and local == "href":
        problem = _link_problem(value)
        if problem:
            raise UnsafeFile(f"{what}: {problem}")
        return
    if tag == "img" and name == "src" and _IMAGE_DATA.match(value.strip()):
        return
    raise UnsafeFile(f"{what}: «{name}» på <{tag}> henter noe utenfra eller fra en fil "
                     f"(«{value[:60]}»); bilder må ligge inne i siden som data:-adresse")


def _html_problem(name: str, exc: TemplateError) -> Problem:
    return Problem(melding=str(exc.message or exc), fil=Path(name),
                   linje=getattr(exc, "lineno", None))


def render_html(template: str, view: Any, *, template_name: str) -> bytes:
    """Render ``view`` into the HTML ``template`` (Jinja text) and return the
    page as UTF-8 bytes, checked with :func:`check_html`. Raises
    :class:`~slt_docs.render.docx.TemplateFault` for a template that cannot
    be rendered and :class:`UnsafeFile` for a page that is not safe to open."""
    name = template_name
    if len(template) > MAX_TEMPLATE_CHARS:
        raise TemplateFault(f"malen «{name}» er for stor (over {MAX_TEMPLATE_CHARS} tegn)")
    env = SltSandbox({})
    env.start_budget(view=view)
    with template_faults(name, _html_problem):
        text = env.from_string(template).render(view_context(view))
    text = text.strip() + "\n"
    check_html(text, f"siden fra malen «{name}»")
    return text.encode("utf-8")


__all__ = ["ACTIVE_ELEMENTS", "LINK_SCHEMES", "check_html", "render_html"]
