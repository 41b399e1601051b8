"""The workbench in JupyterLab itself: open a copy of notebook 01, run all cells from the Run menu,
click a fact, and see the Gutachten lawkit computes."""

from __future__ import annotations

import pytest

from tests.browser import harness, pages

pytestmark = pytest.mark.browser

NOTEBOOK = "01_einfuehrung"
CASE = "bafin_angestellte"


def test_run_all_then_a_click_rewrites_the_gutachten(lab, page):
    page.goto(lab.open_url(f"{NOTEBOOK}.ipynb"), timeout=harness.RENDER_TIMEOUT_MS)
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook", timeout=harness.RENDER_TIMEOUT_MS)
    pages.lab_run_all(page)
    assert pages.cell_errors(page) == []
    benches = pages.workbenches(page)
    assert [case for _, case in benches] == [CASE]
    bench = benches[0][0]
    assert pages.widget_problems(page) == []
    bench.assert_shows(bench.expected(CASE))

    bench.open_tab("Gutachten")
    bench.click_fact("vorsatz_offenbaren", "nein")
    state = bench.state()
    assert state.facts["vorsatz_offenbaren"] == "nein"
    after = pages.expected_for(CASE, state)
    bench.assert_shows(after)
    assert "§ 203 Abs. 2 S. 1 Nr. 1 StGB – Verletzung von Privatgeheimnissen: nicht erfüllt (kumulativ – und)" in after.schema
    output = page.locator(".jp-OutputArea-output", has=page.locator(bench.root))
    assert "R hat sich nicht gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht." in output.inner_text()
