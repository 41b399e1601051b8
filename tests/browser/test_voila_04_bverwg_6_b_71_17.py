"""Notebook 04 (BVerwG 6 B 71.17) as the Voilà app: leaving the admissibility open (Rn. 5)."""

from __future__ import annotations

import pytest

from tests.browser import pages

pytestmark = pytest.mark.browser

NOTEBOOK = "04_bverwg_6_b_71_17"
CASE = "bverwg_6_b_71_17"



def test_every_widget_renders_and_shows_what_lawkit_computes(app_page, bench):
    assert pages.widget_problems(app_page) == []
    assert app_page.locator(".lawkit-selfcheck").count() >= 1
    expected = bench.expected(CASE)
    bench.assert_shows(expected)
    assert "Kein Verschulden des Prozessbevollmächtigten: offen – kann dahinstehen" in expected.schema
    assert "Zulässigkeit der Beschwerde: offen – kann dahinstehen (kumulativ – und)" in expected.schema


def test_the_fault_question_changes_the_reasoning_but_not_the_result(bench):
    opened = bench.expected(CASE)
    bench.click_fact("wv_verschulden_bevollmaechtigter", "ja")
    fault = bench.expected(CASE)
    bench.assert_shows(fault)
    assert "Zulässigkeit der Beschwerde: nicht erfüllt (kumulativ – und)" in fault.schema
    assert "Darlegung eines Revisionszulassungsgrundes: nicht geprüft (alternativ – oder)" in fault.schema
    bench.click_fact("wv_verschulden_bevollmaechtigter", "nein")
    no_fault = bench.expected(CASE)
    bench.assert_shows(no_fault)
    assert "Kein Verschulden des Prozessbevollmächtigten: erfüllt" in no_fault.schema
    assert "Darlegung eines Revisionszulassungsgrundes: nicht erfüllt (alternativ – oder)" in no_fault.schema
    # Rn. 5: whichever way the open question goes, the Beschwerde fails.
    assert opened.summary == fault.summary == no_fault.summary
    assert "Voraussetzungen der Vorschrift: nicht erfüllt" in no_fault.summary[0]
