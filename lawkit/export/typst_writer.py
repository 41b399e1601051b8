"""The handout as Typst markup and as PDF (the `typst` package: the typesetter and its fonts in
one wheel, offline).

Escaping: every ASCII punctuation character of a text is preceded by a backslash. Typst reads
`\\c` as the literal character c for any c, so no text can open a function call (`#`), math (`$`),
emphasis (`*`, `_`), a label or reference (`<`, `@`), a content block (`[`), a comment (`//`), a
heading, list or enumeration marker at a line start (`=`, `-`, `+`, `1.`), a shorthand (`--`, `~`,
`...`) or a raw block (`` ` ``). Letters and digits are never escaped, so `\\u{…}` cannot arise.

Determinism: the document has no date (`date: none`), system fonts are ignored (only the fonts
in the wheel are used), and Typst writes no time stamp otherwise: the same handout gives the
same bytes on every machine with the same `typst` version.
"""

from __future__ import annotations

from lawkit.errors import LawkitError
from lawkit.export.model import Handout, Heading, Inline, Items, Note, Para, Table, backslashed, line

# how a paragraph of each style is set (its escaped text in place of {})
_STYLE = {"strong": "#strong[{}]", "quote": "#quote(block: true)[{}]",
          "meta": "#align(center, text(size: 9pt, fill: luma(90))[{}])"}

PREAMBLE = """\
#set document(title: {title}, author: "lawkit", date: none)
#set page(paper: "a4", margin: (x: 2.5cm, y: 2.5cm), numbering: "1")
#set text(lang: "de", region: "DE", size: 11pt, hyphenate: false)
#set par(justify: false, spacing: 0.9em)
#set heading(numbering: none)
#show heading: set block(above: 1.3em, below: 0.7em)
#show heading: set text(size: 11pt)
#show heading.where(level: 1): set text(size: 13pt)
#show heading.where(level: 2): set text(size: 12pt)
#set footnote.entry(gap: 0.5em)
"""


def escape(text: str) -> str:
    """Plain text as Typst markup that prints exactly this text."""
    return backslashed(text)


def _line(text: str) -> str:
    return backslashed(text, whole_line=True)


def string_literal(text: str) -> str:
    """Plain text as a Typst string literal (for the PDF's metadata)."""
    return '"' + line(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _inline(parts: tuple[Inline, ...]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Note):
            out.append(f"#footnote[{_line(part.text)}]")
        else:
            out.append(escape(part))
    return "".join(out).strip()


def typst_source(handout: Handout) -> str:
    lines = [PREAMBLE.format(title=string_literal(handout.title)),
             f'#align(center, text(size: 16pt, weight: "bold")[{_line(handout.title)}])', ""]
    # headings: the handout's sections level 1; Typst needs no cap, but a Gliederung is shallow
    for block in handout.blocks:
        if isinstance(block, Heading):
            lines += [f"{'=' * max(1, block.level)} {_line(block.text)}", ""]
        elif isinstance(block, Para):
            lines += [_STYLE.get(block.style, "{}").format(_inline(block.parts)), ""]
        elif isinstance(block, Items):
            lines += [f"- {_inline(item)}" for item in block.items] + [""]
        elif isinstance(block, Table):
            lines += [_table(block), ""]
    return "\n".join(lines).rstrip() + "\n"


def _table(table: Table) -> str:
    head, *rows = table.rows
    width = len(head)
    header = ", ".join(f"[#strong[{_line(cell)}]]" for cell in head)
    cells = ", ".join(f"[{_line(cell)}]" for row in rows
                      for cell in (*row, *[""] * (width - len(row)))[:width])
    return (f"#block(width: 100%)[#set text(size: 9pt)\n#set par(justify: false)\n"
            f"#table(columns: {width}, stroke: 0.4pt + luma(150), inset: 4pt, align: left,\n"
            f"  table.header({header}),\n  {cells})]")


def pdf_bytes(handout: Handout) -> bytes:
    """The handout typeset as PDF (A4, German hyphenation rules off so text extracts exactly)."""
    import typst

    source = typst_source(handout)
    try:
        return bytes(typst.compile(source.encode("utf-8"), format="pdf", ignore_system_fonts=True))
    except typst.TypstError as exc:  # a bug of the writer, never of the user's text
        raise LawkitError(f"der Satz des PDF ist fehlgeschlagen ({exc}); erwartet fehlerfreies "
                          "Typst – bitte als Fehler von lawkit melden") from None
