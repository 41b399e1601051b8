"""Citation extraction: lawkit vs. openlegaldata's `legal-reference-extraction` (refex).

Run from the repository root:

    .venv/bin/python -m benchmarks.bench_citations

The foreign extractor is installed by this script into a throwaway virtualenv under
benchmarks/out/refex-venv (gitignored; never a project dependency) and runs there in its own
process on the same texts. If it cannot be installed or crashes, that is printed and lawkit's
figures are still printed (exit code 0).

Texts: the two seeds (../shared/seeds, expectations in tests/data/citations/*.yaml) plus the
labelled snippets below with hand-written expectations.

How a found item is matched to an expected one (the same rule for both extractors):
- norms: the found item's character span overlaps the expected item's span, and it names the
  same law and the same § / Art. number (refex reports only law and number, so subdivisions
  are not compared). Laws compare case-insensitively; a full law name reported by refex
  ('wertpapierhandelsgesetz') counts as its abbreviation ('WpHG').
- cases: the spans overlap and the found item shares at least one identifier with the expected
  decision: an Aktenzeichen, the ECLI, or a reporter 'name volume, page' (pinpoints ignored).
  refex reports a decision as separate markers for Aktenzeichen and reporter; each such marker
  counts as correct, so splitting a decision is not penalised.
Precision = correct found items / found items; recall = expected items matched by at least one
found item / expected items. For lawkit the 'exact' line also requires every structured field
(all subdivisions, ranges, court, type, date, reporters with pinpoints) and the exact span.
Speed: characters per second of the steady state (one warm-up call, then repeated calls for at
least half a second), each extractor timed inside its own process.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import venv
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lawkit.citations import CaseRef, find_citations
from lawkit.citations.laws import LAWS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
DATA = ROOT / "tests" / "data" / "citations"
OUT = ROOT / "benchmarks" / "out"
REFEX_VENV = OUT / "refex-venv"
REFEX_PACKAGE = os.environ.get("REFEX_PACKAGE", "legal-reference-extraction")

# -- labelled extra snippets with hand-written expectations --------------------------------------
# Each expectation: (surface text, kind, key). Norm key: (law, number); case key: identifiers.
SNIPPETS: dict[str, tuple[str, list[tuple[str, str, tuple[str, ...]]]]] = {
    "snippet:student": (
        "Ein Anspruch aus § 823 Abs. 1 BGB setzt eine Rechtsgutsverletzung voraus. Daneben kommt "
        "§ 823 Abs. 2 BGB i.V.m. § 263 Abs. 1 StGB in Betracht. Der Umfang richtet sich nach "
        "§§ 249 ff. BGB. Das allgemeine Persönlichkeitsrecht folgt aus Art. 2 Abs. 1 i.V.m. "
        "Art. 1 Abs. 1 GG. Ferner § 812 Abs. 1 S. 1 Alt. 1 BGB und § 818 Abs 2 BGB. Nach der "
        "Rechtsprechung (BGH, Urteil vom 12.03.2019 - VI ZR 123/18, NJW 2019, 2000) genügt das.",
        [
            ("§ 823 Abs. 1 BGB", "norm", ("BGB", "823")),
            ("§ 823 Abs. 2 BGB", "norm", ("BGB", "823")),
            ("§ 263 Abs. 1 StGB", "norm", ("StGB", "263")),
            ("§§ 249 ff. BGB", "norm", ("BGB", "249")),
            ("Art. 2 Abs. 1", "norm", ("GG", "2")),
            ("Art. 1 Abs. 1 GG", "norm", ("GG", "1")),
            ("§ 812 Abs. 1 S. 1 Alt. 1 BGB", "norm", ("BGB", "812")),
            ("§ 818 Abs 2 BGB", "norm", ("BGB", "818")),
            ("BGH, Urteil vom 12.03.2019 - VI ZR 123/18, NJW 2019, 2000", "case",
             ("VI ZR 123/18", "NJW 2019, 2000")),
        ],
    ),
    "snippet:court": (
        "Der Antrag nach § 80 Abs. 5 Satz 1 VwGO ist zulässig. Die Kostenentscheidung folgt aus "
        "§ 154 Abs. 1 VwGO; die Festsetzung des Streitwerts beruht auf §§ 52, 53 Abs. 2 Nr. 2 GKG. "
        "Das entspricht der Rechtsprechung (vgl. BVerwG, Urteil vom 27. März 2014 - 4 C 14.13 - "
        "BVerwGE 149, 211 Rn. 12; OVG Münster, Beschluss vom 1. Februar 2019 - 8 B 1234/18 - "
        "juris Rn. 5). Ziffer 2 des Bescheides und Absatz 3 der Begründung bleiben unberührt.",
        [
            ("§ 80 Abs. 5 Satz 1 VwGO", "norm", ("VwGO", "80")),
            ("§ 154 Abs. 1 VwGO", "norm", ("VwGO", "154")),
            ("§§ 52", "norm", ("GKG", "52")),
            ("53 Abs. 2 Nr. 2 GKG", "norm", ("GKG", "53")),
            ("BVerwG, Urteil vom 27. März 2014 - 4 C 14.13 - BVerwGE 149, 211 Rn. 12", "case",
             ("4 C 14.13", "BVerwGE 149, 211")),
            ("OVG Münster, Beschluss vom 1. Februar 2019 - 8 B 1234/18 - juris Rn. 5", "case",
             ("8 B 1234/18",)),
        ],
    ),
}


@dataclass
class Item:
    kind: str
    start: int
    end: int
    keys: set[tuple[str, ...] | str] = field(default_factory=set)
    exact: object = None  # comparable structured value (lawkit and expectations only)


def _ws(s: str) -> str:
    return " ".join(s.split())


_REPORTER_ID = re.compile(r"^(Buchholz .*? Nr\. \d+|\S+ \d+, \d+)")


def _reporter_id(canonical: str) -> str | None:
    m = _REPORTER_ID.match(_ws(canonical))
    return m.group(1) if m else None


_NORM_KEY = re.compile(
    r"^(?:§|Art\.) (?P<num>\S+).*? (?P<law>Gesetz vom \S+|SGB [IVX]+|[^\s]+?)(?: aF| nF)?$"
)


def _norm_key(canonical: str) -> tuple[str, str]:
    m = _NORM_KEY.match(canonical)
    assert m, canonical
    return (m["law"].lower(), m["num"].lower())


# Full names (lower case, nominative and a bare stem) -> abbreviation, for refex's book names.
_FULL_NAMES: dict[str, str] = {}
for _abbr, _names in LAWS.items():
    for _name in _names:
        _FULL_NAMES[_name.lower()] = _abbr.lower()


def _law_key(book: str) -> str:
    book = book.lower().strip()
    for name, abbr in _FULL_NAMES.items():
        if book == name or (book.startswith(name[:-2]) and len(book) - len(name) <= 3):
            return abbr
    return book


# -- expectations --------------------------------------------------------------------------------


def expected_for_seed(key: str) -> list[Item]:
    data = yaml.safe_load((DATA / f"seed_{key}_expected.yaml").read_text(encoding="utf-8"))
    items = []
    for e in data["norms"]:
        items.append(Item("norm", e["start"], e["end"], {_norm_key(e["canonical"])},
                          (e["start"], e["end"], e["canonical"])))
    for e in data["cases"]:
        ids: set[tuple[str, ...] | str] = {_ws(n) for n in e["file_numbers"]}
        if e["ecli"]:
            ids.add(e["ecli"])
        ids |= {r for r in map(_reporter_id, e["reporters"]) if r}
        exact = (e["start"], e["end"], e["court"], e["decision_type"], e["date"],
                 tuple(e["file_numbers"]), e["ecli"], tuple(e["reporters"]))
        items.append(Item("case", e["start"], e["end"], ids, exact))
    return items


def expected_for_snippet(text: str, spec: list[tuple[str, str, tuple[str, ...]]]) -> list[Item]:
    items = []
    pos = 0
    for surface, kind, key in spec:
        start = text.index(surface, pos)
        end = start + len(surface)
        pos = end
        if kind == "norm":
            keys: set[tuple[str, ...] | str] = {(key[0].lower(), key[1].lower())}
        else:
            keys = set(key)
        items.append(Item(kind, start, end, keys))
    return items


# -- extractors ----------------------------------------------------------------------------------


def lawkit_items(text: str) -> list[Item]:
    items = []
    for h in find_citations(text):
        if isinstance(h.ref, CaseRef):
            ref = h.ref
            ids: set[tuple[str, ...] | str] = set(ref.file_numbers)
            if ref.ecli:
                ids.add(ref.ecli)
            ids |= {r for r in (_reporter_id(x.canonical()) for x in ref.reporters) if r}
            exact = (h.start, h.end, ref.court, ref.decision_type, ref.date, ref.file_numbers,
                     ref.ecli, tuple(r.canonical() for r in ref.reporters))
            items.append(Item("case", h.start, h.end, ids, exact))
        else:
            key = (h.ref.law.lower(), h.ref.number.lower())
            items.append(Item("norm", h.start, h.end, {key}, (h.start, h.end, h.canonical())))
    return items


def time_lawkit(text: str) -> float:
    find_citations(text)  # warm-up (lazy regex compilation)
    runs, start = 0, time.perf_counter()
    while True:
        find_citations(text)
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= 0.5:
            return len(text) * runs / elapsed


REFEX_RUNNER = r'''
import json, sys, time, traceback
texts = json.load(sys.stdin)
out = {"version": None, "results": {}}
try:
    from importlib.metadata import version
    out["version"] = version("legal-reference-extraction")
    from refex.extractor import RefExtractor
    extractor = RefExtractor()
except Exception:
    out["error"] = traceback.format_exc(limit=3)
    print(json.dumps(out)); sys.exit(0)
for label, text in texts.items():
    try:
        _, markers = extractor.extract(text)
        items = []
        for m in markers:
            refs = [{"type": r.ref_type.value, "book": r.book or "", "section": r.section or "",
                     "file_number": r.file_number or "", "ecli": r.ecli or "", "court": r.court or ""}
                    for r in m.references]
            items.append({"start": m.start, "end": m.end, "text": m.text, "refs": refs})
        runs, t0 = 0, time.perf_counter()
        while True:
            extractor.extract(text)
            runs += 1
            dt = time.perf_counter() - t0
            if dt >= 0.5:
                break
        out["results"][label] = {"items": items, "chars_per_s": len(text) * runs / dt}
    except Exception:
        out["results"][label] = {"error": traceback.format_exc(limit=3)}
print(json.dumps(out))
'''


def ensure_refex() -> tuple[Path | None, str]:
    """The refex venv's python, installing it on first use; or None and the reason."""
    python = REFEX_VENV / "bin" / "python"
    if python.exists():
        check = subprocess.run([str(python), "-c", "import refex"], capture_output=True, text=True)
        if check.returncode == 0:
            return python, "already installed"
    try:
        OUT.mkdir(parents=True, exist_ok=True)
        venv.create(REFEX_VENV, with_pip=True, clear=True)
        result = subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", REFEX_PACKAGE],
            capture_output=True, text=True, timeout=900,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"cannot create the throwaway venv: {exc}"
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        return None, "pip install failed: " + " | ".join(tail)
    return python, "installed now"


