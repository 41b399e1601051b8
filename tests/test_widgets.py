"""The workbench and the self-checks in real ipywidgets (no kernel needed: setting a
control's value fires the observers exactly as a click in the browser does)."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w
import pytest

from lawkit import check, render
from lawkit.errors import AuthoringError, LawkitError, UnknownIdError
from lawkit.widgets import classify_remarks, self_check, workbench
from lawkit.widgets._facts import cited_paragraphs, fact_groups, paragraphs

SELFCHECKS = Path(__file__).parent / "data" / "selfchecks"


@pytest.fixture
def bench(library):
    return workbench("bafin_angestellte", library=library)


# -- the fact panel ---------------------------------------------------------------------------


def test_one_control_per_question_with_the_case_s_answers(bench, seed_case):
    assert set(bench.controls) == set(seed_case.facts)
    for key, control in bench.controls.items():
        assert isinstance(control, w.ToggleButtons)
        assert [value for _, value in control.options] == ["ja", "nein", "offen"]
        assert control.value == seed_case.facts[key].answer.value
        assert f"lawkit-fact-{key}" in control._dom_classes
    assert "lawkit-style" in bench.style_control._dom_classes
    assert bench.style_control.options == (("Gutachtenstil", "gutachten"), ("Urteilsstil", "urteilsstil"))


def test_facts_are_grouped_by_norm_and_pruefungspunkt_and_shared_ones_appear_once(library):
    groups = fact_groups(library.case("verkauf_an_konkurrenten"), library)
    assert [g.heading for g in groups] == [
        "§ 203 Abs. 2 S. 1 StGB – Verletzung von Privatgeheimnissen",
        "§ 204 Abs. 1 StGB – Verwertung fremder Geheimnisse",
    ]
    assert [p.label for p in groups[0].points] == ["Tatbestand", "Rechtswidrigkeit", "Schuld",
                                                   "Verfolgbarkeit"]
    assert [p.label for p in groups[1].points] == ["Tatbestand", "Konkurrenzen"]
    shown = [e.key for g in groups for p in g.points for e in p.facts]
    assert len(shown) == len(set(shown)) == len(library.case("verkauf_an_konkurrenten").facts)
    first = {e.key: e for p in groups[0].points for e in p.facts}
    assert first["unbefugt"].also == ("§ 204 Abs. 1 StGB – Tatbestand",)
    assert first["strafantrag_gestellt"].also == ("§ 204 Abs. 1 StGB – Verfolgbarkeit",)
    assert first["offenbart"].also == ()  # § 204 does not ask it


def test_fact_panel_quotes_the_cited_paragraph_and_says_where_else_it_matters(library):
    bench = workbench("verkauf_an_konkurrenten", library=library)
    item = bench.controls["unbefugt"]
    box = next(child for child in _walk(bench.widget) if isinstance(child, w.VBox)
               and item in child.children)
    info = box.children[0].value
    case = library.case("verkauf_an_konkurrenten")
    fact = case.facts["unbefugt"]
    assert fact.source == "SV Abs. 2"
    assert f"<summary>SV Abs. 2</summary><blockquote style=\"margin:2px 0 2px 1em\">" \
           f"{paragraphs(case.sachverhalt)[1]}</blockquote>" in info.replace("&quot;", '"')
    assert "Auch erheblich für: § 204 Abs. 1 StGB – Tatbestand" in info


def test_assumed_facts_are_labelled(library):
    case = library.case("bverwg_6_b_71_17")
    assumed = [k for k, f in case.facts.items() if f.assumed]
    assert assumed  # the case has some
    bench = workbench(case, library=library)
    for key in assumed:
        box = next(c for c in _walk(bench.widget) if isinstance(c, w.VBox)
                   and bench.controls[key] in c.children)
        assert "[unterstellt – der Sachverhalt sagt dazu nichts]" in box.children[0].value


def test_paragraph_numbers_of_a_source():
    assert cited_paragraphs("SV Abs. 2") == (2,)
    assert cited_paragraphs("SV Abs. 1 und 2") == (1, 2)
    assert cited_paragraphs("Rn. 2, 13") == ()
    assert cited_paragraphs(None) == ()


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


# -- a click re-checks and re-renders -----------------------------------------------------------


def test_toggling_vorsatz_changes_tree_gutachten_and_summary(bench):
    before_schema = bench.schema_text()
    before_html = bench.gutachten.value
    bench.controls["vorsatz_offenbaren"].value = "nein"  # exactly what a click does
    after = bench.schema_text()
    changed = [(a, b) for a, b in zip(before_schema.splitlines(), after.splitlines(), strict=True)
               if a != b]
    assert changed == [
        ("§ 203 Abs. 2 S. 1 Nr. 1 StGB – Verletzung von Privatgeheimnissen: erfüllt",
         "§ 203 Abs. 2 S. 1 Nr. 1 StGB – Verletzung von Privatgeheimnissen: nicht erfüllt"),
        ("  Tatbestand: erfüllt", "  Tatbestand: nicht erfüllt"),
        ("    Subjektiver Tatbestand – Vorsatz: erfüllt", "    Subjektiver Tatbestand – Vorsatz: nicht erfüllt"),
        # not reached any more: no value, only "nicht geprüft"
        ("  Rechtswidrigkeit: erfüllt", "  Rechtswidrigkeit: nicht geprüft"),
        ("  Schuld: erfüllt", "  Schuld: nicht geprüft"),
        ("  Verfolgbarkeit: erfüllt", "  Verfolgbarkeit: nicht geprüft"),
        ("    Strafantrag (§ 205 Abs. 1 S. 1 StGB): erfüllt",
         "    Strafantrag (§ 205 Abs. 1 S. 1 StGB): nicht geprüft"),
        ("      Strafantrag gestellt: erfüllt", "      Strafantrag gestellt: nicht geprüft"),
    ]
    text = bench.gutachten_text()
    assert "Ergebnis: R hat sich nicht gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht." in text
    assert "Die Tat ist verfolgbar." not in text
    # the note of the Sachverhalt ("R weiß, dass sie schweigen müsste") no longer fits "nein": the
    # Gutachten says what is assumed, in the element's own words, never the question
    assert ("Abweichend vom Sachverhalt wird unterstellt, dass R nicht vorsätzlich handelte.\n\n"
            "Damit ist der Tatbestand nicht erfüllt.") in text
    assert "R weiß, dass sie schweigen müsste" not in text and "Handelte der Täter" not in text
    # every view was re-rendered from the new result
    assert bench.gutachten.value != before_html
    assert "dass R nicht vorsätzlich handelte" in bench.gutachten.value
    assert bench.tree.value.startswith('<div id="lawkit-schema"')
    assert ('<strong>§ 203 Abs. 2 S. 1 Nr. 1 StGB – Verletzung von Privatgeheimnissen</strong>: '
            '<span class="lawkit-result lawkit-nicht-erfuellt"') in bench.tree.value
    assert "Anwendbar (Rechtsfolge tritt ein): nicht erfüllt" in bench.summary_text()
    assert bench.result.norm("stgb_203_2_1").result.value == "nicht erfüllt"
    assert bench.case.facts["vorsatz_offenbaren"].answer.value == "nein"


def test_a_variant_s_note_is_used_where_it_gives_that_answer(bench, seed_case):
    bench.set_fact("vorsatz_offenbaren", "offen")
    variant_note = seed_case.variant("vorsatz_offen").facts["vorsatz_offenbaren"].note
    assert bench.case.facts["vorsatz_offenbaren"].note == variant_note
    assert bench.schema_text().endswith(
        "    Subjektiver Tatbestand – Vorsatz: offen – entscheidend\n"
        "  Rechtswidrigkeit: erfüllt\n  Schuld: erfüllt\n  Verfolgbarkeit: erfüllt\n"
        "    Strafantrag (§ 205 Abs. 1 S. 1 StGB): erfüllt\n      Strafantrag gestellt: erfüllt\n"
        "  Entscheidend offen: Handelte der Täter hinsichtlich aller objektiven Tatbestandsmerkmale "
        "zumindest mit bedingtem Vorsatz?\n")
    assert bench._status["vorsatz_offenbaren"].value.endswith(
        f"Abweichend vom Sachverhalt (dort: ja). Im Gutachten: {variant_note}</div>")
    # the result equals the engine's for the shipped variant
    expected = check(seed_case.variant("vorsatz_offen"))
    assert bench.result.norm("stgb_203_2_1").result is expected.norm("stgb_203_2_1").result


def test_open_strafantrag_makes_the_verfolgbarkeit_open(bench):
    bench.set_fact("strafantrag_gestellt", "offen")
    assert bench.summary_text().splitlines()[3:5] == [
        "  Verfolgbarkeit (Strafantrag): offen", "  Anwendbar (Rechtsfolge tritt ein): offen"]
    assert ("Ergebnis: R hat sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht. Ob die Tat "
            "verfolgt werden kann, hängt davon ab, ob Strafantrag gestellt ist.") in bench.gutachten_text()


def test_style_switch_gives_the_urteilsstil(bench):
    assert bench.gutachten.value.startswith('<div class="lawkit-report" id="lawkit-gutachten">')
    assert "R könnte sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht haben" in bench.gutachten.value
    bench.style_control.value = "urteilsstil"
    assert bench.style == "urteilsstil"
    assert "<h2>Die Angestellte der Wertpapieraufsicht — Urteilsstil</h2>" in bench.gutachten.value
    assert ('<p class="lawkit-ergebnis">R hat sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht. '
            'Die Tat ist verfolgbar.</p>' in bench.gutachten.value)
    assert "R könnte sich" not in bench.gutachten_text()
    bench.set_style("gutachten")
    assert "R könnte sich gemäß" in bench.gutachten_text()


def test_view_selector_of_the_geheimnisbegriff_where_it_decides(library):
    bench = workbench("ad_hoc_pflicht", library=library)
    control = bench.view_controls["geheimnisbegriff"]
    assert isinstance(control, w.ToggleButtons)
    assert control.options == (("Geheimhaltungsinteresse erforderlich (h.M.)", "geheimhaltungsinteresse_erforderlich"),
                               ("Beschränkte Bekanntheit genügt", "beschraenkte_bekanntheit_genuegt"))
    assert control.value == "geheimhaltungsinteresse_erforderlich"
    assert "lawkit-view-geheimnisbegriff" in control._dom_classes
    assert bench.disputes_text().splitlines()[1:] == [
        "  – Ansicht „Geheimhaltungsinteresse erforderlich“ (herrschende Meinung) – maßgeblich als herrschende Meinung",
        "  – Ansicht „Beschränkte Bekanntheit genügt“",
        "  Die Wahl der Ansicht ändert das Ergebnis: Nach Ansicht „Geheimhaltungsinteresse erforderlich“: "
        "§ 203 Abs. 2 S. 1 StGB nicht erfüllt; nach Ansicht „Beschränkte Bekanntheit genügt“: "
        "§ 203 Abs. 2 S. 1 Nr. 1 StGB erfüllt.",
    ]
    control.value = "beschraenkte_bekanntheit_genuegt"
    assert bench.result.norm("stgb_203_2_1").result.value == "erfüllt"
    assert bench.case.views["geheimnisbegriff"] == "beschraenkte_bekanntheit_genuegt"
    assert bench.schema_text().splitlines()[0] == (
        "§ 203 Abs. 2 S. 1 Nr. 1 StGB – Verletzung von Privatgeheimnissen: erfüllt")
    assert bench.disputes_text().splitlines()[1:3] == [
        "  – Ansicht „Geheimhaltungsinteresse erforderlich“ (herrschende Meinung)",
        "  – Ansicht „Beschränkte Bekanntheit genügt“ – maßgeblich nach Auswahl",
    ]
    # the Stellungnahme now decides for the chosen view, with its reason
    assert ("Überzeugender ist die Gegenauffassung. Sie hält sich an den Wortlaut und macht die "
            "Strafbarkeit nicht von einer Wertung abhängig, die der Täter im Zeitpunkt der Tat oft "
            "nicht sicher treffen kann. Ihr ist zu folgen.") in bench.gutachten_text()
    assert 'data-changes="true"' in bench.disputes.value
    # back to the h.M.: the Stellungnahme again decides for it
    bench.set_view("geheimnisbegriff", "geheimhaltungsinteresse_erforderlich")
    assert "Überzeugender ist die ganz überwiegende Auffassung." in bench.gutachten_text()


def test_dispute_overview_follows_the_facts(bench):
    assert "ändert das Ergebnis nicht" in bench.disputes_text()
    bench.set_fact("geheimhaltungsinteresse", "nein")
    assert bench.disputes_text().splitlines()[-1] == (
        "  Die Wahl der Ansicht ändert das Ergebnis: Nach Ansicht „Geheimhaltungsinteresse erforderlich“: "
        "§ 203 Abs. 2 S. 1 StGB nicht erfüllt; nach Ansicht „Beschränkte Bekanntheit genügt“: "
        "§ 203 Abs. 2 S. 1 Nr. 1 StGB erfüllt.")


def test_case_without_meinungsstreit_says_so(library):
    bench = workbench("dienstgeheimnis_presse", library=library)
    assert bench.view_controls == {}
    assert bench.disputes_text() == "In diesem Fall stellt sich kein Meinungsstreit.\n"
    assert "kein Meinungsstreit" in bench.disputes.value


def test_konkurrenzen_of_two_examined_norms(library):
    bench = workbench("dienstgeheimnis_presse", library=library)
    assert "  Konkurrenzen: verdrängt § 353b Abs. 1 S. 2 StGB (Subsidiarität)." in bench.summary_text()
    bench.set_fact("vorsatz_gefaehrdung", "nein")  # only fahrlässig: Satz 1 fails, Satz 2 applies
    summary = bench.summary_text()
    assert "  Konkurrenzen: verdrängt § 353b Abs. 1 S. 2 StGB nicht (Subsidiarität)." in summary
    assert summary.split("\n\n")[1].splitlines()[-1] == "  Strafrahmen: Freiheitsstrafe bis zu einem Jahr oder Geldstrafe."
    assert bench.summary.value.startswith('<div id="lawkit-summary"')


def test_reset_restores_the_sachverhalt(bench):
    original = (bench.schema_text(), bench.gutachten_text())
    bench.set_fact("offenbart", "nein")
    bench.set_fact("strafantrag_gestellt", "offen")
    bench.set_view("geheimnisbegriff", "beschraenkte_bekanntheit_genuegt")
    assert bench.schema_text() != original[0]
    bench.reset()
    assert (bench.schema_text(), bench.gutachten_text()) == original
    assert bench.case.facts == bench._original.facts
    assert bench._status["offenbart"].value == ""


def test_bad_calls_get_clear_errors(bench):
    with pytest.raises(UnknownIdError, match=r"die Werkbank hat keine Frage 'vorsatz'; meinten Sie 'vorsatz_offenbaren'\?"):
        bench.set_fact("vorsatz", "nein")
    with pytest.raises(LawkitError, match=r"unbekannte Antwort 'vielleicht'; erwartet ja, nein oder offen"):
        bench.set_fact("offenbart", "vielleicht")
    with pytest.raises(UnknownIdError, match="der Meinungsstreit 'geheimnisbegriff' kennt keine Ansicht 'egal'; erwartet eine von: "
                       "geheimhaltungsinteresse_erforderlich, beschraenkte_bekanntheit_genuegt"):
        bench.set_view("geheimnisbegriff", "egal")
    with pytest.raises(UnknownIdError, match="der Fall hat keinen Meinungsstreit 'geheimnis'"):
        bench.set_view("geheimnis", "egal")
    with pytest.raises(LawkitError, match="unbekannter Stil 'urteil'; erwartet 'gutachten' oder 'urteilsstil'"):
        bench.set_style("urteil")
    with pytest.raises(UnknownIdError, match="unbekannter Fall 'bafin'"):
        workbench("bafin")


def test_restricting_to_some_norms(library):
    bench = workbench("verkauf_an_konkurrenten", library=library, norms=["stgb_204_1"])
    assert [n.norm.id for n in bench.result.norms] == ["stgb_204_1"]
    assert "verwertung_durch_offenbaren" in bench.controls
    assert bench.summary_text().splitlines()[2] == (
        "  Konkurrenzen: keine Konkurrenz zu einer anderen geprüften Vorschrift.")
    with pytest.raises(UnknownIdError, match="der Fall 'verkauf_an_konkurrenten' prüft 'stgb_203' nicht"):
        workbench("verkauf_an_konkurrenten", library=library, norms=["stgb_203"])


def test_display_bundle_has_a_short_deterministic_text(bench):
    bundle = bench._repr_mimebundle_()
    assert bundle["text/plain"] == ("Arbeitsfläche: Die Angestellte der Wertpapieraufsicht "
                                    "(15 Fragen; § 203 Abs. 2 S. 1 Nr. 1 StGB)")
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "lawkit-workbench" in bench.widget._dom_classes
    tab = next(c for c in _walk(bench.widget) if isinstance(c, w.Tab))
    assert tab.titles == ("Prüfungsschema", "Gutachten", "Meinungsstreit", "Konkurrenzen und Verfolgbarkeit")


def test_workbench_of_the_largest_case_matches_the_engine(library):
    bench = workbench("bverwg_6_b_71_17", library=library, style="urteilsstil")
    case = library.case("bverwg_6_b_71_17")
    assert bench.gutachten_text() == render(check(case, library), "urteilsstil").text()
    key = next(iter(bench.controls))
    new = "nein" if bench.controls[key].value != "nein" else "ja"
    bench.controls[key].value = new
    assert bench.result == check(bench.case, library)


# -- self-checks --------------------------------------------------------------------------------


def test_self_check_from_a_file(library):
    check_ = self_check(SELFCHECKS / "grundlagen.yaml")
    assert check_.title == "Selbstkontrolle Grundlagen"
    assert [q.id for q in check_.questions] == ["drei_werte", "weitere_werte", "zahlen"]
    assert check_.answer("drei_werte", "offen") == (
        "Richtig. Was der Sachverhalt nicht mitteilt, wird nicht unterstellt; das Merkmal bleibt offen.")
    assert check_.answer("drei_werte", "nicht erfüllt") == (
        "Nicht ganz. Richtig ist: offen. Was der Sachverhalt nicht mitteilt, wird nicht unterstellt; "
        "das Merkmal bleibt offen.")
    assert check_.answer("weitere_werte", "nicht erfüllt") == "Richtig."
    assert check_.answer("weitere_werte", "offen") == "Richtig."
    assert check_.answer("weitere_werte", "unbekannt") == "Nicht ganz. Richtig sind: nicht erfüllt, offen."
    assert check_.answer("zahlen", "3").startswith("Richtig.")  # numbers in YAML are options too


def test_self_check_widget_gives_feedback_on_pruefen():
    check_ = self_check(SELFCHECKS / "grundlagen.yaml")
    choice, button, out = check_.choices["drei_werte"], check_.buttons["drei_werte"], check_.feedback["drei_werte"]
    assert isinstance(choice, w.RadioButtons) and choice.value is None
    assert button.description == "Prüfen"
    button.click()
    assert out.value == "<p><em>Bitte wählen Sie zuerst eine Antwort.</em></p>"
    choice.value = "erfüllt"
    button.click()
    assert 'data-right="false"' in out.value and "Nicht ganz. Richtig ist: offen." in out.value
    choice.value = "offen"
    button.click()
    assert 'data-right="true"' in out.value and "Richtig. Was der Sachverhalt" in out.value
    assert check_._repr_mimebundle_()["text/plain"] == "Selbstkontrolle Grundlagen (3 Fragen)"


def test_self_check_bad_calls():
    check_ = self_check(SELFCHECKS / "grundlagen.yaml")
    with pytest.raises(UnknownIdError, match=r"keine Frage 'drei'; meinten Sie 'drei_werte'\?"):
        check_.answer("drei", "offen")
    with pytest.raises(LawkitError, match="'vielleicht' ist keine Antwort der Frage 'drei_werte'; erwartet eine von: "
                       "erfüllt, nicht erfüllt, offen"):
        check_.answer("drei_werte", "vielleicht")
    with pytest.raises(UnknownIdError) as info:
        self_check("grundlagn")
    assert str(info.value).startswith("unbekannte Selbstkontrolle 'grundlagn'")
    assert str(info.value).endswith("oder den Pfad einer YAML-Datei")


@pytest.mark.parametrize(("name", "message"), [
    ("richtig_fehlt", "richtig_fehlt.yaml:6: questions[0].richtig: 'unklar' steht nicht unter den Antworten "
                      "(optionen); erwartet eine von: erfüllt, nicht erfüllt, offen"),
    ("doppelte_id", "doppelte_id.yaml:6: questions[1].id: die Fragen-ID 'frage_eins' kommt zweimal vor; "
                    "erwartet jede ID nur einmal"),
    ("ja_nein_unquoted", "ja_nein_unquoted.yaml:4: questions[0].optionen[0]: erwartet den Text einer "
                         "Antwort, gefunden true (ein Ja/Nein-Wert) (in Anführungszeichen schreiben)"),
    ("unbekannter_schluessel", "unbekannter_schluessel.yaml:6: questions[0].erklärung: unbekannter "
                               "Schlüssel 'erklärung'; meinten Sie 'erklaerung'?; erwartet einen von id, "
                               "frage, optionen, richtig, erklaerung"),
    ("eine_option", "eine_option.yaml:4: questions[0].optionen: nur eine Antwort; erwartet mindestens zwei"),
])
def test_self_check_authoring_errors(name, message):
    with pytest.raises(AuthoringError) as info:
        self_check(SELFCHECKS / f"{name}.yaml")
    assert str(info.value) == f"{SELFCHECKS / name}.yaml:{message.split('.yaml:', 1)[1]}"


def test_shipped_self_checks_load():
    from lawkit.widgets._selfcheck import SELFCHECK_DIR

    for path in sorted(SELFCHECK_DIR.glob("*.yaml")):
        assert self_check(path.stem).questions  # every shipped file is valid


# -- classifying examiners' remarks ---------------------------------------------------------------


def test_classify_remarks_follows_the_engine_for_every_variant(library):
    remarks = classify_remarks(library=library)
    case = library.case("bverwg_prueferbemerkungen")
    ids = ["ausgangsfall", *[v.id for v in case.variants]]
    assert [q.id for q in remarks.questions] == ids
    label = {"erfüllt": "fachliche Wertung", "nicht erfüllt": "prüfungsspezifische Wertung",
             "offen": "hängt vom Einzelfall ab"}
    for item_id in ids:
        variant = case if item_id == "ausgangsfall" else case.variant(item_id)
        result = check(variant, library)
        engine = result.norm("pruefungsrecht_fachliche_wertung").result.value
        # the case file's own expectation is an independent oracle for the engine
        assert variant.expected["pruefungsrecht_fachliche_wertung"].result.value == engine
        question = remarks.question(item_id)
        assert question.optionen == ("fachliche Wertung", "prüfungsspezifische Wertung",
                                     "hängt vom Einzelfall ab")  # norm_geboten is offen
        assert question.richtig == (label[engine],)
        gutachten = render(result).text()
        assert remarks.answer(item_id, label[engine]) == f"Richtig.\n\n{gutachten}"
        wrong = next(o for o in question.optionen if o != label[engine])
        assert remarks.answer(item_id, wrong) == f"Nicht ganz. Richtig ist: {label[engine]}.\n\n{gutachten}"


def test_classify_remarks_specific_outcomes_and_reasons(library):
    remarks = classify_remarks(library=library)
    assert remarks.question("vertretbar_als_falsch").richtig == ("fachliche Wertung",)
    assert remarks.question("ausgangsfall").richtig == ("prüfungsspezifische Wertung",)
    assert remarks.question("norm_geboten").richtig == ("hängt vom Einzelfall ab",)
    text = remarks.answer("ausgangsfall", "fachliche Wertung")
    assert text.startswith("Nicht ganz. Richtig ist: prüfungsspezifische Wertung.\n\n")
    # the Fundstellen of one place form one footnote
    assert ("Vgl. BVerwG, Beschl. v. 05.03.2018 - 6 B 71.17, Leitsatz 2, Rn. 11–13; BVerwG, Beschl. v. "
            "17.12.1997 - 6 B 55.97, NVwZ 1998, 738 (zit. nach BVerwG, Beschl. v. 05.03.2018 - 6 B 71.17, "
            "Rn. 12).") in text
    assert remarks.question("gewichtung").frage.startswith("„Die Aufgabe war leicht; Lücken wiegen schwer“\n")
    remarks.choices["norm_geboten"].value = "hängt vom Einzelfall ab"
    remarks.buttons["norm_geboten"].click()
    assert 'data-right="true"' in remarks.feedback["norm_geboten"].value
    assert 'id="lawkit-gutachten-norm_geboten"' in remarks.feedback["norm_geboten"].value


def test_classify_remarks_needs_the_norm(library):
    with pytest.raises(LawkitError, match="der Fall 'bafin_angestellte' prüft "
                       "'pruefungsrecht_fachliche_wertung' nicht; erwartet einen Fall, der Prüferbemerkungen einordnet"):
        classify_remarks("bafin_angestellte", library=library)


def test_reset_also_restores_the_style(bench):
    bench.set_style("urteilsstil")
    bench.reset()
    assert bench.style_control.value == "gutachten"
    assert bench.gutachten_text() == render(check(bench.case), "gutachten").text()


def test_feedback_adds_no_second_full_stop():
    from lawkit.widgets import CheckQuestion
    from lawkit.widgets._selfcheck import feedback

    question = CheckQuestion(id="q", frage="Frage?", optionen=("Ja.", "Nein."), richtig=("Ja.",),
                             erklaerung="Weil.")
    assert feedback(question, "Nein.") == "Nicht ganz. Richtig ist: Ja. Weil."
    assert feedback(question, "Ja.") == "Richtig. Weil."


def test_summary_of_a_failing_norm_keeps_the_sperrwirkung_for_a_beamter(library):
    # Ausarbeitung, Abschn. 3.2, Fn. 34–36: for a Beamter § 823 Abs. 2 BGB is barred whether or
    # not the requirements of § 839 BGB are met — even where § 839 BGB fails
    wb = workbench("amtshaftung_bafin", library=library)
    wb.set_fact("geheimhaltungsinteresse", "nein")
    summary = wb.summary_text()
    assert "  Sperrwirkung: § 823 Abs. 2 S. 1 BGB i.V.m. § 21 Abs. 1 S. 1 WpHG ist daneben nicht anwendbar.\n" in summary
    assert ("  Anwendbarkeit: neben § 839 Abs. 1 S. 1 BGB i.V.m. Art. 34 S. 1 GG nicht anwendbar "
            "(Sperrwirkung).") in summary
    assert "tritt nicht hinter" not in summary


def test_level_switch_gives_the_klausur_version(bench):
    assert bench.level == "ausführlich"
    assert "R müsste zum Täterkreis gehören" in bench.gutachten_text()
    bench.level_control.value = "klausurmäßig"  # exactly what a click does
    assert bench.level == "klausurmäßig"
    assert ("R ist als Angestellte der BaFin Amtsträgerin i.S.d. § 11 Abs. 1 Nr. 2 lit. c StGB "
            "(SV Abs. 1).") in bench.gutachten.value
    assert "R müsste zum Täterkreis gehören" not in bench.gutachten_text()
    bench.reset()
    assert bench.level_control.value == "ausführlich"
    with pytest.raises(LawkitError, match="unbekannte Stufe 'kurz'; erwartet 'ausführlich' oder 'klausurmäßig'"):
        bench.set_level("kurz")
