"""A tiny document model (headings, paragraphs with footnotes) and its four output formats."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 0 = A., 1 = I., 2 = 1., …
    number: str
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    parts: tuple[str | int, ...]  # text, and footnote numbers where they are cited
    role: str = "text"  # text | ergebnis | obersatz


Block = Heading | Paragraph


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    blocks: tuple[Block, ...]
    footnotes: tuple[str, ...]

    # -- Markdown ---------------------------------------------------------------
    def markdown(self) -> str:
        out = [f"# {self.title}", ""]
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

    # -- plain text ---------------------------------------------------------------
    def text(self) -> str:
        out = [self.title, "=" * len(self.title), ""]
        for block in self.blocks:
            if isinstance(block, Heading):
                out += [f"{'  ' * block.level}{block.number} {block.text}", ""]
            else:
                text = "".join(p if isinstance(p, str) else f"[{p}]" for p in block.parts)
                out += [text, ""]
        if self.footnotes:
            out += ["Fußnoten", ""]
            out += [f"[{i}] {note}" for i, note in enumerate(self.footnotes, start=1)]
        return "\n".join(out).rstrip() + "\n"

    # -- HTML -----------------------------------------------------------------------
    def html(self, element_id: str = "lawkit-gutachten") -> str:
        out = [f'<div class="lawkit-report" id="{html.escape(element_id)}">',
               f"<h2>{html.escape(self.title)}</h2>"]
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


@dataclass
class Builder:
    """Collects blocks and numbers footnotes in order of first citation."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)

    def heading(self, level: int, number: str, text: str) -> None:
        self.blocks.append(Heading(level, number, text))

    def paragraph(self, *parts: str | list[str] | None, role: str = "text") -> None:
        """Sentences joined by spaces; a list of strings is a group of footnotes to cite."""
        out: list[str | int] = []
        for part in parts:
            if part is None or part == "" or part == []:
                continue
            if isinstance(part, list):
                for note in part:
                    self.footnotes.append(note)
                    out.append(len(self.footnotes))
                continue
            if (out and isinstance(out[-1], str)) or out:
                out.append(" ")
            out.append(part)
        if out:
            self.blocks.append(Paragraph(tuple(out), role))

    def build(self) -> Document:
        return Document(self.title, tuple(self.blocks), tuple(self.footnotes))
