"""Rendering a view into a Word template with docxtpl, in the sandbox.

The view is the whole context: the template sees the view's fields (``dok``,
``label``, ``tiltak`` …) plus ``bilde`` (pictures: ``bilde.logo``,
``bilde.aarshjul``) and the helper ``lenke(...)`` for hyperlinks. After
rendering, the document gets its properties (title, subject, author, fixed
dates), its language (nb-NO/nn-NO, for spell-checking and hyphenation),
Word's automatic hyphenation, and alt text on every picture; the zip is
written with fixed timestamps so the same input gives the same bytes. Word
asks nothing when the file is opened. (The table of contents is filled in
afterwards: :mod:`.toc`.)
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
from docx.image.image import Image
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage, RichText
from jinja2 import TemplateError, TemplateRuntimeError
from lxml import etree

from ..errors import Problem, SltError
from ..lang import Language
from .package import normalize_zip
from .safety import check_output
from .sandbox import MAX_TAGS, RenderBudgetExceeded, SltSandbox, norwegian_jinja
from .tables import fit_grids
from .wordxml import get_or_add, set_child, w_element

MAX_OUTPUT_BYTES = 200 * 1024 * 1024
"""Largest document part a rendering may produce (200 MiB of XML)."""


class TemplateFault(SltError):
    """A template could not be rendered: where and why, in Norwegian."""


@attrs.frozen(kw_only=True)
class Picture:
    """A picture for the template: a file or PNG bytes, its width and alt text."""

    source: Path | bytes
    width_mm: float
    alt: str


class _AltImage(InlineImage):
    """docxtpl's inline image, with alt text (``descr``) for screen readers."""

    def __init__(self, tpl: DocxTemplate, picture: Picture) -> None:
        source = io.BytesIO(picture.source) if isinstance(picture.source, bytes) else str(
            picture.source)
        super().__init__(tpl, source, width=Mm(picture.width_mm))
        self.alt = picture.alt

    def _insert_image(self) -> str:
        inline = self.tpl.current_rendering_part.new_pic_inline(
            self.image_descriptor, self.width, self.height)
        for doc_pr in inline.xpath(".//wp:docPr"):
            # descr only: LibreOffice's PDF export joins title and descr
            # ("alt - alt"), and a screen reader would read the text twice
            doc_pr.set("descr", self.alt)
        return (f"</w:t></w:r><w:r><w:drawing>{inline.xml}</w:drawing></w:r><w:r>"
                '<w:t xml:space="preserve">')


class _Template(DocxTemplate):
    """docxtpl's template with two steps done differently: table grids fitted
    to columns a template left out or repeated (:meth:`fix_tables`,
    :mod:`slt_docs.render.tables`), and putting the rendered body into the
    document (:meth:`map_tree`).

    docxtpl parses the rendered body on its own and moves it into the
    document's tree (``root.replace(body, tree)``). lxml's move between two
    documents reconciles the namespace of every node and attribute, and for
    the ``xml:space`` attributes (one on nearly every ``w:t``) that costs time
    in proportion to those already moved: quadratic — 0.3 s of a 5 000-tiltak
    plan, 7.9 s of a 20 000-tiltak one. Here the document is instead
    serialised once with the rendered body in its place and parsed once
    (python-docx's parser, so its element classes stay), which is linear; the
    result is the same XML."""

    _MARK = "slt_docs:rendered-body"

    def patch_xml(self, src_xml: str) -> str:
        """docxtpl's clean-up of a part's XML into Jinja source, done once per
        process for each part's text (it depends on nothing else; it is most
        of docxtpl's time for a small document)."""
        return _patched_xml(src_xml)

    def fix_tables(self, xml: Any) -> Any:
        tree = etree.fromstring(xml, parser=etree.XMLParser(recover=True))
        if fit_grids(tree):
            return super().fix_tables(etree.tostring(tree))  # docxtpl's own fallback
        return tree

    def map_tree(self, tree: Any) -> None:
        from docx.oxml.parser import element_class_lookup

        root = self.docx._element
        mark = etree.Comment(self._MARK)
        root.replace(root.body, mark)
        head, tail = etree.tostring(root, encoding="UTF-8").split(
            f"<!--{self._MARK}-->".encode(), 1)
        # python-docx's element classes, but every text node kept (its own
        # parser drops whitespace-only ones) and no limit on a large plan;
        # UTF-8 bytes, not text: half the memory of a plan's text with a dash
        parser = etree.XMLParser(resolve_entities=False, huge_tree=True)
        parser.set_element_class_lookup(element_class_lookup)
        new_root = etree.fromstring(b"".join((head, etree.tostring(tree, encoding="UTF-8"),
                                              tail)), parser)
        part = self.docx.part
        part._element = new_root
        self.docx = part.document


