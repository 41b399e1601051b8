"""Batch grading of a class of 1,000 and of 10,000: time per answer and peak memory of `lawkit grade`.

Run from the repository root:

    .venv/bin/python -m benchmarks.bench_grading

Answers are generated into a temporary folder for the largest exercise of course/ (the one
whose reference has the most elements to grade): right, wrong, vertretbar (a minority view
where the exercise has a Meinungsstreit), incomplete and contradictory, in a fixed random mix.
Then `lawkit grade EXERCISE DIR --out OUT --timings` runs as ONE subprocess per class size, each
measured by its own parent process (getrusage of the children), so the peaks do not mix.
Printed per size: wall time; the three phases the command reports (reading and validating every
file, grading, writing feedback/CSV/ZIPs/plot/gradebook); each phase per answer; the peak RSS.
Then the scaling: time per answer at 10,000 over time per answer at 1,000 (≈ 1 is linear) and
the peak at 10,000 over the peak at 1,000 (target ≤ 1.3: the batch streams). Targets: grading
1,000 ≤ 1 s (issue 5), peak ≤ 150 MB. The figures are printed, not asserted.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTS = (1_000, 10_000)
SEED = 20180305  # BVerwG 6 B 71.17 was decided on 5 March 2018
KINDS = (("richtig", 35), ("falsch", 20), ("vertretbar", 15), ("unvollständig", 15),
         ("widersprüchlich", 15))


def exercise_path() -> Path:
    """The exercise whose reference grades the most elements (the largest)."""
    from lawkit.exercises import load_exercise
    from lawkit.grading.reference import build_reference

    course = sorted((ROOT / "course").glob("*.yaml"))
    if not course:
        return ROOT / "tests" / "data" / "grading" / "course" / "g_konkurrenz.yaml"

    def size(path: Path) -> int:
        reference = build_reference(load_exercise(path))
        return sum(len(r.elements) for r in reference.norms.values())

    return max(course, key=lambda p: (size(p), p.name))


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
        # a norm the solution path examines (a norm the Sperrwirkung bars has no elements)
        norm = rng.choice([n for n in norms if n["elements"]])
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


def generate(folder: Path, count: int, exercise: Path) -> dict[str, int]:
    from lawkit.exercises import load_exercise
    from lawkit.grading.reference import build_reference

    reference = build_reference(load_exercise(exercise))
    rng = random.Random(SEED)
    population = [k for k, weight in KINDS for _ in range(weight)]
    counts: dict[str, int] = {}
    scenarios = len(reference.scenarios)
    for i in range(count):
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


_MEASURE = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:], capture_output=True, "
            "text=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
            "print(done.returncode); sys.stdout.write(done.stdout)")


def measure_grade(exercise: Path | str, folder: Path, out: Path) -> dict[str, float]:
    """`lawkit grade EXERCISE FOLDER --out OUT --timings` in one measured subprocess: wall time,
    the phases it reports, its peak memory (MB), its exit code and how many it graded."""
    command = [*lawkit_command(), "grade", str(exercise), str(folder), "--out", str(out), "--timings"]
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True,
                          check=False)
    wall = time.perf_counter() - started
    peak_kb, code, *report = done.stdout.splitlines()
    text = "\n".join(report)
    timings = {k.strip(): float(v) for k, v in
               re.findall(r"([A-Za-zäöüÄÖÜß ]+) (\d+\.\d+) s", text.split("Zeiten:")[-1])}
    graded = re.search(r": (\d+) bewertet", text)
    return {"wall": wall, "read": timings.get("Lesen und Prüfen", float("nan")),
            "grade": timings.get("Bewertung", float("nan")), "write": timings.get("Schreiben", float("nan")),
            "peak": int(peak_kb) / 1024, "code": float(code),
            "graded": float(graded.group(1)) if graded else float("nan")}


def run_class(exercise: Path, count: int) -> dict[str, float]:
    """Generate a class, grade it in one measured subprocess, return the figures."""
    with tempfile.TemporaryDirectory(prefix="lawkit-bench-grading-") as tmp:
        folder = Path(tmp) / "abgaben"
        folder.mkdir()
        counts = generate(folder, count, exercise)
        figures = measure_grade(exercise, folder, Path(tmp) / "out")
    print(f"{count} submissions: " + ", ".join(f"{k} {v}" for k, v in counts.items())
          + f"; exit code {figures['code']:.0f}")
    return figures


def main() -> None:
    exercise = exercise_path()
    print(f"exercise: {exercise.relative_to(ROOT)} (the largest of course/)")
    figures = {count: run_class(exercise, count) for count in COUNTS}
    print(f"{'':34}" + "".join(f"{count:>16,}" for count in COUNTS))
    rows = (("wall time of the command (s)", "wall"), ("reading and validating (s)", "read"),
            ("grading, no I/O (s)", "grade"), ("writing all outputs (s)", "write"))
    for label, key in rows:
        print(f"{label:34}" + "".join(f"{figures[c][key]:16.3f}" for c in COUNTS))
    for label, key in rows:
        print(f"{label.replace(' (s)', ', per answer (ms)'):34}"
              + "".join(f"{1000 * figures[c][key] / c:16.3f}" for c in COUNTS))
    print(f"{'peak memory of the command (MB)':34}" + "".join(f"{figures[c]['peak']:16.1f}" for c in COUNTS))
    small, large = (figures[c] for c in COUNTS)
    factor = COUNTS[1] / COUNTS[0]
    phases = (("grading", "grade"), ("reading", "read"), ("writing", "write"), ("whole command", "wall"))
    for label, key in phases:
        print(f"per-answer time {label}, {COUNTS[1]:,} vs {COUNTS[0]:,}: "
              f"{large[key] / factor / small[key]:.2f} (≈ 1: linear)")
    print(f"peak memory {COUNTS[1]:,} / {COUNTS[0]:,}: {large['peak'] / small['peak']:.2f} (target ≤ 1.3); "
          f"grading {COUNTS[0]:,}: {small['grade']:.3f} s (target ≤ 1 s); peak {small['peak']:.1f} MB "
          "(target ≤ 150 MB)")


if __name__ == "__main__":
    main()
