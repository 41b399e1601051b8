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
