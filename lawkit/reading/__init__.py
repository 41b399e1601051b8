"""Reading a student's prose Gutachten: segments, norms and elements discussed, the student's
conclusions with the passages they rest on, the Darstellung, an annotated HTML view, and the
structured answer for the grader (docs/reading.md).

Layering: lawkit.reading uses lawkit.model, lawkit.loading, lawkit.evaluation and
lawkit.citations; the grader and the exercise notebooks use it, never the other way round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawkit._lazy import lazy_exports

if TYPE_CHECKING:
    from lawkit.reading.model import (
        Conclusion,
        ElementReading,
        Gesamtergebnis,
        KonkurrenzReading,
        NormReading,
        Reading,
        Span,
        Statement,
        StyleKind,
        StyleNote,
    )
    from lawkit.reading.reader import read_gutachten
    from lawkit.reading.sources import (
        MAX_PROSE_BYTES,
        PROSE_SUFFIXES,
        ProseDocument,
        ProseError,
        prose_text,
        read_prose,
    )
    from lawkit.reading.text import Block, Heading, Sentence, segment
    from lawkit.reading.vocabulary import load_vocabularies

_PUBLIC = {
    "Block": "lawkit.reading.text",
    "Conclusion": "lawkit.reading.model",
    "ElementReading": "lawkit.reading.model",
    "Gesamtergebnis": "lawkit.reading.model",
    "Heading": "lawkit.reading.text",
    "KonkurrenzReading": "lawkit.reading.model",
    "MAX_PROSE_BYTES": "lawkit.reading.sources",
    "NormReading": "lawkit.reading.model",
    "PROSE_SUFFIXES": "lawkit.reading.sources",
    "ProseDocument": "lawkit.reading.sources",
    "ProseError": "lawkit.reading.sources",
    "Reading": "lawkit.reading.model",
    "Sentence": "lawkit.reading.text",
    "Span": "lawkit.reading.model",
    "Statement": "lawkit.reading.model",
    "StyleKind": "lawkit.reading.model",
    "StyleNote": "lawkit.reading.model",
    "load_vocabularies": "lawkit.reading.vocabulary",
    "prose_text": "lawkit.reading.sources",
    "read_gutachten": "lawkit.reading.reader",
    "read_prose": "lawkit.reading.sources",
    "segment": "lawkit.reading.text",
}

__all__ = [
    "MAX_PROSE_BYTES",
    "PROSE_SUFFIXES",
    "Block",
    "Conclusion",
    "ElementReading",
    "Gesamtergebnis",
    "Heading",
    "KonkurrenzReading",
    "NormReading",
    "ProseDocument",
    "ProseError",
    "Reading",
    "Sentence",
    "Span",
    "Statement",
    "StyleKind",
    "StyleNote",
    "load_vocabularies",
    "prose_text",
    "read_gutachten",
    "read_prose",
    "segment",
]

__getattr__, __dir__ = lazy_exports("lawkit.reading", _PUBLIC, globals(), __all__)
