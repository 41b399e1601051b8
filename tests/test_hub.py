"""The classroom hub (deploy/): each student's own copy of the workbook, answers kept apart,
and the teacher's collection of answers for `lawkit grade`.

The first tests exercise deploy/classroom.py on folders (collecting answers:
tests/test_collect_answers.py); the last one starts the real hub with deploy/hub.py (JupyterHub + configurable-http-proxy from npm)
on free ports, logs in two students over HTTP and proves one cannot see the other's answer.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
sys.path.insert(0, str(DEPLOY))

from classroom import seed_home, workbook_files  # noqa: E402

EXERCISE = "e01_geheimnis"


# --- the student's copy -------------------------------------------------------------------


@pytest.fixture
def source(tmp_path):
    """A small repository: what students get (notebooks/, exercises/) and what they must not."""
    root = tmp_path / "repo"
    files = {
        "notebooks/01_einfuehrung.ipynb": "N1",
        "notebooks/sub/02_haftung.ipynb": "N2",
        "notebooks/src/01_einfuehrung.py": "QUELLE",
        "notebooks/.ipynb_checkpoints/01_einfuehrung-checkpoint.ipynb": "CK",
        "exercises/e01_geheimnis.ipynb": "E1",
        "exercises/answers/e01_geheimnis.json": '{"student": "lehrer"}',
        "solutions/e01_geheimnis.yaml": "LOESUNG",
        "course/e01_geheimnis.yaml": "MASTER",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_a_new_home_gets_notebooks_and_exercises_but_no_solutions_and_no_answers(source, tmp_path):
    home = tmp_path / "homes" / "erika"
    report = seed_home(source, home)
    expected = ["exercises/e01_geheimnis.ipynb", "notebooks/01_einfuehrung.ipynb", "notebooks/sub/02_haftung.ipynb"]
    assert _files(home) == expected
    assert sorted(report.copied) == expected
    assert report.kept == ()
    assert (home / "notebooks/sub/02_haftung.ipynb").read_text() == "N2"
    assert sorted(workbook_files(source)) == expected


def test_a_students_files_are_never_overwritten_and_missing_ones_come_back(source, tmp_path):
    home = tmp_path / "erika"
    seed_home(source, home)
    (home / "notebooks/01_einfuehrung.ipynb").write_text("MEINE NOTIZEN")
    (home / "exercises/e01_geheimnis.ipynb").unlink()
    report = seed_home(source, home)
    assert report.copied == ("exercises/e01_geheimnis.ipynb",)
    assert sorted(report.kept) == ["notebooks/01_einfuehrung.ipynb", "notebooks/sub/02_haftung.ipynb"]
    assert (home / "notebooks/01_einfuehrung.ipynb").read_text() == "MEINE NOTIZEN"
    assert (home / "exercises/e01_geheimnis.ipynb").read_text() == "E1"


def test_seeding_does_not_follow_a_link_the_student_planted(source, tmp_path):
    home = tmp_path / "erika"
    outside = tmp_path / "outside.txt"
    outside.write_text("UNBERÜHRT")
    home.mkdir()
    (home / "notebooks").mkdir()
    (home / "notebooks/01_einfuehrung.ipynb").symlink_to(outside)  # a link in place of a notebook
    (home / "exercises").symlink_to(tmp_path)  # a link in place of a folder
    report = seed_home(source, home)
    assert outside.read_text() == "UNBERÜHRT"
    assert not (tmp_path / "e01_geheimnis.ipynb").exists()
    assert sorted(report.kept) == ["exercises/e01_geheimnis.ipynb", "notebooks/01_einfuehrung.ipynb"]
    assert report.copied == ("notebooks/sub/02_haftung.ipynb",)


def test_the_real_workbook_is_what_students_get():
    files = workbook_files(REPO)
    assert files, "notebooks/ und exercises/ des Repositorys sind leer"
    assert all(f.split("/")[0] in {"notebooks", "exercises"} for f in files)
    assert not [f for f in files if "/answers/" in f or ".ipynb_checkpoints" in f or f.startswith("notebooks/src/")]
    assert "exercises/e01_geheimnis.ipynb" in files


def _answer(student: str) -> str:
    return json.dumps({"exercise": EXERCISE, "student": student, "norms": []}, ensure_ascii=False)


# --- the start script ----------------------------------------------------------------------


def _run_hub_script(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(DEPLOY / "hub.py"), *args], capture_output=True, text=True,
                          timeout=60, check=False, env=env)


def test_the_start_script_refuses_a_busy_port_before_starting_anything(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = _run_hub_script("--port", str(port), "--state-dir", str(tmp_path / "state"))
    assert done.returncode == 2
    assert done.stderr == f"hub: Port 127.0.0.1:{port} ist belegt (Address already in use); wähle einen anderen mit --port.\n"
    assert not (tmp_path / "state").exists()


def test_the_start_script_refuses_an_admin_name_that_is_a_path(tmp_path):
    done = _run_hub_script("--admin", "../lehrer", "--state-dir", str(tmp_path / "state"))
    assert done.returncode == 2
    assert done.stderr == "hub: ungültiger Admin-Name '../lehrer': erwartet ^[a-z0-9][a-z0-9._-]{0,39}$\n"


def test_without_npm_the_proxy_install_says_what_is_missing(tmp_path, monkeypatch):
    import hub as hub_script

    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH without node and npm
    with pytest.raises(hub_script.HubError) as caught:
        hub_script.ensure_proxy(tmp_path / ".node")
    assert str(caught.value) == ("npm/node fehlt: configurable-http-proxy kann nicht installiert werden "
                                 "(Debian: apt-get install nodejs npm; Node.js >= 18).")
    assert not (tmp_path / ".node" / "node_modules").exists()


# --- the real hub --------------------------------------------------------------------------

PASSWORD = "klasse-2026-test"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pids_with_env(marker: str) -> list[int]:
    """Processes (hub, proxy, students' servers, kernels) started for this test's state folder."""
    needle = marker.encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        with contextlib.suppress(OSError):
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
    return found


def _stop_hub(process: subprocess.Popen, state: Path) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)  # the hub stops the students' servers and the proxy
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=15)
    for pid in _pids_with_env(f"LAWKIT_HUB_STATE={state}"):  # anything left, even after a crash
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=5)


@pytest.fixture
def hub(tmp_path):
    if shutil.which("node") is None or (
        shutil.which("npm") is None and not (DEPLOY / ".node/node_modules/.bin/configurable-http-proxy").exists()
    ):
        pytest.skip("JupyterHub-Test übersprungen: npm fehlt (configurable-http-proxy)")
    state = tmp_path / "state"
    workbook = workbook_files(REPO)  # before the start: others may add notebooks meanwhile
    # A student who already worked in an earlier session: the hub must keep her notebook.
    earlier = state / "homes" / "anna" / workbook[0]
    earlier.parent.mkdir(parents=True)
    earlier.write_text("ANNAS FASSUNG")
    port = _free_port()
    log = (tmp_path / "hub.log").open("w")
    env = {**os.environ, "LAWKIT_HUB_PASSWORD": PASSWORD}
    process = subprocess.Popen(
        [sys.executable, str(DEPLOY / "hub.py"), "--port", str(port), "--state-dir", str(state),
         "--admin", "lehrer"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base + "/hub/login", process, tmp_path / "hub.log", timeout=45)
        yield base, state, earlier, workbook
    finally:
        _stop_hub(process, state)
        log.close()


def _wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"hub.py ended with {process.returncode}:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(requests.ConnectionError):
            if requests.get(url, timeout=2).status_code == 200:
                return
        time.sleep(0.3)
    pytest.fail(f"hub did not answer within {timeout} s:\n{log.read_text()[-3000:]}")


def _login(base: str, user: str, password: str):
    """A browser-like session after posting the hub's login form; None if the login failed."""
    import requests

    session = requests.Session()
    page = session.get(base + "/hub/login", timeout=10)
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
    done = session.post(base + "/hub/login", data={"username": user, "password": password, "_xsrf": xsrf},
                        allow_redirects=False, timeout=10)
    if done.status_code == 403:  # the login form again, with an error
        return None
    assert done.status_code == 302, done.text[:500]
    return session


def _login_and_spawn(base: str, user: str):
    assert _login(base, user, "falsch-falsch") is None
    session = _login(base, user, PASSWORD)
    hub_xsrf = {"X-XSRFToken": session.cookies.get("_xsrf", path="/hub/")}
    started = session.post(f"{base}/hub/api/users/{user}/server", headers=hub_xsrf, timeout=60)
    assert started.status_code in (201, 202), started.text
    deadline = time.monotonic() + 40
    while not session.get(base + "/hub/api/user", timeout=10).json()["servers"].get("", {}).get("ready"):
        assert time.monotonic() < deadline, f"{user}'s server did not become ready"
        time.sleep(0.3)
    lab = session.get(f"{base}/user/{user}/lab", timeout=30)  # OAuth with the hub: a cookie for the server
    assert lab.status_code == 200
    assert lab.url == f"{base}/user/{user}/lab"
    return session


def _save_answer(base: str, session, user: str, text: str) -> None:
    headers = {"X-XSRFToken": session.cookies.get("_xsrf", path=f"/user/{user}/")}
    api = f"{base}/user/{user}/api/contents/exercises/answers"
    assert session.put(api, json={"type": "directory"}, headers=headers, timeout=10).status_code in (200, 201)
    saved = session.put(f"{api}/{EXERCISE}.json", json={"type": "file", "format": "text", "content": text},
                        headers=headers, timeout=10)
    assert saved.status_code in (200, 201), saved.text


@pytest.mark.slow
def test_two_students_on_the_hub_see_only_their_own_answers(hub, tmp_path):
    base, state, earlier, workbook = hub
    anna = _login_and_spawn(base, "anna")
    ben = _login_and_spawn(base, "ben")
    homes = state / "homes"

    # Each home holds the workbook (notebooks/ and exercises/, never solutions/ or course/) …
    for user in ("anna", "ben"):
        present = {p.relative_to(homes / user).as_posix() for p in (homes / user).rglob("*") if p.is_file()}
        assert set(workbook) <= present
        assert not (homes / user / "solutions").exists()
        assert not (homes / user / "course").exists()
    # … and Anna's notebook from an earlier session was kept, not overwritten.
    assert earlier.read_text() == "ANNAS FASSUNG"

    anna_answer = _answer("ANNA-1001")
    _save_answer(base, anna, "anna", anna_answer)

    # Ben's own folder does not have Anna's answer.
    listing = ben.get(f"{base}/user/ben/api/contents/exercises", timeout=10)
    assert listing.status_code == 200
    assert [item["name"] for item in listing.json()["content"] if item["name"] == "answers"] == []
    # Ben's login does not open Anna's server: not the API, not the files, not JupyterLab.
    api = ben.get(f"{base}/user/anna/api/contents/exercises/answers/{EXERCISE}.json", timeout=10,
                  allow_redirects=False)
    assert api.status_code == 403
    for path in (f"/user/anna/files/exercises/answers/{EXERCISE}.json", "/user/anna/lab"):
        page = ben.get(base + path, timeout=10)
        assert page.status_code == 403
        assert page.url.startswith(f"{base}/hub/api/oauth2/authorize?client_id=jupyterhub-user-anna")
        assert "ANNA-1001" not in page.text
    assert ben.get(f"{base}/hub/api/users/anna", timeout=10).status_code == 404

    # Ben saves his own answer under the same name: each sees only their own.
    _save_answer(base, ben, "ben", _answer("BEN-1002"))
    for session, user, marker in ((anna, "anna", "ANNA-1001"), (ben, "ben", "BEN-1002")):
        got = session.get(f"{base}/user/{user}/api/contents/exercises/answers/{EXERCISE}.json", timeout=10)
        assert json.loads(got.json()["content"])["student"] == marker

    # On disk Anna's answer exists once, in Anna's home.
    holders = [p for p in state.rglob("*.json") if "ANNA-1001" in p.read_text(errors="replace")]
    assert holders == [homes / "anna" / "exercises" / "answers" / f"{EXERCISE}.json"]
    assert holders[0].read_text() == anna_answer

    # The teacher (admin password, not the students' one) sees the class in the hub.
    assert _login(base, "lehrer", PASSWORD) is None
    teacher = _login(base, "lehrer", (state / "admin-passwort.txt").read_text().strip())
    users = teacher.get(f"{base}/hub/api/users", timeout=10).json()
    assert sorted((u["name"], u["admin"], u["server"]) for u in users) == [
        ("anna", False, "/user/anna/"), ("ben", False, "/user/ben/"), ("lehrer", True, None)]

    # The teacher collects both answers for `lawkit grade`, tied to the hub users by the roster.
    out = tmp_path / "abgaben"
    roster = tmp_path / "teilnehmer.csv"
    roster.write_text("hub_user,matrikelnummer\nanna,ANNA-1001\nben,BEN-1002\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(DEPLOY / "collect_answers.py"), EXERCISE, "--homes", str(homes), "--out", str(out),
         "--roster", str(roster)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["ANNA-1001.json", "BEN-1002.json"]
    assert json.loads((out / "ANNA-1001.json").read_text())["student"] == "ANNA-1001"
    assert json.loads((out / "BEN-1002.json").read_text())["student"] == "BEN-1002"
