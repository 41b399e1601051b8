"""Grade a whole class: every answer file of a folder, one feedback per student, a CSV for
Moodle, feedback ZIPs for Moodle and ILIAS, a summary table, a distribution plot and the
gradebook.

Rules (docs/grading.md, "Batch"):
* One bad file never costs the class its grades: every file is either graded or named in
  errors.txt with a reason (a syntax error, a FIFO, a folder named like an answer, a file too
  large, an unexpected failure of lawkit itself …); the batch goes on.
* Everything is written under `out_dir` (and the gradebook path given); student ids are checked
  by the loader and every output path is checked to stay inside `out_dir`.
* Two answers of one student: identical answers count once; otherwise the one with the strictly
  latest `submitted` time counts (as an LMS keeps the last submission). Where that cannot be
  decided (a time missing, equal, unreadable or in the future) none is graded and the conflict
  is reported for the teacher to settle (Chancengleichheit).
* Streaming: a first pass reads and validates every file and keeps only who submitted what;
  a second pass grades the chosen answers one at a time and writes them in chunks (feedback
  files with one flush to disk per chunk, then one gradebook transaction). grades.csv, the
  summary and the ZIPs are written last, atomically. A crash therefore leaves the gradebook and
  the feedback of the finished chunks intact, and a re-run completes the rest with the same
  result: CSV = gradebook = feedback.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import os
import re
import time
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from lawkit._atomic import remove_stale_temporaries, temp_path, write_atomic, write_many_atomic
from lawkit._files import kind_of
from lawkit.errors import AuthoringError, LawkitError
from lawkit.grading.answers import ANSWER_SUFFIXES, PROSE_SUFFIXES, StudentAnswer, load_answer
from lawkit.grading.export import (
    MOODLE_COLUMNS,
    ExportRow,
    feedback_cell,
    moodle_row,
    summary_csv,
    summary_frame,
    summary_text,
)
from lawkit.grading.gradebook import Gradebook, Standard
from lawkit.grading.grader import grade
from lawkit.grading.model import Kind
from lawkit.grading.reference import Reference, build_reference
from lawkit.grading.scale import average

if TYPE_CHECKING:
    from lawkit.coursework.model import Exercise
    from lawkit.grading.lms import LmsTargets
    from lawkit.loading.library import Library
    from lawkit.reading.confirm import Correction

GRADES_CSV = "grades.csv"
SUMMARY_CSV = "summary.csv"
SUMMARY_TXT = "summary.txt"
ERRORS_TXT = "errors.txt"
PLOT_PNG = "distribution.png"
FEEDBACK_DIR = "feedback"
GRADEBOOK = "gradebook.sqlite"
MOODLE_ZIP = "moodle_feedback.zip"
ILIAS_ZIP = "ilias_multi_feedback.zip"
CHUNK = 200  # students per gradebook transaction and per flush of feedback files
MAX_FOLDER_DEPTH = 16  # deeper folders are not searched (and reported)
FUTURE_TOLERANCE = _dt.timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Problem:
    """A submission that was not graded (or not counted), and why; or a hint about one."""

    file: str
    reason: str
    kind: str = "fehler"  # fehler | konflikt | hinweis
    line: int | None = None

    @property
    def where(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class BatchReport:
    exercise: str
    out_dir: str
    rows: tuple[ExportRow, ...]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]
    written: tuple[str, ...]
    timings: Mapping[str, float] = field(default_factory=dict)
    new_entries: int = 0
    overview: str = ""  # the class summary (pandas), German
    changed: tuple[str, ...] = ()  # students whose grade changed for an unchanged answer

    @property
    def exit_code(self) -> int:
        return 1 if any(p.kind != "hinweis" for p in self.problems) else 0

    @property
    def average(self) -> tuple[Decimal, str] | None:
        return average(r.points for r in self.rows) if self.rows else None

    def text(self) -> str:
        """The report as printed by `lawkit grade` (German)."""
        failed = sum(1 for p in self.problems if p.kind != "hinweis")
        lines = [f"Aufgabe {self.exercise}: {len(self.rows)} bewertet, "
                 f"{failed} nicht bewertet oder strittig; Ausgabe in {self.out_dir}"]
        if self.overview:
            lines.append(self.overview.rstrip())
        for problem in self.problems:
            lines.append(f"{problem.kind:8} {problem.where}: {problem.reason}")
        lines += self.notes
        if self.timings:
            lines.append("Zeiten: " + ", ".join(f"{k} {v:.3f} s" for k, v in self.timings.items()))
        return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class _Submission:
    """What the first pass keeps of a valid answer file: who, when, which answer."""

    path: Path
    student: str
    submitted: str | None
    fingerprint: str
    notes: tuple[str, ...]


# -- finding the files -------------------------------------------------------------------------
def list_submissions(directory: Path, out_dir: Path) -> tuple[list[Path], list[Problem]]:
    """Answer files (.json/.yaml/.yml, and Gutachten .md/.txt/.docx) below `directory`, sorted,
    and the entries that cannot
    be graded (a folder or FIFO named like an answer, another kind of file, a folder too deep).
    Hidden folders and the output folder are skipped; the walk uses no recursion."""
    out = out_dir.resolve()
    found: list[Path] = []
    problems: list[Problem] = []
    stack: list[tuple[Path, int]] = [(directory, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            names = sorted(os.listdir(folder))
        except OSError as exc:
            problems.append(Problem(str(folder), f"der Ordner kann nicht gelesen werden "
                                                 f"({exc.strerror or exc}); nicht durchsucht"))
            continue
        for name in names:
            path = folder / name
            try:
                info = path.lstat()
            except OSError:
                continue
            is_folder = kind_of(info.st_mode) == "ein Ordner"
            if name.startswith("."):
                if not is_folder and path.suffix.lower() in ANSWER_SUFFIXES:
                    problems.append(Problem(str(path), "versteckte Datei (Name beginnt mit „.“); "
                                                       "übersprungen", "hinweis"))
                continue
            if is_folder:
                with contextlib.suppress(OSError):
                    if path.resolve() == out:
                        continue
                if path.suffix.lower() in ANSWER_SUFFIXES:
                    problems.append(Problem(str(path), f"das ist ein Ordner, keine Antwortdatei; erwartet "
                                                       f"eine Datei {path.suffix}"))
                if depth + 1 > MAX_FOLDER_DEPTH:
                    problems.append(Problem(str(path), f"Ordner tiefer als {MAX_FOLDER_DEPTH} Ebenen; "
                                                       "nicht durchsucht – erwartet die Abgaben in "
                                                       "höchstens dieser Tiefe"))
                    continue
                stack.append((path, depth + 1))
                continue
            if path.suffix.lower() not in ANSWER_SUFFIXES:
                problems.append(Problem(str(path), f"keine Antwortdatei (Endung „{path.suffix or '–'}“); "
                                                   f"übersprungen – erwartet {', '.join(ANSWER_SUFFIXES)}",
                                        "hinweis"))
                continue
            found.append(path)  # links, FIFOs and devices are named by the loader
    found.sort()
    return found, problems


def inside(out_dir: Path, *parts: str) -> Path:
    """out_dir/parts…, refusing anything that would leave out_dir."""
    base = out_dir.resolve()
    target = base.joinpath(*parts).resolve()
    if base not in target.parents:
        raise LawkitError(f"{target}: liegt außerhalb des Ausgabeordners {base}; erwartet einen Pfad "
                          "darin (wird nicht geschrieben)")
    return target


def prepare_out(out: Path) -> None:
    """The output folder exists and can be written to; a LawkitError (German) otherwise.
    Checked before anything is graded or recorded."""
    if out.exists() and not out.is_dir():
        raise LawkitError(f"{out}: das ist eine Datei; erwartet einen Ordner für die Ausgabe (--out)")
    try:
        (out / FEEDBACK_DIR).mkdir(parents=True, exist_ok=True)
        probe = write_atomic(out / ".lawkit-schreibprobe", b"")
        probe.unlink()
    except OSError as exc:
        raise LawkitError(f"{out}: in diesen Ordner kann nicht geschrieben werden "
                          f"({exc.strerror or exc}); erwartet einen beschreibbaren Ordner mit freiem "
                          "Speicherplatz für die Ausgabe (--out)") from None
    for folder in (out, out / FEEDBACK_DIR):
        remove_stale_temporaries(folder)


# -- the batch ---------------------------------------------------------------------------------
def grade_batch(exercise: Exercise, submissions_dir: Path | str, out_dir: Path | str,
                gradebook: Gradebook | Path | str | None = None, *,
                library: Library | None = None, lms: LmsTargets | None = None,
                now: _dt.datetime | None = None, chunk: int = CHUNK) -> BatchReport:
    """Grade every answer in `submissions_dir`; write feedback, CSV, ZIPs, summary, plot and
    gradebook under `out_dir` (the gradebook defaults to out_dir/gradebook.sqlite)."""
    from lawkit.loading.library import default_library

    started = time.perf_counter()
    library = library or default_library()
    source = Path(submissions_dir)
    if not source.is_dir():
        raise LawkitError(f"{source}: diesen Ordner gibt es nicht; erwartet den Ordner mit den Abgaben")
    out = Path(out_dir)
    prepare_out(out)
    book, own_book = _open_gradebook(gradebook, out)
    try:
        standards = book.standards(exercise.id)
        reference = build_reference(with_standards(exercise, standards), library)
        files, problems = list_submissions(source, out)
        t_read = time.perf_counter()
        submissions = _first_pass(files, exercise, library, problems)
        chosen, notes = _settle_duplicates(submissions, problems, now or _dt.datetime.now(_dt.UTC))
        read_seconds = time.perf_counter() - t_read
        corrections = _corrections(book, exercise, chosen)
        writer = _Writer(exercise, out, book, lms)
        try:
            for group in _chunks(chosen, chunk):
                writer.write(_graded(group, exercise, reference, library, problems, corrections))
            overview = writer.finish(problems)
        finally:
            writer.discard()
    finally:
        if own_book:
            book.close()
    if standards:
        notes.append("Maßstab nach Überdenken angewandt: " + "; ".join(
            f"{s.target}: {' oder '.join(s.results)} (Eintrag {s.entry})" for s in standards))
    notes += writer.changes
    timings = {"Lesen und Prüfen": read_seconds, "Bewertung": writer.grading_seconds,
               "Schreiben": writer.write_seconds, "gesamt": time.perf_counter() - started}
    return BatchReport(exercise.id, str(out), tuple(writer.rows), tuple(problems), tuple(notes),
                       tuple(writer.written), timings, writer.new, overview, tuple(writer.changed))


def with_standards(exercise: Exercise, standards: tuple[Standard, ...]) -> Exercise:
    """The exercise with the results accepted in Überdenken added to its vertretbar list."""
    if not standards:
        return exercise
    from dataclasses import replace

    from lawkit.coursework.model import Vertretbar

    vertretbar = dict(exercise.solution.vertretbar)
    for standard in standards:
        earlier = vertretbar.get(standard.target)
        results = tuple(dict.fromkeys((*(earlier.results if earlier else ()), *standard.results)))
        because = (f"{earlier.because} " if earlier else "") + \
            f"Im Überdenken als vertretbar anerkannt: {standard.reason}"
        vertretbar[standard.target] = Vertretbar(standard.target, results, because.strip(),
                                                 earlier.sources if earlier else ())
    return replace(exercise, solution=replace(exercise.solution, vertretbar=vertretbar))


def _corrections(book: Gradebook, exercise: Exercise, chosen: list[_Submission]
                 ) -> dict[str, tuple[Correction, ...]]:
    """The teacher's confirmed readings (`lawkit regrade --reading`) of each chosen Gutachten
    whose text is the one they were given for."""
    from lawkit.reading.confirm import parse_correction

    fingerprints = {s.student: s.fingerprint for s in chosen if s.path.suffix.lower() in PROSE_SUFFIXES}
    if not fingerprints:
        return {}
    out: dict[str, list[Correction]] = {}
    for fix in book.readings(exercise.id):
        if fingerprints.get(fix.student) == fix.fingerprint:
            try:
                out.setdefault(fix.student, []).append(parse_correction(fix.correction))
            except ValueError as exc:
                raise LawkitError(f"{book.path}: Notenbuch: berichtigte Lesart {fix.id} ist beschädigt "
                                  f"({exc})") from None
    return {student: tuple(items) for student, items in out.items()}


def _open_gradebook(gradebook: Gradebook | Path | str | None, out: Path) -> tuple[Gradebook, bool]:
    if isinstance(gradebook, Gradebook):
        return gradebook, False
    return Gradebook(Path(gradebook) if gradebook is not None else out / GRADEBOOK), True


def _chunks(items: list[_Submission], size: int) -> Iterator[list[_Submission]]:
    for start in range(0, len(items), max(1, size)):
        yield items[start:start + size]


def _problem_of(exc: Exception, path: Path) -> Problem:
    if isinstance(exc, AuthoringError):
        reason = f"{exc.path}: {exc.problem}" if exc.path else exc.problem
        return Problem(str(path), reason, "fehler", exc.line)
    if isinstance(exc, LawkitError):
        return Problem(str(path), _without_file(str(exc), path))
    return Problem(str(path), f"interner Fehler von lawkit beim Lesen oder Bewerten dieser Datei "
                              f"({type(exc).__name__}); nicht bewertet – bitte die Datei aufbewahren und "
                              "den Fehler melden")


def _first_pass(files: list[Path], exercise: Exercise, library: Library,
                problems: list[Problem]) -> list[_Submission]:
    """Read and validate every file; keep who submitted what (never the whole answer). A
    Gutachten is read as a file here (size, encoding, Word format, front matter, Matrikelnummer)
    but not yet read as a Gutachten: that is pass two's work."""
    out: list[_Submission] = []
    for path in files:
        try:
            if path.suffix.lower() in PROSE_SUFFIXES:
                submission = _prose_submission(path, exercise)
            else:
                answer = load_answer(path, library)
                if answer.exercise != exercise.id:
                    raise LawkitError(f"exercise: die Antwort gehört zur Aufgabe {answer.exercise!r}; "
                                      f"erwartet {exercise.id!r}")
                submission = _Submission(path, answer.student, answer.submitted, answer.fingerprint(),
                                         answer.notes)
        except Exception as exc:  # one file must never stop the class
            problems.append(_problem_of(exc, path))
            continue
        for note in submission.notes:
            problems.append(Problem(str(path), note, "hinweis"))
        out.append(submission)
    return out


