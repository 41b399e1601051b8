"""§ 823 Abs. 2 BGB i.V.m. § 21 WpHG beside § 839 BGB (Ausarbeitung, Abschn. 3.2, Fn. 33–38).

§ 839 BGB governs the liability for Amtspflichtverletzungen exhaustively, at least for Beamte im
staatsrechtlichen Sinne: for them § 823 Abs. 2 BGB is not applicable at all — whatever becomes
of the damage. That is a question of Anwendbarkeit, examined before the Tatbestand, and its
condition stands on its own. For a non-Beamter § 823 Abs. 2 applies; the claim lies against the
official, but under Art. 34 GG the BaFin is the Haftungsadressatin (Fn. 38).
"""

from __future__ import annotations

import pytest

from lawkit import Result, check


@pytest.fixture(scope="module")
def beamtin(library):
    return library.case("amtshaftung_beamtin")


@pytest.mark.parametrize("damage", ["ja", "nein", "offen"])
def test_for_a_beamtin_823_is_barred_whatever_becomes_of_the_damage(library, beamtin, damage):
    case = beamtin.with_answer("schaden_entstanden", damage)
    result = check(case, library).norm("bgb_823_2_wphg_21")
    assert result.applicable is Result.NICHT_ERFUELLT
    assert result.result is Result.NICHT_ERFUELLT  # never "offen", even with the damage open
    assert result.applies is Result.NICHT_ERFUELLT
    assert result.deciding == ()
    assert result.basis == ("beamter_staatsrechtlich",)
    # the Tatbestand is not examined where the norm is not applicable
    assert not any(er.examined for er in result.root.walk())
    amtshaftung = check(case, library).norm("bgb_839_gg_34").result
    assert amtshaftung is {"ja": Result.ERFUELLT, "nein": Result.NICHT_ERFUELLT,
                           "offen": Result.OFFEN}[damage]


def test_gutachten_for_a_beamtin_examines_the_anwendbarkeit_first_and_stops(library, beamtin):
    text = check(beamtin, library).gutachten().markdown()
    part = text[text.index("## B. § 823"):text.index("## C. Gesamtergebnis")]
    assert part.startswith(
        "## B. § 823 Abs. 2 S. 1 BGB i.V.m. § 21 Abs. 1 S. 1 WpHG – Schadensersatz wegen "
        "Verletzung eines Schutzgesetzes\n\nDie X-AG könnte gegen F einen Anspruch auf "
        "Schadensersatz aus § 823 Abs. 2 S. 1 BGB i.V.m. § 21 Abs. 1 S. 1 WpHG haben.\n\n"
        "### I. Anwendbarkeit\n\n§ 823 Abs. 2 S. 1 BGB müsste neben § 839 Abs. 1 S. 1 BGB "
        "anwendbar sein.")
    assert ("F wurde unter Aushändigung einer Ernennungsurkunde zur Regierungsrätin ernannt "
            "(SV Abs. 1). F ist Beamtin im staatsrechtlichen Sinne. § 823 Abs. 2 S. 1 BGB ist "
            "daher neben § 839 Abs. 1 S. 1 BGB nicht anwendbar.") in part
    assert "### II." not in part  # no Tatbestand after the Anwendbarkeit failed
    assert "Schaden " not in part.split("### I. Anwendbarkeit")[1]  # the damage is not asked
    assert ("**Ergebnis: Die X-AG hat gegen F keinen Anspruch auf Schadensersatz aus § 823 Abs. 2 "
            "S. 1 BGB i.V.m. § 21 Abs. 1 S. 1 WpHG.**") in part
    end = text[text.index("## C. Gesamtergebnis"):]
    assert ("Die X-AG hat gegen F keinen Anspruch auf Schadensersatz aus § 823 Abs. 2 S. 1 BGB "
            "i.V.m. § 21 Abs. 1 S. 1 WpHG. Die Vorschrift ist neben § 839 Abs. 1 S. 1 BGB i.V.m. "
            "Art. 34 S. 1 GG nicht anwendbar (Sperrwirkung).") in end
    # no Konkurrenzen section: the relation was decided as Anwendbarkeit
    assert "Konkurrenzen" not in text


