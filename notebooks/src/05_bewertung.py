# Notebook 05 — Wie bewertet wird (built by tools/build_notebooks.py).
# %% [markdown]
# # 05 – Wie bewertet wird: faire Bewertung nach BVerwG 6 B 71.17
#
# **Lernziele.** Nach diesem Notebook können Sie
#
# 1. **fachliche** und **prüfungsspezifische** Wertungen unterscheiden und sagen, wie weit der
#    Bewertungsspielraum der Prüfer reicht (BVerwG 6 B 71.17, Leitsätze 1 und 2, Rn. 8–11);
# 2. begründen, warum eine **vertretbare Mindermeinung** nicht als falsch bewertet werden darf
#    (Rn. 9);
# 3. die **Vollständigkeit** einer Bearbeitung an der Aufgabenstellung messen (Rn. 11, 13) und
#    **Widersprüche** als Mangel der Folgerichtigkeit erkennen (Rn. 10);
# 4. Punkte der **Skala 0–18** mit ihren Notenbezeichnungen benennen und einen **Durchschnitt** nach
#    der Verordnung über eine Noten- und Punkteskala für die erste und zweite juristische Prüfung
#    (JurPrNotSkV) berechnen;
# 5. nachvollziehen, was bei einem **Überdenken** der Bewertung geschieht – und warum die frühere
#    Bewertung erhalten bleibt.
#
# Sie sehen dabei den Bewerter dieses Arbeitsbuchs bei der Arbeit: Er bewertet sechs
# Beispiel-Bearbeitungen einer echten Übungsaufgabe, und jede Zahl, die er vergibt, wird begründet.

# %% [markdown]
# ## Der Sachverhalt der Entscheidung
#
# K hatte im Dezember 2011 die schriftlichen Arbeiten der Zweiten Juristischen Staatsprüfung
# geschrieben. Das Prüfungsamt erklärte die Prüfung für nicht bestanden, weil K nicht zur mündlichen
# Prüfung zugelassen werden konnte. K wandte sich mit dem Widerspruch gegen die Bewertung von drei
# Aufsichtsarbeiten; die Prüfer bewerteten nach, eine Arbeit wurde um einen Punkt besser – zu wenig,
# um weiterzukommen (Rn. 1).
#
# Die Prüfer hatten unter anderem beanstandet, K habe in einer Anwaltsklausur mehrere
# Anspruchsgrundlagen nicht angesprochen und in einer anderen bestimmte rechtliche Gesichtspunkte
# nicht problematisiert. Das Oberverwaltungsgericht sah darin **prüfungsspezifische** Wertungen,
# die den Prüfern vorbehalten sind (Rn. 2). K wollte geklärt wissen, ob das Urteil des Prüfers über
# die Vollständigkeit einer Bearbeitung nicht doch eine **fachliche** Wertung ist, die das Gericht
# uneingeschränkt nachprüft (Rn. 6). Das BVerwG ließ die Revision nicht zu – und legte dabei dar,
# nach welchen Maßstäben Prüfungsleistungen bewertet werden (Rn. 8–13). Diese Maßstäbe sind die
# Regeln, nach denen der Bewerter dieses Arbeitsbuchs arbeitet.
#
# (Wie das Verfahren selbst ausging, zeigt das Notebook 04.)

# %% [markdown]
# ## Die Übungsaufgabe, an der wir bewerten
#
# Bewertet werden Bearbeitungen der Aufgabe `e06_ad_hoc` aus dem Kurs. Ihr Sachverhalt in Kürze:
# H, Angestellte der BaFin, erfährt dienstlich, dass die börsennotierte A-AG ihre Gewinnprognose
# senken muss. Das wissen bisher nur der Vorstand und die BaFin – die A-AG muss die Nachricht aber
# kapitalmarktrechtlich unverzüglich veröffentlichen und tut das eine Stunde später. Vorher erzählt
# H einer Kollegin aus einer anderen Behörde davon.
#
# Die Aufgabe enthält einen **Meinungsstreit**: Ob ein Geheimnis im Sinne des § 203 StGB neben der
# beschränkten Bekanntheit ein sachlich begründetes Geheimhaltungsinteresse verlangt, ist streitig.
# Die ganz überwiegende Auffassung verlangt es (Ausarbeitung, Abschn. 2.1.1, Fn. 7); daran fehlt
# es, wenn die Tatsache kapitalmarktrechtlich offengelegt werden muss (Fn. 8). Nach der
# Gegenauffassung genügt die beschränkte Bekanntheit.
#
# Was die Bearbeitung leisten muss, sagt der **Bearbeitervermerk**:

