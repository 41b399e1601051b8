"""Three-valued logic of the check: erfüllt / nicht erfüllt / offen (strong Kleene)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Result(StrEnum):
    """The result of an element, a norm or a requirement."""

    ERFUELLT = "erfüllt"
    NICHT_ERFUELLT = "nicht erfüllt"
    OFFEN = "offen"

    @property
    def determined(self) -> bool:
        return self is not Result.OFFEN


class Answer(StrEnum):
    """A case's answer to an element's question."""

    JA = "ja"
    NEIN = "nein"
    OFFEN = "offen"


class Combine(StrEnum):
    """How the children of an element combine: kumulativ or alternativ."""

    ALL_OF = "all_of"
    ANY_OF = "any_of"


def conjunction(results: Iterable[Result]) -> Result:
    """Strong Kleene AND: nicht erfüllt as soon as one is; erfüllt only if all are."""
    seen_open = False
    for result in results:
        if result is Result.NICHT_ERFUELLT:
            return Result.NICHT_ERFUELLT
        if result is Result.OFFEN:
            seen_open = True
    return Result.OFFEN if seen_open else Result.ERFUELLT


def disjunction(results: Iterable[Result]) -> Result:
    """Strong Kleene OR: erfüllt as soon as one is; nicht erfüllt only if none can be."""
    seen_open = False
    for result in results:
        if result is Result.ERFUELLT:
            return Result.ERFUELLT
        if result is Result.OFFEN:
            seen_open = True
    return Result.OFFEN if seen_open else Result.NICHT_ERFUELLT


def negation(result: Result) -> Result:
    """Strong Kleene NOT: offen stays offen."""
    if result is Result.OFFEN:
        return result
    return Result.NICHT_ERFUELLT if result is Result.ERFUELLT else Result.ERFUELLT


def combine(how: Combine, results: Iterable[Result]) -> Result:
    return conjunction(results) if how is Combine.ALL_OF else disjunction(results)


def answer_result(answer: Answer, satisfied_by: Answer) -> Result:
    """The element result for a fact: `satisfied_by` is the answer that fulfils the element."""
    if answer is Answer.OFFEN:
        return Result.OFFEN
    return Result.ERFUELLT if answer is satisfied_by else Result.NICHT_ERFUELLT
