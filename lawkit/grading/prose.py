"""Prose answers in the one answer model: a Gutachten (`answers/<id>.md`, `.txt`, `.docx`) read
by lawkit.reading into a StudentAnswer the grader grades by the same rules as the form.

What the text concludes with confidence becomes the answer's results (norms, elements,
Konkurrenzen, Gesamtergebnis); every point the text discusses without a result the grader can
use is kept in `ProseAnswer.open_points` — "nicht sicher erkannt" (the reader is unsure: never
deducted) or "ohne Ergebnis" (discussed, no result stated) — so that the grader never calls a
discussed point "nicht erörtert" (BVerwG 6 B 71.17 Rn. 10: the work is to be taken note of
completely). The teacher's corrections of the reading (lawkit.reading.confirm) are applied
before the answer is derived.

A structured answer's free texts (its Begründungen) are read the same way where the exercise
grades the Darstellung (`form_reading`): the same rubric for every submission (Rn. 8).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lawkit.coursework.model import Finding
from lawkit.errors import AuthoringError, LawkitError
from lawkit.grading.answers import (
    STUDENT_ID,
    WINDOWS_RESERVED,
    ElementAnswer,
    KonkurrenzAnswer,
    NormAnswer,
    StudentAnswer,
    clean_name,
    element_index,
)
from lawkit.reading.model import Conclusion, Reading, Span

if TYPE_CHECKING:
    from lawkit.coursework.model import Exercise
    from lawkit.loading.library import Library
    from lawkit.model.case import Case
    from lawkit.model.norm import Norm
    from lawkit.reading.confirm import Correction
    from lawkit.reading.sources import ProseDocument

UNSURE = "nicht sicher erkannt"
WITHOUT_RESULT = "ohne Ergebnis"
QUOTE_LIMIT = 220  # characters of a quoted sentence in a deduction

_FINDING = {Conclusion.ERFUELLT: Finding.ERFUELLT, Conclusion.NICHT_ERFUELLT: Finding.NICHT_ERFUELLT,
            Conclusion.OFFEN: Finding.OFFEN, Conclusion.DAHINSTEHEN: Finding.DAHINSTEHEN}


@dataclass(frozen=True, slots=True)
class OpenPoint:
    """A point the text discusses without a result the grader can use."""

    norm: str
    element: str | None
    status: str  # UNSURE or WITHOUT_RESULT
    span: Span


@dataclass(frozen=True, slots=True)
class ProseAnswer:
    """The Gutachten behind a StudentAnswer: the document, its reading (with the teacher's
    corrections applied) and the points discussed without a usable result."""

    document: ProseDocument
    reading: Reading
    corrections: tuple[Correction, ...] = ()
    open_points: tuple[OpenPoint, ...] = field(default=())

    @property
    def text(self) -> str:
        return self.document.text

    def open_point(self, norm: str, element: str | None = None) -> OpenPoint | None:
        return next((p for p in self.open_points if p.norm == norm and p.element == element), None)

    def quote(self, span: Span) -> tuple[str, str]:
        """(the sentence as the student wrote it, shortened; where it stands: "B. I. 2.")."""
        return quote_of(self.reading, span)


def quote_of(reading: Reading, span: Span) -> tuple[str, str]:
    from lawkit.reading.confirm import place_of

    text = " ".join(span.of(reading.text).split())
    if len(text) > QUOTE_LIMIT:
        text = text[:QUOTE_LIMIT - 1].rstrip() + "…"
    return text, place_of(reading.blocks, span.start)


# -- reading a file -----------------------------------------------------------------------------

def load_prose_answer(path: Path | str, library: Library, *, exercise: Exercise | None,
                      corrections: Sequence[Correction] = ()) -> StudentAnswer:
    """Read `answers/<id>.md`, `.txt` or `.docx` as the answer to `exercise` (the batch's or
    the command's; a .md names it in its front matter too). Every problem is an
    AuthoringError (German) naming the file."""
    from lawkit.reading.sources import read_prose

    document = read_prose(path, legacy=True, follow_links=False)
    return prose_answer(document, library, exercise=exercise, corrections=corrections)


def prose_fingerprint(exercise: str, text: str) -> str:
    """The fingerprint of a Gutachten (StudentAnswer.fingerprint): its exercise and its text."""
    import hashlib
    import json

    raw = json.dumps({"exercise": exercise, "gutachten": text}, ensure_ascii=False, sort_keys=True,
                     separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def prose_identity(document: ProseDocument) -> tuple[str, tuple[str, ...]]:
    """The student of a Gutachten file: `student` of the front matter, else the file's name
    (as the collector names it: `<Matrikelnummer>.txt`), with a note saying so. AuthoringError
    (German) if neither is a valid Matrikelnummer."""
    file = document.file or "<Text>"
    notes: list[str] = []
    student = document.student
    where = "student (im Kopf)"
    if student is None:
        student = Path(file).stem
        where = "der Dateiname"
        notes.append(f"Matrikelnummer {student} aus dem Dateinamen übernommen (die Datei hat keinen Kopf "
                     "mit student)")
    if not STUDENT_ID.fullmatch(student):
        raise AuthoringError(file, "student" if document.student is not None else "",
                             f"{where} {student!r} ist keine gültige Matrikelnummer; erwartet 1 bis 40 "
                             "Buchstaben, Ziffern, '_' oder '-' (ein Gutachten ohne Kopf heißt wie die "
                             "Matrikelnummer, z. B. 1234567.txt)")
    if WINDOWS_RESERVED.fullmatch(student):
        raise AuthoringError(file, "student", f"{student!r} ist unter Windows ein reservierter Dateiname "
                                              "und daher als Matrikelnummer nicht zulässig; erwartet die "
                                              "Matrikelnummer")
    return student, tuple(notes)


def prose_answer(document: ProseDocument, library: Library, *, exercise: Exercise | None,
                 corrections: Sequence[Correction] = ()) -> StudentAnswer:
    """The StudentAnswer a Gutachten gives: read against the exercise, corrected by the teacher."""
    file = document.file or "<Text>"
    if exercise is None:
        if document.exercise is None:
            raise AuthoringError(file, "exercise", "ein Gutachten wird gegen eine Aufgabe gelesen, die Datei "
                                                   "nennt aber keine (exercise im Kopf); erwartet die "
                                                   "Aufgabe im Kopf oder beim Aufruf")
        from lawkit.coursework.loading import find_exercise

        try:
            exercise = find_exercise(document.exercise, library=library)
        except LawkitError as exc:
            raise AuthoringError(file, "exercise", f"unbekannte Aufgabe {document.exercise!r} ({exc}); "
                                                   "erwartet die ID einer Aufgabe in course/") from None
    student, notes = prose_identity(document)
    name = None
    if document.name:
        name, cleaned = clean_name(document.name)
        if cleaned:
            notes += ("Steuerzeichen im Namen entfernt (name)",)
    reading = read_for(document, exercise, library)
    if corrections:
        from lawkit.reading.confirm import correct

        try:
            reading = correct(reading, corrections, library)
        except ValueError as exc:
            raise LawkitError(f"{file}: {exc}") from None
    answer = answer_from_reading(reading, library, exercise=document.exercise or exercise.id,
                                 student=student, name=name or None, submitted=document.submitted,
                                 file=document.file)
    prose = ProseAnswer(document, reading, tuple(corrections), open_points(reading, library))
    from dataclasses import replace

    return replace(answer, prose=prose, notes=(*document.notes, *notes, *_messages(reading)))


def _messages(reading: Reading) -> tuple[str, ...]:
    """The reader's remarks on the text as a whole that the teacher should see in errors.txt
    (a text in another language, no norm of the exercise examined)."""
    keep = ("Der Text scheint nicht auf Deutsch", "In der Bearbeitung wurde keine Prüfung",
            "Die Bearbeitung enthält keinen Text")
    return tuple(f"Gutachten: {m}" for m in reading.messages if m.startswith(keep))


_NORMS: dict[tuple[int, int], tuple[Exercise, Library, tuple[Norm, ...], Case]] = {}


def _exercise_norms(exercise: Exercise, library: Library) -> tuple[tuple[Norm, ...], Case]:
    """The exercise's norms and case (cached per exercise object: a class reads the same)."""
    key = (id(exercise), id(library))
    hit = _NORMS.get(key)
    if hit is None or hit[0] is not exercise or hit[1] is not library:
        ids = (*exercise.solution.required_ids, *exercise.solution.optional)
        if len(_NORMS) > 64:
            _NORMS.clear()
        hit = _NORMS[key] = (exercise, library, tuple(library.norm(i) for i in ids), exercise.case(library))
    return hit[2], hit[3]


def read_for(text: str | ProseDocument, exercise: Exercise, library: Library) -> Reading:
    """Read a Gutachten against an exercise: its required and optional norms, its Sachverhalt."""
    from lawkit.reading.reader import read_gutachten

    norms, case = _exercise_norms(exercise, library)
    return read_gutachten(text, norms=norms, library=library, case=case)


def _text(reading: Reading, spans: Sequence[Span]) -> str | None:
    text = " ".join(" ".join(span.of(reading.text).split()) for span in spans).strip()
    return text or None


def answer_from_reading(reading: Reading, library: Library, *, exercise: str, student: str,
                        name: str | None = None, submitted: str | None = None,
                        file: str | None = None) -> StudentAnswer:
    """The results the text states with confidence, in the answer format (docs/grading-formats.md).
    A norm whose result the text does not state (or states unsure) has `result=None`; an
    element without a usable result is left out (see open_points)."""
    norms: list[NormAnswer] = []
    for norm in reading.norms:
        if norm.norm not in library.norms or any(n.norm == norm.norm for n in norms):
            continue
        known = element_index(library.norm(norm.norm))
        elements = tuple(ElementAnswer(e.element, _FINDING[e.conclusion], _text(reading, e.spans))
                         for e in norm.elements
                         if e.conclusion is not None and not e.unsure and e.element in known)
        result = None
        if norm.conclusion is not None and not norm.unsure:
            # a norm the Bearbeitervermerk asks for cannot "dahinstehen": read as "offen"
            result = Finding.OFFEN if norm.conclusion is Conclusion.DAHINSTEHEN else _FINDING[norm.conclusion]
        norms.append(NormAnswer(norm.norm, result, _text(reading, norm.spans), elements))
    konkurrenzen: list[KonkurrenzAnswer] = []
    for k in reading.konkurrenzen:
        if k.norm in library.norms and k.yields_to in library.norms and k.norm != k.yields_to \
                and not any(x.norm == k.norm for x in konkurrenzen):
            konkurrenzen.append(KonkurrenzAnswer(k.norm, k.yields_to))
    gesamt = reading.gesamtergebnis
    return StudentAnswer(
        exercise=exercise, student=student, norms=tuple(norms), name=name, submitted=submitted,
        konkurrenzen=tuple(konkurrenzen),
        applies=tuple(n for n in gesamt.applies if n in library.norms) if gesamt is not None else None,
        gesamtergebnis_text=_text(reading, gesamt.spans) if gesamt is not None else None,
        file=file,
    )


def open_points(reading: Reading, library: Library) -> tuple[OpenPoint, ...]:
    """Points discussed without a usable result: unsure, or without a stated result. An element
    counts as discussed only with a sentence of its own (a heading alone is no discussion)."""
    out: list[OpenPoint] = []
    body = {s.index: (s.start, s.end) for b in reading.blocks if b.kind == "paragraph" for s in b.sentences}
    spans_of_body = list(body.values())
    for norm in reading.norms:
        if norm.norm not in library.norms:
            continue
        if norm.unsure or norm.conclusion is None:
            where = norm.statements[-1].span if norm.statements else norm.opened_by
            out.append(OpenPoint(norm.norm, None, UNSURE if norm.unsure else WITHOUT_RESULT, where))
        for element in norm.elements:
            if element.conclusion is not None and not element.unsure:
                continue
            with_text = [s for s in element.spans
                         if any(a < s.end and s.start < b for a, b in spans_of_body)]
            if not with_text and not element.unsure:
                continue
            where = element.statements[-1].span if element.statements else (with_text or element.spans)[0]
            out.append(OpenPoint(norm.norm, element.element, UNSURE if element.unsure else WITHOUT_RESULT,
                                 where))
    return tuple(out)


# -- a structured answer's texts, read ---------------------------------------------------------

def form_text(answer: StudentAnswer, library: Library) -> str:
    """The free texts of a structured answer as one Gutachten, in the order of the form: each
    norm under its citation, each element's Begründung under its label, then the Konkurrenzen
    and the Gesamtergebnis. Only the student's words are read; the headings only say where."""
    parts: list[str] = []
    for number, norm_answer in enumerate(answer.norms, start=1):
        norm = library.norm(norm_answer.norm)
        parts.append(f"{_roman(number)}. {norm.citation.canonical()}")
        if norm_answer.begruendung:
            parts.append(norm_answer.begruendung)
        index = element_index(norm)
        for letter, element in enumerate((e for e in norm_answer.elements if e.begruendung), start=1):
            label = index[element.element].label if element.element in index else element.element
            parts.append(f"{letter}. {label}")
            parts.append(element.begruendung or "")
    if answer.konkurrenzen_begruendung:
        parts += ["Konkurrenzen", answer.konkurrenzen_begruendung]
    if answer.gesamtergebnis_text:
        parts += ["Ergebnis", answer.gesamtergebnis_text]
    return "\n\n".join(parts)


def form_reading(answer: StudentAnswer, exercise: Exercise, library: Library) -> Reading | None:
    """The reading of a structured answer's Begründungen (None where it has none)."""
    if not answer.texts():
        return None
    return read_for(form_text(answer, library), exercise, library)


def _roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, numeral in numerals:
        while number >= value:
            out += numeral
            number -= value
    return out
