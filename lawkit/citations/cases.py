"""Finding citations of court decisions in text.

The text is scanned for components: court (abbreviation, court with seat, or full name in any
case), decision type ('Beschluss', 'Urteil', 'Beschlüsse', ...), date, Aktenzeichen (also
several: '1 BvR 419/81 und 213/83'), ECLI (also glued to the preceding text), and reporters
('BVerwGE 13, 90 <91 f.>', 'NVwZ-RR 2015, 416 Rn. 8', 'Buchholz 421.0 Prüfungswesen Nr. 320
S. 307 f.', 'juris Rn. 16'). Components joined only by punctuation, 'und', 'des' or 'AZ:' form
a sequence; a sequence is split into decisions where a component repeats (a second date, court
or type, or a second Aktenzeichen after a reporter). A decision split off a chain ('Beschlüsse
vom ... und vom ...') takes over court and type from the one before. A decision counts only if
it has an identifier (Aktenzeichen, ECLI or reporter) and more than that one bare component.
When no court is named, it comes from the ECLI, the court prefix of the Aktenzeichen, the
official reporter ('BVerwGE' -> BVerwG) or the Aktenzeichen's pattern ('1 BvR' -> BVerfG,
'6 B 71.17' -> BVerwG).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from lawkit.citations.laws import (
    COURT_KEYS,
    COURTS,
    LOCAL_COURT_BY_NAME,
    LOCAL_COURTS,
    STATE_ADJECTIVES,
    court_name_regex,
)
from lawkit.citations.model import CaseRef, Reporter
from lawkit.citations.norms import DATE_RE, iso_date

OFFICIAL_REPORTERS: dict[str, str] = {
    "BVerfGE": "BVerfG",
    "BVerfGK": "BVerfG",
    "BVerwGE": "BVerwG",
    "BGHZ": "BGH",
    "BGHSt": "BGH",
    "BAGE": "BAG",
    "BSGE": "BSG",
    "BFHE": "BFH",
    "RGZ": "RG",
    "RGSt": "RG",
}
JOURNALS: tuple[str, ...] = (
    "NJW-RR", "NJW", "NVwZ-RR", "NVwZ", "NZA-RR", "NZA", "NStZ-RR", "NStZ", "NZG", "NZM", "NZI",
    "NZV", "NZS", "NZFam", "NZBau", "NZWiSt", "JZ", "DVBl.", "DVBl", "DÖV", "MDR", "ZIP", "WM",
    "BB", "DB", "VersR", "FamRZ", "GRUR", "JuS", "Jura", "BayVBl.", "BayVBl", "NordÖR", "DStR",
    "BStBl.", "ZUM", "MMR", "CR", "AfP", "ZInsO", "EuZW", "ZfBR", "BauR", "UPR", "NuR", "ZUR",
    "LKV", "VBlBW", "NWVBl.", "NWVBl", "DAR", "StV", "wistra", "JR", "GewArch", "ZBR", "DÖD",
    "RiA", "ZTR", "KommJur", "ZfWG", "InfAuslR", "ZAR", "NuR", "ZLW", "WRP", "K&R",
)  # fmt: skip
_ABBREV_COURTS = sorted(COURT_KEYS, key=len, reverse=True)
_LOCAL = sorted(LOCAL_COURTS, key=len, reverse=True)
_SEAT = r"(?:[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*|NRW|NW|LSA|RP|SH|MV|M-V|BW)"
_AZ_CORE = (
    r"(?:[12]\s?Bv[A-Z]\s\d{1,5}/\d{2}(?!\d)"
    r"|\d{1,2}\s[A-Z][A-Za-z]{0,3}\s\d{1,4}\.\d{2}(?!\d)"
    r"|B\s\d{1,2}\s[A-Z]{1,3}\s\d{1,5}/\d{2}\s[A-Z]{1,2}(?![\wäöüß])"
    r"|(?:[IVX]{1,5}|\d{1,3})\s[A-Z][A-Za-z]{0,5}(?:\s[A-Z][A-Za-z]{0,4})?\s\d{1,5}/\d{2}(?:\d{2})?"
    r"(?![\d/])"
    r"|(?:Rs\.\s?)?[CT]-\d{1,4}/\d{2}(?!\d))"
)
_AZ_SHORT = r"\d{1,5}[./]\d{2}(?![\d/.])"
_PIN = (
    r"(?:\s*<\s*(?P<pin_a>[^<>\n]{1,25}?)\s*>"
    r"|\s+Rn\.?\s*(?P<pin_b>\d+(?:\s*ff?\.|\s*[-–]\s*\d+)?)"
    r"|\s*\((?P<pin_c>\d+(?:\s*ff?\.)?)\))?"
)
_TYPES = (
    r"(?P<type>(?:(?:Kammer|Nichtannahme|Vorlage|Teil|Schluss|Versäumnis|Zwischen|Grund|Senats"
    r"|Plenar)[bu]|B|U)(?:eschlüssen?|eschlusses|eschluss|rteilen?|rteils|rteil)"
    r"|Gerichtsbescheid(?:s|es)?|Urt\.|Beschl\.)"
    r"(?=\s+(?:vom|v\.|des|der)\s)"
)


@cache
def _component_re() -> re.Pattern[str]:
    courts = "|".join(re.escape(c) for c in _ABBREV_COURTS)
    local = "|".join(re.escape(c) for c in _LOCAL)
    journals = "|".join(re.escape(j) for j in sorted(set(JOURNALS), key=len, reverse=True))
    official = "|".join(sorted(OFFICIAL_REPORTERS, key=len, reverse=True))
    az_court = "|".join(re.escape(c) for c in (*_ABBREV_COURTS, *_LOCAL))
    alternatives = [
        r"(?P<ecli>\[\s*ECLI:[A-Z]{2}:[A-Za-z0-9]{1,10}:\d{4}:[A-Za-z0-9.]*[A-Za-z0-9]\s*\]"
        r"|ECLI:[A-Z]{2}:[A-Za-z0-9]{1,10}:\d{4}:[A-Za-z0-9.]*[A-Za-z0-9])",
        r"(?P<buchholz>Buchholz\s+(?P<b_vol>\d{3}(?:\.\d{1,3})?(?:\s+[A-ZÄÖÜ][\wäöüß\-]*)?)"
        r"\s+Nr\.\s*(?P<b_nr>\d+)(?:\s+S\.\s*(?P<b_page>\d+(?:\s*ff?\.)?))?)",
        r"(?P<juris>(?<![\wäöüß])juris(?![\wäöüß])(?:\s*,?\s*Rn\.?\s*(?P<j_rn>\d+(?:\s*ff?\.)?))?)",
        rf"(?P<official>(?P<o_name>{official})\s+(?P<o_vol>\d{{1,3}}),\s*(?P<o_page>\d{{1,5}})"
        rf"(?!\d))",
        rf"(?P<journal>(?<![\wäöüß\-])(?P<p_name>{journals})\s+(?P<p_year>(?:19|20)\d{{2}}),"
        rf"\s*(?P<p_page>\d{{1,5}})(?!\d))",
        r"(?P<az>(?:(?:AZ|Az\.?|Aktenzeichen)\s*:?\s*)?"
        rf"(?:(?P<az_court>{az_court})\s+(?=\d|[IVX]+\s|B\s|[CT]-))?"
        rf"(?P<az_list>{_AZ_CORE}(?:\s*(?:,|und|u\.)\s*(?:{_AZ_CORE}|{_AZ_SHORT}))*))",
        _TYPES,
        rf"(?P<court>(?<![\wäöüß\-])(?:{courts})(?![\wäöüß\-])"
        rf"|(?<![\wäöüß\-])(?:{local})\s+{_SEAT}(?![\wäöüß\-]))",
        r"(?P<court_name>" + court_name_regex().pattern + ")",
        r"(?P<date>(?:(?:vom|v\.)\s+)?" + DATE_RE + ")",
    ]
    # Components start at a word start with a capital, a digit, '[', 'vom'/'v.' or 'juris'; the
    # look-arounds reject all other positions before the long alternation is tried.
    return re.compile(r"(?<![a-zäöüß])(?=[A-ZÄÖÜ\[\dvj])(?:" + "|".join(alternatives) + ")")


_GLUE = re.compile(
    r"(?:[\s,;:()\[\]=\-–—]|(?<![\wäöüß])(?:und|sowie|des|der|AZ|Az\.)(?![\wäöüß]))*"
)
_BLANK_LINE = re.compile(r"\n[ \r]*\n")
_ID_KINDS = ("az", "ecli", "reporter")


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

    def has_id(self) -> bool:
        return bool(self.file_numbers or self.ecli or any(r.volume for r in self.reporters))


@dataclass(frozen=True, slots=True)
class CaseMatch:
    start: int
    end: int
    ref: CaseRef
    group: int


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
    ):  # fmt: skip
        if word.endswith(plural):
            return word[: -len(plural)] + singular
    return word


def _court_from_name(m: re.Match[str]) -> str:
    for key, value in m.groupdict().items():
        if value and key.startswith("C") and key[1:].isdigit():
            return COURT_KEYS[int(key[1:])]
    state = STATE_ADJECTIVES[m["state"]]
    return f"{LOCAL_COURT_BY_NAME[m['statecourt']]} {state}"


def _expand_file_numbers(az_list: str) -> list[str]:
    """'1 BvR 419/81 und 213/83' -> ['1 BvR 419/81', '1 BvR 213/83']."""
    out: list[str] = []
    for piece in re.split(r"\s*(?:,|\bund\b|\bu\.)\s*", az_list):
        piece = " ".join(piece.split())
        if not piece:
            continue
        if re.fullmatch(_AZ_SHORT, piece) and out:
            prefix = re.match(r"(.*\s)\d{1,5}[./]\d{2}", out[-1])
            piece = (prefix.group(1) if prefix else "") + piece
        out.append(piece)
    return out


def _court_from_file_number(number: str) -> str | None:
    if re.fullmatch(r"\d\s?Bv[A-Z] \d+/\d{2}", number):
        return "BVerfG"
    if re.fullmatch(r"\d{1,2} [A-Z][A-Za-z]{0,3} \d+\.\d{2}", number):
        return "BVerwG"
    if re.fullmatch(r"B \d{1,2} [A-Z]{1,3} \d+/\d{2} [A-Z]{1,2}", number):
        return "BSG"
    if re.fullmatch(r"(?:Rs\. ?)?C-\d+/\d{2}", number):
        return "EuGH"
    if re.fullmatch(r"[IVX]+ Z[RB] \d+/\d{2}|\d StR \d+/\d{2}", number):
        return "BGH"
    if re.fullmatch(r"\d{1,2} A[ZB]R \d+/\d{2}", number):
        return "BAG"
    return None


def _pinpoint(m: re.Match[str]) -> str | None:
    if m["pin_a"]:
        return " ".join(m["pin_a"].split())
    if m["pin_b"]:
        return "Rn. " + " ".join(m["pin_b"].split())
    if m["pin_c"]:
        return " ".join(m["pin_c"].split())
    return None


_PIN_RE = re.compile(_PIN)


# Every decision citation has an identifier, and every identifier contains one of these; the
# expensive component scan runs only in windows around them.
_ANCHOR = re.compile(
    r" (?:\d{1,5}[./]\d{2}(?!\d)|\d{1,4},\s?\d)|ECLI:|Buchholz|juris(?![a-zäöüß])|[CT]-\d"
)


def _is_anchor(text: str, m: re.Match[str]) -> bool:
    """Numbers count only after a word: 'B 71.17'; for 'volume, page' a reporter-like word with
    two capitals ('BVerwGE 24, 91', 'NJW 2019, 1'), not 'Band 4, 3' or 'Rn. 3, 4'."""
    start = m.start()
    if text[start] != " ":
        return True
    if start < 1 or not (text[start - 1].isalpha() or text[start - 1] == "."):
        return False
    if "," not in m.group():
        return True
    word_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    return sum(ch.isupper() for ch in text[word_start:start]) >= 2


_WINDOW = 300  # characters before and after an anchor; far more than a citation's head needs


def _components(text: str) -> Iterator[re.Match[str]]:
    """Components in windows around identifier anchors, in text order."""
    pattern = _component_re()
    lo = hi = -1
    for anchor in _ANCHOR.finditer(text):
        if not _is_anchor(text, anchor):
            continue
        start = max(0, anchor.start() - _WINDOW)
        if start <= hi:
            hi = min(len(text), anchor.end() + _WINDOW)
            continue
        if hi > lo:
            yield from pattern.finditer(text, lo, hi)
        lo = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
        hi = min(len(text), anchor.end() + _WINDOW)
    if hi > lo:
        yield from pattern.finditer(text, lo, hi)


def find_cases(text: str, group_base: int = 0) -> list[CaseMatch]:
    """All decision citations in the cleaned text, as spans of that text."""
    finished: list[_Case] = []
    current: _Case | None = None
    last_valid: _Case | None = None
    prev_end = 0
    for m in _components(text):
        start, end = m.start(), m.end()
        kind = m.lastgroup
        # a pinpoint directly after a reporter belongs to it
        pin = None
        if kind in ("official", "journal"):
            pm = _PIN_RE.match(text, end)
            if pm is not None and pm.end() > end:
                pin, end = _pinpoint(pm), pm.end()
        gap = text[prev_end:start]
        if current is None or not (
            len(gap) <= 40 and _GLUE.fullmatch(gap) is not None and _BLANK_LINE.search(gap) is None
        ):
            if current is not None:
                finished.append(current)
            current = _Case(start=start)
            last_valid = None
        elif _splits(current, kind):
            finished.append(current)
            if current.has_id():
                last_valid = current
            current = _Case(start=start, inherit=last_valid)
        _add(current, kind, m, pin)
        current.end = end
        prev_end = end
    if current is not None:
        finished.append(current)
    out = []
    group = group_base
    for case in finished:
        ref = _finish(case)
        if ref is not None:
            if case.inherit is None:
                group += 1
            out.append(CaseMatch(case.start, case.end, ref, group))
    return out


def _splits(case: _Case, kind: str | None) -> bool:
    """Whether a component of this kind starts a new decision in the same sequence."""
    if kind in ("court", "court_name"):
        return case.court is not None or case.has_id()
    if kind == "type":
        return case.decision_type is not None or case.has_id()
    if kind == "date":
        return case.date is not None or case.has_id()
    if kind == "az":
        return bool(case.file_numbers or case.reporters)
    if kind == "ecli":
        return case.ecli is not None or bool(case.reporters)
    return False


def _add(case: _Case, kind: str | None, m: re.Match[str], pin: str | None) -> None:
    case.kinds.append(kind or "")
    if kind == "court":
        case.court = " ".join(m["court"].split())
    elif kind == "court_name":
        case.court = _court_from_name(m)
    elif kind == "type":
        case.decision_type = _singular(m["type"])
    elif kind == "date":
        case.date = iso_date(m)
    elif kind == "az":
        case.file_numbers.extend(_expand_file_numbers(m["az_list"]))
        if m["az_court"]:
            case.az_court = m["az_court"]
    elif kind == "ecli":
        case.ecli = m["ecli"].strip("[] ")
    elif kind == "official":
        case.reporters.append(Reporter(m["o_name"], m["o_vol"], m["o_page"], pinpoint=pin))
    elif kind == "journal":
        case.reporters.append(Reporter(m["p_name"], m["p_year"], m["p_page"], pinpoint=pin))
    elif kind == "buchholz":
        page = " ".join(m["b_page"].split()) if m["b_page"] else None
        volume = " ".join(m["b_vol"].split())
        case.reporters.append(Reporter("Buchholz", volume, page, number=m["b_nr"]))
    elif kind == "juris":
        rn = m["j_rn"]
        case.reporters.append(Reporter("juris", pinpoint=f"Rn. {' '.join(rn.split())}" if rn else None))


def _finish(case: _Case) -> CaseRef | None:
    if not case.has_id():
        return None
    kinds = set(case.kinds)
    strong = (
        case.ecli is not None
        or case.az_court is not None
        or any(r.name in OFFICIAL_REPORTERS for r in case.reporters)
        or any(_court_from_file_number(n) == "BVerfG" for n in case.file_numbers)
    )
    if len(kinds) < 2 and not strong and case.inherit is None:
        return None
    court = case.court
    decision_type = case.decision_type
    if case.inherit is not None and court is None:
        court = case.inherit.court
        if decision_type is None:
            decision_type = case.inherit.decision_type
    if court is None and case.ecli is not None:
        court = case.ecli.split(":")[2]
    if court is None and case.az_court is not None:
        court = case.az_court
    if court is None:
        official = (OFFICIAL_REPORTERS[r.name] for r in case.reporters if r.name in OFFICIAL_REPORTERS)
        court = next(official, None)
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
    )


__all__ = ["COURTS", "CaseMatch", "find_cases"]
