"""Handouts: a Gutachten, an exercise sheet, a Lösungsskizze or a student's feedback as PDF
(Typst) and DOCX (pandoc), with real footnotes, the same bytes for the same input.

    handout = gutachten_handout(check(case, library), "gutachten", "klausurmäßig")
    write_handout(handout, "gutachten.pdf")      # or .docx

The pipeline: builders (lawkit.export.handouts) → a Handout of plain texts
(lawkit.export.model) → Typst markup or pandoc Markdown, every text escaped → bytes.
"""

from __future__ import annotations

from pathlib import Path

from lawkit.errors import LawkitError
from lawkit.export.handouts import exercise_sheet, feedback_handout, gutachten_handout, solution_sketch
from lawkit.export.model import Handout

FORMATS = ("pdf", "docx")

__all__ = ["FORMATS", "Handout", "exercise_sheet", "feedback_handout", "gutachten_handout",
           "handout_bytes", "solution_sketch", "write_handout"]


def handout_bytes(handout: Handout, fmt: str) -> bytes:
    """The handout as a file's content: 'pdf' or 'docx'."""
    if fmt == "pdf":
        from lawkit.export.typst_writer import pdf_bytes

        return pdf_bytes(handout)
    if fmt == "docx":
        from lawkit.export.pandoc_writer import docx_bytes

        return docx_bytes(handout)
    raise LawkitError(f"unbekanntes Format {fmt!r}; erwartet pdf oder docx")


def format_of(path: Path | str) -> str:
    """The format a target file asks for, from its ending (checked before anything is typeset)."""
    target = Path(path)
    if target.is_dir():
        raise LawkitError(f"{path}: das ist ein Ordner; erwartet den Namen einer .pdf- oder .docx-Datei")
    suffix = target.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise LawkitError(f"{path}: unbekannte Dateiendung {target.suffix or '(keine)'!r}; erwartet "
                          "eine Datei mit der Endung .pdf oder .docx")
    return suffix


def save(handout: Handout, path: Path | str, data: bytes) -> Path:
    """Write a typeset handout atomically; a feedback (personal data) only for its owner (0600)."""
    from lawkit._atomic import write_atomic

    return write_atomic(path, data, private=handout.kind == "feedback")


def write_handout(handout: Handout, path: Path | str) -> Path:
    """Write the handout atomically as PDF or DOCX, as the file's ending says."""
    return save(handout, path, handout_bytes(handout, format_of(path)))
