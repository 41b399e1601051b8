# Fallsammlung — every case of the library and of the course folder (built by tools/build_notebooks.py).
# %% [markdown]
# # Fallsammlung
#
# Alle Fälle dieses Arbeitsbuchs – und, wenn Ihre Lehrkraft einen Kursordner eingerichtet hat,
# auch die Fälle Ihres Kurses. Suchen Sie nach einer Norm (zum Beispiel **§ 203 StGB**, **353b**
# oder **Amtshaftung**), wählen Sie einen Fall, und die Arbeitsfläche öffnet sich: Ändern Sie dort
# die Antworten auf die Fragen des Sachverhalts (ja, nein, offen) und sehen Sie, wie sich
# Prüfungsschema und Gutachten ändern.
#
# Neue Fälle erscheinen hier von selbst: Eine Falldatei im Ordner `cases/` des Kursordners genügt
# (siehe `docs/kurs.md`).

# %%
from lawkit.widgets import fallsammlung

fallsammlung()

# %% [markdown]
# ## Welche Normen die Fälle der Bibliothek prüfen
#
# Die Fälle der mitgelieferten Bibliothek, nach Normen geordnet:

# %%
# NBVAL_CHECK_OUTPUT
from lawkit.loading.library import shipped_library
from lawkit.widgets._gallery import by_norm, gallery_entries

eintraege, _ = gallery_entries(shipped_library())
for norm, faelle in by_norm(e for e in eintraege if e.source == "Bibliothek").items():
    print(f"{norm}: {len(faelle)} Fall" if len(faelle) == 1 else f"{norm}: {len(faelle)} Fälle")
