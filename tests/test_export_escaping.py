"""Hostile texts in handouts: a case, an answer or a name full of Typst and Markdown syntax is
printed as written, in the PDF and in the DOCX, and never becomes markup (no function call, no
file read, no raw OpenXML, no extra footnote, no heading)."""

from __future__ import annotations

import io
import re
import string
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawkit.export import handout_bytes
from lawkit.export.model import Handout, Heading, Items, Note, Para, Table, clean, line
from lawkit.export.pandoc_writer import pandoc_markdown
from lawkit.export.typst_writer import typst_source
from tests.test_export import docx_parts, pdf_text

# Each is valid syntax of Typst, pandoc Markdown, HTML, OpenXML or YAML somewhere.
HOSTILE = [
    '#set page(width: 1cm)', '#read("/etc/passwd")', '#import "@preview/x:0.1.0": *', '#{ panic("x") }',
    '$x^2 + y_1$', '$$ E = m c^2 $$', '*fett* und _kursiv_', '@referenz und <label>', '[Inhalt] ]]]] [[[',
    'Rückstrich \\ am Ende \\', '\\u{41} \\n \\#', '// Kommentar bis zum Zeilenende', '/* Blockkommentar',
    '= Überschrift', '== zweite Ebene', '- Liste', '+ Aufzählung', '1. Aufzählung', '/ Begriff: Erklärung',
    '`roh` ```typst #panic()```', 'a ~ b -- c --- d ... e -? f', '#footnote[falsche Fußnote]', '^[Inline-Note]',
    '[^1] und [^1]: gefälschte Fußnote', '```{=openxml}\n<w:p><w:r><w:t>INJIZIERT</w:t></w:r></w:p>\n```',
    '<w:p>roh</w:p> <!-- Kommentar --> <script>alert(1)</script>', '![Bild](/etc/passwd) [Link](http://x.invalid)',
    '| Tabelle | Kopf |', '> Zitat', '% Titelblock', '---', '::: Warnung', '\\newpage \\pagebreak',
    '&amp; &lt; &#x41;', '"gerade" und \'einfache\' Anführungszeichen', "YAML: 'quote'' und: Doppelpunkt",
    'https://example.invalid/pfad?a=1&b=2', '{=latex} \\textbf{x}', '% 50 % Rabatt, 3 * 4 = 12, a_b_c',
    'Steuerzeichen \x00\x07\x1b[31m rot \x7f Ende', 'Zeilen\u2028trenner\u2029und\x85mehr',
    'Surrogat \udcff im Namen', 'Tab\tund\nZeilenumbruch', '§ 203 Abs. 2 S. 1 Nr. 1 StGB – „Geheimnis“',
]


def _handout(texts: list[str]) -> Handout:
    blocks: list = [Heading(1, "Abschnitt " + texts[0])]
    for index, text in enumerate(texts):
        blocks.append(Para((f"Absatz {index}: {text}", Note(f"Fußnote {index}: {text}"), " Rest.")))
    blocks.append(Items(tuple((f"Punkt: {text}",) for text in texts[:5])))
    blocks.append(Table((("Spalte", "Wert"), *((f"Zelle {i}", text) for i, text in enumerate(texts[:5])))))
    return Handout("feedback", "Titel " + texts[0], tuple(blocks))


