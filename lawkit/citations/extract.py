"""`find_citations`: all statute and decision citations of a text, with offsets into it."""

from __future__ import annotations

from lawkit.citations.cases import find_cases
from lawkit.citations.model import CitationHit
from lawkit.citations.normalize import Normalized
from lawkit.citations.norms import find_norms


def find_citations(text: str) -> list[CitationHit]:
    """Every citation in `text`, in order of position.

    Offsets refer to `text` itself (not to a cleaned copy): `hit.text == text[hit.start:hit.end]`
    even when the citation runs over a line break, a hyphenated word or non-breaking spaces.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_citations expects a str, got {type(text).__name__}")
    norm = Normalized(text)
    hits: list[CitationHit] = []
    norms = find_norms(norm.text)
    next_group = (norms[-1].group + 1) if norms else 0
    for n in norms:
        start, end = norm.span(n.start, n.end)
        hits.append(CitationHit(start, end, text[start:end], n.ref, n.until, n.relation, n.group))
    for c in find_cases(norm.text, next_group):
        start, end = norm.span(c.start, c.end)
        hits.append(CitationHit(start, end, text[start:end], c.ref, None, None, c.group))
    hits.sort(key=lambda h: (h.start, h.end))
    return hits
