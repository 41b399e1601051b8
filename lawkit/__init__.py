"""lawkit: check German norms element by element, write the Gutachten, grade solutions.

The public API is what this module exports (see __all__); everything in the subpackages
is internal and may change. `import lawkit` stays light: public names are imported on first
use (PEP 562), YAML is read only when a file is loaded, and pandas, matplotlib and ipywidgets
only by the features that need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawkit._lazy import lazy_exports

if TYPE_CHECKING:
    from lawkit.citations.reference import StatuteRef, parse_statute
    from lawkit.errors import AuthoringError, LawkitError, UnknownIdError
    from lawkit.evaluation.evaluate import MissingFactError, check
    from lawkit.evaluation.results import (
        CaseResult,
        Displacement,
        DisputeResult,
        ElementResult,
        NormResult,
        ViewChoice,
    )
    from lawkit.exercises.editor import gutachten_editor
    from lawkit.exercises.form import answer_form
    from lawkit.exercises.loading import find_exercise, load_exercise
    from lawkit.exercises.model import Exercise
    from lawkit.export import (
        Handout,
        exercise_sheet,
        feedback_handout,
        gutachten_handout,
        handout_bytes,
        solution_sketch,
        write_handout,
    )
    from lawkit.grading.answers import StudentAnswer, load_answer
    from lawkit.grading.batch import BatchReport, grade_batch
    from lawkit.grading.gradebook import Gradebook
    from lawkit.grading.grader import grade
    from lawkit.grading.model import Grade
    from lawkit.grading.scale import average, points_label
    from lawkit.loading.library import (
        Library,
        Question,
        default_library,
        load_case,
        load_library,
        load_norm,
    )
    from lawkit.model.case import Case, Examination, Fact
    from lawkit.model.logic import Answer, Combine, Result, conjunction, disjunction
    from lawkit.model.norm import (
        Consequence,
        Dispute,
        Element,
        Norm,
        NormCitation,
        NormKind,
        Relation,
        RelationKind,
        Source,
        Texts,
        View,
    )
    from lawkit.rendering.diagram import schema_diagram
    from lawkit.rendering.report import Report, render
    from lawkit.rendering.schema_view import schema_text
    from lawkit.rendering.table import element_table
    from lawkit.widgets import SelfCheck, Workbench, classify_remarks, self_check, workbench

__version__ = "0.1.0"

# public name -> module that defines it
_PUBLIC = {
    "Answer": "lawkit.model.logic",
    "AuthoringError": "lawkit.errors",
    "BatchReport": "lawkit.grading.batch",
    "Case": "lawkit.model.case",
    "CaseResult": "lawkit.evaluation.results",
    "Combine": "lawkit.model.logic",
    "Consequence": "lawkit.model.norm",
    "Displacement": "lawkit.evaluation.results",
    "Dispute": "lawkit.model.norm",
    "DisputeResult": "lawkit.evaluation.results",
    "Element": "lawkit.model.norm",
    "ElementResult": "lawkit.evaluation.results",
    "Examination": "lawkit.model.case",
    "Exercise": "lawkit.exercises.model",
    "Fact": "lawkit.model.case",
    "Grade": "lawkit.grading.model",
    "Handout": "lawkit.export",
    "Gradebook": "lawkit.grading.gradebook",
    "LawkitError": "lawkit.errors",
    "Library": "lawkit.loading.library",
    "MissingFactError": "lawkit.evaluation.evaluate",
    "Norm": "lawkit.model.norm",
    "NormCitation": "lawkit.model.norm",
    "NormKind": "lawkit.model.norm",
    "NormResult": "lawkit.evaluation.results",
    "Question": "lawkit.loading.library",
    "Relation": "lawkit.model.norm",
    "RelationKind": "lawkit.model.norm",
    "Report": "lawkit.rendering.report",
    "Result": "lawkit.model.logic",
    "SelfCheck": "lawkit.widgets",
    "Source": "lawkit.model.norm",
    "StatuteRef": "lawkit.citations.reference",
    "StudentAnswer": "lawkit.grading.answers",
    "Texts": "lawkit.model.norm",
    "UnknownIdError": "lawkit.errors",
    "View": "lawkit.model.norm",
    "ViewChoice": "lawkit.evaluation.results",
    "Workbench": "lawkit.widgets",
    "answer_form": "lawkit.exercises.form",
    "average": "lawkit.grading.scale",
    "check": "lawkit.evaluation.evaluate",
    "classify_remarks": "lawkit.widgets",
    "conjunction": "lawkit.model.logic",
    "default_library": "lawkit.loading.library",
    "disjunction": "lawkit.model.logic",
    "element_table": "lawkit.rendering.table",
    "exercise_sheet": "lawkit.export",
    "feedback_handout": "lawkit.export",
    "find_exercise": "lawkit.exercises.loading",
    "grade": "lawkit.grading.grader",
    "grade_batch": "lawkit.grading.batch",
    "gutachten_editor": "lawkit.exercises.editor",
    "gutachten_handout": "lawkit.export",
    "handout_bytes": "lawkit.export",
    "load_answer": "lawkit.grading.answers",
    "load_case": "lawkit.loading.library",
    "load_exercise": "lawkit.exercises.loading",
    "load_library": "lawkit.loading.library",
    "load_norm": "lawkit.loading.library",
    "parse_statute": "lawkit.citations.reference",
    "points_label": "lawkit.grading.scale",
    "render": "lawkit.rendering.report",
    "schema_diagram": "lawkit.rendering.diagram",
    "schema_text": "lawkit.rendering.schema_view",
    "self_check": "lawkit.widgets",
    "solution_sketch": "lawkit.export",
    "workbench": "lawkit.widgets",
    "write_handout": "lawkit.export",
}

__all__ = [
    "Answer",
    "AuthoringError",
    "BatchReport",
    "Case",
    "CaseResult",
    "Combine",
    "Consequence",
    "Displacement",
    "Dispute",
    "DisputeResult",
    "Element",
    "ElementResult",
    "Examination",
    "Exercise",
    "Fact",
    "Grade",
    "Gradebook",
    "Handout",
    "LawkitError",
    "Library",
    "MissingFactError",
    "Norm",
    "NormCitation",
    "NormKind",
    "NormResult",
    "Question",
    "Relation",
    "RelationKind",
    "Report",
    "Result",
    "SelfCheck",
    "Source",
    "StatuteRef",
    "StudentAnswer",
    "Texts",
    "UnknownIdError",
    "View",
    "ViewChoice",
    "Workbench",
    "answer_form",
    "average",
    "check",
    "classify_remarks",
    "conjunction",
    "default_library",
    "disjunction",
    "element_table",
    "exercise_sheet",
    "feedback_handout",
    "find_exercise",
    "grade",
    "grade_batch",
    "gutachten_editor",
    "gutachten_handout",
    "handout_bytes",
    "load_answer",
    "load_case",
    "load_exercise",
    "load_library",
    "load_norm",
    "parse_statute",
    "points_label",
    "render",
    "schema_diagram",
    "schema_text",
    "self_check",
    "solution_sketch",
    "workbench",
    "write_handout",
]


__getattr__, __dir__ = lazy_exports("lawkit", _PUBLIC, globals(), __all__)
