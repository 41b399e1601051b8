"""JupyterHub configuration for a class on one machine (started by deploy/hub.py).

Every setting that differs between hubs comes from the environment, which deploy/hub.py fills
from its command line:

  LAWKIT_HUB_STATE        state folder: database, cookie secret, proxy pid, homes/<user>/
  LAWKIT_HUB_SOURCE       repository whose notebooks/ and exercises/ each student gets
  LAWKIT_HUB_IP/_PORT     where the hub listens (default 127.0.0.1:8000)
  LAWKIT_HUB_API_PORT     the hub's internal API port (default 8081)
  LAWKIT_PROXY_API_PORT   the proxy's internal API port (default 8001)
  LAWKIT_HUB_PASSWORD     the shared password of the students (at least 8 characters)
  LAWKIT_HUB_ADMINS       comma-separated admin (teacher) names, optional
  LAWKIT_HUB_ADMIN_PASSWORD  their password (at least 32 characters), required with admins
  LAWKIT_HUB_PROXY        the configurable-http-proxy executable (deploy/.node/...)

The spawner is JupyterHub's SimpleLocalProcessSpawner: every student's server runs as the same
operating-system user in the folder homes/<user>/. The hub keeps students apart over HTTP (a
student's login only opens the student's own server), not on the file system; see README.md.
"""

import os
import sys
from pathlib import Path

_DEPLOY = Path(__file__).resolve().parent
sys.path.insert(0, str(_DEPLOY))

from classroom import USERNAME_PATTERN, seed_home  # noqa: E402

c = get_config()  # type: ignore[name-defined]  # noqa: F821

_state = Path(os.environ.get("LAWKIT_HUB_STATE", _DEPLOY / ".state")).resolve()
_source = Path(os.environ.get("LAWKIT_HUB_SOURCE", _DEPLOY.parent)).resolve()
_homes = _state / "homes"
_CHP = "configurable-http-proxy"
_homes.mkdir(parents=True, exist_ok=True)

# --- Network: the public port on 127.0.0.1 and two internal ports ---------------------------
c.JupyterHub.ip = os.environ.get("LAWKIT_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("LAWKIT_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("LAWKIT_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('LAWKIT_PROXY_API_PORT', '8001')}"
_proxy = os.environ.get("LAWKIT_HUB_PROXY") or str(_DEPLOY / ".node" / "node_modules" / ".bin" / _CHP)
c.ConfigurableHTTPProxy.command = [_proxy]
c.ConfigurableHTTPProxy.pid_file = str(_state / "proxy.pid")

# --- State: everything the hub writes lives in the state folder ------------------------------
c.JupyterHub.db_url = f"sqlite:///{_state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(_state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(_state / "jupyterhub.pid")

# --- Login: one shared password for a trial or a single session (see README.md) --------------
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ.get("LAWKIT_HUB_PASSWORD") or None
c.Authenticator.allow_all = True
c.Authenticator.username_pattern = USERNAME_PATTERN
_admins = {name.strip() for name in os.environ.get("LAWKIT_HUB_ADMINS", "").split(",") if name.strip()}
if _admins:
    c.Authenticator.admin_users = _admins
    c.SharedPasswordAuthenticator.admin_password = os.environ.get("LAWKIT_HUB_ADMIN_PASSWORD") or None

# --- Spawner: one JupyterLab per student in homes/<user>/ with a copy of the workbook --------
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(_homes / "{username}")
c.Spawner.cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.environment = {"LAWKIT_HUB_STATE": str(_state)}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
if os.geteuid() == 0:
    # Jupyter servers refuse to run as root without this flag (containers, CI machines).
    c.Spawner.args = ["--allow-root"]


def _seed_workbook(spawner: object) -> None:
    """Give the student the workbook files that are missing; never overwrite the student's."""
    home = Path(spawner.home_dir)  # type: ignore[attr-defined]
    report = seed_home(_source, home)
    spawner.log.info(  # type: ignore[attr-defined]
        "lawkit: %s: %d file(s) copied, %d kept", home, len(report.copied), len(report.kept)
    )


c.Spawner.pre_spawn_hook = _seed_workbook
