"""The per-norm vocabulary (lawkit/data/terms): every id exists in the library; bad files are named."""

import pytest

from lawkit import default_library
from lawkit.errors import AuthoringError
from lawkit.reading import load_vocabularies
from lawkit.reading.vocabulary import TERMS_DIR


def test_every_terms_file_names_a_norm_and_its_elements():
    library = default_library()
    vocabularies = load_vocabularies(library)
    assert set(vocabularies) == set(library.norms)
    files = sorted(TERMS_DIR.glob("*.yaml"))
    assert len(files) >= 8
    for path in files:
        assert path.stem in library.norms, path
    geheimnis = vocabularies["stgb_203_2_1"].element("geheimnis")
    assert "Geheimnisqualität" in {t.text for t in geheimnis.terms}
    assert "Amtsträgereigenschaft" in {t.text for t in vocabularies["stgb_203_2_1"].element("amtstraeger").terms}
    assert "Mitteilung an einen Dritten" in {t.text for t in vocabularies["stgb_203_2_1"].element("offenbaren").terms}


def test_an_unknown_element_is_reported_with_the_nearest_id(tmp_path):
    (tmp_path / "stgb_203_2_1.yaml").write_text(
        "norm: stgb_203_2_1\nelements:\n  geheimnisse:\n    terms: [Geheimnisqualität]\n", encoding="utf-8")
    with pytest.raises(AuthoringError) as info:
        load_vocabularies(default_library(), tmp_path)
    message = str(info.value)
    assert message.endswith("stgb_203_2_1.yaml:4: elements.geheimnisse: die Norm 'stgb_203_2_1' hat kein Merkmal "
                            "'geheimnisse'; meinten Sie 'geheimnis', 'geheimhaltungsinteresse'?")


def test_an_unknown_norm_and_an_unknown_view_are_reported(tmp_path):
    (tmp_path / "x.yaml").write_text("norm: stgb_999\n", encoding="utf-8")
    with pytest.raises(AuthoringError, match="unbekannte Norm 'stgb_999'"):
        load_vocabularies(default_library(), tmp_path)
    (tmp_path / "x.yaml").write_text("norm: stgb_203_2_1\nviews:\n  mindermeinung: [a.A.]\n", encoding="utf-8")
    with pytest.raises(AuthoringError, match="hat keine Ansicht 'mindermeinung' in einem Meinungsstreit"):
        load_vocabularies(default_library(), tmp_path)
