"""`python -m benchmarks`: the benchmarks of the library, one after the other, with their figures.

`bench_citations` installs a comparison extractor into benchmarks/out/ on its first run (needs
PyPI; without it, lawkit's own figures are still printed). Run on its own (it needs Chromium):
`python -m benchmarks.bench_browser`.
"""

from benchmarks import (
    bench_citations,
    bench_core,
    bench_grading,
    bench_kurs,
    bench_reading,
    bench_training,
    bench_widgets,
)

if __name__ == "__main__":
    for bench in (bench_core, bench_widgets, bench_grading, bench_kurs, bench_reading, bench_training,
                      bench_citations):
        print(f"\n=== {bench.__name__} ===", flush=True)
        bench.main()
