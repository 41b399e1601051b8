"""LTI 1.3 login from Moodle or ILIAS, on top of the real `jupyterhub-ltiauthenticator`.

The upstream authenticator does the protocol: OIDC login initiation, state and nonce cookies,
the id_token's signature against the platform's JWKS, issuer, audience, expiry, nonce and the
required LTI claims. This subclass adds what a law faculty needs:

- the hub user name is the Matrikelnummer: the first of `username_claims` that carries a valid
  name (default: the custom parameter `matrikelnummer`, then the LIS person id). Upstream falls
  back to `sub` (an opaque LMS-internal number) when its one key is missing; here a launch
  without a Matrikelnummer is refused with a message, because a wrong name would put a
  student's work under a number no grade list knows;
- a course role in `teacher_roles` (Instructor, Administrator) makes the user a hub admin, any
  other role a student, on every launch (a teacher's role change takes effect at the next launch);
- refusals say in German what went wrong (expired, forged, wrong LMS, lost cookie);
- the tool's own public key (deploy/ags.py) is published at HUB/hub/lti13/jwks, the "Keyset
  URL" the LMS checks the tool's grade requests (LTI Assignment and Grade Services) against.

Used by deploy/jupyterhub_config.py (local hub) and, mounted with hub.extraFiles, by the
Kubernetes LTI variant (deploy/k8s/values-lti.yaml).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import jwt
from jupyterhub.handlers import BaseHandler
from ltiauthenticator.lti13.auth import LTI13Authenticator
from ltiauthenticator.lti13.error import InvalidAudienceError, LoginError, TokenError, ValidationError
from ltiauthenticator.lti13.handlers import LTI13CallbackHandler
from tornado.web import HTTPError
from traitlets import List, Unicode

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
ROLES_CLAIM = CLAIM + "roles"
_GROUPS = {"custom_": CLAIM + "custom", "lis_": CLAIM + "lis", "ext_": CLAIM + "ext"}
"""`custom_x` is key x of the custom claim (the lecturer's custom parameters), `lis_x` of the
LIS claim (person_sourcedid), `ext_x` of the platform's extension claim (Moodle: user_username)."""

USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,39}$"
"""The classroom's rule for hub user names (deploy/classroom.py): they become folder names."""
_USERNAME = re.compile(USERNAME_PATTERN)

REFUSED = "LTI-Anmeldung abgelehnt: "


def claim_value(token: Mapping[str, Any], key: str) -> str | None:
    """The text at `key` in a decoded id_token, None if absent, empty or an unreplaced variable.

    A platform that cannot fill a substitution variable (a teacher without ID number) sends the
    variable itself, e.g. `$Person.sourcedId`: that is no value.
    """
    data: Any = token
    for prefix, claim in _GROUPS.items():
        if key.startswith(prefix):
            data, key = token.get(claim) or {}, key[len(prefix):]
            break
    value = data.get(key) if isinstance(data, Mapping) else None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip() or value.strip().startswith("$"):
        return None
    return value.strip()


def matrikel_username(token: Mapping[str, Any], keys: Iterable[str]) -> str:
    """The hub user name: the first claim in keys with a valid name (lower-cased)."""
    seen: list[str] = []
    for key in keys:
        value = claim_value(token, key)
        if value is None:
            continue
        name = value.lower()
        if _USERNAME.fullmatch(name):
            return name
        seen.append(f"{key}={value!r}")
    keys = list(keys)
    detail = f"; unbrauchbar: {', '.join(seen)} (erlaubt: {USERNAME_PATTERN})" if seen else ""
    raise LoginError(
        f"{REFUSED}Das LMS hat keine Matrikelnummer übermittelt (gesucht in: {', '.join(keys)}{detail}). "
        "Die Lehrkraft trägt in der Tool-Registrierung den Parameter matrikelnummer=$Person.sourcedId ein "
        "(siehe deploy/README.md)."
    )


def is_teacher(token: Mapping[str, Any], teacher_roles: Iterable[str]) -> bool:
    """True if one of the launch's roles is a teacher role."""
    roles = token.get(ROLES_CLAIM) or []
    if isinstance(roles, str):
        roles = [roles]
    wanted = set(teacher_roles)
    return any(isinstance(role, str) and role in wanted for role in roles)


def german_refusal(exc: Exception) -> str:
    """What the student reads when the platform's id_token is refused."""
    cause = exc.__cause__ or exc.__context__
    if isinstance(cause, jwt.ExpiredSignatureError):
        return (REFUSED + "Das Anmelde-Token des LMS ist abgelaufen. Öffnen Sie die Aktivität im Kurs "
                "erneut (ein Token gilt nur wenige Minuten).")
    if isinstance(cause, jwt.InvalidSignatureError):
        return (REFUSED + "Die Signatur des Anmelde-Tokens ist ungültig: Es wurde nicht mit dem Schlüssel "
                "des eingetragenen LMS signiert (gefälscht oder verändert).")
    if isinstance(cause, jwt.PyJWKClientConnectionError):
        return REFUSED + "Die Schlüssel des LMS (JWKS-Adresse) sind nicht erreichbar; bitte später erneut."
    if isinstance(cause, jwt.PyJWKClientError):
        return (REFUSED + "Das Anmelde-Token ist mit einem Schlüssel signiert, den das eingetragene LMS "
                "nicht veröffentlicht (kid unbekannt).")
    if isinstance(cause, jwt.InvalidIssuerError):
        return REFUSED + "Das Anmelde-Token stammt von einem anderen LMS als dem eingetragenen (iss)."
    if isinstance(cause, jwt.ImmatureSignatureError):
        return REFUSED + "Das Anmelde-Token ist noch nicht gültig (iat/nbf liegt in der Zukunft)."
    if "too long ago" in str(exc):
        return REFUSED + "Das Anmelde-Token des LMS ist zu alt. Öffnen Sie die Aktivität im Kurs erneut."
    return f"{REFUSED}Das Anmelde-Token des LMS ist ungültig ({exc})."


