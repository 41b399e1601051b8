"""The trainer's cards: every expected answer is the engine's, over all shipped cases and their
variants; exact prompts and reasons for the seed case; self-rated cards carry the norm data."""

from __future__ import annotations

from collections import Counter

import pytest

from lawkit import Result, check
from lawkit.training.cards import Card, CardKind, library_cards, locate
from lawkit.training.prompts import Ask, PromptSpec, phrase_prompt
from lawkit.training.session import feedback
from lawkit.training.variants import apply_changes

ANSWER = {Result.ERFUELLT: "ja", Result.NICHT_ERFUELLT: "nein", Result.OFFEN: "offen"}


@pytest.fixture(scope="module")
def cards() -> tuple[Card, ...]:
    return library_cards()


def _solved(card: Card, library, cache: dict):
    key = (card.case, card.changes)
    if key not in cache:
        case = apply_changes(library.case(card.case), card.changes)
        cache[key] = (case, check(case, library))
    return cache[key]


def test_every_card_expects_what_the_engine_computes_for_its_case_or_variant(cards, library):
    """Recomputed here from the case (and the variant's changed facts): a step on a leaf expects
    the fact's own answer, any other step the element's result, the Ergebnis the norm's result,
    a Fallvariante whether the norm applies, Konkurrenz, Verfolgbarkeit and Streit what the
    engine says about them."""
    cache: dict = {}
    checked = Counter()
    for card in cards:
        if card.self_rated:
            assert card.case is None and card.back, card.id
            continue
        case, result = _solved(card, library, cache)
        norm_id = card.id.split(":")[2] if card.kind is not CardKind.FALLVARIANTE else card.id.rsplit(":", 1)[1]
        norm = result.norm(card.norm)
        assert norm_id == card.norm, card.id
        if card.kind is CardKind.SCHRITT:
            node = locate(norm.root, card.path)
            assert node.examined, card.id
            if node.element.fact is not None:
                expected = "offen" if node.dahinstehen else case.facts[node.element.fact].answer.value
            else:
                expected = ANSWER[node.result]
        elif card.kind is CardKind.ERGEBNIS:
            expected = ANSWER[norm.result]
        elif card.kind is CardKind.FALLVARIANTE:
            expected = ANSWER[norm.applies]
        elif card.kind is CardKind.KONKURRENZ:
            yields_to = card.id.rsplit(":", 1)[1]
            expected = ANSWER[next(d.status for d in norm.displacements if d.relation.yields_to == yields_to)]
        elif card.kind is CardKind.VERFOLGBARKEIT:
            assert norm.prosecutable is not None
            expected = ANSWER[norm.prosecutable]
        else:
            assert card.kind is CardKind.STREIT_IM_FALL
            dispute = locate(norm.root, card.path).dispute
            expected = "ja" if dispute.matters else "nein"
        assert card.expected == expected, card.id
        assert card.expected in card.options
        checked[card.kind] += 1
    # every shipped case contributes, and every kind of engine-checked card occurs
    assert {c.case.split(".")[0] for c in cards if c.case} == set(library.case_files)
    assert set(checked) == {CardKind.SCHRITT, CardKind.ERGEBNIS, CardKind.FALLVARIANTE, CardKind.KONKURRENZ,
                            CardKind.VERFOLGBARKEIT, CardKind.STREIT_IM_FALL}
    assert checked[CardKind.SCHRITT] > 300


def test_generated_fallvarianten_are_cards_and_flip_results(cards):
    generated = [c for c in cards if c.id.startswith("fallvariante:verkauf_an_konkurrenten~")]
    assert len(generated) == 16  # eight variants, two examined norms each
    assert {c.expected for c in generated} == {"ja", "nein", "offen"}
    first = generated[0]
    assert first.id == "fallvariante:verkauf_an_konkurrenten~geheimhaltungsinteresse=nein:stgb_203_2_1"
    assert first.changes == (("geheimhaltungsinteresse", "nein"),)
    assert first.expected == "nein"
    assert "Die F-GmbH muss die Liste in Kürze ohnehin veröffentlichen." in first.sachverhalt
    assert "hält die Liste geheim" not in first.sachverhalt  # the sentence of the other answer is gone
    assert first.reason == ("Es fehlt an „Sachlich begründetes Geheimhaltungsinteresse“. "
                            "Im Ergebnis greift die Norm: nicht erfüllt.")
    # without disclosure § 203 fails, and § 204 no longer yields to it: it applies
    own_use = next(c for c in generated
                   if c.id == "fallvariante:verkauf_an_konkurrenten~offenbart=nein+verwertung_durch_offenbaren=nein"
                             ":stgb_204_1")
    assert own_use.expected == "ja"
    assert own_use.prompt == ("Greift § 204 Abs. 1 StGB im Ergebnis ein – Voraussetzungen erfüllt, nicht verdrängt "
                              "und verfolgbar?")


