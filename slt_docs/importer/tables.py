"""Tables read by meaning: the tiltak table, the table of grant applications
and the møteplan's list of meetings are found by the words in their header
row, in either written standard and in any column order.

A tiltak table has a "tiltak" column and at least one of delmål, ansvar,
tidspunkt, frist, status or mål. Its rows become delmål and tiltak:

- a delmål is a cell of the delmål column (merged down over its rows with
  ``w:vMerge``, or left empty in the rows below it), a row with one cell
  across the whole table, or — for a table without such a column — given by
  the caller (a heading before the table);
- a tiltak starts with its title; "1.1 Ungdata 2021" is split into the
  adopted number and the title; lines beginning with "-", "–", "•" or Word
  list items are its bullet points;
- a row whose tiltak cell does not start a new tiltak (it begins with a
  bullet or a lower-case continuation, or is empty) continues the tiltak
  above: a row broken over a page, or cells left empty because they belong
  with the row above;
- ansvar is one entry per line (a dash or bullet first is dropped); a cell
  of one line with commas ("Skolen, barnehagen") is split at the commas.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from attrs import define, field

from .outline import bullet_text
from .reader import Cell, Para, Table
from .words import column_role, norm, words_of

_NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})+)\.?\s*(?P<title>\S.*)$", re.DOTALL)
_NUMBERED_ONE = re.compile(r"^(?P<num>\d{1,2})[.)]\s*(?P<title>[^\W\d_a-zæøå].*)$", re.DOTALL)
_DELMAAL = re.compile(r"^(?:delmål\s*)?(?P<num>\d{1,2})[.):]?\s*(?P<title>\S.*?)"
                      r"(?:\s*\((?P<note>[^()]{1,40})\))?\s*:?$", re.IGNORECASE | re.DOTALL)
_STATUS_LINE = re.compile(r"^status\s*:\s*(?P<status>.+)$", re.IGNORECASE)


@define
class TiltakDraft:
    """One tiltak read from a table row (or rows)."""

    tittel: str
    nummer: str | None = None
    punkter: list[str] = field(factory=list)
    ansvar: list[str] = field(factory=list)
    when: list[str] = field(factory=list)
    status: str | None = None
    evaluering: str | None = None
    unplaced: list[str] = field(factory=list)


@define
class DelmaalDraft:
    """A delmål with its tiltak; ``tittel`` is ``None`` for tiltak without
    a delmål."""

    tittel: str | None = None
    nummer: str | None = None
    presisering: str | None = None
    tiltak: list[TiltakDraft] = field(factory=list)


@define
class TableRead:
    """What a tiltak table gave: delmål (with tiltak), the column roles in
    order, and lines that fit nowhere (with the reason)."""

    delmaal: list[DelmaalDraft] = field(factory=list)
    roles: list[str] = field(factory=list)
    headers: list[str] = field(factory=list)
    labelled: list[tuple[str, str]] = field(factory=list)
    unplaced: list[str] = field(factory=list)
    joined: int = 0


# -- finding the header ---------------------------------------------------

def header_roles(table: Table, role_of: Callable[[str], str | None] = column_role,
                 max_rows: int = 3) -> tuple[int, dict[int, str]] | None:
    """``(header rows, {column: role})`` for the first row (of the first
    three) whose short cells name columns, or ``None``. A row of one cell
    across the table is a title over it ("Delmål 1: …"), not column headings."""
    for index, row in enumerate(table.rows[:max_rows]):
        if _title_row(table, row) is not None and index + 1 < len(table.rows):
            continue
        roles: dict[int, str] = {}
        for cell in row:
            text = cell.text
            if not text or len(text) > 60:
                continue
            role = role_of(text)
            if role is not None:
                for col in range(cell.column, cell.column + cell.span):
                    roles.setdefault(col, role)
        if roles:
            return index + 1, roles
    return None


def tiltak_roles(table: Table) -> tuple[int, dict[int, str]] | None:
    """The header of a tiltak table, or ``None`` when ``table`` is none."""
    found = header_roles(table)
    if found is None:
        return None
    values = set(found[1].values())
    if "tiltak" in values and values & {"delmaal", "ansvar", "tidspunkt", "frist", "status",
                                        "maal", "evaluering"}:
        return found
    return None


# -- reading the rows -------------------------------------------------------

def _role_cells(row: tuple[Cell, ...], roles: dict[int, str]) -> dict[str, list[Cell]]:
    out: dict[str, list[Cell]] = {}
    for cell in row:
        role = next((roles[c] for c in range(cell.column, cell.column + cell.span)
                     if c in roles), None)
        out.setdefault(role or "", []).append(cell)
    return out


def _lines(paras: tuple[Para, ...]) -> list[str]:
    return [line.strip() for p in paras for line in p.text.split("\n") if line.strip()]


def read_tiltak_table(table: Table, header: tuple[int, dict[int, str]],
                      delmaal: DelmaalDraft | None = None) -> TableRead:
    """The delmål and tiltak of a tiltak table (``header`` from
    :func:`tiltak_roles`); ``delmaal`` is the one a heading before the
    table names, if any."""
    header_rows, roles = header
    out = TableRead(roles=[roles[c] for c in sorted(roles)])
    headers = {cell.column: cell.text for cell in table.rows[header_rows - 1]}
    out.headers = [" ".join(headers[c].split()) for c in sorted(headers) if headers[c]]
    out.labelled = [(roles[c], _column_label(roles[c], headers[c])) for c in sorted(headers)
                    if headers[c] and c in roles]
    current = delmaal
    for row in table.rows[:header_rows - 1]:  # a title row over the column headings
        title = _title_row(table, row)
        if title is None or _names_by_number(title, current):
            continue
        if current is None or not _same_delmaal(title, current):
            current = _new_delmaal(re.sub(r"^\s*delmål\s*(?=\d)", "", title, flags=re.I))
    if current is not None:
        out.delmaal.append(current)
    has_delmaal = "delmaal" in roles.values() or ("maal" in roles.values() and (
        "delmaal" not in roles.values()))
    numbered = _numbered_table(table, header_rows, roles)
    last: TiltakDraft | None = None
    for row in table.rows[header_rows:]:
        filled = [c for c in row if c.text]
        if not filled:
            continue
        if _is_header_repeat(row, roles):
            continue
        if len(filled) == 1 and filled[0].span >= 2 and filled[0].span >= table.columns - 1 \
                and not filled[0].merged:
            current = _new_delmaal(filled[0].text)
            out.delmaal.append(current)
            last = None
            continue
        cells = _role_cells(row, roles)
        goal_cells = cells.get("delmaal") or (cells.get("maal") if has_delmaal else None)
        if goal_cells:
            goal = goal_cells[0]
            if goal.text and not goal.merged and (current is None or
                                                  not _same_delmaal(goal.text, current)):
                current = _new_delmaal(goal.text)
                out.delmaal.append(current)
                last = None
        if current is None:
            current = DelmaalDraft()
            out.delmaal.append(current)
        tiltak_paras = tuple(p for c in cells.get("tiltak", []) if not c.merged for p in c.paras)
        starts = _starts_tiltak(tiltak_paras, numbered)
        if starts or last is None:
            last = _new_tiltak(tiltak_paras, numbered, out)
            current.tiltak.append(last)
            fresh = True
        else:
            out.joined += _continue_tiltak(last, tiltak_paras)
            fresh = False
        for role, role_cells in cells.items():
            if role in ("tiltak", "delmaal") or (role == "maal" and has_delmaal):
                continue
            for cell in role_cells:
                if cell.merged and not fresh:
                    continue
                lines = _lines(cell.paras)
                if role == "ansvar":
                    last.ansvar.extend(ansvar_entries(cell.paras, last.ansvar if not fresh
                                                      else None))
                elif role in ("tidspunkt", "frist"):
                    last.when.extend(lines)
                elif role == "status":
                    last.status = " ".join(lines) or last.status
                elif role == "evaluering":
                    last.evaluering = " ".join(filter(None, [last.evaluering, *lines])) or None
                elif role == "nummer" and fresh and lines:
                    last.nummer = lines[0].rstrip(".")
                else:
                    name = headers.get(cell.column, "") or "?"
                    last.unplaced.extend(f"{name}: {line}" for line in lines)
    out.delmaal = [d for d in out.delmaal if d.tiltak or d.tittel]
    return out


def _title_row(table: Table, row: tuple[Cell, ...]) -> str | None:
    """The text of a row that is one cell across the whole table, else ``None``."""
    filled = [c for c in row if c.text]
    if len(filled) == 1 and table.columns >= 2 and filled[0].span >= table.columns:
        return filled[0].text
    return None


def _names_by_number(text: str, current: DelmaalDraft | None) -> bool:
    """``text`` is the delmål column's heading with ``current``'s number
    ("SLIK GJER VI DET (DELMÅL): 2"): how slt_docs names a delmål in the
    header a table repeats on every page, under the delmål's heading."""
    m = re.match(r"^(?P<label>.+?)\s+(?P<num>\d{1,2})$", " ".join(text.split()))
    return bool(m and current is not None and current.nummer == m["num"]
                and column_role(m["label"]) == "delmaal")


