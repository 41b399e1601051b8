"""The grade distribution as a PNG (matplotlib's Agg canvas, no pyplot, deterministic bytes)."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from lawkit.grading.scale import MAX_POINTS, points_label

_COLOURS = {
    "sehr gut": "#1a7f37",
    "gut": "#4c9a2a",
    "vollbefriedigend": "#8cb33d",
    "befriedigend": "#d4b106",
    "ausreichend": "#e08a00",
    "mangelhaft": "#d1495b",
    "ungenügend": "#8b1e3f",
}


def distribution_png(points: Sequence[int], title: str) -> bytes:
    """A bar chart of how many answers got each point value 0–18, coloured by the scale's names."""
    counts = Counter(points)
    return _chart(tuple(counts.get(v, 0) for v in range(MAX_POINTS + 1)), title)


@lru_cache(maxsize=16)
def _chart(heights: tuple[int, ...], title: str) -> bytes:
    """The PNG bytes for bar heights per point value (a pure function: the same class gives the
    same bytes, so a re-run or a regrade of the class draws once per process)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    values = list(range(MAX_POINTS + 1))
    figure = Figure(figsize=(8, 4), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.bar(values, list(heights),
             color=[_COLOURS[points_label(v)] for v in values], edgecolor="#333333", linewidth=0.5)
    axes.set_xticks(values)
    axes.set_xlim(-0.7, MAX_POINTS + 0.7)
    axes.set_xlabel("Punkte (0–18)")
    axes.set_ylabel("Anzahl")
    axes.set_title(title)
    axes.yaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]  # MaxNLocator's own parameter
    axes.legend(handles=[Patch(color=c, label=n) for n, c in _COLOURS.items()], fontsize=7,
                loc="upper left", ncols=2, frameon=False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
