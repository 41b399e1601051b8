"""Every shipped case and variant (facts in) against its expected results (out), OpenFisca-style,
and the coverage of the norm library: every element seen erfüllt, nicht erfüllt and offen."""

from __future__ import annotations

from collections import defaultdict

import pytest

from lawkit import ElementResult, Result, check, default_library
from lawkit.evaluation.expectations import mismatches


def _all_case_ids() -> list[str]:
    library = default_library()
    ids = []
    for case_id in library.case_files:
        ids.append(case_id)
        ids += [f"{case_id}.{v.id}" for v in library.case(case_id).variants]
    return ids


CASE_IDS = _all_case_ids()


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_case_meets_its_expected_results(library, case_id):
    case = library.case(case_id)
    assert case.expected, f"{case_id} states no expected results"
    assert set(case.expected) == {e.norm for e in case.examinations}, (
        f"{case_id}: expected results for every examined norm")
    assert mismatches(check(case, library), case.expected) == []


def _collect(result: ElementResult, seen: dict[int, set[Result]]) -> None:
    seen[id(result.element)].add(result.result)
    for child in result.children:
        _collect(child, seen)
    if result.referenced is not None:
        _collect(result.referenced, seen)
    if result.dispute is not None:
        for outcome in result.dispute.outcomes:
            _collect(outcome.result, seen)


def test_every_element_is_seen_in_all_three_values(library):
    seen: dict[int, set[Result]] = defaultdict(set)
    for case_id in CASE_IDS:
        for norm_result in check(library.case(case_id), library).norms:
            _collect(norm_result.root, seen)
            for proc in norm_result.procedural:
                _collect(proc, seen)
            for displacement in norm_result.displacements:
                if displacement.condition is not None:
                    _collect(displacement.condition, seen)
    missing = []
    for norm in library.norms.values():
        for element in norm.elements():
            lacking = set(Result) - seen[id(element)]
            if lacking:
                missing.append(f"{norm.id} › {element.id}: never "
                               + ", ".join(sorted(r.value for r in lacking)))
    assert missing == [], "\n".join(missing)
