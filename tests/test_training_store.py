"""The progress file and the scheduler: resumes after a restart and after a killed save (a real
process killed by SIGKILL), refuses foreign and damaged files in German, creates nothing until
the first answer; the session's order of cards (due, new per day, learning steps)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from lawkit.errors import LawkitError
from lawkit.training.cards import library_cards
from lawkit.training.scheduler import Rating, review
from lawkit.training.session import Session
from lawkit.training.store import APPLICATION_ID, ProgressStore

ROOT = Path(__file__).resolve().parent.parent
T0 = dt.datetime(2025, 3, 3, 8, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self, now: dt.datetime = T0) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture(scope="module")
def cards():
    return library_cards()


def test_opening_creates_no_file_and_the_first_answer_does(tmp_path, cards):
    path = tmp_path / "answers" / "training.sqlite"
    session = Session(cards, ProgressStore(path), clock=Clock())
    assert not path.exists() and not path.parent.exists()
    card = session.next_card()
    assert card is not None and card.id == cards[0].id
    outcome = session.answer(card, card.expected)
    assert outcome.feedback.correct is True and outcome.rating is Rating.GUT
    assert path.is_file()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("SELECT card_id, answer, correct, rating FROM reviews").fetchall() == [
            (card.id, card.expected, 1, 3)]


def test_a_restart_resumes_where_the_student_stopped(tmp_path, cards):
    path = tmp_path / "training.sqlite"
    clock = Clock()
    first = Session(cards, ProgressStore(path), clock=clock)
    answered = []
    for answer_right in (True, False, True):
        card = first.next_card()
        wrong = next(o for o in card.options if o != card.expected) if card.options else "nein"
        first.answer(card, card.expected if answer_right else wrong)
        answered.append(card.id)
    today = first.today()
    again = Session(cards, ProgressStore(path), clock=clock)  # a new kernel, the same file
    assert set(again.progress) == set(answered)
    assert again.progress == first.progress
    assert again.today() == today
    assert (today.answered, today.right) == (3, 2)
    # the wrongly answered card is due again in a minute (FSRS learning step), the right ones later
    wrong_card = answered[1]
    assert again.progress[wrong_card].due == T0 + dt.timedelta(minutes=1)
    clock.advance(minutes=2)
    assert again.next_card().id == wrong_card


def test_the_schedule_is_fsrs_and_deterministic():
    first = review(None, Rating.GUT, T0)
    assert (first.due - T0, first.learning) == (dt.timedelta(minutes=10), True)
    second = review(first.state, Rating.GUT, first.due)
    assert (second.due - first.due, second.learning) == (dt.timedelta(days=2), False)
    assert review(first.state, Rating.GUT, first.due) == second  # no fuzz
    assert review(None, Rating.NOCHMAL, T0).due - T0 == dt.timedelta(minutes=1)


def test_new_cards_per_day_are_limited_and_the_next_day_brings_more(tmp_path, cards):
    clock = Clock()
    session = Session(cards, ProgressStore(tmp_path / "t.sqlite"), clock=clock, new_per_day=3, size=50)
    for _ in range(3):
        card = session.next_card()
        session.answer(card, card.expected or "ja")
    assert session.today().new == 0
    # only the three learning cards are left, learned ahead within their steps
    shown = {session.next_card().id for _ in range(1)}
    assert shown <= set(session.progress)
    clock.advance(days=1)
    assert session.today().new == 3
    assert session.today().due == 3


def test_a_killed_save_loses_no_progress_and_leaves_no_corrupt_file(tmp_path):
    """A child process saves answers in a loop and reports each finished save; it is killed with
    SIGKILL in the middle of its work. Every reported save must be there, the file intact."""
    path = tmp_path / "answers" / "training.sqlite"
    script = textwrap.dedent(f"""
        import datetime as dt, sys
        from lawkit.training.cards import library_cards
        from lawkit.training.session import Session
        from lawkit.training.store import ProgressStore
        cards = library_cards()
        moment = [dt.datetime(2025, 3, 3, 8, 0, tzinfo=dt.UTC)]
        def clock():
            moment[0] += dt.timedelta(seconds=1)
            return moment[0]
        session = Session(cards, ProgressStore({str(path)!r}), clock=clock, new_per_day=10**6, size=10**6)
        for card in cards:
            session.answer(card, card.expected or "ja")
            print(card.id, flush=True)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    reported: list[str] = []
    assert child.stdout is not None
    deadline = time.monotonic() + 120
    while len(reported) < 40 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        reported.append(line.strip())
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert len(reported) >= 40, "the child did not save"
    store = ProgressStore(path)  # opening rolls an interrupted transaction back
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        saved = [r[0] for r in db.execute("SELECT card_id FROM reviews ORDER BY id")]
        cards_saved = {r[0] for r in db.execute("SELECT card_id FROM cards")}
    assert saved[:len(reported)] == reported  # nothing reported as saved is lost
    assert len(saved) <= len(reported) + 1  # at most the save under way when killed
    assert cards_saved == set(saved)  # each answer together with its card's schedule
    assert len(store.load()) == len(saved)
    # the student goes on: the next save works and leaves only the progress file behind
    session = Session(library_cards(), store, clock=Clock(T0 + dt.timedelta(days=1)))
    card = session.next_card()
    session.answer(card, card.expected or "ja")
    assert sorted(p.name for p in path.parent.iterdir()) == ["training.sqlite"]
    assert store.review_count() == len(saved) + 1


