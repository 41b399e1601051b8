"""A class's progress files summed up per Prüfungspunkt: which ones the class gets wrong most.

`lawkit progress FOLDER` reads every `*.sqlite` below FOLDER (the progress files collected from
the students' homes), read-only. What it writes holds counts only – learners, answers, wrong
answers per Prüfungspunkt – and no file name, hub user or Matrikelnummer. A file that cannot be
read (foreign, damaged, not SQLite) is reported with its reason and skipped; the rest counts.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from lawkit.errors import LawkitError
from lawkit.training.store import ProgressStore

CSV_NAME = "fortschritt.csv"
PLOT_NAME = "schwaechste_pruefungspunkte.png"
TOP = 10


@dataclass(frozen=True, slots=True)
class TopicRow:
    topic: str
    label: str
    learners: int  # files with at least one answer on it
    answers: int
    wrong: int

    @property
    def error_rate(self) -> float:
        return self.wrong / self.answers if self.answers else 0.0


@dataclass(frozen=True, slots=True)
class ClassReport:
    rows: tuple[TopicRow, ...]  # weakest first
    files: int  # progress files counted
    skipped: tuple[tuple[str, str], ...] = field(default=())  # (file, German reason), for the terminal

    def table(self, top: int | None = None) -> str:
        """The weakest Prüfungspunkte as a text table (German)."""
        rows = self.rows[:top] if top else self.rows
        lines = [f"Ausgewertet: {self.files} Fortschrittsdatei(en)"
                 + (f", {len(self.skipped)} übersprungen" if self.skipped else ""), ""]
        if not rows:
            lines.append("Noch keine Antworten.")
            return "\n".join(lines) + "\n"
        lines.append("Fehlerquote | falsch/Antworten | Lernende | Prüfungspunkt")
        for row in rows:
            lines.append(f"{_percent(row.error_rate):>11} | {row.wrong:>6}/{row.answers:<9} | "
                         f"{row.learners:>8} | {row.label}")
        return "\n".join(lines) + "\n"

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["pruefungspunkt", "bezeichnung", "lernende", "antworten", "falsch", "fehlerquote"])
        for row in self.rows:
            writer.writerow([row.topic, row.label, row.learners, row.answers, row.wrong,
                             f"{row.error_rate:.3f}"])
        return out.getvalue()

    def plot_png(self, top: int = TOP) -> bytes:
        """A horizontal bar chart of the weakest Prüfungspunkte (error rate), deterministic bytes."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        rows = list(self.rows[:top])[::-1]
        figure = Figure(figsize=(9, max(2.5, 0.45 * len(rows) + 1.2)), dpi=100)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        axes.barh([_short(r.label) for r in rows], [100 * r.error_rate for r in rows], color="#d1495b")
        for index, row in enumerate(rows):
            axes.text(100 * row.error_rate + 1, index, f"{row.wrong}/{row.answers}", va="center", fontsize=7)
        axes.set_xlim(0, 110)
        axes.set_xlabel("Anteil falscher Antworten (%)")
        axes.set_title(f"Die schwächsten Prüfungspunkte ({self.files} Lernende)")
        axes.tick_params(axis="y", labelsize=7)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()


def _percent(rate: float) -> str:
    return f"{100 * rate:.0f} %".replace(".", ",")


def _short(label: str, width: int = 60) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def progress_files(folder: Path | str) -> list[Path]:
    """The progress files below `folder` (`*.sqlite`, no symbolic links), in a fixed order."""
    base = Path(folder)
    if not base.is_dir():
        raise LawkitError(f"{base}: diesen Ordner gibt es nicht; erwartet den Ordner mit den gesammelten "
                          "Fortschrittsdateien (*.sqlite)")
    return sorted(p for p in base.rglob("*.sqlite") if p.is_file() and not p.is_symlink())


def class_report(folder: Path | str) -> ClassReport:
    """Sum up every progress file below `folder`; bad files are skipped and named in `skipped`."""
    totals: dict[str, list[int]] = {}
    labels: dict[str, str] = {}
    files = 0
    skipped: list[tuple[str, str]] = []
    for path in progress_files(folder):
        try:
            counts = ProgressStore(path, read_only=True).topic_counts()
        except LawkitError as exc:
            skipped.append((str(path), str(exc)))
            continue
        files += 1
        for count in counts:
            entry = totals.setdefault(count.topic, [0, 0, 0])
            entry[0] += 1
            entry[1] += count.answers
            entry[2] += count.wrong
            labels.setdefault(count.topic, count.label)
    rows = [TopicRow(topic, labels[topic], *values) for topic, values in totals.items()]
    rows.sort(key=lambda r: (-r.error_rate, -r.answers, r.topic))
    return ClassReport(tuple(rows), files, tuple(skipped))
