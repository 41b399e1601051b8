# Notebook 03: civil liability for a breach of § 21 WpHG (Ausarbeitung zu § 21 WpHG, Abschn. 3).
# Build: .venv/bin/python tools/build_notebooks.py 03_haftung

# %% [markdown]
# # 3. Haftung: Wer zahlt, wenn die Aufsicht nicht schweigt?
#
# **Lernziele.** Nach diesem Notebook können Sie
#
# - den Anspruch aus **§ 839 Abs. 1 S. 1 BGB i.V.m. Art. 34 S. 1 GG** Merkmal für Merkmal prüfen und
#   erklären, warum die Verschwiegenheitspflicht des § 21 Abs. 1 WpHG eine *drittbezogene* Amtspflicht ist;
# - begründen, warum die **BaFin** und nicht der Beamte selbst haftet (Haftungsüberleitung nach
#   Art. 34 S. 1 GG) – und damit den richtigen **Anspruchsgegner** benennen;
# - **§ 823 Abs. 2 BGB i.V.m. § 21 WpHG** als Schutzgesetzhaftung prüfen und sein Verhältnis zu § 839 BGB
#   darstellen: die **Sperrwirkung** für Beamte im staatsrechtlichen Sinne;
# - mit offenen Tatsachen umgehen: Was folgt, wenn nicht feststeht, ob der Handelnde Beamter ist?
#
# Grundlage ist die Ausarbeitung zu § 21 WpHG, Abschn. 3 mit Fn. 28–38. Die Ausarbeitung stellt die
# Haftungsfolgen nur summarisch dar und unterstellt einen Verstoß gegen § 21 Abs. 1 S. 1 WpHG
# (Abschn. 1). Der folgende Fall ist deshalb ein Übungsfall, der ihre Aussagen anwendet.

# %% [markdown]
# ## Sachverhalt (Übungsfall `amtshaftung_bafin`)
#
# B ist Regierungsdirektor bei der BaFin; er wurde unter Aushändigung einer Ernennungsurkunde zum Beamten
# ernannt. Bei der Aufsicht über die nicht börsennotierte Z-Bank erfährt er, dass diese eine
# Tochtergesellschaft an den Investor I verkaufen will. Die Verhandlungen sind streng vertraulich; zur
# Veröffentlichung ist niemand verpflichtet.
#
# B erzählt einem befreundeten Mitarbeiter eines Konkurrenten von I davon, obwohl er weiß, dass er das
# nicht darf. Der Konkurrent bietet dagegen, I steigt aus, und die Z-Bank kann die Tochter nur zu einem
# um 2 Mio. Euro niedrigeren Preis verkaufen.
#
# **Fallfrage:** Welche Ansprüche hat die Z-Bank, und gegen wen?

# %% [markdown]
# ## Die Werkbank
#
# Die Werkbank zeigt links die Fragen an den Sachverhalt (ja / nein / offen), daneben das farbige
# Prüfungsschema, das Gutachten und die Zusammenfassung der Konkurrenzen. Jede Änderung einer Antwort
# prüft den Fall sofort neu. Die Abwandlungen weiter unten können Sie hier selbst nachstellen.

# %%
from lawkit import check, default_library
from lawkit.widgets import self_check, workbench

library = default_library()


wb = workbench("amtshaftung_bafin")
wb

# %% [markdown]
# ## 1. Zwei Anspruchsgrundlagen
#
# Als Grundlage für den Ersatz des Schadens, der durch die Verletzung der Verschwiegenheitspflicht
# entsteht, nennt die Ausarbeitung vor allem zwei Vorschriften (Abschn. 3, Fn. 30):
#
# 1. **§ 839 BGB i.V.m. Art. 34 GG** – die Amtshaftung (Abschn. 3.1) und
# 2. **§ 823 Abs. 2 BGB i.V.m. § 21 WpHG** – die Haftung wegen Verletzung eines Schutzgesetzes
#    (Abschn. 3.2).
#
# Beide verweisen auf dieselbe Pflicht: den Verstoß gegen § 21 Abs. 1 S. 1 WpHG. In lawkit ist das eine
# **Verweisung**: Das Merkmal „Verstoß gegen § 21 Abs. 1 S. 1 WpHG“ ist erfüllt, wenn die Prüfung dieser
# Norm erfüllt ist. Das Gutachten prüft § 21 WpHG einmal, beim ersten Anspruch; beim zweiten verweist es
# nach oben („siehe oben“).

