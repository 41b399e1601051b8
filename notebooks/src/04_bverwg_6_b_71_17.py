# Notebook 04: BVerwG, Beschluss vom 05.03.2018 - 6 B 71.17 (seed 004; mapping: docs/seed_004_mapping.md).
# Build: .venv/bin/python tools/build_notebooks.py 04_bverwg_6_b_71_17

# %% [markdown]
# # 4. BVerwG 6 B 71.17: Nichtzulassungsbeschwerde, Prozesskostenhilfe und die Kontrolle von Prüferwertungen
#
# **Lernziele.** Nach diesem Notebook können Sie
#
# - eine **Nichtzulassungsbeschwerde** (§ 133 VwGO) prüfen: Zulässigkeit mit Begründungsfrist und
#   **Wiedereinsetzung** (§ 60 VwGO), dann die **Darlegung** eines Zulassungsgrundes (§ 133 Abs. 3 S. 3
#   VwGO) nach § 132 Abs. 2 Nr. 1–3 VwGO (Grundsatz, Divergenz, Verfahrensmangel);
# - erklären, warum der Senat die Zulässigkeit **offenlassen** darf („kann dahingestellt bleiben“,
#   Rn. 5) – und wann das nicht mehr geht;
# - **Prozesskostenhilfe** (§ 166 Abs. 1 S. 1 VwGO i.V.m. § 114 Abs. 1 S. 1 ZPO) und **Beiordnung**
#   (§ 121 ZPO) prüfen und sehen, dass die Erfolgsaussicht die ganze Beschwerde inzident enthält;
# - **fachliche** und **prüfungsspezifische** Wertungen von Prüfern unterscheiden (Leitsätze 1 und 2,
#   Rn. 8–13) und sagen, wie weit das Gericht sie jeweils nachprüft.
#
# **Die Entscheidung.** BVerwG, Beschluss vom 05.03.2018 - 6 B 71.17,
# ECLI:DE:BVerwG:2018:050318B6B71.17.0; Vorinstanzen: VG Hamburg, 13.05.2015 - 2 K 189/14, und
# OVG Hamburg, 27.07.2017 - 3 Bf 128/15. „Rn.“ meint im Folgenden die Randnummern der Gründe.

# %% [markdown]
# ## Sachverhalt (nach Rn. 1–6 und 15)
#
# K hat den schriftlichen Teil der Zweiten juristischen Staatsprüfung im Dezember 2011 geschrieben. Das
# Prüfungsamt erklärt die Prüfung für nicht bestanden, weil er die Voraussetzungen für die Zulassung zur
# mündlichen Prüfung nicht erfüllt. Im Widerspruchsverfahren wendet sich K gegen die Bewertung der
# Aufsichtsarbeiten ZR I, ZR III und ÖR II; die Nachbewertung bringt nur in ÖR II einen Punkt mehr, was
# nicht genügt (Rn. 1).
#
# Das Verwaltungsgericht verpflichtet das Prüfungsamt, wegen der Arbeit ZR I neu über die Zulassung zur
# mündlichen Prüfung zu entscheiden, und weist die Klage im Übrigen ab. Das Oberverwaltungsgericht weist
# die Berufung des K zurück: In den Anwaltsklausuren ZR III und ÖR II hätten die Bearbeiter alle für die
# Mandanten möglicherweise hilfreichen Gesichtspunkte behandeln sollen. Die Kritik der Prüfer – in ZR III
# fehlten mehrere Rechtsgrundlagen für Wertersatz, in ÖR II seien der Bolzplatz als Regelbebauung im
# allgemeinen Wohngebiet und die Bindungswirkung der Freizeitlärm-Richtlinie nicht problematisiert, der
# Erstprüfer bemängele die Qualität der verwaltungsprozessrechtlichen Ausführungen, der Zweitprüfer nenne
# die Ausführungen zur Lärmbewertung „äußerst unklar“ – betreffe keine fachlichen, sondern
# prüfungsspezifische Wertungen (Rn. 2). Die Revision lässt es nicht zu.
#
# K erhebt Nichtzulassungsbeschwerde. Die Begründung geht verspätet ein, weil der Versuch seines
# Prozessbevollmächtigten, sie am letzten Tag der Frist per Telefax zu senden, aus ungeklärten Gründen
# scheitert; K beantragt fristgerecht Wiedereinsetzung (Rn. 3). Er rügt eine Abweichung vom Beschluss des
# BVerwG vom 17.12.1997 - 6 B 55.97, formuliert nach Fristablauf darauf aufbauend eine Grundsatzfrage
# (Rn. 5, 6) und rügt eine Verletzung des rechtlichen Gehörs (Rn. 15). Für das Beschwerdeverfahren
# beantragt er Prozesskostenhilfe unter Beiordnung seines Prozessbevollmächtigten (Rn. 4).
#
# **Tenor in Kurzform:** Der Antrag auf Prozesskostenhilfe unter Beiordnung wird abgelehnt, die
# Beschwerde zurückgewiesen; K trägt die Kosten (§ 154 Abs. 2 VwGO), der Streitwert beträgt 15 000 €
# (Rn. 18).