@functools.lru_cache(maxsize=64)
def _patched_xml(src_xml: str) -> str:
    return DocxTemplate.patch_xml(None, src_xml)  # type: ignore[arg-type]  # uses no state


def _check_picture(key: str, picture: Picture) -> None:
    """Refuse a picture Word cannot show, before rendering starts."""
    name = picture.source.name if isinstance(picture.source, Path) else key
    try:
        blob = picture.source if isinstance(picture.source, bytes) else \
            picture.source.read_bytes()
        Image.from_blob(blob)
    except OSError as exc:
        raise SltError(f"bildet «{name}» kan ikke leses: {exc.strerror or exc}") from exc
    except Exception as exc:  # python-docx raises several kinds for unknown formats
        raise SltError(f"bildet «{name}» er ikke et bilde Word kan vise (bruk PNG eller JPEG)") \
            from exc


def view_context(view: Any) -> dict[str, Any]:
    """The template's top-level names: the fields of the view."""
    return {f.name: getattr(view, f.name) for f in attrs.fields(type(view))}


@contextmanager
def template_faults(name: str, where: Callable[[str, TemplateError], Problem]) -> Iterator[None]:
    """Turn whatever a template can do wrong while it renders into a
    :class:`TemplateFault` naming template ``name`` (``where`` locates a
    Jinja error in it)."""
    try:
        yield
    except RenderBudgetExceeded as exc:
        raise TemplateFault(f"malen {_quoted(name)} ble stoppet: {exc}") from exc
    except (TypeError, ValueError, AttributeError, ArithmeticError, LookupError) as exc:
        # a filter or operator given the wrong kind of value ({{ 5|sort }}, {{ 1 / 0 }})
        raise TemplateFault(f"malen {_quoted(name)} kunne ikke fylles ut: en verdi passet ikke "
                            f"til det malen gjør med den ({exc})") from exc
    except (RecursionError, MemoryError) as exc:
        raise TemplateFault(f"malen {_quoted(name)} ble stoppet: den brukte for mye minne eller "
                            "kalte seg selv for mange ganger") from exc
    except TemplateError as exc:
        raise TemplateFault(_template_message(name, exc), [where(name, exc)]) from exc
    except etree.XMLSyntaxError as exc:  # the filled-in template is not valid Word XML
        raise TemplateFault(f"malen {_quoted(name)} laget ugyldig Word-XML når den ble fylt ut "
                            f"({exc.msg}); sjekk malkodene som står inni tabeller, lister "
                            "og avsnitt ({%p, {%tr …)") from exc


def _link_helper(tpl: DocxTemplate) -> Callable[..., RichText]:
    from ..view.common import LenkeView

    try:  # the character style named "Hyperlink" (its id differs in a Norwegian Word)
        style = tpl.docx.styles["Hyperlink"].style_id
    except KeyError:
        style = "Hyperlink"

    def lenke(link: Any) -> RichText:
        """A hyperlink run for a ``LenkeView``."""
        if not isinstance(link, LenkeView):
            raise TemplateRuntimeError("lenke() trenger en lenke fra dataene, f.eks. "
                                       "lenke(b.lenke)")
        text = RichText()
        text.add(link.tekst, url_id=tpl.build_url_id(link.url), style=style,
                 color="0563C1", underline=True)
        return text

    return lenke


