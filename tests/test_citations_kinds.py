"""The citation kinds of issue 17, each on exact spans and structured fields: decisions cited by
reporter or journal alone, decisions introduced by a court, EU law, statutes written out, and
the short forms students write."""

from __future__ import annotations

import json

import pytest

from lawkit.citations import ActRef, CaseRef, Reporter, StatuteRef, find_citations, parse_statute


def spans(text: str) -> list[tuple[int, int, str, str]]:
    out = []
    for h in find_citations(text):
        assert text[h.start : h.end] == h.text
        out.append((h.start, h.end, h.kind, h.canonical()))
    return out


def only(text: str):
    [hit] = find_citations(text)
    return hit


# -- decisions cited by their reporter alone -------------------------------------------------


def test_official_collection_with_pinpoint_in_angle_brackets():
    hit = only("BVerfGE 51, 304 <312>")
    assert (hit.start, hit.end, hit.kind) == (0, 21, "case")
    assert hit.ref == CaseRef(court="BVerfG", reporters=(Reporter("BVerfGE", "51", "304", pinpoint="312"),))
    assert hit.canonical() == "BVerfGE 51, 304 <312>"


def test_a_chain_in_one_collection_is_one_group_of_decisions():
    text = "(vgl. BVerfGE 88, 203 <251>; 129, 78 <94>; BVerfGK 10, 1 <5>)"
    assert spans(text) == [
        (6, 27, "case", "BVerfGE 88, 203 <251>"),
        (29, 41, "case", "BVerfGE 129, 78 <94>"),
        (43, 60, "case", "BVerfGK 10, 1 <5>"),
    ]
    first, second, third = find_citations(text)
    assert first.group == second.group == third.group  # one sequence of citations
    assert second.ref.reporters == (Reporter("BVerfGE", "129", "78", pinpoint="94"),)


@pytest.mark.parametrize(
    ("text", "reporter"),
    [
        ("BVerwGE 104, 51, 57 f.", Reporter("BVerwGE", "104", "51", pinpoint="57 f.")),
        ("BGHZ 155, 380, 385 f.", Reporter("BGHZ", "155", "380", pinpoint="385 f.")),
        ("NJW 2019, 2000 (2001)", Reporter("NJW", "2019", "2000", pinpoint="2001")),
        ("NVwZ-RR 2015, 416 Rn. 8", Reporter("NVwZ-RR", "2015", "416", pinpoint="Rn. 8")),
        ("BSGE 112, 1 Rz. 12", Reporter("BSGE", "112", "1", pinpoint="Rn. 12")),
        ("BSGE 112, 1 Tz. 12", Reporter("BSGE", "112", "1", pinpoint="Rn. 12")),
        ("BAGE 150, 12 Rdnr. 5 ff.", Reporter("BAGE", "150", "12", pinpoint="Rn. 5 ff.")),
        ("BVerwGE 104, 51 ff.", Reporter("BVerwGE", "104", "51 ff.")),
        ("GRUR 2011, 1043, 1045 Rn. 31", Reporter("GRUR", "2011", "1043", pinpoint="1045 Rn. 31")),
        ("EFG 2014, 1501", Reporter("EFG", "2014", "1501")),
        ("BFH/NV 2015, 1234, Rz 18", Reporter("BFH/NV", "2015", "1234", pinpoint="Rn. 18")),
        ("DVBl. 2012, 5", Reporter("DVBl", "2012", "5")),
        ("Slg. 2004, I-1234", Reporter("Slg.", "2004", "I-1234")),
        ("BGHZ 219, 243-266, Rn. 20", Reporter("BGHZ", "219", "243-266", pinpoint="Rn. 20")),
    ],
)
def test_pinpoints_are_read_and_written_one_way(text, reporter):
    hit = only(text)
    assert (hit.start, hit.end) == (0, len(text))
    assert hit.ref.reporters == (reporter,)


def test_a_page_pinpoint_must_lie_after_the_first_page():
    # ", 12" before the first page is no pinpoint: the decision ends at its page
    assert spans("NJW 2015, 1234, 12") == [(0, 14, "case", "NJW 2015, 1234")]


