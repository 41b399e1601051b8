# Notebook 02 — Strafbarkeit nach Verletzung der Verschwiegenheitspflicht (built by tools/build_notebooks.py).
# %% [markdown]
# # 02 – Strafbarkeit nach Verletzung der Verschwiegenheitspflicht (§ 21 WpHG)
#
# **Lernziele.** Nach diesem Notebook können Sie
#
# 1. die drei Straftatbestände benennen und prüfen, die ein Verstoß gegen § 21 Abs. 1 S. 1 WpHG
#    verwirklichen kann: **§ 203 Abs. 2 S. 1, § 204 Abs. 1 und § 353b Abs. 1 StGB**;
# 2. den **Täterkreis** bestimmen: Amtsträger (§ 11 Abs. 1 Nr. 2 StGB) oder für den öffentlichen
#    Dienst besonders Verpflichteter (§ 11 Abs. 1 Nr. 4 StGB);
# 3. den **Meinungsstreit zum Geheimnisbegriff** darstellen und erkennen, wann er entschieden werden
#    muss und wann er dahinstehen kann;
# 4. die **Konkurrenzen** ordnen: wann § 204 hinter § 203 StGB zurücktritt und wann § 353b Abs. 1
#    S. 2 hinter S. 1;
# 5. Tatbestand und **Verfolgbarkeit** auseinanderhalten: Strafantrag (§ 205 StGB) und Ermächtigung
#    (§ 353b Abs. 4 StGB).
#
# Grundlage ist die Ausarbeitung zu den Folgen eines Verstoßes gegen § 21 Abs. 1 S. 1 WpHG (im
# Folgenden „Ausarbeitung“), Abschn. 2 mit Fn. 5–27. Wie die Werkbank funktioniert, zeigt das
# Notebook 01.

# %% [markdown]
# ## Der Sachverhalt
#
# § 21 Abs. 1 S. 1 WpHG verbietet den Beschäftigten der BaFin und den von ihr nach § 4 Abs. 3
# FinDAG beauftragten Personen, Tatsachen, die sie bei ihrer Tätigkeit erfahren und deren
# Geheimhaltung im Interesse eines nach dem WpHG Verpflichteten oder eines Dritten liegt, unbefugt zu
# **offenbaren** oder zu **verwenden** – auch nach dem Ende ihres Dienstes (Ausarbeitung,
# Abschn. 1). Dieses Notebook verfolgt einen solchen Verstoß durch vier Fälle:
#
# - **Der beauftragte Wirtschaftsprüfer** (`pruefer_findag`): W prüft im Auftrag der BaFin eine
#   Bank, ist förmlich verpflichtet, aber nicht Beamter, und nennt einem Bekannten die Großkunden,
#   denen die Bank Kreditlinien gekündigt hat.
# - **Das Nebengeschäft der Referentin** (`verwertung_nebengeschaeft`): BaFin-Angestellte K
#   kalkuliert mit dem geheimen Preismodell einer beaufsichtigten Firma ihre eigenen Angebote –
#   ohne jemandem etwas zu erzählen.
# - **Geheimnisse gegen Geld** (`verkauf_an_konkurrenten`): BaFin-Angestellter M verkauft die
#   geheime Kundenliste einer Fondsgesellschaft für 5 000 Euro an einen Konkurrenten.
# - **Die Indiskretion vor dem Wochenende** (`dienstgeheimnis_presse`): BaFin-Beamter P verrät einer
#   Journalistin geplante Aufsichtsmaßnahmen gegen eine angeschlagene Bank; es kommt zu einem
#   Ansturm auf die Filialen.
#
# Für den Meinungsstreit kommt ein fünfter Fall hinzu (`ad_hoc_pflicht`): Angestellte H erzählt
# von einer gesenkten Gewinnprognose, die die börsennotierte A-AG ohnehin eine Stunde später
# veröffentlichen muss.

# %%
from lawkit import check, default_library
from lawkit.widgets import workbench

lib = default_library()

