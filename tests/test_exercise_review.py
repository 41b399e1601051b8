"""The exercises as an examiner reads them (docs/exercise_review.md): each point the review
found, asserted twice — the engine's result, and how the grader treats an answer on it.

1. § 203 Abs. 6 StGB (e11): the Qualifikation is examined with its Strafrahmen; an answer
   naming it loses nothing (wherever it names it), one missing it in e11 loses exactly the
   rubric's weight for it.
2. § 21 Abs. 1 S. 1 WpHG and § 203 StGB (e06): the Geheimhaltungsinteresse affirmed with a
   reason is vertretbar; the Musterlösung still follows the seed (Fn. 8).
3. § 839 BGB i.V.m. Art. 34 GG (e11): "in Ausübung" (not "bei Gelegenheit") and the
   Drittbezogenheit are Schwerpunkte of the Gutachten and graded elements.
4. § 11 Abs. 1 Nr. 4 StGB ("ohne Amtsträger zu sein") and the Sperrwirkung of § 839 BGB for
   § 823 Abs. 2 BGB, re-checked; a barred norm's grounds say it is not applicable.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from lawkit import Result, check
from lawkit.exercises import load_exercise
from lawkit.grading import Kind, grade
from lawkit.grading.answers import answer_from_mapping
from lawkit.grading.reference import build_reference

COURSE = Path(__file__).resolve().parents[1] / "course"


@pytest.fixture(scope="module")
def course(library):
    return {p.stem: load_exercise(p, library) for p in COURSE.glob("*.yaml")}


@pytest.fixture(scope="module")
def references(course, library):
    return {key: build_reference(ex, library) for key, ex in course.items()}


def model_answer(reference, index: int = 0) -> dict:
    """A complete answer along one solution path: every required norm and element as that
    path's check gives it, its Konkurrenzen and its Gesamtergebnis."""
    scenario = reference.scenarios[index]
    exercise = reference.exercise
    norms = []
    for required in exercise.solution.required:
        path = scenario.norms[required.norm]
        ref = reference.norms[required.norm]
        elements = {}
        for element_id in path.required:
            accepted = [r for r, by in ref.elements[element_id].accepted.items() if index in by]
            elements[element_id] = {"result": accepted[0]}
        for element_id in sorted(path.dahinstehen):
            elements[element_id] = {"result": "kann dahinstehen"}
        for element_id in sorted(path.conditions):
            accepted = [r for r, by in ref.elements[element_id].accepted.items() if index in by]
            elements[element_id] = {"result": accepted[0]}
        citation = ref.citation_on(index)
        norms.append({"norm": required.norm, "result": path.result.value,
                      "begruendung": f"Geprüft wird {citation}.", "elements": elements})
    return {
        "exercise": exercise.id, "student": "1000001", "name": "Erika Musterfrau",
        "norms": norms,
        "konkurrenzen": [{"norm": n, "yields_to": m} for n, m in sorted(scenario.displacements)],
        "gesamtergebnis": {"applies": sorted(scenario.applies), "text": "Ergebnis siehe oben."},
    }


def graded(course, library, answer: dict):
    return grade(course[answer["exercise"]], answer_from_mapping(answer, library), library)


def lost(result) -> list[tuple[str, Kind, Fraction]]:
    return [(d.code, d.kind, d.units) for d in result.deductions if d.units]


def norm_of(answer: dict, norm_id: str) -> dict:
    return next(n for n in answer["norms"] if n["norm"] == norm_id)


