"""What reading a Gutachten produces: frozen values with spans into the student's own text.

Every finding names the passage it rests on (`Span`: character offsets into `Reading.text`)
and a confidence in [0, 1]. Where the reader is unsure it says so (`unsure`) instead of
reporting a result: a grader must not deduct for what the reader could not make out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lawkit.reading.sources import ProseDocument
    from lawkit.reading.text import Block

UNSURE_TEXT = "nicht sicher erkannt"


class Conclusion(StrEnum):
    """The student's conclusion on an element or a norm, as written in the prose."""

    ERFUELLT = "erfüllt"
    NICHT_ERFUELLT = "nicht erfüllt"
    OFFEN = "offen"
    DAHINSTEHEN = "kann dahinstehen"

    @property
    def mark(self) -> str:
        """The examiner's margin mark: (+), (–), offen, dahinstehend."""
        return {"erfüllt": "(+)", "nicht erfüllt": "(–)", "offen": "offen",
                "kann dahinstehen": "dahinstehend"}[self.value]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A passage of the student's text: `text[start:end]`."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class StyleKind(StrEnum):
    """Prüfungsspezifische findings on the Darstellung (BVerwG 6 B 71.17, Rn. 10)."""

    OBERSATZ = "Obersatz"
    OBERSATZ_FEHLT = "Obersatz fehlt"
    DEFINITION = "Definition"
    DEFINITION_FEHLT = "Definition?"
    DEFINITION_ABWEICHEND = "Definition ungenau"
    SUBSUMTION = "Subsumtion"
    SUBSUMTION_FEHLT = "SV!"
    ERGEBNIS = "Ergebnis"
    ERGEBNIS_FEHLT = "Ergebnis?"
    URTEILSSTIL = "Urteilsstil"
    URTEILSSTIL_BEI_PROBLEM = "Urteilsstil beim Problem"
    STREIT_DARGESTELLT = "Meinungsstreit dargestellt"
    STREIT_FEHLT = "Meinungsstreit fehlt"
    STELLUNGNAHME = "Stellungnahme"
    STELLUNGNAHME_FEHLT = "Stellungnahme fehlt"
    STREIT_DAHINSTEHEN = "Streit kann dahinstehen"
    SCHWERPUNKT = "Schwerpunkt"
    SV_FREMD = "SV-fremd?"
    WIDERSPRUCH = "Widerspruch"
    TELEGRAMM = "Telegrammstil"


NEGATIVE_STYLE = frozenset({
    StyleKind.OBERSATZ_FEHLT, StyleKind.DEFINITION_FEHLT, StyleKind.DEFINITION_ABWEICHEND,
    StyleKind.SUBSUMTION_FEHLT, StyleKind.ERGEBNIS_FEHLT, StyleKind.URTEILSSTIL_BEI_PROBLEM,
    StyleKind.STREIT_FEHLT, StyleKind.STELLUNGNAHME_FEHLT, StyleKind.SV_FREMD,
    StyleKind.WIDERSPRUCH, StyleKind.TELEGRAMM, StyleKind.SCHWERPUNKT,
})


@dataclass(frozen=True, slots=True)
class StyleNote:
    """One remark on the Darstellung, as an examiner writes it in the margin."""

    kind: StyleKind
    text: str  # the margin note: "Obersatz fehlt", "Widerspruch zu B. I. 2.", …
    spans: tuple[Span, ...] = ()
    norm: str | None = None
    element: str | None = None
    confidence: float = 1.0

    @property
    def negative(self) -> bool:
        return self.kind in NEGATIVE_STYLE


@dataclass(frozen=True, slots=True)
class Statement:
    """One conclusion the text states, and the words that carry it."""

    conclusion: Conclusion
    span: Span  # the sentence (or telegram clause)
    marker: str  # the words read: "liegt vor", "(+)", "handelte vorsätzlich" …
    confidence: float
    explicit: bool  # a marked Ergebnis ("somit", "(+)", "liegt vor") rather than a bare assertion


