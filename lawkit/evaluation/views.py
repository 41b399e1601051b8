"""A checked case under each view of its Meinungsstreite: which results depend on the choice.

Checking again under another view is evaluation; the overview's text and HTML are rendering
(lawkit.rendering.schema_view.disputes_text / disputes_html) and take what this module finds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lawkit.evaluation.evaluate import check
from lawkit.evaluation.results import CaseResult, DisputeResult, ElementResult, NormResult, ViewChoice
from lawkit.model.logic import Result
from lawkit.model.norm import Dispute

if TYPE_CHECKING:
    from lawkit.loading.library import Library


def element_results(result: NormResult) -> list[ElementResult]:
    """Every element result of a norm: all views of a Meinungsstreit, Verweisungen, the
    Verfolgbarkeit and the conditions of its Konkurrenzen."""
    return below([result.root, *result.procedural,
                  *(d.condition for d in result.displacements if d.condition is not None)],
                 every_view=True)


def below(results: Iterable[ElementResult], *, every_view: bool) -> list[ElementResult]:
    """The results and all below them, in Gutachten order: children, Verweisungen, and of a
    Meinungsstreit the result under every view (every_view) or under the followed one."""
    out: list[ElementResult] = []
    stack = list(results)
    while stack:
        er = stack.pop(0)
        out.append(er)
        extra: list[ElementResult] = list(er.children)
        if er.referenced is not None:
            extra.append(er.referenced)
        if er.dispute is not None:
            extra.extend(o.result for o in er.dispute.outcomes
                         if every_view or o.view is er.dispute.chosen)
        stack[:0] = extra
    return out


@dataclass(frozen=True, slots=True)
class ViewEffect:
    """The examined norms' results under one view of a Meinungsstreit."""

    view_id: str
    label: str
    dominant: bool
    chosen: bool
    results: tuple[tuple[str, str, Result], ...]  # (norm id, citation, result)


@dataclass(frozen=True, slots=True)
class DisputeOverview:
    dispute: Dispute
    element_label: str
    norms: tuple[str, ...]  # citations of the examined norms in which it arises
    chosen_by: ViewChoice
    effects: tuple[ViewEffect, ...]

    @property
    def changes(self) -> tuple[str, ...]:
        """Ids of the norms whose result depends on the view."""
        first = self.effects[0].results
        return tuple(
            norm_id for i, (norm_id, _, _) in enumerate(first)
            if len({effect.results[i][2] for effect in self.effects}) > 1
        )


def disputes_in(result: CaseResult) -> dict[str, tuple[DisputeResult, ElementResult, list[str]]]:
    """Every Meinungsstreit reachable in the checked case (by dispute id, in order of first
    appearance): its result, the element it belongs to, and the citations of the norms."""
    found: dict[str, tuple[DisputeResult, ElementResult, list[str]]] = {}
    for norm in result.norms:
        for er in element_results(norm):
            if er.dispute is None:
                continue
            entry = found.setdefault(er.dispute.dispute.id, (er.dispute, er, []))
            if norm.citation not in entry[2]:
                entry[2].append(norm.citation)
    return found


def dispute_overview(result: CaseResult, library: Library | None = None) -> tuple[DisputeOverview, ...]:
    """For every Meinungsstreit: the case checked again under each view (all other choices
    kept), so that the overview can say whether and where the choice changes a result."""
    disputes = disputes_in(result)
    current = {dispute_id: entry[0].chosen.id for dispute_id, entry in disputes.items()}
    out = []
    for dispute_id, (dispute_result, element, citations) in disputes.items():
        effects = []
        for view in dispute_result.dispute.views:
            if view is dispute_result.chosen:
                checked = result
            else:
                checked = check(result.case, library, views={**current, dispute_id: view.id})
            effects.append(ViewEffect(
                view.id, view.label, view.dominant, view is dispute_result.chosen,
                tuple((n.norm.id, n.citation, n.result) for n in checked.norms),
            ))
        out.append(DisputeOverview(dispute_result.dispute, element.element.label,
                                   tuple(citations), dispute_result.chosen_by,
                                   tuple(effects)))
    return tuple(out)


def chosen_views(result: CaseResult) -> dict[str, str]:
    """dispute id -> the id of the view the checked case follows, for every Meinungsstreit."""
    views: dict[str, str] = {}
    for norm in result.norms:
        for er in norm.root.walk():
            if er.dispute is not None:
                views.setdefault(er.dispute.dispute.id, er.dispute.chosen.id)
    return views


def result_if(result: CaseResult, norm_id: str, fact: str, answer: str) -> Result:
    """A norm's result had the Sachverhalt answered `fact` with `answer` (every Meinungsstreit
    decided as in `result`): what the Gutachten's "andernfalls" rests on."""
    checked = check(result.case.with_answer(fact, answer), result.library, views=chosen_views(result))
    return checked.norm(norm_id).result
