"""The LMS a hub trusts for LTI 1.3 logins: read and check deploy/lti/<plattform>.yaml.

A lecturer (or the faculty's admin) fills in two or three lines from the LMS's tool
registration; everything the LMS type fixes (its endpoints) is derived here:

    platform: moodle                       # moodle | ilias | andere
    lms_url: https://moodle.example-uni.de # Moodle's wwwroot / ILIAS' ILIAS_HTTP_PATH
    client_id: "AbC123xYz"                 # shown by the LMS after registering the tool

`platform: andere` takes every endpoint explicitly (issuer, authorize_url, jwks_url,
token_url). Bad input is reported with the file, the key and what was expected (German),
never as a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#"
"""The LIS membership role vocabulary LTI 1.3 platforms send course roles in."""

DEFAULT_TEACHER_ROLES: tuple[str, ...] = (f"{MEMBERSHIP}Instructor", f"{MEMBERSHIP}Administrator")
"""Course roles that make a hub admin (teacher): Moodle's and ILIAS' course teachers and
course admins arrive as Instructor; tutors (TeachingAssistant) stay students unless listed."""

DEFAULT_USERNAME_CLAIMS: tuple[str, ...] = ("custom_matrikelnummer", "lis_person_sourcedid")
"""Where the Matrikelnummer comes from, first hit wins: the custom parameter the lecturer
registers (`matrikelnummer=$Person.sourcedId` in Moodle) and, as the configured fallback, the
LIS person id (Moodle sends the profile's ID number there)."""

_ENDPOINTS: dict[str, dict[str, str]] = {
    "moodle": {
        "authorize_url": "/mod/lti/auth.php",
        "jwks_url": "/mod/lti/certs.php",
        "token_url": "/mod/lti/token.php",
    },
    "ilias": {
        "authorize_url": "/Modules/LTIConsumer/ltiauth.php",
        "jwks_url": "/Modules/LTIConsumer/lticerts.php",
        "token_url": "/Modules/LTIConsumer/ltitoken.php",
    },
}
PLATFORMS: tuple[str, ...] = (*_ENDPOINTS, "andere")
_KEYS = frozenset({"platform", "lms_url", "issuer", "client_id", "authorize_url", "jwks_url", "token_url",
                   "username_claims", "teacher_roles"})
_CLAIM = re.compile(r"(custom_|lis_|ext_)?[A-Za-z0-9_.-]+")


class LtiSettingsError(Exception):
    """A bad LTI settings file (German message naming file, key and what was expected)."""


@dataclass(frozen=True, slots=True)
class LtiSettings:
    """One LMS registration: what the hub checks every launch against."""

    platform: str
    issuer: str
    client_ids: tuple[str, ...]
    authorize_url: str
    jwks_url: str
    token_url: str
    username_claims: tuple[str, ...] = DEFAULT_USERNAME_CLAIMS
    teacher_roles: tuple[str, ...] = DEFAULT_TEACHER_ROLES


def load_lti_settings(path: Path) -> LtiSettings:
    """Read and check one settings file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LtiSettingsError(f"{path}: nicht lesbar ({exc.strerror})") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", Zeile {mark.line + 1}" if mark is not None else ""
        raise LtiSettingsError(f"{path}{where}: kein gültiges YAML") from exc
    if not isinstance(data, dict):
        raise LtiSettingsError(f"{path}: erwartet eine Zuordnung (platform:, lms_url:, client_id: …)")
    return settings_from_mapping(data, str(path))


def settings_from_mapping(data: dict, source: str) -> LtiSettings:
    """Check a mapping (from YAML) and derive the LMS type's endpoints."""
    unknown = sorted(str(key) for key in data if key not in _KEYS)
    if unknown:
        allowed = ", ".join(sorted(_KEYS))
        raise LtiSettingsError(f"{source}: unbekannter Schlüssel {unknown[0]!r} (erlaubt: {allowed})")
    platform = _text(data, "platform", source)
    if platform not in PLATFORMS:
        raise LtiSettingsError(f"{source}: platform: {platform!r}, erwartet eines von {', '.join(PLATFORMS)}")
    client_ids = _client_ids(data.get("client_id"), source)
    if platform == "andere":
        issuer = _url(data, "issuer", source)
        endpoints = {key: _url(data, key, source) for key in ("authorize_url", "jwks_url", "token_url")}
    else:
        base = _url(data, "lms_url", source).rstrip("/")
        issuer = data["issuer"] if isinstance(data.get("issuer"), str) else base
        endpoints = {key: data.get(key) or base + suffix for key, suffix in _ENDPOINTS[platform].items()}
        for key in endpoints:
            _url({key: endpoints[key]}, key, source)
    claims = _names(data, "username_claims", source, DEFAULT_USERNAME_CLAIMS)
    for claim in claims:
        if not _CLAIM.fullmatch(claim):
            raise LtiSettingsError(
                f"{source}: username_claims: {claim!r} ist kein Claim-Name "
                "(z. B. custom_matrikelnummer, lis_person_sourcedid, ext_user_username, email)")
    roles = _names(data, "teacher_roles", source, DEFAULT_TEACHER_ROLES)
    return LtiSettings(platform, issuer, client_ids, endpoints["authorize_url"], endpoints["jwks_url"],
                       endpoints["token_url"], claims, tuple(_full_role(role) for role in roles))


def _full_role(role: str) -> str:
    """`Instructor` is short for the membership role's URI."""
    return role if ":" in role else MEMBERSHIP + role


def _text(data: dict, key: str, source: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LtiSettingsError(f"{source}: {key}: fehlt oder ist leer (erwartet ein Text)")
    return value.strip()


def _url(data: dict, key: str, source: str) -> str:
    value = _text(data, key, source)
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.fragment:
        raise LtiSettingsError(f"{source}: {key}: {value!r} ist keine URL (erwartet https://…)")
    return value


def _client_ids(value: object, source: str) -> tuple[str, ...]:
    values = [value] if isinstance(value, str | int) else value
    if not isinstance(values, list) or not values or not all(isinstance(v, str | int) and str(v).strip()
                                                              for v in values):
        raise LtiSettingsError(f"{source}: client_id: fehlt (erwartet die Client-ID aus dem LMS, "
                               "oder eine Liste davon)")
    return tuple(str(v).strip() for v in values)


def _names(data: dict, key: str, source: str, default: tuple[str, ...]) -> tuple[str, ...]:
    if key not in data:
        return default
    value = data[key]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise LtiSettingsError(f"{source}: {key}: erwartet eine nicht leere Liste von Texten")
    return tuple(v.strip() for v in value)
