"""Reading where a decision is printed: official collections, journals, collections ordered by
sections, juris.

`read_reporter(text, start, name_end)` is called by the decision parser at a reporter's name
and reads everything that belongs to it: volume and page ('BVerfGE 51, 304', 'NJW 2015, 1234',
'BStBl II 2011, 712', 'Slg. 2004, I-1234'), the section and entry of 'Buchholz 421.0
Prüfungswesen Nr. 338', 'SozR 4-2500 § 106 Nr 7', 'AP BGB § 626 Nr. 12', 'BGHR StGB § 46 Abs. 1
Strafzumessung 12'; then pinpoints ('<312>', ', 57 f.', '(2001)', 'Rn. 31', 'Rz 21', 'Tz. 12'),
a decision's name after a dash ('– Lichtschalter'), and further decisions of a chain in the same
collection ('BVerfGE 88, 203 <251>; 129, 78 <94>'). All patterns are anchored and bounded, so
reading is linear in the length of what is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lawkit.citations.model import KEYED_COLLECTIONS, Reporter

# Collections cited 'NAME volume, page'.
VOLUME_COLLECTIONS: tuple[str, ...] = (
    "BVerfGE", "BVerfGK", "BVerwGE", "BGHZ", "BGHSt", "BAGE", "BSGE", "BFHE", "BPatGE", "RGZ",
    "RGSt", "OVGE", "ESVGH", "VRS",
)  # fmt: skip
# Journals (and databases) cited 'NAME year, page'.
JOURNALS: tuple[str, ...] = (
    "NJW", "NJW-RR", "NJOZ", "NVwZ", "NVwZ-RR", "NZA", "NZA-RR", "NStZ", "NStZ-RR", "NZG", "NZM",
    "NZI", "NZV", "NZS", "NZFam", "NZBau", "NZWiSt", "NZKart", "NZWehrr", "JZ", "JR", "JA", "JuS",
    "Jura", "DVBl", "DVBl.", "DÖV", "MDR", "ZIP", "WM", "BB", "DB", "DStR", "DStRE", "DStZ", "FR",
    "EFG", "HFR", "BFH/NV", "UR", "IStR", "GmbHR", "VersR", "r+s", "FamRZ", "FuR", "GRUR",
    "GRUR-RR", "GRUR-Prax", "WRP", "ZUM", "ZUM-RD", "MMR", "CR", "K&R", "ZD", "AfP", "ZInsO",
    "ZVI", "EuZW", "EuR", "EWS", "RIW", "WuW", "ZfBR", "BauR", "UPR", "NuR", "ZUR", "LKV", "VBlBW",
    "NWVBl", "NWVBl.", "BayVBl", "BayVBl.", "NordÖR", "SächsVBl", "ThürVBl", "KommJur", "DAR",
    "StV", "wistra", "GewArch", "ZBR", "DÖD", "RiA", "ZTR", "PersR", "PersV", "AuR", "RdA", "SGb",
    "InfAuslR", "ZAR", "ZfWG", "WuM", "ZMR", "NotBZ", "DNotZ", "ZEV", "Rpfleger", "ZfS", "SVR",
    "BeckRS", "LMK", "ZLW", "ZfZ", "BKR", "ZBB", "FGPrax", "FamRB", "NJ", "NJW-Spezial", "ZfIR",
    "ZWE", "DZWIR", "VuR", "IBR", "ZfSch", "JurBüro", "AGS", "StraFo", "StRR", "CCZ", "ITRB",
    "ArbRB", "AuA", "ZJS", "NdsVBl", "LKRZ", "StuB", "EWiR", "GmbH-StB", "NZWiSt", "NVwZ-Extra",
)  # fmt: skip

_YEAR = r"(?:19|20)\d{2}"

_PAGE_END = r"(?![\d/]|\.\d)"  # a page ends where no digit, '/' or '.5' follows
_VOLUME_PAGE = re.compile(r"\s+(?P<vol>\d{1,3})\s*,\s*(?P<page>\d{1,5})" + _PAGE_END)
_YEAR_PAGE = re.compile(r"\s+(?P<vol>" + _YEAR + r")\s*,\s*(?:S\.\s*)?(?P<page>\d{1,6})" + _PAGE_END)
_SLG_PAGE = re.compile(r"\s+(?P<vol>" + _YEAR + r")\s*,\s*(?P<page>(?:I{1,3}-)?\d{1,5})" + _PAGE_END)
_BSTBL = re.compile(
    r"\s+(?P<part>I{1,3})\s+(?P<vol>" + _YEAR + r")\s*,?\s*(?:S\.\s*)?(?P<page>\d{1,5})" + _PAGE_END
)
_CHAIN_VOLUME = re.compile(r"\s*;\s*(?P<vol>\d{1,3}),\s*(?P<page>\d{1,5})" + _PAGE_END)
_CHAIN_YEAR = re.compile(r"\s*;\s*(?P<vol>" + _YEAR + r"),\s*(?P<page>\d{1,6})" + _PAGE_END)
_FOLLOWING = re.compile(r"\s*(?P<f>ff?\.)")
_PIN_ANGLE = re.compile(r"\s*<\s*(?P<p>[^<>\n]{1,25}?)\s*>")
_PIN_PAREN = re.compile(r"\s*\((?P<p>\d{1,5}(?:\s*ff?\.)?)\)")
_PIN_PAGE = re.compile(r",\s*(?:S\.\s*)?(?P<p>(?:I{1,3}-)?\d{1,5})" + _PAGE_END + r"(?:\s*(?P<f>ff?\.))?")
_MARGINAL_WORD = r"(?:Rn|Rdnr|RdNr|Rdn|Rnr|Randnr|Randnummer|Rz|Tz|Textziffer|Textziff)"
_MARGINAL_VALUE = r"(?P<m>\d{1,4}(?:\s*ff?\.|\s*(?:[-–]|bis)\s*\d{1,4})?)(?![\d/]|[.,]\d)"
MARGINAL = re.compile(r"(?:,\s*|\s+)" + _MARGINAL_WORD + r"\.?\s*" + _MARGINAL_VALUE)
_JURIS_MARGINAL = re.compile(r"\s*,?\s*" + _MARGINAL_WORD + r"\.?\s*" + _MARGINAL_VALUE)
_BUCHHOLZ_VOLUME = re.compile(r"\s+(?P<vol>\d{2,3}(?:\.\d{1,3})?)(?![\d.])")
_ENTRY = re.compile(r"\s+Nr\.?\s*(?P<nr>\d{1,4})(?![\d/]|[.,]\d)")
_SECTION_STOP = re.compile(r"[;()<>\[\]]|\n\s*\n")
_SOZR = re.compile(
    r"\s+(?P<vol>\d-\d{4})\s+(?P<sec>§\s*\d{1,4}[a-z]?)\s+Nr\.?\s*(?P<nr>\d{1,4})(?![\d/]|[.,]\d)"
)
_BGHR = re.compile(
    r"\s+(?P<sec>[A-Z][A-Za-z]{1,8}(?:\s+\d{4})?\s+§\s*\d{1,4}[a-z]?"
    r"(?:\s+(?:Abs\.|S\.|Satz|Nr\.)\s*\d{1,3}[a-z]?){0,3}"
    r"(?:\s+[A-ZÄÖÜ][\wäöüß\-]{1,40}(?:\s+[a-zäöüß][\wäöüß\-]{0,30}){0,3}){1,3})"
    r"\s+(?P<nr>\d{1,3})(?![\d/]|[.,]\d)"
)
_ENTRY_PAGE = re.compile(r"\s+S\.?\s*(?P<page>\d{1,5}(?:\s*ff?\.)?)(?![\d/]|\.\d)")
# A decision's name after a dash: up to five words, then the end of the citation.
_CASE_NAME = re.compile(
    r" [-–—]\s+(?P<name>[^\W\d_„\"][^\s;,()<>\[\]]{0,40}"
    r"(?: [\w„\"&/][^\s;,()<>\[\]]{0,40}){0,4})"
    r"(?=\s*(?:[);,\]]|\.(?:\s|$)|$))"
)
# An EU decision's name in brackets after its docket: 'C-617/10 (Åkerberg Fransson)'.
_BRACKETED_NAME = re.compile(r" ?\((?P<name>[^\W\d_][^()\n]{0,60})\)")


@cache
def not_names() -> frozenset[str]:
    """Words that start a citation component, never a decision's name."""
    from lawkit.citations.laws import COURT_KEYS, LOCAL_COURTS

    words = {"Urteil", "Beschluss", "Beschl.", "Urt.", "Gerichtsbescheid", "juris", "Buchholz",
             "SozR", "ECLI", "Az.", "AZ", "BStBl", "Slg.", "vgl.", "Vgl.", "Rs.", "Rn", "Rn.", "Rz",
             "Rz.", "Tz", "Tz.", "Rdnr.", "RdNr", "Rdn.", "Randnr."}
    return frozenset(words | set(COURT_KEYS) | set(LOCAL_COURTS) | set(VOLUME_COLLECTIONS)
                     | set(JOURNALS))


