"""Grading Gutachten in prose by the rules of the form (issue 13): the three cases of the issue
graded as an examiner would, per-text outcomes over the annotated corpus, every deduction quoting
its sentence, "nicht sicher erkannt" never deducted, bad prose files in a class batch, and the
teacher's correction of a reading kept with its history."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest

from lawkit.exercises import find_exercise
from lawkit.grading import Gradebook, grade, grade_batch, load_answer
from lawkit.grading.answers import answer_from_mapping
from lawkit.grading.model import Kind, Status
from lawkit.reading.sources import prose_file
from tests.prose_corpus import CORPUS, corpus

E01 = CORPUS / "e01_geheimnis"
NOT_DISCUSSED = "nicht erörtert"


@pytest.fixture(scope="module")
def e01():
    return find_exercise("e01_geheimnis")


def graded_file(path: Path, library, exercise=None):
    exercise = exercise or find_exercise(path.parent.name)
    return grade(exercise, load_answer(path, library, exercise=exercise), library)


def counted(result, code_prefix: str = "") -> list[str]:
    return [d.code for d in result.deductions if d.units and d.code.startswith(code_prefix)]


# -- the three cases of the issue ------------------------------------------------------------------
TICKS = {
    "tatbestand": "erfüllt", "objektiver_tatbestand": "erfüllt", "tatgegenstand": "erfüllt",
    "geheimnis": "erfüllt", "beschraenkter_kreis": "erfüllt", "geheimhaltungsinteresse": "erfüllt",
    "fremdheit": "erfüllt", "taeterkreis": "erfüllt", "amtstraeger": "erfüllt",
    "besonders_verpflichteter": "kann dahinstehen", "kenntnis_in_eigenschaft": "erfüllt",
    "tathandlung": "erfüllt", "offenbaren": "erfüllt", "unbefugt": "erfüllt",
    "subjektiver_tatbestand": "erfüllt", "rechtswidrigkeit": "erfüllt", "schuld": "erfüllt",
    "strafantrag": "erfüllt",
}


def form_answer(begruendung: str, elements: dict[str, str] | None = None, result: str = "erfüllt") -> dict:
    """A structured answer to e01 with every tick right (the Musterlösung's results)."""
    texts = elements or {}
    return {
        "exercise": "e01_geheimnis", "student": "1234567",
        "norms": [{"norm": "stgb_203_2_1", "result": result, "begruendung": begruendung,
                   "elements": {k: {"result": v, **({"begruendung": texts[k]} if k in texts else {})}
                                for k, v in TICKS.items()}}],
        "gesamtergebnis": {"applies": ["stgb_203_2_1"]},
    }


def test_the_good_prose_gutachten_is_not_told_nicht_eroertert(library, e01):
    """Issue 13, case 3: a good Gutachten without the element map scored 10 with ten deductions
    "nicht erörtert", including points it discusses at length. Read, it is complete: 18 points."""
    result = graded_file(E01 / "01_gutachtenstil.md", library, e01)
    assert (result.points, result.label) == (18, "sehr gut")
    assert [d for d in result.deductions if d.given == NOT_DISCUSSED] == []
    assert result.deductions == () and result.flags == ()
    part = result.part("stgb_203_2_1")
    assert part.status is Status.ZUTREFFEND
    given = {e.element: e.given for e in part.elements}
    assert given["geheimnis"] == given["offenbaren"] == given["subjektiver_tatbestand"] == "erfüllt"
    assert given["besonders_verpflichteter"] == "kann dahinstehen"


def test_a_telegram_answer_is_clearly_below_a_full_gutachten(library, e01):
    """Issue 13, case 1: telegram answers in the form ("Übergabe an C = Offenbaren, unbefugt,
    vorsätzlich", "Vorsatz (+)") scored 18/18. With the Darstellung graded they are clearly below
    the Gutachten with the same results – in the form and in prose."""
    full = graded_file(E01 / "01_gutachtenstil.md", library, e01)
    telegram_form = grade(e01, answer_from_mapping(form_answer(
        "Übergabe an B = Offenbaren, unbefugt, vorsätzlich",
        {"subjektiver_tatbestand": "Vorsatz (+)", "geheimnis": "Geheimnis (+)"})), library)
    telegram_prose = graded_file(E01 / "02_telegramm.md", library, e01)
    assert (full.points, telegram_prose.points, telegram_form.points) == (18, 13, 11)
    assert (full.label, telegram_prose.label, telegram_form.label) == ("sehr gut", "gut", "vollbefriedigend")
    # the results are right in all three: no fachlicher Abzug; the difference is the Darstellung
    assert full.fachlich == telegram_prose.fachlich == telegram_form.fachlich == ()
    assert "stil:gutachtenstil:stgb_203_2_1#geheimnis" in counted(telegram_prose)
    telegram_note = next(d for d in telegram_prose.deductions
                         if d.code == "stil:gutachtenstil:stgb_203_2_1#geheimnis")
    assert (telegram_note.given, telegram_note.quote, telegram_note.where) == (
        "Telegrammstil", "Geheimnis (+)", "I. 1.")
    assert telegram_form.part("darstellung").units < Fraction(1, 2) * telegram_form.part("darstellung").weight
    # the form's telegram Begründung names no norm and examines none of its Merkmale
    assert "zitat:stgb_203_2_1" in counted(telegram_form)


def test_right_ticks_with_nonsense_prose_lose_the_begruendung(library, e01):
    """Issue 13, case 2: the right ticks with "Der Mond ist aus Käse" scored 18. The Begründung
    names the norm but examines nothing, and there is no Darstellung to credit."""
    result = grade(e01, answer_from_mapping(form_answer("Der Mond ist aus Käse (§ 203 StGB).")), library)
    codes = counted(result)
    assert "begruendung-ohne-pruefung:stgb_203_2_1" in codes and "stil:keine-pruefung" in codes
    nonsense = next(d for d in result.deductions if d.code == "begruendung-ohne-pruefung:stgb_203_2_1")
    assert nonsense.given == "die Vorschrift wird genannt, aber kein Merkmal geprüft"
    assert result.part("darstellung").units == 0
    assert result.points == 8  # 8.4 of 18 BE: the right results keep their shares, nothing else does
    pure = graded_file(E01 / "07_mond.md", library, e01)  # the same nonsense as a Gutachten: nothing read
    assert (pure.points, pure.part("stgb_203_2_1").status) == (0, Status.NICHT_EROERTERT)


def test_prose_contradicting_the_ticks_is_a_contradiction(library, e01):
    """Issue 13: prose saying "hat sich daher strafbar gemacht" while the form says "nicht
    erfüllt" raised no contradiction. Where the Darstellung is graded, the Begründung is read and
    its marked Ergebnis held against the ticks."""
    answer = form_answer("R hat ihrem Bruder das Geheimnis mitgeteilt. Sie hat sich daher nach § 203 Abs. 2 "
                         "S. 1 StGB strafbar gemacht.", result="nicht erfüllt")
    result = grade(e01, answer_from_mapping(answer), library)
    flag = next(f for f in result.flags if f.code == "formular:stgb_203_2_1")
    assert flag.text == ("§ 203 Abs. 2 S. 1 StGB: Ihre Begründung sagt „Sie hat sich daher nach § 203 "
                         "Abs. 2 S. 1 StGB strafbar gemacht.“ (erfüllt), Ihr Ergebnis lautet aber „nicht "
                         "erfüllt“.")
    assert "widerspruch:formular:stgb_203_2_1" in [d.code for d in result.deductions]


# -- per-text outcomes over the corpus -------------------------------------------------------------
# points; deductions "nicht erörtert"; flags. Pinned: the examiner's picture of each text (the
# clean Gutachten on top, telegram and Urteilsstil answers below it, retellings and nonsense at the
# bottom; self-contradicting and wrong texts lose what is wrong).
OUTCOMES = {
    "e01_geheimnis/01_gutachtenstil": (18, 0, 0),
    "e01_geheimnis/02_telegramm": (13, 0, 0),
    "e01_geheimnis/03_urteilsstil": (17, 1, 0),
    "e01_geheimnis/04_synonyme": (17, 0, 0),
    "e01_geheimnis/05_mindermeinung": (16, 0, 0),
    "e01_geheimnis/06_widerspruch": (11, 5, 2),
    "e01_geheimnis/07_mond": (0, 1, 0),
    "e01_geheimnis/08_nacherzaehlt": (4, 17, 0),
    "e01_geheimnis/09_roemisch": (16, 3, 0),
    "e01_geheimnis/10_ohne_zitat": (14, 5, 0),
    "e01_geheimnis/11_amtstraeger_verneint": (11, 9, 0),
    "e01_geheimnis/12_vorsatz_verneint": (12, 7, 0),
    "e04_nebengeschaeft/01_gutachten_lang": (17, 0, 0),
    "e04_nebengeschaeft/02_telegramm": (13, 6, 0),
    "e04_nebengeschaeft/03_ohne_wphg": (14, 4, 0),
    "e04_nebengeschaeft/04_andere_reihenfolge": (16, 10, 0),
    "e04_nebengeschaeft/05_urteilsstil": (11, 20, 0),
    "e04_nebengeschaeft/06_widerspruch": (11, 14, 2),
    "e04_nebengeschaeft/07_synonyme": (14, 12, 0),
    "e04_nebengeschaeft/08_falsch_offenbart": (11, 15, 0),
    "e04_nebengeschaeft/09_knapp": (15, 16, 0),
    "e04_nebengeschaeft/10_telegramm_markdown": (11, 15, 0),
    "e04_nebengeschaeft/11_minderheit_offenbart": (11, 14, 0),
    "e04_nebengeschaeft/12_fragen": (12, 18, 0),
    # e05: § 823 Abs. 2 BGB is not applicable for the Beamter B (Sperrwirkung, examined first), so
    # its Tatbestand is not required and not charged as "nicht erörtert"
    "e05_amtshaftung/01_gutachtenstil": (16, 0, 0),
    "e05_amtshaftung/02_telegramm": (13, 0, 0),
    "e05_amtshaftung/03_urteilsstil": (16, 2, 0),
    "e05_amtshaftung/04_ohne_823": (12, 5, 0),
    "e05_amtshaftung/05_falsch_kumulativ": (13, 4, 0),
    "e05_amtshaftung/06_synonyme": (14, 2, 0),
    "e05_amtshaftung/07_nacherzaehlt": (0, 3, 0),
    "e05_amtshaftung/08_andere_reihenfolge": (14, 3, 0),
    "e05_amtshaftung/09_gutachten_kurz": (15, 3, 0),
    "e05_amtshaftung/10_persoenlich": (10, 9, 0),
    "e05_amtshaftung/11_offen": (9, 6, 0),
}
ITEMS = corpus()


def test_every_corpus_text_has_a_pinned_outcome():
    assert sorted(OUTCOMES) == sorted(item.name for item in ITEMS)


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.name)
def test_per_text_outcome(item, library):
    result = graded_file(item.path, library)
    missing = [d for d in result.deductions if d.given == NOT_DISCUSSED and d.units]
    assert (result.points, len(missing), len(result.flags)) == OUTCOMES[item.name]
    # every unit lost is explained by one deduction
    assert result.units + sum((d.units for d in result.deductions), Fraction(0)) == result.max_units
    # "nicht erörtert" only where the hand annotation says the text does not discuss the point
    for deduction in missing:
        target = deduction.code.partition(":")[2]
        if "#" in target:
            assert target not in item.elements or target in item.misses, (item.name, target)
        else:
            assert target not in item.norms, (item.name, target)
    # every deduction about something the text says quotes the sentence it refers to
    for deduction in result.deductions:
        if deduction.units and deduction.given not in (NOT_DISCUSSED, "kein Gesamtergebnis") \
                and not deduction.code.startswith(("norm-fehlt:", "konkurrenz-fehlt:", "gesamt-fehlt:",
                                                   "stil:keine-pruefung", "zitat:")):
            assert deduction.quote, (item.name, deduction.code)
            assert deduction.quote.removesuffix("…") in " ".join(result.reading.text.split()), \
                (item.name, deduction.code)
            assert deduction.where, (item.name, deduction.code)


