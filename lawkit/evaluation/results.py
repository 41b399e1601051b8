"""What a check produces: frozen result trees for elements, norms and a whole case."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from lawkit.model.case import Case, Examination, Fact
from lawkit.model.logic import Result, conjunction, disjunction
from lawkit.model.norm import Dispute, Element, Norm, Relation, View


class ViewChoice(StrEnum):
    """Why a view was followed."""

    DOMINANT = "herrschende Meinung"
    CASE = "Vorgabe des Falls"
    CALL = "Auswahl"


@dataclass(frozen=True, slots=True)
class ViewOutcome:
    view: View
    result: ElementResult


@dataclass(frozen=True, slots=True)
class DisputeResult:
    """A Meinungsstreit evaluated under every view."""

    dispute: Dispute
    chosen: View
    chosen_by: ViewChoice
    outcomes: tuple[ViewOutcome, ...]

    @property
    def matters(self) -> bool:
        """True where the views lead to different results (the Streit must be decided)."""
        return len({o.result.result for o in self.outcomes}) > 1


@dataclass(frozen=True, slots=True)
class ElementResult:
    """The result of one element in its context.

    examined: the Gutachten reaches it (it stops after a failed requirement, and after the
      first fulfilled alternative).
    dahinstehen: it is open, but its value cannot change the result of the norm.
    because: for dahinstehen, the sibling that decides instead.
    basis: facts a determined result rests on; deciding: open facts that would decide it.
    """

    element: Element
    result: Result
    examined: bool
    dahinstehen: bool
    children: tuple[ElementResult, ...] = ()
    fact: Fact | None = None
    dispute: DisputeResult | None = None
    referenced: ElementResult | None = None
    referenced_norm: Norm | None = None
    because: ElementResult | None = None
    basis: tuple[str, ...] = ()
    deciding: tuple[str, ...] = ()

    def walk(self) -> tuple[ElementResult, ...]:
        """This result and every result below it, in Gutachten order (chosen view only)."""
        out: list[ElementResult] = [self]
        for child in self.children:
            out.extend(child.walk())
        if self.referenced is not None:
            out.extend(self.referenced.walk()[1:])
        if self.dispute is not None:
            for outcome in self.dispute.outcomes:
                if outcome.view is self.dispute.chosen:
                    out.extend(outcome.result.walk()[1:])
        return tuple(out)

    def find(self, element_id: str) -> ElementResult | None:
        for result in self.walk():
            if result.element.id == element_id:
                return result
        return None


@dataclass(frozen=True, slots=True)
class Displacement:
    """A Konkurrenz applied to an examined norm: whether it yields, and to what."""

    relation: Relation
    dominant: NormResult | None  # None where the dominant norm is not examined in the case
    dominant_citation: str
    status: Result  # erfüllt: the norm yields; offen: it depends on open facts
    condition: ElementResult | None = None


@dataclass(frozen=True, slots=True)
class NormResult:
    norm: Norm
    examination: Examination | None
    result: Result  # of the Tatbestand (all requirements of the norm)
    citation: str  # canonical, refined by the alternatives that are met
    root: ElementResult
    procedural: tuple[ElementResult, ...] = ()
    displacements: tuple[Displacement, ...] = ()

    @property
    def prosecutable(self) -> Result | None:
        """Verfolgbarkeit (Strafantrag, Ermächtigung …); None where the norm has none or fails."""
        if not self.procedural or self.result is Result.NICHT_ERFUELLT:
            return None
        return conjunction(r.result for r in self.procedural)

    @property
    def displaced(self) -> Result:
        """erfüllt if the norm yields to another under a Konkurrenz, offen if that is open."""
        return disjunction(d.status for d in self.displacements)

    @property
    def applies(self) -> Result:
        """The norm's consequence follows: Tatbestand met, not displaced, and prosecutable."""
        displaced = self.displaced
        not_displaced = {
            Result.ERFUELLT: Result.NICHT_ERFUELLT,
            Result.NICHT_ERFUELLT: Result.ERFUELLT,
            Result.OFFEN: Result.OFFEN,
        }[displaced]
        parts = [self.result, not_displaced]
        if self.prosecutable is not None:
            parts.append(self.prosecutable)
        return conjunction(parts)

    @property
    def basis(self) -> tuple[str, ...]:
        return self.root.basis

    @property
    def deciding(self) -> tuple[str, ...]:
        return self.root.deciding


@dataclass(frozen=True, slots=True)
class CaseResult:
    case: Case
    norms: tuple[NormResult, ...]

    def norm(self, norm_id: str) -> NormResult:
        for result in self.norms:
            if result.norm.id == norm_id:
                return result
        from lawkit.errors import UnknownIdError
        from lawkit.model.suggest import nearest

        raise UnknownIdError(
            f"norm {norm_id!r} was not examined in this case"
            f"{nearest(norm_id, [r.norm.id for r in self.norms])}"
        )

    def gutachten(self, style: str = "gutachten") -> object:
        """The rendered report (a Report with markdown/html/text/json and _repr_html_)."""
        from lawkit.rendering.report import render

        return render(self, style)

    def _repr_html_(self) -> str:
        return self.gutachten()._repr_html_()  # type: ignore[attr-defined]
