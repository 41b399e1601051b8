"""Hypothesis strategies for the core: random element trees, norms and cases (one place)."""

from __future__ import annotations

from types import MappingProxyType

from hypothesis import strategies as st

from lawkit import (
    Answer,
    Case,
    Combine,
    Dispute,
    Element,
    Examination,
    Fact,
    Library,
    Norm,
    NormCitation,
    NormKind,
    View,
    parse_statute,
)
from lawkit.model.grammar import Genus, Role

FACT_KEYS = tuple(f"f{i}" for i in range(6))
answers = st.sampled_from(list(Answer))

# A tiny definition norm that random trees may refer to (Verweisung).
HELPER = Norm(
    id="helper",
    citation=NormCitation((parse_statute("§ 1 Abs. 1 TestG"),)),
    title="Hilfsnorm",
    kind=NormKind.DEFINITIONSNORM,
    wording="Eine Hilfsnorm für Tests.",
    root=Element(
        id="helper", label="Hilfsnorm", combine=Combine.ANY_OF,
        children=(
            Element(id="h0", label="H0", fact="f4", question="f4?"),
            Element(id="h1", label="H1", fact="f5", question="f5?", satisfied_by=Answer.NEIN),
        ),
    ),
)


@st.composite
def elements(draw: st.DrawFn, depth: int = 3) -> Element:
    """A random element: a leaf, a Verweisung, a group, or a Meinungsstreit."""
    counter = draw(st.integers(0, 10**9))
    eid = f"e{counter}"
    kinds = ["leaf", "ref", "negref"] if depth == 0 else \
        ["leaf", "ref", "negref", "group", "group", "dispute"]
    kind = draw(st.sampled_from(kinds))
    if kind == "leaf":
        key = draw(st.sampled_from(FACT_KEYS[:4]))
        return Element(id=eid, label=eid, fact=key, question=f"{key}?",
                       satisfied_by=draw(st.sampled_from([Answer.JA, Answer.NEIN])))
    if kind == "ref":
        return Element(id=eid, label=eid, ref="helper")
    if kind == "negref":  # "ohne Amtsträger zu sein": met where the Verweisung is not
        return Element(id=eid, label=eid, ref="helper", satisfied_by=Answer.NEIN)
    if kind == "group":
        children = tuple(draw(st.lists(elements(depth - 1), min_size=1, max_size=3)))
        return Element(id=eid, label=eid, combine=draw(st.sampled_from(list(Combine))),
                       children=children)
    views = tuple(
        View(id=f"v{i}", label=f"Ansicht {i}", position="…", dominant=(i == 0),
             requirement=draw(elements(depth - 1)))
        for i in range(draw(st.integers(2, 3)))
    )
    return Element(id=eid, label=eid, dispute=Dispute(id=f"d{counter}", question="ob …", views=views))


@st.composite
def norms(draw: st.DrawFn) -> Norm:
    children = tuple(draw(st.lists(elements(), min_size=1, max_size=3)))
    return Norm(
        id="random",
        citation=NormCitation((parse_statute("§ 2 TestG"),)),
        title="Zufallsnorm",
        kind=NormKind.STRAFTATBESTAND,
        wording="…",
        root=Element(id="random", label="Zufallsnorm",
                     combine=draw(st.sampled_from(list(Combine))), children=children),
    )


def library_with(norm: Norm) -> Library:
    return Library(MappingProxyType({"helper": HELPER, norm.id: norm}))


@st.composite
def fact_maps(draw: st.DrawFn) -> dict[str, Answer]:
    return {key: draw(answers) for key in FACT_KEYS}


def case_for(answers_by_key: dict[str, Answer], norm_id: str = "random") -> Case:
    return Case(
        id="zufall", title="Zufallsfall", sachverhalt="…", fallfrage="…",
        examinations=(Examination(norm_id, {"subject": Role("T", Genus.M)}, "er handelte"),),
        facts={k: Fact(k, a, note=f"Zu {k}: {a.value}.") for k, a in answers_by_key.items()},
    )
