"""Workbench scenarios for the bootcamp_module block: real steps (lessons, quizzes) in French."""

MODULE_BOUCLES = """
<bootcamp_module display_name="Module 1 : Python, les boucles" mastery_threshold="0.8" gating="true">
  <objectives><![CDATA[
À la fin de ce module, vous saurez :

- répéter des instructions avec `for` et `range()` ;
- parcourir une liste et calculer un total ;
- sortir d'une boucle avec `break`.
]]></objectives>
  <lesson display_name="Les boucles for" skills="python.loops">
    <body><![CDATA[
`for` répète un bloc pour chaque élément d'une séquence :

```python
for i in range(3):
    print(i)
```

Ce code affiche `0`, `1` puis `2`.
]]></body>
    <try_it language="python"><![CDATA[for i in range(3):
    print("Tour numéro", i)
]]></try_it>
  </lesson>
  <quiz display_name="Quiz : range()" max_attempts="0" show_answer="after_correct" skills="python.loops">
    <question id="q1" type="single">
      <text><![CDATA[Combien de valeurs produit `range(5)` ?]]></text>
      <option correct="false" feedback="range(5) commence à 0.">4</option>
      <option correct="true" feedback="Oui : 0, 1, 2, 3 et 4.">5</option>
      <option correct="false">6</option>
    </question>
    <question id="q2" type="number">
      <text><![CDATA[Quelle est la dernière valeur de `range(2, 10)` ?]]></text>
      <answer>9</answer>
    </question>
  </quiz>
  <lesson display_name="Sortir d'une boucle" skills="python.loops python.control">
    <body><![CDATA[
`break` arrête la boucle immédiatement :

```python
for note in [12, 15, 4, 18]:
    if note < 10:
        print("Note éliminatoire :", note)
        break
```
]]></body>
  </lesson>
  <quiz display_name="Quiz : break" max_attempts="2" show_answer="after_attempts" skills="python.control">
    <question id="q1" type="text">
      <text><![CDATA[Quel mot-clé arrête une boucle immédiatement ?]]></text>
      <answer>break</answer>
    </question>
  </quiz>
</bootcamp_module>
"""

MODULE_SANS_VERROU = MODULE_BOUCLES.replace(
    'display_name="Module 1 : Python, les boucles" mastery_threshold="0.8" gating="true"',
    'display_name="Module 1 (sans verrouillage)" mastery_threshold="0.8" gating="false"')

SCENARIOS = [
    ("Module : les boucles (déverrouillage par la maîtrise)", MODULE_BOUCLES),
    ("Module : les boucles (toutes les étapes ouvertes)", MODULE_SANS_VERROU),
]
