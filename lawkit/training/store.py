"""The student's progress file: a small SQLite file beside her answers, never sent anywhere.

`answers/training.sqlite` holds, per card, FSRS's state and when the card is due, and every
answer given (when, right or wrong, which Prüfungspunkt). It holds no name: whose file it is
follows only from where it lies.

Every save is one SQLite transaction (rollback journal, full sync): a save that is killed leaves
the state before it, and SQLite rolls the interrupted transaction back on the next open. The
file is marked as lawkit's own (`PRAGMA application_id`); a foreign SQLite file is refused and
not changed, a damaged one is reported – both in German, never as a traceback. Nothing is
written until the first answer is saved, so opening the trainer creates no file.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from lawkit._sqlite import sqlite_message
from lawkit.errors import LawkitError
from lawkit.training.scheduler import Schedule

APPLICATION_ID = 0x4C4B5452  # "LKTR": this SQLite file is a lawkit progress file
SCHEMA_VERSION = 1
DEFAULT_PATH = Path("answers") / "training.sqlite"

_SCHEMA = """
CREATE TABLE cards (
    card_id TEXT PRIMARY KEY,
    topic TEXT NOT NULL,
    topic_label TEXT NOT NULL,
    norm TEXT NOT NULL,
    state TEXT NOT NULL,
    due TEXT NOT NULL,
    learning INTEGER NOT NULL CHECK (learning IN (0, 1)),
    reviews INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    introduced TEXT NOT NULL
);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    card_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    topic_label TEXT NOT NULL,
    kind TEXT NOT NULL,
    answer TEXT NOT NULL,
    expected TEXT,
    correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    reviewed_at TEXT NOT NULL,
    duration_ms INTEGER
);
CREATE INDEX reviews_by_topic ON reviews (topic);
"""
_OWN_TABLES = {"cards", "reviews", "sqlite_sequence"}


@dataclass(frozen=True, slots=True)
class CardProgress:
    """Where one card stands for the student."""

    card_id: str
    state: str  # FSRS card as JSON
    due: _dt.datetime
    learning: bool
    reviews: int
    lapses: int
    introduced: _dt.datetime


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """One answer to a card, as it is saved."""

    card_id: str
    topic: str
    topic_label: str
    norm: str
    kind: str
    answer: str
    expected: str | None
    correct: bool
    rating: int
    reviewed_at: _dt.datetime
    duration_ms: int | None = None


@dataclass(frozen=True, slots=True)
class TopicCount:
    """How often a Prüfungspunkt was answered, and how often wrongly (counts only)."""

    topic: str
    label: str
    answers: int
    wrong: int


def _time(value: object, path: Path, what: str) -> _dt.datetime:
    try:
        moment = _dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise LawkitError(f"{path}: Lernstand: {what} ist beschädigt ({str(value)[:40]!r}); erwartet eine "
                          "Zeitangabe, wie der Trainer sie schreibt") from None
    if moment.tzinfo is None:
        raise LawkitError(f"{path}: Lernstand: {what} hat keine Zeitzone; erwartet eine Zeitangabe, wie "
                          "der Trainer sie schreibt")
    return moment


class ProgressStore:
    """The progress file at `path` (created with the first saved answer)."""

    def __init__(self, path: Path | str = DEFAULT_PATH, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if self.path.exists() and not self.path.is_file():
            raise LawkitError(f"{self.path}: das ist keine Datei (ein Ordner?); erwartet die "
                              "Fortschrittsdatei des Trainers (SQLite)")
        if self.path.exists():
            with self._connect(create=False) as db:  # checks the file now, not at the first answer
                if db is not None:
                    problems = [r[0] for r in db.execute("PRAGMA quick_check") if r[0] != "ok"]
                    if problems:
                        raise self._damaged(problems[0])

    # -- connection ---------------------------------------------------------------------------
    def _error(self, exc: BaseException) -> LawkitError:
        return LawkitError(f"{self.path}: Lernstand des Trainers: {sqlite_message(exc)}; erwartet die "
                           "SQLite-Datei, die der Trainer angelegt hat, auf einem beschreibbaren Datenträger")

    def _damaged(self, problem: str) -> LawkitError:
        return LawkitError(f"{self.path}: Lernstand des Trainers: die Datei ist beschädigt ({problem[:80]}); "
                           "sie wird nicht verändert – benennen Sie sie um, dann beginnt der Trainer mit "
                           "einem neuen Lernstand")

    @contextmanager
    def _connect(self, *, create: bool) -> Iterator[sqlite3.Connection | None]:
        if not self.path.exists() and not create:
            yield None
            return
        try:
            if self.read_only:
                db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=10,
                                     isolation_level=None)
            else:
                if create:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(str(self.path), timeout=10, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        except OSError as exc:
            raise LawkitError(f"{self.path.parent}: der Ordner für den Lernstand kann nicht angelegt werden "
                              f"({exc.strerror or exc}); erwartet einen beschreibbaren Ordner") from None
        with closing(db):
            try:
                ready = self._prepare(db, create=create)
                yield db if ready else None
            except sqlite3.DatabaseError as exc:
                if "malformed" in str(exc):
                    raise self._damaged(str(exc)) from None
                raise self._error(exc) from None

    def _prepare(self, db: sqlite3.Connection, *, create: bool) -> bool:
        """Check the file is ours (or empty); create the tables if asked. False: nothing saved yet."""
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id == APPLICATION_ID:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise LawkitError(f"{self.path}: dieser Lernstand stammt von einer neueren lawkit-Version "
                                  f"(Schema {version}); erwartet Schema {SCHEMA_VERSION} – bitte lawkit "
                                  "aktualisieren")
            if not {"cards", "reviews"} <= tables:
                raise self._damaged("Tabellen fehlen")
            if not self.read_only:
                db.execute("PRAGMA synchronous=FULL")
            return True
        if app_id != 0 or tables:
            others = ", ".join(sorted(tables - _OWN_TABLES)) or "andere Daten"
            raise LawkitError(f"{self.path}: diese SQLite-Datei ist kein Lernstand des lawkit-Trainers (sie "
                              f"enthält {others}) und wird nicht verändert; erwartet die Datei, die der "
                              "Trainer angelegt hat, oder einen anderen Dateinamen")
        if not create or self.read_only:
            return False
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return True

    # -- reading ------------------------------------------------------------------------------
    @property
    def exists(self) -> bool:
        return self.path.is_file()

    def load(self) -> dict[str, CardProgress]:
        """Every card the student has answered, with its schedule."""
        with self._connect(create=False) as db:
            if db is None:
                return {}
            rows = db.execute("SELECT card_id, state, due, learning, reviews, lapses, introduced "
                              "FROM cards").fetchall()
        out = {}
        for card_id, state, due, learning, reviews, lapses, introduced in rows:
            out[str(card_id)] = CardProgress(
                str(card_id), str(state), _time(due, self.path, "eine Fälligkeit"), bool(learning),
                int(reviews), int(lapses), _time(introduced, self.path, "ein Beginn"))
        return out

    def answered_since(self, moment: _dt.datetime) -> tuple[int, int]:
        """(answers, right answers) given since `moment`."""
        with self._connect(create=False) as db:
            if db is None:
                return 0, 0
            rows = db.execute("SELECT reviewed_at, correct FROM reviews WHERE id > "
                              "(SELECT COALESCE(MAX(id), 0) - 5000 FROM reviews)").fetchall()
        answered = [bool(c) for at, c in rows if _time(at, self.path, "eine Antwortzeit") >= moment]
        return len(answered), sum(answered)

    def durations(self, last: int = 50) -> list[int]:
        """How long the last answers took (milliseconds), for the session estimate."""
        with self._connect(create=False) as db:
            if db is None:
                return []
            rows = db.execute("SELECT duration_ms FROM reviews WHERE duration_ms IS NOT NULL "
                              "ORDER BY id DESC LIMIT ?", (last,)).fetchall()
        return [int(r[0]) for r in rows]

    def review_count(self) -> int:
        with self._connect(create=False) as db:
            if db is None:
                return 0
            return int(db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0])

    def topic_counts(self) -> list[TopicCount]:
        """Per Prüfungspunkt: answers and wrong answers (what `lawkit progress` aggregates)."""
        with self._connect(create=False) as db:
            if db is None:
                return []
            rows = db.execute("SELECT topic, MAX(topic_label), COUNT(*), SUM(1 - correct) FROM reviews "
                              "GROUP BY topic ORDER BY topic").fetchall()
        out = []
        for topic, label, answers, wrong in rows:
            if not isinstance(topic, str) or not isinstance(label, str) or not isinstance(answers, int) \
                    or not isinstance(wrong, int) or not 0 <= wrong <= answers:
                raise self._damaged(f"Antworten zu {str(topic)[:40]!r}")
            out.append(TopicCount(topic, label, answers, wrong))
        return out

    # -- writing ------------------------------------------------------------------------------
    def record(self, entry: ReviewEntry, schedule: Schedule, *, lapsed: bool) -> None:
        """Save one answer and the card's new schedule, in one transaction."""
        if self.read_only:
            raise LawkitError(f"{self.path}: der Lernstand ist nur zum Lesen geöffnet")
        with self._connect(create=True) as db:
            assert db is not None
            db.execute("BEGIN IMMEDIATE")
            try:
                row = db.execute("SELECT reviews, lapses, introduced FROM cards WHERE card_id = ?",
                                 (entry.card_id,)).fetchone()
                reviews, lapses, introduced = row if row else (0, 0, entry.reviewed_at.isoformat())
                db.execute(
                    "INSERT OR REPLACE INTO cards (card_id, topic, topic_label, norm, state, due, learning, "
                    "reviews, lapses, introduced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (entry.card_id, entry.topic, entry.topic_label, entry.norm, schedule.state,
                     schedule.due.isoformat(), int(schedule.learning), int(reviews) + 1,
                     int(lapses) + int(lapsed), introduced))
                db.execute(
                    "INSERT INTO reviews (card_id, topic, topic_label, kind, answer, expected, correct, "
                    "rating, reviewed_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (entry.card_id, entry.topic, entry.topic_label, entry.kind, entry.answer, entry.expected,
                     int(entry.correct), entry.rating, entry.reviewed_at.isoformat(), entry.duration_ms))
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
