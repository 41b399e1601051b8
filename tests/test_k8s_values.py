"""deploy/k8s/values.yaml and its LTI variant, merged over the Zero to JupyterHub chart's defaults
as helm does, against the chart's own JSON schema (../shared/reference/z2jh/ beside the clone),
and in step with the chart version the reference names."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
K8S = REPO / "deploy" / "k8s"
CHART = REPO.parent / "shared" / "reference" / "z2jh"
sys.path.insert(0, str(K8S))

from check_values import merge_values, validate  # noqa: E402

LTI_FILE = ("hub.extraFiles.lawkit-lti-auth.stringData", REPO / "deploy" / "lti_auth.py")


@pytest.fixture(scope="module")
def chart() -> Path:
    if not (CHART / "values.schema.yaml").is_file() or not (CHART / "values.yaml").is_file():
        pytest.skip(f"Chart-Schema von Zero to JupyterHub nicht gefunden: {CHART} (erwartet ../shared/reference/z2jh "
                    "neben dem Klon)")
    return CHART


def test_helm_merge_replaces_lists_merges_maps_and_null_deletes():
    base = {"hub": {"config": {"A": {"x": 1}, "B": {"y": 2}}, "list": [1, 2]}, "keep": True}
    over = {"hub": {"config": {"A": {"z": 3}, "B": None}, "list": [9]}}
    assert merge_values(base, over) == {"hub": {"config": {"A": {"x": 1, "z": 3}}, "list": [9]}, "keep": True}
    assert base["hub"]["config"]["B"] == {"y": 2}  # the inputs are not changed


def test_the_values_and_the_lti_variant_are_valid_for_the_chart(chart):
    assert validate(chart, [K8S / "values.yaml"]) == []
    assert validate(chart, [K8S / "values.yaml", K8S / "values-lti.yaml"], [LTI_FILE]) == []


def test_a_planted_wrong_key_fails(chart, tmp_path):
    values = yaml.safe_load((K8S / "values.yaml").read_text(encoding="utf-8"))
    values["singleuser"]["storage"]["extraVolumeMount"] = values["singleuser"]["storage"]["extraVolumeMounts"]
    values["cull"]["timout"] = 3600
    planted = tmp_path / "values.yaml"
    planted.write_text(yaml.safe_dump(values), encoding="utf-8")
    found = [str(v) for v in validate(chart, [planted])]
    assert found == [
        "cull: Additional properties are not allowed ('timout' was unexpected)",
        "singleuser/storage: Additional properties are not allowed ('extraVolumeMount' was unexpected)",
    ]


def test_the_lti_variant_needs_the_authenticator_file_and_a_wrong_type_fails(chart, tmp_path):
    assert [str(v) for v in validate(chart, [K8S / "values.yaml", K8S / "values-lti.yaml"])] == [
        "hub/extraFiles/lawkit-lti-auth: {'mountPath': '/usr/local/etc/jupyterhub/lawkit/lti_auth.py'} "
        "is not valid under any of the given schemas"]
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("hub:\n  config:\n    lawkit: {x: 1}\nsingleuser:\n  cpu: {limit: viel}\n", encoding="utf-8")
    found = [str(v) for v in validate(chart, [K8S / "values.yaml", wrong])]
    assert found == [
        "hub/config: 'lawkit' does not match any of the regexes: '^[A-Z].*$'",
        "singleuser/cpu/limit: 'viel' is not of type 'number', 'null'",
    ]


def test_the_command_line_says_valid_or_lists_each_violation(chart, tmp_path):
    script = [sys.executable, str(K8S / "check_values.py"), str(chart)]
    done = subprocess.run([*script, str(K8S / "values.yaml"), str(K8S / "values-lti.yaml"), "--set-file",
                           f"{LTI_FILE[0]}={LTI_FILE[1]}"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(f"gültig gegen {chart / 'values.schema.yaml'}\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("prePuller:\n  hok: {enabled: true}\n", encoding="utf-8")
    done = subprocess.run([*script, str(bad)], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stderr == "ungültig  prePuller: Additional properties are not allowed ('hok' was unexpected)\n"
    done = subprocess.run([*script, str(tmp_path / "fehlt.yaml")], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr == f"check_values: {tmp_path / 'fehlt.yaml'}: nicht lesbar (No such file or directory)\n"


def test_the_files_name_the_chart_version_the_reference_was_taken_from(chart):
    reference = (chart / "README.md").read_text(encoding="utf-8")
    commit = re.search(r"commit ([0-9a-f]{40})", reference).group(1)
    app_version = re.search(r"appVersion (\d+\.\d+\.\d+)", reference).group(1)
    readme = (REPO / "deploy" / "README.md").read_text(encoding="utf-8")
    for text in (readme, (K8S / "values.yaml").read_text(encoding="utf-8")):
        assert f"commit {commit[:7]}" in text
        assert f"JupyterHub {app_version}" in text
    # The students' image must run the hub's major version of jupyterhub-singleuser.
    major = int(app_version.split(".")[0])
    assert f'"jupyterhub>={major},<{major + 1}"' in (K8S / "Dockerfile").read_text(encoding="utf-8")
