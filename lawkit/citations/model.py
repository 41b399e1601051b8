"""Value objects for extracted citations: court decisions, reporters, and hits in a text."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from lawkit.citations.reference import PARTS, STATUTE_FIELDS, StatuteRef

_LONG_PARTS: tuple[tuple[str, str], ...] = (
    ("absatz", "Absatz"),
    ("satz", "Satz"),
    ("halbsatz", "Halbsatz"),
    ("nummer", "Nummer"),
    ("buchstabe", "Buchstabe"),
    ("variante", "Variante"),
    ("alternative", "Alternative"),
)


@dataclass(frozen=True, slots=True)
class Reporter:
    """Where a decision is printed: 'BVerwGE 13, 90 <91 f.>', 'NVwZ-RR 2015, 416 Rn. 8',
    'Buchholz 421.0 Prüfungswesen Nr. 320 S. 307 f.', 'juris Rn. 16'.

    `volume` is the volume (official collections) or the year (journals); for Buchholz it is
    the section ('421.0 Prüfungswesen') and `number` the entry. `pinpoint` is the cited passage,
    either a page ('91 f.', printed in angle brackets) or a marginal number ('Rn. 8').
    """

    name: str
    volume: str | None = None
    page: str | None = None
    number: str | None = None
    pinpoint: str | None = None

    def canonical(self) -> str:
        if self.name == "Buchholz":
            out = f"Buchholz {self.volume} Nr. {self.number}"
            if self.page:
                out += f" S. {self.page}"
        elif self.volume is None:
            out = self.name
        else:
            out = f"{self.name} {self.volume}, {self.page}"
        if self.pinpoint:
            if self.pinpoint.startswith("Rn."):
                out += f" {self.pinpoint}"
            else:
                out += f" <{self.pinpoint}>"
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "volume": self.volume,
            "page": self.page,
            "number": self.number,
            "pinpoint": self.pinpoint,
            "canonical": self.canonical(),
        }

    def __str__(self) -> str:
        return self.canonical()


@dataclass(frozen=True, slots=True)
class CaseRef:
    """One court decision: 'BVerwG, Beschluss vom 05.03.2018 - 6 B 71.17 - [ECLI:...]'.

    `date` is ISO ('2018-03-05'); `file_numbers` are complete Aktenzeichen (the short second
    number in '1 BvR 419/81 und 213/83' is completed to '1 BvR 213/83').
    """

    court: str | None = None
    decision_type: str | None = None
    date: str | None = None
    file_numbers: tuple[str, ...] = ()
    ecli: str | None = None
    reporters: tuple[Reporter, ...] = ()

    def canonical(self) -> str:
        """Citation style of the federal courts' 'Zitiervorschlag'."""
        head = self.court or ""
        if self.decision_type:
            head = f"{head}, {self.decision_type}" if head else self.decision_type
        if self.date:
            year, month, day = self.date.split("-")
            head = f"{head} vom {day}.{month}.{year}" if head else f"vom {day}.{month}.{year}"
        segments = [head] if head else []
        if self.file_numbers:
            segments.append(", ".join(self.file_numbers))
        if self.ecli:
            segments.append(f"[{self.ecli}]")
        if self.reporters:
            segments.append(" = ".join(r.canonical() for r in self.reporters))
        return " - ".join(segments)

    def to_dict(self) -> dict[str, Any]:
        return {
            "court": self.court,
            "decision_type": self.decision_type,
            "date": self.date,
            "file_numbers": list(self.file_numbers),
            "ecli": self.ecli,
            "reporters": [r.to_dict() for r in self.reporters],
        }

    def __str__(self) -> str:
        return self.canonical()


def format_statute(ref: StatuteRef, style: str = "short") -> str:
    """Write a provision back as text: 'short' is the canonical form ('§ 11 Abs. 1 Nr. 2 lit. c
    StGB'), 'long' spells the subdivisions out ('§ 11 Absatz 1 Nummer 2 Buchstabe c StGB')."""
    if style == "short":
        return ref.canonical()
    if style != "long":
        raise ValueError(f"unknown style {style!r}; expected 'short' or 'long'")
    return ref.written(_LONG_PARTS, "Artikel")


def format_range(start: StatuteRef, until: StatuteRef) -> str:
    """'§ 132 Abs. 2 Nr. 1 bis Nr. 3 VwGO', '§§ 3 bis 5 BGB': the end repeats the parts from
    the first one that differs; the law is written once, at the end."""
    head = replace(start, law="", version=None).canonical()
    if start.number != until.number:
        if head.startswith("§ "):
            head = "§" + head  # "§§ 3 bis 5 BGB"
        tail = replace(until, law="", version=None).canonical().split(" ", 1)[1]
    else:
        parts: list[str] = []
        differs = False
        for name, abbrev in PARTS:
            a, b = getattr(start, name), getattr(until, name)
            differs = differs or a != b
            if differs and b is not None:
                parts += [abbrev, b]
        if until.following:
            parts.append(until.following)
        tail = " ".join(parts)
    suffix = " ".join(x for x in (until.law, until.version) if x)
    return f"{head} bis {tail}" + (f" {suffix}" if suffix else "")


@dataclass(frozen=True, slots=True)
class CitationHit:
    """One citation found in a text.

    `start`/`end` are offsets into the original string and `text == original[start:end]`.
    Several norms that share a law or are chained ('§ 839 BGB i.V.m. Art. 34 GG', '§ 60 Abs. 1
    und Abs. 2, § 173 Satz 1 VwGO') are separate hits with the same `group`; `relation` is the
    word that joins a hit to the previous one of its group ('i.V.m.', 'und', 'bzw.', ',', ...).
    Parts taken over from a neighbour (the shared law, the § number of 'Abs. 2') are in `ref`
    but not in the span. `until` is the end of a range ('Nr. 1 bis Nr. 3').
    """

    start: int
    end: int
    text: str
    ref: StatuteRef | CaseRef
    until: StatuteRef | None = None
    relation: str | None = None
    group: int = 0

    @property
    def kind(self) -> str:
        return "case" if isinstance(self.ref, CaseRef) else "norm"

    def canonical(self) -> str:
        if isinstance(self.ref, StatuteRef) and self.until is not None:
            return format_range(self.ref, self.until)
        return self.ref.canonical()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "text": self.text,
            "canonical": self.canonical(),
            "group": self.group,
            "relation": self.relation,
        }
        if isinstance(self.ref, StatuteRef):
            out.update({name: getattr(self.ref, name) for name in STATUTE_FIELDS})
            out["until"] = (
                None
                if self.until is None
                else {name: getattr(self.until, name) for name in STATUTE_FIELDS}
            )
        else:
            out.update(self.ref.to_dict())
        return out


def format_group(hits: list[CitationHit]) -> str:
    """Write hits of one group back as one chain: '§ 839 BGB i.V.m. Art. 34 GG'."""
    out = ""
    for i, hit in enumerate(hits):
        if i == 0:
            out = hit.canonical()
        elif hit.relation in (None, ","):
            out += f", {hit.canonical()}"
        else:
            out += f" {hit.relation} {hit.canonical()}"
    return out