@cache
def reporter_name_pattern() -> str:
    """Regex alternation of every reporter name (for the decision parser's component regex)."""
    names = {*VOLUME_COLLECTIONS, *JOURNALS, *KEYED_COLLECTIONS, "BGHR", "Slg.", "juris"}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return r"(?<![\wäöüß\-/.])(?:" + alternation + r"|BStBl\.?)(?![\wäöüß\-/&+])"


@dataclass(frozen=True, slots=True)
class ReporterEntry:
    """One reporter citation read from the text; `chained` marks a further decision of a chain
    ('129, 78 <94>' after 'BVerfGE 88, 203 <251>; '), `keyed` one whose section names a statute."""

    start: int
    end: int
    reporter: Reporter
    case_name: str | None = None
    chained: bool = False
    keyed: bool = False


def read_reporter(text: str, start: int, name_end: int) -> list[ReporterEntry]:
    """The reporter whose name is text[start:name_end], with its chain; [] if none follows."""
    name = text[start:name_end]
    if name == "juris":
        m = _JURIS_MARGINAL.match(text, name_end)
        pin = f"Rn. {_norm(m['m'])}" if m else None
        return [ReporterEntry(start, m.end() if m else name_end, Reporter("juris", pinpoint=pin))]
    if name in KEYED_COLLECTIONS or name == "BGHR":
        return _keyed(text, start, name_end, name)
    pattern: re.Match[str] | None
    if name.startswith("BStBl"):
        m = _BSTBL.match(text, name_end)
        if m is None or m["part"] != "II":  # part I prints administrative rules, not decisions
            return []
        name, pattern, chain = "BStBl II", m, None
    elif name == "Slg.":
        pattern, chain = _SLG_PAGE.match(text, name_end), None
    elif name in VOLUME_COLLECTIONS:
        pattern, chain = _VOLUME_PAGE.match(text, name_end), _CHAIN_VOLUME
    else:
        pattern, chain = _YEAR_PAGE.match(text, name_end), _CHAIN_YEAR
    if pattern is None:
        return []
    name = name.rstrip(".") if name in ("DVBl.", "NWVBl.", "BayVBl.") else name
    entries = [_with_pinpoints(text, start, pattern, name)]
    while chain is not None:
        m = chain.match(text, entries[-1].end)
        if m is None:
            break
        entry = _with_pinpoints(text, m.start("vol"), m, name)
        entries.append(ReporterEntry(entry.start, entry.end, entry.reporter, entry.case_name, True))
    return entries


