"""The citation patterns of issue 6, each asserted on exact spans and structured output."""

from __future__ import annotations

import json

import pytest

from lawkit.citations import (
    CaseRef,
    Reporter,
    StatuteRef,
    find_citations,
    format_group,
    format_range,
    format_statute,
    parse_statute,
)


def cites(text: str) -> list[tuple[int, int, str, str, str | None]]:
    """(start, end, surface text, canonical, relation) of each hit."""
    out = []
    for h in find_citations(text):
        assert text[h.start : h.end] == h.text
        out.append((h.start, h.end, h.text, h.canonical(), h.relation))
    return out


def refs(text: str) -> list[StatuteRef | CaseRef]:
    return [h.ref for h in find_citations(text)]


# -- statutes: subdivisions ----------------------------------------------------------------


def test_full_subdivision_chain_with_bzw():
    text = "nach § 203 Abs. 2 Satz 1 Nr. 1 Var. 1 bzw. Nr. 2 StGB in Betracht"
    assert cites(text) == [
        (5, 37, "§ 203 Abs. 2 Satz 1 Nr. 1 Var. 1", "§ 203 Abs. 2 S. 1 Nr. 1 Var. 1 StGB", None),
        (43, 53, "Nr. 2 StGB", "§ 203 Abs. 2 S. 1 Nr. 2 StGB", "bzw."),
    ]
    first, second = refs(text)
    assert first == StatuteRef("203", "StGB", absatz="2", satz="1", nummer="1", variante="1")
    assert second == StatuteRef("203", "StGB", absatz="2", satz="1", nummer="2")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("§ 11 Abs. 1 Nr. 2 Buchstabe c StGB", StatuteRef("11", "StGB", absatz="1", nummer="2", buchstabe="c")),
        ("§ 11 Abs. 1 Nr. 2 lit. c StGB", StatuteRef("11", "StGB", absatz="1", nummer="2", buchstabe="c")),
        ("§ 11 Absatz 1 Nummer 2 Buchst. c StGB", StatuteRef("11", "StGB", absatz="1", nummer="2", buchstabe="c")),
        ("§ 77 Abs. 1 Satz 1 Halbsatz 2 AsylG", StatuteRef("77", "AsylG", absatz="1", satz="1", halbsatz="2")),
        ("§ 77 Abs. 1 S. 1 Hs. 2 AsylG", StatuteRef("77", "AsylG", absatz="1", satz="1", halbsatz="2")),
        ("§ 812 Abs. 1 S. 1 Alt. 1 BGB", StatuteRef("812", "BGB", absatz="1", satz="1", alternative="1")),
        ("§ 812 Abs. 1 Satz 1 1. Alt. BGB", StatuteRef("812", "BGB", absatz="1", satz="1", alternative="1")),
        ("§ 812 Abs. 1 Satz 1 Var. 2 BGB", StatuteRef("812", "BGB", absatz="1", satz="1", variante="2")),
        ("Art. 6 Abs. 1 lit. f DSGVO", StatuteRef("6", "DSGVO", article=True, absatz="1", buchstabe="f")),
        ("§ 5 Abs 1 S 2 BGB", StatuteRef("5", "BGB", absatz="1", satz="2")),
        ("§ 823 I BGB", StatuteRef("823", "BGB", absatz="1")),
        ("§ 823 I 1 BGB", StatuteRef("823", "BGB", absatz="1", satz="1")),
        ("§ 353b StGB", StatuteRef("353b", "StGB")),
        ("§ 83 b AsylG", StatuteRef("83b", "AsylG")),
        ("§§ 44 ff. KWG", StatuteRef("44", "KWG", following="ff.")),
        ("§§ 44 ff KWG", StatuteRef("44", "KWG", following="ff.")),
        ("§ 5 f. BGB", StatuteRef("5", "BGB", following="f.")),
        ("§ 613a BGB a.F.", StatuteRef("613a", "BGB", version="aF")),
        ("§ 613a BGB aF", StatuteRef("613a", "BGB", version="aF")),
        ("§ 1 BGB n.F.", StatuteRef("1", "BGB", version="nF")),
        ("Art. 34 GG", StatuteRef("34", "GG", article=True)),
        ("Artikel 34 GG", StatuteRef("34", "GG", article=True)),
        ("§ 25 SGB VIII", StatuteRef("25", "SGB VIII")),
        ("§ 44 SGB X", StatuteRef("44", "SGB X")),
        ("§ 3 BauNVO", StatuteRef("3", "BauNVO")),  # known abbreviation
        ("§ 7 Abs. 1 S. 2 MilchSoPrG", StatuteRef("7", "MilchSoPrG", absatz="1", satz="2")),  # unknown
        ("§ 8 des Versicherungsaufsichtsgesetzes", StatuteRef("8", "VAG")),
        ("§ 263 des Strafgesetzbuchs", StatuteRef("263", "StGB")),
        ("§ 1 Bürgerliches Gesetzbuch", StatuteRef("1", "BGB")),
        ("Art. 3 des Grundgesetzes für die Bundesrepublik Deutschland", StatuteRef("3", "GG", article=True)),
        ("§ 44 des Zehnten Buches Sozialgesetzbuch", StatuteRef("44", "SGB X")),
        ("§ 1 des Gesetzes über das Kreditwesen", StatuteRef("1", "KWG")),
        ("§ 40 des Verwaltungsverfahrensgesetzes", StatuteRef("40", "VwVfG")),
        ("§ 5 Abs. 1", StatuteRef("5", "")),  # no law named: empty law
    ],
)
def test_single_provision(text, expected):
    hits = find_citations(text)
    if expected.law == "":
        expected = StatuteRef("5", "", absatz="1")
    assert [h.ref for h in hits] == [expected]
    assert (hits[0].start, hits[0].end) == (0, len(text))


