"""Students' answers (`answers/<id>.json` or `.yaml`): data only, validated against the library.

The format is fixed in docs/grading-formats.md. Every problem is an AuthoringError naming the
file, the line where known, the path inside the file and what was expected; nothing in an
answer is ever executed. JSON files are parsed with the json module (fast, for a whole class);
the line of a problem is looked up only when there is one.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from lawkit.errors import AuthoringError
from lawkit.loading.yaml_reader import describe
from lawkit.model.suggest import nearest

if TYPE_CHECKING:
    from lawkit.loading.library import Library
    from lawkit.model.norm import Element, Norm

MAX_ANSWER_BYTES = 1_000_000  # 1 MB: a typed case solution is a few kB
STUDENT_ID = re.compile(r"[A-Za-z0-9_-]{1,40}")
ANSWER_SUFFIXES = (".json", ".yaml", ".yml")

_TOP_REQUIRED = ("exercise", "student", "norms")
_TOP_OPTIONAL = ("name", "submitted", "konkurrenzen", "konkurrenzen_begruendung", "gesamtergebnis")


class Finding(StrEnum):
    """What an answer states for a norm (the first three) or an element (all four)."""

    ERFUELLT = "erfüllt"
    NICHT_ERFUELLT = "nicht erfüllt"
    OFFEN = "offen"
    DAHINSTEHEN = "kann dahinstehen"


NORM_FINDINGS = (Finding.ERFUELLT, Finding.NICHT_ERFUELLT, Finding.OFFEN)


@dataclass(frozen=True, slots=True)
class ElementAnswer:
    element: str
    result: Finding
    begruendung: str | None = None


@dataclass(frozen=True, slots=True)
class NormAnswer:
    norm: str
    result: Finding  # of the Tatbestand: erfüllt, nicht erfüllt or offen
    begruendung: str | None = None
    elements: tuple[ElementAnswer, ...] = ()

    def element(self, element_id: str) -> ElementAnswer | None:
        for answer in self.elements:
            if answer.element == element_id:
                return answer
        return None

    def texts(self) -> tuple[str, ...]:
        """Every free text of this norm: its Begründung and those of its elements."""
        out = [self.begruendung] if self.begruendung else []
        out.extend(e.begruendung for e in self.elements if e.begruendung)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class KonkurrenzAnswer:
    norm: str  # the displaced norm
    yields_to: str


@dataclass(frozen=True, slots=True)
class StudentAnswer:
    """One student's solution of one exercise (the `Answer` of docs/grading-formats.md)."""

    exercise: str
    student: str
    norms: tuple[NormAnswer, ...]
    name: str | None = None
    submitted: str | None = None
    konkurrenzen: tuple[KonkurrenzAnswer, ...] = ()
    konkurrenzen_begruendung: str | None = None
    applies: tuple[str, ...] | None = None  # None: no Gesamtergebnis given
    gesamtergebnis_text: str | None = None
    file: str | None = field(default=None, compare=False)

    def norm(self, norm_id: str) -> NormAnswer | None:
        for answer in self.norms:
            if answer.norm == norm_id:
                return answer
        return None

    def texts(self) -> tuple[str, ...]:
        """Every free text of the answer, in order."""
        out: list[str] = []
        for norm in self.norms:
            out.extend(norm.texts())
        out.extend(t for t in (self.konkurrenzen_begruendung, self.gesamtergebnis_text) if t)
        return tuple(out)

    def fingerprint(self) -> str:
        """sha256 of everything that is graded (not the student, the name, the date or the file):
        identical solutions have the same fingerprint."""
        payload = {
            "exercise": self.exercise,
            "norms": [
                [n.norm, n.result.value, n.begruendung,
                 [[e.element, e.result.value, e.begruendung] for e in n.elements]]
                for n in self.norms
            ],
            "konkurrenzen": [[k.norm, k.yields_to] for k in self.konkurrenzen],
            "konkurrenzen_begruendung": self.konkurrenzen_begruendung,
            "applies": None if self.applies is None else list(self.applies),
            "text": self.gesamtergebnis_text,
        }
        raw = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()


