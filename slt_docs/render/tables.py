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


def _cell_width(tc: Any) -> tuple[Any, float] | None:
    """A cell's ``w:tcW`` element and its width in twentieths of a point,
    when the width is given in those (``dxa``)."""
    pr = tc.find(f"{_W}tcPr")
    w = pr.find(f"{_W}tcW") if pr is not None else None
    if w is None or w.get(f"{_W}type", "dxa") != "dxa" or not w.get(f"{_W}w"):
        return None
    return w, float(w.get(f"{_W}w"))


def _table_width(tbl: Any, grid: list[Any]) -> float:
    pr = tbl.find(f"{_W}tblPr")
    w = pr.find(f"{_W}tblW") if pr is not None else None
    if w is not None and w.get(f"{_W}type") == "dxa" and float(w.get(f"{_W}w", "0")) > 0:
        return float(w.get(f"{_W}w"))
    return sum(float(c.get(f"{_W}w", "0")) for c in grid)


def _grid_units(tbl: Any, rows: list[Any]) -> tuple[list[int], set[Any]]:
    """How many grid columns each row covers (its cells, a spanned cell
    counted by its span), and the rows that have a spanned cell. One pass
    over the table's ``w:gridSpan`` elements, not over every cell: a plan of
    5 000 tiltak has 20 000 cells and a handful of spans."""
    extra: dict[Any, int] = {}
    for span in tbl.iter(f"{_W}gridSpan"):
        tr = span.getparent().getparent().getparent()  # gridSpan ∈ tcPr ∈ tc ∈ tr
        units = int(span.get(f"{_W}val") or 1)
        if units > 1 and tr is not None and tr.getparent() is tbl:  # not a table in a cell
            extra[tr] = extra.get(tr, 0) + units - 1
    return [len(tr.findall(f"{_W}tc")) + extra.get(tr, 0) for tr in rows], set(extra)


def fit_grid(tbl: Any) -> tuple[bool, bool]:
    """Make ``tbl``'s grid match its cells when their number differs (tables
    whose rows match their grid are left alone). Returns whether it was
    changed, and whether the grid still does not match (spanned cells,
    cells without a width)."""
    grid_el = tbl.find(f"{_W}tblGrid")
    if grid_el is None:
        return False, False
    grid = grid_el.findall(f"{_W}gridCol")
    rows = tbl.findall(f"{_W}tr")
    counts, spanned = _grid_units(tbl, rows)
    if not counts or max(counts) == len(grid):
        return False, False
    wanted = max(counts)
    model = next((tr for tr, n in zip(rows, counts, strict=True)
                  if n == wanted and tr not in spanned), None)
    widths = [_cell_width(tc) for tc in model.findall(f"{_W}tc")] if model is not None else []
    if model is None or any(w is None for w in widths) or not sum(w[1] for w in widths if w):
        return False, True
    target = _table_width(tbl, grid)
    factor = target / sum(w[1] for w in widths if w)
    for col in grid:
        grid_el.remove(col)
    for found in widths:
        width = found[1] if found else 0
        grid_el.append(grid_el.makeelement(qn("w:gridCol"),
                                           {qn("w:w"): str(round(width * factor))}))
    for tr in rows:
        for tc in tr.findall(f"{_W}tc"):
            found = _cell_width(tc)
            if found is not None:
                found[0].set(qn("w:w"), str(round(found[1] * factor)))
    return True, False


def fit_grids(tree: Any) -> bool:
    """:func:`fit_grid` for every table in ``tree`` (a rendered body); True
    when a table's grid still does not match its rows (spanned cells, cells
    without a width), for docxtpl's own repair."""
    left = False
    for tbl in tree.iter(f"{_W}tbl"):
        left = fit_grid(tbl)[1] or left
    return left
