"""Fallvarianten: short Sachverhalte composed from the facts' sentences, solved by the engine.

A case author may give, per fact, the Sachverhalt sentence for each answer (`saetze:` in the
case file, see the README). A sentence can settle further facts at once (`zugleich:`): "Die
Y-GmbH hat die Pläne in einer Pressemitteilung bekannt gegeben" makes the fact public *and*
ends the interest in secrecy.

The generator changes one fact (or two) to another answer that has a sentence, takes over what
that sentence settles as well, and writes the short Sachverhalt: one sentence per fact, in the
order of the case file; a fact settled by another sentence gets no sentence of its own. A
combination in which two sentences would state different answers for the same fact is never
written. The engine solves each variant; variants whose change flips a determined result (the
instructive ones) come first, then those that open or decide a result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from lawkit.evaluation.evaluate import check
from lawkit.evaluation.results import CaseResult
from lawkit.loading.library import Library
from lawkit.model.case import Case, FactSentence
from lawkit.model.logic import Answer, Result

REST = "Im Übrigen gilt der Sachverhalt des Ausgangsfalls."
LIMIT = 8  # generated variants per case


@dataclass(frozen=True, slots=True)
class Composition:
    """The sentences of a short Sachverhalt, with what each one states."""

    sentences: tuple[tuple[str, FactSentence], ...]  # (fact key, sentence), in file order
    complete: bool  # every fact is stated by a sentence (otherwise the rest is the Ausgangsfall)

    @property
    def text(self) -> str:
        body = " ".join(s.text for _, s in self.sentences)
        return body if self.complete else f"{body} {REST}".strip()

    def statements(self) -> list[tuple[str, Answer]]:
        """Every (fact, answer) the sentences state, their own fact and what they settle too."""
        out = []
        for key, sentence in self.sentences:
            out.append((key, sentence.answer))
            out.extend(sentence.also)
        return out


@dataclass(frozen=True, slots=True)
class Fallvariante:
    """A generated variant of a case: the changed facts, the short Sachverhalt and the
    engine's solution."""

    id: str  # "case~fact=answer+fact=answer"
    case: str
    changes: tuple[tuple[str, Answer], ...]  # every fact answered differently from the case
    composition: Composition
    result: CaseResult
    score: int  # how instructive: flips of determined results count most

    @property
    def text(self) -> str:
        return self.composition.text

    def apply(self, case: Case) -> Case:
        return apply_changes(case, self.changes)


def apply_changes(case: Case, changes: Sequence[tuple[str, Answer | str]]) -> Case:
    for key, answer in changes:
        case = case.with_answer(key, answer)
    return case


def sentence_for(case: Case, key: str, answer: Answer) -> FactSentence | None:
    for sentence in case.facts[key].sentences:
        if sentence.answer is answer:
            return sentence
    return None


def compose(case: Case, answers: Mapping[str, Answer]) -> Composition | None:
    """The short Sachverhalt for these answers, or None if its sentences would contradict each
    other (two sentences stating different answers for one fact) or a changed fact has no
    sentence that states it."""
    chosen = {key: s for key in case.facts if (s := sentence_for(case, key, answers[key])) is not None}
    omitted: set[str] = set()
    for key in case.facts:
        sentence = chosen.get(key)
        if sentence is None or key in omitted:
            continue
        for other, _ in sentence.also:
            if other in chosen and other != key:
                omitted.add(other)
    used = tuple((k, s) for k, s in chosen.items() if k not in omitted)
    composition = Composition(used, complete=False)
    stated: dict[str, Answer] = {}
    for key, answer in composition.statements():
        if stated.setdefault(key, answer) is not answer or answers[key] is not answer:
            return None  # two sentences disagree, or a sentence states another answer than the variant
    for key, fact in case.facts.items():
        if answers[key] is not fact.answer and key not in stated:
            return None  # a changed fact must be told
    return Composition(used, complete=all(key in stated for key in case.facts))


def _single_changes(case: Case) -> list[dict[str, Answer]]:
    out = []
    for key, fact in case.facts.items():
        for sentence in fact.sentences:
            if sentence.answer is not fact.answer:
                out.append({key: sentence.answer, **dict(sentence.also)})
    return out


def _score(base: CaseResult, varied: CaseResult) -> int:
    score = 0
    for before, after in zip(base.norms, varied.norms, strict=True):
        if before.result.determined and after.result is not before.result:
            score += 4 if after.result.determined else 3
        elif after.result is not before.result:
            score += 2
        if after.applies is not before.applies:
            score += 1
    return score


def _signature(result: CaseResult) -> tuple[tuple[Result, Result], ...]:
    return tuple((n.result, n.applies) for n in result.norms)


def generate_variants(case: Case, library: Library, *, limit: int = LIMIT) -> tuple[Fallvariante, ...]:
    """The most instructive Fallvarianten of a case (none if its facts have no sentences).

    Candidates are every change of one fact to an answer that has a sentence, and every pair
    of such changes whose result differs from what each change gives alone (the two interact).
    They are ranked by `_score` and picked round by round over their outcomes, so that one
    kind of outcome does not crowd out the others."""
    singles = _single_changes(case)
    if not singles:
        return ()
    base_answers = {k: f.answer for k, f in case.facts.items()}
    base = check(case, library)
    order = {k: i for i, k in enumerate(case.facts)}
    seen: set[tuple[tuple[str, Answer], ...]] = set()
    found: list[tuple[int, int, int, Fallvariante]] = []
    single_outcomes: dict[int, tuple[tuple[Result, Result], ...]] = {}

    def consider(index: int, change: dict[str, Answer], parts: tuple[int, ...]) -> None:
        answers = {**base_answers, **change}
        changes = tuple(sorted(((k, a) for k, a in answers.items() if a is not base_answers[k]),
                               key=lambda item: order[item[0]]))
        if not changes or changes in seen:
            return
        seen.add(changes)
        composition = compose(case, answers)
        if composition is None:
            return
        result = check(apply_changes(case, changes), library)
        signature = _signature(result)
        if len(parts) == 1:
            single_outcomes[parts[0]] = signature
        elif any(single_outcomes.get(part) == signature for part in parts):
            return  # one of the two changes decides alone; the pair teaches nothing more
        variant_id = f"{case.id}~" + "+".join(f"{k}={a.value}" for k, a in changes)
        found.append((-_score(base, result), len(changes), index,
                      Fallvariante(variant_id, case.id, changes, composition, result, _score(base, result))))

    for index, change in enumerate(singles):
        consider(index, change, (index,))
    for (i, first), (j, second) in combinations(enumerate(singles), 2):
        if not set(first) & set(second):
            consider(len(singles) + i * len(singles) + j, {**first, **second}, (i, j))
    found.sort(key=lambda item: item[:3])
    groups: dict[tuple[tuple[Result, Result], ...], list[Fallvariante]] = {}
    for *_, variant in found:
        groups.setdefault(_signature(variant.result), []).append(variant)
    picked: list[Fallvariante] = []
    while len(picked) < limit and any(groups.values()):
        for group in groups.values():
            if group and len(picked) < limit:
                picked.append(group.pop(0))
    return tuple(sorted(picked, key=lambda v: (-v.score, len(v.changes), v.id)))


def determined_flips(variant: Fallvariante, base: CaseResult) -> list[str]:
    """Norms whose determined result the variant changes (for explanations and tests)."""
    return [after.norm.id for before, after in zip(base.norms, variant.result.norms, strict=True)
            if before.result is not Result.OFFEN and after.result is not before.result]
