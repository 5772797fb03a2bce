"""What changed between two versions of a handlingsplan: tiltak added,
removed, moved to another delmål, their ansvar, tidspunkt, status or text
changed (text as a word-level difference), delmål added, removed or
renamed, and the plan's own fields (title, period …).

Tiltak are matched across the versions in this order: the same ``id``; the
same title; the same number with a similar title; the most similar title
and text; the same number with similar text. What is left is added or
removed. A tiltak that only got a new number (because one before it went)
is not a change; its numbers are kept in :attr:`PlanDiff.renumbered`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from attrs import frozen

from ..errors import SltError
from ..models import Blokk, Delmaal, Handlingsplan, SltData, Tidspunkt, Tiltak, Tiltaksstatus
from .worddiff import Piece, similarity, word_diff

SAME_NUMBER_TITLE = 0.5
"""A tiltak with the same number and a title at least this similar is the same tiltak."""
SIMILAR = 0.6
"""Otherwise title (or title and text) at least this similar."""


class Kind(enum.Enum):
    """How a tiltak or delmål changed."""

    added = "added"
    removed = "removed"
    changed = "changed"


@frozen(kw_only=True)
class ListChange:
    """Items of a list (ansvar, tidspunkt, bullet points) removed and added;
    ``rewritten`` pairs an old item with its new wording (word diff)."""

    removed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    rewritten: tuple[tuple[Piece, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.removed or self.added or self.rewritten)


@frozen(kw_only=True)
class TiltakChange:
    """One tiltak added, removed or changed. Numbers and delmål (index) are
    given in the version(s) it stands in; ``tittel`` is the word diff of the
    title (empty when it is the same), ``moved`` whether it changed delmål."""

    kind: Kind
    old_number: str | None
    new_number: str | None
    old: Tiltak | None
    new: Tiltak | None
    old_delmaal: int | None = None
    new_delmaal: int | None = None
    moved: bool = False
    tittel: tuple[Piece, ...] = ()
    punkter: ListChange = ListChange()
    ansvar: ListChange = ListChange()
    tidspunkt: ListChange = ListChange()
    status: tuple[Tiltaksstatus | None, Tiltaksstatus | None] | None = None


@frozen(kw_only=True)
class DelmaalChange:
    """A delmål added, removed or renamed (``tittel`` the word diff)."""

    kind: Kind
    old_index: int | None
    new_index: int | None
    old: Delmaal | None
    new: Delmaal | None
    tittel: tuple[Piece, ...] = ()


@frozen(kw_only=True)
class FieldChange:
    """One of the plan's own fields changed: ``field`` is the YAML key
    (``tittel``, ``periode``, ``visjon``, ``tilbakeblikk`` …); ``text`` the
    word diff of its text."""

    field: str
    text: tuple[Piece, ...]


@frozen(kw_only=True)
class PlanDiff:
    """Everything that changed from ``old`` to ``new``."""

    old: Handlingsplan
    new: Handlingsplan
    fields: tuple[FieldChange, ...]
    delmaal: tuple[DelmaalChange, ...]
    tiltak: tuple[TiltakChange, ...]
    renumbered: tuple[tuple[str, str], ...]
    unchanged: int

    @property
    def empty(self) -> bool:
        """True when the versions hold the same plan."""
        return not (self.fields or self.delmaal or self.tiltak)


Describe = Callable[[Tidspunkt], str]


def compare_data(old: SltData, new: SltData, describe: Describe | None = None) -> PlanDiff:
    """Compare the handlingsplan of two versions of a kommune's data."""
    if old.handlingsplan is None or new.handlingsplan is None:
        which = "den gamle" if old.handlingsplan is None else "den nye"
        raise SltError(f"{which} versjonen har ingen «handlingsplan:» å sammenligne")
    return compare(old.handlingsplan, new.handlingsplan, describe)


