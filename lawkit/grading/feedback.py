"""German feedback for a Grade, as Markdown and as a self-contained HTML fragment.

Both are rendered from the same blocks, so they say the same thing. The HTML escapes every
text (names and ids come from students) and has no scripts and no external resources.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from lawkit.grading.scale import MAX_POINTS, format_units

if TYPE_CHECKING:
    from lawkit.grading.model import Deduction, ElementGrade, Grade, PartGrade

INTRO_FACHLICH = (
    "Fachliche Wertungen betreffen die Richtigkeit Ihrer Ergebnisse. Maßstab ist, ob Ihre "
    "Auffassung nach dem Stand der Fachwissenschaft vertretbar ist: „Der Prüfer muss den Maßstab "
    "beachten; er darf fachlich vertretbare Antworten nicht als falsch bewerten.“ (BVerwG, "
    "Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 9)"
)
INTRO_PRUEFUNGSSPEZIFISCH = (
    "Prüfungsspezifisch ist, ob Sie die Fragen behandelt haben, die die Aufgabenstellung "
    "aufwirft: „Konnte die Behandlung einer konkreten Frage aufgrund des Klausursachverhalts "
    "nachvollziehbar erwartet werden, darf deren Nichtbehandlung nachteilig bewertet werden.“ "
    "(BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 13; ebenso Rn. 11). Prüfungsspezifisch sind "
    "auch Aufbau, Folgerichtigkeit und Gewichtung (Rn. 10). Das Bewertungsschema gilt für alle "
    "Bearbeitungen derselben Aufgabe gleich (Chancengleichheit, Rn. 8)."
)
INTRO_WIDERSPRUCH = (
    "Eine Begründung muss folgerichtig sein (BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 10). "
    "Der erste Widerspruch eines Teils kostet den Begründungsanteil dieses Teils."
)

_MARK = {True: "✓ vertretbar", False: "✗ nicht vertretbar", None: "nicht bewertet"}


INTRO_GUTACHTEN = (
    "Ihre Bearbeitung ist ein Gutachten. Es wurde Prüfungspunkt für Prüfungspunkt gelesen: welche "
    "Normen und Merkmale Sie erörtern, zu welchem Ergebnis Sie jeweils kommen und wie Sie es "
    "darstellen. Wo Ihr Text nicht sicher zu lesen war, steht „nicht sicher erkannt“ – dafür wird "
    "nichts abgezogen; Ihre Lehrkraft sieht diese Stellen und kann die Lesart bestätigen. Jeder "
    "Abzug zitiert den Satz, auf den er sich bezieht."
)
LEGEND = ("Unten Ihr Text mit den Randbemerkungen eines Prüfers. Die Farbe zeigt das gelesene Ergebnis "
          "jedes Prüfungspunkts: grün erfüllt, rot nicht erfüllt, gelb offen, blau dahinstehend, grau ohne "
          "Ergebnis; gestrichelt unterstrichen: nicht sicher erkannt.")


@dataclass(frozen=True, slots=True)
class _Block:
    kind: str  # h1, h2, h3, p, strong, quote, list, table, annotated (html: the text; md: items)
    text: str = ""
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


def _units(part: PartGrade) -> str:
    return f"{format_units(part.units)} von {format_units(part.weight)}"


def _deduction(d: Deduction) -> str:
    return d.text()


def _element_given(element: ElementGrade) -> str:
    if element.given is None:
        return "—"
    return f"{element.given} (folgt aus Ihren Untermerkmalen)" if element.implied else element.given


def _element_mark(element: ElementGrade) -> str:
    if element.correct is False and element.given is None:
        return "fehlt"
    if element.contradicted:
        return "✗ widerspricht Ihren Untermerkmalen (als Widerspruch bewertet)"
    return _MARK[element.correct]


def blocks(grade: Grade) -> list[_Block]:
    who = f"{grade.name} (Matrikelnummer {grade.student})" if grade.name else \
        f"Matrikelnummer {grade.student}"
    out = [
        _Block("h1", f"Bewertung: {grade.exercise_title}"),
        _Block("p", f"Aufgabe {grade.exercise} · Bearbeitung von {who}"),
        _Block("strong", f"{grade.points} Punkte – {grade.label} ({format_units(grade.units)} von "
                         f"{format_units(grade.max_units)} Bewertungseinheiten, BE)"),
        *([_Block("p", INTRO_GUTACHTEN)] if grade.reading is not None else []),
        _Block("h2", "Übersicht"),
        *([_Block("p", f"Gemessen am Lösungsweg, dem Ihre Bearbeitung folgt: {grade.path}. In der "
                       "Spalte „vertretbar“ steht, was auf diesem Lösungsweg vertretbar ist.")]
          if grade.path else []),
        _Block("table", rows=(
            ("Teil", "Stand", "Ihr Ergebnis", "vertretbar", "BE"),
            *((p.title, p.status.value if p.status else "", p.given or "",
               " oder ".join(p.accepted), _units(p) if p.required else "nicht verlangt")
              for p in grade.parts),
        )),
        _Block("h2", "Fachliche Wertungen"),
        _Block("quote", INTRO_FACHLICH),
    ]
    fachlich = [_deduction(d) for d in grade.fachlich]
    out.append(_Block("list", items=tuple(fachlich)) if fachlich else
               _Block("p", "Keine fachlichen Abzüge: Alle Ihre Ergebnisse sind vertretbar."))
    out += [_Block("h2", "Prüfungsspezifische Wertungen"), _Block("quote", INTRO_PRUEFUNGSSPEZIFISCH)]
    specific = [_deduction(d) for d in grade.pruefungsspezifisch]
    out.append(_Block("list", items=tuple(specific)) if specific else
               _Block("p", "Keine prüfungsspezifischen Abzüge: Ihre Bearbeitung ist vollständig."))
    out += [_Block("h2", "Widersprüche"), _Block("quote", INTRO_WIDERSPRUCH)]
    out.append(_Block("list", items=tuple(f.text for f in grade.flags)) if grade.flags else
               _Block("p", "Keine Widersprüche festgestellt."))
    for part in grade.parts:
        if not part.elements:
            continue
        out.append(_Block("h3", f"Merkmale: {part.title}"))
        if part.path:
            out.append(_Block("p", f"Gemessen am Lösungsweg: {part.path}."))
        out.append(_Block("table", rows=(
            ("Merkmal", "Ihr Ergebnis", "vertretbar", "Bewertung"),
            *((e.label + ("" if e.required else " (nicht verlangt)"), _element_given(e),
               " oder ".join(e.accepted) or "—", _element_mark(e)) for e in part.elements),
        )))
    for part in grade.parts:
        if not part.criteria:
            continue
        out.append(_Block("h3", "Darstellung (BVerwG 6 B 71.17, Rn. 10)"))
        out.append(_Block("table", rows=(
            ("Kriterium", "beurteilte Stellen", "davon erfüllt", "BE"),
            *((c.label, str(c.items), str(c.met) if c.items else "—",
               f"{format_units(c.units)} von {format_units(c.weight)}") for c in part.criteria),
        )))
    if grade.notes:
        out += [_Block("h2", "Hinweise"), _Block("list", items=grade.notes)]
    if grade.reading is not None:
        from lawkit.reading.annotate import margin_lines

        out += [_Block("h2", "Ihr Gutachten mit Randbemerkungen"), _Block("p", LEGEND),
                _Block("annotated", text=grade.reading.html(), items=tuple(margin_lines(grade.reading)))]
    exact = Fraction(MAX_POINTS) * grade.share
    out += [
        _Block("h2", "So wird gerechnet"),
        _Block("p", f"Punkte = 18 × erreichte BE ÷ mögliche BE, abgerundet auf ganze Punkte: "
                    f"18 × {format_units(grade.units)} ÷ {format_units(grade.max_units)} = "
                    f"{format_units(exact)} → {grade.points} Punkte. Die Notenbezeichnung folgt "
                    "§ 1 JurPrNotSkV (16–18 sehr gut, 13–15 gut, 10–12 vollbefriedigend, "
                    "7–9 befriedigend, 4–6 ausreichend, 1–3 mangelhaft, 0 ungenügend)."),
    ]
    return out


# -- Markdown ----------------------------------------------------------------------------------
def _md_escape(text: str) -> str:
    for char in ("\\", "|", "*", "_", "`", "<", ">", "[", "]"):
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")


def feedback_markdown(grade: Grade) -> str:
    lines: list[str] = []
    for block in blocks(grade):
        if block.kind in ("h1", "h2", "h3"):
            lines += ["#" * int(block.kind[1]) + " " + _md_escape(block.text), ""]
        elif block.kind == "p":
            lines += [_md_escape(block.text), ""]
        elif block.kind == "strong":
            lines += [f"**{_md_escape(block.text)}**", ""]
        elif block.kind == "quote":
            lines += [f"> {_md_escape(block.text)}", ""]
        elif block.kind in ("list", "annotated"):
            lines += [f"- {_md_escape(item)}" for item in block.items] + [""]
        elif block.kind == "table":
            head, *rows = block.rows
            lines.append("| " + " | ".join(_md_escape(c) for c in head) + " |")
            lines.append("|" + "---|" * len(head))
            lines += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# -- HTML --------------------------------------------------------------------------------------
_STYLE = (
    "font-family: sans-serif; line-height: 1.4; max-width: 60em;"
)


def feedback_html(grade: Grade, element_id: str = "lawkit-feedback") -> str:
    esc = html.escape
    parts = [f'<div id="{esc(element_id)}" class="lawkit-feedback" style="{_STYLE}">']
    for block in blocks(grade):
        if block.kind in ("h1", "h2", "h3"):
            parts.append(f"<{block.kind}>{esc(block.text)}</{block.kind}>")
        elif block.kind == "p":
            parts.append(f"<p>{esc(block.text)}</p>")
        elif block.kind == "strong":
            parts.append(f'<p class="lawkit-points"><strong>{esc(block.text)}</strong></p>')
        elif block.kind == "quote":
            parts.append(f'<blockquote style="color:#444">{esc(block.text)}</blockquote>')
        elif block.kind == "list":
            parts.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in block.items) + "</ul>")
        elif block.kind == "annotated":
            parts.append(block.text)  # lawkit.reading.annotate: every student text in it is escaped
        elif block.kind == "table":
            head, *rows = block.rows
            cells = "".join(f'<th style="text-align:left;padding:2px 8px">{esc(c)}</th>' for c in head)
            body = "".join(
                "<tr>" + "".join(f'<td style="padding:2px 8px">{esc(c)}</td>' for c in row) + "</tr>"
                for row in rows)
            parts.append(f'<table style="border-collapse:collapse"><thead><tr>{cells}</tr></thead>'
                         f"<tbody>{body}</tbody></table>")
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def html_page(grade: Grade, body: str | None = None) -> str:
    """A complete HTML page for a feedback file (UTF-8, no external resources); `body` is the
    fragment to show (default: the grade's feedback; the gradebook adds an Überdenken)."""
    title = html.escape(f"Bewertung {grade.exercise} – {grade.student}")
    content = feedback_html(grade) if body is None else body
    return (f'<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
            f"</head>\n<body>\n{content}</body>\n</html>\n")


# -- one line for an LMS -----------------------------------------------------------------------
def summary_text(grade: Grade, limit: int = 4) -> str:
    def listing(items: tuple[Deduction, ...]) -> str:
        counted = [d for d in items if d.units]
        if not counted:
            return "keine"
        names = [d.subject for d in counted[:limit]]
        more = f" und {len(counted) - limit} weitere" if len(counted) > limit else ""
        return f"{len(counted)} ({'; '.join(names)}{more})"

    return (f"{grade.points} Punkte ({grade.label}), {format_units(grade.units)} von "
            f"{format_units(grade.max_units)} BE. Fachliche Abzüge: {listing(grade.fachlich)}. "
            f"Prüfungsspezifische Abzüge: {listing(grade.pruefungsspezifisch)}. "
            f"Widersprüche: {len(grade.flags)}.")
