"""The trainer app: today's due cards, instant feedback with the reason, a progress chart,
keyboard use (j / n / o, Enter). Works in JupyterLab and as a Voilà app.

    from lawkit.widgets import trainer
    trainer()                      # progress in answers/training.sqlite beside the notebook

Every answer is saved at once (lawkit.training.store); reloading the page continues where the
student stopped. The keys come from a tiny anywidget (`TrainerKeys`) that listens on the page
and forwards j, n, o and Enter; the buttons do the same by click. Hooks for browser tests:
the classes `lawkit-trainer`, `lawkit-trainer-ja|nein|offen|show|next`, and the ids
`lawkit-trainer-status`, `lawkit-trainer-card`, `lawkit-trainer-feedback`, `lawkit-trainer-chart`.
"""

from __future__ import annotations

import html
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import anywidget
import ipywidgets as w
import traitlets

from lawkit.errors import LawkitError
from lawkit.loading.library import Library, default_library
from lawkit.training.cards import Card, library_cards
from lawkit.training.scheduler import SELF_RATING_LABELS
from lawkit.training.session import Feedback, Session
from lawkit.training.store import DEFAULT_PATH, ProgressStore

KEYS = ("j", "n", "o", "Enter")
KEY_ANSWERS = {"j": "ja", "n": "nein", "o": "offen"}
ALL_CASES = "Alle Fälle"

_KEYS_ESM = """
function render({ model, el }) {
  el.classList.add("lawkit-trainer-keys");
  const root = () => el.closest(".lawkit-trainer") || el.parentElement;
  const handler = (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const key = event.key === "Enter" ? "Enter" : event.key.toLowerCase();
    if (!["j", "n", "o", "Enter"].includes(key)) return;
    const target = event.target;
    const tag = target && target.tagName ? target.tagName : "";
    if (["INPUT", "TEXTAREA", "SELECT"].includes(tag) || (target && target.isContentEditable)) return;
    if (key === "Enter" && tag === "BUTTON") return;  // the focused button's own click does it
    const inLab = document.querySelector(".jp-NotebookPanel-toolbar") !== null;  // JupyterLab, not Voilà
    if (inLab && !(root() && root().contains(document.activeElement))) return;  // notebook keys stay
    event.preventDefault();
    event.stopPropagation();
    model.send({ key: key });
  };
  document.addEventListener("keydown", handler, true);
  return () => document.removeEventListener("keydown", handler, true);
}
export default { render };
"""


class TrainerKeys(anywidget.AnyWidget):
    """Forwards the keys j, n, o and Enter pressed anywhere on the page (not in a text field)."""

    _esm = traitlets.Unicode(_KEYS_ESM).tag(sync=True)


def _html_lines(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.splitlines())


