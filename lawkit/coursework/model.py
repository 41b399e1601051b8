"""Exercises: a Sachverhalt with Fallfrage and Bearbeitervermerk, and the reference solution.

The master file of an exercise is `course/<id>.yaml` (format: docs/grading-formats.md). These
values are what the generator, the answer form and the grader share; all of them are frozen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

from lawkit.model.norm import Source

if TYPE_CHECKING:
    from lawkit.loading.library import Library
    from lawkit.model.case import Case


class Finding(StrEnum):
    """What an answer states for a norm (the first three) or an element (all four)."""

    ERFUELLT = "erfüllt"
    NICHT_ERFUELLT = "nicht erfüllt"
    OFFEN = "offen"
    DAHINSTEHEN = "kann dahinstehen"


NORM_FINDINGS = (Finding.ERFUELLT, Finding.NICHT_ERFUELLT, Finding.OFFEN)

LEVELS = ("einführend", "mittel", "examensnah")
# The results an answer may state (the answer format's vocabulary, docs/grading-formats.md).
NORM_RESULTS = tuple(finding.value for finding in NORM_FINDINGS)
ELEMENT_RESULTS = tuple(finding.value for finding in Finding)


@dataclass(frozen=True, slots=True)
class RequiredNorm:
    """A norm the Bearbeitervermerk requires, with its weight in the rubric."""

    norm: str
    weight: float


@dataclass(frozen=True, slots=True)
class Vertretbar:
    """Results accepted beyond what the engine derives, with the reason and its Fundstellen."""

    ref: str  # "norm#element" or "norm"
    results: tuple[str, ...]
    because: str
    sources: tuple[Source, ...] = ()

    @property
    def norm(self) -> str:
        return self.ref.partition("#")[0]

    @property
    def element(self) -> str | None:
        return self.ref.partition("#")[2] or None


# The criteria of the Darstellung (BVerwG 6 B 71.17 Rn. 10) and their default weights: how the
# weight `darstellung` of a rubric is split (docs/grading.md, "Darstellung").
STIL_CRITERIA = ("gutachtenstil", "definition", "subsumtion", "meinungsstreit", "schwerpunkt",
                 "sachverhalt")
DEFAULT_STIL: tuple[tuple[str, float], ...] = (
    ("gutachtenstil", 2.0),   # Obersatz (or Urteilsstil where the point is no problem), no telegram
    ("definition", 2.0),      # the definitions of the elements the library defines
    ("subsumtion", 2.0),      # the facts of the Sachverhalt applied to each point
    ("meinungsstreit", 1.0),  # views named; a Stellungnahme with a reason where they differ
    ("schwerpunkt", 1.0),     # the problems of the case not shorter than the unproblematic points
    ("sachverhalt", 1.0),     # no facts the Sachverhalt does not give
)


@dataclass(frozen=True, slots=True)
class Rubric:
    """The teacher's weighting (prüfungsspezifische Wertung): the same for every submission.

    norm_result, elements and begruendung are shares of each required norm's weight (they add
    up to 1); konkurrenzen, gesamtergebnis and darstellung are weights of their own. `stil`
    splits the weight of the Darstellung over its criteria (STIL_CRITERIA). A darstellung of 0
    (the default) leaves the Darstellung ungraded, as before prose answers: raising it changes
    the standard of an exercise, which the teacher decides (Rn. 8).
    """

    norm_result: float = 0.4
    elements: float = 0.4
    begruendung: float = 0.2
    konkurrenzen: float = 2.0
    gesamtergebnis: float = 2.0
    darstellung: float = 0.0
    stil: tuple[tuple[str, float], ...] = DEFAULT_STIL

    def stil_weight(self, criterion: str) -> float:
        return dict(self.stil).get(criterion, 0.0)


@dataclass(frozen=True, slots=True)
class Solution:
    """The reference solution: never shown to students."""

    required: tuple[RequiredNorm, ...]
    optional: tuple[str, ...] = ()
    vertretbar: Mapping[str, Vertretbar] = field(default_factory=dict)
    rubric: Rubric = Rubric()
    skizze: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "vertretbar", MappingProxyType(dict(self.vertretbar)))

    @property
    def required_ids(self) -> tuple[str, ...]:
        return tuple(r.norm for r in self.required)

    @property
    def total_weight(self) -> float:
        """All points the rubric gives: the required norms, Konkurrenzen and Gesamtergebnis."""
        return (sum(r.weight for r in self.required) + self.rubric.konkurrenzen
                + self.rubric.gesamtergebnis + self.rubric.darstellung)


@dataclass(frozen=True, slots=True)
class Exercise:
    """One exercise of the course: what students see, and the solution the grader uses."""

    id: str
    title: str
    level: str  # einführend | mittel | examensnah
    case_id: str  # a shipped case or "case.variant"
    sachverhalt: str
    fallfrage: str
    bearbeitervermerk: str
    sources: tuple[Source, ...]
    solution: Solution
    file: str | None = None

    def case(self, library: Library | None = None) -> Case:
        """The shipped case (or variant) the exercise rests on: its check is the reference."""
        from lawkit.loading.library import default_library

        return (library or default_library()).case(self.case_id)
