"""Notebook 05 (Bewertung) as the Voilà app: it runs (grading, notebook, class batch) and its
self-check answers in the browser exactly as lawkit's feedback says."""

from __future__ import annotations

import pytest

from lawkit.widgets import self_check
from lawkit.widgets._selfcheck import feedback
from tests.browser import harness, pages

pytestmark = pytest.mark.browser

NOTEBOOK = "05_bewertung"


def test_every_widget_and_the_grade_distribution_render(app_page):
    app_page.wait_for_selector(".lawkit-selfcheck .lawkit-check-durchschnitt", timeout=harness.RENDER_TIMEOUT_MS)
    assert pages.widget_problems(app_page) == []
    assert app_page.locator(".lawkit-selfcheck").count() == 1
    assert app_page.locator(".jp-OutputArea-output img").count() >= 1  # the grade distribution


def test_the_average_is_cut_not_rounded(app_page):
    question = self_check(NOTEBOOK).question("durchschnitt")
    check = pages.SelfCheckPage(app_page)
    app_page.wait_for_selector(".lawkit-selfcheck .lawkit-check-durchschnitt", timeout=harness.RENDER_TIMEOUT_MS)

    check.check("durchschnitt")
    assert check.wait_feedback("durchschnitt", "Bitte wählen Sie zuerst eine Antwort.")

    check.choose("durchschnitt", "8,67 – befriedigend")
    check.check("durchschnitt")
    shown = check.wait_feedback("durchschnitt", feedback(question, "8,67 – befriedigend", detail=False))
    assert shown.startswith("Nicht ganz. Richtig ist: 8,66 – befriedigend.")
    assert app_page.locator(".lawkit-feedback-durchschnitt [data-right='false']").count() == 1

    check.choose("durchschnitt", "8,66 – befriedigend")
    check.check("durchschnitt")
    shown = check.wait_feedback("durchschnitt", feedback(question, "8,66 – befriedigend", detail=False))
    assert shown.startswith("Richtig. 26 : 3 = 8,666…; § 2 JurPrNotSkV verlangt zwei Dezimalstellen ohne Rundung")
    assert app_page.locator(".lawkit-feedback-durchschnitt [data-right='true']").count() == 1
