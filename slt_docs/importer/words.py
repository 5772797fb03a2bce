"""The words a handlingsplan is read by, in bokmål and nynorsk.

Sections, level kinds, field labels and table columns are recognised from
the words kommuner write ("Møteverksemd", "Møtehyppighet", "Deltakarar",
"Medlemmer", "Det styrande nivå") and from slt_docs' own fixed words in
every language catalog (so a document slt_docs made is read back, and a
wording changed in a catalog is followed). Also here: guessing the written
standard from marker words, and turning a heading in capitals back into
ordinary case.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from ..lang import LABELS, available_languages, get_language
from ..models import NivaaType

_NUMBER_PREFIX = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*[.)]?\s*(?=[^\d\s.])")
_DASHES = re.compile("[\u2010-\u2015\u2212]")
_QUOTES = "«»“”„\"'‘’"
WORD = re.compile(r"[^\W\d_](?:[\w-]*\w)?")


def norm(text: str) -> str:
    """Text for matching: lower case, plain dashes and spaces, no leading
    number ("1.2 "), no trailing colon or full stop."""
    text = _DASHES.sub("-", text.replace("\u00a0", " ")).casefold()
    text = _NUMBER_PREFIX.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(":.;").strip()


def words_of(text: str) -> list[str]:
    """The words of ``text``, lower case."""
    return [w.casefold() for w in WORD.findall(_DASHES.sub("-", text))]


def unquote(text: str) -> str:
    """Text without surrounding quotation marks."""
    return text.strip().strip(_QUOTES).strip()


# -- catalog words ------------------------------------------------------------

@functools.cache
def catalog_words(key: str) -> frozenset[str]:
    """slt_docs' own word for label ``key`` in every language, normalised."""
    if key not in LABELS:  # a label the installed catalogs no longer have
        return frozenset()
    out = {norm(LABELS[key])}
    for code in available_languages():
        try:
            out.add(norm(get_language(code).label(key)))
        except Exception:  # a broken extra catalog must not stop an import
            continue
    return frozenset(out)


@functools.cache
def catalog_texts(key: str) -> frozenset[str]:
    """slt_docs' own word for label ``key`` exactly as each language writes
    it ("Deltakarar", "Deltakere"): a label written otherwise ("Medlemmer:",
    "Mandat:") is the kommune's own."""
    if key not in LABELS:
        return frozenset()
    out = set()
    for code in available_languages():
        try:
            out.add(get_language(code).label(key).strip())
        except Exception:  # a broken extra catalog must not stop an import
            continue
    return frozenset(out)


# -- sections -----------------------------------------------------------------

SECTION_LABELS = {
    "bakgrunn": "bakgrunn", "maal": "maal", "maal_for_perioden": "maal_for_perioden",
    "maalgruppe": "maalgruppe", "organisering": "organisering", "koordinator": "koordinator",
    "moetefrekvens": "moetefrekvens", "informasjonsutveksling": "informasjonsutveksling",
    "oppfolging": "oppfolging", "tilbakeblikk": "tilbakeblikk", "aarshjul": "aarshjul",
    "arbeidsgrupper": "arbeidsgrupper", "fokusgrupper": "arbeidsgrupper",
    "innhold": "toc", "alle_moter": "moteliste",
    "soknader": "soknader", "seminar": "seminar", "moteplan": "moteplan",
}
"""Catalog label key → section."""

_GOAL_WORDS = {"mål", "målsetting", "målsettingar", "målsettinger", "målet", "måla", "målene",
               "hovudmål", "hovedmål", "hovudmålet", "hovedmålet"}


