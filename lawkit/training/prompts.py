"""How a card asks its question: the one place where prompts are phrased.

Every card's question passes through `phrase_prompt`. Today it takes an element's question
from the norm data and the roles of the case as the case file gives them; when the German role
grammar (gender, number, case of the persons) is available, only this function has to learn it
("Ist R Amtsträgerin?" instead of "Liegt bei R das Merkmal „Amtsträger“ vor?").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Ask(StrEnum):
    """What a prompt asks for."""

    ELEMENT = "element"  # is a Prüfungspunkt met (inner element, Verweisung, Meinungsstreit)
    QUESTION = "question"  # the question a leaf puts to the Sachverhalt
    NORM = "norm"  # are all requirements of the norm met
    APPLIES = "applies"  # does the norm apply in the end (met, not displaced, prosecutable)
    DEFINITION = "definition"  # define the element
    VIEWS = "views"  # name the views of a Meinungsstreit and the herrschende Meinung
    STREIT_MATTERS = "streit_matters"  # does the Streit matter in this case
    YIELDS = "yields"  # does the norm yield to another (Konkurrenz)
    PROSECUTABLE = "prosecutable"  # is the offence prosecutable (Verfolgbarkeit)


@dataclass(frozen=True, slots=True)
class PromptSpec:
    """Everything a prompt may mention; which fields are used depends on `ask`."""

    ask: Ask
    citation: str = ""  # the norm's canonical citation
    label: str = ""  # the element's label
    question: str = ""  # a leaf's question, or a dispute's ob-clause
    other_citation: str = ""  # the dominant norm of a Konkurrenz
    requirements: tuple[str, ...] = ()  # procedural requirements; for APPLIES: what else must hold
    roles: Mapping[str, str] = field(default_factory=dict)  # the case's roles (subject: "R")


def _roles(text: str, roles: Mapping[str, str]) -> str:
    """Fill `{subject}` and the like from the case's roles; unknown names stay as written."""
    for name, value in roles.items():
        text = text.replace("{" + name + "}", value)
    return text


def phrase_prompt(spec: PromptSpec) -> str:
    """The German question of a card."""
    subject = spec.roles.get("subject")
    match spec.ask:
        case Ask.QUESTION:
            return _roles(spec.question, spec.roles)
        case Ask.ELEMENT:
            return f"Ist „{spec.label}“ bei {subject} erfüllt?" if subject else f"Ist „{spec.label}“ erfüllt?"
        case Ask.NORM:
            return f"Sind die Voraussetzungen des {spec.citation} erfüllt?"
        case Ask.APPLIES:
            if spec.requirements:
                return (f"Greift {spec.citation} im Ergebnis ein – Voraussetzungen erfüllt, "
                        f"{' und '.join(spec.requirements)}?")
            return f"Greift {spec.citation} im Ergebnis ein?"
        case Ask.DEFINITION:
            return f"Wie ist „{spec.label}“ im Sinne des {spec.citation} definiert?"
        case Ask.VIEWS:
            return (f"Streitig ist, {spec.question}. Welche Auffassungen werden vertreten, und welche "
                    "ist die herrschende Meinung?")
        case Ask.STREIT_MATTERS:
            return (f"Streitig ist, {spec.question}. Kommt es in diesem Fall auf den Streit an – "
                    "führen die Auffassungen zu verschiedenen Ergebnissen?")
        case Ask.YIELDS:
            return f"Tritt {spec.citation} hinter {spec.other_citation} zurück?"
        case Ask.PROSECUTABLE:
            needed = " und ".join(f"„{r}“" for r in spec.requirements)
            return f"Ist die Tat nach {spec.citation} verfolgbar ({needed})?"
    raise ValueError(f"no prompt for {spec.ask!r}")  # pragma: no cover - every Ask is handled
