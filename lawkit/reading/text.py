"""Segmenting a Gutachten: headings in any common Gliederung, paragraphs and sentences.

Every unit keeps its character span in the original text. Headings are recognised by their
Gliederungszeichen (A. / I. / 1. / a) / aa) / (1) / Erster Teil / Markdown #) or as a short line
without final punctuation; their level follows the order in which the kinds first appear, so
"I. → 1. → a)" and "A. → I. → 1." both nest right. Sentences end at . ! ? unless the word before
is an abbreviation of legal German (Abs., S., Nr., i.V.m., h.M., a.A., vgl., bzw., z.B., u.a.,
lit., …), a single letter before a number ("S. 1") or a number before a month.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

ABBREVIATIONS = frozenset([
    "abs", "s", "nr", "lit", "var", "alt", "hs", "rn", "fn", "art", "vgl", "bzw", "ggf", "etc", "usw",
    "sog", "insb", "ziff", "buchst", "gem", "ca", "mio", "mrd", "dr", "bd", "aufl", "ff", "f", "obj",
    "subj", "tb", "rw", "ebd", "beschl", "urt", "v", "vs", "st", "evtl", "einschl", "abschn", "ausf",
    "anm", "bspw", "inkl", "zb", "ua", "hm", "aa", "ea", "mwn", "ivm", "isd", "isv", "ie", "dh", "ua",
    "uu", "oä", "ua", "iü", "iE", "zt", "allg", "bzgl", "gr", "mind", "max", "nachw"
])

MONTHS = frozenset([
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember"
])

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_MARKER = re.compile(
    r"""(?P<marker>
        (?P<teil>(?:Erster|Zweiter|Dritter|Vierter|Fünfter|1\.|2\.|3\.)\s+Teil)\b[:.]?
      | (?P<roman>(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.)
      | (?P<letter>[A-H]\.)
      | (?P<digit>\d{1,2}\.)(?!\d)
      | (?P<double>(?P<dl>[a-z])(?P=dl)\))
      | (?P<lower>[a-z]\))
      | (?P<paren>\(\d{1,2}\))
      | (?P<parenlower>\([a-z]{1,2}\))
    )(?=\s)""",
    re.VERBOSE,
)
_MARKDOWN = re.compile(r"(#{1,6})\s+")
_BULLET = re.compile(r"[-–•*]\s+")
_CONCLUSION_SIGN = re.compile(r"\((?:\+|-|–|−|\?)\)")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or a heading's title) of the text: `text[start:end]`."""

    index: int
    start: int
    end: int
    block: int
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Heading:
    number: str | None  # as written: "A.", "II.", "aa)", "(1)", "Erster Teil"; None if unnumbered
    kind: str  # teil, roman, letter, digit, double, lower, paren, parenlower, markdown, plain
    level: int  # 0 = top level of this text's Gliederung
    title_start: int
    title_end: int


@dataclass(frozen=True, slots=True)
class Block:
    """A heading line or a paragraph, with its sentences and the Gliederung above it."""

    index: int
    kind: str  # "heading" | "paragraph"
    start: int
    end: int
    sentences: tuple[Sentence, ...]
    heading: Heading | None = None
    path: tuple[str, ...] = ()  # numbers of the enclosing headings, e.g. ("B.", "I.", "2.")

    @property
    def where(self) -> str:
        """How an examiner points to the place: "B. I. 2." (or "" without Gliederung)."""
        return " ".join(self.path)


def segment(text: str) -> tuple[Block, ...]:
    """Split a Gutachten into heading and paragraph blocks with their sentences."""
    raw_blocks = list(_raw_blocks(text))
    kinds: list[str] = []
    stack: list[tuple[int, str]] = []
    blocks: list[Block] = []
    sentences: list[Sentence] = []
    for kind, start, end, heading in raw_blocks:
        index = len(blocks)
        if heading is not None:
            level = _level(heading.kind, kinds)
            heading = Heading(heading.number, heading.kind, level, heading.title_start,
                              heading.title_end)
            while stack and stack[-1][0] >= level:
                stack.pop()
            if heading.number is not None:
                stack.append((level, heading.number))
            path = tuple(number for _, number in stack)
            titled = heading.title_end > heading.title_start
            spans = [(heading.title_start, heading.title_end)] if titled else []
            own = [Sentence(len(sentences) + i, s, e, index, True) for i, (s, e) in enumerate(spans)]
        else:
            path = tuple(number for _, number in stack)
            own = [Sentence(len(sentences) + i, s, e, index)
                   for i, (s, e) in enumerate(split_sentences(text, start, end))]
        sentences.extend(own)
        blocks.append(Block(index, kind, start, end, tuple(own), heading, path))
    return tuple(blocks)


def _level(kind: str, kinds: list[str]) -> int:
    if kind == "plain":  # an unnumbered heading line stands above the numbered Gliederung
        return -1
    if kind not in kinds:
        kinds.append(kind)
    return kinds.index(kind)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _raw_blocks(text: str) -> Iterator[tuple[str, int, int, Heading | None]]:
    """Paragraphs are separated by blank lines; a heading line stands on its own."""
    paragraph: list[tuple[int, int]] = []

    def flush() -> Iterator[tuple[str, int, int, Heading | None]]:
        if paragraph:
            start, end = paragraph[0][0], paragraph[-1][1]
            paragraph.clear()
            yield "paragraph", start, end, None

    lines = [_trim(text, s, e) for s, e in _lines(text, 0, len(text))]
    for i, (start, end) in enumerate(lines):
        if start == end:
            yield from flush()
            continue
        alone = i == 0 or lines[i - 1][0] == lines[i - 1][1]  # after a blank line
        heading, rest = _heading(text, start, end, alone and not paragraph)
        if heading is None:
            paragraph.append((start, end))
            continue
        yield from flush()
        yield "heading", start, heading.title_end if rest is None else rest[0], heading
        if rest is not None:
            paragraph.append(rest)
    yield from flush()


