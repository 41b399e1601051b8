"""Every generated exercise and solution notebook runs top to bottom in a fresh kernel.

pytest's nbval run covers notebooks/ only; these notebooks are executed here with nbclient, in
a temporary copy (the answer form looks for answers/ in the working directory).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawkit.exercises import COURSE_DIR

REPO = COURSE_DIR.parent
NOTEBOOKS = sorted((REPO / "exercises").glob("*.ipynb")) + sorted((REPO / "solutions").glob("*.ipynb"))


def _execute(path: Path, workdir: Path) -> object:
    import nbclient
    import nbformat

    copy = workdir / path.name
    shutil.copy(path, copy)
    notebook = nbformat.read(copy, as_version=4)
    nbclient.NotebookClient(notebook, kernel_name="python3", timeout=180,
                            resources={"metadata": {"path": str(workdir)}}).execute()
    return notebook


def _outputs(notebook: object) -> list[dict]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]  # type: ignore[attr-defined]


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_generated_notebook_runs_in_a_fresh_kernel(path, tmp_path):
    assert len(NOTEBOOKS) >= 16
    notebook = _execute(path, tmp_path)
    outputs = _outputs(notebook)
    assert [o for o in outputs if o.get("output_type") == "error"] == []
    data = [o.get("data", {}) for o in outputs if o.get("output_type") == "execute_result"]
    if path.parent.name == "exercises":
        # the answer form and the Gutachten editor are displayed as widgets; nothing is saved
        # without the student
        assert len(data) == 2 and all("application/vnd.jupyter.widget-view+json" in d for d in data)
        assert "Antwort zur Übung" in data[0]["text/plain"] and "Ihr Gutachten zur Übung" in data[1]["text/plain"]
        assert not (tmp_path / "answers").exists()
    else:
        html = "\n".join(d.get("text/html", "") for d in data)
        assert data and 'id="lawkit-gutachten"' in html
        assert "Ergebnis" in html
