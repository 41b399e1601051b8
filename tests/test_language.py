"""The German of every generated Gutachten (lawkit.rendering.style_check): no finding in any
shipped case or variant, in both styles and at both levels; and every rule catches the defect it
names in a hand-made bad sentence."""

from __future__ import annotations

import pytest

from lawkit import check
from lawkit.model.grammar import Genus, Numerus, Role
from lawkit.rendering.document import Builder, Document
from lawkit.rendering.report import render
from lawkit.rendering.style_check import (
    RULES,
    Context,
    check_document,
    check_report,
    check_schema,
    near_duplicate,
)
from tests.test_case_expectations import _all_case_ids

STYLES = ("gutachten", "urteilsstil")
LEVELS = ("ausführlich", "klausurmäßig")


@pytest.mark.parametrize("case_id", _all_case_ids())
def test_every_shipped_gutachten_reads_as_german(library, case_id):
    result = check(library.case(case_id), library)
    findings = [f"{style}/{level}: {finding}"
                for style in STYLES for level in LEVELS
                for finding in check_report(render(result, style, level), library)]
    assert findings == []


# -- each rule catches a hand-made bad sentence ---------------------------------------------------

X_AG = Role("X-AG", Genus.F, article=True)
Z_BANK = Role("Z-Bank", Genus.F, article=True)
BAFIN = Role("BaFin", Genus.F, article=True)
R = Role("R", Genus.F)
B = Role("B", Genus.M)
CIVIL = "A. § 839 Abs. 1 S. 1 BGB i.V.m. Art. 34 S. 1 GG – Amtshaftung"


def _document(*paragraphs: str | tuple[str | list[str] | None, ...], heading: str = CIVIL,
              headings: tuple[str, ...] = ()) -> Document:
    builder = Builder("Test — Gutachten")
    number, _, text = heading.partition(" ")
    builder.heading(0, number, text)
    for sub in headings:
        builder.heading(1, "I.", sub)
    for paragraph in paragraphs:
        if isinstance(paragraph, tuple):
            builder.paragraph(*paragraph)
        else:
            builder.paragraph(paragraph)
    return builder.build()


def _rules(document: Document, **context: object) -> list[str]:
    roles = context.pop("roles", {"claimant": X_AG, "opponent": BAFIN, "subject": R})
    return sorted({f.rule for f in check_document(document, Context(roles, **context))})


def test_every_rule_has_a_name_and_a_description():
    assert set(RULES) == {"kasus", "genus", "doppelt", "zitierte_frage", "zitiertes_merkmal", "fussnote",
                          "zitierform", "strafrecht_im_zivilrecht", "wert_ohne_pruefung",
                          "streit_reihenfolge", "konkurrenz_grund", "ueberschrift"}


@pytest.mark.parametrize("sentence", [
    "Durch die Pflichtverletzung müsste die X-AG ein Schaden entstanden sein.",
    "Ob die X-AG gegen die BaFin ein Anspruch auf Schadensersatz zusteht, lässt sich nicht beurteilen.",
    "Die X-AG könnte gegen der BaFin einen Anspruch haben.",
])
def test_kasus_catches_a_role_in_the_wrong_case(sentence):
    assert _rules(_document(sentence)) == ["kasus"]


@pytest.mark.parametrize("sentence", [
    "Durch die Pflichtverletzung müsste der X-AG ein Schaden entstanden sein.",
    "Ob der X-AG gegen die BaFin ein Anspruch auf Schadensersatz zusteht, lässt sich nicht beurteilen.",
])
def test_kasus_accepts_the_dative(sentence):
    assert _rules(_document(sentence)) == []


@pytest.mark.parametrize("sentence, roles", [
    ("R ist weder Beamter noch Richter.", {"subject": R}),
    ("R ist Amtsträger.", {"subject": R}),
    ("B ist Amtsträgerin i.S.d. § 11 Abs. 1 Nr. 2 lit. c StGB.", {"subject": B}),
    ("Die Tatsache ist nur einem beschränkten Personenkreis bekannt.",
     {"subject": R, "information": Role("Tatsachen", Genus.F, Numerus.PL, article=True)}),
])
def test_genus_catches_a_role_noun_or_verb_that_does_not_agree(sentence, roles):
    heading = "A. § 203 Abs. 2 S. 1 StGB – Verletzung von Privatgeheimnissen"
    assert _rules(_document(sentence, heading=heading), roles=roles) == ["genus"]


