"""Citation extraction: quality per kind, speed against openlegaldata's `legal-reference-extraction`
(refex), scaling (n, 2n, 4n) of the worst patterns, and peak memory for 10 MB and 40 MB.

Run from the repository root (also part of `make bench` / `python -m benchmarks`):

    .venv/bin/python -m benchmarks.bench_citations

The foreign extractor is installed by this script into a throwaway virtualenv under
benchmarks/out/refex-venv (gitignored; never a project dependency; needs PyPI) and runs there in
its own process on the same texts. If it cannot be installed or crashes, that is printed and
lawkit's figures are still printed (exit code 0).

Texts: the evaluation corpus tests/data/citations/corpus_*.yaml (invented passages in the style
of decisions and students' answers, every citation marked with its kind, span and canonical
form) and the two seeds (../shared/seeds, expectations in tests/data/citations/seed_*.yaml).

How a found item is matched to an expected one (the same rule for both extractors):
- the spans overlap, and both name the same thing: for a provision the law and the § / Art.
  number (refex reports only these, so subdivisions are not compared; a full law name reported
  by refex counts as its abbreviation); for a decision at least one identifier: an Aktenzeichen,
  the ECLI, or a reporter 'name volume, page' (pinpoints ignored); for an EU act its canonical
  form. refex reports a decision as separate markers for Aktenzeichen and reporter; each such
  marker counts as correct, so splitting a decision is not penalised.
- per kind, lawkit's item must also have the expected kind (kinds as in the corpus: norm,
  norm-eu, act, reporter, decision, eu-decision). refex knows only laws and cases, so its
  figures are per group: statutes (norm, norm-eu, act) and decisions (the three others); per
  kind only its recall is shown.
Precision = correct found items / found items; recall = expected items matched by at least one
found item / expected items; F1 their harmonic mean. For lawkit the line 'exact' requires the
exact span and the canonical form (on the seeds: every structured field).

Speed: characters per second in the steady state (one warm-up call, then repeated calls for at
least half a second), each extractor timed in its own process on the same text.
Scaling: CPU time (process time, best of five) of n, 2n and 4n repetitions of each worst pattern
found for the parser (long lists, chains, ranges, collections), with n chosen so that one run
takes at least 50 ms; time(4n)/time(n) must stay at most 4.5.
Memory: peak memory a `find_citations` call adds to its process (max RSS after minus before,
the text already built) for 10 MB and 40 MB of text made of the corpus (real-style density) and
of dense statute citations.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import venv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lawkit.citations import ActRef, CaseRef, CitationHit, find_citations
from lawkit.citations.laws import LAWS
from tests.citations_corpus import KINDS, Document, kind_of, load_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
DATA = ROOT / "tests" / "data" / "citations"
OUT = ROOT / "benchmarks" / "out"
REFEX_VENV = OUT / "refex-venv"
REFEX_PACKAGE = os.environ.get("REFEX_PACKAGE", "legal-reference-extraction")
STATUTE_KINDS = ("norm", "norm-eu", "act")
DECISION_KINDS = ("reporter", "decision", "eu-decision")
GROUPS = {"statutes": STATUTE_KINDS, "decisions": DECISION_KINDS}
RATIO_LIMIT = 4.5


@dataclass
class Item:
    kind: str  # a corpus kind, or 'statutes'/'decisions' for refex
    start: int
    end: int
    keys: set[tuple[str, ...] | str] = field(default_factory=set)
    exact: object = None  # comparable structured value (lawkit and expectations only)


def _group_of(kind: str) -> str:
    return "statutes" if kind in STATUTE_KINDS or kind == "statutes" else "decisions"


def _ws(s: str) -> str:
    return " ".join(s.split())


_REPORTER_ID = re.compile(
    r"^((?:Buchholz|SozR|AP|EzA) .*? Nr\. \d+|BGHR .* \d+|\S+(?: II)? \d+, (?:I{1,3}-)?\d+)"
)


def _reporter_id(canonical: str) -> str | None:
    m = _REPORTER_ID.match(_ws(canonical))
    return m.group(1) if m else None


def keys_of(hit: CitationHit) -> set[tuple[str, ...] | str]:
    """What a hit names: (law, number) of a provision, the identifiers of a decision, an act."""
    ref = hit.ref
    if isinstance(ref, CaseRef):
        ids: set[tuple[str, ...] | str] = set(ref.file_numbers)
        if ref.ecli:
            ids.add(ref.ecli)
        ids |= {r for r in (_reporter_id(x.canonical()) for x in ref.reporters) if r}
        return ids
    if isinstance(ref, ActRef):
        return {ref.canonical().lower()}
    return {(ref.law.lower(), ref.number.lower())}


# Full names (lower case) -> abbreviation, for refex's book names.
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


def expected_for_document(doc: Document) -> list[Item]:
    """The marked citations; what each names is read from its canonical form (the corpus test
    proves that every canonical form reads back as itself)."""
    items = []
    for c in doc.citations:
        [hit] = find_citations(c.canonical)
        items.append(Item(c.kind, c.start, c.end, keys_of(hit), (c.start, c.end, c.canonical)))
    return items


_NORM_KEY = re.compile(
    r"^(?:§|Art\.) (?P<num>\S+).*? (?P<law>Gesetz vom \S+|SGB [IVX]+|[^\s]+?)(?: aF| nF)?$"
)


def expected_for_seed(key: str) -> list[Item]:
    data = yaml.safe_load((DATA / f"seed_{key}_expected.yaml").read_text(encoding="utf-8"))
    items = []
    for e in data["norms"]:
        m = _NORM_KEY.match(e["canonical"])
        assert m, e["canonical"]
        items.append(Item("norm", e["start"], e["end"], {(m["law"].lower(), m["num"].lower())},
                          (e["start"], e["end"], e["canonical"])))
    for e in data["cases"]:
        ids: set[tuple[str, ...] | str] = {_ws(n) for n in e["file_numbers"]}
        if e["ecli"]:
            ids.add(e["ecli"])
        ids |= {r for r in map(_reporter_id, e["reporters"]) if r}
        exact = (e["start"], e["end"], e["court"], e["decision_type"], e["date"],
                 tuple(e["file_numbers"]), e["ecli"], tuple(e["reporters"]))
        items.append(Item("decision", e["start"], e["end"], ids, exact))
    return items


# -- extractors ----------------------------------------------------------------------------------


def lawkit_items(text: str, seed: bool = False) -> list[Item]:
    items = []
    for h in find_citations(text):
        ref = h.ref
        if seed and isinstance(ref, CaseRef):
            exact: object = (h.start, h.end, ref.court, ref.decision_type, ref.date, ref.file_numbers,
                             ref.ecli, tuple(r.canonical() for r in ref.reporters))
        else:
            exact = (h.start, h.end, h.canonical())
        kind = ("decision" if isinstance(ref, CaseRef) else "norm") if seed else kind_of(h)
        items.append(Item(kind, h.start, h.end, keys_of(h), exact))
    return items


def chars_per_second(run: Callable[[], object], size: int) -> float:
    run()  # warm-up (lazy regex compilation)
    runs, start = 0, time.perf_counter()
    while True:
        run()
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= 0.5:
            return size * runs / elapsed


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
            items.append(Item("statutes", m["start"], m["end"], law_keys))
        if case_keys:
            items.append(Item("decisions", m["start"], m["end"], case_keys))
    return items


# -- scoring -------------------------------------------------------------------------------------


def _matches(found: Item, expected: Item, by_group: bool) -> bool:
    same_kind = (
        _group_of(found.kind) == _group_of(expected.kind) if by_group else found.kind == expected.kind
    )
    return (
        same_kind
        and found.start < expected.end
        and expected.start < found.end
        and bool(found.keys & expected.keys)
    )


@dataclass
class Score:
    found: int = 0
    correct: int = 0
    expected: int = 0
    matched: int = 0
    exact: int = 0

    def add(self, found: list[Item], expected: list[Item], by_group: bool) -> None:
        self.found += len(found)
        self.correct += sum(1 for x in found if any(_matches(x, y, by_group) for y in expected))
        self.expected += len(expected)
        self.matched += sum(1 for y in expected if any(_matches(x, y, by_group) for x in found))
        wanted = {y.exact for y in expected if y.exact is not None}
        self.exact += sum(1 for x in found if x.exact in wanted)

    def precision(self) -> float | None:
        return self.correct / self.found if self.found else None

    def recall(self) -> float | None:
        return self.matched / self.expected if self.expected else None

    def f1(self) -> float | None:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p and r else None


def _pct(value: float | None) -> str:
    return "     -" if value is None else f"{100 * value:5.1f}%"


def _score_line(label: str, name: str, kind: str, s: Score, recall_only: bool = False) -> str:
    if recall_only:
        return (f"{label:<10} {name:<7} {kind:<12} {'':>5} {'':>7} {s.expected:>8} {s.matched:>7} "
                f"{'':>9} {_pct(s.recall()):>7} {'':>7}")
    return (f"{label:<10} {name:<7} {kind:<12} {s.found:>5} {s.correct:>7} {s.expected:>8} {s.matched:>7} "
            f"{_pct(s.precision()):>9} {_pct(s.recall()):>7} {_pct(s.f1()):>7}")


def quality(texts: dict[str, str], expected: dict[str, list[Item]], refex: dict) -> None:
    header = (f"{'texts':<10} {'by':<7} {'kind':<12} {'found':>5} {'correct':>7} {'expected':>8} "
              f"{'matched':>7} {'precision':>9} {'recall':>7} {'F1':>7}")
    print(header)
    print("-" * len(header))
    for label, kinds in (("corpus", KINDS), ("seeds", ("norm", "decision"))):
        names = [n for n in texts if n.startswith(label)]
        if not names:
            continue
        found = {n: lawkit_items(texts[n], seed=label == "seeds") for n in names}
        refex_found = None
        if "error" not in refex:
            results = [refex["results"].get(n, {"error": "no result"}) for n in names]
            bad = [r["error"] for r in results if "error" in r]
            if bad:
                print(f"{label:<10} refex   CRASHED: {bad[0].strip().splitlines()[-1]}")
            else:
                refex_found = {n: refex_items(r["items"]) for n, r in zip(names, results, strict=True)}
        for kind in kinds:
            s = Score()
            r = Score()
            for n in names:
                want = [y for y in expected[n] if y.kind == kind]
                s.add([x for x in found[n] if x.kind == kind], want, by_group=False)
                if refex_found is not None:
                    r.add([x for x in refex_found[n] if x.kind == _group_of(kind)], want, by_group=True)
            print(_score_line(label, "lawkit", kind, s))
            if refex_found is not None and label == "corpus":
                print(_score_line(label, "refex", kind, r, recall_only=True))
        for group, members in GROUPS.items():
            s, r = Score(), Score()
            for n in names:
                want = [y for y in expected[n] if y.kind in members]
                s.add([x for x in found[n] if x.kind in members], want, by_group=True)
                if refex_found is not None:
                    r.add([x for x in refex_found[n] if x.kind == group], want, by_group=True)
            if s.expected:
                print(_score_line(label, "lawkit", group, s))
                if refex_found is not None:
                    print(_score_line(label, "refex", group, r))
        exact = Score()
        for n in names:
            exact.add(found[n], expected[n], by_group=True)
        print(f"{label:<10} {'lawkit':<7} {'exact':<12} {exact.found:>5} {exact.exact:>7} "
              f"{exact.expected:>8} {exact.exact:>7} "
              f"{_pct(exact.exact / exact.found if exact.found else None):>9} "
              f"{_pct(exact.exact / exact.expected if exact.expected else None):>7}")
        print("-" * len(header))


def speed(texts: dict[str, str], refex: dict) -> None:
    print(f"{'text':<14} {'chars':>9} {'lawkit chars/s':>15} {'refex chars/s':>14} {'lawkit/refex':>12}")
    for name, text in texts.items():
        ours = chars_per_second(lambda t=text: find_citations(t), len(text))
        theirs = None if "error" in refex else refex["results"].get(name, {}).get("chars_per_s")
        ratio = f"{ours / theirs:11.1f}x" if theirs else "           -"
        theirs_s = f"{theirs:14,.0f}" if theirs else f"{'-':>14}"
        print(f"{name:<14} {len(text):>9,} {ours:>15,.0f} {theirs_s} {ratio}")


# -- scaling -------------------------------------------------------------------------------------

WORST: dict[str, Callable[[int], str]] = {
    "§§ 1, 2, …, n StGB": lambda n: "§§ " + ", ".join(str(i % 9000 + 1) for i in range(n)) + " StGB",
    "§§ 1 Abs. 1 und …": lambda n: "§§ 1 Abs. 1 und " * n,
    "i.V.m. chain": lambda n: " i.V.m. ".join(f"§ {i % 900 + 1} Abs. 2 BGB" for i in range(n)),
    "Abs. list": lambda n: "§ 5 " + ", ".join(f"Abs. {i % 90 + 1}" for i in range(n)) + " BGB",
    "ranges": lambda n: "§§ " + ", ".join(f"{i % 900 + 1} bis {i % 900 + 2}" for i in range(n)) + " BGB",
    "Roman Absätze": lambda n: "§ 280 " + ", ".join(("I", "II", "III")[i % 3] for i in range(n)) + " BGB",
    "reporter chain ;": lambda n: "BVerfGE 88, 203 <251>" + "".join(
        f"; {i % 150 + 1}, {i % 900 + 1} <{i % 900 + 3}>" for i in range(n)),
    "journal chain ;": lambda n: "BGH, NJW 2015, 1" + "".join(
        f"; NJW {2000 + i % 20}, {i % 900 + 1} Rn. 3" for i in range(n)),
    "case chain 'und vom'": lambda n: "BVerwG, Beschlüsse vom 2. Oktober 1961 - 8 B 78.61 -" + "".join(
        f" und vom {i % 28 + 1}. Mai 2015 - 6 B {i % 90 + 1}.14 -" for i in range(n)),
    "EU docket list": lambda n: "C-1/13" + "".join(f", C-{i % 900 + 2}/13" for i in range(n)),
    "SozR sections": lambda n: "SozR 4-2500 § 106 Nr 7, " * n,
    "Buchholz, no entry": lambda n: "Buchholz 310 " + "§ 132 Abs. 2 Ziff. 1 VwGO " * n + "Nr. 5",
    "EU acts": lambda n: "VO (EU) Nr. 1303/2013, " * n,
    "EU acts and articles": lambda n: "Art. 6 Abs. 1 VO (EU) 2016/679 und RL 2011/83/EU; " * n,
    "dense decision prose": lambda n: (
        "§ 203 Abs. 2 S. 1 Nr. 1 StGB i.V.m. Art. 34 GG (BVerwG, Urteil vom 5. Juli 1994 - 9 C "
        "158.94 - BVerwGE 96, 200 <209 f.>; BGH GRUR 2013, 833 Rn. 12 – Lichtschalter). " * n),
    "spaces after §": lambda n: "§ 1" + " " * (20 * n) + "uX",
}


def _cpu(text: str) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        find_citations(text)
        best = min(best, time.process_time() - start)
    return best


def scaling() -> bool:
    print(f"{'pattern':<22} {'n (chars)':>10} {'t(n)':>9} {'t(2n)':>9} {'t(4n)':>9} {'4n/n':>6}")
    ok = True
    for name, make in WORST.items():
        n = 500
        while _cpu(make(n)) < 0.05 and n < 2_000_000:
            n *= 2
        times = [_cpu(make(n * k)) for k in (1, 2, 4)]
        ratio = times[2] / times[0]
        ok = ok and ratio <= RATIO_LIMIT
        flag = "" if ratio <= RATIO_LIMIT else f"  > {RATIO_LIMIT}"
        print(f"{name:<22} {len(make(n)):>10,} {times[0] * 1000:>7.0f}ms {times[1] * 1000:>7.0f}ms "
              f"{times[2] * 1000:>7.0f}ms {ratio:>6.2f}{flag}")
    return ok


# -- memory --------------------------------------------------------------------------------------

MEMORY_RUNNER = r'''
import os, resource, sys, time
sys.path.insert(0, sys.argv[3])
from lawkit.citations import find_citations
size = int(float(sys.argv[1]) * 1e6)
if sys.argv[2] == "corpus":
    from tests.citations_corpus import load_corpus
    unit = "\n\n".join(d.text for d in load_corpus()) + "\n\n"
else:
    unit = "§ 203 Abs. 2 S. 1 Nr. 1 StGB i.V.m. § 11 Abs. 1 Nr. 2 lit. c StGB; "
units = len(unit.encode("utf-8"))
text = "".join([unit] * (size // units))  # one string, no copy on the way
find_citations(unit)
def rss():  # resident memory now, in bytes
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
before = rss()
start = time.perf_counter()
hits = find_citations(text)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(len(text), len(text.encode("utf-8")), len(hits), peak - before, seconds)
'''


def memory() -> None:
    print(f"{'text':<22} {'input':>9} {'hits':>10} {'peak added':>11} {'per input':>10} {'time':>7}")
    for kind, label in (("corpus", "corpus (decisions)"), ("dense", "dense statutes")):
        for mb in (10, 40):
            result = subprocess.run(
                [sys.executable, "-c", MEMORY_RUNNER, str(mb), kind, str(ROOT)],
                capture_output=True, text=True, timeout=1800,
            )
            if result.returncode != 0:
                print(f"{label:<22} {mb} MB: FAILED {result.stderr.strip()[-300:]}")
                continue
            _chars, size, hits, peak, seconds = result.stdout.split()
            mib = int(size) / 1e6
            print(f"{label:<22} {mib:>6.0f} MB {int(hits):>10,} {int(peak) / 1e6:>8.0f} MB "
                  f"{int(peak) / int(size):>9.1f}x {float(seconds):>6.1f}s")


def main() -> int:
    texts: dict[str, str] = {}
    expected: dict[str, list[Item]] = {}
    corpus = load_corpus()
    for doc in corpus:
        texts[f"corpus:{doc.id}"] = doc.text
        expected[f"corpus:{doc.id}"] = expected_for_document(doc)
    for key, name in (("000", "000_89bd5b2d25950f24.txt"), ("004", "004_582e92c225533d72.txt")):
        path = SEEDS / name
        if path.is_file():
            texts[f"seeds:{key}"] = path.read_text(encoding="utf-8")
            expected[f"seeds:{key}"] = expected_for_seed(key)
        else:
            print(f"note: seed {path} not found; skipped")
    speed_texts = {"corpus (all)": "\n\n".join(d.text for d in corpus)}
    speed_texts.update({k: v for k, v in texts.items() if k.startswith("seeds:")})

    python, how = ensure_refex()
    refex: dict = {"error": how} if python is None else refex_run(python, {**texts, **speed_texts})
    if "error" in refex:
        print(f"openlegaldata legal-reference-extraction: NOT RUN ({refex['error'].strip()})")
        print("lawkit figures follow alone.\n")
    else:
        print(f"openlegaldata legal-reference-extraction {refex.get('version')} ({how}, "
              f"{REFEX_VENV.relative_to(ROOT)})\n")

    print("Quality per kind (corpus: tests/data/citations/corpus_*.yaml; seeds: ../shared/seeds)")
    quality(texts, expected, refex)
    print("\nSpeed (same texts, each extractor in its own process)")
    speed(speed_texts, refex)
    print(f"\nScaling of the worst patterns (CPU time, best of 5; limit 4n/n <= {RATIO_LIMIT})")
    linear = scaling()
    print("all linear" if linear else "NOT LINEAR: see the lines marked above")
    print("\nPeak memory of one find_citations call (peak RSS minus RSS before the call, the text "
          "built; input in UTF-8 bytes)")
    memory()
    return 0


if __name__ == "__main__":
    sys.exit(main())
