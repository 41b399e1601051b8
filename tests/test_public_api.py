"""The public surface: every exported name resolves, and `import lawkit` stays light."""

import subprocess
import sys

import lawkit


def test_every_public_name_resolves_to_its_defining_module():
    for name in lawkit.__all__:
        value = getattr(lawkit, name)
        assert value is not None, name
    assert sorted(lawkit.__all__) == sorted(set(lawkit.__all__))
    assert {"workbench", "grade", "load_answer", "Gradebook", "answer_form", "gutachten_editor",
            "schema_diagram"} <= set(lawkit.__all__)


def test_import_lawkit_loads_no_heavy_library():
    code = ("import sys, lawkit; lawkit.check; lawkit.grade; lawkit.load_exercise; "
            "print(sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets', 'yaml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_unknown_name_is_an_attribute_error():
    try:
        lawkit.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no attribute 'no_such_thing'" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


# -- one table per package ------------------------------------------------------------------

import ast  # noqa: E402
import importlib  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

LAWKIT = Path(lawkit.__file__).parent
PACKAGES_WITH_EXPORTS = sorted(
    ".".join(("lawkit", *p.parent.relative_to(LAWKIT).parts))
    for p in [LAWKIT / "__init__.py", *LAWKIT.glob("*/__init__.py")]
    if "lazy_exports(" in p.read_text(encoding="utf-8")
)


def type_checking_imports(package: str, root: Path = LAWKIT) -> dict[str, str]:
    """name -> module of the `if TYPE_CHECKING:` imports of a package's __init__."""
    path = root.joinpath(*package.split(".")[1:], "__init__.py")
    out: dict[str, str] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom), ast.unparse(stmt)
                for alias in stmt.names:
                    assert alias.asname == alias.name, f"{package}: {alias.name} needs `as {alias.name}`"
                    out[alias.name] = stmt.module
    return out


def test_the_packages_with_public_tables():
    assert PACKAGES_WITH_EXPORTS == ["lawkit", "lawkit.citations", "lawkit.exercises", "lawkit.grading",
                                     "lawkit.reading", "lawkit.training", "lawkit.widgets"]


@pytest.mark.parametrize("package", PACKAGES_WITH_EXPORTS)
def test_lazy_names_type_checking_imports_and_all_agree(package):
    module = importlib.import_module(package)
    table = module._PUBLIC
    assert type_checking_imports(package) == table
    assert module.__all__ == sorted(table)
    for name in module.__all__:
        value = getattr(module, name)
        defining = importlib.import_module(table[name])
        assert getattr(defining, name) is value, f"{package}.{name}"
    assert set(module.__all__) <= set(dir(module))


def test_a_disagreeing_table_is_caught(tmp_path):
    # the check above is not vacuous: a name missing from the TYPE_CHECKING block shows
    source = (LAWKIT / "training" / "__init__.py").read_text(encoding="utf-8")
    assert "    from lawkit.training.store import ProgressStore as ProgressStore\n" in source
    fake = tmp_path / "lawkit" / "training"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        source.replace("    from lawkit.training.store import ProgressStore as ProgressStore\n", ""),
        encoding="utf-8")
    from lawkit import training

    found = type_checking_imports("lawkit.training", tmp_path / "lawkit")
    assert found != training._PUBLIC
    assert set(training._PUBLIC) - set(found) == {"ProgressStore"}
