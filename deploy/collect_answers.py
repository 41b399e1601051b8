"""Collect every student's answer to one exercise into one folder, ready for `lawkit grade`.

    python deploy/collect_answers.py e01_geheimnis --homes deploy/.state/homes \
        --roster teilnehmer.csv --out abgaben/e01_geheimnis
    lawkit grade e01_geheimnis abgaben/e01_geheimnis --out noten/e01_geheimnis

HOMES holds one folder per student (named by the hub user); the answer is
HOMES/<user>/exercises/answers/<exercise>.json (or .yaml, as the answer form or the student
wrote it), or a Gutachten: <exercise>.md (as the notebook's Gutachten editor saves it, with
front matter), .txt or .docx. It is copied byte for byte to OUT/<Matrikelnummer>.<suffix>; the
grader validates the rest.

Every answer is tied to its hub user: the Matrikelnummer in the answer (`student`) must be the
one the roster (Teilnehmerliste, `--roster`, columns hub_user and matrikelnummer; see
lawkit.grading.roster) gives for that hub user — without a roster, the hub user name itself
(as with the LMS login, where the hub user name is the Matrikelnummer). An answer filed under
someone else's Matrikelnummer, or with a `submitted` time in the future, is refused and
reported: otherwise a student could replace another student's grade. A .txt or .docx states no
Matrikelnummer (nor a .md without `student` in its front matter): it is collected under the
Matrikelnummer the roster gives for its hub user, and the report says so — the file's name then
tells the grader whose it is.

Students control their homes, so nothing there is trusted: a folder name that is not a valid
hub user name, a symbolic link anywhere on the way (a link to another student's answer or to a
system file), anything but a regular file, a file over 1 MB and two answer files for one
exercise are each reported and skipped; the others are collected. OUT must lie outside HOMES.
Exit code: 0 all fine, 1 some students reported, 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import re
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lawkit import write_atomic
from lawkit.errors import LawkitError
from lawkit.grading.answers import ANSWER_SUFFIXES as _ANSWER_SUFFIXES
from lawkit.grading.answers import identity_of
from lawkit.grading.batch import parse_time
from lawkit.grading.roster import Roster, load_roster

MAX_BYTES = 1_000_000
"""The grader's limit for an answer file (docs/grading-formats.md)."""

ANSWER_SUFFIXES: tuple[str, ...] = _ANSWER_SUFFIXES  # .json .yaml .yml and Gutachten .md .txt .docx
_EXERCISE_ID = re.compile(r"[a-z0-9_]+")
_HOME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
"""A home folder's name, used as the collected file's name: the local hub's user names and
Kubernetes' escaped `{username}` folders; never hidden, never '..', never a path."""


class CollectError(Exception):
    """A usage error (bad exercise id, missing homes folder, OUT inside HOMES)."""


@dataclass(frozen=True, slots=True)
class Collected:
    """One answer copied: the student (hub user name) and the file written under OUT."""

    student: str
    path: Path
    note: str = ""  # e.g. a Gutachten without a Matrikelnummer of its own


@dataclass(frozen=True, slots=True)
class Problem:
    """One student whose answer was not collected, and why (German, for the teacher)."""

    student: str
    reason: str


@dataclass(frozen=True, slots=True)
class CollectReport:
    collected: tuple[Collected, ...]
    missing: tuple[str, ...]
    problems: tuple[Problem, ...]


FUTURE_TOLERANCE = _dt.timedelta(minutes=5)


