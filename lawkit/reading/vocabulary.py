"""Each element's vocabulary: its label, its definition's keywords, and the terms and synonyms
of `lawkit/data/terms/<norm>.yaml` (e.g. "Geheimnisqualität", "Amtsträgereigenschaft",
"Mitteilung an einen Dritten").

A terms file names a norm of the library and only elements (and Meinungsstreit views) that norm
has; `load_vocabularies` checks that and reports a bad file like any authored file (file, line,
path, what was expected).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lawkit.errors import AuthoringError
from lawkit.loading.library import DATA_DIR, Library
from lawkit.loading.yaml_reader import Reader, read_document
from lawkit.model.norm import Element, Norm
from lawkit.model.suggest import aehnlich
from lawkit.reading.lexicon import Phrase, content_keys, phrase

TERMS_DIR = DATA_DIR / "terms"
_PARENS = re.compile(r"\([^)]*\)")


@dataclass(frozen=True, slots=True)
class ElementVocabulary:
    norm: str
    element: str
    label: str
    depth: int  # 0 = top-level Prüfungspunkt
    terms: tuple[Phrase, ...]  # naming it means discussing it
    weak: tuple[Phrase, ...]  # nouns that also appear as mere objects ("das Geheimnis offenbaren"):
    #                           they count in a heading, an Obersatz or before "liegt vor", not alone
    inverse: tuple[Phrase, ...]  # naming them *negated* affirms it ("kein Rechtfertigungsgrund")
    definition: frozenset[str]  # keywords of the library's definition


@dataclass(frozen=True, slots=True)
class NormVocabulary:
    norm: str
    names: tuple[Phrase, ...]  # words that name the norm without citing it ("Amtshaftung")
    elements: tuple[ElementVocabulary, ...]
    views: Mapping[str, tuple[Phrase, ...]]  # view id -> terms naming that Auffassung
    dispute_of: Mapping[str, str]  # element id -> dispute id

    def element(self, element_id: str) -> ElementVocabulary | None:
        for vocab in self.elements:
            if vocab.element == element_id:
                return vocab
        return None


def label_terms(label: str) -> list[str]:
    """ "Tatgegenstand – fremdes Geheimnis" → ["Tatgegenstand", "fremdes Geheimnis"]."""
    text = _PARENS.sub("", label)
    return [part.strip(" ,") for part in re.split(r"\s+[–-]\s+", text) if part.strip(" ,")]


def _depths(norm: Norm) -> dict[str, int]:
    out: dict[str, int] = {}

    def walk(element: Element, depth: int) -> None:
        out.setdefault(element.id, depth)
        for child in element.children:
            walk(child, depth + 1)
        if element.dispute is not None:
            for view in element.dispute.views:
                for child in view.requirement.children:
                    walk(child, depth + 1)

    for child in norm.root.children:
        walk(child, 0)
    for element in norm.procedural:
        walk(element, 0)
    for relation in norm.relations:
        if relation.condition is not None:
            walk(relation.condition, 0)
    return out


def build_vocabulary(norm: Norm, data: Mapping[str, Any] | None) -> NormVocabulary:
    data = data or {}
    entries: Mapping[str, Mapping[str, Any]] = data.get("elements", {})
    depths = _depths(norm)
    elements: list[ElementVocabulary] = []
    seen: set[str] = set()
    disputes: dict[str, str] = {}
    requirements = {v.requirement.id for e in norm.elements() if e.dispute is not None
                    for v in e.dispute.views}
    for element in norm.elements():
        if element.id == norm.root.id or element.id in seen or element.id in requirements:
            continue
        seen.add(element.id)
        if element.dispute is not None:
            disputes[element.id] = element.dispute.id
        entry = entries.get(element.id, {})
        words = [] if entry.get("label") is False else label_terms(element.label)
        words += list(entry.get("terms", ()))
        terms = tuple(dict.fromkeys(phrase(w) for w in words if phrase(w).keys))
        weak = tuple(phrase(w) for w in entry.get("weak", ()))
        terms = tuple(t for t in terms if t not in weak)
        inverse = tuple(phrase(w) for w in entry.get("inverse", ()))
        definition = content_keys(element.definition) if element.definition else frozenset()
        elements.append(ElementVocabulary(norm.id, element.id, element.label,
                                          depths.get(element.id, 0), terms, weak, inverse,
                                          definition))
    names = tuple(phrase(n) for n in [norm.title, *data.get("names", ())])
    view_terms: dict[str, tuple[Phrase, ...]] = {}
    for element in norm.elements():
        if element.dispute is None:
            continue
        for view in element.dispute.views:
            listed = data.get("views", {}).get(view.id, ())
            view_terms[view.id] = tuple(phrase(w) for w in [view.label, *listed])
    return NormVocabulary(norm.id, names, tuple(elements), view_terms, disputes)


def load_vocabularies(library: Library, directory: Path | None = None) -> dict[str, NormVocabulary]:
    """The vocabulary of every norm of the library (with the terms files of `directory`)."""
    directory = directory or TERMS_DIR
    files: dict[str, Mapping[str, object]] = {}
    for path in sorted(directory.glob("*.yaml")):
        norm_id, data = _read_terms(path, library)
        if norm_id in files:
            raise AuthoringError(str(path), "norm", f"a terms file for {norm_id!r} exists already")
        files[norm_id] = data
    return {norm_id: build_vocabulary(norm, files.get(norm_id))
            for norm_id, norm in library.norms.items()}


@cache
def default_vocabularies() -> dict[str, NormVocabulary]:
    from lawkit.loading.library import default_library

    return load_vocabularies(default_library())


def vocabularies_for(library: Library) -> dict[str, NormVocabulary]:
    from lawkit.loading.library import default_library

    if library is default_library():
        return default_vocabularies()
    return _cached_for(library)


_CACHE: dict[int, tuple[Library, dict[str, NormVocabulary]]] = {}


def _cached_for(library: Library) -> dict[str, NormVocabulary]:
    hit = _CACHE.get(id(library))
    if hit is None or hit[0] is not library:
        hit = (library, load_vocabularies(library))
        _CACHE[id(library)] = hit
    return hit[1]


def _read_terms(path: Path, library: Library) -> tuple[str, dict[str, object]]:
    reader = read_document(path).reader()
    reader.mapping(required=("norm",), optional=("names", "elements", "views"))
    norm_id = reader.str("norm")
    if norm_id not in library.norms:
        raise reader["norm"].error(f"unbekannte Norm {norm_id!r}{aehnlich(norm_id, library.norms)}")
    norm = library.norm(norm_id)
    data: dict[str, object] = {"names": _strings(reader, "names")}
    requirements = {v.requirement.id for e in norm.elements() if e.dispute is not None
                    for v in e.dispute.views}
    known = {e.id: e for e in norm.elements() if e.id != norm.root.id and e.id not in requirements}
    elements: dict[str, dict[str, object]] = {}
    if reader.has("elements"):
        section = reader["elements"]
        for element_id, item in section.items():
            if element_id not in known:
                raise section.error(f"die Norm {norm_id!r} hat kein Merkmal {element_id!r}"
                                    f"{aehnlich(str(element_id), known)}", str(element_id))
            item.mapping(optional=("terms", "weak", "inverse", "label"))
            entry: dict[str, object] = {"terms": _strings(item, "terms"),
                                        "weak": _strings(item, "weak"),
                                        "inverse": _strings(item, "inverse")}
            if item.has("label"):
                if item["label"].value is not False:
                    raise item["label"].error(
                        "erwartet 'label: false' (die Bezeichnung weglassen) oder keinen Schlüssel")
                entry["label"] = False
            elements[str(element_id)] = entry
    data["elements"] = elements
    views = {v.id for e in norm.elements() if e.dispute is not None for v in e.dispute.views}
    view_terms: dict[str, list[str]] = {}
    if reader.has("views"):
        section = reader["views"]
        for view_id, _ in section.items():
            if view_id not in views:
                raise section.error(f"die Norm {norm_id!r} hat keine Ansicht {view_id!r} in einem "
                                    "Meinungsstreit"
                                    f"{aehnlich(str(view_id), views)}", str(view_id))
            view_terms[str(view_id)] = _strings(section, str(view_id))
    data["views"] = view_terms
    return norm_id, data


def _strings(reader: Reader, key: str) -> list[str]:
    if not reader.has(key):
        return []
    return [item.text() for item in reader[key].list()]
