"""Finding statute citations ('§ 203 Abs. 2 Satz 1 Nr. 1 Var. 1 bzw. Nr. 2 StGB') in text.

The parser works on the cleaned text of `Normalized` and reads a citation group from each
'§'/'Art.'/'Paragraph' anchor: an optional law named first ('VwGO § 108 Abs. 2'), then items
joined by connectors (',', 'und', 'oder', 'sowie', 'bzw.', 'i.V.m.', 'in Verbindung mit'). An
item is a new provision ('§ 173 Satz 1'), a continuation that keeps the number and the higher
subdivisions of the previous one ('Abs. 2' after '§ 60 Abs. 1', 'III' after '§ 280 I'), or a
bare number ('5' in '§§ 3, 5 BGB'); it may end in a range ('Nr. 1 bis Nr. 3'), 'f.'/'ff.', the
law (abbreviation, a Land's law 'JAG NRW', full name in any case, 'des Gesetzes vom <date>', an
EU act 'der Richtlinie 2011/83/EU') and 'aF'/'nF'. Items without a law take the law of the next
item that has one, else that of the previous item or of the law named first.

Every pattern is anchored and bounded, whitespace is matched possessively, and a group's laws
are resolved in two passes, so reading is linear in the length of the text. Items are kept
compact until their law is known; equal citations share one reference.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

from lawkit.citations.acts import read_act_at
from lawkit.citations.laws import (
    LAW_KEYS,
    NOT_LAWS,
    law_name_regex,
)
from lawkit.citations.reference import StatuteRef, nesting_order

LEVELS = ("absatz", "unterabsatz", "satz", "halbsatz", "nummer", "buchstabe", "variante", "alternative")
_LEVEL_INDEX = {name: i for i, name in enumerate(LEVELS)}

MONTHS = {
    "Januar": 1, "Jan.": 1, "Februar": 2, "Feb.": 2, "März": 3, "April": 4, "Apr.": 4,
    "Mai": 5, "Juni": 6, "Juli": 7, "August": 8, "Aug.": 8, "September": 9, "Sept.": 9,
    "Sep.": 9, "Oktober": 10, "Okt.": 10, "November": 11, "Nov.": 11, "Dezember": 12,
    "Dez.": 12,
}  # fmt: skip
MONTH_RE = "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
DATE_RE = (
    r"(?P<dd>\d{1,2})\.\s?(?:(?P<mm>\d{1,2})\.\s?|(?P<mon>" + MONTH_RE + r")\s+)(?P<yy>\d{4})"
    r"(?!\d)"
)

# Branches start with distinct literals, so that the regex engine can skip ahead quickly; a
# 'Paragraph' inside a word ('Unterparagraph') is rejected by find_norms.
_START = re.compile(r"(?P<sign>§§?|Art(?:t\.|\.|ikel|(?=\s))|Paragra(?:ph|f)(?:en|s)?(?=\s))\s*(?=\d)")
_SIGNS = {"Paragraph": "§", "Paragraf": "§", "Paragraphs": "§", "Paragrafs": "§",
          "Paragraphen": "§§", "Paragrafen": "§§", "Artikel": "Art.", "Art": "Art."}  # fmt: skip
_PLURAL = ("§§", "Artt.")
# A number with an optional letter: '353b', '83 b', and '100A' (a capital suffix, read as '100a').
_NUM = re.compile(
    r"\d{1,4}(?:(?:[a-eg-zA-Z]|f(?![.f]))(?![A-Za-zäöüß])|\s[a-eg-z](?![\wäöüß.]))?"
)
# The words of the subdivisions, and the level each names (without a dot only before a number).
_PART_WORDS = {
    "absatz": ("Abs.", "Absatz", "Absätze", "Abs"),
    "unterabsatz": ("UAbs.", "Unterabs.", "Unterabsatz", "UAbs"),
    "satz": ("S.", "Satz", "Sätze", "S"),
    "halbsatz": ("Hs.", "HS.", "Halbs.", "Halbsatz", "HS", "Hs"),
    "nummer": ("Nr.", "Nrn.", "Nummer", "Nummern", "Nr"),
    "buchstabe": ("lit.", "Buchst.", "Buchstabe", "Bst.", "lit"),
    "variante": ("Var.", "Variante", "Var"),
    "alternative": ("Alt.", "Alternative", "Alt"),
}
_PART_LEVEL = {word: level for level, words in _PART_WORDS.items() for word in words}
_PART = re.compile(
    r"(?P<word>Absatz|Absätze|Abs\.|Abs(?=\s*\d)|UAbs\.|Unterabs\.|Unterabsatz|UAbs(?=\s*\d)"
    r"|Satz|Sätze|S\.|S(?=\s*\d)|Hs\.|HS\.|Halbs\.|Halbsatz|HS|Hs(?=\s*\d)"
    r"|Nrn\.|Nr\.|Nummern|Nummer|Nr(?=\s*\d)|lit\.|Buchst\.|Buchstabe|Bst\.|lit(?=\s+[a-z]\b)"
    r"|Var\.|Variante|Var(?=\s*\d)|Alt\.|Alternative|Alt(?=\s*\d))"
    r"\s*(?:(?P<letter>(?<=[.e\s])[a-z]{1,2})\)?(?![\wäöüß])|(?P<value>\d{1,4}[a-z]?)(?![\wäöüß]|\.\d)"
    r"|(?P<roman>[IVX]{1,4})(?![\wäöüß]))"
)
_ORDINAL_PART = re.compile(
    r"(?P<value>\d{1,2})\.\s*(?P<word>Alt\.|Alternative|Var\.|Variante|Hs\.|Halbsatz|HS)(?![\wäöüß])"
    r"(?:(?!)(?P<letter>)(?P<roman>))?"  # never set; the same groups as _PART
)
_ROMAN = re.compile(r"\s+(?P<roman>[IVX]{1,4})(?![\wäöüß])(?:\s+(?P<satz>\d{1,2})(?![\w.,]))?")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_FOLLOWING = re.compile(r"\s*(?P<f>ff?)(?:\.|(?![\wäöüß]))")
_RANGE = re.compile(r"\s*(?:bis|[-–])\s*")
_VERSION = re.compile(r"\s*(?P<v>a\.\s?F\.|aF|n\.\s?F\.|nF)(?![\wäöüß])")
# Possessive quantifiers: the connector never backtracks over a long run of spaces.
_CONNECTOR = re.compile(
    r"\s*+(?P<comma>,)?\s*+(?:(?P<word>und|oder|sowie|bzw\.|beziehungsweise"
    r"|i\.\s?V\.\s?m\.?|iVm\.?|in\s+Verbindung\s+mit|jeweils\s+i\.\s?V\.\s?m\.)(?![\wäöüß])\s*+)?"
)
_GENERIC_LAW = re.compile(
    r"(?P<law>[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*(?:-[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*)?)"
    r"(?![\wäöüß\-])"
)
_ARTICLE = r"(?:(?:des|der|dem|den|im|zum|zur)\s+)?"
_GESETZ_VOM = re.compile(_ARTICLE + r"Gesetz(?:es)?\s+vom\s+" + DATE_RE)
_FOOTNOTE = re.compile(r"\d{1,3}(?![\d.,]\d)")
_PART_FIRST = frozenset("ASHNlBVU")  # first letters of the subdivision words
_CONTINUE_FIRST = frozenset(",uosbij§")  # connectors, and "§" after whitespace
_BLANK_LINE = re.compile(r"\n[ \r]*\n")
_WS = re.compile(r"\s*+")
_WS1 = re.compile(r"\s++")
_ROMAN_ITEM = re.compile(r"(?P<roman>[IVX]{1,4})(?![\wäöüß])")
_ORDINAL_END = re.compile(r"\.\s")


@cache
def _full_name() -> re.Pattern[str]:
    return re.compile(
        _ARTICLE + "(?:" + law_name_regex().pattern + r")(?:\s*\(\s*(?P<abbr>[^()\s]{2,12})\s*\))?"
    )


def _sign(anchor: re.Match[str]) -> str:
    """'§', '§§', 'Art.' or 'Artt.' for the sign or word that opens a citation."""
    sign = anchor["sign"]
    return _SIGNS.get(sign, sign)


def _number_value(surface: str) -> str:
    """'83 b' -> '83b', '100A' -> '100a': the number as the statute prints it."""
    if surface.isdigit():
        return surface
    return "".join(surface.split()).lower()


def _roman_to_int(roman: str) -> int | None:
    total = 0
    prev = 0
    for ch in reversed(roman):
        value = _ROMAN_VALUES[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total if 0 < total < 40 else None


_TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß][\wÄÖÜäöüß\-]*")
_ROMAN_SUFFIX = re.compile(r"\s+(?P<r>[IVX]{1,4})(?![\wäöüß])")
_STATE_SUFFIX = re.compile(r" (?P<state>NRW|NW|BW|LSA|M-V|MV|RP|SH|Bln|Bbg|Bay|Nds|Saar)(?![\wäöüß\-])")
# A law by its name, not in the table, with its abbreviation in brackets.
_NAMED_WITH_ABBREVIATION = re.compile(
    r"(?:(?:des|der|dem|den)\s+)?(?:[A-ZÄÖÜ][\wäöüß\-]*\s+){0,3}?[A-ZÄÖÜ][\wäöüß\-]*"
    r"(?:gesetz|gesetzes|gesetzbuch|gesetzbuches|ordnung|verordnung|vertrag|vertrages|abkommen"
    r"|abkommens|statut|statuts)\s*\(\s*(?P<abbr>[A-ZÄÖÜ][\wäöüß\-]{1,11}(?:\s[A-Z]{2,3})?)\s*\)"
)
_ARTICLES = ("des ", "der ", "dem ", "den ", "im ", "zum ", "zur ")
_LAW_SET = frozenset(LAW_KEYS)


def read_law_at(text: str, p: int) -> tuple[str | None, int]:
    """The law designation starting at p, or (None, p): 'des Gesetzes vom <date>', a full name
    in any case ('des Bürgerlichen Gesetzbuches (BGB)'), a known or unknown abbreviation."""
    if p >= len(text):
        return None, p
    c = text[p]
    act = read_act_at(text, p)
    if act is not None:
        return act[0].canonical(), act[1]  # "der Richtlinie 2011/83/EU"
    if c.islower() and not text.startswith(_ARTICLES, p):
        return None, p
    token = _TOKEN.match(text, p)
    if token is None:
        return None, p
    word = token.group()
    if word == "SGB":
        roman = _ROMAN_SUFFIX.match(text, token.end())
        if roman is not None and f"SGB {roman['r']}" in _LAW_SET:
            return f"SGB {roman['r']}", roman.end()
    stripped = word.rstrip("0123456789")
    if stripped in _LAW_SET and stripped != "SGB":
        return stripped, p + len(stripped)
    if word.startswith("Gesetz") or c.islower():
        m = _GESETZ_VOM.match(text, p)
        if m is not None and (iso := iso_date(m)) is not None:
            year, month, day = iso.split("-")
            return f"Gesetz vom {day}.{month}.{year}", m.end()
    if sum(ch.isupper() for ch in word) <= 1 or c.islower():
        m = _full_name().match(text, p)
        if m is not None:
            index = next(int(k[1:]) for k, v in m.groupdict().items() if v and k[0] == "L")
            return LAW_KEYS[index], m.end()
        m = _NAMED_WITH_ABBREVIATION.match(text, p)
        if m is not None:  # "des Landesbeamtengesetzes (LBG NRW)": a law not in the table
            return " ".join(m["abbr"].split()), m.end()
        return None, p
    if (
        stripped == word
        and word not in NOT_LAWS
        and sum(ch.isupper() for ch in word) >= 2
        and _GENERIC_LAW.fullmatch(word) is not None
    ):
        state = _STATE_SUFFIX.match(text, token.end())
        if state is not None:  # a Land's law: "JAG NRW", "LBO BW"
            return f"{word} {state['state']}", state.end()
        return word, token.end()
    return None, p


def _known_at(text: str, p: int) -> tuple[str, int] | None:
    """A known law abbreviation at p (not followed by letters): (law, end)."""
    if p >= len(text) or not text[p].isupper():
        return None
    token = _TOKEN.match(text, p)
    if token is None:
        return None
    law, end = read_law_at(text, p)
    if law is None or law not in _LAW_SET or end > token.end() + 5:
        return None
    return law, end


def iso_date(match: re.Match[str]) -> str | None:
    """ISO date from a match of DATE_RE, or None if it is not a calendar date."""
    day = int(match["dd"])
    month = int(match["mm"]) if match["mm"] else MONTHS[match["mon"]]
    year = int(match["yy"])
    if not (1 <= day <= 31 and 1 <= month <= 12 and 1800 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    fields: dict[str, str | bool | None]
    until: dict[str, str | bool | None] | None = None
    law: str | None = None  # named at this item
    prefix_law: str | None = None  # in force from a law named before the norm
    relation: str | None = None
    levels: list[str] = field(default_factory=list)  # subdivision levels, in order given
    roman: bool = False  # the Absatz was given in Roman numerals ('§ 823 I')
    until_levels: list[str] = field(default_factory=list)


# An item's parts: its fields (number, article, subdivisions) and the order they were given in.
_Parts = tuple[tuple[tuple[str, "str | bool | None"], ...], tuple[str, ...]]
# A read item, compact: start, end, parts, parts of the range end, the law named at the item,
# the law named before the norm, the connector before it.
_Pending = tuple[int, int, _Parts, "_Parts | None", "str | None", "str | None", "str | None"]


@dataclass(slots=True)
class NormMatch:
    start: int
    end: int
    ref: StatuteRef
    until: StatuteRef | None
    relation: str | None
    group: int


class _GroupParser:
    """Reads one citation group from an anchor; all positions are in the cleaned text."""

    def __init__(self, text: str, blocked: Callable[[int], bool]) -> None:
        self.text = text
        self.blocked = blocked  # whether a position holds no statute ('SozR 4-2500 § 106 Nr 7')
        # Equal citations share one object: the parts of an item (while its law is unknown),
        # and the reference built from parts and law.
        self._parts: dict[_Parts, _Parts] = {}
        self._refs: dict[tuple[_Parts, str], StatuteRef] = {}

    def parts(self, fields: dict[str, str | bool | None], levels: list[str]) -> _Parts:
        """An item's parts in a compact, shared form."""
        key = (tuple(fields.items()), tuple(levels))
        return self._parts.setdefault(key, key)

    def ref(self, parts: _Parts, law: str) -> StatuteRef:
        """The reference of the parts under the law (shared if seen before)."""
        ref = self._refs.get((parts, law))
        if ref is None:
            ref = self._refs[parts, law] = _build(dict(parts[0]), law, list(parts[1]))
        return ref

    # -- small readers ---------------------------------------------------------------------

    def read_parts(self, pos: int, item: _Item, allow_roman: bool) -> int:
        """Subdivisions, 'f.'/'ff.' after the number; updates item, returns the new position."""
        text = self.text
        if allow_roman:
            m = _ROMAN.match(text, pos)
            if m and (value := _roman_to_int(m["roman"])) is not None:
                item.fields["absatz"] = str(value)
                item.levels.append("absatz")
                item.roman = True
                if m["satz"]:
                    item.fields["satz"] = m["satz"]
                    item.levels.append("satz")
                pos = item.end = m.end()
        while True:
            p = _WS.match(text, pos).end()  # type: ignore[union-attr]  # _WS (\s*) matches anywhere
            c = text[p] if p < len(text) else ""
            part = (
                _PART.match(text, p) if c in _PART_FIRST
                else _ORDINAL_PART.match(text, p) if c.isdigit() else None
            )
            if part is not None:
                level = _PART_LEVEL[part["word"]]
                letter = part["letter"]
                part_value: str | None = part["value"] or letter
                if part["roman"]:
                    roman_value = _roman_to_int(part["roman"]) if level == "absatz" else None
                    if roman_value is None:
                        return pos
                    part_value = str(roman_value)  # "Abs. II"
                if part_value is None or item.fields.get(level) is not None:
                    return pos
                if (level == "buchstabe") != (letter is not None):
                    return pos
                item.fields[level] = part_value
                item.levels.append(level)
                pos = item.end = part.end()
                continue
            fol = _FOLLOWING.match(text, pos) if c == "f" else None
            if fol is not None and item.fields.get("following") is None:
                item.fields["following"] = fol["f"] + "."
                pos = item.end = fol.end()
                continue
            return pos

    def read_law(self, pos: int, item: _Item) -> int:
        """The law after an item (with 'aF'/'nF' and a glued footnote number); new position."""
        text = self.text
        pos = self._read_version(pos, item)
        ws = _WS1.match(text, pos)
        if ws is None:
            return pos
        p = ws.end()
        law, end = read_law_at(text, p)
        if law is None:
            return pos
        if item.prefix_law is not None:
            after = _WS.match(text, end).end()  # type: ignore[union-attr]  # _WS (\s*) matches anywhere
            if _START.match(text, after):
                return pos  # "Art. 103 Abs. 1 VwGO § 108": the law belongs to the next item
        item.law = law
        pos = item.end = end
        pos = self._read_version(pos, item)
        if pos < len(text) and text[pos].isdigit():
            fn = _FOOTNOTE.match(text, pos)
            if fn is not None:
                pos = fn.end()  # a footnote number glued to the law: "StGB11", "(WpHG)1"
        return pos

    def _read_version(self, pos: int, item: _Item) -> int:
        text = self.text
        p = _WS.match(text, pos).end()  # type: ignore[union-attr]  # _WS (\s*) matches anywhere
        if p < len(text) and text[p] in "an":
            ver = _VERSION.match(text, pos)
            if ver is not None:
                item.fields["version"] = "aF" if ver["v"].startswith("a") else "nF"
                pos = item.end = ver.end()
        return pos

    # -- the group -------------------------------------------------------------------------

    def parse(
        self, anchor: re.Match[str], prefix: tuple[int, str] | None
    ) -> tuple[list[_Pending], int]:
        """The items of the group at anchor (compact: each as soon as it is read) and its end."""
        text = self.text
        items: list[_Pending] = []
        prev: _Item | None = None
        prefix_law = prefix[1] if prefix else None
        start_at = prefix[0] if prefix else anchor.start()
        sign = _sign(anchor)
        pos = anchor.end()
        relation: str | None = None
        first = True
        item: _Item | None
        while True:
            if first:
                item = _Item(start=start_at, end=pos, fields={}, prefix_law=prefix_law)
                ok = self._new_number(pos, item, sign)
            else:
                assert prev is not None  # not the first item
                item, ok, sign = self._next_item(pos, prev, sign, relation, prefix_law)
                if item is not None and item.prefix_law:
                    prefix_law = item.prefix_law
            if item is None or not ok:
                break
            item.relation = relation
            pos = item.end
            pos = self.read_parts(pos, item, allow_roman=item.levels == [] and "number" in item.fields)
            pos = self._read_range(pos, item)
            pos = self.read_law(pos, item)
            until = None if item.until is None else self.parts(item.until, item.until_levels)
            items.append((item.start, item.end, self.parts(item.fields, item.levels), until, item.law,
                          item.prefix_law, item.relation))
            prev = item
            first = False
            p = _WS.match(text, pos).end()  # type: ignore[union-attr]  # _WS (\s*) matches anywhere
            if p >= len(text) or not (text[p] in _CONTINUE_FIRST or text[p].isupper()):
                break  # fast exit: nothing that can join another item starts here
            conn = _CONNECTOR.match(text, pos)
            if conn is None:
                break  # a capital or 'bis' that joins nothing: "§ 100 A", "§ 5 bis Abs."
            gap = text[pos : conn.end()]
            if _BLANK_LINE.search(gap):
                break
            if conn["word"]:
                word = conn["word"]
                relation = (
                    "i.V.m." if word.startswith(("i", "jeweils")) else
                    "bzw." if word.startswith("bez") else word
                )
            elif conn["comma"]:
                relation = ","
            else:
                relation = None
            pos = conn.end()
        end = prev.end if prev is not None else anchor.end()
        return items, end

    def _new_number(self, pos: int, item: _Item, sign: str) -> bool:
        m = _NUM.match(self.text, pos)
        if m is None:
            return False
        item.fields["number"] = _number_value(m.group())
        item.fields["article"] = sign.startswith("Art")
        item.end = m.end()
        return True

    def _next_item(
        self, pos: int, prev: _Item, sign: str, relation: str | None, prefix_law: str | None
    ) -> tuple[_Item | None, bool, str]:
        """The item after a connector: a new '§', a law named before a '§', a continuation."""
        text = self.text
        known = _known_at(text, pos)
        if known is not None:
            after = _WS1.match(text, known[1])
            start = _START.match(text, after.end()) if after else None
            if start is not None:
                item = _Item(start=pos, end=start.end(), fields={}, prefix_law=known[0])
                return item, self._new_number(start.end(), item, _sign(start)), _sign(start)
        start = _START.match(text, pos)
        if start is not None:
            if self.blocked(pos):
                return None, False, sign
            item = _Item(start=pos, end=start.end(), fields={}, prefix_law=prefix_law)
            return item, self._new_number(start.end(), item, _sign(start)), _sign(start)
        if relation is None:
            return None, False, sign  # only whitespace: a list goes on with '§'/'Art.' only
        if prev.roman and (roman := _ROMAN_ITEM.match(text, pos)) is not None:
            value = _roman_to_int(roman["roman"])
            if value is not None:
                fields = self._inherit(prev, "absatz")
                fields["absatz"] = str(value)
                item = _Item(start=pos, end=roman.end(), fields=fields, prefix_law=prefix_law)
                item.levels.append("absatz")
                item.roman = True
                return item, True, sign
        part = _PART.match(text, pos) or _ORDINAL_PART.match(text, pos)
        if part is not None:
            level = _PART_LEVEL[part["word"]]
            item = _Item(start=pos, end=pos, fields=self._inherit(prev, level), prefix_law=prefix_law)
            return item, True, sign
        num = _NUM.match(text, pos)
        if num is None or prev.law is not None or _ORDINAL_END.match(text, num.end()):
            return None, False, sign
        plural = sign in _PLURAL
        if prev.levels and not plural and not (prev.roman and prev.levels[-1] == "absatz"):
            # "Satz 1 und 2": the bare number continues the last subdivision given.
            level = prev.levels[-1]
            fields = self._inherit(prev, level)
            fields[level] = _number_value(num.group())
            item = _Item(start=pos, end=num.end(), fields=fields, prefix_law=prefix_law)
            item.levels.append(level)
            return item, True, sign
        item = _Item(start=pos, end=pos, fields={}, prefix_law=prefix_law)
        return item, self._new_number(pos, item, sign), sign

    @staticmethod
    def _inherit(prev: _Item, level: str) -> dict[str, str | bool | None]:
        """Number, kind and the subdivisions above `level` of the previous item."""
        keep = {"number", "article"} | set(LEVELS[: _LEVEL_INDEX[level]])
        return {k: v for k, v in prev.fields.items() if k in keep}

    def _read_range(self, pos: int, item: _Item) -> int:
        """'bis Nr. 3', 'bis 5', '- 5' after an item; stores the range end in item.until."""
        text = self.text
        p = _WS.match(text, pos).end()  # type: ignore[union-attr]  # _WS (\s*) matches anywhere
        if p >= len(text) or text[p] not in "b-–":
            return pos
        m = _RANGE.match(text, pos)
        if m is None:
            return pos
        p = m.end()
        end_item = _Item(start=p, end=p, fields={})
        part = _PART.match(text, p)
        if part is not None and text[pos:p].strip() == "bis":
            level = _PART_LEVEL[part["word"]]
            end_item.fields = self._inherit(item, level)
            q = self.read_parts(p, end_item, allow_roman=False)
            if end_item.fields.get(level) is None:
                return pos  # "bis Abs." without a value is no range
        else:
            start = _START.match(text, p)
            q0 = start.end() if start else p
            num = _NUM.match(text, q0)
            if num is None or _ORDINAL_END.match(text, num.end()):
                return pos
            if item.levels and start is None:
                level = item.levels[-1]
                end_item.fields = self._inherit(item, level)
                end_item.fields[level] = _number_value(num.group())
                end_item.end = num.end()
            else:
                end_item.fields = {"number": _number_value(num.group()), "article": item.fields["article"]}
                end_item.end = num.end()
            q = self.read_parts(end_item.end, end_item, allow_roman=False)
        item.until = end_item.fields
        item.until_levels = end_item.levels
        item.end = max(end_item.end, item.end)
        return max(q, item.end)


