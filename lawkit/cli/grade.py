"""`lawkit grade EXERCISE SUBMISSIONS_DIR --out DIR`: grade a class, report every bad file.

Exit code: 0 all submissions graded, 1 some bad or conflicting (reported in DIR/errors.txt and
on stdout), 2 usage error (unknown exercise, missing folder, an output folder that cannot be
written …).
"""

from __future__ import annotations

import argparse

from lawkit.cli import add_library_option, library_from


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "grade", help="bewertet alle Antworten eines Ordners (Feedback, Moodle-CSV, Grafik, Notenbuch)")
    parser.add_argument("exercise", metavar="EXERCISE",
                        help="Aufgaben-ID (aus aufgaben/ des Kursordners, sonst course/) oder der Pfad "
                             "einer Aufgabendatei")
    parser.add_argument("submissions", metavar="SUBMISSIONS_DIR",
                        help="Ordner mit den Antwortdateien (.json, .yaml) und Gutachten (.md, .txt, .docx)")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="Ordner für Feedback, grades.csv, Übersicht, Grafik und Notenbuch")
    parser.add_argument("--gradebook", metavar="PATH",
                        help="SQLite-Notenbuch (Standard: DIR/gradebook.sqlite)")
    parser.add_argument("--roster", metavar="CSV",
                        help="Teilnehmerliste (matrikelnummer, nachname, vorname, login, ilias_id, "
                        "moodle_id …) für die LMS-Feedback-ZIPs")
    parser.add_argument("--moodle-worksheet", metavar="CSV",
                        help="Bewertungstabelle aus der Moodle-Aufgabe: schreibt moodle_feedback.zip")
    parser.add_argument("--ilias-template", metavar="ZIP",
                        help="Multi-Feedback-ZIP aus der ILIAS-Übung: schreibt ilias_multi_feedback.zip")
    parser.add_argument("--timings", action="store_true", help="zeigt, wie lange jeder Schritt dauerte")
    add_library_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lawkit.coursework.loading import find_exercise
    from lawkit.grading.batch import grade_batch
    from lawkit.grading.lms import lms_targets
    from lawkit.grading.roster import load_roster

    library = library_from(args)
    exercise = find_exercise(args.exercise, library=library)
    roster = load_roster(args.roster) if args.roster else None
    lms = lms_targets(roster=roster, moodle_worksheet=args.moodle_worksheet,
                      ilias_template=args.ilias_template)
    report = grade_batch(exercise, args.submissions, args.out, args.gradebook, library=library, lms=lms)
    text = report.text()
    if not args.timings:
        text = "\n".join(line for line in text.splitlines() if not line.startswith("Zeiten: ")) + "\n"
    print(text, end="")
    return report.exit_code
