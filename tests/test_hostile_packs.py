"""Hostile template packs: every attack is refused or neutralised.

Each test renders (or opens) a pack built to do harm — run code, read a
secret file, write outside the output, reach the network, exhaust memory
or time — and asserts on what happened to the machine, not only on the
message: the canary file is not read, no file appears or changes anywhere
but the output, no process is started and no socket is opened (recorded
with audit hooks).
"""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import pytest
from packtools import (
    add_relationship,
    docx_with,
    manifest,
    pack_folder,
    pack_zip,
    parts_of,
    recording,
    snapshot,
    with_parts,
    zip_of,
)

import slt_docs
from slt_docs.documents import render
from slt_docs.errors import SltError
from slt_docs.packs import check_pack, new_pack, open_pack
from slt_docs.profile import load_profile
from slt_docs.render import safety, sandbox

REPO = Path(__file__).resolve().parents[1]
SECRET = "KANARI-9f3c2e"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@pytest.fixture(scope="module")
def data() -> slt_docs.SltData:
    return slt_docs.load(REPO / "examples" / "aukra")


@pytest.fixture
def arena(tmp_path: Path) -> dict[str, Path]:
    """A secret file (the canary), a folder for packs and one for output."""
    secret = tmp_path / "hemmelig"
    secret.mkdir()
    (secret / "canary.txt").write_text(SECRET, encoding="utf-8")
    work = tmp_path / "pakker"
    work.mkdir()
    return {"root": tmp_path, "secret": secret, "canary": secret / "canary.txt", "work": work,
            "out": tmp_path / "ut" / "plan.docx", "touch": tmp_path / "RAN"}


def attempt(arena: dict[str, Path], data: slt_docs.SltData, pack: Path,
            kind: str = "handlingsplan") -> SltError:
    """Render with ``pack``; it must be refused, and leave no trace."""
    root = arena["root"]
    before = snapshot(root)
    with recording() as rec, pytest.raises(SltError) as caught:
        render(data, kind, template=pack, output=arena["out"])
    assert snapshot(root) == before, "something was written"
    assert not arena["out"].exists()
    assert not arena["touch"].exists()
    assert rec.opened_under(arena["secret"]) == [], "the canary was opened"
    assert rec.spawned == [], f"a process was started: {rec.spawned}"
    assert rec.network == [], f"the network was used: {rec.network}"
    message = str(caught.value)
    assert SECRET not in message
    assert "Traceback" not in message
    return caught.value


def hostile(arena: dict[str, Path], *paragraphs: str, name: str = "ond.zip") -> Path:
    """A pack whose handlingsplan template holds ``paragraphs``."""
    return pack_zip(arena["work"] / name, {"handlingsplan": docx_with(*paragraphs)})


# -- the sandbox -------------------------------------------------------------------

SANDBOX_ESCAPES = [
    "{{ dok.__class__.__mro__[1].__subclasses__() }}",
    "{{ lenke.__globals__['os'].system('touch RAN') }}",
    "{{ cycler.__init__.__globals__.os.system('touch RAN') }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{% set ns = namespace(x=1) %}{{ ns }}",
    "{% for i in range(3) %}{{ i }}{% endfor %}",
    "{{ '{0.__class__.__init__.__globals__}'.format(dok) }}",
    "{{ dok.tittel.format(dok) }}",
    "{{ dok|attr('__class__') }}",
    "{{ '%s'|format(dok) }}",
    "{{ '%(a)s' % dok }}",
    "{{ dok['__class__'] }}",
    "{{ label.__class__.__base__ }}",
    "{{ label.items() }}",
    "{{ bilde.logo.tpl.docx }}",
    "{{ self.__init__.__globals__ }}",
    "{% block b %}x{% endblock %}{{ self['b']() }}",
    "{% for x in bakgrunn %}{{ loop.cycle('a', 'b') }}{% endfor %}",
    "{% for x in bakgrunn recursive %}{{ loop(x.blokker) }}{% endfor %}",
    "{% macro m() %}{{ m.__globals__ }}{% endmacro %}{{ m() }}",
    "{% macro m() %}{{ caller.__globals__ }}{% endmacro %}{% call m() %}x{% endcall %}",
    "{{ bakgrunn|map(attribute='__class__')|list }}",
    "{{ bakgrunn|sort(attribute='__class__') }}",
    "{{ '<w:p/>'|safe }}",
    "{% autoescape false %}{{ '<w:p/>' }}{% endautoescape %}",
    "{% include '{canary}' %}",
    "{% extends '{canary}' %}",
    "{% import '{canary}' as x %}",
    "{% from '{canary}' import x %}",
    "{{ lenke(dok) }}",
]


