"""Read authored YAML safely, keeping the line of every value for error messages.

`read_document` turns a file into plain Python values plus a map from path to line;
`Reader` walks those values and raises AuthoringError (file, line, path, what was
expected) for anything that does not fit, never a traceback.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from lawkit.errors import AuthoringError, combined
from lawkit.model.norm import Origin
from lawkit.model.suggest import aehnlich

if TYPE_CHECKING:
    import yaml

MAX_BYTES = 2_000_000  # an authored file larger than this is a mistake, not a norm
MAX_NODES = 200_000  # guards against alias bombs ("billion laughs")
MAX_DEPTH = 100  # nesting deeper than this is a mistake (and would exhaust the stack)

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


class Problems:
    """Collects the problems of a file so that one run reports all of them: each part is read
    with `attempt`, a part that fails is noted and skipped, and `raise_if_any` raises them
    together at the end (`lawkit validate` prints every one)."""

    __slots__ = ("errors",)

    def __init__(self) -> None:
        self.errors: list[AuthoringError] = []

    def attempt(self, read: Callable[..., T], *args: object, **kwargs: object) -> T | None:
        try:
            return read(*args, **kwargs)
        except AuthoringError as exc:
            self.errors.extend(exc.errors)
            return None

    def add(self, error: AuthoringError) -> None:
        self.errors.extend(error.errors)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise combined(self.errors)


@dataclass(frozen=True, slots=True)
class Document:
    file: str
    data: object
    lines: dict[str, int]

    def reader(self) -> Reader:
        return Reader(self, self.data, "")


def decode(raw: bytes, file: str) -> str:
    """UTF-8 (a BOM is fine); anything else is refused with the place of the first bad byte."""
    from lawkit._files import decode_text

    return decode_text(raw, file)[0]


def read_document(path: Path | str, *, text: str | None = None) -> Document:
    """Read one YAML file (or the given text, named by `path`) into a Document."""
    file = str(path)
    if text is None:
        from lawkit._files import read_regular

        text = decode(read_regular(path, limit=MAX_BYTES, what="eine YAML-Datei"), file)
    if not text.strip():
        raise AuthoringError(file, "", "die Datei ist leer; erwartet eine YAML-Zuordnung (Schlüssel: Wert)")
    import yaml  # deferred: keeps `import lawkit` light

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = yaml_problem(str(exc.problem or exc.context))
        text_lines = text.splitlines()
        source_line = text_lines[line - 1] if line is not None and line <= len(text_lines) else ""
        if "\t" in source_line and "tab" not in str(exc.problem):  # a tab the parser did not name
            problem = "ein Tabulator an einer Stelle, an der YAML ihn nicht erlaubt"
            hint = " – Tabulatoren sind in YAML nicht erlaubt; rücken Sie mit Leerzeichen ein"
        else:
            hint = yaml_hint(exc)
        raise AuthoringError(file, "", f"kein gültiges YAML: {problem}{hint}", line) from None
    except yaml.YAMLError as exc:
        raise AuthoringError(file, "", f"kein gültiges YAML: {exc}") from None
    except RecursionError:
        raise AuthoringError(file, "", f"die Daten sind tiefer als {MAX_DEPTH} Ebenen verschachtelt; "
                                       "erwartet eine flache Datei") from None
    finally:
        loader.dispose()
    if node is None:
        raise AuthoringError(file, "", "die Datei enthält nur Kommentare oder Leerzeilen; erwartet eine "
                                       "YAML-Zuordnung (Schlüssel: Wert)")
    lines: dict[str, int] = {}
    budget = [MAX_NODES]
    data = _convert(node, "", lines, file, budget, yaml.SafeLoader(""), 0)
    return Document(file, data, lines)


_YAML_PROBLEMS = (
    ("did not find expected ',' or ']'", "hier fehlt ein Komma oder eine schließende eckige Klammer ']'"),
    ("did not find expected ',' or '}'", "hier fehlt ein Komma oder eine schließende Klammer '}'"),
    ("mapping values are not allowed", "ein Doppelpunkt ist hier nicht erlaubt"),
    ("could not find expected ':'", "hier fehlt ein Doppelpunkt"),
    ("did not find expected key", "hier wird ein Schlüssel erwartet (ist die Einrückung verrutscht?)"),
    ("did not find expected node content", "hier fehlt ein Wert"),
    ("did not find expected '-' indicator", "hier wird ein Listeneintrag ('- …') erwartet"),
    ("found character '\\t' that cannot start any token", "ein Tabulator an einer Stelle, an der YAML ihn "
                                                            "nicht erlaubt"),
    ("found a tab character that violates indentation", "ein Tabulator in der Einrückung"),
    ("found character that cannot start any token", "ein Zeichen, mit dem hier nichts beginnen kann (ein "
                                                    "Tabulator?)"),
    ("found unexpected end of stream", "die Datei endet mitten in einem Wert"),
    ("found invalid Unicode character escape code", "eine ungültige Unicode-Escape-Sequenz ('\\u…')"),
    ("found unknown escape character", "eine unbekannte Escape-Sequenz ('\\…')"),
    ("found undefined alias", "ein Verweis (*anker) auf einen Anker, den es nicht gibt"),
    ("expected <block end>, but found", "die Einrückung passt nicht zum Block darüber"),
    ("control characters are not allowed", "ein Steuerzeichen, das in YAML nicht erlaubt ist"),
)


def yaml_problem(problem: str) -> str:
    """PyYAML's English description of a syntax error, in German where it is a common one."""
    for english, german in _YAML_PROBLEMS:
        if english in problem:
            return german
    return problem


