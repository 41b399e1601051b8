"""The pieces of the faculty hub that need no running hub: the LMS settings file, the
Matrikelnummer from the launch's claims, the teacher role, refusals, system user names, links."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import jwt
import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "deploy"))

from lti_auth import german_refusal, is_teacher, matrikel_username  # noqa: E402
from lti_settings import LtiSettingsError, load_lti_settings  # noqa: E402
from ltiauthenticator.lti13.error import LoginError, TokenError  # noqa: E402
from material_link import LinkError, lti_tool_url, pull_link  # noqa: E402
from system_users import system_user_name  # noqa: E402

CUSTOM = "https://purl.imsglobal.org/spec/lti/claim/custom"
LIS = "https://purl.imsglobal.org/spec/lti/claim/lis"
ROLES = "https://purl.imsglobal.org/spec/lti/claim/roles"
MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#"


def _settings(tmp_path, text: str):
    path = tmp_path / "lms.yaml"
    path.write_text(text, encoding="utf-8")
    return load_lti_settings(path), path


def test_moodle_and_ilias_endpoints_follow_from_the_lms_address(tmp_path):
    moodle, _ = _settings(tmp_path, "platform: moodle\nlms_url: https://moodle.uni.de/\nclient_id: abc\n")
    assert (moodle.issuer, moodle.client_ids, moodle.authorize_url, moodle.jwks_url, moodle.token_url) == (
        "https://moodle.uni.de", ("abc",), "https://moodle.uni.de/mod/lti/auth.php",
        "https://moodle.uni.de/mod/lti/certs.php", "https://moodle.uni.de/mod/lti/token.php")
    ilias, _ = _settings(tmp_path, "platform: ilias\nlms_url: https://ilias.uni.de\nclient_id: [x, 7]\n"
                                   "teacher_roles: [Instructor, TeachingAssistant]\n")
    assert ilias.authorize_url == "https://ilias.uni.de/Modules/LTIConsumer/ltiauth.php"
    assert ilias.jwks_url == "https://ilias.uni.de/Modules/LTIConsumer/lticerts.php"
    assert ilias.client_ids == ("x", "7")
    assert ilias.teacher_roles == (f"{MEMBERSHIP}Instructor", f"{MEMBERSHIP}TeachingAssistant")
    assert ilias.username_claims == ("custom_matrikelnummer", "lis_person_sourcedid")


def test_the_shipped_templates_load():
    for name in ("moodle", "ilias"):
        assert load_lti_settings(REPO / "deploy" / "lti" / f"{name}.yaml").platform == name


@pytest.mark.parametrize(("text", "message"), [
    ("platform: blackboard\nlms_url: https://x.de\nclient_id: a\n",
     "platform: 'blackboard', erwartet eines von moodle, ilias, andere"),
    ("platform: moodle\nlms_url: moodle.uni.de\nclient_id: a\n",
     "lms_url: 'moodle.uni.de' ist keine URL (erwartet https://…)"),
    ("platform: moodle\nlms_url: https://x.de\n", "client_id: fehlt (erwartet die Client-ID aus dem LMS, oder eine Liste davon)"),
    ("platform: andere\nissuer: https://x.de\nclient_id: a\nauthorize_url: https://x.de/a\njwks_url: https://x.de/j\n",
     "token_url: fehlt oder ist leer (erwartet ein Text)"),
    ("platform: moodle\nlms_url: https://x.de\nclient_id: a\nclientid: b\n",
     "unbekannter Schlüssel 'clientid' (erlaubt: authorize_url, client_id, issuer, jwks_url, lms_url, platform, "
     "teacher_roles, token_url, username_claims)"),
    ("platform: moodle\nlms_url: https://x.de\nclient_id: a\nusername_claims: []\n",
     "username_claims: erwartet eine nicht leere Liste von Texten"),
    ("- nur\n- eine Liste\n", "erwartet eine Zuordnung (platform:, lms_url:, client_id: …)"),
    ("platform: [moodle\n", "Zeile 2: kein gültiges YAML"),
])
def test_a_bad_settings_file_names_file_key_and_expectation(tmp_path, text, message):
    with pytest.raises(LtiSettingsError) as caught:
        _settings(tmp_path, text)
    assert str(caught.value) in (f"{tmp_path / 'lms.yaml'}: {message}", f"{tmp_path / 'lms.yaml'}, {message}")


KEYS = ("custom_matrikelnummer", "lis_person_sourcedid")


def test_the_matrikelnummer_comes_from_the_custom_parameter_then_the_fallback():
    assert matrikel_username({CUSTOM: {"matrikelnummer": "1234567"}, LIS: {"person_sourcedid": "7"}}, KEYS) == "1234567"
    assert matrikel_username({CUSTOM: {"matrikelnummer": 1234567}}, KEYS) == "1234567"
    # An unreplaced variable or an empty value is no value: the fallback claim counts.
    assert matrikel_username({CUSTOM: {"matrikelnummer": "$Person.sourcedId"}, LIS: {"person_sourcedid": "7654321"}},
                             KEYS) == "7654321"
    assert matrikel_username({CUSTOM: {"matrikelnummer": " "}, LIS: {"person_sourcedid": " 42 "}}, KEYS) == "42"
    assert matrikel_username({"email": "E.Muster@Uni.de", "sub": "9"}, ["custom_x", "preferred_username", "sub"]) == "9"


def test_no_usable_matrikelnummer_is_refused_never_replaced_by_sub():
    with pytest.raises(LoginError) as caught:
        matrikel_username({"sub": "5", CUSTOM: {"matrikelnummer": "Erika Muster"}}, KEYS)
    assert str(caught.value) == (
        "LTI-Anmeldung abgelehnt: Das LMS hat keine Matrikelnummer übermittelt (gesucht in: custom_matrikelnummer, "
        "lis_person_sourcedid; unbrauchbar: custom_matrikelnummer='Erika Muster' (erlaubt: "
        "^[a-z0-9][a-z0-9._-]{0,39}$)). Die Lehrkraft trägt in der Tool-Registrierung den Parameter "
        "matrikelnummer=$Person.sourcedId ein (siehe deploy/README.md).")
    with pytest.raises(LoginError):
        matrikel_username({"sub": "5", CUSTOM: {"matrikelnummer": "../root"}}, KEYS)


def test_instructors_and_administrators_are_teachers_learners_and_tutors_not():
    roles = (f"{MEMBERSHIP}Instructor", f"{MEMBERSHIP}Administrator")
    assert is_teacher({ROLES: [f"{MEMBERSHIP}Learner", f"{MEMBERSHIP}Instructor"]}, roles)
    assert not is_teacher({ROLES: [f"{MEMBERSHIP}Learner"]}, roles)
    assert not is_teacher({ROLES: [f"{MEMBERSHIP}Instructor#TeachingAssistant"]}, roles)
    assert not is_teacher({}, roles)
    assert not is_teacher({ROLES: "Instructor"}, roles)  # the short LTI 1.1 name is no 1.3 role


def _refusal(cause: Exception) -> str:
    try:
        try:
            raise cause
        except jwt.PyJWTError as exc:
            raise TokenError(str(exc)) from exc
    except TokenError as token_error:
        return german_refusal(token_error)


def test_each_token_problem_has_its_own_german_message():
    assert _refusal(jwt.InvalidIssuerError("Invalid issuer")) == (
        "LTI-Anmeldung abgelehnt: Das Anmelde-Token stammt von einem anderen LMS als dem eingetragenen (iss).")
    assert _refusal(jwt.PyJWKClientError('Unable to find a signing key that matches: "x"')) == (
        "LTI-Anmeldung abgelehnt: Das Anmelde-Token ist mit einem Schlüssel signiert, den das eingetragene LMS "
        "nicht veröffentlicht (kid unbekannt).")
    assert _refusal(jwt.DecodeError("Not enough segments")) == (
        "LTI-Anmeldung abgelehnt: Das Anmelde-Token des LMS ist ungültig (Not enough segments).")
    assert german_refusal(TokenError("id_token issued too long ago.")) == (
        "LTI-Anmeldung abgelehnt: Das Anmelde-Token des LMS ist zu alt. Öffnen Sie die Aktivität im Kurs erneut.")


def test_system_user_names_are_prefixed_and_at_most_32_characters():
    assert system_user_name("1234567") == "jh-1234567"
    long = system_user_name("a" * 40)
    assert len(long) == 32 and long.startswith("jh-aaaa") and long != system_user_name("a" * 39 + "b")
    assert system_user_name("a" * 40) == long


def test_the_material_link_and_the_lti_tool_url_lead_to_the_same_pull():
    link = pull_link("https://jupyter.uni.de/", "https://git.uni.de/ls/ag strafrecht.git", "main", None,
                     "exercises/e01.ipynb")
    parts = urlsplit(link)
    assert parts.path == "/hub/user-redirect/git-pull"
    assert parse_qs(parts.query) == {"repo": ["https://git.uni.de/ls/ag strafrecht.git"], "branch": ["main"],
                                     "targetpath": ["ag strafrecht"],
                                     "urlpath": ["lab/tree/ag strafrecht/exercises/e01.ipynb"]}
    tool = lti_tool_url("https://jupyter.uni.de", link)
    assert tool.startswith("https://jupyter.uni.de/hub/?next=%2Fhub%2Fuser-redirect%2Fgit-pull%3Frepo%3D")
    # What jupyterhub-ltiauthenticator does with the Tool-URL: the text after next=, unquoted once.
    assert "https://jupyter.uni.de" + unquote(tool.split("next=", 1)[1]) == link
    with pytest.raises(LinkError) as caught:
        pull_link("https://jupyter.uni.de", "https://git.uni.de/k.git", folder="../x")
    assert str(caught.value) == "ungültiger Zielordner '../x' (erwartet ein Ordnername im Home, z. B. kurs)"
    with pytest.raises(LinkError) as caught:
        pull_link("jupyter.uni.de", "https://git.uni.de/k.git")
    assert str(caught.value) == "Hub-Adresse 'jupyter.uni.de' ist keine URL (erwartet https://…)"
