"""JSON Schemas for the authored files (norm, case, exercise, answer, kurs), for editors.

The schemas are built here from the loaders' own key lists and enums, and kept as files in
`lawkit/data/schema/<kind>.schema.json` (rewrite them with `python -m lawkit.authoring.json_schema`;
a test checks the files match). They describe the shape of a file — keys, types, allowed values —
so that an editor with the YAML language server completes and checks while typing. What needs the
library (does the norm id exist? does the case answer every question?) only `lawkit validate`
can check.
"""

from __future__ import annotations

import json
from pathlib import Path

from lawkit.loading.library import DATA_DIR

SCHEMA_DIR = DATA_DIR / "schema"
KINDS = ("norm", "case", "exercise", "answer", "kurs")
DRAFT = "https://json-schema.org/draft/2020-12/schema"
IDENT = "^[a-z][a-z0-9_]*$"

JsonObject = dict[str, object]


def schema_path(kind: str) -> Path:
    return SCHEMA_DIR / f"{kind}.schema.json"


def _text(description: str = "") -> JsonObject:
    out: JsonObject = {"type": "string", "minLength": 1}
    if description:
        out["description"] = description
    return out


def _ident(description: str = "") -> JsonObject:
    out: JsonObject = {"type": "string", "pattern": IDENT}
    if description:
        out["description"] = description
    return out


def _enum(values: tuple[str, ...] | list[str], description: str = "") -> JsonObject:
    out: JsonObject = {"enum": list(values)}
    if description:
        out["description"] = description
    return out


def _obj(properties: JsonObject, required: tuple[str, ...] = (), description: str = "",
         **extra: object) -> JsonObject:
    out: JsonObject = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = list(required)
    if description:
        out["description"] = description
    out.update(extra)
    return out


def _sources() -> JsonObject:
    return {"type": "array", "minItems": 1, "description": "Fundstellen (nur aus den Seeds)",
            "items": {"oneOf": [_text(), _obj({"text": _text(), "seed": _ident(), "at": _text()},
                                              ("text",))]}}


def _one_decider() -> list[JsonObject]:
    from lawkit.loading.norms import _DECIDERS

    return [{"required": [key]} for key in _DECIDERS]


def norm_schema() -> JsonObject:
    from lawkit.loading.norms import NORM_KEYS_REQUIRED, TEXT_KEYS
    from lawkit.model.norm import ArgumentKind, NormKind, RelationKind, RelationStage

    phrases = {key: _text(f"Satz des Gutachtens ({key}); Rollen als {{subject:nom}} usw.")
               for key in TEXT_KEYS}
    decider_props: JsonObject = {
        "all_of": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/element"},
                   "description": "kumulative Untermerkmale"},
        "any_of": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/element"},
                   "description": "alternative Untermerkmale"},
        "fact": _ident("die Tatsache, nach der der Sachverhalt gefragt wird"),
        "ref": {"type": "string", "pattern": "^[a-z0-9_]+(#[a-z0-9_]+)?$",
                "description": "Verweisung: 'norm_id' oder 'norm_id#merkmal_id'"},
        "dispute": {"$ref": "#/$defs/dispute"},
        "question": _text("die Frage an den Sachverhalt (nur mit fact)"),
        "satisfied_by": _enum(["ja", "nein"], "welche Antwort das Merkmal erfüllt (Standard: ja)"),
    }
    element_props: JsonObject = {
        "id": _ident("Merkmals-ID, eindeutig in der Norm"),
        "label": _text("Bezeichnung im Prüfungsschema"),
        "definition": _text(),
        "sources": _sources(),
        "cite": _text("Teil der Norm, z. B. 'Abs. 2' oder 'Nr. 1'"),
        **phrases,
        **decider_props,
    }
    view_props: JsonObject = {
        "id": _ident(), "label": _text(), "position": _text("die Auffassung in einem Satz"),
        "dominant": {"type": "boolean", "description": "herrschende Meinung (höchstens eine)"},
        "holder": _text(), "sources": _sources(),
        "name": {"type": "string", "pattern": "^die ", "description": "z. B. 'die Gegenauffassung'"},
        "arguments": {"type": "array", "items": _obj(
            {"kind": _enum([k.value for k in ArgumentKind]), "text": _text(), "sources": _sources()},
            ("kind", "text"))},
        "reason": _text(),
        **decider_props,
    }
    return {
        "$schema": DRAFT,
        "$id": "https://lawkit.invalid/schema/norm.schema.json",
        "title": "lawkit: Norm",
        "description": "Eine Norm als Prüfungsschema (docs/authoring.md, \"Normen\").",
        **_obj({
            "id": _ident("Norm-ID, gleich dem Dateinamen"),
            "citation": _text("kanonisch, z. B. '§ 203 Abs. 2 S. 1 StGB'; mehrere mit ' i.V.m. '"),
            "title": _text(),
            "kind": _enum([k.value for k in NormKind]),
            "wording": _text("der Wortlaut"),
            "elements": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/element"}},
            "any_of": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/element"}},
            "sources": _sources(),
            "consequence": _obj({"text": _text(), "liable": _text(), "sources": _sources()}, ("text",)),
            "procedural": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/element"},
                           "description": "Verfolgbarkeit (Strafantrag, Ermächtigung …)"},
            "relations": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/relation"},
                          "description": "Konkurrenzen"},
            **phrases,
        }, NORM_KEYS_REQUIRED, oneOf=[{"required": ["elements"]}, {"required": ["any_of"]}]),
        "$defs": {
            "element": _obj(element_props, ("id", "label"), oneOf=_one_decider(),
                            dependentRequired={"fact": ["question"]}),
            "dispute": _obj({"id": _ident(), "question": _text(),
                             "views": {"type": "array", "minItems": 2,
                                       "items": {"$ref": "#/$defs/view"}}},
                            ("id", "question", "views"), description="Meinungsstreit"),
            "view": _obj(view_props, ("id", "label", "position"), oneOf=_one_decider(),
                         dependentRequired={"fact": ["question"]}),
            "relation": _obj({
                "kind": _enum([k.value for k in RelationKind]),
                "yields_to": _ident("die vorrangige Norm"),
                "explanation": _text(),
                "condition": {"$ref": "#/$defs/element"},
                "requires_dominant": {"type": "boolean"},
                "sources": _sources(),
                "stage": _enum([s.value for s in RelationStage]),
            }, ("kind", "yields_to", "explanation")),
        },
    }


