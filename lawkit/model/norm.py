"""Norms as trees of elements (Tatbestandsmerkmale), with Meinungsstreit and Konkurrenzen.

All values are frozen: a loaded norm cannot change under a running check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from lawkit.citations.reference import StatuteRef
from lawkit.model.logic import Answer, Combine


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a value was written: file, line and path inside the file (for error messages)."""

    file: str
    line: int | None
    path: str


@dataclass(frozen=True, slots=True)
class Source:
    """A Fundstelle: the reference itself and, where it comes from a seed, where the seed gives it."""

    text: str
    seed: str | None = None  # id of the seed document (see data/seeds.yaml)
    at: str | None = None  # place in the seed: "Fn. 7", "Abschn. 2.1.1", "Rn. 9"
    origin: Origin | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Texts:
    """Gutachten phrases of an element; None means the renderer's default phrase."""

    obersatz: str | None = None
    positive: str | None = None  # Zwischenergebnis if erfüllt
    negative: str | None = None  # Zwischenergebnis if nicht erfüllt
    open: str | None = None  # Zwischenergebnis if offen


class ArgumentKind(StrEnum):
    """The classical canons of interpretation an argument in a Stellungnahme draws on."""

    WORTLAUT = "Wortlaut"
    SYSTEMATIK = "Systematik"
    TELOS = "Telos"
    HISTORIE = "Historie"


@dataclass(frozen=True, slots=True)
class Argument:
    """One argument for a view, in the author's own words; a Fundstelle only where a seed gives
    one."""

    kind: ArgumentKind
    text: str  # one or two sentences
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class View:
    """One vertretbare Auffassung in a Meinungsstreit, with the requirements it sets."""

    id: str
    label: str
    position: str  # what the view holds, in one or two sentences
    requirement: Element  # the test under this view
    dominant: bool = False  # herrschende Meinung
    holder: str | None = None  # "ganz überwiegende Auffassung", "Rechtsprechung", ...
    sources: tuple[Source, ...] = ()
    name: str | None = None  # how the Stellungnahme names it: "die Gegenauffassung"
    arguments: tuple[Argument, ...] = ()
    reason: str | None = None  # why it convinces, where the Gutachten follows it


@dataclass(frozen=True, slots=True)
class Dispute:
    """A Meinungsstreit on one element: its question and the competing views."""

    id: str
    question: str  # as an ob-clause: "ob ein sachlich begründetes Geheimhaltungsinteresse …"
    views: tuple[View, ...]

    @property
    def default_view(self) -> View:
        """The herrschende Meinung, or the first view where none is marked."""
        for view in self.views:
            if view.dominant:
                return view
        return self.views[0]

    def view(self, view_id: str) -> View | None:
        for view in self.views:
            if view.id == view_id:
                return view
        return None


@dataclass(frozen=True, slots=True)
class Element:
    """A Tatbestandsmerkmal. Exactly one of: children, fact, ref, dispute decides it."""

    id: str
    label: str
    combine: Combine = Combine.ALL_OF
    children: tuple[Element, ...] = ()
    fact: str | None = None  # leaf: key of the fact that answers it
    question: str | None = None  # leaf: the question put to the Sachverhalt
    satisfied_by: Answer = Answer.JA  # leaf: the answer that fulfils the element; for a
    # Verweisung, NEIN means the element is fulfilled where the referenced one is not
    # ("ohne Amtsträger zu sein", § 11 Abs. 1 Nr. 4 StGB)
    ref: str | None = None  # Verweisung: "norm_id" or "norm_id#element_id"
    dispute: Dispute | None = None  # Meinungsstreit
    definition: str | None = None
    sources: tuple[Source, ...] = ()
    cite: str | None = None  # the subdivision this alternative stands for, e.g. "Nr. 1"
    texts: Texts = Texts()
    origin: Origin | None = field(default=None, compare=False, repr=False)

    @property
    def is_leaf(self) -> bool:
        return self.fact is not None

    @property
    def negated(self) -> bool:
        """A Verweisung that is fulfilled where its target is not."""
        return self.ref is not None and self.satisfied_by is Answer.NEIN

    def walk(self) -> tuple[Element, ...]:
        """This element and all below it (children and every view's requirement), in order."""
        out: list[Element] = [self]
        for child in self.children:
            out.extend(child.walk())
        if self.dispute is not None:
            for view in self.dispute.views:
                out.extend(view.requirement.walk())
        return tuple(out)


