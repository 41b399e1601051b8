"""The grader's logic as an examiner would check it (issue 11): one error is counted once and
independently of how much the student wrote, weights are proportionate, an accepted objection
changes the standard for everyone, a vertretbar element carries up to its norm, and the
feedback explains with the reason that decides, in the terms of the field."""

from __future__ import annotations

import copy
import csv
import io
import json
from fractions import Fraction
from pathlib import Path

import pytest

from lawkit.cli import main
from lawkit.exercises import find_exercise, load_exercise
from lawkit.grading import Gradebook, answer_from_mapping, grade

DATA = Path(__file__).parent / "data" / "grading"


@pytest.fixture(scope="module")
def streit(library):
    return load_exercise(DATA / "course" / "g_streit.yaml", library)


def base_streit() -> dict:
    return json.loads((DATA / "answers" / "streit_hm.json").read_text(encoding="utf-8"))


def affirmed_despite_denial(groups: bool) -> dict:
    """Denies a requirement of the herrschende Meinung and affirms § 203 StGB anyway; with
    `groups`, it also states every group above as erfüllt (it writes more, the same error)."""
    answer = base_streit()
    norm = answer["norms"][0]
    norm["result"] = "erfüllt"
    norm["elements"] = {"beschraenkter_kreis": {"result": "erfüllt"},
                        "geheimhaltungsinteresse": {"result": "nicht erfüllt"}}
    if groups:
        norm["elements"].update({k: {"result": "erfüllt"} for k in
                                 ("tatbestand", "objektiver_tatbestand", "tatgegenstand", "geheimnis")})
    answer["gesamtergebnis"] = {"applies": ["stgb_203_2_1"]}
    return answer


def deductions(result) -> list[tuple[str, str, Fraction]]:
    return [(d.kind.value, d.code, d.units) for d in result.deductions]


def test_a_denied_requirement_under_an_affirmed_norm_is_flagged_when_the_group_is_left_out(streit, library):
    result = grade(streit, answer_from_mapping(affirmed_despite_denial(groups=False)), library)
    assert [f.text for f in result.flags] == [
        "§ 203 Abs. 2 S. 1 StGB ist als „erfüllt“ angegeben, obwohl „Tatbestand“ nach Ihren Untermerkmalen "
        "„nicht erfüllt“ ist; die Voraussetzungen sind kumulativ verknüpft, daraus folgt „nicht erfüllt“."]


def test_writing_more_does_not_cost_more_for_the_same_error(streit, library):
    short = grade(streit, answer_from_mapping(affirmed_despite_denial(groups=False)), library)
    long = grade(streit, answer_from_mapping(affirmed_despite_denial(groups=True)), library)
    assert (short.units, short.points) == (long.units, long.points) == (Fraction(34, 5), 12)
    assert [d for d in deductions(long) if d[2]] == [("fachlich", "ergebnis:stgb_203_2_1", Fraction(16, 5))]
    assert [d for d in deductions(short) if d[2]] == [("fachlich", "ergebnis:stgb_203_2_1", Fraction(16, 5))]
    # the group elements stated against their own sub-elements are shown as the contradiction
    marks = {e.element: e.contradicted for e in long.part("stgb_203_2_1").elements}
    assert marks["geheimnis"] and marks["tatbestand"]
    assert "✗ widerspricht Ihren Untermerkmalen (als Widerspruch bewertet)" in long.feedback_markdown()


def test_a_contradiction_of_its_own_costs_one_element_not_the_begruendung_share(library):
    exercise = load_exercise(DATA / "course" / "g_vertretbar.yaml", library)
    answer = json.loads((DATA / "answers" / "vertretbar_perfect.json").read_text(encoding="utf-8"))
    answer["norms"][0]["elements"]["unbefugt"]["result"] = "nicht erfüllt"
    result = grade(exercise, answer_from_mapping(answer), library)
    element = Fraction(8) * Fraction(2, 5) / 17  # 17 graded elements: Nr. 2 is not reached
    assert [d for d in deductions(result) if d[2]] == [
        ("fachlich", "merkmal:stgb_203_2_1#unbefugt", element),
        ("prüfungsspezifisch", "widerspruch:merkmal:stgb_203_2_1#tathandlung", element)]


