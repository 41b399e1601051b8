"""Collecting the class's answers from the students' homes (deploy/collect_answers.py): nothing
in a home is trusted, and every answer is tied to its hub user, so no student can file an answer
under another student's Matrikelnummer or push an old one aside with a forged time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
sys.path.insert(0, str(DEPLOY))

from collect_answers import CollectError, collect_answers  # noqa: E402

from lawkit.grading.roster import load_roster  # noqa: E402

EXERCISE = "e01_geheimnis"


def _answer(student: str, **extra: str) -> str:
    return json.dumps({"exercise": EXERCISE, "student": student, "norms": [], **extra}, ensure_ascii=False)


@pytest.fixture
def roster(tmp_path):
    path = tmp_path / "teilnehmer.csv"
    path.write_text("hub_user;matrikelnummer;nachname;vorname\nanna;1001;A;Anna\nben;1002;B;Ben\n"
                    "carla;1003;C;Carla\ndora;1004;D;Dora\nemil;1005;E;Emil\n", encoding="utf-8")
    return load_roster(path)


def _homes_with_answers(tmp_path: Path) -> Path:
    homes = tmp_path / "homes"
    for user, student in (("anna", "1001"), ("ben", "1002")):
        answers = homes / user / "exercises" / "answers"
        answers.mkdir(parents=True)
        (answers / f"{EXERCISE}.json").write_text(_answer(student))
    (homes / "carla" / "exercises").mkdir(parents=True)  # no answer yet
    return homes


def test_collect_copies_each_answer_to_a_file_named_by_the_matrikelnummer(tmp_path, roster):
    homes = _homes_with_answers(tmp_path)
    (homes / "anna/exercises/answers/e02_haftung.json").write_text(_answer("1001"))  # another exercise
    out = tmp_path / "abgaben"
    report = collect_answers(EXERCISE, homes, out, roster)
    assert [(c.student, c.path.name) for c in report.collected] == [("anna", "1001.json"), ("ben", "1002.json")]
    assert report.missing == ("carla",)
    assert report.problems == ()
    assert sorted(p.name for p in out.iterdir()) == ["1001.json", "1002.json"]
    assert json.loads((out / "1002.json").read_text())["student"] == "1002"


def test_an_answer_under_another_students_matrikelnummer_is_refused(tmp_path, roster):
    homes = _homes_with_answers(tmp_path)
    ben = homes / "ben/exercises/answers" / f"{EXERCISE}.json"
    ben.write_text(_answer("1001", submitted="2099-01-01T00:00:00"))  # Ben files as Anna
    report = collect_answers(EXERCISE, homes, tmp_path / "abgaben", roster)
    assert [c.student for c in report.collected] == ["anna"]
    assert [(p.student, p.reason) for p in report.problems] == [
        ("ben", "die Antwort nennt die Matrikelnummer '1001', zum Hub-Benutzer ben gehört aber '1002'; "
                "nicht eingesammelt (eine Abgabe unter fremder Matrikelnummer)")]


def test_a_future_timestamp_is_refused(tmp_path, roster):
    homes = _homes_with_answers(tmp_path)
    (homes / "ben/exercises/answers" / f"{EXERCISE}.json").write_text(
        _answer("1002", submitted="2099-01-01T00:00:00"))
    report = collect_answers(EXERCISE, homes, tmp_path / "abgaben", roster)
    assert [(p.student, p.reason) for p in report.problems] == [
        ("ben", "submitted liegt in der Zukunft (2099-01-01T00:00:00); nicht eingesammelt – erwartet den "
                "Zeitpunkt der Abgabe")]


def test_without_a_roster_the_hub_user_is_the_matrikelnummer(tmp_path):
    homes = tmp_path / "homes"
    for user, student in (("1001", "1001"), ("1002", "1001")):
        answers = homes / user / "exercises" / "answers"
        answers.mkdir(parents=True)
        (answers / f"{EXERCISE}.json").write_text(_answer(student))
    report = collect_answers(EXERCISE, homes, tmp_path / "abgaben")
    assert [c.path.name for c in report.collected] == ["1001.json"]
    assert [p.student for p in report.problems] == ["1002"]


def test_a_hub_user_missing_from_the_roster_is_refused(tmp_path, roster):
    homes = _homes_with_answers(tmp_path)
    (homes / "fremd/exercises/answers").mkdir(parents=True)
    (homes / "fremd/exercises/answers" / f"{EXERCISE}.json").write_text(_answer("9999"))
    report = collect_answers(EXERCISE, homes, tmp_path / "abgaben", roster)
    assert [(p.student, p.reason) for p in report.problems] == [
        ("fremd", f"der Hub-Benutzer fremd steht nicht in der Teilnehmerliste ({roster.file}); nicht "
                  "eingesammelt")]


def test_an_unreadable_answer_is_collected_for_the_grader_to_name(tmp_path, roster):
    homes = _homes_with_answers(tmp_path)
    (homes / "ben/exercises/answers" / f"{EXERCISE}.json").write_text("{kaputt")
    report = collect_answers(EXERCISE, homes, tmp_path / "abgaben", roster)
    assert [c.path.name for c in report.collected] == ["1001.json", "1002.json"]


def test_collect_refuses_a_link_to_another_students_answer(tmp_path, roster):
    homes = _homes_with_answers(tmp_path)
    mine = homes / "ben/exercises/answers" / f"{EXERCISE}.json"
    mine.unlink()
    mine.symlink_to(homes / "anna/exercises/answers" / f"{EXERCISE}.json")
    report = collect_answers(EXERCISE, homes, tmp_path / "abgaben", roster)
    assert [c.student for c in report.collected] == ["anna"]
    assert [(p.student, p.reason) for p in report.problems] == [
        ("ben", "exercises/answers/e01_geheimnis.json ist ein symbolischer Link oder nicht lesbar; übersprungen")
    ]


def test_collect_refuses_linked_folders_and_odd_files(tmp_path, roster):
    homes = _homes_with_answers(tmp_path)
    shutil.rmtree(homes / "ben/exercises")
    (homes / "ben/exercises").symlink_to(homes / "anna/exercises")
    (homes / "carla/exercises/answers").mkdir()
    os.mkfifo(homes / "carla/exercises/answers" / f"{EXERCISE}.json")  # would block a naive reader
    (homes / "dora/exercises/answers").mkdir(parents=True)
    (homes / "dora/exercises/answers" / f"{EXERCISE}.json").write_bytes(b" " * 1_000_001)
    (homes / "emil/exercises/answers").mkdir(parents=True)
    (homes / "emil/exercises/answers" / f"{EXERCISE}.json").write_text(_answer("1005"))
    (homes / "emil/exercises/answers" / f"{EXERCISE}.yaml").write_text("student: '1005'\n")
    (homes / "-rf Name").mkdir()
    (homes / "link-home").symlink_to(homes / "anna")
    out = tmp_path / "abgaben"
    report = collect_answers(EXERCISE, homes, out, roster)
    assert [c.student for c in report.collected] == ["anna"]
    assert dict((p.student, p.reason) for p in report.problems) == {
        "-rf Name": "kein gültiger Benutzername; übersprungen",
        "ben": "exercises/ ist kein echter Ordner (symbolischer Link oder Datei); übersprungen",
        "carla": "exercises/answers/e01_geheimnis.json ist keine gewöhnliche Datei; übersprungen",
        "dora": "exercises/answers/e01_geheimnis.json ist größer als 1 MB (1000001 Bytes); übersprungen",
        "emil": "mehrere Antwortdateien (e01_geheimnis.json, e01_geheimnis.yaml); bitte eine löschen lassen",
        "link-home": "link-home/ ist kein echter Ordner (symbolischer Link oder Datei); übersprungen",
    }
    assert sorted(p.name for p in out.iterdir()) == ["1001.json"]


def test_collect_refuses_bad_usage(tmp_path):
    homes = _homes_with_answers(tmp_path)
    with pytest.raises(CollectError, match=r"ungültige Aufgaben-ID '\.\./x'"):
        collect_answers("../x", homes, tmp_path / "abgaben")
    with pytest.raises(CollectError, match="der Zielordner liegt in"):
        collect_answers(EXERCISE, homes, homes / "anna" / "abgaben")
    with pytest.raises(CollectError, match="kein Ordner"):
        collect_answers(EXERCISE, tmp_path / "gibt-es-nicht", tmp_path / "abgaben")
    assert not (homes / "anna" / "abgaben").exists()


def test_collect_command_line_exit_codes(tmp_path, roster):
    homes = _homes_with_answers(tmp_path)
    script = [sys.executable, str(DEPLOY / "collect_answers.py"), EXERCISE, "--homes", str(homes),
              "--roster", roster.file]
    done = subprocess.run([*script, "--out", str(tmp_path / "ok")], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"2 Antwort(en) nach {tmp_path / 'ok'}, 1 ohne Antwort, 0 übersprungen"
    (homes / "ben/exercises/answers" / f"{EXERCISE}.yaml").write_text("student: '1002'\n")
    done = subprocess.run([*script, "--out", str(tmp_path / "bad")], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "übersprungen  ben: mehrere Antwortdateien" in done.stderr
    done = subprocess.run([*script, "--out", str(homes / "x")], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    bad_roster = tmp_path / "kaputt.csv"
    bad_roster.write_text("name;matrikel\nx;1\n", encoding="utf-8")
    done = subprocess.run([*script[:-1], str(bad_roster), "--out", str(tmp_path / "r")], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 2
    assert done.stderr == (f"collect_answers: {bad_roster}:1: unbekannte Spalte 'name'; erwartet Spalten aus "
                           "matrikelnummer, hub_user, nachname, vorname, login, ilias_id, moodle_id\n")


def test_answers_saved_by_the_form_are_collected_and_graded(tmp_path, roster):
    """The teacher's whole path: the real answer form saves into two homes, a third student
    links to another's answer, collect_answers gathers, `lawkit grade` grades exactly two."""
    import csv

    from lawkit.cli import main as lawkit_main
    from lawkit.exercises import answer_form

    homes = tmp_path / "homes"
    for user, student in (("anna", "1001"), ("ben", "1002")):
        form = answer_form(EXERCISE, answers_dir=homes / user / "exercises" / "answers")
        form.student.value = student
        form.norm_selector.value = ("stgb_203_2_1",)
        form.norm_result["stgb_203_2_1"].value = "erfüllt"
        form.save()
    (homes / "carla/exercises/answers").mkdir(parents=True)
    (homes / "carla/exercises/answers" / f"{EXERCISE}.json").symlink_to(
        homes / "anna/exercises/answers" / f"{EXERCISE}.json")
    report = collect_answers(EXERCISE, homes, tmp_path / "abgaben", roster)
    assert [c.student for c in report.collected] == ["anna", "ben"]
    assert [p.student for p in report.problems] == ["carla"]
    assert lawkit_main(["grade", EXERCISE, str(tmp_path / "abgaben"), "--out", str(tmp_path / "noten")]) == 0
    with (tmp_path / "noten" / "grades.csv").open(encoding="utf-8") as handle:
        assert sorted(row["ID number"] for row in csv.DictReader(handle)) == ["1001", "1002"]


