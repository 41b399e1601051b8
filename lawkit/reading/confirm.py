"""The teacher confirms or corrects the reading of one passage (`lawkit regrade --reading`).

A correction says what an examiner writes in the margin when the reader got a passage wrong:
"this paragraph discusses Vorsatz, result erfüllt" is

    stgb_203_2_1#subjektiver_tatbestand=erfüllt@Abs. 7

`ZIEL=ERGEBNIS@STELLE`: ZIEL is a norm id or `norm#element`; ERGEBNIS is erfüllt, nicht erfüllt,
offen, kann dahinstehen, or "nicht erörtert" (the text does not discuss the point: the reading
of it is withdrawn; no STELLE then). STELLE points into the student's text as an examiner does:
"Abs. 7" (the 7th paragraph, headings not counted), "Abs. 7 S. 2" (its 2nd sentence), or the
Gliederung as written, "B. I. 2." or "A. I. 1. b) S. 1" (the paragraphs under that heading).

`correct(reading, corrections, library)` returns the Reading with the corrected points marked
`confirmed`; nothing else of the reading changes. Every problem is a ValueError with a German
message for the teacher.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lawkit.reading.model import (
    Conclusion,
    ElementReading,
    NormReading,
    Reading,
    Span,
    Statement,
)

if TYPE_CHECKING:
    from lawkit.loading.library import Library
    from lawkit.reading.text import Block

NOT_DISCUSSED = "nicht erörtert"
RESULTS = (*(c.value for c in Conclusion), NOT_DISCUSSED)
CONFIRMED = "von der Lehrkraft bestätigt"
EXAMPLE = "stgb_203_2_1#subjektiver_tatbestand=erfüllt@Abs. 7"


@dataclass(frozen=True, slots=True)
class Correction:
    """The teacher's reading of one passage: which point it discusses and with which result."""

    norm: str
    element: str | None
    result: str  # a Conclusion value, or NOT_DISCUSSED
    place: str | None  # "Abs. 7", "Abs. 7 S. 2", "B. I. 2." …; None for NOT_DISCUSSED

    @property
    def target(self) -> str:
        return f"{self.norm}#{self.element}" if self.element else self.norm

    def text(self) -> str:
        """As written on the command line (and kept in the gradebook)."""
        return f"{self.target}={self.result}" + (f"@{self.place}" if self.place else "")


def parse_correction(value: str) -> Correction:
    """`norm#element=ergebnis@stelle` → Correction; ValueError (German) if malformed. Ids are
    checked against the library by `check_correction`."""
    target, sep, rest = value.partition("=")
    result, _, place = rest.partition("@")
    target, result, place = target.strip(), " ".join(result.split()), place.strip()
    if not sep or not target or not result:
        raise ValueError(f"{value!r}: erwartet ZIEL=ERGEBNIS@STELLE, z. B. '{EXAMPLE}'")
    if result not in RESULTS:
        raise ValueError(f"{value!r}: unbekanntes Ergebnis {result!r}; erwartet einen von "
                         f"{', '.join(RESULTS)}")
    if result == NOT_DISCUSSED:
        if place:
            raise ValueError(f"{value!r}: „{NOT_DISCUSSED}“ braucht keine Stelle; erwartet "
                             f"'{target}={NOT_DISCUSSED}'")
    elif not place:
        raise ValueError(f"{value!r}: die Stelle fehlt; erwartet …@Abs. N, …@Abs. N S. M oder die "
                         f"Gliederung wie im Text, z. B. '{EXAMPLE}' oder '…@B. I. 2.'")
    norm, _, element = target.partition("#")
    return Correction(norm, element or None, result, place or None)


def check_correction(correction: Correction, library: Library, norms: Sequence[str]) -> None:
    """The ids exist and the norm belongs to the exercise (ValueError, German, with a hint)."""
    from lawkit.model.suggest import aehnlich

    shown = correction.text()
    if correction.norm not in norms:
        raise ValueError(f"{shown!r}: die Norm {correction.norm!r} gehört nicht zur Aufgabe"
                         f"{aehnlich(correction.norm, norms)}; erwartet eine von {', '.join(norms)}")
    if correction.element is None:
        if correction.result == Conclusion.DAHINSTEHEN.value:
            raise ValueError(f"{shown!r}: eine Norm kann nicht „kann dahinstehen“ sein; erwartet "
                             "erfüllt, nicht erfüllt, offen oder nicht erörtert")
        return
    norm = library.norm(correction.norm)
    known = [e.id for e in norm.elements() if e.id != norm.root.id]
    if correction.element not in known:
        raise ValueError(f"{shown!r}: die Norm {correction.norm!r} hat kein Merkmal {correction.element!r}"
                         f"{aehnlich(correction.element, known)}; erwartet eine Merkmals-ID wie in "
                         f"`lawkit show {correction.norm}`")


