"""The check: evaluate a case's norms element by element in three-valued logic.

Two passes per norm. `_compute` goes bottom-up and yields each element's result with the
facts it rests on (basis) or, if open, the open facts that would decide it. `_finish`
goes top-down and marks, in Gutachten order, which elements are examined and which are
open but cannot change the result ("kann dahinstehen").
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypedDict

from lawkit.errors import LawkitError, UnknownIdError
from lawkit.evaluation.results import (
    CaseResult,
    Displacement,
    DisputeResult,
    ElementResult,
    NormResult,
    ViewChoice,
    ViewOutcome,
)
from lawkit.loading.library import Library, default_library
from lawkit.model.case import Case, Examination
from lawkit.model.logic import (
    Combine,
    Result,
    answer_result,
    combine,
    conjunction,
    disjunction,
    negation,
)
from lawkit.model.norm import Element, Norm, NormCitation, RelationStage, View
from lawkit.model.suggest import aehnlich


class MissingFactError(LawkitError):
    """A case does not answer a question a norm asks (offen is never assumed)."""


@dataclass(slots=True)
class _Node:
    """Bottom-up result of one element (internal, mutable only while the check runs)."""

    element: Element
    result: Result
    children: list[_Node] = field(default_factory=list)
    referenced: _Node | None = None
    referenced_norm: Norm | None = None
    views: list[tuple[View, _Node]] = field(default_factory=list)
    chosen: View | None = None
    chosen_by: ViewChoice | None = None
    basis: tuple[str, ...] = ()
    deciding: tuple[str, ...] = ()
    either_way: str | None = None  # an alternative group decided under both answers to this ref


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


class _Evaluator:
    def __init__(self, library: Library, case: Case, views: Mapping[str, str]) -> None:
        self.library = library
        self.case = case
        self.views = {**case.views, **views}
        self.call_views = set(views)
        self._refs: dict[str, _Node] = {}
        self._forced: dict[str, Result] = {}  # ref -> result, while an alternative is split

    # -- bottom-up ------------------------------------------------------------
    def compute(self, element: Element) -> _Node:
        if element.fact is not None:
            fact = self.case.facts.get(element.fact)
            if fact is None:
                raise MissingFactError(
                    f"der Fall {self.case.id!r} beantwortet die Tatsache {element.fact!r} nicht "
                    f"({element.question}); erwartet ja, nein oder offen"
                )
            result = answer_result(fact.answer, element.satisfied_by)
            key = (element.fact,)
            return _Node(element, result, basis=key if result.determined else (),
                         deciding=() if result.determined else key)
        if element.ref is not None:
            if element.ref in self._forced:
                forced = self._forced[element.ref]
                return _Node(element, negation(forced) if element.negated else forced)
            node = None if self._forced else self._refs.get(element.ref)
            if node is None:
                target_norm, target = self.library.resolve(element.ref)
                node = self.compute(target)
                node.referenced_norm = target_norm
                if not self._forced:
                    self._refs[element.ref] = node
            result = negation(node.result) if element.negated else node.result
            return _Node(element, result, referenced=node,
                         referenced_norm=node.referenced_norm, basis=node.basis,
                         deciding=node.deciding)
        if element.dispute is not None:
            dispute = element.dispute
            chosen_id = self.views.get(dispute.id)
            chosen = dispute.view(chosen_id) if chosen_id else dispute.default_view
            if chosen is None:
                known = [v.id for v in dispute.views]
                raise UnknownIdError(
                    f"der Meinungsstreit {dispute.id!r} kennt keine Ansicht {chosen_id!r}"
                    f"{aehnlich(str(chosen_id), known)}"
                )
            if chosen_id is None:
                chosen_by = ViewChoice.DOMINANT
            elif dispute.id in self.call_views:
                chosen_by = ViewChoice.CALL
            else:
                chosen_by = ViewChoice.CASE
            views = [(view, self.compute(view.requirement)) for view in dispute.views]
            node = next(n for v, n in views if v is chosen)
            return _Node(element, node.result, views=views, chosen=chosen, chosen_by=chosen_by,
                         basis=node.basis, deciding=node.deciding)
        children = [self.compute(child) for child in element.children]
        result = combine(element.combine, (c.result for c in children))
        if result is Result.OFFEN and element.combine is Combine.ANY_OF:
            split = self._either_way(element, children)
            if split is not None:
                either_way, decided = split
                basis = _unique(f for c in children for f in c.basis)
                return _Node(element, decided, children=children, basis=basis,
                             either_way=either_way)
        return _Node(element, result, children=children, **_support(element.combine, result,
                                                                        children))

    def _either_way(self, element: Element, children: list[_Node]) -> tuple[str, Result] | None:
        """Alternatives that exclude each other ("Amtsträger" or, "ohne Amtsträger zu sein",
        "besonders Verpflichteter"): where one alternative is a Verweisung whose negation another
        alternative requires, the group is decided if both answers to it give the same result.
        Strong Kleene cannot see this; the split is sound, so the check stays monotone."""
        positive = [c.element.ref for c in children
                    if c.element.ref is not None and not c.element.negated
                    and c.result is Result.OFFEN]
        negated = {ref for c in children for ref in _negated_refs(c)}
        for target in positive:
            if target not in negated or target in self._forced:
                continue
            outcomes = set()
            for value in (Result.ERFUELLT, Result.NICHT_ERFUELLT):
                self._forced[target] = value
                try:
                    outcomes.add(combine(element.combine,
                                         (self.compute(c).result for c in element.children)))
                finally:
                    del self._forced[target]
            if len(outcomes) == 1 and (decided := outcomes.pop()).determined:
                return target, decided
        return None

    # -- top-down -------------------------------------------------------------
    def finish(self, node: _Node, *, relevant: bool, examined: bool,
               because: ElementResult | None = None) -> ElementResult:
        dahinstehen = not relevant and node.result is Result.OFFEN
        # Below an element that kann dahinstehen, the Gutachten examines nothing further.
        inner_examined = examined and not dahinstehen
        children: list[ElementResult] = []
        if node.either_way is not None:
            # decided either way: the open alternative on which it turns can stay open
            for child in node.children:
                target = child.element.ref == node.either_way and not child.element.negated
                children.append(self.finish(child, relevant=relevant and not target,
                                            examined=inner_examined))
        elif node.children:
            absorbing = (Result.NICHT_ERFUELLT if node.element.combine is Combine.ALL_OF
                         else Result.ERFUELLT)
            absorbers = [i for i, c in enumerate(node.children) if c.result is absorbing]
            stop = absorbers[0] if absorbers else len(node.children)
            # results of absorbing children are needed first to name them as 'because'
            finished: dict[int, ElementResult] = {}
            for i in absorbers:
                finished[i] = self.finish(
                    node.children[i],
                    relevant=relevant and len(absorbers) == 1,
                    examined=inner_examined and i <= stop,
                )
            first_absorber = finished.get(stop)
            for i, child in enumerate(node.children):
                if i not in finished:
                    others_absorb = bool(absorbers)
                    finished[i] = self.finish(
                        child,
                        relevant=relevant and not others_absorb,
                        examined=inner_examined and i <= stop,
                        because=first_absorber if relevant and others_absorb else because,
                    )
                children.append(finished[i])
        referenced = None
        if node.referenced is not None:
            referenced = self.finish(node.referenced, relevant=relevant,
                                     examined=inner_examined)
        dispute = None
        if node.views:
            outcomes = tuple(
                ViewOutcome(view, self.finish(n, relevant=relevant if view is node.chosen
                                              else True, examined=inner_examined))
                for view, n in node.views
            )
            assert node.element.dispute and node.chosen and node.chosen_by
            dispute = DisputeResult(node.element.dispute, node.chosen, node.chosen_by, outcomes)
        fact = self.case.facts.get(node.element.fact) if node.element.fact else None
        return ElementResult(
            element=node.element,
            result=node.result,
            examined=examined,
            dahinstehen=dahinstehen,
            children=tuple(children),
            fact=fact,
            dispute=dispute,
            referenced=referenced,
            referenced_norm=node.referenced_norm,
            because=because if dahinstehen else None,
            basis=node.basis,
            deciding=node.deciding,
            either_way=node.either_way,
        )

    # -- a norm ---------------------------------------------------------------
    def norm(self, norm: Norm, examination: Examination | None) -> NormResult:
        # Anwendbarkeit first: a relation whose condition alone bars the norm (the Sperrwirkung
        # of § 839 BGB for Beamte) is examined before the Tatbestand.
        gates = []
        for relation in norm.relations:
            if relation.stage is RelationStage.ANWENDBARKEIT and relation.condition is not None:
                condition = self.finish(self.compute(relation.condition), relevant=True,
                                        examined=True)
                gates.append(Displacement(relation, None,
                                          self.library.norm(relation.yields_to).citation.canonical(),
                                          condition.result, condition))
        applicable = negation(disjunction(g.status for g in gates))
        root_node = self.compute(norm.root)
        root = self.finish(root_node, relevant=True,
                           examined=applicable is not Result.NICHT_ERFUELLT)
        result = conjunction((applicable, root.result))
        procedural: tuple[ElementResult, ...] = ()
        if norm.procedural:
            # The procedural requirements form one kumulativ group, examined only where the
            # Tatbestand is not already failed.
            group = Element(id=f"{norm.id}__verfolgbarkeit", label="Verfolgbarkeit",
                            children=norm.procedural)
            node = self.compute(group)
            procedural = self.finish(node, relevant=True,
                                     examined=result is not Result.NICHT_ERFUELLT).children
        return NormResult(norm, examination, result, _refined_citation(norm, root), root,
                          procedural, tuple(gates))


def _negated_refs(node: _Node) -> set[str]:
    """The Verweisungen a subtree requires to be unmet (following Verweisungen)."""
    out: set[str] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if current.element.negated and current.element.ref is not None:
            out.add(current.element.ref)
        stack.extend(current.children)
        if current.referenced is not None:
            stack.append(current.referenced)
        stack.extend(n for _, n in current.views)
    return out


class _Support(TypedDict, total=False):
    basis: tuple[str, ...]
    deciding: tuple[str, ...]


def _support(how: Combine, result: Result, children: list[_Node]) -> _Support:
    """The facts a group's result rests on, or the open facts that would decide it."""
    if result is Result.OFFEN:
        return {"deciding": _unique(f for c in children if c.result is Result.OFFEN
                                    for f in c.deciding)}
    absorbing = Result.NICHT_ERFUELLT if how is Combine.ALL_OF else Result.ERFUELLT
    if result is absorbing:
        first = next(c for c in children if c.result is absorbing)
        return {"basis": first.basis}
    return {"basis": _unique(f for c in children for f in c.basis)}


