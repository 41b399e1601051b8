"""The tool's side of LTI Assignment and Grade Services (AGS 2.0): scores back into the LMS.

Three pieces, stdlib urllib + PyJWT + cryptography only:

- the tool's own RSA key pair (`tool_key`): created once in the hub's state folder
  (STATE/lti-tool-key.pem, mode 0600), published as a JWKS (the hub serves it at
  HUB/hub/lti13/jwks, `deploy/tool_key.py` prints it or the PEM public key) so the LMS can
  check what the tool signs;
- an access token from the LMS's token endpoint (`request_token`): the OAuth 2.0
  client_credentials grant with a signed JWT as client assertion (RFC 7523; iss = sub = the
  client id, aud = the token endpoint, jti, iat/exp), asking for the score scope;
- one Score per student (`post_score`) to `<lineitem>/scores` with the media type
  application/vnd.ims.lis.v1.score+json (userId = the LTI `sub` of the student's launch).

Errors a lecturer can fix (a key the LMS does not know, AGS switched off, an LMS that cannot be
reached) are `AgsError`s with a German message, never a traceback. deploy/send_grades.py turns a
grades.csv into scores with these pieces.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as _dt
import hashlib
import json
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit, urlunsplit
from urllib.request import Request, urlopen

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from hub import _locked
from jwt.algorithms import RSAAlgorithm

from lawkit._atomic import write_atomic

AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"
SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
KEY_FILE = "lti-tool-key.pem"
"""The tool's private key in the hub's state folder (only root, who runs the hub, reads it)."""
KEYSET_PATH = "lti13/jwks"
"""Where the hub publishes the tool's public key (under HUB/hub/): the LMS's "Keyset URL"."""
TIMEOUT = 30.0
_ASSERTION_LIFETIME = 300
_REFRESH_MARGIN = 60


class AgsError(Exception):
    """Something the lecturer can fix (German message naming what and where)."""


# --- the tool's key ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ToolKey:
    """The tool's RSA key pair; `kid` is the public key's RFC 7638 thumbprint."""

    private: rsa.RSAPrivateKey
    kid: str
    path: Path

    def public_jwk(self) -> dict[str, str]:
        jwk = RSAAlgorithm.to_jwk(self.private.public_key(), as_dict=True)
        return {"kty": "RSA", "n": jwk["n"], "e": jwk["e"], "kid": self.kid, "alg": "RS256", "use": "sig"}

    def jwks(self) -> dict[str, list[dict[str, str]]]:
        """The key set the LMS fetches from the Keyset URL (or the lecturer pastes)."""
        return {"keys": [self.public_jwk()]}

    def public_pem(self) -> str:
        """The public key as PEM, for an LMS's "RSA key" field."""
        return self.private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def _thumbprint(key: rsa.RSAPublicKey) -> str:
    jwk = RSAAlgorithm.to_jwk(key, as_dict=True)
    members = {"e": jwk["e"], "kty": "RSA", "n": jwk["n"]}
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).rstrip(b"=").decode("ascii")


def tool_key(state: Path, *, create: bool = True) -> ToolKey:
    """The tool's key from STATE/lti-tool-key.pem; created there once (0600) if `create`."""
    path = state / KEY_FILE
    if not path.exists():
        if not create:
            raise AgsError(f"{path}: der Schlüssel des Tools fehlt noch. Der Hub legt ihn beim Start im "
                           "LTI-Modus an (oder: python deploy/tool_key.py --state-dir …); danach den "
                           "öffentlichen Teil im LMS eintragen (deploy/README.md, Abschnitt 10).")
        try:
            state.mkdir(parents=True, exist_ok=True)
            with _locked(state / f".{KEY_FILE}.lock"):  # the hub and tool_key.py at once: one key
                if not path.exists():
                    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
                    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                serialization.NoEncryption())
                    write_atomic(path, pem, private=True)
        except OSError as exc:
            raise AgsError(f"{path}: der Schlüssel des Tools kann nicht angelegt werden "
                           f"({exc.strerror})") from exc
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AgsError(f"{path}: der Schlüssel des Tools ist nicht lesbar ({exc.strerror}; "
                       "der Zustandsordner gehört root: sudo?)") from exc
    try:
        private = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise AgsError(f"{path}: kein privater RSA-Schlüssel im PEM-Format (beschädigt?). Datei "
                       "beiseitelegen, neu anlegen lassen und den neuen öffentlichen Schlüssel im LMS "
                       "eintragen.") from exc
    if not isinstance(private, rsa.RSAPrivateKey):
        raise AgsError(f"{path}: erwartet einen RSA-Schlüssel, gefunden {type(private).__name__}")
    return ToolKey(private, _thumbprint(private.public_key()), path)


# --- HTTP ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: bytes

    def text(self, limit: int = 300) -> str:
        text = self.body.decode("utf-8", "replace").strip().replace("\n", " ")
        return text if len(text) <= limit else text[:limit] + " …"

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