class NormKind(StrEnum):
    STRAFTATBESTAND = "Straftatbestand"
    ANSPRUCHSGRUNDLAGE = "Anspruchsgrundlage"
    VERFAHRENSVORAUSSETZUNG = "Verfahrensvoraussetzung"
    DEFINITIONSNORM = "Definitionsnorm"
    RECHTSBEHELF = "Rechtsbehelf"
    VERHALTENSNORM = "Verhaltensnorm"  # a duty or prohibition that can be breached (§ 21 WpHG)


class RelationStage(StrEnum):
    """Where the Gutachten examines a relation."""

    KONKURRENZEN = "konkurrenzen"  # after all norms: the norm yields where both are met
    ANWENDBARKEIT = "anwendbarkeit"  # first, before the Tatbestand: the norm is not applicable
    # at all where the condition is met (the condition stands on its own)


class RelationKind(StrEnum):
    GESETZESKONKURRENZ = "Gesetzeskonkurrenz"
    SUBSIDIARITAET = "Subsidiarität"
    SPEZIALITAET = "Spezialität"
    SPERRWIRKUNG = "Sperrwirkung"  # the dominant norm rules the matter exhaustively


@dataclass(frozen=True, slots=True)
class Relation:
    """A Konkurrenz: the norm it belongs to yields to `yields_to` when it applies."""

    kind: RelationKind
    yields_to: str  # id of the dominant norm
    explanation: str
    condition: Element | None = None  # further requirement, decided by the case's facts
    requires_dominant: bool = True  # False: yields even where the dominant norm is not met
    sources: tuple[Source, ...] = ()
    stage: RelationStage = RelationStage.KONKURRENZEN


@dataclass(frozen=True, slots=True)
class Consequence:
    """The Rechtsfolge: Strafrahmen or claim, and who is liable (templates over case roles)."""

    text: str
    liable: str | None = None  # e.g. "{dienstherr}, nicht {subject} persönlich"
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class NormCitation:
    """One or more provisions read together ("§ 839 BGB i.V.m. Art. 34 GG")."""

    parts: tuple[StatuteRef, ...]

    def canonical(self) -> str:
        return " i.V.m. ".join(part.canonical() for part in self.parts)

    def refine(self, part: str) -> NormCitation:
        """Refine the first provision by a subdivision, e.g. 'Nr. 1'."""
        return NormCitation((self.parts[0].refine(part), *self.parts[1:]))

    def __str__(self) -> str:
        return self.canonical()


@dataclass(frozen=True, slots=True)
class Norm:
    """A rule: Tatbestand (the element tree under `root`), Rechtsfolge, Fundstellen."""

    id: str
    citation: NormCitation
    title: str
    kind: NormKind
    wording: str  # paraphrased, not the statute's text
    root: Element  # the Prüfungsschema; its children are the top-level Prüfungspunkte
    consequence: Consequence | None = None
    procedural: tuple[Element, ...] = ()  # Verfolgbarkeit: Strafantrag, Ermächtigung …
    relations: tuple[Relation, ...] = ()
    sources: tuple[Source, ...] = ()
    texts: Texts = Texts()  # obersatz / positive / negative / open of the whole norm
    file: str | None = None  # where it was loaded from

    def elements(self) -> tuple[Element, ...]:
        """All elements of the Tatbestand, the procedural requirements and the conditions of
        the Konkurrenzen, in order (Verweisungen are not followed)."""
        out = list(self.root.walk())
        for element in self.procedural:
            out.extend(element.walk())
        for relation in self.relations:
            if relation.condition is not None:
                out.extend(relation.condition.walk())
        return tuple(out)

    def find(self, element_id: str) -> Element | None:
        for element in self.elements():
            if element.id == element_id:
                return element
        return None
