"""Mutant generation for Python (ast), JavaScript and SQL (tokens): what is made, and what is not."""
import ast

from xblocks.tools import mutation, mutation_js, mutation_sql

PY = '''def compter(nombres, seuil=10):
    """Compte les nombres > 0 (docstring: never mutated)."""
    compte = 0
    for n in nombres:
        if n > 0 and not n == seuil:
            compte += 1
    return compte


if __name__ == "__main__":
    print(compter([1, 2, 3]))
'''


def by_description(mutants):
    return {(m.line, m.description): m for m in mutants}


def test_python_mutants_cover_each_operator():
    found = by_description(mutation.generate("python", {"compter.py": PY}))
    expected = [
        (5, "uses >= instead of >"),
        (5, "uses != instead of =="),
        (5, "uses or instead of and"),
        (5, "drops the `not` in `not n == seuil`"),
        (6, "uses -= instead of +="),
        (6, "uses 2 instead of 1"),
        (6, "uses 0 instead of 1"),
        (3, "uses -1 instead of 0"),
        (1, "uses 11 instead of 10"),
        (6, "skips `compte += 1`"),
        (7, "skips `return compte`"),
        (3, "returns None at the start of compter()"),
    ]
    for key in expected:
        assert key in found, f"missing {key}; made {sorted(found)}"


def test_python_mutants_compile_and_leave_the_rest_alone():
    for m in mutation.generate("python", {"compter.py": PY}):
        ast.parse(m.source)
        assert '"""Compte les nombres > 0 (docstring: never mutated)."""' in m.source
        assert 'print(compter([1, 2, 3]))' in m.source  # the __main__ block is never mutated
    swapped = by_description(mutation.generate("python", {"compter.py": PY}))[(5, "uses >= instead of >")]
    assert "if (n >= 0 and not n == seuil):" in swapped.source or "(n >= 0)" in swapped.source
    assert swapped.source.count("\n") == PY.count("\n")


def test_python_dropped_statement_keeps_line_numbers():
    m = by_description(mutation.generate("python", {"compter.py": PY}))[(4, "skips `for n in nombres:`")]
    lines = m.source.splitlines()
    assert lines[3] == "    pass"
    assert lines[6] == "    return compte"


def test_sentence_names_file_line_and_change():
    m = by_description(mutation.generate("python", {"compter.py": PY}))[(5, "uses >= instead of >")]
    assert m.sentence() == "your tests still pass if compter.py line 5 uses >= instead of >"


def test_broken_python_gives_no_mutant():
    assert mutation.generate("python", {"x.py": "def f(:\n"}) == []


def test_only_solution_sources_are_mutated():
    assert mutation.generate("python", {"donnees.csv": "1,2\n"}) == []
    assert mutation.generate("sql", {"requete.sql": "SELECT 1;"}) != []


JS = '''// Compte les mots "longs" : a < b ne doit pas changer ici
function compterMotsLongs(mots) {
  let compte = 0;
  for (const mot of mots) {
    if (mot.length >= 5 && mot !== "x") {
      compte += 1;
    }
  }
  const motif = /a<b/g;
  console.log(`compte < ${compte}`);
  return compte;
}
const ecart = (a, b) => { return a - b; };
module.exports = { compterMotsLongs, ecart };
'''


def test_javascript_mutants():
    found = by_description(mutation.generate("javascript", {"mots.js": JS}))
    for key in [(5, "uses > instead of >="), (5, "uses || instead of &&"), (5, "uses === instead of !=="),
                (5, "uses 6 instead of 5"), (5, "uses 4 instead of 5"), (13, "uses + instead of -"),
                (11, "skips `return compte;`"), (2, "returns undefined at the start of compterMotsLongs()"),
                (13, "returns undefined at the start of ecart()")]:
        assert key in found, f"missing {key}; made {sorted(found)}"


def test_javascript_strings_comments_regexes_are_left_alone():
    for m in mutation.generate("javascript", {"mots.js": JS}):
        if m.kind == "statement":
            continue  # dropping a whole line may drop a string with it
        assert '// Compte les mots "longs" : a < b ne doit pas changer ici' in m.source
        assert "/a<b/g" in m.source
        assert "`compte < ${compte}`" in m.source
        assert '"x"' in m.source
    # Declarations and top-level lines are not dropped (that only makes a ReferenceError).
    descriptions = [m.description for m in mutation.generate("javascript", {"mots.js": JS})]
    assert not any("let compte" in d or "module.exports" in d for d in descriptions)


