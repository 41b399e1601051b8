"""Notebook 05 (Wie bewertet wird): its sample answers and its self-check, beyond nbval.

The sample Bearbeitungen in notebooks/data/05_bewertung/ must stay valid answers of the course
exercise e06_ad_hoc, and each must keep showing the principle the notebook teaches with it.
"""

from __future__ import annotations

import re
from fractions import Fraction
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


def test_contradictory_answer_is_measured_on_the_path_of_its_elements(grades: dict[str, Grade]) -> None:
    """Bearbeitung 4 argues with the herrschende Meinung and affirms § 203 StGB anyway: it is
    measured on the path of its elements, so the result and the Gesamtergebnis of the other
    view are fachliche errors, the contradiction is flagged, and no note claims that it follows
    the Gegenauffassung."""
    widerspruch = grades["widerspruch"]
    assert widerspruch.notes == ()
    assert widerspruch.part("stgb_203_2_1").path == "Lösungsweg der Musterlösung"
    # one error, counted once: the wrong result; the contradiction and the Gesamtergebnis that
    # follows from it cost nothing more (docs/grading.md)
    # (the Gesamtergebnis on § 203 StGB is neither required nor wrong: solution.vertretbar makes
    # both results vertretbar, course/e06_ad_hoc.yaml)
    assert [(d.kind, d.code, d.units) for d in widerspruch.deductions] == [
        (Kind.FACHLICH, "ergebnis:stgb_203_2_1", Fraction(9, 5)),
        (Kind.PRUEFUNGSSPEZIFISCH, "widerspruch:ergebnis:stgb_203_2_1", 0)]
    assert [f.code for f in widerspruch.flags] == ["ergebnis:stgb_203_2_1"]
    assert (widerspruch.units, widerspruch.points, widerspruch.label) == (Fraction(51, 5), 15, "gut")


def test_minority_answer_is_noted_with_its_view(grades: dict[str, Grade]) -> None:
    assert grades["mindermeinung"].notes == (
        "Sie folgen im Meinungsstreit, ob über die beschränkte Bekanntheit hinaus ein sachlich "
        "begründetes Geheimhaltungsinteresse des Betroffenen erforderlich ist, der Auffassung "
        "„Beschränkte Bekanntheit genügt“. Diese Auffassung ist vertretbar; sie führt zu keinem "
        "fachlichen Abzug (BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 9).",)
    for name in ("richtig", "widerspruch", "falsch"):
        assert grades[name].notes == (), name


def test_overview_cites_the_norms_as_the_solution_does(grades: dict[str, Grade]) -> None:
    """The overview names each norm by the citation of solutions/e06_ad_hoc.yaml (refined by
    the alternative met, e.g. § 11 Abs. 1 Nr. 2 lit. c StGB)."""
    solution = (DATA.parent.parent.parent / "solutions" / "e06_ad_hoc.yaml").read_text(encoding="utf-8")
    citations = re.findall(r"^- norm: (\w+)\n  citation: (.+)$", solution, flags=re.MULTILINE)
    assert ("stgb_11_1_2", "§ 11 Abs. 1 Nr. 2 lit. c StGB") in citations
    richtig = grades["richtig"]
    for norm_id, citation in citations:
        assert richtig.part(norm_id).title.startswith(f"{citation} ("), norm_id
    assert "| § 11 Abs. 1 Nr. 2 lit. c StGB (Amtsträger) |" in richtig.feedback_markdown()


def test_unvertretbares_result_costs_fachlich(grades: dict[str, Grade]) -> None:
    falsch = grades["falsch"]
    assert {d.kind for d in falsch.deductions} == {Kind.FACHLICH}
    assert falsch.points == 15


def test_self_check_has_four_to_six_questions_with_feedback() -> None:
    from lawkit.widgets import self_check

    sc = self_check("05_bewertung")
    assert 4 <= len(sc.questions) <= 6
    for question in sc.questions:
        assert sc.answer(question.id, question.richtig[0]).startswith("Richtig.")
    assert sc.answer("durchschnitt", "8,67 – befriedigend").startswith(
        "Nicht ganz. Richtig ist: 8,66 – befriedigend.")
