"""Rolling a kommune's data forward to the next year (``slt-docs rull``).

The new folder is the old one with the year's changes made in the YAML
itself (round trip with ruamel.yaml), so the kommune's comments, key order,
layout and own wording stay; files with nothing to change are copied byte
for byte, and the old folder is never written to.

What changes:

- ``handlingsplan``: a one-year plan's ``periode`` moves to the new year
  (and the year in its title and the tiltak table's title with it); a plan
  of several years keeps its period and gets ``rullert: <year>``. The
  adoption (``vedtatt``) is removed: the new plan is not adopted yet. The
  look back (``tilbakeblikk``) is made anew for the year that ended
  (:mod:`.lookback`). Each tiltak gets last year's status as a comment; the
  completed or ended ones are left out or marked ``status: gjennomført``
  (:class:`Ferdige`). A tiltak whose text names the year that ended gets a
  comment asking the coordinator to look at it; a tidspunkt date is moved to
  the same weekday and week of the month, with a comment.
- ``moteplan``: the next year's møteplan (:mod:`.meetings`), single
  meetings marked ``forslag: true``.
- ``dokumenter``: the year in a one-year plan's tiltak table titles.
- ``status``: not carried over (the status file belongs to the year that
  ended; its summary is in the new look back).

Everything is written to a temporary folder, loaded and checked there, and
only then moved into place.
"""

from __future__ import annotations

import datetime as dt
import enum
import io
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrs import frozen
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from ..data import read
from ..data.converter import CONVERTER
from ..data.load import REPEATABLE, yaml_files
from ..data.spellings import spelling
from ..errors import DataError, SltError
from ..files import OutputError, cannot_read, cannot_write, is_folder, preflight, write_files
from ..lang import Language, get_language
from ..lang.labels import N_
from ..models import Motestatus, SltData, Tilbakeblikk
from . import Ferdige
from .lookback import look_back, replace_year
from .meetings import NextMoteplan, next_moteplan, same_place_in_month
from .status import YearStatus, year_status


@frozen(kw_only=True)
class RollResult:
    """What :func:`roll_forward` wrote: the folder, its files, and notes for
    the coordinator (in Norwegian, the data's language)."""

    folder: Path
    files: tuple[Path, ...]
    notes: tuple[str, ...]


STATUS_LINE = N_("Status {year}: {status}")
TEXT_NAMES_YEAR = N_("The text mentions {year}: check whether it should change.")
DATE_PROPOSED = N_("Date moved from {old} to the same weekday in {year}: confirm it.")
LOOK_BACK_MEETINGS = N_("The meetings of {year} from the møteplan. Write the topics under "
                        "«tema» and remove what should not be shown.")
LOOK_BACK_STATUS = N_("How the tiltak of {year} ended, from the status file.")
LOOK_BACK_PENDING = N_("Applications still awaiting an answer: update the outcome.")
MEETINGS_PROPOSED = N_("Dates proposed for {year} on the same weekday and week of the month as "
                       "in {old}: confirm each and remove «forslag: true».")
HOLIDAYS_PROPOSED = N_("School holidays proposed for {year} from those of {old}: check them "
                       "against the school calendar and remove «forslag: true».")


def data_word(member: enum.Enum, lang: str) -> str:
    """How the data writes ``member`` in its written standard (``nn`` or bokmål)."""
    return spelling(member, lang)


# -- the command ---------------------------------------------------------------

def roll_forward(source: str | Path, target: str | Path, aar: int, *,
                 ferdige: Ferdige = Ferdige.merk, overwrite: bool = False) -> RollResult:
    """Write the data folder for ``aar`` to ``target`` from the folder
    ``source`` (the year before's). Raises :class:`SltError` for bad data
    (``DataError``), a year that does not follow the plan, or a target that
    exists and is not empty (unless ``overwrite``); ``source`` is only read."""
    source, target = Path(source), Path(target)
    if not source.is_dir():
        raise SltError(f"{source}: rull trenger en kommunemappe (en mappe med YAML-filer)")
    result = read(source)
    if result.data is None:
        raise DataError(f"{source}: dataene har feil; rett dem før du ruller planen",
                        result.errors)
    data = result.data
    _check_target(source, target, overwrite)
    preflight(target, folder=True)
    roller = _Roller(data, aar, ferdige)
    contents = _rolled_files(source, roller)
    staging = _staging_folder(target)
    try:
        written = write_files({staging / name: text for name, text in contents.items()})
        check = read(staging)
        if check.data is None:
            raise DataError(f"{target}: den nye mappa består ikke kontrollen (feil i slt_docs)",
                            check.errors)
        _move_into_place(staging, target)
    except OutputError as exc:  # named by its temporary path: name the file the user asked for
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(_named(exc.path, staging, target), exc.reason) from exc
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise cannot_write(target, exc) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    files = tuple(target / p.relative_to(staging) for p in written)
    return RollResult(folder=target, files=files, notes=tuple(roller.notes))


