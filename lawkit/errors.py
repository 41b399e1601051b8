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

    @property
    def errors(self) -> tuple[AuthoringError, ...]:
        """Every problem this error stands for (one, or several for AuthoringErrors)."""
        return (self,)


class AuthoringErrors(AuthoringError):
    """Several problems of one or more files, found in one pass (`lawkit validate` lists them all).

    It reads as its first problem (file, path, line), and its message lists every problem, one
    per line.
    """

    def __init__(self, errors: list[AuthoringError] | tuple[AuthoringError, ...]) -> None:
        flat = tuple(single for error in errors for single in error.errors)
        if not flat:
            raise ValueError("AuthoringErrors needs at least one error")
        first = flat[0]
        super().__init__(first.file, first.path, first.problem, first.line)
        self._errors = flat
        self.args = ("\n".join(str(e) for e in flat),)

    @property
    def errors(self) -> tuple[AuthoringError, ...]:
        return self._errors

    def __str__(self) -> str:
        return str(self.args[0])


def combined(errors: list[AuthoringError]) -> AuthoringError:
    """One error standing for all: the error itself if it is the only one."""
    flat = [single for error in errors for single in error.errors]
    return flat[0] if len(flat) == 1 else AuthoringErrors(flat)


class UnknownIdError(LawkitError):
    """An id (norm, case, view, fact) that does not exist; the message suggests the nearest."""