def _norm(value: str) -> str:
    return " ".join(value.split())


_PAGE_RANGE = re.compile(r"[-–](?P<last>\d{1,5})(?![\d/]|\.\d)")


def _with_pinpoints(text: str, start: int, m: re.Match[str], name: str) -> ReporterEntry:
    """Volume and page from m, then what follows them: the last page ('243-266', as juris
    writes), 'f.', pinpoints, the decision's name."""
    page = m["page"]
    end = m.end()
    last = _PAGE_RANGE.match(text, end)
    if last is not None and page.isdigit() and int(page) < int(last["last"]) < int(page) + 500:
        page, end = f"{page}-{last['last']}", last.end()
    following = _FOLLOWING.match(text, end)
    if following is not None:
        page = f"{page} {following['f']}"
        end = following.end()
    pin: str | None = None
    angle = _PIN_ANGLE.match(text, end)
    if angle is not None:
        pin, end = _norm(angle["p"]), angle.end()
    elif (paren := _PIN_PAREN.match(text, end)) is not None:
        pin, end = _norm(paren["p"]), paren.end()
    elif (comma := _PIN_PAGE.match(text, end)) is not None and _plausible(m["page"], comma["p"]):
        pin = comma["p"] + (f" {comma['f']}" if comma["f"] else "")
        end = comma.end()
    marginal = MARGINAL.match(text, end)
    if marginal is not None:
        rn = f"Rn. {_norm(marginal['m'])}"
        pin = f"{pin} {rn}" if pin else rn
        end = marginal.end()
    case_name, end = read_case_name(text, end)
    return ReporterEntry(start, end, Reporter(name, m["vol"], page, pinpoint=pin), case_name)


