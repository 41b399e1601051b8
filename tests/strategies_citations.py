"""Hypothesis strategies for citation tests: statute, decision and EU-act references, noisy
legal text."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from lawkit.citations import ActRef, CaseRef, Reporter, StatuteRef
from lawkit.citations.reference import PARTS, nesting_order

LAWS = ["BGB", "StGB", "StPO", "ZPO", "GVG", "VwGO", "VwVfG", "GG", "HGB", "AktG", "GmbHG",
        "WpHG", "KWG", "VAG", "FinDAG", "GKG", "InsO", "FamFG", "SGB I", "SGB V", "SGB XII",
        "AO", "EStG", "BVerfGG", "AufenthG", "EGBGB", "MilchSoPrG", "DSGVO", "AEUV", "EUV",
        "JAG NRW", "VO (EU) Nr. 1303/2013", "RL 2011/83/EU", "RL (EU) 2019/790"]  # fmt: skip

_number = st.from_regex(r"[1-9][0-9]{0,3}[a-e]?", fullmatch=True)
_value = st.from_regex(r"[1-9][0-9]?", fullmatch=True)
_maybe = st.none() | _value


@st.composite
def statute_refs(draw: st.DrawFn) -> StatuteRef:
    """Any provision that canonical form can express, also with Satz nested in a Nummer
    ('§ 12 Nr. 1 S. 2 EStG') and an Unterabsatz ('Art. 19 Abs. 1 UAbs. 2 EUV')."""
    nummer = draw(st.none() | st.from_regex(r"[1-9][0-9]?[a-c]?", fullmatch=True))
    satz = draw(_maybe)
    absatz = draw(_maybe)
    nested = nummer is not None and satz is not None and absatz is None and draw(st.booleans())
    ref = StatuteRef(
        unterabsatz=draw(_maybe) if absatz is not None and draw(st.booleans()) else None,
        number=draw(_number),
        law=draw(st.sampled_from(LAWS)),
        article=draw(st.booleans()),
        absatz=absatz,
        satz=satz,
        halbsatz=draw(_maybe),
        nummer=nummer,
        buchstabe=draw(st.none() | st.from_regex(r"[a-z]{1,2}", fullmatch=True)),
        variante=draw(_maybe),
        alternative=draw(_maybe),
        following=draw(st.sampled_from([None, "f.", "ff."])),
        version=draw(st.sampled_from([None, "aF", "nF"])),
    )
    if not nested:
        return ref
    levels = [name for name, _ in PARTS if getattr(ref, name) is not None and name != "satz"]
    levels.insert(levels.index("nummer") + 1, "satz")
    return replace(ref, order=nesting_order(levels))


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


_COLLECTIONS = {"BVerfGE": "BVerfG", "BVerwGE": "BVerwG", "BGHZ": "BGH", "BGHSt": "BGH", "BAGE": "BAG",
                "BSGE": "BSG", "BFHE": "BFH"}  # fmt: skip
_JOURNALS = ["NJW", "NJW-RR", "NVwZ", "NVwZ-RR", "GRUR", "EFG", "NStZ", "FamRZ", "ZIP", "BeckRS"]
_marginal = st.integers(1, 400).map(lambda n: f"Rn. {n}")
_page_pin = st.integers(0, 30)


@st.composite
def _reporter_alone(draw: st.DrawFn) -> tuple[str | None, Reporter]:
    """A reporter with its court: an official collection (court implied) or a journal."""
    page = draw(st.integers(1, 3000))
    pin = draw(st.none() | _page_pin.map(lambda d: str(page + d)) | _marginal
               | st.tuples(_page_pin, _marginal).map(lambda t: f"{page + t[0]} {t[1]}"))
    if draw(st.booleans()):
        name = draw(st.sampled_from(sorted(_COLLECTIONS)))
        return _COLLECTIONS[name], Reporter(name, str(draw(st.integers(1, 170))), str(page), pinpoint=pin)
    name = draw(st.sampled_from(_JOURNALS))
    court = draw(st.sampled_from([None, "BGH", "BVerwG", "OLG Köln", "EuGH"]))
    return court, Reporter(name, str(draw(st.integers(1950, 2030))), str(page), pinpoint=pin)


@st.composite
def reporter_case_refs(draw: st.DrawFn) -> CaseRef:
    """A decision cited by its reporter alone, perhaps after a court ('BGH, NJW 2015, 1234'),
    perhaps with its name ('– Lichtschalter')."""
    court, reporter = draw(_reporter_alone())
    name = draw(st.none() | st.sampled_from(["Lichtschalter", "Farbmarke", "Marlene Dietrich", "Gies-Adler"]))
    return CaseRef(court=court, reporters=(reporter,), name=name)


@st.composite
def eu_case_refs(draw: st.DrawFn) -> CaseRef:
    """A judgment of the Court of Justice or the General Court: docket(s), date, ECLI."""
    letter = draw(st.sampled_from("CT"))
    year = draw(st.integers(1989, 2030))
    dockets = draw(st.lists(st.integers(1, 999), min_size=1, max_size=3, unique=True))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    ecli = draw(st.none() | st.integers(1, 999).map(lambda n: f"ECLI:EU:{letter}:{year}:{n}"))
    return CaseRef(
        court="EuGH" if letter == "C" else "EuG",
        decision_type=draw(st.sampled_from([None, "Urteil", "Beschluss"])),
        date=f"{year:04d}-{month:02d}-{day:02d}",
        file_numbers=tuple(f"{letter}-{n}/{year % 100:02d}" for n in dockets),
        ecli=ecli,
        pinpoint=draw(st.none() | _marginal),
    )


act_refs = st.one_of(
    st.builds(ActRef, st.sampled_from(["VO", "DVO", "DelVO", "RL"]), st.sampled_from(["EU", "EG", "EWG"]),
              st.tuples(st.integers(1990, 2030), st.integers(1, 2999)).map(lambda t: f"{t[0]}/{t[1]}"),
              prefixed=st.just(True), nr=st.booleans()),
    st.builds(ActRef, st.sampled_from(["RL", "RB"]), st.sampled_from(["EU", "EG", "JI"]),
              st.tuples(st.integers(1990, 2030), st.integers(1, 999)).map(lambda t: f"{t[0]}/{t[1]}"),
              prefixed=st.just(False)),
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
