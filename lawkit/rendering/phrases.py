"""The German phrases of the Gutachten's frame: result keys, Gliederung numbers, argument leads.

The default phrases of a norm kind and of an element (which norm and element files may
override) are data below loading and rendering: lawkit.model.templates.
"""

from __future__ import annotations

from lawkit.model.logic import Result

RESULT_KEY = {Result.ERFUELLT: "positive", Result.NICHT_ERFUELLT: "negative", Result.OFFEN: "open"}

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

# How the Stellungnahme introduces an argument of each kind ("Für X spricht …").
ARGUMENT_LEAD = {
    "Wortlaut": "der Wortlaut",
    "Systematik": "die Systematik",
    "Telos": "der Zweck der Vorschrift",
    "Historie": "die Entstehungsgeschichte",
}

STYLES = ("gutachten", "urteilsstil")
LEVELS = ("ausführlich", "klausurmäßig")


def number(level: int, index: int) -> str:
    """Gliederung: A. / I. / 1. / a) / aa) / (1) / (a) for levels 0..6."""
    letter = "abcdefghijklmnopqrstuvwxyz"[index % 26]
    if level == 0:
        return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index % 26] + "."
    if level == 1:
        return (ROMAN[index] if index < len(ROMAN) else str(index + 1)) + "."
    if level == 2:
        return f"{index + 1}."
    if level == 3:
        return f"{letter})"
    if level == 4:
        return f"{letter}{letter})"
    if level == 5:
        return f"({index + 1})"
    return f"({letter})"
