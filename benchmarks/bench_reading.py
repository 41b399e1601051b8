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
"""

from __future__ import annotations

import statistics
import time

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


def main() -> None:
    agreement()
    speed()


if __name__ == "__main__":
    main()
