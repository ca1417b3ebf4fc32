"""Workbench scenarios for the quiz block (French content, as in the bootcamp)."""

QUIZ_BOUCLES = """
<quiz display_name="Quiz : les boucles en Python" weight="1.0" max_attempts="2"
      show_answer="after_attempts" skills="python.loops">
  <question id="q1" type="single" points="1">
    <text><![CDATA[Combien de fois s'exécute le corps de `for i in range(3)` ?]]></text>
    <option correct="false" feedback="range(3) commence à 0 : compte bien 0, 1, 2.">2</option>
    <option correct="true" feedback="Oui : i vaut 0, puis 1, puis 2.">3</option>
    <option correct="false" feedback="range(3) s'arrête avant 3.">4</option>
  </question>
  <question id="q2" type="multiple" points="2">
    <text><![CDATA[Quels types sont **immuables** en Python ?]]></text>
    <option correct="true" feedback="Un tuple ne change plus après sa création.">tuple</option>
    <option correct="false" feedback="On peut ajouter des éléments à une liste : elle est mutable.">list</option>
    <option correct="true" feedback="Les chaînes sont immuables : s.upper() crée une nouvelle chaîne.">str</option>
    <option correct="false" feedback="Un dictionnaire se modifie en place.">dict</option>
  </question>
  <question id="q3" type="text" points="1">
    <text><![CDATA[Quel mot-clé permet de **sortir** immédiatement d'une boucle ?]]></text>
    <answer case_sensitive="false">break</answer>
  </question>
  <question id="q4" type="number" points="1">
    <text><![CDATA[Que vaut `7 // 2` ?]]></text>
    <answer tolerance="0">3</answer>
  </question>
  <question id="q5" type="number" points="1">
    <text><![CDATA[Une boucle ajoute 2,5 % d'intérêts par an à 1000 dirhams pendant 2 ans.
Quel est le montant final (arrondi au dirham) ?]]></text>
    <answer tolerance="1%">1051</answer>
  </question>
</quiz>
"""

QUIZ_SQL = """
<quiz display_name="Quiz : SELECT et WHERE" max_attempts="0" show_answer="after_correct" skills="sql.select">
  <question id="q1" type="single">
    <text><![CDATA[Quelle clause filtre les lignes d'une requête ?]]></text>
    <option correct="true" feedback="WHERE garde les lignes qui vérifient la condition.">WHERE</option>
    <option correct="false" feedback="ORDER BY trie, il ne filtre pas.">ORDER BY</option>
    <option correct="false" feedback="FROM indique la table.">FROM</option>
  </question>
  <question id="q2" type="text">
    <text><![CDATA[Quel mot-clé supprime les doublons dans un `SELECT` ?]]></text>
    <answer>DISTINCT</answer>
  </question>
</quiz>
"""

SCENARIOS = [
    ("Quiz : les boucles en Python", QUIZ_BOUCLES),
    ("Quiz : SELECT et WHERE (essais illimités)", QUIZ_SQL),
]
