"""The four handouts, each built from what lawkit already says on screen:

- the Gutachten of a case (Gutachten- or Urteilsstil, ausführlich or klausurmäßig), with the
  Sachverhalt before it and the renderer's Fundstellen as footnotes;
- the exercise sheet: Sachverhalt, Fallfrage, Bearbeitervermerk (no solution content);
- the Lösungsskizze of an exercise: the task, the teacher's Skizze, the vertretbare results with
  their Fundstellen as footnotes, the weights of the Bewertungsschema and, on request, the
  Gutachten of the case;
- a student's feedback (lawkit.grading.feedback), its BVerwG citations as footnotes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lawkit.export.model import Block, Handout, Heading, Inline, Items, Note, Para, Table, clean, paragraphs

if TYPE_CHECKING:
    from lawkit.coursework.model import Exercise
    from lawkit.evaluation.results import CaseResult
    from lawkit.grading.model import Grade
    from lawkit.loading.library import Library
    from lawkit.model.norm import Source
    from lawkit.rendering.document import Document

STYLE_NAMES = {"gutachten": "Gutachtenstil", "urteilsstil": "Urteilsstil"}


def document_blocks(document: Document, top: int = 2) -> list[Block]:
    """The renderer's Gutachten: its headings one level under `top - 1`, its footnote numbers
    replaced by the footnotes themselves, an Ergebnis in bold (as in the Markdown view)."""
    from lawkit.rendering.document import Heading as DocHeading

    out: list[Block] = []
    for block in document.blocks:
        if isinstance(block, DocHeading):
            out.append(Heading(top + block.level, f"{block.number} {block.text}"))
            continue
        parts: tuple[Inline, ...] = tuple(
            Note(document.footnotes[p - 1]) if isinstance(p, int) else p for p in block.parts)
        out.append(Para(parts, "strong" if block.role == "ergebnis" else "text"))
    return out


def gutachten_handout(result: CaseResult, style: str = "gutachten", level: str = "ausführlich"
                      ) -> Handout:
    """The Gutachten of a checked case, after its Sachverhalt and Fallfrage."""
    from lawkit.rendering.gutachten import compose

    document = compose(result, style, level)
    case = result.case
    blocks: list[Block] = [
        Para((f"Fall {case.id} · {STYLE_NAMES.get(style, style)}, {level}",), "meta"),
        Heading(1, "Sachverhalt"), *paragraphs(case.sachverhalt),
        Para((case.fallfrage,), "strong"),
        Heading(1, "Gutachten" if style == "gutachten" else "Lösung im Urteilsstil"),
        *document_blocks(document),
    ]
    return Handout("gutachten", document.title, tuple(blocks))


def _material(sources: tuple[Source, ...], library: Library) -> list[str]:
    """Sources of the seeds, one line per seed with its places ('Ausarbeitung …, Abschn. 2.1,
    Fn. 19'); a source with a text of its own as the Gutachten cites it ('Vgl. …')."""
    from lawkit.rendering.texts import footnotes

    places: dict[str, list[str]] = {}
    for source in sources:
        seed = library.seeds.get(source.seed or "")
        if source.seed and source.text not in ("", source.at):
            places.setdefault(footnotes((source,))[0].rstrip("."), [])
            continue
        title = seed.title if seed is not None else (source.seed or source.text)
        places.setdefault(title, [])
        if source.at and source.at not in places[title]:
            places[title].append(source.at)
    return [", ".join((title, *ats)) for title, ats in places.items()]


def exercise_sheet(exercise: Exercise, library: Library) -> Handout:
    """What students get: Sachverhalt, Fallfrage, Bearbeitervermerk and the material it rests on."""
    blocks: list[Block] = [
        Para((f"Übung {exercise.id} · Niveau: {exercise.level}",), "meta"),
        Heading(1, "Sachverhalt"), *paragraphs(exercise.sachverhalt),
        Heading(1, "Fallfrage"), *paragraphs(exercise.fallfrage),
        Heading(1, "Bearbeitervermerk"), *paragraphs(exercise.bearbeitervermerk),
    ]
    material = _material(exercise.sources, library)
    if material:
        blocks += [Heading(1, "Material"),
                   Para(("Die Übung beruht auf diesen Stellen der Quellen des Arbeitsbuchs:",)),
                   Items(tuple((m,) for m in material))]
    return Handout("aufgabe", f"Übung: {exercise.title}", tuple(blocks))


def _weight(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def solution_sketch(exercise: Exercise, library: Library, *, with_gutachten: bool = False,
                    level: str = "ausführlich") -> Handout:
    """The teacher's Lösungsskizze with the Bewertungsschema's weights (and the Gutachten)."""
    solution = exercise.solution
    blocks: list[Block] = [
        Para((f"Übung {exercise.id} · Niveau: {exercise.level} · Fall {exercise.case_id}",), "meta"),
        Heading(1, "Aufgabe"),
        Para((f"Fallfrage: {clean(exercise.fallfrage)}",)),
        Para((f"Bearbeitervermerk: {clean(exercise.bearbeitervermerk)}",)),
        Heading(1, "Lösungsskizze"),
    ]
    material = _material(exercise.sources, library)
    if material:
        blocks.append(Para(("Die Skizze stützt sich auf die Quellen des Arbeitsbuchs.",
                            Note("; ".join(material) + "."))))
    blocks += paragraphs(solution.skizze)
    if solution.vertretbar:
        items: list[tuple[Inline, ...]] = []
        for ref, entry in solution.vertretbar.items():
            item: list[Inline] = [f"{ref}: {', '.join(entry.results)}. {clean(entry.because)}"]
            if entry.sources:
                item.append(Note("; ".join(_material(entry.sources, library)) + "."))
            items.append(tuple(item))
        blocks += [Heading(1, "Vertretbare Ergebnisse über das Prüfprogramm hinaus"), Items(tuple(items))]
    rubric = solution.rubric
    rows = [("Prüfungsteil", "Punkte")]
    rows += [(library.norm(r.norm).citation.canonical(), _weight(r.weight)) for r in solution.required]
    rows += [(name, _weight(weight)) for name, weight in (
        ("Konkurrenzen", rubric.konkurrenzen), ("Gesamtergebnis", rubric.gesamtergebnis),
        ("Darstellung", rubric.darstellung)) if weight]
    rows.append(("insgesamt", _weight(solution.total_weight)))
    blocks += [Heading(1, "Bewertungsschema"),
               Para((f"Je Norm: Ergebnis der Norm {_weight(rubric.norm_result)}, Merkmale "
                     f"{_weight(rubric.elements)}, Begründung {_weight(rubric.begruendung)} ihrer Punkte.",)),
               Table(tuple(rows))]
    if solution.optional:
        names = ", ".join(library.norm(n).citation.canonical() for n in solution.optional)
        blocks.append(Para((f"Darf geprüft werden (weder Punkte noch Abzug): {names}.",)))
    if with_gutachten:
        from lawkit.evaluation.evaluate import check
        from lawkit.rendering.gutachten import compose

        document = compose(check(exercise.case(library), library), "gutachten", level)
        blocks += [Heading(1, "Gutachten des Prüfprogramms"), *document_blocks(document)]
    return Handout("skizze", f"Lösungsskizze: {exercise.title}", tuple(ebd(blocks)))


# "(BVerwG, Beschl. v. 05.03.2018 – 6 B 71.17, Rn. 9)" and the sentence's full stop after it
_CITATION = re.compile(r"\s*\((BVerwG, [^()]*)\)(\.?)")


def cited(text: str) -> tuple[Inline, ...]:
    """A text whose parenthesised BVerwG citations become footnotes after the sentence they
    support: '… bewerten.“ (BVerwG, …, Rn. 9)' → '… bewerten.“¹' with the note 'BVerwG, …, Rn. 9.'"""
    parts: list[Inline] = []
    position = 0
    for match in _CITATION.finditer(text):
        before = text[position:match.start()]
        if match.group(2) and not before.endswith((".", ".“", "!", "?")):
            before += "."
        parts += [before, Note(match.group(1).rstrip(".") + ".")]
        position = match.end()
    rest = text[position:]
    if rest.strip():
        parts.append(rest)
    return tuple(p for p in parts if p)


def feedback_handout(grade: Grade, ueberdenken: str | None = None) -> Handout:
    """The feedback a student gets from `lawkit grade`, as a printable document; `ueberdenken`
    is the gradebook's account of an Überdenken of this grade (Regrade.text()), added at the end
    as the gradebook's own feedback adds it."""
    from lawkit.grading.feedback import blocks as feedback_blocks

    title = f"Bewertung: {grade.exercise_title}"
    out: list[Block] = []
    for block in feedback_blocks(grade):
        if block.kind == "h1":
            title = block.text
        elif block.kind in ("h2", "h3"):
            out.append(Heading(int(block.kind[1]) - 1, block.text))
        elif block.kind in ("p", "strong", "quote"):
            out.append(Para(cited(block.text), "text" if block.kind == "p" else block.kind))
        elif block.kind in ("list", "annotated"):
            out.append(Items(tuple(cited(item) for item in block.items)))
        elif block.kind == "table":
            out.append(Table(block.rows))
    if ueberdenken:
        out += account_blocks(ueberdenken)
    return Handout("feedback", title, tuple(ebd(out)))


def account_blocks(text: str) -> list[Block]:
    """The gradebook's Markdown account of an Überdenken ('## ' heading, '- ' items, paragraphs)
    as blocks, read the way Regrade.html() reads it."""
    out: list[Block] = []
    items: list[tuple[Inline, ...]] = []
    for text_line in text.splitlines():
        if text_line.startswith("- "):
            items.append(cited(text_line[2:]))
            continue
        if items:
            out.append(Items(tuple(items)))
            items = []
        if text_line.startswith("## "):
            out.append(Heading(1, text_line[3:]))
        elif text_line.strip():
            out.append(Para(cited(text_line)))
    if items:
        out.append(Items(tuple(items)))
    return out


def ebd(blocks: list[Block]) -> list[Block]:
    """A footnote that repeats the one before it reads 'Ebd.' (as in the Gutachten)."""
    previous = ""

    def mark(parts: tuple[Inline, ...]) -> tuple[Inline, ...]:
        nonlocal previous
        out: list[Inline] = []
        for part in parts:
            if isinstance(part, Note):
                part, previous = (Note("Ebd.") if part.text == previous else part), part.text
            out.append(part)
        return tuple(out)

    result: list[Block] = []
    for block in blocks:
        if isinstance(block, Para):
            result.append(Para(mark(block.parts), block.style))
        elif isinstance(block, Items):
            result.append(Items(tuple(mark(item) for item in block.items)))
        else:
            result.append(block)
    return result
