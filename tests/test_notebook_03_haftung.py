"""Notebook 03 (Haftung): the self-check's answer key must be what the engine says for the cases
the notebook teaches with (Ausarbeitung zu § 21 WpHG, Abschn. 3)."""

from __future__ import annotations

import pytest

from lawkit import Library, Result, check
from lawkit.widgets import self_check

AMTSHAFTUNG = "bgb_839_gg_34"
SCHUTZGESETZ = "bgb_823_2_wphg_21"
BAFIN_LIABLE = ("Nach Art. 34 S. 1 GG trifft die Verantwortlichkeit nicht B persönlich, sondern die "
                "BaFin als Dienstherrin; sie ist daher Anspruchsgegnerin.")


@pytest.fixture(scope="module")
def selfcheck():
    return self_check("03_haftung")


def _right(selfcheck, question_id: str) -> str:
    (right,) = selfcheck.question(question_id).richtig
    return right


def test_the_selfcheck_has_four_to_six_questions_with_fundstellen(selfcheck) -> None:
    assert 4 <= len(selfcheck.questions) <= 6
    assert all("Fn." in q.erklaerung for q in selfcheck.questions)


def test_anspruchsgegner_is_the_bafin(selfcheck, library: Library) -> None:
    result = check(library.case("amtshaftung_bafin"), library)
    assert result.norm(AMTSHAFTUNG).applies is Result.ERFUELLT
    assert BAFIN_LIABLE in result.gutachten().text()
    assert _right(selfcheck, "anspruchsgegner") == "gegen die BaFin"


def test_schutzgesetz_claim_is_not_applicable_for_a_beamter(selfcheck, library: Library) -> None:
    norm = check(library.case("amtshaftung_bafin"), library).norm(SCHUTZGESETZ)
    assert (norm.applicable, norm.result, norm.applies) == (
        Result.NICHT_ERFUELLT, Result.NICHT_ERFUELLT, Result.NICHT_ERFUELLT)
    assert not any(er.examined for er in norm.root.walk())  # its requirements are not examined
    assert _right(selfcheck, "sperrwirkung") == (
        "Er ist neben § 839 BGB nicht anwendbar; auf seine Voraussetzungen kommt es nicht an")


def test_schutzgesetz_claim_of_an_angestellter_goes_against_the_bafin(selfcheck, library: Library) -> None:
    result = check(library.case("amtshaftung_bafin.angestellter"), library)
    assert result.norm(SCHUTZGESETZ).applies is Result.ERFUELLT
    assert ("Die Z-Bank könnte gegen B einen Anspruch auf Schadensersatz aus § 823 Abs. 2 S. 1 BGB "
            "i.V.m. § 21 Abs. 1 S. 1 WpHG haben.") in result.gutachten().text()
    assert ("Unter den Voraussetzungen des Art. 34 S. 1 GG, also wenn B in Ausübung eines "
            "öffentlichen Amtes handelte, haftet er jedoch nicht persönlich; Haftungsadressatin ist "
            "dann die BaFin als Dienstherrin.") in result.gutachten().text()
    assert _right(selfcheck, "angestellter") == "gegen die BaFin"


def test_open_status_leaves_the_anwendbarkeit_open(selfcheck, library: Library) -> None:
    norm = check(library.case("amtshaftung_bafin.status_offen"), library).norm(SCHUTZGESETZ)
    assert norm.applicable is Result.OFFEN
    assert _right(selfcheck, "status_offen") == norm.applicable.value


def test_negligence_with_other_redress_bars_both_claims(selfcheck, library: Library) -> None:
    result = check(library.case("amtshaftung_bafin.fahrlaessig_mit_anderem_ersatz"), library)
    assert result.norm(AMTSHAFTUNG).result is Result.NICHT_ERFUELLT
    assert result.norm(SCHUTZGESETZ).applicable is Result.NICHT_ERFUELLT
    assert _right(selfcheck, "fahrlaessig") == (
        "Kein Anspruch aus § 839 BGB, und § 823 Abs. 2 BGB bleibt gesperrt")


@pytest.mark.parametrize("case_id", ["ad_hoc_pflicht", "ad_hoc_pflicht.gegenauffassung"])
def test_no_breach_of_21_wphg_when_the_fact_must_be_published(selfcheck, library: Library,
                                                             case_id: str) -> None:
    assert check(library.case(case_id), library).norm("wphg_21_1_1").result is Result.NICHT_ERFUELLT
    assert _right(selfcheck, "veroeffentlichungspflicht") == "nein"
