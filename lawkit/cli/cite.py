"""`lawkit cite FILE`: list the statute, decision and EU-act citations of a text file (or stdin)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lawkit.errors import LawkitError


def register(subparsers: argparse._SubParsersAction) -> None:
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


def read_text(name: str) -> str:
    """The text of FILE (or stdin for '-') decoded as UTF-8, a leading BOM removed.

    Raises LawkitError naming the file (and the byte offset for a decoding error), in German.
    """
    label = "<Standardeingabe>" if name == "-" else name
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except FileNotFoundError:
        raise LawkitError(f"{label}: Datei nicht gefunden") from None
    except IsADirectoryError:
        raise LawkitError(f"{label}: ist ein Ordner; erwartet wird eine Textdatei") from None
    except OSError as exc:
        raise LawkitError(f"{label}: kann nicht gelesen werden: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LawkitError(
            f"{label}: kein UTF-8 (Byte 0x{data[exc.start]:02x} an Byte-Position {exc.start}); "
            "bitte die Datei als UTF-8 speichern (in Windows-Editoren die Option 'UTF-8') und "
            "erneut versuchen"
        ) from None
    return text.removeprefix("\ufeff")


# The kind of a hit as a reader calls it.
KIND_LABELS = {"norm": "Norm", "case": "Entscheidung", "act": "EU-Rechtsakt"}


def format_text(hits: list) -> str:
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
