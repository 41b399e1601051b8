"""The gradebook: every grade ever given, in SQLite, never overwritten.

Each grading is one row (`bewertung`); an Überdenken after an objection is another row
(`überdenken`) that names the row it reconsiders and the teacher's reason. The current grade
of a student in an exercise is the latest row. Recording the grade that is already the current
one (a re-run of a batch) adds nothing; any other grade is a new row, so the current row always
tells the truth (grading A, then B, then A again makes A current again).

An Überdenken that accepts a result as vertretbar changes the standard for everyone (BVerwG
6 B 71.17 Rn. 8, Chancengleichheit): it is kept as a *Maßstab* of the exercise (table
`standards`) and applied to the whole class at the next `lawkit grade`. An Überdenken that
corrects how a Gutachten was read ("this paragraph discusses Vorsatz, result erfüllt") is kept
with the text it reads (table `readings`, by the answer's fingerprint) and applied to that
student's Gutachten at every later `lawkit grade`, as long as the text is the same.

The file is marked as lawkit's own (`PRAGMA application_id`); any other SQLite file is refused
rather than changed. Every change is one transaction; every SQLite or disk error becomes a
German message naming the file.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import html
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from lawkit._sqlite import sqlite_message
from lawkit.errors import LawkitError
from lawkit.grading.model import Grade
from lawkit.grading.scale import MAX_POINTS, average, format_units

BEWERTUNG = "bewertung"
UEBERDENKEN = "überdenken"
APPLICATION_ID = 0x4C4B4742  # "LKGB": this SQLite file is a lawkit gradebook
SCHEMA_VERSION = 3

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
CREATE TABLE IF NOT EXISTS standards (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    exercise TEXT NOT NULL,
    target TEXT NOT NULL,
    results TEXT NOT NULL,
    reason TEXT NOT NULL,
    entry INTEGER REFERENCES entries(id),
    recorded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS readings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    exercise TEXT NOT NULL,
    student TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    correction TEXT NOT NULL,
    reason TEXT NOT NULL,
    entry INTEGER REFERENCES entries(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS readings_by_student ON readings (exercise, student, fingerprint, id);
"""
_COLUMNS = ("id", "exercise", "student", "name", "kind", "points", "label", "units", "max_units",
            "fingerprint", "digest", "reason", "previous", "source", "recorded_at", "grade_json",
            "summary", "feedback_md", "feedback_html")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM entries"
_READINGS = ("SELECT id, exercise, student, fingerprint, correction, reason, entry, recorded_at "
             "FROM readings")
_OWN_TABLES = {"entries", "standards", "readings", "sqlite_sequence"}


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

    @property
    def flags(self) -> list[dict[str, Any]]:
        return list(json.loads(self.grade_json).get("flags", []))

    def counted(self, kind: str) -> int:
        """How many deductions of a kind (fachlich, prüfungsspezifisch) cost units."""
        return sum(1 for d in self.deductions if d["kind"] == kind and Fraction(d["units"]))


@dataclass(frozen=True, slots=True)
class Standard:
    """A result the teacher accepted as vertretbar in an Überdenken: it holds for every
    submission of the exercise from then on (Chancengleichheit)."""

    id: int
    exercise: str
    target: str  # "norm_id" or "norm_id#element_id"
    results: tuple[str, ...]
    reason: str
    entry: int | None  # the Überdenken that introduced it
    recorded_at: str


@dataclass(frozen=True, slots=True)
class ReadingFix:
    """The teacher's reading of one passage of a Gutachten (lawkit.reading.confirm), kept with
    the text it reads: it applies while the student's text is the same."""

    id: int
    exercise: str
    student: str
    fingerprint: str  # of the Gutachten it reads
    correction: str  # "norm#element=ergebnis@Stelle", as given to `lawkit regrade --reading`
    reason: str
    entry: int | None  # the Überdenken that introduced it
    recorded_at: str


@dataclass(frozen=True, slots=True)
class Recorded:
    """What `record` did: the entry that is now current, whether it is new, and the one that
    was current before (None for a first grade)."""

    entry: Entry
    new: bool
    before: Entry | None


