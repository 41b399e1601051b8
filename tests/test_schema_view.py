"""The text and HTML views of a checked case: Prüfungsschema, Konkurrenzen, Meinungsstreit;
and the diagram and element table built on the same rows."""

from __future__ import annotations

import pytest

from lawkit import check
from lawkit.evaluation.views import dispute_overview
from lawkit.model.logic import Result
from lawkit.rendering.schema_view import (
    NO_DISPUTE,
    disputes_html,
    disputes_text,
    schema_html,
    schema_nodes,
    schema_text,
    summary_html,
    summary_text,
)

BAFIN_SCHEMA = """\
§ 203 Abs. 2 S. 1 Nr. 1 StGB – Verletzung von Privatgeheimnissen: erfüllt
  Tatbestand: erfüllt
    Objektiver Tatbestand: erfüllt
      Tatgegenstand – fremdes Geheimnis: erfüllt
        Geheimnis (Meinungsstreit: nach der Ansicht „Geheimhaltungsinteresse erforderlich“): erfüllt
          Nur beschränkter Personenkreis: erfüllt
          Sachlich begründetes Geheimhaltungsinteresse: erfüllt
        Fremdheit: erfüllt
      Täterkreis: erfüllt
        Amtsträger (§ 11 Abs. 1 Nr. 2 StGB): erfüllt
          Beamter oder Richter: nicht erfüllt
          Sonstiges öffentlich-rechtliches Amtsverhältnis: nicht erfüllt
          Zur Wahrnehmung von Aufgaben der öffentlichen Verwaltung bestellt: erfüllt
        Für den öffentlichen Dienst besonders Verpflichteter (§ 11 Abs. 1 Nr. 4 StGB): nicht geprüft
          Ohne Amtsträger zu sein: nicht geprüft
          Beschäftigt bei oder tätig für eine Behörde: nicht geprüft
          Förmliche Verpflichtung: nicht geprüft
      Kenntnis in dienstlicher Eigenschaft: erfüllt
      Tathandlung – unbefugtes Offenbaren: erfüllt
        Offenbaren: erfüllt
        Unbefugt: erfüllt
    Subjektiver Tatbestand – Vorsatz: erfüllt
  Rechtswidrigkeit: erfüllt
  Schuld: erfüllt
  Verfolgbarkeit: erfüllt
    Strafantrag (§ 205 Abs. 1 S. 1 StGB): erfüllt
      Strafantrag gestellt: erfüllt
"""


def test_schema_text_of_the_seed_case(library):
    assert schema_text(check(library.case("bafin_angestellte"), library)) == BAFIN_SCHEMA


def test_schema_text_of_a_norm_result_is_the_same_block(library):
    result = check(library.case("bafin_angestellte"), library)
    assert schema_text(result.norm("stgb_203_2_1")) == BAFIN_SCHEMA


def test_failed_requirement_leaves_the_rest_not_examined(library):
    text = schema_text(check(library.case("bafin_angestellte.bereits_oeffentlich"), library))
    lines = text.splitlines()
    assert lines[0] == "§ 203 Abs. 2 S. 1 StGB – Verletzung von Privatgeheimnissen: nicht erfüllt"
    assert "      Tatgegenstand – fremdes Geheimnis: nicht erfüllt" in lines
    # what the Gutachten does not reach shows no value, only that it is not examined
    assert "      Täterkreis: nicht geprüft" in lines
    assert "  Schuld: nicht geprüft" in lines
    assert "          Sachlich begründetes Geheimhaltungsinteresse: nicht geprüft" in lines
    assert "– nicht geprüft" not in text
    assert "Entscheidend offen" not in text


def test_open_facts_that_decide_are_named(library):
    text = schema_text(check(library.case("bverwg_prueferbemerkungen.norm_geboten"), library))
    assert text == """\
Art. 19 Abs. 4 S. 1 GG i.V.m. Art. 12 Abs. 1 GG – Fachliche Wertung des Prüfers: offen
  Kein prüfungsspezifischer Gegenstand: offen
    Vollständigkeit gemessen an der Aufgabenstellung: offen – entscheidend
    Überzeugungskraft, Aufbau und Folgerichtigkeit: erfüllt
    Schwierigkeitsgrad und Gewichtung: erfüllt
  Richtigkeitskontrolle am fachwissenschaftlichen Meinungsstand: offen – entscheidend
  Entscheidend offen: Betrifft die Wertung, ob der Bearbeiter die nach der Aufgabenstellung zu behandelnden Fragen vollständig oder nur lückenhaft erkannt und behandelt hat?
  Entscheidend offen: Lässt sich die Wertung am fachwissenschaftlichen Meinungsstand auf ihre Richtigkeit überprüfen, weil sie die fachliche Richtigkeit oder Vertretbarkeit von Ausführungen des Prüfungsteilnehmers betrifft?
"""