@pytest.mark.parametrize("source", SANDBOX_ESCAPES)
def test_sandbox_escapes_are_refused(arena, data, source):
    text = source.replace("{canary}", str(arena["canary"]))
    error = attempt(arena, data, hostile(arena, text))
    message = str(error)
    assert "malen" in message
    assert "handlingsplan.docx i malpakken «Testmal»" in message


def test_kommune_text_cannot_inject_word_xml(tmp_path):
    """Autoescaping: data with XML and template tags prints literally."""
    from conftest import VALID_YAML

    text = '<w:r><w:t>ondt</w:t></w:r> {{ dok.__class__ }} & "sitat"'

    (tmp_path / "k.yaml").write_text(VALID_YAML.replace(
        "Handlingsplan SLT", text.replace('"', "'")), encoding="utf-8")
    docx = render(slt_docs.load(tmp_path / "k.yaml"), "handlingsplan")
    document = parts_of(docx)["word/document.xml"].decode("utf-8")
    assert "&lt;w:r&gt;&lt;w:t&gt;ondt" in document
    assert "{{ dok.__class__ }}" in document


# -- budgets -----------------------------------------------------------------------

def test_wrong_kind_of_value_is_a_template_fault(arena, data):
    error = attempt(arena, data, hostile(arena, "{{ 5|sort }} {{ 1 // 0 }}"))
    assert "kunne ikke fylles ut" in str(error)


BUDGETS = [
    ("{% for a in dok.tittel * 40 %}{% for b in dok.tittel * 40 %}{% for c in dok.tittel * 40 %}"
     "{% for d in dok.tittel * 40 %}{% for e in dok.tittel * 40 %}{% endfor %}{% endfor %}"
     "{% endfor %}{% endfor %}{% endfor %}", "løkkerunder"),
    ("{{ dok.tittel * 100000000 }}", "altfor lang tekst"),
    ("{{ [dok.tittel * 100000] * 1000 }}", "altfor lang tekst"),
    ("{% set a = dok.tittel * 40000 %}{{ a|replace(dok.tittel[0], a) }}", "altfor lang tekst"),
    ("{% set a = dok.tittel * 40000 %}{{ [a, a, a, a, a, a, a, a, a, a]|join }}",
     "altfor lang tekst"),
    ("{% macro f(s, n) %}{% if n %}{{ f(s ~ s, n - 1) }}{% endif %}{% endmacro %}"
     "{{ f(dok.tittel, 60) }}", "altfor lang tekst"),
    ("{% macro f(n) %}{{ f(n * n) }}{% endmacro %}{{ f(99) }}", "altfor stort tall"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "nivåer dypt"),
    ("{{ 10 ** 100000 }}", "altfor stort tall"),
    ("{{ '%999999999s' % 'a' }}", "%-formatering"),
    ("{% set a = dok.tittel * 40000 %}{% for x in a %}{{ a }}{% endfor %}", "millioner tegn"),
]


@pytest.mark.parametrize(("source", "expected"), BUDGETS)
def test_budgets_stop_runaway_templates(arena, data, source, expected):
    start = time.process_time()
    error = attempt(arena, data, hostile(arena, source))
    assert expected in str(error)
    assert "stoppet" in str(error) or "ikke" in str(error)
    assert time.process_time() - start < 10


