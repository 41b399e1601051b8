"""The lecturer's course folder (Kursordner), layered over the shipped library.

A Kursordner is a folder holding `kurs.yaml` (the name of the course) and any of

    norms/*.yaml     own norms (may refer to shipped norms; shipped norms never refer to them)
    cases/*.yaml     own cases (the file name is the case id)
    aufgaben/*.yaml  own exercise masters (may name an own case or a shipped one)

Which Kursordner is in use is decided here and only here (docs/kurs.md):

1. the one chosen explicitly: `lawkit … --kurs DIR`, or `use_kurs(DIR)` in a notebook;
2. else the environment variable LAWKIT_KURS;
3. else the working directory or the nearest folder above it that holds `kurs.yaml`.

Without any, the shipped library is used alone. Own ids must not clash with shipped ids (an error
naming both files).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from lawkit.errors import AuthoringError, LawkitError
from lawkit.loading.yaml_reader import Problems, read_document

if TYPE_CHECKING:
    from lawkit.loading.library import Library

KURS_FILE = "kurs.yaml"
ENV_VAR = "LAWKIT_KURS"
NORMS = "norms"
CASES = "cases"
AUFGABEN = "aufgaben"
KURS_KEYS_REQUIRED = ("name",)
KURS_KEYS_OPTIONAL = ("dozent", "semester", "beschreibung")

_chosen: Path | None = None


@dataclass(frozen=True, slots=True)
class Kurs:
    """A course folder: its root and the name from kurs.yaml."""

    root: Path
    name: str
    dozent: str | None = None
    semester: str | None = None

    @property
    def norms_dir(self) -> Path:
        return self.root / NORMS

    @property
    def cases_dir(self) -> Path:
        return self.root / CASES

    @property
    def aufgaben_dir(self) -> Path:
        return self.root / AUFGABEN

    def norm_files(self) -> list[Path]:
        return sorted(self.norms_dir.glob("*.yaml"))

    def case_files(self) -> list[Path]:
        return sorted(self.cases_dir.glob("*.yaml"))

    def exercise_files(self) -> list[Path]:
        return sorted(self.aufgaben_dir.glob("*.yaml"))

    def files(self) -> Iterator[Path]:
        """kurs.yaml and every YAML file of the course, in the order validate reports them."""
        yield self.root / KURS_FILE
        yield from self.norm_files()
        yield from self.case_files()
        yield from self.exercise_files()


def use_kurs(directory: Path | str | None) -> Kurs | None:
    """Choose the course folder for this process and return it (None: back to LAWKIT_KURS and
    the working directory). The CLI's `--kurs DIR` calls this; a notebook may too."""
    global _chosen
    if directory is None:
        _chosen = None
        return None
    kurs = read_kurs(directory)
    _chosen = kurs.root
    return kurs


def find_kurs() -> Kurs | None:
    """The course folder in use (see the module docstring for the rule), or None."""
    if _chosen is not None:
        return read_kurs(_chosen)
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return read_kurs(from_env, origin=f"die Umgebungsvariable {ENV_VAR}")
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / KURS_FILE).is_file():
            return read_kurs(folder)
    return None


def read_kurs(directory: Path | str, origin: str = "") -> Kurs:
    """The course folder at `directory` (its kurs.yaml read and checked)."""
    root = Path(directory).expanduser().resolve()
    named = f" (gesetzt durch {origin})" if origin else ""
    if not root.is_dir():
        raise LawkitError(f"{directory}: diesen Kursordner gibt es nicht{named}; erwartet einen Ordner "
                          f"mit {KURS_FILE} (siehe docs/kurs.md; anlegen mit `lawkit new kurs DIR`)")
    path = root / KURS_FILE
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    known = _READ.get(root)
    if known is not None and stamp is not None and known[0] == stamp:
        return known[1]
    if not path.is_file():
        raise LawkitError(f"{directory}: der Ordner enthält keine Datei {KURS_FILE}{named}; erwartet "
                          f"einen Kursordner mit {KURS_FILE} (name: …), norms/, cases/, aufgaben/ "
                          "(siehe docs/kurs.md)")
    reader = read_document(path).reader()
    reader.mapping(required=KURS_KEYS_REQUIRED, optional=KURS_KEYS_OPTIONAL)
    kurs = Kurs(root, reader.str("name"), reader.opt_str("dozent"), reader.opt_str("semester"))
    if stamp is not None:
        _READ[root] = (stamp, kurs)
    return kurs


_READ: dict[Path, tuple[int, Kurs]] = {}  # kurs.yaml read once per change


def kurs_library(kurs: Kurs, base: Library | None = None) -> Library:
    """The shipped library (or `base`) with the course's norms and cases layered over it.

    Loaded once per state of the course files (a changed or new file is read again)."""
    from lawkit.loading.library import shipped_library

    base = base or shipped_library()
    key = (id(base), kurs.root, _signature(kurs))
    cached = _CACHE.get(kurs.root)
    if cached is not None and cached[0] == key:
        return cached[1]
    library = layer(kurs, base)
    _CACHE[kurs.root] = (key, library)
    return library


_CACHE: dict[Path, tuple[object, Library]] = {}


def _signature(kurs: Kurs) -> tuple[tuple[str, int, int], ...]:
    """What the layered library depends on: the norm files' contents and which case files
    exist (a case file itself is read each time a case is loaded)."""
    out = []
    for path in (*kurs.norm_files(), kurs.norms_dir, kurs.cases_dir):
        try:
            stat = path.stat()
        except OSError:
            continue
        out.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(out)


def layer(kurs: Kurs, base: Library, problems: Problems | None = None) -> Library:
    """Layer the course over `base`: own norms checked against all norms, own case ids unique.

    With `problems`, every problem is noted there and a library of the usable parts is returned;
    without, every problem is raised together."""
    from lawkit.loading.library import Library, check_library, read_norm_files

    own_problems = problems if problems is not None else Problems()
    own = read_norm_files(kurs.norm_files(), base.norms, own_problems, where=" (mitgeliefert)")
    norms = {**base.norms, **own}
    case_files = dict(base.case_files)
    for path in kurs.case_files():
        shipped = base.case_files.get(path.stem)
        if shipped is not None:
            own_problems.add(AuthoringError(
                str(path), "id", f"die Fall-ID {path.stem!r} ist schon vergeben (mitgeliefert): "
                f"{shipped}; erwartet eine eigene ID (Dateiname und id, z. B. mit einem Präfix des "
                "Kurses)", 1))
            continue
        case_files[path.stem] = path
    library = Library(MappingProxyType(norms), base.seeds, MappingProxyType(case_files))
    own_problems.attempt(check_library, library, only=own)
    if problems is None:
        own_problems.raise_if_any()
    return library


def describe_kurs(kurs: Kurs | None) -> str:
    """One line naming the course in use (for CLI output)."""
    if kurs is None:
        return "kein Kursordner (nur die mitgelieferte Bibliothek)"
    return f"Kurs {kurs.name!r} in {kurs.root}"
