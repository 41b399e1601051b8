# Notebook 01 — Einführung in die Subsumtion (built by tools/build_notebooks.py).
# %% [markdown]
# # 01 – Einführung: Subsumtion, Gutachtenstil und die drei Werte
#
# **Lernziele.** Nach diesem Notebook können Sie
#
# 1. ein Tatbestandsmerkmal in den vier Schritten der Subsumtion prüfen: **Obersatz – Definition –
#    Subsumtion – Ergebnis**;
# 2. den **Gutachtenstil** (das Ergebnis steht am Ende) vom **Urteilsstil** (das Ergebnis steht am
#    Anfang) unterscheiden;
# 3. jedes Merkmal mit einem der drei Werte **erfüllt / nicht erfüllt / offen** bewerten und
#    begründen, warum „offen“ die ehrliche Antwort ist, wenn der Sachverhalt schweigt;
# 4. den Sachverhalt **lebensnah auslegen** und wissen, wann im Strafrecht **in dubio pro reo**
#    entscheidet;
# 5. erkennen, wann eine offene Frage **dahinstehen kann**, weil sie das Ergebnis nicht ändert;
# 6. mit den Werkzeugen dieses Arbeitsbuchs umgehen: Tatsachen-Schalter, Prüfungsschema,
#    Gutachten, Stil- und Umfang-Umschalter.
#
# Grundlage ist die Ausarbeitung zu den Folgen eines Verstoßes gegen die Verschwiegenheitspflicht
# des § 21 Abs. 1 S. 1 WpHG (im Folgenden „Ausarbeitung“), Abschn. 2.1, und für das „Dahinstehen“
# der Beschluss BVerwG 6 B 71.17, Rn. 5.

# %% [markdown]
# ## Der Sachverhalt
#
# R arbeitet als Angestellte (nicht als Beamtin) der BaFin in der Wertpapieraufsicht und ist für
# die nicht börsennotierte Y-Wertpapierhandels-GmbH zuständig. Bei einer Prüfung vor Ort erfährt
# sie, dass die Y-GmbH ihren wichtigsten Kunden verloren hat und zwei Standorte schließen will.
# Davon wissen nur die Geschäftsführung, einige Mitarbeiter und die zuständigen Stellen der BaFin;
# die Y-GmbH will, dass nichts nach außen dringt.
#
# Eine Woche später erzählt R ihrem Bruder B, der bei einem Konkurrenten arbeitet, davon – sie
# weiß, dass sie schweigen müsste, will ihm aber einen „Tipp“ geben. Die Y-GmbH stellt rechtzeitig
# Strafantrag. Ob R bei ihrer Einstellung förmlich verpflichtet wurde, erfährt man nicht.
#
# **Fallfrage:** Hat sich R nach § 203 StGB strafbar gemacht?
#
# Der Fall liegt dem Arbeitsbuch als Datei bei (`bafin_angestellte`). Das Arbeitsbuch prüft ihn
# einmal durch; das Ergebnis vorweg:

# %%
from lawkit import check, default_library
from lawkit.widgets import workbench

# %%
# NBVAL_CHECK_OUTPUT
lib = default_library()
ergebnis = check(lib.case("bafin_angestellte"))
print(ergebnis.norm("stgb_203_2_1").citation, "–", ergebnis.norm("stgb_203_2_1").result)

# %% [markdown]
# Das Ergebnis ist schnell gesagt. In der Klausur zählt aber der Weg dorthin: jedes Merkmal der
# Norm wird einzeln geprüft, und zwar in festen Schritten.
#
# ## 1. Die Subsumtion in vier Schritten
#
# | Schritt | Frage | Beispiel aus § 203 StGB |
# |---|---|---|
# | **Obersatz** | Was muss vorliegen? (Konjunktiv) | „R müsste das Geheimnis unbefugt offenbart haben.“ |
# | **Definition** | Was bedeutet das Merkmal? | „Offenbaren ist die Mitteilung des Geheimnisses an einen Dritten.“ (Ausarbeitung, Abschn. 2.1.3, Fn. 14) |
# | **Subsumtion** | Passt der Sachverhalt unter die Definition? | R erzählt ihrem Bruder davon. |
# | **Ergebnis** | Liegt das Merkmal vor? | „R hat das Geheimnis unbefugt offenbart.“ |
#
# Das Gutachten, das `lawkit` zu diesem Fall schreibt, folgt genau diesem Muster. Hier der Abschnitt
# zur Tathandlung (die Ziffern in eckigen Klammern sind Fußnoten mit den Fundstellen; die
# Angaben „SV Abs. 3“ verweisen auf den Absatz des Sachverhalts):