def test_a_foreign_sqlite_file_is_refused_in_german_and_not_changed(tmp_path):
    path = tmp_path / "training.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE noten (x)")
    before = path.read_bytes()
    with pytest.raises(LawkitError) as caught:
        ProgressStore(path)
    assert str(caught.value) == (
        f"{path}: diese SQLite-Datei ist kein Lernstand des lawkit-Trainers (sie enthält noten) und wird nicht "
        "verändert; erwartet die Datei, die der Trainer angelegt hat, oder einen anderen Dateinamen")
    assert path.read_bytes() == before


def test_a_gradebook_is_not_a_progress_file(tmp_path):
    from lawkit.grading.gradebook import Gradebook

    path = tmp_path / "gradebook.sqlite"
    Gradebook(path).close()
    with pytest.raises(LawkitError, match="kein Lernstand des lawkit-Trainers"):
        ProgressStore(path)


@pytest.mark.parametrize(("content", "message"), [
    (b"das ist kein SQLite" * 100, "Lernstand des Trainers: die Datei ist keine SQLite-Datenbank"),
    ("truncated", "Lernstand des Trainers: die Datei ist"),
])
def test_a_damaged_file_gets_a_german_message(tmp_path, cards, content, message):
    path = tmp_path / "training.sqlite"
    if content == "truncated":
        session = Session(cards, ProgressStore(path), clock=Clock(), new_per_day=100, size=100)
        for _ in range(60):
            card = session.next_card()
            session.answer(card, card.expected or "ja")
        raw = path.read_bytes()
        path.write_bytes(raw[: len(raw) // 2] + b"\x00" * 512 + raw[len(raw) // 2 + 512:])
    else:
        path.write_bytes(content)
    with pytest.raises(LawkitError) as caught:
        ProgressStore(path).load()
    assert str(caught.value).startswith(f"{path}: {message}")
    assert "Traceback" not in str(caught.value)


def test_a_newer_schema_and_a_folder_are_refused(tmp_path):
    path = tmp_path / "training.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("PRAGMA user_version = 7")
        db.execute("CREATE TABLE cards (x)")
        db.execute("CREATE TABLE reviews (x)")
    with pytest.raises(LawkitError, match=r"stammt von einer neueren lawkit-Version \(Schema 7\)"):
        ProgressStore(path)
    (tmp_path / "ordner.sqlite").mkdir()
    with pytest.raises(LawkitError, match="das ist keine Datei"):
        ProgressStore(tmp_path / "ordner.sqlite")


def test_a_read_only_store_never_writes(tmp_path, cards):
    path = tmp_path / "training.sqlite"
    session = Session(cards, ProgressStore(path), clock=Clock())
    card = session.next_card()
    session.answer(card, card.expected)
    before = path.read_bytes()
    store = ProgressStore(path, read_only=True)
    assert [c.answers for c in store.topic_counts()] == [1]
    with pytest.raises(LawkitError, match="nur zum Lesen"):
        Session(cards, store, clock=Clock()).answer(card, card.expected)
    assert path.read_bytes() == before