def case_schema() -> JsonObject:
    from lawkit.loading.cases import CASE_KEYS_REQUIRED
    from lawkit.model.logic import Answer, Result

    answers = [a.value for a in Answer]
    results = [r.value for r in Result]
    role = {"oneOf": [
        {"type": "string", "pattern": "^(der|die|das) ", "description": "z. B. 'die Z-Bank'"},
        _obj({"name": _text(), "gender": _enum(["f", "m", "n"]), "number": _enum(["sg", "pl"]),
              "article": {"type": "boolean"}, "genitive": _text()}, ("name", "gender"))]}
    roles = {"type": "object", "propertyNames": {"pattern": "^[a-z_][a-z0-9_]*$"},
             "additionalProperties": role}
    sentence = {"oneOf": [_text(), _obj({"text": _text(), "zugleich": {
        "type": "object", "additionalProperties": _enum(answers)}}, ("text",))]}
    fact = _obj({"answer": _enum(answers), "note": _text("die Stelle des Sachverhalts"),
                 "source": _text(), "assumed": {"type": "boolean"}, "problem": {"type": "boolean"},
                 "brief": _text(),
                 "saetze": _obj({a: sentence for a in answers}, minProperties=1)},
                ("answer", "note"))
    facts = {"type": "object", "propertyNames": {"pattern": IDENT}, "additionalProperties": fact}
    views = {"type": "object", "additionalProperties": _ident(), "description": "streit_id: ansicht_id"}
    element_expectation = {"oneOf": [_enum(results), _obj(
        {"result": _enum(results), "examined": {"type": "boolean"}, "dahinstehen": {"type": "boolean"}},
        ("result",))]}
    expected = {"type": "object", "additionalProperties": {"oneOf": [_enum(results), _obj({
        "result": _enum(results), "citation": _text(), "prosecutable": _enum(results),
        "displaced": _enum(results), "applies": _enum(results),
        "deciding": {"type": "array", "items": _text()},
        "elements": {"type": "object", "additionalProperties": element_expectation}}, ("result",))]}}
    return {
        "$schema": DRAFT,
        "$id": "https://lawkit.invalid/schema/case.schema.json",
        "title": "lawkit: Fall",
        "description": "Ein Fall: Sachverhalt, Fallfrage, zu prüfende Normen, eine Antwort je Frage.",
        **_obj({
            "id": _ident("Fall-ID, gleich dem Dateinamen"),
            "title": _text(), "sachverhalt": _text(), "fallfrage": _text(),
            "examine": {"type": "array", "minItems": 1, "items": _obj(
                {"norm": _ident(), "roles": roles, "conduct": _text("ergänzt \"indem …\"")}, ("norm",))},
            "facts": facts,
            "roles": roles,
            "views": views,
            "expected": expected,
            "variants": {"type": "array", "minItems": 1, "items": _obj(
                {"id": _ident(), "title": _text(), "facts": facts, "views": views,
                 "expected": expected, "final": {"type": "boolean"}}, ("id", "title"))},
            "final": {"type": "boolean"},
        }, CASE_KEYS_REQUIRED),
    }


