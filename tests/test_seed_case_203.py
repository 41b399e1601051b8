"""§ 203 Abs. 2 S. 1 StGB on the seed case (Ausarbeitung, Abschn. 2.1) and its variants."""

from __future__ import annotations

import pytest

from lawkit import Answer, Result, ViewChoice, check


def test_seed_case_is_made_out_and_prosecutable(seed_case, library):
    result = check(seed_case, library).norm("stgb_203_2_1")
    assert result.result is Result.ERFUELLT
    assert result.citation == "§ 203 Abs. 2 S. 1 Nr. 1 StGB"
    assert result.prosecutable is Result.ERFUELLT
    assert result.applies is Result.ERFUELLT
    assert result.deciding == ()
    assert result.basis == (
        "geheimnis_beschraenkter_kreis", "geheimhaltungsinteresse", "geheimnis_fremd",
        "bestellt_oeffentliche_verwaltung", "kenntnis_in_eigenschaft", "offenbart", "unbefugt",
        "vorsatz_offenbaren", "rechtfertigungsgrund", "schuldausschluss",
    )
    amtstraeger = result.root.find("amtstraeger")
    assert amtstraeger.result is Result.ERFUELLT and amtstraeger.examined
    # Nr. 2 is exclusive ("ohne Amtsträger zu sein", § 11 Abs. 1 Nr. 4 StGB): an Amtsträgerin
    # is not besonders verpflichtet, and the Gutachten does not reach the alternative
    verpflichteter = result.root.find("besonders_verpflichteter")
    assert verpflichteter.result is Result.NICHT_ERFUELLT
    assert not verpflichteter.examined and not verpflichteter.dahinstehen
    assert verpflichteter.referenced.find("kein_amtstraeger").result is Result.NICHT_ERFUELLT
    # the Streit about the Geheimnis does not matter here: both views affirm it
    geheimnis = result.root.find("geheimnis")
    assert geheimnis.dispute.matters is False
    assert geheimnis.dispute.chosen.id == "geheimhaltungsinteresse_erforderlich"
    assert geheimnis.dispute.chosen_by is ViewChoice.DOMINANT


def test_fact_already_public_fails_at_the_tatgegenstand_and_stops(seed_case, library):
    case = seed_case.with_answer("geheimnis_beschraenkter_kreis", "nein").with_answer(
        "geheimhaltungsinteresse", "nein")
    result = check(case, library).norm("stgb_203_2_1")
    assert result.result is Result.NICHT_ERFUELLT
    assert result.basis == ("geheimnis_beschraenkter_kreis",)
    tatgegenstand = result.root.find("tatgegenstand")
    assert tatgegenstand.result is Result.NICHT_ERFUELLT and tatgegenstand.examined
    for later in ("fremdheit", "taeterkreis", "kenntnis_in_eigenschaft", "tathandlung",
                  "subjektiver_tatbestand", "rechtswidrigkeit", "schuld"):
        assert result.root.find(later).examined is False, later
    assert all(not p.examined for p in result.procedural)
    assert result.prosecutable is None
    text = check(case, library).gutachten().markdown()
    # the requirement both views share fails first: the Streit is not even put
    assert ("Abweichend vom Sachverhalt wird unterstellt, dass die Tatsachen nicht nur einem "
            "beschränkten Personenkreis bekannt oder zugänglich sind.\n\nAuf die Frage, ob über die "
            "beschränkte Bekanntheit hinaus ein sachlich begründetes Geheimhaltungsinteresse des "
            "Betroffenen erforderlich ist, kommt es daher nicht an.\n\nEs handelt sich nicht um ein "
            "Geheimnis.\n\nDamit liegt kein fremdes Geheimnis vor.") in text
    assert "Fraglich ist" not in text and "Stellungnahme" not in text
    assert "Täterkreis" not in text and "Vorsatz" not in text and "Strafantrag" not in text
    assert "**Ergebnis: R hat sich nicht gemäß § 203 Abs. 2 S. 1 StGB strafbar gemacht.**" in text


def test_vorsatz_unknown_is_open_and_names_vorsatz_as_deciding(seed_case, library):
    case = seed_case.with_answer("vorsatz_offenbaren", "offen")
    result = check(case, library).norm("stgb_203_2_1")
    assert result.result is Result.OFFEN
    assert result.deciding == ("vorsatz_offenbaren",)
    assert result.root.find("subjektiver_tatbestand").dahinstehen is False
    assert result.prosecutable is Result.ERFUELLT
    assert result.applies is Result.OFFEN
    text = check(case, library).gutachten().markdown()
    assert "Abweichend vom Sachverhalt wird unterstellt, dass offenbleibt, ob R vorsätzlich handelte." in text
    assert "Ob der Tatbestand erfüllt ist, hängt davon ab, ob R vorsätzlich handelte." in text
    # both branches, never the question put to the Sachverhalt
    assert ("**Ergebnis: Handelte R vorsätzlich, hat sie sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB "
            "strafbar gemacht; andernfalls nicht. Die Tat ist verfolgbar.**") in text
    assert "Handelte der Täter" not in text and "„" not in text


