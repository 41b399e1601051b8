"""The Darstellung, per Prüfungspunkt (prüfungsspezifisch, BVerwG 6 B 71.17, Rn. 10).

Gutachtenstil: Obersatz (Konjunktiv: "könnte", "müsste", "fraglich ist"), Definition (compared
with the element's definition in the library), Subsumtion (compared with the facts of the
Sachverhalt: the case's fact notes), Ergebnis ("somit", "also", "folglich", "damit"). Urteilsstil
(result first, then "denn"/"weil") is fine for an unproblematic point and noted where the point is
a problem of the case. A Meinungsstreit: the views named and, where they lead to different
results, a Stellungnahme with a reason. Schwerpunktsetzung: words spent on the problems of the
case against the unproblematic points. Contradictions between the text's own conclusions.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from statistics import median
from typing import TYPE_CHECKING

from lawkit.model.logic import Result
from lawkit.reading import markers as mk
from lawkit.reading.lexicon import content_keys
from lawkit.reading.model import (
    Conclusion,
    ElementReading,
    NormReading,
    Reading,
    Span,
    StyleKind,
    StyleNote,
)

if TYPE_CHECKING:
    from lawkit.evaluation.results import CaseResult
    from lawkit.model.case import Fact
    from lawkit.reading.reader import Context, Unit
    from lawkit.reading.text import Sentence

_SIGN = re.compile(r"\((?:\+|-|–|−)\)")
DEFINITION_OVERLAP = 0.3  # share of the library definition's keywords a student's definition should use
SUBSUMTION_OVERLAP = 2  # content words shared with the case's fact notes


def style_notes(reading: Reading, ctx: Context, views: Mapping[str, str]
                ) -> tuple[tuple[StyleNote, ...], tuple[str, ...]]:
    """The margin notes, and the problems of the case ("norm#element", sorted)."""
    checked = _check(ctx, views)
    problems = _problems(ctx, checked)
    notes: list[StyleNote] = []
    for norm in reading.norms:
        for element in norm.elements:
            unit = ctx.units.get((element.norm, element.element))
            if unit is None:
                continue
            notes.extend(_point(ctx, element, unit, checked, (element.norm, element.element) in problems))
    notes.extend(_contradictions(reading, ctx))
    notes.extend(_schwerpunkt(reading, problems))
    notes.extend(_foreign_facts(ctx))
    return tuple(notes), tuple(sorted(f"{n}#{e}" for n, e in problems))


def _check(ctx: Context, views: Mapping[str, str]) -> CaseResult | None:
    if ctx.case is None:
        return None
    from lawkit.evaluation.evaluate import check

    try:
        return check(ctx.case, ctx.library, views=views)
    except Exception:
        ctx.messages.append("Der Sachverhalt ließ sich nicht prüfen; Subsumtion und Schwerpunkte "
                            "werden nicht mit ihm verglichen.")
        return None


def _problems(ctx: Context, checked: CaseResult | None) -> set[tuple[str, str]]:
    """Problems of the case: a Meinungsstreit that matters, an open or negative result."""
    out: set[tuple[str, str]] = set()
    if checked is None:
        return out
    for norm_result in checked.norms:
        for result in norm_result.root.walk()[1:]:
            if not result.examined:
                continue
            element = result.element
            if result.dispute is not None and result.dispute.matters:
                out.add((norm_result.norm.id, element.id))
            leaf = not result.element.children
            if result.result is not Result.ERFUELLT and not result.dahinstehen and leaf:
                out.add((norm_result.norm.id, element.id))
    return out


def _facts_of(ctx: Context, norm_id: str, element_id: str) -> frozenset[str]:
    """The content words of the case's fact notes for this element and everything below it."""
    if ctx.case is None:
        return frozenset()
    norm = ctx.library.norms.get(norm_id)
    element = norm.find(element_id) if norm else None
    if element is None:
        return frozenset()
    keys: set[str] = set()
    stack = [element]
    seen: set[str] = set()
    while stack:
        current = stack.pop()
        fact = ctx.case.facts.get(current.fact) if current.fact else None
        if fact is not None and _from_sachverhalt(fact):
            keys |= content_keys(fact.note)
        stack.extend(current.children)
        if current.dispute is not None:
            stack.extend(v.requirement for v in current.dispute.views)
        if current.ref and current.ref not in seen:
            seen.add(current.ref)
            with contextlib.suppress(Exception):  # a Verweisung outside the library: no facts
                stack.append(ctx.library.resolve(current.ref)[1])
    if not keys:  # nothing the Sachverhalt says about this point: no Subsumtion to expect
        return frozenset()
    for role in ctx.case.roles.values():
        keys |= content_keys(str(role))  # the name as the Sachverhalt writes it
    return frozenset(keys)


