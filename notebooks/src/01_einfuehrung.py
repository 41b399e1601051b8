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
# 4. erkennen, wann eine offene Frage **dahinstehen kann**, weil sie das Ergebnis nicht ändert;
# 5. mit den Werkzeugen dieses Arbeitsbuchs umgehen: Tatsachen-Schalter, Prüfungsschema,
#    Gutachten und Stil-Umschalter.
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
# Der Fall liegt dem Arbeitsbuch als Datei bei (`bafin_angestellte`). Die nächste Zelle lädt ihn
# und prüft ihn einmal durch.

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
wb = workbench("bafin_angestellte")
text = wb.gutachten_text()

# %%
# NBVAL_CHECK_OUTPUT
print(text[text.index("d) Tathandlung"):text.index("Der objektive Tatbestand ist erfüllt.")])

# %% [markdown]
# Beachten Sie: Ein Merkmal, das aus mehreren Teilen besteht (hier „Offenbaren“ **und**
# „unbefugt“), wird in Unterpunkte zerlegt; jeder Unterpunkt bekommt wieder seinen eigenen Obersatz
# und sein eigenes Ergebnis. Erst danach folgt das Ergebnis des Oberpunkts.
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
# beruht, und der Fundstelle im Sachverhalt oder in der Literatur:

# %%
from lawkit.rendering.table import element_table

element_table(ergebnis).drop(columns="Norm")

# %% [markdown]
# Lesen Sie die Spalten „Tatsache“ und „Antwort“ mit: Manche Fragen sind verneinend gestellt. Die
# Rechtswidrigkeit etwa fragt „Greift ein Rechtfertigungsgrund ein?“ – die Antwort *nein* macht das
# Merkmal *erfüllt*.
#
# Eine Zeile fällt auf: Die **förmliche Verpflichtung** (§ 11 Abs. 1 Nr. 4 StGB) ist *offen* –
# der Sachverhalt sagt nicht, ob R förmlich verpflichtet wurde. Trotzdem ist das Gesamtergebnis
# *erfüllt*. Warum, zeigt der nächste Abschnitt.
#
# Zuvor eine Abwandlung, in der eine offene Tatsache sehr wohl zählt: Der Sachverhalt verrät nicht,
# ob R wusste, dass es sich um vertrauliche Informationen aus der Aufsicht handelte
# (Variante `vorsatz_offen`). Dann bleibt die Strafbarkeit offen, und `lawkit` nennt die Tatsache,
# auf die es ankommt:

# %%
# NBVAL_CHECK_OUTPUT
abwandlung = check(lib.case("bafin_angestellte.vorsatz_offen")).norm("stgb_203_2_1")
fragen = lib.questions(["stgb_203_2_1"])
print(abwandlung.result, "– entscheidend offen:", *(fragen[key].text for key in abwandlung.deciding))

# %% [markdown]
# ## 3. Kann dahinstehen
#
# Zum Täterkreis des § 203 Abs. 2 S. 1 StGB gehört, wer Amtsträger (Nr. 1) **oder** für den
# öffentlichen Dienst besonders Verpflichteter (Nr. 2) ist. Die Angestellten der BaFin sind in
# der Regel Amtsträger nach § 11 Abs. 1 Nr. 2 lit. c StGB (Ausarbeitung, Abschn. 2.1.2, Fn. 11,
# 12). Steht das fest, ist der Täterkreis erfüllt – gleichgültig, ob R außerdem förmlich
# verpflichtet wurde. Die offene Frage **kann dahinstehen**: Sie kann das Ergebnis nicht mehr
# ändern, also muss das Gutachten sie nicht entscheiden (und erörtert sie nicht).
#
# Genau so arbeitet das BVerwG in 6 B 71.17, Rn. 5: Ob die Beschwerde schon unzulässig ist, weil
# eine Frist schuldhaft versäumt wurde, „kann dahingestellt bleiben“ – sie hat jedenfalls in der
# Sache keinen Erfolg.
#
# Das Prüfungsschema des Falls zeigt alle Merkmale mit ihrem Wert; die förmliche Verpflichtung ist
# als „kann dahinstehen“ markiert, und Merkmale, die das Gutachten nicht erreicht, als „nicht
# geprüft“:

# %%
# NBVAL_CHECK_OUTPUT
print(wb.schema_text())

# %% [markdown]
# Ausdrücklich schreibt das Gutachten das Dahinstehen hin, wenn die **zuerst** geprüfte
# Alternative offen ist. In der Variante `amtstraegerin_unklar` ist unklar, welche Aufgaben R
# wahrnimmt (also ob sie Amtsträgerin ist); dafür steht fest, dass sie förmlich verpflichtet wurde:

# %%
# NBVAL_CHECK_OUTPUT
unklar = workbench("bafin_angestellte.amtstraegerin_unklar").gutachten_text()
print(unklar[unklar.index("Ob „Amtsträger“"):unklar.index("bb) Für den öffentlichen Dienst")].strip())

