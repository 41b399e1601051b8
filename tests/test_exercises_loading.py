"""The exercise master files: the model the grader uses, and exact messages for bad files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lawkit.coursework.model import Rubric
from lawkit.errors import AuthoringError, UnknownIdError
from lawkit.exercises import COURSE_DIR, find_exercise, load_course, load_exercise

DATA = Path(__file__).parent / "data" / "exercises"
MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "minimal") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def small_library(tmp_path_factory):
    """A fixed small library (the § 203 family, § 204, one case), so that nearest-id hints in
    the messages do not change as the shipped library grows."""
    import shutil

    from lawkit import load_library
    from lawkit.loading.library import DATA_DIR

    base = tmp_path_factory.mktemp("exercise_library")
    (base / "norms").mkdir()
    (base / "cases").mkdir()
    for norm_id in ("stgb_203_2_1", "stgb_203_6", "stgb_204_1", "stgb_11_1_2", "stgb_11_1_4",
                    "stgb_205_1_1"):
        shutil.copy(DATA_DIR / "norms" / f"{norm_id}.yaml", base / "norms")
    shutil.copy(DATA_DIR / "cases" / "bafin_angestellte.yaml", base / "cases")
    shutil.copy(DATA_DIR / "seeds.yaml", base)
    return load_library(base)


@pytest.fixture
def error_of(tmp_path, small_library):
    def error(text: str, name: str = "minimal") -> str:
        path = write(tmp_path, text, name)
        with pytest.raises(AuthoringError) as info:
            load_exercise(path, small_library)
        return str(info.value).replace(str(path), "F")
    return error


# -- the model ------------------------------------------------------------------------------------

def test_minimal_master_gets_the_case_texts_and_default_rubric():
    exercise = load_exercise(DATA / "minimal.yaml")
    assert exercise.id == "minimal"
    assert exercise.level == "einführend"
    assert exercise.case_id == "bafin_angestellte"
    assert exercise.fallfrage == "Hat sich R nach § 203 StGB strafbar gemacht?"
    assert exercise.sachverhalt.startswith("R ist als Angestellte der Bundesanstalt für Finanzdienstleistungsaufsicht")
    assert exercise.solution.rubric == Rubric(0.4, 0.4, 0.2, 2.0, 2.0)
    assert exercise.solution.required_ids == ("stgb_203_2_1",)
    assert exercise.solution.total_weight == 9.0
    assert exercise.solution.optional == ()
    assert dict(exercise.solution.vertretbar) == {}
    assert exercise.file == str(DATA / "minimal.yaml")
    assert exercise.case().id == "bafin_angestellte"


def test_shipped_course_loads_with_eight_or_more_exercises_over_both_seeds():
    course = load_course(COURSE_DIR)
    assert len(course) >= 8
    seeds = {source.seed for exercise in course.values() for source in exercise.sources}
    assert seeds == {"ausarbeitung", "bverwg"}
    assert {exercise.level for exercise in course.values()} == {"einführend", "mittel", "examensnah"}
    for exercise_id, exercise in course.items():
        assert exercise.file == str(COURSE_DIR / f"{exercise_id}.yaml")
        assert exercise.solution.skizze
        required = exercise.solution.required_ids
        examined = [e.norm for e in exercise.case().examinations]
        assert set(required) <= set(examined), exercise_id


def test_e01_model_values():
    exercise = find_exercise("e01_geheimnis")
    assert exercise.title == "Die Angestellte der Wertpapieraufsicht"
    assert [(r.norm, r.weight) for r in exercise.solution.required] == [("stgb_203_2_1", 8.0)]
    assert exercise.solution.rubric.konkurrenzen == 0.0
    assert exercise.sources[0].seed == "ausarbeitung"
    assert exercise.sources[0].at == "Abschn. 2.1"


def test_variant_case_and_vertretbar_entries_are_read(tmp_path):
    text = MINIMAL.replace("case: bafin_angestellte", "case: bafin_angestellte.kein_interesse_herrschende_meinung") + (
        "  vertretbar:\n"
        "    \"stgb_203_2_1#unbefugt\":\n"
        "      results: [erfüllt, kann dahinstehen]\n"
        "      because: Weil es so ist.\n"
        "      sources: [{seed: ausarbeitung, at: \"Fn. 7\"}]\n"
    )
    exercise = load_exercise(write(tmp_path, text))
    assert exercise.case_id == "bafin_angestellte.kein_interesse_herrschende_meinung"
    entry = exercise.solution.vertretbar["stgb_203_2_1#unbefugt"]
    assert entry.results == ("erfüllt", "kann dahinstehen")
    assert (entry.norm, entry.element) == ("stgb_203_2_1", "unbefugt")
    assert entry.sources[0].at == "Fn. 7"


def test_find_exercise_by_path_and_unknown_id():
    assert find_exercise(str(DATA / "minimal.yaml")).id == "minimal"
    with pytest.raises(UnknownIdError, match=r"^unbekannte Aufgabe 'e01_geheimnes'; meinten Sie 'e01_geheimnis', 'e02_dienstgeheimnis'\? \(keine Datei "):
        find_exercise("e01_geheimnes")


# -- bad master files: file:line: path: problem -----------------------------------------------------

@pytest.mark.parametrize(("old", "new", "message"), [
    ("case: bafin_angestellte", "case: bafin_angestelte",
     "F:4: case: unbekannter Fall 'bafin_angestelte'; meinten Sie 'bafin_angestellte'?; erwartet die ID eines Falls der Bibliothek oder des Kursordners (cases/) oder 'fall.variante' (siehe docs/kurs.md)"),
    ("case: bafin_angestellte", "case: bafin_angestellte.gibtsnicht",
     "F:4: case: der Fall 'bafin_angestellte' hat keine Variante 'gibtsnicht'; erwartet eine von: "
     "bereits_oeffentlich, kein_interesse_herrschende_meinung, kein_interesse_gegenauffassung, privat_erfahren, "
     "vorsatz_offen, vorsatz_zweifel, kein_strafantrag, strafantrag_offen, amtstraegerin_unklar, mit_einwilligung, "
     "nicht_fremd, gerechtfertigt, schuldlos, sachverhalt_schweigt"),
    ("{norm: stgb_203_2_1, weight: 5}", "{norm: stgb_203_2_2, weight: 5}",
     "F:8: solution.required[0].norm: unbekannte Norm 'stgb_203_2_2'; meinten Sie 'stgb_203_2_1', 'stgb_203_6', 'stgb_205_1_1'?; erwartet eine Norm-ID der Bibliothek (siehe `lawkit norms`)"),
    ("{norm: stgb_203_2_1, weight: 5}", "{norm: stgb_204_1, weight: 5}",
     "F:8: solution.required[0].norm: der Fall 'bafin_angestellte' prüft 'stgb_204_1' nicht; erwartet eine von stgb_203_2_1 (die Musterlösung ist die Prüfung des Falls)"),
    ("weight: 5}", "weight: fünf}",
     "F:8: solution.required[0].weight: erwartet eine Zahl, gefunden: 'fünf'"),
    ("weight: 5}", "weight: 0}",
     "F:8: solution.required[0].weight: erwartet eine Zahl über 0, gefunden: 0"),
    ("weight: 5}", "weight: true}",
     "F:8: solution.required[0].weight: erwartet eine Zahl, gefunden: true (ein Ja/Nein-Wert)"),
    ("level: einführend", "level: leicht",
     "F:3: level: erwartet einen von einführend, mittel, examensnah, gefunden: 'leicht'"),
    ("title: Kleinstübung", "title: Kleinstübung\ntitel: Tippfehler",
     "F:3: titel: unbekannter Schlüssel 'titel'; meinten Sie 'title'?; erwartet einen von id, title, level, case, bearbeitervermerk, solution, sachverhalt, fallfrage, sources"),
    ("bearbeitervermerk: Zu prüfen ist § 203 StGB.\n", "",
     "F:1: der Schlüssel 'bearbeitervermerk' fehlt; erwartet, dass er angegeben ist"),
    ("bearbeitervermerk: Zu prüfen ist § 203 StGB.", "bearbeitervermerk: Zu prüfen ist § 353b StGB.",
     "F:5: bearbeitervermerk: nennt § 203 StGB nicht (verlangte Norm 'stgb_203_2_1'); erwartet, dass der Bearbeitervermerk jede Norm nennt, die eine vollständige Lösung prüfen muss"),
    ("  skizze: R ist nach § 203 Abs. 2 S. 1 StGB strafbar.", "",
     "F:7: solution: der Schlüssel 'skizze' fehlt; erwartet, dass er angegeben ist"),
    ("id: minimal", "id: anders",
     "F:1: id: die ID 'anders' weicht vom Dateinamen 'minimal' ab; erwartet, dass die ID dem Dateinamen entspricht"),
])
def test_master_errors(error_of, old, new, message):
    assert old in MINIMAL
    assert error_of(MINIMAL.replace(old, new)) == message


@pytest.mark.parametrize(("extra", "message"), [
    ("  optional: [stgb_203_2_1]\n",
     "F:10: solution.optional[0]: die Norm 'stgb_203_2_1' steht schon in der Liste; erwartet jede Norm einmal in required oder optional"),
    ("  rubric: {norm_result: 0.5, elements: 0.4, begruendung: 0.2}\n",
     "F:10: solution.rubric: norm_result + elements + begruendung ergeben 1.1; erwartet 1 (es sind Anteile am Gewicht jeder Norm)"),
    ("  rubric: {konkurenzen: 2}\n",
     "F:10: solution.rubric.konkurenzen: unbekannter Schlüssel 'konkurenzen'; meinten Sie 'konkurrenzen'?; erwartet einen von norm_result, elements, begruendung, konkurrenzen, gesamtergebnis, darstellung, stil"),
    ("  rubric: {darstellung: 4, stil: {gutachtenstil: 1, stiel: 2}}\n",
     "F:10: solution.rubric.stil.stiel: unbekannter Schlüssel 'stiel'; erwartet einen von gutachtenstil, definition, subsumtion, meinungsstreit, schwerpunkt, sachverhalt"),
    ("  rubric: {darstellung: 4, stil: {gutachtenstil: 0, definition: 0, subsumtion: 0, meinungsstreit: 0, schwerpunkt: 0, sachverhalt: 0}}\n",
     "F:10: solution.rubric.stil: alle Gewichte der Darstellung sind 0; erwartet mindestens ein Gewicht über 0 (oder darstellung: 0, um die Darstellung nicht zu bewerten)"),
    ("  vertretbar:\n    \"stgb_203_2_1#unbefugtt\": {results: [erfüllt], because: Grund.}\n",
     "F:11: solution.vertretbar.stgb_203_2_1#unbefugtt: die Norm 'stgb_203_2_1' hat kein Merkmal 'unbefugtt'; meinten Sie 'unbefugt'?; erwartet eine Merkmals-ID wie in `lawkit show stgb_203_2_1`"),
    ("  vertretbar:\n    \"stgb_204_1#geheimnis\": {results: [erfüllt], because: Grund.}\n",
     "F:11: solution.vertretbar.stgb_204_1#geheimnis: die Norm 'stgb_204_1' ist in dieser Aufgabe weder verlangt noch optional; erwartet eine von stgb_203_2_1"),
    ("  vertretbar:\n    \"stgb_203_2_1\": {results: [kann dahinstehen], because: Grund.}\n",
     "F:11: solution.vertretbar.stgb_203_2_1.results[0]: erwartet einen von erfüllt, nicht erfüllt, offen, gefunden: 'kann dahinstehen'"),
    ("  vertretbar:\n    \"stgb_203_2_1#unbefugt\": {results: [erfüllt]}\n",
     "F:11: solution.vertretbar.stgb_203_2_1#unbefugt: der Schlüssel 'because' fehlt; erwartet, dass er angegeben ist"),
])
def test_solution_errors(error_of, extra, message):
    assert error_of(MINIMAL + extra) == message


def test_unknown_seed_in_sources(error_of):
    text = MINIMAL.replace("solution:", "sources:\n  - {seed: ausarbietung, at: \"Fn. 7\"}\nsolution:")
    assert error_of(text) == (
        "F:7: sources[0].seed: unbekannte Quelle 'ausarbietung'; meinten Sie 'ausarbeitung'?; erwartet eine von ausarbeitung, bverwg")


def test_not_utf8_and_empty(tmp_path, error_of):
    path = tmp_path / "minimal.yaml"
    path.write_bytes(MINIMAL.replace("Kleinstübung", "Kleinst\u00fcbung").encode("cp1252"))
    with pytest.raises(AuthoringError, match=r"minimal.yaml:2: die Datei ist nicht UTF-8: das Byte 0xfc an Stelle 26 kann nicht gelesen werden"):
        load_exercise(path)
    assert error_of("   \n") == "F: die Datei ist leer; erwartet eine YAML-Zuordnung (Schlüssel: Wert)"


def test_course_folder_missing(tmp_path):
    with pytest.raises(AuthoringError, match="diesen Ordner gibt es nicht; erwartet den Ordner mit den Aufgabendateien"):
        load_course(tmp_path / "nope")


def test_import_lawkit_exercises_stays_light():
    code = ("import sys, lawkit.exercises as e; e.load_exercise; "
            "print(sorted(m for m in ('ipywidgets', 'pandas', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
