"""`find_citations`: all statute, decision and EU-act citations of a text, with offsets into it."""

from __future__ import annotations

from heapq import merge
from operator import attrgetter

from lawkit.citations.acts import find_acts
from lawkit.citations.cases import find_cases
from lawkit.citations.model import CitationHit
from lawkit.citations.normalize import Normalized
from lawkit.citations.norms import find_norms

_START = attrgetter("start")


def find_citations(text: str) -> list[CitationHit]:
    """Every citation in `text`, in order of position.

    Offsets refer to `text` itself (not to a cleaned copy): `hit.text == text[hit.start:hit.end]`
    even when the citation runs over a line break, a hyphenated word or non-breaking spaces.
    Decisions are read first: a statute named in a reporter's section ('SozR 4-2500 § 106 Nr 7')
    belongs to the decision and is no statute hit. Groups are numbered in this order: statute
    groups, then decisions, then EU acts named on their own.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_citations expects a str, got {type(text).__name__}")
    norm = Normalized(text)
    clean = norm.text
    cases, keyed = find_cases(clean)
    surfaces: dict[str, str] = {}  # one string object per distinct surface text

    def surface(start: int, end: int) -> str:
        s = text[start:end]
        return surfaces.setdefault(s, s)

    acts = list(find_acts(clean)) if "/" in clean else []
    named_by_norm = set()  # acts that are the law of a statute hit ('Art. 6 der RL 2011/83/EU')
    norms: list[CitationHit] = []
    group = 0
    i = 0
    for matches in find_norms(clean, 0, keyed):
        for n in matches:
            while i < len(acts) and acts[i].end <= n.start:
                i += 1
            if i < len(acts) and acts[i].start < n.end:
                named_by_norm.add(i)
            start, end = norm.span(n.start, n.end)
            norms.append(CitationHit(start, end, surface(start, end), n.ref, n.until, n.relation, n.group))
        group = matches[-1].group + 1
    decisions = []
    for c in cases:
        start, end = norm.span(c.start, c.end)
        decisions.append(CitationHit(start, end, surface(start, end), c.ref, None, None, group + c.group))
    group += cases[-1].group + 1 if cases else 0
    named = []
    for k, a in enumerate(acts):
        if k not in named_by_norm:
            start, end = norm.span(a.start, a.end)
            named.append(CitationHit(start, end, surface(start, end), a.ref, group=group))
            group += 1
    if not decisions and not named:
        return norms
    return list(merge(norms, decisions, named, key=_START))
