"""`find_citations`: all statute, decision and EU-act citations of a text, with offsets into it."""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from typing import TypeVar

from lawkit.citations.acts import ActMatch, find_acts
from lawkit.citations.cases import CaseMatch, find_cases
from lawkit.citations.model import ActRef, CaseRef, CitationHit
from lawkit.citations.normalize import Normalized
from lawkit.citations.norms import NormMatch, find_norms
from lawkit.citations.reference import StatuteRef

_Shared = TypeVar("_Shared")


def find_citations(text: str) -> list[CitationHit]:
    """Every citation in `text`, in order of position.

    Offsets refer to `text` itself (not to a cleaned copy): `hit.text == text[hit.start:hit.end]`
    even when the citation runs over a line break, a hyphenated word or non-breaking spaces.
    Decisions are read first: a statute named in a reporter's section ('SozR 4-2500 § 106 Nr 7')
    belongs to the decision and is no statute hit; an EU act that is the law of a statute hit
    ('Art. 6 der Richtlinie 2011/83/EU') is no hit of its own. Groups are numbered 0, 1, 2, …
    in text order.

    Memory: besides the text and one cleaned copy, about one small object per hit; equal
    references and equal surface texts are shared between hits.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_citations expects a str, got {type(text).__name__}")
    norm = Normalized(text)
    clean = norm.text
    builder = _Builder(text, norm)
    others = _Others(clean, builder.share)
    for group in find_norms(clean, 0, others.blocked):
        for other in others.before(group.start):
            builder.add_other(other)
        others.skip_acts_before(group.end)  # an act inside the group is the law of a statute
        builder.add_norms(group.items)
    for other in others.before(len(clean) + 1):
        builder.add_other(other)
    return builder.hits


class _Others:
    """The decisions and EU acts of the text, in order. Decisions are read just as far ahead as
    the statute parser needs: before a '§' is read, every reporter before it is known (its
    section may name a statute)."""

    def __init__(self, clean: str, share: Callable[[CaseRef], CaseRef]) -> None:
        self._keyed: list[tuple[int, int]] = []
        self._found = find_cases(clean, self._keyed, share)
        self._buffer: deque[CaseMatch] = deque()
        self._last = -1
        self._done = False
        self._acts = list(find_acts(clean)) if "/" in clean else []  # every act's number has one
        self._next_act = 0

    def _read_past(self, pos: int) -> None:
        while not self._done and self._last <= pos:
            match = next(self._found, None)
            if match is None:
                self._done = True
            else:
                self._buffer.append(match)
                self._last = match.start

    def blocked(self, pos: int) -> bool:
        """Whether pos lies in a reporter whose section names a statute."""
        self._read_past(pos)
        if not self._keyed:
            return False
        i = bisect_right(self._keyed, pos, key=_FIRST) - 1
        return i >= 0 and pos < self._keyed[i][1]

    def skip_acts_before(self, pos: int) -> None:
        acts = self._acts
        while self._next_act < len(acts) and acts[self._next_act].start < pos:
            self._next_act += 1

    def before(self, pos: int) -> Iterator[CaseMatch | ActMatch]:
        """The decisions and acts that start before pos and were not given yet, in order."""
        self._read_past(pos)
        acts, buffer = self._acts, self._buffer
        while True:
            case = buffer[0] if buffer and buffer[0].start < pos else None
            k = self._next_act
            act = acts[k] if k < len(acts) and acts[k].start < pos else None
            if case is None and act is None:
                return
            if act is None or (case is not None and case.start < act.start):
                yield buffer.popleft()
            else:
                self._next_act += 1
                yield act


_FIRST = itemgetter(0)


class _Builder:
    """Turns matches on the cleaned text into hits on the original: numbers groups in order,
    shares equal references and surface texts, and keeps hits from overlapping (of two that
    would, the one that starts first stays)."""

    def __init__(self, text: str, norm: Normalized) -> None:
        self.text = text
        self.span: Callable[[int, int], tuple[int, int]] = norm.span
        self.hits: list[CitationHit] = []
        self._groups = 0
        self._case_group: int | None = None  # the chain of the last decision added
        self._shared: dict[object, object] = {}

    def share(self, value: _Shared) -> _Shared:
        """An equal value seen before, or this one (repeated citations share their objects)."""
        return self._shared.setdefault(value, value)  # type: ignore[return-value]  # equal keys have equal types

    def _add(self, start: int, end: int, ref: StatuteRef | CaseRef | ActRef, until: StatuteRef | None,
             relation: str | None,
             new_group: bool) -> bool:
        if self.hits and start < self.hits[-1].end:
            return False
        if new_group:
            self._groups += 1
        surface = self.share(self.text[start:end])
        self.hits.append(CitationHit(start, end, surface, ref, until, relation, self._groups - 1))
        return True

    def add_norms(self, matches: Iterable[NormMatch]) -> None:
        new_group = True
        self._case_group = None
        for n in matches:
            start, end = self.span(n.start, n.end)
            if self._add(start, end, n.ref, n.until, n.relation, new_group):
                new_group = False

    def add_other(self, match: CaseMatch | ActMatch) -> None:
        chained = isinstance(match, CaseMatch) and match.group == self._case_group
        start, end = self.span(match.start, match.end)
        if self._add(start, end, match.ref, None, None, not chained):
            self._case_group = match.group if isinstance(match, CaseMatch) else None
