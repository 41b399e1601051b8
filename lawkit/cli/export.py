"""`lawkit export gutachten|aufgabe|skizze|feedback … --out FILE.pdf|FILE.docx`: handouts.

    lawkit export gutachten verkauf_an_konkurrenten --out gutachten.pdf --out gutachten.docx
    lawkit export gutachten verkauf_an_konkurrenten --style urteilsstil --level klausurmäßig --out u.pdf
    lawkit export aufgabe e03_verkauf --out blatt.pdf          # Sachverhalt, Fallfrage, Bearbeitervermerk
    lawkit export skizze e03_verkauf --mit-gutachten --out loesung.docx
    lawkit export feedback e03_verkauf abgaben/1234567.json --gradebook grades/e03/gradebook.sqlite \\
        --out feedback_1234567.pdf

The format follows the file's ending; `--out` may be given more than once. Every file is
typeset first and then written atomically: an error leaves no half-written file behind.
Exit code 0, or 2 with a German message naming the file and what was expected.
"""

from __future__ import annotations

import argparse
import errno
from pathlib import Path
from typing import TYPE_CHECKING

from lawkit.cli import _ERRNO_GERMAN, add_library_option, library_from
from lawkit.errors import LawkitError

if TYPE_CHECKING:
    from lawkit.export.model import Handout
    from lawkit.loading.library import Library


EXERCISE_HELP = "Aufgaben-ID in course/ oder Pfad einer Aufgabendatei"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="schreibt Handouts als PDF oder DOCX: Gutachten, Aufgabenblatt, Lösungsskizze, Feedback")
    kinds = parser.add_subparsers(dest="kind", metavar="ART")
    kinds.required = True

    gutachten = kinds.add_parser("gutachten", help="das Gutachten eines Falls (mit Sachverhalt)")
    gutachten.add_argument("case", metavar="FALL",
                           help="ID eines Falls (wie bei lawkit check) oder Pfad einer Falldatei")
    gutachten.add_argument("--style", choices=("gutachten", "urteilsstil"), default="gutachten")
    gutachten.add_argument("--level", choices=("ausführlich", "klausurmäßig"), default="ausführlich")
    gutachten.add_argument("--view", action="append", default=[], metavar="STREIT=ANSICHT",
                           help="folgt in einem Meinungsstreit dieser Ansicht (wiederholbar)")

    aufgabe = kinds.add_parser("aufgabe", help="das Aufgabenblatt: Sachverhalt, Fallfrage, Bearbeitervermerk")
    aufgabe.add_argument("exercise", metavar="AUFGABE", help=EXERCISE_HELP)

    skizze = kinds.add_parser("skizze", help="die Lösungsskizze einer Aufgabe mit dem Bewertungsschema")
    skizze.add_argument("exercise", metavar="AUFGABE", help=EXERCISE_HELP)
    skizze.add_argument("--mit-gutachten", action="store_true", dest="with_gutachten",
                        help="hängt das Gutachten des Prüfprogramms an")
    skizze.add_argument("--level", choices=("ausführlich", "klausurmäßig"), default="ausführlich",
                        help="Stufe des angehängten Gutachtens")

    feedback = kinds.add_parser("feedback",
                                help="das Feedback zu einer Antwort, wie `lawkit grade` es schreibt")
    feedback.add_argument("exercise", metavar="AUFGABE", help=EXERCISE_HELP)
    feedback.add_argument("answer", metavar="ANTWORT",
                          help="die Antwortdatei (.json, .yaml) oder das Gutachten (.md, .txt, .docx)")
    feedback.add_argument("--gradebook", metavar="PATH",
                          help="Notenbuch: die dort im Überdenken anerkannten Ergebnisse und berichtigten "
                          "Lesarten gelten wie bei `lawkit grade`; ein Überdenken dieser Bewertung steht "
                          "am Ende")

    for sub in (gutachten, aufgabe, skizze, feedback):
        sub.add_argument("--out", action="append", required=True, metavar="DATEI",
                         help="Zieldatei, .pdf oder .docx (wiederholbar)")
        add_library_option(sub)
        sub.set_defaults(func=run)


def _feedback(args: argparse.Namespace, library: Library) -> Handout:
    from lawkit.coursework.loading import find_exercise
    from lawkit.export import feedback_handout
    from lawkit.grading.answers import load_answer
    from lawkit.grading.batch import with_standards
    from lawkit.grading.grader import grade

    exercise = find_exercise(args.exercise, library=library)
    path = Path(args.answer)
    if not path.is_file():
        raise LawkitError(f"{path}: diese Antwort gibt es nicht; erwartet die Datei einer Antwort (.json, "
                          ".yaml) oder eines Gutachtens (.md, .txt, .docx)")
    answer = load_answer(path, library, exercise=exercise)
    if args.gradebook:
        from lawkit.grading.gradebook import Gradebook, grade_digest
        from lawkit.reading.confirm import parse_correction

        if not Path(args.gradebook).is_file():
            raise LawkitError(f"{args.gradebook}: dieses Notenbuch gibt es nicht; erwartet die Datei "
                              "gradebook.sqlite, die `lawkit grade` angelegt hat")
        with Gradebook(args.gradebook, create=False) as book:
            exercise = with_standards(exercise, book.standards(exercise.id))
            if answer.prose is not None:
                fixes = book.readings(exercise.id, answer.student, answer.fingerprint())
                answer = load_answer(path, library, exercise=exercise,
                                     corrections=tuple(parse_correction(f.correction) for f in fixes))
            result = grade(exercise, answer, library)
            entry = book.current(exercise.id, answer.student)
            regrade = book.regrade_of(entry) if entry is not None and entry.digest == grade_digest(result) \
                else None
        return feedback_handout(result, regrade.text() if regrade is not None else None)
    return feedback_handout(grade(exercise, answer, library))


def handout_of(args: argparse.Namespace, library: Library) -> Handout:
    from lawkit.coursework.loading import find_exercise
    from lawkit.export import exercise_sheet, gutachten_handout, solution_sketch

    if args.kind == "gutachten":
        from lawkit.cli.check import parse_views
        from lawkit.evaluation.evaluate import check

        result = check(library.case(args.case), library, views=parse_views(args.view))
        return gutachten_handout(result, args.style, args.level)
    if args.kind == "feedback":
        return _feedback(args, library)
    exercise = find_exercise(args.exercise, library=library)
    if args.kind == "aufgabe":
        return exercise_sheet(exercise, library)
    return solution_sketch(exercise, library, with_gutachten=args.with_gutachten, level=args.level)


def run(args: argparse.Namespace) -> int:
    from lawkit.export import format_of, handout_bytes, save

    formats = [(Path(out), format_of(out)) for out in args.out]
    handout = handout_of(args, library_from(args))
    files = [(target, fmt, handout_bytes(handout, fmt)) for target, fmt in formats]
    for target, fmt, data in files:
        try:
            save(handout, target, data)
        except OSError as exc:  # name the target, not the temporary file beside it
            reason = {**_ERRNO_GERMAN, errno.EEXIST: "ein Teil des Pfads ist eine Datei, kein Ordner"}.get(
                exc.errno or 0, exc.strerror or type(exc).__name__)
            raise LawkitError(f"{target}: lässt sich nicht schreiben ({reason}); erwartet einen "
                              "beschreibbaren Ordner mit freiem Speicherplatz") from None
        print(f"{target}: {handout.title} ({fmt.upper()}, {len(data)} Bytes)")
    return 0