def _heading(text: str, start: int, end: int, alone: bool) -> tuple[Heading | None, tuple[int, int] | None]:
    """A heading at the start of this line, and the content that follows it on the line."""
    line = text[start:end]
    md = _MARKDOWN.match(line)
    if md:
        title = _strip_emphasis(text, start + md.end(), end)
        return Heading(None, "markdown" + str(len(md.group(1))), 0, *title), None
    if line.startswith("**") and line.endswith("**") and len(line) > 4:
        return Heading(None, "plain", 0, start + 2, end - 2), None
    match = _MARKER.match(line)
    if match is None:
        if alone and _plain_heading(line):
            return Heading(None, "plain", 0, start, end), None
        return None, None
    kind = next(k for k in ("teil", "roman", "letter", "digit", "double", "lower", "paren",
                            "parenlower") if match.group(k))
    number = match.group("marker").rstrip(":")
    body_start, body_end = _trim(text, start + match.end(), end)
    body = text[body_start:body_end]
    words = [w for w in body.split() if not (w == "§" or w[0].isdigit() or w.endswith("."))]
    colon = body.find(":")
    if colon >= 0 and len(body[:colon].split()) <= 8 and body[colon + 1:].strip():
        title_end = body_start + colon
        rest = _trim(text, body_start + colon + 1, body_end)
        return Heading(number, kind, 0, body_start, title_end), rest
    if len(words) > 14 or len(split_sentences(text, body_start, body_end)) > 1 or (
            len(words) >= 4 and body.endswith((".", "!", "?")) and not body.endswith(("Abs.", "S.", "Nr."))):
        # "1. B handelte in Ausübung eines öffentlichen Amtes.": a numbered paragraph
        return Heading(number, kind, 0, body_start, body_start), (body_start, body_end)
    return Heading(number, kind, 0, body_start, body_end), None


def _strip_emphasis(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in "*_":
        start += 1
    while end > start and text[end - 1] in "*_":
        end -= 1
    return start, end


def _plain_heading(line: str) -> bool:
    """A short line without final punctuation: "Konkurrenzen", "Strafbarkeit nach § 204 StGB"."""
    if line[-1] in ".!?:;," or _CONCLUSION_SIGN.search(line) or _BULLET.match(line):
        return False
    words = line.split()
    limit = 13 if "§" in line or "Art." in line else 9
    return 1 <= len(words) <= limit and (line[0].isupper() or line[0] == "§")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end] (trimmed), aware of legal abbreviations."""
    out: list[tuple[int, int]] = []
    begin = start
    i = start
    while i < end:
        ch = text[i]
        cut = None
        if ch in ".!?…":
            j = i + 1
            while j < end and text[j] in ".!?…\"“”»«')":
                j += 1
            if (j >= end or text[j].isspace()) and (ch != "." or _period_ends(text, begin, i, j, end)):
                cut = j
        elif ch == "\n" and _newline_ends(text, begin, i, end):
            cut = i
        if cut is not None:
            s, e = _trim(text, begin, cut)
            if e > s:
                out.append((s, e))
            begin = cut
            i = cut
        i += 1
    s, e = _trim(text, begin, end)
    if e > s:
        out.append((s, e))
    return out


def _period_ends(text: str, begin: int, dot: int, after: int, end: int) -> bool:
    word_start = dot
    while word_start > begin and not text[word_start - 1].isspace() and text[word_start - 1] not in "(„\"":
        word_start -= 1
    word = text[word_start:dot]
    nxt = after
    while nxt < end and text[nxt].isspace():
        nxt += 1
    if nxt >= end:
        return True
    following = text[nxt]
    if following.islower() or following in ",;:":
        return False
    bare = word.replace(".", "").casefold()
    if "." in word.strip(".") and len(bare) <= 6:  # i.V.m, z.B, h.M, a.A, u.a
        return False
    if bare in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isalpha() and following.isdigit():
        return False
    if word.isdigit():
        nxt_word = _WORD.match(text, nxt)
        if nxt_word and nxt_word.group(0).strip(".,").casefold() in MONTHS:
            return False
        if following.isdigit():
            return False
    return True


def _newline_ends(text: str, begin: int, nl: int, end: int) -> bool:
    prev = nl - 1
    while prev >= begin and text[prev] in " \t\r":
        prev -= 1
    if prev < begin:
        return False
    nxt = nl + 1
    while nxt < end and text[nxt] in " \t\r":
        nxt += 1
    if nxt >= end:
        return False
    line = text[nxt:text.find("\n", nxt) if text.find("\n", nxt, end) >= 0 else end]
    if text[prev] in ");:+–-" or _BULLET.match(line) or _MARKER.match(line):
        return True
    line_start = text.rfind("\n", begin, nl) + 1
    return nl - max(line_start, begin) < 50 and text[nxt].isupper()
