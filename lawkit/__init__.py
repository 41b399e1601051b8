"""lawkit: check German norms element by element, write the Gutachten, grade solutions.

The public API is what this module exports (see __all__); everything in the subpackages
is internal and may change. `import lawkit` stays light: public names are imported on first
use (PEP 562), YAML is read only when a file is loaded, and pandas, matplotlib and ipywidgets
only by the features that need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawkit._lazy import lazy_exports
from lawkit.evaluation.presentation import present_with as _present_with

# The type checker's view of the public names (`name as name`: re-exported) ...
if TYPE_CHECKING:
    from lawkit._atomic import write_atomic as write_atomic
    from lawkit._notebook import format_notebook as format_notebook
    from lawkit._notebook import new_notebook as new_notebook
    from lawkit.citations.reference import StatuteRef as StatuteRef
    from lawkit.citations.reference import parse_statute as parse_statute
    from lawkit.coursework.loading import find_exercise as find_exercise
    from lawkit.coursework.loading import load_exercise as load_exercise
    from lawkit.coursework.model import Exercise as Exercise
    from lawkit.errors import AuthoringError as AuthoringError
    from lawkit.errors import LawkitError as LawkitError
    from lawkit.errors import UnknownIdError as UnknownIdError
    from lawkit.evaluation.evaluate import MissingFactError as MissingFactError
    from lawkit.evaluation.evaluate import check as check
    from lawkit.evaluation.results import CaseResult as CaseResult
    from lawkit.evaluation.results import Displacement as Displacement
    from lawkit.evaluation.results import DisputeResult as DisputeResult
    from lawkit.evaluation.results import ElementResult as ElementResult
    from lawkit.evaluation.results import NormResult as NormResult
    from lawkit.evaluation.results import ViewChoice as ViewChoice
    from lawkit.exercises.editor import gutachten_editor as gutachten_editor
    from lawkit.exercises.form import answer_form as answer_form
    from lawkit.export import Handout as Handout
    from lawkit.export import exercise_sheet as exercise_sheet
    from lawkit.export import feedback_handout as feedback_handout
    from lawkit.export import gutachten_handout as gutachten_handout
    from lawkit.export import handout_bytes as handout_bytes
    from lawkit.export import solution_sketch as solution_sketch
    from lawkit.export import write_handout as write_handout
    from lawkit.grading.answers import StudentAnswer as StudentAnswer
    from lawkit.grading.answers import load_answer as load_answer
    from lawkit.grading.batch import BatchReport as BatchReport
    from lawkit.grading.batch import grade_batch as grade_batch
    from lawkit.grading.gradebook import Gradebook as Gradebook
    from lawkit.grading.grader import grade as grade
    from lawkit.grading.model import Grade as Grade
    from lawkit.grading.scale import average as average
    from lawkit.grading.scale import points_label as points_label
    from lawkit.loading.library import Library as Library
    from lawkit.loading.library import Question as Question
    from lawkit.loading.library import default_library as default_library
    from lawkit.loading.library import load_case as load_case
    from lawkit.loading.library import load_library as load_library
    from lawkit.loading.library import load_norm as load_norm
    from lawkit.model.case import Case as Case
    from lawkit.model.case import Examination as Examination
    from lawkit.model.case import Fact as Fact
    from lawkit.model.logic import Answer as Answer
    from lawkit.model.logic import Combine as Combine
    from lawkit.model.logic import Result as Result
    from lawkit.model.logic import conjunction as conjunction
    from lawkit.model.logic import disjunction as disjunction
    from lawkit.model.norm import Consequence as Consequence
    from lawkit.model.norm import Dispute as Dispute
    from lawkit.model.norm import Element as Element
    from lawkit.model.norm import Norm as Norm
    from lawkit.model.norm import NormCitation as NormCitation
    from lawkit.model.norm import NormKind as NormKind
    from lawkit.model.norm import Relation as Relation
    from lawkit.model.norm import RelationKind as RelationKind
    from lawkit.model.norm import Source as Source
    from lawkit.model.norm import Texts as Texts
    from lawkit.model.norm import View as View
    from lawkit.rendering.diagram import schema_diagram as schema_diagram
    from lawkit.rendering.report import Report as Report
    from lawkit.rendering.report import render as render
    from lawkit.rendering.schema_view import schema_text as schema_text
    from lawkit.rendering.table import element_table as element_table
    from lawkit.widgets import SelfCheck as SelfCheck
    from lawkit.widgets import Workbench as Workbench
    from lawkit.widgets import classify_remarks as classify_remarks
    from lawkit.widgets import self_check as self_check
    from lawkit.widgets import workbench as workbench

__version__ = "0.1.0"

# ... and the one table they are served from at run time: public name -> defining module,
# imported on first use (tests/test_public_api.py checks that both say the same).
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
    "Exercise": "lawkit.coursework.model",
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
    "find_exercise": "lawkit.coursework.loading",
    "format_notebook": "lawkit._notebook",
    "grade": "lawkit.grading.grader",
    "grade_batch": "lawkit.grading.batch",
    "gutachten_editor": "lawkit.exercises.editor",
    "gutachten_handout": "lawkit.export",
    "handout_bytes": "lawkit.export",
    "load_answer": "lawkit.grading.answers",
    "load_case": "lawkit.loading.library",
    "load_exercise": "lawkit.coursework.loading",
    "load_library": "lawkit.loading.library",
    "load_norm": "lawkit.loading.library",
    "new_notebook": "lawkit._notebook",
    "parse_statute": "lawkit.citations.reference",
    "points_label": "lawkit.grading.scale",
    "render": "lawkit.rendering.report",
    "schema_diagram": "lawkit.rendering.diagram",
    "schema_text": "lawkit.rendering.schema_view",
    "self_check": "lawkit.widgets",
    "solution_sketch": "lawkit.export",
    "workbench": "lawkit.widgets",
    "write_handout": "lawkit.export",
    "write_atomic": "lawkit._atomic",
}

__all__ = sorted(_PUBLIC)

__getattr__, __dir__ = lazy_exports("lawkit", _PUBLIC, globals(), __all__)


def _render_case(result: CaseResult, style: str, level: str) -> Report:
    from lawkit.rendering.report import render

    return render(result, style, level)


# The composition root: CaseResult.gutachten() (evaluation) renders through rendering, which
# evaluation never imports.
_present_with(_render_case)