def _prose_submission(path: Path, exercise: Exercise) -> _Submission:
    from lawkit.grading.prose import prose_fingerprint, prose_identity
    from lawkit.reading.sources import read_prose

    document = read_prose(path, legacy=True, follow_links=False)
    if document.exercise is not None and document.exercise != exercise.id:
        raise AuthoringError(str(path), "exercise", "das Gutachten gehört zur Aufgabe "
                                                    f"{document.exercise!r}; erwartet {exercise.id!r}")
    student, notes = prose_identity(document)
    return _Submission(path, student, document.submitted, prose_fingerprint(exercise.id, document.text),
                       (*document.notes, *notes))


def _graded(group: list[_Submission], exercise: Exercise, reference: Reference, library: Library,
            problems: list[Problem], corrections: Mapping[str, tuple[Correction, ...]] | None = None
            ) -> Iterator[tuple[_Submission, StudentAnswer, object]]:
    """Grade one chunk, one submission at a time (read again: pass one kept no answers). A
    Gutachten is read now, with the teacher's confirmed readings of that student's text."""
    for submission in group:
        try:
            fixes = (corrections or {}).get(submission.student, ())
            answer = load_answer(submission.path, library, exercise=exercise,
                                 corrections=fixes)
            result = grade(exercise, answer, library, reference=reference)
        except Exception as exc:  # one file must never stop the class
            problems.append(_problem_of(exc, submission.path))
            continue
        for note in answer.notes:  # what only reading the Gutachten shows (another language …)
            if note not in submission.notes:
                problems.append(Problem(str(submission.path), note, "hinweis"))
        yield submission, answer, result