def _is_header_repeat(row: tuple[Cell, ...], roles: dict[int, str]) -> bool:
    texts = [c.text for c in row if c.text]
    return bool(texts) and all(len(t) < 40 and column_role(t) is not None for t in texts) and \
        len(texts) >= 2


def _numbered_table(table: Table, header_rows: int, roles: dict[int, str]) -> bool:
    """True when most tiltak in the table start with a number like 1.1."""
    starts = 0
    numbered = 0
    for row in table.rows[header_rows:]:
        for cell in _role_cells(row, roles).get("tiltak", []):
            first = next((p for p in cell.paras if p.text), None)
            if first is None or cell.merged:
                continue
            if bullet_text(first.text) is None and not first.listed:
                starts += 1
                if _NUMBERED.match(first.text):
                    numbered += 1
    return starts > 0 and numbered * 2 >= starts


def _column_label(role: str, text: str) -> str:
    """A column heading as written; the delmål column's without the delmål
    number slt_docs adds to it in a table per delmål ("Delmål 2")."""
    text = " ".join(text.split())
    return re.sub(r"\s+\d{1,2}$", "", text) if role == "delmaal" else text


def _same_delmaal(text: str, current: DelmaalDraft) -> bool:
    """``text`` names ``current`` (as written, or with its number and
    presisering as slt_docs writes it under a heading of the same delmål)."""
    if norm(text) == norm(current.tittel or ""):
        return True
    named = _new_delmaal(text)
    return (named.tittel, named.nummer, named.presisering) == (
        current.tittel, current.nummer, current.presisering)


