"""Structured references to statutes: the value objects shared by the norm model and the parser.

`StatuteRef` is one provision ("§ 203 Abs. 2 S. 1 Nr. 1 StGB"); its canonical form follows the
usual German short style: `§`/`Art.`, then Abs., UAbs., S., Hs., Nr., lit., Var., Alt. (or the
order the statute nests them in, `order`: "§ 12 Nr. 1 S. 2 EStG"), then the law.
`parse_statute` reads exactly that canonical form (what norm files use); free text with all its
variants is the job of the extractor in this package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

# Order and canonical abbreviation of the subdivisions of a provision.
PARTS: tuple[tuple[str, str], ...] = (
    ("absatz", "Abs."),
    ("unterabsatz", "UAbs."),  # EU law: 'Art. 19 Abs. 1 UAbs. 2 EUV'
    ("satz", "S."),
    ("halbsatz", "Hs."),
    ("nummer", "Nr."),
    ("buchstabe", "lit."),
    ("variante", "Var."),
    ("alternative", "Alt."),
)
_ABBREV_TO_FIELD = {abbrev: name for name, abbrev in PARTS}


@dataclass(frozen=True, slots=True)
class StatuteRef:
    """One provision of one law, e.g. § 203 Abs. 2 S. 1 Nr. 1 StGB or Art. 34 S. 1 GG."""

    number: str
    law: str
    article: bool = False  # True for "Art.", False for "§"
    absatz: str | None = None
    satz: str | None = None
    halbsatz: str | None = None
    nummer: str | None = None
    buchstabe: str | None = None
    variante: str | None = None
    alternative: str | None = None
    following: str | None = None  # "f." or "ff."
    version: str | None = None  # "aF" (old version) or "nF" (new version); added by the parser
    # The subdivisions in the order the statute nests them, where that differs from PARTS:
    # ("nummer", "satz") for § 12 Nr. 1 S. 2 EStG (Satz 2 of Nummer 1). Empty otherwise.
    order: tuple[str, ...] = ()
    unterabsatz: str | None = None

    def canonical(self) -> str:
        """The canonical short form, e.g. '§ 11 Abs. 1 Nr. 2 lit. c StGB'."""
        return self.written(PARTS, "Art.")

    def written(self, parts: tuple[tuple[str, str], ...], article: str) -> str:
        """The provision with the given words for its subdivisions and for 'Art.'."""
        out = [article if self.article else "§", self.number]
        for name, abbrev in self.nested(parts):
            value = getattr(self, name)
            if value is not None:
                out += [abbrev, value]
        if self.following:
            out.append(self.following)
        if self.law:  # the law is empty when the text never names it ("nach § 5 Abs. 1")
            out.append(self.law)
        if self.version:
            out.append(self.version)
        return " ".join(out)

    def nested(self, parts: tuple[tuple[str, str], ...] = PARTS) -> tuple[tuple[str, str], ...]:
        """The (field, word) pairs of `parts` in the order this provision nests them."""
        if not self.order:
            return parts
        words = dict(parts)
        return tuple((name, words[name]) for name in self.order) + tuple(
            (name, word) for name, word in parts if name not in self.order
        )

    def refine(self, part: str) -> StatuteRef:
        """Add subdivisions given in canonical form, e.g. ref.refine('Nr. 1 Var. 1')."""
        return replace(self, **parse_statute_parts(part))  # type: ignore[arg-type]  # only the optional str fields

    def __str__(self) -> str:
        return self.canonical()


_TOKEN = re.compile(r"\S+")


def parse_statute_parts(text: str) -> dict[str, str]:
    """Parse canonical subdivisions like 'Abs. 2 S. 1 Nr. 1' into StatuteRef field values.

    Raises ValueError naming the first token that is not canonical.
    """
    tokens = _TOKEN.findall(text)
    result: dict[str, str] = {}
    i = 0
    while i < len(tokens):
        abbrev = tokens[i]
        name = _ABBREV_TO_FIELD.get(abbrev)
        if name is None or i + 1 >= len(tokens):
            raise ValueError(
                f"cannot read {abbrev!r} in {text!r}; expected one of "
                + ", ".join(a for _, a in PARTS)
                + " followed by a number or letter"
            )
        if name in result:
            raise ValueError(f"{abbrev} given twice in {text!r}")
        result[name] = tokens[i + 1]
        i += 2
    return result


_CANONICAL = re.compile(
    r"^(?P<kind>§|Art\.)\s+(?P<number>\d+[a-z]?)\s*(?P<parts>.*?)\s*"
    r"(?P<following>\bff?\.)?\s*(?P<law>[A-ZÄÖÜ][A-Za-zÄÖÜäöüß\-]*(?:\s+[IVX]+)?)(?:\s+(?P<version>aF|nF))?$"
)


def parse_statute(text: str) -> StatuteRef:
    """Parse one citation in canonical form ('§ 203 Abs. 2 S. 1 StGB', 'Art. 34 GG').

    Raises ValueError with a message that says what was expected.
    """
    match = _CANONICAL.match(text.strip())
    if not match:
        raise ValueError(
            f"cannot read {text!r} as a citation; expected e.g. '§ 203 Abs. 2 S. 1 StGB' "
            "or 'Art. 34 GG'"
        )
    parts = parse_statute_parts(match["parts"]) if match["parts"] else {}
    return StatuteRef(
        order=nesting_order(list(parts)),
        number=match["number"],
        law=match["law"],
        article=match["kind"] == "Art.",
        following=match["following"],
        version=match["version"],
        **parts,
    )


def nesting_order(levels: list[str]) -> tuple[str, ...]:
    """The `order` of a provision whose subdivisions were given in this order: () when it is
    the usual one (Abs., S., Hs., Nr., ...), else the levels as given."""
    rank = [_RANK[name] for name in levels]
    return () if rank == sorted(rank) else tuple(levels)


_RANK = {name: i for i, (name, _) in enumerate(PARTS)}
STATUTE_FIELDS = tuple(f.name for f in fields(StatuteRef))
