"""Segmenting: headings in any common Gliederung, paragraphs, sentences with legal abbreviations."""

from lawkit.reading import segment
from lawkit.reading.text import split_sentences


def _headings(text):
    return [(b.heading.number, b.heading.level, b.where, text[b.heading.title_start:b.heading.title_end])
            for b in segment(text) if b.heading is not None]


def test_the_usual_gliederung_nests_in_the_order_it_appears():
    text = ("A. Strafbarkeit\n\nI. Tatbestand\n\n1. Objektiver Tatbestand\n\na) Geheimnis\n\n"
            "aa) Kreis\n\n(1) Interesse\n\nB. Ergebnis\n")
    assert _headings(text) == [
        ("A.", 0, "A.", "Strafbarkeit"), ("I.", 1, "A. I.", "Tatbestand"),
        ("1.", 2, "A. I. 1.", "Objektiver Tatbestand"), ("a)", 3, "A. I. 1. a)", "Geheimnis"),
        ("aa)", 4, "A. I. 1. a) aa)", "Kreis"), ("(1)", 5, "A. I. 1. a) aa) (1)", "Interesse"),
        ("B.", 0, "B.", "Ergebnis")]


def test_a_gliederung_starting_with_roman_numbers_nests_too():
    text = "I. Strafbarkeit\n\n1. Tatbestand\n\na) Geheimnis\n\nII. Ergebnis\n"
    assert [(n, lv, w) for n, lv, w, _ in _headings(text)] == [
        ("I.", 0, "I."), ("1.", 1, "I. 1."), ("a)", 2, "I. 1. a)"), ("II.", 0, "II.")]


def test_markdown_and_unnumbered_headings():
    text = "# § 203 StGB\n\n- Geheimnis (+)\n\nKonkurrenzen\n\nText.\n"
    blocks = segment(text)
    assert [b.kind for b in blocks] == ["heading", "paragraph", "heading", "paragraph"]
    assert text[blocks[0].heading.title_start:blocks[0].heading.title_end] == "§ 203 StGB"


def test_numbered_line_with_a_colon_is_heading_and_content():
    text = "1. Geheimnis (+): nur wenige wissen davon\n"
    blocks = segment(text)
    assert [b.kind for b in blocks] == ["heading", "paragraph"]
    assert [text[s.start:s.end] for b in blocks for s in b.sentences] == ["Geheimnis (+)",
                                                                          "nur wenige wissen davon"]


def test_legal_abbreviations_do_not_end_a_sentence():
    text = ("Nach h.M. ist § 203 Abs. 2 S. 1 Nr. 1 StGB i.V.m. § 11 Abs. 1 Nr. 2 lit. c StGB anwendbar, "
            "vgl. dazu a.A. bzw. z.B. u.a. die Literatur. Das ist so. R erfuhr es am 5. März. Dann kam B.")
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == [
        "Nach h.M. ist § 203 Abs. 2 S. 1 Nr. 1 StGB i.V.m. § 11 Abs. 1 Nr. 2 lit. c StGB anwendbar, vgl. "
        "dazu a.A. bzw. z.B. u.a. die Literatur.",
        "Das ist so.", "R erfuhr es am 5. März.", "Dann kam B."]


def test_every_span_points_into_the_original_text():
    text = "  A. Erster Teil\n\n  R ist Amtsträgerin.   Sie handelte vorsätzlich.\n"
    sentences = [text[s.start:s.end] for b in segment(text) for s in b.sentences]
    assert sentences == ["Erster Teil", "R ist Amtsträgerin.", "Sie handelte vorsätzlich."]
