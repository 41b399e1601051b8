"""`read_gutachten`: read a student's prose Gutachten against the exercise's norms.

The steps, each explainable by the words it rests on:

1. segment the text (headings, paragraphs, sentences; lawkit.reading.text);
2. find the norms examined: a heading or an Obersatz that cites (lawkit.citations) or names a
   norm of the exercise opens its section; a mere mention inside another norm's section does
   not (§ 204 StGB refers to § 203 StGB, § 203 StGB needs § 205 StGB);
3. within each section, the elements discussed, from each element's vocabulary (lemmatised):
   a heading or an Obersatz sets the Prüfungspunkt, and the sentences that follow belong to it
   until the text turns to another one;
4. the student's conclusions: markers ("liegt vor", "(+)", "scheidet aus", "kann dahinstehen",
   "bleibt offen" …) bound to the element they follow, or a plain assertion ("R handelte
   vorsätzlich"), with negation counted in the clause;
5. the Konkurrenzen and the Gesamtergebnis; then the Darstellung (lawkit.reading.style).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from lawkit.loading.library import Library
from lawkit.model.case import Case
from lawkit.model.norm import Norm, NormKind
from lawkit.reading import markers as mk
from lawkit.reading.citing import NormCitation, norm_citations
from lawkit.reading.lexicon import Phrase, Token, find_phrase, keys_of, tokenize
from lawkit.reading.model import (
    Conclusion,
    ElementReading,
    Gesamtergebnis,
    KonkurrenzReading,
    NormReading,
    Reading,
    Span,
    Statement,
)
from lawkit.reading.sources import ProseDocument, prose_text
from lawkit.reading.text import Block, Sentence, segment
from lawkit.reading.vocabulary import ElementVocabulary, NormVocabulary, vocabularies_for

MIN_CONFIDENCE = 0.5  # below this, a conclusion is reported as "nicht sicher erkannt"
GESAMT = "#gesamt"
KONKURRENZ = "#konkurrenz"


@dataclass(frozen=True, slots=True)
class Mention:
    norm: str
    element: str
    start: int
    end: int
    first: int  # token index range [first, last)
    last: int
    weak: bool
    inverse: bool
    depth: int


@dataclass(slots=True)
class Unit:
    """The passages of one Prüfungspunkt (internal, filled while reading)."""

    norm: str
    element: str
    sentences: list[int] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    roles: dict[int, set[str]] = field(default_factory=dict)  # sentence index -> roles
    opened_by: str = "mention"  # heading | obersatz | definition | marker | mention


@dataclass(slots=True)
class Context:
    """Everything the steps share (internal)."""

    text: str
    blocks: tuple[Block, ...]
    sentences: list[Sentence]
    norms: dict[str, Norm]
    vocab: dict[str, NormVocabulary]
    library: Library
    case: Case | None
    citations: list[NormCitation]
    citation_spans: list[tuple[int, int]]
    tokens: dict[int, tuple[Token, ...]] = field(default_factory=dict)
    present: dict[int, frozenset[str]] = field(default_factory=dict)
    mention_cache: dict[tuple[int, str], list[Mention]] = field(default_factory=dict)
    refs_cache: dict[str, set[str]] = field(default_factory=dict)
    whole_refs_cache: dict[str, list[str]] = field(default_factory=dict)
    region: dict[int, str | None] = field(default_factory=dict)
    units: dict[tuple[str, str], Unit] = field(default_factory=dict)
    section_spans: dict[str, list[Span]] = field(default_factory=dict)
    opened: dict[str, Span] = field(default_factory=dict)
    norm_statements: dict[str, list[Statement]] = field(default_factory=dict)
    applies_statements: dict[str, list[Statement]] = field(default_factory=dict)
    konkurrenzen: list[KonkurrenzReading] = field(default_factory=list)
    konkurrenz_sentences: set[int] = field(default_factory=set)
    inverse_topic: bool = False  # the current Prüfungspunkt was named by an inverse term
    messages: list[str] = field(default_factory=list)

    def sentence_text(self, s: Sentence) -> str:
        return self.text[s.start:s.end]

    def sentence_tokens(self, s: Sentence) -> tuple[Token, ...]:
        tokens = self.tokens.get(s.index)
        if tokens is None:
            inside = [(cs, ce) for cs, ce in self.citation_spans if cs < s.end and s.start < ce]
            tokens = tuple(t for t in tokenize(self.text, s.start, s.end)
                           if not any(cs <= t.start < ce for cs, ce in inside))
            self.tokens[s.index] = tokens
            self.present[s.index] = keys_of(tokens)
        return tokens

    def cited_in(self, s: Sentence) -> list[str]:
        return list(dict.fromkeys(c.norm for c in self.citations if s.start <= c.start < s.end))


def read_gutachten(text: str | ProseDocument, *, norms: Sequence[Norm], library: Library,
                   case: Case | None = None, views: Mapping[str, str] | None = None) -> Reading:
    """Read a Gutachten against the norms of an exercise (required and optional, in order).

    `case` (the exercise's Sachverhalt) lets the reader compare the Subsumtion with the facts
    and find the problems of the case (for the Schwerpunktsetzung); `views` chooses views of
    a Meinungsstreit for that check as in `lawkit.check`.
    """
    document = text if isinstance(text, ProseDocument) else prose_text(text)
    source = document.text
    blocks = segment(source)
    sentences = [s for b in blocks for s in b.sentences]
    norm_map = {n.id: n for n in norms}
    ctx_citations, spans = norm_citations(source, norms) if source.strip() else ([], [])
    ctx = Context(source, blocks, sentences, norm_map, vocabularies_for(library), library, case,
                  ctx_citations, spans)
    words = len(source.split())
    if not source.strip():
        return Reading(source, document, blocks, (), (), None, (),
                       ("Die Bearbeitung enthält keinen Text.",), 0, tuple(norm_map))
    _language(ctx)
    _sections(ctx)
    _konkurrenzen(ctx)
    for norm_id in dict.fromkeys(r for r in ctx.region.values() if r and not r.startswith("#")):
        _elements(ctx, norm_id)
    for unit in ctx.units.values():  # § 11 StGB examined inside § 203 StGB: a norm of its own
        if unit.norm not in ctx.section_spans and unit.spans:
            ctx.section_spans[unit.norm] = []
    for unit in sorted(ctx.units.values(), key=lambda u: u.spans[0].start if u.spans else 0):
        if unit.norm in ctx.section_spans and unit.norm not in ctx.region.values():
            ctx.section_spans[unit.norm].extend(unit.spans)
            ctx.opened.setdefault(unit.norm, unit.spans[0])
    _norm_statements(ctx)
    gesamt = _gesamtergebnis(ctx)
    order = {norm_id: i for i, norm_id in enumerate(ctx.norms)}
    readings = tuple(_norm_reading(ctx, norm_id) for norm_id in
                     sorted(ctx.section_spans, key=lambda n: (ctx.section_spans[n][0].start
                                                              if ctx.section_spans[n] else 0, order[n])))
    if not ctx.citations:
        ctx.messages.append("Die Bearbeitung zitiert keine Norm der Aufgabe; Normen wurden, wo "
                            "überhaupt, nur an ihrer Bezeichnung erkannt.")
    if not readings:
        ctx.messages.append("In der Bearbeitung wurde keine Prüfung einer Norm der Aufgabe erkannt.")
    for reading in readings:
        if not reading.elements and reading.norm in ctx.region.values():
            ctx.messages.append(f"Zu {reading.citation} nennt die Bearbeitung ein Ergebnis, prüft aber "
                                "kein Tatbestandsmerkmal erkennbar.")
    unstyled = Reading(source, document, blocks, readings, tuple(ctx.konkurrenzen), gesamt, (),
                       tuple(ctx.messages), words, tuple(norm_map))
    from lawkit.reading.style import style_notes

    notes, problems = style_notes(unstyled, ctx, views or {})
    return Reading(source, document, blocks, readings, tuple(ctx.konkurrenzen), gesamt, notes,
                   tuple(ctx.messages), words, tuple(norm_map), problems)


# -- language -------------------------------------------------------------------------------

_GERMAN = frozenset(["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "sich", "hat", "mit",
                    "von", "den", "dem", "des", "auch", "als", "sie", "er", "es", "im", "nach", "dass",
                    "werden", "wird"])
_ENGLISH = frozenset(["the", "and", "is", "of", "to", "a", "in", "that", "it", "for", "was", "with", "as",
                     "has", "not", "by", "be", "this", "are"])


def _language(ctx: Context) -> None:
    words = [w.casefold() for w in ctx.text.split()[:400]]
    if len(words) < 15:
        return
    german = sum(w in _GERMAN for w in words)
    english = sum(w in _ENGLISH for w in words)
    if english > 2 * german:
        ctx.messages.append("Der Text scheint nicht auf Deutsch geschrieben zu sein; der Leser "
                            "versteht nur deutsche Gutachten, seine Ergebnisse sind hier unzuverlässig.")


# -- sections -------------------------------------------------------------------------------

def _related(ctx: Context, a: str, b: str) -> bool:
    """a refers to b or b to a (Verweisung, Verfolgbarkeit or Konkurrenz)."""
    return b in _refs(ctx, a) or a in _refs(ctx, b)


def _refs(ctx: Context, norm_id: str) -> set[str]:
    cached = ctx.refs_cache.get(norm_id)
    if cached is not None:
        return cached
    norm = ctx.norms.get(norm_id) or ctx.library.norms.get(norm_id)
    out: set[str] = set()
    if norm is not None:
        out = {e.ref.partition("#")[0] for e in norm.elements() if e.ref}
        out |= {r.yields_to for r in norm.relations}
    ctx.refs_cache[norm_id] = out
    return out


def _whole_refs(ctx: Context, norm_id: str) -> list[str]:
    """Norms of the exercise that this norm's Tatbestand refers to as a whole (§ 11 StGB, § 21 WpHG)."""
    cached = ctx.whole_refs_cache.get(norm_id)
    if cached is not None:
        return cached
    norm = ctx.norms[norm_id]
    out = [e.ref for e in norm.root.walk() if e.ref and "#" not in e.ref and e.ref in ctx.norms]
    ctx.whole_refs_cache[norm_id] = list(dict.fromkeys(out))
    return ctx.whole_refs_cache[norm_id]


_NAMED_BY_TITLE = (NormKind.STRAFTATBESTAND, NormKind.ANSPRUCHSGRUNDLAGE, NormKind.VERHALTENSNORM,
                   NormKind.RECHTSBEHELF)


def _named(ctx: Context, s: Sentence, *, by_name: bool = True) -> list[str]:
    """Norms of the exercise the sentence cites or names (by its title or a name of the terms
    files; only norms that are examined for themselves, not Definitions- or Verfahrensnormen)."""
    out = ctx.cited_in(s)
    if not by_name:
        return out
    tokens = ctx.sentence_tokens(s)
    present = ctx.present[s.index]
    for norm_id in ctx.norms:
        if norm_id in out or ctx.norms[norm_id].kind not in _NAMED_BY_TITLE:
            continue
        vocab = ctx.vocab.get(norm_id)
        if vocab and any(find_phrase(tokens, name, present) for name in vocab.names):
            out.append(norm_id)
    return out


def _sections(ctx: Context) -> None:
    current: str | None = None
    opened_level: int | None = None
    last_blocks = {b.index for b in ctx.blocks[-2:]}
    for block in ctx.blocks:
        if block.heading is not None:
            for s in block.sentences:
                title = ctx.sentence_text(s)
                named = _named(ctx, s)
                level = block.heading.level
                if mk.GESAMT_HEADING.match(title):
                    current, opened_level = GESAMT, level
                elif mk.KONKURRENZ_HEADING.search(title) and len(named) != 1:
                    current, opened_level = KONKURRENZ, level
                elif named:
                    inside = current in ctx.norms and _mentions_element(ctx, s, current)
                    fresh = [n for n in named if n != current and not (
                        current in ctx.norms and _related(ctx, current, n)
                        and (inside or (opened_level is not None and level > opened_level)))]
                    if fresh:
                        current, opened_level = fresh[0], level
                        ctx.opened.setdefault(current, Span(s.start, s.end))
                elif (opened_level is not None and level <= opened_level
                      and not _mentions_element(ctx, s, current)):
                    current, opened_level = None, None
                ctx.region[s.index] = current
            continue
        for position, s in enumerate(block.sentences):
            sentence = ctx.sentence_text(s)
            named = _named(ctx, s)
            if named and not ctx.cited_in(s) and not (mk.KONJUNKTIV.search(sentence)
                                                      or mk.OBERSATZ.search(sentence)):
                named = []  # a name opens a section only in a heading or an Obersatz
            if position == 0 and mk.GESAMT_PARAGRAPH.match(sentence) and (
                    block.index in last_blocks or not sentence.casefold().startswith(("ergebnis", "erg."))
                    or len(ctx.norms) == 1):
                current, opened_level = GESAMT, None
            elif named and _opens(ctx, s, sentence, named, current, position):
                current = next(n for n in named if n != current)
                opened_level = None
                ctx.opened.setdefault(current, Span(s.start, s.end))
            ctx.region[s.index] = current
    for s in ctx.sentences:
        region = ctx.region.get(s.index)
        if region and not region.startswith("#"):
            spans = ctx.section_spans.setdefault(region, [])
            block = ctx.blocks[s.block]
            if spans and (spans[-1].end >= s.start - 3 or _between_is_space(ctx, spans[-1].end, s.start)):
                spans[-1] = Span(spans[-1].start, s.end)
            else:
                spans.append(Span(s.start, s.end))
            del block


def _between_is_space(ctx: Context, a: int, b: int) -> bool:
    return not ctx.text[a:b].strip()


def _mentions_element(ctx: Context, s: Sentence, norm_id: str | None) -> bool:
    if not norm_id or norm_id.startswith("#"):
        return False
    return bool(_mentions(ctx, s, norm_id))


def _opens(ctx: Context, s: Sentence, sentence: str, named: list[str], current: str | None,
           position: int) -> bool:
    candidates = [n for n in named if n != current]
    if not candidates or mk.KONKURRENZ_YIELD.search(sentence) or mk.KONKURRENZ_DOMINATE.search(sentence):
        return False
    norm_obersatz = bool(mk.KONJUNKTIV.search(sentence) or mk.OBERSATZ.search(sentence)) and bool(
        mk.STRAFBAR.search(sentence) or mk.ANSPRUCH.search(sentence) or mk.VERSTOSS.search(sentence)
        or "Betracht" in sentence or "prüfen" in sentence)
    if current == GESAMT:  # an Ergebnis names the norms it sums up; only a new Obersatz reopens
        return norm_obersatz and bool(mk.KONJUNKTIV.search(sentence))
    if current is None or current.startswith("#"):
        return True
    leading = position == 0 and _starts_with_citation(ctx, s, candidates[0])
    stated = position == 0 and _norm_statement(ctx, s, ctx.norms[candidates[0]]) is not None
    if _related(ctx, current, candidates[0]):
        return norm_obersatz or stated or (leading and ":" in sentence[:60])
    return norm_obersatz or stated or leading


def _starts_with_citation(ctx: Context, s: Sentence, norm_id: str) -> bool:
    for c in ctx.citations:
        if c.norm == norm_id and s.start <= c.start < s.end:
            return len(ctx.text[s.start:c.start].split()) <= 4
    return False


# -- mentions -------------------------------------------------------------------------------

def _vocabularies(ctx: Context, norm_id: str) -> list[NormVocabulary]:
    out = [ctx.vocab[norm_id]] if norm_id in ctx.vocab else []
    out += [ctx.vocab[r] for r in _whole_refs(ctx, norm_id) if r in ctx.vocab]
    return out


def _mentions(ctx: Context, s: Sentence, norm_id: str) -> list[Mention]:
    cached = ctx.mention_cache.get((s.index, norm_id))
    if cached is None:
        cached = ctx.mention_cache[(s.index, norm_id)] = _find_mentions(ctx, s, norm_id)
    return cached


_INDEX: dict[int, tuple[NormVocabulary, dict[str, list[tuple[ElementVocabulary, Phrase, bool, bool]]]]] = {}


def _by_first_key(vocab: NormVocabulary) -> dict[str, list[tuple[ElementVocabulary, Phrase, bool, bool]]]:
    """The vocabulary's phrases by their first word (built once per vocabulary)."""
    hit = _INDEX.get(id(vocab))
    if hit is None or hit[0] is not vocab:
        index: dict[str, list[tuple[ElementVocabulary, Phrase, bool, bool]]] = {}
        for element in vocab.elements:
            for phrases, weak, inverse in ((element.terms, False, False), (element.weak, True, False),
                                           (element.inverse, False, True)):
                for term in phrases:
                    index.setdefault(term.keys[0], []).append((element, term, weak, inverse))
        hit = (vocab, index)
        _INDEX[id(vocab)] = hit
    return hit[1]


def _find_mentions(ctx: Context, s: Sentence, norm_id: str) -> list[Mention]:
    tokens = ctx.sentence_tokens(s)
    present = ctx.present[s.index]
    found: list[Mention] = []
    for priority, vocab in enumerate(_vocabularies(ctx, norm_id)):
        index = _by_first_key(vocab)
        candidates = [entry for key in present for entry in index.get(key, ())]
        for element, term, weak, inverse in dict.fromkeys(candidates):
            for i, j in find_phrase(tokens, term, present):
                found.append(Mention(vocab.norm, element.element, tokens[i].start,
                                     tokens[j - 1].end, i, j, weak, inverse,
                                     element.depth - priority * 10))
    found.sort(key=lambda m: (-(m.last - m.first), -_keys(m, ctx), m.weak, -m.depth, m.first))
    taken: list[Mention] = []
    for mention in found:
        if any(mention.first < t.last and t.first < mention.last for t in taken):
            continue
        taken.append(mention)
    taken.sort(key=lambda m: m.start)
    text = ctx.text
    return [replace(m, weak=False) if m.weak and _PREDICATE.search(text, max(s.start, m.start - 30), m.start)
            else m for m in taken]


_PREDICATE = re.compile(r"\b(?:ist|sind|war|waren|handelt\s+es\s+sich\s+um|um)\s+(?:\w+\s+){0,2}?"
                        r"(?:k?eine?n?|k?eines|k?einem)?\s*(?:\w+\s+)?$", re.IGNORECASE)


def _keys(mention: Mention, ctx: Context) -> int:
    return mention.last - mention.first


# -- elements -------------------------------------------------------------------------------

def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Telegram clauses: split at ';' and after '(+)', '(–)' signs."""
    cuts = [start]
    for match in mk.SEGMENT_CUT.finditer(text, start, end):
        cuts.append(match.end())
    cuts.append(end)
    out = []
    for a, b in pairwise(cuts):
        while a < b and text[a] in " ,;\n\t":
            a += 1
        if b > a:
            out.append((a, b))
    return out


def _topic(ctx: Context, end: int, mentions: list[Mention], *, definition: bool) -> Mention | None:
    """The Prüfungspunkt a clause is about: the last element named in its main clause (the
    predicate: "R hat das Geheimnis unbefugt offenbart"), a definition's first (its subject)."""
    if not mentions:
        return None
    if definition:
        return mentions[0]
    cut = mk.MAIN_CLAUSE_CUT.search(ctx.text, mentions[0].start, end)
    main = [m for m in mentions if cut is None or m.end <= cut.start()] or mentions
    own = [m for m in main if not mk.REASON_BEFORE.search(ctx.text, max(0, m.start - 25), m.start)]
    if not own:
        return None  # "wegen des Vorsatzes": a reason, not the point the clause is about
    main = own
    strong = [m for m in main if not m.weak]
    return (strong or main)[-1]


def _roles(sentence: str, heading: bool) -> set[str]:
    roles: set[str] = set()
    if heading:
        roles.add("heading")
    if mk.QUESTION.search(sentence):
        roles.add("question")
    if mk.OBERSATZ.search(sentence):
        roles.add("obersatz")
    if mk.DEFINITION.search(sentence):
        roles.add("definition")
    if mk.CONDITIONAL.search(sentence):
        roles.add("conditional")
    if mk.HEDGE.search(sentence):
        roles.add("hedge")
    if mk.ERGEBNIS.search(sentence):
        roles.add("ergebnis")
    if mk.RULE.search(sentence):
        roles.add("rule")  # "§ 21 WpHG verbietet …", "… tritt nur zurück, wenn …": the law, not the case
    return roles


def _unit(ctx: Context, norm: str, element: str, how: str) -> Unit:
    unit = ctx.units.get((norm, element))
    if unit is None:
        unit = Unit(norm, element, opened_by=how)
        ctx.units[(norm, element)] = unit
    return unit


def _attach(unit: Unit, s: Sentence, span: Span, roles: set[str]) -> None:
    if s.index not in unit.sentences:
        unit.sentences.append(s.index)
    unit.roles.setdefault(s.index, set()).update(roles)
    for i, known in enumerate(unit.spans):
        if known.overlaps(span):
            unit.spans[i] = Span(min(known.start, span.start), max(known.end, span.end))
            return
    unit.spans.append(span)


def _elements(ctx: Context, norm_id: str) -> None:
    topic: tuple[str, str] | None = None
    heading_topics: dict[int, tuple[str, str] | None] = {}
    previous_block = -1
    for s in ctx.sentences:
        if ctx.region.get(s.index) != norm_id:
            continue
        block = ctx.blocks[s.block]
        if s.block != previous_block and not s.heading:
            # a new paragraph continues the Prüfungspunkt of the heading above it
            inner = [heading_topics[level] for level in sorted(heading_topics) if heading_topics[level]]
            after_heading = previous_block >= 0 and ctx.blocks[previous_block].kind == "heading"
            topic = inner[-1] if inner else (topic if after_heading else None)
        previous_block = s.block
        sentence = ctx.sentence_text(s)
        mentions = [m for m in _mentions(ctx, s, norm_id) if m.norm in ctx.norms]
        roles = _roles(sentence, s.heading)
        if s.heading:
            level = block.heading.level if block.heading else 0
            for deeper in [lv for lv in heading_topics if lv >= level]:
                del heading_topics[deeper]
            chosen = _topic(ctx, s.end, mentions, definition=False)
            if chosen is not None:
                topic = (chosen.norm, chosen.element)
                ctx.inverse_topic = chosen.inverse
                heading_topics[level] = topic
                _attach(_unit(ctx, *topic, "heading"), s, Span(s.start, s.end), roles | {"heading"})
            else:
                heading_topics[level] = None
                topic = None
            _conclude(ctx, s, s.start, s.end, mentions, topic, roles, sentence_mentions=mentions)
            continue
        if s.index in ctx.konkurrenz_sentences or _norm_level(ctx, s, sentence, norm_id):
            continue
        if mk.STREIT.search(sentence) or _names_view(ctx, s, norm_id):
            roles.add("streit")
        segments = _segments(ctx.text, s.start, s.end)
        for a, b in segments:
            seg_mentions = [m for m in mentions if a <= m.start < b]
            colon = ctx.text.find(":", a, b)
            if colon > 0 and len(ctx.text[a:colon].split()) <= 4:
                for label in [m for m in seg_mentions if m.end <= colon]:  # "obj. TB: Geheimnis (+)"
                    _attach(_unit(ctx, label.norm, label.element, "heading"), s, Span(a, colon), roles)
                seg_mentions = [m for m in seg_mentions if m.start > colon]
            seg_text = ctx.text[a:b]
            if "obersatz" in roles or "definition" in roles:
                chosen = _topic(ctx, s.end, mentions, definition="definition" in roles)
                if chosen is not None and len(segments) == 1:
                    topic = (chosen.norm, chosen.element)
                    ctx.inverse_topic = chosen.inverse
            topic = _conclude(ctx, s, a, b, seg_mentions, topic, roles, sentence_mentions=mentions)
            if topic is not None:
                _attach(_unit(ctx, *topic, "obersatz" if "obersatz" in roles else "mention"), s,
                        Span(a, b) if len(segments) > 1 else Span(s.start, s.end), roles)
            del seg_text


def _norm_level(ctx: Context, s: Sentence, sentence: str, norm_id: str) -> bool:
    """The Obersatz or Ergebnis of the whole norm ("R könnte sich nach § 203 … strafbar gemacht
    haben, indem …"): it belongs to the norm, not to an element."""
    norm = ctx.norms[norm_id]
    pattern = _norm_pattern(norm)
    if pattern is None or not pattern.search(sentence):
        return False
    if mk.KONJUNKTIV.search(sentence):
        return True
    return norm_id in _named(ctx, s) and _norm_statement(ctx, s, norm) is not None


def _names_view(ctx: Context, s: Sentence, norm_id: str) -> bool:
    vocab = ctx.vocab.get(norm_id)
    if vocab is None or not vocab.views:
        return False
    tokens = ctx.sentence_tokens(s)
    present = ctx.present[s.index]
    return any(find_phrase(tokens, p, present) for phrases in vocab.views.values() for p in phrases
               if len(p.keys) > 1 or len(p.keys[0]) > 3)


def _conclude(ctx: Context, s: Sentence, a: int, b: int, mentions: list[Mention],
              topic: tuple[str, str] | None, roles: set[str], *,
              sentence_mentions: list[Mention]) -> tuple[str, str] | None:
    """Read the conclusions of one clause; return the Prüfungspunkt it belongs to."""
    text = ctx.text
    markers = [m for m in mk.find_markers(text, a, b)]
    if "heading" in roles:
        markers = [m for m in markers if m.sign]
        if not markers:
            return topic
    if "streit" in roles:  # the views of a Meinungsstreit are no conclusion of the student
        markers = [m for m in markers if m.sign]
    silent = roles & {"question", "conditional", "hedge", "streit", "rule"} or (
        roles & {"obersatz", "definition"} and not any(m.sign for m in markers))
    if silent and not roles & {"question", "conditional", "hedge", "streit", "rule"}:
        # "Ob sie förmlich verpflichtet wurde, kann dahinstehen": the ob-clause carries the point
        kept = [m for m in markers if m.kind in (mk.Kind.DAH, mk.Kind.OFF)]
        if kept and mk.KONJUNKTIV.search(text, a, b) is None:
            markers, silent = kept, False
    if silent:
        if roles & {"obersatz", "definition"}:
            chosen = _topic(ctx, s.end, sentence_mentions, definition="definition" in roles)
            if chosen is not None and chosen.start >= a and chosen.start < b:
                return (chosen.norm, chosen.element)
        return topic
    skip = [(m.start, m.end) for m in mentions]
    if markers:
        for marker in markers:
            bound = _bind(marker, mentions)
            if bound is None and topic is None:
                continue
            for mention in _coordinated(text, bound, mentions) if bound is not None else [None]:
                target = (mention.norm, mention.element) if mention is not None else topic
                assert target is not None
                conclusion = _polarity(ctx, marker, mention, a, b, skip, markers)
                if mention is None and ctx.inverse_topic and marker.kind in (mk.Kind.POS, mk.Kind.NEG):
                    conclusion = (Conclusion.ERFUELLT if conclusion is Conclusion.NICHT_ERFUELLT
                                  else Conclusion.NICHT_ERFUELLT)
                ctx.inverse_topic = mention.inverse if mention is not None else ctx.inverse_topic
                confidence = 0.9 if mention is not None else 0.75
                _unit(ctx, *target, "marker").statements.append(
                    Statement(conclusion, Span(a, b), marker.text, confidence, True))
                if target != topic:
                    _attach(_unit(ctx, *target, "marker"), s, Span(a, b), roles)
                topic = target
        return topic
    chosen = _topic(ctx, b, mentions, definition=False)
    if chosen is None:
        return topic
    if chosen.weak and (topic is None or (chosen.norm, chosen.element) != topic):
        return topic
    for mention in _coordinated(text, chosen, mentions):
        negs = len(mk.negations(text, _clause_start(text, a, mention.start),
                                _clause_end(text, chosen.end, b), skip))
        positive = negs % 2 == 0
        if mention.inverse:
            positive = not positive
            if negs == 0:  # "ein Rechtfertigungsgrund liegt nahe" is no conclusion on the element
                continue
        conclusion = Conclusion.ERFUELLT if positive else Conclusion.NICHT_ERFUELLT
        explicit = "ergebnis" in roles
        confidence = 0.7 if explicit else 0.55
        target = (mention.norm, mention.element)
        _unit(ctx, *target, "mention").statements.append(
            Statement(conclusion, Span(a, b), text[mention.start:mention.end], confidence, explicit))
        if mention is not chosen:
            _attach(_unit(ctx, *target, "mention"), s, Span(a, b), roles)
    return (chosen.norm, chosen.element)


_COORDINATION = re.compile(r"\s*(?:,|und|sowie|oder|,\s*und|bzw\.|/)\s*", re.IGNORECASE)
_JOINED_CLAUSE = re.compile(r"\s*,?\s*(?:und|sowie)\b"
                            r"(?:(?!\b(?:denn|weil|da|dass|ob|wenn|aber|jedoch|nicht|kein\w*)\b)"
                            r"[^.;:])*$", re.IGNORECASE)


def _coordinated(text: str, mention: Mention, mentions: list[Mention]) -> list[Mention]:
    """ "Rechtswidrigkeit und Schuld liegen vor", "K ist Amtsträgerin und hat es in dieser
    Eigenschaft erfahren": the mentions joined to this one by "und" share its conclusion."""
    out = [mention]
    index = mentions.index(mention)
    while index > 0:
        previous = mentions[index - 1]
        gap = text[previous.end:out[0].start]
        joined = _COORDINATION.fullmatch(gap) or (
            _JOINED_CLAUSE.match(gap) and len(gap.split()) <= 8 and not previous.weak)
        if not joined:
            break
        out.insert(0, previous)
        index -= 1
    return out


def _bind(marker: mk.Marker, mentions: list[Mention]) -> Mention | None:
    if not mentions:
        return None
    if marker.bracket:
        inside = [m for m in mentions if marker.start <= m.start and m.end <= marker.end]
        strong = [m for m in inside if not m.weak]
        if strong or inside:
            return (strong or inside)[-1]
    before = [m for m in mentions if m.end <= marker.start + (1 if marker.sign else 0)]
    if before:
        if marker.sign:
            return before[-1]
        strong = [m for m in before if not m.weak and m.end >= marker.start - 80]
        return (strong or before)[-1]
    after = [m for m in mentions if m.start >= marker.end]
    return after[0] if after else None


def _clause_start(text: str, a: int, pos: int) -> int:
    comma = text.rfind(",", a, pos)
    start = a if comma < 0 else comma + 1
    head = text[start:pos].lstrip()
    if head[:4].casefold() in ("dass", "daß") and comma >= 0:
        previous = text.rfind(",", a, comma)
        return a if previous < 0 else previous + 1
    return start


def _clause_end(text: str, pos: int, b: int) -> int:
    comma = text.find(",", pos, b)
    return b if comma < 0 else comma


def _polarity(ctx: Context, marker: mk.Marker, bound: Mention | None, a: int, b: int,
              skip: list[tuple[int, int]], markers: list[mk.Marker]) -> Conclusion:
    if marker.kind is mk.Kind.DAH:
        return Conclusion.DAHINSTEHEN
    if marker.kind is mk.Kind.OFF:
        return Conclusion.OFFEN
    if marker.sign:
        positive = marker.kind is mk.Kind.POS
        if bound is not None and bound.inverse:
            positive = not positive
        return Conclusion.ERFUELLT if positive else Conclusion.NICHT_ERFUELLT
    low = min(marker.start, bound.start) if bound is not None else marker.start
    high = max(marker.end, bound.end) if bound is not None else marker.end
    start = _clause_start(ctx.text, a, low)
    end = _clause_end(ctx.text, high, b)
    other = [(m.start, m.end) for m in markers if m.kind in (mk.Kind.DAH, mk.Kind.OFF)]
    negs = len(mk.negations(ctx.text, start, end, skip + other))
    if marker.kind is mk.Kind.NEG:
        negs += 1
    positive = negs % 2 == 0
    if bound is not None and bound.inverse:
        positive = not positive
    return Conclusion.ERFUELLT if positive else Conclusion.NICHT_ERFUELLT


# -- Konkurrenzen ---------------------------------------------------------------------------

def _konkurrenzen(ctx: Context) -> None:
    seen: set[tuple[str, str]] = set()
    for s in ctx.sentences:
        sentence = ctx.sentence_text(s)
        yield_ = mk.KONKURRENZ_YIELD.search(sentence)
        dominate = mk.KONKURRENZ_DOMINATE.search(sentence)
        stays = mk.STAYS_APPLICABLE.search(sentence)
        if not (yield_ or dominate or stays or mk.KONKURRENZ_WORD.search(sentence)):
            continue
        named = _named(ctx, s)
        region = ctx.region.get(s.index)
        if not (yield_ or dominate or stays) and not [n for n in named if n != region]:
            continue  # "Subsidiarität (–)" of § 839 Abs. 1 S. 2 BGB is a Prüfungspunkt, no Konkurrenz
        ctx.konkurrenz_sentences.add(s.index)
        if not named and region and not region.startswith("#"):
            named = [region]
        if not named or mk.RULE.search(sentence):
            continue
        if yield_:  # only a negation in the clause of "tritt zurück" denies the Konkurrenz
            left = max(sentence.rfind(",", 0, yield_.start()), sentence.rfind(";", 0, yield_.start())) + 1
            right = min([i for i in (sentence.find(",", yield_.end()), sentence.find(";", yield_.end()))
                         if i >= 0] or [len(sentence)])
            negs = mk.negations(ctx.text, s.start + left, s.start + right, [])
        else:
            negs = []
        if stays or (yield_ and negs and "nicht anwendbar" not in sentence and "kein Raum" not in sentence):
            continue  # the text denies the Konkurrenz: the norm stays applicable
        pair = _pair(ctx, named, bool(dominate) and not yield_, region, sentence)
        if pair is None or pair in seen:
            continue
        seen.add(pair)
        from_library = len(named) == 1
        ctx.konkurrenzen.append(KonkurrenzReading(pair[0], pair[1], Span(s.start, s.end),
                                                  0.6 if from_library else 0.85, from_library))


def _pair(ctx: Context, named: list[str], dominant_first: bool, region: str | None,
          sentence: str) -> tuple[str, str] | None:
    if len(named) >= 2:
        first, second = named[0], named[1]
        return (second, first) if dominant_first else (first, second)
    only = named[0]
    if not dominant_first and re.search(r"\bhinter\b", sentence) and region in ctx.norms and region != only:
        return (region, only)  # "Er tritt hinter § 203 StGB zurück" in the section of § 204 StGB
    if dominant_first:
        for norm in ctx.norms.values():
            if any(r.yields_to == only for r in norm.relations) and norm.id != only:
                return (norm.id, only)
        return None
    norm = ctx.norms[only]
    for relation in norm.relations:
        if relation.yields_to in ctx.norms:
            return (only, relation.yields_to)
    return None


# -- norm conclusions and Gesamtergebnis ---------------------------------------------------

def _norm_pattern(norm: Norm) -> re.Pattern[str] | None:
    if norm.kind is NormKind.STRAFTATBESTAND:
        return mk.STRAFBAR
    if norm.kind is NormKind.ANSPRUCHSGRUNDLAGE:
        return mk.ANSPRUCH
    if norm.kind is NormKind.VERHALTENSNORM:
        return mk.VERSTOSS
    return None


def _norm_statement(ctx: Context, s: Sentence, norm: Norm, *, lenient: bool = False) -> Statement | None:
    sentence = ctx.sentence_text(s)
    pattern = _norm_pattern(norm)
    subject = _cited_subject(ctx, s, norm.id)
    if subject is None and _VORAUSSETZUNGEN.search(sentence) and ctx.region.get(s.index) == norm.id:
        subject = next((m for m in mk.find_markers(ctx.text, s.start, s.end)
                        if m.kind in (mk.Kind.POS, mk.Kind.NEG)), None)
    if subject is None and (pattern is None or not pattern.search(sentence)):
        return None
    roles = _roles(sentence, s.heading)
    if roles & {"question", "conditional", "hedge"} or (
            roles & {"obersatz"} and mk.KONJUNKTIV.search(sentence)):
        return None
    if "rule" in roles and subject is None and not roles & {"ergebnis"}:
        return None  # "Nach § 839 Abs. 1 S. 2 BGB haftet der Amtswalter nur, wenn …": the law, not the case
    markers = mk.find_markers(ctx.text, s.start, s.end)
    if s.heading and not any(m.sign for m in markers):
        return None
    if any(m.kind is mk.Kind.DAH for m in markers):
        return Statement(Conclusion.DAHINSTEHEN, Span(s.start, s.end), "kann dahinstehen", 0.7, True)
    if any(m.kind is mk.Kind.OFF for m in markers):
        return Statement(Conclusion.OFFEN, Span(s.start, s.end), "offen", 0.7, True)
    match = pattern.search(sentence) if pattern is not None else None
    if match is None:
        if subject is None:
            return None
        markers = [subject]
        word = subject.text
    else:
        word = match.group(0)
    if match is not None and word[0].isupper() and not markers and not mk.NORM_VERB.search(sentence) \
            and not lenient:
        return None  # "die Strafbarkeit" or "der Anspruch" without a predicate is no result
    if mk.WOULD.search(sentence):
        return None
    negs = len(mk.negations(ctx.text, s.start, s.end, []))
    negs += sum(1 for m in markers if m.kind is mk.Kind.NEG)
    conclusion = Conclusion.ERFUELLT if negs % 2 == 0 else Conclusion.NICHT_ERFUELLT
    return Statement(conclusion, Span(s.start, s.end), word, 0.85 if "ergebnis" in roles else 0.8, True)


_VORAUSSETZUNGEN = re.compile(r"\b(?:Die|Alle|Sämtliche)\s+(?:\w+\s+)?Voraussetzungen\b", re.IGNORECASE)


def _cited_subject(ctx: Context, s: Sentence, norm_id: str) -> mk.Marker | None:
    """ "§ 203 Abs. 2 S. 1 StGB ist daher nicht erfüllt", "§ 204 (+)": the cited norm is the subject
    of a conclusion marker that follows it closely."""
    for citation in ctx.citations:
        if citation.norm != norm_id or not s.start <= citation.start < s.end:
            continue
        for marker in mk.find_markers(ctx.text, citation.end, s.end):
            if marker.start - citation.end <= 30 and marker.kind in (mk.Kind.POS, mk.Kind.NEG):
                return marker
    return None


def _norm_statements(ctx: Context) -> None:
    for s in ctx.sentences:
        region = ctx.region.get(s.index)
        named = _named(ctx, s)
        targets = named or ([region] if region and not region.startswith("#") else [])
        if not named and region == GESAMT and len(ctx.section_spans) == 1:
            targets = list(ctx.section_spans)
        for norm_id in targets[:1] if region != GESAMT else targets:
            norm = ctx.norms.get(norm_id)
            if norm is None:
                continue
            statement = _norm_statement(ctx, s, norm, lenient=region == GESAMT)
            if statement is None:
                continue
            if region == GESAMT or s.index in ctx.konkurrenz_sentences:
                ctx.applies_statements.setdefault(norm_id, []).append(statement)
            else:
                ctx.norm_statements.setdefault(norm_id, []).append(statement)


def _gesamtergebnis(ctx: Context) -> Gesamtergebnis | None:
    explicit_sentences = [s for s in ctx.sentences if ctx.region.get(s.index) == GESAMT]
    applies: dict[str, Conclusion] = {}
    spans: list[Span] = []
    for s in explicit_sentences:
        spans.append(Span(s.start, s.end))
    for norm_id, statements in ctx.applies_statements.items():
        for statement in statements:
            if any(sp.overlaps(statement.span) for sp in spans):
                applies[norm_id] = statement.conclusion
    for k in ctx.konkurrenzen:
        if any(sp.overlaps(k.span) for sp in spans):
            applies[k.norm] = Conclusion.NICHT_ERFUELLT
    explicit = bool(explicit_sentences)
    if not explicit:
        paragraphs = [b for b in ctx.blocks if b.kind == "paragraph"]
        yielded = {k.norm for k in ctx.konkurrenzen}
        for block in dict.fromkeys([*paragraphs[:1], *paragraphs[-1:]]):  # (Urteilsstil) the start, the end
            for s in block.sentences:
                region = ctx.region.get(s.index)
                for norm_id in _named(ctx, s) or ([region] if region in ctx.norms else []):
                    found = _norm_statement(ctx, s, ctx.norms[norm_id])
                    if found is not None:
                        applies[norm_id] = found.conclusion
                        spans.append(Span(s.start, s.end))
        for norm_id in yielded & set(applies):
            applies[norm_id] = Conclusion.NICHT_ERFUELLT
        examined = {r for r in ctx.region.values() if r in ctx.norms}
        if not applies or not examined <= set(applies):
            return None  # a last sentence on one norm of several is no Gesamtergebnis
    yes = tuple(n for n, c in applies.items() if c is Conclusion.ERFUELLT)
    no = tuple(n for n, c in applies.items() if c is Conclusion.NICHT_ERFUELLT)
    return Gesamtergebnis(yes, no, tuple(dict.fromkeys(spans)), 0.85 if explicit else 0.6, explicit)


def _norm_reading(ctx: Context, norm_id: str) -> NormReading:
    norm = ctx.norms[norm_id]
    statements = ctx.norm_statements.get(norm_id, [])
    if any(k.norm == norm_id for k in ctx.konkurrenzen):
        # "Ein Anspruch aus § 823 Abs. 2 BGB besteht nicht" after its Sperrwirkung: the norm yields,
        # which says nothing against its Tatbestand
        statements = [st for st in statements if st.conclusion is not Conclusion.NICHT_ERFUELLT]
    elements = tuple(_element_reading(ctx, unit) for unit in
                     sorted((u for u in ctx.units.values() if u.norm == norm_id or
                             (u.norm in _whole_refs(ctx, norm_id) and u.norm not in ctx.section_spans)),
                            key=lambda u: u.spans[0].start if u.spans else 0)
                     if unit.norm == norm_id)
    conclusion, confidence, unsure = _decide(statements)
    if conclusion is None and not unsure:
        conclusion, confidence = _derived(norm, elements)
        if conclusion is None:
            gesamt = ctx.applies_statements.get(norm_id, [])
            yielded = any(k.norm == norm_id for k in ctx.konkurrenzen)
            usable = [st for st in gesamt if st.conclusion is Conclusion.ERFUELLT or not yielded]
            if usable:
                conclusion, confidence = usable[-1].conclusion, 0.6
    cited = tuple(dict.fromkeys(c.text for c in ctx.citations if c.norm == norm_id))
    spans = tuple(ctx.section_spans.get(norm_id, ()))
    opened = ctx.opened.get(norm_id, spans[0] if spans else Span(0, 0))
    return NormReading(norm_id, norm.citation.canonical(), spans, opened, conclusion, confidence,
                       unsure, tuple(statements), elements, cited)


def _derived(norm: Norm, elements: tuple[ElementReading, ...]) -> tuple[Conclusion | None, float]:
    """The norm's result from its top-level Prüfungspunkte as read (kumulativ)."""
    read = {e.element: e.conclusion for e in elements if e.conclusion is not None}
    top = [c.id for c in norm.root.children]
    if norm.root.combine.value == "any_of":
        if any(read.get(t) is Conclusion.ERFUELLT for t in top):
            return Conclusion.ERFUELLT, 0.65
        if top and all(read.get(t) is Conclusion.NICHT_ERFUELLT for t in top):
            return Conclusion.NICHT_ERFUELLT, 0.65
        return None, 0.0
    if any(read.get(t) is Conclusion.NICHT_ERFUELLT for t in top):
        return Conclusion.NICHT_ERFUELLT, 0.65
    if top and all(read.get(t) is Conclusion.ERFUELLT for t in top):
        return Conclusion.ERFUELLT, 0.65
    if top and norm.root.children[0].children and read.get(top[0]) is Conclusion.ERFUELLT:
        return Conclusion.ERFUELLT, 0.6  # "Der Tatbestand ist erfüllt" (the answer's norm result)
    stated = [read[t] for t in top if t in read]
    if stated and 2 * len(stated) >= len(top) and all(c is Conclusion.ERFUELLT for c in stated):
        return Conclusion.ERFUELLT, 0.55  # "Schutzgesetz (+), Verschulden (+), Schaden (+)"
    return None, 0.0


def _decide(statements: Sequence[Statement]) -> tuple[Conclusion | None, float, bool]:
    """The conclusion a list of statements gives: the explicit ones decide; if they disagree,
    the reader is not sure."""
    if not statements:
        return None, 0.0, False
    explicit = [s for s in statements if s.explicit] or list(statements)
    final = {s.conclusion for s in explicit}
    if len(final) == 1:
        best = max(s.confidence for s in explicit)
        bonus = 0.05 if len(explicit) > 1 else 0.0
        conclusion = explicit[-1].conclusion
        confidence = min(1.0, best + bonus)
        if confidence < MIN_CONFIDENCE:
            return None, confidence, True
        return conclusion, confidence, False
    if final == {Conclusion.DAHINSTEHEN, Conclusion.OFFEN}:
        return Conclusion.DAHINSTEHEN, 0.6, False
    return None, 0.4, True


def _element_reading(ctx: Context, unit: Unit) -> ElementReading:
    vocab = ctx.vocab[unit.norm].element(unit.element)
    label = vocab.label if vocab is not None else unit.element
    conclusion, confidence, unsure = _decide(unit.statements)
    discussed = 0.85 if unit.opened_by in ("heading", "obersatz", "marker") else 0.7
    if conclusion is None:
        confidence = discussed if not unsure else confidence
    words = sum(len(ctx.text[sp.start:sp.end].split()) for sp in unit.spans)
    return ElementReading(unit.norm, unit.element, label, tuple(sorted(unit.spans)), conclusion,
                          round(confidence, 2), unsure, tuple(unit.statements), words)


def element_vocabulary(ctx: Context, norm: str, element: str) -> ElementVocabulary | None:
    vocab = ctx.vocab.get(norm)
    return vocab.element(element) if vocab else None


def phrases_in(ctx: Context, s: Sentence, phrases: Sequence[Phrase]) -> bool:
    tokens = ctx.sentence_tokens(s)
    return any(find_phrase(tokens, p) for p in phrases)
