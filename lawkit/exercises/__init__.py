"""Exercises of the course: master files, the generated notebooks, and the answer form.

`load_exercise`, `load_course` and `find_exercise` read `course/<id>.yaml`;
`python -m lawkit.exercises build` writes `exercises/` and `solutions/` from it;
`answer_form(id)` is the widget form of an exercise notebook (ipywidgets is imported only then).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawkit._lazy import lazy_exports

if TYPE_CHECKING:
    from lawkit.exercises.form import AnswerForm, answer_form
    from lawkit.exercises.loading import COURSE_DIR, find_exercise, load_course, load_exercise
    from lawkit.exercises.model import Exercise, RequiredNorm, Rubric, Solution, Vertretbar

_PUBLIC = {
    "AnswerForm": "lawkit.exercises.form",
    "COURSE_DIR": "lawkit.exercises.loading",
    "Exercise": "lawkit.exercises.model",
    "RequiredNorm": "lawkit.exercises.model",
    "Rubric": "lawkit.exercises.model",
    "Solution": "lawkit.exercises.model",
    "Vertretbar": "lawkit.exercises.model",
    "answer_form": "lawkit.exercises.form",
    "find_exercise": "lawkit.exercises.loading",
    "load_course": "lawkit.exercises.loading",
    "load_exercise": "lawkit.exercises.loading",
}

__all__ = [
    "COURSE_DIR",
    "AnswerForm",
    "Exercise",
    "RequiredNorm",
    "Rubric",
    "Solution",
    "Vertretbar",
    "answer_form",
    "find_exercise",
    "load_course",
    "load_exercise",
]

__getattr__, __dir__ = lazy_exports("lawkit.exercises", _PUBLIC, globals(), __all__)