# %%
# NBVAL_CHECK_OUTPUT
# the Gutachten as plain text; the same text the workbench below shows
text = ergebnis.gutachten().text()
print(text[text.index("d) Tathandlung"):text.index("Somit ist der objektive Tatbestand erfüllt.")])

# %% [markdown]
# Beachten Sie: Ein Merkmal, das aus mehreren Teilen besteht (hier „Offenbaren“ **und**
# „unbefugt“), wird in Unterpunkte zerlegt; jeder Unterpunkt bekommt wieder seinen eigenen Obersatz
# und sein eigenes Ergebnis. Erst danach folgt das Ergebnis des Oberpunkts, eingeleitet mit
# „Damit“ – so sieht man, dass es aus den Unterpunkten folgt.
#
# ## 2. Drei Werte: erfüllt – nicht erfüllt – offen
#
# Jedes Merkmal erhält einen von drei Werten:
#
# - **erfüllt** – der Sachverhalt trägt das Merkmal;
# - **nicht erfüllt** – der Sachverhalt schließt es aus;
# - **offen** – der Sachverhalt sagt dazu nichts (oder nicht genug).
#
# „Offen“ ist keine Verlegenheitsantwort, sondern die ehrliche: Was der Sachverhalt nicht
# mitteilt, darf das Gutachten nicht erfinden. Die Ausarbeitung sagt das für den Vorsatz
# ausdrücklich: Ob der Täter zumindest bedingt vorsätzlich handelte, ist in jedem Einzelfall zu
# prüfen (Abschn. 2.1.4, Fn. 16).
#
# Wer eine offene Tatsache einfach bejaht, verurteilt ohne Grundlage; wer sie verneint, spricht
# ohne Grundlage frei. Beides hieße, den Sachverhalt zu ergänzen. „Offen“ hält dagegen fest, was
# noch zu klären ist – und es ist vorsichtig: Wird die Tatsache später geklärt, kann das nur offene
# Ergebnisse entscheiden, nie ein schon feststehendes umwerfen.
#
# Die Werte werden nach oben verknüpft:
#
# - Bei **kumulativen** Merkmalen („und“) ist der Oberpunkt *nicht erfüllt*, sobald ein Merkmal
#   nicht erfüllt ist, und *offen*, wenn keines fehlt, aber eines offen ist.
# - Bei **alternativen** Merkmalen („oder“) ist der Oberpunkt *erfüllt*, sobald eine Alternative
#   erfüllt ist.
#
# Die Tabelle zeigt jedes Merkmal des Ausgangsfalls mit seinem Wert, der Tatsache, auf der es
# beruht, und der Fundstelle im Sachverhalt oder in der Literatur. Merkmale, zu denen das Gutachten
# nicht kommt, tragen keinen Wert, sondern heißen „nicht geprüft“:

# %%
from lawkit import element_table

element_table(ergebnis).drop(columns="Norm")

# %% [markdown]
# Lesen Sie die Spalten „Tatsache“ und „Antwort“ mit: Manche Fragen sind verneinend gestellt. Die
# Rechtswidrigkeit etwa fragt „Greift ein Rechtfertigungsgrund ein?“ – die Antwort *nein* macht das
# Merkmal *erfüllt*.
#
# Eine Abwandlung, in der eine offene Tatsache zählt: Der Sachverhalt verrät nicht, ob R wusste,
# dass es sich um vertrauliche Informationen aus der Aufsicht handelte (Abwandlung
# `vorsatz_offen`). Dann bleibt die Strafbarkeit offen, und `lawkit` nennt die Tatsache, auf die es
# ankommt:

# %%
# NBVAL_CHECK_OUTPUT
abwandlung = check(lib.case("bafin_angestellte.vorsatz_offen")).norm("stgb_203_2_1")
fragen = lib.questions(["stgb_203_2_1"])
print(abwandlung.result, "– entscheidend offen:", *(fragen[key].text for key in abwandlung.deciding))

# %% [markdown]
# Das Gutachten nennt dann beide Ergebnisse – je nachdem, wie die offene Tatsache ausfällt:

