"""Notebook 04 (BVerwG 6 B 71.17): the self-check's answer key must be what the engine says for
the decision's case (Rn. 4–17) and for the classification of examiners' remarks."""

from __future__ import annotations

import pytest

from lawkit import Library, Result, check
from lawkit.evaluation.results import CaseResult, ElementResult
from lawkit.widgets import classify_remarks, self_check


@pytest.fixture(scope="module")
def selfcheck():
    return self_check("04_bverwg_6_b_71_17")


@pytest.fixture(scope="module")
def decision(library: Library) -> CaseResult:
    return check(library.case("bverwg_6_b_71_17"), library)


def _element(result: CaseResult, norm_id: str, element_id: str) -> ElementResult:
    found = result.norm(norm_id).root.find(element_id)
    assert found is not None, element_id
    return found


def _right(selfcheck, question_id: str) -> str:
    (right,) = selfcheck.question(question_id).richtig
    return right


def test_the_selfcheck_has_four_to_six_questions_citing_the_decision(selfcheck) -> None:
    assert 4 <= len(selfcheck.questions) <= 6
    assert all("Rn." in q.erklaerung for q in selfcheck.questions)


def test_admissibility_can_stay_open_because_no_ground_is_shown(selfcheck, decision) -> None:
    admissibility = _element(decision, "vwgo_133", "zulaessigkeit")
    assert (admissibility.result, admissibility.dahinstehen) == (Result.OFFEN, True)
    assert admissibility.because is not None and admissibility.because.element.id == "begruendetheit"
    assert admissibility.because.result is Result.NICHT_ERFUELLT
    assert _right(selfcheck, "dahinstehen") == "Weil die Beschwerde jedenfalls keinen Erfolg haben kann"


def test_pkh_fails_for_want_of_prospects_and_need_can_stay_open(selfcheck, decision) -> None:
    assert _element(decision, "zpo_121", "pkh_erfolgsaussicht").result is Result.NICHT_ERFUELLT
    need = _element(decision, "zpo_121", "pkh_beduerftigkeit")
    assert (need.result, need.dahinstehen) == (Result.OFFEN, True)
    assert _right(selfcheck, "pkh") == "an der fehlenden Aussicht auf Erfolg der Beschwerde"


def test_grundsatz_fails_only_on_klaerungsbedarf(selfcheck, decision) -> None:
    assert _element(decision, "vwgo_133", "grundsatz_fristgerecht").result is Result.ERFUELLT
    assert _element(decision, "vwgo_133", "gb_rechtsfrage").result is Result.ERFUELLT
    assert _element(decision, "vwgo_133", "gb_klaerungsbedarf").result is Result.NICHT_ERFUELLT
    assert _right(selfcheck, "klaerungsbedarf") == "Die Maßstäbe sind in der Rechtsprechung bereits geklärt"


def test_divergenz_fails_on_the_missing_rechtssatz(selfcheck, decision) -> None:
    assert _element(decision, "vwgo_133", "divergenz_fristgerecht").result is Result.ERFUELLT
    assert _element(decision, "vwgo_133", "dv_rechtssatz_berufungsgericht").result is Result.ERFUELLT
    assert _element(decision, "vwgo_133", "dv_rechtssatz_divergenzgericht").result is Result.NICHT_ERFUELLT
    assert _right(selfcheck, "divergenz").startswith("Der Beschluss 6 B 55.97 enthält den Rechtssatz nicht")


def test_gehoer_fails_because_the_point_was_not_central(selfcheck, decision) -> None:
    assert _element(decision, "vwgo_133", "gh_in_gruenden_uebergangen").result is Result.ERFUELLT
    assert _element(decision, "vwgo_133", "gh_zentrale_bedeutung").result is Result.NICHT_ERFUELLT
    assert _element(decision, "vwgo_133", "verfahrensruege").result is Result.NICHT_ERFUELLT
    assert _right(selfcheck, "gehoer") == "nein"


def test_completeness_remark_is_pruefungsspezifisch(selfcheck, library: Library) -> None:
    result = check(library.case("bverwg_prueferbemerkungen"), library)
    assert result.norm("pruefungsrecht_fachliche_wertung").result is Result.NICHT_ERFUELLT
    assert _right(selfcheck, "vollstaendigkeit") == "prüfungsspezifisch"
    remarks = classify_remarks("bverwg_prueferbemerkungen")
    assert remarks.question("ausgangsfall").richtig == ("prüfungsspezifische Wertung",)
