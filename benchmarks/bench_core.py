"""Core figures: import weight, check + Gutachten latency, peak memory of `lawkit check`.

Run: `.venv/bin/python -m benchmarks.bench_core` (or `make bench`). Targets come from the
issue and the design brief; the figures are printed, not asserted.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

PYTHON = sys.executable
ROUNDS_IMPORT = 7
ROUNDS_CHECK = 300


def import_seconds(statement: str) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    runs = []
    subprocess.run([PYTHON, "-c", statement], check=True)  # warm the bytecode cache
    for _ in range(ROUNDS_IMPORT):
        out = subprocess.run([PYTHON, "-c", code], check=True, capture_output=True, text=True)
        runs.append(float(out.stdout))
    return statistics.median(runs)


def largest_case() -> tuple[str, int]:
    """The shipped case with the most element results (the 'largest seed case')."""
    from lawkit import check, default_library

    library = default_library()
    sizes = []
    for case_id in library.case_files:
        result = check(library.case(case_id), library)
        size = sum(len(n.root.walk()) + sum(len(p.walk()) for p in n.procedural) for n in result.norms)
        sizes.append((size, case_id))
    size, case_id = max(sizes)
    return case_id, size


def check_latency(case_id: str) -> tuple[float, float]:
    from lawkit import check, default_library

    library = default_library()
    case = library.case(case_id)
    for _ in range(20):  # warm-up
        check(case, library).gutachten().markdown()
    times = []
    for _ in range(ROUNDS_CHECK):
        start = time.perf_counter()
        check(case, library).gutachten().markdown()
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95)]


def peak_memory_mb(case_id: str) -> float:
    lawkit = shutil.which("lawkit", path=str(Path(PYTHON).parent)) or "lawkit"
    code = (
        "import resource, subprocess, sys\n"
        f"subprocess.run([{lawkit!r}, 'check', {case_id!r}], check=True, stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([PYTHON, "-c", code], check=True, capture_output=True, text=True)
    return int(out.stdout) / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    lawkit_s = import_seconds("import lawkit")
    ready_s = import_seconds("from lawkit import check, default_library, render")
    pandas_s = import_seconds("import pandas")
    case_id, size = largest_case()
    median, p95 = check_latency(case_id)
    memory = peak_memory_mb(case_id)
    rows = [
        ("import lawkit", f"{lawkit_s * 1000:.1f} ms", ""),
        ("from lawkit import check, default_library, render", f"{ready_s * 1000:.1f} ms", ""),
        ("import pandas", f"{pandas_s * 1000:.1f} ms", ""),
        ("import ratio lawkit/pandas", f"{lawkit_s / pandas_s:.3f}", "≤ 0.2"),
        ("import ratio (check, default_library, render)/pandas", f"{ready_s / pandas_s:.3f}", ""),
        (f"check + Gutachten, {case_id} ({size} elements), median", f"{median * 1000:.3f} ms", "≤ 2 ms"),
        ("check + Gutachten, p95", f"{p95 * 1000:.3f} ms", ""),
        (f"peak memory `lawkit check {case_id}` (whole process)", f"{memory:.1f} MB", "≤ 60 MB"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'benchmark':<{width}}  {'figure':>12}  target")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:>12}  {target}")


if __name__ == "__main__":
    main()
