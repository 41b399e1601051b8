"""A faculty's hub on 127.0.0.1: LTI 1.3 login from a stand-in LMS, one OS user per student,
and material by link (nbgitpuller), all against one real JupyterHub started by deploy/hub.py.

- Two students and a teacher launch from the stand-in platform (tests/lti_platform.py: its own
  RSA key and JWKS, OIDC login initiation, signed id_token) through the real
  jupyterhub-ltiauthenticator; their hub names are the Matrikelnummern; the teacher is admin.
- A forged, an expired token and a launch without Matrikelnummer are refused in German.
- Student A's kernel (system user jh-<A>) tries to read student B's saved answer: Permission denied.
- The lecturer's link pulls the workbook from a git repository (git daemon on 127.0.0.1) into a
  fresh home; after the student's answer and a lecturer's push, the second pull keeps the answer
  and reports the collision in the notebook both changed.

Needs root (system users), node/npm (the proxy) and git; each missing piece skips visibly.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import random
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.lti_platform import INSTRUCTOR, LEARNER, LmsUser, Platform
from tests.test_hub import _save_answer

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
sys.path.insert(0, str(DEPLOY))

from material_link import lti_tool_url, pull_link  # noqa: E402
from system_users import system_user_name  # noqa: E402

EXERCISE = "e01_geheimnis"
CLIENT_ID = "lawkit-hub-test"
pytestmark = pytest.mark.slow


def _why_not() -> str | None:
    if os.geteuid() != 0:
        return "LTI-/Systembenutzer-Hub-Test übersprungen: braucht root (Systembenutzer je Studierendem)"
    if shutil.which("useradd") is None and not Path("/usr/sbin/useradd").exists():
        return "LTI-/Systembenutzer-Hub-Test übersprungen: useradd fehlt (Debian: passwd)"
    if shutil.which("node") is None or (
        shutil.which("npm") is None and not (DEPLOY / ".node/node_modules/.bin/configurable-http-proxy").exists()
    ):
        return "LTI-/Systembenutzer-Hub-Test übersprungen: npm fehlt (configurable-http-proxy)"
    if shutil.which("git") is None:
        return "LTI-/Systembenutzer-Hub-Test übersprungen: git fehlt (nbgitpuller)"
    for part in (Path(sys.executable), *Path(sys.executable).parents):
        if part != Path("/") and not os.stat(part).st_mode & stat.S_IXOTH:
            return f"LTI-/Systembenutzer-Hub-Test übersprungen: {part} ist für andere Benutzer nicht betretbar"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.1)
    pytest.fail(f"nothing listens on 127.0.0.1:{port}")


class ClassHub:
    """The running hub, the stand-in LMS, and the browser sessions of its users."""

    def __init__(self, base: str, lms: Platform, homes: Path, state: Path, log: Path) -> None:
        self.base, self.lms, self.homes, self.state, self.log = base, lms, homes, state, log
        self.sessions: dict[str, object] = {}
        self.tokens: dict[str, str] = {}

    def launch(self, login_hint: str, target: str | None = None):
        """One click on the LTI activity: returns the browser session and the tool's last answer."""
        import requests

        browser = requests.Session()
        init = self.lms.login_initiation(login_hint, target or f"{self.base}/hub/")
        to_lms = browser.post(f"{self.base}/hub/lti13/oauth_login", data=init, allow_redirects=False, timeout=20)
        assert to_lms.status_code == 302, to_lms.text[:500]
        assert to_lms.headers["Location"].startswith(f"{self.lms.url}/auth?")
        form = browser.get(to_lms.headers["Location"], timeout=20)
        assert form.status_code == 200, form.text
        action = re.search(r'action="([^"]+)"', form.text).group(1)
        fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form.text))
        answer = browser.post(action.replace("&amp;", "&"), data=fields, allow_redirects=False, timeout=30)
        return browser, answer

    def login(self, login_hint: str):
        if login_hint not in self.sessions:
            browser, answer = self.launch(login_hint)
            assert answer.status_code == 302, self._tail(answer.text)
            self.sessions[login_hint] = browser
        return self.sessions[login_hint]

    def spawn(self, login_hint: str, name: str):
        """Start the user's server (as the browser's spawn page does) and open JupyterLab once."""
        browser = self.login(login_hint)
        model = browser.get(f"{self.base}/hub/api/user", timeout=10).json()
        if not model["servers"].get("", {}).get("ready"):
            xsrf = {"X-XSRFToken": browser.cookies.get("_xsrf", path="/hub/")}
            started = browser.post(f"{self.base}/hub/api/users/{name}/server", headers=xsrf, timeout=60)
            assert started.status_code in (201, 202), self._tail(started.text)
            deadline = time.monotonic() + 60
            while not browser.get(f"{self.base}/hub/api/user", timeout=10).json()["servers"].get("", {}).get("ready"):
                assert time.monotonic() < deadline, f"{name}'s server did not become ready:\n{self.log.read_text()[-3000:]}"
                time.sleep(0.3)
            lab = browser.get(f"{self.base}/user/{name}/lab", timeout=30)
            assert lab.status_code == 200 and lab.url == f"{self.base}/user/{name}/lab"
        if name not in self.tokens:
            xsrf = {"X-XSRFToken": browser.cookies.get("_xsrf", path="/hub/")}
            made = browser.post(f"{self.base}/hub/api/users/{name}/tokens", json={"note": "test"}, headers=xsrf,
                                timeout=10)
            assert made.status_code == 201, made.text
            self.tokens[name] = made.json()["token"]
        return browser

    def api(self, name: str) -> dict[str, str]:
        return {"Authorization": f"token {self.tokens[name]}"}

    def _tail(self, text: str) -> str:
        return f"{text[:800]}\n--- hub log ---\n{self.log.read_text()[-3000:]}"


