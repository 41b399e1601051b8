"""Read authored YAML safely, keeping the line of every value for error messages.

`read_document` turns a file into plain Python values plus a map from path to line;
`Reader` walks those values and raises AuthoringError (file, line, path, what was
expected) for anything that does not fit, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from lawkit.errors import AuthoringError
from lawkit.model.norm import Origin
from lawkit.model.suggest import nearest

MAX_BYTES = 2_000_000  # an authored file larger than this is a mistake, not a norm
MAX_NODES = 200_000  # guards against alias bombs ("billion laughs")

E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class Document:
    file: str
    data: object
    lines: dict[str, int]

    def reader(self) -> Reader:
        return Reader(self, self.data, "")


def decode(raw: bytes, file: str) -> str:
    """UTF-8 (a BOM is fine); anything else is refused with the place of the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise AuthoringError(
            file,
            "",
            f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "expected UTF-8 text: save it as UTF-8 (in Windows editors: 'UTF-8')",
            line,
        ) from None


def read_document(path: Path | str, *, text: str | None = None) -> Document:
    """Read one YAML file (or the given text, named by `path`) into a Document."""
    file = str(path)
    if text is None:
        path = Path(path)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise AuthoringError(file, "", "no such file") from None
        except OSError as exc:
            raise AuthoringError(file, "", f"cannot read the file ({exc.strerror})") from None
        if path.is_dir():
            raise AuthoringError(file, "", "this is a folder; expected a YAML file")
        if size > MAX_BYTES:
            raise AuthoringError(
                file, "", f"the file has {size} bytes; expected at most {MAX_BYTES}"
            )
        text = decode(path.read_bytes(), file)
    if not text.strip():
        raise AuthoringError(file, "", "the file is empty; expected a YAML mapping")
    import yaml  # deferred: keeps `import lawkit` light

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise AuthoringError(
            file, "", f"not valid YAML: {exc.problem or exc.context}", line
        ) from None
    except yaml.YAMLError as exc:
        raise AuthoringError(file, "", f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    budget = [MAX_NODES]
    data = _convert(node, "", lines, file, budget, yaml.SafeLoader(""))
    return Document(file, data, lines)


def _convert(node: object, path: str, lines: dict[str, int], file: str, budget: list[int],
             constructor: object) -> object:
    import yaml

    budget[0] -= 1
    if budget[0] < 0:
        raise AuthoringError(
            file, path, f"more than {MAX_NODES} values (nested aliases?); expected a small file"
        )
    line = node.start_mark.line + 1  # type: ignore[attr-defined]
    lines.setdefault(path, line)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise AuthoringError(file, path, "a key must be a plain word", key_node.start_mark.line + 1)
            key = str(key_node.value)
            if key == "<<":
                raise AuthoringError(
                    file, path, "merge keys ('<<') are not supported; write the keys out",
                    key_node.start_mark.line + 1,
                )
            child = f"{path}.{key}" if path else key
            if key in out:
                raise AuthoringError(
                    file, child, "this key is given twice; expected each key once",
                    key_node.start_mark.line + 1,
                )
            out[key] = _convert(value_node, child, lines, file, budget, constructor)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, f"{path}[{i}]", lines, file, budget, constructor)
            for i, item in enumerate(node.value)
        ]
    try:
        return constructor.construct_object(node)  # type: ignore[attr-defined]
    except yaml.YAMLError as exc:
        raise AuthoringError(file, path, f"cannot read this value: {exc}", line) from None


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
    def mapping(self, required: Iterable[str] = (), optional: Iterable[str] = ()) -> Reader:
        """Check that this is a mapping with the required keys and no unknown ones."""
        required = tuple(required)
        known = tuple(dict.fromkeys((*required, *optional)))
        if not isinstance(self.value, dict):
            raise self.error(
                f"expected a mapping with the keys {', '.join(required) or ', '.join(known)}, "
                f"got {describe(self.value)}"
            )
        for key in self.value:
            if key not in known:
                raise self.error(
                    f"unknown key {key!r}{nearest(key, known)}; expected one of {', '.join(known)}",
                    key,
                )
        for key in required:
            if key not in self.value:
                raise self.error(f"the key {key!r} is missing; expected it to be given")
        return self

    def has(self, key: str) -> bool:
        return isinstance(self.value, dict) and key in self.value

    def __getitem__(self, key: str) -> Reader:
        assert isinstance(self.value, dict)
        return Reader(self.doc, self.value.get(key), self._child_path(key))

    def items(self) -> Iterator[tuple[str, Reader]]:
        if not isinstance(self.value, dict):
            raise self.error(f"expected a mapping, got {describe(self.value)}")
        for key, value in self.value.items():
            yield key, Reader(self.doc, value, self._child_path(key))

    def list(self, *, non_empty: bool = True, what: str = "entries") -> list[Reader]:
        if not isinstance(self.value, list):
            raise self.error(f"expected a list of {what}, got {describe(self.value)}")
        if non_empty and not self.value:
            raise self.error(f"the list is empty; expected at least one of the {what}")
        return [Reader(self.doc, v, self._child_path(i)) for i, v in enumerate(self.value)]

    # -- scalars --------------------------------------------------------------
    def text(self) -> str:
        if isinstance(self.value, str) and self.value.strip():
            return self.value.strip()
        if isinstance(self.value, str):
            raise self.error("the text is empty; expected a text")
        raise self.error(f"expected a text, got {describe(self.value)}")

    def str(self, key: str) -> str:
        return self[key].text()

    def opt_str(self, key: str) -> str | None:
        if not self.has(key) or self.value[key] is None:  # type: ignore[index]
            return None
        return self.str(key)

    def ident(self, key: str = "id") -> str:
        reader = self[key]
        value = reader.text()
        if not _is_ident(value):
            raise reader.error(
                f"{describe(value)} is not a valid id; expected lower-case letters, digits and "
                "underscores, starting with a letter (e.g. 'stgb_203_2_1')"
            )
        return value

    def boolean(self, key: str, default: bool) -> bool:
        if not self.has(key):
            return default
        value = self.value[key]  # type: ignore[index]
        if not isinstance(value, bool):
            raise self[key].error(f"expected true or false, got {describe(value)}")
        return value

    def choice(self, key: str, enum: type[E], default: E | None = None) -> E:
        if not self.has(key):
            if default is None:
                raise self.error(f"the key {key!r} is missing; expected it to be given")
            return default
        reader = self[key]
        value = reader.value
        for member in enum:
            if value == member.value:
                return member
        allowed = ", ".join(m.value for m in enum)
        raise reader.error(f"expected one of {allowed}, got {describe(value)}")


def _is_ident(value: str) -> bool:
    return bool(value) and value[0].isascii() and value[0].isalpha() and value[0].islower() and all(
        (c.isascii() and (c.islower() or c.isdigit())) or c == "_" for c in value
    )
