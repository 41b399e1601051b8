"""`python -m benchmarks`: every benchmark of the core (the citation benchmark runs on its own)."""

from benchmarks.bench_core import main

if __name__ == "__main__":
    main()
