"""Errors that reach users: each says what is wrong, where, and what was expected."""

from __future__ import annotations


class LawkitError(Exception):
    """A user-facing error. Its message is complete; the CLI prints it without a traceback."""


class AuthoringError(LawkitError):
    """A norm, case or exercise file that cannot be used as written.

    The message names the file, the line (where known), the path inside the file
    (e.g. ``elements[2].children[0].fact``) and what was expected.
    """

    def __init__(self, file: str, path: str, problem: str, line: int | None = None) -> None:
        self.file = file
        self.path = path
        self.problem = problem
        self.line = line
        where = file if line is None else f"{file}:{line}"
        super().__init__(f"{where}: {path}: {problem}" if path else f"{where}: {problem}")


class UnknownIdError(LawkitError):
    """An id (norm, case, view, fact) that does not exist; the message suggests the nearest."""