# %% [markdown]
# ## 1. Drei Tatbestände im Überblick
#
# Die Verletzung der Verschwiegenheitspflicht kann eine Strafbarkeit nach §§ 203, 204 und 353b
# StGB begründen (Ausarbeitung, Abschn. 2, Fn. 5):
#
# | | § 203 Abs. 2 S. 1 StGB | § 204 Abs. 1 StGB | § 353b Abs. 1 StGB |
# |---|---|---|---|
# | Tathandlung | unbefugtes **Offenbaren** eines fremden Geheimnisses | unbefugtes **Verwerten** eines fremden Geheimnisses | unbefugtes **Offenbaren** eines Geheimnisses |
# | Täter | Amtsträger (Nr. 1) oder besonders Verpflichteter (Nr. 2) | wer nach § 203 StGB zur Geheimhaltung verpflichtet ist | Amtsträger (Nr. 1) oder besonders Verpflichteter (Nr. 2) |
# | zusätzlich | – | wirtschaftliche Ausnutzung zur Gewinnerzielung | **Gefährdung wichtiger öffentlicher Interessen** |
# | Strafrahmen | bis zu einem Jahr oder Geldstrafe | bis zu zwei Jahren oder Geldstrafe | S. 1: bis zu fünf Jahren oder Geldstrafe; S. 2 (Gefährdung nur fahrlässig): bis zu einem Jahr oder Geldstrafe |
# | Verfolgung | nur auf **Strafantrag** (§ 205 Abs. 1 S. 1) | nur auf **Strafantrag** (§ 205 Abs. 1 S. 1) | nur mit **Ermächtigung** (§ 353b Abs. 4) |
# | Ausarbeitung | Abschn. 2.1 | Abschn. 2.2 | Abschn. 2.3 |
#
# Nach der Ausarbeitung sind die objektiven Merkmale des § 203 StGB bei einem Verstoß gegen das
# Offenbarungsverbot des § 21 WpHG regelmäßig erfüllt, weil Tatgegenstand, Täterkreis und
# Tathandlung einander entsprechen (Abschn. 2.1). Die Prüfung lohnt sich trotzdem Merkmal für
# Merkmal – die Fälle zeigen, wo es hakt.
#
# ## 2. Der Täterkreis: Amtsträger oder besonders Verpflichteter?
#
# § 203 Abs. 2 S. 1 StGB erfasst nur, wem das Geheimnis **als Amtsträger** (Nr. 1) oder **als für
# den öffentlichen Dienst besonders Verpflichtetem** (Nr. 2) anvertraut oder sonst bekannt
# geworden ist – nicht als Privatperson (Abschn. 2.1.2, Fn. 9, 10).
#
# - **Amtsträger** ist nach § 11 Abs. 1 Nr. 2 StGB, wer Beamter oder Richter ist (lit. a), in
#   einem sonstigen öffentlich-rechtlichen Amtsverhältnis steht (lit. b) oder sonst dazu bestellt
#   ist, bei einer Behörde oder in deren Auftrag Aufgaben der öffentlichen Verwaltung
#   wahrzunehmen (lit. c). Die Angestellten und Arbeiter der BaFin sind in der Regel Amtsträger
#   nach lit. c (Abschn. 2.1.2, Fn. 11, 12).
# - **Für den öffentlichen Dienst besonders verpflichtet** ist nach § 11 Abs. 1 Nr. 4 StGB, wer,
#   ohne Amtsträger zu sein, bei einer Behörde beschäftigt oder für sie tätig **und** auf Grund
#   eines Gesetzes **förmlich verpflichtet** ist. Wer nach § 21 WpHG zur Verschwiegenheit
#   verpflichtet, aber kein Amtsträger ist, dürfte regelmäßig hierher gehören (Abschn. 2.1.2,
#   Fn. 13) – etwa die Wirtschaftsprüfer, die nach § 4 Abs. 3 FinDAG für die BaFin prüfen (Fn. 3).
#
# Die beiden Alternativen schließen einander aus: Besonders Verpflichteter ist nur, wer nicht schon
# Amtsträger ist. Das Gutachten prüft bei Nr. 2 deshalb zuerst, dass der Täter kein Amtsträger ist –
# und verweist dafür auf die Prüfung der Nr. 1 („siehe oben“).
#
# Der Wirtschaftsprüfer W ist kein Beamter und nicht zur Wahrnehmung von Verwaltungsaufgaben
# bestellt, aber förmlich verpflichtet:

