"""`lawkit gradebook PATH [--student ID] [--exercise ID]`: grades, their history, § 2 averages."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("gradebook", help="show grades, history and averages")
    parser.add_argument("path", metavar="PATH", help="the SQLite gradebook")
    parser.add_argument("--student", metavar="ID", help="only this student (Matrikelnummer)")
    parser.add_argument("--exercise", metavar="ID", help="only this exercise")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lawkit.grading.gradebook import Gradebook
    from lawkit.grading.scale import format_units

    with Gradebook(args.path, create=False) as book:
        entries = book.entries(student=args.student, exercise=args.exercise)
        averages = book.averages(student=args.student, exercise=args.exercise)
    if not entries:
        print("Keine Einträge.")
        return 0
    print("Aufgabe | Matrikelnummer | Eintrag | Art | Punkte | Note | BE | Zeit | Grund")
    for e in entries:
        reason = f" | {e.reason}" if e.reason else " |"
        previous = f" (zu {e.previous})" if e.previous else ""
        print(f"{e.exercise} | {e.student} | {e.id} | {e.kind}{previous} | {e.points} | {e.label} | "
              f"{format_units(e.units)}/{format_units(e.max_units)} | {e.recorded_at}{reason}")
    print()
    print("Durchschnitt nach § 2 JurPrNotSkV (aktuelle Noten; zwei Dezimalstellen, ohne Rundung):")
    for student, (mean, label, count) in averages.items():
        print(f"{student}: {str(mean).replace('.', ',')} Punkte ({label}) aus {count} Aufgabe(n)")
    return 0