# %% [markdown]
# ## 2. § 839 Abs. 1 S. 1 BGB i.V.m. Art. 34 S. 1 GG
#
# Das Schema, wie lawkit es modelliert:
#
# | Merkmal | Inhalt | Fundstelle |
# |---|---|---|
# | In Ausübung eines öffentlichen Amtes | B handelt als Aufseher der BaFin | Art. 34 S. 1 GG |
# | Verletzung einer drittbezogenen Amtspflicht | Verstoß gegen § 21 Abs. 1 S. 1 WpHG; der Geschädigte gehört zu denen, deren Geheimhaltungsinteresse die Pflicht schützt | Ausarbeitung, Abschn. 3.1, Fn. 31 |
# | Rechtswidrigkeit | kein Rechtfertigungsgrund | Abschn. 3.1, Fn. 32 |
# | Verschulden | Vorsatz oder Fahrlässigkeit (§ 276 BGB); „eine Frage des Einzelfalles“ | Abschn. 3.1, Fn. 32 |
# | Keine anderweitige Ersatzmöglichkeit | nur bei bloßer Fahrlässigkeit | § 839 Abs. 1 S. 2 BGB (Gesetz) |
# | Schaden durch die Pflichtverletzung | Schaden und Ursächlichkeit in einem Merkmal | Abschn. 3.1 |
#
# Die Ausarbeitung ordnet die Verschwiegenheitspflicht nach § 21 Abs. 1 WpHG ausdrücklich als
# **drittbezogene Amtspflicht** ein (Fn. 31): Sie besteht gerade auch gegenüber denen, deren Geheimnisse
# sie schützt – nach ihrem Wortlaut Tatsachen, deren Geheimhaltung im Interesse eines nach dem WpHG
# Verpflichteten oder eines Dritten liegt (Abschn. 1). Deshalb prüft das Schema neben dem Verstoß, ob die
# Z-Bank zu diesem geschützten Personenkreis gehört.
#
# **Nicht modelliert** sind § 839 Abs. 2 BGB (Spruchrichterprivileg), § 839 Abs. 3 BGB (kein Ersatz, wenn
# der Verletzte es schuldhaft unterlassen hat, den Schaden durch ein Rechtsmittel abzuwenden) und der
# Rückgriff des Dienstherrn nach Art. 34 S. 2 GG. Die Ausarbeitung behandelt sie nicht; in einer Klausur
# müssten Sie § 839 Abs. 3 BGB ansprechen, wenn der Sachverhalt dazu Anlass gibt.
#
# Das geprüfte Schema des Falls (beide Anspruchsgrundlagen):

# %%
# NBVAL_CHECK_OUTPUT
print(wb.schema_text())

# %% [markdown]
# Dasselbe Schema des § 839 BGB i.V.m. Art. 34 GG als Bild (grün: erfüllt, rot: nicht erfüllt, blass: nicht
# mehr geprüft):

# %%
from lawkit import schema_diagram

schema_diagram(wb.result, "bgb_839_gg_34")

# %% [markdown]
# Alle Merkmale sind erfüllt. Beim verpflichteten Personenkreis des § 21 WpHG genügt eine der beiden
# Alternativen; nachdem B als Beschäftigter der BaFin feststeht, wird die Beauftragung nach § 4 Abs. 3
# FinDAG nicht mehr geprüft („nicht geprüft“). Ebenso wenig kommt es auf das Verwenden an, wenn B die
# Tatsache schon offenbart hat.