def http(method: str, url: str, *, headers: Mapping[str, str], data: bytes | None = None,
         timeout: float = TIMEOUT) -> Answer:
    """One request; an HTTP error status is an Answer, an unreachable server an AgsError."""
    request = Request(url, data=data, method=method, headers=dict(headers))
    try:
        with urlopen(request, timeout=timeout) as response:
            return Answer(response.status, response.read())
    except HTTPError as exc:
        with exc:
            return Answer(exc.code, exc.read())
    except (URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise AgsError(f"{url} ist nicht erreichbar ({reason})") from exc


# --- the access token ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AccessToken:
    value: str
    scopes: frozenset[str]
    expires_at: float

    def fresh(self, now: float) -> bool:
        return now < self.expires_at - _REFRESH_MARGIN


def client_assertion(key: ToolKey, client_id: str, token_url: str, now: float | None = None) -> str:
    """The signed JWT with which the tool proves who it is (RFC 7523, LTI Security Framework)."""
    issued = int(time.time() if now is None else now)
    claims = {"iss": client_id, "sub": client_id, "aud": token_url, "iat": issued,
              "exp": issued + _ASSERTION_LIFETIME, "jti": uuid.uuid4().hex}
    return jwt.encode(claims, key.private, algorithm="RS256", headers={"kid": key.kid})


def request_token(token_url: str, client_id: str, key: ToolKey, scopes: Sequence[str] = (SCORE_SCOPE,),
                  now: float | None = None) -> AccessToken:
    """An access token for `scopes` from the LMS (client_credentials with a client assertion)."""
    body = urlencode({
        "grant_type": "client_credentials",
        "client_assertion_type": ASSERTION_TYPE,
        "client_assertion": client_assertion(key, client_id, token_url, now),
        "scope": " ".join(scopes),
    }).encode("ascii")
    answer = http("POST", token_url, data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
    if answer.status != 200:
        raise AgsError(_token_refusal(token_url, client_id, key, answer))
    try:
        data = answer.json()
        value = data["access_token"]
        lifetime = float(data.get("expires_in", 3600))
    except (ValueError, KeyError, TypeError) as exc:
        raise AgsError(f"{token_url}: die Antwort des LMS enthält kein Zugangstoken "
                       f"({answer.text()})") from exc
    granted = frozenset(str(data.get("scope") or " ".join(scopes)).split())
    missing = [scope for scope in scopes if scope not in granted]
    if missing:
        raise AgsError(f"{token_url}: das LMS hat das Recht, Punkte zu senden, nicht erteilt (erteilt: "
                       f"{' '.join(sorted(granted)) or 'nichts'}; es fehlt {', '.join(missing)}). "
                       "Schalten Sie in der Tool-Registrierung „IMS LTI Assignment and Grade Services“ ein.")
    issued = time.time() if now is None else now
    return AccessToken(str(value), granted, issued + lifetime)


def _token_refusal(token_url: str, client_id: str, key: ToolKey, answer: Answer) -> str:
    code, detail = "", answer.text()
    with contextlib.suppress(ValueError, AttributeError, TypeError):
        data = answer.json()
        code = str(data.get("error") or "")
        detail = str(data.get("error_description") or "") or detail
    head = (f"Das LMS hat die Anmeldung des Tools am Token-Endpunkt {token_url} abgelehnt "
            f"(HTTP {answer.status}")
    head += f", {code}): {detail}." if code else f"): {detail}."
    if code in ("invalid_client", "unauthorized_client") or answer.status == 401:
        return (f"{head} Der öffentliche Schlüssel des Tools (kid {key.kid}) ist im LMS nicht oder anders "
                f"eingetragen, oder die Client-ID {client_id!r} passt nicht zur Registrierung. "
                "Tragen Sie die Schlüsselsatz-URL des Hubs oder den Schlüssel aus "
                "`python deploy/tool_key.py` ein (deploy/README.md, Abschnitt 10).")
    if code == "invalid_scope":
        return (f"{head} Das LMS erlaubt dem Tool keine Punkte: In der Tool-Registrierung "
                "„IMS LTI Assignment and Grade Services“ einschalten.")
    return head


# --- scores ----------------------------------------------------------------------------------


def scores_url(lineitem: str) -> str:
    """`<lineitem>/scores`, with the line item's query kept (Moodle's …/lineitem?type_id=3)."""
    parts = urlsplit(lineitem)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "/scores"))


def score_payload(user_id: str, given: float, maximum: float, comment: str | None = None,
                  when: _dt.datetime | None = None) -> dict[str, Any]:
    """One Score (AGS 2.0, §3.4): final points of a graded exercise."""
    moment = when or _dt.datetime.now(_dt.UTC)
    if moment.tzinfo is None:
        raise ValueError("the score's timestamp needs a time zone offset")
    payload: dict[str, Any] = {
        "userId": user_id,
        "scoreGiven": given,
        "scoreMaximum": maximum,
        "activityProgress": "Completed",
        "gradingProgress": "FullyGraded",
        "timestamp": moment.isoformat(timespec="milliseconds"),
    }
    if comment:
        payload["comment"] = comment
    return payload


def post_score(lineitem: str, token: AccessToken, payload: Mapping[str, Any]) -> Answer:
    """Send one Score; the LMS's answer (2xx accepted, anything else refused) is returned."""
    return http("POST", scores_url(lineitem), data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
                headers={"Authorization": f"Bearer {token.value}", "Content-Type": SCORE_MEDIA_TYPE,
                         "Accept": "application/json"})