# %% [markdown]
# ## Wie lawkit den Fall prüft
#
# Der Fall `bverwg_6_b_71_17` prüft zwei Normen: **§ 133 VwGO** (hat die Beschwerde Erfolg?) und
# **§ 166 Abs. 1 S. 1 VwGO i.V.m. § 121 ZPO** (ist der Bevollmächtigte beizuordnen?). Die Beiordnung
# setzt Prozesskostenhilfe voraus, und die Prozesskostenhilfe setzt hinreichende Aussicht auf Erfolg
# voraus – das ist eine **Verweisung** zurück auf § 133 VwGO, so wie der Senat in Rn. 4 auf seine
# Ausführungen „unter 3.“ verweist. Zusammen sind das rund 80 Merkmale; die Ausgaben unten zeigen deshalb
# meist nur einen Ausschnitt aus Schema oder Gutachten.
#
# Tatsachen, die der Beschluss nicht mitteilt, kennzeichnet das Gutachten mit „das wird hier
# unterstellt“, oder sie bleiben *offen* (etwa die Bedürftigkeit des K).

# %%
from lawkit import check, default_library
from lawkit.widgets import classify_remarks, self_check, workbench

library = default_library()


wb = workbench("bverwg_6_b_71_17")
wb

# %% [markdown]
# Das Ergebnis im Überblick – beide Normen sind nicht erfüllt, wie im Tenor:

# %%
# NBVAL_CHECK_OUTPUT
print(wb.summary_text())

# %% [markdown]
# Die oberste Gliederungsebene des geprüften Schemas zeigt schon das Wichtigste: Die Zulässigkeit ist
# *offen*, kann aber dahinstehen; an der Darlegung eines Zulassungsgrundes scheitert die Beschwerde; und
# weil deshalb keine Prozesskostenhilfe zu bewilligen ist, werden Beiordnungsgrund und Anwalt gar nicht
# mehr geprüft.

# %%
# NBVAL_CHECK_OUTPUT
print(wb.schema_text(depth=1))

# %% [markdown]
# ## 1. Zulässigkeit: Begründungsfrist und Wiedereinsetzung
#
# Die Beschwerde gegen die Nichtzulassung der Revision ist binnen zwei Monaten nach Zustellung des
# vollständigen Urteils zu begründen (§ 133 Abs. 3 S. 1 VwGO). Die Begründung des K ging zu spät ein
# (Rn. 3). Zulässig ist die Beschwerde dann nur, wenn K **Wiedereinsetzung in den vorigen Stand** erhält
# (§ 60 VwGO): Er muss ohne Verschulden gehindert gewesen sein, die Frist einzuhalten (Abs. 1), und den
# Antrag rechtzeitig stellen und die Begründung nachholen (Abs. 2). Ein Verschulden seines
# Prozessbevollmächtigten muss er sich wie eigenes zurechnen lassen (§ 173 S. 1 VwGO i.V.m. § 85 Abs. 2
# ZPO; Rn. 5).
#
# Warum das Telefax scheiterte, ist ungeklärt (Rn. 3). Ob den Bevollmächtigten ein Verschulden trifft, ist
# also **offen** – und damit auch die Zulässigkeit.
#
# ### Kann dahinstehen (Rn. 5)
#
# Der Senat entscheidet diese Frage nicht: Es kann dahingestellt bleiben, ob die Beschwerde wegen
# schuldhafter Fristversäumung bereits unzulässig ist, weil sie **jedenfalls** keinen Erfolg haben kann –
# K hat keinen Zulassungsgrund dargelegt (Rn. 5). Ein offenes Merkmal, dessen Wert das Ergebnis nicht
# ändern kann, muss nicht aufgeklärt werden. lawkit erkennt diese Lage selbst: Die Zulässigkeit wäre
# nur für einen Erfolg der Beschwerde erheblich, und der ist schon ausgeschlossen. Das Gutachten schreibt:

