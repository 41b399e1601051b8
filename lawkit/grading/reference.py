"""The reference result of an exercise, derived from the engine (docs/grading-formats.md).

What is right is never typed by hand: the exercise's case is checked once per combination of
views of every Meinungsstreit the Gutachten reaches (a *scenario*). Every result that one of
those checks gives is vertretbar, and so is every result `solution.vertretbar` adds. The union
is what the grader accepts; the scenarios also tell which elements a complete answer must
treat on the path of the view it follows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from lawkit.coursework.model import Finding
from lawkit.errors import LawkitError
from lawkit.evaluation.results import CaseResult, ElementResult, NormResult
from lawkit.model.case import Case, Examination
from lawkit.model.logic import Combine, Result, combine
from lawkit.model.norm import Dispute, Norm, NormKind, RelationKind, View

if TYPE_CHECKING:
    from lawkit.coursework.model import Exercise, Vertretbar
    from lawkit.loading.library import Library

MAX_SCENARIOS = 32
BASE = "Lösungsweg der Musterlösung"


@dataclass(frozen=True, slots=True)
class Choice:
    """One view taken in a Meinungsstreit (different from the Musterlösung's)."""

    dispute: Dispute
    view: View


@dataclass(frozen=True, slots=True)
class ScenarioNorm:
    """One norm as one scenario's check decides it."""

    result: Result
    applies: Result
    required: tuple[str, ...]  # own elements the Gutachten examines (not dahinstehen)
    dahinstehen: frozenset[str]
    conditions: frozenset[str]  # elements of the Konkurrenzen's conditions


@dataclass(frozen=True, slots=True)
class Scenario:
    """The case checked with one combination of views."""

    index: int
    choices: tuple[Choice, ...]  # empty for the Musterlösung itself
    result: CaseResult
    norms: Mapping[str, ScenarioNorm]
    displacements: frozenset[tuple[str, str]]  # (norm, yields_to) that certainly apply
    open_displacements: frozenset[tuple[str, str]]
    applies: frozenset[str]  # norms of the case whose Rechtsfolge follows
    open_applies: frozenset[str]
    views: Mapping[str, str] = field(default_factory=dict)  # dispute id -> view id taken
    # (norm, dominant) where the norm is barred at its Anwendbarkeit (the Sperrwirkung of § 839
    # BGB for § 823 Abs. 2 BGB): a Konkurrenz to state like any other, but the norm's result is
    # "nicht erfüllt" because of it, so stating both is no contradiction
    barred: frozenset[tuple[str, str]] = frozenset()

    @property
    def label(self) -> str:
        if not self.choices:
            return BASE
        return "; ".join(f"Auffassung „{c.view.label}“" for c in self.choices)

    def view_of(self, dispute: Dispute) -> View | None:
        """The view this scenario takes in a Meinungsstreit (None: the check never reaches it)."""
        view_id = self.views.get(dispute.id)
        return dispute.view(view_id) if view_id is not None else None


@dataclass(frozen=True, slots=True)
class ElementReference:
    """What the reference accepts for one element of a norm, and why."""

    element_id: str
    label: str
    accepted: Mapping[str, tuple[int, ...]]  # result -> scenarios that give it (-1: vertretbar)
    grounds: tuple[str, ...]  # what the Sachverhalt says, as the Musterlösung relies on it
    vertretbar: Vertretbar | None = None
    paths: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # accepted_on, computed once

    def accepts(self, finding: str) -> bool:
        return finding in self.accepted

    def accepted_on(self, index: int) -> tuple[str, ...]:
        """The results accepted on one solution path: what its check gives, and vertretbar."""
        cached = self.paths.get(index)
        return cached if cached is not None else _on_path(self.accepted, index)


@dataclass(frozen=True, slots=True)
class NormReference:
    norm: Norm
    citation: str  # as the Musterlösung cites it (refined by the alternatives met)
    in_case: bool  # examined by the case (part of Konkurrenzen and Gesamtergebnis)
    accepted: Mapping[str, tuple[int, ...]]
    elements: Mapping[str, ElementReference]
    grounds: str  # why the Musterlösung's result follows (German)
    vertretbar: Vertretbar | None = None
    results: Mapping[int, NormResult] = field(default_factory=dict)  # per scenario index
    # result -> the (element, result) pairs of solution.vertretbar it is carried up from, where
    # no check and no vertretbar entry of the norm itself gives it
    carried: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    def accepts(self, finding: str) -> bool:
        return finding in self.accepted

    def accepted_on(self, index: int) -> tuple[str, ...]:
        """The results of the norm accepted on one solution path (its check, and vertretbar)."""
        if index not in self.results:
            return tuple(self.accepted)
        return _on_path(self.accepted, index)

    def accepted_for(self, index: int, stated: Mapping[str, str]) -> tuple[str, ...]:
        """Like accepted_on, for an answer that states these element results: a result
        carried up from a vertretbares element result counts only where the answer does not
        state that element otherwise (Rn. 9 protects a vertretbare Auffassung; the grader does
        not assemble one from an element denied and a result that needs it affirmed)."""
        out = []
        for value in self.accepted_on(index):
            carriers = self.carried.get(value, ())
            if index in self.accepted.get(value, ()) or not carriers or any(
                    stated.get(element_id) in (None, forced) for element_id, forced in carriers):
                out.append(value)
        return tuple(out)

    def citation_on(self, index: int) -> str:
        """The citation on one solution path, refined by the alternatives met there."""
        result = self.results.get(index)
        return result.citation if result is not None else self.citation


def _on_path(accepted: Mapping[str, tuple[int, ...]], index: int) -> tuple[str, ...]:
    return tuple(value for value, by in accepted.items() if index in by or -1 in by)


@dataclass(frozen=True)
class Reference:
    """Everything the grader compares an answer with, computed once per exercise."""

    exercise: Exercise
    case: Case
    scenarios: tuple[Scenario, ...]
    norms: Mapping[str, NormReference] = field(default_factory=dict)
    # norms whose Rechtsfolge may vertretbar follow or not (their result differs by
    # solution.vertretbar): in the Gesamtergebnis neither required nor wrong
    vertretbar_applies: frozenset[str] = frozenset()
    # (Grundtatbestand, Qualifikation), e.g. (§ 203 Abs. 2 S. 1, § 203 Abs. 6 StGB): the base
    # yields by Spezialität but is cited together with its Qualifikation (see `qualifications`)
    qualified: frozenset[tuple[str, str]] = frozenset()

    def qualifications_of(self, norm_id: str) -> frozenset[str]:
        """The Qualifikationen that build on a Grundtatbestand."""
        return frozenset(q for base, q in self.qualified if base == norm_id)

    @property
    def base(self) -> Scenario:
        return self.scenarios[0]

    def norm(self, norm_id: str) -> NormReference | None:
        return self.norms.get(norm_id)

    def accepted(self, norm_id: str, element_id: str | None = None) -> frozenset[str]:
        """The accepted results of a norm (its Tatbestand) or of one of its elements."""
        ref = self.norms.get(norm_id)
        if ref is None:
            return frozenset()
        if element_id is None:
            return frozenset(ref.accepted)
        element = ref.elements.get(element_id)
        return frozenset(element.accepted) if element else frozenset()

    def grounds_on(self, index: int, norm_id: str, element_id: str | None = None) -> str:
        """Why a norm (or one of its elements) has its result on one solution path (German)."""
        ref = self.norms[norm_id]
        element_ref = ref.elements.get(element_id) if element_id is not None else None
        fallback = ref.grounds if element_id is None else \
            " ".join(element_ref.grounds) if element_ref is not None else ""
        result = ref.results.get(index)
        if result is None:
            return fallback
        if element_id is None:
            return norm_grounds(result, self.case)
        element = _results_by_id(result).get(element_id)
        return " ".join(element_grounds(element, self.case)) if element is not None else fallback


def build_reference(exercise: Exercise, library: Library | None = None) -> Reference:
    """The reference of an exercise: its case checked under every combination of views."""
    from lawkit.loading.library import default_library

    library = library or default_library()
    case = exercise.case(library)
    in_case = [e.norm for e in case.examinations]
    extra = [n for n in (*exercise.solution.required_ids, *exercise.solution.optional)
             if n not in in_case]
    scenarios: list[Scenario] = []
    extra_results: list[dict[str, NormResult]] = []
    for views, choices, result in _view_combinations(case, library):
        scenarios.append(_scenario(len(scenarios), choices, result, in_case))
        extra_results.append(_extra_norms(case, library, views, extra))
    norms: dict[str, NormReference] = {}
    vertretbar = exercise.solution.vertretbar
    for norm_id in (*in_case, *extra):
        per_scenario = [
            s.result.norm(norm_id) if norm_id in in_case else extras.get(norm_id)
            for s, extras in zip(scenarios, extra_results, strict=True)
        ]
        if per_scenario[0] is None:
            continue  # an optional norm the case cannot answer: not graded
        norms[norm_id] = _norm_reference(
            library.norm(norm_id), [r for r in per_scenario if r is not None],
            [i for i, r in enumerate(per_scenario) if r is not None], norm_id in in_case, case,
            vertretbar,
        )
    either = frozenset(n for n, ref in norms.items() if ref.in_case and _vertretbar_either(ref))
    return Reference(exercise, case, tuple(scenarios), MappingProxyType(norms), either,
                     qualifications(library, (*in_case, *extra)))


def qualifications(library: Library, norm_ids: Iterable[str]) -> frozenset[tuple[str, str]]:
    """(Grundtatbestand, Qualifikation) pairs among the relations of the given norms: a
    Spezialität whose dominant norm takes up the yielding norm by Verweisung (§ 203 Abs. 6 StGB
    builds on a Tat nach § 203 Abs. 2 S. 1 StGB). The Grundtatbestand yields, but the Gutachten
    cites both together ("§ 203 Abs. 2 S. 1 Nr. 1, Abs. 6 StGB"): naming the base beside its
    Qualifikation is not wrong, and stating the Spezialität is not required."""
    pairs = set()
    for norm_id in norm_ids:
        for relation in library.norm(norm_id).relations:
            if relation.kind is not RelationKind.SPEZIALITAET:
                continue
            dominant = library.norm(relation.yields_to)
            if any(e.ref is not None and e.ref.partition("#")[0] == norm_id
                   for e in dominant.elements()):
                pairs.add((norm_id, relation.yields_to))
    return frozenset(pairs)


def _vertretbar_either(ref: NormReference) -> bool:
    """Whether solution.vertretbar makes a result of the norm vertretbar on some path whose
    check gives another: then its Rechtsfolge may both follow and not follow."""
    vertretbar = {value for value, by in ref.accepted.items() if -1 in by}
    checked = {value for value, by in ref.accepted.items() if any(i >= 0 for i in by)}
    return bool(vertretbar - checked) or (bool(vertretbar) and len(checked | vertretbar) > 1)


# -- scenarios ---------------------------------------------------------------------------------
def _view_combinations(case: Case, library: Library
                       ) -> Iterator[tuple[dict[str, str], tuple[Choice, ...], CaseResult]]:
    """The case's own views first, then every other view of each Meinungsstreit reached."""
    from lawkit.evaluation.evaluate import check

    queue: list[tuple[dict[str, str], tuple[Choice, ...]]] = [({}, ())]
    seen: set[tuple[tuple[str, str], ...]] = set()
    while queue and len(seen) < MAX_SCENARIOS:
        views, choices = queue.pop(0)
        key = tuple(sorted(views.items()))
        if key in seen:
            continue
        seen.add(key)
        result = check(case, library, views=views)
        yield views, choices, result
        for element in _examined(result):
            dispute = element.dispute
            if dispute is None or dispute.dispute.id in views:
                continue
            for view in dispute.dispute.views:
                if view is not dispute.chosen:
                    queue.append(({**views, dispute.dispute.id: view.id},
                                  (*choices, Choice(dispute.dispute, view))))


def _examined(result: CaseResult) -> Iterator[ElementResult]:
    for norm in result.norms:
        for top in (norm.root, *norm.procedural):
            for element in top.walk():
                if element.examined:
                    yield element


def _scenario(index: int, choices: tuple[Choice, ...], result: CaseResult,
              in_case: list[str]) -> Scenario:
    norms = {}
    displacements, open_displacements, barred = set(), set(), set()
    applies, open_applies = set(), set()
    for norm in result.norms:
        norms[norm.norm.id] = _scenario_norm(norm)
        for d in norm.displacements:
            pair = (norm.norm.id, d.relation.yields_to)
            if d.first and d.status is not Result.NICHT_ERFUELLT:
                barred.add(pair)
            if d.status is Result.ERFUELLT:
                displacements.add(pair)
            elif d.status is Result.OFFEN:
                open_displacements.add(pair)
        if norm.norm.id in in_case:
            if norm.applies is Result.ERFUELLT:
                applies.add(norm.norm.id)
            elif norm.applies is Result.OFFEN:
                open_applies.add(norm.norm.id)
    return Scenario(index, choices, result, MappingProxyType(norms), frozenset(displacements),
                    frozenset(open_displacements), frozenset(applies), frozenset(open_applies),
                    MappingProxyType(_views_taken(result)), frozenset(barred))


def _views_taken(result: CaseResult) -> dict[str, str]:
    """dispute id -> the view the check takes, for every Meinungsstreit it evaluates."""
    views: dict[str, str] = {}
    for norm in result.norms:
        for top in (norm.root, *norm.procedural):
            for element in (top, *own_results(top)):
                if element.dispute is not None:
                    views.setdefault(element.dispute.dispute.id, element.dispute.chosen.id)
    return views


def own_results(result: ElementResult) -> Iterator[ElementResult]:
    """The results below an element that belong to its own norm, in Gutachten order: children
    and the chosen view's requirements, but not what a Verweisung checks in another norm."""
    for child in result.children:
        yield child
        yield from own_results(child)
    if result.dispute is not None:
        for outcome in result.dispute.outcomes:
            if outcome.view is result.dispute.chosen:
                yield from own_results(outcome.result)


def _with_parents(result: ElementResult, parent_examined: bool = True
                  ) -> Iterator[tuple[ElementResult, bool]]:
    """Like own_results, with whether the parent is examined (a kann-dahinstehen element is
    only part of the Gutachten where its parent is)."""
    yield result, parent_examined
    for child in result.children:
        yield from _with_parents(child, result.examined)
    if result.dispute is not None:
        for outcome in result.dispute.outcomes:
            if outcome.view is result.dispute.chosen:
                for inner, examined in _with_parents(outcome.result, result.examined):
                    if inner is not outcome.result:
                        yield inner, examined


def _scenario_norm(norm: NormResult) -> ScenarioNorm:
    own = {e.id for e in norm.norm.elements()} - {norm.norm.root.id}
    required: list[str] = []
    dahinstehen: set[str] = set()
    for top in (norm.root, *norm.procedural):
        for result, parent_examined in _with_parents(top):
            element_id = result.element.id
            if element_id not in own:
                continue
            if result.dahinstehen:
                if parent_examined:
                    dahinstehen.add(element_id)
            elif result.examined and element_id not in required:
                required.append(element_id)
    conditions = {d.condition.element.id for d in norm.displacements if d.condition is not None}
    return ScenarioNorm(norm.result, norm.applies, tuple(required), frozenset(dahinstehen),
                        frozenset(conditions & own))


def _extra_norms(case: Case, library: Library, views: Mapping[str, str],
                 norm_ids: list[str]) -> dict[str, NormResult]:
    """Norms the exercise names but the case does not examine (e.g. a Definitionsnorm)."""
    from lawkit.evaluation.evaluate import check

    out: dict[str, NormResult] = {}
    for norm_id in norm_ids:
        augmented = replace(case, examinations=(*case.examinations, Examination(norm_id)))
        try:
            out[norm_id] = check(augmented, library, views=views).norm(norm_id)
        except LawkitError:
            continue  # the case does not answer this norm's questions
    return out


# -- per norm ----------------------------------------------------------------------------------
def _norm_reference(norm: Norm, results: list[NormResult], indices: list[int], in_case: bool,
                    case: Case, vertretbar: Mapping[str, Vertretbar]) -> NormReference:
    accepted: dict[str, list[int]] = {}
    for index, result in zip(indices, results, strict=True):
        accepted.setdefault(result.result.value, []).append(index)
    own_vertretbar = vertretbar.get(norm.id)
    if own_vertretbar is not None:
        for value in own_vertretbar.results:
            accepted.setdefault(value, []).append(-1)
    element_accepts: dict[str, dict[str, list[int]]] = {}
    grounds: dict[str, tuple[str, ...]] = {}
    labels: dict[str, str] = {}
    for index, result in zip(indices, results, strict=True):
        scenario = _scenario_norm(result)
        by_id = _results_by_id(result)
        for element_id in (*scenario.required, *sorted(scenario.dahinstehen),
                           *sorted(scenario.conditions)):
            element = by_id.get(element_id)
            if element is None:
                continue
            labels.setdefault(element_id, element.element.label)
            values = (Finding.DAHINSTEHEN.value, Finding.OFFEN.value) if element_id in \
                scenario.dahinstehen else (element.result.value,)
            for value in values:
                element_accepts.setdefault(element_id, {}).setdefault(value, []).append(index)
            if element_id not in grounds:
                grounds[element_id] = element_grounds(element, case)
    for element_id, accepts in element_accepts.items():
        extra = vertretbar.get(f"{norm.id}#{element_id}")
        if extra is not None:
            for value in extra.results:
                accepts.setdefault(value, []).append(-1)
    own_values = set(own_vertretbar.results) if own_vertretbar is not None else set()
    carried = _carry_up(norm, results, vertretbar, accepted, element_accepts)
    elements: dict[str, ElementReference] = {}
    for element_id, accepts in element_accepts.items():
        element_accepted = {k: tuple(dict.fromkeys(v)) for k, v in accepts.items()}
        elements[element_id] = ElementReference(
            element_id, labels[element_id], MappingProxyType(element_accepted), grounds[element_id],
            vertretbar.get(f"{norm.id}#{element_id}"),
            MappingProxyType({i: _on_path(element_accepted, i) for i in indices}))
    for ref, extra in vertretbar.items():  # vertretbar results for elements the checks do not reach
        norm_id, _, element_id = ref.partition("#")
        if norm_id == norm.id and element_id and element_id not in elements:
            found = norm.find(element_id)
            label = found.label if found is not None else element_id
            elements[element_id] = ElementReference(
                element_id, label, MappingProxyType({v: (-1,) for v in extra.results}), (), extra)
    return NormReference(
        norm=norm,
        citation=results[0].citation,
        in_case=in_case,
        accepted=MappingProxyType({k: tuple(v) for k, v in accepted.items()}),
        elements=MappingProxyType(elements),
        grounds=norm_grounds(results[0], case),
        vertretbar=own_vertretbar,
        results=MappingProxyType(dict(zip(indices, results, strict=True))),
        carried=MappingProxyType({value: tuple(sorted(by)) for value, by in carried.items()
                                  if value not in own_values}),
    )


def _carry_up(norm: Norm, results: list[NormResult], vertretbar: Mapping[str, Vertretbar],
              accepted: dict[str, list[int]],
              element_accepts: dict[str, dict[str, list[int]]]) -> dict[str, set[tuple[str, str]]]:
    """A result `solution.vertretbar` accepts for an element carries up: the groups above it
    and the norm's result it implies are vertretbar too (-1), on every solution path. Returns,
    per result of the norm, the (element, result) pairs it is carried up from."""
    carried: dict[str, set[tuple[str, str]]] = {}
    for ref, extra in vertretbar.items():
        norm_id, _, element_id = ref.partition("#")
        if norm_id != norm.id or not element_id:
            continue
        for value in extra.results:
            if value == Finding.DAHINSTEHEN.value:
                continue
            forced = Result(value)
            for result in results:
                for top in (result.root, *result.procedural):
                    changed: dict[str, Result] = {}
                    _recompute(top, element_id, forced, changed)
                    for changed_id, new in changed.items():
                        if changed_id == norm.root.id:
                            carried.setdefault(new.value, set()).add((element_id, value))
                            if -1 not in accepted.setdefault(new.value, []):
                                accepted[new.value].append(-1)
                        elif changed_id in element_accepts:
                            by = element_accepts[changed_id].setdefault(new.value, [])
                            if -1 not in by:
                                by.append(-1)
    return carried


def _recompute(result: ElementResult, target: str, forced: Result, changed: dict[str, Result]) -> Result:
    """The result of an element of the norm's own tree when `target` has the result `forced`
    (strong Kleene up the tree); `changed` collects every element whose result differs."""
    if result.element.id == target:
        value = forced
    elif result.dispute is not None:
        chosen = next(o.result for o in result.dispute.outcomes if o.view is result.dispute.chosen)
        value = _recompute(chosen, target, forced, changed)
    elif result.children:
        value = combine(result.element.combine,
                        [_recompute(c, target, forced, changed) for c in result.children])
    else:
        value = result.result
    if value is not result.result:
        changed[result.element.id] = value
    return value


def _results_by_id(result: NormResult) -> dict[str, ElementResult]:
    out: dict[str, ElementResult] = {}
    for top in (result.root, *result.procedural):
        out.setdefault(top.element.id, top)
        for element in own_results(top):
            out.setdefault(element.element.id, element)
    for displacement in result.displacements:
        if displacement.condition is not None:
            out.setdefault(displacement.condition.element.id, displacement.condition)
    return out


# -- why: the Sachverhalt behind a result ------------------------------------------------------
def _fact_note(case: Case, key: str) -> str | None:
    fact = case.facts.get(key)
    if fact is None:
        return None
    note = fact.note.strip().rstrip(".")
    return f"{note} ({fact.source})" if fact.source else note


def element_grounds(result: ElementResult, case: Case, limit: int = 2) -> tuple[str, ...]:
    """Why an element has its result, as German sentences from the case's facts."""
    if result.dahinstehen:
        if result.because is not None:
            return (f"Das Merkmal kann dahinstehen, weil „{result.because.element.label}“ bereits "
                    f"{result.because.result.value} ist und das Ergebnis trägt.",)
        return ("Das Merkmal kann dahinstehen, weil sein Ergebnis das Ergebnis der Prüfung nicht "
                "ändert.",)
    if result.children and result.result.determined:
        return (_group_grounds(result),)
    keys = result.basis if result.result.determined else result.deciding
    notes = [f"Laut Sachverhalt: {n}." for n in (_fact_note(case, k) for k in keys[:limit]) if n]
    if not result.result.determined and not notes:
        return ("Der Sachverhalt lässt es offen.",)
    return tuple(notes)


def _group_grounds(result: ElementResult) -> str:
    """Why a group of elements (kumulativ or alternativ) has its result."""
    examined = [c for c in result.children if c.examined]
    failing = next((c for c in examined if c.result is Result.NICHT_ERFUELLT), None)
    met = next((c for c in examined if c.result is Result.ERFUELLT), None)
    if result.element.combine is Combine.ALL_OF:
        if result.result is Result.ERFUELLT:
            return "Alle Untermerkmale sind erfüllt."
        return (f"Das Untermerkmal „{failing.element.label}“ ist nicht erfüllt." if failing
                else "Ein Untermerkmal ist nicht erfüllt.")
    if result.result is Result.ERFUELLT:
        return (f"Die Alternative „{met.element.label}“ ist erfüllt." if met
                else "Eine Alternative ist erfüllt.")
    return "Keine der Alternativen ist erfüllt."


def norm_grounds(result: NormResult, case: Case) -> str:
    """Why the Musterlösung reaches its result for a norm (one German sentence)."""
    requirements = ("alle Anspruchsvoraussetzungen" if result.norm.kind is NormKind.ANSPRUCHSGRUNDLAGE
                    else "alle Voraussetzungen des Tatbestands")
    if result.result is Result.ERFUELLT:
        text = f"Nach dem Sachverhalt sind {requirements} erfüllt."
        for displacement in result.displacements:
            if displacement.status is Result.NICHT_ERFUELLT:
                continue
            how = "tritt aber" if displacement.status is Result.ERFUELLT else "tritt möglicherweise"
            why = displacement.relation.explanation.strip()
            text += (f" Die Norm {how} hinter {displacement.dominant_citation} zurück "
                     f"({displacement.relation.kind.value}){': ' + why if why else ''}")
            text = text if text.endswith(".") else text + "."
        return text
    if result.result is Result.NICHT_ERFUELLT:
        barred = next((g for g in result.gates if g.status is Result.ERFUELLT), None)
        if barred is not None:  # barred at the Anwendbarkeit: the Tatbestand is not reached
            why = barred.relation.explanation.strip()
            facts = " ".join(element_grounds(barred.condition, case)) \
                if barred.condition is not None else ""
            return (f"{result.citation} ist neben {barred.dominant_citation} nicht anwendbar "
                    f"({barred.relation.kind.value}). {why} {facts}").strip()
        failing = _first_failing(result.root)
        if failing is not None:
            notes = " ".join(element_grounds(failing, case))
            return f"Der Tatbestand scheitert am Merkmal „{failing.element.label}“. {notes}".strip()
        return "Nach dem Sachverhalt ist der Tatbestand nicht erfüllt."
    questions = [case.facts[k].note.strip().rstrip(".") for k in result.deciding[:2]
                 if k in case.facts]
    return ("Der Sachverhalt lässt offen, wovon das Ergebnis abhängt"
            + (f": {'; '.join(questions)}." if questions else "."))


def _first_failing(result: ElementResult) -> ElementResult | None:
    """The deepest examined element on the path of the first failed requirement."""
    current = result
    while True:
        nxt = next((c for c in current.children if c.examined
                    and c.result is Result.NICHT_ERFUELLT), None)
        if nxt is None and current.dispute is not None:
            chosen = next(o.result for o in current.dispute.outcomes
                          if o.view is current.dispute.chosen)
            nxt = next((c for c in chosen.children if c.result is Result.NICHT_ERFUELLT), None)
        if nxt is None:
            return current if current is not result else None
        current = nxt
