"""Feedback files for the LMS: a Moodle assignment "feedback files" ZIP and an ILIAS exercise
multi-feedback ZIP, so that every student finds the complete feedback in the LMS.

Both LMS match a file to a person by their own ids, which lawkit cannot know by itself:
* Moodle reads folders named `<Full name>_<participant id>_assignfeedback_file/` (the
  participant id is the number of "Teilnehmer/in 123456" in the grading worksheet). lawkit
  takes the ids from the worksheet the teacher downloads (Bewertung → "Bewertungstabelle
  herunterladen"; it needs the identity field "ID-Nummer" = Matrikelnummer) or from the
  roster's `moodle_id` column.
* ILIAS reads folders named `Lastname_Firstname_Login_ID/`. lawkit takes them from the
  multi-feedback ZIP the teacher downloads in ILIAS (matched by the login: the roster's
  `login`, else the Matrikelnummer itself) or builds them from the roster's `nachname`,
  `vorname`, `login` and `ilias_id`.
A graded student whom the LMS data does not name is reported (hinweis) and left out of the ZIP.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from lawkit.errors import AuthoringError

if TYPE_CHECKING:
    from lawkit.grading.batch import Problem
    from lawkit.grading.roster import Roster

MOODLE = "moodle_feedback.zip"
ILIAS = "ilias_multi_feedback.zip"
MAX_WORKSHEET_BYTES = 10_000_000
MAX_TEMPLATE_BYTES = 200_000_000
_IDENTIFIER = ("identifier", "id", "kennung")
_ID_NUMBER = ("id number", "id-nummer", "idnummer", "matrikelnummer")
_FULL_NAME = ("full name", "vollständiger name", "name")
_ILIAS_FOLDER = re.compile(r"^(?P<rest>[^_/]+_[^/]+_[^/]+)_(?P<id>\d+)$")  # Nachname_Vorname_Login_ID
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


@dataclass(frozen=True)
class LmsTargets:
    """Where each student's feedback goes in each LMS ZIP."""

    moodle: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # student -> (full name, id)
    ilias: Mapping[str, str] = field(default_factory=dict)  # student -> folder path in the ZIP
    ilias_folders: tuple[tuple[str, str], ...] = ()  # (folder name without _ID, folder) of a template
    logins: Mapping[str, str] = field(default_factory=dict)  # student -> LMS login (roster)
    sources: Mapping[str, str] = field(default_factory=dict)  # zip name -> where the ids came from

    def ilias_folder(self, student: str) -> str | None:
        """The student's folder: from a downloaded template (the folder ending with the
        student's login, else with the Matrikelnummer), or built from the roster."""
        login = self.logins.get(student, student)
        for rest, folder in self.ilias_folders:
            if rest.endswith(f"_{login}"):
                return folder
        return self.ilias.get(student)

    def wants(self, zip_name: str) -> bool:
        return zip_name in self.sources

    def entry_name(self, zip_name: str, student: str, name: str | None) -> str | None:
        if zip_name == MOODLE and student in self.moodle:
            full_name, participant = self.moodle[student]
            folder = _safe(full_name).replace("_", " ").strip() or student
            return f"{folder}_{participant}_assignfeedback_file/Bewertung_{student}.html"
        ilias = self.ilias_folder(student) if zip_name == ILIAS else None
        return f"{ilias}/Bewertung_{student}.html" if ilias is not None else None

    def unmatched(self, zip_name: str, students: Iterable[str]) -> list[Problem]:
        from lawkit.grading.batch import Problem

        return [Problem(self.sources[zip_name], f"Matrikelnummer {s}: nicht in den LMS-Daten; ihr "
                                                f"Feedback fehlt in {zip_name} (in grades.csv ist es "
                                                "enthalten)", "hinweis")
                for s in students if self.entry_name(zip_name, s, None) is None]


def _safe(text: str) -> str:
    return _UNSAFE.sub("", text)


