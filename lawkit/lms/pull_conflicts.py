"""Tell the student where nbgitpuller kept the student's version over the lecturer's.

nbgitpuller merges the lecturer's repository into the student's copy with `git merge -Xours`:
where both changed the same lines, the student's lines win, silently. Nothing of the student's
is lost, but the lecturer's correction at that place never arrives and nobody says so. After
each pull this extension looks at the merge nbgitpuller made and, for every file where the
two versions really collided (a conflict `git merge-file` would report) or that the lecturer
deleted while the student had changed it:

- writes the lecturer's new version beside the student's, as `<name>.lehrkraft-<commit><ext>`
  (never overwriting a file);
- writes `KONFLIKTE.md` into the course folder, German, with what to do;
- adds a line per file to the pull's progress output.

Enabled in the students' servers by deploy/singleuser/jupyter_server_config.json.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from lawkit._atomic import write_atomic

REPORT_NAME = "KONFLIKTE.md"


@dataclass(frozen=True, slots=True)
class PullConflict:
    """One file where the lecturer's change did not arrive (paths relative to the course folder)."""

    path: str
    lecturer_copy: str | None
    """Where the lecturer's version was saved; None if the lecturer deleted the file."""


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, check=False,
                          env={**os.environ, "LANG": "C"})


def head(repo: Path) -> str | None:
    done = _git(repo, "rev-parse", "--verify", "-q", "HEAD")
    if done.returncode != 0:
        return None
    return done.stdout.decode().strip() or None


def _blob(repo: Path, rev: str, path: str) -> bytes | None:
    done = _git(repo, "show", f"{rev}:{path}")
    return done.stdout if done.returncode == 0 else None


def _changed(repo: Path, old: str, new: str) -> set[str]:
    done = _git(repo, "diff", "--name-only", "-z", old, new)
    return {name for name in done.stdout.decode("utf-8", "replace").split("\0") if name}


def _collides(mine: bytes, base: bytes, theirs: bytes) -> bool:
    """True if a plain three-way merge of the file reports a conflict."""
    with tempfile.TemporaryDirectory(prefix="lawkit-merge-") as tmp:
        paths = []
        for name, data in (("mine", mine), ("base", base), ("theirs", theirs)):
            path = Path(tmp, name)
            path.write_bytes(data)
            paths.append(str(path))
        done = subprocess.run(["git", "merge-file", "-p", "-q", *paths], capture_output=True, check=False)
    return done.returncode != 0


def find_conflicts(repo: Path, before: str | None) -> list[tuple[str, str, bool]]:
    """(path, lecturer commit, deleted) for each collision in the merge made since `before`."""
    after = head(repo)
    if before is None or after is None or after == before:
        return []
    parents = _git(repo, "rev-list", "--parents", "-n", "1", after).stdout.decode().split()[1:]
    if len(parents) != 2:  # fast-forward: the student had changed nothing
        return []
    mine, theirs = parents
    base = _git(repo, "merge-base", mine, theirs).stdout.decode().strip()
    if not base:
        return []
    found = []
    for path in sorted(_changed(repo, base, mine) & _changed(repo, base, theirs)):
        old, student, lecturer = _blob(repo, base, path), _blob(repo, mine, path), _blob(repo, theirs, path)
        if lecturer is None and student is not None:
            found.append((path, theirs, True))
        elif old is not None and student is not None and lecturer is not None and \
                _collides(student, old, lecturer):
            found.append((path, theirs, False))
    return found


def save_lecturer_copy(repo: Path, path: str, commit: str) -> str | None:
    """Write the lecturer's version beside the student's file; never overwrite anything."""
    data = _blob(repo, commit, path)
    if data is None:
        return None
    pure = PurePosixPath(path)
    copy = str(pure.with_name(f"{pure.stem}.lehrkraft-{commit[:7]}{pure.suffix}"))
    try:
        fd = os.open(repo / copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    except FileExistsError:
        return copy
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return copy


def report_conflicts(repo: Path, before: str | None) -> Iterator[str]:
    """After a pull: save the lecturer's versions, write KONFLIKTE.md, yield one line per file."""
    conflicts = []
    for path, commit, deleted in find_conflicts(repo, before):
        copy = None if deleted else save_lecturer_copy(repo, path, commit)
        conflicts.append(PullConflict(path, copy))
    if not conflicts:
        return
    lines = [message(conflict) for conflict in conflicts]
    stamp = datetime.now().strftime("%d.%m.%Y %H:%M")
    write_atomic(repo / REPORT_NAME, "\n".join([
        f"# Konflikte beim Aktualisieren am {stamp}",
        "",
        "Ihre eigenen Änderungen sind erhalten. An den folgenden Stellen hat die Lehrkraft dieselben",
        "Zeilen geändert wie Sie; dort gilt Ihre Fassung, die neue Fassung der Lehrkraft kam nicht an:",
        "",
        *[f"- {line}" for line in lines],
        "",
        "Vergleichen Sie beide Fassungen und übernehmen Sie, was Sie brauchen. Ihre gespeicherten",
        "Antworten (Ordner answers/) berührt das Aktualisieren nie.",
        "",
    ]))
    for line in lines:
        yield f"Konflikt: {line}\n"
    yield f"Konflikte: {len(conflicts)}, Übersicht in {REPORT_NAME}\n"


def message(conflict: PullConflict) -> str:
    if conflict.lecturer_copy is None:
        return (f"{conflict.path}: von der Lehrkraft entfernt, von Ihnen geändert; Ihre Fassung bleibt.")
    return (f"{conflict.path}: Sie und die Lehrkraft haben dieselbe Stelle geändert; Ihre Fassung bleibt, "
            f"die neue Fassung der Lehrkraft steht in {conflict.lecturer_copy}.")


def reporting_puller() -> type:
    """nbgitpuller's GitPuller, reporting conflicts after each update."""
    from nbgitpuller.pull import GitPuller

    class ReportingGitPuller(GitPuller):
        def update(self) -> Iterator[str]:
            repo = Path(self.repo_dir)
            before = head(repo)
            yield from super().update()
            yield from report_conflicts(repo, before)

    return ReportingGitPuller


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "lawkit.lms.pull_conflicts"}]


def _load_jupyter_server_extension(server_app: Any) -> None:
    try:
        import nbgitpuller.handlers as handlers
    except ImportError:
        server_app.log.warning("lawkit.lms.pull_conflicts: nbgitpuller is not installed")
        return
    handlers.GitPuller = reporting_puller()
    server_app.log.info("lawkit.lms.pull_conflicts: nbgitpuller reports conflicts in German")
