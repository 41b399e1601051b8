"""`lawkit norms`: list the norms of the library."""

from __future__ import annotations

import argparse

from lawkit.cli import add_library_option, library_from


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("norms", help="list the norms of the library")
    add_library_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    library = library_from(args)
    norms = sorted(library.norms.values(), key=lambda n: n.id)
    width = max(len(n.id) for n in norms)
    cwidth = max(len(n.citation.canonical()) for n in norms)
    for norm in norms:
        print(f"{norm.id:<{width}}  {norm.citation.canonical():<{cwidth}}  "
              f"{norm.kind.value:<23}  {norm.title}")
    return 0
