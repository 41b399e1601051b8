"""Exercises of the course: master files, the generated notebooks, and the answer form.

`load_exercise`, `load_course` and `find_exercise` read `course/<id>.yaml`;
`python -m lawkit.exercises build` writes `exercises/` and `solutions/` from it;
`answer_form(id)` is the widget form of an exercise notebook and `gutachten_editor(id)` its
Gutachten editor with the Selbstkontrolle (ipywidgets is imported only then).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawkit._lazy import lazy_exports

# The type checker's view of the public names (`name as name`: re-exported) ...
if TYPE_CHECKING:
    from lawkit.coursework.loading import COURSE_DIR as COURSE_DIR
    from lawkit.coursework.loading import find_exercise as find_exercise
    from lawkit.coursework.loading import load_course as load_course
    from lawkit.coursework.loading import load_exercise as load_exercise
    from lawkit.coursework.model import Exercise as Exercise
    from lawkit.coursework.model import RequiredNorm as RequiredNorm
    from lawkit.coursework.model import Rubric as Rubric
    from lawkit.coursework.model import Solution as Solution
    from lawkit.coursework.model import Vertretbar as Vertretbar
    from lawkit.exercises.editor import GutachtenEditor as GutachtenEditor
    from lawkit.exercises.editor import SelfCheck as SelfCheck
    from lawkit.exercises.editor import gutachten_editor as gutachten_editor
    from lawkit.exercises.editor import self_check as self_check
    from lawkit.exercises.form import AnswerForm as AnswerForm
    from lawkit.exercises.form import answer_form as answer_form

# ... and the one table they are served from at run time: public name -> defining module,
# imported on first use (tests/test_public_api.py checks that both say the same).
_PUBLIC = {
    "AnswerForm": "lawkit.exercises.form",
    "COURSE_DIR": "lawkit.coursework.loading",
    "Exercise": "lawkit.coursework.model",
    "GutachtenEditor": "lawkit.exercises.editor",
    "RequiredNorm": "lawkit.coursework.model",
    "Rubric": "lawkit.coursework.model",
    "SelfCheck": "lawkit.exercises.editor",
    "Solution": "lawkit.coursework.model",
    "Vertretbar": "lawkit.coursework.model",
    "answer_form": "lawkit.exercises.form",
    "find_exercise": "lawkit.coursework.loading",
    "gutachten_editor": "lawkit.exercises.editor",
    "load_course": "lawkit.coursework.loading",
    "load_exercise": "lawkit.coursework.loading",
    "self_check": "lawkit.exercises.editor",
}

__all__ = sorted(_PUBLIC)

__getattr__, __dir__ = lazy_exports("lawkit.exercises", _PUBLIC, globals(), __all__)