def lms_targets(*, roster: Roster | None = None, moodle_worksheet: Path | str | None = None,
                ilias_template: Path | str | None = None) -> LmsTargets | None:
    """The targets from whatever the teacher gave; None where nothing names LMS ids."""
    moodle: dict[str, tuple[str, str]] = {}
    ilias: dict[str, str] = {}
    folders: tuple[tuple[str, str], ...] = ()
    sources: dict[str, str] = {}
    if roster is not None:
        for person in roster.people:
            full = " ".join(p for p in (person.vorname, person.nachname) if p) or person.matrikelnummer
            if person.moodle_id:
                moodle[person.matrikelnummer] = (full, person.moodle_id)
                sources[MOODLE] = roster.file
            if person.nachname and person.vorname and person.login and person.ilias_id:
                ilias[person.matrikelnummer] = _safe(
                    f"{person.nachname}_{person.vorname}_{person.login}_{person.ilias_id}")
                sources[ILIAS] = roster.file
    if moodle_worksheet is not None:
        moodle.update(read_moodle_worksheet(moodle_worksheet))
        sources[MOODLE] = str(moodle_worksheet)
    if ilias_template is not None:
        folders = read_ilias_template(ilias_template)
        sources[ILIAS] = str(ilias_template)
    logins = {p.matrikelnummer: p.login for p in roster.people if p.login} if roster else {}
    return LmsTargets(moodle, ilias, folders, logins, sources) if sources else None


def read_moodle_worksheet(path: Path | str) -> dict[str, tuple[str, str]]:
    """{Matrikelnummer: (full name, participant id)} from Moodle's grading worksheet (CSV)."""
    from lawkit._files import decode_text, read_regular

    file = str(path)
    text, _ = decode_text(read_regular(path, limit=MAX_WORKSHEET_BYTES, what="die Moodle-"
                                       "Bewertungstabelle (CSV)"), file, legacy=True)
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise AuthoringError(file, "", f"keine lesbare CSV-Datei ({exc}); erwartet die Bewertungstabelle "
                                       "aus Moodle") from None
    if not rows:
        raise AuthoringError(file, "", "die Datei ist leer; erwartet die Bewertungstabelle aus Moodle")
    header = [h.strip().lower() for h in rows[0]]

    def column(names: tuple[str, ...], what: str) -> int:
        for name in names:
            if name in header:
                return header.index(name)
        raise AuthoringError(file, "", f"die Spalte „{what}“ fehlt; erwartet die Bewertungstabelle aus "
                                       "Moodle mit dem Identitätsfeld ID-Nummer (Matrikelnummer)", 1)

    id_col = column(_IDENTIFIER, "Identifier/Kennung")
    number_col = column(_ID_NUMBER, "ID number/ID-Nummer")
    name_col = column(_FULL_NAME, "Full name/Vollständiger Name")
    out: dict[str, tuple[str, str]] = {}
    for line, row in enumerate(rows[1:], start=2):
        if len(row) <= max(id_col, number_col, name_col):
            continue
        digits = "".join(c for c in row[id_col] if c.isdigit())
        student = row[number_col].strip()
        if not digits or not student:
            continue
        if student in out:
            raise AuthoringError(file, "", f"die ID-Nummer {student} steht zweimal in der Tabelle; "
                                           "erwartet jede Person einmal", line)
        out[student] = (row[name_col].strip(), digits)
    return out


def read_ilias_template(path: Path | str) -> tuple[tuple[str, str], ...]:
    """(folder name without its _ID, folder path) of every `Lastname_Firstname_Login_ID`
    folder in the multi-feedback ZIP ILIAS offers for download."""
    file = str(path)
    from lawkit._files import read_regular

    data = read_regular(path, limit=MAX_TEMPLATE_BYTES, what="die Multi-Feedback-ZIP-Datei aus ILIAS")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        raise AuthoringError(file, "", "keine ZIP-Datei; erwartet die Multi-Feedback-Datei, die ILIAS "
                                       "in der Übung zum Herunterladen anbietet") from None
    folders: dict[str, str] = {}
    for name in names:
        parts = PurePosixPath(name).parts
        if name.startswith("/") or ".." in parts:
            continue
        for depth in range(len(parts) - (0 if name.endswith("/") else 1)):
            match = _ILIAS_FOLDER.match(parts[depth])
            if match is not None:
                folders.setdefault("/".join(parts[: depth + 1]), match.group("rest"))
    if not folders:
        raise AuthoringError(file, "", "die ZIP-Datei enthält keine Ordner der Form "
                                       "Nachname_Vorname_Login_ID; erwartet die Multi-Feedback-Datei aus "
                                       "ILIAS")
    return tuple((rest, folder) for folder, rest in folders.items())
