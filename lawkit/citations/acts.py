"""EU legal acts named by kind and number: 'VO (EU) Nr. 1303/2013', 'Verordnung (EU) 2016/679',
'Richtlinie 2011/83/EU', 'RL (EU) 2019/790', 'Rahmenbeschluss 2002/584/JI'.

`read_act_at` reads one at a position (the statute parser uses it for the law of an article:
'Art. 6 Abs. 1 der Richtlinie 2011/83/EU'); `find_acts` finds those named on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lawkit.citations.model import ActRef

_KIND = (
    r"(?P<kind>Durchführungsverordnung|Delegierte[nmr]?\s+(?:Verordnung|VO)|Verordnung|VO|DVO|DelVO|Richtlinie"
    r"|RL|RB|Rahmenbeschluss(?:es)?)"
)
_COMMUNITY = r"(?:EU|EG|EWG|Euratom|JI)"
_ACT = re.compile(
    r"(?<![\wäöüß\-])(?:(?:der|die|dem|den|des)\s+)?"
    + _KIND
    + r"(?:\s*\(\s*(?P<c1>" + _COMMUNITY + r")\s*\)\s*(?:(?P<nr1>Nr\.)\s*)?(?P<n1>\d{1,4}/\d{1,4})(?![\d/])"
    r"|\s+(?:(?P<nr2>Nr\.)\s*)?(?P<n2>\d{1,4}/\d{1,4})/(?P<c2>" + _COMMUNITY + r"))(?![\wäöüß])"
)
_FIRST = frozenset("VDRdr")  # first letters of the kinds and of the articles before them


def _kind(word: str) -> str:
    if word.startswith("Durchf") or word == "DVO":
        return "DVO"
    if word.startswith(("Delegiert", "DelVO")):
        return "DelVO"
    if word.startswith(("Rahmen", "RB")):
        return "RB"
    if word in ("Richtlinie", "RL"):
        return "RL"
    return "VO"


def _ref(m: re.Match[str]) -> ActRef:
    if m["c1"]:
        return ActRef(_kind(m["kind"]), m["c1"], m["n1"], prefixed=True, nr=bool(m["nr1"]))
    return ActRef(_kind(m["kind"]), m["c2"], m["n2"], prefixed=False, nr=bool(m["nr2"]))


def read_act_at(text: str, p: int) -> tuple[ActRef, int] | None:
    """The act named at p ('der Richtlinie 2011/83/EU'): (act, end), or None."""
    if p >= len(text) or text[p] not in _FIRST or text.find("/", p, p + 60) < 0:
        return None
    m = _ACT.match(text, p)
    return None if m is None else (_ref(m), m.end())


@dataclass(frozen=True, slots=True)
class ActMatch:
    start: int
    end: int
    ref: ActRef


# Every act's number has its legal order right before ('(EU) 2016/679') or after it
# ('2011/83/EU'); the act regex runs only around these.
_HINT = re.compile(r"\(\s*(?:EU|EG|EWG|Euratom)\s*\)|\d/(?:EU|EG|EWG|Euratom|JI)(?![\wäöüß])")
_REACH = 60  # characters from the start of an act to its hint


def find_acts(text: str) -> Iterator[ActMatch]:
    """Every act named in the text; the span starts at the kind, not at an article before it."""
    done = 0
    for hint in _HINT.finditer(text):
        if hint.start() < done:
            continue
        for m in _ACT.finditer(text, max(done, hint.start() - _REACH), hint.end() + _REACH):
            if m.start() <= hint.start() < m.end():
                yield ActMatch(m.start("kind"), m.end(), _ref(m))
                done = m.end()
                break
