"""Fixtures of the browser tests: Debian's Chromium via Playwright, a route guard that keeps every
page on 127.0.0.1, one Voilà server per notebook module, one JupyterLab server, and a screenshot
of every test under tests/browser/artifacts/.

A test module names its notebook in `NOTEBOOK = "02_strafrecht_verschwiegenheit"` (or a Path);
without Chromium or Playwright every test here is skipped with a visible reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import harness, pages

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
# Front-end warnings worth a maintainer's eye (shared-module version mismatches), shown once in
# the summary; they do not fail a test as long as every widget renders and works.
_FRONTEND_WARNINGS: set[str] = set()
_VERSION_WARNING = re.compile(r"(Unsatisfied version|No satisfying version)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives a real browser (Chromium) against Voilà/JupyterLab")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say why browser tests were skipped, even without -rs."""
    reasons: dict[str, int] = {}
    for report in terminalreporter.stats.get("skipped", []):
        if "tests/browser/" not in report.nodeid.replace("\\", "/") and "browser" not in report.keywords:
            continue
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        reason = reason.removeprefix("Skipped: ")
        reasons[reason] = reasons.get(reason, 0) + 1
    if reasons or _FRONTEND_WARNINGS:
        terminalreporter.section("Browser-Tests", sep="-")
        for reason, count in reasons.items():
            terminalreporter.write_line(f"{count} Test(s) – {reason}")
        if _FRONTEND_WARNINGS:
            terminalreporter.write_line(f"Hinweis: {len(_FRONTEND_WARNINGS)} Versionswarnung(en) des Front-Ends, z. B.:")
            for message in sorted(_FRONTEND_WARNINGS)[:3]:
                terminalreporter.write_line(f"  {message}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = harness.unavailable_reason()
    if reason:
        pytest.skip(f"Browser-Tests übersprungen: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = harness.launch_browser(playwright)
        yield chromium
        chromium.close()


def _notebook_of(module: Any) -> Path:
    name = module.NOTEBOOK
    path = Path(name) if isinstance(name, Path) else harness.NOTEBOOKS / f"{name}.ipynb"
    if not path.exists():
        pytest.skip(f"Browser-Tests übersprungen: {path.relative_to(harness.ROOT) if path.is_relative_to(harness.ROOT) else path} fehlt")
    return path


@pytest.fixture(scope="module")
def voila(request: pytest.FixtureRequest, browser: Any) -> Iterator[harness.Server]:
    """One Voilà server for the module's notebook, shared by its tests (each test loads the page
    anew, which starts a fresh kernel)."""
    with harness.voila_server(_notebook_of(request.module)) as server:
        yield server


@pytest.fixture
def guard() -> harness.RouteGuard:
    return harness.RouteGuard()


def _artifact_name(nodeid: str) -> str:
    name = nodeid.split("tests/browser/")[-1].replace(".py::", "__")
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name)[:150]


@pytest.fixture
def page(request: pytest.FixtureRequest, browser: Any, guard: harness.RouteGuard) -> Iterator[Any]:
    """A fresh page behind the route guard. After the test: a full-page screenshot as artifact;
    JavaScript errors and requests leaving 127.0.0.1 (other than the known icon CSS) fail it."""
    context = harness.new_context(browser, guard)
    new_page = context.new_page()
    js_errors: list[str] = []
    new_page.on("pageerror", lambda error: js_errors.append(str(error)))
    new_page.on("console", lambda message: _console(message, js_errors))
    yield new_page
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        new_page.screenshot(path=str(ARTIFACTS / f"{_artifact_name(request.node.nodeid)}.png"),
                            full_page=True, animations="disabled")
    finally:
        context.close()
    assert not guard.unexpected, f"requests that left 127.0.0.1 (aborted): {guard.unexpected}"
    assert not js_errors, f"JavaScript errors on the page: {js_errors}"


def _console(message: Any, js_errors: list[str]) -> None:
    text = message.text
    if message.type == "error" and "net::ERR_FAILED" not in text:  # ERR_FAILED: the guard's aborts
        js_errors.append(f"console.error: {text[:500]}")
    elif message.type == "warning" and _VERSION_WARNING.search(text):
        _FRONTEND_WARNINGS.add(" ".join(text.split())[:200])


@pytest.fixture
def app_page(page: Any, voila: harness.Server) -> Any:
    """The module's notebook opened in Voilà, every cell run, the widgets rendered."""
    page.goto(voila.url, timeout=harness.RENDER_TIMEOUT_MS)
    errors = pages.cell_errors(page)
    assert not errors, "a notebook cell failed in Voilà:\n" + "\n\n".join(errors)
    return page


@pytest.fixture
def bench(request: pytest.FixtureRequest, app_page: Any) -> pages.WorkbenchPage:
    """The notebook's one workbench; it must show the test module's CASE."""
    benches = pages.workbenches(app_page)
    assert [case for _, case in benches] == [request.module.CASE]
    return benches[0][0]


@pytest.fixture(scope="module")
def lab(request: pytest.FixtureRequest, browser: Any) -> Iterator[harness.Server]:
    """JupyterLab on a temporary copy of the module's notebook (Lab saves outputs into it)."""
    with harness.lab_server([_notebook_of(request.module)]) as server:
        yield server
