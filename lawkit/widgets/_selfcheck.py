"""Self-checks at the end of a notebook: questions with options, checked on "Prüfen".

The questions live in YAML (`lawkit/data/selfchecks/<name>.yaml`):

    title: Selbstkontrolle
    questions:
      - id: drei_werte
        frage: …
        optionen: [erfüllt, nicht erfüllt, offen]
        richtig: offen            # one option, or a list if several are right
        erklaerung: …             # shown after answering
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as w

from lawkit.errors import LawkitError, UnknownIdError
from lawkit.loading.library import DATA_DIR
from lawkit.loading.yaml_reader import Reader, beschreibe, read_document
from lawkit.model.suggest import aehnlich

SELFCHECK_DIR = DATA_DIR / "selfchecks"


@dataclass(frozen=True, slots=True)
class CheckQuestion:
    id: str
    frage: str
    optionen: tuple[str, ...]
    richtig: tuple[str, ...]  # every option that counts as right
    erklaerung: str = ""
    detail: str = ""  # further text after the feedback (e.g. a Gutachten)
    detail_html: str = ""  # the same for the widget
    frage_html: str = ""  # the question as HTML, where it is more than a sentence


def _sentence(text: str) -> str:
    """End with a full stop unless the text already ends with a sentence mark."""
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def feedback(question: CheckQuestion, option: str, *, detail: bool = True) -> str:
    """ "Richtig. …" or "Nicht ganz. Richtig ist: … . …", then the explanation (and the
    detail, unless the widget shows it as HTML)."""
    if option in question.richtig:
        head = "Richtig."
    elif len(question.richtig) == 1:
        head = _sentence(f"Nicht ganz. Richtig ist: {question.richtig[0]}")
    else:
        head = _sentence(f"Nicht ganz. Richtig sind: {', '.join(question.richtig)}")
    text = f"{head} {question.erklaerung}".rstrip()
    return f"{text}\n\n{question.detail}" if question.detail and detail else text


class SelfCheck:
    """Questions with one RadioButtons each, a "Prüfen" button and the feedback below it."""

    def __init__(self, title: str, questions: tuple[CheckQuestion, ...], intro_html: str = "") -> None:
        self.title = title
        self.questions = questions
        self._by_id = {q.id: q for q in questions}
        self.choices: dict[str, w.RadioButtons] = {}
        self.buttons: dict[str, w.Button] = {}
        self.feedback: dict[str, w.HTML] = {}
        items: list[w.Widget] = [w.HTML(f"<h3>{html.escape(title)}</h3>{intro_html}")]
        for question in questions:
            items.append(self._item(question))
        self.widget = w.VBox(items)
        self.widget.add_class("lawkit-selfcheck")

    def question(self, question_id: str) -> CheckQuestion:
        try:
            return self._by_id[question_id]
        except KeyError:
            raise UnknownIdError(f"keine Frage {question_id!r}{aehnlich(question_id, self._by_id)}; "
                                 f"erwartet eine von: {', '.join(self._by_id)}") from None

    def answer(self, question_id: str, option: str) -> str:
        """The feedback text for choosing `option` (as the widget shows it after "Prüfen")."""
        question = self.question(question_id)
        if option not in question.optionen:
            raise LawkitError(f"{option!r} ist keine Antwort der Frage {question_id!r}; erwartet eine von: "
                              + ", ".join(question.optionen))
        return feedback(question, option)

    def text(self) -> str:
        """The questions and options as plain text (for a checked notebook output)."""
        out = [self.title, ""]
        for i, question in enumerate(self.questions, start=1):
            out.append(f"{i}. {question.frage}")
            out += [f"   ( ) {option}" for option in question.optionen]
            out.append("")
        return "\n".join(out).rstrip() + "\n"

    def _item(self, question: CheckQuestion) -> w.Widget:
        choice = w.RadioButtons(options=list(question.optionen), value=None,
                                layout=w.Layout(width="auto"))
        choice.add_class(f"lawkit-choice-{question.id}")
        button = w.Button(description="Prüfen", button_style="primary")
        button.add_class(f"lawkit-check-{question.id}")
        out = w.HTML("")
        out.add_class(f"lawkit-feedback-{question.id}")
        button.on_click(lambda _button, q=question: self._check(q))
        self.choices[question.id] = choice
        self.buttons[question.id] = button
        self.feedback[question.id] = out
        frage = question.frage_html or f"<p><strong>{html.escape(question.frage)}</strong></p>"
        box = w.VBox([w.HTML(frage), choice, button, out], layout=w.Layout(margin="0 0 12px 0"))
        box.add_class(f"lawkit-selfcheck-{question.id}")
        return box

    def _check(self, question: CheckQuestion) -> None:
        option = self.choices[question.id].value
        if option is None:
            self.feedback[question.id].value = "<p><em>Bitte wählen Sie zuerst eine Antwort.</em></p>"
            return
        text = feedback(question, str(option), detail=False)
        right = option in question.richtig
        colour = "#1b5e20" if right else "#8e1b14"
        self.feedback[question.id].value = (
            f'<div class="lawkit-feedback" data-right="{str(right).lower()}">'
            f'<p style="color:{colour}">{html.escape(text)}</p>{question.detail_html}</div>')

    def __repr__(self) -> str:
        return f"{self.title} ({len(self.questions)} Fragen)"

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, object]:
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/plain"] = repr(self)
        return bundle


# -- loading ------------------------------------------------------------------------------------


def _option(reader: Reader) -> str:
    value = reader.value
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        hint = " (in Anführungszeichen schreiben)" if isinstance(value, bool) else ""
        raise reader.error(f"erwartet den Text einer Antwort, gefunden {beschreibe(value)}{hint}")
    text = str(value).strip()
    if not text:
        raise reader.error("die Antwort ist leer; erwartet den Text einer Antwort")
    return text


def _question(item: Reader, seen: set[str]) -> CheckQuestion:
    item.mapping(required=("id", "frage", "optionen", "richtig"), optional=("erklaerung",))
    question_id = item.ident("id")
    if question_id in seen:
        raise item["id"].error(f"die Fragen-ID {question_id!r} kommt zweimal vor; "
                               "erwartet jede ID nur einmal")
    seen.add(question_id)
    options: list[str] = []
    for option_reader in item["optionen"].list(what="options"):
        option = _option(option_reader)
        if option in options:
            raise option_reader.error(f"die Antwort {option!r} steht zweimal da; erwartet jede nur einmal")
        options.append(option)
    if len(options) < 2:
        raise item["optionen"].error("nur eine Antwort; erwartet mindestens zwei")
    right_reader = item["richtig"]
    right_items = right_reader.list(what="right options") if isinstance(right_reader.value, list) \
        else [right_reader]
    right: list[str] = []
    for reader in right_items:
        option = _option(reader)
        if option not in options:
            raise reader.error(f"{option!r} steht nicht unter den Antworten (optionen); erwartet eine von: "
                               + ", ".join(options))
        right.append(option)
    explanation = item.opt_str("erklaerung") or ""
    return CheckQuestion(question_id, item.str("frage"), tuple(options), tuple(right),
                         " ".join(explanation.split()))


def load_self_check(path: Path | str, *, text: str | None = None) -> tuple[str, tuple[CheckQuestion, ...]]:
    """Read a self-check file: its title and questions (AuthoringError with file:line)."""
    reader = read_document(path, text=text).reader()
    reader.mapping(required=("questions",), optional=("title",))
    title = reader.opt_str("title") or "Selbstkontrolle"
    seen: set[str] = set()
    questions = tuple(_question(item, seen) for item in reader["questions"].list(what="questions"))
    return title, questions


def self_check(name_or_path: str | Path) -> SelfCheck:
    """A self-check by name (`lawkit/data/selfchecks/<name>.yaml`) or from a YAML file."""
    path = Path(name_or_path)
    if isinstance(name_or_path, str) and path.suffix not in (".yaml", ".yml") and "/" not in name_or_path:
        path = SELFCHECK_DIR / f"{name_or_path}.yaml"
        if not path.exists():
            known = sorted(p.stem for p in SELFCHECK_DIR.glob("*.yaml")) if SELFCHECK_DIR.exists() else []
            raise UnknownIdError(f"unbekannte Selbstkontrolle {name_or_path!r}"
                                 f"{aehnlich(name_or_path, known)}; "
                                 f"erwartet eine von: {', '.join(known) or '(noch keine mitgeliefert)'} "
                                 "oder den Pfad einer YAML-Datei")
    title, questions = load_self_check(path)
    return SelfCheck(title, questions)