def _prefix_before(text: str, k: int, floor: int) -> tuple[int, str] | None:
    """A known law abbreviation right before position k ('VwGO § 108'): (start, law)."""
    while k > floor and text[k - 1] in " \n\r":
        k -= 1
    if k <= floor or not text[k - 1].isalpha():
        return None
    start = k
    while start > floor and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    word = text[start:k]
    if word in _LAW_SET and word != "SGB":
        return start, word
    if _ROMAN_WORD.fullmatch(word) and start > floor + 4 and text[start - 4 : start] == "SGB ":
        law = f"SGB {word}"
        return (start - 4, law) if law in _LAW_SET else None
    return None


_ROMAN_WORD = re.compile(r"[IVX]{1,4}")


def _never(pos: int) -> bool:
    return False


@dataclass(frozen=True, slots=True)
class NormGroup:
    """One citation group: where its first item starts and its last ends, and its items."""

    start: int
    end: int
    items: Iterator[NormMatch]


def find_norms(
    text: str, group_base: int = 0, blocked: Callable[[int], bool] = _never
) -> Iterator[NormGroup]:
    """The statute citations of the cleaned text, one group at a time, in text order.

    `blocked(pos)` tells positions that hold no statute citation although a '§' stands there
    (the section of 'SozR 4-2500 § 106 Nr 7'): no group starts or continues there.
    """
    parser = _GroupParser(text, blocked)
    pos = 0
    group = group_base
    while True:
        anchor = _START.search(text, pos)
        if anchor is None:
            break
        if parser.blocked(anchor.start()) or (
            anchor["sign"][0] == "P" and anchor.start() and text[anchor.start() - 1].isalpha()
        ):
            pos = anchor.end()
            continue
        prefix = _prefix_before(text, anchor.start(), pos)
        items, end = parser.parse(anchor, prefix)
        if not items:
            pos = anchor.end()
            continue
        yield NormGroup(items[0][0], items[-1][1], _resolve(items, group, parser))
        group += 1
        pos = max(end, anchor.end())