def test_nicht_sicher_erkannt_is_never_deducted(library, e01):
    """A point the text states both ways is "nicht sicher erkannt": shown, not deducted as an
    element; the contradiction costs what a contradiction costs (Folgerichtigkeit)."""
    text = ("A. § 203 Abs. 2 S. 1 StGB\n\nR könnte sich nach § 203 Abs. 2 S. 1 StGB strafbar gemacht haben.\n\n"
            "I. Vorsatz\n\nR handelte vorsätzlich. Ein Vorsatz liegt somit vor. Vorsatz ist daher zu "
            "verneinen.\n\nB. Ergebnis\n\nR hat sich nach § 203 Abs. 2 S. 1 StGB strafbar gemacht.\n")
    answer = load_answer_text(text, library, e01)
    reading = answer.prose.reading.element("stgb_203_2_1", "subjektiver_tatbestand")
    assert reading.unsure and reading.status == "nicht sicher erkannt"
    result = grade(e01, answer, library)
    element = next(e for e in result.part("stgb_203_2_1").elements if e.element == "subjektiver_tatbestand")
    assert (element.given, element.correct) == ("nicht sicher erkannt", None)
    assert not [d for d in result.deductions if d.code.endswith("#subjektiver_tatbestand")
                and not d.code.startswith(("widerspruch:", "stil:"))]
    assert "text:stgb_203_2_1#subjektiver_tatbestand" in [f.code for f in result.flags]
    assert any(n.startswith("Nicht sicher erkannt und daher ohne Abzug: „Subjektiver Tatbestand – Vorsatz“ (A. I.)")
               for n in result.notes)