@pytest.fixture(scope="module")
def class_hub(tmp_path_factory):
    reason = _why_not()
    if reason:
        pytest.skip(reason)
    tmp = tmp_path_factory.mktemp("lti_hub")
    # The homes must be reachable for the students' system users: not under pytest's 0700 tmp.
    outside = Path(tempfile.mkdtemp(prefix="lawkit-homes-", dir="/tmp"))
    os.chmod(outside, 0o755)
    homes, state = outside / "homes", tmp / "state"
    with Platform(CLIENT_ID) as lms:
        settings = tmp / "lms.yaml"
        settings.write_text(
            "platform: andere\n"
            f"issuer: {lms.url}\n"
            f"client_id: {CLIENT_ID}\n"
            f"authorize_url: {lms.url}/auth\n"
            f"jwks_url: {lms.url}/jwks\n"
            f"token_url: {lms.url}/token\n"
            "username_claims: [custom_matrikelnummer, lis_person_sourcedid, ext_user_username]\n",
            encoding="utf-8")
        port = _free_port()
        log = tmp / "hub.log"
        with log.open("w") as out:
            process = subprocess.Popen(
                [sys.executable, str(DEPLOY / "hub.py"), "--port", str(port), "--state-dir", str(state),
                 "--lti", str(settings), "--system-users", "--homes", str(homes)],
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_hub(base, process, log)
            yield ClassHub(base, lms, homes, state, log)
        finally:
            _stop(process, state)
            for entry in pwd.getpwall():
                if entry.pw_dir.startswith(f"{homes}/") and entry.pw_name.startswith("jh-"):
                    subprocess.run(["userdel", entry.pw_name], capture_output=True, check=False)
            shutil.rmtree(outside, ignore_errors=True)


def _wait_hub(base: str, process: subprocess.Popen, log: Path) -> None:
    import requests

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"hub.py ended with {process.returncode}:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(requests.ConnectionError):
            if requests.get(base + "/hub/api/", timeout=2).status_code == 200:
                return
        time.sleep(0.3)
    pytest.fail(f"hub did not answer:\n{log.read_text()[-3000:]}")


def _stop(process: subprocess.Popen, state: Path) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=15)
    needle = f"LAWKIT_HUB_STATE={state}".encode()
    for entry in Path("/proc").iterdir():  # students' servers and kernels left behind
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            with contextlib.suppress(OSError):
                if needle in (entry / "environ").read_bytes().split(b"\0"):
                    os.kill(int(entry.name), signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=5)


# Matrikelnummern unique to this run: other test runs on the machine create system users too.
_RUN = random.randint(100_000, 899_999)
ANNA, BEN, LEHRKRAFT = f"9{_RUN}", f"9{_RUN + 1}", f"lehrkraft-{_RUN}"


