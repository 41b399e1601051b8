"""The grade file for Moodle's CSV grade import, and the class summary table (pandas).

Moodle maps users by a column of the file (here "ID number", the Matrikelnummer, mapped to
`useridnumber`), and imports a grade column together with its feedback column (feedback alone
would clear the grades). The feedback cell holds the whole feedback as plain text, so it is
complete in Moodle itself. Only graded submissions get a row: a student whose file was bad is
left out, so the import leaves that student's grade untouched.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

MOODLE_COLUMNS = ("ID number", "Full name", "Punkte", "Feedback")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CELL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ESCAPED = re.compile(r"\\(.)")


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One student's current grade as it is exported."""

    student: str
    name: str | None
    points: int
    label: str
    units: str
    max_units: str
    fachlich: int  # deductions with units
    pruefungsspezifisch: int
    flags: int
    summary: str
    kind: str  # bewertung | überdenken
    file: str | None


def safe_cell(text: str) -> str:
    """A free-text cell that a spreadsheet will not run as a formula (CSV injection) and that
    holds no control characters or terminal escapes (line breaks stay)."""
    text = _CELL_CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "'" + text if text.startswith(_FORMULA_START) else text


def feedback_cell(markdown: str) -> str:
    """The complete feedback as plain text for the LMS's feedback column: every deduction, no
    link to a local file (students in Moodle could not open it)."""
    lines: list[str] = []
    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith("|") and set(stripped) <= {"|", "-", " "}:
            continue  # a table's separator row
        if stripped.startswith("#"):
            stripped = stripped.lstrip("#").strip()
        elif stripped.startswith("> "):
            stripped = stripped[2:]
        elif stripped.startswith("|"):
            stripped = " | ".join(cell.strip() for cell in stripped.strip("|").split(" | "))
        stripped = stripped.replace("**", "")
        lines.append(_ESCAPED.sub(r"\1", stripped))
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def moodle_row(row: ExportRow, feedback: str) -> tuple[str, str, int, str]:
    """One row of Moodle's grade import: ID number, full name, points, and as feedback the
    one-line summary followed by the complete feedback text."""
    return (row.student, safe_cell(row.name or ""), row.points, safe_cell(f"{row.summary}\n\n{feedback}"))


def moodle_csv(rows: Iterable[tuple[ExportRow, str]]) -> str:
    """The CSV text (UTF-8, comma, header row) for Moodle's grade import from (row, feedback
    text) pairs; `lawkit grade` streams the same rows into grades.csv."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(MOODLE_COLUMNS)
    for row, feedback in rows:
        writer.writerow(moodle_row(row, feedback))
    return out.getvalue()


SUMMARY_COLUMNS = ("student", "name", "points", "label", "units", "max_units", "fachliche_abzuege",
                   "pruefungsspezifische_abzuege", "widersprueche", "kind", "file")


def summary_frame(rows: Sequence[ExportRow]) -> pd.DataFrame:
    """The class table as a pandas DataFrame (pandas is imported only here)."""
    import pandas as pd

    return pd.DataFrame(
        [(r.student, safe_cell(r.name or ""), r.points, r.label, r.units, r.max_units, r.fachlich,
          r.pruefungsspezifisch, r.flags, r.kind, r.file or "") for r in rows],
        columns=list(SUMMARY_COLUMNS),
    )


def summary_csv(frame: pd.DataFrame) -> str:
    out = io.StringIO()
    frame.to_csv(out, index=False, lineterminator="\n")
    return out.getvalue()


def summary_text(frame: pd.DataFrame) -> str:
    """A short German overview of the class: counts per name of the scale and key figures."""
    from lawkit.grading.scale import average

    points = list(frame["points"])
    if not points:
        return "Keine bewerteten Abgaben.\n"
    mean, label = average(points)
    counts = frame["label"].value_counts()
    order = ("sehr gut", "gut", "vollbefriedigend", "befriedigend", "ausreichend", "mangelhaft",
             "ungenügend")
    lines = [
        f"Bewertete Abgaben: {len(points)}",
        f"Durchschnitt (§ 2 JurPrNotSkV): {str(mean).replace('.', ',')} Punkte ({label})",
        f"Median: {frame['points'].median():g} Punkte; Minimum {min(points)}, Maximum {max(points)}",
        "Verteilung: " + ", ".join(f"{name} {int(counts.get(name, 0))}" for name in order),
    ]
    return "\n".join(lines) + "\n"
