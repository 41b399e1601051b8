"""Send the points of a graded exercise from lawkit's grades.csv into the LMS over LTI AGS.

    sudo .venv/bin/python deploy/send_grades.py --hub https://jupyter.uni.de --token API_TOKEN \
        --csv noten/e01_geheimnis/grades.csv --lti deploy/lti/moodle.yaml [--lineitem URL] [--probelauf]

grades.csv is the file `lawkit grade` writes for Moodle's CSV import (columns "ID number" =
Matrikelnummer, "Punkte" 0–18, "Feedback" whose first line is the one-line summary). In LTI mode
the hub user name is the Matrikelnummer, so the hub knows each student's last launch (kept
encrypted as auth_state): the LTI user id `sub` and the AGS claim with the grade column
(`lineitem`). The script reads that over the hub's REST API (a teacher's API token with the
scopes read:users and admin:auth_state), asks the LMS for an access token (deploy/ags.py: the
tool's key in the hub's state folder signs the request) and sends one Score per student.

Every student gets a line in German: sent, no LTI launch known, no AGS claim (AGS switched off
in the LMS), no grade column, or refused by the LMS with its status and answer. One failure
never stops the batch. Exit code: 0 all sent, 1 some not sent (their grades stay for the CSV
import), 2 usage error (settings, file, hub token, tool key). `--probelauf` (--dry-run) checks
everything and sends nothing. Where the hub user is not the Matrikelnummer (ILIAS without it), the
roster (`--roster`, lawkit.grading.roster) names each Matrikelnummer's hub_user.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import enum
import io
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ags import (
    AGS_CLAIM,
    SCORE_SCOPE,
    AccessToken,
    AgsError,
    ToolKey,
    http,
    post_score,
    request_token,
    score_payload,
    scores_url,
    tool_key,
)
from classroom import is_valid_username
from lti_settings import LtiSettings, LtiSettingsError, load_lti_settings

from lawkit.errors import LawkitError
from lawkit.grading.export import MOODLE_COLUMNS
from lawkit.grading.roster import Roster, load_roster
from lawkit.grading.scale import MAX_POINTS

DEPLOY = Path(__file__).resolve().parent
ID_COLUMN, _NAME_COLUMN, POINTS_COLUMN, FEEDBACK_COLUMN = MOODLE_COLUMNS
_FORMULA_START = ("=", "+", "-", "@")
_COMMENT_LIMIT = 500


class UsageError(Exception):
    """The whole run cannot start (German message): bad file, settings, hub token or key."""


class Outcome(enum.Enum):
    SENT = "gesendet"
    WOULD_SEND = "würde gesendet (Probelauf)"
    NO_LAUNCH = "kein LTI-Start bekannt"
    NO_AGS = "kein AGS-Claim"
    REFUSED = "vom LMS abgelehnt"
    NOT_SENT = "nicht gesendet"


@dataclass(frozen=True, slots=True)
class GradeRow:
    line: int
    student: str
    points: int
    comment: str


@dataclass(frozen=True, slots=True)
class Result:
    student: str
    outcome: Outcome
    detail: str

    @property
    def ok(self) -> bool:
        return self.outcome in (Outcome.SENT, Outcome.WOULD_SEND)

    def line(self) -> str:
        return f"{self.student}: {self.outcome.value} – {self.detail}"


@dataclass
class SendReport:
    results: list[Result] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # once per run, e.g. the token endpoint's refusal
    dry_run: bool = False

    @property
    def failed(self) -> list[Result]:
        return [r for r in self.results if not r.ok]

    def text(self) -> str:
        lines = [*self.notices, *(r.line() for r in self.results)]
        good = len(self.results) - len(self.failed)
        if self.dry_run:
            lines.append(f"Probelauf: nichts gesendet. {good} von {len(self.results)} würden gesendet.")
        else:
            lines.append(f"Gesendet: {good} von {len(self.results)}.")
        if self.failed:
            lines.append(f"Nicht gesendet: {len(self.failed)} – für diese gilt weiter grades.csv "
                         "(Bewertungen › Import im LMS).")
        return "\n".join(lines)


# --- grades.csv ----------------------------------------------------------------------------


def read_grades(path: Path) -> tuple[list[GradeRow], list[Result]]:
    """The rows of lawkit's grades.csv; a bad row becomes a Result (reported), not an abort."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise UsageError(f"{path}: nicht lesbar ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: keine UTF-8-Datei (erwartet grades.csv von `lawkit grade`)") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise UsageError(f"{path}, Zeile 1: kein gültiges CSV ({exc})") from exc
    missing = [name for name in (ID_COLUMN, POINTS_COLUMN) if name not in header]
    if missing:
        raise UsageError(f"{path}, Zeile 1: Spalte {missing[0]!r} fehlt (erwartet die Kopfzeile von "
                         f"`lawkit grade`: {', '.join(MOODLE_COLUMNS)})")
    rows: list[GradeRow] = []
    bad: list[Result] = []
    while True:
        line = reader.line_num + 1  # where the record starts (a feedback cell spans several lines)
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise UsageError(f"{path}, Zeile {line}: kein gültiges CSV ({exc})") from exc
        student = (record.get(ID_COLUMN) or "").strip()
        cell = (record.get(POINTS_COLUMN) or "").strip()
        where = f"{path.name}, Zeile {line}"
        if not student:
            bad.append(Result(f"(Zeile {line})", Outcome.NOT_SENT,
                              f"{where}: keine Matrikelnummer in {ID_COLUMN!r}"))
            continue
        if not cell.isdigit() or int(cell) > MAX_POINTS:
            bad.append(Result(student, Outcome.NOT_SENT,
                              f"{where}: Punkte {cell!r} sind keine ganze Zahl von 0 bis {MAX_POINTS}"))
            continue
        rows.append(GradeRow(line, student, int(cell), _comment(record.get(FEEDBACK_COLUMN) or "")))
    seen: dict[str, int] = {}
    for row in rows:
        seen[row.student] = seen.get(row.student, 0) + 1
    doubled = {student for student, count in seen.items() if count > 1}
    for student in sorted(doubled):
        lines = ", ".join(str(r.line) for r in rows if r.student == student)
        bad.append(Result(student, Outcome.NOT_SENT,
                          f"{path.name}: steht mehrfach in der Datei (Zeilen {lines}); welche Note gilt, "
                          "ist unklar"))
    return [r for r in rows if r.student not in doubled], bad


