"""The `lawkit` command: check, norms, show, validate — in-process and as the real console script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from lawkit.cli import main

GOLDEN = Path(__file__).parent / "golden"


def test_norms_lists_every_norm(capsys, core_library_dir, library):
    assert main(["norms", "--library", str(core_library_dir)]) == 0
    assert capsys.readouterr().out == (
        "stgb_11_1_2   § 11 Abs. 1 Nr. 2 StGB  Definitionsnorm          Amtsträger\n"
        "stgb_11_1_4   § 11 Abs. 1 Nr. 4 StGB  Definitionsnorm          Für den öffentlichen Dienst besonders Verpflichteter\n"
        "stgb_203_2_1  § 203 Abs. 2 S. 1 StGB  Straftatbestand          Verletzung von Privatgeheimnissen\n"
        "stgb_203_6    § 203 Abs. 6 StGB       Straftatbestand          Verletzung von Privatgeheimnissen "
        "gegen Entgelt oder in Bereicherungs- oder Schädigungsabsicht\n"
        "stgb_205_1_1  § 205 Abs. 1 S. 1 StGB  Verfahrensvoraussetzung  Strafantrag\n")
    assert main(["norms"]) == 0
    ids = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert ids == sorted(library.norms)


def test_show_prints_the_pruefungsschema_with_fundstellen(capsys):
    assert main(["show", "stgb_205_1_1"]) == 0
    assert capsys.readouterr().out == (
        "§ 205 Abs. 1 S. 1 StGB – Strafantrag [Verfahrensvoraussetzung]  #stgb_205_1_1\n"
        "\n"
        "Wortlaut (paraphrasiert): Taten nach den §§ 203 und 204 StGB werden nur verfolgt, wenn der "
        "Verletzte einen Strafantrag stellt.\n"
        "  Fundstelle: § 205 Abs. 1 S. 1 StGB (zit. nach Ausarbeitung zu § 21 WpHG, Abschn. 2.1.4).\n"
        "\n"
        "Prüfungsschema (kumulativ):\n"
        "I. Strafantrag gestellt  #antrag_gestellt\n"
        "  Frage [strafantrag_gestellt]: Hat der Verletzte (oder ein anderer Antragsberechtigter) "
        "Strafantrag gestellt?\n"
    )


def test_show_names_the_meinungsstreit_and_its_views(capsys):
    assert main(["show", "stgb_203_2_1"]) == 0
    out = capsys.readouterr().out
    assert ("      aa) Geheimnis  #geheimnis\n        Definition: Geheimnisse sind Tatsachen, die nur einem Einzelnen "
            "oder einem beschränkten Kreis von Personen bekannt oder zugänglich sind.\n") in out
    assert "        Meinungsstreit [geheimnisbegriff]: ob über die beschränkte Bekanntheit hinaus" in out
    assert "– Ansicht [geheimhaltungsinteresse_erforderlich] Geheimhaltungsinteresse erforderlich (herrschende Meinung)" in out
    assert "      aa) Amtsträger [Nr. 1] → Verweisung auf stgb_11_1_2  #amtstraeger\n" in out
    assert "Verfolgbarkeit:\nI. Strafantrag → Verweisung auf stgb_205_1_1  #strafantrag\n" in out
    assert "Rechtsfolge: Freiheitsstrafe bis zu einem Jahr oder Geldstrafe\n" in out


def test_check_json_schema(capsys):
    assert main(["check", "bafin_angestellte", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["case"]["id"] == "bafin_angestellte"
    norm = data["norms"][0]
    assert (norm["id"], norm["citation"], norm["result"]) == (
        "stgb_203_2_1", "§ 203 Abs. 2 S. 1 Nr. 1 StGB", "erfüllt")
    assert norm["verfolgbarkeit"]["result"] == "erfüllt"
    assert norm["konkurrenzen"] == [] and norm["displaced"] == "nicht erfüllt"
    assert norm["applies"] == "erfüllt"
    assert norm["rechtsfolge"] == {"text": "Freiheitsstrafe bis zu einem Jahr oder Geldstrafe", "liable": None}
    tatbestand = norm["elements"][0]
    assert {k: tatbestand[k] for k in ("id", "label", "result", "examined", "dahinstehen")} == {
        "id": "tatbestand", "label": "Tatbestand", "result": "erfüllt", "examined": True,
        "dahinstehen": False}
    objektiv = tatbestand["elements"][0]
    taeterkreis = objektiv["elements"][1]
    assert [(e["id"], e["result"], e["examined"], e["dahinstehen"]) for e in taeterkreis["elements"]] == [
        ("amtstraeger", "erfüllt", True, False),
        # an Amtsträgerin is not besonders verpflichtet ("ohne Amtsträger zu sein")
        ("besonders_verpflichteter", "nicht erfüllt", False, False),
    ]
    exclusive = taeterkreis["elements"][1]["elements"][0]
    assert exclusive["ref"] == {"norm": "stgb_11_1_2", "citation": "§ 11 Abs. 1 Nr. 2 StGB",
                                "element": "stgb_11_1_2", "negated": True}
    assert (norm["applicable"], norm["in_dubio_pro_reo"]) == ("erfüllt", False)
    assert data["case"]["final"] is False
    amtstraeger = taeterkreis["elements"][0]
    assert amtstraeger["ref"] == {"norm": "stgb_11_1_2", "citation": "§ 11 Abs. 1 Nr. 2 StGB",
                                  "element": "stgb_11_1_2"}
    assert [e["id"] for e in amtstraeger["elements"]] == [
        "beamter_oder_richter", "sonstiges_amtsverhaeltnis", "bestellt_oeffentliche_verwaltung"]
    geheimnis = objektiv["elements"][0]["elements"][0]
    assert geheimnis["meinungsstreit"]["matters"] is False
    assert geheimnis["meinungsstreit"]["chosen_by"] == "herrschende Meinung"
    assert (data["gutachten"]["style"], data["gutachten"]["level"]) == ("gutachten", "ausführlich")
    assert data["gutachten"]["blocks"][0] == {
        "type": "heading", "level": 0, "number": "A.",
        "text": "§ 203 Abs. 2 S. 1 Nr. 1 StGB – Verletzung von Privatgeheimnissen"}


def test_check_with_a_chosen_view(tmp_path, capsys):
    from lawkit.loading.library import DATA_DIR

    text = (DATA_DIR / "cases" / "bafin_angestellte.yaml").read_text(encoding="utf-8")
    case = tmp_path / "fall.yaml"
    case.write_text(text.replace("  geheimhaltungsinteresse:\n    answer: ja",
                                 "  geheimhaltungsinteresse:\n    answer: nein"), encoding="utf-8")
    assert main(["check", str(case), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["norms"][0]["result"] == "nicht erfüllt"
    assert main(["check", str(case), "--format", "json",
                 "--view", "geheimnisbegriff=beschraenkte_bekanntheit_genuegt"]) == 0
    assert json.loads(capsys.readouterr().out)["norms"][0]["result"] == "erfüllt"


def test_check_errors_are_one_line_without_traceback(capsys, core_library_dir):
    assert main(["check", "bafin_angestelte"]) == 2
    assert capsys.readouterr().err == (
        "lawkit check: unbekannter Fall 'bafin_angestelte'; meinten Sie 'bafin_angestellte'?; erwartet "
        "die ID eines Falls der Bibliothek oder des Kursordners oder den Pfad einer Falldatei\n")
    assert main(["check", "bafin_angestellte", "--view", "geheimnisbegriff"]) == 2
    assert capsys.readouterr().err == (
        "lawkit check: --view 'geheimnisbegriff': erwartet STREIT=ANSICHT, z. B. "
        "geheimnisbegriff=beschraenkte_bekanntheit_genuegt\n")
    assert main(["check", "bafin_angestellte", "--view", "geheimnisbegriff=keine"]) == 2
    assert capsys.readouterr().err == (
        "lawkit check: der Meinungsstreit 'geheimnisbegriff' kennt keine Ansicht 'keine'\n")
    assert main(["show", "stgb_203", "--library", str(core_library_dir)]) == 2
    assert capsys.readouterr().err == (
        "lawkit show: unbekannte Norm 'stgb_203'; meinten Sie 'stgb_203_6', 'stgb_203_2_1', 'stgb_205_1_1'?; "
        "erwartet eine Norm-ID der Bibliothek (siehe `lawkit norms`)\n")


def _console_script() -> str:
    found = shutil.which("lawkit", path=str(Path(sys.executable).parent))
    assert found, "the console script 'lawkit' is installed with the package"
    return found


def test_real_console_script_writes_the_golden_gutachten():
    done = subprocess.run([_console_script(), "check", "bafin_angestellte", "--format", "md"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (GOLDEN / "bafin_angestellte.md").read_text(encoding="utf-8")


def test_real_console_script_error_has_no_traceback(tmp_path):
    bad = tmp_path / "kaputt.yaml"
    bad.write_bytes("id: fall\ntitle: Übung\n".encode("cp1252"))
    done = subprocess.run([_console_script(), "check", str(bad)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 2
    assert done.stderr == (f"lawkit check: {bad}:2: die Datei ist nicht UTF-8: das Byte 0xdc an Stelle 16 "
                           "kann nicht gelesen werden – sie sieht nach Windows-1252 (cp1252) aus, dort ist "
                           "dieses Byte 'Ü'; erwartet UTF-8-Text: speichern Sie die Datei als UTF-8 (in "
                           "Windows-Editoren: „UTF-8“)\n")
    assert "Traceback" not in done.stderr


def test_html_and_text_formats(capsys):
    assert main(["check", "bafin_angestellte", "--format", "html"]) == 0
    html = capsys.readouterr().out
    assert html.startswith('<div class="lawkit-report" id="lawkit-gutachten">\n'
                           "<h2>Die Angestellte der Wertpapieraufsicht — Gutachten</h2>\n")
    assert '<sup><a href="#lawkit-gutachten-fn-1">1</a></sup>' in html
    assert '<li id="lawkit-gutachten-fn-1">Vgl. Cierniak/Niehaus' in html
    assert main(["check", "bafin_angestellte"]) == 0
    text = capsys.readouterr().out
    assert "  I. Tatbestand\n" in text
    assert "[1] Vgl. Cierniak/Niehaus, in: MüKo-StGB, Bd. 4, 3. Aufl. 2017, § 203 Rn. 12" in text


def test_json_shows_konkurrenzen_verfolgbarkeit_and_anspruchsgegner(capsys):
    assert main(["check", "verkauf_an_konkurrenten", "--format", "json"]) == 0
    norms = {n["id"]: n for n in json.loads(capsys.readouterr().out)["norms"]}
    (konkurrenz,) = norms["stgb_204_1"]["konkurrenzen"]
    condition = konkurrenz.pop("condition")
    assert konkurrenz == {
        "kind": "Gesetzeskonkurrenz", "stage": "konkurrenzen", "yields_to": "stgb_203_2_1",
        "yields_to_citation": "§ 203 Abs. 2 S. 1 Nr. 1 StGB", "status": "erfüllt",
        "explanation": "Geschieht die Verwertung gerade dadurch, dass das Geheimnis im Sinne des § 203 StGB "
                       "offenbart wird, tritt § 204 StGB im Wege der Gesetzeskonkurrenz hinter § 203 StGB zurück."}
    assert (condition["id"], condition["result"], condition["fact"]["answer"]) == (
        "verwertung_durch_offenbaren", "erfüllt", "ja")
    assert (norms["stgb_204_1"]["displaced"], norms["stgb_204_1"]["applies"]) == ("erfüllt", "nicht erfüllt")
    assert norms["stgb_203_2_1"]["verfolgbarkeit"]["result"] == "erfüllt"

    assert main(["check", "dienstgeheimnis_presse.keine_ermaechtigung", "--format", "json"]) == 0
    norms = {n["id"]: n for n in json.loads(capsys.readouterr().out)["norms"]}
    assert norms["stgb_353b_1_1"]["verfolgbarkeit"]["result"] == "nicht erfüllt"
    assert norms["stgb_353b_1_1"]["applies"] == "nicht erfüllt"

    assert main(["check", "amtshaftung_bafin.angestellter", "--format", "json"]) == 0
    norms = {n["id"]: n for n in json.loads(capsys.readouterr().out)["norms"]}
    sperrwirkung = norms["bgb_823_2_wphg_21"]["konkurrenzen"][0]
    assert (sperrwirkung["stage"], sperrwirkung["status"]) == ("anwendbarkeit", "nicht erfüllt")
    assert norms["bgb_823_2_wphg_21"]["applicable"] == "erfüllt"
    assert norms["bgb_823_2_wphg_21"]["rechtsfolge"]["liable"] == (
        "Unter den Voraussetzungen des Art. 34 S. 1 GG, also wenn B in Ausübung eines öffentlichen "
        "Amtes handelte, haftet er jedoch nicht persönlich; Haftungsadressatin ist dann die BaFin als "
        "Dienstherrin.")
    assert norms["bgb_839_gg_34"]["rechtsfolge"]["liable"] == (
        "Nach Art. 34 S. 1 GG trifft die Verantwortlichkeit nicht B persönlich, sondern die BaFin als "
        "Dienstherrin; sie ist daher Anspruchsgegnerin.")

    # a Beamter: § 823 Abs. 2 BGB is not applicable next to § 839 BGB (examined first)
    assert main(["check", "amtshaftung_bafin", "--format", "json"]) == 0
    norms = {n["id"]: n for n in json.loads(capsys.readouterr().out)["norms"]}
    assert (norms["bgb_823_2_wphg_21"]["applicable"], norms["bgb_823_2_wphg_21"]["result"],
            norms["bgb_823_2_wphg_21"]["applies"]) == ("nicht erfüllt", "nicht erfüllt", "nicht erfüllt")


def test_check_at_the_klausur_level(capsys):
    assert main(["check", "bafin_angestellte", "--level", "klausurmäßig"]) == 0
    out = capsys.readouterr().out
    assert ("R ist als Angestellte der BaFin Amtsträgerin i.S.d. § 11 Abs. 1 Nr. 2 lit. c StGB "
            "(SV Abs. 1).") in out
    assert "R müsste zum Täterkreis gehören" not in out
