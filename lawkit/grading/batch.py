"""Grade a whole class: every answer file of a folder, one feedback per student, a CSV for
Moodle, a summary table, a distribution plot and the gradebook.

Rules:
* Everything is written under `out_dir` (and the gradebook path given); a student id is checked
  by the loader ([A-Za-z0-9_-]{1,40}) and every output path is checked to stay inside `out_dir`.
* A bad file (encoding, size, syntax, types, unknown ids, another exercise) is reported with the
  file and the reason; the batch goes on.
* Two answers of one student: identical answers count once; otherwise the one with the strictly
  latest `submitted` time counts (as an LMS keeps the last submission) and the others are
  reported as superseded; where that cannot be decided (a time missing or equal), none is
  graded and the conflict is reported for the teacher to settle. Grading the better or the
  worse one would treat this student differently from the others (Chancengleichheit).
* Each student's files are written atomically and the grade is recorded in its own transaction,
  so a crash loses nothing that was finished and a re-run completes the rest (re-recording an
  unchanged grade adds nothing to the gradebook).
"""

from __future__ import annotations

import datetime as _dt
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from lawkit._atomic import write_atomic
from lawkit.errors import AuthoringError, LawkitError
from lawkit.grading.answers import ANSWER_SUFFIXES, StudentAnswer, load_answer
from lawkit.grading.export import ExportRow, moodle_csv, summary_csv, summary_frame, summary_text
from lawkit.grading.gradebook import UEBERDENKEN, Gradebook
from lawkit.grading.grader import grade
from lawkit.grading.model import Grade
from lawkit.grading.reference import build_reference
from lawkit.grading.scale import average

if TYPE_CHECKING:
    from lawkit.exercises.model import Exercise
    from lawkit.loading.library import Library

GRADES_CSV = "grades.csv"
SUMMARY_CSV = "summary.csv"
SUMMARY_TXT = "summary.txt"
ERRORS_TXT = "errors.txt"
PLOT_PNG = "distribution.png"
FEEDBACK_DIR = "feedback"
GRADEBOOK = "gradebook.sqlite"


@dataclass(frozen=True, slots=True)
class Problem:
    """A submission that was not graded (or not counted), and why."""

    file: str
    reason: str
    kind: str = "fehler"  # fehler | konflikt
    line: int | None = None

    @property
    def where(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class BatchReport:
    exercise: str
    out_dir: str
    rows: tuple[ExportRow, ...]
    grades: tuple[Grade, ...]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]
    written: tuple[str, ...]
    timings: Mapping[str, float] = field(default_factory=dict)
    new_entries: int = 0
    overview: str = ""  # the class summary (pandas), German

    @property
    def exit_code(self) -> int:
        return 1 if self.problems else 0

    @property
    def average(self) -> tuple[Decimal, str] | None:
        return average(r.points for r in self.rows) if self.rows else None

    def text(self) -> str:
        """The report as printed by `lawkit grade` (German)."""
        lines = [f"Aufgabe {self.exercise}: {len(self.rows)} bewertet, "
                 f"{len(self.problems)} nicht bewertet oder strittig; Ausgabe in {self.out_dir}"]
        if self.overview:
            lines.append(self.overview.rstrip())
        for problem in self.problems:
            lines.append(f"{problem.kind:8} {problem.where}: {problem.reason}")
        lines += self.notes
        if self.timings:
            lines.append("Zeiten: " + ", ".join(f"{k} {v:.3f} s" for k, v in self.timings.items()))
        return "\n".join(lines) + "\n"


def list_submissions(directory: Path, out_dir: Path) -> list[Path]:
    """Answer files (.json/.yaml/.yml) below `directory`, sorted; hidden files and the output
    folder are skipped."""
    out = out_dir.resolve()
    found = []
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory).parts
        if any(part.startswith(".") for part in relative):
            continue
        if path.suffix.lower() not in ANSWER_SUFFIXES or (not path.is_file() and not path.is_symlink()):
            continue
        try:
            if path.resolve() == out or out in path.resolve().parents:
                continue
        except OSError:
            pass
        found.append(path)
    return found