def test_genus_accepts_agreeing_nouns():
    heading = "A. § 203 Abs. 2 S. 1 StGB – Verletzung von Privatgeheimnissen"
    text = ("R ist weder Beamtin noch Richterin. R ist Amtsträgerin. Die Tatsachen sind nur einem "
            "beschränkten Personenkreis bekannt.")
    roles = {"subject": R, "information": Role("Tatsachen", Genus.F, Numerus.PL, article=True)}
    assert _rules(_document(text, heading=heading), roles=roles) == []


@pytest.mark.parametrize("first, second", [
    ("Ob die X-AG Strafantrag gestellt hat, teilt der Sachverhalt nicht mit.",
     "Ob Strafantrag gestellt ist, lässt der Sachverhalt offen."),
    ("Ein Rechtfertigungsgrund ist nicht ersichtlich.",
     "Rechtfertigungsgründe greifen nicht ein; die Tat ist rechtswidrig."),
    ("R handelte vorsätzlich.", "R handelte vorsätzlich."),
])
def test_doppelt_catches_the_same_thought_twice(first, second):
    roles = {"subject": R, "claimant": X_AG}
    document = _document(f"{first} {second}", heading="A. § 203 Abs. 2 S. 1 StGB – Verletzung")
    assert _rules(document, roles=roles) == ["doppelt"]
    assert near_duplicate(first, second, frozenset({"x-ag", "r"}))


@pytest.mark.parametrize("first, second", [
    ("Der Tatbestand ist erfüllt.", "Der objektive Tatbestand ist erfüllt."),
    ("Es müsste sich um ein Geheimnis handeln.", "Es handelt sich um ein Geheimnis."),
    ("Die Tat ist rechtswidrig.", "Die Tat ist gerechtfertigt."),
    ("R handelte vorsätzlich.", "R handelte nicht vorsätzlich."),
])
def test_doppelt_leaves_different_thoughts_alone(first, second):
    assert not near_duplicate(first, second, frozenset({"r"}))


def test_zitierte_frage_catches_a_quoted_question_and_a_question_of_the_case():
    quoted = _document("Entscheidend ist: „Ist dem Geschädigten durch die Pflichtverletzung ein "
                       "Schaden entstanden?“.")
    assert _rules(quoted) == ["zitierte_frage"]
    question = "Ist dem Geschädigten durch die Pflichtverletzung ein Schaden entstanden?"
    plain = _document(f"Es kommt darauf an: {question}")
    assert _rules(plain, questions=(question,)) == ["zitierte_frage"]


@pytest.mark.parametrize("sentence", [
    "Fraglich ist, ob das Merkmal „Rechtswidrigkeit“ erfüllt ist. Nicht ersichtlich.",
    "Ob „Zulässigkeit der Beschwerde“ vorliegt, kann dahinstehen.",
    "Maßgeblich ist hier die Ansicht „Geheimhaltungsinteresse erforderlich“.",
])
def test_zitiertes_merkmal_catches_a_label_in_quotes(sentence):
    labels = ("Rechtswidrigkeit", "Zulässigkeit der Beschwerde", "Geheimhaltungsinteresse erforderlich")
    assert _rules(_document(sentence), labels=labels) == ["zitiertes_merkmal"]


def test_a_quotation_from_the_sachverhalt_is_not_a_label():
    text = "R will B „einen Tipp“ geben (SV Abs. 3)."
    assert _rules(_document(text), labels=("Rechtswidrigkeit",)) == []


def test_fussnote_catches_a_bare_marker_and_markers_run_together():
    bare = Document("T", (*_document("Ein Satz.").blocks,
                          _document(("", ["Vgl. A."])).blocks[-1]), ("Vgl. A.",))
    from lawkit.rendering.document import Paragraph

    alone = Document("T", (_document("Ein Satz.").blocks[0], Paragraph((1,))), ("Vgl. A.",))
    assert _rules(alone) == ["fussnote"]
    together = Document("T", (_document("Ein Satz.").blocks[0],
                              Paragraph(("Ein Satz.", 1, 2, 3))), ("A.", "B.", "C."))
    assert _rules(together) == ["fussnote"]
    assert bare.blocks  # the builder never produces either: one footnote after the text
    builder = Builder("T")
    builder.paragraph(["Vgl. A."], "Ein Satz.", ["Vgl. B."], ["Vgl. C."])
    paragraph = builder.build().blocks[0]
    assert paragraph.parts == ("Ein Satz.", 1)
    assert builder.footnotes == ["Vgl. A; B; C."]


@pytest.mark.parametrize("sentence", [
    "B hat sich gemäß § 353b Abs. 1 S. 2 Nr. 1 StGB strafbar gemacht.",
    "Nach § 203 Absatz 2 Satz 1 StGB wird bestraft, wer …",
])
def test_zitierform_catches_a_wrong_or_unabbreviated_citation(sentence):
    heading = "A. § 353b Abs. 1 S. 2 StGB – Verletzung des Dienstgeheimnisses"
    assert _rules(_document(sentence, heading=heading)) == ["zitierform"]


