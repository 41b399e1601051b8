"""The checked Prüfungsschema, the Konkurrenzen summary and the Meinungsstreit overview.

Pure functions (no ipywidgets): each view exists as deterministic German plain text (for
tests and nbval-checked notebook cells) and as HTML (for the workbench and Voilà). Colour is
never the only carrier of a result: every line names its result in words.

`schema_nodes` flattens a norm's result tree into the rows every view shares (the text and
HTML trees, the diagram and the element table): Verweisungen are shown by their content and
a Meinungsstreit by the requirements of the view that is followed, as in the Gutachten.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from lawkit.errors import LawkitError
from lawkit.evaluation.results import CaseResult, DisputeResult, ElementResult, NormResult, ViewChoice
from lawkit.evaluation.views import DisputeOverview, ViewEffect, element_results
from lawkit.model.logic import Combine, Result, conjunction, negation
from lawkit.rendering.texts import fill_roles

# -- the rows of a Prüfungsschema --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SchemaNode:
    """One row of the Prüfungsschema: the norm, an element, or the Verfolgbarkeit group."""

    depth: int
    parent: int | None  # index of the parent row in the same tuple
    label: str
    result: Result
    examined: bool
    dahinstehen: bool
    kind: str  # "norm" | "element" | "anwendbarkeit" | "verfolgbarkeit"
    element: ElementResult | None  # None for the Verfolgbarkeit group
    combine: Combine | None = None  # how the children combine (only where there are several)
    fact: str | None = None  # the fact key of a leaf (also through a Verweisung)
    dispute: DisputeResult | None = None
    deciding: bool = False  # an open leaf whose fact decides the norm (or its Verfolgbarkeit)

    @property
    def mark(self) -> str:
        """The status words after the result: kann dahinstehen / entscheidend."""
        if not self.examined:
            return ""
        if self.dahinstehen:
            return "kann dahinstehen"
        if self.deciding:
            return "entscheidend"
        return ""

    @property
    def status(self) -> str:
        """What the schema shows: the result (with its mark), or only "nicht geprüft" for an
        element the Gutachten does not reach — it has no value the student should learn."""
        if not self.examined:
            return "nicht geprüft"
        return self.result.value + (f" – {self.mark}" if self.mark else "")


def _target(result: ElementResult) -> ElementResult:
    """What a Verweisung stands for: the referenced result (followed through chains)."""
    while result.referenced is not None:
        result = result.referenced
    return result


def _content(result: ElementResult) -> tuple[tuple[ElementResult, ...], Combine | None,
                                             DisputeResult | None, str | None]:
    """The rows below an element, how they combine, its Meinungsstreit and its leaf fact."""
    target = _target(result)
    if target.dispute is not None:
        dispute = target.dispute
        chosen = next(o.result for o in dispute.outcomes if o.view is dispute.chosen)
        if chosen.children:
            return chosen.children, chosen.element.combine, dispute, None
        return (chosen,), None, dispute, None
    if target.children:
        return target.children, target.element.combine, None, None
    return (), None, None, target.element.fact


def _ref_label(result: ElementResult) -> str:
    label = result.element.label
    if result.referenced_norm is not None and not result.element.negated:
        cited = result.referenced_norm.citation.canonical()
        if cited not in label:
            label += f" ({cited})"
    return label


def deciding_facts(result: NormResult) -> tuple[str, ...]:
    """The open facts that decide the norm, then those that decide its Verfolgbarkeit."""
    out = list(result.deciding)
    if result.prosecutable is Result.OFFEN:
        for proc in result.procedural:
            out.extend(f for f in proc.deciding if f not in out)
    return tuple(out)


def schema_nodes(result: NormResult) -> tuple[SchemaNode, ...]:
    """The rows of one norm's checked Prüfungsschema, in Gutachten order."""
    deciding = set(deciding_facts(result))
    rows: list[SchemaNode] = []
    shown: set[str] = set()  # Verweisungen already spelled out above (shown once, like the Gutachten)

    def visit(er: ElementResult, depth: int, parent: int | None, label: str | None = None) -> None:
        children, how, dispute, fact = _content(er)
        ref = er.element.ref
        if ref is not None:
            if ref in shown:
                children, how = (), None
            shown.add(ref)
        rows.append(SchemaNode(
            depth=depth, parent=parent, label=label or _ref_label(er), result=er.result,
            # the open path below an element that kann dahinstehen is named by the Gutachten
            # ("hängt davon ab, ob …"): shown with its value, not as "nicht geprüft"
            examined=er.examined or (er.dahinstehen and er.result is Result.OFFEN
                                     and parent is not None and rows[parent].examined),
            dahinstehen=er.dahinstehen, kind="element", element=er,
            combine=how if len(children) > 1 else None, fact=fact, dispute=dispute,
            deciding=(fact in deciding and er.result is Result.OFFEN and not er.dahinstehen),
        ))
        index = len(rows) - 1
        for child in children:
            visit(child, depth + 1, index)

    root = result.root
    top = root.children
    gates = [g for g in result.gates if g.condition is not None]
    parts = len(top) + bool(result.procedural) + len(gates)
    rows.append(SchemaNode(
        depth=0, parent=None, label=f"{result.citation} – {result.norm.title}",
        result=result.result, examined=True, dahinstehen=False, kind="norm", element=root,
        combine=root.element.combine if parts > 1 else None,
    ))
    for gate in gates:  # the Anwendbarkeit, examined before the Tatbestand
        assert gate.condition is not None
        dominant = gate.dominant_citation.split(" i.V.m. ")[0]
        rows.append(SchemaNode(
            depth=1, parent=0, label=f"Anwendbarkeit neben {dominant}",
            result=negation(gate.status), examined=True, dahinstehen=False,
            kind="anwendbarkeit", element=None,
        ))
        visit(gate.condition, 2, len(rows) - 1,
              f"{gate.condition.element.label} (schließt die Anwendbarkeit aus)")
    for child in top:
        visit(child, 1, 0)
    if result.procedural:
        group = conjunction(p.result for p in result.procedural)
        rows.append(SchemaNode(
            depth=1, parent=0, label="Verfolgbarkeit", result=group,
            examined=any(p.examined for p in result.procedural), dahinstehen=False,
            kind="verfolgbarkeit", element=None,
            combine=Combine.ALL_OF if len(result.procedural) > 1 else None,
        ))
        index = len(rows) - 1
        for proc in result.procedural:
            visit(proc, 2, index)
    return tuple(rows)


