"""The grader against the principles of BVerwG 6 B 71.17: vertretbare answers are right
(Rn. 9), omissions are prüfungsspezifisch and explained (Rn. 11, 13), contradictions are
flagged (Rn. 10), the same answer gets the same grade (Chancengleichheit, Rn. 8)."""

import json
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest

from lawkit.errors import LawkitError
from lawkit.exercises import load_exercise
from lawkit.grading import Kind, Status, grade, load_answer
from lawkit.grading.answers import answer_from_mapping
from lawkit.grading.reference import build_reference

DATA = Path(__file__).parent / "data" / "grading"
RN_13 = "(BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 11, 13)"


@pytest.fixture(scope="module")
def exercises(library):
    return {p.stem: load_exercise(p, library) for p in (DATA / "course").glob("*.yaml")}


def data(name: str) -> dict:
    return json.loads((DATA / "answers" / name).read_text(encoding="utf-8"))


def graded(exercises, library, answer: dict):
    return grade(exercises[answer["exercise"]], answer_from_mapping(answer, library), library)


def codes(result, kind=None) -> list[str]:
    return [d.code for d in result.deductions if d.units and (kind is None or d.kind is kind)]


def test_units_always_add_up(exercises, library):
    """Every lost unit is explained by exactly one deduction."""
    variants = [data(n) for n in ("konkurrenz_perfect.json", "streit_hm.json", "streit_mm.json")]
    broken = data("konkurrenz_perfect.json")
    broken["norms"][1]["result"] = "nicht erfüllt"
    broken["konkurrenzen"] = [{"norm": "stgb_203_2_1", "yields_to": "stgb_204_1"}]
    del broken["norms"][0]["elements"]["fremdheit"]
    variants.append(broken)
    for answer in variants:
        result = graded(exercises, library, answer)
        lost = sum((d.units for d in result.deductions), Fraction(0))
        assert result.units + lost == result.max_units


@pytest.mark.parametrize("name", ["konkurrenz_perfect.json", "vertretbar_perfect.json", "streit_hm.json"])
def test_a_complete_right_answer_gets_18_points(exercises, library, name):
    result = graded(exercises, library, data(name))
    assert (result.points, result.label) == (18, "sehr gut")
    assert result.deductions == () and result.flags == ()
    assert result.units == result.max_units


def test_minority_view_gets_no_fachliche_deduction(exercises, library):
    """H's case: under the herrschende Meinung no Geheimnis (ad-hoc-pflichtig), under the
    Gegenauffassung § 203 is met. Following the Gegenauffassung is vertretbar: 18 points."""
    result = graded(exercises, library, data("streit_mm.json"))
    assert result.fachlich == ()
    assert result.pruefungsspezifisch == ()
    assert result.points == 18
    part = result.part("stgb_203_2_1")
    assert part.status is Status.ZUTREFFEND
    assert part.accepted == ("erfüllt",)  # on the path of this view
    assert part.path == result.part("gesamtergebnis").path == "Auffassung „Beschränkte Bekanntheit genügt“"
    assert part.title == "§ 203 Abs. 2 S. 1 Nr. 1 StGB (Verletzung von Privatgeheimnissen)"
    assert result.path == "Auffassung „Beschränkte Bekanntheit genügt“"
    assert result.notes == (VIEW_NOTE,)


VIEW_NOTE = (
    "Sie folgen im Meinungsstreit, ob über die beschränkte Bekanntheit hinaus ein sachlich "
    "begründetes Geheimhaltungsinteresse des Betroffenen erforderlich ist, der Auffassung "
    "„Beschränkte Bekanntheit genügt“. Diese Auffassung ist vertretbar; sie führt zu keinem "
    "fachlichen Abzug (BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 9).")
GROUPS_203 = ("tatbestand", "objektiver_tatbestand", "tatgegenstand")


def test_minority_view_without_elements_gets_no_fachliche_deduction(exercises, library):
    """An answer that gives only the minority view's results (no elements) is measured on the
    minority's path too: the elements it leaves out are missing, its results are right."""
    answer = data("streit_mm.json")
    del answer["norms"][0]["elements"]
    result = graded(exercises, library, answer)
    assert result.fachlich == () and result.flags == ()
    assert result.notes == (VIEW_NOTE,)
    assert {d.code.partition("#")[0] for d in result.pruefungsspezifisch} == {
        "merkmal-fehlt:stgb_203_2_1"}
    assert len(result.pruefungsspezifisch) == 16  # the elements of the minority's Gutachten


