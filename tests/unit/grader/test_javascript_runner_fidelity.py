"""The JavaScript grader agrees with a bare `node --test` run where sharing one process
matters: aliasing of arrays and objects, learner iterables, error classes and causes, frozen
results."""
from tests.unit.grader.test_javascript_runner import (RUNNER, bare_outcomes, exercise,
                                                      pytestmark)  # noqa: F401

ALIASING_TESTS = {"a.test.js": """const test = require('node:test');
const assert = require('node:assert/strict');
const { File, Grille, ajouter } = require('./a.js');
test('pop change la liste donnee', () => { const t = [1, 2, 3]; const f = new File(t); f.retirer(); assert.deepEqual(t, [1, 2, 3]); });
test('la file ne voit pas les changements', () => { const t = [1, 2]; const f = new File(t); t.push(3); assert.equal(f.taille(), 2); });
test('la copie est une copie', () => { const f = new File([5, 6]); f.copie().length = 0; assert.equal(f.taille(), 2); });
test('meme objet rendu', () => { const inv = {}; assert.equal(ajouter(inv, 'a'), inv); assert.deepEqual(inv, { a: 1 }); });
test('lignes partagees', () => { const g = new Grille(); g.ligne(0).push(9); assert.deepEqual(g.ligne(0), [1, 2]); });
"""}
RIGHT = """class File { constructor(t) { this.t = [...t]; } retirer() { return this.t.shift(); } taille() { return this.t.length; } copie() { return [...this.t]; } }
class Grille { constructor() { this.l = [[1, 2]]; } ligne(i) { return [...this.l[i]]; } }
const ajouter = (inv, k) => { inv[k] = (inv[k] || 0) + 1; return inv; };
module.exports = { File, Grille, ajouter };
"""
ALIASED = """class File { constructor(t) { this.t = t; } retirer() { return this.t.shift(); } taille() { return this.t.length; } copie() { return this.t; } }
class Grille { constructor() { this.l = [[1, 2]]; } ligne(i) { return this.l[i]; } }
const ajouter = (inv, k) => { inv[k] = (inv[k] || 0) + 1; return inv; };
module.exports = { File, Grille, ajouter };
"""


def test_aliasing_matches_a_bare_run(tmp_path):
    for name, code in (("right", RIGHT), ("aliased", ALIASED)):
        files = {"a.js": code}
        verdict = RUNNER.grade(exercise(ALIASING_TESTS), files)
        assert verdict.status == "ok"
        bare = bare_outcomes(tmp_path / name, files, ALIASING_TESTS)
        assert {t.name: t.passed for t in verdict.tests} == bare
    assert bare == {"pop change la liste donnee": False, "la file ne voit pas les changements": False,
                    "la copie est une copie": False, "meme objet rendu": True,
                    "lignes partagees": False}


def test_iterables_error_classes_causes_and_frozen_results_match_a_bare_run(tmp_path):
    tests = {"b.test.js": """const test = require('node:test');
const assert = require('node:assert/strict');
const m = require('./b.js');
test('spread', () => assert.deepEqual([...new m.Sac([1, 2])], [1, 2]));
test('generateur infini', () => { const g = m.naturels(); assert.deepEqual([g.next().value, g.next().value], [0, 1]); });
test('for of', () => { const vus = []; for (const x of new m.Sac([3])) vus.push(x); assert.deepEqual(vus, [3]); });
test('mauvaise classe', () => assert.throws(() => m.lancer(), m.Autre));
test('cause', () => { try { m.lancer(); } catch (e) { assert.ok(e.cause instanceof TypeError); return; } assert.fail('rien'); });
test('gele', () => assert.ok(Object.isFrozen(m.defauts())));
"""}
    files = {"b.js": """class Sac { constructor(t) { this.t = t; } *[Symbol.iterator]() { yield* this.t; } }
function* naturels() { for (let i = 0; ; i++) yield i; }
class Autre extends Error {}
class Erreur extends Error {}
const lancer = () => { throw new Erreur('non', { cause: new TypeError('dessous') }); };
const defauts = () => Object.freeze({ langue: 'fr' });
module.exports = { Sac, naturels, Autre, lancer, defauts };
"""}
    verdict = RUNNER.grade(exercise(tests), files)
    assert verdict.status == "ok"
    assert {t.name: t.passed for t in verdict.tests} == bare_outcomes(tmp_path, files, tests)
    assert {t.name: t.outcome for t in verdict.tests}["mauvaise classe"] == "failed"


CONSOLE_TESTS = {"c.test.js": """const test = require('node:test');
const assert = require('node:assert/strict');
const { saluer, alerter } = require('./c.js');
test('le test capture console.log', (t) => {
  const log = t.mock.method(console, 'log', () => {});
  saluer('Aya');
  assert.deepStrictEqual(log.mock.calls.map((c) => c.arguments), [['Bonjour', 'Aya']]);
});
test('et console.error a part', (t) => {
  const error = t.mock.method(console, 'error', () => {});
  const log = t.mock.method(console, 'log', () => {});
  alerter('disque plein');
  assert.equal(log.mock.callCount(), 0);
  assert.deepStrictEqual(error.mock.calls[0].arguments, ['ATTENTION', 'disque plein']);
});
test('sans mock, la sortie reste celle du programme', () => {
  saluer('Omar');
});
"""}


def test_console_replaced_by_the_tests_sees_the_learner_calls(tmp_path):
    files = {"c.js": "const saluer = (n) => { console.log('Bonjour', n); };\n"
                     "const alerter = (m) => { console.error('ATTENTION', m); };\n"
                     "module.exports = { saluer, alerter };\n"}
    verdict = RUNNER.grade(exercise(CONSOLE_TESTS), files)
    assert verdict.status == "ok", verdict
    assert {t.name: t.passed for t in verdict.tests} == \
        bare_outcomes(tmp_path, files, CONSOLE_TESTS) == dict.fromkeys(
            ["le test capture console.log", "et console.error a part",
             "sans mock, la sortie reste celle du programme"], True)
    assert "Bonjour Omar" in verdict.output and "Bonjour Aya" not in verdict.output
