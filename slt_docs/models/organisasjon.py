"""The SLT organisation: the three levels, their groups, working groups,
meeting forums and the coordinator. Written once, referenced by every document.

Every body that meets (``Organ``) has an ``id`` other data refers to
(``organ: koordineringsgruppa``). When no id is written, it is made from the
body's name (``Politirådet i Aukra`` → ``politiradet-i-aukra``) or, for an
unnamed level, from its kind (``utforende``).
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Iterator

from attrs import field, frozen

from .common import Blokk, Tidsenhet, Tidsrom
from .moteplan import Moteregel


class NivaaType(enum.Enum):
    """The three SLT levels. YAML accepts bokmål and nynorsk spellings
    (``styrende``/``styrande``, ``koordinerende``/``koordinerande``,
    ``utforende``/``utførende``/``utførande``)."""

    styrende = "styrende"
    koordinerende = "koordinerende"
    utforende = "utforende"


class Gruppetype(enum.Enum):
    """What kind of temporary group a working group is."""

    arbeidsgruppe = "arbeidsgruppe"
    fokusgruppe = "fokusgruppe"
    ansvarsgruppe = "ansvarsgruppe"
    prosjektgruppe = "prosjektgruppe"
    innsatsteam = "innsatsteam"


class Gruppestatus(enum.Enum):
    """Whether a working group is proposed, active or dissolved."""

    foreslaatt = "foreslaatt"
    aktiv = "aktiv"
    avsluttet = "avsluttet"


@frozen(kw_only=True)
class Moteverksemd:
    """How often a body meets and for how long, as data, so that it can be
    written in either language: "fire møter i året à to timar" is
    ``{antall: 4, per: aar, timer: 2}``; "minst ett møte i halvåret" is
    ``{antall: 1, per: halvaar, minst: true}``; "møter ved behov og minst seks
    møter i året" adds ``ved_behov: true``; "om lag tre gongar i året" is
    ``omtrent: true``. ``siste_moete_timer`` is the length of the year's last
    meeting when it differs; ``merknad`` is free text added at the end.

    ``tekst`` is the kommune's own wording ("Fire møter i året à to timer per
    møte"): when given, documents print it exactly as written instead of the
    sentence made from the numbers, which still feed the møteplan and the
    årshjul."""

    tekst: str | None = None
    antall: int | None = None
    per: Tidsenhet = Tidsenhet.aar
    minst: bool = False
    omtrent: bool = False
    ved_behov: bool = False
    timer: float | None = None
    siste_moete_timer: float | None = None
    merknad: str | None = None


@frozen(kw_only=True)
class Medlem:
    """A member or participant, by role (``rolle``) and optionally unit
    (``enhet``); a person's name is optional and usually left out."""

    rolle: str
    enhet: str | None = None
    navn: str | None = None
    merknad: str | None = None


@frozen(kw_only=True)
class Mandat:
    """A mandate: optional paragraphs (``tekst``) and mandate points
    (``punkter``). In YAML a list is taken as the points and a string as one
    paragraph. The kommune's own word for the heading ("Mandat generelt") is
    given on the body: ``etiketter: {mandat: Mandat generelt}``."""

    tekst: tuple[str, ...] = ()
    punkter: tuple[str, ...] = ()


@frozen(kw_only=True)
class Strategipunkt:
    """One strategy goal: a short title and its text."""

    tittel: str
    tekst: str


@frozen(kw_only=True)
class Strategimaal:
    """A body's strategy goals ("Overordna strategimål for politirådet i
    Aukra, utarbeida 09.06.2020")."""

    tittel: str | None = None
    utarbeidet: str | None = None
    punkter: tuple[Strategipunkt, ...] = ()


@frozen(kw_only=True)
class Moteplass:
    """One meeting arena of a level: a group of its own (``organ``; shown as
    its name with its frequency) or the kommune's own words (``tekst``, printed
    as written; with ``organ`` too, the text is shown and the group is not
    described again), optionally with its frequency."""

    tekst: str | None = None
    organ: str | None = None
    moteverksemd: Moteverksemd | None = None


@frozen(kw_only=True)
class Organ:
    """Anything that meets: a level, a group, a working group or a forum.

    ``navn`` is the body's own name ("Politirådet", "Koordineringsgruppa"),
    ``kortnavn`` its short form in tables ("Koord.gr."), ``storrelse`` the
    usual number of participants when given as a number ("om lag 20").

    The kommune's own wording, printed exactly as written:

    - ``overskrift``: the heading the body is shown under ("DET STYRANDE NIVÅ =
      POLITIRÅDET I AUKRA", "Det utførende nivå"); default: the level's kind
      and the body's name ("Styrande nivå – Politirådet i Aukra"), or the
      group's name.
    - ``bestemt_form``: the name's definite form for generated sentences
      ("Styringsgruppa (politirådet)" in "Styringsgruppa (politirådet) har minst
      ett møte i halvåret"). Default: made from ``navn`` by the language's
      rules ("Koordineringsgruppe" → "Koordineringsgruppa", "Politiråd" →
      "Politirådet"); a name that is already definite or a proper name ("Ung i
      Aukra") is kept.
    - ``etiketter``: the body's own words for the labels printed in its block,
      by label key (``deltakere: Medlemmer``, ``mandat: Mandat generelt``,
      ``moteverksemd``, ``forutsetning``, ``beslutningsmyndighet``,
      ``strategimaal``). They win over the document's ``etiketter`` and our
      defaults, in every document the body appears in."""

    id: str | None = None
    navn: str | None = None
    kortnavn: str | None = None
    overskrift: str | None = None
    bestemt_form: str | None = None
    etiketter: dict[str, str] = field(factory=dict)
    deltakere: tuple[Medlem, ...] = ()
    storrelse: int | None = None
    mandat: Mandat | None = None
    moteverksemd: Moteverksemd | None = None
    sted: str | None = None
    leder: str | None = None


