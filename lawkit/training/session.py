"""A training session: which card comes next, how an answer is judged, what is saved.

Due cards come first (earliest due first), then new cards in learning order up to a daily
limit, then – where nothing else is left – cards still in their learning steps of a few
minutes. A session is about 10–15 minutes: `SESSION_SIZE` cards, estimated from how long the
student's recent answers took. Every answer is saved at once (lawkit.training.store).
"""

from __future__ import annotations

import datetime as _dt
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from lawkit.errors import LawkitError
from lawkit.training.cards import Card, CardKind
from lawkit.training.scheduler import SELF_RATING_LABELS, SELF_RATINGS, Rating, Schedule, review
from lawkit.training.store import CardProgress, ProgressStore, ReviewEntry

NEW_PER_DAY = 20
SESSION_SIZE = 20
LEARN_AHEAD = _dt.timedelta(minutes=20)
SECONDS_PER_CARD = 40  # estimate until the student's own answers say otherwise


def now_utc() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


def start_of_day(moment: _dt.datetime) -> _dt.datetime:
    """Local midnight before `moment` (the day a student counts in)."""
    local = moment.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True, slots=True)
class Feedback:
    """What the student sees after answering."""

    correct: bool | None  # None: rated by the student herself
    headline: str
    reason: str
    deciding: tuple[str, ...]
    sources: tuple[str, ...]

    def text(self) -> str:
        lines = [self.headline]
        if self.reason:
            lines.append(self.reason)
        if self.deciding:
            lines.append("Entscheidend: " + " | ".join(self.deciding))
        if self.sources:
            lines.append("Fundstellen: " + "; ".join(self.sources))
        return "\n".join(lines)


def feedback(card: Card, answer: str) -> Feedback:
    """The feedback for `answer` (ja / nein / offen; for a self-rated card: the self-rating)."""
    if answer not in ("ja", "nein", "offen") or (not card.self_rated and answer not in card.options):
        raise LawkitError(f"{answer!r} ist keine Antwort auf diese Karte; erwartet "
                          + (", ".join(card.options) if not card.self_rated else "ja, nein oder offen"))
    if card.self_rated:
        return Feedback(None, f"Selbst bewertet: {SELF_RATING_LABELS[answer]}.", card.back, (), card.sources)
    right = answer == card.expected
    headline = f"Richtig: {answer}." if right else f"Nicht ganz. Richtig ist: {card.expected}."
    return Feedback(right, headline, card.reason, card.deciding, card.sources)


def rating_for(card: Card, answer: str) -> Rating:
    if card.self_rated:
        return SELF_RATINGS[answer]
    return Rating.GUT if answer == card.expected else Rating.NOCHMAL


@dataclass(frozen=True, slots=True)
class Outcome:
    card: Card
    answer: str
    feedback: Feedback
    rating: Rating
    schedule: Schedule


@dataclass(frozen=True, slots=True)
class Today:
    """What is left today: due cards, new cards still allowed, and the answers so far."""

    due: int
    new: int
    answered: int
    right: int

    @property
    def total(self) -> int:
        return self.due + self.new


