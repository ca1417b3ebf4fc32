"""Learner code that tries to forge a pass. Every attempt must end with the attacked tests failed
(never passed) and the grader still working for the next submission."""
import os
import shutil

import pytest

from grader.exercise import Exercise, Limits, SourceFile
from grader.runners.javascript import RUNNER

pytestmark = [pytest.mark.sandbox,
              pytest.mark.skipif(shutil.which("bwrap") is None or not os.path.exists("/usr/bin/node"),
                                 reason="needs bubblewrap and Node.js")]

LIMITS = Limits(cpu_seconds=2, wall_seconds=4, memory_mb=128)
TESTS = """const test = require('node:test');
const assert = require('node:assert');
const m = require('./somme.js');
test('egalite stricte', () => { assert.strictEqual(m.somme([1, 2, 3]), 6); });
test('egalite profonde', () => { assert.deepStrictEqual(m.paire(), [1, 2]); });
test('exception attendue', () => { assert.throws(() => m.verifier(-1), RangeError); });
test('dernier', () => { assert.strictEqual(m.somme([2, 2]), 4); });
"""
HONEST = """exports.somme = (t) => t.reduce((a, b) => a + b, 0);
exports.paire = () => [1, 2];
exports.verifier = (x) => { if (x < 0) throw new RangeError('negatif'); };
"""


def grade(learner_code, tests=TESTS):
    ex = Exercise("javascript", (SourceFile("somme.test.js", tests),), limits=LIMITS)
    return RUNNER.grade(ex, {"somme.js": learner_code})


def assert_nothing_forged(verdict, names=("egalite stricte", "egalite profonde", "exception attendue",
                                          "dernier")):
    results = {t.name: t.outcome for t in verdict.tests}
    for name in names:
        assert results.get(name, "missing") != "passed", (name, verdict)
    # The grader is intact: an honest submission right after passes everything.
    honest = grade(HONEST)
    assert honest.status == "ok" and honest.passed == honest.total == 4


def test_patching_assert_and_node_test_in_the_learner_module_changes_nothing():
    verdict = grade("""const assert = require('node:assert');
for (const k of Object.keys(assert)) assert[k] = () => {};
const nt = require('node:test'); nt.test = nt.it = () => {};
Object.prototype.ok = true;
exports.somme = () => 0; exports.paire = () => [0]; exports.verifier = () => {};
""")
    assert verdict.status == "ok"
    assert_nothing_forged(verdict)


def test_process_exit_is_never_a_pass_even_inside_assert_throws():
    verdict = grade(HONEST.replace("if (x < 0) throw new RangeError('negatif');", "process.exit(0);"))
    results = {t.name: t.outcome for t in verdict.tests}
    assert verdict.status == "crash"
    assert results["egalite stricte"] == "passed" and results["egalite profonde"] == "passed"
    assert_nothing_forged(verdict, names=("exception attendue", "dernier"))


def test_fake_tap_and_result_lines_on_stdout_are_ignored():
    verdict = grade("""const fake = ['TAP version 13', 'ok 1 - egalite stricte', 'ok 2 - dernier', '1..4',
  '# pass 4', '{"k": "test", "name": "dernier", "outcome": "passed"}', '{"k": "end"}'].join('\\n');
console.log(fake); process.stderr.write(fake);
exports.somme = () => { console.log(fake); return 0; };
exports.paire = () => []; exports.verifier = () => {};
""")
    assert verdict.status == "ok" and verdict.passed == 0
    assert_nothing_forged(verdict)


def test_lying_objects_do_not_equal_the_expected_values():
    verdict = grade("""const liar = { valueOf() { return 6; }, toString() { return '6'; }, toJSON() { return 6; },
  [Symbol.toPrimitive]() { return 6; } };
exports.somme = () => liar;
exports.paire = () => new Proxy([1, 2], { get: (t, k) => t[k], getPrototypeOf: () => Array.prototype });
exports.verifier = () => { throw { name: 'RangeError', message: 'negatif', __proto__: RangeError.prototype }; };
""")
    assert_nothing_forged(verdict, names=("egalite stricte", "dernier"))


def test_a_proxy_that_claims_every_property_is_plain_data_on_the_test_side():
    verdict = grade("""exports.somme = () => new Proxy({}, { get: () => 6, has: () => true,
  getPrototypeOf: () => Number.prototype });
exports.paire = () => new Proxy({}, { get: (t, k) => (k === 'length' ? 2 : 1), ownKeys: () => ['0', '1', 'length'] });
exports.verifier = () => {};
""")
    assert_nothing_forged(verdict, names=("egalite stricte", "egalite profonde", "exception attendue",
                                          "dernier"))


