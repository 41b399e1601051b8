"""`lawkit new kurs|norm|case|exercise NAME`: write a commented skeleton that validates as written.

Inside a course folder (docs/kurs.md) the file goes to its norms/, cases/ or aufgaben/; elsewhere
into the working directory. Each skeleton names its JSON Schema in the first line, so editors
with the YAML language server complete and check the keys (README, "Editor support").
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from lawkit._atomic import write_atomic
from lawkit.cli import add_kurs_option
from lawkit.errors import LawkitError

if TYPE_CHECKING:
    from lawkit.loading.library import Library

KINDS = ("kurs", "norm", "case", "exercise")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "new", help="legt ein kommentiertes Gerüst an (Kursordner, Norm, Fall oder Aufgabe)")
    parser.add_argument("kind", choices=KINDS, metavar="ART", help="kurs, norm, case oder exercise")
    parser.add_argument("name", metavar="NAME",
                        help="ID der neuen Datei (Kleinbuchstaben, Ziffern, _); bei kurs: der Ordner")
    parser.add_argument("--norm", metavar="ID", help="case: die zu prüfende Norm (Standard: die erste "
                        "eigene Norm des Kurses, sonst stgb_205_1_1)")
    parser.add_argument("--case", metavar="ID", help="exercise: der Fall (Standard: der erste eigene Fall "
                        "des Kurses, sonst bafin_angestellte)")
    parser.add_argument("--force", action="store_true", help="überschreibt eine vorhandene Datei")
    add_kurs_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lawkit.loading.kurs import find_kurs

    if args.kind == "kurs":
        root = Path(args.name)
        target = root / "kurs.yaml"
        _refuse_existing(target, args.force)
        for folder in ("norms", "cases", "aufgaben"):
            (root / folder).mkdir(parents=True, exist_ok=True)
        write_atomic(target, kurs_skeleton(root.resolve().name), private=False)
        print(f"angelegt   {target} (mit norms/, cases/, aufgaben/)")
        return 0
    _check_name(args.name)
    kurs = find_kurs()
    folder = {"norm": "norms", "case": "cases", "exercise": "aufgaben"}[args.kind]
    target = (kurs.root / folder if kurs is not None else Path.cwd()) / f"{args.name}.yaml"
    _refuse_existing(target, args.force)
    if args.kind == "norm":
        text = norm_skeleton(args.name)
    else:
        from lawkit.loading.library import default_library

        library = default_library()
        if args.kind == "case":
            text = case_skeleton(args.name, library, args.norm or _first_own(library, "norms") or
                                 "stgb_205_1_1")
        else:
            text = exercise_skeleton(args.name, library, args.case or _first_own(library, "cases") or
                                     "bafin_angestellte")
    write_atomic(target, text, private=False)
    print(f"angelegt   {target}")
    print(f"prüfen mit: lawkit validate {target}")
    return 0


def _check_name(name: str) -> None:
    from lawkit.loading.yaml_reader import _is_ident

    if not _is_ident(name):
        raise LawkitError(f"{name!r} ist keine gültige ID; erwartet Kleinbuchstaben, Ziffern und "
                          "Unterstriche, beginnend mit einem Buchstaben (z. B. 'kurs_246_1')")


def _refuse_existing(target: Path, force: bool) -> None:
    if target.exists() and not force:
        raise LawkitError(f"{target}: die Datei gibt es schon; erwartet einen neuen Namen (oder --force "
                          "zum Überschreiben)")


def _first_own(library: Library, folder: str) -> str | None:
    from lawkit.loading.kurs import find_kurs

    kurs = find_kurs()
    if kurs is None:
        return None
    if folder == "norms":
        own = [n.id for n in library.norms.values()
               if n.file and Path(n.file).resolve().parent == kurs.norms_dir.resolve()]
        return own[0] if own else None
    own = [stem for stem, path in library.case_files.items()
           if Path(path).resolve().parent == kurs.cases_dir.resolve()]
    return own[0] if own else None


def schema_line(kind: str) -> str:
    """The first line of a skeleton: the YAML language server's pointer to the JSON Schema."""
    from lawkit.authoring.json_schema import schema_path

    return f"# yaml-language-server: $schema={schema_path(kind).as_uri()}\n"


