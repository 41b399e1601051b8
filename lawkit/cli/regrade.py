"""`lawkit regrade EXERCISE ANSWER_FILE --gradebook PATH --reason TEXT [--out DIR] [--accept …]
[--reading …]`: Überdenken.

The answer is graded again (against the exercise as it stands now, with every result accepted
in earlier Überdenken) and recorded as an Überdenken of the student's current grade; the
earlier grade stays in the gradebook, and the output shows points before and after, the
deductions removed and added, and the reason. `--accept ZIEL=ERGEBNIS` accepts a result as
vertretbar for the whole class (BVerwG 6 B 71.17 Rn. 8): it is kept with the exercise in the
gradebook and applied at the next `lawkit grade`. `--reading ZIEL=ERGEBNIS@STELLE` corrects how a
Gutachten was read ("this paragraph discusses Vorsatz, result erfüllt", lawkit.reading.confirm):
kept with the student's text in the gradebook and applied at every later `lawkit grade` while the
text is unchanged. The output folder is checked before anything is recorded, and repeating the
same Überdenken adds nothing, so a retry is always safe.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from lawkit.cli import add_library_option, library_from
from lawkit.errors import LawkitError
from lawkit.reading.confirm import parse_correction

if TYPE_CHECKING:
    from lawkit.reading.confirm import Correction


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("regrade", help="überdenkt eine Bewertung nach einem Einwand")
    parser.add_argument("exercise", metavar="EXERCISE",
                        help="Aufgaben-ID (aus aufgaben/ des Kursordners, sonst course/) oder der Pfad "
                             "einer Aufgabendatei")
    parser.add_argument("answer", metavar="ANSWER_FILE",
                        help="die Antwortdatei oder das Gutachten (.md, .txt, .docx) der oder des "
                        "Studierenden")
    parser.add_argument("--gradebook", required=True, metavar="PATH",
                        help="das Notenbuch mit der früheren Bewertung")
    parser.add_argument("--reason", required=True, metavar="TEXT",
                        help="die Begründung der Lehrkraft (der Einwand und seine Würdigung)")
    parser.add_argument("--accept", action="append", default=[], metavar="ZIEL=ERGEBNIS",
                        help="erkennt ein Ergebnis für alle als vertretbar an, z. B. "
                        "'stgb_203_2_1#geheimnis=nicht erfüllt' (wiederholbar)")
    parser.add_argument("--reading", action="append", default=[], metavar="ZIEL=ERGEBNIS@STELLE",
                        help="berichtigt die Lesart eines Gutachtens an einer Stelle, z. B. "
                        "'stgb_203_2_1#subjektiver_tatbestand=erfüllt@Abs. 7' (Absatz, Absatz mit Satz "
                        "'Abs. 7 S. 2' oder die Gliederung wie im Text 'B. I. 2.'); "
                        "'…=nicht erörtert' nimmt eine Lesart zurück (wiederholbar)")
    parser.add_argument("--out", metavar="DIR",
                        help="schreibt das neue Feedback (mit dem Überdenken) nach DIR/feedback/")
    add_library_option(parser)
    parser.set_defaults(func=run)


def parse_accept(values: list[str], library: object) -> list[tuple[str, tuple[str, ...]]]:
    """[(target, results)] from `--accept norm#element=result` arguments, checked against the
    library (German messages)."""
    from lawkit.coursework.model import NORM_FINDINGS, Finding
    from lawkit.grading.answers import element_index
    from lawkit.loading.library import Library
    from lawkit.model.suggest import aehnlich

    assert isinstance(library, Library)
    out: dict[str, list[str]] = {}
    for value in values:
        target, sep, result = value.partition("=")
        target, result = target.strip(), result.strip()
        if not sep or not target or not result:
            raise LawkitError(f"--accept {value!r}: erwartet ZIEL=ERGEBNIS, z. B. "
                              "'stgb_203_2_1#geheimnis=nicht erfüllt'")
        norm_id, _, element_id = target.partition("#")
        if norm_id not in library.norms:
            raise LawkitError(f"--accept {value!r}: unbekannte Norm {norm_id!r}"
                              f"{aehnlich(norm_id, library.norms)}; erwartet eine Norm-ID (lawkit norms)")
        allowed = NORM_FINDINGS if not element_id else tuple(Finding)
        if element_id and element_id not in element_index(library.norm(norm_id)):
            known = element_index(library.norm(norm_id))
            raise LawkitError(f"--accept {value!r}: die Norm {norm_id!r} hat kein Merkmal {element_id!r}"
                              f"{aehnlich(element_id, known)}; erwartet eine Merkmals-ID wie in "
                              f"`lawkit show {norm_id}`")
        if result not in {f.value for f in allowed}:
            raise LawkitError(f"--accept {value!r}: unbekanntes Ergebnis {result!r}; erwartet einen von "
                              f"{', '.join(f.value for f in allowed)}")
        out.setdefault(target, [])
        if result not in out[target]:
            out[target].append(result)
    return [(target, tuple(results)) for target, results in out.items()]


def parse_readings(values: list[str], answer: object, exercise: object, library: object) -> list[Correction]:
    """Corrections of a Gutachten's reading from `--reading` arguments, checked against the
    library, the exercise and the text (German messages)."""
    from lawkit.coursework.model import Exercise
    from lawkit.grading.answers import StudentAnswer
    from lawkit.loading.library import Library
    from lawkit.reading.confirm import check_correction, locate

    assert isinstance(answer, StudentAnswer) and isinstance(exercise, Exercise)
    assert isinstance(library, Library)
    if not values:
        return []
    if answer.prose is None:
        raise LawkitError(f"--reading: {answer.file} ist eine Antwort im Formular, kein Gutachten; eine "
                          "Lesart lässt sich nur bei einem Gutachten (.md, .txt, .docx) berichtigen – "
                          "erwartet die Datei des Gutachtens")
    norms = [*exercise.solution.required_ids, *exercise.solution.optional]
    out = []
    for value in values:
        try:
            correction = parse_correction(value)
            check_correction(correction, library, norms)
            if correction.place is not None:
                locate(answer.prose.reading.blocks, correction.place)
        except ValueError as exc:
            raise LawkitError(f"--reading {exc}") from None
        out.append(correction)
    return out


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from lawkit._atomic import write_many_atomic
    from lawkit.coursework.loading import find_exercise
    from lawkit.grading.answers import load_answer
    from lawkit.grading.batch import FEEDBACK_DIR, inside, prepare_out, with_standards
    from lawkit.grading.feedback import html_page
    from lawkit.grading.gradebook import Gradebook, Standard
    from lawkit.grading.grader import grade

    library = library_from(args)
    exercise = find_exercise(args.exercise, library=library)
    answer = load_answer(args.answer, library, exercise=exercise)
    accept = parse_accept(args.accept, library)
    readings = parse_readings(args.reading, answer, exercise, library)
    out = Path(args.out) if args.out else None
    if out is not None:
        prepare_out(out)  # before anything is recorded: a retry must not record twice
    with Gradebook(args.gradebook, create=False) as book:
        pending = tuple(Standard(0, exercise.id, target, results, args.reason, None, "")
                        for target, results in accept)
        standards = (*book.standards(exercise.id), *pending)
        if answer.prose is not None:
            earlier = tuple(parse_correction(f.correction) for f in
                            book.readings(exercise.id, answer.student, answer.fingerprint()))
            answer = load_answer(args.answer, library, exercise=exercise, corrections=(*earlier, *readings))
        result = grade(with_standards(exercise, standards), answer, library)
        regrade = book.regrade(result, args.reason, source=str(args.answer), accept=accept,
                               readings=[r.text() for r in readings])
        markdown, fragment = book.feedback(regrade.after)
    print(regrade.text(), end="")
    if regrade.repeated:
        print("Dieses Überdenken ist bereits eingetragen; es wurde nichts hinzugefügt.")
    if out is not None:
        md_path = inside(out, FEEDBACK_DIR, f"{answer.student}.md")
        write_many_atomic([(md_path, markdown),
                           (inside(out, FEEDBACK_DIR, f"{answer.student}.html"),
                            html_page(result, body=fragment))])
        print(f"Feedback: {md_path}")
    return 0
