"""The gradebook keeps every grade; an Überdenken adds to the history and says what changed;
`lawkit gradebook` shows grades, history and the § 2 JurPrNotSkV averages."""

import json
import sqlite3
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from lawkit.cli import main
from lawkit.errors import LawkitError
from lawkit.exercises import load_exercise
from lawkit.grading import Gradebook, grade, load_answer

DATA = Path(__file__).parent / "data" / "grading"


def _g_vertretbar(folder: Path, vertretbar: str) -> Path:
    """g_vertretbar with its vertretbar entry replaced (by nothing, or the teacher's amendment)."""
    text = (DATA / "course" / "g_vertretbar.yaml").read_text(encoding="utf-8")
    start = text.index("  vertretbar:")
    end = text.index("  rubric:")
    path = folder / "g_vertretbar.yaml"
    path.parent.mkdir()
    path.write_text(text[:start] + vertretbar + text[end:], encoding="utf-8")
    return path


@pytest.fixture
def strict_exercise(tmp_path):
    """g_vertretbar as first written: without the vertretbar entry (the teacher adds it later)."""
    return _g_vertretbar(tmp_path / "before", "")


# R is an Amtsträgerin, so § 11 Abs. 1 Nr. 4 StGB ("ohne Amtsträger zu sein") is not reached and
# the fixture's own vertretbar entry on Nr. 2 no longer changes a grade. The Überdenken below
# rests on the teacher accepting the other reading of Nr. 1 (Fn. 11: "in der Regel").
AMENDMENT = """  vertretbar:
    "stgb_203_2_1#amtstraeger":
      results: [nicht erfüllt]
      because: Die Ausarbeitung hält Angestellte der BaFin nur in der Regel für Amtsträger; wer das für R verneint und auf Nr. 2 ausweicht, argumentiert vertretbar.
      sources: [{seed: ausarbeitung, at: "Fn. 11"}, {seed: ausarbeitung, at: "Fn. 13"}]
"""


@pytest.fixture
def amended_exercise(tmp_path):
    """g_vertretbar after the teacher's Überdenken: the other reading of Nr. 1 is vertretbar."""
    return _g_vertretbar(tmp_path / "after", AMENDMENT)


@pytest.fixture
def objection(tmp_path):
    data = json.loads((DATA / "answers" / "vertretbar_perfect.json").read_text(encoding="utf-8"))
    data["norms"][0]["elements"]["amtstraeger"]["result"] = "nicht erfüllt"
    data["norms"][0]["elements"]["besonders_verpflichteter"]["result"] = "erfüllt"
    path = tmp_path / "answer.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_record_is_idempotent_and_history_grows(tmp_path, library):
    exercise = load_exercise(DATA / "course" / "g_streit.yaml", library)
    answer = load_answer(DATA / "answers" / "streit_hm.json", library)
    result = grade(exercise, answer, library)
    with Gradebook(tmp_path / "gb.sqlite") as book:
        first, new = book.record(result, source="a.json")
        again, new_again = book.record(result, source="a.json")
        assert (new, new_again) == (True, False)
        assert again.id == first.id
        assert (first.points, first.label, first.kind) == (18, "sehr gut", "bewertung")
        assert book.current("g_streit", "3000001") == first
        assert book.history("g_streit", "3000001") == (first,)
        assert book.current("g_streit", "nobody") is None