# %%
from pathlib import Path

from lawkit.exercises import find_exercise
from lawkit.grading import average_text, build_reference, grade, load_answer, points_label

aufgabe = find_exercise("e06_ad_hoc")
referenz = build_reference(aufgabe)
DATEN = Path("data/05_bewertung")

# %%
# NBVAL_CHECK_OUTPUT
print(aufgabe.fallfrage)
print()
print(aufgabe.bearbeitervermerk)

# %% [markdown]
# ## 1. Die Maßstäbe: fachliche und prüfungsspezifische Wertungen
#
# Prüfungsleistungen bewerten allein die dafür bestimmten Prüfer, eigenständig und unabhängig. Sie
# bilden sich für die konkrete Aufgabe Maßstäbe, und diese Maßstäbe müssen sie aus Gründen der
# **Chancengleichheit** auf alle Bearbeitungen derselben Aufgabe anwenden (Rn. 8). Daraus folgt ein
# **Bewertungsspielraum**, den die Gerichte nur eingeschränkt nachprüfen (Rn. 9) – aber nicht für
# alles, was ein Prüfer an den Rand schreibt. Der Beschluss unterscheidet zwei Arten von Wertungen:
#
# | | **fachliche Wertung** | **prüfungsspezifische Wertung** |
# |---|---|---|
# | worum es geht | ob eine Ausführung fachlich richtig ist | wie die Aufgabe bewältigt wurde |
# | Beispiele | das Ergebnis einer Streitfrage; ob die Prüfung einer Norm zur Lösung eines Rechtsproblems geboten, vertretbar oder fernliegend ist (so 6 B 55.97, wie Rn. 12 es wiedergibt) | Schwierigkeitsgrad, Überzeugungskraft der Argumente, Aufbau, Folgerichtigkeit, Gewichtung (Rn. 10); ob alle Fragen erkannt wurden, die die Aufgabenstellung aufwirft (Rn. 11, 13) |
# | Maßstab | objektiv: der Stand der Fachwissenschaft – **vertretbare Antworten dürfen nicht als falsch bewertet werden** (Leitsatz 1, Rn. 9) | das autonome Bezugssystem des Prüfers; bei der Vollständigkeit: die Aufgabenstellung, nachvollziehbar interpretiert (Leitsatz 2, Rn. 11) |
# | gerichtliche Kontrolle | voll | eingeschränkt: vollständig und richtig zur Kenntnis genommen, keine sachwidrigen Erwägungen, einheitliche Maßstäbe, allgemeingültige Bewertungsgrundsätze, nachvollziehbar und **ohne inhaltliche Widersprüche** (Rn. 10) |
#
# Für die Vollständigkeit sagt Rn. 13 es auf den Punkt: Konnte die Behandlung einer Frage aufgrund
# des Sachverhalts nachvollziehbar erwartet werden, darf ihre Nichtbehandlung nachteilig bewertet
# werden – gemessen an der Aufgabenstellung, nicht am Meinungsstand zu einer Fachfrage.
#
# ### Wie der Bewerter diese Maßstäbe umsetzt
#
# - **Fachlich** prüft er jedes Ergebnis (jede Norm, jedes Merkmal, das Gesamtergebnis) gegen eine
#   Referenz, die `lawkit` aus dem Fall selbst errechnet. Hängt das Ergebnis von einem
#   Meinungsstreit ab, rechnet er den Fall nach **jeder** vertretenen Auffassung durch; jedes so
#   erreichte Ergebnis gilt als vertretbar. Was die Lehrkraft darüber hinaus als vertretbar
#   anerkennt, trägt sie mit Begründung in die Aufgabe ein.
# - **Prüfungsspezifisch** ist das **Bewertungsschema** der Lehrkraft: welche Normen der
#   Bearbeitervermerk verlangt, mit welchem Gewicht, und wie sich das Gewicht auf Ergebnis, Merkmale
#   und Begründung verteilt. Dasselbe Schema gilt für jede Bearbeitung (Chancengleichheit, Rn. 8).
# - **Widersprüche** werden markiert und kosten den Begründungsanteil des betroffenen Teils
#   (Folgerichtigkeit, Rn. 10).
# - Jeder Abzug wird auf Deutsch begründet – was erwartet war, was die Bearbeitung enthält, warum –
#   und als fachlich oder prüfungsspezifisch ausgewiesen. Denn auch die Bewertung selbst muss
#   nachvollziehbar sein und darf keine inhaltlichen Widersprüche enthalten (Rn. 10).
#
# Eine Grenze gehört dazu: Ob ein Argument überzeugt, kann ein Programm nicht wiegen. Die
# Leistungsbewertung obliegt den Prüfern (Rn. 8); der Bewerter ist ein Übungswerkzeug, dessen Schema
# die Lehrkraft festlegt und verantwortet.
#
# Das Bewertungsschema der Aufgabe, in **Bewertungseinheiten (BE)**:

