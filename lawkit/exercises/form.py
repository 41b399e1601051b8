"""The answer form of an exercise notebook: a widget form that saves `answers/<id>.json`.

The notebook cell is one line, `answer_form("<id>")`. The student picks the norms to examine
from the whole library (grouped by law; the choice is part of the test), answers the norm and
its elements, Konkurrenzen and Gesamtergebnis, and saves. The file is written atomically in the
schema of docs/grading-formats.md; widget state is not kept by notebooks, so the form loads an
existing answer file when it starts. This is the only module that imports ipywidgets.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

import ipywidgets as widgets
import traitlets

from lawkit._atomic import write_atomic
from lawkit.coursework.loading import find_exercise
from lawkit.coursework.model import ELEMENT_RESULTS, NORM_RESULTS, Exercise, Finding
from lawkit.errors import AuthoringError, LawkitError
from lawkit.exercises.answer_widget import AnswerWidget
from lawkit.exercises.schema import schema_rows
from lawkit.grading.answers import (
    MAX_ANSWER_BYTES,
    ElementAnswer,
    KonkurrenzAnswer,
    NormAnswer,
    StudentAnswer,
    answer_from_mapping,
    answer_mapping,
    load_answer,
)
from lawkit.loading.library import Library, default_library
from lawkit.model.norm import Norm

LAW_ORDER = ("StGB", "WpHG", "BGB", "GG", "VwGO", "ZPO")
NOT_ANSWERED = ""


class AnswerFormError(LawkitError):
    """The answer cannot be saved; the message says why, in German, for the student."""


def saved_status(path: Path, now: datetime, kept: Path | None, detail: str = "") -> str:
    """The status line after saving (form and editor): where, when, and where an unreadable
    earlier file was kept."""
    when = now.strftime("%d.%m.%Y, %H:%M:%S") + (f", {detail}" if detail else "")
    aside = (f". Die vorher gespeicherte, nicht lesbare Datei ist als „{html.escape(str(kept))}“ aufbewahrt."
             if kept is not None else "")
    return f"<span style='color:#1b5e20'>Gespeichert: {html.escape(str(path))} ({when}){aside}</span>"


def failed_status(exc: Exception) -> str:
    return f"<span style='color:#b00020'>{html.escape(str(exc))}</span>"


def keep_aside(path: Path, exercise_id: str, now: datetime, error: type[LawkitError]) -> Path:
    """Rename a saved answer that cannot be read to `<id>.unlesbar-<Zeit>[-n]<suffix>` beside it
    (the answer form and the Gutachten editor: a student's answer is never lost); `error` (German)
    if it cannot be moved."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{exercise_id}.unlesbar-{stamp}{path.suffix}")
    counter = 1
    while backup.exists():
        counter += 1
        backup = path.with_name(f"{exercise_id}.unlesbar-{stamp}-{counter}{path.suffix}")
    try:
        os.rename(path, backup)
    except OSError as exc:
        raise error(f"Nicht gespeichert: Die alte, nicht lesbare Datei „{path}“ kann nicht beiseite "
                    f"gelegt werden ({exc.strerror or exc}); sie bleibt unverändert.") from None
    return backup


def answer_form(exercise_id_or_path: str | Path, *, answers_dir: Path | str = "answers",
                library: Library | None = None) -> AnswerForm:
    """The answer form of an exercise (by id in course/ or by the path of its master file)."""
    library = library or default_library()
    return AnswerForm(find_exercise(exercise_id_or_path, library=library),
                      answers_dir=answers_dir, library=library)


def norm_label(norm: Norm) -> str:
    return f"{norm.citation.canonical()} – {norm.title}"


def grouped_norms(library: Library) -> list[tuple[str, list[Norm]]]:
    """All norms of the library grouped by the law of their first provision."""
    groups: dict[str, list[Norm]] = {}
    for norm in library.norms.values():
        groups.setdefault(norm.citation.parts[0].law, []).append(norm)

    def law_key(law: str) -> tuple[int, str]:
        return (LAW_ORDER.index(law) if law in LAW_ORDER else len(LAW_ORDER), law)

    def norm_key(norm: Norm) -> tuple[int, str, str]:
        number = norm.citation.parts[0].number
        digits = "".join(c for c in number if c.isdigit())
        return (int(digits or 0), number, norm.citation.canonical())

    return [(law, sorted(groups[law], key=norm_key)) for law in sorted(groups, key=law_key)]


