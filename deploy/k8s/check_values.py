"""Check values files against the Zero to JupyterHub chart itself, offline (no helm, no cluster).

    python deploy/k8s/check_values.py CHART_DIR deploy/k8s/values.yaml [deploy/k8s/values-lti.yaml …] \
        [--set-file hub.extraFiles.lawkit-lti-auth.stringData=deploy/lti_auth.py]

CHART_DIR holds the chart's `values.yaml` (its defaults) and `values.schema.yaml` (the JSON
schema helm validates against); for this repository that is ../shared/reference/z2jh/ beside
the clone. The files are merged over the defaults in the given order the way helm merges
`--values` files (maps merged key by key, lists and scalars replaced, null deletes a key), and
`--set-file KEY=PATH` sets the text of PATH at the dotted KEY last, as helm's option does. The
result is validated with the schema (Draft 7). Every violation is printed with its path.
Exit code: 0 valid, 1 violations, 2 a file missing or unreadable.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class ValuesError(Exception):
    """A file that cannot be read as YAML (German message with the file)."""


@dataclass(frozen=True, slots=True)
class Violation:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValuesError(f"{path}: nicht lesbar ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise ValuesError(f"{path}: kein gültiges YAML ({exc})") from exc


def merge_values(base: Any, override: Any) -> Any:
    """helm's merge of a values file over the values so far."""
    if not isinstance(base, dict) or not isinstance(override, dict):
        return override
    merged = dict(base)
    for key, value in override.items():
        if value is None:
            merged.pop(key, None)
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge_values(merged[key], value)
        else:
            merged[key] = value
    return merged


def set_file(key: str, path: Path) -> dict[str, Any]:
    """helm's `--set-file key=path` as a values mapping."""
    try:
        text: Any = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValuesError(f"{path}: nicht lesbar ({exc.strerror})") from exc
    for part in reversed(key.split(".")):
        text = {part: text}
    return text


def validate(chart: Path, values_files: Sequence[Path],
             set_files: Sequence[tuple[str, Path]] = ()) -> list[Violation]:
    """The schema violations of the chart's defaults merged with values_files and set_files."""
    import jsonschema

    schema = load_yaml(chart / "values.schema.yaml")
    values = load_yaml(chart / "values.yaml")
    for path in values_files:
        values = merge_values(values, load_yaml(path) or {})
    for key, path in set_files:
        values = merge_values(values, set_file(key, path))
    validator = jsonschema.Draft7Validator(schema)
    found = [
        Violation("/".join(str(p) for p in error.absolute_path) or "(Wurzel)", error.message)
        for error in validator.iter_errors(values)
    ]
    return sorted(found, key=lambda v: (v.path, v.message))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    set_files: list[tuple[str, Path]] = []
    while "--set-file" in args:
        at = args.index("--set-file")
        key, _, path = (args[at + 1] if at + 1 < len(args) else "").partition("=")
        if not key or not path:
            print("check_values: --set-file erwartet SCHLÜSSEL=DATEI", file=sys.stderr)
            return 2
        set_files.append((key, Path(path)))
        del args[at:at + 2]
    if len(args) < 2:
        print("Aufruf: check_values.py CHART_DIR VALUES.yaml [WEITERE.yaml …] [--set-file SCHLÜSSEL=DATEI]",
              file=sys.stderr)
        return 2
    chart, files = Path(args[0]), [Path(a) for a in args[1:]]
    try:
        violations = validate(chart, files, set_files)
    except ValuesError as exc:
        print(f"check_values: {exc}", file=sys.stderr)
        return 2
    for violation in violations:
        print(f"ungültig  {violation}", file=sys.stderr)
    names = " + ".join(str(f) for f in files)
    verdict = "gültig" if not violations else f"{len(violations)} Fehler"
    print(f"{names}: {verdict} gegen {chart / 'values.schema.yaml'}")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