def collect_answers(exercise: str, homes: Path, out: Path, roster: Roster | None = None,
                    now: _dt.datetime | None = None) -> CollectReport:
    """Copy HOMES/<user>/exercises/answers/<exercise>.{json,yaml,yml} to
    OUT/<Matrikelnummer>.<suffix>, after tying the answer to its hub user."""
    if not _EXERCISE_ID.fullmatch(exercise):
        raise CollectError(f"ungültige Aufgaben-ID {exercise!r}: erwartet [a-z0-9_]+ (z. B. e01_geheimnis)")
    if not homes.is_dir():
        raise CollectError(f"{homes}: kein Ordner (erwartet: der Ordner mit einem Home je Studierendem)")
    homes_real = homes.resolve()
    out_real = out.resolve()
    if out_real == homes_real or out_real.is_relative_to(homes_real):
        raise CollectError(f"{out}: der Zielordner liegt in {homes}; wähle einen Ordner außerhalb der Homes")
    collected: list[Collected] = []
    missing: list[str] = []
    problems: list[Problem] = []
    homes_fd = os.open(homes_real, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for name in sorted(os.listdir(homes_fd)):
            if not _HOME_NAME.fullmatch(name):
                problems.append(Problem(name, "kein gültiger Benutzername; übersprungen"))
                continue
            try:
                found = _read_answer(homes_fd, name, exercise)
            except _Skip as exc:
                problems.append(Problem(name, str(exc)))
                continue
            if found is None:
                missing.append(name)
                continue
            suffix, data = found
            try:
                student, note = _identity(name, suffix, data, roster, now or _dt.datetime.now(_dt.UTC))
            except _Skip as exc:
                problems.append(Problem(name, str(exc)))
                continue
            collected.append(Collected(name, write_atomic(out_real / f"{student}{suffix}", data), note))
    finally:
        os.close(homes_fd)
    return CollectReport(tuple(collected), tuple(missing), tuple(problems))


class _Skip(Exception):
    """This student's answer is not collected (the message says why)."""


def _identity(user: str, suffix: str, data: bytes, roster: Roster | None, now: _dt.datetime
              ) -> tuple[str, str]:
    """The Matrikelnummer the answer is collected under, and a note for the teacher; _Skip if it
    is not this user's."""
    expected = roster.student_of(user) if roster is not None else user
    if expected is None:
        where = roster.file if roster is not None else ""
        raise _Skip(f"der Hub-Benutzer {user} steht nicht in der Teilnehmerliste ({where}); nicht "
                    "eingesammelt")
    try:
        student, submitted = identity_of(f"{user}/exercises/answers/…{suffix}", data)
    except LawkitError:
        return expected, ""  # unreadable: collected under the user's own number; the grader names the fault
    note = ""
    if student is None and suffix in (".md", ".txt", ".docx"):
        note = (f"Gutachten ohne Matrikelnummer in der Datei; eingesammelt unter der Matrikelnummer des "
                f"Hub-Benutzers {user}" + (" laut Teilnehmerliste" if roster is not None else ""))
    if student is not None and student != expected:
        raise _Skip(f"die Antwort nennt die Matrikelnummer {student!r}, zum Hub-Benutzer {user} gehört aber "
                    f"{expected!r}; nicht eingesammelt (eine Abgabe unter fremder Matrikelnummer)")
    stamp = parse_time(submitted)
    if stamp is not None:
        local = now.astimezone()
        reference = local.replace(tzinfo=None) if stamp.tzinfo is None else local
        if stamp > reference + FUTURE_TOLERANCE:
            raise _Skip(f"submitted liegt in der Zukunft ({submitted}); nicht eingesammelt – erwartet den "
                        "Zeitpunkt der Abgabe")
    return expected, note


def _read_answer(homes_fd: int, user: str, exercise: str) -> tuple[str, bytes] | None:
    """The suffix and bytes of the user's answer file, None if there is none."""
    found: list[tuple[str, bytes]] = []
    opened: list[int] = []
    try:
        parent = homes_fd
        steps = ((user, f"{user}/"), ("exercises", "exercises/"), ("answers", "exercises/answers/"))
        for name, shown in steps:
            folder = _open_folder(parent, name, shown)
            if folder is None:
                return None
            opened.append(folder)
            parent = folder
        for suffix in ANSWER_SUFFIXES:
            data = _read_regular(parent, f"{exercise}{suffix}")
            if data is not None:
                found.append((suffix, data))
    finally:
        for folder in opened:
            os.close(folder)
    if len(found) > 1:
        names = ", ".join(f"{exercise}{suffix}" for suffix, _ in found)
        raise _Skip(f"mehrere Antwortdateien ({names}); bitte eine löschen lassen")
    return found[0] if found else None


def _open_folder(parent_fd: int, name: str, shown: str) -> int | None:
    """Open name in parent_fd as a folder without following a link; None if it does not exist."""
    try:
        return os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent_fd)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _Skip(f"{shown} ist kein echter Ordner (symbolischer Link oder Datei); übersprungen") from exc


def _read_regular(folder_fd: int, name: str) -> bytes | None:
    """The bytes of a regular file (no link, no FIFO, at most MAX_BYTES); None if absent."""
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder_fd)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _Skip(f"exercises/answers/{name} ist ein symbolischer Link oder nicht lesbar; übersprungen") \
            from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Skip(f"exercises/answers/{name} ist keine gewöhnliche Datei; übersprungen")
        if info.st_size > MAX_BYTES:
            raise _Skip(f"exercises/answers/{name} ist größer als 1 MB ({info.st_size} Bytes); übersprungen")
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise _Skip(f"exercises/answers/{name} ist größer als 1 MB; übersprungen")
        return data
    finally:
        os.close(fd)


def main(argv: Sequence[str] | None = None) -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(
        prog="deploy/collect_answers.py",
        description="Sammelt die Antworten aller Studierenden zu einer Aufgabe in einem Ordner "
        "(eine Datei je Studierendem), bereit für `lawkit grade`.",
    )
    parser.add_argument("exercise", help="Aufgaben-ID, z. B. e01_geheimnis")
    parser.add_argument("--homes", type=Path, default=here / ".state" / "homes",
                        help="Ordner mit einem Home je Studierendem (Standard deploy/.state/homes)")
    parser.add_argument("--out", type=Path, required=True, help="Zielordner (außerhalb der Homes)")
    parser.add_argument("--roster", type=Path,
                        help="Teilnehmerliste (CSV mit den Spalten hub_user und matrikelnummer); ohne sie "
                        "muss der Hub-Benutzername die Matrikelnummer sein")
    args = parser.parse_args(argv)
    try:
        roster = load_roster(args.roster) if args.roster else None
        report = collect_answers(args.exercise, args.homes, args.out, roster)
    except (CollectError, LawkitError) as exc:
        print(f"collect_answers: {exc}", file=sys.stderr)
        return 2
    for item in report.collected:
        print(f"eingesammelt  {item.student}: {item.path}" + (f" ({item.note})" if item.note else ""))
    for student in report.missing:
        print(f"keine Antwort {student}")
    for problem in report.problems:
        print(f"übersprungen  {problem.student}: {problem.reason}", file=sys.stderr)
    print(f"{len(report.collected)} Antwort(en) nach {args.out}, {len(report.missing)} ohne Antwort, "
          f"{len(report.problems)} übersprungen")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