def count_tags(template: Path | bytes, name: str) -> None:
    """Refuse a template with far too many tags before docxtpl prepares it
    (the sandbox counts again, exactly, part by part)."""
    try:
        with zipfile.ZipFile(io.BytesIO(template) if isinstance(template, bytes)
                             else template) as archive:
            for info in archive.infolist():
                if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                    xml = archive.read(info)
                    tags = xml.count(b"{{") + xml.count(b"{%")
                    if tags > MAX_TAGS:
                        raise TemplateFault(
                            f"malen {_quoted(name)}: malen har for mange malkoder ({tags}; "
                            f"høyst {MAX_TAGS} i én del av dokumentet)")
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # opening it reports what is wrong


def _change_helper() -> Callable[..., RichText]:
    def endring(bits: Any) -> RichText:
        """Runs for a changed text: deleted words struck through, inserted
        words underlined (never told by colour alone)."""
        from ..view.endringer import BitView  # only the changes document calls it

        if not isinstance(bits, (tuple, list)) or not all(isinstance(b, BitView) for b in bits):
            raise TemplateRuntimeError("endring() trenger biter fra en endring, f.eks. "
                                       "endring(l.biter)")
        text = RichText()
        previous = ""
        for bit in bits:
            if bit.endring == "ny" and previous == "slettet":
                text.add(" ")  # "2̶0̶2̶2̶ 2023", not the two run together
            if bit.endring == "slettet":
                text.add(bit.tekst, strike=True)
            elif bit.endring == "ny":
                text.add(bit.tekst, underline="single", bold=True)
            else:
                text.add(bit.tekst)
            previous = bit.endring
        return text

    return endring


def render_docx(template: Path | bytes, view: Any, lang: Language, *,
                pictures: dict[str, Picture] | None = None,
                created: dt.datetime, template_name: str = "", trusted: bool = False) -> bytes:
    """Render ``view`` into ``template`` and return the .docx bytes. The
    finished file is checked for anything active or external again, unless
    the template is ``trusted`` (one of slt_docs' own)."""
    name = template_name or (template.name if isinstance(template, Path) else "malen")
    if not trusted:
        count_tags(template, name)
    try:
        tpl = _Template(io.BytesIO(template) if isinstance(template, bytes) else str(template))
        tpl.render_init()
    except Exception as exc:  # python-docx raises many kinds for a broken file
        raise TemplateFault(f"malen {_quoted(name)} kan ikke åpnes som et Word-dokument ({exc})") \
            from exc
    for key, pic in (pictures or {}).items():
        _check_picture(key, pic)
    helpers = {"lenke": _link_helper(tpl), "endring": _change_helper()}
    env = SltSandbox(helpers)
    env.start_budget(view=view)
    context = view_context(view)
    context["bilde"] = {key: _AltImage(tpl, pic) for key, pic in (pictures or {}).items()}
    with template_faults(name, _template_problem):
        tpl.render(context, env)
    _finish(tpl, view, lang, created)
    out = io.BytesIO()
    tpl.save(out)
    del tpl, env, context, helpers  # free the rendered XML tree before checking the file
    data = out.getvalue()
    if len(data) > MAX_OUTPUT_BYTES:
        raise TemplateFault(f"malen {_quoted(name)} laget et dokument over grensen på "
                            f"{MAX_OUTPUT_BYTES // (1024 * 1024)} MiB")
    if not trusted:
        check_output(data, f"dokumentet fra malen {_quoted(name)}")
        check_word_grade(data, name)
    return normalize_zip(data)


MAX_LISTED_FAULTS = 10
"""How many schema faults a refusal lists (the rest are counted)."""


def word_problems(data: bytes, name: str) -> list[Problem]:
    """What would make Word repair the .docx ``data`` (the OOXML validator's
    errors), each located as «name: part», element path and line."""
    from ..ooxml import validate_docx  # (its schemas: only for foreign templates and profiles)

    return [Problem(melding=p.melding, sti=p.sti, linje=p.linje,
                    fil=Path(f"{name}: {p.fil}") if p.fil else Path(name))
            for p in validate_docx(data) if p.is_error]


