"""Tables of federal laws and courts: abbreviations, full names, and the regexes built from them.

The law table maps each abbreviation to its official full name(s) in the nominative; the
declined forms ("des Bürgerlichen Gesetzbuches", "dem Grundgesetz") are derived from those
names. Regexes are compiled lazily on first use so that importing the package stays cheap.
"""

from __future__ import annotations

import re
from functools import cache

# Abbreviation -> full names (nominative, as in the official short title). Sorted by area.
LAWS: dict[str, tuple[str, ...]] = {
    # Constitution and European law
    "GG": ("Grundgesetz für die Bundesrepublik Deutschland", "Grundgesetz"),
    "BVerfGG": ("Bundesverfassungsgerichtsgesetz", "Gesetz über das Bundesverfassungsgericht"),
    "EMRK": ("Europäische Menschenrechtskonvention",),
    "AEUV": ("Vertrag über die Arbeitsweise der Europäischen Union",),
    "EUV": ("Vertrag über die Europäische Union",),
    "GRCh": ("Charta der Grundrechte der Europäischen Union",),
    "DSGVO": ("Datenschutz-Grundverordnung",),
    "DS-GVO": (),
    # Civil law
    "BGB": ("Bürgerliches Gesetzbuch",),
    "EGBGB": ("Einführungsgesetz zum Bürgerlichen Gesetzbuche",),
    "HGB": ("Handelsgesetzbuch",),
    "AktG": ("Aktiengesetz",),
    "GmbHG": ("Gesetz betreffend die Gesellschaften mit beschränkter Haftung", "GmbH-Gesetz"),
    "GenG": ("Genossenschaftsgesetz",),
    "UmwG": ("Umwandlungsgesetz",),
    "PartGG": ("Partnerschaftsgesellschaftsgesetz",),
    "ProdHaftG": ("Produkthaftungsgesetz",),
    "AGG": ("Allgemeines Gleichbehandlungsgesetz",),
    "WEG": ("Wohnungseigentumsgesetz",),
    "VVG": ("Versicherungsvertragsgesetz",),
    "UWG": ("Gesetz gegen den unlauteren Wettbewerb",),
    "GWB": ("Gesetz gegen Wettbewerbsbeschränkungen",),
    "UrhG": ("Urheberrechtsgesetz",),
    "MarkenG": ("Markengesetz",),
    "PatG": ("Patentgesetz",),
    "StVG": ("Straßenverkehrsgesetz",),
    "StVO": ("Straßenverkehrs-Ordnung",),
    # Civil procedure and courts
    "ZPO": ("Zivilprozessordnung",),
    "GVG": ("Gerichtsverfassungsgesetz",),
    "FamFG": (
        "Gesetz über das Verfahren in Familiensachen und in den Angelegenheiten der "
        "freiwilligen Gerichtsbarkeit",
    ),
    "InsO": ("Insolvenzordnung",),
    "ZVG": ("Zwangsversteigerungsgesetz",),
    "GKG": ("Gerichtskostengesetz",),
    "RVG": ("Rechtsanwaltsvergütungsgesetz",),
    "BRAO": ("Bundesrechtsanwaltsordnung",),
    "ArbGG": ("Arbeitsgerichtsgesetz",),
    # Criminal law
    "StGB": ("Strafgesetzbuch",),
    "StPO": ("Strafprozessordnung",),
    "JGG": ("Jugendgerichtsgesetz",),
    "OWiG": ("Gesetz über Ordnungswidrigkeiten",),
    "BtMG": ("Betäubungsmittelgesetz",),
    "WaffG": ("Waffengesetz",),
    "StVollzG": ("Strafvollzugsgesetz",),
    # Public law
    "VwGO": ("Verwaltungsgerichtsordnung",),
    "VwVfG": ("Verwaltungsverfahrensgesetz",),
    "VwVG": ("Verwaltungs-Vollstreckungsgesetz",),
    "VwZG": ("Verwaltungszustellungsgesetz",),
    "BauGB": ("Baugesetzbuch",),
    "BauNVO": ("Baunutzungsverordnung",),
    "BImSchG": ("Bundes-Immissionsschutzgesetz",),
    "ROG": ("Raumordnungsgesetz",),
    "WHG": ("Wasserhaushaltsgesetz",),
    "BNatSchG": ("Bundesnaturschutzgesetz",),
    "KrWG": ("Kreislaufwirtschaftsgesetz",),
    "UVPG": ("Gesetz über die Umweltverträglichkeitsprüfung",),
    "GewO": ("Gewerbeordnung",),
    "HwO": ("Handwerksordnung",),
    "GastG": ("Gaststättengesetz",),
    "PBefG": ("Personenbeförderungsgesetz",),
    "LuftVG": ("Luftverkehrsgesetz",),
    "TKG": ("Telekommunikationsgesetz",),
    "EnWG": ("Energiewirtschaftsgesetz",),
    "IfSG": ("Infektionsschutzgesetz",),
    "AufenthG": ("Aufenthaltsgesetz",),
    "AsylG": ("Asylgesetz",),
    "StAG": ("Staatsangehörigkeitsgesetz",),
    "VersammlG": ("Versammlungsgesetz",),
    "PartG": ("Parteiengesetz",),
    "BWahlG": ("Bundeswahlgesetz",),
    "BBG": ("Bundesbeamtengesetz",),
    "BeamtStG": ("Beamtenstatusgesetz",),
    "BDSG": ("Bundesdatenschutzgesetz",),
    "IFG": ("Informationsfreiheitsgesetz",),
    "BHO": ("Bundeshaushaltsordnung",),
    "BAföG": ("Bundesausbildungsförderungsgesetz",),
    # Social law
    "SGB I": ("Erstes Buch Sozialgesetzbuch",),
    "SGB II": ("Zweites Buch Sozialgesetzbuch",),
    "SGB III": ("Drittes Buch Sozialgesetzbuch",),
    "SGB IV": ("Viertes Buch Sozialgesetzbuch",),
    "SGB V": ("Fünftes Buch Sozialgesetzbuch",),
    "SGB VI": ("Sechstes Buch Sozialgesetzbuch",),
    "SGB VII": ("Siebtes Buch Sozialgesetzbuch",),
    "SGB VIII": ("Achtes Buch Sozialgesetzbuch",),
    "SGB IX": ("Neuntes Buch Sozialgesetzbuch",),
    "SGB X": ("Zehntes Buch Sozialgesetzbuch",),
    "SGB XI": ("Elftes Buch Sozialgesetzbuch",),
    "SGB XII": ("Zwölftes Buch Sozialgesetzbuch",),
    "SGG": ("Sozialgerichtsgesetz",),
    # Tax law
    "AO": ("Abgabenordnung",),
    "EStG": ("Einkommensteuergesetz",),
    "KStG": ("Körperschaftsteuergesetz",),
    "UStG": ("Umsatzsteuergesetz",),
    "GewStG": ("Gewerbesteuergesetz",),
    "ErbStG": ("Erbschaftsteuer- und Schenkungsteuergesetz",),
    "GrEStG": ("Grunderwerbsteuergesetz",),
    "FGO": ("Finanzgerichtsordnung",),
    # Labour law
    "KSchG": ("Kündigungsschutzgesetz",),
    "BetrVG": ("Betriebsverfassungsgesetz",),
    "TzBfG": ("Teilzeit- und Befristungsgesetz",),
    "ArbZG": ("Arbeitszeitgesetz",),
    "BUrlG": ("Bundesurlaubsgesetz",),
    "EFZG": ("Entgeltfortzahlungsgesetz",),
    "MiLoG": ("Mindestlohngesetz",),
    "MuSchG": ("Mutterschutzgesetz",),
    "AÜG": ("Arbeitnehmerüberlassungsgesetz",),
    # Banking, capital markets, insurance supervision
    "WpHG": ("Wertpapierhandelsgesetz",),
    "WpÜG": ("Wertpapiererwerbs- und Übernahmegesetz",),
    "WpPG": ("Wertpapierprospektgesetz",),
    "BörsG": ("Börsengesetz",),
    "KWG": ("Kreditwesengesetz", "Gesetz über das Kreditwesen"),
    "VAG": ("Versicherungsaufsichtsgesetz",),
    "FinDAG": ("Finanzdienstleistungsaufsichtsgesetz",),
    "KAGB": ("Kapitalanlagegesetzbuch",),
    "ZAG": ("Zahlungsdiensteaufsichtsgesetz",),
    "GwG": ("Geldwäschegesetz",),
}

