"""The lecturer's course folder (docs/kurs.md): found by one rule, layered over the shipped
library, authored without guessing (`lawkit new`, every error at once, in German)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lawkit.cli import main
from lawkit.errors import AuthoringError, LawkitError
from lawkit.loading.kurs import ENV_VAR, find_kurs, kurs_library, read_kurs, use_kurs
from lawkit.loading.library import DATA_DIR, default_library, shipped_library

EXAMPLE = Path(__file__).parent / "data" / "kurs_strafrecht"


@pytest.fixture
def kurs(tmp_path, monkeypatch) -> Path:
    """A copy of the example course folder; the working directory elsewhere, no LAWKIT_KURS."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    root = tmp_path / "strafrecht"
    shutil.copytree(EXAMPLE, root)
    monkeypatch.chdir(tmp_path)
    yield root
    use_kurs(None)


# -- one rule: --kurs / use_kurs, else LAWKIT_KURS, else the working directory (or above) ------

def test_no_course_folder_means_the_shipped_library(kurs):
    assert find_kurs() is None
    assert default_library() is shipped_library()


def test_the_working_directory_or_a_folder_above_it(kurs, monkeypatch):
    monkeypatch.chdir(kurs / "cases")
    found = find_kurs()
    assert found is not None and found.root == kurs.resolve()
    assert found.name == "Strafrecht BT – Übung (Beispielkurs der Tests)"
    assert "kurs_stgb_246_1" in default_library().norms


def test_the_environment_variable_wins_over_the_working_directory(kurs, tmp_path, monkeypatch):
    other = tmp_path / "anderer"
    other.mkdir()
    (other / "kurs.yaml").write_text("name: Anderer Kurs\n", encoding="utf-8")
    monkeypatch.chdir(kurs)
    monkeypatch.setenv(ENV_VAR, str(other))
    assert find_kurs().name == "Anderer Kurs"  # type: ignore[union-attr]
    use_kurs(kurs)  # the option wins over both
    assert find_kurs().root == kurs.resolve()  # type: ignore[union-attr]


def test_a_course_folder_that_is_not_one_is_named(kurs, tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "fehlt"))
    with pytest.raises(LawkitError) as info:
        find_kurs()
    assert str(info.value) == (
        f"{tmp_path / 'fehlt'}: diesen Kursordner gibt es nicht (gesetzt durch die Umgebungsvariable "
        "LAWKIT_KURS); erwartet einen Ordner mit kurs.yaml (siehe docs/kurs.md; anlegen mit "
        "`lawkit new kurs DIR`)")
    assert main(["norms", "--kurs", str(tmp_path)]) == 2


# -- layered over the shipped library ------------------------------------------------------------

def test_own_norms_refer_to_shipped_ones_and_the_shipped_library_stays_as_it_is(kurs):
    library = kurs_library(read_kurs(kurs))
    own = library.norm("kurs_stgb_246_1")
    assert own.relations[0].yields_to == "stgb_353b_1_1"  # a shipped norm
    assert set(shipped_library().norms) < set(library.norms)
    assert "kurs_stgb_246_1" not in shipped_library().norms
    assert library.case_files["kurs_akte"] == kurs / "cases" / "kurs_akte.yaml"
    assert library.case_files["bafin_angestellte"] == DATA_DIR / "cases" / "bafin_angestellte.yaml"


def test_an_own_id_must_not_clash_with_a_shipped_one(kurs, capsys):
    shutil.copy(DATA_DIR / "norms" / "stgb_205_1_1.yaml", kurs / "norms")
    shutil.copy(DATA_DIR / "cases" / "bafin_angestellte.yaml", kurs / "cases")
    with pytest.raises(AuthoringError) as info:
        kurs_library(read_kurs(kurs))
    assert str(info.value) == (
        f"{kurs / 'norms' / 'stgb_205_1_1.yaml'}:2: id: die Norm-ID 'stgb_205_1_1' ist schon vergeben "
        f"(mitgeliefert): {DATA_DIR / 'norms' / 'stgb_205_1_1.yaml'}; erwartet eine eigene ID (z. B. mit "
        "einem Präfix des Kurses)\n"
        f"{kurs / 'cases' / 'bafin_angestellte.yaml'}:1: id: die Fall-ID 'bafin_angestellte' ist schon "
        f"vergeben (mitgeliefert): {DATA_DIR / 'cases' / 'bafin_angestellte.yaml'}; erwartet eine eigene "
        "ID (Dateiname und id, z. B. mit einem Präfix des Kurses)")


