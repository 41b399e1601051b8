"""Nearest-id suggestions for error messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(name: str, known: Iterable[str], n: int = 3) -> str:
    """'; did you mean a, b?' for the closest known ids, or '' when none is close."""
    matches = difflib.get_close_matches(name, list(known), n=n, cutoff=0.5)
    if not matches:
        return ""
    return "; did you mean " + ", ".join(repr(m) for m in matches) + "?"