def test_every_hostile_text_is_printed_as_written_in_docx_and_pdf(tmp_path):
    handout = _handout(HOSTILE)
    word = handout_bytes(handout, "docx")
    body, notes, tables = docx_parts(word)
    assert body[0] == line("Titel " + HOSTILE[0])
    assert body[1] == line("Abschnitt " + HOSTILE[0])
    assert body[2:2 + len(HOSTILE)] == [line(f"Absatz {i}: {t}") + " Rest." for i, t in enumerate(HOSTILE)]
    assert notes == [line(f"Fußnote {i}: {t}") for i, t in enumerate(HOSTILE)]  # no note more, no less
    assert body[2 + len(HOSTILE):] == [line(f"Punkt: {t}") for t in HOSTILE[:5]]
    assert tables == [[["Spalte", "Wert"], *([f"Zelle {i}", line(t)] for i, t in enumerate(HOSTILE[:5]))]]
    with zipfile.ZipFile(io.BytesIO(word)) as archive:  # the OpenXML block stayed text, not markup
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "<w:t>INJIZIERT</w:t>" not in xml and "&lt;w:t&gt;INJIZIERT&lt;/w:t&gt;" in xml

    text = pdf_text(handout_bytes(handout, "pdf"), tmp_path)
    for index, hostile in enumerate(HOSTILE):
        printed = " ".join(line(hostile).split())
        assert f"Absatz {index}: {printed}{index + 1} Rest." in text, hostile  # the marker, then the rest
        assert f"{index + 1}Fußnote {index}: {printed}" in text, hostile
    assert len(re.findall(r"\d+Fußnote \d+: ", text)) == len(HOSTILE)  # no footnote more, no less


def test_control_characters_and_surrogates_are_cleaned_not_passed_on():
    assert line("Steuerzeichen \x00\x07\x1b[31m rot \x7f Ende") == "Steuerzeichen [31m rot Ende"
    assert line("Zeilen\u2028trenner\u2029und\x85mehr\x0cSeite") == "Zeilen trenner und mehr Seite"
    assert line("Surrogat \udcff im Namen") == "Surrogat \ufffd im Namen"
    assert line("  Tab\tund\nZeilenumbruch  ") == "Tab und Zeilenumbruch"
    assert line("5\u00a0000 Euro") == "5\u00a0000 Euro"  # a no-break space stays


def test_the_markup_escapes_every_ascii_punctuation_character():
    text = string.punctuation
    source = typst_source(Handout("aufgabe", "T", (Para((text,)),)))
    assert "".join("\\" + c for c in text) in source
    markdown = pandoc_markdown(Handout("aufgabe", "T", (Para((text,)),)))
    assert "".join("\\" + c for c in text) in markdown


# Texts drawn from the characters that matter to the two syntaxes, letters and white space.
TEXTS = st.text(alphabet=st.sampled_from(string.punctuation + "ab Zß§„“–\n\t\\"), min_size=1, max_size=60)


@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXTS, min_size=1, max_size=4))
def test_any_text_round_trips_through_docx(texts):
    handout = Handout("aufgabe", "T", tuple(Para(("x", Note(t), f" {t} y")) for t in texts))
    body, notes, _ = docx_parts(handout_bytes(handout, "docx"))
    assert body[1:] == [("x" + clean(f" {t} y")).strip() for t in texts]
    assert notes == [line(t) for t in texts]


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXTS, min_size=1, max_size=4))
def test_any_text_typesets_and_reads_back_from_the_pdf(texts, tmp_path_factory):
    handout = Handout("aufgabe", "T", tuple(Para((f"<{i}>", t, f"</{i}>")) for i, t in enumerate(texts)))
    text = pdf_text(handout_bytes(handout, "pdf"), tmp_path_factory.mktemp("pdf"))
    for i, t in enumerate(texts):
        assert f"<{i}>{' '.join(line(t).split())}</{i}>".replace("> ", ">").replace(" </", "</") in \
            text.replace("> ", ">").replace(" </", "</")


def test_a_paragraph_of_a_hostile_case_cannot_add_a_heading_or_a_page(tmp_path):
    import typst

    hostile = "\n\n= Neue Überschrift\n\n#pagebreak()\n\n"
    source = typst_source(Handout("gutachten", "T", (Para((hostile,)),)))
    assert source.endswith("\n\\= Neue Überschrift \\#pagebreak\\(\\)\n")
    assert pdf_text(handout_bytes(Handout("gutachten", "T", (Para((hostile,)),)), "pdf"), tmp_path) == (
        "T = Neue Überschrift #pagebreak() 1")  # the title, the text as written, page number 1
    # the same text unescaped would be a heading and a second page: the check above can fail
    raw = source.replace("\\= Neue Überschrift \\#pagebreak\\(\\)", hostile)
    assert pdf_text(typst.compile(raw.encode("utf-8")), tmp_path) == "T Neue Überschrift 1 2"
