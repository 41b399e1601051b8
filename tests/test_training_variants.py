"""Fallvarianten: composed from the facts' Sachverhalt sentences, never contradictory, solved by
the engine; and the authoring format of the sentences (`saetze:`) with its errors."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawkit import Answer, AuthoringError, check, load_case
from lawkit.training.variants import REST, apply_changes, compose, generate_variants

SEED = "verkauf_an_konkurrenten"


def _statements_agree(composition) -> bool:
    stated: dict[str, Answer] = {}
    return all(stated.setdefault(key, answer) is answer for key, answer in composition.statements())


@st.composite
def assignments(draw, case):
    """Any answer per fact among the case's answer and the answers the fact has sentences for."""
    answers = {}
    for key, fact in case.facts.items():
        options = sorted({fact.answer, *(s.answer for s in fact.sentences)})
        answers[key] = draw(st.sampled_from(options))
    return answers


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_composed_sachverhalt_is_consistent_and_solved_by_the_engine(data, library):
    case = library.case(SEED)
    answers = data.draw(assignments(case))
    composition = compose(case, answers)
    if composition is None:
        # refused only where two sentences would contradict or a change cannot be told
        chosen = {k: s for k, f in case.facts.items() for s in f.sentences if s.answer is answers[k]}
        contradiction = any(answers[other] is not said for s in chosen.values() for other, said in s.also)
        untold = any(answers[k] is not f.answer and k not in chosen
                     and not any((k, answers[k]) in s.also for s in chosen.values())
                     for k, f in case.facts.items())
        assert contradiction or untold
        return
    assert _statements_agree(composition)
    for key, answer in composition.statements():
        assert answers[key] is answer  # every sentence says what the variant assumes
    texts = [s.text for _, s in composition.sentences]
    assert len(texts) == len(set(texts))  # no sentence twice
    for fact in case.facts.values():  # never both the ja and the nein sentence of one fact
        own = {s.text for s in fact.sentences}
        assert len(own & set(texts)) <= 1
    changes = tuple((k, a) for k, a in answers.items() if a is not case.facts[k].answer)
    varied = apply_changes(case, changes)
    assert {k: f.answer for k, f in varied.facts.items()} == answers
    solved = check(varied, library)
    again = check(case.with_answer(*changes[0]) if len(changes) == 1 else varied, library)
    assert [(n.result, n.applies, n.deciding) for n in solved.norms] == \
        [(n.result, n.applies, n.deciding) for n in again.norms]


def test_generated_variants_are_consistent_and_carry_exactly_the_engines_solution(library):
    case = library.case(SEED)
    variants = generate_variants(case, library)
    assert len(variants) == 8
    base = check(case, library)
    for variant in variants:
        assert _statements_agree(variant.composition)
        varied = variant.apply(case)
        fresh = check(varied, library)
        assert [(n.norm.id, n.result, n.applies, n.prosecutable, n.basis, n.deciding, n.citation)
                for n in variant.result.norms] == \
            [(n.norm.id, n.result, n.applies, n.prosecutable, n.basis, n.deciding, n.citation) for n in fresh.norms]
        for key, answer in variant.changes:
            assert case.facts[key].answer is not answer
    # the instructive ones first: a determined result flips
    first = variants[0]
    assert first.changes == (("geheimhaltungsinteresse", Answer.NEIN),)
    assert [n.result.value for n in base.norms] == ["erfüllt", "erfüllt"]
    assert [n.result.value for n in first.result.norms] == ["nicht erfüllt", "nicht erfüllt"]
    assert [v.score for v in variants] == sorted((v.score for v in variants), reverse=True)
    outcomes = {tuple((n.result.value, n.applies.value) for n in v.result.norms) for v in variants}
    assert len(outcomes) == len(variants)  # picked over their outcomes: each shows another change
    assert (("nicht erfüllt", "nicht erfüllt"), ("erfüllt", "erfüllt")) in outcomes  # § 204 no longer yields


def test_a_sentence_that_settles_another_fact_replaces_that_facts_sentence(library):
    case = library.case(SEED)
    answers = {k: f.answer for k, f in case.facts.items()}
    answers["offenbart"] = Answer.NEIN
    answers["verwertung_durch_offenbaren"] = Answer.NEIN
    composition = compose(case, answers)
    assert composition is not None and composition.complete
    assert ("M kennt die Liste aus einer Prüfung bei der F-GmbH. M gibt die Liste niemandem weiter, sondern "
            "wirbt mit ihrer Hilfe selbst Kunden für ein eigenes Nebengeschäft ab. Eine Befugnis") in composition.text
    assert "übergibt sie ihm" not in composition.text
    assert REST not in composition.text
    # handing the list to C while it stays open how M made money of it would contradict itself
    answers["offenbart"] = Answer.JA
    answers["verwertung_durch_offenbaren"] = Answer.OFFEN
    assert compose(case, answers) is None
    # a mistaken belief settles both kinds of Vorsatz: no sentence says M acted knowingly
    answers = {k: f.answer for k, f in case.facts.items()}
    answers["vorsatz_offenbaren"] = answers["vorsatz_verwerten"] = Answer.NEIN
    text = compose(case, answers).text
    assert "irrtümlich für öffentlich bekannt" in text and "wissentlich" not in text