def test_full_name_spans_include_the_parenthesised_abbreviation_not_the_footnote():
    text = "Nach § 21 Abs. 1 Satz 1 des Wertpapierhandelsgesetzes (WpHG)1 dürfen"
    assert cites(text) == [
        (5, 60, "§ 21 Abs. 1 Satz 1 des Wertpapierhandelsgesetzes (WpHG)", "§ 21 Abs. 1 S. 1 WpHG", None)
    ]


def test_law_name_hyphenated_across_a_line():
    text = "Anspruch aus § 839 des Bürgerlichen Ge-\nsetzbuches (BGB)28 in Verbindung mit Art. 34 des Grundgesetzes"
    assert cites(text) == [
        (13, 56, "§ 839 des Bürgerlichen Ge-\nsetzbuches (BGB)", "§ 839 BGB", None),
        (77, 102, "Art. 34 des Grundgesetzes", "Art. 34 GG", "i.V.m."),
    ]


def test_footnote_number_glued_to_the_law():
    text = "im Sinne des § 11 Abs. 1 Nr. 4 StGB11 und"
    assert cites(text) == [(13, 35, "§ 11 Abs. 1 Nr. 4 StGB", "§ 11 Abs. 1 Nr. 4 StGB", None)]


def test_non_breaking_thin_spaces_and_line_breaks():
    text = "gem. §§\u200944\u2006ff KWG, §\u00a083 Abs.\u20091 \nNr.\u20094 VAG"
    assert cites(text) == [
        (5, 17, "§§\u200944\u2006ff KWG", "§ 44 ff. KWG", None),
        (19, 41, "§\u00a083 Abs.\u20091 \nNr.\u20094 VAG", "§ 83 Abs. 1 Nr. 4 VAG", ","),
    ]
    soft = "§ 5 Abs. 1 Bürger\u00adliches Gesetz\u00adbuch"
    assert refs(soft) == [StatuteRef("5", "BGB", absatz="1")]


# -- statutes: lists, ranges, chains ---------------------------------------------------------


