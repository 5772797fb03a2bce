"""No state shared between kommuner in one process: a kommune's own words
(``spraak/``) travel with its data, so a web service or a batch run that
renders several kommuner — one after the other or from several threads at
once — never gives one kommune another's words."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from faulttools import AUKRA, REPO, aukra_copy

import slt_docs
from slt_docs.render.extract import plain_text

SHIPPED_NN = REPO / "templates" / "lang" / "nn.po"


def kommune_with_words(root: Path, name: str, contents: str, staff: str) -> Path:
    """A copy of Aukra whose ``spraak/nn.po`` says ``contents`` for
    "Føresetnad" and ``staff`` for "Deltakarar" (words Aukra does not give
    in its own ``etiketter``)."""
    folder = aukra_copy(root, name)
    (folder / "spraak").mkdir()
    text = SHIPPED_NN.read_text(encoding="utf-8")
    for msgid, old, new in (("Prerequisite", "Føresetnad", contents),
                            ("Participants", "Deltakarar", staff)):
        entry = f'msgid "{msgid}"\nmsgstr "{old}"'
        assert entry in text, entry
        text = text.replace(entry, f'msgid "{msgid}"\nmsgstr "{new}"')
    (folder / "spraak" / "nn.po").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def two_kommuner(tmp_path: Path) -> dict[str, tuple[Path, str, str]]:
    return {
        "nord": (kommune_with_words(tmp_path, "nord", "Grunnlag nord", "Folk i gruppa"),
                 "Grunnlag nord", "Folk i gruppa"),
        "sør": (kommune_with_words(tmp_path, "sor", "Vilkår sør", "Medlemmer i laget"),
                "Vilkår sør", "Medlemmer i laget"),
    }


def words(docx: bytes) -> str:
    return plain_text(docx)


def test_one_after_the_other_keeps_words_apart(two_kommuner):
    for name, (folder, contents, staff) in two_kommuner.items():
        text = words(slt_docs.render(slt_docs.load(folder), "handlingsplan"))
        assert contents in text and staff in text, name
        others = [w for n, (_, c, s) in two_kommuner.items() if n != name for w in (c, s)]
        assert not any(w in text for w in others)
    # and a kommune without its own words, rendered after them, gets the shipped ones
    text = words(slt_docs.render(slt_docs.load(AUKRA), "handlingsplan"))
    assert "Føresetnad" in text and "Deltakarar" in text
    assert not any(w in text for _, c, s in two_kommuner.values() for w in (c, s))
    assert slt_docs.get_language("nn").gettext("Prerequisite") == "Føresetnad"


def test_parallel_threads_never_mix_two_kommuners_words(two_kommuner):
    loaded = {name: (slt_docs.load(folder), contents, staff)
              for name, (folder, contents, staff) in two_kommuner.items()}
    loaded["aukra"] = (slt_docs.load(AUKRA), "Føresetnad", "Deltakarar")
    jobs = [name for _ in range(2) for name in loaded]

    def render(name: str) -> tuple[str, str]:
        return name, words(slt_docs.render(loaded[name][0], "handlingsplan"))

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(render, jobs))
    assert len(results) == len(jobs)
    own_words = {name: (c, s) for name, (_, c, s) in loaded.items() if name != "aukra"}
    for name, text in results:
        _, contents, staff = loaded[name]
        assert contents in text and staff in text, name
        for other, foreign in own_words.items():
            if other != name:
                assert not any(w in text for w in foreign), (name, other)


def test_loading_a_kommune_changes_nothing_in_the_process(two_kommuner, tmp_path):
    before = (slt_docs.available_languages(), slt_docs.lang.catalog_dirs())
    folder, _, _ = two_kommuner["nord"]
    se = folder / "spraak" / "se.po"
    shutil.copy(folder / "spraak" / "nn.po", se)
    se.write_text(se.read_text(encoding="utf-8").replace('"Language: nn\\n"',
                                                         '"Language: se\\n"'), encoding="utf-8")
    data = slt_docs.load(folder)
    assert slt_docs.data_language(data, "se").gettext("Prerequisite") == "Grunnlag nord"
    assert (slt_docs.available_languages(), slt_docs.lang.catalog_dirs()) == before
    with pytest.raises(slt_docs.SltError, match="ukjent språk «se»"):
        slt_docs.render(slt_docs.load(AUKRA), "handlingsplan", lang="se")


def test_an_edited_catalog_is_read_again(two_kommuner):
    folder, contents, _ = two_kommuner["nord"]
    data = slt_docs.load(folder)
    assert slt_docs.data_language(data).gettext("Prerequisite") == contents
    po = folder / "spraak" / "nn.po"
    po.write_text(po.read_text(encoding="utf-8").replace(contents, "Nytt grunnlag"),
                  encoding="utf-8")
    assert slt_docs.data_language(data).gettext("Prerequisite") == "Nytt grunnlag"


def test_parallel_threads_give_the_same_bytes_as_one():
    """Same input, same bytes — also when renderings (each drawing its own
    årshjul with its own fonts) run side by side."""
    data = slt_docs.load(AUKRA)
    alone = slt_docs.render(data, "moteplan")
    with ThreadPoolExecutor(max_workers=3) as pool:
        together = list(pool.map(lambda _: slt_docs.render(data, "moteplan"), range(3)))
    assert all(docx == alone for docx in together)
