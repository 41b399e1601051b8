"""Exercises of the course: master files, the generated notebooks, and the answer form.

`load_exercise`, `load_course` and `find_exercise` read `course/<id>.yaml`;
`python -m lawkit.exercises build` writes `exercises/` and `solutions/` from it;
`answer_form(id)` is the widget form of an exercise notebook and `gutachten_editor(id)` its
Gutachten editor with the Selbstkontrolle (ipywidgets is imported only then).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawkit._lazy import lazy_exports

if TYPE_CHECKING:
    from lawkit.exercises.editor import GutachtenEditor, SelfCheck, gutachten_editor, self_check
    from lawkit.exercises.form import AnswerForm, answer_form
    from lawkit.exercises.loading import COURSE_DIR, find_exercise, load_course, load_exercise
    from lawkit.exercises.model import Exercise, RequiredNorm, Rubric, Solution, Vertretbar

_PUBLIC = {
    "AnswerForm": "lawkit.exercises.form",
    "COURSE_DIR": "lawkit.exercises.loading",
    "Exercise": "lawkit.exercises.model",
    "GutachtenEditor": "lawkit.exercises.editor",
    "SelfCheck": "lawkit.exercises.editor",
    "RequiredNorm": "lawkit.exercises.model",
    "Rubric": "lawkit.exercises.model",
    "Solution": "lawkit.exercises.model",
    "Vertretbar": "lawkit.exercises.model",
    "answer_form": "lawkit.exercises.form",
    "find_exercise": "lawkit.exercises.loading",
    "gutachten_editor": "lawkit.exercises.editor",
    "load_course": "lawkit.exercises.loading",
    "load_exercise": "lawkit.exercises.loading",
    "self_check": "lawkit.exercises.editor",
}

__all__ = [
    "COURSE_DIR",
    "AnswerForm",
    "Exercise",
    "GutachtenEditor",
    "RequiredNorm",
    "Rubric",
    "SelfCheck",
    "Solution",
    "Vertretbar",
    "answer_form",
    "find_exercise",
    "gutachten_editor",
    "load_course",
    "load_exercise",
    "self_check",
]

__getattr__, __dir__ = lazy_exports("lawkit.exercises", _PUBLIC, globals(), __all__)
