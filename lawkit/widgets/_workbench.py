"""The workbench: toggle the facts of a case and watch Prüfungsschema and Gutachten change."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import ipywidgets as w

from lawkit.errors import LawkitError, UnknownIdError
from lawkit.evaluation import views
from lawkit.evaluation.evaluate import check
from lawkit.evaluation.results import CaseResult, DisputeResult, ElementResult
from lawkit.loading.library import Library, default_library
from lawkit.model.case import Case, Fact
from lawkit.model.logic import Answer
from lawkit.model.suggest import aehnlich
from lawkit.rendering import schema_view
from lawkit.rendering.report import render
from lawkit.widgets._facts import (
    ASSUMED_PREFIX,
    FactEntry,
    NormFacts,
    changed_fact,
    cited_paragraphs,
    fact_groups,
    paragraphs,
)

STYLES = (("Gutachtenstil", "gutachten"), ("Urteilsstil", "urteilsstil"))
LEVELS = (("ausführlich", "ausführlich"), ("klausurmäßig", "klausurmäßig"))
ANSWERS = (("ja", "ja"), ("nein", "nein"), ("offen", "offen"))
# Tab titles at their full width (ipywidgets cuts them at 144px), scoped to the workbench.
_CSS = ("<style>.lawkit-workbench .jupyter-widgets.widget-tab>.lm-TabBar .lm-TabBar-tab"
        "{flex:0 0 auto;max-width:none}</style>")
TAB_TITLES = ("Prüfungsschema", "Gutachten", "Meinungsstreit", "Konkurrenzen und Verfolgbarkeit")


def _fixed() -> w.Layout:
    return w.Layout(flex="0 0 auto")


def _answer(value: Answer | str) -> Answer:
    try:
        return Answer(value)
    except ValueError:
        raise LawkitError(f"unbekannte Antwort {value!r}; erwartet ja, nein oder offen") from None


class Workbench:
    """Fact panel, live Prüfungsschema, Gutachten, Meinungsstreit and Konkurrenzen of one case.

    Every change goes through a control's value (as a click does); the observers re-check
    the case and re-render every view.
    """

    def __init__(self, case: Case, library: Library, style: str = "gutachten",
                 level: str = "ausführlich") -> None:
        if style not in dict((v, k) for k, v in STYLES):
            raise LawkitError(f"unbekannter Stil {style!r}; erwartet 'gutachten' oder 'urteilsstil'")
        if level not in dict((v, k) for k, v in LEVELS):
            raise LawkitError(f"unbekannte Stufe {level!r}; erwartet 'ausführlich' oder 'klausurmäßig'")
        self.library = library
        self._original = case
        self._facts: dict[str, Fact] = dict(case.facts)
        self._views: dict[str, str] = {}  # views chosen here that differ from the initial ones
        self._style = style
        self._initial_style = style
        self._level = level
        self._initial_level = level
        self._hold = False
        self._questions = {k: q.text for k, q in
                           library.questions([e.norm for e in case.examinations]).items()}
        self._groups = fact_groups(case, library)
        self.result: CaseResult = check(case, library)
        disputes = views.disputes_in(self.result)
        self._initial_views = {d: entry[0].chosen.id for d, entry in disputes.items()}

        self.tree = w.HTML()
        self.gutachten = w.HTML()
        self.summary = w.HTML()
        self.disputes = w.HTML()
        self.style_control = w.ToggleButtons(options=STYLES, value=style,
                                             description="Darstellung:")
        self.style_control.add_class("lawkit-style")
        self.style_control.observe(self._on_style, names="value")
        self.level_control = w.ToggleButtons(options=LEVELS, value=level,
                                             description="Ausführlichkeit:")
        self.level_control.add_class("lawkit-level")
        self.level_control.observe(self._on_level, names="value")
        self.controls: dict[str, w.ToggleButtons] = {}
        self._status: dict[str, w.HTML] = {}
        fact_panel = self._fact_panel()
        self.view_controls: dict[str, w.ToggleButtons | w.Dropdown] = {}
        dispute_panel = self._dispute_panel(disputes)
        self.widget = self._layout(fact_panel, dispute_panel)
        self._refresh()

    # -- state ------------------------------------------------------------------------------
    @property
    def case(self) -> Case:
        """The case as the controls now set it (facts and views)."""
        return replace(self._original, facts=self._facts,
                       views={**self._original.views, **self._views})

    @property
    def style(self) -> str:
        return self._style

    @property
    def level(self) -> str:
        return self._level

    def set_fact(self, key: str, answer: Answer | str) -> None:
        """Answer a question differently (the same as clicking the button)."""
        if key not in self.controls:
            raise UnknownIdError(f"die Werkbank hat keine Frage {key!r}{aehnlich(key, self.controls)}")
        self.controls[key].value = _answer(answer).value

    def set_view(self, dispute_id: str, view_id: str) -> None:
        """Follow another view in a Meinungsstreit (the same as choosing it in the selector)."""
        if dispute_id not in self.view_controls:
            raise UnknownIdError(f"der Fall hat keinen Meinungsstreit {dispute_id!r}"
                                 f"{aehnlich(dispute_id, self.view_controls)}")
        control = self.view_controls[dispute_id]
        known = [value for _, value in control.options]
        if view_id not in known:
            raise UnknownIdError(f"der Meinungsstreit {dispute_id!r} kennt keine Ansicht {view_id!r}; "
                                 f"erwartet eine von: {', '.join(known)}")
        control.value = view_id

    def set_style(self, style: str) -> None:
        if style not in [value for _, value in STYLES]:
            raise LawkitError(f"unbekannter Stil {style!r}; erwartet 'gutachten' oder 'urteilsstil'")
        self.style_control.value = style

    def set_level(self, level: str) -> None:
        """'ausführlich' (every step) or 'klausurmäßig' (unproblematic points in
        Feststellungsstil), the same as clicking the switch."""
        if level not in [value for _, value in LEVELS]:
            raise LawkitError(f"unbekannte Stufe {level!r}; erwartet 'ausführlich' oder 'klausurmäßig'")
        self.level_control.value = level

    def reset(self) -> None:
        """Back to the Sachverhalt: every answer, view and the style as at the start."""
        self._hold = True
        try:
            for key, control in self.controls.items():
                control.value = self._original.facts[key].answer.value
            for dispute_id, control in self.view_controls.items():
                control.value = self._initial_views[dispute_id]
            self.style_control.value = self._initial_style
            self.level_control.value = self._initial_level
        finally:
            self._hold = False
        self._refresh()

    # -- text forms (tests, nbval) ------------------------------------------------------------------
    def schema_text(self, *, depth: int | None = None, under: str | None = None) -> str:
        """The checked Prüfungsschema; `depth` and `under` narrow it (see schema_view.schema_text)."""
        return schema_view.schema_text(self.result, depth=depth, under=under)

    def gutachten_text(self, *, section: str | None = None, meinungsstreit: bool = False) -> str:
        """The Gutachten as plain text; `section` only the part under the heading that begins with
        it ("B. § 823", "Gesamtergebnis"), `meinungsstreit` only the (first) Meinungsstreit in it
        with its Stellungnahme."""
        report = render(self.result, self._style, self._level)
        if section is not None:
            report = report.section(section)
        if meinungsstreit:
            report = report.meinungsstreit()
        return report.text()

    def summary_text(self) -> str:
        return schema_view.summary_text(self.result)

    def disputes_text(self) -> str:
        return schema_view.disputes_text(views.dispute_overview(self.result, self.library))

    # -- observers ------------------------------------------------------------------------------------
    def _on_fact(self, key: str, change: dict[str, object]) -> None:
        answer = _answer(str(change["new"]))
        fact = changed_fact(self._original, key, answer, self._questions.get(key, key))
        self._facts[key] = fact
        self._status[key].value = self._status_html(key, fact)
        if not self._hold:
            self._refresh()

    def _on_view(self, dispute_id: str, change: dict[str, object]) -> None:
        view_id = str(change["new"])
        if view_id == self._initial_views[dispute_id]:
            self._views.pop(dispute_id, None)
        else:
            self._views[dispute_id] = view_id
        if not self._hold:
            self._refresh()

    def _on_style(self, change: dict[str, object]) -> None:
        self._style = str(change["new"])
        self.gutachten.value = render(self.result, self._style, self._level).html()

    def _on_level(self, change: dict[str, object]) -> None:
        self._level = str(change["new"])
        self.gutachten.value = render(self.result, self._style, self._level).html()

    def _refresh(self) -> None:
        self.result = check(self.case, self.library, views=self._views)
        self.tree.value = schema_view.schema_html(self.result)
        self.gutachten.value = render(self.result, self._style, self._level).html()
        self.summary.value = schema_view.summary_html(self.result)
        self.disputes.value = schema_view.disputes_html(views.dispute_overview(self.result, self.library))

    # -- building -----------------------------------------------------------------------------------
    def _status_html(self, key: str, fact: Fact) -> str:
        original = self._original.facts[key]
        if fact is original:
            return ""
        text = f"Abweichend vom Sachverhalt (dort: {original.answer.value})."
        if not fact.note.startswith(ASSUMED_PREFIX):
            text += f" Im Gutachten: {fact.note}"
        return (f'<div class="lawkit-changed" style="color:#6d4c00;font-size:90%">'
                f"{html.escape(text)}</div>")

    def _fact_html(self, entry: FactEntry, fact: Fact, sv: tuple[str, ...]) -> str:
        parts = [f"<div><strong>{html.escape(entry.question)}</strong></div>",
                 f'<div style="font-size:92%">{html.escape(fact.note)}']
        if fact.source:
            parts.append(f" <span style=\"color:#555\">({html.escape(fact.source)})</span>")
        if fact.assumed:
            parts.append(' <span class="lawkit-assumed" style="color:#6d4c00">'
                         "[unterstellt – der Sachverhalt sagt dazu nichts]</span>")
        parts.append("</div>")
        for number in cited_paragraphs(fact.source):
            if 1 <= number <= len(sv):
                parts.append(f'<details style="font-size:90%"><summary>SV Abs. {number}</summary>'
                             f'<blockquote style="margin:2px 0 2px 1em">{html.escape(sv[number - 1])}'
                             "</blockquote></details>")
        if entry.also:
            parts.append('<div style="font-size:90%;color:#555">Auch erheblich für: '
                         f"{html.escape('; '.join(entry.also))}</div>")
        return "".join(parts)

    def _fact_item(self, entry: FactEntry, sv: tuple[str, ...]) -> w.Widget:
        fact = self._original.facts[entry.key]
        control = w.ToggleButtons(options=ANSWERS, value=fact.answer.value,
                                  style={"button_width": "72px"},
                                  tooltips=["ja", "nein", "offen"])
        control.add_class(f"lawkit-fact-{entry.key}")
        control.observe(lambda change, key=entry.key: self._on_fact(key, change), names="value")
        self.controls[entry.key] = control
        self._status[entry.key] = w.HTML("")
        box = w.VBox([w.HTML(self._fact_html(entry, fact, sv)), control, self._status[entry.key]],
                     layout=w.Layout(margin="0 0 8px 0", flex="0 0 auto"))
        box.add_class("lawkit-item")
        return box

    def _fact_panel(self) -> w.Widget:
        sv = paragraphs(self._original.sachverhalt)
        items: list[w.Widget] = []
        for group in self._groups:
            items.append(w.HTML(f'<h3 style="margin:8px 0 4px">{html.escape(group.heading)}</h3>',
                                layout=_fixed()))
            items += self._points(group, sv)
        panel = w.VBox(items, layout=w.Layout(flex="1 1 380px", min_width="320px",
                                              max_height="900px", overflow="auto",
                                              padding="0 8px 0 0"))
        panel.add_class("lawkit-facts")
        return panel

    def _points(self, group: NormFacts, sv: tuple[str, ...]) -> Iterable[w.Widget]:
        for point in group.points:
            yield w.HTML(f'<h4 style="margin:6px 0 2px">{html.escape(point.label)}</h4>', layout=_fixed())
            for entry in point.facts:
                yield self._fact_item(entry, sv)

    def _dispute_panel(self, disputes: dict[str, tuple[DisputeResult, ElementResult, list[str]]]) -> w.Widget:
        items: list[w.Widget] = []
        for dispute_id, (dispute_result, element, citations) in disputes.items():
            dispute = dispute_result.dispute
            options = [(view.label + (" (h.M.)" if view.dominant else ""), view.id)
                       for view in dispute.views]
            if len(options) <= 3:
                control: w.ToggleButtons | w.Dropdown = w.ToggleButtons(
                    options=options, value=dispute_result.chosen.id,
                    style={"button_width": "auto"})
            else:
                control = w.Dropdown(options=options, value=dispute_result.chosen.id)
            control.add_class(f"lawkit-view-{dispute_id}")
            control.observe(lambda change, d=dispute_id: self._on_view(d, change), names="value")
            self.view_controls[dispute_id] = control
            items += [w.HTML(f"<strong>Ansicht im Meinungsstreit zu „{html.escape(element.element.label)}“"
                             f" ({html.escape(', '.join(citations))}):</strong>"), control]
        items.append(self.disputes)
        return w.VBox(items)

    def _layout(self, fact_panel: w.Widget, dispute_panel: w.Widget) -> w.Widget:
        case = self._original
        sv = "".join(f'<p style="margin:4px 0"><strong>Abs. {i}</strong> {html.escape(text)}</p>'
                     for i, text in enumerate(paragraphs(case.sachverhalt), start=1))
        header = w.HTML(f'{_CSS}<div class="lawkit-sachverhalt"><h2 style="margin:4px 0">'
                        f"{html.escape(case.title)}</h2>{sv}<p><strong>Fallfrage:</strong> "
                        f"{html.escape(case.fallfrage)}</p></div>")
        tabs = w.Tab(children=[self.tree, w.VBox([self.style_control, self.level_control,
                                                  self.gutachten]),
                               dispute_panel, self.summary])
        tabs.titles = TAB_TITLES
        views = w.Box([tabs], layout=w.Layout(flex="2 1 480px", min_width="320px"))
        body = w.Box([fact_panel, views], layout=w.Layout(display="flex", flex_flow="row wrap",
                                                          align_items="flex-start", width="100%"))
        root = w.VBox([header, body])
        root.add_class("lawkit-workbench")
        return root

    # -- display --------------------------------------------------------------------------------------
    def __repr__(self) -> str:
        norms = ", ".join(n.citation for n in self.result.norms)
        return f"Arbeitsfläche: {self._original.title} ({len(self.controls)} Fragen; {norms})"

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, object]:
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/plain"] = repr(self)
        return bundle


def workbench(case: Case | str | Path, *, library: Library | None = None, style: str = "gutachten",
              level: str = "ausführlich", norms: Iterable[str] | None = None) -> Workbench:
    """The workbench for a case: a shipped id ('bafin_angestellte', 'case.variant'), a path,
    or a Case. `norms` restricts it to some of the norms the case examines; `style` and `level`
    set how the Gutachten opens (Gutachtenstil, every step)."""
    library = library or default_library()
    if not isinstance(case, Case):
        case = library.case(case)
    if norms is not None:
        wanted = list(norms)
        examined = [e.norm for e in case.examinations]
        for norm_id in wanted:
            if norm_id not in examined:
                raise UnknownIdError(f"der Fall {case.id!r} prüft {norm_id!r} nicht"
                                     f"{aehnlich(norm_id, examined)}; erwartet eine von: "
                                     + ", ".join(examined))
        case = replace(case, examinations=tuple(e for e in case.examinations if e.norm in wanted))
    return Workbench(case, library, style, level)