def inside(out_dir: Path, *parts: str) -> Path:
    """out_dir/parts…, refusing anything that would leave out_dir."""
    base = out_dir.resolve()
    target = base.joinpath(*parts).resolve()
    if base not in target.parents:
        raise LawkitError(f"refusing to write {target}: it is outside the output folder {base}")
    return target


def grade_batch(exercise: Exercise, submissions_dir: Path | str, out_dir: Path | str,
                gradebook: Gradebook | Path | str | None = None, *,
                library: Library | None = None) -> BatchReport:
    """Grade every answer in `submissions_dir`; write feedback, CSVs, plot and gradebook under
    `out_dir` (the gradebook defaults to out_dir/gradebook.sqlite)."""
    from lawkit.loading.library import default_library

    started = time.perf_counter()
    library = library or default_library()
    source = Path(submissions_dir)
    if not source.is_dir():
        raise LawkitError(f"{source}: no such folder; expected the folder of the submissions")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    book, own_book = _open_gradebook(gradebook, out)
    try:
        files = list_submissions(source, out)
        t_grade = time.perf_counter()
        reference = build_reference(exercise, library)
        graded: list[tuple[Path, StudentAnswer, Grade]] = []
        problems: list[Problem] = []
        for path in files:
            try:
                answer = load_answer(path, library)
                graded.append((path, answer, grade(exercise, answer, library, reference=reference)))
            except AuthoringError as exc:
                reason = f"{exc.path}: {exc.problem}" if exc.path else exc.problem
                problems.append(Problem(str(path), reason, "fehler", exc.line))
            except LawkitError as exc:
                problems.append(Problem(str(path), _without_file(str(exc), path)))
        grading_seconds = time.perf_counter() - t_grade
        chosen, conflicts, notes = _settle_duplicates(graded)
        problems += conflicts
        t_write = time.perf_counter()
        rows, written, new = _write_students(chosen, out, book)
        overview = _write_class_files(exercise, rows, problems, out, written)
        write_seconds = time.perf_counter() - t_write
    finally:
        if own_book:
            book.close()
    timings = {"Prüfung und Bewertung": grading_seconds, "Schreiben": write_seconds,
               "gesamt": time.perf_counter() - started}
    return BatchReport(exercise.id, str(out), tuple(rows), tuple(g for _, _, g in chosen),
                       tuple(problems), tuple(notes), tuple(written), timings, new, overview)


def _open_gradebook(gradebook: Gradebook | Path | str | None, out: Path) -> tuple[Gradebook, bool]:
    if isinstance(gradebook, Gradebook):
        return gradebook, False
    return Gradebook(Path(gradebook) if gradebook is not None else out / GRADEBOOK), True


def _without_file(message: str, path: Path) -> str:
    """The loader's message names the file first; the report names it already."""
    prefix = str(path)
    return message[len(prefix):].lstrip(":").strip() if message.startswith(prefix) else message


def _settle_duplicates(graded: list[tuple[Path, StudentAnswer, Grade]]
                       ) -> tuple[list[tuple[Path, StudentAnswer, Grade]], list[Problem], list[str]]:
    by_student: dict[str, list[tuple[Path, StudentAnswer, Grade]]] = {}
    for item in graded:
        by_student.setdefault(item[1].student, []).append(item)
    chosen, problems, notes = [], [], []
    for student, items in by_student.items():
        if len(items) == 1:
            chosen.append(items[0])
            continue
        files = ", ".join(str(p) for p, _, _ in items)
        if len({a.fingerprint() for _, a, _ in items}) == 1:
            chosen.append(items[0])
            notes.append(f"Hinweis: {student} hat dieselbe Lösung mehrfach abgegeben ({files}); "
                         "sie wird einmal bewertet.")
            continue
        latest = _latest(items)
        if latest is None:
            for path, _, _ in items:
                problems.append(Problem(str(path), f"Matrikelnummer {student}: mehrere verschiedene "
                                        f"Abgaben ({files}) ohne eindeutige Reihenfolge (submitted "
                                        "fehlt oder ist gleich); keine wird bewertet, bitte klären",
                                        "konflikt"))
            continue
        chosen.append(latest)
        for path, _, _ in items:
            if path != latest[0]:
                problems.append(Problem(str(path), f"Matrikelnummer {student}: durch die spätere "
                                        f"Abgabe {latest[0]} ersetzt (submitted "
                                        f"{latest[1].submitted}); nicht bewertet", "konflikt"))
    chosen.sort(key=lambda item: item[1].student)
    return chosen, problems, notes


