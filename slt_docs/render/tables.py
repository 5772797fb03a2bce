"""Table grids after rendering: a template may add or leave out columns.

A template leaves a column out (``{%tc if har_sted %}`` … ``{%tc endif %}``)
or repeats one (``{%tc for m in h.maaneder %}``), so the rendered rows can
have more or fewer cells than the template's table grid (``w:tblGrid``).
docxtpl then adds or removes grid columns at the end and spreads the width
evenly, which gives the remaining columns the wrong widths. Here the grid of
such a table is made from the widths of the cells that are left, scaled so
that the table keeps its width: each column keeps its share as the template
drew it.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _units(tc: Any) -> int:
    pr = tc.find(f"{_W}tcPr")
    span = pr.find(f"{_W}gridSpan") if pr is not None else None
    return int(span.get(f"{_W}val")) if span is not None else 1


def _width(tc: Any) -> float | None:
    pr = tc.find(f"{_W}tcPr")
    w = pr.find(f"{_W}tcW") if pr is not None else None
    if w is None or w.get(f"{_W}type", "dxa") != "dxa" or not w.get(f"{_W}w"):
        return None
    return float(w.get(f"{_W}w"))


def _table_width(tbl: Any, grid: list[Any]) -> float:
    pr = tbl.find(f"{_W}tblPr")
    w = pr.find(f"{_W}tblW") if pr is not None else None
    if w is not None and w.get(f"{_W}type") == "dxa" and float(w.get(f"{_W}w", "0")) > 0:
        return float(w.get(f"{_W}w"))
    return sum(float(c.get(f"{_W}w", "0")) for c in grid)


def fit_grid(tbl: Any) -> bool:
    """Make ``tbl``'s grid match its cells when their number differs; True
    when it was changed. Tables whose rows match their grid are left alone."""
    grid_el = tbl.find(f"{_W}tblGrid")
    if grid_el is None:
        return False
    grid = grid_el.findall(f"{_W}gridCol")
    rows = tbl.findall(f"{_W}tr")
    counts = [sum(_units(tc) for tc in tr.findall(f"{_W}tc")) for tr in rows]
    if not counts or max(counts) == len(grid):
        return False
    wanted = max(counts)
    model = next((tr for tr, n in zip(rows, counts, strict=True) if n == wanted
                  and all(_units(tc) == 1 for tc in tr.findall(f"{_W}tc"))), None)
    if model is None:
        return False
    widths = [_width(tc) for tc in model.findall(f"{_W}tc")]
    if any(w is None for w in widths) or not sum(w for w in widths if w):
        return False
    target = _table_width(tbl, grid)
    factor = target / sum(w for w in widths if w)
    for col in grid:
        grid_el.remove(col)
    for w in widths:
        col = grid_el.makeelement(qn("w:gridCol"), {qn("w:w"): str(round((w or 0) * factor))})
        grid_el.append(col)
    for tr in rows:
        for tc in tr.findall(f"{_W}tc"):
            width = _width(tc)
            if width is not None:
                tc.find(f"{_W}tcPr").find(f"{_W}tcW").set(qn("w:w"), str(round(width * factor)))
    return True


def fit_grids(tree: Any) -> bool:
    """:func:`fit_grid` for every table in ``tree`` (a rendered body); True
    when a table's grid still does not match its rows (spanned cells, cells
    without a width), for docxtpl's own repair."""
    left = False
    for tbl in tree.iter(f"{_W}tbl"):
        grid_el = tbl.find(f"{_W}tblGrid")
        if fit_grid(tbl) or grid_el is None:
            continue
        counts = [sum(_units(tc) for tc in tr.findall(f"{_W}tc"))
                  for tr in tbl.findall(f"{_W}tr")]
        left = left or (bool(counts) and max(counts) != len(grid_el.findall(f"{_W}gridCol")))
    return left
