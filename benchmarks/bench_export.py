"""Handouts (`lawkit export`): how long one Gutachten takes as PDF (typst) and DOCX (pandoc), and
how the time grows with the length of the document (n vs 4n Gutachten in one handout).

Run from the repository root:

    .venv/bin/python -m benchmarks.bench_export

Printed: for the largest shipped case (most elements) the median of the build of the handout,
of the Typst source, of the PDF (typst, in process) and of the DOCX (a pandoc subprocess per
file); a whole `lawkit export gutachten … --out x.pdf --out x.docx` in a fresh process (Python
start, library load, both files); then a Fallsammlung of n and of 4n Gutachten (the shipped
cases in turn) as one PDF and one DOCX, with the ratio 4n/n (≈ 4 is linear). The figures are
printed, not asserted.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
N = 4


def median_seconds(action: object, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def collection(handouts: list, count: int) -> object:
    """One handout with `count` Gutachten, the given ones in turn (their headings one level down)."""
    from lawkit.export.model import Handout, Heading

    blocks: list = []
    for index in range(count):
        handout = handouts[index % len(handouts)]
        blocks.append(Heading(1, f"Fall {index + 1}: {handout.title}"))
        blocks += [Heading(b.level + 1, b.text) if isinstance(b, Heading) else b for b in handout.blocks]
    return Handout("gutachten", "Fallsammlung", tuple(blocks))


def main() -> None:
    from lawkit import check, default_library
    from lawkit.export import gutachten_handout, handout_bytes
    from lawkit.export.typst_writer import typst_source

    library = default_library()
    results = {case_id: check(library.case(case_id), library) for case_id in sorted(library.case_files)}

    case_id = max(results, key=lambda c: (len(gutachten_handout(results[c]).blocks), c))
    handout = gutachten_handout(results[case_id])
    handout_bytes(handout, "pdf")  # the first compile loads the fonts
    build = median_seconds(lambda: gutachten_handout(results[case_id]))
    source = median_seconds(lambda: typst_source(handout))
    pdf = median_seconds(lambda: handout_bytes(handout, "pdf"))
    docx = median_seconds(lambda: handout_bytes(handout, "docx"))
    pdf_size, docx_size = len(handout_bytes(handout, "pdf")), len(handout_bytes(handout, "docx"))

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "lawkit"), "export", "gutachten", case_id,
                        "--out", f"{tmp}/g.pdf", "--out", f"{tmp}/g.docx"],
                       check=True, capture_output=True, cwd=ROOT)
        cli = time.perf_counter() - start

    handouts = [gutachten_handout(r) for r in results.values()]
    small, large = collection(handouts, N), collection(handouts, 4 * N)
    pdf_n = median_seconds(lambda: handout_bytes(small, "pdf"), 3)
    pdf_4n = median_seconds(lambda: handout_bytes(large, "pdf"), 3)
    docx_n = median_seconds(lambda: handout_bytes(small, "docx"), 3)
    docx_4n = median_seconds(lambda: handout_bytes(large, "docx"), 3)

    notes = len(handout.notes())
    rows = [
        (f"build the handout, {case_id} ({len(handout.blocks)} blocks, {notes} footnotes)",
         f"{build * 1000:.2f} ms", ""),
        ("Typst source", f"{source * 1000:.2f} ms", ""),
        (f"PDF (typst, in process), {pdf_size // 1024} KiB", f"{pdf * 1000:.1f} ms", ""),
        (f"DOCX (pandoc subprocess), {docx_size // 1024} KiB", f"{docx * 1000:.1f} ms", ""),
        ("`lawkit export gutachten` PDF + DOCX, fresh process", f"{cli * 1000:.0f} ms", "≤ 3 s"),
        (f"Fallsammlung of {N} Gutachten, PDF", f"{pdf_n * 1000:.1f} ms", ""),
        (f"Fallsammlung of {4 * N} Gutachten, PDF", f"{pdf_4n * 1000:.1f} ms", ""),
        (f"PDF ratio {4 * N}/{N}", f"{pdf_4n / pdf_n:.2f}", "≈ 4 (linear)"),
        (f"Fallsammlung of {N} Gutachten, DOCX", f"{docx_n * 1000:.1f} ms", ""),
        (f"Fallsammlung of {4 * N} Gutachten, DOCX", f"{docx_4n * 1000:.1f} ms", ""),
        (f"DOCX ratio {4 * N}/{N}", f"{docx_4n / docx_n:.2f}", "≈ 4 (linear)"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'benchmark':<{width}}  {'figure':>10}  target")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:>10}  {target}")


if __name__ == "__main__":
    main()
