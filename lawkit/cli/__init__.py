"""The `lawkit` command: one module per subcommand, each with register() and run()."""

from __future__ import annotations

import argparse
import contextlib
import errno
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lawkit.errors import LawkitError

if TYPE_CHECKING:
    from lawkit.loading.library import Library

SUBCOMMANDS = ("check", "norms", "show", "validate", "new", "cite", "grade", "regrade", "gradebook",
               "exercises", "progress", "export")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="lawkit",
        description="Prüfe Normen Merkmal für Merkmal, schreibe das Gutachten, bewerte Lösungen.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"lawkit.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"lawkit.cli.{name}":
                raise
            continue  # a subcommand that is not built yet
        module.register(subparsers)
    return parser


_ERRNO_GERMAN = {
    errno.ENOSPC: "kein Speicherplatz mehr auf dem Datenträger",
    errno.EROFS: "der Datenträger ist schreibgeschützt",
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "nicht erlaubt",
    errno.ENOENT: "nicht gefunden",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Ordner",
    errno.EISDIR: "das ist ein Ordner",
    errno.EDQUOT: "das Speicherkontingent ist erschöpft",
}


def os_error_text(exc: OSError) -> str:
    """An OSError as a German sentence naming the file."""
    reason = _ERRNO_GERMAN.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{reason}; erwartet einen lesbaren bzw. beschreibbaren Ort mit freiem Speicherplatz"


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a name with a lone surrogate must not crash output
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]  # a TextIO; a replaced stream may lack it (suppressed)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if getattr(args, "kurs", None):
            from lawkit.loading.kurs import use_kurs

            use_kurs(args.kurs)
        return int(args.func(args))
    except LawkitError as exc:
        print(f"lawkit {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `lawkit check … | head`
        return 0
    except OSError as exc:  # a full disk, a read-only folder, a missing file
        print(f"lawkit {args.command}: {os_error_text(exc)}", file=sys.stderr)
        return 2
    except RecursionError:
        print(f"lawkit {args.command}: die Eingabe ist zu tief verschachtelt; erwartet flachere Daten",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        if getattr(args, "kurs", None):
            from lawkit.loading.kurs import use_kurs

            use_kurs(None)


def add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library", metavar="DIR",
        help="Ordner mit norms/*.yaml (und cases/*.yaml) statt der mitgelieferten Bibliothek",
    )
    add_kurs_option(parser)


def add_kurs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kurs", metavar="DIR",
        help="Kursordner (mit kurs.yaml), der über die Bibliothek gelegt wird; sonst gilt "
             "LAWKIT_KURS oder ein Ordner mit kurs.yaml ab dem Arbeitsverzeichnis (docs/kurs.md)",
    )


def library_from(args: argparse.Namespace) -> Library:
    """The library of a command: the shipped one (or --library DIR), with the course folder in
    use layered over it (docs/kurs.md)."""
    from lawkit.loading.kurs import find_kurs, kurs_library
    from lawkit.loading.library import default_library, load_library

    if not getattr(args, "library", None):
        return default_library()
    base = load_library(args.library)
    kurs = find_kurs()
    return base if kurs is None else kurs_library(kurs, base)


if __name__ == "__main__":
    sys.exit(main())
