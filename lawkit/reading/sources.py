"""Prose answers: a Gutachten as Markdown (with front matter), plain text or a Word file.

The one reader and the one writer of the format (docs/grading-formats.md, "Gutachten"):
`read_prose(path)` returns a frozen `ProseDocument`; every problem is a `ProseError` (an
AuthoringError, so a batch reports it like any bad answer file) with a German message naming
the file and what was expected. Only a regular file is read (never a FIFO or a device), and the
size is checked before reading. `prose_file(text, …)` is the text of an `answers/<id>.md` with
its front matter, as the notebook's Gutachten editor saves it; `read_prose` reads it back.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from lawkit.errors import AuthoringError

MAX_PROSE_BYTES = 1_000_000  # 1 MB, as for structured answers: a Gutachten is some 10–60 kB
PROSE_SUFFIXES = (".md", ".txt", ".docx")
FRONT_MATTER_KEYS = ("exercise", "student", "name", "submitted")


class ProseError(AuthoringError):
    """A prose answer that cannot be read (the message is German and names the file)."""

    def __init__(self, file: str, problem: str, line: int | None = None) -> None:
        super().__init__(file, "", problem, line)


@dataclass(frozen=True, slots=True)
class ProseDocument:
    """A student's Gutachten: the text (spans refer to it) and where it came from."""

    text: str
    file: str | None = None
    kind: str = "text"  # "md", "txt", "docx" or "text" (given directly)
    exercise: str | None = None
    student: str | None = None
    name: str | None = None
    submitted: str | None = None
    front_matter: Mapping[str, str] = field(default_factory=dict)
    offset: int = 0  # where `text` begins in the decoded file (after the front matter)
    notes: tuple[str, ...] = ()  # how the file was read, for the teacher (e.g. "als UTF-16 gelesen")

    def __post_init__(self) -> None:
        object.__setattr__(self, "front_matter", MappingProxyType(dict(self.front_matter)))


def prose_text(text: str, *, file: str = "<Text>") -> ProseDocument:
    """A Gutachten given as a string (the notebook editor): same size rule as a file."""
    if not isinstance(text, str):
        raise TypeError(f"expected the Gutachten as str, got {type(text).__name__}")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_PROSE_BYTES:
        raise ProseError(file, _too_large(size))
    return ProseDocument(text=text.removeprefix("\ufeff"), file=None, kind="text")


def read_prose(path: Path | str, *, legacy: bool = False, follow_links: bool = True) -> ProseDocument:
    """Read `answers/<id>.md`, `.txt` or `.docx`; raise ProseError for anything else.

    With `legacy=True` (the grader) a text file in UTF-16 or unambiguous Windows-1252 is read
    with a note (`ProseDocument.notes`), as for structured answers; with `follow_links=False` a
    symbolic link is refused (students' files)."""
    from lawkit._files import read_regular

    path = Path(path)
    file = str(path)
    suffix = path.suffix.lower()
    if suffix not in PROSE_SUFFIXES:
        raise ProseError(file, f"unbekannte Dateiendung {path.suffix or '(keine)'!r}; erwartet wird "
                               "ein Gutachten als .md, .txt oder .docx")
    try:
        info = path.lstat() if not follow_links else path.stat()
    except FileNotFoundError:
        raise ProseError(file, "Die Datei gibt es nicht.") from None
    except OSError as exc:
        raise ProseError(file, f"Die Datei lässt sich nicht lesen ({exc.strerror}).") from None
    if path.is_dir() and (follow_links or not path.is_symlink()):
        raise ProseError(file, "Das ist ein Ordner; erwartet wird eine Datei mit dem Gutachten.")
    if info.st_size > MAX_PROSE_BYTES:
        raise ProseError(file, _too_large(info.st_size))
    try:
        raw = read_regular(path, limit=MAX_PROSE_BYTES, what="eine Datei mit dem Gutachten",
                           follow_links=follow_links)
    except AuthoringError as exc:
        raise ProseError(file, _sentence(exc.problem), exc.line) from None
    if suffix == ".docx":
        return _docx(raw, file)
    notes: tuple[str, ...] = ()
    if legacy:
        from lawkit._files import decode_text

        try:
            text, note = decode_text(raw, file, legacy=True)
        except AuthoringError as exc:
            raise ProseError(file, _sentence(exc.problem), exc.line) from None
        notes = (note,) if note else ()
    else:
        text = decode_prose(raw, file)
    document = _markdown(text, file) if suffix == ".md" else ProseDocument(text=text, file=file, kind="txt")
    return replace(document, notes=notes) if notes else document


def _sentence(problem: str) -> str:
    """A loader's message ("die Datei …; erwartet …") as a sentence of this module's messages."""
    return problem[:1].upper() + problem[1:] + ("" if problem.endswith(".") else ".")


