"""A stand-in LTI 1.3 platform (the LMS side) for the hub tests, on 127.0.0.1.

It speaks the real protocol the way Moodle and ILIAS do: it has its own RSA key and publishes it
as a JWKS; a launch starts with the third-party login initiation (iss, login_hint,
target_link_uri, client_id, lti_message_hint, lti_deployment_id) sent to the tool; the tool's
authentication request comes back to /auth (checked: response_type=id_token, scope=openid,
response_mode=form_post, prompt=none, the registered client_id and redirect_uri, a nonce and a
state); the platform answers with a self-submitting form that posts a signed id_token and the
state to the tool. The id_token carries the Assignment and Grade Services claim (the line items
and the activity's line item URL), as a platform with AGS switched on sends it (`ags=False` in a
user's entry: AGS switched off, no claim).

Assignment and Grade Services (the tool sends scores back), as Moodle's token.php and
services.php do it: the tool's public key is registered (`register_tool`: a JWKS, or a keyset URL
fetched at each token request). POST /token takes the client_credentials grant with a JWT client
assertion (RFC 7523) and checks grant_type, client_assertion_type, the assertion's signature
against the tool's keys (kid), aud = the token endpoint, iss = sub = client id, exp/iat, a fresh
jti and the scopes; it answers with a bearer token for the granted scopes. POST
<lineitem>/scores checks the bearer token, its score scope, the media type and the Score's fields,
refuses a userId it does not know, and records the score in `scores[lineitem id]`.

The test is the browser: it posts the login initiation, follows the redirect and submits the
form. `forge` and `expire` in a user's entry make the platform sign with a foreign key or issue
an expired token, as an attacker or a stale tab would.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit
from urllib.request import urlopen

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
AGS_SCOPES = ("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
              "https://purl.imsglobal.org/spec/lti-ags/scope/score")
"""What a platform grants when AGS is switched on for the tool."""
SCORE_SCOPE = AGS_SCOPES[1]
SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
_SCORES_PATH = re.compile(r"^/lineitems/(?P<item>[\w-]+)/lineitem/scores$")


@dataclass
class LmsUser:
    sub: str
    roles: list[str]
    custom: dict[str, str] = field(default_factory=dict)
    lis: dict[str, str] = field(default_factory=dict)
    ext: dict[str, str] = field(default_factory=dict)
    forge: bool = False
    expire: bool = False
    ags: bool = True


class Platform:
    """The stand-in LMS. Start with `with Platform(client_id) as lms:`."""

    def __init__(self, client_id: str, deployment_id: str = "1") -> None:
        self.client_id = client_id
        self.deployment_id = deployment_id
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.foreign_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "lms-key-1"
        self.users: dict[str, LmsUser] = {}
        self.redirect_uris: set[str] = set()
        self.targets: dict[str, str] = {}  # login_hint -> the activity's target_link_uri
        self.log: list[str] = []
        self.tool_jwks: dict[str, Any] | None = None  # the tool's public keys, as registered
        self.tool_jwks_url: str | None = None  # or the tool's keyset URL
        self.access_tokens: dict[str, frozenset[str]] = {}
        self.used_jti: set[str] = set()
        self.scores: dict[str, list[dict[str, Any]]] = {}  # line item id -> the scores received
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        # A short poll interval: shutting the platform down after each test costs 0.05 s, not 0.5 s.
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    def __enter__(self) -> Platform:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- the launch ---------------------------------------------------------------------

    def login_initiation(self, login_hint: str, target_link_uri: str) -> dict[str, str]:
        """The parameters the LMS sends to the tool's OIDC login URL when a user clicks the activity."""
        self.targets[login_hint] = target_link_uri
        return {"iss": self.url, "login_hint": login_hint, "target_link_uri": target_link_uri,
                "client_id": self.client_id, "lti_message_hint": f"resource-{login_hint}",
                "lti_deployment_id": self.deployment_id}

    def id_token(self, user: LmsUser, nonce: str, target_link_uri: str) -> str:
        now = int(time.time())
        iat, exp = (now - 7200, now - 3600) if user.expire else (now, now + 300)
        claims: dict[str, Any] = {
            "iss": self.url, "aud": self.client_id, "sub": user.sub, "iat": iat, "exp": exp,
            "nonce": nonce, "name": f"Person {user.sub}",
            CLAIM + "version": "1.3.0",
            CLAIM + "message_type": "LtiResourceLinkRequest",
            CLAIM + "deployment_id": self.deployment_id,
            CLAIM + "target_link_uri": target_link_uri,
            CLAIM + "resource_link": {"id": "activity-e01", "title": "Übung e01"},
            CLAIM + "context": {"id": "course-7", "label": "AG-STR", "title": "AG Strafrecht"},
            CLAIM + "roles": user.roles,
            CLAIM + "custom": user.custom,
            CLAIM + "lis": user.lis,
            CLAIM + "ext": {"lms": "stand-in", **user.ext},
        }
        if user.ags:
            claims[AGS_CLAIM] = {"scope": list(AGS_SCOPES), "lineitems": f"{self.url}/lineitems",
                                 "lineitem": self.lineitem_url()}
        key = self.foreign_key if user.forge else self.key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": self.kid})

    # --- Assignment and Grade Services ------------------------------------------------------

    @property
    def token_url(self) -> str:
        return f"{self.url}/token"

    def lineitem_url(self, item: str = "e01") -> str:
        """The activity's grade column, addressed the way Moodle does (a query after the path)."""
        return f"{self.url}/lineitems/{item}/lineitem?type_id=1"

    def register_tool(self, jwks: dict[str, Any] | None = None, jwks_url: str | None = None) -> None:
        """What the administrator enters in the tool registration: "RSA key" or "Keyset URL"."""
        self.tool_jwks, self.tool_jwks_url = jwks, jwks_url

    def _tool_keys(self) -> list[dict[str, Any]]:
        if self.tool_jwks_url:
            with urlopen(self.tool_jwks_url, timeout=10) as answer:
                return list(json.load(answer)["keys"])
        return list((self.tool_jwks or {}).get("keys", []))

    def issue_token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        """The token endpoint's decision on a client_credentials request."""
        if form.get("grant_type") != "client_credentials":
            return 400, {"error": "unsupported_grant_type"}
        if form.get("client_assertion_type") != ASSERTION_TYPE or not form.get("client_assertion"):
            return 400, {"error": "invalid_request", "error_description": "client assertion missing"}
        assertion = form["client_assertion"]
        try:
            kid = jwt.get_unverified_header(assertion).get("kid")
        except jwt.InvalidTokenError:
            return 400, {"error": "invalid_request", "error_description": "client assertion is no JWT"}
        jwk = next((k for k in self._tool_keys() if k.get("kid") == kid), None)
        if jwk is None:
            return 401, {"error": "invalid_client", "error_description": f"no registered key with kid {kid}"}
        try:
            claims = jwt.decode(assertion, RSAAlgorithm.from_jwk(jwk), algorithms=["RS256"],
                                audience=self.token_url, options={"require": ["iss", "sub", "aud", "exp", "iat",
                                                                              "jti"]})
        except jwt.InvalidTokenError as exc:
            return 401, {"error": "invalid_client", "error_description": f"{type(exc).__name__}: {exc}"}
        if claims["iss"] != self.client_id or claims["sub"] != self.client_id:
            return 401, {"error": "invalid_client", "error_description": "iss/sub is not the client id"}
        if claims["jti"] in self.used_jti:
            return 401, {"error": "invalid_client", "error_description": "jti used before"}
        self.used_jti.add(claims["jti"])
        requested = form.get("scope", "").split()
        if not requested or any(scope not in AGS_SCOPES for scope in requested):
            return 400, {"error": "invalid_scope"}
        token = secrets.token_urlsafe(24)
        self.access_tokens[token] = frozenset(requested)
        return 200, {"access_token": token, "token_type": "Bearer", "expires_in": 3600, "scope": " ".join(requested)}

    def take_score(self, item: str, authorization: str, content_type: str, body: bytes) -> tuple[int, dict]:
        """The line item's scores endpoint: checks, then records the score."""
        token = authorization[len("Bearer "):] if authorization.startswith("Bearer ") else ""
        if token not in self.access_tokens:
            return 401, {"error": "invalid_token"}
        if SCORE_SCOPE not in self.access_tokens[token]:
            return 403, {"error": "insufficient_scope"}
        if content_type.split(";")[0].strip() != SCORE_MEDIA_TYPE:
            return 415, {"error": f"expected {SCORE_MEDIA_TYPE}, got {content_type!r}"}
        try:
            score = json.loads(body.decode("utf-8"))
            stamp = _dt.datetime.fromisoformat(score["timestamp"])
        except (ValueError, KeyError, TypeError):
            return 400, {"error": "no valid score (JSON with timestamp)"}
        required = {"userId", "activityProgress", "gradingProgress", "timestamp"}
        if not required <= set(score) or stamp.tzinfo is None:
            return 400, {"error": f"score needs {sorted(required)} and a timestamp with offset"}
        if "scoreGiven" in score and not 0 <= score["scoreGiven"] <= score.get("scoreMaximum", -1):
            return 400, {"error": "scoreGiven must lie between 0 and scoreMaximum"}
        if score["userId"] not in {user.sub for user in self.users.values()}:
            return 400, {"error": f"user {score['userId']} is not enrolled in this course"}
        self.scores.setdefault(item, []).append(score)
        return 200, {}

    def jwks(self) -> dict[str, Any]:
        public = RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**public, "kid": self.kid, "alg": "RS256", "use": "sig"}]}


