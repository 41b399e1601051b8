from __future__ import annotations

import pytest

from lawkit import Case, default_library


@pytest.fixture(scope="session")
def library():
    return default_library()


@pytest.fixture(scope="session")
def seed_case(library) -> Case:
    return library.case("bafin_angestellte")
