"""The annotated prose corpus (tests/data/prose/): every text read as its annotation says.

Per text the test asserts the exact outcome: the elements discussed, the student's result per
element and norm, Konkurrenzen, Gesamtergebnis and the style findings, apart from what the
annotation's `reader:` block records as the reader's known errors (benchmarks/bench_reading.py
counts those against it). Anchors are quoted words of the text; each must be found.
"""

from pathlib import Path

import pytest
import yaml

from tests.prose_corpus import Annotated, anchor_span, corpus, outcome, read

CORPUS = corpus()
ROOT = Path(__file__).resolve().parent.parent


def test_the_corpus_has_thirty_texts_for_three_exercises_and_a_held_out_third():
    assert len(CORPUS) >= 30
    assert len({item.exercise for item in CORPUS}) >= 3
    holdout = [item for item in CORPUS if item.split == "holdout"]
    assert {item.split for item in CORPUS} == {"dev", "holdout"}
    assert len(holdout) / len(CORPUS) >= 0.3  # 11 of 35


@pytest.mark.parametrize("item", CORPUS, ids=lambda item: item.name)
def test_every_anchor_stands_in_the_text(item: Annotated):
    from lawkit.reading import read_prose

    text = read_prose(item.path).text
    for key, (_, anchor) in item.elements.items():
        start, end = anchor_span(text, anchor)
        assert end > start, key


@pytest.mark.parametrize("item", CORPUS, ids=lambda item: item.name)
def test_reading_matches_the_annotation(item: Annotated):
    reading = read(item)
    assert outcome(item, reading) == item.deviations
    for message in item.messages:
        assert any(message in m for m in reading.messages), (message, reading.messages)


def _item(name: str) -> Annotated:
    return next(item for item in CORPUS if item.name == name)


def test_the_good_prose_gutachten_discusses_every_point_the_reference_requires():
    reading = read(_item("e01_geheimnis/01_gutachtenstil"))
    reference = yaml.safe_load((ROOT / "solutions" / "e01_geheimnis.yaml").read_text(encoding="utf-8"))
    norm = next(n for n in reference["norms"] if n["norm"] == "stgb_203_2_1")
    required = {e for e, v in norm["elements"].items() if v["required"]}
    read_203 = reading.norm("stgb_203_2_1")
    assert read_203 is not None
    assert required <= {e.element for e in read_203.elements}
    assert read_203.conclusion is not None and read_203.conclusion.value == "erfüllt"
    assert not [n for n in reading.style if n.text.startswith("Widerspruch")]


def test_the_telegram_answer_is_read_point_by_point_but_without_the_gutachtenstil():
    reading = read(_item("e01_geheimnis/02_telegramm"))
    elements = reading.norm("stgb_203_2_1").elements
    assert {e.element for e in elements if e.conclusion and e.conclusion.value == "erfüllt"} >= {
        "geheimnis", "fremdheit", "amtstraeger", "offenbaren", "unbefugt", "subjektiver_tatbestand",
        "rechtswidrigkeit", "schuld", "strafantrag"}
    good = read(_item("e01_geheimnis/01_gutachtenstil"))
    kinds = {n.kind.value for n in reading.style}
    assert "Definition" not in kinds and "Obersatz" not in kinds
    assert {"Definition", "Obersatz", "Subsumtion"} <= {n.kind.value for n in good.style}


def test_nonsense_prose_reads_no_norm_and_says_so():
    reading = read(_item("e01_geheimnis/07_mond"))
    assert reading.norms == () and reading.gesamtergebnis is None
    assert reading.messages == (
        "Die Bearbeitung zitiert keine Norm der Aufgabe; Normen wurden, wo überhaupt, nur an ihrer "
        "Bezeichnung erkannt.",
        "In der Bearbeitung wurde keine Prüfung einer Norm der Aufgabe erkannt.",
    )


def test_prose_that_says_strafbar_after_denying_the_tatbestand_is_flagged():
    reading = read(_item("e01_geheimnis/06_widerspruch"))
    norm = reading.norm("stgb_203_2_1")
    assert norm.conclusion.value == "nicht erfüllt"
    assert reading.gesamtergebnis.applies == ("stgb_203_2_1",)
    vorsatz = norm.element("subjektiver_tatbestand")
    assert vorsatz.unsure and vorsatz.status == "nicht sicher erkannt"
    texts = [n.text for n in reading.style if n.kind.value == "Widerspruch"]
    assert texts == ["Widerspruch zu A. II.", "Widerspruch zu A. III."]


def test_a_minority_view_with_reasons_is_recognised_as_a_stellungnahme():
    reading = read(_item("e01_geheimnis/05_mindermeinung"))
    notes = {(n.element, n.text) for n in reading.style}
    assert ("geheimnis", "Streit dargestellt") in notes and ("geheimnis", "Stellungnahme") in notes
