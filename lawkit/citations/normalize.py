"""Text clean-up before parsing, with a map back to offsets in the original string.

Real text (PDF extraction, court websites) carries non-breaking and thin spaces, soft hyphens,
zero-width characters, and words hyphenated across a line ("Ge-\\nsetzbuches"). The parser works
on a cleaned copy; `Normalized.span` maps a span of the copy back to the original.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Same-length replacements: every kind of space becomes " ", non-breaking hyphens "-" (offsets
# stay the same).
_SPACE_RE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c]")
_HYPHEN_RE = re.compile("[\u2010\u2011]")

# Removals: invisible characters; a line-break hyphen before a lower-case letter ("Ge-\nsetz"
# -> "Gesetz"); the line break after a hyphen before an upper-case letter or digit
# ("NVwZ-\nRR" -> "NVwZ-RR"), where the hyphen is part of the word. Candidates are found with a
# cheap regex and checked in Python, which is much faster than one regex with look-arounds.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_CANDIDATE = re.compile("[" + _INVISIBLE + "]|-[ ]*\r?\n[ ]*")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyzäöüß")
_UPPER_OR_DIGIT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ0123456789")


class Normalized:
    """A cleaned copy of a text plus the map from its offsets to the original's."""

    __slots__ = ("_breaks", "_shifts", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        spaced = _HYPHEN_RE.sub("-", _SPACE_RE.sub(" ", original))
        pieces: list[str] = []
        # _breaks[i]: first cleaned offset after the i-th removal; _shifts[i]: characters
        # removed up to there (cleaned offset + shift = original offset).
        self._breaks: list[int] = []
        self._shifts: list[int] = []
        removed = 0
        last = 0
        for match in _CANDIDATE.finditer(spaced):
            start, end = match.start(), match.end()
            if spaced[start] == "-":
                before = spaced[start - 1] if start else ""
                after = spaced[end] if end < len(spaced) else ""
                if not before.isalnum():
                    continue
                if after in _LOWER and before.isalpha():
                    pass  # "Ge-\nsetz": drop hyphen and break
                elif after in _UPPER_OR_DIGIT:
                    start += 1  # "NVwZ-\nRR": keep the hyphen, drop the break
                else:
                    continue
            pieces.append(spaced[last:start])
            removed += end - start
            last = end
            self._breaks.append(start - (removed - (end - start)))
            self._shifts.append(removed)
        if not self._breaks:
            self.text = spaced
            return
        pieces.append(spaced[last:])
        self.text = "".join(pieces)

    def _original(self, index: int) -> int:
        i = bisect_right(self._breaks, index)
        return index + (self._shifts[i - 1] if i else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the cleaned span [start, end)."""
        if not self._breaks:
            return start, end
        if end <= start:
            return self._original(start), self._original(start)
        return self._original(start), self._original(end - 1) + 1
