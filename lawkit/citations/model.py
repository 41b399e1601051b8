"""Value objects for extracted citations: court decisions, reporters, and hits in a text."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from lawkit.citations.reference import STATUTE_FIELDS, StatuteRef

_LONG_PARTS: tuple[tuple[str, str], ...] = (
    ("absatz", "Absatz"),
    ("unterabsatz", "Unterabsatz"),
    ("satz", "Satz"),
    ("halbsatz", "Halbsatz"),
    ("nummer", "Nummer"),
    ("buchstabe", "Buchstabe"),
    ("variante", "Variante"),
    ("alternative", "Alternative"),
)


# Collections ordered by a statute: the section names a provision ('SozR 4-2500 § 106 Nr. 7',
# 'AP BGB § 626 Nr. 12', 'Buchholz 310 § 132 Abs. 2 Ziff. 1 VwGO Nr. 32'); their canonical form
# is 'NAME SECTION Nr. NUMBER'.
KEYED_COLLECTIONS = frozenset({"Buchholz", "SozR", "AP", "EzA"})


@dataclass(frozen=True, slots=True)
class Reporter:
    """Where a decision is printed: 'BVerwGE 13, 90 <91 f.>', 'NVwZ-RR 2015, 416 Rn. 8',
    'Buchholz 421.0 Prüfungswesen Nr. 320 S. 307 f.', 'SozR 4-2500 § 106 Nr. 7', 'juris Rn. 16'.

    `volume` is the volume (official collections) or the year (journals); for a collection
    ordered by sections (Buchholz, SozR, AP, EzA, BGHR) it is the section ('421.0 Prüfungswesen',
    '4-2500 § 106') and `number` the entry. `page` is the first page ('51', '1234 ff.'; for
    Buchholz the page of the entry). `pinpoint` is the cited passage: a page ('91 f.', written
    in angle brackets), a marginal number ('Rn. 8'; 'Rz', 'Tz.', 'Rdnr.' are written 'Rn.'), or
    both ('1045 Rn. 31').
    """

    name: str
    volume: str | None = None
    page: str | None = None
    number: str | None = None
    pinpoint: str | None = None

    def canonical(self) -> str:
        if self.name in KEYED_COLLECTIONS:
            out = f"{self.name} {self.volume} Nr. {self.number}"
            if self.page:
                out += f" S. {self.page}"
        elif self.name == "BGHR":
            out = f"BGHR {self.volume} {self.number}"
        elif self.volume is None:
            out = self.name
        else:
            out = f"{self.name} {self.volume}, {self.page}"
        if self.pinpoint:
            page, marginal = _split_pinpoint(self.pinpoint)
            if page:
                out += f" <{page}>"
            if marginal:
                out += f" {marginal}"
        return out

    def court(self) -> str | None:
        """The court whose decisions this collection prints, if it prints only one court's."""
        if self.name == "Slg." and (self.page or "").startswith("II-"):
            return "EuG"
        return OFFICIAL_COURTS.get(self.name)

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


def _split_pinpoint(pinpoint: str) -> tuple[str, str]:
    """'1045 Rn. 31' -> ('1045', 'Rn. 31'); 'Rn. 8' -> ('', 'Rn. 8'); '91 f.' -> ('91 f.', '')."""
    at = pinpoint.find("Rn. ")
    if at < 0:
        return pinpoint, ""
    return pinpoint[:at].strip(), pinpoint[at:]


