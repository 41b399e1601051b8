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

  LAWKIT_HUB_AUTH         "shared-password" (the demo, default) or "lti" (Moodle/ILIAS, LTI 1.3)
  LAWKIT_HUB_LTI          LTI mode: the LMS settings file (deploy/lti/*.yaml, see lti_settings.py)
  JUPYTERHUB_CRYPT_KEY    LTI mode: encrypts the launch data kept per user (auth_state)
  LAWKIT_HUB_USERS        "shared" (the demo, default) or "system" (one OS user per student)
  LAWKIT_HUB_HOMES        the students' homes, one folder per hub user (default STATE/homes); with
                          system users, HOMES-python is the students' interpreter where the hub's
                          own is private (see system_users.student_python)

Two spawners. The demo ("shared") is JupyterHub's SimpleLocalProcessSpawner: every student's
server runs as the same operating-system user in homes/<user>/; the hub keeps students apart
over HTTP only. "system" (deploy/system_users.py, the hub runs as root) starts each student's
server as a system user of its own with a private home (0700), so one student's code cannot
read another's files. Student servers load nbgitpuller (material by link) and lawkit's report
of pull conflicts (deploy/singleuser/jupyter_server_config.json).
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
_CHP = "configurable-http-proxy"

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

# --- Login: LTI 1.3 from Moodle/ILIAS, or one shared password for a demo ------------------------
_auth = os.environ.get("LAWKIT_HUB_AUTH", "shared-password")
c.Authenticator.username_pattern = USERNAME_PATTERN
if _auth == "lti":
    from lti_auth import LawkitLTI13Authenticator
    from lti_settings import load_lti_settings

    _lti = load_lti_settings(Path(os.environ["LAWKIT_HUB_LTI"]))
    c.JupyterHub.authenticator_class = LawkitLTI13Authenticator
    c.LawkitLTI13Authenticator.issuer = _lti.issuer
    c.LawkitLTI13Authenticator.client_id = set(_lti.client_ids)
    c.LawkitLTI13Authenticator.authorize_url = _lti.authorize_url
    c.LawkitLTI13Authenticator.jwks_endpoint = _lti.jwks_url
    c.LawkitLTI13Authenticator.username_claims = list(_lti.username_claims)
    c.LawkitLTI13Authenticator.teacher_roles = list(_lti.teacher_roles)
    c.LawkitLTI13Authenticator.tool_name = "lawkit – Juristische Methode"
    # Course membership is checked by the LMS: whoever it signs a launch for may come in.
    c.Authenticator.allow_all = True
    # Keep each user's launch (LTI user id, grade service endpoints) for the score passback.
    c.Authenticator.enable_auth_state = True
    # The tool's own key for sending grades back (deploy/ags.py, deploy/send_grades.py): created
    # once in the state folder (0600); its public part is served at HUB/hub/lti13/jwks.
    from ags import tool_key

    tool_key(_state)
    c.LawkitLTI13Authenticator.tool_key_dir = str(_state)
else:
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = os.environ.get("LAWKIT_HUB_PASSWORD") or None
    c.Authenticator.allow_all = True
    _admins = {name.strip() for name in os.environ.get("LAWKIT_HUB_ADMINS", "").split(",") if name.strip()}
    if _admins:
        c.Authenticator.admin_users = _admins
        c.SharedPasswordAuthenticator.admin_password = os.environ.get("LAWKIT_HUB_ADMIN_PASSWORD") or None

# --- Spawner: one JupyterLab per student in homes/<user>/ with a copy of the workbook --------
_system_users = os.environ.get("LAWKIT_HUB_USERS", "shared") == "system"
_homes = Path(os.environ.get("LAWKIT_HUB_HOMES") or _state / "homes").resolve()
if _system_users:
    from system_users import SystemUserSpawner, ensure_homes_root, ensure_system_user, run_as, student_python

    ensure_homes_root(_homes)
    c.JupyterHub.spawner_class = SystemUserSpawner
    c.SystemUserSpawner.homes = str(_homes)
    # The students' users must be able to run Python: a pyenv under /root is private to root.
    _python = student_python(Path(sys.executable), Path(f"{_homes}-python"))
    c.Spawner.cmd = [str(_python), "-m", "jupyterhub.singleuser"]
else:
    _homes.mkdir(parents=True, exist_ok=True)
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(_homes / "{username}")
    if os.geteuid() == 0:
        # Jupyter servers refuse to run as root without this flag (containers, CI machines).
        c.Spawner.args = ["--allow-root"]
    c.Spawner.cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.environment = {
    "LAWKIT_HUB_STATE": str(_state),
    # nbgitpuller's pulls report conflicts in German (lawkit.lms.pull_conflicts).
    "JUPYTER_CONFIG_PATH": str(_DEPLOY / "singleuser"),
}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90


def _seed_workbook(spawner: object) -> None:
    """Give the student the workbook files that are missing; never overwrite the student's."""
    if _system_users:
        # As the student's own system user, so the student owns (and may change) the copies.
        entry = ensure_system_user(spawner.user.name, _homes)  # type: ignore[attr-defined]
        done = run_as(entry, [str(_python), str(_DEPLOY / "classroom.py"), str(_source), entry.pw_dir])
        spawner.log.info("lawkit: %s", (done.stdout or done.stderr).strip())  # type: ignore[attr-defined]
        if done.returncode != 0:
            raise RuntimeError(f"lawkit: workbook for {entry.pw_dir} not copied: {done.stderr.strip()}")
        return
    home = Path(spawner.home_dir)  # type: ignore[attr-defined]
    report = seed_home(_source, home)
    spawner.log.info(  # type: ignore[attr-defined]
        "lawkit: %s: %d file(s) copied, %d kept", home, len(report.copied), len(report.kept)
    )


c.Spawner.pre_spawn_hook = _seed_workbook
