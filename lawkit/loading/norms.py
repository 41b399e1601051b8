"""Norm files: YAML that reads like the norm, turned into frozen Norm values."""

from __future__ import annotations

from enum import StrEnum

from lawkit.citations.reference import parse_statute, parse_statute_parts
from lawkit.loading.yaml_reader import Problems, Reader, beschreibe
from lawkit.model.grammar import template_problems
from lawkit.model.logic import Answer, Combine
from lawkit.model.norm import (
    Argument,
    ArgumentKind,
    Consequence,
    Dispute,
    Element,
    Norm,
    NormCitation,
    NormKind,
    Relation,
    RelationKind,
    RelationStage,
    Source,
    Texts,
    View,
)

TEXT_KEYS = ("obersatz", "positive", "negative", "open")
_COMMON = ("label", "definition", "sources", "cite", *TEXT_KEYS)
_DECIDERS = ("all_of", "any_of", "fact", "ref", "dispute")
_LEAF = ("question", "satisfied_by")
NORM_KEYS_REQUIRED = ("id", "citation", "title", "kind", "wording")
NORM_KEYS_OPTIONAL = ("elements", "any_of", "sources", "consequence", "procedural", "relations", *TEXT_KEYS)


def read_citation(reader: Reader) -> NormCitation:
    text = reader.text()
    parts = []
    for piece in text.split(" i.V.m. "):
        try:
            parts.append(parse_statute(piece))
        except ValueError:
            raise reader.error(f"{piece!r} lässt sich nicht als Zitat einer Norm lesen; erwartet z. B. "
                               "'§ 203 Abs. 2 S. 1 StGB' oder 'Art. 34 GG' (mehrere verbunden mit "
                               "' i.V.m. ')") from None
    return NormCitation(tuple(parts))


def read_sources(reader: Reader, key: str = "sources") -> tuple[Source, ...]:
    if not reader.has(key):
        return ()
    out = []
    for item in reader[key].list(what="Fundstellen"):
        if isinstance(item.value, str):
            out.append(Source(item.text(), origin=item.origin()))
            continue
        item.mapping(required=("text",), optional=("seed", "at"))
        out.append(Source(item.str("text"), item.opt_str("seed"), item.opt_str("at"),
                          origin=item.origin("seed" if item.has("seed") else None)))
    return tuple(out)


def read_template(reader: Reader, key: str) -> str | None:
    """A phrase that may name case roles: every role slot must state its case."""
    text = reader.opt_str(key)
    if text is not None:
        problems = template_problems(text)
        if problems:
            raise reader.error(problems[0], key)
    return text


def read_texts(reader: Reader) -> Texts:
    return Texts(*(read_template(reader, key) for key in TEXT_KEYS))


def read_element(reader: Reader, *, id_required: bool = True, default_id: str = "") -> Element:
    """One element with exactly one decider: all_of, any_of, fact (+ question), ref or dispute.
    Every problem of the element and its children is reported together."""
    problems = Problems()
    reader.mapping(
        required=("id", "label") if id_required else ("label",),
        optional=(*_COMMON, *_DECIDERS, *_LEAF, "id"),
        problems=problems,
    )
    element_id = (problems.attempt(reader.ident, "id") or "") if reader.has("id") else default_id
    deciders = [key for key in _DECIDERS if reader.has(key)]
    fields: dict[str, object] = {
        "id": element_id,
        "label": problems.attempt(reader.str, "label"),
        "definition": problems.attempt(reader.opt_str, "definition"),
        "sources": problems.attempt(read_sources, reader),
        "cite": problems.attempt(_read_cite, reader),
        "texts": problems.attempt(read_texts, reader),
        "origin": reader.origin(),
    }
    if len(deciders) != 1:
        found = ", ".join(deciders) if deciders else "keinen"
        problems.add(reader.error(
            f"das Merkmal {element_id!r} braucht genau einen der Schlüssel all_of, any_of, fact, ref, "
            f"dispute (gefunden: {found})"
        ))
        problems.raise_if_any()
    decider = deciders[0]
    if decider != "fact":
        for key in _LEAF:
            if reader.has(key) and not (decider == "ref" and key == "satisfied_by"):
                problems.add(reader.error(f"{key!r} gehört zu einem Blatt mit 'fact'; dieses Merkmal "
                                          f"verwendet {decider!r}", key))
    if decider in ("all_of", "any_of"):
        fields["combine"] = Combine(decider)
        children = problems.attempt(reader[decider].list, what="Merkmale") or []
        fields["children"] = tuple(problems.attempt(read_element, child) for child in children)
    elif decider == "fact":
        fields["fact"] = problems.attempt(reader.ident, "fact")
        if not reader.has("question"):
            problems.add(reader.error(f"das Blatt {element_id!r} hat eine Tatsache ('fact'), aber keine "
                                      "'question'; erwartet die Frage, die der Sachverhalt beantwortet"))
        else:
            fields["question"] = problems.attempt(reader.str, "question")
        fields["satisfied_by"] = _satisfied_by(reader, problems)
    elif decider == "ref":
        ref = problems.attempt(reader.str, "ref") or ""
        norm_id, _, target = ref.partition("#")
        if ref and (not _plain_id(norm_id) or (target and not _plain_id(target))):
            problems.add(reader["ref"].error(
                f"{beschreibe(ref)} ist keine Verweisung; erwartet 'norm_id' oder 'norm_id#merkmal_id'"
            ))
        fields["ref"] = ref
        fields["origin"] = reader.origin("ref")
        # satisfied_by: nein — fulfilled where the referenced element is not
        fields["satisfied_by"] = _satisfied_by(reader, problems)
    else:
        fields["dispute"] = problems.attempt(read_dispute, reader["dispute"], element_id)
    problems.raise_if_any()
    return Element(**fields)  # type: ignore[arg-type]  # fields: each read by its own typed reader above


