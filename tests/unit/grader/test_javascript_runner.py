"""The JavaScript runner, end to end in the real sandbox: results, statuses and fidelity to a bare
`node --test` run. Attacks on the results are in test_javascript_runner_forgery.py."""
import glob
import os
import re
import shutil
import subprocess

import pytest

from grader.exercise import Exercise, Limits, SourceFile
from grader.olx import parse_file
from grader.runners.javascript import RUNNER

pytestmark = [pytest.mark.sandbox,
              pytest.mark.skipif(shutil.which("bwrap") is None or not os.path.exists("/usr/bin/node"),
                                 reason="needs bubblewrap and Node.js")]

FAST = Limits(cpu_seconds=1, wall_seconds=2, memory_mb=128)

CJS_TESTS = """const test = require('node:test');
const assert = require('node:assert/strict');
const { somme, sommeLente, Compte } = require('./somme.js');
test('somme simple', () => { assert.equal(somme([1, 2, 3]), 6); });
test('somme vide', () => { assert.equal(somme([]), 0); });
test('async', async () => { assert.equal(await sommeLente([1, 2]), 3); });
test('classe', () => { const c = new Compte(); c.deposer(10); assert.equal(c.solde, 10); });
test('rappel', () => { assert.equal(somme([1, 2], (x) => x * 10), 30); });
"""
RIGHT = """function somme(t, f = (x) => x) { return t.reduce((a, b) => a + f(b), 0); }
async function sommeLente(t) { await new Promise((r) => setTimeout(r, 5)); return somme(t); }
class Compte { constructor() { this.solde = 0; } deposer(x) { this.solde += x; } }
module.exports = { somme, sommeLente, Compte };
"""
WRONG = """function somme(t) { return t.length; }
async function sommeLente(t) { throw new TypeError('pas encore'); }
class Compte { constructor() { this.solde = 0; } deposer(x) {} }
module.exports = { somme, sommeLente, Compte };
"""


def exercise(tests, limits=FAST, hidden=()):
    return Exercise("javascript", tuple(SourceFile(n, c, n in hidden) for n, c in tests.items()),
                    limits=limits)


def outcomes(verdict):
    return {t.name: t.outcome for t in verdict.tests}


