"""Property tests: the extractor never fails and reads back what the formatter writes.

Every test runs under the hypothesis profile "ci" (tests/conftest.py): 1,000 derandomised
examples on every run, so CI and a laptop try the same inputs.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lawkit.citations import CaseRef, find_citations, format_statute
from tests.strategies_citations import (
    act_refs,
    case_refs,
    eu_case_refs,
    noisy_legal_text,
    reporter_case_refs,
    statute_refs,
)

CI = settings.get_profile("ci")

CI = settings.get_profile("ci")


def _check_invariants(text: str) -> None:
    hits = find_citations(text)
    previous = (0, 0)
    for hit in hits:
        assert 0 <= hit.start < hit.end <= len(text)
        assert hit.text == text[hit.start : hit.end]
        assert hit.kind in ("norm", "case", "act")
        assert hit.start >= previous[1]  # in order, never overlapping
        previous = (hit.start, hit.end)
        hit.canonical()
        hit.to_dict()


@settings(CI)
@given(st.text())
def test_arbitrary_unicode_never_fails(text):
    _check_invariants(text)


@settings(CI)
@given(noisy_legal_text)
def test_noisy_legal_text_never_fails(text):
    _check_invariants(text)


@settings(CI)
@given(statute_refs(), st.sampled_from(["short", "long"]))
def test_statute_round_trip(ref, style):
    text = format_statute(ref, style)
    hits = find_citations(text)
    assert [h.ref for h in hits] == [ref], text
    assert (hits[0].start, hits[0].end) == (0, len(text))
    assert hits[0].canonical() == ref.canonical()


@settings(CI)
@given(statute_refs(), st.sampled_from(["vgl. ", "nach ", "(", ""]), st.sampled_from([".", ")", " ist", ""]))
def test_statute_found_inside_a_sentence(ref, before, after):
    text = before + ref.canonical() + after
    hits = find_citations(text)
    assert [(h.ref, h.start, h.end) for h in hits] == [(ref, len(before), len(before) + len(ref.canonical()))]


@settings(CI)
@given(case_refs())
def test_case_round_trip(ref):
    text = ref.canonical()
    hits = find_citations(text)
    assert len(hits) == 1, (text, hits)
    assert isinstance(hits[0].ref, CaseRef)
    assert hits[0].ref == ref, text
    assert (hits[0].start, hits[0].end) == (0, len(text))


@settings(CI)
@given(st.one_of(reporter_case_refs(), eu_case_refs()), st.sampled_from(["vgl. ", "(", ""]),
       st.sampled_from([").", "; stRspr", ""]))
def test_reporter_and_eu_decisions_round_trip(ref, before, after):
    text = before + ref.canonical() + after
    hits = find_citations(text)
    assert [(h.ref, h.start, h.end) for h in hits] == [(ref, len(before), len(before) + len(ref.canonical()))], text


@settings(CI)
@given(act_refs, st.sampled_from(["nach der ", "gemäß ", ""]))
def test_eu_act_round_trip(act, before):
    text = before + act.canonical() + " des Rates"
    hits = find_citations(text)
    assert [(h.kind, h.ref, h.start) for h in hits] == [("act", act, len(before))], text
    assert hits[0].text == act.canonical()
