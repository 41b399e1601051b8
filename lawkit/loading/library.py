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
from lawkit.loading.yaml_reader import Problems, Reader, read_document
from lawkit.model.case import Case, NormExpectation
from lawkit.model.grammar import DEFAULT_ROLES, role_names, slots
from lawkit.model.norm import Dispute, Element, Norm, Origin, Source
from lawkit.model.suggest import aehnlich

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
                f"unbekannte Norm {norm_id!r}{aehnlich(norm_id, self.norms)}; erwartet eine Norm-ID der "
                "Bibliothek (siehe `lawkit norms`)"
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
                f"die Norm {norm_id!r} hat kein Merkmal {element_id!r}{aehnlich(element_id, known)}; "
                f"erwartet eine Merkmals-ID wie in `lawkit show {norm_id}`"
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
                    f"unbekannter Fall {str(case_id_or_path)!r}"
                    f"{aehnlich(str(case_id_or_path), self.case_files)}; erwartet die ID eines Falls der "
                    "Bibliothek oder des Kursordners oder den Pfad einer Falldatei"
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
    """Everything a case must agree on with the library; every problem is reported together."""
    problems = Problems()
    norm_ids = []
    items = reader["examine"].list()
    reachable: dict[str, list[Element]] = {}
    for item, examination in zip(items, case.examinations, strict=True):
        if examination.norm not in library.norms:
            problems.add(item.error(
                f"unbekannte Norm {examination.norm!r}{aehnlich(examination.norm, library.norms)}; "
                "erwartet eine Norm-ID der Bibliothek (siehe `lawkit norms`)", "norm"))
            continue
        norm_ids.append(examination.norm)
        norm = library.norm(examination.norm)
        reachable[norm.id] = library._reachable(norm)
        roles = {**case.roles, **examination.roles}
        missing_roles = dict.fromkeys(
            name for template in norm_templates_used(norm, reachable[norm.id])
            for name in role_names(template) if name not in roles and name not in DEFAULT_ROLES)
        for name in missing_roles:
            problems.add(item.error(
                f"die Norm {norm.id!r} braucht die Rolle {name!r} (z. B. die geprüfte Person); "
                "erwartet sie unter 'roles' des Falls oder dieses Eintrags"))
        if "conduct" in _placeholders(_obersatz_template(norm)) and examination.conduct is None:
            problems.add(item.error(
                f"die Norm {norm.id!r} ist ein {norm.kind.value}: erwartet 'conduct', das "
                "\"indem …\" ergänzt (was die Person getan hat)"))
    # displaced norms also pull in their dominant norm's questions where a relation asks
    questions = library.questions(norm_ids)
    facts_reader = reader["facts"]
    unknown_norms = len(norm_ids) < len(case.examinations)
    if not unknown_norms:  # with an unknown norm, which facts are asked cannot be known
        _check_asked(case.facts, questions, facts_reader, problems)
    disputes = {e.dispute.id: e.dispute for elements in reachable.values() for e in elements
                if e.dispute is not None}
    known = {norm_id: {e.id for e in elements} for norm_id, elements in reachable.items()}
    variant_readers = reader["variants"].list() if case.variants else []
    for variant, v_reader in zip(case.variants, variant_readers, strict=True):
        if variant.facts and not unknown_norms:
            _check_asked(variant.facts, questions, v_reader["facts"], problems)
        if not unknown_norms:
            _check_views(variant.views, disputes, v_reader, problems)
            _check_expected(variant.expected, known, v_reader, problems)
    if not unknown_norms:
        _check_expected(case.expected, known, reader, problems)
    for question in (q for k, q in questions.items() if k not in case.facts):
        problems.add(facts_reader.error(
            f"keine Antwort auf die Tatsache {question.key!r} ({question.text}), nach der "
            f"{', '.join(question.asked_by)} fragt; erwartet answer: ja, nein oder offen mit einer "
            "note — 'offen' wird nie unterstellt"))
    if not unknown_norms:
        _check_views(case.views, disputes, reader, problems)
    problems.raise_if_any()


