"""The course folder (docs/kurs.md): what finding it costs every call, and how loading and
validating a course scale with its size (n vs 4n cases).

Run: `.venv/bin/python -m benchmarks.bench_kurs` (or `make bench`). Figures are printed, not
asserted.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "kurs_strafrecht"
ROUNDS = 2000


def _course(root: Path, cases: int) -> Path:
    shutil.copytree(EXAMPLE, root)
    text = (root / "cases" / "kurs_akte.yaml").read_text(encoding="utf-8")
    for i in range(1, cases):
        (root / "cases" / f"kurs_akte_{i}.yaml").write_text(
            text.replace("id: kurs_akte", f"id: kurs_akte_{i}"), encoding="utf-8")
    return root


def per_call_us(kurs: Path | None) -> float:
    from lawkit.loading.kurs import ENV_VAR
    from lawkit.loading.library import default_library

    if kurs is None:
        os.environ.pop(ENV_VAR, None)
    else:
        os.environ[ENV_VAR] = str(kurs)
    default_library()  # load once
    start = time.perf_counter()
    for _ in range(ROUNDS):
        default_library()
    return (time.perf_counter() - start) / ROUNDS * 1e6


def load_and_validate(kurs: Path) -> tuple[float, float]:
    """Seconds to lay the course over the library (cold) and to run `lawkit validate` on it."""
    from lawkit.cli import main
    from lawkit.loading.kurs import _CACHE, kurs_library, read_kurs
    from lawkit.loading.library import shipped_library

    shipped_library()
    loads, validates = [], []
    for _ in range(3):
        _CACHE.clear()
        start = time.perf_counter()
        library = kurs_library(read_kurs(kurs))
        for case_id in library.case_files:
            library.case(case_id)
        loads.append(time.perf_counter() - start)
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main(["validate", "--kurs", str(kurs)]) == 0
        validates.append(time.perf_counter() - start)
    return statistics.median(loads), statistics.median(validates)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="lawkit-bench-kurs-") as tmp:
        small = _course(Path(tmp) / "klein", 5)
        large = _course(Path(tmp) / "gross", 20)
        without = per_call_us(None)
        with_kurs = per_call_us(small)
        load_n, validate_n = load_and_validate(small)
        load_4n, validate_4n = load_and_validate(large)
        os.environ.pop("LAWKIT_KURS", None)
    rows = [
        ("default_library() per call, no course folder", f"{without:.1f} µs"),
        ("default_library() per call, course folder (cached)", f"{with_kurs:.1f} µs"),
        ("course of 5 cases: layer + load every case (cold)", f"{load_n * 1000:.0f} ms"),
        ("course of 20 cases: layer + load every case (cold)", f"{load_4n * 1000:.0f} ms"),
        ("  ratio 4n / n", f"{load_4n / load_n:.2f}"),
        ("lawkit validate, course of 5 cases", f"{validate_n * 1000:.0f} ms"),
        ("lawkit validate, course of 20 cases", f"{validate_4n * 1000:.0f} ms"),
        ("  ratio 4n / n", f"{validate_4n / validate_n:.2f}"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
