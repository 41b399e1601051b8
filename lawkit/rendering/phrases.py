"""The German phrases of the Gutachten. Norm and element files may override each of them.

Every role slot states the case the frame needs (see lawkit.model.grammar): the Obersatz of an
Anspruchsgrundlage names the claimant in the nominative and the opponent after "gegen" in the
accusative; "Ob … zusteht" needs the claimant in the dative.
"""

from __future__ import annotations

from lawkit.model.logic import Result
from lawkit.model.norm import NormKind

_NORM_TEMPLATES: dict[NormKind, dict[str, str]] = {
    NormKind.STRAFTATBESTAND: {
        "obersatz": "{subject:nom} könnte sich gemäß {citation} strafbar gemacht haben, indem "
        "{conduct}.",
        "positive": "{subject:nom} hat sich gemäß {citation} strafbar gemacht.",
        "negative": "{subject:nom} hat sich nicht gemäß {citation} strafbar gemacht.",
        "open": "Ob sich {subject:nom} gemäß {citation} strafbar gemacht hat, lässt sich nach dem "
        "Sachverhalt nicht abschließend beurteilen.",
    },
    NormKind.ANSPRUCHSGRUNDLAGE: {
        "obersatz": "{claimant:nom} könnte gegen {opponent:akk} einen Anspruch auf Schadensersatz "
        "aus {citation} haben.",
        "positive": "{claimant:nom} hat gegen {opponent:akk} einen Anspruch auf Schadensersatz aus "
        "{citation}.",
        "negative": "{claimant:nom} hat gegen {opponent:akk} keinen Anspruch auf Schadensersatz "
        "aus {citation}.",
        "open": "Ob {claimant:dat} gegen {opponent:akk} ein Anspruch auf Schadensersatz aus "
        "{citation} zusteht, lässt sich nach dem Sachverhalt nicht abschließend beurteilen.",
    },
    NormKind.RECHTSBEHELF: {
        "obersatz": "{remedy:nom} hat Erfolg, soweit die Voraussetzungen nach {citation} vorliegen.",
        "positive": "{remedy:nom} hat Erfolg.",
        "negative": "{remedy:nom} hat keinen Erfolg.",
        "open": "Ob {remedy:nom} Erfolg hat, lässt sich nach dem Sachverhalt nicht abschließend "
        "beurteilen.",
    },
    NormKind.VERHALTENSNORM: {
        "obersatz": "{subject:nom} könnte gegen {citation} verstoßen haben, indem {conduct}.",
        "positive": "{subject:nom} hat gegen {citation} verstoßen.",
        "negative": "{subject:nom} hat nicht gegen {citation} verstoßen.",
        "open": "Ob {subject:nom} gegen {citation} verstoßen hat, lässt sich nach dem Sachverhalt "
        "nicht abschließend beurteilen.",
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


# An element without phrases of its own: the heading names it, the sentences refer to it
# (`lawkit validate` warns that such an element should have its own phrases).
ELEMENT_DEFAULTS: dict[str, str | None] = {
    "obersatz": None,
    "positive": "Diese Voraussetzung ist erfüllt.",
    "negative": "Diese Voraussetzung ist nicht erfüllt.",
    "open": "Ob diese Voraussetzung erfüllt ist, lässt der Sachverhalt offen.",
}

RESULT_KEY = {Result.ERFUELLT: "positive", Result.NICHT_ERFUELLT: "negative", Result.OFFEN: "open"}

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

# How the Stellungnahme introduces an argument of each kind ("Für X spricht …").
ARGUMENT_LEAD = {
    "Wortlaut": "der Wortlaut",
    "Systematik": "die Systematik",
    "Telos": "der Zweck der Vorschrift",
    "Historie": "die Entstehungsgeschichte",
}

STYLES = ("gutachten", "urteilsstil")
LEVELS = ("ausführlich", "klausurmäßig")


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