def compare(old: Handlingsplan, new: Handlingsplan, describe: Describe | None = None
            ) -> PlanDiff:
    """What changed from ``old`` to ``new``. ``describe`` writes a tidspunkt
    in words for the comparison (default: its data as text)."""
    describe = describe or _describe
    d_pairs, d_removed, d_added = _match_delmaal(old.delmaal, new.delmaal)
    delmaal_map = dict(d_pairs)
    delmaal_changes: list[DelmaalChange] = []
    for i in d_removed:
        delmaal_changes.append(DelmaalChange(kind=Kind.removed, old_index=i, new_index=None,
                                             old=old.delmaal[i], new=None))
    for i, j in d_pairs:
        a, b = old.delmaal[i], new.delmaal[j]
        if _delmaal_text(a) != _delmaal_text(b):
            delmaal_changes.append(DelmaalChange(
                kind=Kind.changed, old_index=i, new_index=j, old=a, new=b,
                tittel=word_diff(_delmaal_text(a), _delmaal_text(b))))
    for j in d_added:
        delmaal_changes.append(DelmaalChange(kind=Kind.added, old_index=None, new_index=j,
                                             old=None, new=new.delmaal[j]))

    olds, news = _entries(old), _entries(new)
    pairs = _match_tiltak(olds, news)
    matched_old = {i for i, _ in pairs}
    matched_new = {j for _, j in pairs}
    changes: list[tuple[tuple[int, int], TiltakChange]] = []
    renumbered: list[tuple[str, str]] = []
    unchanged = 0
    for i, j in pairs:
        (on, ot, od), (nn, nt, nd) = olds[i], news[j]
        moved = od != nd and not (od is not None and delmaal_map.get(od) == nd)
        change = TiltakChange(
            kind=Kind.changed, old_number=on, new_number=nn, old=ot, new=nt, old_delmaal=od,
            new_delmaal=nd, moved=moved,
            tittel=word_diff(ot.tittel, nt.tittel) if ot.tittel != nt.tittel else (),
            punkter=_list_change(ot.punkter, nt.punkter),
            ansvar=_list_change(ot.ansvar, nt.ansvar),
            tidspunkt=_list_change(tuple(describe(t) for t in ot.tidspunkt),
                                   tuple(describe(t) for t in nt.tidspunkt)),
            status=(ot.status, nt.status) if ot.status != nt.status else None)
        if moved or change.tittel or change.punkter or change.ansvar or change.tidspunkt \
                or change.status:
            changes.append(((j, 1), change))
        else:
            unchanged += 1
            if on != nn:
                renumbered.append((on, nn))
    for i, (on, ot, od) in enumerate(olds):
        if i not in matched_old:
            # a removed tiltak stands where it stood: after the new tiltak
            # that follows the last old one before it still in the plan
            before = [j for k, j in pairs if k < i]
            place = (max(before) if before else -1, 0)
            changes.append((place, TiltakChange(kind=Kind.removed, old_number=on,
                                                new_number=None, old=ot, new=None,
                                                old_delmaal=od)))
    for j, (nn, nt, nd) in enumerate(news):
        if j not in matched_new:
            changes.append(((j, 1), TiltakChange(kind=Kind.added, old_number=None,
                                                 new_number=nn, old=None, new=nt,
                                                 new_delmaal=nd)))
    changes.sort(key=lambda c: c[0])
    return PlanDiff(old=old, new=new, fields=tuple(_field_changes(old, new)),
                    delmaal=tuple(delmaal_changes), tiltak=tuple(c for _, c in changes),
                    renumbered=tuple(renumbered), unchanged=unchanged)


# -- matching ----------------------------------------------------------------------

Entry = tuple[str, Tiltak, int | None]


def _entries(plan: Handlingsplan) -> list[Entry]:
    places: list[int | None] = [d for d, delmaal in enumerate(plan.delmaal)
                                for _ in delmaal.tiltak]
    places += [None] * len(plan.tiltak)
    return [(n, t, p) for (n, t), p in zip(plan.numbered_tiltak(), places, strict=True)]


class _Pairing:
    """Pairs of old and new indexes, made rule by rule: each rule pairs what
    is still free, first come first served."""

    def __init__(self, old: int, new: int) -> None:
        self.pairs: list[tuple[int, int]] = []
        self.free_old = list(range(old))
        self.free_new = list(range(new))

    def pair(self, i: int, j: int) -> None:
        self.pairs.append((i, j))
        self.free_old.remove(i)
        self.free_new.remove(j)

    def take(self, test: Callable[[int, int], bool]) -> None:
        for i in list(self.free_old):
            j = next((j for j in self.free_new if test(i, j)), None)
            if j is not None:
                self.pair(i, j)

    def take_best(self, score: Callable[[int, int], float], floor: float) -> None:
        """Pair the most alike first, down to ``floor``."""
        ranked = sorted(((score(i, j), i, j) for i in self.free_old for j in self.free_new),
                        reverse=True)
        for value, i, j in ranked:
            if value < floor:
                break
            if i in self.free_old and j in self.free_new:
                self.pair(i, j)


