"""`lawkit cite FILE`: list the statute, decision and EU-act citations of a text file (or stdin)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from lawkit.errors import LawkitError

if TYPE_CHECKING:
    from lawkit.citations.model import CitationHit


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "cite",
        help="Normen-, Entscheidungs- und EU-Rechtsakt-Zitate eines Textes finden",
        description="Findet die Zitate einer UTF-8-Textdatei ('-' liest die Standardeingabe): "
        "Normen ('§ 203 Abs. 2 StGB'), Entscheidungen ('BVerwG, Beschluss vom 05.03.2018 - "
        "6 B 71.17', 'BVerfGE 51, 304 <312>') und EU-Rechtsakte ('VO (EU) 2016/679'). JSON ist "
        "eine Liste von Objekten mit start, end (Zeichenpositionen), kind ('norm', 'case', "
        "'act'), text, canonical und den Feldern der Fundstelle (docs/citations.md).",
    )
    parser.add_argument("file", metavar="FILE", help="Textdatei, oder '-' für die Standardeingabe")
    parser.add_argument(
        "--format", choices=("json", "text"), default="json", help="Ausgabeformat (Standard: json)"
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


# The kind of a hit as a reader calls it.
KIND_LABELS = {"norm": "Norm", "case": "Entscheidung", "act": "EU-Rechtsakt"}


def format_text(hits: list[CitationHit]) -> str:
    """One line per citation: start-end, kind (German), canonical form, the text as found."""
    lines = []
    for hit in hits:
        found = " ".join(hit.text.split())
        lines.append(f"{hit.start}-{hit.end}\t{KIND_LABELS[hit.kind]}\t{hit.canonical()}\t{found}")
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
