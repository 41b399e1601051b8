"""Students' answers: the one answer model for both forms, validated against the library.

An answer is either structured (`answers/<id>.json` or `.yaml`, as the answer form saves it) or
a Gutachten in prose (`answers/<id>.md` with front matter, `.txt`, `.docx`), read by
lawkit.reading into the same StudentAnswer (lawkit.grading.prose). The formats are fixed in
docs/grading-formats.md. Every problem is an AuthoringError naming the file, the line where
known, the path inside the file and what was expected; nothing in an answer is ever executed.
JSON files are parsed with the json module (fast, for a whole class); the line of a problem is
looked up only when there is one.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lawkit.coursework.model import NORM_FINDINGS, Finding
from lawkit.errors import AuthoringError
from lawkit.loading.yaml_reader import beschreibe
from lawkit.model.suggest import aehnlich

if TYPE_CHECKING:
    from lawkit.coursework.model import Exercise
    from lawkit.grading.prose import ProseAnswer
    from lawkit.loading.library import Library
    from lawkit.model.norm import Element, Norm
    from lawkit.reading.confirm import Correction

MAX_ANSWER_BYTES = 1_000_000  # 1 MB: a typed case solution is a few kB, a Gutachten some 10–60 kB
STUDENT_ID = re.compile(r"[A-Za-z0-9_-]{1,40}")
STRUCTURED_SUFFIXES = (".json", ".yaml", ".yml")
PROSE_SUFFIXES = (".md", ".txt", ".docx")  # = lawkit.reading.sources.PROSE_SUFFIXES
ANSWER_SUFFIXES = (*STRUCTURED_SUFFIXES, *PROSE_SUFFIXES)

_TOP_REQUIRED = ("exercise", "student", "norms")
_TOP_OPTIONAL = ("name", "submitted", "konkurrenzen", "konkurrenzen_begruendung", "gesamtergebnis")




@dataclass(frozen=True, slots=True)
class ElementAnswer:
    element: str
    result: Finding
    begruendung: str | None = None


@dataclass(frozen=True, slots=True)
class NormAnswer:
    norm: str
    result: Finding | None  # of the Tatbestand: erfüllt, nicht erfüllt or offen; None only where a
    # Gutachten examines the norm without a result the reader could read (see grading.prose)
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
    notes: tuple[str, ...] = field(default=(), compare=False)  # for the teacher: how it was read
    prose: ProseAnswer | None = field(default=None, compare=False)  # the Gutachten it was read from

    def norm(self, norm_id: str) -> NormAnswer | None:
        for answer in self.norms:
            if answer.norm == norm_id:
                return answer
        return None

    def texts(self) -> tuple[str, ...]:
        """Every free text of the answer, in order (a Gutachten: its whole text)."""
        if self.prose is not None:
            return (self.prose.text,) if self.prose.text.strip() else ()
        out: list[str] = []
        for norm in self.norms:
            out.extend(norm.texts())
        out.extend(t for t in (self.konkurrenzen_begruendung, self.gesamtergebnis_text) if t)
        return tuple(out)

    def fingerprint(self) -> str:
        """sha256 of everything that is graded (not the student, the name, the date or the file):
        identical solutions have the same fingerprint. A Gutachten: its text (what is read from
        it follows from the text; a teacher's correction of the reading is an Überdenken)."""
        if self.prose is not None:
            from lawkit.grading.prose import prose_fingerprint

            return prose_fingerprint(self.exercise, self.prose.text)
        payload = {
            "exercise": self.exercise,
            "norms": [
                [n.norm, n.result.value if n.result else None, n.begruendung,
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
MAX_DEPTH = 64  # an answer is at most five levels deep; far deeper nesting is an attack
MAX_DIGITS = 50  # no number in an answer needs more digits
WINDOWS_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])")
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def load_answer(path: Path | str, library: Library | None = None, *, text: str | None = None,
                exercise: Exercise | None = None, corrections: Sequence[Correction] = ()
                ) -> StudentAnswer:
    """Read and validate one answer file against the library: JSON, or YAML for .yaml/.yml; a
    Gutachten (.md, .txt, .docx) is read against `exercise` (a .md may name it in its front
    matter) with the teacher's `corrections` of the reading applied."""
    from lawkit.loading.library import default_library

    if text is None and Path(path).suffix.lower() in PROSE_SUFFIXES:
        from lawkit.grading.prose import load_prose_answer

        return load_prose_answer(path, library or default_library(), exercise=exercise,
                                 corrections=corrections)
    file = str(path)
    notes: tuple[str, ...] = ()
    if text is None:
        text, decoding = read_answer_text(Path(path))
        notes = (decoding,) if decoding else ()
    if not text.strip():
        raise AuthoringError(file, "", "die Datei ist leer; erwartet eine Antwort (eine Zuordnung mit "
                                       "exercise, student und norms)")
    data = _parse(file, text)
    answer = _Validator(file, text, library or default_library()).answer(data)
    return replace(answer, notes=(*notes, *answer.notes)) if notes else answer


def identity_of(file: str, raw: bytes) -> tuple[str | None, str | None]:
    """(student, submitted) as an answer file states them, read with the grader's own safe
    parser but without checking the rest (the collector ties answers to hub users with it).
    A Gutachten: the front matter of a .md; a .txt or .docx states neither (None, None).
    Raises AuthoringError if the file cannot be read as an answer at all."""
    from lawkit._files import decode_text

    suffix = Path(file).suffix.lower()
    if suffix in (".txt", ".docx"):
        return None, None
    text, _ = decode_text(raw, file, legacy=True)
    if suffix == ".md":
        from lawkit.reading.sources import front_matter_of

        values = front_matter_of(text, file)
        return values.get("student"), values.get("submitted")
    if not text.strip():
        raise AuthoringError(file, "", "die Datei ist leer; erwartet eine Antwort")
    data = _parse(file, text)
    if not isinstance(data, dict):
        raise AuthoringError(file, "", "erwartet eine Zuordnung mit exercise, student und norms")
    student, submitted = data.get("student"), data.get("submitted")
    if isinstance(submitted, _dt.date):
        submitted = submitted.isoformat()
    return (student if isinstance(student, str) else None,
            submitted if isinstance(submitted, str) else None)


def read_answer_text(path: Path) -> tuple[str, str | None]:
    """(text, note) of an answer file: a regular file of at most 1 MB, never a link; UTF-8 (a
    BOM is fine), or UTF-16 / unambiguous Windows-1252 with a note saying so."""
    from lawkit._files import decode_text, read_regular

    raw = read_regular(path, limit=MAX_ANSWER_BYTES, what="eine Antwortdatei", follow_links=False)
    return decode_text(raw, str(path), legacy=True)


_JSON_MESSAGES = (
    ("Expecting value", "hier fehlt ein Wert"),
    ("Expecting property name enclosed in double quotes",
     "hier wird ein Schlüssel in doppelten Anführungszeichen erwartet"),
    ("Expecting ',' delimiter", "hier fehlt ein Komma"),
    ("Expecting ':' delimiter", "hier fehlt ein Doppelpunkt"),
    ("Unterminated string starting at", "ein Text ohne schließendes Anführungszeichen"),
    ("Extra data", "nach dem Ende des Objekts folgt noch etwas"),
    ("Invalid control character at", "ein Steuerzeichen mitten in einem Text"),
    ("Invalid \\escape", "eine ungültige Escape-Sequenz (\\…)"),
    ("Invalid \\uXXXX escape", "eine ungültige Escape-Sequenz (\\u…)"),
)


def _json_message(msg: str) -> str:
    for english, german in _JSON_MESSAGES:
        if msg.startswith(english):
            return german
    return msg


class _LongNumber(Exception):
    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = digits


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _LongNumber(digits)
    return int(digits)


def _parse(file: str, text: str) -> object:
    if file.lower().endswith((".yaml", ".yml")):
        from lawkit.loading.yaml_reader import read_document

        data = read_document(file, text=text).data
    else:
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicates, parse_int=_bounded_int)
        except json.JSONDecodeError as exc:
            raise AuthoringError(file, "", f"kein gültiges JSON: {_json_message(exc.msg)} (Spalte "
                                           f"{exc.colno}); erwartet ein JSON-Objekt, wie es das "
                                           "Antwortformular schreibt", exc.lineno) from None
        except _DuplicateKey as exc:
            raise AuthoringError(file, "", f"der Schlüssel {_short(exc.key)} steht zweimal in einem "
                                           "Objekt; erwartet jeden Schlüssel einmal") from None
        except _LongNumber as exc:
            line = text[: text.find(exc.digits)].count("\n") + 1 if exc.digits in text else None
            raise AuthoringError(file, "", f"eine Zahl mit {len(exc.digits)} Ziffern; erwartet Zahlen "
                                           f"mit höchstens {MAX_DIGITS} Ziffern", line) from None
        except (RecursionError, ValueError):
            raise AuthoringError(file, "", "das JSON ist zu tief verschachtelt oder enthält einen "
                                           "unlesbaren Wert; erwartet eine Antwort im Format von "
                                           "docs/grading-formats.md") from None
    _check_values(file, text, data)
    return data


_Trail = tuple[object, object, bool] | None  # (the parent's trail, key or index, is an index)


def _trail_path(trail: _Trail) -> str:
    """The path of a value ("norms[0].elements.x") from its trail, built only for a message."""
    steps: list[tuple[object, bool]] = []
    while trail is not None:
        parent, step, index = trail
        steps.append((step, index))
        trail = parent  # type: ignore[assignment]  # the parent of a trail is a trail
    path = ""
    for step, index in reversed(steps):
        path = f"{path}[{step}]" if index else _child(path, step)
    return path


def _check_values(file: str, text: str, data: object) -> None:
    """Every text encodable (no lone surrogates), no deeper nesting than MAX_DEPTH (checked
    without recursion, so no input can exhaust the stack). Each value carries the trail to it;
    its path is written out only for the message of a bad one."""
    from lawkit.loading.yaml_reader import first_surrogate

    stack: list[tuple[object, _Trail, int]] = [(data, None, 0)]
    while stack:
        value, trail, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise AuthoringError(file, _trail_path(trail), f"die Daten sind tiefer als {MAX_DEPTH} Ebenen "
                                                           "verschachtelt; erwartet eine Antwort im Format "
                                                           "von docs/grading-formats.md")
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and first_surrogate(key) is not None:
                    raise _bad_text(file, _trail_path(trail), key)
                stack.append((item, (trail, key, False), depth + 1))
        elif isinstance(value, list):
            stack.extend((item, (trail, i, True), depth + 1) for i, item in enumerate(value))
        elif isinstance(value, str) and first_surrogate(value) is not None:
            raise _bad_text(file, _trail_path(trail), value)


def _bad_text(file: str, path: str, value: str) -> AuthoringError:
    from lawkit.loading.yaml_reader import first_surrogate

    at = first_surrogate(value) or 0
    return AuthoringError(file, path, f"der Text enthält ein ungültiges Unicode-Zeichen (einzelnes "
                                      f"Surrogat U+{ord(value[at]):04X} an Stelle {at}); erwartet "
                                      "gültigen Text (UTF-8)")


def _short(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def clean_name(name: str) -> tuple[str, bool]:
    """A student's name without terminal escapes and control characters (they must not reach
    file names, the CSV or a terminal); True if something was removed."""
    cleaned = _CONTROL.sub("", _ANSI.sub("", name))
    cleaned = " ".join(cleaned.split())
    return cleaned, cleaned != name.strip()


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
            parent = re.sub(r"(\.[^.\[]*|\[\d+\])$", "", path)
            path = "" if parent == path else parent  # a top-level key ("x") has no parent path
        return self._lines.get("")

    # -- structure ----------------------------------------------------------------------------
    def mapping(self, value: object, path: str, required: tuple[str, ...],
                optional: tuple[str, ...]) -> dict[str, object]:
        known = (*required, *optional)
        if not isinstance(value, dict):
            raise self.error(path, f"erwartet eine Zuordnung mit den Schlüsseln {', '.join(required)}, "
                                   f"gefunden: {beschreibe(value)}")
        for key in value:
            if key not in known:
                raise self.error(_child(path, key), f"unbekannter Schlüssel {_short(key)}"
                                                    f"{aehnlich(str(key), known)}; erwartet einen von "
                                                    f"{', '.join(known)}")
        for key in required:
            if key not in value:
                raise self.error(path, f"der Schlüssel {key!r} fehlt; erwartet, dass er angegeben ist")
        return value

    def text(self, value: object, path: str, *, optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if isinstance(value, _dt.date):  # YAML reads an unquoted date as a date
            return value.isoformat()
        if not isinstance(value, str):
            raise self.error(path, f"erwartet einen Text, gefunden: {beschreibe(value)}")
        stripped = value.strip()
        if not stripped and not optional:
            raise self.error(path, "der Text ist leer; erwartet einen Text")
        return stripped or None

    def finding(self, value: object, path: str, allowed: tuple[Finding, ...]) -> Finding:
        for finding in allowed:
            if value == finding.value:
                return finding
        raise self.error(path, f"erwartet einen von {', '.join(f.value for f in allowed)}, gefunden: "
                               f"{beschreibe(value)}")

    def norm_id(self, value: object, path: str) -> str:
        if not isinstance(value, str):
            raise self.error(path, f"erwartet eine Norm-ID, gefunden: {beschreibe(value)}")
        if value not in self.library.norms:
            raise self.error(path, f"unbekannte Norm {_short(value)}{aehnlich(value, self.library.norms)}; "
                                   "erwartet eine Norm-ID der Bibliothek (siehe `lawkit norms`)")
        return value

    def list(self, value: object, path: str, what: str) -> list[object]:
        if not isinstance(value, list):
            raise self.error(path, f"erwartet eine Liste ({what}), gefunden: {beschreibe(value)}")
        return value

    # -- the answer ---------------------------------------------------------------------------
    def answer(self, data: object) -> StudentAnswer:
        top = self.mapping(data, "", _TOP_REQUIRED, _TOP_OPTIONAL)
        exercise = self.text(top["exercise"], "exercise")
        assert exercise is not None
        student = self.student(top["student"])
        norms = self.norms(top["norms"])
        konkurrenzen: tuple[KonkurrenzAnswer, ...] = ()
        if top.get("konkurrenzen") is not None:
            konkurrenzen = tuple(self.konkurrenz(item, f"konkurrenzen[{i}]") for i, item in
                                 enumerate(self.list(top["konkurrenzen"], "konkurrenzen",
                                                     "Konkurrenzen: {norm, yields_to}")))
        applies, text = None, None
        if top.get("gesamtergebnis") is not None:
            applies, text = self.gesamtergebnis(top["gesamtergebnis"])
        name = self.text(top.get("name"), "name", optional=True)
        notes: tuple[str, ...] = ()
        if name is not None:
            name, cleaned = clean_name(name)
            if cleaned:
                notes = ("Steuerzeichen im Namen entfernt (name)",)
        return StudentAnswer(
            exercise=exercise,
            student=student,
            norms=norms,
            name=name or None,
            submitted=self.text(top.get("submitted"), "submitted", optional=True),
            konkurrenzen=konkurrenzen,
            konkurrenzen_begruendung=self.text(top.get("konkurrenzen_begruendung"),
                                               "konkurrenzen_begruendung", optional=True),
            applies=applies,
            gesamtergebnis_text=text,
            file=self.file,
            notes=notes,
        )

    def student(self, value: object) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise self.error("student", f"erwartet die Matrikelnummer als Text in Anführungszeichen, "
                                        f"gefunden: {beschreibe(value)}")
        if not isinstance(value, str):
            raise self.error("student", f"erwartet die Matrikelnummer als Text, gefunden: "
                                        f"{beschreibe(value)}")
        if not STUDENT_ID.fullmatch(value):
            raise self.error("student", f"{beschreibe(value)} ist keine gültige Matrikelnummer; erwartet "
                                        "1 bis 40 Buchstaben, Ziffern, '_' oder '-'")
        if WINDOWS_RESERVED.fullmatch(value):
            raise self.error("student", f"{beschreibe(value)} ist unter Windows ein reservierter "
                                        "Dateiname und daher als Matrikelnummer nicht zulässig; erwartet "
                                        "die Matrikelnummer")
        return value

    def norms(self, value: object) -> tuple[NormAnswer, ...]:
        out: list[NormAnswer] = []
        for i, item in enumerate(self.list(value, "norms", "geprüfte Normen")):
            answer = self.norm(item, f"norms[{i}]")
            if any(a.norm == answer.norm for a in out):
                raise self.error(f"norms[{i}].norm", f"die Norm {answer.norm!r} wird zweimal geprüft; "
                                                     "erwartet jede Norm höchstens einmal")
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
                raise self.error(f"{path}.elements", "erwartet eine Zuordnung von Merkmals-IDs zu "
                                                     f"{{result, begruendung}}, gefunden: {beschreibe(raw)}")
            known = element_index(self.library.norm(norm_id))
            for element_id, element_value in raw.items():
                element_path = f"{path}.elements.{element_id}"
                if element_id not in known:
                    raise self.error(element_path, f"die Norm {norm_id!r} hat kein Merkmal "
                                                   f"{_short(element_id)}{aehnlich(str(element_id), known)}; "
                                                   "erwartet eine Merkmals-ID wie in "
                                                   f"`lawkit show {norm_id}`")
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
            raise self.error(f"{path}.yields_to", f"eine Norm kann nicht hinter sich selbst zurücktreten "
                                                  f"({norm!r}); erwartet die Norm, die sie verdrängt")
        return KonkurrenzAnswer(norm, yields_to)

    def gesamtergebnis(self, value: object) -> tuple[tuple[str, ...], str | None]:
        item = self.mapping(value, "gesamtergebnis", ("applies",), ("text",))
        applies: list[str] = []
        for i, norm in enumerate(self.list(item["applies"], "gesamtergebnis.applies", "Norm-IDs")):
            norm_id = self.norm_id(norm, f"gesamtergebnis.applies[{i}]")
            if norm_id in applies:
                raise self.error(f"gesamtergebnis.applies[{i}]", f"die Norm {norm_id!r} steht zweimal in "
                                                                 "der Liste; erwartet jede Norm einmal")
            applies.append(norm_id)
        return tuple(applies), self.text(item.get("text"), "gesamtergebnis.text", optional=True)


def _child(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def answer_mapping(answer: StudentAnswer) -> dict[str, object]:
    """The answer as data in the schema of docs/grading-formats.md: the one writer of the format
    (the answer form saves with it), the inverse of answer_from_mapping. Parts not given are left
    out; a norm whose result is not stated (a Gutachten's open point) has the result None."""
    data: dict[str, object] = {"exercise": answer.exercise, "student": answer.student}
    if answer.name:
        data["name"] = answer.name
    if answer.submitted:
        data["submitted"] = answer.submitted
    norms: list[dict[str, object]] = []
    for norm in answer.norms:
        entry: dict[str, object] = {"norm": norm.norm, "result": norm.result.value if norm.result else None}
        if norm.begruendung:
            entry["begruendung"] = norm.begruendung
        if norm.elements:
            entry["elements"] = {e.element: _element_mapping(e) for e in norm.elements}
        norms.append(entry)
    data["norms"] = norms
    if answer.konkurrenzen:
        data["konkurrenzen"] = [{"norm": k.norm, "yields_to": k.yields_to} for k in answer.konkurrenzen]
    if answer.konkurrenzen_begruendung:
        data["konkurrenzen_begruendung"] = answer.konkurrenzen_begruendung
    if answer.applies is not None:
        gesamt: dict[str, object] = {"applies": list(answer.applies)}
        if answer.gesamtergebnis_text:
            gesamt["text"] = answer.gesamtergebnis_text
        data["gesamtergebnis"] = gesamt
    return data


def _element_mapping(element: ElementAnswer) -> dict[str, object]:
    data: dict[str, object] = {"result": element.result.value}
    if element.begruendung:
        data["begruendung"] = element.begruendung
    return data


def answer_from_mapping(data: Mapping[str, object], library: Library | None = None,
                        file: str = "<answer>") -> StudentAnswer:
    """Validate an answer given as Python data (e.g. from the answer form) without a file: the
    reader of the format (load_answer reads a file with it), the inverse of answer_mapping."""
    from lawkit.loading.library import default_library

    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    _check_values(file, text, dict(data))
    return _Validator(file, text, library or default_library()).answer(dict(data))
