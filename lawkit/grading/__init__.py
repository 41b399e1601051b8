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

# The type checker's view of the public names (`name as name`: re-exported) ...
if TYPE_CHECKING:
    from lawkit.grading.answers import StudentAnswer as StudentAnswer
    from lawkit.grading.answers import answer_from_mapping as answer_from_mapping
    from lawkit.grading.answers import load_answer as load_answer
    from lawkit.grading.batch import BatchReport as BatchReport
    from lawkit.grading.batch import grade_batch as grade_batch
    from lawkit.grading.gradebook import Entry as Entry
    from lawkit.grading.gradebook import Gradebook as Gradebook
    from lawkit.grading.gradebook import Regrade as Regrade
    from lawkit.grading.grader import grade as grade
    from lawkit.grading.model import Deduction as Deduction
    from lawkit.grading.model import Flag as Flag
    from lawkit.grading.model import Grade as Grade
    from lawkit.grading.model import Kind as Kind
    from lawkit.grading.model import Status as Status
    from lawkit.grading.reference import Reference as Reference
    from lawkit.grading.reference import build_reference as build_reference
    from lawkit.grading.scale import average as average
    from lawkit.grading.scale import average_label as average_label
    from lawkit.grading.scale import average_text as average_text
    from lawkit.grading.scale import points_label as points_label

# ... and the one table they are served from at run time: public name -> defining module,
# imported on first use (tests/test_public_api.py checks that both say the same).
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
    "average_text": "lawkit.grading.scale",
    "build_reference": "lawkit.grading.reference",
    "grade": "lawkit.grading.grader",
    "grade_batch": "lawkit.grading.batch",
    "load_answer": "lawkit.grading.answers",
    "points_label": "lawkit.grading.scale",
}

__all__ = sorted(_PUBLIC)

__getattr__, __dir__ = lazy_exports("lawkit.grading", _PUBLIC, globals(), __all__)
