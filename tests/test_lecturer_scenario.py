"""A lecturer's scenario end to end, as she would work: in a temporary course folder, without
writing anything under lawkit/.

Her own norm (§ 246 Abs. 1 StGB) with a Meinungsstreit (the manifestation of the Zueignung) and
a Konkurrenz referring to a shipped norm (Subsidiarität to § 353b Abs. 1 S. 1 StGB) → her own
case → validate → her own exercise → build → a student's answer → grade → (the lead adds the
export of handouts at the marked place at the end).
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

import lawkit
from lawkit.cli import main
from lawkit.loading.kurs import ENV_VAR, use_kurs

EXAMPLE = Path(__file__).parent / "data" / "kurs_strafrecht"
PACKAGE = Path(lawkit.__file__).resolve().parent


def _package_state() -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in PACKAGE.rglob("*") if p.is_file()
            and "__pycache__" not in p.parts}


@pytest.fixture
def lecturer(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    use_kurs(None)


def test_lecturer_scenario(lecturer, capsys, monkeypatch):
    before = _package_state()
    # 1. She creates her course folder and copies in her norm, case and exercise (written with
    #    `lawkit new` skeletons; tests/data/kurs_strafrecht holds what she wrote).
    assert main(["new", "kurs", "strafrecht"]) == 0
    kurs = lecturer / "strafrecht"
    for folder in ("norms", "cases", "aufgaben"):
        for path in (EXAMPLE / folder).glob("*.yaml"):
            shutil.copy(path, kurs / folder)
    capsys.readouterr()

    # 2. Her norm refers to a shipped one: `lawkit show` gives the schema with the ids.
    assert main(["show", "kurs_stgb_246_1", "--kurs", str(kurs)]) == 0
    shown = capsys.readouterr().out
    assert "Konkurrenzen:\n  tritt zurück hinter stgb_353b_1_1 (Subsidiarität):" in shown
    assert "– Ansicht [weite_manifestationstheorie] Weite Manifestationstheorie (herrschende Meinung):" \
        in shown

    # 3. validate: the whole course folder in one run.
    assert main(["validate", "--kurs", str(kurs)]) == 0
    out = capsys.readouterr().out.splitlines()
    root = kurs.resolve()
    assert [line for line in out if line.startswith("ok")] == [
        f"ok     {root / 'kurs.yaml'}: Kurs 'strafrecht'",
        f"ok     {root / 'norms' / 'kurs_stgb_246_1.yaml'}: Norm 'kurs_stgb_246_1' (§ 246 Abs. 1 StGB, "
        "10 Merkmale)",
        f"ok     {root / 'cases' / 'kurs_akte.yaml'}: Fall 'kurs_akte' (2 Norm(en), 21 Tatsachen)",
        f"ok     {root / 'aufgaben' / 'kurs_a01_akte.yaml'}: Aufgabe 'kurs_a01_akte' (2 verlangte Norm(en))",
    ]

    # 4. Her case: the Meinungsstreit matters and is decided; the Konkurrenz is examined and does
    #    not apply (two acts: Friday and Sunday), so A is liable under both norms.
    assert main(["check", "kurs_akte", "--kurs", str(kurs)]) == 0
    gutachten = capsys.readouterr().out
    assert ("Nach der engen Manifestationstheorie muss das Verhalten schon für einen unbeteiligten "
            "Beobachter, der den Willen des Täters nicht kennt, eindeutig auf die Zueignung schließen "
            "lassen.") in gutachten
    assert "        cc) Stellungnahme\n" in gutachten
    assert "Überzeugender ist die weite Manifestationstheorie. Ihr ist zu folgen." in gutachten
    assert ("A eignet sich das Blatt am Freitag zu; das Geheimnis offenbart sie erst am Sonntag am "
            "Telefon. § 246 Abs. 1 StGB tritt daher nicht hinter § 353b Abs. 1 S. 1 Nr. 1 StGB "
            "zurück.") in gutachten
    assert gutachten.count("A hat sich gemäß § 246 Abs. 1 StGB strafbar gemacht.") == 2  # Ergebnis, Gesamt
    assert "A hat sich gemäß § 353b Abs. 1 S. 1 Nr. 1 StGB strafbar gemacht." in gutachten

    # 5. Her exercise on her own case: build (students' and teachers' notebooks).
    assert main(["exercises", "build", "--kurs", str(kurs)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "4 file(s) written, 0 unchanged"
    notebook = json.loads((kurs / "exercises" / "kurs_a01_akte.ipynb").read_text(encoding="utf-8"))
    assert "Prüfen Sie die Strafbarkeit der A nach § 353b Abs. 1 S. 1 StGB und nach § 246 Abs. 1 StGB" \
        in "".join(notebook["cells"][3]["source"])
    assert "Manifestationstheorie" not in (kurs / "exercises" / "kurs_a01_akte.ipynb").read_text(
        encoding="utf-8")  # no solution text reaches the students

    # 6. A student follows the enge Manifestationstheorie: § 246 not met — vertretbar.
    abgaben = lecturer / "abgaben"
    abgaben.mkdir()
    (abgaben / "1234567.json").write_text(json.dumps({
        "exercise": "kurs_a01_akte", "student": "1234567", "name": "Erika Musterfrau",
        "norms": [
            {"norm": "stgb_353b_1_1", "result": "erfüllt",
             "begruendung": "A ist Amtsträgerin nach § 11 Abs. 1 Nr. 2 StGB und hat das Geheimnis J "
                            "unbefugt offenbart; § 353b Abs. 1 S. 1 Nr. 1 StGB ist erfüllt."},
            {"norm": "kurs_stgb_246_1", "result": "nicht erfüllt",
             "begruendung": "Nach der engen Manifestationstheorie fehlt die Zueignung; § 246 Abs. 1 "
                            "StGB scheidet aus.",
             "elements": {"fremde_bewegliche_sache": {"result": "erfüllt"},
                          "zueignung": {"result": "nicht erfüllt"}}},
        ],
        "gesamtergebnis": {"applies": ["stgb_353b_1_1"]},
    }, ensure_ascii=False), encoding="utf-8")

    # 7. grade, from inside the course folder (found from the working directory).
    monkeypatch.chdir(kurs)
    assert main(["grade", "kurs_a01_akte", str(abgaben), "--out", str(lecturer / "noten")]) == 0
    summary = capsys.readouterr().out
    assert summary.splitlines()[:3] == [
        f"Aufgabe kurs_a01_akte: 1 bewertet, 0 nicht bewertet oder strittig; Ausgabe in {lecturer / 'noten'}",
        "Bewertete Abgaben: 1",
        "Durchschnitt (§ 2 JurPrNotSkV): 15,00 Punkte (sehr gut)",
    ]
    with (lecturer / "noten" / "grades.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["ID number"], r["Punkte"]) for r in rows] == [("1234567", "15")]
    assert rows[0]["Feedback"].startswith("15 Punkte (gut), 12 von 14 BE. Fachliche Abzüge: keine.")
    feedback = (lecturer / "noten" / "feedback" / "1234567.md").read_text(encoding="utf-8")
    assert ("Gemessen am Lösungsweg, dem Ihre Bearbeitung folgt: Auffassung „Enge "
            "Manifestationstheorie“.") in feedback
    assert ("| § 246 Abs. 1 StGB (Unterschlagung) | geprüft und zutreffend | nicht erfüllt | erfüllt "
            "oder nicht erfüllt | 5 von 5 |") in feedback
    assert "Keine fachlichen Abzüge: Alle Ihre Ergebnisse sind vertretbar." in feedback

    # Nothing was written under lawkit/.
    assert _package_state() == before

    # ------------------------------------------------------------------------------------------
    # EXPORT (issue 14, point 6): the lead adds the handouts here after merging lawkit/export —
    # `lawkit export` of the Gutachten of kurs_akte, the Lösungsskizze and the exercise sheet of
    # kurs_a01_akte and the feedback of 1234567 as PDF and DOCX; check the PDF text (pdftotext)
    # and the DOCX paragraphs and footnotes (python-docx) for the Obersatz, a footnote and the
    # Ergebnis. Everything above leaves `kurs`, `abgaben` and `lecturer / "noten"` in place.
    # ------------------------------------------------------------------------------------------