# -- 1. § 203 Abs. 6 StGB ----------------------------------------------------------------------
def test_e11_engine_examines_the_qualifikation_with_its_strafrahmen(library):
    result = check(library.case("gesamtfall_verkauftes_angebot"), library)
    qualified = result.norm("stgb_203_6")
    assert (qualified.result, qualified.applies) == (Result.ERFUELLT, Result.ERFUELLT)
    by_id = {e.element.id: e for e in qualified.root.walk()}
    assert by_id["gegen_entgelt"].result is Result.ERFUELLT
    assert by_id["schaedigungsabsicht"].result is Result.OFFEN  # the Sachverhalt is silent
    assert by_id["schaedigungsabsicht"].dahinstehen
    assert qualified.norm.consequence.text == "Freiheitsstrafe bis zu zwei Jahren oder Geldstrafe"
    base = result.norm("stgb_203_2_1")
    assert [(d.relation.kind.value, d.relation.yields_to, d.status) for d in base.displacements] \
        == [("Spezialität", "stgb_203_6", Result.ERFUELLT)]
    # § 204 keeps yielding to § 203 (Fn. 23, 24); with Abs. 6 the Strafrahmen match
    verwertung = result.norm("stgb_204_1")
    assert [(d.relation.yields_to, d.status) for d in verwertung.displacements] \
        == [("stgb_203_2_1", Result.ERFUELLT)]
    text = result.gutachten("gutachten", "ausführlich").markdown()
    assert ("B hat sich gemäß § 203 Abs. 2 S. 1, Abs. 6 StGB strafbar gemacht. Die Tat ist mit "
            "Freiheitsstrafe bis zu zwei Jahren oder Geldstrafe bedroht.") in text
    assert ("Mit der Qualifikation erreicht der Strafrahmen des § 203 StGB den der Verwertung "
            "fremder Geheimnisse nach § 204 StGB, die hinter § 203 StGB zurücktritt") in text
    assert "B übergibt die Unterlagen gegen 10 000 Euro, also für eine Gegenleistung in Geld" in text


@pytest.mark.parametrize(("variant", "expected", "applies_base"), [
    ("ohne_gegenleistung", Result.NICHT_ERFUELLT, Result.ERFUELLT),
    ("rache", Result.ERFUELLT, Result.NICHT_ERFUELLT),
    ("motiv_unklar", Result.OFFEN, Result.OFFEN),
    ("einwilligung_unklar", Result.NICHT_ERFUELLT, Result.OFFEN),
])
def test_e11_variants_decide_the_qualifikation_only_from_the_facts(library, variant, expected,
                                                                  applies_base):
    result = check(library.case("gesamtfall_verkauftes_angebot").variant(variant), library)
    assert result.norm("stgb_203_6").result is expected
    assert result.norm("stgb_203_2_1").applies is applies_base


def test_e11_a_complete_answer_naming_203_6_gets_18_points(course, library, references):
    answer = model_answer(references["e11_verkauftes_angebot"])
    assert {"norm": "stgb_203_2_1", "yields_to": "stgb_203_6"} in answer["konkurrenzen"]
    result = graded(course, library, answer)
    assert (result.points, lost(result), result.flags) == (18, [], ())


def test_e11_citing_grundtatbestand_and_qualifikation_together_loses_nothing(course, library,
                                                                             references):
    """'§ 203 Abs. 2 S. 1 Nr. 1, Abs. 6 StGB' in the Gesamtergebnis, without spelling out the
    Spezialität: both are how an examiner writes it."""
    answer = model_answer(references["e11_verkauftes_angebot"])
    answer["konkurrenzen"] = [k for k in answer["konkurrenzen"] if k["yields_to"] != "stgb_203_6"]
    answer["gesamtergebnis"]["applies"] = ["bgb_839_gg_34", "stgb_203_2_1", "stgb_203_6"]
    result = graded(course, library, answer)
    assert (result.points, lost(result), result.flags) == (18, [], ())
    # stating the Spezialität and citing both is as right
    answer = model_answer(references["e11_verkauftes_angebot"])
    answer["gesamtergebnis"]["applies"] = ["bgb_839_gg_34", "stgb_203_2_1", "stgb_203_6"]
    result = graded(course, library, answer)
    assert (result.points, lost(result), result.flags) == (18, [], ())


def test_e11_an_answer_missing_203_6_loses_exactly_the_rubric_weight(course, library, references):
    exercise = course["e11_verkauftes_angebot"]
    weight = next(r.weight for r in exercise.solution.required if r.norm == "stgb_203_6")
    assert weight == 2
    answer = model_answer(references["e11_verkauftes_angebot"])
    answer["norms"] = [n for n in answer["norms"] if n["norm"] != "stgb_203_6"]
    answer["konkurrenzen"] = [k for k in answer["konkurrenzen"] if k["yields_to"] != "stgb_203_6"]
    answer["gesamtergebnis"]["applies"] = ["bgb_839_gg_34", "stgb_203_2_1"]
    result = graded(course, library, answer)
    assert lost(result) == [("norm-fehlt:stgb_203_6", Kind.PRUEFUNGSSPEZIFISCH, Fraction(2))]
    assert result.max_units - result.units == weight
    assert result.points == 18 * (result.max_units - 2) // result.max_units == 16
    # the Gesamtergebnis without Abs. 6 follows from the answer's own findings (Folgefehler)
    missing = [d for d in result.deductions if d.code == "gesamt-fehlt:stgb_203_6"]
    assert [d.units for d in missing] == [0]


