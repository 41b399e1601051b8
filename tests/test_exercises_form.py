"""The answer form of an exercise notebook, driven from Python as the widgets' callbacks are."""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from datetime import datetime

import pytest

from lawkit.exercises import find_exercise
from lawkit.exercises.form import AnswerForm, AnswerFormError, answer_form, grouped_norms

NOW = datetime(2026, 11, 21, 10, 0, 0)


@pytest.fixture
def form(tmp_path):
    return AnswerForm(find_exercise("e03_verkauf"), answers_dir=tmp_path / "answers", clock=lambda: NOW)


def fill(form: AnswerForm) -> None:
    form.student.value = "1234567"
    form.name.value = "Erika Musterfrau"
    form.norm_selector.checkboxes["stgb_203_2_1"].value = True  # ticking = examination order
    form.norm_selector.checkboxes["stgb_204_1"].value = True
    form.norm_result["stgb_203_2_1"].value = "erfüllt"
    form.norm_result["stgb_204_1"].value = "erfüllt"
    form.element_result["stgb_203_2_1"]["geheimnis"].value = "erfüllt"
    form.element_begruendung["stgb_203_2_1"]["geheimnis"].value = "Nur F-GmbH und Aufsicht kennen die Liste."
    form.element_result["stgb_203_2_1"]["besonders_verpflichteter"].value = "kann dahinstehen"
    form.begruendung["stgb_203_2_1"].value = "M ist Amtsträger nach § 11 Abs. 1 Nr. 2 lit. c StGB."
    form.add_konkurrenz("stgb_204_1", "stgb_203_2_1")
    form.konkurrenzen_begruendung.value = "Die Verwertung geschah durch Offenbaren."
    form.applies["stgb_203_2_1"].value = True
    form.gesamtergebnis.value = "M ist nach § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar."


EXPECTED = {
    "exercise": "e03_verkauf",
    "student": "1234567",
    "name": "Erika Musterfrau",
    "submitted": "2026-11-21T10:00:00",
    "norms": [
        {"norm": "stgb_203_2_1", "result": "erfüllt",
         "begruendung": "M ist Amtsträger nach § 11 Abs. 1 Nr. 2 lit. c StGB.",
         "elements": {
             "geheimnis": {"result": "erfüllt", "begruendung": "Nur F-GmbH und Aufsicht kennen die Liste."},
             "besonders_verpflichteter": {"result": "kann dahinstehen"},
         }},
        {"norm": "stgb_204_1", "result": "erfüllt"},
    ],
    "konkurrenzen": [{"norm": "stgb_204_1", "yields_to": "stgb_203_2_1"}],
    "konkurrenzen_begruendung": "Die Verwertung geschah durch Offenbaren.",
    "gesamtergebnis": {"applies": ["stgb_203_2_1"], "text": "M ist nach § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar."},
}


def test_all_norms_of_the_library_grouped_by_law_in_order(form, library):
    groups = grouped_norms(library)
    assert [law for law, _ in groups][:3] == ["StGB", "WpHG", "BGB"]
    stgb = [n.id for n in dict(groups)["StGB"]]
    assert stgb[:5] == ["stgb_11_1_2", "stgb_11_1_4", "stgb_203_2_1", "stgb_203_6", "stgb_204_1"]
    assert sorted(form.norm_selector.checkboxes) == sorted(library.norms)
    assert form.norm_selector.value == ()
    assert form.norm_result == {}  # nothing is pre-selected: choosing the norms is part of the test


def test_save_writes_the_answer_schema_exactly(form, library):
    fill(form)
    assert form.norm_selector.value == ("stgb_203_2_1", "stgb_204_1")
    assert form.problems() == []
    assert form.answer_dict() == EXPECTED
    path = form.save()
    assert path == form.path and path.name == "e03_verkauf.json"
    assert json.loads(path.read_text(encoding="utf-8")) == EXPECTED
    from lawkit.grading.answers import load_answer

    answer = load_answer(path, library)
    assert (answer.exercise, answer.student, answer.name) == ("e03_verkauf", "1234567", "Erika Musterfrau")
    assert [(n.norm, n.result.value) for n in answer.norms] == [("stgb_203_2_1", "erfüllt"), ("stgb_204_1", "erfüllt")]
    assert answer.norm("stgb_203_2_1").element("besonders_verpflichteter").result.value == "kann dahinstehen"
    assert [(k.norm, k.yields_to) for k in answer.konkurrenzen] == [("stgb_204_1", "stgb_203_2_1")]
    assert answer.applies == ("stgb_203_2_1",)