_NOTHING = re.compile(r"nicht ersichtlich|Anhaltspunkte|nicht bekannt", re.IGNORECASE)


def _from_sachverhalt(fact: Fact) -> bool:
    """A fact the Sachverhalt states (with its place), not the absence of anything ("Ein
    Rechtfertigungsgrund ist nicht ersichtlich"): only such facts can be subsumed."""
    return fact.source is not None or not _NOTHING.search(fact.note)


def _point(ctx: Context, element: ElementReading, unit: Unit, checked: CaseResult | None,
           problem: bool) -> list[StyleNote]:
    notes: list[StyleNote] = []
    norm, eid = element.norm, element.element
    sentences = [ctx.sentences[i] for i in sorted(unit.sentences)]
    body = [s for s in sentences if not s.heading]
    if not body and unit.statements:  # "1. Geheimnis (+): nur GF wissen davon" – a numbered telegram line
        body = sentences
    if not body:
        return notes
    roles = [unit.roles.get(s.index, set()) for s in body]
    first = body[0]
    texts = [ctx.sentence_text(s) for s in body]
    # telegram style: the point's result is a sign ("Geheimnis (+)"), or every sentence is a
    # fragment of a few words around a conclusion marker and an "=" or "→" stands for the argument
    telegram = any(_SIGN.fullmatch(st.marker.strip()) for st in unit.statements) or (
        all(len(t.split()) <= 8 for t in texts) and any(mk.find_markers(t, 0, len(t)) for t in texts)
        and any("=" in t or "→" in t for t in texts))
    span = Span(first.start, first.end)
    vocab = ctx.vocab[norm].element(eid)
    wider = _with_descendants(ctx, norm, eid, body)
    if telegram:  # "Geheimnis (+)": no Obersatz, no definition; the facts may still be there
        notes.append(StyleNote(StyleKind.TELEGRAMM, "Telegrammstil", (span,), norm, eid))
        if vocab is not None and vocab.definition:
            notes.append(StyleNote(StyleKind.DEFINITION_FEHLT, "Definition?", (span,), norm, eid, 0.8))
        notes.extend(_subsumtion(ctx, norm, eid, wider, span))
        return notes
    obersatz = [s for s, r in zip(body, roles, strict=True) if "obersatz" in r]
    first_marked = (unit.statements and unit.statements[0].span.start <= first.end
                    and "obersatz" not in roles[0])
    if obersatz:
        notes.append(StyleNote(StyleKind.OBERSATZ, "Obersatz", (Span(obersatz[0].start, obersatz[0].end),),
                               norm, eid))
    elif first_marked and mk.CAUSAL.search(texts[0] + (texts[1] if len(texts) > 1 else "")):
        kind = StyleKind.URTEILSSTIL_BEI_PROBLEM if problem else StyleKind.URTEILSSTIL
        text = "Urteilsstil beim Problem – hier Gutachtenstil!" if problem else "Urteilsstil (vertretbar)"
        notes.append(StyleNote(kind, text, (span,), norm, eid))
    elif (len(body) >= 2 or problem) and not _covered(ctx, norm, eid, roles[0]):
        notes.append(StyleNote(StyleKind.OBERSATZ_FEHLT, "Obersatz fehlt", (span,), norm, eid, 0.7))
    definitions = [s for s in wider if "definition" in _all_roles(ctx, s.index)]
    if vocab is not None and vocab.definition:
        best = 0.0
        best_sentence = None
        for s in wider:
            overlap = len(content_keys(ctx.sentence_text(s)) & vocab.definition) / len(vocab.definition)
            if overlap > best:
                best, best_sentence = overlap, s
        if best >= DEFINITION_OVERLAP and best_sentence is not None:
            where = (Span(best_sentence.start, best_sentence.end),)
            notes.append(StyleNote(StyleKind.DEFINITION, "Definition", where, norm, eid,
                                   round(min(1.0, best + 0.3), 2)))
        elif definitions:
            s = definitions[0]
            notes.append(StyleNote(StyleKind.DEFINITION_ABWEICHEND, "Definition ungenau",
                                   (Span(s.start, s.end),), norm, eid, 0.6))
        else:
            notes.append(StyleNote(StyleKind.DEFINITION_FEHLT, "Definition?", (span,), norm, eid, 0.8))
    notes.extend(_subsumtion(ctx, norm, eid, wider, span))
    ergebnis = [st for st in unit.statements if st.explicit]
    if ergebnis:
        mark = element.conclusion.mark if element.conclusion else "Ergebnis"
        notes.append(StyleNote(StyleKind.ERGEBNIS, mark,
                               (ergebnis[-1].span,), norm, eid))
    elif element.conclusion is None and not element.unsure:
        notes.append(StyleNote(StyleKind.ERGEBNIS_FEHLT, "Ergebnis?", (Span(body[-1].start, body[-1].end),),
                               norm, eid, 0.7))
    notes.extend(_streit(ctx, element, unit, body, checked))
    return notes


