"""The solution path an answer follows, and each norm's elements on that path.

Where a Meinungsstreit matters, the reference knows one *scenario* per combination of views.
An answer is graded on ONE of them, the same for every part (norm results, elements,
Konkurrenzen, Gesamtergebnis): the scenario its elements fit best. Ties are decided by the
norms' results, then by the Gesamtergebnis, then in favour of the case's own choice (the
Musterlösung, usually the herrschende Meinung). An answer that argues one view in its elements
and takes the other view's result is thus measured on the path of its elements, and the result
that does not follow there is not vertretbar *for this answer* (BVerwG 6 B 71.17 Rn. 9 protects
a vertretbare Auffassung, not a mixture of two).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from lawkit.coursework.model import Finding
from lawkit.grading.answers import NormAnswer, StudentAnswer
from lawkit.grading.consistency import implied_results
from lawkit.grading.reference import Reference, Scenario

if TYPE_CHECKING:
    from lawkit.loading.library import Library
    from lawkit.model.norm import Norm


@dataclass(frozen=True, slots=True)
class NormPath:
    """One norm on a solution path: the elements graded and what the answer says for each."""

    graded: tuple[str, ...]  # required on the path, plus answered dahinstehen/condition elements
    required: frozenset[str]
    results: Mapping[str, Finding]  # stated, and what follows for left-out group elements
    implied: frozenset[str]  # ids in `results` that follow from sub-elements (not stated)


def norm_path(reference: Reference, scenario: Scenario, norm: Norm, answer: NormAnswer | None
              ) -> NormPath:
    path = scenario.norms.get(norm.id)
    stated = {e.element: e.result for e in answer.elements} if answer is not None else {}
    if path is None:  # a norm the case does not examine: its elements are not graded
        return NormPath((), frozenset(), stated, frozenset())
    implied = implied_results(norm, stated, scenario.view_of)
    graded = list(path.required) + [
        e for e in stated if (e in path.dahinstehen or e in path.conditions) and e not in path.required]
    return NormPath(tuple(graded), frozenset(path.required), {**stated, **implied},
                    frozenset(implied))


def choose_path(reference: Reference, answer: StudentAnswer, weights: Mapping[str, Fraction],
                scope: set[str], library: Library) -> Scenario:
    """The scenario the answer follows (see the module's docstring)."""
    if len(reference.scenarios) == 1:
        return reference.base
    given_applies = set(answer.applies) & scope if answer.applies is not None else None
    best: tuple[tuple[Fraction, Fraction, int, int], Scenario] | None = None
    for scenario in reference.scenarios:
        elements, results = Fraction(0), Fraction(0)
        for norm_id, weight in weights.items():
            own, ref = answer.norm(norm_id), reference.norm(norm_id)
            if own is None or ref is None:
                continue
            if own.result is not None and own.result.value in ref.accepted_on(scenario.index):
                results += weight
            on_path = norm_path(reference, scenario, library.norm(norm_id), own)
            if on_path.graded:
                right = sum(1 for e in on_path.graded if e in on_path.results and e in ref.elements
                            and on_path.results[e].value in ref.elements[e].accepted_on(scenario.index))
                elements += weight * Fraction(right, len(on_path.graded))
        applies = int(given_applies == set(scenario.applies) & scope)
        key = (elements, results, applies, -scenario.index)
        if best is None or key > best[0]:
            best = (key, scenario)
    assert best is not None
    return best[1]