def test_regrade_keeps_the_earlier_grade_and_shows_what_changed(tmp_path, library, strict_exercise,
                                                                 objection, amended_exercise):
    answer = load_answer(objection, library)
    before = grade(load_exercise(strict_exercise, library), answer, library)
    assert [d.code for d in before.deductions] == ["merkmal:stgb_203_2_1#amtstraeger"]
    amended = load_exercise(amended_exercise, library)
    after = grade(amended, answer, library)
    with Gradebook(tmp_path / "gb.sqlite") as book:
        old, _ = book.record(before)
        regrade = book.regrade(after, "Einwand der Studentin: § 11 Abs. 1 Nr. 4 StGB ist vertretbar (Fn. 13).")
        history = book.history("g_vertretbar", "1000001")
    assert [e.kind for e in history] == ["bewertung", "überdenken"]
    assert history[0] == old  # untouched
    assert history[1].previous == old.id
    assert history[1].reason == "Einwand der Studentin: § 11 Abs. 1 Nr. 4 StGB ist vertretbar (Fn. 13)."
    assert (regrade.before.points, regrade.after.points) == (before.points, 18)
    assert before.points == 17  # 10 − 3.2/17 units: 18 × 9.81/10 = 17.66 → 17
    assert [d["code"] for d in regrade.removed] == ["merkmal:stgb_203_2_1#amtstraeger"]
    assert regrade.added == ()
    text = regrade.text()
    assert "Grund: Einwand der Studentin: § 11 Abs. 1 Nr. 4 StGB ist vertretbar (Fn. 13)." in text
    assert f"- Bisher (Eintrag {old.id}, {old.recorded_at}): 17 Punkte (sehr gut), 9,81 von 10 BE" in text
    assert "): 18 Punkte (sehr gut), 10 von 10 BE" in text
    assert "Entfallene Abzüge:\n- § 203 Abs. 2 S. 1 StGB – Merkmal „Amtsträger“: Erwartet: „erfüllt“." \
        in text
    assert "Neue Abzüge: keine" in text
    assert text.endswith("Die frühere Bewertung bleibt im Notenbuch erhalten.\n")


def test_unchanged_regrade_is_recorded_with_its_reason(tmp_path, library):
    exercise = load_exercise(DATA / "course" / "g_streit.yaml", library)
    result = grade(exercise, load_answer(DATA / "answers" / "streit_hm.json", library), library)
    with Gradebook(tmp_path / "gb.sqlite") as book:
        book.record(result)
        regrade = book.regrade(result, "Einwand geprüft; die Bewertung trifft zu.")
        assert len(book.history("g_streit", "3000001")) == 2
    assert not regrade.changed
    assert ("Die Bewertung bleibt nach Überdenken unverändert; es gelten ihre bisherigen Gründe "
            "(vgl. BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 17).") in regrade.text()


def test_regrade_text_without_times_is_the_same_on_every_run(tmp_path, library):
    """For notebooks: text(times=False) names the entries but not when they were recorded."""
    exercise = load_exercise(DATA / "course" / "g_streit.yaml", library)
    result = grade(exercise, load_answer(DATA / "answers" / "streit_hm.json", library), library)
    texts = []
    for run in ("a", "b"):
        with Gradebook(tmp_path / f"{run}.sqlite") as book:
            book.record(result)
            regrade = book.regrade(result, "Einwand geprüft; die Bewertung trifft zu.")
        assert regrade.after.recorded_at in regrade.text()
        texts.append(regrade.text(times=False))
    assert texts[0] == texts[1] == (
        "## Überdenken der Bewertung (g_streit, Matrikelnummer 3000001)\n\n"
        "Grund: Einwand geprüft; die Bewertung trifft zu.\n\n"
        "- Bisher (Eintrag 1): 18 Punkte (sehr gut), 10 von 10 BE\n"
        "- Nach Überdenken (Eintrag 2): 18 Punkte (sehr gut), 10 von 10 BE\n\n"
        "Die Bewertung bleibt nach Überdenken unverändert; es gelten ihre bisherigen Gründe "
        "(vgl. BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 17).\n\n"
        "Die frühere Bewertung bleibt im Notenbuch erhalten.\n")


def test_regrade_needs_a_reason_and_an_earlier_grade(tmp_path, library):
    exercise = load_exercise(DATA / "course" / "g_streit.yaml", library)
    result = grade(exercise, load_answer(DATA / "answers" / "streit_hm.json", library), library)
    with Gradebook(tmp_path / "gb.sqlite") as book:
        with pytest.raises(LawkitError, match="keine frühere Bewertung der Matrikelnummer '3000001' in der Aufgabe 'g_streit'"):
            book.regrade(result, "Grund")
        book.record(result)
        with pytest.raises(LawkitError, match="ein Überdenken braucht die Begründung der Lehrkraft"):
            book.regrade(result, "   ")