def test_no_strafantrag_made_out_but_not_prosecutable(seed_case, library):
    case = seed_case.with_answer("strafantrag_gestellt", "nein")
    result = check(case, library).norm("stgb_203_2_1")
    assert result.result is Result.ERFUELLT
    assert result.prosecutable is Result.NICHT_ERFUELLT
    assert result.applies is Result.NICHT_ERFUELLT
    text = check(case, library).gutachten().markdown()
    assert ("Abweichend vom Sachverhalt wird unterstellt, dass Strafantrag nicht gestellt ist.\n\n"
            "Damit fehlt es am erforderlichen Strafantrag.") in text
    assert ("R hat sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht. Die Tat ist jedoch "
            "nicht verfolgbar.") in text
    assert "bedroht" not in text


def test_meinungsstreit_that_matters_is_set_out_and_follows_the_chosen_view(seed_case, library):
    # known only to a few, but no sachlich begründetes Interesse: the views part ways
    case = seed_case.with_answer("geheimhaltungsinteresse", "nein")
    dominant = check(case, library).norm("stgb_203_2_1")
    geheimnis = dominant.root.find("geheimnis")
    assert geheimnis.dispute.matters is True
    assert [(o.view.id, o.result.result) for o in geheimnis.dispute.outcomes] == [
        ("geheimhaltungsinteresse_erforderlich", Result.NICHT_ERFUELLT),
        ("beschraenkte_bekanntheit_genuegt", Result.ERFUELLT),
    ]
    assert dominant.result is Result.NICHT_ERFUELLT
    text = check(case, library).gutachten().markdown()
    # problem → Subsumtion under each view → Stellungnahme with arguments → decision
    problem = text.index("Fraglich ist, ob über die beschränkte Bekanntheit hinaus ein sachlich "
                         "begründetes Geheimhaltungsinteresse des Betroffenen erforderlich ist.")
    first = text.index("Nach dieser Auffassung handelt es sich nicht um ein Geheimnis.")
    second = text.index("Nach dieser Auffassung handelt es sich um ein Geheimnis.")
    stellungnahme = text.index("###### (3) Stellungnahme")
    argument = text.index("Für die Gegenauffassung spricht der Wortlaut:")
    decision = text.index("Überzeugender ist die ganz überwiegende Auffassung.")
    conclusion = text.index("Somit handelt es sich nicht um ein Geheimnis.")
    assert problem < first < second < stellungnahme < argument < decision < conclusion
    assert "Für die ganz überwiegende Auffassung spricht der Zweck der Vorschrift:" in text
    assert "Ihr ist zu folgen." in text
    assert "der hier gefolgt wird" not in text and "Ansicht „" not in text

    minority = check(case, library, views={"geheimnisbegriff": "beschraenkte_bekanntheit_genuegt"})
    result = minority.norm("stgb_203_2_1")
    assert result.result is Result.ERFUELLT
    assert result.root.find("geheimnis").dispute.chosen_by is ViewChoice.CALL
    # the same choice made by the case itself
    by_case = check(case.with_view("geheimnisbegriff", "beschraenkte_bekanntheit_genuegt"), library)
    assert by_case.norm("stgb_203_2_1").root.find("geheimnis").dispute.chosen_by is ViewChoice.CASE


