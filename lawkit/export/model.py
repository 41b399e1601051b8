"""The handout: a small document model that both typesetters read (title, headings, paragraphs
with real footnotes, lists, tables).

Every text in it is plain text, never markup: the writers (lawkit.export.typst_writer,
lawkit.export.pandoc_writer) escape it for their own syntax, so a Sachverhalt, an answer or a
name with `#`, `*`, `[`, `$` or `\\` is printed as written and cannot inject markup.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

# C0/C1 control characters and the byte order mark; the line breaks (also the Unicode line and
# paragraph separators, which YAML and some readers treat as line breaks) become spaces.
_SPACE = re.compile("[ \t\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """Printable text on one line: control characters dropped, runs of ASCII white space (tab,
    line break) made one space, a lone surrogate (an undecodable file name) made U+FFFD. Other
    spaces (no-break, thin) stay: '5 000 Euro' is set as written. The spaces between the parts
    of a paragraph stay too; `line` strips them at its edges."""
    return _SPACE.sub(" ", _CONTROL.sub("", _SURROGATE.sub("\ufffd", text)))


def line(text: str) -> str:
    """A whole line (a heading, a cell, a footnote): clean, without spaces at its edges."""
    return clean(text).strip()


_BACKSLASHED = {ord(c): "\\" + c for c in string.punctuation}


def backslashed(text: str, *, whole_line: bool = False) -> str:
    """Clean text with a backslash before every ASCII punctuation character: what both Typst
    markup and pandoc Markdown read as exactly this text (see their writers)."""
    return (line(text) if whole_line else clean(text)).translate(_BACKSLASHED)


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote at the place it stands in a paragraph."""

    text: str


Inline = str | Note


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1 = a section of the handout; deeper levels for the Gliederung of a Gutachten
    text: str


@dataclass(frozen=True, slots=True)
class Para:
    parts: tuple[Inline, ...]
    style: str = "text"  # text | strong | quote | meta (a small line under the title)


@dataclass(frozen=True, slots=True)
class Items:
    """A bullet list; each item is text with footnotes."""

    items: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of plain cells; the first row is the header."""

    rows: tuple[tuple[str, ...], ...]


Block = Heading | Para | Items | Table

KINDS = ("gutachten", "aufgabe", "skizze", "feedback")


@dataclass(frozen=True, slots=True)
class Handout:
    kind: str  # one of KINDS
    title: str
    blocks: tuple[Block, ...]

    def notes(self) -> list[str]:
        """Every footnote's text in order (what the PDF and the DOCX number 1, 2, …)."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Para):
                out += [p.text for p in block.parts if isinstance(p, Note)]
            elif isinstance(block, Items):
                out += [p.text for item in block.items for p in item if isinstance(p, Note)]
        return out


def paragraphs(text: str, style: str = "text") -> list[Para]:
    """A multi-paragraph text (paragraphs apart by a blank line) as paragraphs of one line."""
    out = []
    for chunk in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")):
        text_line = line(chunk)
        if text_line:
            out.append(Para((text_line,), style))
    return out