def test_time_budget(monkeypatch):
    """A rendering past its deadline stops with a Norwegian message."""
    env = sandbox.SltSandbox({})
    env.start_budget(seconds=0.05)
    template = env.from_string("{% for a in x %}{% for b in x %}{{ x|sort|length }}{% endfor %}"
                               "{% endfor %}")
    with pytest.raises(sandbox.RenderBudgetExceeded, match="sekunder"):
        template.render(x=list(range(400)))


# -- zip files ----------------------------------------------------------------------

def test_zip_member_outside_the_pack_is_refused(arena, data):
    pack = pack_zip(arena["work"] / "ond.zip", {"handlingsplan": docx_with("x")},
                    {"../hemmelig/canary.txt": b"overskrevet"})
    error = attempt(arena, data, pack)
    assert "«..»" in str(error) and "malpakken «ond.zip»" in str(error)
    assert arena["canary"].read_text(encoding="utf-8") == SECRET


def test_absolute_zip_member_is_refused(arena, data):
    pack = pack_zip(arena["work"] / "ond.zip", {"handlingsplan": docx_with("x")},
                    {str(arena["canary"]): b"overskrevet"})
    assert "absolutt sti" in str(attempt(arena, data, pack))


def test_symlink_in_zip_is_refused(arena, data):
    pack = pack_zip(arena["work"] / "ond.zip", {}, symlinks={
        "handlingsplan.docx": str(arena["canary"])},
        manifest_text=manifest({"handlingsplan": "handlingsplan.docx"}))
    assert "symbolske lenker" in str(attempt(arena, data, pack))


def test_symlink_in_pack_folder_is_refused(arena, data):
    folder = pack_folder(arena["work"] / "mappe", {"handlingsplan": docx_with("x")})
    (folder / "handlingsplan.docx").unlink()
    (folder / "handlingsplan.docx").symlink_to(arena["canary"])
    assert "symbolske lenker" in str(attempt(arena, data, folder))


def test_manifest_pointing_outside_is_refused(arena, data):
    text = manifest({"handlingsplan": "../hemmelig/canary.txt"})
    folder = arena["work"] / "mappe"
    folder.mkdir()
    (folder / "manifest.yaml").write_text(text, encoding="utf-8")
    error = attempt(arena, data, folder)
    assert "utenfor pakken" in str(error)
    zipped = pack_zip(arena["work"] / "ond.zip", {}, manifest_text=manifest(
        {"handlingsplan": str(arena["canary"])}))
    assert "absolutt sti" in str(attempt(arena, data, zipped))


def test_zip_bomb_is_refused_by_declared_size(arena, data):
    bomb = b"\0" * (safety.MAX_MEMBER_BYTES + 1)
    pack = pack_zip(arena["work"] / "bombe.zip", {"handlingsplan": docx_with("x")},
                    {"bilder/stor.png": bomb})
    assert (arena["work"] / "bombe.zip").stat().st_size < 1_000_000
    assert "zip-bombe" in str(attempt(arena, data, pack))


