"""The citation scan: which provisions a free-text Begründung names (lawkit.citations).

A citation in the text matches a norm when the law and the § (or Art.) agree and every narrower
part that both give agrees too: "§ 203 StGB" and "§ 203 Abs. 2 S. 1 Nr. 1 StGB" both name
§ 203 Abs. 2 S. 1 StGB, "§ 203 Abs. 1 StGB" does not. A text must name the law ("nach § 203"
alone is not counted). A norm read with another ("§ 839 BGB i.V.m. Art. 34 GG") is named by
its first provision.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from lawkit.citations.reference import StatuteRef
from lawkit.model.norm import Norm

_NARROWER = ("absatz", "satz", "halbsatz", "nummer", "buchstabe", "variante", "alternative")


@lru_cache(maxsize=8192)
def statutes_in(text: str) -> tuple[tuple[StatuteRef, StatuteRef | None], ...]:
    """Every statute citation of a text as (ref, end of range or None)."""
    from lawkit.citations.extract import find_citations

    return tuple((hit.ref, hit.until) for hit in find_citations(text)
                 if isinstance(hit.ref, StatuteRef))


def names(ref: StatuteRef, until: StatuteRef | None, target: StatuteRef) -> bool:
    """Whether a cited provision (or range) names the target provision."""
    if not ref.law or ref.law.casefold() != target.law.casefold() or ref.article != target.article:
        return False
    if until is not None and until.number != ref.number:
        low, high = _number(ref.number), _number(until.number)
        wanted = _number(target.number)
        return None not in (low, high, wanted) and low <= wanted <= high  # type: ignore[operator]
    if ref.number != target.number:
        return False
    return all(getattr(ref, part) is None or getattr(target, part) is None
               or getattr(ref, part) == getattr(target, part) for part in _NARROWER)


def cited_in(texts: Iterable[str], norm: Norm) -> str | None:
    """The first citation in the texts that names the norm (canonical form), or None."""
    target = norm.citation.parts[0]
    for text in texts:
        for ref, until in statutes_in(text):
            if names(ref, until, target):
                return ref.canonical()
    return None


def _number(value: str) -> tuple[int, str] | None:
    digits = "".join(c for c in value if c.isdigit())
    return (int(digits), value[len(digits):]) if digits and value.startswith(digits) else None
