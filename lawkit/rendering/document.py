"""A tiny document model (headings, paragraphs with footnotes) and its four output formats."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

from lawkit.errors import LawkitError


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 0 = A., 1 = I., 2 = 1., …
    number: str
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    parts: tuple[str | int, ...]  # text, and footnote numbers where they are cited
    # text | obersatz | ergebnis | streit (the problem and the views of a Meinungsstreit) |
    # stellungnahme | konkurrenz
    role: str = "text"


Block = Heading | Paragraph


def _plain(block: Paragraph) -> str:
    return "".join(p if isinstance(p, str) else f"[{p}]" for p in block.parts)


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    blocks: tuple[Block, ...]
    footnotes: tuple[str, ...]

    def paragraphs(self) -> list[str]:
        """The text of every paragraph with its footnote markers as '[n]' (for checks)."""
        return [_plain(b) for b in self.blocks if isinstance(b, Paragraph)]

    # -- Markdown ---------------------------------------------------------------
    def markdown(self) -> str:
        out = [f"# {self.title}", ""] if self.title else []
        for block in self.blocks:
            if isinstance(block, Heading):
                hashes = "#" * min(block.level + 2, 6)
                out += [f"{hashes} {block.number} {block.text}", ""]
            else:
                text = "".join(p if isinstance(p, str) else f"[^{p}]" for p in block.parts)
                out += [f"**{text}**" if block.role == "ergebnis" else text, ""]
        for i, note in enumerate(self.footnotes, start=1):
            out.append(f"[^{i}]: {note}")
        return "\n".join(out).rstrip() + "\n"

    # -- parts ------------------------------------------------------------------------
    def section(self, heading: str) -> Document:
        """The part under the first heading that begins with `heading` (with its number, "B. § 823",
        or without, "Gesamtergebnis"): that heading and every block up to the next heading of the
        same or a higher level. Footnote markers keep their numbers; the part has no title and no
        footnote list of its own (both belong to the whole)."""
        headings = [(index, b) for index, b in enumerate(self.blocks) if isinstance(b, Heading)]
        for n, (index, block) in enumerate(headings):
            if f"{block.number} {block.text}".startswith(heading) or block.text.startswith(heading):
                end = next((i for i, b in headings[n + 1:] if b.level <= block.level), len(self.blocks))
                return Document("", self.blocks[index:end], ())
        raise LawkitError(f"keine Überschrift beginnt mit „{heading}“; erwartet eine von: "
                          + "; ".join(f"{b.number} {b.text}" for _, b in headings))

    def meinungsstreit(self) -> Document:
        """The first Meinungsstreit: from the paragraph that states the problem ("Fraglich ist, …")
        through the views and the Stellungnahme, without the sentence that applies the decision
        ("Somit …"). With section() first, the one under that heading."""
        start = next((i for i, b in enumerate(self.blocks)
                      if isinstance(b, Paragraph) and b.role == "streit"), None)
        if start is None:
            raise LawkitError("hier stellt sich kein Meinungsstreit; erwartet einen Teil des Gutachtens mit "
                              "einer umstrittenen Frage")
        level = next((b.level for b in reversed(self.blocks[:start]) if isinstance(b, Heading)), -1)
        end = start
        for i in range(start + 1, len(self.blocks)):
            block = self.blocks[i]
            if isinstance(block, Heading) and block.level <= level:
                break
            if isinstance(block, Paragraph) and block.role in ("streit", "stellungnahme"):
                end = i
        return Document("", self.blocks[start:end + 1], ())

    # -- plain text ---------------------------------------------------------------
    def text(self) -> str:
        """Plain text: the title underlined, headings indented by level, the footnotes at the end.
        A part (see section, passages) has no title: its first heading is not indented."""
        out = [self.title, "=" * len(self.title), ""] if self.title else []
        base = 0 if self.title else min((b.level for b in self.blocks if isinstance(b, Heading)), default=0)
        for block in self.blocks:
            if isinstance(block, Heading):
                out += [f"{'  ' * (block.level - base)}{block.number} {block.text}", ""]
            else:
                text = "".join(p if isinstance(p, str) else f"[{p}]" for p in block.parts)
                out += [text, ""]
        if self.footnotes:
            out += ["Fußnoten", ""]
            out += [f"[{i}] {note}" for i, note in enumerate(self.footnotes, start=1)]
        return "\n".join(out).rstrip() + "\n"

    # -- HTML -----------------------------------------------------------------------
    def html(self, element_id: str = "lawkit-gutachten") -> str:
        out = [f'<div class="lawkit-report" id="{html.escape(element_id)}">']
        if self.title:
            out.append(f"<h2>{html.escape(self.title)}</h2>")
        for block in self.blocks:
            if isinstance(block, Heading):
                tag = f"h{min(block.level + 3, 6)}"
                out.append(f"<{tag}>{html.escape(block.number)} {html.escape(block.text)}</{tag}>")
            else:
                inner = "".join(
                    html.escape(p) if isinstance(p, str)
                    else f'<sup><a href="#{element_id}-fn-{p}">{p}</a></sup>'
                    for p in block.parts
                )
                out.append(f'<p class="lawkit-{block.role}">{inner}</p>')
        if self.footnotes:
            out.append('<ol class="lawkit-footnotes">')
            out += [f'<li id="{element_id}-fn-{i}">{html.escape(note)}</li>'
                    for i, note in enumerate(self.footnotes, start=1)]
            out.append("</ol>")
        out.append("</div>")
        return "\n".join(out)

    # -- JSON -------------------------------------------------------------------------
    def as_dict(self) -> dict[str, object]:
        blocks: list[dict[str, object]] = []
        for block in self.blocks:
            if isinstance(block, Heading):
                blocks.append({"type": "heading", "level": block.level, "number": block.number,
                               "text": block.text})
            else:
                blocks.append({
                    "type": "paragraph", "role": block.role,
                    "text": "".join(p if isinstance(p, str) else f"[{p}]" for p in block.parts),
                    "footnotes": [p for p in block.parts if isinstance(p, int)],
                })
        return {"title": self.title, "blocks": blocks, "footnotes": list(self.footnotes)}

    def json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)


def merge_notes(notes: list[str]) -> str:
    """Several Fundstellen for one place become one footnote: 'Vgl. A; B.'"""
    parts = [n.strip().rstrip(".") for n in notes if n.strip()]
    if not parts:
        return ""
    if len(parts) > 1 and all(p.startswith("Vgl. ") for p in parts):
        parts = [parts[0], *(p[len("Vgl. "):] for p in parts[1:])]
    return "; ".join(parts) + "."


@dataclass
class Builder:
    """Collects blocks and numbers footnotes in order of first citation.

    A footnote marker always follows text: the Fundstellen given for one place form one
    footnote, and Fundstellen given before any text of a paragraph wait for its first
    sentence (a paragraph of only Fundstellen adds them to the paragraph before).
    """

    title: str
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)

    def heading(self, level: int, number: str, text: str) -> None:
        self.blocks.append(Heading(level, number, text))

    def _note(self, notes: list[str]) -> int:
        self.footnotes.append(merge_notes(notes))
        return len(self.footnotes)

    def paragraph(self, *parts: str | list[str] | None, role: str = "text") -> None:
        """Sentences joined by spaces; a list of strings is the group of Fundstellen for the
        sentence before it."""
        out: list[str | int] = []
        pending: list[str] = []
        for part in parts:
            if part is None or part == "" or part == []:
                continue
            if isinstance(part, list):
                if out and isinstance(out[-1], int):  # right after a footnote: the same place
                    number = out[-1]
                    self.footnotes[number - 1] = merge_notes([self.footnotes[number - 1], *part])
                    continue
                pending += part
                if out and isinstance(out[-1], str):
                    out.append(self._note(pending))
                    pending = []
                continue
            if out:
                out.append(" ")
            out.append(part)
            if pending:
                out.append(self._note(pending))
                pending = []
        if pending:
            if out:
                out.append(self._note(pending))
            elif self.blocks and isinstance(self.blocks[-1], Paragraph):
                last = self.blocks[-1]
                self.blocks[-1] = Paragraph((*last.parts, self._note(pending)), last.role)
        if out:
            self.blocks.append(Paragraph(tuple(out), role))

    def build(self) -> Document:
        """A footnote that only repeats the one before it reads 'Ebd.'."""
        notes = [note if i == 0 or note != self.footnotes[i - 1] else "Ebd."
                 for i, note in enumerate(self.footnotes)]
        return Document(self.title, tuple(self.blocks), tuple(notes))