# Tokens that look like law abbreviations but are not (after "§ 5" they end the citation).
NOT_LAWS = frozenset(
    {"Rn", "Rdnr", "Abs", "Nr", "BGBl", "ECLI", "AZ", "Az", "Fn", "ZR", "ÖR", "II", "III", "IV"}
    | {"NJW", "NVwZ", "JZ", "DVBl", "DÖV", "MDR", "BVerwG", "BVerfG", "BGH", "EuGH", "OVG", "VG"}
    | {"VGH", "OLG", "LG", "AG", "BAG", "BSG", "BFH", "ZIP", "WM", "NZA", "NStZ", "BB", "DB"}
)

# Courts: abbreviation -> full names (nominative); declined forms are derived.
COURTS: dict[str, tuple[str, ...]] = {
    "BVerfG": ("Bundesverfassungsgericht",),
    "BVerwG": ("Bundesverwaltungsgericht",),
    "BGH": ("Bundesgerichtshof",),
    "BAG": ("Bundesarbeitsgericht",),
    "BSG": ("Bundessozialgericht",),
    "BFH": ("Bundesfinanzhof",),
    "BPatG": ("Bundespatentgericht",),
    "EuGH": ("Gerichtshof der Europäischen Union", "Europäischer Gerichtshof"),
    "EGMR": ("Europäischer Gerichtshof für Menschenrechte",),
    "RG": ("Reichsgericht",),
    "GmS-OGB": ("Gemeinsamer Senat der obersten Gerichtshöfe des Bundes",),
    "BayObLG": ("Bayerisches Oberstes Landesgericht",),
    "KG": ("Kammergericht",),
    "EuG": ("Gericht der Europäischen Union",),
    "EuGöD": ("Gericht für den öffentlichen Dienst der Europäischen Union",),
    "BayVGH": ("Bayerischer Verwaltungsgerichtshof",),
    "HessVGH": ("Hessischer Verwaltungsgerichtshof",),
    "BayLSG": ("Bayerisches Landessozialgericht",),
    "NdsOVG": (),
    "SächsOVG": (),
    "ThürOVG": (),
}
# The courts of the European Union by the letter in their ECLI and in their docket ('C-215/17').
EU_COURTS: dict[str, str] = {"C": "EuGH", "T": "EuG", "F": "EuGöD"}
# Courts that are named with their seat: "OVG Hamburg", "VG Berlin", "OLG Köln".
LOCAL_COURTS: dict[str, str] = {
    "OVG": "Oberverwaltungsgericht",
    "VGH": "Verwaltungsgerichtshof",
    "VG": "Verwaltungsgericht",
    "OLG": "Oberlandesgericht",
    "LG": "Landgericht",
    "AG": "Amtsgericht",
    "LAG": "Landesarbeitsgericht",
    "ArbG": "Arbeitsgericht",
    "LSG": "Landessozialgericht",
    "SG": "Sozialgericht",
    "FG": "Finanzgericht",
}
# "des Hamburgischen Oberverwaltungsgerichts" -> "OVG Hamburg".
STATE_ADJECTIVES: dict[str, str] = {
    "Hamburgisch": "Hamburg",
    "Bremisch": "Bremen",
    "Sächsisch": "Sachsen",
    "Niedersächsisch": "Niedersachsen",
    "Saarländisch": "Saarland",
    "Thüringer": "Thüringen",
    "Schleswig-Holsteinisch": "Schleswig-Holstein",
    "Bayerisch": "Bayern",
    "Hessisch": "Hessen",
}

