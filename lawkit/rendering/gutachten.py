"""Compose the German report of a checked case: Gutachtenstil or Urteilsstil, at two levels.

Gutachtenstil per element: Obersatz → Definition (one footnote with its Fundstellen) →
Subsumtion (the Sachverhalt) → Zwischenergebnis. Urteilsstil puts the result first and gives the
reasons after it ("denn …"). The level "ausführlich" writes every step; "klausurmäßig" states
unproblematic points in one sentence (Feststellungsstil) and examines only the problems in full:
a Meinungsstreit, an open or a negative result, a fact the case marks as a problem.

What a Fallbuch does, the composer does:
- the Gutachten stops examining a norm after a failed requirement; an open point that cannot
  change the result kann dahinstehen, with the point that decides instead;
- a Meinungsstreit: the problem, the Subsumtion under each view, and only where the views differ
  a Stellungnahme with the arguments the norm file gives each view, then the decision;
- a point already examined (a Verweisung, a fact) is not examined twice: "siehe oben" with the
  Gliederungspunkt;
- an open result names both branches; where the case declares its Sachverhalt final, a
  criminal-law Gutachten decides open facts about the accused's guilt in dubio pro reo;
- Anwendbarkeit first (the Sperrwirkung of § 839 BGB), Konkurrenzen after the norms, each with
  the reason that decides, and only for norms that are met or open.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lawkit.evaluation.results import (
    CaseResult,
    Displacement,
    DisputeResult,
    ElementResult,
    NormResult,
    ViewChoice,
)
from lawkit.evaluation.views import below, result_if
from lawkit.model.grammar import Kasus
from lawkit.model.logic import Combine, Result, combine, negation
from lawkit.model.norm import Element, NormKind, View
from lawkit.rendering.document import Builder, Document
from lawkit.rendering.phrases import ARGUMENT_LEAD, LEVELS, RESULT_KEY, STYLES, number
from lawkit.rendering.style_check import near_duplicate
from lawkit.rendering.syntax import (
    continued,
    fronted,
    inserted,
    join_or,
    lower_first,
    main_after_condition,
    ob,
    sentence_case,
    verb_first,
)
from lawkit.rendering.texts import (
    Roles,
    element_text,
    fact_sentence,
    footnotes,
    norm_text,
    note_says_open,
    roles_of,
    sentences,
    source_list,
    yes_phrase,
)

# consecutive Zwischenergebnisse are joined by these words, in turn
_CASCADE = ("Damit", "Somit", "Folglich")
# in Urteilsstil, a point that turns on the facts named just above says so in these words
_SAME_OPEN = (", hängt ebenfalls davon ab.", ", ist aus demselben Grund offen.",
              ", bleibt deshalb gleichfalls offen.")


def view_name(view: View, dispute_views: int) -> str:
    """How the Stellungnahme names a view: its own name, 'die herrschende Meinung', or (of two)
    'die Gegenauffassung'."""
    if view.name:
        return view.name
    if view.dominant:
        return "die herrschende Meinung"
    return "die Gegenauffassung" if dispute_views == 2 else "die andere Auffassung"


def feminine(phrase: str, kasus: Kasus) -> str:
    """'die herrschende Meinung' in a case (the names of views are feminine)."""
    if kasus in (Kasus.NOM, Kasus.AKK):
        return phrase
    words = phrase.split()
    out = ["der"]
    for word in words[1:-1]:
        out.append(word + "n" if word.endswith("e") and word.islower() else word)
    out.append(words[-1])
    return " ".join(out)


def pro_reo(case_final: bool, result: NormResult) -> bool:
    """Whether a criminal-law Gutachten decides this norm in dubio pro reo: the case declares its
    Sachverhalt final and the offence turns on open facts (not on the Verfolgbarkeit)."""
    return (case_final and result.norm.kind is NormKind.STRAFTATBESTAND
            and result.result is Result.OFFEN)


def _structural(element: Element) -> bool:
    """A group that is only a heading: parts, but no Obersatz or definition of its own."""
    return bool(element.children) and element.texts.obersatz is None and not element.definition


@dataclass
class _Seen:
    """What the Gutachten has examined so far, with its Gliederungspunkt."""

    elements: dict[tuple[str, str], tuple[str, Result]] = field(default_factory=dict)
    facts: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # a note of the Sachverhalt, once


class _Composer:
    def __init__(self, case_result: CaseResult, style: str, level: str) -> None:
        self.case_result = case_result
        self.style = style
        self.level = level
        self.doc = Builder(title=f"{case_result.case.title} — "
                           f"{'Gutachten' if style == 'gutachten' else 'Urteilsstil'}")
        self.path: list[str] = []
        self.seen = _Seen()
        self.roles = Roles({}, {})
        self.norm_id = ""
        self.section = ""
        self.pro_reo = False
        self.cascade = 0
        self.decided_pro_reo: list[ElementResult] = []
        self.open_named: list[str] = []  # the open facts the last Zwischenergebnis named
        self.repeated = 0
        self.open_konkurrenzen = 0  # open Konkurrenzen written so far (their sentences vary)
        self.last_because: ElementResult | None = None  # what decided the last 'kann dahinstehen'
        self.urteil_above: dict[int, str] = {}  # Urteilsstil: the conclusions of the points above

    @property
    def gutachten(self) -> bool:
        return self.style == "gutachten"

    @property
    def klausur(self) -> bool:
        return self.level == "klausurmäßig"

    # -- headings and the Gliederung ------------------------------------------------------------
    def heading(self, level: int, index: int, text: str) -> str:
        num = number(level, index)
        self.path = [*self.path[:level], num]
        self.doc.heading(level, num, text)
        self.cascade = 0
        return self.where()

    def where(self) -> str:
        return " ".join(self.path)

    def cite_point(self, where: str) -> str:
        """A Gliederungspunkt as the text refers to it: without the section letter where it is in
        the section being written ('II. 1.'), else in full ('A. II. 1.')."""
        section = self.path[0] + " " if self.path else ""
        if section and where.startswith(section):
            return where[len(section):]
        return where

    def paragraph(self, *parts: str | list[str] | None, role: str = "text") -> None:
        self.doc.paragraph(*parts, role=role)
        self.cascade = 0

    def conclusion(self, sentence: str, role: str = "text") -> None:
        """A Zwischenergebnis; the second of several in a row opens with 'Damit', 'Somit' …"""
        if self.cascade and not sentence.startswith(("Ob ", "Damit ")):
            words = [_CASCADE[(self.cascade - 1 + i) % len(_CASCADE)] for i in range(len(_CASCADE))]
            word = next((w for w in words if f" {w.lower()} " not in f" {sentence.lower()}"),
                        words[0])  # "…; damit scheidet …" does not open with "Damit"
            sentence = fronted(word, sentence)
        self.doc.paragraph(sentence, role=role)
        self.cascade += 1

    # -- the whole report -------------------------------------------------------------------------
    def compose(self) -> Document:
        section = 0
        for norm_result in self.case_result.norms:
            self.norm(norm_result, section)
            section += 1
        konkurrenzen = [(r, d) for r in self.case_result.norms for d in r.displacements
                        if not d.first and r.result is not Result.NICHT_ERFUELLT]
        if konkurrenzen:
            self.heading(0, section, "Konkurrenzen")
            section += 1
            for result, displacement in konkurrenzen:
                self.konkurrenz(result, displacement)
        self.heading(0, section, "Gesamtergebnis")
        for result in self.case_result.norms:
            self.gesamtergebnis(result)
        return self.doc.build()

    # -- one norm ---------------------------------------------------------------------------------
    def norm(self, result: NormResult, section: int) -> None:
        norm = result.norm
        self.roles = roles_of(result, self.case_result.case.roles)
        self.norm_id = norm.id
        self.pro_reo = pro_reo(self.case_result.case.final, result)
        self.decided_pro_reo = []
        self.open_named = []
        self.section = self.heading(0, section, f"{result.citation} – {norm.title}")
        if self.gutachten:
            self.paragraph(norm_text(norm, "obersatz", self.roles), role="obersatz")
        else:
            self.paragraph(*self.verdict(result), role="ergebnis")
        index = 0
        for gate in result.gates:
            self.anwendbarkeit(result, gate, index)
            index += 1
        if result.applicable is not Result.NICHT_ERFUELLT:
            for child in self.in_order(result.root):
                self.element(child, 1, index)
                index += 1
            if self.effective(result.root) is not Result.NICHT_ERFUELLT:
                for proc in result.procedural:
                    if proc.examined:
                        self.element(proc, 1, index)
                        index += 1
        if self.gutachten:
            self.paragraph("Ergebnis: " + " ".join(self.verdict(result)), role="ergebnis")
        self.seen.elements[(norm.id, norm.root.id)] = (self.section, result.result)

    def in_order(self, group: ElementResult) -> list[ElementResult]:
        """The children the Gutachten examines: in order, up to the one that decides (the first
        failed requirement; in dubio pro reo also an open one)."""
        out = []
        for child in group.children:
            if not child.examined:
                continue
            out.append(child)
            effective = self.effective(child)
            if group.element.combine is Combine.ALL_OF and effective is Result.NICHT_ERFUELLT:
                break
            if group.element.combine is Combine.ANY_OF and effective is Result.ERFUELLT:
                break
        return out

    def effective(self, result: ElementResult) -> Result:
        """The result the Gutachten states: the check's, except that in dubio pro reo an open
        requirement of the accused's guilt counts as not met."""
        if not self.pro_reo or result.result is not Result.OFFEN or result.dahinstehen:
            return result.result
        if result.element.fact is not None:
            return Result.NICHT_ERFUELLT
        if result.referenced is not None:
            inner = self.effective(result.referenced)
            return negation(inner) if result.element.negated else inner
        if result.dispute is not None:
            return self.effective(_chosen(result.dispute))
        if result.children:
            return combine(result.element.combine, (self.effective(c) for c in result.children))
        return result.result

    def verdict(self, result: NormResult) -> list[str]:
        """The norm's result in sentences: met, not met, or both branches of what is open."""
        norm = result.norm
        if self.pro_reo:
            return [norm_text(norm, "negative", self.roles)]
        if result.result is not Result.OFFEN:
            out = [norm_text(norm, RESULT_KEY[result.result], self.roles)]
        else:
            out = [self.branches(result)]
        prosecutable = result.prosecutable
        if result.result is not Result.NICHT_ERFUELLT and prosecutable is not None:
            if prosecutable is Result.ERFUELLT:
                out.append("Die Tat ist verfolgbar.")
            elif prosecutable is Result.NICHT_ERFUELLT:
                out.append("Die Tat ist jedoch nicht verfolgbar.")
            else:
                leaves = [self.leaf_for(result, key) for proc in result.procedural
                          for key in proc.deciding]
                clauses = [ob(yes_phrase(leaf, self.roles)) for leaf in leaves if leaf]
                out.append("Ob die Tat verfolgt werden kann, hängt davon ab, "
                           f"{join_or(list(dict.fromkeys(clauses)))}.")
        return out

    def branches(self, result: NormResult) -> str:
        """'Handelte R vorsätzlich, hat sie sich … strafbar gemacht; andernfalls nicht.' — or, for
        several open facts, what the result depends on."""
        norm = result.norm
        deciding = result.deciding
        leaves = [leaf for key in deciding if (leaf := self.leaf_for(result, key)) is not None]
        if len(deciding) == 1 and leaves:
            after = {answer: result_if(self.case_result, norm.id, deciding[0], answer)
                     for answer in ("ja", "nein")}
            if all(r.determined for r in after.values()) and after["ja"] is not after["nein"]:
                condition = verb_first(yes_phrase(leaves[0], self.roles))
                if after["ja"] is Result.ERFUELLT:
                    main = self.roles.after_condition(norm_text(norm, "positive", self.roles))
                    return f"{condition}, {main}; andernfalls nicht."
                main = self.roles.after_condition(norm_text(norm, "negative", self.roles))
                other = self.roles.after_condition(norm_text(norm, "positive", self.roles))
                return f"{condition}, {main}; andernfalls {other}."
        clauses = list(dict.fromkeys(ob(yes_phrase(leaf, self.roles)) for leaf in leaves))
        question = norm_text(norm, "open", self.roles).split(",")[0]  # "Ob sich R … hat"
        if not clauses:
            return norm_text(norm, "open", self.roles)
        named = self.open_named
        self.open_named = clauses
        if named and all(c in named for c in clauses):
            return f"{question}, bleibt damit offen." if self.gutachten else \
                f"{question}, hängt davon ab, {join_or(clauses)}."
        return f"{question}, hängt davon ab, {join_or(clauses)}."

    def leaf_for(self, result: NormResult, key: str) -> ElementResult | None:
        """The leaf that asks a fact, in the norm's tree (Verweisungen followed)."""
        trees = [*(d.condition for d in result.gates if d.condition is not None), result.root,
                 *result.procedural]
        for tree in trees:
            for er in _everything(tree):
                if er.element.fact == key:
                    return er
        return None

    # -- Anwendbarkeit (a relation examined first) ----------------------------------------------
    def anwendbarkeit(self, result: NormResult, gate: Displacement, index: int) -> None:
        self.heading(1, index, "Anwendbarkeit")
        condition = gate.condition
        assert condition is not None
        citation = result.norm.citation.parts[0].canonical()
        dominant = gate.dominant_citation.split(" i.V.m. ")[0]
        relation = gate.relation
        if self.gutachten:
            self.paragraph(f"{citation} müsste neben {dominant} anwendbar sein.",
                           relation.explanation, footnotes(relation.sources), role="obersatz")
            if condition.element.definition:
                self.paragraph(condition.element.definition, footnotes(condition.element.sources))
        daher = " daher" if self.gutachten else ""  # the Urteilsstil opens with the result
        barred = {
            Result.ERFUELLT: f"{citation} ist{daher} neben {dominant} nicht anwendbar.",
            Result.NICHT_ERFUELLT: f"Die Sperrwirkung des {dominant} greift{daher} nicht; "
            f"{citation} ist anwendbar.",
            Result.OFFEN: "",
        }[gate.status]
        if condition.fact is not None:
            answer = RESULT_KEY[condition.result]
            phrase = element_text(condition.element, answer if condition.result.determined
                                  else "positive", self.roles)
            subsumtion = [fact_sentence(condition.fact, phrase)]
            if condition.result.determined and not condition.fact.departs:
                subsumtion.append(phrase or "")
            self.seen.facts.setdefault(condition.fact.key, self.where())
        else:
            subsumtion = [element_text(condition.element, RESULT_KEY[condition.result],
                                       self.roles) or ""]
        if gate.status is Result.OFFEN:
            yes = yes_phrase(condition, self.roles) if condition.fact else ""
            verdict = (f"{verb_first(yes)}, ist {citation} neben {dominant} nicht anwendbar; "
                       "andernfalls ist die Vorschrift anwendbar." if yes else
                       f"Ob {citation} neben {dominant} anwendbar ist, bleibt offen.")
        else:
            verdict = barred
        if self.gutachten:
            self.paragraph(*subsumtion, verdict)
            return
        after = continued(relation.explanation)
        self.paragraph(verdict, f"Denn {after}" if after else relation.explanation,
                       footnotes(relation.sources))
        if len(subsumtion) == 2 and (reason := continued(subsumtion[0])) is not None:
            subsumtion = [self.denn(subsumtion[1], reason)]
        self.paragraph(*subsumtion)

    # -- one element ------------------------------------------------------------------------------
    def heading_text(self, result: ElementResult) -> str:
        label = result.element.label
        if result.referenced_norm is not None and result.referenced is not None \
                and "(" not in label and "§" not in label and not result.element.negated:
            label += f" ({result.referenced_norm.citation.canonical()})"
        return label

    def element(self, result: ElementResult, level: int, index: int,
                headed: bool = True) -> None:
        where = self.heading(level, index, self.heading_text(result)) if headed else self.where()
        element = result.element
        if result.dahinstehen:
            self.dahinstehen(result, level, index)
        elif (earlier := self.earlier(result)) is not None:
            self.siehe_oben(result, earlier)
        elif self.klausur and not self.problem(result):
            self.feststellung(result)
        elif result.either_way is not None:
            self.either_way(result, level)
        elif self.gutachten:
            self.gutachtenstil(result, level)
        else:
            self.urteilsstil(result, level)
        if not result.dahinstehen:
            self.seen.elements.setdefault((self.norm_id, element.id), (where, result.result))
            if result.referenced is not None and result.referenced_norm is not None:
                key = (result.referenced_norm.id, result.referenced.element.id)
                self.seen.elements.setdefault(key, (where, result.referenced.result))

    def earlier(self, result: ElementResult) -> str | None:
        """Where the same point was examined before with the same result (for 'siehe oben')."""
        if result.referenced is not None and result.referenced_norm is not None:
            key = (result.referenced_norm.id, result.referenced.element.id)
            seen = self.seen.elements.get(key)
            if seen is not None and seen[1] is result.referenced.result:
                return seen[0]
        if result.fact is not None and not result.fact.departs:
            where = self.seen.facts.get(result.fact.key) or self.seen.notes.get(result.fact.note)
            if where is not None and not (self.pro_reo and result.result is Result.OFFEN):
                return where
        return None

    def phrase(self, result: ElementResult, effective: Result | None = None) -> str:
        key = RESULT_KEY[effective or self.effective(result)]
        return element_text(result.element, key, self.roles) or ""

    def siehe_oben(self, result: ElementResult, where: str) -> None:
        conclusion = self.phrase(result)
        if self.gutachten and not self.klausur and result.element.texts.obersatz \
                and result.element.sources:
            self.paragraph(element_text(result.element, "obersatz", self.roles),
                           footnotes(result.element.sources), role="obersatz")
        self.paragraph(f"{conclusion[:-1]} (siehe oben {self.cite_point(where)}).")
        self.cascade = 1

    def problem(self, result: ElementResult, parent: Combine | None = Combine.ALL_OF) -> bool:
        """A Schwerpunkt: a Meinungsstreit, an open or a decisive negative result, a fact the
        case marks as a problem (anywhere below)."""
        effective = self.effective(result)
        if result.dispute is not None:
            return True
        if effective is Result.OFFEN and not result.dahinstehen:
            return True
        if effective is Result.NICHT_ERFUELLT and parent is Combine.ALL_OF:
            return True
        if result.fact is not None and result.fact.problem:
            return True
        inner: list[tuple[ElementResult, Combine | None]] = [
            (c, result.element.combine) for c in result.children if c.examined]
        if result.referenced is not None:
            target = result.referenced
            inner += [(c, target.element.combine) for c in target.children if c.examined] \
                if target.children else [(target, None)]
        return any(self.problem(c, how) for c, how in inner)

    # -- Gutachtenstil ----------------------------------------------------------------------------
    def gutachtenstil(self, result: ElementResult, level: int) -> None:
        element = result.element
        structural = _structural(element)
        obersatz = None if structural else element_text(element, "obersatz", self.roles)
        notes = footnotes(element.sources)
        if result.fact is not None:
            self.paragraph(obersatz, element.definition, notes, role="obersatz")
            self.subsumtion(result)
            return
        self.paragraph(obersatz, element.definition, notes, role="obersatz")
        if result.referenced is not None:
            self.verweisung(result, level)
        elif result.dispute is not None:
            self.dispute(result, level)
            return
        else:
            self.children(result, level)
        if structural and self.restates(result):
            return
        self.conclusion(self.group_conclusion(result))

    def restates(self, result: ElementResult) -> bool:
        """'Damit ist der objektive Tatbestand nicht erfüllt. Somit ist der Tatbestand nicht
        erfüllt.': a heading-only group that failed with its one examined part, itself a
        heading-only group concluded just above, needs no sentence of its own."""
        examined = [c for c in result.children if c.examined]
        if len(examined) != 1 or not self.cascade:
            return False
        child = examined[0]
        return (self.effective(result) is Result.NICHT_ERFUELLT
                and self.effective(child) is Result.NICHT_ERFUELLT
                and _structural(child.element))

    def group_conclusion(self, result: ElementResult) -> str:
        effective = self.effective(result)
        if effective is not Result.OFFEN:
            return self.phrase(result, effective)
        leaves = self.open_leaves(result)
        clauses = list(dict.fromkeys(ob(yes_phrase(leaf, self.roles)) for leaf in leaves))
        question = ob(element_text(result.element, "positive", self.roles) or "")
        target = result.referenced or result
        if len(target.children) == 1 and len(clauses) == 1:
            # the single requirement was subsumed just above: no need to name it again
            return fronted("Damit", self.phrase(result, Result.OFFEN)) \
                if self.can_front_open(result) else self.phrase(result, Result.OFFEN)
        if clauses:
            named = self.open_named
            self.open_named = clauses
            if named and all(c in named for c in clauses):
                self.open_named = named
                if not self.gutachten:  # top-down: the parent named the facts before
                    self.repeated += 1
                    return sentence_case(question) + _SAME_OPEN[(self.repeated - 1) % len(_SAME_OPEN)]
                return f"Damit bleibt auch offen, {question}."
            if named and any(c in named for c in clauses):
                new = [c for c in clauses if c not in named]
                self.open_named = [*named, *new]
                return f"{sentence_case(question)}, hängt außerdem davon ab, {join_or(new)}."
            return f"{sentence_case(question)}, hängt davon ab, {join_or(clauses)}."
        return self.phrase(result, Result.OFFEN)

    def can_front_open(self, result: ElementResult) -> bool:
        return False

    def open_leaves(self, result: ElementResult) -> list[ElementResult]:
        keys = result.deciding
        out = []
        for er in _everything(result):
            if er.element.fact in keys and er.result is Result.OFFEN and er not in out:
                out.append(er)
                keys = tuple(k for k in keys if k != er.element.fact)
        return out

    def subsumtion(self, result: ElementResult, conclude: bool = True) -> None:
        """A leaf: the Sachverhalt, then the Zwischenergebnis (for an open fact, in dubio pro reo
        where the case is final). `conclude=False` where the group's conclusion follows at once
        (a single requirement)."""
        fact = result.fact
        assert fact is not None
        sentences_: list[str] = []
        effective = self.effective(result)
        determined = result.result.determined
        phrase = self.phrase(result, result.result) if determined else \
            yes_phrase(result, self.roles)
        sentences_.append(fact_sentence(fact, phrase))
        self.seen.facts.setdefault(fact.key, self.where())
        self.seen.notes.setdefault(fact.note, self.where())
        if determined:
            if not fact.departs and conclude and not near_duplicate(fact.note, phrase):
                sentences_.append(phrase)
        elif effective is Result.NICHT_ERFUELLT:  # in dubio pro reo
            favourable = element_text(result.element, "negative", self.roles) or ""
            subject = self.roles.subject(Kasus.GEN)
            sentences_.append(
                "Weil der Sachverhalt abschließend ist, ist nach dem Grundsatz in dubio pro reo "
                f"zugunsten {subject} davon auszugehen, "
                f"{self.roles.pronominal(_dass_clause(favourable))}.")
            self.decided_pro_reo.append(result)
        elif not note_says_open(fact.note) and not fact.departs:
            sentences_.append(self.phrase(result, Result.OFFEN))
        self.paragraph(*sentences_)
        self.cascade = 1 if determined or effective is not Result.OFFEN else 0

    def verweisung(self, result: ElementResult, level: int) -> None:
        target = result.referenced
        norm = result.referenced_norm
        assert target is not None and norm is not None
        definition: str | None
        if target.element is norm.root:
            definition, sources = norm.wording, norm.sources
        else:
            definition, sources = target.element.definition, target.element.sources
        if result.element.negated:
            definition = None  # the Verweisung names what must be absent; its norm is above
        self.paragraph(definition, footnotes(sources) if definition else None)
        if target.fact is not None:
            self.subsumtion(target)
        elif target.dispute is not None:
            self.dispute(target, level, conclude=False)
        else:
            self.children(target, level)

    def children(self, result: ElementResult, level: int) -> None:
        examined = self.in_order(result)
        if len(result.children) == 1 and examined and examined[0].fact is not None \
                and not examined[0].dahinstehen and self.earlier(examined[0]) is None:
            # a single requirement needs no heading of its own: subsume it right here
            self.subsumtion(examined[0], conclude=False)
            return
        if len(examined) == 1 and len(result.children) > 1 and not examined[0].dahinstehen \
                and (result.element.combine is Combine.ANY_OF
                     or (_structural(result.element) and examined[0].fact is not None)):
            # the one alternative examined (the first that is met): no "aa)" without "bb)";
            # its own parts follow one level down
            self.element(examined[0], level, 0, headed=False)
            return
        for index, child in enumerate(examined):
            self.element(child, level + 1, index)

    # -- alternatives that exclude each other ---------------------------------------------------
    def either_way(self, result: ElementResult, level: int) -> None:
        """'Ob R Amtsträgerin ist, hängt davon ab, ob …. Das kann offenbleiben: Ist R
        Amtsträgerin, gehört sie nach Nr. 1 zum Täterkreis; andernfalls …'."""
        element = result.element
        self.paragraph(element_text(element, "obersatz", self.roles), element.definition,
                       footnotes(element.sources), role="obersatz")
        target = next(c for c in result.children
                      if c.element.ref == result.either_way and not c.element.negated)
        others = [c for c in result.children if c is not target]
        target_yes = element_text(target.element, "positive", self.roles) or ""
        leaves = [leaf for leaf in self.open_leaves(target.referenced or target) if leaf.fact]
        clauses = list(dict.fromkeys(ob(yes_phrase(leaf, self.roles)) for leaf in leaves))
        first = (f"{sentence_case(ob(target_yes))}, hängt davon ab, {join_or(clauses)}."
                 if clauses else f"{sentence_case(ob(target_yes))}, lässt der Sachverhalt offen.")
        notes = []
        for leaf in leaves:
            assert leaf.fact is not None
            notes.append(fact_sentence(leaf.fact, yes_phrase(leaf, self.roles)))
            self.seen.facts.setdefault(leaf.fact.key, self.where())
        self.paragraph(first, *notes)
        group_yes = element_text(element, "positive", self.roles) or ""
        cite = f" ({target.element.cite})" if target.element.cite else ""
        sentences_ = [f"Das kann offenbleiben. {verb_first(target_yes)}, "
                      f"{self.roles.after_condition(group_yes)}{cite}."]
        for other in others:
            facts = []
            for leaf in _everything(other):
                if leaf.fact is not None and leaf.result is Result.ERFUELLT:
                    facts.append(fact_sentence(leaf.fact, self.phrase(leaf, leaf.result)))
                    self.seen.facts.setdefault(leaf.fact.key, self.where())
            branch = f"Andernfalls {main_after_condition(self.with_cite(other))}"
            sentences_.append(branch + (": " + " ".join(facts) if facts else "."))
        self.paragraph(*sentences_)
        self.doc.paragraph(fronted("Damit", self.phrase(result), insert="jedenfalls"))
        self.cascade = 1

    def with_cite(self, result: ElementResult) -> str:
        phrase = element_text(result.element, "positive", self.roles) or ""
        if result.element.cite:
            return phrase[:-1] + f" ({result.element.cite})"
        return phrase[:-1]

    # -- kann dahinstehen -------------------------------------------------------------------------
    def dahinstehen(self, result: ElementResult, level: int, index: int) -> None:
        """'Ob …, hängt davon ab, ob …. Das kann dahinstehen, denn … jedenfalls …'"""
        positive = element_text(result.element, "positive", self.roles) or ""
        question = sentence_case(ob(positive))
        leaves = self.open_leaves(result.referenced or result) if result.referenced else \
            self.open_leaves(result)
        clauses = list(dict.fromkeys(ob(yes_phrase(leaf, self.roles)) for leaf in leaves
                                     if leaf is not result))
        first = (f"{question}, hängt davon ab, {join_or(clauses)}." if clauses
                 else f"{question}, lässt der Sachverhalt offen.")
        because = result.because
        if because is not None and because is self.last_because:
            # the same deciding point as for the element just before: say so, not the reason again
            later = self.sibling_number(because, level, index)
            reason = (f"Auch das kann aus demselben Grund dahinstehen (dazu {self.cite_point(later)})."
                      if later else "Auch das kann aus demselben Grund dahinstehen.")
        elif because is not None:
            decided = self.phrase(because, because.result)
            reason = f"Das kann dahinstehen, denn {lower_first(inserted(decided, 'jedenfalls'))}"
            later = self.sibling_number(because, level, index)
            if later:
                reason = reason[:-1] + f" (dazu {self.cite_point(later)})."
        else:
            reason = "Das kann dahinstehen, weil es am Ergebnis nichts ändert."
        self.last_because = because
        self.paragraph(first, reason)

    def sibling_number(self, because: ElementResult, level: int, index: int) -> str | None:
        """The Gliederungspunkt of a later sibling that decides instead ('II.')."""
        parent = self._parent_of(because)
        if parent is None:
            return None
        siblings = [c for c in parent.children if c.examined]
        if because not in siblings:
            return None
        position = siblings.index(because)
        if position <= index:
            return None
        return " ".join([*self.path[:level], number(level, position)])

    def _parent_of(self, child: ElementResult) -> ElementResult | None:
        for norm in self.case_result.norms:
            for er in _everything(norm.root):
                if any(c is child for c in er.children):
                    return er
            for proc in norm.procedural:
                for er in _everything(proc):
                    if any(c is child for c in er.children):
                        return er
        for norm in self.case_result.norms:
            if any(c is child for c in norm.root.children):
                return norm.root
        return None

    # -- Feststellungsstil (klausurmäßig, unproblematic points) --------------------------------
    def feststellung(self, result: ElementResult) -> None:
        parts = self.statement(result)
        self.paragraph(*parts)
        self.cascade = 1
        for er in _everything(result):
            if er.fact is not None:
                self.seen.facts.setdefault(er.fact.key, self.where())

    def statement(self, result: ElementResult) -> list[str | list[str]]:
        """One sentence for an unproblematic point (Feststellungsstil): its conclusion, with the
        apposition of the fact it rests on, the Sachverhalt's places and the Fundstellen."""
        element = result.element
        conclusion = self.phrase(result)
        basis = [er for er in _everything(result) if er.fact is not None
                 and er.element.fact in result.basis and er.examined]
        sources = [er.fact.source for er in basis if er.fact is not None and er.fact.source]
        brief = next((er.fact.brief for er in basis if er.fact is not None and er.fact.brief), None)
        if element.combine is Combine.ANY_OF and result.children and not result.referenced:
            met = next((c for c in result.children if c.result is Result.ERFUELLT), None)
            if met is not None:
                return [*self.statement(met), fronted("Damit", conclusion)]
        if result.referenced is not None and result.referenced_norm is not None \
                and not element.negated and result.result is Result.ERFUELLT \
                and result.referenced_norm.kind is NormKind.DEFINITIONSNORM:
            cited = _refined(result.referenced_norm.citation.canonical(), result.referenced)
            conclusion = conclusion[:-1] + f" i.S.d. {cited}."
        if brief and result.result is Result.ERFUELLT:
            conclusion = inserted(conclusion, brief)
        if sources:
            conclusion = conclusion[:-1] + f" ({source_list(sources)})."
        return [conclusion, footnotes(element.sources)]

    # -- Urteilsstil ------------------------------------------------------------------------------
    def urteilsstil(self, result: ElementResult, level: int) -> None:
        element = result.element
        conclusion = self.phrase(result)
        if result.fact is not None:
            fact = result.fact
            self.seen.facts.setdefault(fact.key, self.where())
            self.seen.notes.setdefault(fact.note, self.where())
            if self.effective(result) is not result.result:  # in dubio pro reo
                doubt = ("Weil der Sachverhalt abschließend ist, ist nach dem Grundsatz in dubio "
                         f"pro reo zugunsten {self.roles.subject(Kasus.GEN)} davon auszugehen."
                         if note_says_open(fact.note) else
                         "Das lässt sich nach dem abschließenden Sachverhalt nicht klären; nach "
                         "dem Grundsatz in dubio pro reo ist zugunsten "
                         f"{self.roles.subject(Kasus.GEN)} davon auszugehen.")
                self.paragraph(conclusion, fact_sentence(fact), doubt, footnotes(element.sources))
                return
            if result.result is Result.OFFEN:
                still = self.phrase(result, Result.OFFEN)
                self.paragraph(None if fact.departs or near_duplicate(fact.note, still) else still,
                               fact_sentence(fact, yes_phrase(result, self.roles)),
                               footnotes(element.sources))
                return
            reason = fact_sentence(fact, conclusion)
            if fact.departs or near_duplicate(fact.note, conclusion.split(";")[0]):
                self.paragraph(reason, footnotes(element.sources))
            elif (after := continued(reason)) is None:
                # "Unterstellt, …", "Dass …" cannot follow "denn": two sentences
                self.paragraph(conclusion, reason, footnotes(element.sources))
            else:
                self.paragraph(self.denn(conclusion, after), footnotes(element.sources))
            return
        conclusion = self.group_conclusion(result)
        above = [c for lvl, c in self.urteil_above.items() if lvl < level]
        self.urteil_above = {lvl: c for lvl, c in self.urteil_above.items() if lvl < level}
        self.urteil_above[level] = conclusion
        if any(near_duplicate(c, conclusion) for c in above) and not conclusion.startswith("Ob "):
            conclusion = f"Das folgt daraus, {_dass_clause(conclusion)}."
        if element.definition:
            self.paragraph(conclusion)
            self.paragraph(element.definition, footnotes(element.sources))
        else:
            self.paragraph(conclusion, footnotes(element.sources))
        if result.referenced is not None:
            self.verweisung(result, level)
        elif result.dispute is not None:
            self.dispute_urteil(result, level)
        else:
            self.children(result, level)

    def denn(self, conclusion: str, reason: str) -> str:
        """'F ist Beamtin, denn sie wurde … ernannt.': the person the conclusion opens with is a
        pronoun in the reason."""
        subject = self.roles.subject(Kasus.NOM)
        if subject and conclusion.startswith(subject + " "):
            reason = self.roles.pronominal(f"denn {reason}")[len("denn "):]
        return conclusion[:-1] + ", denn " + reason

    # -- Meinungsstreit ---------------------------------------------------------------------------
    def dispute(self, result: ElementResult, level: int, conclude: bool = True) -> None:
        """Problem → Subsumtion under each view → (if they differ) Stellungnahme → decision."""
        if not self.gutachten:
            self.dispute_urteil(result, level)
            return
        dispute = result.dispute
        assert dispute is not None
        common = _common(dispute)
        chosen = _chosen(dispute)
        for part in _parts(chosen):
            if part.element.id in common:
                self.inline(part)
        common_result = combine(Combine.ALL_OF, (self.effective(p) for p in _parts(chosen)
                                                 if p.element.id in common)) if common else None
        question = dispute.dispute.question
        if common_result is Result.NICHT_ERFUELLT:
            self.paragraph(f"Auf die Frage, {question}, kommt es daher nicht an.", role="streit")
            self.conclusion(self.phrase(result))
            return
        views = len(dispute.outcomes)
        if self.klausur and not dispute.matters and all(
                self.effective(o.result).determined for o in dispute.outcomes):
            self.dispute_short(result, common)
            return
        self.paragraph(f"Fraglich ist, {question}.", role="streit")
        agreed = False
        previous: tuple[Result, list[str]] | None = None  # the view before: result, open facts
        for i, outcome in enumerate(dispute.outcomes):
            view = outcome.view
            if not self.klausur:
                self.heading(level + 1, i, view.label)
            holder = view.holder or feminine(view_name(view, views), Kasus.DAT)
            position = sentences(view.position)
            first = fronted(f"Nach {holder}", position[0]) if position else ""
            self.paragraph(first, *position[1:], footnotes(view.sources), role="streit")
            for part in _parts(outcome.result):
                if part.element.id not in common:
                    self.inline(part)
            verdict = self.effective(outcome.result)
            clauses = [ob(yes_phrase(leaf, self.roles)) for leaf in self.open_leaves(outcome.result)] \
                if verdict is Result.OFFEN else []
            # the same result (open on the same facts) as the view before: said so, not repeated
            agreed = previous == (verdict, clauses)
            previous = (verdict, clauses)
            lead = "Auch nach dieser Auffassung" if agreed else "Nach dieser Auffassung"
            if verdict is Result.OFFEN:
                text = (f"{lead} hängt das Ergebnis davon ab, "
                        f"{join_or(list(dict.fromkeys(clauses)))}." if clauses
                        else f"{lead} bleibt das Ergebnis offen.")
            else:
                text = fronted(lead, self.phrase(result, verdict))
            self.paragraph(text, role="streit")
        if dispute.matters:
            if not self.klausur:
                self.heading(level + 1, views, "Stellungnahme")
            self.stellungnahme(dispute)
        elif agreed and views == 2:
            self.paragraph("Der Streit kann daher dahinstehen.", role="streit")
        else:
            both = "beide" if views == 2 else "alle"
            self.paragraph(f"Da {both} Auffassungen zum selben Ergebnis führen, kann der Streit "
                           "dahinstehen.", role="streit")
        if conclude:
            if dispute.matters:
                self.cascade = 2  # "Somit …" after the Stellungnahme
            self.conclusion(self.phrase(result))

    def dispute_short(self, result: ElementResult, common: set[str]) -> None:
        """Klausurmäßig, where the views agree: the problem and the views in one paragraph,
        the Subsumtion, then one sentence that both lead to the same result."""
        dispute = result.dispute
        assert dispute is not None
        views = len(dispute.outcomes)
        parts: list[str | list[str] | None] = [f"Fraglich ist, {dispute.dispute.question}."]
        for outcome in dispute.outcomes:
            view = outcome.view
            holder = view.holder or feminine(view_name(view, views), Kasus.DAT)
            position = sentences(view.position)
            if position:
                parts += [fronted(f"Nach {holder}", position[0].split(";")[0].rstrip(".") + "."),
                          footnotes(view.sources)]
        self.paragraph(*parts, role="streit")
        done: set[str] = set()
        for outcome in dispute.outcomes:
            for part in _parts(outcome.result):
                if part.element.id not in common and part.element.id not in done:
                    done.add(part.element.id)
                    self.inline(part)
        every = "beiden" if views == 2 else "allen"
        self.paragraph(fronted(f"Nach {every} Auffassungen", self.phrase(result))[:-1]
                       + "; der Streit kann dahinstehen.", role="streit")
        self.cascade = 1

    def inline(self, part: ElementResult) -> None:
        """A requirement inside a Meinungsstreit: its Sachverhalt and result without a heading."""
        if part.fact is not None:
            earlier = self.earlier(part)
            if earlier is not None:
                self.paragraph(f"{self.phrase(part)[:-1]} (siehe oben {self.cite_point(earlier)}).")
            else:
                self.subsumtion(part)
        else:
            self.paragraph(self.group_conclusion(part))

    def stellungnahme(self, dispute: DisputeResult) -> None:
        views = len(dispute.outcomes)
        chosen = dispute.chosen
        order = [o.view for o in dispute.outcomes if o.view is not chosen] + [chosen]
        for view in order:
            name = view_name(view, views)
            for i, argument in enumerate(view.arguments):
                lead = ARGUMENT_LEAD[argument.kind.value]
                opening = f"Für {name} spricht {lead}:" if i == 0 else \
                    f"Für sie spricht außerdem {lead}:"
                self.paragraph(opening + " " + argument.text, footnotes(argument.sources),
                               role="stellungnahme")
        name = view_name(chosen, views)
        if dispute.chosen_by is ViewChoice.CASE:
            decision = f"Der Fall gibt vor, {feminine(name, Kasus.DAT)} zu folgen."
            if chosen.reason:
                decision += f" Für sie spricht: {chosen.reason}"
        else:
            decision = f"Überzeugender ist {name}."
            if chosen.reason:
                decision += f" {chosen.reason}"
            decision += " Ihr ist zu folgen."
        self.paragraph(sentence_case(decision), role="stellungnahme")

    def dispute_urteil(self, result: ElementResult, level: int) -> None:
        dispute = result.dispute
        assert dispute is not None
        chosen = _chosen(dispute)
        views = len(dispute.outcomes)
        if dispute.matters:
            view = dispute.chosen
            holder = view.holder or feminine(view_name(view, views), Kasus.DAT)
            position = sentences(view.position)
            first = fronted(f"Nach {holder}, der zu folgen ist,", position[0]) if position else ""
            after = continued(view.reason) if view.reason else None
            reason = f"Denn {after}" if after else view.reason
            self.paragraph(first, *position[1:], footnotes(view.sources), reason, role="streit")
        else:
            every = "beide" if views == 2 else "alle"
            self.paragraph(f"Ob {dispute.dispute.question.removeprefix('ob ')}, kann dahinstehen, "
                           f"weil {every} Auffassungen hier zum selben Ergebnis führen.",
                           role="streit")
        for part in _parts(chosen):
            self.inline(part)

    # -- after all norms --------------------------------------------------------------------------
    def konkurrenz(self, result: NormResult, displacement: Displacement) -> None:
        """A Konkurrenz with the reason that decides; only for a norm that is met or open."""
        relation = displacement.relation
        self.roles = roles_of(result, self.case_result.case.roles)
        dominant = displacement.dominant
        yields = (f"{result.citation} tritt hinter {displacement.dominant_citation} zurück "
                  f"({relation.kind.value}).")
        condition = displacement.condition
        facts: list[str] = []
        if condition is not None and condition.fact is not None:
            where = self.seen.facts.get(condition.fact.key)
            phrase = self.phrase(condition, condition.result) if condition.result.determined \
                else yes_phrase(condition, self.roles)
            facts = [f"{phrase[:-1]} (siehe oben {where})." if where and condition.result.determined
                     else fact_sentence(condition.fact, phrase)]
        status = displacement.status
        if status is Result.ERFUELLT:
            if facts:
                verdict = fronted("Daher", yields)
            else:  # the dominant norm is met: that is the reason
                verdict = (f"Da {displacement.dominant_citation} erfüllt ist, tritt "
                           f"{result.citation} dahinter zurück ({relation.kind.value}).")
            self.open_konkurrenzen += 1
            self.paragraph(relation.explanation, footnotes(relation.sources), *facts, verdict,
                           role="konkurrenz")
        elif status is Result.NICHT_ERFUELLT:
            if dominant is not None and dominant.result is Result.NICHT_ERFUELLT:
                self.paragraph(f"{result.citation} tritt nicht hinter "
                               f"{displacement.dominant_citation} zurück, weil "
                               f"{displacement.dominant_citation} nicht erfüllt ist.",
                               role="konkurrenz")
            else:
                self.paragraph(relation.explanation, footnotes(relation.sources), *facts,
                               f"{result.citation} tritt daher nicht hinter "
                               f"{displacement.dominant_citation} zurück.", role="konkurrenz")
        else:
            parts: list[str] = []
            if dominant is not None and dominant.result is Result.OFFEN:
                parts.append(f"ob {displacement.dominant_citation} erfüllt ist")
            if condition is not None and condition.result is Result.OFFEN:
                leaves = [condition] if condition.fact else self.open_leaves(condition)
                parts += [ob(yes_phrase(leaf, self.roles)) for leaf in leaves]
            if parts == [f"ob {displacement.dominant_citation} erfüllt ist"] and self.open_konkurrenzen:
                # a second Konkurrenz that waits for its dominant norm: not the same sentence again
                verdict = (f"{result.citation} tritt hinter {displacement.dominant_citation} nur "
                           f"zurück, wenn {displacement.dominant_citation} erfüllt ist.")
            elif parts:
                verdict = (f"Ob {result.citation} hinter {displacement.dominant_citation} "
                           f"zurücktritt, hängt davon ab, {join_or(parts)}.")
            else:  # only the yielding norm itself is open: were it met, it would yield
                verdict = (f"Ist {result.citation} erfüllt, tritt die Vorschrift "
                           f"{'daher ' if facts else ''}hinter {displacement.dominant_citation} zurück "
                           f"({relation.kind.value}).")
            self.open_konkurrenzen += 1
            self.paragraph(relation.explanation, footnotes(relation.sources), *facts, verdict,
                           role="konkurrenz")

    def gesamtergebnis(self, result: NormResult) -> None:
        self.roles = roles_of(result, self.case_result.case.roles)
        self.pro_reo = pro_reo(self.case_result.case.final, result)
        self.open_named = []  # the Gesamtergebnis names what stays open, whatever came before
        norm = result.norm
        yielding = [d for d in result.displacements if d.status is Result.ERFUELLT and not d.first]
        barred = [d for d in result.gates if d.status is Result.ERFUELLT]
        sentences_: list[str]
        if result.result is Result.ERFUELLT and yielding:
            displacement = yielding[0]
            sentences_ = [f"Die Voraussetzungen des {result.citation} liegen zwar vor; die "
                          f"Vorschrift tritt jedoch hinter {displacement.dominant_citation} zurück "
                          f"({displacement.relation.kind.value})."]
        elif barred:
            sentences_ = [norm_text(norm, "negative", self.roles),
                          f"Die Vorschrift ist neben {barred[0].dominant_citation} nicht "
                          f"anwendbar ({barred[0].relation.kind.value})."]
        else:
            sentences_ = [v for v in self.verdict(result) if v != "Die Tat ist verfolgbar."]
            if self.pro_reo:
                sentences_[0] = sentences_[0][:-1] + " (in dubio pro reo)."
        certain = [d for d in result.displacements
                   if not d.first and d.status_if_met is Result.ERFUELLT]
        if result.result is Result.OFFEN and certain:
            sentences_.append(f"Die Vorschrift tritt dann jedoch hinter {certain[0].dominant_citation} "
                              f"zurück ({certain[0].relation.kind.value}).")
        elif result.result is Result.OFFEN and result.displaced is Result.OFFEN \
                and any(not d.first for d in result.displacements):
            sentences_.append("Ob die Vorschrift im Wege der Konkurrenz zurücktritt, ist offen.")
        applies = result.applies is not Result.NICHT_ERFUELLT and not self.pro_reo
        consequence = norm.consequence
        if consequence is not None and applies:
            text = consequence.text.rstrip(".")
            if norm.kind is NormKind.STRAFTATBESTAND:
                sentences_.append(f"Die Tat ist mit {text} bedroht.")
            elif norm.kind is NormKind.ANSPRUCHSGRUNDLAGE and text[:1].isupper() \
                    and not text.split()[0].endswith(("e", "t")):
                sentences_.append(f"Der Anspruch ist auf {text} gerichtet.")
            else:
                sentences_.append(text + ".")
            if consequence.liable:
                sentences_.append(self.roles.sentence(consequence.liable))
        self.paragraph(*sentences_, footnotes(consequence.sources)
                       if consequence is not None and applies else None)