# %% [markdown]
# Das Gutachten lässt die Amtsträgereigenschaft offen und stützt das Ergebnis auf Nr. 2: R hat
# sich dann nach **§ 203 Abs. 2 S. 1 Nr. 2 StGB** strafbar gemacht.
#
# ## 4. Die Werkbank: Tatsachen ändern, Ergebnis beobachten
#
# Die folgende Zelle zeigt den ganzen Fall als Werkbank. Oben steht der Sachverhalt mit nummerierten
# Absätzen („Abs. 1“ …) und der Fallfrage, darunter:
#
# - **Tatsachen** (links): zu jeder Frage der Normen ein Schalter *ja / nein / offen*, darunter die
#   Stelle des Sachverhalts, auf der die Antwort beruht. Die Fragen sind nach Prüfungspunkten
#   geordnet (Tatbestand, Rechtswidrigkeit, Schuld, Verfolgbarkeit).
# - Rechts vier Reiter:
#   - **Prüfungsschema**: der Baum der Merkmale, farbig *und* mit dem Wort (erfüllt grün, nicht
#     erfüllt rot, offen gelb, kann dahinstehen grau); offene Tatsachen, auf die es ankommt, sind
#     hervorgehoben.
#   - **Gutachten**: der ausformulierte Text, der sich bei jeder Änderung neu schreibt; darüber der
#     Umschalter **Gutachtenstil / Urteilsstil**.
#   - **Meinungsstreit** und **Konkurrenzen und Verfolgbarkeit**: dazu mehr im Notebook 02.
#
# Probieren Sie es aus: Stellen Sie „Handelte der Täter … mit bedingtem Vorsatz?“ auf *offen* und
# dann auf *nein*, und verfolgen Sie, wie sich Schema und Gutachten ändern.

# %%
wb

# %% [markdown]
# ### Was wäre, wenn …? (1) R handelte nicht vorsätzlich
#
# Was Sie mit der Maus tun, geht auch im Code: `wb.set_fact(frage, antwort)` legt denselben
# Schalter um. (Die Werkbank oben ändert sich mit.)

# %%
# NBVAL_CHECK_OUTPUT
wb.set_fact("vorsatz_offenbaren", "nein")
print(wb.result.norm("stgb_203_2_1").result)

# %% [markdown]
# Im Gutachten endet die Prüfung jetzt beim Vorsatz: Nach einem nicht erfüllten Merkmal werden
# Rechtswidrigkeit, Schuld und Strafantrag nicht mehr erörtert. Weil die Antwort vom Sachverhalt
# abweicht, kennzeichnet das Gutachten sie als „unterstellt“ – in einer Klausur dürften Sie das
# nicht; hier dient es dem Gedankenexperiment.

# %%
# NBVAL_CHECK_OUTPUT
text = wb.gutachten_text()
print(text[text.index("2. Subjektiver Tatbestand"):text.index("Fußnoten")].strip())

# %% [markdown]
# ### Was wäre, wenn …? (2) Ob ein Strafantrag gestellt ist, bleibt offen
#
# `wb.reset()` stellt den Sachverhalt wieder her. Nun bleibe offen, ob die Y-GmbH Strafantrag
# gestellt hat (§ 205 Abs. 1 S. 1 StGB). Diesmal legen wir den Schalter direkt um – genau das
# geschieht bei einem Klick:

# %%
# NBVAL_CHECK_OUTPUT
wb.reset()
wb.controls["strafantrag_gestellt"].value = "offen"
print(wb.summary_text())

# %% [markdown]
# Der Straftatbestand bleibt erfüllt; offen ist nur, ob die Tat **verfolgt** werden kann. Der
# Strafantrag ist eine Voraussetzung der Verfolgung, kein Tatbestandsmerkmal (Ausarbeitung,
# Abschn. 2.1.4).
#
# ## 5. Gutachtenstil und Urteilsstil
#
# Der **Gutachtenstil** arbeitet auf das Ergebnis hin: Er fragt („R könnte sich … strafbar gemacht
# haben“), definiert, subsumiert und schließt. So schreiben Sie in der Klausur.
#
# Der **Urteilsstil** stellt das Ergebnis voran und begründet es danach („…, weil …“, „Denn …“).
# So schreiben Gerichte; ein Beispiel ist BVerwG 6 B 71.17, Rn. 4: Der Antrag auf
# Prozesskostenhilfe „ist abzulehnen, weil“ die Beschwerde keine Aussicht auf Erfolg bietet. Im
# Urteilsstil fallen die Obersätze weg, und unproblematische Merkmale werden knapp festgestellt.
#
# Der Umschalter der Werkbank wechselt den Stil; im Code heißt das `wb.set_style("urteilsstil")`:

# %%
# NBVAL_CHECK_OUTPUT
wb.reset()
wb.set_style("urteilsstil")
text = wb.gutachten_text()
print(text[text.index("A. "):text.index("II. Rechtswidrigkeit")].strip())

# %% [markdown]
# Vergleichen Sie mit dem Gutachtenstil oben: dieselben Tatsachen, dieselben Ergebnisse – aber
# das Ergebnis steht vorn, und jede Feststellung wird mit einem Doppelpunkt begründet. Die
# Werkbank in Abschnitt 4 zeigt jetzt ebenfalls den Urteilsstil; mit dem Umschalter „Gutachtenstil“
# kommen Sie zurück.
#
# ## 6. Das Prüfungsschema als Bild
#
# Wer lieber schaut als liest: Das Schema als Baum, jedes Kästchen in der Farbe seines Werts und
# mit dem Wort dazu; „und“/„oder“ zeigen, wie die Merkmale verknüpft sind.

# %%
from lawkit.rendering.diagram import schema_diagram

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
