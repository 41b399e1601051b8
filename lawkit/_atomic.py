"""Atomic file writes: a reader sees the old file or the new one, never half of either.

Temporary files are named `.<target>.lawkit-<pid>.<random>.tmp` in the target's folder, so a
later run can recognise the leftovers of a killed process (`remove_stale_temporaries`): they
may hold personal data (feedback, a student's answer) and must not linger.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from collections.abc import Iterable
from pathlib import Path

_TEMP = re.compile(r"^\.(?P<target>.+)\.lawkit-(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")
_OLD_TEMP = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp$")  # mkstemp names of earlier versions
_OLD_AGE = 3600.0
FEW = 8  # up to this many files are flushed one by one; a larger batch is flushed at once


def temp_path(target: Path) -> Path:
    """A fresh temporary path beside target, in the naming `remove_stale_temporaries` knows."""
    return target.parent / f".{target.name}.lawkit-{os.getpid()}.{secrets.token_hex(4)}.tmp"


def _mode(target: Path, private: bool) -> int:
    """The new file's permissions: those of the file it replaces; else 0600 for personal data
    (answers, grades, feedback) and the usual 0666 minus the umask for shared files."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        pass
    if private:
        return 0o600
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _write_temp(target: Path, payload: bytes, *, durable: bool, private: bool = True) -> Path:
    tmp = temp_path(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        mode = _mode(target, private)
        if mode != 0o600:
            os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def write_atomic(path: Path | str, data: str | bytes, *, encoding: str = "utf-8",
                 private: bool = True) -> Path:
    """Write data to path via a temporary file in the same folder, fsync and os.replace().

    The folder is created if needed. On any error the temporary file is removed and the old
    file (if any) is left untouched. A replaced file keeps its permissions; a new one is 0600
    unless `private=False` (generated notebooks, pictures: files everybody may read)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode(encoding) if isinstance(data, str) else data
    tmp = _write_temp(target, payload, durable=True, private=private)
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return target


def write_many_atomic(items: Iterable[tuple[Path, str | bytes]], *, encoding: str = "utf-8") -> list[Path]:
    """Write several files atomically with one flush to disk instead of one per file: every
    temporary file is written, then synced once, then each is renamed into place and the
    folders are synced. A crash leaves each target either old or new, never half."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in items:
            target = Path(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            payload = data.encode(encoding) if isinstance(data, str) else data
            staged.append((_write_temp(target, payload, durable=len(staged) < FEW), target))
        if len(staged) > FEW:
            os.sync()  # one flush of everything instead of one per file
        for tmp, target in staged:
            os.replace(tmp, target)
    except BaseException:
        for tmp, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    for folder in {target.parent for _, target in staged}:
        sync_folder(folder)
    return [target for _, target in staged]


def sync_folder(folder: Path) -> None:
    """Make the renames in a folder durable (best effort where the OS has no folder fsync)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(folder: Path | str) -> list[Path]:
    """Remove temporary files of lawkit's own naming left in `folder` by a process that no
    longer runs (e.g. after kill -9); returns what was removed. Nothing else is touched."""
    base = Path(folder)
    removed: list[Path] = []
    try:
        names = os.listdir(base)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        match = _TEMP.match(name)
        path = base / name
        try:
            if match is not None:
                if _alive(int(match.group("pid"))):
                    continue
            elif _OLD_TEMP.match(name) is None or now - path.lstat().st_mtime < _OLD_AGE:
                continue
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed
