"""What the answer form and the Gutachten editor share: the exercise, its file in answers/, the
clock, the identity fields (Matrikelnummer, Name), and how a notebook shows the widget."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import ipywidgets as widgets

from lawkit._atomic import remove_stale_temporaries
from lawkit.coursework.model import Exercise
from lawkit.grading.answers import STUDENT_ID, WINDOWS_RESERVED
from lawkit.loading.library import Library, default_library


class AnswerWidget:
    """The common part of AnswerForm (`<id>.json`) and GutachtenEditor (`<id>.md`); `css` is the
    prefix of the identity fields' classes (`lawkit-<css>-student`, `lawkit-<css>-name`)."""

    widget: widgets.VBox

    def __init__(self, exercise: Exercise, *, suffix: str, css: str, answers_dir: Path | str,
                 library: Library | None, clock: Callable[[], datetime]) -> None:
        self.exercise = exercise
        self.library = library or default_library()
        self.path = Path(answers_dir) / f"{exercise.id}{suffix}"
        self._clock = clock
        self.kept: Path | None = None  # where the last save put an unreadable earlier file
        remove_stale_temporaries(self.path.parent)  # of a save killed halfway
        self.student = widgets.Text(description="Matrikelnr.", placeholder="z. B. 1234567")
        self.student.add_class(f"lawkit-{css}-student")
        self.name = widgets.Text(description="Name", placeholder="optional")
        self.name.add_class(f"lawkit-{css}-name")

    def student_problems(self) -> list[str]:
        """What is wrong with the Matrikelnummer, in German (empty: nothing)."""
        student = self.student.value.strip()
        if not student:
            return ["Bitte geben Sie Ihre Matrikelnummer ein."]
        if not STUDENT_ID.fullmatch(student):
            return ["Die Matrikelnummer darf nur Buchstaben, Ziffern, „-“ und „_“ enthalten "
                    "(höchstens 40 Zeichen)."]
        if WINDOWS_RESERVED.fullmatch(student):
            return [f"„{student}“ ist als Matrikelnummer nicht zulässig (ein reservierter Dateiname)."]
        return []

    def _repr_mimebundle_(self, **kwargs: object) -> dict[str, object] | None:
        bundle: dict[str, object] | None = self.widget._repr_mimebundle_(**kwargs)  # the widget's view
        return bundle
