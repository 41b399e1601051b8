"""Master exercise files (`course/<id>.yaml`): read, check against the library, find by id.

Every problem is an AuthoringError naming file:line, the path inside the file and what was
expected, in the same words as `lawkit validate`.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from lawkit.coursework.model import (
    ELEMENT_RESULTS,
    LEVELS,
    NORM_RESULTS,
    STIL_CRITERIA,
    Exercise,
    RequiredNorm,
    Rubric,
    Solution,
    Vertretbar,
)
from lawkit.errors import AuthoringError, LawkitError, UnknownIdError
from lawkit.loading.yaml_reader import Problems, Reader, beschreibe, read_document
from lawkit.model.norm import Source
from lawkit.model.suggest import aehnlich

if TYPE_CHECKING:
    from lawkit.loading.library import Library
    from lawkit.model.case import Case

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
COURSE_DIR = REPO_ROOT / "course"

EXERCISE_KEYS_REQUIRED = ("id", "title", "level", "case", "bearbeitervermerk", "solution")
EXERCISE_KEYS_OPTIONAL = ("sachverhalt", "fallfrage", "sources")
SOLUTION_KEYS_REQUIRED = ("required", "skizze")
SOLUTION_KEYS_OPTIONAL = ("optional", "vertretbar", "rubric")
RUBRIC_SHARES = ("norm_result", "elements", "begruendung")
RUBRIC_WEIGHTS = ("konkurrenzen", "gesamtergebnis", "darstellung")


def course_dir() -> Path:
    """The folder of the exercise masters: `aufgaben/` of the course folder in use (docs/kurs.md),
    else `course/` of the current directory if there is one, else the repository's."""
    from lawkit.loading.kurs import find_kurs

    kurs = find_kurs()
    if kurs is not None:
        return kurs.aufgaben_dir
    here = Path("course")
    return here if here.is_dir() else COURSE_DIR


def load_exercise(path: Path | str, library: Library | None = None, *, text: str | None = None
                  ) -> Exercise:
    """Read one master file and check its ids (case, norms, elements, seeds) against the library."""
    from lawkit.loading.library import default_library

    library = library or default_library()
    reader = read_document(path, text=text).reader()
    problems = Problems()  # every problem of the file is reported together
    reader.mapping(required=EXERCISE_KEYS_REQUIRED, optional=EXERCISE_KEYS_OPTIONAL, problems=problems)
    exercise_id = problems.attempt(reader.ident, "id")
    stem = Path(path).stem
    if text is None and exercise_id is not None and stem != exercise_id:
        problems.add(reader.error(f"die ID {exercise_id!r} weicht vom Dateinamen {stem!r} ab; erwartet, "
                                  "dass die ID dem Dateinamen entspricht", "id"))
    level = problems.attempt(reader.str, "level")
    if level is not None and level not in LEVELS:
        problems.add(reader["level"].error(f"erwartet einen von {', '.join(LEVELS)}, gefunden: "
                                           f"{beschreibe(level)}"))
    title = problems.attempt(reader.str, "title")
    sachverhalt = problems.attempt(reader.opt_str, "sachverhalt")
    fallfrage = problems.attempt(reader.opt_str, "fallfrage")
    sources = problems.attempt(read_seed_sources, reader, library)
    bearbeitervermerk = problems.attempt(reader.str, "bearbeitervermerk")
    case = problems.attempt(_read_case, reader, library)
    solution = problems.attempt(_read_solution, reader["solution"], library, case) if case else None
    if solution is not None and bearbeitervermerk is not None:
        problems.attempt(_check_bearbeitervermerk, reader, bearbeitervermerk, solution, library)
    problems.raise_if_any()
    assert case is not None and solution is not None and exercise_id and level and title
    return Exercise(
        id=exercise_id,
        title=title,
        level=level,
        case_id=case.id,
        sachverhalt=sachverhalt or case.sachverhalt.strip(),
        fallfrage=fallfrage or case.fallfrage.strip(),
        bearbeitervermerk=bearbeitervermerk or "",
        sources=sources or (),
        solution=solution,
        file=str(path) if text is None else None,
    )


def load_course(directory: Path | str | None = None, library: Library | None = None
                ) -> dict[str, Exercise]:
    """Every `*.yaml` of the course folder by id, in file-name order (the first problem raises)."""
    base = Path(directory) if directory is not None else course_dir()
    if not base.is_dir():
        raise AuthoringError(str(base), "", "diesen Ordner gibt es nicht; erwartet den Ordner mit den "
                                            "Aufgabendateien (course/)")
    return {ex.id: ex for ex in (load_exercise(p, library) for p in sorted(base.glob("*.yaml")))}


