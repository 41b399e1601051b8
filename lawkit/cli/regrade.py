"""`lawkit regrade EXERCISE ANSWER_FILE --gradebook PATH --reason TEXT [--out DIR]`: Überdenken.

The answer is graded again (against the exercise as it stands now) and recorded as an
Überdenken of the student's current grade; the earlier grade stays in the gradebook, and the
output shows points before and after, the deductions removed and added, and the reason.
"""

from __future__ import annotations

import argparse

from lawkit.cli import add_library_option, library_from


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("regrade", help="reconsider one grade after an objection")
    parser.add_argument("exercise", metavar="EXERCISE",
                        help="exercise id in course/ or the path of a master file")
    parser.add_argument("answer", metavar="ANSWER_FILE", help="the student's answer file")
    parser.add_argument("--gradebook", required=True, metavar="PATH",
                        help="the gradebook that holds the earlier grade")
    parser.add_argument("--reason", required=True, metavar="TEXT",
                        help="the teacher's reason (e.g. the objection and its assessment)")
    parser.add_argument("--out", metavar="DIR",
                        help="write the new feedback (with the Überdenken) to DIR/feedback/")
    add_library_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from lawkit._atomic import write_atomic
    from lawkit.exercises.loading import find_exercise
    from lawkit.grading.answers import load_answer
    from lawkit.grading.batch import FEEDBACK_DIR, inside
    from lawkit.grading.feedback import feedback_markdown, html_page
    from lawkit.grading.gradebook import Gradebook
    from lawkit.grading.grader import grade

    library = library_from(args)
    exercise = find_exercise(args.exercise, library=library)  # type: ignore[arg-type]
    answer = load_answer(args.answer, library)  # type: ignore[arg-type]
    result = grade(exercise, answer, library)  # type: ignore[arg-type]
    with Gradebook(args.gradebook, create=False) as book:
        regrade = book.regrade(result, args.reason, source=str(args.answer))
    account = regrade.text()
    print(account, end="")
    if args.out:
        out = Path(args.out)
        markdown = feedback_markdown(result) + "\n" + account
        write_atomic(inside(out, FEEDBACK_DIR, f"{answer.student}.md"), markdown)
        page = html_page(result).replace(
            "</body>", f"<pre>{_escape(account)}</pre>\n</body>")
        write_atomic(inside(out, FEEDBACK_DIR, f"{answer.student}.html"), page)
        print(f"Feedback: {inside(out, FEEDBACK_DIR, answer.student + '.md')}")
    return 0


def _escape(text: str) -> str:
    import html

    return html.escape(text)
