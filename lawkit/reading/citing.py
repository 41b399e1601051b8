"""Which norms of the exercise a passage cites (lawkit.citations.find_citations, used as it is).

A citation names a norm when the law and the § (or Art.) agree and every narrower part both
give agrees ("§ 203 StGB" and "§ 203 II 1 Nr. 1 StGB" name § 203 Abs. 2 S. 1 StGB, "§ 203 Abs. 1
StGB" does not). A citation without a law ("§ 204", "§203 Abs.2 S.1") names a norm only where its
number fits exactly one norm of the exercise — students drop the law once it is clear.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lawkit.citations.reference import StatuteRef
from lawkit.model.norm import Norm

_NARROWER = ("absatz", "satz", "halbsatz", "nummer", "buchstabe", "variante", "alternative")


@dataclass(frozen=True, slots=True)
class NormCitation:
    """A citation in the text that names a norm of the exercise."""

    norm: str
    start: int
    end: int
    text: str
    lawless: bool  # the law was not written; resolved by the § number alone


def _digits(value: str | None) -> str | None:
    if value is None:
        return None
    digits = "".join(c for c in value if c.isdigit())
    return digits or value


def _number(value: str) -> tuple[int, str] | None:
    digits = "".join(c for c in value if c.isdigit())
    return (int(digits), value[len(digits):]) if digits and value.startswith(digits) else None


def cites(ref: StatuteRef, target: StatuteRef, *, until: StatuteRef | None = None,
          lawless: bool = False) -> bool:
    """Whether `ref` as found in a text (with `until`, the end of a range "§§ 203–205 StGB")
    names the provision `target`. The one rule for the reader and the grader's citation scan
    (lawkit.grading.scan): the law and the § (or Art.) agree, and every narrower part that both
    give agrees ("Nr. 2c" names "Nr. 2"); `lawless` accepts a citation without a law."""
    if not lawless and (not ref.law or ref.law.casefold() != target.law.casefold()):
        return False
    if ref.article != target.article:
        return False
    if until is not None and until.number != ref.number:
        low, high, wanted = _number(ref.number), _number(until.number), _number(target.number)
        return low is not None and high is not None and wanted is not None and low <= wanted <= high
    if ref.number != target.number:
        return False
    for part in _NARROWER:
        mine, theirs = getattr(ref, part), getattr(target, part)
        if mine is None or theirs is None:
            continue
        if part == "nummer" and _digits(mine) == _digits(theirs):  # "Nr. 2c" names "Nr. 2"
            continue
        if mine != theirs:
            return False
    return True


def norm_citations(text: str, norms: Sequence[Norm]) -> tuple[list[NormCitation], list[tuple[int, int]]]:
    """Every citation of a norm of the exercise, and the spans of all statute citations
    (those words are not read as element vocabulary: "Nr. 1" in a citation is no Prüfungspunkt)."""
    from lawkit.citations.extract import find_citations

    found: list[NormCitation] = []
    spans: list[tuple[int, int]] = []
    for hit in find_citations(text):
        if not isinstance(hit.ref, StatuteRef):
            continue
        spans.append((hit.start, hit.end))
        ref = hit.ref
        named = [n for n in norms if cites(ref, n.citation.parts[0], until=hit.until)]
        lawless = False
        if not named and not ref.law:
            candidates = [n for n in norms if cites(ref, n.citation.parts[0], until=hit.until,
                                                    lawless=True)]
            if len(candidates) == 1:
                named, lawless = candidates, True
        for norm in named[:1]:
            found.append(NormCitation(norm.id, hit.start, hit.end, hit.text, lawless))
    return found, spans
