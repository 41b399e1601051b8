"""Compose the German report of a checked case: Gutachtenstil or Urteilsstil.

Gutachtenstil per element: Obersatz → Definition (footnoted Fundstellen) → Subsumtion (the
fact notes) → Zwischenergebnis. The Gutachten stops examining a norm after a failed
requirement, treats open elements that cannot change the result as "kann dahinstehen", and
sets out a Meinungsstreit only where the views lead to different results.
Urteilsstil puts the result first and gives the reasons after it ("denn …").
"""

from __future__ import annotations

from collections.abc import Mapping

from lawkit.evaluation.results import CaseResult, ElementResult, NormResult, ViewChoice
from lawkit.model.logic import Result
from lawkit.model.norm import Element, Norm, Source
from lawkit.rendering.document import Builder, Document
from lawkit.rendering.phrases import (
    ELEMENT_DEFAULTS,
    RESULT_KEY,
    VIEW_RESULT,
    norm_templates,
    number,
)

SEED_SHORT = {
    "ausarbeitung": "Ausarbeitung zu § 21 WpHG",
    "bverwg": "BVerwG, Beschl. v. 05.03.2018 - 6 B 71.17",
}


class _Roles(dict[str, str]):
    def __missing__(self, key: str) -> str:  # validated on load; never silently empty
        return "{" + key + "}"


def footnotes(sources: tuple[Source, ...]) -> list[str]:
    out = []
    for source in sources:
        note = source.text if source.text.startswith(("Vgl.", "So ", "§", "Art.")) else (
            f"Vgl. {source.text}")
        if source.seed:
            where = SEED_SHORT.get(source.seed, source.seed)
            if where in source.text:  # the seed itself is the Fundstelle: cite its place directly
                note = note + (f", {source.at}" if source.at else "")
            else:
                note = note + f" (zit. nach {where}{', ' + source.at if source.at else ''})"
        if not note.endswith("."):
            note += "."
        out.append(note)
    return out


def sentence(text: str) -> str:
    """A filled template starts a sentence: 'die Z-Bank hat …' → 'Die Z-Bank hat …'."""
    return text[:1].upper() + text[1:]


def element_text(element: Element, key: str, roles: Mapping[str, str]) -> str:
    """An element's phrase; element texts may name case roles, e.g. '{subject} handelte …'."""
    own = getattr(element.texts, key)
    template = own if own is not None else ELEMENT_DEFAULTS[key]
    return sentence(template.format_map(_Roles({**roles, "label": element.label})))


def norm_text(norm: Norm, key: str, roles: Mapping[str, str]) -> str:
    template = getattr(norm.texts, key) or norm_templates(norm.kind)[key]
    return sentence(template.format_map(_Roles(roles)))


def roles_of(result: NormResult, case_roles: Mapping[str, str]) -> dict[str, str]:
    roles = dict(case_roles)
    if result.examination is not None:
        roles.update(result.examination.roles)
        if result.examination.conduct:
            roles["conduct"] = result.examination.conduct
    roles["citation"] = result.citation
    return roles


def fill_roles(template: str, result: NormResult, case_roles: Mapping[str, str]) -> str:
    """A template over the case's roles ('{dienstherr}, nicht {subject} persönlich')."""
    return template.format_map(_Roles(roles_of(result, case_roles)))


def fact_sentence(result: ElementResult) -> str | None:
    fact = result.fact
    if fact is None:
        return None
    text = fact.note.rstrip()
    end = "." if not text.endswith(("!", "?")) else text[-1]
    text = text.rstrip(".!?")
    if fact.assumed:
        text += " (unterstellt)"
    if fact.source:
        text += f" ({fact.source})"
    return text + end


def _questions(result: ElementResult, questions: Mapping[str, str]) -> str:
    return "; ".join(f"„{questions.get(key, key)}“" for key in result.deciding)


