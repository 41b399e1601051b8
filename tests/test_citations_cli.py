"""`lawkit cite FILE|- [--format json|text]`."""

from __future__ import annotations

import io
import json
import sys

import pytest

from lawkit.cli import main

TEXT = "Nach § 839 BGB i.V.m. Art. 34 GG (BVerwG, Urteil vom 5. Juli 1994 - 9 C 158.94 - BVerwGE 96, 200)."


def test_json_output(tmp_path, capsys):
    path = tmp_path / "text.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["cite", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["start"], d["end"], d["kind"], d["text"]) for d in data] == [
        (5, 14, "norm", "§ 839 BGB"),
        (22, 32, "norm", "Art. 34 GG"),
        (34, 96, "case", "BVerwG, Urteil vom 5. Juli 1994 - 9 C 158.94 - BVerwGE 96, 200"),
    ]
    assert (data[1]["law"], data[1]["article"], data[1]["relation"]) == ("GG", True, "i.V.m.")
    assert (data[2]["court"], data[2]["date"], data[2]["file_numbers"]) == ("BVerwG", "1994-07-05", ["9 C 158.94"])
    assert data[2]["reporters"][0]["canonical"] == "BVerwGE 96, 200"


def test_text_output_from_stdin_with_bom(monkeypatch, capsys):
    stdin = io.TextIOWrapper(io.BytesIO(("\ufeff" + TEXT).encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["cite", "-", "--format", "text"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "5-14\tNorm\t§ 839 BGB\t§ 839 BGB",
        "22-32\tNorm\tArt. 34 GG\tArt. 34 GG",
        "34-96\tEntscheidung\tBVerwG, Urteil vom 05.07.1994 - 9 C 158.94 - BVerwGE 96, 200\t"
        "BVerwG, Urteil vom 5. Juli 1994 - 9 C 158.94 - BVerwGE 96, 200",
    ]


def test_empty_file_gives_empty_list(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert main(["cite", str(path)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_missing_file_is_a_user_error(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert main(["cite", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err == f"lawkit cite: {missing}: die Datei gibt es nicht; erwartet eine Textdatei\n"


def test_windows_encoded_file_names_the_byte_offset(tmp_path, capsys):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Nach § 5 BGB".encode("cp1252"))
    assert main(["cite", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:1: die Datei ist nicht UTF-8: das Byte 0xa7 an Stelle 5 kann nicht gelesen werden" in err
    assert "Traceback" not in err


def test_directory_is_a_user_error(tmp_path, capsys):
    assert main(["cite", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"lawkit cite: {tmp_path}: das ist ein Ordner; erwartet eine Textdatei\n"


def test_bad_format_is_rejected_by_argparse():
    with pytest.raises(SystemExit) as exc:
        main(["cite", "-", "--format", "xml"])
    assert exc.value.code == 2


NEW_KINDS = (
    "Vgl. BVerfGE 51, 304 <312>; BGH, GRUR 2011, 1043, 1045 Rn. 31 – Lichtschalter; "
    "SozR 4-2500 § 106 Nr 7; Art. 6 Abs. 1 der Richtlinie 2011/83/EU; VO (EU) Nr. 1303/2013."
)


def test_new_kinds_in_text_output(tmp_path, capsys):
    path = tmp_path / "text.txt"
    path.write_text(NEW_KINDS, encoding="utf-8")
    assert main(["cite", str(path), "--format", "text"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "5-26\tEntscheidung\tBVerfGE 51, 304 <312>\tBVerfGE 51, 304 <312>",
        "28-77\tEntscheidung\tBGH, GRUR 2011, 1043 <1045> Rn. 31 – Lichtschalter\t"
        "BGH, GRUR 2011, 1043, 1045 Rn. 31 – Lichtschalter",
        "79-101\tEntscheidung\tSozR 4-2500 § 106 Nr. 7\tSozR 4-2500 § 106 Nr 7",
        "103-142\tNorm\tArt. 6 Abs. 1 RL 2011/83/EU\tArt. 6 Abs. 1 der Richtlinie 2011/83/EU",
        "144-165\tEU-Rechtsakt\tVO (EU) Nr. 1303/2013\tVO (EU) Nr. 1303/2013",
    ]


def test_new_kinds_in_json_output(tmp_path, capsys):
    path = tmp_path / "text.txt"
    path.write_text(NEW_KINDS, encoding="utf-8")
    assert main(["cite", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["kind"] for d in data] == ["case", "case", "case", "norm", "act"]
    grur = data[1]
    assert (grur["court"], grur["name"], grur["pinpoint"]) == ("BGH", "Lichtschalter", None)
    assert grur["reporters"] == [{"name": "GRUR", "volume": "2011", "page": "1043", "number": None,
                                  "pinpoint": "1045 Rn. 31", "canonical": "GRUR 2011, 1043 <1045> Rn. 31"}]
    assert (data[3]["law"], data[3]["article"], data[3]["absatz"]) == ("RL 2011/83/EU", True, "1")
    assert {k: data[4][k] for k in ("act_kind", "community", "number", "canonical")} == {
        "act_kind": "VO", "community": "EU", "number": "1303/2013", "canonical": "VO (EU) Nr. 1303/2013"}
