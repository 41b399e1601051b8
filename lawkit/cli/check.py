"""`lawkit check CASE`: check a case and print the Gutachten (or the result as JSON)."""

from __future__ import annotations

import argparse

from lawkit.cli import add_library_option, library_from
from lawkit.errors import LawkitError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("check", help="check a case and write the Gutachten")
    parser.add_argument("case", help="a case file, or the id of a case of the library or the course folder")
    parser.add_argument("--format", choices=("text", "md", "html", "json"), default="text")
    parser.add_argument("--style", choices=("gutachten", "urteilsstil"), default="gutachten")
    parser.add_argument("--level", choices=("ausführlich", "klausurmäßig"), default="ausführlich",
                        help="ausführlich: every step; klausurmäßig: unproblematic points in "
                        "Feststellungsstil, problems in full")
    parser.add_argument(
        "--view", action="append", default=[], metavar="STREIT=ANSICHT",
        help="follow this view in a Meinungsstreit (repeatable), e.g. "
        "geheimnisbegriff=beschraenkte_bekanntheit_genuegt",
    )
    add_library_option(parser)
    parser.set_defaults(func=run)


def parse_views(pairs: list[str]) -> dict[str, str]:
    views = {}
    for pair in pairs:
        dispute, sep, view = pair.partition("=")
        if not sep or not dispute or not view:
            raise LawkitError(f"--view {pair!r}: erwartet STREIT=ANSICHT, z. B. "
                              "geheimnisbegriff=beschraenkte_bekanntheit_genuegt")
        views[dispute.strip()] = view.strip()
    return views


def run(args: argparse.Namespace) -> int:
    from lawkit.evaluation.evaluate import check
    from lawkit.rendering.report import render

    library = library_from(args)
    case = library.case(args.case)
    result = check(case, library, views=parse_views(args.view))
    print(render(result, args.style, args.level).render(args.format), end="")
    if args.format in ("json", "html"):
        print()
    return 0
