"""`lawkit progress FOLDER`: a class's progress files summed up per Prüfungspunkt – counts only,
no names in anything written; bad files are named on the terminal and the batch goes on."""

from __future__ import annotations

import csv
import datetime as dt
import io

from lawkit.cli import main
from lawkit.training.cards import library_cards
from lawkit.training.session import Session
from lawkit.training.store import ProgressStore

T0 = dt.datetime(2025, 3, 3, 8, 0, tzinfo=dt.UTC)


def _student(path, answers):
    """A progress file with the given answers to the first cards (True: right)."""
    cards = [c for c in library_cards() if not c.self_rated]
    session = Session(cards, ProgressStore(path), clock=lambda: T0, new_per_day=100, size=100)
    for card, right in zip(cards, answers, strict=False):
        wrong = next(o for o in card.options if o != card.expected)
        session.answer(card, card.expected if right else wrong)
    return cards


def test_the_weakest_pruefungspunkte_of_a_class_without_names(tmp_path, capsys):
    folder = tmp_path / "gesammelt"
    cards = _student(folder / "1234567.sqlite", [False, True, True])
    _student(folder / "7654321" / "training.sqlite", [False, False])
    (folder / "9999999.sqlite").write_bytes(b"kein SQLite" * 50)
    out = tmp_path / "auswertung"
    code = main(["progress", str(folder), "--out", str(out)])
    stdout, stderr = capsys.readouterr()
    assert code == 1  # one file skipped
    assert stderr == (f"übersprungen: {folder / '9999999.sqlite'}: Lernstand des Trainers: die Datei ist keine "
                      "SQLite-Datenbank; erwartet die SQLite-Datei, die der Trainer angelegt hat, auf einem "
                      "beschreibbaren Datenträger\n")
    first, second, third = cards[:3]
    assert stdout.splitlines()[:6] == [
        "Ausgewertet: 2 Fortschrittsdatei(en), 1 übersprungen",
        "",
        "Fehlerquote | falsch/Antworten | Lernende | Prüfungspunkt",
        f"      100 % |      2/2         |        2 | {first.topic_label}",
        f"       50 % |      1/2         |        2 | {second.topic_label}",
        f"        0 % |      0/1         |        1 | {third.topic_label}",
    ]
    rows = list(csv.reader(io.StringIO((out / "fortschritt.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["pruefungspunkt", "bezeichnung", "lernende", "antworten", "falsch", "fehlerquote"]
    assert rows[1] == [first.topic, first.topic_label, "2", "2", "2", "1.000"]
    png = (out / "schwaechste_pruefungspunkte.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    for written in (out / "fortschritt.csv").read_bytes() + png, stdout.encode():
        for name in (b"1234567", b"7654321", b"9999999", b"gesammelt"):
            assert name not in written
    assert sorted(p.name for p in out.iterdir()) == ["fortschritt.csv", "schwaechste_pruefungspunkte.png"]


def test_progress_files_are_only_read(tmp_path, capsys):
    path = tmp_path / "a.sqlite"
    _student(path, [True])
    before = path.read_bytes()
    assert main(["progress", str(tmp_path)]) == 0
    assert path.read_bytes() == before
    assert capsys.readouterr().out.startswith("Ausgewertet: 1 Fortschrittsdatei(en)\n")


def test_usage_errors_are_german_and_exit_2(tmp_path, capsys):
    assert main(["progress", str(tmp_path / "fehlt")]) == 2
    assert capsys.readouterr().err == (f"lawkit progress: {tmp_path / 'fehlt'}: diesen Ordner gibt es nicht; "
                                       "erwartet den Ordner mit den gesammelten Fortschrittsdateien (*.sqlite)\n")
    assert main(["progress", str(tmp_path), "--top", "0"]) == 2
    assert "erwartet eine Zahl ab 1" in capsys.readouterr().err
    assert main(["progress", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "Ausgewertet: 0 Fortschrittsdatei(en)\n\nNoch keine Antworten.\n"
