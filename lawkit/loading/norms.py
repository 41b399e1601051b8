"""Norm files: YAML that reads like the norm, turned into frozen Norm values."""

from __future__ import annotations

from enum import StrEnum

from lawkit.citations.reference import parse_statute, parse_statute_parts
from lawkit.loading.yaml_reader import Reader, describe
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
        except ValueError as exc:
            raise reader.error(str(exc)) from None
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
    """One element with exactly one decider: all_of, any_of, fact (+ question), ref or dispute."""
    reader.mapping(
        required=("id", "label") if id_required else ("label",),
        optional=(*_COMMON, *_DECIDERS, *_LEAF, "id"),
    )
    element_id = reader.ident("id") if reader.has("id") else default_id
    deciders = [key for key in _DECIDERS if reader.has(key)]
    if len(deciders) != 1:
        found = ", ".join(deciders) if deciders else "none"
        raise reader.error(
            f"element {element_id!r} needs exactly one of all_of, any_of, fact, ref, dispute "
            f"(found: {found})"
        )
    decider = deciders[0]
    if decider != "fact":
        for key in _LEAF:
            if reader.has(key) and not (decider == "ref" and key == "satisfied_by"):
                raise reader.error(f"{key!r} belongs to a leaf with 'fact'; this element uses "
                                   f"{decider!r}", key)
    fields: dict[str, object] = {
        "id": element_id,
        "label": reader.str("label"),
        "definition": reader.opt_str("definition"),
        "sources": read_sources(reader),
        "cite": _read_cite(reader),
        "texts": read_texts(reader),
        "origin": reader.origin(),
    }
    if decider in ("all_of", "any_of"):
        fields["combine"] = Combine(decider)
        fields["children"] = tuple(
            read_element(child) for child in reader[decider].list(what="elements")
        )
    elif decider == "fact":
        fields["fact"] = reader.ident("fact")
        if not reader.has("question"):
            raise reader.error(f"leaf {element_id!r} has a fact but no 'question'; expected the "
                               "question the Sachverhalt answers")
        fields["question"] = reader.str("question")
        fields["satisfied_by"] = reader.choice("satisfied_by", _Satisfying, _Satisfying.JA).answer
    elif decider == "ref":
        ref = reader.str("ref")
        norm_id, _, target = ref.partition("#")
        if not _plain_id(norm_id) or (target and not _plain_id(target)):
            raise reader["ref"].error(
                f"{describe(ref)} is not a reference; expected 'norm_id' or 'norm_id#element_id'"
            )
        fields["ref"] = ref
        fields["origin"] = reader.origin("ref")
        # satisfied_by: nein — fulfilled where the referenced element is not
        fields["satisfied_by"] = reader.choice("satisfied_by", _Satisfying, _Satisfying.JA).answer
    else:
        fields["dispute"] = read_dispute(reader["dispute"], element_id)
    return Element(**fields)  # type: ignore[arg-type]  # fields: each read by its own typed reader above


def _read_cite(reader: Reader) -> str | None:
    cite = reader.opt_str("cite")
    if cite is None:
        return None
    try:
        parse_statute_parts(cite)
    except ValueError as exc:
        raise reader["cite"].error(str(exc)) from None
    return cite


def _plain_id(value: str) -> bool:
    return bool(value) and all(c.isascii() and (c.islower() or c.isdigit() or c == "_")
                               for c in value)