def find_exercise(id_or_path: str | Path, directory: Path | str | None = None,
                  library: Library | None = None) -> Exercise:
    """An exercise by id (a file `<id>.yaml` in the course folder) or by the path of its file."""
    text = str(id_or_path)
    path = Path(text)
    if path.suffix in (".yaml", ".yml") or path.is_file():
        return load_exercise(path, library)
    base = Path(directory) if directory is not None else course_dir()
    candidate = base / f"{text}.yaml"
    if candidate.is_file():
        return load_exercise(candidate, library)
    known = sorted(p.stem for p in base.glob("*.yaml"))
    raise UnknownIdError(f"unbekannte Aufgabe {text!r}{aehnlich(text, known)} (keine Datei {candidate}); "
                         f"erwartet eine Aufgaben-ID aus {base} oder den Pfad einer Aufgabendatei")


def read_seed_sources(reader: Reader, library: Library, key: str = "sources") -> tuple[Source, ...]:
    """Fundstellen of the seeds: `{seed: id, at: place}` (optionally with `text`)."""
    if not reader.has(key):
        return ()
    out = []
    for item in reader[key].list(what="Fundstellen"):
        item.mapping(required=("seed", "at"), optional=("text",))
        seed = item.str("seed")
        if library.seeds and seed not in library.seeds:
            raise item["seed"].error(f"unbekannte Quelle {seed!r}{aehnlich(seed, library.seeds)}; "
                                     f"erwartet eine von {', '.join(library.seeds)}")
        at = item.str("at")
        out.append(Source(item.opt_str("text") or at, seed, at, origin=item.origin("seed")))
    return tuple(out)


def _read_case(reader: Reader, library: Library) -> Case:
    case_reader = reader["case"]
    case_id = case_reader.text()
    base = case_id.partition(".")[0]
    if base not in library.case_files:
        raise case_reader.error(f"unbekannter Fall {case_id!r}{aehnlich(base, library.case_files)}; "
                                "erwartet die ID eines Falls der Bibliothek oder des Kursordners "
                                "(cases/) oder 'fall.variante' (siehe docs/kurs.md)")
    try:
        return library.case(case_id)
    except LawkitError as exc:
        raise case_reader.error(str(exc)) from None


def _read_solution(reader: Reader, library: Library, case: Case) -> Solution:
    reader.mapping(required=SOLUTION_KEYS_REQUIRED, optional=SOLUTION_KEYS_OPTIONAL)
    examined = [e.norm for e in case.examinations]
    required: list[RequiredNorm] = []
    for item in reader["required"].list(what="verlangte Normen"):
        item.mapping(required=("norm", "weight"))
        norm_id = _norm_id(item["norm"], library)
        if norm_id not in examined:
            raise item["norm"].error(f"der Fall {case.id!r} prüft {norm_id!r} nicht; erwartet eine von "
                                     f"{', '.join(examined)} (die Musterlösung ist die Prüfung des Falls)")
        if norm_id in (r.norm for r in required):
            raise item["norm"].error(f"die Norm {norm_id!r} ist zweimal verlangt; erwartet jede Norm einmal")
        required.append(RequiredNorm(norm_id, _number(item["weight"], positive=True)))
    optional: list[str] = []
    if reader.has("optional"):
        for item in reader["optional"].list(non_empty=False, what="Norm-IDs"):
            norm_id = _norm_id(item, library)
            if norm_id in optional or norm_id in (r.norm for r in required):
                raise item.error(f"die Norm {norm_id!r} steht schon in der Liste; erwartet jede Norm einmal "
                                 "in required oder optional")
            optional.append(norm_id)
    listed = [*(r.norm for r in required), *optional]
    vertretbar = {}
    if reader.has("vertretbar"):
        for ref, item in reader["vertretbar"].items():
            vertretbar[ref] = _read_vertretbar(ref, item, library, listed)
    return Solution(
        required=tuple(required),
        optional=tuple(optional),
        vertretbar=vertretbar,
        rubric=_read_rubric(reader["rubric"]) if reader.has("rubric") else Rubric(),
        skizze=reader.str("skizze"),
    )


def _norm_id(reader: Reader, library: Library) -> str:
    if not isinstance(reader.value, str):
        raise reader.error(f"erwartet eine Norm-ID, gefunden: {beschreibe(reader.value)}")
    norm_id = reader.text()
    if norm_id not in library.norms:
        raise reader.error(f"unbekannte Norm {norm_id!r}{aehnlich(norm_id, library.norms)}; erwartet eine "
                           "Norm-ID der Bibliothek (siehe `lawkit norms`)")
    return norm_id