def test_parallel_reporters_of_one_decision_and_a_canonical_pinpoint_form():
    hit = only("BFHE 233, 48, BStBl II 2011, 712, Rz 21")
    assert hit.ref.reporters == (
        Reporter("BFHE", "233", "48"),
        Reporter("BStBl II", "2011", "712", pinpoint="Rn. 21"),
    )
    assert hit.canonical() == "BFHE 233, 48 = BStBl II 2011, 712 Rn. 21"
    assert hit.ref.court == "BFH"


def test_a_case_name_after_a_dash_belongs_to_the_decision():
    text = "(GRUR 2011, 1043, 1045 Rn. 31 – Lichtschalter)."
    hit = only(text)
    assert (hit.start, hit.end) == (1, 45)
    assert hit.ref.name == "Lichtschalter"
    assert hit.canonical() == "GRUR 2011, 1043 <1045> Rn. 31 – Lichtschalter"
    # a sentence after a dash is no name
    assert spans("NJW 2015, 1234 – Die Klägerin hat dagegen nichts vorgebracht.") == [
        (0, 14, "case", "NJW 2015, 1234")
    ]


@pytest.mark.parametrize(
    ("text", "reporter"),
    [
        ("SozR 4-2500 § 106 Nr 7", Reporter("SozR", "4-2500 § 106", number="7")),
        ("SozR 3-2500 § 106 Nr. 54 S. 300", Reporter("SozR", "3-2500 § 106", "300", number="54")),
        ("SozR 3-3300 § 78 Nr 1 S 2", Reporter("SozR", "3-3300 § 78", "2", number="1")),
        ("Buchholz 421.0 Prüfungswesen Nr. 338", Reporter("Buchholz", "421.0 Prüfungswesen", number="338")),
        ("Buchholz 310 § 132 Abs. 2 Ziff. 1 VwGO Nr. 26 S. 14",
         Reporter("Buchholz", "310 § 132 Abs. 2 Ziff. 1 VwGO", "14", number="26")),
        ("Buchholz 310 § 86 Abs. 1 VwGO Nr. 379 Rn. 5",
         Reporter("Buchholz", "310 § 86 Abs. 1 VwGO", number="379", pinpoint="Rn. 5")),
        ("AP BGB § 626 Nr. 255", Reporter("AP", "BGB § 626", number="255")),
        ("AP Nr. 1 zu § 626 BGB", Reporter("AP", "§ 626 BGB", number="1")),
        ("EzA § 626 BGB 2002 Nr. 1", Reporter("EzA", "§ 626 BGB 2002", number="1")),
        ("BGHR StGB § 46 Abs. 2 Verteidigungsverhalten 12",
         Reporter("BGHR", "StGB § 46 Abs. 2 Verteidigungsverhalten", number="12")),
    ],
)
def test_a_statute_in_a_collections_section_is_part_of_the_decision(text, reporter):
    hits = find_citations(text)
    assert [(h.kind, h.start, h.end) for h in hits] == [("case", 0, len(text))]
    assert hits[0].ref.reporters == (reporter,)
    assert hits[0].canonical() == reporter.canonical()


def test_statutes_around_a_collection_are_still_found():
    text = "§ 106 SGB V (SozR 4-2500 § 106 Nr 7), § 12 SGB V"
    assert spans(text) == [
        (0, 11, "norm", "§ 106 SGB V"),
        (13, 35, "case", "SozR 4-2500 § 106 Nr. 7"),
        (38, 48, "norm", "§ 12 SGB V"),
    ]


def test_juris_alone_is_no_decision_but_part_of_one():
    assert find_citations("(juris Rn. 16)") == []
    hit = only("BVerwG, Beschluss vom 16. August 2011 - 6 B 18.11 - juris Rn. 16")
    assert hit.ref.reporters == (Reporter("juris", pinpoint="Rn. 16"),)


def test_an_author_before_a_journal_makes_it_literature():
    assert find_citations("vgl. Schoch, NVwZ 2016, 257 <259>; Müller-Franken, in: DVBl 2012, 1") == []
    assert spans("vgl. Senat, NJW 2015, 1234 Rn. 5") == [(12, 32, "case", "NJW 2015, 1234 Rn. 5")]