def _check_asked(facts: Mapping[str, object], questions: Mapping[str, Question],
                 reader: Reader, problems: Problems) -> None:
    for key in facts:
        if key not in questions:
            problems.add(reader.error(
                f"keine geprüfte Norm fragt nach der Tatsache {key!r}{aehnlich(key, questions)}; "
                "erwartet nur Tatsachen, nach denen die geprüften Normen fragen",
                key,
            ))


def _check_views(views: Mapping[str, str], disputes: Mapping[str, Dispute],
                 reader: Reader, problems: Problems) -> None:
    for dispute_id, view_id in views.items():
        if dispute_id not in disputes:
            problems.add(reader["views"].error(
                f"keine geprüfte Norm hat den Meinungsstreit {dispute_id!r}"
                f"{aehnlich(dispute_id, disputes)}; erwartet einen Meinungsstreit der geprüften "
                "Normen" + (f" ({', '.join(disputes)})" if disputes else ""),
                dispute_id,
            ))
        elif disputes[dispute_id].view(view_id) is None:
            known = [v.id for v in disputes[dispute_id].views]
            problems.add(reader["views"].error(
                f"der Meinungsstreit {dispute_id!r} hat keine Ansicht {view_id!r}; erwartet eine von "
                + ", ".join(known),
                dispute_id,
            ))


def _check_expected(expected: Mapping[str, NormExpectation], known: Mapping[str, set[str]],
                    reader: Reader, problems: Problems) -> None:
    """Expected results only for examined norms, and only for elements those norms have."""
    for norm_id, expectation in expected.items():
        if norm_id not in known:
            problems.add(reader["expected"].error(
                f"der Fall prüft {norm_id!r} nicht{aehnlich(norm_id, known)}; erwartet Ergebnisse "
                "nur für geprüfte Normen", norm_id))
            continue
        for element_id in expectation.elements:
            if element_id not in known[norm_id]:
                problems.add(reader["expected"][norm_id]["elements"].error(
                    f"die Norm {norm_id!r} hat kein Merkmal {element_id!r}"
                    f"{aehnlich(element_id, known[norm_id])}; erwartet eine Merkmals-ID wie in "
                    f"`lawkit show {norm_id}`",
                    element_id))


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
    """Load every norm under `directory`/norms (plus extra norm files) and check them together;
    every problem of every file is reported together."""
    base = Path(directory) if directory is not None else DATA_DIR
    if not base.is_dir():
        raise LawkitError(f"{base}: diesen Ordner gibt es nicht; erwartet einen Bibliotheksordner mit "
                          "norms/*.yaml (und cases/*.yaml)")
    if not (base / "norms").is_dir() or not any((base / "norms").glob("*.yaml")):
        raise LawkitError(f"{base}: der Ordner enthält keine Normen; erwartet einen Bibliotheksordner "
                          "mit norms/*.yaml (und cases/*.yaml)")
    seeds = _load_seeds(base / "seeds.yaml")
    problems = Problems()
    norms = read_norm_files([*sorted((base / "norms").glob("*.yaml")), *extra], {}, problems)
    problems.raise_if_any()
    case_files = {p.stem: p for p in sorted((base / "cases").glob("*.yaml"))}
    library = Library(MappingProxyType(norms), MappingProxyType(seeds), MappingProxyType(case_files))
    check_library(library)
    return library


