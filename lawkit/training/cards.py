"""Cards from the library: every answer is the engine's.

For every shipped case, `check` solves the case and the cards are read off its result:

- steps per Prüfungspunkt in Gutachten order (ja / nein / offen), then the norm's Ergebnis;
- whether a Meinungsstreit matters in the case, whether a norm yields to another
  (Konkurrenz), whether the offence is prosecutable (Verfolgbarkeit);
- Fallvarianten: the hand-written variants of the case file and the ones the generator
  composes from the facts' sentences (lawkit.training.variants), each solved by the engine.

Per norm, definition cards and Meinungsstreit cards (the views, the herrschende Meinung) come
from the norm data; the student rates them herself (gewusst / unsicher / nicht gewusst).
Nothing a card expects is typed by hand.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from lawkit.evaluation.evaluate import check
from lawkit.evaluation.results import CaseResult, ElementResult, NormResult
from lawkit.loading.library import Library, default_library
from lawkit.model.case import Case
from lawkit.model.logic import Answer, Result
from lawkit.model.norm import Dispute, Element, Norm, Source
from lawkit.training.prompts import Ask, PromptSpec, phrase_prompt

OPTIONS = ("ja", "nein", "offen")
YES_NO = ("ja", "nein")
# Shipped cases in the order a student meets them in the workbook; others follow by id.
CURRICULUM = ("bafin_angestellte", "verwertung_nebengeschaeft", "verkauf_an_konkurrenten",
              "pruefer_findag", "ad_hoc_pflicht", "dienstgeheimnis_presse", "amtshaftung_bafin",
              "gesamtfall_verkauftes_angebot", "bverwg_6_b_71_17")
SEED_NAMES = {"ausarbeitung": "Ausarbeitung zu § 21 WpHG", "bverwg": "BVerwG 6 B 71.17"}
REF = "→"  # path step into a Verweisung
VIEW = "view:"  # path step into the chosen view of a Meinungsstreit


class CardKind(StrEnum):
    SCHRITT = "Prüfungspunkt"
    ERGEBNIS = "Ergebnis"
    DEFINITION = "Definition"
    MEINUNGSSTREIT = "Meinungsstreit"
    STREIT_IM_FALL = "Streit im Fall"
    KONKURRENZ = "Konkurrenz"
    VERFOLGBARKEIT = "Verfolgbarkeit"
    FALLVARIANTE = "Fallvariante"


@dataclass(frozen=True, slots=True)
class Card:
    """One card. `expected` is None for cards the student rates herself (then `back` holds the
    answer); otherwise one of `options`, computed by the engine for `case` with `changes`."""

    id: str  # stable across runs: the progress file refers to it
    kind: CardKind
    topic: str  # the Prüfungspunkt it drills: "norm_id#element_id" (or "norm_id")
    topic_label: str  # "§ 203 Abs. 2 S. 1 StGB: Geheimnis"
    norm: str  # the norm it belongs to (groups the progress chart)
    title: str  # where the card stands: case, norm, path of Prüfungspunkte
    prompt: str
    options: tuple[str, ...] = OPTIONS
    expected: str | None = None
    sachverhalt: str = ""
    reason: str = ""  # why the expected answer is right (shown after answering)
    deciding: tuple[str, ...] = ()  # the facts the result rests on or that would decide it
    sources: tuple[str, ...] = ()  # Fundstellen
    back: str = ""  # the answer of a self-rated card
    case: str | None = None  # shipped case id ("case" or "case.variant") the answer is computed for
    changes: tuple[tuple[str, str], ...] = ()  # facts answered differently (generated variants)
    path: tuple[str, ...] = ()  # steps: the element's place below the norm's root

    @property
    def self_rated(self) -> bool:
        return self.expected is None


# -- small helpers ------------------------------------------------------------------------------


def fundstelle(source: Source) -> str:
    """A Fundstelle with the place in the seed it is taken from."""
    if not source.seed:
        return source.text
    seed = SEED_NAMES.get(source.seed, source.seed)
    if seed in source.text:
        return f"{source.text}, {source.at}" if source.at else source.text
    return f"{source.text} (nach {seed}{', ' + source.at if source.at else ''})"


def fundstellen(sources: Sequence[Source]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fundstelle(s) for s in sources))


def answer_of(result: Result, satisfied_by: Answer = Answer.JA) -> str:
    """The answer to a question whose `satisfied_by` answer fulfils the element."""
    if result is Result.OFFEN:
        return "offen"
    if result is Result.ERFUELLT:
        return satisfied_by.value
    return "nein" if satisfied_by is Answer.JA else "ja"


def expected_for(result: ElementResult) -> str:
    """The answer a step card expects for an element result (leaves answer their question)."""
    element = result.element
    return answer_of(result.result, element.satisfied_by if element.fact is not None else Answer.JA)


def _quote(text: str) -> str:
    return f"„{text}“"


def _fact_line(result: ElementResult) -> str:
    fact = result.fact
    if fact is None:
        return ""
    where = f" ({fact.source})" if fact.source else ""
    assumed = " (unterstellt)" if fact.assumed else ""
    return f"{fact.note}{where}{assumed}"


# -- walking a result in Gutachten order --------------------------------------------------------


def steps(result: ElementResult, owner: Norm | None, path: tuple[str, ...] = ()
          ) -> Iterator[tuple[ElementResult, Norm | None, tuple[str, ...]]]:
    """Every element below `result` the Gutachten examines, in its order, with the norm it
    belongs to and its path (element ids; `→` into a Verweisung, `view:ID` into the chosen view)."""
    for child in result.children:
        child_path = (*path, child.element.id)
        if child.examined:
            yield child, owner, child_path
            yield from steps(child, owner, child_path)
    if result.referenced is not None and result.examined and not result.dahinstehen:
        yield from steps(result.referenced, result.referenced_norm or owner, (*path, REF))
    if result.dispute is not None and result.examined and not result.dahinstehen:
        for outcome in result.dispute.outcomes:
            if outcome.view is result.dispute.chosen:
                yield from steps(outcome.result, owner, (*path, VIEW + outcome.view.id))


def locate(root: ElementResult, path: Sequence[str]) -> ElementResult:
    """The element result at `path` below `root` (the inverse of `steps`)."""
    node = root
    for step in path:
        if step == REF:
            assert node.referenced is not None, path
            node = node.referenced
        elif step.startswith(VIEW):
            assert node.dispute is not None, path
            node = next(o.result for o in node.dispute.outcomes if o.view.id == step[len(VIEW):])
        else:
            node = next(c for c in node.children if c.element.id == step)
    return node


def _why(result: ElementResult) -> str:
    """Why an element has its result, in one or two sentences."""
    element, value = result.element, result.result
    if result.dahinstehen:
        because = result.because
        if because is not None:
            return (f"{_quote(element.label)} kann dahinstehen: Das Ergebnis hängt nicht davon ab, weil "
                    f"{_quote(because.element.label)} {because.result.value} ist.")
        return f"{_quote(element.label)} kann dahinstehen: Das Ergebnis hängt nicht davon ab."
    if result.fact is not None:
        return f"Der Sachverhalt: {_fact_line(result)} Damit ist {_quote(element.label)} {value.value}."
    if result.dispute is not None:
        d = result.dispute
        if not d.matters:
            return (f"Nach allen Auffassungen ist {_quote(element.label)} {value.value}; der Streit kann "
                    "dahinstehen.")
        return (f"Die Auffassungen kommen zu verschiedenen Ergebnissen. Nach der gewählten Auffassung "
                f"({d.chosen.label}; {d.chosen_by.value}) ist {_quote(element.label)} {value.value}.")
    if result.referenced is not None:
        norm = result.referenced_norm
        where = f" nach {norm.citation.canonical()}" if norm is not None else ""
        return f"{_quote(element.label)} richtet sich{where}; es ist {value.value}."
    children = [c for c in result.children if c.examined or c.dahinstehen]
    if value is Result.OFFEN:
        open_ = [c.element.label for c in children if c.result is Result.OFFEN and not c.dahinstehen]
        return f"Offen bleibt: {', '.join(map(_quote, open_))}." if open_ else \
            f"{_quote(element.label)} bleibt offen."
    absorbing = Result.NICHT_ERFUELLT if element.combine.value == "all_of" else Result.ERFUELLT
    deciding = [c for c in children if c.result is absorbing]
    if deciding and value is absorbing:
        if value is Result.NICHT_ERFUELLT:
            return f"Es fehlt an {_quote(deciding[0].element.label)}."
        return f"Erfüllt ist die Alternative {_quote(deciding[0].element.label)}."
    if value is Result.ERFUELLT:
        return "Alle Voraussetzungen liegen vor: " + ", ".join(_quote(c.element.label) for c in children) \
            + "."
    return "Keine der Alternativen liegt vor."


def _facts_named(case: Case, keys: Sequence[str], library: Library, *, limit: int = 3) -> tuple[str, ...]:
    questions = library.questions()
    out = []
    for key in list(keys)[:limit]:
        fact = case.facts.get(key)
        question = questions[key].text if key in questions else key
        if fact is not None:
            out.append(f"{question} – {fact.answer.value}: {fact.note}")
    return tuple(out)


def deciding_facts(result: ElementResult | NormResult, case: Case, library: Library) -> tuple[str, ...]:
    """The facts a determined result rests on, or the open facts that would decide it."""
    keys = result.basis if result.result.determined else result.deciding
    return _facts_named(case, keys, library)


# -- cards of a case ----------------------------------------------------------------------------


def _path_title(case_title: str, norm: NormResult, labels: Sequence[str]) -> str:
    trail = " › ".join(labels)
    return f"{case_title} · {norm.norm.citation.canonical()}" + (f" · {trail}" if trail else "")


def step_cards(case: Case, result: CaseResult, library: Library, *, case_ref: str | None = None
               ) -> list[Card]:
    """Per examined norm: a card for every Prüfungspunkt the Gutachten examines, in its order,
    then one for the norm's Ergebnis."""
    cards: list[Card] = []
    ref = case_ref or case.id
    for norm_result in result.norms:
        norm = norm_result.norm
        labels_at: dict[tuple[str, ...], str] = {}
        for element_result, found_in, path in steps(norm_result.root, norm):
            owner = found_in or norm
            element = element_result.element
            labels_at[path] = element.label
            trail = [labels_at[path[:i]] for i in range(1, len(path)) if path[:i] in labels_at]
            leaf = element.fact is not None and element.question
            spec = (PromptSpec(Ask.QUESTION, question=element.question or "", roles=case.roles) if leaf
                    else PromptSpec(Ask.ELEMENT, citation=owner.citation.canonical(), label=element.label,
                                    roles=case.roles))
            sources = element.sources or (element_result.referenced_norm.sources
                                          if element_result.referenced_norm is not None else ())
            cards.append(Card(
                id=f"schritt:{ref}:{norm.id}:{'/'.join(path)}",
                kind=CardKind.SCHRITT,
                topic=f"{owner.id}#{element.id}",
                topic_label=f"{owner.citation.canonical()}: {element.label}",
                norm=norm.id,
                title=_path_title(case.title, norm_result, trail),
                prompt=phrase_prompt(spec),
                expected=expected_for(element_result),
                sachverhalt=case.sachverhalt,
                reason=_why(element_result),
                deciding=(() if element_result.fact is not None
                          else deciding_facts(element_result, case, library)),
                sources=fundstellen(sources),
                case=ref,
                path=path,
            ))
        cards.append(norm_card(case, norm_result, library, case_ref=ref, kind=CardKind.ERGEBNIS,
                               sachverhalt=case.sachverhalt, title=f"{case.title} · Ergebnis"))
    return cards