# %%
# NBVAL_CHECK_OUTPUT
schema = aufgabe.solution.rubric
for verlangt in aufgabe.solution.required:
    print(f"{referenz.norm(verlangt.norm).norm.citation.canonical()}: {verlangt.weight:g} BE")
print(f"Gesamtergebnis: {schema.gesamtergebnis:g} BE")
print(f"Anteile je Norm: Ergebnis {schema.norm_result:.0%}, Merkmale {schema.elements:.0%}, "
      f"Begründung {schema.begruendung:.0%}")

# %% [markdown]
# Und was die Referenz für das Merkmal „Geheimnis“ und für die beiden Normen als vertretbar
# annimmt – beim § 203 StGB wegen des Meinungsstreits beide Ergebnisse. § 21 Abs. 1 S. 1 WpHG
# verlangt schon nach seinem Wortlaut ein Geheimhaltungsinteresse (Ausarbeitung, Abschn. 1,
# Abschn. 2.1.1), auf den Streit kommt es dort nicht an; beide Ergebnisse sind trotzdem vertretbar,
# weil die Lösungsskizze neben der Ausarbeitung (Fn. 8) die begründete Gegenansicht zulässt, die
# das Geheimhaltungsinteresse bis zur Veröffentlichung bejaht (unter `solution.vertretbar`).

# %%
# NBVAL_CHECK_OUTPUT
print("§ 203 StGB, Merkmal Geheimnis:", " / ".join(sorted(referenz.accepted("stgb_203_2_1", "geheimnis"))))
print("§ 203 StGB, Tatbestand:       ", " / ".join(sorted(referenz.accepted("stgb_203_2_1"))))
print("§ 21 Abs. 1 S. 1 WpHG:        ", " / ".join(sorted(referenz.accepted("wphg_21_1_1"))))

# %% [markdown]
# ## 2. Sechs Bearbeitungen, live bewertet
#
# Die Bearbeitungen liegen als YAML-Dateien im Ordner `data/05_bewertung/` – im selben Format, in
# dem das Antwortformular der Übungsaufgaben speichert. Öffnen Sie sie ruhig: Jede Datei beginnt mit
# einem Kommentar, was an ihr besonders ist. Eine Bearbeitung ist reine **Daten**; der Bewerter führt
# nichts davon aus.
#
# ### Bearbeitung 1: herrschende Meinung, vollständig
#
# Sie verlangt mit der herrschenden Meinung ein Geheimhaltungsinteresse, verneint deshalb das
# Geheimnis und prüft beide verlangten Normen mit ihren Merkmalen.