def test_a_norm_missing_from_the_gesamtergebnis_is_deducted_once(library):
    exercise = load_exercise(DATA / "course" / "g_streit.yaml", library)
    answer = json.loads((DATA / "answers" / "streit_mm.json").read_text(encoding="utf-8"))
    answer["gesamtergebnis"]["applies"] = []
    result = grade(exercise, answer_from_mapping(answer), library)
    assert deductions(result) == [
        ("fachlich", "gesamt-fehlt:stgb_203_2_1", Fraction(2)),
        ("prüfungsspezifisch", "widerspruch:gesamt-vergessen:stgb_203_2_1", Fraction(0))]


def test_a_yielding_norm_is_explained_by_its_konkurrenz(library):
    exercise = load_exercise(DATA / "course" / "g_konkurrenz.yaml", library)
    answer = json.loads((DATA / "answers" / "konkurrenz_perfect.json").read_text(encoding="utf-8"))
    answer["norms"][1]["result"] = "nicht erfüllt"
    result = grade(exercise, answer_from_mapping(answer), library)
    wrong = next(d for d in result.deductions if d.code == "ergebnis:stgb_204_1")
    assert wrong.why.startswith(
        "Dieses Ergebnis ist nicht vertretbar. Nach dem Sachverhalt sind alle Voraussetzungen des "
        "Tatbestands erfüllt. Die Norm tritt aber hinter § 203 Abs. 2 S. 1 Nr. 1 StGB zurück "
        "(Gesetzeskonkurrenz): ")


def test_civil_claims_are_not_told_about_verfolgbarkeit(library):
    exercise = find_exercise("e05_amtshaftung", library=library)
    from lawkit.grading.reference import build_reference

    reference = build_reference(exercise, library)
    claim = reference.base.result.norm("bgb_839_gg_34")
    assert claim.applies.value == "erfüllt"
    answer = {"exercise": "e05_amtshaftung", "student": "1",
              "norms": [{"norm": "bgb_839_gg_34", "result": "erfüllt"}],
              "gesamtergebnis": {"applies": []}}
    result = grade(exercise, answer_from_mapping(answer), library)
    missing = next(d for d in result.deductions if d.code == "gesamt-fehlt:bgb_839_gg_34")
    assert missing.why == ("Nach dem Sachverhalt sind die Voraussetzungen des Anspruchs erfüllt und er wird "
                           "nicht durch eine andere Norm ausgeschlossen; das Ergebnis ist nicht vertretbar.")
    flag = next(f for f in result.flags if f.code == "gesamt-vergessen:bgb_839_gg_34")
    assert "Verfolgbarkeit" not in flag.text and "Tatbestand" not in flag.text
    assert "Verfolgbarkeit" not in result.feedback_markdown()


def test_a_vertretbar_element_carries_up_to_its_groups_and_the_norm(tmp_path, library):
    """With the Geheimhaltungsinteresse accepted as vertretbar (the shape of issue 19, e06), the
    Geheimnis, the Tatbestand and the norm that follow from it are vertretbar too, and so is the
    norm in the Gesamtergebnis."""
    text = (DATA / "course" / "g_streit.yaml").read_text(encoding="utf-8").replace(
        "  rubric:", '  vertretbar:\n    "stgb_203_2_1#geheimhaltungsinteresse":\n      results: [erfüllt]\n'
                     "      because: Bis zur Veröffentlichung ist die Nachricht geheim.\n  rubric:")
    path = tmp_path / "g_streit.yaml"
    path.write_text(text, encoding="utf-8")
    exercise = load_exercise(path, library)
    answer = base_streit()
    answer["norms"][0]["result"] = "erfüllt"
    answer["norms"][0]["elements"] = {k: {"result": "erfüllt"} for k in (
        "tatbestand", "objektiver_tatbestand", "tatgegenstand", "geheimnis", "beschraenkter_kreis",
        "geheimhaltungsinteresse")}
    answer["gesamtergebnis"] = {"applies": ["stgb_203_2_1"]}
    result = grade(exercise, answer_from_mapping(answer), library)
    assert (result.points, deductions(result), result.flags) == (18, [], ())


# -- an accepted objection changes the standard for everyone --------------------------------------
@pytest.fixture
def strict_course(tmp_path):
    """g_vertretbar as first written: without the vertretbar entry."""
    text = (DATA / "course" / "g_vertretbar.yaml").read_text(encoding="utf-8")
    path = tmp_path / "kurs" / "g_vertretbar.yaml"
    path.parent.mkdir()
    path.write_text(text[:text.index("  vertretbar:")] + text[text.index("  rubric:"):], encoding="utf-8")
    return path


