"""`python -m lawkit.exercises build|check [--course DIR] [--out ROOT]` (same as `lawkit exercises`)."""

from __future__ import annotations

import sys

from lawkit.cli import main

if __name__ == "__main__":
    sys.exit(main(["exercises", *sys.argv[1:]]))
