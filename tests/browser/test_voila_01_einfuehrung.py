"""Notebook 01 (Einführung) as the Voilà classroom app, in Chromium."""

from __future__ import annotations

import pytest

from lawkit import default_library
from tests.browser import pages

pytestmark = pytest.mark.browser

NOTEBOOK = "01_einfuehrung"
CASE = "bafin_angestellte"
ROOT_203 = "§ 203 Abs. 2 S. 1 Nr. 1 StGB – Verletzung von Privatgeheimnissen"



def test_every_widget_renders_and_shows_what_lawkit_computes(app_page, bench):
    assert pages.widget_problems(app_page) == []
    assert app_page.locator(".lawkit-selfcheck").count() == 1
    assert app_page.locator(".jp-OutputArea-output img").count() >= 1  # the Prüfungsschema as a picture
    state = bench.state()
    # The app opens on the Sachverhalt, in Gutachtenstil and ausführlich: the notebook's what-ifs
    # run on a second workbench that the app does not show.
    assert state.facts == {key: fact.answer.value for key, fact in default_library().case(CASE).facts.items()}
    assert (state.style, state.level) == ("Gutachtenstil", "ausführlich")
    expected = pages.expected_for(CASE, state)
    bench.assert_shows(expected)
    assert f"{ROOT_203}: erfüllt (kumulativ – und)" in expected.schema
    assert "Förmliche Verpflichtung: nicht geprüft" in expected.schema  # R is an Amtsträgerin
    assert [case for _, case in pages.workbenches(app_page)] == [CASE]  # the what-ifs are not shown


def test_open_strafantrag_leaves_only_the_prosecution_open(bench):
    bench.open_tab("Konkurrenzen und Verfolgbarkeit")
    before = bench.expected(CASE)
    bench.click_fact("strafantrag_gestellt", "offen")
    state = bench.state()
    assert state.facts["strafantrag_gestellt"] == "offen"
    after = pages.expected_for(CASE, state)
    bench.assert_shows(after)
    assert f"{ROOT_203}: erfüllt (kumulativ – und)" in after.schema  # the crime stays made out
    assert "Strafantrag gestellt: offen – entscheidend" in after.schema
    assert "Verfolgbarkeit: Strafantrag: erfüllt" in before.summary[0]
    assert "Verfolgbarkeit: Strafantrag: offen" in after.summary[0]
    summary = bench.page.locator(f"{bench.root} #lawkit-summary")
    assert summary.is_visible()
    assert "Strafantrag: offen" in summary.inner_text()


def test_no_vorsatz_ends_the_gutachten_after_the_tatbestand(bench):
    bench.open_tab("Gutachten")
    bench.click_fact("vorsatz_offenbaren", "nein")
    after = bench.expected(CASE)
    bench.assert_shows(after)
    assert f"{ROOT_203}: nicht erfüllt (kumulativ – und)" in after.schema
    assert "Rechtswidrigkeit: nicht geprüft" in after.schema
    shown = bench.page.locator(f"{bench.root} #lawkit-gutachten").inner_text()
    assert "R hat sich nicht gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht." in shown
    assert "Rechtswidrigkeit" not in shown
