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
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING

from lawkit.errors import LawkitError
from lawkit.grading.answers import Finding, NormAnswer, StudentAnswer, element_index
from lawkit.grading.model import (
    Deduction,
    ElementGrade,
    Flag,
    Grade,
    Kind,
    PartGrade,
    Status,
    format_units,
)
from lawkit.grading.reference import Reference, Scenario, build_reference
from lawkit.grading.scale import _exact, points_for_share, points_label
from lawkit.grading.scan import cited_in
from lawkit.model.logic import Combine
from lawkit.model.norm import Element, Norm

if TYPE_CHECKING:
    from lawkit.exercises.model import Exercise, Vertretbar
    from lawkit.loading.library import Library

RN_FACHLICH = "BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 9"
RN_VOLLSTAENDIGKEIT = "BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 11, 13"
RN_DARSTELLUNG = "BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 10"

_ABSORBING = {Combine.ALL_OF: Finding.NICHT_ERFUELLT, Combine.ANY_OF: Finding.ERFUELLT}
_NEUTRAL = {Combine.ALL_OF: Finding.ERFUELLT, Combine.ANY_OF: Finding.NICHT_ERFUELLT}


def grade(exercise: Exercise, answer: StudentAnswer, library: Library | None = None, *,
          reference: Reference | None = None) -> Grade:
    """Grade one answer. Pass `reference` (build_reference(exercise)) to grade many answers."""
    from lawkit.loading.library import default_library

    if answer.exercise != exercise.id:
        where = f"{answer.file}: " if answer.file else ""
        raise LawkitError(f"{where}exercise: the answer is for the exercise {answer.exercise!r}; "
                          f"expected {exercise.id!r}")
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
        # the norms the exercise names and the case examines: Konkurrenzen and Gesamtergebnis
        # are graded among these only (the Bearbeitervermerk limits the Fallfrage)
        named = {*exercise.solution.required_ids, *exercise.solution.optional}
        self.scope = {n for n, r in reference.norms.items() if r.in_case and n in named}

    # -- bookkeeping ---------------------------------------------------------------------------
    def deduct(self, budget: _Budget, share: str | None, kind: Kind, part: str, code: str,
               subject: str, expected: str, given: str, why: str, units: Fraction) -> None:
        taken = budget.take_all() if share is None else budget.take(share, units)
        self.deductions.append(Deduction(kind, part, code, subject, expected, given, why, taken))

    def flag(self, budget: _Budget | None, share: str, part: str, code: str, subject: str,
             text: str, cost: Fraction) -> None:
        self.flags.append(Flag(part, code, text))
        if budget is not None and budget.total:
            self.deduct(budget, share, Kind.PRUEFUNGSSPEZIFISCH, part, f"widerspruch:{code}",
                        subject, "eine widerspruchsfreie, folgerichtige Begründung", text,
                        f"Ein Widerspruch nimmt der Begründung die Folgerichtigkeit ({RN_DARSTELLUNG}).",
                        cost)

    def note(self, key: str, text: str) -> None:
        if key not in self._noted:
            self._noted.add(key)
            self.notes.append(text)

    @staticmethod
    def title(norm: Norm) -> str:
        return f"{norm.citation.canonical()} ({norm.title})"

    # -- the whole answer ----------------------------------------------------------------------
    def run(self) -> Grade:
        solution = self.exercise.solution
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
        )

    # -- norms ---------------------------------------------------------------------------------
    def status(self, norm: Norm, answer: NormAnswer | None) -> tuple[Status, str | None]:
        if answer is not None:
            ref = self.reference.norm(norm.id)
            ok = ref is None or ref.accepts(answer.result.value)
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
                                        status, None, tuple(ref.accepted)))
            return
        # the result of the norm (fachlich)
        if not ref.accepts(answer.result.value):
            self.deduct(budget, "result", Kind.FACHLICH, norm.id, f"ergebnis:{norm.id}",
                        f"{subject} – Ergebnis", quoted(ref.accepted), f"„{answer.result.value}“",
                        f"Dieses Ergebnis ist nicht vertretbar. {ref.grounds}", budget.left["result"])
        else:
            self.explain_acceptance(norm, None, answer.result.value, ref.accepted)
        # the elements on the answer's solution path
        scenario, graded = self.best_path(norm, answer)
        elements = self.grade_elements(norm, answer, scenario, graded, budget)
        # the Begründung: names the norm, and no contradictions
        if not cited_in(answer.texts(), norm):
            given = "keine Begründung" if not answer.texts() else "die Vorschrift wird nicht genannt"
            self.deduct(budget, "begruendung", Kind.PRUEFUNGSSPEZIFISCH, norm.id,
                        f"zitat:{norm.id}", f"{subject} – Begründung",
                        f"die geprüfte Vorschrift in der Begründung zu nennen ({subject})", given,
                        "Eine nachvollziehbare Begründung nennt die Vorschrift, die sie anwendet; "
                        f"Darstellung und Begründungsgang sind prüfungsspezifisch zu bewerten "
                        f"({RN_DARSTELLUNG}).", budget.left["begruendung"])
        for code, text in norm_contradictions(norm, answer):
            self.flag(budget, "begruendung", norm.id, f"{norm.id}:{code}", f"{subject} – Widerspruch",
                      text, weight * _exact(self.rubric.begruendung))
        self.parts.append(PartGrade(
            norm.id, self.title(norm), weight, budget.units, True, status, answer.result.value,
            tuple(ref.accepted), elements, scenario.label if scenario is not None else None))

    def best_path(self, norm: Norm, answer: NormAnswer) -> tuple[Scenario | None, list[str]]:
        """The scenario whose elements fit the answer best (ties: the Musterlösung's)."""
        ref = self.reference.norm(norm.id)
        assert ref is not None
        best: tuple[Fraction, int] | None = None
        chosen: tuple[Scenario | None, list[str]] = (None, [])
        given = {e.element: e.result.value for e in answer.elements}
        for scenario in self.reference.scenarios:
            path = scenario.norms.get(norm.id)
            if path is None:
                continue
            graded = list(path.required) + [
                e for e in given if (e in path.dahinstehen or e in path.conditions)
                and e not in path.required]
            right = sum(1 for e in graded if e in given and e in ref.elements
                        and ref.elements[e].accepts(given[e]))
            score = Fraction(right, len(graded)) if graded else Fraction(1)
            if best is None or score > best[0]:
                best = (score, -scenario.index)
                chosen = (scenario, graded)
        return chosen

    def grade_elements(self, norm: Norm, answer: NormAnswer, scenario: Scenario | None,
                       graded: list[str], budget: _Budget) -> tuple[ElementGrade, ...]:
        ref = self.reference.norm(norm.id)
        assert ref is not None
        path = scenario.norms.get(norm.id) if scenario is not None else None
        required = set(path.required) if path is not None else set()
        unit = budget.total_of("elements") / len(graded) if graded else Fraction(0)
        subject = norm.citation.canonical()
        out: list[ElementGrade] = []
        index = element_index(norm)
        for element_id in _element_order(norm, graded, answer):
            element = index.get(element_id)
            label = element.label if element is not None else element_id
            given = answer.element(element_id)
            element_ref = ref.elements.get(element_id)
            accepted = tuple(element_ref.accepted) if element_ref and element_id in graded else ()
            if element_id not in graded or element_ref is None:
                out.append(ElementGrade(element_id, label, given.result.value if given else None,
                                        (), None, False))
                continue
            correct: bool | None
            if given is None:
                correct = False
                self.deduct(budget, "elements", Kind.PRUEFUNGSSPEZIFISCH, norm.id,
                            f"merkmal-fehlt:{norm.id}#{element_id}",
                            f"{subject} – Merkmal „{label}“",
                            f"die Erörterung des Merkmals (Ergebnis: {quoted(accepted)})",
                            "nicht erörtert",
                            "Die Prüfung der Vorschrift verlangt dieses Merkmal; seine Behandlung "
                            f"konnte nachvollziehbar erwartet werden ({RN_VOLLSTAENDIGKEIT}).", unit)
            elif element_ref.accepts(given.result.value):
                correct = True
                self.explain_acceptance(norm, element_id, given.result.value, element_ref.accepted)
            else:
                correct = False
                self.deduct(budget, "elements", Kind.FACHLICH, norm.id,
                            f"merkmal:{norm.id}#{element_id}", f"{subject} – Merkmal „{label}“",
                            quoted(accepted), f"„{given.result.value}“",
                            " ".join(("Dieses Ergebnis ist nicht vertretbar.", *element_ref.grounds)),
                            unit)
            out.append(ElementGrade(element_id, label, given.result.value if given else None,
                                    accepted, correct, element_id in required))
        return tuple(out)

    def explain_acceptance(self, norm: Norm, element_id: str | None, value: str,
                           accepted: Mapping[str, tuple[int, ...]]) -> None:
        """A note where a result is right only by a minority view or by solution.vertretbar."""
        by = accepted.get(value, ())
        if 0 in by:
            return
        for index in by:
            if index == -1:
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
                return
            scenario = self.reference.scenarios[index]
            for choice in scenario.choices:
                self.note(f"view:{choice.dispute.id}:{choice.view.id}",
                          f"Sie folgen im Meinungsstreit, {choice.dispute.question}, der Auffassung "
                          f"„{choice.view.label}“. Diese Auffassung ist vertretbar; sie führt zu "
                          f"keinem fachlichen Abzug ({RN_FACHLICH}).")
            return

    def optional_norm(self, norm: Norm) -> None:
        answer = self.answer.norm(norm.id)
        status, _ = self.status(norm, answer)
        ref = self.reference.norm(norm.id)
        accepted = tuple(ref.accepted) if ref else ()
        if answer is not None and status is Status.NICHT_VERTRETBAR:
            self.note(f"optional:{norm.id}",
                      f"{norm.citation.canonical()} (nicht verlangt): Ihr Ergebnis "
                      f"„{answer.result.value}“ ist nicht vertretbar (vertretbar: {quoted(accepted)}); "
                      "da die Prüfung nicht verlangt ist, führt das zu keinem Abzug.")
        self.parts.append(PartGrade(norm.id, self.title(norm), Fraction(0), Fraction(0), False, status,
                                    answer.result.value if answer else None, accepted))

    # -- Konkurrenzen --------------------------------------------------------------------------
    def konkurrenzen(self, weight: Fraction) -> None:
        given = {(k.norm, k.yields_to) for k in self.answer.konkurrenzen}
        budget = _Budget({"main": weight}) if weight else None
        scenario = self.konkurrenzen_score(budget, given) if budget is not None else None
        cost = weight * _exact(self.rubric.begruendung)
        for norm_id, yields_to in sorted(given):
            own = self.answer.norm(norm_id)
            if own is not None and own.result is Finding.NICHT_ERFUELLT:
                self.flag(budget, "main", "konkurrenzen", f"konkurrenz-verneint:{norm_id}",
                          "Konkurrenzen – Widerspruch",
                          f"{self._pair(norm_id, yields_to)}, obwohl Sie den Tatbestand von "
                          f"{self._cite(norm_id)} verneinen; eine Norm, deren Tatbestand nicht "
                          "erfüllt ist, tritt nicht zurück.", cost)
        if budget is None:
            if given:
                self.note("konkurrenzen-ohne-gewicht", "Die Konkurrenzen sind in dieser Aufgabe nicht "
                          "zu bewerten; Ihre Angaben dazu bleiben ohne Einfluss auf die Punkte.")
            return
        self.parts.append(PartGrade("konkurrenzen", "Konkurrenzen", weight, budget.units,
                                    path=scenario.label if scenario else None))

    def konkurrenzen_score(self, budget: _Budget, given: set[tuple[str, str]]) -> Scenario | None:
        best = None
        for scenario in self.reference.scenarios:
            needed = {p for p in scenario.displacements if p[0] in self.scope and p[1] in self.scope}
            items = needed | (given - set(scenario.open_displacements))
            score = Fraction(len(needed & given), len(items)) if items else Fraction(1)
            if best is None or score > best[0]:
                best = (score, scenario, needed, items)
        if best is None:
            return None
        _, scenario, needed, items = best
        unit = budget.total / len(items) if items else Fraction(0)
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
            self.deduct(budget, "main", Kind.FACHLICH, "konkurrenzen",
                        f"konkurrenz-falsch:{norm_id}>{yields_to}", "Konkurrenzen",
                        f"kein Zurücktreten von {self._cite(norm_id)} hinter {self._cite(yields_to)}",
                        self._pair(norm_id, yields_to),
                        "Nach dem Sachverhalt und den geprüften Vorschriften besteht dieses "
                        "Konkurrenzverhältnis nicht; das Ergebnis ist nicht vertretbar.", unit)
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
        if applies is not None:
            self.gesamtergebnis_contradictions(budget, applies, cost)
        if budget is not None:
            self.parts.append(PartGrade("gesamtergebnis", "Gesamtergebnis", weight, budget.units,
                                        path=scenario.label if scenario else None))

    def gesamtergebnis_score(self, budget: _Budget, applies: tuple[str, ...]) -> Scenario | None:
        given = set(applies) & self.scope
        for norm_id in sorted(set(applies) - self.scope):
            self.note(f"gesamt-extra:{norm_id}", f"{self._cite(norm_id)} im Gesamtergebnis ist nach dem "
                      "Bearbeitervermerk nicht Gegenstand der Aufgabe und wird nicht bewertet.")
        best = None
        for scenario in self.reference.scenarios:
            needed = set(scenario.applies) & self.scope
            items = needed | (given - set(scenario.open_applies))
            score = Fraction(len(needed & given), len(items)) if items else Fraction(1)
            if best is None or score > best[0]:
                best = (score, scenario, needed, items)
        if best is None:
            return None
        _, scenario, needed, items = best
        unit = budget.total / len(items) if items else Fraction(0)
        for norm_id in sorted(needed - given):
            consequence = self.library.norm(norm_id).consequence
            what = f" ({consequence.text})" if consequence is not None else ""
            self.deduct(budget, "main", Kind.FACHLICH, "gesamtergebnis", f"gesamt-fehlt:{norm_id}",
                        "Gesamtergebnis", f"die Rechtsfolge aus {self._cite(norm_id)}{what}",
                        f"{self._cite(norm_id)} fehlt im Gesamtergebnis",
                        "Nach dem Sachverhalt ist der Tatbestand erfüllt, die Norm wird nicht "
                        "verdrängt und ihre Verfolgbarkeit ist gegeben; das Ergebnis ist nicht "
                        "vertretbar.", unit)
        for norm_id in sorted(items - needed):
            ref = self.reference.norm(norm_id)
            why = ref.grounds if ref is not None else ""
            self.deduct(budget, "main", Kind.FACHLICH, "gesamtergebnis", f"gesamt-falsch:{norm_id}",
                        "Gesamtergebnis", f"keine Rechtsfolge aus {self._cite(norm_id)}",
                        f"{self._cite(norm_id)} im Gesamtergebnis",
                        f"Die Rechtsfolge dieser Norm tritt nicht ein; das Ergebnis ist nicht "
                        f"vertretbar. {why}".strip(), unit)
        return scenario

    def gesamtergebnis_contradictions(self, budget: _Budget | None, applies: tuple[str, ...],
                                      cost: Fraction) -> None:
        displaced = {k.norm: k.yields_to for k in self.answer.konkurrenzen}
        subject = "Gesamtergebnis – Widerspruch"
        for norm_id in applies:
            own = self.answer.norm(norm_id)
            cite = self._cite(norm_id)
            if own is not None and own.result is not Finding.ERFUELLT:
                self.flag(budget, "main", "gesamtergebnis", f"gesamt-verneint:{norm_id}", subject,
                          f"{cite} steht im Gesamtergebnis, obwohl Sie den Tatbestand als "
                          f"„{own.result.value}“ geprüft haben.", cost)
            if norm_id in displaced:
                self.flag(budget, "main", "gesamtergebnis", f"gesamt-verdraengt:{norm_id}", subject,
                          f"{cite} steht im Gesamtergebnis, obwohl Sie es hinter "
                          f"{self._cite(displaced[norm_id])} zurücktreten lassen.", cost)
            if own is not None:
                for element in self.library.norm(norm_id).procedural:
                    stated = own.element(element.id)
                    if stated is not None and stated.result is Finding.NICHT_ERFUELLT:
                        self.flag(budget, "main", "gesamtergebnis",
                                  f"gesamt-verfolgbarkeit:{norm_id}#{element.id}", subject,
                                  f"{cite} steht im Gesamtergebnis, obwohl Sie „{element.label}“ "
                                  "verneinen.", cost)
        for own in self.answer.norms:
            norm = self.library.norm(own.norm)
            ref = self.reference.norm(own.norm)
            if (own.result is not Finding.ERFUELLT or own.norm in applies or own.norm in displaced
                    or ref is None or own.norm not in self.scope):
                continue
            procedural = [own.element(e.id) for e in norm.procedural]
            if all(p is not None and p.result is Finding.ERFUELLT for p in procedural):
                self.flag(budget, "main", "gesamtergebnis", f"gesamt-vergessen:{own.norm}", subject,
                          f"Sie bejahen den Tatbestand von {self._cite(own.norm)}, lassen die Norm "
                          "nicht zurücktreten und bejahen ihre Verfolgbarkeit, nennen sie im "
                          "Gesamtergebnis aber nicht.", cost)


