"""Finding citations of court decisions in text.

The text is scanned for components: court (abbreviation, court with seat, full name in any
case, 'Oberverwaltungsgericht für das Land Nordrhein-Westfalen'), a court joined to the type
('BFH-Urteil'), decision type ('Beschluss', 'Urteil', 'Senatsurteil', 'Beschlüsse', ...), date,
Aktenzeichen (also several: '1 BvR 419/81 und 213/83', 'C-241/13, C-242/13 und C-243/13'), ECLI
(also glued to the preceding text, and the EU form 'EU:C:2019:205'), marginal numbers
('Rn. 12'), and reporters, read by `lawkit.citations.reporters` ('BVerfGE 88, 203 <251>; 129,
78 <94>', 'GRUR 2011, 1043, 1045 Rn. 31 – Lichtschalter', 'SozR 4-2500 § 106 Nr 7').

Components joined only by punctuation, 'und', 'des', 'in', 'AZ:' or a panel ('der 1. Kammer des
Ersten Senats') form a sequence; a sequence is split into decisions where a component repeats (a
second date, court or type, a second Aktenzeichen after a reporter, a reporter after ';' or of
the same collection, the next decision of a reporter chain). A decision split off a chain takes
over the court of the one before, and its type if it starts with its date ('Beschlüsse vom ...
und vom ...'). A decision counts if it has an identifier (Aktenzeichen, ECLI or reporter) and
either more than that one component or a telling one: a reporter, an ECLI, a court prefix, an
EU or BVerfG docket. A journal named right after an author ('Schoch, NVwZ 2016, 257') is
literature, not a decision. When no court is named, it comes from the ECLI, the court prefix of
the Aktenzeichen, the official reporter ('BVerwGE' -> BVerwG), the decision before in a chain,
or the Aktenzeichen's pattern ('1 BvR' -> BVerfG, '6 B 71.17' -> BVerwG, 'C-215/17' -> EuGH).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from heapq import merge
from operator import methodcaller

from lawkit.citations.laws import (
    COURT_KEYS,
    EU_COURTS,
    LAND_PREFIXES,
    LOCAL_COURT_BY_NAME,
    LOCAL_COURTS,
    SEAT_RE,
    STATE_ADJECTIVES,
    court_in_land,
    court_name_regex,
    court_seat,
)
from lawkit.citations.model import CaseRef, Reporter
from lawkit.citations.norms import DATE_RE, iso_date
from lawkit.citations.reporters import (
    JOURNALS,
    VOLUME_COLLECTIONS,
    ReporterEntry,
    read_case_name,
    read_reporter,
    reporter_name_pattern,
)

_ABBREV_COURTS = sorted(COURT_KEYS, key=len, reverse=True)
_LOCAL = sorted(LOCAL_COURTS, key=len, reverse=True)
_AZ_CORE = (
    r"(?:[12]\s?Bv[A-Z]\s\d{1,5}/\d{2}(?!\d)"
    r"|\d{1,2}\s[A-Z][A-Za-z]{0,3}\s\d{1,4}\.\d{2}(?!\d)"
    r"|\d{1,2}\s[A-Z]{1,3}\s\d{2}\.\d{3,5}(?!\d)"
    r"|B\s\d{1,2}\s[A-Z]{1,3}\s\d{1,5}/\d{2}\s[A-Z]{1,2}(?![\wäöüß])"
    r"|(?:[IVX]{1,5}|\d{1,3}|[SL]\s\d{1,3})\s[A-Z][A-Za-z]{0,5}(?:\s[A-Z][A-Za-z]{0,4})?\s\d{1,5}/\d{2}"
    r"(?:\d{2})?(?![\d/])(?:\s[A-Z][A-Za-z]?(?=\s*[-–,;)]|\s*$))?"
    r"|(?:(?:Rs\.|Rechtssachen?)\s?)?[CTF]-\d{1,4}/\d{2}(?!\d)(?:\s?P)?)"
)
_AZ_SHORT = r"\d{1,5}[./]\d{2}(?![\d/.])"
_TYPE_WORDS = (
    r"(?:(?:Kammer|Nichtannahme|Vorlage|Teil|Schluss|Versäumnis|Zwischen|Grund|Senats|Plenar"
    r"|Hinweis)[bu]|B|U)(?:eschlüssen?|eschlusses|eschluss|rteilen?|rteils|rteil)"
    r"|Gerichtsbescheid(?:s|es)?"
)
_TYPES = (
    r"(?P<type>" + _TYPE_WORDS + r"|Urt\.|Beschl\.)"
    r"(?=\s+(?:vom|v\.|des|der|in|[-–])\s)"
)
_COURT_TYPE = (
    r"(?P<court_type>(?P<ct_court>BVerfG|BVerwG|BGH|BAG|BSG|BFH|BPatG|EuGH|EuG|EGMR|OVG|VGH|VG|OLG"
    r"|LG|AG|FG|LSG|LAG|SG|ArbG)-(?P<ct_type>" + _TYPE_WORDS + r"|Entscheidung(?:en)?))(?![\wäöüß])"
)
_ECLI = (
    r"(?P<ecli>\[\s*ECLI:[A-Z]{2}:[A-Za-z0-9]{1,10}:\d{4}:[A-Za-z0-9.]*[A-Za-z0-9]\s*\]"
    r"|ECLI:[A-Z]{2}:[A-Za-z0-9]{1,10}:\d{4}:[A-Za-z0-9.]*[A-Za-z0-9]"
    r"|(?<![\w:])EU:[CTF]:\d{4}:\d{1,4}(?!\d))"
)


_KINDS = ("ecli", "reporter", "az", "court_type", "type", "court", "court_name", "date", "marginal")


@cache
def _component_patterns() -> dict[str, re.Pattern[str]]:
    """One anchored pattern per kind of component (tried at a candidate in the order of _KINDS)."""
    courts = "|".join(re.escape(c) for c in _ABBREV_COURTS)
    local = "|".join(re.escape(c) for c in _LOCAL)
    lands = "|".join(re.escape(p) for p in LAND_PREFIXES)
    az_court = "|".join(re.escape(c) for c in (*_ABBREV_COURTS, *_LOCAL))
    sources = {
        "ecli": _ECLI,
        "reporter": rf"(?P<reporter>{reporter_name_pattern()})",
        "az": r"(?P<az>(?:(?:AZ|Az\.?|Aktenzeichen)\s*:?\s*)?"
        rf"(?:(?P<az_court>{az_court})\s+(?=\d|[IVX]+\s|B\s|[CT]-))?"
        rf"(?P<az_list>{_AZ_CORE}(?:\s*(?:,|und|u\.)\s*(?:{_AZ_CORE}|{_AZ_SHORT})){{0,50}}))",
        "court_type": _COURT_TYPE,
        "type": _TYPES,
        "court": rf"(?P<court>(?<![\wäöüß\-])(?:(?:{local})(?:\s+(?P<cseat>{SEAT_RE})|(?=,))|{courts}"
        rf"|(?P<pland>{lands})\s?(?P<plocal>{local}))(?![\wäöüß\-]))",
        "court_name": r"(?P<court_name>" + court_name_regex().pattern + ")",
        "date": r"(?P<date>(?:(?:vom|v\.)\s+)?" + DATE_RE + ")",
        "marginal": r"(?P<marginal>(?:Rn|Rz|Tz|Rdnr|RdNr|Rdn|Randnr)\.?\s*"
        r"(?P<mg>\d{1,4}(?:\s*ff?\.|\s*(?:[-–]|bis)\s*\d{1,4})?)(?![\d/]|[.,]\d))",
    }
    return {kind: re.compile(source) for kind, source in sources.items()}


# Where a component may start: a word with a capital (its letters are looked up in _dispatch),
# a number, '[', 'vom', 'v.', 'verb.', or a reporter written in small letters.
_CANDIDATE = re.compile(
    r"(?<![a-zäöüß])(?:(?P<word>[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*)|(?<![\d.,/\-])\d|\[|(?<![\wäöüß])"
    r"(?:vom|v\.|verb\.|juris|wistra|r\+s)(?![\wäöüß]))"
)
_TYPE_WORD = re.compile(_TYPE_WORDS + r"|Urt|Beschl")
_ROMAN_WORD = re.compile(r"[IVX]{1,5}")


def _letters(name: str) -> str:
    """The leading letters of a name: 'NVwZ-RR' -> 'NVwZ', 'BFH/NV' -> 'BFH', 'Slg.' -> 'Slg'."""
    m = re.match(r"[A-Za-zÄÖÜäöüß]*", name)
    return m.group() if m else ""


@cache
def _dispatch() -> dict[str, tuple[str, ...]]:
    """The kinds of component that may start with a word (by its leading letters)."""
    from lawkit.citations.laws import COURTS

    kinds: dict[str, set[str]] = {}

    def add(word: str, *names: str) -> None:
        kinds.setdefault(word, set()).update(names)

    for name in (*VOLUME_COLLECTIONS, *JOURNALS, "Buchholz", "SozR", "AP", "EzA", "BGHR", "Slg.",
                 "BStBl"):
        add(_letters(name), "reporter")
    for court in (*_ABBREV_COURTS, *_LOCAL):
        add(_letters(court), "az", "court_type", "court")
    for names in (*COURTS.values(), *LOCAL_COURTS.values(), *STATE_ADJECTIVES):
        for name in names if isinstance(names, tuple) else (names,):
            first = name.split(" ", 1)[0]
            for stem in (first, first[:-1], first[:-2]):
                for ending in ("", "e", "s", "es", "n", "en", "er", "em"):
                    add(stem + ending, "court_name")
    for prefix in LAND_PREFIXES:
        add(_letters(prefix), "court")
    for word in ("ECLI", "EU"):
        add(word, "ecli")
    for word in ("AZ", "Az", "Aktenzeichen", "Rs", "Rechtssache", "Rechtssachen", "C", "T", "F", "B",
                 "S", "L"):
        add(word, "az")
    for word in ("Rn", "Rz", "Tz", "Rdnr", "RdNr", "Rdn", "Randnr"):
        add(word, "marginal")
    return {word: tuple(k for k in _KINDS if k in found) for word, found in kinds.items()}


_WORD_KINDS: dict[str, tuple[str, ...]] = {}  # every word seen, with what it may start


def _word_kinds(word: str) -> tuple[str, ...]:
    """The kinds of component a word may start (the dispatch table, type words, Roman numbers)."""
    found = _dispatch().get(word, ())
    if _TYPE_WORD.fullmatch(word):
        found = (*found, "type")
    if _ROMAN_WORD.fullmatch(word):
        found = ("az", *found)
    return found


def _kinds_at(text: str, m: re.Match[str]) -> tuple[str, ...]:
    """The kinds of component that may start at a candidate that is no word."""
    first = text[m.start()]
    if first.isdigit():
        return ("az", "date")
    if first == "[":
        return ("ecli",)
    if first == "v":
        return ("az",) if text.startswith("verb", m.start()) else ("date",)
    return ("reporter",)


# Greedy, not possessive ('*+'): CPython 3.11 before 3.11.5 matches a possessive repetition of
# such a group wrongly (3.11.2, Debian's: '; ' did not match), and both patterns only ever
# fullmatch a gap of at most _GAP_LIMIT characters, so backtracking stays bounded.
_GLUE = re.compile(
    r"(?:\(K\)|[\s,;:()\[\]=\-–—]"
    r"|(?<![\wäöüß])(?:und|sowie|in|AZ|Az\.|verb\.|u\.\s?a\.|m\.\s?w\.\s?N\.|mwN|vgl\.?|auch|zuletzt|ferner"
    r"|ebenso|etwa|nur|jeweils|stRspr|st\.\s?Rspr\.|(?:des|der)(?:\s+(?:\d{1,2}\.\s+Kammer\s+des\s+)?"
    r"(?:Ersten|Zweiten|Dritten|Vierten|Fünften|Sechsten|Großen|erkennenden|\d{1,2}\.|[IVX]{1,5}\.)?"
    r"\s*(?:Senats|Zivilsenats|Strafsenats|Revisionssenats|Wehrdienstsenats|Kammer))?)(?![\wäöüß]))*"
)
_GAP_LIMIT = 60
_MARGINAL_GAP = re.compile(r"(?:[\s,\-–]|u\.\s?a\.|m\.\s?w\.\s?N\.|mwN)*")
# Between an EU court's date and its docket or reporter: the decision's name and a docket of
# the years before 1989, which had no 'C-' (', Cilfit, 283/81, ', ' - 6/64 - ').
_EU_GAP = re.compile(
    r"[\s,\-–]*(?:(?P<name>[A-ZÄÖÜ][\wäöüß\-'’ ]{1,40}?)[\s,\-–]+)?"
    r"(?:(?P<old>\d{1,4}/\d{2})[\s,\-–]+)?"
)
_BLANK_LINE = re.compile(r"\n[ \r]*\n")
_AUTHOR_BEFORE = re.compile(
    r"(?:^|[\s(;])(?P<author>[A-ZÄÖÜ][a-zäöüß]+(?:[-/][A-ZÄÖÜ][a-zäöüß]+)*)\s*,\s*(?:in:\s*)?$|in:\s*$"
)
_NOT_AUTHORS = frozenset({
    "Senat", "Senats", "Kammer", "Gericht", "Vgl", "Ebenso", "So", "Auch", "Zuletzt", "Siehe",
    "Dazu", "Insoweit", "Anders", "Etwa", "Ferner", "Ebd", "Zudem", "Ebenda", "Aaa", "Urteil",
    "Beschluss", "Rechtsprechung", "Entscheidung",
})  # fmt: skip
_JOURNALS = frozenset(JOURNALS) | {"DVBl", "NWVBl", "BayVBl"}
_REPORTER_WORDS = frozenset({*VOLUME_COLLECTIONS, *JOURNALS, "BStBl", "BStBl.", "Slg."})


@dataclass(slots=True)
class _Case:
    start: int
    end: int = 0
    court: str | None = None
    az_court: str | None = None
    decision_type: str | None = None
    date: str | None = None
    file_numbers: list[str] = field(default_factory=list)
    ecli: str | None = None
    reporters: list[Reporter] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    inherit: _Case | None = None
    pinpoint: str | None = None
    name: str | None = None
    literature: bool = False

    def has_id(self) -> bool:
        return bool(self.file_numbers or self.ecli or any(r.volume for r in self.reporters))


@dataclass(frozen=True, slots=True)
class CaseMatch:
    start: int
    end: int
    ref: CaseRef
    group: int


@dataclass(frozen=True, slots=True)
class _Component:
    kind: str
    start: int
    end: int
    match: re.Match[str] | None = None
    entry: ReporterEntry | None = None


def _singular(decision_type: str) -> str:
    word = decision_type
    if word in ("Urt.",):
        return "Urteil"
    if word in ("Beschl.",):
        return "Beschluss"
    word = word[0].upper() + word[1:]
    for plural, singular in (
        ("beschlüssen", "beschluss"), ("beschlüsse", "beschluss"), ("beschlusses", "beschluss"),
        ("Beschlüssen", "Beschluss"), ("Beschlüsse", "Beschluss"), ("Beschlusses", "Beschluss"),
        ("urteilen", "urteil"), ("urteile", "urteil"), ("urteils", "urteil"),
        ("Urteilen", "Urteil"), ("Urteile", "Urteil"), ("Urteils", "Urteil"),
        ("bescheides", "bescheid"), ("bescheids", "bescheid"),
        ("Entscheidungen", "Entscheidung"),
    ):  # fmt: skip
        if word.endswith(plural):
            return word[: -len(plural)] + singular
    return word


def _court_from_name(m: re.Match[str]) -> str:
    for key, value in m.groupdict().items():
        if value and key.startswith("C") and key[1:].isdigit():
            return COURT_KEYS[int(key[1:])]
    if m["localname"]:
        return f"{LOCAL_COURT_BY_NAME[m['localname']]} {court_seat(m['seat'])}"
    state = STATE_ADJECTIVES[m["state"]]
    return f"{LOCAL_COURT_BY_NAME[m['statecourt']]} {state}"


_EU_PREFIX = re.compile(r"^(?:Rs\.|Rechtssachen?)\s*")
_AZ_SPLIT = re.compile(r"\s*(?:,|\bund\b|\bu\.)\s*")
_AZ_SHORT_RE = re.compile(_AZ_SHORT)
_AZ_PREFIX = re.compile(r"(.*\s)\d{1,5}[./]\d{2}")


def _expand_file_numbers(az_list: str) -> list[str]:
    """'1 BvR 419/81 und 213/83' -> ['1 BvR 419/81', '1 BvR 213/83']; 'Rs. C-5/17' -> 'C-5/17'."""
    out: list[str] = []
    for piece in _AZ_SPLIT.split(az_list):
        piece = " ".join(piece.split())
        if not piece:
            continue
        piece = _EU_PREFIX.sub("", piece)
        if _AZ_SHORT_RE.fullmatch(piece) and out:
            prefix = _AZ_PREFIX.match(out[-1])
            piece = (prefix.group(1) if prefix else "") + piece
        out.append(piece)
    return out


_BY_PATTERN = (
    (re.compile(r"\d\s?Bv[A-Z] \d+/\d{2}"), "BVerfG"),
    (re.compile(r"\d{1,2} [A-Z][A-Za-z]{0,3} \d+\.\d{2}"), "BVerwG"),
    (re.compile(r"B \d{1,2} [A-Z]{1,3} \d+/\d{2} [A-Z]{1,2}"), "BSG"),
    (re.compile(r"[CTF]-\d+/\d{2}(?: ?P)?"), "EU"),
    (re.compile(r"[IVX]+ Z[RB] \d+/\d{2}|\d StR \d+/\d{2}"), "BGH"),
    (re.compile(r"\d{1,2} A[ZB]R \d+/\d{2}"), "BAG"),
)


def _court_from_file_number(number: str) -> str | None:
    for pattern, court in _BY_PATTERN:
        if pattern.fullmatch(number):
            return EU_COURTS[number[0]] if court == "EU" else court
    return None


def _is_strong_number(number: str) -> bool:
    """A docket that is a decision citation on its own: BVerfG and EU courts."""
    return _court_from_file_number(number) in ("BVerfG", "EuGH", "EuG", "EuGöD")


# Every decision citation has an identifier, and every identifier contains one of these; the
# expensive component scan runs only in windows around them.
# (Three patterns, each with a literal start the regex engine skips to quickly; one alternation
# of all of them would be tried at every position.)
_ANCHORS = (
    re.compile(r" \d(?:\d{0,4}[./]\d{2,5}(?!\d)|\d{0,3},\s?(?:I{1,3}-)?\d)"),
    re.compile(r"ECLI:|EU:[CTF]:|Buchholz|SozR|BGHR|AP |EzA |Slg\.|juris(?![a-zäöüß])"),
    re.compile(r"[CTF]-\d"),
)


def _is_anchor(text: str, m: re.Match[str]) -> bool:
    """Numbers count only after a word: 'B 71.17'; for 'volume, page' a reporter's name or a
    word with two capitals ('BVerwGE 24, 91', 'BStBl II 2011, 712'), not 'Band 4, 3' or 'Rn. 3, 4'."""
    start = m.start()
    if text[start] != " ":
        return True
    if start < 1 or not (text[start - 1].isalpha() or text[start - 1] in ".+"):
        return False
    if "," not in m.group():
        return True
    floor = max(0, start - 30)
    word_start = max(text.rfind(" ", floor, start), text.rfind("\n", floor, start)) + 1
    word = text[word_start:start]
    return word in _REPORTER_WORDS or sum(ch.isupper() for ch in word) >= 2


_START_OF = methodcaller("start")
_WINDOW = 300  # characters before and after an anchor; far more than a citation's head needs


def _windows(text: str) -> Iterator[tuple[int, int]]:
    """Disjoint windows around identifier anchors, in text order."""
    found = [a for a in _ANCHORS if a.search(text)]
    if not found:
        return
    lo = hi = -1
    anchors = found[0].finditer(text) if len(found) == 1 else merge(
        *(a.finditer(text) for a in found), key=_START_OF
    )
    for anchor in anchors:
        if not _is_anchor(text, anchor):
            continue
        start = max(0, anchor.start() - _WINDOW)
        if start <= hi:
            hi = min(len(text), anchor.end() + _WINDOW)
            continue
        if hi > lo:
            yield lo, hi
        floor = max(0, start - 40)
        lo = max(text.rfind(" ", floor, start), text.rfind("\n", floor, start), floor - 1) + 1
        lo = max(lo, hi)
        hi = min(len(text), anchor.end() + _WINDOW)
    if hi > lo:
        yield lo, hi


def _components(text: str) -> Iterator[_Component]:
    """Components in windows around identifier anchors, in text order."""
    patterns = _component_patterns()
    words = _WORD_KINDS
    pos = 0
    for lo, hi in _windows(text):
        for candidate in _CANDIDATE.finditer(text, max(pos, lo), hi):
            at = candidate.start()
            if at < pos:
                continue  # inside the component before
            word = candidate["word"]
            if word is not None:
                kinds = words.get(word)
                if kinds is None:
                    if len(words) > 50_000:  # a bounded memo of the capitalised words seen
                        words.clear()
                    kinds = words[word] = _word_kinds(word)
            else:
                kinds = _kinds_at(text, candidate)
            for kind in kinds:
                m = patterns[kind].match(text, at, hi)
                if m is None:
                    continue
                if kind == "reporter":
                    entries = read_reporter(text, at, m.end())
                    if not entries:
                        continue  # 'AG Hamburg', not the journal 'AG'
                    for entry in entries:
                        yield _Component("reporter", entry.start, entry.end, entry=entry)
                    pos = entries[-1].end
                else:
                    yield _Component(kind, at, m.end(), m)
                    pos = m.end()
                break


def find_cases(
    text: str, keyed: list[tuple[int, int]], share: Callable[[CaseRef], CaseRef] = lambda ref: ref
) -> Iterator[CaseMatch]:
    """All decision citations in the cleaned text, as spans of that text, in text order;
    decisions of one chain share their group. Appends to `keyed` the spans of reporters whose
    section names a statute ('SozR 4-2500 § 106 Nr 7'): they hold no statute citation. `share`
    may return an equal reference seen before, so that repeated citations share one object."""
    group = -1
    for case in _cases(text, keyed):
        ref = _finish(case)
        if ref is not None:
            if case.inherit is None or group < 0:
                group += 1
            yield CaseMatch(case.start, case.end, share(ref), group)


def _cases(text: str, keyed: list[tuple[int, int]]) -> Iterator[_Case]:
    """The decisions of all sequences, in text order (valid or not)."""
    current: _Case | None = None
    last_valid: _Case | None = None
    prev_end = 0
    for comp in _components(text):
        if comp.entry is not None and comp.entry.keyed:
            keyed.append((comp.start, comp.end))
        gap = text[prev_end : comp.start] if comp.start - prev_end <= _GAP_LIMIT else None
        joined = (
            current is not None
            and gap is not None
            and _BLANK_LINE.search(gap) is None
            and (_GLUE.fullmatch(gap) is not None or _eu_gap(current, comp, gap))
            and not _court_in_prose(current, comp, gap)
        )
        if comp.kind == "marginal":
            if joined and current is not None and _MARGINAL_GAP.fullmatch(gap or ""):
                _attach_marginal(current, comp)
                name, current.end = read_case_name(text, comp.end)  # 'Rn. 80 – Google Spain'
                current.name = current.name or name
                prev_end = current.end
            continue
        if current is None or not joined:
            if current is not None:
                yield current
            current = _Case(start=comp.start)
            last_valid = None
        elif _splits(current, comp, gap or "", text):
            yield current
            current.inherit = None  # finished: a chain keeps only the decision before alive
            if current.has_id() and not current.literature:
                last_valid = current
            current = _Case(start=comp.start, inherit=last_valid)
        end = _add(current, comp, text)
        current.end = prev_end = end
    if current is not None:
        yield current


def _court_in_prose(case: _Case, comp: _Component, gap: str) -> bool:
    """'des Bundesverfassungsgerichts (vgl. BVerfGE …)': a court named in the sentence, its
    citation in brackets after it (but 'des Bundesfinanzhofs (BFH) vom' names it twice)."""
    return (
        "(" in gap.replace("(K)", "")  # 'BVerfG (K)': a chamber's decision
        and all(kind in ("court", "court_name") for kind in case.kinds)
        and comp.kind not in ("court", "court_name")
    )


def _eu_gap(case: _Case, comp: _Component, gap: str) -> bool:
    """Whether the gap between an EU court's decision and an identifier holds only its name
    and an old docket (which are then added to the decision)."""
    if comp.kind not in ("az", "ecli", "reporter") or case.court not in EU_COURTS.values():
        return False
    m = _EU_GAP.fullmatch(gap)
    if m is None or not (m["name"] or m["old"]) or (m["name"] and case.name):
        return False
    if m["name"]:
        case.name = " ".join(m["name"].split())
    if m["old"]:
        case.file_numbers.append(m["old"])  # dockets before 1989 had no 'C-'
    return True


def _attach_marginal(case: _Case, comp: _Component) -> None:
    """'- 1 BvR 2406/16 -, Rn. 12': a marginal number for the decision (or its last reporter)."""
    value = "Rn. " + " ".join(comp.match["mg"].split()) if comp.match is not None else ""
    if case.reporters:
        last = case.reporters[-1]
        if last.pinpoint is None or "Rn." not in last.pinpoint:
            pin = f"{last.pinpoint} {value}" if last.pinpoint else value
            case.reporters[-1] = Reporter(last.name, last.volume, last.page, last.number, pin)
    elif case.has_id() and case.pinpoint is None:
        case.pinpoint = value


def _splits(case: _Case, comp: _Component, gap: str, text: str) -> bool:
    """Whether this component starts a new decision in the same sequence."""
    kind = comp.kind
    if kind in ("court", "court_name"):
        if case.has_id() or case.court is None:
            return case.court is not None or case.has_id()
        # 'des Bundesfinanzhofs (BFH) vom': the abbreviation explains the name
        return case.court != _court_of(comp) or not text.startswith(")", comp.end)
    if kind == "court_type":
        return case.court is not None or case.decision_type is not None or case.has_id()
    if kind == "type":
        return case.decision_type is not None or case.has_id()
    if kind == "date":
        return case.date is not None or case.has_id()
    if kind == "az":
        return bool(case.file_numbers or case.reporters)
    if kind == "ecli":
        return case.ecli is not None or bool(case.reporters)
    if kind == "reporter" and comp.entry is not None:
        name = comp.entry.reporter.name
        return (
            comp.entry.chained
            or (";" in gap and case.has_id())
            or ("=" not in gap and any(r.name == name for r in case.reporters))
        )
    return False


def _court_of(comp: _Component) -> str | None:
    m = comp.match
    if m is None:
        return None
    if comp.kind == "court":
        if m["cseat"]:
            local = m["court"][: m.start("cseat") - m.start("court")].strip()
            return f"{local} {court_seat(m['cseat'])}"
        if m["pland"]:
            return court_in_land(m["plocal"], LAND_PREFIXES[m["pland"]])
        return " ".join(m["court"].split())
    if comp.kind == "court_name":
        return _court_from_name(m)
    return None


def _add(case: _Case, comp: _Component, text: str) -> int:
    """Add the component to the decision; returns where the decision now ends."""
    kind = comp.kind
    case.kinds.append(kind)
    m = comp.match
    end = comp.end
    if comp.entry is not None:
        entry = comp.entry
        case.reporters.append(entry.reporter)
        if entry.case_name and not case.name:
            case.name = entry.case_name
        if len(case.kinds) == 1 and entry.reporter.name in _JOURNALS and _after_author(text, comp.start):
            case.literature = True
        return end
    assert m is not None  # every component but a reporter comes from the component regex
    if kind in ("court", "court_name"):
        case.court = _court_of(comp)
    elif kind == "court_type":
        case.court = m["ct_court"]
        case.decision_type = _singular(m["ct_type"])
    elif kind == "type":
        case.decision_type = _singular(m["type"])
    elif kind == "date":
        case.date = iso_date(m)
    elif kind == "az":
        numbers = _expand_file_numbers(m["az_list"])
        case.file_numbers.extend(numbers)
        if m["az_court"]:
            case.az_court = m["az_court"]
        if _court_from_file_number(numbers[-1]) in EU_COURTS.values():
            name, end = read_case_name(text, end, bracketed=True)  # 'C-210/16 – Wirtschaftsakademie'
            case.name = case.name or name
    elif kind == "ecli":
        ecli = m["ecli"].strip("[] ")
        case.ecli = ecli if ecli.startswith("ECLI:") else f"ECLI:{ecli}"
        if case.ecli.startswith("ECLI:EU:"):
            name, end = read_case_name(text, end)  # '[ECLI:EU:C:2014:317] - Google Spain'
            case.name = case.name or name
    return end


def _continues(case: _Case, before: _Case) -> bool:
    """Whether a decision split off a chain is one of the same court as the one before: it
    starts with its date ('… und vom 27. Januar 2015 - 6 B 43.14'), continues a collection
    ('; 129, 78') or is printed where the one before was ('BGH, NJW 2015, 1; NJW 2016, 2')."""
    if case.kinds[0] in ("date", "type", "az", "ecli"):
        return True
    names = {r.name for r in before.reporters}
    return bool(case.reporters) and case.reporters[0].name in names


def _after_author(text: str, start: int) -> bool:
    """Whether a journal citation at start follows an author's name ('Schoch, NVwZ …')."""
    before = text[max(0, start - 60) : start]
    m = _AUTHOR_BEFORE.search(before)
    return m is not None and (m["author"] is None or m["author"] not in _NOT_AUTHORS)