@frozen(kw_only=True)
class Gruppe(Organ):
    """A standing group within a level ("Ung i Aukra", SLT-innsatsteam)."""

    beskrivelse: tuple[Blokk, ...] = ()


@frozen(kw_only=True)
class Nivaa(Organ):
    """One of the three SLT levels with its body.

    ``forutsetning`` (føresetnad) says what the level presupposes,
    ``beslutningsmyndighet`` what it may decide, ``budsjettramme`` the yearly
    amount in kroner it may decide over, ``strategimaal`` its strategy goals,
    ``grupper`` its standing groups and ``moteplasser`` its meeting arenas.
    ``beskrivelse`` is the kommune's own text about the level ("Her møtest dei
    som arbeider direkte med barn og unge"), as its web page has it."""

    type: NivaaType
    forutsetning: str | None = None
    beslutningsmyndighet: tuple[str, ...] = ()
    budsjettramme: int | None = None
    strategimaal: Strategimaal | None = None
    grupper: tuple[Gruppe, ...] = ()
    moteplasser: tuple[Moteplass, ...] = ()
    beskrivelse: tuple[Blokk, ...] = ()


@frozen(kw_only=True)
class Arbeidsgruppe(Organ):
    """A working group, fokusgruppe or ansvarsgruppe set up for a task.

    ``nivaa`` names the level it reports to, ``ansvar`` the owner of the task
    (tiltakseier), ``aar`` the year it is planned for, ``opploses`` when it is
    dissolved ("når oppgaven er gjennomført")."""

    type: Gruppetype = Gruppetype.arbeidsgruppe
    nivaa: str | None = None
    ansvar: str | None = None
    aar: int | None = None
    status: Gruppestatus = Gruppestatus.aktiv
    merknad: str | None = None
    opploses: str | None = None


@frozen(kw_only=True)
class Moteforum(Organ):
    """A recurring forum that is not a level, e.g. SLT-frokostmøter or
    frokostseminar. ``fast_tid`` is its standing rule ("siste fredag i
    måneden") and ``tid`` its usual time range."""

    beskrivelse: tuple[Blokk, ...] = ()
    fast_tid: Moteregel | None = None
    tid: Tidsrom | None = None


@frozen(kw_only=True)
class Koordinator:
    """The SLT coordinator's role: a title, paragraphs about the role and the
    list of tasks."""

    tittel: str = "SLT-koordinator"
    rolle: tuple[Blokk, ...] = ()
    oppgaver: tuple[str, ...] = ()


@frozen(kw_only=True)
class Organisasjon:
    """The whole SLT organisation of a kommune."""

    innledning: tuple[Blokk, ...] = ()
    nivaa: tuple[Nivaa, ...] = ()
    arbeidsgrupper: tuple[Arbeidsgruppe, ...] = ()
    om_arbeidsgrupper: tuple[Blokk, ...] = ()
    moteforum: tuple[Moteforum, ...] = ()
    koordinator: Koordinator | None = None
    informasjonsutveksling: tuple[Blokk, ...] = ()

    def organer(self) -> Iterator[Organ]:
        """Every body that can meet: levels, their groups, working groups, forums."""
        for n in self.nivaa:
            yield n
            yield from n.grupper
        yield from self.arbeidsgrupper
        yield from self.moteforum

    def nivaa_av_type(self, kind: NivaaType) -> Nivaa | None:
        """The level of ``kind``, if the organisation has it."""
        return next((n for n in self.nivaa if n.type is kind), None)

    def finn(self, ref: str) -> Organ | None:
        """The body ``ref`` names: by id first, then by name, then (for levels)
        by kind in bokmål or nynorsk. ``None`` when nothing matches."""
        key = slug(ref)
        organs = list(self.organer())
        for organ in organs:
            if organ_id(organ) == key:
                return organ
        for organ in organs:
            if organ.navn and slug(organ.navn) == key:
                return organ
        kind = NIVAA_ALIASES.get(key)
        if kind is not None:
            return self.nivaa_av_type(kind)
        return None


NIVAA_ALIASES: dict[str, NivaaType] = {
    "styrende": NivaaType.styrende,
    "styrande": NivaaType.styrende,
    "koordinerende": NivaaType.koordinerende,
    "koordinerande": NivaaType.koordinerende,
    "utforende": NivaaType.utforende,
    "utforande": NivaaType.utforende,
}


@functools.lru_cache(maxsize=4096)
def slug(text: str) -> str:
    """An ASCII id from a name: "Politirådet i Aukra" → "politiradet-i-aukra",
    "Utførende" → "utforende"."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def organ_id(organ: Organ) -> str:
    """The id other data uses for ``organ``: its own ``id``, else made from its
    name, else (a level without a name) its kind."""
    if organ.id:
        return slug(organ.id)
    if organ.navn:
        return slug(organ.navn)
    if isinstance(organ, Nivaa):
        return organ.type.value
    return ""