# %%
w = workbench("pruefer_findag")
w

# %% [markdown]
# Das Schema des § 203 StGB zeigt, dass die Amtsträgereigenschaft scheitert und der Täterkreis
# über Nr. 2 erfüllt ist:

# %%
# NBVAL_CHECK_OUTPUT
print(w.schema_text(under="Täterkreis"))

# %% [markdown]
# Alles hängt hier an der förmlichen Verpflichtung. Fehlt sie, gehört W nicht zum Täterkreis des
# § 203 StGB; gegen § 21 WpHG hat er trotzdem verstoßen, denn dessen Pflicht trifft ihn schon als
# Beauftragten. Bleibt sie offen, bleibt die Strafbarkeit offen:

# %%
# NBVAL_CHECK_OUTPUT
for antwort in ("nein", "offen"):
    w.set_fact("foermlich_verpflichtet", antwort)
    print(f"förmlich verpflichtet: {antwort}\n{w.summary_text()}")

# %% [markdown]
# ## 3. Der Tatgegenstand und der Meinungsstreit zum Geheimnisbegriff
#
# **Geheimnisse** sind Tatsachen, die nur einem Einzelnen oder einem beschränkten Kreis von
# Personen bekannt oder zugänglich sind (Ausarbeitung, Abschn. 2.1.1, Fn. 6). Ob das genügt, ist
# umstritten:
#
# - Nach der **ganz überwiegenden Auffassung** muss zusätzlich ein **sachlich begründetes
#   Geheimhaltungsinteresse** des Betroffenen bestehen (Fn. 7). Daran fehlt es, wenn die Tatsache
#   allgemein bekannt ist, sich aus öffentlich zugänglichen Quellen erschließen lässt oder
#   kapitalmarktrechtlich offengelegt werden muss (Fn. 8).
# - Nach der **Gegenauffassung** genügt die beschränkte Bekanntheit.
#
# Ein Meinungsstreit muss im Gutachten nur entschieden werden, wenn die Auffassungen im Fall zu
# verschiedenen Ergebnissen führen. Beim Wirtschaftsprüfer W ist das nicht so: Die Bank hält die
# Aufstellung geheim und muss sie nicht veröffentlichen, also liegt nach beiden Auffassungen ein
# Geheimnis vor – der Streit kann dahinstehen.

# %%
# NBVAL_CHECK_OUTPUT
w.reset()
print(w.disputes_text())

# %% [markdown]
# Anders im Fall der **Ad-hoc-Pflicht**: Die gesenkte Gewinnprognose kennen bis zur Veröffentlichung
# nur der Vorstand und die BaFin, aber die A-AG muss sie kapitalmarktrechtlich unverzüglich
# veröffentlichen. Hier kommt es auf den Streit an. Probieren Sie den Auswahlschalter im Reiter
# „Meinungsstreit“ der Werkbank aus und beobachten Sie das Prüfungsschema.

# %%
h = workbench("ad_hoc_pflicht")
h

# %%
# NBVAL_CHECK_OUTPUT
print(h.disputes_text())

# %% [markdown]
# Die Werkbank folgt zunächst der herrschenden Meinung, legt sich aber nicht fest: Mit dem
# Auswahlschalter folgen Sie der Gegenauffassung. In der Klausur müssen Sie den Streit entscheiden
# und Ihre Wahl begründen. Nach der Gegenauffassung ist § 203 StGB erfüllt – und zwar nach
# **Nr. 1**, weil H als Angestellte der BaFin Amtsträgerin ist:

# %%
# NBVAL_CHECK_OUTPUT
h.set_view("geheimnisbegriff", "beschraenkte_bekanntheit_genuegt")
print(h.summary_text())

# %% [markdown]
# Beachten Sie den zweiten Block: Einen Verstoß gegen **§ 21 Abs. 1 S. 1 WpHG** gibt es nach
# beiden Auffassungen nicht. Denn § 21 WpHG verlangt schon nach seinem Wortlaut, dass die
# Geheimhaltung im Interesse eines nach dem WpHG Verpflichteten oder eines Dritten liegt
# (Ausarbeitung, Abschn. 2.1.1), und an einem solchen Interesse fehlt es bei Tatsachen, die
# kapitalmarktrechtlich offengelegt werden müssen (Fn. 8). Der Meinungsstreit betrifft nur den
# Geheimnisbegriff des StGB.
#
# So setzt das Gutachten den Streit auseinander, wie es ein Fallbuch tut: Zuerst steht fest, was
# beide Auffassungen verlangen (die beschränkte Bekanntheit). Dann kommt die Frage, dann die
# Subsumtion unter jede Auffassung mit ihrem Ergebnis. Weil die Ergebnisse auseinandergehen, folgt
# eine **Stellungnahme**: die Argumente jeder Seite – Wortlaut, Systematik, Zweck – und die
# Entscheidung mit ihrem Grund. Erst dann steht das Ergebnis:

# %%
# NBVAL_CHECK_OUTPUT
h.reset()
print(h.gutachten_text(meinungsstreit=True))

# %% [markdown]
# Führen beide Auffassungen zum selben Ergebnis, braucht es keine Stellungnahme: Nach der
# Subsumtion unter beide Auffassungen „kann der Streit dahinstehen“ – so beim Wirtschaftsprüfer W.

# %% [markdown]
# ## 4. Tathandlung und Vorsatz
#
# **Offenbaren** ist die Mitteilung des Geheimnisses an einen Dritten (Abschn. 2.1.3, Fn. 14) –
# genau das verbietet das Offenbarungsverbot des § 21 WpHG (Fn. 15). Strafbar ist nur, wer die
# Merkmale des objektiven Tatbestands zumindest **bedingt vorsätzlich** verwirklicht; ob das so ist,
# ist in jedem Einzelfall zu prüfen (Abschn. 2.1.4, Fn. 16).
#
# ## 5. § 204 StGB: Verwerten ohne Offenbaren
#
# § 204 Abs. 1 StGB bestraft, wer ein fremdes Geheimnis, zu dessen Geheimhaltung er nach § 203 StGB
# verpflichtet ist, unbefugt **verwertet**. Für Tatgegenstand und Täterkreis gilt das zu § 203 StGB
# Gesagte entsprechend (Abschn. 2.2, Fn. 18). Verwerten ist die **wirtschaftliche Ausnutzung zur
# Gewinnerzielung** (Fn. 19); in Betracht kommen daher nur wirtschaftlich verwertbare Geheimnisse
# (Fn. 20). Die Tat muss vorsätzlich begangen sein (Fn. 17).
#
# Die Referentin K erzählt niemandem etwas, kalkuliert aber mit dem Preismodell der V-GmbH ihre
# eigenen Angebote:

# %%
# NBVAL_CHECK_OUTPUT
k = workbench("verwertung_nebengeschaeft")
print(k.summary_text())

# %% [markdown]
# § 203 StGB scheitert am Offenbaren; § 204 StGB ist erfüllt; gegen § 21 WpHG hat K ebenfalls
# verstoßen (Verwendungsverbot).
#
# **§ 21 WpHG reicht weiter als § 204 StGB.** Das Verwendungsverbot erfasst jede Nutzung zu
# eigenen oder fremden privaten Zwecken, eine Gewinnerzielung verlangt es nicht (Abschn. 2.2,
# Fn. 21, 22). Nutzt K ihr Wissen nur privat – hier, um sich gegen eine Bewerbung bei der V-GmbH zu
# entscheiden –, bleibt der Verstoß gegen § 21 WpHG, aber § 204 StGB entfällt:

# %%
# NBVAL_CHECK_OUTPUT
k.set_fact("verwertet_gewinnerzielung", "nein")
for norm in k.result.norms:
    print(norm.citation, "–", norm.result)

# %% [markdown]
# ## 6. Konkurrenzen
#
# ### § 204 tritt hinter § 203 StGB zurück
#
# Wer ein Geheimnis gerade **dadurch** verwertet, dass er es einem anderen offenbart, erfüllt beide
# Tatbestände. Dann tritt § 204 StGB im Wege der **Gesetzeskonkurrenz** hinter § 203 StGB zurück
# (Abschn. 2.2, Fn. 23, 24): Bestraft wird nur aus § 203 StGB. So liegt es bei M, der die
# Kundenliste für 5 000 Euro an den Konkurrenten C übergibt:

# %%
m = workbench("verkauf_an_konkurrenten")
m

# %%
# NBVAL_CHECK_OUTPUT
print(m.summary_text())

# %% [markdown]
# Ob § 204 zurücktritt, hängt also von einer Tatsache ab: Geschah die Verwertung durch
# Offenbaren? Bleibt offen, wie M die Liste zu Geld gemacht hat, bleibt auch offen, ob § 204 StGB
# neben § 203 StGB anwendbar ist – die Strafbarkeit nach § 203 StGB selbst steht fest:

# %%
# NBVAL_CHECK_OUTPUT
m.set_fact("verwertung_durch_offenbaren", "offen")
print(m.summary_text())

# %% [markdown]
# Im Gutachten stehen die Konkurrenzen in einem eigenen Abschnitt nach der Prüfung aller
# Tatbestände, danach folgt das Gesamtergebnis:

# %%
# NBVAL_CHECK_OUTPUT
m.reset()
print(m.gutachten_text(section="C. Konkurrenzen"))
print(m.gutachten_text(section="D. Gesamtergebnis"))

# %% [markdown]
# ### § 353b Abs. 1 S. 2 tritt hinter S. 1 StGB zurück
#
# § 353b Abs. 1 S. 2 StGB mildert die Strafe für den Täter, der die Gefährdung der öffentlichen
# Interessen **lediglich fahrlässig** verursacht hat (Abschn. 2.3). Handelt der Täter auch insoweit
# vorsätzlich, gilt allein S. 1; S. 2 tritt zurück. Das zeigt der Fall P im nächsten Abschnitt.
#
# ### § 203 und § 353b StGB
#
# Die Ausarbeitung stellt § 353b StGB „daneben“ und benennt den wesentlichen Unterschied: Nur
# § 353b StGB setzt die Gefährdung eines öffentlichen Interesses voraus (Abschn. 2.3). Wie die
# beiden Tatbestände zueinander stehen, wenn beide erfüllt sind, erörtert sie nicht. Die
# Bibliothek modelliert deshalb keine Konkurrenzregel zwischen ihnen, und dieses Notebook
# entscheidet die Frage nicht.
#
# ## 7. § 353b Abs. 1 StGB: Gefährdung wichtiger öffentlicher Interessen
#
# Wichtige öffentliche Interessen sind alle öffentlichen Belange von einigem Rang (Abschn. 2.3,
# Fn. 25). Es genügt **nicht**, dass als Folge der Tat das Vertrauen der Allgemeinheit in die
# Amtsverschwiegenheit erschüttert zu werden droht (Fn. 26). Ob ein wichtiges öffentliches
# Interesse gefährdet wurde, hat der Tatrichter im Einzelfall zu prüfen (Fn. 27).
#
# Beamter P verrät der Journalistin J die geplanten Maßnahmen gegen die Z-Bank; nach dem Bericht
# bilden sich Schlangen vor den Filialen. P ist Beamter, also Amtsträger nach § 11 Abs. 1 Nr. 2
# lit. a StGB, und nimmt die Gefährdung in Kauf:

# %%
p = workbench("dienstgeheimnis_presse")
p

# %%
# NBVAL_CHECK_OUTPUT
print(p.summary_text())

# %% [markdown]
# Abwandlung: Der Bericht erregt kaum Aufsehen, die Maßnahmen laufen wie geplant; allenfalls leidet
# das Vertrauen in die Verschwiegenheit der BaFin. Das reicht für § 353b StGB nicht – weder für
# S. 1 noch für S. 2:

# %%
# NBVAL_CHECK_OUTPUT
p.set_fact("gefaehrdung_oeffentlicher_interessen", "nein")
for norm in p.result.norms:
    print(norm.citation, "–", norm.result)

# %% [markdown]
# Zweite Abwandlung: Die Gefährdung tritt ein, aber P dachte nicht an die Folgen (kein Vorsatz
# hinsichtlich der Gefährdung; vorhersehbar war sie). Dann scheidet S. 1 aus, und S. 2 tritt nicht
# mehr zurück, sondern kommt selbst zur Anwendung:

# %%
# NBVAL_CHECK_OUTPUT
p.reset()
p.set_fact("vorsatz_gefaehrdung", "nein")
print(p.summary_text())

# %% [markdown]
# ## 8. Verfolgbarkeit: Strafantrag und Ermächtigung
#
# Ein erfüllter Straftatbestand bedeutet noch nicht, dass die Tat verfolgt wird.
#
# - Taten nach **§ 203 und § 204 StGB** werden nur auf **Strafantrag** verfolgt (§ 205 Abs. 1
#   S. 1 StGB; Ausarbeitung, Abschn. 2.1.4 und 2.2).
# - Die Verfolgung einer Tat nach **§ 353b StGB** setzt eine **Ermächtigung** der nach § 353b
#   Abs. 4 S. 2 StGB zuständigen Stelle voraus (§ 353b Abs. 4 S. 1 StGB; Ausarbeitung, Abschn. 2.3).
#
# Stellt die F-GmbH im Fall M keinen Strafantrag, bleiben die Tatbestände erfüllt, aber keine der
# beiden Vorschriften kommt zur Anwendung:

# %%
# NBVAL_CHECK_OUTPUT
m.set_fact("strafantrag_gestellt", "nein")
print(m.summary_text())

# %% [markdown]
# Ist im Fall P über die Ermächtigung noch nicht entschieden, ist die Verfolgbarkeit **offen** –
# und damit auch, ob die Strafe aus § 353b Abs. 1 S. 1 StGB verhängt werden kann:

# %%
# NBVAL_CHECK_OUTPUT
p.reset()
p.controls["ermaechtigung_erteilt"].value = "offen"
print(p.summary_text())

# %% [markdown]
# Die Werkbänke weiter oben zeigen wieder den Sachverhalt; dort können Sie selbst weiterprobieren.

# %%
m.reset()
p.reset()

# %% [markdown]
# ## 9. Das Prüfungsschema des § 353b StGB als Bild
#
# Das Schema des § 353b Abs. 1 S. 1 StGB in der Abwandlung, in der P nicht an die Folgen dachte
# (`nur_fahrlaessig`): Rot ist der Vorsatz hinsichtlich der Gefährdung – deshalb greift S. 2.

# %%
from lawkit import schema_diagram

schema_diagram(check(lib.case("dienstgeheimnis_presse.nur_fahrlaessig")), "stgb_353b_1_1")

# %% [markdown]
# ## Selbstkontrolle
#
# Beantworten Sie die Fragen und klicken Sie jeweils auf „Prüfen“.

# %%
from lawkit.widgets import self_check

sc = self_check("02_strafrecht_verschwiegenheit")
sc

# %% [markdown]
# Die Rückmeldung zur Frage nach den Konkurrenzen, wenn man auf beide Vorschriften nebeneinander
# setzt:

# %%
# NBVAL_CHECK_OUTPUT
print(sc.answer("konkurrenz_204", "Nach beiden Vorschriften nebeneinander"))
