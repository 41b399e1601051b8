"""A norm's Prüfungsschema as rows (id, numbered label, depth): what the answer form lists."""

from __future__ import annotations

from dataclasses import dataclass

from lawkit.model.norm import Element, Norm
from lawkit.rendering.phrases import number


@dataclass(frozen=True, slots=True)
class SchemaRow:
    element: str  # element id, as in `lawkit show`
    label: str  # numbered label, e.g. "aa) Geheimnis"
    depth: int
    section: str  # "Tatbestand", "Verfolgbarkeit" or "Konkurrenzen"


def schema_rows(norm: Norm) -> tuple[SchemaRow, ...]:
    """Every element of the norm once, in the order of `lawkit show` (views' elements after
    the disputed element, the first occurrence of an element shared by several views)."""
    rows: list[SchemaRow] = []
    seen: set[str] = set()

    def add(element: Element, depth: int, index: int, section: str) -> None:
        if element.id not in seen:
            seen.add(element.id)
            label = f"{number(min(depth + 1, 6), index)} {element.label}"
            rows.append(SchemaRow(element.id, label, depth, section))
        if element.dispute is not None:
            for view in element.dispute.views:
                requirement = view.requirement
                for i, child in enumerate(requirement.children or (requirement,)):
                    add(child, depth + 1, i, section)
        for i, child in enumerate(element.children):
            add(child, depth + 1, i, section)

    for i, element in enumerate(norm.root.children):
        add(element, 0, i, "Tatbestand")
    for i, element in enumerate(norm.procedural):
        add(element, 0, i, "Verfolgbarkeit")
    for i, relation in enumerate(norm.relations):
        if relation.condition is not None:
            add(relation.condition, 0, i, "Konkurrenzen")
    return tuple(rows)
