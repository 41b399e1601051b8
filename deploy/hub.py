"""Start the classroom JupyterHub on this machine: `python deploy/hub.py --port 8000`.

1. Installs the pinned configurable-http-proxy (deploy/package.json, deploy/package-lock.json)
   with `npm ci` into deploy/.node/ unless that exact lock file is installed already.
2. Creates the state folder (default deploy/.state/: database, secrets, homes/<user>/) and the
   students' shared password (LAWKIT_HUB_PASSWORD or a generated one kept in the state folder).
3. Picks free internal ports, checks the public port is free, and replaces itself with
   `python -m jupyterhub -f deploy/jupyterhub_config.py` (same process id: Ctrl-C stops it all).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from classroom import USERNAME_PATTERN, is_valid_username

DEPLOY = Path(__file__).resolve().parent
REPO = DEPLOY.parent
NODE_DIR = DEPLOY / ".node"
PROXY_BIN = Path("node_modules/.bin/configurable-http-proxy")
_STAMP = ".lock-sha256"
_NPM_TIMEOUT = 600


class HubError(Exception):
    """A problem the teacher can fix (German message, no traceback)."""


def ensure_proxy(node_dir: Path = NODE_DIR, package_dir: Path = DEPLOY) -> Path:
    """Install the pinned proxy into node_dir with `npm ci` if needed; return its executable."""
    lock = package_dir / "package-lock.json"
    digest = hashlib.sha256(lock.read_bytes() + (package_dir / "package.json").read_bytes()).hexdigest()
    executable = node_dir / PROXY_BIN
    node_dir.mkdir(parents=True, exist_ok=True)
    with _locked(node_dir / ".install.lock"):
        stamp = node_dir / _STAMP
        if executable.exists() and stamp.exists() and stamp.read_text().strip() == digest:
            return executable
        npm = shutil.which("npm")
        if npm is None or shutil.which("node") is None:
            raise HubError(
                "npm/node fehlt: configurable-http-proxy kann nicht installiert werden "
                "(Debian: apt-get install nodejs npm; Node.js >= 18)."
            )
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(package_dir / name, node_dir / name)
        started = time.monotonic()
        print(f"Installiere configurable-http-proxy nach {node_dir} (npm ci) …", flush=True)
        try:
            done = subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                cwd=node_dir, capture_output=True, text=True, timeout=_NPM_TIMEOUT, check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise HubError(f"npm ci brach nach {_NPM_TIMEOUT} s ab (Registry erreichbar?)") from exc
        if done.returncode != 0 or not executable.exists():
            tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-8:])
            raise HubError(f"npm ci ist fehlgeschlagen (Exit {done.returncode}):\n{tail}")
        stamp.write_text(digest + "\n")
        print(f"configurable-http-proxy installiert in {time.monotonic() - started:.1f} s", flush=True)
    return executable


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Two hubs starting at once install the proxy once, one after the other."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def free_port(ip: str = "127.0.0.1") -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((ip, 0))
        return int(sock.getsockname()[1])


def check_port_free(ip: str, port: int) -> None:
    """The proxy dies on EADDRINUSE while the hub keeps running: refuse a busy port up front."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((ip, port))
        except OSError as exc:
            raise HubError(f"Port {ip}:{port} ist belegt ({exc.strerror}); wähle einen anderen mit --port.") \
                from exc


def secret_in(state: Path, name: str, env: str, nbytes: int) -> str:
    """The secret from the environment, else the one kept in state/name, else a new one kept there."""
    if os.environ.get(env):
        return os.environ[env]
    path = state / name
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    value = secrets.token_urlsafe(nbytes)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    return value


def hub_environment(args: argparse.Namespace, proxy: Path) -> dict[str, str]:
    """The environment jupyterhub_config.py reads (see there)."""
    state: Path = args.state_dir.resolve()
    state.mkdir(parents=True, exist_ok=True)
    state.chmod(0o700)
    password = secret_in(state, "passwort.txt", "LAWKIT_HUB_PASSWORD", 9)
    if len(password) < 8:
        raise HubError("Das gemeinsame Passwort (LAWKIT_HUB_PASSWORD) braucht mindestens 8 Zeichen.")
    env = dict(os.environ)
    env.update({
        "LAWKIT_HUB_STATE": str(state),
        "LAWKIT_HUB_SOURCE": str(args.source.resolve()),
        "LAWKIT_HUB_IP": args.ip,
        "LAWKIT_HUB_PORT": str(args.port),
        "LAWKIT_HUB_API_PORT": str(args.hub_api_port or free_port()),
        "LAWKIT_PROXY_API_PORT": str(args.proxy_api_port or free_port()),
        "LAWKIT_HUB_PASSWORD": password,
        "LAWKIT_HUB_PROXY": str(proxy),
    })
    if args.admin:
        admin_password = secret_in(state, "admin-passwort.txt", "LAWKIT_HUB_ADMIN_PASSWORD", 32)
        if len(admin_password) < 32:
            raise HubError("Das Admin-Passwort (LAWKIT_HUB_ADMIN_PASSWORD) braucht mindestens 32 Zeichen.")
        env["LAWKIT_HUB_ADMINS"] = ",".join(args.admin)
        env["LAWKIT_HUB_ADMIN_PASSWORD"] = admin_password
    return env


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="deploy/hub.py",
        description="Startet den JupyterHub für die Lerngruppe: jede/r Studierende bekommt eine "
        "eigene Kopie von notebooks/ und exercises/.",
    )
    parser.add_argument("--port", type=int, default=8000, help="öffentlicher Port (Standard 8000)")
    parser.add_argument("--ip", default="127.0.0.1", help="Adresse (Standard 127.0.0.1)")
    parser.add_argument("--state-dir", type=Path, default=DEPLOY / ".state",
                        help="Zustandsordner mit Datenbank und homes/ (Standard deploy/.state)")
    parser.add_argument("--source", type=Path, default=REPO,
                        help="Repository, dessen notebooks/ und exercises/ kopiert werden")
    parser.add_argument("--admin", action="append", default=[], metavar="NAME",
                        help="Name einer Lehrkraft mit Admin-Rechten (mehrfach möglich)")
    parser.add_argument("--hub-api-port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--proxy-api-port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--install-only", action="store_true",
                        help="nur configurable-http-proxy installieren, Hub nicht starten")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        bad = [name for name in args.admin if not is_valid_username(name)]
        if bad:
            raise HubError(f"ungültiger Admin-Name {bad[0]!r}: erwartet {USERNAME_PATTERN}")
        if not args.install_only:
            if not (args.source / "notebooks").is_dir():
                raise HubError(f"{args.source}: kein Ordner notebooks/ (ist --source das Repository?)")
            check_port_free(args.ip, args.port)
        proxy = ensure_proxy()
        if args.install_only:
            print(proxy)
            return 0
        env = hub_environment(args, proxy)
    except HubError as exc:
        print(f"hub: {exc}", file=sys.stderr)
        return 2
    state = Path(env["LAWKIT_HUB_STATE"])
    print(f"JupyterHub: http://{args.ip}:{args.port}/", flush=True)
    if not os.environ.get("LAWKIT_HUB_PASSWORD"):
        print(f"Gemeinsames Passwort der Studierenden: in {state / 'passwort.txt'}", flush=True)
    print(f"Homes der Studierenden: {state / 'homes'}", flush=True)
    command = [sys.executable, "-m", "jupyterhub", "-f", str(DEPLOY / "jupyterhub_config.py")]
    os.chdir(state)
    os.execve(sys.executable, command, env)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
