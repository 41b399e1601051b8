"""One student's file can never cost the class its grades (issue 11): each hostile submission
found by probing main is reproduced here, and the batch grades every valid answer and names
every bad one in errors.txt with a German reason."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from lawkit.cli import main
from lawkit.exercises import load_exercise
from lawkit.grading import Gradebook, grade_batch
from tests.grading_class import EXERCISE, answer, errors, graded_students, put

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def subs(tmp_path):
    folder = tmp_path / "subs"
    put(folder, "good_1.json", answer("1001"))
    put(folder, "good_2.json", answer("1002"))
    return folder


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def grade_cli(capsys, subs: Path, out: Path, *extra) -> tuple[int, str, str]:
    return run(capsys, "grade", EXERCISE, subs, "--out", out, *extra)


def subprocess_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", "import sys; from lawkit.cli import main; "
                           "sys.exit(main(sys.argv[1:]))", *args], capture_output=True, text=True,
                          env=env, timeout=timeout, check=False)


# -- the four batch killers ---------------------------------------------------------------------
@pytest.mark.parametrize("text", ["vgl. § 100A StPO", "§ 203A StGB", "Art. 34A GG", "§§ 203A, 204",
                                  "§ 2020 bis Abs. i.V.m.", "§0A"])
def test_a_capital_letter_suffix_is_graded_not_a_crash(capsys, subs, tmp_path, text):
    data = answer("1003")
    data["norms"][0]["begruendung"] = f"Nach § 203 StGB strafbar; {text}."
    put(subs, "suffix.json", data)
    out = tmp_path / "out"
    code, stdout, _ = grade_cli(capsys, subs, out)
    assert code == 0, stdout
    assert graded_students(out) == ["1001", "1002", "1003"]
    code, stdout, stderr = run(capsys, "cite", put(tmp_path, "t.txt", text))
    assert code == 0 and "Traceback" not in stderr


def test_a_five_thousand_digit_number_is_reported(capsys, subs, tmp_path):
    put(subs, "big.json", '{"exercise": "g_konkurrenz", "student": "1003", "norms": [],\n "x": '
        + "9" * 5000 + "}")
    out = tmp_path / "out"
    code, _, _ = grade_cli(capsys, subs, out)
    assert code == 1
    assert graded_students(out) == ["1001", "1002"]
    assert errors(out) == [["fehler", f"{subs / 'big.json'}:2",
                            "eine Zahl mit 5000 Ziffern; erwartet Zahlen mit höchstens 50 Ziffern"]]


def test_a_huge_number_in_yaml_is_reported(capsys, subs, tmp_path):
    put(subs, "big.yaml", "exercise: g_konkurrenz\nstudent: '1003'\nnorms: []\nx: " + "9" * 5000 + "\n")
    out = tmp_path / "out"
    grade_cli(capsys, subs, out)
    [[kind, where, reason]] = errors(out)
    assert (kind, where) == ("fehler", f"{subs / 'big.yaml'}:4")
    assert reason.startswith("x: dieser Wert kann nicht gelesen werden ('999")
    assert reason.endswith("...'); erwartet einen Text oder eine Zahl üblicher Länge")


def test_a_yaml_answer_holding_only_a_comment_is_reported(capsys, subs, tmp_path):
    put(subs, "comment.yaml", "# nur ein Kommentar\n")
    out = tmp_path / "out"
    assert grade_cli(capsys, subs, out)[0] == 1
    assert graded_students(out) == ["1001", "1002"]
    assert errors(out) == [["fehler", str(subs / "comment.yaml"),
                            "die Datei enthält nur Kommentare oder Leerzeilen; erwartet eine "
                            "YAML-Zuordnung (Schlüssel: Wert)"]]


@pytest.mark.parametrize("command", ["validate", "check"])
def test_validate_and_check_on_a_comment_only_file(capsys, tmp_path, command):
    path = put(tmp_path, "norm.yaml", "# leer\n")
    code, _, stderr = run(capsys, command, path)
    assert code in (1, 2)
    assert "die Datei enthält nur Kommentare oder Leerzeilen" in stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize("where", ["name", "begruendung"])
def test_a_lone_surrogate_is_reported_and_everyone_else_graded(capsys, subs, tmp_path, where):
    data = answer("1000")  # sorted before the others: the write phase must not stop at it
    raw = json.dumps(data, ensure_ascii=True)
    if where == "name":
        raw = raw.replace('"Max Mustermann"', '"Max \\ud800"')
        path = "name"
    else:
        raw = raw.replace('"begruendung": "', '"begruendung": "\\ud800 ', 1)
        path = "norms[0].begruendung"
    put(subs, "surrogate.json", raw)
    out = tmp_path / "out"
    code, _, _ = grade_cli(capsys, subs, out)
    assert code == 1
    assert graded_students(out) == ["1001", "1002"]
    [[kind, file, reason]] = errors(out)
    assert (kind, file) == ("fehler", str(subs / "surrogate.json"))
    assert reason.startswith(f"{path}: der Text enthält ein ungültiges Unicode-Zeichen (einzelnes Surrogat "
                             "U+D800")


def test_a_surrogate_in_yaml_is_reported(capsys, subs, tmp_path):
    put(subs, "s.yaml", 'exercise: g_konkurrenz\nstudent: "1003"\nname: "A \\ud800"\nnorms: []\n')
    out = tmp_path / "out"
    grade_cli(capsys, subs, out)
    assert graded_students(out) == ["1001", "1002"]  # YAML itself refuses a surrogate escape
    assert errors(out) == [["fehler", f"{subs / 's.yaml'}:3", "kein gültiges YAML: eine ungültige "
                            "Unicode-Escape-Sequenz ('\\u…')"]]


# -- hangs and silent skips ---------------------------------------------------------------------
@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("args", [["validate", "{fifo}"], ["check", "{fifo}"], ["cite", "{fifo}"],
                                  ["regrade", EXERCISE, "{fifo}", "--gradebook", "{book}", "--reason", "x"]])
def test_no_command_blocks_on_a_fifo(tmp_path, fifo, args):
    book = tmp_path / "gb.sqlite"
    Gradebook(book).close()
    done = subprocess_cli(*(a.format(fifo=fifo, book=book) for a in args), timeout=60)
    assert done.returncode in (1, 2)
    assert f"{fifo}: das ist eine benannte Pipe (FIFO), keine gewöhnliche Datei" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("command", ["validate", "check", "cite"])
def test_dev_zero_is_refused_without_reading_it(command):
    done = subprocess_cli(command, "/dev/zero", timeout=60)
    assert done.returncode in (1, 2)
    assert "/dev/zero: das ist ein Gerät (zeichenorientiert), keine gewöhnliche Datei" in done.stderr


def test_grade_names_a_fifo_and_a_folder_named_like_an_answer(capsys, subs, tmp_path):
    os.mkfifo(subs / "pipe.json")
    (subs / "x.json").mkdir()
    out = tmp_path / "out"
    code, _, _ = grade_cli(capsys, subs, out)
    assert code == 1
    assert graded_students(out) == ["1001", "1002"]
    assert errors(out) == [
        ["fehler", str(subs / "x.json"), "das ist ein Ordner, keine Antwortdatei; erwartet eine Datei .json"],
        ["fehler", str(subs / "pipe.json"), "das ist eine benannte Pipe (FIFO), keine gewöhnliche Datei; "
                                            "erwartet eine Antwortdatei"],
    ]


def test_other_files_and_hidden_answers_are_named_as_hints(capsys, subs, tmp_path):
    put(subs, "notizen.pdf", "x")
    put(subs, ".versteckt.json", answer("1009"))
    put(subs, ".versteckt.md", "Ein Gutachten")
    out = tmp_path / "out"
    code, _, _ = grade_cli(capsys, subs, out)
    assert code == 0
    assert errors(out) == [
        ["hinweis", str(subs / ".versteckt.json"), "versteckte Datei (Name beginnt mit „.“); übersprungen"],
        ["hinweis", str(subs / ".versteckt.md"), "versteckte Datei (Name beginnt mit „.“); übersprungen"],
        ["hinweis", str(subs / "notizen.pdf"), "keine Antwortdatei (Endung „.pdf“); übersprungen – erwartet "
                                               ".json, .yaml, .yml, .md, .txt, .docx"],
    ]


def test_a_text_file_is_a_gutachten_named_by_its_file(capsys, subs, tmp_path):
    """A .txt is a Gutachten (the collector names it by the Matrikelnummer): graded, honestly,
    with the hints a teacher needs – where the Matrikelnummer came from, and what was read."""
    put(subs, "notizen.txt", "x")
    out = tmp_path / "out"
    code, _, _ = grade_cli(capsys, subs, out)
    assert code == 0
    assert graded_students(out) == ["1001", "1002", "notizen"]
    assert errors(out) == [
        ["hinweis", str(subs / "notizen.txt"), "Matrikelnummer notizen aus dem Dateinamen übernommen (die "
                                               "Datei hat keinen Kopf mit student)"],
        ["hinweis", str(subs / "notizen.txt"), "Gutachten: In der Bearbeitung wurde keine Prüfung einer Norm "
                                               "der Aufgabe erkannt."],
    ]


# -- gradebook truth ----------------------------------------------------------------------------
def test_a_then_b_then_a_again_makes_a_current_everywhere(capsys, tmp_path):
    subs = tmp_path / "subs"
    out = tmp_path / "out"
    a = answer("1001")
    b = answer("1001")
    b["norms"][1]["result"] = "nicht erfüllt"
    points = []
    for version in (a, b, a):
        put(subs, "1001.json", version)
        grade_cli(capsys, subs, out)
        rows = list(csv.reader(io.StringIO((out / "grades.csv").read_text(encoding="utf-8"))))
        points.append(int(rows[1][2]))
        with Gradebook(out / "gradebook.sqlite") as book:
            current = book.current("g_konkurrenz", "1001")
        assert current.points == points[-1]
        assert f"{current.points} Punkte – " in (out / "feedback" / "1001.md").read_text(encoding="utf-8")
    assert points[0] == points[2] == 18 and points[1] < 18
    with Gradebook(out / "gradebook.sqlite") as book:
        assert [e.points for e in book.history("g_konkurrenz", "1001")] == points


def test_grade_after_regrade_keeps_the_ueberdenken_in_the_feedback(capsys, tmp_path):
    subs = tmp_path / "subs"
    out = tmp_path / "out"
    path = put(subs, "1001.json", answer("1001"))
    grade_cli(capsys, subs, out)
    code, _, _ = run(capsys, "regrade", EXERCISE, path, "--gradebook", out / "gradebook.sqlite",
                          "--reason", "Einwand vom 21.11.: geprüft, bleibt", "--out", out)
    assert code == 0
    grade_cli(capsys, subs, out)
    for suffix in ("md", "html"):
        text = (out / "feedback" / f"1001.{suffix}").read_text(encoding="utf-8")
        assert "Überdenken der Bewertung (g_konkurrenz, Matrikelnummer 1001)" in text
        assert "Einwand vom 21.11.: geprüft, bleibt" in text
    assert "Einwand vom 21.11." in (out / "grades.csv").read_text(encoding="utf-8")


def test_a_foreign_sqlite_file_is_refused_and_left_untouched(capsys, subs, tmp_path):
    foreign = tmp_path / "fremd.sqlite"
    with contextlib.closing(sqlite3.connect(foreign)) as db:
        db.execute("CREATE TABLE kunden (name TEXT)")
        db.execute("INSERT INTO kunden VALUES ('A')")
        db.commit()
    before = hashlib.sha256(foreign.read_bytes()).hexdigest()
    code, _, stderr = grade_cli(capsys, subs, tmp_path / "out", "--gradebook", foreign)
    assert code == 2
    assert stderr == (f"lawkit grade: {foreign}: diese SQLite-Datei ist kein lawkit-Notenbuch (sie enthält "
                      "kunden) und wird nicht verändert; erwartet ein Notenbuch, das `lawkit grade` angelegt "
                      "hat, oder einen neuen Dateinamen\n")
    assert hashlib.sha256(foreign.read_bytes()).hexdigest() == before


def test_an_empty_sqlite_file_and_an_old_gradebook_are_accepted(capsys, subs, tmp_path):
    empty = tmp_path / "leer.sqlite"
    sqlite3.connect(empty).close()
    assert grade_cli(capsys, subs, tmp_path / "o1", "--gradebook", empty)[0] == 0
    with contextlib.closing(sqlite3.connect(empty)) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == 0x4C4B4742


def test_a_tampered_row_gives_a_message(capsys, subs, tmp_path):
    out = tmp_path / "out"
    grade_cli(capsys, subs, out)
    with contextlib.closing(sqlite3.connect(out / "gradebook.sqlite")) as db:
        db.execute("UPDATE entries SET units = 'abc' WHERE student = '1001'")
        db.commit()
    code, _, stderr = run(capsys, "gradebook", out / "gradebook.sqlite")
    assert code == 2
    assert stderr == (f"lawkit gradebook: {out / 'gradebook.sqlite'}: Notenbuch: Eintrag 1 ist beschädigt "
                      "(Spalte units: 'abc'); erwartet eine Zahl oder einen Bruch wie 14 oder 29/2\n")
    with Gradebook(out / "gradebook.sqlite") as book:
        assert book.integrity() == [f"{out / 'gradebook.sqlite'}: Notenbuch: Eintrag 1 ist beschädigt "
                                    "(Spalte units: 'abc'); erwartet eine Zahl oder einen Bruch wie 14 oder 29/2"]


# -- tracebacks where a message belongs -----------------------------------------------------------
def test_out_that_is_a_file(capsys, subs, tmp_path):
    target = put(tmp_path, "out.txt", "x")
    code, _, stderr = grade_cli(capsys, subs, target)
    assert code == 2
    assert stderr == (f"lawkit grade: {target}: das ist eine Datei; erwartet einen Ordner für die Ausgabe "
                      "(--out)\n")


@pytest.fixture
def small_disk(tmp_path):
    """A real, tiny file system (tmpfs); skipped visibly where mounting is not allowed."""
    mount = tmp_path / "klein"
    mount.mkdir()

    def mount_with(options: str) -> Path:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"tmpfs kann hier nicht eingehängt werden ({done.stderr.strip()}); die "
                        "Tests für volle und schreibgeschützte Datenträger brauchen root")
        return mount

    yield mount_with
    subprocess.run(["umount", str(mount)], capture_output=True, check=False)


def test_a_read_only_file_system(capsys, subs, small_disk):
    mount = small_disk("size=1m,ro")
    code, _, stderr = grade_cli(capsys, subs, mount / "out")
    assert code == 2
    assert stderr.startswith(f"lawkit grade: {mount / 'out'}: in diesen Ordner kann nicht geschrieben "
                             "werden (Read-only file system); erwartet einen beschreibbaren Ordner")


def test_a_full_disk(capsys, tmp_path, small_disk):
    subs = tmp_path / "subs"
    for i in range(40):
        put(subs, f"{i}.json", answer(f"20{i:02d}"))
    mount = small_disk("size=64k")
    code, stdout, stderr = grade_cli(capsys, subs, mount / "out")
    assert code == 2, stdout
    assert stderr.startswith("lawkit grade: ")
    assert ("kein Speicherplatz mehr auf dem Datenträger" in stderr or "der Datenträger ist voll" in stderr)
    assert "Traceback" not in stderr
    assert not [p for p in (mount / "out").rglob("*") if p.name.endswith(".tmp")]


def test_regrade_checks_out_before_it_records_and_a_retry_records_once(capsys, tmp_path):
    subs = tmp_path / "subs"
    out = tmp_path / "out"
    path = put(subs, "1001.json", answer("1001"))
    grade_cli(capsys, subs, out)
    book = out / "gradebook.sqlite"
    blocker = put(tmp_path, "datei", "x")
    code, _, stderr = run(capsys, "regrade", EXERCISE, path, "--gradebook", book, "--reason", "Einwand",
                          "--out", blocker)
    assert code == 2
    assert stderr == f"lawkit regrade: {blocker}: das ist eine Datei; erwartet einen Ordner für die Ausgabe (--out)\n"
    with Gradebook(book) as gb:
        assert [e.kind for e in gb.entries()] == ["bewertung"]
    outputs = [run(capsys, "regrade", EXERCISE, path, "--gradebook", book, "--reason", "Einwand",
                   "--out", out) for _ in range(2)]
    assert [code for code, _, _ in outputs] == [0, 0]
    assert "bereits eingetragen" not in outputs[0][1]
    assert "Dieses Überdenken ist bereits eingetragen; es wurde nichts hinzugefügt." in outputs[1][1]
    with Gradebook(book) as gb:
        assert [e.kind for e in gb.history("g_konkurrenz", "1001")] == ["bewertung", "überdenken"]


@pytest.mark.parametrize("setup", ["missing", "empty"])
@pytest.mark.parametrize("command", [["norms"], ["show", "stgb_203_2_1"], ["check", "bafin_angestellte"]])
def test_a_missing_or_empty_library_folder(capsys, tmp_path, setup, command):
    folder = tmp_path / "bib"
    if setup == "empty":
        folder.mkdir()
    code, _, stderr = run(capsys, *command, "--library", folder)
    assert code == 2
    expected = ("diesen Ordner gibt es nicht" if setup == "missing" else "der Ordner enthält keine Normen")
    assert stderr == (f"lawkit {command[0]}: {folder}: {expected}; erwartet einen Bibliotheksordner mit "
                      "norms/*.yaml (und cases/*.yaml)\n")


def test_a_verweisung_chain_of_500_norms(capsys, tmp_path):
    (tmp_path / "norms").mkdir()
    for i in range(500):
        decider = (f"    ref: n{i + 1}\n" if i < 499 else "    fact: f\n    question: F?\n")
        (tmp_path / "norms" / f"n{i}.yaml").write_text(
            f"id: n{i}\ncitation: § {i + 1} TestG\ntitle: T\nkind: Definitionsnorm\nwording: W\n"
            f"elements:\n  - id: e\n    label: E\n{decider}", encoding="utf-8")
    code, _, stderr = run(capsys, "norms", "--library", tmp_path)
    assert code == 2
    assert "die Kette der Verweisungen ab n" in stderr
    assert "ist länger als 40 Normen; erwartet kürzere Ketten" in stderr
    assert "Traceback" not in stderr


def test_a_submissions_folder_1500_levels_deep(capsys, subs, tmp_path):
    deep = subs
    for _ in range(1500):  # os.makedirs itself recurses; build it level by level
        deep = deep / "d"
        deep.mkdir()
    put(deep, "x.json", answer("1003"))
    out = tmp_path / "out"
    try:
        code, _, _ = grade_cli(capsys, subs, out)
    finally:  # shutil.rmtree (pytest's clean-up) recurses too: take the tree down level by level
        (deep / "x.json").unlink()
        while deep != subs:
            deep.rmdir()
            deep = deep.parent
    assert code == 1
    assert graded_students(out) == ["1001", "1002"]
    [[kind, where, reason]] = errors(out)
    assert kind == "fehler" and where.endswith("/d" * 17)
    assert reason == ("Ordner tiefer als 16 Ebenen; nicht durchsucht – erwartet die Abgaben in höchstens "
                      "dieser Tiefe")


# -- left behind --------------------------------------------------------------------------------
def test_stale_temporaries_of_a_killed_run_are_removed(capsys, subs, tmp_path):
    out = tmp_path / "out"
    (out / "feedback").mkdir(parents=True)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    stale = [out / "feedback" / f".1001.md.lawkit-{dead}.0123abcd.tmp", out / f".grades.csv.lawkit-{dead}.89abcdef.tmp"]
    for path in stale:
        path.write_text("Persönliche Daten", encoding="utf-8")
    alive = out / "feedback" / f".1002.md.lawkit-{os.getpid()}.0123abcd.tmp"
    alive.write_text("läuft noch", encoding="utf-8")
    foreign = out / "feedback" / ".notiz.tmp"
    foreign.write_text("nicht von lawkit", encoding="utf-8")
    grade_cli(capsys, subs, out)
    assert not any(p.exists() for p in stale)
    assert alive.exists() and foreign.exists()


# -- names and ids ------------------------------------------------------------------------------
@pytest.mark.parametrize("student", ["CON", "nul", "COM1", "Lpt9", "AUX", "PRN"])
def test_windows_reserved_names_are_refused_as_ids(capsys, subs, tmp_path, student):
    put(subs, "win.json", answer(student))
    out = tmp_path / "out"
    assert grade_cli(capsys, subs, out)[0] == 1
    [[_, _, reason]] = errors(out)
    assert reason == (f"student: '{student}' ist unter Windows ein reservierter Dateiname und daher als "
                      "Matrikelnummer nicht zulässig; erwartet die Matrikelnummer")
    assert not list((out / "feedback").glob(f"{student}.*"))


def test_control_characters_and_ansi_escapes_never_reach_files_or_the_csv(capsys, subs, tmp_path):
    put(subs, "ansi.json", answer("1003", name="Eve\x1b[31mRot\x1b[0m\x07 =cmd|\u202eX"))
    out = tmp_path / "out"
    code, stdout, _ = grade_cli(capsys, subs, out)
    assert code == 0
    rows = list(csv.reader(io.StringIO((out / "grades.csv").read_text(encoding="utf-8"))))
    assert rows[3][:2] == ["1003", "EveRot =cmd|X"]
    assert "\x1b" not in (out / "grades.csv").read_text(encoding="utf-8") + stdout
    assert "\x1b" not in (out / "feedback" / "1003.md").read_text(encoding="utf-8")
    assert errors(out) == [["hinweis", str(subs / "ansi.json"), "Steuerzeichen im Namen entfernt (name)"]]


def test_a_future_timestamp_does_not_win_and_is_named(capsys, subs, tmp_path):
    honest = answer("1003", submitted="2026-11-20T10:00:00")
    forged = answer("1003", submitted="2099-01-01T00:00:00")
    forged["norms"][1]["result"] = "offen"
    put(subs, "a.json", honest)
    put(subs, "b.json", forged)
    out = tmp_path / "out"
    grade_cli(capsys, subs, out)
    assert "1003" not in graded_students(out)
    kinds = [(k, Path(w).name) for k, w, _ in errors(out)]
    assert kinds == [("hinweis", "b.json"), ("konflikt", "a.json"), ("konflikt", "b.json")]


# -- the LMS ------------------------------------------------------------------------------------
def test_moodle_and_ilias_feedback_zips(capsys, subs, tmp_path):
    worksheet = put(tmp_path, "bewertungen.csv",
                    "Identifier,Full name,ID number,Email address,Status,Grade\n"
                    "Participant 501,Max Mustermann,1001,m@x.de,Abgegeben,\n"
                    "Participant 502,Erika Muster_frau,1002,e@x.de,Abgegeben,\n")
    template = tmp_path / "multi_feedback.zip"
    with zipfile.ZipFile(template, "w") as archive:
        archive.writestr("Uebung_1/Mustermann_Max_mmuster_77/", "")
        archive.writestr("Uebung_1/Muster_Erika_1002_78/abgabe.pdf", "%PDF")
    roster = put(tmp_path, "teilnehmer.csv", "matrikelnummer;login\n1001;mmuster\n1002;1002\n")
    out = tmp_path / "out"
    code, _, _ = grade_cli(capsys, subs, out, "--moodle-worksheet", worksheet, "--ilias-template", template,
                           "--roster", roster)
    assert code == 0
    with zipfile.ZipFile(out / "moodle_feedback.zip") as archive:
        names = sorted(archive.namelist())
        assert names == ["Erika Muster frau_502_assignfeedback_file/Bewertung_1002.html",
                         "Max Mustermann_501_assignfeedback_file/Bewertung_1001.html"]
        page = archive.read(names[1]).decode("utf-8")
    assert page == (out / "feedback" / "1001.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(out / "ilias_multi_feedback.zip") as archive:
        assert sorted(archive.namelist()) == ["Uebung_1/Muster_Erika_1002_78/Bewertung_1002.html",
                                              "Uebung_1/Mustermann_Max_mmuster_77/Bewertung_1001.html"]


def test_a_student_missing_from_the_worksheet_is_named(capsys, subs, tmp_path):
    worksheet = put(tmp_path, "w.csv", "Identifier,Full name,ID number\nParticipant 501,Max,1001\n")
    out = tmp_path / "out"
    assert grade_cli(capsys, subs, out, "--moodle-worksheet", worksheet)[0] == 0
    assert errors(out) == [["hinweis", str(worksheet), "Matrikelnummer 1002: nicht in den LMS-Daten; ihr "
                            "Feedback fehlt in moodle_feedback.zip (in grades.csv ist es enthalten)"]]


def test_a_worksheet_without_id_numbers_is_a_clear_error(capsys, subs, tmp_path):
    worksheet = put(tmp_path, "w.csv", "Identifier,Full name\nParticipant 501,Max\n")
    code, _, stderr = grade_cli(capsys, subs, tmp_path / "out", "--moodle-worksheet", worksheet)
    assert code == 2
    assert stderr == (f"lawkit grade: {worksheet}:1: die Spalte „ID number/ID-Nummer“ fehlt; erwartet die "
                      "Bewertungstabelle aus Moodle mit dem Identitätsfeld ID-Nummer (Matrikelnummer)\n")


# -- an unexpected failure of lawkit itself costs one file, not the class -------------------------
def test_an_internal_error_is_reported_per_file(monkeypatch, subs, tmp_path, library):
    import lawkit.grading.batch as batch

    real = batch.grade

    def flaky(exercise, answer, library=None, *, reference=None):
        if answer.student == "1001":
            raise KeyError("boom")
        return real(exercise, answer, library, reference=reference)

    monkeypatch.setattr(batch, "grade", flaky)
    report = grade_batch(load_exercise(EXERCISE, library), subs, tmp_path / "out", library=library)
    assert [r.student for r in report.rows] == ["1002"]
    assert [(p.kind, Path(p.file).name, p.reason) for p in report.problems] == [
        ("fehler", "good_1.json", "interner Fehler von lawkit beim Lesen oder Bewerten dieser Datei "
                                  "(KeyError); nicht bewertet – bitte die Datei aufbewahren und den Fehler "
                                  "melden")]


def test_an_unknown_top_level_key_the_line_finder_cannot_place_is_reported(tmp_path):
    """Found by the property test: a top-level key with control characters has no line in the
    YAML reader's map; looking for it must end (it once looped forever on the key's own path)."""
    import signal

    from lawkit.errors import AuthoringError
    from lawkit.grading import load_answer

    path = tmp_path / "1.json"
    path.write_text('{"x\\u000b\\u000b": {}, "": [1, {"§0A": "\\r\\n"}]}', encoding="utf-8")
    signal.alarm(20)  # a hang fails the test instead of the run
    try:
        with pytest.raises(AuthoringError) as info:
            load_answer(path)
    finally:
        signal.alarm(0)
    assert info.value.problem.startswith("unbekannter Schlüssel 'x\\x0b\\x0b'")


# -- permissions --------------------------------------------------------------------------------
def test_personal_files_are_private_and_a_replaced_file_keeps_its_mode(tmp_path):
    from lawkit import write_atomic

    private = write_atomic(tmp_path / "feedback.md", "Note")
    shared = write_atomic(tmp_path / "notebook.ipynb", "{}", private=False)
    assert private.stat().st_mode & 0o777 == 0o600
    assert shared.stat().st_mode & 0o077 != 0  # readable by others (umask permitting)
    shared.chmod(0o640)
    write_atomic(shared, "{ }")
    assert shared.stat().st_mode & 0o777 == 0o640
