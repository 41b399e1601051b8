"""Property tests: Kleene laws, monotonicity at every depth, determinism of result and text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lawkit import Answer, Combine, Element, ElementResult, Result, check, conjunction, disjunction
from tests.strategies import FACT_KEYS, case_for, fact_maps, library_with, norms

results = st.sampled_from(list(Result))
NEG = {Result.ERFUELLT: Result.NICHT_ERFUELLT, Result.NICHT_ERFUELLT: Result.ERFUELLT,
       Result.OFFEN: Result.OFFEN}
# information order: offen ≤ erfüllt, offen ≤ nicht erfüllt
LEQ = {(Result.OFFEN, r) for r in Result} | {(r, r) for r in Result}


@given(st.lists(results, max_size=6))
def test_conjunction_is_false_as_soon_as_one_is_false(values):
    expected = (Result.NICHT_ERFUELLT if Result.NICHT_ERFUELLT in values
                else Result.OFFEN if Result.OFFEN in values else Result.ERFUELLT)
    assert conjunction(values) is expected


@given(st.lists(results, max_size=6))
def test_disjunction_is_true_as_soon_as_one_is_true(values):
    expected = (Result.ERFUELLT if Result.ERFUELLT in values
                else Result.OFFEN if Result.OFFEN in values else Result.NICHT_ERFUELLT)
    assert disjunction(values) is expected


@given(st.lists(results, max_size=5))
def test_de_morgan(values):
    assert NEG[conjunction(values)] is disjunction(NEG[v] for v in values)


@given(results, results, results)
def test_commutative_associative_distributive(a, b, c):
    assert conjunction([a, b]) is conjunction([b, a])
    assert disjunction([a, b]) is disjunction([b, a])
    assert conjunction([a, conjunction([b, c])]) is conjunction([conjunction([a, b]), c])
    assert conjunction([a, disjunction([b, c])]) is disjunction([conjunction([a, b]), conjunction([a, c])])
    assert conjunction([a, a]) is a and disjunction([a, a]) is a


@given(results, results)
def test_monotone_operators(a, b):
    for refined_a in Result:
        if (a, refined_a) in LEQ:
            assert (conjunction([a, b]), conjunction([refined_a, b])) in LEQ
            assert (disjunction([a, b]), disjunction([refined_a, b])) in LEQ


def _expected(element: Element, answers: dict[str, Answer], views: dict[str, str],
              forced: Result | None = None) -> Result:
    """Direct Kleene semantics, independent of the evaluator; plus the one case split the law
    needs: alternatives "Verweisung met" or "… ohne die Verweisung" decide the group if both
    answers to the Verweisung give the same result (tertium non datur)."""
    if element.fact is not None:
        answer = answers[element.fact]
        if answer is Answer.OFFEN:
            return Result.OFFEN
        return Result.ERFUELLT if answer is element.satisfied_by else Result.NICHT_ERFUELLT
    if element.ref is not None:  # helper: any_of(f4 == ja, f5 == nein)
        helper = forced or disjunction(
            [_expected(c, answers, views) for c in _helper_children()])
        return NEG[helper] if element.negated else helper
    if element.dispute is not None:
        chosen = element.dispute.view(views.get(element.dispute.id, "v0"))
        assert chosen is not None
        return _expected(chosen.requirement, answers, views, forced)
    parts = [_expected(c, answers, views, forced) for c in element.children]
    if element.combine is Combine.ALL_OF:
        return conjunction(parts)
    result = disjunction(parts)
    if result is Result.OFFEN and forced is None and any(
            c.ref == "helper" and not c.negated and p is Result.OFFEN
            for c, p in zip(element.children, parts, strict=True)) \
            and any(_requires_helper_unmet(c) for c in element.children):
        split = {_expected(element, answers, views, value)
                 for value in (Result.ERFUELLT, Result.NICHT_ERFUELLT)}
        if len(split) == 1 and (decided := split.pop()).determined:
            return decided
    return result


def _requires_helper_unmet(element: Element) -> bool:
    if element.ref is not None and element.negated:
        return True
    if element.dispute is not None:
        return any(_requires_helper_unmet(v.requirement) for v in element.dispute.views)
    return any(_requires_helper_unmet(c) for c in element.children)


def _helper_children() -> tuple[Element, ...]:
    from tests.strategies import HELPER

    return HELPER.root.children


@settings(max_examples=150, deadline=None)
@given(norms(), fact_maps())
def test_evaluator_follows_kleene_semantics(norm, answers):
    result = check(case_for(answers), library_with(norm))
    assert result.norms[0].result is _expected(norm.root, answers, {})


def _all_results(result: ElementResult) -> list[tuple[str, Result]]:
    out = [(result.element.id, result.result)]
    for child in result.children:
        out += _all_results(child)
    if result.referenced is not None:
        out += _all_results(result.referenced)
    if result.dispute is not None:
        for outcome in result.dispute.outcomes:
            out += _all_results(outcome.result)
    return out


@settings(max_examples=150, deadline=None)
@given(norms(), fact_maps(), st.data())
def test_deciding_an_open_fact_never_changes_a_determined_result(norm, answers, data):
    open_keys = [k for k in FACT_KEYS if answers[k] is Answer.OFFEN]
    if not open_keys:
        answers[data.draw(st.sampled_from(FACT_KEYS))] = Answer.OFFEN
        open_keys = [k for k in FACT_KEYS if answers[k] is Answer.OFFEN]
    key = data.draw(st.sampled_from(open_keys))
    decided = {**answers, key: data.draw(st.sampled_from([Answer.JA, Answer.NEIN]))}
    library = library_with(norm)
    before = check(case_for(answers), library).norms[0]
    after = check(case_for(decided), library).norms[0]
    # at every depth, in the same order (the trees have the same shape)
    for (eid, old), (eid2, new) in zip(_all_results(before.root), _all_results(after.root), strict=True):
        assert eid == eid2
        if old.determined:
            assert new is old, f"{eid} changed from {old} to {new} when {key} was decided"
    if before.result is Result.OFFEN:
        # an open norm result names its deciding facts, and only open ones
        assert before.deciding and all(answers[k] is Answer.OFFEN for k in before.deciding)
    else:
        assert before.deciding == ()


@settings(max_examples=100, deadline=None)
@given(norms(), fact_maps())
def test_same_input_same_result_same_text(norm, answers):
    library = library_with(norm)
    first = check(case_for(answers), library)
    second = check(case_for(dict(answers)), library)
    assert first == second
    assert first.gutachten().markdown() == second.gutachten().markdown()
    assert first.gutachten().json() == second.gutachten().json()


@settings(max_examples=100, deadline=None)
@given(norms(), fact_maps())
def test_dahinstehen_only_for_open_elements_that_cannot_change_the_result(norm, answers):
    library = library_with(norm)
    result = check(case_for(answers), library).norms[0]
    for element in result.root.walk():
        if element.dahinstehen:
            assert element.result is Result.OFFEN
            # forcing the element's open facts either way leaves the norm result unchanged
            for forced in (Answer.JA, Answer.NEIN):
                changed = {**answers, **dict.fromkeys(element.deciding, forced)}
                other = check(case_for(changed), library).norms[0]
                if result.result.determined:
                    assert other.result is result.result


@settings(max_examples=80, deadline=None)
@given(norms(), fact_maps())
def test_every_style_and_level_renders_the_same_result(norm, answers):
    """Gutachten- and Urteilsstil, ausführlich and klausurmäßig: the same Gesamtergebnis,
    footnote markers only after text, Meinungsstreit in order, no value on an element that was
    not examined."""
    from lawkit.rendering.document import Heading
    from lawkit.rendering.schema_view import schema_text
    from lawkit.rendering.style_check import check_document, check_schema, context_for

    library = library_with(norm)
    result = check(case_for(answers), library)
    endings = set()
    for style in ("gutachten", "urteilsstil"):
        for level in ("ausführlich", "klausurmäßig"):
            report = result.gutachten(style, level)
            blocks = report.document.blocks
            last = max(i for i, b in enumerate(blocks) if isinstance(b, Heading))
            assert blocks[last].text == "Gesamtergebnis"
            endings.add(tuple(str(b.parts) for b in blocks[last + 1:]))
            findings = check_document(report.document, context_for(result, library, style))
            structural = [f for f in findings
                          if f.rule in ("fussnote", "ueberschrift", "streit_reihenfolge")]
            assert structural == [], structural
    assert check_schema(schema_text(result)) == []
    assert len(endings) == 1, endings