def section_of(text: str) -> str | None:
    """The section a heading starts, or ``None``: ``bakgrunn``, ``visjon``,
    ``maal``, ``maal_for_perioden``, ``maalgruppe``, ``organisering``,
    ``koordinator``, ``moetefrekvens``, ``informasjonsutveksling``,
    ``tilbakeblikk``, ``tiltak``, ``oppfolging``, ``aarshjul``,
    ``arbeidsgrupper``, ``toc``, ``moteliste``, ``soknader``, ``moteplan``."""
    t = norm(text)
    if not t:
        return None
    for key, section in SECTION_LABELS.items():
        if t in catalog_words(key):
            return section
    words = set(words_of(t))
    if t.startswith(("innhald", "innhold")):
        return "toc"
    if t.startswith("tilbakeblikk") or re.match(r"^(evaluering|oppsummering) (av|for) \d{4}", t):
        return "tilbakeblikk"
    if words & {"tiltak", "tiltaka", "tiltakene", "tiltaksplan", "handlingsdel"} and (
            words & _GOAL_WORDS or words & {"gjennomføring", "konkrete", "delmål", "plan"}
            or t in ("tiltak", "tiltaksplan", "tiltaksoversikt")):
        return "tiltak"
    if t.startswith(("målgruppe", "målgruppa", "målgruppen")):
        return "maalgruppe"
    if re.match(r"^mål(a|ene|et)? (for|i) (plan)?perioden", t):
        return "maal_for_perioden"
    if t.startswith("bakgrunn"):
        return "bakgrunn"
    if t.startswith("visjon"):
        return "visjon"
    if t.startswith(("oppfølging", "evaluering", "rullering")):
        return "oppfolging"
    if "organisering" in t or t.startswith(("slt-modellen", "slt modellen", "organisasjon")):
        return "organisering"
    if re.search(r"\bkoordinator", t) and "koordinering" not in t:
        return "koordinator"
    if t.startswith(("møtehyppighet", "møtefrekvens", "møtehyppigheit")):
        return "moetefrekvens"
    if t.startswith("informasjonsutveksling"):
        return "informasjonsutveksling"
    if t.startswith("årshjul"):
        return "aarshjul"
    if re.match(r"^(slt-)?(arbeidsgrupper|fokusgrupper|ansvarsgrupper)$", t):
        return "arbeidsgrupper"
    if t.startswith("møteplan"):
        return "moteplan"
    if words & _GOAL_WORDS and len(words) <= 7 and not words & {"tiltak"}:
        return "maal"
    return None


# -- levels -------------------------------------------------------------------

_LEVEL_PATTERNS: tuple[tuple[NivaaType, re.Pattern[str]], ...] = (
    (NivaaType.styrende, re.compile(r"\bstyr(ande|ende)\b|styringsgrupp|politiråd")),
    (NivaaType.koordinerende, re.compile(r"\bkoordiner(ande|ende)\b|koordineringsgrupp")),
    (NivaaType.utforende, re.compile(r"\b(utfør|utøv)(ande|ende)\b|\boperativ(e|t)? nivå")),
)
_LEVEL_WORD = re.compile(r"\b(styr|koordiner|utfør|utøv)(ande|ende)\b")
BODY_WORDS = re.compile(r"(råd|rådet|grupp[ae]n?|gruppe|team|teamet|forum|nettverk|nettverket|"
                        r"utval|utvalg|utvalet|utvalget|styre|styret|ting|møte)\b|/|«|“", re.I)


def level_of(text: str) -> NivaaType | None:
    """The level kind a heading names (styrande/styrende, politiråd,
    styringsgruppe → styrende; koordinerande, koordineringsgruppe →
    koordinerende; utførande/utøvande → utforende)."""
    t = norm(text)
    adjective = _LEVEL_WORD.search(t)
    for kind, pattern in _LEVEL_PATTERNS:
        if adjective and pattern.search(adjective.group(0)):
            return kind
    for kind, pattern in _LEVEL_PATTERNS:
        if pattern.search(t):
            return kind
    for kind in NivaaType:
        if t in catalog_words(kind.value):
            return kind
    return None


def split_level_heading(text: str) -> tuple[str, str]:
    """"DET STYRANDE NIVÅ = POLITIRÅDET I AUKRA" → ("DET STYRANDE NIVÅ",
    "POLITIRÅDET I AUKRA"); "Styrande nivå – Politirådet" likewise; a
    heading that only names the body or the level gives ("", name) or
    (level, "")."""
    parts = [p.strip() for p in re.split(r"\s+[=–—-]\s+|\s*=\s*|:\s+", text, maxsplit=1)]
    if len(parts) == 2:
        first, second = parts
        if _LEVEL_WORD.search(norm(second)) and not _LEVEL_WORD.search(norm(first)):
            first, second = second, first
        return first, second
    if _LEVEL_WORD.search(norm(text)) and "nivå" in norm(text):
        return text, ""
    return "", text


# -- field labels -----------------------------------------------------------