def test_open_strafantrag_decides_the_verfolgbarkeit(library):
    result = check(library.case("bafin_angestellte.strafantrag_offen"), library)
    text = schema_text(result)
    assert "  Verfolgbarkeit: offen\n    Strafantrag (§ 205 Abs. 1 S. 1 StGB): offen\n" \
           "      Strafantrag gestellt: offen – entscheidend\n" in text
    assert text.endswith("  Entscheidend offen: Hat der Verletzte (oder ein anderer Antragsberechtigter) "
                         "Strafantrag gestellt?\n")
    assert summary_text(result) == """\
§ 203 Abs. 2 S. 1 Nr. 1 StGB – Verletzung von Privatgeheimnissen
  Ergebnis (Voraussetzungen der Vorschrift): erfüllt
  Konkurrenzen: keine Konkurrenz zu einer anderen geprüften Vorschrift.
  Verfolgbarkeit (Strafantrag): offen
  Anwendbar (Rechtsfolge tritt ein): offen
  Strafrahmen: Freiheitsstrafe bis zu einem Jahr oder Geldstrafe.
"""


def test_schema_html_carries_result_words_colours_and_hooks(library):
    html = schema_html(check(library.case("bafin_angestellte.vorsatz_offen"), library))
    assert html.startswith('<div id="lawkit-schema" class="lawkit-schema">')
    assert html.count('class="lawkit-node') == 27
    # the open Vorsatz decides: highlighted, named, and with its result word (not colour only)
    assert ('class="lawkit-node lawkit-offen lawkit-entscheidend"' in html)
    assert "Subjektiver Tatbestand – Vorsatz: <span" in html
    assert "<strong>Entscheidend offen:</strong> Handelte der Täter hinsichtlich aller objektiven " \
           "Tatbestandsmerkmale zumindest mit bedingtem Vorsatz?" in html
    # not examined: faded, grey, and no result word
    assert ('class="lawkit-node lawkit-nicht-geprueft" style="border-left:4px solid #9e9e9e;'
            'padding:1px 6px;margin:2px 0;opacity:0.55">Ohne Amtsträger zu sein: <span '
            'class="lawkit-result lawkit-nicht-geprueft"') in html
    assert ">nicht geprüft</span>" in html
    assert html.count("<ul") == html.count("</ul>") and html.count("<li>") == html.count("</li>")


def test_summary_of_subsidiarity_and_ermaechtigung(library):
    assert summary_text(check(library.case("dienstgeheimnis_presse"), library)) == """\
§ 353b Abs. 1 S. 1 Nr. 1 StGB – Verletzung des Dienstgeheimnisses
  Ergebnis (Voraussetzungen der Vorschrift): erfüllt
  Konkurrenzen: verdrängt § 353b Abs. 1 S. 2 StGB (Subsidiarität).
  Verfolgbarkeit (Ermächtigung): erfüllt
  Anwendbar (Rechtsfolge tritt ein): erfüllt
  Strafrahmen: Freiheitsstrafe bis zu fünf Jahren oder Geldstrafe.

§ 353b Abs. 1 S. 2 StGB – Verletzung des Dienstgeheimnisses (fahrlässige Gefährdung)
  Ergebnis (Voraussetzungen der Vorschrift): erfüllt
  Konkurrenzen: tritt hinter § 353b Abs. 1 S. 1 Nr. 1 StGB zurück (Subsidiarität). Satz 2 erfasst nur den Täter, der die Gefährdung lediglich fahrlässig verursacht hat; ist auch die Gefährdung vorsätzlich, gilt allein Satz 1.
  Verfolgbarkeit (Ermächtigung): erfüllt
  Anwendbar (Rechtsfolge tritt ein): nicht erfüllt
"""


def test_summary_without_ermaechtigung(library):
    text = summary_text(check(library.case("dienstgeheimnis_presse.keine_ermaechtigung"), library))
    assert "  Verfolgbarkeit (Ermächtigung): nicht erfüllt\n" \
           "  Anwendbar (Rechtsfolge tritt ein): nicht erfüllt\n" in text
    assert "Strafrahmen" not in text


