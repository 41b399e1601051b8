"""The Fallsammlung app (`make app NB=fallsammlung`) in Voilà with a temporary course folder: the
app finds the course from its working directory, lists the course's case beside the library's,
and picking it opens the workbench, where a click on a fact changes the Gutachten exactly as
lawkit computes it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawkit.loading.kurs import ENV_VAR
from tests.browser import harness, pages

pytestmark = pytest.mark.browser

NOTEBOOK = "fallsammlung"
EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "kurs_strafrecht"
CASE = "kurs_akte"
ROOT = ".lawkit-gallery .lawkit-workbench"


@pytest.fixture(scope="module")
def kurs(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fallsammlung") / "strafrecht"
    shutil.copytree(EXAMPLE, root)
    return root


@pytest.fixture(scope="module")
def voila(browser, kurs):
    """Voilà on the app notebook, copied into the course folder: the kernel's working directory
    is the course folder, so the app finds it as the README says (no option, no variable)."""
    notebook = harness.NOTEBOOKS / f"{NOTEBOOK}.ipynb"
    if not notebook.exists():
        pytest.skip(f"Browser-Tests übersprungen: notebooks/{NOTEBOOK}.ipynb fehlt")
    shutil.copy(notebook, kurs / notebook.name)
    with harness.voila_server(kurs / notebook.name) as server:
        yield server


def _label(text: str) -> str:
    return " ".join(text.split())


def test_pick_a_course_case_and_click_a_fact(app_page, kurs, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(kurs))  # the expected texts, computed here, see the same course
    from lawkit.widgets import fallsammlung

    sammlung = fallsammlung()
    entry = next(e for e in sammlung.entries if e.case_id == CASE)
    assert entry.source == "Strafrecht BT – Übung (Beispielkurs der Tests)"
    page = app_page
    search = page.locator(".lawkit-gallery-search input")
    search.wait_for(state="visible", timeout=harness.RENDER_TIMEOUT_MS)
    options = page.locator(".lawkit-gallery-cases select option")
    assert options.count() == len(sammlung.entries)
    search.fill("246")  # search by norm: only the course's case examines § 246 StGB
    page.wait_for_function("() => document.querySelectorAll('.lawkit-gallery-cases select option')"
                           ".length === 1", timeout=20_000)
    assert _label(options.first.inner_text()) == entry.label
    assert page.locator(".lawkit-gallery-count").inner_text() == \
        f"1 von {len(sammlung.entries)} Fällen zur Suche „246“"
    page.locator(".lawkit-gallery-cases select").select_option(label=entry.label)

    bench = pages.WorkbenchPage(page, ROOT)
    bench.wait_rendered()
    assert page.locator(f"{ROOT} .lawkit-sachverhalt h2").inner_text() == "Das Original aus der Akte"
    bench.open_tab("Gutachten")
    before = bench.expected(CASE)
    bench.assert_shows(before)
    assert "Ergebnis: A hat sich gemäß § 246 Abs. 1 StGB strafbar gemacht." in before.gutachten

    bench.click_fact("vorsatz_246", "nein")
    after = bench.expected(CASE)
    assert bench.state().facts["vorsatz_246"] == "nein"
    bench.assert_shows(after)
    assert "Ergebnis: A hat sich nicht gemäß § 246 Abs. 1 StGB strafbar gemacht." in after.gutachten
    shown = page.locator(f"{ROOT} #lawkit-gutachten").inner_text()
    assert "A hat sich nicht gemäß § 246 Abs. 1 StGB strafbar gemacht." in shown