def _comment(feedback: str) -> str:
    """The feedback's first line (lawkit's one-line summary), without the CSV's formula guard."""
    first = next((line.strip() for line in feedback.splitlines() if line.strip()), "")
    if first.startswith("'") and first[1:].startswith(_FORMULA_START):
        first = first[1:]
    return first if len(first) <= _COMMENT_LIMIT else first[:_COMMENT_LIMIT - 1] + "…"


# --- the hub: whose launch is it ------------------------------------------------------------


class HubUsers:
    """Each student's last LTI launch from the hub's REST API (auth_state)."""

    def __init__(self, hub: str, token: str) -> None:
        base = hub.rstrip("/")
        self.api = (base[: -len("/hub")] if base.endswith("/hub") else base) + "/hub/api"
        self._headers = {"Authorization": f"token {token}", "Accept": "application/json"}

    def check(self) -> None:
        """The token is accepted and may read launches (else a UsageError before anything is sent)."""
        try:
            answer = http("GET", f"{self.api}/user", headers=self._headers)
        except AgsError as exc:
            raise UsageError(f"Hub: {exc}") from exc
        if answer.status in (401, 403):
            raise UsageError(f"Hub {self.api}: das API-Token wird nicht angenommen (HTTP {answer.status}). "
                             "Ein Token einer Lehrkraft erzeugen: HUB/hub/token (deploy/README.md, "
                             "Abschnitt 10).")
        if answer.status != 200:
            raise UsageError(f"Hub {self.api}/user: HTTP {answer.status} ({answer.text()})")
        try:
            scopes = [str(s) for s in answer.json().get("scopes", [])]
        except (ValueError, AttributeError) as exc:
            raise UsageError(f"Hub {self.api}/user: keine JSON-Antwort ({answer.text()})") from exc
        for needed in ("read:users", "admin:auth_state"):
            if not any(s == needed or s.startswith(needed + "!") for s in scopes):
                raise UsageError(f"Hub: dem API-Token fehlt die Berechtigung {needed} (es braucht read:users "
                                 "und admin:auth_state, und die Lehrkraft muss Admin sein).")

    def launch(self, name: str) -> Mapping[str, Any] | None:
        """The user's kept launch (decoded id_token), None if the hub knows no launch."""
        answer = http("GET", f"{self.api}/users/{quote(name, safe='')}", headers=self._headers)
        if answer.status == 404:
            return None
        if answer.status != 200:
            raise AgsError(f"Hub: Benutzer {name}: HTTP {answer.status} ({answer.text()})")
        try:
            model = answer.json()
        except ValueError as exc:
            raise AgsError(f"Hub: Benutzer {name}: keine JSON-Antwort ({answer.text()})") from exc
        if not isinstance(model, Mapping) or "auth_state" not in model:
            raise AgsError("Hub: das API-Token darf die Startdaten (auth_state) dieses Benutzers nicht lesen "
                           "(Berechtigung admin:auth_state)")
        state = model["auth_state"]
        return state if isinstance(state, Mapping) else None