def test_list_sharing_one_law():
    text = "(§ 60 Abs. 1 und Abs. 2, § 173 Satz 1 VwGO, § 85 Abs. 2 ZPO)"
    assert cites(text) == [
        (1, 12, "§ 60 Abs. 1", "§ 60 Abs. 1 VwGO", None),
        (17, 23, "Abs. 2", "§ 60 Abs. 2 VwGO", "und"),
        (25, 42, "§ 173 Satz 1 VwGO", "§ 173 S. 1 VwGO", ","),
        (44, 59, "§ 85 Abs. 2 ZPO", "§ 85 Abs. 2 ZPO", ","),
    ]
    assert len({h.group for h in find_citations(text)}) == 1


def test_list_where_the_law_comes_later():
    text = "§ 166 Abs. 1 Satz 1 VwGO, § 114 Abs. 1 Satz 1, § 121 ZPO"
    assert [c[3] for c in cites(text)] == ["§ 166 Abs. 1 S. 1 VwGO", "§ 114 Abs. 1 S. 1 ZPO", "§ 121 ZPO"]


def test_bare_numbers_after_paragraphs_sign():
    assert [c[2:4] for c in cites("§§ 3, 5 und 7 BGB")] == [
        ("§§ 3", "§ 3 BGB"),
        ("5", "§ 5 BGB"),
        ("7 BGB", "§ 7 BGB"),
    ]
    assert [c[3] for c in cites("§ 167 VwGO i.V.m. §§ 708 Nr. 11, 711 ZPO")] == [
        "§ 167 VwGO",
        "§ 708 Nr. 11 ZPO",
        "§ 711 ZPO",
    ]
    assert [c[3] for c in cites("§ 5 Abs. 1 Satz 1 und 2 BGB")] == [
        "§ 5 Abs. 1 S. 1 BGB",
        "§ 5 Abs. 1 S. 2 BGB",
    ]


def test_range_of_numbers_is_one_hit_with_until():
    text = "nach § 132 Abs. 2 Nr. 1 bis Nr. 3 VwGO in Betracht"
    [hit] = find_citations(text)
    assert (hit.start, hit.end, hit.text) == (5, 38, "§ 132 Abs. 2 Nr. 1 bis Nr. 3 VwGO")
    assert hit.ref == StatuteRef("132", "VwGO", absatz="2", nummer="1")
    assert hit.until == StatuteRef("132", "VwGO", absatz="2", nummer="3")
    assert hit.canonical() == "§ 132 Abs. 2 Nr. 1 bis Nr. 3 VwGO"
    [hit] = find_citations("§§ 3 bis 5 BGB")
    assert (hit.ref, hit.until) == (StatuteRef("3", "BGB"), StatuteRef("5", "BGB"))
    assert hit.canonical() == "§§ 3 bis 5 BGB"
    [hit] = find_citations("§ 5 Abs. 1 bis 3 BGB")
    assert hit.until == StatuteRef("5", "BGB", absatz="3")


@pytest.mark.parametrize("connector", ["i.V.m.", "iVm", "i. V. m.", "in Verbindung mit", "in\nVerbindung mit"])
def test_in_verbindung_mit_is_kept_as_relation(connector):
    text = f"§ 839 BGB {connector} Art. 34 GG"
    hits = find_citations(text)
    assert [(h.canonical(), h.relation) for h in hits] == [("§ 839 BGB", None), ("Art. 34 GG", "i.V.m.")]
    assert hits[0].group == hits[1].group
    assert format_group(hits) == "§ 839 BGB i.V.m. Art. 34 GG"


def test_law_named_before_the_norm():
    text = "Rechtsquellen\n    GG Art. 12 Abs. 1\n    Art. 19 Abs. 4 Satz 1\n    VwGO § 108 Abs. 2\n    § 132 Abs. 2 Nr. 1 bis Nr. 3\n"
    assert cites(text) == [
        (18, 35, "GG Art. 12 Abs. 1", "Art. 12 Abs. 1 GG", None),
        (40, 61, "Art. 19 Abs. 4 Satz 1", "Art. 19 Abs. 4 S. 1 GG", None),
        (66, 83, "VwGO § 108 Abs. 2", "§ 108 Abs. 2 VwGO", None),
        (88, 116, "§ 132 Abs. 2 Nr. 1 bis Nr. 3", "§ 132 Abs. 2 Nr. 1 bis Nr. 3 VwGO", None),
    ]