# %%
# NBVAL_CHECK_OUTPUT
print(wb.gutachten_text(section="I. Zulässigkeit der Beschwerde"))

# %% [markdown]
# ### Was wäre, wenn … die Ursache bekannt wäre?
#
# Hätte der Bevollmächtigte das Fristende falsch notiert (Variante `verschulden_des_anwalts`), wäre die
# Beschwerde schon **unzulässig**; auf die Zulassungsgründe käme es nicht mehr an („nicht geprüft“).
# In der Werkbank steht die Verschuldensfrage dann auf *ja*:

# %%
# NBVAL_CHECK_OUTPUT
# a second workbench for the what-ifs, so the one above keeps the Sachverhalt
probe = workbench("bverwg_6_b_71_17")
probe.set_fact("wv_verschulden_bevollmaechtigter", "ja")
print(probe.schema_text(depth=1))

# %% [markdown]
# War dagegen das Empfangsgerät des Gerichts defekt (Variante `empfangsgeraet_gestoert`), trifft den
# Bevollmächtigten kein Verschulden: Wiedereinsetzung ist zu gewähren, die Beschwerde ist **zulässig** –
# und scheitert trotzdem an der Darlegung. Am Ergebnis ändert die Antwort also nichts; genau deshalb
# durfte der Senat sie offenlassen.

# %%
# NBVAL_CHECK_OUTPUT
probe.set_fact("wv_verschulden_bevollmaechtigter", "nein")
print(probe.schema_text(depth=1))

# %% [markdown]
# Das Offenlassen funktioniert auch in der anderen Richtung. Im Übungsfall `bverwg_wiedereinsetzung`
# (Variante `fristenkalender`) hat die Anwältin die Frist falsch notiert; die Beschwerde ist unzulässig.
# Ob die dort aufgeworfene Grundsatzfrage klärungsbedürftig ist, bleibt offen – und kann nun ihrerseits
# dahinstehen:

# %%
# NBVAL_CHECK_OUTPUT
print(workbench("bverwg_wiedereinsetzung.fristenkalender").schema_text(depth=1))

