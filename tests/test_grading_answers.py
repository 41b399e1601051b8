"""Answer files are data: every malformed one gets a clear error naming file, line, place and
what was expected (docs/grading-formats.md, "Answer")."""

import json
from pathlib import Path

import pytest

from lawkit.errors import AuthoringError
from lawkit.grading.answers import Finding, load_answer

ANSWERS = Path(__file__).parent / "data" / "grading" / "answers"


def base() -> dict:
    return json.loads((ANSWERS / "vertretbar_perfect.json").read_text(encoding="utf-8"))


def write(tmp_path: Path, data: object, name: str = "a.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(AuthoringError) as info:
        load_answer(path)
    return str(info.value)


def test_a_valid_answer_is_read_completely():
    answer = load_answer(ANSWERS / "vertretbar_perfect.json")
    assert (answer.exercise, answer.student, answer.name) == ("g_vertretbar", "1000001", "Erika Musterfrau")
    assert answer.submitted == "2026-11-20T10:00:00"
    norm = answer.norm("stgb_203_2_1")
    assert norm.result is Finding.ERFUELLT
    assert norm.element("besonders_verpflichteter").result is Finding.DAHINSTEHEN
    assert len(norm.elements) == 18
    assert answer.applies == ("stgb_203_2_1",)


def test_yaml_answer_with_an_unquoted_timestamp():
    answer = load_answer(ANSWERS / "streit_yaml.yaml")
    assert answer.student == "3000003"
    assert answer.submitted == "2026-11-21T09:30:00"
    assert answer.norm("stgb_203_2_1").element("geheimnis").result is Finding.NICHT_ERFUELLT


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(base(), ensure_ascii=False).encode("utf-8"))
    assert load_answer(path).name == "Erika Musterfrau"


def test_cp1252_with_umlauts_is_read_and_the_decoding_noted(tmp_path):
    path = tmp_path / "win.json"
    data = base()
    data["name"] = "Jürgen Müller"
    path.write_bytes(json.dumps(data, ensure_ascii=False, indent=1).encode("cp1252"))
    answer = load_answer(path)
    assert answer.name == "Jürgen Müller"
    assert answer.notes == ("nicht UTF-8, als Windows-1252 (cp1252) gelesen – erstes solches Zeichen 'ü' "
                            "in Zeile 4; speichern Sie die Datei als UTF-8 (in Windows-Editoren: „UTF-8“)",)


def test_utf16_is_recognised_as_utf16_not_as_cp1252(tmp_path):
    data = base()
    data["name"] = "Jürgen Müller"
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for encoding, name in (("utf-16", "bom.json"), ("utf-16-le", "le.json"), ("utf-16-be", "be.json")):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        answer = load_answer(path)
        assert answer.name == "Jürgen Müller"
        assert answer.notes == ("als UTF-16 gelesen (erwartet wird UTF-8; speichern Sie die Datei als "
                                "UTF-8 (in Windows-Editoren: „UTF-8“))",)


def test_bytes_that_are_neither_utf8_nor_cp1252_are_refused(tmp_path):
    path = tmp_path / "bin.json"
    path.write_bytes(b'{"exercise": "g_vertretbar", "name": "\x81\x8d"}')
    assert error_of(path) == (f"{path}:1: die Datei ist nicht UTF-8: das Byte 0x81 an Stelle 38 kann nicht "
                              "gelesen werden; erwartet UTF-8-Text: speichern Sie die Datei als UTF-8 (in "
                              "Windows-Editoren: „UTF-8“)")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.json"
    path.write_text("  \n", encoding="utf-8")
    assert error_of(path) == (f"{path}: die Datei ist leer; erwartet eine Antwort (eine Zuordnung mit "
                              "exercise, student und norms)")


def test_oversize_file(tmp_path):
    path = tmp_path / "big.json"
    data = base()
    data["norms"][0]["begruendung"] = "x" * 1_000_001
    path.write_text(json.dumps(data), encoding="utf-8")
    size = path.stat().st_size
    assert error_of(path) == f"{path}: die Datei hat {size} Bytes; erwartet höchstens 1000000 Bytes (1 MB)"


def test_malformed_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n "exercise": "g_vertretbar",\n "student": "1"\n "norms": []\n}\n', encoding="utf-8")
    assert error_of(path) == (f"{path}:4: kein gültiges JSON: hier fehlt ein Komma (Spalte 2); erwartet ein "
                              "JSON-Objekt, wie es das Antwortformular schreibt")