def test_amending_act_named_by_its_date():
    text = "zuletzt durch Artikel 4 Absatz 8 des Gesetzes vom 10. Juli 2020 (BGBl. I S. 1633) geändert"
    assert cites(text) == [
        (14, 63, "Artikel 4 Absatz 8 des Gesetzes vom 10. Juli 2020", "Art. 4 Abs. 8 Gesetz vom 10.07.2020", None)
    ]


# -- false friends -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "(vgl. dazu nachfolgend Ziffer 1.)",
        "die Ausführungen des Gerichts im sechsten Absatz der Beschlussgründe",
        "(vgl. Gliederungspunkte 2.1.1. und 2.1.2.)",
        "sowie Art und Umfang der Darstellung",
        "Abs. 1 S. 2 ohne Paragraph",
        "(BGBl. I S. 2708)",
        "5. Auflage 2020, Rn. 41",
        "Teil 2, Kapitel 1, Kap. 1.2., Rn. 115",
        "nach dem Strafgesetzbuch (StGB)4",
        "in dem Urteil des Hamburgischen Oberverwaltungsgerichts vom 27. Juli 2017",
        "Schoch, NJW 2015, 123",  # an author before the journal: literature, not a decision
        "am 5. März 2018",
        "Aufsichtsarbeiten ZR III und ÖR II",
        "§ ohne Zahl, Art. ohne Zahl",
        "",
    ],
)
def test_no_false_friends(text):
    assert find_citations(text) == []


def test_paragraph_ends_before_commentary_marginal_number():
    assert cites("Fischer, StGB, 66. Aufl. 2019, § 204 StGB Rn. 3 f.") == [
        (31, 41, "§ 204 StGB", "§ 204 StGB", None)
    ]


# -- cases ---------------------------------------------------------------------------------------


def test_case_with_court_type_date_file_number_reporter():
    text = "(stRspr; vgl. BVerwG, Beschluss vom 11. Mai 1966 - 8 B 109.64 - BVerwGE 24, 91)."
    [hit] = find_citations(text)
    assert (hit.start, hit.end, hit.kind) == (14, 78, "case")
    assert hit.ref == CaseRef(
        court="BVerwG",
        decision_type="Beschluss",
        date="1966-05-11",
        file_numbers=("8 B 109.64",),
        reporters=(Reporter("BVerwGE", "24", "91"),),
    )
    assert hit.canonical() == "BVerwG, Beschluss vom 11.05.1966 - 8 B 109.64 - BVerwGE 24, 91"


def test_ecli_glued_to_the_file_number():
    text = "Beschluss vom 05.03.2018 -\nBVerwG 6 B 71.17ECLI:DE:BVerwG:2018:050318B6B71.17.0\n\nLeitsätze"
    [hit] = find_citations(text)
    assert (hit.start, hit.end) == (0, 79)
    assert hit.ref.file_numbers == ("6 B 71.17",)
    assert hit.ref.ecli == "ECLI:DE:BVerwG:2018:050318B6B71.17.0"
    assert hit.ref.court == "BVerwG"


def test_two_file_numbers_of_one_decision():
    text = "BVerfG, Beschluss vom 17. April 1991 - 1 BvR 419/81 und 213/83 - BVerfGE 84, 34 <50 ff.>"
    [hit] = find_citations(text)
    assert hit.ref.file_numbers == ("1 BvR 419/81", "1 BvR 213/83")
    assert hit.ref.reporters == (Reporter("BVerfGE", "84", "34", pinpoint="50 ff."),)
    assert (hit.start, hit.end) == (0, len(text))


