"""The workbook notebooks are built from notebooks/src/*.py; the stored cells must match them."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from build_notebooks import parse_source  # noqa: E402

from lawkit import new_notebook  # noqa: E402


def test_every_notebook_matches_its_source():
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "build_notebooks.py"), "--check"],
                         capture_output=True, text=True, check=False)
    assert run.stdout == ""
    assert run.returncode == 0


def test_every_notebook_has_a_source_and_checks_some_output():
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    for notebook in notebooks:
        assert (ROOT / "notebooks" / "src" / f"{notebook.stem}.py").exists(), notebook.name
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        checked = [c for c in cells if c["cell_type"] == "code" and "# NBVAL_CHECK_OUTPUT" in "".join(c["source"])]
        assert checked, f"{notebook.name}: nbval checks no output"
        assert all(c["execution_count"] is not None and c["outputs"] for c in checked), notebook.name


def test_percent_format_parser():
    text = "# header\n# %% [markdown]\n# # Titel\n#\n# Text\n\n# %%\nx = 1\n\n# %%\n# NBVAL_CHECK_OUTPUT\nprint(x)\n"
    assert parse_source(text) == [("markdown", "# Titel\n\nText"), ("code", "x = 1"),
                                  ("code", "# NBVAL_CHECK_OUTPUT\nprint(x)")]
    notebook = new_notebook(parse_source(text), "demo")
    assert [c["id"] for c in notebook["cells"]] == ["demo-00", "demo-01", "demo-02"]
    assert notebook["nbformat"] == 4 and notebook["cells"][1]["outputs"] == []