def _culprits(result: ElementResult, wanted: Result) -> list[ElementResult]:
    """The innermost elements that make `result` fail (the first failing requirement, all
    failing alternatives) or stay open, following Verweisungen and the chosen view."""
    if result.fact is not None:
        return [result]
    if result.referenced is not None:
        return _culprits(result.referenced, wanted) or [result]
    if result.dispute is not None:
        chosen = next(o.result for o in result.dispute.outcomes if o.view is result.dispute.chosen)
        return _culprits(chosen, wanted) or [result]
    kids = [c for c in result.children if c.result is wanted and not c.dahinstehen]
    if wanted is Result.NICHT_ERFUELLT and result.element.combine.value == "all_of":
        kids = kids[:1]
    return [x for kid in kids for x in _culprits(kid, wanted)] or [result]


def _norm_reason(norm_result: NormResult) -> str:
    value = norm_result.result
    if value is Result.ERFUELLT:
        tops = ", ".join(c.element.label for c in norm_result.root.children if c.examined)
        return f"Alle Voraussetzungen liegen vor ({tops}); einschlägig ist {norm_result.citation}."
    places = _culprits(norm_result.root, value)
    labels = ", ".join(_quote(r.element.label) for r in places[:3])
    if value is Result.NICHT_ERFUELLT:
        return f"Es fehlt an {labels}." if labels else "Die Voraussetzungen liegen nicht vor."
    return f"Offen bleibt: {labels}." if labels else "Das Ergebnis bleibt offen."


