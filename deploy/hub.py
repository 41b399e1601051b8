"""Start the classroom JupyterHub on this machine: `python deploy/hub.py --port 8000`.

1. Installs the pinned configurable-http-proxy (deploy/package.json, deploy/package-lock.json)
   with `npm ci` into deploy/.node/ unless that exact lock file is installed already.
2. Creates the state folder (default deploy/.state/: database, secrets, homes/<user>/) and the
   students' shared password (LAWKIT_HUB_PASSWORD or a generated one kept in the state folder),
   or, with `--lti deploy/lti/moodle.yaml`, checks the LMS settings for the LTI 1.3 login.
   `--system-users` (as root) runs every student's server as a system user of its own with a
   private home under --homes (deploy/system_users.py).
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
from lti_settings import LtiSettingsError, load_lti_settings

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


def secret_in(state: Path, name: str, env: str, nbytes: int, *, hex_secret: bool = False) -> str:
    """The secret from the environment, else the one kept in state/name, else a new one kept there."""
    if os.environ.get(env):
        return os.environ[env]
    path = state / name
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    value = secrets.token_hex(nbytes) if hex_secret else secrets.token_urlsafe(nbytes)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    return value


def homes_folder(args: argparse.Namespace) -> Path:
    """Where the students' homes live: --homes, else STATE/homes (demo) or /home/lawkit (system users)."""
    if args.homes is not None:
        return args.homes.resolve()
    return Path("/home/lawkit") if args.system_users else args.state_dir.resolve() / "homes"


def check_modes(args: argparse.Namespace) -> None:
    """Refuse combinations that cannot work, before anything is started."""
    if args.lti is not None:
        try:
            load_lti_settings(args.lti)
        except LtiSettingsError as exc:
            raise HubError(str(exc)) from exc
        if args.admin:
            raise HubError("--admin gilt nur für das Demo-Login; mit --lti macht die Rolle im LMS "
                           "(Lehrende/r) jemanden zum Admin.")
    if args.system_users:
        if os.geteuid() != 0:
            raise HubError("--system-users legt für jede/n Studierende/n einen Systembenutzer an und "
                           "braucht dafür root (sudo).")
        if shutil.which("useradd") is None and not Path("/usr/sbin/useradd").exists():
            raise HubError("--system-users braucht useradd (Debian: Paket passwd).")
        homes = homes_folder(args)
        state = args.state_dir.resolve()
        if homes == state or homes.is_relative_to(state):
            raise HubError(f"--homes {homes} liegt im Zustandsordner {state}, den nur root betreten darf; "
                           "wähle einen Ordner außerhalb (z. B. /home/lawkit).")


def hub_environment(args: argparse.Namespace, proxy: Path) -> dict[str, str]:
    """The environment jupyterhub_config.py reads (see there)."""
    state: Path = args.state_dir.resolve()
    state.mkdir(parents=True, exist_ok=True)
    state.chmod(0o700)
    env = dict(os.environ)
    env.update({
        "LAWKIT_HUB_STATE": str(state),
        "LAWKIT_HUB_SOURCE": str(args.source.resolve()),
        "LAWKIT_HUB_IP": args.ip,
        "LAWKIT_HUB_PORT": str(args.port),
        "LAWKIT_HUB_API_PORT": str(args.hub_api_port or free_port()),
        "LAWKIT_PROXY_API_PORT": str(args.proxy_api_port or free_port()),
        "LAWKIT_HUB_PROXY": str(proxy),
        "LAWKIT_HUB_HOMES": str(homes_folder(args)),
        "LAWKIT_HUB_USERS": "system" if args.system_users else "shared",
    })
    if args.lti is not None:
        env["LAWKIT_HUB_AUTH"] = "lti"
        env["LAWKIT_HUB_LTI"] = str(args.lti.resolve())
        env["JUPYTERHUB_CRYPT_KEY"] = secret_in(state, "crypt-key.txt", "JUPYTERHUB_CRYPT_KEY", 32,
                                                hex_secret=True)
        return env
    password = secret_in(state, "passwort.txt", "LAWKIT_HUB_PASSWORD", 9)
    if len(password) < 8:
        raise HubError("Das gemeinsame Passwort (LAWKIT_HUB_PASSWORD) braucht mindestens 8 Zeichen.")
    env["LAWKIT_HUB_AUTH"] = "shared-password"
    env["LAWKIT_HUB_PASSWORD"] = password
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
    parser.add_argument("--lti", type=Path, metavar="DATEI",
                        help="Anmeldung über LTI 1.3 aus Moodle/ILIAS mit den Angaben in DATEI "
                        "(deploy/lti/moodle.yaml, deploy/lti/ilias.yaml) statt des Demo-Passworts")
    parser.add_argument("--system-users", action="store_true",
                        help="jede/r Studierende bekommt einen eigenen Systembenutzer mit privatem Home "
                        "(braucht root)")
    parser.add_argument("--homes", type=Path, default=None,
                        help="Ordner der Homes (Standard: STATE/homes, mit --system-users /home/lawkit)")
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
            check_modes(args)
        proxy = ensure_proxy()
        if args.install_only:
            print(proxy)
            return 0
        env = hub_environment(args, proxy)
    except HubError as exc:
        print(f"hub: {exc}", file=sys.stderr)
        return 2
    state = Path(env["LAWKIT_HUB_STATE"])
    base = f"http://{args.ip}:{args.port}"
    print(f"JupyterHub: {base}/", flush=True)
    if args.lti is not None:
        print("LTI 1.3 (im LMS eintragen, siehe deploy/README.md): "
              f"Login-URL {base}/hub/lti13/oauth_login, Weiterleitungs-URL {base}/hub/lti13/oauth_callback, "
              f"Tool-URL {base}/hub/; für Noten zurück (AGS) die Schlüsselsatz-URL {base}/hub/lti13/jwks",
              flush=True)
    elif not os.environ.get("LAWKIT_HUB_PASSWORD"):
        print("DEMO-Anmeldung mit gemeinsamem Passwort (nicht für bewertete Arbeiten): "
              f"{state / 'passwort.txt'}", flush=True)
    users = "je ein eigener Systembenutzer" if args.system_users else "alle als ein Systembenutzer (Demo)"
    print(f"Homes der Studierenden: {env['LAWKIT_HUB_HOMES']} ({users})", flush=True)
    command = [sys.executable, "-m", "jupyterhub", "-f", str(DEPLOY / "jupyterhub_config.py")]
    os.chdir(state)
    os.execve(sys.executable, command, env)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
