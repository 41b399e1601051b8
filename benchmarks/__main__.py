"""`python -m benchmarks`: the benchmarks of the library, one after the other, with their figures.

Run on their own (they need more set-up): `python -m benchmarks.bench_citations` (installs a
comparison extractor into benchmarks/out/) and `python -m benchmarks.bench_browser` (Chromium).
"""

from benchmarks import bench_core, bench_grading, bench_reading, bench_training, bench_widgets

if __name__ == "__main__":
    for bench in (bench_core, bench_widgets, bench_grading, bench_reading, bench_training):
        print(f"\n=== {bench.__name__} ===", flush=True)
        bench.main()
