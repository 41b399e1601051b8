"""The one shape of a generated notebook: nbformat 4.5, fixed cell ids, stable JSON.

Used by the exercise generator (`lawkit.exercises.generate`) and by the builder of the workbook
notebooks (`tools/build_notebooks.py`), so both write byte-stable, diff-friendly files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

Cell = tuple[str, str]  # ("markdown" | "code", source)

METADATA = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}


def new_notebook(cells: Iterable[Cell], prefix: str) -> dict[str, Any]:
    """An output-free notebook with cell ids `<prefix>-<index>`; sources as lists of lines."""
    out = []
    for index, (kind, source) in enumerate(cells):
        cell: dict[str, object] = {
            "cell_type": kind,
            "id": f"{prefix}-{index:02d}",
            "metadata": {},
            "source": source.strip("\n").splitlines(keepends=True),
        }
        if kind == "code":
            cell["execution_count"] = None
            cell["outputs"] = []
        out.append(cell)
    return {"cells": out, "metadata": dict(METADATA), "nbformat": 4, "nbformat_minor": 5}


def format_notebook(notebook: Mapping[str, Any]) -> str:
    """Stable JSON: sorted keys, one line per list item, UTF-8 text as is."""
    return json.dumps(notebook, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