def test_zitierform_accepts_the_numbers_of_satz_1():
    heading = "A. § 353b Abs. 1 S. 1 Nr. 1 StGB – Verletzung des Dienstgeheimnisses"
    assert _rules(_document("B hat sich gemäß § 353b Abs. 1 S. 1 Nr. 1 StGB strafbar gemacht.",
                            heading=heading)) == []


def test_strafrecht_im_zivilrecht_catches_criminal_terms_in_a_civil_claim():
    text = "Der Täter handelte schuldhaft; ein Schuldausschließungsgrund liegt nicht vor."
    assert _rules(_document(text)) == ["strafrecht_im_zivilrecht"]
    criminal = "A. § 203 Abs. 2 S. 1 StGB – Verletzung von Privatgeheimnissen"
    assert _rules(_document(text, heading=criminal)) == []


def test_wert_ohne_pruefung_catches_a_value_on_an_element_not_examined():
    schema = ("§ 203 Abs. 2 S. 1 StGB – Verletzung von Privatgeheimnissen: nicht erfüllt\n"
              "      Täterkreis: erfüllt – nicht geprüft\n"
              "  Schuld: nicht geprüft\n")
    findings = check_schema(schema)
    assert [(f.rule, f.text) for f in findings] == [("wert_ohne_pruefung", "Täterkreis: erfüllt – nicht geprüft")]


@pytest.mark.parametrize("paragraphs", [
    ("Umstritten ist, ob ein Geheimhaltungsinteresse erforderlich ist. Der Streit kann dahinstehen, "
     "weil alle Auffassungen hier zum selben Ergebnis führen.",
     "Von dem Kundenverlust wissen nur wenige (SV Abs. 2)."),
    ("Umstritten ist, ob ein Geheimhaltungsinteresse erforderlich ist.",
     "Nach der ganz überwiegenden Auffassung gilt: … Danach wäre das Merkmal hier nicht erfüllt.",
     "Die A-AG muss die Nachricht veröffentlichen (SV Abs. 1)."),
])
def test_streit_reihenfolge_catches_a_result_before_the_subsumtion(paragraphs):
    heading = "A. § 203 Abs. 2 S. 1 StGB – Verletzung von Privatgeheimnissen"
    assert _rules(_document(*paragraphs, heading=heading, headings=("Geheimnis",))) == ["streit_reihenfolge"]


def test_streit_reihenfolge_accepts_the_fallbuch_order():
    heading = "A. § 203 Abs. 2 S. 1 StGB – Verletzung von Privatgeheimnissen"
    document = _document("Fraglich ist, ob ein Geheimhaltungsinteresse erforderlich ist.",
                         "Die A-AG muss die Nachricht veröffentlichen (SV Abs. 1).",
                         "Nach dieser Auffassung handelt es sich nicht um ein Geheimnis.",
                         "Überzeugender ist die ganz überwiegende Auffassung. Ihr ist zu folgen.",
                         heading=heading, headings=("Geheimnis",))
    assert _rules(document) == []
    assert _rules(document, style="urteilsstil") == []


def test_konkurrenz_grund_catches_a_konkurrenz_without_its_reason():
    heading = "C. Konkurrenzen"
    open_fact = _document("Ob in der Mitteilung an F eine Verwertung liegen soll, sagt der Sachverhalt "
                          "nicht. § 204 Abs. 1 StGB tritt nicht hinter § 203 Abs. 2 S. 1 StGB zurück.",
                          heading=heading)
    assert _rules(open_fact) == ["konkurrenz_grund"]
    failed = _document("§ 204 Abs. 1 StGB tritt hinter § 203 Abs. 2 S. 1 StGB zurück, weil die "
                       "Verwertung durch Offenbaren geschah.", heading=heading)
    assert _rules(failed, failed=("§ 204 Abs. 1 StGB",)) == ["konkurrenz_grund"]
    good = _document("B verwertet das Angebot gerade dadurch, dass er es C mitteilt (SV Abs. 2). "
                     "Daher tritt § 204 Abs. 1 StGB hinter § 203 Abs. 2 S. 1 Nr. 1 StGB zurück.",
                     heading=heading)
    assert _rules(good) == []


def test_ueberschrift_catches_doubled_brackets():
    document = _document("Ein fremdes Geheimnis liegt vor.",
                         headings=("Fremdes Geheimnis (wie § 203 StGB) (§ 203 Abs. 2 S. 1 StGB)",))
    assert _rules(document) == ["ueberschrift"]
