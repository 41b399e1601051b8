"""One master source, two audiences: build `exercises/` (students) and `solutions/` (teachers).

Everything is deterministic: notebooks are nbformat 4.5 JSON with sorted keys, no outputs, no
timestamps and cell ids derived from the exercise id and the cell index; the same master files
give the same bytes. Nothing under `solution:` of a master file goes into `exercises/`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lawkit._atomic import write_atomic
from lawkit._notebook import Cell, format_notebook, new_notebook
from lawkit.coursework.loading import course_dir, load_exercise
from lawkit.coursework.model import Exercise
from lawkit.errors import LawkitError
from lawkit.exercises.schema import schema_rows
from lawkit.loading.library import Library, default_library
from lawkit.rendering.texts import footnotes

if TYPE_CHECKING:
    from lawkit.grading.reference import Reference, Scenario

GENERATED = "Generiert mit `python -m lawkit.exercises build` aus `{master}` – nicht von Hand ändern."


@dataclass(slots=True)
class BuildReport:
    """What a build or check found: files (relative paths) and problems, one line each."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.differences


def render_course(course: Path | str | None = None, library: Library | None = None
                  ) -> tuple[dict[str, str], list[str]]:
    """Every generated file (relative path → text) and the errors of bad master files.

    A bad master file is reported and skipped; the others are still rendered.
    """
    from lawkit.grading.reference import build_reference

    library = library or default_library()
    base = Path(course) if course is not None else course_dir()
    files: dict[str, str] = {}
    errors: list[str] = []
    exercises: list[Exercise] = []
    if not base.is_dir():
        return files, [f"{base}: diesen Ordner gibt es nicht; erwartet den Ordner der Aufgabendateien "
                       "(course/ oder aufgaben/ des Kursordners)"]
    for path in sorted(base.glob("*.yaml")):
        try:
            exercise = load_exercise(path, library)
            ref = build_reference(exercise, library)
        except LawkitError as exc:
            errors.append(str(exc))
            continue
        exercises.append(exercise)
        files[f"exercises/{exercise.id}.ipynb"] = notebook_json(exercise_cells(exercise, library),
                                                                exercise.id)
        files[f"solutions/{exercise.id}.yaml"] = solution_yaml(exercise, ref)
        files[f"solutions/{exercise.id}.ipynb"] = notebook_json(
            solution_cells(exercise, ref, library), f"{exercise.id}-loesung")
    files["exercises/README.md"] = exercises_readme(exercises, base.name)
    return files, errors


def _rendered(course: Path | str | None, out: Path | str | None, library: Library | None
              ) -> tuple[Path, Path, dict[str, str], BuildReport]:
    """The course folder, the output root (default: the folder that holds `course/`), the files
    a fresh build gives, and a report holding the master files that could not be built."""
    base = Path(course) if course is not None else course_dir()
    root = Path(out) if out is not None else base.resolve().parent
    files, errors = render_course(base, library)
    return base, root, files, BuildReport(errors=errors)


def build(course: Path | str | None = None, out: Path | str | None = None,
          library: Library | None = None) -> BuildReport:
    """Write the generated files under `out` (default: the folder that holds `course/`).

    All or nothing: if any master file cannot be built, nothing is written (not even
    exercises/README.md), so that the folder never mixes a new build with an old one."""
    _, root, files, report = _rendered(course, out, library)
    if report.errors:
        return report
    for relative, text in files.items():
        target = root / relative
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            report.unchanged.append(relative)
            continue
        try:
            write_atomic(target, text, private=False)
        except OSError as exc:
            report.errors.append(f"{target}: cannot write ({exc.strerror or exc})")
            continue
        report.written.append(relative)
    return report


