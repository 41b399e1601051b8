"""Cases (Sachverhalte): narrative, roles, what to examine, and the established facts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from lawkit.model.logic import Answer


def _frozen_map(value: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(value))


@dataclass(frozen=True, slots=True)
class Fact:
    """A Feststellung: the answer to one question, with the passage of the Sachverhalt behind it."""

    key: str
    answer: Answer
    note: str  # what the Sachverhalt says, in the words of the Subsumtion
    source: str | None = None  # where: "SV Abs. 2"
    assumed: bool = False  # unterstellt (not stated by the Sachverhalt)


@dataclass(frozen=True, slots=True)
class Examination:
    """One Prüfung the Fallfrage asks for: a norm, applied to whom, for which conduct."""

    norm: str
    roles: Mapping[str, str] = field(default_factory=dict)  # subject, claimant, opponent, …
    conduct: str | None = None  # completes "indem …"

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", _frozen_map(self.roles))


@dataclass(frozen=True, slots=True)
class Case:
    """A Sachverhalt with its Fallfrage and the facts established for it."""

    id: str
    title: str
    sachverhalt: str
    fallfrage: str
    examinations: tuple[Examination, ...]
    facts: Mapping[str, Fact]
    roles: Mapping[str, str] = field(default_factory=dict)
    views: Mapping[str, str] = field(default_factory=dict)  # dispute id -> chosen view id
    file: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "facts", _frozen_map(self.facts))
        object.__setattr__(self, "roles", _frozen_map(self.roles))
        object.__setattr__(self, "views", _frozen_map(self.views))

    def with_answer(self, key: str, answer: Answer | str) -> Case:
        """A copy of the case with one fact's answer changed (note and source kept)."""
        if key not in self.facts:
            from lawkit.errors import UnknownIdError
            from lawkit.model.suggest import nearest

            raise UnknownIdError(f"unknown fact {key!r}{nearest(key, self.facts)}")
        facts = dict(self.facts)
        facts[key] = replace(facts[key], answer=Answer(answer))
        return replace(self, facts=facts)

    def with_view(self, dispute: str, view: str) -> Case:
        views = dict(self.views)
        views[dispute] = view
        return replace(self, views=views)
