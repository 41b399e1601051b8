"""Reading files that users give lawkit: only regular files, the size cap before reading, and
German messages that name the file and what was expected.

A path may name anything: a folder, a named pipe (FIFO) whose reader would block forever, a
device such as /dev/zero that never ends, a socket. `read_regular` opens without blocking,
checks what the open file *is* (fstat on the descriptor, so nothing can be swapped in between)
and reads at most `limit + 1` bytes, so no input can hang a command or fill the memory.

`decode_text` turns the bytes into text: UTF-8 (a BOM is fine), and for students' answers also
UTF-16 (with a BOM, or recognisable by its zero bytes) and Windows-1252 where that reading is
unambiguous. It returns a note for the teacher whenever it had to guess.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from lawkit.errors import AuthoringError

_KINDS = (
    (stat.S_ISDIR, "ein Ordner"),
    (stat.S_ISFIFO, "eine benannte Pipe (FIFO)"),
    (stat.S_ISCHR, "ein Gerät (zeichenorientiert)"),
    (stat.S_ISBLK, "ein Gerät (blockorientiert)"),
    (stat.S_ISSOCK, "ein Socket"),
)


def human_size(limit: int) -> str:
    """1_000_000 → '1 MB', 2_000_000 → '2 MB', 500_000 → '500 kB'."""
    if limit % 1_000_000 == 0:
        return f"{limit // 1_000_000} MB"
    if limit % 1_000 == 0:
        return f"{limit // 1_000} kB"
    return f"{limit} Bytes"


def kind_of(mode: int) -> str | None:
    """What a file of this mode is, in German; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in _KINDS:
        if test(mode):
            return name
    return "keine gewöhnliche Datei"


def read_regular(path: Path | str, *, limit: int, what: str, follow_links: bool = True) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; AuthoringError otherwise.

    `what` completes "erwartet …" in the messages (e.g. "eine Antwortdatei"). With
    follow_links=False a symbolic link is refused (students' files: a link could point at
    another student's answer or a system file)."""
    file = str(path)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        flags |= os.O_NOFOLLOW
    try:
        if not follow_links and os.path.islink(file):
            raise AuthoringError(file, "", f"die Datei ist ein symbolischer Link; erwartet {what} "
                                           "selbst (eine gewöhnliche Datei)")
        fd = os.open(file, flags)
    except FileNotFoundError:
        raise AuthoringError(file, "", f"die Datei gibt es nicht; erwartet {what}") from None
    except IsADirectoryError:
        raise AuthoringError(file, "", f"das ist ein Ordner; erwartet {what}") from None
    except OSError as exc:
        raise AuthoringError(file, "", f"die Datei kann nicht geöffnet werden ({_reason(exc)}); "
                                       f"erwartet {what}, die gelesen werden darf") from None
    try:
        info = os.fstat(fd)
        kind = kind_of(info.st_mode)
        if kind == "ein Ordner":
            raise AuthoringError(file, "", f"das ist ein Ordner; erwartet {what}")
        if kind is not None:
            raise AuthoringError(file, "", f"das ist {kind}, keine gewöhnliche Datei; erwartet {what}")
        if info.st_size > limit:
            raise AuthoringError(file, "", f"die Datei hat {info.st_size} Bytes; erwartet höchstens "
                                           f"{limit} Bytes ({human_size(limit)})")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            except BlockingIOError:  # pragma: no cover - regular files do not block
                continue
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # the file grew after fstat()
            raise AuthoringError(file, "", f"die Datei hat mehr als {limit} Bytes; erwartet höchstens "
                                           f"{human_size(limit)}")
        return b"".join(chunks)
    except OSError as exc:
        raise AuthoringError(file, "", f"die Datei kann nicht gelesen werden ({_reason(exc)})") from None
    finally:
        os.close(fd)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


# -- text --------------------------------------------------------------------------------------
UTF8_HINT = "speichern Sie die Datei als UTF-8 (in Windows-Editoren: „UTF-8“)"


def decode_text(raw: bytes, file: str, *, legacy: bool = False) -> tuple[str, str | None]:
    """(text, note): UTF-8 with or without BOM; with legacy=True also UTF-16 and unambiguous
    Windows-1252, each with a note saying how the file was read. Anything else: AuthoringError
    with the line and byte offset of the first byte that cannot be read."""
    utf16 = _utf16(raw)
    if utf16 is not None:
        if not legacy:
            raise AuthoringError(file, "", f"die Datei ist UTF-16 kodiert; erwartet UTF-8: {UTF8_HINT}")
        try:
            text = raw.decode(utf16)
        except UnicodeDecodeError:
            raise AuthoringError(file, "", f"die Datei sieht nach UTF-16 aus, enthält aber ungültige "
                                           f"Zeichen; erwartet UTF-8: {UTF8_HINT}") from None
        return text.removeprefix("\ufeff"), f"als UTF-16 gelesen (erwartet wird UTF-8; {UTF8_HINT})"
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start]
        cp1252 = _cp1252(raw)
        if legacy and cp1252 is not None:
            return cp1252, (f"nicht UTF-8, als Windows-1252 (cp1252) gelesen – erstes solches Zeichen "
                            f"{bytes([byte]).decode('cp1252')!r} in Zeile {line}; {UTF8_HINT}")
        guess = ""
        if cp1252 is not None:
            guess = (f" – sie sieht nach Windows-1252 (cp1252) aus, dort ist dieses Byte "
                     f"{bytes([byte]).decode('cp1252')!r}")
        raise AuthoringError(
            file, "",
            f"die Datei ist nicht UTF-8: das Byte 0x{byte:02x} an Stelle {exc.start} kann nicht gelesen "
            f"werden{guess}; erwartet UTF-8-Text: {UTF8_HINT}",
            line,
        ) from None


def _utf16(raw: bytes) -> str | None:
    """'utf-16' (with BOM), 'utf-16-le'/'utf-16-be' (recognised by zero bytes), or None."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if len(raw) < 4 or len(raw) % 2:
        return None
    sample = raw[:4000]
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _cp1252(raw: bytes) -> str | None:
    """The text as Windows-1252 where that reading is unambiguous: every byte defined in
    cp1252 and no control characters but tab and line breaks; None otherwise."""
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if any(ord(c) < 32 and c not in "\t\n\r" for c in text):
        return None
    return text.removeprefix("ï»¿")