def _without_file(message: str, path: Path) -> str:
    """The loader's message names the file first; the report names it already."""
    prefix = str(path)
    return message[len(prefix):].lstrip(":").strip() if message.startswith(prefix) else message


# -- duplicates --------------------------------------------------------------------------------
def _settle_duplicates(submissions: list[_Submission], problems: list[Problem], now: _dt.datetime
                       ) -> tuple[list[_Submission], list[str]]:
    by_student: dict[str, list[_Submission]] = {}
    for item in submissions:
        by_student.setdefault(item.student, []).append(item)
    chosen: list[_Submission] = []
    notes: list[str] = []
    for student, items in by_student.items():
        future = [i for i in items if _in_future(i.submitted, now)]
        for item in future:
            problems.append(Problem(str(item.path), f"submitted liegt in der Zukunft ({item.submitted}); "
                                                     "erwartet den Zeitpunkt der Abgabe – dieser Zeitpunkt "
                                                     "zählt für die Reihenfolge nicht", "hinweis"))
        if len(items) == 1:
            chosen.append(items[0])
            continue
        files = ", ".join(str(i.path) for i in items)
        if len({i.fingerprint for i in items}) == 1:
            chosen.append(items[0])
            notes.append(f"Hinweis: {student} hat dieselbe Lösung mehrfach abgegeben ({files}); "
                         "sie wird einmal bewertet.")
            continue
        latest = None if future else _latest(items)
        if latest is None:
            for item in items:
                problems.append(Problem(str(item.path), f"Matrikelnummer {student}: mehrere verschiedene "
                                        f"Abgaben ({files}) ohne eindeutige Reihenfolge (submitted "
                                        "fehlt, ist gleich, unlesbar oder in der Zukunft); keine wird "
                                        "bewertet, bitte klären", "konflikt"))
            continue
        chosen.append(latest)
        for item in items:
            if item is not latest:
                problems.append(Problem(str(item.path), f"Matrikelnummer {student}: durch die spätere "
                                        f"Abgabe {latest.path} ersetzt (submitted {latest.submitted}); "
                                        "nicht bewertet", "konflikt"))
    chosen.sort(key=lambda item: item.student)
    return chosen, notes


