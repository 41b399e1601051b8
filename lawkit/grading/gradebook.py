"""The gradebook: every grade ever given, in SQLite, never overwritten.

Each grading is one row (`bewertung`); an Überdenken after an objection is another row
(`überdenken`) that names the row it reconsiders and the teacher's reason. The current grade
of a student in an exercise is the latest row. Recording the same grade of the same answer
again (a re-run of a batch) adds nothing. Every change is one transaction.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from lawkit.errors import LawkitError
from lawkit.grading.model import Grade, format_units
from lawkit.grading.scale import average

BEWERTUNG = "bewertung"
UEBERDENKEN = "überdenken"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    exercise TEXT NOT NULL,
    student TEXT NOT NULL,
    name TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('bewertung', 'überdenken')),
    points INTEGER NOT NULL CHECK (points BETWEEN 0 AND 18),
    label TEXT NOT NULL,
    units TEXT NOT NULL,
    max_units TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    digest TEXT NOT NULL,
    reason TEXT,
    previous INTEGER REFERENCES entries(id),
    source TEXT,
    recorded_at TEXT NOT NULL,
    grade_json TEXT NOT NULL,
    summary TEXT NOT NULL,
    feedback_md TEXT NOT NULL,
    feedback_html TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_by_student ON entries (exercise, student, id);
"""
_COLUMNS = ("id", "exercise", "student", "name", "kind", "points", "label", "units", "max_units",
            "fingerprint", "digest", "reason", "previous", "source", "recorded_at", "grade_json",
            "summary", "feedback_md", "feedback_html")


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the gradebook."""

    id: int
    exercise: str
    student: str
    name: str | None
    kind: str  # bewertung | überdenken
    points: int
    label: str
    units: Fraction
    max_units: Fraction
    fingerprint: str
    digest: str
    reason: str | None
    previous: int | None
    source: str | None
    recorded_at: str
    grade_json: str
    summary: str
    feedback_md: str
    feedback_html: str

    @property
    def deductions(self) -> list[dict[str, Any]]:
        return list(json.loads(self.grade_json)["deductions"])


@dataclass(frozen=True, slots=True)
class Regrade:
    """An Überdenken: the earlier grade is kept; this says what changed and why."""

    before: Entry
    after: Entry
    reason: str
    removed: tuple[dict[str, Any], ...]  # deductions of before that after no longer makes
    added: tuple[dict[str, Any], ...]  # deductions after makes that before did not

    @property
    def changed(self) -> bool:
        return self.before.points != self.after.points or bool(self.removed or self.added)

    def text(self, *, times: bool = True) -> str:
        """German account of the Überdenken (Markdown). `times=False` leaves out when the
        entries were recorded, so the text is the same on every run (e.g. in a notebook)."""
        b, a = self.before, self.after

        def entry(e: Entry) -> str:
            return f"Eintrag {e.id}, {e.recorded_at}" if times else f"Eintrag {e.id}"

        lines = [
            f"## Überdenken der Bewertung ({a.exercise}, Matrikelnummer {a.student})",
            "",
            f"Grund: {self.reason}",
            "",
            f"- Bisher ({entry(b)}): {b.points} Punkte ({b.label}), "
            f"{format_units(b.units)} von {format_units(b.max_units)} BE",
            f"- Nach Überdenken ({entry(a)}): {a.points} Punkte ({a.label}), "
            f"{format_units(a.units)} von {format_units(a.max_units)} BE",
            "",
        ]
        if not self.changed:
            lines.append("Die Bewertung bleibt nach Überdenken unverändert; es gelten ihre bisherigen "
                         "Gründe (vgl. BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 17).")
        else:
            lines.append("Entfallene Abzüge:" if self.removed else "Entfallene Abzüge: keine")
            lines += [f"- {d['text']}" for d in self.removed]
            lines.append("")
            lines.append("Neue Abzüge:" if self.added else "Neue Abzüge: keine")
            lines += [f"- {d['text']}" for d in self.added]
        lines.append("")
        lines.append("Die frühere Bewertung bleibt im Notenbuch erhalten.")
        return "\n".join(lines) + "\n"


def grade_digest(grade: Grade) -> str:
    raw = json.dumps(grade.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class Gradebook:
    """A SQLite gradebook at `path` (created on first use unless create=False)."""

    def __init__(self, path: Path | str, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise LawkitError(f"{self.path}: no such gradebook; expected the SQLite file written "
                              "by `lawkit grade`")
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            # WAL: a crash leaves the last committed state; NORMAL sync keeps commits cheap.
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise LawkitError(f"{self.path}: cannot use this file as a gradebook ({exc}); expected "
                              "a SQLite file written by `lawkit grade`") from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Gradebook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- writing -------------------------------------------------------------------------------
    def record(self, grade: Grade, *, source: str | None = None,
               feedback: tuple[str, str] | None = None) -> tuple[Entry, bool]:
        """Record a grade; (entry, True) if new, (the existing entry, False) if this answer was
        already graded with exactly this result. `feedback` is (markdown, html) if already made."""
        digest = grade_digest(grade)
        with self._transaction() as db:
            row = db.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM entries WHERE exercise = ? AND student = ? "
                "AND fingerprint = ? AND digest = ? ORDER BY id LIMIT 1",
                (grade.exercise, grade.student, grade.fingerprint, digest)).fetchone()
            if row is not None:
                return _entry(row), False
            entry_id = self._insert(db, grade, digest, BEWERTUNG, None, None, source, feedback)
        return self._get(entry_id), True

    def regrade(self, grade: Grade, reason: str, *, source: str | None = None) -> Regrade:
        """Record an Überdenken of the current grade; the earlier entries stay as they are."""
        reason = reason.strip()
        if not reason:
            raise LawkitError("an Überdenken needs the teacher's reason; expected --reason TEXT")
        with self._transaction() as db:
            row = db.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM entries WHERE exercise = ? AND student = ? "
                "ORDER BY id DESC LIMIT 1", (grade.exercise, grade.student)).fetchone()
            if row is None:
                raise LawkitError(f"{self.path}: no earlier grade of student {grade.student!r} in "
                                  f"exercise {grade.exercise!r}; expected a grade from `lawkit grade` "
                                  "to reconsider")
            before = _entry(row)
            entry_id = self._insert(db, grade, grade_digest(grade), UEBERDENKEN, reason, before.id,
                                    source)
        after = self._get(entry_id)
        old = {d["code"]: d for d in before.deductions if Fraction(d["units"])}
        new = {d["code"]: d for d in after.deductions if Fraction(d["units"])}
        removed = tuple(d for code, d in old.items()
                        if code not in new or new[code]["units"] != d["units"])
        added = tuple(d for code, d in new.items()
                      if code not in old or old[code]["units"] != d["units"])
        return Regrade(before, after, reason, removed, added)

    def _insert(self, db: sqlite3.Connection, grade: Grade, digest: str, kind: str,
                reason: str | None, previous: int | None, source: str | None,
                feedback: tuple[str, str] | None = None) -> int:
        markdown, html = feedback or (grade.feedback_markdown(), grade.feedback_html())
        now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        cursor = db.execute(
            "INSERT INTO entries (exercise, student, name, kind, points, label, units, max_units, "
            "fingerprint, digest, reason, previous, source, recorded_at, grade_json, summary, "
            "feedback_md, feedback_html) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (grade.exercise, grade.student, grade.name, kind, grade.points, grade.label,
             str(grade.units), str(grade.max_units), grade.fingerprint, digest, reason, previous,
             source, now, json.dumps(grade.to_dict(), ensure_ascii=False), grade.summary(),
             markdown, html))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    # -- reading -------------------------------------------------------------------------------
    def _get(self, entry_id: int) -> Entry:
        row = self._db.execute(f"SELECT {', '.join(_COLUMNS)} FROM entries WHERE id = ?",
                               (entry_id,)).fetchone()
        return _entry(row)

    def history(self, exercise: str, student: str) -> tuple[Entry, ...]:
        """Every entry of one student in one exercise, oldest first."""
        return self.entries(student=student, exercise=exercise)

    def current(self, exercise: str, student: str) -> Entry | None:
        history = self.history(exercise, student)
        return history[-1] if history else None

    def entries(self, *, student: str | None = None, exercise: str | None = None
                ) -> tuple[Entry, ...]:
        where, args = _filter(student, exercise)
        rows = self._db.execute(f"SELECT {', '.join(_COLUMNS)} FROM entries{where} "
                                "ORDER BY exercise, student, id", args).fetchall()
        return tuple(_entry(r) for r in rows)

    def current_grades(self, *, student: str | None = None, exercise: str | None = None
                       ) -> tuple[Entry, ...]:
        """The latest entry per (exercise, student)."""
        latest: dict[tuple[str, str], Entry] = {}
        for entry in self.entries(student=student, exercise=exercise):
            latest[(entry.exercise, entry.student)] = entry
        return tuple(latest.values())

    def averages(self, *, student: str | None = None, exercise: str | None = None
                 ) -> dict[str, tuple[Decimal, str, int]]:
        """Per student: the § 2 JurPrNotSkV average of the current grades, its name, and how
        many exercises it covers."""
        points: dict[str, list[int]] = {}
        for entry in self.current_grades(student=student, exercise=exercise):
            points.setdefault(entry.student, []).append(entry.points)
        return {s: (*average(p), len(p)) for s, p in sorted(points.items())}


def _filter(student: str | None, exercise: str | None) -> tuple[str, tuple[str, ...]]:
    clauses, args = [], []
    if student is not None:
        clauses.append("student = ?")
        args.append(student)
    if exercise is not None:
        clauses.append("exercise = ?")
        args.append(exercise)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(args)


def _entry(row: tuple[Any, ...]) -> Entry:
    values = dict(zip(_COLUMNS, row, strict=True))
    values["units"] = Fraction(values["units"])
    values["max_units"] = Fraction(values["max_units"])
    return Entry(**values)
