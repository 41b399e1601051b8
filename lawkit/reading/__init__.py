"""Reading a student's prose Gutachten: segments, norms and elements discussed, the student's
conclusions with the passages they rest on, the Darstellung, an annotated HTML view, and the
structured answer for the grader (docs/reading.md).

Layering: lawkit.reading uses lawkit.model, lawkit.loading, lawkit.evaluation and
lawkit.citations; the grader and the exercise notebooks use it, never the other way round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawkit._lazy import lazy_exports

# The type checker's view of the public names (`name as name`: re-exported) ...
if TYPE_CHECKING:
    from lawkit.reading.model import Conclusion as Conclusion
    from lawkit.reading.model import ElementReading as ElementReading
    from lawkit.reading.model import Gesamtergebnis as Gesamtergebnis
    from lawkit.reading.model import KonkurrenzReading as KonkurrenzReading
    from lawkit.reading.model import NormReading as NormReading
    from lawkit.reading.model import Reading as Reading
    from lawkit.reading.model import Span as Span
    from lawkit.reading.model import Statement as Statement
    from lawkit.reading.model import StyleKind as StyleKind
    from lawkit.reading.model import StyleNote as StyleNote
    from lawkit.reading.reader import read_gutachten as read_gutachten
    from lawkit.reading.sources import MAX_PROSE_BYTES as MAX_PROSE_BYTES
    from lawkit.reading.sources import PROSE_SUFFIXES as PROSE_SUFFIXES
    from lawkit.reading.sources import ProseDocument as ProseDocument
    from lawkit.reading.sources import ProseError as ProseError
    from lawkit.reading.sources import prose_text as prose_text
    from lawkit.reading.sources import read_prose as read_prose
    from lawkit.reading.text import Block as Block
    from lawkit.reading.text import Heading as Heading
    from lawkit.reading.text import Sentence as Sentence
    from lawkit.reading.text import segment as segment
    from lawkit.reading.vocabulary import load_vocabularies as load_vocabularies

# ... and the one table they are served from at run time: public name -> defining module,
# imported on first use (tests/test_public_api.py checks that both say the same).
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

__all__ = sorted(_PUBLIC)

__getattr__, __dir__ = lazy_exports("lawkit.reading", _PUBLIC, globals(), __all__)
