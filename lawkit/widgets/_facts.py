"""The fact panel's content (no ipywidgets): which question belongs to which norm and
Prüfungspunkt, the Sachverhalt paragraphs a fact cites, and the fact a changed answer gives."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawkit.loading.library import Library
from lawkit.model.case import Case, Fact
from lawkit.model.logic import Answer
from lawkit.model.norm import Element, Norm

ASSUMED_PREFIX = "Abweichend vom Sachverhalt angenommen:"


@dataclass(frozen=True, slots=True)
class FactEntry:
    key: str
    question: str
    also: tuple[str, ...]  # "§ 204 Abs. 1 StGB – Tatbestand": other places where it matters


@dataclass(frozen=True, slots=True)
class FactPoint:
    """A Prüfungspunkt (Tatbestand, Rechtswidrigkeit, Verfolgbarkeit …) and its questions."""

    label: str
    facts: tuple[FactEntry, ...]


@dataclass(frozen=True, slots=True)
class NormFacts:
    norm_id: str
    heading: str  # "§ 203 Abs. 2 S. 1 StGB – Verletzung von Privatgeheimnissen"
    points: tuple[FactPoint, ...]


def _keys(element: Element, library: Library, seen_refs: set[str]) -> list[str]:
    """The fact keys below an element, following Verweisungen (each once) and all views."""
    out: list[str] = []
    for item in element.walk():
        if item.fact is not None:
            out.append(item.fact)
        if item.ref is not None and item.ref not in seen_refs:
            seen_refs.add(item.ref)
            _, target = library.resolve(item.ref)
            out.extend(_keys(target, library, seen_refs))
    return out


def _points(norm: Norm, library: Library) -> list[tuple[str, list[str]]]:
    """(Prüfungspunkt label, fact keys) in the order of the Prüfungsschema."""
    points: list[tuple[str, list[str]]] = []
    seen_refs: set[str] = set()
    top = norm.root.children or (norm.root,)
    for element in top:
        points.append((element.label, _keys(element, library, seen_refs)))
    procedural = [k for e in norm.procedural for k in _keys(e, library, seen_refs)]
    if procedural:
        points.append(("Verfolgbarkeit", procedural))
    conditions = [k for r in norm.relations if r.condition is not None
                  for k in _keys(r.condition, library, seen_refs)]
    if conditions:
        points.append(("Konkurrenzen", conditions))
    return points


def fact_groups(case: Case, library: Library) -> tuple[NormFacts, ...]:
    """The case's questions grouped by examined norm and Prüfungspunkt; a question asked by
    several norms (or points) appears once, at its first place, and names the others."""
    places: dict[str, list[tuple[str, str]]] = {}  # key -> [(norm id, "citation – point")]
    layout: list[tuple[Norm, list[tuple[str, list[str]]]]] = []
    for examination in case.examinations:
        norm = library.norm(examination.norm)
        points = _points(norm, library)
        layout.append((norm, points))
        for label, keys in points:
            for key in dict.fromkeys(keys):
                where = places.setdefault(key, [])
                if not any(n == norm.id for n, _ in where):
                    where.append((norm.id, f"{norm.citation.canonical()} – {label}"))
    questions = library.questions([e.norm for e in case.examinations])
    placed: set[str] = set()
    out = []
    for norm, points in layout:
        groups = []
        for label, keys in points:
            entries = []
            for key in dict.fromkeys(keys):
                if key in placed or key not in case.facts:
                    continue
                placed.add(key)
                also = tuple(where for _, where in places[key][1:])
                entries.append(FactEntry(key, questions[key].text if key in questions else key, also))
            if entries:
                groups.append(FactPoint(label, tuple(entries)))
        out.append(NormFacts(norm.id, f"{norm.citation.canonical()} – {norm.title}", tuple(groups)))
    return tuple(out)


def paragraphs(sachverhalt: str) -> tuple[str, ...]:
    """The Sachverhalt's paragraphs (split at blank lines, lines joined)."""
    return tuple(" ".join(block.split()) for block in re.split(r"\n\s*\n", sachverhalt.strip())
                 if block.strip())


_SV = re.compile(r"SV\s+Abs\.\s*([0-9][0-9\s,und–-]*)")


def cited_paragraphs(source: str | None) -> tuple[int, ...]:
    """The paragraph numbers a fact's source names as "SV Abs. N" ("SV Abs. 1 und 2" → 1, 2)."""
    if not source:
        return ()
    numbers: list[int] = []
    for match in _SV.finditer(source):
        numbers += [int(n) for n in re.findall(r"\d+", match.group(1)) if int(n) not in numbers]
    return tuple(numbers)


def changed_fact(original: Case, key: str, answer: Answer, question: str) -> Fact:
    """The fact for a changed answer: the case's own fact if the answer is the Sachverhalt's,
    else a variant's fact with that answer (its note fits the answer), else an assumed fact
    that says it departs from the Sachverhalt (so the Gutachten never subsumes a note that
    contradicts the answer)."""
    fact = original.facts[key]
    if fact.answer is answer:
        return fact
    for variant in original.variants:
        candidate = variant.facts.get(key)
        if candidate is not None and candidate.answer is answer:
            return candidate
    # The Gutachten words a departure from the Sachverhalt itself, from the element's phrase
    # ("Abweichend vom Sachverhalt wird unterstellt, dass R nicht vorsätzlich handelte"); the
    # note only names the answer for the fact panel (never the question).
    note = f"{ASSUMED_PREFIX} {answer.value}"
    return Fact(key, answer, note, None, assumed=True, departs=True)
