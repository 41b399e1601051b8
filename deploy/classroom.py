"""Each student's own copy of the workbook: fill a home with notebooks/ and exercises/.

Used by the local hub (deploy/jupyterhub_config.py, as the spawner's pre_spawn_hook) and by the
Kubernetes image (a postStart hook runs `python /opt/lawkit/deploy/classroom.py /opt/lawkit
/home/jovyan`). One rule in both places: files that are missing are copied, a file or folder
the student already has is never touched, and symbolic links are never followed.

solutions/ and course/ (the master files with the solutions) are never copied, and neither is
anything named answers/ (a student's answers are the student's own) nor notebooks/src/ (the
sources the notebooks are built from).
"""

from __future__ import annotations

import argparse
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

WORKBOOK_DIRS: tuple[str, ...] = ("notebooks", "exercises")
"""The folders of the repository each student gets a copy of (nothing else)."""

SKIPPED_NAMES: frozenset[str] = frozenset(
    {"answers", ".ipynb_checkpoints", "__pycache__", ".git", ".pytest_cache", ".DS_Store"}
)
"""Names never copied at any depth: students' answers, caches, editor and VCS debris."""

SKIPPED_PATHS: frozenset[str] = frozenset({"notebooks/src"})
"""Folders never copied: the percent-format sources the notebooks are built from (students get
the built .ipynb files)."""

USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,39}$"
"""Hub user names: lower case, starting with a letter or digit; never '.', '..' or a path."""

_USERNAME = re.compile(USERNAME_PATTERN)


def is_valid_username(name: str) -> bool:
    """True for a name that is safe as one folder name under the homes folder."""
    return bool(_USERNAME.fullmatch(name))


@dataclass(frozen=True, slots=True)
class SeedReport:
    """What seeding one home did: paths relative to the home."""

    copied: tuple[str, ...]
    kept: tuple[str, ...]


def seed_home(source_root: Path, home: Path) -> SeedReport:
    """Copy every workbook file that is missing in home; keep everything that is there.

    A file is created with O_EXCL | O_NOFOLLOW, so an existing file or a link the student put
    in its place is never overwritten or followed. A folder that exists as anything but a real
    folder (a file, a link) is kept as it is and nothing is copied into it.
    """
    home.mkdir(parents=True, exist_ok=True)
    if home.is_symlink() or not home.is_dir():
        raise NotADirectoryError(f"{home}: not a folder")
    copied: list[str] = []
    kept: list[str] = []
    for top in WORKBOOK_DIRS:  # the folders exist even while the workbook has no file in them
        if (source_root / top).is_dir():
            _real_folders_up_to(home, home / top)
    for relative in _workbook_files(source_root):
        target = home / relative
        if not _real_folders_up_to(home, target.parent):
            kept.append(relative.as_posix())
            continue
        if _copy_new(source_root / relative, target):
            copied.append(relative.as_posix())
        else:
            kept.append(relative.as_posix())
    return SeedReport(tuple(copied), tuple(kept))


def workbook_files(source_root: Path) -> tuple[str, ...]:
    """The files (relative, POSIX) a fresh home receives from source_root."""
    return tuple(path.as_posix() for path in _workbook_files(source_root))


def _workbook_files(source_root: Path) -> Iterator[Path]:
    for top in WORKBOOK_DIRS:
        base = source_root / top
        if base.is_symlink() or not base.is_dir():
            continue
        for folder, dirs, files in os.walk(base):
            dirs[:] = sorted(d for d in dirs if not _skipped_folder(source_root, Path(folder, d)))
            for name in sorted(files):
                path = Path(folder, name)
                if name in SKIPPED_NAMES or path.is_symlink() or not path.is_file():
                    continue
                yield path.relative_to(source_root)


def _skipped_folder(source_root: Path, folder: Path) -> bool:
    return (
        folder.name in SKIPPED_NAMES
        or folder.relative_to(source_root).as_posix() in SKIPPED_PATHS
        or folder.is_symlink()
    )


def _real_folders_up_to(home: Path, folder: Path) -> bool:
    """Create the folders from home down to folder; False if one of them is not a real folder."""
    current = home
    for part in folder.relative_to(home).parts:
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            try:
                current.mkdir(mode=0o755)
            except FileExistsError:
                mode = os.lstat(current).st_mode
            else:
                continue
        if not stat.S_ISDIR(mode):
            return False
    return True


def _copy_new(source: Path, target: Path) -> bool:
    """Copy source to target if target does not exist (not even as a dangling link)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    try:
        fd = os.open(target, flags, 0o644)
    except FileExistsError:
        return False
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            while chunk := src.read(1 << 16):
                out.write(chunk)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Ergänzt fehlende Workbook-Dateien (notebooks/, exercises/) in einem "
        "Home-Verzeichnis, ohne vorhandene Dateien zu überschreiben."
    )
    parser.add_argument("source", type=Path, help="Repository mit notebooks/ und exercises/")
    parser.add_argument("home", type=Path, help="Home-Verzeichnis des Studierenden")
    args = parser.parse_args(argv)
    try:
        report = seed_home(args.source, args.home)
    except OSError as exc:
        print(f"classroom: {exc}", file=sys.stderr)
        return 2
    print(f"{len(report.copied)} Datei(en) kopiert, {len(report.kept)} vorhandene behalten ({args.home})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