class Trainer:
    """Cards of the library, one student's progress file, and the widgets that show them."""

    def __init__(self, cards: Sequence[Card], path: Path | str = DEFAULT_PATH, *,
                 session: Session | None = None) -> None:
        self.path = Path(path)
        self.all_cards = tuple(cards)
        self.card: Card | None = None
        self.state = "question"  # question → (reveal →) feedback → question …
        self.last_feedback: Feedback | None = None
        self.error: str | None = None
        self._shown_at = time.monotonic()

        self.status = w.HTML()
        self.card_view = w.HTML()
        self.feedback_view = w.HTML()
        self.chart = w.HTML()
        cases = [ALL_CASES, *dict.fromkeys(c.title.split(" · ")[0] for c in self.all_cards
                                           if c.case is not None)]
        self.case_choice = w.Dropdown(options=cases, value=ALL_CASES, description="Fall:",
                                      layout=w.Layout(width="auto"))
        self.case_choice.add_class("lawkit-trainer-case")
        self.buttons: dict[str, w.Button] = {}
        for answer, label in (("ja", "ja (j)"), ("nein", "nein (n)"), ("offen", "offen (o)")):
            button = w.Button(description=label)
            button.add_class(f"lawkit-trainer-{answer}")
            button.on_click(lambda _b, a=answer: self.press(a))
            self.buttons[answer] = button
        self.show_button = w.Button(description="Lösung zeigen (Enter)", button_style="info")
        self.show_button.add_class("lawkit-trainer-show")
        self.show_button.on_click(lambda _b: self.press("Enter"))
        self.next_button = w.Button(description="Weiter (Enter)", button_style="primary")
        self.next_button.add_class("lawkit-trainer-next")
        self.next_button.on_click(lambda _b: self.press("Enter"))
        self.controls = w.HBox([])
        self.keys = TrainerKeys()
        self.keys.on_msg(self._key_message)
        self.widget = w.VBox([self.status, self.case_choice, self.card_view, self.controls,
                              self.feedback_view, self.chart, self.keys])
        self.widget.add_class("lawkit-trainer")
        for view, name in ((self.status, "status"), (self.card_view, "card"),
                           (self.feedback_view, "feedback"), (self.chart, "chart")):
            view.add_class(f"lawkit-trainer-{name}-box")
        try:
            self.session = session or Session(self.all_cards, ProgressStore(self.path))
        except LawkitError as exc:
            self._fail(str(exc))
            return
        self.case_choice.observe(self._case_changed, names="value")
        self._advance()

    # -- input ---------------------------------------------------------------------------------
    def _key_message(self, _widget: object, content: Any, _buffers: object) -> None:
        if isinstance(content, dict) and content.get("key") in KEYS:
            self.press(str(content["key"]))

    def press(self, key: str) -> None:
        """What a key or button does in the current state: j/n/o ('ja', 'nein', 'offen' also
        accepted) answer or rate, Enter reveals a self-rated card or goes on."""
        if self.error is not None or self.card is None:
            if key == "Enter" and self.error is None and self.session.session_done:
                self.session.answered_in_session = 0
                self._advance()
            return
        answer = KEY_ANSWERS.get(key, key)
        if self.state == "question":
            if self.card.self_rated:
                if key == "Enter":
                    self.state = "reveal"
                    self._render()
            elif answer in self.card.options:
                self._answer(answer)
        elif self.state == "reveal":
            if answer in ("ja", "nein", "offen"):
                self._answer(answer)
        elif self.state == "feedback" and key == "Enter":
            self._advance()

    def _answer(self, answer: str) -> None:
        assert self.card is not None
        duration = int((time.monotonic() - self._shown_at) * 1000)
        try:
            outcome = self.session.answer(self.card, answer, duration_ms=duration)
        except LawkitError as exc:
            self.feedback_view.value = (
                f'<div id="lawkit-trainer-feedback" class="lawkit-trainer-error"><p><b>Ihre Antwort '
                f"konnte nicht gespeichert werden.</b> {html.escape(str(exc))}</p></div>")
            return
        self.last_feedback = outcome.feedback
        self.state = "feedback"
        self._render()

    def _case_changed(self, change: dict[str, object]) -> None:
        title = change["new"]
        wanted = [c.id for c in self.all_cards if title == ALL_CASES or c.title.split(" · ")[0] == title]
        self.session.restrict(wanted)
        self._advance()

    # -- showing -------------------------------------------------------------------------------
    def _advance(self) -> None:
        self.card = None if self.session.session_done else self.session.next_card()
        self.state = "question"
        self.last_feedback = None
        self._shown_at = time.monotonic()
        self._render()

    def _fail(self, message: str) -> None:
        self.error = message
        self.status.value = '<div id="lawkit-trainer-status"><b>Der Trainer kann nicht starten.</b></div>'
        self.card_view.value = (
            f'<div id="lawkit-trainer-card" class="lawkit-trainer-error"><p>{html.escape(message)}</p>'
            "<p>Ihr bisheriger Lernstand wird nicht verändert.</p></div>")
        self.controls.children = ()

    def _render(self) -> None:
        self._render_status()
        self._render_card()
        self._render_feedback()
        self._render_chart()

    def _render_status(self) -> None:
        today = self.session.today()
        minutes = self.session.minutes(min(today.total, self.session.size))
        session = (f"Diese Sitzung: bis zu {self.session.size} Karten, etwa {minutes} Minuten"
                   if today.total else "Für heute ist alles erledigt.")
        right = f", davon {today.right} richtig" if today.answered else ""
        self.status.value = (
            f'<div id="lawkit-trainer-status"><b>Heute fällig: {today.total} Karten</b> '
            f"({today.due} zur Wiederholung, {today.new} neu) · Heute beantwortet: {today.answered}{right}"
            f" · {session}</div>")

    def _render_card(self) -> None:
        card = self.card
        if card is None:
            done = ("Diese Sitzung ist beendet. Drücken Sie Enter für eine weitere Sitzung."
                    if self.session.session_done else
                    "Heute ist keine Karte mehr fällig. Kommen Sie morgen wieder – die Wiederholung "
                    "in Abständen festigt das Gelernte.")
            self.card_view.value = f'<div id="lawkit-trainer-card"><p>{done}</p></div>'
            self.controls.children = ()
            return
        sachverhalt = ""
        if card.sachverhalt:
            sachverhalt = (f"<details><summary>Sachverhalt</summary><p>{_html_lines(card.sachverhalt)}"
                           "</p></details>")
        self.card_view.value = (
            f'<div id="lawkit-trainer-card" data-card="{html.escape(card.id)}">'
            f'<p class="lawkit-trainer-kind"><small>{html.escape(card.kind.value)} · '
            f"{html.escape(card.title)}</small></p>{sachverhalt}"
            f'<p class="lawkit-trainer-prompt"><b>{html.escape(card.prompt)}</b></p></div>')
        if self.state == "feedback":
            self.controls.children = (self.next_button,)
        elif card.self_rated and self.state == "question":
            self.controls.children = (self.show_button,)
        elif card.self_rated:
            for answer, button in self.buttons.items():
                button.description = f"{SELF_RATING_LABELS[answer]} ({answer[0]})"
            self.controls.children = tuple(self.buttons.values())
        else:
            for answer, button in self.buttons.items():
                button.description = f"{answer} ({answer[0]})"
            self.controls.children = tuple(self.buttons[a] for a in card.options)

    def _render_feedback(self) -> None:
        card = self.card
        if card is not None and card.self_rated and self.state == "reveal":
            sources = "; ".join(card.sources)
            self.feedback_view.value = (
                f'<div id="lawkit-trainer-feedback" data-right="none"><p>{_html_lines(card.back)}</p>'
                + (f"<p><small>Fundstellen: {html.escape(sources)}</small></p>" if sources else "")
                + "<p><i>Wie gut wussten Sie es? j = gewusst, o = unsicher, n = nicht gewusst.</i></p></div>")
            return
        result = self.last_feedback
        if result is None:
            self.feedback_view.value = '<div id="lawkit-trainer-feedback"></div>'
            return
        right = "none" if result.correct is None else str(result.correct).lower()
        colour = {"true": "#1b5e20", "false": "#8e1b14"}.get(right, "#333333")
        parts = [f'<p class="lawkit-trainer-headline" style="color:{colour}">'
                 f"<b>{html.escape(result.headline)}</b></p>"]
        if result.reason:
            parts.append(f'<p class="lawkit-trainer-reason">{_html_lines(result.reason)}</p>')
        if result.deciding:
            items = "".join(f"<li>{html.escape(d)}</li>" for d in result.deciding)
            parts.append(f'<div class="lawkit-trainer-deciding">Entscheidend:<ul>{items}</ul></div>')
        if result.sources:
            parts.append(f'<p class="lawkit-trainer-sources"><small>Fundstellen: '
                         f'{html.escape("; ".join(result.sources))}</small></p>')
        self.feedback_view.value = (f'<div id="lawkit-trainer-feedback" data-right="{right}">'
                                    + "".join(parts) + "</div>")

    def _render_chart(self) -> None:
        rows = []
        for norm_id, firm, learning, new in self.session.chart_rows():
            total = firm + learning + new
            if not total:
                continue
            label = self._norm_label(norm_id)
            bar = "".join(
                f'<span title="{name}: {n}" style="display:inline-block;height:12px;'
                f'width:{200 * n / total:.1f}px;background:{colour}"></span>'
                for name, n, colour in (("gefestigt", firm, "#1b5e20"), ("in Arbeit", learning, "#e08a00"),
                                        ("neu", new, "#d0d0d0")) if n)
            rows.append(f'<tr class="lawkit-trainer-chart-row"><td>{html.escape(label)}</td><td>{bar}</td>'
                        f"<td>{firm} gefestigt, {learning} in Arbeit, {new} neu</td></tr>")
        self.chart.value = (
            '<div id="lawkit-trainer-chart"><p><b>Ihr Fortschritt je Norm</b> '
            '(<span style="color:#1b5e20">■</span> gefestigt, '
            '<span style="color:#e08a00">■</span> in Arbeit, '
            '<span style="color:#a0a0a0">■</span> neu)</p><table>' + "".join(rows) + "</table></div>")

    def _norm_label(self, norm_id: str) -> str:
        for card in self.all_cards:
            if card.norm == norm_id:
                return card.topic_label.split(":")[0]
        return norm_id

    # -- display -------------------------------------------------------------------------------
    def __repr__(self) -> str:
        if self.error:
            return f"Trainer: {self.error}"
        today = self.session.today()
        return f"Trainer: heute fällig {today.total} Karten ({len(self.all_cards)} Karten insgesamt)"

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, object]:
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/plain"] = repr(self)
        return bundle


def trainer(path: Path | str = DEFAULT_PATH, *, library: Library | None = None) -> Trainer:
    """The trainer app over every card of the library; progress in `path`."""
    return Trainer(library_cards(library or default_library()), path)