def check_built(course: Path | str | None = None, out: Path | str | None = None,
                library: Library | None = None) -> BuildReport:
    """Compare the files on disk with a fresh build; list stale, missing and extra files."""
    base, root, files, report = _rendered(course, out, library)
    for relative, text in files.items():
        target = root / relative
        if not target.is_file():
            report.differences.append(f"{relative}: missing; run `lawkit exercises build`")
        elif target.read_text(encoding="utf-8") != text:
            report.differences.append(f"{relative}: differs from its master file; run "
                                      "`lawkit exercises build`")
        else:
            report.unchanged.append(relative)
    masters = {path.stem for path in base.glob("*.yaml")}  # a broken master is an error above
    for folder, pattern in (("exercises", "*.ipynb"), ("solutions", "*.ipynb"), ("solutions", "*.yaml")):
        for path in sorted((root / folder).glob(pattern)):
            relative = f"{folder}/{path.name}"
            if relative not in files and path.stem not in masters:
                report.differences.append(f"{relative}: no master file course/{path.stem}.yaml; "
                                          "remove it or restore the master file")
    return report


# -- notebooks --------------------------------------------------------------------------------

def notebook_json(cells: Iterable[Cell], prefix: str) -> str:
    """An output-free nbformat 4.5 notebook with fixed cell ids `<prefix>-<index>`."""
    return format_notebook(new_notebook(cells, prefix))


def _sources_markdown(exercise: Exercise, library: Library) -> str:
    lines = []
    for source in exercise.sources:
        seed = library.seeds.get(source.seed or "")
        title = seed.title if seed is not None else source.seed
        lines.append(f"- {title}, {source.at}")
    return "\n".join(lines)


def exercise_cells(exercise: Exercise, library: Library) -> list[Cell]:
    """The student notebook: task, how-to, and the one-line answer form. No solution content."""
    cells: list[Cell] = [
        ("markdown", f"# Übung: {exercise.title}\n\n"
                     f"**Übung** `{exercise.id}` · **Niveau:** {exercise.level}"),
        ("markdown", f"## Sachverhalt\n\n{exercise.sachverhalt}"),
        ("markdown", f"## Fallfrage\n\n{exercise.fallfrage}"),
        ("markdown", f"## Bearbeitervermerk\n\n{exercise.bearbeitervermerk}"),
    ]
    if exercise.sources:
        cells.append(("markdown", "## Material\n\nDie Übung beruht auf diesen Stellen der "
                                  f"Quellen des Arbeitsbuchs:\n\n{_sources_markdown(exercise, library)}"))
    cells += [
        ("markdown", HOW_TO.format(id=exercise.id)),
        ("code", f'from lawkit.exercises import answer_form\n\nanswer_form("{exercise.id}")'),
        ("markdown", EDITOR.format(id=exercise.id)),
        ("code", f'from lawkit.exercises import gutachten_editor\n\ngutachten_editor("{exercise.id}")'),
    ]
    return cells


HOW_TO = """\
## So geben Sie Ihre Lösung ab

Sie können Ihre Lösung auf zwei Wegen abgeben: im **Antwortformular** (Normen und Merkmale mit
ihren Ergebnissen) oder als **Gutachten** im Editor weiter unten. Beide werden nach denselben
Regeln bewertet; geben Sie je Übung nur eine Antwort ab.

### Das Antwortformular

1. Lesen Sie Sachverhalt, Fallfrage und Bearbeitervermerk genau.
2. Führen Sie die Zelle unten aus (Umschalt + Enter). Es erscheint das Antwortformular.
3. Tragen Sie Ihre Matrikelnummer ein und wählen Sie die Normen, die Sie prüfen – in der
   Reihenfolge, in der Sie sie prüfen. Welche Normen zu prüfen sind, ist Teil der Aufgabe.
4. Geben Sie für jede gewählte Norm das Ergebnis an, für die Merkmale des Prüfungsschemas deren
   Ergebnis (oder „kann dahinstehen“) und begründen Sie Ihr Ergebnis; zitieren Sie die Normen.
   Danach: die Konkurrenzen (welche Norm tritt hinter welche zurück?) und das Gesamtergebnis.
5. Klicken Sie auf „Antwort speichern“. Ihre Antwort steht dann in `answers/{id}.json`. Führen
   Sie das Notebook später erneut aus, lädt das Formular die gespeicherte Antwort wieder.

Vertretbare Ergebnisse gelten als richtig; wie vollständig eine Bearbeitung ist, bemisst sich
am Bearbeitervermerk (vgl. BVerwG, Beschluss vom 05.03.2018 – 6 B 71.17, Rn. 9 und 11)."""