def _check_target(source: Path, target: Path, overwrite: bool) -> None:
    if target.resolve() == source.resolve():
        raise SltError(f"{target}: den nye mappa kan ikke være den gamle; velg en annen med -o")
    if source.resolve() in target.resolve().parents:
        raise SltError(f"{target}: den nye mappa kan ikke ligge inni den gamle")
    if is_folder(target) and any(target.iterdir()) and not overwrite:
        raise SltError(f"{target}: mappa finnes alt og er ikke tom; velg en ny mappe, eller "
                       "bruk --overskriv for å erstatte innholdet")


def _rolled_files(source: Path, roller: _Roller) -> dict[Path, bytes]:
    """Every file of the new folder (its path inside it → content): the YAML
    files rolled, the others (a logo, a profile, a folder of them) as they are."""
    contents: dict[Path, bytes] = {}
    yaml_set = set(yaml_files(source))
    for entry in sorted(source.rglob("*")):
        name = entry.relative_to(source)
        if not entry.is_file() or any(part.startswith(".") for part in name.parts):
            continue  # hidden files and folders (.git …) are not the kommune's data
        try:
            raw = entry.read_bytes()
        except OSError as exc:
            raise cannot_read(entry, exc) from exc
        if entry not in yaml_set:
            contents[name] = raw
            continue
        text = raw.decode("utf-8-sig").replace("\r\n", "\n")
        rolled = roller.roll_file(entry, text)
        if rolled is None:
            continue
        if rolled == text:  # nothing to change: byte for byte
            contents[name] = raw
        else:
            contents[name] = (rolled.replace("\n", "\r\n") if b"\r\n" in raw
                              else rolled).encode("utf-8")
    return contents


def _staging_folder(target: Path) -> Path:
    """A new empty folder next to ``target`` (``.<name>.<random>.tmp``, with
    the usual permissions), its missing parent folders made."""
    parent = target.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = parent / f".{target.name[:100]}.{os.urandom(6).hex()}.tmp"
        staging.mkdir()
    except OSError as exc:
        raise cannot_write(target, exc) from exc
    return staging


def _move_into_place(staging: Path, target: Path) -> None:
    """Rename ``staging`` to ``target``; an old ``target`` is moved aside
    first and removed only when the new one stands in its place."""
    if not target.exists():
        os.replace(staging, target)
        return
    aside = staging.with_name(staging.name.removesuffix(".tmp") + ".old.tmp")
    os.replace(target, aside)
    try:
        os.replace(staging, target)
    except OSError:
        os.replace(aside, target)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def _named(path: Path, staging: Path, target: Path) -> Path:
    """``path`` inside ``staging`` as the same path inside ``target``."""
    try:
        return target / path.relative_to(staging)
    except ValueError:
        return target


# -- rolling the YAML --------------------------------------------------------------

