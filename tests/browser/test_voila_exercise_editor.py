"""The Gutachten editor of an exercise notebook as the Voilà app: a student writes a short
Gutachten, sees the word count, saves it (answers/<id>.md with front matter, read back by the
grader's own reader) and runs the Selbstkontrolle, which shows the annotated text exactly as
lawkit reads it – without the reference solution."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from lawkit import default_library
from lawkit.exercises import find_exercise, self_check
from lawkit.reading import read_prose
from lawkit.reading.annotate import margin
from tests.browser import harness, pages

pytestmark = pytest.mark.browser

EXERCISE = "e01_geheimnis"
NOTEBOOK = harness.ROOT / "exercises" / f"{EXERCISE}.ipynb"
TEXT = ("A. Strafbarkeit der R nach § 203 Abs. 2 S. 1 StGB\n\n"
        "R könnte sich nach § 203 Abs. 2 S. 1 StGB strafbar gemacht haben, indem sie ihrem Bruder von den "
        "Plänen der Y-GmbH erzählte.\n\n"
        "I. Geheimnis\n\n"
        "Es müsste sich um ein Geheimnis handeln. Geheimnisse sind Tatsachen, die nur einem beschränkten Kreis "
        "von Personen bekannt sind. Vom Kundenverlust wissen nur die Geschäftsführung, wenige Mitarbeiter und "
        "die BaFin. Ein Geheimnis liegt somit vor.\n\n"
        "II. Offenbaren\n\n"
        "Offenbaren (+), R hat es B erzählt.")


@pytest.fixture(scope="module")
def voila(browser: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[harness.Server]:
    """Voilà on a copy of the exercise notebook in a folder of its own: the editor saves into
    answers/ beside the notebook, never into the repository."""
    folder = tmp_path_factory.mktemp("uebung")
    notebook = folder / NOTEBOOK.name
    shutil.copy(NOTEBOOK, notebook)
    with harness.voila_server(notebook) as server:
        server.folder = folder  # type: ignore[attr-defined]
        yield server


def test_write_save_and_self_check_a_gutachten(app_page, voila):
    editor = pages.GutachtenEditorPage(app_page)
    app_page.wait_for_selector(".lawkit-gutachten-editor .lawkit-gutachten-text textarea",
                               timeout=harness.RENDER_TIMEOUT_MS)
    assert pages.widget_problems(app_page) == []
    assert editor.words("0 Wörter") == "0 Wörter"

    editor.write("1234567", TEXT)
    assert editor.words(f"{len(TEXT.split())} Wörter") == "82 Wörter"

    status = editor.save()
    saved = Path(voila.folder) / "answers" / f"{EXERCISE}.md"
    assert status.startswith(f"Gespeichert: answers/{EXERCISE}.md (")
    assert status.endswith(", 82 Wörter)")
    document = read_prose(saved)  # what the grader will read
    assert (document.exercise, document.student, document.text) == (EXERCISE, "1234567", TEXT)

    shown = editor.self_check()
    expected = self_check(TEXT, find_exercise(EXERCISE), default_library())
    assert pages.normalize(shown.locator("h3").first.text_content() or "") == "Selbstkontrolle – keine Bewertung"
    missing = [pages.normalize(t) for t in shown.locator("ul").first.locator("li").all_text_contents()]
    assert missing == list(expected.missing) == [
        "§ 203 Abs. 2 S. 1 StGB: „Subjektiver Tatbestand – Vorsatz“ nicht erörtert",
        "§ 203 Abs. 2 S. 1 StGB: „Rechtswidrigkeit“ nicht erörtert",
        "§ 203 Abs. 2 S. 1 StGB: „Schuld“ nicht erörtert",
        "§ 203 Abs. 2 S. 1 StGB: „Strafantrag“ nicht erörtert",
        "ein Gesamtergebnis, das die Fallfrage beantwortet",
    ]
    # the annotated text: the student's own words, the points coloured by the result read, the
    # margin notes an examiner writes – the same as lawkit's reading
    notes = [pages.normalize(t) for t in shown.locator("td.lk-margin .lk-note").all_text_contents()]
    assert notes == [text for block in sorted(margin(expected.reading).items()) for text, _ in block[1]]
    assert "Telegrammstil" in notes and "Definition" in notes
    assert shown.locator(".lk-pp.lk-pos").count() >= 2  # Geheimnis and Offenbaren read as erfüllt
    body = pages.normalize(shown.locator("table").first.text_content() or "")
    assert "Es müsste sich um ein Geheimnis handeln." in body
    page_text = pages.normalize(shown.text_content() or "")
    for word in ("vertretbar", "Punkte", "Lösungsskizze"):
        assert word not in page_text
