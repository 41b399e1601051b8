"""Self-study trainer: cards per Prüfungspunkt from the library, Fallvarianten solved by the
engine, spaced repetition (FSRS), and a small progress file per student.

    from lawkit.training import library_cards, ProgressStore, Session
    session = Session(library_cards(), ProgressStore("answers/training.sqlite"))
    card = session.next_card(); session.answer(card, "ja").feedback.text()

The app is `lawkit.widgets.trainer()`; a class's progress files are summed up by
`lawkit progress FOLDER` (only counts, no names).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawkit._lazy import lazy_exports

if TYPE_CHECKING:
    from lawkit.training.cards import Card, CardKind, case_cards, library_cards
    from lawkit.training.classreport import ClassReport, class_report
    from lawkit.training.session import Feedback, Outcome, Session, feedback
    from lawkit.training.store import ProgressStore
    from lawkit.training.variants import Fallvariante, generate_variants

_PUBLIC = {
    "Card": "lawkit.training.cards",
    "CardKind": "lawkit.training.cards",
    "ClassReport": "lawkit.training.classreport",
    "Fallvariante": "lawkit.training.variants",
    "Feedback": "lawkit.training.session",
    "Outcome": "lawkit.training.session",
    "ProgressStore": "lawkit.training.store",
    "Session": "lawkit.training.session",
    "case_cards": "lawkit.training.cards",
    "class_report": "lawkit.training.classreport",
    "feedback": "lawkit.training.session",
    "generate_variants": "lawkit.training.variants",
    "library_cards": "lawkit.training.cards",
}
__all__ = [
    "Card",
    "CardKind",
    "ClassReport",
    "Fallvariante",
    "Feedback",
    "Outcome",
    "ProgressStore",
    "Session",
    "case_cards",
    "class_report",
    "feedback",
    "generate_variants",
    "library_cards",
]

__getattr__, __dir__ = lazy_exports("lawkit.training", _PUBLIC, globals(), __all__)