def load_answer_text(text: str, library, exercise, student: str = "1234567", name: str = "Test.md"):
    from lawkit.grading.prose import prose_answer
    from lawkit.reading.sources import prose_of_file_text

    document = prose_of_file_text(prose_file(text, exercise=exercise.id, student=student), name)
    return prose_answer(document, library, exercise=exercise)


def test_a_discussed_point_without_result_is_not_called_nicht_eroertert(library, e01):
    text = ("A. § 203 Abs. 2 S. 1 StGB\n\nR könnte sich nach § 203 Abs. 2 S. 1 StGB strafbar gemacht haben.\n\n"
            "I. Amtsträgerin\n\nR ist Angestellte der BaFin und nimmt dort Aufgaben der Wertpapieraufsicht "
            "wahr. Ob das reicht, ist eine Frage der Auslegung des § 11 StGB.\n")
    answer = load_answer_text(text, library, e01)
    result = grade(e01, answer, library)
    missing = next(d for d in result.deductions if d.code == "merkmal-ohne-ergebnis:stgb_203_2_1#amtstraeger")
    assert (missing.kind, missing.given, missing.where) == (
        Kind.PRUEFUNGSSPEZIFISCH, "erörtert, aber ohne erkennbares Ergebnis", "A. I.")
    assert missing.quote.startswith("R ist Angestellte der BaFin")
    assert not [d for d in result.deductions if d.code == "merkmal-fehlt:stgb_203_2_1#amtstraeger"]