class NormSelector(widgets.VBox):
    """Checkboxes for every norm of the library, grouped by law; `value` is the chosen norm
    ids in the order the student examines them (the order of ticking; ↑/↓ in the sections)."""

    value = traitlets.Tuple()

    def __init__(self, library: Library) -> None:
        self.checkboxes: dict[str, widgets.Checkbox] = {}
        children: list[widgets.Widget] = [widgets.HTML(
            "<b>Welche Normen prüfen Sie?</b> Wählen Sie in der Reihenfolge Ihrer Prüfung.")]
        for law, norms in grouped_norms(library):
            children.append(widgets.HTML(f"<i>{html.escape(law)}</i>"))
            for norm in norms:
                box = widgets.Checkbox(value=False, description=norm_label(norm), indent=False,
                                       layout=widgets.Layout(width="auto"))
                box.add_class(f"lawkit-answer-choose-{norm.id}")
                box.observe(self._ticked(norm.id), names="value")
                self.checkboxes[norm.id] = box
                children.append(box)
        self._syncing = False
        super().__init__(children=children)
        self.add_class("lawkit-answer-norms")

    def _ticked(self, norm_id: str) -> Callable[[dict[str, object]], None]:
        def handler(change: dict[str, object]) -> None:
            if self._syncing:
                return
            chosen = [n for n in self.value if n != norm_id]
            if change["new"]:
                chosen.append(norm_id)
            self.value = tuple(chosen)
        return handler

    @traitlets.validate("value")
    def _valid(self, proposal: dict[str, Iterable[str]]) -> tuple[str, ...]:
        value = tuple(dict.fromkeys(proposal["value"]))
        unknown = [n for n in value if n not in self.checkboxes]
        if unknown:
            raise traitlets.TraitError(f"unknown norm {unknown[0]!r}")
        return value

    @traitlets.observe("value")
    def _sync(self, change: dict[str, object]) -> None:
        self._syncing = True
        try:
            for norm_id, box in self.checkboxes.items():
                box.value = norm_id in change["new"]  # type: ignore[operator]  # traitlets: the selected ids
        finally:
            self._syncing = False

    def move(self, norm_id: str, step: int) -> None:
        order = list(self.value)
        i = order.index(norm_id)
        j = min(max(i + step, 0), len(order) - 1)
        order[i], order[j] = order[j], order[i]
        self.value = tuple(order)