@pytest.fixture(scope="module")
def users(class_hub):
    """Moodle's way of sending who someone is: Anna via the custom parameter, Ben's custom
    parameter unreplaced (so the LIS person id, the configured fallback), the teacher with
    neither (Moodle login name, the last configured claim) and the Instructor role."""
    lms = class_hub.lms
    lms.users.update({
        "anna": LmsUser("17", [LEARNER], custom={"matrikelnummer": ANNA}, lis={"person_sourcedid": ANNA}),
        "ben": LmsUser("18", [LEARNER], custom={"matrikelnummer": "$Person.sourcedId"},
                       lis={"person_sourcedid": BEN}),
        "lehrkraft": LmsUser("3", [INSTRUCTOR, LEARNER], custom={"matrikelnummer": "$Person.sourcedId"},
                             lis={"person_sourcedid": ""}, ext={"user_username": LEHRKRAFT}),
        "gefaelscht": LmsUser("17", [INSTRUCTOR], custom={"matrikelnummer": ANNA}, forge=True),
        "abgelaufen": LmsUser("18", [LEARNER], custom={"matrikelnummer": BEN}, expire=True),
        "ohne": LmsUser("19", [LEARNER], custom={"matrikelnummer": "$Person.sourcedId"}),
    })
    return class_hub


def test_lms_launches_log_in_students_under_their_matrikelnummer_and_the_teacher_as_admin(users):
    hub = users
    for hint, name, admin in (("anna", ANNA, False), ("ben", BEN, False), ("lehrkraft", LEHRKRAFT, True)):
        browser = hub.login(hint)
        me = browser.get(f"{hub.base}/hub/api/user", timeout=10).json()
        assert (me["name"], me["admin"]) == (name, admin)
    listed = hub.sessions["lehrkraft"].get(f"{hub.base}/hub/api/users", timeout=10)
    assert listed.status_code == 200
    assert sorted((u["name"], u["admin"]) for u in listed.json()) == sorted(
        [(ANNA, False), (BEN, False), (LEHRKRAFT, True)])
    # The launch is kept per user (encrypted): the LTI user id and the grade service's address,
    # what a score passback would need (deploy/README.md, section 10). The teacher may read it.
    kept = hub.sessions["lehrkraft"].get(f"{hub.base}/hub/api/users/{ANNA}", timeout=10).json()["auth_state"]
    assert kept["sub"] == "17"
    assert kept["https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"]["lineitems"] == f"{hub.lms.url}/lineitems"
    # A student is no admin: the class list is closed to her.
    assert hub.sessions["anna"].get(f"{hub.base}/hub/api/users", timeout=10).status_code == 403
    # The hub fetched the platform's keys and sent the browser back to its own callback.
    assert "GET /jwks" in hub.lms.log
    assert hub.lms.redirect_uris == {f"{hub.base}/hub/lti13/oauth_callback"}
    # No demo password exists in LTI mode.
    assert not (hub.state / "passwort.txt").exists()


@pytest.mark.parametrize(("hint", "status", "message"), [
    ("gefaelscht", 400, "LTI-Anmeldung abgelehnt: Die Signatur des Anmelde-Tokens ist ungültig: Es wurde nicht "
                        "mit dem Schlüssel des eingetragenen LMS signiert (gefälscht oder verändert)."),
    ("abgelaufen", 400, "LTI-Anmeldung abgelehnt: Das Anmelde-Token des LMS ist abgelaufen. Öffnen Sie die "
                        "Aktivität im Kurs erneut (ein Token gilt nur wenige Minuten)."),
    ("ohne", 400, "LTI-Anmeldung abgelehnt: Das LMS hat keine Matrikelnummer übermittelt (gesucht in: "
                  "custom_matrikelnummer, lis_person_sourcedid, ext_user_username). Die Lehrkraft trägt in der "
                  "Tool-Registrierung den Parameter matrikelnummer=$Person.sourcedId ein (siehe deploy/README.md)."),
])
def test_a_forged_an_expired_or_a_nameless_launch_is_refused_in_german(users, hint, status, message):
    import html

    browser, answer = users.launch(hint)
    assert answer.status_code == status
    page = html.unescape(answer.content.decode("utf-8"))  # the page declares <meta charset="utf-8">
    assert message in page, page[page.find("<body"):][:3000] + users.log.read_text()[-2000:]
    assert "Traceback" not in answer.text
    assert browser.get(f"{users.base}/hub/api/user", timeout=10).status_code == 403  # not logged in