class _Roller:
    """Applies the year's changes to each YAML file's round-trip tree."""

    def __init__(self, data: SltData, aar: int, ferdige: Ferdige) -> None:
        plan = data.handlingsplan
        self.data = data
        self.aar = aar
        self.ended = aar - 1
        self.ferdige = ferdige
        self.lang: Language = get_language(data.kommune.spraak)
        self.code = data.kommune.spraak
        self.notes: list[str] = []
        self.one_year = plan is not None and plan.periode.fra == plan.periode.til
        if plan is not None:
            _check_year(plan.periode.fra, plan.periode.til, aar)
        if data.moteplan is not None and aar <= data.moteplan.aar:
            raise SltError(f"møteplanen gjelder {data.moteplan.aar}; rull til et senere år")
        self.status: YearStatus | None = None
        if plan is not None and any(r.aar == self.ended for r in data.status):
            self.status = year_status(data, self.ended)
        self.next_meetings: NextMoteplan | None = (
            next_moteplan(data.moteplan, aar) if data.moteplan is not None else None)

    def _(self, msgid: str) -> str:
        return self.lang.gettext(msgid)

    # files
    def roll_file(self, path: Path, text: str) -> str | None:
        """The rolled ``text`` of the YAML file ``path``; ``None`` when
        nothing of it is carried over (a status file)."""
        try:
            _, indent, block_indent = load_yaml_guess_indent(text)
            yaml = _yaml(indent or 2, block_indent or 0)
            tree = yaml.load(text)
        except YAMLError as exc:  # pragma: no cover - the data was read already
            raise SltError(f"{path}: kan ikke lese fila: {exc}") from exc
        if not isinstance(tree, CommentedMap):
            return text
        changed = False
        for key in list(tree):
            if key in REPEATABLE:
                del tree[key]
                changed = True
        if not tree:
            return None
        for key, roll in self._sections().items():
            if key in tree and isinstance(tree[key], CommentedMap):
                roll(tree[key])
                changed = True
        if not changed:
            return text
        out = io.StringIO()
        yaml.dump(tree, out)
        return out.getvalue()

    def _sections(self) -> dict[str, Callable[[CommentedMap], None]]:
        return {"handlingsplan": self.roll_plan, "moteplan": self.roll_moteplan,
                "dokumenter": self.roll_documents}

    # handlingsplan
    def roll_plan(self, plan: CommentedMap) -> None:
        model = self.data.handlingsplan
        assert model is not None
        if self.one_year:
            old = model.periode.fra
            plan["periode"] = self.aar
            for key in ("tittel", "undertittel"):
                if isinstance(plan.get(key), str):
                    plan[key] = replace_year(plan[key], old, self.aar)
            table = plan.get("tiltakstabell")
            if isinstance(table, CommentedMap) and isinstance(table.get("tittel"), str):
                table["tittel"] = replace_year(table["tittel"], old, self.aar)
        else:
            _set_after(plan, "rullert", self.aar, "periode")
        if "vedtatt" in plan:
            del plan["vedtatt"]
        look = look_back(self.data, self.ended)
        self._roll_labels(plan, carried_soknader=bool(look.soknader))
        self._set_look_back(plan, look)
        self._roll_tiltak(plan)

    def _roll_labels(self, plan: CommentedMap, *, carried_soknader: bool) -> None:
        """The plan's own labels that name a year: those of the look back
        follow it to the year that ended, the others (one-year plans) the
        plan to the new year. The grant applications' label keeps its year
        when the applications under it are the ones carried from that year
        (still waiting for an answer): they were sent then."""
        labels = plan.get("etiketter")
        model = self.data.handlingsplan
        if not isinstance(labels, CommentedMap) or model is None:
            return
        old_tb = model.tilbakeblikk.aar if model.tilbakeblikk is not None else None
        for key, value in labels.items():
            if not isinstance(value, str):
                continue
            if key in LOOK_BACK_LABELS:
                if old_tb is not None and not (key == "soknader" and carried_soknader):
                    labels[key] = replace_year(value, old_tb, self.ended)
            elif self.one_year:
                labels[key] = replace_year(value, model.periode.fra, self.aar)

    def _set_look_back(self, plan: CommentedMap, tb: Tilbakeblikk) -> None:
        if "tilbakeblikk" not in plan and not (tb.moter or tb.tiltaksstatus or tb.soknader):
            return  # nothing to look back on, and the plan had no look back
        plain = CONVERTER.unstructure(tb)
        node = _commented(plain)
        if tb.moter:
            meetings = CommentedSeq()
            last_organ = None
            for index, (m, raw) in enumerate(zip(tb.moter, plain["moter"], strict=True)):
                item = CommentedMap()
                item["organ"] = raw["organ"]
                item["dato"] = raw["dato"]
                if m.tittel:
                    item["tittel"] = m.tittel
                if m.status is not Motestatus.planlagt:
                    item["status"] = data_word(m.status, self.code)
                if m.planlagt_dato is not None:
                    item["planlagt_dato"] = m.planlagt_dato
                if m.aarsak:
                    item["aarsak"] = m.aarsak
                item["tema"] = _flow(list(m.tema))
                meetings.append(item)
                if m.organ != last_organ:
                    organ = self.data.organisasjon.finn(m.organ)
                    name = (organ.navn if organ is not None and organ.navn else m.organ)
                    meetings.yaml_set_comment_before_after_key(index, before=name, indent=6)
                    last_organ = m.organ
            node["moter"] = meetings
            node.yaml_set_comment_before_after_key(
                "moter", before=self._(LOOK_BACK_MEETINGS).format(year=self.ended), indent=4)
        if tb.soknader:
            for raw, soknad in zip(plain["soknader"], tb.soknader, strict=True):
                raw["utfall"] = data_word(soknad.utfall, self.code)
            node["soknader"] = _commented(plain["soknader"])
            node.yaml_set_comment_before_after_key(
                "soknader", before=self._(LOOK_BACK_PENDING), indent=4)
        if tb.tiltaksstatus:
            lines = CommentedSeq()
            for entry in tb.tiltaksstatus:
                item = CommentedMap()
                item["status"] = data_word(entry.status, self.code)
                item["tiltak"] = CommentedSeq(entry.tiltak)
                lines.append(item)
            node["tiltaksstatus"] = lines
            node.yaml_set_comment_before_after_key(
                "tiltaksstatus", before=self._(LOOK_BACK_STATUS).format(year=self.ended),
                indent=4)
        if "tilbakeblikk" in plan:
            trailing = _pop_trailing(plan["tilbakeblikk"])
            plan["tilbakeblikk"] = node
            if trailing is not None:
                _put_trailing(node, trailing)
        else:
            keys = list(plan)
            at = next((keys.index(k) for k in ("hovedmaal", "tiltakstabell", "delmaal",
                                              "tiltak") if k in keys), len(keys))
            plan.insert(at, "tilbakeblikk", node)

    def _roll_tiltak(self, plan: CommentedMap) -> None:
        model = self.data.handlingsplan
        assert model is not None
        rows = list(self.status.rader) if self.status is not None else []
        places = iter(range(len(model.numbered_tiltak())))
        numbers = [n for n, _ in model.numbered_tiltak()]
        groups: list[CommentedSeq] = []
        delmaal = plan.get("delmaal")
        if isinstance(delmaal, CommentedSeq):
            groups += [d["tiltak"] for d in delmaal
                       if isinstance(d, CommentedMap) and isinstance(d.get("tiltak"), CommentedSeq)]
        if isinstance(plan.get("tiltak"), CommentedSeq):
            groups.append(plan["tiltak"])
        left_out: list[str] = []
        for seq in groups:
            placed = [(next(places), item) for item in list(seq)]
            finished = {p for p, _ in placed if rows and rows[p].status is not None
                        and rows[p].status.ferdig}  # type: ignore[union-attr]
            drop = self.ferdige is Ferdige.utelat and len(finished) < len(placed)
            group_left: list[str] = []
            for place, item in reversed(placed):
                index = next(i for i, x in enumerate(seq) if x is item)
                row = rows[place] if rows else None
                done = place in finished
                if done and drop:
                    _delete_item(seq, index)
                    group_left.insert(0, numbers[place])
                    continue
                lines = []
                if row is not None and row.status is not None and row.punkt is not None:
                    lines.append(self._status_line(row))
                if done and isinstance(item, CommentedMap):
                    _set_after(item, "status", data_word(row.status, self.code),  # type: ignore[union-attr]
                               None)
                if isinstance(item, CommentedMap):
                    lines += self._roll_tidspunkt(item)
                    if self._names_year(item):
                        lines.append(self._(TEXT_NAMES_YEAR).format(year=self.ended))
                if lines:
                    seq.yaml_set_comment_before_after_key(
                        index, before="\n".join(lines), indent=_item_indent(seq))
            left_out += group_left
        if left_out:
            self.notes.append(f"tiltak utelatt fordi de ble gjennomført eller avsluttet i "
                              f"{self.ended}: {', '.join(left_out)}")

    def _status_line(self, row: Any) -> str:
        text = self._(STATUS_LINE).format(year=self.ended,
                                          status=self.lang.label(f"tiltak_status_"
                                                                 f"{row.status.value}"))
        punkt = row.punkt
        extra = [x for x in (punkt.kommentar, punkt.resultat) if x]
        if extra:
            text += " – " + " ".join(extra)
        return text

    def _roll_tidspunkt(self, item: CommentedMap) -> list[str]:
        lines = []
        parts = item.get("tidspunkt")
        if not isinstance(parts, CommentedSeq):
            return lines
        for part in parts:
            if isinstance(part, CommentedMap) and isinstance(part.get("dato"), dt.date):
                old = part["dato"]
                if old.year < self.aar:
                    new = same_place_in_month(old, old.year + (self.aar - self.ended))
                    part["dato"] = new
                    lines.append(self._(DATE_PROPOSED).format(
                        old=self.lang.date(old), year=self.aar))
        return lines

    def _names_year(self, item: CommentedMap) -> bool:
        year = str(self.ended)

        def texts(value: Any) -> list[str]:
            if isinstance(value, str):
                return [value]
            if isinstance(value, dict):
                return [t for k, v in value.items() if k != "moter" for t in texts(v)]
            if isinstance(value, list):
                return [t for v in value for t in texts(v)]
            return []

        return any(replace_year(t, self.ended, 0) != t for t in texts(item) if year in t)

    # møteplan
    def roll_moteplan(self, mp: CommentedMap) -> None:
        changes = self.next_meetings
        assert changes is not None and self.data.moteplan is not None
        old = self.data.moteplan.aar
        mp["aar"] = self.aar
        if isinstance(mp.get("tittel"), str):
            mp["tittel"] = replace_year(mp["tittel"], old, self.aar)
        if "vedtatt" in mp:
            del mp["vedtatt"]
        _roll_grids(mp.get("halvaar"), old, self.aar)
        moter = mp.get("moter")
        proposed = 0
        dropped: list[str] = []
        if isinstance(moter, CommentedSeq):
            for change in reversed(changes.moter):
                item = moter[change.index]
                if change.dato is None:
                    m = self.data.moteplan.moter[change.index]
                    dropped.insert(0, f"{m.tittel or m.organ} {m.dato:%d.%m.%Y}")
                    _delete_item(moter, change.index)
                elif not change.keep and isinstance(item, CommentedMap):
                    item["dato"] = change.dato
                    for key in ("status", "aarsak", "ny_dato", "ny_tid_tekst", "merknad"):
                        if key in item:
                            del item[key]
                    _set_after(item, "forslag", True, None)
                    proposed += 1
            if dropped:
                self.notes.append("møter som ikke er foreslått igjen (enkeltstående eller "
                                  f"alt i det nye året for organet): {', '.join(dropped)}")
            if proposed:
                mp.yaml_set_comment_before_after_key(
                    "moter", before=self._(MEETINGS_PROPOSED).format(year=self.aar, old=old),
                    indent=2)
        serier = mp.get("serier")
        if isinstance(serier, CommentedSeq):
            for change in changes.serier:
                item = serier[change.index]
                if not isinstance(item, CommentedMap):
                    continue
                for key in ("fra", "til"):
                    if key in item and getattr(change, key) is not None:
                        item[key] = getattr(change, key)
                for key in ("unntak", "flyttinger"):
                    kept = getattr(change, key)
                    if isinstance(item.get(key), CommentedSeq):
                        for index in reversed(range(len(item[key]))):
                            if index not in kept:
                                _delete_item(item[key], index)
                        if not item[key]:
                            del item[key]
        ferier = mp.get("skoleferier")
        if isinstance(ferier, CommentedSeq) and changes.skoleferier:
            for change in reversed(changes.skoleferier):
                item = ferier[change.index]
                if not isinstance(item, CommentedMap):
                    continue
                new = CommentedMap(item)
                new["fra"], new["til"], new["forslag"] = change.fra, change.til, True
                if change.keep_old:
                    ferier.insert(change.index + 1, new)
                else:
                    ferier[change.index] = new
            mp.yaml_set_comment_before_after_key(
                "skoleferier", before=self._(HOLIDAYS_PROPOSED).format(year=self.aar, old=old),
                indent=2)

    # dokumenter
    def roll_documents(self, docs: CommentedMap) -> None:
        model = self.data.handlingsplan
        if model is None or not self.one_year:
            return
        for doc in docs.get("tiltak") or ():
            if isinstance(doc, CommentedMap) and isinstance(doc.get("tittel"), str):
                doc["tittel"] = replace_year(doc["tittel"], model.periode.fra, self.aar)