def _subsumtion(ctx: Context, norm: str, eid: str, wider: list[Sentence], span: Span) -> list[StyleNote]:
    """ "Subsumtion" where a sentence of the point uses the facts of the Sachverhalt, else "SV!"."""
    facts = _facts_of(ctx, norm, eid)
    if not facts:
        return []
    used = [s for s in wider if len(content_keys(ctx.sentence_text(s)) & facts) >= SUBSUMTION_OVERLAP]
    if used:
        return [StyleNote(StyleKind.SUBSUMTION, "Subsumtion", (Span(used[0].start, used[0].end),), norm, eid)]
    return [StyleNote(StyleKind.SUBSUMTION_FEHLT, "SV!", (span,), norm, eid, 0.7)]


def _covered(ctx: Context, norm_id: str, element_id: str, first_roles: set[str]) -> bool:
    """A sub-point needs no Obersatz of its own where it opens with a definition or where a
    point above it has one ("R müsste das Geheimnis unbefugt offenbart haben" covers Offenbaren)."""
    if "definition" in first_roles:
        return True
    norm = ctx.library.norms.get(norm_id)
    if norm is None:
        return False
    for (n, e), unit in ctx.units.items():
        if n != norm_id or e == element_id:
            continue
        element = norm.find(e)
        if element is None or element_id not in {x.id for x in element.walk()[1:]}:
            continue
        if any("obersatz" in roles for roles in unit.roles.values()):
            return True
    return False


def _with_descendants(ctx: Context, norm_id: str, element_id: str, body: list[Sentence]) -> list[Sentence]:
    """The sentences of a Prüfungspunkt and of the points below it (a definition or the facts
    may sit in a sub-point: "Offenbaren ist …" under "Unbefugtes Offenbaren")."""
    norm = ctx.library.norms.get(norm_id)
    element = norm.find(element_id) if norm else None
    if element is None:
        return body
    below = {(norm_id, e.id) for e in element.walk()[1:]}
    for e in element.walk():
        if e.ref and "#" not in e.ref and e.ref in ctx.library.norms:
            below |= {(e.ref, x.id) for x in ctx.library.norm(e.ref).elements()}
    indices = {s.index for s in body}
    for key, unit in ctx.units.items():
        if key in below:
            indices.update(unit.sentences)
    return [ctx.sentences[i] for i in sorted(indices) if not ctx.sentences[i].heading]


