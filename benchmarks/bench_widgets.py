"""Widget latency: one click on the workbench of the largest case, and building it.

Run: `.venv/bin/python -m benchmarks.bench_widgets`. One update is everything a click costs
on the Python side: the control's observer re-checks the case and re-renders the tree, the
Gutachten, the Konkurrenzen summary and the Meinungsstreit overview. Target (issue #4): at
most 20 ms median. The figures are printed, not asserted.
"""

from __future__ import annotations

import statistics
import time

DISPUTE_CASE = "verwertung_nebengeschaeft"  # three norms and a Meinungsstreit (re-checked per view)
ROUNDS_UPDATE = 400
ROUNDS_BUILD = 15
TARGET_MS = 20.0


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def update_times(case_id: str, rounds: int = ROUNDS_UPDATE) -> list[float]:
    """Seconds per update, alternating the answers of every control in turn."""
    from lawkit import default_library
    from lawkit.widgets import workbench

    bench = workbench(case_id, library=default_library())
    keys = list(bench.controls)
    original = {key: bench.controls[key].value for key in keys}
    times = []
    for i in range(rounds):
        key = keys[i % len(keys)]
        control = bench.controls[key]
        new = original[key] if control.value != original[key] else (
            "nein" if original[key] != "nein" else "ja")
        start = time.perf_counter()
        control.value = new  # fires the observer: check + four views re-rendered
        times.append(time.perf_counter() - start)
    return times


def build_times(case_id: str, rounds: int = ROUNDS_BUILD) -> list[float]:
    from lawkit import default_library
    from lawkit.widgets import workbench

    library = default_library()
    workbench(case_id, library=library)  # warm: library, ipywidgets import
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        workbench(case_id, library=library)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    from benchmarks.bench_core import largest_case
    from lawkit import check, default_library

    library = default_library()
    largest, elements = largest_case()  # the same 'largest case' as the core benchmark
    case = library.case(largest)
    result = check(case, library)
    print(f"largest case {largest}: {len(result.norms)} norms, {elements} element results, "
          f"{len(case.facts)} questions")
    for case_id in (largest, DISPUTE_CASE):
        updates = [t * 1000 for t in update_times(case_id)]
        median = statistics.median(updates)
        print(f"{case_id}: widget update (set a control's value -> check + tree + Gutachten + "
              f"summary + Meinungsstreit): median {median:.2f} ms, p95 "
              f"{_percentile(updates, 0.95):.2f} ms, max {max(updates):.2f} ms over {len(updates)} "
              f"updates (target <= {TARGET_MS:.0f} ms median: "
              f"{'met' if median <= TARGET_MS else 'NOT met'})")
    builds = [t * 1000 for t in build_times(largest)]
    print(f"build the workbench once: median {statistics.median(builds):.1f} ms, "
          f"p95 {_percentile(builds, 0.95):.1f} ms over {len(builds)} builds")


if __name__ == "__main__":
    main()