def test_javascript_tokenizer_tells_regex_from_division():
    kinds = [(t.kind, t.text) for t in mutation_js.tokenize("x = a / b / c; y = /re/i.test(s);")]
    assert ("regex", "/re/i") in kinds
    assert kinds.count(("punct", "/")) == 2


SQL = '''-- Les clients de Rabat, 'x < y' dans un commentaire
SELECT DISTINCT c.nom, COUNT(o.id) AS n
FROM client c LEFT JOIN commande o ON o.client_id = c.id
WHERE c.ville = 'Rabat' AND o.montant >= 100 AND o.jour BETWEEN '2026-01-01' AND '2026-06-30'
GROUP BY c.nom
ORDER BY n DESC
LIMIT 3;
'''


def test_sql_mutants():
    mutants = mutation.generate("sql", {"requete.sql": SQL})
    found = by_description(mutants)
    for key in [(6, "uses ASC instead of DESC"), (2, "leaves out DISTINCT"),
                (3, "uses INNER JOIN instead of LEFT JOIN"), (4, "uses > instead of >="),
                (4, "uses OR instead of AND (the 1st one on the line)"),
                (4, "uses OR instead of AND (the 2nd one on the line)"),
                (4, "leaves out the condition c.ville = 'Rabat'"),
                (4, "leaves out the condition o.montant >= 100"), (7, "uses 4 instead of 3")]:
        assert key in found, f"missing {key}; made {sorted(found)}"
    # The AND of BETWEEN is not a logical AND: two swaps only, and BETWEEN stays whole.
    assert sum(1 for m in mutants if m.description.startswith("uses OR instead of AND")) == 2
    dropped = found[(4, "leaves out the condition o.jour BETWEEN '2026-01-01' AND '2026-06-30'")]
    assert "WHERE c.ville = 'Rabat' AND o.montant >= 100" in dropped.source
    assert "BETWEEN" not in dropped.source
    for m in mutants:
        assert "'x < y'" in m.source and "'Rabat'" in m.source or "c.ville" not in m.source


def test_sql_default_sort_aggregates_and_equality():
    src = "SELECT ville, MAX(salaire) FROM employe\nWHERE actif = 1\nGROUP BY ville HAVING COUNT(*) > 2\nORDER BY ville, 2 DESC;"
    found = by_description(mutation_sql.mutants("q.sql", src))
    assert found[(4, "sorts by ville DESC instead of ascending")].source.endswith("ORDER BY ville DESC, 2 DESC;")
    assert (4, "uses ASC instead of DESC") in found
    assert found[(1, "uses MIN instead of MAX")].source.startswith("SELECT ville, MIN(salaire)")
    assert (2, "uses <> instead of =") in found
    having = found[(3, "leaves out HAVING COUNT(*) > 2")]
    assert having.source == "SELECT ville, MAX(salaire) FROM employe\nWHERE actif = 1\nGROUP BY ville ORDER BY ville, 2 DESC;"


def test_sql_single_where_condition_is_dropped_whole():
    found = mutation_sql.mutants("q.sql", "SELECT nom FROM client WHERE ville = 'Rabat' ORDER BY nom;")
    dropped = [m for m in found if m.kind == "where"]
    assert [m.source for m in dropped] == ["SELECT nom FROM client ORDER BY nom;"]
    joined = mutation_sql.mutants("q.sql", "SELECT * FROM a JOIN b ON a.id = b.id;")
    assert any(m.source == "SELECT * FROM a LEFT JOIN b ON a.id = b.id;" for m in joined)


def test_select_is_capped_deterministic_and_mixes_kinds():
    mutants = mutation.generate("python", {"compter.py": PY})
    assert len(mutants) > 10
    first = mutation.select(mutants, 10)
    assert first == mutation.select(list(mutants), 10)
    assert len(first) == 10
    assert len({m.kind for m in first}) >= 5
    assert mutation.select(mutants, 1000) == mutants


def test_same_change_twice_on_a_line_is_numbered():
    found = by_description(mutation.generate("python", {"prix.py": "def arrondir(x):\n    return round(x * 100) / 100\n"}))
    first = found[(2, "uses 101 instead of 100 (the 1st one on the line)")]
    second = found[(2, "uses 101 instead of 100 (the 2nd one on the line)")]
    assert "round(x * 101) / 100" in first.source and "round(x * 100) / 101" in second.source


def test_unnamed_javascript_functions_are_described_plainly():
    src = "const liste = [1, 2].map((n) => {\n  return n * 2;\n});\n"
    descriptions = {m.description for m in mutation.generate("javascript", {"a.js": src})}
    assert "returns undefined at the start of an arrow function" in descriptions