def _all_roles(ctx: Context, index: int) -> set[str]:
    out: set[str] = set()
    for unit in ctx.units.values():
        out |= unit.roles.get(index, set())
    return out


def _streit(ctx: Context, element: ElementReading, unit: Unit, body: list[Sentence],
            checked: CaseResult | None) -> list[StyleNote]:
    vocab = ctx.vocab[element.norm]
    norm = ctx.library.norms.get(element.norm)
    disputed = None
    if norm is not None:
        for candidate in norm.elements():
            if candidate.dispute is None:
                continue
            ids = {e.id for e in candidate.walk()}
            if element.element in ids:
                disputed = candidate
                break
    if disputed is None or (disputed.id != element.element and (element.norm, disputed.id) in ctx.units):
        return []
    from lawkit.reading.reader import phrases_in

    # the whole section may argue the Streit: look at every sentence of the unit and its children
    sentences = list(body)
    for (n, e), other in ctx.units.items():
        if n == element.norm and e != element.element and e in {x.id for x in disputed.walk()}:
            sentences += [ctx.sentences[i] for i in other.sentences]
    named: list[str] = []
    assert disputed.dispute is not None  # found above as the element with the Meinungsstreit
    for view in disputed.dispute.views:
        if any(phrases_in(ctx, s, vocab.views.get(view.id, ())) for s in sentences):
            named.append(view.id)
    streit = any(mk.STREIT.search(ctx.sentence_text(s)) for s in sentences)
    matters = False
    if checked is not None:
        for norm_result in checked.norms:
            result = norm_result.root.find(disputed.id) if norm_result.norm.id == element.norm else None
            if result is not None and result.dispute is not None:
                matters = result.dispute.matters
    span = (Span(body[0].start, body[0].end),)
    notes: list[StyleNote] = []
    dahin_any = any(m.kind is mk.Kind.DAH for s in sentences
                    for m in mk.find_markers(ctx.text, s.start, s.end))
    if len(named) >= 2 or (streit and (named or dahin_any)):
        notes.append(StyleNote(StyleKind.STREIT_DARGESTELLT, "Streit dargestellt", span, element.norm,
                               element.element))
        stellung = [s for s in sentences if mk.STELLUNGNAHME.search(ctx.sentence_text(s))]
        dahin = any(mk.find_markers(ctx.sentence_text(s), 0, len(ctx.sentence_text(s))) and
                    any(m.kind is mk.Kind.DAH for m in mk.find_markers(ctx.sentence_text(s), 0,
                                                                       len(ctx.sentence_text(s))))
                    for s in sentences)
        if dahin and not matters:
            notes.append(StyleNote(StyleKind.STREIT_DAHINSTEHEN, "Streit kann dahinstehen", span,
                                   element.norm, element.element))
        elif stellung and any(mk.REASON.search(ctx.sentence_text(s)) for s in stellung):
            s = stellung[0]
            notes.append(StyleNote(StyleKind.STELLUNGNAHME, "Stellungnahme", (Span(s.start, s.end),),
                                   element.norm, element.element))
        elif matters:
            notes.append(StyleNote(StyleKind.STELLUNGNAHME_FEHLT, "Stellungnahme fehlt", span,
                                   element.norm, element.element, 0.75))
    elif matters:
        notes.append(StyleNote(StyleKind.STREIT_FEHLT, "Meinungsstreit?", span, element.norm,
                               element.element, 0.7))
    return notes


def _where(ctx: Context, span: Span) -> str:
    from lawkit.reading.confirm import place_of

    return place_of(ctx.blocks, span.start)