def test_a_batch_rerun_does_not_undo_an_ueberdenken(tmp_path, library, strict_exercise, objection,
                                                    amended_exercise, capsys):
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "a.json").write_bytes(objection.read_bytes())
    out = tmp_path / "out"
    assert main(["grade", str(strict_exercise), str(subs), "--out", str(out)]) == 0
    book = out / "gradebook.sqlite"
    assert main(["regrade", str(amended_exercise), str(objection), "--gradebook",
                 str(book), "--reason", "Fn. 13 trägt das Ergebnis.", "--out", str(out)]) == 0
    stdout = capsys.readouterr().out
    assert "- Bisher (Eintrag 1, " in stdout and "17 Punkte (sehr gut)" in stdout
    assert "Feedback: " in stdout
    assert "## Überdenken der Bewertung" in (out / "feedback" / "1000001.md").read_text(encoding="utf-8")
    # the teacher re-runs the old batch: the Überdenken stays the current grade
    assert main(["grade", str(strict_exercise), str(subs), "--out", str(out)]) == 0
    assert "1000001,Erika Musterfrau,18," in (out / "grades.csv").read_text(encoding="utf-8")
    with Gradebook(book) as gradebook:
        assert [e.kind for e in gradebook.entries()] == ["bewertung", "überdenken"]


def test_gradebook_command_shows_history_and_averages(tmp_path, library, capsys):
    path = tmp_path / "gb.sqlite"
    with Gradebook(path) as book:
        for exercise_id, name in (("g_streit", "streit_hm.json"), ("g_streit", "streit_mm.json"),
                                  ("g_vertretbar", "vertretbar_perfect.json")):
            exercise = load_exercise(DATA / "course" / f"{exercise_id}.yaml", library)
            data = json.loads((DATA / "answers" / name).read_text(encoding="utf-8"))
            data["student"] = "42"
            if name == "streit_mm.json":
                data["gesamtergebnis"]["applies"] = []  # mixes the views: 14 points (8 of 10 BE)
            from lawkit.grading.answers import answer_from_mapping

            book.record(grade(exercise, answer_from_mapping(data, library), library))
        averages = book.averages()
    # current grades of student 42: g_streit 14 (the later entry), g_vertretbar 18 → 16.00
    assert averages == {"42": (Decimal("16.00"), "sehr gut", 2)}
    assert main(["gradebook", str(path), "--student", "42"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Aufgabe | Matrikelnummer | Eintrag | Art | Punkte | Note | BE | Zeit | Grund"
    assert [line.split(" | ")[:6] for line in out[1:4]] == [
        ["g_streit", "42", "1", "bewertung", "18", "sehr gut"],
        ["g_streit", "42", "2", "bewertung", "14", "gut"],
        ["g_vertretbar", "42", "3", "bewertung", "18", "sehr gut"]]
    assert out[-1] == "42: 16,00 Punkte (sehr gut) aus 2 Aufgabe(n)"


def test_gradebook_command_refuses_a_missing_or_foreign_file(tmp_path, capsys):
    assert main(["gradebook", str(tmp_path / "none.sqlite")]) == 2
    assert capsys.readouterr().err == (f"lawkit gradebook: {tmp_path / 'none.sqlite'}: dieses Notenbuch gibt "
                                       "es nicht; erwartet die SQLite-Datei, die `lawkit grade` angelegt hat\n")
    assert not (tmp_path / "none.sqlite").exists()
    junk = tmp_path / "junk.sqlite"
    junk.write_text("kein SQLite", encoding="utf-8")
    assert main(["gradebook", str(junk)]) == 2
    assert capsys.readouterr().err == (f"lawkit gradebook: {junk}: Notenbuch: die Datei ist keine "
                                       "SQLite-Datenbank; erwartet eine SQLite-Datei, die `lawkit grade` "
                                       "angelegt hat, auf einem beschreibbaren Datenträger mit freiem "
                                       "Speicherplatz\n")


def test_entries_are_stored_exactly(tmp_path, library):
    exercise = load_exercise(DATA / "course" / "g_streit.yaml", library)
    data = json.loads((DATA / "answers" / "streit_hm.json").read_text(encoding="utf-8"))
    del data["norms"][0]["elements"]["geheimnis"]
    from lawkit.grading.answers import answer_from_mapping

    result = grade(exercise, answer_from_mapping(data, library), library)
    with Gradebook(tmp_path / "gb.sqlite") as book:
        entry, _ = book.record(result)
    assert entry.units == result.units and isinstance(entry.units, Fraction)
    raw = sqlite3.connect(tmp_path / "gb.sqlite").execute("SELECT units, max_units FROM entries").fetchone()
    assert raw == (str(result.units), "10")