# --- sending ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Target:
    sub: str
    client_id: str
    lineitem: str


def target_of(launch: Mapping[str, Any], settings: LtiSettings, lineitem: str | None) -> Target | Result:
    """Where one student's score goes, or why it cannot (a Result without the student's name)."""
    issuer = launch.get("iss")
    if issuer != settings.issuer:
        return Result("", Outcome.NOT_SENT,
                      f"Der letzte Start kam von einem anderen LMS ({issuer!r}, eingetragen ist "
                      f"{settings.issuer!r})")
    audience = launch.get("aud")
    audiences = [audience] if isinstance(audience, str) else list(audience or [])
    client_id = next((a for a in audiences if a in settings.client_ids), None)
    if client_id is None:
        return Result("", Outcome.NOT_SENT, f"Der letzte Start galt einer anderen Client-ID ({audience!r})")
    sub = launch.get("sub")
    if not isinstance(sub, str) or not sub:
        return Result("", Outcome.NOT_SENT, "Der letzte Start enthält keine LTI-Benutzerkennung (sub)")
    claim = launch.get(AGS_CLAIM)
    if not isinstance(claim, Mapping):
        return Result("", Outcome.NO_AGS,
                      "Im LMS sind die „IMS LTI Assignment and Grade Services“ für das Tool ausgeschaltet "
                      "(so beim letzten Start). Einschalten und die Aktivität einmal neu öffnen lassen; bis "
                      "dahin gilt grades.csv.")
    if SCORE_SCOPE not in (claim.get("scope") or []):
        return Result("", Outcome.NO_AGS,
                      f"Das LMS erlaubt dem Tool keine Punkte (Scope {SCORE_SCOPE} fehlt im AGS-Claim des "
                      "letzten Starts).")
    target = lineitem or claim.get("lineitem")
    if not isinstance(target, str) or not target:
        return Result("", Outcome.NOT_SENT,
                      "Die Aktivität hat im LMS keine Bewertungsspalte (lineitem fehlt im Start; Moodle: "
                      "Bewertung › Typ „Punkt“), oder --lineitem angeben.")
    return Target(sub, client_id, target)


def send_grades(rows: Sequence[GradeRow], launches: Callable[[str], Mapping[str, Any] | None],
                settings: LtiSettings, key: ToolKey | None, *, lineitem: str | None = None,
                roster: Roster | None = None, dry_run: bool = False,
                when: _dt.datetime | None = None) -> SendReport:
    """One Score per row; every row gets a Result, one failure never stops the others. Without a
    roster the hub user is the Matrikelnummer (LTI mode); with one, its hub_user column."""
    report = SendReport(dry_run=dry_run)
    tokens: dict[str, AccessToken | None] = {}
    moment = when or _dt.datetime.now(_dt.UTC).astimezone()
    for row in rows:
        if roster is not None:
            person = roster.by_student.get(row.student)
            if person is None or not person.hub_user:
                detail = f"steht nicht mit hub_user in der Teilnehmerliste {roster.file}; es gilt grades.csv."
                report.results.append(Result(row.student, Outcome.NO_LAUNCH, detail))
                continue
            name = person.hub_user
        else:
            name = row.student.lower()
        result = _send_one(row, name, launches, settings, key, lineitem, dry_run, moment, tokens, report)
        report.results.append(result)
    return report


def _send_one(row: GradeRow, name: str, launches: Callable[[str], Mapping[str, Any] | None],
              settings: LtiSettings, key: ToolKey | None, lineitem: str | None, dry_run: bool,
              moment: _dt.datetime, tokens: dict[str, AccessToken | None], report: SendReport) -> Result:
    points = f"{row.points} von {MAX_POINTS} Punkten"
    if not is_valid_username(name):
        return Result(row.student, Outcome.NOT_SENT,
                      f"Zeile {row.line}: {name!r} kann kein Hub-Benutzer sein")
    try:
        launch = launches(name)
    except AgsError as exc:
        return Result(row.student, Outcome.NOT_SENT, str(exc))
    if launch is None:
        return Result(row.student, Outcome.NO_LAUNCH,
                      f"Der Hub kennt keinen Start aus dem LMS unter {_user(row, name)} (Aktivität nie "
                      "geöffnet?); es gilt grades.csv.")
    target = target_of(launch, settings, lineitem)
    if isinstance(target, Result):
        return Result(row.student, target.outcome, target.detail)
    payload = score_payload(target.sub, row.points, MAX_POINTS, row.comment or None, moment)
    if dry_run:
        return Result(row.student, Outcome.WOULD_SEND, f"{points} an {scores_url(target.lineitem)} "
                                                       f"(userId {target.sub})")
    assert key is not None, "a real run needs the tool's key"
    for attempt in (1, 2):
        token = _token(target.client_id, settings, key, tokens, report)
        if token is None:
            return Result(row.student, Outcome.NOT_SENT, "kein Zugangstoken vom LMS (siehe oben)")
        try:
            answer = post_score(target.lineitem, token, payload)
        except AgsError as exc:
            return Result(row.student, Outcome.NOT_SENT, str(exc))
        if answer.status == 401 and attempt == 1:
            tokens.pop(target.client_id, None)  # expired early: one new token, one retry
            continue
        break
    if 200 <= answer.status < 300:
        return Result(row.student, Outcome.SENT, f"{points} (userId {target.sub})")
    return Result(row.student, Outcome.REFUSED, f"HTTP {answer.status}: {answer.text() or '(leere Antwort)'}")


