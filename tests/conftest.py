from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from lawkit import Case, default_library

# Hypothesis profile "ci": the strength property tests need in CI. Tests that must always run
# this hard (the citation parser, the grader's scan) use `@settings(settings.get_profile("ci"))`;
# HYPOTHESIS_PROFILE=ci makes it the default of every property test in the run.
settings.register_profile(
    "ci",
    max_examples=1000,
    derandomize=True,  # the same examples on every run and machine: a failure reproduces
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])


@pytest.fixture(scope="session")
def library():
    return default_library()


@pytest.fixture(scope="session")
def seed_case(library) -> Case:
    return library.case("bafin_angestellte")


CORE_NORMS = ("stgb_203_2_1", "stgb_203_6", "stgb_11_1_2", "stgb_11_1_4", "stgb_205_1_1")


@pytest.fixture(scope="session")
def core_library_dir(tmp_path_factory):
    """A fixed small library (the § 203 family), so nearest-id suggestions in error messages
    do not change as the shipped library grows."""
    import shutil

    from lawkit.loading.library import DATA_DIR

    base = tmp_path_factory.mktemp("core_library")
    (base / "norms").mkdir()
    for norm_id in CORE_NORMS:
        shutil.copy(DATA_DIR / "norms" / f"{norm_id}.yaml", base / "norms")
    shutil.copy(DATA_DIR / "seeds.yaml", base)
    return base


@pytest.fixture(scope="session")
def core_library(core_library_dir):
    from lawkit import load_library

    return load_library(core_library_dir)
