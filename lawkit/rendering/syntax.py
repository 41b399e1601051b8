"""Word order of German main clauses, for building sentences from an element's phrases.

The phrases of norm files are main clauses with the finite verb in second position ("R handelte
vorsätzlich.", "Ein Geheimnis liegt vor."). The Gutachten needs them in three more orders:

- fronted:   "Damit liegt ein Geheimnis vor."          (an adverbial takes the first place)
- verb first: "Handelte R vorsätzlich, …"               (a condition without "wenn")
- verb last:  "…, ob R vorsätzlich handelte"            (after ob / dass; separable verbs join)

The finite verb is found in a list of the verb forms phrases use (`FINITE`); `can_reorder`
tells whether a phrase can be turned, and `lawkit validate` warns about one that cannot.
"""

from __future__ import annotations

import re
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Finite verb forms that may stand in second position of a phrase.
FINITE = _words("""
ist sind war waren wäre wären hat haben hatte hatten hätte hätten wird werden wurde wurden würde
würden kann können konnte konnten könnte könnten muss müssen musste mussten müsste müssten darf
dürfen durfte durften dürfte dürften soll sollen sollte sollten will wollen wollte
liegt liegen lag lagen handelt handeln handelte handelten gehört gehören gehörte gehörten besteht
bestehen bestand bestanden greift greifen griff steht stehen stand standen bietet bieten bot fehlt
fehlen fehlte genügt genügen gilt gelten galt erscheint erscheinen erschien geschah geschehen
weicht weichen wich beruht beruhen kommt kommen kam enthält enthalten enthielt erhebt erheben
erhob trifft treffen traf folgt folgen folgte tritt treten trat scheidet scheiden schied baut
bauen lässt lassen ließ bleibt bleiben blieb erfährt erfahren erfuhr nutzte nutzt nutzen
offenbarte offenbart verursachte verursacht nahm nimmt nehmen betrifft betreffen betraf
verstößt verstoßen verstieß setzt setzen setzte geht gehen ging gibt geben gab kennt kennen
kannte weiß wissen wusste wirkt wirken wirkte spricht sprechen sprach zählt zählen zählte
verlangt verlangen verlangte hält halten hielt schützt schützen schützte dient dienen diente
reicht reichen reichte trägt tragen trug haftet haften haftete richtet richten richtete
verwertete verwertet verwendete verwendet teilt teilen teilte mitteilte befasst befassen
misst messen maß wirft werfen warf widerspricht widersprechen widersprach überschreitet
überschreiten überschritt hält hielt bezieht beziehen bezog kommt kam
befasste behandelt behandeln behandelte vertieft vertiefen vertiefte erläutert erläutern
erläuterte rügt rügen rügte bezeichnet bezeichnen bezeichnete darlegt zieht ziehen zog
""")

# particles of separable verbs: "liegt … vor" → "vorliegt"
PARTICLES = _words("""
vor ein aus ab an auf zu dar fest entgegen zurück mit hin bei nach offen fort hervor heraus
herbei zusammen weg weiter gegenüber
""")

# words that open a phrase and are written small inside a sentence (articles, pronouns,
# prepositions, adverbs); a noun or a name keeps its capital
_SMALL = _words("""
der die das des dem den ein eine einer eines einem einen kein keine keiner keines keinem
keinen es er sie dies diese dieser dieses diesem diesen jeder jede jedes alle
neben nach bei beim in im mit von vom zu zum zur durch für gegen ohne um aus auf an am über
unter vor hinter zwischen wegen trotz während seit ab bis außer daran dafür dazu damit dabei
hier auch insoweit jedenfalls schon bereits erst nur
""")

# other words that may open a sentence and are written small after 'denn'
_OPENERS = _words("""
weder unterstellt hätte wäre würde darüber danach dagegen daher deshalb zudem ferner außerdem
insbesondere zwar allein anders ebenso gerade selbst auch
""")
# capitalised words ending like an adjective that are nouns ("Beamte", "Angestellte" before a name)
_NOUNISH = _words("""
beamte beamter angestellte angestellter betroffene betroffener beteiligte beteiligter
""")

_RELATIVE = frozenset(("der", "die", "das", "dem", "den", "dessen", "deren", "welcher", "welche",
                       "welches"))

# words that open a subordinate or relative clause after a comma
_SUBORDINATORS = _words("""
dass ob wenn weil da als wie obwohl sofern soweit solange nachdem bevor damit indem der die das
dem den dessen deren welcher welche welches wer was wo
""")