# %%
# NBVAL_CHECK_OUTPUT
b1 = grade(aufgabe, load_answer(DATEN / "richtig.yaml"))
print(b1.summary())

# %% [markdown]
# ### Bearbeitung 2: die Gegenauffassung
#
# Sie folgt der Mindermeinung: Die beschränkte Bekanntheit genüge. Dann ist die Prognose ein
# Geheimnis, und § 203 StGB muss bis zum Ende durchgeprüft werden – Täterkreis, Tathandlung,
# Vorsatz, Rechtswidrigkeit, Schuld, Strafantrag. Im Ergebnis ist H strafbar.
#
# Nach Rn. 9 hängt die Bewertung einer Fachfrage davon ab, ob die vertretene Auffassung nach dem
# Stand der Fachwissenschaft **vertretbar** ist; eine vertretbare Antwort darf nicht als falsch
# bewertet werden. Dass eine Auffassung nur von einer Minderheit geteilt wird, macht sie nicht
# unvertretbar. Der Bewerter misst die Bearbeitung deshalb an dem Lösungsweg der Auffassung, der
# sie folgt:

# %%
# NBVAL_CHECK_OUTPUT
b2 = grade(aufgabe, load_answer(DATEN / "mindermeinung.yaml"))
print(b2.summary())
print(*b2.notes, sep="\n")
print("Gemessen am Lösungsweg:", b2.part("stgb_203_2_1").path)

# %% [markdown]
# Beachten Sie: Auch die Gegenauffassung kommt bei § 21 Abs. 1 S. 1 WpHG zu „nicht erfüllt“ – und
# Bearbeitung 2 sagt das auch, denn die Vorschrift verlangt schon nach ihrem Wortlaut ein
# Geheimhaltungsinteresse. Ob es bei einer Nachricht fehlt, die ohnehin veröffentlicht werden muss,
# ist eine eigene Frage: Die Ausarbeitung verneint es (Fn. 8); die Lösungsskizze lässt die
# begründete Gegenansicht als vertretbar zu – bis zur Veröffentlichung darf die Nachricht nicht an
# Einzelne gelangen, die Veröffentlichungspflicht regelt nur den Weg an den Markt. Wer so
# argumentiert, muss es bei § 203 StGB und bei § 21 WpHG gleich tun.
#
# So sieht die vollständige Rückmeldung aus, die die Bearbeiterin erhält (dieselbe Seite schreibt
# `lawkit grade` für jede Abgabe als HTML- und Markdown-Datei):

# %%
b2

# %% [markdown]
# ### Bearbeitung 3: lückenhaft
#
# Sie prüft § 203 StGB wie Bearbeitung 1, lässt § 21 Abs. 1 S. 1 WpHG aber ganz weg – obwohl der
# Bearbeitervermerk ausdrücklich danach fragt. Was sie schreibt, ist richtig; es fehlt etwas. Das
# ist keine fachliche, sondern eine **prüfungsspezifische** Wertung: Maßstab ist, was die
# Aufgabenstellung verlangt (Leitsatz 2, Rn. 11, 13). Der Abzug im Wortlaut:

# %%
# NBVAL_CHECK_OUTPUT
b3 = grade(aufgabe, load_answer(DATEN / "lueckenhaft.yaml"))
print(b3.summary())
for abzug in b3.deductions:
    print(f"[{abzug.kind}]", abzug.text())