def refex_run(python: Path, texts: dict[str, str]) -> dict:
    try:
        result = subprocess.run(
            [str(python), "-c", REFEX_RUNNER], input=json.dumps(texts),
            capture_output=True, text=True, timeout=900,
        )
    except subprocess.SubprocessError as exc:
        return {"error": f"runner failed: {exc}"}
    if result.returncode != 0 or not result.stdout.strip():
        return {"error": "runner crashed: " + result.stderr.strip()[-500:]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def refex_items(raw: list[dict]) -> list[Item]:
    items = []
    for m in raw:
        law_keys: set[tuple[str, ...] | str] = set()
        case_keys: set[tuple[str, ...] | str] = set()
        for r in m["refs"]:
            if r["type"] == "law":
                law_keys.add((_law_key(r["book"]), r["section"].lower()))
            else:
                for value in (r["file_number"], r["ecli"]):
                    if value:
                        case_keys.add(_ws(value))
        if law_keys:
            items.append(Item("norm", m["start"], m["end"], law_keys))
        if case_keys:
            items.append(Item("case", m["start"], m["end"], case_keys))
    return items


# -- scoring -------------------------------------------------------------------------------------


def _matches(found: Item, expected: Item) -> bool:
    return (
        found.kind == expected.kind
        and found.start < expected.end
        and expected.start < found.end
        and bool(found.keys & expected.keys)
    )


def score(found: list[Item], expected: list[Item], kind: str) -> tuple[int, int, int, int]:
    """(found, correct found, expected, expected matched) for one kind."""
    f = [x for x in found if x.kind == kind]
    e = [x for x in expected if x.kind == kind]
    correct = sum(1 for x in f if any(_matches(x, y) for y in e))
    recalled = sum(1 for y in e if any(_matches(x, y) for x in f))
    return len(f), correct, len(e), recalled


def exact_score(found: list[Item], expected: list[Item]) -> tuple[int, int, int]:
    want = {y.exact for y in expected if y.exact is not None}
    got = [x.exact for x in found]
    return len(got), sum(1 for x in got if x in want), len(want)


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:6.1f}%" if den else "     - "