def test_e11_denying_the_qualifikation_is_a_fachlicher_error(course, library, references):
    """B took 10 000 Euro: "nicht erfüllt" for § 203 Abs. 6 is not vertretbar; the result share
    and the elements denied are lost, the Gesamtergebnis that follows from it costs nothing more."""
    answer = model_answer(references["e11_verkauftes_angebot"])
    qualified = norm_of(answer, "stgb_203_6")
    qualified["result"] = "nicht erfüllt"
    qualified["elements"]["qualifikation_203_6"] = {"result": "nicht erfüllt"}
    qualified["elements"]["gegen_entgelt"] = {"result": "nicht erfüllt"}
    del qualified["elements"]["schaedigungsabsicht"]  # (answered only where it kann dahinstehen)
    answer["konkurrenzen"] = [k for k in answer["konkurrenzen"] if k["yields_to"] != "stgb_203_6"]
    answer["gesamtergebnis"]["applies"] = ["bgb_839_gg_34", "stgb_203_2_1"]
    result = graded(course, library, answer)
    rubric = course["e11_verkauftes_angebot"].solution.rubric
    # the elements graded: the four the path requires (Schädigungsabsicht, which kann
    # dahinstehen, only where it is answered)
    element = Fraction(2) * Fraction(str(rubric.elements)) / 4
    assert lost(result) == [
        ("ergebnis:stgb_203_6", Kind.FACHLICH, Fraction(2) * Fraction(str(rubric.norm_result))),
        ("merkmal:stgb_203_6#qualifikation_203_6", Kind.FACHLICH, element),
        ("merkmal:stgb_203_6#gegen_entgelt", Kind.FACHLICH, element)]


def test_e11_an_answer_denying_the_entgelt_loses_its_element_share(course, library, references):
    reference = references["e11_verkauftes_angebot"]
    answer = model_answer(reference)
    qualified = norm_of(answer, "stgb_203_6")
    qualified["elements"]["gegen_entgelt"] = {"result": "nicht erfüllt"}
    result = graded(course, library, answer)
    path = reference.base.norms["stgb_203_6"]
    assert (path.required, path.dahinstehen) == (
        ("grundtatbestand_203", "qualifikation_203_6", "gegen_entgelt", "strafantrag_203_6"),
        {"schaedigungsabsicht"})
    rubric = course["e11_verkauftes_angebot"].solution.rubric
    share = Fraction(2) * Fraction(str(rubric.elements)) / 5  # weight × elements ÷ graded elements
    assert lost(result) == [("merkmal:stgb_203_6#gegen_entgelt", Kind.FACHLICH, share)]


GUTACHTEN_203_6 = """# Gutachten

## A. Strafbarkeit des B gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB

B könnte sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht haben, indem er C die
Unterlagen übergab. Er handelte vorsätzlich, rechtswidrig und schuldhaft. Strafantrag ist
gestellt. B hat sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht.

## B. Qualifikation gemäß § 203 Abs. 6 StGB

B könnte zudem gegen Entgelt gehandelt haben (§ 203 Abs. 6 StGB). Entgelt ist jede in einem
Vermögensvorteil bestehende Gegenleistung. B erhielt 10 000 Euro. Er handelte gegen Entgelt.
Die Qualifikation des § 203 Abs. 6 StGB ist erfüllt.

## C. Gesamtergebnis

B hat sich gemäß § 203 Abs. 2 S. 1 Nr. 1, Abs. 6 StGB strafbar gemacht.
"""