def test_the_save_button_reports_in_german(form):
    fill(form)
    form.save_button.click()
    assert form.status.value == f"<span style='color:#1b5e20'>Gespeichert: {form.path} (21.11.2026, 10:00:00)</span>"
    assert "lawkit-answer-save" in form.save_button._dom_classes
    assert "lawkit-answer-student" in form.student._dom_classes


def test_validation_messages(form):
    with pytest.raises(AnswerFormError) as info:
        form.save()
    assert str(info.value) == ("Nicht gespeichert: Bitte geben Sie Ihre Matrikelnummer ein. "
                               "Bitte wählen Sie mindestens eine Norm, die Sie prüfen.")
    form.student.value = "12 34"
    form.norm_selector.value = ("stgb_204_1",)
    form.element_begruendung["stgb_204_1"]["verwerten"].value = "Verkauf"
    form.add_konkurrenz("stgb_204_1", "")
    assert form.problems() == [
        "Die Matrikelnummer darf nur Buchstaben, Ziffern, „-“ und „_“ enthalten (höchstens 40 Zeichen).",
        "§ 204 Abs. 1 StGB: Bitte wählen Sie das Ergebnis der Norm (erfüllt, nicht erfüllt oder offen).",
        "§ 204 Abs. 1 StGB, aa) Verwerten: Sie haben eine Begründung geschrieben, aber kein Ergebnis gewählt.",
        "Konkurrenz 1: Bitte wählen Sie beide Normen.",
    ]
    form.save_button.click()
    assert form.status.value.startswith("<span style='color:#b00020'>Nicht gespeichert: Die Matrikelnummer darf nur")
    assert not form.path.exists()


def test_reordering_and_deselecting(form):
    fill(form)
    form.norm_selector.move("stgb_204_1", -1)
    assert form.norm_selector.value == ("stgb_204_1", "stgb_203_2_1")
    assert [n["norm"] for n in form.answer_dict()["norms"]] == ["stgb_204_1", "stgb_203_2_1"]
    form.norm_selector.checkboxes["stgb_204_1"].value = False
    assert form.norm_selector.value == ("stgb_203_2_1",)
    # a Konkurrenz naming a deselected norm is reset, and the form says so before saving
    assert [(a.value, b.value) for a, b in form.konkurrenzen] == [("", "stgb_203_2_1")]
    assert form.problems() == ["Konkurrenz 1: Bitte wählen Sie beide Normen."]
    # ticking it again brings back what was entered
    form.norm_selector.checkboxes["stgb_204_1"].value = True
    assert form.norm_result["stgb_204_1"].value == "erfüllt"


def test_a_saved_answer_is_loaded_when_the_notebook_runs_again(form, tmp_path):
    fill(form)
    form.save()
    again = answer_form("e03_verkauf", answers_dir=tmp_path / "answers")
    assert again.status.value == f"Geladen: {form.path}"
    answer = again.answer_dict()
    answer["submitted"] = EXPECTED["submitted"]
    assert answer == EXPECTED


def test_a_broken_answer_file_leaves_the_form_empty_and_untouched(tmp_path):
    answers = tmp_path / "answers"
    answers.mkdir()
    (answers / "e03_verkauf.json").write_text("{kaputt", encoding="utf-8")
    form = answer_form("e03_verkauf", answers_dir=answers)
    assert form.status.value.startswith(
        f"<span style='color:#b00020'>Die gespeicherte Antwort „{answers / 'e03_verkauf.json'}“ konnte nicht geladen werden (")
    assert form.status.value.endswith("Das Formular beginnt leer; beim Speichern wird die alte Datei unter "
                                      "einem anderen Namen aufbewahrt, nicht überschrieben.</span>")
    assert form.norm_selector.value == ()
    assert (answers / "e03_verkauf.json").read_text(encoding="utf-8") == "{kaputt"
    (answers / "e03_verkauf.json").write_text(json.dumps(dict(EXPECTED, exercise="e01_geheimnis")),
                                              encoding="utf-8")
    other = answer_form("e03_verkauf", answers_dir=answers)
    assert "(die Datei gehört zur Übung „e01_geheimnis“)" in other.status.value