def check_word_grade(data: bytes, name: str) -> None:
    """Refuse a rendered document that Word would have to repair (a foreign
    template or profile can hold anything): the OOXML validator's errors,
    each with its part and element path, in a :class:`TemplateFault`."""
    errors = word_problems(data, name)
    if not errors:
        return
    located = errors[:MAX_LISTED_FAULTS]
    more = len(errors) - len(located)
    tail = f" (og {more} til)" if more > 0 else ""
    raise TemplateFault(
        f"malen {_quoted(name)} gir et dokument Word måtte reparert, så det ble ikke skrevet: "
        f"{len(errors)} feil mot OOXML-skjemaet og Words regler{tail}; kontroller malen med "
        "«slt-docs mal kontroller MAL» (et profildokument med «slt-docs mal kontroller "
        "--profile PROFIL»)", located)


def _quoted(name: str) -> str:
    """«name», unless it already holds quotes ("handlingsplan.docx i malpakken «X»")."""
    return name if "«" in name else f"«{name}»"


def _template_message(name: str, exc: TemplateError) -> str:
    kind = {
        "TemplateSyntaxError": "syntaksfeil i en mal-kode",
        "UndefinedError": "malen bruker et felt som ikke finnes",
        "SecurityError": "malen prøvde noe som ikke er tillatt",
    }.get(type(exc).__name__, "malen kunne ikke fylles ut")
    return f"malen {_quoted(name)}: {kind}: {norwegian_jinja(exc.message or str(exc))}"


def _template_problem(name: str, exc: TemplateError) -> Problem:
    context = " ".join(
        t.strip() for t in getattr(exc, "docx_context", []) or [] if t and t.strip())
    context = re.sub(r"\s+", " ", context)[:200]
    where = f" (rundt teksten «{context}»)" if context else ""
    return Problem(melding=f"{exc.message or exc}{where}", fil=Path(name))


def _finish(tpl: DocxTemplate, view: Any, lang: Language, created: dt.datetime) -> None:
    """Document properties, language and hyphenation."""
    document = tpl.docx
    dok = getattr(view, "dok", None)
    props = document.core_properties
    if dok is not None:  # (the data check keeps these short; a catalog's words might not)
        props.title = _property(dok.tittel)
        props.subject = _property(dok.emne)
        props.author = _property(dok.forfatter)
        props.keywords = "SLT"
    props.language = lang.bcp47
    props.last_modified_by = "slt_docs"
    props.created = created
    props.modified = created
    props.last_printed = created
    props.revision = 1
    props.comments = ""
    _set_language(document, lang.bcp47)
    _hyphenation(document.settings.element, lang.bcp47)


def _hyphenation(settings: Any, tag: str) -> None:
    """Word's automatic hyphenation (with the document's language, Word uses
    its Norwegian rules), at most two hyphenated lines in a row, and words in
    capitals (SLT, MOT) never split."""
    set_child(settings, w_element("autoHyphenation"))
    set_child(settings, w_element("consecutiveHyphenLimit", val="2"))
    set_child(settings, w_element("doNotHyphenateCaps"))
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), tag)


def _property(text: str) -> str:
    """``text`` within Word's limit for a document property (255 characters)."""
    return text if len(text) <= 255 else text[:254] + "…"


def _set_language(document: Any, tag: str) -> None:
    """Set the language of the document's default run properties and styles."""
    styles = document.styles.element
    doc_defaults = styles.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = parse_xml(
            '<w:docDefaults xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
            'main"><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults>')
        styles.insert(0, doc_defaults)
    rpr = doc_defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        rpr_default = doc_defaults.find(qn("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = OxmlElement("w:rPrDefault")
            doc_defaults.insert(0, rpr_default)
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for element in [rpr, *styles.xpath(".//w:rPr[w:lang]")]:
        get_or_add(element, "lang").set(qn("w:val"), tag)
