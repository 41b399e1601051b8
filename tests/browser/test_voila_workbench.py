"""The workbench widget itself in Voilà, on a one-cell notebook of its own (independent of the
workbook's notebooks): every click must show exactly what lawkit computes for the new facts."""

from __future__ import annotations

import nbformat
import pytest

from lawkit import default_library
from tests.browser import harness, pages

pytestmark = pytest.mark.browser

CASE = "bafin_angestellte"
ROOT_203 = "§ 203 Abs. 2 S. 1 Nr. 1 StGB – Verletzung von Privatgeheimnissen"


@pytest.fixture(scope="module")
def voila(browser, tmp_path_factory):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(f"from lawkit.widgets import workbench\nworkbench({CASE!r})")]
    notebook.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    path = tmp_path_factory.mktemp("werkbank") / "werkbank.ipynb"
    nbformat.write(notebook, path)
    with harness.voila_server(path) as server:
        yield server


@pytest.fixture
def bench(app_page):
    view = pages.WorkbenchPage(app_page)
    view.wait_rendered()
    return view


def test_first_view_is_the_sachverhalt_in_gutachtenstil(bench):
    case = default_library().case(CASE)
    state = bench.state()
    assert state.facts == {key: fact.answer.value for key, fact in case.facts.items()}
    assert state.style == "Gutachtenstil"
    assert state.views == {"geheimnisbegriff": "Geheimhaltungsinteresse erforderlich (h.M.)"}
    expected = pages.expected_for(CASE, state)
    bench.assert_shows(expected)
    assert f"{ROOT_203}: erfüllt (kumulativ – und)" in expected.schema
    assert "Förmliche Verpflichtung: nicht geprüft" in expected.schema
    bench.open_tab("Gutachten")
    gutachten = bench.page.locator("#lawkit-gutachten")
    assert gutachten.is_visible()
    assert "Ergebnis: R hat sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht. " \
           "Die Tat ist verfolgbar." in gutachten.inner_text()


def test_no_vorsatz_ends_the_examination_at_the_subjective_tatbestand(bench):
    bench.open_tab("Gutachten")
    before = bench.expected(CASE)
    bench.click_fact("vorsatz_offenbaren", "nein")
    state = bench.state()
    assert state.facts["vorsatz_offenbaren"] == "nein"
    after = pages.expected_for(CASE, state)
    bench.assert_shows(after)
    added = [block for block in after.gutachten if block not in before.gutachten]
    removed = [block for block in before.gutachten if block not in after.gutachten]
    assert "Ergebnis: R hat sich nicht gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht." in added
    assert "II. Rechtswidrigkeit" in removed and "IV. Strafantrag (§ 205 Abs. 1 S. 1 StGB)" in removed
    shown = bench.page.locator("#lawkit-gutachten").inner_text()
    assert all(block.split(". ")[0] in shown for block in added)
    assert "II. Rechtswidrigkeit" not in shown
    assert f"{ROOT_203}: nicht erfüllt (kumulativ – und)" in after.schema
    assert "Subjektiver Tatbestand – Vorsatz: nicht erfüllt" in after.schema
    status = bench.page.locator(".lawkit-item:has(.lawkit-fact-vorsatz_offenbaren) .lawkit-changed")
    assert status.inner_text().startswith("Abweichend vom Sachverhalt (dort: ja).")


def test_open_fact_leaves_the_result_open_and_back_again(bench):
    bench.click_fact("vorsatz_offenbaren", "offen")
    opened = bench.expected(CASE)
    bench.assert_shows(opened)
    assert f"{ROOT_203}: offen (kumulativ – und)" in opened.schema
    assert any(line.startswith("Entscheidend offen: ") for line in opened.schema)
    bench.click_fact("vorsatz_offenbaren", "ja")
    assert bench.state().facts["vorsatz_offenbaren"] == "ja"
    bench.assert_shows(bench.expected(CASE))
    assert bench.page.locator(".lawkit-changed").count() == 0


def test_urteilsstil_puts_the_result_first(bench):
    bench.open_tab("Gutachten")
    bench.click_style("Urteilsstil")
    state = bench.state()
    assert state.style == "Urteilsstil"
    expected = pages.expected_for(CASE, state)
    bench.wait_texts("lawkit-gutachten", pages.GUTACHTEN_BLOCKS, expected.gutachten)
    shown = bench.page.locator("#lawkit-gutachten").inner_text()
    assert "R könnte sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht haben" not in shown
    assert "Die Tat ist verfolgbar." in shown


def test_other_view_in_the_meinungsstreit(bench):
    bench.open_tab("Meinungsstreit")
    bench.choose_view("geheimnisbegriff", "Beschränkte Bekanntheit genügt")
    state = bench.state()
    assert state.views == {"geheimnisbegriff": "Beschränkte Bekanntheit genügt"}
    expected = pages.expected_for(CASE, state)
    bench.assert_shows(expected)
    assert any("nach der Ansicht „Beschränkte Bekanntheit genügt“" in line for line in expected.schema)
