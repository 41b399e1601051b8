"""Parts of a Gutachten and of the Prüfungsschema, as the notebooks show them: a section under a
heading, the Meinungsstreit with its Stellungnahme, the schema down to a depth or under a row."""

from __future__ import annotations

import pytest

from lawkit import LawkitError, check, schema_text, workbench


@pytest.fixture(scope="module")
def ad_hoc(library):
    return check(library.case("ad_hoc_pflicht"), library)


def test_section_runs_to_the_next_heading_of_its_level(ad_hoc):
    part = ad_hoc.gutachten().section("I. Verpflichteter Personenkreis")
    assert part.text() == (
        "I. Verpflichteter Personenkreis\n\n"
        "H müsste zum Kreis der nach § 21 Abs. 1 S. 1 WpHG Verpflichteten gehören.\n\n"
        "H könnte bei der BaFin beschäftigt sein oder gewesen sein.[4]\n\n"
        "H ist Angestellte der BaFin (SV Abs. 1). H ist oder war bei der BaFin beschäftigt.\n\n"
        "Damit gehört H zum verpflichteten Personenkreis.\n")


def test_section_of_a_norm_keeps_its_subheadings_indented_from_its_own_level(ad_hoc):
    text = ad_hoc.gutachten().section("B. § 21").text()
    assert text.startswith("B. § 21 Abs. 1 S. 1 WpHG – Verschwiegenheitspflicht\n\n")
    assert "\n  I. Verpflichteter Personenkreis\n" in text
    assert "\n  III. Geheimhaltung im Interesse eines Verpflichteten oder Dritten\n" in text
    assert "C. Gesamtergebnis" not in text and "Fußnoten" not in text


def test_section_by_its_text_without_the_number(ad_hoc):
    assert ad_hoc.gutachten().section("Gesamtergebnis").text().startswith("C. Gesamtergebnis\n\n")


def test_a_section_has_no_title_in_any_format(ad_hoc):
    part = ad_hoc.gutachten().section("A.")
    assert part.markdown().startswith("## A. § 203 Abs. 2 S. 1 StGB – Verletzung von Privatgeheimnissen\n")
    assert "<h2>" not in part.html() and "<h3>A. § 203" in part.html()


def test_unknown_heading_names_the_headings_there_are(ad_hoc):
    with pytest.raises(LawkitError) as caught:
        ad_hoc.gutachten().section("Z. Nichts")
    assert str(caught.value).startswith("keine Überschrift beginnt mit „Z. Nichts“; erwartet eine von: "
                                        "A. § 203 Abs. 2 S. 1 StGB – Verletzung von Privatgeheimnissen; "
                                        "I. Tatbestand; ")


def test_meinungsstreit_from_the_question_to_the_decision(ad_hoc):
    text = ad_hoc.gutachten().meinungsstreit().text()
    lines = [line for line in text.splitlines() if line]
    assert lines[0] == ("Fraglich ist, ob über die beschränkte Bekanntheit hinaus ein sachlich begründetes "
                        "Geheimhaltungsinteresse des Betroffenen erforderlich ist.")
    assert lines[1] == "(1) Geheimhaltungsinteresse erforderlich"
    assert "(2) Beschränkte Bekanntheit genügt" in lines and "(3) Stellungnahme" in lines
    # the subsumption under a view stays; the sentence that applies the decision follows the part
    assert "Die A-AG muss die Nachricht kapitalmarktrechtlich unverzüglich veröffentlichen (SV Abs. 1). " \
           "Ein sachlich begründetes Interesse an der Geheimhaltung besteht nicht." in lines
    assert lines[-1].endswith("Ihr ist zu folgen.")
    assert "Somit handelt es sich nicht um ein Geheimnis." not in text


def test_no_meinungsstreit_is_said(library):
    result = check(library.case("dienstgeheimnis_presse"), library)
    with pytest.raises(LawkitError, match=r"^hier stellt sich kein Meinungsstreit"):
        result.gutachten().meinungsstreit()


def test_schema_down_to_a_depth(ad_hoc):
    assert schema_text(ad_hoc, depth=0) == (
        "§ 203 Abs. 2 S. 1 StGB – Verletzung von Privatgeheimnissen: nicht erfüllt\n\n"
        "§ 21 Abs. 1 S. 1 WpHG – Verschwiegenheitspflicht: nicht erfüllt\n")


def test_schema_under_a_row_keeps_its_indentation(ad_hoc):
    assert schema_text(ad_hoc, under="Geheimnis") == (
        "        Geheimnis (Meinungsstreit: nach der Ansicht „Geheimhaltungsinteresse erforderlich“): "
        "nicht erfüllt\n"
        "          Nur beschränkter Personenkreis: erfüllt\n"
        "          Sachlich begründetes Geheimhaltungsinteresse: nicht erfüllt\n")
    assert schema_text(ad_hoc, under="§ 21", depth=1) == (
        "§ 21 Abs. 1 S. 1 WpHG – Verschwiegenheitspflicht: nicht erfüllt\n"
        "  Verpflichteter Personenkreis: erfüllt\n"
        "  Bei der Tätigkeit bekannt gewordene Tatsache: erfüllt\n"
        "  Geheimhaltung im Interesse eines Verpflichteten oder Dritten: nicht erfüllt\n"
        "  Unbefugtes Offenbaren oder Verwenden: nicht geprüft\n")


def test_schema_under_an_unknown_row(ad_hoc):
    with pytest.raises(LawkitError, match=r"^keine Zeile des Schemas beginnt mit „Nichts“$"):
        schema_text(ad_hoc, under="Nichts")


def test_workbench_shows_the_same_parts(library):
    bench = workbench("ad_hoc_pflicht", library=library)
    report = bench.result.gutachten()
    assert bench.gutachten_text(section="B. § 21") == report.section("B. § 21").text()
    assert bench.gutachten_text(meinungsstreit=True) == report.meinungsstreit().text()
    assert bench.schema_text(depth=0) == schema_text(bench.result, depth=0)
    assert bench.gutachten_text() == report.text()
