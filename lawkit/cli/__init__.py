"""The `lawkit` command: one module per subcommand, each with register() and run()."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from lawkit.errors import LawkitError

SUBCOMMANDS = ("check", "norms", "show", "validate", "cite", "grade", "regrade", "gradebook", "exercises")


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except LawkitError as exc:
        print(f"lawkit {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `lawkit check … | head`
        return 0
    except KeyboardInterrupt:
        return 130


def add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library", metavar="DIR",
        help="folder with norms/*.yaml (and cases/*.yaml) to use instead of the shipped library",
    )


def library_from(args: argparse.Namespace) -> object:
    from lawkit.loading.library import default_library, load_library

    return load_library(args.library) if args.library else default_library()


if __name__ == "__main__":
    sys.exit(main())