# -- places ------------------------------------------------------------------------------------

_ABS = re.compile(r"Abs(?:atz|\.)?\s*(\d+)(?:\s*,?\s*S(?:atz|\.)?\s*(\d+))?", re.IGNORECASE)
_SENTENCE = re.compile(r"^(.*?)(?:\s*,?\s*S(?:atz|\.)\s*(\d+))?$", re.IGNORECASE)


def place_of(blocks: Sequence[Block], position: int) -> str:
    """How an examiner points to a place of the text: the Gliederung ("B. I. 2."), else the
    paragraph ("Abs. 3")."""
    found: Block | None = None
    for block in blocks:
        if block.start <= position:
            found = block
    if found is None:
        return "Abs. 1"
    if found.where:
        return found.where
    paragraphs = sum(1 for b in blocks if b.kind == "paragraph" and b.start <= position)
    return f"Abs. {max(1, paragraphs)}"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def locate(blocks: Sequence[Block], place: str) -> Span:
    """The passage a place names ("Abs. 3", "Abs. 3 S. 2", "B. I. 2.", "B. I. 2. S. 1"); a
    ValueError (German) where the text has no such place."""
    paragraphs = [b for b in blocks if b.kind == "paragraph" and b.sentences]
    chosen: list[Block]
    sentence: int | None = None
    by_number = _ABS.fullmatch(place.strip())
    if by_number:
        number = int(by_number.group(1))
        if not 1 <= number <= len(paragraphs):
            raise ValueError(f"Stelle {place!r}: der Text hat {len(paragraphs)} Absätze (Überschriften nicht "
                             "mitgezählt); erwartet Abs. 1 bis Abs. " + str(len(paragraphs)))
        chosen = [paragraphs[number - 1]]
        sentence = int(by_number.group(2)) if by_number.group(2) else None
    else:
        match = _SENTENCE.match(place.strip())
        assert match is not None
        path = _squash(match.group(1))
        sentence = int(match.group(2)) if match.group(2) else None
        chosen = [b for b in paragraphs if _squash(b.where) == path]
        if not path or not chosen:
            known = list(dict.fromkeys(b.where for b in paragraphs if b.where))
            shown = ", ".join(known[:12]) or "keine – der Text hat keine Gliederung; erwartet Abs. N"
            raise ValueError(f"Stelle {place!r}: diese Gliederungsstelle hat der Text nicht (oder ohne "
                             f"Absatz darunter); erwartet eine von: {shown}")
    if sentence is None:
        return Span(chosen[0].start, chosen[-1].end)
    sentences = [s for b in chosen for s in b.sentences]
    if not 1 <= sentence <= len(sentences):
        raise ValueError(f"Stelle {place!r}: dort stehen {len(sentences)} Sätze; erwartet S. 1 bis "
                         f"S. {len(sentences)}")
    found = sentences[sentence - 1]
    return Span(found.start, found.end)


# -- applying corrections ---------------------------------------------------------------------

def correct(reading: Reading, corrections: Sequence[Correction], library: Library) -> Reading:
    """The reading with the teacher's corrections applied, in order (a later one on the same
    point replaces an earlier one). Raises ValueError (German) for a place the text lacks."""
    norms = list(reading.norms)
    for correction in corrections:
        index = next((i for i, n in enumerate(norms) if n.norm == correction.norm), None)
        if correction.result == NOT_DISCUSSED:
            if index is None:
                continue
            if correction.element is None:
                del norms[index]
            else:
                norm = norms[index]
                norms[index] = replace(norm, elements=tuple(e for e in norm.elements
                                                            if e.element != correction.element))
            continue
        assert correction.place is not None
        span = locate(reading.blocks, correction.place)
        conclusion = Conclusion(correction.result)
        statement = Statement(conclusion, span, CONFIRMED, 1.0, True)
        model = library.norm(correction.norm)
        if index is None:
            norms.append(NormReading(correction.norm, model.citation.canonical(), (span,), span, None, 1.0))
            index = len(norms) - 1
        norm = norms[index]
        if correction.element is None:
            norms[index] = replace(norm, conclusion=conclusion, confidence=1.0, unsure=False,
                                   statements=(*norm.statements, statement), confirmed=True)
            continue
        element = model.find(correction.element)
        label = element.label if element is not None else correction.element
        words = len(span.of(reading.text).split())
        confirmed = ElementReading(correction.norm, correction.element, label, (span,), conclusion, 1.0,
                                   False, (statement,), words, confirmed=True)
        kept = [e for e in norm.elements if e.element != correction.element]
        elements = sorted([*kept, confirmed], key=lambda e: e.spans[0].start if e.spans else 0)
        norms[index] = replace(norm, elements=tuple(elements))
    return replace(reading, norms=tuple(norms))