_TRAILING = re.compile(r"\s*(\([^()]*\))\s*$")


def _clause(sentence: str) -> tuple[str, str]:
    """The first main clause of a phrase (up to ';' or the final stop) and a trailing
    parenthesis ('(lit. c)') that belongs after it."""
    text = sentence.strip()
    text = text.split(";")[0].strip()
    text = text.rstrip(".!? ")
    trailing = ""
    match = _TRAILING.search(text)
    if match and match.start() > 0:
        trailing = " " + match.group(1)
        text = text[:match.start()].rstrip()
    return text, trailing


@lru_cache(maxsize=4096)
def _split(sentence: str) -> tuple[list[str], str, list[str], str] | None:
    """(Vorfeld, finite verb, rest, trailing parenthesis) of a V2 main clause, or None."""
    text, trailing = _clause(sentence)
    words = text.split()
    inside = False  # within a relative clause of the Vorfeld ("Eine Frage, die …, liegt …")
    for i in range(1, len(words)):
        word = words[i].rstrip(",")
        if inside:
            inside = not words[i].endswith(",")
            continue
        if words[i - 1].endswith(",") and words[i].lower() in _RELATIVE and i > 1:
            inside = not words[i].endswith(",")
            continue
        if word in FINITE:
            if word != words[i]:  # "Es genügt, dass …": the verb ends the main clause
                return words[:i], word, ["", *words[i + 1:]], trailing
            return words[:i], word, words[i + 1:], trailing
        if words[i - 1].endswith(",") and words[i].lower() in _SUBORDINATORS:
            return None  # a subordinate clause came first: not a plain main clause
    return None


def _tail(sentence: str) -> str:
    """What follows the first main clause after ';' ('' if nothing)."""
    text = sentence.strip()
    if ";" not in text:
        return ""
    return "; " + text.split(";", 1)[1].strip().rstrip(".")


def _rest(rest: list[str]) -> str:
    """The words after the verb (a subordinate clause right after it keeps its comma)."""
    if rest[:1] == [""]:
        return ", " + " ".join(rest[1:])
    return (" " + " ".join(rest)) if rest else ""


def can_reorder(sentence: str) -> bool:
    return _split(sentence) is not None


def _small(words: list[str]) -> list[str]:
    if words and words[0].lower() in _SMALL and words[0][:1].isupper():
        return [words[0].lower(), *words[1:]]
    return list(words)


# "Es liegt kein Geheimnis vor." — this "es" only fills the Vorfeld and goes when anything else
# stands there ("Damit liegt kein Geheimnis vor", "ob kein Geheimnis vorliegt"); with "handelt
# es sich" or "fehlt es an" it is the subject and stays.
_PLACEHOLDER_VERBS = frozenset(("liegt", "liegen", "besteht", "bestehen", "steht"))


def _moved(vorfeld: list[str], verb: str) -> list[str]:
    """The Vorfeld's words once something else takes its place."""
    if vorfeld == ["Es"] and verb in _PLACEHOLDER_VERBS:
        return []
    return _small(vorfeld)


def _verb_last(verb: str, rest: list[str]) -> list[str]:
    """The clause's words with the finite verb at the end of the clause; a relative or
    subordinate clause after a comma stays behind it."""
    for i, word in enumerate(rest):
        if word.endswith(","):
            head = _verb_last(verb, [*rest[:i], word[:-1]])
            return [*head[:-1], head[-1] + ",", *rest[i + 1:]]
    if rest and rest[-1] in PARTICLES:
        return [*rest[:-1], rest[-1] + verb]
    return [*rest, verb]


def fronted(adverbial: str, sentence: str, *, insert: str = "") -> str:
    """'Damit' + 'Ein Geheimnis liegt vor.' → 'Damit liegt ein Geheimnis vor.' ('insert' goes
    after the subject: 'jedenfalls'). Falls back to 'Damit: …' for a phrase it cannot turn."""
    parts = _split(sentence)
    if parts is None:
        return f"{adverbial}: {sentence.strip()}"
    vorfeld, verb, rest, trailing = parts
    if rest[:1] == [""]:  # "Es genügt, dass …" → "Danach genügt es, dass …"
        words = [adverbial, verb, *_moved(vorfeld, verb), *([insert] if insert else [])]
        return " ".join(words) + ", " + " ".join(rest[1:]) + trailing + _tail(sentence) + "."
    words = [adverbial, verb, *_moved(vorfeld, verb), *([insert] if insert else []), *rest]
    return " ".join(words) + trailing + _tail(sentence) + "."