def _norms(result: CaseResult | NormResult) -> tuple[NormResult, ...]:
    return result.norms if isinstance(result, CaseResult) else (result,)


def questions_of(result: CaseResult | NormResult) -> dict[str, str]:
    """fact key -> question text, for every question the checked norms put (all views)."""
    out: dict[str, str] = {}
    for norm in _norms(result):
        for er in element_results(norm):
            if er.element.fact is not None and er.element.question:
                out.setdefault(er.element.fact, er.element.question)
    return out


# -- the Prüfungsschema as text and HTML --------------------------------------------------------


def _view_note(node: SchemaNode) -> str:
    if node.dispute is None:
        return ""
    return f" (Meinungsstreit: nach der Ansicht „{node.dispute.chosen.label}“)"


def _norm_schema_text(result: NormResult, depth: int | None = None, under: str | None = None) -> list[str]:
    nodes = schema_nodes(result)
    if under is not None:
        start = next((i for i, node in enumerate(nodes) if node.label.startswith(under)), None)
        if start is None:
            return []
        end = next((i for i in range(start + 1, len(nodes)) if nodes[i].depth <= nodes[start].depth),
                   len(nodes))
        nodes = nodes[start:end]
    lines = [f"{'  ' * node.depth}{node.label}{_view_note(node)}: {node.status}" for node in nodes
             if depth is None or node.depth <= depth]
    if nodes and nodes[0].depth == 0 and (depth is None or depth >= 1):
        questions = questions_of(result)
        lines += [f"  Entscheidend offen: {questions.get(key, key)}" for key in deciding_facts(result)]
    return lines