def test_a_change_without_a_sentence_is_not_composed_and_the_rest_is_the_ausgangsfall(library):
    case = library.case(SEED)
    answers = {k: f.answer for k, f in case.facts.items()}
    answers["geheimnis_fremd"] = Answer.NEIN  # the case file gives no sentence for it
    assert compose(case, answers) is None
    other = library.case("bafin_angestellte")  # no sentences at all: no generated variants
    assert generate_variants(other, library) == ()


CASE_HEAD = """id: fall
title: Fall
sachverhalt: R erzählt B davon.
fallfrage: Strafbarkeit der R?
roles: {subject: R}
examine: [{norm: stgb_203_2_1, conduct: sie B davon erzählte}]
facts:
"""
FACTS = {
    "geheimnis_beschraenkter_kreis": "ja", "geheimhaltungsinteresse": "ja", "geheimnis_fremd": "ja",
    "beamter_oder_richter": "nein", "sonstiges_amtsverhaeltnis": "nein", "bestellt_oeffentliche_verwaltung": "ja",
    "taetig_fuer_behoerde": "ja", "foermlich_verpflichtet": "offen", "kenntnis_in_eigenschaft": "ja",
    "offenbart": "ja", "unbefugt": "ja", "vorsatz_offenbaren": "ja", "rechtfertigungsgrund": "nein",
    "schuldausschluss": "nein", "strafantrag_gestellt": "ja",
}


def _case_text(extra: str) -> str:
    lines = [CASE_HEAD.rstrip("\n")]
    for key, answer in FACTS.items():
        lines.append(f"  {key}: {{answer: {answer}, note: Laut Sachverhalt.}}")
    lines.append("  offenbart_mit_saetzen:")  # replaced below
    text = "\n".join(lines[:-1]) + "\n"
    return text.replace("  offenbart: {answer: ja, note: Laut Sachverhalt.}\n",
                        "  offenbart:\n    answer: ja\n    note: Laut Sachverhalt.\n" + extra)


def test_sentences_are_read_with_their_answers_and_what_they_settle(library):
    case = load_case("fall.yaml", library, text=_case_text(
        "    saetze:\n      ja: R erzählt B davon.\n      nein:\n        text: R schweigt.\n"
        "        zugleich: {vorsatz_offenbaren: nein}\n"))
    sentences = case.facts["offenbart"].sentences
    assert [(s.answer, s.text, s.also) for s in sentences] == [
        (Answer.JA, "R erzählt B davon.", ()),
        (Answer.NEIN, "R schweigt.", (("vorsatz_offenbaren", Answer.NEIN),))]
    assert case.facts["unbefugt"].sentences == ()


@pytest.mark.parametrize(("extra", "message"), [
    ("    saetze:\n      jein: Vielleicht.\n",
     "fall.yaml:21: facts.offenbart.saetze.jein: unbekannter Schlüssel 'jein'; meinten Sie 'nein'?; erwartet "
     "einen von ja, nein, offen"),
    ("    saetze: {}\n",
     "fall.yaml:20: facts.offenbart.saetze: erwartet mindestens einen Satz (ja, nein oder offen)"),
    ("    saetze:\n      ja: 12\n",
     "fall.yaml:21: facts.offenbart.saetze.ja: erwartet einen Text, gefunden: die Zahl 12"),
    ("    saetze:\n      nein: {text: R schweigt., zugleich: {gibt_es_nicht: nein}}\n",
     "fall.yaml:21: facts.offenbart.saetze.nein.zugleich: unbekannte Tatsache 'gibt_es_nicht'; erwartet eine "
     "Tatsache dieses Falls (geheimnis_beschraenkter_kreis, geheimhaltungsinteresse, "),
    ("    saetze:\n      nein: {text: R schweigt., zugleich: {offenbart: nein}}\n",
     "fall.yaml:21: facts.offenbart.saetze.nein.zugleich.offenbart: ein Satz kann nicht zugleich seine eigene "
     "Tatsache festlegen; erwartet eine andere Tatsache"),
    ("    saetze:\n      nein: {text: R schweigt., zugleich: {unbefugt: vielleicht}}\n",
     "fall.yaml:21: facts.offenbart.saetze.nein.zugleich.unbefugt: erwartet ja, nein oder offen, gefunden: "
     "'vielleicht'"),
    ("    saetze:\n      nein: {zugleich: {unbefugt: nein}}\n",
     "fall.yaml:21: facts.offenbart.saetze.nein: der Schlüssel 'text' fehlt; erwartet, dass er angegeben ist"),
])
def test_bad_sentences_are_reported_with_file_line_and_place(library, extra, message):
    with pytest.raises(AuthoringError) as caught:
        load_case("fall.yaml", library, text=_case_text(extra))
    assert str(caught.value).startswith(message), str(caught.value)
