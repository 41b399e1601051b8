"""The exercise master files: the model the grader uses, and exact messages for bad files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lawkit.errors import AuthoringError, UnknownIdError
from lawkit.exercises import COURSE_DIR, find_exercise, load_course, load_exercise
from lawkit.exercises.model import Rubric

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
    for norm_id in ("stgb_203_2_1", "stgb_204_1", "stgb_11_1_2", "stgb_11_1_4", "stgb_205_1_1"):
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
    with pytest.raises(UnknownIdError, match=r"^unknown exercise 'e01_geheimnes'; did you mean 'e01_geheimnis', 'e02_dienstgeheimnis'\? \(no file "):
        find_exercise("e01_geheimnes")


# -- bad master files: file:line: path: problem -----------------------------------------------------

@pytest.mark.parametrize(("old", "new", "message"), [
    ("case: bafin_angestellte", "case: bafin_angestelte",
     "F:4: case: unknown case 'bafin_angestelte'; did you mean 'bafin_angestellte'?; expected a shipped case id or 'case.variant' (see lawkit/data/cases)"),
    ("case: bafin_angestellte", "case: bafin_angestellte.gibtsnicht",
     "F:4: case: case 'bafin_angestellte' has no variant 'gibtsnicht'"),
    ("{norm: stgb_203_2_1, weight: 5}", "{norm: stgb_203_2_2, weight: 5}",
     "F:8: solution.required[0].norm: unknown norm 'stgb_203_2_2'; did you mean 'stgb_203_2_1', 'stgb_205_1_1', 'stgb_204_1'?; expected a norm id of the library (see `lawkit norms`)"),
    ("{norm: stgb_203_2_1, weight: 5}", "{norm: stgb_204_1, weight: 5}",
     "F:8: solution.required[0].norm: the case 'bafin_angestellte' does not examine 'stgb_204_1'; expected one of stgb_203_2_1 (the reference is the case's check)"),
    ("weight: 5}", "weight: fünf}",
     "F:8: solution.required[0].weight: expected a number, got 'fünf'"),
    ("weight: 5}", "weight: 0}",
     "F:8: solution.required[0].weight: expected a number above 0, got 0"),
    ("weight: 5}", "weight: true}",
     "F:8: solution.required[0].weight: expected a number, got true (a yes/no value)"),
    ("level: einführend", "level: leicht",
     "F:3: level: expected one of einführend, mittel, examensnah, got 'leicht'"),
    ("title: Kleinstübung", "title: Kleinstübung\ntitel: Tippfehler",
     "F:3: titel: unknown key 'titel'; did you mean 'title'?; expected one of id, title, level, case, bearbeitervermerk, solution, sachverhalt, fallfrage, sources"),
    ("bearbeitervermerk: Zu prüfen ist § 203 StGB.\n", "",
     "F:1: the key 'bearbeitervermerk' is missing; expected it to be given"),
    ("bearbeitervermerk: Zu prüfen ist § 203 StGB.", "bearbeitervermerk: Zu prüfen ist § 353b StGB.",
     "F:5: bearbeitervermerk: does not name § 203 StGB (required norm 'stgb_203_2_1'); expected the Bearbeitervermerk to state every norm a complete answer must treat"),
    ("  skizze: R ist nach § 203 Abs. 2 S. 1 StGB strafbar.", "",
     "F:7: solution: the key 'skizze' is missing; expected it to be given"),
    ("id: minimal", "id: anders",
     "F:1: id: the id 'anders' differs from the file name 'minimal'; expected the id to equal the file name"),
])
def test_master_errors(error_of, old, new, message):
    assert old in MINIMAL
    assert error_of(MINIMAL.replace(old, new)) == message


@pytest.mark.parametrize(("extra", "message"), [
    ("  optional: [stgb_203_2_1]\n",
     "F:10: solution.optional[0]: the norm 'stgb_203_2_1' is already listed; expected each norm once in required or optional"),
    ("  rubric: {norm_result: 0.5, elements: 0.4, begruendung: 0.2}\n",
     "F:10: solution.rubric: norm_result + elements + begruendung add up to 1.1; expected 1 (they are shares of each norm's weight)"),
    ("  rubric: {konkurenzen: 2}\n",
     "F:10: solution.rubric.konkurenzen: unknown key 'konkurenzen'; did you mean 'konkurrenzen'?; expected one of norm_result, elements, begruendung, konkurrenzen, gesamtergebnis"),
    ("  vertretbar:\n    \"stgb_203_2_1#unbefugtt\": {results: [erfüllt], because: Grund.}\n",
     "F:11: solution.vertretbar.stgb_203_2_1#unbefugtt: norm 'stgb_203_2_1' has no element 'unbefugtt'; did you mean 'unbefugt'?; expected an element id as in `lawkit show stgb_203_2_1`"),
    ("  vertretbar:\n    \"stgb_204_1#geheimnis\": {results: [erfüllt], because: Grund.}\n",
     "F:11: solution.vertretbar.stgb_204_1#geheimnis: the norm 'stgb_204_1' is neither required nor optional in this exercise; expected one of stgb_203_2_1"),
    ("  vertretbar:\n    \"stgb_203_2_1\": {results: [kann dahinstehen], because: Grund.}\n",
     "F:11: solution.vertretbar.stgb_203_2_1.results[0]: expected one of erfüllt, nicht erfüllt, offen, got 'kann dahinstehen'"),
    ("  vertretbar:\n    \"stgb_203_2_1#unbefugt\": {results: [erfüllt]}\n",
     "F:11: solution.vertretbar.stgb_203_2_1#unbefugt: the key 'because' is missing; expected it to be given"),
])
def test_solution_errors(error_of, extra, message):
    assert error_of(MINIMAL + extra) == message


def test_unknown_seed_in_sources(error_of):
    text = MINIMAL.replace("solution:", "sources:\n  - {seed: ausarbietung, at: \"Fn. 7\"}\nsolution:")
    assert error_of(text) == (
        "F:7: sources[0].seed: unknown seed 'ausarbietung'; did you mean 'ausarbeitung'?; expected one of ausarbeitung, bverwg")


def test_not_utf8_and_empty(tmp_path, error_of):
    path = tmp_path / "minimal.yaml"
    path.write_bytes(MINIMAL.replace("Kleinstübung", "Kleinst\u00fcbung").encode("cp1252"))
    with pytest.raises(AuthoringError, match=r"minimal.yaml:2: the file is not UTF-8 \(byte 0xfc at offset 26\)"):
        load_exercise(path)
    assert error_of("   \n") == "F: the file is empty; expected a YAML mapping"


def test_course_folder_missing(tmp_path):
    with pytest.raises(AuthoringError, match="no such folder; expected the folder of the master exercise files"):
        load_course(tmp_path / "nope")


def test_import_lawkit_exercises_stays_light():
    code = ("import sys, lawkit.exercises as e; e.load_exercise; "
            "print(sorted(m for m in ('ipywidgets', 'pandas', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
