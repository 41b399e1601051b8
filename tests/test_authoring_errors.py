"""Malformed authored files: each problem gets one German message naming file, line, path and what
was expected; a file with several problems gets all of them at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawkit import AuthoringError, load_case, load_library, load_norm
from lawkit.cli import main
from lawkit.loading.library import DATA_DIR

NORM = (DATA_DIR / "norms" / "stgb_205_1_1.yaml").read_text(encoding="utf-8")
CASE = (DATA_DIR / "cases" / "bafin_angestellte.yaml").read_text(encoding="utf-8")
QUESTION = "    question: Hat der Verletzte (oder ein anderer Antragsberechtigter) Strafantrag gestellt?\n"


def _write(tmp_path: Path, text: str | bytes, name: str = "datei.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _norm_error(tmp_path: Path, text: str | bytes, library) -> str:
    path = _write(tmp_path, text)
    with pytest.raises(AuthoringError) as info:
        norm = load_norm(path)
        # cross-references are checked against the library, as `lawkit validate` does
        from types import MappingProxyType

        from lawkit.loading.library import Library, check_library

        check_library(Library(MappingProxyType({**library.norms, norm.id: norm}), library.seeds))
    return str(info.value).replace(str(path), "F")


def _case_error(tmp_path: Path, text: str, library) -> str:
    path = _write(tmp_path, text)
    with pytest.raises(AuthoringError) as info:
        load_case(path, library)
    return str(info.value).replace(str(path), "F")


NORM_CASES = {
    "empty file": ("", "F: die Datei ist leer; erwartet eine YAML-Zuordnung (Schlüssel: Wert)"),
    "not YAML": ("id: x\ntitle: [unclosed\nkind: y\n",
                 "F:3: kein gültiges YAML: hier fehlt ein Komma oder eine schließende eckige Klammer ']'"),
    "a list, not a mapping": ("- a\n- b\n",
                              "F:1: erwartet eine Zuordnung mit den Schlüsseln id, citation, title, kind, "
                              "wording, gefunden: eine Liste"),
    "misspelt key": (NORM.replace("    label: Strafantrag gestellt", "    lable: Strafantrag gestellt"),
                     "F:13: elements[0].lable: unbekannter Schlüssel 'lable'; meinten Sie 'label'?; erwartet "
                     "einen von id, label, definition, sources, cite, obersatz, positive, negative, open, "
                     "all_of, any_of, fact, ref, dispute, question, satisfied_by"),
    "missing key": (NORM.replace("citation: § 205 Abs. 1 S. 1 StGB\n", ""),
                    "F:2: der Schlüssel 'citation' fehlt; erwartet, dass er angegeben ist"),
    "two deciders": (NORM.replace("    fact: strafantrag_gestellt\n",
                                  "    fact: strafantrag_gestellt\n    ref: stgb_203_2_1\n"),
                     "F:12: elements[0]: das Merkmal 'antrag_gestellt' braucht genau einen der Schlüssel "
                     "all_of, any_of, fact, ref, dispute (gefunden: fact, ref)"),
    "role slot without a case": (
        NORM.replace("    positive: Strafantrag ist gestellt.", '    positive: "{claimant} hat Strafantrag gestellt."'),
        "F:17: elements[0].positive: {claimant} nennt die Rolle 'claimant' ohne Kasus; erwartet z. B. "
        "{claimant:nom} (nom, gen, dat oder akk, wie der Satz es verlangt)"),
    "role noun lawkit cannot decline": (
        NORM.replace("    positive: Strafantrag ist gestellt.",
                     '    positive: "{claimant:nom} ist {claimant:nom:Antragsberechtigter}."'),
        "F:17: elements[0].positive: {claimant:nom:Antragsberechtigter}: 'Antragsberechtigter' ist kein "
        "Rollensubstantiv, das lawkit beugen kann; erwartet eines von Amtsträger, Angestellter, Anspruchsgegner, Anspruchsteller, "
        "Antragsteller, Arbeitnehmer, Beamter, Bearbeiter, Beauftragter, Beschwerdeführer, Beschäftigter, "
        "Beteiligter, Betroffener, Bevollmächtigter, Dienstherr, Geschädigter, Kläger, Mitarbeiter, Prüfer, "
        "Richter, Täter, Verletzter, Verpflichteter, Wirtschaftsprüfer"),
    "declined article in a role noun": (
        NORM.replace("    positive: Strafantrag ist gestellt.",
                     '    positive: "Strafantrag hat {claimant:nom:einen Verletzter} gestellt."'),
        "F:17: elements[0].positive: {claimant:nom:einen Verletzter}: schreiben Sie den Artikel im "
        "Nominativ maskulin (der, ein oder kein), nicht 'einen'; lawkit beugt ihn"),
    "text slot with a case": (
        NORM.replace("    positive: Strafantrag ist gestellt.", '    positive: "{citation:dat} ist erfüllt."'),
        "F:17: elements[0].positive: {citation:dat}: der Platzhalter 'citation' ist reiner Text und hat "
        "keinen Kasus; schreiben Sie {citation}"),
    "Anwendbarkeit without condition": (
        NORM.replace("elements:\n", "relations:\n  - {kind: Sperrwirkung, yields_to: stgb_203_2_1, "
                     "explanation: E, stage: anwendbarkeit}\nelements:\n"),
        "F:12: relations[0]: eine Konkurrenz, die als Frage der Anwendbarkeit geprüft wird, braucht eine "
        "'condition' (die Voraussetzung, die die Norm sperrt, z. B. Beamter im staatsrechtlichen Sinne)"),
    "leaf without question": (NORM.replace(QUESTION, ""),
                              "F:12: elements[0]: das Blatt 'antrag_gestellt' hat eine Tatsache ('fact'), "
                              "aber keine 'question'; erwartet die Frage, die der Sachverhalt beantwortet"),
    "citation not canonical": (NORM.replace("citation: § 205 Abs. 1 S. 1 StGB", "citation: Paragraph 205 StGB"),
                               "F:3: citation: 'Paragraph 205 StGB' lässt sich nicht als Zitat einer Norm "
                               "lesen; erwartet z. B. '§ 203 Abs. 2 S. 1 StGB' oder 'Art. 34 GG' (mehrere "
                               "verbunden mit ' i.V.m. ')"),
    "unknown kind": (NORM.replace("kind: Verfahrensvoraussetzung", "kind: Vorschrift"),
                     "F:5: kind: erwartet einen von Straftatbestand, Anspruchsgrundlage, "
                     "Verfahrensvoraussetzung, Definitionsnorm, Rechtsbehelf, Verhaltensnorm, gefunden: "
                     "'Vorschrift'"),
    "key given twice": (NORM.replace("title: Strafantrag\n", "title: Strafantrag\ntitle: Antrag\n"),
                        "F:5: title: dieser Schlüssel steht zweimal da; erwartet jeden Schlüssel einmal"),
    "invalid id": (NORM.replace("id: stgb_205_1_1", "id: StGB 205"),
                   "F:2: id: 'StGB 205' ist keine gültige ID; erwartet Kleinbuchstaben, Ziffern und "
                   "Unterstriche, beginnend mit einem Buchstaben (z. B. 'stgb_203_2_1')"),
    "Verweisung to an unknown norm": (
        NORM.replace("    fact: strafantrag_gestellt\n" + QUESTION, "    ref: stgb_203_2\n"),
        "F:14: elements[0].ref: unbekannte Norm 'stgb_203_2'; meinten Sie 'stgb_203_2_1', "
        "'stgb_203_6', 'stgb_205_1_1'?; erwartet eine Norm-ID der Bibliothek (siehe `lawkit norms`)"),
    "unknown seed": (NORM.replace("seed: ausarbeitung", "seed: gutachten"),
                     "F:10: sources[0].seed: unbekannte Quelle 'gutachten'; erwartet eine von ausarbeitung, "
                     "bverwg"),
    "offen cannot satisfy": (NORM.replace("    fact: strafantrag_gestellt\n",
                                          "    fact: strafantrag_gestellt\n    satisfied_by: offen\n"),
                             "F:15: elements[0].satisfied_by: erwartet einen von ja, nein, gefunden: 'offen'"),
    "not UTF-8 (Windows cp1252)": (NORM.encode("cp1252"),
                                   "F:1: die Datei ist nicht UTF-8: das Byte 0xa7 an Stelle 2 kann nicht gelesen "
                                   "werden – sie sieht nach Windows-1252 (cp1252) aus, dort ist dieses Byte "
                                   "'§'; erwartet UTF-8-Text: speichern Sie die Datei als UTF-8 (in "
                                   "Windows-Editoren: „UTF-8“)"),
    "same fact asked in other words": (
        NORM.replace(QUESTION, "    question: Wurde ein Antrag gestellt?\n").replace(
            "fact: strafantrag_gestellt", "fact: vorsatz_offenbaren"),
        "F:12: elements[0]: die Tatsache 'vorsatz_offenbaren' wird hier als 'Wurde ein Antrag gestellt?' "
        "gefragt, in 'stgb_203_2_1' aber als 'Handelte der Täter hinsichtlich aller objektiven "
        "Tatbestandsmerkmale zumindest mit bedingtem Vorsatz?'; erwartet eine Fassung je Tatsache"),
}


@pytest.mark.parametrize("name", list(NORM_CASES))
def test_malformed_norm_file_gets_exact_messages(tmp_path, name, core_library):
    text, message = NORM_CASES[name]
    assert _norm_error(tmp_path, text, core_library) == message


def test_utf8_with_bom_is_fine(tmp_path):
    path = _write(tmp_path, "\ufeff" + NORM)
    assert load_norm(path).id == "stgb_205_1_1"


def test_oversize_file_is_refused_before_reading(tmp_path):
    path = _write(tmp_path, "# " + "x" * 2_000_100 + "\n")
    with pytest.raises(AuthoringError) as info:
        load_norm(path)
    assert str(info.value) == f"{path}: die Datei hat 2000103 Bytes; erwartet höchstens 2000000 Bytes (2 MB)"


def test_alias_bomb_is_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, "
              f"*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 9)]
    path = _write(tmp_path, "\n".join(lines) + "\n")
    with pytest.raises(AuthoringError) as info:
        load_norm(path)
    assert "mehr als 200000 Werte (verschachtelte Anker?); erwartet eine kleine Datei" in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(AuthoringError) as info:
        load_norm(tmp_path / "fehlt.yaml")
    assert str(info.value) == f"{tmp_path / 'fehlt.yaml'}: die Datei gibt es nicht; erwartet eine YAML-Datei"


CASE_CASES = {
    "answer not ja/nein/offen": (CASE.replace("  offenbart:\n    answer: ja", "  offenbart:\n    answer: jein"),
                                 "F:65: facts.offenbart.answer: erwartet einen von ja, nein, offen, gefunden: 'jein'"),
    "YAML yes is not ja": (CASE.replace("  offenbart:\n    answer: ja", "  offenbart:\n    answer: yes"),
                           "F:65: facts.offenbart.answer: erwartet einen von ja, nein, offen, gefunden: true (ein "
                           "Ja/Nein-Wert)"),
    "unknown fact": (CASE.replace("  offenbart:\n", "  offenbarung:\n"),
                     "F:65: facts.offenbarung: keine geprüfte Norm fragt nach der Tatsache 'offenbarung'; "
                     "meinten Sie 'offenbart', 'vorsatz_offenbaren'?; erwartet nur Tatsachen, nach denen die "
                     "geprüften Normen fragen\n"
                     "F:28: facts: keine Antwort auf die Tatsache 'offenbart' (Hat der Täter das Geheimnis "
                     "einem Dritten mitgeteilt?), nach der stgb_203_2_1 fragt; erwartet "
                     "answer: ja, nein oder offen mit einer note — 'offen' wird nie unterstellt"),
    "missing fact": (CASE.replace("  strafantrag_gestellt:\n    answer: ja\n    note: Die Y-GmbH stellt "
                                  "fristgerecht Strafantrag.\n    source: SV Abs. 3\n", ""),
                     "F:28: facts: keine Antwort auf die Tatsache 'strafantrag_gestellt' (Hat der Verletzte "
                     "(oder ein anderer Antragsberechtigter) Strafantrag gestellt?), nach der stgb_203_2_1 "
                     "fragt; erwartet answer: ja, nein oder offen mit einer note — 'offen' wird nie "
                     "unterstellt"),
    "unknown norm": (CASE.replace("  - norm: stgb_203_2_1", "  - norm: stgb_203_1"),
                     "F:25: examine[0].norm: unbekannte Norm 'stgb_203_1'; meinten Sie 'stgb_203_2_1', "
                     "'stgb_203_6', 'stgb_205_1_1'?; erwartet eine Norm-ID der Bibliothek (siehe "
                     "`lawkit norms`)"),
    "unknown view": (CASE.replace("roles:\n", "views:\n  geheimnisbegriff: mindermeinung\nroles:\n"),
                     "F:21: views.geheimnisbegriff: der Meinungsstreit 'geheimnisbegriff' hat keine Ansicht "
                     "'mindermeinung'; erwartet eine von geheimhaltungsinteresse_erforderlich, "
                     "beschraenkte_bekanntheit_genuegt"),
    "fact without note": (CASE.replace("  offenbart:\n    answer: ja\n    note: R erzählt ihrem Bruder B von "
                                       "dem Kundenverlust und den Schließungsplänen.\n    source: SV Abs. 3\n",
                                       "  offenbart: ja\n"),
                          "F:64: facts.offenbart: erwartet eine Zuordnung mit 'answer' und 'note' (die Stelle "
                          "des Sachverhalts hinter der Antwort), gefunden nur 'ja'"),
    "Straftatbestand without conduct": (
        CASE.replace("    conduct: sie ihrem Bruder B von dem Kundenverlust und den Schließungsplänen der "
                     "Y-GmbH erzählte\n", ""),
        "F:25: examine[0]: die Norm 'stgb_203_2_1' ist ein Straftatbestand: erwartet 'conduct', das "
        "\"indem …\" ergänzt (was die Person getan hat)"),
    "role missing": (CASE.replace("  subject: {name: R, gender: f}\n", ""),
                     "F:24: examine[0]: die Norm 'stgb_203_2_1' braucht die Rolle 'subject' (z. B. die "
                     "geprüfte Person); erwartet sie unter 'roles' des Falls oder dieses Eintrags"),
    "role without gender": (CASE.replace("  subject: {name: R, gender: f}\n", "  subject: R\n"),
                            "F:21: roles.subject: die Rolle 'subject' ('R') braucht ihr grammatisches "
                            "Geschlecht, damit das Gutachten sie beugen kann (des/der R, "
                            "Amtsträger/Amtsträgerin); erwartet {name: R, gender: f} (f, m oder n) oder ein "
                            "Substantiv mit Artikel wie 'die Z-Bank'"),
    "role with a wrong gender": (CASE.replace("  subject: {name: R, gender: f}\n",
                                              "  subject: {name: R, gender: w}\n"),
                                 "F:21: roles.subject.gender: 'w' ist kein Genus; erwartet f, m oder n"),
}


@pytest.mark.parametrize("name", list(CASE_CASES))
def test_malformed_case_file_gets_exact_messages(tmp_path, name, core_library):
    text, message = CASE_CASES[name]
    assert _case_error(tmp_path, text, core_library) == message


def _library(tmp_path: Path, norms: dict[str, str]) -> Path:
    (tmp_path / "norms").mkdir()
    for name, text in norms.items():
        (tmp_path / "norms" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _simple_norm(norm_id: str, ref: str) -> str:
    return (f"id: {norm_id}\ncitation: § 1 TestG\ntitle: T\nkind: Definitionsnorm\nwording: W\n"
            f"elements:\n  - id: e\n    label: E\n    ref: {ref}\n")


def test_circular_verweisung_is_refused(tmp_path):
    base = _library(tmp_path, {"a": _simple_norm("a", "b"), "b": _simple_norm("b", "a")})
    with pytest.raises(AuthoringError) as info:
        load_library(base)
    assert str(info.value) == (f"{base / 'norms' / 'b.yaml'}:9: elements[0].ref: die Verweisungen laufen "
                               "im Kreis: a → b → a")


def test_duplicate_norm_id_is_refused(tmp_path):
    text = _simple_norm("a", "a").replace("ref: a", "fact: x\n    question: X?")
    base = _library(tmp_path, {"a": text, "b": text})
    with pytest.raises(AuthoringError) as info:
        load_library(base)
    assert str(info.value) == (f"{base / 'norms' / 'b.yaml'}:1: id: die Norm-ID 'a' ist schon vergeben: "
                               f"{base / 'norms' / 'a.yaml'}; erwartet eine eigene ID (z. B. mit einem "
                               "Präfix des Kurses)")


def test_meinungsstreit_needs_two_views(tmp_path, core_library):
    text = NORM.replace("    fact: strafantrag_gestellt\n" + QUESTION,
                        "    dispute:\n      id: streit\n      question: ob …\n      views:\n"
                        "        - id: eins\n          label: Eins\n          position: P\n"
                        "          fact: strafantrag_gestellt\n      " + QUESTION)
    assert _norm_error(tmp_path, text, core_library) == ("F:18: elements[0].dispute.views: ein Meinungsstreit "
                                                         "braucht mindestens zwei Ansichten")


def test_validate_goes_on_past_a_bad_file_and_reports_each(tmp_path, capsys, core_library_dir):
    good = _write(tmp_path, NORM, "gut.yaml")
    bad = _write(tmp_path, NORM.replace("kind: Verfahrensvoraussetzung", "kind: Vorschrift"), "schlecht.yaml")
    empty = _write(tmp_path, "", "leer.yaml")
    code = main(["validate", "--library", str(core_library_dir), str(bad), str(good), str(empty)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == f"ok     {good}: Norm 'stgb_205_1_1' (§ 205 Abs. 1 S. 1 StGB, 2 Merkmale)\n"
    assert err == (
        f"Fehler {bad}:5: kind: erwartet einen von Straftatbestand, Anspruchsgrundlage, "
        "Verfahrensvoraussetzung, Definitionsnorm, Rechtsbehelf, Verhaltensnorm, gefunden: 'Vorschrift'\n"
        f"Fehler {empty}: die Datei ist leer; erwartet eine YAML-Zuordnung (Schlüssel: Wert)\n"
        "2 Fehler in 2 von 3 Datei(en)\n"
    )


def test_validate_warns_where_the_gutachten_would_not_read_well(tmp_path, capsys, core_library_dir):
    """A valid norm whose element has no phrases of its own, and a phrase that is not a main
    clause: 'ok', then one warning each; the exit code stays 0."""
    text = (NORM.replace("    positive: Strafantrag ist gestellt.\n", "")
            .replace("    negative: Strafantrag ist nicht gestellt.\n",
                     "    negative: Kein Strafantrag.\n"))
    path = _write(tmp_path, text, "antrag.yaml")
    code = main(["validate", "--library", str(core_library_dir), str(path)])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert out == (
        f"ok     {path}: Norm 'stgb_205_1_1' (§ 205 Abs. 1 S. 1 StGB, 2 Merkmale)\n"
        f"Warnung {path}: stgb_205_1_1: dem Merkmal 'antrag_gestellt' (Strafantrag gestellt) fehlt der "
        "Satz für positive; das Gutachten sagt dann nur \"Diese Voraussetzung …\" — erwartet eigene "
        "Sätze (positive, negative, open)\n"
        f"Warnung {path}: stgb_205_1_1: Merkmal 'antrag_gestellt': im Satz negative 'Kein "
        "Strafantrag.' steht an zweiter Stelle kein gebeugtes Verb, das lawkit kennt; erwartet einen "
        "Hauptsatz (\"R handelte vorsätzlich.\", \"Ein Geheimnis liegt vor.\")\n")


def test_validate_runs_the_language_check_on_a_case(tmp_path, capsys, core_library_dir):
    text = CASE.replace("note: Die Tatsachen betreffen die Y-GmbH, nicht R selbst.",
                        "note: Das Geheimnis ist fremd.")
    assert text != CASE
    path = _write(tmp_path, text, "fall.yaml")
    code = main(["validate", "--library", str(core_library_dir), str(path)])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "Warnung" not in out  # the renderer leaves out the repeated sentence itself
    text = CASE.replace("note: Die Tatsachen betreffen die Y-GmbH, nicht R selbst.",
                        "note: „Betrifft die geheime Tatsache einen anderen als den Täter selbst?“ Ja.")
    path = _write(tmp_path, text, "fall2.yaml")
    main(["validate", "--library", str(core_library_dir), str(path)])
    out, _ = capsys.readouterr()
    assert out.splitlines()[1] == (
        f"Warnung {path}: gutachten/ausführlich: [zitierte_frage] A. § 203 Abs. 2 S. 1 Nr. 1 StGB – "
        "Verletzung von Privatgeheimnissen: eine Frage gehört nicht in Anführungszeichen in den "
        "Text: „Betrifft die geheime Tatsache einen anderen als den Täter selbst?“")
    assert len(out.splitlines()) == 5  # both styles; the klausur level states the point briefly
