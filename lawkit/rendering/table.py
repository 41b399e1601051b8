"""The checked elements of a case as a table (pandas, imported on use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawkit.evaluation.results import CaseResult
from lawkit.rendering.schema_view import SchemaNode, schema_nodes
from lawkit.rendering.texts import footnotes

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ("Norm", "Merkmal", "Ergebnis", "geprüft", "kann dahinstehen", "Tatsache", "Antwort",
           "Fundstelle")


def _leaf_fact(node: SchemaNode, result: CaseResult) -> tuple[str, str, str]:
    """(Tatsache, Antwort, Fundstelle of the Sachverhalt) of a leaf, else empty."""
    if node.fact is None:
        return "", "", ""
    fact = result.case.facts.get(node.fact)
    if fact is None:
        return "", "", ""
    return fact.note, fact.answer.value, fact.source or ""


def _row(node: SchemaNode, citation: str, result: CaseResult) -> dict[str, object]:
    note, answer, source = _leaf_fact(node, result)
    if not source and node.element is not None:
        source = " ".join(footnotes(node.element.element.sources))
    return {
        "Norm": citation,
        "Merkmal": node.label,
        "Ergebnis": node.result.value if node.examined else "nicht geprüft",
        "geprüft": node.examined,
        "kann dahinstehen": node.dahinstehen and node.examined,
        "Tatsache": note,
        "Antwort": answer,
        "Fundstelle": source,
    }


def element_table(result: CaseResult) -> pd.DataFrame:
    """One row per element in Gutachten order (the rows of the Prüfungsschema): the norm's
    citation, the Merkmal, its result, whether the Gutachten reaches it, whether it kann
    dahinstehen, and for a leaf the fact's note, answer and Fundstelle in the Sachverhalt
    (else the element's own Fundstellen)."""
    import pandas as pd

    rows = [_row(node, norm.citation, result) for norm in result.norms for node in schema_nodes(norm)]
    return pd.DataFrame(rows, columns=list(COLUMNS))
