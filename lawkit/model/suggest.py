"""Nearest-id suggestions for error messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def aehnlich(name: str, known: Iterable[str], n: int = 3) -> str:
    """'; meinten Sie a, b?' for the closest known ids (German messages), or ''."""
    if len(name) > 200:  # a runaway key is no typo of an id
        return ""
    matches = difflib.get_close_matches(name, list(known), n=n, cutoff=0.5)
    if not matches:
        return ""
    return "; meinten Sie " + ", ".join(repr(m) for m in matches) + "?"
