"""German grammar for the persons and parties of a case: gender, number, article, case.

A role ("R", "die Z-Bank", "die Nichtzulassungsbeschwerde des K") is a `Role`: a name with its
grammatical gender and number and whether it takes the definite article. Templates in norm
files name a role in a slot that states the case the sentence frame needs:

    {subject:nom}                   R / die Z-Bank            (nom, gen, dat, akk)
    {claimant:dat}                  R / der Z-Bank
    {subject:nom:kein Amtsträger}   keine Amtsträgerin        a role noun agreeing with the role
    {subject:seines}                ihres                     a pronoun or possessive (written
                                                              in its masculine form)
    {information:ist/sind}          ist / sind                singular/plural agreement

`{citation}` and `{conduct}` are plain text slots. A role slot without a case is an error
(`template_problems` reports it; the loaders refuse such a file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


class Genus(StrEnum):
    M = "m"
    F = "f"
    N = "n"


class Numerus(StrEnum):
    SG = "sg"
    PL = "pl"


class Kasus(StrEnum):
    NOM = "nom"
    GEN = "gen"
    DAT = "dat"
    AKK = "akk"


_ORDER = {Kasus.NOM: 0, Kasus.GEN: 1, Kasus.DAT: 2, Kasus.AKK: 3}

# the definite article by gender/number, in the order nom, gen, dat, akk
_DER = {Genus.M: ("der", "des", "dem", "den"), Genus.F: ("die", "der", "der", "die"),
        Genus.N: ("das", "des", "dem", "das")}
_DER_PL = ("die", "der", "den", "die")
_EIN = {Genus.M: ("ein", "eines", "einem", "einen"), Genus.F: ("eine", "einer", "einer", "eine"),
        Genus.N: ("ein", "eines", "einem", "ein")}
_KEIN_PL = ("keine", "keiner", "keinen", "keine")

# adjective endings (for nouns like "Verpflichteter"): strong (no determiner), mixed (ein/kein),
# weak (der); each nom, gen, dat, akk
_STRONG = {Genus.M: ("er", "en", "em", "en"), Genus.F: ("e", "er", "er", "e"),
           Genus.N: ("es", "en", "em", "es")}
_STRONG_PL = ("e", "er", "en", "e")
_MIXED = {Genus.M: ("er", "en", "en", "en"), Genus.F: ("e", "en", "en", "e"),
          Genus.N: ("es", "en", "en", "es")}
_WEAK = {Genus.M: ("e", "en", "en", "en"), Genus.F: ("e", "en", "en", "e"),
         Genus.N: ("e", "en", "en", "e")}
_EN_PL = ("en", "en", "en", "en")


def definite_article(genus: Genus, numerus: Numerus, kasus: Kasus) -> str:
    forms = _DER_PL if numerus is Numerus.PL else _DER[genus]
    return forms[_ORDER[kasus]]


@dataclass(frozen=True, slots=True)
class Role:
    """A person or party of the case as the Gutachten names it."""

    name: str  # without the article: "R", "Z-Bank", "Nichtzulassungsbeschwerde des K"
    genus: Genus
    numerus: Numerus = Numerus.SG
    article: bool = False  # takes the definite article ("die Z-Bank"); names do not ("R")
    genitive: str | None = None  # the name's own genitive form where it changes ("Landes")

    def phrase(self, kasus: Kasus) -> str:
        """The role in a case: 'die Z-Bank' → dat 'der Z-Bank'; 'B' → gen 'des B'."""
        name = self.genitive if kasus is Kasus.GEN and self.genitive else self.name
        if self.article or kasus is Kasus.GEN:
            # Fallbuch usage: "die Strafbarkeit des B", "der Antrag der T"
            return f"{definite_article(self.genus, self.numerus, kasus)} {name}"
        return name

    @property
    def feminine(self) -> bool:
        return self.genus is Genus.F and self.numerus is Numerus.SG

    def __str__(self) -> str:
        return self.phrase(Kasus.NOM)


def role_from_text(text: str) -> Role | None:
    """The short form of a role: 'die Z-Bank' (article tells the gender); None for a bare name,
    whose gender the text cannot tell."""
    article, _, rest = text.strip().partition(" ")
    genus = {"die": Genus.F, "der": Genus.M, "das": Genus.N}.get(article)
    if genus is None or not rest:
        return None
    return Role(rest, genus, Numerus.SG, article=True)


# the default value of roles a norm may use without the case naming them
DEFAULT_ROLES = {
    "information": Role("Tatsache", Genus.F, Numerus.SG, article=True),
}

# -- role nouns -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Noun:
    """A person noun with a masculine and a feminine form.

    kind "strong": Amtsträger/Amtsträgerin; "weak": Dienstherr(n)/Dienstherrin;
    "adjective": Verpflichteter/Verpflichtete (declined like an adjective);
    "beamter": Beamter (adjective) / Beamtin (noun).
    """

    kind: str
    stem: str  # "Amtsträger", "Dienstherr", "Verpflichtet", "Beamt"

    def form(self, genus: Genus, numerus: Numerus, kasus: Kasus, decl: str) -> str:
        i = _ORDER[kasus]
        feminine = genus is Genus.F and self.kind != "adjective"
        if feminine:
            base = self.stem + "in"
            return base + "nen" if numerus is Numerus.PL else base
        if self.kind in ("adjective", "beamter"):
            if numerus is Numerus.PL:
                return self.stem + (_STRONG_PL[i] if decl == "strong" else _EN_PL[i])
            table = {"strong": _STRONG, "mixed": _MIXED, "weak": _WEAK}[decl]
            return self.stem + table[genus][i]
        if self.kind == "weak":
            if numerus is Numerus.PL:
                return self.stem + "en"
            return self.stem if kasus is Kasus.NOM else self.stem + "n"
        # strong: Amtsträger
        if numerus is Numerus.PL:
            return self.stem + ("n" if kasus is Kasus.DAT and not self.stem.endswith("n") else "")
        return self.stem + ("s" if kasus is Kasus.GEN else "")


def _strong(*words: str) -> dict[str, _Noun]:
    return {w: _Noun("strong", w) for w in words}


def _adjective(*words: str) -> dict[str, _Noun]:
    return {w: _Noun("adjective", w[:-2]) for w in words}  # "Verpflichteter" → "Verpflichtet"


# Written in the masculine nominative singular, as in the statute ("Amtsträger").
ROLE_NOUNS: dict[str, _Noun] = {
    **_strong("Amtsträger", "Richter", "Täter", "Kläger", "Beschwerdeführer", "Antragsteller",
              "Anspruchsteller", "Anspruchsgegner", "Prüfer", "Wirtschaftsprüfer", "Mitarbeiter",
              "Arbeitnehmer", "Bearbeiter"),
    **_adjective("Verpflichteter", "Angestellter", "Beschäftigter", "Geschädigter",
                 "Beauftragter", "Bevollmächtigter", "Betroffener", "Verletzter", "Beteiligter"),
    "Beamter": _Noun("beamter", "Beamt"),
    "Dienstherr": _Noun("weak", "Dienstherr"),
}

_DETERMINERS = ("der", "ein", "kein")
_DECLINED_ARTICLES = {"die", "das", "des", "dem", "den", "eine", "eines", "einem", "einen",
                      "einer", "keine", "keines", "keinem", "keinen", "keiner"}

# masculine form → (feminine, neuter, plural); the same table serves pronouns and possessives
_PRONOUNS = {
    "er": ("sie", "es", "sie"),
    "ihn": ("sie", "es", "sie"),
    "ihm": ("ihr", "ihm", "ihnen"),
    "seiner": ("ihrer", "seiner", "ihrer"),
    "sein": ("ihr", "sein", "ihr"),
    "seine": ("ihre", "seine", "ihre"),
    "seines": ("ihres", "seines", "ihres"),
    "seinem": ("ihrem", "seinem", "ihrem"),
    "seinen": ("ihren", "seinen", "ihren"),
}


def _determiner(word: str, genus: Genus, numerus: Numerus, kasus: Kasus) -> str:
    i = _ORDER[kasus]
    if word == "der":
        return definite_article(genus, numerus, kasus)
    if numerus is Numerus.PL:
        return _KEIN_PL[i] if word == "kein" else ""
    form = _EIN[genus][i]
    return "k" + form if word == "kein" else form


def noun_phrase(spec: str, role: Role, kasus: Kasus) -> str:
    """'kein Amtsträger' agreeing with the role in gender and number, in the given case."""
    words = spec.split()
    det = words[0] if words[0] in _DETERMINERS and len(words) > 1 else None
    modifiers = words[1:-1] if det else words[:-1]
    noun = ROLE_NOUNS[words[-1]]
    if det is None:
        decl = "strong"
    elif det == "der":
        decl = "weak"
    else:
        decl = "mixed" if role.numerus is Numerus.SG else ("weak" if det == "kein" else "strong")
    out = []
    if det is not None:
        out.append(_determiner(det, role.genus, role.numerus, kasus))
    out += modifiers
    out.append(noun.form(role.genus, role.numerus, kasus, decl))
    return " ".join(w for w in out if w)


def pronoun(masculine: str, role: Role) -> str:
    if role.numerus is Numerus.PL:
        return _PRONOUNS[masculine][2]
    if role.genus is Genus.M:
        return masculine
    return _PRONOUNS[masculine][0 if role.genus is Genus.F else 1]


# -- templates ------------------------------------------------------------------------------------

TEXT_SLOTS = ("citation", "conduct")
_KASUS = tuple(k.value for k in Kasus)
_SLOT = re.compile(r"\{([^{}:]*)(?::([^{}]*))?\}")


@dataclass(frozen=True, slots=True)
class Slot:
    name: str
    spec: str | None
    start: int
    end: int


@lru_cache(maxsize=4096)
def slots(template: str) -> tuple[Slot, ...]:
    return tuple(Slot(m.group(1), m.group(2), m.start(), m.end()) for m in _SLOT.finditer(template))


def slot_problem(slot: Slot) -> str | None:
    """Why a slot cannot be filled as written (None if it can)."""
    name, spec = slot.name, slot.spec
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        return (f"{{{name}}} ist kein Platzhalter; erwartet einen Rollen- oder Textplatzhalter wie "
                "{subject:nom}")
    if name in TEXT_SLOTS:
        return None if spec is None else (f"{{{name}:{spec}}}: der Platzhalter {name!r} ist "
                                          f"reiner Text und hat keinen Kasus; schreiben Sie {{{name}}}")
    if spec is None:
        return (f"{{{name}}} nennt die Rolle {name!r} ohne Kasus; erwartet z. B. "
                f"{{{name}:nom}} (nom, gen, dat oder akk, wie der Satz es verlangt)")
    if spec in _KASUS:
        return None
    if spec in _PRONOUNS:
        return None
    if "/" in spec:
        parts = spec.split("/")
        return None if len(parts) == 2 and all(parts) else (
            f"{{{name}:{spec}}}: erwartet Singular/Plural, z. B. {{{name}:ist/sind}}")
    kasus, colon, phrase = spec.partition(":")
    if colon and kasus in _KASUS:
        words = phrase.split()
        if not words:
            return (f"{{{name}:{spec}}}: erwartet nach dem Kasus ein Rollensubstantiv, z. B. "
                    f"{{{name}:nom:Amtsträger}}")
        if len(words) > 1 and words[0] in _DECLINED_ARTICLES:
            return (f"{{{name}:{spec}}}: schreiben Sie den Artikel im Nominativ maskulin (der, "
                    f"ein oder kein), nicht {words[0]!r}; lawkit beugt ihn")
        if words[-1] not in ROLE_NOUNS:
            return (f"{{{name}:{spec}}}: {words[-1]!r} ist kein Rollensubstantiv, das lawkit beugen kann; "
                    f"erwartet eines von {', '.join(sorted(ROLE_NOUNS))}")
        return None
    return (f"{{{name}:{spec}}}: unbekannte Form {spec!r}; erwartet einen Kasus (nom, gen, dat, akk), "
            "einen Kasus mit Rollensubstantiv (nom:Amtsträger), ein Pronomen in maskuliner Form (er, "
            "ihn, ihm, sein, seine, seines, seinem, seinen, seiner) oder Singular/Plural (ist/sind)")


def template_problems(template: str) -> list[str]:
    return [p for p in (slot_problem(s) for s in slots(template)) if p is not None]


def role_names(template: str) -> list[str]:
    """The roles a template names (not the plain text slots)."""
    return [s.name for s in slots(template) if s.name not in TEXT_SLOTS]


def fill(template: str, roles: dict[str, Role], text: dict[str, str]) -> str:
    """The template with its slots filled; an unknown role stays visible as '{name}'."""
    found = slots(template)
    if not found:
        return template
    out = []
    last = 0
    for slot in found:
        out.append(template[last:slot.start])
        out.append(_fill_slot(slot, roles, text))
        last = slot.end
    out.append(template[last:])
    return "".join(out)


def _fill_slot(slot: Slot, roles: dict[str, Role], text: dict[str, str]) -> str:
    if slot.name in TEXT_SLOTS:
        return text.get(slot.name, "{" + slot.name + "}")
    role = roles.get(slot.name) or DEFAULT_ROLES.get(slot.name)
    if role is None:
        return "{" + slot.name + "}"
    spec = slot.spec or "nom"
    if spec in _PRONOUNS:
        return pronoun(spec, role)
    if "/" in spec:
        singular, _, plural = spec.partition("/")
        return plural if role.numerus is Numerus.PL else singular
    kasus_text, _, phrase = spec.partition(":")
    try:
        kasus = Kasus(kasus_text)
    except ValueError:
        return role.phrase(Kasus.NOM)
    if phrase:
        return noun_phrase(phrase, role, kasus)
    return role.phrase(kasus)
