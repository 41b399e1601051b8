"""The JSON Schemas for editors (lawkit/data/schema): in sync with the loaders, accepting every
shipped file, and agreeing with the loaders' verdict on the malformed-file corpus."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from lawkit.authoring.json_schema import KINDS, schema_path, schema_text
from lawkit.coursework.loading import COURSE_DIR, load_exercise
from lawkit.errors import AuthoringError, LawkitError
from lawkit.grading.answers import load_answer
from lawkit.loading.library import DATA_DIR, load_case, load_norm
from tests.test_authoring_errors import CASE_CASES, NORM_CASES

CORPUS = Path(__file__).parent / "data" / "authoring"
GRADING = Path(__file__).parent / "data" / "grading"
KURS = Path(__file__).parent / "data" / "kurs_strafrecht"  # the example course folder


class _Yaml(yaml.SafeLoader):
    """YAML as an editor's language server sees it: a date stays text (lawkit reads it as text)."""


_Yaml.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _load(text: str) -> object:
    return yaml.load(text, Loader=_Yaml)


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _schema_errors(kind: str, data: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in _validator(kind).iter_errors(data)]


@pytest.mark.parametrize("kind", KINDS)
def test_schema_files_are_what_the_loaders_key_lists_give(kind):
    """Rebuild with `python -m lawkit.authoring.json_schema` when a loader gains a key."""
    assert schema_path(kind).read_text(encoding="utf-8") == schema_text(kind)


SHIPPED = ([("norm", p) for p in sorted((DATA_DIR / "norms").glob("*.yaml"))]
           + [("case", p) for p in sorted((DATA_DIR / "cases").glob("*.yaml"))]
           + [("exercise", p) for p in sorted(COURSE_DIR.glob("*.yaml"))]
           + [("exercise", p) for p in sorted((GRADING / "course").glob("*.yaml"))]
           + [("answer", p) for p in sorted((GRADING / "answers").glob("*"))]
           + [("kurs", KURS / "kurs.yaml")]
           + [(kind, p) for kind, folder in (("norm", "norms"), ("case", "cases"), ("exercise", "aufgaben"))
              for p in sorted((KURS / folder).glob("*.yaml"))])


@pytest.mark.parametrize(("kind", "path"), SHIPPED, ids=[f"{k}:{p.name}" for k, p in SHIPPED])
def test_every_shipped_file_fits_its_schema(kind, path):
    data = (json.loads(path.read_text(encoding="utf-8")) if path.suffix == ".json"
            else _load(path.read_text(encoding="utf-8")))
    assert _schema_errors(kind, data) == []


def test_there_are_shipped_files_of_every_kind():
    assert {kind for kind, _ in SHIPPED} == {"norm", "case", "exercise", "answer", "kurs"}
    assert len(SHIPPED) > 40


def _loader_verdict(kind: str, path: Path) -> bool:
    """True if lawkit's loader accepts the file."""
    try:
        if kind == "norm":
            load_norm(path)
        elif kind == "case":
            load_case(path)
        elif kind == "exercise":
            load_exercise(path)
        else:
            load_answer(path)
    except LawkitError:
        return False
    return True


CORPUS_FILES = sorted(CORPUS.glob("*"))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def test_schema_and_loader_agree_on_the_corpus(path):
    """Each corpus file is either well-formed (both accept) or has a slip of shape (both refuse)."""
    kind = path.name.split("_")[0]
    data = (json.loads(path.read_text(encoding="utf-8")) if path.suffix == ".json"
            else _load(path.read_text(encoding="utf-8")))
    schema_ok = not _schema_errors(kind, data)
    assert schema_ok == _loader_verdict(kind, path)
    assert schema_ok == path.stem.endswith("_ok")


def test_the_corpus_covers_every_kind_good_and_bad():
    kinds = {(p.name.split("_")[0], p.stem.endswith("_ok")) for p in CORPUS_FILES}
    assert kinds == {(k, ok) for k in ("norm", "case", "exercise", "answer") for ok in (True, False)}


# The malformed texts of test_authoring_errors: the schema refuses every slip of shape; the
# others need the library (unknown ids, facts no norm asks, …) or the text's grammar, which only
# `lawkit validate` can check.
NEEDS_THE_LIBRARY = {
    "empty file", "not YAML", "not UTF-8 (Windows cp1252)", "key given twice",  # YAML/bytes level
    "role slot without a case", "role noun lawkit cannot decline", "declined article in a role noun",
    "text slot with a case", "citation not canonical", "Verweisung to an unknown norm", "unknown seed",
    "same fact asked in other words", "Anwendbarkeit without condition",
    "unknown fact", "missing fact", "unknown norm", "unknown view", "Straftatbestand without conduct",
    "role missing",
}


@pytest.mark.parametrize("name", [n for n in NORM_CASES if n not in NEEDS_THE_LIBRARY])
def test_schema_refuses_the_norm_slips_of_shape(name, tmp_path):
    text = NORM_CASES[name][0]
    assert _schema_errors("norm", _load(text)) != []
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AuthoringError):
        load_norm(path)


@pytest.mark.parametrize("name", [n for n in CASE_CASES if n not in NEEDS_THE_LIBRARY])
def test_schema_refuses_the_case_slips_of_shape(name):
    assert _schema_errors("case", _load(CASE_CASES[name][0])) != []


@pytest.mark.parametrize("name", [n for n in NORM_CASES if n in NEEDS_THE_LIBRARY and n not in (
    "empty file", "not YAML", "not UTF-8 (Windows cp1252)", "key given twice")])
def test_what_needs_the_library_passes_the_schema_and_only_validate_finds_it(name):
    """Honest about the limit: these norm files fit the schema, yet the loader refuses them."""
    assert _schema_errors("norm", _load(NORM_CASES[name][0])) == []