def test_summary_names_the_anspruchsgegner_and_the_condition(library):
    text = summary_text(check(library.case("amtshaftung_bafin.angestellter"), library))
    assert text == """\
§ 839 Abs. 1 S. 1 BGB i.V.m. Art. 34 S. 1 GG – Amtshaftung
  Ergebnis (Voraussetzungen der Vorschrift): erfüllt
  Sperrwirkung: § 823 Abs. 2 S. 1 BGB i.V.m. § 21 Abs. 1 S. 1 WpHG ist daneben anwendbar; die Sperrwirkung greift nicht.
  Anwendbar (Rechtsfolge tritt ein): erfüllt
  Rechtsfolge: Ersatz des durch die Amtspflichtverletzung entstandenen Schadens.
  Haftung: Nach Art. 34 S. 1 GG trifft die Verantwortlichkeit nicht B persönlich, sondern die BaFin als Dienstherrin; sie ist daher Anspruchsgegnerin.

§ 823 Abs. 2 S. 1 BGB i.V.m. § 21 Abs. 1 S. 1 WpHG – Schadensersatz wegen Verletzung eines Schutzgesetzes
  Ergebnis (Voraussetzungen der Vorschrift): erfüllt
  Anwendbarkeit: neben § 839 Abs. 1 S. 1 BGB i.V.m. Art. 34 S. 1 GG anwendbar; die Sperrwirkung greift nicht. Voraussetzung „Beamter im staatsrechtlichen Sinne“: nicht erfüllt.
  Anwendbar (Rechtsfolge tritt ein): erfüllt
  Rechtsfolge: Ersatz des durch den Verstoß entstandenen Schadens.
  Haftung: Unter den Voraussetzungen des Art. 34 S. 1 GG, also wenn B in Ausübung eines öffentlichen Amtes handelte, haftet er jedoch nicht persönlich; Haftungsadressatin ist dann die BaFin als Dienstherrin.
"""


def test_summary_of_a_beamter_says_823_ii_is_not_applicable(library):
    text = summary_text(check(library.case("amtshaftung_bafin"), library))
    assert ("  Ergebnis (Voraussetzungen der Vorschrift): nicht erfüllt\n"
            "  Anwendbarkeit: neben § 839 Abs. 1 S. 1 BGB i.V.m. Art. 34 S. 1 GG nicht anwendbar "
            "(Sperrwirkung). Die Haftung für Amtspflichtverletzungen ist in § 839 BGB abschließend "
            "geregelt") in text
    assert "  Sperrwirkung: § 823 Abs. 2 S. 1 BGB i.V.m. § 21 Abs. 1 S. 1 WpHG ist daneben nicht anwendbar.\n" in text


def test_summary_html_has_its_hook_and_result_words(library):
    html = summary_html(check(library.case("dienstgeheimnis_presse"), library))
    assert html.startswith('<div id="lawkit-summary" class="lawkit-summary">')
    assert "<strong>Konkurrenzen:</strong> verdrängt § 353b Abs. 1 S. 2 StGB (Subsidiarität).</li>" in html
    assert html.count(">nicht erfüllt</span>") == 1  # only § 353b Abs. 1 S. 2 does not apply


AD_HOC_DISPUTES = """\
Meinungsstreit zu „Geheimnis“ (§ 203 Abs. 2 S. 1 StGB): Umstritten ist, ob über die beschränkte Bekanntheit hinaus ein sachlich begründetes Geheimhaltungsinteresse des Betroffenen erforderlich ist.
  – Ansicht „Geheimhaltungsinteresse erforderlich“ (herrschende Meinung) – maßgeblich als herrschende Meinung
  – Ansicht „Beschränkte Bekanntheit genügt“
  Die Wahl der Ansicht ändert das Ergebnis: Nach Ansicht „Geheimhaltungsinteresse erforderlich“: § 203 Abs. 2 S. 1 StGB nicht erfüllt; nach Ansicht „Beschränkte Bekanntheit genügt“: § 203 Abs. 2 S. 1 Nr. 1 StGB erfüllt.
"""


def test_dispute_that_decides_the_case(library):
    result = check(library.case("ad_hoc_pflicht"), library)
    assert disputes_text(dispute_overview(result, library)) == AD_HOC_DISPUTES
    (overview,) = dispute_overview(result, library)
    assert overview.changes == ("stgb_203_2_1",)  # § 21 WpHG has no Meinungsstreit: unchanged
    assert [e.results[1][2] for e in overview.effects] == [Result.NICHT_ERFUELLT] * 2


def test_dispute_that_does_not_matter(library):
    text = disputes_text(dispute_overview(check(library.case("verkauf_an_konkurrenten"), library), library))
    assert text.endswith("  Die Wahl der Ansicht ändert das Ergebnis nicht: nach beiden Ansichten "
                         "§ 203 Abs. 2 S. 1 Nr. 1 StGB erfüllt; § 204 Abs. 1 StGB erfüllt.\n")
    assert text.startswith("Meinungsstreit zu „Geheimnis“ (§ 203 Abs. 2 S. 1 Nr. 1 StGB, § 204 Abs. 1 StGB)")