# %% [markdown]
# ### Bearbeitung 4: widersprüchlich
#
# Sie verneint mit der herrschenden Meinung das Geheimhaltungsinteresse und damit das Geheimnis,
# bejaht am Ende aber doch den Tatbestand des § 203 StGB und nennt ihn im Gesamtergebnis. Für sich
# genommen wäre „erfüllt“ vertretbar – nach der Gegenauffassung, oder wenn man das
# Geheimhaltungsinteresse bejaht. Doch beides tut die Bearbeitung gerade nicht. Der Bewerter misst
# jede Bearbeitung an **einem** Lösungsweg: dem, dem ihre Merkmale folgen, hier dem der
# herrschenden Meinung mit verneintem Geheimhaltungsinteresse. Auf diesem Weg ist das Ergebnis
# „erfüllt“ nicht vertretbar; das ist ein **fachlicher** Abzug. Einen Hinweis, sie folge der
# Gegenauffassung, bekommt die Bearbeitung deshalb auch nicht.
#
# Hinzu kommt der Widerspruch selbst: Die Begründung trägt das Ergebnis nicht, denn wer ein
# kumulativ erforderliches Merkmal verneint, kann den Tatbestand nicht bejahen. Die Folgerichtigkeit
# des Begründungsgangs zu bewerten ist Sache der prüfungsspezifischen Wertung (Rn. 10). Der Bewerter
# markiert den Widerspruch:

# %%
# NBVAL_CHECK_OUTPUT
b4 = grade(aufgabe, load_answer(DATEN / "widerspruch.yaml"))
print(b4.summary())
for widerspruch in b4.flags:
    print("Widerspruch:", widerspruch.text)
for abzug in b4.deductions:
    print(f"[{abzug.kind}]", abzug.text())
print("Gemessen am Lösungsweg:", b4.part("stgb_203_2_1").path)
print("Hinweise:", len(b4.notes))

# %% [markdown]
# Ein Fehler zählt **einmal**. Hier sind der Widerspruch und das falsche Ergebnis derselbe Fehler:
# Nach ihren eigenen Merkmalen hätte die Bearbeitung den Tatbestand verneinen müssen. Der
# Widerspruch kostet deshalb nichts weiter. (Das Gesamtergebnis zu § 203 StGB bewertet die Aufgabe
# weder als richtig noch als falsch, weil beide Ergebnisse vertretbar sein können.) Wo ein
# Widerspruch ein eigener Fehler ist – etwa ein Merkmal verneint, das übergeordnete trotzdem
# bejaht, das Ergebnis aber richtig –, kostet er so viel wie ein Merkmal der Norm. Eine andere
# Lehrkraft mag Widersprüche schwerer gewichten – die Gewichtung ist prüfungsspezifisch (Rn. 10) –,
# muss ihr Schema dann aber für alle gleich anwenden.
#
# ### Bearbeitung 6: nicht vertretbare Merkmale
#
# (Bearbeitung 5 kommt in Abschnitt 4.) Zum Vergleich mit der Mindermeinung: Diese Bearbeitung
# kommt bei beiden Vorschriften zum richtigen Ergebnis, aber auf falschem Weg. Sie verwechselt „muss
# veröffentlicht werden“ mit „ist schon bekannt“ und verneint deshalb bereits die beschränkte
# Bekanntheit – obwohl laut Sachverhalt bis zur Veröffentlichung nur der Vorstand und die BaFin
# davon wissen. Und sie hält H als Angestellte nicht für verpflichtet, obwohl § 21 Abs. 1 S. 1 WpHG
# alle Beschäftigten der BaFin erfasst (Ausarbeitung, Abschn. 1). Für keins von beiden gibt es eine
# vertretbare Begründung: Das eine widerspricht dem Sachverhalt, das andere dem Wortlaut. Das sind
# **fachliche** Fehler, jeder kostet sein Merkmal:

# %%
# NBVAL_CHECK_OUTPUT
b6 = grade(aufgabe, load_answer(DATEN / "falsch.yaml"))
print(b6.summary())
for abzug in b6.fachlich:
    print("-", abzug.text())

# %% [markdown]
# ### Chancengleichheit: gleiche Bearbeitung, gleiche Bewertung
#
# Die Maßstäbe gelten für alle Bearbeitungen derselben Aufgabe (Rn. 8). Reicht eine andere
# Studentin wortgleich dieselbe Bearbeitung ein wie Bearbeitung 1, bekommt sie dieselben Punkte mit
# denselben Gründen – wer sie ist, spielt keine Rolle:

# %%
# NBVAL_CHECK_OUTPUT
from dataclasses import replace

zweite = replace(load_answer(DATEN / "richtig.yaml"), student="5000099", name="Eine andere Studentin")
b1_zweite = grade(aufgabe, zweite)
print(b1_zweite.points == b1.points, b1_zweite.deductions == b1.deductions, b1_zweite.flags == b1.flags)

# %% [markdown]
# ## 3. Die Punkteskala 0–18
#
# Die Punkte und ihre Namen regelt die JurPrNotSkV. **§ 1** gibt jeder ganzen Punktzahl ihre
# Notenbezeichnung:

# %%
# NBVAL_CHECK_OUTPUT
for punkte in range(18, -1, -1):
    print(f"{punkte:2} Punkte: {points_label(punkte)}")

# %% [markdown]
# Wie ein Prüfer von den Vorzügen und Mängeln einer Arbeit zu einer Punktzahl kommt, schreibt die
# Verordnung nicht vor; die Gewichtung ist prüfungsspezifisch (Rn. 10). Der Bewerter rechnet
# offen: **Punkte = 18 × erreichte BE ÷ mögliche BE, abgerundet** – ein Punkt zählt erst, wenn er
# ganz erreicht ist. So steht es am Ende jeder Rückmeldung, hier der von Bearbeitung 4:

# %%
# NBVAL_CHECK_OUTPUT
print(b4.feedback_markdown().split("## So wird gerechnet")[1].strip())

# %% [markdown]
# Werden mehrere Einzelbewertungen zu einem **Durchschnitt** zusammengefasst, gilt **§ 2**: Er wird
# auf zwei Dezimalstellen berechnet und danach **abgeschnitten, nicht gerundet**; benannt wird er
# nach den Grenzen 14,00 (sehr gut), 11,50 (gut), 9,00 (vollbefriedigend), 6,50 (befriedigend),
# 4,00 (ausreichend) und 1,50 (mangelhaft), darunter ungenügend. Der Bewerter rechnet dabei mit
# exakten Brüchen, damit keine Rundung des Rechners das Ergebnis verschiebt.
#
# Der Durchschnitt der Bearbeitungen 1, 2, 3, 4 und 6 – und drei Beispiele an den Grenzen:

# %%
# NBVAL_CHECK_OUTPUT
bearbeitungen = [b.points for b in (b1, b2, b3, b4, b6)]
print("Bearbeitungen:", ", ".join(map(str, bearbeitungen)), "→", average_text(bearbeitungen))
for beispiel in ([9, 9, 8], [12, 11], [11, 12, 11]):
    print(", ".join(map(str, beispiel)), "→", average_text(beispiel))

# %% [markdown]
# - 9, 9 und 8 ergeben 8,666…; abgeschnitten sind das **8,66**, nicht 8,67.
# - 12 und 11 ergeben genau **11,50** – die Grenze gehört schon zu „gut“.
# - 11, 12 und 11 ergeben 11,33 und bleiben „vollbefriedigend“.
#
# ## 4. Überdenken: die Einwendung und die Nachbewertung
#
# Im Fall des BVerwG hatte K mit dem Widerspruch Einwendungen gegen die Bewertung erhoben; die Prüfer
# bewerteten nach, eine Arbeit wurde um einen Punkt besser (Rn. 1). Auch dieses Überdenken prüfte
# das Oberverwaltungsgericht auf seine Rechtmäßigkeit (Rn. 17). Zwei Aussagen des Beschlusses
# bestimmen, was der Bewerter dabei tut:
#
# - Die Prüfer müssen die Prüfungsleistung **vollständig und richtig zur Kenntnis genommen** haben
#   (Rn. 10). Wer einen Teil der Arbeit übersehen hat, hat sie nicht vollständig zur Kenntnis
#   genommen; dieser Teil ist nachträglich zu bewerten.
# - Beziehen sich die Einwendungen auf die Begründung der Bewertung und hält der Prüfer an seiner
#   Bewertung fest, darf er jedenfalls auf diese Begründung **verweisen**; er muss sie nicht mit
#   anderen Worten wiederholen (Rn. 17).
#
# Das Notenbuch (`Gradebook`) überschreibt deshalb nie: Jede Bewertung ist ein Eintrag, jedes
# Überdenken ein weiterer Eintrag mit dem Grund der Lehrkraft und einem Verweis auf den vorigen.
# Die Beispiele schreiben in ein Notenbuch in einem temporären Ordner, der am Ende gelöscht wird.
#
# ### Bearbeitung 5: ein übersehenes Beiblatt
#
# Bearbeitung 5 hat § 21 Abs. 1 S. 1 WpHG auf einem Beiblatt geprüft, das beim Erfassen übersehen
# wurde. Erfasst ist nur ihr Schlusssatz, der die Vorschrift erwähnt. Der Bewerter erkennt das
# Zitat und sagt genau das: angesprochen, aber nicht geprüft.