def _satisfied_by(reader: Reader, problems: Problems) -> Answer:
    choice = problems.attempt(reader.choice, "satisfied_by", _Satisfying, _Satisfying.JA)
    return choice.answer if choice is not None else Answer.JA


def _read_cite(reader: Reader) -> str | None:
    cite = reader.opt_str("cite")
    if cite is None:
        return None
    try:
        parse_statute_parts(cite)
    except ValueError:
        raise reader["cite"].error(f"{cite!r} lässt sich nicht als Teil einer Norm lesen; erwartet z. B. "
                                   "'Abs. 2 S. 1' oder 'Nr. 1'") from None
    return cite


def _plain_id(value: str) -> bool:
    return bool(value) and all(c.isascii() and (c.islower() or c.isdigit() or c == "_")
                               for c in value)


def read_dispute(reader: Reader, element_id: str) -> Dispute:
    problems = Problems()
    reader.mapping(required=("id", "question", "views"), problems=problems)
    views = []
    seen: set[str] = set()
    for item in reader["views"].list(what="Ansichten"):
        view = problems.attempt(_read_view, item, element_id, seen)
        if view is not None:
            views.append(view)
    problems.raise_if_any()
    if len(views) < 2:
        raise reader["views"].error("ein Meinungsstreit braucht mindestens zwei Ansichten")
    if sum(v.dominant for v in views) > 1:
        raise reader["views"].error("mehr als eine Ansicht ist als herrschend markiert (dominant); "
                                    "erwartet höchstens eine herrschende Meinung")
    return Dispute(reader.ident("id"), reader.str("question"), tuple(views))


def _read_view(item: Reader, element_id: str, seen: set[str]) -> View:
    item.mapping(
        required=("id", "label", "position"),
        optional=("dominant", "holder", "sources", "name", "arguments", "reason",
                  *_DECIDERS, "question", "satisfied_by"),
    )
    view_id = item.ident("id")
    if view_id in seen:
        raise item.error(f"die Ansicht {view_id!r} steht zweimal in diesem Meinungsstreit; erwartet "
                         "jede ID einmal", "id")
    seen.add(view_id)
    requirement_fields = {k: v for k, v in item.value.items()  # type: ignore[attr-defined]  # a mapping: checked above
                          if k in (*_DECIDERS, "question", "satisfied_by")}
    requirement_fields["label"] = item.str("label")
    requirement = read_element(
        Reader(item.doc, requirement_fields, item.path),
        id_required=False,
        default_id=f"{element_id}__{view_id}",
    )
    return View(
        id=view_id,
        label=item.str("label"),
        position=item.str("position"),
        requirement=requirement,
        dominant=item.boolean("dominant", False),
        holder=item.opt_str("holder"),
        sources=read_sources(item),
        name=_read_view_name(item),
        arguments=_read_arguments(item),
        reason=item.opt_str("reason"),
    )


def _read_view_name(reader: Reader) -> str | None:
    name = reader.opt_str("name")
    if name is not None and not name.startswith("die "):
        raise reader.error(f"{beschreibe(name)} ist kein Name für eine Ansicht; erwartet ein weibliches "
                           "Substantiv mit Artikel, z. B. 'die Gegenauffassung' oder 'die Rechtsprechung'",
                           "name")
    return name


def _read_arguments(reader: Reader) -> tuple[Argument, ...]:
    """The arguments for a view: `- {kind: Wortlaut|Systematik|Telos|Historie, text: …}`."""
    if not reader.has("arguments"):
        return ()
    out = []
    for item in reader["arguments"].list(what="Argumente"):
        item.mapping(required=("kind", "text"), optional=("sources",))
        out.append(Argument(item.choice("kind", ArgumentKind), item.str("text"),
                            read_sources(item)))
    return tuple(out)