def test_for_a_non_beamtin_823_applies_and_stays_open_with_the_damage(library, beamtin):
    case = beamtin.variant("angestellte")
    result = check(case, library).norm("bgb_823_2_wphg_21")
    assert result.applicable is Result.ERFUELLT
    assert result.result is Result.OFFEN
    assert result.deciding == ("schaden_entstanden",)
    assert result.root.find("schaden_823").examined
    text = check(case, library).gutachten().markdown()
    assert ("F ist Tarifbeschäftigte der BaFin; eine Ernennungsurkunde hat sie nie erhalten. F ist "
            "keine Beamtin im staatsrechtlichen Sinne. Die Sperrwirkung des § 839 Abs. 1 S. 1 BGB "
            "greift daher nicht; § 823 Abs. 2 S. 1 BGB ist anwendbar.") in text
    # the claim against the official, and where the liability goes (Art. 34 GG, Fn. 38)
    assert ("Ist durch den Verstoß der X-AG ein Schaden entstanden, hat die X-AG gegen F einen "
            "Anspruch auf Schadensersatz aus § 823 Abs. 2 S. 1 BGB i.V.m. § 21 Abs. 1 S. 1 WpHG; "
            "andernfalls nicht. Der Anspruch ist auf Ersatz des durch den Verstoß entstandenen "
            "Schadens gerichtet. Unter den Voraussetzungen des Art. 34 S. 1 GG, also wenn F in "
            "Ausübung eines öffentlichen Amtes handelte, haftet sie jedoch nicht persönlich; "
            "Haftungsadressatin ist dann die BaFin als Dienstherrin.") in text
    # the parts already examined for § 839 are not written twice
    assert "F hat gegen das Schutzgesetz verstoßen (siehe oben A. II. 1.)." in text


def test_for_a_non_beamtin_with_the_damage_proved_both_claims_are_met(library, beamtin):
    case = beamtin.variant("angestellte").with_answer("schaden_entstanden", "ja")
    result = check(case, library)
    assert result.norm("bgb_823_2_wphg_21").result is Result.ERFUELLT
    assert result.norm("bgb_823_2_wphg_21").applies is Result.ERFUELLT
    assert result.norm("bgb_839_gg_34").applies is Result.ERFUELLT


def test_status_open_gives_both_branches_of_the_anwendbarkeit(library, beamtin):
    case = beamtin.variant("status_offen")
    result = check(case, library).norm("bgb_823_2_wphg_21")
    assert result.applicable is Result.OFFEN
    assert result.deciding == ("beamter_staatsrechtlich", "schaden_entstanden")
    text = check(case, library).gutachten().markdown()
    assert ("Ob F eine Ernennungsurkunde erhalten hat, ist nicht bekannt. Ist F Beamtin im "
            "staatsrechtlichen Sinne, ist § 823 Abs. 2 S. 1 BGB neben § 839 Abs. 1 S. 1 BGB nicht "
            "anwendbar; andernfalls ist die Vorschrift anwendbar.") in text


def test_urteilsstil_states_the_bar_first_and_then_its_reason(library, beamtin):
    text = check(beamtin, library).gutachten("urteilsstil").markdown()
    assert ("### I. Anwendbarkeit\n\n§ 823 Abs. 2 S. 1 BGB ist neben § 839 Abs. 1 S. 1 BGB nicht "
            "anwendbar. Denn die Haftung für Amtspflichtverletzungen ist in § 839 BGB abschließend "
            "geregelt, jedenfalls für Beamte im staatsrechtlichen Sinne.") in text
    assert ("F ist Beamtin im staatsrechtlichen Sinne, denn sie wurde unter Aushändigung einer "
            "Ernennungsurkunde zur Regierungsrätin ernannt (SV Abs. 1).") in text


def test_the_pruefungsschema_shows_the_anwendbarkeit_first(library, beamtin):
    from lawkit.rendering.schema_view import schema_text

    text = schema_text(check(beamtin, library))
    part = text[text.index("§ 823 Abs. 2"):]
    assert part.splitlines()[:4] == [
        "§ 823 Abs. 2 S. 1 BGB i.V.m. § 21 Abs. 1 S. 1 WpHG – Schadensersatz wegen Verletzung eines "
        "Schutzgesetzes: nicht erfüllt",
        "  Anwendbarkeit neben § 839 Abs. 1 S. 1 BGB: nicht erfüllt",
        "    Beamter im staatsrechtlichen Sinne (schließt die Anwendbarkeit aus): erfüllt",
        "  Verstoß gegen ein Schutzgesetz (§ 21 Abs. 1 S. 1 WpHG): nicht geprüft",
    ]
    open_status = schema_text(check(beamtin.variant("status_offen"), library))
    assert ("    Beamter im staatsrechtlichen Sinne (schließt die Anwendbarkeit aus): offen – "
            "entscheidend") in open_status