def test_minority_view_may_leave_out_the_group_elements(exercises, library):
    """Tatbestand, Objektiver Tatbestand, Geheimnis … follow from the stated sub-elements."""
    answer = data("streit_mm.json")
    for element_id in (*GROUPS_203, "geheimnis", "taeterkreis", "tathandlung"):
        del answer["norms"][0]["elements"][element_id]
    result = graded(exercises, library, answer)
    assert (result.points, result.deductions, result.flags, result.notes) == (18, (), (), (VIEW_NOTE,))
    implied = {e.element: e.given for e in result.part("stgb_203_2_1").elements if e.implied}
    assert implied == {"tatbestand": "erfüllt", "objektiver_tatbestand": "erfüllt",
                       "tatgegenstand": "erfüllt", "geheimnis": "erfüllt", "taeterkreis": "erfüllt",
                       "tathandlung": "erfüllt"}


def test_group_elements_are_not_demanded_when_they_follow_from_the_answer(exercises, library):
    """The norm's result answers its root; Tatbestand, Objektiver Tatbestand and Tatgegenstand
    follow from „Geheimnis: nicht erfüllt“ and are not deducted as „nicht erörtert“."""
    answer = data("streit_hm.json")
    for element_id in GROUPS_203:
        del answer["norms"][0]["elements"][element_id]
    result = graded(exercises, library, answer)
    assert (result.points, result.deductions, result.flags, result.notes) == (18, (), (), ())
    rows = [(e.element, e.given, e.implied, e.correct) for e in result.part("stgb_203_2_1").elements]
    assert rows == [("tatbestand", "nicht erfüllt", True, True),
                    ("objektiver_tatbestand", "nicht erfüllt", True, True),
                    ("tatgegenstand", "nicht erfüllt", True, True),
                    ("geheimnis", "nicht erfüllt", False, True),
                    ("beschraenkter_kreis", "erfüllt", False, True),
                    ("geheimhaltungsinteresse", "nicht erfüllt", False, True)]
    assert "| Tatbestand | nicht erfüllt (folgt aus Ihren Untermerkmalen) | nicht erfüllt | ✓ vertretbar |" \
        in result.feedback_markdown()


def test_group_element_without_stated_sub_elements_is_still_missing(exercises, library):
    answer = data("streit_hm.json")
    answer["norms"][0]["elements"] = {"beschraenkter_kreis": {"result": "erfüllt"}}
    result = graded(exercises, library, answer)
    assert codes(result) == [f"merkmal-fehlt:stgb_203_2_1#{e}" for e in (
        *GROUPS_203, "geheimnis", "geheimhaltungsinteresse")]
    tatbestand = result.deductions[0]
    assert tatbestand.text() == (
        "§ 203 Abs. 2 S. 1 StGB – Merkmal „Tatbestand“: Erwartet: die Erörterung des Merkmals "
        "(Ergebnis: „nicht erfüllt“). Ihre Bearbeitung: nicht erörtert. Die Prüfung der Vorschrift "
        f"verlangt dieses Merkmal; seine Behandlung konnte nachvollziehbar erwartet werden {RN_13}. "
        "Abzug: 0,53 BE.")


def test_a_left_out_group_is_graded_as_what_follows_from_its_sub_elements(exercises, library):
    """Leaving out Tathandlung, Objektiver Tatbestand and Tatbestand grades exactly as stating
    what follows from „Offenbaren: nicht erfüllt“ (here: wrongly „nicht erfüllt“)."""
    explicit = data("vertretbar_perfect.json")
    elements = explicit["norms"][0]["elements"]
    for element_id in ("offenbaren", "tathandlung", "objektiver_tatbestand", "tatbestand"):
        elements[element_id]["result"] = "nicht erfüllt"
    explicit["norms"][0]["result"] = "nicht erfüllt"
    explicit["gesamtergebnis"]["applies"] = []
    left_out = json.loads(json.dumps(explicit))
    for element_id in ("tathandlung", "objektiver_tatbestand", "tatbestand"):
        del left_out["norms"][0]["elements"][element_id]
    a, b = graded(exercises, library, explicit), graded(exercises, library, left_out)
    assert (a.units, a.points, codes(a)) == (b.units, b.points, codes(b))
    assert "merkmal:stgb_203_2_1#tatbestand" in codes(b)
    tatbestand = next(d for d in b.deductions if d.code == "merkmal:stgb_203_2_1#tatbestand")
    assert tatbestand.given == "„nicht erfüllt“ (folgt aus Ihren Untermerkmalen)"


