"""The German of a generated Gutachten, checked as a Fallbuch editor would read it.

Every kind of defect has a named rule; `check_document` returns the findings (an empty list for
a text a lecturer could hand out). The test suite runs it over every shipped case and variant in
both styles and both levels, and `lawkit validate` runs it over the Gutachten of a case file.

Rules:
- kasus: a role in the wrong case for its frame ("gegen der BaFin", "die X-AG ein Schaden
  entstanden")
- genus: a role noun that does not agree with the person ("R ist Amtsträger" for a woman), or a
  verb that does not agree with the number of a role ("die Tatsache ist" for several)
- doppelt: the same or nearly the same sentence twice in a section
- zitierte_frage: a question quoted into the prose
- zitiertes_merkmal: an element's label or a view's label in quotation marks in the prose
- fussnote: a footnote marker alone in a paragraph, or markers run together
- zitierform: a citation in a form the statute does not have ("§ 353b Abs. 1 S. 2 Nr. 1 StGB") or
  not in the abbreviated form of the Gutachten ("Satz", "Absatz")
- strafrecht_im_zivilrecht: criminal-law terms in the examination of a civil claim
- wert_ohne_pruefung: the Prüfungsschema shows a value for an element the Gutachten never reaches
- streit_reihenfolge: a Meinungsstreit announces its result before the Subsumtion under the views
- konkurrenz_grund: a Konkurrenz stated without the reason that decides it, resting on an open
  fact, or for a norm that is not met
- ueberschrift: doubled or quoted parts in a heading
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from lawkit.model.grammar import DEFAULT_ROLES, Genus, Kasus, Numerus, Role
from lawkit.rendering.document import Document, Heading, Paragraph
from lawkit.rendering.texts import ASSUMED, sentences

if TYPE_CHECKING:
    from lawkit.loading.library import Library
    from lawkit.model.case import Case

RULES = {
    "kasus": "Rolle im falschen Kasus für ihren Satzrahmen",
    "genus": "Rollenbezeichnung oder Verb stimmt nicht mit Genus oder Numerus der Person überein",
    "doppelt": "derselbe oder fast derselbe Satz zweimal im Abschnitt",
    "zitierte_frage": "eine Frage in Anführungszeichen im Fließtext",
    "zitiertes_merkmal": "Bezeichnung eines Merkmals oder einer Ansicht in Anführungszeichen",
    "fussnote": "Fußnotenzeichen allein im Absatz oder mehrere Zeichen hintereinander",
    "zitierform": "Zitierform, die das Gesetz nicht kennt oder nicht abgekürzt ist",
    "strafrecht_im_zivilrecht": "strafrechtliche Begriffe in der Prüfung eines zivilrechtlichen Anspruchs",
    "wert_ohne_pruefung": "Prüfungsschema zeigt einen Wert für ein nicht geprüftes Merkmal",
    "streit_reihenfolge": "Meinungsstreit nennt das Ergebnis vor der Subsumtion unter die Ansichten",
    "konkurrenz_grund": "Konkurrenz ohne den entscheidenden Grund, auf offener Tatsache oder für eine "
    "nicht erfüllte Norm",
    "ueberschrift": "Überschrift mit doppelten Klammern oder Anführungszeichen",
}


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    where: str  # the heading of the section ("A. § 203 …")
    text: str  # the sentence or line
    message: str

    def __str__(self) -> str:
        return f"[{self.rule}] {self.where}: {self.message}: {self.text}"


@dataclass(frozen=True, slots=True)
class Context:
    """What the check knows about the case behind a document."""

    roles: Mapping[str, Role]
    questions: tuple[str, ...] = ()  # the questions of the facts (never to be quoted)
    labels: tuple[str, ...] = ()  # element and view labels (never to be quoted)
    civil: tuple[str, ...] = ()  # headings of sections that examine a civil claim
    failed: tuple[str, ...] = ()  # citations of norms whose requirements are not met
    style: str = "gutachten"


# -- helpers --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Block:
    section: str
    heading_level: int | None
    paragraph: Paragraph | None
    heading: Heading | None

    @property
    def text(self) -> str:
        if self.paragraph is not None:
            return "".join(p if isinstance(p, str) else f"[{p}]" for p in self.paragraph.parts)
        assert self.heading is not None
        return f"{self.heading.number} {self.heading.text}"


def _blocks(document: Document) -> list[_Block]:
    out = []
    section = ""
    for block in document.blocks:
        if isinstance(block, Heading):
            if block.level == 0:
                section = f"{block.number} {block.text}"
            out.append(_Block(section, block.level, None, block))
        else:
            out.append(_Block(section, None, block, None))
    return out


def _plain(text: str) -> str:
    return re.sub(r"\[\d+\]", "", text)


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r"[,;:.]\s|\s(?:und|oder)\s(?=ob\b|dass\b)", _plain(text))
            if c and c.strip()]


_PREPOSITIONS = {
    Kasus.AKK: ("gegen", "für", "durch", "ohne", "um"),
    Kasus.DAT: ("mit", "von", "bei", "aus", "nach", "seit", "zu", "gegenüber"),
    Kasus.GEN: ("wegen", "trotz", "zugunsten", "mangels"),
}
_ALL_PREPOSITIONS = {p for ps in _PREPOSITIONS.values() for p in ps} | {
    "in", "an", "auf", "über", "unter", "vor", "hinter", "neben", "zwischen", "als"}
_DATIVE_FRAMES = re.compile(
    r"\b(ein(en)? Schaden\b.*\bentstanden|entstanden\b.*\bein(en)? Schaden|zusteht|zustehen|"
    r"obliegt|obliegende|anvertraut|bekannt geworden|zu bewilligen|zu gewähren|beizuordnen)\b")


def _forms(role: Role) -> dict[Kasus, str]:
    return {k: role.phrase(k) for k in Kasus}


def _persons(context: Context) -> dict[str, Role]:
    return {k: v for k, v in context.roles.items() if k not in DEFAULT_ROLES}


# -- the rules -------------------------------------------------------------------------------------


def _kasus(blocks: list[_Block], context: Context) -> Iterable[Finding]:
    persons = _persons(context)
    for block in blocks:
        if block.paragraph is None:
            continue
        for clause in _clauses(block.text):
            for role in persons.values():
                forms = _forms(role)
                if len(set(forms.values())) == 1:
                    continue  # a name without article: the case does not show
                for kasus, prepositions in _PREPOSITIONS.items():
                    for prep in prepositions:
                        for other, form in forms.items():
                            if form == forms[kasus] or other is kasus:
                                continue
                            if re.search(rf"\b{prep} {re.escape(form)}\b", clause):
                                yield Finding("kasus", block.section, clause.strip(),
                                              f"nach „{prep}“ steht {forms[kasus]!r} "
                                              f"({kasus.value}), nicht {form!r}")
                nominative = forms[Kasus.NOM]
                if nominative != forms[Kasus.DAT] and _DATIVE_FRAMES.search(clause):
                    for match in re.finditer(rf"(\w+\s+)?\b{re.escape(nominative)}\b", clause,
                                             flags=re.IGNORECASE):
                        before = (match.group(1) or "").strip().lower()
                        if before in _ALL_PREPOSITIONS:
                            continue
                        yield Finding("kasus", block.section, clause.strip(),
                                      f"der Satzrahmen verlangt den Dativ ({forms[Kasus.DAT]!r}), "
                                      f"nicht {nominative!r}")


_MASCULINE = ("Amtsträger", "Beamter", "Richter", "Verpflichteter", "Angestellter", "Täter",
              "Beschäftigter", "Beauftragter")
_FEMININE = ("Amtsträgerin", "Beamtin", "Richterin", "Verpflichtete", "Angestellte", "Täterin",
             "Beschäftigte", "Beauftragte")
_COPULA = r"(ist|war|sei|wäre|bleibt|könnte\s+\S+|müsste)"


def _genus(blocks: list[_Block], context: Context) -> Iterable[Finding]:
    persons = _persons(context)
    for block in blocks:
        if block.paragraph is None:
            continue
        for clause in _clauses(block.text):
            for role in persons.values():
                if role.numerus is Numerus.PL:
                    continue
                name = re.escape(role.phrase(Kasus.NOM))
                wrong = _MASCULINE if role.genus is Genus.F else _FEMININE
                for noun in wrong:
                    pattern = (rf"(^|\s){name}\s+{_COPULA}\s+(\S+\s+){{0,6}}"
                               rf"(k?eine?[rn]?\s+|weder\s+|noch\s+)?{noun}(?![a-zäöü])")
                    if role.genus is Genus.M and noun.endswith("e"):
                        pattern = (rf"(^|\s){name}\s+{_COPULA}\s+(\S+\s+){{0,6}}"
                                   rf"{noun}(?![a-zäöür])")
                    if re.search(pattern, clause):
                        yield Finding("genus", block.section, clause.strip(),
                                      f"{role.phrase(Kasus.NOM)} ist "
                                      f"{'weiblich' if role.genus is Genus.F else 'männlich'}: "
                                      f"„{noun}“ stimmt nicht überein")
        information = context.roles.get("information")
        if information is not None:
            text = _plain(block.text)
            singular = information.numerus is Numerus.SG
            name = information.name
            stem = (name[:-1] if name.endswith("n") and name[:-1].endswith("e")
                    else name[:-2] if name.endswith("en") else name)
            if not singular and re.search(rf"\b(Die|die) {re.escape(stem)} (ist|war|wurde)\b", text):
                yield Finding("genus", block.section, text,
                              f"der Sachverhalt spricht von mehreren ({name}); das Verb muss im "
                              "Plural stehen")
            if singular and re.search(rf"\b{re.escape(information.phrase(Kasus.NOM))} sind\b",
                                      text):
                yield Finding("genus", block.section, text,
                              f"{name} ist Singular; das Verb muss im Singular stehen")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# predicates that only say "is the case" ("liegt vor", "greift ein", "ist ersichtlich") and carry
# no content of their own
_META = _words("""
ersichtlich greifen greift eingreifen liegt liegen vor vorliegen besteht bestehen gegeben
erfüllt anhaltspunkte anhaltspunkt
""")
_STOP = _words("""
der die das des dem den ein eine einer eines einem einen es er sie ist sind war waren wird
werden wurde wurden hat haben hatte und oder noch nur auch so sich nach zu zum zur von vom mit
im in bei am an auf aus als dass ob wenn weil denn damit somit daher folglich jedoch aber hier
dies diese dieser dieses jedenfalls bereits schon sehr sachverhalt bleibt offen lässt mitteilt
teilt mit bekannt ersichtlich ergibt nicht
""")
_NEGATIONS = re.compile(r"\b(nicht|kein\w*|weder|ohne|fehlt|verneint|ausgeschlossen)\b",
                        re.IGNORECASE)
_HYPOTHESIS = re.compile(r"\b(müsste|müssten|könnte|könnten|dürfte|dürften|fraglich|in Betracht)\b",
                         re.IGNORECASE)
_OPEN = re.compile(r"\b(ob|offen|hängt davon ab|nicht bekannt|nicht mit|ungeklärt|unklar|"
                   r"streitig|nicht klären|nicht feststellen|lässt sich nicht)\b", re.IGNORECASE)
_VIEW = re.compile(r"\bnach (dieser|der|ihr)\b.*\b(auffassung|meinung|ansicht)\b|\bnach der "
                   r"gegenauffassung\b|\bnach ihr\b", re.IGNORECASE)
_REFERENCE = re.compile(r"siehe oben|\(dazu ")


def _stems(sentence: str, names: frozenset[str] = frozenset()) -> set[str]:
    words = re.findall(r"[a-zäöüß][a-zäöüß\-]+", _plain(sentence).lower())
    out = set()
    for word in words:
        if word in _STOP or word in _META or word in names or len(word) < 3:
            continue
        out.add(word[:7] if len(word) > 7 else word)
    return out


def _mode(sentence: str) -> str:
    if _HYPOTHESIS.search(sentence):
        return "obersatz"
    if _VIEW.search(sentence):
        return "ansicht"
    if _OPEN.search(sentence):
        return "offen"
    return "ergebnis"


@lru_cache(maxsize=8192)
def near_duplicate(first: str, second: str, names: frozenset[str] = frozenset()) -> bool:
    """Two sentences that say the same: equal, or (clause by clause) of the same kind and
    polarity with nearly the same content words; the names of the persons do not count."""
    a, b = (_plain(s).replace(ASSUMED, "").strip() for s in (first, second))
    if a == b:
        return True
    if _REFERENCE.search(a) or _REFERENCE.search(b):
        return False
    for ca in a.split(";"):
        for cb in b.split(";"):
            mode = _mode(ca)
            if mode != _mode(cb):
                continue
            if mode != "offen" and bool(_NEGATIONS.search(ca)) != bool(_NEGATIONS.search(cb)):
                continue  # "ist offen" and "teilt … nicht mit" say the same whatever their words
            sa, sb = _stems(ca, names), _stems(cb, names)
            if sa and sb and len(sa & sb) / len(sa | sb) >= 0.75:
                return True
    return False


_CASCADE_WORDS = ("Damit ", "Somit ", "Folglich ", "Mithin ")
# "Auch nach dieser Auffassung …" repeats the result of the view before on purpose
_DELIBERATE = ("Auch nach ",)


def _doppelt(blocks: list[_Block], context: Context) -> Iterable[Finding]:
    names = frozenset(w.lower() for role in context.roles.values() for k in Kasus
                      for w in role.phrase(k).split())
    by_section: dict[str, list[tuple[int, str]]] = {}
    for index, block in enumerate(blocks):
        if block.paragraph is None or block.section.endswith("Gesamtergebnis"):
            continue
        text = block.text.removeprefix("Ergebnis: ")
        for sentence in sentences(_plain(text)):
            if sentence.startswith(_CASCADE_WORDS + _DELIBERATE):
                continue  # "Damit …" concludes the level above on purpose
            by_section.setdefault(block.section, []).append((index, sentence))
    for section, items in by_section.items():
        for i, (pa, a) in enumerate(items):
            for pb, b in items[i + 1:]:
                if pb - pa > 6:  # only sentences close to each other repeat for the reader
                    break
                if near_duplicate(a, b, names):
                    yield Finding("doppelt", section, f"{a} | {b}", "derselbe Gedanke zweimal")


def _zitierte_frage(blocks: list[_Block], context: Context) -> Iterable[Finding]:
    for block in blocks:
        if block.paragraph is None:
            continue
        text = _plain(block.text)
        for match in re.finditer(r"„([^“]*\?)“", text):
            yield Finding("zitierte_frage", block.section, match.group(0),
                          "eine Frage gehört nicht in Anführungszeichen in den Text")
        for question in context.questions:
            if question and question in text:
                yield Finding("zitierte_frage", block.section, question,
                              "die Frage an den Sachverhalt steht wörtlich im Text")


def _zitiertes_merkmal(blocks: list[_Block], context: Context) -> Iterable[Finding]:
    labels = set(context.labels)
    for block in blocks:
        if block.paragraph is None:
            continue
        text = _plain(block.text)
        for match in re.finditer(r"(\b\w+\s+)?„([^“]+)“", text):
            word = (match.group(1) or "").strip()
            if match.group(2) in labels or word in ("Merkmal", "Ansicht", "Auffassung",
                                                     "Voraussetzung", "Ob"):
                yield Finding("zitiertes_merkmal", block.section, match.group(0),
                              "die Bezeichnung eines Merkmals oder einer Ansicht gehört nicht in "
                              "Anführungszeichen")


def _fussnote(blocks: list[_Block], context: Context) -> Iterable[Finding]:
    for block in blocks:
        if block.paragraph is None:
            continue
        parts = block.paragraph.parts
        if not any(isinstance(p, str) and p.strip() for p in parts):
            yield Finding("fussnote", block.section, block.text, "Fußnotenzeichen allein im Absatz")
            continue
        if isinstance(parts[0], int):
            yield Finding("fussnote", block.section, block.text,
                          "Fußnotenzeichen am Anfang des Absatzes")
        for first, second in pairwise(parts):
            if isinstance(first, int) and isinstance(second, int):
                yield Finding("fussnote", block.section, block.text,
                              "mehrere Fußnotenzeichen hintereinander")
        if re.search(r"\[\d+\]\s*\[\d+\]", block.text):
            yield Finding("fussnote", block.section, block.text,
                          "mehrere Fußnotenzeichen hintereinander")


# Provisions whose sentence has no numbers: a "Nr." after them is a wrong citation.
NO_NUMBERS = (
    ("353b", "1", "2", "StGB"),
    ("205", "1", "1", "StGB"),
    ("204", "1", None, "StGB"),
    ("839", "1", "1", "BGB"),
    ("839", "1", "2", "BGB"),
    ("823", "2", "1", "BGB"),
    ("21", "1", "1", "WpHG"),
)
_CITATION = re.compile(r"§\s*(\d+[a-z]?)\s+Abs\.\s*(\d+)(?:\s+S\.\s*(\d+))?\s+Nr\.\s*\d+[^§]*?"
                       r"\b(StGB|BGB|WpHG|VwGO|ZPO|GG)\b")
_LONG_FORMS = re.compile(r"§\s*\d+[a-z]?\s+(Absatz|Satz|Nummer|Buchstabe)\b|\b(Absatz|Satz) \d+ "
                         r"(Satz|Nr\.|Nummer) \d+")


def _zitierform(blocks: list[_Block], context: Context) -> Iterable[Finding]:
    for block in blocks:
        text = _plain(block.text)
        for match in _CITATION.finditer(text):
            paragraph, absatz, satz, law = match.groups()
            for no_paragraph, no_absatz, no_satz, no_law in NO_NUMBERS:
                if (paragraph, absatz, law) == (no_paragraph, no_absatz, no_law) and \
                        (no_satz is None or satz == no_satz):
                    yield Finding("zitierform", block.section, match.group(0),
                                  f"§ {paragraph} Abs. {absatz}"
                                  f"{f' S. {satz}' if satz else ''} {law} hat keine Nummern")
        for match in _LONG_FORMS.finditer(text):
            yield Finding("zitierform", block.section, match.group(0),
                          "im Gutachten abgekürzt zitieren (Abs., S., Nr., lit.)")


_CRIMINAL = re.compile(r"\b(Täter\w*|strafbar\w*|Strafbarkeit|Strafantrag\w*|Strafrahmen|"
                       r"Schuldausschließungs\w*|Entschuldigungsgr\w*|in dubio pro reo|"
                       r"Angeklagt\w*|Beschuldigt\w*|verfolgbar|Strafverfolgung|die Tat\b|"
                       r"der Tat\b)")


def _strafrecht(blocks: list[_Block], context: Context) -> Iterable[Finding]:
    civil = set(context.civil)
    for block in blocks:
        if block.paragraph is None:
            continue
        section_is_civil = block.section in civil if civil else bool(
            re.search(r"\bBGB\b", block.section) and "StGB" not in block.section)
        if not section_is_civil:
            continue
        for match in _CRIMINAL.finditer(_plain(block.text)):
            yield Finding("strafrecht_im_zivilrecht", block.section, match.group(0),
                          "ein strafrechtlicher Begriff in der Prüfung eines zivilrechtlichen "
                          "Anspruchs")


_VALUE_NOT_EXAMINED = re.compile(r": (erfüllt|nicht erfüllt|offen) – nicht geprüft\b")


def check_schema(schema: str) -> list[Finding]:
    """The Prüfungsschema as text: an element the Gutachten does not reach has no value."""
    return [Finding("wert_ohne_pruefung", "Prüfungsschema", line.strip(),
                    "ein nicht geprüftes Merkmal zeigt „nicht geprüft“, keinen Wert")
            for line in schema.splitlines() if _VALUE_NOT_EXAMINED.search(line)]


_PROBLEM = re.compile(r"^(Fraglich ist, ob|Umstritten ist, ob|Fraglich ist, |Umstritten ist, )")
_OUTCOME = re.compile(r"kann dahinstehen|Der Streit|zu entscheiden|Danach wäre|ist zu folgen|"
                      r"Maßgeblich ist|Überzeugender ist|der hier gefolgt wird", re.IGNORECASE)
_SUBSUMED = re.compile(r"\(SV\b|\bnach (dieser|beiden|allen) Auffassung(en)?\b|siehe oben",
                       re.IGNORECASE)


def _streit(blocks: list[_Block], context: Context) -> Iterable[Finding]:
    if context.style != "gutachten":
        return
    level: int | None = None
    open_block = False
    subsumed = False
    current_level = 0
    for block in blocks:
        if block.heading is not None:
            current_level = block.heading.level
            if open_block and level is not None and current_level <= level:
                open_block = False
            continue
        for sentence in sentences(_plain(block.text)):
            if _PROBLEM.search(sentence):
                open_block, subsumed, level = True, False, current_level
                continue
            if not open_block:
                continue
            if _SUBSUMED.search(sentence):
                subsumed = True
            elif _OUTCOME.search(sentence) and not subsumed:
                yield Finding("streit_reihenfolge", block.section, sentence,
                              "das Ergebnis des Streits steht vor der Subsumtion unter die "
                              "Ansichten")


_YIELDS = re.compile(r"tritt (nicht )?hinter .+ zurück")
_REASON = re.compile(r"\b(weil|denn|da|daher|deshalb|somit|damit|mithin|folglich)\b|\(SV\b|"
                     r"siehe oben", re.IGNORECASE)
_OPEN_FACT = re.compile(r"sagt der Sachverhalt nicht|teilt der Sachverhalt nicht mit|"
                        r"\bnicht bekannt\b|lässt der Sachverhalt offen|\bbleibt offen\b")


def _konkurrenz(blocks: list[_Block], context: Context) -> Iterable[Finding]:
    for block in blocks:
        if block.paragraph is None:
            continue
        found = sentences(_plain(block.text))
        for i, sentence in enumerate(found):
            if not _YIELDS.search(sentence) or sentence.startswith("Ob ") or \
                    "hängt davon ab" in sentence or "liegen zwar vor" in sentence:
                continue
            before = " ".join(found[:i])
            if not _REASON.search(sentence) and not _REASON.search(before):
                yield Finding("konkurrenz_grund", block.section, sentence,
                              "die Konkurrenz nennt nicht den Grund, der sie entscheidet")
            if _OPEN_FACT.search(before):
                yield Finding("konkurrenz_grund", block.section, sentence,
                              "eine offene Tatsache trägt kein feststehendes Ergebnis")
            for citation in context.failed:
                if sentence.startswith(citation + " tritt"):
                    yield Finding("konkurrenz_grund", block.section, sentence,
                                  f"{citation} ist schon nicht erfüllt; eine Konkurrenz stellt "
                                  "sich nicht")


def _ueberschrift(blocks: list[_Block], context: Context) -> Iterable[Finding]:
    for block in blocks:
        if block.heading is None:
            continue
        text = block.heading.text
        if "„" in text or re.search(r"\([^()]*\)\s*\([^()]*\)\s*$", text) or "((" in text:
            yield Finding("ueberschrift", block.section or text, text,
                          "doppelte Klammern oder Anführungszeichen in der Überschrift")


_CHECKS = (_kasus, _genus, _doppelt, _zitierte_frage, _zitiertes_merkmal, _fussnote, _zitierform,
           _strafrecht, _streit, _konkurrenz, _ueberschrift)


def check_document(document: Document, context: Context) -> list[Finding]:
    """Every finding in a document (an empty list for a clean text)."""
    blocks = _blocks(document)
    out: list[Finding] = []
    for rule in _CHECKS:
        out.extend(rule(blocks, context))
    return out


def context_for(result: object, library: object | None = None, style: str = "gutachten") -> Context:
    """The context of a checked case: its roles, questions, labels, civil sections, failed norms."""
    from lawkit.evaluation.results import CaseResult
    from lawkit.loading.library import Library, default_library
    from lawkit.model.norm import NormKind
    from lawkit.rendering.phrases import number

    assert isinstance(result, CaseResult)
    library = library if isinstance(library, Library) else default_library()
    roles: dict[str, Role] = dict(result.case.roles)
    for examination in result.case.examinations:
        roles.update(examination.roles)
    questions = tuple(q.text for q in library.questions(e.norm for e in result.case.examinations)
                      .values())
    labels: set[str] = set()
    for norm in library.norms.values():
        for element in norm.elements():
            labels.add(element.label)
            if element.dispute is not None:
                labels.update(v.label for v in element.dispute.views)
    civil = tuple(f"{number(0, i)} {n.citation} – {n.norm.title}"
                  for i, n in enumerate(result.norms) if n.norm.kind is NormKind.ANSPRUCHSGRUNDLAGE)
    failed = tuple(n.citation for n in result.norms if n.result.value == "nicht erfüllt")
    return Context(roles, questions, tuple(sorted(labels)), civil, failed, style)


def check_report(report: object, library: object | None = None) -> list[Finding]:
    """The findings for a rendered report (its Gutachten and the Prüfungsschema of the case)."""
    from lawkit.rendering.report import Report
    from lawkit.rendering.schema_view import schema_text

    assert isinstance(report, Report)
    context = context_for(report.result, library, report.style)
    return [*check_document(report.document, context), *check_schema(schema_text(report.result))]


# -- what `lawkit validate` warns about -------------------------------------------------------------


def phrase_warnings(norm: object) -> list[str]:
    """Elements whose Gutachten would fall back on default phrases, and phrases whose word order
    the Gutachten cannot turn ("Damit liegt … vor", "Handelte R …", "ob …")."""
    from lawkit.model.grammar import Genus, Role, fill, role_names
    from lawkit.model.norm import Norm
    from lawkit.rendering.syntax import can_reorder

    assert isinstance(norm, Norm)
    out = []
    views = {v.requirement.id for e in norm.elements() if e.dispute for v in e.dispute.views}
    for element in norm.elements():
        if element is norm.root or element.id in views:
            continue
        texts = element.texts
        missing = [k for k in ("positive", "negative", "open") if getattr(texts, k) is None]
        if missing:
            out.append(f"{norm.id}: dem Merkmal {element.id!r} ({element.label}) fehlt der Satz für "
                       f"{', '.join(missing)}; das Gutachten sagt dann nur \"Diese Voraussetzung …\" — "
                       "erwartet eigene Sätze (positive, negative, open)")
        for key in ("positive", "negative"):
            phrase = getattr(texts, key)
            sample = {name: Role("R", Genus.F) for name in role_names(phrase or "")}
            text = fill(phrase, sample, {"citation": "§ 1 G", "conduct": "sie handelte"}) \
                if phrase is not None else None
            if text is not None and not can_reorder(text):
                out.append(f"{norm.id}: Merkmal {element.id!r}: im Satz {key} {phrase!r} steht an "
                           "zweiter Stelle kein gebeugtes Verb, das lawkit kennt; erwartet einen "
                           "Hauptsatz (\"R handelte vorsätzlich.\", \"Ein Geheimnis liegt vor.\")")
    return out


def case_warnings(case: Case, library: Library) -> list[str]:
    """The findings of the language check on the case's Gutachten, in both styles and at both
    levels (each finding once)."""
    from lawkit.evaluation.evaluate import check
    from lawkit.rendering.report import render

    result = check(case, library)
    out: list[str] = []
    for style in ("gutachten", "urteilsstil"):
        for level in ("ausführlich", "klausurmäßig"):
            for finding in check_report(render(result, style, level), library):
                text = f"{style}/{level}: {finding}"
                if text not in out:
                    out.append(text)
    return out
