"""Notebook 02 (Strafbarkeit wegen Verletzung der Verschwiegenheitspflicht) as the Voilà app."""

from __future__ import annotations

import pytest

from tests.browser import pages

pytestmark = pytest.mark.browser

NOTEBOOK = "02_strafrecht_verschwiegenheit"
CASES = ["pruefer_findag", "ad_hoc_pflicht", "verkauf_an_konkurrenten", "dienstgeheimnis_presse"]


@pytest.fixture
def benches(app_page):
    benches = pages.workbenches(app_page)
    assert [case for _, case in benches] == CASES
    return {case: bench for bench, case in benches}


def test_every_widget_renders_and_every_workbench_shows_what_lawkit_computes(app_page, benches):
    assert pages.widget_problems(app_page) == []
    assert app_page.locator(".lawkit-selfcheck").count() == 1
    for case, bench in benches.items():
        bench.assert_shows(bench.expected(case))


def test_without_formal_obligation_the_pruefer_is_outside_203_but_breaches_21_wphg(benches):
    bench = benches["pruefer_findag"]
    before = bench.expected("pruefer_findag")
    bench.click_fact("foermlich_verpflichtet", "nein")
    after = bench.expected("pruefer_findag")
    bench.assert_shows(after)
    assert "Förmliche Verpflichtung: nicht erfüllt" in after.schema
    assert "Täterkreis: nicht erfüllt (alternativ – oder)" in after.schema
    assert "§ 203 Abs. 2 S. 1 StGB – Verletzung von Privatgeheimnissen: nicht erfüllt (kumulativ – und)" in after.schema
    assert after.summary[1] == before.summary[1]  # § 21 WpHG: unchanged
    assert "Voraussetzungen der Vorschrift: erfüllt" in after.summary[1]
    assert "Somit gehört W nicht zum Täterkreis." in after.gutachten
    # The other workbenches on the page did not move.
    other = benches["ad_hoc_pflicht"]
    other.assert_shows(other.expected("ad_hoc_pflicht"))


def test_the_counter_view_makes_the_ad_hoc_fact_a_secret(benches):
    bench = benches["ad_hoc_pflicht"]
    bench.open_tab("Meinungsstreit")
    before = bench.expected("ad_hoc_pflicht")
    assert before.schema[0] == "§ 203 Abs. 2 S. 1 StGB – Verletzung von Privatgeheimnissen: nicht erfüllt (kumulativ – und)"
    bench.choose_view("geheimnisbegriff", "Beschränkte Bekanntheit genügt")
    state = bench.state()
    assert state.views == {"geheimnisbegriff": "Beschränkte Bekanntheit genügt"}
    after = pages.expected_for("ad_hoc_pflicht", state)
    bench.assert_shows(after)
    assert after.schema[0] == "§ 203 Abs. 2 S. 1 Nr. 1 StGB – Verletzung von Privatgeheimnissen: erfüllt (kumulativ – und)"
    assert "Geheimnis (Meinungsstreit: nach der Ansicht „Beschränkte Bekanntheit genügt“): erfüllt" in after.schema
    # § 21 WpHG fails under both views: its own wording requires a Geheimhaltungsinteresse.
    assert after.summary[1] == before.summary[1]
    assert "Voraussetzungen der Vorschrift: nicht erfüllt" in after.summary[1]
    assert after.disputes != before.disputes
