"""Prose answers as files: .md with front matter, .txt, .docx; and every kind of bad input."""

import io

import pytest

from lawkit import default_library
from lawkit.errors import AuthoringError
from lawkit.reading import MAX_PROSE_BYTES, ProseError, prose_text, read_gutachten, read_prose


def _norms():
    library = default_library()
    return [library.norm("stgb_203_2_1"), library.norm("stgb_11_1_2")], library


def test_markdown_front_matter_gives_exercise_student_and_name(tmp_path):
    path = tmp_path / "1234567.md"
    path.write_text("\ufeff---\nexercise: e01_geheimnis\nstudent: 1234567\nname: Erika Musterfrau\n---\n"
                    "R ist Amtsträgerin.\n", encoding="utf-8")
    document = read_prose(path)
    assert (document.exercise, document.student, document.name) == ("e01_geheimnis", "1234567",
                                                                      "Erika Musterfrau")
    assert document.text == "R ist Amtsträgerin.\n"
    assert document.kind == "md" and document.file == str(path)


def test_unknown_front_matter_key_and_unclosed_front_matter_are_named(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\nexercise: e01\nnote: hallo\n---\nText", encoding="utf-8")
    with pytest.raises(ProseError, match=r"unbekannte Angabe 'note' im Kopf; erlaubt sind exercise, student"):
        read_prose(path)
    path.write_text("---\nexercise: e01\nText ohne Ende", encoding="utf-8")
    with pytest.raises(ProseError, match="nicht geschlossen"):
        read_prose(path)


def test_an_empty_text_gets_an_honest_reading():
    norms, library = _norms()
    reading = read_gutachten("", norms=norms, library=library)
    assert reading.norms == () and reading.messages == ("Die Bearbeitung enthält keinen Text.",)


def test_a_five_megabyte_text_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "riesig.txt"
    path.write_bytes(b"a" * 5_000_000)
    with pytest.raises(ProseError) as info:
        read_prose(path)
    assert str(info.value) == (
        f"{path}: Der Text ist 5.0 MB groß; eine Bearbeitung darf höchstens 1 MB haben. Ist das wirklich "
        "das Gutachten (und nicht etwa eine eingebettete Grafik oder eine andere Datei)?")
    assert isinstance(info.value, AuthoringError)  # a batch reports it like any bad answer file
    with pytest.raises(ProseError, match=r"5\.0 MB"):
        prose_text("a" * 5_000_000)
    assert MAX_PROSE_BYTES == 1_000_000


def test_a_docx_that_is_no_word_file_is_named(tmp_path):
    path = tmp_path / "abgabe.docx"
    path.write_text("Das ist eigentlich eine Textdatei.", encoding="utf-8")
    with pytest.raises(ProseError) as info:
        read_prose(path)
    assert str(info.value).startswith(f"{path}: Das ist keine Word-Datei (.docx)")


def test_a_word_file_is_read_paragraph_by_paragraph(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("A. § 203 Abs. 2 S. 1 StGB")
    document.add_paragraph("R könnte sich nach § 203 Abs. 2 S. 1 StGB strafbar gemacht haben.")
    document.add_paragraph("Ein Geheimnis liegt vor.")
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "1234567.docx"
    path.write_bytes(buffer.getvalue())
    prose = read_prose(path)
    assert prose.kind == "docx"
    assert prose.text == ("A. § 203 Abs. 2 S. 1 StGB\n\nR könnte sich nach § 203 Abs. 2 S. 1 StGB strafbar "
                          "gemacht haben.\n\nEin Geheimnis liegt vor.")
    norms, library = _norms()
    reading = read_gutachten(prose, norms=norms, library=library)
    assert reading.element("stgb_203_2_1", "geheimnis").conclusion.value == "erfüllt"


def test_a_windows_1252_file_is_refused_with_a_hint(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("R ist Amtsträgerin.".encode("cp1252"))
    with pytest.raises(ProseError, match="Windows-1252"):
        read_prose(path)


def test_unknown_suffix_missing_file_and_folder(tmp_path):
    with pytest.raises(ProseError, match=r"unbekannte Dateiendung '\.pdf'"):
        read_prose(tmp_path / "a.pdf")
    with pytest.raises(ProseError, match=r"Die Datei gibt es nicht\."):
        read_prose(tmp_path / "fehlt.md")
    folder = tmp_path / "ordner.md"
    folder.mkdir()
    with pytest.raises(ProseError, match="Das ist ein Ordner"):
        read_prose(folder)


def test_a_text_in_english_gets_an_honest_message():
    norms, library = _norms()
    text = ("The defendant R may be liable under section 203 of the criminal code. She is an official "
            "and she told her brother about the plans of the company, which was a secret that was "
            "known only to a few people. Therefore she is guilty.")
    reading = read_gutachten(text, norms=norms, library=library)
    assert "Der Text scheint nicht auf Deutsch geschrieben zu sein" in reading.messages[0]
    assert reading.norms == ()


def test_a_text_citing_no_norm_says_so_and_still_reads_what_it_can():
    norms, library = _norms()
    text = ("Strafbarkeit wegen Verletzung von Privatgeheimnissen\n\nR könnte sich wegen Verletzung von "
            "Privatgeheimnissen strafbar gemacht haben. Ein Geheimnis liegt vor.")
    reading = read_gutachten(text, norms=norms, library=library)
    assert reading.messages[0].startswith("Die Bearbeitung zitiert keine Norm der Aufgabe")
    assert reading.element("stgb_203_2_1", "geheimnis").conclusion.value == "erfüllt"
