"""`lawkit show NORM`: print a norm's Prüfungsschema with its Fundstellen."""

from __future__ import annotations

import argparse

from lawkit.cli import add_library_option, library_from


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("show", help="print a norm's Prüfungsschema")
    parser.add_argument("norm", help="norm id (see `lawkit norms`)")
    add_library_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lawkit.rendering.schema import schema_text

    library = library_from(args)
    print(schema_text(library.norm(args.norm)), end="")
    return 0
