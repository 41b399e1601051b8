"""Grades back to the LMS over LTI Assignment and Grade Services, against the stand-in platform.

The stand-in (tests/lti_platform.py) plays Moodle's token endpoint and a line item's scores
endpoint on 127.0.0.1: it checks the tool's signed client assertion against the key registered
for the tool, the bearer token's scope, the media type and the Score, and keeps what arrives.
The launches are the platform's own id_tokens, as the hub keeps them in auth_state. The whole
way through a real hub (send_grades.py reading the launches over the hub's REST API) is in
tests/test_hub_lti.py.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import jwt
import pytest

from lawkit.grading.export import ExportRow, moodle_csv
from tests.lti_platform import AGS_CLAIM, ASSERTION_TYPE, LEARNER, LmsUser, Platform

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
sys.path.insert(0, str(DEPLOY))

from ags import AgsError, ToolKey, client_assertion, http, request_token, scores_url, tool_key  # noqa: E402
from lti_settings import settings_from_mapping  # noqa: E402
from send_grades import GradeRow, Outcome, Result, UsageError, read_grades, send_grades  # noqa: E402

CLIENT_ID = "lawkit-ags-test"
WHEN = _dt.datetime(2026, 11, 30, 14, 5, 9, 250000, tzinfo=_dt.timezone(_dt.timedelta(hours=1)))
SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


@pytest.fixture
def lms():
    with Platform(CLIENT_ID) as platform:
        platform.users.update({
            "anna": LmsUser("17", [LEARNER], custom={"matrikelnummer": "4711001"}),
            "ben": LmsUser("18", [LEARNER], custom={"matrikelnummer": "4711002"}),
            "carla": LmsUser("21", [LEARNER], custom={"matrikelnummer": "4711003"}, ags=False),
        })
        yield platform


@pytest.fixture
def key(tmp_path) -> ToolKey:
    return tool_key(tmp_path / "state")


def _settings(lms: Platform):
    return settings_from_mapping({"platform": "andere", "issuer": lms.url, "client_id": CLIENT_ID,
                                  "authorize_url": f"{lms.url}/auth", "jwks_url": f"{lms.url}/jwks",
                                  "token_url": lms.token_url}, "lms.yaml")


def _launch(lms: Platform, hint: str) -> dict:
    """The decoded id_token of a launch, as the hub keeps it (auth_state)."""
    token = lms.id_token(lms.users[hint], "nonce-1", "https://hub.example/hub/")
    return jwt.decode(token, options={"verify_signature": False})


def _launches(lms: Platform, **names: str):
    kept = {name: _launch(lms, hint) for name, hint in names.items()}
    return kept.get


def test_the_tools_key_is_made_once_kept_private_and_published_as_jwks(tmp_path):
    state = tmp_path / "state"
    with pytest.raises(AgsError) as missing:
        tool_key(state, create=False)
    assert str(missing.value).startswith(f"{state / 'lti-tool-key.pem'}: der Schlüssel des Tools fehlt noch.")
    first = tool_key(state)
    assert stat.S_IMODE(os.stat(state / "lti-tool-key.pem").st_mode) == 0o600
    again = tool_key(state, create=False)
    assert again.kid == first.kid and again.jwks() == first.jwks()
    (public,) = first.jwks()["keys"]
    assert sorted(public) == ["alg", "e", "kid", "kty", "n", "use"]
    assert (public["kty"], public["alg"], public["use"], public["e"]) == ("RSA", "RS256", "sig", "AQAB")
    assert first.public_pem().startswith("-----BEGIN PUBLIC KEY-----\n")
    # The command prints the same key set (and the PEM for an LMS's "RSA key" field).
    done = subprocess.run([sys.executable, str(DEPLOY / "tool_key.py"), "--state-dir", str(state)],
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == first.jwks()
    assert "Schlüsselsatz-URL im LMS: HUB/hub/lti13/jwks" in done.stderr
    pem = subprocess.run([sys.executable, str(DEPLOY / "tool_key.py"), "--state-dir", str(state), "--pem"],
                         capture_output=True, text=True, check=True)
    assert pem.stdout == first.public_pem()
    # A damaged key file is named, not a traceback.
    (state / "lti-tool-key.pem").write_text("kein Schlüssel\n")
    broken = subprocess.run([sys.executable, str(DEPLOY / "tool_key.py"), "--state-dir", str(state)],
                            capture_output=True, text=True, check=False)
    assert broken.returncode == 2
    assert broken.stderr.startswith(f"tool_key: {state / 'lti-tool-key.pem'}: kein privater RSA-Schlüssel im PEM-Format")
    assert "Traceback" not in broken.stderr


def test_one_token_and_two_scores_arrive_with_exact_values(lms, key):
    lms.register_tool(jwks=key.jwks())
    rows = [GradeRow(2, "4711001", 14, "e01_geheimnis: 14 Punkte (gut). Abzüge: Vorsatz nicht geprüft."),
            GradeRow(3, "4711002", 7, "")]
    report = send_grades(rows, _launches(lms, **{"4711001": "anna", "4711002": "ben"}), _settings(lms), key,
                         when=WHEN)
    assert [r.line() for r in report.results] == [
        "4711001: gesendet – 14 von 18 Punkten (userId 17)",
        "4711002: gesendet – 7 von 18 Punkten (userId 18)",
    ]
    assert lms.scores == {"e01": [
        {"userId": "17", "scoreGiven": 14, "scoreMaximum": 18, "activityProgress": "Completed",
         "gradingProgress": "FullyGraded", "timestamp": "2026-11-30T14:05:09.250+01:00",
         "comment": "e01_geheimnis: 14 Punkte (gut). Abzüge: Vorsatz nicht geprüft."},
        {"userId": "18", "scoreGiven": 7, "scoreMaximum": 18, "activityProgress": "Completed",
         "gradingProgress": "FullyGraded", "timestamp": "2026-11-30T14:05:09.250+01:00"},
    ]}
    # One token for the whole class, then the two scores to <lineitem>/scores (query kept).
    assert [entry for entry in lms.log if entry.startswith("POST")] == [
        "POST /token", "POST /lineitems/e01/lineitem/scores", "POST /lineitems/e01/lineitem/scores"]
    assert len(lms.used_jti) == 1
    assert list(lms.access_tokens.values()) == [frozenset({SCORE})]
    assert report.text().splitlines()[-1] == "Gesendet: 2 von 2."


def test_scores_go_to_the_lineitems_scores_path_with_its_query():
    assert scores_url("https://moodle.uni.de/mod/lti/services.php/2/lineitems/5/lineitem?type_id=3") == \
        "https://moodle.uni.de/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=3"
    assert scores_url("https://ilias.uni.de/lti/gradeservice/7/") == "https://ilias.uni.de/lti/gradeservice/7/scores"


def test_a_key_the_lms_does_not_know_is_refused_in_german_and_nothing_is_sent(lms, key, tmp_path):
    other = tool_key(tmp_path / "anderer-hub")
    lms.register_tool(jwks=other.jwks())  # the LMS holds the key of another installation
    rows = [GradeRow(2, "4711001", 14, ""), GradeRow(3, "4711002", 7, "")]
    report = send_grades(rows, _launches(lms, **{"4711001": "anna", "4711002": "ben"}), _settings(lms), key)
    assert report.notices == [
        f"Kein Zugangstoken: Das LMS hat die Anmeldung des Tools am Token-Endpunkt {lms.token_url} abgelehnt "
        f"(HTTP 401, invalid_client): no registered key with kid {key.kid}. Der öffentliche Schlüssel des Tools "
        f"(kid {key.kid}) ist im LMS nicht oder anders eingetragen, oder die Client-ID '{CLIENT_ID}' passt nicht "
        "zur Registrierung. Tragen Sie die Schlüsselsatz-URL des Hubs oder den Schlüssel aus "
        "`python deploy/tool_key.py` ein (deploy/README.md, Abschnitt 10)."]
    assert [r.line() for r in report.results] == [
        "4711001: nicht gesendet – kein Zugangstoken vom LMS (siehe oben)",
        "4711002: nicht gesendet – kein Zugangstoken vom LMS (siehe oben)",
    ]
    assert lms.scores == {}
    assert [e for e in lms.log if e.startswith("POST")] == ["POST /token"]  # asked once, not per student


def test_a_forged_key_under_the_right_kid_fails_the_signature_check(lms, key, tmp_path):
    forged = tool_key(tmp_path / "faelscher")
    lms.register_tool(jwks={"keys": [{**forged.public_jwk(), "kid": key.kid}]})
    with pytest.raises(AgsError) as refused:
        request_token(lms.token_url, CLIENT_ID, key)
    assert "(HTTP 401, invalid_client): InvalidSignatureError: Signature verification failed." in str(refused.value)


@pytest.mark.parametrize(("change", "expected"), [
    ({"aud": "https://anderes-lms.example/token"}, (401, "invalid_client", "InvalidAudienceError")),
    ({"now": time.time() - 3600}, (401, "invalid_client", "ExpiredSignatureError")),
    ({"grant_type": "password"}, (400, "unsupported_grant_type", None)),
    ({"client_assertion_type": "urn:x"}, (400, "invalid_request", None)),
    ({"scope": "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"},
     (400, "invalid_scope", None)),
])
def test_the_stand_in_token_endpoint_checks_what_moodle_checks(lms, key, change, expected):
    lms.register_tool(jwks=key.jwks())
    assertion = client_assertion(key, CLIENT_ID, change.get("aud", lms.token_url), change.get("now"))
    form = {"grant_type": change.get("grant_type", "client_credentials"),
            "client_assertion_type": change.get("client_assertion_type", ASSERTION_TYPE),
            "client_assertion": assertion, "scope": change.get("scope", SCORE)}
    answer = http("POST", lms.token_url, data=urlencode(form).encode(),
                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    status, error, detail = expected
    assert (answer.status, answer.json()["error"]) == (status, error)
    if detail:
        assert answer.json()["error_description"].startswith(detail)
    # The same assertion twice: the second is a replay.
    if status == 400 and error == "invalid_scope":
        form["scope"] = SCORE
        first = http("POST", lms.token_url, data=urlencode(form).encode(),
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert first.status == 401 and first.json()["error_description"] == "jti used before"


def test_one_failing_student_does_not_stop_the_others(lms, key, tmp_path):
    lms.register_tool(jwks=key.jwks())
    stranger = _launch(lms, "anna") | {"sub": "99"}  # a launch the platform no longer knows (unenrolled)
    kept = {"4711001": _launch(lms, "anna"), "4711002": _launch(lms, "ben"), "4711003": _launch(lms, "carla"),
            "4711009": stranger}
    grades = tmp_path / "grades.csv"
    grades.write_text(moodle_csv([
        (ExportRow("4711009", "Ex Student", 10, "befriedigend", "", "", 0, 0, 0, "e01: 10 Punkte", "bewertung", None),
         ""),
        (ExportRow("4711004", "Nie Gestartet", 4, "mangelhaft", "", "", 0, 0, 0, "e01: 4 Punkte", "bewertung", None),
         ""),
        (ExportRow("4711003", "Carla C.", 12, "vollbefriedigend", "", "", 0, 0, 0, "e01: 12 Punkte", "bewertung",
                   None), ""),
        (ExportRow("4711002", "Ben B.", 9, "befriedigend", "", "", 0, 0, 0, "=e01: 9 Punkte", "bewertung", None),
         "Abzug: Konkurrenzen fehlen."),
    ]) + "4711001,Anna A.,neunzehn,x\n", encoding="utf-8")
    rows, bad = read_grades(grades)
    report = send_grades(rows, kept.get, _settings(lms), key, when=WHEN)
    assert [r.line() for r in [*bad, *report.results]] == [
        "4711001: nicht gesendet – grades.csv, Zeile 14: Punkte 'neunzehn' sind keine ganze Zahl von 0 bis 18",
        "4711009: vom LMS abgelehnt – HTTP 400: {\"error\": \"user 99 is not enrolled in this course\"}",
        "4711004: kein LTI-Start bekannt – Der Hub kennt keinen Start aus dem LMS unter dieser Matrikelnummer "
        "(Aktivität nie geöffnet?); es gilt grades.csv.",
        "4711003: kein AGS-Claim – Im LMS sind die „IMS LTI Assignment and Grade Services“ für das Tool "
        "ausgeschaltet (so beim letzten Start). Einschalten und die Aktivität einmal neu öffnen lassen; bis dahin "
        "gilt grades.csv.",
        "4711002: gesendet – 9 von 18 Punkten (userId 18)",
    ]
    # Ben's score arrived after the refusal; the formula guard of the CSV cell is not part of the comment.
    assert lms.scores["e01"] == [{"userId": "18", "scoreGiven": 9, "scoreMaximum": 18,
                                  "activityProgress": "Completed", "gradingProgress": "FullyGraded",
                                  "timestamp": "2026-11-30T14:05:09.250+01:00", "comment": "=e01: 9 Punkte"}]
    assert report.text().splitlines()[-2:] == [
        "Gesendet: 1 von 4.", "Nicht gesendet: 3 – für diese gilt weiter grades.csv (Bewertungen › Import im LMS)."]


def test_a_dry_run_checks_everything_and_sends_nothing(lms, key):
    lms.register_tool(jwks=key.jwks())
    rows = [GradeRow(2, "4711001", 14, "x"), GradeRow(3, "4711003", 12, "y")]
    report = send_grades(rows, _launches(lms, **{"4711001": "anna", "4711003": "carla"}), _settings(lms), None,
                         dry_run=True)
    assert [r.line() for r in report.results] == [
        f"4711001: würde gesendet (Probelauf) – 14 von 18 Punkten an {lms.url}/lineitems/e01/lineitem/scores?type_id=1 "
        "(userId 17)",
        "4711003: kein AGS-Claim – Im LMS sind die „IMS LTI Assignment and Grade Services“ für das Tool "
        "ausgeschaltet (so beim letzten Start). Einschalten und die Aktivität einmal neu öffnen lassen; bis dahin "
        "gilt grades.csv.",
    ]
    assert report.text().splitlines()[-2] == "Probelauf: nichts gesendet. 1 von 2 würden gesendet."
    assert [e for e in lms.log if e.startswith("POST")] == []
    assert lms.scores == {} and lms.used_jti == set()


def test_a_launch_from_another_lms_or_without_grade_column_is_reported(lms, key):
    lms.register_tool(jwks=key.jwks())
    foreign = _launch(lms, "anna") | {"iss": "https://anderes-lms.example"}
    no_column = _launch(lms, "ben")
    no_column[AGS_CLAIM] = {k: v for k, v in no_column[AGS_CLAIM].items() if k != "lineitem"}
    kept = {"4711001": foreign, "4711002": no_column}
    rows = [GradeRow(2, "4711001", 14, ""), GradeRow(3, "4711002", 7, "")]
    report = send_grades(rows, kept.get, _settings(lms), key)
    assert [r.line() for r in report.results] == [
        f"4711001: nicht gesendet – Der letzte Start kam von einem anderen LMS ('https://anderes-lms.example', "
        f"eingetragen ist '{lms.url}')",
        "4711002: nicht gesendet – Die Aktivität hat im LMS keine Bewertungsspalte (lineitem fehlt im Start; Moodle: "
        "Bewertung › Typ „Punkt“), oder --lineitem angeben.",
    ]
    # With the column named on the command line, Ben's score goes there.
    report = send_grades(rows[1:], kept.get, _settings(lms), key, lineitem=lms.lineitem_url("e02"))
    assert report.results == [Result("4711002", Outcome.SENT, "7 von 18 Punkten (userId 18)")]
    assert [s["userId"] for s in lms.scores["e02"]] == ["18"]


def test_grades_csv_problems_name_file_and_line(tmp_path):
    path = tmp_path / "grades.csv"
    path.write_text("Matrikel,Punkte\n1,2\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        read_grades(path)
    assert str(caught.value) == (f"{path}, Zeile 1: Spalte 'ID number' fehlt (erwartet die Kopfzeile von "
                                 "`lawkit grade`: ID number, Full name, Punkte, Feedback)")
    path.write_text("ID number,Full name,Punkte,Feedback\n4711001,A,12,gut\n,B,3,x\n4711002,C,19,x\n"
                    "4711001,A,13,besser\n", encoding="utf-8")
    rows, bad = read_grades(path)
    assert rows == []
    assert [r.line() for r in bad] == [
        "(Zeile 3): nicht gesendet – grades.csv, Zeile 3: keine Matrikelnummer in 'ID number'",
        "4711002: nicht gesendet – grades.csv, Zeile 4: Punkte '19' sind keine ganze Zahl von 0 bis 18",
        "4711001: nicht gesendet – grades.csv: steht mehrfach in der Datei (Zeilen 2, 5); welche Note gilt, ist "
        "unklar",
    ]


def test_with_a_roster_the_hub_user_comes_from_the_roster(lms, key):
    from lawkit.grading.roster import read_roster_text

    lms.register_tool(jwks=key.jwks())
    roster = read_roster_text("teilnehmer.csv", "hub_user;matrikelnummer\nilias-anna;4711001\n;4711002\n")
    rows = [GradeRow(2, "4711001", 15, ""), GradeRow(3, "4711002", 7, ""), GradeRow(4, "4711005", 3, "")]
    report = send_grades(rows, _launches(lms, **{"ilias-anna": "anna", "4711002": "ben"}), _settings(lms), key,
                         roster=roster, when=WHEN)
    assert [r.line() for r in report.results] == [
        "4711001: gesendet – 15 von 18 Punkten (userId 17)",
        "4711002: kein LTI-Start bekannt – steht nicht mit hub_user in der Teilnehmerliste teilnehmer.csv; es gilt "
        "grades.csv.",
        "4711005: kein LTI-Start bekannt – steht nicht mit hub_user in der Teilnehmerliste teilnehmer.csv; es gilt "
        "grades.csv.",
    ]
    assert [(s["userId"], s["scoreGiven"]) for s in lms.scores["e01"]] == [("17", 15)]