# %%
import tempfile

from lawkit.grading import Gradebook

ordner = tempfile.TemporaryDirectory()
notenbuch = Gradebook(Path(ordner.name) / "notenbuch.sqlite")

# %%
# NBVAL_CHECK_OUTPUT
b5 = grade(aufgabe, load_answer(DATEN / "nachlesen_erfasst.yaml"))
eintrag, neu = notenbuch.record(b5)
print(b5.summary())
print(b5.part("wphg_21_1_1").status)

# %% [markdown]
# Die Studentin wendet ein, die Prüfung stehe auf dem Beiblatt. Die Lehrkraft liest nach, erfasst
# die Bearbeitung vollständig (`nachlesen_berichtigt.yaml`) und bewertet sie neu – mit Grund. Die
# Ausgabe zeigt, was sich geändert hat (ohne die Uhrzeiten der Einträge, damit sie bei jedem Lauf
# gleich ist):

# %%
# NBVAL_CHECK_OUTPUT
ueberdenken = notenbuch.regrade(
    grade(aufgabe, load_answer(DATEN / "nachlesen_berichtigt.yaml")),
    "Die Prüfung des § 21 Abs. 1 S. 1 WpHG auf dem Beiblatt war beim Erfassen übersehen worden.",
)
print(ueberdenken.text(times=False))

# %% [markdown]
# Die erste Bewertung ist nicht verschwunden. Die Geschichte dieser Bearbeitung im Notenbuch:

# %%
# NBVAL_CHECK_OUTPUT
for e in notenbuch.history("e06_ad_hoc", "5000005"):
    grund = f"überdenkt Eintrag {e.previous}: {e.reason}" if e.previous else "erste Bewertung"
    print(f"Eintrag {e.id} ({e.kind}): {e.points} Punkte ({e.label}) – {grund}")

# %% [markdown]
# ### Bearbeitung 3 wendet ein: „§ 21 WpHG war nicht gefragt“
#
# Die Einwendung trifft nicht zu – der Bearbeitervermerk fragt ausdrücklich danach. Die Lehrkraft
# überdenkt die Bewertung und hält an ihr fest; sie verweist auf die bisherige Begründung (Rn. 17):

# %%
# NBVAL_CHECK_OUTPUT
notenbuch.record(b3)
festgehalten = notenbuch.regrade(b3, "Der Bearbeitervermerk verlangt die Prüfung des § 21 WpHG.")
print(festgehalten.text(times=False))

# %% [markdown]
# ### Und wenn sich das Schema ändern soll?
#
# Manchmal zeigt eine Einwendung, dass das Schema selbst zu eng war – etwa weil eine Auffassung
# vertreten wird, die die Lehrkraft nicht bedacht hatte. Dann genügt es nicht, die eine Bearbeitung
# nachzubessern: Eine vertretbare Antwort darf niemandem als falsch angerechnet werden (Rn. 9), und
# die Maßstäbe müssen für alle Bearbeitungen gleich sein (Rn. 8). Die Lehrkraft ergänzt also die
# Aufgabe (unter `solution.vertretbar`, mit Begründung und Fundstelle) und bewertet **alle**
# Abgaben neu; das Notenbuch behält auch dabei jede frühere Bewertung.

