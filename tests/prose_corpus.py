"""The annotated corpus of prose Gutachten (tests/data/prose/) and how a reading is scored.

Each `<exercise>/<name>.md` has a hand annotation `<name>.yaml` (format in docs/reading.md):
the elements the text discusses, each with the student's result and an anchor (a quoted
substring of the text that the test resolves to a span), the result per norm, Konkurrenzen,
Gesamtergebnis, the style findings an examiner would note, and `reader:` — what the reader gets
wrong today (pinned by the tests, counted by the benchmark). `split: holdout` marks the third
written last and never used to tune the reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from lawkit.reading import Reading, read_gutachten, read_prose

CORPUS = Path(__file__).resolve().parent / "data" / "prose"
UNSURE = "unsure"


@dataclass(frozen=True)
class Annotated:
    path: Path
    exercise: str
    split: str
    style: str
    elements: dict[str, tuple[str | None, str]]  # "norm#element" -> (result, anchor)
    norms: dict[str, str | None]
    konkurrenzen: set[tuple[str, str]]
    gesamtergebnis: set[str] | None
    notes: list[tuple[str, str]]
    no_notes: list[str]
    messages: list[str]
    misses: set[str] = field(default_factory=set)
    extra: set[str] = field(default_factory=set)
    wrong: dict[str, str | None] = field(default_factory=dict)
    deviations: dict[str, Any] = field(default_factory=dict)  # the whole `reader:` block

    @property
    def name(self) -> str:
        return f"{self.exercise}/{self.path.stem}"


def corpus() -> list[Annotated]:
    out = []
    for md in sorted(CORPUS.glob("*/*.md")):
        data: dict[str, Any] = yaml.safe_load(md.with_suffix(".yaml").read_text(encoding="utf-8"))
        elements: dict[str, tuple[str | None, str]] = {}
        norms: dict[str, str | None] = {}
        for norm_id, norm in (data.get("norms") or {}).items():
            norms[norm_id] = norm.get("result")
            for element_id, entry in (norm.get("elements") or {}).items():
                elements[f"{norm_id}#{element_id}"] = (entry.get("result"), entry["anchor"])
        reader = data.get("reader") or {}
        gesamt = data.get("gesamtergebnis")
        out.append(Annotated(
            md, md.parent.name, data["split"], data["style"], elements, norms,
            {tuple(pair) for pair in data.get("konkurrenzen") or []},
            None if gesamt is None else set(gesamt),
            [tuple(n) for n in data.get("notes") or []], list(data.get("no_notes") or []),
            list(data.get("messages") or []),
            set(reader.get("misses") or []), set(reader.get("extra") or []),
            dict(reader.get("wrong") or {}), dict(reader),
        ))
    return out


@cache
def _exercise(exercise_id: str) -> tuple[tuple[Any, ...], Any]:
    from lawkit import default_library, find_exercise

    library = default_library()
    exercise = find_exercise(exercise_id)
    ids = [*exercise.solution.required_ids, *exercise.solution.optional]
    return tuple(library.norm(i) for i in ids), exercise.case(library)


def anchor_span(text: str, anchor: str) -> tuple[int, int]:
    """Where an anchor stands in the text: "quoted words", or "quoted words@2" for the second of
    several occurrences. Raises ValueError unless it is found (exactly once without @N)."""
    words, _, nth = anchor.rpartition("@") if "@" in anchor and anchor.rsplit("@", 1)[1].isdigit() else (anchor, "", "")
    starts = []
    position = text.find(words)
    while position >= 0:
        starts.append(position)
        position = text.find(words, position + 1)
    if not starts:
        raise ValueError(f"anchor {anchor!r} not in the text")
    if not nth:
        if len(starts) != 1:
            raise ValueError(f"anchor {anchor!r} occurs {len(starts)} times; add @N")
        return starts[0], starts[0] + len(words)
    index = int(nth) - 1
    if index >= len(starts):
        raise ValueError(f"anchor {anchor!r}: only {len(starts)} occurrences")
    return starts[index], starts[index] + len(words)


def read(item: Annotated) -> Reading:
    from lawkit import default_library

    norms, case = _exercise(item.exercise)
    return read_gutachten(read_prose(item.path), norms=norms, library=default_library(), case=case)


def found_elements(reading: Reading) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for norm in reading.norms:
        for element in norm.elements:
            out[f"{norm.norm}#{element.element}"] = (
                UNSURE if element.unsure else (element.conclusion.value if element.conclusion else None))
    return out


def found_norms(reading: Reading) -> dict[str, str | None]:
    return {n.norm: (UNSURE if n.unsure else (n.conclusion.value if n.conclusion else None))
            for n in reading.norms}


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    correct: int = 0
    judged: int = 0
    details: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.false_negative
        return self.true_positive / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.judged if self.judged else 1.0


def score(item: Annotated, reading: Reading, into: Score | None = None) -> Score:
    """Element detection (discussed or not) and conclusion accuracy (elements and norms with a
    result in the annotation that the reader found; "nicht sicher erkannt" counts as wrong unless
    the annotation says the text itself is contradictory)."""
    result = into or Score()
    expected = item.elements
    found = found_elements(reading)
    for key in expected.keys() & found.keys():
        result.true_positive += 1
        want = expected[key][0]
        if want is not None:
            result.judged += 1
            if found[key] == want:
                result.correct += 1
            else:
                result.details.append(f"{item.name}: {key}: read {found[key]!r}, annotated {want!r}")
    for key in found.keys() - expected.keys():
        result.false_positive += 1
        result.details.append(f"{item.name}: {key}: read, not annotated")
    for key in expected.keys() - found.keys():
        result.false_negative += 1
        result.details.append(f"{item.name}: {key}: annotated, not read")
    norms = found_norms(reading)
    for norm_id, want in item.norms.items():
        if want is None or norm_id not in norms:
            continue
        result.judged += 1
        if norms[norm_id] == want:
            result.correct += 1
        else:
            result.details.append(f"{item.name}: norm {norm_id}: read {norms[norm_id]!r}, annotated {want!r}")
    return result


def note_keys(reading: Reading) -> list[tuple[str, str]]:
    return [(f"{n.norm}#{n.element}" if n.element else (n.norm or "-"), n.text) for n in reading.style]


def outcome(item: Annotated, reading: Reading) -> dict[str, Any]:
    """How the reading differs from the annotation: the `reader:` block the tests pin."""
    expected = {k: v[0] for k, v in item.elements.items()}
    found = found_elements(reading)
    norms = found_norms(reading)
    wrong: dict[str, Any] = {k: found[k] for k in expected.keys() & found.keys() if found[k] != expected[k]}
    for norm_id, want in item.norms.items():
        if want is not None and norm_id in norms and norms[norm_id] != want:
            wrong[f"norm:{norm_id}"] = norms[norm_id]
    out: dict[str, Any] = {}
    if expected.keys() - found.keys():
        out["misses"] = sorted(expected.keys() - found.keys())
    if found.keys() - expected.keys():
        out["extra"] = sorted(found.keys() - expected.keys())
    if wrong:
        out["wrong"] = dict(sorted(wrong.items()))
    misplaced = []
    for norm in reading.norms:
        for element in norm.elements:
            key = f"{norm.norm}#{element.element}"
            if key in item.elements:
                start, end = anchor_span(reading.text, item.elements[key][1])
                if not any(span.start < end and start < span.end for span in element.spans):
                    misplaced.append(key)
    if misplaced:
        out["misplaced"] = sorted(misplaced)  # read as discussed, but not where the anchor stands
    gesamt = reading.gesamtergebnis
    read_gesamt = None if gesamt is None else set(gesamt.applies)
    if read_gesamt != item.gesamtergebnis:
        out["gesamtergebnis"] = None if read_gesamt is None else sorted(read_gesamt)
    konk = {(k.norm, k.yields_to) for k in reading.konkurrenzen}
    if konk != item.konkurrenzen:
        out["konkurrenzen"] = sorted([list(p) for p in konk])
    notes = note_keys(reading)
    missing = [list(n) for n in item.notes
               if not any(k == n[0] and t.startswith(n[1]) for k, t in notes)]
    if missing:
        out["missing_notes"] = missing
    unwanted = sorted({t for t in item.no_notes for _, text in notes if text.startswith(t)})
    if unwanted:
        out["unwanted_notes"] = unwanted
    return out
