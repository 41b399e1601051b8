"""Real-browser harness: Debian's Chromium driven by Playwright, Voilà and JupyterLab servers on
127.0.0.1 (started and stopped by process id), and a route guard. Page objects: pages.py.

Used by the browser tests (tests/browser), the latency benchmark (benchmarks/bench_browser.py)
and the screenshot tool (tools/screenshots.py). Nothing here downloads a browser: Playwright is
pointed at /usr/bin/chromium (never `playwright install`).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
CHROMIUM = Path(os.environ.get("LAWKIT_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
               "--disable-dev-shm-usage")
VIEWPORT = {"width": 1280, "height": 900}
# The Voilà and JupyterLab templates ask a CDN for Font Awesome's icon CSS. It only draws icons;
# the guard aborts it like every other request that does not go to 127.0.0.1, but does not fail.
KNOWN_LEAKS = ("https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@",)
SERVER_START_TIMEOUT = 90.0
RENDER_TIMEOUT_MS = 90_000
ACTION_TIMEOUT_MS = 15_000  # a click on a visible control; longer means the control is unusable


# -- availability ---------------------------------------------------------------------------------


def unavailable_reason() -> str | None:
    """Why no browser can be driven here (German, for the pytest summary), or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} fehlt (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return ("das Python-Paket playwright fehlt "
                "(pip install -e '.[test]'; nie `playwright install`)")
    return None


def launch_browser(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(LAUNCH_ARGS))


# -- processes -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _descendants(pid: int) -> list[int]:
    """The processes started (directly or not) by `pid`, from /proc (kernels, their helpers)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    out: list[int] = []
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def stop_process(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server (it shuts its kernels down), then SIGKILL to whatever it started
    that is still alive. Only ids of processes this harness started are signalled."""
    if proc.poll() is not None:
        return
    family = _descendants(proc.pid)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    for pid in family:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


@dataclass
class Server:
    """A Jupyter-family server on 127.0.0.1 that this harness started."""

    name: str
    url: str  # base URL (with the token query for JupyterLab)
    port: int
    proc: subprocess.Popen[bytes]
    log: Path
    workdir: Path
    extra: dict[str, Path] = field(default_factory=dict)
    token: str = ""

    def open_url(self, path: str = "") -> str:
        """The URL of `path` (for JupyterLab: /lab/tree/<path>, with the token)."""
        if not self.token:
            return self.url + path
        return f"{self.url}/tree/{path}?token={self.token}" if path else f"{self.url}?token={self.token}"

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


def _wait_until_up(proc: subprocess.Popen[bytes], port: int, log: Path, what: str) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} ended with exit code {proc.returncode} before answering:\n"
                               + log.read_text(encoding="utf-8", errors="replace")[-3000:])
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=2).close()
            return
        except urllib.error.HTTPError:
            return  # it answers (Voilà refuses /api/status, which is fine)
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not answer on port {port} within {SERVER_START_TIMEOUT:.0f} s")
        time.sleep(0.2)


def _jupyter_env(workdir: Path) -> dict[str, str]:
    """Keep the server's runtime files and config out of the user's home."""
    env = dict(os.environ)
    for name in ("runtime", "config"):
        (workdir / name).mkdir(exist_ok=True)
    env["JUPYTER_RUNTIME_DIR"] = str(workdir / "runtime")
    env["JUPYTER_CONFIG_DIR"] = str(workdir / "config")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _bin(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


@contextlib.contextmanager
def voila_server(notebook: Path) -> Iterator[Server]:
    """`voila NOTEBOOK --no-browser --port=PORT --Voila.ip=127.0.0.1`, as `make app` starts it."""
    notebook = notebook.resolve()
    workdir = Path(tempfile.mkdtemp(prefix="lawkit-voila-"))
    port = free_port()
    log = workdir / "voila.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [_bin("voila"), str(notebook), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
             "--show_tracebacks=True"],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env=_jupyter_env(workdir), cwd=notebook.parent, start_new_session=True)
    server = Server("voila", f"http://127.0.0.1:{port}/", port, proc, log, workdir)
    try:
        _wait_until_up(proc, port, log, f"Voilà ({notebook.name})")
        yield server
    finally:
        stop_process(proc)
        shutil.rmtree(workdir, ignore_errors=True)


LAB_SETTINGS = {
    # No "Select Kernel" dialog on a cold start, no news toast over the notebook.
    # Every cell stays in the DOM (no windowing), so a test can reach any output.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"autoStartDefaultKernel": True,
                                                                   "windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False},
}


@contextlib.contextmanager
def lab_server(notebooks: list[Path]) -> Iterator[Server]:
    """JupyterLab with a token, a temporary settings dir and a temporary copy of the notebooks
    (Lab saves outputs back into the file it opened)."""
    workdir = Path(tempfile.mkdtemp(prefix="lawkit-lab-"))
    root = workdir / "root"
    root.mkdir()
    for notebook in notebooks:
        shutil.copy(notebook, root / notebook.name)
    settings = workdir / "settings"
    for name, values in LAB_SETTINGS.items():
        target = settings / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    env = _jupyter_env(workdir)
    env["JUPYTERLAB_SETTINGS_DIR"] = str(settings)
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(workdir / "workspaces")
    token = os.urandom(16).hex()
    port = free_port()
    log = workdir / "lab.log"
    args = [_bin("jupyter-lab"), "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
            "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}", f"--LabApp.workspaces_dir={workdir / 'workspaces'}"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    with log.open("wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, cwd=root, start_new_session=True)
    server = Server("lab", f"http://127.0.0.1:{port}/lab", port, proc, log, workdir, {"root": root},
                    token)
    try:
        _wait_until_up(proc, port, log, "JupyterLab")
        yield server
    finally:
        stop_process(proc)
        shutil.rmtree(workdir, ignore_errors=True)


# -- the route guard ------------------------------------------------------------------------------


@dataclass
class RouteGuard:
    """Aborts every request that does not go to 127.0.0.1 and records it."""

    leaks: list[str] = field(default_factory=list)

    def __call__(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "ws://127.0.0.1:")):
            route.continue_()
        else:
            self.leaks.append(url)
            route.abort()

    @property
    def unexpected(self) -> list[str]:
        return [url for url in self.leaks if not url.startswith(KNOWN_LEAKS)]


def new_context(browser: Any, guard: RouteGuard) -> Any:
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1, locale="de-DE",
                                  timezone_id="Europe/Berlin", reduced_motion="reduce")
    context.route("**/*", guard)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    return context
