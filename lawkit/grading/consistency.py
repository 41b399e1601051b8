"""What an answer's own statements imply, and where they contradict each other.

* `implied_results`: the result of a group element (an element with sub-elements, or a
  Meinungsstreit element) that the answer leaves out but that follows from the sub-elements it
  states, under kumulativ/alternativ logic. A student who states "Geheimnis: nicht erfüllt"
  has also said that the Tatbestand is not met; stating it again is not required.
* `norm_contradictions`: every stated result that the answer's own sub-results contradict
  (Folgerichtigkeit, BVerwG 6 B 71.17 Rn. 10).

Both see an answer's statements as {element id: Finding}; the norm's root element is stated by
the norm's `result`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from lawkit.coursework.model import Finding
from lawkit.grading.answers import NormAnswer, element_index
from lawkit.model.logic import Combine
from lawkit.model.norm import Dispute, Element, Norm, View

# the view a solution path takes in a Meinungsstreit; None: any view (a result then follows
# only where every view gives it)
ViewOf = Callable[[Dispute], View | None]

_ABSORBING = {Combine.ALL_OF: Finding.NICHT_ERFUELLT, Combine.ANY_OF: Finding.ERFUELLT}
_NEUTRAL = {Combine.ALL_OF: Finding.ERFUELLT, Combine.ANY_OF: Finding.NICHT_ERFUELLT}
_LOOSE = (Finding.OFFEN, Finding.DAHINSTEHEN)


def _any_view(_: Dispute) -> View | None:
    return None


class _Implied:
    """Results that follow from stated ones, computed once per element (memoised)."""

    def __init__(self, stated: Mapping[str, Finding], view_of: ViewOf) -> None:
        self.stated = stated
        self.view_of = view_of
        self.memo: dict[str, Finding | None] = {}

    def value(self, element: Element) -> Finding | None:
        """The stated result, else the one that follows from the sub-elements, else None."""
        given = self.stated.get(element.id)
        return given if given is not None else self.implied(element)

    def implied(self, element: Element) -> Finding | None:
        if element.id not in self.memo:
            self.memo[element.id] = self._compute(element)
        return self.memo[element.id]

    def _compute(self, element: Element) -> Finding | None:
        if element.dispute is not None:
            view = self.view_of(element.dispute)
            views = (view,) if view is not None else element.dispute.views
            values = {self.value(v.requirement) for v in views}
            return values.pop() if len(values) == 1 else None
        if element.children:
            return combine(element.combine, [self.value(c) for c in element.children])
        return None


def combine(how: Combine, values: list[Finding | None]) -> Finding | None:
    """The result a group has by its sub-results; None where it depends on one not stated.
    "kann dahinstehen" and "offen" leave the group open unless another sub-result decides it."""
    if _ABSORBING[how] in values:
        return _ABSORBING[how]
    if None in values:
        return None
    if any(v in _LOOSE for v in values):
        return Finding.OFFEN
    return _NEUTRAL[how]


def implied_results(norm: Norm, stated: Mapping[str, Finding], view_of: ViewOf = _any_view
                    ) -> dict[str, Finding]:
    """{element id: result} for each group element of the norm the answer does not state but
    whose result follows from the sub-elements it does state (on the path `view_of` gives)."""
    implied = _Implied(stated, view_of)
    out: dict[str, Finding] = {}
    for element_id, element in element_index(norm).items():
        if element_id in stated or not (element.children or element.dispute is not None):
            continue
        value = implied.implied(element)
        if value is not None:
            out[element_id] = value
    return out


class _FromBelow(_Implied):
    """Results that follow from the answer's statements on the lowest level: a stated group
    counts with what its sub-elements give, not with what the answer says of it (a follow-on
    error up the chain is one error)."""

    def value(self, element: Element) -> Finding | None:
        if element.children or element.dispute is not None:
            derived = self.implied(element)
            if derived is not None:
                return derived
        return self.stated.get(element.id)


def consistent_results(norm: Norm, stated: Mapping[str, Finding], view_of: ViewOf = _any_view
                       ) -> dict[str, Finding]:
    """{element id: result} for every group element (and the root, by its id) whose result
    follows from the answer's lowest statements and differs from what the answer states of it
    (or is not stated): the answer graded as a consistent whole."""
    below = _FromBelow(stated, view_of)
    out: dict[str, Finding] = {}
    for element in norm.root.walk():
        if not (element.children or element.dispute is not None):
            continue
        value = below.implied(element)
        if value is not None and stated.get(element.id) != value:
            out[element.id] = value
    return out


# -- contradictions inside a norm --------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Contradiction:
    """A stated result that the answer's own sub-results contradict.

    `cause` is the stated sub-element at the bottom of the chain that decides the other way
    (several contradicted statements up one chain share it: they are one error, counted once);
    `consistent` is what follows from the sub-results (None where nothing follows)."""

    element: str  # the contradicted element; the norm's root id for the norm's result
    text: str
    cause: str
    consistent: Finding | None


def norm_contradictions(norm: Norm, answer: NormAnswer, view_of: ViewOf = _any_view
                        ) -> list[Contradiction]:
    """Every stated result (the root's id stands for the norm's result) that the answer's own
    sub-results contradict, top-down, on the solution path `view_of` gives (default: only
    where every view of a Meinungsstreit agrees). Sub-elements left out count with the result
    that follows from what is stated below them."""
    stated = {e.element: e.result for e in answer.elements}
    implied = _Implied(stated, view_of)
    out: list[Contradiction] = []
    for element in norm.root.walk():
        given = answer.result if element is norm.root else stated.get(element.id)
        if given is None or given is Finding.DAHINSTEHEN:
            continue
        label = norm.citation.canonical() if element is norm.root else f"„{element.label}“"
        if element.dispute is not None:
            view = view_of(element.dispute)
            views = (view,) if view is not None else element.dispute.views
            problems = [_group(label, v.requirement.combine, v.requirement.children, given, stated, implied)
                        for v in views]
            found = [p for p in problems if p is not None]
            if found and len(found) == len(problems):
                text, cause = found[0]
                out.append(Contradiction(element.id, text, cause, implied.implied(element)))
        elif element.children:
            problem = _group(label, element.combine, element.children, given, stated, implied)
            if problem:
                out.append(Contradiction(element.id, problem[0], problem[1], implied.implied(element)))
    return out


def _decider(child: Element, derived: bool, stated: Mapping[str, Finding], implied: _Implied,
             wanted: tuple[Finding, ...]) -> str:
    """The stated element at the bottom of a chain of results that follow from below: the
    sub-element whose own statement is the reason (for one error found several times)."""
    current, derived_now = child, derived
    for _ in range(64):  # a tree of elements is never deeper than its file allows
        if not derived_now:
            return current.id
        children: tuple[Element, ...] = current.children
        if current.dispute is not None:
            view = implied.view_of(current.dispute)
            if view is None:
                return current.id
            children = view.requirement.children
        following = None
        for item in children:
            value = stated.get(item.id)
            if value is not None and value in wanted:
                return item.id
            if value is None and implied.implied(item) in wanted:
                following = item
                break
        if following is None:
            return current.id
        current, derived_now = following, True
    return current.id


def _group(label: str, how: Combine, children: tuple[Element, ...], given: Finding,
           stated: Mapping[str, Finding], implied: _Implied) -> tuple[str, str] | None:
    """(German text, cause) where the stated result of a group contradicts its sub-results."""
    answered: list[tuple[Element, Finding, bool]] = []  # (child, result, follows from below)
    for child in children:
        if child.id in stated:
            answered.append((child, stated[child.id], False))
        else:
            value = implied.implied(child)
            if value is not None:
                answered.append((child, value, True))
    if not answered:
        return None
    absorbing, neutral = _ABSORBING[how], _NEUTRAL[how]
    how_text = "kumulativ" if how is Combine.ALL_OF else "alternativ"
    absorbers = [(c, derived) for c, f, derived in answered if f is absorbing]
    if absorbers and given is not absorbing:
        child, derived = absorbers[0]
        judged = (f"„{child.label}“ nach Ihren Untermerkmalen „{absorbing.value}“ ist" if derived
                  else f"Sie „{child.label}“ als „{absorbing.value}“ beurteilen")
        return (f"{label} ist als „{given.value}“ angegeben, obwohl {judged}; die Voraussetzungen "
                f"sind {how_text} verknüpft, daraus folgt „{absorbing.value}“.",
                _decider(child, derived, stated, implied, (absorbing,)))
    if given is neutral:
        loose = [(c, f, derived) for c, f, derived in answered if f in _LOOSE]
        if loose:
            child, finding, derived = loose[0]
            how_left = ("das nach Ihren Untermerkmalen offen bleibt" if derived
                        else "das Sie dahinstehen lassen" if finding is Finding.DAHINSTEHEN
                        else "das Sie offen lassen")
            return (f"{label} ist als „{given.value}“ angegeben, stützt sich aber auf "
                    f"„{child.label}“, {how_left}.", _decider(child, derived, stated, implied, _LOOSE))
        return None
    complete = len(answered) == len(children)
    if given is absorbing and not absorbers and complete:
        left = [c for c, f, _ in answered if f is Finding.DAHINSTEHEN]
        extra = f" (Sie lassen „{left[0].label}“ dahinstehen)" if left else ""
        basis = "keine Alternative" if how is Combine.ANY_OF else "keine Voraussetzung"
        verdict = "erfüllt" if how is Combine.ANY_OF else "nicht erfüllt"
        return (f"{label} ist als „{given.value}“ angegeben, obwohl Sie {basis} als „{verdict}“ "
                f"beurteilen{extra}.", f"{label}:{given.value}")
    if given is Finding.OFFEN and complete and all(f is neutral for _, f, _ in answered):
        return (f"{label} ist als „offen“ angegeben, obwohl Sie alle Voraussetzungen als "
                f"„{neutral.value}“ beurteilen.", f"{label}:offen")
    return None