# -- decisions introduced by a court ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "canonical", "court"),
    [
        ("BGH GRUR 2013, 833", 0, "BGH, GRUR 2013, 833", "BGH"),
        ("vgl. BGH, NJW-RR 2018, 1 Rn. 5 mwN", 5, "BGH, NJW-RR 2018, 1 Rn. 5", "BGH"),
        ("BFH-Urteil in BFHE 199, 12", 0, "BFH, Urteil - BFHE 199, 12", "BFH"),
        ("EuGH, GRUR 2006, 411 Rn. 19 – Farbmarke", 0, "EuGH, GRUR 2006, 411 Rn. 19 – Farbmarke", "EuGH"),
        ("Oberverwaltungsgericht für das Land Nordrhein-Westfalen, Urteil vom 3. Mai 2012 8 A 2/11", 0,
         "OVG NRW, Urteil vom 03.05.2012 - 8 A 2/11", "OVG NRW"),
        ("Bayerischer Verwaltungsgerichtshof, Beschluss vom 7. Februar 2018 - 22 CS 17.2412", 0,
         "BayVGH, Beschluss vom 07.02.2018 - 22 CS 17.2412", "BayVGH"),
        ("des Verwaltungsgerichts Berlin vom 1. Juni 2016 - VG 4 K 12.15", 4,
         "VG Berlin vom 01.06.2016 - 4 K 12.15", "VG Berlin"),
        ("Urteil des Bundesfinanzhofs (BFH) vom 12. Mai 2009 IX R 1/08", 0,
         "BFH, Urteil vom 12.05.2009 - IX R 1/08", "BFH"),
        ("BAG 24. September 2019 - 9 AZR 481/18 - Rn. 24, BAGE 168, 131", 0,
         "BAG vom 24.09.2019 - 9 AZR 481/18 - Rn. 24 - BAGE 168, 131", "BAG"),
        ("BVerfG, Beschluss der 1. Kammer des Ersten Senats vom 17. Januar 2017 - 1 BvR 2406/16 -, Rn. 12", 0,
         "BVerfG, Beschluss vom 17.01.2017 - 1 BvR 2406/16 - Rn. 12", "BVerfG"),
        ("BVerfG (K), Beschluss vom 5. Mai 2015 - 1 BvR 1/15 -, Rn. 5", 0,
         "BVerfG, Beschluss vom 05.05.2015 - 1 BvR 1/15 - Rn. 5", "BVerfG"),
        ("VGH Bad.-Württ., Urteil vom 5. Mai 2015 - 1 S 1/15", 0,
         "VGH Baden-Württemberg, Urteil vom 05.05.2015 - 1 S 1/15", "VGH Baden-Württemberg"),
        ("Nds. OVG, Beschluss vom 5. Mai 2015 - 13 ME 1/15", 0,
         "OVG Niedersachsen, Beschluss vom 05.05.2015 - 13 ME 1/15", "OVG Niedersachsen"),
        ("Hess. VGH, Beschluss vom 5. Mai 2015 - 8 B 1/15", 0, "HessVGH, Beschluss vom 05.05.2015 - 8 B 1/15",
         "HessVGH"),
        ("SG Berlin, Urteil vom 5. Mai 2019 – S 81 KR 1/18", 0, "SG Berlin, Urteil vom 05.05.2019 - S 81 KR 1/18",
         "SG Berlin"),
    ],
)
def test_decisions_introduced_by_a_court(text, start, canonical, court):
    hit = only(text)
    assert (hit.start, hit.end, hit.kind) == (start, len(text) - (4 if text.endswith(" mwN") else 0), "case")
    assert hit.canonical() == canonical
    assert hit.ref.court == court


def test_a_court_named_in_prose_is_not_part_of_a_citation_in_brackets():
    text = "der Rechtsprechung des Gerichtshofs der Europäischen Union (EuGH, GRUR 2006, 411)"
    assert spans(text) == [(60, 80, "case", "EuGH, GRUR 2006, 411")]