def _applies_reason(norm_result: NormResult) -> str:
    parts = [_norm_reason(norm_result)]
    for displacement in norm_result.displacements:
        status = displacement.status
        if status is not Result.NICHT_ERFUELLT:
            parts.append(f"{norm_result.norm.citation.canonical()} tritt hinter "
                         f"{displacement.dominant_citation} zurück ({displacement.relation.kind.value}): "
                         f"{status.value}.")
    prosecutable = norm_result.prosecutable
    if prosecutable is not None:
        parts.append("Verfolgbarkeit (" + ", ".join(r.element.label for r in norm_result.procedural)
                     + f"): {prosecutable.value}.")
    parts.append(f"Im Ergebnis greift die Norm: {norm_result.applies.value}.")
    return " ".join(parts)


def norm_card(case: Case, norm_result: NormResult, library: Library, *, case_ref: str, kind: CardKind,
              sachverhalt: str, title: str, changes: tuple[tuple[str, str], ...] = (),
              card_id: str | None = None, applies: bool = False) -> Card:
    """Are all requirements of the norm met (a case's Ergebnis)? With `applies`: does the norm
    apply in the end – met, not displaced, prosecutable (a Fallvariante)?"""
    norm = norm_result.norm
    citation = norm.citation.canonical()
    if applies:
        more = (["nicht verdrängt"] if norm_result.displacements else []) + \
            (["verfolgbar"] if norm.procedural else [])
        spec = PromptSpec(Ask.APPLIES, citation=citation, requirements=tuple(more), roles=case.roles)
        expected, reason = answer_of(norm_result.applies), _applies_reason(norm_result)
    else:
        spec = PromptSpec(Ask.NORM, citation=citation, roles=case.roles)
        expected, reason = answer_of(norm_result.result), _norm_reason(norm_result)
    return Card(
        id=card_id or f"ergebnis:{case_ref}:{norm.id}",
        kind=kind,
        topic=norm.id,
        topic_label=f"{citation}: Ergebnis",
        norm=norm.id,
        title=title,
        prompt=phrase_prompt(spec),
        expected=expected,
        sachverhalt=sachverhalt,
        reason=reason,
        deciding=deciding_facts(norm_result, case, library),
        sources=fundstellen(norm.sources),
        case=case_ref,
        changes=changes,
    )