@dataclass(frozen=True, slots=True)
class CaseRef:
    """One court decision: 'BVerwG, Beschluss vom 05.03.2018 - 6 B 71.17 - [ECLI:...]',
    'BVerfGE 51, 304 <312>', 'BGH, GRUR 2011, 1043 <1045> Rn. 31 – Lichtschalter'.

    `date` is ISO ('2018-03-05'); `file_numbers` are complete Aktenzeichen (the short second
    number in '1 BvR 419/81 und 213/83' is completed to '1 BvR 213/83'; EU cases 'C-215/17').
    `pinpoint` is a marginal number given for the decision itself, not for a reporter
    ('- 1 BvR 2406/16 -, Rn. 12'); `name` is the decision's name ('Lichtschalter').
    """

    court: str | None = None
    decision_type: str | None = None
    date: str | None = None
    file_numbers: tuple[str, ...] = ()
    ecli: str | None = None
    reporters: tuple[Reporter, ...] = ()
    pinpoint: str | None = None
    name: str | None = None

    def canonical(self) -> str:
        """Citation style of the federal courts' 'Zitiervorschlag'; a decision cited by its
        reporters alone is written 'BVerfGE 51, 304 <312>' or 'BGH, GRUR 2013, 833'."""
        head = self.court or ""
        if self.decision_type:
            head = f"{head}, {self.decision_type}" if head else self.decision_type
        if self.date:
            year, month, day = self.date.split("-")
            head = f"{head} vom {day}.{month}.{year}" if head else f"vom {day}.{month}.{year}"
        reporters = " = ".join(r.canonical() for r in self.reporters)
        if not (self.decision_type or self.date or self.file_numbers or self.ecli) and reporters:
            implied = self.court is None or any(
                r.court() == self.court for r in self.reporters
            )
            out = reporters if implied else f"{self.court}, {reporters}"
            if self.pinpoint:
                out += f" {self.pinpoint}"
        else:
            segments = [head] if head else []
            if self.file_numbers:
                segments.append(", ".join(self.file_numbers))
            if self.ecli:
                segments.append(f"[{self.ecli}]")
            if self.pinpoint:
                segments.append(self.pinpoint)
            if reporters:
                segments.append(reporters)
            out = " - ".join(segments)
        if self.name:
            out += f" – {self.name}"
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "court": self.court,
            "decision_type": self.decision_type,
            "date": self.date,
            "file_numbers": list(self.file_numbers),
            "ecli": self.ecli,
            "reporters": [r.to_dict() for r in self.reporters],
            "pinpoint": self.pinpoint,
            "name": self.name,
        }

    def __str__(self) -> str:
        return self.canonical()


# Collections that print the decisions of one court ('BVerwGE 104, 51' and 'Buchholz 421.0
# Prüfungswesen Nr. 338' are decisions of the BVerwG); collections of several courts ('OVGE',
# 'EzA') and journals are not listed. 'Slg.' prints the EuGH ('I-…') and the EuG ('II-…').
OFFICIAL_COURTS: dict[str, str] = {
    "BVerfGE": "BVerfG",
    "BVerfGK": "BVerfG",
    "BVerwGE": "BVerwG",
    "BGHZ": "BGH",
    "BGHSt": "BGH",
    "BGHR": "BGH",
    "BAGE": "BAG",
    "BSGE": "BSG",
    "BFHE": "BFH",
    "BFH/NV": "BFH",
    "BStBl II": "BFH",
    "Buchholz": "BVerwG",
    "SozR": "BSG",
    "AP": "BAG",
    "BPatGE": "BPatG",
    "RGZ": "RG",
    "RGSt": "RG",
    "Slg.": "EuGH",
}

# EU legal acts: the short word of each kind in canonical form.
ACT_KINDS: dict[str, str] = {
    "VO": "Verordnung",
    "DVO": "Durchführungsverordnung",
    "DelVO": "Delegierte Verordnung",
    "RL": "Richtlinie",
    "RB": "Rahmenbeschluss",
}


@dataclass(frozen=True, slots=True)
class ActRef:
    """A legal act of the EU named as a whole: 'VO (EU) Nr. 1303/2013', 'RL 2011/83/EU'.

    `kind` is a key of ACT_KINDS; `community` the legal order ('EU', 'EG', 'EWG', 'Euratom',
    'JI'); `number` the act's number as the official title writes it ('1303/2013', '2011/83',
    '2016/679'). `prefixed` tells the form '(EU) 2019/790' from '2011/83/EU'; `nr` whether
    'Nr.' precedes the number (regulations before 2015).
    """

    kind: str
    community: str
    number: str
    prefixed: bool = True
    nr: bool = False

    def canonical(self) -> str:
        if self.prefixed:
            return f"{self.kind} ({self.community}) {'Nr. ' if self.nr else ''}{self.number}"
        return f"{self.kind} {'Nr. ' if self.nr else ''}{self.number}/{self.community}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "act_kind": self.kind,
            "community": self.community,
            "number": self.number,
            "canonical": self.canonical(),
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
        for name, abbrev in until.nested():
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
    ref: StatuteRef | CaseRef | ActRef
    until: StatuteRef | None = None
    relation: str | None = None
    group: int = 0

    @property
    def kind(self) -> str:
        """'norm' (a provision, `StatuteRef`), 'case' (a decision, `CaseRef`) or 'act' (an EU
        legal act named as a whole, `ActRef`)."""
        if isinstance(self.ref, CaseRef):
            return "case"
        return "act" if isinstance(self.ref, ActRef) else "norm"

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
