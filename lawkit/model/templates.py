"""The default phrases of a norm kind and of an element: the data the Gutachten fills with roles.

They live below loading and rendering alike: loading validates the placeholders a norm's
phrases use (its own or these defaults), rendering writes them. Every role slot states the case
the frame needs (see lawkit.model.grammar).
"""

from __future__ import annotations

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
