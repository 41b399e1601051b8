"""Screenshots of the workbook's widgets: `.venv/bin/python tools/screenshots.py [NAME…]`.

Each notebook in notebooks/*.ipynb (or only the NAMEs given, e.g. 01_einfuehrung) runs as the
Voilà app in headless Chromium (Debian's /usr/bin/chromium via Playwright; never `playwright
install`); its main widget view -- the first workbench, else the first widget -- is saved as
docs/screenshots/<notebook>.png. Viewport 1280 px wide, device scale 1, German locale, no
animations, every request leaving 127.0.0.1 aborted: the same notebook gives the same picture.
A notebook whose widgets do not render (or whose cells fail) gets no picture and an error line;
the others go on. Exit code 0 if every picture was written, 1 otherwise, 2 if no browser.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lawkit import write_atomic  # noqa: E402
from tests.browser import harness, pages  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
# The main view: the workbench, else the first top-level widget of an output.
TARGETS = (".lawkit-workbench", ".jp-OutputArea-output > .jupyter-widgets")


def _notebooks(names: list[str]) -> list[Path]:
    if not names:
        return sorted(harness.NOTEBOOKS.glob("*.ipynb"))
    paths = []
    for name in names:
        path = harness.NOTEBOOKS / f"{Path(name).stem}.ipynb"
        if not path.exists():
            raise SystemExit(f"screenshots: {path.relative_to(ROOT)}: no such notebook")
        paths.append(path)
    return paths


def _fit_to_content(page: Any) -> None:
    """Voilà scrolls inside #rendered_cells: make the viewport tall enough for all of it, so the
    widget is never clipped (the width, and with it the layout, stays 1280 px)."""
    height = page.evaluate("""() => {
      const cells = document.querySelector('#rendered_cells');
      return Math.max(document.documentElement.scrollHeight, cells ? cells.scrollHeight : 0);
    }""")
    height = min(max(int(height) + 40, harness.VIEWPORT["height"]), 12000)
    page.set_viewport_size({"width": harness.VIEWPORT["width"], "height": height})


def _with_margin(page: Any, selector: str, margin: int = 12) -> bytes:
    """The element's box plus a white margin (the element itself ends flush at its text)."""
    locator = page.locator(selector).first
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    if box is None:
        raise RuntimeError(f"{selector} has no box on the page")
    viewport = page.viewport_size
    x, y = max(box["x"] - margin, 0), max(box["y"] - margin, 0)
    clip = {"x": x, "y": y, "width": min(box["width"] + 2 * margin, viewport["width"] - x),
            "height": min(box["height"] + 2 * margin, viewport["height"] - y)}
    return page.screenshot(clip=clip, animations="disabled", caret="hide")


def shoot(browser: Any, notebook: Path) -> Path:
    """The PNG of one notebook's main widget view; raises RuntimeError if it does not render."""
    guard = harness.RouteGuard()
    context = harness.new_context(browser, guard)
    try:
        page = context.new_page()
        with harness.voila_server(notebook) as server:
            page.goto(server.url, timeout=harness.RENDER_TIMEOUT_MS)
            errors = pages.cell_errors(page)
            if errors:
                raise RuntimeError("a cell failed in Voilà: " + errors[0].splitlines()[-1])
            selector = next((s for s in TARGETS if page.locator(s).count()), None)
            if selector is None:
                page.wait_for_selector(TARGETS[-1], timeout=harness.RENDER_TIMEOUT_MS)
                selector = TARGETS[-1]
            if selector == ".lawkit-workbench":
                pages.WorkbenchPage(page, ".lawkit-workbench").wait_rendered()
            page.evaluate("document.fonts.ready")
            problems = pages.widget_problems(page)
            if problems:
                raise RuntimeError("; ".join(problems))
            _fit_to_content(page)
            png = _with_margin(page, selector)
        if guard.unexpected:
            raise RuntimeError(f"requests left 127.0.0.1: {guard.unexpected}")
    finally:
        context.close()
    return write_atomic(OUT / f"{notebook.stem}.png", png, private=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="PNG screenshots of the notebooks' widgets (Voilà)")
    parser.add_argument("names", nargs="*", help="notebook names (default: every notebook)")
    args = parser.parse_args(argv)
    reason = harness.unavailable_reason()
    if reason:
        print(f"screenshots: {reason}", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    failed = 0
    with sync_playwright() as playwright:
        browser = harness.launch_browser(playwright)
        for notebook in _notebooks(args.names):
            try:
                path = shoot(browser, notebook)
            except Exception as error:  # one broken notebook must not stop the others
                failed += 1
                print(f"screenshots: {notebook.relative_to(ROOT)}: {error}", file=sys.stderr)
                continue
            print(f"{path.relative_to(ROOT)}")
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