def _resolve(items: list[_Pending], group: int, parser: _GroupParser) -> Iterator[NormMatch]:
    """Give each item its law and build the matches.

    An item without a law of its own takes the prefix law, else the law of the next item that
    names one, else that of the last one before it that did; two passes keep this linear.
    """
    later: list[str | None] = [None] * len(items)
    law_after: str | None = None
    for i in range(len(items) - 1, -1, -1):
        later[i] = law_after
        if items[i][4] is not None:
            law_after = items[i][4]
    law_before: str | None = None
    for i, (start, end, parts, until, named, prefix_law, relation) in enumerate(items):
        law = named or prefix_law or later[i] or law_before or ""
        if named is not None:
            law_before = named
        yield NormMatch(
            start, end, parser.ref(parts, law), None if until is None else parser.ref(until, law),
            relation, group,
        )


def _build(fields: dict[str, str | bool | None], law: str, levels: list[str]) -> StatuteRef:
    parts = {k: v for k, v in fields.items() if v is not None and k != "number" and k != "article"}
    order: tuple[str, ...] = ()
    if len(levels) > 1:  # levels taken over from the item before are above the one given
        given = [level for level in LEVELS if level in parts and level not in levels]
        order = nesting_order(given + [level for level in levels if level in parts])
    return StatuteRef(
        number=str(fields.get("number", "")),
        law=law,
        article=bool(fields.get("article", False)),
        order=order,
        **parts,  # type: ignore[arg-type]  # parts: the optional str fields of StatuteRef only
    )
