"""How a checked case is presented, without evaluation importing rendering.

Evaluation sits below rendering: `CaseResult.gutachten()` and its `_repr_html_` ask the
presenter installed here, and the package `lawkit` (the composition root above every layer)
installs `lawkit.rendering.report.render` when it is first imported. The protocol names what a
presentation offers, so that callers of `CaseResult.gutachten()` are typed without an import
upward.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from lawkit.evaluation.results import CaseResult


class Presentation(Protocol):
    """A rendered case: the Gutachten (or Urteilsstil) in every format, plus the result data."""

    def markdown(self) -> str: ...

    def text(self) -> str: ...

    def html(self, element_id: str = ...) -> str: ...

    def as_dict(self) -> dict[str, object]: ...

    def json(self) -> str: ...

    def render(self, fmt: str) -> str: ...

    def section(self, heading: str) -> Presentation: ...

    def meinungsstreit(self) -> Presentation: ...

    def _repr_html_(self) -> str: ...


Presenter = Callable[["CaseResult", str, str], Presentation]

_presenters: list[Presenter] = []


def present_with(presenter: Presenter) -> None:
    """Install the function that renders a CaseResult (style, level) for `gutachten()`."""
    _presenters[:] = [presenter]


def present(result: CaseResult, style: str, level: str) -> Presentation:
    if not _presenters:
        from lawkit.errors import LawkitError

        raise LawkitError("no renderer is installed: import lawkit (it installs lawkit.render)")
    return _presenters[0](result, style, level)
