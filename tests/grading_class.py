"""A small class of answers to the test exercise g_konkurrenz, shared by the batch tests."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

DATA = Path(__file__).parent / "data" / "grading"
EXERCISE = str(DATA / "course" / "g_konkurrenz.yaml")


def answer(student: str, **changes: object) -> dict:
    """The perfect answer of g_konkurrenz for one student, with top-level changes."""
    data = json.loads((DATA / "answers" / "konkurrenz_perfect.json").read_text(encoding="utf-8"))
    data["student"] = student
    data.update(changes)
    return data


def put(folder: Path, name: str, data: object) -> Path:
    """Write an answer file: bytes and text as they are, anything else as JSON."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    elif isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def errors(out: Path) -> list[list[str]]:
    """errors.txt as rows of (kind, where, reason)."""
    return [line.split("\t") for line in (out / "errors.txt").read_text(encoding="utf-8").splitlines()]


def graded_students(out: Path) -> list[str]:
    """The Matrikelnummern in grades.csv, in order."""
    rows = list(csv.reader(io.StringIO((out / "grades.csv").read_text(encoding="utf-8"))))
    return [r[0] for r in rows[1:]]
