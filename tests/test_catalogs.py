"""The message catalogs: the template matches the code, nb and nn translate
everything, and a new language is a data file."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from conftest import REPO, VALID_YAML

import slt_docs
from slt_docs.lang import catalog as catalog_module
from slt_docs.lang.labels import CLDR_FALLBACK_CONTEXTS, LABELS

LANG_DIR = REPO / "templates" / "lang"
POT = LANG_DIR / "slt_docs.pot"
SHIPPED = ["nb", "nn"]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=locale)


def keys(catalog: Catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


def extract_command(output: Path) -> list[str]:
    """The ``pybabel extract`` command of scripts/update_catalogs.sh, writing to ``output``."""
    script = (REPO / "scripts" / "update_catalogs.sh").read_text(encoding="utf-8")
    joined = script.replace("\\\n", " ")
    [line] = [ln.strip() for ln in joined.splitlines() if ln.strip().startswith("pybabel extract")]
    args = shlex.split(line)[2:]
    out_at = args.index("-o")
    args[out_at + 1] = str(output)
    return [sys.executable, "-m", "babel.messages.frontend", "extract", *args]


def test_pot_is_up_to_date_with_the_code(tmp_path):
    fresh = tmp_path / "fresh.pot"
    proc = subprocess.run(extract_command(fresh), cwd=REPO, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    missing = keys(read_catalog(fresh)) - keys(read_catalog(POT))
    stale = keys(read_catalog(POT)) - keys(read_catalog(fresh))
    assert not missing, f"run scripts/update_catalogs.sh; new words: {sorted(missing, key=str)}"
    assert not stale, f"run scripts/update_catalogs.sh; words gone: {sorted(stale, key=str)}"


def test_every_label_is_in_the_template():
    ids = {msgid for context, msgid in keys(read_catalog(POT)) if context is None}
    assert set(LABELS.values()) <= ids


@pytest.mark.parametrize("code", SHIPPED)
def test_catalog_has_exactly_the_template_words(code):
    assert keys(read_catalog(LANG_DIR / f"{code}.po", code)) == keys(read_catalog(POT))


@pytest.mark.parametrize("code", SHIPPED)
def test_every_word_is_translated(code):
    catalog = read_catalog(LANG_DIR / f"{code}.po", code)
    untranslated = []
    for message in catalog:
        if not message.id or message.context in CLDR_FALLBACK_CONTEXTS:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            untranslated.append((message.context, message.id))
    assert untranslated == []


@pytest.mark.parametrize("code", SHIPPED)
def test_no_fuzzy_entries(code):
    catalog = read_catalog(LANG_DIR / f"{code}.po", code)
    assert not catalog.fuzzy, "the header is marked fuzzy; its plural rule would be ignored"
    assert [m.id for m in catalog if m.id and m.fuzzy] == []
    assert "#, fuzzy" not in (LANG_DIR / f"{code}.po").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", SHIPPED)
def test_header_language_and_plural_rule(code):
    catalog = read_catalog(LANG_DIR / f"{code}.po", code)
    assert str(catalog.locale) == code
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"


@pytest.mark.parametrize("code", SHIPPED)
def test_placeholders_are_kept(code):
    catalog = read_catalog(LANG_DIR / f"{code}.po", code)
    checked = 0
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[0]))
        for string in strings:
            if string:
                assert set(PLACEHOLDER.findall(string)) == wanted, (message.id, string)
        checked += bool(wanted)
    assert checked >= 1  # "{count} hour" at least


def test_fallback_contexts_are_real_contexts():
    contexts = {context for context, _ in keys(read_catalog(POT))}
    assert contexts >= CLDR_FALLBACK_CONTEXTS


# -- a new language is data only -----------------------------------------------------

@pytest.fixture
def sami_catalog(tmp_path):
    """A folder with the shipped catalogs and a new ``se.po`` (a copy of nb.po
    with one word changed), with the catalog folder pointed there."""
    folder = tmp_path / "lang"
    folder.mkdir()
    for po in LANG_DIR.glob("*.po"):
        shutil.copy(po, folder / po.name)
    text = (LANG_DIR / "nb.po").read_text(encoding="utf-8")
    text = text.replace('"Language: nb\\n"', '"Language: se\\n"')
    text = text.replace('msgid "Contents"\nmsgstr "Innhold"',
                        'msgid "Contents"\nmsgstr "Sisdoallu"')
    assert "Sisdoallu" in text
    (folder / "se.po").write_text(text, encoding="utf-8")
    yield folder
    catalog_module._clear_caches()  # forget the cached «se»


def test_extra_language_folder_is_listed(sami_catalog):
    assert slt_docs.available_languages(sami_catalog) == ["nb", "nn", "se"]
    assert slt_docs.available_languages() == ["nb", "nn"]


def test_extra_language_file_can_be_read(sami_catalog):
    translations = catalog_module.load_translations("se", sami_catalog / "se.po")
    assert translations.gettext("Contents") == "Sisdoallu"


def test_a_kommune_adds_a_language_next_to_its_data(sami_catalog, tmp_path):
    """A ``spraak/se.po`` in the kommune's folder is enough: the data
    validates with ``spraak: se`` and the document uses its words."""
    folder = tmp_path / "kommune"
    (folder / "spraak").mkdir(parents=True)
    shutil.copy(sami_catalog / "se.po", folder / "spraak" / "se.po")
    (folder / "data.yaml").write_text(VALID_YAML.replace("spraak: nn", "spraak: se"),
                                      encoding="utf-8")
    data = slt_docs.load(folder)
    assert data.kommune.spraak == "se"
    from slt_docs.render.extract import plain_text

    text = plain_text(slt_docs.render(data, "handlingsplan"))
    assert "Sisdoallu" in text
    # the kommune's catalogs travel with its data: nothing stays in the process
    assert slt_docs.available_languages() == ["nb", "nn"]
    with pytest.raises(slt_docs.SltError, match="ukjent språk «se»"):
        slt_docs.get_language("se")


def test_language_folder_from_the_environment(sami_catalog, monkeypatch):
    extra = sami_catalog.parent / "bare-se"
    extra.mkdir()
    shutil.copy(sami_catalog / "se.po", extra / "se.po")
    monkeypatch.setenv("SLT_DOCS_SPRAAK", str(extra))
    catalog_module._clear_caches()
    assert slt_docs.available_languages() == ["nb", "nn", "se"]
    assert slt_docs.get_language("se").label("innhold") == "Sisdoallu"


def test_adding_a_language_file_needs_no_code(sami_catalog, monkeypatch, tmp_path):
    """Dropping ``se.po`` into the catalog folder is enough: the language is
    available, its words are used, CLDR gives its weekday names, and data
    with ``spraak: se`` validates."""
    monkeypatch.setattr(catalog_module, "lang_dir", lambda: sami_catalog)
    assert slt_docs.available_languages() == ["nb", "nn", "se"]
    se = slt_docs.Language("se")
    assert se.label("innhold") == "Sisdoallu"
    assert se.label("deltakere") == "Deltakere"  # copied from nb
    assert se.bcp47 == "se-NO"
    assert se.weekday(0) != ""
    path = tmp_path / "data.yaml"
    path.write_text(VALID_YAML.replace("spraak: nn", "spraak: se"), encoding="utf-8")
    result = slt_docs.read(path)
    assert result.problems == []
    assert result.data.kommune.spraak == "se"


def test_language_file_for_a_code_cldr_does_not_know(sami_catalog, monkeypatch):
    shutil.copy(sami_catalog / "nb.po", sami_catalog / "xq.po")
    monkeypatch.setattr(catalog_module, "lang_dir", lambda: sami_catalog)
    with pytest.raises(slt_docs.SltError) as info:
        slt_docs.Language("xq")
    assert str(info.value) == "språkkoden «xq» er ikke en kjent locale i CLDR"
