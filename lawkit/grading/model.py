"""What grading produces: frozen values for deductions, flags, parts and the whole Grade.

Units: the rubric's weights are *Bewertungseinheiten* (BE). Each part of the answer (a required
norm, the Konkurrenzen, the Gesamtergebnis) can earn its weight; every lost unit is explained by
one Deduction. Points 0–18 follow from the share of units earned (see grading.scale).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from typing import Any

from lawkit.grading.scale import format_units


class Kind(StrEnum):
    """The two kinds of Wertungen of BVerwG 6 B 71.17 (Rn. 9 and Rn. 10 f.)."""

    FACHLICH = "fachlich"
    PRUEFUNGSSPEZIFISCH = "prüfungsspezifisch"


class Status(StrEnum):
    """How an answer treats a norm the exercise names (from its results and the citation scan)."""

    ZUTREFFEND = "geprüft und zutreffend"
    NICHT_VERTRETBAR = "geprüft, Ergebnis nicht vertretbar"
    ANGESPROCHEN = "in der Begründung angesprochen, aber nicht geprüft"
    NICHT_EROERTERT = "nicht erörtert"
    NICHT_SICHER = "geprüft, Ergebnis nicht sicher erkannt"  # a Gutachten: never deducted
    OHNE_ERGEBNIS = "geprüft, ohne erkennbares Ergebnis"  # a Gutachten: the result is missing


@dataclass(frozen=True, slots=True)
class Deduction:
    """One lost share of the units, explained: what was expected, what was given, and why."""

    kind: Kind
    part: str  # a norm id, "konkurrenzen" or "gesamtergebnis"
    code: str  # stable key, e.g. "element:stgb_203_2_1#geheimnis" (compared by Überdenken)
    subject: str
    expected: str
    given: str
    why: str
    units: Fraction  # 0 where an earlier deduction already took this share
    quote: str | None = None  # the student's sentence the deduction refers to (a Gutachten)
    where: str | None = None  # where it stands: "B. I. 2." or "Abs. 3"

    def text(self) -> str:
        """The deduction as one German sentence group (plain text)."""
        cost = (f"Abzug: {format_units(self.units)} BE." if self.units
                else "Kein weiterer Abzug (dieser Anteil ist bereits abgezogen).")
        yours = f"Ihre Bearbeitung ({self.where}: „{self.quote}“)" if self.quote else "Ihre Bearbeitung"
        return (f"{self.subject}: Erwartet: {_end(self.expected)} {yours}: {_end(self.given)} "
                f"{self.why} {cost}")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, str | None] = {"kind": self.kind.value, "part": self.part, "code": self.code,
               "subject": self.subject, "expected": self.expected, "given": self.given,
               "why": self.why, "units": str(self.units), "text": self.text()}
        if self.quote:
            out |= {"quote": self.quote, "where": self.where}
        return out


@dataclass(frozen=True, slots=True)
class Flag:
    """An internal contradiction of the answer (Folgerichtigkeit, BVerwG 6 B 71.17 Rn. 10)."""

    part: str
    code: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"part": self.part, "code": self.code, "text": self.text}


@dataclass(frozen=True, slots=True)
class Criterion:
    """One criterion of the Darstellung (rubric `stil`) as graded: the items it looked at."""

    criterion: str
    label: str
    weight: Fraction  # units of the Darstellung this criterion can earn
    units: Fraction
    items: int  # Prüfungspunkte (or passages) judged
    met: int  # of which met the criterion


@dataclass(frozen=True, slots=True)
class ElementGrade:
    element: str
    label: str
    given: str | None  # None: not treated
    accepted: tuple[str, ...]  # empty: not graded on this solution path
    correct: bool | None  # None: not graded
    required: bool
    implied: bool = False  # `given` is not stated but follows from the stated sub-elements
    contradicted: bool = False  # wrong as stated, right by its own sub-results: a contradiction


@dataclass(frozen=True, slots=True)
class PartGrade:
    """A graded part: a norm (required or optional), the Konkurrenzen or the Gesamtergebnis."""

    part: str
    title: str
    weight: Fraction  # units this part can earn (0 for optional norms)
    units: Fraction
    required: bool = True
    status: Status | None = None
    given: str | None = None
    accepted: tuple[str, ...] = ()
    elements: tuple[ElementGrade, ...] = ()
    path: str | None = None  # the solution path (view) the elements are measured by
    criteria: tuple[Criterion, ...] = ()  # the Darstellung: its criteria


@dataclass(frozen=True, slots=True)
class Grade:
    """The grade of one answer: points 0–18 with the official name, and every reason."""

    exercise: str
    exercise_title: str
    student: str
    name: str | None
    points: int
    label: str
    units: Fraction
    max_units: Fraction
    parts: tuple[PartGrade, ...]
    deductions: tuple[Deduction, ...]
    flags: tuple[Flag, ...]
    notes: tuple[str, ...]
    fingerprint: str  # of the graded answer (gradebook: the same answer is recorded once)
    file: str | None = field(default=None, compare=False)
    path: str | None = None  # the solution path the answer is measured on, where views differ
    reading: Any = field(default=None, compare=False)  # a Gutachten: its lawkit.reading.Reading
    form: str = "formular"  # "formular" (structured answer) or "gutachten" (prose)

    @property
    def share(self) -> Fraction:
        return self.units / self.max_units if self.max_units else Fraction(0)

    @property
    def fachlich(self) -> tuple[Deduction, ...]:
        return tuple(d for d in self.deductions if d.kind is Kind.FACHLICH)

    @property
    def pruefungsspezifisch(self) -> tuple[Deduction, ...]:
        return tuple(d for d in self.deductions if d.kind is Kind.PRUEFUNGSSPEZIFISCH)

    def part(self, part_id: str) -> PartGrade | None:
        return next((p for p in self.parts if p.part == part_id), None)

    def summary(self) -> str:
        """One line for an LMS feedback column (plain text)."""
        from lawkit.grading.feedback import summary_text

        return summary_text(self)

    def feedback_markdown(self) -> str:
        from lawkit.grading.feedback import feedback_markdown

        return feedback_markdown(self)

    def feedback_html(self, element_id: str = "lawkit-feedback") -> str:
        """A self-contained HTML fragment (no scripts, no external resources)."""
        from lawkit.grading.feedback import feedback_html

        return feedback_html(self, element_id)

    def _repr_html_(self) -> str:
        return self.feedback_html()

    def to_dict(self) -> dict[str, Any]:
        return {
            "exercise": self.exercise,
            "student": self.student,
            "name": self.name,
            "points": self.points,
            "label": self.label,
            "units": str(self.units),
            "max_units": str(self.max_units),
            "deductions": [d.to_dict() for d in self.deductions],
            "flags": [f.to_dict() for f in self.flags],
            "notes": list(self.notes),
            "fingerprint": self.fingerprint,
            **({"form": self.form} if self.form != "formular" else {}),
        }


def _end(text: str) -> str:
    """A phrase as the end of a sentence: one full stop (or the quote's own)."""
    return text if text.endswith((".", "“.", "?", "!")) else text + "."