def test_mixed_views_are_graded_on_the_path_of_the_elements(exercises, library):
    """The elements follow the herrschende Meinung (no Geheimnis), the result and the
    Gesamtergebnis the Gegenauffassung: measured on the path of the elements, the result and the
    Gesamtergebnis are not vertretbar, and there is no note that the answer follows the
    Gegenauffassung."""
    answer = data("streit_hm.json")
    answer["norms"][0]["result"] = "erfüllt"
    answer["gesamtergebnis"]["applies"] = ["stgb_203_2_1"]
    result = graded(exercises, library, answer)
    assert result.notes == ()
    assert result.part("stgb_203_2_1").path == "Lösungsweg der Musterlösung"
    assert result.path == "Auffassung „Geheimhaltungsinteresse erforderlich“ – Lösungsweg der Musterlösung"
    assert ("Gemessen am Lösungsweg, dem Ihre Bearbeitung folgt: Auffassung „Geheimhaltungsinteresse "
            "erforderlich“ – Lösungsweg der Musterlösung. In der Spalte „vertretbar“ steht, was auf "
            "diesem Lösungsweg vertretbar ist.") in result.feedback_markdown()
    assert result.part("stgb_203_2_1").status is Status.NICHT_VERTRETBAR
    assert codes(result, Kind.FACHLICH) == ["ergebnis:stgb_203_2_1"]
    assert [f.code for f in result.flags] == ["ergebnis:stgb_203_2_1"]
    path = "(Auffassung „Geheimhaltungsinteresse erforderlich“ – Lösungsweg der Musterlösung)"
    facts = ("Der Tatbestand scheitert am Merkmal „Sachlich begründetes Geheimhaltungsinteresse“. Laut "
             "Sachverhalt: Die A-AG muss die Nachricht kapitalmarktrechtlich unverzüglich "
             "veröffentlichen (SV Abs. 1).")
    assert result.fachlich[0].text() == (
        "§ 203 Abs. 2 S. 1 StGB – Ergebnis: Erwartet: „nicht erfüllt“. Ihre Bearbeitung: „erfüllt“. "
        "Dieses Ergebnis ist nur nach der Auffassung „Beschränkte Bekanntheit genügt“ vertretbar, "
        f"nicht aber auf dem Lösungsweg, dem Ihre Bearbeitung folgt {path}. {facts} Abzug: 3,2 BE.")
    assert result.fachlich[1].text() == (
        "Gesamtergebnis: Erwartet: keine Rechtsfolge aus § 203 Abs. 2 S. 1 StGB. Ihre Bearbeitung: "
        "§ 203 Abs. 2 S. 1 StGB im Gesamtergebnis. Die Rechtsfolge dieser Norm tritt nur nach der "
        "Auffassung „Beschränkte Bekanntheit genügt“ ein, nicht aber auf dem Lösungsweg, dem Ihre "
        f"Bearbeitung folgt {path}; das Ergebnis ist nicht vertretbar. {facts} Es folgt aber "
        "folgerichtig aus Ihren eigenen Ergebnissen; deren Fehler ist dort abgezogen (Folgefehler). "
        "Kein weiterer Abzug (dieser Anteil ist bereits abgezogen).")
    # 10 BE − 3.2 (the result). The contradiction (the result against the answer's own elements)
    # and the Gesamtergebnis that follows from the result are that same error: counted once.
    assert (result.units, result.points, result.label) == (Fraction(34, 5), 12, "vollbefriedigend")