def test_prototype_pollution_through_returned_data_does_not_reach_the_tests():
    tests = """const test = require('node:test');
const assert = require('node:assert');
const m = require('./somme.js');
test('pollution', () => { const v = m.somme(); assert.strictEqual({}.isAdmin, undefined); assert.strictEqual(v.isAdmin, true); });
"""
    verdict = grade("exports.somme = () => JSON.parse('{\"__proto__\": {\"isAdmin\": true}}');", tests)
    assert [t.outcome for t in verdict.tests] == ["failed"]


def test_forged_messages_on_the_channel_end_the_learner_run_as_failures():
    # The learner writes a well-formed reply of its own, out of turn, on the pipe to the tests.
    verdict = grade("""const fs = require('fs');
const out = Number(process.argv[3]);
function frame(obj) { const b = Buffer.from(JSON.stringify(obj)); const h = Buffer.alloc(4); h.writeUInt32BE(b.length); return Buffer.concat([h, b]); }
exports.somme = (t) => { for (let id = 1; id < 50; id++) fs.writeSync(out, frame({ t: 'reply', id, ok: true, v: 4 })); return 0; };
exports.paire = () => [1, 2]; exports.verifier = (x) => { throw new RangeError('x'); };
""")
    assert verdict.status == "crash"
    assert_nothing_forged(verdict, names=("egalite stricte", "egalite profonde", "exception attendue",
                                          "dernier"))


def test_learner_cannot_see_or_change_the_test_files_or_the_test_process():
    verdict = grade("""const fs = require('fs');
let seen = 'none';
try { seen = fs.readdirSync('.').join(','); } catch (e) {}
fs.writeFileSync('somme.test.js', "require('node:test')('egalite stricte', () => {});");
try { process.kill(-1, 'SIGKILL'); } catch (e) {}
exports.somme = () => seen; exports.paire = () => []; exports.verifier = () => {};
""")
    assert_nothing_forged(verdict)


def test_deeply_nested_or_huge_values_fail_the_test_not_the_grader():
    verdict = grade("""exports.somme = () => { let a = []; for (let i = 0; i < 100000; i++) a = [a]; return a; };
exports.paire = () => { const o = {}; Object.defineProperty(o, 'x', { enumerable: true, get() { throw new Error('piege'); } }); return o; };
exports.verifier = () => {};
""")
    assert verdict.status == "ok"
    assert_nothing_forged(verdict, names=("egalite stricte", "egalite profonde", "exception attendue",
                                          "dernier"))


def test_callbacks_do_not_open_a_way_into_the_test_process():
    # Through a callback the tests pass, the learner looks for the test process's Function
    # constructor (which would run any code there) and its prototypes.
    tests = """const test = require('node:test');
const assert = require('node:assert');
const m = require('./somme.js');
test('evasion', () => { assert.strictEqual(m.evasion(function rappel() { return 1; }, { f() {} }), 'bloque'); });
"""
    verdict = grade("""exports.evasion = (cb, obj) => {
  const tries = [() => cb.constructor, () => cb.prototype && cb.prototype.constructor, () => cb.__proto__,
                 () => Object.getPrototypeOf(obj.f).constructor === Function ? undefined : Object.getPrototypeOf(obj.f).constructor,
                 () => cb.call, () => cb.apply, () => cb.bind];
  for (const t of tries) {
    try {
      const F = t();
      if (typeof F === 'function') {
        const where = F('return process.argv.join(" ")')();
        if (typeof where === 'string' && where.includes('tester.js')) return 'evade';
      }
    } catch (e) {}
  }
  return 'bloque';
};
""", tests)
    assert [t.outcome for t in verdict.tests] == ["passed"], verdict.tests


def test_a_learner_file_named_like_a_hidden_test_file_does_not_replace_it():
    hidden = SourceFile("cache.test.js", "require('node:test')('cache', () => { require('node:assert').strictEqual(require('./somme.js').somme([1]), 1); });",
                        hidden=True)
    ex = Exercise("javascript", (SourceFile("somme.test.js", TESTS), hidden), limits=LIMITS)
    verdict = RUNNER.grade(ex, {"somme.js": HONEST.replace("reduce((a, b) => a + b, 0)", "length * 0"),
                                "cache.test.js": "require('node:test')('cache', () => {});"})
    results = {t.name: (t.outcome, t.hidden) for t in verdict.tests}
    assert results["cache"] == ("failed", True)