def objection(student: str) -> dict:
    data = json.loads((DATA / "answers" / "vertretbar_perfect.json").read_text(encoding="utf-8"))
    # R is an Amtsträgerin (lit. c); the student reads Fn. 11's "in der Regel" the other way and
    # takes R as besonders Verpflichtete (Nr. 2, Fn. 13)
    data["norms"][0]["elements"]["amtstraeger"]["result"] = "nicht erfüllt"
    data["norms"][0]["elements"]["besonders_verpflichteter"]["result"] = "erfüllt"
    data["student"] = student
    return data


def points(out: Path) -> dict[str, int]:
    rows = list(csv.reader(io.StringIO((out / "grades.csv").read_text(encoding="utf-8"))))
    return {r[0]: int(r[2]) for r in rows[1:]}


def test_an_accepted_objection_is_applied_to_the_whole_class(capsys, tmp_path, strict_course):
    subs = tmp_path / "subs"
    subs.mkdir()
    for student in ("1", "2"):
        (subs / f"{student}.json").write_text(json.dumps(objection(student), ensure_ascii=False),
                                              encoding="utf-8")
    out = tmp_path / "out"
    main(["grade", str(strict_course), str(subs), "--out", str(out)])
    before = points(out)
    assert before["1"] == before["2"] < 18
    capsys.readouterr()
    code = main(["regrade", str(strict_course), str(subs / "1.json"), "--gradebook", str(out / "gradebook.sqlite"),
                 "--reason", "Einwand: Fn. 11 nennt Angestellte der BaFin nur in der Regel Amtsträger",
                 "--accept", "stgb_203_2_1#amtstraeger=nicht erfüllt"])
    assert code == 0
    account = capsys.readouterr().out
    assert ("Als vertretbar anerkannt – dieser Maßstab gilt für alle Bearbeitungen der Aufgabe und wird beim "
            "nächsten `lawkit grade` auf die ganze Gruppe angewandt (Chancengleichheit, BVerwG 6 B 71.17 Rn. 8):\n"
            "- stgb_203_2_1#amtstraeger: nicht erfüllt") in account
    main(["grade", str(strict_course), str(subs), "--out", str(out)])
    report = capsys.readouterr().out
    assert points(out) == {"1": 18, "2": 18}
    assert "Maßstab nach Überdenken angewandt: stgb_203_2_1#amtstraeger: nicht erfüllt" in report
    assert f"Geänderte Bewertung bei unveränderter Abgabe: 2 {before['2']} → 18 Punkte" in report
    with Gradebook(out / "gradebook.sqlite") as book:
        assert [e.kind for e in book.history("g_vertretbar", "1")] == ["bewertung", "überdenken"]
        assert [e.kind for e in book.history("g_vertretbar", "2")] == ["bewertung", "bewertung"]
        assert [(s.target, s.results) for s in book.standards("g_vertretbar")] == [
            ("stgb_203_2_1#amtstraeger", ("nicht erfüllt",))]
    # the Überdenken's account stays in the first student's feedback after the class run
    assert "Einwand: Fn. 11 nennt" in (out / "feedback" / "1.md").read_text(encoding="utf-8")


def test_accept_is_checked_against_the_library(capsys, tmp_path, strict_course):
    answer = tmp_path / "a.json"
    answer.write_text(json.dumps(objection("1")), encoding="utf-8")
    book = tmp_path / "gb.sqlite"
    Gradebook(book).close()
    for value, message in (
            ("stgb_203_2_1#verpflichteter=erfüllt", "die Norm 'stgb_203_2_1' hat kein Merkmal 'verpflichteter'"),
            ("stgb_203_2_1=kann dahinstehen", "unbekanntes Ergebnis 'kann dahinstehen'; erwartet einen von "
                                              "erfüllt, nicht erfüllt, offen"),
            ("nur_text", "erwartet ZIEL=ERGEBNIS")):
        code = main(["regrade", str(strict_course), str(answer), "--gradebook", str(book), "--reason", "x",
                     "--accept", value])
        assert code == 2
        assert message in capsys.readouterr().err


def test_identical_answers_get_identical_grades(library):
    exercise = load_exercise(DATA / "course" / "g_streit.yaml", library)
    answer = base_streit()
    twin = copy.deepcopy(answer)
    twin.update(student="9999999", name="Jemand anderes")
    a, b = (grade(exercise, answer_from_mapping(x), library) for x in (answer, twin))
    assert (a.points, deductions(a)) == (b.points, deductions(b))