def test_minority_elements_with_the_majoritys_gesamtergebnis(exercises, library):
    answer = data("streit_mm.json")
    answer["gesamtergebnis"]["applies"] = []
    result = graded(exercises, library, answer)
    assert result.notes == (VIEW_NOTE,)
    assert codes(result, Kind.FACHLICH) == ["gesamt-fehlt:stgb_203_2_1"]
    assert result.fachlich[0].why == (
        "Auf dem Lösungsweg, dem Ihre Bearbeitung folgt (Auffassung „Beschränkte Bekanntheit "
        "genügt“), ist der Tatbestand erfüllt, die Norm wird nicht verdrängt und die Tat ist "
        "verfolgbar; das Ergebnis ist nicht vertretbar.")
    assert [f.code for f in result.flags] == ["gesamt-vergessen:stgb_203_2_1"]
    # the omission and the contradiction it is are one error: the flag costs nothing more
    flag = next(d for d in result.deductions if d.code == "widerspruch:gesamt-vergessen:stgb_203_2_1")
    assert flag.units == 0
    assert result.part("gesamtergebnis").units == 0


def test_minority_view_is_not_asked_for_the_majoritys_extra_element(exercises, library):
    """The Gegenauffassung needs no Geheimhaltungsinteresse; leaving it out is complete."""
    result = graded(exercises, library, data("streit_mm.json"))
    graded_ids = [e.element for e in result.part("stgb_203_2_1").elements if e.correct is not None]
    assert "geheimhaltungsinteresse" not in graded_ids
    assert "fremdheit" in graded_ids


def test_majority_answer_is_not_asked_for_what_the_gutachten_no_longer_reaches(exercises, library):
    result = graded(exercises, library, data("streit_hm.json"))
    graded_ids = [e.element for e in result.part("stgb_203_2_1").elements if e.correct is not None]
    assert graded_ids == ["tatbestand", "objektiver_tatbestand", "tatgegenstand", "geheimnis",
                          "beschraenkter_kreis", "geheimhaltungsinteresse"]


def test_omitted_required_norm_has_an_explained_pruefungsspezifische_deduction(exercises, library):
    answer = data("konkurrenz_perfect.json")
    del answer["norms"][1]
    answer["konkurrenzen"] = []
    del answer["konkurrenzen_begruendung"]  # it names § 204 StGB
    result = graded(exercises, library, answer)
    missing = [d for d in result.deductions if d.code == "norm-fehlt:stgb_204_1"]
    assert len(missing) == 1
    assert missing[0].kind is Kind.PRUEFUNGSSPEZIFISCH
    assert missing[0].units == 4
    assert missing[0].text() == (
        "§ 204 Abs. 1 StGB: Erwartet: die Prüfung der Vorschrift (vom Bearbeitervermerk verlangt, "
        "Gewicht 4 BE). Ihre Bearbeitung: nicht erörtert. Der Bearbeitervermerk verlangt die Prüfung "
        "dieser Vorschrift; ihre Behandlung konnte nachvollziehbar erwartet werden, ihre "
        f"Nichtbehandlung wird daher nachteilig bewertet {RN_13}. Abzug: 4 BE.")
    assert result.part("stgb_204_1").status is Status.NICHT_EROERTERT
    # the Konkurrenz § 204 → § 203 is not treated either: prüfungsspezifisch, the whole weight 2
    assert codes(result, Kind.PRUEFUNGSSPEZIFISCH) == ["norm-fehlt:stgb_204_1",
                                                       "konkurrenz-fehlt:stgb_204_1>stgb_203_2_1"]
    assert result.fachlich == ()
    # 14 units possible, 4 + 2 lost: 18 × 8/14 = 10.28… → 10 Punkte
    assert (result.units, result.max_units, result.points, result.label) == (8, 14, 10, "vollbefriedigend")


def test_norm_mentioned_but_not_examined(exercises, library):
    answer = data("konkurrenz_perfect.json")
    del answer["norms"][1]
    answer["konkurrenzen_begruendung"] = "Auf § 204 StGB kommt es daneben nicht an."
    result = graded(exercises, library, answer)
    assert result.part("stgb_204_1").status is Status.ANGESPROCHEN
    deduction = next(d for d in result.deductions if d.code == "norm-fehlt:stgb_204_1")
    assert deduction.given == "in der Begründung angesprochen („§ 204 StGB“), aber nicht geprüft"
    assert deduction.why.endswith("Eine bloße Erwähnung ersetzt die Prüfung der Merkmale nicht.")