def read_norm_files(paths: Iterable[Path], known: Mapping[str, Norm], problems: Problems,
                    where: str = "") -> dict[str, Norm]:
    """Read norm files into a dict by id; a file that fails or whose id is taken (by `known` or
    an earlier file) is noted in `problems` and skipped."""
    norms: dict[str, Norm] = {}
    for path in paths:
        norm = problems.attempt(load_norm, path)
        if norm is None:
            continue
        taken = known.get(norm.id) or norms.get(norm.id)
        if taken is not None:
            doc_line = read_document(path).lines.get("id")
            problems.add(AuthoringError(
                str(path), "id",
                f"die Norm-ID {norm.id!r} ist schon vergeben{where}: {taken.file}; erwartet eine "
                "eigene ID (z. B. mit einem Präfix des Kurses)", doc_line))
            continue
        norms[norm.id] = norm
    return norms


def _load_seeds(path: Path) -> dict[str, Seed]:
    if not path.exists():
        return {}
    reader = read_document(path).reader()
    seeds = {}
    for item in reader.mapping(required=("seeds",))["seeds"].list(what="seed documents"):
        item.mapping(required=("id", "title", "file"))
        seeds[item.str("id")] = Seed(item.str("id"), item.str("title"), item.str("file"))
    return seeds


def check_library(library: Library, only: Iterable[str] | None = None) -> None:
    """Verweisungen resolve and do not loop, Konkurrenzen name known norms, Fundstellen name
    known seeds, and a fact key means the same question everywhere. `only`: check just these
    norms (against all). Every problem is reported together."""
    problems = Problems()
    questions: dict[str, tuple[str, str]] = {}
    checked = set(library.norms if only is None else only)
    for norm in library.norms.values():
        file = norm.file or norm.id
        for i, relation in enumerate(norm.relations):
            if norm.id in checked and relation.yields_to not in library.norms:
                problems.add(AuthoringError(
                    file, f"relations[{i}].yields_to",
                    f"unbekannte Norm {relation.yields_to!r}"
                    f"{aehnlich(relation.yields_to, library.norms)}; erwartet eine Norm-ID der "
                    "Bibliothek (siehe `lawkit norms`)",
                ))
        for element in norm.elements():
            if element.ref is not None and norm.id in checked:
                try:
                    library.resolve(element.ref)
                except LawkitError as exc:
                    problems.add(_at(element.origin, file, str(exc)))
            if element.fact is not None:
                text = element.question or ""
                first = questions.setdefault(element.fact, (text, norm.id))
                if first[0] != text and norm.id in checked:
                    problems.add(_at(
                        element.origin, file,
                        f"die Tatsache {element.fact!r} wird hier als {text!r} gefragt, in "
                        f"{first[1]!r} aber als {first[0]!r}; erwartet eine Fassung je Tatsache",
                    ))
            if norm.id in checked:
                for source in element.sources:
                    problems.attempt(_check_source, library, file, source)
        if norm.id in checked:
            for source in norm.sources:
                problems.attempt(_check_source, library, file, source)
    problems.raise_if_any()
    for norm in library.norms.values():
        if norm.id in checked:
            _check_no_cycle(library, norm, (norm.id,))


def _at(origin: Origin | None, file: str, problem: str) -> AuthoringError:
    if origin is None:
        return AuthoringError(file, "", problem)
    return AuthoringError(origin.file, origin.path, problem, origin.line)


def _check_source(library: Library, file: str, source: Source) -> None:
    if source.seed is not None and library.seeds and source.seed not in library.seeds:
        raise _at(
            source.origin, file,
            f"unbekannte Quelle {source.seed!r}{aehnlich(source.seed, library.seeds)}; erwartet eine "
            "von " + ", ".join(library.seeds),
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


def default_library() -> Library:
    """The library in use: the shipped one, with the course folder (Kursordner) layered over it
    where one is in use (`--kurs DIR`, LAWKIT_KURS or the working directory; docs/kurs.md)."""
    from lawkit.loading.kurs import find_kurs, kurs_library

    kurs = find_kurs()
    return shipped_library() if kurs is None else kurs_library(kurs)


@cache
def shipped_library() -> Library:
    """The shipped library alone (loaded once per process)."""
    return load_library()