def _contradictions(reading: Reading, ctx: Context) -> list[StyleNote]:
    notes: list[StyleNote] = []
    for norm in reading.norms:
        for element in norm.elements:
            explicit = [s for s in element.statements if s.explicit]
            conclusions = {s.conclusion for s in explicit} - {Conclusion.DAHINSTEHEN}
            if len(conclusions) > 1:
                first, last = explicit[0], explicit[-1]
                notes.append(StyleNote(StyleKind.WIDERSPRUCH, f"Widerspruch zu {_where(ctx, first.span)}",
                                       (last.span, first.span), norm.norm, element.element))
        notes.extend(_norm_contradictions(reading, ctx, norm))
    return notes


def _norm_contradictions(reading: Reading, ctx: Context, norm: NormReading) -> list[StyleNote]:
    notes: list[StyleNote] = []
    model = ctx.norms[norm.norm]
    top = {c.id for c in model.root.children}
    denied = [e for e in norm.elements if e.element in top and e.conclusion is Conclusion.NICHT_ERFUELLT]
    affirmed = norm.conclusion is Conclusion.ERFUELLT and norm.statements
    if affirmed and denied:
        where = denied[0].statements[-1].span if denied[0].statements else denied[0].spans[0]
        notes.append(StyleNote(StyleKind.WIDERSPRUCH, f"Widerspruch zu {_where(ctx, where)}",
                               (norm.statements[-1].span, where), norm.norm, None))
    gesamt = reading.gesamtergebnis
    if gesamt is not None:
        tatbestand_denied = norm.conclusion is Conclusion.NICHT_ERFUELLT
        if norm.norm in gesamt.applies and tatbestand_denied:
            where = norm.statements[-1].span if norm.statements else (
                denied[0].statements[-1].span if denied and denied[0].statements else norm.opened_by)
            notes.append(StyleNote(StyleKind.WIDERSPRUCH, f"Widerspruch zu {_where(ctx, where)}",
                                   (gesamt.spans[-1], where), norm.norm, None))
        yielded = any(k.norm == norm.norm for k in reading.konkurrenzen)
        if norm.norm in gesamt.applies and yielded:
            k = next(k for k in reading.konkurrenzen if k.norm == norm.norm)
            notes.append(StyleNote(StyleKind.WIDERSPRUCH, f"Widerspruch zu {_where(ctx, k.span)}",
                                   (gesamt.spans[-1], k.span), norm.norm, None))
    return notes


def _schwerpunkt(reading: Reading, problems: set[tuple[str, str]]) -> list[StyleNote]:
    if not problems:
        return []
    easy: list[int] = []
    hard: list[ElementReading] = []
    for norm in reading.norms:
        for element in norm.elements:
            if (element.norm, element.element) in problems:
                hard.append(element)
            elif element.words:
                easy.append(element.words)
    notes = []
    typical = median(easy) if easy else 0
    for element in hard:
        if element.words and typical and element.words < typical:
            notes.append(StyleNote(StyleKind.SCHWERPUNKT,
                                   f"Schwerpunkt! {element.words} Wörter beim Problem, sonst im Mittel "
                                   f"{int(typical)}", element.spans[:1], element.norm, element.element, 0.7))
    return notes


def _foreign_facts(ctx: Context) -> list[StyleNote]:
    """Amounts the Sachverhalt does not mention (e.g. "10.000 Euro" where it says 5 000 Euro)."""
    if ctx.case is None:
        return []
    known = {_digits(m.group(0)) for m in mk.AMOUNT.finditer(ctx.case.sachverhalt)}
    notes = []
    for match in mk.AMOUNT.finditer(ctx.text):
        if _digits(match.group(0)) not in known:
            notes.append(StyleNote(StyleKind.SV_FREMD, "SV-fremd?", (Span(match.start(), match.end()),),
                                   None, None, 0.8))
    return notes


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())
