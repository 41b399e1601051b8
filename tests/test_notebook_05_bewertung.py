"""Notebook 05 (Wie bewertet wird): its sample answers and its self-check, beyond nbval.

The sample Bearbeitungen in notebooks/data/05_bewertung/ must stay valid answers of the course
exercise e06_ad_hoc, and each must keep showing the principle the notebook teaches with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lawkit.exercises import find_exercise
from lawkit.grading import Grade, Kind, build_reference, grade, load_answer

DATA = Path(__file__).resolve().parent.parent / "notebooks" / "data" / "05_bewertung"


@pytest.fixture(scope="module")
def grades() -> dict[str, Grade]:
    exercise = find_exercise("e06_ad_hoc")
    reference = build_reference(exercise)
    return {path.stem: grade(exercise, load_answer(path), reference=reference)
            for path in sorted(DATA.glob("*.yaml"))}


def test_every_sample_is_a_valid_answer_of_e06(grades: dict[str, Grade]) -> None:
    assert sorted(grades) == ["falsch", "knapp", "lueckenhaft", "mindermeinung", "nachlesen_berichtigt",
                              "nachlesen_erfasst", "richtig", "widerspruch"]
    assert {g.exercise for g in grades.values()} == {"e06_ad_hoc"}


def test_right_and_minority_answers_lose_nothing(grades: dict[str, Grade]) -> None:
    for name in ("richtig", "mindermeinung", "nachlesen_berichtigt"):
        assert (grades[name].points, grades[name].deductions, grades[name].flags) == (18, (), ()), name
    assert grades["mindermeinung"].part("stgb_203_2_1").path == "Auffassung „Beschränkte Bekanntheit genügt“"


def test_incomplete_answer_gets_one_pruefungsspezifische_deduction(grades: dict[str, Grade]) -> None:
    lueckenhaft = grades["lueckenhaft"]
    assert (lueckenhaft.points, lueckenhaft.label) == (12, "vollbefriedigend")
    assert [(d.kind, d.code) for d in lueckenhaft.deductions] == [
        (Kind.PRUEFUNGSSPEZIFISCH, "norm-fehlt:wphg_21_1_1")]
    assert str(grades["nachlesen_erfasst"].part("wphg_21_1_1").status) == \
        "in der Begründung angesprochen, aber nicht geprüft"


def test_contradiction_is_flagged_without_fachliche_deduction(grades: dict[str, Grade]) -> None:
    widerspruch = grades["widerspruch"]
    assert widerspruch.fachlich == ()
    assert [f.code for f in widerspruch.flags] == ["stgb_203_2_1:stgb_203_2_1"]
    assert widerspruch.points == 16


def test_unvertretbares_result_costs_fachlich(grades: dict[str, Grade]) -> None:
    falsch = grades["falsch"]
    assert {d.kind for d in falsch.deductions} == {Kind.FACHLICH}
    assert falsch.points == 12


def test_self_check_has_four_to_six_questions_with_feedback() -> None:
    from lawkit.widgets import self_check

    sc = self_check("05_bewertung")
    assert 4 <= len(sc.questions) <= 6
    for question in sc.questions:
        assert sc.answer(question.id, question.richtig[0]).startswith("Richtig.")
    assert sc.answer("durchschnitt", "8,67 – befriedigend").startswith(
        "Nicht ganz. Richtig ist: 8,66 – befriedigend.")
