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

from lawkit.grading.answers import Finding, NormAnswer, element_index
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


# -- contradictions inside a norm --------------------------------------------------------------
def norm_contradictions(norm: Norm, answer: NormAnswer) -> list[tuple[str, str]]:
    """(element id, German text) for every stated result its own sub-results contradict; the
    root's id stands for the norm's result. Sub-elements left out count with the result that
    follows from what is stated below them."""
    stated = {e.element: e.result for e in answer.elements}
    implied = _Implied(stated, _any_view)
    out: list[tuple[str, str]] = []
    for element in norm.root.walk():
        given = answer.result if element is norm.root else stated.get(element.id)
        if given is None or given is Finding.DAHINSTEHEN:
            continue
        label = norm.citation.canonical() if element is norm.root else f"„{element.label}“"
        if element.dispute is not None:
            problems = [_group(label, view.requirement.combine, view.requirement.children, given,
                               stated, implied) for view in element.dispute.views]
            if problems and all(problems):
                out.append((element.id, problems[0]))  # type: ignore[arg-type]
        elif element.children:
            problem = _group(label, element.combine, element.children, given, stated, implied)
            if problem:
                out.append((element.id, problem))
    return out


def _group(label: str, how: Combine, children: tuple[Element, ...], given: Finding,
           stated: Mapping[str, Finding], implied: _Implied) -> str | None:
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
                f"sind {how_text} verknüpft, daraus folgt „{absorbing.value}“.")
    if given is neutral:
        loose = [(c, f, derived) for c, f, derived in answered if f in _LOOSE]
        if loose:
            child, finding, derived = loose[0]
            how_left = ("das nach Ihren Untermerkmalen offen bleibt" if derived
                        else "das Sie dahinstehen lassen" if finding is Finding.DAHINSTEHEN
                        else "das Sie offen lassen")
            return (f"{label} ist als „{given.value}“ angegeben, stützt sich aber auf "
                    f"„{child.label}“, {how_left}.")
        return None
    complete = len(answered) == len(children)
    if given is absorbing and not absorbers and complete:
        left = [c for c, f, _ in answered if f is Finding.DAHINSTEHEN]
        extra = f" (Sie lassen „{left[0].label}“ dahinstehen)" if left else ""
        basis = "keine Alternative" if how is Combine.ANY_OF else "keine Voraussetzung"
        verdict = "erfüllt" if how is Combine.ANY_OF else "nicht erfüllt"
        return (f"{label} ist als „{given.value}“ angegeben, obwohl Sie {basis} als „{verdict}“ "
                f"beurteilen{extra}.")
    if given is Finding.OFFEN and complete and all(f is neutral for _, f, _ in answered):
        return (f"{label} ist als „offen“ angegeben, obwohl Sie alle Voraussetzungen als "
                f"„{neutral.value}“ beurteilen.")
    return None