# %%
notenbuch.close()

# %% [markdown]
# ## 5. Eine ganze Klasse
#
# Für eine ganze Klasse gibt es `lawkit grade AUFGABE ORDNER --out AUSGABE` auf der Kommandozeile,
# in Python `grade_batch`. Es schreibt für jede Abgabe die Rückmeldung, eine CSV-Datei für den
# Noten-Import in Moodle, eine Übersicht, ein Diagramm der Verteilung und das Notenbuch – alles in
# den Ausgabeordner, denn Noten sind personenbezogene Daten.
#
# Hier eine kleine, künstliche Klasse aus 20 Abgaben, die aus den Beispiel-Bearbeitungen erzeugt
# werden (jede mit eigener Matrikelnummer); dazu kommt eine Bearbeitung, die nur die Ergebnisse
# nennt, ohne Merkmale und Begründung (`knapp.yaml`):

# %%
import re

from lawkit.grading import grade_batch

abgaben = Path(ordner.name) / "abgaben"
abgaben.mkdir()
vorlagen = ["richtig"] * 5 + ["mindermeinung"] * 3 + ["lueckenhaft"] * 4 + ["widerspruch"] * 2 \
    + ["falsch"] * 3 + ["knapp"] * 3
for nummer, vorlage in enumerate(vorlagen, start=6000001):
    text = (DATEN / f"{vorlage}.yaml").read_text(encoding="utf-8")
    text = re.sub(r'student: "\d+"', f'student: "{nummer}"', text)
    (abgaben / f"{nummer}.yaml").write_text(text, encoding="utf-8")
bericht = grade_batch(aufgabe, abgaben, Path(ordner.name) / "ausgabe")

# %% [markdown]
# Die Übersicht über die Klasse – der Durchschnitt wird wieder nach § 2 JurPrNotSkV berechnet:

# %%
# NBVAL_CHECK_OUTPUT
print(bericht.overview)

# %% [markdown]
# Und die Verteilung der Punkte, in den Farben der Notenstufen:

# %%
from IPython.display import Image

Image((Path(bericht.out_dir) / "distribution.png").read_bytes())

# %%
ordner.cleanup()

# %% [markdown]
# ## Zusammenfassung
#
# - **Fachliche Wertungen** (Richtigkeit) misst der Bewerter am Meinungsstand: Jedes Ergebnis, das
#   eine vertretene Auffassung trägt, ist richtig – auch das der Mindermeinung (Leitsatz 1, Rn. 9).
# - **Prüfungsspezifische Wertungen** (Vollständigkeit, Aufbau, Folgerichtigkeit, Gewichtung) misst
#   er an der Aufgabenstellung und am Schema der Lehrkraft, das für alle gleich ist (Leitsatz 2,
#   Rn. 8, 10, 11, 13).
# - **Widersprüche** werden markiert: Die Folgerichtigkeit des Begründungsgangs ist Gegenstand der
#   prüfungsspezifischen Wertung (Rn. 10).
# - **Punkte** 0–18 mit den Bezeichnungen des § 1 JurPrNotSkV; **Durchschnitte** nach § 2 auf zwei
#   Stellen abgeschnitten.
# - **Überdenken** heißt: nachlesen, neu bewerten oder begründet festhalten (Rn. 10, 17) – und die
#   frühere Bewertung bleibt im Notenbuch.
#
# ## Selbstkontrolle
#
# Beantworten Sie die Fragen und klicken Sie jeweils auf „Prüfen“.

# %%
from lawkit.widgets import self_check

sc = self_check("05_bewertung")
sc

# %% [markdown]
# So sieht die Rückmeldung aus – hier für die Frage nach dem Durchschnitt:

# %%
# NBVAL_CHECK_OUTPUT
print(sc.answer("durchschnitt", "8,67 – befriedigend"))
