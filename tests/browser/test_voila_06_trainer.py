"""Notebook 06 (Trainer) as the Voilà app: three cards answered by click and by keyboard, the
feedback exactly as lawkit computes it, then a reload – a new kernel – keeps the progress.

The notebook runs from a copy in a temporary folder, so its progress file
(answers/training.sqlite beside the notebook) is the test's own. The expected texts come from
the same trainer run in the test process on a second file, answered the same way."""

from __future__ import annotations

import re
import shutil
import sqlite3
from html import unescape

import pytest

from lawkit.training.cards import library_cards
from lawkit.widgets import Trainer
from tests.browser import harness, pages

pytestmark = pytest.mark.browser

NOTEBOOK = "06_trainer"


def _text(fragment: str) -> str:
    """What a browser's textContent shows of lawkit's HTML (tags dropped, spaces normalized)."""
    return pages.normalize(unescape(re.sub(r"<[^>]+>", "", fragment)))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory, browser):
    folder = tmp_path_factory.mktemp("trainer_app")
    shutil.copy(harness.NOTEBOOKS / f"{NOTEBOOK}.ipynb", folder / f"{NOTEBOOK}.ipynb")
    return folder


@pytest.fixture(scope="module")
def voila(workdir):
    with harness.voila_server(workdir / f"{NOTEBOOK}.ipynb") as server:
        yield server


def test_three_cards_by_click_and_keyboard_then_reload_keeps_progress(page, voila, workdir, tmp_path):
    cards = library_cards()
    mirror = Trainer(cards, tmp_path / "mirror.sqlite")
    trainer = pages.TrainerPage(page)

    page.goto(voila.url, timeout=harness.RENDER_TIMEOUT_MS)
    assert pages.cell_errors(page) == []
    trainer.wait_rendered()
    assert pages.widget_problems(page) == []
    assert page.get_by_text("from lawkit.widgets import trainer").count() == 0  # Voilà shows no code
    assert trainer.status() == _text(mirror.status.value)
    assert trainer.card_id() == mirror.card.id == cards[0].id

    # card 1: clicked, answered right
    trainer.click("ja")
    mirror.press("ja")
    shown = trainer.wait_text("#lawkit-trainer-feedback", _text(mirror.feedback_view.value))
    assert shown.startswith("Richtig: ja.")
    assert page.locator("#lawkit-trainer-feedback[data-right='true']").count() == 1
    trainer.key("Enter")
    mirror.press("Enter")
    trainer.wait_card(mirror.card.id)

    # card 2: by keyboard, answered wrong
    wrong = next(o for o in mirror.card.options if o != mirror.card.expected)
    trainer.key(wrong[0])
    mirror.press(wrong[0])
    shown = trainer.wait_text("#lawkit-trainer-feedback", _text(mirror.feedback_view.value))
    assert shown.startswith(f"Nicht ganz. Richtig ist: {mirror.card.expected}.")
    assert page.locator("#lawkit-trainer-feedback[data-right='false']").count() == 1
    trainer.click("next")
    mirror.press("Enter")
    trainer.wait_card(mirror.card.id)

    # card 3: by keyboard, right
    right = mirror.card.expected
    trainer.key(right[0])
    mirror.press(right[0])
    trainer.wait_text("#lawkit-trainer-feedback", _text(mirror.feedback_view.value))
    trainer.key("Enter")
    mirror.press("Enter")
    trainer.wait_card(mirror.card.id)
    assert "Heute beantwortet: 3, davon 2 richtig" in trainer.status()

    saved = workdir / "answers" / "training.sqlite"
    with sqlite3.connect(saved) as db:
        assert [r[0] for r in db.execute("SELECT correct FROM reviews ORDER BY id")] == [1, 0, 1]

    # the student opens the app again (a new tab, a fresh kernel): it reads the progress file and
    # continues with the fourth card. (A reload of the same tab does the same, but Voilà 0.5 posts
    # its kernel-shutdown beacon without the _xsrf token and logs a 403 in the console.)
    page = page.context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    trainer = pages.TrainerPage(page)
    page.goto(voila.url, timeout=harness.RENDER_TIMEOUT_MS)
    trainer.wait_rendered()
    again = Trainer(cards, tmp_path / "mirror.sqlite")
    trainer.wait_card(again.card.id)
    assert again.card.id == cards[3].id
    assert trainer.status() == _text(again.status.value)
    assert "Heute beantwortet: 3, davon 2 richtig" in trainer.status()
    assert trainer.wait_text("#lawkit-trainer-chart", _text(again.chart.value)).startswith(
        "Ihr Fortschritt je Norm")
    assert errors == []
