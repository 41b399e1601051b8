"""Property: whatever a class folder holds, `grade_batch` never raises, every entry named like
an answer is either graded or reported with a reason, and every valid answer is graded (issue 11).

Runs with the hypothesis profile "ci" (tests/conftest.py: 1,000 derandomised examples)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawkit.exercises import load_exercise
from lawkit.grading import grade_batch
from lawkit.grading.answers import PROSE_SUFFIXES, STRUCTURED_SUFFIXES

DATA = Path(__file__).parent / "data" / "grading"
BASE = json.loads((DATA / "answers" / "konkurrenz_perfect.json").read_text(encoding="utf-8"))
FINDINGS = ("erfüllt", "nicht erfüllt", "offen")
ELEMENT_FINDINGS = (*FINDINGS, "kann dahinstehen")

# texts that broke (or could break) a reader: surrogates, escapes, capital suffixes, controls
NASTY = st.sampled_from(["\ud800", "\udfff", "\x1b[31m", "\x00", "§ 100A StPO", "§§ 203A, 204", "Art. 34A GG",
                         "§0A", "§ 2020 bis Abs. i.V.m.", "\u202e", "'=cmd|", "ä" * 3, "\r\n"])
TEXT = st.one_of(st.text(max_size=30), NASTY, st.lists(NASTY, max_size=4).map("".join))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12)


@st.composite
def valid_answers(draw: st.DrawFn, student: str) -> dict:
    answer = json.loads(json.dumps(BASE))
    answer["student"] = student
    answer["name"] = draw(st.one_of(st.none(), TEXT.filter(lambda t: "\ud800" not in t and "\udfff" not in t)))
    if answer["name"] is None or not answer["name"].strip():
        del answer["name"]
    for norm in answer["norms"]:
        norm["result"] = draw(st.sampled_from(FINDINGS))
        for element in norm.get("elements", {}).values():
            element["result"] = draw(st.sampled_from(ELEMENT_FINDINGS))
    answer["gesamtergebnis"]["applies"] = draw(st.lists(st.sampled_from(["stgb_203_2_1", "stgb_204_1"]),
                                                        unique=True))
    return answer


KINDS = ("valid", "bytes", "json", "yaml", "huge_number", "deep", "empty", "comment", "surrogate",
         "fifo", "folder", "other_exercise", "long_string", "gutachten", "prose_bytes", "prose_text")
PROSE_KINDS = ("gutachten", "prose_bytes", "prose_text")
GUTACHTEN = ("---\nexercise: g_konkurrenz\nstudent: \"{student}\"\n---\nM könnte sich nach § 203 Abs. 2 S. 1 "
             "StGB strafbar gemacht haben. Die Kundenliste ist ein Geheimnis. {extra}\n")


@st.composite
def entries(draw: st.DrawFn) -> list[tuple[str, str, object]]:
    """(file name, kind, content) for a small class folder."""
    out = []
    for index, kind in enumerate(draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=6))):
        prose = kind in PROSE_KINDS or (kind in ("fifo", "folder", "empty", "bytes") and draw(st.booleans()))
        suffix = draw(st.sampled_from(PROSE_SUFFIXES if prose else STRUCTURED_SUFFIXES))
        if kind == "gutachten":
            suffix = ".md"
        name = f"f{index}{suffix}"
        if kind == "gutachten":  # a Gutachten with front matter: always graded, whatever its text
            content = GUTACHTEN.format(student=f"7{index:05d}", extra=draw(TEXT.filter(
                lambda t: "\ud800" not in t and "\udfff" not in t and "\n---" not in t)))
        elif kind == "prose_bytes":
            content = draw(st.binary(max_size=400))
        elif kind == "prose_text":
            content = draw(st.text(max_size=300))
        elif kind == "valid":
            content: object = draw(valid_answers(f"7{index:05d}"))
        elif kind == "bytes":
            content = draw(st.binary(max_size=200))
        elif kind == "json":
            content = json.dumps(draw(JSON_VALUES), ensure_ascii=draw(st.booleans()))
        elif kind == "yaml":
            content = draw(st.text(alphabet=":-[]{}'\"&*!|>#\n abc\t", max_size=80))
        elif kind == "huge_number":
            content = '{"exercise": "g_konkurrenz", "student": "1", "norms": [], "x": ' + "9" * draw(
                st.integers(4300, 6000)) + "}"
        elif kind == "deep":
            depth = draw(st.integers(60, 5000))
            content = "[" * depth + "]" * depth
        elif kind == "empty":
            content = ""
        elif kind == "comment":
            content = "# nur ein Kommentar\n"
        elif kind == "surrogate":
            content = json.dumps(dict(BASE, student=f"7{index:05d}", name="x\ud800"), ensure_ascii=True)
        elif kind == "other_exercise":
            content = json.dumps(dict(BASE, student=f"7{index:05d}", exercise="g_streit"))
        elif kind == "long_string":
            content = json.dumps(dict(BASE, student=f"7{index:05d}", name="n" * 1_000_001))
        else:
            content = None  # fifo / folder
        out.append((name, kind, content))
    return out


@pytest.fixture(scope="module")
def library_for_properties(library):
    return load_exercise(DATA / "course" / "g_konkurrenz.yaml", library), library


def _write(folder: Path, name: str, kind: str, content: object) -> None:
    path = folder / name
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, dict) and path.suffix == ".json":
        path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    elif isinstance(content, dict):  # as a teacher's tool writes YAML: control characters escaped
        path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    else:
        path.write_bytes(str(content).encode("utf-8", "surrogatepass"))


@settings(settings.get_profile("ci"), suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(entries())
def test_grade_never_raises_and_accounts_for_every_file(library_for_properties, items):
    exercise, library = library_for_properties
    root = Path(tempfile.mkdtemp(prefix="lawkit-prop-"))
    try:
        subs = root / "abgaben"
        subs.mkdir()
        for name, kind, content in items:
            _write(subs, name, kind, content)
        report = grade_batch(exercise, subs, root / "out", library=library)
        graded = {r.file for r in report.rows}
        problems: dict[str, list[str]] = {}
        for problem in report.problems:
            problems.setdefault(problem.file, []).append(problem.reason)
            assert problem.reason.strip(), problem
        for name, kind, _ in items:
            path = str(subs / name)
            if kind in ("valid", "gutachten"):
                assert path in graded, (name, problems.get(path))
            else:
                assert path in graded or path in problems, (name, kind)
        errors = (root / "out" / "errors.txt").read_text(encoding="utf-8")
        for path in problems:
            assert path in errors
        assert not [p for p in (root / "out").rglob("*") if p.name.endswith(".tmp")]
    finally:
        shutil.rmtree(root, ignore_errors=True)