def test_a_chain_without_court_words_keeps_the_court_only_where_it_continues():
    text = "BGH, NJW 2015, 1; NJW 2016, 2; BVerwGE 1, 2; NVwZ 2017, 3"
    assert [h.ref.court for h in find_citations(text)] == ["BGH", "BGH", "BVerwG", None]


# -- EU law -------------------------------------------------------------------------------------------


def test_eu_judgment_with_docket_ecli_and_marginal_number():
    hit = only("EuGH, Urteil vom 14. März 2019, C-215/17, EU:C:2019:205, Rn. 40")
    assert hit.ref == CaseRef(court="EuGH", decision_type="Urteil", date="2019-03-14",
                              file_numbers=("C-215/17",), ecli="ECLI:EU:C:2019:205", pinpoint="Rn. 40")
    assert hit.canonical() == "EuGH, Urteil vom 14.03.2019 - C-215/17 - [ECLI:EU:C:2019:205] - Rn. 40"


def test_joined_eu_cases_and_a_bare_ecli():
    hit = only("verbundene Rechtssachen C-241/13, C-242/13 und C-243/13")
    assert hit.ref.file_numbers == ("C-241/13", "C-242/13", "C-243/13")
    assert (hit.text, hit.ref.court) == ("Rechtssachen C-241/13, C-242/13 und C-243/13", "EuGH")
    hit = only("(EU:C:2019:205)")
    assert (hit.start, hit.end, hit.ref.ecli, hit.ref.court) == (1, 14, "ECLI:EU:C:2019:205", "EuGH")
    assert only("Rs. T-201/04").ref.court == "EuG"


def test_eu_judgment_with_its_name_and_an_old_docket():
    hit = only("EuGH, Urteil vom 6. Oktober 1982, Cilfit, 283/81, EU:C:1982:335")
    assert (hit.ref.name, hit.ref.file_numbers) == ("Cilfit", ("283/81",))
    hit = only("EuGH, Urteil vom 5. Juni 2018 – C-210/16 – Wirtschaftsakademie Schleswig-Holstein")
    assert hit.ref.name == "Wirtschaftsakademie Schleswig-Holstein"


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("VO (EU) Nr. 1303/2013", ActRef("VO", "EU", "1303/2013", prefixed=True, nr=True)),
        ("Verordnung (EU) 2016/679", ActRef("VO", "EU", "2016/679")),
        ("Richtlinie 2011/83/EU", ActRef("RL", "EU", "2011/83", prefixed=False)),
        ("Richtlinie (EU) 2019/790", ActRef("RL", "EU", "2019/790")),
        ("Richtlinie 95/46/EG", ActRef("RL", "EG", "95/46", prefixed=False)),
        ("Verordnung (EWG) Nr. 1408/71", ActRef("VO", "EWG", "1408/71", nr=True)),
        ("Durchführungsverordnung (EU) Nr. 282/2011", ActRef("DVO", "EU", "282/2011", nr=True)),
        ("Delegierte Verordnung (EU) 2017/565", ActRef("DelVO", "EU", "2017/565")),
        ("Rahmenbeschluss 2002/584/JI", ActRef("RB", "JI", "2002/584", prefixed=False)),
    ],
)
def test_eu_acts_named_as_a_whole(text, act):
    hit = only(f"nach der {text} des Rates")
    assert (hit.start, hit.end, hit.kind, hit.ref) == (9, 9 + len(text), "act", act)
    assert hit.to_dict()["canonical"] == act.canonical()


def test_an_article_of_an_eu_act_is_a_norm_with_the_act_as_its_law():
    assert spans("Art. 6 Abs. 1 Buchst. h der Richtlinie 2011/83/EU und Art. 267 Abs. 3 AEUV") == [
        (0, 49, "norm", "Art. 6 Abs. 1 lit. h RL 2011/83/EU"),
        (54, 74, "norm", "Art. 267 Abs. 3 AEUV"),
    ]
    assert spans("Art. 19 Abs. 1 UAbs. 2 EUV") == [(0, 26, "norm", "Art. 19 Abs. 1 UAbs. 2 EUV")]