def test_a_students_kernel_cannot_read_another_students_answer(users):
    hub = users
    hub.spawn("anna", ANNA)
    ben = hub.spawn("ben", BEN)
    answer = json.dumps({"format": "lawkit-answer/1", "exercise": EXERCISE, "student": BEN, "text": "BENS LÖSUNG"})
    _save_answer(hub.base, ben, BEN, answer)  # as the demo hub's test saves: through Ben's own server
    bens_file = hub.homes / BEN / "exercises" / "answers" / f"{EXERCISE}.json"
    before = bens_file.read_bytes()
    assert before == answer.encode()

    # Each home is private to its own system user; the homes folder cannot be listed.
    for name in (ANNA, BEN):
        info = os.stat(hub.homes / name)
        assert (stat.S_IMODE(info.st_mode), pwd.getpwuid(info.st_uid).pw_name) == (0o700, system_user_name(name))
    assert stat.S_IMODE(os.stat(hub.homes).st_mode) == 0o711
    # Ben's copy of the workbook belongs to Ben (seeded as his user), so he can change it.
    assert pwd.getpwuid(os.stat(hub.homes / BEN / "notebooks").st_uid).pw_name == system_user_name(BEN)

    out = _run_in_kernel(hub, ANNA, (
        "import os, pwd\n"
        "print('ich bin', pwd.getpwuid(os.getuid()).pw_name, os.path.expanduser('~'))\n"
        f"for path in ({str(bens_file)!r}, {str(hub.homes)!r}):\n"
        "    try:\n"
        "        print(open(path).read() if path.endswith('.json') else os.listdir(path))\n"
        "    except OSError as exc:\n"
        "        print(type(exc).__name__, exc.strerror)\n"
        f"open({str(bens_file)!r}, 'w')\n"))
    assert out.splitlines()[:3] == [
        f"ich bin {system_user_name(ANNA)} {hub.homes / ANNA}",
        "PermissionError Permission denied",
        "PermissionError Permission denied",
    ]
    assert "PermissionError: [Errno 13] Permission denied" in out  # the attempt to write
    assert "BENS LÖSUNG" not in out
    assert bens_file.read_bytes() == before
    # Over HTTP Anna's login does not open Ben's server either.
    assert hub.sessions["anna"].get(f"{hub.base}/user/{BEN}/api/contents/exercises/answers/{EXERCISE}.json",
                                    timeout=10, allow_redirects=False).status_code == 403