def test_wrong_element_result_is_a_fachliche_deduction_with_the_facts(exercises, library):
    answer = data("vertretbar_perfect.json")
    answer["norms"][0]["elements"]["offenbaren"]["result"] = "nicht erfüllt"
    answer["norms"][0]["elements"]["tathandlung"]["result"] = "nicht erfüllt"
    answer["norms"][0]["elements"]["objektiver_tatbestand"]["result"] = "nicht erfüllt"
    answer["norms"][0]["elements"]["tatbestand"]["result"] = "nicht erfüllt"
    answer["norms"][0]["result"] = "nicht erfüllt"
    answer["gesamtergebnis"]["applies"] = []
    result = graded(exercises, library, answer)
    assert result.flags == ()  # wrong, but consistent
    offenbaren = next(d for d in result.deductions if d.code == "merkmal:stgb_203_2_1#offenbaren")
    assert offenbaren.kind is Kind.FACHLICH
    assert offenbaren.text() == (
        "§ 203 Abs. 2 S. 1 StGB – Merkmal „Offenbaren“: Erwartet: „erfüllt“. Ihre Bearbeitung: "
        "„nicht erfüllt“. Dieses Ergebnis ist nicht vertretbar. Laut Sachverhalt: R erzählt ihrem "
        "Bruder B von dem Kundenverlust und den Schließungsplänen (SV Abs. 3). Abzug: 0,19 BE.")
    assert codes(result, Kind.FACHLICH) == [
        "ergebnis:stgb_203_2_1", "merkmal:stgb_203_2_1#tatbestand",
        "merkmal:stgb_203_2_1#objektiver_tatbestand", "merkmal:stgb_203_2_1#tathandlung",
        "merkmal:stgb_203_2_1#offenbaren"]
    gesamt = next(d for d in result.deductions if d.code == "gesamt-fehlt:stgb_203_2_1")
    assert gesamt.units == 0 and "(Folgefehler)" in gesamt.why
    # 8 × 0.4 for the result; 4 of the 17 graded elements (the required ones: R is an
    # Amtsträgerin, so Nr. 2 — "ohne Amtsträger zu sein", § 11 Abs. 1 Nr. 4 StGB — is not reached)
    # of 3.2; the Gesamtergebnis follows from the answer's own result (Folgefehler, no further
    # deduction): 10 − 3.2 − 3.2 × 4/17 = 6.047… → 18 × 0.6047 = 10.88
    assert result.units == Fraction(10) - Fraction(16, 5) - Fraction(16, 5) * Fraction(4, 17)
    assert (result.points, result.label) == (10, "vollbefriedigend")


def test_contradiction_is_flagged_and_costs_the_begruendung_share(exercises, library):
    answer = data("vertretbar_perfect.json")
    answer["norms"][0]["elements"]["unbefugt"]["result"] = "nicht erfüllt"  # wrong, and the
    result = graded(exercises, library, answer)                             # parent stays erfüllt
    assert [f.text for f in result.flags] == [
        "„Tathandlung – unbefugtes Offenbaren“ ist als „erfüllt“ angegeben, obwohl Sie „Unbefugt“ "
        "als „nicht erfüllt“ beurteilen; die Voraussetzungen sind kumulativ verknüpft, daraus folgt "
        "„nicht erfüllt“."]
    assert [f.code for f in result.flags] == ["merkmal:stgb_203_2_1#tathandlung"]
    flag = next(d for d in result.deductions if d.code.startswith("widerspruch:"))
    assert flag.code == "widerspruch:merkmal:stgb_203_2_1#tathandlung"
    assert flag.kind is Kind.PRUEFUNGSSPEZIFISCH
    # proportionate: the contradiction costs what one element of § 203 costs (3.2 BE / 17; R is
    # an Amtsträgerin, so Nr. 2 is not reached)
    assert flag.units == Fraction(8) * Fraction(2, 5) / 17
    # the elements stated "erfüllt" are right and are not charged; "Unbefugt" is wrong once
    assert codes(result, Kind.FACHLICH) == ["merkmal:stgb_203_2_1#unbefugt"]