def yaml_hint(exc: object) -> str:
    """A hint for the usual slips behind a YAML syntax error (German)."""
    problem = str(getattr(exc, "problem", "") or "")
    if "tab" in problem:
        return " – Tabulatoren sind in YAML nicht erlaubt; rücken Sie mit Leerzeichen ein"
    if "mapping values are not allowed" in problem:
        return (" – steht ein Doppelpunkt mit Leerzeichen in einem Text ohne Anführungszeichen? "
                "Setzen Sie den Text in Anführungszeichen")
    if "end of stream" in problem and "quoted scalar" in str(getattr(exc, "context", "") or ""):
        return " – fehlt ein schließendes Anführungszeichen?"
    return ""


def _convert(node: yaml.Node, path: str, lines: dict[str, int], file: str, budget: list[int],
             constructor: yaml.SafeLoader, depth: int) -> object:
    import yaml

    budget[0] -= 1
    if budget[0] < 0:
        raise AuthoringError(
            file, path, f"mehr als {MAX_NODES} Werte (verschachtelte Anker?); erwartet eine kleine Datei"
        )
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        raise AuthoringError(file, path, f"die Daten sind tiefer als {MAX_DEPTH} Ebenen verschachtelt; "
                                         "erwartet eine flache Datei", line)
    lines.setdefault(path, line)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise AuthoringError(file, path, "ein Schlüssel muss ein einfaches Wort sein",
                                     key_node.start_mark.line + 1)
            key = str(key_node.value)
            if key == "<<":
                raise AuthoringError(
                    file, path, "Merge-Schlüssel ('<<') werden nicht unterstützt; schreiben Sie die "
                                "Schlüssel aus", key_node.start_mark.line + 1,
                )
            child = f"{path}.{key}" if path else key
            if key in out:
                raise AuthoringError(
                    file, child, "dieser Schlüssel steht zweimal da; erwartet jeden Schlüssel einmal",
                    key_node.start_mark.line + 1,
                )
            _check_text(key, file, child, key_node.start_mark.line + 1)
            out[key] = _convert(value_node, child, lines, file, budget, constructor, depth + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, f"{path}[{i}]", lines, file, budget, constructor, depth + 1)
            for i, item in enumerate(node.value)
        ]
    try:
        value = constructor.construct_object(node)
    except yaml.YAMLError as exc:
        raise AuthoringError(file, path, f"dieser Wert kann nicht gelesen werden: {exc}", line) from None
    except ValueError:  # e.g. an integer with more digits than Python converts
        raise AuthoringError(file, path, f"dieser Wert kann nicht gelesen werden "
                                         f"({beschreibe(node.value)}); erwartet einen Text oder eine "
                                         "Zahl üblicher Länge", line) from None
    if isinstance(value, str):
        _check_text(value, file, path, line)
    return value