def _new_delmaal(text: str) -> DelmaalDraft:
    text = " ".join(text.split())
    m = _DELMAAL.match(text)
    if m and (m["num"] or m["note"]):
        note = m["note"]
        title = m["title"].strip()
        if note and len(note.split()) > 3:
            title, note = f"{title} ({note})", None
        return DelmaalDraft(tittel=title.rstrip(":").strip(), nummer=m["num"], presisering=note)
    return DelmaalDraft(tittel=text.rstrip(":").strip())


def _starts_tiltak(paras: tuple[Para, ...], numbered: bool) -> bool:
    first = next((p for p in paras if p.text), None)
    if first is None:
        return False
    if bullet_text(first.text) is not None or first.listed:
        return False
    if numbered:
        return bool(_NUMBERED.match(first.text) or (first.bold and _NUMBERED_ONE.match(
            first.text)))
    return not first.text[:1].islower()


def split_number(para: Para) -> tuple[str | None, str]:
    """"1.1 Ungdata 2021" → ("1.1", "Ungdata 2021"); a single number
    ("3. Opplysning") only from a bold title."""
    text = " ".join(para.text.split())
    m = _NUMBERED.match(text)
    if m:
        return m["num"], m["title"].strip()
    m = _NUMBERED_ONE.match(text)
    if m and para.bold:
        return m["num"], m["title"].strip()
    return None, text


def _new_tiltak(paras: tuple[Para, ...], numbered: bool, out: TableRead) -> TiltakDraft:
    texts = [p for p in paras if p.text]
    if not texts:
        return TiltakDraft(tittel="")
    number, title = split_number(texts[0])
    tiltak = TiltakDraft(tittel=title, nummer=number)
    out.joined += _continue_tiltak(tiltak, tuple(texts[1:]))
    return tiltak


