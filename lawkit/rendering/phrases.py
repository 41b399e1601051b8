"""The German phrases of the Gutachten. Norm and element files may override each of them."""

from __future__ import annotations

from lawkit.model.logic import Result
from lawkit.model.norm import NormKind

_NORM_TEMPLATES: dict[NormKind, dict[str, str]] = {
    NormKind.STRAFTATBESTAND: {
        "obersatz": "{subject} könnte sich gemäß {citation} strafbar gemacht haben, indem {conduct}.",
        "positive": "{subject} hat sich gemäß {citation} strafbar gemacht.",
        "negative": "{subject} hat sich nicht gemäß {citation} strafbar gemacht.",
        "open": "Ob sich {subject} gemäß {citation} strafbar gemacht hat, lässt sich nach dem "
        "Sachverhalt nicht abschließend beurteilen.",
    },
    NormKind.ANSPRUCHSGRUNDLAGE: {
        "obersatz": "{claimant} könnte gegen {opponent} einen Anspruch auf Schadensersatz aus "
        "{citation} haben.",
        "positive": "{claimant} hat gegen {opponent} einen Anspruch auf Schadensersatz aus "
        "{citation}.",
        "negative": "{claimant} hat gegen {opponent} keinen Anspruch auf Schadensersatz aus "
        "{citation}.",
        "open": "Ob {claimant} gegen {opponent} ein Anspruch auf Schadensersatz aus {citation} "
        "zusteht, lässt sich nach dem Sachverhalt nicht abschließend beurteilen.",
    },
    NormKind.RECHTSBEHELF: {
        "obersatz": "{remedy} hat Erfolg, soweit die Voraussetzungen nach {citation} vorliegen.",
        "positive": "{remedy} hat Erfolg.",
        "negative": "{remedy} hat keinen Erfolg.",
        "open": "Ob {remedy} Erfolg hat, lässt sich nach dem Sachverhalt nicht abschließend "
        "beurteilen.",
    },
    NormKind.VERHALTENSNORM: {
        "obersatz": "{subject} könnte gegen {citation} verstoßen haben, indem {conduct}.",
        "positive": "{subject} hat gegen {citation} verstoßen.",
        "negative": "{subject} hat nicht gegen {citation} verstoßen.",
        "open": "Ob {subject} gegen {citation} verstoßen hat, lässt sich nach dem Sachverhalt nicht "
        "abschließend beurteilen.",
    },
}
_GENERIC = {
    "obersatz": "Die Voraussetzungen des {citation} müssten vorliegen.",
    "positive": "Die Voraussetzungen des {citation} liegen vor.",
    "negative": "Die Voraussetzungen des {citation} liegen nicht vor.",
    "open": "Ob die Voraussetzungen des {citation} vorliegen, lässt sich nach dem Sachverhalt "
    "nicht abschließend beurteilen.",
}


def norm_templates(kind: NormKind) -> dict[str, str]:
    return _NORM_TEMPLATES.get(kind, _GENERIC)


ELEMENT_DEFAULTS = {
    "obersatz": "Fraglich ist, ob das Merkmal „{label}“ erfüllt ist.",
    "positive": "Das Merkmal „{label}“ ist erfüllt.",
    "negative": "Das Merkmal „{label}“ ist nicht erfüllt.",
    "open": "Ob das Merkmal „{label}“ erfüllt ist, lässt der Sachverhalt offen.",
}

RESULT_KEY = {Result.ERFUELLT: "positive", Result.NICHT_ERFUELLT: "negative", Result.OFFEN: "open"}

VIEW_RESULT = {
    Result.ERFUELLT: "wäre das Merkmal hier erfüllt",
    Result.NICHT_ERFUELLT: "wäre das Merkmal hier nicht erfüllt",
    Result.OFFEN: "hinge das Ergebnis hier von offenen Tatsachen ab",
}

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def number(level: int, index: int) -> str:
    """Gliederung: A. / I. / 1. / a) / aa) / (1) / (a) for levels 0..6."""
    letter = "abcdefghijklmnopqrstuvwxyz"[index % 26]
    if level == 0:
        return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index % 26] + "."
    if level == 1:
        return (ROMAN[index] if index < len(ROMAN) else str(index + 1)) + "."
    if level == 2:
        return f"{index + 1}."
    if level == 3:
        return f"{letter})"
    if level == 4:
        return f"{letter}{letter})"
    if level == 5:
        return f"({index + 1})"
    return f"({letter})"