def test_case_view_is_marked_as_the_case_s_choice(library):
    result = check(library.case("ad_hoc_pflicht.gegenauffassung"), library)
    text = disputes_text(dispute_overview(result, library))
    assert "  – Ansicht „Beschränkte Bekanntheit genügt“ – maßgeblich nach Vorgabe des Falls\n" in text


def test_no_dispute_is_said_not_left_empty(library):
    result = check(library.case("dienstgeheimnis_presse"), library)
    assert disputes_text(dispute_overview(result, library)) == NO_DISPUTE + "\n"
    assert disputes_html(dispute_overview(result, library)) == (
        '<div id="lawkit-disputes" class="lawkit-disputes"><p>In diesem Fall stellt sich kein '
        "Meinungsstreit.</p></div>")


def test_disputes_html_marks_the_change(library):
    html = disputes_html(dispute_overview(check(library.case("ad_hoc_pflicht"), library), library))
    assert 'data-dispute="geheimnisbegriff"' in html and 'data-changes="true"' in html
    assert html.count('<li data-view="') == 2


# -- diagram and table ----------------------------------------------------------------------


def test_diagram_has_one_box_per_row_of_the_schema(library):
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch

    result = check(library.case("bafin_angestellte"), library)
    fig = schema_diagram_of(result)
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
    assert len(boxes) == len(BAFIN_SCHEMA.splitlines()) == 27
    texts = [t.get_text() for t in ax.texts]
    assert "Förmliche Verpflichtung\nnicht geprüft" in texts
    assert "Strafantrag gestellt\nerfüllt" in texts
    assert texts.count("oder") == 2  # Täterkreis; Amtsträger (§ 11 Abs. 1 Nr. 2 lit. a–c)
    # the norm, Tatbestand, objektiver Tatbestand, Tatgegenstand, Geheimnis, besonders
    # Verpflichteter (§ 11 Abs. 1 Nr. 4), Tathandlung; single children get no word
    assert texts.count("und") == 7


def schema_diagram_of(result, norm_id=None):
    from lawkit.rendering.diagram import schema_diagram

    return schema_diagram(result, norm_id)


def test_diagram_of_the_largest_case_grows_with_the_tree(library):
    from matplotlib.patches import FancyBboxPatch

    result = check(library.case("bverwg_6_b_71_17"), library)
    rows = sum(len(schema_nodes(n)) for n in result.norms)
    fig = schema_diagram_of(result)
    assert len([p for p in fig.axes[0].patches if isinstance(p, FancyBboxPatch)]) == rows
    one = schema_diagram_of(result, "vwgo_133")
    assert one.get_figheight() < fig.get_figheight()
    assert schema_diagram_of(result).get_size_inches().tolist() == fig.get_size_inches().tolist()


def test_diagram_of_an_unexamined_norm_is_refused(library):
    from lawkit.errors import UnknownIdError

    with pytest.raises(UnknownIdError, match="die Norm 'stgb_204_1' wird in diesem Fall nicht geprüft"):
        schema_diagram_of(check(library.case("bafin_angestellte"), library), "stgb_204_1")


def test_element_table(library):
    from lawkit.rendering.table import element_table

    table = element_table(check(library.case("bafin_angestellte"), library))
    assert list(table.columns) == ["Norm", "Merkmal", "Ergebnis", "geprüft", "kann dahinstehen",
                                   "Tatsache", "Antwort", "Fundstelle"]
    assert len(table) == 27
    row = table[table["Merkmal"] == "Förmliche Verpflichtung"].iloc[0].to_dict()
    assert row == {  # not reached by the Gutachten: no value, only "nicht geprüft"
        "Norm": "§ 203 Abs. 2 S. 1 Nr. 1 StGB", "Merkmal": "Förmliche Verpflichtung",
        "Ergebnis": "nicht geprüft", "geprüft": False, "kann dahinstehen": False,
        "Tatsache": "Ob R zusätzlich förmlich verpflichtet wurde, teilt der Sachverhalt nicht mit.",
        "Antwort": "offen", "Fundstelle": "§ 11 Abs. 1 Nr. 4 StGB.",  # no SV passage: the element's
    }
    offenbaren = table[table["Merkmal"] == "Offenbaren"].iloc[0]
    assert (offenbaren["Antwort"], offenbaren["Fundstelle"]) == ("ja", "SV Abs. 3")
    assert table.iloc[0]["Merkmal"] == "§ 203 Abs. 2 S. 1 Nr. 1 StGB – Verletzung von Privatgeheimnissen"
    assert table["Merkmal"].tolist()[1:4] == ["Tatbestand", "Objektiver Tatbestand",
                                              "Tatgegenstand – fremdes Geheimnis"]
