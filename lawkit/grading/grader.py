"""grade(): compare one answer with the reference, part by part, and explain every deduction.

The rules (BVerwG 6 B 71.17 is the specification; docs/grading.md has the full list):

* Fachliche Wertungen (Rn. 9): a result is right if it is vertretbar, i.e. accepted by the
  reference (any view of a Meinungsstreit, or `solution.vertretbar`). A wrong result loses its
  share; a vertretbare minority view loses nothing.
* Prüfungsspezifische Wertungen (Rn. 10, 11, 13): what the Bearbeitervermerk requires and was
  not treated (a norm, an element on the answer's own solution path, the Konkurrenzen, the
  Gesamtergebnis), and a Begründung that does not name the norm, lose their share. The rubric's
  weights are the same for every answer (Chancengleichheit, Rn. 8).
* Widersprüche (Folgerichtigkeit, Rn. 10) are flagged; the first one in a part costs that
  part's Begründung share (norms: weight × rubric.begruendung; Konkurrenzen and Gesamtergebnis:
  their weight × rubric.begruendung); further ones in the same part are shown without cost.
* One solution path per answer (grading.path): where a Meinungsstreit matters, every part is
  measured on the view the answer's elements follow, so a consistent minority view loses
  nothing and a mixture of views loses the result that does not follow on its own path.
* A group element left out is not missing where its result follows from the sub-elements the
  answer states (grading.consistency); it is then graded as if that result had been stated.
* A Gutachten (grading.prose) is graded by the same rules on what the reader read: a point the
  reader is unsure about is never deducted, "nicht erörtert" only where the text does not discuss
  the point (a point discussed without a result loses its share as a missing Ergebnis), and every
  deduction quotes the sentence it refers to. The Darstellung (rubric `darstellung`, `stil`) is
  graded from the reading's margin notes, for a form from its Begründungen (grading.darstellung).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from lawkit.coursework.model import Finding
from lawkit.errors import LawkitError
from lawkit.grading.answers import NormAnswer, StudentAnswer, element_index
from lawkit.grading.consistency import consistent_results, norm_contradictions
from lawkit.grading.model import (
    Criterion,
    Deduction,
    ElementGrade,
    Flag,
    Grade,
    Kind,
    PartGrade,
    Status,
)
from lawkit.grading.path import NormPath, choose_path, norm_path
from lawkit.grading.reference import Reference, Scenario, build_reference
from lawkit.grading.scale import _exact, format_units, points_for_share, points_label
from lawkit.grading.scan import cited_in
from lawkit.model.norm import Dispute, Norm, NormKind

if TYPE_CHECKING:
    from lawkit.coursework.model import Exercise, Vertretbar
    from lawkit.loading.library import Library
    from lawkit.reading.model import ElementReading, NormReading, Reading, Span

RN_FACHLICH = "BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 9"
RN_VOLLSTAENDIGKEIT = "BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 11, 13"
RN_DARSTELLUNG = "BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 10"


def grade(exercise: Exercise, answer: StudentAnswer, library: Library | None = None, *,
          reference: Reference | None = None) -> Grade:
    """Grade one answer. Pass `reference` (build_reference(exercise)) to grade many answers."""
    from lawkit.loading.library import default_library

    if answer.exercise != exercise.id:
        where = f"{answer.file}: " if answer.file else ""
        raise LawkitError(f"{where}exercise: die Antwort gehört zur Aufgabe {answer.exercise!r}; "
                          f"erwartet {exercise.id!r}")
    library = library or default_library()
    reference = reference or build_reference(exercise, library)
    return _Grader(exercise, reference, answer, library).run()


def quoted(values: Iterable[str]) -> str:
    items = [f"„{v}“" for v in values]
    if not items:
        return "—"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " oder " + items[-1]


class _Budget:
    """The units of one part, split into named shares; deductions never exceed what is left."""

    def __init__(self, shares: dict[str, Fraction]) -> None:
        self.shares = dict(shares)
        self.left = dict(shares)
        self.total = sum(shares.values(), Fraction(0))

    def total_of(self, share: str) -> Fraction:
        return self.shares[share]

    def take(self, share: str, units: Fraction) -> Fraction:
        taken = min(units, self.left[share])
        self.left[share] -= taken
        return taken

    def take_all(self) -> Fraction:
        taken = sum(self.left.values(), Fraction(0))
        self.left = dict.fromkeys(self.left, Fraction(0))
        return taken

    @property
    def units(self) -> Fraction:
        return sum(self.left.values(), Fraction(0))


class _Grader:
    def __init__(self, exercise: Exercise, reference: Reference, answer: StudentAnswer,
                 library: Library) -> None:
        self.exercise = exercise
        self.reference = reference
        self.answer = answer
        self.library = library
        self.rubric = exercise.solution.rubric
        self.deductions: list[Deduction] = []
        self.flags: list[Flag] = []
        self.notes: list[str] = []
        self.parts: list[PartGrade] = []
        self._noted: set[str] = set()
        self._gesamt_unit = Fraction(0)
        self._konkurrenz_unit = Fraction(0)
        self._konkurrenz_charged: set[tuple[str, str]] = set()
        self._gesamt_charged: set[str] = set()  # Gesamtergebnis items that lost their share
        self._unsure: list[str] = []  # points of a Gutachten whose result was not read with confidence
        # the norms the exercise names and the case examines: Konkurrenzen and Gesamtergebnis
        # are graded among these only (the Bearbeitervermerk limits the Fallfrage)
        named = {*exercise.solution.required_ids, *exercise.solution.optional}
        self.scope = {n for n, r in reference.norms.items() if r.in_case and n in named}
        weights = {r.norm: _exact(r.weight) for r in exercise.solution.required}
        self.path: Scenario = choose_path(reference, answer, weights, self.scope, library)
        # the text read: a Gutachten's own reading; a form's Begründungen where the Darstellung
        # is graded (the same rubric for every submission, Rn. 8)
        self.prose = answer.prose
        self.reading: Reading | None = answer.prose.reading if answer.prose is not None else None
        if self.reading is None and self.rubric.darstellung:
            from lawkit.grading.prose import form_reading

            self.reading = form_reading(answer, exercise, library)

    # -- bookkeeping ---------------------------------------------------------------------------
    def deduct(self, budget: _Budget, share: str | None, kind: Kind, part: str, code: str,
               subject: str, expected: str, given: str, why: str, units: Fraction,
               at: Span | None = None) -> None:
        taken = budget.take_all() if share is None else budget.take(share, units)
        quote, where = self.quote(at)
        self.deductions.append(Deduction(kind, part, code, subject, expected, given, why, taken,
                                         quote, where))

    def quote(self, at: Span | None) -> tuple[str | None, str | None]:
        """The sentence of a Gutachten a deduction refers to, and where it stands (a form's
        Begründung read for the Darstellung: "Begründung")."""
        if at is None:
            return None, None
        if self.prose is not None:
            return self.prose.quote(at)
        if self.reading is not None:
            from lawkit.grading.prose import quote_of

            return quote_of(self.reading, at)[0], "Begründung"
        return None, None

    def flag(self, budget: _Budget | None, share: str, part: str, code: str, subject: str,
             text: str, cost: Fraction, at: Span | None = None) -> None:
        self.flags.append(Flag(part, code, text))
        if budget is not None and budget.total:
            once = ("" if cost else " Hier ist er derselbe Fehler wie ein schon abgezogenes Ergebnis; "
                    "ein Fehler zählt nur einmal.")
            self.deduct(budget, share, Kind.PRUEFUNGSSPEZIFISCH, part, f"widerspruch:{code}",
                        subject, "eine widerspruchsfreie, folgerichtige Begründung", text,
                        f"Ein Widerspruch nimmt der Begründung die Folgerichtigkeit ({RN_DARSTELLUNG})."
                        f"{once}", cost, at)

    # -- where a Gutachten says it --------------------------------------------------------------
    def norm_span(self, norm_id: str, *, result: bool = False) -> Span | None:
        """A Gutachten's sentence for a norm: its result (the last statement) or its opening."""
        if self.prose is None:
            return None
        reading = self.prose.reading.norm(norm_id)
        if reading is None:
            return None
        if result and reading.statements:
            return reading.statements[-1].span
        return reading.opened_by if reading.opened_by.end > reading.opened_by.start else None

    def deciding_span(self, norm: Norm, element_id: str, value: str | None) -> Span | None:
        """For a group result that follows from its sub-points: the sentence of the sub-point
        that decides it (the one read with that result), else the last sub-point read."""
        if self.prose is None:
            return None
        element = norm.find(element_id)
        reading = self.prose.reading.norm(norm.id)
        if element is None or reading is None:
            return None
        below = {e.id for e in element.walk()[1:]}
        read = [e for e in reading.elements if e.element in below and e.statements]
        deciding = [e for e in read if e.conclusion is not None and e.conclusion.value == value]
        chosen = (deciding or read)[-1:] if read else []
        return chosen[0].statements[-1].span if chosen else None

    def konkurrenz_span(self, norm_id: str) -> Span | None:
        if self.prose is None:
            return None
        return next((k.span for k in self.prose.reading.konkurrenzen if k.norm == norm_id), None)

    def gesamt_span(self) -> Span | None:
        if self.prose is None or self.prose.reading.gesamtergebnis is None:
            return None
        spans = self.prose.reading.gesamtergebnis.spans
        return spans[-1] if spans else None

    def element_span(self, norm_id: str, element_id: str) -> Span | None:
        """A Gutachten's sentence for an element: its last statement, else its first passage."""
        if self.prose is None:
            return None
        reading = self.prose.reading.element(norm_id, element_id)
        if reading is None:
            return None
        if reading.statements:
            return reading.statements[-1].span
        return reading.spans[0] if reading.spans else None

    def note(self, key: str, text: str) -> None:
        if key not in self._noted:
            self._noted.add(key)
            self.notes.append(text)

    def title(self, norm: Norm) -> str:
        """The norm as the overview names it: its citation on the answer's solution path,
        refined by the alternative met (as the Musterlösung cites it)."""
        ref = self.reference.norm(norm.id)
        citation = ref.citation_on(self.path.index) if ref is not None else norm.citation.canonical()
        return f"{citation} ({norm.title})"

    def accepted(self, norm_id: str, element_id: str | None = None) -> tuple[str, ...]:
        """What the reference accepts on the answer's solution path."""
        ref = self.reference.norm(norm_id)
        if ref is None:
            return ()
        if element_id is None:
            answer = self.answer.norm(norm_id)
            stated = {e.element: e.result.value for e in answer.elements
                      if e.result is not None} if answer is not None else {}
            return ref.accepted_for(self.path.index, stated)
        element = ref.elements.get(element_id)
        return element.accepted_on(self.path.index) if element is not None else ()

    def path_phrase(self, disputes: list[Dispute]) -> str:
        """The answer's solution path in words, naming its view in the given Meinungsstreite."""
        views = [v for v in (self.path.view_of(d) for d in disputes) if v is not None]
        named = "; ".join(f"Auffassung „{v.label}“" for v in views)
        if self.path.index == 0:
            return f"{named} – Lösungsweg der Musterlösung" if named else "Lösungsweg der Musterlösung"
        return named or self.path.label

    def all_disputes(self) -> list[Dispute]:
        """Every Meinungsstreit in which some solution path takes another view."""
        return _disputes(self.reference.scenarios)

    def disputed(self, by: tuple[int, ...]) -> tuple[str, list[Dispute]] | None:
        """Where a result is accepted on other solution paths only: ("der Auffassung „…“",
        the Meinungsstreite that decide it); None where it is accepted on no path."""
        others = [self.reference.scenarios[i] for i in by if i >= 0 and i != self.path.index]
        if not others:
            return None
        disputes = _disputes((*others, self.path))
        labels: list[str] = []
        for scenario in others:
            for dispute in disputes:
                view = scenario.view_of(dispute)
                if view is not None and view != self.path.view_of(dispute) and view.label not in labels:
                    labels.append(view.label)
        if not labels:
            return None
        names = [f"der Auffassung „{label}“" for label in labels]
        return " oder ".join(names), disputes

    def not_vertretbar(self, by: tuple[int, ...], grounds: str) -> str:
        """Why a result is not vertretbar for this answer (its solution path, and the facts)."""
        elsewhere = self.disputed(by)
        if elsewhere is None:
            return f"Dieses Ergebnis ist nicht vertretbar. {grounds}".strip()
        others, disputes = elsewhere
        return (f"Dieses Ergebnis ist nur nach {others} vertretbar, nicht aber auf dem Lösungsweg, "
                f"dem Ihre Bearbeitung folgt ({self.path_phrase(disputes)}). {grounds}").strip()

    # -- the whole answer ----------------------------------------------------------------------
    def run(self) -> Grade:
        solution = self.exercise.solution
        if self.prose is not None:  # what the reader says of the text as a whole, honestly
            for index, message in enumerate(self.prose.reading.messages):
                self.note(f"lesen:{index}", f"Zu Ihrem Text: {message}")
        for choice in self.path.choices:
            self.note(f"view:{choice.dispute.id}:{choice.view.id}",
                      f"Sie folgen im Meinungsstreit, {choice.dispute.question}, der Auffassung "
                      f"„{choice.view.label}“. Diese Auffassung ist vertretbar; sie führt zu "
                      f"keinem fachlichen Abzug ({RN_FACHLICH}).")
        for required in solution.required:
            self.required_norm(self.library.norm(required.norm), _exact(required.weight))
        for norm_id in solution.optional:
            self.optional_norm(self.library.norm(norm_id))
        named = {*solution.required_ids, *solution.optional}
        for norm_answer in self.answer.norms:
            if norm_answer.norm not in named:
                norm = self.library.norm(norm_answer.norm)
                self.note(f"extra:{norm.id}", f"{norm.citation.canonical()} ist nach dem "
                          "Bearbeitervermerk nicht zu prüfen; die Ausführungen dazu werden weder "
                          "positiv noch negativ bewertet.")
        self.konkurrenzen(_exact(self.rubric.konkurrenzen))
        self.gesamtergebnis(_exact(self.rubric.gesamtergebnis))
        if self.rubric.darstellung:
            self.darstellung(_exact(self.rubric.darstellung))
        self.unsure_note()
        units = sum((p.units for p in self.parts), Fraction(0))
        max_units = sum((p.weight for p in self.parts), Fraction(0))
        points = points_for_share(units / max_units if max_units else Fraction(0))
        return Grade(
            exercise=self.exercise.id,
            exercise_title=self.exercise.title,
            student=self.answer.student,
            name=self.answer.name,
            points=points,
            label=points_label(points),
            units=units,
            max_units=max_units,
            parts=tuple(self.parts),
            deductions=tuple(self.deductions),
            flags=tuple(self.flags),
            notes=tuple(self.notes),
            fingerprint=self.answer.fingerprint(),
            file=self.answer.file,
            path=self.path_phrase(self.all_disputes()) if len(self.reference.scenarios) > 1 else None,
            reading=self.prose.reading if self.prose is not None else None,
            form="gutachten" if self.prose is not None else "formular",
        )

    # -- norms ---------------------------------------------------------------------------------
    def status(self, norm: Norm, answer: NormAnswer | None) -> tuple[Status, str | None]:
        if answer is not None and answer.result is None:
            open_point = self.prose.open_point(norm.id) if self.prose is not None else None
            unsure = open_point is not None and open_point.status == "nicht sicher erkannt"
            return (Status.NICHT_SICHER if unsure else Status.OHNE_ERGEBNIS), None
        if answer is not None:
            assert answer.result is not None
            ok = self.reference.norm(norm.id) is None or answer.result.value in self.accepted(norm.id)
            return (Status.ZUTREFFEND if ok else Status.NICHT_VERTRETBAR), None
        cited = cited_in(self.answer.texts(), norm)
        return (Status.ANGESPROCHEN, cited) if cited else (Status.NICHT_EROERTERT, None)

    def required_norm(self, norm: Norm, weight: Fraction) -> None:
        rubric = self.rubric
        budget = _Budget({"result": weight * _exact(rubric.norm_result),
                          "elements": weight * _exact(rubric.elements),
                          "begruendung": weight * _exact(rubric.begruendung)})
        ref = self.reference.norm(norm.id)
        assert ref is not None, f"required norm {norm.id} has no reference"
        accepted = self.accepted(norm.id)
        answer = self.answer.norm(norm.id)
        status, cited = self.status(norm, answer)
        subject = norm.citation.canonical()
        if answer is None:
            given = (f"in der Begründung angesprochen („{cited}“), aber nicht geprüft" if cited
                     else "nicht erörtert")
            extra = " Eine bloße Erwähnung ersetzt die Prüfung der Merkmale nicht." if cited else ""
            self.deduct(budget, None, Kind.PRUEFUNGSSPEZIFISCH, norm.id, f"norm-fehlt:{norm.id}",
                        subject, f"die Prüfung der Vorschrift (vom Bearbeitervermerk verlangt, "
                        f"Gewicht {format_units(weight)} BE)", given,
                        "Der Bearbeitervermerk verlangt die Prüfung dieser Vorschrift; ihre "
                        "Behandlung konnte nachvollziehbar erwartet werden, ihre Nichtbehandlung "
                        f"wird daher nachteilig bewertet ({RN_VOLLSTAENDIGKEIT}).{extra}",
                        weight)
            self.parts.append(PartGrade(norm.id, self.title(norm), weight, budget.units, True,
                                        status, None, accepted))
            return
        # the result of the norm (fachlich), on the answer's solution path
        value = answer.result.value if answer.result is not None else None
        if value is None:
            self.no_result(norm, budget, status)
        elif value not in accepted:
            self.deduct(budget, "result", Kind.FACHLICH, norm.id, f"ergebnis:{norm.id}",
                        f"{subject} – Ergebnis", quoted(accepted), f"„{value}“",
                        self.not_vertretbar(ref.accepted.get(value, ()),
                                            self.reference.grounds_on(self.path.index, norm.id)),
                        budget.left["result"], self.norm_span(norm.id, result=True))
        else:
            self.explain_acceptance(norm, None, value, ref.accepted)
        # the elements on the answer's solution path; a group element whose stated result its
        # own sub-results contradict is graded by what follows from them (one error is counted
        # once: as the contradiction below, not again as a wrong element)
        on_path = norm_path(self.reference, self.path, norm, answer)
        contradictions = norm_contradictions(norm, answer, self.path.view_of)
        stated = {e.element: e.result for e in answer.elements}
        consistent = consistent_results(norm, stated, self.path.view_of) if contradictions else {}
        elements = self.grade_elements(norm, answer, on_path, budget, consistent)
        # the Begründung: names the norm, examines it (where the text is read), no contradictions
        if not cited_in(answer.texts(), norm):
            given = "keine Begründung" if not answer.texts() else "die Vorschrift wird nicht genannt"
            self.deduct(budget, "begruendung", Kind.PRUEFUNGSSPEZIFISCH, norm.id,
                        f"zitat:{norm.id}", f"{subject} – Begründung",
                        f"die geprüfte Vorschrift in der Begründung zu nennen ({subject})", given,
                        "Eine nachvollziehbare Begründung nennt die Vorschrift, die sie anwendet; "
                        f"Darstellung und Begründungsgang sind prüfungsspezifisch zu bewerten "
                        f"({RN_DARSTELLUNG}).", budget.left["begruendung"], self.norm_span(norm.id))
        elif self.reading is not None and not self.argued(norm):
            self.deduct(budget, "begruendung", Kind.PRUEFUNGSSPEZIFISCH, norm.id,
                        f"begruendung-ohne-pruefung:{norm.id}", f"{subject} – Begründung",
                        "eine Begründung, die die Merkmale der Vorschrift prüft",
                        "die Vorschrift wird genannt, aber kein Merkmal geprüft",
                        "Ein Ergebnis ohne Prüfung der Merkmale ist nicht begründet; Darstellung und "
                        f"Begründungsgang sind prüfungsspezifisch zu bewerten ({RN_DARSTELLUNG}).",
                        budget.left["begruendung"], self.norm_span(norm.id))
        graded = len(on_path.graded) or 1
        unit = budget.total_of("elements") / graded if budget.total_of("elements") else \
            budget.total_of("begruendung")
        # the norm's result lost its share as not vertretbar, and it would be right if the
        # answer had followed its own findings: the contradictions are that one error
        explained = value is not None and value not in accepted and \
            consistent.get(norm.root.id, Finding(value)).value in accepted
        causes: set[str] = set()
        for contradiction in contradictions:
            if contradiction.cause in causes:
                continue  # the same error seen again further up the chain
            causes.add(contradiction.cause)
            root = contradiction.element == norm.root.id
            code = f"ergebnis:{norm.id}" if root else f"merkmal:{norm.id}#{contradiction.element}"
            cost = Fraction(0) if explained else unit
            at = self.norm_span(norm.id, result=True) if root else \
                self.element_span(norm.id, contradiction.element)
            self.flag(budget, "begruendung", norm.id, code, f"{subject} – Widerspruch",
                      contradiction.text, cost, at)
        self.text_contradictions(norm, answer, budget, unit)
        # what is vertretbar on the path, shown in full where the answer's result is among it
        # (`accepted` leaves out what the answer's own elements exclude, see Reference.accepted_for)
        shown = ref.accepted_on(self.path.index) if value in accepted else accepted
        self.parts.append(PartGrade(
            norm.id, self.title(norm), weight, budget.units, True, status, value, shown, elements,
            self.path_label(norm.id)))

    def no_result(self, norm: Norm, budget: _Budget, status: Status) -> None:
        """A Gutachten examines the norm, but no result could be read: where the reader is
        unsure, nothing is deducted (the teacher can confirm the reading); where the text states
        none, the result is missing (prüfungsspezifisch, Rn. 10)."""
        subject = norm.citation.canonical()
        if status is Status.NICHT_SICHER:
            self.note(f"unsicher:{norm.id}", f"{subject}: Das Ergebnis Ihrer Prüfung wurde nicht sicher "
                      "erkannt (Ihre Bearbeitung scheint Verschiedenes zu sagen); dafür wird nichts "
                      "abgezogen. Die Lehrkraft sieht die Stelle und kann die Lesart bestätigen.")
            return
        self.deduct(budget, "result", Kind.PRUEFUNGSSPEZIFISCH, norm.id, f"ergebnis-fehlt:{norm.id}",
                    f"{subject} – Ergebnis", f"ein Ergebnis der Prüfung (vertretbar: "
                    f"{quoted(self.accepted(norm.id))})", "geprüft, aber kein Ergebnis erkennbar",
                    "Eine Prüfung endet mit einem Ergebnis („somit“, „also“, „folglich“); ohne es "
                    f"bleibt der Begründungsgang unvollständig ({RN_DARSTELLUNG}).",
                    budget.left["result"], self.norm_span(norm.id))

    def text_contradictions(self, norm: Norm, answer: NormAnswer, budget: _Budget, unit: Fraction) -> None:
        """Contradictions inside the text, which the answer's results cannot show: a Gutachten
        that says both on one point (the reader then reads no result and deducts nothing for
        it, but the Folgerichtigkeit suffers); a form whose Begründung concludes otherwise than
        the result it ticks (Rn. 10). Each costs one element, at most the Begründung share."""
        if self.reading is None:
            return
        subject = norm.citation.canonical()
        reading = self.reading.norm(norm.id)
        if reading is None:
            return
        if self.prose is not None:
            for element in reading.elements:
                explicit = [st for st in element.statements if st.explicit]
                if not element.unsure or len({st.conclusion for st in explicit}) < 2:
                    continue
                first, last = explicit[0], explicit[-1]
                where_first = self.prose.quote(first.span)
                where_last = self.prose.quote(last.span)
                self.flag(budget, "begruendung", norm.id, f"text:{norm.id}#{element.element}",
                          f"{subject} – Widerspruch",
                          f"„{element.label}“: Ihre Bearbeitung sagt „{first.conclusion.value}“ "
                          f"({where_first[1]}: „{where_first[0]}“) und „{last.conclusion.value}“ "
                          f"({where_last[1]}: „{where_last[0]}“).", unit, last.span)
            return
        from lawkit.grading.prose import quote_of

        given = {e.element: e.result for e in answer.elements}
        checks: list[tuple[str, str, Finding | None, NormReading | ElementReading]] = []
        if reading.conclusion is not None and not reading.unsure and reading.statements:
            checks.append(("", subject, answer.result, reading))
        for element in reading.elements:
            if element.conclusion is not None and not element.unsure and element.statements:
                checks.append((f"#{element.element}", f"„{element.label}“", given.get(element.element),
                               element))
        for suffix, what, ticked, read in checks:
            conclusion = read.conclusion
            if not any(st.explicit and st.confidence >= 0.75 for st in read.statements):
                continue  # only a marked Ergebnis of the Begründung is held against the form
            if ticked is None or conclusion is None or conclusion.value == ticked.value or \
                    conclusion.value == "kann dahinstehen" or ticked is Finding.DAHINSTEHEN:
                continue
            sentence, _ = quote_of(self.reading, read.statements[-1].span)
            self.flag(budget, "begruendung", norm.id, f"formular:{norm.id}{suffix}",
                      f"{subject} – Widerspruch",
                      f"{what}: Ihre Begründung sagt „{sentence}“ ({conclusion.value}), Ihr Ergebnis "
                      f"lautet aber „{ticked.value}“.", unit)

    def path_label(self, norm_id: str) -> str | None:
        """The solution path a norm is measured on, where the views make a difference to it."""
        own = self.path.norms.get(norm_id)
        if own is None:
            return None
        return self.reference.base.label if own == self.reference.base.norms.get(norm_id) else \
            self.path.label

    def grade_elements(self, norm: Norm, answer: NormAnswer, on_path: NormPath, budget: _Budget,
                       consistent: Mapping[str, Finding] | None = None) -> tuple[ElementGrade, ...]:
        ref = self.reference.norm(norm.id)
        assert ref is not None
        graded = on_path.graded
        unit = budget.total_of("elements") / len(graded) if graded else Fraction(0)
        subject = norm.citation.canonical()
        out: list[ElementGrade] = []
        index = element_index(norm)
        for element_id in _element_order(norm, graded, answer):
            element = index.get(element_id)
            label = element.label if element is not None else element_id
            stated = answer.element(element_id)
            element_ref = ref.elements.get(element_id)
            if element_id not in graded or element_ref is None:
                out.append(ElementGrade(element_id, label, stated.result.value if stated else None,
                                        (), None, False))
                continue
            accepted = element_ref.accepted_on(self.path.index)
            finding = on_path.results.get(element_id)
            implied = element_id in on_path.implied
            given = finding.value if finding is not None else None
            # stated against its own sub-results, and right by what follows from them: the error
            # is the contradiction (charged once, below), not the element
            contradicted = consistent is not None and element_id in consistent and \
                consistent[element_id].value in accepted and given not in accepted
            correct: bool | None
            open_point = self.prose.open_point(norm.id, element_id) if self.prose is not None else None
            if finding is None and open_point is not None and open_point.status == "nicht sicher erkannt":
                # the text discusses it, the reader cannot tell the result: never deducted
                out.append(ElementGrade(element_id, label, UNSURE_GIVEN, accepted, None,
                                        element_id in on_path.required))
                self._unsure.append(f"„{label}“ ({self.prose.quote(open_point.span)[1]})"
                                    if self.prose is not None else f"„{label}“")
                continue
            if finding is None and open_point is not None:
                correct = False
                self.deduct(budget, "elements", Kind.PRUEFUNGSSPEZIFISCH, norm.id,
                            f"merkmal-ohne-ergebnis:{norm.id}#{element_id}",
                            f"{subject} – Merkmal „{label}“",
                            f"das Ergebnis der Erörterung (vertretbar: {quoted(accepted)})",
                            "erörtert, aber ohne erkennbares Ergebnis",
                            "Die Erörterung eines Merkmals endet mit seinem Ergebnis; ohne es bleibt "
                            f"offen, ob das Merkmal vorliegt ({RN_DARSTELLUNG}).", unit, open_point.span)
            elif finding is None and self.discussed_below(norm, element_id, answer):
                # a Gutachten's group heading ("I. Tatbestand") without a Zwischenergebnis of its
                # own: the sub-points it lacks are deducted where they are missing, not again here
                out.append(ElementGrade(element_id, label, None, accepted, None,
                                        element_id in on_path.required))
                self.note("gruppe-ohne-ergebnis", "Oberpunkte Ihres Gutachtens, deren Ergebnis sich "
                          "nicht aus Ihren Unterpunkten ergibt, werden nicht eigens abgezogen: Was Ihnen "
                          "fehlt, ist bei den Unterpunkten abgezogen (ein Fehler zählt einmal).")
                continue
            elif finding is None:
                correct = False
                self.deduct(budget, "elements", Kind.PRUEFUNGSSPEZIFISCH, norm.id,
                            f"merkmal-fehlt:{norm.id}#{element_id}",
                            f"{subject} – Merkmal „{label}“",
                            f"die Erörterung des Merkmals (Ergebnis: {quoted(accepted)})",
                            "nicht erörtert",
                            "Die Prüfung der Vorschrift verlangt dieses Merkmal; seine Behandlung "
                            f"konnte nachvollziehbar erwartet werden ({RN_VOLLSTAENDIGKEIT}).", unit)
            elif given in accepted:
                correct = True
                self.explain_acceptance(norm, element_id, given, element_ref.accepted)
            elif contradicted:
                correct = False
            else:
                correct = False
                shown = (f"„{given}“ (folgt aus Ihren Untermerkmalen)" if implied else f"„{given}“")
                at = self.element_span(norm.id, element_id) if not implied else \
                    self.deciding_span(norm, element_id, given)
                self.deduct(budget, "elements", Kind.FACHLICH, norm.id,
                            f"merkmal:{norm.id}#{element_id}", f"{subject} – Merkmal „{label}“",
                            quoted(accepted), shown,
                            self.not_vertretbar(element_ref.accepted.get(given or "", ()),
                                                self.reference.grounds_on(self.path.index, norm.id,
                                                                          element_id)),
                            unit, at)
            out.append(ElementGrade(element_id, label, given, accepted, correct,
                                    element_id in on_path.required, implied, contradicted))
        return tuple(out)

    def argued(self, norm: Norm) -> bool:
        """The text read discusses at least one Prüfungspunkt of the norm (or of a norm its
        Tatbestand refers to as a whole, § 11 StGB in § 203 StGB) in a sentence of its own."""
        from lawkit.grading.darstellung import discussed_points

        assert self.reading is not None
        own = {norm.id} | {e.ref for e in norm.elements() if e.ref and "#" not in e.ref}
        return any(point[0] in own for point in discussed_points(self.reading, self.library))

    def discussed_below(self, norm: Norm, element_id: str, answer: NormAnswer) -> bool:
        """A Gutachten discusses some sub-point of this group element (its heading stands over
        them), though its own result does not follow from what it states."""
        if self.prose is None:
            return False
        element = norm.find(element_id)
        if element is None or not (element.children or element.dispute is not None):
            return False
        below = {e.id for e in element.walk()[1:]}
        if element.dispute is not None:
            for view in element.dispute.views:
                below |= {e.id for e in view.requirement.walk()}
        reading = self.prose.reading.norm(norm.id)
        read = {e.element for e in reading.elements} if reading is not None else set()
        return bool(below & (read | {e.element for e in answer.elements}))

    def explain_acceptance(self, norm: Norm, element_id: str | None, value: str,
                           accepted: Mapping[str, tuple[int, ...]]) -> None:
        """A note where a result is right only by solution.vertretbar (a view the answer
        follows is named once, in run())."""
        by = accepted.get(value, ())
        if self.path.index in by or -1 not in by:
            return
        ref = self.reference.norm(norm.id)
        extra: Vertretbar | None = None
        if ref is not None:
            extra = ref.vertretbar if element_id is None else (
                ref.elements[element_id].vertretbar if element_id in ref.elements else None)
        if extra is not None:
            where = norm.citation.canonical() + (
                f", Merkmal „{ref.elements[element_id].label}“" if element_id and ref else "")
            self.note(f"vertretbar:{extra.ref}:{value}",
                      f"{where}: Ihr Ergebnis „{value}“ ist vertretbar: {extra.because} "
                      f"Es führt zu keinem Abzug ({RN_FACHLICH}).")

    def optional_norm(self, norm: Norm) -> None:
        answer = self.answer.norm(norm.id)
        status, _ = self.status(norm, answer)
        accepted = self.accepted(norm.id)
        given = answer.result.value if answer is not None and answer.result is not None else None
        if given is not None and status is Status.NICHT_VERTRETBAR:
            self.note(f"optional:{norm.id}",
                      f"{norm.citation.canonical()} (nicht verlangt): Ihr Ergebnis "
                      f"„{given}“ ist nicht vertretbar (vertretbar: {quoted(accepted)}); "
                      "da die Prüfung nicht verlangt ist, führt das zu keinem Abzug.")
        self.parts.append(PartGrade(norm.id, self.title(norm), Fraction(0), Fraction(0), False, status,
                                    given, accepted))

    # -- Darstellung ---------------------------------------------------------------------------
    def darstellung(self, weight: Fraction) -> None:
        """The Darstellung (Rn. 10) by the criteria of the rubric's `stil`, each over the points
        the text discusses (lawkit.grading.darstellung); every deduction quotes its sentence."""
        from lawkit.grading.darstellung import EXPECTED, LABELS, discussed_points, judge

        weights = {c: _exact(w) for c, w in self.rubric.stil if w}
        total = sum(weights.values(), Fraction(0))
        budget = _Budget({c: weight * w / total for c, w in weights.items()}) if total else \
            _Budget({"main": weight})
        why = f"Die Darstellung ist prüfungsspezifisch zu bewerten ({RN_DARSTELLUNG})."
        reading = self.reading
        points = discussed_points(reading, self.library) if reading is not None else []
        criteria: list[Criterion] = []
        if not points or not total:
            given = "keine Begründung" if reading is None else "keine Prüfung eines Merkmals erkennbar"
            self.deduct(budget, None, Kind.PRUEFUNGSSPEZIFISCH, "darstellung", "stil:keine-pruefung",
                        "Darstellung", "eine Begründung, die die Merkmale im Gutachtenstil prüft", given,
                        why, weight)
            self.parts.append(PartGrade("darstellung", "Darstellung", weight, budget.units))
            return
        assert reading is not None  # without a reading there are no points (returned above)
        items = judge(reading, self.library)
        for criterion in weights:
            judged = items.get(criterion, [])
            unit = budget.total_of(criterion) / len(judged) if judged else Fraction(0)
            met = 0
            for item in judged:
                if item.met >= 1:
                    met += 1
                    continue
                place = f"{item.norm}#{item.element}" if item.element else ""
                subject = f"Darstellung – {LABELS[criterion]}" + (f": „{item.label}“" if item.label else "")
                half = " (zur Hälfte erfüllt)" if item.met else ""
                self.deduct(budget, criterion, Kind.PRUEFUNGSSPEZIFISCH, "darstellung",
                            f"stil:{criterion}" + (f":{place}" if place else ""), subject,
                            EXPECTED[criterion], (item.note or "fehlt") + half, why,
                            unit * (1 - _exact(item.met)), item.span)
            criteria.append(Criterion(criterion, LABELS[criterion], budget.total_of(criterion),
                                      budget.left[criterion], len(judged), met))
        self.parts.append(PartGrade("darstellung", "Darstellung", weight, budget.units,
                                    criteria=tuple(criteria)))

    def unsure_note(self) -> None:
        if self._unsure:
            self.note("unsicher", "Nicht sicher erkannt und daher ohne Abzug: " + ", ".join(self._unsure)
                      + ". Ihre Bearbeitung scheint hier Verschiedenes zu sagen; die Lehrkraft sieht die "
                      "Stellen im kommentierten Gutachten und kann die Lesart bestätigen.")

    # -- Konkurrenzen --------------------------------------------------------------------------
    def konkurrenzen(self, weight: Fraction) -> None:
        given = {(k.norm, k.yields_to) for k in self.answer.konkurrenzen}
        budget = _Budget({"main": weight}) if weight else None
        scenario = self.konkurrenzen_score(budget, given) if budget is not None else None
        for norm_id, yields_to in sorted(given):
            own = self.answer.norm(norm_id)
            if (norm_id, yields_to) in self.path.barred:
                continue  # "nicht erfüllt" because it yields at its Anwendbarkeit: consistent
            if own is not None and own.result is Finding.NICHT_ERFUELLT:
                # one Konkurrenz item; nothing more where that item is already wrong
                cost = Fraction(0) if (norm_id, yields_to) in self._konkurrenz_charged else \
                    self._konkurrenz_unit
                findings = own_findings(self.library.norm(norm_id))
                self.flag(budget, "main", "konkurrenzen", f"konkurrenz-verneint:{norm_id}",
                          "Konkurrenzen – Widerspruch",
                          f"{self._pair(norm_id, yields_to)}, obwohl Sie {findings} von "
                          f"{self._cite(norm_id)} verneinen; eine Norm, deren {findings.split()[-1]} "
                          f"nicht erfüllt {'ist' if findings == 'den Tatbestand' else 'sind'}, tritt "
                          "nicht zurück.", cost,
                          self.konkurrenz_span(norm_id))
        if budget is None:
            if given:
                self.note("konkurrenzen-ohne-gewicht", "Die Konkurrenzen sind in dieser Aufgabe nicht "
                          "zu bewerten; Ihre Angaben dazu bleiben ohne Einfluss auf die Punkte.")
            return
        self.parts.append(PartGrade("konkurrenzen", "Konkurrenzen", weight, budget.units,
                                    path=scenario.label if scenario else None))

    def konkurrenzen_score(self, budget: _Budget, given: set[tuple[str, str]]) -> Scenario:
        scenario = self.path
        # neither required nor wrong: the Grundtatbestand behind its Qualifikation (the two
        # are cited together)
        free = self.reference.qualified
        needed = {p for p in scenario.displacements
                  if p[0] in self.scope and p[1] in self.scope} - free
        items = needed | (given - set(scenario.open_displacements) - free)
        unit = budget.total / len(items) if items else Fraction(0)
        self._konkurrenz_unit = unit
        self._konkurrenz_charged = items - needed
        for norm_id, yields_to in sorted(needed - given):
            relation = next((r for r in self.library.norm(norm_id).relations
                             if r.yields_to == yields_to), None)
            why = relation.explanation if relation is not None else ""
            self.deduct(budget, "main", Kind.PRUEFUNGSSPEZIFISCH, "konkurrenzen",
                        f"konkurrenz-fehlt:{norm_id}>{yields_to}", "Konkurrenzen",
                        self._pair(norm_id, yields_to), "nicht erörtert",
                        f"{why} Das Konkurrenzverhältnis konnte nachvollziehbar erwartet werden "
                        f"({RN_VOLLSTAENDIGKEIT}).".strip(), unit)
        for norm_id, yields_to in sorted(items - needed):
            elsewhere = self.disputed(tuple(s.index for s in self.reference.scenarios
                                            if (norm_id, yields_to) in s.displacements))
            why = ("Nach dem Sachverhalt und den geprüften Vorschriften besteht dieses "
                   "Konkurrenzverhältnis nicht; das Ergebnis ist nicht vertretbar.")
            if elsewhere is not None:
                why = (f"Dieses Konkurrenzverhältnis besteht nur nach {elsewhere[0]}, nicht aber auf "
                       f"dem Lösungsweg, dem Ihre Bearbeitung folgt ({self.path_phrase(elsewhere[1])}); "
                       "das Ergebnis ist nicht vertretbar.")
            self.deduct(budget, "main", Kind.FACHLICH, "konkurrenzen",
                        f"konkurrenz-falsch:{norm_id}>{yields_to}", "Konkurrenzen",
                        f"kein Zurücktreten von {self._cite(norm_id)} hinter {self._cite(yields_to)}",
                        self._pair(norm_id, yields_to), why, unit, self.konkurrenz_span(norm_id))
        return scenario

    def _cite(self, norm_id: str) -> str:
        return self.library.norm(norm_id).citation.canonical()

    def _pair(self, norm_id: str, yields_to: str) -> str:
        return f"{self._cite(norm_id)} tritt hinter {self._cite(yields_to)} zurück"

    # -- Gesamtergebnis ------------------------------------------------------------------------
    def gesamtergebnis(self, weight: Fraction) -> None:
        budget = _Budget({"main": weight}) if weight else None
        applies = self.answer.applies
        cost = weight * _exact(self.rubric.begruendung)
        scenario = None
        if budget is not None and applies is None:
            self.deduct(budget, None, Kind.PRUEFUNGSSPEZIFISCH, "gesamtergebnis",
                        "gesamtergebnis-fehlt", "Gesamtergebnis",
                        "ein Gesamtergebnis, das die Fallfrage beantwortet", "kein Gesamtergebnis",
                        "Die Fallfrage verlangt ein Gesamtergebnis; seine Nichtbehandlung wird "
                        f"nachteilig bewertet ({RN_VOLLSTAENDIGKEIT}).", weight)
        elif budget is not None and applies is not None:
            scenario = self.gesamtergebnis_score(budget, applies)
            cost = self._gesamt_unit
        if applies is not None:
            self.gesamtergebnis_contradictions(budget, applies, cost)
        if budget is not None:
            self.parts.append(PartGrade("gesamtergebnis", "Gesamtergebnis", weight, budget.units,
                                        path=scenario.label if scenario else None))

    def gesamtergebnis_score(self, budget: _Budget, applies: tuple[str, ...]) -> Scenario:
        given = set(applies) & self.scope
        for norm_id in sorted(set(applies) - self.scope):
            self.note(f"gesamt-extra:{norm_id}", f"{self._cite(norm_id)} im Gesamtergebnis ist nach dem "
                      "Bearbeitervermerk nicht Gegenstand der Aufgabe und wird nicht bewertet.")
        scenario = self.path
        either = set(self.reference.vertretbar_applies)  # both vertretbar (solution.vertretbar)
        # a Grundtatbestand whose Qualifikation applies is cited with it: neither required nor
        # wrong; naming the Qualifikation names the Grundtatbestand it builds on
        either |= {base for base, q in self.reference.qualified if q in scenario.applies}
        named = given | {base for base, q in self.reference.qualified if q in applies}
        needed = (set(scenario.applies) & self.scope) - either
        items = needed | (given - set(scenario.open_applies) - either)
        unit = budget.total / len(items) if items else Fraction(0)
        self._gesamt_unit = unit
        for norm_id in sorted(needed - named):
            norm = self.library.norm(norm_id)
            consequence = norm.consequence
            what = f" ({consequence.text})" if consequence is not None else ""
            elsewhere = self.disputed(tuple(s.index for s in self.reference.scenarios
                                            if norm_id not in s.applies))
            where = ("Nach dem Sachverhalt" if elsewhere is None else
                     f"Auf dem Lösungsweg, dem Ihre Bearbeitung folgt ({self.path_phrase(elsewhere[1])}),")
            follows = not self._own_applies(norm_id)
            self.deduct(budget, "main", Kind.FACHLICH, "gesamtergebnis", f"gesamt-fehlt:{norm_id}",
                        "Gesamtergebnis", f"die Rechtsfolge aus {self._cite(norm_id)}{what}",
                        f"{self._cite(norm_id)} fehlt im Gesamtergebnis",
                        f"{where} {applies_reason(norm)}; das Ergebnis ist nicht vertretbar."
                        + (FOLGEFEHLER if follows else ""), Fraction(0) if follows else unit,
                        self.gesamt_span())
            if not follows:
                self._gesamt_charged.add(norm_id)
        for norm_id in sorted(items - needed):
            ref = self.reference.norm(norm_id)
            grounds = self.reference.grounds_on(self.path.index, norm_id) if ref is not None else ""
            elsewhere = self.disputed(tuple(s.index for s in self.reference.scenarios
                                            if norm_id in s.applies))
            why = ("Die Rechtsfolge dieser Norm tritt nicht ein; das Ergebnis ist nicht vertretbar."
                   if elsewhere is None else
                   f"Die Rechtsfolge dieser Norm tritt nur nach {elsewhere[0]} ein, nicht aber auf dem "
                   f"Lösungsweg, dem Ihre Bearbeitung folgt ({self.path_phrase(elsewhere[1])}); das "
                   "Ergebnis ist nicht vertretbar.")
            follows = self._own_applies(norm_id)
            self.deduct(budget, "main", Kind.FACHLICH, "gesamtergebnis", f"gesamt-falsch:{norm_id}",
                        "Gesamtergebnis", f"keine Rechtsfolge aus {self._cite(norm_id)}",
                        f"{self._cite(norm_id)} im Gesamtergebnis", f"{why} {grounds}".strip()
                        + (FOLGEFEHLER if follows else ""), Fraction(0) if follows else unit,
                        self.gesamt_span())
            if not follows:
                self._gesamt_charged.add(norm_id)
        return scenario

    def _own_applies(self, norm_id: str) -> bool:
        """Whether the answer's own findings make the norm's Rechtsfolge follow: its Tatbestand
        affirmed, not let yield to another norm, no procedural requirement denied."""
        own = self.answer.norm(norm_id)
        if own is None or own.result is not Finding.ERFUELLT:
            return False
        if any(k.norm == norm_id for k in self.answer.konkurrenzen):
            return False
        return not any((stated := own.element(e.id)) is not None and stated.result is Finding.NICHT_ERFUELLT
                       for e in self.library.norm(norm_id).procedural)

    def gesamtergebnis_contradictions(self, budget: _Budget | None, applies: tuple[str, ...],
                                      unit: Fraction) -> None:
        """A Gesamtergebnis that contradicts the answer's own findings is flagged; it costs one
        item of the Gesamtergebnis, nothing more where that item already lost its share."""
        displaced = {k.norm: k.yields_to for k in self.answer.konkurrenzen}
        subject = "Gesamtergebnis – Widerspruch"
        flagged: set[str] = set()

        def flag(norm_id: str, code: str, text: str) -> None:
            charged = norm_id in self._gesamt_charged or norm_id in flagged
            flagged.add(norm_id)
            self.flag(budget, "main", "gesamtergebnis", code, subject, text,
                      Fraction(0) if charged else unit, self.gesamt_span())

        for norm_id in applies:
            own = self.answer.norm(norm_id)
            cite = self._cite(norm_id)
            if own is not None and own.result is not None and own.result is not Finding.ERFUELLT:
                flag(norm_id, f"gesamt-verneint:{norm_id}",
                     f"{cite} steht im Gesamtergebnis, obwohl Sie den Tatbestand als "
                     f"„{own.result.value}“ geprüft haben.")
            if norm_id in displaced and (norm_id, displaced[norm_id]) not in self.reference.qualified:
                flag(norm_id, f"gesamt-verdraengt:{norm_id}",
                     f"{cite} steht im Gesamtergebnis, obwohl Sie es hinter "
                     f"{self._cite(displaced[norm_id])} zurücktreten lassen.")
            if own is not None:
                for element in self.library.norm(norm_id).procedural:
                    stated = own.element(element.id)
                    if stated is not None and stated.result is Finding.NICHT_ERFUELLT:
                        flag(norm_id, f"gesamt-verfolgbarkeit:{norm_id}#{element.id}",
                             f"{cite} steht im Gesamtergebnis, obwohl Sie „{element.label}“ verneinen.")
        for own in self.answer.norms:
            norm = self.library.norm(own.norm)
            ref = self.reference.norm(own.norm)
            if (own.result is not Finding.ERFUELLT or own.norm in applies or own.norm in displaced
                    or ref is None or own.norm not in self.scope
                    or self.reference.qualifications_of(own.norm) & set(applies)):
                continue
            procedural = [own.element(e.id) for e in norm.procedural]
            if all(p is not None and p.result is Finding.ERFUELLT for p in procedural):
                flag(own.norm, f"gesamt-vergessen:{own.norm}",
                     f"Sie bejahen {own_findings(norm)} von {self._cite(own.norm)}, lassen die Norm "
                     f"nicht zurücktreten{verfolgbar_phrase(norm)}, nennen sie im Gesamtergebnis aber "
                     "nicht.")