def test_chain_carries_court_and_type_over():
    text = (
        "vgl. BVerwG, Beschlüsse vom 2. Oktober 1961 - 8 B 78.61 - BVerwGE 13, 90 <91 f.> und vom "
        "27. Januar 2015 - 6 B 43.14 [ECLI:DE:BVerwG:2015:270115B6B43.14.0] - NVwZ-RR 2015, 416 Rn. 8)."
    )
    assert cites(text) == [
        (5, 80, "BVerwG, Beschlüsse vom 2. Oktober 1961 - 8 B 78.61 - BVerwGE 13, 90 <91 f.>",
         "BVerwG, Beschluss vom 02.10.1961 - 8 B 78.61 - BVerwGE 13, 90 <91 f.>", None),
        (85, 181, "vom 27. Januar 2015 - 6 B 43.14 [ECLI:DE:BVerwG:2015:270115B6B43.14.0] - NVwZ-RR 2015, 416 Rn. 8",
         "BVerwG, Beschluss vom 27.01.2015 - 6 B 43.14 - [ECLI:DE:BVerwG:2015:270115B6B43.14.0] - NVwZ-RR 2015, 416 Rn. 8",
         None),
    ]


def test_chain_with_semicolons_and_a_type_change():
    text = (
        "BVerwG, Urteil vom 21. Oktober 1993 - 6 C 12.92 - Buchholz 421.0 Prüfungswesen Nr. 320 S. 307 f.; "
        "Beschlüsse vom 10. Oktober 1994 - 6 B 73.94 - NVwZ 1995, 1; vom 16. August 2011 - 6 B 18.11 - juris Rn. 16"
    )
    hits = find_citations(text)
    assert [(h.ref.court, h.ref.decision_type, h.ref.date) for h in hits] == [
        ("BVerwG", "Urteil", "1993-10-21"),
        ("BVerwG", "Beschluss", "1994-10-10"),
        ("BVerwG", "Beschluss", "2011-08-16"),
    ]
    assert hits[0].ref.reporters == (Reporter("Buchholz", "421.0 Prüfungswesen", "307 f.", number="320"),)
    assert hits[2].ref.reporters == (Reporter("juris", pinpoint="Rn. 16"),)
    assert hits[2].text == "vom 16. August 2011 - 6 B 18.11 - juris Rn. 16"


def test_court_by_full_name_and_from_the_file_number():
    text = "Aus dem Beschluss des Bundesverwaltungsgerichts vom 17. Dezember 1997 (6 B 55.97 , NVwZ 1998, 738) folgt"
    assert cites(text) == [
        (8, 97, "Beschluss des Bundesverwaltungsgerichts vom 17. Dezember 1997 (6 B 55.97 , NVwZ 1998, 738",
         "BVerwG, Beschluss vom 17.12.1997 - 6 B 55.97 - NVwZ 1998, 738", None)
    ]
    [hit] = find_citations("in dem Beschluss vom 17. Dezember 1997 (6 B 55.97 , NVwZ 1998, 738)")
    assert hit.ref.court == "BVerwG"  # inferred from the BVerwG file-number pattern


def test_lower_courts_and_other_formats():
    text = "VG Hamburg - 13.05.2015 - AZ: VG 2 K 189/14"
    [hit] = find_citations(text)
    assert hit.ref == CaseRef(court="VG Hamburg", date="2015-05-13", file_numbers=("2 K 189/14",))
    [hit] = find_citations("BGH, Urt. v. 12.3.2019 - VI ZR 123/18, NJW 2019, 2000 (2001)")
    assert hit.ref == CaseRef(
        court="BGH",
        decision_type="Urteil",
        date="2019-03-12",
        file_numbers=("VI ZR 123/18",),
        reporters=(Reporter("NJW", "2019", "2000", pinpoint="2001"),),
    )
    [hit] = find_citations("EuGH, Urteil vom 13. Mai 2014 - C-131/12 - ECLI:EU:C:2014:317")
    assert (hit.ref.court, hit.ref.file_numbers, hit.ref.ecli) == ("EuGH", ("C-131/12",), "ECLI:EU:C:2014:317")