def test_relying_on_an_element_left_dahinstehen_is_a_contradiction(exercises, library):
    answer = data("vertretbar_perfect.json")
    answer["norms"][0]["elements"]["amtstraeger"]["result"] = "kann dahinstehen"
    result = graded(exercises, library, answer)
    assert [f.text for f in result.flags] == [
        "„Täterkreis“ ist als „erfüllt“ angegeben, obwohl Sie keine Alternative als „erfüllt“ "
        "beurteilen (Sie lassen „Amtsträger“ dahinstehen)."]
    assert "merkmal:stgb_203_2_1#amtstraeger" in codes(result, Kind.FACHLICH)


def test_displaced_norm_in_the_gesamtergebnis(exercises, library):
    answer = data("konkurrenz_perfect.json")
    answer["gesamtergebnis"]["applies"] = ["stgb_203_2_1", "stgb_204_1"]
    result = graded(exercises, library, answer)
    assert [f.text for f in result.flags] == [
        "§ 204 Abs. 1 StGB steht im Gesamtergebnis, obwohl Sie es hinter § 203 Abs. 2 S. 1 StGB "
        "zurücktreten lassen."]
    assert codes(result, Kind.FACHLICH) == ["gesamt-falsch:stgb_204_1"]
    # Gesamtergebnis: 1 of 2 items right (1 of 2 units); the contradiction is that same item
    assert result.part("gesamtergebnis").units == Fraction(2) - 1


def test_wrong_and_missing_konkurrenz(exercises, library):
    answer = data("konkurrenz_perfect.json")
    answer["konkurrenzen"] = [{"norm": "stgb_203_2_1", "yields_to": "stgb_204_1"}]
    result = graded(exercises, library, answer)
    wrong = next(d for d in result.deductions if d.code == "konkurrenz-falsch:stgb_203_2_1>stgb_204_1")
    missing = next(d for d in result.deductions if d.code == "konkurrenz-fehlt:stgb_204_1>stgb_203_2_1")
    assert (wrong.kind, missing.kind) == (Kind.FACHLICH, Kind.PRUEFUNGSSPEZIFISCH)
    assert wrong.units == missing.units == 1
    assert missing.expected == "§ 204 Abs. 1 StGB tritt hinter § 203 Abs. 2 S. 1 StGB zurück"
    assert result.part("konkurrenzen").units == 0


def test_missing_element_and_missing_citation_are_pruefungsspezifisch(exercises, library):
    answer = data("vertretbar_perfect.json")
    del answer["norms"][0]["elements"]["kenntnis_in_eigenschaft"]
    answer["norms"][0]["begruendung"] = "R hat das Geheimnis weitergegeben."
    result = graded(exercises, library, answer)
    assert codes(result, Kind.PRUEFUNGSSPEZIFISCH) == [
        "merkmal-fehlt:stgb_203_2_1#kenntnis_in_eigenschaft", "zitat:stgb_203_2_1"]
    citation = next(d for d in result.deductions if d.code == "zitat:stgb_203_2_1")
    assert (citation.given, citation.units) == ("die Vorschrift wird nicht genannt", Fraction(8, 5))


def test_vertretbar_from_the_solution_is_accepted_with_its_reason(exercises, library):
    # Since § 11 Abs. 1 Nr. 4 StGB is modelled with "ohne Amtsträger zu sein" (issue 12 / 19,
    # point 4), the check does not reach Nr. 2 for R, an Amtsträgerin: the fixture's vertretbar
    # entry widens a point the Gutachten never examines, and an answer on it is neither marked
    # down nor noted. The fixture needs a new vertretbar example (left to the grading side).
    answer = data("vertretbar_perfect.json")
    answer["norms"][0]["elements"]["besonders_verpflichteter"]["result"] = "erfüllt"
    result = graded(exercises, library, answer)
    assert result.deductions == ()
    assert result.notes == ()
    answer["norms"][0]["elements"]["besonders_verpflichteter"]["result"] = "nicht erfüllt"
    result = graded(exercises, library, answer)
    assert codes(result) == []


