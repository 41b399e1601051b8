"""The norm library: every norm, cross-checked (Verweisungen, Konkurrenzen, Fundstellen, facts)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType

from lawkit.errors import AuthoringError, LawkitError, UnknownIdError
from lawkit.loading.cases import read_case
from lawkit.loading.norms import read_norm
from lawkit.loading.yaml_reader import Reader, read_document
from lawkit.model.case import Case, NormExpectation
from lawkit.model.grammar import DEFAULT_ROLES, role_names, slots
from lawkit.model.norm import Dispute, Element, Norm, Origin, Source
from lawkit.model.suggest import nearest

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True, slots=True)
class Seed:
    """A source document of the workbook."""

    id: str
    title: str
    file: str


@dataclass(frozen=True, slots=True)
class Question:
    """A question the Sachverhalt must answer, and which norms ask it."""

    key: str
    text: str
    asked_by: tuple[str, ...]  # norm ids


@dataclass(frozen=True)
class Library:
    norms: Mapping[str, Norm]
    seeds: Mapping[str, Seed] = field(default_factory=dict)
    case_files: Mapping[str, Path] = field(default_factory=dict)

    def norm(self, norm_id: str) -> Norm:
        try:
            return self.norms[norm_id]
        except KeyError:
            raise UnknownIdError(
                f"unknown norm {norm_id!r}{nearest(norm_id, self.norms)}"
            ) from None

    def resolve(self, ref: str) -> tuple[Norm, Element]:
        """The norm and element a Verweisung points to ('norm' or 'norm#element')."""
        norm_id, _, element_id = ref.partition("#")
        norm = self.norm(norm_id)
        if not element_id:
            return norm, norm.root
        element = norm.find(element_id)
        if element is None:
            known = [e.id for e in norm.elements()]
            raise UnknownIdError(
                f"norm {norm_id!r} has no element {element_id!r}{nearest(element_id, known)}"
            )
        return norm, element

    def questions(self, norm_ids: Iterable[str] | None = None) -> dict[str, Question]:
        """Every question asked by the given norms (all norms if None), following Verweisungen."""
        ids = list(self.norms) if norm_ids is None else list(norm_ids)
        found: dict[str, tuple[str, list[str]]] = {}
        for norm_id in ids:
            for element in self._reachable(self.norm(norm_id)):
                if element.fact is not None:
                    _, askers = found.setdefault(element.fact, (element.question or "", []))
                    if norm_id not in askers:
                        askers.append(norm_id)
        return {k: Question(k, text, tuple(askers)) for k, (text, askers) in found.items()}

    def _reachable(self, norm: Norm) -> list[Element]:
        """A norm's elements (see Norm.elements) with the elements reached through
        Verweisungen (each referenced element once)."""
        out: list[Element] = list(norm.elements())
        seen_refs: set[str] = set()
        i = 0
        while i < len(out):
            element = out[i]
            i += 1
            if element.ref is not None and element.ref not in seen_refs:
                seen_refs.add(element.ref)
                _, target = self.resolve(element.ref)
                out.extend(target.walk())
        return out

    def case(self, case_id_or_path: str | Path) -> Case:
        """A shipped case by id ('case' or 'case.variant'), or a case file by path, validated."""
        base, dot, variant = str(case_id_or_path).partition(".")
        if dot and base in self.case_files and variant not in ("yaml", "yml"):
            return load_case(self.case_files[base], self).variant(variant)
        path = self.case_files.get(str(case_id_or_path))
        if path is None:
            path = Path(case_id_or_path)
            if not path.exists() and path.suffix not in (".yaml", ".yml"):
                raise UnknownIdError(
                    f"unknown case {str(case_id_or_path)!r}{nearest(str(case_id_or_path), self.case_files)}"
                    " (neither a shipped case id nor an existing file)"
                )
        return load_case(path, self)


def load_case(path: Path | str, library: Library | None = None, *, text: str | None = None) -> Case:
    """Load and validate a case file against the library (the shipped one by default)."""
    library = library or default_library()
    doc = read_document(path, text=text)
    reader = doc.reader()
    case = read_case(reader)
    check_case(case, library, reader)
    return case


def check_case(case: Case, library: Library, reader: Reader) -> None:
    """Everything a case must agree on with the library; the first problem is raised."""
    norm_ids = []
    items = reader["examine"].list()
    reachable: dict[str, list[Element]] = {}
    for item, examination in zip(items, case.examinations, strict=True):
        if examination.norm not in library.norms:
            raise item.error(
                f"unknown norm {examination.norm!r}{nearest(examination.norm, library.norms)}",
                "norm",
            )
        norm_ids.append(examination.norm)
        norm = library.norm(examination.norm)
        reachable[norm.id] = library._reachable(norm)
        roles = {**case.roles, **examination.roles}
        for template in norm_templates_used(norm, reachable[norm.id]):
            for name in role_names(template):
                if name not in roles and name not in DEFAULT_ROLES:
                    raise item.error(
                        f"norm {norm.id!r} needs the role {name!r} (e.g. the person examined); "
                        f"expected it under 'roles' of the case or of this entry"
                    )
        if "conduct" in _placeholders(_obersatz_template(norm)) and examination.conduct is None:
            raise item.error(
                f"norm {norm.id!r} is a {norm.kind.value}: expected 'conduct' completing "
                "\"indem …\" (what the person did)"
            )
    # displaced norms also pull in their dominant norm's questions where a relation asks
    questions = library.questions(norm_ids)
    facts_reader = reader["facts"]
    _check_asked(case.facts, questions, facts_reader)
    disputes = {e.dispute.id: e.dispute for elements in reachable.values() for e in elements
                if e.dispute is not None}
    known = {norm_id: {e.id for e in elements} for norm_id, elements in reachable.items()}
    variant_readers = reader["variants"].list() if case.variants else []
    for variant, v_reader in zip(case.variants, variant_readers, strict=True):
        _check_asked(variant.facts, questions, v_reader["facts"])
        _check_views(variant.views, disputes, v_reader)
        _check_expected(variant.expected, known, v_reader)
    _check_expected(case.expected, known, reader)
    missing = [q for k, q in questions.items() if k not in case.facts]
    if missing:
        first = missing[0]
        more = f" (and {len(missing) - 1} more: {', '.join(q.key for q in missing[1:4])}" + (
            ", …)" if len(missing) > 4 else ")") if len(missing) > 1 else ""
        raise facts_reader.error(
            f"no answer for the fact {first.key!r} ({first.text}) asked by "
            f"{', '.join(first.asked_by)}{more}; expected answer ja, nein or offen with a note "
            "— 'offen' is never assumed"
        )
    _check_views(case.views, disputes, reader)


def _check_asked(facts: Mapping[str, object], questions: Mapping[str, Question],
                 reader: Reader) -> None:
    for key in facts:
        if key not in questions:
            raise reader.error(
                f"no examined norm asks the fact {key!r}{nearest(key, questions)}; "
                "expected only facts the examined norms ask for",
                key,
            )


def _check_views(views: Mapping[str, str], disputes: Mapping[str, Dispute],
                 reader: Reader) -> None:
    for dispute_id, view_id in views.items():
        if dispute_id not in disputes:
            raise reader["views"].error(
                f"no examined norm has the Meinungsstreit {dispute_id!r}"
                f"{nearest(dispute_id, disputes)}",
                dispute_id,
            )
        if disputes[dispute_id].view(view_id) is None:
            known = [v.id for v in disputes[dispute_id].views]
            raise reader["views"].error(
                f"the Meinungsstreit {dispute_id!r} has no view {view_id!r}; expected one of "
                + ", ".join(known),
                dispute_id,
            )


def _check_expected(expected: Mapping[str, NormExpectation], known: Mapping[str, set[str]],
                    reader: Reader) -> None:
    """Expected results only for examined norms, and only for elements those norms have."""
    for norm_id, expectation in expected.items():
        if norm_id not in known:
            raise reader["expected"].error(
                f"the case does not examine {norm_id!r}{nearest(norm_id, known)}; expected "
                "results only for examined norms", norm_id)
        for element_id in expectation.elements:
            if element_id not in known[norm_id]:
                raise reader["expected"][norm_id]["elements"].error(
                    f"norm {norm_id!r} has no element {element_id!r}"
                    f"{nearest(element_id, known[norm_id])}",
                    element_id)


def _placeholders(template: str | None) -> list[str]:
    if not template:
        return []
    return [slot.name for slot in slots(template)]


def norm_templates_used(norm: Norm, reachable: Iterable[Element]) -> list[str]:
    """Every phrase a Gutachten on this norm may fill with roles: the norm's own (or its kind's
    defaults), the Rechtsfolge, and those of all elements it reaches (Verweisungen included)."""
    templates = [t for t in (norm.texts.obersatz, norm.texts.positive, norm.texts.negative,
                             norm.texts.open) if t]
    if norm.consequence is not None and norm.consequence.liable:
        templates.append(norm.consequence.liable)
    for element in reachable:
        templates += [t for t in (element.texts.obersatz, element.texts.positive,
                                  element.texts.negative, element.texts.open) if t]
    return [*templates, *_default_templates(norm)]


def _obersatz_template(norm: Norm) -> str:
    from lawkit.model.templates import norm_templates

    return norm.texts.obersatz or norm_templates(norm.kind)["obersatz"]


def _default_templates(norm: Norm) -> list[str]:
    from lawkit.model.templates import norm_templates

    defaults = norm_templates(norm.kind)
    return [
        getattr(norm.texts, key) or defaults[key]
        for key in ("obersatz", "positive", "negative", "open")
    ]


def load_norm(path: Path | str, *, text: str | None = None) -> Norm:
    """Load one norm file (structure only; see Library for cross-references)."""
    return read_norm(read_document(path, text=text).reader())


def load_library(directory: Path | str | None = None, extra: Iterable[Path] = ()) -> Library:
    """Load every norm under `directory`/norms (plus extra norm files) and check them together."""
    base = Path(directory) if directory is not None else DATA_DIR
    if not base.is_dir():
        raise LawkitError(f"{base}: diesen Ordner gibt es nicht; erwartet einen Bibliotheksordner mit "
                          "norms/*.yaml (und cases/*.yaml)")
    if not (base / "norms").is_dir() or not any((base / "norms").glob("*.yaml")):
        raise LawkitError(f"{base}: der Ordner enthält keine Normen; erwartet einen Bibliotheksordner "
                          "mit norms/*.yaml (und cases/*.yaml)")
    seeds = _load_seeds(base / "seeds.yaml")
    norms: dict[str, Norm] = {}
    files = sorted((base / "norms").glob("*.yaml")) + list(extra)
    for path in files:
        norm = load_norm(path)
        if norm.id in norms:
            raise AuthoringError(
                str(path), "id", f"the norm id {norm.id!r} is already used by {norms[norm.id].file}"
            )
        norms[norm.id] = norm
    case_files = {p.stem: p for p in sorted((base / "cases").glob("*.yaml"))}
    library = Library(MappingProxyType(norms), MappingProxyType(seeds), MappingProxyType(case_files))
    check_library(library)
    return library


def _load_seeds(path: Path) -> dict[str, Seed]:
    if not path.exists():
        return {}
    reader = read_document(path).reader()
    seeds = {}
    for item in reader.mapping(required=("seeds",))["seeds"].list(what="seed documents"):
        item.mapping(required=("id", "title", "file"))
        seeds[item.str("id")] = Seed(item.str("id"), item.str("title"), item.str("file"))
    return seeds


def check_library(library: Library) -> None:
    """Verweisungen resolve and do not loop, Konkurrenzen name known norms, Fundstellen name
    known seeds, and a fact key means the same question everywhere."""
    questions: dict[str, tuple[str, str]] = {}
    for norm in library.norms.values():
        file = norm.file or norm.id
        for i, relation in enumerate(norm.relations):
            if relation.yields_to not in library.norms:
                raise AuthoringError(
                    file, f"relations[{i}].yields_to",
                    f"unknown norm {relation.yields_to!r}{nearest(relation.yields_to, library.norms)}",
                )
        for element in norm.elements():
            if element.ref is not None:
                try:
                    library.resolve(element.ref)
                except LawkitError as exc:
                    raise _at(element.origin, file, str(exc)) from None
            if element.fact is not None:
                text = element.question or ""
                first = questions.setdefault(element.fact, (text, norm.id))
                if first[0] != text:
                    raise _at(
                        element.origin, file,
                        f"the fact {element.fact!r} is asked as {text!r} here but as "
                        f"{first[0]!r} in {first[1]!r}; expected one wording per fact",
                    )
            for source in element.sources:
                _check_source(library, file, source)
        for source in norm.sources:
            _check_source(library, file, source)
    for norm in library.norms.values():
        _check_no_cycle(library, norm, (norm.id,))


def _at(origin: Origin | None, file: str, problem: str) -> AuthoringError:
    if origin is None:
        return AuthoringError(file, "", problem)
    return AuthoringError(origin.file, origin.path, problem, origin.line)


def _check_source(library: Library, file: str, source: Source) -> None:
    if source.seed is not None and library.seeds and source.seed not in library.seeds:
        raise _at(
            source.origin, file,
            f"unknown seed {source.seed!r}{nearest(source.seed, library.seeds)}; expected one of "
            + ", ".join(library.seeds),
        )


MAX_REF_DEPTH = 40  # Verweisungen deeper than this are a mistake (and would exhaust the stack)


def _check_no_cycle(library: Library, norm: Norm, trail: tuple[str, ...]) -> None:
    """No Verweisung leads back to a norm on its own way, and no chain is longer than
    MAX_REF_DEPTH norms. An iterative depth-first walk: a long chain cannot exhaust Python's
    stack, and each norm is walked once."""
    depth: dict[str, int] = {}  # finished norms: the longest chain starting there
    stack: list[tuple[Norm, list[tuple[Element, str]]]] = [(norm, _refs(norm))]
    path = list(trail)
    while stack:
        current, todo = stack[-1]
        if not todo:
            stack.pop()
            finished = path.pop() if path else current.id
            chains = [depth.get(t, 0) for _, t in _refs(current)]
            depth[finished] = 1 + max(chains, default=0)
            if depth[finished] > MAX_REF_DEPTH:
                element = _refs(current)[0][0]
                raise _at(element.origin, current.file or current.id,
                          f"die Kette der Verweisungen ab {current.id} ist länger als {MAX_REF_DEPTH} "
                          "Normen; erwartet kürzere Ketten")
            continue
        element, target = todo.pop()
        if target in path:
            raise _at(element.origin, current.file or current.id,
                      "die Verweisungen laufen im Kreis: " + " → ".join((*path, target)))
        if target in depth:
            continue
        path.append(target)
        stack.append((library.norm(target), _refs(library.norm(target))))


def _refs(norm: Norm) -> list[tuple[Element, str]]:
    return [(e, e.ref.partition("#")[0]) for e in norm.elements() if e.ref is not None]


MAX_REF_DEPTH = 40  # Verweisungen deeper than this are a mistake (and would exhaust the stack)


@cache
def default_library() -> Library:
    """The shipped library (loaded once per process)."""
    return load_library()
