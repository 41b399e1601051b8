"""The trainer widget in the kernel: keys and buttons, feedback with the reason, progress kept
across a new trainer on the same file, and a German message (no traceback) for a bad file."""

from __future__ import annotations

import html
import sqlite3

from lawkit.training.cards import library_cards
from lawkit.training.session import feedback
from lawkit.widgets import Trainer, trainer


def _text(fragment: str) -> str:
    import re

    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", fragment).split()))


def test_answer_by_key_and_by_button_see_feedback_and_keep_progress(tmp_path):
    path = tmp_path / "answers" / "training.sqlite"
    app = trainer(path)
    cards = library_cards()
    assert not path.exists()
    assert "Heute fällig: 20 Karten (0 zur Wiederholung, 20 neu)" in _text(app.status.value)
    first = app.card
    assert first.id == cards[0].id and f'data-card="{first.id}"' in app.card_view.value
    assert [b.description for b in app.controls.children] == ["ja (j)", "nein (n)", "offen (o)"]
    app.keys._handle_custom_msg({"key": "n"}, [])  # the key j/n/o as the page sends it
    assert app.state == "feedback"
    assert _text(app.feedback_view.value).startswith(
        _text(feedback(first, "nein").headline) + " " + _text(first.reason))
    assert 'data-right="false"' in app.feedback_view.value
    app.press("j")  # no second answer to the same card
    assert app.session.store.review_count() == 1
    app.keys._handle_custom_msg({"key": "Enter"}, [])
    second = app.card
    assert second.id == cards[1].id and app.state == "question"
    app.buttons["ja"].click()
    assert 'data-right="true"' in app.feedback_view.value
    app.next_button.click()
    assert "Heute beantwortet: 2, davon 1 richtig" in _text(app.status.value)

    again = trainer(path)  # a reload: a new kernel on the same file
    assert "Heute beantwortet: 2, davon 1 richtig" in _text(again.status.value)
    assert again.card.id == cards[2].id
    assert "2 in Arbeit" in _text(again.chart.value)


def test_a_self_rated_card_is_revealed_with_enter_and_rated_with_j_o_n(tmp_path):
    cards = [c for c in library_cards() if c.self_rated][:1]
    app = Trainer(cards, tmp_path / "t.sqlite")
    assert [b.description for b in app.controls.children] == ["Lösung zeigen (Enter)"]
    app.press("j")  # rating before seeing the answer is ignored
    assert app.state == "question"
    app.press("Enter")
    assert app.state == "reveal" and _text(cards[0].back) in _text(app.feedback_view.value)
    assert [b.description for b in app.controls.children] == ["gewusst (j)", "nicht gewusst (n)", "unsicher (o)"]
    app.press("o")
    assert _text(app.feedback_view.value).startswith("Selbst bewertet: unsicher.")


def test_a_foreign_progress_file_stops_the_trainer_with_a_german_message(tmp_path):
    path = tmp_path / "training.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE fremd (x)")
    app = trainer(path)
    text = _text(app.card_view.value)
    assert text.startswith(f"{path}: diese SQLite-Datei ist kein Lernstand des lawkit-Trainers")
    assert text.endswith("Ihr bisheriger Lernstand wird nicht verändert.")
    assert "Traceback" not in text and app.controls.children == ()
    app.press("j")  # nothing happens, nothing is written
    assert repr(app).startswith("Trainer: ")


def test_when_nothing_is_due_the_trainer_says_so(tmp_path):
    cards = [c for c in library_cards() if not c.self_rated][:1]
    app = Trainer(cards, tmp_path / "t.sqlite")
    app.press(cards[0].expected)
    app.press("Enter")
    # the card is in its learning step of ten minutes and is learned ahead once
    assert app.card is not None and app.card.id == cards[0].id
    app.press(cards[0].expected)
    app.press("Enter")
    assert app.card is None
    assert _text(app.card_view.value).startswith("Heute ist keine Karte mehr fällig.")
    assert "Für heute ist alles erledigt." in _text(app.status.value)
