"""The annotated Gutachten: the student's own text (escaped), its passages linked to the
Prüfungspunkte and coloured by the result read, margin notes as an examiner writes them.

Self-contained HTML: one <style> element, no scripts, no external resources.
"""

from __future__ import annotations

from html import escape

from lawkit.reading.model import Conclusion, Reading, Span

_CLASS = {
    Conclusion.ERFUELLT: "lk-pos",
    Conclusion.NICHT_ERFUELLT: "lk-neg",
    Conclusion.OFFEN: "lk-open",
    Conclusion.DAHINSTEHEN: "lk-dahin",
    None: "lk-none",
}

STYLE = """
.lk-reading{font-family:Georgia,serif;line-height:1.5;color:#222;max-width:62rem}
.lk-reading h3{font-family:sans-serif;font-size:1rem;margin:.8rem 0 .3rem}
.lk-reading .lk-messages{background:#fff4d6;border-left:4px solid #d9a400;padding:.3rem .6rem}
.lk-reading .lk-schema{font-family:sans-serif;font-size:.9rem}
.lk-reading .lk-schema ul{margin:0;padding-left:1.2rem}
.lk-reading table{border-collapse:collapse;width:100%}
.lk-reading td{vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid #eee}
.lk-reading td.lk-margin{width:13rem;font-family:sans-serif;font-size:.8rem;color:#333;
  border-left:2px solid #c33}
.lk-reading td.lk-main.lk-heading{font-weight:bold}
.lk-reading .lk-note{display:block}
.lk-reading .lk-note.lk-bad{color:#b00}
.lk-reading .lk-pp{border-bottom:2px solid;padding:0 1px}
.lk-reading .lk-pos{background:#e3f4e3;border-color:#2e7d32}
.lk-reading .lk-neg{background:#fbe4e4;border-color:#c62828}
.lk-reading .lk-open{background:#fff3cd;border-color:#b8860b}
.lk-reading .lk-dahin{background:#e8eaf6;border-color:#3949ab}
.lk-reading .lk-none{background:#f1f1f1;border-color:#888}
.lk-reading .lk-unsure{border-bottom-style:dashed}
.lk-reading .lk-tag{font-family:sans-serif;font-size:.75rem;padding:0 .25rem;border-radius:3px}
"""


def _anchor(norm: str, element: str | None) -> str:
    return f"lk-{norm}-{element}" if element else f"lk-{norm}"


def margin(reading: Reading) -> dict[int, list[tuple[str, bool]]]:
    """The margin notes per block (block index → [(note, negative)]), each once per passage, as
    an examiner writes them: the style notes, "nicht sicher erkannt", and "Lesart bestätigt"
    where the teacher confirmed a reading."""
    out: dict[int, list[tuple[str, bool]]] = {}

    def add(position: int, text: str, negative: bool) -> None:
        items = out.setdefault(_block_of(reading, position), [])
        if (text, negative) not in items:  # "Subsumtion" once per passage, as an examiner ticks it
            items.append((text, negative))

    for note in reading.style:
        if note.spans:
            add(note.spans[0].start, note.text, note.negative)
    for norm in reading.norms:
        if norm.confirmed and norm.statements:
            add(norm.statements[-1].span.start, f"{norm.citation}: {_result(norm.conclusion)} "
                                                "(Lesart bestätigt)", False)
        for element in norm.elements:
            if element.unsure and element.spans:
                add(element.spans[-1].start, f"{element.label}: nicht sicher erkannt", True)
            if element.confirmed and element.spans:
                add(element.spans[0].start, f"{element.label}: {_result(element.conclusion)} "
                                            "(Lesart bestätigt)", False)
    return out


def _result(conclusion: Conclusion | None) -> str:
    return conclusion.mark if conclusion is not None else "ohne Ergebnis"


def margin_lines(reading: Reading) -> list[str]:
    """The margin notes as a list for plain text and Markdown: "A. I. 1. a) („Es müsste sich um
    ein Geheimnis …“): Obersatz, Definition, Streit kann dahinstehen"."""
    from lawkit.reading.confirm import place_of

    lines = []
    notes = margin(reading)
    for block in reading.blocks:
        items = notes.get(block.index)
        if not items:
            continue
        words = reading.text[block.start:block.end].split()
        excerpt = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
        lines.append(f"{place_of(reading.blocks, block.start)} („{excerpt}“): "
                     + ", ".join(text for text, _ in items))
    return lines