# %%
# NBVAL_CHECK_OUTPUT
text = check(lib.case("bafin_angestellte.vorsatz_offen")).gutachten().text()
print(text[text.index("Ergebnis: "):text.index("B. Gesamtergebnis")].strip())

# %% [markdown]
# ## 3. Den Sachverhalt lebensnah auslegen – und im Zweifel für die Angeklagte
#
# „Offen“ heißt nicht, dass alles offen ist, was der Sachverhalt nicht wörtlich sagt. Ein
# Sachverhalt wird **lebensnah ausgelegt**: Was nach allgemeiner Lebenserfahrung aus dem Erzählten
# folgt, gilt als mitgeteilt; was für einen Normalfall nicht erwähnt werden muss, liegt nicht vor.
#
# - Der Sachverhalt sagt nicht „R handelte vorsätzlich“. Er sagt aber, dass R weiß, dass sie
#   schweigen müsste, und ihrem Bruder einen „Tipp“ geben will. Wer so handelt, weiß, was er tut,
#   und will es: Der Vorsatz ist *erfüllt*.
# - Der Sachverhalt erwähnt keinen Rechtfertigungs- und keinen Entschuldigungsgrund. Bei lebensnaher
#   Auslegung gibt es dann keinen; Rechtswidrigkeit und Schuld sind *erfüllt*. Das Gutachten sagt
#   das knapp („nicht ersichtlich“):

# %%
# NBVAL_CHECK_OUTPUT
text = ergebnis.gutachten().text()
print(text[text.index("II. Rechtswidrigkeit"):text.index("IV. Strafantrag")].strip())

# %% [markdown]
# - Anders die förmliche Verpflichtung: Hier sagt der Sachverhalt ausdrücklich, dass man es nicht
#   erfährt. Eine lebensnahe Auslegung darf diese Lücke nicht füllen – die Tatsache bleibt *offen*.
#   (Warum das hier nicht schadet, zeigt Abschnitt 4.)
#
# Und wenn eine Tatsache offen bleibt, obwohl nichts mehr aufzuklären ist? Dann kommt es darauf an,
# ob der Sachverhalt **abschließend** ist. Im Strafrecht gilt dann der Grundsatz **in dubio pro
# reo** („im Zweifel für den Angeklagten“): Was sich zur Schuld der Angeklagten nicht feststellen
# lässt, wird zu ihren Gunsten angenommen. In der Abwandlung `vorsatz_zweifel` hat eine
# Beweisaufnahme nicht klären können, ob R wusste, dass es um vertrauliche Aufsichtsinformationen
# ging; der Sachverhalt ist abschließend:

# %%
# NBVAL_CHECK_OUTPUT
zweifel = check(lib.case("bafin_angestellte.vorsatz_zweifel"))
text = zweifel.gutachten().text()
print(text[text.index("2. Subjektiver Tatbestand"):text.index("Fußnoten")].strip())

# %% [markdown]
# Das Gutachten sagt, warum es so entscheidet, in einem eigenen Satz. Der Wert der Tatsache bleibt
# dabei „offen“ – das Prüfungsschema zeigt das weiterhin; nur das Ergebnis des Gutachtens fällt
# zugunsten der R aus:

# %%
# NBVAL_CHECK_OUTPUT
print(zweifel.norm("stgb_203_2_1").root.find("subjektiver_tatbestand").result)

# %% [markdown]
# Der Grundsatz gilt nur für die Schuld im Strafrecht. Im Zivilrecht entscheiden bei
# unaufklärbaren Tatsachen Regeln über die Beweislast, die dieses Arbeitsbuch nicht nachbildet;
# dort nennt das Gutachten beide Ergebnisse.
#
# ## 4. Kann dahinstehen
#
# Zum Täterkreis des § 203 Abs. 2 S. 1 StGB gehört, wer Amtsträger (Nr. 1) **oder** für den
# öffentlichen Dienst besonders Verpflichteter (Nr. 2) ist. Die Angestellten der BaFin sind in
# der Regel Amtsträger nach § 11 Abs. 1 Nr. 2 lit. c StGB (Ausarbeitung, Abschn. 2.1.2, Fn. 11,
# 12). Steht das fest, ist der Täterkreis erfüllt. Ob R außerdem förmlich verpflichtet wurde, muss
# das Gutachten nicht klären: Besonders Verpflichteter ist nach § 11 Abs. 1 Nr. 4 StGB nur, wer
# **nicht** Amtsträger ist. Die beiden Alternativen schließen einander aus, und die erste trägt das
# Ergebnis. Das Prüfungsschema zeigt die Nr. 2 deshalb als „nicht geprüft“:

# %%
# NBVAL_CHECK_OUTPUT
print(workbench("bafin_angestellte").schema_text(under="Täterkreis"))

# %% [markdown]
# Ausdrücklich schreibt das Gutachten das Dahinstehen hin, wenn die **zuerst** geprüfte
# Alternative offen ist. In der Abwandlung `amtstraegerin_unklar` ist unklar, welche Aufgaben R
# wahrnimmt (also ob sie Amtsträgerin ist); dafür steht fest, dass sie förmlich verpflichtet wurde.
# Ist R Amtsträgerin, gehört sie nach Nr. 1 zum Täterkreis; ist sie es nicht, ist sie besonders
# Verpflichtete nach Nr. 2. So oder so gehört sie zum Täterkreis – die offene Frage kann
# offenbleiben:

# %%
# NBVAL_CHECK_OUTPUT
unklar = check(lib.case("bafin_angestellte.amtstraegerin_unklar")).gutachten()
print(unklar.section("b) Täterkreis").text())

# %% [markdown]
# Genau so arbeitet das BVerwG in 6 B 71.17, Rn. 5: Ob die Beschwerde schon unzulässig ist, weil
# eine Frist schuldhaft versäumt wurde, „kann dahingestellt bleiben“ – sie hat jedenfalls in der
# Sache keinen Erfolg.
#
# ## 5. Die Werkbank: Tatsachen ändern, Ergebnis beobachten
#
# Unten steht der ganze Fall als Werkbank. Oben der Sachverhalt mit nummerierten Absätzen
# („Abs. 1“ …) und der Fallfrage, darunter:
#
# - **Tatsachen** (links): zu jeder Frage der Normen ein Schalter *ja / nein / offen*, darunter die
#   Stelle des Sachverhalts, auf der die Antwort beruht. Die Fragen sind nach Prüfungspunkten
#   geordnet (Tatbestand, Rechtswidrigkeit, Schuld, Verfolgbarkeit).
# - Rechts vier Reiter:
#   - **Prüfungsschema**: der Baum der Merkmale, farbig *und* mit dem Wort (erfüllt grün, nicht
#     erfüllt rot, offen gelb, kann dahinstehen grau); offene Tatsachen, auf die es ankommt, sind
#     hervorgehoben.
#   - **Gutachten**: der ausformulierte Text, der sich bei jeder Änderung neu schreibt; darüber die
#     Umschalter **Gutachtenstil / Urteilsstil** und **ausführlich / klausurmäßig**.
#   - **Meinungsstreit** und **Konkurrenzen und Verfolgbarkeit**: dazu mehr im Notebook 02.
#
# Die Werkbank beginnt im Gutachtenstil und ausführlich. Probieren Sie es aus: Stellen Sie
# „Handelte der Täter … mit bedingtem Vorsatz?“ auf *offen* und dann auf *nein*, und verfolgen Sie,
# wie sich Schema und Gutachten ändern.

# %%
wb = workbench("bafin_angestellte")
wb

# %% [markdown]
# ### Was wäre, wenn …? (1) R handelte nicht vorsätzlich
#
# Stellen Sie den Vorsatz-Schalter auf *nein*. Das Ergebnis kippt:

# %%
# NBVAL_CHECK_OUTPUT
# a second workbench for the what-ifs of this section, so the one above keeps the Sachverhalt
probe = workbench("bafin_angestellte")
probe.set_fact("vorsatz_offenbaren", "nein")
print(probe.result.norm("stgb_203_2_1").result)

# %% [markdown]
# Im Gutachten endet die Prüfung jetzt beim Vorsatz: Nach einem nicht erfüllten Merkmal werden
# Rechtswidrigkeit, Schuld und Strafantrag nicht mehr erörtert. Weil die Antwort vom Sachverhalt
# abweicht, sagt das Gutachten ausdrücklich, was es unterstellt – in einer Klausur dürften Sie den
# Sachverhalt nicht ändern; hier dient es dem Gedankenexperiment.