def _match_tiltak(olds: list[Entry], news: list[Entry]) -> list[tuple[int, int]]:
    pairing = _Pairing(len(olds), len(news))

    def title(entries: list[Entry], k: int) -> str:
        return " ".join(entries[k][1].tittel.split()).casefold()

    pairing.take(lambda i, j: olds[i][1].id is not None and olds[i][1].id == news[j][1].id)
    pairing.take(lambda i, j: title(olds, i) == title(news, j))
    pairing.take(lambda i, j: olds[i][0] == news[j][0]
                 and similarity(olds[i][1].tittel, news[j][1].tittel) >= SAME_NUMBER_TITLE)
    pairing.take_best(lambda i, j: similarity(_text(olds[i][1]), _text(news[j][1])), SIMILAR)
    pairing.take(lambda i, j: olds[i][0] == news[j][0]
                 and similarity(_text(olds[i][1]), _text(news[j][1])) >= SAME_NUMBER_TITLE)
    return sorted(pairing.pairs)


def _text(tiltak: Tiltak) -> str:
    return " ".join((tiltak.tittel, *tiltak.punkter))


def _delmaal_text(delmaal: Delmaal) -> str:
    text = delmaal.tittel
    return f"{text} ({delmaal.presisering})" if delmaal.presisering else text


def _match_delmaal(old: tuple[Delmaal, ...], new: tuple[Delmaal, ...]
                   ) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    pairing = _Pairing(len(old), len(new))
    pairing.take(lambda i, j: old[i].tittel.strip().casefold() == new[j].tittel.strip().casefold())
    pairing.take(lambda i, j: i == j and similarity(old[i].tittel, new[j].tittel) >= 0.5)
    pairing.take_best(lambda i, j: similarity(old[i].tittel, new[j].tittel), SIMILAR)
    return sorted(pairing.pairs), pairing.free_old, pairing.free_new


def _list_change(old: tuple[str, ...], new: tuple[str, ...], *, rewrite: bool = True
                 ) -> ListChange:
    """Items removed and added; with ``rewrite``, a removed item with a
    similar added one is shown as a rewording instead."""
    removed = [x for x in old if x not in new]
    added = [x for x in new if x not in old]
    rewritten: list[tuple[Piece, ...]] = []
    if rewrite:
        for item in list(removed):
            best = max(added, key=lambda a: similarity(item, a), default=None)
            if best is not None and similarity(item, best) >= SAME_NUMBER_TITLE:
                rewritten.append(word_diff(item, best))
                removed.remove(item)
                added.remove(best)
    return ListChange(removed=tuple(removed), added=tuple(added), rewritten=tuple(rewritten))


def _describe(part: Tidspunkt) -> str:
    bits = [part.etikett or "", part.tekst or "", part.moter or "",
            part.dato.isoformat() if part.dato else "", "*" if part.hele_aaret else ""]
    return " ".join(b for b in bits if b)


# -- the plan's own fields ----------------------------------------------------------

_TEXT_FIELDS = ("tittel", "undertittel", "periode", "rullert", "visjon", "hovedmaal")
_BLOCK_FIELDS = ("maal", "maal_for_perioden", "maalgruppe", "oppfolging")


def _field_changes(old: Handlingsplan, new: Handlingsplan) -> list[FieldChange]:
    out = []
    for name in _TEXT_FIELDS:
        a, b = _plain(getattr(old, name)), _plain(getattr(new, name))
        if a != b:
            out.append(FieldChange(field=name, text=word_diff(a, b)))
    if old.tiltakstabell.tittel != new.tiltakstabell.tittel:
        out.append(FieldChange(field="tiltakstabell", text=word_diff(
            old.tiltakstabell.tittel or "", new.tiltakstabell.tittel or "")))
    for name in _BLOCK_FIELDS:
        a, b = _blocks(getattr(old, name)), _blocks(getattr(new, name))
        if a != b:
            out.append(FieldChange(field=name, text=word_diff(a, b)))
    a = " ".join(_blocks(s.innhold) for s in old.bakgrunn)
    b = " ".join(_blocks(s.innhold) for s in new.bakgrunn)
    if a != b or [s.tittel for s in old.bakgrunn] != [s.tittel for s in new.bakgrunn]:
        out.append(FieldChange(field="bakgrunn", text=word_diff(a, b)))
    ta, tb = old.tilbakeblikk, new.tilbakeblikk
    if ta != tb:
        out.append(FieldChange(field="tilbakeblikk", text=word_diff(
            str(ta.aar) if ta else "", str(tb.aar) if tb else "")))
    return out


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "fra") and hasattr(value, "til"):
        return str(value.fra) if value.fra == value.til else f"{value.fra}–{value.til}"
    return str(value)


def _blocks(blocks: tuple[Blokk, ...]) -> str:
    parts: list[str] = []
    for block in blocks:
        if block.avsnitt:
            parts.append(block.avsnitt)
        parts += [p.tekst for p in block.punkter]
        if block.kilde:
            parts.append(block.kilde)
        if block.lenke:
            parts.append(block.lenke.tekst or block.lenke.url)
    return " ".join(parts)