def test_e11_a_gutachten_citing_203_2_and_6_together_is_read_and_not_marked_down(
        course, library, tmp_path):
    """The reader takes "§ 203 Abs. 2 S. 1 Nr. 1, Abs. 6 StGB" as both norms; the Gesamtergebnis
    loses nothing for it, and the Qualifikation is read as examined and met."""
    from lawkit.grading import load_answer

    exercise = course["e11_verkauftes_angebot"]
    path = tmp_path / "e11_verkauftes_angebot.md"
    path.write_text(GUTACHTEN_203_6, encoding="utf-8")
    answer = load_answer(path, library, exercise=exercise)
    assert answer.applies == ("stgb_203_2_1", "stgb_203_6")
    qualified = answer.norm("stgb_203_6")
    assert qualified.result.value == "erfüllt"
    assert qualified.element("gegen_entgelt").result.value == "erfüllt"
    result = grade(exercise, answer, library)
    # nothing in the Gesamtergebnis costs anything (the missing civil part is charged where the
    # Ansprüche are not examined, its absence here follows from that: Folgefehler)
    assert [d.code for d in result.deductions if d.part == "gesamtergebnis" and d.units] == []
    assert "norm-fehlt:bgb_839_gg_34" in [d.code for d in result.deductions]
    assert not [d for d in result.deductions if d.code.startswith(("ergebnis:stgb_203",
                                                                   "merkmal:stgb_203_6"))]


@pytest.mark.parametrize("exercise", ["e01_geheimnis", "e03_verkauf", "e06_ad_hoc"])
def test_naming_203_6_where_the_bearbeitervermerk_does_not_ask_for_it_costs_nothing(
        course, library, references, exercise):
    """e03's M also sells for 5 000 Euro; its Bearbeitervermerk asks for § 203 Abs. 2 S. 1 StGB
    only. Whoever examines Abs. 6 there (or in e01, e06) is neither rewarded nor marked down."""
    reference = references[exercise]
    plain = graded(course, library, model_answer(reference))
    answer = model_answer(reference)
    base = norm_of(answer, "stgb_203_2_1")
    answer["norms"].append({"norm": "stgb_203_6", "result": base["result"],
                            "begruendung": "Geprüft wird § 203 Abs. 6 StGB.",
                            "elements": {"gegen_entgelt": {"result": base["result"]}}})
    if base["result"] == "erfüllt":
        answer["konkurrenzen"].append({"norm": "stgb_203_2_1", "yields_to": "stgb_203_6"})
        answer["gesamtergebnis"]["applies"] = sorted({*answer["gesamtergebnis"]["applies"],
                                                      "stgb_203_6"})
    result = graded(course, library, answer)
    assert (result.units, result.points, lost(result)) == (plain.units, plain.points, lost(plain))
    assert any("§ 203 Abs. 6 StGB ist nach dem Bearbeitervermerk nicht zu prüfen" in n
               for n in result.notes)


# -- 2. e06: the Geheimhaltungsinteresse -------------------------------------------------------
def test_e06_engine_follows_the_seed(library):
    result = check(library.case("ad_hoc_pflicht"), library)
    for norm_id, element_id in (("stgb_203_2_1", "geheimhaltungsinteresse"),
                                ("wphg_21_1_1", "geheimhaltungsinteresse_21")):
        norm = result.norm(norm_id)
        assert norm.result is Result.NICHT_ERFUELLT
        element = next(e for e in norm.root.walk() if e.element.id == element_id)
        assert element.result is Result.NICHT_ERFUELLT  # Abschn. 2.1.1, Fn. 8


def _affirming(reference) -> dict:
    """The Musterlösung's path, but the Geheimhaltungsinteresse affirmed with a reason, and
    what follows from it: § 203 and § 21 WpHG are met."""
    answer = model_answer(reference)
    reason = ("Bis zur Veröffentlichung darf die Nachricht nicht an Einzelne gelangen; die "
              "Veröffentlichungspflicht regelt nur den Weg an den Markt.")
    for norm_id, element_id, met in (
            ("stgb_203_2_1", "geheimhaltungsinteresse",
             ("geheimnis", "tatgegenstand", "fremdheit", "taeterkreis", "amtstraeger",
              "kenntnis_in_eigenschaft", "tathandlung", "offenbaren", "unbefugt",
              "objektiver_tatbestand", "subjektiver_tatbestand", "tatbestand",
              "rechtswidrigkeit", "schuld", "strafantrag")),
            ("wphg_21_1_1", "geheimhaltungsinteresse_21", ())):
        norm = norm_of(answer, norm_id)
        norm["result"] = "erfüllt"
        norm["begruendung"] += " " + reason
        norm["elements"][element_id] = {"result": "erfüllt", "begruendung": reason}
        for other in met:
            norm["elements"][other] = {"result": "erfüllt"}
    answer["gesamtergebnis"]["applies"] = ["stgb_203_2_1", "wphg_21_1_1"]
    return answer