def dispute_results(result: CaseResult) -> Iterator[tuple[NormResult, ElementResult, tuple[str, ...]]]:
    for norm_result in result.norms:
        for element_result, _owner, path in steps(norm_result.root, norm_result.norm):
            if element_result.dispute is not None:
                yield norm_result, element_result, path


def streit_cards(case: Case, result: CaseResult, library: Library) -> list[Card]:
    """Does the Meinungsstreit matter in this case? (The engine evaluates every view.)"""
    cards = []
    for norm_result, element_result, path in dispute_results(result):
        d = element_result.dispute
        assert d is not None
        per_view = "; ".join(
            f"{o.view.label}{' (h.M.)' if o.view.dominant else ''}: {o.result.result.value}"
            for o in d.outcomes)
        reason = (f"Nach den Auffassungen ist {_quote(element_result.element.label)}: {per_view}. "
                  + ("Die Auffassungen führen zu verschiedenen Ergebnissen; der Streit ist zu entscheiden."
                     if d.matters else "Alle Auffassungen kommen zum selben Ergebnis; der Streit kann "
                     "dahinstehen."))
        cards.append(Card(
            id=f"streit:{case.id}:{norm_result.norm.id}:{d.dispute.id}",
            kind=CardKind.STREIT_IM_FALL,
            topic=f"{norm_result.norm.id}#{element_result.element.id}",
            topic_label=f"{norm_result.norm.citation.canonical()}: {element_result.element.label} "
                        "(Meinungsstreit)",
            norm=norm_result.norm.id,
            title=f"{case.title} · {norm_result.norm.citation.canonical()} · Meinungsstreit",
            prompt=phrase_prompt(PromptSpec(Ask.STREIT_MATTERS, question=d.dispute.question,
                                            roles=case.roles)),
            options=YES_NO,
            expected="ja" if d.matters else "nein",
            sachverhalt=case.sachverhalt,
            reason=reason,
            deciding=deciding_facts(element_result, case, library),
            sources=fundstellen([s for v in d.dispute.views for s in v.sources]),
            case=case.id,
            path=path,
        ))
    return cards