_INDEX: dict[int, tuple[Norm, dict[str, Element]]] = {}


def element_index(norm: Norm) -> dict[str, Element]:
    """The elements an answer may name for a norm (all but the root), by id, in schema order.
    Cached per norm object: a class of answers asks for the same norms again and again."""
    cached = _INDEX.get(id(norm))
    if cached is None or cached[0] is not norm:
        index: dict[str, Element] = {}
        for element in norm.elements():
            if element.id != norm.root.id:
                index.setdefault(element.id, element)
        cached = _INDEX[id(norm)] = (norm, index)
    return cached[1]


# -- reading -----------------------------------------------------------------------------------
def load_answer(path: Path | str, library: Library | None = None, *, text: str | None = None
                ) -> StudentAnswer:
    """Read and validate one answer file (JSON, or YAML for .yaml/.yml) against the library."""
    from lawkit.loading.library import default_library

    file = str(path)
    if text is None:
        text = read_answer_text(Path(path))
    if not text.strip():
        raise AuthoringError(file, "", "the file is empty; expected an answer (a mapping with "
                                       "exercise, student and norms)")
    data = _parse(file, text)
    return _Validator(file, text, library or default_library()).answer(data)


def read_answer_text(path: Path) -> str:
    """The text of an answer file: at most 1 MB, UTF-8 (a BOM is fine), never a folder or link."""
    file = str(path)
    try:
        if path.is_symlink():
            raise AuthoringError(file, "", "this is a symbolic link; expected the answer file itself")
        if path.is_dir():
            raise AuthoringError(file, "", "this is a folder; expected an answer file")
        size = path.stat().st_size
        if size > MAX_ANSWER_BYTES:
            raise AuthoringError(file, "", f"the file has {size} bytes; expected at most "
                                           f"{MAX_ANSWER_BYTES} (1 MB)")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AuthoringError(file, "", "no such file") from None
    except OSError as exc:
        raise AuthoringError(file, "", f"cannot read the file ({exc.strerror})") from None
    if len(raw) > MAX_ANSWER_BYTES:  # the file grew after stat()
        raise AuthoringError(file, "", f"the file has more than {MAX_ANSWER_BYTES} bytes; "
                                       "expected at most 1 MB")
    return decode_answer(raw, file)