def test_e06_affirming_the_geheimhaltungsinteresse_with_a_reason_is_vertretbar(course, library,
                                                                              references):
    reference = references["e06_ad_hoc"]
    assert reference.accepted("wphg_21_1_1", "geheimhaltungsinteresse_21") \
        == {"nicht erfüllt", "erfüllt"}
    assert reference.accepted("stgb_203_2_1", "geheimhaltungsinteresse") \
        == {"nicht erfüllt", "erfüllt"}
    result = graded(course, library, _affirming(reference))
    assert [d for d in result.deductions if d.kind is Kind.FACHLICH and d.units] == []
    assert (result.points, result.flags) == (18, ())
    assert any(n.startswith("§ 21 Abs. 1 S. 1 WpHG, Merkmal „Geheimhaltung im Interesse eines "
                            "Verpflichteten oder Dritten“: Ihr Ergebnis „erfüllt“ ist vertretbar: "
                            "Die Ausarbeitung verneint") for n in result.notes)


def test_e06_the_vertretbar_result_needs_the_element_that_carries_it(course, library, references):
    """Denying the interest and affirming § 203 StGB assembles one result from two: on the path of
    its elements "erfüllt" is not vertretbar for this answer, and the deduction says what is."""
    reference = references["e06_ad_hoc"]
    assert reference.norms["stgb_203_2_1"].carried == {
        "erfüllt": (("geheimhaltungsinteresse", "erfüllt"),)}
    answer = model_answer(reference)
    norm_of(answer, "stgb_203_2_1")["result"] = "erfüllt"
    result = graded(course, library, answer)
    deduction = next(d for d in result.deductions if d.code == "ergebnis:stgb_203_2_1")
    assert (deduction.kind, deduction.expected, deduction.given) == (
        Kind.FACHLICH, "„nicht erfüllt“", "„erfüllt“")
    assert result.part("stgb_203_2_1").accepted == ("nicht erfüllt",)
    # the answer that takes the vertretbare view sees both results as vertretbar
    affirming = graded(course, library, _affirming(reference))
    assert affirming.part("stgb_203_2_1").accepted == ("nicht erfüllt", "erfüllt")
    assert affirming.part("wphg_21_1_1").accepted == ("nicht erfüllt", "erfüllt")


def test_e06_a_wrong_answer_stays_wrong(course, library, references):
    """Denying that only few knew of the Prognose is not vertretbar: the Sachverhalt says so."""
    answer = model_answer(references["e06_ad_hoc"])
    norm_of(answer, "stgb_203_2_1")["elements"]["beschraenkter_kreis"] = {"result": "nicht erfüllt"}
    result = graded(course, library, answer)
    assert ("merkmal:stgb_203_2_1#beschraenkter_kreis", Kind.FACHLICH) in \
        [(c, k) for c, k, _ in lost(result)]