# -- the feedback ------------------------------------------------------------------------------------
def test_the_feedback_shows_the_annotated_gutachten(library, e01):
    result = graded_file(E01 / "02_telegramm.md", library, e01)
    page = result.feedback_html()
    assert "<h2>Ihr Gutachten mit Randbemerkungen</h2>" in page
    assert '<div class="lk-reading">' in page and '<span class="lk-note lk-bad">Telegrammstil</span>' in page
    assert "<script" not in page and "http" not in page
    markdown = result.feedback_markdown()
    assert "## Ihr Gutachten mit Randbemerkungen" in markdown
    assert "- I. 1. („1. Geheimnis (+):“): Telegrammstil, Definition?\n" in markdown
    assert "- I. 5. („5. Übergabe an B = Offenbaren (+)“): Telegrammstil, SV!\n" in markdown
    assert "### Darstellung (BVerwG 6 B 71.17, Rn. 10)" in markdown
    assert "| Gutachtenstil | 12 | 1 | 0,15 von 1,78 |" in markdown
    assert "Ihre Bearbeitung (I. 1.: „Geheimnis (+)“): Telegrammstil." in markdown


def test_the_student_text_is_escaped_in_the_feedback(library, e01, tmp_path):
    path = tmp_path / "1234567.md"
    path.write_text(prose_file("A. § 203 Abs. 2 S. 1 StGB\n\n<script>alert(1)</script> R könnte sich nach "
                               "§ 203 Abs. 2 S. 1 StGB strafbar gemacht haben.\n", exercise=e01.id,
                               student="1234567", name="<b>Erika</b>"), encoding="utf-8")
    page = graded_file(path, library, e01).feedback_html()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>Erika</b>" not in page


