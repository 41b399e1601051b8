"""The tool's public key for the LMS registration (LTI Assignment and Grade Services).

    sudo .venv/bin/python deploy/tool_key.py --state-dir deploy/.state            # JWKS (JSON)
    sudo .venv/bin/python deploy/tool_key.py --state-dir deploy/.state --pem      # PEM public key
    sudo .venv/bin/python deploy/tool_key.py --state-dir deploy/.state --jwks-datei tool-jwks.json

The key pair lives in the hub's state folder (lti-tool-key.pem, 0600; the hub creates it at its
first start in LTI mode, this command does if it is missing). The LMS needs only the public part:
as "Keyset URL" the hub's HUB/hub/lti13/jwks (nothing to copy), or pasted as "RSA key" (--pem).
Exit code 0, or 2 with a German message (state folder not readable: run as the hub's user).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ags import KEY_FILE, KEYSET_PATH, AgsError, tool_key

from lawkit._atomic import write_atomic

DEPLOY = Path(__file__).resolve().parent


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="deploy/tool_key.py",
        description="Gibt den öffentlichen Schlüssel des Tools für die Registrierung im LMS aus (Noten "
        f"zurück über LTI AGS). Der private Schlüssel liegt im Zustandsordner ({KEY_FILE}).")
    parser.add_argument("--state-dir", type=Path, default=DEPLOY / ".state",
                        help="Zustandsordner des Hubs (Standard deploy/.state)")
    parser.add_argument("--pem", action="store_true", help="als PEM (Feld „RSA-Schlüssel“) statt als JWKS")
    parser.add_argument("--jwks-datei", type=Path, default=None, metavar="DATEI",
                        help="die JWKS zusätzlich in DATEI schreiben (etwa zum Ablegen auf einem Webserver)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    state = args.state_dir.resolve()
    existed = (state / KEY_FILE).exists()
    try:
        key = tool_key(state)
        jwks = json.dumps(key.jwks(), indent=2) + "\n"
        if args.jwks_datei is not None:
            try:
                write_atomic(args.jwks_datei, jwks, private=False)
            except OSError as exc:
                raise AgsError(f"{args.jwks_datei}: nicht schreibbar ({exc.strerror})") from exc
    except AgsError as exc:
        print(f"tool_key: {exc}", file=sys.stderr)
        return 2
    if not existed:
        print(f"Neuer Schlüssel des Tools angelegt: {key.path} (kid {key.kid})", file=sys.stderr)
    print(f"Schlüsselsatz-URL im LMS: HUB/hub/{KEYSET_PATH} (HUB = öffentliche Adresse des Hubs)",
          file=sys.stderr)
    sys.stdout.write(key.public_pem() if args.pem else jwks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