# %% [markdown]
# ## 2. Darlegung eines Zulassungsgrundes (§ 133 Abs. 3 S. 3, § 132 Abs. 2 VwGO)
#
# Die Beschwerdebegründung muss einen Zulassungsgrund **darlegen**. Deshalb kann die Revision nur aus
# einem Gesichtspunkt zugelassen werden, den der Beschwerdeführer innerhalb der Begründungsfrist
# aufgeworfen hat; später darf er das fristgerecht Vorgetragene nur noch erläutern oder vertiefen
# (Rn. 5). Das tat K: Auf der Grundlage seiner fristgerechten Divergenzrüge formulierte er nachträglich
# eine Grundsatzfrage – und das Bundesverwaltungsgericht darf auf eine Divergenzrüge hin die Revision
# auch wegen grundsätzlicher Bedeutung zulassen (Rn. 5 unter Hinweis auf BVerwGE 24, 91).
#
# **a) Grundsätzliche Bedeutung (§ 132 Abs. 2 Nr. 1 VwGO; Rn. 6 f.).** K fragt, ob Wertungen des Prüfers
# zur Vollständigkeit der Bearbeitung, gemessen an Aufgabenstellung und Lösungsweg, fachliche und damit
# voll nachprüfbare Wertungen sind (Rn. 6). Das ist eine Rechtsfrage über den Einzelfall hinaus – aber
# sie ist nicht **klärungsbedürftig**: Die Rechtsprechung von Bundesverfassungs- und
# Bundesverwaltungsgericht hat die Maßstäbe geklärt, die sich aus Art. 19 Abs. 4 S. 1 i.V.m. Art. 12
# Abs. 1 GG für die Kontrolle berufsbezogener Prüfungen ergeben (Rn. 7; wie sie lauten, zeigt Teil 4).
#
# **b) Divergenz (§ 132 Abs. 2 Nr. 2 VwGO; Rn. 12, 14).** Eine Divergenz setzt voraus, dass das
# Berufungsgericht einem Rechtssatz des Bundesverwaltungsgerichts widerspricht. Der Beschluss vom
# 17.12.1997 - 6 B 55.97 enthält den Rechtssatz, auf den K sich stützt, aber gar nicht: Er betrifft den
# Maßstab für die *Behandlung* einer Fachfrage, nicht die Bewertung ihrer *Nichtbehandlung* (Rn. 12).
# Schon daran scheitert die Rüge (Rn. 14); ob das Urteil auf einer Abweichung beruhen würde, kann
# dahinstehen.
#
# **c) Verfahrensmangel: rechtliches Gehör (§ 132 Abs. 2 Nr. 3 VwGO; Rn. 15–17).** Das Gehörsgebot
# (Art. 103 Abs. 1 GG, § 108 Abs. 2 VwGO) verpflichtet das Gericht, das Vorbringen der Beteiligten zu
# erwägen – nicht, es in den Gründen vollständig abzuhandeln; anzugeben sind nur die für die Überzeugung
# leitenden Gründe (§ 108 Abs. 1 S. 2 VwGO). Aus dem Schweigen der Gründe folgt nur dann, dass ein
# Vortrag übergangen wurde, wenn er nach dem materiell-rechtlichen Standpunkt des Gerichts **von
# zentraler Bedeutung** war (Rn. 16 mit BVerfGE 86, 133 <145 f.> und BVerwGE 96, 200 <209 f.>). Das war
# hier ersichtlich nicht der Fall (Rn. 17). Zudem darf ein Prüfer, der an seiner Bewertung festhält, auf
# deren Begründung verweisen, wenn sich die Einwendungen darauf beziehen; er muss sie nicht mit anderen
# Worten wiederholen (Rn. 17).
#
# Der Teilbaum „Darlegung“ des § 133 VwGO zeigt, an welchem Merkmal jeder Zulassungsgrund scheitert:

# %%
# NBVAL_CHECK_OUTPUT
print(wb.schema_text(under="Darlegung eines Revisionszulassungsgrundes"))

# %% [markdown]
# Der ganze § 133 VwGO als Bild – grau sind die Merkmale, die dahinstehen können, blass die, auf die es
# nicht mehr ankommt:

# %%
from lawkit import schema_diagram

schema_diagram(wb.result, "vwgo_133")

# %% [markdown]
# ### Gegenproben: Wann hätte ein Zulassungsgrund gegriffen?
#
# Die folgenden Übungsfälle drehen jeweils eine Tatsache um, die im Originalfall fehlte; die
# unterstellten Tatsachen kennzeichnet das Gutachten mit „das wird hier unterstellt“:
#
# - `bverwg_grundsatzfrage`: Die Grundsatzfrage ist (unterstellt) noch nicht geklärt – Prozesskostenhilfe
#   ist zu bewilligen; betrifft die Frage nur die eigene Arbeit, scheitert sie (Rn. 7 als Gegenbild).
# - `bverwg_divergenz`: Das Berufungsgericht widerspricht dem Rechtssatz aus 6 B 55.97, wie Rn. 12 ihn
#   beschreibt – die Revision ist zuzulassen; wird die Abweichung erst nach Fristablauf gerügt, nicht
#   (Rn. 5).
# - `bverwg_gehoersverletzung`: Übergangen ist ein nach dem Standpunkt des Gerichts zentraler Vortrag –
#   Prozesskostenhilfe unter Beiordnung; betrifft er nur einen Randaspekt, nicht (Rn. 16 f.).