# -- statutes written out and as students write them ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("Paragraph 203 StGB", StatuteRef("203", "StGB")),
        ("Paragraf 5 BGB", StatuteRef("5", "BGB")),
        ("§ 203 Abs. II StGB", StatuteRef("203", "StGB", absatz="2")),
        ("§ 203 II 1 Nr. 1 StGB", StatuteRef("203", "StGB", absatz="2", satz="1", nummer="1")),
        ("§203 Abs.2 S.1 StGB", StatuteRef("203", "StGB", absatz="2", satz="1")),
        ("§ 203 Abs. 2 Satz 1 Nr. 1 Alt. 1 StGB",
         StatuteRef("203", "StGB", absatz="2", satz="1", nummer="1", alternative="1")),
        ("§ 17 Abs. 1 JAG NRW", StatuteRef("17", "JAG NRW", absatz="1")),
        ("§ 8 Abs. 1 des Landesbeamtengesetzes (LBG NRW)", StatuteRef("8", "LBG NRW", absatz="1")),
        ("§ 12 Nr. 1 Satz 2 EStG", StatuteRef("12", "EStG", nummer="1", satz="2", order=("nummer", "satz"))),
    ],
)
def test_statutes_written_out_or_in_short_form(text, ref):
    hit = only(text)
    assert (hit.start, hit.end, hit.ref) == (0, len(text), ref)


def test_plural_paragraph_word_and_roman_lists():
    assert spans("Paragraphen 3 und 5 BGB") == [(0, 13, "norm", "§ 3 BGB"), (18, 23, "norm", "§ 5 BGB")]
    assert spans("§§ 280 I, III, 283 BGB") == [
        (0, 8, "norm", "§ 280 Abs. 1 BGB"),
        (10, 13, "norm", "§ 280 Abs. 3 BGB"),
        (15, 22, "norm", "§ 283 BGB"),
    ]


def test_the_nesting_order_survives_canonical_form_and_range():
    ref = only("§ 12 Nr. 1 Satz 2 EStG").ref
    assert ref.canonical() == "§ 12 Nr. 1 S. 2 EStG"
    assert parse_statute("§ 12 Nr. 1 S. 2 EStG") == ref
    assert parse_statute("§ 12 S. 2 Nr. 1 EStG").order == ()


def test_json_of_the_new_kinds():
    hits = find_citations("GRUR 2011, 1043, 1045 Rn. 31 – Lichtschalter; RL 2011/83/EU")
    case, act = (h.to_dict() for h in hits)
    assert (case["kind"], case["name"], case["pinpoint"]) == ("case", "Lichtschalter", None)
    assert case["reporters"][0]["pinpoint"] == "1045 Rn. 31"
    assert act == {"start": 46, "end": 59, "kind": "act", "text": "RL 2011/83/EU", "canonical": "RL 2011/83/EU",
                   "group": 1, "relation": None, "act_kind": "RL", "community": "EU", "number": "2011/83"}
    json.dumps([case, act])


def test_a_court_named_in_the_sentence_is_not_part_of_the_citation_in_brackets():
    text = "Nach der Rechtsprechung des Bundesverfassungsgerichts (vgl. BVerfGE 133, 277 <320 Rn. 103>)"
    assert spans(text) == [(60, 90, "case", "BVerfGE 133, 277 <320> Rn. 103")]
    # but the court's abbreviation in brackets belongs to it
    assert only("des Bundesfinanzhofs (BFH) vom 12. Mai 2009 IX R 1/08").start == 4


def test_an_eu_decisions_name_in_brackets_after_its_docket():
    hit = only("EuGH, Urt. v. 26.2.2013 – C-617/10 (Åkerberg Fransson), NJW 2013, 1415")
    assert (hit.ref.name, hit.ref.reporters) == ("Åkerberg Fransson", (Reporter("NJW", "2013", "1415"),))
    assert hit.canonical() == "EuGH, Urteil vom 26.02.2013 - C-617/10 - NJW 2013, 1415 – Åkerberg Fransson"
