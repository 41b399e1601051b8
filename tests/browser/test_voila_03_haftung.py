"""Notebook 03 (Haftung: Amtshaftung, Schutzgesetz, Haftungsüberleitung) as the Voilà app."""

from __future__ import annotations

import pytest

from tests.browser import pages

pytestmark = pytest.mark.browser

NOTEBOOK = "03_haftung"
CASE = "amtshaftung_bafin"



def test_every_widget_renders_and_shows_what_lawkit_computes(app_page, bench):
    assert pages.widget_problems(app_page) == []
    assert app_page.locator(".lawkit-selfcheck").count() == 1
    expected = bench.expected(CASE)
    bench.assert_shows(expected)


def test_without_beamtenstatus_823_ii_applies_next_to_839_and_the_bafin_stays_liable(bench):
    bench.open_tab("Konkurrenzen und Verfolgbarkeit")
    bench.click_fact("beamter_staatsrechtlich", "ja")
    before = bench.expected(CASE)
    bench.assert_shows(before)
    # the Sperrwirkung is a question of Anwendbarkeit, examined before the Tatbestand
    assert ("Anwendbarkeit: neben § 839 Abs. 1 S. 1 BGB i.V.m. Art. 34 S. 1 GG nicht anwendbar "
            "(Sperrwirkung).") in before.summary[1]
    assert "Anwendbarkeit neben § 839 Abs. 1 S. 1 BGB: nicht erfüllt" in before.schema
    assert before.summary[1].endswith("Anwendbar: Rechtsfolge tritt ein: nicht erfüllt")
    bench.click_fact("beamter_staatsrechtlich", "nein")
    after = bench.expected(CASE)
    bench.assert_shows(after)
    assert ("Anwendbarkeit: neben § 839 Abs. 1 S. 1 BGB i.V.m. Art. 34 S. 1 GG anwendbar; die "
            "Sperrwirkung greift nicht.") in after.summary[1]
    assert ("Anwendbar: Rechtsfolge tritt ein: erfülltRechtsfolge: Ersatz des durch den Verstoß "
            "entstandenen Schadens.") in after.summary[1]
    # the claim lies against B, but under Art. 34 GG the BaFin is the Haftungsadressatin (Fn. 38)
    assert "Haftungsadressatin ist dann die BaFin als Dienstherrin." in after.summary[1]
    assert "sie ist daher Anspruchsgegnerin." in after.summary[0]
    shown = bench.page.locator(f"{bench.root} #lawkit-summary").inner_text()
    assert "die Sperrwirkung greift nicht" in shown