# %%
# NBVAL_CHECK_OUTPUT
gegenproben = []
for fall in ["bverwg_grundsatzfrage", "bverwg_grundsatzfrage.einzelfallfrage",
             "bverwg_divergenz", "bverwg_divergenz.ruege_nach_fristablauf",
             "bverwg_gehoersverletzung", "bverwg_gehoersverletzung.randaspekt"]:
    geprueft = check(library.case(fall), library).norms[0]
    gegenproben.append(f"{library.case(fall).title}\n   {geprueft.citation}: {geprueft.result}")
print("\n".join(gegenproben))

# %% [markdown]
# ## 3. Prozesskostenhilfe und Beiordnung (Rn. 4)
#
# Prozesskostenhilfe erhält, wer die Kosten der Prozessführung nach seinen persönlichen und
# wirtschaftlichen Verhältnissen nicht, nur zum Teil oder nur in Raten aufbringen kann, wenn die
# beabsichtigte Rechtsverfolgung hinreichende Aussicht auf Erfolg bietet und nicht mutwillig erscheint
# (§ 114 Abs. 1 S. 1 ZPO, im Verwaltungsprozess über § 166 Abs. 1 S. 1 VwGO). Die Beiordnung eines
# Rechtsanwalts (§ 121 ZPO) setzt bewilligte Prozesskostenhilfe voraus.
#
# Der Senat lehnt ab, weil die Nichtzulassungsbeschwerde **keine Aussicht auf Erfolg** bietet: Die
# Begründung lässt keinen Zulassungsgrund erkennen (Rn. 4, „vgl. unter 3.“). Zu den Verhältnissen des K
# sagt der Beschluss nichts – die Bedürftigkeit ist offen und kann dahinstehen; ebenso die
# Mutwilligkeit. Ohne Prozesskostenhilfe keine Beiordnung. Der Ausschnitt zeigt die Beiordnungsnorm bis
# zur zweiten Ebene (die inzident geprüfte Beschwerde darunter ist ausgeblendet):

# %%
# NBVAL_CHECK_OUTPUT
print(wb.schema_text(under="§ 166 Abs. 1 S. 1 VwGO i.V.m. § 121 ZPO", depth=2))

# %% [markdown]
# Im Gutachten wird die Beschwerde dafür nicht ein zweites Mal geprüft: Die Erfolgsaussicht verweist
# auf Teil A („siehe oben“), so wie der Senat auf seine Ausführungen „unter 3.“ verweist:

# %%
# NBVAL_CHECK_OUTPUT
print(wb.gutachten_text(section="3. Hinreichende Aussicht auf Erfolg"))