@dataclass(frozen=True, slots=True)
class Regrade:
    """An Überdenken: the earlier grade is kept; this says what changed and why."""

    before: Entry
    after: Entry
    reason: str
    removed: tuple[dict[str, Any], ...]  # deductions of before that after no longer makes
    added: tuple[dict[str, Any], ...]  # deductions after makes that before did not
    standards: tuple[Standard, ...] = ()  # results accepted for the whole class
    repeated: bool = False  # the same Überdenken was recorded before; nothing was added
    readings: tuple[ReadingFix, ...] = ()  # the reading of the Gutachten corrected by the teacher

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
        if self.readings:
            lines.append("")
            lines.append("Lesart der Bearbeitung von der Lehrkraft berichtigt (sie gilt für diesen Text, "
                         "solange er unverändert ist):")
            lines += [f"- {r.correction}" for r in self.readings]
        if self.standards:
            lines.append("")
            lines.append("Als vertretbar anerkannt – dieser Maßstab gilt für alle Bearbeitungen der "
                         "Aufgabe und wird beim nächsten `lawkit grade` auf die ganze Gruppe angewandt "
                         "(Chancengleichheit, BVerwG 6 B 71.17 Rn. 8):")
            lines += [f"- {s.target}: {' oder '.join(s.results)}" for s in self.standards]
        lines.append("")
        lines.append("Die frühere Bewertung bleibt im Notenbuch erhalten.")
        return "\n".join(lines) + "\n"

    def html(self) -> str:
        """The account as an HTML section (escaped; no scripts, no external resources)."""
        out: list[str] = ['<section class="lawkit-ueberdenken">']
        items: list[str] = []
        for line in self.text().splitlines():
            if line.startswith("- "):
                items.append(f"<li>{html.escape(line[2:])}</li>")
                continue
            if items:
                out.append("<ul>" + "".join(items) + "</ul>")
                items = []
            if line.startswith("## "):
                out.append(f"<h2>{html.escape(line[3:])}</h2>")
            elif line.strip():
                out.append(f"<p>{html.escape(line)}</p>")
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
        out.append("</section>")
        return "\n".join(out) + "\n"