def konkurrenz_cards(case: Case, result: CaseResult, library: Library) -> list[Card]:
    """Does an examined norm yield to another (Gesetzeskonkurrenz, Sperrwirkung …)?"""
    cards = []
    for norm_result in result.norms:
        for displacement in norm_result.displacements:
            relation = displacement.relation
            citation = norm_result.norm.citation.canonical()
            reason = f"{relation.kind.value}: {' '.join(relation.explanation.split())}"
            if displacement.status is not Result.ERFUELLT:
                reason += (f" Im Fall ist das {displacement.status.value}: "
                           + ("die Voraussetzungen stehen nicht fest."
                              if displacement.status is Result.OFFEN
                              else "die Voraussetzungen des Zurücktretens liegen nicht vor."))
            deciding: tuple[str, ...] = ()
            if displacement.condition is not None:
                deciding = deciding_facts(displacement.condition, case, library)
            cards.append(Card(
                id=f"konkurrenz:{case.id}:{norm_result.norm.id}:{relation.yields_to}",
                kind=CardKind.KONKURRENZ,
                topic=f"{norm_result.norm.id}>{relation.yields_to}",
                topic_label=f"{citation}: {relation.kind.value} gegenüber {displacement.dominant_citation}",
                norm=norm_result.norm.id,
                title=f"{case.title} · Konkurrenzen",
                prompt=phrase_prompt(PromptSpec(Ask.YIELDS, citation=citation,
                                                other_citation=displacement.dominant_citation,
                                                roles=case.roles)),
                expected=answer_of(displacement.status),
                sachverhalt=case.sachverhalt,
                reason=reason,
                deciding=deciding,
                sources=fundstellen(relation.sources),
                case=case.id,
            ))
    return cards


