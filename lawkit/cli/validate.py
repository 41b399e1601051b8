"""`lawkit validate FILE…`: check norm and case files; report every bad file, go on past it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from lawkit.cli import add_library_option, library_from
from lawkit.errors import LawkitError

if TYPE_CHECKING:
    from lawkit.loading.library import Library


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("validate", help="check norm and case files")
    parser.add_argument("files", nargs="+", metavar="FILE")
    add_library_option(parser)
    parser.set_defaults(func=run)


def validate_file(path: Path, library: Library, warnings: list[str] | None = None) -> str:
    """Validate one file; return what it is. Raises LawkitError with the first problem; what is
    valid but will not read well in the Gutachten goes into `warnings`."""
    from lawkit.loading.cases import read_case
    from lawkit.loading.library import Library, check_case, check_library
    from lawkit.loading.norms import read_norm
    from lawkit.loading.yaml_reader import describe, read_document

    doc = read_document(path)
    reader = doc.reader()
    if not isinstance(reader.value, dict):
        raise reader.error("expected a mapping (a norm, a case or an exercise), got "
                           f"{describe(reader.value)}")
    if reader.has("examine") or reader.has("facts"):
        case = read_case(reader)
        check_case(case, library, reader)
        if warnings is not None:
            from lawkit.rendering.style_check import case_warnings

            warnings += case_warnings(case, library)
        return f"case {case.id!r} ({len(case.examinations)} norm(s), {len(case.facts)} facts)"
    if any(reader.has(key) for key in ("citation", "elements", "any_of", "kind", "wording")):
        norm = read_norm(reader)
        assert isinstance(library, Library)
        check_library(Library(MappingProxyType({**library.norms, norm.id: norm}), library.seeds))
        if warnings is not None:
            from lawkit.rendering.style_check import phrase_warnings

            warnings += phrase_warnings(norm)
        return f"norm {norm.id!r} ({norm.citation.canonical()}, {len(norm.elements())} elements)"
    if reader.has("solution") and reader.has("bearbeitervermerk"):
        from lawkit.coursework.loading import load_exercise

        exercise = load_exercise(path, library)
        return f"exercise {exercise.id!r} ({len(exercise.solution.required)} required norm(s))"
    raise reader.error("cannot tell what this file is; expected a norm (with 'citation' and "
                       "'elements'), a case (with 'examine' and 'facts') or an exercise "
                       "(with 'bearbeitervermerk' and 'solution')")


def run(args: argparse.Namespace) -> int:
    library = library_from(args)
    failed = 0
    for name in args.files:
        warnings: list[str] = []
        try:
            what = validate_file(Path(name), library, warnings)
        except LawkitError as exc:
            failed += 1
            print(f"error  {exc}", file=sys.stderr)
        else:
            print(f"ok     {name}: {what}")
            for warning in warnings:
                print(f"warning {name}: {warning}")
    if failed:
        print(f"{failed} of {len(args.files)} file(s) failed", file=sys.stderr)
    return 1 if failed else 0