def _refined_citation(norm: Norm, root: ElementResult) -> str:
    """The citation narrowed to the alternatives that are met ('… S. 1 Nr. 1 StGB')."""
    citation: NormCitation = norm.citation
    stack = [root]
    while stack:  # the norm's own elements only: Verweisungen cite their own norms
        result = stack.pop(0)
        if result.element.cite and result.result is Result.ERFUELLT and result.examined:
            with contextlib.suppress(ValueError):  # the same subdivision twice: keep the first
                citation = citation.refine(result.element.cite)
        stack.extend(result.children)
    return citation.canonical()


def check(case: Case, library: Library | None = None, *,
          views: Mapping[str, str] | None = None) -> CaseResult:
    """Check every norm the case examines, then apply the Konkurrenzen.

    `views` overrides the case's choice in a Meinungsstreit (dispute id -> view id).
    """
    library = library or default_library()
    evaluator = _Evaluator(library, case, views or {})
    examined: dict[str, NormResult] = {}
    for examination in case.examinations:
        examined[examination.norm] = evaluator.norm(library.norm(examination.norm), examination)
    results = []
    for norm_id, result in examined.items():
        displacements = list(result.displacements)  # the Anwendbarkeit, already decided
        for relation in result.norm.relations:
            if relation.stage is RelationStage.ANWENDBARKEIT:
                continue
            dominant = examined.get(relation.yields_to)
            if dominant is None and relation.requires_dominant:
                continue  # the dominant norm is not part of this Fallfrage
            parts = [result.result]
            if relation.requires_dominant and dominant is not None:
                parts.append(dominant.result)
            condition = None
            if relation.condition is not None:
                condition = evaluator.finish(evaluator.compute(relation.condition),
                                             relevant=True, examined=True)
                parts.append(condition.result)
            dominant_citation = (dominant.citation if dominant is not None
                                 else library.norm(relation.yields_to).citation.canonical())
            displacements.append(Displacement(relation, dominant, dominant_citation,
                                              conjunction(parts), condition,
                                              if_met=conjunction(parts[1:] or [Result.ERFUELLT])))
        if len(displacements) != len(result.displacements):
            from dataclasses import replace

            result = replace(result, displacements=tuple(displacements))
        results.append(result)
        examined[norm_id] = result
    return CaseResult(case, tuple(results), library)