def schema_text(result: CaseResult | NormResult, *, depth: int | None = None,
                under: str | None = None) -> str:
    """The checked Prüfungsschema as indented text, one line per element with its result.

    `depth` keeps the rows down to that level of the Gliederung (0: the norms alone); `under`
    keeps the first row whose label begins with it and the rows below it, indented as in the whole
    (a norm's row brings its "Entscheidend offen" lines too)."""
    blocks = ["\n".join(lines) for norm in _norms(result) if (lines := _norm_schema_text(norm, depth, under))]
    if under is not None:
        if not blocks:
            raise LawkitError(f"keine Zeile des Schemas beginnt mit „{under}“")
        blocks = blocks[:1]
    return "\n\n".join(blocks) + "\n"


_STYLE = {
    Result.ERFUELLT: ("#1b5e20", "#e8f5e9", "#2e7d32"),
    Result.NICHT_ERFUELLT: ("#8e1b14", "#fdecea", "#c62828"),
    Result.OFFEN: ("#6d4c00", "#fff4d6", "#f0a800"),
}
_GREY = ("#424242", "#eeeeee", "#9e9e9e")
_CLASS = {Result.ERFUELLT: "erfuellt", Result.NICHT_ERFUELLT: "nicht-erfuellt", Result.OFFEN: "offen"}


def result_badge(result: Result, *, dahinstehen: bool = False) -> str:
    """The result word on its colour (the word carries the meaning, the colour helps)."""
    fg, bg, border = _GREY if dahinstehen else _STYLE[result]
    return (f'<span class="lawkit-result lawkit-{_CLASS[result]}" style="color:{fg};'
            f"background:{bg};border:1px solid {border};border-radius:3px;padding:0 4px;"
            f'white-space:nowrap">{html.escape(result.value)}</span>')


_NOT_EXAMINED_BADGE = (f'<span class="lawkit-result lawkit-nicht-geprueft" style="color:{_GREY[0]};'
                       f"background:{_GREY[1]};border:1px solid {_GREY[2]};border-radius:3px;"
                       'padding:0 4px;white-space:nowrap">nicht geprüft</span>')


def _node_html(node: SchemaNode) -> str:
    grey = node.dahinstehen or not node.examined
    fg, bg, border = _GREY if grey else _STYLE[node.result]
    classes = ["lawkit-node"]
    if node.examined:
        classes.append(f"lawkit-{_CLASS[node.result]}")
    style = [f"border-left:4px solid {border}", "padding:1px 6px", "margin:2px 0"]
    if node.dahinstehen and node.examined:
        classes.append("lawkit-dahinstehen")
    if not node.examined:
        classes.append("lawkit-nicht-geprueft")
        style.append("opacity:0.55")
    if node.deciding:
        classes.append("lawkit-entscheidend")
        style += [f"outline:2px solid {_STYLE[Result.OFFEN][2]}", f"background:{bg}"]
    label = html.escape(node.label)
    if node.kind != "element":
        label = f"<strong>{label}</strong>"
    parts = [label, html.escape(_view_note(node)), ": ",
             result_badge(node.result, dahinstehen=node.dahinstehen) if node.examined
             else _NOT_EXAMINED_BADGE]
    if node.mark:
        parts.append(f' <em style="color:{fg}">– {html.escape(node.mark)}</em>')
    if node.combine is not None:
        how = "und" if node.combine is Combine.ALL_OF else "oder"
        parts.append(f' <span class="lawkit-combine" style="color:#555">'
                     f'({"kumulativ – und" if how == "und" else "alternativ – oder"})</span>')
    return (f'<div class="{" ".join(classes)}" style="{";".join(style)}">{"".join(parts)}'
            "</div>")


