"""Handouts (lawkit export): a Gutachten, an exercise sheet, a Lösungsskizze and a feedback as
PDF (read back with poppler's pdftotext) and DOCX (read back with python-docx, footnotes from
word/footnotes.xml), checked against the renderer's own texts; the same bytes twice; German
errors from the command."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from lawkit import check
from lawkit.cli import main
from lawkit.coursework.loading import find_exercise
from lawkit.export import (
    exercise_sheet,
    feedback_handout,
    gutachten_handout,
    handout_bytes,
    solution_sketch,
    write_handout,
)
from lawkit.export.handouts import cited
from lawkit.export.model import Note
from lawkit.grading.answers import load_answer
from lawkit.grading.grader import grade
from lawkit.rendering.gutachten import compose

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CASE = "verkauf_an_konkurrenten"
PROSE = Path(__file__).parent / "data" / "prose" / "e01_geheimnis" / "02_telegramm.md"


# -- reading the files back --------------------------------------------------------------------

def pdf_text(data: bytes, tmp_path: Path) -> str:
    """The PDF's text as pdftotext reads it in the order it is drawn (-raw: no joining of a line
    that ends in a hyphen with the next), white space made single spaces."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext fehlt (Debian-Paket poppler-utils; .ci/run installiert es): "
                    "der Text des PDF lässt sich nicht prüfen")
    path = tmp_path / "handout.pdf"
    path.write_bytes(data)
    done = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def flat(text: str) -> str:
    return " ".join(text.split())


def docx_parts(data: bytes) -> tuple[list[str], list[str], list[list[list[str]]]]:
    """(paragraphs of the body, footnotes in order, tables as rows of cells) of a DOCX."""
    import docx
    from lxml import etree

    document = docx.Document(io.BytesIO(data))
    notes: list[str] = []
    for part in document.part.package.parts:
        if str(part.partname) == "/word/footnotes.xml":
            root = etree.fromstring(part.blob)
            for note in root.iter(f"{W}footnote"):
                if int(note.get(f"{W}id")) > 0:  # -1 and 0: the separators
                    notes.append("".join(t.text or "" for t in note.iter(f"{W}t")).strip())
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return [p.text for p in document.paragraphs], notes, tables


def marked(parts: tuple[str | int, ...]) -> str:
    """A renderer paragraph as pdftotext prints it: the footnote numbers as digits after the text."""
    return "".join(str(p) for p in parts)


def plain(parts: tuple[str | int, ...]) -> str:
    """A renderer paragraph as Word's paragraph text (the footnote reference has no text)."""
    return "".join(p for p in parts if isinstance(p, str))


# -- the Gutachten -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def result(library):
    return check(library.case(CASE), library)


@pytest.mark.parametrize("style", ["gutachten", "urteilsstil"])
@pytest.mark.parametrize("level", ["ausführlich", "klausurmäßig"])
def test_gutachten_pdf_and_docx_carry_the_renderers_obersatz_footnotes_and_ergebnis(
        result, style, level, tmp_path):
    document = compose(result, style, level)
    paragraphs = [b for b in document.blocks if hasattr(b, "parts")]
    first = paragraphs[0]  # the Obersatz (Gutachtenstil) or the result first (Urteilsstil)
    assert first.role == ("obersatz" if style == "gutachten" else "ergebnis")
    assert plain(first.parts).startswith("M könnte sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht "
                                         "haben, indem er C die Kundenliste der F-GmbH übergab."
                                         if style == "gutachten" else
                                         "M hat sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht.")
    heading = next(i for i, b in enumerate(document.blocks) if getattr(b, "text", "") == "Gesamtergebnis")
    last = document.blocks[heading + 1]  # the Gesamtergebnis, as the renderer words it
    assert plain(last.parts).startswith("M hat sich gemäß § 203 Abs. 2 S. 1 Nr. 1 StGB strafbar gemacht.")
    assert "§ 204 Abs. 1 StGB" in plain(document.blocks[heading + 2].parts)
    assert len(document.footnotes) >= 5
    handout = gutachten_handout(result, style, level)

    text = pdf_text(handout_bytes(handout, "pdf"), tmp_path)
    assert flat(marked(first.parts)) in text
    assert flat(marked(last.parts)) in text
    assert f"1{document.footnotes[0]}" in text  # footnote 1 at the foot of the page, with its number
    assert flat(document.footnotes[-1]) in text
    assert text.index("Sachverhalt") < text.index("Wie hat sich M strafbar gemacht?") < text.index(
        flat(marked(first.parts)))

    body, notes, _ = docx_parts(handout_bytes(handout, "docx"))
    assert notes == list(document.footnotes)  # every Fundstelle a real Word footnote, in order
    assert plain(first.parts) in body and plain(last.parts) in body
    assert plain(document.blocks[heading + 2].parts) in body
    assert body[0] == document.title  # the title paragraph
    assert result.case.fallfrage in body


