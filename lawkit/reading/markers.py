"""The words of a Gutachten the reader looks for: conclusions, negation, Obersatz, Definition,
Ergebnis, Konkurrenzen, Meinungsstreit. Plain regular expressions over the student's text, so
every finding can point to the words it rests on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

_I = re.IGNORECASE


class Kind(StrEnum):
    POS = "pos"
    NEG = "neg"
    DAH = "dah"
    OFF = "off"


@dataclass(frozen=True, slots=True)
class Marker:
    kind: Kind
    start: int
    end: int
    text: str
    sign: bool  # (+) / (–): binds to the word right before it
    bracket: bool  # "liegt … vor": the element usually stands inside


_GAP = r"[^.;:()]{0,60}?"
_PATTERNS: tuple[tuple[Kind, bool, bool, re.Pattern[str]], ...] = tuple(
    (kind, sign, bracket, re.compile(pattern, _I)) for kind, sign, bracket, pattern in (
        (Kind.DAH, False, False, r"\bkann\b" + _GAP + r"\b(?:dahinstehen|dahingestellt\s+bleiben|offen\s*bleiben"
                                 r"|offen\s*gelassen\s+werden|unentschieden\s+bleiben)\b"),
        (Kind.DAH, False, False, r"\b(?:dahinstehen|dahingestellt|dahinstehend)\b"),
        (Kind.DAH, False, False, r"\bbedarf\s+(?:es\s+)?(?:hier\s+)?keiner\s+(?:weiteren\s+|abschließenden\s+|näheren\s+)?"
                                 r"(?:Entscheidung|Erörterung|Vertiefung|Klärung|Prüfung)\b"),
        (Kind.DAH, False, False, r"\bkommt\s+es\b[^.;]{0,40}?\bnicht\s+(?:mehr\s+)?an\b"),
        (Kind.DAH, False, False, r"\bmuss\s+nicht\s+entschieden\s+werden\b"),
        (Kind.OFF, False, False, r"\bbleib(?:t|en)\b" + _GAP + r"\boffen\b"),
        (Kind.OFF, False, False, r"\blässt\b" + _GAP + r"\boffen\b"),
        (Kind.OFF, False, False, r"\blässt\s+sich\b[^.;]{0,40}?\bnicht\b[^.;]{0,25}?\b(?:beurteilen|feststellen|klären"
                                 r"|sagen|entscheiden|abschließend\s+beurteilen)\b"),
        (Kind.OFF, False, False, r"\b(?:ist|sind)\s+(?:noch\s+|daher\s+|somit\s+)?(?:offen|unklar|ungeklärt)\b"),
        (Kind.OFF, False, False, r"\bim\s+Einzelfall\s+zu\s+prüfen\b"),
        (Kind.OFF, True, False, r"\(\s*\?\s*\)"),
        (Kind.POS, True, False, r"\(\s*\+\s*\)"),
        (Kind.NEG, True, False, r"\(\s*[-–−]\s*\)"),
        (Kind.POS, False, True, r"\b(?:liegt|liegen|lag|lagen)\b[^.;:()]{0,70}?\bvor\b(?!\s+Ort)"),
        (Kind.POS, False, False, r"\b(?:ist|sind|war|waren|wird|werden)\b[^.;:()]{0,45}?\b(?:gegeben|erfüllt|verwirklicht"
                                 r"|zu\s+bejahen|bejaht|anzunehmen|einschlägig|gewahrt|vorhanden|ersichtlich"
                                 r"|erkennbar|der\s+Fall)\b"),
        (Kind.POS, False, True, r"\b(?:greift|greifen|griff)\b[^.;:()]{0,40}?\bein\b"),
        (Kind.POS, False, False, r"\b(?:besteht|bestehen|bestand|bestanden)\b"),
        (Kind.POS, False, False, r"\b(?:kommt|kommen|kam)\b[^.;:()]{0,40}?\bzur\s+Anwendung\b|\bfindet\b[^.;:()]{0,30}?\bAnwendung\b"),
        (Kind.POS, False, False, r"\bzu\s+bejahen\b|\bbejahen\b|\bbejaht\b"),
        (Kind.POS, False, False, r"(?<=:)\s*(?:ja|gegeben|erfüllt|\+)\b"),
        (Kind.NEG, False, True, r"\bscheide[tn]?\b[^.;:()]{0,70}?\baus\b|\bausscheiden\b|\bschied\b[^.;]{0,60}?\baus\b"),
        (Kind.NEG, False, False, r"\bzu\s+verneinen\b|\bverneint\b|\bverneinen\b"),
        (Kind.NEG, False, False, r"\b(?:fehlt|fehlen|fehlte|mangelt|mangelte|entfällt|entfallen)\b"),
        (Kind.NEG, False, False, r"(?<=:)\s*(?:nein|fehlt|-)(?=\W|$)"),
    ))

NEGATOR = re.compile(r"\b(?:nicht|kein|keine|keinen|keinem|keiner|keines|keinerlei|nie|niemals|niemand"
                     r"|niemandem|niemanden|nichts|weder|ebenso\s*wenig|ebensowenig)\b", _I)
_NOT_ONLY = re.compile(r"\bnicht\s+nur\b(?=[^.;]*\bsondern\b)", _I)

OBERSATZ = re.compile(r"\b(?:könnte|könnten|müsste|müssten|müßte|dürfte|dürften|fraglich|zu\s+prüfen"
                      r"|in\s+Betracht|zu\s+untersuchen|zu\s+klären|erforderlich\s+wäre|setzt\s+voraus"
                      r"|Voraussetzung\s+(?:dafür\s+)?ist|zunächst\s+müsste)\b|(?:^|,)\s*ob\b", _I)
KONJUNKTIV = re.compile(r"\b(?:könnte|könnten|müsste|müssten|müßte|dürfte|dürften)\b", _I)
DEFINITION = re.compile(
    r"\b(?:versteht\s+man|ist\s+jede[rs]?|sind\s+alle|ist\s+definiert|definiert|bedeutet|meint|ist\s+zu\s+verstehen"
    r"|(?:liegt|ist)\s+(?:nur\s+)?(?:vor|gegeben),\s+wenn|ist,\s+wer|sind\s+Tatsachen|ist\s+die\s+Mitteilung"
    r"|ist\s+die\s+wirtschaftliche|sind\s+(?:solche|diejenigen)|Definition)\b", _I)
RULE = re.compile(r",\s*(?:wenn|falls|sofern|soweit)\b|\bnur\s+dann\b|\bgilt\s+nur\b|^\W*(?:§|Art\.)[^;]{0,60}?\b(?:erfasst"
                  r"|umfasst|verbietet|verlangt|setzt|gilt|schützt|regelt|bestimmt|sanktioniert)\b", _I)
QUESTION = re.compile(r"\?\s*$")
CONDITIONAL = re.compile(r"^\W*(?:wenn|falls|sofern|soweit|wäre|hätte|käme|würde|sollte|selbst\s+wenn)\b", _I)
HEDGE = re.compile(r"\b(?:scheint|scheinen|vielleicht|möglicherweise|eventuell|wohl\s+eher|denkbar|könnte\s+man)\b", _I)
ERGEBNIS = re.compile(r"\b(?:somit|also|folglich|damit|daher|mithin|demnach|demzufolge|deshalb|infolgedessen"
                      r"|Ergebnis|Zwischenergebnis|insgesamt|im\s+Ergebnis)\b", _I)
REASON_BEFORE = re.compile(r"\b(?:wegen|aufgrund|auf\s+Grund|infolge|mangels|trotz|angesichts)\s+(?:\w+\s+){0,2}$", _I)
CAUSAL = re.compile(r"\b(?:denn|weil|da|zumal)\b", _I)
MAIN_CLAUSE_CUT = re.compile(r",\s*(?:denn|weil|da|indem|so\s*dass|sodass|wobei|wenn|falls|obwohl|nachdem)\b"
                             r"|\s[–-]\s", _I)
SEGMENT_CUT = re.compile(r";|(?<=\))\s*,(?=\s)|(?<=[+\-–?]\))")

GESAMT_HEADING = re.compile(r"^\W*(?:Gesamtergebnis|Endergebnis|Ergebnis(?!\s+(?:zu|zum|zur|für|bei|hinsichtlich|der|des\s+§))"
                            r"|Gesamtergebnisse|Schlussergebnis|Zusammenfassung|Fazit)\b", _I)
GESAMT_PARAGRAPH = re.compile(r"^\W*(?:Gesamtergebnis|Endergebnis|Im\s+Ergebnis|Insgesamt|Ergebnis\s*:|Erg\.\s*:"
                              r"|Ergebnis\s+des\s+\w+\s+Teils|Zusammenfassend|Fazit\s*:|Im\s+Gesamtergebnis"
                              r"|Ergebnis\s*[–-])", _I)
KONKURRENZ_HEADING = re.compile(r"\b(?:Konkurrenz|Konkurrenzen|Verhältnis\s+der|Verhältnis\s+zu|Verhältnis\s+von"
                                r"|Gesetzeskonkurrenz|Anspruchskonkurrenz)\b", _I)

# Konkurrenzen: the first-named norm yields …
KONKURRENZ_YIELD = re.compile(
    r"\btr(?:itt|eten|at)\b[^.;]{0,80}?\bzurück\b|\bzurücktreten\b|\bsubsidiär\b|\bverdrängt\s+(?:wird|werden)\b"
    r"|\b(?:wird|werden|ist|sind)\b[^.;]{0,60}?\b(?:verdrängt|gesperrt|konsumiert)\b|\bgesperrt\b"
    r"|\bbleibt\s+(?:daneben\s+)?kein\s+Raum\b|\bnicht\s+anwendbar\b|\bunanwendbar\b", _I)
# … or the first-named norm dominates
KONKURRENZ_DOMINATE = re.compile(
    r"\bverdrängt\b(?!\s+(?:wird|werden))|\bsperrt\b|\bgeht\b[^.;]{0,60}?\bvor\b|\bspezieller\b|\blex\s+specialis\b"
    r"|\babschließend\b|\bSperrwirkung\b|\bkonsumiert\b(?!\s+(?:wird|werden))", _I)
KONKURRENZ_WORD = re.compile(r"\b(?:Gesetzeskonkurrenz|Subsidiarität|Spezialität|Konkurrenz|Konkurrenzen"
                             r"|Sperrwirkung|anwendbar)\b", _I)
STAYS_APPLICABLE = re.compile(r"\bbleibt\b[^.;]{0,40}?\banwendbar\b|\bdaneben\s+anwendbar\b|\bTateinheit\b"
                              r"|\bTatmehrheit\b|\b§\s*5[23]\s+StGB\b|\bIdealkonkurrenz\b|\bAnspruchskonkurrenz\b", _I)

# Norm-level conclusions, by kind of norm.
STRAFBAR = re.compile(r"\bstrafbar\b|\bStrafbarkeit\b", _I)
ANSPRUCH = re.compile(r"\b\w*[Aa]nspruch\b|\bAnsprüche\b|\b\w*[Aa]nspruchs\b|\bhaftet\b|\bhaften\b|\bhaftung\b"
                      r"|\bersatzpflichtig\b|\bSchadensersatz\b[^.;]{0,40}\bverlangen\b|\bverlangen\b", _I)
VERSTOSS = re.compile(r"\bverstoßen\b|\bVerstoß\b|\bverstößt\b|\bverletzt\b", _I)
NORM_VERB = re.compile(r"\b(?:besteht|bestehen|bestand|hat|haben|steht|stehen|zusteht|ist\s+begründet|haftet"
                       r"|gemacht|kann|verlangen)\b", _I)
WOULD = re.compile(r"\b(?:würde|würden|wäre|wären|hätte|hätten)\b", _I)
NORM_POS = re.compile(r"\bgemacht\b|\bbesteht\b|\bbestehen\b|\bbegründet\b|\bgegeben\b|\bhat\b|\bhaben\b"
                      r"|\bkann\b|\bhaftet\b|\bverstoßen\b|\bverstößt\b|\bist\b|\bsind\b|\bliegt\b|\bverletzt\b"
                      r"|\(\s*\+\s*\)|\bzu\s+bejahen\b", _I)

STELLUNGNAHME = re.compile(r"\b(?:Stellungnahme|vorzugswürdig|überzeugt|überzeugend|überzeugender|zu\s+folgen"
                           r"|ist\s+zuzustimmen|vorzuziehen|den\s+Vorzug|folgt\s+man|Für\s+\w+\s+spricht"
                           r"|spricht\s+für|sprechen\s+für|sachgerechter|richtig\s+ist|Dafür\s+spricht)\b", _I)
REASON = re.compile(r"\b(?:weil|denn|da|dafür\s+spricht|spricht|Wortlaut|Sinn\s+und\s+Zweck|Schutzzweck"
                    r"|systematisch|Systematik|Telos|Zweck|Rechtssicherheit|sonst)\b", _I)
STREIT = re.compile(r"\b(?:Streit|streitig|umstritten|strittig|Meinungsstreit|Auffassungen|Ansichten"
                    r"|Meinungen|h\.\s?M\.|herrschende|Mindermeinung|Gegenauffassung|Gegenansicht"
                    r"|a\.\s?A\.|Literatur|Rechtsprechung)\b", _I)

AMOUNT = re.compile(r"\b\d[\d.\s]*(?:,\d+)?\s*(?:Mio\.|Millionen|Mrd\.|Tsd\.)?\s*(?:Euro|EUR|€)", _I)


def find_markers(text: str, start: int, end: int) -> list[Marker]:
    """Conclusion markers in text[start:end]; an earlier, longer or stronger one hides overlaps."""
    found: list[Marker] = []
    taken: list[tuple[int, int]] = []
    for kind, sign, bracket, pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            s, e = match.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            found.append(Marker(kind, s, e, match.group(0).strip(), sign, bracket))
    found.sort(key=lambda m: m.start)
    return found


_WITHOUT_TO = re.compile(r"\bohne\b(?=[^,.;]*\bzu\s+\w+)", _I)


def negations(text: str, start: int, end: int, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Negating words in text[start:end] outside the skipped spans ("nicht nur … sondern" is none;
    "ohne … zu sein" is one)."""
    not_only = [m.span() for m in _NOT_ONLY.finditer(text, start, end)]
    out = [m.span() for m in _WITHOUT_TO.finditer(text, start, end)]
    for match in NEGATOR.finditer(text, start, end):
        s, e = match.span()
        if any(s < ke and ks < e for ks, ke in [*skip, *not_only]):
            continue
        out.append((s, e))
    return out