def _norm_schema_html(result: NormResult) -> str:
    out: list[str] = [f'<div class="lawkit-schema-norm" data-norm="{html.escape(result.norm.id)}">']
    depth = -1
    for node in schema_nodes(result):
        if node.depth > depth:
            out.append('<ul style="list-style:none;margin:0;padding-left:1.2em">' *
                       (node.depth - depth))
        else:
            out.append("</li>")
            out.append("</ul></li>" * (depth - node.depth))
        out.append(f"<li>{_node_html(node)}")
        depth = node.depth
    out.append("</li>" + "</ul></li>" * depth + "</ul>")
    questions = questions_of(result)
    for key in deciding_facts(result):
        out.append(f'<p class="lawkit-deciding" data-fact="{html.escape(key)}" style="margin:4px 0">'
                   f"<strong>Entscheidend offen:</strong> {html.escape(questions.get(key, key))}</p>")
    out.append("</div>")
    return "".join(out)


def schema_html(result: CaseResult | NormResult) -> str:
    """The checked Prüfungsschema as a coloured HTML tree (`<div id="lawkit-schema">`)."""
    body = "".join(_norm_schema_html(norm) for norm in _norms(result))
    return f'<div id="lawkit-schema" class="lawkit-schema">{body}</div>'


# -- Konkurrenzen und Verfolgbarkeit -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _SummaryLine:
    key: str  # German heading word
    text: str
    result: Result | None = None


def _summary(result: NormResult, case_result: CaseResult) -> list[_SummaryLine]:
    lines = [_SummaryLine("Ergebnis", "Voraussetzungen der Vorschrift", result.result)]
    for d in result.gates:
        kind = d.relation.kind.value
        dominant = d.dominant_citation
        text = {
            Result.ERFUELLT: f"neben {dominant} nicht anwendbar ({kind}). {d.relation.explanation}",
            Result.NICHT_ERFUELLT: f"neben {dominant} anwendbar; die {kind} greift nicht.",
            Result.OFFEN: f"ob die Vorschrift neben {dominant} anwendbar ist ({kind}), hängt von "
            "offenen Tatsachen ab.",
        }[d.status]
        if d.condition is not None:
            text += (f" Voraussetzung „{d.condition.element.label}“: "
                     f"{d.condition.result.value}.")
        lines.append(_SummaryLine("Anwendbarkeit", text, d.status))
    konkurrenzen = [d for d in result.displacements if not d.first]
    if konkurrenzen:
        for d in konkurrenzen:
            kind = d.relation.kind.value
            text = {
                Result.ERFUELLT: f"tritt hinter {d.dominant_citation} zurück ({kind}). "
                f"{d.relation.explanation}",
                Result.NICHT_ERFUELLT: (
                    f"kein Vorrang von {d.dominant_citation} zu prüfen ({kind}): die Vorschrift "
                    "ist schon nicht erfüllt."
                    if result.result is Result.NICHT_ERFUELLT
                    else f"tritt nicht hinter {d.dominant_citation} zurück ({kind})."),
                Result.OFFEN: f"ob die Vorschrift hinter {d.dominant_citation} zurücktritt "
                f"({kind}), hängt von offenen Tatsachen ab. {d.relation.explanation}",
            }[d.status]
            if d.condition is not None:
                text += (f" Voraussetzung „{d.condition.element.label}“: "
                         f"{d.condition.result.value}.")
            lines.append(_SummaryLine("Konkurrenzen", text, d.status))
    displacing = [(other, d) for other in case_result.norms for d in other.displacements
                  if d.relation.yields_to == result.norm.id
                  and (d.dominant is not None or d.first)]
    for other, d in displacing:
        kind = d.relation.kind.value
        if d.first:  # the other norm's Anwendbarkeit
            lines.append(_SummaryLine(kind, {
                Result.ERFUELLT: f"{other.citation} ist daneben nicht anwendbar.",
                Result.NICHT_ERFUELLT: f"{other.citation} ist daneben anwendbar; die {kind} "
                "greift nicht.",
                Result.OFFEN: f"ob {other.citation} daneben anwendbar ist, hängt von offenen "
                "Tatsachen ab.",
            }[d.status]))
            continue
        lines.append(_SummaryLine("Konkurrenzen", {
            Result.ERFUELLT: f"verdrängt {other.citation} ({kind}).",
            Result.NICHT_ERFUELLT: f"verdrängt {other.citation} nicht ({kind}).",
            Result.OFFEN: f"ob die Vorschrift {other.citation} verdrängt ({kind}), hängt von "
            "offenen Tatsachen ab.",
        }[d.status]))
    if not result.displacements and not displacing:
        lines.append(_SummaryLine("Konkurrenzen", "keine Konkurrenz zu einer anderen geprüften "
                                  "Vorschrift."))
    if result.procedural:
        labels = ", ".join(dict.fromkeys(p.element.label for p in result.procedural))
        prosecutable = result.prosecutable
        if prosecutable is None:
            lines.append(_SummaryLine("Verfolgbarkeit", f"{labels}: nicht geprüft, weil die "
                                      "Voraussetzungen der Vorschrift nicht erfüllt sind."))
        else:
            lines.append(_SummaryLine("Verfolgbarkeit", f"{labels}", prosecutable))
    lines.append(_SummaryLine("Anwendbar", "Rechtsfolge tritt ein", result.applies))
    consequence = result.norm.consequence
    if consequence is not None and result.applies is not Result.NICHT_ERFUELLT:
        label = "Strafrahmen" if result.norm.kind.value == "Straftatbestand" else "Rechtsfolge"
        lines.append(_SummaryLine(label, consequence.text.rstrip(".") + "."))
        if consequence.liable:
            lines.append(_SummaryLine("Haftung", fill_roles(
                consequence.liable, result, case_result.case.roles)))
    return lines


