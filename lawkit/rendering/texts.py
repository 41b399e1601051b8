"""Filling phrases: Fundstellen as footnotes, roles into templates, facts as sentences."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from lawkit.evaluation.results import ElementResult, NormResult
from lawkit.model.case import Fact
from lawkit.model.grammar import Kasus, Role, fill, pronoun
from lawkit.model.logic import Answer
from lawkit.model.norm import Element, Norm, Source
from lawkit.model.templates import ELEMENT_DEFAULTS, norm_templates
from lawkit.rendering.syntax import dass, ob, sentence_case

SEED_SHORT = {
    "ausarbeitung": "Ausarbeitung zu § 21 WpHG",
    "bverwg": "BVerwG, Beschl. v. 05.03.2018 - 6 B 71.17",
}


def footnotes(sources: tuple[Source, ...]) -> list[str]:
    """One note per Fundstelle ('Vgl. …', with the place in the seed it is quoted from)."""
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


@lru_cache(maxsize=8192)
def _filled(template: str, roles: tuple[tuple[str, Role], ...],
            text: tuple[tuple[str, str], ...]) -> str:
    """A template filled with one norm's roles (the same few templates recur in every report)."""
    return fill(template, dict(roles), dict(text))


class Roles:
    """The roles of one examined norm (the case's, the examination's) and its text slots."""

    def __init__(self, roles: Mapping[str, Role], text: Mapping[str, str]) -> None:
        self.roles = dict(roles)
        self.text = dict(text)
        self._key = (tuple(sorted(self.roles.items())), tuple(sorted(self.text.items())))

    def fill(self, template: str) -> str:
        return _filled(template, *self._key)

    def sentence(self, template: str) -> str:
        return sentence_case(self.fill(template))

    def subject(self, kasus: Kasus) -> str:
        role = self.roles.get("subject") or self.roles.get("claimant")
        return role.phrase(kasus) if role is not None else ""

    def after_condition(self, sentence: str) -> str:
        """The main clause after a condition that named the person: 'R hat sich … strafbar
        gemacht.' → 'hat sie sich … strafbar gemacht'."""
        from lawkit.rendering.syntax import main_after_condition

        main = main_after_condition(sentence)
        role = self.roles.get("subject") or self.roles.get("claimant")
        if role is None:
            return main
        words = main.split(" ")
        name = role.phrase(Kasus.NOM)
        if " ".join(words[2:2 + len(name.split())]) == name and words[1:2] == ["sich"]:
            rest = words[2 + len(name.split()):]
            return " ".join([words[0], pronoun("er", role), "sich", *rest])
        if " ".join(words[1:1 + len(name.split())]) == name:
            rest = words[1 + len(name.split()):]
            return " ".join([words[0], pronoun("er", role), *rest])
        return main

    def pronominal(self, clause: str) -> str:
        """'dass R nicht vorsätzlich handelte' → 'dass sie nicht vorsätzlich handelte' (after the
        person was just named)."""
        role = self.roles.get("subject") or self.roles.get("claimant")
        if role is None:
            return clause
        head, _, rest = clause.partition(" ")
        name = role.phrase(Kasus.NOM)
        if rest.startswith(name + " "):
            return f"{head} {pronoun('er', role)} {rest[len(name) + 1:]}"
        return clause


def roles_of(result: NormResult, case_roles: Mapping[str, Role]) -> Roles:
    roles = dict(case_roles)
    text = {"citation": result.citation}
    if result.examination is not None:
        roles.update(result.examination.roles)
        if result.examination.conduct:
            text["conduct"] = result.examination.conduct
    return Roles(roles, text)


def fill_roles(template: str, result: NormResult, case_roles: Mapping[str, Role]) -> str:
    """A template over the case's roles ('{opponent:nom} als …, nicht {subject:nom} …')."""
    return roles_of(result, case_roles).sentence(template)


def element_text(element: Element, key: str, roles: Roles) -> str | None:
    """An element's phrase (obersatz, positive, negative, open), or the default."""
    own = getattr(element.texts, key)
    template = own if own is not None else ELEMENT_DEFAULTS[key]
    return None if template is None else roles.sentence(template)