_PROSECUTABLE = {Result.ERFUELLT: "verfolgbar", Result.NICHT_ERFUELLT: "nicht verfolgbar",
                 Result.OFFEN: "möglicherweise verfolgbar; das steht nicht fest"}


def verfolgbarkeit_cards(case: Case, result: CaseResult, library: Library) -> list[Card]:
    """Is the offence prosecutable (Strafantrag, Ermächtigung)? Asked where the Tatbestand is
    not already failed."""
    cards = []
    for norm_result in result.norms:
        prosecutable = norm_result.prosecutable
        if prosecutable is None:
            continue
        citation = norm_result.norm.citation.canonical()
        labels = tuple(r.element.label for r in norm_result.procedural)
        parts = "; ".join(f"{r.element.label}: {r.result.value}" for r in norm_result.procedural)
        deciding = tuple(f for r in norm_result.procedural for f in deciding_facts(r, case, library))
        cards.append(Card(
            id=f"verfolgbarkeit:{case.id}:{norm_result.norm.id}",
            kind=CardKind.VERFOLGBARKEIT,
            topic=f"{norm_result.norm.id}#verfolgbarkeit",
            topic_label=f"{citation}: Verfolgbarkeit",
            norm=norm_result.norm.id,
            title=f"{case.title} · {citation} · Verfolgbarkeit",
            prompt=phrase_prompt(PromptSpec(Ask.PROSECUTABLE, citation=citation, requirements=labels,
                                            roles=case.roles)),
            expected=answer_of(prosecutable),
            sachverhalt=case.sachverhalt,
            reason=f"{parts}. Die Tat ist damit {_PROSECUTABLE[prosecutable]}.",
            deciding=deciding,
            sources=fundstellen([s for r in norm_result.procedural for s in r.element.sources]),
            case=case.id,
        ))
    return cards


def variant_cards(case: Case, library: Library) -> list[Card]:
    """The hand-written variants of the case file and the generated Fallvarianten, each solved
    by the engine: are the requirements of each examined norm met?"""
    from lawkit.training.variants import generate_variants

    cards: list[Card] = []
    for variant in case.variants:
        ref = f"{case.id}.{variant.id}"
        changed = case.variant(variant.id)
        solved = check(changed, library)
        told = " ".join(f.note for f in variant.facts.values())
        if variant.views:
            told += " " + " ".join(f"Folgen Sie im Streit {d!r} der Auffassung {v!r}."
                                   for d, v in variant.views.items())
        text = f"{case.sachverhalt.strip()}\n\nAbwandlung „{variant.title}“: {told.strip()}"
        for norm_result in solved.norms:
            cards.append(norm_card(changed, norm_result, library, case_ref=ref, kind=CardKind.FALLVARIANTE,
                                   sachverhalt=text, title=f"{case.title} · Abwandlung: {variant.title}",
                                   card_id=f"abwandlung:{ref}:{norm_result.norm.id}", applies=True))
    for generated in generate_variants(case, library):
        changed = generated.apply(case)
        for norm_result in generated.result.norms:
            cards.append(norm_card(changed, norm_result, library, case_ref=case.id,
                                   kind=CardKind.FALLVARIANTE, sachverhalt=generated.text,
                                   title=f"{case.title} · Fallvariante",
                                   changes=tuple((k, a.value) for k, a in generated.changes),
                                   card_id=f"fallvariante:{generated.id}:{norm_result.norm.id}",
                                   applies=True))
    return cards


def case_cards(case: Case, library: Library) -> list[Card]:
    """Every card of one case, in the order a student learns it."""
    result = check(case, library)
    return [*step_cards(case, result, library), *streit_cards(case, result, library),
            *konkurrenz_cards(case, result, library), *verfolgbarkeit_cards(case, result, library),
            *variant_cards(case, library)]


# -- cards of a norm ----------------------------------------------------------------------------


def _reachable_elements(norm: Norm) -> list[Element]:
    return list(norm.elements())