def main() -> int:
    texts: dict[str, str] = {}
    expected: dict[str, list[Item]] = {}
    for key, name in (("000", "000_89bd5b2d25950f24.txt"), ("004", "004_582e92c225533d72.txt")):
        path = SEEDS / name
        if path.is_file():
            texts[f"seed:{key}"] = path.read_text(encoding="utf-8")
            expected[f"seed:{key}"] = expected_for_seed(key)
        else:
            print(f"note: seed {path} not found; skipped")
    for label, (text, spec) in SNIPPETS.items():
        texts[label] = text
        expected[label] = expected_for_snippet(text, spec)

    python, how = ensure_refex()
    refex: dict = {"error": how} if python is None else refex_run(python, texts)
    if "error" in refex:
        print(f"openlegaldata legal-reference-extraction: NOT RUN ({refex['error'].strip()})")
        print("lawkit figures follow alone.\n")
    else:
        print(f"openlegaldata legal-reference-extraction {refex.get('version')} ({how}, "
              f"{REFEX_VENV.relative_to(ROOT)})\n")

    header = (f"{'text':<16} {'extractor':<9} {'kind':<5} {'found':>5} {'correct':>7} "
              f"{'expected':>8} {'matched':>7} {'precision':>9} {'recall':>7} {'chars/s':>11}")
    print(header)
    print("-" * len(header))
    totals: dict[tuple[str, str], list[int]] = {}
    for label, text in texts.items():
        runs: list[tuple[str, list[Item] | None, float | None, str | None]] = [
            ("lawkit", lawkit_items(text), time_lawkit(text), None)
        ]
        if "error" not in refex:
            res = refex["results"].get(label, {"error": "no result"})
            if "error" in res:
                runs.append(("refex", None, None, res["error"].strip().splitlines()[-1]))
            else:
                runs.append(("refex", refex_items(res["items"]), res["chars_per_s"], None))
        for name, items, speed, error in runs:
            if items is None:
                print(f"{label:<16} {name:<9} CRASHED: {error}")
                continue
            for kind in ("norm", "case"):
                f, c, e, r = score(items, expected[label], kind)
                acc = totals.setdefault((name, kind), [0, 0, 0, 0])
                for i, v in enumerate((f, c, e, r)):
                    acc[i] += v
                speed_s = f"{speed:11,.0f}" if kind == "norm" and speed else ""
                print(f"{label:<16} {name:<9} {kind:<5} {f:>5} {c:>7} {e:>8} {r:>7} "
                      f"{_pct(c, f):>9} {_pct(r, e):>7} {speed_s}")
            if name == "lawkit" and label.startswith("seed:"):
                g, ok, w = exact_score(items, expected[label])
                print(f"{label:<16} {name:<9} exact {g:>5} {ok:>7} {w:>8} {ok:>7} "
                      f"{_pct(ok, g):>9} {_pct(ok, w):>7}")
    print("-" * len(header))
    for (name, kind), (f, c, e, r) in sorted(totals.items()):
        print(f"{'all texts':<16} {name:<9} {kind:<5} {f:>5} {c:>7} {e:>8} {r:>7} "
              f"{_pct(c, f):>9} {_pct(r, e):>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