_ADJ_ENDINGS = ("es", "er", "en", "em", "e")


def _declined(name: str) -> str:
    """A regex matching a nominative name in every grammatical case ('Bürgerlichen Gesetzbuches')."""
    words = name.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        is_last_capital = all(not w[:1].isupper() for w in words[i + 1 :])
        if not word[:1].isupper():
            # Articles inside a name decline too: "über das Kreditwesen" stays, "die" -> "der".
            out.append(
                "(?:die|der|den|dem|das|des)" if word in {"die", "der", "das"} else re.escape(word)
            )
            continue
        ending = next((e for e in _ADJ_ENDINGS if word.endswith(e)), None)
        if (
            not is_last_capital
            and ending is not None
            and i + 1 < len(words)
            and words[i + 1][:1].isupper()
            and not word.endswith("gesetz")
        ):
            out.append(re.escape(word[: -len(ending)]) + "(?:es|er|en|em|e)")
            continue
        out.append(re.escape(word) + "(?:es|s|e|n|en)?")
    return r"\s+".join(out)


@cache
def law_name_regex() -> re.Pattern[str]:
    """Full law names in any case; the group name of the match is 'L<index>' into LAW_KEYS."""
    parts = []
    for index, abbrev in enumerate(LAW_KEYS):
        names = sorted(LAWS[abbrev], key=len, reverse=True)
        if names:
            parts.append(f"(?P<L{index}>" + "|".join(_declined(n) for n in names) + ")")
    return re.compile("(?:" + "|".join(parts) + r")(?![\wäöüß])")


LAW_KEYS: tuple[str, ...] = tuple(LAWS)