def prose_file(text: str, *, exercise: str, student: str, name: str | None = None,
               submitted: str | None = None) -> str:
    """The text of `answers/<id>.md`: YAML front matter (exercise, student, name, submitted),
    then the Gutachten as written. `read_prose` reads exactly this back (the text unchanged)."""
    import json

    head = {"exercise": exercise, "student": student, "name": name, "submitted": submitted}
    # a JSON string is a YAML double-quoted scalar: every value is read back as the same text
    front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                    for key, value in head.items() if value)
    return f"---\n{front}---\n{text}"


def _too_large(size: int) -> str:
    return (f"Der Text ist {size / 1_000_000:.1f} MB groß; eine Bearbeitung darf höchstens "
            f"{MAX_PROSE_BYTES // 1_000_000} MB haben. Ist das wirklich das Gutachten (und nicht "
            "etwa eine eingebettete Grafik oder eine andere Datei)?")


def decode_prose(raw: bytes, file: str) -> str:
    """UTF-8 (a BOM is fine); anything else is refused with the place of the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = ""
        try:
            raw.decode("cp1252")
            hint = " Sie scheint in Windows-1252 (ANSI) gespeichert zu sein."
        except UnicodeDecodeError:
            pass
        raise ProseError(
            file,
            f"Die Datei ist nicht in UTF-8 gespeichert (Byte 0x{raw[exc.start]:02x} an Stelle "
            f"{exc.start}).{hint} Bitte im Editor als „UTF-8“ speichern.",
            line,
        ) from None


def prose_of_file_text(text: str, file: str) -> ProseDocument:
    """The ProseDocument of an `answers/<id>.md` given as its text (as `prose_file` makes it):
    read exactly as `read_prose` reads the file; ProseError if it is malformed or too large."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_PROSE_BYTES:
        raise ProseError(file, _too_large(size))
    return _markdown(text, file)


def front_matter_of(text: str, file: str) -> dict[str, str]:
    """The front matter of a .md Gutachten ({} without one); ProseError if it is malformed."""
    document = _markdown(text, file)
    return dict(document.front_matter)


def _markdown(text: str, file: str) -> ProseDocument:
    if not text.startswith("---"):
        return ProseDocument(text=text, file=file, kind="md")
    first_break = text.find("\n")
    if first_break < 0 or text[:first_break].strip() != "---":
        return ProseDocument(text=text, file=file, kind="md")
    end = text.find("\n---", first_break)
    if end < 0:
        raise ProseError(file, "Der Kopf (Front Matter) wird mit „---“ geöffnet, aber nicht "
                               "geschlossen; erwartet wird eine Zeile „---“ nach den Angaben.", 1)
    after = text.find("\n", end + 1)
    body_start = len(text) if after < 0 else after + 1
    values = _front_matter(text[first_break + 1:end], file)
    return ProseDocument(
        text=text[body_start:], file=file, kind="md",
        exercise=values.get("exercise"), student=values.get("student"), name=values.get("name"),
        submitted=values.get("submitted"), front_matter=values, offset=body_start,
    )


def _front_matter(block: str, file: str) -> dict[str, str]:
    import yaml  # deferred: keeps `import lawkit` light

    try:
        data = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        raise ProseError(file, "Der Kopf (Front Matter) ist kein gültiges YAML; erwartet werden "
                               "Zeilen wie „exercise: e01_geheimnis“.", line) from None
    if not isinstance(data, dict):
        raise ProseError(file, "Der Kopf (Front Matter) muss aus Zeilen „Schlüssel: Wert“ bestehen "
                               "(exercise, student, name).", 2)
    out: dict[str, str] = {}
    for key, value in data.items():
        if key not in FRONT_MATTER_KEYS:
            raise ProseError(file, f"unbekannte Angabe {key!r} im Kopf; erlaubt sind "
                                   + ", ".join(FRONT_MATTER_KEYS) + ".")
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise ProseError(file, f"Die Angabe {key!r} im Kopf muss ein Text sein.")
        out[str(key)] = str(value)
    return out


def _docx(raw: bytes, file: str) -> ProseDocument:
    """The paragraphs of a Word file, one per line (tables' cells too, in order)."""
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise ProseError(file, "Das ist keine Word-Datei (.docx): Der Inhalt ist kein "
                               "Office-Open-XML-Paket. Bitte in Word „Speichern unter … Word-Dokument "
                               "(.docx)“ wählen oder das Gutachten als .txt oder .md abgeben.")
    import docx  # python-docx; deferred
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ProseError(file, "Das ist keine lesbare Word-Datei (.docx): Das Paket enthält kein "
                               f"Word-Dokument ({exc.__class__.__name__}). Bitte erneut als "
                               "Word-Dokument speichern oder das Gutachten als .txt oder .md "
                               "abgeben.") from None
    lines: list[str] = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    text = "\n\n".join(line.strip() for line in lines if line.strip())
    size = len(text.encode("utf-8"))
    if size > MAX_PROSE_BYTES:
        raise ProseError(file, _too_large(size))
    return ProseDocument(text=text, file=file, kind="docx")