class _Composer:
    def __init__(self, case_result: CaseResult, style: str) -> None:
        self.case_result = case_result
        self.style = style
        self.doc = Builder(title=f"{case_result.case.title} — "
                           f"{'Gutachten' if style == 'gutachten' else 'Urteilsstil'}")
        self.roles: dict[str, str] = {}
        self.questions: dict[str, str] = {}
        for norm_result in case_result.norms:
            for result in norm_result.root.walk():
                if result.element.fact and result.element.question:
                    self.questions[result.element.fact] = result.element.question
            for proc in norm_result.procedural:
                for result in proc.walk():
                    if result.element.fact and result.element.question:
                        self.questions[result.element.fact] = result.element.question

    # -- the whole report -------------------------------------------------------------
    def compose(self) -> Document:
        section = 0
        for norm_result in self.case_result.norms:
            self.norm(norm_result, number(0, section))
            section += 1
        displaced = [r for r in self.case_result.norms if r.displacements]
        if displaced:
            self.doc.heading(0, number(0, section), "Konkurrenzen")
            section += 1
            for result in displaced:
                self.konkurrenzen(result)
        self.doc.heading(0, number(0, section), "Gesamtergebnis")
        for result in self.case_result.norms:
            self.gesamtergebnis(result)
        return self.doc.build()

    # -- one norm -----------------------------------------------------------------------
    def norm(self, result: NormResult, num: str) -> None:
        norm = result.norm
        roles = roles_of(result, self.case_result.case.roles)
        self.roles = roles
        self.doc.heading(0, num, f"{result.citation} – {norm.title}")
        if self.style == "urteilsstil":
            self.doc.paragraph(norm_text(norm, RESULT_KEY[result.result], roles), role="ergebnis")
        else:
            self.doc.paragraph(norm_text(norm, "obersatz", roles), role="obersatz")
        index = 0
        for child in result.root.children:
            if child.examined:
                self.element(child, 1, index)
                index += 1
        for proc in result.procedural:
            if proc.examined:
                self.element(proc, 1, index)
                index += 1
        self.ergebnis(result, roles)

    def ergebnis(self, result: NormResult, roles: Mapping[str, str]) -> None:
        norm = result.norm
        sentences = [norm_text(norm, RESULT_KEY[result.result], roles)]
        if result.result is Result.OFFEN:
            sentences.append(f"Entscheidend ist: {_questions(result.root, self.questions)}.")
        prosecutable = result.prosecutable
        if result.result is not Result.NICHT_ERFUELLT and prosecutable is not None:
            sentences.append({
                Result.ERFUELLT: "Die Voraussetzungen der Strafverfolgung liegen vor.",
                Result.NICHT_ERFUELLT: "Die Tat ist jedoch nicht verfolgbar, weil eine "
                "Verfolgungsvoraussetzung fehlt.",
                Result.OFFEN: "Ob die Tat verfolgbar ist, hängt von offenen Tatsachen ab.",
            }[prosecutable])
        if self.style == "gutachten" or result.result is not Result.OFFEN:
            self.doc.paragraph("Ergebnis: " + " ".join(sentences), role="ergebnis")

    # -- one element ----------------------------------------------------------------------
    def element(self, result: ElementResult, level: int, index: int) -> None:
        element = result.element
        heading = element.label
        if result.referenced_norm is not None and result.referenced is not None:
            cited = result.referenced_norm.citation.canonical()
            if cited not in heading:
                heading += f" ({cited})"
        self.doc.heading(level, number(level, index), heading)
        if result.dahinstehen:
            self.dahinstehen(result)
            return
        if self.style == "urteilsstil":
            self.urteil_element(result, level)
            return
        definition = element.definition
        # A structural group (Tatbestand, objektiver Tatbestand …) needs no stock Obersatz.
        structural = bool(element.children) and element.texts.obersatz is None and not definition
        obersatz = None if structural else element_text(element, "obersatz", self.roles)
        self.doc.paragraph(obersatz, definition,
                           footnotes(element.sources) if definition or element.sources else None)
        self.body(result, level)
        if result.children or result.referenced is not None or result.dispute is not None:
            self.doc.paragraph(element_text(element, RESULT_KEY[result.result], self.roles))

    def body(self, result: ElementResult, level: int) -> None:
        """Subsumtion: the fact, the sub-elements, the Verweisung or the Meinungsstreit."""
        if result.fact is not None:
            self.doc.paragraph(fact_sentence(result),
                               element_text(result.element, RESULT_KEY[result.result], self.roles))
            return
        if result.referenced is not None:
            target = result.referenced
            norm = result.referenced_norm
            assert norm is not None
            definition = (target.element.definition if target.element is not norm.root
                          else norm.wording)
            self.doc.paragraph(definition, footnotes(target.element.sources or norm.sources))
            self.children(target, level)
            return
        if result.dispute is not None:
            self.dispute(result, level)
            return
        self.children(result, level)

    def children(self, result: ElementResult, level: int) -> None:
        if result.fact is not None:
            self.doc.paragraph(fact_sentence(result))
            return
        examined = [child for child in result.children if child.examined]
        if len(result.children) == 1 and examined and examined[0].fact is not None \
                and not examined[0].dahinstehen:
            # a single requirement needs no heading of its own: subsume it right here
            self.doc.paragraph(fact_sentence(examined[0]),
                               element_text(examined[0].element,
                                            RESULT_KEY[examined[0].result], self.roles))
            return
        for index, child in enumerate(examined):
            self.element(child, level + 1, index)

    def dispute(self, result: ElementResult, level: int) -> None:
        dispute = result.dispute
        assert dispute is not None
        chosen = next(o for o in dispute.outcomes if o.view is dispute.chosen)
        if dispute.matters:
            self.doc.paragraph(f"Umstritten ist, {dispute.dispute.question}.")
            for outcome in dispute.outcomes:
                view = outcome.view
                holder = view.holder or "einer Auffassung"
                self.doc.paragraph(f"Nach {holder} ({view.label}) gilt: {view.position}",
                                   footnotes(view.sources) or None,
                                   f"Danach {VIEW_RESULT[outcome.result.result]}.")
            reason = {
                ViewChoice.DOMINANT: "der herrschenden Meinung, der hier gefolgt wird",
                ViewChoice.CASE: "der im Fall vorgegebenen Auffassung",
                ViewChoice.CALL: "der gewählten Auffassung",
            }[dispute.chosen_by]
            self.doc.paragraph(
                f"Die Auffassungen führen zu unterschiedlichen Ergebnissen; der Streit ist zu "
                f"entscheiden. Maßgeblich ist hier die Ansicht „{dispute.chosen.label}“ "
                f"(nach {reason})."
            )
        else:
            notes = [n for o in dispute.outcomes for n in footnotes(o.view.sources)]
            self.doc.paragraph(
                f"Umstritten ist, {dispute.dispute.question}.", notes or None,
                "Der Streit kann dahinstehen, weil alle Auffassungen hier zum selben Ergebnis "
                "führen.",
            )
        self.children(chosen.result, level)

    def dahinstehen(self, result: ElementResult) -> None:
        because = result.because
        reason = ""
        if because is not None:
            # the deciding sibling's own conclusion, e.g. "Ein unbefugtes Offenbaren liegt nicht vor."
            reason = " Denn jedenfalls gilt: " + element_text(
                because.element, RESULT_KEY[because.result], self.roles)
        self.doc.paragraph(
            f"Ob „{result.element.label}“ vorliegt, kann dahinstehen: Es hängt von offenen "
            f"Tatsachen ab ({_questions(result, self.questions)}), ändert aber am Ergebnis "
            f"nichts.{reason}"
        )

    def urteil_element(self, result: ElementResult, level: int) -> None:
        """Result first, then the reasons: each conclusion followed by the fact it rests on."""
        sentences = [element_text(result.element, RESULT_KEY[result.result], self.roles)]
        for leaf in result.walk()[1:] if result.fact is None else ():
            if (leaf.fact is not None and leaf.examined and not leaf.dahinstehen
                    and leaf.element.fact in (*result.basis, *result.deciding)):
                conclusion = element_text(leaf.element, RESULT_KEY[leaf.result], self.roles)
                sentences.append(f"{conclusion.rstrip('.')}: {fact_sentence(leaf)}")
        if result.fact is not None:
            sentences.append(f"Denn: {fact_sentence(result)}")
        self.doc.paragraph(*sentences)

    # -- after all norms -------------------------------------------------------------------
    def konkurrenzen(self, result: NormResult) -> None:
        for displacement in result.displacements:
            dominant_name = displacement.dominant_citation
            verdict = {
                Result.ERFUELLT: f"{result.citation} tritt hinter {dominant_name} zurück "
                f"({displacement.relation.kind.value}).",
                Result.NICHT_ERFUELLT: f"{result.citation} tritt nicht hinter {dominant_name} "
                "zurück.",
                Result.OFFEN: f"Ob {result.citation} hinter {dominant_name} zurücktritt, hängt "
                "von offenen Tatsachen ab.",
            }[displacement.status]
            condition = None
            if displacement.condition is not None and displacement.condition.fact is not None:
                condition = fact_sentence(displacement.condition)
            self.doc.paragraph(displacement.relation.explanation,
                               footnotes(displacement.relation.sources) or None, condition,
                               verdict)

    def gesamtergebnis(self, result: NormResult) -> None:
        roles = roles_of(result, self.case_result.case.roles)
        norm = result.norm
        yielding = [d for d in result.displacements if d.status is Result.ERFUELLT]
        if result.result is Result.ERFUELLT and yielding:
            displacement = yielding[0]
            sentences = [f"Die Voraussetzungen des {result.citation} liegen zwar vor; die Vorschrift "
                         f"tritt jedoch hinter {displacement.dominant_citation} zurück "
                         f"({displacement.relation.kind.value})."]
        else:
            sentences = [norm_text(norm, RESULT_KEY[result.result], roles)]
        if result.result is not Result.NICHT_ERFUELLT:
            if result.displaced is Result.OFFEN and result.displacements:
                sentences.append("Ob die Vorschrift im Wege der Konkurrenz zurücktritt, ist offen.")
            prosecutable = result.prosecutable
            if prosecutable is Result.NICHT_ERFUELLT:
                sentences.append("Die Tat kann jedoch nicht verfolgt werden.")
            elif prosecutable is Result.OFFEN:
                sentences.append("Ob die Tat verfolgt werden kann, ist offen.")
        applies = result.applies is not Result.NICHT_ERFUELLT
        if norm.consequence is not None and applies:
            label = "Strafrahmen" if norm.kind.value == "Straftatbestand" else "Rechtsfolge"
            sentences.append(f"{label}: {norm.consequence.text.rstrip('.')}.")
            if norm.consequence.liable:
                sentences.append("Anspruchsgegner: " + fill_roles(
                    norm.consequence.liable, result, self.case_result.case.roles))
        self.doc.paragraph(*sentences,
                           footnotes(norm.consequence.sources)
                           if norm.consequence is not None and applies else None)


def compose(case_result: CaseResult, style: str = "gutachten") -> Document:
    if style not in ("gutachten", "urteilsstil"):
        from lawkit.errors import LawkitError

        raise LawkitError(f"unknown style {style!r}; expected 'gutachten' or 'urteilsstil'")
    return _Composer(case_result, style).compose()