def test_card_ids_are_unique_and_stable(cards, library):
    assert len({c.id for c in cards}) == len(cards)
    from lawkit.training.cards import _build

    assert [c.id for c in _build(library)] == [c.id for c in cards]


def test_seed_case_steps_in_gutachten_order_with_exact_texts(cards):
    steps = [c for c in cards if c.case == "bafin_angestellte" and c.kind is CardKind.SCHRITT]
    assert [c.topic for c in steps[:5]] == ["stgb_203_2_1#tatbestand", "stgb_203_2_1#objektiver_tatbestand",
                                             "stgb_203_2_1#tatgegenstand", "stgb_203_2_1#geheimnis",
                                             "stgb_203_2_1#beschraenkter_kreis"]
    amtstraeger = next(c for c in steps if c.topic == "stgb_203_2_1#amtstraeger")
    assert amtstraeger.prompt == "Ist „Amtsträger“ bei R erfüllt?"
    assert amtstraeger.expected == "ja"
    assert amtstraeger.reason == "„Amtsträger“ richtet sich nach § 11 Abs. 1 Nr. 2 StGB; es ist erfüllt."
    beamter = next(c for c in steps if c.topic == "stgb_11_1_2#beamter_oder_richter")
    assert beamter.prompt == "Ist die Person nach deutschem Recht Beamter oder Richter?"
    assert (beamter.expected, beamter.reason) == (
        "nein", "Der Sachverhalt: R ist Angestellte der BaFin, nicht Beamtin. (SV Abs. 1) Damit ist "
                "„Beamter oder Richter“ nicht erfüllt.")
    assert beamter.title == ("Die Angestellte der Wertpapieraufsicht · § 203 Abs. 2 S. 1 StGB · Tatbestand › "
                             "Objektiver Tatbestand › Täterkreis › Amtsträger")
    # Rechtswidrigkeit asks whether a Rechtfertigungsgrund applies: "nein" fulfils the element
    rw = next(c for c in steps if c.topic == "stgb_203_2_1#rechtswidrigkeit")
    assert rw.expected == "nein"
    assert rw.reason.endswith("Damit ist „Rechtswidrigkeit“ erfüllt.")
    # the Gutachten stops after the first fulfilled alternative: Nr. 2 is not examined
    assert not any(c.topic == "stgb_203_2_1#besonders_verpflichteter" for c in steps)
    ergebnis = next(c for c in cards if c.id == "ergebnis:bafin_angestellte:stgb_203_2_1")
    assert (ergebnis.prompt, ergebnis.expected, ergebnis.reason) == (
        "Sind die Voraussetzungen des § 203 Abs. 2 S. 1 StGB erfüllt?", "ja",
        "Alle Voraussetzungen liegen vor (Tatbestand, Rechtswidrigkeit, Schuld); einschlägig ist "
        "§ 203 Abs. 2 S. 1 Nr. 1 StGB.")


def test_an_open_element_that_cannot_change_the_result_expects_offen_and_says_why(library):
    from lawkit.training.cards import step_cards

    case = library.case("bafin_angestellte.amtstraegerin_unklar")
    steps = step_cards(case, check(case, library), library, case_ref=case.id)
    amtstraeger = next(c for c in steps if c.topic == "stgb_203_2_1#amtstraeger")
    assert amtstraeger.expected == "offen"
    assert amtstraeger.reason == ("„Amtsträger“ kann dahinstehen: Das Ergebnis hängt nicht davon ab, weil "
                                  "„Für den öffentlichen Dienst besonders Verpflichteter“ erfüllt ist.")
    assert not any(c.topic.startswith("stgb_11_1_2#") for c in steps)  # not examined below it


