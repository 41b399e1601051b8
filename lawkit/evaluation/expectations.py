"""Compare a check with a case's expected results (the test data of a case file)."""

from __future__ import annotations

from collections.abc import Mapping

from lawkit.evaluation.results import CaseResult, ElementResult, NormResult
from lawkit.model.case import NormExpectation


def _find(result: NormResult, element_id: str) -> ElementResult | None:
    conditions = [d.condition for d in result.displacements if d.condition is not None]
    for tree in (result.root, *result.procedural, *conditions):
        found = tree.find(element_id)
        if found is not None:
            return found
    return None


def mismatches(result: CaseResult, expected: Mapping[str, NormExpectation]) -> list[str]:
    """Every difference between the check and the expectation, one line each ([] if none)."""
    out: list[str] = []
    for norm_id, want in expected.items():
        got = result.norm(norm_id)
        pairs: list[tuple[str, object, object]] = [
            ("result", got.result, want.result),
            ("citation", got.citation, want.citation),
            ("prosecutable", got.prosecutable, want.prosecutable),
            ("displaced", got.displaced, want.displaced),
            ("applies", got.applies, want.applies),
            ("deciding", got.deciding, want.deciding),
        ]
        for name, actual, wanted in pairs:
            if wanted is not None and actual != wanted:
                out.append(f"{result.case.id}: {norm_id}: {name} is {_show(actual)}, "
                           f"expected {_show(wanted)}")
        for element_id, element_want in want.elements.items():
            element = _find(got, element_id)
            if element is None:
                out.append(f"{result.case.id}: {norm_id}: no element {element_id!r} in the result")
                continue
            for name, actual, wanted in (("result", element.result, element_want.result),
                                         ("examined", element.examined, element_want.examined),
                                         ("dahinstehen", element.dahinstehen,
                                          element_want.dahinstehen)):
                if wanted is not None and actual != wanted:
                    out.append(f"{result.case.id}: {norm_id} › {element_id}: {name} is "
                               f"{_show(actual)}, expected {_show(wanted)}")
    return out


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)
