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

# public name -> module that defines it
_PUBLIC = {
    "Answer": "lawkit.model.logic",
    "AuthoringError": "lawkit.errors",
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
    "Fact": "lawkit.model.case",
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
    "Source": "lawkit.model.norm",
    "StatuteRef": "lawkit.citations.reference",
    "Texts": "lawkit.model.norm",
    "UnknownIdError": "lawkit.errors",
    "View": "lawkit.model.norm",
    "ViewChoice": "lawkit.evaluation.results",
    "check": "lawkit.evaluation.evaluate",
    "conjunction": "lawkit.model.logic",
    "default_library": "lawkit.loading.library",
    "disjunction": "lawkit.model.logic",
    "load_case": "lawkit.loading.library",
    "load_library": "lawkit.loading.library",
    "load_norm": "lawkit.loading.library",
    "parse_statute": "lawkit.citations.reference",
    "render": "lawkit.rendering.report",
}

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


__getattr__, __dir__ = lazy_exports("lawkit", _PUBLIC, globals(), __all__)
