"""`lawkit grade` on a whole class, including every kind of hostile submission: bad files are
reported and skipped, nothing is written outside --out, and a crash loses nothing."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lawkit.cli import main
from lawkit.exercises import load_exercise
from lawkit.grading import Gradebook, grade_batch
from tests.grading_class import EXERCISE, answer, errors, graded_students, put


@pytest.fixture
def subs(tmp_path):
    folder = tmp_path / "subs"
    put(folder, "good_1.json", answer("1001"))
    wrong = answer("1002")
    wrong["norms"][1]["result"] = "nicht erfüllt"
    put(folder, "good_2.json", wrong)
    return folder


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(["grade", EXERCISE, *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_clean_class(capsys, subs, tmp_path):
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, subs, "--out", out)
    assert code == 0
    assert stdout.startswith(f"Aufgabe g_konkurrenz: 2 bewertet, 0 nicht bewertet oder strittig; "
                             f"Ausgabe in {out}\nBewertete Abgaben: 2\n")
    assert sorted(p.name for p in out.iterdir()) == [
        "distribution.png", "errors.txt", "feedback", "gradebook.sqlite", "grades.csv",
        "summary.csv", "summary.txt"]
    assert sorted(p.name for p in (out / "feedback").iterdir()) == [
        "1001.html", "1001.md", "1002.html", "1002.md"]
    rows = list(csv.reader(io.StringIO((out / "grades.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["ID number", "Full name", "Punkte", "Feedback"]
    assert rows[1][:3] == ["1001", "Max Mustermann", "18"]
    assert rows[1][3].startswith(
        "18 Punkte (sehr gut), 14 von 14 BE. Fachliche Abzüge: keine. Prüfungsspezifische Abzüge: keine. "
        "Widersprüche: 0.\n\nBewertung: Geheimnisse gegen Geld (Testaufgabe)\n\nAufgabe g_konkurrenz · "
        "Bearbeitung von Max Mustermann (Matrikelnummer 1001)\n\n18 Punkte – sehr gut (14 von 14 "
        "Bewertungseinheiten, BE)\n")
    assert "feedback/" not in rows[1][3]  # no local path: Moodle's students could not open it
    # the whole deduction list of a weaker answer is in its cell, not cut
    assert rows[2][3].count("Abzug: ") == (out / "feedback" / "1002.md").read_text(encoding="utf-8").count(
        "Abzug: ") > 0
    assert rows[2][0] == "1002" and int(rows[2][2]) < 18
    summary = (out / "summary.csv").read_text(encoding="utf-8").splitlines()
    assert summary[0] == ("student,name,points,label,units,max_units,fachliche_abzuege,"
                          "pruefungsspezifische_abzuege,widersprueche,kind,file")
    assert (out / "errors.txt").read_text(encoding="utf-8") == "Keine fehlerhaften oder strittigen Abgaben.\n"
    assert (out / "distribution.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_timings_are_reported_on_request(capsys, subs, tmp_path):
    _, stdout, _ = run(capsys, subs, "--out", tmp_path / "out", "--timings")
    assert "Zeiten: Lesen und Prüfen " in stdout and ", Bewertung " in stdout and ", Schreiben " in stdout


def check_one_bad(capsys, subs, tmp_path, name, content, expected_reason, line=None, marker=None):
    path = put(subs, name, content)
    if marker is not None:  # the line of the first text line that holds the marker
        line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                    if marker in text)
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, subs, "--out", out)
    assert code == 1
    assert graded_students(out) == ["1001", "1002"]
    where = str(subs / name) + (f":{line}" if line else "")
    assert errors(out) == [["fehler", where, expected_reason]]
    assert f"fehler   {where}: {expected_reason}" in stdout


def test_malformed_json(capsys, subs, tmp_path):
    check_one_bad(capsys, subs, tmp_path, "x.json", '{"exercise": "g_konkurrenz",\n "student": }',
                  "kein gültiges JSON: hier fehlt ein Wert (Spalte 13); erwartet ein JSON-Objekt, wie es "
                  "das Antwortformular schreibt", line=2)


def test_malformed_yaml(capsys, subs, tmp_path):
    check_one_bad(capsys, subs, tmp_path, "x.yaml", "exercise: g_konkurrenz\nstudent: [1001\n",
                  "kein gültiges YAML: hier fehlt ein Komma oder eine schließende eckige Klammer ']'", line=3)


def test_cp1252_file_is_graded_and_the_decoding_noted(capsys, subs, tmp_path):
    data = json.dumps(answer("1003", name="Jörg Groß"), ensure_ascii=False).encode("cp1252")
    put(subs, "win.json", data)
    out = tmp_path / "out"
    code, _, _ = run(capsys, subs, "--out", out)
    assert code == 0  # a hint is no failure
    assert graded_students(out) == ["1001", "1002", "1003"]
    assert "Jörg Groß" in (out / "feedback" / "1003.md").read_text(encoding="utf-8")
    assert errors(out) == [["hinweis", str(subs / "win.json"),
                            "nicht UTF-8, als Windows-1252 (cp1252) gelesen – erstes solches Zeichen 'ö' in "
                            "Zeile 1; speichern Sie die Datei als UTF-8 (in Windows-Editoren: „UTF-8“)"]]


def test_utf8_bom_is_graded(capsys, subs, tmp_path):
    raw = json.dumps(answer("1003", name="Jörg Groß"), ensure_ascii=False).encode("utf-8")
    put(subs, "bom.json", b"\xef\xbb\xbf" + raw)
    out = tmp_path / "out"
    code, _, _ = run(capsys, subs, "--out", out)
    assert code == 0
    assert graded_students(out) == ["1001", "1002", "1003"]
    assert "Jörg Groß" in (out / "feedback" / "1003.md").read_text(encoding="utf-8")


def test_empty_file(capsys, subs, tmp_path):
    check_one_bad(capsys, subs, tmp_path, "empty.json", "",
                  "die Datei ist leer; erwartet eine Antwort (eine Zuordnung mit exercise, student und "
                  "norms)")


def test_oversize_file(capsys, subs, tmp_path):
    data = answer("1003")
    data["norms"][0]["begruendung"] = "Sehr lang. " * 100_000
    path = put(subs, "big.json", data)
    size = path.stat().st_size
    path.unlink()
    check_one_bad(capsys, subs, tmp_path, "big.json", data,
                  f"die Datei hat {size} Bytes; erwartet höchstens 1000000 Bytes (1 MB)")


def test_unknown_norm_id(capsys, subs, tmp_path):
    data = answer("1003")
    data["gesamtergebnis"]["applies"] = ["stgb_203_1"]
    check_one_bad(capsys, subs, tmp_path, "unknown.json", data,
                  "gesamtergebnis.applies[0]: unbekannte Norm 'stgb_203_1'; meinten Sie 'stgb_203_2_1', "
                  "'stgb_204_1', 'stgb_203_6'?; erwartet eine Norm-ID der Bibliothek (siehe `lawkit norms`)",
                  marker='"stgb_203_1"')


def test_unknown_element_id(capsys, subs, tmp_path):
    data = answer("1003")
    data["norms"][1]["elements"]["verwertet"] = {"result": "erfüllt"}
    check_one_bad(capsys, subs, tmp_path, "element.json", data,
                  "norms[1].elements.verwertet: die Norm 'stgb_204_1' hat kein Merkmal 'verwertet'; meinten "
                  "Sie 'verwerten'?; erwartet eine Merkmals-ID wie in `lawkit show stgb_204_1`",
                  marker='"verwertet"')


def test_wrong_types(capsys, subs, tmp_path):
    data = answer("1003")
    data["norms"][0]["result"] = True
    check_one_bad(capsys, subs, tmp_path, "types.json", data,
                  "norms[0].result: erwartet einen von erfüllt, nicht erfüllt, offen, gefunden: true (ein "
                  "Ja/Nein-Wert)", marker='"result": true')


def test_answer_for_another_exercise(capsys, subs, tmp_path):
    check_one_bad(capsys, subs, tmp_path, "other.json", answer("1003", exercise="g_streit"),
                  "exercise: die Antwort gehört zur Aufgabe 'g_streit'; erwartet 'g_konkurrenz'")


def test_student_id_escaping_the_output_folder(capsys, subs, tmp_path):
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    put(subs, "evil.json", answer("../../x"))
    out = tmp_path / "deep" / "out"
    code, _, _ = run(capsys, subs, "--out", out)
    assert code == 1
    assert errors(out)[0][2] == ("student: '../../x' ist keine gültige Matrikelnummer; erwartet 1 bis 40 "
                                 "Buchstaben, Ziffern, '_' oder '-'")
    after = sorted(str(p) for p in tmp_path.rglob("*"))
    created = [p for p in after if p not in before]
    assert all(p.startswith(str(out)) or p.startswith(str(subs)) or p == str(out.parent)
               for p in created), created
    assert not (tmp_path / "x").exists() and not (tmp_path / "deep" / "x").exists()


def test_nothing_is_written_outside_out(capsys, subs, tmp_path):
    around = tmp_path.parent
    before = {p for p in around.iterdir()}
    subs_before = {str(p) for p in subs.rglob("*")}
    out = tmp_path / "out"
    run(capsys, subs, "--out", out)
    assert {p for p in around.iterdir()} == before
    assert {str(p) for p in subs.rglob("*")} == subs_before
    assert {p.name for p in tmp_path.iterdir()} == {"subs", "out"}


def test_two_identical_submissions_count_once(capsys, subs, tmp_path):
    put(subs, "again/good_1.json", answer("1001"))
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, subs, "--out", out)
    assert code == 0
    assert graded_students(out) == ["1001", "1002"]
    assert "Hinweis: 1001 hat dieselbe Lösung mehrfach abgegeben" in stdout


def test_two_submissions_the_strictly_later_one_counts(capsys, subs, tmp_path):
    early = answer("1003", submitted="2026-11-20T10:00:00")
    late = answer("1003", submitted="2026-11-20T11:30:00")
    late["norms"][1]["result"] = "offen"
    put(subs, "a_early.json", early)
    put(subs, "b_late.json", late)
    out = tmp_path / "out"
    code, _, _ = run(capsys, subs, "--out", out)
    assert code == 1
    assert errors(out) == [["konflikt", str(subs / "a_early.json"),
                            f"Matrikelnummer 1003: durch die spätere Abgabe {subs / 'b_late.json'} ersetzt "
                            "(submitted 2026-11-20T11:30:00); nicht bewertet"]]
    assert "„offen“" in (out / "feedback" / "1003.md").read_text(encoding="utf-8")


def test_two_different_submissions_without_order_are_not_graded(capsys, subs, tmp_path):
    first = answer("1003")
    second = answer("1003")
    second["norms"][1]["result"] = "offen"
    put(subs, "a.json", first)
    put(subs, "b.json", second)
    out = tmp_path / "out"
    code, _, _ = run(capsys, subs, "--out", out)
    assert code == 1
    assert graded_students(out) == ["1001", "1002"]
    reason = (f"Matrikelnummer 1003: mehrere verschiedene Abgaben ({subs / 'a.json'}, {subs / 'b.json'}) "
              "ohne eindeutige Reihenfolge (submitted fehlt, ist gleich, unlesbar oder in der Zukunft); "
              "keine wird bewertet, bitte klären")
    assert errors(out) == [["konflikt", str(subs / "a.json"), reason], ["konflikt", str(subs / "b.json"), reason]]
    assert not (out / "feedback" / "1003.md").exists()


def test_rerun_adds_no_duplicate_gradebook_entries(capsys, subs, tmp_path):
    out = tmp_path / "out"
    run(capsys, subs, "--out", out)
    run(capsys, subs, "--out", out)
    with Gradebook(out / "gradebook.sqlite") as book:
        assert [(e.student, e.kind) for e in book.entries()] == [("1001", "bewertung"), ("1002", "bewertung")]


def test_shared_gradebook_and_identical_plot(capsys, subs, tmp_path):
    shared = tmp_path / "book" / "gradebook.sqlite"
    run(capsys, subs, "--out", tmp_path / "out1", "--gradebook", shared)
    run(capsys, subs, "--out", tmp_path / "out2", "--gradebook", shared)
    assert not (tmp_path / "out1" / "gradebook.sqlite").exists()
    assert (tmp_path / "out1" / "distribution.png").read_bytes() == \
        (tmp_path / "out2" / "distribution.png").read_bytes()
    with Gradebook(shared) as book:
        assert len(book.entries()) == 2


def test_crash_mid_batch_loses_nothing_and_a_rerun_completes(monkeypatch, subs, tmp_path, library):
    for i in range(3, 7):
        put(subs, f"more_{i}.json", answer(f"100{i}"))
    exercise = load_exercise(EXERCISE, library)
    out = tmp_path / "out"
    import lawkit.grading.batch as batch

    real = batch.write_many_atomic
    calls = []

    def failing(items, **kwargs):
        calls.append(items)
        if len(calls) == 3:  # chunks of two students: 1001–1004 recorded, 1005/1006 crash
            raise OSError(28, "No space left on device")
        return real(items, **kwargs)

    monkeypatch.setattr(batch, "write_many_atomic", failing)
    with pytest.raises(OSError, match="No space left"):
        grade_batch(exercise, subs, out, library=library, chunk=2)
    done = sorted(p.name for p in (out / "feedback").iterdir())
    assert done == [f"100{i}.{ext}" for i in range(1, 5) for ext in ("html", "md")]
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert not (out / "grades.csv").exists()  # written last, never half
    with Gradebook(out / "gradebook.sqlite") as book:
        assert [e.student for e in book.entries()] == ["1001", "1002", "1003", "1004", "1005", "1006"]
    first = (out / "feedback" / "1001.md").read_text(encoding="utf-8")

    monkeypatch.setattr(batch, "write_many_atomic", real)
    report = grade_batch(exercise, subs, out, library=library, chunk=2)
    assert report.exit_code == 0
    assert report.new_entries == 0  # every grade was recorded before the crash
    assert (out / "feedback" / "1001.md").read_text(encoding="utf-8") == first
    assert graded_students(out) == ["1001", "1002", "1003", "1004", "1005", "1006"]
    assert sorted(p.name for p in (out / "feedback").iterdir()) == [
        f"100{i}.{ext}" for i in range(1, 7) for ext in ("html", "md")]
    with Gradebook(out / "gradebook.sqlite") as book:
        assert [e.student for e in book.entries()] == ["1001", "1002", "1003", "1004", "1005", "1006"]


def test_usage_errors_exit_2(tmp_path, subs):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    missing = subprocess.run([sys.executable, "-c", "import sys; from lawkit.cli import main; "
                              f"sys.exit(main(['grade', 'g_nope', {str(subs)!r}, '--out', "
                              f"{str(tmp_path / 'o')!r}]))"], capture_output=True, text=True, env=env)
    assert missing.returncode == 2
    assert missing.stderr.startswith("lawkit grade: unbekannte Aufgabe 'g_nope'")
    assert not (tmp_path / "o").exists()
    no_out = subprocess.run([sys.executable, "-c", "import sys; from lawkit.cli import main; "
                             f"sys.exit(main(['grade', {EXERCISE!r}, {str(subs)!r}]))"],
                            capture_output=True, text=True, env=env)
    assert no_out.returncode == 2
    assert "--out" in no_out.stderr
    no_dir = subprocess.run([sys.executable, "-c", "import sys; from lawkit.cli import main; "
                             f"sys.exit(main(['grade', {EXERCISE!r}, {str(tmp_path / 'none')!r}, '--out', "
                             f"{str(tmp_path / 'o')!r}]))"], capture_output=True, text=True, env=env)
    assert no_dir.returncode == 2
    assert no_dir.stderr == (f"lawkit grade: {tmp_path / 'none'}: diesen Ordner gibt es nicht; erwartet "
                             "den Ordner mit den Abgaben\n")
