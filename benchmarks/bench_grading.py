"""Batch grading of a class of 1,000: wall time, grading time and peak memory of `lawkit grade`.

Run from the repository root:

    .venv/bin/python -m benchmarks.bench_grading

1,000 answers are generated into a temporary folder for one real exercise (the first of
course/, else the test fixture g_konkurrenz): right, wrong, vertretbar (a minority view where
the exercise has a Meinungsstreit), incomplete and contradictory, in a fixed random mix. Then
`lawkit grade EXERCISE DIR --out OUT --timings` runs as ONE subprocess. Printed: the wall time
of that command, the time it reports for validating and grading all answers (without writing
the files), and the peak RSS of the command (getrusage of the children). Targets (issue #5):
grading ≤ 1 s, peak ≤ 150 MB. The figures are printed, not asserted.
"""

from __future__ import annotations

import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNT = 1_000
SEED = 20180305  # BVerwG 6 B 71.17 was decided on 5 March 2018
KINDS = (("richtig", 35), ("falsch", 20), ("vertretbar", 15), ("unvollständig", 15),
         ("widersprüchlich", 15))


def exercise_path() -> Path:
    course = sorted((ROOT / "course").glob("*.yaml"))
    return course[0] if course else ROOT / "tests" / "data" / "grading" / "course" / "g_konkurrenz.yaml"


def model_answer(reference: object, scenario_index: int, student: str) -> dict:
    """A complete answer that follows one scenario of the reference (the Musterlösung is 0)."""
    scenario = reference.scenarios[scenario_index]  # type: ignore[attr-defined]
    exercise = reference.exercise  # type: ignore[attr-defined]
    norms = []
    for required in exercise.solution.required:
        path = scenario.norms[required.norm]
        ref = reference.norms[required.norm]  # type: ignore[attr-defined]
        elements = {}
        for element_id in path.required:
            accepted = [r for r, by in ref.elements[element_id].accepted.items() if scenario_index in by]
            elements[element_id] = {"result": accepted[0]}
        for element_id in sorted(path.dahinstehen):
            elements[element_id] = {"result": "kann dahinstehen"}
        norms.append({"norm": required.norm, "result": path.result.value,
                      "begruendung": f"Geprüft wird {ref.norm.citation.canonical()}.",
                      "elements": elements})
    return {
        "exercise": exercise.id, "student": student, "name": f"Person {student}",
        "norms": norms,
        "konkurrenzen": [{"norm": n, "yields_to": m} for n, m in sorted(scenario.displacements)],
        "gesamtergebnis": {"applies": sorted(scenario.applies), "text": "Ergebnis siehe oben."},
    }


def vary(answer: dict, kind: str, rng: random.Random, scenarios: int) -> dict:
    norms = answer["norms"]
    if kind == "falsch":
        norm = rng.choice(norms)
        element = rng.choice(sorted(norm["elements"]))
        flip = {"erfüllt": "nicht erfüllt", "nicht erfüllt": "erfüllt"}
        current = norm["elements"][element]["result"]
        norm["elements"][element]["result"] = flip.get(current, "erfüllt")
    elif kind == "unvollständig":
        norm = rng.choice(norms)
        for element in rng.sample(sorted(norm["elements"]), k=min(3, len(norm["elements"]))):
            del norm["elements"][element]
        if rng.random() < 0.3:
            del answer["gesamtergebnis"]
        if len(norms) > 1 and rng.random() < 0.3:
            norms.pop()
    elif kind == "widersprüchlich":
        norm = rng.choice(norms)
        norm["result"] = "nicht erfüllt" if norm["result"] == "erfüllt" else "erfüllt"
    elif kind == "vertretbar" and scenarios == 1:
        norms[0]["begruendung"] += " Die herrschende Meinung trägt das Ergebnis."
    return answer


def generate(folder: Path) -> dict[str, int]:
    from lawkit.exercises import load_exercise
    from lawkit.grading.reference import build_reference

    reference = build_reference(load_exercise(exercise_path()))
    rng = random.Random(SEED)
    population = [k for k, weight in KINDS for _ in range(weight)]
    counts: dict[str, int] = {}
    scenarios = len(reference.scenarios)
    for i in range(COUNT):
        kind = rng.choice(population)
        counts[kind] = counts.get(kind, 0) + 1
        scenario = rng.randrange(1, scenarios) if kind == "vertretbar" and scenarios > 1 else 0
        student = f"{7_000_000 + i}"
        answer = vary(model_answer(reference, scenario, student), kind, rng, scenarios)
        (folder / f"{student}.json").write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
    return counts


def lawkit_command() -> list[str]:
    script = Path(sys.executable).parent / "lawkit"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from lawkit.cli import main; sys.exit(main())"]


def main() -> None:
    exercise = exercise_path()
    with tempfile.TemporaryDirectory(prefix="lawkit-bench-grading-") as tmp:
        folder = Path(tmp) / "abgaben"
        folder.mkdir()
        counts = generate(folder)
        out = Path(tmp) / "out"
        command = [*lawkit_command(), "grade", str(exercise), str(folder), "--out", str(out), "--timings"]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - started
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    timings = dict(re.findall(r"([A-Za-zäöüÄÖÜß ]+) (\d+\.\d+) s", done.stdout.split("Zeiten:")[-1]))
    grading = float(timings.get(" Prüfung und Bewertung", timings.get("Prüfung und Bewertung", "nan")))
    writing = float(timings.get(" Schreiben", "nan"))
    print(f"exercise: {exercise.relative_to(ROOT)}; {COUNT} submissions: "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print(f"exit code of `lawkit grade`: {done.returncode}")
    for line in done.stdout.splitlines()[:5]:
        print(f"  | {line}")
    print(f"wall time of the command:          {wall:6.2f} s")
    print(f"grading (validate + grade, no I/O): {grading:6.3f} s   (target ≤ 1 s)")
    print(f"writing (feedback, CSV, plot, DB):  {writing:6.2f} s")
    print(f"peak memory of the command:         {peak_kb / 1024:6.1f} MB (target ≤ 150 MB)")
    if done.returncode not in (0, 1):
        print(done.stderr, file=sys.stderr)


if __name__ == "__main__":
    main()
