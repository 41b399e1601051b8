"""The annotated Gutachten: the student's own text (escaped), its passages linked to the
Prüfungspunkte and coloured by the result read, margin notes as an examiner writes them.

Self-contained HTML: one <style> element, no scripts, no external resources.
"""

from __future__ import annotations

from html import escape

from lawkit.reading.model import Conclusion, Reading, Span, StyleNote

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
    notes_by_block: dict[int, list[StyleNote]] = {}
    for note in reading.style:
        if not note.spans:
            continue
        block = _block_of(reading, note.spans[0].start)
        notes_by_block.setdefault(block, []).append(note)
    unsure_by_block: dict[int, list[str]] = {}
    for norm in reading.norms:
        for element in norm.elements:
            if element.unsure and element.spans:
                unsure_by_block.setdefault(_block_of(reading, element.spans[-1].start), []).append(
                    f"{element.label}: nicht sicher erkannt")
    out = ['<div class="lk-reading">', f"<style>{STYLE}</style>"]
    if reading.messages:
        out.append('<div class="lk-messages">' + "<br>".join(escape(m) for m in reading.messages) + "</div>")
    out.append("<h3>Gelesene Prüfungspunkte</h3>")
    out.append(_schema(reading))
    out.append("<h3>Die Bearbeitung</h3><table>")
    for block in reading.blocks:
        body = _marked(text, block.start, block.end, chosen)
        css = "lk-main lk-heading" if block.kind == "heading" else "lk-main"
        margin = []
        for note in notes_by_block.get(block.index, []):
            bad = " lk-bad" if note.negative else ""
            line = f'<span class="lk-note{bad}">{escape(note.text)}</span>'
            if line not in margin:  # "Subsumtion" once per passage, as an examiner ticks it
                margin.append(line)
        for line in unsure_by_block.get(block.index, []):
            margin.append(f'<span class="lk-note lk-bad">{escape(line)}</span>')
        out.append(f'<tr><td class="{css}">{body}</td><td class="lk-margin">{"".join(margin)}</td></tr>')
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
