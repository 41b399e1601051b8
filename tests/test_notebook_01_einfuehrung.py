"""The Selbstkontrolle of notebook 01_einfuehrung agrees with the engine on the cases it is about.

Each test derives the right option from a real check (no hard-coded results) and asserts that the
self-check YAML marks exactly that option as right, and that the feedback says so.
"""

from __future__ import annotations

import pytest

from lawkit import Result, check
from lawkit.widgets import self_check

NAME = "01_einfuehrung"


@pytest.fixture(scope="module")
def sc():
    return self_check(NAME)


def _right(sc, question_id: str) -> tuple[str, ...]:
    return sc.question(question_id).richtig


def test_every_question_has_one_right_option_and_a_fundstelle_or_reason(sc):
    assert [q.id for q in sc.questions] == [
        "reihenfolge", "drei_werte", "dahinstehen", "vorsatz_offen", "in_dubio", "strafantrag",
        "urteilsstil"]
    for question in sc.questions:
        assert len(question.richtig) == 1 and question.richtig[0] in question.optionen
        assert sc.answer(question.id, question.richtig[0]).startswith("Richtig. ")
        wrong = next(o for o in question.optionen if o not in question.richtig)
        assert sc.answer(question.id, wrong).startswith(f"Nicht ganz. Richtig ist: {question.richtig[0]}.")


def test_foermliche_verpflichtung_is_open_and_need_not_be_decided(sc, library):
    result = check(library.case("bafin_angestellte"), library).norm("stgb_203_2_1")
    besonders = result.root.find("besonders_verpflichteter")
    foermlich = besonders.referenced.find("foermlich_verpflichtet")
    assert _right(sc, "drei_werte") == (foermlich.result.value,) == ("offen",)
    # R is an Amtsträgerin: Nr. 1 carries the Täterkreis, and "ohne Amtsträger zu sein" excludes Nr. 2
    assert result.root.find("amtstraeger").result is Result.ERFUELLT
    assert besonders.result is Result.NICHT_ERFUELLT and not besonders.examined
    assert besonders.referenced.find("kein_amtstraeger").result is Result.NICHT_ERFUELLT
    assert _right(sc, "dahinstehen")[0].startswith("Weil R Amtsträgerin ist")


def test_a_final_sachverhalt_decides_the_doubt_for_r(sc, library):
    result = check(library.case("bafin_angestellte.vorsatz_zweifel"), library)
    assert result.norm("stgb_203_2_1").result is Result.OFFEN  # the check stays three-valued
    text = result.gutachten().text()
    assert "R hat sich nicht gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht (in dubio pro reo)." in text
    assert _right(sc, "in_dubio") == ("R hat sich nicht strafbar gemacht (in dubio pro reo)",)


def test_open_vorsatz_leaves_the_result_open(sc, library):
    result = check(library.case("bafin_angestellte.vorsatz_offen"), library).norm("stgb_203_2_1")
    assert _right(sc, "vorsatz_offen") == (result.result.value,) == ("offen",)
    assert result.deciding == ("vorsatz_offenbaren",)


def test_without_strafantrag_the_crime_is_made_out_but_not_prosecutable(sc, library):
    result = check(library.case("bafin_angestellte.kein_strafantrag"), library).norm("stgb_203_2_1")
    assert (result.result, result.prosecutable) == (Result.ERFUELLT, Result.NICHT_ERFUELLT)
    assert _right(sc, "strafantrag") == ("R hat sich strafbar gemacht, die Tat wird aber nicht verfolgt",)


def test_gutachtenstil_asks_first_and_urteilsstil_states_the_result_first(sc, library):
    result = check(library.case("bafin_angestellte"), library)
    gutachten = result.gutachten("gutachten").text()
    urteil = result.gutachten("urteilsstil").text()
    assert ("R könnte sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht haben, indem sie ihrem "
            "Bruder B von dem Kundenverlust und den Schließungsplänen der Y-GmbH erzählte.") in gutachten
    heading = "A. § 203 Abs. 2 S. 1 Nr. 1 StGB – Verletzung von Privatgeheimnissen\n\n"
    assert heading + "R hat sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht." in urteil
    assert _right(sc, "urteilsstil") == ("Mit dem Ergebnis, dem die Begründung folgt",)
    # the Gutachtenstil order: Obersatz, Definition, then the Subsumtion under the Sachverhalt
    obersatz = gutachten.index("R müsste das Geheimnis unbefugt offenbart haben.")
    definition = gutachten.index("Offenbaren ist die Mitteilung des Geheimnisses an einen Dritten.")
    subsumtion = gutachten.index("R erzählt ihrem Bruder B von dem Kundenverlust")
    ergebnis = gutachten.index("Damit hat R das Geheimnis unbefugt offenbart.")
    assert obersatz < definition < subsumtion < ergebnis
    assert _right(sc, "reihenfolge") == ("Obersatz – Definition – Subsumtion – Ergebnis",)
