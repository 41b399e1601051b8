"""Trainer: generating every card of the library, and one session's next card.

Run: `.venv/bin/python -m benchmarks.bench_training`. Measured in one process:

- all cards: `_build(library)` – every shipped case checked, its steps, Konkurrenz,
  Verfolgbarkeit and Streit cards, every hand-written variant and every generated Fallvariante
  (candidates composed and each solved by the engine), plus the definition and Meinungsstreit
  cards; median and the fastest of ROUNDS_BUILD runs, with the share spent generating variants;
- next card: `Session.next_card()` after a simulated month (DAYS daily sessions of 20 cards,
  every fourth answer wrong) read from the progress file, median and p95 of ROUNDS_NEXT calls;
  and one saved answer (SQLite transaction with full sync), median.

The figures are printed, not asserted.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.bench_widgets import _percentile

ROUNDS_BUILD = 7
ROUNDS_NEXT = 500
ROUNDS_SAVE = 30
DAYS = 30


def build_times(rounds: int = ROUNDS_BUILD) -> tuple[list[float], list[float], int]:
    from lawkit import default_library
    from lawkit.training.cards import _build
    from lawkit.training.variants import generate_variants

    library = default_library()
    cards = _build(library)  # warm: the library and fsrs are loaded once
    total, variants = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        _build(library)
        total.append(time.perf_counter() - start)
        start = time.perf_counter()
        for case_id in library.case_files:
            generate_variants(library.case(case_id), library)
        variants.append(time.perf_counter() - start)
    return total, variants, len(cards)


def session_times(folder: Path) -> tuple[list[float], list[float], int, int, int]:
    from lawkit.training.cards import library_cards
    from lawkit.training.session import Session
    from lawkit.training.store import ProgressStore

    cards = library_cards()
    moment = [dt.datetime(2025, 3, 3, 8, 0, tzinfo=dt.UTC)]

    def clock() -> dt.datetime:
        return moment[0]

    store = ProgressStore(folder / "training.sqlite")
    answered = 0
    for _day in range(DAYS):  # a student's month: one session a day, every fourth answer wrong
        session = Session(cards, store, clock=clock)
        while (card := session.next_card()) is not None and not session.session_done:
            wrong = answered % 4 == 0 and not card.self_rated
            answer = next(o for o in card.options if o != card.expected) if wrong else (card.expected or "ja")
            session.answer(card, answer)
            answered += 1
            moment[0] += dt.timedelta(seconds=40)
        moment[0] += dt.timedelta(days=1)
    session = Session(cards, store, clock=clock)  # the next day's session, read from the file
    due = session.today().due
    nexts = []
    for _ in range(ROUNDS_NEXT):
        start = time.perf_counter()
        session.next_card()
        nexts.append(time.perf_counter() - start)
    saves = []
    for _ in range(ROUNDS_SAVE):
        card = session.next_card()
        if card is None:
            break
        start = time.perf_counter()
        session.answer(card, card.expected or "ja")
        saves.append(time.perf_counter() - start)
    return nexts, saves, answered, len(session.progress), due


def main() -> None:
    total, variants, count = build_times()
    print(f"all cards of the library ({count} cards): median {1000 * statistics.median(total):.0f} ms, "
          f"fastest {1000 * min(total):.0f} ms over {len(total)} runs "
          f"(generated Fallvarianten alone: median {1000 * statistics.median(variants):.0f} ms)")
    with tempfile.TemporaryDirectory(prefix="lawkit-bench-training-") as folder:
        nexts, saves, answered, known, due = session_times(Path(folder))
    print(f"one session's next card ({answered} answers on {known} cards on file, {due} due): "
          f"median {1000 * statistics.median(nexts):.3f} ms, "
          f"p95 {1000 * _percentile(nexts, 0.95):.3f} ms over {len(nexts)} calls")
    print(f"one answer saved (one SQLite transaction, full sync): "
          f"median {1000 * statistics.median(saves):.1f} ms over {len(saves)} answers")


if __name__ == "__main__":
    main()
