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

# The type checker's view of the public names (`name as name`: re-exported) ...
if TYPE_CHECKING:
    from lawkit.training.cards import Card as Card
    from lawkit.training.cards import CardKind as CardKind
    from lawkit.training.cards import case_cards as case_cards
    from lawkit.training.cards import library_cards as library_cards
    from lawkit.training.classreport import ClassReport as ClassReport
    from lawkit.training.classreport import class_report as class_report
    from lawkit.training.session import Feedback as Feedback
    from lawkit.training.session import Outcome as Outcome
    from lawkit.training.session import Session as Session
    from lawkit.training.session import feedback as feedback
    from lawkit.training.session import kinds as kinds
    from lawkit.training.store import ProgressStore as ProgressStore
    from lawkit.training.variants import Fallvariante as Fallvariante
    from lawkit.training.variants import generate_variants as generate_variants

# ... and the one table they are served from at run time: public name -> defining module,
# imported on first use (tests/test_public_api.py checks that both say the same).
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
    "kinds": "lawkit.training.session",
    "library_cards": "lawkit.training.cards",
}

__all__ = sorted(_PUBLIC)

__getattr__, __dir__ = lazy_exports("lawkit.training", _PUBLIC, globals(), __all__)
