"""Reviewed golden Gutachten: each file was read sentence by sentence by a Fallbuch editor's
standard before it was accepted (see docs/gutachten.md). A change to the engine, the norm data
or the renderer that alters one sentence shows up here as a diff to review again; regenerate
with LAWKIT_UPDATE_GOLDEN=1 only after reading the new text.

- bafin_angestellte: the seed's § 203 case (Ausarbeitung, Abschn. 2.1), both levels;
- bafin_angestellte.vorsatz_zweifel: a final Sachverhalt, in dubio pro reo;
- ad_hoc_pflicht: the Meinungsstreit decides the result (Stellungnahme);
- amtshaftung_beamtin: Amtshaftung with a Beamtin, § 823 Abs. 2 BGB barred (Abschn. 3.2);
- amtshaftung_beamtin, Urteilsstil: the result first, the reasons after it;
- bverwg_6_b_71_17: the decision's own case (Nichtzulassungsbeschwerde, Beiordnung).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lawkit import check
from lawkit.rendering.style_check import check_report

GOLDEN = Path(__file__).parent / "golden"

CASES = [
    ("bafin_angestellte", "gutachten", "ausführlich", "bafin_angestellte.md"),
    ("bafin_angestellte", "gutachten", "klausurmäßig", "bafin_angestellte.klausur.md"),
    ("bafin_angestellte.vorsatz_zweifel", "gutachten", "ausführlich",
     "bafin_angestellte.vorsatz_zweifel.md"),
    ("ad_hoc_pflicht", "gutachten", "ausführlich", "ad_hoc_pflicht.md"),
    ("amtshaftung_beamtin", "gutachten", "ausführlich", "amtshaftung_beamtin.md"),
    ("amtshaftung_beamtin", "urteilsstil", "ausführlich", "amtshaftung_beamtin.urteil.md"),
    ("bverwg_6_b_71_17", "gutachten", "ausführlich", "bverwg_6_b_71_17.md"),
]


@pytest.mark.parametrize(("case_id", "style", "level", "name"), CASES,
                         ids=[c[3].removesuffix(".md") for c in CASES])
def test_gutachten_matches_the_reviewed_golden_file(library, case_id, style, level, name):
    base, _, variant = case_id.partition(".")
    case = library.case(base)
    if variant:
        case = case.variant(variant)
    report = check(case, library).gutachten(style, level)
    assert check_report(report, library) == []
    text = report.markdown()
    golden = GOLDEN / name
    if os.environ.get("LAWKIT_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
