"""`lawkit cite FILE`: list the statute and decision citations of a text file (or stdin)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lawkit.errors import LawkitError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "cite",
        help="find statute and case citations in a text",
        description="Find the statute and case citations of a UTF-8 text file ('-' reads "
        "stdin). JSON output is a list of objects with start, end (character offsets), kind "
        "('norm' or 'case'), text, canonical and the structured fields.",
    )
    parser.add_argument("file", metavar="FILE", help="text file to read, or '-' for stdin")
    parser.add_argument(
        "--format", choices=("json", "text"), default="json", help="output format (default json)"
    )
    parser.set_defaults(func=run)


def read_text(name: str) -> str:
    """The text of FILE (or stdin for '-') decoded as UTF-8, a leading BOM removed.

    Raises LawkitError naming the file (and the byte offset for a decoding error).
    """
    label = "<stdin>" if name == "-" else name
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except FileNotFoundError:
        raise LawkitError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise LawkitError(f"{label}: is a directory, expected a text file") from None
    except OSError as exc:
        raise LawkitError(f"{label}: cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LawkitError(
            f"{label}: not UTF-8 (byte 0x{data[exc.start]:02x} at byte offset {exc.start}); "
            "save the file as UTF-8 (e.g. a Windows editor's 'UTF-8' option) and try again"
        ) from None
    return text.removeprefix("\ufeff")


def format_text(hits: list) -> str:
    """One line per citation: start-end, kind, canonical form, and the text as found."""
    lines = []
    for hit in hits:
        found = " ".join(hit.text.split())
        lines.append(f"{hit.start}-{hit.end}\t{hit.kind}\t{hit.canonical()}\t{found}")
    return "".join(line + "\n" for line in lines)


def run(args: argparse.Namespace) -> int:
    from lawkit.citations import find_citations

    text = read_text(args.file)
    hits = find_citations(text)
    if args.format == "json":
        json.dump([h.to_dict() for h in hits], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_text(hits))
    return 0