def test_a_footnote_stands_where_the_renderer_cites_it(result, tmp_path):
    """The Definition of the Geheimnis carries footnote 1 (MüKo), the Word reference sits right
    after that sentence."""
    import docx

    document = compose(result, "gutachten", "ausführlich")
    cited_paragraph = next(b for b in document.blocks if hasattr(b, "parts") and 1 in b.parts)
    assert document.footnotes[0].startswith("Vgl. Cierniak/Niehaus, in: MüKo-StGB")
    data = handout_bytes(gutachten_handout(result), "docx")
    word = docx.Document(io.BytesIO(data))
    paragraph = next(p for p in word.paragraphs if p.text == plain(cited_paragraph.parts))
    runs = paragraph._p.xpath(".//w:r")
    reference = [i for i, r in enumerate(runs) if r.xpath("./w:footnoteReference")]
    assert len(reference) == 1
    before = "".join(t.text for r in runs[:reference[0]] for t in r.xpath("./w:t"))
    assert before == plain(cited_paragraph.parts[:cited_paragraph.parts.index(1)])


def test_the_same_input_gives_the_same_bytes(result):
    handout = gutachten_handout(result, "gutachten", "klausurmäßig")
    assert handout_bytes(handout, "pdf") == handout_bytes(gutachten_handout(result, "gutachten",
                                                                              "klausurmäßig"), "pdf")
    first, second = handout_bytes(handout, "docx"), handout_bytes(handout, "docx")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:  # no clock in the file: 1980-01-01 throughout
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert ">1970-01-01T00:00:00Z</dcterms:created>" in core  # pandoc's sandbox reads no clock and "<dc:language>de-DE</dc:language>" in core


def test_the_pdf_has_no_date_and_only_the_wheels_fonts(result, tmp_path):
    data = handout_bytes(gutachten_handout(result), "pdf")
    assert b"/CreationDate" not in data and b"/ModDate" not in data
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts fehlt (Debian-Paket poppler-utils)")
    (tmp_path / "g.pdf").write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(tmp_path / "g.pdf")], capture_output=True, text=True,
                           check=True).stdout
    assert "LibertinusSerif-Regular" in fonts and "LibertinusSerif-Bold" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # every font embedded


# -- the exercise sheet and the Lösungsskizze ---------------------------------------------------

def test_exercise_sheet_has_sachverhalt_fallfrage_bearbeitervermerk_and_no_solution(library, tmp_path):
    exercise = find_exercise("e03_verkauf", library=library)
    handout = exercise_sheet(exercise, library)
    sachverhalt = [flat(p) for p in exercise.sachverhalt.split("\n\n") if p.strip()]
    assert len(sachverhalt) == 2

    body, notes, _ = docx_parts(handout_bytes(handout, "docx"))
    assert body[:2] == ["Übung: Geheimnisse gegen Geld", "Übung e03_verkauf · Niveau: mittel"]
    start = body.index("Sachverhalt")
    assert body[start + 1:start + 3] == sachverhalt
    assert body[start + 3:start + 7] == ["Fallfrage", flat(exercise.fallfrage), "Bearbeitervermerk",
                                         flat(exercise.bearbeitervermerk)]
    assert ("Ausarbeitung: Gesetzliche Folgen eines Verstoßes gegen die Verschwiegenheitspflicht nach "
            "§ 21 Abs. 1 S. 1 WpHG, Abschn. 2.1, Abschn. 2.2, Fn. 19, Fn. 20, Fn. 23, Fn. 24") in body
    assert notes == []
    skizze_start = flat(exercise.solution.skizze)[:60]
    assert not any(skizze_start in p for p in body)

    text = pdf_text(handout_bytes(handout, "pdf"), tmp_path)
    for paragraph in [*sachverhalt, flat(exercise.fallfrage), flat(exercise.bearbeitervermerk)]:
        assert paragraph in text
    assert "5 000 Euro" in text and skizze_start not in text and "Strafantrag der F-GmbH" not in text