# -- a class of Gutachten: bad files reported, the batch goes on ---------------------------------------
def test_bad_prose_files_are_reported_and_the_batch_goes_on(library, e01, tmp_path):
    subs = tmp_path / "abgaben"
    subs.mkdir()
    (subs / "1000001.md").write_text((E01 / "01_gutachtenstil.md").read_text(encoding="utf-8").replace(
        'student: "9100001"', 'student: "1000001"'), encoding="utf-8")
    (subs / "1000002.txt").write_text("", encoding="utf-8")  # empty
    (subs / "1000003.txt").write_bytes(b"a" * 5_000_000)  # 5 MB
    (subs / "1000004.docx").write_text("kein Word", encoding="utf-8")
    (subs / "1000005.txt").write_text(
        "The defendant R may be liable under section 203 of the criminal code. She is an official and she "
        "told her brother about the plans of the company, which was a secret that was known only to a few "
        "people. Therefore she is guilty.", encoding="utf-8")
    (subs / "1000006.txt").write_text("Die R hat ihrem Bruder etwas erzählt. Das ist verboten, finde ich.",
                                      encoding="utf-8")
    (subs / "1000007.txt").write_bytes("R ist Amtsträgerin nach § 11 StGB.".encode("cp1252"))
    (subs / "1000008.md").write_text("---\nexercise: e04_nebengeschaeft\n---\nText\n", encoding="utf-8")
    report = grade_batch(e01, subs, tmp_path / "out", library=library)
    assert sorted(r.student for r in report.rows) == ["1000001", "1000002", "1000005", "1000006", "1000007"]
    problems = {(Path(p.file).name, p.kind, p.reason) for p in report.problems}
    from_name = "Matrikelnummer {} aus dem Dateinamen übernommen (die Datei hat keinen Kopf mit student)"
    assert problems == {
        ("1000002.txt", "hinweis", from_name.format("1000002")),
        ("1000002.txt", "hinweis", "Gutachten: Die Bearbeitung enthält keinen Text."),
        ("1000003.txt", "fehler", "Der Text ist 5.0 MB groß; eine Bearbeitung darf höchstens 1 MB haben. Ist "
                                  "das wirklich das Gutachten (und nicht etwa eine eingebettete Grafik oder "
                                  "eine andere Datei)?"),
        ("1000004.docx", "fehler", "Das ist keine Word-Datei (.docx): Der Inhalt ist kein Office-Open-XML-"
                                   "Paket. Bitte in Word „Speichern unter … Word-Dokument (.docx)“ wählen "
                                   "oder das Gutachten als .txt oder .md abgeben."),
        ("1000005.txt", "hinweis", from_name.format("1000005")),
        ("1000005.txt", "hinweis", "Gutachten: Der Text scheint nicht auf Deutsch geschrieben zu sein; der "
                                   "Leser versteht nur deutsche Gutachten, seine Ergebnisse sind hier "
                                   "unzuverlässig."),
        ("1000005.txt", "hinweis", "Gutachten: In der Bearbeitung wurde keine Prüfung einer Norm der Aufgabe "
                                   "erkannt."),
        ("1000006.txt", "hinweis", from_name.format("1000006")),
        ("1000006.txt", "hinweis", "Gutachten: In der Bearbeitung wurde keine Prüfung einer Norm der Aufgabe "
                                   "erkannt."),
        ("1000007.txt", "hinweis", from_name.format("1000007")),
        ("1000007.txt", "hinweis", "nicht UTF-8, als Windows-1252 (cp1252) gelesen – erstes solches Zeichen "
                                   "'ä' in Zeile 1; speichern Sie die Datei als UTF-8 (in Windows-Editoren: "
                                   "„UTF-8“)"),
        ("1000008.md", "fehler", "exercise: das Gutachten gehört zur Aufgabe 'e04_nebengeschaeft'; erwartet "
                                 "'e01_geheimnis'"),
    }
    assert report.exit_code == 1
    points = {r.student: r.points for r in report.rows}
    assert points == {"1000001": 18, "1000002": 0, "1000005": 0, "1000006": 0, "1000007": 0}
    feedback = (tmp_path / "out" / "feedback" / "1000006.md").read_text(encoding="utf-8")
    assert "In der Bearbeitung wurde keine Prüfung einer Norm der Aufgabe erkannt." in feedback
    with (tmp_path / "out" / "grades.csv").open(encoding="utf-8") as handle:
        assert sorted(row["ID number"] for row in csv.DictReader(handle)) == sorted(points)


