"""The lawkit widgets as a browser user sees them (page objects), and the texts they must show,
computed in the test process from lawkit's own HTML."""

from __future__ import annotations

import difflib
import urllib.parse
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from tests.browser.harness import RENDER_TIMEOUT_MS

# -- expected texts, computed from lawkit's own HTML ------------------------------------------------


def normalize(text: str) -> str:
    return " ".join(text.split())


class _Collector(HTMLParser):
    """Text of the elements a tiny selector matches: tag names or `.class` (not nested)."""

    def __init__(self, selectors: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self._tags = {s for s in selectors if not s.startswith(".")}
        self._classes = {s[1:] for s in selectors if s.startswith(".")}
        self._stack: list[tuple[str, bool]] = []
        self._buffer: list[str] | None = None
        self.texts: list[str] = []

    def _matches(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        classes = set((dict(attrs).get("class") or "").split())
        return tag in self._tags or bool(classes & self._classes)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "hr", "input", "meta", "link", "wbr"}:
            return
        starts = self._buffer is None and self._matches(tag, attrs)
        if starts:
            self._buffer = []
        self._stack.append((tag, starts))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            open_tag, started = self._stack.pop()
            if started and self._buffer is not None:
                self.texts.append(normalize("".join(self._buffer)))
                self._buffer = None
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._buffer is not None:
            self._buffer.append(data)


def html_texts(fragment: str, selectors: tuple[str, ...]) -> list[str]:
    """The normalized text of each element of `fragment` matched by `selectors`, in order."""
    collector = _Collector(selectors)
    collector.feed(fragment)
    collector.close()
    return collector.texts


GUTACHTEN_BLOCKS = ("h2", "h3", "h4", "h5", "h6", "p", "li")
SCHEMA_NODES = (".lawkit-node", ".lawkit-deciding")
SUMMARY_BLOCKS = (".lawkit-summary-norm",)
DISPUTE_BLOCKS = (".lawkit-dispute",)

_TEXTS_JS = """([root, selectors]) => {
  const el = document.querySelector(root);
  if (!el) return null;
  return Array.from(el.querySelectorAll(selectors)).map(e => e.textContent.split(/\\s+/).filter(Boolean).join(' '));
}"""

_WAIT_TEXTS_JS = """([root, selectors, expected]) => {
  const el = document.querySelector(root);
  if (!el) return false;
  const got = Array.from(el.querySelectorAll(selectors)).map(e => e.textContent.split(/\\s+/).filter(Boolean).join(' '));
  return JSON.stringify(got) === JSON.stringify(expected);
}"""

# Clicks a button and resolves when the texts under `root` are exactly `expected`; the time is
# measured inside the page (performance.now), from the click to the DOM update.
_CLICK_AND_TIME_JS = """async ([button, root, selectors, expected, timeoutMs]) => {
  const texts = () => {
    const el = document.querySelector(root);
    if (!el) return null;
    return JSON.stringify(Array.from(el.querySelectorAll(selectors)).map(e => e.textContent.split(/\\s+/).filter(Boolean).join(' ')));
  };
  const want = JSON.stringify(expected);
  const t0 = performance.now();
  const done = new Promise((resolve, reject) => {
    const check = () => {
      if (texts() === want) { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - t0); }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, {subtree: true, childList: true, characterData: true});
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error('timeout: ' + texts())); }, timeoutMs);
  });
  document.querySelector(button).click();
  return await done;
}"""


# -- the workbench as a browser user sees it ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ControlState:
    """What the controls of a workbench show: fact answers, chosen views (labels), style and
    level labels."""

    facts: dict[str, str]
    views: dict[str, str]
    style: str
    level: str = "ausführlich"


_STATE_JS = """(root) => {
  const box = document.querySelector(root);
  const active = el => { const b = el.querySelector('button.mod-active'); return b ? b.textContent.trim() : null; };
  const facts = {}, views = {};
  let style = null, level = null;
  // Only the controls themselves (other classes such as `lawkit-item` do not share the prefix).
  for (const el of box.querySelectorAll('.widget-toggle-buttons[class*="lawkit-"], .widget-dropdown[class*="lawkit-"]')) {
    for (const cls of el.classList) {
      if (cls.startsWith('lawkit-fact-')) facts[cls.slice(12)] = active(el);
      else if (cls.startsWith('lawkit-view-')) {
        const select = el.querySelector('select');
        views[cls.slice(12)] = select ? select.options[select.selectedIndex].textContent.trim() : active(el);
      } else if (cls === 'lawkit-style') style = active(el);
      else if (cls === 'lawkit-level') level = active(el);
    }
  }
  return {facts, views, style, level};
}"""


def _data_value(label: str) -> str:
    """ipywidgets writes a toggle button's label into `data-value` with encodeURIComponent."""
    return urllib.parse.quote(label, safe="-_.!~*'()")


class WorkbenchPage:
    """One lawkit workbench on a page (Voilà or JupyterLab), reached through its DOM hooks."""

    def __init__(self, page: Any, root: str = ".lawkit-workbench") -> None:
        self.page = page
        self.root = root

    def wait_rendered(self, timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
        self.page.wait_for_selector(f"{self.root} #lawkit-gutachten", state="attached", timeout=timeout_ms)
        self.page.wait_for_selector(f"{self.root} #lawkit-schema", state="attached", timeout=timeout_ms)
        self.page.wait_for_selector(f"{self.root} .widget-toggle-button", state="visible",
                                    timeout=timeout_ms)

    def state(self) -> ControlState:
        data = self.page.evaluate(_STATE_JS, self.root)
        return ControlState(data["facts"], data["views"], data["style"], data["level"])

    def expected(self, case: str) -> Expected:
        """What lawkit renders for `case` with the controls as this page shows them now."""
        return expected_for(case, self.state())

    def fact_button_css(self, key: str, answer: str) -> str:
        """The same button as a pure CSS selector (for document.querySelector in the page)."""
        return f'{self.root} .lawkit-fact-{key} button.widget-toggle-button[data-value="{_data_value(answer)}"]'

    def click_fact(self, key: str, answer: str) -> None:
        self.page.locator(self.fact_button_css(key, answer)).click()

    def click_style(self, label: str) -> None:
        self.page.locator(f'{self.root} .lawkit-style button.widget-toggle-button[data-value="{_data_value(label)}"]').click()

    def choose_view(self, dispute_id: str, label: str) -> None:
        control = self.page.locator(f"{self.root} .lawkit-view-{dispute_id}")
        if control.locator("select").count():
            control.locator("select").select_option(label=label)
        else:
            control.locator(f'button.widget-toggle-button[data-value="{_data_value(label)}"]').click()

    def open_tab(self, title: str) -> None:
        self.page.locator(f"{self.root} .lm-TabBar-tab:has-text('{title}')").first.click()

    def texts(self, element_id: str, selectors: tuple[str, ...]) -> list[str] | None:
        return self.page.evaluate(_TEXTS_JS, [f"{self.root} #{element_id}", ", ".join(selectors)])

    def wait_texts(self, element_id: str, selectors: tuple[str, ...], expected: list[str],
                   timeout_ms: int = 20_000) -> None:
        """Wait until the browser shows exactly `expected`; on timeout, say what it shows."""
        try:
            self.page.wait_for_function(_WAIT_TEXTS_JS, arg=[f"{self.root} #{element_id}",
                                                             ", ".join(selectors), expected],
                                        timeout=timeout_ms)
        except Exception as error:
            shown = self.texts(element_id, selectors)
            raise AssertionError(f"#{element_id} does not show the expected text.\n"
                                 f"{_diff(expected, shown or [])}") from error

    def assert_shows(self, expected: Expected) -> None:
        """Gutachten, Prüfungsschema, Konkurrenzen summary and Meinungsstreit exactly as lawkit
        renders them."""
        self.wait_texts("lawkit-gutachten", GUTACHTEN_BLOCKS, expected.gutachten)
        self.wait_texts("lawkit-schema", SCHEMA_NODES, expected.schema)
        self.wait_texts("lawkit-summary", SUMMARY_BLOCKS, expected.summary)
        self.wait_texts("lawkit-disputes", DISPUTE_BLOCKS, expected.disputes)

    def click_and_time(self, key: str, answer: str, element_id: str, selectors: tuple[str, ...],
                       expected: list[str], timeout_ms: int = 20_000) -> float:
        """Milliseconds from the click on a fact button to the exact expected text."""
        return float(self.page.evaluate(_CLICK_AND_TIME_JS, [
            self.fact_button_css(key, answer), f"{self.root} #{element_id}", ", ".join(selectors),
            expected, timeout_ms]))


def _diff(expected: list[str], shown: list[str]) -> str:
    return "\n".join(difflib.unified_diff(expected, shown, "expected (lawkit)", "shown (browser)",
                                          lineterm="", n=1))


def cell_errors(page: Any) -> list[str]:
    """Tracebacks of notebook cells shown on the page (Voilà with --show_tracebacks prints them
    as stderr output; JupyterLab as error output)."""
    outputs = page.evaluate("""() => Array.from(document.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], '
        + '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]'))
        .map(e => e.textContent.trim())""")
    return [text[:3000] for text in outputs if "Traceback" in text or "Error" in text]


# -- the same workbench in the test process ---------------------------------------------------------


def workbench_in_state(case: str, state: ControlState, norms: tuple[str, ...] | None = None) -> Any:
    """A Python workbench for `case` whose controls are set as the browser shows them: what it
    renders is what the browser must show."""
    from lawkit.widgets import workbench

    wb = workbench(case, norms=norms)
    assert set(state.facts) == set(wb.controls), (
        f"the browser shows other questions than the workbench of {case!r}: "
        f"{sorted(set(state.facts) ^ set(wb.controls))}")
    for key, answer in state.facts.items():
        wb.set_fact(key, answer)
    for dispute_id, label in state.views.items():
        options = dict(wb.view_controls[dispute_id].options)
        wb.set_view(dispute_id, options[label])
    styles = dict(wb.style_control.options)
    wb.set_style(styles[state.style])
    levels = dict(wb.level_control.options)
    wb.set_level(levels[state.level])
    return wb


@dataclass(frozen=True, slots=True)
class Expected:
    """The texts a workbench must show, from lawkit's own HTML."""

    gutachten: list[str]
    schema: list[str]
    summary: list[str]
    disputes: list[str]

    @classmethod
    def of(cls, wb: Any) -> Expected:
        return cls(html_texts(wb.gutachten.value, GUTACHTEN_BLOCKS),
                   html_texts(wb.tree.value, SCHEMA_NODES),
                   html_texts(wb.summary.value, SUMMARY_BLOCKS),
                   html_texts(wb.disputes.value, DISPUTE_BLOCKS))


def expected_for(case: str, state: ControlState) -> Expected:
    """What lawkit renders for `case` with the controls set as in `state`."""
    return Expected.of(workbench_in_state(case, state))


def case_ids_by_title() -> dict[str, str]:
    """Shipped case ids by the title a workbench shows in its header."""
    from lawkit import default_library
    from lawkit.errors import LawkitError

    library = default_library()
    out: dict[str, str] = {}
    for case_id in sorted(library.case_files):
        try:
            out.setdefault(library.case(case_id).title, case_id)
        except LawkitError:
            continue  # a broken case file is reported by the library's own tests, not here
    return out


_TAG_WORKBENCHES_JS = """() => Array.from(document.querySelectorAll('.lawkit-workbench')).map((el, i) => {
  el.setAttribute('data-lawkit-test', String(i));
  const title = el.querySelector('.lawkit-sachverhalt h2');
  return title ? title.textContent.trim() : null;
})"""


def workbenches(page: Any) -> list[tuple[WorkbenchPage, str]]:
    """Every workbench on the page, rendered, with the id of the case its header names."""
    page.wait_for_selector(".lawkit-workbench #lawkit-gutachten", state="attached", timeout=RENDER_TIMEOUT_MS)
    titles = page.evaluate(_TAG_WORKBENCHES_JS)
    known = case_ids_by_title()
    out = []
    for index, title in enumerate(titles):
        assert title in known, f"workbench {index} shows the title {title!r}, which no shipped case has"
        bench = WorkbenchPage(page, f'.lawkit-workbench[data-lawkit-test="{index}"]')
        bench.wait_rendered()
        out.append((bench, known[title]))
    return out


_WIDGET_PROBLEMS_JS = """() => {
  const text = document.body.innerText;
  const problems = [];
  for (const phrase of ['Loading widget', 'Error displaying widget', 'Model not found', 'widget package not found']) {
    if (text.includes(phrase)) problems.push('page shows "' + phrase + '"');
  }
  for (const img of document.querySelectorAll('.jp-OutputArea-output img')) {
    if (!img.complete || img.naturalWidth === 0) problems.push('image not loaded: ' + img.src.slice(0, 60));
  }
  return problems;
}"""


def widget_problems(page: Any) -> list[str]:
    """Widgets that did not render (placeholder or error text) and images that did not load."""
    return list(page.evaluate(_WIDGET_PROBLEMS_JS))


# -- JupyterLab -------------------------------------------------------------------------------------

_LAB_BUSY_JS = """() => {
  const cells = Array.from(document.querySelectorAll('.jp-Notebook .jp-CodeCell'));
  const prompts = cells.map(c => (c.querySelector('.jp-InputPrompt') || {}).textContent || '');
  return {cells: cells.length, pending: prompts.filter(p => !/\\[\\d+\\]/.test(p)).length};
}"""


def lab_run_all(page: Any, timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
    """Run > Run All Cells, then wait until every code cell shows an execution count.

    The execution indicator says 'idle' before a kernel is even connected; the status bar's
    "<kernel> | Idle" appears only once the kernel answers, so that is what Run All waits for."""
    page.locator(".jp-StatusBar-TextItem", has_text="| Idle").first.wait_for(timeout=timeout_ms)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    page.wait_for_function(f"() => ({_LAB_BUSY_JS})().pending === 0", timeout=timeout_ms)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=timeout_ms)


# -- the self-check at the end of a notebook --------------------------------------------------------


class SelfCheckPage:
    """A lawkit self-check (RadioButtons + "Prüfen" per question) as a browser user uses it."""

    def __init__(self, page: Any, root: str = ".lawkit-selfcheck") -> None:
        self.page = page
        self.root = root

    def choose(self, question_id: str, option: str) -> None:
        radios = self.page.locator(f"{self.root} .lawkit-choice-{question_id}")
        radios.locator("label").filter(has_text=option).locator("input").check()

    def check(self, question_id: str) -> None:
        self.page.locator(f"{self.root} .lawkit-check-{question_id}").click()

    def wait_feedback(self, question_id: str, expected: str, timeout_ms: int = 20_000) -> str:
        """Wait until the feedback under the question reads exactly `expected` (normalized)."""
        locator = self.page.locator(f"{self.root} .lawkit-feedback-{question_id} p").first
        locator.wait_for(timeout=timeout_ms)
        self.page.wait_for_function(
            """([sel, want]) => { const el = document.querySelector(sel);
                 return el && el.textContent.split(/\\s+/).filter(Boolean).join(' ') === want; }""",
            arg=[f"{self.root} .lawkit-feedback-{question_id} p", normalize(expected)], timeout=timeout_ms)
        return normalize(locator.text_content() or "")


# -- the Gutachten editor of an exercise notebook ----------------------------------------------------

_WAIT_TEXT_JS = """([sel, want]) => { const el = document.querySelector(sel);
    return el !== null && el.textContent.split(/\\s+/).filter(Boolean).join(' ') === want; }"""



class GutachtenEditorPage:
    """The Gutachten editor (lawkit.exercises.editor) as a student uses it in the browser."""

    def __init__(self, page: Any, root: str = ".lawkit-gutachten-editor") -> None:
        self.page = page
        self.root = root

    def write(self, student: str, text: str) -> None:
        self.page.locator(f"{self.root} .lawkit-gutachten-student input").fill(student)
        self.page.locator(f"{self.root} .lawkit-gutachten-text textarea").fill(text)

    def words(self, expected: str, timeout_ms: int = 20_000) -> str:
        """Wait until the word count reads `expected`."""
        locator = self.page.locator(f"{self.root} .lawkit-gutachten-words")
        self.page.wait_for_function(_WAIT_TEXT_JS, arg=[f"{self.root} .lawkit-gutachten-words", expected],
                                    timeout=timeout_ms)
        return normalize(locator.text_content() or "")

    def save(self, timeout_ms: int = 20_000) -> str:
        self.page.locator(f"{self.root} button.lawkit-gutachten-save").click()
        status = self.page.locator(f"{self.root} .lawkit-gutachten-status span")
        status.filter(has_text="Gespeichert").first.wait_for(timeout=timeout_ms)
        return normalize(status.first.text_content() or "")

    def self_check(self, timeout_ms: int = RENDER_TIMEOUT_MS) -> Any:
        """Click "Selbstkontrolle – keine Bewertung" and wait for the annotated text."""
        self.page.locator(f"{self.root} button.lawkit-gutachten-check").click()
        shown = self.page.locator(f"{self.root} .lawkit-gutachten-reading .lawkit-selfcheck .lk-reading")
        shown.wait_for(timeout=timeout_ms)
        return self.page.locator(f"{self.root} .lawkit-gutachten-reading .lawkit-selfcheck")


# -- the trainer ----------------------------------------------------------------------------------


class TrainerPage:
    """The trainer app (lawkit.widgets.trainer) as a student uses it: buttons and keys."""

    def __init__(self, page: Any) -> None:
        self.page = page

    def wait_rendered(self, timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
        self.page.wait_for_selector("#lawkit-trainer-card[data-card]", timeout=timeout_ms)
        self.page.wait_for_selector(".lawkit-trainer-keys", state="attached", timeout=timeout_ms)

    def card_id(self) -> str:
        return str(self.page.get_attribute("#lawkit-trainer-card", "data-card"))

    def wait_card(self, card_id: str, timeout_ms: int = 20_000) -> None:
        self.page.wait_for_selector(f'#lawkit-trainer-card[data-card="{card_id}"]', timeout=timeout_ms)

    def click(self, answer: str) -> None:
        """Click ja / nein / offen, or 'next' (Weiter)."""
        self.page.locator(f"button.lawkit-trainer-{answer}").click()

    def key(self, key: str) -> None:
        """Press a key on the page as a student does (j, n, o, Enter), outside any control."""
        self.page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); }")
        self.page.keyboard.press(key)

    def wait_text(self, selector: str, expected: str, timeout_ms: int = 20_000) -> str:
        self.page.wait_for_function(_WAIT_TEXT_JS, arg=[selector, normalize(expected)], timeout=timeout_ms)
        return normalize(self.page.text_content(selector) or "")

    def feedback(self) -> str:
        return normalize(self.page.text_content("#lawkit-trainer-feedback") or "")

    def status(self) -> str:
        return normalize(self.page.text_content("#lawkit-trainer-status") or "")