def _finish(case: _Case) -> CaseRef | None:
    if not case.has_id() or case.literature:
        return None
    strong = (
        case.ecli is not None
        or case.az_court is not None
        or any(r.volume for r in case.reporters)
        or any(_is_strong_number(n) for n in case.file_numbers)
    )
    if len(set(case.kinds)) < 2 and not strong and case.inherit is None:
        return None
    court = case.court
    if court is None and case.ecli is not None:
        parts = case.ecli.split(":")
        court = EU_COURTS.get(parts[2], parts[2]) if parts[1] == "EU" else parts[2]
    if court is None and case.az_court is not None:
        court = case.az_court
    if court is None:
        court = next(filter(None, map(Reporter.court, case.reporters)), None)
    decision_type = case.decision_type
    if case.inherit is not None:
        if court is None and _continues(case, case.inherit):
            court = case.inherit.court
        if decision_type is None and case.kinds[0] == "date":
            decision_type = case.inherit.decision_type
    if court is None:
        court = next(filter(None, map(_court_from_file_number, case.file_numbers)), None)
    case.court = court
    case.decision_type = decision_type
    return CaseRef(
        court=court,
        decision_type=decision_type,
        date=case.date,
        file_numbers=tuple(case.file_numbers),
        ecli=case.ecli,
        reporters=tuple(case.reporters),
        pinpoint=case.pinpoint,
        name=case.name,
    )


__all__ = ["CaseMatch", "find_cases"]