class Session:
    """Cards, the student's progress file, and a clock (replaceable for tests)."""

    def __init__(self, cards: Sequence[Card], store: ProgressStore, *,
                 clock: Callable[[], _dt.datetime] = now_utc, new_per_day: int = NEW_PER_DAY,
                 size: int = SESSION_SIZE) -> None:
        self.cards = tuple(cards)
        self.by_id = {c.id: c for c in self.cards}
        self.order = {c.id: i for i, c in enumerate(self.cards)}
        self.store = store
        self.clock = clock
        self.new_per_day = new_per_day
        self.size = size
        self.progress: dict[str, CardProgress] = store.load()
        day = start_of_day(clock())
        self._day = day
        self.new_today = sum(1 for p in self.progress.values() if p.introduced >= day)
        self.answered_today, self.right_today = store.answered_since(day)
        self.answered_in_session = 0
        self._last: str | None = None
        self._next_new = 0
        durations = store.durations()
        self.seconds_per_card = (statistics.median(durations) / 1000 if len(durations) >= 5
                                 else SECONDS_PER_CARD)

    def restrict(self, card_ids: Iterable[str]) -> None:
        """Train only these cards (e.g. one case)."""
        wanted = set(card_ids)
        self.cards = tuple(c for c in self.cards if c.id in wanted)
        self.by_id = {c.id: c for c in self.cards}
        self.order = {c.id: i for i, c in enumerate(self.cards)}
        self._next_new = 0

    def _roll_day(self, now: _dt.datetime) -> None:
        day = start_of_day(now)
        if day != self._day:
            self._day = day
            self.new_today = 0
            self.answered_today = self.right_today = 0

    def today(self) -> Today:
        now = self.clock()
        self._roll_day(now)
        due = sum(1 for cid, p in self.progress.items() if cid in self.by_id and p.due <= now)
        unseen = sum(1 for c in self.cards if c.id not in self.progress)
        new = max(0, min(self.new_per_day - self.new_today, unseen))
        return Today(due, new, self.answered_today, self.right_today)

    def minutes(self, cards: int) -> int:
        return max(1, round(cards * self.seconds_per_card / 60))

    @property
    def session_done(self) -> bool:
        return self.answered_in_session >= self.size

    def next_card(self) -> Card | None:
        """The card to show now, or None if nothing is due and no new card is allowed today."""
        now = self.clock()
        self._roll_day(now)
        due = [(p.due, self.order[cid], cid) for cid, p in self.progress.items()
               if cid in self.by_id and p.due <= now]
        if due:
            due.sort()
            pick = due[0][2]
            if pick == self._last and len(due) > 1:
                pick = due[1][2]
            return self.by_id[pick]
        if self.new_today < self.new_per_day:
            while self._next_new < len(self.cards):
                card = self.cards[self._next_new]
                if card.id not in self.progress:
                    return card
                self._next_new += 1
        ahead = [(p.due, self.order[cid], cid) for cid, p in self.progress.items()
                 if cid in self.by_id and p.learning and p.due <= now + LEARN_AHEAD]
        if ahead:
            return self.by_id[min(ahead)[2]]
        return None

    def answer(self, card: Card, answer: str, *, duration_ms: int | None = None) -> Outcome:
        """Judge an answer, schedule the card anew and save both (one transaction)."""
        result = feedback(card, answer)
        rating = rating_for(card, answer)
        now = self.clock()
        previous = self.progress.get(card.id)
        schedule = review(previous.state if previous else None, rating, now)
        correct = result.correct if result.correct is not None else rating >= Rating.SCHWER
        entry = ReviewEntry(card.id, card.topic, card.topic_label, card.norm, card.kind.value, answer,
                            card.expected, correct, int(rating), now, duration_ms)
        lapsed = previous is not None and not previous.learning and rating is Rating.NOCHMAL
        self.store.record(entry, schedule, lapsed=lapsed)
        self.progress[card.id] = CardProgress(
            card.id, schedule.state, schedule.due, schedule.learning,
            (previous.reviews if previous else 0) + 1, (previous.lapses if previous else 0) + int(lapsed),
            previous.introduced if previous else now)
        if previous is None:
            self.new_today += 1
        self.answered_today += 1
        self.right_today += int(correct)
        self.answered_in_session += 1
        self._last = card.id
        return Outcome(card, answer, result, rating, schedule)

    def chart_rows(self) -> list[tuple[str, int, int, int]]:
        """Per norm (in learning order): cards firm (in review), learning, not yet seen."""
        rows: dict[str, list[int]] = {}
        for card in self.cards:
            counts = rows.setdefault(card.norm, [0, 0, 0])
            progress = self.progress.get(card.id)
            if progress is None:
                counts[2] += 1
            elif progress.learning:
                counts[1] += 1
            else:
                counts[0] += 1
        return [(norm, firm, learning, unseen) for norm, (firm, learning, unseen) in rows.items()]


def kinds(cards: Iterable[Card]) -> dict[CardKind, int]:
    """How many cards of each kind (for the notebook's overview)."""
    out: dict[CardKind, int] = {}
    for card in cards:
        out[card.kind] = out.get(card.kind, 0) + 1
    return out
