"""`Reading.to_mapping()`: the structured answer of docs/grading-formats.md, read from prose,
with the spans and confidences behind every item (documented in docs/reading.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lawkit.reading.model import Reading, Span


def _spans(spans: tuple[Span, ...] | list[Span]) -> list[list[int]]:
    return [[s.start, s.end] for s in spans]


def _text(reading: Reading, spans: tuple[Span, ...]) -> str:
    return " ".join(reading.text[s.start:s.end].strip() for s in spans)


def reading_mapping(reading: Reading) -> dict[str, Any]:
    document = reading.document
    out: dict[str, Any] = {
        "exercise": document.exercise if document else None,
        "student": document.student if document else None,
        "name": document.name if document else None,
        "norms": [],
        "konkurrenzen": [
            {"norm": k.norm, "yields_to": k.yields_to, "spans": _spans((k.span,)),
             "confidence": k.confidence, "from_library": k.from_library}
            for k in reading.konkurrenzen
        ],
        "gesamtergebnis": None,
        "style": [
            {"kind": n.kind.value, "text": n.text, "norm": n.norm, "element": n.element,
             "negative": n.negative, "spans": _spans(n.spans), "confidence": n.confidence}
            for n in reading.style
        ],
        "messages": list(reading.messages),
        "words": reading.words,
    }
    for norm in reading.norms:
        out["norms"].append({
            "norm": norm.norm,
            "result": norm.conclusion.value if norm.conclusion else None,
            "unsure": norm.unsure,
            "confidence": round(norm.confidence, 2),
            "spans": _spans(norm.spans),
            "begruendung": _text(reading, norm.spans),
            "elements": {
                e.element: {
                    "result": e.conclusion.value if e.conclusion else None,
                    "unsure": e.unsure,
                    "confidence": round(e.confidence, 2),
                    "spans": _spans(e.spans),
                    "begruendung": _text(reading, e.spans),
                    "words": e.words,
                }
                for e in norm.elements
            },
        })
    gesamt = reading.gesamtergebnis
    if gesamt is not None:
        out["gesamtergebnis"] = {
            "applies": list(gesamt.applies), "denied": list(gesamt.denied),
            "spans": _spans(gesamt.spans), "confidence": gesamt.confidence,
            "explicit": gesamt.explicit, "text": _text(reading, gesamt.spans),
        }
    return out