def definition_cards(norm: Norm) -> list[Card]:
    citation = norm.citation.canonical()
    cards = []
    seen: set[str] = set()
    for element in _reachable_elements(norm):
        if not element.definition or element.id in seen:
            continue
        seen.add(element.id)
        cards.append(Card(
            id=f"definition:{norm.id}:{element.id}",
            kind=CardKind.DEFINITION,
            topic=f"{norm.id}#{element.id}",
            topic_label=f"{citation}: {element.label}",
            norm=norm.id,
            title=f"{citation} – {norm.title}",
            prompt=phrase_prompt(PromptSpec(Ask.DEFINITION, citation=citation, label=element.label)),
            options=(),
            back=" ".join(element.definition.split()),
            sources=fundstellen(element.sources),
        ))
    return cards


def _disputes(norm: Norm) -> list[tuple[Element, Dispute]]:
    return [(e, e.dispute) for e in _reachable_elements(norm) if e.dispute is not None]


def meinungsstreit_cards(norm: Norm) -> list[Card]:
    citation = norm.citation.canonical()
    cards = []
    for element, dispute in _disputes(norm):
        views = []
        for view in dispute.views:
            who = f" ({view.holder})" if view.holder else ""
            mark = " – herrschende Meinung" if view.dominant else ""
            views.append(f"{view.label}{who}{mark}: {' '.join(view.position.split())}")
        cards.append(Card(
            id=f"meinungsstreit:{norm.id}:{dispute.id}",
            kind=CardKind.MEINUNGSSTREIT,
            topic=f"{norm.id}#{element.id}",
            topic_label=f"{citation}: {element.label} (Meinungsstreit)",
            norm=norm.id,
            title=f"{citation} – {element.label}",
            prompt=phrase_prompt(PromptSpec(Ask.VIEWS, citation=citation, label=element.label,
                                            question=dispute.question)),
            options=(),
            back="\n".join(views),
            sources=fundstellen([s for v in dispute.views for s in v.sources]),
        ))
    return cards


# -- the whole library --------------------------------------------------------------------------


def case_order(library: Library) -> list[str]:
    known = [c for c in CURRICULUM if c in library.case_files]
    return known + sorted(c for c in library.case_files if c not in known)


def library_cards(library: Library | None = None) -> tuple[Card, ...]:
    """Every card of the library, in learning order: the shipped cases in workbook order, each
    with its steps, where a definition or Meinungsstreit card of an element follows the step
    that first examines it, then the case's other cards; norms no case examines come last."""
    library = library or default_library()
    if library is _default():
        return _default_cards()
    return _build(library)


def _build(library: Library) -> tuple[Card, ...]:
    norm_cards: dict[str, list[Card]] = {}  # topic -> definition and Meinungsstreit cards
    for norm in library.norms.values():
        for card in definition_cards(norm) + meinungsstreit_cards(norm):
            norm_cards.setdefault(card.topic, []).append(card)
    cards: list[Card] = []
    for case_id in case_order(library):
        for card in case_cards(library.case(case_id), library):
            cards.append(card)
            if card.kind is CardKind.SCHRITT:
                cards.extend(norm_cards.pop(card.topic, []))
    for rest in norm_cards.values():
        cards.extend(rest)
    ids = [c.id for c in cards]
    assert len(ids) == len(set(ids)), "card ids must be unique"
    return tuple(cards)


def _norms_reached(library: Library, norm_id: str) -> list[str]:
    out = [norm_id]
    i = 0
    while i < len(out):
        for element in library.norm(out[i]).elements():
            if element.ref is not None:
                target = element.ref.partition("#")[0]
                if target not in out:
                    out.append(target)
        i += 1
    return out


@lru_cache(maxsize=1)
def _default() -> Library:
    return default_library()


@lru_cache(maxsize=1)
def _default_cards() -> tuple[Card, ...]:
    return _build(_default())