# -- Gutachten ------------------------------------------------------------------------------------
GUTACHTEN = ("A. § 203 Abs. 2 S. 1 StGB\n\nR könnte sich nach § 203 Abs. 2 S. 1 StGB strafbar gemacht haben. "
             "Ein Geheimnis liegt vor.\n")


def test_gutachten_are_collected_and_tied_to_their_hub_user(tmp_path, roster):
    """A .md states its Matrikelnummer in the front matter and is checked like a .json; a .txt
    or .docx states none and is collected under the roster's Matrikelnummer of its hub user."""
    import docx

    from lawkit.reading.sources import prose_file

    homes = tmp_path / "homes"
    for user in ("anna", "ben", "carla", "dora", "emil"):
        (homes / user / "exercises" / "answers").mkdir(parents=True)
    answers = {user: homes / user / "exercises" / "answers" for user in ("anna", "ben", "carla", "dora", "emil")}
    (answers["anna"] / f"{EXERCISE}.md").write_text(prose_file(GUTACHTEN, exercise=EXERCISE, student="1001"),
                                                    encoding="utf-8")
    (answers["ben"] / f"{EXERCISE}.md").write_text(prose_file(GUTACHTEN, exercise=EXERCISE, student="1001"),
                                                   encoding="utf-8")  # Ben files as Anna
    (answers["carla"] / f"{EXERCISE}.txt").write_text(GUTACHTEN, encoding="utf-8")
    word = docx.Document()
    word.add_paragraph(GUTACHTEN)
    word.save(str(answers["dora"] / f"{EXERCISE}.docx"))
    (answers["emil"] / f"{EXERCISE}.json").write_text(_answer("1005"))
    (answers["emil"] / f"{EXERCISE}.md").write_text(prose_file(GUTACHTEN, exercise=EXERCISE, student="1005"),
                                                    encoding="utf-8")
    out = tmp_path / "abgaben"
    report = collect_answers(EXERCISE, homes, out, roster)
    assert [(c.student, c.path.name, c.note) for c in report.collected] == [
        ("anna", "1001.md", ""),
        ("carla", "1003.txt", "Gutachten ohne Matrikelnummer in der Datei; eingesammelt unter der "
                              "Matrikelnummer des Hub-Benutzers carla laut Teilnehmerliste"),
        ("dora", "1004.docx", "Gutachten ohne Matrikelnummer in der Datei; eingesammelt unter der "
                              "Matrikelnummer des Hub-Benutzers dora laut Teilnehmerliste"),
    ]
    assert [(p.student, p.reason) for p in report.problems] == [
        ("ben", "die Antwort nennt die Matrikelnummer '1001', zum Hub-Benutzer ben gehört aber '1002'; "
                "nicht eingesammelt (eine Abgabe unter fremder Matrikelnummer)"),
        ("emil", f"mehrere Antwortdateien ({EXERCISE}.json, {EXERCISE}.md); bitte eine löschen lassen"),
    ]
    from lawkit.cli import main as lawkit_main

    assert lawkit_main(["grade", EXERCISE, str(out), "--out", str(tmp_path / "noten")]) == 0
    import csv

    with (tmp_path / "noten" / "grades.csv").open(encoding="utf-8") as handle:
        assert sorted(row["ID number"] for row in csv.DictReader(handle)) == ["1001", "1003", "1004"]
    errors = (tmp_path / "noten" / "errors.txt").read_text(encoding="utf-8")
    assert "Matrikelnummer 1003 aus dem Dateinamen übernommen" in errors
    assert "Matrikelnummer 1004 aus dem Dateinamen übernommen" in errors