def test_a_gutachten_and_a_form_answer_of_one_student_are_settled_by_time(library, e01, tmp_path):
    subs = tmp_path / "abgaben"
    subs.mkdir()
    text = (E01 / "01_gutachtenstil.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    (subs / "a.md").write_text(prose_file(text, exercise=e01.id, student="1000001",
                                          submitted="2026-11-21T12:00:00"), encoding="utf-8")
    (subs / "b.json").write_text(json.dumps(dict(form_answer("Vorsatz (+)"), student="1000001",
                                                 submitted="2026-11-21T10:00:00")), encoding="utf-8")
    report = grade_batch(e01, subs, tmp_path / "out", library=library)
    assert [(r.student, Path(r.file).name, r.points) for r in report.rows] == [("1000001", "a.md", 18)]
    assert [(Path(p.file).name, p.kind) for p in report.problems] == [("b.json", "konflikt")]


# -- the teacher confirms a reading ----------------------------------------------------------------
def test_a_teacher_corrects_a_reading_through_regrade_and_it_is_kept(library, e01, tmp_path, capsys):
    """The reader misses the Vorsatz in one Gutachten ("nicht erörtert"); the teacher says where it
    is discussed. The Überdenken records what was corrected and why, the old grade stays, and the
    next `lawkit grade` of the class keeps the corrected reading – until the text changes."""
    from lawkit.cli import main

    subs = tmp_path / "abgaben"
    subs.mkdir()
    text = ("A. Strafbarkeit nach § 203 Abs. 2 S. 1 StGB\n\n"
            "R könnte sich nach § 203 Abs. 2 S. 1 StGB strafbar gemacht haben.\n\n"
            "Es müsste sich um ein Geheimnis handeln. Geheimnisse sind Tatsachen, die nur einem beschränkten "
            "Kreis von Personen bekannt sind. Vom Kundenverlust wissen nur die Geschäftsführung und die BaFin. "
            "Ein Geheimnis liegt vor.\n\n"
            "Das Wissen um die Verschwiegenheitspflicht und das Wollen der Weitergabe waren bei R gegeben.\n\n"
            "B. Ergebnis\n\nR hat sich nach § 203 Abs. 2 S. 1 StGB strafbar gemacht.\n")
    (subs / "1000001.md").write_text(prose_file(text, exercise=e01.id, student="1000001"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["grade", "e01_geheimnis", str(subs), "--out", str(out)]) == 1 - 1
    book_path = out / "gradebook.sqlite"
    with Gradebook(book_path) as book:
        before = book.current("e01_geheimnis", "1000001")
    assert "merkmal-fehlt:stgb_203_2_1#subjektiver_tatbestand" in [d["code"] for d in before.deductions]
    capsys.readouterr()
    # a place the text does not have, or a wrong id, is refused before anything is recorded
    assert main(["regrade", "e01_geheimnis", str(subs / "1000001.md"), "--gradebook", str(book_path),
                 "--reason", "x", "--reading", "stgb_203_2_1#subjektiver_tatbestand=erfüllt@Abs. 9"]) == 2
    assert capsys.readouterr().err == (
        "lawkit regrade: --reading Stelle 'Abs. 9': der Text hat 4 Absätze (Überschriften nicht mitgezählt); "
        "erwartet Abs. 1 bis Abs. 4\n")
    assert main(["regrade", "e01_geheimnis", str(subs / "1000001.md"), "--gradebook", str(book_path),
                 "--reason", "x", "--reading", "stgb_203_2_1#vorsatz=erfüllt@Abs. 3"]) == 2
    assert "die Norm 'stgb_203_2_1' hat kein Merkmal 'vorsatz'" in capsys.readouterr().err
    with Gradebook(book_path) as book:
        assert len(book.history("e01_geheimnis", "1000001")) == 1
    reason = "Abs. 3 erörtert Wissen und Wollen, also den Vorsatz."
    assert main(["regrade", "e01_geheimnis", str(subs / "1000001.md"), "--gradebook", str(book_path),
                 "--reason", reason, "--reading",
                 "stgb_203_2_1#subjektiver_tatbestand=erfüllt@Abs. 3"]) == 0
    shown = capsys.readouterr().out
    assert "Lesart der Bearbeitung von der Lehrkraft berichtigt (sie gilt für diesen Text, solange er " \
           "unverändert ist):\n- stgb_203_2_1#subjektiver_tatbestand=erfüllt@Abs. 3\n" in shown
    with Gradebook(book_path) as book:
        history = book.history("e01_geheimnis", "1000001")
        assert [e.kind for e in history] == ["bewertung", "überdenken"]
        after = history[-1]
        assert after.reason == reason and after.previous == before.id
        assert "merkmal-fehlt:stgb_203_2_1#subjektiver_tatbestand" not in [d["code"] for d in after.deductions]
        assert after.units > before.units
        fixes = book.readings("e01_geheimnis", "1000001")
        assert [(f.correction, f.reason, f.entry) for f in fixes] == [
            ("stgb_203_2_1#subjektiver_tatbestand=erfüllt@Abs. 3", reason, after.id)]
    # the next class run keeps the corrected reading (and adds nothing)
    assert main(["grade", "e01_geheimnis", str(subs), "--out", str(out)]) == 0
    with Gradebook(book_path) as book:
        assert [e.kind for e in book.history("e01_geheimnis", "1000001")] == ["bewertung", "überdenken"]
    feedback = (out / "feedback" / "1000001.html").read_text(encoding="utf-8")
    assert "Subjektiver Tatbestand – Vorsatz: (+) (Lesart bestätigt)" in feedback
    # a new text is read anew: the correction was for the old one
    (subs / "1000001.md").write_text(prose_file(text.replace("Geheimnis liegt vor", "Geheimnis liegt also vor"),
                                                exercise=e01.id, student="1000001"), encoding="utf-8")
    main(["grade", "e01_geheimnis", str(subs), "--out", str(out)])
    with Gradebook(book_path) as book:
        latest = book.current("e01_geheimnis", "1000001")
    assert "merkmal-fehlt:stgb_203_2_1#subjektiver_tatbestand" in [d["code"] for d in latest.deductions]


def test_a_reading_cannot_be_corrected_on_a_form_answer(library, tmp_path, capsys):
    from lawkit.cli import main

    subs = tmp_path / "abgaben"
    subs.mkdir()
    (subs / "1234567.json").write_text(json.dumps(form_answer("Vorsatz (+)")), encoding="utf-8")
    main(["grade", "e01_geheimnis", str(subs), "--out", str(tmp_path / "out")])
    capsys.readouterr()
    assert main(["regrade", "e01_geheimnis", str(subs / "1234567.json"), "--gradebook",
                 str(tmp_path / "out" / "gradebook.sqlite"), "--reason", "x", "--reading",
                 "stgb_203_2_1=erfüllt@Abs. 1"]) == 2
    assert "ist eine Antwort im Formular, kein Gutachten" in capsys.readouterr().err


def test_the_same_text_twice_counts_once(library, e01, tmp_path):
    subs = tmp_path / "abgaben"
    subs.mkdir()
    text = (E01 / "02_telegramm.md").read_text(encoding="utf-8")
    (subs / "a.md").write_text(text, encoding="utf-8")
    (subs / "b.md").write_text(text.replace('name: Tom Kurz', 'name: "Tom  Kurz"'), encoding="utf-8")
    report = grade_batch(e01, subs, tmp_path / "out", library=library)
    assert [r.student for r in report.rows] == ["9100002"]
    assert any("dieselbe Lösung mehrfach abgegeben" in n for n in report.notes)


def test_a_gradebook_of_the_previous_schema_gets_the_readings_table(tmp_path):
    import sqlite3

    path = tmp_path / "alt.sqlite"
    with Gradebook(path):
        pass
    db = sqlite3.connect(path)
    db.execute("DROP TABLE readings")
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    with Gradebook(path) as book:
        assert book.readings("e01_geheimnis") == ()


def test_docx_gutachten_is_graded(library, e01, tmp_path):
    import docx

    document = docx.Document()
    for paragraph in (E01 / "01_gutachtenstil.md").read_text(encoding="utf-8").split("---\n", 2)[2].split("\n\n"):
        document.add_paragraph(paragraph.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "9100001.docx"
    path.write_bytes(buffer.getvalue())
    result = graded_file(path, library, e01)
    assert (result.student, result.points) == ("9100001", 18)
    markdown = replace(result, notes=()).feedback_markdown()
    assert "Ihr Gutachten mit Randbemerkungen" in markdown
