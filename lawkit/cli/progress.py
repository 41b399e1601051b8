"""`lawkit progress FOLDER [--out DIR] [--top N]`: a class's progress files summed up per
Prüfungspunkt, weakest first – a table, and with --out a CSV and a plot (counts only, no names).

Exit code: 0 every file read, 1 some files skipped (each named on stderr with its reason),
2 usage error (no such folder, an output folder that cannot be written).
"""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "progress", help="wertet die gesammelten Lernstände einer Gruppe aus (schwächste Prüfungspunkte)")
    parser.add_argument("folder", metavar="FOLDER",
                        help="Ordner mit den gesammelten Fortschrittsdateien (*.sqlite, auch darunter)")
    parser.add_argument("--out", metavar="DIR",
                        help="schreibt DIR/fortschritt.csv und DIR/schwaechste_pruefungspunkte.png")
    parser.add_argument("--top", type=int, default=10, metavar="N",
                        help="so viele Prüfungspunkte in Tabelle und Grafik (Standard: 10)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from lawkit._atomic import write_many_atomic
    from lawkit.errors import LawkitError
    from lawkit.training.classreport import CSV_NAME, PLOT_NAME, class_report

    if args.top < 1:
        raise LawkitError(f"--top {args.top}: erwartet eine Zahl ab 1")
    report = class_report(args.folder)
    for path, reason in report.skipped:
        message = reason if reason.startswith(path) else f"{path}: {reason}"
        print(f"übersprungen: {message}", file=sys.stderr)
    print(report.table(args.top), end="")
    if args.out:
        out = Path(args.out)
        write_many_atomic([(out / CSV_NAME, report.csv()), (out / PLOT_NAME, report.plot_png(args.top))])
        print(f"\nGeschrieben: {out / CSV_NAME}, {out / PLOT_NAME} (nur Anzahlen, keine Namen)")
    return 1 if report.skipped else 0