def kurs_skeleton(name: str) -> str:
    return (schema_line("kurs") +
            "# Der Kursordner (docs/kurs.md): eigene Normen in norms/, Fälle in cases/, Aufgaben in\n"
            "# aufgaben/. lawkit findet ihn über --kurs DIR, LAWKIT_KURS oder das Arbeitsverzeichnis.\n"
            f"name: \"{name}\"            # der Name des Kurses (Pflicht)\n"
            "# dozent: \"Prof. Dr. M. Muster\"   # optional\n"
            "# semester: \"WS 2026/27\"          # optional\n")


def norm_skeleton(name: str) -> str:
    return schema_line("norm") + f"""\
# Eine eigene Norm (docs/authoring.md, "Normen"). Ersetzen Sie die Beispieltexte; jede ID ist
# klein geschrieben (a-z, 0-9, _). `lawkit validate` prüft die Datei, `lawkit show {name}` zeigt
# das Prüfungsschema mit den IDs der Merkmale.
id: {name}                         # gleich dem Dateinamen; darf keine mitgelieferte ID sein
citation: § 1 Abs. 1 MusterG       # kanonisch: "§ 203 Abs. 2 S. 1 StGB", "Art. 34 GG"
title: Mustertatbestand
kind: Straftatbestand              # Straftatbestand | Anspruchsgrundlage | Verfahrensvoraussetzung |
                                   # Definitionsnorm | Rechtsbehelf | Verhaltensnorm
wording: >
  Bestraft wird, wer … (der Wortlaut der Norm, gekürzt auf das Geprüfte).
consequence:
  text: Freiheitsstrafe bis zu einem Jahr oder Geldstrafe
# sources: [{{text: "…", seed: ausarbeitung, at: "Fn. 1"}}]   # nur Fundstellen der Seeds
elements:                          # kumulativ (alle müssen erfüllt sein); alternativ: any_of
  - id: tatbestand_{name}
    label: Tatbestand
    positive: Der Tatbestand ist erfüllt.
    negative: Der Tatbestand ist nicht erfüllt.
    open: Ob der Tatbestand erfüllt ist, bleibt offen.
    all_of:
      - id: tathandlung_{name}
        label: Tathandlung
        definition: Tathandlung ist … (die Definition, die das Gutachten voranstellt).
        fact: {name}_tathandlung    # die Frage an den Sachverhalt; der Fall beantwortet sie
        question: Hat der Täter die beschriebene Handlung vorgenommen?
        # Rollen: {{subject:nom}} wird zu "R", {{subject:gen}} zu "der R" usw. (docs/authoring.md)
        obersatz: "{{subject:nom}} müsste die Tathandlung vorgenommen haben."
        positive: "{{subject:nom}} hat die Tathandlung vorgenommen."
        negative: "{{subject:nom}} hat die Tathandlung nicht vorgenommen."
        open: Ob {{subject:nom}} die Tathandlung vorgenommen hat, bleibt offen.
      - id: vorsatz_{name}
        label: Vorsatz
        fact: {name}_vorsatz
        question: Handelte der Täter vorsätzlich?
        positive: "{{subject:nom}} handelte vorsätzlich."
        negative: "{{subject:nom}} handelte nicht vorsätzlich."
        open: Ob {{subject:nom}} vorsätzlich handelte, bleibt offen.
# Weitere Bausteine (docs/authoring.md): ref: "stgb_11_1_2" (Verweisung auf eine Norm der
# Bibliothek), dispute: (Meinungsstreit mit views:), procedural: (Verfolgbarkeit),
# relations: (Konkurrenzen, auch mit condition:).
"""


