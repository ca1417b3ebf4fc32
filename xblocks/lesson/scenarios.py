"""Workbench scenarios for the lesson block (French content, as in the bootcamp)."""

LESSON_BOUCLES = '''
<lesson display_name="Les boucles for en Python" skills="python.loops">
  <body><![CDATA[
Une **boucle** répète un bloc d'instructions. En Python, `for` parcourt les éléments
d'une séquence, un par un :

```python
villes = ["Rabat", "Casablanca", "Fès"]
for ville in villes:
    print("Bonjour", ville)
```

`range(n)` produit les entiers de `0` à `n - 1` :

| Expression   | Valeurs produites |
|--------------|-------------------|
| `range(3)`   | 0, 1, 2           |
| `range(1, 4)`| 1, 2, 3           |

> Astuce : l'indentation (4 espaces) indique ce qui est répété.

![Schéma d'une boucle](/static/boucle.png)
]]></body>
  <try_it language="python"><![CDATA[total = 0
for i in range(1, 6):
    total = total + i
    print("i =", i, "total =", total)
]]></try_it>
</lesson>
'''

LESSON_SQL = '''
<lesson display_name="Filtrer avec WHERE" skills="sql.select">
  <body><![CDATA[
La clause `WHERE` garde seulement les lignes qui vérifient une condition :

```sql
SELECT nom, ville FROM client WHERE ville = 'Rabat';
```

On combine les conditions avec `AND` et `OR`.
]]></body>
</lesson>
'''

SCENARIOS = [
    ("Leçon : les boucles for (avec « Essayer »)", LESSON_BOUCLES),
    ("Leçon : filtrer avec WHERE", LESSON_SQL),
]
