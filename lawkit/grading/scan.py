"""The citation scan: which provisions a free-text Begründung names (lawkit.citations).

A citation in the text matches a norm by the rule of the prose reader (lawkit.reading.citing.cites):
the law and the § (or Art.) agree and every narrower part that both give agrees too: "§ 203 StGB"
and "§ 203 Abs. 2 S. 1 Nr. 1 StGB" both name § 203 Abs. 2 S. 1 StGB, "§ 203 Abs. 1 StGB" does
not. A text must name the law ("nach § 203" alone is not counted). A norm read with another
("§ 839 BGB i.V.m. Art. 34 GG") is named by its first provision.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from lawkit.citations.reference import StatuteRef
from lawkit.model.norm import Norm
from lawkit.reading.citing import cites


@lru_cache(maxsize=8192)
def statutes_in(text: str) -> tuple[tuple[StatuteRef, StatuteRef | None], ...]:
    """Every statute citation of a text as (ref, end of range or None)."""
    from lawkit.citations.extract import find_citations

    return tuple((hit.ref, hit.until) for hit in find_citations(text)
                 if isinstance(hit.ref, StatuteRef))


def cited_in(texts: Iterable[str], norm: Norm) -> str | None:
    """The first citation in the texts that names the norm (canonical form), or None."""
    target = norm.citation.parts[0]
    for text in texts:
        for ref, until in statutes_in(text):
            if cites(ref, target, until=until):
                return ref.canonical()
    return None