def case_skeleton(name: str, library: Library, norm_id: str) -> str:
    """A case examining `norm_id`: every question it asks, answered 'offen' with a note to
    replace; every role its phrases need."""
    from lawkit.loading.library import norm_templates_used
    from lawkit.model.grammar import DEFAULT_ROLES, role_names
    from lawkit.model.templates import norm_templates

    norm = library.norm(norm_id)
    questions = library.questions([norm_id])
    roles = dict.fromkeys(r for t in norm_templates_used(norm, library._reachable(norm))
                          for r in role_names(t) if r not in DEFAULT_ROLES)
    obersatz = norm.texts.obersatz or norm_templates(norm.kind)["obersatz"]
    lines = [
        schema_line("case").rstrip("\n"),
        "# Ein eigener Fall (docs/authoring.md, \"Fälle\"). Jede Frage der geprüften Normen braucht",
        "# eine Antwort: ja, nein oder offen – 'offen' wird nie unterstellt. Ersetzen Sie die Texte.",
        _c(f"id: {name}", "gleich dem Dateinamen"),
        "title: Mein Fall",
        "sachverhalt: >",
        "  Der Sachverhalt in wenigen Sätzen (was geschah, wer handelte).",
        "fallfrage: Wie hat sich R strafbar gemacht?",
        _c("roles:", "wie das Gutachten die Beteiligten nennt und beugt"),
    ]
    lines += [_c(f"  {role}: {{name: R, gender: f}}", "gender: f, m oder n") for role in roles] or [
        "  subject: {name: R, gender: f}"]
    lines += [_c("examine:", "die zu prüfenden Normen (IDs: lawkit norms)"), f"  - norm: {norm_id}"]
    if "{conduct}" in obersatz:
        lines.append(_c("    conduct: sie das Schriftstück behielt", "ergänzt \"indem …\""))
    lines += [_c("facts:", "eine Antwort je Frage, mit der Stelle im Sachverhalt")]
    for key, question in questions.items():
        lines += [f"  {key}:    # {question.text}",
                  _c("    answer: offen", "ja | nein | offen"),
                  "    note: \"Was der Sachverhalt dazu sagt (in Anführungszeichen, wenn ein "
                  "Doppelpunkt vorkommt).\""]
    lines += [_c("# views: {streit_id: ansicht_id}", "einer Ansicht eines Meinungsstreits folgen"),
              _c("# variants: [{id: v1, title: …, facts: {…}}]", "Fallvarianten"), ""]
    return "\n".join(lines)


def exercise_skeleton(name: str, library: Library, case_id: str) -> str:
    """An exercise on `case_id`: every examined norm required (weight 1), named in the
    Bearbeitervermerk."""
    case = library.case(case_id)
    norms = [library.norm(e.norm) for e in case.examinations]
    cited = ", ".join(_short(n.citation.parts[0]) for n in norms)
    lines = [
        schema_line("exercise").rstrip("\n"),
        "# Eine eigene Aufgabe (docs/authoring.md, \"Aufgaben\"); `lawkit exercises build` erzeugt",
        "# daraus das Aufgabenblatt (exercises/) und die Lösung (solutions/).",
        _c(f"id: {name}", "gleich dem Dateinamen"),
        "title: Meine Aufgabe",
        _c("level: einführend", "einführend | mittel | examensnah"),
        _c(f"case: {case_id}", "ein Fall der Bibliothek oder des Kurses (cases/)"),
        _c("bearbeitervermerk: |", "nennt jede verlangte Norm"),
        f"  Prüfen Sie {cited}.",
        _c("solution:", "wird den Studierenden nie gezeigt"),
        _c("  required:", "verlangte Normen mit Gewicht"),
    ]
    lines += [f"    - {{norm: {n.id}, weight: 1}}" for n in norms]
    lines += [
        _c("  # optional: [norm_id]", "darf geprüft werden; weder Punkte noch Abzug"),
        _c("  # vertretbar:", "weitere vertretbare Ergebnisse, mit Begründung"),
        "  #   \"norm_id#merkmal_id\": {results: [erfüllt, nicht erfüllt], because: \"…\"}",
        "  skizze: |",
        "    Die Lösungsskizze in ganzen Sätzen.",
        "",
    ]
    return "\n".join(lines)


def _c(code: str, comment: str) -> str:
    """A line of YAML with its comment in the comment column."""
    return f"{code:<35} # {comment}"


def _short(part: object) -> str:
    article = getattr(part, "article", False)
    return f"{'Art.' if article else '§'} {getattr(part, 'number', '')} {getattr(part, 'law', '')}"