def _latest(items: list[tuple[Path, StudentAnswer, Grade]]) -> tuple[Path, StudentAnswer, Grade] | None:
    """The item with the strictly latest `submitted` time, or None if that is not decidable."""
    stamped = []
    for item in items:
        if not item[1].submitted:
            return None
        try:
            stamped.append((_dt.datetime.fromisoformat(item[1].submitted), item))
        except ValueError:
            return None
    try:
        stamped.sort(key=lambda pair: pair[0])
    except TypeError:  # with and without time zone: not comparable
        return None
    if stamped[-1][0] == stamped[-2][0]:
        return None
    return stamped[-1][1]


def _write_students(chosen: list[tuple[Path, StudentAnswer, Grade]], out: Path, book: Gradebook
                    ) -> tuple[list[ExportRow], list[str], int]:
    from lawkit.grading.feedback import html_page

    rows: list[ExportRow] = []
    written: list[str] = []
    new = 0
    for path, answer, result in chosen:
        markdown, page = result.feedback_markdown(), html_page(result)
        entry, is_new = book.record(result, source=str(path), feedback=(markdown, page))
        new += is_new
        current = book.current(result.exercise, result.student)
        if current is not None and current.kind == UEBERDENKEN and current.id > entry.id \
                and current.fingerprint == result.fingerprint:
            entry, markdown, page = current, current.feedback_md, current.feedback_html
        md_path = inside(out, FEEDBACK_DIR, f"{answer.student}.md")
        html_path = inside(out, FEEDBACK_DIR, f"{answer.student}.html")
        write_atomic(md_path, markdown)
        write_atomic(html_path, page)
        written += [str(md_path), str(html_path)]
        deductions = entry.deductions
        rows.append(ExportRow(
            student=result.student, name=result.name, points=entry.points, label=entry.label,
            units=str(entry.units), max_units=str(entry.max_units),
            fachlich=sum(1 for d in deductions if d["kind"] == "fachlich" and d["units"] != "0"),
            pruefungsspezifisch=sum(1 for d in deductions
                                    if d["kind"] == "prüfungsspezifisch" and d["units"] != "0"),
            flags=len(result.flags), summary=entry.summary,
            kind=entry.kind,
            file=str(path)))
    return rows, written, new


def _write_class_files(exercise: Exercise, rows: list[ExportRow], problems: list[Problem],
                       out: Path, written: list[str]) -> str:
    """grades.csv, summary.csv/.txt, distribution.png and errors.txt; returns the overview."""
    from lawkit.grading.plot import distribution_png

    target = inside(out, GRADES_CSV)
    write_atomic(target, moodle_csv(rows))
    written.append(str(target))
    frame = summary_frame(rows)
    target = inside(out, SUMMARY_CSV)
    write_atomic(target, summary_csv(frame))
    written.append(str(target))
    target = inside(out, PLOT_PNG)
    write_atomic(target, distribution_png([r.points for r in rows],
                                          f"Notenverteilung {exercise.id} (n = {len(rows)})"))
    written.append(str(target))
    errors = "".join(f"{p.kind}\t{p.where}\t{p.reason}\n" for p in problems) or \
        "Keine fehlerhaften oder strittigen Abgaben.\n"
    target = inside(out, ERRORS_TXT)
    write_atomic(target, errors)
    written.append(str(target))
    overview = summary_text(frame)
    target = inside(out, SUMMARY_TXT)
    write_atomic(target, overview)
    written.append(str(target))
    return overview
