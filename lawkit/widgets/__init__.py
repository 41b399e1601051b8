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

# The type checker's view of the public names (`name as name`: re-exported) ...
if TYPE_CHECKING:
    from lawkit.widgets._classify import classify_remarks as classify_remarks
    from lawkit.widgets._gallery import Fallsammlung as Fallsammlung
    from lawkit.widgets._gallery import fallsammlung as fallsammlung
    from lawkit.widgets._selfcheck import CheckQuestion as CheckQuestion
    from lawkit.widgets._selfcheck import SelfCheck as SelfCheck
    from lawkit.widgets._selfcheck import load_self_check as load_self_check
    from lawkit.widgets._selfcheck import self_check as self_check
    from lawkit.widgets._trainer import Trainer as Trainer
    from lawkit.widgets._trainer import trainer as trainer
    from lawkit.widgets._workbench import Workbench as Workbench
    from lawkit.widgets._workbench import workbench as workbench

# ... and the one table they are served from at run time: public name -> defining module,
# imported on first use (tests/test_public_api.py checks that both say the same).
_PUBLIC = {
    "CheckQuestion": "lawkit.widgets._selfcheck",
    "Fallsammlung": "lawkit.widgets._gallery",
    "SelfCheck": "lawkit.widgets._selfcheck",
    "Trainer": "lawkit.widgets._trainer",
    "Workbench": "lawkit.widgets._workbench",
    "classify_remarks": "lawkit.widgets._classify",
    "fallsammlung": "lawkit.widgets._gallery",
    "load_self_check": "lawkit.widgets._selfcheck",
    "self_check": "lawkit.widgets._selfcheck",
    "trainer": "lawkit.widgets._trainer",
    "workbench": "lawkit.widgets._workbench",
}

__all__ = sorted(_PUBLIC)

__getattr__, __dir__ = lazy_exports("lawkit.widgets", _PUBLIC, globals(), __all__)