def test_malformed_yaml(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("exercise: g_vertretbar\nstudent: [1\nnorms: []\n", encoding="utf-8")
    message = error_of(path)
    assert message.startswith(f"{path}:3: kein gültiges YAML:")


def test_duplicate_json_key(tmp_path):
    path = tmp_path / "dup.json"
    path.write_text('{"exercise": "g_vertretbar", "student": "1", "student": "2", "norms": []}',
                    encoding="utf-8")
    assert error_of(path) == (f"{path}: der Schlüssel 'student' steht zweimal in einem Objekt; erwartet jeden "
                              "Schlüssel einmal")


def test_unknown_norm_with_nearest_hint(tmp_path):
    data = base()
    data["norms"][0]["norm"] = "stgb_203_2_2"
    message = error_of(write(tmp_path, data))
    assert "norms[0].norm: unbekannte Norm 'stgb_203_2_2'; meinten Sie 'stgb_203_2_1'" in message
    assert message.endswith("erwartet eine Norm-ID der Bibliothek (siehe `lawkit norms`)")


def test_unknown_element_with_nearest_hint_and_line(tmp_path):
    data = base()
    data["norms"][0]["elements"]["geheimnisse"] = {"result": "erfüllt"}
    path = write(tmp_path, data)
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if '"geheimnisse"' in text)
    assert error_of(path) == (
        f"{path}:{line}: norms[0].elements.geheimnisse: die Norm 'stgb_203_2_1' hat kein Merkmal "
        "'geheimnisse'; meinten Sie 'geheimnis', 'geheimhaltungsinteresse'?; erwartet eine Merkmals-ID wie in "
        "`lawkit show stgb_203_2_1`")


def test_element_of_a_referenced_norm_is_not_an_element_of_this_norm(tmp_path):
    data = base()
    data["norms"][0]["elements"]["beamter_oder_richter"] = {"result": "nicht erfüllt"}
    assert "hat kein Merkmal 'beamter_oder_richter'" in error_of(write(tmp_path, data))


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["norms"][0].update(result="ja"),
     "norms[0].result: erwartet einen von erfüllt, nicht erfüllt, offen, gefunden: 'ja'"),
    (lambda d: d["norms"][0].update(result="kann dahinstehen"),
     "norms[0].result: erwartet einen von erfüllt, nicht erfüllt, offen, gefunden: 'kann dahinstehen'"),
    (lambda d: d["norms"][0]["elements"]["geheimnis"].update(result=1),
     "norms[0].elements.geheimnis.result: erwartet einen von erfüllt, nicht erfüllt, offen, kann "
     "dahinstehen, gefunden: die Zahl 1"),
    (lambda d: d.update(student=1234567),
     "student: erwartet die Matrikelnummer als Text in Anführungszeichen, gefunden: die Zahl 1234567"),
    (lambda d: d.update(norms={"norm": "stgb_203_2_1"}),
     "norms: erwartet eine Liste (geprüfte Normen), gefunden: eine Zuordnung"),
    (lambda d: d["norms"][0].update(begruendung=["a", "b"]),
     "norms[0].begruendung: erwartet einen Text, gefunden: eine Liste"),
    (lambda d: d.update(gesamtergebnis={"applies": "stgb_203_2_1"}),
     "gesamtergebnis.applies: erwartet eine Liste (Norm-IDs), gefunden: 'stgb_203_2_1'"),
    (lambda d: d.update(konkurrenzen=[{"norm": "stgb_204_1"}]),
     "konkurrenzen[0]: der Schlüssel 'yields_to' fehlt; erwartet, dass er angegeben ist"),
    (lambda d: d.update(punkte=18),
     "punkte: unbekannter Schlüssel 'punkte'; erwartet einen von exercise, student, norms, name, submitted, "
     "konkurrenzen, konkurrenzen_begruendung, gesamtergebnis"),
    (lambda d: d.pop("student"), "der Schlüssel 'student' fehlt; erwartet, dass er angegeben ist"),
    (lambda d: d["norms"].append(dict(d["norms"][0])),
     "norms[1].norm: die Norm 'stgb_203_2_1' wird zweimal geprüft; erwartet jede Norm höchstens einmal"),
])
def test_wrong_types_and_keys(tmp_path, change, expected):
    data = base()
    change(data)
    assert expected in error_of(write(tmp_path, data))


def test_top_level_must_be_a_mapping(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    assert error_of(path) == (f"{path}:1: erwartet eine Zuordnung mit den Schlüsseln exercise, student, "
                              "norms, gefunden: eine Liste")


@pytest.mark.parametrize("student", ["../../x", "a/b", "", "x" * 41, "Müller", "a b", ".."])
def test_student_id_must_be_safe_for_a_file_name(tmp_path, student):
    data = base()
    data["student"] = student
    message = error_of(write(tmp_path, data))
    assert "student: " in message
    assert "ist keine gültige Matrikelnummer; erwartet 1 bis 40 Buchstaben, Ziffern, '_' oder '-'" in message


def test_a_folder_and_a_missing_file(tmp_path):
    assert error_of(tmp_path) == f"{tmp_path}: das ist ein Ordner; erwartet eine Antwortdatei"
    assert error_of(tmp_path / "nope.json") == (f"{tmp_path / 'nope.json'}: die Datei gibt es nicht; "
                                                "erwartet eine Antwortdatei")


def test_fingerprint_ignores_who_and_when_but_not_what():
    a = load_answer(ANSWERS / "vertretbar_perfect.json")
    data = base()
    data.update(student="9", name="Jemand", submitted="2030-01-01")
    from lawkit.grading.answers import answer_from_mapping

    b = answer_from_mapping(data)
    assert a.fingerprint() == b.fingerprint()
    data["norms"][0]["result"] = "offen"
    assert answer_from_mapping(data).fingerprint() != a.fingerprint()
