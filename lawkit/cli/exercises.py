"""`lawkit exercises build|check`: generate exercises/ and solutions/ from course/, or verify them."""

from __future__ import annotations

import argparse
import sys

from lawkit.cli import add_kurs_option


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "exercises", help="build the exercise and solution notebooks from course/ (or check them)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    for name, text in (("build", "write exercises/ and solutions/ from the master files"),
                       ("check", "verify that exercises/ and solutions/ match the master files")):
        action = actions.add_parser(name, help=text)
        action.add_argument("--course", metavar="DIR",
                            help="folder of the master files (default: aufgaben/ of the course folder "
                                 "in use, else ./course, else the repository's)")
        add_kurs_option(action)
        action.add_argument("--out", metavar="ROOT",
                            help="folder that receives exercises/ and solutions/ (default: the "
                                 "folder that holds the course folder)")
        action.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lawkit.exercises.generate import build, check_built

    if args.action == "build":
        report = build(args.course, args.out)
        for relative in report.written:
            print(f"wrote      {relative}")
        if report.errors:
            print("nichts geschrieben: erst wenn jede Aufgabendatei fehlerfrei ist, wird gebaut",
                  file=sys.stderr)
        else:
            print(f"{len(report.written)} file(s) written, {len(report.unchanged)} unchanged")
    else:
        report = check_built(args.course, args.out)
        for line in report.differences:
            print(f"stale  {line}", file=sys.stderr)
        if not report.differences:
            print(f"ok     {len(report.unchanged)} generated file(s) match the master files")
    for line in report.errors:
        print(f"error  {line}", file=sys.stderr)
    return 0 if report.ok else 1