def _run_in_kernel(hub: ClassHub, name: str, code: str) -> str:
    """Start a kernel in the user's server, run code, return its stdout and error text."""
    import requests
    import websocket

    base = f"{hub.base}/user/{name}/api"
    kernel = requests.post(f"{base}/kernels", json={"name": "python3"}, headers=hub.api(name), timeout=60)
    assert kernel.status_code == 201, kernel.text
    kernel_id = kernel.json()["id"]
    ws_url = f"ws://{urlsplit(hub.base).netloc}/user/{name}/api/kernels/{kernel_id}/channels"
    conn = websocket.create_connection(ws_url, header=[f"Authorization: token {hub.tokens[name]}"], timeout=60)
    msg_id = uuid.uuid4().hex
    conn.send(json.dumps({
        "header": {"msg_id": msg_id, "username": name, "session": uuid.uuid4().hex, "msg_type": "execute_request",
                   "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }))
    out: list[str] = []
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            msg = json.loads(conn.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "stream":
                out.append(msg["content"]["text"])
            elif kind == "error":
                out.append(f"{msg['content']['ename']}: {msg['content']['evalue']}\n")
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                break
    finally:
        conn.close()
        requests.delete(f"{base}/kernels/{kernel_id}", headers=hub.api(name), timeout=30)
    return "".join(out)


# --- material by link ------------------------------------------------------------------------


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Lehrkraft", "-c", "user.email=lehrkraft@example.org", *args],
                          cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture(scope="module")
def course_repo(tmp_path_factory):
    """The lecturer's course repository (the workbook), served read-only by git daemon."""
    root = tmp_path_factory.mktemp("course")
    work = root / "arbeit"
    for relative in (f"exercises/{EXERCISE}.ipynb", "notebooks/01_einfuehrung.ipynb"):
        (work / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / relative, work / relative)
    (work / ".gitignore").write_text("answers/\n.ipynb_checkpoints/\n")
    _git(root, "init", "-q", "-b", "main", str(work))
    _git(work, "add", "-A")
    _git(work, "commit", "-q", "-m", "Kursmaterial")
    served = root / "served"
    served.mkdir()
    _git(root, "clone", "-q", "--bare", str(work), str(served / "kurs.git"))
    _git(work, "remote", "add", "origin", str(served / "kurs.git"))
    port = _free_port()
    daemon = subprocess.Popen(["git", "daemon", "--reuseaddr", "--export-all", f"--base-path={served}",
                               "--listen=127.0.0.1", f"--port={port}", str(served)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_port(port)
        yield work, f"git://127.0.0.1:{port}/kurs.git"
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


def _pull(hub: ClassHub, name: str, link: str) -> list[str]:
    """What the pull page's script does: stream the pull's progress until it ends."""
    import requests

    query = urlsplit(link).query
    lines: list[str] = []
    with requests.get(f"{hub.base}/user/{name}/git-pull/api?{query}", headers=hub.api(name), stream=True,
                      timeout=120) as stream:
        assert stream.status_code == 200
        for raw in stream.iter_lines(decode_unicode=True):
            if not raw or not raw.startswith("data: "):
                continue
            event = json.loads(raw[len("data: "):])
            if "output" in event:
                lines.append(event["output"].rstrip("\n"))
            if event.get("phase") in ("finished", "error"):
                assert event["phase"] == "finished", "\n".join(lines) + "\n" + json.dumps(event)
                break
    return lines


def _first_markdown(nb: dict) -> dict:
    return next(cell for cell in nb["cells"] if cell["cell_type"] == "markdown")


def test_the_lecturers_link_pulls_the_workbook_and_a_second_pull_keeps_the_students_answer(users, course_repo):
    import nbformat

    hub = users
    work, repo_url = course_repo
    link = pull_link(hub.base, repo_url, "main", "kurs", f"exercises/{EXERCISE}.ipynb")
    # The LTI activity's Tool-URL carries the student straight to the pull after the login.
    hub.lms.users["anna-kurs"] = hub.lms.users["anna"]
    _browser, answer = hub.launch("anna-kurs", lti_tool_url(hub.base, link))
    assert answer.status_code == 302
    assert urljoin(hub.base, answer.headers["Location"]) == link
    anna = hub.spawn("anna", ANNA)
    page = anna.get(link, timeout=30)  # the link itself: through the hub to Anna's server's pull page
    assert page.status_code == 200
    assert page.url.startswith(f"{hub.base}/user/{ANNA}/git-pull?")

    home = hub.homes / ANNA / "kurs"
    assert not home.exists()
    first = _pull(hub, ANNA, link)
    assert any(line.startswith("$ git clone") for line in first)
    assert (home / "exercises" / f"{EXERCISE}.ipynb").read_bytes() == (work / "exercises" / f"{EXERCISE}.ipynb").read_bytes()
    assert pwd.getpwuid(os.stat(home).st_uid).pw_name == system_user_name(ANNA)

    # Anna saves her answer and writes a note into the first text cell of the exercise.
    xsrf = {"X-XSRFToken": anna.cookies.get("_xsrf", path=f"/user/{ANNA}/")}
    contents = f"{hub.base}/user/{ANNA}/api/contents/kurs/exercises"
    mine = json.dumps({"format": "lawkit-answer/1", "exercise": EXERCISE, "student": ANNA, "text": "MEINE ANTWORT"})
    assert anna.put(f"{contents}/answers", json={"type": "directory"}, headers=xsrf, timeout=10).status_code == 201
    assert anna.put(f"{contents}/answers/{EXERCISE}.json", json={"type": "file", "format": "text", "content": mine},
                    headers=xsrf, timeout=10).status_code == 201
    model = anna.get(f"{contents}/{EXERCISE}.ipynb", timeout=10).json()
    cell = _first_markdown(model["content"])
    cell["source"] = "MEINE NOTIZ: Täterkreis zuerst prüfen.\n" + cell["source"]
    saved = anna.put(f"{contents}/{EXERCISE}.ipynb", json={"type": "notebook", "content": model["content"]},
                     headers=xsrf, timeout=10)
    assert saved.status_code == 200, saved.text
    annas_notebook = (home / "exercises" / f"{EXERCISE}.ipynb").read_bytes()

    # The lecturer changes the same cell, corrects the other notebook and adds a new file.
    nb = nbformat.read(work / "exercises" / f"{EXERCISE}.ipynb", as_version=4)
    _first_markdown(nb)["source"] = "KORRIGIERT: Bearbeitungszeit 90 Minuten.\n" + _first_markdown(nb)["source"]
    nbformat.write(nb, work / "exercises" / f"{EXERCISE}.ipynb")
    intro = work / "notebooks" / "01_einfuehrung.ipynb"
    intro.write_text(intro.read_text().replace('"nbformat_minor"', '"lawkit_kurs": "2. Fassung",\n "nbformat_minor"'))
    (work / "notebooks" / "hinweise.md").write_text("Sprechstunde dienstags.\n")
    _git(work, "add", "-A")
    _git(work, "commit", "-q", "-m", "Korrektur")
    _git(work, "push", "-q", "origin", "main")
    lecturer = _git(work, "rev-parse", "HEAD").strip()

    second = _pull(hub, ANNA, link)
    # The answer is untouched, the note kept; the lecturer's other changes arrived.
    assert (home / "exercises" / "answers" / f"{EXERCISE}.json").read_text() == mine
    assert (home / "exercises" / f"{EXERCISE}.ipynb").read_bytes() == annas_notebook
    assert (home / "notebooks" / "hinweise.md").read_text() == "Sprechstunde dienstags.\n"
    assert (home / "notebooks" / "01_einfuehrung.ipynb").read_bytes() == intro.read_bytes()
    # The collision is reported: in the pull's output, in KONFLIKTE.md, with the lecturer's version beside.
    copy = f"exercises/{EXERCISE}.lehrkraft-{lecturer[:7]}.ipynb"
    expected = (f"exercises/{EXERCISE}.ipynb: Sie und die Lehrkraft haben dieselbe Stelle geändert; Ihre Fassung "
                f"bleibt, die neue Fassung der Lehrkraft steht in {copy}.")
    assert f"Konflikt: {expected}" in second
    assert "Konflikte: 1, Übersicht in KONFLIKTE.md" in second
    assert f"- {expected}" in (home / "KONFLIKTE.md").read_text()
    assert (home / copy).read_bytes() == (work / "exercises" / f"{EXERCISE}.ipynb").read_bytes()
    # A third pull with nothing new changes nothing and reports nothing.
    third = _pull(hub, ANNA, link)
    assert not [line for line in third if line.startswith("Konflikt")]
    assert (home / "exercises" / "answers" / f"{EXERCISE}.json").read_text() == mine


# --- grades back to the LMS (LTI Assignment and Grade Services) -------------------------------


def test_the_lecturer_sends_grades_back_and_the_lms_holds_them_under_the_students_sub(users, tmp_path):
    import requests

    from lawkit.grading.export import ExportRow, moodle_csv

    hub = users
    carla, never = f"9{_RUN + 2}", f"9{_RUN + 3}"
    hub.lms.users["carla"] = LmsUser("21", [LEARNER], custom={"matrikelnummer": carla}, ags=False)
    for hint in ("anna", "ben", "carla", "lehrkraft"):
        hub.login(hint)
    # The hub made the tool's key at its start and publishes it; the LMS is registered with that
    # Keyset URL and fetches it at each token request. The command prints the same key set.
    keyset = requests.get(f"{hub.base}/hub/lti13/jwks", timeout=10)
    assert keyset.status_code == 200 and keyset.headers["Content-Type"] == "application/json"
    printed = subprocess.run([sys.executable, str(DEPLOY / "tool_key.py"), "--state-dir", str(hub.state)],
                             capture_output=True, text=True, check=True)
    assert json.loads(printed.stdout) == keyset.json()
    assert stat.S_IMODE(os.stat(hub.state / "lti-tool-key.pem").st_mode) == 0o600
    hub.lms.register_tool(jwks_url=f"{hub.base}/hub/lti13/jwks")

    # The teacher's API token, limited to reading the users and their launches.
    teacher = hub.sessions["lehrkraft"]
    made = teacher.post(f"{hub.base}/hub/api/users/{LEHRKRAFT}/tokens",
                        json={"note": "Noten zurück", "scopes": ["read:users", "admin:auth_state"]},
                        headers={"X-XSRFToken": teacher.cookies.get("_xsrf", path="/hub/")}, timeout=10)
    assert made.status_code == 201, made.text
    grades = tmp_path / "grades.csv"
    grades.write_text(moodle_csv([
        (ExportRow(ANNA, "Anna A.", 14, "gut", "", "", 0, 0, 0, "e01_geheimnis: 14 Punkte (gut)", "bewertung",
                   None), "Vollständige Rückmeldung …"),
        (ExportRow(BEN, "Ben B.", 9, "befriedigend", "", "", 0, 0, 0, "e01_geheimnis: 9 Punkte (befriedigend)",
                   "bewertung", None), ""),
        (ExportRow(carla, "Carla C.", 12, "vollbefriedigend", "", "", 0, 0, 0, "e01_geheimnis: 12 Punkte",
                   "bewertung", None), ""),
        (ExportRow(never, "Nie Da", 5, "mangelhaft", "", "", 0, 0, 0, "e01_geheimnis: 5 Punkte", "bewertung",
                   None), ""),
    ]), encoding="utf-8")
    settings = tmp_path / "lms.yaml"
    settings.write_text(f"platform: andere\nissuer: {hub.lms.url}\nclient_id: {CLIENT_ID}\n"
                        f"authorize_url: {hub.lms.url}/auth\njwks_url: {hub.lms.url}/jwks\n"
                        f"token_url: {hub.lms.token_url}\n", encoding="utf-8")
    command = [sys.executable, str(DEPLOY / "send_grades.py"), "--hub", hub.base, "--csv", str(grades),
               "--lti", str(settings), "--state-dir", str(hub.state)]
    env = {**os.environ, "LAWKIT_HUB_TOKEN": made.json()["token"]}

    dry = subprocess.run([*command, "--probelauf"], capture_output=True, text=True, env=env, check=False)
    assert dry.returncode == 1, dry.stderr
    assert f"{ANNA}: würde gesendet (Probelauf) – 14 von 18 Punkten an {hub.lms.url}/lineitems/e01/lineitem/" \
           "scores?type_id=1 (userId 17)" in dry.stdout.splitlines()
    assert hub.lms.scores == {}

    sent = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert sent.returncode == 1, sent.stderr  # two students could not be sent: their grade stays with the CSV
    assert sent.stdout.splitlines()[1:] == [
        f"{ANNA}: gesendet – 14 von 18 Punkten (userId 17)",
        f"{BEN}: gesendet – 9 von 18 Punkten (userId 18)",
        f"{carla}: kein AGS-Claim – Im LMS sind die „IMS LTI Assignment and Grade Services“ für das Tool "
        "ausgeschaltet (so beim letzten Start). Einschalten und die Aktivität einmal neu öffnen lassen; bis dahin "
        "gilt grades.csv.",
        f"{never}: kein LTI-Start bekannt – Der Hub kennt keinen Start aus dem LMS unter dieser Matrikelnummer "
        "(Aktivität nie geöffnet?); es gilt grades.csv.",
        "Gesendet: 2 von 4.",
        "Nicht gesendet: 2 – für diese gilt weiter grades.csv (Bewertungen › Import im LMS).",
    ]
    assert [(s["userId"], s["scoreGiven"], s["scoreMaximum"], s.get("comment")) for s in hub.lms.scores["e01"]] == [
        ("17", 14, 18, "e01_geheimnis: 14 Punkte (gut)"), ("18", 9, 18, "e01_geheimnis: 9 Punkte (befriedigend)")]

    # A student's token may not read the launches: refused before anything is sent.
    anna = hub.sessions["anna"]
    own = anna.post(f"{hub.base}/hub/api/users/{ANNA}/tokens", json={"note": "versuch"},
                    headers={"X-XSRFToken": anna.cookies.get("_xsrf", path="/hub/")}, timeout=10)
    assert own.status_code == 201, own.text
    student = subprocess.run(command, capture_output=True, text=True, check=False,
                             env={**os.environ, "LAWKIT_HUB_TOKEN": own.json()["token"]})
    assert student.returncode == 2
    assert student.stderr.strip() == ("send_grades: Hub: dem API-Token fehlt die Berechtigung admin:auth_state (es "
                                      "braucht read:users und admin:auth_state, und die Lehrkraft muss Admin sein).")
    assert len(hub.lms.scores["e01"]) == 2
