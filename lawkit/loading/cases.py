"""Case files: Sachverhalt, Fallfrage, what to examine, and one answer per question."""

from __future__ import annotations

from lawkit.loading.yaml_reader import Problems, Reader, beschreibe
from lawkit.model.case import (
    Case,
    ElementExpectation,
    Examination,
    Fact,
    FactSentence,
    NormExpectation,
    Variant,
)
from lawkit.model.grammar import Genus, Numerus, Role, role_from_text
from lawkit.model.logic import Answer, Result

CASE_KEYS_REQUIRED = ("id", "title", "sachverhalt", "fallfrage", "examine", "facts")
CASE_KEYS_OPTIONAL = ("roles", "views", "expected", "variants", "final")
_GENDER = {"f": Genus.F, "m": Genus.M, "n": Genus.N}
_NUMBER = {"sg": Numerus.SG, "pl": Numerus.PL}


def read_roles(reader: Reader, key: str = "roles") -> dict[str, Role]:
    """Roles as the Gutachten declines them: `subject: {name: R, gender: f}`, `claimant:
    {name: Z-Bank, gender: f, article: true}` or the short form `claimant: die Z-Bank` (the
    article tells the gender)."""
    if not reader.has(key):
        return {}
    roles = {}
    for name, value in reader[key].items():
        if not (name.isidentifier() and name.isascii() and name == name.lower()):
            raise value.error(f"{name!r} ist kein Rollenname; erwartet ein Wort wie 'subject'")
        roles[name] = read_role(value, name)
    return roles


def read_role(reader: Reader, name: str) -> Role:
    if not isinstance(reader.value, dict):
        text = reader.text()
        role = role_from_text(text)
        if role is None:
            raise reader.error(
                f"die Rolle {name!r} ({beschreibe(text)}) braucht ihr grammatisches Geschlecht, damit "
                f"das Gutachten sie beugen kann (des/der {text}, Amtsträger/Amtsträgerin); erwartet "
                f"{{name: {text}, gender: f}} (f, m oder n) oder ein Substantiv mit Artikel wie "
                "'die Z-Bank'")
        return role
    reader.mapping(required=("name", "gender"), optional=("number", "article", "genitive"))
    gender = reader.str("gender")
    if gender not in _GENDER:
        raise reader.error(f"{beschreibe(gender)} ist kein Genus; erwartet f, m oder n", "gender")
    number = reader.opt_str("number") or "sg"
    if number not in _NUMBER:
        raise reader.error(f"{beschreibe(number)} ist kein Numerus; erwartet sg oder pl", "number")
    return Role(reader.str("name"), _GENDER[gender], _NUMBER[number],
                article=reader.boolean("article", False), genitive=reader.opt_str("genitive"))


def read_case(reader: Reader) -> Case:
    """A case file; every problem of every part is reported together."""
    problems = Problems()
    reader.mapping(required=CASE_KEYS_REQUIRED, optional=CASE_KEYS_OPTIONAL, problems=problems)
    examinations = []
    for item in problems.attempt(reader["examine"].list, what="zu prüfende Normen") or []:
        examination = problems.attempt(_read_examination, item)
        if examination is not None:
            examinations.append(examination)
    variants = []
    seen: set[str] = set()
    if reader.has("variants"):
        for item in problems.attempt(reader["variants"].list, what="Varianten") or []:
            variant = problems.attempt(_read_variant, item, seen)
            if variant is not None:
                variants.append(variant)
    fields = {
        "id": problems.attempt(reader.ident, "id"),
        "title": problems.attempt(reader.str, "title"),
        "sachverhalt": problems.attempt(reader.str, "sachverhalt"),
        "fallfrage": problems.attempt(reader.str, "fallfrage"),
        "facts": problems.attempt(read_facts, reader["facts"]),
        "roles": problems.attempt(read_roles, reader),
        "views": problems.attempt(read_views, reader),
        "expected": problems.attempt(read_expected, reader),
        "final": problems.attempt(reader.boolean, "final", False),
    }
    problems.raise_if_any()
    return Case(examinations=tuple(examinations), variants=tuple(variants), file=reader.doc.file,
                **fields)  # type: ignore[arg-type]  # fields: each read by its own typed reader


def _read_examination(item: Reader) -> Examination:
    item.mapping(required=("norm",), optional=("roles", "conduct"))
    return Examination(item.ident("norm"), read_roles(item), item.opt_str("conduct"))


def _read_variant(item: Reader, seen: set[str]) -> Variant:
    item.mapping(required=("id", "title"), optional=("facts", "views", "expected", "final"))
    variant_id = item.ident("id")
    if variant_id in seen:
        raise item.error(f"die Varianten-ID {variant_id!r} steht zweimal da; erwartet jede ID einmal",
                         "id")
    seen.add(variant_id)
    return Variant(
        id=variant_id,
        title=item.str("title"),
        facts=read_facts(item["facts"]) if item.has("facts") else {},
        views=read_views(item),
        expected=read_expected(item),
        final=item.boolean("final", False) if item.has("final") else None,
    )


def read_facts(reader: Reader) -> dict[str, Fact]:
    """Every fact with its answer; each bad fact is reported, the others are still read."""
    problems = Problems()
    facts = {}
    for key, item in reader.items():
        fact = problems.attempt(_read_fact, key, item)
        if fact is not None:
            facts[key] = fact
    for key, item in reader.items():
        for sentence in facts[key].sentences if key in facts else ():
            for other, _ in sentence.also:
                if other not in facts and other not in reader.value:  # type: ignore[operator]  # a mapping (read above)
                    problems.add(item["saetze"][sentence.answer.value]["zugleich"].error(
                        f"unbekannte Tatsache {other!r}; erwartet eine Tatsache dieses Falls "
                        f"({', '.join(facts)})"))
    problems.raise_if_any()
    return facts


def _read_fact(key: str, item: Reader) -> Fact:
    if isinstance(item.value, str):  # short form: "vorsatz: offen" is not enough
        raise item.error(
            "erwartet eine Zuordnung mit 'answer' und 'note' (die Stelle des Sachverhalts hinter "
            f"der Antwort), gefunden nur {item.value!r}"
        )
    problems = Problems()
    item.mapping(required=("answer", "note"),
                 optional=("source", "assumed", "problem", "brief", "saetze"), problems=problems)
    fact = Fact(
        key=key,
        answer=problems.attempt(item.choice, "answer", Answer),  # type: ignore[arg-type]  # no None: raise_if_any()
        note=problems.attempt(item.str, "note"),  # type: ignore[arg-type]  # no None: raise_if_any()
        source=problems.attempt(item.opt_str, "source"),
        assumed=bool(problems.attempt(item.boolean, "assumed", False)),
        problem=bool(problems.attempt(item.boolean, "problem", False)),
        brief=problems.attempt(item.opt_str, "brief"),
        sentences=(problems.attempt(read_sentences, item["saetze"], key) or ())
        if item.has("saetze") else (),
    )
    problems.raise_if_any()
    return fact


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
    raise reader.error(f"erwartet ja, nein oder offen, gefunden: {beschreibe(reader.value)}")


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
    raise reader.error("erwartet einen von erfüllt, nicht erfüllt, offen, gefunden: "
                       f"{beschreibe(reader.value)}")