def test_reference_accepts_the_union_over_the_views(exercises, library):
    reference = build_reference(exercises["g_streit"], library)
    assert [s.label for s in reference.scenarios] == [
        "Lösungsweg der Musterlösung", "Auffassung „Beschränkte Bekanntheit genügt“"]
    assert reference.accepted("stgb_203_2_1") == {"erfüllt", "nicht erfüllt"}
    assert reference.accepted("stgb_203_2_1", "geheimnis") == {"erfüllt", "nicht erfüllt"}
    assert reference.accepted("stgb_203_2_1", "beschraenkter_kreis") == {"erfüllt"}
    assert reference.accepted("stgb_203_2_1", "geheimhaltungsinteresse") == {"nicht erfüllt"}
    assert reference.base.applies == frozenset()
    assert reference.scenarios[1].applies == {"stgb_203_2_1"}


def test_identical_submissions_get_identical_grades(exercises, library):
    first = data("konkurrenz_perfect.json")
    first["norms"][0]["elements"]["fremdheit"]["result"] = "offen"
    second = json.loads(json.dumps(first))
    second.update(student="2000002", name="Jemand Anderes")
    a, b = graded(exercises, library, first), graded(exercises, library, second)
    assert a.points < 18
    assert replace(a, student="x", name=None) == replace(b, student="x", name=None)
    assert a.fingerprint == b.fingerprint


def test_answer_for_another_exercise_is_refused(exercises, library):
    answer = load_answer(DATA / "answers" / "streit_hm.json", library)
    with pytest.raises(LawkitError, match="exercise: die Antwort gehört zur Aufgabe 'g_streit'; erwartet 'g_konkurrenz'"):
        grade(exercises["g_konkurrenz"], answer, library)


def test_feedback_is_german_and_escapes_student_text(exercises, library):
    answer = data("konkurrenz_perfect.json")
    answer["name"] = "<script>alert(1)</script> | **fett**"
    del answer["norms"][1]
    answer["konkurrenzen"] = []
    del answer["konkurrenzen_begruendung"]
    result = graded(exercises, library, answer)
    page = result.feedback_html()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert result._repr_html_() == page
    markdown = result.feedback_markdown()
    assert "\\<script\\>alert(1)\\</script\\> \\| \\*\\*fett\\*\\*" in markdown
    for heading in ("## Fachliche Wertungen", "## Prüfungsspezifische Wertungen", "## Widersprüche",
                    "## So wird gerechnet"):
        assert heading in markdown
    assert "Punkte = 18 × erreichte BE ÷ mögliche BE, abgerundet auf ganze Punkte: 18 × 8 ÷ 14 = " \
           "10,29 → 10 Punkte." in markdown


def test_norms_outside_the_bearbeitervermerk_are_neither_rewarded_nor_penalised(exercises, library):
    """The case of g_streit also examines § 21 WpHG, but the Bearbeitervermerk asks only for
    § 203 StGB: treating § 21 WpHG (even wrongly) changes nothing."""
    answer = data("streit_hm.json")
    answer["norms"].append({"norm": "wphg_21_1_1", "result": "erfüllt"})
    answer["gesamtergebnis"]["applies"] = ["wphg_21_1_1"]
    result = graded(exercises, library, answer)
    assert result.points == 18 and result.deductions == ()
    assert result.notes == (
        "§ 21 Abs. 1 S. 1 WpHG ist nach dem Bearbeitervermerk nicht zu prüfen; die Ausführungen dazu "
        "werden weder positiv noch negativ bewertet.",
        "§ 21 Abs. 1 S. 1 WpHG im Gesamtergebnis ist nach dem Bearbeitervermerk nicht Gegenstand der "
        "Aufgabe und wird nicht bewertet.")


def test_missing_gesamtergebnis(exercises, library):
    answer = data("streit_hm.json")
    del answer["gesamtergebnis"]
    result = graded(exercises, library, answer)
    assert codes(result) == ["gesamtergebnis-fehlt"]
    assert result.deductions[0].kind is Kind.PRUEFUNGSSPEZIFISCH
    assert (result.units, result.points) == (8, 14)  # 18 × 8/10 = 14.4