# %% [markdown]
# ## 3. Haftungsüberleitung: Warum die BaFin zahlt
#
# Nach seinem Wortlaut verpflichtet § 839 Abs. 1 S. 1 BGB den Amtswalter selbst: *Er* hat den Schaden zu
# ersetzen. Art. 34 S. 1 GG leitet diese Verantwortlichkeit aber grundsätzlich auf den Staat oder die
# Körperschaft über, in deren Dienst der Amtswalter steht. Die Ausarbeitung zieht daraus die Folge für
# unseren Fall: Die Verletzung der Verschwiegenheitspflicht kann einen Anspruch nach § 839 BGB i.V.m.
# Art. 34 GG **gegen die BaFin** begründen (Abschn. 3.1, Fn. 31); Haftungsadressatin ist die BaFin als
# Dienstherrin (Abschn. 3.2, Fn. 38).
#
# Für die Klausur heißt das: Der Anspruch wird *gegen die BaFin* geprüft, der Obersatz nennt sie als
# Anspruchsgegnerin, und B haftet dem Geschädigten nicht persönlich. In lawkit steht das in der
# Rechtsfolge der Norm; die Zusammenfassung nennt den Anspruchsgegner:

# %%
# NBVAL_CHECK_OUTPUT
print(wb.summary_text())

# %% [markdown]
# ## 4. § 823 Abs. 2 BGB i.V.m. § 21 WpHG – und die Sperrwirkung
#
# Die Ausarbeitung geht in drei Schritten vor (Abschn. 3.2):
#
# 1. **§ 21 WpHG ist Schutzgesetz** im Sinne des § 823 Abs. 2 BGB; bei seiner Verletzung kann
#    grundsätzlich auch nach dieser Vorschrift ein Schadensersatzanspruch bestehen (Fn. 33).
# 2. Die Haftung für Amtspflichtverletzungen ist aber in § 839 BGB **abschließend geregelt** (Fn. 34) –
#    jedenfalls für **Beamte im staatsrechtlichen Sinne** (Fn. 35): Personen, die in einem
#    öffentlich-rechtlichen Dienst- und Treueverhältnis zum Staat oder einer anderen juristischen Person
#    des öffentlichen Rechts stehen, in das sie unter Aushändigung der gesetzlich vorgeschriebenen
#    Ernennungsurkunde berufen worden sind (Fn. 36).
# 3. § 823 Abs. 2 BGB kommt deshalb nur **ausnahmsweise** in Betracht, insbesondere wenn der zur
#    Verschwiegenheit Verpflichtete kein Beamter im staatsrechtlichen Sinne ist (Fn. 37). Auch dann ist
#    eine persönliche Haftung unter den Voraussetzungen des Art. 34 GG ausgeschlossen; Haftungsadressatin
#    bleibt die BaFin (Fn. 38).
#
# Schritt 2 ist eine Frage der **Anwendbarkeit**: Ist § 839 BGB für Beamte abschließend, kommt es auf
# die Voraussetzungen des § 823 Abs. 2 BGB gar nicht mehr an. Das Gutachten prüft die Sperrwirkung
# deshalb **vor** dem Tatbestand, und ihre Bedingung – ist der Handelnde Beamter im staatsrechtlichen
# Sinne? – steht für sich: „Abschließend“ heißt, dass die Sperre auch dann greift, wenn die
# Voraussetzungen des § 839 BGB im Einzelfall nicht vorliegen (dazu unten Nr. 6). Der Obersatz nennt den
# Anspruch gegen den Handelnden, denn § 823 Abs. 2 BGB verpflichtet den, der gegen das Schutzgesetz
# verstößt; dass die Haftung nach Art. 34 GG auf die BaFin übergeht, folgt erst aus der Rechtsfolge
# (Fn. 38). Für B, der Beamter ist, endet die Prüfung bei der Anwendbarkeit:

# %%
# NBVAL_CHECK_OUTPUT
print(wb.gutachten_text(section="B. § 823"))

# %% [markdown]
# ## 5. Was wäre, wenn … B kein Beamter wäre?
#
# Angenommen, B ist Tarifbeschäftigter der BaFin und hat nie eine Ernennungsurkunde erhalten – in der
# Werkbank steht die Frage „Ist die Person Beamter im staatsrechtlichen Sinne …?“ dann auf *nein*. Die
# Sperrwirkung greift nicht, und § 823 Abs. 2 BGB i.V.m. § 21 WpHG ist neben § 839 BGB anwendbar
# (Fn. 37). Der Anspruch richtet sich gegen B, der gegen das Schutzgesetz verstoßen hat; unter den
# Voraussetzungen des Art. 34 GG haftet B aber nicht persönlich, Haftungsadressatin ist auch dann die
# BaFin (Fn. 38). Die Zusammenfassung der Werkbank:

# %%
# NBVAL_CHECK_OUTPUT
# a second workbench for the what-ifs, so the one above keeps the Sachverhalt
probe = workbench("amtshaftung_bafin")
probe.set_fact("beamter_staatsrechtlich", "nein")
print(probe.summary_text())

# %% [markdown]
# Und wenn der Sachverhalt **offenlässt**, ob B eine Ernennungsurkunde erhalten hat? Dann rät lawkit
# nicht: Ob § 823 Abs. 2 BGB anwendbar ist, bleibt *offen*, und das Gutachten nennt beide Wege – der
# Anspruch aus § 839 BGB i.V.m. Art. 34 GG besteht ohnehin, und die BaFin haftet in beiden Fällen.

# %%
# NBVAL_CHECK_OUTPUT
probe.set_fact("beamter_staatsrechtlich", "offen")
norm_823 = probe.result.norm("bgb_823_2_wphg_21")
print(f"anwendbar: {norm_823.applicable} | Ergebnis: {norm_823.result}")
print(probe.gutachten_text(section="I. Anwendbarkeit"))

# %% [markdown]
# ## 6. Was wäre, wenn … B nur fahrlässig gehandelt hätte?
#
# Jetzt ist B wieder Beamter. Er hat die Unterlagen aber nur unvorsichtig offen liegen lassen, und der
# Konkurrent, der sie auswertete, haftet der Z-Bank selbst. Bei bloßer Fahrlässigkeit haftet der
# Amtswalter nur, wenn der Verletzte nicht auf andere Weise Ersatz erlangen kann (§ 839 Abs. 1 S. 2 BGB).
# Der Anspruch aus § 839 BGB i.V.m. Art. 34 GG scheitert – und § 823 Abs. 2 BGB springt nicht ein, weil
# § 839 BGB die Haftung für Amtspflichtverletzungen von Beamten abschließend regelt (Fn. 34, 35).

# %%
# NBVAL_CHECK_OUTPUT
probe.reset()
probe.set_fact("anderweitiger_ersatz", "ja")
print(probe.gutachten_text(section="V. Keine anderweitige Ersatzmöglichkeit"))
print(probe.gutachten_text(section="C. Gesamtergebnis"))

# %% [markdown]
# ## 7. Offene Tatsachen, die entscheiden
#
# Ob die Z-Bank ohne die Indiskretion einen höheren Preis erzielt hätte, kann streitig sein (Variante
# `schaden_offen`). Die Ausarbeitung betont, dass Verschulden und Schaden Fragen des Einzelfalls sind
# (Abschn. 3.1). lawkit nennt für ein offenes Ergebnis die Tatsache, die es entscheiden würde:

# %%
# NBVAL_CHECK_OUTPUT
offen = check(library.case("amtshaftung_bafin.schaden_offen"), library).norm("bgb_839_gg_34")
fragen = library.questions(["bgb_839_gg_34"])
print(offen.result, "– entscheidend:", *(fragen[key].text for key in offen.deciding))

