"""Hypothesis strategies for citation tests: statute and case references, noisy legal text."""

from __future__ import annotations

from hypothesis import strategies as st

from lawkit.citations import CaseRef, Reporter, StatuteRef

LAWS = ["BGB", "StGB", "StPO", "ZPO", "GVG", "VwGO", "VwVfG", "GG", "HGB", "AktG", "GmbHG",
        "WpHG", "KWG", "VAG", "FinDAG", "GKG", "InsO", "FamFG", "SGB I", "SGB V", "SGB XII",
        "AO", "EStG", "BVerfGG", "AufenthG", "EGBGB", "MilchSoPrG", "DSGVO"]  # fmt: skip

_number = st.from_regex(r"[1-9][0-9]{0,3}[a-e]?", fullmatch=True)
_value = st.from_regex(r"[1-9][0-9]?", fullmatch=True)
_maybe = st.none() | _value


@st.composite
def statute_refs(draw: st.DrawFn) -> StatuteRef:
    """Any provision that canonical form can express."""
    return StatuteRef(
        number=draw(_number),
        law=draw(st.sampled_from(LAWS)),
        article=draw(st.booleans()),
        absatz=draw(_maybe),
        satz=draw(_maybe),
        halbsatz=draw(_maybe),
        nummer=draw(st.none() | st.from_regex(r"[1-9][0-9]?[a-c]?", fullmatch=True)),
        buchstabe=draw(st.none() | st.from_regex(r"[a-z]{1,2}", fullmatch=True)),
        variante=draw(_maybe),
        alternative=draw(_maybe),
        following=draw(st.sampled_from([None, "f.", "ff."])),
        version=draw(st.sampled_from([None, "aF", "nF"])),
    )


_COURT_FILE_NUMBERS = st.one_of(
    st.tuples(st.just("BVerfG"), st.from_regex(r"[12] BvR [1-9][0-9]{0,3}/[0-9]{2}", fullmatch=True)),
    st.tuples(st.just("BVerwG"), st.from_regex(r"[1-9] [BC] [1-9][0-9]{0,2}\.[0-9]{2}", fullmatch=True)),
    st.tuples(st.just("BGH"), st.from_regex(r"(?:VI|XII|I) ZR [1-9][0-9]{0,2}/[0-9]{2}", fullmatch=True)),
    st.tuples(st.just("VG Hamburg"), st.from_regex(r"[1-9] K [1-9][0-9]{0,3}/[0-9]{2}", fullmatch=True)),
)
_pin = st.sampled_from([None, "91 f.", "470", "50 ff.", "Rn. 8", "Rn. 12 f."])
_reporter = st.one_of(
    st.builds(
        Reporter,
        st.sampled_from(["BVerwGE", "BVerfGE", "BGHZ"]),
        st.integers(1, 160).map(str),
        st.integers(1, 999).map(str),
        pinpoint=_pin,
    ),
    st.builds(
        Reporter,
        st.sampled_from(["NJW", "NVwZ", "NVwZ-RR", "DVBl", "GRUR", "BFH/NV"]),
        st.integers(1950, 2030).map(str),
        st.integers(1, 4999).map(str),
        pinpoint=_pin,
    ),
    st.builds(
        Reporter,
        st.just("Buchholz"),
        st.sampled_from(["421.0 Prüfungswesen", "310 § 132 Abs. 2 Ziff. 1 VwGO"]).filter(
            lambda v: "§" not in v
        ),
        st.none() | st.sampled_from(["307", "47 f."]),
        number=st.integers(1, 999).map(str),
    ),
    st.builds(Reporter, st.just("juris"), pinpoint=st.none() | st.just("Rn. 16")),
)


@st.composite
def case_refs(draw: st.DrawFn) -> CaseRef:
    """A decision with court, date and at least one file number; type, ECLI, reporters vary."""
    court, first = draw(_COURT_FILE_NUMBERS)
    numbers = [first]
    if court == "BVerfG" and draw(st.booleans()):
        numbers.append(first.rsplit(" ", 1)[0] + " 213/83")
    year = draw(st.integers(1950, 2030))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    ecli = None
    if court == "BVerwG" and draw(st.booleans()):
        ecli = f"ECLI:DE:BVerwG:{year}:{day:02d}{month:02d}{year % 100:02d}B6B71.17.0"
    return CaseRef(
        court=court,
        decision_type=draw(st.sampled_from([None, "Beschluss", "Urteil", "Kammerbeschluss"])),
        date=f"{year:04d}-{month:02d}-{day:02d}",
        file_numbers=tuple(numbers),
        ecli=ecli,
        reporters=tuple(draw(st.lists(_reporter, max_size=2))),
    )


_TOKENS = ["§", "§§", "Art.", "Artikel", "Abs.", "Absatz", "S.", "Satz", "Nr.", "lit.", "Var.",
           "Alt.", "ff.", "f.", "bis", "und", ",", ";", "i.V.m.", "bzw.", "BGB", "GG", "VwGO",
           "SGB", "V", "I", "des", "Gesetzes", "vom", "1.", "12.", "2020", "Juli", "1", "23",
           "4a", "b", "-", "(", ")", "[", "]", "<", ">", "ECLI:DE:BVerwG:2018:", "BVerwG",
           "Beschluss", "Urteil", "6 B", "71.17", "1 BvR", "419/81", "BVerwGE", "NJW", "Rn.",
           "juris", "Buchholz", "Ge-\nsetzbuches", "Bürgerlichen", "\u00a0", "\u2009", "\n", " "]  # fmt: skip
# Shapes that once crashed the parser: a capital letter glued to a number, 'bis' or a
# subdivision word without a value, connectors at the very end.
_TOKENS += ["100A", "203A", "A", "Z", "0A", "2020", "bis", "Abs", "i.", "V.", "m.", "Rz", "Tz.",
            "<", "312>", ";", "–", "C-215/17", "EU:C:2019:205", "Paragraph", "II", "AEUV", "VO",
            "(EU)", "Nr", "2011/83/EU", "Richtlinie", "BFHE", "BStBl", "SozR", "4-2500"]  # fmt: skip
_SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", ", "])


@st.composite
def _joined(draw: st.DrawFn) -> str:
    tokens = draw(st.lists(st.sampled_from(_TOKENS), max_size=40))
    out = ""
    for token in tokens:
        out += draw(_SEPARATORS) + token if out else token
    return out


noisy_legal_text = _joined()
