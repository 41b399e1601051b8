"""Build the workbook notebooks from their sources: `python tools/build_notebooks.py [NAME…]`.

Each notebook is written once, as a percent-format script in `notebooks/src/<name>.py`
(`# %% [markdown]` starts a text cell whose lines are `# `-comments, `# %%` a code cell). The
script builds `notebooks/<name>.ipynb`, runs it top to bottom in a fresh kernel, and keeps it
diff-friendly and deterministic:

- cell ids are `<name>-<index>`; no timestamps, no widget state, no kernel-specific metadata;
- outputs are kept only for cells marked `# NBVAL_CHECK_OUTPUT` (those nbval compares; their
  outputs must be stored, and they must be plain text or HTML);
- every other cell is stored without outputs, so a student sees fresh widgets when running it.

`--check` only compares the cell sources of every notebook with its source (used by the tests).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lawkit import format_notebook, new_notebook, write_atomic  # noqa: E402  (the root is on sys.path only now)

NOTEBOOKS = ROOT / "notebooks"
SOURCES = NOTEBOOKS / "src"
CHECK_MARK = "# NBVAL_CHECK_OUTPUT"
KEPT_MIME = ("text/plain", "text/html", "text/markdown")


def parse_source(text: str) -> list[tuple[str, str]]:
    """(cell_type, source) pairs of a percent-format script."""
    cells: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("# %%"):
            kind = "markdown" if "[markdown]" in line else "code"
            cells.append((kind, []))
            continue
        if not cells:
            continue  # a header before the first cell (e.g. a module comment) is not a cell
        kind, lines = cells[-1]
        if kind == "markdown":
            lines.append(line[2:] if line.startswith("# ") else line.lstrip("#"))
        else:
            lines.append(line)
    return [(kind, "\n".join(lines).strip("\n")) for kind, lines in cells]


def execute(notebook: dict, name: str) -> dict:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.reads(format_notebook(notebook), as_version=4)  # joins the sources stored as lines
    resources = {"metadata": {"path": str(NOTEBOOKS)}}
    NotebookClient(nb, timeout=300, kernel_name="python3", resources=resources,
                   coalesce_streams=True).execute()
    executed = json.loads(nbformat.writes(nb))
    count = 0
    for cell in executed["cells"]:
        cell["metadata"] = {}
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if CHECK_MARK not in source:
            cell["execution_count"] = None
            cell["outputs"] = []
            continue
        count += 1
        cell["execution_count"] = count
        cell["outputs"] = [_keep(output, name) for output in cell["outputs"]]
    executed["metadata"] = notebook["metadata"]
    return executed


def _keep(output: dict, name: str) -> dict:
    if output["output_type"] == "error":
        raise SystemExit(f"{name}: a checked cell raised {output['ename']}: {output['evalue']}")
    output.pop("metadata", None)
    if output["output_type"] == "stream":
        return output
    data = {k: v for k, v in output.get("data", {}).items() if k in KEPT_MIME}
    if not data:
        kinds = sorted(output["data"])
        raise SystemExit(f"{name}: a checked cell has an output nbval cannot compare: {kinds}")
    kept = {"output_type": output["output_type"], "data": data, "metadata": {}}
    if "execution_count" in output:
        kept["execution_count"] = None
    return kept


def _lines(value: object) -> object:
    """Multi-line strings as lists of lines: one JSON line per text line keeps diffs readable."""
    if isinstance(value, str):
        return value.splitlines(keepends=True)
    if isinstance(value, list):
        return "".join(value).splitlines(keepends=True)
    return value


def _split(notebook: dict) -> dict:
    for cell in notebook["cells"]:
        cell["source"] = _lines(cell["source"])
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = _lines(output["text"])
            for mime in output.get("data", {}):
                output["data"][mime] = _lines(output["data"][mime])
    return notebook


def write(path: Path, notebook: dict) -> None:
    write_atomic(path, format_notebook(_split(notebook)), private=False)


def check() -> int:
    """Compare every notebook's cell sources with its script; print the ones out of sync."""
    bad = 0
    for source in sorted(SOURCES.glob("*.py")):
        target = NOTEBOOKS / f"{source.stem}.ipynb"
        if not target.exists():
            print(f"{target.relative_to(ROOT)}: missing (run python tools/build_notebooks.py {source.stem})")
            bad += 1
            continue
        wanted = parse_source(source.read_text(encoding="utf-8"))
        stored = json.loads(target.read_text(encoding="utf-8"))["cells"]
        have = [(c["cell_type"], "".join(c["source"]) if isinstance(c["source"], list) else c["source"])
                for c in stored]
        if wanted != have:
            print(f"{target.relative_to(ROOT)}: out of sync with {source.relative_to(ROOT)}")
            bad += 1
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="notebook names (default: all in notebooks/src)")
    parser.add_argument("--check", action="store_true", help="only compare sources, do not run")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    names = args.names or [p.stem for p in sorted(SOURCES.glob("*.py"))]
    for name in names:
        source = SOURCES / f"{name}.py"
        if not source.exists():
            print(f"{source}: no such notebook source", file=sys.stderr)
            return 2
        notebook = new_notebook(parse_source(source.read_text(encoding="utf-8")), name)
        write(NOTEBOOKS / f"{name}.ipynb", execute(notebook, name))
        print(f"notebooks/{name}.ipynb")
    return 0


if __name__ == "__main__":
    sys.exit(main())
