"""One answer model, one writer, one reader: what the answer form writes, the grader reads back
as the same StudentAnswer, through data, through a JSON file and through the form itself."""

from __future__ import annotations

import json
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from lawkit import default_library, load_answer
from lawkit.coursework.model import NORM_FINDINGS, Finding
from lawkit.exercises import AnswerForm, find_exercise
from lawkit.exercises.schema import schema_rows
from lawkit.grading.answers import (
    ElementAnswer,
    KonkurrenzAnswer,
    NormAnswer,
    StudentAnswer,
    answer_from_mapping,
    answer_mapping,
    element_index,
)

LIBRARY = default_library()
NORM_IDS = sorted(LIBRARY.norms)
CI = settings.get_profile("ci")

_LETTERS = "abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ0123456789§.,;:()-–„“"
words = st.text(alphabet=_LETTERS, min_size=1, max_size=12)
# a text as the grader keeps it: not empty, no surrounding white space (the reader strips it)
texts = st.lists(words, min_size=1, max_size=6).map(" ".join)
optional_texts = st.none() | texts
students = st.from_regex(r"[A-Za-z0-9_-]{1,40}", fullmatch=True).filter(
    lambda s: s.lower() not in {"con", "prn", "aux", "nul"} and not (
        s[:3].lower() in {"com", "lpt"} and len(s) == 4 and s[3].isdigit()))


@st.composite
def norm_answers(draw, norm_id: str, element_ids: list[str] | None = None) -> NormAnswer:
    known = element_ids if element_ids is not None else list(element_index(LIBRARY.norm(norm_id)))
    chosen = draw(st.lists(st.sampled_from(known), unique=True, max_size=4)) if known else []
    if element_ids is not None:  # the form lists elements in the order of the schema
        chosen.sort(key=known.index)
    elements = tuple(ElementAnswer(e, draw(st.sampled_from(tuple(Finding))), draw(optional_texts))
                     for e in chosen)
    return NormAnswer(norm_id, draw(st.sampled_from(NORM_FINDINGS)), draw(optional_texts), elements)


@st.composite
def student_answers(draw) -> StudentAnswer:
    norm_ids = draw(st.lists(st.sampled_from(NORM_IDS), min_size=1, max_size=4, unique=True))
    norms = tuple(draw(norm_answers(n)) for n in norm_ids)
    pairs = [(a, b) for a in NORM_IDS for b in NORM_IDS if a != b]
    konkurrenzen = tuple(KonkurrenzAnswer(a, b) for a, b in
                         draw(st.lists(st.sampled_from(pairs), max_size=3, unique=True)))
    applies = draw(st.none() | st.lists(st.sampled_from(NORM_IDS), unique=True, max_size=3).map(tuple))
    return StudentAnswer(
        exercise=draw(st.sampled_from(["e01_geheimnis", "e03_verkauf"])),
        student=draw(students),
        norms=norms,
        name=draw(optional_texts),
        submitted=draw(st.none() | st.just("2026-11-21T10:00:00")),
        konkurrenzen=konkurrenzen,
        konkurrenzen_begruendung=draw(optional_texts),
        applies=applies,
        gesamtergebnis_text=draw(optional_texts) if applies is not None else None,
    )


@settings(CI)
@given(student_answers())
def test_writer_and_reader_are_inverse(answer):
    assert answer_from_mapping(answer_mapping(answer), LIBRARY) == answer


@settings(CI)
@given(student_answers())
def test_a_saved_file_reads_back_as_the_same_answer(answer):
    text = json.dumps(answer_mapping(answer), ensure_ascii=False, indent=2) + "\n"
    assert load_answer("answers/x.json", LIBRARY, text=text) == answer


def test_the_written_format_is_the_documented_one():
    answer = StudentAnswer(
        "e03_verkauf", "1234567",
        (NormAnswer("stgb_203_2_1", Finding.ERFUELLT, "M ist Amtsträger.",
                    (ElementAnswer("geheimnis", Finding.ERFUELLT, "Nur wenige kennen die Liste."),
                     ElementAnswer("besonders_verpflichteter", Finding.DAHINSTEHEN))),
         NormAnswer("stgb_204_1", Finding.OFFEN)),
        konkurrenzen=(KonkurrenzAnswer("stgb_204_1", "stgb_203_2_1"),),
        applies=("stgb_203_2_1",))
    assert answer_mapping(answer) == {
        "exercise": "e03_verkauf", "student": "1234567",
        "norms": [
            {"norm": "stgb_203_2_1", "result": "erfüllt", "begruendung": "M ist Amtsträger.",
             "elements": {"geheimnis": {"result": "erfüllt", "begruendung": "Nur wenige kennen die Liste."},
                          "besonders_verpflichteter": {"result": "kann dahinstehen"}}},
            {"norm": "stgb_204_1", "result": "offen"},
        ],
        "konkurrenzen": [{"norm": "stgb_204_1", "yields_to": "stgb_203_2_1"}],
        "gesamtergebnis": {"applies": ["stgb_203_2_1"]},
    }


NOW = datetime(2026, 11, 21, 10, 0, 0)
EXERCISE = find_exercise("e03_verkauf")
FORM_NORMS = ("stgb_203_2_1", "stgb_204_1", "stgb_11_1_2")


@st.composite
def form_answers(draw) -> StudentAnswer:
    """What the form can show: the chosen norms each with a result, elements in schema order,
    Konkurrenzen and the Gesamtergebnis among the chosen norms."""
    norm_ids = draw(st.lists(st.sampled_from(FORM_NORMS), min_size=1, unique=True))
    norms = tuple(draw(norm_answers(n, [r.element for r in schema_rows(LIBRARY.norm(n))])) for n in norm_ids)
    pairs = [(a, b) for a in norm_ids for b in norm_ids if a != b]
    konkurrenzen = tuple(KonkurrenzAnswer(a, b) for a, b in
                         draw(st.lists(st.sampled_from(pairs), max_size=2, unique=True))) if pairs else ()
    applies = tuple(n for n in norm_ids if draw(st.booleans()))
    return StudentAnswer(EXERCISE.id, draw(students), norms, name=draw(optional_texts),
                         submitted=NOW.isoformat(), konkurrenzen=konkurrenzen,
                         konkurrenzen_begruendung=draw(optional_texts), applies=applies,
                         gesamtergebnis_text=draw(optional_texts))


@settings(CI, max_examples=30)  # each example builds the widgets of a whole form
@given(form_answers())
def test_the_form_shows_and_writes_back_what_it_read(tmp_path_factory, answer):
    saved = tmp_path_factory.mktemp("saved") / "answer.json"
    saved.write_text(json.dumps(answer_mapping(answer), ensure_ascii=False), encoding="utf-8")
    form = AnswerForm(EXERCISE, answers_dir=tmp_path_factory.mktemp("answers"), clock=lambda: NOW)
    form.load(saved)
    assert form.status.value == f"Geladen: {saved}"
    assert form.answer() == answer
    assert form.answer_dict() == answer_mapping(answer)