# -- contradictions inside a norm --------------------------------------------------------------
def norm_contradictions(norm: Norm, answer: NormAnswer) -> list[tuple[str, str]]:
    """(code, German text) for every element whose stated result its own sub-answers contradict."""
    stated = {e.element: e.result for e in answer.elements}
    out: list[tuple[str, str]] = []
    for element in norm.root.walk():
        given = answer.result if element is norm.root else stated.get(element.id)
        if given is None or given is Finding.DAHINSTEHEN:
            continue
        label = norm.citation.canonical() if element is norm.root else f"„{element.label}“"
        if element.dispute is not None:
            problems = [_group(label, view.requirement.combine, view.requirement.children, given,
                               stated) for view in element.dispute.views]
            if problems and all(problems):
                out.append((element.id, problems[0]))  # type: ignore[arg-type]
        elif element.children:
            problem = _group(label, element.combine, element.children, given, stated)
            if problem:
                out.append((element.id, problem))
    return out


def _group(label: str, combine: Combine, children: tuple[Element, ...], given: Finding,
           stated: dict[str, Finding]) -> str | None:
    answered = [(c, stated[c.id]) for c in children if c.id in stated]
    if not answered:
        return None
    absorbing, neutral = _ABSORBING[combine], _NEUTRAL[combine]
    how = "kumulativ" if combine is Combine.ALL_OF else "alternativ"
    absorbers = [c for c, f in answered if f is absorbing]
    if absorbers and given is not absorbing:
        return (f"{label} ist als „{given.value}“ angegeben, obwohl Sie „{absorbers[0].label}“ als "
                f"„{absorbing.value}“ beurteilen; die Voraussetzungen sind {how} verknüpft, daraus "
                f"folgt „{absorbing.value}“.")
    if given is neutral:
        loose = [(c, f) for c, f in answered if f in (Finding.OFFEN, Finding.DAHINSTEHEN)]
        if loose:
            child, finding = loose[0]
            how_left = "dahinstehen lassen" if finding is Finding.DAHINSTEHEN else "offen lassen"
            return (f"{label} ist als „{given.value}“ angegeben, stützt sich aber auf "
                    f"„{child.label}“, das Sie {how_left}.")
        return None
    complete = len(answered) == len(children)
    if given is absorbing and not absorbers and complete:
        left = [c for c, f in answered if f is Finding.DAHINSTEHEN]
        extra = f" (Sie lassen „{left[0].label}“ dahinstehen)" if left else ""
        basis = "keine Alternative" if combine is Combine.ANY_OF else "keine Voraussetzung"
        verdict = "erfüllt" if combine is Combine.ANY_OF else "nicht erfüllt"
        return (f"{label} ist als „{given.value}“ angegeben, obwohl Sie {basis} als „{verdict}“ "
                f"beurteilen{extra}.")
    if given is Finding.OFFEN and complete and all(f is neutral for _, f in answered):
        return (f"{label} ist als „offen“ angegeben, obwohl Sie alle Voraussetzungen als "
                f"„{neutral.value}“ beurteilen.")
    return None


def _element_order(norm: Norm, graded: list[str], answer: NormAnswer) -> list[str]:
    wanted = set(graded) | {e.element for e in answer.elements}
    return [element_id for element_id in element_index(norm) if element_id in wanted]