def exercise_schema() -> JsonObject:
    from lawkit.coursework.loading import (
        EXERCISE_KEYS_REQUIRED,
        RUBRIC_SHARES,
        RUBRIC_WEIGHTS,
        SOLUTION_KEYS_REQUIRED,
    )
    from lawkit.coursework.model import ELEMENT_RESULTS, LEVELS, STIL_CRITERIA

    number = {"type": "number", "minimum": 0}
    seed_sources = {"type": "array", "minItems": 1, "items": _obj(
        {"seed": _ident(), "at": _text(), "text": _text()}, ("seed", "at"))}
    return {
        "$schema": DRAFT,
        "$id": "https://lawkit.invalid/schema/exercise.schema.json",
        "title": "lawkit: Aufgabe",
        "description": "Die Masterdatei einer Aufgabe (docs/grading-formats.md).",
        **_obj({
            "id": _ident("Aufgaben-ID, gleich dem Dateinamen"),
            "title": _text(),
            "level": _enum(LEVELS),
            "case": {"type": "string", "pattern": "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?$",
                     "description": "'fall' oder 'fall.variante'"},
            "sachverhalt": _text(), "fallfrage": _text(),
            "bearbeitervermerk": _text("nennt jede verlangte Norm"),
            "sources": seed_sources,
            "solution": _obj({
                "required": {"type": "array", "minItems": 1, "items": _obj(
                    {"norm": _ident(), "weight": {"type": "number", "exclusiveMinimum": 0}},
                    ("norm", "weight"))},
                "optional": {"type": "array", "items": _ident()},
                "vertretbar": {"type": "object", "propertyNames": {
                    "pattern": "^[a-z0-9_]+(#[a-z0-9_]+)?$"}, "additionalProperties": _obj(
                        {"results": {"type": "array", "minItems": 1, "uniqueItems": True,
                                     "items": _enum(ELEMENT_RESULTS)},
                         "because": _text(), "sources": seed_sources}, ("results", "because"))},
                "rubric": _obj({**{k: number for k in (*RUBRIC_SHARES, *RUBRIC_WEIGHTS)},
                                "stil": _obj({k: number for k in STIL_CRITERIA})}),
                "skizze": _text("die Lösungsskizze"),
            }, SOLUTION_KEYS_REQUIRED),
        }, EXERCISE_KEYS_REQUIRED),
    }


def answer_schema() -> JsonObject:
    from lawkit.coursework.model import ELEMENT_RESULTS, NORM_RESULTS
    from lawkit.grading.answers import _TOP_REQUIRED

    return {
        "$schema": DRAFT,
        "$id": "https://lawkit.invalid/schema/answer.schema.json",
        "title": "lawkit: Antwort",
        "description": "Die Antwort eines Studierenden (docs/grading-formats.md).",
        **_obj({
            "exercise": _text(),
            "student": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,40}$",
                        "description": "Matrikelnummer als Text"},
            "name": {"type": "string"},
            "submitted": {"type": "string"},
            "norms": {"type": "array", "minItems": 1, "items": _obj({
                "norm": _ident(), "result": _enum(NORM_RESULTS), "begruendung": {"type": "string"},
                "elements": {"type": "object", "additionalProperties": _obj(
                    {"result": _enum(ELEMENT_RESULTS), "begruendung": {"type": "string"}}, ("result",))},
            }, ("norm", "result"))},
            "konkurrenzen": {"type": "array", "minItems": 1, "items": _obj(
                {"norm": _ident(), "yields_to": _ident()}, ("norm", "yields_to"))},
            "konkurrenzen_begruendung": {"type": "string"},
            "gesamtergebnis": _obj({"applies": {"type": "array", "items": _ident()},
                                    "text": {"type": "string"}}, ("applies",)),
        }, _TOP_REQUIRED),
    }


def kurs_schema() -> JsonObject:
    from lawkit.loading.kurs import KURS_KEYS_REQUIRED

    return {
        "$schema": DRAFT,
        "$id": "https://lawkit.invalid/schema/kurs.schema.json",
        "title": "lawkit: Kursordner",
        "description": "kurs.yaml: der Name des Kurses (docs/kurs.md).",
        **_obj({"name": _text(), "dozent": _text(), "semester": _text(), "beschreibung": _text()},
               KURS_KEYS_REQUIRED),
    }


BUILDERS = {"norm": norm_schema, "case": case_schema, "exercise": exercise_schema,
            "answer": answer_schema, "kurs": kurs_schema}


def schema_text(kind: str) -> str:
    return json.dumps(BUILDERS[kind](), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas() -> list[Path]:
    from lawkit._atomic import write_atomic

    written = []
    for kind in KINDS:
        write_atomic(schema_path(kind), schema_text(kind), private=False)
        written.append(schema_path(kind))
    return written


if __name__ == "__main__":
    for path in write_schemas():
        print(f"wrote {path}")