def inserted(sentence: str, word: str) -> str:
    """'R ist Amtsträgerin.' + 'jedenfalls' → 'R ist jedenfalls Amtsträgerin.'"""
    parts = _split(sentence)
    if parts is None:
        return sentence
    vorfeld, verb, rest, trailing = parts
    if rest[:1] == [""]:
        return sentence
    return " ".join([*vorfeld, verb, word, *rest]) + trailing + _tail(sentence) + "."


def verb_first(sentence: str) -> str:
    """'R handelte vorsätzlich.' → 'Handelte R vorsätzlich' (a condition, without stop)."""
    parts = _split(sentence)
    if parts is None:
        return "Trifft es zu, dass " + verb_last(sentence)
    vorfeld, verb, rest, trailing = parts
    head = " ".join([verb[:1].upper() + verb[1:], *_moved(vorfeld, verb)])
    return head + _rest(rest) + trailing


def main_after_condition(sentence: str) -> str:
    """The main clause after a condition: 'R hat sich … strafbar gemacht.' → 'hat R sich …
    strafbar gemacht' (no stop)."""
    parts = _split(sentence)
    if parts is None:
        text, trailing = _clause(sentence)
        return "gilt: " + text + trailing
    vorfeld, verb, rest, trailing = parts
    if rest[:1] == ["sich"] and len(vorfeld) == 1 \
            and vorfeld[0].lower() not in ("es", "er", "sie"):  # "hat R sich" → "hat sich R"
        return " ".join([verb, "sich", *_moved(vorfeld, verb)]) + _rest(rest[1:]) + trailing
    return " ".join([verb, *_moved(vorfeld, verb)]) + _rest(rest) + trailing


def verb_last(sentence: str) -> str:
    """'Ein Geheimnis liegt vor.' → 'ein Geheimnis vorliegt' (for ob/dass; no stop)."""
    parts = _split(sentence)
    if parts is None:
        text, trailing = _clause(sentence)
        return text[:1].lower() + text[1:] + trailing
    vorfeld, verb, rest, trailing = parts
    if rest[:1] == [""]:  # "es genügt, dass …"
        return " ".join([*_moved(vorfeld, verb), verb]) + _rest(rest) + trailing
    for i, word in enumerate(rest[:-1]):
        if word in ("und", "oder") and rest[i + 1] in FINITE and "," not in " ".join(rest[:i]):
            # "Das Urteil weicht ab und beruht darauf." → "das Urteil abweicht und darauf beruht"
            first = _verb_last(verb, rest[:i])
            second = _verb_last(rest[i + 1], rest[i + 2:])
            return " ".join([*_moved(vorfeld, verb), *first, word, *second]) + trailing
    return " ".join([*_moved(vorfeld, verb), *_verb_last(verb, rest)]) + trailing


def ob(sentence: str) -> str:
    return "ob " + verb_last(sentence)


def dass(sentence: str) -> str:
    return "dass " + verb_last(sentence)


def sentence_case(text: str) -> str:
    """A filled template starts a sentence: 'die Z-Bank hat …' → 'Die Z-Bank hat …'."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """A sentence continuing after 'denn': only an article or pronoun is written small."""
    words = text.split(" ", 1)
    if words[0].lower() in _SMALL and words[0][:1].isupper():
        return words[0].lower() + (" " + words[1] if len(words) > 1 else "")
    return text


def continued(text: str) -> str | None:
    """A sentence as it continues after 'denn': its first word small if that is an article or
    pronoun, unchanged if it is a name ('R', 'BaFin', 'Y-GmbH', '§ 21'); None where the first
    word may be anything else ('Dass …', 'Unterstellt, …', 'Sachfremde …': no 'denn' then)."""
    words = text.split(" ", 2)
    first = words[0].rstrip(",")
    small = first.lower()
    if small in _SMALL or small in _SUBORDINATORS or small in _OPENERS:
        return small + text[len(first):]
    if first in ("§", "§§", "Art.") or (first[:1].isupper() and (
            len(first) <= 3 or "-" in first or any(c.isupper() for c in first[1:]))):
        return text
    following = words[1] if len(words) > 1 else ""
    if small in _SMALL or small in _SUBORDINATORS or small in _OPENERS or (
            small.endswith(("e", "er", "en", "es", "em")) and following[:1].isupper()
            and small not in _NOUNISH):  # "Sachfremde Erwägungen": an adjective before its noun
        return small + text[len(first):]
    return None


def join_or(items: list[str], word: str = "und") -> str:
    """'a', 'b', 'c' → 'a, b und c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]