@dataclass(frozen=True, slots=True)
class ElementReading:
    """What the text says about one element of a norm."""

    norm: str
    element: str
    label: str
    spans: tuple[Span, ...]  # every passage discussing it, in text order
    conclusion: Conclusion | None  # None: no result stated, or not sure (see unsure)
    confidence: float  # that the element is discussed (and, with a conclusion, that it was read right)
    unsure: bool = False  # the text seems to state a result, but the reader cannot tell which
    statements: tuple[Statement, ...] = ()
    words: int = 0  # words spent on it (Schwerpunktsetzung)
    view: str | None = None  # Meinungsstreit: the view the text follows, where it says so
    views_named: tuple[str, ...] = ()
    confirmed: bool = False  # set by the teacher (lawkit.reading.confirm), not read

    @property
    def status(self) -> str:
        if self.unsure:
            return UNSURE_TEXT
        return self.conclusion.value if self.conclusion is not None else "ohne Ergebnis"


@dataclass(frozen=True, slots=True)
class NormReading:
    """One norm the text examines: where, what it concludes, and its elements."""

    norm: str
    citation: str
    spans: tuple[Span, ...]  # the section(s) examining the norm
    opened_by: Span  # the heading or sentence that opens the examination
    conclusion: Conclusion | None
    confidence: float
    unsure: bool = False
    statements: tuple[Statement, ...] = ()
    elements: tuple[ElementReading, ...] = ()
    cited_as: tuple[str, ...] = ()  # how the text cites it, as written
    confirmed: bool = False  # its result set by the teacher (lawkit.reading.confirm)

    def element(self, element_id: str) -> ElementReading | None:
        for reading in self.elements:
            if reading.element == element_id:
                return reading
        return None


@dataclass(frozen=True, slots=True)
class KonkurrenzReading:
    """The text lets `norm` yield to `yields_to` (Gesetzeskonkurrenz, Subsidiarität, Sperrwirkung)."""

    norm: str
    yields_to: str
    span: Span
    confidence: float
    from_library: bool = False  # the dominant norm is not named; the library's relation supplied it


@dataclass(frozen=True, slots=True)
class Gesamtergebnis:
    """The final result: the norms whose Rechtsfolge follows, and those the text denies."""

    applies: tuple[str, ...]
    denied: tuple[str, ...]
    spans: tuple[Span, ...]
    confidence: float
    explicit: bool  # an "Ergebnis"/"Gesamtergebnis" passage; False: read from the last paragraph


@dataclass(frozen=True, slots=True)
class Reading:
    """The reading of one Gutachten. `html()` is the annotated text, `to_mapping()` the
    structured answer (docs/grading-formats.md) with spans and confidences."""

    text: str
    document: ProseDocument | None
    blocks: tuple[Block, ...]
    norms: tuple[NormReading, ...]
    konkurrenzen: tuple[KonkurrenzReading, ...]
    gesamtergebnis: Gesamtergebnis | None
    style: tuple[StyleNote, ...]
    messages: tuple[str, ...] = ()  # honest remarks on the text as a whole (German)
    words: int = 0
    exercise_norms: tuple[str, ...] = field(default=())
    problems: tuple[str, ...] = ()  # "norm#element": the problems of the case (with `case` only)

    def norm(self, norm_id: str) -> NormReading | None:
        for reading in self.norms:
            if reading.norm == norm_id:
                return reading
        return None

    def element(self, norm_id: str, element_id: str) -> ElementReading | None:
        norm = self.norm(norm_id)
        return norm.element(element_id) if norm is not None else None

    def notes(self, norm_id: str | None = None, element_id: str | None = None) -> tuple[StyleNote, ...]:
        return tuple(n for n in self.style
                     if (norm_id is None or n.norm == norm_id)
                     and (element_id is None or n.element == element_id))

    def to_mapping(self) -> dict[str, Any]:
        from lawkit.reading.mapping import reading_mapping

        return reading_mapping(self)

    def html(self) -> str:
        from lawkit.reading.annotate import annotated_html

        return annotated_html(self)

    def _repr_html_(self) -> str:
        return self.html()