def test_norms_and_cases_in_one_text_are_sorted_by_position():
    text = "§ 108 Abs. 1 Satz 2 VwGO (vgl. BVerfG, Beschluss vom 19. Mai 1992 - 1 BvR 986/91 - BVerfGE 86, 133 <145 f.>)"
    assert [(h.kind, h.start) for h in find_citations(text)] == [("norm", 0), ("case", 31)]


# -- formatting and output -----------------------------------------------------------------------


def test_format_statute_long_and_short():
    ref = StatuteRef("11", "StGB", absatz="1", nummer="2", buchstabe="c")
    assert format_statute(ref) == "§ 11 Abs. 1 Nr. 2 lit. c StGB"
    assert format_statute(ref, "long") == "§ 11 Absatz 1 Nummer 2 Buchstabe c StGB"
    assert format_statute(StatuteRef("34", "GG", article=True), "long") == "Artikel 34 GG"
    with pytest.raises(ValueError, match="unknown style"):
        format_statute(ref, "fancy")


def test_format_range_and_canonical_parse():
    start = StatuteRef("132", "VwGO", absatz="2", nummer="1")
    assert format_range(start, StatuteRef("132", "VwGO", absatz="2", nummer="3")) == (
        "§ 132 Abs. 2 Nr. 1 bis Nr. 3 VwGO"
    )
    assert parse_statute("§ 613a BGB aF") == StatuteRef("613a", "BGB", version="aF")
    assert StatuteRef("5", "", absatz="1").canonical() == "§ 5 Abs. 1"


def test_case_canonical_and_dict():
    ref = CaseRef(
        court="BVerwG",
        decision_type="Urteil",
        date="1993-10-21",
        file_numbers=("6 C 12.92",),
        reporters=(Reporter("Buchholz", "421.0 Prüfungswesen", "309", number="320"),),
    )
    assert ref.canonical() == "BVerwG, Urteil vom 21.10.1993 - 6 C 12.92 - Buchholz 421.0 Prüfungswesen Nr. 320 S. 309"
    assert ref.to_dict()["file_numbers"] == ["6 C 12.92"]


def test_hit_to_dict_has_the_cli_fields():
    [norm, case] = find_citations("§ 5 Abs. 1 BGB; BVerwG, Urteil vom 5. Juli 1994 - 9 C 158.94")
    d = norm.to_dict()
    assert d["start"] == 0 and d["end"] == 14 and d["kind"] == "norm" and d["text"] == "§ 5 Abs. 1 BGB"
    assert (d["number"], d["law"], d["absatz"], d["canonical"]) == ("5", "BGB", "1", "§ 5 Abs. 1 BGB")
    c = case.to_dict()
    assert (c["kind"], c["court"], c["date"], c["file_numbers"]) == ("case", "BVerwG", "1994-07-05", ["9 C 158.94"])
    json.dumps([d, c])


def test_rejects_non_text():
    with pytest.raises(TypeError, match="expects a str"):
        find_citations(b"\xa7 5 BGB")  # type: ignore[arg-type]


# -- input that once crashed the parser ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital letter glued to the number is the number's letter, written as the statute does
        ("§ 100A StPO", [(0, 11, "§ 100A StPO", "§ 100a StPO", None)]),
        ("§ 203A StGB", [(0, 11, "§ 203A StGB", "§ 203a StGB", None)]),
        ("Art. 34A GG", [(0, 11, "Art. 34A GG", "Art. 34a GG", None)]),
        ("§§ 203A, 204", [(0, 7, "§§ 203A", "§ 203a", None), (9, 12, "204", "§ 204", ",")]),
        # 'bis Abs.' without a value is no range, and the dangling connector joins nothing
        ("§ 2020 bis Abs. i.V.m.", [(0, 6, "§ 2020", "§ 2020", None)]),
        ("§0A", [(0, 3, "§0A", "§ 0a", None)]),
        # a capital after a space is not a letter of the number
        ("§ 100 A StPO", [(0, 5, "§ 100", "§ 100", None)]),
    ],
)
def test_input_that_once_crashed(text, expected):
    assert cites(text) == expected
    assert refs(text)[0].number == expected[0][3].split()[1]