def _lie_about_size(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the uncompressed size ``name`` declares (local and central headers)."""
    raw = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    local = info.header_offset
    struct.pack_into("<I", raw, local + 22, size)
    central = raw.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", raw, central + 28)[0]
        if raw[central + 46:central + 46 + name_len] == name.encode():
            struct.pack_into("<I", raw, central + 24, size)
            break
        central = raw.find(b"PK\x01\x02", central + 4)
    return bytes(raw)


def test_zip_bomb_is_refused_by_actual_size(arena, data):
    """A member that claims to be small but decompresses to much more."""
    docx = docx_with("x")
    members = parts_of(docx)
    members["word/media/stor.bin"] = b"\0" * (5 * 1024 * 1024)
    lying = _lie_about_size(zip_of(members), "word/media/stor.bin", 100)
    pack = pack_zip(arena["work"] / "ond.zip", {"handlingsplan": lying})
    error = attempt(arena, data, pack)
    assert "word/media/stor.bin" in str(error)


def test_too_many_files_is_refused(arena, data):
    docx = docx_with("x")
    members = parts_of(docx)
    members.update({f"word/media/f{i}.bin": b"" for i in range(safety.MAX_MEMBERS + 1)})
    pack = pack_zip(arena["work"] / "ond.zip", {"handlingsplan": zip_of(members)})
    assert "mer enn 1000 filer" in str(attempt(arena, data, pack))


def test_template_new_from_hostile_zip_writes_nothing_outside(arena):
    pack = pack_zip(arena["work"] / "ond.zip", {"handlingsplan": docx_with("x")},
                    {"../../RAN": b"x"})
    target = arena["root"] / "ny"
    before = snapshot(arena["root"])
    with recording() as rec, pytest.raises(SltError):
        new_pack(target, source=pack)
    assert snapshot(arena["root"]) == before
    assert not target.exists() and not arena["touch"].exists()
    assert rec.spawned == []


# -- Word files ---------------------------------------------------------------------

MACRO_CT = "application/vnd.ms-word.document.macroEnabled.main+xml"


def _docm() -> bytes:
    docx = docx_with("{{ dok.tittel }}")
    parts = parts_of(docx)
    types = parts["[Content_Types].xml"].decode()
    types = types.replace("application/vnd.openxmlformats-officedocument.wordprocessingml."
                          "document.main+xml", MACRO_CT)
    types = types.replace("</Types>", '<Default Extension="bin" ContentType='
                          '"application/vnd.ms-office.vbaProject"/></Types>')
    parts["[Content_Types].xml"] = types.encode()
    parts["word/vbaProject.bin"] = b"Attribute VB_Name = \"ThisDocument\"\nShell \"touch RAN\""
    docx = zip_of(parts)
    return add_relationship(docx, "word/_rels/document.xml.rels",
                            '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/'
                            '2006/relationships/vbaProject" Target="vbaProject.bin"/>')


def test_macros_are_refused(arena, data):
    error = attempt(arena, data, pack_zip(arena["work"] / "ond.zip", {"handlingsplan": _docm()}))
    assert "makroer" in str(error)
    assert "malpakken «Testmal»" in str(error) and "handlingsplan.docx" in str(error)


def _with_rel(rel_type: str, target: str, external: bool = True,
              source: str = "word/_rels/document.xml.rels") -> bytes:
    mode = ' TargetMode="External"' if external else ""
    return add_relationship(docx_with("{{ dok.tittel }}"), source,
                            f'<Relationship Id="rId77" Type="{REL}/{rel_type}" '
                            f'Target="{target}"{mode}/>')


@pytest.mark.parametrize(("rel_type", "target", "expected"), [
    ("image", "http://angriper.example/sporing.png", "ekstern kobling (bilde)"),
    ("image", "file:///{canary}", "ekstern kobling (bilde)"),
    ("hyperlink", "file:///{canary}", "bare http(s)- og e-postlenker"),
    ("hyperlink", "\\\\angriper.example\\del\\x", "bare http(s)- og e-postlenker"),
    ("oleObject", "http://angriper.example/x.bin", "OLE-objekt"),
    ("subDocument", "file:///{canary}", "underdokument"),
    ("frame", "http://angriper.example/", "ramme"),
])
def test_external_relationships_are_refused(arena, data, rel_type, target, expected):
    docx = _with_rel(rel_type, target.replace("{canary}", str(arena["canary"])))
    error = attempt(arena, data, pack_zip(arena["work"] / "ond.zip", {"handlingsplan": docx}))
    assert expected in str(error)
    assert "word/_rels/document.xml.rels" in str(error)


def test_attached_template_is_stripped_and_reported(arena, data):
    parts = parts_of(docx_with("{{ dok.tittel }}"))
    parts["word/_rels/settings.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/attachedTemplate" '
        f'Target="file:///{arena["canary"]}" TargetMode="External"/></Relationships>').encode()
    settings = parts["word/settings.xml"].decode()
    parts["word/settings.xml"] = settings.replace(
        "<w:zoom", '<w:attachedTemplate r:id="rId1"/><w:zoom', 1).encode()
    pack = pack_zip(arena["work"] / "mal.zip", {"handlingsplan": zip_of(parts)})
    before = snapshot(arena["root"])
    with recording() as rec, pytest.warns(safety.SafetyNotice, match="vedlagt mal"):
        render(data, "handlingsplan", template=pack, output=arena["out"])
    after = snapshot(arena["root"])
    assert set(after) - set(before) == {"ut", "ut/plan.docx"}
    assert rec.opened_under(arena["secret"]) == [] and rec.spawned == []
    out = parts_of(arena["out"].read_bytes())
    assert b"attachedTemplate" not in out["word/settings.xml"]
    assert all(b"canary" not in blob for name, blob in out.items() if name.endswith(".rels"))
    result = check_pack(pack)
    assert not result.errors
    assert any("vedlagt mal" in p.melding for p in result.problems)


def test_embedded_ole_object_is_refused(arena, data):
    docx = with_parts(docx_with("x"), {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"})
    error = attempt(arena, data, pack_zip(arena["work"] / "ond.zip", {"handlingsplan": docx}))
    assert "innebygde objekter (OLE)" in str(error)
    assert "word/embeddings/oleObject1.bin" in str(error)


def test_activex_is_refused(arena, data):
    docx = with_parts(docx_with("x"), {"word/activeX/activeX1.xml": b"<ax/>"})
    assert "ActiveX" in str(attempt(arena, data, pack_zip(arena["work"] / "ond.zip",
                                                          {"handlingsplan": docx})))


def test_w_object_element_is_refused(arena, data):
    docx = docx_with("x")
    document = parts_of(docx)["word/document.xml"].decode()
    document = document.replace("<w:t>x</w:t>", "<w:t>x</w:t></w:r><w:r><w:object/>")
    error = attempt(arena, data, pack_zip(arena["work"] / "ond.zip", {
        "handlingsplan": with_parts(docx, {"word/document.xml": document.encode()})}))
    assert "w:object" in str(error)


XXE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [<!ENTITY hemmelig SYSTEM "file://{canary}">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&hemmelig;</w:t></w:r></w:p></w:body></w:document>"""

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize("xml", [XXE, LAUGHS])
@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "[Content_Types].xml",
                                  "word/_rels/document.xml.rels"])