def read_dispute(reader: Reader, element_id: str) -> Dispute:
    reader.mapping(required=("id", "question", "views"))
    views = []
    seen: set[str] = set()
    for item in reader["views"].list(what="views"):
        item.mapping(
            required=("id", "label", "position"),
            optional=("dominant", "holder", "sources", "name", "arguments", "reason",
                      *_DECIDERS, "question", "satisfied_by"),
        )
        view_id = item.ident("id")
        if view_id in seen:
            raise item.error(f"the view id {view_id!r} is used twice in this dispute", "id")
        seen.add(view_id)
        requirement_fields = {k: v for k, v in item.value.items()  # type: ignore[attr-defined]  # a mapping: checked just above
                              if k in (*_DECIDERS, "question", "satisfied_by")}
        requirement_fields["label"] = item.str("label")
        requirement = read_element(
            Reader(item.doc, requirement_fields, item.path),
            id_required=False,
            default_id=f"{element_id}__{view_id}",
        )
        views.append(
            View(
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
        )
    if len(views) < 2:
        raise reader["views"].error("a Meinungsstreit needs at least two views")
    if sum(v.dominant for v in views) > 1:
        raise reader["views"].error("more than one view is marked dominant; expected at most one "
                                    "herrschende Meinung")
    return Dispute(reader.ident("id"), reader.str("question"), tuple(views))


def _read_view_name(reader: Reader) -> str | None:
    name = reader.opt_str("name")
    if name is not None and not name.startswith("die "):
        raise reader.error(f"{describe(name)} is not a name for a view; expected a feminine noun "
                           "with its article, e.g. 'die Gegenauffassung' or 'die Rechtsprechung'",
                           "name")
    return name


def _read_arguments(reader: Reader) -> tuple[Argument, ...]:
    """The arguments for a view: `- {kind: Wortlaut|Systematik|Telos|Historie, text: …}`."""
    if not reader.has("arguments"):
        return ()
    out = []
    for item in reader["arguments"].list(what="arguments"):
        item.mapping(required=("kind", "text"), optional=("sources",))
        out.append(Argument(item.choice("kind", ArgumentKind), item.str("text"),
                            read_sources(item)))
    return tuple(out)


def read_norm(reader: Reader) -> Norm:
    reader.mapping(required=NORM_KEYS_REQUIRED, optional=NORM_KEYS_OPTIONAL)
    norm_id = reader.ident("id")
    title = reader.str("title")
    # The Prüfungsschema: kumulative elements, or (for a definition) alternatives.
    tops = [key for key in ("elements", "any_of") if reader.has(key)]
    if len(tops) != 1:
        raise reader.error("a norm needs exactly one of 'elements' (kumulativ) or 'any_of' "
                           f"(alternativ) (found: {', '.join(tops) or 'none'})")
    combine_top = Combine.ALL_OF if tops[0] == "elements" else Combine.ANY_OF
    elements = tuple(read_element(e) for e in reader[tops[0]].list(what="elements"))
    procedural: tuple[Element, ...] = ()
    if reader.has("procedural"):
        procedural = tuple(read_element(e) for e in reader["procedural"].list(what="elements"))
    consequence = None
    if reader.has("consequence"):
        c = reader["consequence"].mapping(required=("text",), optional=("liable", "sources"))
        consequence = Consequence(c.str("text"), read_template(c, "liable"), read_sources(c))
    relations: tuple[Relation, ...] = ()
    if reader.has("relations"):
        relations = tuple(read_relation(r) for r in reader["relations"].list(what="relations"))
    norm = Norm(
        id=norm_id,
        citation=read_citation(reader["citation"]),
        title=title,
        kind=reader.choice("kind", NormKind),
        wording=reader.str("wording"),
        root=Element(id=norm_id, label=title, combine=combine_top, children=elements),
        consequence=consequence,
        procedural=procedural,
        relations=relations,
        sources=read_sources(reader),
        texts=read_texts(reader),
        file=reader.doc.file,
    )
    _check_unique_ids(reader, norm)
    return norm


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
            raise reader.error("a relation examined as a question of Anwendbarkeit needs a "
                               "'condition' (the requirement that bars the norm, e.g. "
                               "Beamter im staatsrechtlichen Sinne)")
        if requires_dominant:
            raise reader.error("a relation examined as a question of Anwendbarkeit cannot "
                               "require the dominant norm to be met: its condition stands on its "
                               "own; expected requires_dominant: false (or no such key)",
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
                f"the element id {element.id!r} is used for two different elements in norm "
                f"{norm.id!r}; expected unique ids within a norm"
            )


class _Satisfying(StrEnum):
    """The answers that can fulfil a leaf ('offen' never does)."""

    JA = "ja"
    NEIN = "nein"

    @property
    def answer(self) -> Answer:
        return Answer(self.value)