def _continue_tiltak(tiltak: TiltakDraft, paras: tuple[Para, ...]) -> int:
    """Add the bullet points (and status) in ``paras``; returns how many
    lines were joined to the line before (a sentence broken over rows)."""
    joined = 0
    for para in paras:
        if not para.text:
            continue
        status = _STATUS_LINE.match(para.text)
        if status and not para.listed:
            tiltak.status = status["status"].strip()
            continue
        bullet = bullet_text(para.text)
        text = " ".join((bullet if bullet is not None else para.text).split())
        if bullet is None and not para.listed and tiltak.punkter and text[:1].islower():
            tiltak.punkter[-1] = f"{tiltak.punkter[-1]} {text}"
            joined += 1
        elif bullet is None and not para.listed and not tiltak.tittel:
            tiltak.tittel = text
        else:
            tiltak.punkter.append(text)
    return joined


def ansvar_entries(paras: tuple[Para, ...], before: list[str] | None = None) -> list[str]:
    """The responsible, one per line; a lone line with commas split at the
    commas; a line starting in lower case after dash lines continues the
    entry before ("-Eksterne" "-samarbeidspartnarar")."""
    lines: list[tuple[str, bool]] = []
    for para in paras:
        for raw in para.text.split("\n"):
            raw = raw.strip()
            if not raw:
                continue
            pieces = re.split(r"\s+(?=[-–•]\s?[^\W\d_])", raw) if raw[:1] in "-–•" else [raw]
            for piece in pieces:
                bullet = bullet_text(piece)
                lines.append(((bullet if bullet is not None else piece).strip(),
                              bullet is not None or para.listed))
    if len(lines) == 1 and not lines[0][1] and "," in lines[0][0]:
        return [part.strip() for part in lines[0][0].split(",") if part.strip()]
    out: list[str] = []
    capitals = sum(1 for text, _ in lines if text[:1].isupper())
    for text, _ in lines:
        previous = out if out else (before or [])
        if text[:1].islower() and previous and capitals * 3 >= len(lines) * 2 and out:
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


# -- grant applications (tilbakeblikk) -------------------------------------

_SOKNAD_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("soker", ("søkjar", "søker", "søkar", "søkere", "søkjarar")),
    ("giver", ("tilskotsgjevar", "tilskuddsgiver", "giver", "gjevar", "tilskotsgivar",
               "tilskuddsgivere")),
    ("formaal", ("føremål", "formål")),
    ("utfall", ("utfall", "resultat", "svar")),
    ("belop_sokt", ("søkt", "beløp")),
)


def _role_in(words: tuple[tuple[str, tuple[str, ...]], ...], header: str) -> str | None:
    """The first role whose words the header holds."""
    tokens = set(words_of(header))
    return next((role for role, names in words if tokens & set(names)), None)


def _header_with(table: Table, words: tuple[tuple[str, tuple[str, ...]], ...],
                 required: set[str]) -> tuple[int, dict[int, str]] | None:
    found = header_roles(table, lambda header: _role_in(words, header))
    return found if found and required <= set(found[1].values()) else None


def soknad_roles(table: Table) -> tuple[int, dict[int, str]] | None:
    """The header of a table of grant applications, or ``None``."""
    return _header_with(table, _SOKNAD_WORDS, {"soker", "giver", "utfall"})


# -- the møteplan's list of meetings ---------------------------------------

_MOTE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("dato", ("dato", "dag", "datoar", "datoer")),
    ("tid", ("tid", "klokkeslett", "kl")),
    ("organ", ("gruppe", "organ", "møte", "forum", "nivå")),
    ("sted", ("sted", "stad", "møtestad", "møtested", "lokale")),
    ("tema", ("tema", "merknad", "innhald", "innhold", "sak", "saker")),
)


def moteliste_roles(table: Table) -> tuple[int, dict[int, str]] | None:
    """The header of a list of meetings (dato · tid · gruppe …), or ``None``."""
    return _header_with(table, _MOTE_WORDS, {"dato", "organ"})


def rows_by_role(table: Table, header: tuple[int, dict[int, str]]) -> list[dict[str, str]]:
    """Each data row as {role: text} (lines joined with a newline)."""
    header_rows, roles = header
    out = []
    for row in table.rows[header_rows:]:
        cells = _role_cells(row, roles)
        values = {role: "\n".join(c.text for c in cs if c.text)
                  for role, cs in cells.items() if role}
        if any(values.values()):
            out.append(values)
    return out