LOOK_BACK_LABELS = frozenset({"tilbakeblikk", "tilbakeblikk_arbeidsgrupper", "soknader",
                              "seminar"})
"""The plan's labels that belong to the look back (their year follows it)."""


def _check_year(fra: int, til: int, aar: int) -> None:
    if fra == til:
        if aar <= til:
            raise SltError(f"planen gjelder {til}; rull til et senere år (f.eks. --til {til + 1})")
        return
    if not fra < aar <= til:
        raise SltError(f"planperioden er {fra}–{til}; rull til et år i perioden etter {fra} "
                       f"(--til {fra + 1}–{til}), eller skriv en ny periode i handlingsplanen")


def _roll_grids(grids: Any, old: int, new: int) -> None:
    """The møteplan's own grids (``halvaar``): a heading naming the year and a
    month given with its year ("januar 2022", ``{maaned: 1, aar: 2022}``)
    move as many years on as the plan."""
    if not isinstance(grids, CommentedSeq):
        return
    step = new - old
    for grid in grids:
        if not isinstance(grid, CommentedMap):
            continue
        if isinstance(grid.get("overskrift"), str):
            grid["overskrift"] = replace_year(grid["overskrift"], old, new)
        months = grid.get("maaneder")
        if not isinstance(months, CommentedSeq):
            continue
        for index, month in enumerate(months):
            if isinstance(month, CommentedMap) and isinstance(month.get("aar"), int):
                month["aar"] += step
            elif isinstance(month, str):
                months[index] = re.sub(r"(?<!\d)(\d{4})(?!\d)",
                                       lambda m: str(int(m[1]) + step), month)


