"""The handout as pandoc Markdown and as DOCX (pandoc: the binary that the `pypandoc-binary`
wheel ships, or a `pandoc` on PATH).

Footnotes are pandoc footnotes (`[^1]` in the text, `[^1]: …` below), which the DOCX writer
makes Word footnotes (word/footnotes.xml), numbered and placed by Word.

Escaping: pandoc's Markdown lets a backslash escape every ASCII punctuation character
(`all_symbols_escapable`); every one is escaped, so no text can start emphasis, a link, a raw
HTML or OpenXML block, math, a citation, a list, a heading or a table, or a smart dash or quote.
Pandoc runs with `--sandbox` (it reads no file and fetches nothing).

Determinism: in its sandbox pandoc reads no clock, so the DOCX's dates are fixed (core.xml
1970-01-01, the ZIP entries 1980-01-01, the earliest a ZIP can hold); SOURCE_DATE_EPOCH is set as
well, for a pandoc that would take the time from it. The same handout gives the same bytes
(tests/test_export.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess

from lawkit.errors import LawkitError
from lawkit.export.model import Handout, Heading, Inline, Items, Note, Para, Table, backslashed

# how a paragraph of each style is written (its escaped text in place of {})
_STYLE = {"strong": "**{}**", "quote": "> {}", "meta": "*{}*"}
SOURCE_DATE_EPOCH = "315532800"  # 1980-01-01T00:00:00Z
TIMEOUT = 300


def escape(text: str) -> str:
    """Plain text as pandoc Markdown that reads as exactly this text."""
    return backslashed(text)


def _line(text: str) -> str:
    return backslashed(text, whole_line=True)


class _Notes:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def inline(self, parts: tuple[Inline, ...]) -> str:
        out = []
        for part in parts:
            if isinstance(part, Note):
                self.texts.append(part.text)
                out.append(f"[^{len(self.texts)}]")
            else:
                out.append(escape(part))
        return "".join(out).strip()


def pandoc_markdown(handout: Handout) -> str:
    title = _line(handout.title).replace("'", "''")  # inside a YAML single-quoted scalar
    lines = ["---", f"title: '{title}'", "lang: de-DE", "---", ""]
    notes = _Notes()
    for block in handout.blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * min(max(1, block.level), 6)} {_line(block.text)}", ""]
        elif isinstance(block, Para):
            lines += [_STYLE.get(block.style, "{}").format(notes.inline(block.parts)), ""]
        elif isinstance(block, Items):
            lines += [f"- {notes.inline(item)}" for item in block.items] + [""]
        elif isinstance(block, Table):
            head, *rows = block.rows
            width = len(head)
            lines.append("| " + " | ".join(_line(c) or " " for c in head) + " |")
            lines.append("|" + "---|" * width)
            for row in rows:
                cells = (*row, *[""] * (width - len(row)))[:width]
                lines.append("| " + " | ".join(_line(c) or " " for c in cells) + " |")
            lines.append("")
    lines += [f"[^{i}]: {_line(text)}" for i, text in enumerate(notes.texts, start=1)]
    return "\n".join(lines).rstrip() + "\n"


def pandoc_path() -> str:
    """The pandoc binary: the one in the pypandoc-binary wheel, else pandoc on PATH."""
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        found = shutil.which("pandoc")
        if found is None:
            raise LawkitError("pandoc nicht gefunden; erwartet das Paket pypandoc-binary "
                              "(`make setup` installiert es) oder pandoc im PATH") from None
        return found


def docx_bytes(handout: Handout) -> bytes:
    """The handout as a Word file with real footnotes."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    command = [pandoc_path(), "--sandbox", "-f", "markdown", "-t", "docx", "-o", "-"]
    try:
        done = subprocess.run(command, input=pandoc_markdown(handout).encode("utf-8"),
                              capture_output=True, env=env, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LawkitError(f"pandoc ließ sich nicht ausführen ({exc}); erwartet ein lauffähiges "
                          "pandoc (Paket pypandoc-binary)") from None
    if done.returncode != 0 or not done.stdout.startswith(b"PK"):
        message = done.stderr.decode("utf-8", "replace").strip()[:500]
        raise LawkitError(f"pandoc konnte die DOCX-Datei nicht schreiben ({message}); erwartet "
                          "fehlerfreies Markdown – bitte als Fehler von lawkit melden")
    return done.stdout
