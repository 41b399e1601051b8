"""lawkit: check German norms element by element, write the Gutachten, grade solutions.

The public API is what this module exports (see __all__); everything in the subpackages
is internal and may change. `import lawkit` stays light: YAML is read only when a file is
loaded, and pandas, matplotlib and ipywidgets only by the features that need them.
"""

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
from lawkit.rendering.report import Report, render

__version__ = "0.1.0"

__all__ = [
    "Answer",
    "AuthoringError",
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
    "Fact",
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
    "Source",
    "StatuteRef",
    "Texts",
    "UnknownIdError",
    "View",
    "ViewChoice",
    "check",
    "conjunction",
    "default_library",
    "disjunction",
    "load_case",
    "load_library",
    "load_norm",
    "parse_statute",
    "render",
]