def parse_time(value: str | None) -> _dt.datetime | None:
    if not value:
        return None
    try:
        return _dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def _in_future(value: str | None, now: _dt.datetime) -> bool:
    stamp = parse_time(value)
    if stamp is None:
        return False
    if stamp.tzinfo is None:  # a local time: compare with the local clock
        reference = now.astimezone().replace(tzinfo=None) if now.tzinfo else now
    else:
        reference = now if now.tzinfo else now.astimezone()
    return stamp > reference + FUTURE_TOLERANCE


def _latest(items: list[_Submission]) -> _Submission | None:
    """The item with the strictly latest `submitted` time, or None if that is not decidable."""
    stamped = []
    for item in items:
        stamp = parse_time(item.submitted)
        if stamp is None:
            return None
        stamped.append((stamp, item))
    try:
        stamped.sort(key=lambda pair: pair[0])
    except TypeError:  # with and without time zone: not comparable
        return None
    if stamped[-1][0] == stamped[-2][0]:
        return None
    return stamped[-1][1]


# -- writing -----------------------------------------------------------------------------------
class _Writer:
    """Writes a chunk of graded students (gradebook, then their feedback files) and, at the
    end, the class files. grades.csv and the ZIPs are built in temporary files beside their
    targets and renamed into place last; `discard` removes them after a failure."""

    def __init__(self, exercise: Exercise, out: Path, book: Gradebook, lms: LmsTargets | None) -> None:
        self.exercise = exercise
        self.out = out
        self.book = book
        self.lms = lms
        self.rows: list[ExportRow] = []
        self.written: list[str] = []
        self.changes: list[str] = []
        self.changed: list[str] = []
        self.new = 0
        self.grading_seconds = 0.0
        self.write_seconds = 0.0
        self._csv_path = temp_path(inside(out, GRADES_CSV))
        self._csv_file: TextIO = open(self._csv_path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._csv = csv.writer(self._csv_file, lineterminator="\n")
        self._csv.writerow(MOODLE_COLUMNS)
        self._zips: dict[str, tuple[Path, zipfile.ZipFile]] = {}
        if lms is not None:
            for name in (MOODLE_ZIP, ILIAS_ZIP):
                if lms.wants(name):
                    path = temp_path(inside(out, name))
                    self._zips[name] = (path, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED))

    def write(self, graded: Iterator[tuple[_Submission, StudentAnswer, object]]) -> None:
        from lawkit.grading.feedback import html_page
        from lawkit.grading.model import Grade

        t0 = time.perf_counter()
        items: list[tuple[_Submission, StudentAnswer, Grade]] = []
        for submission, answer, result in graded:
            assert isinstance(result, Grade)
            items.append((submission, answer, result))
        t1 = time.perf_counter()
        self.grading_seconds += t1 - t0
        if not items:
            return
        recorded = self.book.record_many(
            (result, str(submission.path), (result.feedback_markdown(), result.feedback_html()))
            for submission, _, result in items)
        files: list[tuple[Path, str]] = []
        for (submission, answer, result), done in zip(items, recorded, strict=True):
            entry = done.entry
            self.new += done.new
            markdown, fragment = self.book.feedback(entry)
            page = html_page(result, body=fragment)
            md_path = inside(self.out, FEEDBACK_DIR, f"{answer.student}.md")
            html_path = inside(self.out, FEEDBACK_DIR, f"{answer.student}.html")
            files += [(md_path, markdown), (html_path, page)]
            before = done.before
            if done.new and before is not None and before.fingerprint == entry.fingerprint \
                    and before.points != entry.points:
                self.changed.append(answer.student)
                self.changes.append(f"Geänderte Bewertung bei unveränderter Abgabe: {answer.student} "
                                    f"{before.points} → {entry.points} Punkte (Eintrag {before.id} → "
                                    f"{entry.id})")
            row = ExportRow(
                student=entry.student, name=entry.name, points=entry.points, label=entry.label,
                units=str(entry.units), max_units=str(entry.max_units),
                fachlich=entry.counted(Kind.FACHLICH.value),
                pruefungsspezifisch=entry.counted(Kind.PRUEFUNGSSPEZIFISCH.value),
                flags=len(entry.flags), summary=entry.summary, kind=entry.kind,
                file=str(submission.path))
            self.rows.append(row)
            self._csv.writerow(moodle_row(row, feedback_cell(markdown)))
            for zip_name, (_, archive) in self._zips.items():
                assert self.lms is not None
                target = self.lms.entry_name(zip_name, entry.student, entry.name)
                if target is not None:
                    info = zipfile.ZipInfo(target, date_time=(1980, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(info, page)
        write_many_atomic(files)
        self.written += [str(path) for path, _ in files]
        self.write_seconds += time.perf_counter() - t1

    def finish(self, problems: list[Problem]) -> str:
        """grades.csv, the ZIPs, summary.csv/.txt, distribution.png and errors.txt."""
        from lawkit.grading.plot import distribution_png

        t0 = time.perf_counter()
        self._csv_file.flush()
        os.fsync(self._csv_file.fileno())
        self._csv_file.close()
        target = inside(self.out, GRADES_CSV)
        os.replace(self._csv_path, target)
        self.written.append(str(target))
        for zip_name, (path, archive) in sorted(self._zips.items()):
            assert self.lms is not None
            for problem in self.lms.unmatched(zip_name, [r.student for r in self.rows]):
                problems.append(problem)
            archive.close()
            target = inside(self.out, zip_name)
            os.replace(path, target)
            self.written.append(str(target))
        self._zips.clear()
        frame = summary_frame(self.rows)
        files: list[tuple[Path, str | bytes]] = [
            (inside(self.out, SUMMARY_CSV), summary_csv(frame)),
            (inside(self.out, PLOT_PNG), distribution_png(
                [r.points for r in self.rows], f"Notenverteilung {self.exercise.id} (n = {len(self.rows)})")),
            (inside(self.out, ERRORS_TXT), _errors_text(problems)),
        ]
        overview = summary_text(frame)
        files.append((inside(self.out, SUMMARY_TXT), overview))
        write_many_atomic(files)
        self.written += [str(path) for path, _ in files]
        self.write_seconds += time.perf_counter() - t0
        return overview

    def discard(self) -> None:
        if not self._csv_file.closed:
            with contextlib.suppress(OSError):  # closing flushes; on a full disk that fails too
                self._csv_file.close()
        with contextlib.suppress(FileNotFoundError):
            self._csv_path.unlink()
        for path, archive in self._zips.values():
            with contextlib.suppress(OSError):
                archive.close()
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        self._zips.clear()


_ERROR_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _errors_text(problems: list[Problem]) -> str:
    if not problems:
        return "Keine fehlerhaften oder strittigen Abgaben.\n"
    return "".join(f"{p.kind}\t{_ERROR_CONTROL.sub('?', p.where)}\t{_ERROR_CONTROL.sub('?', p.reason)}\n"
                   for p in problems)
