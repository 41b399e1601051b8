# Notebook 06 — Trainer zum Selbststudium (built by tools/build_notebooks.py).
# %% [markdown]
# # 06 – Trainer: Prüfungspunkte üben, Fallvarianten lösen, in Abständen wiederholen
#
# **Lernziele.** Mit diesem Trainer
#
# 1. prüfen Sie einen Fall **Prüfungspunkt für Prüfungspunkt** in der Reihenfolge des Gutachtens –
#    für jeden Punkt entscheiden Sie: **ja, nein oder offen**;
# 2. lernen Sie die **Definitionen** und die **Meinungsstreite** der Normen dieses Arbeitsbuchs,
#    einschließlich der Frage, ob es im Fall auf den Streit ankommt;
# 3. üben Sie **Konkurrenzen** und **Verfolgbarkeit** (Strafantrag, Ermächtigung);
# 4. lösen Sie **Fallvarianten**: kurze Abwandlungen eines Falls, bei denen sich oft nur eine
#    Tatsache ändert – und mit ihr das Ergebnis.
#
# Jede richtige Antwort ist die Lösung, die das Prüfprogramm dieses Arbeitsbuchs für den Fall
# berechnet; niemand hat sie von Hand eingetragen. Nach jeder Antwort sehen Sie die Begründung, die
# Tatsache, auf die es ankommt, und die Fundstelle.

# %% [markdown]
# ## So arbeiten Sie mit dem Trainer
#
# - Oben steht, wie viele Karten **heute fällig** sind. Eine Sitzung umfasst bis zu 20 Karten,
#   das sind etwa 10 bis 15 Minuten.
# - Antworten Sie mit den Knöpfen oder mit der Tastatur: **j** = ja, **n** = nein, **o** = offen;
#   **Enter** führt zur nächsten Karte.
# - Bei Definitions- und Streitkarten denken Sie die Antwort zuerst selbst durch, decken sie mit
#   **Enter** auf und sagen dann ehrlich, wie gut Sie sie wussten: **j** = gewusst,
#   **o** = unsicher, **n** = nicht gewusst.
# - Was Sie falsch beantworten, kommt nach wenigen Minuten wieder; was sitzt, kommt erst nach Tagen
#   und dann in immer größeren Abständen (verteilte Wiederholung). Am meisten bringt es, jeden Tag
#   eine kurze Sitzung zu machen.
# - Ihr Lernstand wird nach jeder Antwort gespeichert, und zwar nur hier, in der Datei
#   `answers/training.sqlite` neben diesem Notebook. Sie können jederzeit aufhören und später
#   weitermachen; nichts wird an andere geschickt. Sammelt Ihre Lehrkraft die Lernstände ein, sieht
#   sie nur Anzahlen je Prüfungspunkt, keine Namen.
# - Mit der Auswahl **Fall** üben Sie nur die Karten eines Falls.

# %%
from lawkit.widgets import trainer

trainer()

# %% [markdown]
# ## Was der Trainer abfragt
#
# Die Karten entstehen aus den Normen und Fällen des Arbeitsbuchs. Ihre Zahl nach Art:

# %%
# NBVAL_CHECK_OUTPUT
from lawkit.training import kinds, library_cards

karten = library_cards()
for art, anzahl in kinds(karten).items():
    print(f"{art.value}: {anzahl}")

# %% [markdown]
# ## Wie eine Fallvariante entsteht
#
# Für den Fall des BaFin-Angestellten M, der die Kundenliste eines beaufsichtigten Unternehmens an
# einen Konkurrenten verkauft (§§ 203, 204 StGB, Notebook 02), ist zu jeder Tatsache hinterlegt,
# wie der Sachverhalt lauten würde, wenn die Antwort „ja“, „nein“ oder „offen“ wäre. Daraus setzt
# der Trainer kurze Sachverhalte zusammen, lässt jeden durchprüfen und stellt die lehrreichsten
# zuerst: die, bei denen eine Änderung das Ergebnis kippt. Ein Satz kann dabei mehr als eine
# Tatsache festlegen: Gibt M die Liste niemandem weiter, sondern nutzt sie selbst, dann hat er sie
# weder offenbart noch gerade durch das Offenbaren verwertet. Widersprüchliche Sätze kommen in
# keiner Variante zusammen vor.
#
# Die lehrreichste Variante dieses Falls:

# %%
# NBVAL_CHECK_OUTPUT
from textwrap import fill

from lawkit import check, default_library
from lawkit.training import generate_variants

bibliothek = default_library()
ausgangsfall = bibliothek.case("verkauf_an_konkurrenten")
variante = generate_variants(ausgangsfall, bibliothek)[0]
print(fill(variante.text, 100))
print()
for vorher, nachher in zip(check(ausgangsfall, bibliothek).norms, variante.result.norms, strict=True):
    print(f"{nachher.citation}: {nachher.result} (im Ausgangsfall: {vorher.result})")

# %% [markdown]
# **Versuchen Sie es selbst:** Welche Tatsache ist gegenüber dem Ausgangsfall geändert, und an
# welchem Merkmal scheitern beide Tatbestände? Im Trainer kommt diese Variante als Karte vor –
# ebenso die, in der M die Liste selbst nutzt: Dann tritt § 204 StGB nicht mehr hinter § 203 StGB
# zurück.