def _summary_line_text(line: _SummaryLine) -> str:
    if line.result is not None and line.key in ("Ergebnis", "Verfolgbarkeit", "Anwendbar"):
        return f"  {line.key} ({line.text}): {line.result.value}"
    return f"  {line.key}: {line.text}"


def summary_text(result: CaseResult) -> str:
    """Per examined norm: result, Konkurrenzen, Verfolgbarkeit, whether it applies, and the
    Rechtsfolge with the Anspruchsgegner where the norm names one."""
    blocks = []
    for norm in result.norms:
        lines = [f"{norm.citation} – {norm.norm.title}"]
        lines += [_summary_line_text(line) for line in _summary(norm, result)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def summary_html(result: CaseResult) -> str:
    out = ['<div id="lawkit-summary" class="lawkit-summary">']
    for norm in result.norms:
        out.append(f'<div class="lawkit-summary-norm" data-norm="{html.escape(norm.norm.id)}">'
                   f'<h4 style="margin:6px 0 2px">{html.escape(norm.citation)} – '
                   f"{html.escape(norm.norm.title)}</h4><ul style=\"margin:0\">")
        for line in _summary(norm, result):
            if line.result is not None and line.key in ("Ergebnis", "Verfolgbarkeit", "Anwendbar"):
                body = f"{html.escape(line.text)}: {result_badge(line.result)}"
            else:
                body = html.escape(line.text)
            out.append(f"<li><strong>{html.escape(line.key)}:</strong> {body}</li>")
        out.append("</ul></div>")
    out.append("</div>")
    return "".join(out)


# -- the Meinungsstreit overview -------------------------------------------------------------------


def _view_name(effect: ViewEffect) -> str:
    return f"„{effect.label}“" + (" (herrschende Meinung)" if effect.dominant else "")


def _effect_sentence(overview: DisputeOverview) -> str:
    changes = overview.changes
    if not changes:
        results = "; ".join(f"{citation} {res.value}" for _, citation, res in overview.effects[0].results)
        every = "beiden" if len(overview.effects) == 2 else "allen"
        return f"Die Wahl der Ansicht ändert das Ergebnis nicht: nach {every} Ansichten {results}."
    parts = []
    for effect in overview.effects:
        results = "; ".join(f"{citation} {res.value}" for norm_id, citation, res in effect.results
                            if norm_id in changes)
        parts.append(f"nach Ansicht „{effect.label}“: {results}")
    text = "; ".join(parts)
    return f"Die Wahl der Ansicht ändert das Ergebnis: {text[:1].upper()}{text[1:]}."


_CHOSEN_BY = {
    ViewChoice.DOMINANT: "maßgeblich als herrschende Meinung",
    ViewChoice.CASE: "maßgeblich nach Vorgabe des Falls",
    ViewChoice.CALL: "maßgeblich nach Auswahl",
}


def _overview_lines(overview: DisputeOverview) -> list[str]:
    lines = [f"Meinungsstreit zu „{overview.element_label}“ ({', '.join(overview.norms)}): "
             f"Umstritten ist, {overview.dispute.question}."]
    for effect in overview.effects:
        chosen = f" – {_CHOSEN_BY[overview.chosen_by]}" if effect.chosen else ""
        lines.append(f"  – Ansicht {_view_name(effect)}{chosen}")
    lines.append(f"  {_effect_sentence(overview)}")
    return lines


NO_DISPUTE = "In diesem Fall stellt sich kein Meinungsstreit."


def disputes_text(overviews: tuple[DisputeOverview, ...]) -> str:
    """Each Meinungsstreit of the case (see lawkit.evaluation.views.dispute_overview): its views
    (the followed one marked) and whether the choice changes a result, naming the norms and
    their results under each view."""
    if not overviews:
        return NO_DISPUTE + "\n"
    return "\n\n".join("\n".join(_overview_lines(o)) for o in overviews) + "\n"


def _overview_html(overview: DisputeOverview) -> str:
    views = {v.id: v for v in overview.dispute.views}
    dispute_id = html.escape(overview.dispute.id)
    out = [f'<div class="lawkit-dispute" data-dispute="{dispute_id}">',
           f'<h4 style="margin:6px 0 2px">Meinungsstreit zu „{html.escape(overview.element_label)}“ '
           f"({html.escape(', '.join(overview.norms))})</h4>",
           f'<p style="margin:2px 0">Umstritten ist, {html.escape(overview.dispute.question)}.</p>',
           "<ul>"]
    for effect in overview.effects:
        view = views[effect.view_id]
        chosen = f" <strong>– {_CHOSEN_BY[overview.chosen_by]}</strong>" if effect.chosen else ""
        holder = f" – {html.escape(view.holder)}" if view.holder else ""
        results = ", ".join(f"{html.escape(citation)}: {result_badge(res)}"
                            for _, citation, res in effect.results)
        out.append(f'<li data-view="{html.escape(view.id)}">Ansicht {html.escape(_view_name(effect))}'
                   f"{holder}{chosen}<br>{html.escape(view.position)}<br>Danach: {results}</li>")
    changes = str(bool(overview.changes)).lower()
    out.append(f'</ul><p class="lawkit-dispute-effect" data-changes="{changes}" style="margin:2px 0">'
               f"<strong>{html.escape(_effect_sentence(overview))}</strong></p></div>")
    return "".join(out)


def disputes_html(overviews: tuple[DisputeOverview, ...]) -> str:
    """The Meinungsstreit overview as HTML (`<div id="lawkit-disputes">`), with each view's
    position and the examined norms' results under it."""
    body = "".join(_overview_html(o) for o in overviews) or f"<p>{html.escape(NO_DISPUTE)}</p>"
    return f'<div id="lawkit-disputes" class="lawkit-disputes">{body}</div>'