# -- 3. e11: § 839 BGB i.V.m. Art. 34 GG ------------------------------------------------------
def test_e11_amtshaftung_discusses_ausuebung_and_drittbezogenheit_as_schwerpunkte(library):
    case = library.case("gesamtfall_verkauftes_angebot")
    assert case.facts["in_ausuebung_oeffentlichen_amtes"].problem
    assert case.facts["geschaedigter_geschuetzt"].problem
    result = check(case, library)
    amtshaftung = result.norm("bgb_839_gg_34")
    by_id = {e.element.id: e for e in amtshaftung.root.walk()}
    assert by_id["ausuebung_oeffentlichen_amtes"].result is Result.ERFUELLT
    assert by_id["geschuetzter_dritter"].result is Result.ERFUELLT
    for level in ("ausführlich", "klausurmäßig"):
        text = result.gutachten("gutachten", level).markdown()
        assert ("Was ein Amtswalter nur bei Gelegenheit seines Dienstes tut, genügt nicht; sein "
                "Verhalten muss mit der hoheitlichen Aufgabe in einem inneren und äußeren "
                "Zusammenhang stehen.") in text
        assert "das spricht auf den ersten Blick dafür, dass er nur bei Gelegenheit" in text
        assert "Die Tat wurzelt also in der Aufsicht selbst" in text
        assert ("Drittbezogen ist die Amtspflicht gegenüber denen, deren Belange sie gerade "
                "schützen soll, nicht nur gegenüber der Allgemeinheit.") in text
        assert "Die Verschwiegenheitspflicht besteht daher auch ihr gegenüber" in text


@pytest.mark.parametrize("element_id", ["ausuebung_oeffentlichen_amtes", "geschuetzter_dritter"])
def test_e11_amtshaftung_problems_are_graded_points(course, library, references, element_id):
    reference = references["e11_verkauftes_angebot"]
    path = reference.base.norms["bgb_839_gg_34"]
    assert element_id in path.required
    rubric = course["e11_verkauftes_angebot"].solution.rubric
    share = Fraction(5) * Fraction(str(rubric.elements)) / (len(path.required)
                                                            + len(path.dahinstehen))
    assert share == Fraction(1, 4)  # 5 BE × 0.4 ÷ 8 graded elements
    wrong = model_answer(reference)
    norm_of(wrong, "bgb_839_gg_34")["elements"][element_id] = {"result": "nicht erfüllt"}
    result = graded(course, library, wrong)
    # the wrong result costs its share; affirming the claim anyway is a contradiction besides
    assert (f"merkmal:bgb_839_gg_34#{element_id}", Kind.FACHLICH, share) in lost(result)
    missing = model_answer(reference)
    del norm_of(missing, "bgb_839_gg_34")["elements"][element_id]
    result = graded(course, library, missing)
    assert lost(result) == [(f"merkmal-fehlt:bgb_839_gg_34#{element_id}",
                             Kind.PRUEFUNGSSPEZIFISCH, share)]


# -- 4. § 11 Abs. 1 Nr. 4 StGB and the Sperrwirkung, re-checked --------------------------------
def test_11_1_4_ohne_amtstraeger_zu_sein(library):
    """W (pruefer_findag) is förmlich verpflichtet and no Amtsträger: Nr. 2 of § 203 Abs. 2 S. 1
    (§ 11 Abs. 1 Nr. 4 StGB); B (e11) is Amtsträger, so Nr. 4 is not met and not examined."""
    pruefer = check(library.case("pruefer_findag"), library).norm("stgb_203_2_1")
    by_id = {e.element.id: e for e in pruefer.root.walk()}
    assert by_id["besonders_verpflichteter"].result is Result.ERFUELLT
    assert pruefer.citation == "§ 203 Abs. 2 S. 1 Nr. 2 StGB"
    beamter = check(library.case("gesamtfall_verkauftes_angebot"), library).norm("stgb_203_2_1")
    by_id = {e.element.id: e for e in beamter.root.walk()}
    assert by_id["besonders_verpflichteter"].result is Result.NICHT_ERFUELLT
    assert not by_id["besonders_verpflichteter"].examined


def test_e11_besonders_verpflichteter_left_out_or_dahinstehen_costs_nothing(course, library,
                                                                          references):
    answer = model_answer(references["e11_verkauftes_angebot"])
    norm_of(answer, "stgb_203_2_1")["elements"]["besonders_verpflichteter"] = {
        "result": "kann dahinstehen"}
    result = graded(course, library, answer)
    assert (result.points, lost(result)) == (18, [])


