"""`lawkit validate [FILE…]`: check norm, case and exercise files — every problem of every file in
one run, in German, each with file, line, path and what was expected.

Without FILE, the whole course folder in use is checked (kurs.yaml, norms/, cases/, aufgaben/;
docs/kurs.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from lawkit.cli import add_library_option
from lawkit.errors import AuthoringError, LawkitError

if TYPE_CHECKING:
    from lawkit.loading.library import Library


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate", help="prüft Norm-, Fall- und Aufgabendateien (ohne FILE: den ganzen Kursordner)")
    parser.add_argument("files", nargs="*", metavar="FILE")
    add_library_option(parser)
    parser.set_defaults(func=run)


def validate_file(path: Path, library: Library, warnings: list[str] | None = None) -> str:
    """Validate one file; return what it is. Raises AuthoringError with every problem found
    (AuthoringErrors for several); what is valid but will not read well in the Gutachten goes
    into `warnings`."""
    from lawkit.loading.cases import read_case
    from lawkit.loading.library import Library, check_case, check_library
    from lawkit.loading.norms import read_norm
    from lawkit.loading.yaml_reader import Problems, beschreibe, read_document

    doc = read_document(path)
    reader = doc.reader()
    if not isinstance(reader.value, dict):
        raise reader.error("erwartet eine Zuordnung (eine Norm, einen Fall oder eine Aufgabe), gefunden: "
                           f"{beschreibe(reader.value)}")
    if reader.has("bearbeitervermerk") or reader.has("solution"):
        from lawkit.coursework.loading import load_exercise

        exercise = load_exercise(path, library)
        return f"Aufgabe {exercise.id!r} ({len(exercise.solution.required)} verlangte Norm(en))"
    if reader.has("examine") or reader.has("facts"):
        problems = Problems()
        case = read_case(reader)
        problems.attempt(check_case, case, library, reader)
        if _in_folder(path, "cases") and case.id != path.stem:
            problems.add(reader.error(f"die ID {case.id!r} weicht vom Dateinamen {path.stem!r} ab; "
                                      "erwartet, dass die ID dem Dateinamen entspricht", "id"))
        problems.raise_if_any()
        if warnings is not None:
            from lawkit.rendering.style_check import case_warnings

            warnings += case_warnings(case, library)
        facts = len(case.facts)
        return (f"Fall {case.id!r} ({len(case.examinations)} Norm(en), {facts} "
                f"Tatsache{'' if facts == 1 else 'n'})")
    if any(reader.has(key) for key in ("citation", "elements", "any_of", "kind", "wording")):
        norm = read_norm(reader)
        check_library(Library(MappingProxyType({**library.norms, norm.id: norm}), library.seeds),
                      only=(norm.id,))
        if warnings is not None:
            from lawkit.rendering.style_check import phrase_warnings

            warnings += phrase_warnings(norm)
        return f"Norm {norm.id!r} ({norm.citation.canonical()}, {len(norm.elements())} Merkmale)"
    raise reader.error("unklar, was diese Datei ist; erwartet eine Norm (mit 'citation' und "
                       "'elements'), einen Fall (mit 'examine' und 'facts') oder eine Aufgabe "
                       "(mit 'bearbeitervermerk' und 'solution')")


def _in_folder(path: Path, name: str) -> bool:
    return path.resolve().parent.name == name


def run(args: argparse.Namespace) -> int:
    from lawkit.loading.kurs import KURS_FILE, find_kurs, layer, read_kurs
    from lawkit.loading.library import load_library, shipped_library
    from lawkit.loading.yaml_reader import Problems

    kurs = find_kurs()
    base = load_library(args.library) if args.library else shipped_library()
    layered = Problems()
    library = base if kurs is None else layer(kurs, base, layered)
    if args.files:
        files = [Path(name) for name in args.files]
    elif kurs is not None:
        files = list(kurs.files())
        print(f"Kurs {kurs.name!r} ({kurs.root})")
    else:
        raise LawkitError("keine Datei angegeben und kein Kursordner in Gebrauch; erwartet Dateien "
                          f"(lawkit validate DATEI …) oder einen Kursordner mit {KURS_FILE} (--kurs DIR, "
                          "LAWKIT_KURS oder das Arbeitsverzeichnis; siehe docs/kurs.md)")
    pending = {_key(e.file): [] for e in layered.errors}  # type: dict[str, list[AuthoringError]]
    for error in layered.errors:
        pending[_key(error.file)].append(error)
    failed = errors = 0
    for path in files:
        warnings: list[str] = []
        found = pending.pop(_key(str(path)), [])
        what = ""
        try:
            what = read_kurs(path.parent).name if path.name == KURS_FILE else validate_file(
                path, library, warnings)
            if path.name == KURS_FILE:
                what = f"Kurs {what!r}"
        except AuthoringError as exc:
            found += [e for e in exc.errors if str(e) not in {str(f) for f in found}]
        except LawkitError as exc:
            found.append(AuthoringError(str(path), "", str(exc).removeprefix(f"{path}: ")))
        if found:
            failed += 1
            errors += len(found)
            for error in sorted(found, key=lambda e: e.line or 0):
                print(f"Fehler {error}", file=sys.stderr)
            continue
        print(f"ok     {path}: {what}")
        for warning in warnings:
            print(f"Warnung {path}: {warning}")
    for rest in pending.values():  # problems of course files not named on the command line
        failed += 1
        errors += len(rest)
        for error in rest:
            print(f"Fehler {error}", file=sys.stderr)
    if failed:
        print(f"{errors} Fehler in {failed} von {len(files) + len(pending)} Datei(en)", file=sys.stderr)
    return 1 if failed else 0


def _key(file: str) -> str:
    try:
        return str(Path(file).resolve())
    except (OSError, ValueError):
        return file
