"""Every citation of the two seed texts, against hand-written expectations.

The expectations live in tests/data/citations/seed_*_expected.yaml (norms and cases in order,
each with exact offsets, surface text, canonical form and fields). The seeds themselves are
not copied into the repository; they are read from ../shared/seeds beside the clone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from lawkit.citations import CaseRef, StatuteRef, find_citations

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
DATA = Path(__file__).resolve().parent / "data" / "citations"
SEED_FILES = {"000": "000_89bd5b2d25950f24.txt", "004": "004_582e92c225533d72.txt"}


def _seed(key: str) -> str:
    path = SEEDS / SEED_FILES[key]
    if not path.is_file():
        pytest.skip(f"seed text {path} not found (expected ../shared/seeds beside the clone)")
    return path.read_text(encoding="utf-8")


def _expected(key: str) -> dict:
    return yaml.safe_load((DATA / f"seed_{key}_expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=sorted(SEED_FILES))
def seed(request) -> tuple[str, dict, list]:
    text = _seed(request.param)
    return text, _expected(request.param), find_citations(text)


def test_norms_exactly_as_expected(seed):
    text, expected, hits = seed
    norms = [h for h in hits if h.kind == "norm"]
    got = [(h.start, h.end, h.text, h.canonical(), h.relation) for h in norms]
    want = [(e["start"], e["end"], e["text"], e["canonical"], e["relation"]) for e in expected["norms"]]
    assert got == want
    for hit in norms:
        assert text[hit.start : hit.end] == hit.text
        assert isinstance(hit.ref, StatuteRef)


def test_cases_exactly_as_expected(seed):
    _text, expected, hits = seed
    cases = [h for h in hits if h.kind == "case"]
    got = [
        {
            "start": h.start,
            "end": h.end,
            "text": h.text,
            "court": h.ref.court,
            "decision_type": h.ref.decision_type,
            "date": h.ref.date,
            "file_numbers": list(h.ref.file_numbers),
            "ecli": h.ref.ecli,
            "reporters": [r.canonical() for r in h.ref.reporters],
        }
        for h in cases
        if isinstance(h.ref, CaseRef)
    ]
    assert got == expected["cases"]


def test_no_hit_touches_a_false_friend(seed):
    text, expected, hits = seed
    for passage in expected["not_citations"]:
        pattern = re.compile(r"\s+".join(re.escape(w) for w in passage.split()))
        matches = list(pattern.finditer(text))
        assert matches, passage
        for m in matches:
            overlapping = [h.text for h in hits if h.start < m.end() and m.start() < h.end]
            assert overlapping == [], passage


def test_seed_000_noise_cases():
    text = _seed("000")
    hits = {h.start: h for h in find_citations(text)}
    # hyphenated full name across a line, footnote number glued to the parenthesis
    h = hits[text.index("§ 839 des Bürgerlichen Ge-\nsetzbuches")]
    assert h.text == "§ 839 des Bürgerlichen Ge-\nsetzbuches (BGB)"
    assert h.ref == StatuteRef(number="839", law="BGB")
    assert text[h.end : h.end + 2] == "28"
    # thin and six-per-em spaces, footnote glued to the law
    start = text.index("§\u200911 Abs.")
    h = hits[start]
    assert h.ref == StatuteRef(number="11", law="StGB", absatz="1", nummer="2", buchstabe="c")
    assert text[h.end : h.end + 2] == "11"
    h = hits[text.index("§§\u200944")]
    assert h.ref == StatuteRef(number="44", law="KWG", following="ff.")
    assert h.text == "§§\u200944\u2006ff KWG"


def test_seed_004_chain_and_ecli_fields():
    text = _seed("004")
    hits = find_citations(text)
    first = hits[0]
    assert first.kind == "case"
    assert first.ref == CaseRef(
        court="BVerwG",
        decision_type="Beschluss",
        date="2018-03-05",
        file_numbers=("6 B 71.17",),
        ecli="ECLI:DE:BVerwG:2018:050318B6B71.17.0",
    )
    assert first.canonical() == (
        "BVerwG, Beschluss vom 05.03.2018 - 6 B 71.17 - [ECLI:DE:BVerwG:2018:050318B6B71.17.0]"
    )
    # the Zitiervorschlag is printed exactly in canonical form
    zitier = next(h for h in hits if h.text.startswith("BVerwG, Beschluss vom 05.03.2018"))
    assert zitier.text == zitier.canonical()
    chain = [h for h in hits if h.kind == "case" and "1961" <= (h.ref.date or "") < "2016"]
    chain_2015 = next(h for h in chain if h.ref.date == "2015-01-27")
    chain_1961 = next(h for h in chain if h.ref.date == "1961-10-02")
    assert chain_2015.group == chain_1961.group
    assert chain_2015.ref.reporters[0].to_dict() == {
        "name": "NVwZ-RR",
        "volume": "2015",
        "page": "416",
        "number": None,
        "pinpoint": "Rn. 8",
        "canonical": "NVwZ-RR 2015, 416 Rn. 8",
    }
    assert chain_1961.ref.reporters[0].pinpoint == "91 f."