UNSURE_GIVEN = "nicht sicher erkannt"
FOLGEFEHLER = (" Es folgt aber folgerichtig aus Ihren eigenen Ergebnissen; deren Fehler ist dort "
               "abgezogen (Folgefehler).")


def applies_reason(norm: Norm) -> str:
    """Why a norm's Rechtsfolge follows, in the terms of its field (German)."""
    if norm.kind is NormKind.STRAFTATBESTAND:
        reason = "ist der Tatbestand erfüllt, die Norm wird nicht verdrängt"
        return reason + (" und die Tat ist verfolgbar" if norm.procedural else "")
    if norm.kind is NormKind.ANSPRUCHSGRUNDLAGE:
        return ("sind die Voraussetzungen des Anspruchs erfüllt und er wird nicht durch eine andere Norm "
                "ausgeschlossen")
    return "sind die Voraussetzungen der Norm erfüllt und sie wird nicht verdrängt"


def own_findings(norm: Norm) -> str:
    return {NormKind.STRAFTATBESTAND: "den Tatbestand",
            NormKind.ANSPRUCHSGRUNDLAGE: "die Anspruchsvoraussetzungen"}.get(norm.kind, "die Voraussetzungen")


def verfolgbar_phrase(norm: Norm) -> str:
    if not norm.procedural:
        return ""
    return " und bejahen ihre Verfolgbarkeit" if norm.kind is NormKind.STRAFTATBESTAND else \
        " und bejahen die weiteren Voraussetzungen"


def _disputes(scenarios: Iterable[Scenario]) -> list[Dispute]:
    """The Meinungsstreite in which these scenarios take a view other than the case's own."""
    disputes: dict[str, Dispute] = {}
    for scenario in scenarios:
        for choice in scenario.choices:
            disputes.setdefault(choice.dispute.id, choice.dispute)
    return list(disputes.values())


def _element_order(norm: Norm, graded: Sequence[str], answer: NormAnswer) -> list[str]:
    wanted = set(graded) | {e.element for e in answer.elements}
    return [element_id for element_id in element_index(norm) if element_id in wanted]
