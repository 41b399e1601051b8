"""Conclusions as students write them, negation scope, short citations, the structured mapping
and the annotated HTML."""

import json

import pytest

from lawkit import default_library
from lawkit.reading import read_gutachten

LIBRARY = default_library()
NORMS_203 = [LIBRARY.norm("stgb_203_2_1"), LIBRARY.norm("stgb_11_1_2")]
HEAD = "A. § 203 Abs. 2 S. 1 StGB\n\nR könnte sich nach § 203 Abs. 2 S. 1 StGB strafbar gemacht haben.\n\n"


def _result(body: str, element: str) -> str:
    reading = read_gutachten(HEAD + body, norms=NORMS_203, library=LIBRARY)
    found = reading.element("stgb_203_2_1", element)
    assert found is not None, body
    return found.status


@pytest.mark.parametrize(("body", "element", "status"), [
    ("Ein Geheimnis liegt vor.", "geheimnis", "erfüllt"),
    ("Ein Geheimnis ist gegeben.", "geheimnis", "erfüllt"),
    ("Die Geheimnisqualität ist zu bejahen.", "geheimnis", "erfüllt"),
    ("Geheimnis (+)", "geheimnis", "erfüllt"),
    ("Vorsatz (–)", "subjektiver_tatbestand", "nicht erfüllt"),
    ("Vorsatz (-)", "subjektiver_tatbestand", "nicht erfüllt"),
    ("Ein Offenbaren scheidet aus.", "offenbaren", "nicht erfüllt"),
    ("Der Vorsatz ist zu verneinen.", "subjektiver_tatbestand", "nicht erfüllt"),
    ("Ein Geheimnis liegt nicht vor.", "geheimnis", "nicht erfüllt"),
    ("Ob sie förmlich verpflichtet wurde, kann dahinstehen.", "besonders_verpflichteter", "kann dahinstehen"),
    ("Ob R vorsätzlich handelte, bleibt offen.", "subjektiver_tatbestand", "offen"),
    ("Rechtfertigungsgründe sind nicht ersichtlich.", "rechtswidrigkeit", "erfüllt"),
    ("Es ist nicht ersichtlich, dass R nicht vorsätzlich handelte.", "subjektiver_tatbestand", "erfüllt"),
    ("R hat das Geheimnis nicht nur ihrem Bruder, sondern auch anderen offenbart.", "offenbaren", "erfüllt"),
    ("R hat niemandem davon erzählt.", "offenbaren", "nicht erfüllt"),
    ("Eine Befugnis hatte sie nicht.", "unbefugt", "erfüllt"),
    ("Der Vorsatz liegt vor. R handelte deshalb nicht vorsätzlich.", "subjektiver_tatbestand",
     "nicht sicher erkannt"),
])
def test_the_students_conclusion_is_read(body, element, status):
    assert _result(body, element) == status


def test_an_obersatz_and_a_definition_are_no_conclusion():
    reading = read_gutachten(HEAD + "Es müsste sich um ein Geheimnis handeln. Geheimnisse sind Tatsachen, die "
                             "nur einem beschränkten Kreis von Personen bekannt sind.",
                             norms=NORMS_203, library=LIBRARY)
    geheimnis = reading.element("stgb_203_2_1", "geheimnis")
    assert geheimnis.conclusion is None and not geheimnis.unsure and geheimnis.status == "ohne Ergebnis"


def test_claims_konkurrenzen_and_gesamtergebnis():
    library = LIBRARY
    norms = [library.norm("bgb_839_gg_34"), library.norm("bgb_823_2_wphg_21")]
    text = ("A. § 839 BGB i.V.m. Art. 34 GG\n\nDie Z-Bank könnte einen Anspruch aus § 839 BGB i.V.m. Art. 34 GG "
            "haben. B handelte vorsätzlich. Der Anspruch besteht.\n\nB. § 823 Abs. 2 BGB\n\n"
            "Die Z-Bank hat keinen Anspruch aus § 823 Abs. 2 BGB, denn § 823 Abs. 2 BGB wird durch § 839 BGB "
            "verdrängt.\n\nC. Ergebnis\n\nDie Z-Bank hat einen Anspruch aus § 839 BGB i.V.m. Art. 34 GG.")
    reading = read_gutachten(text, norms=norms, library=library)
    assert [(k.norm, k.yields_to) for k in reading.konkurrenzen] == [("bgb_823_2_wphg_21", "bgb_839_gg_34")]
    assert reading.gesamtergebnis.applies == ("bgb_839_gg_34",)
    assert reading.norm("bgb_839_gg_34").conclusion.value == "erfüllt"


@pytest.mark.parametrize("citation", ["§ 203 II 1 Nr. 1 StGB", "§203 Abs.2 S.1 StGB", "§ 203 StGB"])
def test_short_citations_open_the_norm(citation):
    text = f"{citation}\n\nGeheimnis (+)"
    reading = read_gutachten(text, norms=NORMS_203, library=LIBRARY)
    assert [n.norm for n in reading.norms] == ["stgb_203_2_1"]
    assert reading.norm("stgb_203_2_1").cited_as == (citation,)


def test_paragraph_spelled_out_opens_the_norm():
    reading = read_gutachten("Paragraph 203 StGB\n\nGeheimnis (+)", norms=NORMS_203, library=LIBRARY)
    assert reading.norm("stgb_203_2_1").cited_as == ("Paragraph 203 StGB",)


def _good():
    from tests.prose_corpus import corpus, read

    return read(next(i for i in corpus() if i.name == "e01_geheimnis/01_gutachtenstil"))


def test_to_mapping_has_the_shape_of_a_structured_answer_with_spans():
    reading = _good()
    mapping = reading.to_mapping()
    json.dumps(mapping, ensure_ascii=False)
    assert mapping["exercise"] == "e01_geheimnis" and mapping["student"] == "9100001"
    assert [n["norm"] for n in mapping["norms"]] == ["stgb_203_2_1", "stgb_11_1_2"]
    norm = mapping["norms"][0]
    assert norm["result"] == "erfüllt" and norm["elements"]["geheimnis"]["result"] == "erfüllt"
    assert norm["elements"]["besonders_verpflichteter"]["result"] == "kann dahinstehen"
    start, end = norm["elements"]["geheimnis"]["spans"][0]
    assert "Geheimnis" in reading.text[start:end]
    assert mapping["gesamtergebnis"]["applies"] == ["stgb_203_2_1"]
    assert mapping["konkurrenzen"] == []
    assert {"kind", "text", "norm", "element", "negative", "spans", "confidence"} <= set(mapping["style"][0])


def test_the_annotated_html_is_self_contained_and_escapes_the_students_text():
    reading = read_gutachten(HEAD + "Ein <b>Geheimnis</b> liegt vor & mehr.", norms=NORMS_203, library=LIBRARY)
    html = reading.html()
    assert "&lt;b&gt;Geheimnis&lt;/b&gt;" in html and "<b>" not in html
    assert "<script" not in html and "http" not in html and "<link" not in html
    assert reading._repr_html_() == html
    good = _good().html()
    assert 'id="lk-stgb_203_2_1-geheimnis"' in good and 'href="#lk-stgb_203_2_1-geheimnis"' in good
    assert 'class="lk-pp lk-pos"' in good and "Definition" in good


def test_margin_notes_point_to_the_contradicting_place():
    from tests.prose_corpus import corpus, read

    reading = read(next(i for i in corpus() if i.name == "e01_geheimnis/06_widerspruch"))
    html = reading.html()
    assert "Widerspruch zu A. II." in html and "nicht sicher erkannt" in html
