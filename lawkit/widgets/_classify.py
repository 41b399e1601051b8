"""Classify examiners' remarks as fachliche or prüfungsspezifische Wertung (BVerwG 6 B 71.17).

Built from a case and its variants: each variant is one remark. The right answer is the
engine's result for the norm `pruefungsrecht_fachliche_wertung`, and the reasoning shown
after "Prüfen" is the Gutachten the engine writes for that variant; nothing is hard-coded.
"""

from __future__ import annotations

import html
from pathlib import Path

from lawkit.errors import LawkitError
from lawkit.evaluation.evaluate import check
from lawkit.loading.library import Library, default_library
from lawkit.model.case import Case, Fact
from lawkit.model.logic import Result
from lawkit.rendering.report import render
from lawkit.widgets._facts import paragraphs
from lawkit.widgets._selfcheck import CheckQuestion, SelfCheck

NORM = "pruefungsrecht_fachliche_wertung"
BASE_ID = "ausgangsfall"
OPTION = {
    Result.ERFUELLT: "fachliche Wertung",
    Result.NICHT_ERFUELLT: "prüfungsspezifische Wertung",
    Result.OFFEN: "hängt vom Einzelfall ab",
}


def _remark(title: str, facts: list[Fact]) -> tuple[str, str]:
    """The remark as plain text and HTML: its title and the notes of its facts."""
    notes = [f"{fact.note}" + (f" ({fact.source})" if fact.source else "") for fact in facts]
    text = title + "".join(f"\n   – {note}" for note in notes)
    items = "".join(f"<li>{html.escape(note)}</li>" for note in notes)
    return text, f"<p><strong>{html.escape(title)}</strong></p><ul>{items}</ul>"


def classify_remarks(case: Case | str | Path = "bverwg_prueferbemerkungen", *,
                     library: Library | None = None) -> SelfCheck:
    """A self-check: for the base case and each variant, fachlich or prüfungsspezifisch?
    Item ids: 'ausgangsfall' and the variant ids."""
    library = library or default_library()
    base = case if isinstance(case, Case) else library.case(case)
    if NORM not in [e.norm for e in base.examinations]:
        raise LawkitError(f"der Fall {base.id!r} prüft {NORM!r} nicht; erwartet einen Fall, "
                          "der Prüferbemerkungen einordnet")
    items: list[tuple[str, Case, str, list[Fact]]] = [
        (BASE_ID, base, "Ausgangsfall", list(base.facts.values()))]
    for variant in base.variants:
        items.append((variant.id, base.variant(variant.id), variant.title, list(variant.facts.values())))
    checked = [(item_id, c, title, facts, check(c, library)) for item_id, c, title, facts in items]
    results = {r.norm(NORM).result for *_, r in checked}
    options = [OPTION[Result.ERFUELLT], OPTION[Result.NICHT_ERFUELLT]]
    if Result.OFFEN in results:
        options.append(OPTION[Result.OFFEN])
    questions = []
    for item_id, _, title, facts, result in checked:
        report = render(result)
        frage, frage_html = _remark(title, facts)
        questions.append(CheckQuestion(
            id=item_id, frage=frage, optionen=tuple(options),
            richtig=(OPTION[result.norm(NORM).result],),
            detail=report.text(), detail_html=report.html(f"lawkit-gutachten-{item_id}"),
            frage_html=frage_html,
        ))
    intro = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(base.sachverhalt))
    intro += f"<p><strong>Frage:</strong> {html.escape(base.fallfrage)}</p>"
    return SelfCheck(base.title, tuple(questions), intro_html=intro)