# The seat of a court ('Berlin', 'Berlin-Brandenburg', 'Frankfurt am Main', 'NRW'); words that
# follow a court's name but are no seat are excluded.
_NOT_SEATS = (
    "Urteil", "Urteils", "Urteilen", "Beschluss", "Beschlusses", "Beschlüsse", "Gerichtsbescheid",
    "Der", "Die", "Das", "Dem", "Den", "Des", "Ein", "Eine", "Einer", "In", "Im", "Am", "An", "Auf",
    "Aus", "Bei", "Mit", "Nach", "Von", "Vom", "Zu", "Zur", "Zum", "Für", "Über", "Unter", "Es",
    "Er", "Sie", "Wir", "Und", "Oder", "Aber", "Daher", "Deshalb", "Dies", "Diese", "Dieser",
    "Dass", "Insoweit", "Hierzu", "Dazu", "Zudem", "Ferner", "Auch", "So", "Wie", "Als", "Nicht",
    "Kein", "Keine", "Hat", "Ist", "War", "Hatte", "Entscheidung", "Senat", "Kammer", "Gericht",
    "Verfahren", "Klage", "Klägerin", "Kläger", "Beklagte", "Beklagten", "Revision", "Berufung",
    "Beschwerde", "Antrag", "Az", "AZ", "Rn", "Nr", "Bundesverwaltungsgericht", "Jedoch", "Zwar",
)  # fmt: skip
SEAT_RE = (
    r"(?!(?:" + "|".join(_NOT_SEATS) + r")(?![\wäöüß\-]))"
    r"(?:Bad\.-Württ\.|Baden-Württ\.|Rh\.-Pf\.|Schl\.-H\.|Schl\.-Holst\.|Bln\.-Bbg\.|Sachs\.-Anh\.|M\.-V\."
    r"|[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*(?:\s+am\s+Main|\s+\(Oder\)|\s+an\s+der\s+Oder)?"
    r"|NRW|NW|LSA|RP|SH|MV|M-V|BW|Bln-Bbg)"
)
_SEAT_NAMES = {
    "Nordrhein-Westfalen": "NRW", "NW": "NRW", "M-V": "MV", "M.-V.": "MV",
    "Bad.-Württ.": "Baden-Württemberg", "Baden-Württ.": "Baden-Württemberg", "Rh.-Pf.": "Rheinland-Pfalz",
    "Schl.-H.": "Schleswig-Holstein", "Schl.-Holst.": "Schleswig-Holstein",
    "Bln.-Bbg.": "Berlin-Brandenburg", "Sachs.-Anh.": "Sachsen-Anhalt",
}  # fmt: skip
# A Land abbreviated before the court: 'Nds. OVG', 'Hess. VGH' (-> the court's usual name).
LAND_PREFIXES: dict[str, str] = {
    "Nds.": "Niedersachsen", "Sächs.": "Sachsen", "Thür.": "Thüringen", "Hess.": "Hessen",
    "Bay.": "Bayern", "Bayer.": "Bayern", "Saarl.": "Saarland", "Hamb.": "Hamburg",
    "Brem.": "Bremen", "Schl.-H.": "Schleswig-Holstein",
}  # fmt: skip
_BY_LAND = {("VGH", "Bayern"): "BayVGH", ("VGH", "Hessen"): "HessVGH"}


def court_in_land(court: str, land: str) -> str:
    """'OVG' in 'Niedersachsen' -> 'OVG Niedersachsen'; the two VGH by their own names."""
    return _BY_LAND.get((court, land), f"{court} {land}")


def court_seat(seat: str) -> str:
    """The seat as courts abbreviate it: 'Nordrhein-Westfalen' and 'NW' -> 'NRW'."""
    seat = " ".join(seat.split())
    return _SEAT_NAMES.get(seat, seat)


@cache
def court_name_regex() -> re.Pattern[str]:
    """Full court names in any case: group 'C<index>' into COURT_KEYS; 'state' + 'statecourt'
    ('des Hamburgischen Oberverwaltungsgerichts'); 'localname' + 'seat' ('Verwaltungsgericht
    Berlin', 'Oberverwaltungsgericht für das Land Nordrhein-Westfalen')."""
    parts = []
    for index, abbrev in enumerate(COURT_KEYS):
        names = sorted(COURTS[abbrev], key=len, reverse=True)
        if names:
            parts.append(f"(?P<C{index}>" + "|".join(_declined(n) for n in names) + ")")
    states = "|".join(re.escape(a) for a in STATE_ADJECTIVES)
    local = "|".join(re.escape(n) for n in sorted(LOCAL_COURTS.values(), key=len, reverse=True))
    parts.append(
        f"(?P<state>{states})(?:es|er|en|em|e)?\\s+(?P<statecourt>{local})(?:es|s|e)?"
    )
    parts.append(
        f"(?P<localname>{local})(?:es|s|e)?\\s+(?:für\\s+das\\s+Land\\s+)?(?P<seat>{SEAT_RE})"
    )
    return re.compile("(?:" + "|".join(parts) + r")(?![\wäöüß])")


COURT_KEYS: tuple[str, ...] = tuple(COURTS)
LOCAL_COURT_BY_NAME: dict[str, str] = {v: k for k, v in LOCAL_COURTS.items()}
