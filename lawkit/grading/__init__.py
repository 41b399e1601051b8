"""Grading: fair grades for case solutions, after BVerwG 6 B 71.17 (fachliche vs.
prüfungsspezifische Wertungen), on the 0–18 scale of the JurPrNotSkV.

`load_answer(path)` reads a student's answer (data only, never code); `grade(exercise, answer)`
compares it with the reference the engine derives and explains every deduction;
`grade_batch(...)` grades a class; `Gradebook(path)` keeps every grade and every Überdenken.
Heavy libraries (pandas, matplotlib) are imported only by the batch outputs that need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawkit._lazy import lazy_exports

if TYPE_CHECKING:
    from lawkit.grading.answers import StudentAnswer, answer_from_mapping, load_answer
    from lawkit.grading.batch import BatchReport, grade_batch
    from lawkit.grading.gradebook import Entry, Gradebook, Regrade
    from lawkit.grading.grader import grade
    from lawkit.grading.model import Deduction, Flag, Grade, Kind, Status
    from lawkit.grading.reference import Reference, build_reference
    from lawkit.grading.scale import average, average_label, points_label

_PUBLIC = {
    "BatchReport": "lawkit.grading.batch",
    "Deduction": "lawkit.grading.model",
    "Entry": "lawkit.grading.gradebook",
    "Flag": "lawkit.grading.model",
    "Grade": "lawkit.grading.model",
    "Gradebook": "lawkit.grading.gradebook",
    "Kind": "lawkit.grading.model",
    "Reference": "lawkit.grading.reference",
    "Regrade": "lawkit.grading.gradebook",
    "Status": "lawkit.grading.model",
    "StudentAnswer": "lawkit.grading.answers",
    "answer_from_mapping": "lawkit.grading.answers",
    "average": "lawkit.grading.scale",
    "average_label": "lawkit.grading.scale",
    "build_reference": "lawkit.grading.reference",
    "grade": "lawkit.grading.grader",
    "grade_batch": "lawkit.grading.batch",
    "load_answer": "lawkit.grading.answers",
    "points_label": "lawkit.grading.scale",
}

__all__ = [
    "BatchReport",
    "Deduction",
    "Entry",
    "Flag",
    "Grade",
    "Gradebook",
    "Kind",
    "Reference",
    "Regrade",
    "Status",
    "StudentAnswer",
    "answer_from_mapping",
    "average",
    "average_label",
    "build_reference",
    "grade",
    "grade_batch",
    "load_answer",
    "points_label",
]

__getattr__, __dir__ = lazy_exports("lawkit.grading", _PUBLIC, globals(), __all__)