def _check_text(value: str, file: str, path: str, line: int | None) -> None:
    """A text must be encodable: a lone surrogate (from an escape like "\\ud800") is not."""
    bad = first_surrogate(value)
    if bad is not None:
        raise AuthoringError(file, path, f"der Text enthält ein ungültiges Unicode-Zeichen (einzelnes "
                                         f"Surrogat U+{ord(value[bad]):04X} an Stelle {bad}); erwartet "
                                         "gültigen Text", line)


def first_surrogate(text: str) -> int | None:
    """The index of the first lone surrogate in a text, or None."""
    if text.isascii():
        return None
    for i, char in enumerate(text):
        if "\ud800" <= char <= "\udfff":
            return i
    return None


def describe(value: object) -> str:
    """How a value reads to a teacher in an error message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value}"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def beschreibe(value: object) -> str:
    """How a value reads to a teacher in a German error message."""
    if value is None:
        return "nichts"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (ein Ja/Nein-Wert)"
    if isinstance(value, dict):
        return "eine Zuordnung"
    if isinstance(value, list):
        return "eine Liste"
    if isinstance(value, int):
        digits = len(str(abs(value))) if abs(value) < 10**50 else None
        return f"die Zahl {value}" if digits is not None else "eine sehr lange Zahl"
    if isinstance(value, float):
        return f"die Zahl {value:g}"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


class Reader:
    """A position in a Document; every accessor checks type and names the place on failure."""

    __slots__ = ("doc", "path", "value")

    def __init__(self, doc: Document, value: object, path: str) -> None:
        self.doc = doc
        self.value = value
        self.path = path

    # -- errors ---------------------------------------------------------------
    def line(self, path: str | None = None) -> int | None:
        path = self.path if path is None else path
        while True:
            if path in self.doc.lines:
                return self.doc.lines[path]
            if not path:
                return None
            path = path.rsplit(".", 1)[0] if "." in path else ""

    def origin(self, key: str | None = None) -> Origin:
        path = self._child_path(key) if key is not None else self.path
        return Origin(self.doc.file, self.line(path), path)

    def error(self, problem: str, key: str | None = None) -> AuthoringError:
        path = self._child_path(key) if key is not None else self.path
        return AuthoringError(self.doc.file, path, problem, self.line(path))

    def _child_path(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    # -- structure ------------------------------------------------------------
    def mapping(self, required: Iterable[str] = (), optional: Iterable[str] = (),
                problems: Problems | None = None) -> Reader:
        """Check that this is a mapping with the required keys and no unknown ones.

        Every unknown and every missing key is reported at once. With `problems`, unknown keys
        are only noted there (reading goes on with the known ones); a missing key still raises.
        """
        required = tuple(required)
        known = tuple(dict.fromkeys((*required, *optional)))
        if not isinstance(self.value, dict):
            raise self.error(
                f"erwartet eine Zuordnung mit den Schlüsseln {', '.join(required) or ', '.join(known)}, "
                f"gefunden: {beschreibe(self.value)}"
            )
        unknown = [
            self.error(f"unbekannter Schlüssel {key!r}{aehnlich(key, known)}; erwartet einen von "
                       f"{', '.join(known)}{comma_hint(key)}", key)
            for key in self.value if key not in known
        ]
        import difflib

        suggested = {match for key in self.value if key not in known
                     for match in difflib.get_close_matches(str(key), known, n=3, cutoff=0.5)}
        missing = [self.error(f"der Schlüssel {key!r} fehlt; erwartet, dass er angegeben ist")
                   for key in required if key not in self.value and key not in suggested]
        if unknown and len(missing) < len([k for k in required if k not in self.value]):
            problems = None  # a misspelt required key: reading on would only repeat the slip
        if missing or (unknown and problems is None):
            raise combined([*unknown, *missing])
        if problems is not None:
            for error in unknown:
                problems.add(error)
        return self

    def has(self, key: str) -> bool:
        return isinstance(self.value, dict) and key in self.value

    def __getitem__(self, key: str) -> Reader:
        assert isinstance(self.value, dict)
        return Reader(self.doc, self.value.get(key), self._child_path(key))

    def items(self) -> Iterator[tuple[str, Reader]]:
        if not isinstance(self.value, dict):
            raise self.error(f"erwartet eine Zuordnung, gefunden: {beschreibe(self.value)}")
        for key, value in self.value.items():
            yield key, Reader(self.doc, value, self._child_path(key))

    def list(self, *, non_empty: bool = True, what: str = "Einträge") -> list[Reader]:
        if not isinstance(self.value, list):
            raise self.error(f"erwartet eine Liste ({what}), gefunden: {beschreibe(self.value)}")
        if non_empty and not self.value:
            raise self.error(f"die Liste ist leer; erwartet mindestens einen Eintrag ({what})")
        return [Reader(self.doc, v, self._child_path(i)) for i, v in enumerate(self.value)]

    # -- scalars --------------------------------------------------------------
    def text(self) -> str:
        if isinstance(self.value, str) and self.value.strip():
            return self.value.strip()
        if isinstance(self.value, str):
            raise self.error("der Text ist leer; erwartet einen Text")
        raise self.error(f"erwartet einen Text, gefunden: {beschreibe(self.value)}")

    def str(self, key: str) -> str:
        return self[key].text()

    def opt_str(self, key: builtins.str) -> builtins.str | None:
        if not self.has(key) or self.value[key] is None:  # type: ignore[index]  # has() found a mapping
            return None
        return self.str(key)

    def ident(self, key: builtins.str = "id") -> builtins.str:
        reader = self[key]
        value = reader.text()
        if not _is_ident(value):
            raise reader.error(
                f"{beschreibe(value)} ist keine gültige ID; erwartet Kleinbuchstaben, Ziffern und "
                "Unterstriche, beginnend mit einem Buchstaben (z. B. 'stgb_203_2_1')"
            )
        return value

    def boolean(self, key: builtins.str, default: bool) -> bool:
        if not self.has(key):
            return default
        value = self.value[key]  # type: ignore[index]  # has() found a mapping
        if not isinstance(value, bool):
            raise self[key].error(f"erwartet true oder false, gefunden: {beschreibe(value)}")
        return value

    def choice(self, key: builtins.str, enum: type[E], default: E | None = None) -> E:
        if not self.has(key):
            if default is None:
                raise self.error(f"der Schlüssel {key!r} fehlt; erwartet, dass er angegeben ist")
            return default
        reader = self[key]
        value = reader.value
        for member in enum:
            if value == member.value:
                return member
        allowed = ", ".join(m.value for m in enum)
        raise reader.error(f"erwartet einen von {allowed}, gefunden: {beschreibe(value)}")


def comma_hint(key: object) -> str:
    """A key that reads like the rest of a sentence: a colon in an unquoted text made YAML
    split it into a key and a value."""
    text = str(key)
    if " " in text.strip() and (text.rstrip().endswith((".", ",")) or len(text.split()) > 3):
        return (" – ist das der Rest eines Textes? Steht im Text davor ein Doppelpunkt oder ein "
                "Komma ohne Anführungszeichen, setzen Sie den ganzen Text in Anführungszeichen")
    return ""


def _is_ident(value: str) -> bool:
    return bool(value) and value[0].isascii() and value[0].isalpha() and value[0].islower() and all(
        (c.isascii() and (c.islower() or c.isdigit())) or c == "_" for c in value
    )
