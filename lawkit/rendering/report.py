"""The report object a notebook shows: Gutachten text in every format, plus the result data."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from lawkit.evaluation.results import CaseResult
from lawkit.rendering.document import Document
from lawkit.rendering.gutachten import compose
from lawkit.rendering.result_json import case_result_dict


@dataclass(frozen=True, slots=True)
class Report:
    result: CaseResult
    document: Document
    style: str
    level: str = "ausführlich"

    def markdown(self) -> str:
        return self.document.markdown()

    def text(self) -> str:
        return self.document.text()

    def html(self, element_id: str = "lawkit-gutachten") -> str:
        return self.document.html(element_id)

    def as_dict(self) -> dict[str, object]:
        data = case_result_dict(self.result)
        data["gutachten"] = {"style": self.style, "level": self.level, **self.document.as_dict()}
        return data

    def json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)

    def render(self, fmt: str) -> str:
        formats = {"text": self.text, "md": self.markdown, "markdown": self.markdown,
                   "html": self.html, "json": self.json}
        if fmt not in formats:
            from lawkit.errors import LawkitError

            raise LawkitError(f"unbekanntes Format {fmt!r}; erwartet text, md, html oder json")
        return formats[fmt]()

    def section(self, heading: str) -> Report:
        """Only the part under the heading that begins with `heading` (see Document.section)."""
        return replace(self, document=self.document.section(heading))

    def meinungsstreit(self) -> Report:
        """Only the (first) Meinungsstreit and its Stellungnahme (see Document.meinungsstreit)."""
        return replace(self, document=self.document.meinungsstreit())

    def _repr_html_(self) -> str:
        return self.html()

    def __str__(self) -> str:
        return self.text()


def render(result: CaseResult, style: str = "gutachten", level: str = "ausführlich") -> Report:
    """The Gutachten (style 'gutachten') or the Urteilsstil, at level 'ausführlich' (every step)
    or 'klausurmäßig' (unproblematic points in Feststellungsstil)."""
    return Report(result, compose(result, style, level), style, level)