def test_solution_sketch_with_vertretbar_footnotes_weights_and_the_gutachten(library, tmp_path):
    exercise = find_exercise("e09_paragraph_812", library=library)
    entry = exercise.solution.vertretbar["pruefungsrecht_fachliche_wertung"]
    assert [s.at for s in entry.sources] == ["Rn. 11", "Rn. 12", "Rn. 13"]
    handout = solution_sketch(exercise, library, with_gutachten=True)
    gutachten = compose(check(exercise.case(library), library), "gutachten", "ausführlich")
    bverwg = library.seeds["bverwg"].title

    body, notes, tables = docx_parts(handout_bytes(handout, "docx"))
    assert body[0] == f"Lösungsskizze: {exercise.title}"
    for paragraph in exercise.solution.skizze.split("\n\n"):
        assert flat(paragraph) in body
    assert notes[0] == f"{bverwg}, Rn. 9, Rn. 11, Rn. 12, Rn. 13."  # the exercise's material
    assert notes[1] == f"{bverwg}, Rn. 11, Rn. 12, Rn. 13."  # the first vertretbar result's Fundstellen
    assert notes[-len(gutachten.footnotes):] == list(gutachten.footnotes)  # the Gutachten's, unchanged
    assert any(p.startswith(f"pruefungsrecht_fachliche_wertung: erfüllt, nicht erfüllt. {flat(entry.because)}")
               for p in body)
    assert tables[0] == [["Prüfungsteil", "Punkte"], ["Art. 19 Abs. 4 S. 1 GG i.V.m. Art. 12 Abs. 1 GG", "6"],
                         ["Gesamtergebnis", "2"], ["insgesamt", "8"]]  # Konkurrenzen weigh 0 here

    text = pdf_text(handout_bytes(handout, "pdf"), tmp_path)
    assert flat(exercise.solution.skizze.split("\n\n")[0]) in text
    assert f"2{notes[1]}" in text and "Gutachten des Prüfprogramms" in text


# -- the feedback --------------------------------------------------------------------------------

RN9 = "BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 9."


def test_cited_turns_bverwg_parentheses_into_footnotes_after_the_sentence():
    assert cited("… nicht als falsch bewerten.“ (BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 9)") == (
        "… nicht als falsch bewerten.“", Note(RN9))
    assert cited("erwartet werden (BVerwG, Rn. 13; ebenso Rn. 11). Aufbau (Rn. 10) zählt.") == (
        "erwartet werden.", Note("BVerwG, Rn. 13; ebenso Rn. 11."), " Aufbau (Rn. 10) zählt.")
    assert cited("ohne Zitat") == ("ohne Zitat",)


def test_feedback_of_a_prose_answer_as_pdf_and_docx(library, tmp_path):
    exercise = find_exercise("e01_geheimnis", library=library)
    graded = grade(exercise, load_answer(PROSE, library, exercise=exercise), library)
    handout = feedback_handout(graded)
    points = (f"{graded.points} Punkte – {graded.label} (13,3 von 18 Bewertungseinheiten, BE)")
    assert (graded.points, graded.label) == (13, "gut")

    body, notes, tables = docx_parts(handout_bytes(handout, "docx"))
    assert body[0] == "Bewertung: Die Angestellte der Wertpapieraufsicht"
    assert points in body
    assert notes[0] == RN9  # the BVerwG citation of the introduction, now a footnote
    assert "Ebd." in notes  # a citation repeated right after itself
    assert tables[0][0] == ["Teil", "Stand", "Ihr Ergebnis", "vertretbar", "BE"]
    assert ["§ 203 Abs. 2 S. 1 Nr. 1 StGB (Verletzung von Privatgeheimnissen)", "geprüft und zutreffend",
            "erfüllt", "erfüllt", "8 von 8"] in tables[0]
    assert any(p.startswith("Fachliche Wertungen betreffen") and p.endswith("nicht als falsch bewerten.“")
               for p in body)

    text = pdf_text(handout_bytes(handout, "pdf"), tmp_path)
    assert points in text and f"1{RN9}" in text
    assert "Ihr Gutachten mit Randbemerkungen" in text