def test_xml_entities_are_refused(arena, data, xml, part):
    docx = with_parts(docx_with("x"), {part: xml.replace("{canary}", str(arena["canary"]))
                                       .encode()})
    error = attempt(arena, data, pack_zip(arena["work"] / "ond.zip", {"handlingsplan": docx}))
    assert "<!DOCTYPE>" in str(error) and part in str(error)


def test_utf16_doctype_is_refused():
    xml = XXE.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    with pytest.raises(safety.UnsafeFile, match="DOCTYPE"):
        safety.parse_safe_xml(xml, "testen", "word/document.xml")


@pytest.mark.parametrize("field", [
    'INCLUDEPICTURE "http://angriper.example/x.png" \\d',
    'INCLUDETEXT "{canary}"',
    'DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe"',
    'DDE "cmd" "/c touch RAN"',
    'LINK Excel.Sheet.8 "{canary}" "" \\a',
    'IMPORT "{canary}"',
    'MACROBUTTON Kjor Dobbeltklikk',
    'HYPERLINK "file:///{canary}"',
])
@pytest.mark.parametrize("complex_field", [True, False])
def test_dangerous_fields_are_refused(arena, data, field, complex_field):
    field = field.replace("{canary}", str(arena["canary"]))
    docx = docx_with("x")
    document = parts_of(docx)["word/document.xml"].decode()
    escaped = field.replace("&", "&amp;").replace('"', "&quot;")
    if complex_field:
        half = len(field) // 2  # split over two runs, as Word does
        run = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
               f'<w:r><w:instrText xml:space="preserve">{field[:half]}</w:instrText></w:r>'
               f'<w:r><w:instrText xml:space="preserve">{field[half:]}</w:instrText></w:r>'
               '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        run = run.replace("&", "&amp;")
    else:
        run = f'<w:fldSimple w:instr="{escaped}"><w:r><w:t>x</w:t></w:r></w:fldSimple>'
    document = document.replace("<w:r><w:t>x</w:t></w:r>", run)
    docx = with_parts(docx, {"word/document.xml": document.encode()})
    error = attempt(arena, data, pack_zip(arena["work"] / "ond.zip", {"handlingsplan": docx}))
    assert "feltkoden" in str(error) or "lenkefelt" in str(error)


