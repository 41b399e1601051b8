"""A norm's Prüfungsschema as indented text, with questions, Verweisungen and Fundstellen."""

from __future__ import annotations

from lawkit.model.logic import Answer, Combine
from lawkit.model.norm import Element, Norm, Source
from lawkit.rendering.phrases import number
from lawkit.rendering.texts import footnotes

_HOW = {Combine.ALL_OF: "kumulativ", Combine.ANY_OF: "alternativ"}


def _sources(out: list[str], pad: str, sources: tuple[Source, ...]) -> None:
    for note in footnotes(sources):
        out.append(f"{pad}  Fundstelle: {note}")


def _element(out: list[str], element: Element, level: int, index: int) -> None:
    pad = "  " * level
    head = f"{pad}{number(min(level + 1, 6), index)} {element.label}"
    if element.cite:
        head += f" [{element.cite}]"
    if element.children:
        head += f" ({_HOW[element.combine]})"
    if element.ref:
        head += f" → Verweisung auf {element.ref}"
    if "__" not in element.id:  # a view's requirement has a made-up id, nothing to refer to
        head += f"  #{element.id}"
    out.append(head)
    if element.definition:
        out.append(f"{pad}  Definition: {element.definition}")
    _sources(out, pad, element.sources)
    if element.fact is not None:
        negated = " (erfüllt bei »nein«)" if element.satisfied_by is Answer.NEIN else ""
        out.append(f"{pad}  Frage [{element.fact}]{negated}: {element.question}")
    if element.dispute is not None:
        dispute = element.dispute
        out.append(f"{pad}  Meinungsstreit [{dispute.id}]: {dispute.question}")
        for view in dispute.views:
            mark = " (herrschende Meinung)" if view.dominant else ""
            out.append(f"{pad}  – Ansicht [{view.id}] {view.label}{mark}: {view.position}")
            _sources(out, pad + "  ", view.sources)
            requirement = view.requirement
            children = requirement.children or (requirement,)
            for i, child in enumerate(children):
                _element(out, child, level + 2, i)
    for i, child in enumerate(element.children):
        _element(out, child, level + 1, i)


def schema_text(norm: Norm) -> str:
    """The Prüfungsschema as text; `#id` after a heading is the id to use in files
    ('norm#element' in a Verweisung, `vertretbar`, an answer's elements)."""
    out = [f"{norm.citation.canonical()} – {norm.title} [{norm.kind.value}]  #{norm.id}", "",
           f"Wortlaut (paraphrasiert): {norm.wording}"]
    _sources(out, "", norm.sources)
    out += ["", f"Prüfungsschema ({_HOW[norm.root.combine]}):"]
    for i, element in enumerate(norm.root.children):
        _element(out, element, 0, i)
    if norm.procedural:
        out += ["", "Verfolgbarkeit:"]
        for i, element in enumerate(norm.procedural):
            _element(out, element, 0, i)
    if norm.relations:
        out += ["", "Konkurrenzen:"]
        for relation in norm.relations:
            out.append(f"  tritt zurück hinter {relation.yields_to} ({relation.kind.value}): "
                       f"{relation.explanation}")
            _sources(out, "  ", relation.sources)
            if relation.condition is not None:
                _element(out, relation.condition, 2, 0)
    if norm.consequence is not None:
        out += ["", f"Rechtsfolge: {norm.consequence.text}"]
        if norm.consequence.liable:
            out.append(f"  Anspruchsgegner: {norm.consequence.liable}")
        _sources(out, "", norm.consequence.sources)
    return "\n".join(out) + "\n"