def annotated_html(reading: Reading) -> str:
    text = reading.text
    marks: list[tuple[Span, str, str, str]] = []  # span, css class, title, anchor id
    used_anchor: set[str] = set()
    for norm in reading.norms:
        for element in norm.elements:
            css = _CLASS[element.conclusion] + (" lk-unsure" if element.unsure else "")
            title = f"{element.label}: {element.status}"
            for span in element.spans:
                anchor = _anchor(norm.norm, element.element)
                marks.append((span, css, title, "" if anchor in used_anchor else anchor))
                used_anchor.add(anchor)
    marks.sort(key=lambda m: (m[0].start, -m[0].end))
    chosen: list[tuple[Span, str, str, str]] = []
    for mark in marks:
        if chosen and chosen[-1][0].end > mark[0].start:
            continue
        chosen.append(mark)
    notes = margin(reading)
    out = ['<div class="lk-reading">', f"<style>{STYLE}</style>"]
    if reading.messages:
        out.append('<div class="lk-messages">' + "<br>".join(escape(m) for m in reading.messages) + "</div>")
    out.append("<h3>Gelesene Prüfungspunkte</h3>")
    out.append(_schema(reading))
    out.append("<h3>Die Bearbeitung</h3><table>")
    for block in reading.blocks:
        body = _marked(text, block.start, block.end, chosen)
        css = "lk-main lk-heading" if block.kind == "heading" else "lk-main"
        lines = "".join(f'<span class="lk-note{" lk-bad" if bad else ""}">{escape(note)}</span>'
                        for note, bad in notes.get(block.index, []))
        out.append(f'<tr><td class="{css}">{body}</td><td class="lk-margin">{lines}</td></tr>')
    out.append("</table></div>")
    return "\n".join(out)


def _block_of(reading: Reading, position: int) -> int:
    found = 0
    for block in reading.blocks:
        if block.start <= position:
            found = block.index
    return found


def _marked(text: str, start: int, end: int, marks: list[tuple[Span, str, str, str]]) -> str:
    out: list[str] = []
    pos = start
    for span, css, title, anchor in marks:
        a, b = max(span.start, start), min(span.end, end)
        if b <= a or a < pos:
            continue
        out.append(escape(text[pos:a]).replace("\n", "<br>"))
        ident = f' id="{anchor}"' if anchor and span.start >= start else ""
        out.append(f'<span class="lk-pp {css}"{ident} title="{escape(title)}">'
                   f'{escape(text[a:b]).replace(chr(10), "<br>")}</span>')
        pos = b
    out.append(escape(text[pos:end]).replace("\n", "<br>"))
    return "".join(out)


def _schema(reading: Reading) -> str:
    if not reading.norms:
        return "<p>Keine Prüfung einer Norm der Aufgabe erkannt.</p>"
    out = ['<ul class="lk-schema">']
    for norm in reading.norms:
        status = "nicht sicher erkannt" if norm.unsure else (
            norm.conclusion.value if norm.conclusion else "ohne Ergebnis")
        css = _CLASS[norm.conclusion]
        out.append(f'<li><a href="#{_anchor(norm.norm, norm.elements[0].element) if norm.elements else ""}">'
                   f"{escape(norm.citation)}</a> "
                   f'<span class="lk-tag {css}">{escape(status)}</span><ul>')
        for element in norm.elements:
            css = _CLASS[element.conclusion]
            out.append(f'<li><a href="#{_anchor(norm.norm, element.element)}">{escape(element.label)}</a> '
                       f'<span class="lk-tag {css}">{escape(element.status)}</span></li>')
        out.append("</ul></li>")
    cited = {n.norm: n.citation for n in reading.norms}
    if reading.konkurrenzen:
        items = ", ".join(f"{escape(cited.get(k.norm, k.norm))} tritt hinter "
                          f"{escape(cited.get(k.yields_to, k.yields_to))} zurück"
                          for k in reading.konkurrenzen)
        out.append(f"<li>Konkurrenzen: {items}</li>")
    if reading.gesamtergebnis is not None:
        g = reading.gesamtergebnis
        applies = ", ".join(cited.get(n, n) for n in g.applies) or "keine Norm"
        out.append(f"<li>Gesamtergebnis: {escape(applies)}</li>")
    out.append("</ul>")
    return "".join(out)