def norm_text(norm: Norm, key: str, roles: Roles) -> str:
    template = getattr(norm.texts, key) or norm_templates(norm.kind)[key]
    return roles.sentence(template)


def yes_phrase(result: ElementResult, roles: Roles) -> str:
    """The phrase of a leaf for its fact answered 'ja' (the Rechtfertigungsgrund's 'Die Tat ist
    gerechtfertigt', the Vorsatz's 'R handelte vorsätzlich')."""
    key = "positive" if result.element.satisfied_by is Answer.JA else "negative"
    return element_text(result.element, key, roles) or ""


_OPEN_NOTE = re.compile(
    r"\b(offen|nicht bekannt|unbekannt|ungeklärt|unklar|streitig|nicht mit|"
    r"nicht (mehr )?(feststellen|aufzuklären|aufklären|klären)|lässt sich nicht|ist fraglich)\b",
    re.IGNORECASE)


def note_says_open(note: str) -> bool:
    return bool(_OPEN_NOTE.search(note))


ASSUMED = "; das wird hier unterstellt"  # after the note of a fact the decision does not state


def fact_sentence(fact: Fact, answer_phrase: str | None = None) -> str:
    """The Subsumtion: the note of the Sachverhalt with its source. A what-if answer of the
    workbench says that it departs from the Sachverhalt, in the words of the element's phrase
    for that answer (`answer_phrase`; for 'offen' the phrase of 'ja')."""
    if fact.departs and answer_phrase:
        if fact.answer is Answer.OFFEN:
            return f"Abweichend vom Sachverhalt wird unterstellt, dass offenbleibt, {ob(answer_phrase)}."
        return f"Abweichend vom Sachverhalt wird unterstellt, {dass(answer_phrase)}."
    text = fact.note.rstrip()
    end = "." if not text.endswith(("!", "?")) else text[-1]
    text = text.rstrip(".!?")
    if fact.assumed and "unterstellt" not in text.lower():
        text += ASSUMED
    if fact.source:
        text += f" ({fact.source})"
    return text + end


_SV = re.compile(r"^SV Abs\.\s*([0-9][0-9\s,und–-]*)$")


def source_list(sources: list[str]) -> str:
    """The places in the Sachverhalt, each once: 'SV Abs. 3', 'SV Abs. 2 und 3' → 'SV Abs. 2
    und 3'; other places ('Rn. 5') follow after a semicolon."""
    paragraphs: list[int] = []
    others: list[str] = []
    for source in sources:
        match = _SV.match(source.strip()) if source else None
        if match:
            paragraphs += [int(n) for n in re.findall(r"\d+", match.group(1))]
        elif source:
            others.append(source)
    out = []
    if paragraphs:
        numbers = [str(n) for n in sorted(set(paragraphs))]
        out.append("SV Abs. " + (numbers[0] if len(numbers) == 1 else
                                 ", ".join(numbers[:-1]) + " und " + numbers[-1]))
    return "; ".join(dict.fromkeys([*out, *others]))


def sentences(text: str) -> list[str]:
    """The sentences of a text (stops after abbreviations like 'Abs.', 'S.', 'Nr.' do not end
    a sentence)."""
    out: list[str] = []
    current = ""
    for piece in re.split(r"(?<=[.!?])\s+", text.strip()):
        current = f"{current} {piece}" if current else piece
        if _ends_sentence(current):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


_ABBREVIATIONS = re.compile(
    r"(\b(Abs|S|Nr|Art|lit|Var|Rn|Fn|Abschn|Aufl|Bd|Ed|vgl|Vgl|bzw|ggf|etc|z\.B|u\.a|d\.h|"
    r"i\.V\.m|i\.S\.d|i\.S\.v|m\.w\.N|a\.F|n\.F|Beschl|Urt|v|Kap|ff|f|Ziff|Tz|Rdnr|"
    r"Prof|Dr|St|Nrn|Buchst)\.|\b[IVX]+\.|\b\d+\.|\b[a-z]{1,2}\)\.?)$")


def _ends_sentence(text: str) -> bool:
    if not text.endswith((".", "!", "?")):
        return False
    return not _ABBREVIATIONS.search(text)