def decode_answer(raw: bytes, file: str) -> str:
    """UTF-8 with or without BOM; Windows-1252 (cp1252) and other encodings are refused."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start]
        guess = ""
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            char = ""
        if char and not char.isascii():
            guess = f" – it looks like Windows-1252 (cp1252), where this byte is {char!r}"
        raise AuthoringError(
            file, "",
            f"the file is not UTF-8: byte 0x{byte:02x} at offset {exc.start} cannot be read{guess}; "
            "expected UTF-8 text: save the file as UTF-8 (in Windows editors: 'UTF-8')",
            line,
        ) from None


def _parse(file: str, text: str) -> object:
    if file.lower().endswith((".yaml", ".yml")):
        from lawkit.loading.yaml_reader import read_document

        return read_document(file, text=text).data
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise AuthoringError(file, "", f"not valid JSON: {exc.msg} (column {exc.colno}); expected "
                                       "a JSON object as written by the answer form", exc.lineno) from None
    except _DuplicateKey as exc:
        raise AuthoringError(file, "", f"the key {exc.key!r} is given twice in one object; expected "
                                       "each key once") from None
    except RecursionError:
        raise AuthoringError(file, "", "the JSON is nested too deeply; expected an answer") from None


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


class _Validator:
    """Checks parsed data against the format and the library; errors carry file, line and path."""

    def __init__(self, file: str, text: str, library: Library) -> None:
        self.file = file
        self.source = text
        self.library = library
        self._lines: dict[str, int] | None = None

    def error(self, path: str, problem: str) -> AuthoringError:
        return AuthoringError(self.file, path, problem, self._line(path))

    def _line(self, path: str) -> int | None:
        if self._lines is None:
            from lawkit.loading.yaml_reader import read_document

            try:  # JSON is YAML: the YAML reader knows the line of every path
                self._lines = read_document(self.file, text=self.source).lines
            except Exception:  # a line number is a courtesy, never a new failure
                self._lines = {}
        while path:
            if path in self._lines:
                return self._lines[path]
            path = re.sub(r"(\.[^.\[]*|\[\d+\])$", "", path)
        return self._lines.get("")

    # -- structure ----------------------------------------------------------------------------
    def mapping(self, value: object, path: str, required: tuple[str, ...],
                optional: tuple[str, ...]) -> dict[str, object]:
        known = (*required, *optional)
        if not isinstance(value, dict):
            raise self.error(path, f"expected a mapping with the keys {', '.join(required)}, got "
                                   f"{describe(value)}")
        for key in value:
            if key not in known:
                raise self.error(_child(path, key), f"unknown key {key!r}{nearest(str(key), known)}; "
                                                    f"expected one of {', '.join(known)}")
        for key in required:
            if key not in value:
                raise self.error(path, f"the key {key!r} is missing; expected it to be given")
        return value

    def text(self, value: object, path: str, *, optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if isinstance(value, _dt.date):  # YAML reads an unquoted date as a date
            return value.isoformat()
        if not isinstance(value, str):
            raise self.error(path, f"expected a text, got {describe(value)}")
        stripped = value.strip()
        if not stripped and not optional:
            raise self.error(path, "the text is empty; expected a text")
        return stripped or None

    def finding(self, value: object, path: str, allowed: tuple[Finding, ...]) -> Finding:
        for finding in allowed:
            if value == finding.value:
                return finding
        raise self.error(path, f"expected one of {', '.join(f.value for f in allowed)}, got "
                               f"{describe(value)}")

    def norm_id(self, value: object, path: str) -> str:
        if not isinstance(value, str):
            raise self.error(path, f"expected a norm id, got {describe(value)}")
        if value not in self.library.norms:
            raise self.error(path, f"unknown norm {value!r}{nearest(value, self.library.norms)}; "
                                   "expected a norm id of the library (see `lawkit norms`)")
        return value

    def list(self, value: object, path: str, what: str) -> list[object]:
        if not isinstance(value, list):
            raise self.error(path, f"expected a list of {what}, got {describe(value)}")
        return value

    # -- the answer ---------------------------------------------------------------------------
    def answer(self, data: object) -> StudentAnswer:
        top = self.mapping(data, "", _TOP_REQUIRED, _TOP_OPTIONAL)
        exercise = self.text(top["exercise"], "exercise")
        assert exercise is not None
        student = self.student(top["student"])
        norms = self.norms(top["norms"])
        konkurrenzen = ()
        if top.get("konkurrenzen") is not None:
            konkurrenzen = tuple(self.konkurrenz(item, f"konkurrenzen[{i}]") for i, item in
                                 enumerate(self.list(top["konkurrenzen"], "konkurrenzen",
                                                     "Konkurrenzen ({norm, yields_to})")))
        applies, text = None, None
        if top.get("gesamtergebnis") is not None:
            applies, text = self.gesamtergebnis(top["gesamtergebnis"])
        return StudentAnswer(
            exercise=exercise,
            student=student,
            norms=norms,
            name=self.text(top.get("name"), "name", optional=True),
            submitted=self.text(top.get("submitted"), "submitted", optional=True),
            konkurrenzen=konkurrenzen,
            konkurrenzen_begruendung=self.text(top.get("konkurrenzen_begruendung"),
                                               "konkurrenzen_begruendung", optional=True),
            applies=applies,
            gesamtergebnis_text=text,
            file=self.file,
        )

    def student(self, value: object) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise self.error("student", f"expected the Matrikelnummer as a text in quotes, e.g. "
                                        f"\"{value}\", got the number {value}")
        if not isinstance(value, str):
            raise self.error("student", f"expected the Matrikelnummer as a text, got {describe(value)}")
        if not STUDENT_ID.fullmatch(value):
            raise self.error("student", f"{describe(value)} is not a valid student id; expected 1 to "
                                        "40 letters, digits, '_' or '-' (the Matrikelnummer)")
        return value

    def norms(self, value: object) -> tuple[NormAnswer, ...]:
        out: list[NormAnswer] = []
        for i, item in enumerate(self.list(value, "norms", "examined norms")):
            answer = self.norm(item, f"norms[{i}]")
            if any(a.norm == answer.norm for a in out):
                raise self.error(f"norms[{i}].norm", f"the norm {answer.norm!r} is examined twice; "
                                                     "expected each norm at most once")
            out.append(answer)
        return tuple(out)

    def norm(self, value: object, path: str) -> NormAnswer:
        item = self.mapping(value, path, ("norm", "result"), ("begruendung", "elements"))
        norm_id = self.norm_id(item["norm"], f"{path}.norm")
        result = self.finding(item["result"], f"{path}.result", NORM_FINDINGS)
        elements: list[ElementAnswer] = []
        if item.get("elements") is not None:
            raw = item["elements"]
            if not isinstance(raw, dict):
                raise self.error(f"{path}.elements", "expected a mapping from element ids to "
                                                     f"{{result, begruendung}}, got {describe(raw)}")
            known = element_index(self.library.norm(norm_id))
            for element_id, element_value in raw.items():
                element_path = f"{path}.elements.{element_id}"
                if element_id not in known:
                    raise self.error(element_path, f"norm {norm_id!r} has no element {element_id!r}"
                                                   f"{nearest(str(element_id), known)}; expected an "
                                                   f"element id as in `lawkit show {norm_id}`")
                entry = self.mapping(element_value, element_path, ("result",), ("begruendung",))
                elements.append(ElementAnswer(
                    element_id,
                    self.finding(entry["result"], f"{element_path}.result", tuple(Finding)),
                    self.text(entry.get("begruendung"), f"{element_path}.begruendung", optional=True),
                ))
        return NormAnswer(norm_id, result,
                          self.text(item.get("begruendung"), f"{path}.begruendung", optional=True),
                          tuple(elements))

    def konkurrenz(self, value: object, path: str) -> KonkurrenzAnswer:
        item = self.mapping(value, path, ("norm", "yields_to"), ())
        norm = self.norm_id(item["norm"], f"{path}.norm")
        yields_to = self.norm_id(item["yields_to"], f"{path}.yields_to")
        if norm == yields_to:
            raise self.error(f"{path}.yields_to", f"a norm cannot yield to itself ({norm!r}); expected "
                                                  "the norm that displaces it")
        return KonkurrenzAnswer(norm, yields_to)

    def gesamtergebnis(self, value: object) -> tuple[tuple[str, ...], str | None]:
        item = self.mapping(value, "gesamtergebnis", ("applies",), ("text",))
        applies: list[str] = []
        for i, norm in enumerate(self.list(item["applies"], "gesamtergebnis.applies", "norm ids")):
            norm_id = self.norm_id(norm, f"gesamtergebnis.applies[{i}]")
            if norm_id in applies:
                raise self.error(f"gesamtergebnis.applies[{i}]", f"the norm {norm_id!r} is listed "
                                                                 "twice; expected each norm once")
            applies.append(norm_id)
        return tuple(applies), self.text(item.get("text"), "gesamtergebnis.text", optional=True)


def _child(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def answer_from_mapping(data: Mapping[str, object], library: Library | None = None,
                        file: str = "<answer>") -> StudentAnswer:
    """Validate an answer given as Python data (e.g. from the answer form) without a file."""
    from lawkit.loading.library import default_library

    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return _Validator(file, text, library or default_library()).answer(dict(data))
