"""A stand-in LTI 1.3 platform (the LMS side) for the hub tests, on 127.0.0.1.

It speaks the real protocol the way Moodle and ILIAS do: it has its own RSA key and publishes it
as a JWKS; a launch starts with the third-party login initiation (iss, login_hint,
target_link_uri, client_id, lti_message_hint, lti_deployment_id) sent to the tool; the tool's
authentication request comes back to /auth (checked: response_type=id_token, scope=openid,
response_mode=form_post, prompt=none, the registered client_id and redirect_uri, a nonce and a
state); the platform answers with a self-submitting form that posts a signed id_token and the
state to the tool. The id_token carries the Assignment and Grade Services claim (the line items
URL), as a platform with AGS switched on sends it.

The test is the browser: it posts the login initiation, follows the redirect and submits the
form. `forge` and `expire` in a user's entry make the platform sign with a foreign key or issue
an expired token, as an attacker or a stale tab would.
"""

from __future__ import annotations

import html
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
AGS_SCOPES = ("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
              "https://purl.imsglobal.org/spec/lti-ags/scope/score")
"""What a platform grants when AGS is switched on for the tool (sent in the launch only)."""


@dataclass
class LmsUser:
    sub: str
    roles: list[str]
    custom: dict[str, str] = field(default_factory=dict)
    lis: dict[str, str] = field(default_factory=dict)
    ext: dict[str, str] = field(default_factory=dict)
    forge: bool = False
    expire: bool = False


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
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

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
            AGS_CLAIM: {"scope": list(AGS_SCOPES), "lineitems": f"{self.url}/lineitems"},
        }
        key = self.foreign_key if user.forge else self.key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": self.kid})

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

        def do_POST(self) -> None:  # the platform accepts no posts: launches only
            platform.log.append(f"POST {urlsplit(self.path).path}")
            self._send(404, '{"error": "not found"}')

    return Handler
