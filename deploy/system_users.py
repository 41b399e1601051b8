"""One operating-system user per student on a single server (the hub runs as root).

A student's server and kernels run as the system user `jh-<hub name>` (created on first login,
no password, no login shell) with the private home HOMES/<hub name> (mode 0700, owned by that
user). A student's code can then not read another student's home: the kernel gets "Permission
denied" from the operating system, whatever it tries. The homes folder itself is 0711: it can be
passed through, not listed.

The home keeps the hub user name (the Matrikelnummer in LTI mode), so the teacher's
deploy/collect_answers.py works on HOMES as on the demo hub's homes.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import os
import pwd
import shutil
import stat
import subprocess
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid
from traitlets import Unicode

PREFIX = "jh-"
_MAX_NAME = 32  # Linux user names (useradd)


class SystemUserError(Exception):
    """The system user or the home cannot be set up (German message for the teacher)."""


def system_user_name(hub_name: str, prefix: str = PREFIX) -> str:
    """The system user of a hub user: prefix + name, shortened with a hash past 32 characters.

    The prefix keeps students' accounts apart from the machine's own ones and makes a
    Matrikelnummer (digits only) a valid user name.
    """
    name = prefix + hub_name
    if len(name) <= _MAX_NAME:
        return name
    digest = hashlib.sha256(hub_name.encode()).hexdigest()[:8]
    return f"{name[:_MAX_NAME - 9]}-{digest}"


def ensure_homes_root(homes: Path) -> None:
    """Create the homes folder (root-owned, 0711: passable, not listable)."""
    homes.mkdir(parents=True, exist_ok=True)
    os.chmod(homes, 0o711)


def ensure_system_user(hub_name: str, homes: Path, prefix: str = PREFIX) -> pwd.struct_passwd:
    """The student's system user with its private home, created if missing."""
    user = system_user_name(hub_name, prefix)
    home = homes / hub_name
    entry = _passwd_entry(user)
    if entry is None:
        useradd = shutil.which("useradd") or "/usr/sbin/useradd"
        done = subprocess.run(
            [useradd, "--no-create-home", "--home-dir", str(home), "--shell", "/usr/sbin/nologin",
             "--user-group", "--comment", f"lawkit hub {hub_name}", user],
            capture_output=True, text=True, check=False,
        )
        entry = _passwd_entry(user)
        if entry is None:
            raise SystemUserError(f"Systembenutzer {user} nicht angelegt: {done.stderr.strip()}")
    if Path(entry.pw_dir) != home:
        raise SystemUserError(f"Systembenutzer {user} existiert schon mit dem Home {entry.pw_dir}, "
                              f"erwartet {home}")
    with contextlib.suppress(FileExistsError):
        os.mkdir(home, 0o700)
    info = os.lstat(home)
    if not stat.S_ISDIR(info.st_mode):
        raise SystemUserError(f"{home}: kein Ordner (ein Link oder eine Datei steht an seiner Stelle)")
    if info.st_uid != entry.pw_uid or info.st_gid != entry.pw_gid:
        os.chown(home, entry.pw_uid, entry.pw_gid)
    os.chmod(home, 0o700)
    return entry


def _passwd_entry(user: str) -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam(user)
    except KeyError:
        return None


def run_as(entry: pwd.struct_passwd, command: list[str]) -> subprocess.CompletedProcess:
    """Run a command as the student's system user in the student's home (no inherited groups)."""
    env = {"HOME": entry.pw_dir, "USER": entry.pw_name, "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "LANG": "C.UTF-8"}
    return subprocess.run(command, user=entry.pw_uid, group=entry.pw_gid, extra_groups=[], cwd=entry.pw_dir,
                          env=env, capture_output=True, text=True, check=False)


class SystemUserSpawner(LocalProcessSpawner):
    """LocalProcessSpawner that maps hub user `name` to the system user `jh-name` (created on
    the first start) with the private home HOMES/name."""

    homes = Unicode(config=True, help="Folder with one private home per student (HOMES/<hub name>).")
    system_user_prefix = Unicode(PREFIX, config=True, help="Prefix of the students' system users.")

    @property
    def system_user(self) -> str:
        return system_user_name(self.user.name, self.system_user_prefix)

    async def run_pre_spawn_hook(self) -> None:
        ensure_homes_root(Path(self.homes))
        ensure_system_user(self.user.name, Path(self.homes), self.system_user_prefix)
        result = super().run_pre_spawn_hook()
        if inspect.isawaitable(result):
            await result

    def make_preexec_fn(self, name: str):  # noqa: ANN201  (jupyterhub's signature)
        return set_user_setuid(system_user_name(name, self.system_user_prefix))

    def user_env(self, env: dict[str, str]) -> dict[str, str]:
        entry = pwd.getpwnam(self.system_user)
        env["USER"] = entry.pw_name
        env["HOME"] = entry.pw_dir
        env["SHELL"] = entry.pw_shell
        return env


def usable_by_others(path: Path) -> bool:
    """True if every folder up to path (links resolved) can be passed and path run by anyone."""
    real = Path(os.path.realpath(path))
    if not os.stat(real).st_mode & stat.S_IXOTH:
        return False
    return all(os.stat(folder).st_mode & stat.S_IXOTH for folder in real.parents)


def student_python(hub_python: Path, bridge: Path) -> Path:
    """An interpreter the students' system users can run, with the hub's packages.

    The hub's own interpreter is used when everyone may run it. Where it lives in a private
    folder (a pyenv under /root), a small venv in `bridge` is made from the system's Python of
    the same version, whose site-packages point at the hub environment's, and whose etc/ and
    share/ are the hub environment's (JupyterLab's assets and server extensions).
    """
    if usable_by_others(hub_python):
        return hub_python
    import sys
    import sysconfig

    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    system = Path(f"/usr/bin/python{version}")
    if not system.exists() or not usable_by_others(system):
        raise SystemUserError(
            f"{hub_python} ist für die Systembenutzer der Studierenden nicht ausführbar, und es gibt kein "
            f"{system}. Installieren Sie lawkit in einen für alle lesbaren Ordner "
            "(python3 -m venv /opt/lawkit).")
    site_packages = sysconfig.get_paths()["purelib"]
    bridge.mkdir(parents=True, exist_ok=True)
    os.chmod(bridge, 0o755)
    (bridge / "bin").mkdir(exist_ok=True)
    lib = bridge / "lib" / f"python{version}" / "site-packages"
    lib.mkdir(parents=True, exist_ok=True)
    for folder in (bridge / "lib", bridge / "lib" / f"python{version}", lib, bridge / "bin"):
        os.chmod(folder, 0o755)
    (bridge / "pyvenv.cfg").write_text(f"home = {system.parent}\ninclude-system-site-packages = false\n"
                                       f"version = {version}\n", encoding="utf-8")
    (lib / "lawkit_hub_env.pth").write_text(f"import site; site.addsitedir({site_packages!r})\n",
                                            encoding="utf-8")
    for name, target in (("bin/python", system), ("etc", Path(sys.prefix) / "etc"),
                         ("share", Path(sys.prefix) / "share")):
        link = bridge / name
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(target)
    for path in (bridge / "pyvenv.cfg", lib / "lawkit_hub_env.pth"):
        os.chmod(path, 0o644)
    return bridge / "bin" / "python"