def _dass_clause(phrase: str) -> str:
    from lawkit.rendering.syntax import dass

    return dass(phrase)


def _chosen(dispute: DisputeResult) -> ElementResult:
    return next(o.result for o in dispute.outcomes if o.view is dispute.chosen)


def _parts(requirement: ElementResult) -> tuple[ElementResult, ...]:
    """The requirements a view sets: the children of its group, or the requirement itself."""
    if requirement.children and requirement.element.combine is Combine.ALL_OF:
        return requirement.children
    return (requirement,)


def _common(dispute: DisputeResult) -> set[str]:
    """Ids of the requirements every view sets (examined once, before the views)."""
    sets = [{p.element.id for p in _parts(o.result)} for o in dispute.outcomes]
    return set.intersection(*sets) if sets else set()


def _everything(result: ElementResult) -> list[ElementResult]:
    """A result and all below it: children, the chosen view, Verweisungen (Gutachten order)."""
    return below([result], every_view=False)


def _refined(citation: str, target: ElementResult) -> str:
    """A Verweisung's citation narrowed to the alternative met ('§ 11 Abs. 1 Nr. 2 lit. c StGB')."""
    from lawkit.citations.reference import parse_statute

    try:
        ref = parse_statute(citation)
    except ValueError:
        return citation
    for er in _everything(target):
        if er.element.cite and er.result is Result.ERFUELLT:
            try:
                ref = ref.refine(er.element.cite)
            except ValueError:
                continue
    return ref.canonical()


def compose(case_result: CaseResult, style: str = "gutachten",
            level: str = "ausführlich") -> Document:
    if style not in STYLES:
        from lawkit.errors import LawkitError

        raise LawkitError(f"unbekannter Stil {style!r}; erwartet 'gutachten' oder 'urteilsstil'")
    if level not in LEVELS:
        from lawkit.errors import LawkitError

        raise LawkitError(f"unbekannte Stufe {level!r}; erwartet 'ausführlich' oder 'klausurmäßig'")
    return _Composer(case_result, style, level).compose()


def element_sentence(element: Element, result: Result, roles: Roles) -> str:
    """An element's Zwischenergebnis for a result (used by the widgets' explanations)."""
    return element_text(element, RESULT_KEY[result], roles) or ""
