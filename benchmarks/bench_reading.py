"""Reading prose Gutachten: agreement with the hand-annotated corpus, and speed.

Run from the repository root:

    .venv/bin/python -m benchmarks.bench_reading

On tests/data/prose/ (35 Gutachten for e01, e04, e05; the held-out third written last and never
used to tune the reader) it prints, for the development part, the held-out part and all texts:
element-detection precision, recall and F1 (an element counts as found when the reading reports
it discussed), and conclusion accuracy (the student's result per element and per norm, over the
items the annotation gives a result for and the reader found; "nicht sicher erkannt" counts as
wrong unless the text itself contradicts itself). Then the median and p95 time to read the
900-word Gutachten of the corpus (tests/data/prose/e04_nebengeschaeft/01_gutachten_lang.md), and
the same text four times over (scaling). Targets (issue #13): F1 ≥ 0.9, accuracy ≥ 0.9, ≤ 20 ms.

Then a class of 1,000 Gutachten (the corpus texts of each exercise in turn, each under its own
Matrikelnummer, as the collector leaves them: `.md` with front matter, one in ten as `.txt`)
graded by ONE `lawkit grade` subprocess per exercise; printed: wall time, the phases the command
reports, per answer, and the peak memory. Target (issue #13): 1,000 in ≤ 30 s on 2 cores.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from lawkit import default_library, find_exercise
from lawkit.reading import read_gutachten, read_prose
from tests.prose_corpus import CORPUS, Score, corpus, read, score

LONG = CORPUS / "e04_nebengeschaeft" / "01_gutachten_lang.md"
RUNS = 60


def agreement() -> None:
    items = corpus()
    readings = {item.name: read(item) for item in items}
    for label, chosen in (("Entwicklung", [i for i in items if i.split == "dev"]),
                          ("zurückgehalten", [i for i in items if i.split == "holdout"]),
                          ("alle", items)):
        total = Score()
        for item in chosen:
            score(item, readings[item.name], total)
        print(f"{label:15} {len(chosen):3} Texte  Merkmale: P {total.precision:.3f}  R {total.recall:.3f}  "
              f"F1 {total.f1:.3f}   Ergebnisse: {total.correct}/{total.judged} = {total.accuracy:.3f}")


def speed() -> None:
    library = default_library()
    exercise = find_exercise("e04_nebengeschaeft")
    norms = [library.norm(n) for n in (*exercise.solution.required_ids, *exercise.solution.optional)]
    case = exercise.case(library)
    document = read_prose(LONG)
    words = len(document.text.split())
    longer = document.text + ("\n\n" + document.text) * 3

    def timed(text: object) -> list[float]:
        read_gutachten(text, norms=norms, library=library, case=case)  # warm: lemma cache, vocabularies
        out = []
        for _ in range(RUNS):
            start = time.perf_counter()
            read_gutachten(text, norms=norms, library=library, case=case)
            out.append((time.perf_counter() - start) * 1000)
        return sorted(out)

    one = timed(document)
    four = timed(longer)
    print(f"Lesen eines Gutachtens mit {words} Wörtern: Median {statistics.median(one):.1f} ms, "
          f"p95 {one[int(0.95 * len(one)) - 1]:.1f} ms (Ziel ≤ 20 ms)")
    print(f"derselbe Text viermal ({4 * words} Wörter): Median {statistics.median(four):.1f} ms "
          f"(Faktor {statistics.median(four) / statistics.median(one):.1f})")


CLASS = 1_000


def write_class(folder: Path, exercise: str, count: int = CLASS) -> dict[str, int]:
    """`count` Gutachten of the corpus texts of one exercise, each under its own Matrikelnummer."""
    from lawkit.reading.sources import prose_file

    texts = sorted((CORPUS / exercise).glob("*.md"))
    kinds: dict[str, int] = {}
    for i in range(count):
        source = texts[i % len(texts)]
        document = read_prose(source)
        student = f"{8_000_000 + i}"
        if i % 10 == 9:  # a .txt without front matter, named by its Matrikelnummer
            (folder / f"{student}.txt").write_text(document.text, encoding="utf-8")
        else:
            text = prose_file(document.text, exercise=exercise, student=student, name=f"Person {i}")
            (folder / f"{student}.md").write_text(text, encoding="utf-8")
        kinds[source.stem] = kinds.get(source.stem, 0) + 1
    return kinds


def grade_class(exercise: str) -> dict[str, float]:
    from benchmarks.bench_grading import measure_grade

    with tempfile.TemporaryDirectory(prefix="lawkit-bench-prose-") as tmp:
        folder = Path(tmp) / "abgaben"
        folder.mkdir()
        write_class(folder, exercise)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.iterdir())
        figures = measure_grade(exercise, folder, Path(tmp) / "out")
    return {**figures, "words": words / CLASS}


def batch() -> None:
    for exercise in ("e01_geheimnis", "e04_nebengeschaeft", "e05_amtshaftung"):
        f = grade_class(exercise)
        print(f"{CLASS} Gutachten {exercise} (im Mittel {f['words']:.0f} Wörter) in einem `lawkit grade`: "
              f"{f['wall']:.1f} s (Ziel ≤ 30 s; bewertet {f['graded']:.0f}, Exit-Code {f['code']:.0f}); "
              f"Lesen und Prüfen {f['read']:.1f} s, Lesen der Gutachten und Bewerten {f['grade']:.1f} s "
              f"({1000 * f['grade'] / CLASS:.1f} ms je Gutachten), Schreiben {f['write']:.1f} s; "
              f"Spitzenspeicher {f['peak']:.0f} MB", flush=True)


def main() -> None:
    agreement()
    speed()
    batch()


if __name__ == "__main__":
    main()
