"""The Darstellung of a Gutachten (BVerwG 6 B 71.17 Rn. 10), judged from the reading's margin
notes: the criteria of the rubric's `stil`, each over the Prüfungspunkte the text discusses.

- gutachtenstil: each point discussed; met with an Obersatz, or Urteilsstil where the point is
  no problem; not met with "Obersatz fehlt", "Urteilsstil beim Problem", "Telegrammstil";
- definition: each point the library defines; met with "Definition" (an imprecise one: half);
- subsumtion: each point the Sachverhalt has facts for; met with "Subsumtion", not with "SV!";
- meinungsstreit: each Meinungsstreit the text reaches; met where the views are named and,
  where they differ, a Stellungnahme with a reason follows ("kann dahinstehen" where they agree);
- schwerpunkt: each problem of the case the text discusses; not met with "Schwerpunkt!"
  (fewer words on it than on the unproblematic points);
- sachverhalt: the text as a whole; not met with an amount the Sachverhalt does not give.

What the text leaves out is deducted where it is missing (a norm, an element: "nicht erörtert"),
never again here: the Darstellung is measured on what is written. A criterion without items in
a text that discusses at least one point is met; a text that discusses no point at all has no
Darstellung to credit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lawkit.reading.model import Reading, Span, StyleKind, StyleNote

if TYPE_CHECKING:
    from lawkit.loading.library import Library

LABELS: Mapping[str, str] = {
    "gutachtenstil": "Gutachtenstil",
    "definition": "Definitionen",
    "subsumtion": "Subsumtion unter den Sachverhalt",
    "meinungsstreit": "Meinungsstreit",
    "schwerpunkt": "Schwerpunktsetzung",
    "sachverhalt": "Sachverhaltstreue",
}
EXPECTED: Mapping[str, str] = {
    "gutachtenstil": "ein Obersatz im Gutachtenstil (bei einem unproblematischen Punkt eine knappe "
                     "Feststellung, kein Telegrammstil)",
    "definition": "die Definition des Merkmals",
    "subsumtion": "die Subsumtion: die Tatsachen des Sachverhalts unter das Merkmal gefasst",
    "meinungsstreit": "die Auffassungen des Meinungsstreits und, wo sie zu verschiedenen Ergebnissen "
                      "führen, eine begründete Stellungnahme (wo nicht: der Streit kann dahinstehen)",
    "schwerpunkt": "das Problem des Falles ausführlicher als die unproblematischen Punkte",
    "sachverhalt": "nur Tatsachen, die der Sachverhalt mitteilt",
}
_FAILS_STYLE = (StyleKind.OBERSATZ_FEHLT, StyleKind.URTEILSSTIL_BEI_PROBLEM, StyleKind.TELEGRAMM)
_STREIT_MET = (StyleKind.STELLUNGNAHME, StyleKind.STREIT_DAHINSTEHEN, StyleKind.STREIT_DARGESTELLT)
_STREIT_FAILS = (StyleKind.STREIT_FEHLT, StyleKind.STELLUNGNAHME_FEHLT)


@dataclass(frozen=True, slots=True)
class Item:
    """One point judged for one criterion."""

    criterion: str
    norm: str | None
    element: str | None
    label: str  # the Prüfungspunkt in words ("Geheimnis"), or "" for the text as a whole
    met: float  # 1, 0.5 or 0
    note: str  # the margin note behind the judgement ("Obersatz fehlt", "SV!", …) or ""
    span: Span | None


def discussed_points(reading: Reading, library: Library) -> list[tuple[str, str, str, Span]]:
    """(norm, element, label, first span) of every point with a sentence of its own or a
    conclusion (a heading alone is no discussion, "1. Geheimnis (+)" is one), in text order."""
    body = [(s.start, s.end) for b in reading.blocks if b.kind == "paragraph" for s in b.sentences]
    out = []
    for norm in reading.norms:
        if norm.norm not in library.norms:
            continue
        for element in norm.elements:
            with_text = [sp for sp in element.spans if any(a < sp.end and sp.start < b for a, b in body)]
            if with_text:
                out.append((norm.norm, element.element, element.label, with_text[0]))
            elif element.statements:
                out.append((norm.norm, element.element, element.label, element.statements[0].span))
    out.sort(key=lambda p: p[3].start)
    return out


def judge(reading: Reading, library: Library) -> dict[str, list[Item]]:
    """The items of every criterion (empty lists where the text gives none)."""
    items: dict[str, list[Item]] = {criterion: [] for criterion in LABELS}
    problems = set(reading.problems)
    for norm, element, label, first in discussed_points(reading, library):
        notes = reading.notes(norm, element)

        def add(criterion: str, met: float, note: StyleNote | None, *, _n: str = norm, _e: str = element,
                _l: str = label, _f: Span = first) -> None:
            span = note.spans[0] if note is not None and note.spans else _f
            items[criterion].append(Item(criterion, _n, _e, _l, met, note.text if note else "", span))

        failing = _first(notes, _FAILS_STYLE)
        add("gutachtenstil", 0.0 if failing else 1.0, failing)
        good = _first(notes, (StyleKind.DEFINITION,))
        rough = _first(notes, (StyleKind.DEFINITION_ABWEICHEND,))
        missing = _first(notes, (StyleKind.DEFINITION_FEHLT,))
        if good or rough or missing:
            add("definition", 1.0 if good else 0.5 if rough else 0.0, good or rough or missing)
        facts = _first(notes, (StyleKind.SUBSUMTION,))
        no_facts = _first(notes, (StyleKind.SUBSUMTION_FEHLT,))
        if facts or no_facts:
            add("subsumtion", 1.0 if facts else 0.0, facts or no_facts)
        streit_bad = _first(notes, _STREIT_FAILS)
        streit_good = _first(notes, _STREIT_MET)
        if streit_bad or streit_good:
            add("meinungsstreit", 0.0 if streit_bad else 1.0, streit_bad or streit_good)
        if f"{norm}#{element}" in problems:
            short = _first(notes, (StyleKind.SCHWERPUNKT,))
            add("schwerpunkt", 0.0 if short else 1.0, short)
    foreign = [n for n in reading.style if n.kind is StyleKind.SV_FREMD]
    if foreign:
        note = foreign[0]
        others = f" (und {len(foreign) - 1} weitere Stellen)" if len(foreign) > 1 else ""
        items["sachverhalt"].append(Item("sachverhalt", None, None, "", 0.0, note.text + others,
                                         note.spans[0] if note.spans else None))
    return items


def _first(notes: tuple[StyleNote, ...], kinds: tuple[StyleKind, ...]) -> StyleNote | None:
    return next((n for n in notes if n.kind in kinds), None)
