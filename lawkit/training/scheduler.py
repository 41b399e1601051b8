"""Spaced repetition with FSRS (the `fsrs` package from PyPI, the scheduler Anki uses).

A card answered right is rated *Good*, one answered wrong *Again*; a card the student rates
herself is *Good* (gewusst), *Hard* (unsicher) or *Again* (nicht gewusst). FSRS keeps per card
its stability and difficulty and computes when it is due next. Fuzzing is off, so the same
answers at the same times give the same schedule.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from lawkit.errors import LawkitError

if TYPE_CHECKING:
    import fsrs


class Rating(IntEnum):
    """The four FSRS ratings, with their German meaning in the trainer."""

    NOCHMAL = 1  # Again: wrong, or nicht gewusst
    SCHWER = 2  # Hard: unsicher
    GUT = 3  # Good: right, or gewusst
    LEICHT = 4  # Easy (not offered by the trainer; accepted in progress files)


SELF_RATINGS = {"ja": Rating.GUT, "offen": Rating.SCHWER, "nein": Rating.NOCHMAL}
SELF_RATING_LABELS = {"ja": "gewusst", "offen": "unsicher", "nein": "nicht gewusst"}


@dataclass(frozen=True, slots=True)
class Schedule:
    """Where a card stands after a review: FSRS's card state (JSON) and when it is due."""

    state: str  # fsrs.Card.to_json()
    due: _dt.datetime
    learning: bool  # still in the (re)learning steps of minutes, not yet days apart


@lru_cache(maxsize=1)
def _scheduler() -> fsrs.Scheduler:
    from fsrs import Scheduler

    return Scheduler(enable_fuzzing=False)


def utc(moment: _dt.datetime) -> _dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("times must carry a time zone")
    return moment.astimezone(_dt.UTC)


def review(state: str | None, rating: Rating, now: _dt.datetime) -> Schedule:
    """The schedule after answering a card (state None: the card is new)."""
    from fsrs import Card, State
    from fsrs import Rating as FsrsRating

    card = Card(card_id=1, due=utc(now)) if state is None else load_state(state)
    updated, _log = _scheduler().review_card(card, FsrsRating(int(rating)), review_datetime=utc(now))
    return Schedule(updated.to_json(), updated.due, updated.state is not State.Review)


def load_state(state: str) -> fsrs.Card:
    """An FSRS card from its JSON; a damaged state is a LawkitError (German)."""
    from fsrs import Card

    try:
        card = Card.from_dict(json.loads(state))
        utc(card.due)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise LawkitError(f"der gespeicherte Lernstand einer Karte ist beschädigt ({type(exc).__name__}); "
                          "erwartet den Zustand, den der Trainer geschrieben hat") from None
    return card
