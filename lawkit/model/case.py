"""Cases (Sachverhalte): narrative, roles, what to examine, and the established facts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from lawkit.model.grammar import Role
from lawkit.model.logic import Answer, Result


def _frozen_map(value: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(value))


@dataclass(frozen=True, slots=True)
class FactSentence:
    """A Sachverhalt sentence that states one answer of a fact (`saetze:` in a case file), for
    the Fallvarianten of the trainer. `also` are further facts the same sentence settles
    (`zugleich:`), e.g. a press release makes the fact public and ends the interest in secrecy."""

    answer: Answer
    text: str
    also: tuple[tuple[str, Answer], ...] = ()


@dataclass(frozen=True, slots=True)
class Fact:
    """A Feststellung: the answer to one question, with the passage of the Sachverhalt behind it."""

    key: str
    answer: Answer
    note: str  # what the Sachverhalt says, in the words of the Subsumtion
    source: str | None = None  # where: "SV Abs. 2"
    assumed: bool = False  # unterstellt (not stated by the Sachverhalt)
    problem: bool = False  # the case marks this point as a problem: the Gutachten discusses it
    # in full even where the result is clear (Schwerpunkt)
    brief: str | None = None  # the fact as an apposition for the Feststellungsstil:
    # "als Angestellte der BaFin" → "R ist als Angestellte der BaFin Amtsträgerin …"
    departs: bool = False  # answered differently from the Sachverhalt (a what-if of the
    # workbench); the Gutachten says so instead of quoting a note
    sentences: tuple[FactSentence, ...] = ()  # optional: one Sachverhalt sentence per answer


@dataclass(frozen=True, slots=True)
class Examination:
    """One Prüfung the Fallfrage asks for: a norm, applied to whom, for which conduct."""

    norm: str
    roles: Mapping[str, Role] = field(default_factory=dict)  # subject, claimant, opponent, …
    conduct: str | None = None  # completes "indem …"

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", _frozen_map(self.roles))


@dataclass(frozen=True, slots=True)
class ElementExpectation:
    """What a test case expects of one element (None: not asserted)."""

    result: Result
    examined: bool | None = None
    dahinstehen: bool | None = None


@dataclass(frozen=True, slots=True)
class NormExpectation:
    """What a test case expects of one examined norm (None: not asserted)."""

    result: Result
    citation: str | None = None
    prosecutable: Result | None = None
    displaced: Result | None = None
    applies: Result | None = None
    deciding: tuple[str, ...] | None = None
    elements: Mapping[str, ElementExpectation] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "elements", _frozen_map(self.elements))


@dataclass(frozen=True, slots=True)
class Variant:
    """A what-if of a case: some facts answered differently, perhaps another view, own expectations."""

    id: str
    title: str
    facts: Mapping[str, Fact]  # the facts that change
    views: Mapping[str, str] = field(default_factory=dict)
    expected: Mapping[str, NormExpectation] = field(default_factory=dict)
    final: bool | None = None  # None: as the case says

    def __post_init__(self) -> None:
        object.__setattr__(self, "facts", _frozen_map(self.facts))
        object.__setattr__(self, "views", _frozen_map(self.views))
        object.__setattr__(self, "expected", _frozen_map(self.expected))


@dataclass(frozen=True, slots=True)
class Case:
    """A Sachverhalt with its Fallfrage and the facts established for it."""

    id: str
    title: str
    sachverhalt: str
    fallfrage: str
    examinations: tuple[Examination, ...]
    facts: Mapping[str, Fact]
    roles: Mapping[str, Role] = field(default_factory=dict)
    views: Mapping[str, str] = field(default_factory=dict)  # dispute id -> chosen view id
    expected: Mapping[str, NormExpectation] = field(default_factory=dict)  # norm id -> expectation
    variants: tuple[Variant, ...] = ()
    file: str | None = None
    # The Sachverhalt is final (abschließend): what it leaves open cannot be clarified. A
    # criminal-law Gutachten then decides open facts about the accused's guilt in dubio pro
    # reo; the check itself still reports them as offen.
    final: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "facts", _frozen_map(self.facts))
        object.__setattr__(self, "roles", _frozen_map(self.roles))
        object.__setattr__(self, "views", _frozen_map(self.views))
        object.__setattr__(self, "expected", _frozen_map(self.expected))

    def variant(self, variant_id: str) -> Case:
        """The case as the variant changes it (id 'case.variant'), with the variant's expectations."""
        for variant in self.variants:
            if variant.id == variant_id:
                return replace(
                    self,
                    id=f"{self.id}.{variant.id}",
                    title=f"{self.title} – {variant.title}",
                    facts={**self.facts, **variant.facts},
                    views={**self.views, **variant.views},
                    expected=variant.expected,
                    variants=(),
                    final=self.final if variant.final is None else variant.final,
                )
        from lawkit.errors import UnknownIdError
        from lawkit.model.suggest import aehnlich

        raise UnknownIdError(f"der Fall {self.id!r} hat keine Variante {variant_id!r}"
                             f"{aehnlich(variant_id, [v.id for v in self.variants])}; erwartet eine von: "
                             + (", ".join(v.id for v in self.variants) or "(keine Varianten)"))

    def with_answer(self, key: str, answer: Answer | str) -> Case:
        """A copy of the case with one fact's answer changed: a what-if that departs from the
        Sachverhalt (note and source kept for reference; the Gutachten says it is assumed)."""
        if key not in self.facts:
            from lawkit.errors import UnknownIdError
            from lawkit.model.suggest import aehnlich

            raise UnknownIdError(f"unbekannte Tatsache {key!r}{aehnlich(key, self.facts)}; erwartet den "
                                 "Schlüssel einer Tatsache des Falls")
        facts = dict(self.facts)
        old = facts[key]
        new = Answer(answer)
        facts[key] = old if old.answer is new else replace(old, answer=new, departs=True)
        return replace(self, facts=facts)

    def with_view(self, dispute: str, view: str) -> Case:
        views = dict(self.views)
        views[dispute] = view
        return replace(self, views=views)