def test_konkurrenz_verfolgbarkeit_and_streit_cards(cards):
    yields = next(c for c in cards if c.id == "konkurrenz:verkauf_an_konkurrenten:stgb_204_1:stgb_203_2_1")
    assert yields.prompt == "Tritt § 204 Abs. 1 StGB hinter § 203 Abs. 2 S. 1 Nr. 1 StGB zurück?"
    assert yields.expected == "ja"
    assert yields.reason.startswith("Gesetzeskonkurrenz: Geschieht die Verwertung gerade dadurch")
    assert yields.sources[0] == "Fischer, StGB, 66. Aufl. 2019, § 204 Rn. 4 (nach Ausarbeitung zu § 21 WpHG, Fn. 23)"
    strafantrag = next(c for c in cards if c.id == "verfolgbarkeit:bafin_angestellte:stgb_203_2_1")
    assert (strafantrag.prompt, strafantrag.expected, strafantrag.reason) == (
        "Ist die Tat nach § 203 Abs. 2 S. 1 StGB verfolgbar („Strafantrag“)?", "ja",
        "Strafantrag: erfüllt. Die Tat ist damit verfolgbar.")
    streit = {c.case: c for c in cards if c.kind is CardKind.STREIT_IM_FALL}
    assert streit["bafin_angestellte"].expected == "nein"  # both views: a Geheimnis
    assert streit["ad_hoc_pflicht"].expected == "ja"  # the Geheimnisbegriff decides there
    assert streit["ad_hoc_pflicht"].options == ("ja", "nein")


def test_definition_and_meinungsstreit_cards_come_from_the_norm_data(cards, library):
    definition = next(c for c in cards if c.id == "definition:stgb_203_2_1:geheimnis")
    element = library.norm("stgb_203_2_1").find("geheimnis")
    assert definition.self_rated and definition.options == ()
    assert definition.back == " ".join(element.definition.split())
    assert definition.prompt == "Wie ist „Geheimnis“ im Sinne des § 203 Abs. 2 S. 1 StGB definiert?"
    streit = next(c for c in cards if c.id == "meinungsstreit:stgb_203_2_1:geheimnisbegriff")
    assert streit.back.splitlines()[0].startswith(
        "Geheimhaltungsinteresse erforderlich (der ganz überwiegenden Auffassung) – herrschende Meinung: Neben")
    # a definition card follows the step that first examines its element
    ids = [c.id for c in cards]
    assert ids.index("definition:stgb_203_2_1:geheimnis") == ids.index(
        "schritt:bafin_angestellte:stgb_203_2_1:tatbestand/objektiver_tatbestand/tatgegenstand/geheimnis") + 1


def test_feedback_is_right_wrong_or_self_rated(cards):
    card = next(c for c in cards if c.id == "verfolgbarkeit:bafin_angestellte:stgb_203_2_1")
    assert feedback(card, "ja").text().splitlines()[0] == "Richtig: ja."
    wrong = feedback(card, "offen")
    assert (wrong.correct, wrong.headline) == (False, "Nicht ganz. Richtig ist: ja.")
    assert wrong.text().splitlines()[2].startswith("Entscheidend: Hat der Verletzte")
    definition = next(c for c in cards if c.id == "definition:stgb_203_2_1:geheimnis")
    assert feedback(definition, "offen").headline == "Selbst bewertet: unsicher."
    from lawkit.errors import LawkitError

    with pytest.raises(LawkitError, match="'vielleicht' ist keine Antwort auf diese Karte; erwartet ja, nein, offen"):
        feedback(card, "vielleicht")
    streit = next(c for c in cards if c.kind is CardKind.STREIT_IM_FALL)
    with pytest.raises(LawkitError, match=r"erwartet ja, nein$"):
        feedback(streit, "offen")


def test_prompts_are_phrased_in_one_function():
    roles = {"subject": "R"}
    assert phrase_prompt(PromptSpec(Ask.ELEMENT, label="Täterkreis", roles=roles)) == "Ist „Täterkreis“ bei R erfüllt?"
    assert phrase_prompt(PromptSpec(Ask.ELEMENT, label="Zulässigkeit", roles={"claimant": "K"})) == \
        "Ist „Zulässigkeit“ erfüllt?"
    assert phrase_prompt(PromptSpec(Ask.QUESTION, question="Handelte {subject} vorsätzlich?", roles=roles)) == \
        "Handelte R vorsätzlich?"
    assert phrase_prompt(PromptSpec(Ask.APPLIES, citation="§ 204 Abs. 1 StGB",
                                    requirements=("nicht verdrängt", "verfolgbar"))) == \
        "Greift § 204 Abs. 1 StGB im Ergebnis ein – Voraussetzungen erfüllt, nicht verdrängt und verfolgbar?"
    for ask in set(Ask) - {Ask.QUESTION}:  # every kind of question has a phrase
        assert phrase_prompt(PromptSpec(ask, citation="§ 1 X", label="L", question="ob Q")).endswith("?")
