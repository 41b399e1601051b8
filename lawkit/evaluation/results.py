"""What a check produces: frozen result trees for elements, norms and a whole case."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from lawkit.evaluation.presentation import Presentation, present
from lawkit.model.case import Case, Examination, Fact
from lawkit.model.logic import Result, conjunction, disjunction, negation
from lawkit.model.norm import Dispute, Element, Norm, Relation, RelationStage, View

if TYPE_CHECKING:
    from lawkit.loading.library import Library


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
    either_way: for alternatives that exclude each other, the Verweisung on whose answer the
      result does not depend (both answers give it).
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
    either_way: str | None = None

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
    if_met: Result | None = None  # the status were the yielding norm met (None: as status)

    @property
    def status_if_met(self) -> Result:
        """Whether the norm would yield were its own requirements met: a norm that is open but
        would certainly yield never applies (Kleene logic alone would leave that open)."""
        return self.status if self.if_met is None else self.if_met


    @property
    def first(self) -> bool:
        """Examined before the Tatbestand, as a question of Anwendbarkeit."""
        return self.relation.stage is RelationStage.ANWENDBARKEIT


@dataclass(frozen=True, slots=True)
class NormResult:
    norm: Norm
    examination: Examination | None
    result: Result  # the norm's requirements: Anwendbarkeit and Tatbestand
    citation: str  # canonical, refined by the alternatives that are met
    root: ElementResult  # the Tatbestand (not examined where the norm is not applicable)
    procedural: tuple[ElementResult, ...] = ()
    displacements: tuple[Displacement, ...] = ()  # Anwendbarkeit first, then Konkurrenzen

    @property
    def gates(self) -> tuple[Displacement, ...]:
        """The relations examined as questions of Anwendbarkeit (before the Tatbestand)."""
        return tuple(d for d in self.displacements if d.first)

    @property
    def applicable(self) -> Result:
        """erfüllt unless a relation bars the norm before its Tatbestand (offen if that is open)."""
        return negation(disjunction(d.status for d in self.gates))

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
        displaced = disjunction(d.status_if_met for d in self.displacements)
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
        if self.applicable is Result.NICHT_ERFUELLT:
            return next(d.condition.basis for d in self.gates
                        if d.status is Result.ERFUELLT and d.condition is not None)
        if self.result is Result.ERFUELLT:
            gates = [f for d in self.gates if d.condition is not None for f in d.condition.basis]
            return tuple(dict.fromkeys((*gates, *self.root.basis)))
        return self.root.basis

    @property
    def deciding(self) -> tuple[str, ...]:
        if self.result is not Result.OFFEN:
            return ()
        gates = [f for d in self.gates if d.status is Result.OFFEN and d.condition is not None
                 for f in d.condition.deciding]
        root = self.root.deciding if self.root.result is Result.OFFEN else ()
        return tuple(dict.fromkeys((*gates, *root)))


@dataclass(frozen=True, slots=True)
class CaseResult:
    case: Case
    norms: tuple[NormResult, ...]
    # the library the case was checked against (for what-ifs of the report); not part of the value
    library: Library | None = field(default=None, compare=False, repr=False)

    def norm(self, norm_id: str) -> NormResult:
        for result in self.norms:
            if result.norm.id == norm_id:
                return result
        from lawkit.errors import UnknownIdError
        from lawkit.model.suggest import aehnlich

        raise UnknownIdError(
            f"die Norm {norm_id!r} wird in diesem Fall nicht geprüft"
            f"{aehnlich(norm_id, [r.norm.id for r in self.norms])}"
        )

    def gutachten(self, style: str = "gutachten", level: str = "ausführlich") -> Presentation:
        """The rendered report (a Report with markdown/html/text/json and _repr_html_); style
        'gutachten' or 'urteilsstil', level 'ausführlich' or 'klausurmäßig'."""
        return present(self, style, level)

    def _repr_html_(self) -> str:
        return self.gutachten()._repr_html_()