# %% [markdown]
# ## 8. Zurück zur Quelle: ohne Verstoß gegen § 21 WpHG keine Haftung
#
# Beide Anspruchsgrundlagen stehen und fallen mit dem Verstoß gegen § 21 Abs. 1 S. 1 WpHG. Die Vorschrift
# schützt nur Tatsachen, deren Geheimhaltung im Interesse eines nach dem WpHG Verpflichteten oder eines
# Dritten liegt. Daran fehlt es, wenn eine Tatsache allgemein bekannt ist, aus öffentlich zugänglichen
# Quellen erfahren werden kann oder wegen kapitalmarktrechtlicher Veröffentlichungspflichten offengelegt
# werden muss (Abschn. 2.1.1, Fn. 8).
#
# Der Fall `ad_hoc_pflicht` zeigt das: Angestellte H erzählt vorab von einer gesenkten
# Gewinnprognose, die die A-AG ohnehin unverzüglich veröffentlichen muss. Beim Geheimnisbegriff des § 203
# StGB ist umstritten, ob es auf ein Geheimhaltungsinteresse ankommt (Abschn. 2.1.1, Fn. 6, 7). Für § 21
# WpHG stellt sich dieser Streit nicht, denn er verlangt das Geheimhaltungsinteresse schon nach seinem
# Wortlaut. Selbst wenn man beim Geheimnisbegriff der Gegenauffassung folgt, bleibt es deshalb dabei:
# kein Verstoß gegen § 21 WpHG – und damit weder eine Amtspflichtverletzung noch ein
# Schutzgesetzverstoß.

# %%
# NBVAL_CHECK_OUTPUT
ad_hoc = check(library.case("ad_hoc_pflicht.gegenauffassung"), library)
print("\n".join(f"{norm.citation}: {norm.result}" for norm in ad_hoc.norms))

# %% [markdown]
# Übertragen auf unseren Fall: Hätte die Z-Bank den Verkauf ohnehin veröffentlichen müssen, entfiele das
# Geheimhaltungsinteresse, und beide Ansprüche scheiterten.

# %%
# NBVAL_CHECK_OUTPUT
probe.reset()
probe.set_fact("geheimhaltungsinteresse", "nein")
print("\n".join(f"{norm.citation}: {norm.result}" for norm in probe.result.norms))

# %% [markdown]
# ## Zusammenfassung
#
# - § 839 Abs. 1 S. 1 BGB i.V.m. Art. 34 S. 1 GG: Amtswalter, drittbezogene Amtspflicht (§ 21 Abs. 1
#   WpHG, Fn. 31), Rechtswidrigkeit, Verschulden (Fn. 32), § 839 Abs. 1 S. 2 BGB, Schaden.
# - Anspruchsgegner ist die BaFin als Dienstherrin, nicht der Beamte (Art. 34 S. 1 GG; Fn. 31, 38).
# - § 21 WpHG ist Schutzgesetz (Fn. 33); § 823 Abs. 2 BGB ist für Beamte im staatsrechtlichen Sinne
#   neben § 839 BGB nicht anwendbar (Fn. 34–36) – das prüft das Gutachten vor dem Tatbestand. Für andere
#   Beschäftigte ist er anwendbar (Fn. 37); der Anspruch knüpft an ihr Handeln an, doch unter den
#   Voraussetzungen des Art. 34 GG ist Haftungsadressatin auch dann die BaFin (Fn. 38).
#
# ## Selbstkontrolle
#
# Wählen Sie jeweils eine Antwort; die Erklärung nennt die Fundstellen.

# %%
sc = self_check("03_haftung")
sc

# %% [markdown]
# So sieht die Rückmeldung auf eine falsche Antwort aus:

# %%
# NBVAL_CHECK_OUTPUT
print(sc.answer("anspruchsgegner", "gegen B persönlich"))