EDITOR = """\
### Das Gutachten

Schreiben Sie Ihre Lösung als Gutachten: mit Gliederung (A., I., 1., a) …), Obersatz,
Definition, Subsumtion unter den Sachverhalt und Ergebnis; zitieren Sie die Normen. Unter dem
Textfeld sehen Sie, wie viele Wörter Ihr Gutachten hat.

- „Gutachten speichern“ schreibt Ihren Text nach `answers/{id}.md`. Führen Sie das Notebook
  später erneut aus, lädt der Editor das gespeicherte Gutachten wieder.
- „Selbstkontrolle – keine Bewertung“ liest Ihren Text so, wie die Bewertung ihn liest: Sie sehen,
  welche Prüfungspunkte und Ergebnisse erkannt wurden, die Randbemerkungen zur Darstellung und
  welche Punkte des Bearbeitervermerks zu fehlen scheinen – nicht aber die Musterlösung und nicht,
  ob Ihre Ergebnisse richtig sind."""


def solution_cells(exercise: Exercise, ref: Reference, library: Library) -> list[Cell]:
    """The worked solution: Lösungsskizze, Bewertungsschema and the engine's Gutachten, live."""
    solution = exercise.solution
    cells: list[Cell] = [
        ("markdown", f"# Lösung: {exercise.title}\n\n**Übung** `{exercise.id}` · **Niveau:** "
                     f"{exercise.level} · **Fall:** `{exercise.case_id}`\n\n"
                     f"*{GENERATED.format(master=master_name(exercise))}*"),
        ("markdown", f"## Aufgabe\n\n**Fallfrage:** {exercise.fallfrage}\n\n"
                     f"**Bearbeitervermerk:** {exercise.bearbeitervermerk}"),
        ("markdown", f"## Lösungsskizze\n\n{solution.skizze}"),
        ("markdown", _rubric_markdown(exercise, ref, library)),
    ]
    if solution.vertretbar:
        cells.append(("markdown", _vertretbar_markdown(exercise)))
    cells += [
        ("markdown", "## Das Gutachten des Prüfprogramms\n\nDie Zelle prüft den Fall Merkmal für "
                     "Merkmal und schreibt das Gutachten; es ist die Grundlage der Bewertung."),
        ("code", "from lawkit import check, default_library\n\nlibrary = default_library()\n"
                 f'case = library.case("{exercise.case_id}")\ncheck(case, library).gutachten()'),
    ]
    for scenario in ref.scenarios[1:]:
        if not _differs(scenario, ref.base):
            continue  # the Meinungsstreit kann dahinstehen: the Gutachten above says so
        views = ", ".join(f'"{c.dispute.id}": "{c.view.id}"' for c in scenario.choices)
        cells += [
            ("markdown", f"### Nach der anderen Auffassung: {scenario.label}\n\n"
                         "Der Meinungsstreit wird im Gutachten erreicht; auch die Ergebnisse nach "
                         "dieser Auffassung sind vertretbar."),
            ("code", f"check(case, library, views={{{views}}}).gutachten()"),
        ]
    return cells


def _differs(scenario: Scenario, base: Scenario) -> bool:
    """Whether a scenario (another view) changes any norm's result or Rechtsfolge."""
    def outcome(s: Scenario) -> tuple[object, ...]:
        return (tuple(sorted((n, v.result, v.applies) for n, v in s.norms.items())),
                s.displacements, s.applies)
    return outcome(scenario) != outcome(base)