def bare_outcomes(tmp_path, files, tests):
    """{test name: passed?} from a plain `node --test` run (trusted code only)."""
    for name, content in {**files, **tests}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content)
    run = subprocess.run(["node", "--test", "--test-reporter=tap", *tests], cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    levels, results = {}, {}
    for line in run.stdout.splitlines():
        match = re.match(r"^( *)(not )?ok \d+ - (.*?)(?: # (SKIP|TODO)\b.*)?$", line)
        if not match:
            continue
        nesting = len(match.group(1)) // 4
        name = match.group(3).replace("\\#", "#").replace("\\\\", "\\")
        children = levels.pop(nesting + 1, [])
        if match.group(4):
            continue
        found = [(f"{name} > {child}", ok) for child, ok in children] or [(name, not match.group(2))]
        if nesting == 0:
            results.update(found)
        else:
            levels.setdefault(nesting, []).extend(found)
    return results


def test_right_solution_passes_every_test():
    verdict = RUNNER.grade(exercise({"somme.test.js": CJS_TESTS}), {"somme.js": RIGHT})
    assert verdict.status == "ok"
    assert outcomes(verdict) == dict.fromkeys(
        ["somme simple", "somme vide", "async", "classe", "rappel"], "passed")
    assert verdict.score == 1.0


def test_wrong_solution_fails_with_messages_that_explain():
    verdict = RUNNER.grade(exercise({"somme.test.js": CJS_TESTS}), {"somme.js": WRONG})
    assert verdict.status == "ok"
    assert outcomes(verdict) == {"somme simple": "failed", "somme vide": "passed",
                                 "async": "error", "classe": "failed", "rappel": "failed"}
    messages = {t.name: t.message for t in verdict.tests}
    assert "3 !== 6" in messages["somme simple"]
    assert messages["async"] == "TypeError: pas encore (somme.js, line 2)"


def test_es_modules_named_default_and_namespace_imports():
    tests = {"calc.test.mjs": """import test from 'node:test';
import assert from 'node:assert/strict';
import carre, { triple } from './calc.mjs';
import * as calc from './calc.mjs';
test('triple', () => assert.equal(triple(2), 6));
test('carre', () => assert.equal(carre(3), 9));
test('espace de noms', async () => assert.equal(await calc.lent(4), 4));
test('absent', () => assert.equal(calc.absent, undefined));
"""}
    files = {"calc.mjs": """export const triple = (x) => 3 * x;
export default function carre(x) { return x * x; }
export async function lent(x) { await new Promise((r) => setTimeout(r, 5)); return x; }
"""}
    verdict = RUNNER.grade(exercise(tests), files)
    assert verdict.status == "ok"
    assert set(outcomes(verdict).values()) == {"passed"}, verdict.tests


def test_values_cross_with_their_exact_types():
    tests = {"v.test.js": """const test = require('node:test');
const assert = require('node:assert/strict');
const m = require('./valeurs.js');
test('nan', () => assert.ok(Number.isNaN(m.v('nan'))));
test('moins zero', () => assert.ok(Object.is(m.v('-0'), -0)));
test('undefined', () => assert.equal(m.v('undef'), undefined));
test('map et set', () => assert.deepEqual(m.v('map'), new Map([['a', new Set([1])]])));
test('bigint', () => assert.equal(m.v('big'), 10n ** 20n));
test('cycle', () => { const c = m.v('cycle'); assert.equal(c.moi, c); });
test('chaine et nombre', () => assert.notEqual(m.v('str'), 6));
test('instance', () => { const c = new m.Compteur(); c.incr(); assert.ok(c instanceof m.Compteur); assert.equal(c.n, 1); });
test('promesse rejetee', async () => { await assert.rejects(m.rejet(), RangeError); });
test('promesse jamais tenue', async () => { await m.jamais(); });
"""}
    files = {"valeurs.js": """class Compteur { constructor() { this.n = 0; } incr() { this.n++; } }
module.exports = { Compteur,
  v(k) { const o = {}; o.moi = o;
    return { nan: NaN, '-0': -0, undef: undefined, map: new Map([['a', new Set([1])]]),
             big: 10n ** 20n, cycle: o, str: '6' }[k]; },
  rejet: async () => { throw new RangeError('non'); },
  jamais: () => new Promise(() => {}) };
"""}
    verdict = RUNNER.grade(exercise(tests), files)
    result = outcomes(verdict)
    assert result.pop("promesse jamais tenue") == "error"
    assert set(result.values()) == {"passed"}, verdict.tests


def test_subtests_and_suites_are_named_with_their_parents():
    tests = {"s.test.js": """const { test, describe, it } = require('node:test');
const assert = require('node:assert');
describe('groupe', () => { it('a', () => {}); it('b', () => assert.equal(1, 2)); it.skip('sautee', () => {}); });
test('parent', async (t) => { await t.test('enfant', () => {}); });
"""}
    verdict = RUNNER.grade(exercise(tests), {"x.js": ""})
    assert outcomes(verdict) == {"groupe > a": "passed", "groupe > b": "failed",
                                 "parent > enfant": "passed"}


def test_hidden_flag_follows_the_test_file():
    tests = {"visible.test.js": "require('node:test')('v', () => {});",
             "cache.test.js": "require('node:test')('h', () => {});"}
    verdict = RUNNER.grade(exercise(tests, hidden={"cache.test.js"}), {"x.js": ""})
    assert {t.name: t.hidden for t in verdict.tests} == {"v": False, "h": True}


@pytest.mark.parametrize("name,source,line", [
    ("somme.js", "function somme(t) {\n  return t.reduce((a, b) => a + b, 0;\n}\nmodule.exports = { somme };\n", 2),
    ("somme.mjs", "export function somme(t) {\n  return t.reduce((a, b) => a + b, 0;\n}\n", 2),
])
def test_learner_syntax_error_fails_every_test_naming_file_and_line(name, source, line):
    ext = "mjs" if name.endswith("mjs") else "js"
    importer = ("import { somme } from './somme.mjs';" if ext == "mjs"
                else "const { somme } = require('./somme.js');")
    tests = {f"s.test.{ext}": f"""import test from 'node:test';
{importer}
test('un', () => somme([1]));
test('deux', () => somme([]));
""".replace("import test from 'node:test';", "import test from 'node:test';" if ext == "mjs"
            else "const test = require('node:test');")}
    verdict = RUNNER.grade(exercise(tests), {name: source})
    assert verdict.status == "ok"
    assert [t.outcome for t in verdict.tests] == ["error", "error"]
    for t in verdict.tests:
        assert f"{name}, line {line}" in t.message and "SyntaxError" in t.message


def test_author_syntax_error_is_an_error_naming_the_test_file_and_line():
    tests = {"s.test.js": "const test = require('node:test');\ntest('a', () => {\n  1 +;\n});\n"}
    verdict = RUNNER.grade(exercise(tests), {"x.js": ""})
    assert verdict.status == "error"
    assert "s.test.js, line 3" in verdict.message and "SyntaxError" in verdict.message


def test_infinite_loop_is_a_timeout_and_earlier_results_are_kept():
    tests = {"t.test.js": """const test = require('node:test');
const { f } = require('./f.js');
test('rapide', () => f(0));
test('boucle', () => f(1));
"""}
    verdict = RUNNER.grade(exercise(tests), {"f.js": "exports.f = (n) => { while (n) {} return 0; };"})
    assert verdict.status == "timeout"
    assert outcomes(verdict) == {"rapide": "passed", "boucle": "failed"}
    assert verdict.score == 0


def test_memory_bomb_is_reported_as_memory():
    verdict = RUNNER.grade(
        exercise({"t.test.js": "require('node:test')('m', () => require('./m.js').f());"},
                 limits=Limits(cpu_seconds=5, wall_seconds=10, memory_mb=96)),
        {"m.js": "exports.f = () => { const a = []; for (;;) a.push(new Array(1e6).fill(1)); };"})
    assert verdict.status == "memory"
    assert outcomes(verdict) == {"m": "failed"}


def test_output_flood_is_reported_as_output_limit():
    verdict = RUNNER.grade(
        exercise({"t.test.js": "require('node:test')('o', () => require('./o.js').f());"}),
        {"o.js": "exports.f = () => { for (;;) console.log('x'.repeat(1000)); };"})
    assert verdict.status == "output_limit"
    assert outcomes(verdict) == {"o": "failed"}
    assert len(verdict.output) <= 2 * FAST.output_kb * 1024


def test_what_the_learner_prints_is_the_output():
    verdict = RUNNER.grade(exercise({"t.test.js": "require('node:test')('p', () => require('./p.js').f());"}),
                           {"p.js": "exports.f = () => console.log('Salam');"})
    assert verdict.status == "ok" and "Salam" in verdict.output


def test_snippet_prints_and_stops():
    assert RUNNER.run_snippet("console.log(1 + 1)", FAST).output.strip() == "2"
    assert "ok" == RUNNER.run_snippet("import fs from 'node:fs'; console.log(typeof fs.readFileSync)", FAST).status
    assert RUNNER.run_snippet("while (true) {}", FAST).status == "timeout"
    assert RUNNER.run_snippet("for (;;) console.log('x'.repeat(100))", FAST).status == "output_limit"


COURSE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "course_content", "coding_exercise")


