"""One master source → exercises/ (students) and solutions/ (teachers): in sync, deterministic,
and nothing of the solution in the students' files."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lawkit.exercises import COURSE_DIR, load_course
from lawkit.exercises.generate import build, check_built

REPO = COURSE_DIR.parent
GENERATED_DIRS = ("exercises", "solutions")


@pytest.fixture(scope="module")
def course():
    return load_course(COURSE_DIR)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    report = build(COURSE_DIR, out)
    assert report.errors == []
    return out


def _files(root: Path) -> dict[str, bytes]:
    return {f"{folder}/{p.name}": p.read_bytes()
            for folder in GENERATED_DIRS for p in sorted((root / folder).glob("*")) if p.is_file()}


def test_committed_files_are_byte_for_byte_a_fresh_build(fresh):
    committed = _files(REPO)
    built = _files(fresh)
    assert sorted(committed) == sorted(built)
    for name, data in built.items():
        assert committed[name] == data, f"{name} is stale: run `python -m lawkit.exercises build`"


def test_a_second_build_writes_nothing_and_check_is_clean(fresh, course):
    again = build(COURSE_DIR, fresh)
    assert again.written == []
    # three files per exercise (student notebook, reference, solution notebook) and the README
    assert len(again.unchanged) == 3 * len(course) + 1 == 34
    assert check_built(COURSE_DIR, fresh).ok


def test_notebooks_are_nbformat_45_output_free_with_fixed_cell_ids(fresh, course):
    for exercise_id in course:
        for path, prefix in ((fresh / "exercises" / f"{exercise_id}.ipynb", exercise_id),
                             (fresh / "solutions" / f"{exercise_id}.ipynb", f"{exercise_id}-loesung")):
            notebook = json.loads(path.read_text(encoding="utf-8"))
            assert (notebook["nbformat"], notebook["nbformat_minor"]) == (4, 5)
            assert notebook["metadata"]["kernelspec"]["name"] == "python3"
            ids = [cell["id"] for cell in notebook["cells"]]
            assert ids == [f"{prefix}-{i:02d}" for i in range(len(ids))]
            assert all(re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", i) for i in ids)
            for cell in notebook["cells"]:
                if cell["cell_type"] == "code":
                    assert cell["outputs"] == [] and cell["execution_count"] is None


def test_student_notebook_shows_the_task_and_one_line_form(fresh, course):
    exercise = course["e01_geheimnis"]
    notebook = json.loads((fresh / "exercises" / "e01_geheimnis.ipynb").read_text(encoding="utf-8"))
    sources = ["".join(cell["source"]) for cell in notebook["cells"]]
    assert sources[0] == ("# Übung: Die Angestellte der Wertpapieraufsicht\n\n"
                          "**Übung** `e01_geheimnis` · **Niveau:** einführend")
    assert sources[1] == "## Sachverhalt\n\n" + exercise.sachverhalt
    assert sources[2] == "## Fallfrage\n\nHat sich R nach § 203 StGB strafbar gemacht?"
    assert sources[3].startswith("## Bearbeitervermerk\n\nPrüfen Sie in einem Gutachten die Strafbarkeit der R nach § 203 Abs. 2 S. 1 StGB")
    assert "- Ausarbeitung: Gesetzliche Folgen eines Verstoßes gegen die Verschwiegenheitspflicht nach § 21 Abs. 1 S. 1 WpHG, Abschn. 2.1.1" in sources[4]
    assert sources[-3] == 'from lawkit.exercises import answer_form\n\nanswer_form("e01_geheimnis")'
    assert sources[-2].startswith("### Das Gutachten\n\nSchreiben Sie Ihre Lösung als Gutachten")
    assert "`answers/e01_geheimnis.md`" in sources[-2] and "Selbstkontrolle – keine Bewertung" in sources[-2]
    assert sources[-1] == 'from lawkit.exercises import gutachten_editor\n\ngutachten_editor("e01_geheimnis")'
    readme = (fresh / "exercises" / "README.md").read_text(encoding="utf-8")
    assert "| [`e07_nichtzulassungsbeschwerde`](e07_nichtzulassungsbeschwerde.ipynb) | Nichtzulassungsbeschwerde und Prozesskostenhilfe (BVerwG 6 B 71.17) | examensnah |" in readme


def _sentences(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [s.strip() for s in re.split(r"(?<=[.:;])\s+", flat) if len(s.strip()) >= 25]


def test_nothing_of_the_solution_reaches_the_students_files(fresh, course):
    student_texts = {}
    for path in sorted((fresh / "exercises").glob("*")):
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":
            raw = "\n".join("".join(c["source"]) for c in json.loads(raw)["cells"])
        student_texts[path.name] = " ".join(raw.split())
    checked = 0
    for exercise in course.values():
        solution = exercise.solution
        secrets = _sentences(solution.skizze)
        for entry in solution.vertretbar.values():
            secrets += _sentences(entry.because)
        assert secrets
        for name, text in student_texts.items():
            for sentence in secrets:
                assert sentence not in text, f"{name} shows solution text: {sentence!r}"
                checked += 1
            for word in ("skizze", "vertretbar:", "weight", "Lösungsskizze", "accepted", "Bewertungsschema"):
                assert word not in text, f"{name} contains {word!r}"
    assert checked > 1000
    # and the teachers' files do carry it
    e09 = course["e09_paragraph_812"]
    cells = json.loads((fresh / "solutions" / "e09_paragraph_812.ipynb").read_text(encoding="utf-8"))["cells"]
    solution_text = " ".join(" ".join("".join(c["source"]) for c in cells).split())
    assert all(sentence in solution_text for sentence in _sentences(e09.solution.skizze))
    assert _sentences(e09.solution.vertretbar["pruefungsrecht_fachliche_wertung"].because)[0] in solution_text


def test_solution_yaml_is_the_reference_of_the_grader(fresh):
    import yaml

    text = (fresh / "solutions" / "e06_ad_hoc.yaml").read_text(encoding="utf-8")
    assert text.startswith("# GENERATED from course/e06_ad_hoc.yaml by `python -m lawkit.exercises build`; do not edit.\n")
    data = yaml.safe_load(text)
    norm_203, norm_21 = data["norms"][:2]
    assert (norm_203["norm"], norm_203["weight"], norm_203["status"], norm_203["result"]) == (
        "stgb_203_2_1", 6.0, "required", "nicht erfüllt")
    # the Meinungsstreit matters: both views' results are vertretbar
    assert norm_203["accepted"] == ["erfüllt", "nicht erfüllt"]
    assert norm_203["elements"]["geheimnis"]["accepted"] == ["erfüllt", "nicht erfüllt"]
    assert norm_203["elements"]["geheimhaltungsinteresse"] == {
        "label": "(2) Sachlich begründetes Geheimhaltungsinteresse", "result": "nicht erfüllt",
        "accepted": ["nicht erfüllt"], "required": True}
    # reached only on the other view, where H is an Amtsträgerin; "ohne Amtsträger zu sein"
    # (§ 11 Abs. 1 Nr. 4 StGB) then excludes the besonders Verpflichtete: not examined at all
    assert norm_203["elements"]["amtstraeger"] == {
        "label": "aa) Amtsträger", "result": None, "accepted": ["erfüllt"], "required": False}
    assert "besonders_verpflichteter" not in norm_203["elements"]
    # § 21 WpHG needs a Geheimhaltungsinteresse on either view
    assert (norm_21["result"], norm_21["accepted"]) == ("nicht erfüllt", ["nicht erfüllt"])
    assert [(s["label"], s["views"], s["applies"]) for s in data["scenarios"]] == [
        ("Lösungsweg der Musterlösung", {}, []),
        ("Auffassung „Beschränkte Bekanntheit genügt“", {"geheimnisbegriff": "beschraenkte_bekanntheit_genuegt"},
         ["stgb_203_2_1"]),
    ]
    assert data["rubric"]["total"] == 12.0
    notebook = (fresh / "solutions" / "e06_ad_hoc.ipynb").read_text(encoding="utf-8")
    assert 'check(case, library, views={\\"geheimnisbegriff\\": \\"beschraenkte_bekanntheit_genuegt\\"}).gutachten()' in notebook


def test_solution_yaml_konkurrenzen_dahinstehen_and_vertretbar(fresh):
    import yaml

    e03 = yaml.safe_load((fresh / "solutions" / "e03_verkauf.yaml").read_text(encoding="utf-8"))
    base = e03["scenarios"][0]
    assert base["konkurrenzen"] == [{"norm": "stgb_204_1", "yields_to": "stgb_203_2_1"}]
    assert base["applies"] == ["stgb_203_2_1"]
    e07 = yaml.safe_load((fresh / "solutions" / "e07_nichtzulassungsbeschwerde.yaml").read_text(encoding="utf-8"))
    nzb = e07["norms"][0]
    assert nzb["result"] == "nicht erfüllt"
    assert nzb["elements"]["zulaessigkeit"] == {"label": "I. Zulässigkeit der Beschwerde", "result": "kann dahinstehen",
                                                "accepted": ["offen", "kann dahinstehen"], "required": False}
    assert "nzb_statthaftigkeit" not in nzb["elements"]  # not reached: not graded
    e09 = yaml.safe_load((fresh / "solutions" / "e09_paragraph_812.yaml").read_text(encoding="utf-8"))
    assert e09["norms"][0]["result"] == "offen"
    assert e09["norms"][0]["accepted"] == ["erfüllt", "nicht erfüllt", "offen"]
    assert e09["vertretbar"]["pruefungsrecht_fachliche_wertung"]["sources"] == ["bverwg: Rn. 11", "bverwg: Rn. 12", "bverwg: Rn. 13"]


def test_a_bad_master_file_is_reported_and_nothing_is_written(tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(COURSE_DIR / "e01_geheimnis.yaml", course)
    bad = course / "e99_kaputt.yaml"
    bad.write_text((COURSE_DIR / "e01_geheimnis.yaml").read_text(encoding="utf-8")
                   .replace("id: e01_geheimnis", "id: e99_kaputt").replace("weight: 8", "weight: acht"),
                   encoding="utf-8")
    report = build(course)
    assert report.errors == [f"{bad}:18: solution.required[0].weight: erwartet eine Zahl, gefunden: 'acht'"]
    assert report.written == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course"]  # not even exercises/README.md
    bad.unlink()
    assert sorted(build(course).written) == ["exercises/README.md", "exercises/e01_geheimnis.ipynb",
                                             "solutions/e01_geheimnis.ipynb", "solutions/e01_geheimnis.yaml"]
    bad.write_text("id: [", encoding="utf-8")
    again = build(course)
    assert again.errors and again.written == [] and again.unchanged == []
    bad.unlink()
    (tmp_path / "solutions" / "e00_alt.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "exercises" / "e01_geheimnis.ipynb").write_text("{}", encoding="utf-8")
    check = check_built(course)
    assert check.differences == [
        "exercises/e01_geheimnis.ipynb: differs from its master file; run `lawkit exercises build`",
        "solutions/e00_alt.yaml: no master file course/e00_alt.yaml; remove it or restore the master file",
    ]


def test_cli_build_and_check(tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(COURSE_DIR / "e02_dienstgeheimnis.yaml", course)
    lawkit = [sys.executable, "-m", "lawkit.exercises"]
    built = subprocess.run([*lawkit, "build", "--course", str(course)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert built.stdout.splitlines()[-1] == "4 file(s) written, 0 unchanged"
    checked = subprocess.run([*lawkit, "check", "--course", str(course)], capture_output=True, text=True)
    assert (checked.returncode, checked.stdout) == (0, "ok     4 generated file(s) match the master files\n")
    (course / "e02_dienstgeheimnis.yaml").write_text("id: [", encoding="utf-8")
    broken = subprocess.run([str(Path(sys.executable).parent / "lawkit"), "exercises", "check", "--course", str(course)],
                            capture_output=True, text=True)
    assert broken.returncode == 1
    assert f"error  {course / 'e02_dienstgeheimnis.yaml'}:2: kein gültiges YAML: hier fehlt ein Wert" in broken.stderr
    assert "no master file" not in broken.stderr
    assert "Traceback" not in broken.stderr
