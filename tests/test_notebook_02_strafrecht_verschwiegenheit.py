"""The Selbstkontrolle of notebook 02_strafrecht_verschwiegenheit agrees with the engine.

Each right option is derived from a real check of the case the question describes.
"""

from __future__ import annotations

import pytest

from lawkit import Result, check
from lawkit.widgets import self_check

NAME = "02_strafrecht_verschwiegenheit"


@pytest.fixture(scope="module")
def sc():
    return self_check(NAME)


def _right(sc, question_id: str) -> str:
    (right,) = sc.question(question_id).richtig
    return right


def test_every_question_has_one_right_option(sc):
    assert [q.id for q in sc.questions] == [
        "taeterkreis_pruefer", "geheimnisbegriff", "konkurrenz_204", "private_nutzung", "vertrauen",
        "verfolgbarkeit"]
    for question in sc.questions:
        assert len(question.richtig) == 1 and question.richtig[0] in question.optionen
        assert sc.answer(question.id, question.richtig[0]).startswith("Richtig. ")
        assert "Ausarbeitung zu § 21 WpHG" in question.erklaerung


def test_commissioned_auditor_is_offender_under_nr_2(sc, library):
    result = check(library.case("pruefer_findag"), library).norm("stgb_203_2_1")
    assert result.citation == "§ 203 Abs. 2 S. 1 Nr. 2 StGB"
    assert result.root.find("amtstraeger").result is Result.NICHT_ERFUELLT
    assert _right(sc, "taeterkreis_pruefer").startswith("Nr. 2 ")
    without = check(library.case("pruefer_findag.nicht_verpflichtet"), library).norm("stgb_203_2_1")
    assert without.root.find("taeterkreis").result is Result.NICHT_ERFUELLT


def test_geheimnisbegriff_decides_the_ad_hoc_case(sc, library):
    case = library.case("ad_hoc_pflicht")
    dominant = check(case, library).norm("stgb_203_2_1")
    other = check(case.with_view("geheimnisbegriff", "beschraenkte_bekanntheit_genuegt"), library)
    assert dominant.root.find("geheimnis").result is Result.NICHT_ERFUELLT
    assert other.norm("stgb_203_2_1").root.find("geheimnis").result is Result.ERFUELLT
    assert _right(sc, "geheimnisbegriff").startswith(
        "Das hängt vom Meinungsstreit ab – nach der herrschenden Meinung nein, nach der Gegenauffassung ja")
    # § 21 WpHG asks for the Geheimhaltungsinteresse by its wording: not violated under either view
    assert other.norm("wphg_21_1_1").result is Result.NICHT_ERFUELLT


def test_204_yields_to_203_when_exploited_by_disclosure(sc, library):
    result = check(library.case("verkauf_an_konkurrenten"), library)
    assert result.norm("stgb_203_2_1").applies is Result.ERFUELLT
    s204 = result.norm("stgb_204_1")
    assert (s204.result, s204.displaced, s204.applies) == (
        Result.ERFUELLT, Result.ERFUELLT, Result.NICHT_ERFUELLT)
    assert _right(sc, "konkurrenz_204") == "Nur nach § 203 StGB; § 204 StGB tritt zurück"


def test_private_use_breaches_21_wphg_but_not_204(sc, library):
    result = check(library.case("verwertung_nebengeschaeft.private_nutzung"), library)
    assert result.norm("wphg_21_1_1").result is Result.ERFUELLT
    assert result.norm("stgb_204_1").result is Result.NICHT_ERFUELLT
    assert _right(sc, "private_nutzung").startswith("K verstößt gegen § 21 Abs. 1 S. 1 WpHG")


def test_shaken_trust_is_no_danger_to_public_interests(sc, library):
    result = check(library.case("dienstgeheimnis_presse.nur_vertrauen_erschuettert"), library)
    element = result.norm("stgb_353b_1_1").root.find("gefaehrdung")
    assert _right(sc, "vertrauen") == element.result.value == "nicht erfüllt"


def test_353b_needs_the_ermaechtigung(sc, library):
    result = check(library.case("dienstgeheimnis_presse.keine_ermaechtigung"), library)
    s1 = result.norm("stgb_353b_1_1")
    assert (s1.result, s1.prosecutable, s1.applies) == (
        Result.ERFUELLT, Result.NICHT_ERFUELLT, Result.NICHT_ERFUELLT)
    assert [p.ref for p in s1.norm.procedural] == ["stgb_353b_4"]
    assert _right(sc, "verfolgbarkeit") == "Eine Ermächtigung der zuständigen Stelle nach § 353b Abs. 4 StGB"
