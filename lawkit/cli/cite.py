"""`lawkit cite FILE`: list the statute and decision citations of a text file (or stdin)."""

from __future__ import annotations

import argparse
import json
import sys

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


MAX_TEXT_BYTES = 100_000_000  # 100 MB: far more than any decision or textbook chapter


def read_text(name: str) -> str:
    """The text of FILE (or stdin for '-') decoded as UTF-8, a leading BOM removed.

    Only a regular file is read (a FIFO or a device would hang or never end), at most
    MAX_TEXT_BYTES. Raises LawkitError naming the file (and the byte offset for a decoding error).
    """
    from lawkit._files import decode_text, human_size, read_regular

    if name == "-":
        data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
        if len(data) > MAX_TEXT_BYTES:
            raise LawkitError(f"<stdin>: mehr als {human_size(MAX_TEXT_BYTES)}; erwartet einen kürzeren Text")
        return decode_text(data, "<stdin>")[0]
    return decode_text(read_regular(name, limit=MAX_TEXT_BYTES, what="eine Textdatei"), name)[0]


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