def _handler(platform: Platform) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep the test output clean
            return

        def _send(self, status: int, body: str, content_type: str = "application/json") -> None:
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            platform.log.append(f"GET {url.path}")
            if url.path == "/jwks":
                self._send(200, json.dumps(platform.jwks()))
            elif url.path == "/auth":
                self._authorize({k: v[0] for k, v in parse_qs(url.query).items()})
            else:
                self._send(404, '{"error": "not found"}')

        def _authorize(self, args: dict[str, str]) -> None:
            expected = {"response_type": "id_token", "scope": "openid", "response_mode": "form_post",
                        "prompt": "none", "client_id": platform.client_id}
            wrong = [k for k, v in expected.items() if args.get(k) != v]
            wrong += [k for k in ("redirect_uri", "login_hint", "nonce", "state") if not args.get(k)]
            user = platform.users.get(args.get("login_hint", ""))
            if wrong or user is None:
                self._send(400, json.dumps({"error": "invalid_request", "fields": wrong}))
                return
            platform.redirect_uris.add(args["redirect_uri"])
            token = platform.id_token(user, args["nonce"], platform.targets.get(args["login_hint"], ""))
            form = (f'<form id="launch" method="post" action="{html.escape(args["redirect_uri"])}">'
                    f'<input type="hidden" name="id_token" value="{html.escape(token)}">'
                    f'<input type="hidden" name="state" value="{html.escape(args["state"])}">'
                    "</form><script>document.getElementById('launch').submit()</script>")
            self._send(200, form, "text/html")

        def do_POST(self) -> None:  # the grade services: the token endpoint and the scores
            url = urlsplit(self.path)
            platform.log.append(f"POST {url.path}")
            scores = _SCORES_PATH.match(url.path)
            if url.path == "/token":
                if self.headers.get("Content-Type", "").split(";")[0] != "application/x-www-form-urlencoded":
                    status, answer = 400, {"error": "invalid_request", "error_description": "form expected"}
                else:
                    form = {k: v[0] for k, v in parse_qs(self._body().decode("ascii")).items()}
                    status, answer = platform.issue_token(form)
            elif scores is not None:
                status, answer = platform.take_score(scores.group("item"), self.headers.get("Authorization", ""),
                                                     self.headers.get("Content-Type", ""), self._body())
            else:
                status, answer = 404, {"error": "not found"}
            self._send(status, json.dumps(answer))

    return Handler
