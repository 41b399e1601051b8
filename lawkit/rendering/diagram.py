"""The checked Prüfungsschema as a picture: one box per element, coloured by its result.

The tree grows from left to right (depth → column, elements in Gutachten order → rows), so
that large norms stay legible: the figure grows with the number of rows. Every box names its
result in words as well (colour is not the only carrier). The Figure is built without pyplot:
nothing global is registered, nothing needs closing, and a notebook shows it exactly once
(as PNG, also where pyplot was never imported).
"""

from __future__ import annotations

import io
import textwrap
from functools import cache
from typing import TYPE_CHECKING

from lawkit.evaluation.results import CaseResult, NormResult
from lawkit.model.logic import Combine, Result
from lawkit.rendering.schema_view import SchemaNode, schema_nodes

if TYPE_CHECKING:
    from matplotlib.figure import Figure

COLUMN = 3.3  # data units per depth level
BOX_W = 2.9
BOX_H = 0.84  # per row of height 1
ROW_INCH = 0.62
COLUMN_INCH = 2.35
FONT = 7.5

_FACE = {Result.ERFUELLT: "#c8e6c9", Result.NICHT_ERFUELLT: "#ffcdd2", Result.OFFEN: "#ffe8a3"}
_EDGE = {Result.ERFUELLT: "#2e7d32", Result.NICHT_ERFUELLT: "#c62828", Result.OFFEN: "#c88a00"}
_GREY_FACE, _GREY_EDGE = "#e0e0e0", "#757575"


@cache
def _figure_class() -> type[Figure]:
    """A Figure that shows itself as PNG in a notebook even where pyplot (and with it the
    inline backend's formatter) was never imported."""
    from matplotlib.figure import Figure

    class SchemaFigure(Figure):
        def _repr_png_(self) -> bytes:
            buffer = io.BytesIO()
            self.savefig(buffer, format="png")
            return buffer.getvalue()

    return SchemaFigure


def _rows(nodes: tuple[SchemaNode, ...]) -> list[float]:
    """Row of every node: leaves take the next free row, a parent sits midway over its
    first and last child (deterministic: depends only on the tree)."""
    children: dict[int, list[int]] = {i: [] for i in range(len(nodes))}
    for i, node in enumerate(nodes):
        if node.parent is not None:
            children[node.parent].append(i)
    rows = [0.0] * len(nodes)
    next_row = [0.0]

    def place(i: int) -> None:
        if not children[i]:
            rows[i] = next_row[0]
            next_row[0] += 1
            return
        for child in children[i]:
            place(child)
        rows[i] = (rows[children[i][0]] + rows[children[i][-1]]) / 2

    place(0)
    return rows


def _box_text(node: SchemaNode) -> str:
    width = 34 if node.kind == "element" else 29  # bold text is wider
    lines = textwrap.wrap(node.label, width=width, break_long_words=True)
    if len(lines) > 3:
        lines = [*lines[:2], textwrap.shorten(" ".join(lines[2:]), width=width, placeholder=" …")]
    status = node.status
    return "\n".join([*lines, status.upper() if node.kind == "norm" else status])


def _norms(result: CaseResult | NormResult, norm_id: str | None) -> tuple[NormResult, ...]:
    if isinstance(result, NormResult):
        if norm_id is not None and result.norm.id != norm_id:
            from lawkit.errors import UnknownIdError

            raise UnknownIdError(f"das ist das Ergebnis von {result.norm.id!r}, nicht von {norm_id!r}")
        return (result,)
    return (result.norm(norm_id),) if norm_id is not None else result.norms


def schema_diagram(result: CaseResult | NormResult, norm_id: str | None = None) -> Figure:
    """The element tree of a checked norm (or of every norm of a case, one below the other)
    as a matplotlib Figure: boxes coloured by result with the result word, edges from parent
    to child, and "und" / "oder" where children combine kumulativ / alternativ."""
    from matplotlib.patches import FancyBboxPatch

    trees = [schema_nodes(norm) for norm in _norms(result, norm_id)]
    placed: list[tuple[SchemaNode, float, float]] = []  # node, x, y (top row = 0, downwards)
    offset = 0.0
    for nodes in trees:
        rows = _rows(nodes)
        placed_here = [(node, node.depth * COLUMN, offset + row) for node, row in zip(nodes, rows,
                                                                                     strict=True)]
        placed += placed_here
        offset += max(rows) + 1.6
    total_rows = offset - 0.6
    depth = max(node.depth for node, _, _ in placed) + 1
    fig = _figure_class()(figsize=(max(6.0, depth * COLUMN_INCH), max(2.0, total_rows * ROW_INCH + 0.4)),
                 layout="none")  # type: ignore[arg-type]  # matplotlib accepts "none"; its stubs omit it
    ax = fig.add_axes((0.01, 0.01, 0.98, 0.98))
    ax.set_xlim(-0.2, depth * COLUMN - (COLUMN - BOX_W) + 0.2)
    ax.set_ylim(total_rows - 0.3, -0.7)
    ax.axis("off")

    start = 0
    for nodes in trees:
        here = placed[start:start + len(nodes)]
        for node, x, y in here:
            if node.parent is None:
                continue
            _, px, py = here[node.parent]
            mid = px + BOX_W + (COLUMN - BOX_W) / 2
            ax.plot([px + BOX_W, mid, mid, x], [py, py, y, y], color="#616161", linewidth=0.8,
                    zorder=1)
        for node, x, y in here:
            faded = not node.examined
            grey = node.dahinstehen or faded
            face = _GREY_FACE if grey else _FACE[node.result]
            edge = _GREY_EDGE if grey else _EDGE[node.result]
            ax.add_patch(FancyBboxPatch(
                (x, y - BOX_H / 2), BOX_W, BOX_H, boxstyle="round,pad=0,rounding_size=0.08",
                facecolor=face, edgecolor="#c88a00" if node.deciding else edge,
                linewidth=2.4 if node.deciding else 1.0, linestyle="--" if faded else "-",
                alpha=0.5 if faded else 1.0, zorder=2,
            ))
            ax.text(x + 0.08, y, _box_text(node), fontsize=FONT, va="center", ha="left", zorder=3,
                    fontweight="bold" if node.kind != "element" else "normal",
                    alpha=0.6 if faded else 1.0)
            if node.combine is not None:
                word = "und" if node.combine is Combine.ALL_OF else "oder"
                ax.text(x + BOX_W + 0.04, y - 0.1, word, fontsize=FONT - 0.5, style="italic",
                        va="bottom", ha="left", color="#37474f", zorder=3,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
        start += len(nodes)
    return fig