def _plausible(page: str, pin: str) -> bool:
    """A page pinpoint lies within a few hundred pages after the first page."""
    first = int(page.rsplit("-", 1)[-1])
    cited = int(pin.rsplit("-", 1)[-1])
    return first <= cited <= first + 400


def read_case_name(text: str, end: int, bracketed: bool = False) -> tuple[str | None, int]:
    """A decision's name after a dash ('– Lichtschalter') or, where `bracketed`, in brackets
    ('(Åkerberg Fransson)'); or (None, end)."""
    if end >= len(text) or text[end] not in " \n(":
        return None, end
    m = _CASE_NAME.match(text, end)
    if m is None and bracketed:
        m = _BRACKETED_NAME.match(text, end)
    if m is None:
        return None, end
    name = " ".join(m["name"].split())
    first = name.split(" ", 1)[0]
    if (not first[0].isupper() or first in not_names() or "§" in name
            or first.startswith("vom") or re.search(r"\d", first)):
        return None, end
    return name, m.end()


def _keyed(text: str, start: int, name_end: int, name: str) -> list[ReporterEntry]:
    """'Buchholz 421.0 Prüfungswesen Nr. 338 S. 47 f.', 'SozR 4-2500 § 106 Nr 7', 'AP BGB § 626
    Nr. 12', 'EzA § 626 BGB 2002 Nr. 1', 'BGHR StGB § 46 Abs. 1 Strafzumessung 12'."""
    if name == "SozR":
        m = _SOZR.match(text, name_end)
        if m is None:
            return []
        section, number, end = f"{m['vol']} {_norm(m['sec'])}", m["nr"], m.end()
    elif name == "BGHR":
        m = _BGHR.match(text, name_end)
        if m is None:
            return []
        section, number, end = _norm(m["sec"]), m["nr"], m.end()
    else:
        section_start = name_end
        prefix = ""
        if name == "Buchholz":
            vol = _BUCHHOLZ_VOLUME.match(text, name_end)
            if vol is None:
                return []
            prefix, section_start = vol["vol"], vol.end()
        old = _AP_OLD.match(text, name_end) if name in ("AP", "EzA") else None
        found = (
            (_norm(old["sec"]), old["nr"], old.end()) if old is not None
            else _section_and_entry(text, section_start, name)
        )
        if found is None:
            return []
        section, number, end = found
        section = f"{prefix} {section}".strip()
    page = None
    entry_page = _ENTRY_PAGE.match(text, end)
    if entry_page is not None:
        page, end = _norm(entry_page["page"]), entry_page.end()
    pin = None
    marginal = MARGINAL.match(text, end)
    if marginal is not None:
        pin, end = f"Rn. {_norm(marginal['m'])}", marginal.end()
    reporter = Reporter(name, section, page, number=number, pinpoint=pin)
    return [ReporterEntry(start, end, reporter, keyed="§" in section or "Art." in section)]


_LAW_TOKEN = re.compile(r"(?<![\wäöüß])[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*[A-ZÄÖÜ]")
_AP_OLD = re.compile(  # 'AP Nr. 1 zu § 626 BGB'
    r"\s+Nr\.\s*(?P<nr>\d{1,4})\s+zu\s+(?P<sec>§\s*\d{1,4}[a-z]?(?:\s+Abs\.\s*\d{1,2})?"
    r"\s+[A-Z][A-Za-zÄÖÜäöüß]*[A-Z][A-Za-zÄÖÜäöüß]*(?:\s+\d{4})?)(?![\wäöüß])"
)
_SECTION_REACH = 90  # characters from the volume to the entry number 'Nr. …'


def _section_and_entry(text: str, pos: int, name: str) -> tuple[str, str, int] | None:
    """The section title up to the first 'Nr. <n>' after which the title is complete: for
    Buchholz it ends in a word ('Prüfungswesen', 'VwGO'), for AP and EzA it names a '§'."""
    limit = min(len(text), pos + _SECTION_REACH)
    stop = _SECTION_STOP.search(text, pos, limit)
    if stop is not None:
        limit = stop.start()
    at = pos
    while True:
        entry = _ENTRY.search(text, at, limit + 12)
        if entry is None or entry.start() > limit:
            return None
        section = _norm(text[pos : entry.start()])
        last = section.rsplit(" ", 1)[-1] if section else ""
        if name == "Buchholz":
            if not section or last[-1:].isalpha():
                return section, entry["nr"], entry.end()
        elif "§" in section and _LAW_TOKEN.search(section) is not None:
            return section, entry["nr"], entry.end()
        at = entry.end()
