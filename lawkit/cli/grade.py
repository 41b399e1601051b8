"""`lawkit grade EXERCISE SUBMISSIONS_DIR --out DIR`: grade a class, report every bad file.

Exit code: 0 all submissions graded, 1 some bad or conflicting (reported in DIR/errors.txt and
on stdout), 2 usage error (unknown exercise, missing folder …).
"""

from __future__ import annotations

import argparse

from lawkit.cli import add_library_option, library_from


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "grade", help="grade every answer of a folder (feedback, Moodle CSV, plot, gradebook)")
    parser.add_argument("exercise", metavar="EXERCISE",
                        help="exercise id in course/ or the path of a master file")
    parser.add_argument("submissions", metavar="SUBMISSIONS_DIR",
                        help="folder with the answer files (.json, .yaml)")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="folder for feedback, grades.csv, summary, plot and gradebook")
    parser.add_argument("--gradebook", metavar="PATH",
                        help="SQLite gradebook to record into (default: DIR/gradebook.sqlite)")
    parser.add_argument("--timings", action="store_true", help="print how long each step took")
    add_library_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lawkit.exercises.loading import find_exercise
    from lawkit.grading.batch import grade_batch

    library = library_from(args)
    exercise = find_exercise(args.exercise, library=library)  # type: ignore[arg-type]
    report = grade_batch(exercise, args.submissions, args.out, args.gradebook,
                         library=library)  # type: ignore[arg-type]
    text = report.text()
    if not args.timings:
        text = "\n".join(line for line in text.splitlines() if not line.startswith("Zeiten: ")) + "\n"
    print(text, end="")
    return report.exit_code
