"""Citations: structured references to statutes and decisions, and their extraction from text.

`find_citations(text)` returns every statute, decision and EU-act citation of a text as
`CitationHit`s (offsets into the text, kind, surface text, structured `StatuteRef`/`CaseRef`/
`ActRef`, canonical form). The extractor and its tables load on first use, so that importing
`lawkit.citations.reference` (done by `import lawkit`) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawkit._lazy import lazy_exports

# The type checker's view of the public names (`name as name`: re-exported) ...
if TYPE_CHECKING:
    from lawkit.citations.extract import find_citations as find_citations
    from lawkit.citations.model import ActRef as ActRef
    from lawkit.citations.model import CaseRef as CaseRef
    from lawkit.citations.model import CitationHit as CitationHit
    from lawkit.citations.model import Reporter as Reporter
    from lawkit.citations.model import format_group as format_group
    from lawkit.citations.model import format_range as format_range
    from lawkit.citations.model import format_statute as format_statute
    from lawkit.citations.reference import StatuteRef as StatuteRef
    from lawkit.citations.reference import parse_statute as parse_statute
    from lawkit.citations.reference import parse_statute_parts as parse_statute_parts

# ... and the one table they are served from at run time: public name -> defining module,
# imported on first use (tests/test_public_api.py checks that both say the same).
_PUBLIC = {
    "ActRef": "lawkit.citations.model",
    "CaseRef": "lawkit.citations.model",
    "CitationHit": "lawkit.citations.model",
    "Reporter": "lawkit.citations.model",
    "StatuteRef": "lawkit.citations.reference",
    "find_citations": "lawkit.citations.extract",
    "format_group": "lawkit.citations.model",
    "format_range": "lawkit.citations.model",
    "format_statute": "lawkit.citations.model",
    "parse_statute": "lawkit.citations.reference",
    "parse_statute_parts": "lawkit.citations.reference",
}

__all__ = sorted(_PUBLIC)

__getattr__, __dir__ = lazy_exports("lawkit.citations", _PUBLIC, globals(), __all__)
