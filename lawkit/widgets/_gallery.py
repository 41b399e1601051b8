"""The case gallery ("Fallsammlung"): every case of the library and of the course folder in use,
searchable by norm; picking one opens its workbench.

A new case file in `cases/` of the course folder appears without any code: the gallery lists
whatever the library in use holds (docs/kurs.md). A case file that cannot be loaded is named
with its German error and left out; the others are listed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as w

from lawkit.errors import LawkitError
from lawkit.loading.library import DATA_DIR, Library, default_library

if TYPE_CHECKING:
    from lawkit.widgets._workbench import Workbench

SHIPPED = "Bibliothek"
PLACEHOLDER = "Norm suchen, z. B. § 246 StGB, 203 oder Verwahrungsbruch"


@dataclass(frozen=True, slots=True)
class GalleryEntry:
    """One case as the gallery lists it."""

    case_id: str
    title: str
    norms: tuple[str, ...]  # citations of the examined norms, as the Gutachten cites them
    norm_titles: tuple[str, ...]
    norm_ids: tuple[str, ...]
    source: str  # "Bibliothek" or the name of the course

    @property
    def label(self) -> str:
        return f"{self.title} – {', '.join(self.norms)} [{self.source}]"

    def matches(self, query: str) -> bool:
        """Every word of the query appears in a norm of the case (citation, id or title); the
        paragraph sign and case do not matter."""
        words = _words(query)
        if not words:
            return True
        haystack = " ".join(_words(" ".join((*self.norms, *self.norm_ids, *self.norm_titles))))
        tokens = set(haystack.split())
        return all(word in tokens or (len(word) > 3 and word in haystack) for word in words)


def _words(text: str) -> list[str]:
    return [word for word in re.split(r"[\s§,;()/]+|(?<=\d)\.|_", text.lower()) if word]


def gallery_entries(library: Library) -> tuple[list[GalleryEntry], list[str]]:
    """The cases of the library in use (shipped first, then the course's), and a German line for
    each case file that cannot be loaded."""
    from lawkit.loading.kurs import find_kurs

    kurs = find_kurs()
    entries: list[GalleryEntry] = []
    problems: list[str] = []
    shipped_dir = (DATA_DIR / "cases").resolve()
    for case_id, path in library.case_files.items():
        try:
            case = library.case(case_id)
        except LawkitError as exc:
            problems.append(f"{case_id}: {exc}")
            continue
        norms = [library.norm(e.norm) for e in case.examinations]
        shipped = Path(path).resolve().parent == shipped_dir
        entries.append(GalleryEntry(
            case_id=case_id,
            title=case.title,
            norms=tuple(n.citation.canonical() for n in norms),
            norm_titles=tuple(n.title for n in norms),
            norm_ids=tuple(n.id for n in norms),
            source=SHIPPED if shipped or kurs is None else kurs.name,
        ))
    entries.sort(key=lambda e: (e.source != SHIPPED, e.title.lower()))
    return entries, problems


class Fallsammlung:
    """Search field, the list of cases, and the workbench of the case picked."""

    def __init__(self, library: Library | None = None) -> None:
        self.library = library or default_library()
        self.entries, self.problems = gallery_entries(self.library)
        self.search = w.Text(placeholder=PLACEHOLDER, description="Norm:", continuous_update=True,
                             layout=w.Layout(width="min(640px, 100%)"))
        self.search.add_class("lawkit-gallery-search")
        self.cases = w.Select(options=[], rows=12, layout=w.Layout(width="100%"))
        self.cases.add_class("lawkit-gallery-cases")
        self.count = w.HTML()
        self.count.add_class("lawkit-gallery-count")
        self.bench_box = w.VBox([])
        self.bench_box.add_class("lawkit-gallery-bench")
        self.bench: Workbench | None = None
        self._filter("")
        self.search.observe(lambda change: self._filter(str(change["new"])), names="value")
        self.cases.observe(self._on_pick, names="value")
        notes = "".join(f"<li>{html.escape(p)}</li>" for p in self.problems)
        broken = w.HTML(f'<div class="lawkit-gallery-problems"><strong>Nicht geladen:</strong>'
                        f"<ul>{notes}</ul></div>" if notes else "")
        self.widget = w.VBox([self.search, self.count, self.cases, broken, self.bench_box])
        self.widget.add_class("lawkit-gallery")

    # -- the list ---------------------------------------------------------------------------------
    def visible(self) -> list[GalleryEntry]:
        return [entry for entry in self.entries if entry.matches(self.search.value)]

    def find(self, query: str) -> list[str]:
        """The case ids the search shows for `query` (the field itself is left as it is)."""
        return [entry.case_id for entry in self.entries if entry.matches(query)]

    def _filter(self, query: str) -> None:
        shown = [entry for entry in self.entries if entry.matches(query)]
        picked = self.cases.value
        self.cases.options = [(entry.label, entry.case_id) for entry in shown]
        if picked in {e.case_id for e in shown}:
            self.cases.value = picked
        total = len(self.entries)
        what = "Fall" if len(shown) == 1 else "Fälle"
        self.count.value = (f"{len(shown)} {what}" if not query.strip()
                            else f"{len(shown)} von {total} Fällen zur Suche „{html.escape(query)}“")

    # -- picking a case ---------------------------------------------------------------------------
    def open(self, case_id: str) -> None:
        """Show the workbench of a case (as picking it in the list does)."""
        if case_id not in {e.case_id for e in self.entries}:
            raise LawkitError(f"unbekannter Fall {case_id!r} in der Fallsammlung; erwartet einen von "
                              + ", ".join(e.case_id for e in self.entries))
        if self.cases.value != case_id:
            self.search.value = ""
            self.cases.value = case_id  # the observer opens it
        elif self.bench is None or self.bench.case.id != case_id:
            self._show(case_id)

    def _on_pick(self, change: dict[str, object]) -> None:
        if change["new"]:
            self._show(str(change["new"]))

    def _show(self, case_id: str) -> None:
        from lawkit.widgets._workbench import workbench

        self.bench = workbench(case_id, library=self.library)
        self.bench_box.children = [self.bench.widget]

    # -- display ----------------------------------------------------------------------------------
    def __repr__(self) -> str:
        return f"Fallsammlung: {len(self.entries)} Fälle"

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, object]:
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/plain"] = repr(self)
        return bundle


def fallsammlung(*, library: Library | None = None) -> Fallsammlung:
    """The case gallery over the library in use (with the course folder, docs/kurs.md)."""
    return Fallsammlung(library)


def by_norm(entries: Iterable[GalleryEntry]) -> dict[str, list[str]]:
    """Case titles per norm citation (for a printed overview)."""
    out: dict[str, list[str]] = {}
    for entry in entries:
        for citation in entry.norms:
            out.setdefault(citation, []).append(entry.title)
    return dict(sorted(out.items()))