# -- ruamel helpers ---------------------------------------------------------------

def _yaml(indent: int, block_indent: int) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=block_indent or 2, sequence=indent, offset=block_indent)
    return yaml


def _commented(value: Any) -> Any:
    """Plain data as round-trip nodes (so comments can be attached)."""
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = _commented(item)
        return node
    if isinstance(value, list):
        return CommentedSeq(_commented(item) for item in value)
    return value


def _flow(items: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(items)
    if not items:
        seq.fa.set_flow_style()
    return seq


def _set_after(node: CommentedMap, key: str, value: Any, after: str | None) -> None:
    """Set ``key`` in ``node``, placed right after ``after`` when new (at
    the end otherwise, before the comment that followed the last value)."""
    if key in node:
        node[key] = value
        return
    keys = list(node)
    if after in keys and keys.index(after) + 1 < len(keys):
        # the comment after ``after``'s value belongs to what follows: keep it there
        slot = node.ca.items.get(after)
        token = None
        if isinstance(node[after], (CommentedMap, CommentedSeq)):
            token = _pop_trailing(node[after])
        elif slot and slot[2] is not None:
            token, slot[2] = slot[2], None
        node.insert(keys.index(after) + 1, key, value)
        if token is not None:
            node.ca.items.setdefault(key, [None, None, None, None])[2] = token
        return
    trailing = _pop_trailing(node)
    node[key] = value
    if trailing is not None:
        _put_trailing(node, trailing)


def _item_indent(seq: CommentedSeq) -> int:
    """The column the items of ``seq`` start at (for comments before them)."""
    col = getattr(getattr(seq, "lc", None), "col", None)
    return int(col) if isinstance(col, int) else 0


def _delete_item(seq: CommentedSeq, index: int) -> None:
    """Remove ``seq[index]`` keeping the comments around it: one standing
    before it stays before the item that takes its place, and one after it
    (a blank line and the heading of what follows) moves to the end of the
    item before it."""
    slot = seq.ca.items.get(index)
    before = slot[1] if slot else None
    trailing = _pop_trailing(seq[index])
    del seq[index]
    if before:
        new = seq.ca.items.setdefault(index, [None, [], None, None])
        if new[1] is None:
            new[1] = []
        new[1][:0] = before
    if trailing is not None and index > 0:
        previous = seq[index - 1]
        if isinstance(previous, (CommentedMap, CommentedSeq)) and previous:
            _pop_trailing(previous)
            _put_trailing(previous, trailing)


_Node = CommentedMap | CommentedSeq


def _last(node: _Node) -> tuple[Any, Any]:
    if isinstance(node, CommentedMap):
        key = list(node)[-1]
        return key, node[key]
    return len(node) - 1, node[-1]


def _pop_trailing(node: Any) -> Any:
    """Take away the comment after the last value in ``node`` (at any depth)
    and return it (``None`` when there is none)."""
    if not isinstance(node, (CommentedMap, CommentedSeq)) or not node:
        return None
    key, value = _last(node)
    found = _pop_trailing(value)
    if found is not None:
        return found
    slot = node.ca.items.get(key)
    place = 2 if isinstance(node, CommentedMap) else 0
    if slot and slot[place] is not None:
        token, slot[place] = slot[place], None
        return token
    return None


def _put_trailing(node: Any, token: Any) -> None:
    """Put ``token`` (from :func:`_pop_trailing`) after the last value of ``node``."""
    if not isinstance(node, (CommentedMap, CommentedSeq)) or not node:
        return
    key, value = _last(node)
    if isinstance(value, (CommentedMap, CommentedSeq)) and value:
        _put_trailing(value, token)
        return
    slot = node.ca.items.setdefault(key, [None, None, None, None])
    slot[2 if isinstance(node, CommentedMap) else 0] = token