def _rubric_markdown(exercise: Exercise, ref: Reference, library: Library) -> str:
    from lawkit.grading.darstellung import LABELS

    rubric = exercise.solution.rubric
    lines = ["## Bewertungsschema", "",
             f"Anteile je Norm: Ergebnis der Norm {rubric.norm_result:g}, Merkmale "
             f"{rubric.elements:g}, Begründung {rubric.begruendung:g}. Konkurrenzen: "
             f"{rubric.konkurrenzen:g} Punkte, Gesamtergebnis: {rubric.gesamtergebnis:g} Punkte"
             + (f", Darstellung: {rubric.darstellung:g} Punkte ("
                + ", ".join(f"{LABELS[c]} {w:g}" for c, w in rubric.stil) + ")"
                if rubric.darstellung else "")
             + f"; insgesamt {exercise.solution.total_weight:g} Punkte.", "",
             "| Norm | Gewicht | erwartet | vertretbar | Rechtsfolge tritt ein |",
             "|---|---|---|---|---|"]
    base = ref.base
    for required in exercise.solution.required:
        norm = ref.norms[required.norm]
        applies = ["erfüllt" if required.norm in s.applies else "offen" if required.norm in s.open_applies
                   else "nicht erfüllt" for s in ref.scenarios]
        lines.append(f"| {norm.citation} (`{required.norm}`) | {required.weight:g} | "
                     f"{_base(norm.accepted)} | {' / '.join(_ordered(norm.accepted))} | "
                     f"{' / '.join(_ordered(set(applies)))} |")
    if exercise.solution.optional:
        names = ", ".join(f"{library.norm(n).citation.canonical()} (`{n}`)"
                          for n in exercise.solution.optional)
        lines += ["", f"Darf geprüft werden (weder Punkte noch Abzug): {names}."]
    pairs = [(pair, "") for pair in sorted(base.displacements)]
    pairs += [(pair, " (hängt von offenen Tatsachen ab)") for pair in sorted(base.open_displacements)]
    if pairs:
        lines += ["", "Konkurrenzen (Musterlösung):"]
        for (norm_id, yields_to), note in pairs:
            lines.append(f"- {library.norm(norm_id).citation.canonical()} tritt hinter "
                         f"{library.norm(yields_to).citation.canonical()} zurück{note}.")
    applies_text = ", ".join(library.norm(n).citation.canonical() for n in sorted(base.applies)) or "keine"
    lines += ["", f"Gesamtergebnis (Musterlösung) – die Rechtsfolge tritt ein nach: {applies_text}."]
    if base.open_applies:
        open_ = ", ".join(library.norm(n).citation.canonical() for n in sorted(base.open_applies))
        lines.append(f"Offen (hängt von ungeklärten Tatsachen ab): {open_}.")
    return "\n".join(lines)


def _vertretbar_markdown(exercise: Exercise) -> str:
    lines = ["## Vertretbare Ergebnisse über das Prüfprogramm hinaus", ""]
    for ref, entry in exercise.solution.vertretbar.items():
        notes = "; ".join(footnotes(entry.sources)) if entry.sources else ""
        lines.append(f"- `{ref}`: {', '.join(entry.results)}. {entry.because}"
                     + (f" ({notes})" if notes else ""))
    return "\n".join(lines)


def master_name(exercise: Exercise) -> str:
    """The master file as the generated files name it: `course/<id>.yaml`, or `aufgaben/<id>.yaml`
    in a course folder (docs/kurs.md)."""
    folder = Path(exercise.file).parent.name if exercise.file else "course"
    return f"{folder}/{exercise.id}.yaml"