def test_a_barred_norm_is_not_applicable_in_the_grounds(references):
    """The Sperrwirkung bars § 823 Abs. 2 BGB before its Tatbestand: the grounds say so."""
    expected = (
        "§ 823 Abs. 2 S. 1 BGB i.V.m. § 21 Abs. 1 S. 1 WpHG ist neben § 839 Abs. 1 S. 1 BGB "
        "i.V.m. Art. 34 S. 1 GG nicht anwendbar (Sperrwirkung). Die Haftung für "
        "Amtspflichtverletzungen ist in § 839 BGB abschließend geregelt, jedenfalls für Beamte im "
        "staatsrechtlichen Sinne. Für sie scheidet § 823 Abs. 2 BGB aus, und zwar unabhängig "
        "davon, ob die Voraussetzungen des § 839 BGB vorliegen; in Betracht kommt er nur "
        "ausnahmsweise, vor allem gegenüber Verpflichteten, die keine Beamten sind. Laut "
        "Sachverhalt: B wurde unter Aushändigung einer Ernennungsurkunde zum Oberregierungsrat "
        "ernannt (SV Abs. 1).")
    reference = references["e11_verkauftes_angebot"]
    assert reference.norms["bgb_823_2_wphg_21"].grounds == expected
    assert reference.grounds_on(0, "bgb_823_2_wphg_21") == expected
    assert "Tatbestand" not in reference.norms["bgb_823_2_wphg_21"].grounds


def test_the_sperrwirkung_stated_as_konkurrenz_beside_823_denied_is_no_contradiction(
        course, library, references):
    """§ 823 Abs. 2 BGB is "nicht erfüllt" because it yields at its Anwendbarkeit: an answer that
    says so and lists the Sperrwirkung among the Konkurrenzen is consistent and right (before,
    it was flagged as a contradiction, and leaving the pair out cost the Konkurrenz: a right
    answer could not get full marks). The Bearbeitervermerk asks for the relation of the two
    Anspruchsgrundlagen, so leaving it out still costs the Konkurrenz item."""
    reference = references["e11_verkauftes_angebot"]
    assert reference.base.barred == {("bgb_823_2_wphg_21", "bgb_839_gg_34")}
    answer = model_answer(reference)
    assert {"norm": "bgb_823_2_wphg_21", "yields_to": "bgb_839_gg_34"} in answer["konkurrenzen"]
    assert norm_of(answer, "bgb_823_2_wphg_21")["result"] == "nicht erfüllt"
    result = graded(course, library, answer)
    assert (result.points, lost(result), result.flags) == (18, [], ())
    answer["konkurrenzen"] = [k for k in answer["konkurrenzen"] if k["norm"] != "bgb_823_2_wphg_21"]
    result = graded(course, library, answer)
    # 3 BE over two required Konkurrenzen (the Spezialität of § 203 Abs. 6 is not required)
    assert lost(result) == [("konkurrenz-fehlt:bgb_823_2_wphg_21>bgb_839_gg_34",
                             Kind.PRUEFUNGSSPEZIFISCH, Fraction(3, 2))]


def test_e11_affirming_823_against_the_sperrwirkung_is_wrong_and_explained(course, library,
                                                                          references):
    answer = model_answer(references["e11_verkauftes_angebot"])
    norm_of(answer, "bgb_823_2_wphg_21")["result"] = "erfüllt"
    result = graded(course, library, answer)
    deduction = next(d for d in result.deductions if d.code == "ergebnis:bgb_823_2_wphg_21")
    assert deduction.kind is Kind.FACHLICH
    assert deduction.why.startswith(
        "Dieses Ergebnis ist nicht vertretbar. § 823 Abs. 2 S. 1 BGB i.V.m. § 21 Abs. 1 S. 1 WpHG "
        "ist neben § 839 Abs. 1 S. 1 BGB i.V.m. Art. 34 S. 1 GG nicht anwendbar (Sperrwirkung).")


def test_model_answers_get_18_points_on_every_solution_path(course, library, references):
    """The review changed these references (and the Konkurrenzen of a norm barred at its
    Anwendbarkeit, stated and denied): every solution path of each still gets full marks. (Exercises that grade
    the Darstellung need a written Begründung and are covered by their own tests.)"""
    for key in ("e03_verkauf", "e06_ad_hoc", "e11_verkauftes_angebot"):
        reference = references[key]
        for index in range(len(reference.scenarios)):
            result = graded(course, library, model_answer(reference, index))
            assert (key, index, result.points, lost(result)) == (key, index, 18, [])