def grade_digest(grade: Grade) -> str:
    raw = json.dumps(grade.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


class Gradebook:
    """A SQLite gradebook at `path` (created on first use unless create=False)."""

    def __init__(self, path: Path | str, *, create: bool = True) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_file():
            raise LawkitError(f"{self.path}: das ist keine Datei (ein Ordner?); erwartet die "
                              "SQLite-Datei des Notenbuchs")
        if not create and not self.path.is_file():
            raise LawkitError(f"{self.path}: dieses Notenbuch gibt es nicht; erwartet die SQLite-Datei, "
                              "die `lawkit grade` angelegt hat")
        if create:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LawkitError(f"{self.path.parent}: der Ordner für das Notenbuch kann nicht angelegt "
                                  f"werden ({exc.strerror or exc}); erwartet einen beschreibbaren "
                                  "Ordner") from None
        try:
            self._db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            self._prepare()
        except sqlite3.Error as exc:
            self._db.close()
            raise self._error(exc) from None
        except LawkitError:
            self._db.close()
            raise

    def _error(self, exc: BaseException) -> LawkitError:
        return LawkitError(f"{self.path}: Notenbuch: {sqlite_message(exc)}; erwartet eine SQLite-Datei, die "
                           "`lawkit grade` angelegt hat, auf einem beschreibbaren Datenträger mit freiem "
                           "Speicherplatz")

    def _prepare(self) -> None:
        db = self._db
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id != APPLICATION_ID:
            legacy = "entries" in tables and tables <= _OWN_TABLES and self._legacy_columns()
            if app_id != 0 or (tables and not legacy):
                others = ", ".join(sorted(tables - _OWN_TABLES)) or "andere Tabellen"
                raise LawkitError(f"{self.path}: diese SQLite-Datei ist kein lawkit-Notenbuch (sie "
                                  f"enthält {others}) und wird nicht verändert; erwartet ein Notenbuch, "
                                  "das `lawkit grade` angelegt hat, oder einen neuen Dateinamen")
        # WAL: a crash leaves the last committed state; NORMAL sync keeps commits cheap.
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        if app_id != APPLICATION_ID or db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            with self._transaction():
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _legacy_columns(self) -> bool:
        columns = [r[1] for r in self._db.execute("PRAGMA table_info(entries)")]
        return tuple(columns) == _COLUMNS

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Gradebook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            yield self._db
        except sqlite3.Error as exc:
            self._db.execute("ROLLBACK")
            raise self._error(exc) from None
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise self._error(exc) from None

    def _read(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    # -- writing -------------------------------------------------------------------------------
    def record(self, grade: Grade, *, source: str | None = None,
               feedback: tuple[str, str] | None = None) -> tuple[Entry, bool]:
        """Record a grade; (entry, True) if new, (the current entry, False) if this grade of
        this answer is the current one already. `feedback` is (markdown, html) if already made."""
        done = self.record_many([(grade, source, feedback)])[0]
        return done.entry, done.new

    def record_many(self, items: Iterable[tuple[Grade, str | None, tuple[str, str] | None]]
                    ) -> list[Recorded]:
        """Record several grades in one transaction (a batch writes a chunk at a time)."""
        out: list[Recorded] = []
        with self._transaction() as db:
            for grade, source, feedback in items:
                digest = grade_digest(grade)
                row = db.execute(f"{_SELECT} WHERE exercise = ? AND student = ? ORDER BY id DESC LIMIT 1",
                                 (grade.exercise, grade.student)).fetchone()
                current = self._entry(row) if row is not None else None
                if current is not None and self._still_current(db, current, grade.fingerprint, digest):
                    out.append(Recorded(current, False, current))
                    continue
                entry_id = self._insert(db, grade, digest, BEWERTUNG, None, None, source, feedback)
                out.append(Recorded(self._get(entry_id, db), True, current))
        return out

    def _still_current(self, db: sqlite3.Connection, current: Entry, fingerprint: str, digest: str
                       ) -> bool:
        """Whether re-recording this grade would add nothing: the current entry grades the same
        answer with the same result; an Überdenken of the same answer also stands unless the
        exercise's standard changed after it (then the class is graded by the new one)."""
        if current.fingerprint != fingerprint:
            return False
        if current.digest == digest:
            return True
        if current.kind != UEBERDENKEN:
            return False
        later = db.execute("SELECT 1 FROM standards WHERE exercise = ? AND (entry IS NULL OR entry > ?) "
                           "LIMIT 1", (current.exercise, current.id)).fetchone()
        return later is None

    def regrade(self, grade: Grade, reason: str, *, source: str | None = None,
                accept: Iterable[tuple[str, tuple[str, ...]]] = (),
                readings: Iterable[str] = ()) -> Regrade:
        """Record an Überdenken of the current grade; the earlier entries stay as they are.

        `accept` holds (target, results) the teacher now accepts as vertretbar; they become a
        standard of the exercise for every submission. `readings` are corrections of how this
        student's Gutachten was read ("norm#element=ergebnis@Stelle"); they are kept with the
        text's fingerprint. Recording the same Überdenken again (a retry) adds nothing and
        returns it with `repeated=True`."""
        reason = reason.strip()
        if not reason:
            raise LawkitError("ein Überdenken braucht die Begründung der Lehrkraft; erwartet --reason TEXT")
        accepted = tuple(accept)
        readings = tuple(readings)
        digest = grade_digest(grade)
        with self._transaction() as db:
            row = db.execute(f"{_SELECT} WHERE exercise = ? AND student = ? ORDER BY id DESC LIMIT 1",
                             (grade.exercise, grade.student)).fetchone()
            if row is None:
                raise LawkitError(f"{self.path}: keine frühere Bewertung der Matrikelnummer "
                                  f"{grade.student!r} in der Aufgabe {grade.exercise!r}; erwartet eine "
                                  "Bewertung durch `lawkit grade`, die überdacht werden kann")
            current = self._entry(row)
            if (current.kind == UEBERDENKEN and current.reason == reason and current.digest == digest
                    and current.fingerprint == grade.fingerprint and current.previous is not None):
                before = self._get(current.previous, db)
                return self._account(before, current, db, repeated=True)
            entry_id = self._insert(db, grade, digest, UEBERDENKEN, reason, current.id, source)
            now = _now()
            for target, results in accepted:
                db.execute("INSERT INTO standards (exercise, target, results, reason, entry, recorded_at) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           (grade.exercise, target, json.dumps(list(results), ensure_ascii=False), reason,
                            entry_id, now))
            for correction in readings:
                db.execute("INSERT INTO readings (exercise, student, fingerprint, correction, reason, entry, "
                           "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (grade.exercise, grade.student, grade.fingerprint, correction, reason, entry_id,
                            now))
            after = self._get(entry_id, db)
            return self._account(current, after, db)

    def _account(self, before: Entry, after: Entry, db: sqlite3.Connection, *, repeated: bool = False
                 ) -> Regrade:
        old = {d["code"]: d for d in before.deductions if Fraction(d["units"])}
        new = {d["code"]: d for d in after.deductions if Fraction(d["units"])}
        removed = tuple(d for code, d in old.items()
                        if code not in new or new[code]["units"] != d["units"])
        added = tuple(d for code, d in new.items()
                      if code not in old or old[code]["units"] != d["units"])
        rows = db.execute("SELECT id, exercise, target, results, reason, entry, recorded_at FROM standards "
                          "WHERE entry = ? ORDER BY id", (after.id,)).fetchall()
        fixes = db.execute(f"{_READINGS} WHERE entry = ? ORDER BY id", (after.id,)).fetchall()
        return Regrade(before, after, after.reason or "", removed, added,
                       tuple(self._standard(r) for r in rows), repeated,
                       tuple(ReadingFix(*r) for r in fixes))

    def _insert(self, db: sqlite3.Connection, grade: Grade, digest: str, kind: str,
                reason: str | None, previous: int | None, source: str | None,
                feedback: tuple[str, str] | None = None) -> int:
        markdown, page = feedback or (grade.feedback_markdown(), grade.feedback_html())
        cursor = db.execute(
            "INSERT INTO entries (exercise, student, name, kind, points, label, units, max_units, "
            "fingerprint, digest, reason, previous, source, recorded_at, grade_json, summary, "
            "feedback_md, feedback_html) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (grade.exercise, grade.student, grade.name, kind, grade.points, grade.label,
             str(grade.units), str(grade.max_units), grade.fingerprint, digest, reason, previous,
             source, _now(), json.dumps(grade.to_dict(), ensure_ascii=False), grade.summary(),
             markdown, page))
        if cursor.lastrowid is None:  # pragma: no cover - SQLite always sets it for an INSERT
            raise LawkitError(f"{self.path}: Notenbuch: der neue Eintrag hat keine Nummer")
        return cursor.lastrowid

    # -- reading -------------------------------------------------------------------------------
    def _get(self, entry_id: int, db: sqlite3.Connection | None = None) -> Entry:
        rows = (db or self._db).execute(f"{_SELECT} WHERE id = ?", (entry_id,)).fetchall()
        if not rows:
            raise LawkitError(f"{self.path}: Notenbuch: Eintrag {entry_id} fehlt, obwohl ein anderer "
                              "Eintrag auf ihn verweist; erwartet ein unbeschädigtes Notenbuch")
        return self._entry(rows[0])

    def _entry(self, row: tuple[Any, ...]) -> Entry:
        values = dict(zip(_COLUMNS, row, strict=True))
        entry_id = values["id"]

        def broken(column: str, expected: str) -> LawkitError:
            shown = str(values[column])
            shown = shown if len(shown) <= 40 else shown[:37] + "..."
            return LawkitError(f"{self.path}: Notenbuch: Eintrag {entry_id} ist beschädigt (Spalte "
                               f"{column}: {shown!r}); erwartet {expected}")

        for column in ("units", "max_units"):
            try:
                values[column] = Fraction(str(values[column]))
            except (ValueError, ZeroDivisionError):
                raise broken(column, "eine Zahl oder einen Bruch wie 14 oder 29/2") from None
        if not isinstance(values["points"], int) or not 0 <= values["points"] <= MAX_POINTS:
            raise broken("points", "eine ganze Zahl von 0 bis 18")
        if values["kind"] not in (BEWERTUNG, UEBERDENKEN):
            raise broken("kind", "bewertung oder überdenken")
        try:
            data = json.loads(values["grade_json"])
            if not isinstance(data, dict) or not isinstance(data.get("deductions"), list):
                raise ValueError
            for item in data["deductions"]:
                Fraction(str(item["units"]))
                if not all(isinstance(item[key], str) for key in ("kind", "code", "text")):
                    raise ValueError
        except (ValueError, TypeError, KeyError, ZeroDivisionError):
            raise broken("grade_json", "die gespeicherte Bewertung (JSON mit ihren Abzügen)") from None
        for column in ("exercise", "student", "fingerprint", "digest", "recorded_at", "summary",
                       "feedback_md", "feedback_html", "label"):
            if not isinstance(values[column], str):
                raise broken(column, "einen Text")
        return Entry(**values)

    def history(self, exercise: str, student: str) -> tuple[Entry, ...]:
        """Every entry of one student in one exercise, oldest first."""
        return self.entries(student=student, exercise=exercise)

    def current(self, exercise: str, student: str) -> Entry | None:
        rows = self._read(f"{_SELECT} WHERE exercise = ? AND student = ? ORDER BY id DESC LIMIT 1",
                          (exercise, student))
        return self._entry(rows[0]) if rows else None

    def entries(self, *, student: str | None = None, exercise: str | None = None
                ) -> tuple[Entry, ...]:
        where, args = _filter(student, exercise)
        rows = self._read(f"{_SELECT}{where} ORDER BY exercise, student, id", args)
        return tuple(self._entry(r) for r in rows)

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

    def regrade_of(self, entry: Entry) -> Regrade | None:
        """The Überdenken an entry records (None for a plain grade)."""
        if entry.kind != UEBERDENKEN or entry.previous is None:
            return None
        return self._account(self._get(entry.previous), entry, self._db)

    def feedback(self, entry: Entry) -> tuple[str, str]:
        """(Markdown, HTML page body) of an entry's feedback; an Überdenken carries its account,
        so every output written from the gradebook tells the same story."""
        regrade = self.regrade_of(entry)
        if regrade is None:
            return entry.feedback_md, entry.feedback_html
        return (entry.feedback_md + "\n" + regrade.text(),
                entry.feedback_html + regrade.html())

    def standards(self, exercise: str) -> tuple[Standard, ...]:
        """The results accepted for every submission of an exercise, oldest first."""
        rows = self._read("SELECT id, exercise, target, results, reason, entry, recorded_at FROM standards "
                          "WHERE exercise = ? ORDER BY id", (exercise,))
        return tuple(self._standard(r) for r in rows)

    def readings(self, exercise: str, student: str | None = None, fingerprint: str | None = None
                 ) -> tuple[ReadingFix, ...]:
        """The teacher's corrections of how Gutachten were read, oldest first (of one student,
        and of one text where `fingerprint` is given)."""
        sql, args = f"{_READINGS} WHERE exercise = ?", [exercise]
        if student is not None:
            sql, args = sql + " AND student = ?", [*args, student]
        if fingerprint is not None:
            sql, args = sql + " AND fingerprint = ?", [*args, fingerprint]
        return tuple(ReadingFix(*r) for r in self._read(sql + " ORDER BY id", tuple(args)))

    def _standard(self, row: tuple[Any, ...]) -> Standard:
        try:
            results = tuple(str(r) for r in json.loads(row[3]))
        except (ValueError, TypeError):
            raise LawkitError(f"{self.path}: Notenbuch: Maßstab {row[0]} ist beschädigt (Spalte results); "
                              "erwartet eine JSON-Liste von Ergebnissen") from None
        return Standard(row[0], row[1], row[2], results, row[4], row[5], row[6])

    def integrity(self) -> list[str]:
        """Problems of the file (German), empty if it is sound: SQLite's own check, every row
        readable, every Überdenken pointing at an earlier entry of the same student."""
        problems = [r[0] for r in self._read("PRAGMA integrity_check") if r[0] != "ok"]
        seen: dict[int, Entry] = {}
        for row in self._read(f"{_SELECT} ORDER BY id"):
            try:
                entry = self._entry(row)
            except LawkitError as exc:
                problems.append(str(exc))
                continue
            seen[entry.id] = entry
            if entry.kind == UEBERDENKEN:
                before = seen.get(entry.previous) if entry.previous is not None else None
                if before is None or (before.exercise, before.student) != (entry.exercise, entry.student):
                    problems.append(f"Eintrag {entry.id}: das Überdenken verweist nicht auf eine frühere "
                                    "Bewertung derselben Person")
        return problems


def _filter(student: str | None, exercise: str | None) -> tuple[str, tuple[str, ...]]:
    clauses, args = [], []
    if student is not None:
        clauses.append("student = ?")
        args.append(student)
    if exercise is not None:
        clauses.append("exercise = ?")
        args.append(exercise)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(args)