def test_alt_chunk_is_refused(arena, data):
    docx = _with_rel("aFChunk", "afchunk.htm", external=False)
    docx = with_parts(docx, {"word/afchunk.htm": b"<img src='http://angriper.example/x'>"})
    assert "altChunk" in str(attempt(arena, data, pack_zip(arena["work"] / "ond.zip",
                                                           {"handlingsplan": docx})))


def test_svg_with_external_reference_is_refused(arena, data):
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
           b'<image xlink:href="http://angriper.example/x.png"/></svg>')
    docx = with_parts(docx_with("x"), {"word/media/bilde.svg": svg})
    assert "SVG" in str(attempt(arena, data, pack_zip(arena["work"] / "ond.zip",
                                                      {"handlingsplan": docx})))


def test_a_plain_single_docx_template_is_checked_too(arena, data):
    path = arena["work"] / "mal.docx"
    path.write_bytes(_docm())
    assert "makroer" in str(attempt(arena, data, path))


def test_hostile_profile_is_refused(arena, data):
    path = arena["work"] / "profil.docx"
    path.write_bytes(with_parts(docx_with("x"), {"word/styles.xml": XXE.replace(
        "{canary}", str(arena["canary"])).encode()}))
    root = arena["root"]
    before = snapshot(root)
    with recording() as rec, pytest.raises(SltError, match=r"profildokumentet «profil\.docx»"):
        render(data, "handlingsplan", profile=path, output=arena["out"])
    assert snapshot(root) == before
    assert rec.opened_under(arena["secret"]) == [] and rec.spawned == []
    path.write_bytes(_docm())
    with pytest.raises(SltError, match="makroer"):
        load_profile(path)


def test_links_to_local_files_are_refused_in_the_data(data, tmp_path):
    """A link the data gives to a local file never reaches a document: the
    data layer refuses it with its place."""
    from conftest import VALID_YAML

    text = VALID_YAML.replace("handlingsplan:\n", "handlingsplan:\n  oppfolging:\n"
                              "    - lenke: {url: 'file:///etc/passwd', tekst: x}\n", 1)
    (tmp_path / "k.yaml").write_text(text, encoding="utf-8")
    result = slt_docs.read(tmp_path / "k.yaml")
    assert result.data is None
    assert [p.sti for p in result.errors] == ["handlingsplan.oppfolging[0].lenke.url"]
    assert "må begynne med http://, https:// eller mailto:" in result.errors[0].melding


def test_opening_a_pack_reads_nothing_but_the_pack(arena):
    folder = pack_folder(arena["work"] / "god", {"handlingsplan": docx_with("{{ dok.tittel }}")})
    with recording() as rec:
        pack = open_pack(folder)
    assert pack.template("handlingsplan") is not None
    opened = {Path(p).resolve() for p, _ in rec.opened_under(arena["root"])}
    assert opened <= {(folder / "manifest.yaml").resolve(),
                      (folder / "handlingsplan.docx").resolve()}