class AnswerForm(AnswerWidget):
    """The widgets of one exercise's answer, its JSON, validation, saving and loading."""

    def __init__(self, exercise: Exercise, *, answers_dir: Path | str = "answers",
                 library: Library | None = None, clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(exercise, suffix=".json", css="answer", answers_dir=answers_dir,
                         library=library, clock=clock)
        self.norm_selector = NormSelector(self.library)
        self.norm_result: dict[str, widgets.ToggleButtons] = {}
        self.element_result: dict[str, dict[str, widgets.Dropdown]] = {}
        self.element_begruendung: dict[str, dict[str, widgets.Text]] = {}
        self.begruendung: dict[str, widgets.Textarea] = {}
        self.applies: dict[str, widgets.Checkbox] = {}
        self._sections: dict[str, widgets.VBox] = {}
        self.sections_box = widgets.VBox()
        self.konkurrenzen: list[tuple[widgets.Dropdown, widgets.Dropdown]] = []
        self.konkurrenzen_box = widgets.VBox()
        add = widgets.Button(description="Konkurrenz hinzufügen", icon="plus")
        add.add_class("lawkit-answer-konkurrenz-add")
        add.on_click(lambda _: self.add_konkurrenz())
        self.konkurrenzen_begruendung = widgets.Textarea(placeholder="Begründung der Konkurrenzen",
                                                         layout=widgets.Layout(width="95%"))
        self.konkurrenzen_begruendung.add_class("lawkit-answer-konkurrenzen-begruendung")
        self.applies_box = widgets.VBox()
        self.gesamtergebnis = widgets.Textarea(placeholder="Gesamtergebnis in Worten",
                                               layout=widgets.Layout(width="95%"))
        self.gesamtergebnis.add_class("lawkit-answer-gesamtergebnis")
        self.save_button = widgets.Button(description="Antwort speichern", button_style="primary",
                                          icon="save")
        self.save_button.add_class("lawkit-answer-save")
        self.save_button.on_click(lambda _: self._save_clicked())
        self.status = widgets.HTML()
        self.status.add_class("lawkit-answer-status")
        self.norm_selector.observe(lambda _: self._selection_changed(), names="value")
        self.widget = widgets.VBox([
            widgets.HTML(f"<h3>Antwort zur Übung „{html.escape(exercise.title)}“</h3>"),
            widgets.HBox([self.student, self.name]),
            self.norm_selector,
            self.sections_box,
            widgets.HTML("<b>Konkurrenzen</b> – welche Norm tritt hinter welche zurück?"),
            self.konkurrenzen_box, add, self.konkurrenzen_begruendung,
            widgets.HTML("<b>Gesamtergebnis</b> – nach welchen Normen tritt die Rechtsfolge ein "
                         "(strafbar, haftet, begründet)?"),
            self.applies_box, self.gesamtergebnis,
            self.save_button, self.status,
        ])
        self.widget.add_class("lawkit-answer-form")
        if self.path.is_file():
            self.load(self.path)
        gutachten = self.path.with_suffix(".md")
        if gutachten.exists():
            self.status.value += (f"<br><span style='color:#8a5a00'>Hinweis: Zu dieser Übung liegt auch "
                                  f"das Gutachten „{html.escape(gutachten.name)}“. Abgegeben wird nur "
                                  "eine Antwort je Übung – löschen Sie die, die nicht bewertet werden "
                                  "soll.</span>")

    # -- the sections of the chosen norms --------------------------------------------------------
    def _section(self, norm_id: str) -> widgets.VBox:
        if norm_id in self._sections:
            return self._sections[norm_id]
        norm = self.library.norm(norm_id)
        result = widgets.ToggleButtons(options=[(r, r) for r in NORM_RESULTS], value=None,
                                       description="Ergebnis")
        result.add_class(f"lawkit-answer-result-{norm_id}")
        self.norm_result[norm_id] = result
        up = widgets.Button(description="↑", tooltip="früher prüfen", layout=widgets.Layout(width="3em"))
        down = widgets.Button(description="↓", tooltip="später prüfen", layout=widgets.Layout(width="3em"))
        up.on_click(lambda _: self.norm_selector.move(norm_id, -1))
        down.on_click(lambda _: self.norm_selector.move(norm_id, 1))
        rows: list[widgets.Widget] = []
        self.element_result[norm_id] = {}
        self.element_begruendung[norm_id] = {}
        section_name = ""
        for row in schema_rows(norm):
            if row.section != section_name:
                section_name = row.section
                rows.append(widgets.HTML(f"<i>{html.escape(section_name)}</i>"))
            choice = widgets.Dropdown(
                options=[("—", NOT_ANSWERED), *((r, r) for r in ELEMENT_RESULTS)], value=NOT_ANSWERED,
                layout=widgets.Layout(width="11em"))
            choice.add_class(f"lawkit-answer-element-{norm_id}-{row.element}")
            reason = widgets.Text(placeholder="Begründung (optional)",
                                  layout=widgets.Layout(width="40%"))
            self.element_result[norm_id][row.element] = choice
            self.element_begruendung[norm_id][row.element] = reason
            label = widgets.HTML(html.escape(row.label),
                                 layout=widgets.Layout(width="32em", padding=f"0 0 0 {1.5 * row.depth}em"))
            rows.append(widgets.HBox([label, choice, reason]))
        reason = widgets.Textarea(placeholder="Begründung zur Norm – zitieren Sie die Vorschriften",
                                  layout=widgets.Layout(width="95%", height="6em"))
        reason.add_class(f"lawkit-answer-begruendung-{norm_id}")
        self.begruendung[norm_id] = reason
        applies = widgets.Checkbox(value=False, description=norm_label(norm), indent=False,
                                   layout=widgets.Layout(width="auto"))
        applies.add_class(f"lawkit-answer-applies-{norm_id}")
        self.applies[norm_id] = applies
        section = widgets.VBox([
            widgets.HBox([widgets.HTML(f"<h4>{html.escape(norm_label(norm))}</h4>"), up, down]),
            result, widgets.Accordion(children=[widgets.VBox(rows)],
                                      titles=("Prüfungsschema: Ergebnisse der Merkmale",)),
            reason,
        ])
        section.add_class(f"lawkit-answer-section-{norm_id}")
        self._sections[norm_id] = section
        return section

    def _selection_changed(self) -> None:
        chosen = self.norm_selector.value
        self.sections_box.children = tuple(self._section(n) for n in chosen)
        self.applies_box.children = tuple(self.applies[n] for n in chosen)
        options = [("– Norm wählen –", NOT_ANSWERED),
                   *((self.library.norm(n).citation.canonical(), n) for n in chosen)]
        for pair in self.konkurrenzen:
            for box in pair:
                keep = box.value if box.value in chosen else NOT_ANSWERED
                box.options = options
                box.value = keep

    def add_konkurrenz(self, norm: str = NOT_ANSWERED, yields_to: str = NOT_ANSWERED
                       ) -> tuple[widgets.Dropdown, widgets.Dropdown]:
        """A row "norm tritt zurück hinter yields_to" (both from the chosen norms)."""
        options = [("– Norm wählen –", NOT_ANSWERED),
                   *((self.library.norm(n).citation.canonical(), n) for n in self.norm_selector.value)]
        displaced = widgets.Dropdown(options=options, value=NOT_ANSWERED)
        dominant = widgets.Dropdown(options=options, value=NOT_ANSWERED)
        displaced.value, dominant.value = norm, yields_to
        displaced.add_class("lawkit-answer-konkurrenz-norm")
        dominant.add_class("lawkit-answer-konkurrenz-yields-to")
        remove = widgets.Button(description="entfernen", layout=widgets.Layout(width="7em"))
        pair = (displaced, dominant)
        row = widgets.HBox([displaced, widgets.HTML("&nbsp;tritt zurück hinter&nbsp;"), dominant, remove])

        def drop(_: object) -> None:
            self.konkurrenzen.remove(pair)
            self.konkurrenzen_box.children = tuple(c for c in self.konkurrenzen_box.children if c is not row)

        remove.on_click(drop)
        self.konkurrenzen.append(pair)
        self.konkurrenzen_box.children = (*self.konkurrenzen_box.children, row)
        return pair

    # -- the answer ---------------------------------------------------------------------------
    def answer(self) -> StudentAnswer:
        """The answer the form shows, in the one answer model (unanswered parts left out; what
        problems() reports, e.g. a reason without a result, is not part of it)."""
        norms = []
        for norm_id in self.norm_selector.value:
            elements = []
            for element_id, choice in self.element_result[norm_id].items():
                if choice.value != NOT_ANSWERED:
                    reason = self.element_begruendung[norm_id][element_id].value.strip()
                    elements.append(ElementAnswer(element_id, Finding(choice.value), reason or None))
            result = self.norm_result[norm_id].value
            norms.append(NormAnswer(norm_id, Finding(result) if result else None,
                                    self.begruendung[norm_id].value.strip() or None, tuple(elements)))
        return StudentAnswer(
            exercise=self.exercise.id,
            student=self.student.value.strip(),
            norms=tuple(norms),
            name=self.name.value.strip() or None,
            submitted=self._clock().replace(microsecond=0).isoformat(),
            konkurrenzen=tuple(KonkurrenzAnswer(a.value, b.value) for a, b in self.konkurrenzen
                               if a.value or b.value),
            konkurrenzen_begruendung=self.konkurrenzen_begruendung.value.strip() or None,
            applies=tuple(n for n in self.norm_selector.value if self.applies[n].value),
            gesamtergebnis_text=self.gesamtergebnis.value.strip() or None,
        )

    def answer_dict(self) -> dict[str, object]:
        """The answer in the schema of docs/grading-formats.md, written by the grader's own writer."""
        return answer_mapping(self.answer())

    def problems(self) -> list[str]:
        """What keeps the answer from being saved, in German (empty: it can be saved)."""
        out = self.student_problems()
        if not self.norm_selector.value:
            out.append("Bitte wählen Sie mindestens eine Norm, die Sie prüfen.")
        for norm_id in self.norm_selector.value:
            citation = self.library.norm(norm_id).citation.canonical()
            if self.norm_result[norm_id].value is None:
                out.append(f"{citation}: Bitte wählen Sie das Ergebnis der Norm (erfüllt, nicht "
                           "erfüllt oder offen).")
            for element_id, choice in self.element_result[norm_id].items():
                reason = self.element_begruendung[norm_id][element_id].value.strip()
                if choice.value == NOT_ANSWERED and reason:
                    label = next(r.label for r in schema_rows(self.library.norm(norm_id))
                                 if r.element == element_id)
                    out.append(f"{citation}, {label}: Sie haben eine Begründung geschrieben, aber "
                               "kein Ergebnis gewählt.")
        seen: set[str] = set()
        for i, (displaced, dominant) in enumerate(self.konkurrenzen, start=1):
            if not displaced.value and not dominant.value:
                continue
            if not displaced.value or not dominant.value:
                out.append(f"Konkurrenz {i}: Bitte wählen Sie beide Normen.")
            elif displaced.value == dominant.value:
                out.append(f"Konkurrenz {i}: Eine Norm kann nicht hinter sich selbst zurücktreten.")
            elif displaced.value in seen:
                out.append(f"Konkurrenz {i}: {displaced.label} ist schon als zurücktretende Norm "
                           "angegeben.")
            seen.add(displaced.value)
        return out

    def save(self) -> Path:
        """Validate by the grader's own rules and write the answer atomically; raise
        AnswerFormError (German) if not. A saved file that cannot be read (broken by hand, or
        from another exercise) is kept under another name first: a student's answer is never
        lost."""
        problems = self.problems()
        if problems:
            raise AnswerFormError("Nicht gespeichert: " + " ".join(problems))
        data = self.answer_dict()
        try:
            answer_from_mapping(data, self.library, file=str(self.path))
        except AuthoringError as exc:
            where = f" ({exc.path})" if exc.path else ""
            raise AnswerFormError(f"Nicht gespeichert: Die Bewertung würde diese Antwort nicht annehmen"
                                  f"{where}: {exc.problem}.") from None
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        size = len(text.encode("utf-8"))
        if size > MAX_ANSWER_BYTES:
            raise AnswerFormError(f"Nicht gespeichert: Die Antwort hat {size} Bytes; die Bewertung nimmt "
                                  f"höchstens {MAX_ANSWER_BYTES} Bytes (1 MB) an. Kürzen Sie die "
                                  "Begründungen.")
        kept = self._keep_unreadable()
        try:
            write_atomic(self.path, text)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise AnswerFormError(
                f"Nicht gespeichert: Die Datei „{self.path}“ kann nicht geschrieben werden "
                f"({reason}). Prüfen Sie, ob „{self.path.parent}“ ein Ordner ist, in den Sie "
                "schreiben dürfen. Eine zuvor gespeicherte Antwort bleibt unverändert.") from None
        self.kept = kept
        return self.path

    def _keep_unreadable(self) -> Path | None:
        """Rename a saved answer the grader cannot read, so that saving never destroys it."""
        if not self.path.is_file() or self.path.is_symlink():
            return None
        try:
            answer = load_answer(self.path, self.library)
            if answer.exercise == self.exercise.id:
                return None
        except LawkitError:
            pass
        return keep_aside(self.path, self.exercise.id, self._clock(), AnswerFormError)

    def _save_clicked(self) -> None:
        try:
            path = self.save()
        except AnswerFormError as exc:
            self.status.value = failed_status(exc)
            return
        self.status.value = saved_status(path, self._clock(), self.kept)

    # -- loading a saved answer -------------------------------------------------------------------
    def load(self, path: Path | str) -> None:
        """Fill the form from a saved answer file, read by the grader's own loader (all or
        nothing: a file it refuses leaves the form empty and says why; the file is kept under
        another name when the student saves)."""
        path = Path(path)
        try:
            answer = load_answer(path, self.library)
            if answer.exercise != self.exercise.id:
                raise LawkitError(f"die Datei gehört zur Übung „{answer.exercise}“")
        except LawkitError as exc:
            reason = exc.problem if isinstance(exc, AuthoringError) else str(exc)
            if isinstance(exc, AuthoringError) and exc.path:
                reason = f"{exc.path}: {reason}"
            self.status.value = (f"<span style='color:#b00020'>Die gespeicherte Antwort "
                                 f"„{html.escape(str(path))}“ konnte nicht geladen werden "
                                 f"({html.escape(reason)}). Das Formular beginnt leer; beim Speichern "
                                 "wird die alte Datei unter einem anderen Namen aufbewahrt, nicht "
                                 "überschrieben.</span>")
            return
        self._fill(answer)
        self.status.value = f"Geladen: {html.escape(str(path))}"

    def _fill(self, answer: StudentAnswer) -> None:
        self.student.value = answer.student
        self.name.value = answer.name or ""
        self.norm_selector.value = tuple(n.norm for n in answer.norms)
        for norm in answer.norms:
            if norm.result is not None:  # a form answer always states one (prose may not)
                self.norm_result[norm.norm].value = norm.result.value
            self.begruendung[norm.norm].value = norm.begruendung or ""
            for element in norm.elements:
                if element.element in self.element_result[norm.norm]:
                    self.element_result[norm.norm][element.element].value = element.result.value
                    self.element_begruendung[norm.norm][element.element].value = element.begruendung or ""
        for konkurrenz in answer.konkurrenzen:
            self.add_konkurrenz(konkurrenz.norm, konkurrenz.yields_to)
        self.konkurrenzen_begruendung.value = answer.konkurrenzen_begruendung or ""
        for norm_id in answer.applies or ():
            if norm_id in self.applies and norm_id in self.norm_selector.value:
                self.applies[norm_id].value = True
        self.gesamtergebnis.value = answer.gesamtergebnis_text or ""