_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("strategimaal", ("strategimål", "overordna strategimål", "overordnede strategimål",
                      "overordnet strategimål")),
    ("forutsetning", ("føresetnad", "forutsetning", "føresetnader", "forutsetninger")),
    ("moteverksemd", ("møteverksemd", "møtevirksomhet", "møtehyppighet", "møtefrekvens",
                      "hyppighet", "møtehyppigheit", "møter")),
    ("deltakere", ("deltakarar", "deltakere", "deltakarane", "deltakerne", "medlemmer",
                   "medlemar", "samansetjing", "sammensetning", "samansetting")),
    ("mandat", ("mandat", "mandatet")),
    ("beslutningsmyndighet", ("beslutningsmyndighet", "avgjerdsmynde", "avgjerdsmyndigheit",
                              "avgjørelsesmyndighet", "myndighet", "myndigheit")),
    ("budsjett", ("budsjett", "budsjettramme")),
    ("moteplasser", ("møteplassar", "møteplasser", "møtearenaer", "møtearenaar", "arenaer")),
    ("oppgaver", ("oppgåver", "oppgaver", "arbeidsoppgåver", "arbeidsoppgaver")),
    ("leder", ("leiar", "leder")),
    ("nivaa", ("nivå",)),
    ("visjon", ("visjon",)),
    ("hovedmaal", ("hovudmål", "hovedmål", "overordna mål", "overordnet mål")),
    ("kostnader", ("kostnader", "kostnad", "utgifter")),
    ("finansiering", ("finansiering",)),
    ("vedtatt", ("vedtatt", "vedteke", "vedtatt i", "vedteke i")),
)
_FIELD_CATALOG = {"forutsetning": "forutsetning", "moteverksemd": "moteverksemd",
                  "deltakere": "deltakere", "medlemmer": "deltakere", "mandat": "mandat",
                  "beslutningsmyndighet": "beslutningsmyndighet", "budsjett": "budsjett",
                  "moteplasser": "moteplasser", "strategimaal": "strategimaal",
                  "oppgaver": "oppgaver", "leder": "leder", "nivaa": "nivaa", "visjon": "visjon",
                  "hovedmaal": "hovedmaal", "kostnader": "kostnader",
                  "finansiering": "finansiering", "vedtatt": "vedtatt"}


def field_of(label: str) -> tuple[str, str] | None:
    """The field a label names and the rest of the label: "Deltakarar i
    “Ung i Aukra”" → ("deltakere", "i “Ung i Aukra”"); ``None`` when the
    label is none of ours."""
    t = norm(label)
    for key, field in _FIELD_CATALOG.items():
        for word in catalog_words(key):
            if t == word:
                return field, ""
    if "strategimål" in t:
        return "strategimaal", ""
    for field, words in _FIELDS:
        for word in sorted(words, key=len, reverse=True):
            if t == word or t.startswith(word + " "):
                return field, label.strip().rstrip(":").strip()[len(word):].strip()
    return None


def target_of(rest: str) -> str | None:
    """The body a label's rest names: "i “Ung i Aukra”" → "Ung i Aukra",
    "for «Ung i Aukra» gruppa" → "Ung i Aukra"; ``None`` for "generelt"."""
    m = re.match(r"^(?:i|for|til|av|hos)\s+(.+)$", rest.strip(), re.I)
    if not m:
        return None
    name = m.group(1).strip()
    quoted = re.match(f"^[{_QUOTES}]([^{_QUOTES}]+)[{_QUOTES}]", name)
    if quoted:
        return quoted.group(1).strip()
    name = re.sub(r"[\s-]*(gruppa|gruppe|gruppen)$", "", name, flags=re.I).strip()
    if name[:1].isupper():
        return name
    return None


# -- table columns ------------------------------------------------------------

COLUMN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("delmaal", ("delmål", "delmåla", "delmålet", "delmal", "innsatsområde", "innsatsområder",
                 "satsingsområde", "satsingsområder")),
    ("nummer", ("nr", "nummer", "tiltaksnummer")),
    ("tiltak", ("tiltak", "tiltaket", "tiltaka", "aktivitet", "aktivitetar", "aktiviteter",
                "hva", "kva")),
    ("ansvar", ("ansvar", "ansvarleg", "ansvarlig", "ansvarlege", "ansvarlige", "ansvarsperson",
                "hvem", "kven")),
    ("frist", ("frist", "tidsfrist", "fristar", "frister")),
    ("tidspunkt", ("tidspunkt", "når", "tid", "tidsplan", "tidsrom", "tidsramme", "periode",
                   "gjennomføring", "dato")),
    ("status", ("status",)),
    ("evaluering", ("evaluering", "resultat", "måloppnåing", "måloppnåelse")),
    ("maal", ("mål", "målsetting", "hovudmål", "hovedmål")),
)
_COLUMN_CATALOG = ("delmaal", "tiltak", "ansvar", "tidspunkt", "status")


def column_role(header: str) -> str | None:
    """What a tiltak table column holds, from its header in either written
    standard: delmaal, nummer, tiltak, ansvar, frist, tidspunkt, status,
    evaluering, maal."""
    t = norm(header)
    for key in _COLUMN_CATALOG:
        if t in catalog_words(key):
            return key
    tokens = set(words_of(header))
    for role, words in COLUMN_WORDS:
        if tokens & set(words):
            return role
    return None


# -- the written standard -----------------------------------------------------

NN_MARKERS = frozenset({
    "ikkje", "eit", "ein", "dei", "frå", "korleis", "kva", "kvifor", "vere", "vert", "vart",
    "heile", "kvar", "mykje", "noko", "nokre", "desse", "saman", "berre", "meir", "fleire",
    "tilsette", "sjølv", "medan", "hjå", "òg", "deira", "deltakarar", "møteverksemd",
    "føresetnad", "oppgåver", "tenester", "gjer", "sine",
})
NB_MARKERS = frozenset({
    "ikke", "et", "en", "de", "fra", "hvordan", "hva", "hvorfor", "være", "hele", "hver",
    "mye", "noe", "noen", "disse", "sammen", "bare", "mer", "flere", "ansatte", "selv", "mens",
    "deres", "deltakere", "møtevirksomhet", "forutsetning", "oppgaver", "tjenester", "gjør",
    "hun", "jeg",
})


