"""Interactive widgets of the workbook (ipywidgets; imported only by this package).

    from lawkit.widgets import workbench, self_check, classify_remarks
    wb = workbench("bafin_angestellte")     # facts, Prüfungsschema, Gutachten, Meinungsstreit …
    wb                                       # shows it
    self_check("grundlagen")                 # the questions at the end of a notebook
    trainer()                                # the self-study trainer (progress in answers/)
    fallsammlung()                           # every case (library and course folder), by norm

Plain ipywidgets only (no front-end code of its own), so everything renders in JupyterLab and
Voilà as is. Stable hooks for browser tests: CSS classes `lawkit-fact-<key>`,
`lawkit-view-<dispute>`, `lawkit-style`, `lawkit-gallery-search`,
`lawkit-gallery-cases`, and the ids `lawkit-schema`, `lawkit-gutachten`,
`lawkit-summary`, `lawkit-disputes` in the HTML views.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawkit._lazy import lazy_exports
from lawkit.widgets._classify import classify_remarks
from lawkit.widgets._gallery import Fallsammlung, fallsammlung
from lawkit.widgets._selfcheck import CheckQuestion, SelfCheck, load_self_check, self_check
from lawkit.widgets._workbench import Workbench, workbench

if TYPE_CHECKING:
    from lawkit.widgets._trainer import Trainer, trainer

# Imported on first use: the trainer brings anywidget (for its keys) and the card library.
_LAZY = {"Trainer": "lawkit.widgets._trainer", "trainer": "lawkit.widgets._trainer"}

__all__ = [
    "CheckQuestion",
    "Fallsammlung",
    "SelfCheck",
    "Trainer",
    "Workbench",
    "classify_remarks",
    "fallsammlung",
    "load_self_check",
    "self_check",
    "trainer",
    "workbench",
]

__getattr__, __dir__ = lazy_exports("lawkit.widgets", _LAZY, globals(), __all__)