# -- the command ---------------------------------------------------------------------------------

def test_cli_writes_pdf_and_docx_atomically_the_same_bytes_in_another_process(tmp_path, capsys):
    import sys

    first, second = tmp_path / "a" / "g", tmp_path / "b" / "g"
    options = ["export", "gutachten", CASE, "--style", "urteilsstil", "--level", "klausurmäßig"]
    assert main([*options, "--out", f"{first}.pdf", "--out", f"{first}.docx"]) == 0
    subprocess.run([sys.executable, "-c", "import sys; from lawkit.cli import main; sys.exit(main(sys.argv[1:]))",
                    *options, "--out", f"{second}.pdf", "--out", f"{second}.docx"], check=True,
                   capture_output=True)
    for suffix, magic in ((".pdf", b"%PDF-"), (".docx", b"PK")):
        data = Path(f"{first}{suffix}").read_bytes()
        assert data.startswith(magic) and data == Path(f"{second}{suffix}").read_bytes()
    out = capsys.readouterr().out
    assert f"{first}.pdf: Geheimnisse gegen Geld — Urteilsstil (PDF, " in out
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["g.docx", "g.pdf"]  # no temporaries


def _error(capsys, *argv: str) -> str:
    assert main(["export", *argv]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.err.strip()


def test_cli_errors_are_german_and_name_what_was_expected(tmp_path, capsys):
    out = str(tmp_path / "x.pdf")
    assert _error(capsys, "gutachten", "verkauf_an_konkurent", "--out", out) == (
        "lawkit export: unbekannter Fall 'verkauf_an_konkurent'; meinten Sie 'verkauf_an_konkurrenten'?; "
        "erwartet die ID eines Falls der Bibliothek oder des Kursordners oder den Pfad einer Falldatei")
    assert _error(capsys, "aufgabe", "e99_gibt_es_nicht", "--out", out).startswith(
        "lawkit export: unbekannte Aufgabe 'e99_gibt_es_nicht'")
    assert _error(capsys, "gutachten", CASE, "--out", str(tmp_path / "x.txt")) == (
        f"lawkit export: {tmp_path / 'x.txt'}: unbekannte Dateiendung '.txt'; erwartet eine Datei mit der "
        "Endung .pdf oder .docx")
    missing = tmp_path / "fehlt.json"
    assert _error(capsys, "feedback", "e03_verkauf", str(missing), "--out", out) == (
        f"lawkit export: {missing}: diese Antwort gibt es nicht; erwartet die Datei einer Antwort (.json, "
        ".yaml) oder eines Gutachtens (.md, .txt, .docx)")
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner", encoding="utf-8")
    target = blocker / "g.pdf"
    assert _error(capsys, "aufgabe", "e03_verkauf", "--out", str(target)) == (
        f"lawkit export: {target}: lässt sich nicht schreiben (ein Teil des Pfads ist eine Datei, kein Ordner); "
        "erwartet einen beschreibbaren Ordner mit freiem Speicherplatz")
    (tmp_path / "ordner.pdf").mkdir()
    assert _error(capsys, "aufgabe", "e03_verkauf", "--out", str(tmp_path / "ordner.pdf")) == (
        f"lawkit export: {tmp_path / 'ordner.pdf'}: das ist ein Ordner; erwartet den Namen einer .pdf- oder "
        ".docx-Datei")
    assert not (tmp_path / "x.pdf").exists()


def test_cli_feedback_from_a_graded_class_matches_the_gradebook(tmp_path, capsys):
    from lawkit.grading.gradebook import Gradebook
    from lawkit.grading.model import format_units

    submissions = tmp_path / "abgaben"
    submissions.mkdir()
    answer = {"exercise": "e03_verkauf", "student": "1234567", "name": "Erika <#Muster*frau>",
              "norms": [{"norm": "stgb_203_2_1", "result": "erfüllt",
                         "begruendung": "M offenbart die Liste [unbefugt] #set $x$ @ref."},
                        {"norm": "stgb_204_1", "result": "nicht erfüllt"}],
              "gesamtergebnis": {"applies": ["stgb_203_2_1"], "text": "M ist nach § 203 StGB strafbar."}}
    (submissions / "1234567.json").write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
    assert main(["grade", "e03_verkauf", str(submissions), "--out", str(tmp_path / "grades")]) == 0
    capsys.readouterr()
    book = tmp_path / "grades" / "gradebook.sqlite"
    with Gradebook(book, create=False) as gradebook:
        entry = gradebook.current("e03_verkauf", "1234567")
    assert entry is not None
    pdf, word = tmp_path / "f.pdf", tmp_path / "f.docx"
    assert main(["export", "feedback", "e03_verkauf", str(submissions / "1234567.json"), "--gradebook", str(book),
                 "--out", str(pdf), "--out", str(word)]) == 0
    assert pdf.stat().st_mode & 0o777 == 0o600  # personal data: for its owner only
    body, _, _ = docx_parts(word.read_bytes())
    assert "Aufgabe e03_verkauf · Bearbeitung von Erika <#Muster*frau> (Matrikelnummer 1234567)" in body
    assert f"{entry.points} Punkte – {entry.label} (" in "\n".join(body)
    text = pdf_text(pdf.read_bytes(), tmp_path)
    assert "Erika <#Muster*frau>" in text and f"{entry.points} Punkte – {entry.label}" in text
    assert not any(p.startswith("Überdenken der Bewertung") for p in body)

    reason = "Einwand vom 21.11.: § 204 StGB ist nicht geprüft [#x]."
    assert main(["regrade", "e03_verkauf", str(submissions / "1234567.json"), "--gradebook", str(book),
                 "--reason", reason, "--accept", "stgb_204_1=nicht erfüllt"]) == 0
    capsys.readouterr()
    assert main(["export", "feedback", "e03_verkauf", str(submissions / "1234567.json"), "--gradebook", str(book),
                 "--out", str(word)]) == 0
    with Gradebook(book, create=False) as gradebook:
        after = gradebook.current("e03_verkauf", "1234567")
    assert after.kind == "überdenken" and after.points > entry.points
    body, _, _ = docx_parts(word.read_bytes())
    account = body[body.index("Überdenken der Bewertung (e03_verkauf, Matrikelnummer 1234567)"):]
    assert account[1] == f"Grund: {reason}"
    assert account[2].startswith(f"Bisher (Eintrag {entry.id}, ") and account[2].endswith(
        f"{entry.points} Punkte ({entry.label}), {format_units(entry.units)} von {format_units(entry.max_units)} BE")
    assert account[3].startswith(f"Nach Überdenken (Eintrag {after.id}, ")
    assert f"{after.points} Punkte – {after.label} (" in "\n".join(body)
    assert account[-1] == "Die frühere Bewertung bleibt im Notenbuch erhalten."
    assert _error(capsys, "feedback", "e03_verkauf", str(submissions / "1234567.json"), "--gradebook",
                  str(tmp_path / "nix.sqlite"), "--out", str(pdf)) == (
        f"lawkit export: {tmp_path / 'nix.sqlite'}: dieses Notenbuch gibt es nicht; erwartet die Datei "
        "gradebook.sqlite, die `lawkit grade` angelegt hat")


def test_write_handout_picks_the_format_from_the_ending(result, tmp_path):
    handout = gutachten_handout(result)
    assert write_handout(handout, tmp_path / "g.DOCX").read_bytes().startswith(b"PK")
    assert write_handout(handout, tmp_path / "g.pdf").read_bytes().startswith(b"%PDF-")


def test_every_shipped_case_exports_in_both_styles_and_levels(library):
    """No case of the library breaks a handout: every Gutachten typesets, with all its footnotes."""
    count = 0
    for case_id in sorted(library.case_files):
        result = check(library.case(case_id), library)
        for style in ("gutachten", "urteilsstil"):
            for level in ("ausführlich", "klausurmäßig"):
                handout = gutachten_handout(result, style, level)
                assert handout.notes() == list(compose(result, style, level).footnotes), (case_id, style, level)
                assert handout_bytes(handout, "pdf").startswith(b"%PDF-")
                count += 1
        _, notes, _ = docx_parts(handout_bytes(gutachten_handout(result, "gutachten", "klausurmäßig"), "docx"))
        assert notes == list(compose(result, "gutachten", "klausurmäßig").footnotes), case_id
    assert count == 4 * len(library.case_files) >= 4 * 19