def guess_language(texts: Iterable[str]) -> tuple[str, int, int]:
    """``("nn", nynorsk markers, bokmål markers)`` or ``("nb", …)``: the
    written standard with more marker words (bokmål on a tie)."""
    counts = Counter(w for text in texts for w in words_of(text))
    nn = sum(n for w, n in counts.items() if w in NN_MARKERS)
    nb = sum(n for w, n in counts.items() if w in NB_MARKERS)
    return ("nn" if nn > nb else "nb"), nn, nb


# -- capitals -----------------------------------------------------------------

def is_caps(text: str) -> bool:
    """True when every letter is a capital (and there are a few)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class Casing:
    """Turns text in capitals back into ordinary case, keeping the words the
    document itself writes with a capital (names: "Aukra") or in capitals
    (acronyms: "SLT", "MOT") in the rest of its text."""

    def __init__(self, texts: Iterable[str]) -> None:
        upper: Counter[str] = Counter()
        lower: Counter[str] = Counter()
        forms: dict[str, str] = {}
        for text in texts:
            if is_caps(text):
                continue
            for sentence in re.split(r"(?<=[.!?:])\s+|\n", text):
                for index, word in enumerate(WORD.findall(sentence)):
                    for part in {word, *word.split("-")}:
                        if not part:
                            continue
                        key = part.casefold()
                        if part.isupper() and len(part) > 1:
                            forms[key] = part
                            upper[key] += 2
                        elif part[0].isupper():
                            if index > 0:
                                forms.setdefault(key, part)
                                upper[key] += 1
                        else:
                            lower[key] += 1
        self._forms = {k: v for k, v in forms.items() if upper[k] > lower[k]}

    def __call__(self, text: str) -> str:
        """``text`` in ordinary case when it is in capitals, else unchanged."""
        words = WORD.findall(text)
        if not is_caps(text) or (len(words) == 1 and (words[0].casefold() in self._forms
                                                      or len(words[0]) <= 4)):
            return text  # a lone acronym ("MOT", "SLT") stays as it is

        def word(m: re.Match[str]) -> str:
            token = m.group(0)
            key = token.casefold()
            if key in self._forms:
                return self._forms[key]
            parts = token.split("-")
            return "-".join(self._forms.get(p.casefold(), p.lower()) for p in parts)

        out = WORD.sub(word, text)
        for i, c in enumerate(out):
            if c.isalpha():
                return out[:i] + c.upper() + out[i + 1:]
        return out


def abbreviates(short: str, name: str) -> bool:
    """True when ``short`` is ``name`` shortened: "Koord.gr." for
    "Koordineringsgruppa", "Styringsgr." for "Styringsgruppa"."""
    parts = [p for p in re.split(r"[.\s-]+", short.casefold()) if p]
    full = name.casefold()
    if len(parts) < 1 or not full.startswith(parts[0]) or short.casefold() == full:
        return False
    pos = len(parts[0])
    for part in parts[1:]:
        found = full.find(part, pos)
        if found < 0:
            return False
        pos = found + len(part)
    return "." in short


_GENERATED = ("Meetings in {year}", "Looking back on {year}", "Goals and measures {period}")
"""Headings slt_docs writes itself over a part it fills (nothing of the
kommune's own)."""


@functools.cache
def _generated_patterns() -> tuple[re.Pattern[str], ...]:
    out = []
    for code in available_languages():
        try:
            lang = get_language(code)
        except Exception:  # a broken extra catalog must not stop an import
            continue
        for msgid in _GENERATED:
            text = norm(lang.gettext(msgid))
            pattern = re.escape(text).replace(r"\{year\}", r"\d{4}").replace(
                r"\{period\}", r"\d{4}(?:\s*-\s*\d{4})?")
            out.append(re.compile("^" + pattern + "$"))
    return tuple(out)


def generated_heading(text: str) -> bool:
    """True for a heading slt_docs writes itself ("Møte i 2021")."""
    t = norm(text)
    return any(p.match(t) for p in _generated_patterns())


def own_heading(text: str, section: str) -> bool:
    """True when a section heading is the kommune's own wording ("MÅL MED
    SLT"), not slt_docs' default word for the section ("Mål")."""
    t = norm(text)
    keys = [key for key, sec in SECTION_LABELS.items() if sec == section]
    return not generated_heading(text) and all(t not in catalog_words(k) for k in keys)
