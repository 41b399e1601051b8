"""The citation evaluation corpus (tests/data/citations/corpus_*.yaml): loading and kinds.

Used by tests/test_citations_corpus.py and benchmarks/bench_citations.py. A document's text
marks each expected citation as ⟦…⟧ and each near-miss as ⟪…⟫; `expected` lists "kind |
canonical" per ⟦…⟧ marker in order. The markers are removed; spans refer to the clean text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from lawkit.citations import CaseRef, CitationHit, StatuteRef

DATA = Path(__file__).resolve().parent / "data" / "citations"
KINDS = ("norm", "norm-eu", "act", "reporter", "decision", "eu-decision")
_MARK = re.compile(r"⟦|⟧|⟪|⟫")
EU_LAWS = frozenset({"AEUV", "EUV", "GRCh", "DSGVO", "DS-GVO", "EGV", "EG"})
EU_COURTS = frozenset({"EuGH", "EuG", "EuGöD"})


@dataclass(frozen=True)
class Expected:
    start: int
    end: int
    kind: str
    canonical: str


@dataclass(frozen=True)
class Document:
    source: str
    id: str
    text: str
    citations: tuple[Expected, ...]
    near_misses: tuple[tuple[int, int], ...]


def load_corpus() -> list[Document]:
    """Every document of every corpus file, in file and document order."""
    docs = []
    for path in sorted(DATA.glob("corpus_*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for raw in data["documents"]:
            docs.append(_document(path.name, raw))
    return docs


def _document(source: str, raw: dict) -> Document:
    marked: str = raw["text"]
    clean: list[str] = []
    spans: list[tuple[str, int, int]] = []
    opened: dict[str, int] = {}
    length = 0
    last = 0
    for m in _MARK.finditer(marked):
        piece = marked[last : m.start()]
        clean.append(piece)
        length += len(piece)
        last = m.end()
        mark = m.group()
        if mark in "⟦⟪":
            if mark in opened:
                raise ValueError(f"{source}:{raw['id']}: {mark} opened twice at {m.start()}")
            opened[mark] = length
        else:
            opening = "⟦" if mark == "⟧" else "⟪"
            if opening not in opened:
                raise ValueError(f"{source}:{raw['id']}: {mark} without {opening} at {m.start()}")
            spans.append((opening, opened.pop(opening), length))
    clean.append(marked[last:])
    if opened:
        raise ValueError(f"{source}:{raw['id']}: unclosed {sorted(opened)}")
    cited = sorted((s, e) for mark, s, e in spans if mark == "⟦")
    expected = raw.get("expected") or []
    if len(expected) != len(cited):
        raise ValueError(
            f"{source}:{raw['id']}: {len(cited)} marked citations but {len(expected)} expected lines"
        )
    citations = []
    for (start, end), line in zip(cited, expected, strict=True):
        kind, _, canonical = (part.strip() for part in line.partition("|"))
        if kind not in KINDS:
            raise ValueError(f"{source}:{raw['id']}: unknown kind {kind!r}; expected one of {KINDS}")
        citations.append(Expected(start, end, kind, canonical))
    near = tuple(sorted((s, e) for mark, s, e in spans if mark == "⟪"))
    return Document(source, raw["id"], "".join(clean), tuple(citations), near)


def kind_of(hit: CitationHit) -> str:
    """The corpus kind of a hit, from its structured reference."""
    ref = hit.ref
    if isinstance(ref, StatuteRef):
        eu = ref.law in EU_LAWS or ref.law.startswith(("VO ", "RL ", "DVO ", "DelVO ", "RB "))
        return "norm-eu" if eu else "norm"
    if not isinstance(ref, CaseRef):
        return "act"
    if ref.court in EU_COURTS or (ref.ecli or "").startswith("ECLI:EU:"):
        return "eu-decision"
    alone = not (ref.decision_type or ref.date or ref.file_numbers or ref.ecli)
    first = hit.text.split(maxsplit=1)[0]
    by_reporter = first[0].isdigit() or any(r.name.startswith(first.rstrip(".")) for r in ref.reporters)
    return "reporter" if alone and by_reporter else "decision"