@pytest.mark.parametrize("path", sorted(glob.glob(os.path.join(COURSE, "js_*.xml"))),
                         ids=os.path.basename)
def test_course_exercises_match_a_bare_node_test_run(path, tmp_path):
    ex = parse_file(path).to_exercise()
    tests = {t.name: t.content for t in ex.tests}
    for label, files in (("solution", ex.solution), ("starter", ex.starter)):
        submission = {f.name: f.content for f in files}
        verdict = RUNNER.grade(ex, submission)
        assert verdict.status == "ok", (label, verdict.message)
        expected = bare_outcomes(tmp_path / label, submission, tests)
        assert {t.name: t.passed for t in verdict.tests} == expected, label
    assert verdict.score < 1.0  # the starter does not solve the exercise


def test_learner_error_classes_keep_their_builtin_base_and_instanceof(tmp_path):
    tests = {"e.test.js": """const test = require('node:test');
const assert = require('node:assert/strict');
const m = require('./erreurs.js');
test('classe', () => assert.throws(() => m.f(), m.PrixInvalide));
test('base', () => assert.throws(() => m.f(), RangeError));
test('autre classe', () => assert.throws(() => m.f(), m.Autre));
test('nom et message', () => assert.throws(() => m.f(), { name: 'PrixInvalide', message: 'negatif' }));
test('instance', () => assert.ok(new m.Autre() instanceof m.Autre));
"""}
    files = {"erreurs.js": """class PrixInvalide extends RangeError { constructor(m) { super(m); this.name = 'PrixInvalide'; } }
class Autre extends Error {}
module.exports = { PrixInvalide, Autre, f: () => { throw new PrixInvalide('negatif'); } };
"""}
    verdict = RUNNER.grade(exercise(tests), files)
    assert {t.name: t.passed for t in verdict.tests} == bare_outcomes(tmp_path, files, tests)
    assert [t.name for t in verdict.tests if not t.passed] == ["autre classe"]


def test_arrays_and_objects_changed_in_place_by_the_learner_are_seen_by_the_test(tmp_path):
    tests = {"p.test.js": """const test = require('node:test');
const assert = require('node:assert/strict');
const { trier, ajouter } = require('./place.js');
test('tri en place', () => { const t = [3, 1, 2]; trier(t); assert.deepEqual(t, [1, 2, 3]); });
test('objet complete', () => { const panier = { the: 1 }; ajouter(panier, 'menthe'); assert.deepEqual(panier, { the: 1, menthe: 1 }); });
"""}
    files = {"place.js": "exports.trier = (t) => { t.sort(); };\nexports.ajouter = (p, k) => { p[k] = 1; };\n"}
    verdict = RUNNER.grade(exercise(tests), files)
    assert {t.name: t.passed for t in verdict.tests} == bare_outcomes(tmp_path, files, tests) == {
        "tri en place": True, "objet complete": True}