def test_saving_after_a_failed_load_keeps_the_unreadable_file(tmp_path):
    answers = tmp_path / "answers"
    answers.mkdir()
    broken = dict(EXPECTED)
    broken["norms"] = [dict(EXPECTED["norms"][0], elements={"geheimnisse": {"result": "erfüllt"}})]
    original = json.dumps(broken, ensure_ascii=False)
    (answers / "e03_verkauf.json").write_text(original, encoding="utf-8")
    form = AnswerForm(find_exercise("e03_verkauf"), answers_dir=answers, clock=lambda: NOW)
    assert html.escape("(norms[0].elements.geheimnisse: die Norm 'stgb_203_2_1' hat kein Merkmal "
                       "'geheimnisse'") in form.status.value
    assert form.norm_selector.value == ()  # all or nothing: no half-filled form
    fill(form)
    form._save_clicked()
    kept = answers / "e03_verkauf.unlesbar-20261121-100000.json"
    assert kept.read_text(encoding="utf-8") == original
    assert json.loads(form.path.read_text(encoding="utf-8")) == EXPECTED
    assert form.status.value == (f"<span style='color:#1b5e20'>Gespeichert: {form.path} (21.11.2026, 10:00:00). "
                                 f"Die vorher gespeicherte, nicht lesbare Datei ist als „{kept}“ aufbewahrt.</span>")


def test_a_deeply_nested_answer_file_is_refused_not_a_crash(tmp_path):
    answers = tmp_path / "answers"
    answers.mkdir()
    (answers / "e03_verkauf.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    form = answer_form("e03_verkauf", answers_dir=answers)
    assert "konnte nicht geladen werden (das JSON ist zu tief verschachtelt" in form.status.value


def test_the_form_applies_the_graders_limits(form):
    fill(form)
    form.begruendung["stgb_203_2_1"].value = "Sehr lang. " * 1_000_000  # 11 MB
    with pytest.raises(AnswerFormError) as info:
        form.save()
    assert str(info.value).startswith("Nicht gespeichert: Die Antwort hat 110")
    assert str(info.value).endswith("Bytes; die Bewertung nimmt höchstens 1000000 Bytes (1 MB) an. Kürzen "
                                    "Sie die Begründungen.")
    assert not form.path.exists()
    form.begruendung["stgb_203_2_1"].value = "Text \ud800"
    with pytest.raises(AnswerFormError, match=r"^Nicht gespeichert: Die Bewertung würde diese Antwort nicht "
                                              r"annehmen \(norms\[0\]\.begruendung\): der Text enthält ein "
                                              r"ungültiges Unicode-Zeichen"):
        form.save()


def test_a_stale_temporary_of_a_killed_save_is_removed(tmp_path):
    answers = tmp_path / "answers"
    answers.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    stale = answers / f".e03_verkauf.json.lawkit-{dead}.0123abcd.tmp"
    stale.write_text("{halb", encoding="utf-8")
    answer_form("e03_verkauf", answers_dir=answers)
    assert not stale.exists()


def test_answers_dir_that_is_a_file_gives_a_clear_german_error(tmp_path):
    blocker = tmp_path / "answers"
    blocker.write_text("kein Ordner", encoding="utf-8")
    form = AnswerForm(find_exercise("e03_verkauf"), answers_dir=blocker, clock=lambda: NOW)
    fill(form)
    with pytest.raises(AnswerFormError) as info:
        form.save()
    assert str(info.value) == (
        f"Nicht gespeichert: Die Datei „{blocker / 'e03_verkauf.json'}“ kann nicht geschrieben werden "
        f"(File exists). Prüfen Sie, ob „{blocker}“ ein Ordner ist, in den Sie schreiben dürfen. "
        "Eine zuvor gespeicherte Antwort bleibt unverändert.")
    assert blocker.read_text(encoding="utf-8") == "kein Ordner"


def test_a_failed_write_keeps_the_old_answer_and_leaves_no_partial_file(form, monkeypatch):
    fill(form)
    form.save()
    old = form.path.read_bytes()
    form.gesamtergebnis.value = "Neue Fassung"

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)  # the crash happens after the temp file is written
    with pytest.raises(AnswerFormError, match=r"\(No space left on device\)"):
        form.save()
    assert form.path.read_bytes() == old
    assert sorted(p.name for p in form.path.parent.iterdir()) == ["e03_verkauf.json"]


def test_form_works_for_an_exercise_by_path(tmp_path):
    from lawkit.exercises import COURSE_DIR

    form = answer_form(str(COURSE_DIR / "e01_geheimnis.yaml"), answers_dir=tmp_path)
    assert form.exercise.id == "e01_geheimnis"
    assert form._repr_mimebundle_()["application/vnd.jupyter.widget-view+json"]["model_id"]


def test_a_reserved_file_name_is_refused_as_in_the_editor(form):
    fill(form)
    form.student.value = "NUL"
    assert form.problems() == ["„NUL“ ist als Matrikelnummer nicht zulässig (ein reservierter Dateiname)."]
    with pytest.raises(AnswerFormError, match="reservierter Dateiname"):
        form.save()
