"""The Gutachten editor of an exercise notebook: write the solution as a Gutachten, save it to
`answers/<id>.md`, and run the Selbstkontrolle before handing it in.

The notebook cell is one line, `gutachten_editor("<id>")`. The text is saved atomically with its
front matter (exercise, student, name, submitted) by the one writer of the format
(`lawkit.reading.sources.prose_file`) after the grader's own checks (the Matrikelnummer, the
size); a saved file is reloaded when the notebook starts, and one the grader cannot read is kept
under another name before anything is written: a student's text is never lost.

"Selbstkontrolle – keine Bewertung" reads the text exactly as the grader will (lawkit.reading),
but never shows the reference solution: it shows what was read and the Darstellung, and says
*that* a point the Bearbeitervermerk asks for seems missing — never its result. Notes that would
give the reference away (which points are the problems of the case, where a Meinungsstreit
matters) are left out.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import ipywidgets as widgets

from lawkit._atomic import write_atomic
from lawkit.coursework.loading import find_exercise
from lawkit.coursework.model import Exercise
from lawkit.errors import AuthoringError, LawkitError
from lawkit.exercises.answer_widget import AnswerWidget
from lawkit.loading.library import Library, default_library
from lawkit.reading.model import Conclusion, Reading, StyleKind

# margin notes that say where the case's problems are (taken from the reference's check)
REVEALING = frozenset({StyleKind.URTEILSSTIL_BEI_PROBLEM, StyleKind.SCHWERPUNKT, StyleKind.STREIT_FEHLT,
                       StyleKind.STELLUNGNAHME_FEHLT})
SELF_CHECK = "Selbstkontrolle – keine Bewertung"
NEUTRAL_URTEILSSTIL = "Urteilsstil – bei einem Problem des Falles ist der Gutachtenstil geboten"


class EditorError(LawkitError):
    """The Gutachten cannot be saved; the message says why, in German, for the student."""


def gutachten_editor(exercise_id_or_path: str | Path, *, answers_dir: Path | str = "answers",
                     library: Library | None = None) -> GutachtenEditor:
    """The Gutachten editor of an exercise (by id in course/ or by the path of its master file)."""
    library = library or default_library()
    return GutachtenEditor(find_exercise(exercise_id_or_path, library=library), answers_dir=answers_dir,
                           library=library)


def words(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True, slots=True)
class SelfCheck:
    """What the Selbstkontrolle shows: the reading without the reference's hints, and the
    points of the Bearbeitervermerk the text seems to leave out (never their results)."""

    reading: Reading
    missing: tuple[str, ...]

    def html(self) -> str:
        parts = [f'<div class="lawkit-selfcheck"><h3>{html.escape(SELF_CHECK)}</h3>',
                 "<p>Ihr Text wurde so gelesen, wie die Bewertung ihn liest – aber ohne die Musterlösung: "
                 "Sie sehen, welche Prüfungspunkte und Ergebnisse gelesen wurden und wie Sie sie "
                 "darstellen, nicht, ob die Ergebnisse richtig sind.</p>"]
        if self.missing:
            parts.append("<p><b>Nach dem Bearbeitervermerk scheint zu fehlen:</b></p><ul>"
                         + "".join(f"<li>{html.escape(m)}</li>" for m in self.missing) + "</ul>")
        else:
            parts.append("<p>Alle Normen, nach denen der Bearbeitervermerk fragt, scheinen geprüft.</p>")
        parts.append(self.reading.html())
        parts.append("</div>")
        return "\n".join(parts)

    def _repr_html_(self) -> str:
        return self.html()


def self_check(text: str, exercise: Exercise, library: Library) -> SelfCheck:
    """Read a Gutachten for the student's own control (see the module's docstring)."""
    from lawkit.grading.prose import read_for

    reading = read_for(text, exercise, library)
    style = []
    for note in reading.style:
        if note.kind in (StyleKind.URTEILSSTIL, StyleKind.URTEILSSTIL_BEI_PROBLEM):
            # whether Urteilsstil suits the point depends on whether it is a problem of the case
            style.append(replace(note, kind=StyleKind.URTEILSSTIL, text=NEUTRAL_URTEILSSTIL))
        elif note.kind not in REVEALING:
            style.append(note)
    reading = replace(reading, style=tuple(style), problems=())
    missing: list[str] = []
    read = {n.norm: n for n in reading.norms}
    for norm_id in exercise.solution.required_ids:
        norm = library.norm(norm_id)
        citation = norm.citation.canonical()
        own = read.get(norm_id)
        if own is None:
            missing.append(f"{citation} ({norm.title}): in Ihrem Text nicht als geprüft erkannt")
            continue
        discussed = {e.element: e.conclusion for e in own.elements}
        # the Prüfungsschema's first two levels, as `lawkit show` lists them; where the student's own text
        # denies a point, the Gutachten may end there (by the student's result, not the reference's)
        points = [grand for child in norm.root.children  # "Tatbestand" → objektiver, subjektiver
                  for grand in (child.children if child.children and child.combine.value == "all_of"
                                and child.dispute is None else (child,))]
        if own.conclusion is not Conclusion.NICHT_ERFUELLT:
            points += norm.procedural
        for child in points:
            below = {e.id for e in child.walk()}
            if child.dispute is not None:
                for view in child.dispute.views:
                    below |= {e.id for e in view.requirement.walk()}
            if not below & discussed.keys():
                missing.append(f"{citation}: „{child.label}“ nicht erörtert")
            elif any(discussed.get(e) is Conclusion.NICHT_ERFUELLT for e in below):
                break
    if reading.norms and reading.gesamtergebnis is None:
        missing.append("ein Gesamtergebnis, das die Fallfrage beantwortet")
    if "konkurrenz" in exercise.bearbeitervermerk.casefold() and not reading.konkurrenzen:
        missing.append("die Konkurrenzen (nach ihnen fragt der Bearbeitervermerk)")
    return SelfCheck(reading, tuple(missing))


class GutachtenEditor(AnswerWidget):
    """The widgets of one exercise's Gutachten, its saving, loading and Selbstkontrolle."""

    def __init__(self, exercise: Exercise, *, answers_dir: Path | str = "answers",
                 library: Library | None = None, clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(exercise, suffix=".md", css="gutachten", answers_dir=answers_dir,
                         library=library, clock=clock)
        self.text = widgets.Textarea(placeholder="A. Strafbarkeit … nach § … \n\nX könnte sich … strafbar "
                                                 "gemacht haben, indem …",
                                     layout=widgets.Layout(width="95%", height="28em"))
        self.text.add_class("lawkit-gutachten-text")
        self.count = widgets.HTML()
        self.count.add_class("lawkit-gutachten-words")
        self.text.observe(lambda _: self._count(), names="value")
        self.save_button = widgets.Button(description="Gutachten speichern", button_style="primary",
                                          icon="save", layout=widgets.Layout(width="auto"))
        self.save_button.add_class("lawkit-gutachten-save")
        self.save_button.on_click(lambda _: self._save_clicked())
        self.check_button = widgets.Button(description=SELF_CHECK, icon="search",
                                           layout=widgets.Layout(width="auto"))
        self.check_button.add_class("lawkit-gutachten-check")
        self.check_button.on_click(lambda _: self._check_clicked())
        self.status = widgets.HTML()
        self.status.add_class("lawkit-gutachten-status")
        self.result = widgets.HTML()
        self.result.add_class("lawkit-gutachten-reading")
        self.widget = widgets.VBox([
            widgets.HTML(f"<h3>Ihr Gutachten zur Übung „{html.escape(exercise.title)}“</h3>"),
            widgets.HBox([self.student, self.name]),
            self.text, self.count,
            widgets.HBox([self.save_button, self.check_button]),
            self.status, self.result,
        ])
        self.widget.add_class("lawkit-gutachten-editor")
        self._count()
        if self.path.is_file() or self.path.is_symlink():
            self.load(self.path)
        self._other_answer()

    def _count(self) -> None:
        n = words(self.text.value)
        self.count.value = f"{n} Wort" if n == 1 else f"{n} Wörter"

    def _other_answer(self) -> None:
        others = [self.path.with_suffix(s) for s in (".json", ".yaml", ".yml", ".txt", ".docx")]
        found = [p for p in others if p.exists()]
        if found:
            names = ", ".join(f"„{p.name}“" for p in found)
            self.status.value += (f"<br><span style='color:#8a5a00'>Hinweis: Zu dieser Übung liegt auch "
                                  f"{names}. Abgegeben wird nur eine Antwort je Übung – löschen Sie die, "
                                  "die nicht bewertet werden soll.</span>")

    # -- saving -------------------------------------------------------------------------------
    def file_text(self) -> str:
        """The file as it will be saved: front matter, then the text as written."""
        from lawkit.grading.answers import clean_name
        from lawkit.reading.sources import prose_file

        name, _ = clean_name(self.name.value) if self.name.value.strip() else ("", False)
        submitted = self._clock().replace(microsecond=0).isoformat()
        return prose_file(self.text.value, exercise=self.exercise.id, student=self.student.value.strip(),
                          name=name or None, submitted=submitted)

    def problems(self) -> list[str]:
        """What keeps the Gutachten from being saved, in German (empty: it can be saved)."""
        out = self.student_problems()
        if not self.text.value.strip():
            out.append("Bitte schreiben Sie Ihr Gutachten, bevor Sie speichern.")
        return out

    def save(self) -> Path:
        """Check by the grader's own rules and write `answers/<id>.md` atomically; raise
        EditorError (German) if not. A saved file the grader cannot read is kept under another
        name first."""
        from lawkit.grading.prose import prose_identity
        from lawkit.reading.sources import MAX_PROSE_BYTES, prose_of_file_text

        problems = self.problems()
        if problems:
            raise EditorError("Nicht gespeichert: " + " ".join(problems))
        text = self.file_text()
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_PROSE_BYTES:
            raise EditorError(f"Nicht gespeichert: Das Gutachten hat {size} Bytes; die Bewertung nimmt "
                              f"höchstens {MAX_PROSE_BYTES} Bytes (1 MB) an. Kürzen Sie den Text.")
        try:  # read back exactly as the grader reads the file
            document = prose_of_file_text(text, str(self.path))
            prose_identity(document)
            text.encode("utf-8")
        except AuthoringError as exc:
            raise EditorError(f"Nicht gespeichert: Die Bewertung würde diese Datei nicht annehmen: "
                              f"{exc.problem}") from None
        except UnicodeEncodeError:
            raise EditorError("Nicht gespeichert: Der Text enthält ein Zeichen, das sich nicht als UTF-8 "
                              "speichern lässt (ein einzelnes Surrogat).") from None
        kept = self._keep_unreadable()
        try:
            write_atomic(self.path, text)
        except OSError as exc:
            raise EditorError(
                f"Nicht gespeichert: Die Datei „{self.path}“ kann nicht geschrieben werden "
                f"({exc.strerror or exc}). Prüfen Sie, ob „{self.path.parent}“ ein Ordner ist, in den Sie "
                "schreiben dürfen. Ein zuvor gespeichertes Gutachten bleibt unverändert.") from None
        self.kept = kept
        return self.path

    def _readable(self) -> bool:
        from lawkit.reading.sources import read_prose

        try:
            document = read_prose(self.path, follow_links=False)
        except LawkitError:
            return False
        return document.exercise in (None, self.exercise.id)

    def _keep_unreadable(self) -> Path | None:
        """Rename a saved Gutachten the grader cannot read (or one of another exercise), so that
        saving never destroys it."""
        from lawkit.exercises.form import keep_aside

        if not (self.path.exists() or self.path.is_symlink()) or self._readable():
            return None
        return keep_aside(self.path, self.exercise.id, self._clock(), EditorError)

    def _save_clicked(self) -> None:
        from lawkit.exercises.form import failed_status, saved_status

        try:
            path = self.save()
        except EditorError as exc:
            self.status.value = failed_status(exc)
            return
        self.status.value = saved_status(path, self._clock(), self.kept, f"{words(self.text.value)} Wörter")

    # -- loading ------------------------------------------------------------------------------
    def load(self, path: Path | str) -> None:
        """Fill the editor from a saved Gutachten, read by the grader's own reader (a file it
        refuses leaves the editor empty and says why; it is kept when the student saves)."""
        from lawkit.reading.sources import read_prose

        path = Path(path)
        try:
            document = read_prose(path, follow_links=False)
            if document.exercise not in (None, self.exercise.id):
                raise LawkitError(f"die Datei gehört zur Übung „{document.exercise}“")
        except LawkitError as exc:
            reason = exc.problem if isinstance(exc, AuthoringError) else str(exc)
            self.status.value = (f"<span style='color:#b00020'>Das gespeicherte Gutachten "
                                 f"„{html.escape(str(path))}“ konnte nicht geladen werden "
                                 f"({html.escape(reason)}). Der Editor beginnt leer; beim Speichern wird "
                                 "die alte Datei unter einem anderen Namen aufbewahrt, nicht "
                                 "überschrieben.</span>")
            return
        self.student.value = document.student or ""
        self.name.value = document.name or ""
        self.text.value = document.text
        self.status.value = f"Geladen: {html.escape(str(path))}"

    # -- Selbstkontrolle ----------------------------------------------------------------------
    def check(self) -> SelfCheck:
        return self_check(self.text.value, self.exercise, self.library)

    def _check_clicked(self) -> None:
        from lawkit.reading.sources import MAX_PROSE_BYTES

        if not self.text.value.strip():
            self.result.value = (f"<p><b>{html.escape(SELF_CHECK)}:</b> Noch kein Text – schreiben Sie Ihr "
                                 "Gutachten oben.</p>")
            return
        if len(self.text.value.encode("utf-8", "surrogatepass")) > MAX_PROSE_BYTES:
            self.result.value = (f"<p><b>{html.escape(SELF_CHECK)}:</b> Der Text ist größer als 1 MB "
                                 "und wird nicht gelesen.</p>")
            return
        self.result.value = self.check().html()
