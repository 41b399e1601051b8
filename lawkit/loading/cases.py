"""Case files: Sachverhalt, Fallfrage, what to examine, and one answer per question."""

from __future__ import annotations

from lawkit.loading.yaml_reader import Reader
from lawkit.model.case import Case, Examination, Fact
from lawkit.model.logic import Answer

CASE_KEYS_REQUIRED = ("id", "title", "sachverhalt", "fallfrage", "examine", "facts")
CASE_KEYS_OPTIONAL = ("roles", "views", "expected")


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
    facts = {}
    for key, item in reader["facts"].items():
        if isinstance(item.value, str):  # short form: "vorsatz: offen" is not enough
            raise item.error(
                "expected a mapping with 'answer' and 'note' (the passage of the Sachverhalt "
                f"behind the answer), got only {item.value!r}"
            )
        item.mapping(required=("answer", "note"), optional=("source", "assumed"))
        facts[key] = Fact(
            key=key,
            answer=item.choice("answer", Answer),
            note=item.str("note"),
            source=item.opt_str("source"),
            assumed=item.boolean("assumed", False),
        )
    views = {}
    if reader.has("views"):
        for dispute, view in reader["views"].items():
            views[dispute] = view.text()
    return Case(
        id=reader.ident("id"),
        title=reader.str("title"),
        sachverhalt=reader.str("sachverhalt"),
        fallfrage=reader.str("fallfrage"),
        examinations=tuple(examinations),
        facts=facts,
        roles=read_roles(reader),
        views=views,
        file=reader.doc.file,
    )
