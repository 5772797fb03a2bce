"""The document kinds and how each is made: which view, which template, what
the data must hold. ``render`` is the one call other tools need.

>>> import slt_docs
>>> data = slt_docs.load("examples/aukra")
>>> docx_bytes = slt_docs.render(data, "handlingsplan")            # nynorsk, as the data says
>>> slt_docs.render(data, "handlingsplan", lang="nb", output="plan.docx")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import attrs
from attrs import frozen

from .cycle.status import summary_year, year_status
from .data import check, load
from .errors import SltError
from .files import OutputError, os_error_reason, preflight, write_atomic, write_files
from .lang import Language, data_language
from .models import MandatDokument, Organ, SltData, TiltakDokument, expect_model, organ_id
from .packs.manifest import template_file, template_types
from .packs.pack import TemplatePack, open_pack
from .prepared import Prepared
from .profile import Profile, applied, load_profile, profile_look
from .render.docx import Picture, count_tags, render_docx
from .render.safety import SafetyNotice
from .render.toc import table_of_contents
from .resources import template_path
from .view import Tabellform, handlingsplan_view, mandat_view, tiltak_document_view
from .view.moteplan import moteplan_view

# The views and writers of the less common kinds (web page, status report,
# changes) are imported where they are made: a single ``slt-docs lag`` of one
# document does not pay for the others.

if TYPE_CHECKING:
    from .render.office import OfficeSession
    from .schedule import Schedule


class DocKind(enum.Enum):
    """The documents slt_docs makes."""

    handlingsplan = "handlingsplan"
    mandat = "mandat"
    tiltak = "tiltak"
    moteplan = "moteplan"
    nettside = "nettside"
    statusrapport = "statusrapport"
    endringsoversikt = "endringsoversikt"

    @property
    def suffix(self) -> str:
        """The file type this kind is written as: ``.html`` for the web page,
        else ``.docx``."""
        return ".html" if self is DocKind.nettside else ".docx"


@frozen(kw_only=True)
class Options:
    """Choices for one rendering: language, which body (for a mandate), which
    delmål (for a tiltak table), the table shape, a template (a pack folder
    or .zip, or one .docx) and a profile document (the kommune's look;
    default: ``kommune.profil`` in the data). For the web page: the day its
    next meetings are counted from (``dato``, default today), ``fragment``
    for the content only, and the files it links to (``filer``: name
    relative to the page and title; ``None``: the files :func:`render_all`
    writes)."""

    lang: str | None = None
    organ: str | None = None
    delmaal: tuple[int, ...] = ()
    form: Tabellform | None = None
    template: Path | TemplatePack | None = None
    profile: Path | Profile | None = None
    dato: dt.date | None = None
    fragment: bool = False
    filer: tuple[tuple[str, str], ...] | None = None
    aar: int | None = None
    forrige: Path | SltData | None = None


def default_template(kind: DocKind) -> Path:
    """The shipped template for ``kind``."""
    return template_path(template_file(kind.value))


def _language(data: SltData, options: Options) -> Language:
    return data_language(data, options.lang)


def document_date(data: SltData, kind: DocKind) -> dt.datetime:
    """The date written into the document's properties: when it was adopted,
    else the first day of its period (never the clock, so output is reproducible)."""
    plan, mp = data.handlingsplan, data.moteplan
    if kind is DocKind.moteplan and mp is not None:
        day = mp.vedtatt.dato if mp.vedtatt and mp.vedtatt.dato else dt.date(mp.aar, 1, 1)
    elif plan is not None:
        day = plan.vedtatt.dato if plan.vedtatt and plan.vedtatt.dato else dt.date(
            plan.periode.fra, 1, 1)
    elif mp is not None:
        day = dt.date(mp.aar, 1, 1)
    else:
        day = dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, 12, 0, 0)


def _pictures(data: SltData, view: Any) -> dict[str, Picture]:
    pictures: dict[str, Picture] = {}
    logo = data.kommune.logo
    if logo and data.kilde is not None:
        pictures["logo"] = Picture(source=data.kilde / logo, width_mm=40,
                                   alt=view.dok.logo_alt)
    return pictures


def mandate_document(data: SltData, ref: str | None) -> MandatDokument:
    """The mandate document for the body ``ref`` (by id, name or level kind):
    the one described in ``dokumenter.mandat`` if any, else a plain one."""
    if ref is None:
        if data.dokumenter.mandat:
            return data.dokumenter.mandat[0]
        raise SltError("velg hvilket organ mandatet gjelder, f.eks. --organ koordinerende")
    organ = data.organisasjon.finn(ref)
    if organ is None:
        known = ", ".join(organ_id(o) for o in data.organisasjon.organer())
        raise SltError(f"finner ikke organet «{ref}»; kjente er: {known}")
    for doc in data.dokumenter.mandat:
        if data.organisasjon.finn(doc.organ) is organ:
            return doc
    return MandatDokument(organ=organ_id(organ))


def _view(data: SltData, kind: DocKind, lang: Language, options: Options,
          prepared: Prepared) -> Any:
    """The view of ``kind``, made once per :class:`Prepared` (the web page's
    list of files asks for every document's title again)."""
    key = (kind, lang.code, str(getattr(lang, "catalog", "")), options.organ, options.form,
           options.delmaal)
    view = prepared.views.get(key)
    if view is None:
        view = prepared.views[key] = _make_view(data, kind, lang, options, prepared)
    return view


def _make_view(data: SltData, kind: DocKind, lang: Language, options: Options,
               prepared: Prepared) -> Any:
    if kind is DocKind.handlingsplan:
        if data.handlingsplan is None:
            raise SltError("dataene har ingen «handlingsplan:»")
        return handlingsplan_view(data, lang, form=options.form, schedule=prepared.schedule)
    if kind is DocKind.mandat:
        return mandat_view(data, lang, mandate_document(data, options.organ))
    if kind is DocKind.tiltak:
        if data.handlingsplan is None:
            raise SltError("en tiltakstabell krever en «handlingsplan:» med tiltak")
        doc = data.dokumenter.tiltak[0] if data.dokumenter.tiltak else TiltakDokument()
        if options.delmaal:
            doc = attrs.evolve(doc, delmaal=options.delmaal)
            count = len(data.handlingsplan.delmaal)
            wrong = [n for n in options.delmaal if not 1 <= n <= count]
            if wrong:
                raise SltError(f"handlingsplanen har ikke delmål {wrong[0]} (den har {count})")
        return tiltak_document_view(data, lang, doc, form=options.form,
                                    schedule=prepared.schedule)
    if kind is DocKind.moteplan:
        return moteplan_view_for(data, lang, schedule=prepared.schedule)
    if kind is DocKind.statusrapport:
        from .view.statusrapport import statusrapport_view

        return statusrapport_view(data, year_status(data, options.aar), lang)
    if kind is DocKind.endringsoversikt:
        return _changes_view(data, lang, options.forrige)
    raise SltError(f"ukjent dokumenttype «{kind}»")  # pragma: no cover


def _changes_view(data: SltData, lang: Language, forrige: Path | SltData | None) -> Any:
    if forrige is None:
        raise SltError("endringsoversikten sammenligner med den forrige versjonen av planen; "
                       "oppgi den med --forrige MAPPE")
    from .cycle.diff import compare_data
    from .view.endringer import describe_tidspunkt, endringer_view

    old = forrige if isinstance(forrige, SltData) else load(forrige)
    diff = compare_data(old, data, describe=describe_tidspunkt(data, lang))  # type: ignore[arg-type]
    return endringer_view(diff, data, lang)


def moteplan_view_for(data: SltData, lang: Language, *, schedule: Schedule | None = None) -> Any:
    """The møteplan view; ``schedule`` is the møteplan expanded (expanded
    here when not given)."""
    if data.moteplan is None:
        raise SltError("dataene har ingen «moteplan:»")
    return moteplan_view(data, lang, schedule=schedule)


Output = str | os.PathLike[str] | BinaryIO
"""Where :func:`render` writes: a file path, or a binary stream (an open
file, ``io.BytesIO``, a web framework's response body)."""


def render(data: SltData | str | Path, doc: str | DocKind = DocKind.handlingsplan, *,
           lang: str | None = None, output: Output | None = None,
           organ: str | None = None, delmaal: tuple[int, ...] = (),
           form: str | Tabellform | None = None,
           template: str | Path | TemplatePack | None = None,
           profile: str | Path | Profile | None = None,
           dato: dt.date | None = None, fragment: bool = False,
           filer: tuple[tuple[str, str], ...] | None = None,
           office: OfficeSession | None = None, aar: int | None = None,
           forrige: str | Path | SltData | None = None,
           prepared: Prepared | None = None) -> bytes:
    """Render one document and return its bytes — .docx, or for
    ``"nettside"`` the web page as UTF-8 HTML. With ``output`` the bytes are
    also written there: to a file path atomically (never a half-written
    file), or into a binary stream (``io.BytesIO``, a file opened with
    ``"wb"``, a web response), which is left open. ``data`` is a loaded model or a path to a
    kommune folder or YAML file. ``template`` is a template pack (a folder
    or .zip) or one template for this document (Word, or ``.html`` for the
    web page); ``profile`` a profile document (.docx) whose styles, theme,
    page setup, header and footer the document takes — the web page takes
    its colours and fonts (default: ``kommune.profil``). For the web page,
    ``dato`` is the day its next meetings are counted from (default today),
    ``fragment`` gives the content only (no ``<html>``/``<head>``) for a
    publishing system, and ``filer`` lists the files it links to as (name
    relative to the page, title) — default: those :func:`render_all` writes
    beside it. ``office`` is a LibreOffice session
    (:class:`slt_docs.OfficeSession`): with it the table of contents gets the
    page numbers of LibreOffice's layout, without it the entries only. For
    ``"statusrapport"``, ``aar`` is the year reported (default: the latest
    status file); ``"endringsoversikt"`` compares ``data`` with ``forrige``
    (the previous version: a folder or loaded data). ``prepared`` is the
    work the documents of this data share (the møteplan expanded, the
    årshjul drawn, the views; :class:`slt_docs.prepared.Prepared`), made
    here when not given. A model is checked first (:func:`slt_docs.check`), so one
    changed in code cannot reach a template invalid.

    Raises only :class:`~slt_docs.errors.SltError` and its subclasses (with a
    Norwegian message): :class:`~slt_docs.errors.DataError` for bad data,
    :class:`~slt_docs.render.docx.TemplateFault` and
    :class:`~slt_docs.render.safety.UnsafeFile` for a bad template,
    :class:`~slt_docs.profile.ProfileError` for a bad profile,
    :class:`~slt_docs.files.OutputError` when ``output`` cannot be written,
    :class:`~slt_docs.render.office.OfficeError` for LibreOffice's faults,
    plain :class:`~slt_docs.errors.SltError` for bad options."""
    data = _checked(data)
    if isinstance(output, (str, os.PathLike)):  # (a stream is written as it is)
        preflight(_path_option("output", output))
    return _render_checked(data, doc, lang=lang, output=output, organ=organ, delmaal=delmaal,
                           form=form, template=template, profile=profile, dato=dato,
                           fragment=fragment, filer=filer, office=office, aar=aar,
                           forrige=forrige, prepared=prepared)


def _checked(data: object) -> SltData:
    """The model, checked (:func:`slt_docs.check`), or loaded from a path."""
    if isinstance(data, SltData):
        check(data)
        return data
    if isinstance(data, (str, Path)):
        return load(data)
    raise SltError(f"forventet data fra slt_docs.load/load_dict eller en sti, fikk "
                   f"{type(data).__name__}")


def _render_checked(data: SltData, doc: str | DocKind, *, lang: str | None = None,
                    output: str | Path | None = None, organ: str | None = None,
                    delmaal: tuple[int, ...] = (), form: str | Tabellform | None = None,
                    template: str | Path | TemplatePack | None = None,
                    profile: str | Path | Profile | None = None,
                    dato: dt.date | None = None, fragment: bool = False,
                    filer: tuple[tuple[str, str], ...] | None = None,
                    office: OfficeSession | None = None, aar: int | None = None,
                    forrige: str | Path | SltData | None = None,
                    prepared: Prepared | None = None) -> bytes:
    kind = parse_kind(doc)
    options = Options(lang=_text_option("lang", lang), organ=_text_option("organ", organ),
                      delmaal=_delmaal_option(delmaal), form=_form_option(form),
                      template=_template_option(template),
                      profile=_profile_option(profile), dato=dato, fragment=fragment,
                      filer=tuple(filer) if filer is not None else None, aar=aar,
                      forrige=Path(forrige) if isinstance(forrige, str) else forrige)
    result = render_bytes(data, kind, options, office=office, prepared=prepared)
    if output is not None:
        write_output(output, result)
    return result


def write_output(output: Output, content: bytes) -> None:
    """Write ``content`` to a path (atomically) or into a binary stream."""
    if isinstance(output, (str, os.PathLike)):
        write_atomic(_path_option("output", output), content)
        return
    write = getattr(output, "write", None)
    if not callable(write):
        raise SltError(f"output må være en filsti eller en binær strøm (f.eks. io.BytesIO), "
                       f"ikke {type(output).__name__}")
    try:
        write(content)
    except TypeError as exc:
        raise SltError("output er en tekststrøm; dokumentet er binært: bruk io.BytesIO eller "
                       "åpne fila med «wb»") from exc
    except OSError as exc:
        raise OutputError("dokumentet til strømmen", os_error_reason(exc)) from exc


def _text_option(name: str, value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    raise SltError(f"{name} må være tekst, ikke {type(value).__name__}")


def _path_option(name: str, value: object) -> Path:
    if isinstance(value, (str, os.PathLike)) and os.fspath(value) and \
            "\x00" not in str(os.fspath(value)):
        return Path(value)
    raise SltError(f"{name} må være en filsti, ikke «{value!r}»")


def _delmaal_option(value: object) -> tuple[int, ...]:
    try:
        items = tuple(value)  # type: ignore[call-overload]
    except TypeError:
        items = (value,)
    if all(isinstance(n, int) and not isinstance(n, bool) for n in items):
        return items
    raise SltError(f"delmaal må være en liste med tall, f.eks. (1, 3), ikke «{value!r}»")


def _form_option(value: object) -> Tabellform | None:
    if value is None or isinstance(value, Tabellform):
        return value
    try:
        return Tabellform(str(value).strip().casefold())
    except ValueError:
        forms = ", ".join(f.value for f in Tabellform)
        raise SltError(f"ukjent tabellform «{value}»; velg en av: {forms}") from None


def render_bytes(data: SltData, kind: DocKind, options: Options,
                 office: OfficeSession | None = None, prepared: Prepared | None = None) -> bytes:
    """Render ``kind`` with ``options`` into .docx bytes (HTML for the web
    page); the table of contents laid out by ``office`` when given; the
    work shared with the data's other documents taken from ``prepared``."""
    if prepared is None or prepared.data is not data:
        prepared = Prepared(data)
    language = _language(data, options)
    if kind is DocKind.nettside:
        return render_page(data, language, options, prepared)
    view = _view(data, kind, language, options, prepared)
    template, name, pack_pictures, trusted = _template(kind, options.template, language)
    profile = _profile(data, options.profile)
    if profile is not None:
        template = applied(template, profile)
        name = f"{name if '«' in name else f'«{name}»'} med profildokumentet «{profile.name}»"
        trusted = False
    if not trusted:  # refuse a far too big template before drawing anything for it
        count_tags(template, name)
    pictures = {**pack_pictures, **_pictures(data, view)}
    wheel_alt = getattr(view, "aarshjul", "")
    if wheel_alt:
        pictures["aarshjul"] = Picture(source=prepared.aarshjul(language).png, width_mm=135,
                                       alt=wheel_alt)
    summary = getattr(view, "oversikt", None) or getattr(view, "statusoversikt", None)
    if summary is not None:
        status = year_status(data, options.aar if kind is DocKind.statusrapport else
                             summary_year(data))
        pictures["statusdiagram"] = Picture(source=prepared.status_chart(status, language),
                                            width_mm=120, alt=summary.diagram)
    docx = render_docx(template, view, language, pictures=pictures,
                       created=document_date(data, kind), template_name=name, trusted=trusted)
    return table_of_contents(docx, office, name=output_name(kind, options.organ))


def _template_option(template: object) -> Path | TemplatePack | None:
    if template is None or template == "":
        return None
    if isinstance(template, TemplatePack):
        return template
    return _path_option("template", template)


def _profile_option(profile: object) -> Path | Profile | None:
    if profile is None or profile == "":
        return None
    if isinstance(profile, Profile):
        return profile
    return _path_option("profile", profile)


def _template(kind: DocKind, option: Path | TemplatePack | None,
              lang: Language) -> tuple[bytes, str, dict[str, Picture], bool]:
    """The template for ``kind``: from the pack (or the one .docx) when it
    has one, else the default; its name; the pack's pictures; whether it is
    one of our own (trusted) templates."""
    pack = open_pack(option) if isinstance(option, Path) else option
    if pack is not None:
        pack.check_language(lang.code)
        found = pack.template(kind.value)
        if found is not None:
            types = template_types(kind.value)
            if Path(found.name).suffix.lower() not in types:
                raise SltError(f"{pack.label}: «{found.name}» kan ikke brukes for {kind.value}; "
                               f"den trenger en mal av typen {', '.join(types)}")
            return found.data, f"{found.name} i {pack.label}", pack.pictures, False
        default = default_template(kind)
        return default.read_bytes(), default.name, pack.pictures, True
    default = default_template(kind)
    return default.read_bytes(), default.name, {}, True


def _profile(data: SltData, option: Path | Profile | None) -> Profile | None:
    """The profile given, else the kommune's (``kommune.profil``, relative
    to the data folder), else none."""
    if isinstance(option, Profile):
        return option
    if option is not None:
        return _noted(load_profile(option))
    if data.kommune.profil:
        base = data.kilde if data.kilde is not None else Path()
        return _noted(load_profile(base / data.kommune.profil))
    return None


def _noted(profile: Profile) -> Profile:
    """Say what was stripped from the profile every time it is used (it is
    read once per process and file, and ``check`` may have read it first)."""
    for note in profile.notes:
        warnings.warn(note, SafetyNotice, stacklevel=3)
    return profile


def parse_kind(doc: str | DocKind) -> DocKind:
    """A document kind from its name."""
    if isinstance(doc, DocKind):
        return doc
    try:
        return DocKind(str(doc).strip().casefold().replace("ø", "o"))
    except ValueError as exc:
        kinds = ", ".join(k.value for k in DocKind)
        raise SltError(f"ukjent dokumenttype «{doc}»; velg en av: {kinds}") from exc


def available_documents(data: SltData) -> list[tuple[DocKind, str | None]]:
    """Every document the data supports, with the body for each mandate.
    Raises :class:`~slt_docs.errors.DataError` when ``data`` is not a model."""
    expect_model(data)
    docs: list[tuple[DocKind, str | None]] = []
    if data.handlingsplan is not None:
        docs.append((DocKind.handlingsplan, None))
        if data.handlingsplan.numbered_tiltak():
            docs.append((DocKind.tiltak, None))
    if data.moteplan is not None:
        docs.append((DocKind.moteplan, None))
    if data.handlingsplan is not None and data.status:
        docs.append((DocKind.statusrapport, None))
    seen: set[str] = set()
    for m in data.dokumenter.mandat:
        organ = data.organisasjon.finn(m.organ)
        key = organ_id(organ) if organ else m.organ
        if key not in seen:
            seen.add(key)
            docs.append((DocKind.mandat, key))
    return docs


def output_name(kind: DocKind, organ: Organ | str | None = None, lang: str | None = None) -> str:
    """``handlingsplan.docx``, ``mandat-koordineringsgruppa.docx`` (``-nb`` when a
    language was chosen), ``nettside.html``."""
    name = kind.value
    if organ:
        name += f"-{organ if isinstance(organ, str) else organ_id(organ)}"
    if lang:
        name += f"-{lang}"
    return f"{name}{kind.suffix}"


def open_choices(template: str | Path | TemplatePack | None,
                 profile: str | Path | Profile | None) -> tuple[TemplatePack | None,
                                                                Profile | None]:
    """The template pack and the profile document for rendering every
    document, opened (and checked) once; a single template is refused (it
    fits one kind)."""
    pack = _template_option(template)
    if isinstance(pack, Path):
        pack = open_pack(pack)
    if pack is not None and pack.single is not None:
        raise SltError(f"{pack.label} er én enkelt mal; velg dokumentet den gjelder med --doc, "
                       "eller bruk en malpakke (mappe eller .zip)")
    look = _profile_option(profile)
    if isinstance(look, Path):
        look = load_profile(look)
    return pack, look


def render_all(data: SltData | str | Path, folder: str | Path, *, lang: str | None = None,
               form: str | Tabellform | None = None,
               template: str | Path | TemplatePack | None = None,
               profile: str | Path | Profile | None = None,
               dato: dt.date | None = None,
               office: OfficeSession | None = None, pdf: bool = False) -> list[Path]:
    """Write every document the data supports into ``folder`` — the Word
    documents, the årshjul and the calendar (``moteplan.ics``) when there is
    a møteplan, with ``pdf`` each document's PDF/UA too, and last the web
    page (``nettside.html``) linking to them — and return the paths.
    ``template`` is a template pack (kinds it lacks use the defaults);
    ``profile`` and ``office`` as for :func:`render` (``pdf`` needs
    ``office``); ``dato`` the day the page's next meetings are counted from
    (default today). All files or none: nothing is written when one of them
    fails, a PDF included.

    Raises the errors of :func:`render` (only :class:`~slt_docs.errors.SltError`
    and its subclasses): :class:`~slt_docs.errors.DataError`,
    :class:`~slt_docs.render.docx.TemplateFault`,
    :class:`~slt_docs.render.safety.UnsafeFile`, :class:`~slt_docs.profile.ProfileError`,
    :class:`~slt_docs.files.OutputError` when a file in ``folder`` cannot be
    written, :class:`~slt_docs.render.office.OfficeError`."""
    return render_all_checked(_checked(data), folder, lang=lang, form=form, template=template,
                              profile=profile, dato=dato, office=office, pdf=pdf)


def render_all_checked(data: SltData, folder: str | Path, *, lang: str | None = None,
                       form: str | Tabellform | None = None,
                       template: str | Path | TemplatePack | None = None,
                       profile: str | Path | Profile | None = None,
                       dato: dt.date | None = None,
                       office: OfficeSession | None = None, pdf: bool = False) -> list[Path]:
    """:func:`render_all` of data just read and checked by :func:`slt_docs.read`
    or :func:`slt_docs.load` (the batch: not checked twice)."""
    pack, look = open_choices(template, profile)
    if pdf and office is None:
        raise SltError("PDF lages med LibreOffice: gi render_all en OfficeSession (office=)")
    folder = _path_option("folder", folder)
    preflight(folder, folder=True)
    prepared = Prepared(data)
    files: dict[Path, bytes] = {}
    for kind, organ in available_documents(data):
        files[folder / output_name(kind, organ)] = _render_checked(
            data, kind, lang=lang, organ=organ, form=form, template=pack, profile=look,
            office=office, prepared=prepared)
    if data.moteplan is not None:
        from .ics import to_ics  # icalendar, loaded when a calendar is written

        wheel = prepared.aarshjul(_language(data, Options(lang=lang)))
        files[folder / "aarshjul.png"] = wheel.png
        files[folder / "aarshjul.svg"] = wheel.svg
        files[folder / CALENDAR_FILE] = to_ics(data, lang=lang, schedule=prepared.schedule)
    if pdf:
        from .render.pdf import pdf_bytes

        assert office is not None
        for path, content in list(files.items()):
            if path.suffix == ".docx":
                files[path.with_suffix(".pdf")] = pdf_bytes(office, content, path.name)
    page = folder / output_name(DocKind.nettside)
    files[page] = page_bytes(data, page, list(files), lang=lang, template=pack, profile=look,
                             dato=dato, prepared=prepared)
    return write_files(files)


CALENDAR_FILE = "moteplan.ics"
"""The calendar file :func:`render_all` writes beside the documents."""


def page_bytes(data: SltData, output: Path, files: list[Path], *, lang: str | None = None,
               template: str | Path | TemplatePack | None = None,
               profile: str | Path | Profile | None = None,
               dato: dt.date | None = None, prepared: Prepared | None = None) -> bytes:
    """The web page (HTML) for ``output``, linking to ``files`` (of a checked model)."""
    if prepared is None or prepared.data is not data:
        prepared = Prepared(data)
    language = _language(data, Options(lang=lang))
    titles = file_titles(data, language, prepared)
    links = tuple((path.name, titles.get(path.name) or titles.get(path.stem) or path.stem)
                  for path in files if path != output)
    return _render_checked(data, DocKind.nettside, lang=lang, template=template,
                           profile=profile, dato=dato, filer=links, prepared=prepared)


def file_titles(data: SltData, lang: Language,
                prepared: Prepared | None = None) -> dict[str, str]:
    """The title of every file :func:`render_all` can write, by file name
    (the calendar, the årshjul pictures) or by name without its suffix (a
    document, whether .docx or .pdf)."""
    if prepared is None or prepared.data is not data:
        prepared = Prepared(data)
    titles: dict[str, str] = {}
    for kind, organ in available_documents(data):
        view = _view(data, kind, lang, Options(organ=organ), prepared)
        titles[Path(output_name(kind, organ)).stem] = view.dok.tittel
    if data.moteplan is not None:
        wheel = f"{lang.label('aarshjul')} {data.moteplan.aar}"
        titles["aarshjul.png"] = titles["aarshjul.svg"] = wheel
        from .ics import CALENDAR_NAME

        titles[CALENDAR_FILE] = lang.gettext(CALENDAR_NAME).format(
            year=data.moteplan.aar, kommune=lang.kommune_name(data.kommune))
    return titles


def planned_files(data: SltData, lang: Language,
                  prepared: Prepared | None = None) -> tuple[tuple[str, str], ...]:
    """The files :func:`render_all` writes beside the web page, as (name, title)."""
    titles = file_titles(data, lang, prepared)
    names = [output_name(kind, organ) for kind, organ in available_documents(data)]
    if data.moteplan is not None:
        names += ["aarshjul.png", "aarshjul.svg", CALENDAR_FILE]
    return tuple((name, titles.get(name) or titles[Path(name).stem]) for name in names)


def render_page(data: SltData, language: Language, options: Options,
                prepared: Prepared | None = None) -> bytes:
    """The web page as UTF-8 HTML: its view, the template (the pack's
    ``nettside.html`` or ours) and the profile's colours and fonts."""
    from .render.html import render_html
    from .view.nettside import nettside_view

    profile = _profile(data, options.profile)
    if prepared is None or prepared.data is not data:
        prepared = Prepared(data)
    files = options.filer if options.filer is not None else planned_files(data, language,
                                                                          prepared)
    view = nettside_view(data, language, day=options.dato or dt.date.today(), files=files,
                         look=profile_look(profile) if profile is not None else None,
                         fragment=options.fragment, schedule=prepared.schedule)
    template, name, _, _ = _template(DocKind.nettside, options.template, language)
    try:
        text = template.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SltError(f"malen «{name}» er ikke UTF-8-tekst") from exc
    return render_html(text, view, template_name=name)



def write_aarshjul(data: SltData | str | Path, output: str | Path, *,
                   lang: str | None = None, prepared: Prepared | None = None) -> list[Path]:
    """Write the year wheel as its own picture (``.png`` or ``.svg``, by the
    file name) for the intranet; returns ``[output]``. ``data`` is a model
    or a path, as for :func:`render`; ``prepared`` as for :func:`render` (a
    wheel already drawn is reused).

    Raises :class:`~slt_docs.errors.DataError` for bad data,
    :class:`~slt_docs.files.OutputError` when ``output`` cannot be written,
    plain :class:`~slt_docs.errors.SltError` for data without a møteplan, another
    file type or an unknown language."""
    data = _checked(data)
    if data.moteplan is None:
        raise SltError("dataene har ingen «moteplan:»; årshjulet viser møteplanens møter")
    output = _path_option("output", output)
    suffix = output.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise SltError(f"årshjulet kan skrives som .png eller .svg, ikke «{output.suffix}»")
    language = _language(data, Options(lang=lang))
    if prepared is None or prepared.data is not data:
        prepared = Prepared(data)
    wheel = prepared.aarshjul(language)
    write_atomic(output, wheel.svg if suffix == ".svg" else wheel.png)
    return [output]
