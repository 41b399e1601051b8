"""The evaluation corpus (tests/data/citations/corpus_*.yaml), kind by kind, on exact spans.

Every citation marked in a document must be found with exactly its span and canonical form,
nothing else of that kind may be found, and no hit may touch a marked near-miss ("Ziffer 1.",
"Gliederungspunkt 2.1.1.", "im sechsten Absatz", page numbers, dates, amounts, "Rn." alone,
literature). The same corpus gives the precision/recall figures of benchmarks/bench_citations.py.
"""

from __future__ import annotations

import pytest

from lawkit.citations import find_citations
from tests.citations_corpus import KINDS, kind_of, load_corpus

CORPUS = load_corpus()


@pytest.fixture(scope="module")
def found() -> dict[str, list]:
    return {doc.id: find_citations(doc.text) for doc in CORPUS}


@pytest.mark.parametrize("kind", KINDS)
def test_every_citation_of_the_kind_with_its_exact_span(kind, found):
    got = [
        (doc.id, h.start, h.end, h.text, h.canonical())
        for doc in CORPUS
        for h in found[doc.id]
        if kind_of(h) == kind
    ]
    want = [
        (doc.id, c.start, c.end, doc.text[c.start : c.end], c.canonical)
        for doc in CORPUS
        for c in doc.citations
        if c.kind == kind
    ]
    assert got == want


def test_the_corpus_has_every_kind_and_near_misses():
    counts = {kind: sum(c.kind == kind for d in CORPUS for c in d.citations) for kind in KINDS}
    assert min(counts.values()) >= 10, counts
    assert sum(len(d.near_misses) for d in CORPUS) >= 40


@pytest.mark.parametrize("doc", CORPUS, ids=[d.id for d in CORPUS])
def test_no_hit_touches_a_near_miss(doc, found):
    for start, end in doc.near_misses:
        touching = [h.text for h in found[doc.id] if h.start < end and start < h.end]
        assert touching == [], doc.text[start:end]


def test_markup_is_checked():
    from tests.citations_corpus import _document

    with pytest.raises(ValueError, match="2 marked citations but 1 expected lines"):
        _document("x.yaml", {"id": "d", "text": "⟦§ 1 BGB⟧ ⟦§ 2 BGB⟧", "expected": ["norm | § 1 BGB"]})
    with pytest.raises(ValueError, match="unknown kind 'statute'"):
        _document("x.yaml", {"id": "d", "text": "⟦§ 1 BGB⟧", "expected": ["statute | § 1 BGB"]})
    with pytest.raises(ValueError, match="unclosed"):
        _document("x.yaml", {"id": "d", "text": "⟦§ 1 BGB", "expected": []})


def test_every_canonical_form_of_the_corpus_reads_back_as_itself():
    for doc in CORPUS:
        for c in doc.citations:
            hits = find_citations(c.canonical)
            assert [(h.start, h.end, h.canonical()) for h in hits] == [(0, len(c.canonical), c.canonical)]
