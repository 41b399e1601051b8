"""The Fallsammlung (lawkit.widgets.fallsammlung): every case of the library and of the course
folder, searchable by norm; a new case file appears without any code; picking one opens its
workbench."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawkit.errors import LawkitError
from lawkit.loading.kurs import ENV_VAR
from lawkit.loading.library import shipped_library
from lawkit.widgets import fallsammlung

EXAMPLE = Path(__file__).parent / "data" / "kurs_strafrecht"


@pytest.fixture
def kurs(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "strafrecht"
    shutil.copytree(EXAMPLE, root)
    monkeypatch.setenv(ENV_VAR, str(root))
    return root


def test_every_shipped_case_is_listed_library_first():
    sammlung = fallsammlung(library=shipped_library())
    assert sorted(e.case_id for e in sammlung.entries) == sorted(shipped_library().case_files)
    assert {e.source for e in sammlung.entries} == {"Bibliothek"}
    assert sammlung.problems == []
    assert sammlung.count.value == f"{len(sammlung.entries)} Fälle"


def test_search_by_norm(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    sammlung = fallsammlung()
    assert set(sammlung.find("§ 204 StGB")) == {
        c for c in shipped_library().case_files
        if "stgb_204_1" in [e.norm for e in shipped_library().case(c).examinations]}
    assert sammlung.find("§ 204 StGB") == sammlung.find("204") == sammlung.find("stgb_204_1")
    assert "amtshaftung_bafin" in sammlung.find("Amtshaftung")
    assert sammlung.find("§ 999 StGB") == []
    sammlung.search.value = "§ 204 StGB"
    assert [value for _, value in sammlung.cases.options] == sammlung.find("§ 204 StGB")
    assert sammlung.count.value.startswith(f"{len(sammlung.find('§ 204 StGB'))} von ")


def test_a_course_case_appears_without_code_and_opens_the_workbench(kurs):
    sammlung = fallsammlung()
    entry = next(e for e in sammlung.entries if e.case_id == "kurs_akte")
    assert entry.source == "Strafrecht BT – Übung (Beispielkurs der Tests)"
    assert entry.norms == ("§ 353b Abs. 1 S. 1 StGB", "§ 246 Abs. 1 StGB")
    assert sammlung.entries[-1] == entry  # the library's cases first, then the course's
    assert sammlung.find("246") == ["kurs_akte"]
    sammlung.search.value = "246"
    sammlung.cases.value = "kurs_akte"  # as a click in the list does
    assert sammlung.bench is not None and sammlung.bench.case.id == "kurs_akte"
    assert sammlung.bench_box.children == (sammlung.bench.widget,)
    sammlung.bench.set_fact("vorsatz_246", "nein")
    assert "Ergebnis: A hat sich nicht gemäß § 246 Abs. 1 StGB strafbar gemacht." in \
        sammlung.bench.gutachten_text()
    # a new case file: no code, it is listed the next time the app opens
    text = (kurs / "cases" / "kurs_akte.yaml").read_text(encoding="utf-8")
    (kurs / "cases" / "kurs_akte_zwei.yaml").write_text(
        text.replace("id: kurs_akte", "id: kurs_akte_zwei")
            .replace("title: Das Original aus der Akte", "title: Die zweite Akte"), encoding="utf-8")
    assert "kurs_akte_zwei" in fallsammlung().find("246")


def test_a_broken_course_case_is_named_and_the_others_are_listed(kurs):
    (kurs / "cases" / "kurs_kaputt.yaml").write_text(
        "id: kurs_kaputt\ntitle: T\nsachverhalt: S\nfallfrage: F?\nexamine: [{norm: stgb_205_1_1}]\n"
        "facts: {}\n", encoding="utf-8")
    sammlung = fallsammlung()
    assert "kurs_akte" in [e.case_id for e in sammlung.entries]
    assert len(sammlung.problems) == 1
    assert sammlung.problems[0].startswith(
        f"kurs_kaputt: {kurs / 'cases' / 'kurs_kaputt.yaml'}:6: facts: keine Antwort auf die Tatsache "
        "'strafantrag_gestellt'")
    assert "Nicht geladen:" in sammlung.widget.children[3].value
    with pytest.raises(LawkitError, match=r"^unbekannter Fall 'kurs_kaputt' in der Fallsammlung"):
        sammlung.open("kurs_kaputt")
    sammlung.open("kurs_akte")
    assert sammlung.bench.case.id == "kurs_akte"  # type: ignore[union-attr]