def test_a_shipped_norm_is_never_checked_against_course_norms(kurs):
    """The shipped library is complete on its own: loading it never reads a course folder."""
    use_kurs(kurs)
    assert "kurs_stgb_246_1" not in shipped_library().norms
    assert all(not (n.file or "").startswith(str(kurs)) for n in shipped_library().norms.values())


def test_every_command_finds_the_course_folder_the_same_way(kurs, capsys, monkeypatch):
    assert main(["norms", "--kurs", str(kurs)]) == 0
    listed = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["kurs_stgb_246_1", "§", "246", "Abs.", "1", "StGB", "Straftatbestand", "Unterschlagung"] in listed
    monkeypatch.setenv(ENV_VAR, str(kurs))
    assert main(["show", "kurs_stgb_246_1"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("§ 246 Abs. 1 StGB – Unterschlagung [Straftatbestand]  #kurs_stgb_246_1\n")
    assert "    b) Zueignung  #zueignung\n" in shown  # the element ids, to use in files
    assert "      Meinungsstreit [manifestation_zueignung]:" in shown
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.chdir(kurs)
    assert main(["check", "kurs_akte", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert [(n["id"], n["result"]) for n in result["norms"]] == [
        ("stgb_353b_1_1", "erfüllt"), ("kurs_stgb_246_1", "erfüllt")]


def test_the_workbench_opens_a_course_case_by_id(kurs, monkeypatch):
    from lawkit.widgets import workbench

    monkeypatch.setenv(ENV_VAR, str(kurs))
    bench = workbench("kurs_akte")
    assert bench.case.id == "kurs_akte"
    assert "Somit liegt eine Zueignung vor." in bench.gutachten_text()


# -- validate: every error of every file, in German ----------------------------------------------

def _five_errors(root: Path) -> None:
    """A course folder with five planted errors in three files."""
    for folder in ("norms", "cases", "aufgaben"):
        (root / folder).mkdir(parents=True)
    (root / "kurs.yaml").write_text("name: Fehlerkurs\n", encoding="utf-8")
    (root / "norms" / "kurs_fehler.yaml").write_text(
        "id: kurs_fehler\ncitation: § 1 MusterG\ntitle: Muster\nkind: Vorschrift\nwording: W\n"
        "elements:\n  - id: handlung\n    lable: Handlung\n    fact: kurs_fehler_handlung\n"
        "    question: Hat der Täter gehandelt?\n", encoding="utf-8")
    (root / "cases" / "kurs_fall.yaml").write_text(
        "id: kurs_fall\ntitle: Der Antrag\nsachverhalt: S\nfallfrage: Ist die Tat verfolgbar?\n"
        "examine: [{norm: stgb_205_1_1}]\nfacts:\n"
        "  strafantrag_gestellt: {answer: jein, note: Er sagt, das Gerät sei neuwertig.}\n",
        encoding="utf-8")
    (root / "aufgaben" / "kurs_aufgabe.yaml").write_text(
        "id: kurs_aufgabe\ntitle: Aufgabe: Der Antrag\nlevel: mittel\ncase: kurs_fall\n"
        "bearbeitervermerk: Prüfen Sie § 205 StGB.\nsolution:\n"
        "  required: [{norm: stgb_205_1_1, weight: 1}]\n  skizze: S\n", encoding="utf-8")


def test_five_planted_errors_in_three_files_in_one_run(tmp_path, capsys, monkeypatch):
    root = tmp_path / "fehlerkurs"
    _five_errors(root)
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "--kurs", str(root)]) == 1
    out, err = capsys.readouterr()
    r = root.resolve()
    assert out == f"Kurs 'Fehlerkurs' ({r})\nok     {r / 'kurs.yaml'}: Kurs 'Fehlerkurs'\n"
    assert err.splitlines() == [
        f"Fehler {r / 'norms' / 'kurs_fehler.yaml'}:4: kind: erwartet einen von Straftatbestand, "
        "Anspruchsgrundlage, Verfahrensvoraussetzung, Definitionsnorm, Rechtsbehelf, Verhaltensnorm, "
        "gefunden: 'Vorschrift'",
        f"Fehler {r / 'norms' / 'kurs_fehler.yaml'}:8: elements[0].lable: unbekannter Schlüssel 'lable'; "
        "meinten Sie 'label'?; erwartet einen von id, label, definition, sources, cite, obersatz, "
        "positive, negative, open, all_of, any_of, fact, ref, dispute, question, satisfied_by",
        f"Fehler {r / 'cases' / 'kurs_fall.yaml'}:7: facts.strafantrag_gestellt.das Gerät sei neuwertig.: "
        "unbekannter Schlüssel 'das Gerät sei neuwertig.'; erwartet einen von answer, note, source, "
        "assumed, problem, brief, saetze – ist das der Rest eines Textes? Steht im Text davor ein "
        "Doppelpunkt oder ein Komma ohne Anführungszeichen, setzen Sie den ganzen Text in "
        "Anführungszeichen",
        f"Fehler {r / 'cases' / 'kurs_fall.yaml'}:7: facts.strafantrag_gestellt.answer: erwartet einen "
        "von ja, nein, offen, gefunden: 'jein'",
        f"Fehler {r / 'aufgaben' / 'kurs_aufgabe.yaml'}:2: kein gültiges YAML: ein Doppelpunkt ist hier "
        "nicht erlaubt – steht ein Doppelpunkt mit Leerzeichen in einem Text ohne Anführungszeichen? "
        "Setzen Sie den Text in Anführungszeichen",
        "5 Fehler in 3 von 4 Datei(en)",
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("  strafantrag_gestellt:\n    answer: ja\n    note: Er sagt: das Gerät sei neuwertig.\n",
     "F:9: kein gültiges YAML: ein Doppelpunkt ist hier nicht erlaubt – steht ein Doppelpunkt mit "
     "Leerzeichen in einem Text ohne Anführungszeichen? Setzen Sie den Text in Anführungszeichen"),
    ("  strafantrag_gestellt:\n\tanswer: ja\n",
     "F:8: kein gültiges YAML: ein Tabulator an einer Stelle, an der YAML ihn nicht erlaubt – "
     "Tabulatoren sind in YAML nicht erlaubt; rücken Sie mit Leerzeichen ein"),
    ("  strafantrag_gestellt:\n    answer: ja\n\tnote: eingerückt mit Tabulator\n",
     "F:9: kein gültiges YAML: ein Tabulator in der Einrückung – Tabulatoren sind in YAML nicht "
     "erlaubt; rücken Sie mit Leerzeichen ein"),
    ('  strafantrag_gestellt:\n    answer: ja\n    note: "Er stellt Antrag.\n',
     "F:10: kein gültiges YAML: die Datei endet mitten in einem Wert – fehlt ein schließendes "
     "Anführungszeichen?"),
], ids=["colon", "tab", "tab-indent", "quote"])
def test_the_usual_yaml_slips_get_a_hint(tmp_path, text, expected):
    from lawkit.loading.library import load_case

    path = tmp_path / "fall.yaml"
    path.write_text("id: fall\ntitle: T\nsachverhalt: S\nfallfrage: F?\n"
                    "examine: [{norm: stgb_205_1_1}]\nfacts:\n" + text, encoding="utf-8")
    with pytest.raises(AuthoringError) as info:
        load_case(path)
    assert str(info.value).replace(str(path), "F") == expected


def test_validate_without_files_and_without_course_folder_says_what_it_expects(kurs, capsys):
    assert main(["validate"]) == 2
    assert capsys.readouterr().err == (
        "lawkit validate: keine Datei angegeben und kein Kursordner in Gebrauch; erwartet Dateien "
        "(lawkit validate DATEI …) oder einen Kursordner mit kurs.yaml (--kurs DIR, LAWKIT_KURS oder "
        "das Arbeitsverzeichnis; siehe docs/kurs.md)\n")


def test_the_example_course_validates(kurs, capsys):
    assert main(["validate", "--kurs", str(kurs)]) == 0
    out = capsys.readouterr().out
    assert f"ok     {kurs.resolve() / 'cases' / 'kurs_akte.yaml'}: Fall 'kurs_akte' (2 Norm(en), 21 Tatsachen)" \
        in out.splitlines()


# -- lawkit new: a skeleton that validates as written ---------------------------------------------

def test_new_writes_skeletons_that_validate_as_written(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    try:
        assert main(["new", "kurs", "meinkurs"]) == 0
        monkeypatch.chdir(tmp_path / "meinkurs")
        for kind, name in (("norm", "kurs_muster"), ("case", "kurs_fall"), ("exercise", "kurs_aufgabe")):
            assert main(["new", kind, name]) == 0
        capsys.readouterr()
        assert main(["validate"]) == 0
        out = capsys.readouterr().out
        root = (tmp_path / "meinkurs").resolve()
        assert f"ok     {root / 'cases' / 'kurs_fall.yaml'}: Fall 'kurs_fall' (1 Norm(en), 2 Tatsachen)" \
            in out.splitlines()
        assert f"ok     {root / 'aufgaben' / 'kurs_aufgabe.yaml'}: Aufgabe 'kurs_aufgabe' (1 verlangte " \
            "Norm(en))" in out.splitlines()
        norm = (root / "norms" / "kurs_muster.yaml").read_text(encoding="utf-8")
        schema = (DATA_DIR / "schema" / "norm.schema.json").resolve().as_uri()
        assert norm.startswith(f"# yaml-language-server: $schema={schema}\n")
        case = (root / "cases" / "kurs_fall.yaml").read_text(encoding="utf-8")
        assert "  - norm: kurs_muster\n" in case  # the course's own norm, every question answered
        assert main(["new", "norm", "kurs_muster"]) == 2
        assert "die Datei gibt es schon" in capsys.readouterr().err
        assert main(["new", "case", "Mein Fall"]) == 2
        assert "'Mein Fall' ist keine gültige ID" in capsys.readouterr().err
    finally:
        use_kurs(None)


def test_new_outside_a_course_folder_writes_into_the_working_directory(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["new", "case", "fall_a", "--norm", "stgb_203_2_1"]) == 0
    assert main(["new", "exercise", "aufgabe_a"]) == 0
    assert main(["validate", "fall_a.yaml", "aufgabe_a.yaml"]) == 0
    out = capsys.readouterr().out
    assert "ok     fall_a.yaml: Fall 'fall_a' (1 Norm(en)," in out
    assert "ok     aufgabe_a.yaml: Aufgabe 'aufgabe_a' (1 verlangte Norm(en))" in out


# -- exercises on own cases ----------------------------------------------------------------------

def test_exercises_build_and_check_with_the_course_folder(kurs, capsys):
    assert main(["exercises", "build", "--kurs", str(kurs)]) == 0
    assert sorted(p.relative_to(kurs).as_posix() for p in kurs.glob("*/kurs_a01_akte.*")) == [
        "aufgaben/kurs_a01_akte.yaml", "exercises/kurs_a01_akte.ipynb", "solutions/kurs_a01_akte.ipynb",
        "solutions/kurs_a01_akte.yaml"]
    solution = (kurs / "solutions" / "kurs_a01_akte.yaml").read_text(encoding="utf-8")
    assert solution.startswith("# GENERATED from aufgaben/kurs_a01_akte.yaml by")
    capsys.readouterr()
    assert main(["exercises", "check", "--kurs", str(kurs)]) == 0
    assert capsys.readouterr().out == "ok     4 generated file(s) match the master files\n"


def test_a_failed_build_of_the_course_writes_nothing(kurs, capsys):
    broken = kurs / "aufgaben" / "kurs_a02_kaputt.yaml"
    broken.write_text((kurs / "aufgaben" / "kurs_a01_akte.yaml").read_text(encoding="utf-8")
                      .replace("id: kurs_a01_akte", "id: kurs_a02_kaputt")
                      .replace("case: kurs_akte", "case: kurs_akt"), encoding="utf-8")
    assert main(["exercises", "build", "--kurs", str(kurs)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"nichts geschrieben: erst wenn jede Aufgabendatei fehlerfrei ist, wird gebaut\n"
        f"error  {kurs.resolve() / 'aufgaben' / 'kurs_a02_kaputt.yaml'}:6: case: unbekannter Fall "
        "'kurs_akt'; meinten Sie 'kurs_akte'?; erwartet die ID eines Falls der Bibliothek oder des "
        "Kursordners (cases/) oder 'fall.variante' (siehe docs/kurs.md)\n")
    assert not (kurs / "exercises").exists() and not (kurs / "solutions").exists()


def test_vertretbar_of_a_course_exercise_carries_up_to_groups_and_norm(kurs, monkeypatch):
    from lawkit.coursework.loading import find_exercise
    from lawkit.grading.reference import build_reference

    monkeypatch.setenv(ENV_VAR, str(kurs))
    exercise = find_exercise("kurs_a01_akte")
    reference = build_reference(exercise, default_library())
    own = reference.norms["kurs_stgb_246_1"]
    assert own.results[0].result.value == "erfüllt"  # the Musterlösung's path
    for element in ("zueignung", "objektiver_tatbestand_246", "tatbestand_246"):
        assert -1 in own.elements[element].accepted["nicht erfüllt"], element  # -1: vertretbar
    assert -1 in own.accepted["nicht erfüllt"]