def read_norm(reader: Reader) -> Norm:
    """A norm file; every problem of every part is reported together."""
    problems = Problems()
    reader.mapping(required=NORM_KEYS_REQUIRED, optional=NORM_KEYS_OPTIONAL, problems=problems)
    norm_id = problems.attempt(reader.ident, "id")
    title = problems.attempt(reader.str, "title")
    # The Prüfungsschema: kumulative elements, or (for a definition) alternatives.
    tops = [key for key in ("elements", "any_of") if reader.has(key)]
    elements: tuple[Element | None, ...] = ()
    if len(tops) != 1:
        problems.add(reader.error(
            "eine Norm braucht genau einen der Schlüssel 'elements' (kumulativ) oder 'any_of' "
            f"(alternativ) (gefunden: {', '.join(tops) or 'keinen'})"))
    else:
        items = problems.attempt(reader[tops[0]].list, what="Merkmale") or []
        elements = tuple(problems.attempt(read_element, e) for e in items)
    procedural: tuple[Element | None, ...] = ()
    if reader.has("procedural"):
        items = problems.attempt(reader["procedural"].list, what="Merkmale") or []
        procedural = tuple(problems.attempt(read_element, e) for e in items)
    consequence = problems.attempt(_read_consequence, reader) if reader.has("consequence") else None
    relations: tuple[Relation | None, ...] = ()
    if reader.has("relations"):
        items = problems.attempt(reader["relations"].list, what="Konkurrenzen") or []
        relations = tuple(problems.attempt(read_relation, r) for r in items)
    citation = problems.attempt(read_citation, reader["citation"])
    kind = problems.attempt(reader.choice, "kind", NormKind)
    wording = problems.attempt(reader.str, "wording")
    sources = problems.attempt(read_sources, reader)
    texts = problems.attempt(read_texts, reader)
    problems.raise_if_any()
    assert norm_id is not None and title is not None and kind is not None
    norm = Norm(
        id=norm_id,
        citation=citation,  # type: ignore[arg-type]  # no None: raise_if_any() above
        title=title,
        kind=kind,
        wording=wording,  # type: ignore[arg-type]  # no None: raise_if_any() above
        root=Element(id=norm_id, label=title,
                     combine=Combine.ALL_OF if tops[0] == "elements" else Combine.ANY_OF,
                     children=elements),  # type: ignore[arg-type]  # no None: raise_if_any() above
        consequence=consequence,
        procedural=procedural,  # type: ignore[arg-type]  # no None: raise_if_any() above
        relations=relations,  # type: ignore[arg-type]  # no None: raise_if_any() above
        sources=sources,  # type: ignore[arg-type]  # no None: raise_if_any() above
        texts=texts,  # type: ignore[arg-type]  # no None: raise_if_any() above
        file=reader.doc.file,
    )
    _check_unique_ids(reader, norm)
    return norm


def _read_consequence(reader: Reader) -> Consequence:
    c = reader["consequence"].mapping(required=("text",), optional=("liable", "sources"))
    return Consequence(c.str("text"), read_template(c, "liable"), read_sources(c))


def read_relation(reader: Reader) -> Relation:
    reader.mapping(
        required=("kind", "yields_to", "explanation"),
        optional=("condition", "requires_dominant", "sources", "stage"),
    )
    condition = None
    if reader.has("condition"):
        condition = read_element(reader["condition"])
    stage = reader.choice("stage", RelationStage, RelationStage.KONKURRENZEN)
    requires_dominant = reader.boolean("requires_dominant", stage is RelationStage.KONKURRENZEN)
    if stage is RelationStage.ANWENDBARKEIT:
        if condition is None:
            raise reader.error("eine Konkurrenz, die als Frage der Anwendbarkeit geprüft wird, braucht "
                               "eine 'condition' (die Voraussetzung, die die Norm sperrt, z. B. "
                               "Beamter im staatsrechtlichen Sinne)")
        if requires_dominant:
            raise reader.error("eine Konkurrenz, die als Frage der Anwendbarkeit geprüft wird, kann "
                               "nicht verlangen, dass die vorrangige Norm erfüllt ist: ihre Bedingung "
                               "steht für sich; erwartet requires_dominant: false (oder keinen solchen "
                               "Schlüssel)",
                               "requires_dominant")
    return Relation(
        kind=reader.choice("kind", RelationKind),
        yields_to=reader.ident("yields_to"),
        explanation=reader.str("explanation"),
        condition=condition,
        requires_dominant=requires_dominant,
        sources=read_sources(reader),
        stage=stage,
    )


def _check_unique_ids(reader: Reader, norm: Norm) -> None:
    seen: dict[str, Element] = {}
    for element in norm.elements():
        # The same element may stand in several views of a Meinungsstreit (a YAML alias);
        # two different elements may not share an id.
        if seen.setdefault(element.id, element) != element:
            raise reader.error(
                f"die Merkmals-ID {element.id!r} steht in der Norm {norm.id!r} für zwei verschiedene "
                "Merkmale; erwartet eindeutige IDs innerhalb einer Norm"
            )


class _Satisfying(StrEnum):
    """The answers that can fulfil a leaf ('offen' never does)."""

    JA = "ja"
    NEIN = "nein"

    @property
    def answer(self) -> Answer:
        return Answer(self.value)
