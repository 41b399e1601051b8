"""Citations: structured references to statutes and decisions, and their extraction from text.

`find_citations(text)` returns every statute, decision and EU-act citation of a text as
`CitationHit`s (offsets into the text, kind, surface text, structured `StatuteRef`/`CaseRef`/
`ActRef`, canonical form). The extractor and its tables load on first use, so that importing
`lawkit.citations.reference` (done by `import lawkit`) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawkit._lazy import lazy_exports
from lawkit.citations.reference import StatuteRef, parse_statute, parse_statute_parts

if TYPE_CHECKING:
    from lawkit.citations.extract import find_citations
    from lawkit.citations.model import (
        ActRef,
        CaseRef,
        CitationHit,
        Reporter,
        format_group,
        format_range,
        format_statute,
    )

_LAZY = {
    "find_citations": "lawkit.citations.extract",
    "ActRef": "lawkit.citations.model",
    "CaseRef": "lawkit.citations.model",
    "CitationHit": "lawkit.citations.model",
    "Reporter": "lawkit.citations.model",
    "format_group": "lawkit.citations.model",
    "format_range": "lawkit.citations.model",
    "format_statute": "lawkit.citations.model",
}

__all__ = [
    "ActRef",
    "CaseRef",
    "CitationHit",
    "Reporter",
    "StatuteRef",
    "find_citations",
    "format_group",
    "format_range",
    "format_statute",
    "parse_statute",
    "parse_statute_parts",
]


__getattr__, __dir__ = lazy_exports("lawkit.citations", _LAZY, globals(), __all__)