def _user(row: GradeRow, name: str) -> str:
    return "dieser Matrikelnummer" if name == row.student.lower() else f"dem Hub-Benutzer {name}"


def _token(client_id: str, settings: LtiSettings, key: ToolKey, tokens: dict[str, AccessToken | None],
           report: SendReport) -> AccessToken | None:
    """The cached token for client_id (a new one near expiry); a refusal is noted once."""
    cached = tokens.get(client_id)
    if client_id in tokens and cached is None:
        return None
    if cached is not None and cached.fresh(time.time()):
        return cached
    try:
        tokens[client_id] = request_token(settings.token_url, client_id, key)
    except AgsError as exc:
        tokens[client_id] = None
        report.notices.append(f"Kein Zugangstoken: {exc}")
    return tokens[client_id]


# --- command ---------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="deploy/send_grades.py",
        description="Sendet die Punkte aus grades.csv (lawkit grade) über LTI Assignment and Grade Services "
        "an Moodle/ILIAS. Die CSV-Datei bleibt der Weg für alle, die nicht gesendet werden konnten.")
    parser.add_argument("--hub", required=True, help="Adresse des Hubs, z. B. https://jupyter.uni.de")
    parser.add_argument("--token", default=None,
                        help="API-Token einer Lehrkraft (Scopes read:users, admin:auth_state); "
                        "ersatzweise aus der Umgebungsvariable LAWKIT_HUB_TOKEN")
    parser.add_argument("--csv", type=Path, required=True, help="grades.csv von `lawkit grade`")
    parser.add_argument("--lti", type=Path, required=True, help="die LMS-Angaben (deploy/lti/moodle.yaml …)")
    parser.add_argument("--lineitem", default=None,
                        help="Adresse der Bewertungsspalte; Standard: die aus dem Start jeder/jedes "
                        "Studierenden")
    parser.add_argument("--roster", type=Path, default=None,
                        help="Teilnehmerliste (CSV mit matrikelnummer und hub_user), wenn der "
                        "Hub-Benutzername nicht die Matrikelnummer ist (etwa bei ILIAS)")
    parser.add_argument("--state-dir", type=Path, default=DEPLOY / ".state",
                        help="Zustandsordner des Hubs mit dem Schlüssel des Tools (Standard deploy/.state)")
    parser.add_argument("--probelauf", "--dry-run", dest="dry_run", action="store_true",
                        help="alles prüfen, nichts senden")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    token = args.token or os.environ.get("LAWKIT_HUB_TOKEN")
    try:
        if not token:
            raise UsageError("kein API-Token: --token TOKEN oder LAWKIT_HUB_TOKEN setzen (deploy/README.md, "
                             "Abschnitt 10)")
        try:
            settings = load_lti_settings(args.lti)
        except LtiSettingsError as exc:
            raise UsageError(str(exc)) from exc
        rows, bad = read_grades(args.csv)
        try:
            roster = load_roster(args.roster) if args.roster else None
        except LawkitError as exc:
            raise UsageError(str(exc)) from exc
        key = None
        if not args.dry_run:
            try:
                key = tool_key(args.state_dir.resolve(), create=False)
            except AgsError as exc:
                raise UsageError(str(exc)) from exc
        hub = HubUsers(args.hub, token)
        hub.check()
    except UsageError as exc:
        print(f"send_grades: {exc}", file=sys.stderr)
        return 2
    mode = "Probelauf" if args.dry_run else "senden"
    print(f"Noten aus {args.csv} an {settings.token_url} ({mode}):", flush=True)
    report = send_grades(rows, hub.launch, settings, key, lineitem=args.lineitem, roster=roster,
                         dry_run=args.dry_run)
    report.results[:0] = bad
    print(report.text(), flush=True)
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