# %% [markdown]
# ## 4. Fachliche und prüfungsspezifische Wertungen (Leitsätze, Rn. 8–13)
#
# Warum ist die Grundsatzfrage des K schon geklärt? Der Senat fasst die Rechtsprechung zusammen:
#
# - **Bewertungsspielraum (Rn. 8 f.).** Prüfungsleistungen bewerten allein die Prüfer, eigenständig und
#   unabhängig. Sie bilden ihre Maßstäbe autonom für die konkrete Aufgabe und müssen sie aus Gründen der
#   Chancengleichheit auf alle Bearbeitungen gleich anwenden. Deshalb haben sie einen
#   Bewertungsspielraum, den die Gerichte nur zurückgenommen kontrollieren.
# - **Fachliche Wertungen (Leitsatz 1, Rn. 9).** Der Spielraum erfasst nicht die Entscheidung über die
#   fachliche Richtigkeit konkreter Ausführungen. Hier gilt ein objektiver Maßstab, der Stand der
#   Fachwissenschaft: Eine **vertretbare Antwort darf nicht als falsch bewertet werden**, und das
#   Gericht prüft das uneingeschränkt nach.
# - **Prüfungsspezifische Wertungen (Rn. 10).** Wie der Teilnehmer die konkrete Aufgabe bewältigt hat,
#   beurteilt der Prüfer nach seinem autonomen Bezugssystem: Schwierigkeitsgrad, Überzeugungskraft der
#   Argumente, Aufbau, Folgerichtigkeit und die Gewichtung der einzelnen Wertungen. Das Gericht prüft
#   nur, ob der Prüfer die Leistung vollständig und richtig zur Kenntnis genommen, keine sachwidrigen
#   Erwägungen angestellt, seine Maßstäbe einheitlich angewandt und allgemeingültige
#   Bewertungsgrundsätze beachtet hat, und ob seine Wertungen nachvollziehbar und widerspruchsfrei sind.
# - **Vollständigkeit (Leitsatz 2, Rn. 11–13).** Ob der Bearbeiter alle Fragen erkannt hat, die die
#   Aufgabenstellung aufwirft, lässt sich nicht am fachwissenschaftlichen Meinungsstand messen, sondern
#   nur an den Anforderungen der Aufgabe: Diese Wertung ist **prüfungsspezifisch**. Das Gericht prüft vor
#   allem, ob der Prüfer die Aufgabenstellung nachvollziehbar interpretiert hat (Rn. 11). Fachlich ist
#   dagegen – so der Beschluss 6 B 55.97, wie Rn. 12 ihn liest – die Wertung, ob die Prüfung einer Norm
#   zur Lösung eines gestellten Rechtsproblems geboten, vertretbar oder fernliegend ist.
# - **Anwendung (Rn. 13).** Nach den bindenden Feststellungen des OVG (§ 137 Abs. 2 VwGO) verlangten
#   ZR III und ÖR II ein Gutachten zu allen für die Mandanten bedeutsamen Rechtsfragen. Die Kritik, K
#   habe Anspruchsgrundlagen und Rechtsfragen nicht behandelt, ist deshalb an der Aufgabenstellung zu
#   messen: Konnte die Behandlung nachvollziehbar erwartet werden, darf ihr Fehlen nachteilig bewertet
#   werden.
#
# lawkit bildet diese Einordnung als Definitionsnorm ab (`pruefungsrecht_fachliche_wertung`): Zuerst wird
# gefragt, ob die Wertung einen prüfungsspezifischen Gegenstand betrifft (Vollständigkeit, Darstellung,
# Schwierigkeit und Gewichtung), dann, ob sie sich am fachwissenschaftlichen Meinungsstand messen lässt.
# Für die Bemerkung der Prüfer zu ZR III:

# %%
# NBVAL_CHECK_OUTPUT
bemerkungen = workbench("bverwg_prueferbemerkungen")
print(bemerkungen.schema_text())

# %% [markdown]
# ### Selbst einordnen
#
# Ordnen Sie nun die Prüferbemerkungen selbst ein – die aus dem Beschluss (ZR III, ÖR II Bolzplatz,
# „äußerst unklar“) und einige Übungsbemerkungen. Nach „Prüfen“ zeigt das Widget das Gutachten, das
# lawkit für die Bemerkung schreibt; die richtige Antwort ist dessen Ergebnis, nicht eine hinterlegte
# Lösung. Eine Bemerkung („§ 812 BGB hätte geprüft werden müssen“) lässt sich nur im Einzelfall
# einordnen: Meint der Prüfer, die Aufgabenstellung habe die Prüfung verlangt, ist die Wertung
# prüfungsspezifisch; hält er die Prüfung der Norm zur Lösung des Rechtsproblems für fachlich geboten,
# ist sie fachlich (Rn. 11 f.).

# %%
einordnen = classify_remarks("bverwg_prueferbemerkungen")
einordnen

# %% [markdown]
# Die Rückmeldung, wenn man die Kritik „äußerst unklar“ für eine fachliche Wertung hält:

# %%
# NBVAL_CHECK_OUTPUT
print(einordnen.answer("aeusserst_unklar", "fachliche Wertung"))

# %% [markdown]
# ## 5. Was folgt aus der Einordnung? Bewertungsfehler
#
# Die Einordnung entscheidet über die Kontrolldichte. Die Norm `pruefungsrecht_bewertungsspielraum`
# fragt deshalb, ob ein **Bewertungsfehler** vorliegt: entweder ein fachlicher Fehler (eine fachliche
# Wertung, bei der eine vertretbare Antwort als falsch bewertet wurde, Rn. 9) oder eine Überschreitung
# des Bewertungsspielraums (Rn. 10, 11, 13). Die Fälle aus dem Beschluss und ihre Abwandlungen:

# %%
# NBVAL_CHECK_OUTPUT
fehler = []
for fall in ["bverwg_zr3_anspruchsgrundlagen", "bverwg_zr3_anspruchsgrundlagen.bearbeitervermerk_beschraenkt",
             "bverwg_oer2_bolzplatz", "bverwg_oer2_bolzplatz.ungleiche_massstaebe",
             "bverwg_aeusserst_unklar", "bverwg_aeusserst_unklar.widerspruechliches_votum",
             "bverwg_vertretbare_auffassung", "bverwg_vertretbare_auffassung.unvertretbar"]:
    geprueft = check(library.case(fall), library).norm("pruefungsrecht_bewertungsspielraum")
    fehler.append(f"{library.case(fall).title}\n   Bewertungsfehler: {geprueft.result}")
print("\n".join(fehler))

# %% [markdown]
# Die Bemerkungen aus dem Beschluss (ZR III, Bolzplatz, „äußerst unklar“) sind prüfungsspezifisch, und
# ein Verstoß gegen die Grenzen des Spielraums ist nicht ersichtlich: kein Bewertungsfehler. Ein Fehler
# liegt erst vor, wenn der Prüfer die Aufgabenstellung nicht nachvollziehbar interpretiert (der
# Bearbeitervermerk schloss Wertersatz aus), mit zweierlei Maß misst oder sich widerspricht – oder wenn
# er eine vertretbare Auffassung als falsch bewertet (Leitsatz 1, Rn. 9). Eine Auffassung, die keine
# Stütze im Meinungsstand findet, darf er dagegen als falsch bewerten.
#
# Wer das Fehlen einer Behandlung rügt, muss also an der Aufgabenstellung ansetzen, nicht am
# Meinungsstand. Nach denselben Grundsätzen bewertet übrigens der Korrekturteil dieses Arbeitsbuchs:
# Fachliche Ergebnisse werden an einer Lösungsskizze gemessen, die jede vertretbare Lösung als richtig
# zählt; Vollständigkeit, Gewichtung und Darstellung folgen einem für alle gleichen Bewertungsschema.
#
# ## Zusammenfassung
#
# - Zulässigkeit der Nichtzulassungsbeschwerde: Begründungsfrist (§ 133 Abs. 3 S. 1 VwGO), sonst
#   Wiedereinsetzung (§ 60 VwGO; Verschulden des Bevollmächtigten zählt, § 173 S. 1 VwGO, § 85 Abs. 2 ZPO).
#   Sie kann dahinstehen, wenn die Beschwerde jedenfalls scheitert (Rn. 5).
# - Zulassungsgründe müssen fristgerecht dargelegt sein (§ 133 Abs. 3 S. 3 VwGO, Rn. 5): Grundsatz
#   scheitert am Klärungsbedarf (Rn. 7), Divergenz am fehlenden Rechtssatz (Rn. 14), Gehörsrüge an der
#   fehlenden zentralen Bedeutung (Rn. 16 f.).
# - Prozesskostenhilfe und Beiordnung scheitern an der Erfolgsaussicht (Rn. 4).
# - Fachliche Wertungen: voll nachprüfbar, vertretbare Antworten sind nicht falsch (Leitsatz 1, Rn. 9).
#   Prüfungsspezifische Wertungen – auch die an der Aufgabenstellung gemessene Vollständigkeit: nur die
#   Grenzen des Bewertungsspielraums (Leitsatz 2, Rn. 10–13).
#
# ## Selbstkontrolle

# %%
sc = self_check("04_bverwg_6_b_71_17")
sc

# %% [markdown]
# So sieht die Rückmeldung auf eine falsche Antwort aus:

# %%
# NBVAL_CHECK_OUTPUT
print(sc.answer("dahinstehen", "Weil Wiedereinsetzung ohnehin zu gewähren ist"))
