"""`kill -9` at random points of a 2,000-answer batch, then a re-run: the gradebook is intact,
every student is graded exactly once, grades.csv = gradebook = feedback, and no temporary file
with personal data is left behind (issue 11)."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lawkit.grading import Gradebook

DATA = Path(__file__).parent / "data" / "grading"
EXERCISE = str(DATA / "course" / "g_konkurrenz.yaml")
ROOT = Path(__file__).resolve().parent.parent
STUDENTS = 2000


def _class(folder: Path, rng: random.Random) -> None:
    base = json.loads((DATA / "answers" / "konkurrenz_perfect.json").read_text(encoding="utf-8"))
    folder.mkdir()
    for i in range(STUDENTS):
        answer = json.loads(json.dumps(base))
        answer["student"] = f"{100000 + i}"
        answer["name"] = f"Person {i}"
        for norm in answer["norms"]:
            norm["result"] = rng.choice(["erfüllt", "erfüllt", "nicht erfüllt", "offen"])
        (folder / f"{i:04d}.json").write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")


def _grade(subs: Path, out: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", "import sys; from lawkit.cli import main; "
                             "sys.exit(main(sys.argv[1:]))", "grade", EXERCISE, str(subs), "--out", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


@pytest.mark.slow
def test_kill_9_at_random_points_then_a_rerun_is_consistent(tmp_path):
    rng = random.Random(20261130)  # derandomised: the same kill points on every run
    subs = tmp_path / "abgaben"
    _class(subs, rng)
    out = tmp_path / "noten"
    started = time.perf_counter()
    full = _grade(subs, tmp_path / "probe")
    assert full.wait(timeout=600) == 0, full.stderr.read()
    duration = time.perf_counter() - started
    killed = 0
    for fraction in sorted(rng.uniform(0.1, 0.95) for _ in range(3)):
        process = _grade(subs, out)
        time.sleep(duration * fraction)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            killed += 1
        process.wait(timeout=60)
    assert killed >= 2, "the batch finished before it could be killed; the test measures nothing"
    final = _grade(subs, out)
    assert final.wait(timeout=600) == 0, final.stderr.read()

    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    with Gradebook(out / "gradebook.sqlite") as book:
        assert book.integrity() == []
        current = {e.student: e for e in book.current_grades(exercise="g_konkurrenz")}
        # re-runs add nothing for unchanged answers: each student has exactly one entry
        assert len(book.entries(exercise="g_konkurrenz")) == STUDENTS
    rows = list(csv.DictReader(io.StringIO((out / "grades.csv").read_text(encoding="utf-8"))))
    assert [r["ID number"] for r in rows] == sorted(current)
    assert len(rows) == STUDENTS
    for row in rows:
        entry = current[row["ID number"]]
        assert int(row["Punkte"]) == entry.points
        feedback = (out / "feedback" / f"{entry.student}.md").read_text(encoding="utf-8")
        assert re.search(rf"^\*\*{entry.points} Punkte – ", feedback, flags=re.MULTILINE), entry.student
        assert row["Feedback"].startswith(f"{entry.points} Punkte ({entry.label})")
    assert len(list((out / "feedback").glob("*.md"))) == STUDENTS