# %%
# NBVAL_CHECK_OUTPUT
text = probe.gutachten_text()
print(text[text.index("2. Subjektiver Tatbestand"):text.index("Fußnoten")].strip())

# %% [markdown]
# ### Was wäre, wenn …? (2) Ob ein Strafantrag gestellt ist, bleibt offen
#
# Nun bleibe offen, ob die Y-GmbH Strafantrag gestellt hat (§ 205 Abs. 1 S. 1 StGB) – der
# Schalter „Strafantrag gestellt“ steht auf *offen*. Die Kurzübersicht der Werkbank sagt dann:

# %%
# NBVAL_CHECK_OUTPUT
probe.reset()
probe.controls["strafantrag_gestellt"].value = "offen"  # exactly what a click does
print(probe.summary_text())

# %% [markdown]
# Der Straftatbestand bleibt erfüllt; offen ist nur, ob die Tat **verfolgt** werden kann. Der
# Strafantrag ist eine Voraussetzung der Verfolgung, kein Tatbestandsmerkmal (Ausarbeitung,
# Abschn. 2.1.4).
#
# ## 6. Gutachtenstil und Urteilsstil
#
# Der **Gutachtenstil** arbeitet auf das Ergebnis hin: Er fragt („R könnte sich … strafbar gemacht
# haben“), definiert, subsumiert und schließt. So schreiben Sie in der Klausur.
#
# Der **Urteilsstil** stellt das Ergebnis voran und begründet es danach („…, weil …“, „…, denn …“).
# So schreiben Gerichte; ein Beispiel ist BVerwG 6 B 71.17, Rn. 4: Der Antrag auf
# Prozesskostenhilfe „ist abzulehnen, weil“ die Beschwerde keine Aussicht auf Erfolg bietet. Im
# Urteilsstil fallen die Obersätze weg. Der Umschalter „Urteilsstil“ der Werkbank zeigt den Fall
# so:

# %%
# NBVAL_CHECK_OUTPUT
probe.reset()
probe.set_style("urteilsstil")
text = probe.gutachten_text()
print(text[text.index("A. "):text.index("II. Rechtswidrigkeit")].strip())

# %% [markdown]
# Vergleichen Sie mit dem Gutachtenstil oben: dieselben Tatsachen, dieselben Ergebnisse – aber
# das Ergebnis steht vorn, und jede Feststellung wird mit „denn“ begründet.
#
# ## 7. Schwerpunkte setzen: ausführlich oder klausurmäßig
#
# In der Klausur ist die Zeit knapp. Wer jedes Merkmal gleich ausführlich prüft, hat für die
# Probleme keine Zeit mehr. Unproblematisches wird deshalb im **Feststellungsstil** knapp
# festgestellt – ein Satz mit der Tatsache, auf der er beruht; ausführlich, mit Obersatz,
# Definition und Subsumtion, wird nur geprüft, was problematisch ist: ein Meinungsstreit, ein
# offenes oder ein scheiterndes Merkmal. Der Umschalter „klausurmäßig“ der Werkbank zeigt das;
# hier der Täterkreis, der im Ausgangsfall kein Problem ist:

# %%
# NBVAL_CHECK_OUTPUT
probe.set_style("gutachten")
probe.set_level("klausurmäßig")
print(probe.gutachten_text(section="b) Täterkreis"))

# %% [markdown]
# Im Arbeitsbuch steht die Werkbank zunächst auf „ausführlich“: Zum Lernen ist jeder Schritt
# sichtbar.
#
# ## 8. Das Prüfungsschema als Bild
#
# Wer lieber schaut als liest: Das Schema als Baum, jedes Kästchen in der Farbe seines Werts und
# mit dem Wort dazu; „und“/„oder“ zeigen, wie die Merkmale verknüpft sind.

# %%
from lawkit import schema_diagram

schema_diagram(ergebnis, "stgb_203_2_1")

# %% [markdown]
# ## Selbstkontrolle
#
# Beantworten Sie die Fragen und klicken Sie jeweils auf „Prüfen“.

# %%
from lawkit.widgets import self_check

sc = self_check("01_einfuehrung")
sc

# %% [markdown]
# So sieht die Rückmeldung aus – hier für die Frage nach der förmlichen Verpflichtung:

# %%
# NBVAL_CHECK_OUTPUT
print(sc.answer("drei_werte", "offen"))
