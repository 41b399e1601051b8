"""Words as the reader compares them: lemmatised (simplemma, German), case-folded, lightly stemmed.

"Vorsatzes", "Geheimnisse", "Amtsträgerin" and "offenbart" meet "Vorsatz", "Geheimnis",
"Amtsträger" and "offenbaren". The lemmatiser is a dictionary lookup, so the result is
deterministic and offline; each word is looked up once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*|\d+(?:[.,]\d+)*")

# Function words a phrase may skip ("Mitteilung [des Geheimnisses] an einen Dritten").
STOPWORDS = frozenset([
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "an",
    "in", "im", "zu", "zur", "zum", "von", "vom", "und", "oder", "mit", "für", "auf", "bei", "als",
    "aus", "um", "über", "unter", "sich", "es", "ihr", "ihre", "ihrem", "ihren", "ihrer", "sein",
    "seine", "seinem", "seinen", "seiner", "dieser", "diese", "dieses", "diesem", "diesen"
])

_SUFFIXES = ("innen", "erin", "ern", "em", "en", "er", "es", "in", "e", "s", "n")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # stem of the lemma, case-folded
    surface: str  # stem of the word as written, case-folded

    def matches(self, key: str) -> bool:
        return key == self.key or key == self.surface


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light German suffix stripper (after lemmatisation): amtsträgerin → amtsträger."""
    word = word.casefold()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str:
    if word[0].isdigit():
        return word
    import simplemma  # deferred: its dictionary loads on first use

    return simplemma.lemmatize(word, lang="de")


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    return stem(lemma(word))


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    end = len(text) if end is None else end
    return tuple(Token(m.start(), m.end(), m.group(0), word_key(m.group(0)), stem(m.group(0)))
                 for m in WORD.finditer(text, start, end))


@dataclass(frozen=True, slots=True)
class Phrase:
    """A term of the vocabulary: its content words as keys, matched in order with small gaps."""

    text: str
    keys: tuple[str, ...]

    @property
    def weight(self) -> int:
        return len(self.keys)


def phrase(text: str) -> Phrase:
    keys = tuple(word_key(w) for w in WORD.findall(text) if w.casefold() not in STOPWORDS)
    if not keys:  # a term made only of function words keeps them
        keys = tuple(word_key(w) for w in WORD.findall(text))
    return Phrase(text, keys)


MAX_GAP = 4  # tokens a phrase may skip between two of its words


def keys_of(tokens: tuple[Token, ...]) -> frozenset[str]:
    """Every key a token of these offers (for skipping phrases that cannot occur)."""
    return frozenset(k for t in tokens for k in (t.key, t.surface))


def find_phrase(tokens: tuple[Token, ...], term: Phrase,
                present: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """Token index ranges [i, j) where the phrase occurs (first word to last word)."""
    if present is not None and not all(k in present for k in term.keys):
        return []
    out: list[tuple[int, int]] = []
    first = term.keys[0]
    for i, token in enumerate(tokens):
        if not token.matches(first):
            continue
        j = i
        ok = True
        for key in term.keys[1:]:
            for k in range(j + 1, min(len(tokens), j + 2 + MAX_GAP)):
                if tokens[k].matches(key):
                    j = k
                    break
            else:
                ok = False
                break
        if ok:
            out.append((i, j + 1))
    return out


def content_keys(text: str) -> frozenset[str]:
    """The content words of a text (for comparing a definition or a Subsumtion)."""
    return frozenset(word_key(w) for w in WORD.findall(text)
                     if w.casefold() not in STOPWORDS and len(w) > 2 and not w[0].isdigit())