def test_open_alternative_kann_dahinstehen_when_both_answers_make_her_a_taeterin(seed_case, library):
    # unclear whether R is Amtsträgerin, but she is förmlich verpflichtet: if she is one, Nr. 1;
    # if not, Nr. 2 ("ohne Amtsträger zu sein") — she belongs to the Täterkreis either way
    case = (seed_case.with_answer("bestellt_oeffentliche_verwaltung", "offen")
            .with_answer("foermlich_verpflichtet", "ja"))
    result = check(case, library).norm("stgb_203_2_1")
    assert result.result is Result.ERFUELLT
    assert result.citation == "§ 203 Abs. 2 S. 1 StGB"  # Nr. 1 or Nr. 2: neither is certain
    taeterkreis = result.root.find("taeterkreis")
    assert taeterkreis.result is Result.ERFUELLT and taeterkreis.either_way == "stgb_11_1_2"
    amtstraeger = result.root.find("amtstraeger")
    assert amtstraeger.result is Result.OFFEN
    assert amtstraeger.examined and amtstraeger.dahinstehen
    assert result.root.find("besonders_verpflichteter").result is Result.OFFEN
    text = check(case, library).gutachten().markdown()
    assert ("Ob R Amtsträgerin ist, hängt davon ab, ob R zur Wahrnehmung von Aufgaben der "
            "öffentlichen Verwaltung bestellt ist (lit. c). Abweichend vom Sachverhalt wird "
            "unterstellt, dass offenbleibt, ob R zur Wahrnehmung von Aufgaben der öffentlichen "
            "Verwaltung bestellt ist (lit. c).") in text
    assert ("Das kann offenbleiben. Ist R Amtsträgerin, gehört sie zum Täterkreis (Nr. 1). "
            "Andernfalls ist R für den öffentlichen Dienst besonders Verpflichtete (Nr. 2): R ist "
            "bei der BaFin beschäftigt (SV Abs. 1). Abweichend vom Sachverhalt wird unterstellt, "
            "dass R förmlich verpflichtet worden ist.\n\nDamit gehört R jedenfalls zum "
            "Täterkreis.") in text


def test_knowledge_acquired_privately_is_not_enough(seed_case, library):
    case = seed_case.with_answer("kenntnis_in_eigenschaft", "nein")
    result = check(case, library).norm("stgb_203_2_1")
    assert result.result is Result.NICHT_ERFUELLT
    assert result.basis == ("kenntnis_in_eigenschaft",)
    assert result.root.find("tathandlung").examined is False


def test_open_element_before_a_failed_one_kann_dahinstehen(seed_case, library):
    # the BVerwG move (6 B 71.17, Rn. 5): leave the earlier question open, fail on the later one
    case = (seed_case.with_answer("geheimhaltungsinteresse", "offen")
            .with_answer("unbefugt", "nein"))
    result = check(case, library).norm("stgb_203_2_1")
    assert result.result is Result.NICHT_ERFUELLT
    tatgegenstand = result.root.find("tatgegenstand")
    assert tatgegenstand.result is Result.OFFEN and tatgegenstand.dahinstehen
    assert tatgegenstand.because.element.id == "tathandlung"
    assert result.root.find("subjektiver_tatbestand").examined is False
    text = check(case, library).gutachten().markdown()
    assert ("Ob ein fremdes Geheimnis vorliegt, hängt davon ab, ob ein sachlich begründetes "
            "Interesse an der Geheimhaltung besteht. Das kann dahinstehen, denn R hat jedenfalls das "
            "Geheimnis nicht unbefugt offenbart (dazu I. 1. d)).") in text
    assert "Abweichend vom Sachverhalt wird unterstellt, dass die Mitteilung befugt war." in text


def test_assumed_fact_is_marked_in_the_report(seed_case, library):
    from dataclasses import replace

    facts = dict(seed_case.facts)
    facts["schuldausschluss"] = replace(facts["schuldausschluss"], assumed=True)
    text = check(replace(seed_case, facts=facts), library).gutachten().markdown()
    assert ("Anhaltspunkte für einen Schuldausschließungs- oder Entschuldigungsgrund bestehen "
            "nicht; das wird hier unterstellt.") in text


def test_urteilsstil_puts_the_result_first(seed_case, library):
    doc = check(seed_case, library).gutachten("urteilsstil").document
    paragraphs = [b for b in doc.blocks if hasattr(b, "parts")]
    assert "".join(paragraphs[0].parts) == ("R hat sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar "
                                            "gemacht. Die Tat ist verfolgbar.")
    text = doc.markdown()
    assert "### I. Tatbestand\n\nDer Tatbestand ist erfüllt." in text
    assert ("Das Geheimnis ist fremd, denn die Tatsachen betreffen die Y-GmbH, nicht R selbst "
            "(SV Abs. 2).") in text
    assert ("Die Tat ist rechtswidrig, denn ein Rechtfertigungsgrund ist nicht ersichtlich; R will B "
            "lediglich einen Tipp geben (SV Abs. 3).") in text
    assert "Fraglich ist" not in text and " müsste " not in text.replace("schweigen müsste", "")


@pytest.mark.parametrize("answer", [Answer.JA, Answer.NEIN])
def test_deciding_the_open_alternative_keeps_the_result(seed_case, library, answer):
    case = seed_case.with_answer("foermlich_verpflichtet", answer)
    assert check(case, library).norm("stgb_203_2_1").result is Result.ERFUELLT