_COOKIE_MESSAGES = {
    "OAuth state missing from cookies": "Das Sitzungs-Cookie der Anmeldung fehlt. Öffnen Sie die Aktivität "
    "im LMS in einem neuen Fenster (nicht eingebettet) und erlauben Sie Cookies für den Hub.",
    "Missing nonce state cookie": "Das Sitzungs-Cookie der Anmeldung fehlt. Öffnen Sie die Aktivität im LMS "
    "in einem neuen Fenster (nicht eingebettet) und erlauben Sie Cookies für den Hub.",
    "OAuth state mismatch": "Die Anmeldung passt nicht zu dieser Browser-Sitzung (state). Öffnen Sie die "
    "Aktivität im LMS erneut.",
    "OAuth nonce mismatch": "Das Anmelde-Token gehört nicht zu dieser Anmeldung (nonce; wiederholt "
    "eingespielt?). Öffnen Sie die Aktivität im LMS erneut.",
}


def _refuse(status: int, message: str) -> HTTPError:
    error = HTTPError(status, message.replace("%", "%%"))
    error.jupyterhub_message = message  # type: ignore[attr-defined]  # shown on the hub's error page
    return error


class LawkitLTI13CallbackHandler(LTI13CallbackHandler):
    """The upstream launch handler with German refusals."""

    def decode_and_validate_launch_request(self) -> dict[str, Any]:
        try:
            return super().decode_and_validate_launch_request()
        except InvalidAudienceError as exc:
            raise _refuse(401, REFUSED + "Das Anmelde-Token ist für eine andere Client-ID ausgestellt "
                               f"(aud); die Registrierung im LMS passt nicht zum Hub ({exc}).") from exc
        except TokenError as exc:
            self.log.warning("LTI 1.3: id_token refused: %s", exc)
            raise _refuse(400, german_refusal(exc)) from exc
        except ValidationError as exc:
            raise _refuse(400, f"{REFUSED}Der Start aus dem LMS ist unvollständig ({exc}).") from exc
        except HTTPError as exc:
            german = _COOKIE_MESSAGES.get(exc.log_message or "")
            if german is None:
                raise
            raise _refuse(exc.status_code, REFUSED + german) from exc

    async def post(self) -> None:
        try:
            await super().post()
        except HTTPError as exc:
            if getattr(exc, "jupyterhub_message", None) or exc.status_code != 400:
                raise
            message = exc.log_message or ""  # a LoginError from get_username, already German
            raise _refuse(400, message if message.startswith(REFUSED) else REFUSED + message) from exc


class ToolKeysetHandler(BaseHandler):
    """The tool's public key as a JWKS (public: the LMS fetches it without a login)."""

    def get(self) -> None:
        from ags import AgsError, tool_key  # deploy/ags.py: only where grades go back (local hub)

        try:
            keyset = tool_key(Path(self.authenticator.tool_key_dir), create=False).jwks()
        except AgsError as exc:
            self.log.error("LTI AGS: %s", exc)
            raise _refuse(500, "Der Schlüssel des Tools ist nicht lesbar (siehe Protokoll des "
                               "Hubs).") from exc
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "max-age=300")
        self.finish(json.dumps(keyset))


class LawkitLTI13Authenticator(LTI13Authenticator):
    """LTI 1.3 from Moodle/ILIAS: user name = Matrikelnummer, LMS teacher role = hub admin."""

    callback_handler = LawkitLTI13CallbackHandler

    username_claims = List(
        Unicode(),
        default_value=["custom_matrikelnummer", "lis_person_sourcedid"],
        config=True,
        help="Claims tried in order for the hub user name (the Matrikelnummer): custom_<param> for a "
        "custom parameter, lis_<key>, ext_<key>, or a top-level claim such as email.",
    )
    teacher_roles = List(
        Unicode(),
        default_value=[
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator",
        ],
        config=True,
        help="LTI role URIs that make the user a hub admin (teacher); every other launch is a student.",
    )

    tool_key_dir = Unicode(
        "",
        config=True,
        help="Folder with the tool's RSA key (lti-tool-key.pem, deploy/ags.py); its public part is served "
        "at /hub/lti13/jwks for the LMS (Keyset URL). Empty: no keyset, no grades back to the LMS.",
    )

    def get_handlers(self, app: Any) -> list[Any]:
        handlers = list(super().get_handlers(app))
        if self.tool_key_dir:  # the keyset needs deploy/ags.py beside this file (not mounted on Kubernetes)
            from ags import KEYSET_PATH

            handlers.append((f"/{KEYSET_PATH}", ToolKeysetHandler))
        return handlers

    def get_username(self, token: dict[str, Any]) -> str:
        return matrikel_username(token, self.username_claims)

    async def authenticate(self, handler: Any, data: dict[str, Any] | None = None) -> dict[str, Any]:
        token = data or {}
        name = self.get_username(token)
        admin = is_teacher(token, self.teacher_roles)
        self.log.info("LTI 1.3: %s logged in as %s", name, "teacher (admin)" if admin else "student")
        return {"name": name, "admin": admin, "auth_state": token}
