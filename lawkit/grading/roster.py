"""The Teilnehmerliste (roster): who is who across the hub, the grader and the LMS.

A CSV file the teacher keeps (UTF-8; comma or semicolon, as spreadsheet programs write it)
with a header row. Columns, in any order (names case-insensitive):

| column | meaning |
|---|---|
| `matrikelnummer` | required: the student id the grader and the LMS use |
| `hub_user` | the student's JupyterHub user name (the collector checks answers against it) |
| `nachname`, `vorname` | for the ILIAS multi-feedback folders |
| `login` | the LMS login (ILIAS) |
| `ilias_id` | the ILIAS user id (the number at the end of the multi-feedback folder) |
| `moodle_id` | the Moodle participant id ("Teilnehmer/in 123456" in the grading worksheet) |

Every problem names the file, the line, the column and what was expected.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from lawkit.errors import AuthoringError
from lawkit.grading.answers import STUDENT_ID

MAX_ROSTER_BYTES = 5_000_000
COLUMNS = ("matrikelnummer", "hub_user", "nachname", "vorname", "login", "ilias_id", "moodle_id")
_ALIASES = {"benutzer": "hub_user", "hub-user": "hub_user", "matrikel": "matrikelnummer",
            "matrikel-nr.": "matrikelnummer", "matrikelnr": "matrikelnummer"}


@dataclass(frozen=True, slots=True)
class Person:
    matrikelnummer: str
    hub_user: str | None = None
    nachname: str | None = None
    vorname: str | None = None
    login: str | None = None
    ilias_id: str | None = None
    moodle_id: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Roster:
    file: str
    people: tuple[Person, ...]
    by_student: Mapping[str, Person]
    by_hub_user: Mapping[str, Person]

    def student_of(self, hub_user: str) -> str | None:
        person = self.by_hub_user.get(hub_user)
        return person.matrikelnummer if person is not None else None


def read_roster_text(file: str, text: str) -> Roster:
    """A roster from its text (named `file` in messages)."""
    if not text.strip():
        raise AuthoringError(file, "", "die Teilnehmerliste ist leer; erwartet eine Kopfzeile mit "
                                       "mindestens der Spalte matrikelnummer")
    first = text.splitlines()[0]
    dialect = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=dialect)
    header_raw = next(reader)
    header = [_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header_raw]
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise AuthoringError(file, "", f"unbekannte Spalte {unknown[0]!r}; erwartet Spalten aus "
                                       f"{', '.join(COLUMNS)}", 1)
    if "matrikelnummer" not in header:
        raise AuthoringError(file, "", "die Spalte matrikelnummer fehlt; erwartet eine Kopfzeile mit "
                                       "mindestens der Spalte matrikelnummer", 1)
    people: list[Person] = []
    by_student: dict[str, Person] = {}
    by_hub: dict[str, Person] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise AuthoringError(file, "", f"die Zeile hat {len(row)} Spalten, die Kopfzeile "
                                           f"{len(header)}; erwartet gleich viele", line)
        values = {h: (row[i].strip() if i < len(row) else "") or None for i, h in enumerate(header) if h}
        student = values.get("matrikelnummer")
        if not student or not STUDENT_ID.fullmatch(student):
            raise AuthoringError(file, "matrikelnummer", f"{student!r} ist keine gültige Matrikelnummer; "
                                                         "erwartet 1 bis 40 Buchstaben, Ziffern, '_' "
                                                         "oder '-'", line)
        if student in by_student:
            raise AuthoringError(file, "matrikelnummer", f"die Matrikelnummer {student} steht schon in "
                                                         f"Zeile {by_student[student].line}; erwartet "
                                                         "jede Person einmal", line)
        person = Person(**{k: v for k, v in values.items() if k in COLUMNS}, line=line)  # type: ignore[arg-type]  # required columns checked above
        hub = person.hub_user
        if hub is not None and hub in by_hub:
            raise AuthoringError(file, "hub_user", f"der Hub-Benutzer {hub} steht schon in Zeile "
                                                   f"{by_hub[hub].line}; erwartet jeden Benutzer einmal",
                                 line)
        people.append(person)
        by_student[student] = person
        if hub is not None:
            by_hub[hub] = person
    return Roster(file, tuple(people), MappingProxyType(by_student), MappingProxyType(by_hub))


def load_roster(path: Path | str) -> Roster:
    """Read the roster file (see the module's docstring)."""
    from lawkit._files import decode_text, read_regular

    raw = read_regular(path, limit=MAX_ROSTER_BYTES, what="die Teilnehmerliste (CSV)")
    text, _ = decode_text(raw, str(path), legacy=True)
    try:
        return read_roster_text(str(path), text)
    except csv.Error as exc:
        raise AuthoringError(str(path), "", f"keine lesbare CSV-Datei ({exc}); erwartet eine Tabelle "
                                            "mit Kopfzeile, durch Komma oder Semikolon getrennt") from None