def exercises_readme(exercises: list[Exercise], folder: str = "course") -> str:
    lines = ["# Übungen", "", f"Generiert mit `python -m lawkit.exercises build` aus `{folder}/` – "
             "nicht von Hand ändern.", "",
             "Öffnen Sie eine Übung, lesen Sie Sachverhalt, Fallfrage und Bearbeitervermerk und "
             "speichern Sie Ihre Antwort mit dem Formular am Ende des Notebooks.", "",
             "| Übung | Titel | Niveau |", "|---|---|---|"]
    for exercise in exercises:
        lines.append(f"| [`{exercise.id}`]({exercise.id}.ipynb) | {exercise.title} | {exercise.level} |")
    return "\n".join(lines) + "\n"


# -- the reference as YAML -------------------------------------------------------------------------

RESULT_ORDER = ("erfüllt", "nicht erfüllt", "offen", "kann dahinstehen")


def _ordered(results: Iterable[str]) -> list[str]:
    return sorted(results, key=lambda r: RESULT_ORDER.index(r) if r in RESULT_ORDER else len(RESULT_ORDER))


def _base(accepted: Mapping[str, tuple[int, ...]]) -> str | None:
    """The result of the Musterlösung (scenario 0); None where it does not reach the element."""
    found = [r for r in _ordered(accepted) if 0 in accepted[r]]
    return found[-1] if found else None  # 'kann dahinstehen' before 'offen' for such elements


def solution_yaml(exercise: Exercise, ref: Reference) -> str:
    """The reference result as the grader derives it (lawkit.grading.reference), for teachers."""
    import yaml

    solution = exercise.solution
    weights = {r.norm: r.weight for r in solution.required}
    base = ref.base
    norms = []
    for norm_id, norm in ref.norms.items():
        required = base.norms[norm_id].required if norm_id in base.norms else ()
        elements = {}
        for row in schema_rows(norm.norm):
            element = norm.elements.get(row.element)
            if element is None:
                continue
            elements[row.element] = {
                "label": row.label,
                "result": _base(element.accepted),
                "accepted": _ordered(element.accepted),
                "required": row.element in required,
            }
        norms.append({
            "norm": norm_id,
            "citation": norm.citation,
            "weight": weights.get(norm_id),
            "status": "required" if norm_id in weights else "optional" if norm_id in solution.optional
            else "examined by the case",
            "result": _base(norm.accepted),
            "accepted": _ordered(norm.accepted),
            "grounds": norm.grounds,
            "elements": elements,
        })
    data: dict[str, object] = {
        "exercise": exercise.id,
        "title": exercise.title,
        "case": ref.case.id,
        "rubric": {
            "norm_result": solution.rubric.norm_result,
            "elements": solution.rubric.elements,
            "begruendung": solution.rubric.begruendung,
            "konkurrenzen": solution.rubric.konkurrenzen,
            "gesamtergebnis": solution.rubric.gesamtergebnis,
            **({"darstellung": solution.rubric.darstellung, "stil": dict(solution.rubric.stil)}
               if solution.rubric.darstellung else {}),
            "total": solution.total_weight,
        },
        "norms": norms,
        "scenarios": [
            {
                "label": scenario.label,
                "views": {c.dispute.id: c.view.id for c in scenario.choices},
                "konkurrenzen": [{"norm": n, "yields_to": y} for n, y in sorted(scenario.displacements)],
                "konkurrenzen_open": [{"norm": n, "yields_to": y}
                                      for n, y in sorted(scenario.open_displacements)],
                "applies": sorted(scenario.applies),
                "applies_open": sorted(scenario.open_applies),
            }
            for scenario in ref.scenarios
        ],
        "vertretbar": {
            key: {"results": list(v.results), "because": v.because,
                  "sources": [f"{s.seed}: {s.at}" for s in v.sources]}
            for key, v in solution.vertretbar.items()
        },
    }
    header = (f"# GENERATED from {master_name(exercise)} by `python -m lawkit.exercises build`; "
              "do not edit.\n# The reference result as the grader derives it from the engine "
              "(lawkit.grading.reference, docs/grading-formats.md).\n")
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100,
                          default_flow_style=False)
    return header + body
