"""Case files: Sachverhalt, Fallfrage, what to examine, and one answer per question."""

from __future__ import annotations

from lawkit.loading.yaml_reader import Reader, describe
from lawkit.model.case import (
    Case,
    ElementExpectation,
    Examination,
    Fact,
    FactSentence,
    NormExpectation,
    Variant,
)
from lawkit.model.logic import Answer, Result

CASE_KEYS_REQUIRED = ("id", "title", "sachverhalt", "fallfrage", "examine", "facts")
CASE_KEYS_OPTIONAL = ("roles", "views", "expected", "variants")


def read_roles(reader: Reader, key: str = "roles") -> dict[str, str]:
    if not reader.has(key):
        return {}
    roles = {}
    for name, value in reader[key].items():
        if not name.isidentifier():
            raise value.error(f"{name!r} is not a role name; expected a word like 'subject'")
        roles[name] = value.text()
    return roles


def read_case(reader: Reader) -> Case:
    reader.mapping(required=CASE_KEYS_REQUIRED, optional=CASE_KEYS_OPTIONAL)
    examinations = []
    for item in reader["examine"].list(what="norms to examine"):
        item.mapping(required=("norm",), optional=("roles", "conduct"))
        examinations.append(
            Examination(item.ident("norm"), read_roles(item), item.opt_str("conduct"))
        )
    variants = []
    seen: set[str] = set()
    if reader.has("variants"):
        for item in reader["variants"].list(what="variants"):
            item.mapping(required=("id", "title"), optional=("facts", "views", "expected"))
            variant_id = item.ident("id")
            if variant_id in seen:
                raise item.error(f"the variant id {variant_id!r} is used twice", "id")
            seen.add(variant_id)
            variants.append(Variant(
                id=variant_id,
                title=item.str("title"),
                facts=read_facts(item["facts"]) if item.has("facts") else {},
                views=read_views(item),
                expected=read_expected(item),
            ))
    return Case(
        id=reader.ident("id"),
        title=reader.str("title"),
        sachverhalt=reader.str("sachverhalt"),
        fallfrage=reader.str("fallfrage"),
        examinations=tuple(examinations),
        facts=read_facts(reader["facts"]),
        roles=read_roles(reader),
        views=read_views(reader),
        expected=read_expected(reader),
        variants=tuple(variants),
        file=reader.doc.file,
    )


def read_facts(reader: Reader) -> dict[str, Fact]:
    facts = {}
    for key, item in reader.items():
        if isinstance(item.value, str):  # short form: "vorsatz: offen" is not enough
            raise item.error(
                "expected a mapping with 'answer' and 'note' (the passage of the Sachverhalt "
                f"behind the answer), got only {item.value!r}"
            )
        item.mapping(required=("answer", "note"), optional=("source", "assumed", "saetze"))
        facts[key] = Fact(
            key=key,
            answer=item.choice("answer", Answer),
            note=item.str("note"),
            source=item.opt_str("source"),
            assumed=item.boolean("assumed", False),
            sentences=read_sentences(item["saetze"], key) if item.has("saetze") else (),
        )
    for key, item in reader.items():
        for sentence in facts[key].sentences:
            for other, _ in sentence.also:
                if other not in facts:
                    raise item["saetze"][sentence.answer.value]["zugleich"].error(
                        f"unbekannte Tatsache {other!r}; erwartet eine Tatsache dieses Falls "
                        f"({', '.join(facts)})")
    return facts


def read_sentences(reader: Reader, key: str) -> tuple[FactSentence, ...]:
    """`saetze: {ja: TEXT, nein: TEXT, offen: TEXT}` (any of the three), each TEXT or
    `{text: TEXT, zugleich: {fact: answer}}`: the Sachverhalt sentence for each answer."""
    reader.mapping(optional=tuple(a.value for a in Answer))
    if not reader.value:
        raise reader.error("erwartet mindestens einen Satz (ja, nein oder offen)")
    sentences = []
    for answer_text, item in reader.items():
        answer = Answer(answer_text)
        if isinstance(item.value, dict):
            item.mapping(required=("text",), optional=("zugleich",))
            also = []
            if item.has("zugleich"):
                for other, value in item["zugleich"].items():
                    if other == key:
                        raise value.error("ein Satz kann nicht zugleich seine eigene Tatsache festlegen; "
                                          "erwartet eine andere Tatsache")
                    also.append((other, _answer(value)))
            sentences.append(FactSentence(answer, item.str("text"), tuple(also)))
        else:
            sentences.append(FactSentence(answer, item.text()))
    return tuple(sentences)


def _answer(reader: Reader) -> Answer:
    for answer in Answer:
        if reader.value == answer.value:
            return answer
    raise reader.error(f"erwartet ja, nein oder offen, gefunden: {describe(reader.value)}")


def read_views(reader: Reader) -> dict[str, str]:
    views = {}
    if reader.has("views"):
        for dispute, view in reader["views"].items():
            views[dispute] = view.text()
    return views


_EXPECT_NORM = ("result", "citation", "prosecutable", "displaced", "applies", "deciding", "elements")


def read_expected(reader: Reader) -> dict[str, NormExpectation]:
    """Expected results per norm (test data): `norm_id: {result: …, elements: {id: result}}`."""
    if not reader.has("expected"):
        return {}
    expected = {}
    for norm_id, item in reader["expected"].items():
        if isinstance(item.value, str):
            expected[norm_id] = NormExpectation(_result(item))
            continue
        item.mapping(required=("result",), optional=_EXPECT_NORM)
        elements = {}
        if item.has("elements"):
            for element_id, element in item["elements"].items():
                if isinstance(element.value, str):
                    elements[element_id] = ElementExpectation(_result(element))
                    continue
                element.mapping(required=("result",), optional=("examined", "dahinstehen"))
                elements[element_id] = ElementExpectation(
                    _result(element["result"]), _opt_bool(element, "examined"),
                    _opt_bool(element, "dahinstehen"),
                )
        deciding = None
        if item.has("deciding"):
            deciding = tuple(d.text() for d in item["deciding"].list(non_empty=False, what="fact keys"))
        expected[norm_id] = NormExpectation(
            result=_result(item["result"]),
            citation=item.opt_str("citation"),
            prosecutable=_result(item["prosecutable"]) if item.has("prosecutable") else None,
            displaced=_result(item["displaced"]) if item.has("displaced") else None,
            applies=_result(item["applies"]) if item.has("applies") else None,
            deciding=deciding,
            elements=elements,
        )
    return expected


def _opt_bool(reader: Reader, key: str) -> bool | None:
    return reader.boolean(key, False) if reader.has(key) else None


def _result(reader: Reader) -> Result:
    for result in Result:
        if reader.value == result.value:
            return result
    raise reader.error("expected one of erfüllt, nicht erfüllt, offen, got "
                       f"{describe(reader.value)}")