def _number(reader: Reader, *, positive: bool = False) -> float:
    value = reader.value
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise reader.error(f"erwartet eine Zahl, gefunden: {beschreibe(value)}")
    if value < 0 or (positive and value == 0):
        raise reader.error(f"erwartet eine Zahl {'über' if positive else 'von mindestens'} 0, gefunden: "
                           f"{value}")
    return float(value)


def _read_vertretbar(ref: str, reader: Reader, library: Library, listed: list[str]) -> Vertretbar:
    reader.mapping(required=("results", "because"), optional=("sources",))
    norm_id, _, element_id = ref.partition("#")
    if norm_id not in library.norms:
        raise reader.error(f"unbekannte Norm {norm_id!r}{aehnlich(norm_id, library.norms)}; erwartet "
                           "'norm' oder 'norm#merkmal'")
    if norm_id not in listed:
        raise reader.error(f"die Norm {norm_id!r} ist in dieser Aufgabe weder verlangt noch optional; "
                           "erwartet eine von " + ", ".join(listed))
    allowed = NORM_RESULTS
    if element_id:
        norm = library.norms[norm_id]
        if norm.find(element_id) is None or element_id == norm_id:
            known = [e.id for e in norm.elements()][1:]
            raise reader.error(f"die Norm {norm_id!r} hat kein Merkmal {element_id!r}"
                               f"{aehnlich(element_id, known)}; erwartet eine Merkmals-ID wie in "
                               f"`lawkit show {norm_id}`")
        allowed = ELEMENT_RESULTS
    results = []
    for item in reader["results"].list(what="Ergebnisse"):
        if item.value not in allowed:
            raise item.error(f"erwartet einen von {', '.join(allowed)}, gefunden: {beschreibe(item.value)}")
        if item.value in results:
            raise item.error(f"das Ergebnis {item.value!r} steht zweimal da; erwartet jedes Ergebnis einmal")
        results.append(str(item.value))
    return Vertretbar(ref, tuple(results), reader.str("because"), read_seed_sources(reader, library))


def _read_rubric(reader: Reader) -> Rubric:
    reader.mapping(optional=(*RUBRIC_SHARES, *RUBRIC_WEIGHTS, "stil"))
    defaults = Rubric()
    values = {key: _number(reader[key]) if reader.has(key) else getattr(defaults, key)
              for key in (*RUBRIC_SHARES, *RUBRIC_WEIGHTS)}
    shares = sum(values[key] for key in RUBRIC_SHARES)
    if not math.isclose(shares, 1.0, abs_tol=1e-9):
        raise reader.error(f"norm_result + elements + begruendung ergeben {shares:g}; erwartet 1 "
                           "(es sind Anteile am Gewicht jeder Norm)")
    stil = defaults.stil
    if reader.has("stil"):
        given = reader["stil"]
        given.mapping(optional=STIL_CRITERIA)
        weights = dict(defaults.stil)
        weights.update({key: _number(given[key]) for key in STIL_CRITERIA if given.has(key)})
        if not sum(weights.values()) > 0:
            raise given.error("alle Gewichte der Darstellung sind 0; erwartet mindestens ein Gewicht "
                              "über 0 (oder darstellung: 0, um die Darstellung nicht zu bewerten)")
        stil = tuple((key, weights[key]) for key in STIL_CRITERIA)
    return Rubric(**values, stil=stil)


def _check_bearbeitervermerk(reader: Reader, text: str, solution: Solution, library: Library) -> None:
    """The Bearbeitervermerk must name every required norm (its first provision: § and law)."""
    from lawkit.citations.extract import find_citations
    from lawkit.citations.reference import StatuteRef

    cited = {(hit.ref.article, hit.ref.number, hit.ref.law) for hit in find_citations(text)
             if isinstance(hit.ref, StatuteRef)}
    for required in solution.required:
        first = library.norms[required.norm].citation.parts[0]
        if (first.article, first.number, first.law) not in cited:
            short = f"{'Art.' if first.article else '§'} {first.number} {first.law}"
            raise reader["bearbeitervermerk"].error(
                f"nennt {short} nicht (verlangte Norm {required.norm!r}); erwartet, dass der "
                "Bearbeitervermerk jede Norm nennt, die eine vollständige Lösung prüfen muss")
